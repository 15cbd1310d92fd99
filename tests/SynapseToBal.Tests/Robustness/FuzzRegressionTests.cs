using System.Xml.Linq;
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

    /// <summary>
    /// Cases 8177 (iterateIDSynapseConfig.xml of the corpus: an <c>&lt;aggregate&gt;</c> moved into the
    /// <c>&lt;m0:getQuote&gt;</c> of a payloadFactory format) and 42803 (foreachMultiplePropertyWithoutIDTestProxy.xml:
    /// a <c>&lt;foreach&gt;</c> moved into the <c>&lt;m0:symbol&gt;</c> of a format) of the 50,000-case run with seed
    /// 20261202, as minimal proxies of the same shape: the format's root uses <c>m0</c> declared above the format, and
    /// an element inside it declares <c>xmlns:m0</c> again (with the same URI) besides using the Synapse namespace as
    /// its default. The namespaces the format inherits were computed by URI over the whole subtree, so the root's
    /// <c>m0</c> counted as declared inside and was not declared on the standalone copy; the XML writer then gave the
    /// root the default namespace, which clashed with the Synapse default the nested element needs:
    /// <c>XmlException: The prefix '' cannot be redefined</c>, the whole file lost (SB0901).
    /// </summary>
    [Theory]
    [InlineData("<m0:getQuote><m0:request><m0:symbol>$1</m0:symbol></m0:request><aggregate id=\"a\"><onComplete xmlns:m0=\"http://services.samples\" expression=\"//m0:getQuoteResponse\"><send/></onComplete></aggregate></m0:getQuote>")]
    [InlineData("<m0:symbol>$1_$1<foreach xmlns:m0=\"http://services.samples\" expression=\"//m0:code\"><sequence><log/></sequence></foreach></m0:symbol>")]
    public void Cases_8177_and_42803_a_prefix_declared_again_inside_a_format_is_still_declared_on_its_root(string format)
    {
        using var temp = new TempDirectory();
        temp.Write("in/NamespaceProxy.xml", $$"""
            <proxy xmlns="http://ws.apache.org/ns/synapse" name="NamespaceProxy" transports="http">
                <target>
                    <inSequence xmlns:m0="http://services.samples">
                        <payloadFactory media-type="xml">
                            <format>{{format}}</format>
                            <args><arg evaluator="xml" expression="//m0:symbol"/></args>
                        </payloadFactory>
                        <respond/>
                    </inSequence>
                </target>
            </proxy>
            """);
        var result = Converter.Convert(new ConversionOptions(temp.Combine("in"), PackageName: "fuzz"));
        Assert.DoesNotContain(result.Diagnostics, d => d.Id.StartsWith("SB09", StringComparison.Ordinal));

        // The root keeps its prefix, declared on it; the nested Synapse element keeps its namespace (PayloadFactoryMediator
        // keeps the format's elements as written).
        var functions = Assert.Single(result.Files, f => f.RelativePath == "functions.bal").Content;
        Assert.Matches("""<m0:(getQuote|symbol) [^>]*xmlns:m0="http://services\.samples" xmlns="http://ws\.apache\.org/ns/synapse">""", functions);
        AssertParses(result, temp);
    }

    /// <summary>
    /// The same shape in an inline XML value kept as text (a property's OM value): the declaration of the root's
    /// prefix is added to the text as written, or <c>xml:fromString</c> would fail on an unbound prefix at run time.
    /// </summary>
    [Fact]
    public void A_prefix_declared_again_inside_an_inline_value_is_still_declared_on_its_root()
    {
        using var temp = new TempDirectory();
        var input = XElement.Parse("""
            <sequence xmlns="http://ws.apache.org/ns/synapse" xmlns:m0="http://services.samples" name="s">
                <property name="p" type="OM"><m0:a><m0:b xmlns:m0="http://services.samples"/><c/></m0:a></property>
                <log level="custom"><property name="p" expression="get-property('p')"/></log>
            </sequence>
            """);
        var value = input.Descendants().Single(e => e.Name.LocalName == "a");
        Assert.Equal(new (string?, string)[] { ("m0", "http://services.samples"), (null, "http://ws.apache.org/ns/synapse") }, SynapseToBal.Syntax.SynapseParser.InheritedNamespaces(value));

        // A use the nearest declaration inside covers is not inherited, whatever other element declares the URI.
        var covered = XElement.Parse("""<x:a xmlns:x="urn:x"><x:b/><y:c xmlns:y="urn:y"/></x:a>""");
        Assert.Empty(SynapseToBal.Syntax.SynapseParser.InheritedNamespaces(covered));
        var sibling = XElement.Parse("""<r xmlns:x="urn:x"><w><x:a/><x:b xmlns:x="urn:x"/></w></r>""").Elements().Single();
        Assert.Equal(new (string?, string)[] { ("x", "urn:x") }, SynapseToBal.Syntax.SynapseParser.InheritedNamespaces(sibling));

        temp.Write("in/s.xml", input.ToString());
        var result = Converter.Convert(new ConversionOptions(temp.Combine("in"), PackageName: "fuzz"));
        Assert.DoesNotContain(result.Diagnostics, d => d.Id.StartsWith("SB09", StringComparison.Ordinal));
        Assert.Contains("""xml:fromString("<m0:a xmlns:m0=\"http://services.samples\" xmlns=\"http://ws.apache.org/ns/synapse\">""", string.Concat(result.Files.Select(f => f.Content)), StringComparison.Ordinal);
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
