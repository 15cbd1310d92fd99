using Xunit;

namespace SynapseToBal.Tests.Runtime;

/// <summary>
/// How a file listener's message is built (FileInjectHandler, VFSTransportListener): a file under a media type with no
/// registered builder goes to the SOAP builder, so the flow reads its envelope, not its bytes; a JSON file's bytes are
/// checked byte by byte as JsonUtil.getNewJsonPayload checks them, whatever their charset.
/// </summary>
public sealed class FileMessageRuntimeTests
{
    [Fact]
    public void A_file_under_a_media_type_without_a_builder_is_read_as_its_soap_envelope()
    {
        var context = RuntimeSourceText.Function("newFileContext");
        RuntimeSourceText.InOrder(context,
            "Context ctx = newInboundContext(content, contentType);",
            "if fileBuilderRegistered(contentType) || bodyFormat(contentType) != \"binary\" {",
            "ctx.payload = <ReceivedBody>{bytes: content, contentType: root == string `{${SOAP12_NS}}Envelope` ? \"application/soap+xml\" : \"text/xml\"};");
        // The message keeps the file's content type: only the received body is read as SOAP.
        Assert.DoesNotContain("ctx.contentType =", context, StringComparison.Ordinal);
        // fileMessage and newFileContext agree on which media types have a builder.
        Assert.Contains("boolean registered = fileBuilderRegistered(contentType);", RuntimeSourceText.Function("fileMessage"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_json_file_is_checked_by_its_bytes_without_decoding_it()
    {
        var message = RuntimeSourceText.Function("fileMessage");
        var json = message[message.IndexOf("mediaType == \"application/json\"", StringComparison.Ordinal)..message.IndexOf("mediaType == \"text/plain\"", StringComparison.Ordinal)];
        Assert.DoesNotContain("string:fromBytes", json, StringComparison.Ordinal);
        Assert.Contains("foreach byte b in bytes {", json, StringComparison.Ordinal);
        Assert.Contains("(bytes[0] == 0x22 && bytes[bytes.length() - 1] == 0x22) || jsonScalarText(bytes)", json, StringComparison.Ordinal);
        var scalar = RuntimeSourceText.Function("jsonScalarText");
        Assert.Contains("if bytes.some(b => b > 0x7F) {", scalar, StringComparison.Ordinal);
        Assert.Contains("text is \"true\"|\"false\"|\"null\" || re `-?[0-9]+(\\.[0-9]+)?`.isFullMatch(text)", scalar, StringComparison.Ordinal);
    }
}
