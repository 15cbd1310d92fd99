using System.Text.Json;
using SynapseToBal.Cli;
using Xunit;

namespace SynapseToBal.Tests.Reporting;

/// <summary>The convert and analyze options of issue 11: --dry-run, --multi-root, --quiet, --verbose, --report, --sarif, and analyze's report.</summary>
public sealed class CliReportTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("synapse2bal-cli-report-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    private static string Mixed => Path.Combine(TestPaths.TestProject, "ReportCases", "report-mixed", "input");

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = Program.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private string Out(string name = "out") => Path.Combine(_temp, name);

    private static string[] Files(string directory) =>
        [.. Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(directory, f).Replace('\\', '/')).Order(StringComparer.Ordinal)];

    [Fact]
    public void Convert_writes_the_three_report_files_beside_the_package_by_default()
    {
        var (code, stdout, _) = Run("convert", Mixed, "-o", Out());
        Assert.Equal(Program.ConvertedWithErrors, code); // the JMS endpoint is an error
        Assert.Contains("MIGRATION.md", Files(Out()));
        Assert.Contains("migration_report.json", Files(Out()));
        Assert.Contains("migration_report.html", Files(Out()));
        Assert.Contains("main.bal", Files(Out()));
        Assert.Contains("input: coverage 59.1% weighted (9 of 12 mediators), 4 TODOs, 1 artifact not converted, manual work 1.7/3.6/7.9 h.", stdout);
    }

    [Theory]
    [InlineData("json", new[] { "migration_report.json" })]
    [InlineData("html", new[] { "migration_report.html" })]
    [InlineData("md", new[] { "MIGRATION.md" })]
    [InlineData("html,md", new[] { "MIGRATION.md", "migration_report.html" })]
    [InlineData("none", new string[0])]
    public void Report_selects_the_report_files(string formats, string[] expected)
    {
        Run("convert", Mixed, "-o", Out(), "--report", formats);
        var reports = Files(Out()).Where(f => f is "MIGRATION.md" or "migration_report.json" or "migration_report.html");
        Assert.Equal(expected, reports);
        Assert.Contains("main.bal", Files(Out()));
    }

    [Fact]
    public void An_unknown_report_format_is_bad_usage()
    {
        var (code, _, stderr) = Run("convert", Mixed, "-o", Out(), "--report", "pdf");
        Assert.Equal(Program.BadUsage, code);
        Assert.Contains("unknown report format", stderr);
        Assert.False(Directory.Exists(Out()));
    }

    [Fact]
    public void Dry_run_writes_no_package_and_reports_only_into_an_explicit_out()
    {
        var (code, stdout, _) = Run("convert", Mixed, "--dry-run");
        Assert.Equal(Program.ConvertedWithErrors, code);
        Assert.Contains("dry run: nothing written", stdout);
        Assert.False(Directory.Exists(Mixed + "_converted"));

        Run("convert", Mixed, "-d", "-o", Out());
        Assert.Equal(["MIGRATION.md", "migration_report.html", "migration_report.json"], Files(Out()));
    }

    [Fact]
    public void Quiet_prints_errors_and_the_final_line_only()
    {
        var (_, stdout, stderr) = Run("convert", Mixed, "-o", Out(), "-q");
        Assert.Contains("error SB0218", stderr);
        Assert.DoesNotContain("warning SB", stdout);
        Assert.Equal(["Converted 4 artifacts from 4 files"], stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l[..l.IndexOf(" into", StringComparison.Ordinal)]));
    }

    [Fact]
    public void Verbose_prints_info_messages_and_cannot_go_with_quiet()
    {
        var (_, stdout, _) = Run("convert", Mixed, "-o", Out(), "-v");
        Assert.Contains("info SB0003", stdout);
        Assert.Equal(Program.BadUsage, Run("convert", Mixed, "-o", Out(), "-v", "-q").Code);
    }

    [Fact]
    public void Sarif_writes_a_2_1_0_log()
    {
        var sarif = Path.Combine(_temp, "logs", "out.sarif");
        Run("convert", Mixed, "-o", Out(), "--sarif", sarif);
        using var json = JsonDocument.Parse(File.ReadAllText(sarif));
        Assert.Equal("2.1.0", json.RootElement.GetProperty("version").GetString());
        var results = json.RootElement.GetProperty("runs")[0].GetProperty("results");
        Assert.Contains(results.EnumerateArray(), r => r.GetProperty("ruleId").GetString() == "SB0218");
    }

    [Fact]
    public void Multi_root_converts_each_child_folder_and_writes_an_aggregate_report()
    {
        var root = Path.Combine(_temp, "projects");
        foreach (var name in new[] { "alpha", "beta" })
        {
            Directory.CreateDirectory(Path.Combine(root, name));
            File.WriteAllText(Path.Combine(root, name, "s.xml"), $"<sequence xmlns=\"http://ws.apache.org/ns/synapse\" name=\"{name}\"><log/><script language=\"js\">x()</script></sequence>");
        }

        var (code, stdout, _) = Run("convert", root, "-m", "-o", Out());
        Assert.Equal(Program.Converted, code);
        Assert.Contains("[1/2] alpha", stdout);
        Assert.Contains("[2/2] beta", stdout);
        Assert.Contains("Converted 2 projects (2 artifacts from 2 files)", stdout);
        var files = Files(Out());
        Assert.Contains("alpha/functions.bal", files);
        Assert.Contains("beta/functions.bal", files);
        Assert.Contains("alpha/Ballerina.toml", files);
        Assert.Contains("migration_report.json", files);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(Out(), "migration_report.json")));
        Assert.Equal(["alpha", "beta"], json.RootElement.GetProperty("projects").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        Assert.Equal(4, json.RootElement.GetProperty("summary").GetProperty("mediators").GetInt32());
        Assert.Contains("name = \"alpha\"", File.ReadAllText(Path.Combine(Out(), "alpha", "Ballerina.toml")));
    }

    [Fact]
    public void Multi_root_needs_a_folder_and_no_project_name()
    {
        Assert.Equal(Program.BadUsage, Run("convert", Path.Combine(Mixed, "apis", "OrderAPI.xml"), "-m").Code);
        Assert.Equal(Program.BadUsage, Run("convert", Mixed, "-m", "-p", "x").Code);
    }

    [Fact]
    public void Analyze_is_a_dry_run_whose_report_goes_to_out()
    {
        var sarif = Path.Combine(_temp, "a.sarif");
        var (code, stdout, stderr) = Run("analyze", Mixed, "-o", Out(), "--report", "json", "--sarif", sarif);
        Assert.Equal(Program.ConvertedWithErrors, code); // the conversion's errors count: a JMS endpoint gets no client (SB0218)
        Assert.Contains("error SB0218", stderr);
        Assert.Contains("Artifacts: 4", stdout);
        Assert.Equal(["migration_report.json"], Files(Out()));
        Assert.True(File.Exists(sarif));
        Assert.False(Directory.Exists(Mixed + "_converted"));
    }

    [Fact]
    public void Help_shows_examples_for_each_verb()
    {
        var convert = Run("convert", "--help");
        Assert.Equal(0, convert.Code);
        Assert.Contains("synapse2bal convert", convert.Out);
        Assert.Contains("--multi-root", convert.Out);
        Assert.Contains("--sarif", convert.Out);
        var analyze = Run("analyze", "--help");
        Assert.Contains("synapse2bal analyze", analyze.Out);
    }
}
