using System.Globalization;
using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using Xunit;

namespace SynapseToBal.Tests.Unit;

// <enableAddressing>: Axis2FlexibleMEPClient turns Axis2's AddressingOutHandler on for a non-blocking send through the
// endpoint, which adds wsa:To, wsa:MessageID, wsa:Action (and, for 2004/08, an anonymous wsa:ReplyTo) to the envelope.
public sealed class EndpointAddressingTests
{
    private const string Api = """
        <api xmlns="http://ws.apache.org/ns/synapse" name="A" context="/a">
            <resource methods="POST" uri-template="/x"><inSequence><call><endpoint key="Backend"/></call><respond/></inSequence></resource>
        </api>
        """;

    private static string Endpoint(string addressing) =>
        $"""<endpoint xmlns="http://ws.apache.org/ns/synapse" name="Backend"><address uri="http://backend.example.com/services/S" format="soap11">{addressing}</address></endpoint>""";

    [Theory]
    [InlineData("<enableAddressing/>", WsAddressingVersion.Default)]
    [InlineData("<enableAddressing version=\"final\"/>", WsAddressingVersion.Final)]
    [InlineData("<enableAddressing version=\"submission\"/>", WsAddressingVersion.Submission)]
    public void The_client_carries_the_addressing_version_and_nothing_is_reported(string addressing, WsAddressingVersion expected)
    {
        var diagnostics = new DiagnosticBag();
        var package = ArtifactLowering.Lower(diagnostics, Endpoint(addressing));
        Assert.Equal(expected, Assert.Single(package.Clients).Addressing);
        Assert.DoesNotContain(diagnostics.Items, d => d.Id == "SB0206");
    }

    [Fact]
    public void Without_enable_addressing_the_client_adds_no_headers()
    {
        var package = ArtifactLowering.Lower(new DiagnosticBag(), Endpoint(string.Empty));
        Assert.Null(Assert.Single(package.Clients).Addressing);
    }

    [Fact]
    public void A_separate_listener_is_reported_and_no_headers_are_added()
    {
        var diagnostics = new DiagnosticBag();
        var package = ArtifactLowering.Lower(diagnostics, Endpoint("<enableAddressing separateListener=\"true\"/>"));
        Assert.Null(Assert.Single(package.Clients).Addressing);
        var reported = Assert.Single(diagnostics.Items, d => d.Id == "SB0206");
        Assert.Contains("separateListener=\"true\"", reported.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void A_non_blocking_call_passes_the_version_and_the_endpoint_url_to_call_endpoint()
    {
        var files = ArtifactConversion.Convert(Api, Endpoint("<enableAddressing version=\"submission\"/>"));
        var call = Assert.Single(files["main.bal"].Split('\n'), l => l.Contains("callEndpointAddressed(", StringComparison.Ordinal));
        Assert.Contains("wsAddressing = \"submission\", wsaTo = ", call, StringComparison.Ordinal);
        Assert.Contains("function addressingBlocks(", files["support.bal"], StringComparison.Ordinal);
        Assert.Contains("function withHeaderBlocks(", files["support.bal"], StringComparison.Ordinal);
    }

    [Fact]
    public void A_blocking_call_adds_no_headers_and_is_reported_when_the_input_sets_preserve_ws_addressing()
    {
        var diagnostics = new DiagnosticBag();
        var api = Api.Replace("<call>", """<property name="PRESERVE_WS_ADDRESSING" value="true"/><call blocking="true">""", StringComparison.Ordinal);
        ArtifactLowering.Lower(diagnostics, api, Endpoint("<enableAddressing/>"));
        var reported = Assert.Single(diagnostics.Items, d => d.Id == "SB0206" && d.GetMessage(CultureInfo.InvariantCulture).Contains("enableAddressing", StringComparison.Ordinal));
        Assert.Contains("blocking sender", reported.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.DoesNotContain(diagnostics.Items, d => d.Id == DiagnosticCatalog.SettingWithoutEffect.Id);
    }

    [Fact]
    public void A_blocking_call_or_callout_without_preserve_ws_addressing_in_the_input_gets_a_note_not_a_warning()
    {
        // BlockingMsgSenderUtils.fillMessageContext disables addressing unless PRESERVE_WS_ADDRESSING is "true": the
        // Micro Integrator adds no headers there either.
        var diagnostics = new DiagnosticBag();
        var api = Api.Replace("<call>", """<callout endpointKey="Backend"/><call blocking="true">""", StringComparison.Ordinal);
        ArtifactLowering.Lower(diagnostics, api, Endpoint("<enableAddressing/>"));
        Assert.DoesNotContain(diagnostics.Items, d => d.Id == "SB0206" && d.GetMessage(CultureInfo.InvariantCulture).Contains("enableAddressing", StringComparison.Ordinal));
        var notes = diagnostics.Items.Where(d => d.Id == DiagnosticCatalog.SettingWithoutEffect.Id).Select(d => d.GetMessage(CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(2, notes.Count);
        Assert.Contains(notes, n => n.StartsWith("<callout>", StringComparison.Ordinal));
        Assert.All(notes, n => Assert.Contains("PRESERVE_WS_ADDRESSING", n, StringComparison.Ordinal));
    }

    [Fact]
    public void A_failover_member_with_addressing_is_kept_by_the_group_s_endpoint_group()
    {
        var diagnostics = new DiagnosticBag();
        var package = ArtifactLowering.Lower(diagnostics, """
            <endpoint xmlns="http://ws.apache.org/ns/synapse" name="Group"><failover>
              <endpoint name="one"><address uri="http://one.example.com/s"><enableAddressing/></address></endpoint>
              <endpoint name="two"><address uri="http://two.example.com/s"/></endpoint>
            </failover></endpoint>
            """);
        var group = Assert.Single(package.Clients, c => c.Group is not null && c.Addressing is null).Group!;
        Assert.Equal([WsAddressingVersion.Default, null], group.Members.Select(m => m.Addressing));
        Assert.DoesNotContain(diagnostics.Items, d => d.Id == "SB0206" && d.GetMessage(CultureInfo.InvariantCulture).Contains("enableAddressing", StringComparison.Ordinal));
    }

    private const string Store = """<messageStore xmlns="http://ws.apache.org/ns/synapse" class="org.apache.synapse.message.store.impl.memory.InMemoryStore" name="S"/>""";

    private const string Storing = """
        <api xmlns="http://ws.apache.org/ns/synapse" name="A" context="/a">
            <resource methods="POST" uri-template="/x"><inSequence><property name="PRESERVE_WS_ADDRESSING" value="true"/><store messageStore="S"/><respond/></inSequence></resource>
        </api>
        """;

    private static string Processor(string target) =>
        $"""<messageProcessor xmlns="http://ws.apache.org/ns/synapse" class="org.apache.synapse.message.processor.impl.forwarder.ScheduledMessageForwardingProcessor" name="P" messageStore="S" {target}/>""";

    [Fact]
    public void A_forwarding_processor_passes_its_target_s_addressing_to_forward_attempt_and_reports_nothing()
    {
        // ForwardingService sends through the blocking sender, which adds the headers when the stored message's
        // PRESERVE_WS_ADDRESSING is "true": forwardAttempt decides per message.
        string[] artifacts = [Storing, Store, Processor("targetEndpoint=\"Backend\""), Endpoint("<enableAddressing version=\"final\"/>")];
        var diagnostics = new DiagnosticBag();
        ArtifactLowering.Lower(diagnostics, artifacts);
        var files = ArtifactConversion.Convert(artifacts);
        var attempt = Assert.Single(files["stores.bal"].Split('\n'), l => l.Contains("forwardAttemptAddressed(", StringComparison.Ordinal));
        Assert.Contains("forwardAttemptAddressed(ctx, backend, url = backendUrl, format = \"soap11\", state = backendSuspension, wsAddressing = \"final\", wsaTo = ", attempt, StringComparison.Ordinal);
        Assert.Contains("callEndpointAddressed(ctx, endpoint", files["support.bal"], StringComparison.Ordinal);
        Assert.DoesNotContain(diagnostics.Items, d => d.Id is "SB0206" or "SB0242" && d.GetMessage(CultureInfo.InvariantCulture).Contains("enableAddressing", StringComparison.Ordinal));
    }

    [Fact]
    public void A_processor_routing_by_target_endpoint_returns_each_endpoint_s_format_and_addressing()
    {
        string[] artifacts = [Storing, Store, Processor(string.Empty), Endpoint("<enableAddressing/>")];
        var diagnostics = new DiagnosticBag();
        ArtifactLowering.Lower(diagnostics, artifacts);
        var files = ArtifactConversion.Convert(artifacts);
        var stores = files["stores.bal"];
        Assert.Contains("return {endpoint: backend, url: backendUrl, format: \"soap11\", state: backendSuspension, wsAddressing: \"default\", wsaTo: ", stores, StringComparison.Ordinal);
        Assert.Contains("forwardRouteAddressed(ctx, route, headers = passThroughHeaders)", stores, StringComparison.Ordinal);
        Assert.Contains("callEndpointAddressed(ctx, endpoint", files["support.bal"], StringComparison.Ordinal);
        Assert.DoesNotContain(diagnostics.Items, d => d.Id is "SB0206" or "SB0242" && d.GetMessage(CultureInfo.InvariantCulture).Contains("enableAddressing", StringComparison.Ordinal));
    }

    [Fact]
    public void A_processor_routing_to_endpoints_without_format_or_addressing_passes_only_the_client()
    {
        var files = ArtifactConversion.Convert(Storing, Store, Processor(string.Empty),
            """<endpoint xmlns="http://ws.apache.org/ns/synapse" name="Plain"><address uri="http://plain.example.com/p"/></endpoint>""");
        var stores = files["stores.bal"];
        // The endpoint's default suspension state (EndpointDefinition's defaults) goes with the client, as ForwardingService sends through endpoint.send.
        Assert.Contains("return {endpoint: plain, url: plainUrl, state: plainSuspension};", stores, StringComparison.Ordinal);
        Assert.Contains("forwardRoute(ctx, route, headers = passThroughHeaders) {", stores, StringComparison.Ordinal);
        Assert.DoesNotContain("forwardRouteAddressed", stores, StringComparison.Ordinal);
        Assert.DoesNotContain("function forwardAttemptAddressed(", files["support.bal"], StringComparison.Ordinal);
    }
}
