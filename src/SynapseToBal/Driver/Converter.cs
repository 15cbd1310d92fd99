using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using SynapseToBal.Diagnostics;
using SynapseToBal.Emit;
using SynapseToBal.IR;
using SynapseToBal.Lowering;
using SynapseToBal.Project;
using SynapseToBal.Report;
using SynapseToBal.Refine;
using SynapseToBal.Semantics;
using SynapseToBal.Syntax;
using SemanticModel = SynapseToBal.Semantics.SemanticModel;

namespace SynapseToBal.Driver;

/// <param name="Input">An XML file, a folder, a project or a Carbon Application (.car); see <see cref="ProjectLoader"/>.</param>
/// <param name="Org">Ballerina organisation; defaults to <c>synapse2bal</c>.</param>
/// <param name="PackageName">Ballerina package name; defaults to one derived from the input name.</param>
/// <param name="TemplatesDirectory">A folder whose templates override the built-in ones by name.</param>
/// <param name="SynapseLogLines">Logs keep the Micro Integrator's line format instead of a message and key-values.</param>
public sealed record ConversionOptions(string Input, string? Org = null, string? PackageName = null, string? TemplatesDirectory = null, bool SynapseLogLines = false)
{
    /// <summary>
    /// API resources that only read their body as JSON (or replace it) take it as a <c>json</c> payload parameter
    /// (<c>--typed-payloads</c>; docs/design.md "Typed resource parameters"): the listener then answers 400 for a body
    /// it cannot bind, where the Micro Integrator runs the flow or its fault flow (SB0618).
    /// </summary>
    public bool TypedPayloads { get; init; }

    /// <summary>Told how far the conversion is: a stage (Parsing, Lowering, Emitting), then units done of a total.</summary>
    public Action<string, int, int>? Progress { get; init; }

    /// <summary>
    /// Stop after lowering: the result has the package IR but no files and no report (one artifact to standard
    /// output renders its own part of the package, and needs neither the whole package's files nor its report).
    /// </summary>
    public bool LowerOnly { get; init; }

    /// <summary>One <c>.bal</c> file per source artifact instead of the file-per-kind layout (<c>--keep-structure</c>).</summary>
    public bool KeepStructure { get; init; }

    /// <summary>Rendered constructs of a previous run into the same output, reused where their key is unchanged; it collects this run's (<see cref="Emit.RenderCache"/>).</summary>
    public RenderCache? RenderCache { get; init; }

    /// <summary>Told the text and source file of each service and function as it is rendered (per-artifact reuse, <c>Output/ArtifactSplice.cs</c>).</summary>
    public SectionCollector? Sections { get; init; }

    /// <summary>
    /// When only part of a package is converted (a slice, <c>Output/ArtifactSplice.cs</c>): the module-level names of
    /// the whole package, which its parameters, property locals and payload records keep clear of.
    /// </summary>
    public IReadOnlyCollection<string>? OtherModuleNames { get; init; }

    /// <summary>
    /// How many threads the conversion may use for its per-file work (loading and parsing the files, rendering the
    /// package's files); null for one per processor, 1 for none besides the caller's. The output and the diagnostics
    /// are the same whatever the number (<c>docs/performance.md</c>, "Parallel conversion").
    /// </summary>
    public int? MaxDegreeOfParallelism { get; init; }

    /// <summary>The number of threads <see cref="MaxDegreeOfParallelism"/> allows: at least 1.</summary>
    public int Parallelism => Math.Max(1, MaxDegreeOfParallelism ?? Environment.ProcessorCount);
}

public sealed record ConversionResult(
    IReadOnlyList<GeneratedFile> Files,
    IReadOnlyList<Diagnostic> Diagnostics,
    ImmutableArray<SynapseDocument> Documents,
    PackageIr? Package,
    string SourceRoot)
{
    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

    public int ArtifactCount => Documents.Sum(d => d.Artifacts.Length);

    /// <summary>What was read from the input: its form, its files and its registry resources.</summary>
    public ProjectModel? Project { get; init; }

    /// <summary>The migration report of the conversion (null when the input does not exist).</summary>
    public MigrationReportData? Report { get; init; }

    /// <summary>Each artifact's share of the report's totals, in the order of its rows (empty when there is no report).</summary>
    public ImmutableArray<ArtifactShare> ReportShares { get; init; } = [];

    /// <summary>The templates the package was rendered with, for the report pages.</summary>
    public TemplateRenderer? Renderer { get; init; }

    /// <summary>The resolved references of the artifacts (null when the input does not exist or resolving them failed).</summary>
    public ReferenceGraph? Graph { get; init; }

    /// <summary>Every module-level symbol's name in symbol order (empty when nothing was refined).</summary>
    public ImmutableArray<string> ModuleNames { get; init; } = [];

    /// <summary>Every name every module-level declaration asked for (<c>RefinedPackage.AskedNames</c>; empty when nothing was refined).</summary>
    public ImmutableArray<string> AskedNames { get; init; } = [];

    /// <summary>Every module-level symbol got the name it asked for (false when nothing was refined).</summary>
    public bool NamesAsAsked { get; init; }

    /// <summary>Something in the package may write any property, so none is typed (<c>PropertyRecord.AnyWriter</c>; false when nothing was refined).</summary>
    public bool AnyPropertyWriter { get; init; }
}

public sealed record AnalysisResult(Inventory Inventory, IReadOnlyList<Diagnostic> Diagnostics, ProjectModel Project, ImmutableArray<SynapseDocument> Documents)
{
    /// <summary>The dependency graph of the project's artifacts.</summary>
    public ReferenceGraph? Graph { get; init; }

    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
}

/// <summary>Runs the whole pipeline: discover → parse → lower → emit. Writing to disk is separate.</summary>
public static class Converter
{
    public const string DefaultOrg = "synapse2bal";

    public static ConversionResult Convert(ConversionOptions options)
    {
        var diagnostics = new DiagnosticBag();
        var input = Path.GetFullPath(options.Input);
        var sourceRoot = Directory.Exists(input) ? input : Path.GetDirectoryName(input) ?? input;
        if (!File.Exists(input) && !Directory.Exists(input))
        {
            diagnostics.Report(DiagnosticCatalog.InputNotFound, null, options.Input);
            return new ConversionResult([], diagnostics.Sorted(), [], null, sourceRoot);
        }

        var project = ProjectLoader.Load(input, diagnostics, parallelism: options.Parallelism);
        var inputFile = InputFiles.ByTail(project, diagnostics);
        var documents = LocalEntrySources.Load(Parse(project, diagnostics, options.Progress, options.Parallelism), inputFile);
        SemanticModel model;
        try
        {
            var typeScript = DataMapperTypeScript.Resources(project);
            model = SemanticModel.Build(documents, RegistryContains(project, typeScript), diagnostics, RegistryText(project, typeScript), [.. project.Registry.Resources.Select(r => r.Key)], inputFile, RegistryContents(project), project.EnterpriseIntegrator6 ? ServerProduct.EnterpriseIntegrator6 : ServerProduct.MicroIntegrator, project.ServerJmsFactories, RegistryUnreadable(project, typeScript));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            diagnostics.Report(DiagnosticCatalog.InternalError, null, $"resolving references: {ex.GetType().Name}: {ex.Message}");
            return new ConversionResult([], diagnostics.Sorted(), documents, null, sourceRoot) { Project = project };
        }

        options.Progress?.Invoke("Lowering", 0, 1);
        if (documents.Length == 0)
        {
            diagnostics.Report(DiagnosticCatalog.NoArtifacts, null, Path.GetFileName(input));
        }

        PackageIr package;
        try
        {
            var progress = options.Progress;
            package = Lowerer.Lower(model, documents, diagnostics, progress is null ? null : (done, total) => progress("Lowering", done, total));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            diagnostics.Report(DiagnosticCatalog.InternalError, null, "lowering: " + ex.Message);
            return new ConversionResult([], diagnostics.Sorted(), documents, null, sourceRoot) { Project = project, Graph = model.Graph };
        }

        if (options.LowerOnly)
        {
            return new ConversionResult([], diagnostics.Sorted(), documents, package, sourceRoot) { Project = project, Graph = model.Graph };
        }

        var metadata = PackageMetadata.Read(input, project);
        var name = options.PackageName ?? metadata?.Name ?? DerivePackageName(input);
        var emitOptions = new EmitOptions(SanitizeOrg(options.Org ?? DefaultOrg), SanitizePackageName(name), sourceRoot, Path.GetFileName(input))
        {
            Version = metadata?.VersionOrDefault(diagnostics) ?? PackageMetadata.DefaultVersion,
            SynapseLogLines = options.SynapseLogLines,
            KeepStructure = options.KeepStructure,
            MaxDegreeOfParallelism = options.Parallelism,
        };
        IReadOnlyList<GeneratedFile> files;
        var renderer = new TemplateRenderer(options.TemplatesDirectory);
        options.Progress?.Invoke("Emitting", 0, 1);

        // What the result and the report read of the semantic model and the refined package, taken out of them so that
        // neither is held while the report is built (docs/performance.md, "The 10,000-API peak without the GC setting").
        var graph = model.Graph;

        // The report's counts are gathered before the render (they need only the syntax and the IR), so that their
        // garbage is collected before the render's peak and only counts are held while the files are written.
        var prepared = PrepareReport(documents, package, diagnostics);
        RefinedFacts facts = RefinedFacts.None;
        // A lowering fact: reported whether or not emitting succeeds.
        foreach (var endpoint in package.UnreferencedRegistryEndpoints)
        {
            diagnostics.Report(DiagnosticCatalog.RegistryEndpointUnreferenced, endpoint.Origin, endpoint.Key);
        }

        try
        {
            var refined = BallerinaRefiner.Refine(package, RuntimeModule.For(renderer).DeclaredNames, options.OtherModuleNames, options.TypedPayloads);
            ReviseAfterRefining(refined.Package, diagnostics);
            ReportTypedPayloads(refined, diagnostics);
            WithdrawDroppedSecretNotes(package, refined, diagnostics);
            facts = new RefinedFacts(refined.ModuleNames, refined.AskedNames, refined.NamesAsAsked, refined.PropertyRecord.AnyWriter);
            var emitter = new PackageEmitter(renderer, emitOptions) { Cache = options.RenderCache, Sections = options.Sections };
            foreach (var failure in refined.Failures)
            {
                diagnostics.Report(DiagnosticCatalog.StageInternalError, null, "refining the package", failure.Pass, failure.Message, "the pass was skipped and the package is generated without that simplification");
            }

            foreach (var failure in refined.NamingFailures)
            {
                var (location, what) = SymbolOrigins.Describe(package, failure, model.Artifacts);
                diagnostics.Report(DiagnosticCatalog.SymbolInternalError, location, what, failure.Message, $"it is named '{failure.Name}' and every other name is kept");
            }

            files = emitter.Emit(refined, documents);
            foreach (var failure in emitter.FactFailures)
            {
                diagnostics.Report(failure.SameMeaning ? DiagnosticCatalog.FactInternalError : DiagnosticCatalog.FactFallbackDiffers, null, failure.What, failure.Message, failure.Fallback);
            }

            foreach (var failure in emitter.Failures)
            {
                diagnostics.Report(DiagnosticCatalog.GenerationInternalError, failure.Origin, failure.Kind, failure.Name, failure.Message);
            }

            foreach (var failure in emitter.FileFailures)
            {
                diagnostics.Report(DiagnosticCatalog.FileInternalError, failure.Origin, failure.What, failure.Message);
            }
        }
        catch (TemplateException ex)
        {
            diagnostics.Report(DiagnosticCatalog.TemplateError, null, ex.TemplateName, ex.Message);
            files = [];
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            diagnostics.Report(DiagnosticCatalog.InternalError, null, $"emitting: {ex.GetType().Name}: {ex.Message}");
            files = [];
        }

        var (sorted, report, shares) = FinishReport(prepared, diagnostics, all => new ReportInput(Path.GetFileName(input), emitOptions.PackageName, project.Form.ToString(), sourceRoot, documents, package, graph, files, all));
        if (files.Count > 0 && report is not null)
        {
            if (ReportFiles.Guarded(ReportWriter.MarkdownFileName, () => ReportWriter.Markdown(renderer, report), diagnostics) is { } markdown)
            {
                files = [.. files, markdown];
            }
            else
            {
                sorted = diagnostics.Sorted();
            }
        }

        options.Progress?.Invoke("Emitting", 1, 1);
        return new ConversionResult(files, sorted, documents, package, sourceRoot)
        {
            Project = project,
            Report = report,
            ReportShares = shares,
            Renderer = renderer,
            Graph = graph,
            ModuleNames = facts.ModuleNames,
            NamesAsAsked = facts.NamesAsAsked,
            AskedNames = facts.AskedNames,
            AnyPropertyWriter = facts.AnyPropertyWriter,
        };
    }

    /// <summary>What the result keeps of the refined package (the package itself is dropped once it is rendered).</summary>
    private sealed record RefinedFacts(ImmutableArray<string> ModuleNames, ImmutableArray<string> AskedNames, bool NamesAsAsked, bool AnyPropertyWriter)
    {
        public static readonly RefinedFacts None = new([], [], false, false);
    }

    /// <summary>
    /// Withdraws SB0212 ("it became a required configurable") at a property set the refiner dropped (nothing reads the
    /// property) when the secret configurable its value named is no longer declared: the note would name a configurable
    /// the package does not have.
    /// </summary>
    private static void WithdrawDroppedSecretNotes(PackageIr lowered, RefinedPackage refined, DiagnosticBag diagnostics)
    {
        var declared = refined.Package.Configurables.Select(c => c.Name).ToHashSet();
        var removed = lowered.Configurables.Where(c => c.Secret && !declared.Contains(c.Name)).Select(c => c.Name).ToHashSet();
        if (removed.Count == 0)
        {
            return;
        }

        var places = new HashSet<(string Path, Microsoft.CodeAnalysis.Text.TextSpan Span)>();
        foreach (var step in refined.Locals.DroppedSets)
        {
            var named = new HashSet<Symbol>();
            EmptyFlows.Collect(step, named);
            if (step.Origin is { } origin && named.Overlaps(removed))
            {
                places.Add((origin.Location.Path, origin.Location.Span));
            }
        }

        if (places.Count > 0)
        {
            diagnostics.Revise(d => d.Id == DiagnosticCatalog.SecretConfigurable.Id && places.Contains((d.Location.GetLineSpan().Path, d.Location.SourceSpan)), _ => null);
        }
    }

    /// <summary>
    /// The lowering's diagnostics whose text depends on what the refiner decided, made true for the package generated:
    /// a JMS inbound endpoint's credential parameter that nothing reads gets no configurable (the refiner drops it,
    /// InboundPropertiesIr.UnreadSecrets), so its SB0212 ("it became a required configurable") is taken back; the comment
    /// above the listener names it. A drop that may end a copy of an iterate or clone stopping its parent (Refine/CopyDrops.cs)
    /// answers nothing there, as the Micro Integrator writes nothing for it (the split set RESPONSE_WRITTEN to SKIP:
    /// CloneMediator.mediate, IterateMediator.mediate), so its SB0215 says so (<see cref="Lowerer.Answers202InCopy"/>).
    /// </summary>
    /// <summary>SB0618 for each API resource that takes its body as a typed payload parameter (<c>--typed-payloads</c>).</summary>
    private static void ReportTypedPayloads(RefinedPackage refined, DiagnosticBag diagnostics)
    {
        if (refined.TypedPayloads.IsEmpty)
        {
            return;
        }

        foreach (var service in refined.Package.Services.Where(s => s.Kind == ServiceKind.Api))
        {
            foreach (var resource in service.Resources.Where(r => refined.TypedPayloads[r] is not null))
            {
                var path = resource.Origin is Syntax.ApiResourceSyntax api ? api.UriTemplate ?? api.UrlMapping ?? "/" : "/";
                var record = refined.TypedPayloads.Parameter(resource)?.Record is { } type ? refined.Names[type] : null;
                diagnostics.Report(DiagnosticCatalog.TypedPayloadParameter, resource.Origin.Location, $"'{resource.Accessor.ToUpperInvariant()} {path}' of API '{service.Name}'",
                    record ?? "json",
                    record is null ? string.Empty
                        : $"; {record} is the input record of the datamapper that reads the body first, and the mapping reads the record the listener bound (data.jsondata parseAsType, which converts each member as the mapping's cloneWithType does), so a body the record does not admit is a 400 too, where without the option the mapping fails into the fault flow, and what reads the body before the mapping or in the fault flow reads the record's JSON, its values converted to the fields' types");
            }
        }
    }

    private static void ReviseAfterRefining(PackageIr package, DiagnosticBag diagnostics)
    {
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        var unread = package.Inbounds
            .Where(i => i.Properties is { UnreadSecrets.Length: > 0 })
            .SelectMany(i => i.Properties!.UnreadSecrets.Select(secret => (i.Origin.Location.Path, Message: string.Format(culture, DiagnosticCatalog.SecretConfigurable.MessageFormat.ToString(culture), $"{i.Properties.Name} {secret}"))))
            .ToHashSet();
        if (unread.Count > 0)
        {
            diagnostics.Revise(d => d.Id == DiagnosticCatalog.SecretConfigurable.Id && unread.Contains((d.Location.GetLineSpan().Path, d.GetMessage(culture))), _ => null);
        }

        var copyDrops = package.Functions.SelectMany(f => IrWalker.Steps(f.Body))
            .OfType<AcceptStep>().Where(a => a.MarksDropped && a.Origin is DropMediator)
            .Select(a => (a.Origin!.Location.Path, a.Origin.Location.Span))
            .ToHashSet();
        if (copyDrops.Count > 0)
        {
            var answers202 = string.Format(culture, DiagnosticCatalog.FlowEndsWithoutResponse.MessageFormat.ToString(culture), Lowerer.Answers202);
            diagnostics.Revise(
                d => d.Id == DiagnosticCatalog.FlowEndsWithoutResponse.Id && copyDrops.Contains((d.Location.GetLineSpan().Path, d.Location.SourceSpan)) && d.GetMessage(culture) == answers202,
                d => Diagnostic.Create(DiagnosticCatalog.FlowEndsWithoutResponse, d.Location, Lowerer.Answers202InCopy));
        }
    }

    /// <summary>
    /// The counts of the migration report, gathered from the syntax and the IR before the render
    /// (<see cref="MigrationReportBuilder.Prepare"/>). A row that fails (a bug in the converter) is reported per artifact
    /// (SB0905: listed as not converted with no counts); a failure outside the rows is SB0907 and the package is written
    /// without a report (null here).
    /// </summary>
    private static PreparedReport? PrepareReport(ImmutableArray<SynapseDocument> documents, PackageIr package, DiagnosticBag diagnostics)
    {
        try
        {
            var failures = new List<ReportRowFailure>();
            var prepared = MigrationReportBuilder.Prepare(documents, package, failures);
            foreach (var failure in failures)
            {
                diagnostics.Report(DiagnosticCatalog.StageInternalError, failure.Artifact.Location, $"building the report row of the {failure.Artifact.XmlName} '{failure.Artifact.Name}'", "migration report", failure.Message, "the row is listed as not converted with no counts, and the package and the other rows are kept");
            }

            return prepared;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            ReportBuildFailed(diagnostics, ex);
            return null;
        }
    }

    /// <summary>
    /// The migration report of the conversion from its prepared counts, the generated files and every diagnostic (those
    /// of its rows included, reported by <see cref="PrepareReport"/>); a failure is SB0907 and the package is written
    /// without a report (the diagnostics, and the SARIF log, still are).
    /// </summary>
    private static (IReadOnlyList<Diagnostic> Sorted, MigrationReportData? Report, ImmutableArray<ArtifactShare> Shares) FinishReport(PreparedReport? prepared, DiagnosticBag diagnostics, Func<IReadOnlyList<Diagnostic>, ReportInput> input)
    {
        if (prepared is null)
        {
            return (diagnostics.Sorted(), null, []);
        }

        try
        {
            var sorted = diagnostics.Sorted();
            var (report, shares) = MigrationReportBuilder.Finish(prepared, input(sorted));
            return (sorted, report, shares);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            ReportBuildFailed(diagnostics, ex);
            return (diagnostics.Sorted(), null, []);
        }
    }

    private static void ReportBuildFailed(DiagnosticBag diagnostics, Exception ex) =>
        diagnostics.Report(DiagnosticCatalog.ReportInternalError, null, "building the migration report", $"{ex.GetType().Name}: {ex.Message}", "the package and the SARIF log are written, without MIGRATION.md and the JSON and HTML reports");

    /// <summary>Reads a registry resource's text for the lowering (an XSLT stylesheet, a payload format); null when it cannot be read as text.</summary>
    private static Func<string, RegistryContent?> RegistryContents(ProjectModel project) => key =>
    {
        try
        {
            return project.Registry.Resolve(key) is { } resource && resource.Content.ReadBytes() is var bytes
                ? new RegistryContent(bytes, TextDecoding.Decode(bytes, out _), resource.MediaType, resource.Location ?? resource.DisplayPath)
                : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    };

    /// <summary>
    /// Whether a registry key names a resource of the project: one the registry holds, or one an MI 4.4 data mapper's
    /// TypeScript source stands for (<see cref="DataMapperTypeScript"/>).
    /// </summary>
    private static Func<string, bool> RegistryContains(ProjectModel project, Dictionary<string, DataMapperTypeScript.Resource> typeScript) =>
        key => project.Registry.Contains(key) || RegistryIndex.NormalizeKey(key) is { } canonical && typeScript.ContainsKey(canonical);

    private static Func<string, string?> RegistryText(ProjectModel project, Dictionary<string, DataMapperTypeScript.Resource> typeScript) =>
        key => RegistryIndex.NormalizeKey(key) is { } canonical && typeScript.TryGetValue(canonical, out var resource) && !project.Registry.Contains(key) ? resource.Text() : ResourceText(project, key);

    /// <summary>Why a resource a data mapper's TypeScript source stands for has no text (null for any other key).</summary>
    private static Func<string, string?> RegistryUnreadable(ProjectModel project, Dictionary<string, DataMapperTypeScript.Resource> typeScript) =>
        key => RegistryIndex.NormalizeKey(key) is { } canonical && typeScript.TryGetValue(canonical, out var resource) && !project.Registry.Contains(key) ? resource.Unreadable() : null;

    private static string? ResourceText(ProjectModel project, string key)
    {
        try
        {
            return project.Registry.Resolve(key)?.ReadText();
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Reads and parses an input without lowering or emitting anything: the inventory behind <c>analyze</c>.</summary>
    public static AnalysisResult Analyze(string input)
    {
        var diagnostics = new DiagnosticBag();
        var project = ProjectLoader.Load(input, diagnostics);
        var documents = Parse(project, diagnostics);
        var graph = SemanticModel.Build(documents, RegistryContains(project, DataMapperTypeScript.Resources(project)), diagnostics).Graph;
        var sorted = diagnostics.Sorted();
        return new AnalysisResult(Inventory.Build(input, project, documents, graph, sorted), sorted, project, documents) { Graph = graph };
    }

    /// <summary>
    /// The inventory of what a conversion read (<c>analyze</c> reads and parses the input once for both); its
    /// diagnostic counts are those of the whole conversion. Null when the input does not exist.
    /// </summary>
    public static Inventory? InventoryOf(ConversionResult result, string input) =>
        result.Project is { } project
            ? Inventory.Build(input, project, result.Documents, result.Graph ?? ReferenceGraph.Build(ImmutableArray<SynapseDocument>.Empty), result.Diagnostics)
            : null;

    /// <summary>Parses every Synapse document of a project, each text once, in the project's order.</summary>
    /// <param name="parallelism">
    /// How many files may be parsed at once. Each file is parsed alone into its own diagnostics, and the documents and
    /// diagnostics are merged in the project's order, so the result is the same whatever the number; the progress is
    /// reported on the calling thread.
    /// </param>
    public static ImmutableArray<SynapseDocument> Parse(ProjectModel project, DiagnosticBag diagnostics, Action<string, int, int>? progress = null, int parallelism = 1)
    {
        var sources = project.Documents;
        var documents = ImmutableArray.CreateBuilder<SynapseDocument>(sources.Length);
        if (parallelism <= 1 || sources.Length < 2)
        {
            var done = 0;
            foreach (var source in sources)
            {
                progress?.Invoke("Parsing", done++, sources.Length);
                if (ParseText(source.Path, source.Text, diagnostics) is { } document)
                {
                    documents.Add(document);
                }
            }
        }
        else
        {
            // In slices, so that the progress advances on the calling thread while the files of a slice are parsed.
            var parsed = new SynapseDocument?[sources.Length];
            var reported = new DiagnosticBag[sources.Length];
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = parallelism };
            const int Slice = 64;
            for (var start = 0; start < sources.Length; start += Slice)
            {
                progress?.Invoke("Parsing", start, sources.Length);
                var first = start;
                Parallel.For(first, Math.Min(first + Slice, sources.Length), parallel, i =>
                {
                    reported[i] = new DiagnosticBag();
                    parsed[i] = ParseText(sources[i].Path, sources[i].Text, reported[i]);
                });
            }

            for (var i = 0; i < sources.Length; i++)
            {
                diagnostics.AddRange(reported[i].Items);
                if (parsed[i] is { } document)
                {
                    documents.Add(document);
                }
            }
        }

        // Sequences, endpoints and templates kept in the registry, named by their keys.
        documents.AddRange(RegistryArtifacts.Parse(project.Registry, diagnostics));

        // The data sources of the server's deployment.toml, after the project's own: a data-source artifact of the same name is the one found.
        documents.AddRange(project.ServerDataSources);
        return documents.ToImmutable();
    }

    public static SynapseDocument? ParseFile(string path, DiagnosticBag diagnostics)
    {
        string text;
        try
        {
            // As File.ReadAllText(path, UTF8) reads it (a byte-order mark chooses the encoding), never beyond the size limit.
            using var reader = new StreamReader(BoundedFile.OpenRead(path, BoundedFile.DefaultMaxBytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            text = reader.ReadToEnd();
        }
        catch (FileTooLargeException ex)
        {
            diagnostics.Report(DiagnosticCatalog.FileTooLarge, SourceLocation.FileStart(path), ex.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), ex.MaxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return null;
        }
        catch (IOException ex)
        {
            diagnostics.Report(DiagnosticCatalog.FileUnreadable, SourceLocation.FileStart(path), ex.Message);
            return null;
        }
        catch (UnauthorizedAccessException ex)
        {
            diagnostics.Report(DiagnosticCatalog.FileUnreadable, SourceLocation.FileStart(path), ex.Message);
            return null;
        }

        return ParseText(path, text, diagnostics);
    }

    private static SynapseDocument? ParseText(string path, string text, DiagnosticBag diagnostics)
    {
        try
        {
            return SynapseParser.ParseText(path, text, diagnostics);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            diagnostics.Report(DiagnosticCatalog.InternalError, SourceLocation.FileStart(path), "parsing: " + ex.Message);
            return null;
        }
    }

    /// <summary>Writes the generated files under <paramref name="outputDirectory"/>; no path may escape it.</summary>
    public static void Write(ConversionResult result, string outputDirectory)
    {
        var root = Path.GetFullPath(outputDirectory);
        Directory.CreateDirectory(root);
        foreach (var file in result.Files)
        {
            var target = SafeCombine(root, file.RelativePath)
                ?? throw new InvalidOperationException($"Refusing to write '{file.RelativePath}' outside the output folder.");
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllText(target, file.Content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        }
    }

    /// <summary>Combines a root and a relative path, or returns null when the result would leave the root.</summary>
    public static string? SafeCombine(string root, string relative)
    {
        if (Path.IsPathRooted(relative))
        {
            return null;
        }

        var full = Path.GetFullPath(Path.Combine(root, relative));
        var prefix = root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar;
        return full.StartsWith(prefix, StringComparison.Ordinal) ? full : null;
    }

    public static string DefaultOutput(string input) => Path.GetFullPath(input).TrimEnd(Path.DirectorySeparatorChar) + "_converted";

    private static string DerivePackageName(string input)
    {
        var name = Path.GetFileName(input.TrimEnd(Path.DirectorySeparatorChar));
        return File.Exists(input) ? Path.GetFileNameWithoutExtension(name) : name;
    }

    /// <summary>A Ballerina package name: lower-case letters, digits and underscores, starting with a letter.</summary>
    public static string SanitizePackageName(string name)
    {
        var words = BallerinaSyntax.Words(name).Select(w => w.ToLowerInvariant());
        var result = string.Join('_', words);
        if (result.Length == 0)
        {
            result = "integration";
        }

        return char.IsAsciiDigit(result[0]) ? "p" + result : result;
    }

    /// <summary>A Ballerina organisation name: letters, digits and underscores.</summary>
    public static string SanitizeOrg(string org)
    {
        var builder = new StringBuilder();
        foreach (var c in org)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '_');
        }

        var result = builder.ToString().Trim('_');
        return result.Length == 0 ? DefaultOrg : char.IsAsciiDigit(result[0]) ? "o" + result : result;
    }
}
