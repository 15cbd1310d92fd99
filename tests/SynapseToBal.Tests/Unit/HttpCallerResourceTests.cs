using System.Text.RegularExpressions;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// The ballerina/http compiler plugin (HttpResourceValidator.validateHttpCallerUsage, HTTP_118) rejects a resource
/// that takes an <c>http:Caller</c> and may return anything but <c>error</c> or nil: every generated resource that
/// takes the caller answers through it and returns <c>error?</c>.
/// </summary>
public sealed partial class HttpCallerResourceTests
{
    [GeneratedRegex(@"resource function [^\n]*\(http:Caller caller[^\n]*\) returns ([^{\n]*)\{")]
    private static partial Regex CallerResource();

    [Fact]
    public void No_golden_resource_takes_the_caller_and_returns_a_response()
    {
        var checkedResources = 0;
        foreach (var file in Directory.EnumerateFiles(TestPaths.Cases, "*.bal", SearchOption.AllDirectories))
        {
            foreach (Match match in CallerResource().Matches(File.ReadAllText(file)))
            {
                Assert.True(match.Groups[1].Value.Trim() == "error?", $"{Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(file)))}: {match.Value}");
                checkedResources++;
            }
        }

        Assert.True(checkedResources > 0, "the throttle cases take the caller");
    }

    [Fact]
    public void A_caller_resource_answers_with_the_response_of_its_flow_method()
    {
        var main = File.ReadAllText(Path.Combine(TestPaths.Cases, "throttle-ip-rate", "expected", "main.bal"));
        Assert.Contains("http:Response response = check self.flow1(caller, request, path);", main, StringComparison.Ordinal);
        Assert.Contains("check caller->respond(response);", main, StringComparison.Ordinal);
        Assert.Contains("function flow1(http:Caller caller, http:Request request, string[] path) returns http:Response|error {", main, StringComparison.Ordinal);
        Assert.Contains("setRemoteAddress(ctx, caller);", main, StringComparison.Ordinal);
    }
}
