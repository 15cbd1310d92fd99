using System.Xml;
using Microsoft.CodeAnalysis;
using SynapseToBal.Diagnostics;
using SynapseToBal.Driver;
using SynapseToBal.Project;
using SynapseToBal.Refine;
using SynapseToBal.Report;
using SynapseToBal.Semantics;
using SynapseToBal.Syntax;
using SynapseToBal.Tests.Project;
using Xunit;

namespace SynapseToBal.Tests.Robustness;

/// <summary>
/// Issue 13: an internal error while resolving references, in a refining pass or while building the report is
/// contained (one artifact, one pass, one row) and reported with what failed; the rest converts. Each test injects a
/// fault through the stage's test seam. Also: every file read besides the artifacts is bounded (SB0015), and XML read
/// from those files refuses a DTD.
/// </summary>
public sealed class ContainmentTests
{
    private const string Ns = "http://ws.apache.org/ns/synapse";

    private static readonly string GoodApi =
        $"""<api xmlns="{Ns}" name="GoodApi" context="/good"><resource methods="GET"><inSequence><respond/></inSequence></resource></api>""";

    private static ConversionResult ConvertWithCursed()
    {
        using var temp = new TempDirectory();
        temp.Write("good.xml", GoodApi);
        temp.Write("bad.xml", $"""<sequence xmlns="{Ns}" name="Cursed"><log/></sequence>""");
        return Converter.Convert(new ConversionOptions(temp.Path));
    }

    private static void AssertGoodApiConverted(ConversionResult result) =>
        Assert.Contains(result.Files, f => f.RelativePath == "main.bal" && f.Content.Contains("service /good on", StringComparison.Ordinal));

    [Fact]
    public void An_internal_error_resolving_one_artifacts_references_makes_it_a_todo_and_the_rest_converts()
    {
        ReferenceGraph.BeforeArtifact.Value = artifact =>
        {
            if (artifact.Name == "Cursed")
            {
                throw new InvalidOperationException("simulated resolver bug");
            }
        };
        ConversionResult result;
        try
        {
            result = ConvertWithCursed();
        }
        finally
        {
            ReferenceGraph.BeforeArtifact.Value = null;
        }

        var error = Assert.Single(result.Diagnostics, d => d.Id == "SB0904");
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.Contains("'Cursed'", error.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("simulated resolver bug", error.GetMessage(), StringComparison.Ordinal);
        Assert.EndsWith("bad.xml", error.Location.GetLineSpan().Path, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "SB0901");
        Assert.True(result.HasErrors);
        AssertGoodApiConverted(result);
        Assert.Contains(result.Files, f => f.Content.Contains("TODO(SB0904)", StringComparison.Ordinal) && f.Content.Contains("name=\"Cursed\"", StringComparison.Ordinal));
        var row = Assert.Single(result.Report!.Artifacts, a => a.Name == "Cursed");
        Assert.Equal(ArtifactStatus.NotConverted, row.Status);
    }

    [Theory]
    [InlineData("inlining empty flows")]
    [InlineData("inlining respond-only flows")]
    [InlineData("removing unused flows")]
    [InlineData("analysing property locals")]
    [InlineData("analysing payload types")]
    public void An_internal_error_in_a_refining_pass_skips_the_pass_and_the_package_is_generated(string pass)
    {
        var seen = new List<string>();
        BallerinaRefiner.BeforePass.Value = name =>
        {
            seen.Add(name);
            if (name == pass)
            {
                throw new InvalidOperationException("simulated refiner bug");
            }
        };
        ConversionResult result;
        try
        {
            result = ConvertWithCursed();
        }
        finally
        {
            BallerinaRefiner.BeforePass.Value = null;
        }

        Assert.Contains(pass, seen);
        var error = Assert.Single(result.Diagnostics, d => d.Id == "SB0905");
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.Contains(pass, error.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("simulated refiner bug", error.GetMessage(), StringComparison.Ordinal);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id is "SB0901" or "SB0903");
        Assert.True(result.HasErrors);
        AssertGoodApiConverted(result);
        Assert.Contains(result.Files, f => f.RelativePath == "functions.bal" && f.Content.Contains("function cursed", StringComparison.Ordinal));
        Assert.NotNull(result.Report);
    }

    [Fact]
    public void An_internal_error_building_one_report_row_keeps_the_other_rows_and_the_package()
    {
        MigrationReportBuilder.BeforeRow.Value = artifact =>
        {
            if (artifact.Name == "Cursed")
            {
                throw new InvalidOperationException("simulated report bug");
            }
        };
        ConversionResult result;
        try
        {
            result = ConvertWithCursed();
        }
        finally
        {
            MigrationReportBuilder.BeforeRow.Value = null;
        }

        var error = Assert.Single(result.Diagnostics, d => d.Id == "SB0905");
        Assert.Contains("'Cursed'", error.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("simulated report bug", error.GetMessage(), StringComparison.Ordinal);
        Assert.EndsWith("bad.xml", error.Location.GetLineSpan().Path, StringComparison.Ordinal);
        Assert.True(result.HasErrors);
        AssertGoodApiConverted(result);
        Assert.Contains(result.Files, f => f.RelativePath == "functions.bal" && f.Content.Contains("function cursed", StringComparison.Ordinal));
        Assert.Contains(result.Files, f => f.RelativePath == "MIGRATION.md");
        var report = Assert.IsType<MigrationReportData>(result.Report);
        Assert.Equal(ArtifactStatus.NotConverted, Assert.Single(report.Artifacts, a => a.Name == "Cursed").Status);
        Assert.Equal(ArtifactStatus.Converted, Assert.Single(report.Artifacts, a => a.Name == "GoodApi").Status);
        Assert.Contains(report.Diagnostics, g => g.Code == "SB0905");
    }

    [Fact]
    public void A_file_read_besides_the_artifacts_is_refused_beyond_the_limit_and_never_read_whole()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("resources/big.xsl", "<xsl:stylesheet/>" + new string(' ', 5_000));
        var error = Assert.Throws<FileTooLargeException>(() => BoundedFile.ReadAllBytes(path, 4_000));
        Assert.Contains("4000 bytes", error.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<IOException>(error);
        Assert.Equal(5_017, BoundedFile.ReadAllBytes(path, 5_017).Length);

        // A registry resource checked when the project was loaded is checked again when it is read (it may have grown).
        var content = ResourceContent.FromFile(path, 4_000);
        Assert.Throws<FileTooLargeException>(() => content.ReadBytes());
    }

    [Fact]
    public void A_huge_file_a_path_names_is_reported_and_not_read()
    {
        using var temp = new TempDirectory();
        temp.Write("good.xml", GoodApi);
        var huge = temp.Combine("conf", "big.wsdl");
        Directory.CreateDirectory(Path.GetDirectoryName(huge)!);
        using (var stream = File.Create(huge))
        {
            stream.SetLength(BoundedFile.DefaultMaxBytes + 1); // sparse: nothing is written, and nothing may be read
        }

        var diagnostics = new DiagnosticBag();
        var project = ProjectLoader.Load(temp.Path, diagnostics);
        var lookup = InputFiles.ByTail(project, diagnostics);
        Assert.Null(lookup("conf/big.wsdl"));
        Assert.Null(lookup("conf/big.wsdl"));
        var error = Assert.Single(diagnostics.Items, d => d.Id == "SB0015");
        Assert.EndsWith("big.wsdl", error.Location.GetLineSpan().Path, StringComparison.Ordinal);
    }

    [Fact]
    public void Xml_read_from_a_resource_refuses_a_dtd_and_keeps_what_xdocument_parse_keeps()
    {
        const string bomb = """<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><r>&b;</r>""";
        Assert.Throws<XmlException>(() => XmlSource.ParseText(bomb));
        const string text = "<?xml version=\"1.0\"?><?pi x?><r a=\"1\">\n  <!-- c -->\n  <x> t </x>\n</r>";
        Assert.Equal(System.Xml.Linq.XDocument.Parse(text).ToString(), XmlSource.ParseText(text).ToString());
        Assert.Equal(
            System.Xml.Linq.XDocument.Parse(text, System.Xml.Linq.LoadOptions.PreserveWhitespace).ToString(),
            XmlSource.ParseText(text, System.Xml.Linq.LoadOptions.PreserveWhitespace).ToString());
    }
}
