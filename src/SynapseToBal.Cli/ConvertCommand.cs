using System.Globalization;
using System.Text;
using Humanizer;
using Microsoft.CodeAnalysis;
using Spectre.Console;
using SynapseToBal.Diagnostics;
using SynapseToBal.Driver;
using SynapseToBal.Output;
using SynapseToBal.Emit;
using SynapseToBal.Report;

namespace SynapseToBal.Cli;

/// <summary>The report formats <c>--report</c> selects.</summary>
[Flags]
public enum ReportFormats
{
    None = 0,
    Html = 1,
    Json = 2,
    Markdown = 4,
    All = Html | Json | Markdown,
}

/// <summary>
/// The <c>convert</c> verb (and the report half of <c>analyze</c>): one project or, with <c>--multi-root</c>, each
/// child folder; the package, the report files, SARIF; diagnostics, progress and a summary on the console.
/// </summary>
public static class ConvertCommand
{
    /// <summary>Parses <c>--report</c>: a comma-separated list of html, json, md, or none; null when a name is unknown.</summary>
    public static ReportFormats? ParseReport(string value)
    {
        var formats = ReportFormats.None;
        foreach (var part in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            switch (part.ToLowerInvariant())
            {
                case "html":
                    formats |= ReportFormats.Html;
                    break;
                case "json":
                    formats |= ReportFormats.Json;
                    break;
                case "md" or "markdown":
                    formats |= ReportFormats.Markdown;
                    break;
                case "none":
                    break;
                default:
                    return null;
            }
        }

        return formats;
    }

    public static int Run(ConvertOptions options, TextWriter stdout, TextWriter stderr, IAnsiConsole? terminal = null)
    {
        if (options.Templates is not null && !Directory.Exists(options.Templates))
        {
            stderr.WriteLine($"error: the templates folder '{options.Templates}' does not exist");
            return Program.BadUsage;
        }

        if (ParseReport(options.Report) is not { } formats)
        {
            stderr.WriteLine($"error: unknown report format in '{options.Report}'; use html, json, md (comma-separated) or none");
            return Program.BadUsage;
        }

        if (options.Quiet && options.Verbose)
        {
            stderr.WriteLine("error: --quiet and --verbose cannot be used together");
            return Program.BadUsage;
        }

        if (!Program.InputExists(options.Input, stderr))
        {
            return Program.BadUsage;
        }

        if (options.MultiRoot && !Directory.Exists(options.Input))
        {
            stderr.WriteLine($"error: --multi-root needs a folder, and '{options.Input}' is a file");
            return Program.BadUsage;
        }

        if (options.MultiRoot && options.ProjectName is not null)
        {
            stderr.WriteLine("error: --project-name cannot be used with --multi-root (each child folder names its own package)");
            return Program.BadUsage;
        }

        var output = options.Out ?? Converter.DefaultOutput(options.Input);
        var console = new ConsoleOutput(stdout, stderr, options.Quiet, options.Verbose, terminal);
        try
        {
            return options.MultiRoot ? MultiRoot(options, formats, output, console) : Single(options, formats, output, console);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"error: could not write the output: {ex.Message}");
            return Program.OutputFailed;
        }
    }

    private static int Single(ConvertOptions options, ReportFormats formats, string output, ConsoleOutput console)
    {
        // What the reports, SARIF and the console are written from: a whole conversion's result or, when the change was
        // confined to one API and spliced (Output/ArtifactSplice.cs), what the record and the slice rebuilt of it. Taken
        // in a method of its own so that the conversion (syntax trees, IR, generated text) is no longer reachable while
        // the reports are written (docs/performance.md, "Memory at 10,000 artifacts").
        if (RunConversion(options, output, console) is not { } converted)
        {
            console.Final($"Up to date: nothing changed since the last conversion into {Display(output)}; no file written.");
            return Program.Converted;
        }

        var (report, renderer, diagnostics, sourceRoot, artifactCount, documentCount, outcome) = converted;
        var writeReports = (!options.DryRun || options.Out is not null) && !options.Check;
        var reportFailures = new DiagnosticBag();
        if (writeReports && report is not null && renderer is not null)
        {
            WriteReports(renderer, report, formats, output, reportFailures);
            diagnostics = [.. diagnostics, .. Unreported(reportFailures, diagnostics)];
        }

        if (options.Sarif is not null)
        {
            diagnostics = [.. diagnostics, .. WriteSarif(options.Sarif, diagnostics, sourceRoot)];
        }

        console.Diagnostics([.. diagnostics, .. outcome?.Diagnostics ?? []]);
        var errors = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        if (outcome is not null && !options.Quiet)
        {
            // What converting did to the output folder (written, merged, kept as edited), before the final line.
            console.Final(OutputSummary.Describe(outcome, options.Check));
        }

        var verb = options.DryRun ? "Analysed" : "Converted";
        var where = options.DryRun ? (options.Out is null ? " (dry run: nothing written)" : $" (dry run: reports in {Display(output)})") : $" into {Display(output)}";
        console.Final($"{verb} {"artifact".ToQuantity(artifactCount)} from {"file".ToQuantity(documentCount)}{where}: {console.Counts([.. diagnostics])}.");
        if (report is { } summary)
        {
            console.Summary([(InputName(options.Input), summary)]);
        }

        if (outcome is not null && options.Check && outcome.Changed)
        {
            return Program.OutOfDate;
        }

        return errors > 0 ? Program.ConvertedWithErrors : Program.Converted;
    }

    /// <summary>What <see cref="Single"/> writes its reports and console lines from, without the conversion itself.</summary>
    private sealed record Converted(
        MigrationReportData? Report,
        TemplateRenderer? Renderer,
        IReadOnlyList<Diagnostic> Diagnostics,
        string SourceRoot,
        int ArtifactCount,
        int DocumentCount,
        OutputOutcome? Outcome);

    /// <summary>Converts (and, unless a dry run, writes the package); null when the output is up to date and nothing ran.</summary>
    private static Converted? RunConversion(ConvertOptions options, string output, ConsoleOutput console)
    {
        if (options.DryRun)
        {
            var result = console.WithProgress(InputName(options.Input), progress =>
                Converter.Convert(new ConversionOptions(options.Input, options.OrgName, options.ProjectName, options.Templates, options.SynapseLogLines) { TypedPayloads = options.TypedPayloads, Progress = progress, KeepStructure = options.KeepStructure, MaxDegreeOfParallelism = options.Threads }));
            return new Converted(result.Report, result.Renderer, result.Diagnostics, result.SourceRoot, result.ArtifactCount, result.Documents.Length, null);
        }

        // Converting again into the same output writes only what changed and never overwrites an edit (Output/).
        var run = console.WithProgress(InputName(options.Input), progress =>
            IncrementalConversion.Run(
                new ConversionOptions(options.Input, options.OrgName, options.ProjectName, options.Templates, options.SynapseLogLines) { TypedPayloads = options.TypedPayloads, Progress = progress, KeepStructure = options.KeepStructure, MaxDegreeOfParallelism = options.Threads },
                output,
                new OutputOptions(options.Force, options.NoMerge, options.Check) { ReuseArtifacts = true, NoSplice = options.NoSplice },
                include: f => f.RelativePath != ReportWriter.MarkdownFileName));
        if (run.Conversion is { } conversion)
        {
            return new Converted(conversion.Report, conversion.Renderer, conversion.Diagnostics, conversion.SourceRoot, conversion.ArtifactCount, conversion.Documents.Length, run.Outcome);
        }

        if (run.SplicedReport is { } spliced)
        {
            return new Converted(spliced.Report, spliced.Renderer, spliced.Diagnostics, spliced.SourceRoot, spliced.ArtifactCount, spliced.DocumentCount, run.Outcome);
        }

        return null;
    }

    private static int MultiRoot(ConvertOptions options, ReportFormats formats, string output, ConsoleOutput console)
    {
        var outputFull = Path.GetFullPath(output);
        var children = Directory.EnumerateDirectories(options.Input)
            .Where(d => !Path.GetFileName(d).StartsWith('.') && Path.GetFullPath(d) != outputFull)
            .Where(d => !File.Exists(Path.Combine(d, Manifest.Folder, Manifest.FileName))) // a package converted earlier is no project
            .Order(StringComparer.Ordinal)
            .ToList();
        var outputOptions = new OutputOptions(options.Force, options.NoMerge, options.Check);
        ConversionOptions ChildOptions(string child, Action<string, int, int> progress) =>
            new(child, options.OrgName, null, options.Templates, options.SynapseLogLines) { TypedPayloads = options.TypedPayloads, Progress = progress, KeepStructure = options.KeepStructure, MaxDegreeOfParallelism = options.Threads };

        // Each child package goes through the incremental writer, as a single project does: its own manifest in
        // <out>/<child>/.synapse2bal, nothing written when it is unchanged, edits merged, --force, --no-merge, --check.
        // Its MIGRATION.md is a report (written below, not tracked), like the report files of a single project.
        var results = new ConversionResult?[children.Count];
        var outcomes = new List<OutputOutcome>();
        for (var i = 0; i < children.Count; i++)
        {
            var child = children[i];
            var name = Path.GetFileName(child);
            console.Step(i + 1, children.Count, name);
            if (options.DryRun)
            {
                results[i] = console.WithProgress(name, progress => Converter.Convert(ChildOptions(child, progress)));
                continue;
            }

            var run = console.WithProgress(name, progress =>
                IncrementalConversion.Run(ChildOptions(child, progress), Path.Combine(output, name), outputOptions, MultiRootOutput.ManifestOptions, include: f => f.RelativePath != ReportWriter.MarkdownFileName));
            results[i] = run.Conversion;
            if (run.Outcome is { } outcome)
            {
                outcomes.Add(outcome with { Files = [.. outcome.Files.Select(f => f with { Path = name + "/" + f.Path })] });
            }
        }

        // A child folder gone from the input: its package is removed as the files of a removed artifact are.
        if (!options.DryRun)
        {
            foreach (var (name, removed) in MultiRootOutput.RemoveProjects(options.Input, output, outputOptions, [ReportWriter.MarkdownFileName]))
            {
                outcomes.Add(removed with { Files = [.. removed.Files.Select(f => f with { Path = name + "/" + f.Path })] });
            }
        }

        var changed = outcomes.Any(o => o.Changed);
        if (!options.DryRun && !changed && results.All(r => r is null))
        {
            console.Diagnostics(outcomes.SelectMany(o => o.Diagnostics));
            console.Final($"Up to date: nothing changed since the last conversion into {Display(output)}; no file written.");
            return Program.Converted;
        }

        // The aggregate report covers every project: one that is up to date is converted again in memory (nothing written).
        for (var i = 0; i < children.Count; i++)
        {
            if (results[i] is null)
            {
                var child = children[i];
                results[i] = console.WithProgress(Path.GetFileName(child), progress => Converter.Convert(ChildOptions(child, progress)));
            }
        }

        var projects = new List<(string Name, string Output, MigrationReportData Report)>();
        var diagnostics = new List<Diagnostic>();
        var artifacts = 0;
        var documents = 0;
        TemplateRenderer? renderer = null;
        var writeReports = (!options.DryRun || options.Out is not null) && !options.Check;
        for (var i = 0; i < children.Count; i++)
        {
            var name = Path.GetFileName(children[i]);
            var result = results[i]!;
            if (writeReports && !options.DryRun && formats.HasFlag(ReportFormats.Markdown) && result.Files.FirstOrDefault(f => f.RelativePath == ReportWriter.MarkdownFileName) is { } markdown)
            {
                WriteText(Path.Combine(output, name, markdown.RelativePath), markdown.Content);
            }

            if (result.Report is { } report)
            {
                projects.Add((name, name, report));
                renderer ??= result.Renderer;
            }

            diagnostics.AddRange(result.Diagnostics);
            artifacts += result.ArtifactCount;
            documents += result.Documents.Length;
        }

        var aggregate = MigrationReportBuilder.Aggregate(InputName(options.Input), projects);
        if (writeReports && renderer is not null)
        {
            var reportFailures = new DiagnosticBag();
            WriteReports(renderer, aggregate, formats, output, reportFailures);
            diagnostics.AddRange(Unreported(reportFailures, diagnostics));
        }

        if (options.Sarif is not null)
        {
            diagnostics.AddRange(WriteSarif(options.Sarif, diagnostics, Path.GetFullPath(options.Input)));
        }

        console.Diagnostics([.. diagnostics, .. outcomes.SelectMany(o => o.Diagnostics)]);
        if (!options.DryRun && !options.Quiet)
        {
            // What converting did to the child packages (written, merged, kept as edited), before the final line.
            console.Final(OutputSummary.Describe(new OutputOutcome([.. outcomes.SelectMany(o => o.Files)], []), options.Check));
        }

        var verb = options.DryRun ? "Analysed" : "Converted";
        console.Final($"{verb} {"project".ToQuantity(projects.Count)} ({"artifact".ToQuantity(artifacts)} from {"file".ToQuantity(documents)}){(options.DryRun ? " (dry run)" : $" into {Display(output)}")}: {console.Counts(diagnostics)}.");
        console.Summary([.. projects.Select(p => (p.Name, p.Report)), ("all", aggregate)]);
        if (options.Check && changed)
        {
            return Program.OutOfDate;
        }

        return diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error) ? Program.ConvertedWithErrors : Program.Converted;
    }

    /// <summary>
    /// Writes the report files <paramref name="formats"/> selects into <paramref name="output"/>. Each is made under its
    /// own guard (<see cref="ReportFiles.Guarded"/>): one that fails (SB0907, into <paramref name="failures"/>) is not
    /// written and the others are. A failure to write a file (I/O) is not caught.
    /// </summary>
    public static void WriteReports(TemplateRenderer renderer, MigrationReportData report, ReportFormats formats, string output, DiagnosticBag failures)
    {
        if (formats == ReportFormats.None)
        {
            return;
        }

        Directory.CreateDirectory(output);
        if (formats.HasFlag(ReportFormats.Json) && ReportFiles.Guarded(ReportWriter.JsonFileName, () => ReportWriter.Json(report), failures) is { } json)
        {
            WriteText(Path.Combine(output, json.RelativePath), json.Content);
        }

        if (formats.HasFlag(ReportFormats.Html) && ReportFiles.Guarded(ReportWriter.HtmlFileName, () => ReportWriter.Html(renderer, report), failures) is { } html)
        {
            WriteText(Path.Combine(output, html.RelativePath), html.Content);
        }

        if (formats.HasFlag(ReportFormats.Markdown) && ReportFiles.Guarded(ReportWriter.MarkdownFileName, () => ReportWriter.Markdown(renderer, report), failures) is { } markdown)
        {
            WriteText(Path.Combine(output, markdown.RelativePath), markdown.Content);
        }
    }

    /// <summary>
    /// Writes the SARIF log of <paramref name="diagnostics"/> to <paramref name="path"/>, under its own guard: returns
    /// the SB0907 of a log that could not be made (nothing is written then), else nothing.
    /// </summary>
    internal static IReadOnlyList<Diagnostic> WriteSarif(string path, IReadOnlyList<Diagnostic> diagnostics, string sourceRoot)
    {
        var failures = new DiagnosticBag();
        if (ReportFiles.Guarded("the SARIF log", () => Sarif.Write(diagnostics, sourceRoot, Program.Version), failures) is { } sarif)
        {
            WriteText(path, sarif);
        }

        return failures.Items;
    }

    /// <summary>The failures of <paramref name="failures"/> not already among <paramref name="known"/> (the conversion made MIGRATION.md too, and reported its failure).</summary>
    internal static IReadOnlyList<Diagnostic> Unreported(DiagnosticBag failures, IReadOnlyList<Diagnostic> known) =>
        [.. failures.Items.Where(f => !known.Any(k => k.Id == f.Id && k.GetMessage(CultureInfo.InvariantCulture) == f.GetMessage(CultureInfo.InvariantCulture)))];

    private static void WriteText(string path, string text)
    {
        // A report whose text is unchanged is not rewritten: converting again into the same output touches only what changed.
        if (File.Exists(path) && File.ReadAllText(path) == text)
        {
            return;
        }

        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } directory)
        {
            Directory.CreateDirectory(directory);
        }

        File.WriteAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }

    /// <summary>A path as printed: relative to the current folder.</summary>
    internal static string Display(string path) => Path.GetRelativePath(Directory.GetCurrentDirectory(), Path.GetFullPath(path));

    /// <summary>The name of an input (its file or folder name) in progress lines and summaries.</summary>
    internal static string InputName(string input) => Path.GetFileName(Path.GetFullPath(input).TrimEnd(Path.DirectorySeparatorChar));
}

/// <summary>
/// What the commands print: diagnostics (errors to stderr), progress and a summary table when stdout is a
/// terminal (Spectre.Console, <paramref name="terminal"/>), plain lines when it is redirected or captured.
/// </summary>
internal sealed class ConsoleOutput(TextWriter stdout, TextWriter stderr, bool quiet, bool verbose, IAnsiConsole? terminal)
{

    public T WithProgress<T>(string name, Func<Action<string, int, int>, T> work)
    {
        if (terminal is null || quiet)
        {
            return work((_, _, _) => { });
        }

        T result = default!;
        terminal.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new SpinnerColumn())
            .Start(context =>
            {
                var task = context.AddTask(Markup.Escape(name));
                result = work((stage, done, total) =>
                {
                    task.Description = Markup.Escape($"{name}: {stage.ToLowerInvariant()} {done}/{total}");
                    task.MaxValue = Math.Max(1, total);
                    task.Value = done;
                });
                task.Value = task.MaxValue;
            });
        return result;
    }

    /// <summary>A project of a multi-root run starts: a plain line, unless quiet.</summary>
    public void Step(int index, int count, string name)
    {
        if (!quiet)
        {
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{index}/{count}] {name}"));
        }
    }

    public void Diagnostics(IEnumerable<Diagnostic> diagnostics)
    {
        var baseDirectory = Directory.GetCurrentDirectory();
        foreach (var diagnostic in diagnostics)
        {
            var show = diagnostic.Severity switch
            {
                DiagnosticSeverity.Error => true,
                DiagnosticSeverity.Warning => !quiet,
                _ => verbose,
            };
            if (show)
            {
                (diagnostic.Severity == DiagnosticSeverity.Error ? stderr : stdout).WriteLine(DiagnosticBag.FormatLine(diagnostic, baseDirectory));
            }
        }
    }

    public string Counts(IReadOnlyCollection<Diagnostic> diagnostics)
    {
        var errors = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        var warnings = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning);
        var infos = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Info);
        var infoNote = infos > 0 && !verbose ? $" and {"info message".ToQuantity(infos)} (--verbose shows them)" : string.Empty;
        return $"{"error".ToQuantity(errors)}, {"warning".ToQuantity(warnings)}{infoNote}";
    }

    public void Final(string line) => stdout.WriteLine(line);

    /// <summary>The final summary: a table on a terminal, one plain line per project otherwise; nothing when quiet.</summary>
    public void Summary(IReadOnlyList<(string Name, MigrationReportData Report)> rows)
    {
        if (quiet)
        {
            return;
        }

        if (terminal is not null)
        {
            var table = new Table().Border(TableBorder.Rounded)
                .AddColumn("Project").AddColumn(new TableColumn("Artifacts").RightAligned()).AddColumn(new TableColumn("Coverage").RightAligned())
                .AddColumn(new TableColumn("TODOs").RightAligned()).AddColumn(new TableColumn("Not converted").RightAligned()).AddColumn(new TableColumn("Work (best/avg/worst)").RightAligned());
            foreach (var (name, report) in rows)
            {
                table.AddRow(Markup.Escape(name), N(report.Summary.Artifacts), ReportWriter.Percent(report.Summary.WeightedCoverage), N(report.Summary.Todos),
                    N(report.Artifacts.Count(a => a.Status == ArtifactStatus.NotConverted)), Markup.Escape(Hours(report.Estimate)));
            }

            terminal.Write(table);
            return;
        }

        foreach (var (name, report) in rows)
        {
            stdout.WriteLine($"{name}: coverage {ReportWriter.Percent(report.Summary.WeightedCoverage)} weighted ({report.Summary.MediatorsTranslated} of {report.Summary.Mediators} {ReportWriter.UnitsWord(report)}), {"TODO".ToQuantity(report.Summary.Todos)}, {"artifact".ToQuantity(report.Artifacts.Count(a => a.Status == ArtifactStatus.NotConverted))} not converted, manual work {Hours(report.Estimate)}.");
        }
    }

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Hours(WorkEstimate estimate) =>
        string.Create(CultureInfo.InvariantCulture, $"{estimate.BestHours:0.0}/{estimate.AverageHours:0.0}/{estimate.WorstHours:0.0} h");
}
