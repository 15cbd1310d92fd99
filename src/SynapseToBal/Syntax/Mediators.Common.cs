using System.Collections.Immutable;

namespace SynapseToBal.Syntax;

/// <summary>
/// A nested flow that is either a sequence key (<c>onAccept="seq"</c>, <c>&lt;onComplete sequence="seq"/&gt;</c>)
/// or inline mediators (<c>&lt;onReject&gt;...&lt;/onReject&gt;</c>). Both may be absent: an empty branch.
/// </summary>
public sealed record MediatorBranchSyntax(SourceLocation Location, KeySyntax? SequenceKey, ImmutableArray<MediatorSyntax> Mediators);

/// <summary>
/// A <c>&lt;property name=".." (value=".." | expression=".." | inline XML) [scope=".."]/&gt;</c> given to a mediator
/// (class, xslt, jsontransform, xquery data source...), not the property mediator.
/// </summary>
public sealed record MediatorPropertySyntax(string Name, ValueSyntax Value, string? Scope, SourceLocation Location);

/// <summary>A <c>&lt;feature name=".." value="true|false"/&gt;</c> (xslt, validate). <see cref="Value"/> is null when the text is not a boolean.</summary>
public sealed record FeatureSyntax(string Name, bool? Value, string RawValue, SourceLocation Location);

/// <summary>A <c>&lt;resource location=".." key=".."/&gt;</c>: an imported XSLT/XSD resolved from the registry.</summary>
public sealed record ResourceSyntax(string ResourceLocation, KeySyntax Key, SourceLocation Location);

/// <summary>An MI 4.4 <c>&lt;inputs&gt;&lt;argument name type (value | expression)/&gt;&lt;/inputs&gt;</c> entry (class, script).</summary>
public sealed record InputArgumentSyntax(string Name, string? Type, ValueSyntax? Value, SourceLocation Location);

/// <summary>
/// The <c>&lt;target&gt;</c> of iterate, clone, conditional routes and the sampler: where each message goes, by
/// sequence and/or endpoint, each as a key or inline.
/// </summary>
public sealed record TargetSyntax(
    SourceLocation Location,
    string? To,
    string? SoapAction,
    KeySyntax? SequenceKey,
    KeySyntax? EndpointKey,
    ImmutableArray<MediatorSyntax>? Sequence,
    EndpointSyntax? Endpoint);
