using SynapseToBal.Tests.Runtime;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// An address endpoint's <c>format="rest"</c> as Axis2FlexibleMEPClient sends it (setDoingREST): the URL postfix
/// whatever the request, a built <c>text/xml</c> message written as plain XML (MessageProcessorSelector picks the
/// application/xml formatter) with its action unquoted (ApplicationXMLFormatter.formatSOAPAction), an unbuilt one
/// streamed as received (AbstractEndpoint: not content-aware), the response taken as REST (ClientWorker).
/// </summary>
public sealed class RestFormatRuntimeTests
{
    [Fact]
    public void The_postfix_is_appended_whatever_the_request()
    {
        var postfix = RuntimeSourceText.Function("restPostfix");
        RuntimeSourceText.InOrder(postfix, "if format == \"rest\" {", "return ctx.urlPostfix;", "string baseType = messageType(ctx).toLowerAscii();");
    }

    [Fact]
    public void A_read_text_xml_message_goes_out_as_plain_xml_and_an_unread_one_as_received()
    {
        var body = RuntimeSourceText.Function("entityBody");
        RuntimeSourceText.InOrder(body,
            "boolean unread = payload is ReceivedBody && payload.parsed is ();",
            "BodyFormat format = rest && !unread && messageType(ctx) == \"text/xml\" ? \"xml\" : bodyFormat(ctx.contentType);");
    }

    [Fact]
    public void The_action_is_written_unquoted_and_the_response_is_rest()
    {
        Assert.Contains("request.setHeader(\"SOAPAction\", rest || actionName.startsWith(\"\\\"\") ? actionName : string `\"${actionName}\"`);", RuntimeSourceText.Function("outboundRequest"), StringComparison.Ordinal);
        var call = RuntimeSourceText.Function("callEndpoint");
        RuntimeSourceText.InOrder(call, "outboundRequest(ctx, verb, bodyEdit, headers, format == \"rest\" || format == \"get\");", "ctx.restCall = format == \"pox\" || format == \"rest\" || format == \"get\";");
    }

    [Fact]
    public void A_message_without_a_method_is_sent_as_post()
    {
        Assert.Contains("ctx.method = \"\";", RuntimeSourceText.Function("becomeResponse"), StringComparison.Ordinal);
        Assert.Contains("string verb = format == \"get\" ? \"GET\" : (method ?: (ctx.method == \"\" ? \"POST\" : ctx.method));", RuntimeSourceText.Function("callEndpoint"), StringComparison.Ordinal);
        Assert.Contains("ctx.method = state.method;", RuntimeSourceText.Function("restoreRequestState"), StringComparison.Ordinal);
    }
}
