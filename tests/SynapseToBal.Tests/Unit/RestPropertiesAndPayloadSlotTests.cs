using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// Issue 9: the properties the Micro Integrator sets on a request dispatched to an API (REST_METHOD,
/// REST_FULL_REQUEST_PATH, REST_SUB_REQUEST_PATH, REST_API_CONTEXT, REST_URL_PREFIX, SYNAPSE_REST_API_VERSION, ...) are
/// set by <c>newContext</c>, which a versioned API tells its context, version and version type; and an unquoted MI 4.4
/// <c>${payload}</c> in a JSON payloadFactory template is what RegexTemplateProcessor pastes for an XML message.
/// </summary>
public sealed class RestPropertiesAndPayloadSlotTests
{
    private const string Ns = "xmlns=\"http://ws.apache.org/ns/synapse\"";

    private const string Reads = """
        <log level="custom">
          <property name="method" expression="get-property('REST_METHOD')"/>
          <property name="sub" expression="$ctx:REST_SUB_REQUEST_PATH"/>
          <property name="context" expression="${properties.synapse.REST_API_CONTEXT}"/>
        </log>
        <respond/>
        """;

    [Fact]
    public void A_versioned_api_passes_its_context_version_and_version_type_to_newContext()
    {
        var main = ArtifactConversion.Convert($"""
            <api {Ns} name="OrdersAPI" context="/orders/" version="1.0" version-type="url"><resource methods="GET" uri-template="/"><inSequence>{Reads}</inSequence></resource></api>
            """)["main.bal"];

        Assert.Contains("newContext(request, \"OrdersAPI:v1.0\", \"/orders/1.0\", apiContext = \"/orders\", apiVersion = \"1.0\", versionType = \"url\", cors = {", main, StringComparison.Ordinal);
    }

    [Fact]
    public void A_context_version_keeps_version_in_its_context()
    {
        var main = ArtifactConversion.Convert($"""
            <api {Ns} name="InventoryAPI" context="/inventory/{"{"}version{"}"}" version="2" version-type="context"><resource methods="GET" uri-template="/items"><inSequence>{Reads}</inSequence></resource></api>
            """)["main.bal"];

        Assert.Contains("newContext(request, \"InventoryAPI:v2\", \"/inventory/2\", apiContext = \"/inventory/{version}\", apiVersion = \"2\", versionType = \"context\", cors = {", main, StringComparison.Ordinal);
    }

    [Fact]
    public void An_api_without_a_version_and_a_proxy_pass_nothing_more()
    {
        var converted = ArtifactConversion.Convert(
            $"""<api {Ns} name="OrdersAPI" context="/orders"><resource methods="GET" uri-template="/"><inSequence>{Reads}</inSequence></resource></api>""",
            $"""<proxy {Ns} name="OrdersProxy"><target><inSequence>{Reads}</inSequence></target></proxy>""");

        Assert.Contains("newContext(request, \"OrdersAPI\", \"/orders\", cors = {allow: ", converted["main.bal"], StringComparison.Ordinal);
        Assert.DoesNotContain("apiContext =", converted["main.bal"], StringComparison.Ordinal);

        // get-property, $ctx: and properties.synapse read the one property the runtime sets (an API's request only).
        Assert.Contains("setRestProperties(ctx, request,", converted["support.bal"], StringComparison.Ordinal);
        var functions = converted["functions.bal"];
        Assert.Contains("getProperty(ctx, \"REST_METHOD\", \"null\")", functions, StringComparison.Ordinal);
        Assert.Contains("getProperty(ctx, \"REST_SUB_REQUEST_PATH\", \"null\")", functions, StringComparison.Ordinal);
        Assert.Contains("getProperty(ctx, \"REST_API_CONTEXT\")", functions, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unquoted_json_eval_argument_goes_in_as_its_text_without_quotes()
    {
        // TemplateProcessor.getArgValues pastes a json-eval argument's stringValueOf: a JSON string's text without its
        // quotes, so "12345" becomes the number 12345 (and other text is no JSON there, SB0610).
        var converted = ArtifactConversion.Convert($$$"""
            <proxy {{{Ns}}} name="EchoProxy"><target><inSequence>
              <payloadFactory media-type="json"><format>{"account": $1, "name": "$2"}</format>
                <args><arg evaluator="json" expression="$.account"/><arg evaluator="json" expression="$.name"/></args></payloadFactory>
              <respond/>
            </inSequence></target></proxy>
            """);
        var functions = converted["functions.bal"];
        Assert.Contains("account: unquotedJson(check jsonPath(ctx, \"$.account\"))", functions, StringComparison.Ordinal);
        Assert.DoesNotContain("unquotedJson(check jsonEval(", functions, StringComparison.Ordinal);
        Assert.Contains("function unquotedJson(json value) returns json => value is string ? toJson(value) : value;", converted["support.bal"], StringComparison.Ordinal);
    }

    [Fact]
    public void An_unquoted_payload_in_a_json_template_is_the_payload_slot()
    {
        var functions = ArtifactConversion.Convert($$$"""
            <proxy {{{Ns}}} name="EchoProxy"><target><inSequence>
              <payloadFactory media-type="json"><format>{"request": ${payload}, "raw": "${payload}", "id": ${payload.id}}</format><args/></payloadFactory>
              <respond/>
            </inSequence></target></proxy>
            """)["functions.bal"];

        Assert.Contains("request: check jsonPayloadSlot(ctx)", functions, StringComparison.Ordinal);
        Assert.Contains("raw: check synapsePayloadText(ctx)", functions, StringComparison.Ordinal);
        // RegexTemplateProcessor pastes a JsonPrimitive's getAsString: a JSON string goes in without its quotes.
        Assert.Contains("id: unquotedJson(check jsonPath(ctx, \"$.id\"))", functions, StringComparison.Ordinal);
    }
}
