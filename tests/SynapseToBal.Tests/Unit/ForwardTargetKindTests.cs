using System.Globalization;
using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// A forwarding processor routes to every endpoint ForwardingService can send to that the converter has a sender for: an
/// HTTP client or group, a default endpoint (the stored message's To), a JMS endpoint (sendJms) and a vfs endpoint
/// (vfsWriteFile / vfsWriteRemote), the last two judged as ForwardingService judges an address that is neither http(s)
/// nor hl7: delivered once sent, no reply sequence, a failed send a failed attempt only under OUT_ONLY = "true".
/// A uri-template endpoint taking its host from the message, or an endpoint with no sender, keeps its SB0206.
/// </summary>
public sealed class ForwardTargetKindTests
{
    private const string Store = """<messageStore xmlns="http://ws.apache.org/ns/synapse" class="org.apache.synapse.message.store.impl.memory.InMemoryStore" name="S"/>""";

    private const string Jms = """<endpoint xmlns="http://ws.apache.org/ns/synapse" name="Queue"><address uri="jms:/orders?transport.jms.ConnectionFactoryJNDIName=QueueConnectionFactory&amp;java.naming.factory.initial=org.apache.activemq.jndi.ActiveMQInitialContextFactory&amp;java.naming.provider.url=tcp://broker.example.com:61616"/></endpoint>""";

    private const string JmsWithoutJndi = """<endpoint xmlns="http://ws.apache.org/ns/synapse" name="Bare"><address uri="jms:/orders?transport.jms.DestinationType=queue"/></endpoint>""";

    private const string Vfs = """<endpoint xmlns="http://ws.apache.org/ns/synapse" name="Outbox"><address uri="vfs:file:///var/outbox/orders.xml"/></endpoint>""";

    private const string Default = """<endpoint xmlns="http://ws.apache.org/ns/synapse" name="ToHeader"><default/></endpoint>""";

    private const string Http = """<endpoint xmlns="http://ws.apache.org/ns/synapse" name="Billing"><address uri="http://billing.example.com/orders"/></endpoint>""";

    private const string Tenant = """<endpoint xmlns="http://ws.apache.org/ns/synapse" name="Tenant"><http uri-template="http://{uri.var.tenant}.example.com/orders" method="post"/></endpoint>""";

    private const string Routed = """<messageProcessor xmlns="http://ws.apache.org/ns/synapse" class="org.apache.synapse.message.processor.impl.forwarder.ScheduledMessageForwardingProcessor" name="P" messageStore="S"/>""";

    private static string Storing(params string[] targets) =>
        $"""<api xmlns="http://ws.apache.org/ns/synapse" name="A" context="/a">{string.Concat(targets.Select((t, i) => $"""<resource methods="POST" uri-template="/r{i}"><inSequence><property name="target.endpoint" value="{t}" scope="default"/><store messageStore="S"/><respond/></inSequence></resource>"""))}</api>""";

    private static string Fixed(string target) =>
        $"""<messageProcessor xmlns="http://ws.apache.org/ns/synapse" class="org.apache.synapse.message.processor.impl.forwarder.ScheduledMessageForwardingProcessor" name="P" messageStore="S" targetEndpoint="{target}"/>""";

    private static List<string> Unroutable(DiagnosticBag diagnostics) => diagnostics.Items
        .Where(d => d.Id == DiagnosticCatalog.AttributeNotTranslated.Id)
        .Select(d => d.GetMessage(CultureInfo.InvariantCulture))
        .Where(m => m.Contains("target.endpoint (named by each message)", StringComparison.Ordinal) || m.Contains("targetEndpoint '", StringComparison.Ordinal))
        .ToList();

    [Fact]
    public void A_message_may_name_an_http_jms_vfs_or_default_endpoint_and_each_gets_its_route()
    {
        var diagnostics = new DiagnosticBag();
        var package = ArtifactLowering.Lower(diagnostics, Storing("Billing", "Queue", "Outbox", "ToHeader", "Tenant"), Store, Jms, Vfs, Default, Http, Tenant, Routed);

        var processor = Assert.Single(package.MessageProcessors);
        Assert.NotNull(processor.TargetChooser);
        Assert.Equal(
            ["Billing:Http", "Outbox:Vfs", "Queue:Jms", "Tenant:Http", "ToHeader:ToAddress"],
            processor.TargetChoices.Select(c => $"{c.EndpointName}:{c.GetType().Name}").Order(StringComparer.Ordinal));

        // The uri-template endpoint whose host comes from the message is a choice too: the job expands its whole
        // template per message, so nothing is left out.
        Assert.Empty(Unroutable(diagnostics));
        var tenant = Assert.IsType<ForwardRouteIr.Http>(processor.TargetChoices.Single(c => c.EndpointName == "Tenant"));
        Assert.Equal(new ForwardTemplateIr("http://{uri.var.tenant}.example.com/orders", "POST", Whole: true), tenant.Template);

        // The JMS choice sends out-only: SB0274 says what differs for a message without OUT_ONLY.
        var jms = Assert.Single(diagnostics.Items, d => d.Id == DiagnosticCatalog.ForwardJmsWithoutReply.Id).GetMessage(CultureInfo.InvariantCulture);
        Assert.Contains("forwards to JMS endpoint 'Queue' as an out-only send", jms, StringComparison.Ordinal);
        Assert.Contains("without a JMSReplyTo destination", jms, StringComparison.Ordinal);
    }

    [Fact]
    public void Non_http_endpoints_no_message_names_are_not_choices_but_http_clients_are()
    {
        var diagnostics = new DiagnosticBag();
        var package = ArtifactLowering.Lower(diagnostics, Storing("Queue"), Store, Jms, Vfs, Default, Http, Routed);

        var processor = Assert.Single(package.MessageProcessors);
        Assert.Equal(["Billing:Http", "Queue:Jms"], processor.TargetChoices.Select(c => $"{c.EndpointName}:{c.GetType().Name}").Order(StringComparer.Ordinal));
        Assert.Empty(Unroutable(diagnostics));
    }

    [Fact]
    public void A_jms_endpoint_the_converter_has_no_sender_for_keeps_its_reason()
    {
        var diagnostics = new DiagnosticBag();
        var package = ArtifactLowering.Lower(diagnostics, Storing(), Store, JmsWithoutJndi, Fixed("Bare"));

        Assert.Null(Assert.Single(package.MessageProcessors).Target);
        var message = Assert.Single(Unroutable(diagnostics));
        Assert.Contains("targetEndpoint 'Bare'", message, StringComparison.Ordinal);
        Assert.Contains("a jms endpoint the converter generates no sender for", message, StringComparison.Ordinal);
        Assert.Contains("the job logs and keeps the messages", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Outbox", typeof(ForwardRouteIr.Vfs))]
    [InlineData("Queue", typeof(ForwardRouteIr.Jms))]
    [InlineData("ToHeader", typeof(ForwardRouteIr.ToAddress))]
    [InlineData("Billing", typeof(ForwardRouteIr.Http))]
    public void A_target_endpoint_of_each_kind_is_routed(string target, Type kind)
    {
        var diagnostics = new DiagnosticBag();
        var package = ArtifactLowering.Lower(diagnostics, Storing(), Store, Jms, Vfs, Default, Http, Fixed(target));

        var processor = Assert.Single(package.MessageProcessors);
        Assert.IsType(kind, processor.Target);
        Assert.Equal(target, processor.Target!.EndpointName);
        Assert.Empty(Unroutable(diagnostics));
        Assert.Equal(kind == typeof(ForwardRouteIr.Jms), diagnostics.Items.Any(d => d.Id == DiagnosticCatalog.ForwardJmsWithoutReply.Id));
    }

    [Fact]
    public void A_jms_target_is_sent_and_judged_by_forwardSent_without_the_reply_sequence()
    {
        const string reply = """<sequence xmlns="http://ws.apache.org/ns/synapse" name="R"><log level="custom"><property name="r" value="reply"/></log></sequence>""";
        const string fault = """<sequence xmlns="http://ws.apache.org/ns/synapse" name="F"><log level="custom"><property name="f" expression="get-property('ERROR_MESSAGE')"/></log></sequence>""";
        const string processor = """<messageProcessor xmlns="http://ws.apache.org/ns/synapse" class="org.apache.synapse.message.processor.impl.forwarder.ScheduledMessageForwardingProcessor" name="P" messageStore="S" targetEndpoint="Queue"><parameter name="message.processor.reply.sequence">R</parameter><parameter name="message.processor.fault.sequence">F</parameter></messageProcessor>""";
        var stores = ArtifactConversion.Convert(Storing(), Store, Jms, reply, fault, processor)["stores.bal"];

        Assert.Contains("import ballerinax/java.jms;", stores, StringComparison.Ordinal);
        Assert.Contains("error? sent = sendJms(ctx, \"Queue\", {initialContextFactory: ", stores, StringComparison.Ordinal);
        Assert.Contains("if forwardSent(ctx, sent) {", stores, StringComparison.Ordinal);
        Assert.Contains("log:printError(\"Message processor 'P' failed to forward a message to endpoint 'Queue'\", 'error = sent);", stores, StringComparison.Ordinal);
        Assert.DoesNotContain("received a response but has no reply sequence", stores, StringComparison.Ordinal);
        Assert.DoesNotContain("forwardAttempt", stores, StringComparison.Ordinal);
    }

    [Fact]
    public void A_chooser_with_a_vfs_choice_returns_a_ForwardSend_and_the_job_judges_a_ForwardOutcome()
    {
        var stores = ArtifactConversion.Convert(Storing("Billing", "Outbox", "ToHeader"), Store, Vfs, Default, Http, Routed)["stores.bal"];

        Assert.Contains("returns ForwardRoute|ForwardSend? {", stores, StringComparison.Ordinal);
        Assert.Contains("return function (Context ctx) returns error? => vfsWriteFile(ctx, ", stores, StringComparison.Ordinal);
        Assert.Contains("return {endpoint: FORWARD_TO};", stores, StringComparison.Ordinal);
        Assert.Contains("ForwardRoute|ForwardSend? route = forwardTarget(name);", stores, StringComparison.Ordinal);
        Assert.Contains("ForwardOutcome outcome = forwardChosen(ctx, route, headers = passThroughHeaders);", stores, StringComparison.Ordinal);
        Assert.Contains("if outcome == \"sent\" {", stores, StringComparison.Ordinal);
        Assert.Contains("if outcome == \"response\" {", stores, StringComparison.Ordinal);
    }

    [Fact]
    public void A_default_target_goes_to_the_stored_message_To_address_with_the_non_retry_codes()
    {
        const string processor = """<messageProcessor xmlns="http://ws.apache.org/ns/synapse" class="org.apache.synapse.message.processor.impl.forwarder.ScheduledMessageForwardingProcessor" name="P" messageStore="S" targetEndpoint="ToHeader"><parameter name="non.retry.status.codes">404</parameter></messageProcessor>""";
        var stores = ArtifactConversion.Convert(Storing(), Store, Default, processor)["stores.bal"];

        Assert.Contains("if forwardAttemptAddress(ctx, [404], headers = passThroughHeaders) {", stores, StringComparison.Ordinal);
        Assert.DoesNotContain("TODO(", stores, StringComparison.Ordinal);
    }
}
