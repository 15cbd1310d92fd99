using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Lowering;
using SynapseToBal.Syntax;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>Lowering of the Kafka, RabbitMQ and MQTT inbound endpoints into listeners that run the sequence.</summary>
public sealed class InboundBrokerLoweringTests
{
    private const string Synapse = "http://ws.apache.org/ns/synapse";
    private const string Sequences = """<sequence name="In"><drop/></sequence><sequence name="Err"><drop/></sequence>""";

    private static (PackageIr Package, DiagnosticBag Diagnostics) Lower(string definitions)
    {
        var diagnostics = new DiagnosticBag();
        var document = SynapseParser.ParseText("synapse.xml", $"<definitions xmlns=\"{Synapse}\">{Sequences}{definitions}</definitions>", diagnostics);
        Assert.NotNull(document);
        return (Lowerer.Lower([document], diagnostics), diagnostics);
    }

    private static string Kafka(string extra = "") => $"""
        <inboundEndpoint name="K" class="org.wso2.carbon.inbound.kafka.KafkaMessageConsumer" sequence="In" onError="Err"><parameters>
        <parameter name="bootstrap.servers">localhost:9092</parameter><parameter name="group.id">g</parameter>
        <parameter name="topic.name">orders</parameter><parameter name="poll.timeout">250</parameter><parameter name="interval">2000</parameter>
        <parameter name="contentType">application/json</parameter>
        <parameter name="key.deserializer">org.apache.kafka.common.serialization.StringDeserializer</parameter>
        <parameter name="value.deserializer">org.apache.kafka.common.serialization.StringDeserializer</parameter>{extra}
        </parameters></inboundEndpoint>
        """;

    [Fact]
    public void A_kafka_consumer_becomes_a_listener_on_its_topic_with_the_poll_settings_in_seconds_and_its_client_properties()
    {
        var (package, diagnostics) = Lower(Kafka("""<parameter name="session.timeout.ms">30000</parameter><parameter name="kafka.header.prefix">h.</parameter>"""));

        var kafka = Assert.IsType<InboundTransportIr.Kafka>(Assert.Single(package.Inbounds).Transport);
        Assert.Equal("orders", kafka.Topic);
        Assert.Equal(2m, kafka.PollingIntervalSeconds);
        Assert.Equal(0.25m, kafka.PollingTimeoutSeconds);
        Assert.Equal("application/json", kafka.ContentType);
        Assert.Equal("h.", kafka.HeaderPrefix);
        Assert.Equal(new InboundPropertyIr("session.timeout.ms", "30000"), Assert.Single(kafka.ClientProperties));
        Assert.Contains(package.Configurables, c => c.Name == kafka.BootstrapServers && c.DefaultValue == "localhost:9092");
        Assert.Contains(package.Configurables, c => c.Name == kafka.GroupId && c.DefaultValue == "g");
        Assert.Equal("In", kafka.Target.Sequence.Hint);
        Assert.NotNull(kafka.Target.FaultFunction);
        Assert.DoesNotContain(diagnostics.Items, d => d.Id is "SB0227" or "SB0206");
    }

    [Theory]
    [InlineData("""<parameter name="enable.auto.commit">false</parameter>""", "enable.auto.commit")]
    [InlineData("""<parameter name="topic.partitions">0,1</parameter>""", "topic.partitions")]
    [InlineData("""<parameter name="security.protocol">SASL_SSL</parameter>""", "TLS or SASL")]
    [InlineData("""<parameter name="sasl.jaas.config">x</parameter>""", "TLS or SASL")]
    public void A_kafka_consumer_whose_semantics_a_listener_does_not_reproduce_stays_a_TODO(string extra, string reason)
    {
        var (package, diagnostics) = Lower(Kafka(extra));

        Assert.Empty(package.Inbounds);
        var pending = Assert.Single(package.Pending);
        Assert.Equal(DiagnosticCatalog.InboundNotTranslated, pending.Reason.Descriptor);
        Assert.Contains(reason, pending.Reason.Message, StringComparison.Ordinal);
        Assert.Contains(diagnostics.Items, d => d.Id == DiagnosticCatalog.InboundNotTranslated.Id);
    }

    [Fact]
    public void A_kafka_value_deserializer_other_than_strings_stays_a_TODO()
    {
        var (package, _) = Lower(Kafka().Replace("value.deserializer\">org.apache.kafka.common.serialization.StringDeserializer", "value.deserializer\">io.confluent.kafka.serializers.KafkaAvroDeserializer", StringComparison.Ordinal));

        Assert.Empty(package.Inbounds);
        Assert.Contains("KafkaAvroDeserializer", Assert.Single(package.Pending).Reason.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rabbitmq_endpoint_consumes_its_queue_with_credentials_as_configurables_and_the_password_required()
    {
        var (package, diagnostics) = Lower("""
            <inboundEndpoint name="R" protocol="rabbitmq" sequence="In"><parameters>
            <parameter name="rabbitmq.server.host.name">mq</parameter><parameter name="rabbitmq.server.port">5673</parameter>
            <parameter name="rabbitmq.server.user.name">u</parameter><parameter name="rabbitmq.server.password">Very-Secret-9</parameter>
            <parameter name="rabbitmq.queue.name">q</parameter><parameter name="rabbitmq.queue.durable">true</parameter>
            <parameter name="rabbitmq.channel.consumer.qos">5</parameter></parameters></inboundEndpoint>
            """);

        var rabbit = Assert.IsType<InboundTransportIr.RabbitMq>(Assert.Single(package.Inbounds).Transport);
        Assert.Equal("q", rabbit.Queue);
        Assert.True(rabbit.Durable);
        Assert.False(rabbit.Exclusive);
        Assert.Equal(5, rabbit.PrefetchCount);
        Assert.Null(rabbit.ContentType);
        Assert.Contains(package.Configurables, c => c.Name == rabbit.Port && c.Type == ConfigurableType.Integer && c.DefaultValue == "5673");
        var password = Assert.Single(package.Configurables, c => c.Name == rabbit.Password);
        Assert.True(password.Secret);
        Assert.Null(password.DefaultValue);
        Assert.DoesNotContain(package.Configurables, c => c.DefaultValue == "Very-Secret-9");
        Assert.Contains(diagnostics.Items, d => d.Id == DiagnosticCatalog.SecretConfigurable.Id);
    }

    [Fact]
    public void A_rabbitmq_endpoint_without_a_queue_name_consumes_the_queue_named_after_it()
    {
        var (package, _) = Lower("""<inboundEndpoint name="Orders" protocol="rabbitmq" sequence="In"><parameters><parameter name="rabbitmq.server.host.name">mq</parameter></parameters></inboundEndpoint>""");

        Assert.Equal("Orders", Assert.IsType<InboundTransportIr.RabbitMq>(Assert.Single(package.Inbounds).Transport).Queue);
    }

    [Fact]
    public void A_rabbitmq_endpoint_declares_its_queue_as_the_Micro_Integrator_does_whatever_ballerinas_defaults()
    {
        // RabbitMQUtils.declareQueue: durable by default, not exclusive, not auto-delete; QueueConfig's defaults are
        // durable false and autoDelete true, so each flag is given even when the endpoint sets none.
        var (package, _) = Lower("""<inboundEndpoint name="Orders" protocol="rabbitmq" sequence="In"><parameters><parameter name="rabbitmq.queue.name">q</parameter></parameters></inboundEndpoint>""");
        var rabbit = Assert.IsType<InboundTransportIr.RabbitMq>(Assert.Single(package.Inbounds).Transport);
        Assert.Equal((true, false, false), (rabbit.Durable, rabbit.Exclusive, rabbit.AutoDelete));

        var (set, _) = Lower("""<inboundEndpoint name="Orders" protocol="rabbitmq" sequence="In"><parameters><parameter name="rabbitmq.queue.name">q</parameter><parameter name="rabbitmq.queue.durable">false</parameter><parameter name="rabbitmq.queue.auto.delete">true</parameter></parameters></inboundEndpoint>""");
        var declared = Assert.IsType<InboundTransportIr.RabbitMq>(Assert.Single(set.Inbounds).Transport);
        Assert.Equal((false, false, true), (declared.Durable, declared.Exclusive, declared.AutoDelete));
    }

    [Theory]
    [InlineData("false", "2500", true, 2.5)]
    [InlineData("OFF", null, true, 0)]
    [InlineData("true", "2500", false, 0)]
    [InlineData("maybe", null, false, 0)]
    public void A_rabbitmq_endpoint_without_auto_ack_settles_each_message_after_its_sequence(string autoAck, string? delay, bool manual, decimal seconds)
    {
        // RabbitMQConsumer: BooleanUtils.toBooleanObject(rabbitmq.queue.auto.ack), true unless a false word; the requeue delay in ms.
        var delayParameter = delay is null ? string.Empty : $"""<parameter name="rabbitmq.message.requeue.delay">{delay}</parameter>""";
        var (package, diagnostics) = Lower($"""<inboundEndpoint name="R" protocol="rabbitmq" sequence="In"><parameters><parameter name="rabbitmq.queue.name">q</parameter><parameter name="rabbitmq.queue.auto.ack">{autoAck}</parameter>{delayParameter}</parameters></inboundEndpoint>""");

        var rabbit = Assert.IsType<InboundTransportIr.RabbitMq>(Assert.Single(package.Inbounds).Transport);
        Assert.Equal((manual, seconds), (rabbit.ManualAck, rabbit.RequeueDelaySeconds));
        Assert.DoesNotContain(diagnostics.Items, d => d.Id == "SB0206" && d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("requeue.delay", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""<parameter name="rabbitmq.exchange.name">x</parameter>""", "exchange 'x'")]
    [InlineData("""<parameter name="rabbitmq.queue.auto.ack">false</parameter><parameter name="rabbitmq.message.max.dead.lettered.count">3</parameter>""", "max.dead.lettered.count is 3")]
    [InlineData("""<parameter name="rabbitmq.connection.ssl.enabled">true</parameter>""", "TLS")]
    [InlineData("""<parameter name="rabbitmq.connection.factory">AMQP</parameter>""", "connection factory")]
    public void A_rabbitmq_endpoint_the_listener_cannot_reproduce_stays_a_TODO(string extra, string reason)
    {
        var (package, _) = Lower($"""<inboundEndpoint name="R" protocol="rabbitmq" sequence="In"><parameters><parameter name="rabbitmq.queue.name">q</parameter>{extra}</parameters></inboundEndpoint>""");

        Assert.Empty(package.Inbounds);
        Assert.Contains(reason, Assert.Single(package.Pending).Reason.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1", 1)]
    [InlineData("2", 2)]
    [InlineData("0", 0)]
    [InlineData("5", 1)]
    [InlineData(null, 1)]
    public void An_mqtt_endpoint_subscribes_to_its_topic_with_the_QoS_the_Micro_Integrator_uses(string? qos, int expected)
    {
        var qosParameter = qos is null ? string.Empty : $"""<parameter name="mqtt.subscription.qos">{qos}</parameter>""";
        var (package, diagnostics) = Lower($"""
            <inboundEndpoint name="M" protocol="mqtt" sequence="In"><parameters>
            <parameter name="mqtt.server.host.name">broker</parameter><parameter name="mqtt.server.port">1883</parameter>
            <parameter name="mqtt.topic.name">a/#</parameter>{qosParameter}<parameter name="mqtt.subscription.password">Mqtt-Pass-7</parameter>
            </parameters></inboundEndpoint>
            """);

        var mqtt = Assert.IsType<InboundTransportIr.Mqtt>(Assert.Single(package.Inbounds).Transport);
        Assert.Equal("a/#", mqtt.Topic);
        Assert.Equal(expected, mqtt.Qos);
        Assert.Null(mqtt.ClientId);
        Assert.Contains(package.Configurables, c => c.Name == mqtt.ServerUri && c.DefaultValue == "tcp://broker:1883");
        Assert.True(Assert.Single(package.Configurables, c => c.Name == mqtt.Password).Secret);
        Assert.DoesNotContain(package.Configurables, c => c.DefaultValue == "Mqtt-Pass-7");
        Assert.DoesNotContain(diagnostics.Items, d => d.Id == "SB0227");
    }

    [Fact]
    public void Sequential_false_is_reported_as_a_difference()
    {
        var (package, diagnostics) = Lower("""
            <inboundEndpoint name="M" protocol="mqtt" sequence="In"><parameters>
            <parameter name="mqtt.server.host.name">broker</parameter><parameter name="mqtt.server.port">1883</parameter>
            <parameter name="mqtt.topic.name">a</parameter><parameter name="sequential">false</parameter></parameters></inboundEndpoint>
            """);

        Assert.Single(package.Inbounds);
        Assert.Contains(diagnostics.Items, d => d.Id == DiagnosticCatalog.AttributeNotTranslated.Id && d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("sequential", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("file:///data/in", "/data/in")]
    [InlineData("file:/data/in", "/data/in")]
    [InlineData("/data/in", "/data/in")]
    public void A_file_endpoint_on_a_local_folder_becomes_a_polling_job_with_the_folders_as_configurables(string uri, string folder)
    {
        var (package, diagnostics) = Lower($"""
            <inboundEndpoint name="F" protocol="file" sequence="In" onError="Err"><parameters>
            <parameter name="interval">2500</parameter><parameter name="transport.vfs.FileURI">{uri}</parameter>
            <parameter name="transport.vfs.FileNamePattern">.*\.xml</parameter>
            <parameter name="transport.vfs.ActionAfterProcess">MOVE</parameter><parameter name="transport.vfs.MoveAfterProcess">file:///data/done</parameter>
            </parameters></inboundEndpoint>
            """);

        var file = Assert.IsType<InboundTransportIr.File>(Assert.Single(package.Inbounds).Transport);
        Assert.Equal(2.5m, file.IntervalSeconds);
        Assert.Equal(@".*\.xml", file.FileNamePattern);
        Assert.Null(file.ContentType);
        Assert.Null(file.MoveAfterFailure);
        Assert.Contains(package.Configurables, c => c.Name == file.Folder && c.DefaultValue == folder);
        Assert.Contains(package.Configurables, c => c.Name == file.MoveAfterProcess && c.DefaultValue == "/data/done");
        Assert.NotNull(file.Target.FaultFunction);
        Assert.DoesNotContain(diagnostics.Items, d => d.Id is "SB0227" or "SB0206");
    }

    [Theory]
    [InlineData("move")]
    [InlineData("NONE")]
    public void An_action_other_than_MOVE_exactly_deletes_the_file_as_FilePollingConsumer_does(string action)
    {
        var (package, _) = Lower($"""
            <inboundEndpoint name="F" protocol="file" sequence="In"><parameters>
            <parameter name="interval">1000</parameter><parameter name="transport.vfs.FileURI">/in</parameter>
            <parameter name="transport.vfs.ActionAfterProcess">{action}</parameter><parameter name="transport.vfs.MoveAfterProcess">/done</parameter>
            </parameters></inboundEndpoint>
            """);

        Assert.Null(Assert.IsType<InboundTransportIr.File>(Assert.Single(package.Inbounds).Transport).MoveAfterProcess);
    }

    [Fact]
    public void A_move_without_a_folder_deletes_the_file_as_the_Micro_Integrator_does_and_says_so()
    {
        var (package, diagnostics) = Lower("""
            <inboundEndpoint name="F" protocol="file" sequence="In"><parameters>
            <parameter name="interval">1000</parameter><parameter name="transport.vfs.FileURI">/in</parameter>
            <parameter name="transport.vfs.ActionAfterFailure">MOVE</parameter></parameters></inboundEndpoint>
            """);

        var file = Assert.IsType<InboundTransportIr.File>(Assert.Single(package.Inbounds).Transport);
        Assert.Null(file.MoveAfterFailure);
        Assert.Contains(diagnostics.Items, d => d.Id == DiagnosticCatalog.AttributeNotTranslated.Id);
    }

    [Fact]
    public void A_file_endpoint_on_a_file_system_ballerina_ftp_cannot_read_stays_a_TODO_that_never_shows_the_URI_password()
    {
        var (package, diagnostics) = Lower("""<inboundEndpoint name="F" protocol="vfs" sequence="In"><parameters><parameter name="interval">1000</parameter><parameter name="transport.vfs.FileURI">smb://user:File-Secret-8@host/share</parameter></parameters></inboundEndpoint>""");

        Assert.Empty(package.Inbounds);
        var pending = Assert.Single(package.Pending);
        Assert.Contains("is on smb, a file system ballerina/ftp cannot read", pending.Reason.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("File-Secret-8", pending.Reason.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(diagnostics.Items, d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("File-Secret-8", StringComparison.Ordinal));
    }
}
