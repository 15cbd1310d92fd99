using SynapseToBal.Driver;
using Xunit;

namespace SynapseToBal.Tests.Unit;

public sealed class SecurityTests
{
    [Fact]
    public void Passwords_in_endpoint_urls_never_reach_the_generated_files()
    {
        var input = Path.Combine(TestPaths.Cases, "secrets", "input");
        var result = Converter.Convert(new ConversionOptions(input));
        Assert.NotEmpty(result.Files);
        Assert.All(result.Files, f => Assert.DoesNotContain("s3cr3t", f.Content));
        Assert.Contains(result.Files, f => f.RelativePath == "configs.bal" && f.Content.Contains("configurable string reportBackendUrl = ?;"));
    }

    [Theory]
    [InlineData("main.bal", true)]
    [InlineData("modules/x/a.bal", true)]
    [InlineData("../escape.bal", false)]
    [InlineData("a/../../escape.bal", false)]
    [InlineData("/etc/passwd", false)]
    public void Output_paths_stay_below_the_output_folder(string relative, bool allowed)
    {
        var root = Path.Combine(Path.GetTempPath(), "synapse2bal-out");
        Assert.Equal(allowed, Converter.SafeCombine(root, relative) is not null);
    }

    [Theory]
    [InlineData("Order API", "order_api")]
    [InlineData("order-api_converted", "order_api_converted")]
    [InlineData("2024 project", "p2024_project")]
    [InlineData("", "integration")]
    public void Package_names_are_valid_ballerina_package_names(string input, string expected) =>
        Assert.Equal(expected, Converter.SanitizePackageName(input));

    [Theory]
    [InlineData("My Org", "my_org")]
    [InlineData("42", "o42")]
    [InlineData("", "synapse2bal")]
    public void Org_names_are_valid(string input, string expected) =>
        Assert.Equal(expected, Converter.SanitizeOrg(input));
}
