using SynapseToBal.IR;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// The names an inbound endpoint consumes from, when the Micro Integrator resolves them at deployment (issue 9):
/// InboundEndpointFactory resolves every parameter through ResolverFactory (<c>$SYSTEM:x</c>, <c>$FILE:x</c>,
/// <c>${configs.x}</c>), so the listener reads a required configurable, not the placeholder as a literal name.
/// </summary>
public sealed class InboundDeployTimeNameTests
{
    private const string Ns = "http://ws.apache.org/ns/synapse";

    private static readonly string Sequence = $"""<sequence xmlns="{Ns}" name="S"><drop/></sequence>""";

    private static string Kafka(string topic) => $"""
        <inboundEndpoint xmlns="{Ns}" name="K" sequence="S" class="org.wso2.carbon.inbound.kafka.KafkaMessageConsumer">
            <parameters>
                <parameter name="value.deserializer">org.apache.kafka.common.serialization.StringDeserializer</parameter>
                <parameter name="topic.name">{topic}</parameter>
                <parameter name="poll.timeout">1000</parameter>
                <parameter name="bootstrap.servers">localhost:9092</parameter>
                <parameter name="group.id">g</parameter>
                <parameter name="contentType">application/json</parameter>
            </parameters>
        </inboundEndpoint>
        """;

    private static readonly string Jms = $"""
        <inboundEndpoint xmlns="{Ns}" name="J" protocol="jms" sequence="S">
            <parameters>
                <parameter name="transport.jms.Destination">$SYSTEM:ORDERS_QUEUE</parameter>
                <parameter name="java.naming.factory.initial">org.apache.activemq.jndi.ActiveMQInitialContextFactory</parameter>
                <parameter name="java.naming.provider.url">tcp://localhost:61616</parameter>
            </parameters>
        </inboundEndpoint>
        """;

    [Fact]
    public void A_deploy_time_topic_is_a_required_configurable_the_listener_reads()
    {
        var result = ArtifactConversion.Result(Sequence, Kafka("$SYSTEM:ORDERS_TOPIC"));
        var kafka = Assert.IsType<InboundTransportIr.Kafka>(result.Package!.Inbounds.Single().Transport);
        Assert.NotNull(kafka.TopicSetting);
        Assert.Contains(result.Diagnostics, d => d.Id == "SB0298");
        var code = string.Concat(result.Files.Where(f => f.RelativePath.EndsWith(".bal", StringComparison.Ordinal)).Select(f => f.Content));
        Assert.Contains("topics = [ordersTopic]", code, StringComparison.Ordinal);
        Assert.DoesNotContain("\"$SYSTEM:ORDERS_TOPIC\"", code, StringComparison.Ordinal);
        Assert.Contains("configurable string ordersTopic = ?;", code, StringComparison.Ordinal);
    }

    [Fact]
    public void A_topic_written_in_the_input_stays_a_literal()
    {
        var result = ArtifactConversion.Result(Sequence, Kafka("orders"));
        var kafka = Assert.IsType<InboundTransportIr.Kafka>(result.Package!.Inbounds.Single().Transport);
        Assert.Null(kafka.TopicSetting);
        Assert.Contains("topics = [\"orders\"]", string.Concat(result.Files.Select(f => f.Content)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_deploy_time_jms_destination_is_the_brokers_destination_name()
    {
        var result = ArtifactConversion.Result(Sequence, Jms);
        var jms = Assert.IsType<InboundTransportIr.Jms>(result.Package!.Inbounds.Single().Transport);
        Assert.NotNull(jms.DestinationSetting);
        var configurable = result.Package.Configurables.Single(c => ReferenceEquals(c.Name, jms.DestinationSetting));
        Assert.Contains("broker's destination name", configurable.Description, StringComparison.Ordinal);
        Assert.Contains("not a JNDI name", configurable.Description, StringComparison.Ordinal);
    }
}
