using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Syntax;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>The Kafka connector: <c>&lt;kafkaTransport.init&gt;</c> connections and <c>kafkaTransport.publishMessages</c>.</summary>
public sealed class KafkaConnectorLoweringTests
{
    private const string Serializers =
        "<keySerializerClass>org.apache.kafka.common.serialization.StringSerializer</keySerializerClass>"
        + "<valueSerializerClass>org.apache.kafka.common.serialization.StringSerializer</valueSerializerClass>";

    private const string Publish = """<kafkaTransport.publishMessages configKey="Kafka"><topic>t</topic></kafkaTransport.publishMessages>""";

    private static (PackageIr Package, DiagnosticBag Diagnostics) Lower(string init, string operations) =>
        ArtifactLowering.Definitions($"""<localEntry key="Kafka"><kafkaTransport.init><name>Kafka</name>{init}</kafkaTransport.init></localEntry><sequence name="flow">{operations}</sequence>""");

    private static List<StepIr> Steps(PackageIr package) => Assert.Single(package.Functions).Body.ToList();

    [Fact]
    public void A_connection_becomes_one_producer_with_its_settings_in_ballerina_units()
    {
        var (package, _) = Lower("<bootstrapServers>b:9092</bootstrapServers>" + Serializers
            + "<acks>-1</acks><compressionType>zstd</compressionType><retries>5</retries><lingerTime>20</lingerTime><maxBlockTime>60000</maxBlockTime><enableIdempotence>TRUE</enableIdempotence>",
            Publish + Publish);

        var connection = Assert.Single(package.KafkaConnections);
        Assert.Empty(package.LocalEntries);
        Assert.Equal(KafkaAcks.All, connection.Acks);
        Assert.Equal(KafkaCompression.Zstd, connection.Compression);
        Assert.True(connection.EnableIdempotence);
        Assert.Contains(new KafkaNumberIr(KafkaProducerSetting.RetryCount, 5), connection.Numbers);
        Assert.Contains(new KafkaNumberIr(KafkaProducerSetting.Linger, 0.02m), connection.Numbers);
        Assert.Contains(new KafkaNumberIr(KafkaProducerSetting.MaxBlock, 60m), connection.Numbers);
        Assert.Equal("b:9092", Assert.Single(package.Configurables, c => c.Name == connection.BootstrapServers).DefaultValue);
        Assert.Null(connection.Protocol);
        Assert.Empty(connection.Notes);
        Assert.Equal(2, Steps(package).OfType<KafkaPublishStep>().Count(s => ReferenceEquals(s.Connection, connection)));
    }

    [Theory]
    [InlineData("PlainLoginModule", "PLAIN", KafkaSaslMechanism.Plain)]
    [InlineData("ScramLoginModule", "SCRAM-SHA-256", KafkaSaslMechanism.ScramSha256)]
    public void Sasl_credentials_come_from_the_jaas_configuration_and_the_password_is_a_required_configurable(string module, string mechanism, KafkaSaslMechanism expected)
    {
        var package = (module == "PlainLoginModule" ? "plain." : "scram.") + module;
        var (lowered, diagnostics) = Lower("<bootstrapServers>b:9092</bootstrapServers>" + Serializers
            + $"<securityProtocol>SASL_PLAINTEXT</securityProtocol><saslMechanism>{mechanism}</saslMechanism>"
            + $"<saslJaasConfig>org.apache.kafka.common.security.{package} required username=\"svc\" password=\"pw-Kafka-1\";</saslJaasConfig>",
            Publish);

        var connection = Assert.Single(lowered.KafkaConnections);
        Assert.Equal(KafkaSecurityProtocol.SaslPlaintext, connection.Protocol);
        var sasl = Assert.IsType<KafkaSaslIr>(connection.Sasl);
        Assert.Equal(expected, sasl.Mechanism);
        Assert.Equal("svc", Assert.Single(lowered.Configurables, c => c.Name == sasl.Username).DefaultValue);
        var password = Assert.Single(lowered.Configurables, c => c.Name == sasl.Password);
        Assert.True(password.Secret);
        Assert.Null(password.DefaultValue);
        Assert.DoesNotContain(lowered.Configurables, c => c.DefaultValue is { } value && value.Contains("pw-", StringComparison.Ordinal));
        Assert.Contains(diagnostics.Items, d => d.Descriptor == DiagnosticCatalog.SecretConfigurable);
    }

    [Theory]
    [InlineData("<keySerializerClass>org.apache.kafka.common.serialization.StringSerializer</keySerializerClass><valueSerializerClass>io.confluent.kafka.serializers.KafkaAvroSerializer</valueSerializerClass>", "Avro serializer")]
    [InlineData("<keySerializerClass>org.apache.kafka.common.serialization.ByteArraySerializer</keySerializerClass><valueSerializerClass>org.apache.kafka.common.serialization.StringSerializer</valueSerializerClass>", "not the StringSerializer")]
    [InlineData(Serializers + "<partitionerClass>com.example.P</partitionerClass>", "partitioner class")]
    [InlineData(Serializers + "<sendCallbackHandlerClass>org.wso2.carbon.connector.callbackhandler.DefaultKafkaSendCallbackWithDlq</sendCallbackHandlerClass>", "dead letter queue")]
    [InlineData(Serializers + "<securityProtocol>SASL_SSL</securityProtocol><saslMechanism>GSSAPI</saslMechanism>", "SASL GSSAPI")]
    [InlineData(Serializers + "<securityProtocol>SASL_SSL</securityProtocol>", "SASL GSSAPI")]
    [InlineData(Serializers + "<securityProtocol>SASL_SSL</securityProtocol><saslMechanism>PLAIN</saslMechanism>", "no saslJaasConfig")]
    [InlineData(Serializers + "<acks>2</acks>", "acks '2'")]
    [InlineData(Serializers + "<retries>many</retries>", "not a whole number")]
    [InlineData(Serializers + "<clientId>{$ctx:client}</clientId>", "is an expression")]
    [InlineData("", "does not set 'keySerializerClass'")]
    public void A_connection_the_producer_cannot_reproduce_stays_a_value_and_its_operations_say_why(string settings, string reason)
    {
        var (package, diagnostics) = Lower("<bootstrapServers>b:9092</bootstrapServers>" + settings, Publish);

        Assert.Empty(package.KafkaConnections);
        Assert.Single(package.LocalEntries);
        var todo = Assert.IsType<TodoStep>(Assert.Single(Steps(package)));
        Assert.Contains(reason, todo.Reason.Message, StringComparison.Ordinal);
        Assert.Contains(diagnostics.Items, d => d.Descriptor == DiagnosticCatalog.ConnectionNotTranslated);
    }

    [Fact]
    public void Publish_passes_every_parameter_in_order_and_forwards_the_transport_headers_only_with_all()
    {
        var (package, _) = Lower("<bootstrapServers>b:9092</bootstrapServers>" + Serializers, """
            <kafkaTransport.publishMessages configKey="Kafka">
                <topic>orders</topic><partitionNo>{$ctx:p}</partitionNo><key>k</key><X-Trace>1</X-Trace><forwardExistingHeaders>all</forwardExistingHeaders>
            </kafkaTransport.publishMessages>
            <kafkaTransport.publishMessages configKey="Kafka"><topic>orders</topic><forwardExistingHeaders>none</forwardExistingHeaders></kafkaTransport.publishMessages>
            """);

        var publishes = Steps(package).OfType<KafkaPublishStep>().ToList();
        Assert.Equal(2, publishes.Count);
        Assert.Equal(["topic", "partitionNo", "key", "X-Trace", "forwardExistingHeaders"], publishes[0].Parameters.Select(p => p.Name));
        Assert.Equal("orders", Assert.IsType<StringLiteralIr>(publishes[0].Parameters[0].Value).Value);
        Assert.IsNotType<StringLiteralIr>(publishes[0].Parameters[1].Value);
        Assert.True(publishes[0].ForwardHeaders);
        Assert.False(publishes[1].ForwardHeaders);
    }

    [Fact]
    public void Empty_parameters_and_settings_are_not_passed_as_the_micro_integrator_skips_them()
    {
        // MediatorFactoryFinder.createInvokeParam: no text, no child, no attribute value: no value, not passed.
        var (package, _) = Lower("<bootstrapServers>b:9092</bootstrapServers>" + Serializers + "<compressionType></compressionType><retries/>", """
            <kafkaTransport.publishMessages configKey="Kafka">
                <topic>orders</topic><key ></key><value/><partitionNo></partitionNo><contentType> </contentType>
            </kafkaTransport.publishMessages>
            """);

        var publish = Assert.Single(Steps(package).OfType<KafkaPublishStep>());
        Assert.Equal(["topic", "contentType"], publish.Parameters.Select(p => p.Name));
        Assert.Equal(" ", Assert.IsType<StringLiteralIr>(publish.Parameters[1].Value).Value);
        var connection = Assert.Single(package.KafkaConnections);
        Assert.Null(connection.Compression);
        Assert.DoesNotContain(connection.Numbers, n => n.Setting == KafkaProducerSetting.RetryCount);
    }

    [Theory]
    [InlineData("""<kafkaTransport.publishMessages configKey="Kafka"><partitionNo>1</partitionNo></kafkaTransport.publishMessages>""", "sets no topic")]
    [InlineData("""<kafkaTransport.publishMessages configKey="Kafka"><topic>t</topic><customHeaders>[{"a": "b"}]</customHeaders></kafkaTransport.publishMessages>""", "customHeaders")]
    [InlineData("""<kafkaTransport.publishMessages configKey="Kafka"><topic>t</topic><customHeaderExpression>{$ctx:h}</customHeaderExpression></kafkaTransport.publishMessages>""", "customHeaderExpression")]
    [InlineData("""<kafkaTransport.publishMessages configKey="Kafka"><topic>t</topic><forwardExistingHeaders>filtered</forwardExistingHeaders></kafkaTransport.publishMessages>""", "'filtered'")]
    [InlineData("""<kafkaTransport.publishMessages configKey="Kafka"><topic>t-${vars.x}</topic></kafkaTransport.publishMessages>""", "inline ${...}")]
    [InlineData("""<kafkaTransport.publishMessages configKey="Other"><topic>t</topic></kafkaTransport.publishMessages>""", "no local entry 'Other'")]
    [InlineData("""<kafkaTransport.publishMessages configKey="Kafka" async="true"><topic>t</topic></kafkaTransport.publishMessages>""", "attribute async")]
    [InlineData("""<kafkaTransport.publishMessages configKey="Kafka"><topic type="x">t</topic></kafkaTransport.publishMessages>""", "its topic holds attributes")]
    [InlineData("""<kafkaTransport.publishMessages configKey="Kafka"><topic>t</topic><value><order/></value></kafkaTransport.publishMessages>""", "its value holds XML")]
    public void A_publish_the_call_cannot_reproduce_stays_a_todo_that_says_why(string operation, string reason)
    {
        var (package, _) = Lower("<bootstrapServers>b:9092</bootstrapServers>" + Serializers, operation);

        var todo = Assert.IsType<TodoStep>(Assert.Single(Steps(package)));
        Assert.Equal(DiagnosticCatalog.ConnectorOperationNotTranslated, todo.Reason.Descriptor);
        Assert.Contains(reason, todo.Reason.Message, StringComparison.Ordinal);
    }
}
