using SynapseToBal.Diagnostics;
using SynapseToBal.Project;
using Xunit;

namespace SynapseToBal.Tests.Project;

/// <summary>
/// MI 4.4 <c>resources:</c> keys: MicroIntegratorRegistry.resolveRegistryURI reads <c>resources:X</c> from the governance
/// registry's <c>mi-resources/X</c>, and an MI VS Code project keeps <c>/_system/governance/mi-resources/&lt;sub&gt;</c>
/// in <c>src/main/wso2mi/resources/&lt;sub&gt;/</c>, beside its <c>resources/artifact.xml</c>.
/// </summary>
public sealed class MiResourcesKeyTests
{
    [Theory]
    [InlineData("resources:json/Schema.json", "gov:/mi-resources/json/Schema.json")]
    [InlineData("resources:/json/Schema.json", "gov:/mi-resources/json/Schema.json")]
    [InlineData(" resources:xslt//t.xslt ", "gov:/mi-resources/xslt/t.xslt")]
    [InlineData("/_system/governance/mi-resources/json/Schema.json", "gov:/mi-resources/json/Schema.json")]
    [InlineData("Resources:json/Schema.json", null)]
    [InlineData("resource:json/Schema.json", null)]
    public void Resources_keys_are_governance_mi_resources_keys(string key, string? expected) =>
        Assert.Equal(expected, RegistryIndex.NormalizeKey(key));

    [Fact]
    public void A_resources_key_resolves_to_the_file_the_vs_code_descriptor_lists()
    {
        using var temp = new TempDirectory();
        temp.Write("src/main/wso2mi/artifacts/apis/A.xml", """<api xmlns="http://ws.apache.org/ns/synapse" name="A" context="/a"><resource methods="POST"><inSequence><respond/></inSequence></resource></api>""");
        temp.Write("src/main/wso2mi/resources/json/Schema.json", """{"type": "object"}""");
        temp.Write("src/main/wso2mi/resources/xslt/t.xslt", """<xsl:stylesheet xmlns:xsl="http://www.w3.org/1999/XSL/Transform" version="1.0"/>""");
        temp.Write("src/main/wso2mi/resources/artifact.xml", """
            <artifacts>
              <artifact name="resources_json_Schema_json" version="1.0.0" type="registry/resource" serverRole="EnterpriseIntegrator">
                <item><file>Schema.json</file><path>/_system/governance/mi-resources/json</path><mediaType>application/json</mediaType></item>
              </artifact>
              <artifact name="resources_xslt" version="1.0.0" type="registry/resource" serverRole="EnterpriseIntegrator">
                <collection><directory>xslt</directory><path>/_system/governance/mi-resources/xslt</path></collection>
              </artifact>
              <artifact name="resources_json_Gone_json" version="1.0.0" type="registry/resource" serverRole="EnterpriseIntegrator">
                <item><file>Gone.json</file><path>/_system/governance/mi-resources/json</path><mediaType>application/json</mediaType></item>
              </artifact>
            </artifacts>
            """);

        var diagnostics = new DiagnosticBag();
        var project = ProjectLoader.Load(temp.Path, diagnostics);

        Assert.Equal(InputForm.MiProject, project.Form);
        var schema = project.Registry.Resolve("resources:json/Schema.json");
        Assert.NotNull(schema);
        Assert.Equal("gov:/mi-resources/json/Schema.json", schema.Key);
        Assert.Equal("application/json", schema.MediaType);
        Assert.Contains("\"object\"", schema.ReadText(), StringComparison.Ordinal);
        Assert.Equal("gov:/mi-resources/xslt/t.xslt", project.Registry.Resolve("resources:xslt/t.xslt")?.Key);
        Assert.Null(project.Registry.Resolve("gov:/json/Schema.json"));

        // Only the file the project lacks is reported missing.
        var missing = Assert.Single(diagnostics.Items, d => d.Id == DiagnosticCatalog.RegistryResourceMissing.Id);
        Assert.Contains("gov:/mi-resources/json/Gone.json", missing.GetMessage(), StringComparison.Ordinal);
    }
}
