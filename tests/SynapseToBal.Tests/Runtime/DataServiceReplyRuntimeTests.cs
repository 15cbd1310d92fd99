using Xunit;

namespace SynapseToBal.Tests.Runtime;

/// <summary>
/// The format a data service answers in (DBInOutMessageReceiver.invokeBusinessLogic, the receiver DBDeployer gives REST
/// resources and SOAP operations alike): JSON when the Accept header lists <c>application/json</c>, else XML.
/// </summary>
public sealed class DataServiceReplyRuntimeTests
{
    [Fact]
    public void A_query_result_is_answered_in_json_when_the_client_accepts_json()
    {
        // A REST resource answers the message its query made (sendBackToClient), so the query sets the content type.
        foreach (var name in new[] { "dataServiceSelect", "dataServiceGeneratedKey" })
        {
            var function = RuntimeSourceText.Function(name);
            Assert.Contains("ctx.contentType = dataServiceAcceptsJson(ctx) ? \"application/json\" : \"application/xml\";", function, StringComparison.Ordinal);
            Assert.DoesNotContain("ctx.contentType = \"application/xml\";", function, StringComparison.Ordinal);
        }

        Assert.Contains("if dataServiceAcceptsJson(ctx) {", RuntimeSourceText.Function("dataServiceReplyType"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_accept_header_is_read_as_the_receiver_reads_it()
    {
        var accepts = RuntimeSourceText.Function("dataServiceAcceptsJson");
        RuntimeSourceText.InOrder(accepts,
            "string accept = getHeader(ctx, \"Accept\");",
            "int? semicolon = accept.indexOf(\";\");",
            "if semicolon is int && semicolon > 0 {",
            "accept = accept.substring(0, semicolon);",
            "foreach string item in re `,`.split(accept) {",
            "if item.trim() == \"application/json\" {",
            "return true;",
            // Otherwise the response keeps the request's messageType (MessageContextBuilder.createOutMessageContext):
            // a JSON body is answered in JSON; a request without a body has application/xml (ServerWorker).
            "return (ctx.method == \"POST\" || ctx.method == \"PUT\" || ctx.method == \"PATCH\" || ctx.method == \"DELETE\")",
            "&& messageType(ctx) == \"application/json\";");
    }
}
