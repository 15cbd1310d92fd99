using SynapseToBal.Tests.Runtime;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// An email connector send whose contentType is computed at run time (SB0622): JavaMail (jakarta.mail 1.6.4, the
/// connector's) binds only multipart/* and message/rfc822 to handlers that refuse the connector's text, so only those
/// fail the connector's send (700203); its mailcap leaves image/gif and image/jpeg commented out, so they are written as
/// text like application/json, which email:SmtpClient refuses ("Content type of the email should be text.").
/// </summary>
public sealed class EmailComputedContentTypeRuntimeTests
{
    [Fact]
    public void Only_multipart_and_message_rfc822_fail_as_the_connector_fails_and_other_types_are_refused_after_them()
    {
        var send = RuntimeSourceText.Function("sendEmailConnector");
        RuntimeSourceText.InOrder(send,
            "if charset is string && !bodyType.toLowerAscii().includes(\"text\") {",
            "if mimeType.startsWith(\"multipart/\") || mimeType == \"message/rfc822\" {",
            "return emailConnectorFailure(ctx, \"700203\", \"EMAIL:CONNECTIVITY\",",
            "return error(string `The email's content type ${bodyType} is not text:",
            "email:Error? sent = connection->sendMessage(message);");
        // No image type is singled out: it goes with the other types that are not text.
        Assert.DoesNotContain("mimeType == \"image/", send, StringComparison.Ordinal);
        Assert.DoesNotContain("mimeType.startsWith(\"image/", send, StringComparison.Ordinal);
    }
}
