using System.Collections.Immutable;
using SynapseToBal.Syntax;

namespace SynapseToBal.IR;

/// <summary>The whole integration: what the emitter turns into a Ballerina package.</summary>
public sealed record PackageIr(
    ImmutableArray<ServiceIr> Services,
    ImmutableArray<FunctionIr> Functions,
    ImmutableArray<ClientIr> Clients,
    ImmutableArray<ConfigurableIr> Configurables,
    ImmutableArray<PendingArtifactIr> Pending,
    ImmutableArray<string> SourceFiles)
{
    /// <summary>Named endpoints with no client (kinds not translated yet), kept as TODOs in connections.bal.</summary>
    public ImmutableArray<PendingArtifactIr> PendingEndpoints { get; init; } = [];

    /// <summary>Local entries, as module-level values.</summary>
    public ImmutableArray<LocalEntryIr> LocalEntries { get; init; } = [];
}

public sealed record ServiceIr(string Name, string BasePath, ImmutableArray<ResourceIr> Resources, ArtifactSyntax Origin, string SourceFile);

/// <summary>One Ballerina resource function.</summary>
/// <param name="Accessor">get, post, ... or default.</param>
/// <param name="Path">Resource path segments as Synapse wrote them.</param>
/// <param name="Body">The in flow.</param>
/// <param name="FaultFunction">The function handling failures of the in flow, if any.</param>
/// <param name="OutFunction">The function the out flow became; sends in shared sequences continue with it.</param>
public sealed record ResourceIr(
    string Accessor,
    ImmutableArray<PathSegmentIr> Path,
    ImmutableArray<StepIr> Body,
    string? FaultFunction,
    string? OutFunction,
    bool NeedsOutFlow,
    string Summary,
    ApiResourceSyntax Origin)
{
    /// <summary>A second resource with the same method and path; Synapse never dispatches to it.</summary>
    public bool Duplicate { get; init; }
}

public abstract record PathSegmentIr
{
    private PathSegmentIr()
    {
    }

    public sealed record Literal(string Text) : PathSegmentIr;

    public sealed record Param(string SynapseName, string BallerinaName) : PathSegmentIr;

    public sealed record Rest(string SynapseName, string BallerinaName) : PathSegmentIr;
}

public enum FunctionKind
{
    Sequence,

    /// <summary>The in flow of a resource that serves several methods (each resource function calls it).</summary>
    InFlow,

    OutFlow,
    FaultFlow,
}

/// <summary>A generated function: a named sequence, or a resource's out or fault flow.</summary>
/// <param name="CanStop">The flow may answer the client (respond, send, drop): the function returns the response.</param>
public sealed record FunctionIr(
    string Name,
    FunctionKind Kind,
    bool CanStop,
    ImmutableArray<StepIr> Body,
    string Summary,
    SourceLocation Origin)
{
    /// <summary>For an in flow: the function handling its failures.</summary>
    public string? FaultFunction { get; init; }

    /// <summary>String parameters after the context (a sequence template's), each with its default value.</summary>
    public ImmutableArray<FunctionParameterIr> Parameters { get; init; } = [];
}

/// <param name="SynapseName">The template parameter as Synapse names it.</param>
public sealed record FunctionParameterIr(string Name, string SynapseName, string DefaultValue, bool Mandatory);

public sealed record ClientIr(
    string Name,
    string SynapseName,
    string UrlConfigurable,
    string Url,
    decimal? TimeoutSeconds,
    ImmutableArray<string> Notes,
    SourceLocation Origin);

public sealed record ConfigurableIr(string Name, string Type, string? DefaultValue, string Description, bool Secret);

/// <summary>An artifact not translated yet, kept as a TODO with its XML.</summary>
public sealed record PendingArtifactIr(string Code, string Message, ArtifactSyntax Origin);

public enum EntryKind
{
    Text,
    Xml,

    /// <summary>Content loaded from a URL (<c>src</c>): not translated.</summary>
    Source,
}

/// <summary>A local entry: a module-level constant value.</summary>
public sealed record LocalEntryIr(string Name, EntryKind Kind, string Value, LocalEntrySyntax Origin);
