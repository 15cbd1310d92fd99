using Microsoft.CodeAnalysis;
using SynapseToBal.Diagnostics;
using SynapseToBal.Driver;
using SynapseToBal.Project;
using SynapseToBal.Report;
using Xunit;
using Xunit.Abstractions;

namespace SynapseToBal.Tests.Project;

/// <summary>Input forms on the real projects and archives of the shared corpus; skipped when the corpus is absent.</summary>
public sealed class CorpusInputTests(ITestOutputHelper output)
{
    private const string Gateway = "micro-integrator/product-scenarios/4-gateway";

    private const string MediatorServer = "micro-integrator/integration/mediation-tests/tests-mediator-1/src/test/resources/artifacts/ESB/server";

    private string? Corpus(string relative)
    {
        if (TestPaths.Corpus is not { } corpus)
        {
            output.WriteLine("SKIPPED: ../shared/corpus is not present beside the repository; this corpus test did not run.");
            return null;
        }

        var path = Path.Combine(corpus, relative);
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            output.WriteLine($"SKIPPED: {relative} is not in this corpus.");
            return null;
        }

        return path;
    }

    private static (ProjectModel Project, DiagnosticBag Diagnostics, int Artifacts) Load(string path)
    {
        var diagnostics = new DiagnosticBag();
        var project = ProjectLoader.Load(path, diagnostics);
        var artifacts = Converter.Parse(project, diagnostics).Sum(d => d.Artifacts.Length);
        return (project, diagnostics, artifacts);
    }

    [Theory]
    [InlineData("ESBproject1-1.0.0.car", 1, 1)] // its one registry resource is an endpoint, an artifact named by its key
    [InlineData("ServiceChaining-1.0.0.car", 4, 0)]
    [InlineData("SynchroDepValidCarApp_1.0.0.car", 3, 0)]
    [InlineData("esb-artifacts-car_1.0.0.car", 15, 0)]
    [InlineData("xslt-transformation-car_1.0.0.car", 2, 2)]
    public void Corpus_car_files_are_read_in_memory(string name, int artifacts, int resources)
    {
        if (Corpus(Path.Combine("car", name)) is not { } car)
        {
            return;
        }

        var (project, diagnostics, count) = Load(car);
        Assert.Equal(InputForm.CarbonApplication, project.Form);
        Assert.Equal(artifacts, count);
        Assert.Equal(resources, project.Registry.Count);
        Assert.False(diagnostics.HasErrors, string.Join("\n", diagnostics.Items.Select(d => DiagnosticBag.Format(d))));
        Assert.All(project.Documents, d => Assert.StartsWith(name + "!/", d.DisplayPath, StringComparison.Ordinal));
        Assert.Equal(ComponentKind.CarbonApplication, Assert.Single(project.Components).Kind);
    }

    [Fact]
    public void Corpus_car_registry_keys_resolve_to_their_content()
    {
        if (Corpus("car/xslt-transformation-car_1.0.0.car") is not { } car || Corpus("car/ESBproject1-1.0.0.car") is not { } endpointCar)
        {
            return;
        }

        var (project, _, _) = Load(car);
        var transform = project.Registry.Resolve("conf:/transform.xslt")!;
        Assert.Equal(FileKind.Xslt, transform.Kind);
        Assert.Contains("xsl:stylesheet", transform.ReadText(), StringComparison.Ordinal);
        Assert.NotNull(project.Registry.Resolve("conf:transform_back.xslt"));
        Assert.Empty(Converter.Analyze(car).Inventory.UnresolvedKeys);

        var (endpoints, _, _) = Load(endpointCar);
        var endpoint = endpoints.Registry.Resolve("conf:/myendpoints/endpoint1.xml")!;
        Assert.Equal(FileKind.SynapseArtifact, endpoint.Kind);
        Assert.Contains("endpoint", endpoint.ReadText(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_car_inside_a_corpus_car_is_listed_not_read()
    {
        if (Corpus("car/esb-artifacts-car_1.0.0.car") is not { } car)
        {
            return;
        }

        var (project, _, _) = Load(car);
        var inner = Assert.Single(project.OtherFiles, f => f.Kind == FileKind.CarbonApplication);
        Assert.Equal("esb-artifacts-car_1.0.0.car!/esb-artifacts-car_1.0.0.car", inner.DisplayPath);
    }

    [Fact]
    public void Corpus_integration_studio_project()
    {
        if (Corpus(Gateway + "/04-SynapseConfigProject") is not { } path)
        {
            return;
        }

        var (project, diagnostics, artifacts) = Load(path);
        Assert.Equal(InputForm.IntegrationStudioProject, project.Form);
        Assert.Equal(15, artifacts);
        Assert.False(diagnostics.HasErrors);
        Assert.Equal(4, project.Registry.Count);
        var wsdl = project.Registry.Resolve("conf:scenario/tests/resource/wsdl/SimpleStockQuoteService.wsdl")!;
        Assert.Equal(FileKind.Wsdl, wsdl.Kind);
        Assert.Equal("04-synapseConfigRegistry/SimpleStockQuoteService.wsdl", wsdl.DisplayPath);
        Assert.Equal(FileKind.Xsd, project.Registry.Resolve("gov:scenario/tests/resource/wsdl/schema/SimpleStockQuoteSchema.xsd")!.Kind);
        Assert.Contains(project.Components, c => c is { Kind: ComponentKind.EsbConfigProject, Name: "04-synapseConfig" });
        Assert.Contains(project.Components, c => c is { Kind: ComponentKind.RegistryResourcesProject, Name: "04-synapseConfigRegistry" });
        Assert.Contains(project.Components, c => c is { Kind: ComponentKind.CompositeApplicationProject, Name: "04-synapseConfigCompositeApplication" });
        Assert.Equal(4, project.OtherFiles.Count(f => f.Kind == FileKind.MavenPom));
        Assert.Equal(2, project.OtherFiles.Count(f => f.Kind == FileKind.ArtifactDescriptor));
    }

    [Fact]
    public void Corpus_extracted_capp_with_a_registry_resource()
    {
        const string Extracted = Gateway + "/4.1-Extend-the-reach-for-existing-or-legacy-applications/4.1.1-Expose-back-ends-exposed-over-HTTP-as-SOAP-service/"
            + "4.1.1.1-Expose-a-SOAP-service-as-SOAP-service-using-proxy-service/src/test/resources/artifacts/4_1_1_1-synapse-configCompositeApplication_1.0.0.car.extracted";
        if (Corpus(Extracted) is not { } path)
        {
            return;
        }

        var (project, _, artifacts) = Load(path);
        Assert.Equal(InputForm.ExtractedCarbonApplication, project.Form);
        Assert.Equal(10, artifacts);
        Assert.Equal("SimpleStockQuoteService_wsdl_1.0.0/resources/SimpleStockQuoteService.wsdl",
            project.Registry.Resolve("conf:/scenario/tests/resource/wsdl/SimpleStockQuoteService.wsdl")!.DisplayPath);
        Assert.Single(project.OtherFiles, f => f.Kind == FileKind.CarbonApplicationDescriptor);
        Assert.Single(project.OtherFiles, f => f.Kind == FileKind.RegistryInfo);
    }

    [Fact]
    public void Corpus_deployment_folder_with_its_file_registry()
    {
        if (Corpus(MediatorServer + "/repository/deployment/server/synapse-configs/default") is not { } path)
        {
            return;
        }

        var (project, diagnostics, artifacts) = Load(path);
        Assert.Equal(InputForm.DeploymentFolder, project.Form);
        Assert.True(artifacts > 500, $"expected over 500 artifacts, found {artifacts}");
        Assert.False(diagnostics.HasErrors);
        Assert.Empty(project.OtherFiles);
        Assert.Equal(4, project.Registry.Count);
        Assert.Equal(FileKind.SynapseArtifact, project.Registry.Resolve("gov:/myEndpoint/routerEndpoint/routerEndpoint.xml")!.Kind);
        Assert.NotNull(project.Registry.Resolve("conf:sequences/dynamic_seq1.xml"));
        output.WriteLine($"{project.Documents.Length} documents, {artifacts} artifacts, {project.Registry.Count} registry resources.");
    }

    [Fact]
    public void Corpus_synapse_xml_and_single_artifact()
    {
        if (Corpus("apache-synapse/modules/core/src/test/resources/synapse-config") is not { } folder)
        {
            return;
        }

        var (configuration, _, artifacts) = Load(Path.Combine(folder, "synapse.xml"));
        Assert.Equal(InputForm.SynapseConfiguration, configuration.Form);
        Assert.True(artifacts >= 2);

        var (single, _, one) = Load(Path.Combine(folder, "sequences", "main.xml"));
        Assert.Equal(InputForm.ArtifactFile, single.Form);
        Assert.Equal(1, one);

        var (whole, _, _) = Load(folder);
        Assert.Equal(InputForm.ArtifactFolder, whole.Form);
        Assert.Contains(whole.Documents, d => d.DisplayPath == "synapse.xml");
    }

    [Fact]
    public void The_whole_corpus_loads_without_errors_from_the_loader()
    {
        if (TestPaths.Corpus is not { } corpus)
        {
            output.WriteLine("SKIPPED: ../shared/corpus is not present beside the repository; this corpus test did not run.");
            return;
        }

        var diagnostics = new DiagnosticBag();
        var project = ProjectLoader.Load(corpus, diagnostics);
        Assert.DoesNotContain(diagnostics.Items, d => d.Severity == DiagnosticSeverity.Error);
        Assert.True(project.Documents.Length > 1900, $"expected the corpus to hold over 1,900 Synapse documents, found {project.Documents.Length}");
        Assert.Contains(project.Documents, d => d.DisplayPath.StartsWith("car/xslt-transformation-car_1.0.0.car!/", StringComparison.Ordinal));
        output.WriteLine($"{project.Form}: {project.Documents.Length} documents, {project.OtherFiles.Length} other files, {project.Registry.Count} registry resources.");
    }
}
