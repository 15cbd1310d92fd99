using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using SynapseToBal.Cli;
using SynapseToBal.Driver;
using SynapseToBal.Emit;
using SynapseToBal.Lowering;
using SynapseToBal.Syntax;
using SynapseToBal.Tests.Project;
using Xunit;

namespace SynapseToBal.Tests.Robustness;

/// <summary>
/// Bad input (issue 13): each kind gives a diagnostic with the file and a position, the other artifacts of the
/// input still convert, and the exit code says there were errors. Nothing reaches the user as a stack trace.
/// </summary>
public sealed class BadInputTests
{
    private const string Ns = "http://ws.apache.org/ns/synapse";

    private static readonly string GoodApi =
        $"""<api xmlns="{Ns}" name="GoodApi" context="/good"><resource methods="GET"><inSequence><respond/></inSequence></resource></api>""";

    /// <summary>Converts a folder holding the good API beside <paramref name="name"/> with the given bytes.</summary>
    private static ConversionResult ConvertBeside(TempDirectory temp, string name, byte[] bytes)
    {
        temp.Write("good.xml", GoodApi);
        File.WriteAllBytes(temp.Combine(name), bytes);
        return Converter.Convert(new ConversionOptions(temp.Path));
    }

    private static void AssertGoodApiConverted(ConversionResult result) =>
        Assert.Contains(result.Files, f => f.RelativePath == "main.bal" && f.Content.Contains("service /good on", StringComparison.Ordinal));

    private static Diagnostic Single(ConversionResult result, string code) =>
        Assert.Single(result.Diagnostics, d => d.Id == code);

    [Theory]
    [InlineData("empty.xml", "")]
    [InlineData("truncated.xml", "<sequence xmlns=\"http://ws.apache.org/ns/synapse\" name=\"s\"><log>")]
    [InlineData("garbage.xml", "this is not XML at all")]
    public void Malformed_files_are_an_error_with_a_position_and_the_rest_converts(string name, string content)
    {
        using var temp = new TempDirectory();
        var result = ConvertBeside(temp, name, Encoding.UTF8.GetBytes(content));
        var malformed = Single(result, "SB0002");
        Assert.Equal(DiagnosticSeverity.Error, malformed.Severity);
        Assert.EndsWith(name, malformed.Location.GetLineSpan().Path, StringComparison.Ordinal);
        Assert.True(result.HasErrors);
        AssertGoodApiConverted(result);
    }

    [Fact]
    public void A_binary_file_is_malformed_xml_not_a_crash()
    {
        using var temp = new TempDirectory();
        var bytes = Enumerable.Range(0, 4096).Select(i => (byte)(i * 31 % 256)).ToArray();
        var result = ConvertBeside(temp, "binary.xml", bytes);
        Assert.Equal(DiagnosticSeverity.Error, Single(result, "SB0002").Severity);
        AssertGoodApiConverted(result);
    }

    [Fact]
    public void A_declared_latin_1_file_is_read_in_its_encoding()
    {
        using var temp = new TempDirectory();
        var text = $"""<?xml version="1.0" encoding="ISO-8859-1"?><sequence xmlns="{Ns}" name="latin"><log level="custom"><property name="greeting" value="café"/></log></sequence>""";
        var result = ConvertBeside(temp, "latin.xml", Encoding.Latin1.GetBytes(text));
        Assert.DoesNotContain(result.Diagnostics, d => d.Id is "SB0002" or "SB0012");
        Assert.Contains(result.Files, f => f.Content.Contains("café", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Files, f => f.Content.Contains('\uFFFD'));
    }

    [Fact]
    public void Utf16_with_a_byte_order_mark_is_read()
    {
        using var temp = new TempDirectory();
        var text = $"""<?xml version="1.0" encoding="UTF-16"?><sequence xmlns="{Ns}" name="wide"><log level="custom"><property name="greeting" value="日本"/></log></sequence>""";
        var result = ConvertBeside(temp, "wide.xml", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)]);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id is "SB0002" or "SB0012");
        Assert.Contains(result.Files, f => f.Content.Contains("日本", StringComparison.Ordinal));
    }

    [Fact]
    public void Invalid_utf8_without_a_declaration_is_read_as_windows_1252_and_said_so()
    {
        using var temp = new TempDirectory();
        var text = $"""<sequence xmlns="{Ns}" name="legacy"><log level="custom"><property name="greeting" value="café"/></log></sequence>""";
        var result = ConvertBeside(temp, "legacy.xml", Encoding.Latin1.GetBytes(text));
        var guessed = Single(result, "SB0012");
        Assert.Equal(DiagnosticSeverity.Warning, guessed.Severity);
        Assert.Contains("windows-1252", guessed.GetMessage(), StringComparison.Ordinal);
        Assert.Contains(result.Files, f => f.Content.Contains("café", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unknown_declared_encoding_is_said_so()
    {
        using var temp = new TempDirectory();
        var text = $"""<?xml version="1.0" encoding="x-no-such-charset"?><sequence xmlns="{Ns}" name="odd"><log/></sequence>""";
        var result = ConvertBeside(temp, "odd.xml", Encoding.ASCII.GetBytes(text));
        Assert.Contains("x-no-such-charset", Single(result, "SB0012").GetMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(XmlSource.MaxElementDepth + 1)]
    [InlineData(100_000)]
    public void Very_deep_nesting_is_refused_with_a_diagnostic_not_a_stack_overflow(int depth)
    {
        using var temp = new TempDirectory();
        var levels = (depth - 1) / 2;
        var text = new StringBuilder($"""<sequence xmlns="{Ns}" name="deep">""");
        for (var i = 0; i < levels; i++)
        {
            text.Append("<filter xpath=\"true()\"><then>");
        }

        text.Append("<log/>");
        for (var i = 0; i < levels; i++)
        {
            text.Append("</then></filter>");
        }

        text.Append("</sequence>");
        var result = ConvertBeside(temp, "deep.xml", Encoding.UTF8.GetBytes(text.ToString()));
        var deep = Single(result, "SB0108");
        Assert.Equal(DiagnosticSeverity.Error, deep.Severity);
        Assert.True(deep.Location.GetLineSpan().StartLinePosition.Character > 0, "the error points at the element past the limit");
        AssertGoodApiConverted(result);
    }

    [Fact]
    public void Nesting_up_to_the_limit_converts()
    {
        using var temp = new TempDirectory();
        var levels = 60;
        var text = $"""<sequence xmlns="{Ns}" name="nested">""" + string.Concat(Enumerable.Repeat("<filter xpath=\"true()\"><then>", levels))
            + "<log/>" + string.Concat(Enumerable.Repeat("</then></filter>", levels)) + "</sequence>";
        var result = ConvertBeside(temp, "nested.xml", Encoding.UTF8.GetBytes(text));
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Contains(result.Files, f => f.Content.Contains("function nested", StringComparison.Ordinal));
    }

    [Fact]
    public void Deeply_nested_expression_brackets_are_a_syntax_error_not_a_stack_overflow()
    {
        using var temp = new TempDirectory();
        var expression = new string('(', 50_000) + "1" + new string(')', 50_000);
        var text = $"""<sequence xmlns="{Ns}" name="brackets"><property name="x" expression="{expression}"/><log/></sequence>""";
        var result = ConvertBeside(temp, "brackets.xml", Encoding.UTF8.GetBytes(text));
        Assert.Contains(result.Diagnostics, d => d.Id == "SB0214" && d.GetMessage().Contains("nest more than", StringComparison.Ordinal));
        AssertGoodApiConverted(result);
    }

    [Fact]
    public void A_file_beyond_the_size_limit_is_an_error_and_never_read()
    {
        using var temp = new TempDirectory();
        temp.Write("good.xml", GoodApi);
        temp.Write("huge.xml", $"""<sequence xmlns="{Ns}" name="Huge"><log/></sequence>""" + new string(' ', 5_000));
        var diagnostics = new SynapseToBal.Diagnostics.DiagnosticBag();
        var project = SynapseToBal.Project.ProjectLoader.Load(temp.Path, diagnostics, new SynapseToBal.Project.LoadLimits(MaxFileBytes: 4_000));
        var error = Assert.Single(diagnostics.Items, d => d.Id == "SB0015");
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.EndsWith("huge.xml", error.Location.GetLineSpan().Path, StringComparison.Ordinal);
        Assert.Contains("4000 bytes", error.GetMessage(), StringComparison.Ordinal);
        Assert.Equal("good.xml", Assert.Single(project.Documents).DisplayPath);
    }

    [Fact]
    public void A_large_file_under_the_limit_converts()
    {
        using var temp = new TempDirectory();
        var text = new StringBuilder($"""<sequence xmlns="{Ns}" name="Large"><property name="big" value="{new string('x', 4_000_000)}"/>""");
        for (var i = 0; i < 3_000; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"""<log level="custom"><property name="n{i}" value="v{i}"/></log>""");
        }

        text.Append("</sequence>");
        var result = ConvertBeside(temp, "large.xml", Encoding.UTF8.GetBytes(text.ToString()));
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        var functions = Assert.Single(result.Files, f => f.RelativePath == "functions.bal");
        Assert.Contains("function large", functions.Content, StringComparison.Ordinal);
        Assert.Contains("\"v2999\"", functions.Content, StringComparison.Ordinal);
        AssertGoodApiConverted(result);
    }

    [Fact]
    public void Duplicate_names_cycles_missing_references_and_unknown_attributes_are_diagnostics()
    {
        using var temp = new TempDirectory();
        temp.Write("a.xml", $"""<sequence xmlns="{Ns}" name="Loop"><sequence key="Other"/></sequence>""");
        temp.Write("b.xml", $"""<sequence xmlns="{Ns}" name="Other"><sequence key="Loop"/><sequence key="Missing"/></sequence>""");
        temp.Write("c.xml", $"""<sequence xmlns="{Ns}" name="Loop"><log/></sequence>""");
        temp.Write("d.xml", $"""<sequence xmlns="{Ns}" name="Odd" colour="blue"><log/></sequence>""");
        var result = Converter.Convert(new ConversionOptions(temp.Path));
        Assert.Contains(result.Diagnostics, d => d.Id == "SB0501" && d.GetMessage().Contains("Loop", StringComparison.Ordinal));
        Assert.Contains(result.Diagnostics, d => d.Id == "SB0503");
        Assert.Contains(result.Diagnostics, d => d.Id == "SB0502" && d.GetMessage().Contains("Missing", StringComparison.Ordinal));
        Assert.Contains(result.Diagnostics, d => d.Id == "SB0107" && d.GetMessage().Contains("colour", StringComparison.Ordinal));
        Assert.All(result.Diagnostics.Where(d => d.Id is "SB0501" or "SB0502" or "SB0107"), d => Assert.EndsWith(".xml", d.Location.GetLineSpan().Path, StringComparison.Ordinal));
        Assert.Contains(result.Files, f => f.Content.Contains("function odd", StringComparison.Ordinal));
    }

    [Fact]
    public void A_wrong_namespace_is_reported_and_skipped()
    {
        using var temp = new TempDirectory();
        var result = ConvertBeside(temp, "ns.xml", Encoding.UTF8.GetBytes("<sequence xmlns=\"http://example.com/not-synapse\" name=\"wrongNamespace\"><log/></sequence>"));
        Assert.EndsWith("ns.xml", Single(result, "SB0003").Location.GetLineSpan().Path, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Files, f => f.Content.Contains("wrongNamespace", StringComparison.Ordinal) && f.RelativePath.EndsWith(".bal", StringComparison.Ordinal));
        AssertGoodApiConverted(result);
    }

    [Fact]
    public void A_missing_namespace_is_read_as_synapse_and_said_so()
    {
        using var temp = new TempDirectory();
        var result = ConvertBeside(temp, "ns.xml", Encoding.UTF8.GetBytes("<sequence name=\"noNamespace\"><log/></sequence>"));
        var warning = Single(result, "SB0109");
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Equal(new Microsoft.CodeAnalysis.Text.LinePosition(0, 0), warning.Location.GetLineSpan().StartLinePosition);
        Assert.Contains(result.Files, f => f.RelativePath == "functions.bal" && f.Content.Contains("noNamespace", StringComparison.Ordinal));
    }

    [Fact]
    public void An_internal_error_in_one_artifact_is_reported_with_its_name_and_the_rest_converts()
    {
        using var temp = new TempDirectory();
        temp.Write("good.xml", GoodApi);
        temp.Write("bad.xml", $"""<sequence xmlns="{Ns}" name="Cursed"><log/></sequence>""");
        Lowerer.BeforeArtifact.Value = artifact =>
        {
            if (artifact.Name == "Cursed")
            {
                throw new InvalidOperationException("simulated converter bug");
            }
        };
        ConversionResult result;
        try
        {
            result = Converter.Convert(new ConversionOptions(temp.Path));
        }
        finally
        {
            Lowerer.BeforeArtifact.Value = null;
        }

        var error = Single(result, "SB0902");
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.Contains("'Cursed'", error.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("simulated converter bug", error.GetMessage(), StringComparison.Ordinal);
        Assert.EndsWith("bad.xml", error.Location.GetLineSpan().Path, StringComparison.Ordinal);
        AssertGoodApiConverted(result);
        Assert.Contains(result.Files, f => f.Content.Contains("TODO(SB0902)", StringComparison.Ordinal) && f.Content.Contains("name=\"Cursed\"", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("CursedApi", "API")]
    [InlineData("CursedSeq", "function")]
    public void An_internal_error_while_generating_one_construct_is_reported_with_its_name_and_the_rest_is_generated(string cursed, string kind)
    {
        using var temp = new TempDirectory();
        temp.Write("good.xml", GoodApi);
        temp.Write("api.xml", $"""<api xmlns="{Ns}" name="CursedApi" context="/cursed"><resource methods="GET"><inSequence><sequence key="CursedSeq"/><respond/></inSequence></resource></api>""");
        temp.Write("seq.xml", $"""<sequence xmlns="{Ns}" name="CursedSeq"><log/></sequence>""");
        temp.Write("other.xml", $"""<sequence xmlns="{Ns}" name="OtherSeq"><log/></sequence>""");
        PackageEmitter.BeforeConstruct.Value = name =>
        {
            if (name == cursed)
            {
                throw new InvalidOperationException("simulated emitter bug");
            }
        };
        ConversionResult result;
        try
        {
            // Four threads: the constructs of a file are rendered in parallel, and the guard must hold there too.
            result = Converter.Convert(new ConversionOptions(temp.Path) { MaxDegreeOfParallelism = 4 });
        }
        finally
        {
            PackageEmitter.BeforeConstruct.Value = null;
        }

        var error = Single(result, "SB0903");
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.Contains($"the code of the {kind} '{cursed}'", error.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("simulated emitter bug", error.GetMessage(), StringComparison.Ordinal);
        Assert.EndsWith(kind == "API" ? "api.xml" : "seq.xml", error.Location.GetLineSpan().Path, StringComparison.Ordinal);
        Assert.True(result.HasErrors);
        AssertGoodApiConverted(result);
        Assert.Contains(result.Files, f => f.RelativePath == "functions.bal" && f.Content.Contains("function otherSeq", StringComparison.Ordinal));
        var todo = Assert.Single(result.Files, f => f.Content.Contains("TODO(SB0903)", StringComparison.Ordinal));
        Assert.Equal(kind == "API" ? "main.bal" : "functions.bal", todo.RelativePath);
        if (kind == "API")
        {
            Assert.Contains("// <api xmlns=", todo.Content, StringComparison.Ordinal); // the original XML, to write it by hand
            Assert.DoesNotContain("service /cursed on", todo.Content, StringComparison.Ordinal);
        }
        else
        {
            Assert.DoesNotContain("function cursedSeq", todo.Content, StringComparison.Ordinal);
        }

        // The report links the TODO to the diagnostic (its source file and line).
        var link = Assert.Single(result.Report!.Todos, t => t.Code == "SB0903");
        Assert.EndsWith(kind == "API" ? "api.xml" : "seq.xml", link.SourceFile, StringComparison.Ordinal);
    }

    [Fact]
    public void The_exit_code_says_there_were_errors_and_no_stack_trace_is_printed()
    {
        using var temp = new TempDirectory();
        temp.Write("in/good.xml", GoodApi);
        temp.Write("in/broken.xml", "<api");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = Program.Run(["convert", temp.Combine("in"), "-o", temp.Combine("out")], stdout, stderr);
        Assert.Equal(Program.ConvertedWithErrors, exit);
        var all = stdout + "\n" + stderr;
        Assert.Contains("broken.xml(1,", all, StringComparison.Ordinal);
        Assert.Contains("error SB0002", all, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", all, StringComparison.Ordinal);
        Assert.True(File.Exists(temp.Combine("out", "main.bal")));
    }
}
