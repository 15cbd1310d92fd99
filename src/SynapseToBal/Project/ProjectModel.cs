using System.Collections.Immutable;

namespace SynapseToBal.Project;

/// <summary>The shape of the input the user pointed the tool at, detected from the path alone.</summary>
public enum InputForm
{
    /// <summary>One XML file holding one artifact.</summary>
    ArtifactFile,

    /// <summary>One XML file whose root is <c>&lt;definitions&gt;</c> (a <c>synapse.xml</c>) holding many artifacts.</summary>
    SynapseConfiguration,

    /// <summary>A folder of artifact files, searched recursively.</summary>
    ArtifactFolder,

    /// <summary>An EI 6.x / MI server folder: <c>synapse-configs/default/...</c>, with its <c>registry</c> and <c>carbonapps</c> when present.</summary>
    DeploymentFolder,

    /// <summary>An Integration Studio multi-module project (ESB Config, Registry Resources, Composite Application projects).</summary>
    IntegrationStudioProject,

    /// <summary>An MI 4.x project (<c>src/main/wso2mi/artifacts</c>, <c>src/main/wso2mi/resources</c>).</summary>
    MiProject,

    /// <summary>A Carbon Application archive (<c>.car</c>), read in memory.</summary>
    CarbonApplication,

    /// <summary>An unzipped Carbon Application: a folder with <c>artifacts.xml</c> at its top.</summary>
    ExtractedCarbonApplication,
}

/// <summary>What a file of the input is. Only <see cref="SynapseArtifact"/> and <see cref="SynapseConfiguration"/> are converted.</summary>
public enum FileKind
{
    SynapseArtifact,
    SynapseConfiguration,
    MavenPom,
    ArtifactDescriptor,
    CarbonApplicationDescriptor,
    RegistryInfo,
    UnitTestSuite,
    DataMapper,
    Xslt,
    XQuery,
    Wsdl,
    Xsd,
    Json,
    Yaml,
    Script,
    DataService,
    DataSource,
    Properties,
    CarbonApplication,
    Library,
    Document,
    Xml,
    Other,
}

/// <summary>One Synapse XML text to parse. <see cref="Path"/> goes into source locations; <see cref="DisplayPath"/> is shown to users.</summary>
/// <param name="Path">Full path of the file, or <c>/full/path/App.car!/entry/name.xml</c> for an archive entry.</param>
/// <param name="DisplayPath">The path relative to the input's folder, with '/' separators (e.g. <c>App.car!/api/OrderAPI.xml</c>).</param>
public sealed record SourceDocument(string Path, string DisplayPath, string Text, FileKind Kind)
{
    /// <summary>True for an entry of a Carbon application archive (.car): a built copy, read after the project's own files.</summary>
    public bool InArchive { get; init; }
}

/// <summary>A file that is not converted, with what it was recognised as.</summary>
/// <param name="Detail">The XML root element, or a note such as "nested archive not read".</param>
public sealed record ProjectFile(string Path, string DisplayPath, FileKind Kind, string? Detail);

public enum ComponentKind
{
    EsbConfigProject,
    RegistryResourcesProject,
    CompositeApplicationProject,
    ConnectorExporterProject,
    MiProject,
    DeploymentFolder,
    CarbonApplication,
}

/// <summary>A unit found inside the input: an Integration Studio module, a Carbon Application, a deployment folder.</summary>
/// <param name="Detail">For example the number of dependencies of a composite application, or a CApp's version.</param>
public sealed record ProjectComponent(ComponentKind Kind, string Name, string DisplayPath, string? Detail)
{
    /// <summary>The version its metadata declares (a CApp's <c>version</c> attribute), if any.</summary>
    public string? Version { get; init; }
}

/// <summary>
/// Everything the converter reads from one input: its detected form, the Synapse documents to parse, the
/// files that are not converted (classified), and the registry resources indexed by key.
/// </summary>
/// <param name="Input">The input path as given (made absolute).</param>
/// <param name="SourceRoot">The folder every display path is relative to.</param>
public sealed record ProjectModel(
    string Input,
    string SourceRoot,
    InputForm Form,
    ImmutableArray<SourceDocument> Documents,
    ImmutableArray<ProjectFile> OtherFiles,
    RegistryIndex Registry,
    ImmutableArray<ProjectComponent> Components)
{
    /// <summary>
    /// The input was written for Enterprise Integrator 6.x (an Integration Studio ESB project, a synapse-configs folder,
    /// or a folder laid out as one), whose listeners default to 8280 and 8243, rather than the Micro Integrator (8290, 8253).
    /// </summary>
    public bool EnterpriseIntegrator6 { get; init; }

    /// <summary>The data sources the server's deployment.toml declares (<c>[[datasource]]</c>), one document a file (<see cref="ServerDataSources"/>).</summary>
    public ImmutableArray<Syntax.SynapseDocument> ServerDataSources { get; init; } = [];

    /// <summary>The JMS connection factories of the server's deployment.toml and axis2.xml, in the order the files were read (<see cref="ServerJmsFactories"/>).</summary>
    public ImmutableArray<Syntax.ServerJmsFactory> ServerJmsFactories { get; init; } = [];
}
