using SynapseToBal.Emit;
using SynapseToBal.Tests.Runtime;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// Issue 14, call sites a Ballerina developer keeps: a call through an endpoint that keeps a suspension state is one
/// call of the call helper with <c>state = ...</c> (the helper checks the state before the call and records the result
/// after it, as the two calls <c>endpointReady</c> / <c>endpointCalled</c> did at the call site), and a listener that
/// hands a failure back to its listener does it with <c>check</c>.
/// </summary>
public sealed class CallSiteTests
{
    private const string Ns = "http://ws.apache.org/ns/synapse";

    private const string Suspending = $"""<endpoint xmlns="{Ns}" name="Quote"><address uri="http://a.example.com"><suspendOnFailure><errorCodes>101503</errorCodes></suspendOnFailure></address></endpoint>""";

    private static string Api(string inSequence) =>
        $"""<api xmlns="{Ns}" name="A" context="/a"><resource methods="POST"><inSequence>{inSequence}</inSequence></resource></api>""";

    [Fact]
    public void Each_kind_of_call_through_a_suspending_endpoint_is_one_call_with_its_state()
    {
        var files = ArtifactConversion.Convert(Suspending, Api("""
            <call><endpoint key="Quote"/></call>
            <call blocking="true"><endpoint key="Quote"/></call>
            <property name="OUT_ONLY" value="true"/>
            <call><endpoint key="Quote"/></call>
            <call blocking="true"><endpoint key="Quote"/></call>
            <respond/>
            """));
        var main = files["main.bal"];

        Assert.Contains("check callEndpoint(ctx, quote, clientPath(quoteUrl, restPostfix(ctx)), headers = passThroughHeaders, state = quoteSuspension);", main, StringComparison.Ordinal);
        Assert.Contains("check callBlocking(ctx, quote, clientPath(quoteUrl, restPostfix(ctx)), headers = passThroughHeaders, state = quoteSuspension);", main, StringComparison.Ordinal);
        Assert.Contains("check callEndpoint(ctx, quote, clientPath(quoteUrl, restPostfix(ctx)), outOnly = true, headers = passThroughHeaders, state = quoteSuspension);", main, StringComparison.Ordinal);
        Assert.Contains("check callBlockingOutOnly(ctx, quote, clientPath(quoteUrl, restPostfix(ctx)), headers = passThroughHeaders, state = quoteSuspension);", main, StringComparison.Ordinal);
        Assert.DoesNotContain("endpointReady", main, StringComparison.Ordinal);
        Assert.DoesNotContain("endpointCalled", main, StringComparison.Ordinal);

        // The package's runtime module keeps the state lines of the helpers and what they call.
        var support = files["support.bal"];
        Assert.Contains("        EndpointState? state = (), boolean soapFault = false, // Only with: argument state\n", support, StringComparison.Ordinal);
        Assert.Contains("function endpointReady(Context ctx, EndpointState endpoint) returns error? {", support, StringComparison.Ordinal);
        Assert.Contains("function endpointCalled(EndpointState endpoint, error? result, boolean outOnly = false, Context? soapFaultOf = ()) returns error? {", support, StringComparison.Ordinal);
    }

    [Fact]
    public void Under_force_error_on_soap_fault_the_helper_checks_the_response_before_the_state_takes_it()
    {
        var main = ArtifactConversion.Convert(Suspending, Api("""
            <property name="FORCE_ERROR_ON_SOAP_FAULT" value="true"/>
            <call><endpoint key="Quote"/></call>
            <respond/>
            """))["main.bal"];

        Assert.Contains("check callEndpoint(ctx, quote, clientPath(quoteUrl, restPostfix(ctx)), headers = passThroughHeaders, state = quoteSuspension, soapFault = true);", main, StringComparison.Ordinal);
        Assert.DoesNotContain("failOnSoapFault(ctx);", main, StringComparison.Ordinal);
    }

    [Fact]
    public void A_package_whose_endpoints_keep_no_state_gets_the_helpers_without_their_state_lines()
    {
        // Settings that never suspend: no EndpointState, so no state lines, no endpointReady / endpointCalled.
        var files = ArtifactConversion.Convert(
            $"""<endpoint xmlns="{Ns}" name="Quote"><address uri="http://a.example.com"><suspendOnFailure><errorCodes>-1</errorCodes></suspendOnFailure><markForSuspension><errorCodes>-1</errorCodes></markForSuspension></address></endpoint>""",
            Api("""
                <call><endpoint key="Quote"/></call>
                <call blocking="true"><endpoint key="Quote"/></call>
                <property name="OUT_ONLY" value="true"/>
                <call blocking="true"><endpoint key="Quote"/></call>
                <respond/>
                """));

        Assert.Contains("check callEndpoint(ctx, quote, clientPath(quoteUrl, restPostfix(ctx)), headers = passThroughHeaders);", files["main.bal"], StringComparison.Ordinal);
        var support = files["support.bal"];
        Assert.Contains("function callEndpoint(", support, StringComparison.Ordinal);
        Assert.Contains("function callBlocking(", support, StringComparison.Ordinal);
        // Only the state's own lines go: the parameters around them stay.
        Assert.Contains("""
                    string? calloutUrl = (),
                    function (Context ctx, http:Request request) headers = passThroughHeaders) returns error? {
                return blockingSendOutOnly(
            """.ReplaceLineEndings("\n"), support, StringComparison.Ordinal);
        var declared = RuntimeModule.DeclarationNames(support);
        foreach (var absent in new[] { "EndpointState", "endpointReady", "endpointCalled" })
        {
            Assert.DoesNotContain(absent, declared);
        }

        // The API's own optional lines (its CORS arguments) stay; none of the state's.
        foreach (var absent in new[] { "EndpointState? state", "if state is EndpointState", "Only with: argument state", "soapFault ? ctx" })
        {
            Assert.DoesNotContain(absent, support, StringComparison.Ordinal);
        }

        Assert.Contains("""
                    (function (xml|byte[] body) returns xml|byte[]|error)? bodyEdit = (),
                    function (Context ctx, http:Request request) headers = passThroughHeaders) returns error? {
                // OUT_ONLY:
            """.ReplaceLineEndings("\n"), support, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("callEndpoint", "callEndpoint(ctx, endpoint, path, method, format, outOnly, timeoutFault, bodyEdit, headers = headers),\n            outOnly, soapFault ? ctx : ());")]
    [InlineData("callEndpointAddressed", "callEndpointAddressed(ctx, endpoint, path, method, format, outOnly, timeoutFault, wsAddressing, wsaTo, headers = headers),\n            outOnly, soapFault ? ctx : ());")]
    [InlineData("callBlocking", "callBlocking(ctx, endpoint, path, method, format, nonErrorCodes, soapAction, soapFault, headers = headers));")]
    [InlineData("callBlockingOutOnly", "callBlockingOutOnly(ctx, endpoint, path, method, format, nonErrorCodes, soapAction, calloutUrl, headers = headers));")]
    public void The_helper_checks_the_state_before_the_call_and_records_the_call_s_result_after_it(string helper, string recorded)
    {
        var function = RuntimeSourceText.Function(helper);
        var body = function[(function.IndexOf(") returns error? {\n", StringComparison.Ordinal) + ") returns error? {\n".Length)..];

        // First thing in the helper: nothing of the call (no clone, no format, no request) happens before the ready check.
        Assert.StartsWith("    if state is EndpointState { // Only with: argument state\n", body, StringComparison.Ordinal);
        RuntimeSourceText.InOrder(body,
            "check endpointReady(ctx, state);",
            "return endpointCalled(state, " + recorded,
            "\n    }\n");
        // The inner call is the helper itself without a state: the call as it was, its whole result recorded.
        var block = body[..body.IndexOf("\n    }\n", StringComparison.Ordinal)];
        Assert.DoesNotContain("state = state", block, StringComparison.Ordinal);
        Assert.Single(block.Split("check endpointReady(").Skip(1));
    }

    [Fact]
    public void A_jms_listener_returns_a_failure_with_check()
    {
        static string Jms(string onError) => $"""
            <inboundEndpoint xmlns="{Ns}" name="Q" protocol="jms" sequence="Process" {onError}suspend="false"><parameters>
            <parameter name="java.naming.factory.initial">org.apache.activemq.jndi.ActiveMQInitialContextFactory</parameter>
            <parameter name="java.naming.provider.url">tcp://localhost:61616</parameter>
            <parameter name="transport.jms.Destination">Orders</parameter></parameters></inboundEndpoint>
            """;
        var process = $"""<sequence xmlns="{Ns}" name="Process"><call><endpoint><address uri="http://localhost:9000/orders"/></endpoint></call></sequence>""";

        // With an onError sequence that answers: its failure is returned, its response ignored.
        var withFault = ArtifactConversion.Convert(process,
            $"""<sequence xmlns="{Ns}" name="Failed"><call><endpoint><address uri="http://localhost:9000/errors"/></endpoint></call><respond/></sequence>""",
            Jms("onError=\"Failed\" "))["inbound.bal"].ReplaceLineEndings("\n");
        Assert.Contains("        error? result = process(ctx);\n        if result is error {\n            _ = check runFailed(ctx, result);\n        }\n", withFault, StringComparison.Ordinal);

        // Without one, in a project without a 'fault' sequence: JMSInjectHandler pushes the configuration's fault
        // sequence, the Micro Integrator's default one; its failure is returned, its response ignored.
        var without = ArtifactConversion.Convert(process, Jms(string.Empty))["inbound.bal"].ReplaceLineEndings("\n");
        Assert.Contains("        error? result = process(ctx);\n        if result is error {\n            _ = check handleFault(ctx, result);\n        }\n", without, StringComparison.Ordinal);
    }
}
