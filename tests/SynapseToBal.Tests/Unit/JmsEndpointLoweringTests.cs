using System.Globalization;
using Microsoft.CodeAnalysis;
using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Lowering;
using SynapseToBal.Syntax;
using Xunit;

namespace SynapseToBal.Tests.Unit;

public sealed class JmsEndpointLoweringTests
{
    private const string Ns = "http://ws.apache.org/ns/synapse";

    private const string Uri = "jms:/orders?transport.jms.ConnectionFactoryJNDIName=QCF&amp;java.naming.factory.initial=F&amp;java.naming.provider.url=tcp://mq:61616"
        + "&amp;transport.jms.DestinationType=topic&amp;transport.jms.UserName=u&amp;transport.jms.Password=hunter2&amp;topic.orders=orders.physical";

    private static PackageIr Lower(DiagnosticBag diagnostics, params string[] artifacts) => ArtifactLowering.Lower(diagnostics, artifacts);

    private static string Message(Diagnostic diagnostic) => diagnostic.GetMessage(CultureInfo.InvariantCulture);

    private static IReadOnlyList<StepIr> Body(PackageIr package, string sequence) => package.Functions.Single(f => f.Summary.Contains($"'{sequence}'", StringComparison.Ordinal)).Body;

    [Fact]
    public void An_out_only_send_to_a_jms_endpoint_sends_and_answers_202()
    {
        var diagnostics = new DiagnosticBag();
        var package = Lower(diagnostics,
            $"""<endpoint xmlns="{Ns}" name="JmsEP"><address uri="{Uri}"/></endpoint>""",
            $"""
            <sequence xmlns="{Ns}" name="In">
              <property name="OUT_ONLY" value="true"/>
              <property name="FORCE_SC_ACCEPTED" value="true" scope="axis2"/>
              <send><endpoint key="JmsEP"/></send>
            </sequence>
            """);

        var body = Body(package, "In");
        var send = Assert.Single(body.OfType<JmsSendStep>());
        Assert.IsType<AcceptStep>(body[^1]);
        var jms = send.Endpoint;
        string? Default(Symbol symbol) => Assert.Single(package.Configurables, c => ReferenceEquals(c.Name, symbol)).DefaultValue;
        Assert.True(jms.Topic);
        Assert.Equal("orders", Default(jms.Destination));
        Assert.Equal("QCF", Default(jms.ConnectionFactory));
        Assert.Equal("F", Default(jms.ContextFactory));
        Assert.Equal("u", Default(jms.Username!));
        var password = Assert.Single(package.Configurables, c => ReferenceEquals(c.Name, jms.Password));
        Assert.True(password.Secret);
        Assert.Null(password.DefaultValue);
        var property = Assert.Single(jms.Properties);
        Assert.Equal("topic.orders", property.Name);
        Assert.Null(jms.NotApplied);

        // The endpoint is translated: no TODO for it, no SB0218, and the password appears nowhere.
        Assert.Empty(package.PendingEndpoints);
        Assert.DoesNotContain(diagnostics.Items, d => d.Id is "SB0218" or "SB0206");
        Assert.DoesNotContain(diagnostics.Items, d => Message(d).Contains("hunter2", StringComparison.Ordinal));
    }

    /// <summary>An out-only send to a JMS endpoint with the given format, lowered.</summary>
    private static (JmsSendStep Send, DiagnosticBag Diagnostics) SendThroughFormat(string format)
    {
        var diagnostics = new DiagnosticBag();
        var package = Lower(diagnostics,
            $"""<endpoint xmlns="{Ns}" name="JmsEP"><address uri="{Uri}" format="{format}"/></endpoint>""",
            $"""
            <sequence xmlns="{Ns}" name="In">
              <property name="OUT_ONLY" value="true"/>
              <send><endpoint key="JmsEP"/></send>
            </sequence>
            """);
        return (Assert.Single(Body(package, "In").OfType<JmsSendStep>()), diagnostics);
    }

    [Theory]
    [InlineData("pox", EndpointFormat.Pox)]
    [InlineData(" SOAP11 ", EndpointFormat.Soap11)]
    [InlineData("soap12", EndpointFormat.Soap12)]
    public void A_jms_endpoints_format_is_applied_to_the_message_it_sends(string format, EndpointFormat expected)
    {
        var (send, diagnostics) = SendThroughFormat(format);
        Assert.Equal(expected, send.Endpoint.Format);
        Assert.Null(send.Endpoint.NotApplied);
        Assert.DoesNotContain(diagnostics.Items, d => d.Id == "SB0206");
    }

    [Theory]
    [InlineData("get", true)]
    [InlineData("rest", true)]
    [InlineData("json", false)]
    public void A_jms_endpoints_other_format_is_reported_and_not_applied(string format, bool todo)
    {
        var (send, diagnostics) = SendThroughFormat(format);
        Assert.Null(send.Endpoint.Format);
        Assert.Contains(diagnostics.Items, d => d.Id == "SB0206" && Message(d).Contains($"format=\"{format}\"", StringComparison.Ordinal));
        Assert.Equal(todo, send.Endpoint.NotApplied is not null);
    }

    [Fact]
    public void An_out_only_callout_over_jms_sends_and_the_flow_goes_on()
    {
        var diagnostics = new DiagnosticBag();
        var package = Lower(diagnostics,
            $"""
            <sequence xmlns="{Ns}" name="Callout">
              <property name="OUT_ONLY" value="true"/>
              <callout serviceURL="{Uri}"/>
              <log level="full"/>
            </sequence>
            """,
            $"""<sequence xmlns="{Ns}" name="Waits"><callout serviceURL="{Uri}"/></sequence>""");

        var body = Body(package, "Callout");
        var send = Assert.Single(body.OfType<JmsSendStep>());
        Assert.IsType<CalloutMediator>(send.Origin);
        Assert.IsType<LogStep>(body[^1]);
        var todo = Assert.Single(Body(package, "Waits").OfType<TodoStep>());
        Assert.Equal("SB0218", todo.Reason.Descriptor.Id);
        var reported = Message(Assert.Single(diagnostics.Items, d => d.Id == "SB0218"));
        Assert.Contains("a <callout> that waits for a reply (OUT_ONLY not \"true\")", reported, StringComparison.Ordinal);
    }

    [Fact]
    public void A_send_to_an_endpoint_with_a_reply_destination_waits_for_the_reply_and_the_out_flow_gets_it()
    {
        var diagnostics = new DiagnosticBag();
        var package = Lower(diagnostics,
            $"""<endpoint xmlns="{Ns}" name="JmsEP"><address uri="{Uri}&amp;transport.jms.ReplyDestination=bip_reply"/></endpoint>""",
            $"""<sequence xmlns="{Ns}" name="In"><send><endpoint key="JmsEP"/></send></sequence>""");

        var body = Body(package, "In");
        var request = Assert.Single(body.OfType<JmsSendStep>());
        Assert.True(request.AwaitsReply);
        Assert.False(request.Endpoint.ReplyTopic);
        var reply = Assert.Single(package.Configurables, c => ReferenceEquals(c.Name, request.Endpoint.ReplyDestination));
        Assert.Equal("bip_reply", reply.DefaultValue);
        // The reply goes on as a send's response does: the out flow gets it, no 202.
        Assert.DoesNotContain(body, s => s is AcceptStep or TodoStep);
        Assert.IsType<ContinueWithStep>(body[^1]);
        Assert.DoesNotContain(diagnostics.Items, d => d.Id == "SB0218");
        // The runtime selects the reply by the request's JMSMessageID, as the Micro Integrator does: nothing to warn of.
        Assert.DoesNotContain(diagnostics.Items, d => Message(d).Contains("JMSMessageID", StringComparison.Ordinal));
        Assert.DoesNotContain(diagnostics.Items, d => Message(d).Contains("hunter2", StringComparison.Ordinal));
    }

    [Fact]
    public void A_non_blocking_call_continues_with_the_reply_and_emits_request_jms_with_the_reply_topic()
    {
        var endpoint = $"""<endpoint xmlns="{Ns}" name="JmsEP"><address uri="{Uri}&amp;transport.jms.ReplyDestination=acks&amp;transport.jms.ReplyDestinationType=topic&amp;transport.jms.ContentTypeProperty=ct"/></endpoint>""";
        var sequence = $"""<sequence xmlns="{Ns}" name="In"><call><endpoint key="JmsEP"/></call><log level="full"/></sequence>""";
        var diagnostics = new DiagnosticBag();
        var body = Body(Lower(diagnostics, endpoint, sequence), "In");
        Assert.True(Assert.IsType<JmsSendStep>(body[0]).AwaitsReply);
        Assert.True(((JmsSendStep)body[0]).Endpoint.ReplyTopic);
        Assert.IsType<LogStep>(body[1]);

        var files = ArtifactConversion.Convert(endpoint, sequence);
        var line = Assert.Single(files["functions.bal"].Split('\n'), l => l.Contains("requestJms(", StringComparison.Ordinal)).Trim();
        Assert.StartsWith("check requestJms(ctx, \"JmsEP\", {initialContextFactory: ", line, StringComparison.Ordinal);
        Assert.Contains("{'type: jms:TOPIC, name: jmsEpDestination}, {'type: jms:TOPIC, name: ", line, StringComparison.Ordinal);
        // The reply destination type is also the type of a JMS_REPLY_TO named at run time without JMS_REPLY_TO_TYPE.
        Assert.EndsWith(", contentTypeProperty = \"ct\", replyTopic = true);", line, StringComparison.Ordinal);
        Assert.Contains("\"acks\"", files["configs.bal"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("&amp;transport.jms.ReplyDestinationType=Topic", true, true)]
    [InlineData("&amp;transport.jms.ReplyDestinationType=queue", false, false)]
    [InlineData("", false, false)]
    // ActiveMQ's JNDI name makes the reply destination a topic, but JMSSender's fallback type for JMS_REPLY_TO is the
    // factory's transport.jms.ReplyDestinationType parameter only (generic, a queue, when unset).
    [InlineData("&amp;transport.jms.ReplyDestination=dynamicTopics/acks", true, false)]
    public void A_jms_reply_to_without_its_type_takes_the_address_reply_destination_type(string reply, bool replyTopic, bool replyTypeTopic)
    {
        const string activeMq = "jms:/orders?transport.jms.ConnectionFactoryJNDIName=QCF&amp;java.naming.factory.initial=org.apache.activemq.jndi.ActiveMQInitialContextFactory&amp;java.naming.provider.url=tcp://mq:61616";
        var endpoint = $"""<endpoint xmlns="{Ns}" name="JmsEP"><address uri="{activeMq}{reply}"/></endpoint>""";
        var sequence = $"""<sequence xmlns="{Ns}" name="In"><property name="JMS_REPLY_TO" value="acks" scope="axis2"/><call><endpoint key="JmsEP"/></call></sequence>""";
        var jms = Assert.Single(Body(Lower(new DiagnosticBag(), endpoint, sequence), "In").OfType<JmsSendStep>()).Endpoint;
        Assert.Equal(replyTopic, jms.ReplyTopic);
        Assert.Equal(replyTypeTopic, jms.ReplyTypeTopic);

        var line = Assert.Single(ArtifactConversion.Convert(endpoint, sequence)["functions.bal"].Split('\n'), l => l.Contains("requestJms(", StringComparison.Ordinal));
        Assert.Equal(replyTypeTopic, line.Contains("replyTopic = true", StringComparison.Ordinal));
    }

    [Fact]
    public void An_endpoint_timeout_is_reported_at_a_request_reply_as_it_does_not_bound_the_jms_wait()
    {
        var diagnostics = new DiagnosticBag();
        var package = Lower(diagnostics,
            $"""<endpoint xmlns="{Ns}" name="JmsEP"><address uri="{Uri}&amp;transport.jms.ReplyDestination=r"><timeout><duration>15000</duration><responseAction>fault</responseAction></timeout></address></endpoint>""",
            $"""<sequence xmlns="{Ns}" name="In"><call><endpoint key="JmsEP"/></call></sequence>""");

        Assert.True(Assert.Single(Body(package, "In").OfType<JmsSendStep>()).AwaitsReply);
        var reported = Message(Assert.Single(diagnostics.Items, d => d.Id == "SB0206"));
        Assert.Contains("timeout (15000 ms)", reported, StringComparison.Ordinal);
        Assert.Contains("JMS_WAIT_REPLY", reported, StringComparison.Ordinal);
    }

    [Fact]
    public void A_request_reply_stays_a_todo_on_a_transacted_endpoint_or_when_out_only_is_set_on_some_paths()
    {
        var diagnostics = new DiagnosticBag();
        var package = Lower(diagnostics,
            $"""<endpoint xmlns="{Ns}" name="TxEP"><address uri="{Uri}&amp;transport.jms.ReplyDestination=r&amp;transport.jms.SessionTransacted=true"/></endpoint>""",
            $"""<endpoint xmlns="{Ns}" name="JmsEP"><address uri="{Uri}&amp;transport.jms.ReplyDestination=r"/></endpoint>""",
            $"""<sequence xmlns="{Ns}" name="Tx"><send><endpoint key="TxEP"/></send></sequence>""",
            $"""
            <sequence xmlns="{Ns}" name="Maybe">
              <filter source="$trp:X" regex="1"><then><property name="OUT_ONLY" value="true"/></then></filter>
              <call><endpoint key="JmsEP"/></call>
            </sequence>
            """);

        var transacted = Assert.Single(Body(package, "Tx").OfType<TodoStep>());
        Assert.Equal("SB0218", transacted.Reason.Descriptor.Id);
        Assert.Contains("transacted", transacted.Reason.Message, StringComparison.Ordinal);
        var maybe = Assert.Single(IrWalker.Steps(Body(package, "Maybe")).OfType<TodoStep>());
        Assert.Contains("some paths", maybe.Reason.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(package.Functions.SelectMany(f => IrWalker.Steps(f.Body)), s => s is JmsSendStep);
        Assert.DoesNotContain(diagnostics.Items, d => Message(d).Contains("JMSMessageID", StringComparison.Ordinal));
    }

    [Fact]
    public void A_proxy_target_with_a_reply_destination_sends_and_the_out_flow_gets_the_reply()
    {
        var files = ArtifactConversion.Convert(
            $"""<endpoint xmlns="{Ns}" name="JmsEP"><address uri="{Uri}&amp;transport.jms.ReplyDestination=r"/></endpoint>""",
            $"""<proxy xmlns="{Ns}" name="P" transports="http"><target endpoint="JmsEP"><inSequence><log/></inSequence><outSequence><send/></outSequence></target></proxy>""");

        var text = string.Join("\n", files.Values);
        Assert.Contains("check requestJms(ctx, \"JmsEP\", ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("TODO(SB0218)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_send_without_a_reply_destination_waits_on_a_temporary_queue_and_the_out_flow_gets_the_reply()
    {
        var diagnostics = new DiagnosticBag();
        var endpoint = $"""<endpoint xmlns="{Ns}" name="JmsEP"><address uri="{Uri}"/></endpoint>""";
        var sequence = $"""<sequence xmlns="{Ns}" name="In"><send><endpoint key="JmsEP"/></send></sequence>""";
        var package = Lower(diagnostics, endpoint, sequence);

        var body = Body(package, "In");
        var request = Assert.Single(body.OfType<JmsSendStep>());
        Assert.True(request.AwaitsReply);
        Assert.Null(request.Endpoint.ReplyDestination);
        Assert.Null(request.Endpoint.RequestReplyRefused);
        Assert.DoesNotContain(package.Configurables, c => c.Description.Contains("ReplyDestination", StringComparison.Ordinal));
        Assert.DoesNotContain(body, s => s is AcceptStep or TodoStep);
        Assert.IsType<ContinueWithStep>(body[^1]);
        Assert.DoesNotContain(diagnostics.Items, d => d.Id == "SB0218");
        Assert.Contains("'JmsEP'", Message(Assert.Single(diagnostics.Items, d => d.Id == "SB0249")), StringComparison.Ordinal);

        // The reply destination argument is (): requestJms makes a temporary queue per request.
        var files = ArtifactConversion.Convert(endpoint, sequence);
        var line = Assert.Single(files["functions.bal"].Split('\n'), l => l.Contains("requestJms(", StringComparison.Ordinal)).Trim();
        Assert.EndsWith("{'type: jms:TOPIC, name: jmsEpDestination}, ());", line, StringComparison.Ordinal);
        Assert.DoesNotContain("TODO(SB0218)", string.Join("\n", files.Values), StringComparison.Ordinal);
    }

    [Fact]
    public void A_blocking_call_stays_a_todo_saying_how_the_blocking_sender_keeps_the_reply()
    {
        var diagnostics = new DiagnosticBag();
        var package = Lower(diagnostics,
            $"""<endpoint xmlns="{Ns}" name="JmsEP"><address uri="{Uri}"/></endpoint>""",
            $"""<sequence xmlns="{Ns}" name="Blocking"><call blocking="true"><endpoint key="JmsEP"/></call></sequence>""",
            $"""<sequence xmlns="{Ns}" name="OutOnly"><property name="OUT_ONLY" value="true"/><call blocking="true"><endpoint key="JmsEP"/></call></sequence>""");

        var blocking = Assert.Single(Body(package, "Blocking").OfType<TodoStep>());
        Assert.Equal("SB0218", blocking.Reason.Descriptor.Id);
        Assert.Contains("blocking=\"true\"", blocking.Reason.Message, StringComparison.Ordinal);
        Assert.Contains("BlockingMsgSender.sendReceive", blocking.Reason.Message, StringComparison.Ordinal);
        Assert.Contains("BLOCKING_SENDER_ERROR", blocking.Reason.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", blocking.RawXml, StringComparison.Ordinal);
        var outOnly = Assert.Single(Body(package, "OutOnly").OfType<TodoStep>());
        Assert.Contains("sendRobust", outOnly.Reason.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(package.Functions.SelectMany(f => IrWalker.Steps(f.Body)), s => s is JmsSendStep);
        Assert.Equal(2, diagnostics.Items.Count(d => d.Id == "SB0218"));
    }

    [Fact]
    public void Parameters_separated_by_an_escaped_ampersand_are_reported_as_the_cause()
    {
        var diagnostics = new DiagnosticBag();
        Lower(diagnostics,
            $"""<endpoint xmlns="{Ns}" name="JmsEP"><address uri="jms:/q?transport.jms.ConnectionFactoryJNDIName=QCF&amp;amp;java.naming.factory.initial=F&amp;amp;java.naming.provider.url=tcp://mq:61616"/></endpoint>""",
            $"""<sequence xmlns="{Ns}" name="In"><property name="OUT_ONLY" value="true"/><send><endpoint key="JmsEP"/></send></sequence>""");

        // BaseUtils.getEPRProperties splits at '&' only: the MI reads 'amp;java.naming.factory.initial', so no JNDI settings.
        var escaped = Assert.Single(diagnostics.Items, d => d.Id == "SB0631");
        Assert.Equal(DiagnosticSeverity.Warning, escaped.Severity);
        Assert.Contains("reads java.naming.factory.initial, java.naming.provider.url under the names 'amp;<name>'", Message(escaped), StringComparison.Ordinal);
        var nonHttp = Assert.Single(diagnostics.Items, d => d.Id == "SB0218");
        Assert.Contains("its address is also malformed", Message(nonHttp), StringComparison.Ordinal);
        Assert.Contains("(SB0631)", Message(nonHttp), StringComparison.Ordinal);
    }

    [Fact]
    public void A_jms_address_escaped_once_is_not_reported_as_escaped_twice()
    {
        var diagnostics = new DiagnosticBag();
        Lower(diagnostics,
            $"""<endpoint xmlns="{Ns}" name="JmsEP"><address uri="jms:/q?transport.jms.ConnectionFactoryJNDIName=QCF&amp;transport.jms.DestinationType=queue"/></endpoint>""",
            $"""<sequence xmlns="{Ns}" name="In"><property name="OUT_ONLY" value="true"/><send><endpoint key="JmsEP"/></send></sequence>""");

        Assert.DoesNotContain(diagnostics.Items, d => d.Id == "SB0631");
        Assert.DoesNotContain("malformed", Message(Assert.Single(diagnostics.Items, d => d.Id == "SB0218")), StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_the_sender_does_not_apply_are_reported_and_a_lone_user_name_is_ignored_as_the_micro_integrator_does()
    {
        var diagnostics = new DiagnosticBag();
        var package = Lower(diagnostics,
            $"""<endpoint xmlns="{Ns}" name="JmsEP"><address uri="jms:/q?transport.jms.ConnectionFactoryJNDIName=QCF&amp;java.naming.factory.initial=F&amp;java.naming.provider.url=tcp://mq:61616&amp;transport.jms.DestinationType=Topic&amp;transport.jms.CacheLevel=producer&amp;transport.jms.UserName=u"/></endpoint>""",
            $"""<sequence xmlns="{Ns}" name="In"><property name="OUT_ONLY" value="true"/><call><endpoint key="JmsEP"/></call></sequence>""");

        var body = Body(package, "In");
        var send = Assert.Single(body.OfType<JmsSendStep>());
        // The sender's connection factory (JMSConnectionFactory.isQueue) compares the destination type ignoring case.
        Assert.True(send.Endpoint.Topic);
        Assert.Null(send.Endpoint.Username);
        Assert.Null(send.Endpoint.Password);
        var todo = Assert.Single(body.OfType<TodoStep>());
        Assert.Equal("SB0206", todo.Reason.Descriptor.Id);
        Assert.Contains("transport.jms.CacheLevel", todo.Reason.Message, StringComparison.Ordinal);
        Assert.Contains("transport.jms.UserName", todo.Reason.Message, StringComparison.Ordinal);
        Assert.Equal(2, diagnostics.Items.Count(d => d.Id == "SB0206"));
    }

    [Fact]
    public void A_transacted_session_and_a_connection_factory_type_are_applied_and_sender_settings_the_mi_ignores_are_not_reported()
    {
        const string uri = "jms:/ResponseQue?transport.jms.DestinationType=queue&amp;java.naming.provider.url=tcp://mq:61616&amp;java.naming.factory.initial=F"
            + "&amp;transport.jms.SessionTransacted=TRUE&amp;transport.jms.ConnectionFactoryType=topic&amp;transport.jms.SessionAcknowledgement=CLIENT_ACKNOWLEDGE"
            + "&amp;transport.jms.ReplyDestination=bip_reply&amp;transport.jms.ReplyDestinationType=queue&amp;transport.jms.ConnectionFactoryJNDIName=QCF";
        var diagnostics = new DiagnosticBag();
        var package = Lower(diagnostics,
            $"""<endpoint xmlns="{Ns}" name="JmsEP"><address uri="{uri}"/></endpoint>""",
            $"""<sequence xmlns="{Ns}" name="In"><property name="OUT_ONLY" value="true"/><call><endpoint key="JmsEP"/></call></sequence>""");

        var jms = Assert.Single(Body(package, "In").OfType<JmsSendStep>()).Endpoint;
        // JMSConnectionFactory.isSessionTransacted (Boolean.valueOf) and isQueue (the factory type before the destination type).
        Assert.True(jms.Transacted);
        Assert.True(jms.Topic);
        Assert.Null(jms.NotApplied);
        Assert.DoesNotContain(diagnostics.Items, d => d.Id == "SB0206");

        var files = ArtifactConversion.Convert(
            $"""<endpoint xmlns="{Ns}" name="JmsEP"><address uri="{uri}"/></endpoint>""",
            $"""<sequence xmlns="{Ns}" name="In"><property name="OUT_ONLY" value="true"/><call><endpoint key="JmsEP"/></call></sequence>""");
        Assert.Contains(files["functions.bal"].Split('\n'), l => l.Trim().StartsWith("check sendJmsTransacted(ctx, \"JmsEP\", ", StringComparison.Ordinal)
            && l.Trim().EndsWith("{'type: jms:TOPIC, name: jmsEpDestination});", StringComparison.Ordinal));
    }

    [Fact]
    public void An_invalid_destination_type_is_reported_as_failing_every_send_in_the_micro_integrator()
    {
        var diagnostics = new DiagnosticBag();
        var package = Lower(diagnostics,
            $"""<endpoint xmlns="{Ns}" name="JmsEP"><address uri="jms:/q?transport.jms.ConnectionFactoryJNDIName=QCF&amp;java.naming.factory.initial=F&amp;java.naming.provider.url=tcp://mq:61616&amp;transport.jms.ConnectionFactoryType=durable"/></endpoint>""",
            $"""<sequence xmlns="{Ns}" name="In"><property name="OUT_ONLY" value="true"/><call><endpoint key="JmsEP"/></call></sequence>""");

        var body = Body(package, "In");
        Assert.False(Assert.Single(body.OfType<JmsSendStep>()).Endpoint.Topic);
        var reported = Assert.Single(diagnostics.Items, d => d.Id == "SB0206");
        Assert.Contains("parameter 'transport.jms.ConnectionFactoryType' ('durable')", Message(reported), StringComparison.Ordinal);
        Assert.Contains("fails every send", Message(reported), StringComparison.Ordinal);
        Assert.Equal("SB0206", Assert.Single(body.OfType<TodoStep>()).Reason.Descriptor.Id);
    }

    [Fact]
    public void A_jms_address_without_a_connection_factory_name_stays_an_endpoint_todo()
    {
        var diagnostics = new DiagnosticBag();
        var package = Lower(diagnostics,
            $"""<endpoint xmlns="{Ns}" name="JmsEP"><address uri="jms:/q?java.naming.factory.initial=F&amp;java.naming.provider.url=tcp://mq:61616"/></endpoint>""",
            $"""<sequence xmlns="{Ns}" name="In"><property name="OUT_ONLY" value="true"/><send><endpoint key="JmsEP"/></send></sequence>""");

        Assert.Single(package.PendingEndpoints);
        Assert.Single(Body(package, "In").OfType<TodoStep>());
        Assert.Single(diagnostics.Items, d => d.Id == "SB0218");
    }
}
