using SynapseToBal.Diagnostics;
using SynapseToBal.Driver;
using SynapseToBal.Project;
using Xunit;

namespace SynapseToBal.Tests.Project;

/// <summary>
/// The MI VS Code extension stages the Carbon Application it builds in the project's <c>tmp/</c> folder, one
/// <c>&lt;name&gt;_&lt;version&gt;/&lt;name&gt;-&lt;version&gt;.xml</c> per artifact: copies of the sources, often of an older state.
/// They are left out as a .car kept beside the sources is (SB0117), not reported as duplicates (SB0501, SB0506).
/// </summary>
public sealed class StagedApplicationTests
{
    private static string Api(string text) => $"""<api xmlns="http://ws.apache.org/ns/synapse" name="HelloAPI" context="/hello"><resource methods="GET"><inSequence><log level="custom"><property name="from" value="{text}"/></log><respond/></inSequence></resource></api>""";

    [Fact]
    public void The_staged_copies_of_the_sources_are_left_out_and_the_sources_converted()
    {
        using var temp = new TempDirectory();
        temp.Write("HelloProject/pom.xml", "<project/>");
        temp.Write("HelloProject/src/main/wso2mi/artifacts/apis/HelloAPI.xml", Api("the source"));
        temp.Write("HelloProject/tmp/HelloAPI_1.0.0/HelloAPI-1.0.0.xml", Api("an older build"));
        temp.Write("HelloProject/tmp/HelloAPI_1.0.0/artifact.xml", """<artifact name="HelloAPI" version="1.0.0" type="synapse/api" serverRole="EnterpriseIntegrator"><file>HelloAPI-1.0.0.xml</file></artifact>""");

        var result = Converter.Convert(new ConversionOptions(temp.Path));

        Assert.DoesNotContain(result.Diagnostics, d => d.Id == DiagnosticCatalog.DuplicateArtifact.Id);
        Assert.Contains(result.Diagnostics, d => d.Id == DiagnosticCatalog.BuiltCopyOfSource.Id
            && d.GetMessage() == "'HelloProject/tmp/HelloAPI_1.0.0/HelloAPI-1.0.0.xml' is the built copy of 'HelloProject/src/main/wso2mi/artifacts/apis/HelloAPI.xml' of the project's sources, with a different content (staged by a build of another state of the sources); it is not converted, the source is");
        Assert.Contains(result.Files, f => f.Content.Contains("the source", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Files, f => f.Content.Contains("an older build", StringComparison.Ordinal));
    }

    [Fact]
    public void A_staged_artifact_no_source_defines_any_more_is_left_out_and_reported()
    {
        // Removed from the sources since the last build: the application built now would not hold it. Its presence
        // does not make the staging a foreign application whose differing copies would clash with the sources.
        using var temp = new TempDirectory();
        temp.Write("HelloProject/src/main/wso2mi/artifacts/apis/HelloAPI.xml", Api("the source"));
        temp.Write("HelloProject/tmp/HelloAPI_1.0.0/HelloAPI-1.0.0.xml", Api("an older build"));
        temp.Write("HelloProject/tmp/OldAPI_1.0.0/OldAPI-1.0.0.xml", """<api xmlns="http://ws.apache.org/ns/synapse" name="OldAPI" context="/old"><resource methods="GET"><inSequence><respond/></inSequence></resource></api>""");

        var result = Converter.Convert(new ConversionOptions(temp.Path));

        Assert.DoesNotContain(result.Diagnostics, d => d.Id == DiagnosticCatalog.DuplicateArtifact.Id);
        Assert.Contains(result.Diagnostics, d => d.Id == DiagnosticCatalog.BuiltCopyOfSource.Id);
        Assert.Contains(result.Diagnostics, d => d.Id == DiagnosticCatalog.StagedCopyWithoutSource.Id
            && d.GetMessage() == "'HelloProject/tmp/OldAPI_1.0.0/OldAPI-1.0.0.xml' is in the application the MI VS Code extension staged in 'HelloProject/tmp' when it last built the project, but no source of the project defines api 'OldAPI' now; it is not converted");
        Assert.DoesNotContain(result.Files, f => f.Content.Contains("/old", StringComparison.Ordinal) || f.Content.Contains("an older build", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("P/tmp/HelloAPI_1.0.0/HelloAPI-1.0.0.xml", "P/tmp")]
    [InlineData("tmp/Orders_DS_2.1.0-SNAPSHOT/Orders_DS-2.1.0-SNAPSHOT.dbs", "tmp")]
    [InlineData("P/tmp/HelloAPI.xml", null)]
    [InlineData("P/tmp/notes/HelloAPI.xml", null)]
    [InlineData("P/src/main/synapse-config/api/HelloAPI_1.0.0.xml", null)]
    public void Only_files_in_a_versioned_folder_of_tmp_are_staged(string path, string? staged) =>
        Assert.Equal(staged, ProjectLoader.StagedApplication(path));
}
