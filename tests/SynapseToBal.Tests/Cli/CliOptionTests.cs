using System.Text.Json;
using Spectre.Console;
using SynapseToBal.Cli;
using SynapseToBal.Tests.Project;
using Xunit;

namespace SynapseToBal.Tests.Cli;

/// <summary>
/// Issue 11's CLI, option by option: each long option does what its short form does (and something), the options
/// without a short form, exit code 3, Ballerina.toml from a Carbon Application's metadata, analyze as one dry run
/// with a summary, and the terminal's progress and summary table.
/// </summary>
public sealed class CliOptionTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("synapse2bal-cli-options-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    private static string Mixed => Path.Combine(TestPaths.TestProject, "ReportCases", "report-mixed", "input");

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = Program.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static string[] Files(string directory) => Directory.Exists(directory)
        ? [.. Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(directory, f).Replace('\\', '/')).Order(StringComparer.Ordinal)]
        : [];

    /// <summary>Converts the mixed report case into <c>&lt;temp&gt;/&lt;run&gt;/out</c>: the exit code, stdout with the folder replaced, the files and their texts.</summary>
    private (int Code, string Out, string[] Files, string Texts) Convert(string run, string outFlag, params string[] args)
    {
        var output = Path.Combine(_temp, run, "out");
        var (code, stdout, _) = Run(["convert", Mixed, outFlag, output, .. args]);
        var files = Files(output);
        var texts = string.Join("\n", files.Where(f => f.EndsWith(".bal", StringComparison.Ordinal) || f.EndsWith(".toml", StringComparison.Ordinal))
            .Select(f => f + ":\n" + File.ReadAllText(Path.Combine(output, f))));
        var display = Path.GetRelativePath(Directory.GetCurrentDirectory(), output);
        return (code, stdout.Replace(display, "OUT", StringComparison.Ordinal), files, texts);
    }

    [Theory]
    [InlineData("-k", "--keep-structure", null)]
    [InlineData("-d", "--dry-run", null)]
    [InlineData("-m", "--multi-root", null)]
    [InlineData("-q", "--quiet", null)]
    [InlineData("-v", "--verbose", null)]
    [InlineData("-g", "--org-name", "acme")]
    [InlineData("-p", "--project-name", "orders")]
    public void A_long_option_does_what_its_short_form_does(string shortForm, string longForm, string? value)
    {
        string[] Args(string flag) => value is null ? [flag] : [flag, value];
        var viaShort = Convert("short", "-o", Args(shortForm));
        var viaLong = Convert("long", "--out", Args(longForm));
        var without = Convert("without", "-o");
        Assert.Equal(viaShort.Code, viaLong.Code);
        Assert.Equal(viaShort.Out, viaLong.Out);
        Assert.Equal(viaShort.Files, viaLong.Files);
        Assert.Equal(viaShort.Texts, viaLong.Texts);
        Assert.True(viaShort.Out != without.Out || !viaShort.Files.SequenceEqual(without.Files) || viaShort.Texts != without.Texts, $"{longForm} changed nothing");
    }

    [Fact]
    public void Synapse_log_lines_writes_the_micro_integrator_line()
    {
        var input = Path.Combine(_temp, "logs");
        Directory.CreateDirectory(input);
        File.WriteAllText(Path.Combine(input, "a.xml"), """
            <api xmlns="http://ws.apache.org/ns/synapse" name="A" context="/a"><resource methods="GET"><inSequence>
            <log level="custom"><property name="step" value="lookup"/></log><respond/></inSequence></resource></api>
            """);
        Assert.Equal(Program.Converted, Run("convert", input, "-o", Path.Combine(_temp, "lines"), "--synapse-log-lines").Code);
        Assert.Contains("log:printInfo(\"step = lookup\");", File.ReadAllText(Path.Combine(_temp, "lines", "main.bal")));
        Assert.Equal(Program.Converted, Run("convert", input, "-o", Path.Combine(_temp, "fields")).Code);
        Assert.Contains("log:printInfo(\"A default request\", step = \"lookup\");", File.ReadAllText(Path.Combine(_temp, "fields", "main.bal")));
    }

    [Fact]
    public void An_output_that_cannot_be_written_exits_3()
    {
        var blocked = Path.Combine(_temp, "blocked");
        File.WriteAllText(blocked, "a file where the output folder should be");
        var convert = Run("convert", Mixed, "-o", blocked);
        Assert.Equal(Program.OutputFailed, convert.Code);
        Assert.Contains("error: could not write the output", convert.Err);
        var analyze = Run("analyze", Mixed, "-o", blocked);
        Assert.Equal(Program.OutputFailed, analyze.Code);
        Assert.Contains("error: could not write the output", analyze.Err);
    }

    [Fact]
    public void Ballerina_toml_takes_the_name_and_version_of_a_carbon_application()
    {
        var car = TestArchives.Build(Path.Combine(_temp, "Hello_2.3.0.car"),
            [.. TestArchives.HelloCApp().Select(e => e.Name == "artifacts.xml" ? (e.Name, e.Content.Replace("name=\"HelloCApp\" version=\"1.0.0\"", "name=\"Hello-CApp\" version=\"2.3.0\"", StringComparison.Ordinal)) : e)]);
        Assert.Equal(Program.Converted, Run("convert", car, "-o", Path.Combine(_temp, "car")).Code);
        var toml = File.ReadAllText(Path.Combine(_temp, "car", "Ballerina.toml"));
        Assert.Contains("name = \"hello_c_app\"", toml);
        Assert.Contains("version = \"2.3.0\"", toml);
    }

    [Fact]
    public void Analyze_is_one_dry_run_whose_inventory_counts_every_diagnostic_and_ends_with_the_summary()
    {
        var (code, stdout, stderr) = Run("analyze", Mixed);
        Assert.Equal(Program.ConvertedWithErrors, code);
        Assert.Contains("error SB0218", stderr);
        var lines = stdout.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        // SB0218 is found by lowering: the inventory's counts are the conversion's, not the parse's alone.
        Assert.Contains(lines, l => l.StartsWith("Diagnostics: 1 error, ", StringComparison.Ordinal));
        Assert.Contains("input: coverage 59.1% weighted (9 of 12 mediators), 4 TODOs, 1 artifact not converted, manual work 1.7/3.6/7.9 h.", lines);
        Assert.DoesNotContain(lines, l => l.StartsWith("Migration report written", StringComparison.Ordinal));

        var withOut = Run("analyze", Mixed, "--out", Path.Combine(_temp, "report"));
        Assert.Contains($"Migration report written to {Path.GetRelativePath(Directory.GetCurrentDirectory(), Path.Combine(_temp, "report"))}.", withOut.Out);
        Assert.Equal(["MIGRATION.md", "migration_report.html", "migration_report.json"], Files(Path.Combine(_temp, "report")));
    }

    [Fact]
    public void Analyze_json_is_the_inventory_alone()
    {
        var (_, stdout, _) = Run("analyze", Mixed, "-f", "json");
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal(4, json.RootElement.GetProperty("artifacts").GetInt32());
    }

    [Fact]
    public void On_a_terminal_progress_is_drawn_and_the_summary_is_a_table()
    {
        var screen = new StringWriter();
        var terminal = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Yes,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.Yes,
            Out = new AnsiConsoleOutput(screen),
        });
        terminal.Profile.Width = 160;
        var stdout = new StringWriter();
        var code = Program.Run(["convert", Mixed, "-o", Path.Combine(_temp, "tty")], stdout, new StringWriter(), terminal);
        Assert.Equal(Program.ConvertedWithErrors, code);
        var drawn = screen.ToString();
        Assert.Matches(@"input: (parsing|lowering|emitting) \d+/\d+", drawn);
        Assert.Contains("Work (best/avg/worst)", drawn);
        Assert.Matches(@"input\s*│\s*4\s*│\s*59\.1%\s*│\s*4\s*│\s*1\s*│\s*1\.7/3\.6/7\.9 h", drawn);
        // The plain lines stay on stdout; the per-project summary line is the table's instead.
        Assert.Contains("Converted 4 artifacts from 4 files", stdout.ToString());
        Assert.DoesNotContain("input: coverage", stdout.ToString());
    }

    [Fact]
    public void Help_examples_leave_out_options_at_their_default()
    {
        foreach (var verb in new[] { "convert", "analyze" })
        {
            var (code, stdout, _) = Run(verb, "--help");
            Assert.Equal(Program.Converted, code);
            Assert.Contains($"synapse2bal {verb} ", stdout);
            Assert.DoesNotContain("--report html,json,md", stdout);
            Assert.DoesNotContain("--format text", stdout);
            Assert.Contains("Exit codes: 0 converted", stdout);
        }
    }

    [Fact]
    public void Multi_root_skips_a_package_converted_earlier()
    {
        var root = Path.Combine(_temp, "projects");
        Directory.CreateDirectory(Path.Combine(root, "alpha"));
        File.WriteAllText(Path.Combine(root, "alpha", "s.xml"), "<sequence xmlns=\"http://ws.apache.org/ns/synapse\" name=\"alpha\"><log/></sequence>");
        Assert.Equal(Program.Converted, Run("convert", Path.Combine(root, "alpha")).Code); // writes projects/alpha_converted
        var (code, stdout, _) = Run("convert", root, "--multi-root", "-o", Path.Combine(_temp, "all"));
        Assert.Equal(Program.Converted, code);
        Assert.Contains("[1/1] alpha", stdout);
        Assert.Contains("Converted 1 project (1 artifact from 1 file)", stdout);
        Assert.DoesNotContain("alpha_converted", stdout);
    }
}
