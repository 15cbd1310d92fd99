using SynapseToBal.Tests.Runtime;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// A message's SOAP action is set once, when its transport makes the context, as Axis2 sets it when it makes the
/// message context (MessageContext.getSoapAction is never recomputed): a SOAPAction header set later does not change
/// it; message stores keep it with the ReplyTo and FaultTo (MessageConverter); a JMS send with a format names the
/// charset and a SOAP 1.2 action in its content type as the formatter's getContentType does.
/// </summary>
public sealed class TransportActionOnceTests
{
    private const string Ns = "xmlns=\"http://ws.apache.org/ns/synapse\"";

    [Fact]
    public void The_action_is_a_field_read_as_it_is_and_never_recomputed_from_the_headers()
    {
        Assert.DoesNotContain("transportAction", RuntimeSourceText.Support, StringComparison.Ordinal);
        Assert.DoesNotContain("transportAction", RuntimeSourceText.Types, StringComparison.Ordinal);
        Assert.Contains("    string action = \"\";\n", RuntimeSourceText.Types, StringComparison.Ordinal);
        var read = RuntimeSourceText.Function("soapAction");
        Assert.Contains("return ctx.action;", read, StringComparison.Ordinal);
        Assert.DoesNotContain("Header", read, StringComparison.Ordinal);

        // Only newContext (and the local transport's receiving side) read the action from the headers.
        var calls = RuntimeSourceText.Support.Split("httpSoapAction(ctx)").Length - 1;
        Assert.Equal(1, calls);
        RuntimeSourceText.InOrder(RuntimeSourceText.Function("callLocal"), "Context callee = {", "callee.action = httpSoapAction(callee);", "check flow(callee)");
    }

    [Fact]
    public void The_jms_transport_reads_the_soap_action_property_else_keeps_the_operation_action()
    {
        var jms = RuntimeSourceText.Function("jmsSoapAction");
        Assert.Contains("jmsProperties[\"SOAPAction\"]", jms, StringComparison.Ordinal);
        Assert.DoesNotContain("SOAPJMS", jms, StringComparison.Ordinal);
        RuntimeSourceText.InOrder(jms, "if value is () {", "return fallback;", "value is string ? value : value.toString()");

        // The mail transport: the SOAPAction header first, then a subject starting with SOAPAction, then the fallback.
        RuntimeSourceText.InOrder(RuntimeSourceText.Function("mailSoapAction"), "ctx.headers[\"soapaction\"]", "return header;", "subject.startsWith(\"SOAPAction\")", "return fallback;");
    }

    [Fact]
    public void A_jms_proxy_sets_the_action_once_and_an_inbound_endpoint_sets_none()
    {
        var files = ArtifactConversion.Convert(
            $"""
            <proxy {Ns} name="ActionJms" transports="jms"><target><inSequence>
              <header name="SOAPAction" scope="transport" value="urn:changed"/>
              <log level="custom"><property name="action" expression="get-property('Action')"/></log>
              <drop/>
            </inSequence></target><parameter name="transport.jms.Destination">actions</parameter></proxy>
            """);
        var inbound = files["inbound.bal"];
        RuntimeSourceText.InOrder(inbound, "setJmsInboundFacts(ctx, message, axis2Scope = true);", "ctx.action = jmsSoapAction(message, \"urn:mediate\");");
        Assert.DoesNotContain("transportAction", inbound, StringComparison.Ordinal);

        var endpoint = ArtifactConversion.Convert(
            $"""
            <inboundEndpoint {Ns} name="Actions" protocol="jms" sequence="Log" suspend="false"><parameters>
              <parameter name="transport.jms.Destination">Actions</parameter>
              <parameter name="transport.jms.ConnectionFactoryJNDIName">QueueConnectionFactory</parameter>
              <parameter name="java.naming.factory.initial">org.apache.activemq.jndi.ActiveMQInitialContextFactory</parameter>
              <parameter name="java.naming.provider.url">tcp://localhost:61616</parameter>
            </parameters></inboundEndpoint>
            """,
            $"""<sequence {Ns} name="Log"><log level="custom"><property name="action" expression="get-property('Action')"/></log></sequence>""")["inbound.bal"];
        Assert.Contains("newInboundContext(", endpoint, StringComparison.Ordinal);
        Assert.DoesNotContain("ctx.action =", endpoint, StringComparison.Ordinal);
    }

    [Fact]
    public void A_store_keeps_the_action_reply_to_and_fault_to_and_gives_them_back()
    {
        RuntimeSourceText.InOrder(RuntimeSourceText.Function("storedMessageText"),
            "action: messageAction(ctx),", "replyTo: ctx.replyTo,", "faultTo: ctx.faultTo,");
        RuntimeSourceText.InOrder(RuntimeSourceText.Function("messageAction"),
            "string action = soapAction(ctx);", "return action == \"\" ? ctx.wsaAction ?: \"\" : action;");
        RuntimeSourceText.InOrder(RuntimeSourceText.Function("restoreMessage"),
            "action: stored.action,", "replyTo: stored.replyTo,", "faultTo: stored.faultTo,");
        // Messages stored before the fields existed still read: each has a default.
        RuntimeSourceText.InOrder(RuntimeSourceText.Support, "type StoredMessage record {|", "string action = \"\";", "string replyTo = \"\";", "string faultTo = \"\";", "|};");
    }

    [Fact]
    public void A_jms_format_names_the_charset_then_a_soap12_action_as_the_formatter_does()
    {
        var contentType = RuntimeSourceText.Function("jmsFormatterContentType");
        RuntimeSourceText.InOrder(contentType, "\"; charset=\" + jmsFormatterCharset(ctx, encoding)", "format == \"soap12\" && action.trim() != \"\" && action.trim() != \"\\\"\\\"\"", "string `; action=\"${action}\"`");
        Assert.Contains("setEncoding == \"false\"", contentType, StringComparison.Ordinal);
        RuntimeSourceText.InOrder(RuntimeSourceText.Function("jmsFormatterCharset"), "if encoding is string", "ctx.axis2[\"CHARACTER_SET_ENCODING\"]", "contentTypeCharset(header)", "\"UTF-8\"");
        Assert.Contains("ctx.contentType = jmsFormatterContentType(ctx, format, encoding);", RuntimeSourceText.Function("applyJmsEndpointFormat"), StringComparison.Ordinal);

        var files = ArtifactConversion.Convert(
            $"""
            <proxy {Ns} name="Formatted" transports="http"><target><inSequence>
              <property name="OUT_ONLY" value="true"/>
              <send><endpoint><address uri="jms:/Q?transport.jms.ConnectionFactoryJNDIName=QueueConnectionFactory&amp;java.naming.factory.initial=org.apache.activemq.jndi.ActiveMQInitialContextFactory&amp;java.naming.provider.url=tcp://localhost:61616" format="soap12" encoding="ISO-8859-1"/></endpoint></send>
            </inSequence></target></proxy>
            """).Values;
        Assert.Contains(files, text => text.Contains("format = \"soap12\", encoding = \"ISO-8859-1\"", StringComparison.Ordinal));
    }
}
