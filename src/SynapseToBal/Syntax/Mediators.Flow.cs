using System.Collections.Immutable;

namespace SynapseToBal.Syntax;

/// <summary>MI 4.4 <c>&lt;variable name action (value | expression) type/&gt;</c>.</summary>
public sealed record VariableMediator(
    SourceLocation Location,
    RawXmlText RawXml,
    string Name,
    PropertyAction Action,
    ValueSyntax? Value,
    string? Type) : MediatorSyntax(Location, RawXml)
{
    public override string ElementName => "variable";
}

/// <summary><c>&lt;propertyGroup&gt;</c>: property mediators applied in order.</summary>
public sealed record PropertyGroupMediator(SourceLocation Location, RawXmlText RawXml, ImmutableArray<PropertyMediator> Properties)
    : MediatorSyntax(Location, RawXml)
{
    public override string ElementName => "propertyGroup";
}

public enum FaultVersion
{
    Soap11,
    Soap12,
    Pox,
}

/// <summary>
/// <c>&lt;makefault version response&gt;</c> with code, reason, node, role and detail. The code is a literal
/// QName (e.g. <c>soap11Env:Client</c>) or an expression; the detail is an expression, inline XML or text.
/// </summary>
public sealed record MakeFaultMediator(
    SourceLocation Location,
    RawXmlText RawXml,
    FaultVersion Version,
    bool? Response,
    ValueSyntax? Code,
    ValueSyntax? Reason,
    string? Node,
    string? Role,
    ValueSyntax? Detail) : MediatorSyntax(Location, RawXml)
{
    public override string ElementName => "makefault";

    /// <summary>The namespace the prefix of a literal <c>prefix:local</c> code is bound to on <c>&lt;code&gt;</c>, or null (no prefix, unbound, an expression).</summary>
    public string? CodeNamespace { get; init; }
}

/// <summary>MI 4.4 <c>&lt;throwError type errorMessage/&gt;</c>; the message may be dynamic.</summary>
public sealed record ThrowErrorMediator(SourceLocation Location, RawXmlText RawXml, string? Type, ValueSyntax? ErrorMessage)
    : MediatorSyntax(Location, RawXml)
{
    public override string ElementName => "throwError";
}

/// <summary>A <c>&lt;with-param name value/&gt;</c> of call-template.</summary>
public sealed record TemplateParameterSyntax(string Name, ValueSyntax Value, SourceLocation Location)
{
    /// <summary>
    /// The namespaces the <c>&lt;with-param&gt;</c> element declares itself (not its ancestors'): the only ones a lazily
    /// evaluated <c>{{xpath}}</c> value resolves its prefixes with (Value.setNamespaces: getAllDeclaredNamespaces).
    /// </summary>
    public ImmutableDictionary<string, string> DeclaredNamespaces { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>
    /// The expression of an escaped <c>{{expr}}</c> value, kept by ValueFactory as the static key <c>{expr}</c> and
    /// evaluated in the template each time the parameter is read; null for any other value.
    /// </summary>
    public string? LazyExpression => Value is ValueSyntax.Literal { Text: var text } && text.Trim() is { Length: > 3 } trimmed
        && trimmed.StartsWith("{{", StringComparison.Ordinal) && trimmed.EndsWith("}}", StringComparison.Ordinal)
            ? trimmed[2..^2]
            : null;
}

/// <summary><c>&lt;call-template target onError&gt;&lt;with-param/&gt;*&lt;/call-template&gt;</c>.</summary>
public sealed record CallTemplateMediator(
    SourceLocation Location,
    RawXmlText RawXml,
    string Target,
    string? OnError,
    ImmutableArray<TemplateParameterSyntax> Parameters) : MediatorSyntax(Location, RawXml)
{
    public override string ElementName => "call-template";
}

/// <summary><c>&lt;store messageStore sequence/&gt;</c>; the store name may be a <c>{expression}</c>.</summary>
public sealed record StoreMediator(
    SourceLocation Location,
    RawXmlText RawXml,
    KeySyntax? MessageStore,
    KeySyntax? Sequence,
    string? Name) : MediatorSyntax(Location, RawXml)
{
    public override string ElementName => "store";
}

/// <summary>Apache Synapse <c>&lt;enqueue executor priority sequence/&gt;</c>.</summary>
public sealed record EnqueueMediator(SourceLocation Location, RawXmlText RawXml, string? Executor, int? Priority, KeySyntax? Sequence)
    : MediatorSyntax(Location, RawXml)
{
    public override string ElementName => "enqueue";
}

/// <summary>Apache Synapse <c>&lt;eventPublisher eventSourceName/&gt;</c>.</summary>
public sealed record EventPublisherMediator(SourceLocation Location, RawXmlText RawXml, string? EventSourceName)
    : MediatorSyntax(Location, RawXml)
{
    public override string ElementName => "eventPublisher";
}

/// <summary>
/// <c>&lt;validate source cache-schema json-source&gt;</c>: schemas by key, imported resources, parser features
/// (the old form writes them as <c>&lt;property name value/&gt;</c>) and the on-fail flow.
/// </summary>
public sealed record ValidateMediator(
    SourceLocation Location,
    RawXmlText RawXml,
    ExpressionSyntax? Source,
    bool? CacheSchema,
    bool? JsonSource,
    ImmutableArray<KeySyntax> Schemas,
    ImmutableArray<ResourceSyntax> Resources,
    ImmutableArray<FeatureSyntax> Features,
    ImmutableArray<MediatorSyntax> OnFail) : MediatorSyntax(Location, RawXml)
{
    public override string ElementName => "validate";
}

/// <summary>Callout <c>&lt;source xpath | key | type="envelope"/&gt;</c>.</summary>
public sealed record CalloutSourceSyntax(string? Type, ExpressionSyntax? XPath, string? Key, SourceLocation Location);

/// <summary>Callout <c>&lt;target xpath | key/&gt;</c>.</summary>
public sealed record CalloutTargetSyntax(ExpressionSyntax? XPath, string? Key, SourceLocation Location);

/// <summary>Callout <c>&lt;enableSec policy | outboundPolicy inboundPolicy/&gt;</c>.</summary>
public sealed record CalloutSecuritySyntax(string? Policy, string? OutboundPolicy, string? InboundPolicy, SourceLocation Location);

/// <summary>
/// <c>&lt;callout serviceURL | endpointKey action useServerConfig initAxis2ClientOptions&gt;</c>: a blocking call
/// with its own Axis2 configuration, an optional inline endpoint, source, target and WS-Security.
/// </summary>
public sealed record CalloutMediator(
    SourceLocation Location,
    RawXmlText RawXml,
    string? ServiceUrl,
    string? EndpointKey,
    string? Action,
    string? UseServerConfig,
    bool? InitAxis2ClientOptions,
    string? Axis2Xml,
    string? Repository,
    EndpointReferenceSyntax? Endpoint,
    CalloutSourceSyntax? Source,
    CalloutTargetSyntax? Target,
    CalloutSecuritySyntax? Security) : MediatorSyntax(Location, RawXml)
{
    public override string ElementName => "callout";
}
