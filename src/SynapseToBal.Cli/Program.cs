using System.Diagnostics.CodeAnalysis;
using CommandLine;
using CommandLine.Text;
using Humanizer;
using Microsoft.CodeAnalysis;
using Spectre.Console;
using SynapseToBal.Diagnostics;
using SynapseToBal.Driver;
using SynapseToBal.Output;
using SynapseToBal.Project;
using SynapseToBal.Report;

namespace SynapseToBal.Cli;

[Verb("convert", isDefault: false, HelpText = "Convert Synapse artifacts into a Ballerina package.")]
public sealed class ConvertOptions
{
    [Value(0, MetaName = "input", Required = true, HelpText = "A Synapse XML file, a folder, a deployment folder, an Integration Studio or MI 4.x project, or a .car file.")]
    public string Input { get; set; } = string.Empty;

    [Option('o', "out", HelpText = "Output folder (default: <input>_converted).")]
    public string? Out { get; set; }

    [Option('g', "org-name", HelpText = "Ballerina organisation name (default: synapse2bal).")]
    public string? OrgName { get; set; }

    [Option('p', "project-name", HelpText = "Ballerina package name (default: derived from the input name).")]
    public string? ProjectName { get; set; }

    [Option("templates", HelpText = "A folder of Scriban templates that override the built-in ones by file name.")]
    public string? Templates { get; set; }

    [Option('v', "verbose", HelpText = "Also print info diagnostics (skipped files, notes on behaviour differences).")]
    public bool Verbose { get; set; }

    // ---- Layout, reports and output (issue 11) ----
    [Option('d', "dry-run", HelpText = "Convert in memory and write no package; the report files are written only when --out is given.")]
    public bool DryRun { get; set; }

    [Option('k', "keep-structure", HelpText = "One .bal file per source artifact (api_orders.bal, sequence_common.bal, ...) instead of one file per kind (main.bal, functions.bal, connections.bal, ...).")]
    public bool KeepStructure { get; set; }

    [Option('m', "multi-root", HelpText = "Each child folder of the input is its own project (written to <out>/<child>), plus an aggregate report in <out>.")]
    public bool MultiRoot { get; set; }

    [Option('q', "quiet", HelpText = "Print only errors and the final line.")]
    public bool Quiet { get; set; }

    [Option("report", Default = "html,json,md", HelpText = "Report files to write: any of html, json, md (comma-separated), or none.")]
    public string Report { get; set; } = "html,json,md";

    [Option("sarif", HelpText = "Also write the diagnostics as SARIF 2.1.0 to this file.")]
    public string? Sarif { get; set; }

    [Usage(ApplicationAlias = "synapse2bal")]
    public static IEnumerable<Example> Examples =>
    [
        new("Convert a project beside itself (<input>_converted)", Program.Unparse, new ConvertOptions { Input = "my-project" }),
        new("Convert a .car into a named package, with SARIF for code scanning", Program.Unparse, new ConvertOptions { Input = "App.car", Out = "out", ProjectName = "orders", OrgName = "acme", Sarif = "synapse2bal.sarif" }),
        new("See what would convert without writing a package, reports into a folder", Program.Unparse, new ConvertOptions { Input = "my-project", DryRun = true, Out = "report" }),
        new("Every child folder its own project, with an aggregate report", Program.Unparse, new ConvertOptions { Input = "projects", MultiRoot = true, Out = "converted" }),
        new("One .bal file per API, proxy, sequence, endpoint, ... instead of one per kind", Program.Unparse, new ConvertOptions { Input = "my-project", KeepStructure = true }),
    ];

    // Converting again into the same output (Output/): incremental writes, merges, check mode, one artifact to stdout.
    [Option("force", HelpText = "Regenerate every file, overwriting files edited since they were generated.")]
    public bool Force { get; set; }

    [Option("no-merge", HelpText = "Do not merge an edited file with its new generation: write the new generation to <file>.new.")]
    public bool NoMerge { get; set; }

    [Option("no-splice", HelpText = "Convert the whole project even when the only change since the last conversion is confined to one API (by default such a change is regenerated alone and spliced into the previous output, with the same result).")]
    public bool NoSplice { get; set; }

    [Option("check", HelpText = "Write nothing; exit 4 when converting again would change a file of the output.")]
    public bool Check { get; set; }

    [Option("stdout", HelpText = "Print the Ballerina for the artifacts of one XML file instead of writing a package.")]
    public bool Stdout { get; set; }

    [Option("project", HelpText = "With --stdout: the project the artifact belongs to, whose artifacts its references resolve to.")]
    public string? Project { get; set; }

    [Option("synapse-log-lines", HelpText = "Write each log as the line the Micro Integrator prints (name = value, ...) instead of a message with key-values.")]
    public bool SynapseLogLines { get; set; }

    [Option("typed-payloads", HelpText = "Give an API resource that only reads its body as JSON (or replaces it) a json payload parameter (the input record of a datamapper that reads it first): the listener then answers 400 for a body it cannot bind (malformed, or XML, text or form), where the Micro Integrator runs the flow (converting such a body for json-eval) or, for a malformed one, the fault flow.")]
    public bool TypedPayloads { get; set; }

    [Option("threads", HelpText = "How many threads the conversion may use (default: one per processor; 1: one thread). The output is the same whatever the number.")]
    public int? Threads { get; set; }
}

[Verb("analyze", HelpText = "List what an input holds (form, artifacts, mediators, unresolved keys, other files) and how much of it converts: a dry run of convert, with its migration report, that writes no package.")]
public sealed class AnalyzeOptions
{
    [Value(0, MetaName = "input", Required = true, HelpText = "A Synapse XML file, a folder, a project or a .car file.")]
    public string Input { get; set; } = string.Empty;

    [Option('f', "format", Default = "text", HelpText = "Output format of the inventory: text or json.")]
    public string Format { get; set; } = "text";

    [Option('o', "out", HelpText = "Write the migration report (see --report) to this folder; without it the report is only summarised.")]
    public string? Out { get; set; }

    [Option("report", Default = "html,json,md", HelpText = "Report files to write with --out: any of html, json, md (comma-separated), or none.")]
    public string Report { get; set; } = "html,json,md";

    [Option("sarif", HelpText = "Also write the diagnostics as SARIF 2.1.0 to this file.")]
    public string? Sarif { get; set; }

    [Usage(ApplicationAlias = "synapse2bal")]
    public static IEnumerable<Example> Examples =>
    [
        new("What a project holds and how much would convert", Program.Unparse, new AnalyzeOptions { Input = "my-project" }),
        new("The inventory as JSON, and the migration report in a folder", Program.Unparse, new AnalyzeOptions { Input = "App.car", Format = "json", Out = "report" }),
    ];
}

public static class Program
{
    /// <summary>How the help's examples spell their command lines: options at their default value left out.</summary>
    internal static UnParserSettings Unparse => new() { SkipDefault = true };

    public const int Converted = 0;
    public const int ConvertedWithErrors = 1;
    public const int BadUsage = 2;
    public const int OutputFailed = 3;
    public const int OutOfDate = 4;

    public static string Version => typeof(Program).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    public static int Main(string[] args) => Run(args, Console.Out, Console.Error, Terminal());

    /// <summary>The terminal progress and the summary table are drawn on: standard output when it is an interactive terminal, else null (plain lines).</summary>
    private static IAnsiConsole? Terminal() =>
        !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive ? AnsiConsole.Console : null;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) => Run(args, stdout, stderr, terminal: null);

    /// <param name="terminal">Where progress and the final summary table are drawn; null prints plain lines to <paramref name="stdout"/>.</param>
    /// <remarks>
    /// CommandLineParser finds the options, their attributes, the parameterless constructors and the help's examples by reflection over
    /// the two option types: a trimmed or Native AOT publish must keep all of their members (docs/performance.md).
    /// </remarks>
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(ConvertOptions))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(AnalyzeOptions))]
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, IAnsiConsole? terminal)
    {
        using var parser = new Parser(settings =>
        {
            settings.HelpWriter = null;
            settings.CaseSensitive = true;
            settings.AutoVersion = true;
            settings.AutoHelp = true;
        });
        var parsed = parser.ParseArguments(args, typeof(ConvertOptions), typeof(AnalyzeOptions));
        return parsed.MapResult(
            (ConvertOptions options) => Convert(options, stdout, stderr, terminal),
            (AnalyzeOptions options) => Analyze(options, stdout, stderr, terminal),
            errors => Usage(parsed, errors, stdout, stderr));
    }

    private static int Usage(ParserResult<object> parsed, IEnumerable<Error> errors, TextWriter stdout, TextWriter stderr)
    {
        var list = errors.ToList();
        if (list.Any(e => e is VersionRequestedError))
        {
            stdout.WriteLine($"synapse2bal {Version}");
            return Converted;
        }

        var help = HelpText.AutoBuild(parsed, h =>
        {
            h.Heading = "synapse2bal: converts WSO2 Synapse / Micro Integrator configurations into Ballerina.";
            h.Copyright = string.Empty;
            h.AddPostOptionsLine("Inputs: an artifact file, a synapse.xml, a folder, an EI/MI deployment folder, an Integration Studio or MI 4.x project, or a .car file.");
            h.AddPostOptionsLine("Exit codes: 0 converted, 1 converted with error diagnostics, 2 bad usage, 3 the output could not be written, 4 (convert --check) the output is out of date.");
            return HelpText.DefaultParsingErrorsHandler(parsed, h);
        }, e => e, verbsIndex: true);
        if (list.Any(e => e is HelpRequestedError or HelpVerbRequestedError))
        {
            stdout.WriteLine(help);
            return Converted;
        }

        stderr.WriteLine(help);
        return BadUsage;
    }

    private static int Convert(ConvertOptions options, TextWriter stdout, TextWriter stderr, IAnsiConsole? terminal)
    {
        if (!options.Stdout && options.Project is null)
        {
            return ConvertCommand.Run(options, stdout, stderr, terminal);
        }

        if (options.Templates is not null && !Directory.Exists(options.Templates))
        {
            stderr.WriteLine($"error: the templates folder '{options.Templates}' does not exist");
            return BadUsage;
        }

        if (!InputExists(options.Input, stderr))
        {
            return BadUsage;
        }

        return ConvertToStdout(options, new ConversionOptions(options.Input, options.OrgName, options.ProjectName, options.Templates, options.SynapseLogLines) { TypedPayloads = options.TypedPayloads }, stdout, stderr);
    }

    private static int ConvertToStdout(ConvertOptions options, ConversionOptions conversionOptions, TextWriter stdout, TextWriter stderr)
    {
        if (!options.Stdout || !File.Exists(options.Input) || (options.Project is not null && !Directory.Exists(options.Project)))
        {
            stderr.WriteLine("error: --stdout takes one artifact XML file, and --project (only with --stdout) an existing project folder");
            return BadUsage;
        }

        var single = SingleArtifact.Render(options.Input, options.Project, conversionOptions);
        var baseDirectory = Directory.GetCurrentDirectory();
        var source = Path.GetFullPath(options.Input);
        foreach (var diagnostic in single.Conversion.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error || (d.Severity == DiagnosticSeverity.Warning && d.Location.GetLineSpan().Path == source)))
        {
            stderr.WriteLine(DiagnosticBag.FormatLine(diagnostic, baseDirectory));
        }

        if (single.Text is null)
        {
            stderr.WriteLine($"error: '{options.Input}' is not an artifact of the project converted");
            return single.Conversion.HasErrors ? ConvertedWithErrors : BadUsage;
        }

        stdout.Write(single.Text);
        return single.Conversion.HasErrors ? ConvertedWithErrors : Converted;
    }

    private static int Analyze(AnalyzeOptions options, TextWriter stdout, TextWriter stderr, IAnsiConsole? terminal)
    {
        var format = options.Format.Trim().ToLowerInvariant();
        if (format is not ("text" or "json"))
        {
            stderr.WriteLine($"error: unknown format '{options.Format}'; use text or json");
            return BadUsage;
        }

        if (!InputExists(options.Input, stderr))
        {
            return BadUsage;
        }

        if (ConvertCommand.ParseReport(options.Report) is not { } formats)
        {
            stderr.WriteLine($"error: unknown report format in '{options.Report}'; use html, json, md (comma-separated) or none");
            return BadUsage;
        }

        // One pass over the input: the dry run (the whole conversion in memory, nothing of the package written) gives
        // the inventory, the report and the exit code (an error only lowering or emitting finds, such as an internal
        // error in one artifact, counts too). JSON output is the inventory alone: no progress, no summary line.
        var console = new ConsoleOutput(stdout, stderr, quiet: format == "json", verbose: false, terminal);
        var name = ConvertCommand.InputName(options.Input);
        var conversion = console.WithProgress(name, progress => Converter.Convert(new ConversionOptions(options.Input) { Progress = progress }));
        var inventory = Converter.InventoryOf(conversion, options.Input);
        if (inventory is not null && format == "json")
        {
            stdout.WriteLine(InventoryWriter.ToJson(inventory));
        }
        else if (inventory is not null)
        {
            InventoryWriter.WriteText(inventory, stdout);
        }

        var wroteReports = false;
        IReadOnlyList<Diagnostic> diagnostics = conversion.Diagnostics;
        if (options.Out is not null || options.Sarif is not null)
        {
            try
            {
                if (options.Out is not null && formats != ReportFormats.None && conversion.Report is { } report && conversion.Renderer is { } renderer)
                {
                    var failures = new DiagnosticBag();
                    ConvertCommand.WriteReports(renderer, report, formats, options.Out, failures);
                    diagnostics = [.. diagnostics, .. ConvertCommand.Unreported(failures, diagnostics)];
                    wroteReports = true;
                }

                if (options.Sarif is not null)
                {
                    diagnostics = [.. diagnostics, .. ConvertCommand.WriteSarif(options.Sarif, diagnostics, conversion.SourceRoot)];
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"error: could not write the output: {ex.Message}");
                return OutputFailed;
            }
        }

        var baseDirectory = Directory.GetCurrentDirectory();
        foreach (var diagnostic in diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error))
        {
            stderr.WriteLine(DiagnosticBag.FormatLine(diagnostic, baseDirectory));
        }

        if (conversion.Report is { } summary)
        {
            console.Summary([(name, summary)]);
        }

        if (wroteReports && format == "text")
        {
            stdout.WriteLine($"Migration report written to {ConvertCommand.Display(options.Out!)}.");
        }

        return diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error) ? ConvertedWithErrors : Converted;
    }

    internal static bool InputExists(string input, TextWriter stderr)
    {
        if (File.Exists(input) || Directory.Exists(input))
        {
            return true;
        }

        stderr.WriteLine($"error SB0001: Input '{input}' does not exist");
        return false;
    }
}
