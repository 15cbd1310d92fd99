using SynapseToBal.Tests.Runtime;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// Explicit MI behaviour at the call site (issue 14): the transport headers Synapse passes through on a send or call
/// (TargetRequestFactory, Authorization included) are named where the call is, <c>headers = passThroughHeaders</c>,
/// and the runtime builds the request with the function the call names — the same headers as before.
/// </summary>
public sealed class HeaderPassThroughTests
{
    private const string Endpoint = """<endpoint><address uri="http://localhost:9000/services/SimpleStockQuoteService"/></endpoint>""";

    [Fact]
    public void A_send_names_the_header_pass_through_at_the_call()
    {
        var files = Convert(Proxy("QuoteProxy", $"<inSequence><send>{Endpoint}</send></inSequence>"));
        var code = string.Concat(files.Where(f => f.Key != "support.bal" && f.Key.EndsWith(".bal", StringComparison.Ordinal)).Select(f => f.Value));
        Assert.Contains("check callEndpoint(ctx, quoteEndpoint, clientPath(quoteProxyEndpointUrl, restPostfix(ctx)), headers = passThroughHeaders, state = quoteEndpointSuspension);", code, StringComparison.Ordinal);
        Assert.Contains("function passThroughHeaders(Context ctx, http:Request request) {", files["support.bal"], StringComparison.Ordinal);
    }

    [Fact]
    public void A_blocking_call_names_it_too()
    {
        var files = Convert(Proxy("QuoteProxy", $"""<inSequence><call blocking="true">{Endpoint}</call><respond/></inSequence>"""));
        var code = string.Concat(files.Where(f => f.Key != "support.bal" && f.Key.EndsWith(".bal", StringComparison.Ordinal)).Select(f => f.Value));
        Assert.Contains("callBlocking(ctx, ", code, StringComparison.Ordinal);
        // Through the endpoint's default suspension state, named after the headers.
        Assert.Contains("headers = passThroughHeaders, state = ", code, StringComparison.Ordinal);
    }

    [Fact]
    public void The_request_takes_its_headers_from_the_function_the_call_names()
    {
        var request = RuntimeSourceText.Function("outboundRequest");
        Assert.Contains("function (Context ctx, http:Request request) headers = passThroughHeaders, boolean rest = false) returns http:Request|error {", request, StringComparison.Ordinal);
        Assert.Contains("    headers(ctx, request);", request, StringComparison.Ordinal);
        Assert.DoesNotContain("passTransportHeaders", request, StringComparison.Ordinal);
        Assert.Contains("outboundRequest(ctx, verb, bodyEdit, headers, format == \"rest\" || format == \"get\");", RuntimeSourceText.Function("callEndpoint"), StringComparison.Ordinal);
        Assert.Contains("callEndpoint(ctx, endpoint, path, method, format, headers = headers)", RuntimeSourceText.Function("callBlocking"), StringComparison.Ordinal);
        // Same behaviour as the implicit pass-through: every transport header but the ones MI removes.
        Assert.Contains("    passTransportHeaders(ctx, request);\n}", RuntimeSourceText.Function("passThroughHeaders").ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_respond_names_the_response_headers_it_passes_back()
    {
        var files = Convert(Proxy("EchoProxy", "<inSequence><respond/></inSequence>"));
        var code = string.Concat(files.Where(f => f.Key != "support.bal" && f.Key.EndsWith(".bal", StringComparison.Ordinal)).Select(f => f.Value));
        // A failure of the respond runs the default fault sequence (the project defines no 'fault'): checked in a do.
        Assert.Contains("return check respond(ctx, headers = passBackHeaders);", code, StringComparison.Ordinal);
        Assert.DoesNotContain("respond(ctx);", code, StringComparison.Ordinal);
        Assert.Contains("function passBackHeaders(Context ctx, http:Response response) {", files["support.bal"], StringComparison.Ordinal);
    }

    [Fact]
    public void An_addressed_endpoint_a_group_and_an_endpointless_call_name_it_too()
    {
        var files = Convert(
            Proxy("AddressedProxy", """<inSequence><send><endpoint><address uri="http://localhost:9000/services/A"><enableAddressing/></address></endpoint></send></inSequence>"""),
            Proxy("GroupProxy", """<inSequence><send><endpoint><failover><endpoint><address uri="http://localhost:9001/a"/></endpoint><endpoint><address uri="http://localhost:9002/b"/></endpoint></failover></endpoint></send></inSequence>"""),
            Proxy("ToProxy", """<inSequence><header name="To" value="http://localhost:9003/x"/><send/></inSequence>"""));
        var code = string.Concat(files.Where(f => f.Key != "support.bal" && f.Key.EndsWith(".bal", StringComparison.Ordinal)).Select(f => f.Value));
        var lines = code.Split('\n');
        Assert.Contains("headers = passThroughHeaders, state = ", Assert.Single(lines, l => l.Contains("callEndpointAddressed(", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains("headers = passThroughHeaders);", Assert.Single(lines, l => l.Contains("callGroup(", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains("headers = passThroughHeaders);", Assert.Single(lines, l => l.Contains("callAddress(", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public void The_helpers_use_the_function_the_call_names_and_pass_the_same_headers_as_before()
    {
        // respond (through sendBackToClient): the status, then the headers the call names, then the body; passBackHeaders
        // is the old pass-through.
        Assert.Contains("function respond(Context ctx, function (Context ctx, http:Response response) headers = passBackHeaders) returns http:Response|error {", RuntimeSourceText.Function("respond"), StringComparison.Ordinal);
        Assert.Contains("return sendBackToClient(ctx, headers);", RuntimeSourceText.Function("respond"), StringComparison.Ordinal);
        var respond = RuntimeSourceText.Function("sendBackToClient");
        Assert.Contains("function sendBackToClient(Context ctx, function (Context ctx, http:Response response) headers = passBackHeaders) returns http:Response|error {", respond, StringComparison.Ordinal);
        Assert.Contains("    headers(ctx, response);", respond, StringComparison.Ordinal);
        Assert.DoesNotContain("passTransportHeaders", respond, StringComparison.Ordinal);
        Assert.Contains("    passTransportHeaders(ctx, response);\n}", RuntimeSourceText.Function("passBackHeaders").ReplaceLineEndings("\n"), StringComparison.Ordinal);

        // Each helper that sends hands the function on to the send that builds the request.
        Assert.Contains("headers = headers);", RuntimeSourceText.Function("sendAddressed"), StringComparison.Ordinal);
        Assert.Contains("wsaTo = wsaTo, headers = headers));", RuntimeSourceText.Function("callBlockingAddressed"), StringComparison.Ordinal);
        Assert.Contains("callEndpoint(ctx, group.memberClient(index), memberPath, method, format, outOnly = outOnly, headers = headers);", RuntimeSourceText.Function("callGroup"), StringComparison.Ordinal);
        Assert.Contains("return callEndpoint(ctx, endpoint, path, outOnly = outOnly, headers = headers);", RuntimeSourceText.Function("callAddress"), StringComparison.Ordinal);
        Assert.Contains("soapFault = !forwardOutOnly(ctx), headers = headers);", RuntimeSourceText.Function("forwardAttemptTo"), StringComparison.Ordinal);
        Assert.Contains("return forwardAttempt(ctx, endpoint, nonRetryCodes, route.format, route.nonErrorCodes, route.state, route.template, route.url, headers);", RuntimeSourceText.Function("forwardRoute"), StringComparison.Ordinal);
        foreach (var helper in new[] { "callEndpointAddressed", "callBlockingAddressed", "callGroup", "callAddress", "forwardAttempt", "forwardAttemptAddressed", "forwardAttemptGroup", "forwardRoute", "forwardRouteAddressed" })
        {
            Assert.Contains("function (Context ctx, http:Request request) headers = passThroughHeaders)", RuntimeSourceText.Function(helper), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_response_keeps_the_Host_header_a_request_leaves_out()
    {
        // PassThroughTransportUtils.removeUnwantedHeaders (run by PassThroughHttpSender.invoke for requests and
        // responses) removes Transfer-Encoding, Connection, Keep-Alive, Content-Length, Date, Server and User-Agent,
        // never Host: a respond with no call echoes the client's Host; TargetRequestFactory drops it from a request.
        var table = RuntimeSourceText.Support[RuntimeSourceText.Support.IndexOf("final readonly & map<boolean> hopByHopHeaders = {", StringComparison.Ordinal)..];
        table = table[..(table.IndexOf("};", StringComparison.Ordinal) + 2)];
        foreach (var name in new[] { "transfer-encoding", "connection", "keep-alive", "content-length", "date", "server", "user-agent" })
        {
            Assert.Contains($"\"{name}\": true", table, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("\"host\"", table, StringComparison.Ordinal);
        Assert.Contains("const string REQUEST_HOST_HEADER = \"host\";", RuntimeSourceText.Support, StringComparison.Ordinal);
        var pass = RuntimeSourceText.Function("passTransportHeaders");
        Assert.Contains("boolean request = message is http:Request;", pass, StringComparison.Ordinal);
        Assert.Equal(2, pass.Split("if hopByHopHeaders.hasKey(name) || (request && name == REQUEST_HOST_HEADER) {").Length - 1);
    }

    private static string Proxy(string name, string target) =>
        $"""<proxy xmlns="http://ws.apache.org/ns/synapse" name="{name}" transports="http"><target>{target}</target></proxy>""";

    private static Dictionary<string, string> Convert(params string[] artifacts) => ArtifactConversion.Convert(artifacts);
}
