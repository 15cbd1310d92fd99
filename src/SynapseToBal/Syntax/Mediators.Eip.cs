using System.Collections.Immutable;

namespace SynapseToBal.Syntax;

/// <summary>
/// <c>&lt;iterate id expression attachPath continueParent preservePayload sequential&gt;&lt;target/&gt;&lt;/iterate&gt;</c>:
/// splits the message and sends each part to the target.
/// </summary>
public sealed record IterateMediator(
    SourceLocation Location,
    RawXmlText RawXml,
    string? Id,
    ExpressionSyntax? Expression,
    ExpressionSyntax? AttachPath,
    bool ContinueParent,
    bool PreservePayload,
    bool Sequential,
    TargetSyntax? Target) : MediatorSyntax(Location, RawXml)
{
    public override string ElementName => "iterate";
}

/// <summary>
/// <c>&lt;clone id continueParent sequential iterations&gt;&lt;target/&gt;+&lt;/clone&gt;</c>; iterations may be a
/// <c>{expression}</c>.
/// </summary>
public sealed record CloneMediator(
    SourceLocation Location,
    RawXmlText RawXml,
    string? Id,
    bool ContinueParent,
    bool Sequential,
    KeySyntax? Iterations,
    ImmutableArray<TargetSyntax> Targets) : MediatorSyntax(Location, RawXml)
{
    public override string ElementName => "clone";
}

/// <summary>
/// Aggregate <c>&lt;onComplete expression sequence enclosingElementProperty aggregateElementType&gt;</c>: the
/// merge expression and the flow run on the merged message (a key or inline mediators).
/// </summary>
public sealed record AggregateOnCompleteSyntax(
    ExpressionSyntax? Expression,
    string? EnclosingElementProperty,
    KeySyntax? AggregateElementType,
    MediatorBranchSyntax Flow,
    SourceLocation Location);

/// <summary>
/// <c>&lt;aggregate id&gt;&lt;correlateOn expression/&gt;&lt;completeCondition timeout&gt;&lt;messageCount min max/&gt;
/// &lt;/completeCondition&gt;&lt;onComplete/&gt;&lt;/aggregate&gt;</c>. Timeout is in seconds; min/max may be dynamic.
/// </summary>
public sealed record AggregateMediator(
    SourceLocation Location,
    RawXmlText RawXml,
    string? Id,
    ExpressionSyntax? CorrelateOn,
    long? CompletionTimeoutSeconds,
    KeySyntax? MinMessages,
    KeySyntax? MaxMessages,
    AggregateOnCompleteSyntax? OnComplete) : MediatorSyntax(Location, RawXml)
{
    public override string ElementName => "aggregate";
}

/// <summary>
/// <c>&lt;foreach&gt;</c> in both forms. Classic: <c>expression</c>, <c>sequence</c> key or inline sequence, <c>id</c>,
/// <c>continueLoopOnFailure</c>. MI 4.4 (<see cref="Collection"/> set): <c>parallel-execution</c>, <c>update-original</c>,
/// result target variable, content type and enclosing element, <c>counter-variable</c>,
/// <c>continue-without-aggregation</c>. The 4.4 result attributes are read under both the released names
/// (<c>target-variable</c>, <c>result-content-type</c>, <c>result-enclosing-element</c>) and the preview names
/// (<c>result-target</c>, <c>result-type</c>, <c>root-element</c>) found in real projects; <c>PreviewNames</c> lists the
/// preview names the element uses (the released Micro Integrator does not read them).
/// </summary>
public sealed record ForEachMediator(
    SourceLocation Location,
    RawXmlText RawXml,
    string? Id,
    ExpressionSyntax? Expression,
    ExpressionSyntax? Collection,
    KeySyntax? SequenceKey,
    ImmutableArray<MediatorSyntax>? Sequence,
    bool? ContinueLoopOnFailure,
    bool? ParallelExecution,
    bool? UpdateOriginal,
    string? TargetVariable,
    string? ResultContentType,
    string? ResultEnclosingElement,
    string? CounterVariable,
    bool? ContinueWithoutAggregation,
    ImmutableArray<string> PreviewNames) : MediatorSyntax(Location, RawXml)
{
    public override string ElementName => "foreach";

    public bool IsVersion2 => Collection is not null;
}

/// <summary>Scatter-gather <c>&lt;aggregation expression condition timeout min-messages max-messages/&gt;</c> (timeout in ms).</summary>
public sealed record ScatterGatherAggregationSyntax(
    ExpressionSyntax? Expression,
    ExpressionSyntax? Condition,
    long? TimeoutMillis,
    KeySyntax? MinMessages,
    KeySyntax? MaxMessages,
    SourceLocation Location);

/// <summary>
/// MI 4.4 <c>&lt;scatter-gather parallel-execution target target-variable result-content-type
/// result-enclosing-element&gt;&lt;aggregation/&gt;&lt;sequence/&gt;+&lt;/scatter-gather&gt;</c> (preview names
/// <c>result-target</c>, <c>content-type</c>, <c>root-element</c> are read too). <see cref="PreviewSyntax"/>: the
/// element names its target with <c>result-target</c> and no <c>target</c>, its content type with <c>content-type</c>
/// and no <c>result-content-type</c> (the Synapse of MI 4.4 previews, where <c>result-target</c> is <c>body</c> or
/// the name of the variable).
/// </summary>
public sealed record ScatterGatherMediator(
    SourceLocation Location,
    RawXmlText RawXml,
    bool ParallelExecution,
    string? ResultTarget,
    string? TargetVariable,
    string? ContentType,
    string? RootElement,
    ScatterGatherAggregationSyntax? Aggregation,
    ImmutableArray<MediatorBranchSyntax> Sequences,
    bool PreviewSyntax = false) : MediatorSyntax(Location, RawXml)
{
    public override string ElementName => "scatter-gather";
}

/// <summary>A <c>&lt;conditionalRoute breakRoute asynchronous&gt;&lt;condition/&gt;&lt;target/&gt;</c>; the condition is an evaluator kept as XML.</summary>
public sealed record ConditionalRouteSyntax(
    bool? BreakRoute,
    bool Asynchronous,
    string? ConditionXml,
    TargetSyntax? Target,
    SourceLocation Location);

/// <summary><c>&lt;conditionalRouter continueAfter&gt;&lt;conditionalRoute/&gt;+&lt;/conditionalRouter&gt;</c>.</summary>
public sealed record ConditionalRouterMediator(
    SourceLocation Location,
    RawXmlText RawXml,
    bool? ContinueAfter,
    ImmutableArray<ConditionalRouteSyntax> Routes) : MediatorSyntax(Location, RawXml)
{
    public override string ElementName => "conditionalRouter";
}

/// <summary>A router <c>&lt;route expression match breakRouter&gt;&lt;target/&gt;&lt;/route&gt;</c>.</summary>
public sealed record RouteSyntax(ExpressionSyntax? Expression, string? Match, bool? BreakRouter, TargetSyntax? Target, SourceLocation Location);

/// <summary>The ESB 4.x <c>&lt;router continueAfter&gt;&lt;route/&gt;+&lt;/router&gt;</c>.</summary>
public sealed record RouterMediator(SourceLocation Location, RawXmlText RawXml, bool? ContinueAfter, ImmutableArray<RouteSyntax> Routes)
    : MediatorSyntax(Location, RawXml)
{
    public override string ElementName => "router";
}

/// <summary>Apache Synapse <c>&lt;sampler id rate unitTime&gt;&lt;messageQueue class/&gt;&lt;target/&gt;&lt;/sampler&gt;</c>.</summary>
public sealed record SamplerMediator(
    SourceLocation Location,
    RawXmlText RawXml,
    string? Id,
    int? Rate,
    long? UnitTime,
    string? MessageQueueClass,
    TargetSyntax? Target) : MediatorSyntax(Location, RawXml)
{
    public override string ElementName => "sampler";
}

/// <summary>
/// <c>&lt;throttle id onAccept onReject&gt;&lt;policy key | inline WS-Policy/&gt;&lt;onAccept/&gt;&lt;onReject/&gt;&lt;/throttle&gt;</c>;
/// the inline policy is kept as XML.
/// </summary>
public sealed record ThrottleMediator(
    SourceLocation Location,
    RawXmlText RawXml,
    string? Id,
    KeySyntax? PolicyKey,
    string? InlinePolicyXml,
    MediatorBranchSyntax? OnAccept,
    MediatorBranchSyntax? OnReject) : MediatorSyntax(Location, RawXml)
{
    public override string ElementName => "throttle";
}

/// <summary>Cache <c>&lt;protocol type&gt;</c> settings (methods, header lists, response codes, hash generator, cache control).</summary>
public sealed record CacheProtocolSyntax(
    string? Type,
    ImmutableArray<string> Methods,
    ImmutableArray<string> HeadersToIncludeInHash,
    ImmutableArray<string> HeadersToExcludeInHash,
    string? ResponseCodes,
    string? HashGenerator,
    bool? EnableCacheControl,
    bool? IncludeAgeHeader,
    SourceLocation Location);

/// <summary>Cache <c>&lt;implementation type maxSize/&gt;</c>.</summary>
public sealed record CacheImplementationSyntax(string? Type, int? MaxSize, SourceLocation Location);

/// <summary>
/// <c>&lt;cache collector id timeout maxMessageSize scope hashGenerator&gt;</c> with the protocol settings, the
/// in-memory implementation and the onCacheHit flow (key or inline). Timeout is in seconds.
/// </summary>
public sealed record CacheMediator(
    SourceLocation Location,
    RawXmlText RawXml,
    string? Id,
    bool Collector,
    long? TimeoutSeconds,
    int? MaxMessageSize,
    string? Scope,
    string? HashGenerator,
    CacheProtocolSyntax? Protocol,
    CacheImplementationSyntax? Implementation,
    MediatorBranchSyntax? OnCacheHit) : MediatorSyntax(Location, RawXml)
{
    public override string ElementName => "cache";
}
