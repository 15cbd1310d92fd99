using System.Globalization;
using SynapseToBal.Diagnostics;
using SynapseToBal.Emit;
using SynapseToBal.IR;
using SynapseToBal.Lowering;
using SynapseToBal.Syntax;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// The answer of a proxy to a message it received over JMS: Axis2's JMSMessageReceiver sends it to the request's
/// JMSReplyTo, else to the proxy's transport.jms.ReplyDestination; the generated listener sets that up on the
/// context (setJmsReply) and the runtime's respond sends it there.
/// </summary>
public sealed class ProxyJmsReplyTests
{
    private const string Synapse = DefinitionsLowering.Synapse;

    private static (PackageIr Package, DiagnosticBag Diagnostics) Lower(string definitions) => DefinitionsLowering.Lower(definitions);

    private static string Proxy(string parameters, string inSequence = "<respond/>", string transports = "jms") =>
        $"""<proxy xmlns="{Synapse}" name="P" transports="{transports}"><target><inSequence>{inSequence}</inSequence></target>{parameters}</proxy>""";

    private static string Message(Microsoft.CodeAnalysis.Diagnostic d) => d.GetMessage(CultureInfo.InvariantCulture);

    [Fact]
    public void A_proxy_that_answers_over_jms_sends_its_answer_to_the_reply_destination_and_reports_nothing()
    {
        var (package, diagnostics) = Lower(Proxy("<parameter name=\"transport.jms.ReplyDestination\">replies</parameter>"));

        var inbound = Assert.Single(package.Inbounds);
        Assert.Null(inbound.NotTranslated);
        var jms = Assert.IsType<InboundTransportIr.Jms>(inbound.Transport);
        Assert.Equal(new JmsReplyIr("replies", false), jms.Reply);
        Assert.Contains("JMSReplyTo, else queue 'replies'", inbound.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain(diagnostics.Items, d => Message(d).Contains("JMS", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_a_reply_destination_the_answer_goes_to_jms_reply_to_only()
    {
        var (package, _) = Lower(Proxy(string.Empty));

        var jms = Assert.IsType<InboundTransportIr.Jms>(Assert.Single(package.Inbounds).Transport);
        Assert.Equal(new JmsReplyIr(null, false), jms.Reply);
    }

    [Fact]
    public void A_topic_reply_destination_type_makes_the_reply_destination_a_topic()
    {
        var (package, _) = Lower(Proxy("<parameter name=\"transport.jms.ReplyDestination\">quotes</parameter><parameter name=\"transport.jms.ReplyDestinationType\">topic</parameter>"));

        var jms = Assert.IsType<InboundTransportIr.Jms>(Assert.Single(package.Inbounds).Transport);
        Assert.Equal(new JmsReplyIr("quotes", true), jms.Reply);
    }

    [Fact]
    public void A_reply_destination_type_other_than_queue_or_topic_leaves_the_transport_untranslated_as_the_mi_refuses_it()
    {
        // JMSEndpoint.loadConfiguration compares the value exactly: "Queue" is refused.
        var (package, diagnostics) = Lower(Proxy("<parameter name=\"transport.jms.ReplyDestinationType\">Queue</parameter>", transports: "http jms"));

        Assert.Empty(package.Inbounds);
        Assert.Contains(diagnostics.Items, d => d.Id == "SB0206" && Message(d).Contains("transport.jms.ReplyDestinationType 'Queue' is neither queue nor topic", StringComparison.Ordinal));
    }

    [Fact]
    public void A_proxy_that_never_answers_still_answers_over_jms_when_its_fault_sequence_responds()
    {
        // The fault sequence's respond answers the request too: every JMS proxy listener sets the reply up.
        var (package, _) = Lower($"""<proxy name="P" transports="jms"><target><inSequence><drop/></inSequence><faultSequence><respond/></faultSequence></target></proxy>""");

        var jms = Assert.IsType<InboundTransportIr.Jms>(Assert.Single(package.Inbounds).Transport);
        Assert.NotNull(jms.Reply);
    }

    [Fact]
    public void An_inbound_endpoint_whose_sequence_responds_sets_the_inbound_reply_up()
    {
        // JMSInjectHandler.invoke sets a JMSReplySender for the message's JMSReplyTo (here no ReplyDestination).
        var (package, _) = Lower("""
            <inboundEndpoint name="In" protocol="jms" sequence="S"><parameters>
            <parameter name="java.naming.factory.initial">org.apache.activemq.jndi.ActiveMQInitialContextFactory</parameter>
            <parameter name="java.naming.provider.url">tcp://localhost:61616</parameter>
            <parameter name="transport.jms.Destination">q</parameter></parameters></inboundEndpoint>
            <sequence name="S"><respond/></sequence>
            """);

        var jms = Assert.IsType<InboundTransportIr.Jms>(Assert.Single(package.Inbounds).Transport);
        var reply = Assert.IsType<JmsReplyIr>(jms.Reply);
        Assert.True(reply.Inbound);
        Assert.Null(reply.Destination);
    }

    [Fact]
    public void The_listener_sets_the_reply_up_with_its_connection_the_reply_destination_and_the_matched_content_type_property()
    {
        var files = ArtifactConversion.Convert(Proxy("""
            <parameter name="transport.jms.ContentType"><rules><jmsProperty>contentType</jmsProperty><default>text/xml</default></rules></parameter>
            <parameter name="transport.jms.ReplyDestination">replies</parameter><parameter name="transport.jms.ReplyDestinationType">topic</parameter>
            """));

        var inbound = files["inbound.bal"];
        Assert.Contains("string? contentTypeProperty = ();", inbound, StringComparison.Ordinal);
        Assert.Contains("    contentType = propertyValue;\n            contentTypeProperty = \"contentType\";", inbound, StringComparison.Ordinal);
        Assert.Contains("setJmsReply(ctx, message, \"pJmsListener\", {\n            initialContextFactory: jmsFactoryDefaultContextFactory,", inbound, StringComparison.Ordinal);
        Assert.Contains("}, replyDestination = {'type: jms:TOPIC, name: \"replies\"}, contentTypeProperty = contentTypeProperty);", inbound, StringComparison.Ordinal);

        // The reply is set up after the JMS facts and before the flow runs.
        var facts = inbound.IndexOf("setJmsInboundFacts(", StringComparison.Ordinal);
        var reply = inbound.IndexOf("setJmsReply(", StringComparison.Ordinal);
        var flow = inbound.IndexOf("pFlow(ctx)", StringComparison.Ordinal);
        Assert.True(facts < reply && reply < flow);
        Assert.Contains("function sendJmsReply(", files["support.bal"], StringComparison.Ordinal);
    }

    [Fact]
    public void Without_property_rules_or_a_reply_destination_the_call_passes_only_the_connection()
    {
        var files = ArtifactConversion.Convert(Proxy("<parameter name=\"transport.jms.ContentType\">application/json</parameter>"));

        var inbound = files["inbound.bal"];
        Assert.DoesNotContain("contentTypeProperty", inbound, StringComparison.Ordinal);
        Assert.Contains("    connectionFactoryName: jmsFactoryDefaultConnectionFactory\n        });", inbound, StringComparison.Ordinal);

        // The comment is wrapped at 120 columns: its lines read as one text.
        var comments = System.Text.RegularExpressions.Regex.Replace(inbound, @"\n *// ", " ");
        Assert.Contains("to the request's JMSReplyTo; without one, answering fails (the proxy has no transport.jms.ReplyDestination).", comments, StringComparison.Ordinal);
    }

    [Fact]
    public void Respond_answers_over_jms_when_the_context_has_a_send_back_and_copies_keep_it()
    {
        IEnumerable<string> files = ["respond(ctx); branchContext(ctx); setJmsReply(ctx);"];
        var support = RuntimeModule.BuiltIn.Support(files)!;

        var respond = support[support.IndexOf("function sendBackToClient(Context ctx,", StringComparison.Ordinal)..];
        Assert.True(respond.IndexOf("check sendBack(ctx);", StringComparison.Ordinal) < respond.IndexOf("answerInClientSoapVersion(ctx);", StringComparison.Ordinal));
        Assert.Contains("sendBack: ctx.sendBack", support, StringComparison.Ordinal);

        // The correlation ID: the axis2 JMS_COORELATION_ID, else for a backend's response the request's JMSMessageID.
        Assert.Contains("JmsOutgoing reply = check jmsMessage(ctx, target.contentTypeProperty, ctx.backendResponse ? target.requestMessageId : ());", support, StringComparison.Ordinal);
        Assert.Contains("string? correlationId = correlation is string ? correlation : relatesTo;", support, StringComparison.Ordinal);
        Assert.Contains("_ = check jmsSend(sender, reply, destination);", support, StringComparison.Ordinal);
    }

    [Fact]
    public void A_jms_message_carries_binary_payloads_as_bytes_and_a_proxy_passes_no_request_jms_type_on()
    {
        IEnumerable<string> files = ["setJmsInboundFacts(ctx); sendJms(ctx); setJmsReply(ctx);"];
        var support = RuntimeModule.BuiltIn.Support(files)!;
        var message = support[support.IndexOf("function jmsWrittenMessage(", StringComparison.Ordinal)..];
        message = message[..message.IndexOf("\n}\n", StringComparison.Ordinal)];

        // JMSSender.guessMessageType: the binary wrapper goes out as a BytesMessage of its bytes, not decoded as text.
        var binary = message.IndexOf("if contentType is () && body is byte[] && bodyFormat(ctx.contentType) == \"binary\" {", StringComparison.Ordinal);
        Assert.Contains("(JMSSender.guessMessageType).\n        content = body;\n    } else if contentType is string && (", message, StringComparison.Ordinal);
        Assert.True(binary >= 0);
        Assert.True(binary < message.IndexOf("check string:fromBytes(body)", StringComparison.Ordinal));

        // Only the inbound endpoint's JMSInjectHandler adds JMS_MESSAGE_TYPE; a proxy's request has only JMS_TYPE.
        var facts = support[support.IndexOf("function setJmsInboundFacts(", StringComparison.Ordinal)..];
        Assert.Contains("headers[\"JMS_TYPE\"] = jmsType;\n        if !axis2Scope {\n", facts, StringComparison.Ordinal);
        Assert.Contains("if !axis2Scope {\n            // Only the inbound endpoint (JMSInjectHandler.invoke) adds it, and a send or answer writes it as the JMSType.\n            headers[\"JMS_MESSAGE_TYPE\"] = jmsType;", facts, StringComparison.Ordinal);

        // An inbound endpoint's answer: JMSReplySender correlates by the default-scope JMS_COORELATION_ID and logs a failed send.
        var reply = support[support.IndexOf("function sendJmsReply(", StringComparison.Ordinal)..];
        Assert.True(reply.IndexOf("if target.inbound {", StringComparison.Ordinal) < reply.IndexOf("JmsSender sender", StringComparison.Ordinal));
        Assert.Contains("log:printError(\"Error sending JMS response\", 'error = sent", reply, StringComparison.Ordinal);
        Assert.Contains("anydata correlation = ctx.properties[\"JMS_COORELATION_ID\"];\n    JmsOutgoing reply = check jmsMessage(ctx, target.contentTypeProperty, correlation is string ? correlation : ());", support, StringComparison.Ordinal);
    }
}
