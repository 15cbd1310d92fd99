using System.Globalization;
using SynapseToBal.Diagnostics;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// A scheduled forwarding processor sends as ForwardingService does: through <c>endpoint.send</c> with the blocking
/// sender on the message (BlockingMsgSender), so the target's suspension state, a failover or loadbalance target's
/// members, the blocking sender's status handling and the processor's non.retry.status.codes as the message's
/// NON_ERROR_HTTP_STATUS_CODES all apply; a message naming its endpoint fixes it for the messages after it.
/// </summary>
public sealed class ForwardingBlockingSenderTests
{
    private const string Store = """<messageStore xmlns="http://ws.apache.org/ns/synapse" class="org.apache.synapse.message.store.impl.memory.InMemoryStore" name="S"/>""";

    private const string Storing = """
        <api xmlns="http://ws.apache.org/ns/synapse" name="A" context="/a">
            <resource methods="POST"><inSequence><store messageStore="S"/><respond/></inSequence></resource>
        </api>
        """;

    private const string Group = """
        <endpoint xmlns="http://ws.apache.org/ns/synapse" name="Quotes"><failover>
          <endpoint name="one"><address uri="http://one.example.com"/></endpoint>
          <endpoint name="two"><address uri="http://two.example.com"/></endpoint>
        </failover></endpoint>
        """;

    private const string Suspending = """
        <endpoint xmlns="http://ws.apache.org/ns/synapse" name="Audit"><address uri="http://audit.example.com">
          <suspendOnFailure><initialDuration>2000</initialDuration></suspendOnFailure>
        </address><property name="non.error.http.status.codes" value="404" scope="axis2"/></endpoint>
        """;

    private static string Processor(string name, string target, string parameters = "") =>
        $"""<messageProcessor xmlns="http://ws.apache.org/ns/synapse" class="org.apache.synapse.message.processor.impl.forwarder.ScheduledMessageForwardingProcessor" name="{name}" messageStore="S" {target}><parameter name="message.processor.reply.sequence">R</parameter>{parameters}</messageProcessor>""";

    private const string Reply = """<sequence xmlns="http://ws.apache.org/ns/synapse" name="R"><log/></sequence>""";

    [Fact]
    public void A_group_target_is_forwarded_through_its_endpoint_group_with_the_blocking_sender()
    {
        string[] artifacts = [Storing, Store, Group, Reply, Processor("P", "targetEndpoint=\"Quotes\"", "<parameter name=\"non.retry.status.codes\">404</parameter>")];
        var diagnostics = new DiagnosticBag();
        ArtifactLowering.Lower(diagnostics, artifacts);
        var files = ArtifactConversion.Convert(artifacts);

        Assert.Contains("if forwardAttemptGroup(ctx, quotesGroup, [404], headers = passThroughHeaders) {", files["stores.bal"], StringComparison.Ordinal);
        Assert.Contains("final EndpointGroup quotesGroup = check new (\"failover\", \"Quotes\", [", files["connections.bal"], StringComparison.Ordinal);
        Assert.DoesNotContain("http:FailoverClient", files["connections.bal"], StringComparison.Ordinal);
        Assert.Contains("callGroup(ctx, group, restPostfix(ctx, format), format = format, soapFault = !forwardOutOnly(ctx), blocking = true", files["support.bal"], StringComparison.Ordinal);
        var note = Assert.Single(diagnostics.Items, d => d.Id == DiagnosticCatalog.BlockingGroupSend.Id);
        Assert.Contains("failover endpoint 'Quotes'", note.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void A_target_with_suspension_settings_is_forwarded_through_its_state_with_its_non_error_codes()
    {
        var files = ArtifactConversion.Convert(Storing, Store, Suspending, Reply, Processor("P", "targetEndpoint=\"Audit\""));

        Assert.Contains("if forwardAttempt(ctx, audit, url = auditUrl, nonErrorCodes = [404], state = auditSuspension, headers = passThroughHeaders) {", files["stores.bal"], StringComparison.Ordinal);
        Assert.Contains("final EndpointState auditSuspension = new (", files["connections.bal"], StringComparison.Ordinal);
        var support = files["support.bal"];
        Assert.Contains("if state is EndpointState && endpointReady(ctx, state) is error {", support, StringComparison.Ordinal);
        Assert.Contains("sent = endpointCalled(state, sent);", support, StringComparison.Ordinal);
        Assert.Contains("callBlocking(ctx, endpoint, path, method, format = format, nonErrorCodes = forwardReadCodes(nonErrorCodes, nonRetryCodes), soapFault = !forwardOutOnly(ctx), headers = headers)", support, StringComparison.Ordinal);
    }

    [Fact]
    public void A_message_naming_its_endpoint_routes_to_groups_and_states_and_the_first_name_is_kept()
    {
        var files = ArtifactConversion.Convert(Storing, Store, Group, Suspending, Reply, Processor("P", string.Empty));
        var stores = files["stores.bal"];

        Assert.Contains("return {endpoint: quotesGroup};", stores, StringComparison.Ordinal);
        Assert.Contains("return {endpoint: audit, url: auditUrl, nonErrorCodes: [404], state: auditSuspension};", stores, StringComparison.Ordinal);
        Assert.Contains("if forwardRoute(ctx, route, headers = passThroughHeaders) {", stores, StringComparison.Ordinal);
        // ForwardingService's targetEndpoint field takes the first message's target.endpoint and keeps it.
        Assert.Contains("private string? targetName = ();", stores, StringComparison.Ordinal);
        Assert.Contains("string name = self.targetName ?: getProperty(ctx, \"target.endpoint\");", stores, StringComparison.Ordinal);
        Assert.Contains("self.targetName = name;", stores, StringComparison.Ordinal);
        Assert.Contains("final EndpointState auditSuspension = new (", files["connections.bal"], StringComparison.Ordinal);
        Assert.Contains("type ForwardRoute record {|\n    http:Client|EndpointGroup|UrlTemplateEndpoint|FORWARD_TO endpoint;", files["support.bal"], StringComparison.Ordinal);
    }

    [Fact]
    public void An_out_only_message_is_removed_without_the_reply_sequence_and_a_failed_status_skips_the_fault_sequence()
    {
        const string backend = """<endpoint xmlns="http://ws.apache.org/ns/synapse" name="B"><address uri="http://b.example.com"/></endpoint>""";
        const string fault = """<sequence xmlns="http://ws.apache.org/ns/synapse" name="F"><log/></sequence>""";
        var files = ArtifactConversion.Convert(Storing, Store, backend, Reply, fault, Processor("P", "targetEndpoint=\"B\"", "<parameter name=\"message.processor.fault.sequence\">F</parameter>"));
        var stores = files["stores.bal"];

        // ForwardingService clears BLOCKING_SENDER_ERROR before the attempt.
        var clear = stores.IndexOf("_ = ctx.properties.removeIfHasKey(\"BLOCKING_SENDER_ERROR\");", StringComparison.Ordinal);
        var attempt = stores.IndexOf("if forwardAttempt(ctx, b, url = bUrl, state = bSuspension, headers = passThroughHeaders) {", StringComparison.Ordinal);
        Assert.True(clear >= 0 && attempt > clear, stores);

        // After a passing status the out-only check comes first: removed, and the run goes on without the reply sequence.
        var outOnly = stores.IndexOf("if forwardOutOnly(ctx) {", attempt, StringComparison.Ordinal);
        Assert.True(outOnly > attempt, stores);
        var removed = stores.IndexOf(".remove();", outOnly, StringComparison.Ordinal);
        var reply = stores.IndexOf("r(ctx)", outOnly, StringComparison.Ordinal);
        Assert.True(removed > outOnly && reply > removed, stores);
        Assert.Equal(-1, stores.IndexOf("r(ctx)", attempt, outOnly - attempt, StringComparison.Ordinal));

        // A failed attempt runs the fault sequence unless the message is out-only and the send itself did not fail.
        var guard = stores.IndexOf("if forwardFaultRuns(ctx) {", reply, StringComparison.Ordinal);
        var faultCall = stores.IndexOf("f(ctx)", reply, StringComparison.Ordinal);
        Assert.True(guard > reply && faultCall > guard, stores);

        var support = files["support.bal"];
        Assert.Contains("function forwardOutOnly(Context ctx) returns boolean => ctx.properties[\"OUT_ONLY\"] == \"true\";", support, StringComparison.Ordinal);
        Assert.Contains("function forwardFaultRuns(Context ctx) returns boolean => !forwardOutOnly(ctx) || ctx.properties[\"BLOCKING_SENDER_ERROR\"] == \"true\";", support, StringComparison.Ordinal);
        Assert.Contains("soapFault = !forwardOutOnly(ctx), headers = headers);", support, StringComparison.Ordinal);
        Assert.Contains("ctx.properties[\"BLOCKING_SENDER_ERROR\"] = \"true\";", support, StringComparison.Ordinal);
        Assert.Contains("ctx.properties[\"BLOCKING_SENDER_ERROR\"] = \"false\";", support, StringComparison.Ordinal);
    }
}
