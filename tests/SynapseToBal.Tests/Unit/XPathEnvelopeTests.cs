using Microsoft.CodeAnalysis;
using SynapseToBal.Driver;
using SynapseToBal.Tests.Runtime;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// XPath as SynapseXPath evaluates it (issue 9): the string value of a node list (stringValueOf trims each element's own
/// text, nbsp read as a space), enrich targets and iterate's expression and attachPath evaluated over the whole envelope
/// (a target in the SOAP header is written there), and explicit axes that select what <c>//</c> selects.
/// </summary>
public sealed class XPathEnvelopeTests
{
    private static (string Code, IReadOnlyList<Diagnostic> Diagnostics) Convert(string body)
    {
        var folder = Path.Combine(Path.GetTempPath(), "synapse2bal-unit-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            File.WriteAllText(Path.Combine(folder, "a.xml"), $"""<sequence xmlns="http://ws.apache.org/ns/synapse" name="S">{body}</sequence>""");
            var result = Converter.Convert(new ConversionOptions(folder));
            var code = string.Join("\n", result.Files.Where(f => f.RelativePath.EndsWith(".bal", StringComparison.Ordinal) && !f.RelativePath.Contains("support", StringComparison.Ordinal)).Select(f => f.Content));
            return (code, result.Diagnostics);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static IEnumerable<Diagnostic> Untranslated(IReadOnlyList<Diagnostic> diagnostics) => diagnostics.Where(d => d.Id is "SB0203");

    // 1. stringValueOf of a node list.

    [Fact]
    public void The_string_value_of_an_xpath_is_that_of_stringValueOf_over_its_node_list()
    {
        // One element: its own text trimmed (nbsp a space), its XML when blank; several: each element's XML with its
        // own text trimmed, each text node as it is.
        Assert.Contains("function xpathString(xml nodes) returns string => xmlNodesText(nodes);", RuntimeSourceText.Support, StringComparison.Ordinal);
        var single = RuntimeSourceText.Function("xmlNodesText");
        RuntimeSourceText.InOrder(single, "if nodes is xml:Element {", "replaceText(nodes.getChildren().text().data(), \"\\u{A0}\", \" \").trim()",
            "return trimmed == \"\" ? nodes.toString() : trimmed;", "return xpathNodesString(nodes);");
        RuntimeSourceText.InOrder(RuntimeSourceText.Function("xpathNodesString"), "value += xpathElementString(item);", "} else if item is xml:Text {", "value += item.data();");
        RuntimeSourceText.InOrder(RuntimeSourceText.Function("xpathElementString"), "replaceText(own, \"\\u{A0}\", \" \").trim()",
            "return trimmed == \"\" ? serialised : replaceText(serialised, own, trimmed);");
    }

    // 2. Enrich targets and iterate paths over the envelope.

    [Theory]
    [InlineData("//sec:Token", "startAt = \"envelope\"")]
    [InlineData("$header/sec:Security", "startAt = \"header\"")]
    [InlineData("/soapenv:Envelope/soapenv:Header/sec:Security/sec:Token", "startAt = \"header\"")]
    [InlineData("sec:Token", "startAt = \"envelope\"")]
    public void An_enrich_target_is_found_where_synapse_finds_it(string xpath, string start)
    {
        var (code, diagnostics) = Convert($"""
            <enrich xmlns:sec="urn:example:security" xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/">
              <source type="inline" clone="true">x</source><target type="custom" xpath="{xpath}"/>
            </enrich>
            """);
        Assert.DoesNotContain(diagnostics, d => d.Id == "SB0232" || d.Id == "SB0203");
        var line = Assert.Single(code.Split('\n'), l => l.Contains("enrichXml(", StringComparison.Ordinal));
        Assert.EndsWith(start + ");", line.Trim(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("$body/order/id")]
    [InlineData("/soapenv:Envelope/soapenv:Body/order/id")]
    public void A_target_from_the_body_starts_at_the_body(string xpath)
    {
        var (code, _) = Convert($"""
            <enrich xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/">
              <source type="inline" clone="true">x</source><target type="custom" xpath="{xpath}"/>
            </enrich>
            """);
        var line = Assert.Single(code.Split('\n'), l => l.Contains("enrichXml(", StringComparison.Ordinal));
        Assert.DoesNotContain("startAt", line, StringComparison.Ordinal);
    }

    [Fact]
    public void The_runtime_looks_for_the_target_and_its_parent_in_the_envelope()
    {
        var enrich = RuntimeSourceText.Function("enrichXml");
        RuntimeSourceText.InOrder(enrich, "xml:Element scope = body;", "scope = check envelopeOf(ctx, body);", "xml:Element? origin = xpathStart(scope, startAt);",
            "path(origin).elements()", "xml:Element? parent = xmlParent(scope, target);");
        RuntimeSourceText.InOrder(RuntimeSourceText.Function("xpathStart"), "startAt == \"header\" ? envelopePart(scope, \"Header\") : scope");
    }

    [Theory]
    [InlineData("//m0:getQuote/m0:request", "//m0:getQuote", ", matchesFrom = \"envelope\", attachFrom = \"envelope\");")]
    [InlineData("$body/m0:getQuote/m0:request", "//m0:getQuote", ", attachFrom = \"envelope\");")]
    [InlineData("//m0:getQuote/m0:request", "$body/m0:getQuote", ", matchesFrom = \"envelope\");")]
    public void Iterate_evaluates_its_expression_and_attach_path_over_the_envelope(string expression, string attachPath, string ending)
    {
        var (code, _) = Convert($"""
            <iterate xmlns:m0="http://services.samples" expression="{expression}" preservePayload="true" attachPath="{attachPath}">
              <target><sequence><log/></sequence></target>
            </iterate>
            """);
        var line = Assert.Single(code.Split('\n'), l => l.Contains("attachedMessages(", StringComparison.Ordinal));
        Assert.EndsWith(ending, line.Trim(), StringComparison.Ordinal);
        RuntimeSourceText.InOrder(RuntimeSourceText.Function("attachedMessages"), "envelopeOf(base, body)", "matches(origin)", "xmlParent(scope, element)",
            "envelopeOf(message, copyBody)", "attachPath(copyOrigin)");
    }

    [Theory]
    [InlineData("""<foreach xmlns:m0="http://services.samples" expression="//m0:item"><sequence><log/></sequence></foreach>""", "check forEachElements(", ", startAt = \"envelope\");")]
    [InlineData("""<foreach xmlns:m0="http://services.samples" expression="$header/m0:item"><sequence><log/></sequence></foreach>""", "check forEachElements(", ", startAt = \"header\");")]
    [InlineData("""<foreach collection="${xpath('//item')}" parallel-execution="false"><sequence><log/></sequence></foreach>""", "check forEachXmlCopies(", ", startAt = \"envelope\");")]
    public void Foreach_evaluates_its_expression_over_the_envelope(string mediator, string call, string ending)
    {
        var (code, _) = Convert(mediator);
        var line = Assert.Single(code.Split('\n'), l => l.Contains(call, StringComparison.Ordinal));
        Assert.EndsWith(ending, line.Trim(), StringComparison.Ordinal);
        foreach (var name in new[] { "forEachElements", "forEachXmlCopies" })
        {
            RuntimeSourceText.InOrder(RuntimeSourceText.Function(name), "envelopeOf(ctx, body)", "xpathStart(scope, startAt)", "matches(origin)", "xmlParent(scope, matched[0])");
        }
    }

    // 3. Explicit axes.

    [Theory]
    [InlineData("/descendant::symbol", "//symbol")]
    [InlineData("/descendant-or-self::node()/child::symbol", "//symbol")]
    [InlineData("/descendant::m0:symbol[@id = 'a']", "//m0:symbol[@id = 'a']")]
    [InlineData("$body/descendant::symbol", "$body//symbol")]
    [InlineData("$body/child::order/descendant::symbol/text()", "$body/order//symbol/text()")]
    [InlineData("/descendant::soapenv:Body/order", "//soapenv:Body/order")]
    public void An_explicit_axis_reads_as_its_abbreviation(string spelled, string abbreviated)
    {
        string Property(string xpath) => $"""<log level="custom"><property xmlns:m0="http://services.samples" xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" name="p" expression="{xpath}"/></log>""";
        var (code, diagnostics) = Convert(Property(spelled));
        var (expected, _) = Convert(Property(abbreviated));
        Assert.Empty(Untranslated(diagnostics));
        Assert.Equal(Statement(expected), Statement(code));
    }

    [Theory]
    [InlineData("/descendant::item[1]")]
    [InlineData("/descendant::item[last()]")]
    [InlineData("/descendant::*")]
    [InlineData("descendant::item")]
    [InlineData("/descendant-or-self::item")]
    [InlineData("$body/order/descendant-or-self::item")]
    public void Other_explicit_axes_stay_untranslated(string xpath)
    {
        var (_, diagnostics) = Convert($"""<property name="p" expression="{xpath}"/>""");
        Assert.Single(Untranslated(diagnostics));
    }

    private static string Statement(string code) =>
        Assert.Single(code.Split('\n'), l => l.Contains("log:print", StringComparison.Ordinal)).Trim();
}
