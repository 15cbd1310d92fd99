using System.Xml;
using Microsoft.CodeAnalysis;
using System.Text.RegularExpressions;
using SynapseToBal.Cli;
using SynapseToBal.Diagnostics;
using SynapseToBal.Driver;
using SynapseToBal.Project;
using SynapseToBal.Refine;
using SynapseToBal.Report;
using SynapseToBal.Semantics;
using SynapseToBal.Syntax;
using SynapseToBal.Tests.Gates;
using SynapseToBal.Tests.Project;
using Xunit;
using Xunit.Abstractions;

namespace SynapseToBal.Tests.Robustness;

/// <summary>
/// Issue 13: an internal error while resolving references, entering an artifact in the symbol table, naming a symbol,
/// in a refining pass, while building the report or writing one report file is contained (one artifact, one symbol,
/// one pass, one row, one file) and reported with what failed; the rest converts. Each test injects a fault through
/// the stage's test seam. Also: every file read besides the artifacts is bounded (SB0015), and XML read
/// from those files refuses a DTD.
/// </summary>
public sealed class ContainmentTests(ITestOutputHelper output)
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
    public void An_internal_error_entering_one_artifact_in_the_symbol_table_makes_it_a_todo_and_the_rest_converts()
    {
        SymbolTable.BeforeArtifact.Value = artifact =>
        {
            if (artifact.Name == "Cursed")
            {
                throw new InvalidOperationException("simulated symbol table bug");
            }
        };
        ConversionResult result;
        try
        {
            result = ConvertWithCursed();
        }
        finally
        {
            SymbolTable.BeforeArtifact.Value = null;
        }

        var error = Assert.Single(result.Diagnostics, d => d.Id == "SB0906");
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.Contains("sequence 'Cursed' in the symbol table", error.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("simulated symbol table bug", error.GetMessage(), StringComparison.Ordinal);
        Assert.EndsWith("bad.xml", error.Location.GetLineSpan().Path, StringComparison.Ordinal);
        Assert.Equal(0, error.Location.GetLineSpan().StartLinePosition.Line);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id is "SB0901" or "SB0902" or "SB0903");
        Assert.True(result.HasErrors);
        AssertGoodApiConverted(result);
        Assert.Contains(result.Files, f => f.Content.Contains("TODO(SB0906)", StringComparison.Ordinal) && f.Content.Contains("name=\"Cursed\"", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Files, f => f.Content.Contains("function cursed", StringComparison.Ordinal));
        var row = Assert.Single(result.Report!.Artifacts, a => a.Name == "Cursed");
        Assert.Equal(ArtifactStatus.NotConverted, row.Status);
    }

    [Fact]
    public void An_internal_error_naming_one_symbol_gives_it_a_fallback_name_and_every_other_name_is_kept()
    {
        var plain = ConvertWithCursed();
        var plainNames = plain.ModuleNames;
        BallerinaRefiner.BeforeName.Value = symbol =>
        {
            if (symbol is { Kind: SynapseToBal.IR.SymbolKind.Function, Hint: "Cursed" })
            {
                throw new InvalidOperationException("simulated naming bug");
            }
        };
        ConversionResult result;
        try
        {
            result = ConvertWithCursed();
        }
        finally
        {
            BallerinaRefiner.BeforeName.Value = null;
        }

        var error = Assert.Single(result.Diagnostics, d => d.Id == "SB0906");
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        var message = error.GetMessage();
        Assert.Contains("naming the function 'Cursed' of the artifact 'Cursed'", message, StringComparison.Ordinal);
        Assert.Contains("simulated naming bug", message, StringComparison.Ordinal);
        Assert.EndsWith("bad.xml", error.Location.GetLineSpan().Path, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id is "SB0901" or "SB0903" or "SB0905");
        Assert.True(result.HasErrors);
        AssertGoodApiConverted(result);

        // The fallback is the symbol's kind and its index among the module's symbols; every other name is as before.
        var fallback = Regex.Match(message, "it is named '(function[0-9]+)'").Groups[1].Value;
        Assert.NotEmpty(fallback);
        var index = plainNames.IndexOf("cursed");
        Assert.True(index >= 0);
        Assert.Equal("function" + (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), fallback);
        Assert.Equal([.. plainNames.SetItem(index, fallback)], result.ModuleNames.ToList());
        Assert.False(result.NamesAsAsked);
        Assert.Contains(result.Files, f => f.RelativePath == "functions.bal" && f.Content.Contains($"function {fallback}(", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Files, f => f.Content.Contains("function cursed(", StringComparison.Ordinal));
        Assert.Contains(result.Files, f => f.RelativePath == "MIGRATION.md");
        AssertParses(result, "a fallback name");
    }

    [Fact]
    public void An_internal_error_naming_one_parameter_gives_it_a_fallback_name_and_the_function_keeps_the_others()
    {
        using var temp = new TempDirectory();
        temp.Write("good.xml", GoodApi);
        temp.Write("tpl.xml", $"""<template xmlns="{Ns}" name="Tpl"><parameter name="first"/><parameter name="second"/><sequence><log level="custom"><property name="a" expression="$func:first"/><property name="b" expression="$func:second"/></log></sequence></template>""");
        BallerinaRefiner.BeforeName.Value = symbol =>
        {
            if (symbol is { Kind: SynapseToBal.IR.SymbolKind.Parameter, Hint: "first" })
            {
                throw new InvalidOperationException("simulated naming bug");
            }
        };
        ConversionResult result;
        try
        {
            result = Converter.Convert(new ConversionOptions(temp.Path));
        }
        finally
        {
            BallerinaRefiner.BeforeName.Value = null;
        }

        var error = Assert.Single(result.Diagnostics, d => d.Id == "SB0906");
        Assert.Contains("naming the parameter 'first'", error.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("it is named 'parameter1'", error.GetMessage(), StringComparison.Ordinal);
        Assert.EndsWith("tpl.xml", error.Location.GetLineSpan().Path, StringComparison.Ordinal);
        AssertGoodApiConverted(result);
        var functions = Assert.Single(result.Files, f => f.RelativePath == "functions.bal").Content;
        Assert.Contains("parameter1", functions, StringComparison.Ordinal);
        Assert.Contains("second", functions, StringComparison.Ordinal);
        AssertParses(result, "a fallback parameter name");
    }

    [Fact]
    public void An_internal_error_building_the_report_outside_its_rows_keeps_the_package()
    {
        MigrationReportBuilder.BeforeTotals.Value = () => throw new InvalidOperationException("simulated totals bug");
        ConversionResult result;
        try
        {
            result = ConvertWithCursed();
        }
        finally
        {
            MigrationReportBuilder.BeforeTotals.Value = null;
        }

        var error = Assert.Single(result.Diagnostics, d => d.Id == "SB0907");
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.Contains("building the migration report", error.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("simulated totals bug", error.GetMessage(), StringComparison.Ordinal);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "SB0901");
        Assert.True(result.HasErrors);
        Assert.Null(result.Report);
        AssertGoodApiConverted(result);
        Assert.Contains(result.Files, f => f.RelativePath == "functions.bal" && f.Content.Contains("function cursed", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Files, f => f.RelativePath == "MIGRATION.md");
    }

    [Theory]
    [InlineData("migration_report.json")]
    [InlineData("migration_report.html")]
    [InlineData("MIGRATION.md")]
    [InlineData("SARIF")]
    public void An_internal_error_writing_one_report_file_keeps_the_package_and_the_other_report_files(string failing)
    {
        using var temp = new TempDirectory();
        temp.Write("in/good.xml", GoodApi);
        temp.Write("in/bad.xml", $"""<sequence xmlns="{Ns}" name="Cursed"><log/></sequence>""");
        var sarif = temp.Combine("log.sarif");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        ReportWriter.BeforeRender.Value = name =>
        {
            if (name == failing)
            {
                throw new InvalidOperationException("simulated writer bug");
            }
        };
        int exit;
        try
        {
            exit = Program.Run(["convert", temp.Combine("in"), "-o", temp.Combine("out"), "--sarif", sarif], stdout, stderr);
        }
        finally
        {
            ReportWriter.BeforeRender.Value = null;
        }

        var all = stdout + "\n" + stderr;
        Assert.Equal(Program.ConvertedWithErrors, exit);
        Assert.DoesNotContain("   at ", all, StringComparison.Ordinal);
        Assert.DoesNotContain("SB0901", all, StringComparison.Ordinal);
        var reported = Regex.Matches(all, "error SB0907: .*").Select(m => m.Value).ToList();
        var line = Assert.Single(reported); // MIGRATION.md is made by the conversion and by the command: reported once
        Assert.Contains(failing == "SARIF" ? "writing the SARIF log" : "writing " + failing, line, StringComparison.Ordinal);
        Assert.Contains("simulated writer bug", line, StringComparison.Ordinal);
        Assert.Contains("service /good on", File.ReadAllText(temp.Combine("out", "main.bal")), StringComparison.Ordinal);
        Assert.Contains("function cursed", File.ReadAllText(temp.Combine("out", "functions.bal")), StringComparison.Ordinal);
        foreach (var file in new[] { "migration_report.json", "migration_report.html", "MIGRATION.md" })
        {
            Assert.Equal(file != failing, File.Exists(temp.Combine("out", file)));
        }

        Assert.Equal(failing != "SARIF", File.Exists(sarif));
        if (failing != "SARIF")
        {
            // The SARIF log is written last: it lists the report file that failed.
            Assert.Contains("SB0907", File.ReadAllText(sarif), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void On_the_command_line_an_internal_error_in_the_symbols_is_an_error_exit_with_no_stack_trace()
    {
        using var temp = new TempDirectory();
        temp.Write("in/good.xml", GoodApi);
        temp.Write("in/bad.xml", $"""<sequence xmlns="{Ns}" name="Cursed"><log/></sequence>""");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        SymbolTable.BeforeArtifact.Value = artifact =>
        {
            if (artifact.Name == "Cursed")
            {
                throw new InvalidOperationException("simulated symbol table bug");
            }
        };
        BallerinaRefiner.BeforeName.Value = symbol =>
        {
            if (symbol.Hint == "http port")
            {
                throw new InvalidOperationException("simulated naming bug");
            }
        };
        int exit;
        try
        {
            exit = Program.Run(["convert", temp.Combine("in"), "-o", temp.Combine("out")], stdout, stderr);
        }
        finally
        {
            SymbolTable.BeforeArtifact.Value = null;
            BallerinaRefiner.BeforeName.Value = null;
        }

        var all = stdout + "\n" + stderr;
        Assert.Equal(Program.ConvertedWithErrors, exit);
        Assert.DoesNotContain("   at ", all, StringComparison.Ordinal);
        Assert.Contains("bad.xml(1,1): error SB0906", all, StringComparison.Ordinal);
        Assert.Contains("naming the configurable 'http port'", all, StringComparison.Ordinal);
        Assert.Contains("service /good on", File.ReadAllText(temp.Combine("out", "main.bal")), StringComparison.Ordinal);
        Assert.True(File.Exists(temp.Combine("out", "MIGRATION.md")));
    }

    private void AssertParses(ConversionResult result, string what)
    {
        if (Balcheck.Locate(out var reason) is not { } tool)
        {
            output.WriteLine($"SKIPPED the parse check: {reason}.");
            return;
        }

        using var temp = new TempDirectory();
        Converter.Write(result, temp.Combine("out"));
        var verdict = Balcheck.Run(tool, temp.Combine("out"));
        Assert.True(verdict.Passed, $"{what} produced Ballerina that does not parse:\n" + verdict.Describe(temp.Combine("out")));
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
