using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Lowering;
using SynapseToBal.Syntax;
using Xunit;

namespace SynapseToBal.Tests.Unit;

public sealed class MessageStoreLoweringTests
{
    private const string Ns = "http://ws.apache.org/ns/synapse";

    private static PackageIr Lower(DiagnosticBag diagnostics, params string[] artifacts) => ArtifactLowering.Lower(diagnostics, artifacts);

    private const string MemoryStore = $"""<messageStore xmlns="{Ns}" name="S"/>""";
    private const string Backend = $"""<endpoint xmlns="{Ns}" name="EP"><address uri="http://b.example.com/x"/></endpoint>""";
    private const string Reply = $"""<sequence xmlns="{Ns}" name="R"><log/></sequence>""";

    [Fact]
    public void A_store_without_class_is_an_in_memory_queue_and_the_store_mediator_runs_its_sequence_then_stores()
    {
        var diagnostics = new DiagnosticBag();
        var package = Lower(diagnostics, MemoryStore, Reply, $"""<sequence xmlns="{Ns}" name="In"><store messageStore="S" sequence="R"/><log/></sequence>""");

        var store = Assert.Single(package.MessageStores);
        Assert.Equal("S", store.StoreName);
        var step = Assert.IsType<StoreMessageStep>(package.Functions.Single(f => f.Summary.Contains("'In'", StringComparison.Ordinal)).Body[0]);
        Assert.Same(store.Name, step.Store);
        Assert.NotNull(step.Sequence);
        Assert.False(step.Sequence.CanAnswer);
        Assert.DoesNotContain(diagnostics.Items, d => d.Id is "SB0201" or "SB0202" or "SB0223");
    }

    [Fact]
    public void Forwarding_defaults_follow_the_forwarding_service()
    {
        var diagnostics = new DiagnosticBag();
        var package = Lower(diagnostics, MemoryStore, Backend,
            $"""<messageProcessor xmlns="{Ns}" class="org.apache.synapse.message.processor.impl.forwarder.ScheduledMessageForwardingProcessor" name="P" messageStore="S" targetEndpoint="EP"/>""");

        var processor = Assert.Single(package.MessageProcessors);
        Assert.Equal(ProcessorKind.Forwarding, processor.Kind);
        // ScheduledMessageForwardingProcessor.init: throttle = interval < 1000, false at the default 1000 (one message per run).
        Assert.Equal((1m, 4, 1m, false, false, true, true), (processor.IntervalSeconds, processor.MaxDeliveryAttempts, processor.RetryIntervalSeconds, processor.DropAfterMaxAttempts, processor.Throttle, processor.Active, processor.Scheduled));
        Assert.Equal("EP", Assert.IsType<ForwardRouteIr.Http>(processor.Target).Client.SynapseName);
        Assert.Null(processor.ReplySequence);
        Assert.Null(processor.NotTranslated);
    }

    [Fact]
    public void Forwarding_settings_are_read_and_drop_needs_positive_attempts()
    {
        var diagnostics = new DiagnosticBag();
        var package = Lower(diagnostics, MemoryStore, Backend, Reply,
            $"""
            <messageProcessor xmlns="{Ns}" class="org.apache.synapse.message.processors.forward.ScheduledMessageForwardingProcessor" name="P" messageStore="S">
              <parameter name="target.endpoint">EP</parameter>
              <parameter name="interval">500</parameter>
              <parameter name="client.retry.interval">3000</parameter>
              <parameter name="max.delivery.attempts">-1</parameter>
              <parameter name="max.delivery.drop">Enabled</parameter>
              <parameter name="non.retry.status.codes">400, 409</parameter>
              <parameter name="message.processor.reply.sequence">R</parameter>
              <parameter name="message.processor.fault.sequence">Missing</parameter>
              <parameter name="throttle">false</parameter>
              <parameter name="is.active">false</parameter>
              <parameter name="member.count">1</parameter>
            </messageProcessor>
            """);

        var processor = Assert.Single(package.MessageProcessors);
        // interval 500 < 1000: the processor's init sets throttle true whatever the parameter says (SB0242).
        Assert.Equal((0.5m, -1, 3m, false, true, false), (processor.IntervalSeconds, processor.MaxDeliveryAttempts, processor.RetryIntervalSeconds, processor.DropAfterMaxAttempts, processor.Throttle, processor.Active));
        Assert.Equal(new[] { 400, 409 }, processor.NonRetryStatusCodes.ToArray());
        Assert.NotNull(processor.ReplySequence);
        Assert.Null(processor.FaultSequence);
        var missing = Assert.Single(diagnostics.Items, d => d.Id == "SB0206");
        Assert.Contains("Missing", missing.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1000", "TRUE", false, true)]
    [InlineData("1000", "false", false, false)]
    [InlineData("500", "yes", true, true)]
    [InlineData("500", "true", true, false)]
    public void Throttle_is_what_the_processor_init_sets_from_the_interval(string interval, string value, bool throttle, bool reported)
    {
        var diagnostics = new DiagnosticBag();
        var package = Lower(diagnostics, MemoryStore, Backend,
            $"""<messageProcessor xmlns="{Ns}" class="org.apache.synapse.message.processor.impl.forwarder.ScheduledMessageForwardingProcessor" name="P" messageStore="S" targetEndpoint="EP"><parameter name="interval">{interval}</parameter><parameter name="throttle">{value}</parameter></messageProcessor>""");

        Assert.Equal(throttle, Assert.Single(package.MessageProcessors).Throttle);
        Assert.Equal(reported, diagnostics.Items.Any(d => d.Id == "SB0242" && d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("'throttle'", StringComparison.Ordinal)));
    }

    [Fact]
    public void Without_a_target_endpoint_the_message_names_it_among_the_clients()
    {
        var diagnostics = new DiagnosticBag();
        var package = Lower(diagnostics, MemoryStore, Backend,
            $"""<messageProcessor xmlns="{Ns}" class="org.apache.synapse.message.processor.impl.forwarder.ScheduledMessageForwardingProcessor" name="P" messageStore="S"/>""");

        var processor = Assert.Single(package.MessageProcessors);
        Assert.Null(processor.Target);
        Assert.NotNull(processor.TargetChooser);
        Assert.Equal("EP", Assert.IsType<ForwardRouteIr.Http>(Assert.Single(processor.TargetChoices)).Client.SynapseName);
        Assert.Null(processor.NotTranslated);
    }

    [Fact]
    public void Without_a_target_endpoint_named_endpoints_the_job_has_no_sender_for_are_reported()
    {
        // ForwardingService.dispatch sends to whichever endpoint the message's target.endpoint names, JMS ones included:
        // a JMS endpoint with its JNDI settings is a choice (sendJms), one without them has no sender and is reported.
        var diagnostics = new DiagnosticBag();
        var package = Lower(diagnostics, MemoryStore, Backend,
            $"""<endpoint xmlns="{Ns}" name="JmsEP"><address uri="jms:/Orders?transport.jms.ConnectionFactoryJNDIName=QueueConnectionFactory&amp;java.naming.factory.initial=org.apache.activemq.jndi.ActiveMQInitialContextFactory&amp;java.naming.provider.url=tcp://localhost:61616"/></endpoint>""",
            $"""<endpoint xmlns="{Ns}" name="BareEP"><address uri="jms:/Orders?transport.jms.DestinationType=queue"/></endpoint>""",
            $"""<messageProcessor xmlns="{Ns}" class="org.apache.synapse.message.processor.impl.forwarder.ScheduledMessageForwardingProcessor" name="P" messageStore="S"/>""",
            $"""<sequence xmlns="{Ns}" name="Q"><property name="target.endpoint" expression="get-property('route')"/></sequence>""");

        var processor = Assert.Single(package.MessageProcessors);
        Assert.NotNull(processor.TargetChooser);
        Assert.Equal(["EP:Http", "JmsEP:Jms"], processor.TargetChoices.Select(c => $"{c.EndpointName}:{c.GetType().Name}").Order(StringComparer.Ordinal));
        var reported = Assert.Single(diagnostics.Items, d => d.Id == DiagnosticCatalog.AttributeNotTranslated.Id && d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("target.endpoint", StringComparison.Ordinal));
        Assert.Contains("'BareEP'", reported.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.DoesNotContain("'EP'", reported.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.DoesNotContain("'JmsEP'", reported.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void Only_the_literal_names_the_input_sets_in_target_endpoint_are_reported()
    {
        // Every target.endpoint the input sets is a literal: the messages can name only those endpoints.
        var jms = $"""<endpoint xmlns="{Ns}" name="BareEP"><address uri="jms:/Orders?transport.jms.DestinationType=queue"/></endpoint>""";
        var processor = $"""<messageProcessor xmlns="{Ns}" class="org.apache.synapse.message.processor.impl.forwarder.ScheduledMessageForwardingProcessor" name="P" messageStore="S"/>""";
        static bool TargetReport(Microsoft.CodeAnalysis.Diagnostic d) => d.Id == DiagnosticCatalog.AttributeNotTranslated.Id && d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("target.endpoint", StringComparison.Ordinal);

        var toHttp = new DiagnosticBag();
        Lower(toHttp, MemoryStore, Backend, jms, processor, $"""<sequence xmlns="{Ns}" name="Q"><property name="target.endpoint" value="EP"/></sequence>""");
        Assert.DoesNotContain(toHttp.Items, TargetReport);

        var toJms = new DiagnosticBag();
        Lower(toJms, MemoryStore, Backend, jms, processor, $"""<sequence xmlns="{Ns}" name="Q"><property name="target.endpoint" value="BareEP"/></sequence>""");
        Assert.Contains("'BareEP'", Assert.Single(toJms.Items, TargetReport).GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void A_cron_processor_runs_on_its_cron_expression_and_one_quartz_rejects_is_declared_but_not_scheduled()
    {
        var diagnostics = new DiagnosticBag();
        var package = Lower(diagnostics, MemoryStore, Reply,
            $"""<messageProcessor xmlns="{Ns}" class="org.apache.synapse.message.processor.impl.sampler.SamplingProcessor" name="P" messageStore="S"><parameter name="sequence">R</parameter><parameter name="cronExpression">0 * * * * ?</parameter></messageProcessor>""");

        var processor = Assert.Single(package.MessageProcessors);
        Assert.Equal(ProcessorKind.Sampling, processor.Kind);
        Assert.True(processor.Scheduled);
        Assert.Equal("0 * * * * ?", processor.Cron?.Expression);
        Assert.Null(processor.NotTranslated);

        var rejected = Lower(new DiagnosticBag(), MemoryStore, Reply,
            $"""<messageProcessor xmlns="{Ns}" class="org.apache.synapse.message.processor.impl.sampler.SamplingProcessor" name="P" messageStore="S"><parameter name="sequence">R</parameter><parameter name="cronExpression">0 * * 1 * MON</parameter></messageProcessor>""");
        var declared = Assert.Single(rejected.MessageProcessors);
        Assert.False(declared.Scheduled);
        Assert.Null(declared.Cron);
        Assert.Equal(DiagnosticCatalog.AttributeNotTranslated, declared.NotTranslated?.Descriptor);
        Assert.Contains("Quartz rejects the expression", declared.NotTranslated?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_jms_store_is_a_todo_with_its_parameters_as_configurables_and_the_password_required()
    {
        var diagnostics = new DiagnosticBag();
        var package = Lower(diagnostics,
            $"""
            <messageStore xmlns="{Ns}" class="org.apache.synapse.message.store.impl.jms.JmsStore" name="Q">
              <parameter name="store.jms.destination">orders</parameter>
              <parameter name="store.jms.password">hunter2</parameter>
            </messageStore>
            """,
            $"""<messageProcessor xmlns="{Ns}" class="org.apache.synapse.message.processor.impl.sampler.SamplingProcessor" name="P" messageStore="Q"><parameter name="sequence">R</parameter></messageProcessor>""",
            Reply,
            $"""<sequence xmlns="{Ns}" name="In"><store messageStore="Q"/></sequence>""");

        Assert.Empty(package.MessageStores);
        Assert.Empty(package.MessageProcessors);
        Assert.Equal(2, package.PendingStores.Length);
        Assert.All(package.PendingStores, p => Assert.Equal(DiagnosticCatalog.MessageStoreNotTranslated, p.Reason.Descriptor));
        var password = Assert.Single(package.Configurables, c => c.Description.Contains("store.jms.password", StringComparison.Ordinal));
        Assert.True(password.Secret);
        Assert.Null(password.DefaultValue);
        Assert.Equal("orders", Assert.Single(package.Configurables, c => c.Description.Contains("store.jms.destination", StringComparison.Ordinal)).DefaultValue);
        var todo = Assert.IsType<TodoStep>(package.Functions.Single(f => f.Summary.Contains("'In'", StringComparison.Ordinal)).Body[0]);
        Assert.Equal(DiagnosticCatalog.MessageStoreNotTranslated, todo.Reason.Descriptor);
        Assert.Equal(3, diagnostics.Items.Count(d => d.Id == "SB0223"));
        Assert.DoesNotContain(diagnostics.Items, d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("hunter2", StringComparison.Ordinal));
    }

    [Fact]
    public void A_dynamic_store_name_is_a_todo()
    {
        var diagnostics = new DiagnosticBag();
        var package = Lower(diagnostics, $$"""<sequence xmlns="{{Ns}}" name="In"><store messageStore="{get-property('s')}"/></sequence>""");

        var todo = Assert.IsType<TodoStep>(Assert.Single(package.Functions).Body[0]);
        Assert.Equal(DiagnosticCatalog.DynamicKey, todo.Reason.Descriptor);
    }
}
