using System.Collections.Immutable;

namespace SynapseToBal.Syntax;

/// <summary>A top-level Synapse artifact (api, sequence, endpoint, ...).</summary>
public abstract record ArtifactSyntax(SourceLocation Location, string RawXml, string Name)
{
    /// <summary>Human name of the kind, as used in diagnostics and reports.</summary>
    public abstract string Kind { get; }
}

/// <summary>A flow: inline mediators, or a key naming a sequence (e.g. <c>inSequence="seq"</c>), or absent.</summary>
public sealed record FlowSyntax(SourceLocation Location, ImmutableArray<MediatorSyntax> Mediators, KeySyntax? Key, string? OnError);

public sealed record ApiResourceSyntax(
    SourceLocation Location,
    string RawXml,
    ImmutableArray<string> Methods,
    string? UriTemplate,
    string? UrlMapping,
    FlowSyntax? InSequence,
    FlowSyntax? OutSequence,
    FlowSyntax? FaultSequence);

public sealed record ApiSyntax(
    SourceLocation Location,
    string RawXml,
    string Name,
    string Context,
    string? Version,
    string? VersionType,
    string? HostName,
    string? Port,
    ImmutableArray<ApiResourceSyntax> Resources,
    string? HandlersXml) : ArtifactSyntax(Location, RawXml, Name)
{
    public override string Kind => "API";
}

public sealed record SequenceSyntax(
    SourceLocation Location,
    string RawXml,
    string Name,
    string? OnError,
    ImmutableArray<MediatorSyntax> Mediators,
    string? Documentation) : ArtifactSyntax(Location, RawXml, Name)
{
    public override string Kind => "Sequence";
}

public sealed record EndpointArtifactSyntax(SourceLocation Location, string RawXml, string Name, EndpointSyntax Endpoint)
    : ArtifactSyntax(Location, RawXml, Name)
{
    public override string Kind => "Endpoint";
}

public sealed record LocalEntrySyntax(SourceLocation Location, string RawXml, string Name, string? Text, string? Xml, string? Src)
    : ArtifactSyntax(Location, RawXml, Name)
{
    public override string Kind => "Local entry";
}

/// <summary>
/// An artifact whose kind the parser recognises but does not model in detail yet (proxy, template, task, ...),
/// or an unknown root element. The raw XML is kept.
/// </summary>
public sealed record UnknownArtifactSyntax(SourceLocation Location, string RawXml, string Name, string ElementName)
    : ArtifactSyntax(Location, RawXml, Name)
{
    public override string Kind => ElementName;
}

/// <summary>One parsed file and the artifacts it defines.</summary>
public sealed record SynapseDocument(string Path, ImmutableArray<ArtifactSyntax> Artifacts)
{
    /// <summary>Elements of the file that no AST node stands for (the census expects none).</summary>
    public ImmutableArray<UnaccountedElement> Unaccounted { get; init; } = [];
}

public sealed record UnaccountedElement(string Name, SourceLocation Location);
