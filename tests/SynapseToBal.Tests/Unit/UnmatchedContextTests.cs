using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// A request to an API that no resource takes (an OPTIONS request whose path no resource matches included) runs
/// <c>_resource_mismatch_handler_</c> / <c>_method_not_allowed_handler_</c> from API.process, without Resource.process:
/// ApiUtils.populateQueryParamsToMessageContext never runs, so its context gets no <c>query.param.*</c> properties and
/// a query value that cannot be decoded does not fail it.
/// </summary>
public sealed class UnmatchedContextTests
{
    private const string Ns = "http://ws.apache.org/ns/synapse";

    [Fact]
    public void The_mismatch_handlers_run_on_a_context_without_query_parameters()
    {
        var files = ArtifactConversion.Convert(
            $"""<api xmlns="{Ns}" name="UserAPI" context="/users"><resource methods="GET" uri-template="/{"{id}"}"><inSequence><respond/></inSequence></resource></api>""",
            $"""<sequence xmlns="{Ns}" name="_resource_mismatch_handler_"><respond/></sequence>""",
            $"""<sequence xmlns="{Ns}" name="_method_not_allowed_handler_"><respond/></sequence>""");

        var main = files["main.bal"].ReplaceLineEndings("\n");
        // The OPTIONS answer's not-found branch and the catch-all resource alike.
        Assert.Contains("?: runResourceMismatchHandler(check newContext(request, \"UserAPI\", \"/users\", dispatched = false));", main);
        Assert.Contains("return runMethodNotAllowedHandler(check newContext(request, \"UserAPI\", \"/users\", dispatched = false));", main);
        Assert.Contains("return runResourceMismatchHandler(check newContext(request, \"UserAPI\", \"/users\", dispatched = false));", main);
        // The resource that takes the request is dispatched: its context gets the query parameters.
        Assert.Contains("newContext(request, \"UserAPI\", \"/users\", {\"id\": id}, cors = {allow: ", main);
    }

    [Fact]
    public void Only_a_dispatched_request_gets_its_query_parameters()
    {
        var context = Runtime.RuntimeSourceText.Function("newContext");
        Assert.Contains("map<string> pathParams = {}, boolean dispatched = true,\n", context);
        Assert.Contains("    if api is string && dispatched {\n        check setQueryParams(ctx, request.rawPath);\n    }", context);
    }
}
