using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// Which fault handler an inbound endpoint without onError gives its sequence. InboundHttpServerWorker and
/// JMSInjectHandler push a MediatorFaultHandler for the global fault sequence (their getFaultSequence); the file,
/// RabbitMQ, MQTT and Kafka inject handlers only set the sequence's error handler to onError, so without one a failure
/// finds no fault handler (Axis2SynapseEnvironment.injectInbound) and the project's fault sequence never runs.
/// </summary>
public sealed class InboundGlobalFaultTests
{
    private const string Ns = "http://ws.apache.org/ns/synapse";

    private static string Sequence => $"""<sequence xmlns="{Ns}" name="Process"><log level="full"/><call><endpoint><http method="post" uri-template="http://backend.example.com/in"/></endpoint></call><drop/></sequence>""";

    private static string Fault => $"""<sequence xmlns="{Ns}" name="fault"><log level="custom"><property name="fault" value="failed"/></log><drop/></sequence>""";

    private static string Inbound(string files) => files.ReplaceLineEndings("\n");

    [Fact]
    public void A_file_endpoint_without_on_error_applies_the_failure_action_and_never_runs_the_global_fault_sequence()
    {
        var files = ArtifactConversion.Convert(
            $"""
            <inboundEndpoint xmlns="{Ns}" name="Drop" protocol="file" sequence="Process"><parameters>
            <parameter name="interval">1000</parameter><parameter name="transport.vfs.FileURI">/var/in</parameter>
            <parameter name="transport.vfs.ContentType">application/xml</parameter>
            <parameter name="transport.vfs.ActionAfterFailure">MOVE</parameter><parameter name="transport.vfs.MoveAfterFailure">/var/failed</parameter>
            </parameters></inboundEndpoint>
            """,
            Sequence,
            Fault);

        var inbound = Inbound(files["inbound.bal"]);
        Assert.DoesNotContain("handleFault(", inbound);
        Assert.Contains("No onError sequence: the Micro Integrator fails the poll cycle and applies the after-failure action.", inbound);
        Assert.Contains("string|file:Error failedPath = file:joinPath(dropMoveAfterFailure, fileName);", inbound);
    }

    [Fact]
    public void Rabbitmq_mqtt_and_kafka_endpoints_without_on_error_never_run_the_global_fault_sequence()
    {
        var files = ArtifactConversion.Convert(
            $"""<inboundEndpoint xmlns="{Ns}" name="Queue" protocol="rabbitmq" sequence="Process"><parameters><parameter name="rabbitmq.server.host.name">localhost</parameter><parameter name="rabbitmq.queue.name">orders</parameter></parameters></inboundEndpoint>""",
            $"""<inboundEndpoint xmlns="{Ns}" name="Topic" protocol="mqtt" sequence="Process"><parameters><parameter name="mqtt.server.host.name">broker</parameter><parameter name="mqtt.server.port">1883</parameter><parameter name="mqtt.topic.name">orders</parameter></parameters></inboundEndpoint>""",
            $"""<inboundEndpoint xmlns="{Ns}" name="Records" sequence="Process" class="org.wso2.carbon.inbound.kafka.KafkaMessageConsumer"><parameters><parameter name="interval">10</parameter><parameter name="value.deserializer">org.apache.kafka.common.serialization.StringDeserializer</parameter><parameter name="key.deserializer">org.apache.kafka.common.serialization.StringDeserializer</parameter><parameter name="topic.name">orders</parameter><parameter name="poll.timeout">100</parameter><parameter name="bootstrap.servers">localhost:9092</parameter><parameter name="group.id">g</parameter><parameter name="contentType">application/json</parameter></parameters></inboundEndpoint>""",
            Sequence,
            Fault);

        var inbound = Inbound(files["inbound.bal"]);
        Assert.Contains("rabbitmq:Listener", inbound);
        Assert.Contains("mqtt:Listener", inbound);
        Assert.Contains("kafka:Listener", inbound);
        Assert.DoesNotContain("handleFault(", inbound);
    }

    [Fact]
    public void Jms_and_http_endpoints_without_on_error_run_the_global_fault_sequence()
    {
        var files = ArtifactConversion.Convert(
            $"""<inboundEndpoint xmlns="{Ns}" name="Jms" protocol="jms" sequence="Process"><parameters><parameter name="transport.jms.Destination">Orders</parameter><parameter name="java.naming.factory.initial">org.apache.activemq.jndi.ActiveMQInitialContextFactory</parameter><parameter name="java.naming.provider.url">tcp://localhost:61616</parameter></parameters></inboundEndpoint>""",
            $"""<inboundEndpoint xmlns="{Ns}" name="Web" protocol="http" sequence="Process"><parameters><parameter name="inbound.http.port">8085</parameter></parameters></inboundEndpoint>""",
            Sequence,
            Fault);

        var inbound = Inbound(files["inbound.bal"]);
        var calls = inbound.Split("handleFault(ctx, ").Length - 1;
        Assert.True(calls >= 2, inbound);
    }

    [Fact]
    public void An_on_error_sequence_handles_the_failures_of_a_file_endpoint()
    {
        var files = ArtifactConversion.Convert(
            $"""<inboundEndpoint xmlns="{Ns}" name="Drop" protocol="file" sequence="Process" onError="Recover"><parameters><parameter name="interval">1000</parameter><parameter name="transport.vfs.FileURI">/var/in</parameter></parameters></inboundEndpoint>""",
            $"""<sequence xmlns="{Ns}" name="Recover"><log level="custom"><property name="recovered" value="true"/></log></sequence>""",
            Sequence,
            Fault);

        var inbound = Inbound(files["inbound.bal"]);
        Assert.Contains("runRecover(ctx, result);", inbound);
        Assert.DoesNotContain("handleFault(", inbound);
    }
}
