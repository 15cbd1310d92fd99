using SynapseToBal.Driver;
using SynapseToBal.Tests.Gates;
using SynapseToBal.Tests.Golden;
using SynapseToBal.Tests.Project;
using Xunit;
using Xunit.Abstractions;

namespace SynapseToBal.Tests.Robustness;

/// <summary>
/// Cases the mutation fuzzer (<see cref="FuzzTests"/>) found, as minimal inputs of the same shape so that they run without
/// <c>../shared/corpus</c>, and the structural check they exercised (<see cref="GeneratedCodeShapeTests.AssertWellShaped"/>).
/// </summary>
public sealed class FuzzRegressionTests(ITestOutputHelper output)
{
    /// <summary>
    /// Case 6795 of the default run (seed 20261130): a proxy of the corpus whose payloadFactory's XML text the mutation
    /// replaced by one backtick. The converter writes the backtick in the XML template as <c>${"`"}</c>, which Ballerina
    /// reads as an interpolation of a string literal; the structural check took the template to end at that backtick and
    /// found the braces unbalanced. Written here as a minimal proxy of the same shape (no corpus text in the repository).
    /// </summary>
    private const string Case6795 = """
        <proxy xmlns="http://ws.apache.org/ns/synapse" name="BacktickProxy" transports="http,https">
            <target>
                <inSequence>
                    <log level="custom"><property name="symbol" expression="$trp:Symbol"/></log>
                    <payloadFactory media-type="xml">
                        <format>
                            <m:symbol xmlns:m="http://example.com/quotes">`</m:symbol>
                        </format>
                    </payloadFactory>
                    <respond/>
                </inSequence>
            </target>
        </proxy>
        """;

    [Theory]
    [InlineData("`")]
    [InlineData("`${x}`")]
    [InlineData("a`b`c{(")]
    public void Case_6795_a_backtick_in_xml_text_is_an_interpolation_every_check_reads_as_Ballerina_does(string text)
    {
        using var temp = new TempDirectory();
        var input = temp.Write("in/BacktickProxy.xml", Case6795.Replace(">`</m:symbol>", ">" + System.Security.SecurityElement.Escape(text) + "</m:symbol>", StringComparison.Ordinal));
        var result = Converter.Convert(new ConversionOptions(Path.GetDirectoryName(input)!, PackageName: "fuzz"));
        Assert.DoesNotContain(result.Diagnostics, d => d.Id.StartsWith("SB09", StringComparison.Ordinal));

        var functions = Assert.Single(result.Files, f => f.RelativePath == "functions.bal").Content;
        Assert.Contains("${\"`\"}", functions, StringComparison.Ordinal);
        AssertParses(result, temp);
    }

    /// <summary>
    /// Case 4639 of the default run (seed 20261130), as reconstructed from its description (msg_store.xml of the
    /// corpus's JMS message-injection tests; the value of a property replaced, then one character replaced by a
    /// backtick): a backtick in the name of a property of the main sequence's out flow. The property becomes a field
    /// of the typed context record, <c>ctx.properties.target\.\`ndpoint</c>, a Ballerina identifier with escapes, which
    /// the structural check took for the start of a template.
    /// </summary>
    [Fact]
    public void Case_4639_a_backtick_in_a_property_name_is_an_identifier_escape()
    {
        using var temp = new TempDirectory();
        temp.Write("in/msg_store.xml", """
            <definitions xmlns="http://ws.apache.org/ns/synapse">
                <sequence name="main">
                    <in><send><endpoint><address uri="http://localhost:9000/services/SimpleStockQuoteService"/></endpoint></send></in>
                    <out>
                        <property name="OUT_ONLY" value="{{ 1 + 1 }}" />
                        <property name="target.`ndpoint" value="jsmQueueEP"/>
                        <respond/>
                    </out>
                </sequence>
            </definitions>
            """);
        var result = Converter.Convert(new ConversionOptions(temp.Combine("in"), PackageName: "fuzz"));
        Assert.DoesNotContain(result.Diagnostics, d => d.Id.StartsWith("SB09", StringComparison.Ordinal));
        Assert.Contains("target\\.\\`ndpoint", string.Concat(result.Files.Select(f => f.Content)), StringComparison.Ordinal);
        AssertParses(result, temp);
    }

    /// <summary>Every generated file passes the structural check, and the package the official parser (when present).</summary>
    private void AssertParses(ConversionResult result, TempDirectory temp)
    {
        foreach (var file in result.Files.Where(f => f.RelativePath.EndsWith(".bal", StringComparison.Ordinal)))
        {
            GeneratedCodeShapeTests.AssertWellShaped(file.RelativePath, file.Content.Split('\n'));
        }

        if (Balcheck.Locate(out var reason) is not { } tool)
        {
            output.WriteLine($"SKIPPED the parse check: {reason}.");
            return;
        }

        Converter.Write(result, temp.Combine("out"));
        var verdict = Balcheck.Run(tool, temp.Combine("out"));
        Assert.True(verdict.Passed, "the Ballerina generated for the case does not parse:\n" + verdict.Describe(temp.Combine("out")));
    }

    [Fact]
    public void The_structural_check_reads_an_identifier_escape_as_part_of_the_identifier()
    {
        Assert.Equal("ctx.properties.target\\_\\_ndpoint = \"\";", GeneratedCodeShapeTests.CodeOutsideLiterals("ctx.properties.target\\.\\`ndpoint = \"x\";", out var unterminated));
        Assert.Null(unterminated);
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => GeneratedCodeShapeTests.AssertWellShaped("x.bal", ["function f() {", "    x.a\\{ = 1;", "}", "}"]));
    }

    [Fact]
    public void The_structural_check_counts_the_code_of_interpolations_and_ignores_the_text_of_literals_and_comments()
    {
        var code = GeneratedCodeShapeTests.CodeOutsideLiterals("f(xml `<a>${\"`\"}(</a>`, \"}\\\"(\"); // (\n# doc {\ng(`${h(`${i(\"`\")}`)}`);", out var unterminated);
        Assert.Null(unterminated);
        Assert.Equal("f(xml `${\"\"}`, \"\"); \n\ng(`${h(`${i(\"\")}`)}`);", code);

        // An interpolation's own parentheses and braces count.
        Assert.Equal("x = `${f(}`;", GeneratedCodeShapeTests.CodeOutsideLiterals("x = `${f(\"(\")}`;", out _).Replace(")", "", StringComparison.Ordinal).Replace("\"\"", "", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("x = `abc;\ny();", "line 1: a template is not closed")]
    [InlineData("x = `${f(\"a\";\ny();", "line 1: an interpolation ${...} is not closed")]
    [InlineData("x = \"abc;\ny();", "line 1: a string literal is not closed on its line")]
    [InlineData("f();\nx = \"a\\\"", "line 2: a string literal is not closed on its line")]
    public void The_structural_check_refuses_a_literal_that_is_not_closed(string code, string expected)
    {
        GeneratedCodeShapeTests.CodeOutsideLiterals(code, out var unterminated);
        Assert.Equal(expected, unterminated);
        Assert.ThrowsAny<Exception>(() => GeneratedCodeShapeTests.AssertWellShaped("x.bal", code.Split('\n')));
    }

    [Theory]
    [InlineData("function f() {\n    x = xml `<a>${g(\"`\"}</a>`;\n}")]
    [InlineData("function f() {\n    x = `${ {a: 1}.toString() }`;\n}\n}")]
    public void The_structural_check_still_finds_unbalanced_code_in_an_interpolation(string code) =>
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => GeneratedCodeShapeTests.AssertWellShaped("x.bal", code.Split('\n')));
}
