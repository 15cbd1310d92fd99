using System.Collections.Immutable;

namespace SynapseToBal.Syntax;

public enum EnrichSourceType
{
    Custom,
    Envelope,
    Body,
    Property,
    Inline,
}

public enum EnrichTargetType
{
    Custom,
    Envelope,
    Body,
    Property,
    Key,
}

public enum EnrichAction
{
    Replace,
    Child,
    Sibling,
    Remove,
}

/// <summary>
/// Enrich <c>&lt;source type clone xpath property key&gt;</c>. An inline source is XML (<see cref="ValueSyntax.InlineXml"/>),
/// text such as JSON (<see cref="ValueSyntax.Literal"/>) or a registry key (<see cref="InlineKey"/>).
/// </summary>
public sealed record EnrichSourceSyntax(
    EnrichSourceType Type,
    bool CloneSource,
    ExpressionSyntax? XPath,
    string? Property,
    ValueSyntax? Inline,
    string? InlineKey,
    SourceLocation Location);

/// <summary>Enrich <c>&lt;target type action xpath property/&gt;</c>.</summary>
public sealed record EnrichTargetSyntax(
    EnrichTargetType Type,
    EnrichAction Action,
    ExpressionSyntax? XPath,
    string? Property,
    SourceLocation Location);

/// <summary><c>&lt;enrich&gt;&lt;source/&gt;&lt;target/&gt;&lt;/enrich&gt;</c>; either part is null when it is missing.</summary>
public sealed record EnrichMediator(SourceLocation Location, RawXmlText RawXml, EnrichSourceSyntax? Source, EnrichTargetSyntax? Target)
    : MediatorSyntax(Location, RawXml)
{
    public override string ElementName => "enrich";
}

/// <summary>
/// <c>&lt;xslt key source target useCache&gt;</c> with stylesheet parameters (properties), parser features,
/// transformer attributes and imported resources.
/// </summary>
public sealed record XsltMediator(
    SourceLocation Location,
    RawXmlText RawXml,
    KeySyntax? Key,
    ExpressionSyntax? Source,
    string? Target,
    bool? UseCache,
    ImmutableArray<MediatorPropertySyntax> Properties,
    ImmutableArray<FeatureSyntax> Features,
    ImmutableArray<NamedValueSyntax> Attributes,
    ImmutableArray<ResourceSyntax> Resources) : MediatorSyntax(Location, RawXml)
{
    public override string ElementName => "xslt";
}

/// <summary><c>&lt;fastXSLT key/&gt;</c>: a streaming XSLT over the whole body.</summary>
public sealed record FastXsltMediator(SourceLocation Location, RawXmlText RawXml, KeySyntax? Key) : MediatorSyntax(Location, RawXml)
{
    public override string ElementName => "fastXSLT";
}

/// <summary>An XQuery <c>&lt;variable name type (value | expression [key])/&gt;</c> binding.</summary>
public sealed record XQueryVariableSyntax(string Name, string? Type, ValueSyntax? Value, string? Key, SourceLocation Location);

/// <summary><c>&lt;xquery key target&gt;</c> with variable bindings and an optional <c>&lt;dataSource&gt;</c>.</summary>
public sealed record XQueryMediator(
    SourceLocation Location,
    RawXmlText RawXml,
    KeySyntax? Key,
    ExpressionSyntax? Target,
    ImmutableArray<MediatorPropertySyntax> DataSource,
    ImmutableArray<XQueryVariableSyntax> Variables) : MediatorSyntax(Location, RawXml)
{
    public override string ElementName => "xquery";
}

/// <summary>
/// <c>&lt;script language key function&gt;</c>: inline source (<see cref="Source"/>, text or CDATA as written) or a
/// registry script with includes; MI 4.4 adds a result target and input arguments.
/// </summary>
public sealed record ScriptMediator(
    SourceLocation Location,
    RawXmlText RawXml,
    string? Language,
    KeySyntax? Key,
    string? Function,
    string? Source,
    ImmutableArray<KeySyntax> Includes,
    string? ResultTarget,
    string? TargetVariable,
    ImmutableArray<InputArgumentSyntax> Inputs) : MediatorSyntax(Location, RawXml)
{
    public override string ElementName => "script";
}

public enum RewriteActionType
{
    Set,
    Append,
    Prepend,
    Replace,
    Remove,
    RemoveQueryParam,
}

public enum UriFragment
{
    Full,
    Protocol,
    User,
    Host,
    Port,
    Path,
    Query,
    Ref,
}

/// <summary>A rewrite <c>&lt;action type fragment (value | xpath) regex resolve/&gt;</c>.</summary>
public sealed record RewriteActionSyntax(
    RewriteActionType Type,
    UriFragment Fragment,
    ValueSyntax? Value,
    string? Regex,
    bool Resolve,
    SourceLocation Location);

/// <summary>A <c>&lt;rewriterule&gt;</c>: an optional condition (an evaluator, kept as XML) and its actions.</summary>
public sealed record RewriteRuleSyntax(string? ConditionXml, ImmutableArray<RewriteActionSyntax> Actions, SourceLocation Location);

/// <summary><c>&lt;rewrite inProperty outProperty&gt;&lt;rewriterule/&gt;*&lt;/rewrite&gt;</c>.</summary>
public sealed record RewriteMediator(
    SourceLocation Location,
    RawXmlText RawXml,
    string? InProperty,
    string? OutProperty,
    ImmutableArray<RewriteRuleSyntax> Rules) : MediatorSyntax(Location, RawXml)
{
    public override string ElementName => "rewrite";
}

/// <summary><c>&lt;jsontransform schema&gt;</c> with XML-to-JSON conversion properties.</summary>
public sealed record JsonTransformMediator(
    SourceLocation Location,
    RawXmlText RawXml,
    KeySyntax? Schema,
    ImmutableArray<MediatorPropertySyntax> Properties) : MediatorSyntax(Location, RawXml)
{
    public override string ElementName => "jsontransform";
}

/// <summary>
/// <c>&lt;datamapper config inputSchema outputSchema inputType outputType xsltStyleSheet target variable/&gt;</c>;
/// the mapping itself lives in the registry resources the keys name.
/// </summary>
public sealed record DataMapperMediator(
    SourceLocation Location,
    RawXmlText RawXml,
    KeySyntax? Config,
    KeySyntax? InputSchema,
    KeySyntax? OutputSchema,
    string? InputType,
    string? OutputType,
    KeySyntax? XsltStyleSheet,
    string? Target,
    string? TargetVariable) : MediatorSyntax(Location, RawXml)
{
    public override string ElementName => "datamapper";
}

/// <summary>Smooks <c>&lt;input type expression/&gt;</c>.</summary>
public sealed record SmooksInputSyntax(string? Type, ExpressionSyntax? Expression, SourceLocation Location);

/// <summary>Smooks <c>&lt;output type expression action property/&gt;</c>.</summary>
public sealed record SmooksOutputSyntax(string? Type, ExpressionSyntax? Expression, string? Action, string? Property, SourceLocation Location);

/// <summary><c>&lt;smooks config-key persistence-unit&gt;&lt;input/&gt;&lt;output/&gt;&lt;/smooks&gt;</c>.</summary>
public sealed record SmooksMediator(
    SourceLocation Location,
    RawXmlText RawXml,
    KeySyntax? ConfigKey,
    string? PersistenceUnit,
    SmooksInputSyntax? Input,
    SmooksOutputSyntax? Output) : MediatorSyntax(Location, RawXml)
{
    public override string ElementName => "smooks";
}

/// <summary>Builder <c>&lt;messageBuilder contentType class formatterClass/&gt;</c> (the old form).</summary>
public sealed record MessageBuilderSyntax(string? ContentType, string? BuilderClass, string? FormatterClass, SourceLocation Location);

/// <summary><c>&lt;builder class formatterClass&gt;</c> or the old <c>&lt;builder&gt;&lt;messageBuilder/&gt;*&lt;/builder&gt;</c>.</summary>
public sealed record BuilderMediator(
    SourceLocation Location,
    RawXmlText RawXml,
    string? BuilderClass,
    string? FormatterClass,
    ImmutableArray<MessageBuilderSyntax> MessageBuilders) : MediatorSyntax(Location, RawXml)
{
    public override string ElementName => "builder";
}
