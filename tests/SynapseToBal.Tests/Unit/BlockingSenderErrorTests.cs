using SynapseToBal.Driver;
using SynapseToBal.Emit;
using SynapseToBal.Tests.Runtime;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// A failed blocking send records what the Micro Integrator's BlockingMsgSender.send(EndpointDefinition, ...) records
/// (the call, the callout and ForwardingService all reach it through AbstractEndpoint.send): a transport failure is an
/// AxisFault without a fault code, so ERROR_CODE 401002 (BLOCKING_SENDER_OPERATION_FAILED), ERROR_MESSAGE the
/// fault's message, ERROR_DETAIL "" (fault.getDetail() is null), written on every failure; the endpoint's onFault
/// then reads that 401002, not the pass-through sender's 101503 / 101504.
/// </summary>
public sealed class BlockingSenderErrorTests
{
    private static readonly string Source = RuntimeSourceText.Support;

    private static string Function(string name) => RuntimeSourceText.Function(name);

    private static void InOrder(string text, params string[] parts) => RuntimeSourceText.InOrder(text, parts);

    [Fact]
    public void A_transport_failure_of_a_blocking_send_is_401002_and_other_errors_pass_unchanged()
    {
        var failure = Function("blockingTransportFailure");
        Assert.Contains("function blockingTransportFailure(Context ctx, error e) returns error {", failure, StringComparison.Ordinal);
        // Only an http:ClientError the runtime gave no Synapse code (not a SOAP fault's or a status's code) becomes 401002.
        InOrder(failure,
            "if e !is http:ClientError || e.detail()[\"synapseErrorCode\"] is int {",
            "return e;",
            // BlockingMsgSender sets the axis2 HTTP_SC to "" (no status in the fault's message): `()` reads as "".
            "ctx.httpSc = ();",
            "return blockingFault(ctx, e.message(), 401002);");
        Assert.Contains("function axis2HttpSc(Context ctx) returns string => ctx.httpSc ?: \"\";", Source, StringComparison.Ordinal);
        Assert.DoesNotContain("101503", failure, StringComparison.Ordinal);
        Assert.DoesNotContain("101504", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void A_blocking_fault_writes_the_four_error_properties_over_earlier_ones_with_an_empty_detail()
    {
        var fault = Function("blockingFault");
        InOrder(fault,
            "error e = error(message, synapseErrorCode = code);",
            "ctx.properties[\"ERROR_CODE\"] = code;",
            "ctx.properties[\"ERROR_MESSAGE\"] = message;",
            "ctx.properties[\"ERROR_DETAIL\"] = \"\";",
            "ctx.properties[\"ERROR_EXCEPTION\"] = e.toString();",
            "return e;");
        // BlockingMsgSender sets them on every failure: no "first failure wins" test as recordError has.
        Assert.DoesNotContain("hasKey(\"ERROR_CODE\")", fault, StringComparison.Ordinal);
        Assert.DoesNotContain("stackTrace", fault, StringComparison.Ordinal);
        // recordError leaves a recorded ERROR_CODE alone, so the flow's fault handling keeps the blocking sender's values.
        Assert.Contains("if ctx.properties.hasKey(\"ERROR_CODE\") {\n        return;\n    }", Function("recordError"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_blocking_call_hands_the_401002_failure_to_its_caller_and_so_to_the_endpoint_state()
    {
        Assert.Contains("    return blockingSend(ctx, nonErrorCodes, soapAction, soapFault, () => callEndpoint(ctx, endpoint, path, method, format, headers = headers));", Function("callBlocking"), StringComparison.Ordinal);
        var blocking = Function("blockingSend");
        InOrder(blocking,
            "error? called = sendRequest();",
            "restoreRequestState(ctx, request, keepResponse = true);",
            "if called is error {",
            "return blockingTransportFailure(ctx, called);",
            "if !blockingStatusRead(ctx.statusCode, nonErrorCodes) {",
            "return blockingFault(ctx, string `Transport error: ${ctx.statusCode} Error: the backend answered with an error status`, ctx.statusCode);");
        // The raw http:ClientError (errorCode: 101503 / 101504) no longer leaves callBlocking.
        Assert.DoesNotContain("check called;", blocking, StringComparison.Ordinal);
        // endpointCalled passes the error's own code to onFault: 401002 is neither a default timeout code nor 101503.
        InOrder(Function("endpointCalled"), "int code = errorCode(outcome);", "endpoint.onFault(code);");
        InOrder(Function("errorCode"), "var code = e.detail()[\"synapseErrorCode\"];", "if code is int {", "return code;", "if e is http:IdleTimeoutError {");
    }

    [Fact]
    public void A_forwarding_attempt_records_the_blocking_senders_codes()
    {
        // The attempt sends as callBlocking does (a transport failure becomes 401002 there, an unread status its own
        // code); forwardOutcome records only a failure that carries no Synapse code.
        InOrder(Function("forwardAttemptTo"),
            "if state is EndpointState && endpointReady(ctx, state) is error {",
            "error? sent = callBlocking(ctx, endpoint, path, method, format = format, nonErrorCodes = forwardReadCodes(nonErrorCodes, nonRetryCodes), soapFault = !forwardOutOnly(ctx), headers = headers);",
            "sent = endpointCalled(state, sent);",
            "return forwardOutcome(ctx, sent, nonRetryCodes);");
        var outcome = Function("forwardOutcome");
        InOrder(outcome,
            "if sent is error {",
            "if errorCode(sent) == 0 {",
            "recordError(ctx, sent);",
            "return false;");
        Assert.DoesNotContain("101503", outcome, StringComparison.Ordinal);
    }

    [Fact]
    public void A_blocking_call_through_a_suspending_endpoint_goes_through_its_state_in_callBlocking()
    {
        var files = ArtifactConversion.Convert(
            """<endpoint xmlns="http://ws.apache.org/ns/synapse" name="Quote"><address uri="http://a.example.com"><suspendOnFailure><errorCodes>101503</errorCodes></suspendOnFailure></address></endpoint>""",
            """
            <api xmlns="http://ws.apache.org/ns/synapse" name="A" context="/a"><resource methods="POST"><inSequence>
              <call blocking="true"><endpoint key="Quote"/></call>
              <respond/>
            </inSequence></resource></api>
            """);

        Assert.Contains("final EndpointState quoteSuspension = new (\"address\", \"Quote\", {suspendCodes: [101503]});", files["connections.bal"], StringComparison.Ordinal);
        Assert.Contains("check callBlocking(ctx, quote, clientPath(quoteUrl, restPostfix(ctx)), headers = passThroughHeaders, state = quoteSuspension);", files["main.bal"], StringComparison.Ordinal);
        // callBlocking hands the blocking sender's result to the state (endpointCalled), after the ready check.
        RuntimeSourceText.InOrder(RuntimeSourceText.Function("callBlocking"), "if state is EndpointState {", "check endpointReady(ctx, state);",
            "return endpointCalled(state, callBlocking(ctx, endpoint, path, method, format, nonErrorCodes, soapAction, soapFault, headers = headers));", "return blockingSend(");
        Assert.Contains("function blockingTransportFailure(", files["support.bal"], StringComparison.Ordinal);
    }
}
