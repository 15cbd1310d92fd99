using SynapseToBal.Diagnostics;
using SynapseToBal.Driver;
using SynapseToBal.Project;
using SynapseToBal.Semantics;
using SynapseToBal.Syntax;
using Xunit;

namespace SynapseToBal.Tests.Project;

/// <summary>Sequences, endpoints and templates stored as registry resources, and files found by a server path's tail.</summary>
public sealed class RegistryArtifactTests
{
    private static string RegistryCase => Path.Combine(TestPaths.Cases, "registry-artifacts", "input");

    [Fact]
    public void Registry_artifacts_are_named_by_their_keys_and_references_resolve_to_them()
    {
        var diagnostics = new DiagnosticBag();
        var project = ProjectLoader.Load(RegistryCase, diagnostics);
        var documents = Converter.Parse(project, diagnostics);
        var registry = documents.SelectMany(d => d.Artifacts).Where(a => a.RegistryKey is not null).ToList();
        Assert.Equal(
            ["conf:/sequences/receiving.xml", "conf:/templates/log_template.xml", "gov:/endpoints/backend.xml", "local:/sequences/common.xml"],
            registry.Select(a => a.Name).Order(StringComparer.Ordinal));
        Assert.All(registry, a => Assert.Equal(a.Name, a.RegistryKey));

        // The deployed sequence of the same name stays what it was.
        var model = SemanticModel.Build(documents, project.Registry.Contains, diagnostics);
        Assert.NotNull(model.Symbols.Sequence("receiving"));
        Assert.Null(model.Symbols.Sequence("receiving")!.RegistryKey);
        Assert.All(model.Graph.References, r => Assert.Equal(ResolutionStatus.Resolved, r.Status));

        // An endpoint without a name is no defect when it is fetched by key.
        Assert.DoesNotContain(diagnostics.Items, d => d.Id == DiagnosticCatalog.MissingAttribute.Id);
    }

    [Fact]
    public void A_registry_resource_that_is_not_a_sequence_endpoint_or_template_stays_a_resource()
    {
        var resource = new RegistryResource("conf:/entries/e.xml", "e.xml", FileKind.SynapseArtifact, null, ResourceContent.FromBytes([]));
        const string Entry = """<localEntry xmlns="http://ws.apache.org/ns/synapse" key="e"><a/></localEntry>""";
        Assert.Null(RegistryArtifacts.Parse(resource, Entry, new DiagnosticBag()));
    }

    [Fact]
    public void A_file_uri_is_found_by_the_longest_tail_that_ends_one_input_file()
    {
        var diagnostics = new DiagnosticBag();
        var project = ProjectLoader.Load(Path.Combine(TestPaths.Cases, "proxy-wsdl-file", "input"), diagnostics);
        var lookup = InputFiles.ByTail(project);
        var found = lookup("repository/conf/sample/resources/proxy/sample_proxy_1.wsdl");
        Assert.NotNull(found);
        Assert.Equal("repo/resources/proxy/sample_proxy_1.wsdl", found.Value.Display);
        Assert.Contains("StockQuoteProxy", found.Value.Text, StringComparison.Ordinal);
        Assert.Null(lookup("repository/conf/sample/resources/proxy/other.wsdl"));
    }

    [Fact]
    public void A_file_uri_with_a_folder_is_not_found_by_the_file_name_alone()
    {
        var diagnostics = new DiagnosticBag();
        var project = ProjectLoader.Load(Path.Combine(TestPaths.Cases, "proxy-wsdl-file", "input"), diagnostics);
        var lookup = InputFiles.ByTail(project);

        // The one input file of that name is in another folder (repo/resources/proxy): not the file meant.
        Assert.Null(lookup("repository/conf/smooks/sample_proxy_1.wsdl"));
        Assert.Null(lookup("./smooks/sample_proxy_1.wsdl"));
        Assert.Null(lookup("../sample_proxy_1.wsdl"));

        // The name and its folder match; a bare file name (or one in the current folder) keeps matching by name.
        Assert.Equal("repo/resources/proxy/sample_proxy_1.wsdl", lookup("other/home/proxy/sample_proxy_1.wsdl")?.Display);
        Assert.Equal("repo/resources/proxy/sample_proxy_1.wsdl", lookup("sample_proxy_1.wsdl")?.Display);
        Assert.Equal("repo/resources/proxy/sample_proxy_1.wsdl", lookup("./sample_proxy_1.wsdl")?.Display);
    }
}
