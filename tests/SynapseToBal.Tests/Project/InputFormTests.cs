using Microsoft.CodeAnalysis;
using SynapseToBal.Diagnostics;
using SynapseToBal.Driver;
using SynapseToBal.Project;
using SynapseToBal.Report;
using SynapseToBal.Semantics;
using Xunit;

namespace SynapseToBal.Tests.Project;

/// <summary>Every input form, on the small projects under Inputs/ and on archives built by the tests.</summary>
public sealed class InputFormTests
{
    private static string DeploymentRoot => Path.Combine(TestPaths.Inputs, "deployment", "server");

    private static string DefaultFolder => Path.Combine(DeploymentRoot, "repository", "deployment", "server", "synapse-configs", "default");

    private static (ProjectModel Project, DiagnosticBag Diagnostics) Load(string input, LoadLimits? limits = null)
    {
        var diagnostics = new DiagnosticBag();
        return (ProjectLoader.Load(input, diagnostics, limits), diagnostics);
    }

    private static Inventory Analyze(string input) => Converter.Analyze(input).Inventory;

    private static int ArtifactCount(ProjectModel project) => Converter.Parse(project, new DiagnosticBag()).Sum(d => d.Artifacts.Length);

    private static IEnumerable<Diagnostic> WithId(DiagnosticBag diagnostics, DiagnosticDescriptor descriptor) =>
        diagnostics.Items.Where(d => d.Id == descriptor.Id);

    [Fact]
    public void A_single_artifact_file_is_an_artifact_file()
    {
        var (project, _) = Load(Path.Combine(DefaultFolder, "api", "HelloAPI.xml"));
        Assert.Equal(InputForm.ArtifactFile, project.Form);
        var document = Assert.Single(project.Documents);
        Assert.Equal("HelloAPI.xml", document.DisplayPath);
        Assert.Equal(FileKind.SynapseArtifact, document.Kind);
    }

    [Fact]
    public void A_definitions_file_is_a_synapse_configuration()
    {
        var (project, _) = Load(Path.Combine(DefaultFolder, "synapse.xml"));
        Assert.Equal(InputForm.SynapseConfiguration, project.Form);
        Assert.Equal(FileKind.SynapseConfiguration, Assert.Single(project.Documents).Kind);
        Assert.Equal(1, ArtifactCount(project));
    }

    [Fact]
    public void A_plain_folder_keeps_reading_every_xml_file()
    {
        var (project, diagnostics) = Load(Path.Combine(TestPaths.Cases, "unknown-artifacts", "input"));
        Assert.Equal(InputForm.ArtifactFolder, project.Form);
        Assert.Equal(["proxy.xml", "task.xml"], project.Documents.Select(d => d.DisplayPath));
        var pom = Assert.Single(project.OtherFiles);
        Assert.Equal(FileKind.MavenPom, pom.Kind);
        Assert.Equal("project", pom.Detail);
        Assert.Single(WithId(diagnostics, DiagnosticCatalog.NotSynapseArtifact));
    }

    [Fact]
    public void The_deployment_folder_finds_the_file_registry_outside_synapse_configs()
    {
        var (project, diagnostics) = Load(DefaultFolder);
        Assert.Equal(InputForm.DeploymentFolder, project.Form);
        Assert.Equal(4, project.Documents.Length);
        Assert.Contains(project.Documents, d => d.DisplayPath == "synapse.xml" && d.Kind == FileKind.SynapseConfiguration);
        Assert.Equal(5, ArtifactCount(project)); // and the registry's sequence conf:/sequences/shared.xml
        Assert.DoesNotContain(diagnostics.Items, d => d.Severity == DiagnosticSeverity.Error);

        Assert.Equal(["conf:/sequences/shared.xml", "conf:/xslt/transform.xslt", "gov:/wsdl/Hello.wsdl"], project.Registry.Resources.Select(r => r.Key));
        Assert.Contains("name=\"shared\"", project.Registry.Resolve("conf:sequences/shared.xml")!.ReadText(), StringComparison.Ordinal);
        Assert.Equal(FileKind.Xslt, project.Registry.Resolve("conf:/xslt/transform.xslt")!.Kind);
        Assert.Equal(FileKind.Wsdl, project.Registry.Resolve("/_system/governance/wsdl/Hello.wsdl")!.Kind);
        Assert.Null(project.Registry.Resolve("gov:/wsdl/Missing.wsdl"));
        Assert.Contains(project.Components, c => c.Kind == ComponentKind.DeploymentFolder);
    }

    [Fact]
    public void The_server_folder_above_a_deployment_is_a_deployment_too()
    {
        var (project, _) = Load(DeploymentRoot);
        Assert.Equal(InputForm.DeploymentFolder, project.Form);
        Assert.Equal(4, project.Documents.Length);
        Assert.Equal(3, project.Registry.Count);
        Assert.Equal("registry/config/xslt/transform.xslt", project.Registry.Resolve("conf:/xslt/transform.xslt")!.DisplayPath);
    }

    [Fact]
    public void Deployment_inventory_reports_only_the_key_nothing_defines()
    {
        var inventory = Analyze(DefaultFolder);
        var unresolved = Assert.Single(inventory.UnresolvedKeys);
        Assert.Equal(ReferenceKind.Sequence, unresolved.Kind);
        Assert.Equal("MissingFaultSeq", unresolved.Key);
        Assert.StartsWith("api/HelloAPI.xml(", unresolved.FirstReference, StringComparison.Ordinal);
        Assert.Equal(5, inventory.Artifacts); // the registry's sequence conf:/sequences/shared.xml is one
        Assert.Contains(inventory.Mediators, m => m.Name == "filter" && m.Count == 1);
        Assert.Contains(inventory.Mediators, m => m.Name == "drop" && m.Count == 1);
        Assert.Contains(inventory.Mediators, m => m.Name == "sequence" && m.Count == 3);
    }

    [Fact]
    public void A_car_in_carbonapps_beside_synapse_configs_is_read()
    {
        using var temp = new TempDirectory();
        var defaultFolder = temp.Combine("server", "synapse-configs", "default");
        Directory.CreateDirectory(defaultFolder);
        temp.Write("server/synapse-configs/default/sequences/Main.xml", """<sequence xmlns="http://ws.apache.org/ns/synapse" name="main"><log/></sequence>""");
        TestArchives.Build(temp.Combine("server", "carbonapps", "Hello_1.0.0.car"), TestArchives.HelloCApp());

        var (project, _) = Load(defaultFolder);
        Assert.Equal(InputForm.DeploymentFolder, project.Form);
        Assert.Equal(3, project.Documents.Length);
        Assert.Contains(project.Documents, d => d.DisplayPath == "../../carbonapps/Hello_1.0.0.car!/HelloAPI_1.0.0/HelloAPI-1.0.0.xml");
        Assert.NotNull(project.Registry.Resolve("conf:/xslt/greeting.xslt"));
    }

    [Fact]
    public void The_integration_studio_project_indexes_its_registry_resources()
    {
        var (project, diagnostics) = Load(Path.Combine(TestPaths.Inputs, "studio-project"));
        Assert.Equal(InputForm.IntegrationStudioProject, project.Form);
        Assert.Equal(2, project.Documents.Length);
        Assert.Equal(3, ArtifactCount(project)); // and the sequence the registry resources project holds (gov:/sequences/common.xml)

        Assert.Equal(["conf:/scripts/lookup.js", "conf:/xslt/greeting.xslt", "gov:/sequences/common.xml"], project.Registry.Resources.Select(r => r.Key));
        var xslt = project.Registry.Resolve("conf:xslt/greeting.xslt")!;
        Assert.Equal(FileKind.Xslt, xslt.Kind);
        Assert.Equal("application/xslt+xml", xslt.MediaType);
        Assert.Contains("<greeting>hello</greeting>", xslt.ReadText(), StringComparison.Ordinal);
        Assert.Equal(FileKind.Script, project.Registry.Resolve("conf:/scripts/lookup.js")!.Kind);
        Assert.Equal(FileKind.SynapseArtifact, project.Registry.Resolve("gov:/sequences/common.xml")!.Kind);

        var missing = Assert.Single(WithId(diagnostics, DiagnosticCatalog.RegistryResourceMissing));
        Assert.Contains("conf:/json/missing.json", missing.GetMessage(), StringComparison.Ordinal);

        Assert.Equal(
            [ComponentKind.CompositeApplicationProject, ComponentKind.EsbConfigProject, ComponentKind.RegistryResourcesProject],
            project.Components.Select(c => c.Kind));
        Assert.Equal("3 dependencies", project.Components[0].Detail);
        Assert.Equal(4, project.OtherFiles.Count(f => f.Kind == FileKind.MavenPom));
        Assert.Equal(2, project.OtherFiles.Count(f => f.Kind == FileKind.ArtifactDescriptor));
        Assert.Equal("HelloConfigs/test/HelloAPITest.xml", Assert.Single(project.OtherFiles, f => f.Kind == FileKind.UnitTestSuite).DisplayPath);
    }

    [Fact]
    public void Registry_keys_resolve_in_the_studio_inventory()
    {
        var inventory = Analyze(Path.Combine(TestPaths.Inputs, "studio-project"));
        Assert.Empty(inventory.UnresolvedKeys);
        Assert.Contains(inventory.Mediators, m => m.Name == "xslt" && m.Known);
        Assert.Equal(3, inventory.RegistryResources.Length);
    }

    [Fact]
    public void The_mi_project_reads_artifacts_and_resources()
    {
        var (project, diagnostics) = Load(Path.Combine(TestPaths.Inputs, "mi-project"));
        Assert.Equal(InputForm.MiProject, project.Form);
        // The three artifacts and the data service (data-services/OrdersDS.dbs), which is parsed and lowered.
        Assert.Equal(4, project.Documents.Length);
        Assert.Equal(FileKind.DataService, Assert.Single(project.Documents, d => d.DisplayPath.EndsWith("OrdersDS.dbs", StringComparison.Ordinal)).Kind);
        Assert.All(project.Documents, d => Assert.StartsWith("src/main/wso2mi/artifacts/", d.DisplayPath, StringComparison.Ordinal));
        Assert.Empty(WithId(diagnostics, DiagnosticCatalog.RegistryResourceMissing));

        var schema = project.Registry.Resolve("gov:/json/order-schema.json")!;
        Assert.Equal(FileKind.Json, schema.Kind);
        Assert.Equal("application/json", schema.MediaType);
        Assert.Contains("\"required\"", schema.ReadText(), StringComparison.Ordinal);
        Assert.Equal(FileKind.Xslt, project.Registry.Resolve("conf:xslt/order.xslt")!.Kind);

        Assert.Equal(2, project.OtherFiles.Count(f => f.Kind == FileKind.DataMapper));
        Assert.Single(project.OtherFiles, f => f.Kind == FileKind.Yaml);
        Assert.DoesNotContain(project.OtherFiles, f => f.Kind == FileKind.DataService);
        Assert.Single(project.OtherFiles, f => f.Kind == FileKind.Properties && f.DisplayPath == "deployment/deployment.toml");
        Assert.Single(project.OtherFiles, f => f.Kind == FileKind.UnitTestSuite);
        // The data service is converted now: it is no longer one of the files skipped. Nor is the server's deployment.toml,
        // which is read for its data sources: its other tables are listed (SB0115). Nor is the artifact descriptor the
        // loader reads (src/main/wso2mi/resources/artifact.xml).
        Assert.Equal(5, WithId(diagnostics, DiagnosticCatalog.FileNotConverted).Count() + WithId(diagnostics, DiagnosticCatalog.NotSynapseArtifact).Count());
        Assert.Equal("deployment.toml: its table [server] is the server's settings, not converted",
            Assert.Single(WithId(diagnostics, DiagnosticCatalog.ServerConfigurationNotRead)).GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(ComponentKind.MiProject, Assert.Single(project.Components).Kind);
    }

    [Fact]
    public void A_car_is_read_in_memory_with_its_registry_resources()
    {
        using var temp = new TempDirectory();
        var car = TestArchives.Build(temp.Combine("Hello_1.0.0.car"), TestArchives.HelloCApp());
        var (project, diagnostics) = Load(car);

        Assert.Equal(InputForm.CarbonApplication, project.Form);
        Assert.Equal(["Hello_1.0.0.car!/HelloAPI_1.0.0/HelloAPI-1.0.0.xml", "Hello_1.0.0.car!/LogSeq_1.0.0/LogSeq-1.0.0.xml"], project.Documents.Select(d => d.DisplayPath));
        Assert.Equal(car + "!/HelloAPI_1.0.0/HelloAPI-1.0.0.xml", project.Documents[0].Path);
        var xslt = project.Registry.Resolve("conf:/xslt/greeting.xslt")!;
        Assert.Equal("Hello_1.0.0.car!/greeting_1.0.0/resources/greeting.xslt", xslt.DisplayPath);
        Assert.Contains("xsl:stylesheet", xslt.ReadText(), StringComparison.Ordinal);
        Assert.DoesNotContain(project.OtherFiles, f => f.DisplayPath.Contains(".meta", StringComparison.Ordinal));
        var capp = Assert.Single(project.Components);
        Assert.Equal((ComponentKind.CarbonApplication, "HelloCApp"), (capp.Kind, capp.Name));
        Assert.False(diagnostics.HasErrors);
        Assert.Equal([], Directory.EnumerateFileSystemEntries(temp.Path).Select(Path.GetFileName).Where(n => n != "Hello_1.0.0.car"));
    }

    private const string LogSequence = """<sequence xmlns="http://ws.apache.org/ns/synapse" name="LogSeq"><log/></sequence>""";

    [Fact]
    public void An_integration_studio_project_is_enterprise_integrator_6_unless_it_carries_a_deployment_toml()
    {
        using var ei6 = new TempDirectory();
        ei6.Write("OrdersConfigs/src/main/synapse-config/sequences/LogSeq.xml", LogSequence);
        var (ei6Project, _) = Load(ei6.Path);
        Assert.Equal(InputForm.IntegrationStudioProject, ei6Project.Form);
        Assert.True(ei6Project.EnterpriseIntegrator6);

        // Integration Studio 7/8 (Micro Integrator 4.x): the Docker or Kubernetes exporter holds the MI's deployment.toml.
        using var mi = new TempDirectory();
        mi.Write("OrdersConfigs/src/main/synapse-config/sequences/LogSeq.xml", LogSequence);
        mi.Write("OrdersDockerExporter/deployment.toml", "[server]\nhostname = \"localhost\"\n");
        var (miProject, _) = Load(mi.Path);
        Assert.Equal(InputForm.IntegrationStudioProject, miProject.Form);
        Assert.False(miProject.EnterpriseIntegrator6);

        // A copy kept among an EI 6.x project's resources or tests says nothing of the server.
        using var copy = new TempDirectory();
        copy.Write("OrdersConfigs/src/main/synapse-config/sequences/LogSeq.xml", LogSequence);
        copy.Write("OrdersConfigs/src/test/resources/deployment.toml", "[server]\nhostname = \"localhost\"\n");
        var (copyProject, _) = Load(copy.Path);
        Assert.True(copyProject.EnterpriseIntegrator6);
    }

    [Fact]
    public void A_synapse_configs_folder_of_a_micro_integrator_home_is_the_micro_integrators()
    {
        using var temp = new TempDirectory();
        temp.Write("repository/deployment/server/synapse-configs/default/sequences/LogSeq.xml", LogSequence);
        var defaultFolder = temp.Combine("repository", "deployment", "server", "synapse-configs", "default");
        var (ei6, _) = Load(defaultFolder);
        Assert.Equal(InputForm.DeploymentFolder, ei6.Form);
        Assert.True(ei6.EnterpriseIntegrator6);

        temp.Write("conf/deployment.toml", "[server]\nhostname = \"localhost\"\n");
        var (mi, _) = Load(defaultFolder);
        Assert.False(mi.EnterpriseIntegrator6);
        var (miHome, _) = Load(temp.Path);
        Assert.False(miHome.EnterpriseIntegrator6);
    }

    [Fact]
    public void A_micro_integrator_4_4_project_is_the_micro_integrators()
    {
        using var temp = new TempDirectory();
        temp.Write("src/main/wso2mi/artifacts/sequences/LogSeq.xml", LogSequence);
        var (project, _) = Load(temp.Path);
        Assert.Equal(InputForm.MiProject, project.Form);
        Assert.False(project.EnterpriseIntegrator6);
    }

    [Fact]
    public void A_project_folder_beside_its_built_car_keeps_the_sources_and_reports_the_archive_copy()
    {
        // A project folder holding its sources and, under deployment/, the CApp built from them (perhaps stale): the
        // archive's path sorts first ("deployment" < "src"), yet the edited source must win.
        using var temp = new TempDirectory();
        TestArchives.Build(temp.Combine("deployment", "docker", "CompositeApps", "Hello_1.0.0.car"), TestArchives.HelloCApp());
        temp.Write("src/main/synapse-config/sequences/LogSeq.xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <sequence xmlns="http://ws.apache.org/ns/synapse" name="LogSeq">
                <log level="custom"><property name="edited" value="in the source"/></log>
            </sequence>
            """);
        var (project, diagnostics) = Load(temp.Path);

        Assert.Equal("src/main/synapse-config/sequences/LogSeq.xml", project.Documents[0].DisplayPath);
        Assert.All(project.Documents.Skip(1), d => Assert.True(d.InArchive, d.DisplayPath));
        var result = Converter.Convert(new ConversionOptions(temp.Path));
        Assert.Contains(result.Files, f => f.Content.Contains("in the source", StringComparison.Ordinal));
        var duplicate = Assert.Single(result.Diagnostics, d => d.Id == DiagnosticCatalog.DuplicateArtifact.Id);
        Assert.Contains("Hello_1.0.0.car!/LogSeq_1.0.0/LogSeq-1.0.0.xml", duplicate.Location.GetLineSpan().Path, StringComparison.Ordinal);
        Assert.False(diagnostics.HasErrors);
    }

    [Fact]
    public void Converting_a_car_names_its_entries_in_the_generated_code()
    {
        using var temp = new TempDirectory();
        var car = TestArchives.Build(temp.Combine("Hello_1.0.0.car"), TestArchives.HelloCApp());
        var result = Converter.Convert(new ConversionOptions(car));
        Assert.Equal(2, result.ArtifactCount);
        Assert.Equal(InputForm.CarbonApplication, result.Project!.Form);
        Assert.Contains(result.Files, f => f.Content.Contains("Hello_1.0.0.car!/HelloAPI_1.0.0/HelloAPI-1.0.0.xml", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Files, f => f.Content.Contains(temp.Path, StringComparison.Ordinal));
    }

    [Fact]
    public void Entry_names_that_leave_the_archive_are_rejected_and_never_read()
    {
        using var temp = new TempDirectory();
        var car = TestArchives.Build(temp.Combine("apps", "Hostile.car"),
            [.. TestArchives.HelloCApp(), ("../evil.xml", TestArchives.EvilSequence), ("/abs/evil.xml", TestArchives.EvilSequence), ("a/../../evil2.xml", TestArchives.EvilSequence)]);
        var (project, diagnostics) = Load(car);

        var rejected = WithId(diagnostics, DiagnosticCatalog.ArchiveEntryUnsafe).Select(d => d.GetMessage()).ToList();
        Assert.Equal(3, rejected.Count);
        Assert.Contains(rejected, m => m.Contains("'../evil.xml'", StringComparison.Ordinal));
        Assert.All(WithId(diagnostics, DiagnosticCatalog.ArchiveEntryUnsafe), d => Assert.Equal(DiagnosticSeverity.Error, d.Severity));
        Assert.DoesNotContain(project.Documents, d => d.Text.Contains("Evil", StringComparison.Ordinal) || d.Path.Contains("evil", StringComparison.Ordinal));
        Assert.DoesNotContain(project.OtherFiles, f => f.Path.Contains("evil", StringComparison.Ordinal));
        Assert.Equal(2, project.Documents.Length);
        Assert.False(File.Exists(temp.Combine("evil.xml")));
        Assert.False(File.Exists(temp.Combine("apps", "evil.xml")));
    }

    [Fact]
    public void Archives_beyond_the_entry_limit_are_not_read()
    {
        using var temp = new TempDirectory();
        var car = TestArchives.Build(temp.Combine("Big.car"), TestArchives.HelloCApp());
        var (project, diagnostics) = Load(car, new LoadLimits(MaxArchiveEntries: 3));
        Assert.Single(WithId(diagnostics, DiagnosticCatalog.ArchiveTooLarge));
        Assert.Empty(project.Documents);
        Assert.Equal(0, project.Registry.Count);
    }

    [Fact]
    public void An_entry_that_inflates_beyond_the_limit_is_not_read()
    {
        using var temp = new TempDirectory();
        var bomb = "<sequence xmlns=\"http://ws.apache.org/ns/synapse\" name=\"Bomb\">" + new string(' ', 4_000_000) + "</sequence>";
        var car = TestArchives.Build(temp.Combine("Bomb.car"), ("bomb/Bomb.xml", bomb), ("ok/Ok.xml", "<sequence xmlns=\"http://ws.apache.org/ns/synapse\" name=\"Ok\"/>"));
        Assert.True(new FileInfo(car).Length < 100_000, "the test archive compresses well");
        var (project, diagnostics) = Load(car, new LoadLimits(MaxEntryBytes: 1_000_000));
        var diagnostic = Assert.Single(WithId(diagnostics, DiagnosticCatalog.ArchiveTooLarge));
        Assert.Contains("bomb/Bomb.xml", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Equal("Bomb.car!/ok/Ok.xml", Assert.Single(project.Documents).DisplayPath);
    }

    [Fact]
    public void Reading_stops_when_an_archive_inflates_beyond_its_total_limit()
    {
        using var temp = new TempDirectory();
        string Sequence(string name) => $"<sequence xmlns=\"http://ws.apache.org/ns/synapse\" name=\"{name}\">" + new string(' ', 400_000) + "</sequence>";
        var car = TestArchives.Build(temp.Combine("Many.car"), ("a/A.xml", Sequence("A")), ("b/B.xml", Sequence("B")), ("c/C.xml", Sequence("C")));
        var (project, diagnostics) = Load(car, new LoadLimits(MaxEntryBytes: 1_000_000, MaxArchiveBytes: 1_000_000));
        Assert.Contains("in total", Assert.Single(WithId(diagnostics, DiagnosticCatalog.ArchiveTooLarge)).GetMessage(), StringComparison.Ordinal);
        Assert.Equal(2, project.Documents.Length);
    }

    [Fact]
    public void A_car_inside_a_folder_is_read_and_a_car_inside_a_car_is_only_listed()
    {
        using var temp = new TempDirectory();
        temp.Write("sequences/Local.xml", """<sequence xmlns="http://ws.apache.org/ns/synapse" name="Local"><log/></sequence>""");
        TestArchives.Build(temp.Combine("apps", "Hello_1.0.0.car"), [.. TestArchives.HelloCApp(), ("inner/Inner.car", "not really a zip")]);
        var (project, diagnostics) = Load(temp.Path);

        Assert.Equal(InputForm.ArtifactFolder, project.Form);
        // The folder's own files first, then the archive's entries (a built copy never hides a source).
        Assert.Equal(["sequences/Local.xml", "apps/Hello_1.0.0.car!/HelloAPI_1.0.0/HelloAPI-1.0.0.xml", "apps/Hello_1.0.0.car!/LogSeq_1.0.0/LogSeq-1.0.0.xml"],
            project.Documents.Select(d => d.DisplayPath));
        var inner = Assert.Single(project.OtherFiles, f => f.Kind == FileKind.CarbonApplication);
        Assert.Equal("apps/Hello_1.0.0.car!/inner/Inner.car", inner.DisplayPath);
        Assert.False(diagnostics.HasErrors);
    }

    [Fact]
    public void A_corrupt_car_is_reported_not_thrown()
    {
        using var temp = new TempDirectory();
        var car = temp.Write("Broken.car", "this is not a zip file");
        var (project, diagnostics) = Load(car);
        Assert.Equal(InputForm.CarbonApplication, project.Form);
        Assert.Single(WithId(diagnostics, DiagnosticCatalog.FileUnreadable));
        Assert.Empty(project.Documents);
    }

    [Fact]
    public void Symbolic_links_are_never_followed()
    {
        using var temp = new TempDirectory();
        temp.Write("input/sequences/Inside.xml", """<sequence xmlns="http://ws.apache.org/ns/synapse" name="Inside"/>""");
        var outside = temp.Write("outside/Outside.xml", """<sequence xmlns="http://ws.apache.org/ns/synapse" name="Outside"/>""");
        try
        {
            Directory.CreateSymbolicLink(temp.Combine("input", "linked-folder"), temp.Combine("outside"));
            File.CreateSymbolicLink(temp.Combine("input", "sequences", "Linked.xml"), outside);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or PlatformNotSupportedException)
        {
            return; // the platform does not let this user create links
        }

        var (project, _) = Load(temp.Combine("input"));
        Assert.Equal("sequences/Inside.xml", Assert.Single(project.Documents).DisplayPath);
    }

    [Fact]
    public void Build_output_and_dot_folders_are_skipped()
    {
        using var temp = new TempDirectory();
        temp.Write("src/main/synapse-config/sequences/A.xml", """<sequence xmlns="http://ws.apache.org/ns/synapse" name="A"/>""");
        temp.Write("target/classes/A.xml", """<sequence xmlns="http://ws.apache.org/ns/synapse" name="A"/>""");
        temp.Write(".git/A.xml", """<sequence xmlns="http://ws.apache.org/ns/synapse" name="A"/>""");
        var (project, _) = Load(temp.Path);
        Assert.Equal(InputForm.IntegrationStudioProject, project.Form);
        Assert.Single(project.Documents);
        Assert.Empty(project.OtherFiles);
    }

    [Fact]
    public void An_extracted_capp_folder_is_recognised()
    {
        using var temp = new TempDirectory();
        foreach (var (name, content) in TestArchives.HelloCApp())
        {
            temp.Write(name, content);
        }

        var (project, _) = Load(temp.Path);
        Assert.Equal(InputForm.ExtractedCarbonApplication, project.Form);
        Assert.Equal(2, project.Documents.Length);
        Assert.Equal("greeting_1.0.0/resources/greeting.xslt", project.Registry.Resolve("conf:/xslt/greeting.xslt")!.DisplayPath);
    }
}
