using System.Collections.Immutable;
using System.Globalization;
using SynapseToBal.IR;
using SynapseToBal.Refine;

namespace SynapseToBal.Emit;

public sealed record GeneratedFile(string RelativePath, string Content);

/// <param name="Org">Ballerina organisation of the package.</param>
/// <param name="PackageName">Ballerina package name.</param>
/// <param name="SourceRoot">Folder source paths are shown relative to (never an absolute machine path).</param>
public sealed record EmitOptions(string Org, string PackageName, string SourceRoot, string SourceDisplayName)
{
    /// <summary>The package version in Ballerina.toml (a semantic version).</summary>
    public string Version { get; init; } = "0.1.0";

    /// <summary>Logs keep the line the Micro Integrator prints (<c>name = value</c> joined by the separator) instead of a message and key-values.</summary>
    public bool SynapseLogLines { get; init; }

    /// <summary>One <c>.bal</c> file per source artifact instead of one per kind (<c>--keep-structure</c>; see <c>PackageEmitter.Layout.cs</c>).</summary>
    public bool KeepStructure { get; init; }

    /// <summary>
    /// How many of the package's files may be rendered at once (each by its own copy of the emitter, merged in the
    /// files' order); 1 renders them one by one. The files are the same whatever the number. With a render cache, or
    /// <see cref="KeepStructure"/>, they are rendered one by one.
    /// </summary>
    public int MaxDegreeOfParallelism { get; init; } = 1;
}

/// <summary>
/// A construct whose code could not be generated (SB0903): a service or function, or one module-level declaration (an
/// endpoint or connection, a configurable, a local entry, an inbound listener, a task, a message store or processor);
/// what it is, its name, where it is defined (null for a configurable, which no one place defines), and the exception.
/// </summary>
public sealed record EmitFailure(string Kind, string Name, Syntax.SourceLocation? Origin, string Message);

/// <summary>The failures of one emit, collected from any thread; a construct rendered twice (a file whose namespaces are collected first) counts once.</summary>
internal sealed class EmitFailures
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Kind, string Name, string Path, int Start), EmitFailure> _byConstruct = new();

    public void Add(EmitFailure failure) => _byConstruct.TryAdd((failure.Kind, failure.Name, failure.Origin?.Path ?? string.Empty, failure.Origin?.Span.Start ?? -1), failure);

    public IReadOnlyList<EmitFailure> Ordered() =>
        [.. _byConstruct.Values.OrderBy(f => f.Origin?.Path ?? string.Empty, StringComparer.Ordinal).ThenBy(f => f.Origin?.Span.Start ?? -1).ThenBy(f => f.Kind, StringComparer.Ordinal).ThenBy(f => f.Name, StringComparer.Ordinal)];
}

/// <summary>
/// A generated file that could not be rendered because of an internal error (SB0909: the file is left out and the
/// other files are generated), or a package-wide fact of the emitter that could not be computed (SB0910: the package
/// is generated with the fact's fallback).
/// </summary>
/// <param name="What">The file (<c>the file 'main.bal'</c>, with <c>--keep-structure</c> also its artifact) or the fact.</param>
/// <param name="Origin">The artifact a <c>--keep-structure</c> file was made from; null for a file of the package or a fact.</param>
/// <param name="Fallback">What the package does without it, for a fact; null for a file.</param>
/// <param name="SameMeaning">
/// For a fact: true when the fallback means the same at run time (SB0910), false when it is the closest code the
/// converter can still write and differs from the Micro Integrator in what <paramref name="Fallback"/> says (SB0911).
/// </param>
public sealed record EmitFileFailure(string What, Syntax.SourceLocation? Origin, string Message, string? Fallback = null, bool SameMeaning = true);

/// <summary>A TODO in the generated code: its diagnostic code, its message and the original XML (comment text, one line each).</summary>
public sealed record TodoView(string Code, string Message, IReadOnlyList<string> Original);

/// <summary>
/// Builds the flat view model of each generated file from the refined IR and renders it through its
/// template. The templates own the shape of every construct (listener, service, resource, function, client,
/// configurable, entry); C# writes statement bodies (<see cref="BodyLine"/>s) and precomputes every name,
/// literal and comment, escaped. <c>docs/templates.md</c> documents the view models.
/// </summary>
public sealed partial class PackageEmitter
{
    public const string Distribution = "2201.12.0";

    private readonly TemplateRenderer _renderer;
    private readonly EmitOptions _options;
    private PropertyLocals _propertyLocals = PropertyLocals.Empty;
    private PayloadTypes _payloadTypes = PayloadTypes.Empty;

    /// <summary>With <c>--typed-payloads</c>: the API resources that take a <c>json</c> payload parameter (<see cref="TypedPayloadAnalysis"/>).</summary>
    private TypedPayloads _typedPayloads = TypedPayloads.Empty;

    /// <summary>The typed fields of the context's <c>Properties</c> record (<see cref="PackageEmitter.Properties"/>); empty: <c>map&lt;anydata&gt;</c>.</summary>
    private PropertyRecord _propertyRecord = PropertyRecord.Empty;
    private XmlNamespaceScope _namespaces = XmlNamespaceScope.None;

    /// <summary>Empty out and fault flows written where they run instead of as functions (<see cref="EmptyFlows"/>).</summary>
    private IReadOnlyDictionary<Symbol, FunctionIr> _inlinedFlows = new Dictionary<Symbol, FunctionIr>();

    /// <summary>The return type of every declared function (<see cref="ReturnType"/>), for the locals that hold their results.</summary>
    private IReadOnlyDictionary<Symbol, string?> _returnTypes = new Dictionary<Symbol, string?>();

    /// <summary>The services and functions whose render failed (shared by the emitter's copies, see <see cref="Fork"/>).</summary>
    private readonly EmitFailures _failures = new();

    /// <summary>
    /// The services and functions whose code could not be generated because of an internal error (each replaced by a
    /// TODO), one per construct, in source order; the driver reports each as SB0903.
    /// </summary>
    public IReadOnlyList<EmitFailure> Failures => _failures.Ordered();

    /// <summary>The files and package-wide facts that could not be made (shared by the emitter's copies, see <see cref="Fork"/>).</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, EmitFileFailure> _fileFailures = new(StringComparer.Ordinal);

    /// <summary>
    /// The files left out because their render failed (SB0909) and the package-wide facts computed with their fallback
    /// (SB0910), in the order of what they name (not of the threads that met them); the driver reports each.
    /// </summary>
    public IReadOnlyList<EmitFileFailure> FileFailures => [.. _fileFailures.Values.Where(f => f.Fallback is null).OrderBy(f => f.What, StringComparer.Ordinal)];

    /// <summary>
    /// The package-wide facts computed with their fallback because computing them failed (SB0910, or SB0911 when the
    /// fallback does not mean the same), in the order they are computed.
    /// </summary>
    public IReadOnlyList<EmitFileFailure> FactFailures => _factFailures;

    private readonly List<EmitFileFailure> _factFailures = [];

    /// <summary>Test seam: runs before each file of the package is rendered, with its path (a test makes it throw to check <see cref="GuardedFile"/>).</summary>
    internal static readonly AsyncLocal<Action<string>?> BeforeFile = new();

    /// <summary>Test seam: runs before each package-wide fact is computed, with its description (a test makes it throw to check <see cref="GuardedFact"/>).</summary>
    internal static readonly AsyncLocal<Action<string>?> BeforeFact = new();

    /// <summary>
    /// Renders one whole file; an unexpected exception is a bug in the converter: the file is left out, the failure is
    /// kept for <see cref="FileFailures"/> (SB0909), and the other files are generated. A template error is not caught
    /// (it is reported for the whole package, as in <see cref="GuardedConstruct"/>).
    /// </summary>
    /// <param name="artifact">With <c>--keep-structure</c>, the artifact the file is made from (the diagnostic names it and points at it).</param>
    private string? GuardedFile(string path, Func<string> render, Syntax.ArtifactSyntax? artifact = null)
    {
        try
        {
            BeforeFile.Value?.Invoke(path);
            return render();
        }
        catch (Exception ex) when (ex is not (OutOfMemoryException or TemplateException))
        {
            var what = artifact is null ? $"the file '{path}'" : $"the file '{path}' of the {artifact.XmlName} '{artifact.Name}'";
            _fileFailures.TryAdd(what, new EmitFileFailure(what, artifact?.Location, $"{ex.GetType().Name}: {ex.Message}"));
            return null;
        }
    }

    /// <summary>
    /// Computes one package-wide fact the files are rendered with; an unexpected exception is a bug in the converter:
    /// the fact takes <paramref name="fallback"/>, which generates code that means the same (only less idiomatic), the
    /// failure is kept for <see cref="FactFailures"/> (SB0910), and the package is generated.
    /// </summary>
    private T GuardedFact<T>(string what, Func<T> compute, T fallback, string consequence)
    {
        try
        {
            BeforeFact.Value?.Invoke(what);
            return compute();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            _factFailures.Add(new EmitFileFailure(what, null, $"{ex.GetType().Name}: {ex.Message}", consequence));
            return fallback;
        }
    }

    public PackageEmitter(TemplateRenderer renderer, EmitOptions options)
    {
        _renderer = renderer;
        _options = options;
    }

    /// <summary>The tables of WSDL operations a proxy's HTTP services declare (<see cref="WsdlDispatchIr.Table"/>).</summary>
    private IReadOnlySet<Symbol> _serviceTables = new HashSet<Symbol>();

    /// <summary>The tables of WSDL operations a proxy's listeners read (with the input elements: <c>transportOperation</c>).</summary>
    private IReadOnlySet<Symbol> _listenerTables = new HashSet<Symbol>();

    /// <param name="documents">The parsed input: with <see cref="EmitOptions.KeepStructure"/>, the artifacts the files are laid out by.</param>
    public IReadOnlyList<GeneratedFile> Emit(RefinedPackage refined, IReadOnlyList<Syntax.SynapseDocument>? documents = null)
    {
        _typedPayloads = refined.TypedPayloads;

        // First, as every later fact and file reads the payload types: without the records, no body is written with them.
        _payloadTypes = refined.PayloadTypes;
        var typed = refined;
        if (!refined.PayloadTypes.IsEmpty && !GuardedFact("choosing the record types of the JSON payloads", () => PayloadRecords(typed.Package) is not null, false,
                "every JSON payload is built as untyped json and payloads.bal is not written"))
        {
            refined = refined with { PayloadTypes = PayloadTypes.Empty };
            _payloadTypes = PayloadTypes.Empty;
        }

        _infallible = GuardedFact("finding the functions that cannot fail", () => InfallibleFunctions(refined), new HashSet<Symbol>(),
            "every function is written as one that can fail (it returns an error union and its callers check it)");
        var answering = refined;
        refined = GuardedFact("finding the sequences whose answer no caller uses", () => WithoutUnusedAnswers(answering), answering,
            "every sequence that may answer returns its answer, used or not");
        _returnTypes = refined.Package.Functions.GroupBy(f => f.Name).ToDictionary(g => g.Key, g => ReturnType(g.First(), _infallible.Contains(g.Key)));
        var unpruned = refined;
        refined = GuardedFact("finding the fault flows nothing calls", () => WithoutUncalledFaultFlows(unpruned), unpruned,
            "every fault flow is written, called or not");
        var facts = refined.Package;
        // One fact: its fallback (every resource takes the caller) must not be narrowed by a second computation.
        (_readsCaller, _callerResources) = GuardedFact("finding the throttles that decide by the caller's address",
            () => CallerFacts(facts), (true, (HashSet<(object Origin, string Accessor)>?)null),
            "every resource that reads the message takes the caller's address, read only where a throttle decides by it");
        _trackedSuspensions = GuardedFact("finding the endpoint suspension states the calls keep", () => TrackedSuspensions(facts), AllSuspensions(facts),
            "every endpoint's suspension state is declared, whether a call keeps it or not");
        _sharedStateOwners = SharedStateOwnersOrNone(facts, _trackedSuspensions);

        // A proxy's one table of WSDL operations: declared with its HTTP services when it has any, else with its first listener.
        _serviceTables = facts.Services.Select(s => s.Wsdl?.Dispatch?.Table).OfType<Symbol>().ToHashSet();
        _listenerTables = facts.Inbounds.Select(i => ListenerDispatch(i)?.Table).OfType<Symbol>().ToHashSet();
        if (_options.KeepStructure && documents is not null)
        {
            return EmitPerArtifact(refined, documents);
        }

        var package = refined.Package;
        var names = refined.Names;
        _propertyLocals = refined.Locals;
        _payloadTypes = refined.PayloadTypes;
        _propertyRecord = GuardedFact("choosing the typed record of the context's properties", () => PropertyRecordFor(refined), PropertyRecord.Empty,
            "every property is kept in the context's map, as when a template override has no typed properties");
        _inlinedFlows = refined.InlinedFlows;
        // The files in the order they are rendered, and their order in the package.
        var renders = new List<(string Path, Func<PackageEmitter, string> Render)>
        {
            ("Ballerina.toml", e => e.BallerinaToml([])),
            ("main.bal", e => e.WithXmlNamespaces(() => e.Main(package, names))),
            ("functions.bal", e => e.WithXmlNamespaces(() => e.Functions(package, names))),
            ("connections.bal", e => e.Connections(package, names)),
            ("configs.bal", e => e.Configs(package, names)),
            ("Config.toml", e => e.ConfigToml(package, names)),
        };
        var layout = renders.Select(r => r.Path).ToList();

        // types.bal is made last (AddTypes), from what the other files and support.bal name: its place is kept here.
        layout.Insert(layout.IndexOf("Config.toml"), "types.bal");
        if (package.LocalEntries.Length > 0 || package.Stylesheets.Length > 0 || package.ExternalStylesheets.Length > 0)
        {
            renders.Add(("entries.bal", e => e.Entries(package, names)));
            layout.Insert(6, "entries.bal");
        }

        if (package.Inbounds.Length > 0)
        {
            renders.Add(("inbound.bal", e => e.WithXmlNamespaces(() => e.Inbounds(package, names))));
            layout.Insert(layout.IndexOf("types.bal"), "inbound.bal");
        }

        if (package.Jobs.Length > 0)
        {
            renders.Add(("tasks.bal", e => e.Tasks(package, names)));
            layout.Insert(layout.IndexOf("types.bal"), "tasks.bal");
        }

        if (package.MessageStores.Length > 0 || package.MessageProcessors.Length > 0 || package.PendingStores.Length > 0)
        {
            renders.Add(("stores.bal", e => e.Stores(package, names)));
            layout.Insert(layout.IndexOf("types.bal"), "stores.bal");
        }

        if (package.DataMappings.Length > 0)
        {
            renders.Add(("datamappers.bal", e => e.DataMappers(package, names)));
            layout.Insert(layout.IndexOf("types.bal"), "datamappers.bal");
        }

        if (PayloadRecords(package) is { Count: > 0 } records)
        {
            renders.Add(("payloads.bal", e => e.Payloads(records)));
            layout.Insert(layout.IndexOf("types.bal"), "payloads.bal");
        }

        if (!_propertyRecord.IsEmpty)
        {
            renders.Add(("properties.bal", e => e.Properties()));
            layout.Insert(layout.IndexOf("types.bal"), "properties.bal");
        }

        var rendered = RenderAll(renders);
        var files = layout.Where(rendered.ContainsKey).Select(path => new GeneratedFile(path, rendered[path])).ToList();

        // Last: only the runtime helpers the other files use, the runtime types they and the helpers name, then the
        // versions of the packages they import.
        AddSupport(files);
        AddTypes(files, [.. layout, "support.bal"]);
        PinDependencies(files);

        files.AddRange(WsdlFiles(package));
        return files;
    }

    /// <summary>
    /// The ballerinax packages pinned in <c>Ballerina.toml</c> when a generated <c>.bal</c> file imports them: the
    /// released version whose API the generated code and the runtime module are written against (checked against the
    /// package's release tag; see docs/design.md, "Pinned dependencies").
    /// </summary>
    internal static readonly IReadOnlyList<(string Org, string Name, string Version)> PinnedPackages =
    [
        ("ballerinax", "java.jms", "1.2.0"),
        // 5.0.0: the runtime's SQS helpers read ErrorDetails.requestId and pass the region as a string, which 4.x rejects.
        ("ballerinax", "aws.sqs", "5.0.0"),
        // 2.17.0: @ftp:ServiceConfig (2.17.0), Caller getBytes and move (2.16.0); 2.18.0 needs distribution 2201.13.0.
        ("ballerina", "ftp", "2.17.0"),
        // 3.4.0 (distribution 2201.11.0): redis:ConnectionConfig with ConnectionParams and Options.connectionTimeout in seconds.
        ("ballerinax", "redis", "3.4.0"),
    ];

    private static readonly System.Text.RegularExpressions.Regex PackageImport =
        new(@"^import\s+(ballerinax?)/([A-Za-z0-9_.]+)", System.Text.RegularExpressions.RegexOptions.Multiline | System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary><c>Ballerina.toml</c> with a <c>[[dependency]]</c> entry for each package of <paramref name="pinned"/>.</summary>
    private string BallerinaToml(IReadOnlyList<(string Org, string Name, string Version)> pinned) =>
        _renderer.Render("Ballerina.toml.sbn", new
        {
            Org = _options.Org,
            Name = _options.PackageName,
            _options.Version,
            Source = BallerinaSyntax.TomlComment(_options.SourceDisplayName),
            Distribution,
            Dependencies = pinned.Select(p => new { p.Org, p.Name, p.Version }).ToList(),
            Jms = pinned.Any(p => p.Name == "java.jms"),
        });

    /// <summary>
    /// Renders <c>Ballerina.toml</c> again with the versions of the <see cref="PinnedPackages"/> the package's
    /// <c>.bal</c> files (<c>support.bal</c> included) import; left as it is when they import none of them.
    /// </summary>
    private void PinDependencies(List<GeneratedFile> files)
    {
        var index = files.FindIndex(f => f.RelativePath == "Ballerina.toml");
        if (index < 0)
        {
            return;
        }

        var imported = files.Where(f => f.RelativePath.EndsWith(".bal", StringComparison.Ordinal))
            .SelectMany(f => PackageImport.Matches(f.Content).Select(m => m.Groups[1].Value + "/" + m.Groups[2].Value))
            .ToHashSet(StringComparer.Ordinal);
        var pinned = PinnedPackages.Where(p => imported.Contains(p.Org + "/" + p.Name)).ToList();
        if (pinned.Count > 0 && GuardedFile("Ballerina.toml", () => BallerinaToml(pinned)) is { } text)
        {
            files[index] = new GeneratedFile("Ballerina.toml", text);
        }
    }

    /// <summary>
    /// Renders the files, in parallel when <see cref="EmitOptions.MaxDegreeOfParallelism"/> allows it: each file by a
    /// copy of this emitter (<see cref="Fork"/>: the package-wide facts are shared read-only, the XML namespace scope
    /// of the file being rendered is the copy's own), and the renderer keeps one Scriban context per thread. The
    /// texts do not depend on the thread or the order. A render that throws throws as the first of the files to fail
    /// in the order of <paramref name="renders"/>, as rendering them one by one would.
    /// </summary>
    private Dictionary<string, string> RenderAll(List<(string Path, Func<PackageEmitter, string> Render)> renders)
    {
        var texts = new string?[renders.Count];
        if (_options.MaxDegreeOfParallelism <= 1 || Cache is not null)
        {
            for (var i = 0; i < renders.Count; i++)
            {
                var (path, render) = renders[i];
                texts[i] = GuardedFile(path, () => render(this));
            }
        }
        else
        {
            var failures = new Exception?[renders.Count];
            Parallel.For(0, renders.Count, new ParallelOptions { MaxDegreeOfParallelism = _options.MaxDegreeOfParallelism }, i =>
            {
                try
                {
                    var (path, render) = renders[i];
                    var fork = Fork();
                    texts[i] = fork.GuardedFile(path, () => render(fork));
                }
                catch (Exception ex)
                {
                    failures[i] = ex;
                }
            });
            if (failures.FirstOrDefault(f => f is not null) is { } failure)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
            }
        }

        var byPath = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < renders.Count; i++)
        {
            if (texts[i] is { } text)
            {
                byPath.Add(renders[i].Path, text);
            }
        }

        return byPath;
    }

    /// <summary>Adds <c>support.bal</c> before <c>Config.toml</c> (the last file): only the runtime helpers the other files use.</summary>
    private void AddSupport(List<GeneratedFile> files)
    {
        if (GuardedFile("support.bal", () => RuntimeModule.For(_renderer).Support(files.Where(f => f.RelativePath.EndsWith(".bal", StringComparison.Ordinal)).Select(f => f.Content)) ?? string.Empty) is { Length: > 0 } support)
        {
            var config = files.FindIndex(f => f.RelativePath == "Config.toml");
            files.Insert(config < 0 ? files.Count : config, new GeneratedFile("support.bal", support));
        }
    }

    /// <summary>
    /// Adds <c>types.bal</c> at its place in <paramref name="layout"/> (before the first file that follows it there): only the
    /// runtime types (and record fields) the other <c>.bal</c> files, <c>support.bal</c> included, name; none when they name none.
    /// </summary>
    private void AddTypes(List<GeneratedFile> files, IReadOnlyList<string> layout)
    {
        var sources = files.Where(f => f.RelativePath.EndsWith(".bal", StringComparison.Ordinal)).Select(f => f.Content).ToList();
        if (GuardedFile("types.bal", () => RuntimeModule.For(_renderer).Types(sources, typedProperties: !_propertyRecord.IsEmpty) ?? string.Empty) is { Length: > 0 } types)
        {
            var after = layout.Skip(layout.ToList().IndexOf("types.bal") + 1).ToHashSet(StringComparer.Ordinal);
            var at = files.FindIndex(f => after.Contains(f.RelativePath));
            files.Insert(at < 0 ? files.Count : at, new GeneratedFile("types.bal", types));
        }
    }

    /// <summary>
    /// A copy of this emitter with the same package-wide facts, for rendering one file on another thread (no render
    /// cache). Every field is copied (the facts are read-only once <see cref="Emit"/> has set them, so a fact added
    /// later cannot be forgotten here) except the XML namespace scope, which belongs to the file being rendered.
    /// </summary>
    private PackageEmitter Fork()
    {
        var copy = (PackageEmitter)MemberwiseClone();
        copy._namespaces = XmlNamespaceScope.None;
        return copy;
    }

    /// <summary>
    /// Renders a file that may navigate XML: once with placeholders for the prefixes of the namespaces its steps use,
    /// filled in once they are chosen (<see cref="XmlNamespaceScope.Deferring"/>); when that cannot be done exactly,
    /// twice: once recording the namespaces, then with the prefixes chosen for them, declared at module level
    /// (<see cref="XmlNamespaceScope"/>).
    /// </summary>
    /// <param name="once">False for a file joined from several renders (their declarations are merged and sorted as text).</param>
    private string WithXmlNamespaces(Func<string> render, bool once = true)
    {
        if (once)
        {
            _namespaces = XmlNamespaceScope.Deferring();
            XmlNamespaceScope.ResetInspected();
            try
            {
                var deferred = render();
                if (!_namespaces.HasNamespaces)
                {
                    return deferred;
                }

                if (_namespaces.Fill(deferred) is { } filled)
                {
                    return filled;
                }
            }
            finally
            {
                _namespaces = XmlNamespaceScope.None;
            }
        }

        _namespaces = XmlNamespaceScope.Collecting();
        try
        {
            var firstPass = render();
            if (!_namespaces.HasNamespaces)
            {
                return firstPass;
            }

            _namespaces = _namespaces.Resolve(firstPass);
            return render();
        }
        finally
        {
            _namespaces = XmlNamespaceScope.None;
        }
    }

    private string Relative(string path)
    {
        if (path == FunctionIr.DefaultFaultSequencePath)
        {
            // Not a file of the input: the one every Micro Integrator has.
            return "the Micro Integrator's default 'fault' sequence (" + path + ")";
        }

        var relative = Path.GetRelativePath(_options.SourceRoot, path).Replace('\\', '/');
        return relative == "." ? Path.GetFileName(path) : relative;
    }

    /// <summary>The second line of every generated file's header: what converting again does to the file (Output/IncrementalConversion).</summary>
    internal const string RegenerationNote = "// Converting again keeps your edits: they are merged three-way with the new generation (--force overwrites).";

    private static string Header(string what) =>
        $"// Generated by SynapseToBal: {what}.\n{RegenerationNote}";

    /// <param name="none">What the header says when no source file contributes (by default, that the input has none).</param>
    private string SourcesHeader(string what, IEnumerable<string> files, string none = "none in the input")
    {
        var list = files.Select(Relative).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var header = $"// Generated by SynapseToBal: {what}";
        if (list.Count == 0)
        {
            // Wrapped at the comment width, its continuation lines indented as the source list is (Join skips them).
            return string.Join('\n', BallerinaSyntax.WrapComment($"{header} ({none}).", BallerinaSyntax.CommentColumns - 5).Select((l, k) => k == 0 ? l : "//   " + l))
                + $"\n{RegenerationNote}";
        }

        var lines = new List<string> { header + ", from:" };
        lines.AddRange(list.Select(f => "//   " + BallerinaSyntax.CommentText(f)));
        lines.Add(RegenerationNote);
        return string.Join('\n', lines);
    }

    private static string Line(int line) => line.ToString(CultureInfo.InvariantCulture);

    /// <summary>The original XML of a node as comment text, its first line indented like the rest so the comment keeps the shape of the source.</summary>
    private static IReadOnlyList<string> Original(Syntax.ISyntaxNode node, string? rawXml = null) =>
        BallerinaSyntax.CommentLines(new string(' ', node.Location.LineSpan.Start.Character) + Syntax.SecretNames.MaskXml(rawXml ?? node.RawXml), prefix: string.Empty).ToList();

    private static TodoView Todo(NotTranslatedIr reason, IReadOnlyList<string> original) =>
        new(reason.Descriptor.Id, BallerinaSyntax.CommentText(reason.Message), original);

    private TodoView Pending(PendingArtifactIr pending) => Todo(
        pending.Reason with { Message = $"{pending.Reason.Message}: '{pending.Origin.Name}' ({Relative(pending.Origin.Location.Path)}, line {Line(pending.Origin.Location.Line)})." },
        Original(pending.Origin, pending.RawXml));

    // ---- main.bal ----

    /// <param name="declareListener">False for a part of the package whose services attach to the listener another file declares.</param>
    /// <param name="header">The file's header comment, when it is not the list of the services' sources.</param>
    private string Main(PackageIr package, NameMap names, bool declareListener = true, string? header = null)
    {
        var modules = new ModuleUsage();
        if (declareListener)
        {
            modules.Use("http");
        }

        var listener = names[package.Listener.Name];
        var httpsListener = package.HttpsListener is { } https ? names[https.Name] : null;
        // The listeners a service is attached to (`service /path on httpListener, httpsListener`), as its transports say.
        string ListenersOf(ServiceIr s) => string.Join(", ", new[] { !s.HttpsOnly || httpsListener is null ? listener : null, s.OnHttps ? httpsListener : null }.OfType<string>());
        // The proxies answered by one service at /services (issue 14), declared where the first of them was.
        var router = PlanProxyRouter(package.Services, ListenersOf, names);
        var own = router is null ? package.Services : package.Services.Where(s => !router.Services.Contains(s)).ToImmutableArray();
        var groups = AddressGroups(own);
        var services = RenderConstructs(own, s => Service(s, names, ListenersOf(s), groups[s])).Zip(own, (c, s) => Recorded("main.bal", s.SourceFile, Join(c, modules))).ToList();
        if (router is not null)
        {
            var at = package.Services.TakeWhile(s => !router.Services.Contains(s)).Count();
            services.Insert(at, Recorded("main.bal", router.Routes[0].Primary.SourceFile, Join(ProxyRouterService(router, names), modules)));
        }

        return _renderer.Render("main.bal.sbn", new
        {
            Header = header ?? SourcesHeader("services for the Synapse APIs and proxy services", package.Services.Select(s => s.SourceFile).Concat(package.Pending.Select(p => p.Origin.Location.Path))),
            Imports = modules.Imports(),
            Xmlns = _namespaces.Declarations,
            Listener = new { Name = listener, Port = names[package.Listener.Port.Name], Declare = declareListener },
            HttpsListener = declareListener && package.HttpsListener is { KeyStore: { } store } secure
                ? new { Name = names[secure.Name], Port = names[secure.Port.Name], KeyStore = new { Path = names[store.Path], Password = names[store.Password] } }
                : null,
            Services = services,
            Pending = package.Pending.Select(Pending).ToList(),
        });
    }

    /// <summary>A service attach point: an absolute resource path, each segment escaped.</summary>
    internal static string ServicePath(string basePath)
    {
        var segments = basePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0)
        {
            return "/";
        }

        var escaped = segments.Select(BallerinaSyntax.PathSegment).ToList();
        return escaped.Any(s => s.Contains('\\', StringComparison.Ordinal) || s.StartsWith('\''))
            ? BallerinaSyntax.StringLiteral("/" + string.Join('/', segments))
            : "/" + string.Join('/', escaped);
    }

    /// <summary>The view model of one resource function.</summary>
    /// <param name="grouped">The service is one of the services of a proxy's or data service's addresses (<c>AddressGroups</c>): a resource that only runs a flow function is written in one statement.</param>
    private object Resource(ResourceIr resource, ServiceIr service, ExpressionWriter expressions, ModuleUsage modules, NameMap names, bool grouped = false) =>
        Resource(resource, service.BasePath, service.RestApiName, expressions, modules, names, service.Resources.IndexOf(resource) + 1, service.Wsdl is not null, grouped, service.Wsdl?.Dispatch,
            alternatives: service.Resources.Where(a => a.Skipped is null && ReferenceEquals(a.AlternativeOf, resource.Origin) && a.Accessor == resource.Accessor).ToList(),
            notFound: RefusedAnswer(resource, service, names), filter: FilterView(resource, service, names), restVersion: RestVersionArguments(service));

    /// <summary>
    /// The named arguments of <c>newContext</c> a versioned API adds (<c>apiContext = "/orders", apiVersion = "1.0",
    /// versionType = "url"</c>: what API.process sets as REST_API_CONTEXT, SYNAPSE_REST_API_VERSION and
    /// SYNAPSE_REST_API_VERSION_STRATEGY, and what REST_SUB_REQUEST_PATH is cut after); null for any other service.
    /// </summary>
    private static string? RestVersionArguments(ServiceIr service) =>
        service is { RestApiContext: { } context, RestApiVersion: { } version, RestApiVersionType: { } type }
            ? $"apiContext = {BallerinaSyntax.StringLiteral(context)}, apiVersion = {BallerinaSyntax.StringLiteral(version)}, versionType = {BallerinaSyntax.StringLiteral(type)}"
            : null;

    /// <summary>
    /// The named arguments of a resource's <c>newContext</c> after its path variables: a versioned API's
    /// (<see cref="RestVersionArguments"/>) and, for an API resource, <c>cors = {...}</c>, the server's CORS configuration
    /// and the resource's methods, which Resource.process records for the answer's CORS headers; for the main sequence
    /// in a project with APIs, <c>fullRequestPath = true</c> (<see cref="ResourceIr.FullRequestPath"/>); null when there are none.
    /// </summary>
    private static string? ContextArguments(string? restVersion, ResourceIr resource, NameMap names)
    {
        var recorded = CorsArgument(resource.Cors, names) ?? (resource.FullRequestPath ? "fullRequestPath = true" : null);
        return restVersion is null ? recorded : recorded is null ? restVersion : $"{restVersion}, {recorded}";
    }

    /// <summary>The <c>cors</c> argument of <c>newContext</c>: the resource's methods and the server's CORS configuration Resource.process records; null for none.</summary>
    private static string? CorsArgument(ResourceCorsIr? cors, NameMap names) =>
        cors is { } c ? $"cors = {{allow: {BallerinaSyntax.StringLiteral(c.Allow)}, ...{names[c.Settings.Name]}}}" : null;

    /// <summary>
    /// What an API's service answers a request none of its resources takes (API.handleResourceNotFound): the
    /// <c>_resource_mismatch_handler_</c> sequence's function run on a new context, else 404 with no body.
    /// </summary>
    private static string NotFoundAnswer(ServiceIr service, NameMap names) =>
        service.Unmatched?.NotFoundFlow is { } flow ? $"{names[flow]}(check {NewContext(service)})" : "resourceNotFound()";

    /// <summary>
    /// What a resource answers a request of its path it refuses (its query, content-type or user-agent): the API's
    /// default resource's flow when that resource alone may take it (<see cref="ResourceIr.Fallback"/>: DefaultDispatcher
    /// runs it, on a context made as its own resource function makes it), else the not-found answer.
    /// </summary>
    private static string RefusedAnswer(ResourceIr resource, ServiceIr service, NameMap names)
    {
        if (resource.Fallback is not { } fallback)
        {
            return NotFoundAnswer(service, names);
        }

        var api = service.RestApiName is { } name ? BallerinaSyntax.StringLiteral(name) : "()";
        var context = BallerinaSyntax.StringLiteral(service.BasePath == "/" ? string.Empty : service.BasePath);
        var rest = string.Join(", ", new[] { RestVersionArguments(service), CorsArgument(fallback.Cors, names) }.OfType<string>());
        return $"{names[fallback.Flow]}(check newContext(request, {api}, {context}{(rest.Length == 0 ? string.Empty : ", " + rest)}))";
    }

    /// <summary>
    /// The <c>newContext</c> call of a request to an API that no resource takes (not found, method not allowed, refused):
    /// no path variables, and <c>dispatched = false</c> for an API, as API.process answers it without Resource.process,
    /// which alone sets the <c>query.param.*</c> properties (and fails on a query value it cannot decode).
    /// </summary>
    private static string NewContext(ServiceIr service) =>
        $"newContext(request, {(service.RestApiName is { } api ? BallerinaSyntax.StringLiteral(api) : "()")}, {BallerinaSyntax.StringLiteral(service.BasePath == "/" ? string.Empty : service.BasePath)}{(service.RestApiName is null ? string.Empty : ", dispatched = false")}{(RestVersionArguments(service) is { } rest ? ", " + rest : string.Empty)})";

    /// <summary>
    /// The resource an API's service gets for the requests none of its resources takes (<see cref="UnmatchedIr"/>): a
    /// request whose method some resource takes gets the not-found answer; another one the method-not-allowed answer when
    /// some resource's path matches it, else the not-found one. When the service leaves resources of the API out by
    /// protocol, the first resource whose path matches decides: one that takes the method answers 400 (resourceRefused).
    /// </summary>
    private object? Unmatched(ServiceIr service, ModuleUsage modules, NameMap names)
    {
        if (service.Unmatched is not { Catchall: true } unmatched)
        {
            return null;
        }

        var notFound = NotFoundAnswer(service, names);
        var notAllowed = unmatched.NotAllowedFlow is { } flow ? $"{names[flow]}(check {NewContext(service)})" : "methodNotAllowed()";
        var context = BallerinaSyntax.StringLiteral(service.BasePath == "/" ? string.Empty : service.BasePath);
        var methodTest = unmatched.Methods.IsEmpty ? null : $"!(request.method is {string.Join("|", unmatched.Methods.Select(BallerinaSyntax.StringLiteral))})";
        string? test = null;
        string? firstMatch = null;
        var served = service.Resources.Any(r => r.Skipped is null);
        if (!unmatched.FirstMatch.IsEmpty && (methodTest is not null || !served))
        {
            // A service holding none of the API's resources takes no method: every request goes to the dispatchers.
            test = served ? methodTest : null;
            firstMatch = FirstPathMatch(context, unmatched.FirstMatch);
        }
        else if (methodTest is not null && !unmatched.Paths.IsEmpty)
        {
            test = $"{methodTest} && requestPathMatches(request, {context}, [{string.Join(", ", unmatched.Paths.Select(p => p.QueryPattern is { } query ? $"{{path: re `{PathPattern(p.Path)}`, query: re `{query}`}}" : $"re `{PathPattern(p.Path)}`"))}])";
        }

        var takesMethod = TakesMethod(firstMatch, service, notAllowed);
        modules.Use("http");
        return new
        {
            NotFound = notFound,
            NotAllowed = test is null && firstMatch is null ? null : notAllowed,
            Test = test,
            TakesMethod = takesMethod,
            Returns = new[] { notFound, test is null && firstMatch is null ? null : notAllowed, takesMethod?.Refused }.Any(a => a is not null && a.Contains("check ", StringComparison.Ordinal)) ? "http:Response|error" : "http:Response",
        };
    }

    /// <summary>
    /// What the first resource of the API whose path matches decides (Resource.hasMatchingMethod), as the template writes
    /// it once for the unmatched requests and once per refused resource: the <c>firstPathMatchTakesMethod</c> call, the
    /// answer when that resource takes the method (refused by its protocol, content-type or user-agent: 400) and when it
    /// does not (405); null when no such check is made.
    /// </summary>
    private sealed record TakesMethodView(string Call, string Refused, string NotAllowed);

    private static TakesMethodView? TakesMethod(string? firstMatch, ServiceIr service, string notAllowed) =>
        firstMatch is null ? null : new TakesMethodView(firstMatch, $"resourceRefused(check {NewContext(service)})", notAllowed);

    /// <summary>
    /// The view of an API service's OPTIONS answer (<see cref="OptionsIr"/>): the paths that get an <c>options</c>
    /// resource, each written as the resource functions write theirs, and the <c>optionsResponse</c> call they share.
    /// </summary>
    private static object? OptionsView(ServiceIr service, NameMap names)
    {
        if (service.Unmatched?.Options is not { } options)
        {
            return null;
        }

        var context = BallerinaSyntax.StringLiteral(service.BasePath == "/" ? string.Empty : service.BasePath);
        var resources = options.Order.Select(m => $"{{path: re `{PathPattern(m.Path)}`{(m.QueryPattern is { } query ? $", query: re `{query}`" : string.Empty)}, allow: {BallerinaSyntax.StringLiteral(m.Allow)}}}");
        return new
        {
            Paths = options.Paths.Select(p => ResourcePath(p, names)).ToList(),
            // Resource.process answers OPTIONS before anything that can fail on the request (query.param.*, the body): no
            // message context is made for it.
            Answer = $"check optionsResponse(request, {context}, [{string.Join(", ", resources)}], {names[options.Cors.Name]}) ?: {NotFoundAnswer(service, names)}",
        };
    }

    /// <summary>A resource path as a resource function declares it (<c>items/[string id]</c>, <c>.</c> for the service's own path).</summary>
    private static string ResourcePath(ImmutableArray<PathSegmentIr> path, NameMap names)
    {
        var segments = path.Select(segment => segment switch
        {
            PathSegmentIr.Literal literal => BallerinaSyntax.PathSegment(literal.Text),
            PathSegmentIr.Param param => $"[string {names[param.Parameter]}]",
            PathSegmentIr.Rest rest => $"[string... {names[rest.Parameter]}]",
            _ => throw new InvalidOperationException($"Unhandled path segment {segment.GetType().Name}"),
        }).ToList();
        return segments.Count == 0 ? "." : string.Join('/', segments);
    }

    /// <summary>
    /// The <c>firstPathMatchTakesMethod</c> call over an API's resources in dispatch order: each one's path, methods and,
    /// for a uri-template with a query, that query (URITemplateBasedDispatcher matches it with the path).
    /// </summary>
    private static string FirstPathMatch(string context, ImmutableArray<DispatchPathIr> resources)
    {
        var candidates = resources.Select(p => $"{{path: re `{PathPattern(p.Path)}`, methods: [{string.Join(", ", p.Methods.Select(BallerinaSyntax.StringLiteral))}]{(p.QueryPattern is { } query ? $", query: re `{query}`" : string.Empty)}}}");
        return $"firstPathMatchTakesMethod(request, {context}, [{string.Join(", ", candidates)}])";
    }

    /// <summary>
    /// The view of a resource's content-type and user-agent check (<see cref="RequestFilterIr"/>): the test, and what a
    /// refused request gets, as the API's unmatched requests (<see cref="Unmatched"/>) would.
    /// </summary>
    private static object? FilterView(ResourceIr resource, ServiceIr service, NameMap names)
    {
        if (resource.Filter is not { } filter)
        {
            return null;
        }

        var notFound = RefusedAnswer(resource, service, names);
        var contentType = filter.ContentType is { } type ? BallerinaSyntax.StringLiteral(type) : "()";
        var userAgent = filter.UserAgentPattern is { } agent ? $"re `{agent}`" : "()";
        var context = BallerinaSyntax.StringLiteral(service.BasePath == "/" ? string.Empty : service.BasePath);
        var firstMatch = filter.MethodTakenElsewhere ? null : FirstPathMatch(context, filter.FirstMatch);
        var notAllowed = service.Unmatched?.NotAllowedFlow is { } flow ? $"{names[flow]}(check {NewContext(service)})" : "methodNotAllowed()";
        return new
        {
            Test = $"!resourceAccepts(request, {contentType}, {userAgent})",
            Comment = CommentWrapped(8, "Resource.canProcess: the Micro Integrator dispatches a request here only when " + string.Join(" and ", new[]
            {
                filter.ContentType is { } t ? $"its Content-Type is {BallerinaSyntax.CommentText(t)} (POST, PUT, PATCH, DELETE)" : null,
                filter.UserAgent is { } a ? $"its User-Agent matches {BallerinaSyntax.CommentText(a)}" : null,
            }.OfType<string>()) + "; it answers any other (OPTIONS excepted) as API.process does without this resource."),
            NotFound = notFound,
            TakesMethod = TakesMethod(firstMatch, service, notAllowed),
        };
    }

    /// <summary>
    /// A resource path as a regular expression of the raw request path after the service's base path, as the http
    /// module matches it: a literal segment as written, a path parameter any segment, a rest parameter any number of
    /// them, and a final '/' allowed.
    /// </summary>
    private static string PathPattern(ImmutableArray<PathSegmentIr> path)
    {
        var pattern = new System.Text.StringBuilder();
        foreach (var segment in path)
        {
            switch (segment)
            {
                case PathSegmentIr.Literal literal when !literal.Text.Contains('`', StringComparison.Ordinal):
                    pattern.Append('/').Append(RegexLiteral(literal.Text));
                    break;
                case PathSegmentIr.Rest rest:
                    return pattern.Append(rest.NeedsSlash ? "/.*" : "(/.*)?").ToString();
                case PathSegmentIr.Param param when param.Prefix.Length + param.Suffix.Length > 0 && !(param.Prefix + param.Suffix).Contains('`', StringComparison.Ordinal):
                    // The literal text around the variable (x{id}, {id}.json) must be there too, as URITemplate.matches
                    // requires it (templateSegmentValue); a trailing * takes the rest of the segment. With no variable
                    // (a last literal "b*") the segment only starts with the text.
                    var star = param.Suffix.EndsWith('*') && !param.LiteralSuffix;
                    pattern.Append('/').Append(RegexLiteral(param.Prefix)).Append(param.Unbound ? string.Empty : "[^/]+").Append(RegexLiteral(star ? param.Suffix[..^1] : param.Suffix)).Append(star ? "[^/]*" : string.Empty);
                    break;
                default:
                    pattern.Append("/[^/]+");
                    break;
            }
        }

        return pattern.Append("/?").ToString();
    }

    /// <summary>Text matched as written in a Ballerina regular expression (its metacharacters escaped).</summary>
    private static string RegexLiteral(string text) =>
        string.Concat(text.Select(c => "^$\\.*+?()[]{}|".Contains(c, StringComparison.Ordinal) ? "\\" + c : c.ToString()));

    /// <param name="serviceBase">The attach point of the service.</param>
    /// <param name="restApiName">The API's <c>SYNAPSE_REST_API</c> name, or null.</param>
    /// <param name="restVersion">The named arguments of <c>newContext</c> a versioned API adds (<see cref="RestVersionArguments"/>), or null.</param>
    /// <param name="index">The resource's place in its service (from 1): it names the flow method of a resource that takes the caller.</param>
    /// <param name="hasWsdl">The service answers <c>?wsdl</c> requests first (<c>wsdlResponse</c> can fail).</param>
    /// <param name="grouped">Write a resource that only runs a flow function in one statement (<c>return flow(check newContext(...));</c>).</param>
    /// <param name="dispatch">How Axis2 dispatches the proxy's requests to the operations of its published WSDL, when the converter reproduces it.</param>
    /// <param name="basePathExpression">The expression the base path argument of <c>newContext</c> is written as, instead of <paramref name="serviceBase"/> quoted (the <c>/services</c> service's <c>"/services/" + name</c>).</param>
    /// <param name="alternatives">The resources of the API with this one's method and path tried, in order, when its query does not match (<see cref="ResourceIr.AlternativeOf"/>).</param>
    /// <param name="notFound">What the resource answers when its query (and those of the alternatives) does not match.</param>
    /// <param name="filter">The resource's content-type and user-agent check (<see cref="FilterView"/>), or null.</param>
    private object Resource(ResourceIr resource, string serviceBase, string? restApiName, ExpressionWriter expressions, ModuleUsage modules, NameMap names, int index = 1, bool hasWsdl = false, bool grouped = false, WsdlDispatchIr? dispatch = null, string? basePathExpression = null, IReadOnlyList<ResourceIr>? alternatives = null, string? notFound = null, object? filter = null, string? restVersion = null)
    {
        if (resource.Skipped is { } skipped)
        {
            return new { Todo = Todo(skipped, Original(resource.Origin)) };
        }

        var locals = new List<string> { "request", "ctx", "e" };
        string? restPath = null;
        var pathParams = new List<string>();
        var flowParams = new List<string> { "http:Caller caller", "http:Request request" };
        var flowArgs = new List<string> { "caller", "request" };

        // --typed-payloads: the body bound by the listener as JSON, beside the request (headers, path and query are still
        // read from it); the context starts from the bound value (newContext's boundPayload).
        // A datamapper's input record when the mapping is the body's first read: the mapping reads the parameter, and the
        // context starts from the record's JSON.
        var typedPayload = _typedPayloads.Parameter(resource);
        var payloadParameter = typedPayload?.Name;
        var payloadType = typedPayload?.Record is { } record ? names[record] : "json";
        if (payloadParameter is not null)
        {
            locals.Add(payloadParameter);
            flowParams.Add($"{payloadType} {payloadParameter}");
            flowArgs.Add(payloadParameter);
        }

        var segmentChecks = new List<string>();
        foreach (var segment in resource.Path)
        {
            switch (segment)
            {
                case PathSegmentIr.Literal:
                    break;
                case PathSegmentIr.Param param:
                    var name = names[param.Parameter];
                    if (!param.Unbound)
                    {
                        pathParams.RemoveAll(p => p.StartsWith(BallerinaSyntax.StringLiteral(param.SynapseName) + ":", StringComparison.Ordinal));
                        pathParams.Add($"{BallerinaSyntax.StringLiteral(param.SynapseName)}: {PathParamValue(param, name)}");
                    }

                    if (SegmentValue(param, name) is { } segmentValue)
                    {
                        segmentChecks.Add($"{segmentValue} is ()");
                    }

                    locals.Add(name);
                    flowParams.Add($"string {name}");
                    flowArgs.Add(name);
                    break;
                case PathSegmentIr.Rest rest:
                    var restName = names[rest.Parameter];
                    restPath = restName;
                    if (rest.NeedsSlash)
                    {
                        segmentChecks.Add($"({restName}.length() == 0 && !pathEndsWithSlash(request))");
                    }

                    if (rest.SynapseName != "*")
                    {
                        pathParams.Add(rest.TakesQuery
                            ? $"{BallerinaSyntax.StringLiteral(rest.SynapseName)}: check reservedPathValue(request, {restName})"
                            : $"{BallerinaSyntax.StringLiteral(rest.SynapseName)}: string:'join(\"/\", ...{restName})");
                    }

                    locals.Add(restName);
                    flowParams.Add($"string[] {restName}");
                    flowArgs.Add(restName);
                    break;
            }
        }

        var writer = new CodeWriter();
        new StatementWriter(writer, expressions.For(resource), modules, locals) { BoundMapperInput = typedPayload is { Mapper: { } mapper } ? (mapper, typedPayload.Name) : null, CopyFaultHandler = CopyFaultHandler(resource.FaultFunction, names) }
            .DeclareLocals().Block(resource.Body);

        // When nothing reads the message, Synapse's implicit 202 is all that happens: no context is needed.
        var usesContext = (resource.FaultFunction is not null && FailureScan.CanFail(writer.Body)) || UsesContext(resource);
        var faultFunction = FaultHandler(resource.FaultFunction, writer.Body, names, expressions, modules, out var faultInline);
        var outFlow = usesContext && resource.NeedsOutFlow && resource.OutFunction is { } outFunction ? names[outFunction] : null;
        // The resources tried after this one when its query does not match run in the same Ballerina resource: it takes
        // the caller when any of them that reads the message takes it, and may fail when any of them may.
        var caller = (usesContext && TakesCaller(resource)) || (alternatives?.Any(a => UsesContext(a) && TakesCaller(a)) ?? false);
        var alternativeViews = alternatives?.Select(a => Alternative(a, resource, serviceBase, restApiName, restVersion, expressions, modules, names, locals, caller)).ToList() ?? [];

        // The services of a proxy's addresses each only run the proxy's flow function: `return orderProxyFlow(check
        // newContext(...));` says it in one statement (the context is made, and a failure to make it returned, as before).
        var runs = grouped && usesContext && !caller && outFlow is null && faultFunction is null && faultInline is null ? RunsOnly(resource.Body, writer.Body, names) : null;

        // A proxy resource that runs its flow function, when the converter reproduces its WSDL's dispatch: the operation
        // is found before the flow runs (it may change the headers), a request naming none is refused with Axis2's fault,
        // and a one-way operation is answered 202 before its flow runs.
        var dispatchView = dispatch is { Table: not null } && restPath is not null && usesContext && faultFunction is null && faultInline is null && resource.Body is [ContinueWithStep { Function: { } flowFunction }]
            ? new
            {
                Call = $"wsdlOperation(ctx, {restPath}, {names[dispatch.Table!]})",
                Fallback = dispatch.Fallback is { } fallback ? BallerinaSyntax.StringLiteral(fallback) : null,
                OneWay = dispatch.OneWayOperations.IsEmpty ? null : string.Join("|", dispatch.OneWayOperations.Select(BallerinaSyntax.StringLiteral)),
                Flow = names[flowFunction],
            }
            : null;
        runs = dispatchView is null ? runs : null;

        // A flow with no fault function at all (neither its own fault flow nor a 'fault' sequence's, the Micro
        // Integrator's default one included) that may hold a concurrency slot (ThrottleSlots): the failure must not keep
        // the message's concurrency slot (`on fail error e { throttleRelease(ctx); return e; }`). A fault function gives
        // it back first, as MediatorFaultHandler does.
        var releaseOnFail = ReleaseOnFail(usesContext && runs is null && dispatchView is null && resource.HoldsThrottleSlot, faultFunction, faultInline, writer.Body);
        return new
        {
            Todo = (TodoView?)null,
            Runs = runs,

            // A uri-template with a query: the Micro Integrator dispatches only a request whose raw query matches it
            // (URITemplate.matches), and answers any other 404 without a body (API.handleResourceNotFound).
            // With resources of its method and path tried after it, a segment with literal text around its variable is
            // checked with the query, and the next resource tried when either does not match.
            Query = resource.QueryPattern is not null || (segmentChecks.Count > 0 && alternatives is { Count: > 0 })
                ? new
                {
                    Test = string.Join(" || ", segmentChecks.Append(resource.QueryPattern is { } pattern ? $"!uriQueryMatches(request, re `{pattern}`)" : null).OfType<string>()),
                    Comment = QueryComment(BallerinaSyntax.CommentText(segmentChecks.Count > 0 ? UriTemplateText(resource) : resource.QueryTemplate ?? string.Empty),
                        segmentChecks.Count > 0, alternatives is { Count: > 0 }, resource.Fallback is not null ? "runs the API's default resource for" : notFound is null or "resourceNotFound()" ? "answers 404 to" : "runs the _resource_mismatch_handler_ sequence for"),
                    Alternatives = alternativeViews.Select(a => a.View).ToList(),
                    NotFound = alternatives is { Count: > 0 } && alternatives[^1].QueryPattern is null && !alternatives[^1].Path.Any(HasSegmentText) ? null : notFound ?? "resourceNotFound()",
                }
                : null,
            // A segment with literal text around its variable: the Micro Integrator dispatches only a request whose
            // segment has that text (URITemplate.matches), and answers any other 404 (or runs the mismatch handler).
            // (Checked with the query when the template has one, above.)
            // A data service resource's last parameter takes the rest of the path, '/' included, but needs the '/' before
            // it (DataServiceResourcePath).
            SegmentCheck = segmentChecks.Count == 0 || alternatives is { Count: > 0 } || resource.QueryPattern is not null ? null : new
            {
                Test = string.Join(" || ", segmentChecks),
                NotFound = notFound ?? "resourceNotFound()",
                Comment = resource.Origin is Syntax.DataServiceResourceSyntax
                    ? CommentWrapped(8, "The Micro Integrator matches the last path parameter as '.*' after the '/' before it (HTTPLocationBasedDispatcher, WSDLUtil.getRegexForLocation): it takes the rest of the path, '/' and empty value included, but a request without that '/' is no request of this resource, answered as an unknown path.")
                    : null,
            },
            // A content-type or user-agent: the Micro Integrator dispatches a request to the resource only when its
            // headers match (Resource.canProcess); a refused one gets what API.process answers without this resource.
            Filter = filter,
            Summary = BallerinaSyntax.CommentText(resource.Summary),
            Accessor = resource.Accessor == "default" ? "'default" : resource.Accessor,
            Path = ResourcePath(resource.Path, names),
            RestPath = restPath,
            Context = usesContext
                ? new
                {
                    Api = restApiName is { } api ? BallerinaSyntax.StringLiteral(api) : "()",
                    BasePath = basePathExpression ?? BallerinaSyntax.StringLiteral(serviceBase == "/" ? string.Empty : serviceBase),
                    PathParams = pathParams.Count == 0 ? null : $"{{{string.Join(", ", pathParams)}}}",
                    Rest = payloadParameter is null ? ContextArguments(restVersion, resource, names)
                        : string.Join(", ", new[] { ContextArguments(restVersion, resource, names), $"boundPayload = {payloadParameter}{(typedPayload?.Record is null ? string.Empty : ".toJson()")}" }.OfType<string>()),
                }
                : null,
            Payload = payloadParameter is null ? null : $"@http:Payload {payloadType} {payloadParameter}",
            // The http module rejects a resource that takes the http:Caller and returns a response (HTTP_118): such a
            // resource answers through the caller with what a service method running the flow returns.
            Caller = caller
                ? new { RemoteAddress = usesContext, Flow = $"flow{index.ToString(System.Globalization.CultureInfo.InvariantCulture)}", Params = string.Join(", ", flowParams), Args = string.Join(", ", flowArgs) }
                : null,
            OutFlow = outFlow,
            FaultFunction = faultFunction,
            FaultInline = faultInline,

            // An empty fault flow after a non-blocking send answers a backend's failure by the error (SB0260).
            FaultInlineError = faultInline is not null && InlinedFaultReadsError(resource.FaultFunction),
            ReleaseOnFail = releaseOnFail,
            Dispatch = dispatchView,
            Body = runs is null && dispatchView is null ? WithoutElseAfterExit(WithoutRepeatedReturns(WithoutReturnChecks(writer.Body, faultFunction, faultInline, releaseOnFail))) : [],

            // A resource that reads no message (no context) and whose body cannot fail only answers: no error in its type.
            Returns = usesContext || hasWsdl || alternativeViews.Any(a => a.CanFail) || (resource.QueryPattern is not null && notFound is not null && notFound.Contains("check ", StringComparison.Ordinal)) || filter is not null || (segmentChecks.Count > 0 && notFound is not null && notFound.Contains("check ", StringComparison.Ordinal)) || FailureScan.CanFail(writer.Body) || FailureScan.ReturnsError(writer.Body, InfallibleName(names)) ? "http:Response|error" : "http:Response",
        };
    }

    /// <summary>A comment's text wrapped into the lines of a <c>//</c> comment at <paramref name="indent"/> columns (the template writes each after <c>// </c>).</summary>
    private static List<string> CommentWrapped(int indent, string text) =>
        BallerinaSyntax.WrapComment(text, BallerinaSyntax.CommentColumns - indent - 3).ToList();

    /// <summary>
    /// The comment over a resource's query (and segment text) check: what the Micro Integrator dispatches to it
    /// (URITemplate.matches), and what it does with the other requests.
    /// </summary>
    private static List<string> QueryComment(string template, bool segments, bool chained, string answer)
    {
        // A query ending in '*' takes any rest (Literal.match): the order holds only up to it.
        var how = template.EndsWith('*') ? "(in this order up to the '*', which takes the rest; a query is needed)" : "(in this order, no parameter missing or added)";
        return CommentWrapped(8, (segments, chained) switch
        {
            (true, _) => $"The Micro Integrator runs this resource only for a request that '{template}' matches, the literal text around each variable included; for any other it tries the next resources of this method and path in declaration order, and {answer} a request none of them or the API's other resources takes.",
            (false, true) => $"The Micro Integrator runs this resource only for a request whose query matches '{template}' {how}; for any other it tries the next resources of this method and path in declaration order, and {answer} a request none of them or the API's other resources takes.",
            (false, false) => $"The Micro Integrator runs this resource only for a request whose query matches '{template}' {how}; it {answer} any other request no other resource of the API takes.",
        });
    }

    /// <summary>
    /// The value of a segment's variable when the segment holds literal text around it (<c>x{id}</c>, <c>{id}.json</c>,
    /// <c>{id}*</c>): <c>templateSegmentValue</c> of the resource parameter, <c>()</c> when the text does not match;
    /// null for a plain <c>{id}</c> segment, whose parameter is the value.
    /// </summary>
    private static string? SegmentValue(PathSegmentIr.Param param, string parameter) =>
        param.Prefix.Length == 0 && param.Suffix.Length == 0
            ? null
            : $"templateSegmentValue({parameter}, {BallerinaSyntax.StringLiteral(param.Prefix)}, {BallerinaSyntax.StringLiteral(param.Suffix)}{(param.LiteralSuffix ? ", literalSuffix = true" : string.Empty)})";

    /// <summary>The value a segment's variable gets (its uri.var.* property): the parameter, or the checked <see cref="SegmentValue"/>.</summary>
    private static string PathParamValue(PathSegmentIr.Param param, string parameter) =>
        SegmentValue(param, parameter) is { } value ? $"{value} ?: \"\"" : parameter;

    /// <summary>
    /// A resource of an API tried inside the function of <paramref name="first"/>, which has its method and path, when
    /// the queries before it do not match: its query (null: any), and the lines that run it on a context whose path
    /// variables are its own names for the first resource's path parameters.
    /// </summary>
    private (object View, bool CanFail) Alternative(ResourceIr alternative, ResourceIr first, string serviceBase, string? restApiName, string? restVersion, ExpressionWriter expressions, ModuleUsage modules, NameMap names, List<string> locals, bool caller)
    {
        var pathParams = new List<string>();
        for (var k = 0; k < alternative.Path.Length && k < first.Path.Length; k++)
        {
            switch (alternative.Path[k], first.Path[k])
            {
                case (PathSegmentIr.Param param, PathSegmentIr.Param own) when !param.Unbound:
                    pathParams.RemoveAll(p => p.StartsWith(BallerinaSyntax.StringLiteral(param.SynapseName) + ":", StringComparison.Ordinal));
                    pathParams.Add($"{BallerinaSyntax.StringLiteral(param.SynapseName)}: {PathParamValue(param, names[own.Parameter])}");
                    break;
                case (PathSegmentIr.Rest rest, PathSegmentIr.Rest own) when rest.SynapseName != "*":
                    pathParams.Add(rest.TakesQuery
                        ? $"{BallerinaSyntax.StringLiteral(rest.SynapseName)}: check reservedPathValue(request, {names[own.Parameter]})"
                        : $"{BallerinaSyntax.StringLiteral(rest.SynapseName)}: string:'join(\"/\", ...{names[own.Parameter]})");
                    break;
            }
        }

        var writer = new CodeWriter();
        new StatementWriter(writer, expressions.For(alternative), modules, new List<string>(locals)).DeclareLocals().Block(alternative.Body);
        var usesContext = UsesContext(alternative);
        var lines = new List<BodyLine>();
        if (usesContext)
        {
            var api = restApiName is { } name ? BallerinaSyntax.StringLiteral(name) : "()";
            var basePath = BallerinaSyntax.StringLiteral(serviceBase == "/" ? string.Empty : serviceBase);
            lines.Add(new BodyLine($"Context ctx = check newContext(request, {api}, {basePath}{(pathParams.Count == 0 ? string.Empty : $", {{{string.Join(", ", pathParams)}}}")}{(ContextArguments(restVersion, alternative, names) is { } more ? ", " + more : string.Empty)});", false));
            if (caller)
            {
                lines.Add(new BodyLine("setRemoteAddress(ctx, caller);", false));
            }

            if (alternative.NeedsOutFlow && alternative.OutFunction is { } outFunction)
            {
                lines.Add(new BodyLine($"ctx.outFlow = {names[outFunction]};", false));
            }
        }

        lines.AddRange(WithoutElseAfterExit(WithoutRepeatedReturns(WithoutReturnChecks(writer.Body, null, null, false))));

        // Only a flow function to run: `return flow(check newContext(...));`, as a proxy's resource writes it.
        if (lines is [{ Verbatim: false } made, { Verbatim: false } run] && made.Text.StartsWith("Context ctx = check newContext(", StringComparison.Ordinal)
            && run.Text.StartsWith("return ", StringComparison.Ordinal) && run.Text.EndsWith("(ctx);", StringComparison.Ordinal)
            && run.Text["return ".Length..^"(ctx);".Length] is var called && (called.StartsWith("check ", StringComparison.Ordinal) ? called["check ".Length..] : called) is { Length: > 0 } flow
            && flow.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
        {
            lines = [new BodyLine($"return {flow}({made.Text["Context ctx = ".Length..^1]});", false)];
        }

        // The alternative takes the request when the literal text around its variables and its query match.
        var tests = new List<string>();
        for (var k = 0; k < alternative.Path.Length && k < first.Path.Length; k++)
        {
            if (alternative.Path[k] is PathSegmentIr.Param param && first.Path[k] is PathSegmentIr.Param own && SegmentValue(param, names[own.Parameter]) is { } value)
            {
                tests.Add($"{value} !is ()");
            }
        }

        if (alternative.QueryPattern is { } query)
        {
            tests.Add($"uriQueryMatches(request, re `{query}`)");
        }

        object view = new
        {
            Test = tests.Count == 0 ? null : string.Join(" && ", tests),
            Summary = BallerinaSyntax.CommentText(alternative.Summary),
            Body = lines,
        };
        return (view, usesContext || tests.Any(t => t.Contains("check ", StringComparison.Ordinal)) || FailureScan.CanFail(lines) || FailureScan.ReturnsError(lines, InfallibleName(names)));
    }

    /// <summary>Whether a resource's flow reads the message (needs a context): anything but Synapse's implicit 202, comments and TODOs.</summary>
    private static bool UsesContext(ResourceIr resource) =>
        resource.Body.Any(s => s is not (AcceptStep or CommentStep or TodoStep or DeadCodeStep));

    /// <summary>A resource's uri-template as its path segments hold it (<c>/items/{id}.json?v={v}</c>), for the comments.</summary>
    private static string UriTemplateText(ResourceIr resource) =>
        "/" + string.Join('/', resource.Path.Select((segment, index) => segment switch
        {
            PathSegmentIr.Literal literal => literal.Text,

            // A last literal ending with '*' ("b*") is its own text; a variable, the text around it.
            PathSegmentIr.Param { Unbound: true } param when param.Suffix == "*" => param.Prefix + "*",
            PathSegmentIr.Param param => $"{param.Prefix}{{{param.SynapseName}}}{param.Suffix}",

            // The rest parameter after a segment whose '*' takes the rest of the path is that '*'.
            PathSegmentIr.Rest { SynapseName: "*" } when index > 0 && resource.Path[index - 1] is PathSegmentIr.Param { LiteralSuffix: false } before && before.Suffix.EndsWith('*') => null,
            PathSegmentIr.Rest rest => rest.SynapseName == "*" ? "*" : $"{{+{rest.SynapseName}}}",
            _ => throw new InvalidOperationException($"Unhandled path segment {segment.GetType().Name}"),
        }).OfType<string>()) + (resource.QueryTemplate is { } query ? "?" + query : string.Empty);

    /// <summary>
    /// Whether a path segment holds literal text around its variable, or is a last literal ending with <c>*</c>
    /// (<c>b*</c>), which its resource checks (<see cref="SegmentValue"/>).
    /// </summary>
    private static bool HasSegmentText(PathSegmentIr segment) =>
        segment is PathSegmentIr.Param param && (param.Prefix.Length > 0 || param.Suffix.Length > 0);

    /// <summary>
    /// The function a resource body only runs and returns the answer of (<c>return f(ctx);</c>, one <see
    /// cref="ContinueWithStep"/> written as that one line, with <c>check</c> when the function can fail: the resource
    /// returns the error either way), or null for any other body.
    /// </summary>
    private static string? RunsOnly(ImmutableArray<StepIr> body, IReadOnlyList<BodyLine> written, NameMap names) =>
        body is [ContinueWithStep { Function: { } function }] && names[function] is var name && written is [{ Verbatim: false } line] && line.Text is var text && (text == $"return {name}(ctx);" || text == $"return check {name}(ctx);")
            ? name
            : null;

    /// <summary>Whether a name is the name of a function that cannot fail (<see cref="InfallibleFunctions"/>).</summary>
    private Func<string, bool> InfallibleName(NameMap names)
    {
        var infallible = _infallible.Select(f => names[f]).ToHashSet(StringComparer.Ordinal);
        return infallible.Contains;
    }

    // ---- functions.bal ----

    private string Functions(PackageIr package, NameMap names)
    {
        var modules = new ModuleUsage();
        var functions = RenderConstructs(package.Functions, f => FunctionText(f, names)).Zip(package.Functions, (c, f) => Recorded("functions.bal", f.Origin.Path, Join(c, modules))).ToArray();
        return _renderer.Render("functions.bal.sbn", new
        {
            Header = SourcesHeader("functions for the Synapse sequences and resource flows", package.Functions.Select(f => f.Origin.Path), "none: no sequence or template, and every resource flow is written in its service"),
            Imports = modules.Imports(),
            Xmlns = _namespaces.Declarations,
            Functions = functions,
        });
    }

    /// <summary>
    /// The return type a function is declared with (null: none). A fault flow always answers, an in or out flow too;
    /// a function that cannot fail (<see cref="InfallibleFunctions"/>) has no error in it (nothing at all when it
    /// cannot answer), and a sequence that answers on every path (<see cref="AnsweringFlows"/>) never returns nothing.
    /// </summary>
    private static string? ReturnType(FunctionIr function, bool infallible) => function.Kind switch
    {
        FunctionKind.FaultFlow or FunctionKind.OutFlow or FunctionKind.InFlow => infallible ? "http:Response" : "http:Response|error",
        _ => infallible
            ? (function.CanStop ? (function.AlwaysAnswers ? "http:Response" : "http:Response?") : null)
            : (function.CanStop ? (function.AlwaysAnswers ? "http:Response|error" : "http:Response|error?") : "error?"),
    };

    /// <summary>
    /// The declared type of the local a listener, a processor or a job keeps a function's result in (issue 14: the
    /// function's own return type instead of <c>var</c>), <c>var</c> for a function the package does not declare.
    /// </summary>
    private string ResultType(Symbol function, ModuleUsage modules)
    {
        if (!_returnTypes.TryGetValue(function, out var type) || type is null)
        {
            return "var";
        }

        if (type.StartsWith("http:", StringComparison.Ordinal))
        {
            modules.Use("http");
        }

        return type;
    }

    /// <summary>The view model of one function: its signature parts and its body.</summary>
    private object Function(FunctionIr function, ExpressionWriter expressions, ModuleUsage modules, NameMap names)
    {
        var parameterNames = function.Parameters.Select(p => names[p.Name]).ToList();
        var parameters = new List<string> { "Context ctx" };
        switch (function.Kind)
        {
            case FunctionKind.FaultFlow:
                parameters.Add("error e");
                break;
            case FunctionKind.OutFlow or FunctionKind.InFlow:
                break;
            default:
                parameters.AddRange(function.Parameters.Select((p, i) => $"string {parameterNames[i]} = {BallerinaSyntax.StringLiteral(p.DefaultValue)}"));
                break;
        }

        var returns = ReturnType(function, _infallible.Contains(function.Name));

        if (returns?.StartsWith("http:", StringComparison.Ordinal) == true)
        {
            modules.Use("http");
        }

        var writer = new CodeWriter();
        // A sequence that cannot stop has no answer to return: a drop in it only ends it (WithoutUnusedAnswers).
        var answers = function.Kind != FunctionKind.Sequence || function.CanStop;
        new StatementWriter(writer, expressions.For(function), modules, parameterNames.Concat(["ctx", "e"])) { Answers = answers, CopyFaultHandler = CopyFaultHandler(function.FaultFunction, names) }.DeclareLocals().Block(function.Body);
        var functionFault = FaultHandler(function.FaultFunction, writer.Body, names, expressions, modules, out var faultInline);
        var releaseOnFail = ReleaseOnFail(function.Kind == FunctionKind.InFlow && function.HoldsThrottleSlot, functionFault, faultInline, writer.Body);
        return new
        {
            Doc = BallerinaSyntax.DocLines(BallerinaSyntax.CommentLines(function.Summary, prefix: string.Empty)).ToList(),
            Name = names[function.Name],
            Parameters = string.Join(", ", parameters),
            Returns = returns,
            RecordsError = function.Kind == FunctionKind.FaultFlow,
            ReleasesThrottle = function.Kind == FunctionKind.FaultFlow && function.HoldsThrottleSlot,
            FaultFunction = functionFault,
            FaultInline = faultInline,

            // An empty fault flow after a non-blocking send answers a backend's failure by the error (SB0260).
            FaultInlineError = faultInline is not null && InlinedFaultReadsError(function.FaultFunction),
            ReleaseOnFail = releaseOnFail,
            Body = WithoutFinalReturn(WithoutElseAfterExit(WithoutRepeatedReturns(WithoutReturnChecks(writer.Body, functionFault, faultInline, releaseOnFail))), answers),
        };
    }

    /// <summary>A function with nothing to return does not end with <c>return;</c> (it ends there anyway).</summary>
    internal static IReadOnlyList<BodyLine> WithoutFinalReturn(IReadOnlyList<BodyLine> body, bool answers) =>
        !answers && body.Count > 0 && body[^1] is { Verbatim: false, Text: "return;" } ? body.Take(body.Count - 1).ToList() : body;

    /// <summary>
    /// Whether an entry flow (a resource's body, a proxy's or API resource's in flow function: <paramref name="entry"/>)
    /// that has no fault handler and can fail gives the message's concurrency slot back when it fails: where the flow
    /// may hold one (<see cref="ResourceIr.HoldsThrottleSlot"/>, <c>Refine/ThrottleSlots.cs</c>) the Micro Integrator pushes a MediatorFaultHandler for its default fault
    /// sequence on every such message (ProxyService / Resource: synCtx.getFaultSequence()), and
    /// MediatorFaultHandler.onFault frees the slot (ConcurrencyThrottlingUtils) before the sequence runs.
    /// </summary>
    private static bool ReleaseOnFail(bool entry, string? faultFunction, IReadOnlyList<BodyLine>? faultInline, IReadOnlyList<BodyLine> body) =>
        entry && faultFunction is null && faultInline is null && FailureScan.CanFail(body);

    /// <summary>
    /// The fault handler a body's <c>on fail</c> calls, or null: none when the body declares none or nothing in it can
    /// fail (no <c>do</c>/<c>on fail</c> is written then), and none with <paramref name="inline"/> set to the handler's
    /// own lines when it is an empty flow that is not declared (<see cref="EmptyFlows"/>).
    /// </summary>
    /// <summary>
    /// Whether the inlined fault flow reads the error: it ends after a backend's failure as the Micro Integrator answers
    /// it (SB0260, <c>unansweredFault(ctx, e)</c>), so the <c>on fail</c> clause binds <c>error e</c>.
    /// </summary>
    private bool InlinedFaultReadsError(Symbol? fault) =>
        fault is not null && _inlinedFlows.TryGetValue(fault, out var flow) && IrWalker.Steps(flow.Body).Any(s => s is AcceptStep { AfterBackendFailure: true });

    /// <summary>What a failed copy of a split the flow goes on without runs (<see cref="StatementWriter.CopyFaultHandler"/>): the flow's fault function, <c>()</c> for an empty one the writers inline, null when the flow has none of its own.</summary>
    private string? CopyFaultHandler(Symbol? fault, NameMap names) =>
        fault is null ? null : _inlinedFlows.ContainsKey(fault) ? "()" : names[fault];

    private string? FaultHandler(Symbol? fault, IReadOnlyList<BodyLine> body, NameMap names, ExpressionWriter expressions, ModuleUsage modules, out IReadOnlyList<BodyLine>? inline)
    {
        inline = null;
        if (fault is null || !FailureScan.CanFail(body))
        {
            return null;
        }

        if (_inlinedFlows.TryGetValue(fault, out var flow))
        {
            var writer = new CodeWriter();
            new StatementWriter(writer, expressions.For(flow), modules, ["ctx"]).Block(flow.Body);
            inline = writer.Body;
            return null;
        }

        return names[fault];
    }

    // ---- inbound.bal ----

    /// <summary>
    /// The statement setting the properties the Micro Integrator's inbound endpoint sets on each message it injects
    /// (<see cref="InboundPropertiesIr"/>): <c>setInboundEndpointProperties(ctx, "name", {"parameter": "value", ...});</c>, a
    /// credential read from its configurable; null for a proxy's listener.
    /// </summary>
    private static List<string>? InboundPropertiesCall(InboundIr inbound, NameMap names)
    {
        if (inbound.Properties is not { } properties)
        {
            return null;
        }

        var name = properties.Name is { } n ? BallerinaSyntax.StringLiteral(n) : "()";
        var parameters = properties.Parameters.Select(p => $"{BallerinaSyntax.StringLiteral(p.Name)}: {(p.Configurable is { } held ? names[held] : BallerinaSyntax.StringLiteral(p.Value ?? string.Empty))}").ToList();
        var call = parameters.Count == 0
            ? $"setInboundEndpointProperties(ctx, {name});"
            : $"setInboundEndpointProperties(ctx, {name}, {{{string.Join(", ", parameters)}}});";

        // The parameters the refiner left unset (nothing that runs on the message reads them) are named above the call,
        // so the developer sees what the Micro Integrator also set.
        List<string> unread = properties.Unread.IsEmpty
            ? []
            : [.. BallerinaSyntax.WrapComment(
                (properties.Parameters.IsEmpty
                    ? "The Micro Integrator also sets each parameter of the endpoint as a property of its name"
                    : "The Micro Integrator also sets the endpoint's other parameters as properties of their names")
                + ": nothing that runs on the message reads them, so they are not set here."
                + (properties.UnreadSecrets.IsEmpty ? string.Empty
                    : $" The credential{(properties.UnreadSecrets.Length > 1 ? "s" : string.Empty)} {string.Join(", ", properties.UnreadSecrets)} {(properties.UnreadSecrets.Length > 1 ? "are" : "is")} therefore no configurable: Config.toml needs no value for {(properties.UnreadSecrets.Length > 1 ? "them" : "it")}."),
                BallerinaSyntax.CommentColumns - 8 - 3).Select(l => "// " + l)];

        // A long map is written one parameter a line, as the listener's own configuration above it is.
        return call.Length <= 100
            ? [.. unread, call]
            : [.. unread, $"setInboundEndpointProperties(ctx, {name}, {{", .. parameters.Select((p, k) => "    " + p + (k < parameters.Count - 1 ? "," : string.Empty)), "});"];
    }

    private string Inbounds(PackageIr package, NameMap names)
    {
        var modules = new ModuleUsage();
        var expressions = new ExpressionWriter(modules, names, _propertyLocals) { SynapseLogLines = _options.SynapseLogLines, Namespaces = _namespaces, PayloadTypes = _payloadTypes, Infallible = _infallible, PropertyRecord = _propertyRecord };
        var failed = new List<FailedDeclaration>();
        var declaredTables = new HashSet<Symbol>();
        var inbounds = GuardedDeclarations(package.Inbounds, "inbound endpoint", i => i.SynapseName, i => i.Origin.Location, i => Original(i.Origin), failed, inbound =>
        {
            var doc = BallerinaSyntax.DocLines(BallerinaSyntax.CommentLines(inbound.Summary, prefix: string.Empty))
                .Concat(BallerinaSyntax.DocItems([$"From {Relative(inbound.Origin.Location.Path)}, line {Line(inbound.Origin.Location.Line)}."])).ToList();
            var todo = inbound.NotTranslated is { } reason ? Todo(reason, Original(inbound.Origin)) : null;

            // One part per transport kind; the template renders the part that is set.
            object? http = null, jms = null, broker = null, file = null, ftp = null;
            switch (inbound.Transport)
            {
                case InboundTransportIr.Http httpTransport:
                    modules.Use("http");
                    http = new
                    {
                        Port = names[httpTransport.Port],
                        KeyStore = httpTransport.KeyStore is { } store ? new { Path = names[store.Path], Password = names[store.Password] } : null,
                        Resource = Resource(httpTransport.Resource, "/", null, expressions, modules, names),
                    };
                    break;
                case InboundTransportIr.Jms jmsTransport:
                    modules.Use("jms");
                    jms = new
                    {
                        ContextFactory = names[jmsTransport.ContextFactory],
                        ProviderUrl = names[jmsTransport.ProviderUrl],
                        ConnectionFactory = names[jmsTransport.ConnectionFactory],
                        Username = jmsTransport.Username is { } user ? names[user] : null,
                        Password = jmsTransport.Password is { } password ? names[password] : null,
                        DestinationType = jmsTransport.Topic ? "TOPIC" : "QUEUE",
                        Destination = jmsTransport.DestinationSetting is { } destinationSetting ? names[destinationSetting] : BallerinaSyntax.StringLiteral(jmsTransport.Destination),
                        AckMode = jmsTransport.AcknowledgementMode,
                        ContentType = jmsTransport.ContentType is { } contentType ? BallerinaSyntax.StringLiteral(contentType) : null,
                        Sequence = names[jmsTransport.Sequence],
                        SequenceInfallible = _infallible.Contains(jmsTransport.Sequence),
                        ResultType = _infallible.Contains(jmsTransport.Sequence) || jmsTransport.FaultFunction is null ? null : ResultType(jmsTransport.Sequence, modules),
                        RunCall = _infallible.Contains(jmsTransport.Sequence) || jmsTransport.FaultFunction is not null ? null : CheckedCall(jmsTransport.Sequence),
                        HandledCall = _infallible.Contains(jmsTransport.Sequence) || jmsTransport.FaultFunction is not { } handled || _infallible.Contains(handled) ? null : CheckedCall(handled),
                        Discard = jmsTransport.SequenceCanAnswer,
                        FaultFunction = jmsTransport.FaultFunction is { } fault ? names[fault] : null,
                        FaultInfallible = jmsTransport.FaultFunction is { } handler && _infallible.Contains(handler),
                        ContentTypeRules = JmsContentTypeRuleLines(jmsTransport.ContentTypeRules, trackProperty: jmsTransport.Reply is not null),
                        Reply = jmsTransport.Reply is { } reply ? JmsReplyLines(jmsTransport, reply, names[inbound.Listener], names) : null,
                        OutFlow = jmsTransport.OutFlow is { } outFlow ? names[outFlow] : null,
                        // A proxy's JMS transport sets the action once, from the message's SOAPAction property, else the
                        // operation's (JMSMessageReceiver, ProtocolEndpoint.createMessageContext); an inbound endpoint's none.
                        Action = inbound.Origin is Syntax.ProxySyntax
                            ? $"jmsSoapAction(message, {BallerinaSyntax.StringLiteral(jmsTransport.OperationAction ?? string.Empty)})"
                            : null,
                        Operation = OperationLines(inbound, jmsTransport.FixedOperation, jmsTransport.Dispatch, names, modules,
                            [
                                "The operation of the published WSDL Axis2 dispatches the message to, once the transport has built it: by its",
                                "SOAPAction property or WS-Addressing action, else by the path of its wsa:To, else by its body's first element.",
                            ],
                            new OperationRefusal.JmsRefused()),

                        // A proxy's JMS transport (Axis2's JMSMessageReceiver) keeps the correlation facts in the axis2 scope.
                        Proxy = inbound.Origin is Syntax.ProxySyntax,
                    };
                    break;
                case InboundTransportIr.File fileTransport:
                    file = FileInbound(inbound, fileTransport, names, modules);
                    break;
                case InboundTransportIr.Ftp ftpTransport:
                    ftp = FtpInbound(inbound, ftpTransport, names, modules);
                    break;
                case InboundTransportIr.Kafka or InboundTransportIr.RabbitMq or InboundTransportIr.Mqtt or InboundTransportIr.Mail:
                    broker = BrokerInbound(inbound, names, modules);
                    break;
                default:
                    throw new InvalidOperationException($"Unhandled inbound transport {inbound.Transport.GetType().Name}");
            }

            // A proxy listener that dispatches to the operations of the published WSDL reads the proxy's one table of
            // them: declared here unless one of the proxy's HTTP services or an earlier listener declares it.
            var operations = ListenerDispatch(inbound) is { Table: { } table } dispatch && !_serviceTables.Contains(table) && declaredTables.Add(table)
                ? OperationsTable(dispatch, inbound.SynapseName, names, withElements: true)
                : null;
            return new { Doc = doc, Todo = todo, Name = names[inbound.Listener], Http = http, Jms = jms, Broker = broker, File = file, Ftp = ftp, Operations = operations, Properties = InboundPropertiesCall(inbound, names) };
        }, modules);
        return _renderer.Render("inbound.bal.sbn", new
        {
            Header = SourcesHeader("listeners for the Synapse inbound endpoints", package.Inbounds.Select(i => i.Origin.Location.Path)),
            Imports = modules.Imports(),
            Xmlns = _namespaces.Declarations,
            Inbounds = inbounds,
            Failed = failed,
        });
    }

    /// <summary>
    /// The view of a proxy listener's dispatch to the operations of its published WSDL (<c>transportOperation</c>): the
    /// proxy's table, its name (a wsa:To names an operation after it) and the operation a message naming none gets
    /// (null: the message is refused).
    /// </summary>
    private static TransportDispatchView? TransportDispatch(WsdlDispatchIr? dispatch, string proxy, NameMap names) => dispatch is { Table: { } table }
        ? new TransportDispatchView(names[table], BallerinaSyntax.StringLiteral(proxy), dispatch.Fallback is { } fallback ? BallerinaSyntax.StringLiteral(fallback) : null)
        : null;

    /// <summary>A listener's dispatch: the table's name, the proxy's name as a literal, the fallback operation as a literal.</summary>
    private sealed record TransportDispatchView(string Table, string Service, string? Fallback);

    /// <summary>The dispatch of a proxy's listener to the operations of its published WSDL, whichever the transport; null for none.</summary>
    private static WsdlDispatchIr? ListenerDispatch(InboundIr inbound) => inbound.Transport switch
    {
        InboundTransportIr.Jms jms => jms.Dispatch,
        InboundTransportIr.File file => file.Target.Dispatch,
        InboundTransportIr.Ftp ftp => ftp.Target.Dispatch,
        InboundTransportIr.Mail mail => mail.Target.Dispatch,
        InboundTransportIr.RabbitMq rabbit => rabbit.Target.Dispatch,
        _ => null,
    };

    /// <summary>
    /// The view of the module-level table of a proxy's WSDL operations (one per proxy, <see cref="WsdlDispatchIr.Table"/>):
    /// the aliases and names its HTTP services dispatch by (<c>wsdlOperation</c>), and the input message elements its
    /// listeners dispatch by too (<c>transportOperation</c>), written when a listener reads the table
    /// (<paramref name="withElements"/>).
    /// </summary>
    private static object OperationsTable(WsdlDispatchIr dispatch, string proxy, NameMap names, bool withElements) => new
    {
        Name = names[dispatch.Table!],
        Proxy = BallerinaSyntax.CommentText(proxy),
        Actions = "{" + string.Join(", ", dispatch.Actions.Select(a => $"{BallerinaSyntax.StringLiteral(a.Action)}: {BallerinaSyntax.StringLiteral(a.Operation)}")) + "}",
        Operations = "[" + string.Join(", ", dispatch.Operations.Select(BallerinaSyntax.StringLiteral)) + "]",
        Elements = withElements ? "{" + string.Join(", ", dispatch.Elements.Select(a => $"{BallerinaSyntax.StringLiteral(a.Action)}: {BallerinaSyntax.StringLiteral(a.Operation)}")) + "}" : null,
    };

    // ---- tasks.bal ----

    /// <param name="scheduled">The jobs the file's <c>init</c> schedules (a module has one), when not the ones it declares.</param>
    private string Tasks(PackageIr package, NameMap names, IEnumerable<JobIr>? scheduled = null)
    {
        var modules = new ModuleUsage();
        var failed = new List<FailedDeclaration>();
        var jobs = GuardedDeclarations(package.Jobs, "task", j => j.TaskName, j => j.Origin.Location, j => Original(j.Origin), failed, job =>
        {
            // A target that cannot fail is only called: no result to test, no log, no fault handler. A fault handler
            // that cannot fail is only called: its answer is dropped (a task has no client) and nothing is logged.
            var infallible = job.Target is { } called && _infallible.Contains(called);
            var faultInfallible = job.Fault is { } handler && _infallible.Contains(handler);
            if (job.FailsEachRun is not null)
            {
                modules.Use("log");
            }

            if (job.Target is not null && !infallible)
            {
                if (!faultInfallible)
                {
                    modules.Use("log");
                }

                if (job.TargetCanAnswer)
                {
                    modules.Use("http");
                }
            }

            return new
            {
                Doc = BallerinaSyntax.DocLines(BallerinaSyntax.CommentLines(job.Summary, prefix: string.Empty))
                    .Concat(BallerinaSyntax.DocItems([$"From {Relative(job.Origin.Location.Path)}, line {Line(job.Origin.Location.Line)}."])).ToList(),
                Todo = job.NotTranslated is { } reason ? Todo(reason, Original(job.Origin)) : null,
                Name = names[job.Name],
                TaskName = BallerinaSyntax.StringLiteral($"Task '{job.TaskName}' failed"),
                FailsEachRun = job.FailsEachRun is { } failure ? BallerinaSyntax.StringLiteral(failure) : null,
                Message = job.Message is { } message ? $"xml `{BallerinaSyntax.XmlTemplateText(message)}`" : "()",
                ContentType = BallerinaSyntax.StringLiteral(job.ContentType),
                SoapAction = job.SoapAction is { } action ? BallerinaSyntax.StringLiteral(action) : null,
                To = job.To is { } to ? BallerinaSyntax.StringLiteral(to) : null,
                Fault = job.Fault is { } fault ? names[fault] : null,
                OutFlow = job.OutFlow is { } outFlow ? names[outFlow] : null,
                Target = job.Target is { } target ? names[target] : null,
                ResultType = job.TargetCanAnswer ? "http:Response|error?" : "error?",
                Infallible = infallible,
                Discard = infallible && job.TargetCanAnswer,
                FaultInfallible = faultInfallible,
                FaultCall = job.Fault is { } faultCalled && !faultInfallible ? CheckedCall(faultCalled) : null,
            };
        }, modules);
        var schedules = (scheduled ?? package.Jobs).Where(j => j.Schedule is not null || j.Cron is not null).Select(j => new
        {
            Job = names[j.Name],
            Interval = j.Schedule?.IntervalSeconds.ToString(CultureInfo.InvariantCulture),
            Count = j.Schedule?.Count?.ToString(CultureInfo.InvariantCulture),
            Cron = j.Cron is { } cron ? CronLiteral(cron) : null,
        }).ToList();

        // task:Job names the module in every job class; an init() that only schedules cron jobs calls the runtime's
        // scheduleCronJob and names no task: symbol.
        if (package.Jobs.Length > 0 || schedules.Any(s => s.Cron is null))
        {
            modules.Use("task");
        }

        return _renderer.Render("tasks.bal.sbn", new
        {
            Header = SourcesHeader("jobs for the Synapse scheduled tasks", package.Jobs.Concat(scheduled ?? []).Select(j => j.Origin.Location.Path)),
            Imports = modules.Imports(),
            Jobs = jobs,
            Schedules = schedules,
            Failed = failed,
        });
    }

    /// <summary>
    /// The runtime's <c>CronSchedule</c> record for a Quartz cron schedule: the expression and each field's values
    /// (a field that allows every value, and a day rule that does not apply, keep the record's defaults).
    /// </summary>
    private static string CronLiteral(CronIr cron)
    {
        static string Values(ImmutableArray<int> values) => "[" + string.Join(", ", values.Select(v => v.ToString(CultureInfo.InvariantCulture))) + "]";
        static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
        var fields = new List<string> { $"expression: {BallerinaSyntax.StringLiteral(cron.Expression)}" };
        foreach (var (name, values) in new[] { ("seconds", cron.Seconds), ("minutes", cron.Minutes), ("hours", cron.Hours), ("months", cron.Months), ("years", cron.Years), ("days", cron.Days) })
        {
            if (!values.IsEmpty)
            {
                fields.Add($"{name}: {Values(values)}");
            }
        }

        if (cron.ByWeekday)
        {
            fields.Add("byWeekday: true");
        }

        if (cron.LastDayOffset is { } offset)
        {
            fields.Add($"lastDayOffset: {Int(offset)}");
        }

        if (cron.NearestWeekday)
        {
            fields.Add("nearestWeekday: true");
        }

        if (cron.LastWeekday is { } last)
        {
            fields.Add($"lastWeekday: {Int(last)}");
        }

        if (cron.NthWeekday is { } weekday)
        {
            fields.Add($"nthWeekday: {Int(weekday)}, nth: {Int(cron.Nth)}");
        }

        return "{" + string.Join(", ", fields) + "}";
    }

    // ---- entries.bal ----

    private string Entries(PackageIr package, NameMap names)
    {
        var failed = new List<FailedDeclaration>();
        var externalStylesheets = GuardedDeclarations(package.ExternalStylesheets, "stylesheet", s => s.Key, _ => null, _ => [], failed, s => new
        {
            Key = BallerinaSyntax.CommentText(s.Key),
            Name = names[s.Name],
            Path = names[s.Path],
        });
        var stylesheets = GuardedDeclarations(package.Stylesheets, "stylesheet", s => s.Key, _ => null, _ => [], failed, s => new
        {
            Key = BallerinaSyntax.CommentText(s.Key),
            Name = names[s.Name],
            Value = BallerinaSyntax.XmlTemplateText(s.Xml),
        });
        var entries = GuardedDeclarations(package.LocalEntries, "local entry", e => e.Origin.Name, e => e.Origin.Location, e => Original(e.Origin), failed, e => new
        {
            Doc = $"Local entry '{BallerinaSyntax.CommentText(e.Origin.Name)}' ({Relative(e.Origin.Location.Path)}, line {Line(e.Origin.Location.Line)})"
                + (e.Origin is { SrcFile: { } file, Src: { } src } ? $": the content of `{BallerinaSyntax.CommentText(src)}`, the input's {BallerinaSyntax.CommentText(file)}." : "."),
            Name = names[e.Name],
            IsXml = e.Kind is EntryKind.Xml or EntryKind.XmlFile,
            Source = e.SourcePath is { } path ? new { Url = BallerinaSyntax.CommentText(e.Value), Path = names[path] } : null,

            // A src file the input does not hold that nothing reads as a value: a comment with the URL, no value.
            Unread = e.Kind is EntryKind.XmlFile or EntryKind.TextFile && e.SourcePath is null ? BallerinaSyntax.CommentText(e.Value) : null,
            Value = e.SourcePath is null && e.Kind is not (EntryKind.XmlFile or EntryKind.TextFile) ? EntryValue(e, names) : string.Empty,
        });
        return _renderer.Render("entries.bal.sbn", new
        {
            Header = SourcesHeader("values for the Synapse local entries and registry stylesheets", package.LocalEntries.Select(e => e.Origin.Location.Path)),

            // The io module reads the files of the declarations that were made (an unused import is an error).
            Imports = externalStylesheets.Count > 0 || entries.Any(e => e.Source is not null) ? new List<string> { "ballerina/io" } : new List<string>(),
            ExternalStylesheets = externalStylesheets,
            Stylesheets = stylesheets,
            Entries = entries,
            Failed = failed,
        });
    }

    /// <summary>
    /// The value of an entry: XML template text, or a string literal. Credentials are never literals: each is an
    /// interpolated read of its required configurable (a text entry that is a credential is the configurable itself).
    /// </summary>
    private static string EntryValue(LocalEntryIr entry, NameMap names)
    {
        string Read(TemplatePart.Argument argument) => argument.Value is ConfigurableReadIr read
            ? names[read.Configurable]
            : throw new InvalidOperationException("an entry part is a configurable read");

        if (entry.Kind != EntryKind.Xml)
        {
            return entry.Parts is [TemplatePart.Argument only] ? Read(only) : BallerinaSyntax.StringLiteral(entry.Value);
        }

        if (entry.Parts.IsEmpty)
        {
            return BallerinaSyntax.XmlTemplateText(entry.Value);
        }

        // The literal pieces between the configurables are escaped together: a value's leading space after a hole
        // is only recognised as such with the start tag before the hole in view.
        var pieces = new List<string> { string.Empty };
        var holes = new List<string>();
        foreach (var part in entry.Parts)
        {
            switch (part)
            {
                case TemplatePart.Text text:
                    pieces[^1] += text.Content;
                    break;
                case TemplatePart.Argument argument:
                    holes.Add("${" + Read(argument) + "}");
                    pieces.Add(string.Empty);
                    break;
                default:
                    throw new InvalidOperationException();
            }
        }

        var escaped = BallerinaSyntax.XmlTemplateTexts(pieces);
        return string.Concat(escaped.Select((piece, i) => i < holes.Count ? piece + holes[i] : piece));
    }

    // ---- connections.bal, configs.bal, Config.toml ----

    private string Connections(PackageIr package, NameMap names)
    {
        // Each tracked suspension state once, after the first client of its endpoint (a transport-switch copy shares it).
        var suspensions = new HashSet<Symbol>(_trackedSuspensions);
        var failed = new List<FailedDeclaration>();
        var clients = GuardedDeclarations(package.Clients, "endpoint", c => c.SynapseName, c => c.Origin, _ => [], failed, c =>
        {
            var view = new
            {
                GroupState = c.Group is { State: { } groupState } group && GroupArguments(group, names, _sharedStateOwners, _clientStates, c.Name) is var (head, members, tail, shared)
                    ? new
                    {
                        Shared = shared.Select(s => new
                        {
                            Doc = BallerinaSyntax.DocItems(["Suspension state of an endpoint the groups below refer to by key, shared as Synapse's IndirectEndpoint shares the one endpoint registered under the key: a failure through any of them suspends it for all."]),
                            s.Name,
                            s.Arguments,
                        }).ToArray(),
                        Doc = BallerinaSyntax.DocLines(
                        [
                            $"The members of endpoint '{BallerinaSyntax.CommentText(c.SynapseName)}' with the state Synapse keeps for each (EndpointContext), as its {(group.Kind == ClientGroupKind.Failover ? "FailoverEndpoint" : "LoadbalanceEndpoint")} uses them:",
                            "the calls and sends through it (blocking calls, callouts and forwarding processors too) go through this group (callGroup), which skips a member that is not ready and suspends one that fails.",
                        ]),
                        Name = names[groupState],
                        Head = head,
                        Members = members,
                        Tail = tail,
                    }
                    : null,
                State = c.Suspension is { } suspension && suspensions.Contains(suspension.Name)
                    ? new
                    {
                        Doc = BallerinaSyntax.DocItems([$"Suspension state of endpoint '{BallerinaSyntax.CommentText(c.SynapseName)}', as Synapse's EndpointContext keeps it: the non-blocking calls through it check it first (endpointReady) and record their result in it (endpointCalled)."]),
                        Name = names[suspension.Name],
                        Arguments = SuspensionArguments(suspension),
                    }
                    : null,
                Doc = BallerinaSyntax.DocItems([$"Endpoint '{BallerinaSyntax.CommentText(c.SynapseName)}' ({Relative(c.Origin.Path)}, line {Line(c.Origin.Line)})."]),
                Notes = BallerinaSyntax.DocItems(c.Notes.Select(BallerinaSyntax.CommentText)),
                Name = names[c.Name],
                UrlConfigurable = names[c.UrlConfigurable],
                Timeout = c.TimeoutSeconds.ToString(CultureInfo.InvariantCulture),
                Kind = c.Group is not null ? "group"
                    : c.UrlTemplate is not null ? "per-call"
                    : "single",
                // Synapse's senders speak HTTP/1.1 (or 1.0 when asked); an http:Client defaults to HTTP/2 (h2c upgrade
                // headers on http://, ALPN on https://), so every client names its version.
                HttpVersion = c.Transport == HttpTransport.Http10 ? "http:HTTP_1_0" : "http:HTTP_1_1",
                NoChunking = c.Transport is HttpTransport.Http10 or HttpTransport.Http11NoChunking,
            };

            // Declared once, with the first client whose declaration was made (a client that failed declares nothing).
            if (c.Suspension is { } declared)
            {
                suspensions.Remove(declared.Name);
            }

            return view;
        });
        var databases = GuardedDeclarations(package.DatabaseClients, "database connection", d => d.Description, d => d.Origin, _ => [], failed, d => new
        {
            Doc = BallerinaSyntax.DocItems([$"{BallerinaSyntax.CommentText(d.Purpose ?? "Database connection of the dblookup/dbreport mediators")}: {BallerinaSyntax.CommentText(d.Description)} (first used in {Relative(d.Origin.Path)}, line {Line(d.Origin.Line)})."]),
            Notes = BallerinaSyntax.DocItems(d.Notes.Select(BallerinaSyntax.CommentText)),
            Name = names[d.Name],
            Arguments = string.Join(", ", new[] { names[d.Url], d.User is { } user ? names[user] : "()", d.Password is { } password ? names[password] : "()" }),
        });
        var httpConnections = GuardedDeclarations(package.HttpConnections, "HTTP connection", h => h.ConnectionName, h => h.Origin, _ => [], failed, h =>
        {
            var settings = HttpConnectionSettings(h, names);
            return new
            {
                Doc = BallerinaSyntax.DocItems([$"HTTP connection '{BallerinaSyntax.CommentText(h.ConnectionName)}' of the HTTP connector operations ({Relative(h.Origin.Path)}, line {Line(h.Origin.Line)})."]),
                Notes = BallerinaSyntax.DocItems(h.Notes.Select(BallerinaSyntax.CommentText)),
                Name = names[h.Name],
                BaseUrl = names[h.BaseUrl],
                // Only the timeout and the HTTP version: the record fits on the declaration's line.
                Inline = settings.Length == 2 ? string.Join(" ", settings) : string.Empty,
                Settings = settings,
                // A second client of a connection shares the connection's suspension state, declared with the connection.
                State = h.VariantOf is null && h.Suspension is { } suspension
                    ? new
                    {
                        Doc = BallerinaSyntax.DocItems([$"Suspension state of the endpoint the Micro Integrator makes from HTTP connection '{BallerinaSyntax.CommentText(h.ConnectionName)}' ({BallerinaSyntax.CommentText(suspension.EndpointName)}), as Synapse's EndpointContext keeps it: the connector operations on the connection check it first (endpointReady) and record their result in it (endpointCalled)."]),
                        Name = names[suspension.Name],
                        Arguments = SuspensionArguments(suspension),
                    }
                    : null,
            };
        });
        var emailConnections = GuardedDeclarations(package.EmailConnections, "email connection", e => e.ConnectionName, e => e.Origin, _ => [], failed, e => new
        {
            Doc = BallerinaSyntax.DocItems([$"SMTP connection '{BallerinaSyntax.CommentText(e.ConnectionName)}' of the email connector's send operations ({Relative(e.Origin.Path)}, line {Line(e.Origin.Line)})."]),
            Notes = BallerinaSyntax.DocItems(e.Notes.Select(BallerinaSyntax.CommentText)),
            Name = names[e.Name],
            Host = names[e.Host],
            Port = names[e.Port],
            Username = names[e.Username],
            Password = names[e.Password],
            Security = e.Security switch
            {
                SmtpSecurity.StartTlsNever => "email:START_TLS_NEVER",
                SmtpSecurity.StartTlsAuto => "email:START_TLS_AUTO",
                SmtpSecurity.Ssl => "email:SSL",
                _ => throw new InvalidOperationException($"Unhandled security {e.Security}"),
            },
        });
        var kafkaConnections = GuardedDeclarations(package.KafkaConnections, "Kafka connection", k => k.ConnectionName, k => k.Origin, _ => [], failed, k => new
        {
            Doc = BallerinaSyntax.DocItems([$"Kafka connection '{BallerinaSyntax.CommentText(k.ConnectionName)}' of the Kafka connector's publishMessages operations ({Relative(k.Origin.Path)}, line {Line(k.Origin.Line)})."]),
            Notes = BallerinaSyntax.DocItems(k.Notes.Select(BallerinaSyntax.CommentText)),
            Name = names[k.Name],
            BootstrapServers = names[k.BootstrapServers],
            Fields = KafkaProducerFields(k, names),
        });
        var salesforceConnections = GuardedDeclarations(package.SalesforceConnections, "Salesforce connection", s => s.ConnectionName, s => s.Origin, _ => [], failed, s => new
        {
            Doc = BallerinaSyntax.DocItems([$"Salesforce connection '{BallerinaSyntax.CommentText(s.ConnectionName)}' of the Salesforce REST connector operations ({Relative(s.Origin.Path)}, line {Line(s.Origin.Line)})."]),
            Notes = BallerinaSyntax.DocItems(s.Notes.Select(BallerinaSyntax.CommentText)),
            Name = names[s.Name],
            Fields = SalesforceConnectionFields(s, names),
            Auth = SalesforceAuthFields(s.Auth, names),
        });
        var gmailConnections = GuardedDeclarations(package.GmailConnections, "Gmail connection", g => g.ConnectionName, g => g.Origin, _ => [], failed, g => new
        {
            Doc = BallerinaSyntax.DocItems([$"Gmail connection '{BallerinaSyntax.CommentText(g.ConnectionName)}' of the Gmail connector operations ({Relative(g.Origin.Path)}, line {Line(g.Origin.Line)})."]),
            Notes = BallerinaSyntax.DocItems(g.Notes.Select(BallerinaSyntax.CommentText)),
            Name = names[g.Name],
            ServiceUrl = names[g.ServiceUrl],
            Auth = GmailAuthFields(g.Auth, names),
        });
        var redisConnections = GuardedDeclarations(package.RedisConnections, "Redis connection", r => r.ConnectionName, r => r.Origin, _ => [], failed, r => new
        {
            Doc = BallerinaSyntax.DocItems([r.Inline
                ? $"Redis connection of the inline <redis.init> of '{BallerinaSyntax.CommentText(r.ConnectionName)}' ({Relative(r.Origin.Path)}, line {Line(r.Origin.Line)}): its redis:Client is made on first use."
                : $"Redis connection '{BallerinaSyntax.CommentText(r.ConnectionName)}' of the Redis connector operations ({Relative(r.Origin.Path)}, line {Line(r.Origin.Line)}): its redis:Client is made on first use."]),
            Notes = BallerinaSyntax.DocItems(r.Notes.Select(BallerinaSyntax.CommentText)),
            Name = names[r.Name],
            Arguments = RedisConnectionArguments(r, names),
        });
        return _renderer.Render("connections.bal.sbn", new
        {
            Header = SourcesHeader("clients for the Synapse endpoints and connections", package.Clients.Select(c => c.Origin.Path).Concat(package.PendingEndpoints.Select(p => p.Origin.Location.Path)).Concat(package.DatabaseClients.Select(d => d.Origin.Path)).Concat(package.HttpConnections.Select(h => h.Origin.Path)).Concat(package.EmailConnections.Select(e => e.Origin.Path)).Concat(package.KafkaConnections.Select(k => k.Origin.Path)).Concat(package.SalesforceConnections.Select(s => s.Origin.Path)).Concat(package.GmailConnections.Select(g => g.Origin.Path)).Concat(package.RedisConnections.Select(r => r.Origin.Path)).Concat(package.UnusedConnections.Select(u => u.Origin.Path))),
            Clients = clients,

            // A failover or loadbalance endpoint is only its EndpointGroup (runtime): it names no http type.
            UsesHttp = clients.Any(c => c.Kind != "group") || httpConnections.Count > 0,
            HttpConnections = httpConnections,
            EmailConnections = emailConnections,
            KafkaConnections = kafkaConnections,
            SalesforceConnections = salesforceConnections,
            GmailConnections = gmailConnections,
            RedisConnections = redisConnections,
            Databases = databases,
            Unused = package.UnusedConnections.Select(u => new
            {
                Lines = BallerinaSyntax.DocItems([
                    $"{BallerinaSyntax.CommentText(u.Description)} ({Relative(u.Origin.Path)}, line {Line(u.Origin.Line)}): no {u.Client} is declared, as no translated code uses it (an operation on it is a TODO, or none names it). A module-level client is made when the module starts, and one that fails there (a JDBC pool without its driver or database) stops every service, where the Micro Integrator makes a connection only when it is used.",
                    .. u.Settings.Length == 0 ? Array.Empty<string>() : [$"Its settings, as the configurables to declare with the client: {string.Join(", ", u.Settings.Select(c => UnusedSetting(c, names)))}."],
                    .. u.Notes.Select(BallerinaSyntax.CommentText),
                ]),
            }).ToList(),
            Pending = package.PendingEndpoints.Select(Pending).ToList(),
            Failed = failed,
        });
    }

    /// <summary>A setting of a connection not declared: its configurable's name and value (a secret's value is never written).</summary>
    private static string UnusedSetting(ConfigurableIr configurable, NameMap names) =>
        configurable.Secret ? $"{names[configurable.Name]} (a secret)"
        : configurable.DefaultValue is null ? $"{names[configurable.Name]} (no value given)"
        : $"{names[configurable.Name]} = {(configurable.Type == ConfigurableType.String ? BallerinaSyntax.StringLiteral(configurable.DefaultValue) : configurable.DefaultValue)}";

    /// <summary>The fields of a salesforce:ConnectionConfig before its <c>auth</c>: the base URL, the API version and the timeout when set.</summary>
    private static string[] SalesforceConnectionFields(SalesforceConnectionIr connection, NameMap names) =>
        connection.TimeoutSeconds is { } timeout
            ? [$"baseUrl: {names[connection.BaseUrl]}", $"apiVersion: {names[connection.ApiVersion]}", $"timeout: {timeout.ToString(CultureInfo.InvariantCulture)}"]
            : [$"baseUrl: {names[connection.BaseUrl]}", $"apiVersion: {names[connection.ApiVersion]}"];

    /// <summary>The fields of a Salesforce connection's <c>auth</c> record (http:BearerTokenConfig or an http:OAuth2...GrantConfig).</summary>
    private static string[] SalesforceAuthFields(SalesforceAuthIr auth, NameMap names) => auth switch
    {
        SalesforceAuthIr.Bearer bearer => [$"token: {names[bearer.Token]}"],
        SalesforceAuthIr.RefreshToken grant => [$"refreshUrl: {names[grant.RefreshUrl]}", $"refreshToken: {names[grant.Token]}", $"clientId: {names[grant.ClientId]}", $"clientSecret: {names[grant.ClientSecret]}"],
        SalesforceAuthIr.PasswordGrant grant => [$"tokenUrl: {names[grant.TokenUrl]}", $"username: {names[grant.Username]}", $"password: {names[grant.Password]}", $"clientId: {names[grant.ClientId]}", $"clientSecret: {names[grant.ClientSecret]}"],
        _ => throw new InvalidOperationException($"Unhandled authentication {auth.GetType().Name}"),
    };

    /// <summary>
    /// The arguments of a Redis connection's RedisConnection: the URI, or the host, port and password (nil when the
    /// connection has none of them), then the connection timeout in seconds and whether it uses TLS.
    /// </summary>
    private static string RedisConnectionArguments(RedisConnectionIr r, NameMap names)
    {
        string Of(Symbol? symbol) => symbol is { } s ? names[s] : "()";
        return string.Join(", ", $"uri = {Of(r.Uri)}", $"host = {Of(r.Host)}", $"port = {Of(r.Port)}", $"password = {Of(r.Password)}",
            $"connectionTimeout = {r.ConnectionTimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)}", $"ssl = {(r.Ssl ? "true" : "false")}");
    }

    /// <summary>The fields of a Gmail connection's <c>auth</c> record (http:BearerTokenConfig or gmail:OAuth2RefreshTokenGrantConfig).</summary>
    private static string[] GmailAuthFields(GmailAuthIr auth, NameMap names) => auth switch
    {
        GmailAuthIr.Bearer bearer => [$"token: {names[bearer.Token]}"],
        GmailAuthIr.RefreshToken grant => [$"refreshUrl: {names[grant.RefreshUrl]}", $"refreshToken: {names[grant.Token]}", $"clientId: {names[grant.ClientId]}", $"clientSecret: {names[grant.ClientSecret]}"],
        _ => throw new InvalidOperationException($"Unhandled authentication {auth.GetType().Name}"),
    };

    /// <summary>
    /// The lines of an HTTP connection's http:ClientConfiguration, each with the comma that separates it from the next:
    /// the timeout and HTTP version always, then the http1Settings, the auth record (one line per field) and the
    /// secureSocket a connection needs. The template writes them one per line inside the braces, or, with only the
    /// first two, on the declaration's line.
    /// </summary>
    private static string[] HttpConnectionSettings(HttpConnectionIr connection, NameMap names)
    {
        var settings = new List<string>
        {
            $"timeout: {connection.TimeoutSeconds.ToString(CultureInfo.InvariantCulture)}",
            "httpVersion: " + (connection.Transport == HttpTransport.Http10 ? "http:HTTP_1_0" : "http:HTTP_1_1"),
        };
        if (HttpConnectionHttp1Settings(connection) is { Length: > 0 } http1)
        {
            settings.Add(http1);
        }

        if (HttpAuthFields(connection.Auth, names) is { Length: > 0 } auth)
        {
            settings.Add("auth: {\n" + string.Join(",\n", auth.Select(field => "    " + field)) + "\n}");
        }

        if (connection.Certificate is { } certificate)
        {
            settings.Add($"secureSocket: {{cert: {names[certificate]}}}");
        }

        // One line per entry of the list the template writes: a multi-line setting is split, commas between settings.
        return [.. settings.Select((setting, index) => index < settings.Count - 1 ? setting + "," : setting).SelectMany(setting => setting.Split('\n'))];
    }

    /// <summary>
    /// The <c>http1Settings</c> field of a second client of an HTTP connection (<see cref="HttpConnectionIr.VariantOf"/>):
    /// no chunks (for HTTP/1.0 too, which the pass-through sender sends with a Content-Length) and no kept connection
    /// (NO_KEEPALIVE: `Connection: close`); empty for a client that needs neither.
    /// </summary>
    private static string HttpConnectionHttp1Settings(HttpConnectionIr connection)
    {
        var settings = new List<string>();
        if (connection.Transport is not null)
        {
            settings.Add("chunking: http:CHUNKING_NEVER");
        }

        if (connection.NoKeepAlive)
        {
            settings.Add("keepAlive: http:KEEPALIVE_NEVER");
        }

        return settings.Count == 0 ? string.Empty : "http1Settings: {" + string.Join(", ", settings) + "}";
    }

    /// <summary>The fields of an HTTP connection's <c>auth</c> record (http:CredentialsConfig or an http:OAuth2...GrantConfig), empty for none.</summary>
    private static string[] HttpAuthFields(HttpAuthIr? auth, NameMap names)
    {
        static string Bearer(bool inBody) => inBody ? ", credentialBearer: \"POST_BODY_BEARER\"" : string.Empty;
        string[] fields = auth switch
        {
            null => [],
            HttpAuthIr.Basic basic => [$"username: {names[basic.Username]}", $"password: {names[basic.Password]}"],
            HttpAuthIr.ClientCredentials grant => [$"tokenUrl: {names[grant.TokenUrl]}", $"clientId: {names[grant.ClientId]}", $"clientSecret: {names[grant.ClientSecret]}" + Bearer(grant.CredentialsInBody)],
            HttpAuthIr.PasswordGrant grant => [$"tokenUrl: {names[grant.TokenUrl]}", $"username: {names[grant.Username]}", $"password: {names[grant.Password]}", $"clientId: {names[grant.ClientId]}", $"clientSecret: {names[grant.ClientSecret]}" + Bearer(grant.CredentialsInBody)],
            HttpAuthIr.RefreshToken grant => [$"refreshUrl: {names[grant.TokenUrl]}", $"refreshToken: {names[grant.Token]}", $"clientId: {names[grant.ClientId]}", $"clientSecret: {names[grant.ClientSecret]}" + Bearer(grant.CredentialsInBody)],
            _ => throw new InvalidOperationException($"Unhandled authentication {auth.GetType().Name}"),
        };
        return fields;
    }

    private static string TypeName(ConfigurableType type) => type switch
    {
        ConfigurableType.String => "string",
        ConfigurableType.Integer => "int",
        ConfigurableType.Boolean => "boolean",
        _ => throw new InvalidOperationException(),
    };

    private string Configs(PackageIr package, NameMap names)
    {
        var failed = new List<FailedDeclaration>();
        var configurables = GuardedDeclarations(package.Configurables, "configurable", c => c.Name.Hint, _ => null, _ => [], failed, c => new
        {
            Description = BallerinaSyntax.CommentText(c.Description),
            Doc = BallerinaSyntax.DocItems([BallerinaSyntax.CommentText(c.Description)]),
            Name = names[c.Name],
            Type = TypeName(c.Type),
            DefaultValue = c.FollowsListener is { } own ? OwnListenerUrl(own, names)
                : !c.BuiltFrom.IsEmpty ? BuiltValue(c.BuiltFrom, names)
                : c.Secret || c.DefaultValue is null ? "?" : c.Type == ConfigurableType.String ? BallerinaSyntax.StringLiteral(c.DefaultValue) : c.DefaultValue,
        });
        // The server's CORS configuration as one value (CorsConfig), which the APIs' resources and OPTIONS answers read.
        var cors = package.Services.Select(s => s.Unmatched?.Options?.Cors).Concat(package.Services.SelectMany(s => s.Resources.Select(r => r.Cors?.Settings))).FirstOrDefault(c => c is not null);
        return _renderer.Render("configs.bal.sbn", new
        {
            Header = Header("configurable values (set them in Config.toml)"),
            Configurables = configurables,
            Cors = cors is null ? null : new
            {
                Name = names[cors.Name],
                Value = $"{{enabled: {names[cors.Enabled]}, allowedOrigins: {names[cors.Origins]}, allowedHeaders: {names[cors.Headers]}}}",
            },
            Failed = failed,
        });
    }

    /// <summary>A URL on the package's own listener: <c>string `http://localhost:${httpPort}/services/P`</c>.</summary>
    private static string OwnListenerUrl(OwnListenerUrlIr own, NameMap names) =>
        $"string `{own.Scheme}://localhost:${{{names[own.Port]}}}{BallerinaSyntax.TemplateText(own.PathAndQuery)}`";

    /// <summary>
    /// A value built from text and configurables: <c>string `jdbc:mysql://${dbHost}:3306/${dbName}`</c>, the text escaped
    /// as template text (data, never an interpolation).
    /// </summary>
    private static string BuiltValue(ImmutableArray<ConfigurablePartIr> parts, NameMap names) =>
        "string `" + string.Concat(parts.Select(p => p.Configurable is { } configurable ? "${" + names[configurable] + "}" : BallerinaSyntax.TemplateText(p.Text))) + "`";

    /// <summary>Config.toml: a configurable whose entry could not be written is a TOML comment (<c>#</c>) saying so, as in configs.bal.</summary>
    private string ConfigToml(PackageIr package, NameMap names)
    {
        var failed = new List<FailedDeclaration>();
        var entries = GuardedDeclarations(package.Configurables, "configurable", c => c.Name.Hint, _ => null, _ => [], failed, c => new
        {
            Description = BallerinaSyntax.TomlComment(c.Description),
            Name = names[c.Name],
            c.Secret,

            // A required value the input does not give is left commented out: an empty string would satisfy `= ?`
            // and fail later (an http:Client on "" stops the module at start), where a missing one is named by Ballerina.
            Required = !c.Secret && c.DefaultValue is null,
            // A URL following the package's own listener is left commented out, so that it keeps following the port.
            Follows = c.FollowsListener is { } own ? $"follows {names[own.Port]}: set it only to call another server"
                : !c.BuiltFrom.IsEmpty ? $"built from {string.Join(", ", c.BuiltFrom.Where(p => p.Configurable is not null).Select(p => names[p.Configurable!]).Distinct())}: set it only to replace the whole value"
                : null,
            // The value, or for one left commented out a placeholder of the configurable's type (a port is `0`, not `""`).
            // A secret's value is never written, not even in a comment.
            Value = c.Secret || c.DefaultValue is null ? (c.Type switch { ConfigurableType.Integer => "0", ConfigurableType.Boolean => "false", _ => "\"\"" }) : c.Type == ConfigurableType.String ? BallerinaSyntax.TomlString(c.DefaultValue) : c.DefaultValue,
        }, comment: "# ");

        // The TODO lines of a failed entry quote names and XML from the input: no control character TOML forbids.
        return _renderer.Render("Config.toml.sbn", new { Entries = entries, Failed = failed.Select(f => new FailedDeclaration([.. f.Lines.Select(BallerinaSyntax.TomlCommentCharacters)])).ToList() });
    }
}

/// <summary>The Ballerina modules a generated file refers to; unused imports are errors in Ballerina.</summary>
internal sealed class ModuleUsage
{
    private static readonly Dictionary<string, string> Modules = new(StringComparer.Ordinal)
    {
        ["http"] = "ballerina/http",
        ["log"] = "ballerina/log",
        ["value"] = "ballerina/lang.value",
        ["time"] = "ballerina/time",
        ["task"] = "ballerina/task",
        ["runtime"] = "ballerina/lang.runtime",
        ["xslt"] = "ballerina/xslt",
        ["xmldata"] = "ballerina/data.xmldata",
        ["jms"] = "ballerinax/java.jms",
        ["sql"] = "ballerina/sql",
        ["jdbc"] = "ballerinax/java.jdbc",
        ["kafka"] = "ballerinax/kafka",
        ["rabbitmq"] = "ballerinax/rabbitmq",
        ["mqtt"] = "ballerina/mqtt",
        ["email"] = "ballerina/email",
        ["uuid"] = "ballerina/uuid",
        ["file"] = "ballerina/file",
        ["ftp"] = "ballerina/ftp",
        ["io"] = "ballerina/io",
        ["os"] = "ballerina/os",
    };

    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    public void Use(string prefix) => _used.Add(prefix);

    public IReadOnlyList<string> Imports() => _used.Select(p => Modules[p]).Order(StringComparer.Ordinal).ToList();

    /// <summary>The module prefixes used, in ordinal order.</summary>
    public IReadOnlyList<string> Used => _used.Order(StringComparer.Ordinal).ToList();

    /// <summary>Makes the prefixes used exactly <paramref name="used"/> (what <see cref="Used"/> gave before a declaration that failed).</summary>
    public void Reset(IReadOnlyList<string> used)
    {
        _used.Clear();
        _used.UnionWith(used);
    }
}
