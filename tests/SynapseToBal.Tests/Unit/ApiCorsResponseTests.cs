using SynapseToBal.Emit;
using SynapseToBal.IR;
using SynapseToBal.Tests.Runtime;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// The CORS headers the Micro Integrator puts on the answers of an API resource (issue 9): Resource.process records
/// them for a request the resource takes (CORSHelper.handleCORSHeaders with updateHeaders false), and
/// handleCORSHeadersForResponse writes them on a response coming back through the resource (a send's to an endpoint or
/// the To address, a loopback's) and on every answer of RespondMediator (`respond`); never on a proxy's message, nor on
/// what Axis2Sender.sendBack alone answers (`sendBackToClient`: an endpoint-less send back to the client, a cache hit).
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

    private const string ToAddressApi = """
        <api xmlns="http://ws.apache.org/ns/synapse" name="ToApi" context="/to">
            <resource methods="POST" uri-template="/orders">
                <inSequence><header name="To" value="http://localhost:9000/orders"/><send/></inSequence>
                <outSequence><log/><send/></outSequence>
            </resource>
            <resource methods="GET" uri-template="/echo">
                <inSequence><loopback/></inSequence>
                <outSequence><log level="custom"><property name="seen" value="1"/></log><send/></outSequence>
            </resource>
        </api>
        """;

    [Fact]
    public void Respond_and_a_sends_response_write_them_an_endpoint_less_send_does_not()
    {
        var files = ArtifactConversion.Convert(Api);
        var code = string.Join("\n", files.Where(f => f.Key.EndsWith(".bal", StringComparison.Ordinal) && f.Key != "support.bal").Select(f => f.Value));
        // RespondMediator in the in flow: `respond` writes what the resource recorded; no argument decides it.
        Assert.Contains("return check respond(ctx, headers = passBackHeaders);", code, StringComparison.Ordinal);
        Assert.DoesNotContain("cors = true", code, StringComparison.Ordinal);
        // The send's response goes through the resource (writing them) before its out flow.
        Assert.Contains("throughApiResource(ctx);\n", code, StringComparison.Ordinal);
        // The out flow's and the fault flow's `<send/>` answer through Axis2Sender.sendBack alone: nothing written there.
        Assert.Contains("sendBackToClient(ctx, headers = passBackHeaders);", code, StringComparison.Ordinal);
        var support = files["support.bal"];
        Assert.Contains("function recordCors(", support, StringComparison.Ordinal);
        Assert.Contains("function writeCorsHeaders(", support, StringComparison.Ordinal);
        RuntimeSourceText.InOrder(support[support.IndexOf("function respond(", StringComparison.Ordinal)..], "writeCorsHeaders(ctx);", "return sendBackToClient(ctx, headers);");
    }

    [Fact]
    public void The_responses_of_a_to_address_send_and_a_loopback_come_back_through_the_resource()
    {
        var result = ArtifactConversion.Result(ToAddressApi);
        var resources = result.Package!.Services.SelectMany(s => s.Resources).ToList();
        var steps = IrWalker.Steps(resources.SelectMany(r => r.Body)).ToList();
        // The endpoint-less send on a request goes to the To address; its response, and a loopback's message, are
        // injected into the API, whose resource writes the CORS headers before the out flow
        // (Axis2SynapseEnvironment.injectMessage, Resource.process).
        Assert.Contains(steps, s => s is CallAddressStep);
        Assert.Equal(2, steps.OfType<ContinueWithStep>().Count(c => c.ThroughResource));
        // The out flows' `<send/>` send it back as it is (Axis2Sender.sendBack).
        var outSteps = IrWalker.Steps(result.Package.Functions.SelectMany(f => f.Body)).ToList();
        Assert.Contains(outSteps, s => s is RespondStep { SendBack: true });
        Assert.DoesNotContain(outSteps, s => s is RespondStep { SendBack: false });
        var main = result.Files.Single(f => f.RelativePath == "main.bal").Content;
        RuntimeSourceText.InOrder(main, "callAddress(", "throughApiResource(ctx);");
    }

    [Fact]
    public void A_cache_hit_and_a_proxy_response_are_sent_back_as_they_are()
    {
        var api = """
            <api xmlns="http://ws.apache.org/ns/synapse" name="CacheApi" context="/c">
                <resource methods="GET" uri-template="/x">
                    <inSequence><cache collector="false" timeout="60"><implementation type="memory" maxSize="10"/></cache><respond/></inSequence>
                </resource>
            </api>
            """;
        var package = ArtifactConversion.Result(api).Package!;
        var steps = IrWalker.Steps(package.Services.SelectMany(s => s.Resources).SelectMany(r => r.Body).Concat(package.Functions.SelectMany(f => f.Body))).ToList();
        // CacheMediator answers a hit with Axis2Sender.sendBack; the `<respond/>` after it is RespondMediator's.
        Assert.Contains(steps, s => s is CacheLookupStep c && c.OnHit is [RespondStep { SendBack: true }]);
        Assert.Contains(steps, s => s is RespondStep { SendBack: false, Origin: SynapseToBal.Syntax.RespondMediator });
        var proxy = """
            <proxy xmlns="http://ws.apache.org/ns/synapse" name="P" transports="http">
                <target><inSequence><send><endpoint><address uri="http://localhost:9000/p"/></endpoint></send></inSequence></target>
            </proxy>
            """;
        var proxyPackage = ArtifactConversion.Result(proxy).Package!;
        var proxySteps = IrWalker.Steps(proxyPackage.Services.SelectMany(s => s.Resources).SelectMany(r => r.Body).Concat(proxyPackage.Functions.SelectMany(f => f.Body))).ToList();
        Assert.Contains(proxySteps, s => s is RespondStep { SendBack: true });
        Assert.DoesNotContain(proxySteps, s => s is ContinueWithStep { ThroughResource: true } or RespondStep { ThroughResource: true });
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
        Assert.DoesNotContain("writeCorsHeaders(ctx);", support, StringComparison.Ordinal);
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
        RuntimeSourceText.InOrder(RuntimeSourceText.Function("respond"), "writeCorsHeaders(ctx); // Only with: CorsConfig", "return sendBackToClient(ctx, headers);");
        Assert.DoesNotContain("writeCorsHeaders", RuntimeSourceText.Function("sendBackToClient"), StringComparison.Ordinal);
        RuntimeSourceText.InOrder(RuntimeSourceText.Function("continueWithResponse"), "throughApiResource(ctx);", "return sendBackToClient(ctx);", "return outFlow(ctx);");
        Assert.Contains("writeCorsHeaders(ctx); // Only with: CorsConfig", RuntimeSourceText.Function("throughApiResource"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_runtime_keeps_the_cors_lines_only_where_a_call_passes_them()
    {
        var without = RuntimeModule.BuiltIn.Support(["Context ctx = check newContext(request, \"A\", \"/a\");", "return check respond(ctx, headers = passBackHeaders);"])!;
        Assert.DoesNotContain("recordCors", RuntimeModule.DeclarationNames(without));
        Assert.DoesNotContain("writeCorsHeaders", RuntimeModule.DeclarationNames(without));
        Assert.DoesNotContain("recordCors(ctx, request, cors);", without, StringComparison.Ordinal);
        Assert.DoesNotContain("writeCorsHeaders(ctx);", without, StringComparison.Ordinal);
        var with = RuntimeModule.BuiltIn.Support(["final CorsConfig corsConfig = {enabled: true, allowedOrigins: \"\", allowedHeaders: \"\"};", "Context ctx = check newContext(request, \"A\", \"/a\", cors = {allow: \"GET\", ...corsConfig});", "return check respond(ctx, headers = passBackHeaders);"])!;
        Assert.Contains("recordCors", RuntimeModule.DeclarationNames(with));
        Assert.Contains("writeCorsHeaders", RuntimeModule.DeclarationNames(with));
    }
}
