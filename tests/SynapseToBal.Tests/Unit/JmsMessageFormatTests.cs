using SynapseToBal.Tests.Runtime;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// How the runtime writes a JMS message without an endpoint format, as Axis2's JMSSender.createJMSMessage does: the
/// content type property is the message formatter's getContentType, a bytes message is written in the formatter's
/// charset, and the endpoint's encoding is that charset with or without a format. Also the message ID a stored
/// message has (MessageHelper.clonePartially, MessageConverter.toStorableMessage).
/// </summary>
public sealed class JmsMessageFormatTests
{
    private const string Ns = "xmlns=\"http://ws.apache.org/ns/synapse\"";

    [Fact]
    public void An_unformatted_send_names_the_content_type_its_formatter_gives()
    {
        // Without a format the content type comes from the message's own formatter; with one, from that format's.
        RuntimeSourceText.InOrder(RuntimeSourceText.Function("jmsMessage"),
            "string charset = jmsFormatterCharset(ctx, encoding);",
            "applyJmsEndpointFormat(ctx, format, encoding);",
            "jmsWrittenMessage(ctx, contentTypeProperty, relatesTo, ctx.contentType, charset);",
            "return jmsWrittenMessage(ctx, contentTypeProperty, relatesTo, jmsContentType(ctx, encoding), charset);");

        var contentType = RuntimeSourceText.Function("jmsContentType");
        RuntimeSourceText.InOrder(contentType,
            "\"soap\" => {", "return jmsFormatterContentType(ctx, isSoap12(ctx.contentType) ? \"soap12\" : \"soap11\", encoding);",
            "\"xml\" => {", "return setEncoding ? ctx.contentType + charset : ctx.contentType;",
            "\"json\" => {", "return setEncoding && !ctx.contentType.includes(\"charset\") ? ctx.contentType + charset : ctx.contentType;",
            "\"form\" => {", "form + string `;action=\"${action}\";`",
            "\"text\" => {", "return ();");
        Assert.Contains("boolean setEncoding = ctx.axis2[\"setCharacterEncoding\"] != \"false\";", contentType, StringComparison.Ordinal);
        Assert.Contains("return payload is xml ? ctx.contentType : ();", contentType, StringComparison.Ordinal);

        // The property is written only for a formatted payload, with the formatter's content type.
        var written = RuntimeSourceText.Function("jmsWrittenMessage");
        Assert.Contains("if contentTypeName is string && contentType is string {\n        properties[contentTypeName] = contentType;", written, StringComparison.Ordinal);
        Assert.DoesNotContain("properties[contentTypeName] = ctx.contentType;", written, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bytes_message_is_written_in_the_formatter_charset_and_a_text_message_is_its_text()
    {
        var written = RuntimeSourceText.Function("jmsWrittenMessage");
        // The text wrapper is a TextMessage whatever JMS_MESSAGE_TYPE says; the formatter's output is bytes for
        // JMS_BYTE_MESSAGE or multipart/related, written in the charset unless it is the body as received.
        RuntimeSourceText.InOrder(written,
            "if contentType is () && body is byte[] && bodyFormat(ctx.contentType) == \"binary\" {",
            "} else if contentType is string && (ctx.axis2[\"JMS_MESSAGE_TYPE\"] == \"JMS_BYTE_MESSAGE\" || contentType.includes(\"multipart/related\")) {",
            "if body is byte[] && payload is ReceivedBody {",
            "content = body;",
            "check string:fromBytes(body) : \"\";\n            bytesCharset = charset;",
            "} else {\n        string text = body is xml ? body.toString() : body is byte[] ? check string:fromBytes(body) : \"\";",
            "text = check jmsTextInCharset(text, charset, written);",
            "content = text;",
            "if bytesCharset is string {\n        message.charset = bytesCharset;");

        RuntimeSourceText.InOrder(RuntimeSourceText.Function("jmsNativeMessage"),
            "if content is string && charset is string {",
            "native = check javaJmsCreateMessage(session, \"BYTES\");",
            "check javaJmsWriteJavaBytes(native, check javaStringBytes(java:fromString(content), java:fromString(charset)));",
            "} else if content is string {",
            "native = check javaJmsCreateMessage(session, \"TEXT\");");
        RuntimeSourceText.InOrder(RuntimeSourceText.Support, "function javaStringBytes(handle text, handle charset) returns handle|error = @java:Method {",
            "'class: \"java.lang.String\",", "name: \"getBytes\",", "paramTypes: [\"java.lang.String\"]");
        RuntimeSourceText.InOrder(RuntimeSourceText.Support, "function javaJmsWriteJavaBytes(handle message, handle bytes) returns error? = @java:Method {",
            "'class: \"javax.jms.BytesMessage\",", "name: \"writeBytes\",", "paramTypes: [{'class: \"byte\", dimensions: 1}]");
    }

    [Fact]
    public void An_unformatted_jms_endpoint_passes_its_encoding_and_is_not_reported()
    {
        var result = ArtifactConversion.Result(
            $"""
            <proxy {Ns} name="Encoded" transports="http"><target><inSequence>
              <property name="OUT_ONLY" value="true"/>
              <send><endpoint><address uri="jms:/Q?transport.jms.ConnectionFactoryJNDIName=QueueConnectionFactory&amp;java.naming.factory.initial=org.apache.activemq.jndi.ActiveMQInitialContextFactory&amp;java.naming.provider.url=tcp://localhost:61616" encoding="ISO-8859-1"/></endpoint></send>
            </inSequence></target></proxy>
            """);
        Assert.Contains(result.Files, file => file.Content.Contains("sendJms(ctx, ", StringComparison.Ordinal) && file.Content.Contains(", encoding = \"ISO-8859-1\")", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Diagnostics, d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("encoding=", StringComparison.Ordinal));
    }

    [Fact]
    public void A_stored_message_gets_a_new_message_id_as_the_clone_and_the_storable_message_do()
    {
        // The in-memory store keeps the store mediator's clone, which has an ID of its own.
        RuntimeSourceText.InOrder(RuntimeSourceText.Support, "class MessageQueue {", "function store(Context ctx) {",
            "Context copy = copyMessage(ctx);", "copy.messageId = \"urn:uuid:\" + uuid:createType4AsString();");
        // The serialised stores write a new ID; the JDBC row's msg_id is that ID.
        var stored = RuntimeSourceText.Function("storedMessageText");
        Assert.Contains("function storedMessageText(Context ctx, string messageId) returns string {", stored, StringComparison.Ordinal);
        Assert.Contains("messageId: messageId,", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("messageId: ctx.messageId", stored, StringComparison.Ordinal);
        RuntimeSourceText.InOrder(RuntimeSourceText.Support, "class JdbcMessageStore", "string messageId = \"urn:uuid:\" + uuid:createType4AsString();",
            "byte[] message = storedMessageText(ctx, messageId).toBytes();", "`${messageId}, ${message})`");
        // The restored message has the stored ID.
        Assert.Contains("messageId: stored.messageId,", RuntimeSourceText.Function("restoreMessage"), StringComparison.Ordinal);
        // JmsProducer's OriginalMessageID constant names the property OrigMessageID; its value is the clone's ID, not the flow's.
        Assert.Contains("properties: {\"OrigMessageID\": cloneId}", RuntimeSourceText.Support, StringComparison.Ordinal);
    }
}
