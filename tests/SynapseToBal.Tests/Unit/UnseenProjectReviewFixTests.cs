using SynapseToBal.Tests.Runtime;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// Meaning fixes from a Micro Integrator review of public projects the team had not seen: the 500 of a makefault is
/// decided when the message is answered (PassThroughTransportUtils.determineHttpStatusCode), a whole uri-template's
/// leading variable is a reserved expansion (HTTPEndpoint rewrites `{x` to `{+x`), a JSON payloadFactory template that
/// is no buildable JSON value is sent as its text, a wsdl endpoint whose WSDL is not in the project sends SOAP, and an
/// address endpoint's `{...}` is reported as the literal text the Micro Integrator sends.
/// </summary>
public sealed class UnseenProjectReviewFixTests
{
    private const string Ns = "xmlns=\"http://ws.apache.org/ns/synapse\"";

    [Fact]
    public void Makefault_leaves_the_status_to_the_answer()
    {
        var makeFault = RuntimeSourceText.Function("makeFault");
        Assert.DoesNotContain("statusCode = 500", makeFault, StringComparison.Ordinal);
        RuntimeSourceText.InOrder(makeFault, "if version == \"pox\" {", "ctx.processingFault = true;", "return;");

        var status = RuntimeSourceText.Function("responseStatus");
        RuntimeSourceText.InOrder(status, "ctx.httpSc is () && ctx.statusCode == 200", "ctx.processingFault", "soapFaultElement(ctx) is xml:Element", "return 500;", "return ctx.statusCode;");
        Assert.Contains("response.statusCode = responseStatus(ctx);", RuntimeSourceText.Function("sendBackToClient"), StringComparison.Ordinal);
        Assert.Contains("boolean processingFault = false;", RuntimeSourceText.Types, StringComparison.Ordinal);
    }

    [Fact]
    public void A_whole_templates_leading_variable_is_a_reserved_expansion_at_run_time()
    {
        var expand = RuntimeSourceText.Function("expandUriTemplate");
        Assert.Contains("operator || (whole && open == 0) ? check reservedValue(text) : check pathValue(text)", expand, StringComparison.Ordinal);
    }

    [Fact]
    public void A_whole_templates_leading_variable_is_a_reserved_expansion_in_generated_calls()
    {
        var files = ArtifactConversion.Convert($$"""
            <endpoint {{Ns}} name="Search"><http uri-template="{uri.var.base}/search?q={uri.var.q}" method="get"/></endpoint>
            """, $$"""
            <api {{Ns}} name="SearchAPI" context="/search"><resource methods="GET" uri-template="/{q}"><inSequence>
              <property name="uri.var.base" value="http://backend:8080"/>
              <property name="uri.var.q" expression="$ctx:uri.var.q"/>
              <call><endpoint key="Search"/></call>
              <respond/>
            </inSequence></resource></api>
            """);
        var code = string.Concat(files.Where(f => f.Key.EndsWith(".bal", StringComparison.Ordinal) && f.Key != "support.bal").Select(f => f.Value));
        Assert.Matches(@"\$\{check reservedValue\([^}]*uri\.var\.base", code);
        Assert.Matches(@"\$\{check pathValue\([^}]*uri\.var\.q", code);
    }

    [Fact]
    public void A_json_template_with_a_repeated_member_is_sent_as_its_text()
    {
        var main = ArtifactConversion.Convert($$"""
            <api {{Ns}} name="ListAPI" context="/list"><resource methods="GET" uri-template="/"><inSequence>
              <payloadFactory media-type="json"><format>{"order": 1, "order": $1}</format><args><arg value="2"/></args></payloadFactory>
              <respond/>
            </inSequence></resource></api>
            """)["main.bal"];
        Assert.Contains("setJsonText(ctx, string `{\"order\": 1, \"order\": ${jsonArg(", main, StringComparison.Ordinal);
        Assert.DoesNotContain("fromJsonString", main, StringComparison.Ordinal);
        RuntimeSourceText.InOrder(RuntimeSourceText.Function("setJsonText"), "ctx.payload = <ReceivedBody>{bytes: body.toBytes(), contentType: \"application/json\"};", "ctx.contentType = \"application/json\";");
    }

    [Theory]
    [InlineData("AtendeClientePort", "", "\"soap11\"")]
    [InlineData("StockQuoteHttpSoap12Endpoint", "", "\"soap12\"")]
    [InlineData("AtendeClientePort", " format=\"soap12\"", "\"soap12\"")]
    [InlineData("AtendeClientePort", " format=\"pox\"", "\"soap11\"")]
    public void A_wsdl_endpoint_whose_wsdl_is_not_read_posts_soap_without_the_postfix(string port, string format, string expected)
    {
        var files = ArtifactConversion.Convert($"""
            <endpoint {Ns} name="Atende"><wsdl uri="http://remote/svc?wsdl" service="AtendeClienteService" port="{port}"{format}/></endpoint>
            """, $$"""
            <api {{Ns}} name="CepAPI" context="/cep"><resource methods="GET" uri-template="/{cep}"><inSequence>
              <send><endpoint key="Atende"/></send>
            </inSequence><outSequence><respond/></outSequence></resource></api>
            """);
        var main = files["main.bal"];
        Assert.Contains("\"\", \"POST\", format = " + expected, main, StringComparison.Ordinal);
        Assert.DoesNotContain("restPostfix(ctx)", main, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://localhost:8290/api/{uri.var.county}", "does not expand `{...}`")]
    [InlineData("http://localhost:8290/api/${county}", "takes `${name}` from the message's property")]
    public void An_address_with_braces_says_what_the_micro_integrator_sends(string uri, string reason)
    {
        var files = ArtifactConversion.Convert($"""
            <endpoint {Ns} name="Weather"><address uri="{uri}"/></endpoint>
            """);
        var text = string.Concat(files.Where(f => f.Key.EndsWith(".bal", StringComparison.Ordinal)).Select(f => f.Value));
        Assert.Contains(reason, text, StringComparison.Ordinal);
        Assert.DoesNotContain("only address, http, wsdl, failover, loadbalance and template endpoints become clients", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_non_blocking_timeout_without_a_fault_response_action_leaves_the_endpoint_state_alone()
    {
        // TimeoutHandler runs the endpoint's onFault only when the responseAction is not NONE (the default).
        var called = RuntimeSourceText.Function("endpointCalled");
        RuntimeSourceText.InOrder(called, "int code = errorCode(outcome);", "if code != 0 && outcome !is http:IdleTimeoutError {", "endpoint.onFault(code);");
        // With responseAction fault the call reports "Send timeout" (no IdleTimeoutError), which counts.
        RuntimeSourceText.InOrder(RuntimeSourceText.Function("callEndpoint"), "if timeoutFault && result is http:IdleTimeoutError {", "return sendTimeout(ctx);");
    }
}
