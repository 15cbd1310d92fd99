using System.Collections.Immutable;

namespace SynapseToBal.Syntax;

/// <summary>Base of every mediator node. <see cref="RawXml"/> is the element exactly as written.</summary>
public abstract record MediatorSyntax(SourceLocation Location, RawXmlText RawXml) : ISyntaxNode
{
    public abstract string ElementName { get; }

    /// <summary>The optional <c>description</c> attribute most mediators accept.</summary>
    public string? Description { get; init; }

    /// <summary>
    /// Child elements the mediator does not define (reported as SB0101), kept whole so nothing is dropped.
    /// </summary>
    public ImmutableArray<ExtraElementSyntax> Extra { get; init; } = [];
}

/// <summary>An element inside a typed node that its definition does not know, kept as written.</summary>
public sealed record ExtraElementSyntax(string Name, RawXmlText RawXml, SourceLocation Location);

public enum LogLevel
{
    Simple,
    Headers,
    Full,
    Custom,
}

public enum LogCategory
{
    Info,
    Debug,
    Trace,
    Warn,
    Error,
    Fatal,
}

public sealed record NamedValueSyntax(string Name, ValueSyntax Value, SourceLocation Location);

/// <summary>
/// <c>&lt;log&gt;</c>. Its properties are read as Synapse's MediatorPropertyFactory reads them, with their
/// <c>scope</c>, which Synapse validates but the log mediator never uses.
/// </summary>
public sealed record LogMediator(
    SourceLocation Location,
    RawXmlText RawXml,
    LogLevel Level,
    LogCategory Category,
    string Separator,
    ImmutableArray<MediatorPropertySyntax> Properties,
    string? Message) : MediatorSyntax(Location, RawXml)
{
    public override string ElementName => "log";

    /// <summary>MI 4.4 <c>logFullPayload="true"</c>: the full level (the simple line and the payload), whatever <c>level</c> says.</summary>
    public bool LogFullPayload { get; init; }

    /// <summary>MI 4.4 <c>logMessageID="true"</c>: a custom or message-template line starts with <c>MessageID: ...</c>.</summary>
    public bool LogMessageId { get; init; }
}

public enum PropertyAction
{
    Set,
    Remove,
}

public sealed record PropertyMediator(
    SourceLocation Location,
    RawXmlText RawXml,
    string Name,
    PropertyAction Action,
    string Scope,
    ValueSyntax? Value,
    string? Type,
    string? Pattern,
    int? Group) : MediatorSyntax(Location, RawXml)
{
    public override string ElementName => "property";

    /// <summary>The name as a Synapse value when it is computed at run time (<c>name="{expression}"</c>); null for a plain name.</summary>
    public ValueSyntax.Expression? DynamicName { get; init; }
}

public sealed record PayloadArgSyntax(ValueSyntax Value, string? Evaluator, bool Literal, SourceLocation Location);

/// <summary>The first element of a payloadFactory format (its name as written) and what else the format holds, described.</summary>
public sealed record DroppedFormatContent(string FirstElement, ImmutableArray<string> Items);

public sealed record PayloadFactoryMediator(
    SourceLocation Location,
    RawXmlText RawXml,
    string MediaType,
    string TemplateType,
    string? Format,
    string? FormatKey,
    ImmutableArray<PayloadArgSyntax> Args) : MediatorSyntax(Location, RawXml)
{
    public override string ElementName => "payloadFactory";

    /// <summary>What an inline XML format holds besides its first element, which the Micro Integrator drops; null when nothing.</summary>
    public DroppedFormatContent? DroppedFormatContent { get; init; }
}

public sealed record RespondMediator(SourceLocation Location, RawXmlText RawXml) : MediatorSyntax(Location, RawXml)
{
    public override string ElementName => "respond";
}

public sealed record DropMediator(SourceLocation Location, RawXmlText RawXml) : MediatorSyntax(Location, RawXml)
{
    public override string ElementName => "drop";
}

public sealed record LoopbackMediator(SourceLocation Location, RawXmlText RawXml) : MediatorSyntax(Location, RawXml)
{
    public override string ElementName => "loopback";
}

/// <summary>The endpoint a call or send goes to: a key, an inline definition, or nothing (send to the current To).</summary>
public abstract record EndpointReferenceSyntax
{
    private EndpointReferenceSyntax()
    {
    }

    public sealed record Key(KeySyntax Value, SourceLocation Location) : EndpointReferenceSyntax;

    public sealed record Inline(EndpointSyntax Endpoint) : EndpointReferenceSyntax;
}

public sealed record CallMediator(
    SourceLocation Location,
    RawXmlText RawXml,
    EndpointReferenceSyntax? Endpoint,
    bool Blocking,
    string? SourceXml,
    string? TargetXml) : MediatorSyntax(Location, RawXml)
{
    public override string ElementName => "call";
}

public sealed record SendMediator(
    SourceLocation Location,
    RawXmlText RawXml,
    EndpointReferenceSyntax? Endpoint,
    KeySyntax? ReceiveSequence,
    bool? BuildMessage) : MediatorSyntax(Location, RawXml)
{
    public override string ElementName => "send";
}

public sealed record HeaderMediator(
    SourceLocation Location,
    RawXmlText RawXml,
    string Name,
    PropertyAction Action,
    string Scope,
    ValueSyntax? Value,
    string? NamespaceUri = null,
    string? InlineXml = null,
    string? ValueType = null) : MediatorSyntax(Location, RawXml)
{
    public override string ElementName => "header";
}

/// <summary>What a filter tests: an XPath/JSONPath boolean, or a source value fully matched by a regex.</summary>
public abstract record FilterConditionSyntax
{
    private FilterConditionSyntax()
    {
    }

    public sealed record Boolean(ExpressionSyntax Expression) : FilterConditionSyntax;

    public sealed record Match(ExpressionSyntax Source, string Regex) : FilterConditionSyntax;

    /// <summary>A filter with neither xpath nor source/regex: the condition is missing.</summary>
    public sealed record Missing : FilterConditionSyntax;
}

public sealed record FilterMediator(
    SourceLocation Location,
    RawXmlText RawXml,
    FilterConditionSyntax Condition,
    ImmutableArray<MediatorSyntax> Then,
    ImmutableArray<MediatorSyntax> Else) : MediatorSyntax(Location, RawXml)
{
    public override string ElementName => "filter";
}

public sealed record SwitchCaseSyntax(string Regex, ImmutableArray<MediatorSyntax> Mediators, SourceLocation Location);

public sealed record SwitchMediator(
    SourceLocation Location,
    RawXmlText RawXml,
    ExpressionSyntax? Source,
    ImmutableArray<SwitchCaseSyntax> Cases,
    ImmutableArray<MediatorSyntax>? Default) : MediatorSyntax(Location, RawXml)
{
    public override string ElementName => "switch";
}

/// <summary><c>&lt;sequence key="..."/&gt;</c> inside a flow: run that sequence on the same message.</summary>
public sealed record SequenceReferenceMediator(SourceLocation Location, RawXmlText RawXml, KeySyntax Key) : MediatorSyntax(Location, RawXml)
{
    public override string ElementName => "sequence";
}

/// <summary>An anonymous <c>&lt;sequence&gt;</c> written inline in a flow: its mediators run in place.</summary>
public sealed record InlineSequenceMediator(
    SourceLocation Location,
    RawXmlText RawXml,
    string? Name,
    string? OnError,
    ImmutableArray<MediatorSyntax> Mediators) : MediatorSyntax(Location, RawXml)
{
    public override string ElementName => "sequence";

    /// <summary><c>statistics="enable"</c>, which SequenceMediatorFactory reads (processAuditStatus) as for a named sequence.</summary>
    public bool Statistics { get; init; }

    /// <summary><c>trace="enable"</c>, read the same way.</summary>
    public bool Trace { get; init; }
}

/// <summary><c>&lt;in&gt;</c> (request path only) or <c>&lt;out&gt;</c> (response path only).</summary>
public sealed record DirectionMediator(
    SourceLocation Location,
    RawXmlText RawXml,
    bool IsIn,
    ImmutableArray<MediatorSyntax> Mediators) : MediatorSyntax(Location, RawXml)
{
    public override string ElementName => IsIn ? "in" : "out";
}

/// <summary>
/// A mediator the parser has no typed node for yet. It keeps the raw XML so later stages can report it
/// with the original text; it is never dropped.
/// </summary>
public sealed record UnknownMediator(SourceLocation Location, RawXmlText RawXml, string Name) : MediatorSyntax(Location, RawXml)
{
    public override string ElementName => Name;
}
