using SynapseToBal.Emit;
using SynapseToBal.IR;
using SynapseToBal.Tests.Runtime;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// What an API resource does to a response that comes back through it (issue 9): a send's response with no receiving
/// sequence and no continuation is injected into the REST handler (Axis2SynapseEnvironment.injectMessage), where
/// API.process sets the correlation header (`activityid`) to the message's CORRELATION_ID and Resource.process writes the
/// recorded CORS headers, then runs the out flow or, without one, sends it back (Axis2Sender.sendBack). One runtime call
/// says it: `throughApiResource`.
/// </summary>
public sealed class ApiResponseActivityIdTests
{
    private const string Api = """
        <api xmlns="http://ws.apache.org/ns/synapse" name="PassApi" context="/pass">
            <resource methods="GET" uri-template="/plain">
                <inSequence><send><endpoint><address uri="http://localhost:9000/plain"/></endpoint></send></inSequence>
            </resource>
            <resource methods="POST" uri-template="/logged">
                <inSequence><send><endpoint><address uri="http://localhost:9000/logged"/></endpoint></send></inSequence>
                <outSequence><log/><respond/></outSequence>
            </resource>
        </api>
        """;

    [Fact]
    public void A_sends_response_with_no_out_flow_goes_through_the_resource_and_is_sent_back()
    {
        var result = ArtifactConversion.Result(Api);
        var steps = IrWalker.Steps(result.Package!.Services.SelectMany(s => s.Resources).SelectMany(r => r.Body)).ToList();
        // Resource.process sends a response it has no out sequence for back with Axis2Sender.sendBack, after API.process.
        Assert.Contains(steps, s => s is RespondStep { SendBack: true, ThroughResource: true });
        var main = result.Files.Single(f => f.RelativePath == "main.bal").Content;
        RuntimeSourceText.InOrder(main, "throughApiResource(ctx);", "return check sendBackToClient(ctx, headers = passBackHeaders);");
        // The response on its way to the out flow goes through the resource too.
        Assert.Contains(steps, s => s is ContinueWithStep { ThroughResource: true, Function: not null });
    }

    [Fact]
    public void The_runtime_sets_the_correlation_header_to_the_correlation_id_and_keeps_it_without_cors()
    {
        var through = RuntimeSourceText.Function("throughApiResource");
        // Only an API's message goes through API.process (API.canProcess finds a response by SYNAPSE_REST_API): a proxy's
        // response run through a shared sequence's continueWithResponse keeps the backend's headers.
        RuntimeSourceText.InOrder(through, "if ctx.correlationId != \"\" && ctx.properties[\"SYNAPSE_REST_API\"] is string {", "ctx.headers[CORRELATION_HEADER] = ctx.correlationId;", "writeCorsHeaders(ctx); // Only with: CorsConfig");
        Assert.Contains("throughApiResource(ctx);", RuntimeSourceText.Function("continueWithResponse"), StringComparison.Ordinal);
        // RespondMediator does not go through API.process: `respond` writes the CORS headers only.
        Assert.DoesNotContain("throughApiResource", RuntimeSourceText.Function("respond"), StringComparison.Ordinal);
        Assert.DoesNotContain("CORRELATION_HEADER", RuntimeSourceText.Function("respond"), StringComparison.Ordinal);
        // Without a CORS configuration the correlation header is still set.
        var support = RuntimeModule.BuiltIn.Support(["Context ctx = check newContext(request, \"A\", \"/a\");", "throughApiResource(ctx);", "return check sendBackToClient(ctx, headers = passBackHeaders);"])!;
        Assert.Contains("ctx.headers[CORRELATION_HEADER] = ctx.correlationId;", support, StringComparison.Ordinal);
        Assert.DoesNotContain("writeCorsHeaders", RuntimeModule.DeclarationNames(support));
    }

    [Fact]
    public void A_proxys_response_does_not_go_through_an_api()
    {
        var proxy = """
            <proxy xmlns="http://ws.apache.org/ns/synapse" name="P" transports="http">
                <target><inSequence><send><endpoint><address uri="http://localhost:9000/p"/></endpoint></send></inSequence></target>
            </proxy>
            """;
        var files = ArtifactConversion.Convert(proxy);
        Assert.DoesNotContain("throughApiResource(ctx);", string.Concat(files.Where(f => f.Key != "support.bal").Select(f => f.Value)), StringComparison.Ordinal);
    }

    [Fact]
    public void Each_recipients_response_goes_through_the_resource_before_the_out_flows_mediators()
    {
        var api = """
            <api xmlns="http://ws.apache.org/ns/synapse" name="RlApi" context="/rl">
                <resource methods="POST" uri-template="/all">
                    <inSequence><send><endpoint><recipientlist><endpoint><address uri="http://a.example.com"/></endpoint><endpoint><address uri="http://b.example.com"/></endpoint></recipientlist></endpoint></send></inSequence>
                    <outSequence><aggregate><completeCondition><messageCount/></completeCondition><onComplete xmlns:m="http://m" expression="//m:r"><respond/></onComplete></aggregate></outSequence>
                </resource>
            </api>
            """;
        var package = ArtifactConversion.Result(api).Package!;
        var fork = Assert.Single(package.Functions.SelectMany(f => IrWalker.Steps(f.Body)).Concat(package.Services.SelectMany(s => s.Resources).SelectMany(r => IrWalker.Steps(r.Body))).OfType<ForkStep>());
        Assert.Equal(2, fork.Branches.Length);
        foreach (var branch in fork.Branches)
        {
            var body = package.Functions.Single(f => f.Name == branch).Body;
            // RecipientListEndpoint's copies are each sent on their own; each response is injected into the API.
            Assert.IsType<CallStep>(body[0]);
            // A send's response is a response (SynapseCallbackReceiver.handleMessage: no CONTINUATION_CALL).
            Assert.True(Assert.IsType<MarkResponseStep>(body[1]).IsResponse);
            Assert.IsType<ThroughResourceStep>(body[2]);
        }
    }
}
