using SynapseToBal.Tests.Runtime;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// What the Micro Integrator does at run time where the generated code differed (issue 9): the address and its REST
/// postfix joined as Axis2FlexibleMEPClient joins them, the payloadFactory result trimmed, a JSON property that never
/// fails, and a JSON payloadFactory whose text JsonUtil.getNewJsonPayload refuses.
/// </summary>
public sealed class RuntimeMeaningGapTests
{
    private const string Ns = "xmlns=\"http://ws.apache.org/ns/synapse\"";

    private static string Converted(string inSequence) => ArtifactConversion.Convert($"""
        <api {Ns} name="A" context="/a"><resource methods="POST" uri-template="/{"{"}id{"}"}"><inSequence>
          {inSequence}
        </inSequence></resource></api>
        """)["main.bal"];

    [Fact]
    public void An_address_postfix_is_joined_to_the_client_url_as_synapse_joins_it()
    {
        var main = Converted("""<call><endpoint><address uri="http://localhost:8081/"/></endpoint></call><respond/>""");
        Assert.Matches(@"callEndpoint\(ctx, \w+, clientPath\(\w+Url\w*, restPostfix\(ctx\)\)", main);
        // The runtime joins as Axis2FlexibleMEPClient.send does and hands the client what follows its URL.
        RuntimeSourceText.InOrder(RuntimeSourceText.Function("withRestPostfix"), "if slash && postfix.startsWith(\"/\") {", "return address + postfix.substring(1);");
        RuntimeSourceText.InOrder(RuntimeSourceText.Function("clientPath"), "string joined = withRestPostfix(url, path);", "joined.substring(url.length())");
        // A group joins the postfix to each member's own URL.
        RuntimeSourceText.InOrder(RuntimeSourceText.Function("callGroup"), "string memberPath = clientPath(member.url, path);", "callEndpoint(ctx, group.memberClient(index), memberPath,");
    }

    [Fact]
    public void A_text_payload_is_trimmed_at_its_literal_ends_and_keeps_its_inner_line_breaks()
    {
        var main = Converted("""
            <payloadFactory media-type="text"><format>
                  Hello $1,
                  bye
            </format><args><arg evaluator="json" expression="$.name"/></args></payloadFactory><respond/>
            """);
        Assert.Contains("setTextPayload(ctx, string `Hello ${", main, StringComparison.Ordinal);
        Assert.Contains(",\n      bye`);", main, StringComparison.Ordinal);
        Assert.DoesNotContain("${\"\\n\"}", main, StringComparison.Ordinal);
        Assert.DoesNotContain(".trim()", main, StringComparison.Ordinal);
    }

    [Fact]
    public void A_text_payload_ending_with_an_argument_is_trimmed_at_run_time()
    {
        var main = Converted("""<payloadFactory media-type="text"><format>  note: $1  </format><args><arg evaluator="json" expression="$.note"/></args></payloadFactory><respond/>""");
        // Java's trim (every character up to U+0020), as PayloadFactoryMediator trims the result.
        Assert.Contains("setTextPayload(ctx, javaTrim(string `note: ${", main, StringComparison.Ordinal);
        Assert.Contains("}`));", main, StringComparison.Ordinal);
    }

    [Fact]
    public void A_literal_text_payload_is_trimmed_when_converted()
    {
        var main = Converted("""
            <payloadFactory media-type="text"><format>
              plain text
            </format><args/></payloadFactory><respond/>
            """);
        Assert.Contains("setTextPayload(ctx, \"plain text\");", main, StringComparison.Ordinal);
    }

    [Fact]
    public void A_json_property_never_fails()
    {
        var main = Converted("""<property name="invoiceId" expression="get-property('uri.var.id')" type="JSON"/><log level="custom"><property name="id" expression="get-property('invoiceId')"/></log><respond/>""");
        Assert.Contains("lenientJson(", main, StringComparison.Ordinal);
        Assert.DoesNotContain("fromJsonString", main, StringComparison.Ordinal);
        // PropertyMediator.buildJSONElement: parsed, else a bare word or quote-free text as a string, else null and an error log.
        RuntimeSourceText.InOrder(
            RuntimeSourceText.Function("lenientJson"),
            "json|error parsed = value:fromJsonString(text);",
            "return word;",
            "value:fromJsonString(\"\\\"\" + text + \"\\\"\");",
            "return text;",
            "log:printError(string `Malformed JSON payload : ${text}`",
            "return ();");
    }

    [Theory]
    [InlineData("welcome to USA", true)]
    [InlineData("hello", true)]
    [InlineData("\"quoted\"", false)]
    [InlineData("{ not json", false)]
    public void Fixed_json_payload_text_the_mediator_refuses_is_reported(string format, bool reported)
    {
        var result = ArtifactConversion.Result($"""
            <api {Ns} name="A" context="/a"><resource methods="POST" uri-template="/"><inSequence>
              <payloadFactory media-type="json"><format>{format}</format><args/></payloadFactory><respond/>
            </inSequence></resource></api>
            """);
        Assert.Equal(reported, result.Diagnostics.Any(d => d.Id == "SB0288"));
    }

    [Fact]
    public void A_json_payload_text_that_is_no_json_fails_as_the_mediator_fails()
    {
        var main = Converted("""<payloadFactory media-type="json"><format>welcome to USA</format><args/></payloadFactory><respond/>""");
        Assert.Contains("check setJsonText(ctx, \"welcome to USA\");", main, StringComparison.Ordinal);
        RuntimeSourceText.InOrder(
            RuntimeSourceText.Function("setJsonText"),
            "string body = text == \"\" ? \"{}\" : text;",
            "\"{[\\\"tnf-0123456789\".includes(c)",
            "ctx.method == \"GET\" || ctx.method == \"DELETE\"",
            "return error(string `Error creating JSON Payload from source ${body}`);");
    }
}
