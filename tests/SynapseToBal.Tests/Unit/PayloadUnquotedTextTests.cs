using System.Globalization;
using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Tests.Runtime;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// SB0610: an argument outside quotes in a JSON payloadFactory template whose value is text. The Micro Integrator pastes
/// the text as it is (TemplateProcessor.prepareReplacementValue, RegexTemplateProcessor), the generated toJson quotes it.
/// </summary>
public sealed class PayloadUnquotedTextTests
{
    private static string[] Messages(string factory)
    {
        var (_, diagnostics) = ArtifactLowering.Definitions($"""<sequence name="S">{factory}</sequence>""");
        return diagnostics.Items.Where(d => d.Id == DiagnosticCatalog.PayloadUnquotedText.Id).Select(d => d.GetMessage(CultureInfo.InvariantCulture)).ToArray();
    }

    [Fact]
    public void A_literal_that_is_no_json_text_is_reported_with_its_value()
    {
        var messages = Messages("""<payloadFactory media-type="json"><format>{"a": $1}</format><args><arg value="abc"/></args></payloadFactory>""");

        var message = Assert.Single(messages);
        Assert.StartsWith("The payloadFactory argument $1 stands unquoted in a JSON template", message);
        Assert.EndsWith("(its value 'abc' is such text)", message);
    }

    [Theory]
    [InlineData("5")]
    [InlineData(" -1.5e3 ")]
    [InlineData("true")]
    [InlineData("null")]
    [InlineData("[1, 2]")]
    public void A_literal_that_is_json_text_is_not_reported(string value)
    {
        Assert.Empty(Messages($"""<payloadFactory media-type="json"><format>{"{"}"a": $1{"}"}</format><args><arg value="{value}"/></args></payloadFactory>"""));
    }

    [Fact]
    public void A_literal_json_text_with_a_quote_is_reported_as_the_mi_escapes_the_quote()
    {
        var message = Assert.Single(Messages("""<payloadFactory media-type="json"><format>{"a": $1}</format><args><arg value="{&quot;b&quot;: 1}"/></args></payloadFactory>"""));
        Assert.EndsWith("(its value '{\"b\": 1}' is such text)", message);
    }

    [Fact]
    public void A_run_time_value_outside_quotes_is_reported_once_and_a_quoted_one_is_not()
    {
        var messages = Messages("""
            <payloadFactory media-type="json"><format>{"a": $1, "b": "$1", "c": $1, "d": $2, "e": "${vars.x}", "f": ${vars.x}}</format>
            <args><arg expression="//symbol"/><arg evaluator="json" expression="$.price"/></args></payloadFactory>
            """);

        // A json-eval argument's string value is pasted as its text too (prepareReplacementValue adds no quotes).
        Assert.Equal(3, messages.Length);
        Assert.StartsWith("The payloadFactory argument $1 stands unquoted", messages[0]);
        Assert.StartsWith("The payloadFactory argument $2 stands unquoted", messages[1]);
        Assert.StartsWith("The payloadFactory argument ${vars.x} stands unquoted", messages[2]);
        Assert.All(messages, m => Assert.EndsWith("(its value is known only at run time)", m));
    }

    [Fact]
    public void An_xml_template_is_not_checked()
    {
        Assert.Empty(Messages("""<payloadFactory media-type="xml"><format><a xmlns="">$1</a></format><args><arg value="abc"/></args></payloadFactory>"""));
    }
}
