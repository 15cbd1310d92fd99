using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// The JMS code is written against the released ballerinax/java.jms 1.2.0 and packages that import it pin that
/// version (docs/design.md, "JMS: the released ballerinax/java.jms 1.2.0, pinned").
/// </summary>
public sealed class JmsReleasedApiTests
{
    private const string Ns = "http://ws.apache.org/ns/synapse";

    private const string Factory = "transport.jms.ConnectionFactoryJNDIName=QueueConnectionFactory&amp;java.naming.factory.initial=org.apache.activemq.jndi.ActiveMQInitialContextFactory&amp;java.naming.provider.url=tcp://mq:61616";

    private static string OutOnlyApi(string uri) => $"""
        <api xmlns="{Ns}" name="OrdersAPI" context="/orders">
          <resource methods="POST" uri-template="/">
            <inSequence>
              <property name="OUT_ONLY" value="true"/>
              <property name="FORCE_SC_ACCEPTED" value="true" scope="axis2"/>
              <send><endpoint><address uri="{uri}"/></endpoint></send>
            </inSequence>
          </resource>
        </api>
        """;

    [Fact]
    public void A_package_that_imports_java_jms_pins_the_released_version_and_says_how_to_add_the_provider()
    {
        var files = ArtifactConversion.Convert(OutOnlyApi($"jms:/Orders?{Factory}"));

        Assert.Contains(files, f => f.Key.EndsWith(".bal", StringComparison.Ordinal) && f.Value.Contains("import ballerinax/java.jms;", StringComparison.Ordinal));
        var toml = files["Ballerina.toml"];
        Assert.Contains("[[dependency]]\norg = \"ballerinax\"\nname = \"java.jms\"\nversion = \"1.2.0\"\n", toml, StringComparison.Ordinal);
        Assert.Contains("import ballerinax/activemq.driver as _;", toml, StringComparison.Ordinal);
        Assert.Contains("[[platform.java21.dependency]]", toml, StringComparison.Ordinal);
    }

    [Fact]
    public void A_package_without_jms_pins_nothing()
    {
        var files = ArtifactConversion.Convert(OutOnlyApi("http://backend.example.com/orders"));

        Assert.DoesNotContain(files, f => f.Value.Contains("ballerinax/java.jms", StringComparison.Ordinal));
        Assert.DoesNotContain("[[dependency]]", files["Ballerina.toml"], StringComparison.Ordinal);
        Assert.DoesNotContain("activemq", files["Ballerina.toml"], StringComparison.Ordinal);
    }

    [Fact]
    public void The_sender_builds_the_message_itself_as_the_released_send_drops_properties_and_type()
    {
        var support = ArtifactConversion.Convert(OutOnlyApi($"jms:/Orders?{Factory}&amp;transport.jms.ContentTypeProperty=contentType"))["support.bal"];

        // 1.2.0's MessageProducer->send writes only content, JMSReplyTo and JMSCorrelationID: the runtime sends a
        // javax.jms message it made on the module's session, with its properties, through the module's producer.
        Assert.Contains("\"io.ballerina.stdlib.java.jms.JmsSession\"", support, StringComparison.Ordinal);
        Assert.Contains("name: \"createJmsMessage\"", support, StringComparison.Ordinal);
        Assert.Contains("\"io.ballerina.stdlib.java.jms.producer.Actions\"", support, StringComparison.Ordinal);
        Assert.Contains("name: \"setStringProperty\"", support, StringComparison.Ordinal);
        Assert.DoesNotContain("producer->send(", support, StringComparison.Ordinal);
        // Nothing of the unreleased API (master): no unified content, no MessageConverter, no jms:Value/jms:Property.
        Assert.DoesNotContain("MessageConverter\"", support, StringComparison.Ordinal);
        Assert.DoesNotContain("jms:Value", support, StringComparison.Ordinal);
        Assert.DoesNotContain("jms:Property", support, StringComparison.Ordinal);
    }

    [Fact]
    public void A_jms_inbound_endpoint_is_a_released_listener_with_its_destination_in_the_consumer_options()
    {
        var files = ArtifactConversion.Convert(
            $"""
            <inboundEndpoint xmlns="{Ns}" name="OrdersIn" protocol="jms" sequence="Handle" onError="Handle" suspend="false">
              <parameters>
                <parameter name="java.naming.factory.initial">org.apache.activemq.jndi.ActiveMQInitialContextFactory</parameter>
                <parameter name="java.naming.provider.url">tcp://mq:61616</parameter>
                <parameter name="transport.jms.ConnectionFactoryJNDIName">TopicConnectionFactory</parameter>
                <parameter name="transport.jms.ConnectionFactoryType">topic</parameter>
                <parameter name="transport.jms.Destination">events</parameter>
                <parameter name="transport.jms.SessionAcknowledgement">DUPS_OK_ACKNOWLEDGE</parameter>
              </parameters>
            </inboundEndpoint>
            """,
            $"""<sequence xmlns="{Ns}" name="Handle"><log level="full"/></sequence>""");

        var inbound = files["inbound.bal"];
        Assert.Contains("connectionConfig = {", inbound, StringComparison.Ordinal);
        Assert.Contains("acknowledgementMode = jms:DUPS_OK_ACKNOWLEDGE,", inbound, StringComparison.Ordinal);
        Assert.Contains("destination: {'type: jms:TOPIC, name: \"events\"}", inbound, StringComparison.Ordinal);
        Assert.Contains("remote function onMessage(jms:Message message) returns error?", inbound, StringComparison.Ordinal);
        Assert.Contains("check jmsBody(message)", inbound, StringComparison.Ordinal);
        Assert.DoesNotContain("@jms:ServiceConfig", inbound, StringComparison.Ordinal);
        Assert.DoesNotContain("message.content", inbound, StringComparison.Ordinal);
    }

    [Fact]
    public void The_session_is_passed_to_java_as_any_since_interop_takes_an_object_type_only_for_a_BObject_parameter()
    {
        var text = SynapseToBal.Tests.Runtime.RuntimeSourceText.Function("javaObjectHandle");
        Assert.Contains("function javaObjectHandle(any session) returns handle", text, StringComparison.Ordinal);
        Assert.Contains("paramTypes: [\"java.lang.Object\"]", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_request_reply_on_a_named_reply_destination_selects_the_reply_by_the_sent_message_s_JMSMessageID()
    {
        // JMSSender.sendOverJMS: the request's JMSCorrelationID, else the JMSMessageID the provider gave it. The released
        // ballerinax/java.jms 1.2.0 MessageProducer->send returns no id (Error?), so it is read from the javax.jms.Message
        // jmsSend sent; no correlation ID is made up for the request.
        var exchange = SynapseToBal.Tests.Runtime.RuntimeSourceText.Function("jmsSendAndReceive");
        SynapseToBal.Tests.Runtime.RuntimeSourceText.InOrder(exchange,
            "handle request = check jmsSend({session, producer}, message, replyTo = replyTo);",
            "java:toString(check javaJmsMessageId(request))",
            "messageSelector = string `JMSCorrelationID = '${correlationId}'`");
        var request = SynapseToBal.Tests.Runtime.RuntimeSourceText.Function("requestJms");
        Assert.DoesNotContain("\"ID:\"", request, StringComparison.Ordinal);
        Assert.DoesNotContain("message.correlationId =", request, StringComparison.Ordinal);
    }
}
