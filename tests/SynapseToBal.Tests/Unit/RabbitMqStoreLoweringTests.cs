using System.Globalization;
using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Syntax;
using Xunit;

namespace SynapseToBal.Tests.Unit;

public sealed class RabbitMqStoreLoweringTests
{
    private const string Ns = "http://ws.apache.org/ns/synapse";
    private const string RabbitStoreClass = "org.apache.synapse.message.store.impl.rabbitmq.RabbitMQStore";

    private static PackageIr Lower(DiagnosticBag diagnostics, params string[] artifacts) => ArtifactLowering.Lower(diagnostics, artifacts);

    [Fact]
    public void A_rabbitmq_store_is_a_queue_its_processor_reads_and_storing_can_fail()
    {
        var diagnostics = new DiagnosticBag();
        var package = Lower(diagnostics,
            $"""
            <messageStore xmlns="{Ns}" class="{RabbitStoreClass}" name="Mq">
              <parameter name="store.rabbitmq.host.name">mq.example.com</parameter>
              <parameter name="store.rabbitmq.host.port">5673</parameter>
              <parameter name="store.rabbitmq.username">app</parameter>
              <parameter name="store.rabbitmq.password">hunter2</parameter>
            </messageStore>
            """,
            $"""<messageProcessor xmlns="{Ns}" class="org.apache.synapse.message.processor.impl.sampler.SamplingProcessor" name="P" messageStore="Mq"><parameter name="sequence">R</parameter></messageProcessor>""",
            $"""<sequence xmlns="{Ns}" name="R"><log/></sequence>""",
            $"""<sequence xmlns="{Ns}" name="In"><store messageStore="Mq"/></sequence>""");

        var store = Assert.Single(package.MessageStores);
        Assert.Null(store.Jms);
        Assert.Null(store.Jdbc);
        var rabbit = Assert.IsType<RabbitMqStoreIr>(store.RabbitMq);
        ConfigurableIr Configurable(Symbol symbol) => Assert.Single(package.Configurables, c => ReferenceEquals(c.Name, symbol));

        Assert.Equal("mq.example.com", Configurable(rabbit.Host).DefaultValue);
        Assert.Equal("5673", Configurable(rabbit.Port).DefaultValue);
        Assert.Equal(ConfigurableType.Integer, Configurable(rabbit.Port).Type);
        Assert.Equal("app", Configurable(rabbit.Username).DefaultValue);

        // RabbitMQStore: the virtual host is ConnectionFactory's default, the queue is named after the store, the routing
        // key after the queue (null here: the runtime uses the queue's name), and there is no exchange (the default one).
        Assert.Equal("/", Configurable(rabbit.VirtualHost).DefaultValue);
        Assert.Equal("Mq", Configurable(rabbit.Queue).DefaultValue);
        Assert.Null(rabbit.Exchange);
        Assert.Null(rabbit.RoutingKey);
        var password = Configurable(rabbit.Password);
        Assert.True(password.Secret);
        Assert.Null(password.DefaultValue);
        Assert.Null(rabbit.NotTranslated);

        var processor = Assert.Single(package.MessageProcessors);
        Assert.Same(store, processor.Store);
        var step = Assert.IsType<StoreMessageStep>(package.Functions.Single(f => f.Summary.Contains("'In'", StringComparison.Ordinal)).Body[0]);
        Assert.Equal("RabbitMQ", step.External);
        Assert.Empty(package.PendingStores);
        Assert.DoesNotContain(diagnostics.Items, d => d.Id is "SB0223" or "SB0202");

        // The messages are published persistent, with their message id and priority, as RabbitMQProducer does: no difference to report.
        Assert.DoesNotContain(diagnostics.Items, d => d.Id == "SB0206");
        Assert.DoesNotContain(diagnostics.Items, d => d.GetMessage(CultureInfo.InvariantCulture).Contains("hunter2", StringComparison.Ordinal));
    }

    [Fact]
    public void The_exchange_and_routing_key_are_configurables_and_unread_settings_are_reported()
    {
        var diagnostics = new DiagnosticBag();
        var package = Lower(diagnostics,
            $"""
            <messageStore xmlns="{Ns}" class="{RabbitStoreClass}" name="Mq">
              <parameter name="store.rabbitmq.username">app</parameter>
              <parameter name="store.rabbitmq.password">secret</parameter>
              <parameter name="store.rabbitmq.queue.name">orders</parameter>
              <parameter name="store.rabbitmq.exchange.name">shop</parameter>
              <parameter name="store.rabbitmq.route.key">new</parameter>
              <parameter name="store.producer.guaranteed.delivery.enable">true</parameter>
              <parameter name="rabbitmq.connection.retry.interval">1000</parameter>
              <parameter name="store.rabbitmq.priority">5</parameter>
              <parameter name="rabbitmq.connection.ssl.keystore.location">/ks.jks</parameter>
            </messageStore>
            """);

        var rabbit = Assert.IsType<RabbitMqStoreIr>(Assert.Single(package.MessageStores).RabbitMq);
        string? Default(Symbol symbol) => Assert.Single(package.Configurables, c => ReferenceEquals(c.Name, symbol)).DefaultValue;
        Assert.Equal("localhost", Default(rabbit.Host));
        Assert.Equal("5672", Default(rabbit.Port));
        Assert.Equal("orders", Default(rabbit.Queue));
        Assert.Equal("shop", Default(rabbit.Exchange!));
        Assert.Equal("new", Default(rabbit.RoutingKey!));
        Assert.NotNull(rabbit.NotTranslated);
        var reported = diagnostics.Items.Where(d => d.Id == "SB0206").Select(d => d.GetMessage(CultureInfo.InvariantCulture)).ToList();
        Assert.Contains(reported, m => m.Contains("store.producer.guaranteed.delivery.enable", StringComparison.Ordinal) && m.Contains("publisher confirm", StringComparison.Ordinal));
        Assert.Contains(reported, m => m.Contains("rabbitmq.connection.retry.interval", StringComparison.Ordinal));
        Assert.Contains(reported, m => m.Contains("store.rabbitmq.priority", StringComparison.Ordinal));

        // RabbitMQStore reads the TLS settings only with rabbitmq.connection.ssl.enabled.
        Assert.DoesNotContain(reported, m => m.Contains("keystore", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("<parameter name=\"rabbitmq.connection.ssl.enabled\">true</parameter>", "TLS")]
    [InlineData("<parameter name=\"store.rabbitmq.host.name\">a,b</parameter><parameter name=\"store.rabbitmq.host.port\">5672,5673</parameter>", "several brokers")]
    [InlineData("<parameter name=\"store.rabbitmq.host.port\">amqp</parameter>", "not a number")]
    public void A_store_the_client_cannot_connect_to_as_the_micro_integrator_does_stays_a_todo_with_its_processors(string parameters, string why)
    {
        var diagnostics = new DiagnosticBag();
        var package = Lower(diagnostics,
            $"""
            <messageStore xmlns="{Ns}" class="{RabbitStoreClass}" name="Mq">
              <parameter name="store.rabbitmq.username">app</parameter>
              <parameter name="store.rabbitmq.password">secret</parameter>
              {parameters}
            </messageStore>
            """,
            $"""<messageProcessor xmlns="{Ns}" class="org.apache.synapse.message.processor.impl.sampler.SamplingProcessor" name="P" messageStore="Mq"><parameter name="sequence">R</parameter></messageProcessor>""",
            $"""<sequence xmlns="{Ns}" name="R"><log/></sequence>""");

        Assert.Empty(package.MessageStores);
        Assert.Empty(package.MessageProcessors);
        Assert.Equal(2, package.PendingStores.Length);
        Assert.Contains(diagnostics.Items, d => d.Id == "SB0223" && d.GetMessage(CultureInfo.InvariantCulture).Contains(why, StringComparison.Ordinal));
    }

    [Fact]
    public void A_store_without_credentials_is_not_deployed_by_the_micro_integrator_and_stays_a_todo()
    {
        var diagnostics = new DiagnosticBag();
        var package = Lower(diagnostics, $"""<messageStore xmlns="{Ns}" class="{RabbitStoreClass}" name="Mq"><parameter name="store.rabbitmq.queue.name">q</parameter></messageStore>""");

        Assert.Empty(package.MessageStores);
        Assert.Contains(diagnostics.Items, d => d.Id == "SB0223" && d.GetMessage(CultureInfo.InvariantCulture).Contains("store.rabbitmq.password", StringComparison.Ordinal));
    }
}
