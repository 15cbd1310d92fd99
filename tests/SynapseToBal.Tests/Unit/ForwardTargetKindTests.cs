using System.Globalization;
using SynapseToBal.Diagnostics;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// A forwarding processor routes only to endpoints with an HTTP client; a JMS, vfs, default or uri-template endpoint a
/// message may name in <c>target.endpoint</c> gets an SB0206 of its own kind saying what ForwardingService does with it
/// (no response validation for a non-http(s) address: delivered once sent, no reply sequence, OUT_ONLY failures only).
/// </summary>
public sealed class ForwardTargetKindTests
{
    private const string Store = """<messageStore xmlns="http://ws.apache.org/ns/synapse" class="org.apache.synapse.message.store.impl.memory.InMemoryStore" name="S"/>""";

    private const string Jms = """<endpoint xmlns="http://ws.apache.org/ns/synapse" name="Queue"><address uri="jms:/orders?transport.jms.ConnectionFactoryJNDIName=QueueConnectionFactory&amp;java.naming.factory.initial=org.apache.activemq.jndi.ActiveMQInitialContextFactory&amp;java.naming.provider.url=tcp://broker.example.com:61616"/></endpoint>""";

    private const string Vfs = """<endpoint xmlns="http://ws.apache.org/ns/synapse" name="Outbox"><address uri="vfs:file:///var/outbox/orders.xml"/></endpoint>""";

    private const string Default = """<endpoint xmlns="http://ws.apache.org/ns/synapse" name="ToHeader"><default/></endpoint>""";

    private const string Http = """<endpoint xmlns="http://ws.apache.org/ns/synapse" name="Billing"><address uri="http://billing.example.com/orders"/></endpoint>""";

    private const string Routed = """<messageProcessor xmlns="http://ws.apache.org/ns/synapse" class="org.apache.synapse.message.processor.impl.forwarder.ScheduledMessageForwardingProcessor" name="P" messageStore="S"/>""";

    private static string Storing(params string[] targets) =>
        $"""<api xmlns="http://ws.apache.org/ns/synapse" name="A" context="/a">{string.Concat(targets.Select((t, i) => $"""<resource methods="POST" uri-template="/r{i}"><inSequence><property name="target.endpoint" value="{t}" scope="default"/><store messageStore="S"/><respond/></inSequence></resource>"""))}</api>""";

    private static List<string> Messages(params string[] artifacts)
    {
        var diagnostics = new DiagnosticBag();
        ArtifactLowering.Lower(diagnostics, artifacts);
        return diagnostics.Items.Where(d => d.Id == DiagnosticCatalog.AttributeNotTranslated.Id)
            .Select(d => d.GetMessage(CultureInfo.InvariantCulture))
            .Where(m => m.Contains("target.endpoint (named by each message)", StringComparison.Ordinal))
            .ToList();
    }

    [Fact]
    public void Each_kind_of_unroutable_named_endpoint_gets_its_own_reason()
    {
        var messages = Messages(Storing("Billing", "Queue", "Outbox", "ToHeader"), Store, Jms, Vfs, Default, Http, Routed);

        Assert.Equal(3, messages.Count);
        var jms = Assert.Single(messages, m => m.Contains("naming 'Queue'", StringComparison.Ordinal));
        Assert.Contains("a JMS endpoint; ForwardingService sends over JMS", jms, StringComparison.Ordinal);
        Assert.Contains("counts as delivered and is removed once sent, and no reply sequence runs", jms, StringComparison.Ordinal);
        Assert.Contains("only a message with OUT_ONLY = \"true\" whose send fails is a failed attempt", jms, StringComparison.Ordinal);
        var vfs = Assert.Single(messages, m => m.Contains("naming 'Outbox'", StringComparison.Ordinal));
        Assert.Contains("a vfs endpoint; ForwardingService writes the file through the vfs transport", vfs, StringComparison.Ordinal);
        Assert.Contains("vfsWriteFile / vfsWriteRemote", vfs, StringComparison.Ordinal);
        var to = Assert.Single(messages, m => m.Contains("naming 'ToHeader'", StringComparison.Ordinal));
        Assert.Contains("a default endpoint has no address", to, StringComparison.Ordinal);
        Assert.DoesNotContain(messages, m => m.Contains("'Billing'", StringComparison.Ordinal));
    }

    [Fact]
    public void Endpoints_no_message_names_are_not_listed()
    {
        var messages = Messages(Storing("Billing", "Queue"), Store, Jms, Vfs, Default, Http, Routed);

        var only = Assert.Single(messages);
        Assert.Contains("naming 'Queue'", only, StringComparison.Ordinal);
    }

    [Fact]
    public void A_vfs_target_endpoint_says_what_ForwardingService_does_with_it()
    {
        var diagnostics = new DiagnosticBag();
        ArtifactLowering.Lower(diagnostics, Storing(), Store, Vfs, """<messageProcessor xmlns="http://ws.apache.org/ns/synapse" class="org.apache.synapse.message.processor.impl.forwarder.ScheduledMessageForwardingProcessor" name="P" messageStore="S" targetEndpoint="Outbox"/>""");

        var message = Assert.Single(diagnostics.Items, d => d.Id == DiagnosticCatalog.AttributeNotTranslated.Id && d.GetMessage(CultureInfo.InvariantCulture).Contains("targetEndpoint 'Outbox'", StringComparison.Ordinal))
            .GetMessage(CultureInfo.InvariantCulture);
        Assert.Contains("no HTTP client (a vfs endpoint; ForwardingService writes the file", message, StringComparison.Ordinal);
        Assert.Contains("the job logs and keeps the messages", message, StringComparison.Ordinal);
    }
}
