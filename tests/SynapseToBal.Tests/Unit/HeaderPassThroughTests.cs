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
        Assert.Contains("check callEndpoint(ctx, ", code, StringComparison.Ordinal);
        Assert.Contains("restPostfix(ctx), headers = passThroughHeaders);", code, StringComparison.Ordinal);
        Assert.Contains("function passThroughHeaders(Context ctx, http:Request request) {", files["support.bal"], StringComparison.Ordinal);
    }

    [Fact]
    public void A_blocking_call_names_it_too()
    {
        var files = Convert(Proxy("QuoteProxy", $"""<inSequence><call blocking="true">{Endpoint}</call><respond/></inSequence>"""));
        var code = string.Concat(files.Where(f => f.Key != "support.bal" && f.Key.EndsWith(".bal", StringComparison.Ordinal)).Select(f => f.Value));
        Assert.Contains("check callBlocking(ctx, ", code, StringComparison.Ordinal);
        Assert.Contains("headers = passThroughHeaders);", code, StringComparison.Ordinal);
    }

    [Fact]
    public void The_request_takes_its_headers_from_the_function_the_call_names()
    {
        var request = RuntimeSourceText.Function("outboundRequest");
        Assert.Contains("function (Context ctx, http:Request request) headers = passThroughHeaders) returns http:Request|error {", request, StringComparison.Ordinal);
        Assert.Contains("    headers(ctx, request);", request, StringComparison.Ordinal);
        Assert.DoesNotContain("passTransportHeaders", request, StringComparison.Ordinal);
        Assert.Contains("outboundRequest(ctx, verb, bodyEdit, headers);", RuntimeSourceText.Function("callEndpoint"), StringComparison.Ordinal);
        Assert.Contains("callEndpoint(ctx, endpoint, path, method, format, headers = headers)", RuntimeSourceText.Function("callBlocking"), StringComparison.Ordinal);
        // Same behaviour as the implicit pass-through: every transport header but the ones MI removes.
        Assert.Contains("    passTransportHeaders(ctx, request);\n}", RuntimeSourceText.Function("passThroughHeaders").ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    private static string Proxy(string name, string target) =>
        $"""<proxy xmlns="http://ws.apache.org/ns/synapse" name="{name}" transports="http"><target>{target}</target></proxy>""";

    private static Dictionary<string, string> Convert(params string[] artifacts) => ArtifactConversion.Convert(artifacts);
}
