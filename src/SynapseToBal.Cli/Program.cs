using CommandLine;
using CommandLine.Text;
using Humanizer;
using Microsoft.CodeAnalysis;
using SynapseToBal.Diagnostics;
using SynapseToBal.Driver;
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

    [Option("synapse-log-lines", HelpText = "Write each log as the line the Micro Integrator prints (name = value, ...) instead of a message with key-values.")]
    public bool SynapseLogLines { get; set; }
}

[Verb("analyze", HelpText = "List what an input holds (form, artifacts, mediators, unresolved keys, other files) without converting it.")]
public sealed class AnalyzeOptions
{
    [Value(0, MetaName = "input", Required = true, HelpText = "A Synapse XML file, a folder, a project or a .car file.")]
    public string Input { get; set; } = string.Empty;

    [Option('f', "format", Default = "text", HelpText = "Output format: text or json.")]
    public string Format { get; set; } = "text";
}

public static class Program
{
    public const int Converted = 0;
    public const int ConvertedWithErrors = 1;
    public const int BadUsage = 2;

    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
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
            (ConvertOptions options) => Convert(options, stdout, stderr),
            (AnalyzeOptions options) => Analyze(options, stdout, stderr),
            errors => Usage(parsed, errors, stdout, stderr));
    }

    private static int Usage(ParserResult<object> parsed, IEnumerable<Error> errors, TextWriter stdout, TextWriter stderr)
    {
        var list = errors.ToList();
        if (list.Any(e => e is VersionRequestedError))
        {
            stdout.WriteLine($"synapse2bal {typeof(Program).Assembly.GetName().Version?.ToString(3)}");
            return Converted;
        }

        var help = HelpText.AutoBuild(parsed, h =>
        {
            h.Heading = "synapse2bal: converts WSO2 Synapse / Micro Integrator configurations into Ballerina.";
            h.Copyright = string.Empty;
            h.AddPostOptionsLine("Inputs: an artifact file, a synapse.xml, a folder, an EI/MI deployment folder, an Integration Studio or MI 4.x project, or a .car file.");
            h.AddPostOptionsLine("Exit codes: 0 converted, 1 converted with error diagnostics, 2 bad usage.");
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

    private static int Convert(ConvertOptions options, TextWriter stdout, TextWriter stderr)
    {
        if (options.Templates is not null && !Directory.Exists(options.Templates))
        {
            stderr.WriteLine($"error: the templates folder '{options.Templates}' does not exist");
            return BadUsage;
        }

        if (!InputExists(options.Input, stderr))
        {
            return BadUsage;
        }

        var result = Converter.Convert(new ConversionOptions(options.Input, options.OrgName, options.ProjectName, options.Templates, options.SynapseLogLines));
        var output = options.Out ?? Converter.DefaultOutput(options.Input);
        if (result.Files.Count > 0)
        {
            Converter.Write(result, output);
        }

        var baseDirectory = Directory.GetCurrentDirectory();
        foreach (var diagnostic in result.Diagnostics.Where(d => d.Severity is DiagnosticSeverity.Error or DiagnosticSeverity.Warning || (options.Verbose && d.Severity == DiagnosticSeverity.Info)))
        {
            var writer = diagnostic.Severity == DiagnosticSeverity.Error ? stderr : stdout;
            writer.WriteLine(DiagnosticBag.Format(diagnostic, baseDirectory));
        }

        var errors = result.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        var warnings = result.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning);
        var infos = result.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Info);
        var infoNote = infos > 0 && !options.Verbose ? $" and {"info message".ToQuantity(infos)} (--verbose shows them)" : string.Empty;
        stdout.WriteLine($"Converted {"artifact".ToQuantity(result.ArtifactCount)} from {"file".ToQuantity(result.Documents.Length)} into {Path.GetRelativePath(baseDirectory, Path.GetFullPath(output))}: {"error".ToQuantity(errors)}, {"warning".ToQuantity(warnings)}{infoNote}.");
        return errors > 0 ? ConvertedWithErrors : Converted;
    }

    private static int Analyze(AnalyzeOptions options, TextWriter stdout, TextWriter stderr)
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

        var result = Converter.Analyze(options.Input);
        if (format == "json")
        {
            stdout.WriteLine(InventoryWriter.ToJson(result.Inventory));
        }
        else
        {
            InventoryWriter.WriteText(result.Inventory, stdout);
        }

        var baseDirectory = Directory.GetCurrentDirectory();
        foreach (var diagnostic in result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error))
        {
            stderr.WriteLine(DiagnosticBag.Format(diagnostic, baseDirectory));
        }

        return result.HasErrors ? ConvertedWithErrors : Converted;
    }

    private static bool InputExists(string input, TextWriter stderr)
    {
        if (File.Exists(input) || Directory.Exists(input))
        {
            return true;
        }

        stderr.WriteLine($"error SB0001: Input '{input}' does not exist");
        return false;
    }
}
