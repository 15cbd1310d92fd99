using SynapseToBal.Tests.Runtime;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// The main sequence's request in a project with APIs carries REST_FULL_REQUEST_PATH (issue 9): the REST handler tries
/// the APIs first (RestRequestHandler.dispatchToAPI) and API.canProcess records the request's path and query
/// (ApiUtils.getFullRequestPath) before none of them takes it. Without APIs nothing records it.
/// </summary>
public sealed class MainFullRequestPathTests
{
    private const string Ns = "http://ws.apache.org/ns/synapse";

    private static readonly string Main = $"""
        <sequence xmlns="{Ns}" name="main">
            <log level="custom"><property name="path" expression="get-property('REST_FULL_REQUEST_PATH')"/></log>
            <respond/>
        </sequence>
        """;

    private static readonly string Api = $"""
        <api xmlns="{Ns}" name="A" context="/a">
            <resource methods="GET" uri-template="/x"><inSequence><respond/></inSequence></resource>
        </api>
        """;

    [Fact]
    public void With_apis_the_main_sequence_context_records_the_full_request_path()
    {
        var result = ArtifactConversion.Result(Main, Api);
        var main = result.Package!.Services.Single(s => s.Kind == SynapseToBal.IR.ServiceKind.MainSequence);
        Assert.True(main.Resources.Single().FullRequestPath);
        var files = result.Files.ToDictionary(f => f.RelativePath, f => f.Content);
        Assert.Contains("newContext(request, (), \"\", fullRequestPath = true)", files["main.bal"], StringComparison.Ordinal);
        Assert.Contains("ctx.properties[\"REST_FULL_REQUEST_PATH\"] = request.rawPath;", files["support.bal"], StringComparison.Ordinal);
    }

    [Fact]
    public void Without_apis_nothing_records_it()
    {
        var files = ArtifactConversion.Convert(Main);
        Assert.DoesNotContain("fullRequestPath = true", string.Concat(files.Values), StringComparison.Ordinal);
        Assert.DoesNotContain("REST_FULL_REQUEST_PATH\"] = request.rawPath", files["support.bal"], StringComparison.Ordinal);
    }

    [Fact]
    public void The_runtime_records_the_path_and_query_as_received()
    {
        RuntimeSourceText.InOrder(RuntimeSourceText.Function("newContext"), "boolean fullRequestPath = false, // Only with: argument fullRequestPath",
            "if fullRequestPath { // Only with: argument fullRequestPath", "ctx.properties[\"REST_FULL_REQUEST_PATH\"] = request.rawPath;");
    }
}
