using SynapseToBal.Diagnostics;
using SynapseToBal.Driver;
using Xunit;

namespace SynapseToBal.Tests.Project;

/// <summary>
/// A registry resource that a project's sources hold and that the Carbon Application built from them (CARs/X.car beside
/// the sources) holds too: the sources are converted, as for artifacts (SB0117), and no registry clash (SB0118) is
/// reported, since that archive is not deployed over the sources.
/// </summary>
public sealed class BuiltCarRegistryTests
{
    private const string Api = """<api xmlns="http://ws.apache.org/ns/synapse" name="HelloAPI" context="/hello"><resource methods="GET"><inSequence><sequence key="conf:/sequences/greet.xml"/><respond/></inSequence></resource></api>""";

    private const string Item = "<item><file>greet.xml</file><path>/_system/config/sequences</path><mediaType>application/vnd.wso2.sequence</mediaType></item>";

    private static string Sequence(string text) => $"""<sequence xmlns="http://ws.apache.org/ns/synapse" name="greet"><log level="custom"><property name="from" value="{text}"/></log></sequence>""";

    [Fact]
    public void The_sources_registry_resource_is_used_and_the_built_archives_copy_is_named_as_left_out()
    {
        using var temp = new TempDirectory();
        temp.Write("HelloConfigs/src/main/synapse-config/api/HelloAPI.xml", Api);
        temp.Write("HelloRegistry/artifact.xml", $"""<?xml version="1.0" encoding="UTF-8"?><artifacts><artifact name="greet" version="1.0.0" type="registry/resource" serverRole="EnterpriseIntegrator">{Item}</artifact></artifacts>""");
        temp.Write("HelloRegistry/greet.xml", Sequence("the source"));
        TestArchives.Build(temp.Combine("CARs", "Hello_1.0.0.car"),
            ("HelloAPI_1.0.0/HelloAPI-1.0.0.xml", Api),
            ("greet_1.0.0/registry-info.xml", $"<resources>{Item}</resources>"),
            ("greet_1.0.0/resources/greet.xml", Sequence("an older build")));

        var result = Converter.Convert(new ConversionOptions(temp.Path));

        Assert.DoesNotContain(result.Diagnostics, d => d.Id == DiagnosticCatalog.RegistryResourceClash.Id);
        Assert.Contains(result.Diagnostics, d => d.Id == DiagnosticCatalog.BuiltCopyOfSource.Id
            && d.GetMessage() == "'CARs/Hello_1.0.0.car!/greet_1.0.0/resources/greet.xml' is the built copy of 'HelloRegistry/greet.xml' of the project's sources, with a different content (the archive was built from another state of the sources); it is not converted, the source is");
        Assert.Contains(result.Files, f => f.Content.Contains("the source", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Files, f => f.Content.Contains("an older build", StringComparison.Ordinal));
    }
}
