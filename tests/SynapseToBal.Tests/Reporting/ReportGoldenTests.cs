using SynapseToBal.Driver;
using SynapseToBal.Report;
using SynapseToBal.Tests.Golden;
using Xunit;

namespace SynapseToBal.Tests.Reporting;

/// <summary>
/// Golden cases of the migration report: each folder under ReportCases/ holds an input and, in expected/, the
/// report files (MIGRATION.md, migration_report.json, migration_report.html), the SARIF log and Ballerina.toml
/// (which takes its name and version from the input's pom.xml).
/// </summary>
public sealed class ReportGoldenTests
{
    private static string ReportCases => Path.Combine(TestPaths.TestProject, "ReportCases");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var directory in Directory.EnumerateDirectories(ReportCases).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(directory));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Report_files_match(string name)
    {
        var input = Path.Combine(ReportCases, name, "input");
        var result = Converter.Convert(new ConversionOptions(input));
        Assert.NotNull(result.Report);
        Assert.NotNull(result.Renderer);
        var files = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Ballerina.toml"] = result.Files.Single(f => f.RelativePath == "Ballerina.toml").Content,
            [ReportWriter.MarkdownFileName] = result.Files.Single(f => f.RelativePath == ReportWriter.MarkdownFileName).Content,
            [ReportWriter.JsonFileName] = ReportWriter.ToJson(result.Report),
            [ReportWriter.HtmlFileName] = ReportWriter.Html(result.Renderer, result.Report).Content,
            ["report.sarif"] = Sarif.Write(result.Diagnostics, result.SourceRoot, "0.0.0-test"),
        };
        GoldenFiles.AssertDirectory(Path.Combine(ReportCases, name, "expected"), files);
    }
}
