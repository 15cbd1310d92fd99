using SynapseToBal.Driver;
using SynapseToBal.Emit;
using Xunit;

namespace SynapseToBal.Tests.Templates;

/// <summary>
/// The templates own the shape of the generated constructs: a team's own main.bal.sbn or functions.bal.sbn
/// (given with --templates) changes how every service, resource and function is written, from the same view
/// models (docs/templates.md).
/// </summary>
public sealed class TemplateOverrideTests : IDisposable
{
    private readonly string _templates = Directory.CreateTempSubdirectory("sb-templates-").FullName;

    public void Dispose() => Directory.Delete(_templates, recursive: true);

    private static string Example => Path.Combine(TestPaths.Examples, "order-api");

    private Dictionary<string, string> Convert(string? templates) =>
        Converter.Convert(new ConversionOptions(Example, PackageName: "order_api", TemplatesDirectory: templates))
            .Files.ToDictionary(f => f.RelativePath, f => f.Content, StringComparer.Ordinal);

    [Fact]
    public void A_resource_template_can_change_the_shape_of_every_resource()
    {
        // A team template: every resource logs that it was called, and fault handling calls a shared hook first.
        // Each service is rendered through main.service.sbn, the file (imports, listener, services joined) through main.bal.sbn.
        var service = TemplateRenderer.ReadBuiltIn("main.service.sbn")
            .Replace(
                "    resource function {{ resource.accessor }} {{ resource.path }}(http:Request request) returns {{ resource.returns }} {\n",
                "    resource function {{ resource.accessor }} {{ resource.path }}(http:Request request) returns {{ resource.returns }} {\n        log:printInfo(\"called: {{ resource.summary }}\");\n",
                StringComparison.Ordinal);
        var main = TemplateRenderer.ReadBuiltIn("main.bal.sbn")
            .Replace("{{~ for module in imports ~}}", "import ballerina/log;\n{{~ for module in imports ~}}", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(_templates, "main.service.sbn"), service);
        File.WriteAllText(Path.Combine(_templates, "main.bal.sbn"), main);

        var standard = Convert(null)["main.bal"];
        var custom = Convert(_templates)["main.bal"];

        // The API's own resources; the service's catch-all for unmatched requests and its OPTIONS answers (an options
        // resource per path that only calls answerOptions) are other blocks of the template.
        var lines = standard.Split('\n');
        var resources = lines.Where((l, i) => l.TrimStart().StartsWith("resource function ", StringComparison.Ordinal)
            && !l.Contains("'default [string... path]", StringComparison.Ordinal)
            && !(i + 1 < lines.Length && lines[i + 1].Trim() == "return self.answerOptions(request);")).Count();
        Assert.True(resources > 0);
        Assert.Contains("resource function 'default [string... path]", custom, StringComparison.Ordinal);
        Assert.Equal(resources, custom.Split('\n').Count(l => l.TrimStart().StartsWith("log:printInfo(\"called: ", StringComparison.Ordinal)));
        Assert.DoesNotContain("log:printInfo(\"called: ", standard, StringComparison.Ordinal);
        Assert.StartsWith(standard.Split('\n')[0], custom, StringComparison.Ordinal);
    }

    [Fact]
    public void A_function_template_can_change_the_shape_of_every_function()
    {
        // Each function is rendered through functions.function.sbn, joined by functions.bal.sbn.
        var functions = TemplateRenderer.ReadBuiltIn("functions.function.sbn")
            .Replace("function {{ function.name }}(", "isolated function {{ function.name }}(", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(_templates, "functions.function.sbn"), functions);

        var custom = Convert(_templates)["functions.bal"];
        var declarations = custom.Split('\n').Where(l => l.Contains("function ", StringComparison.Ordinal) && l.EndsWith('{')).ToList();
        Assert.NotEmpty(declarations);
        Assert.All(declarations, d => Assert.StartsWith("isolated function ", d, StringComparison.Ordinal));
    }
}
