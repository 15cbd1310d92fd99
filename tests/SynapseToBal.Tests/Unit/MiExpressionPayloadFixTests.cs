using System.Globalization;
using Microsoft.CodeAnalysis;
using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Syntax;
using SynapseToBal.Syntax.Expressions;
using SynapseToBal.Tests.Runtime;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// Meaning fixes from a Micro Integrator review of unseen projects: json-eval's trailing dot, the first element of an
/// XML payloadFactory format, SYSTEM_DATE without a format, XPath over a property's XML, and <c>//text()</c> steps.
/// </summary>
public sealed class MiExpressionPayloadFixTests
{
    private const string Ns = "http://ws.apache.org/ns/synapse";

    private static (FunctionIr Sequence, DiagnosticBag Diagnostics) Lower(string mediators)
    {
        var (package, diagnostics) = ArtifactLowering.Definitions($"""<sequence name="S">{mediators}</sequence>""");
        return (package.Functions.Single(f => f.Kind == FunctionKind.Sequence), diagnostics);
    }

    private static string MainBal(string mediators) =>
        ArtifactConversion.Convert([$"""<api xmlns="{Ns}" name="A" context="/a"><resource methods="POST" uri-template="/"><inSequence>{mediators}<respond/></inSequence></resource></api>"""])["main.bal"];

    private static IEnumerable<string> Messages(DiagnosticBag diagnostics, DiagnosticDescriptor descriptor) =>
        diagnostics.Items.Where(d => d.Id == descriptor.Id).Select(d => d.GetMessage(CultureInfo.InvariantCulture));

    [Theory]
    [InlineData("$.", "$")]
    [InlineData("$.a.", "$.a")]
    [InlineData("$ctx:p.", "$ctx:p")]
    public void A_trailing_dot_of_a_json_path_is_dropped_as_SynapseJsonPath_does(string path, string same)
    {
        var parsed = ExpressionParser.Parse(path, ExpressionLanguage.JsonPath);
        var expected = ExpressionParser.Parse(same, ExpressionLanguage.JsonPath);

        Assert.True(parsed.Success, string.Join("; ", parsed.Errors.Select(e => e.Message)));
        Assert.Equal(path, parsed.Text);
        Assert.Equal(ExpressionPrinter.Print(expected.Root), ExpressionPrinter.Print(parsed.Root));
    }

    [Fact]
    public void Only_one_trailing_dot_is_dropped()
    {
        Assert.False(ExpressionParser.Parse("$..", ExpressionLanguage.JsonPath).Success);
    }

    [Fact]
    public void Json_eval_of_the_whole_body_with_a_dot_is_translated()
    {
        var (_, diagnostics) = Lower("""<property name="whole" expression="json-eval($.)"/><log level="custom"><property name="w" expression="$ctx:whole"/></log>""");

        Assert.DoesNotContain(diagnostics.Items, d => d.Id is "SB0214" or "SB0203");
    }

    [Fact]
    public void An_xml_format_keeps_only_its_first_element_and_reports_the_rest()
    {
        var (sequence, diagnostics) = Lower("""<payloadFactory media-type="xml"><format>a <!-- c --><reply xmlns=""><id>$1</id></reply>junk<other xmlns=""/></format><args><arg value="7"/></args></payloadFactory>""");

        var payload = Assert.Single(IrWalker.Steps(sequence.Body).OfType<SetPayloadStep>());
        var text = string.Concat(payload.Template.OfType<TemplatePart.Text>().Select(t => t.Content));
        Assert.Equal("<reply><id>7</id></reply>", text);
        Assert.NotNull(payload.Xml);
        var message = Assert.Single(Messages(diagnostics, DiagnosticCatalog.PayloadFormatContentDropped));
        Assert.Contains("the text 'a' before it", message, StringComparison.Ordinal);
        Assert.Contains("the text 'junk' after it", message, StringComparison.Ordinal);
        Assert.Contains("the element <other> after it", message, StringComparison.Ordinal);
        Assert.Contains("<reply>", message, StringComparison.Ordinal);
        Assert.DoesNotContain("comment", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""<payloadFactory><format>  <a xmlns=""/>  <!-- only a comment --> </format><args/></payloadFactory>""")]
    [InlineData("""<payloadFactory media-type="json"><format>{"a": 1}</format><args/></payloadFactory>""")]
    [InlineData("""<payloadFactory media-type="text"><format>plain $1</format><args><arg value="x"/></args></payloadFactory>""")]
    public void A_format_with_nothing_besides_its_element_or_a_json_or_text_format_is_not_reported(string mediator)
    {
        var (_, diagnostics) = Lower(mediator);

        Assert.Empty(Messages(diagnostics, DiagnosticCatalog.PayloadFormatContentDropped));
    }

    [Fact]
    public void A_text_format_keeps_its_text_and_elements_as_before()
    {
        var (sequence, diagnostics) = Lower("""<payloadFactory media-type="text"><format>a <b xmlns=""/> c</format><args/></payloadFactory>""");

        var payload = Assert.Single(IrWalker.Steps(sequence.Body).OfType<SetPayloadStep>());
        Assert.Equal("a <b /> c", string.Concat(payload.Template.OfType<TemplatePart.Text>().Select(t => t.Content)));
        Assert.Empty(Messages(diagnostics, DiagnosticCatalog.PayloadFormatContentDropped));
    }

    [Fact]
    public void System_date_without_a_format_is_the_short_en_US_pattern_with_a_note()
    {
        var (_, diagnostics) = Lower("""<property name="now" expression="get-property('SYSTEM_DATE')"/><log level="custom"><property name="n" expression="$ctx:now"/></log>""");
        var main = MainBal("""<property name="now" expression="get-property('SYSTEM_DATE')"/><log level="custom"><property name="n" expression="$ctx:now"/></log>""");

        Assert.Contains("""formatSystemDate(["M", "'/", "d", "'/", "yy", "', ", "h", "':", "mm", "' ", "a"])""", main, StringComparison.Ordinal);
        Assert.DoesNotContain("time:utcToString", main, StringComparison.Ordinal);
        Assert.Single(Messages(diagnostics, DiagnosticCatalog.SystemDateServerLocale));
    }

    [Fact]
    public void System_date_with_a_format_has_no_note()
    {
        var (_, diagnostics) = Lower("""<property name="now" expression="get-property('SYSTEM_DATE', 'yyyy-MM-dd')"/><log level="custom"><property name="n" expression="$ctx:now"/></log>""");

        Assert.Empty(Messages(diagnostics, DiagnosticCatalog.SystemDateServerLocale));
    }

    [Theory]
    [InlineData("$ctx:resp//*[local-name()='DID']/text()", "xpathTextValues(")]
    [InlineData("$ctx:resp//DID", "xpathString(")]
    [InlineData("$ctx:resp/DID/text()", "xpathTextValues(")]
    [InlineData("$ctx:resp//text()", "xpathDescendantTexts(")]
    public void A_path_over_a_property_navigates_its_xml(string expression, string reader)
    {
        var mediators = $"""<property name="resp" expression="$body/*" type="OM"/><property name="DID" expression="{expression}"/><log level="custom"><property name="d" expression="$ctx:DID"/></log>""";
        var (_, diagnostics) = Lower(mediators);
        var main = MainBal(mediators);

        Assert.DoesNotContain(diagnostics.Items, d => d.Id is "SB0203" or "SB0214");
        Assert.Contains("xmlProperty(ctx, \"resp\")", main, StringComparison.Ordinal);
        Assert.Contains(reader, main, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_alone_reads_every_text_node_of_the_envelope()
    {
        var mediators = """<property name="all" expression="//text()"/><log level="custom"><property name="a" expression="$ctx:all"/></log>""";
        var (_, diagnostics) = Lower(mediators);
        var main = MainBal(mediators);

        Assert.DoesNotContain(diagnostics.Items, d => d.Id is "SB0203" or "SB0214");
        // The message's own envelope, not a copy (reading it changes nothing).
        Assert.Contains("xpathDescendantTexts((check soapEnvelope(ctx)))", main, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("$trp:Accept/a", "a transport header is a String")]
    public void Paths_still_untranslated_name_the_reason(string expression, string reason)
    {
        var (_, diagnostics) = Lower($"""<property name="x" expression="{expression}"/><log level="custom"><property name="x" expression="$ctx:x"/></log>""");

        var message = Assert.Single(Messages(diagnostics, DiagnosticCatalog.ExpressionNotTranslated));
        Assert.Contains(reason, message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_path_from_a_local_entry_key_reads_the_property_alone()
    {
        // $ctx: is synCtx.getProperty (SynapseXPathVariableContext), which never falls back to a local entry: the path
        // navigates the property's XML, as for any other name.
        var diagnostics = new DiagnosticBag();
        var package = ArtifactLowering.Lower(
            diagnostics,
            $"""<localEntry xmlns="{Ns}" key="cfg"><c xmlns=""><DID>1</DID></c></localEntry>""",
            $"""<sequence xmlns="{Ns}" name="S"><property name="x" expression="$ctx:cfg/DID"/><log level="custom"><property name="x" expression="$ctx:x"/></log></sequence>""");

        Assert.Empty(Messages(diagnostics, DiagnosticCatalog.ExpressionNotTranslated));
        var navigations = package.Functions.SelectMany(f => IrWalker.Steps(f.Body)).OfType<SetPropertyStep>()
            .SelectMany(s => IrWalker.Descendants(s.Value)).OfType<XmlNavigationIr>().ToList();
        Assert.Contains(navigations, n => n.RootProperty == "cfg");
    }

    [Fact]
    public void Body_descendant_text_is_every_text_node_below_the_body_in_document_order()
    {
        var main = MainBal("""<property name="t" expression="$body//text()"/><log level="custom"><property name="t" expression="$ctx:t"/></log>""");

        Assert.Contains("xpathConcat(xpathDescendantTexts(", main, StringComparison.Ordinal);
    }

    [Fact]
    public void Descendant_texts_of_nested_parents_are_counted_once()
    {
        // `//a//text()` over <a>x<a>y</a></a>: the node-set is x, y (each text once), not x, y, y.
        var texts = RuntimeSourceText.Function("xpathDescendantTexts");
        RuntimeSourceText.InOrder(texts, "if parent is xml:Element && !elementWithinAny(parent, roots) {", "roots.push(parent);", "values.push(...elementDescendantTexts(parent));");
        Assert.Contains("child === element", RuntimeSourceText.Function("elementWithinAny"), StringComparison.Ordinal);
    }
}
