using Xunit;

namespace SynapseToBal.Tests.Runtime;

/// <summary>
/// multipart/form-data has a builder and a formatter of its own in the Micro Integrator's axis2.xml (Axis2's
/// MultipartFormDataBuilder and MultipartFormDataFormatter, wso2-axis2 1.6.1-wso2v102): a received body is one element
/// per part under the operation element (`$body/mediate/name`), not the binary wrapper, and a message whose
/// messageType is multipart/form-data is written as parts, never as XML under a multipart content type.
/// </summary>
public sealed class MultipartFormDataRuntimeTests
{
    [Fact]
    public void A_received_multipart_body_is_built_as_one_element_per_part_under_the_operation_element()
    {
        RuntimeSourceText.InOrder(RuntimeSourceText.Function("parsedPayload"),
            "isMultipartFormData(body.contentType) ? check multipartPayload(body.bytes, body.contentType, ctx.operationName)");
        RuntimeSourceText.InOrder(RuntimeSourceText.Function("parseBody"),
            "if isMultipartFormData(contentType) {", "return multipartPayload(bytes, contentType, \"mediate\");",
            "<binary xmlns=\"http://ws.apache.org/commons/ns/payload\">");
        var payload = RuntimeSourceText.Function("multipartPayload");
        RuntimeSourceText.InOrder(payload,
            "string? boundary = headerParameter(contentType, \"boundary\");",
            "string messageCharset = contentTypeCharset(contentType) ?: \"UTF-8\";",
            // Only form-data parts with a name are read (commons-fileupload skips the others).
            "disposition.toLowerAscii().startsWith(\"form-data\") ? headerParameter(disposition, \"name\") : ()",
            // A field: its text in the part's charset, else the message's, with a charset attribute.
            "map<string> attributes = {\"charset\": charset};",
            "attributes[\"content-type\"] = partType;",
            // A file: base64, with filename and content-type (text/plain without one).
            "xml:createElement(name, {\"filename\": fileName, \"content-type\": partType ?: \"text/plain\"}, xml:createText(content.toBase64()))",
            // Names in the order they first came (LinkedHashMap), the values of a name together.
            "foreach string name in names {",
            "return xml:createElement(operation, {}, children);");
        Assert.DoesNotContain("hashtableKeyOrder", payload, StringComparison.Ordinal);
    }

    [Fact]
    public void A_multipart_message_is_written_as_the_formatter_writes_its_parts()
    {
        RuntimeSourceText.InOrder(RuntimeSourceText.Function("entityBody"),
            "!((format == \"form\" || isMultipartFormData(ctx.contentType)) && payload.parsed !is ())",
            "if isMultipartFormData(ctx.contentType) {", "return multipartFormData(ctx, content);", "return content;");
        var formatted = RuntimeSourceText.Function("multipartFormData");
        RuntimeSourceText.InOrder(formatted,
            "string boundary = \"MIMEBoundary_\"",
            "if element.children().elements().length() > 0 {", "partType = \"application/xml\";",
            "element.getName() == \"{http://org.apache.axis2/xsd/form-data}file\"", "check array:fromBase64(",
            "attributes.hasKey(\"filename\")",
            // A received file's element goes out as its (base64) text unless DECODE_MULTIPART_DATA is true.
            "anydata decode = ctx.axis2[\"DECODE_MULTIPART_DATA\"];", ": element.data().toBytes();",
            "charset = attributes[\"charset\"] ?: jmsFormatterCharset(ctx);",
            "Content-Disposition: form-data; ${disposition}${crlf}Content-Type: ${partType}; charset=${charset}${crlf}Content-Transfer-Encoding: ${transferEncoding}${crlf}${crlf}",
            "--${boundary}--");
        // The content type is the formatter's, with the boundary the body starts with, whatever Content-Type was set.
        RuntimeSourceText.InOrder(RuntimeSourceText.Function("multipartFormDataType"),
            "if payload is ReceivedBody && payload.parsed is () {",
            "contentType += \"; charset=\" + jmsFormatterCharset(ctx);", "return contentType + \"; boundary=\" + boundary;");
        Assert.Contains("check response.setContentType(multipartFormDataType(ctx, body));", RuntimeSourceText.Function("sendBackToClient"), StringComparison.Ordinal);
        Assert.Contains("check request.setContentType(multipartFormDataType(ctx, sent));", RuntimeSourceText.Function("outboundRequest"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_formatter_edge_cases_follow_axis2()
    {
        var formatter = RuntimeSourceText.Function("multipartFormData");
        // getBytes writes no bytes at all (no closing boundary) when there is no part.
        RuntimeSourceText.InOrder(formatter, "out.push(13, 10);", "if out.length() == 0 {", "return out;", "out.push(...string `--${boundary}--");
        // DECODE_MULTIPART_DATA is cast to a Boolean: a value of another type fails the send.
        RuntimeSourceText.InOrder(formatter, "anydata decode = ctx.axis2[\"DECODE_MULTIPART_DATA\"];", "if !(decode is ()|boolean) {", "return error(");
        // getContentType compares setCharacterEncoding with "false" without case.
        Assert.Contains("if !(setEncoding is string && setEncoding.toLowerAscii() == \"false\") {", RuntimeSourceText.Function("multipartFormDataType"), StringComparison.Ordinal);
        // ParameterParser keeps a quoted value's `;`: the header is split outside quotes only.
        RuntimeSourceText.InOrder(RuntimeSourceText.Function("headerParameter"), "if c == \"\\\"\" {", "quoted = !quoted;", "if c == \";\" && !quoted {");
    }
}
