using System.Globalization;
using Microsoft.CodeAnalysis;
using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Lowering;
using SynapseToBal.Syntax;
using Xunit;

namespace SynapseToBal.Tests.Unit;

public sealed class JmsStoreLoweringTests
{
    private const string Ns = "http://ws.apache.org/ns/synapse";
    private const string JmsStoreClass = "org.apache.synapse.message.store.impl.jms.JmsStore";
    private const string Reply = $"""<sequence xmlns="{Ns}" name="R"><log/></sequence>""";

    private static PackageIr Lower(DiagnosticBag diagnostics, params string[] artifacts) => ArtifactLowering.Lower(diagnostics, artifacts);

    private static string Message(Diagnostic diagnostic) => diagnostic.GetMessage(CultureInfo.InvariantCulture);

    [Fact]
    public void A_jms_store_is_a_queue_its_processor_reads_and_storing_can_fail()
    {
        var diagnostics = new DiagnosticBag();
        var package = Lower(diagnostics,
            $"""
            <messageStore xmlns="{Ns}" class="{JmsStoreClass}" name="Q">
              <parameter name="java.naming.factory.initial">org.apache.activemq.jndi.ActiveMQInitialContextFactory</parameter>
              <parameter name="java.naming.provider.url">tcp://localhost:61616</parameter>
              <parameter name="store.jms.username">orders</parameter>
              <parameter name="store.jms.password">hunter2</parameter>
              <parameter name="store.jms.JMSSpecVersion">1.1</parameter>
              <parameter name="store.jms.cache.connection">true</parameter>
            </messageStore>
            """,
            $"""<messageProcessor xmlns="{Ns}" class="org.apache.synapse.message.processor.impl.sampler.SamplingProcessor" name="P" messageStore="Q"><parameter name="sequence">R</parameter></messageProcessor>""",
            Reply,
            $"""<sequence xmlns="{Ns}" name="In"><store messageStore="Q"/></sequence>""");

        var store = Assert.Single(package.MessageStores);
        var jms = Assert.IsType<JmsStoreIr>(store.Jms);
        string? Default(Symbol symbol) => Assert.Single(package.Configurables, c => ReferenceEquals(c.Name, symbol)).DefaultValue;

        // JmsStore's defaults: the queue is named after the store, the connection factory is QueueConnectionFactory.
        Assert.Equal("Q_Queue", Default(jms.Queue));
        Assert.Equal("QueueConnectionFactory", Default(jms.ConnectionFactory));
        Assert.Equal("tcp://localhost:61616", Default(jms.ProviderUrl!));
        Assert.Equal("orders", Default(jms.Username!));
        var password = Assert.Single(package.Configurables, c => ReferenceEquals(c.Name, jms.Password));
        Assert.True(password.Secret);
        Assert.Null(password.DefaultValue);
        Assert.Empty(jms.Properties);
        Assert.Null(jms.NotTranslated);

        var processor = Assert.Single(package.MessageProcessors);
        Assert.Same(store, processor.Store);
        var step = Assert.IsType<StoreMessageStep>(package.Functions.Single(f => f.Summary.Contains("'In'", StringComparison.Ordinal)).Body[0]);
        Assert.Equal("JMS", step.External);
        Assert.Empty(package.PendingStores);
        Assert.DoesNotContain(diagnostics.Items, d => d.Id is "SB0223" or "SB0206" or "SB0202");
        Assert.DoesNotContain(diagnostics.Items, d => Message(d).Contains("hunter2", StringComparison.Ordinal));
    }

    [Fact]
    public void Other_parameters_go_to_jndi_and_settings_the_store_cannot_apply_are_reported()
    {
        var diagnostics = new DiagnosticBag();
        var package = Lower(diagnostics,
            $"""
            <messageStore xmlns="{Ns}" class="{JmsStoreClass}" name="Q">
              <parameter name="java.naming.factory.initial">F</parameter>
              <parameter name="java.naming.provider.url">tcp://localhost:61616</parameter>
              <parameter name="store.jms.destination">orders</parameter>
              <parameter name="queue.orders">orders</parameter>
              <parameter name="connectionfactory.QueueConnectionFactory">amqp://admin:secret@clientID/carbon?brokerlist='tcp://localhost:5672'</parameter>
              <parameter name="store.jms.username">orders</parameter>
              <parameter name="store.producer.guaranteed.delivery.enable">true</parameter>
              <parameter name="store.failover.message.store.name">F</parameter>
              <parameter name="store.unknown">x</parameter>
            </messageStore>
            """);

        var jms = Assert.IsType<JmsStoreIr>(Assert.Single(package.MessageStores).Jms);
        Assert.Equal(["queue.orders", "connectionfactory.QueueConnectionFactory"], jms.Properties.Select(p => p.Name).ToArray());
        var factory = Assert.Single(package.Configurables, c => ReferenceEquals(c.Name, jms.Properties[1].Value));
        Assert.True(factory.Secret);
        Assert.Equal("orders", Assert.Single(package.Configurables, c => ReferenceEquals(c.Name, jms.Queue)).DefaultValue);

        // Credentials are used only when both are set; the failover store and unknown store settings are not applied.
        Assert.Null(jms.Username);
        Assert.Null(jms.Password);
        var reported = diagnostics.Items.Where(d => d.Id == "SB0206").Select(Message).ToList();
        Assert.Equal(3, reported.Count);
        Assert.Contains(reported, m => m.Contains("store.jms.username", StringComparison.Ordinal));
        Assert.Contains(reported, m => m.Contains("store.failover.message.store.name 'F'", StringComparison.Ordinal));
        Assert.Contains(reported, m => m.Contains("store.unknown", StringComparison.Ordinal));
        Assert.Equal(DiagnosticCatalog.AttributeNotTranslated, jms.NotTranslated?.Descriptor);
        Assert.DoesNotContain(diagnostics.Items, d => Message(d).Contains("admin:secret", StringComparison.Ordinal));
    }

    [Fact]
    public void A_jms_store_without_jndi_settings_stays_a_todo()
    {
        var diagnostics = new DiagnosticBag();
        var package = Lower(diagnostics, $"""<messageStore xmlns="{Ns}" class="{JmsStoreClass}" name="Q"><parameter name="store.jms.destination">orders</parameter></messageStore>""");

        Assert.Empty(package.MessageStores);
        var pending = Assert.Single(package.PendingStores);
        Assert.Equal(DiagnosticCatalog.MessageStoreNotTranslated, pending.Reason.Descriptor);
        Assert.Contains("no java.naming.factory.initial", pending.Reason.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wso2_mb_store_needs_no_provider_url()
    {
        // JmsStore.initme passes only the parameters given to the InitialContext; andes' PropertiesFileInitialContextFactory
        // builds the connection factory from connectionfactory.* and reads a provider URL only as a properties file.
        var diagnostics = new DiagnosticBag();
        var package = Lower(diagnostics,
            $"""
            <messageStore xmlns="{Ns}" class="{JmsStoreClass}" name="Q">
              <parameter name="java.naming.factory.initial">org.wso2.andes.jndi.PropertiesFileInitialContextFactory</parameter>
              <parameter name="connectionfactory.QueueConnectionFactory">amqp://admin:admin@clientID/carbon?brokerlist='tcp://localhost:5675'</parameter>
              <parameter name="store.jms.destination">orders</parameter>
            </messageStore>
            """);

        var store = Assert.Single(package.MessageStores);
        var jms = Assert.IsType<JmsStoreIr>(store.Jms);
        // Not given: a configurable like the store's other settings, empty by default (what java.jms passes then).
        Assert.False(jms.ProviderUrlGiven);
        Assert.Equal("", Assert.Single(package.Configurables, c => c.Name == jms.ProviderUrl).DefaultValue);
        Assert.Equal("connectionfactory.QueueConnectionFactory", Assert.Single(jms.Properties).Name);
        Assert.Empty(package.PendingStores);
    }

    [Fact]
    public void Another_factory_without_a_provider_url_stays_a_todo_saying_so()
    {
        var diagnostics = new DiagnosticBag();
        var package = Lower(diagnostics,
            $"""
            <messageStore xmlns="{Ns}" class="{JmsStoreClass}" name="Q">
              <parameter name="java.naming.factory.initial">org.apache.activemq.jndi.ActiveMQInitialContextFactory</parameter>
            </messageStore>
            """);

        Assert.Empty(package.MessageStores);
        var pending = Assert.Single(package.PendingStores);
        Assert.Contains("no java.naming.provider.url", pending.Reason.Message, StringComparison.Ordinal);
        Assert.Contains("ActiveMQInitialContextFactory", pending.Reason.Message, StringComparison.Ordinal);
    }

    private const string FailoverClass = "org.apache.synapse.message.processor.impl.failover.FailoverScheduledMessageForwardingProcessor";

    [Fact]
    public void A_failover_processor_moves_messages_to_its_target_store_with_failover_defaults()
    {
        var diagnostics = new DiagnosticBag();
        var package = Lower(diagnostics,
            $"""<messageStore xmlns="{Ns}" name="Source"/>""",
            $"""<messageStore xmlns="{Ns}" name="Target"/>""",
            $"""<messageProcessor xmlns="{Ns}" class="{FailoverClass}" name="P" messageStore="Source"><parameter name="message.target.store.name">Target</parameter></messageProcessor>""");

        var processor = Assert.Single(package.MessageProcessors);
        Assert.Equal(ProcessorKind.FailoverForwarding, processor.Kind);
        Assert.Equal("Source", processor.Store.StoreName);
        Assert.Equal("Target", processor.TargetStore?.StoreName);
        // FailoverForwardingService: max.delivery.attempts -1 (forever), client.retry.interval 1000 ms; throttling off, as
        // FailoverScheduledMessageForwardingProcessor.init sets throttle to interval < 1000 (the default interval is 1000).
        Assert.Equal((-1, 1m, false, false), (processor.MaxDeliveryAttempts, processor.RetryIntervalSeconds, processor.Throttle, processor.DropAfterMaxAttempts));
        Assert.Null(processor.Target);
        Assert.Null(processor.NotTranslated);
        Assert.Empty(package.PendingStores);
        Assert.DoesNotContain(diagnostics.Items, d => d.Id is "SB0202" or "SB0206" or "SB0223");
    }

    [Fact]
    public void A_failover_processor_without_a_translated_target_store_keeps_its_messages_and_says_why()
    {
        var diagnostics = new DiagnosticBag();
        var package = Lower(diagnostics,
            $"""<messageStore xmlns="{Ns}" name="Source"/>""",
            Reply,
            $"""
            <messageProcessor xmlns="{Ns}" class="{FailoverClass}" name="P" messageStore="Source">
              <parameter name="message.target.store.name">Missing</parameter>
              <parameter name="message.processor.fault.sequence">R</parameter>
              <parameter name="message.processor.reply.sequence">R</parameter>
            </messageProcessor>
            """);

        var processor = Assert.Single(package.MessageProcessors);
        Assert.Null(processor.TargetStore);
        Assert.Equal(DiagnosticCatalog.AttributeNotTranslated, processor.NotTranslated?.Descriptor);
        var reported = diagnostics.Items.Where(d => d.Id == "SB0206").Select(Message).ToList();
        Assert.Contains(reported, m => m.Contains("message.target.store.name 'Missing'", StringComparison.Ordinal));
        Assert.Contains(reported, m => m.Contains("message.processor.fault.sequence", StringComparison.Ordinal));
        // FailoverForwardingService does not read the reply sequence: the Micro Integrator ignores it too (SB0242), no TODO.
        Assert.DoesNotContain(reported, m => m.Contains("message.processor.reply.sequence", StringComparison.Ordinal));
        Assert.Contains(diagnostics.Items, d => d.Id == "SB0242" && Message(d).Contains("'message.processor.reply.sequence'", StringComparison.Ordinal)
            && Message(d).Contains("no failover forwarding processor reads", StringComparison.Ordinal));
    }

    [Fact]
    public void Guaranteed_delivery_sends_to_an_in_memory_failover_store_when_the_queue_cannot_take_the_message()
    {
        var diagnostics = new DiagnosticBag();
        var package = Lower(diagnostics,
            $"""
            <messageStore xmlns="{Ns}" class="{JmsStoreClass}" name="Q">
              <parameter name="java.naming.factory.initial">F</parameter>
              <parameter name="java.naming.provider.url">tcp://localhost:61616</parameter>
              <parameter name="store.producer.guaranteed.delivery.enable">true</parameter>
              <parameter name="store.failover.message.store.name">Failover</parameter>
            </messageStore>
            """,
            $"""<messageStore xmlns="{Ns}" name="Failover"/>""",
            $"""<sequence xmlns="{Ns}" name="In"><store messageStore="Q"/></sequence>""");

        var failover = Assert.Single(package.MessageStores, s => s.StoreName == "Failover");
        var step = Assert.IsType<StoreMessageStep>(package.Functions.Single(f => f.Summary.Contains("'In'", StringComparison.Ordinal)).Body[0]);
        Assert.Same(failover.Name, step.Failover);
        Assert.Equal("JMS", step.External);
        Assert.Null(Assert.Single(package.MessageStores, s => s.StoreName == "Q").Jms?.NotTranslated);
        Assert.DoesNotContain(diagnostics.Items, d => d.Id == "SB0206");
    }
}
