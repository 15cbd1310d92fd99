using SynapseToBal.Emit;
using SynapseToBal.Tests.Runtime;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// The CORS headers the Micro Integrator puts on the answers of an API resource (issue 9): Resource.process records
/// them for a request the resource takes (CORSHelper.handleCORSHeaders with updateHeaders false), and
/// handleCORSHeadersForResponse writes them on a send's response coming back through the resource and on every answer
/// of RespondMediator; never on a proxy's message, nor on an endpoint-less send back to the client.
/// </summary>
public sealed class ApiCorsResponseTests
{
    private const string Api = """
        <api xmlns="http://ws.apache.org/ns/synapse" name="CorsApi" context="/cors">
            <resource methods="GET POST" uri-template="/items">
                <inSequence><payloadFactory media-type="json"><format>{"a": 1}</format><args/></payloadFactory><respond/></inSequence>
            </resource>
            <resource methods="PUT" uri-template="/orders">
                <inSequence><send><endpoint><address uri="http://localhost:9000/orders"/></endpoint></send></inSequence>
                <outSequence><log/><send/></outSequence>
                <faultSequence><makefault version="pox"><reason value="failed"/></makefault><property name="RESPONSE" value="true"/><header name="To" action="remove"/><send/></faultSequence>
            </resource>
        </api>
        """;

    private const string Proxy = """
        <proxy xmlns="http://ws.apache.org/ns/synapse" name="EchoProxy" transports="http">
            <target><inSequence><payloadFactory media-type="json"><format>{"a": 1}</format><args/></payloadFactory><respond/></inSequence></target>
        </proxy>
        """;

    [Fact]
    public void Each_api_resource_records_its_methods_and_the_server_configuration()
    {
        var main = ArtifactConversion.Convert(Api)["main.bal"];
        // Resource.getSupportedMethods: the HashSet order of GET and POST is POST, GET.
        Assert.Contains("newContext(request, \"CorsApi\", \"/cors\", cors = {allow: \"POST, GET\", ...corsConfig})", main, StringComparison.Ordinal);
        Assert.Contains("newContext(request, \"CorsApi\", \"/cors\", cors = {allow: \"PUT\", ...corsConfig})", main, StringComparison.Ordinal);
        // The server's CORS configuration is one module-level value the resources spread into their record.
        Assert.Contains("final CorsConfig corsConfig = {enabled: corsEnabled, allowedOrigins: corsAllowedOrigins, allowedHeaders: corsAllowedHeaders};", ArtifactConversion.Convert(Api)["configs.bal"], StringComparison.Ordinal);
        // A request no resource takes is answered without Resource.process: nothing recorded.
        Assert.DoesNotContain("dispatched = false, cors", main, StringComparison.Ordinal);
    }

    [Fact]
    public void Respond_and_a_sends_response_write_them_an_endpoint_less_send_does_not()
    {
        var files = ArtifactConversion.Convert(Api);
        var code = string.Join("\n", files.Where(f => f.Key.EndsWith(".bal", StringComparison.Ordinal) && f.Key != "support.bal").Select(f => f.Value));
        // RespondMediator in the in flow.
        Assert.Contains("respond(ctx, cors = true, headers = passBackHeaders);", code, StringComparison.Ordinal);
        // The send's response goes through the resource (writing them) before its out flow.
        Assert.Contains("writeCorsHeaders(ctx);\n", code, StringComparison.Ordinal);
        // The out flow's and the fault flow's `<send/>` answer through Axis2Sender.sendBack: nothing written there.
        Assert.Contains("respond(ctx, headers = passBackHeaders);", code, StringComparison.Ordinal);
        var support = files["support.bal"];
        Assert.Contains("function recordCors(", support, StringComparison.Ordinal);
        Assert.Contains("function writeCorsHeaders(", support, StringComparison.Ordinal);
    }

    [Fact]
    public void A_package_without_apis_gets_none_of_it()
    {
        var files = ArtifactConversion.Convert(Proxy);
        Assert.Contains("respond(ctx, headers = passBackHeaders);", files["main.bal"] + files.GetValueOrDefault("functions.bal", ""), StringComparison.Ordinal);
        Assert.DoesNotContain("cors =", string.Concat(files.Values), StringComparison.Ordinal);
        var support = files["support.bal"];
        Assert.DoesNotContain("recordCors", RuntimeModule.DeclarationNames(support));
        Assert.DoesNotContain("writeCorsHeaders", RuntimeModule.DeclarationNames(support));
        Assert.DoesNotContain("boolean cors", support, StringComparison.Ordinal);
        Assert.DoesNotContain("ResourceCors? cors", support, StringComparison.Ordinal);
    }

    [Fact]
    public void The_runtime_records_them_as_resource_process_does_and_writes_them_as_handle_cors_headers_for_response()
    {
        var record = RuntimeSourceText.Function("recordCors");
        RuntimeSourceText.InOrder(record, "if !cors.enabled {", "string allowedOrigin = corsAllowedOrigin(request, cors.allowedOrigins);",
            "ctx.properties[CORS_ALLOW_METHODS] = cors.allow;", "ctx.properties[CORS_ALLOW_ORIGIN] = allowedOrigin;",
            "ctx.properties[CORS_ALLOW_HEADERS] = cors.allowedHeaders;", "if origin is string {", "ctx.properties[CORS_ORIGIN] = origin;",
            "if request.method == \"OPTIONS\" && allowedOrigin == \"\" {", "setHttpSc(ctx, http:STATUS_FORBIDDEN);");
        // A request whose origin is not allowed is still mediated: nothing but an OPTIONS one is refused.
        Assert.DoesNotContain("return error", record, StringComparison.Ordinal);
        var write = RuntimeSourceText.Function("writeCorsHeaders");
        Assert.Contains("if value is string {\n            ctx.headers[header] = value;", write, StringComparison.Ordinal);
        foreach (var header in new[] { "access-control-allow-methods", "access-control-allow-origin", "access-control-allow-headers", "\"origin\"" })
        {
            Assert.Contains(header, write, StringComparison.Ordinal);
        }

        // Recorded before the query parameters, as Resource.process does before populateQueryParamsToMessageContext,
        // for a dispatched API request only.
        RuntimeSourceText.InOrder(RuntimeSourceText.Function("newContext"), "if cors is ResourceCors && api is string && dispatched { // Only with: argument cors",
            "recordCors(ctx, request, cors);", "check setQueryParams(ctx, request.rawPath);");
        RuntimeSourceText.InOrder(RuntimeSourceText.Function("respond"), "if cors { // Only with: argument cors", "writeCorsHeaders(ctx);", "answerInClientSoapVersion(ctx);");
    }

    [Fact]
    public void The_runtime_keeps_the_cors_lines_only_where_a_call_passes_them()
    {
        var without = RuntimeModule.BuiltIn.Support(["Context ctx = check newContext(request, \"A\", \"/a\");", "return check respond(ctx, headers = passBackHeaders);"])!;
        Assert.DoesNotContain("recordCors", RuntimeModule.DeclarationNames(without));
        Assert.DoesNotContain("writeCorsHeaders", RuntimeModule.DeclarationNames(without));
        Assert.DoesNotContain("recordCors(ctx, request, cors);", without, StringComparison.Ordinal);
        Assert.DoesNotContain("boolean cors = false", without, StringComparison.Ordinal);
        var with = RuntimeModule.BuiltIn.Support(["Context ctx = check newContext(request, \"A\", \"/a\", cors = {allow: \"GET\", enabled: true, allowedOrigins: \"\", allowedHeaders: \"\"});", "return check respond(ctx, cors = true, headers = passBackHeaders);"])!;
        Assert.Contains("recordCors", RuntimeModule.DeclarationNames(with));
        Assert.Contains("writeCorsHeaders", RuntimeModule.DeclarationNames(with));
    }
}
