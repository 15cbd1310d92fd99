using SynapseToBal.IR;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// A fault flow runs on the request (a failure before any response: SynapseCallbackReceiver hands the fault handler
/// the request) or on the response (after one): what tests isResponse() there is decided at run time, unless a
/// makefault or RESPONSE above settles it.
/// </summary>
public sealed class FaultSendDirectionTests
{
    private static FunctionIr FaultFlow(string faultSequence)
    {
        var (package, _) = ArtifactLowering.Definitions($"""
            <api name="A" context="/a">
                <resource methods="POST" uri-template="/r">
                    <inSequence><call><endpoint><address uri="http://localhost:9000/b"/></endpoint></call><respond/></inSequence>
                    <faultSequence>{faultSequence}</faultSequence>
                </resource>
            </api>
            """);
        return Assert.Single(package.Functions, f => f.Kind == FunctionKind.FaultFlow);
    }

    private static FunctionIr ProxyFaultFlow(string faultSequence)
    {
        var (package, _) = ArtifactLowering.Definitions($"""
            <proxy name="P" transports="http">
                <target>
                    <inSequence><send><endpoint><address uri="http://localhost:9000/b"/></endpoint></send></inSequence>
                    <outSequence><respond/></outSequence>
                    <faultSequence>{faultSequence}</faultSequence>
                </target>
            </proxy>
            """);
        return Assert.Single(package.Functions, f => f.Kind == FunctionKind.FaultFlow);
    }

    [Fact]
    public void A_bare_send_in_a_fault_flow_goes_to_the_To_address_on_a_request_and_answers_the_client_on_a_response()
    {
        var fault = FaultFlow("<send/>");

        var direction = Assert.IsType<DirectionStep>(Assert.Single(fault.Body));
        // On a request: a call's response still addressed to the anonymous address answers the client
        // (PassThroughHttpSender.invoke: submitResponse); any other To is sent to.
        var request = Assert.IsType<IfStep>(Assert.Single(direction.Request));
        Assert.IsType<AnonymousToIr>(request.Condition);
        Assert.True(Assert.IsType<RespondStep>(Assert.Single(request.Then)).SendBack);
        Assert.IsType<CallAddressStep>(request.Else[0]);
        Assert.IsType<RespondStep>(Assert.Single(direction.Response));
    }

    [Fact]
    public void A_makefault_marking_a_response_settles_the_bare_send_as_an_answer()
    {
        var fault = FaultFlow("""<makefault version="soap11"><code value="soap11Env:Server" xmlns:soap11Env="http://schemas.xmlsoap.org/soap/envelope/"/><reason value="failed"/></makefault><send/>""");

        Assert.IsType<RespondStep>(fault.Body[^1]);
        Assert.DoesNotContain(IrWalker.Steps(fault.Body), s => s is DirectionStep or CallAddressStep);
    }

    [Fact]
    public void The_RESPONSE_property_settles_the_bare_send_either_way()
    {
        var response = FaultFlow("""<property name="RESPONSE" value="true"/><send/>""");
        var request = FaultFlow("""<property name="RESPONSE" value="false"/><send/>""");

        Assert.IsType<RespondStep>(response.Body[^1]);
        Assert.DoesNotContain(IrWalker.Steps(response.Body), s => s is DirectionStep or CallAddressStep);
        // RESPONSE="false": the send goes to the To address, then the response is the client's (the API has no out flow).
        Assert.Contains(request.Body, s => s is CallAddressStep);
        Assert.DoesNotContain(IrWalker.Steps(request.Body), s => s is DirectionStep);
    }

    [Fact]
    public void In_and_out_in_a_fault_flow_test_the_direction_at_run_time_and_out_stays_a_fault_flow()
    {
        var fault = ProxyFaultFlow("""<in><log level="custom"><property name="step" value="request"/></log><send/></in><out><log level="custom"><property name="step" value="response"/></log><send/></out>""");

        // <in> tests at run time; its send goes to the To address (a request there).
        var inBranch = Assert.IsType<DirectionStep>(fault.Body[0]);
        Assert.Empty(inBranch.Response);
        Assert.Contains(inBranch.Request, s => s is CallAddressStep);
        // Only responses get past an <in> that sends: the <out> after it runs whenever it is reached, its send answers.
        Assert.IsType<LogStep>(fault.Body[1]);
        Assert.IsType<RespondStep>(fault.Body[2]);
        Assert.Equal(3, fault.Body.Length);
        Assert.DoesNotContain(IrWalker.Steps(fault.Body), s => s is DeadCodeStep);
    }

    [Fact]
    public void An_out_alone_in_a_fault_flow_runs_only_on_a_response()
    {
        var fault = ProxyFaultFlow("""<out><send/></out><drop/>""");

        var outBranch = Assert.IsType<DirectionStep>(fault.Body[0]);
        Assert.Empty(outBranch.Request);
        Assert.IsType<RespondStep>(Assert.Single(outBranch.Response));
    }

    [Fact]
    public void In_after_a_makefault_never_runs_and_out_runs_in_place()
    {
        var fault = ProxyFaultFlow("""<makefault version="soap11"><code value="soap11Env:Server" xmlns:soap11Env="http://schemas.xmlsoap.org/soap/envelope/"/><reason value="failed"/></makefault><in><send/></in><out><send/></out>""");

        Assert.Contains(fault.Body, s => s is DeadCodeStep);
        Assert.IsType<RespondStep>(fault.Body[^1]);
        Assert.DoesNotContain(IrWalker.Steps(fault.Body), s => s is DirectionStep);
    }
}

/// <summary>
/// ScatterGather.mediate sets RESPONSE_WRITTEN to SKIP once it has dispatched its sequences, whatever they do: the
/// generated code marks the request's <c>ctx.ack</c> there, and the flows it runs in end their failures as after a send.
/// </summary>
public sealed class ScatterGatherAckTests
{
    private static string Api(bool parallel, string fault = "") => $$"""
        <api xmlns="http://ws.apache.org/ns/synapse" name="PetAPI" context="/pets">
            <resource methods="GET" uri-template="/all">
                <inSequence>
                    <scatter-gather parallel-execution="{{(parallel ? "true" : "false")}}" target="body" result-content-type="JSON">
                        <aggregation expression="${payload.pet}"/>
                        <sequence><payloadFactory media-type="json"><format>{"pet": 1}</format><args/></payloadFactory></sequence>
                        <sequence><payloadFactory media-type="json"><format>{"pet": 2}</format><args/></payloadFactory></sequence>
                    </scatter-gather>
                    <respond/>
                </inSequence>
                {{fault}}
            </resource>
        </api>
        """;

    [Fact]
    public void A_parallel_scatter_gather_marks_the_request_for_the_rest_of_the_flow()
    {
        var files = ArtifactConversion.Convert(Api(parallel: true));
        var main = files["main.bal"];

        var mark = main.IndexOf("ctx.ack.skipped = true;", StringComparison.Ordinal);
        Assert.True(mark >= 0);
        Assert.True(mark < main.IndexOf("start ", StringComparison.Ordinal));
        Assert.DoesNotContain("ackSkipped", main, StringComparison.Ordinal);
        // No fault sequence: the default one after a send (its drop answers nothing once the request is marked).
        Assert.Contains("return handleFaultAfterSend(ctx, e);", main, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sequential_scatter_gather_puts_the_mark_back_after_gathering()
    {
        var main = ArtifactConversion.Convert(Api(parallel: false))["main.bal"];

        var lines = main.Split('\n').Select(l => l.Trim()).ToList();
        var saved = lines.IndexOf("boolean ackSkipped = ctx.ack.skipped;");
        var marked = lines.IndexOf("ctx.ack.skipped = true;");
        var gathered = lines.FindIndex(l => l.StartsWith("check gatherMessages(", StringComparison.Ordinal));
        var restored = lines.IndexOf("ctx.ack.skipped = ackSkipped;");
        Assert.True(saved >= 0 && saved < marked && marked < gathered && gathered + 1 == restored, main);
    }

    [Fact]
    public void A_fault_flow_ending_without_an_answer_after_a_scatter_gather_is_unanswered()
    {
        var result = ArtifactConversion.Result(Api(parallel: true, fault: """<faultSequence><log level="custom"><property name="failed" value="yes"/></log></faultSequence>"""));

        var functions = result.Files.Single(f => f.RelativePath == "functions.bal").Content;
        Assert.Contains("return unansweredFault(ctx, e);", functions, StringComparison.Ordinal);
        Assert.Contains(result.Diagnostics, d => d.Id == "SB0260");
    }
}

/// <summary>
/// A stored message keeps its REST_URL_POSTFIX, and the blocking sender a forwarding processor sends through joins it
/// to the address (BlockingMsgSenderUtils.getEPRWithRestURLPostfix) whichever way ForwardingService found the endpoint:
/// a processor routing by the message's target.endpoint joins it to the endpoint's URL as a targetEndpoint does.
/// </summary>
public sealed class ProcessorRoutePostfixTests
{
    [Fact]
    public void A_routed_forward_joins_the_stored_postfix_to_the_named_endpoints_url()
    {
        var files = ArtifactConversion.Convert(
            """<messageStore xmlns="http://ws.apache.org/ns/synapse" class="org.apache.synapse.message.store.impl.memory.InMemoryStore" name="S"/>""",
            """<endpoint xmlns="http://ws.apache.org/ns/synapse" name="Backend"><address uri="http://b.example.com/v1/"/></endpoint>""",
            """<api xmlns="http://ws.apache.org/ns/synapse" name="A" context="/a"><resource methods="POST" url-mapping="/x/*"><inSequence><property name="target.endpoint" value="Backend"/><store messageStore="S"/><respond/></inSequence></resource></api>""",
            """<messageProcessor xmlns="http://ws.apache.org/ns/synapse" class="org.apache.synapse.message.processor.impl.forwarder.ScheduledMessageForwardingProcessor" name="P" messageStore="S"><parameter name="interval">1000</parameter></messageProcessor>""");

        Assert.Contains("return {endpoint: backend, url: backendUrl", files["stores.bal"], StringComparison.Ordinal);
        var support = files["support.bal"];
        Assert.Contains("string? url = ();", support, StringComparison.Ordinal);
        Assert.Contains("route.state, route.template, route.url, headers);", support, StringComparison.Ordinal);
        Assert.Contains("string path = url is string ? clientPath(url, restPostfix(ctx, format)) : restPostfix(ctx, format);", support, StringComparison.Ordinal);
    }
}
