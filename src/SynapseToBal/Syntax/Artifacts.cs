using System.Collections.Immutable;

namespace SynapseToBal.Syntax;

/// <summary>A node that stands for one XML element of the input: where it is and its text as written.</summary>
public interface ISyntaxNode
{
    SourceLocation Location { get; }

    RawXmlText RawXml { get; }
}

/// <summary>A top-level Synapse artifact (api, sequence, endpoint, ...).</summary>
public abstract record ArtifactSyntax(SourceLocation Location, RawXmlText RawXml, string Name) : ISyntaxNode
{
    /// <summary>Human name of the kind, as used in diagnostics and reports.</summary>
    public abstract string Kind { get; }

    /// <summary>The local name of the artifact's XML element (api, proxy, template, ...).</summary>
    public abstract string XmlName { get; }

    /// <summary>Child elements the parser does not know (anywhere in the artifact's own structure), kept whole.</summary>
    public ImmutableArray<UnknownChildSyntax> Unknown { get; init; } = [];

    /// <summary>
    /// For an artifact stored as a registry resource (<c>conf:/sequences/x.xml</c>): its normalised key, which is then
    /// also its <see cref="Name"/>, since Synapse finds it by that key. Null for a deployed artifact.
    /// </summary>
    public string? RegistryKey { get; init; }
}

/// <summary>A name with an optional text value (handler, class endpoint and template endpoint parameters, ...).</summary>
public sealed record NamedTextSyntax(string Name, string? Value, SourceLocation Location);

/// <summary>
/// A configuration <c>&lt;parameter name="..."&gt;</c> of a proxy, inbound endpoint, message store or processor,
/// registry or task manager: text content, an inline XML element (as written), a registry <c>key</c> or an
/// <c>expression</c>.
/// </summary>
public sealed record ConfigParameterSyntax(string Name, string? Text, string? Xml, string? Key, ExpressionSyntax? Expression, SourceLocation Location)
{
    /// <summary>The text as written, untrimmed (null when <see cref="Text"/> is): what a factory that reads getText() keeps, such as MessageStoreFactory.</summary>
    public string? RawText { get; init; }
}

/// <summary>A flow: inline mediators, or a key naming a sequence (e.g. <c>inSequence="seq"</c>), or absent.</summary>
public sealed record FlowSyntax(SourceLocation Location, ImmutableArray<MediatorSyntax> Mediators, KeySyntax? Key, string? OnError);

public sealed record ApiResourceSyntax(
    SourceLocation Location,
    RawXmlText RawXml,
    ImmutableArray<string> Methods,
    string? UriTemplate,
    string? UrlMapping,
    FlowSyntax? InSequence,
    FlowSyntax? OutSequence,
    FlowSyntax? FaultSequence) : ISyntaxNode
{
    /// <summary><c>protocol="http|https"</c>: the only transport the resource answers on.</summary>
    public string? Protocol { get; init; }

    /// <summary><c>content-type</c> the resource requires.</summary>
    public string? ContentType { get; init; }

    /// <summary><c>user-agent</c> the resource requires.</summary>
    public string? UserAgent { get; init; }

    /// <summary><c>binds-to</c>: inbound endpoints the resource is bound to.</summary>
    public ImmutableArray<string> BindsTo { get; init; } = [];
}

/// <summary>An API handler: <c>&lt;handler class="..."&gt;&lt;property name value|inline XML/&gt;*&lt;/handler&gt;</c>.</summary>
public sealed record ApiHandlerSyntax(string ClassName, ImmutableArray<HandlerPropertySyntax> Properties, SourceLocation Location);

public sealed record HandlerPropertySyntax(string Name, string? Value, string? Xml, SourceLocation Location);

/// <summary>
/// A REST API. CORS is not part of the artifact: the Micro Integrator configures it server-wide in deployment.toml.
/// </summary>
public sealed record ApiSyntax(
    SourceLocation Location,
    RawXmlText RawXml,
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

    public override string XmlName => "api";

    public ImmutableArray<ApiHandlerSyntax> Handlers { get; init; } = [];

    /// <summary><c>version-param</c> (for <c>version-type="url"</c>).</summary>
    public string? VersionParam { get; init; }

    /// <summary><c>transports="http|https"</c>: the only transport the API answers on.</summary>
    public string? Transports { get; init; }

    /// <summary><c>publishSwagger="registry key"</c>: the OpenAPI document to publish instead of a generated one.</summary>
    public string? PublishSwagger { get; init; }

    /// <summary><c>validateSchema</c>: validate requests against the published OpenAPI document.</summary>
    public bool ValidateSchema { get; init; }

    /// <summary><c>binds-to</c>: inbound endpoints the API is bound to.</summary>
    public ImmutableArray<string> BindsTo { get; init; } = [];

    public bool Statistics { get; init; }

    public bool Trace { get; init; }

    public string? Description { get; init; }
}

public sealed record SequenceSyntax(
    SourceLocation Location,
    RawXmlText RawXml,
    string Name,
    string? OnError,
    ImmutableArray<MediatorSyntax> Mediators,
    string? Documentation) : ArtifactSyntax(Location, RawXml, Name)
{
    public override string Kind => "Sequence";

    public override string XmlName => "sequence";

    public bool Statistics { get; init; }

    public bool Trace { get; init; }
}

public sealed record EndpointArtifactSyntax(SourceLocation Location, RawXmlText RawXml, string Name, EndpointSyntax Endpoint)
    : ArtifactSyntax(Location, RawXml, Name)
{
    public override string Kind => "Endpoint";

    public override string XmlName => "endpoint";
}

/// <summary>A local registry entry: text, an inline XML element (which may be a sequence or endpoint), or a <c>src</c> URL.</summary>
public sealed record LocalEntrySyntax(SourceLocation Location, RawXmlText RawXml, string Name, string? Text, string? Xml, string? Src)
    : ArtifactSyntax(Location, RawXml, Name)
{
    public override string Kind => "Local entry";

    public override string XmlName => "localEntry";

    public string? Description { get; init; }

    /// <summary>
    /// The entry's element as the Micro Integrator holds it (EntryFactory keeps <c>elem.getFirstElement()</c>): an
    /// element written without a prefix under the file's <c>xmlns="http://ws.apache.org/ns/synapse"</c> stays in the
    /// Synapse namespace, declared on the root (a payloadFactory format read by key serialises it so); null when the
    /// entry holds no element or nothing in the Synapse namespace (then it is <see cref="Xml"/>).
    /// </summary>
    public string? XmlAsDeployed { get; init; }

    /// <summary>
    /// For an entry with <see cref="Src"/>: the display path of the file of the input the <c>src</c> URL names, whose
    /// content <see cref="Xml"/> (or <see cref="Text"/>) then holds as the Micro Integrator loads it at deployment
    /// (<c>SynapseConfigUtils.getObject</c>: the document element when the file parses as XML, else its text); null
    /// when the input does not hold it (the content is then read from a copy at start-up).
    /// </summary>
    public string? SrcFile { get; init; }
}

/// <summary>The target of a proxy: its in, out and fault flows (inline or by key) and its endpoint (inline or by key).</summary>
public sealed record ProxyTargetSyntax(
    SourceLocation Location,
    FlowSyntax? InSequence,
    FlowSyntax? OutSequence,
    FlowSyntax? FaultSequence,
    EndpointReferenceSyntax? Endpoint);

/// <summary>An imported document of a published WSDL: <c>&lt;resource location="..." key="..."/&gt;</c>.</summary>
public sealed record WsdlResourceSyntax(string ResourceLocation, string Key, SourceLocation Location);

/// <summary><c>&lt;publishWSDL uri|key|endpoint [preservePolicy]&gt;</c>, or a WSDL 1.1/2.0 document inline.</summary>
public sealed record PublishWsdlSyntax(
    SourceLocation Location,
    string? Uri,
    string? Key,
    string? Endpoint,
    bool? PreservePolicy,
    string? InlineWsdl,
    ImmutableArray<WsdlResourceSyntax> Resources);

/// <summary>A WS-Policy applied to a proxy: <c>&lt;policy key [type="in|out"] [operationName] [operationNamespace]/&gt;</c>.</summary>
public sealed record ProxyPolicySyntax(string Key, string? Type, string? OperationName, string? OperationNamespace, SourceLocation Location);

/// <summary>A SOAP/multi-transport proxy service.</summary>
public sealed record ProxySyntax(
    SourceLocation Location,
    RawXmlText RawXml,
    string Name,
    ImmutableArray<string> Transports,
    bool StartOnLoad,
    ImmutableArray<string> PinnedServers,
    string? ServiceGroup,
    bool Statistics,
    bool Trace,
    ProxyTargetSyntax? Target,
    PublishWsdlSyntax? PublishWsdl,
    ImmutableArray<ConfigParameterSyntax> Parameters,
    ImmutableArray<ProxyPolicySyntax> Policies,
    bool EnableAddressing,
    WsSecuritySyntax? EnableSec,
    WsReliableMessagingSyntax? EnableRM,
    string? Description) : ArtifactSyntax(Location, RawXml, Name)
{
    public override string Kind => "Proxy service";

    public override string XmlName => "proxy";
}

/// <summary>
/// A template parameter declaration: <c>&lt;parameter name [isMandatory] [defaultValue] [description]/&gt;</c>
/// (Apache Synapse libraries write <c>optional</c> and <c>default</c>).
/// </summary>
public sealed record TemplateParameterDeclarationSyntax(string Name, bool IsMandatory, string? DefaultValue, string? Description, SourceLocation Location);

/// <summary>A <c>&lt;template&gt;</c>: a sequence template or an endpoint template.</summary>
public abstract record TemplateSyntax(
    SourceLocation Location,
    RawXmlText RawXml,
    string Name,
    ImmutableArray<TemplateParameterDeclarationSyntax> Parameters,
    string? Description) : ArtifactSyntax(Location, RawXml, Name)
{
    public override string XmlName => "template";
}

/// <summary><c>&lt;template name [onError]&gt;&lt;parameter/&gt;*&lt;sequence&gt;mediators&lt;/sequence&gt;&lt;/template&gt;</c>.</summary>
public sealed record SequenceTemplateSyntax(
    SourceLocation Location,
    RawXmlText RawXml,
    string Name,
    ImmutableArray<TemplateParameterDeclarationSyntax> Parameters,
    string? Description,
    string? OnError,
    ImmutableArray<MediatorSyntax> Mediators) : TemplateSyntax(Location, RawXml, Name, Parameters, Description)
{
    public override string Kind => "Sequence template";

    public bool Statistics { get; init; }

    public bool Trace { get; init; }
}

/// <summary><c>&lt;template name&gt;&lt;parameter name/&gt;*&lt;endpoint&gt;...$name, $uri...&lt;/endpoint&gt;&lt;/template&gt;</c>.</summary>
public sealed record EndpointTemplateSyntax(
    SourceLocation Location,
    RawXmlText RawXml,
    string Name,
    ImmutableArray<TemplateParameterDeclarationSyntax> Parameters,
    string? Description,
    EndpointSyntax Endpoint) : TemplateSyntax(Location, RawXml, Name, Parameters, Description)
{
    public override string Kind => "Endpoint template";
}

/// <summary>An inbound endpoint: a listener or poller (protocol, or custom class) that injects messages into a sequence.</summary>
public sealed record InboundEndpointSyntax(
    SourceLocation Location,
    RawXmlText RawXml,
    string Name,
    string? Protocol,
    string? ClassName,
    string? Sequence,
    string? OnError,
    bool Suspend,
    bool Statistics,
    bool Trace,
    ImmutableArray<ConfigParameterSyntax> Parameters,
    ImmutableArray<string> Handlers,
    string? Description) : ArtifactSyntax(Location, RawXml, Name)
{
    public override string Kind => "Inbound endpoint";

    public override string XmlName => "inboundEndpoint";

    /// <summary>The <c>sequential</c> parameter of polling inbound endpoints.</summary>
    public bool? Sequential => BoolParameter("sequential");

    /// <summary>The <c>coordination</c> parameter of polling inbound endpoints (run on one cluster node).</summary>
    public bool? Coordination => BoolParameter("coordination");

    private bool? BoolParameter(string name) =>
        Parameters.FirstOrDefault(p => p.Name == name)?.Text?.Trim() is { } text && bool.TryParse(text, out var value) ? value : null;
}

/// <summary>A message store: <c>&lt;messageStore name class&gt;&lt;parameter name&gt;*&lt;/messageStore&gt;</c>.</summary>
public sealed record MessageStoreSyntax(
    SourceLocation Location,
    RawXmlText RawXml,
    string Name,
    string? ClassName,
    ImmutableArray<ConfigParameterSyntax> Parameters,
    string? Description) : ArtifactSyntax(Location, RawXml, Name)
{
    public override string Kind => "Message store";

    public override string XmlName => "messageStore";
}

/// <summary>A message processor: forwards (targetEndpoint) or samples messages of a store.</summary>
public sealed record MessageProcessorSyntax(
    SourceLocation Location,
    RawXmlText RawXml,
    string Name,
    string? ClassName,
    string? MessageStore,
    string? TargetEndpoint,
    ImmutableArray<ConfigParameterSyntax> Parameters,
    string? Description) : ArtifactSyntax(Location, RawXml, Name)
{
    public override string Kind => "Message processor";

    public override string XmlName => "messageProcessor";

    public bool Statistics { get; init; }

    public bool Trace { get; init; }
}

/// <summary>
/// When a task runs: <c>&lt;trigger count interval/&gt;</c> (interval in seconds), <c>cron</c>, or <c>once="true"</c>.
/// </summary>
public sealed record TaskTriggerSyntax(int? Count, long? IntervalSeconds, string? Cron, bool Once, SourceLocation Location);

/// <summary>
/// A task property: <c>value</c> or one inline XML element, made standalone (prefixes declared on it, the Synapse
/// namespace removed) because tasks inject it as a message.
/// </summary>
public sealed record TaskPropertySyntax(string Name, string? Value, string? Xml, SourceLocation Location);

/// <summary>A scheduled task.</summary>
public sealed record TaskSyntax(
    SourceLocation Location,
    RawXmlText RawXml,
    string Name,
    string? ClassName,
    string? Group,
    ImmutableArray<string> PinnedServers,
    TaskTriggerSyntax? Trigger,
    ImmutableArray<TaskPropertySyntax> Properties,
    string? Description) : ArtifactSyntax(Location, RawXml, Name)
{
    public override string Kind => "Task";

    public override string XmlName => "task";
}

/// <summary>A static subscription of an event source.</summary>
public sealed record EventSubscriptionSyntax(
    string? Id,
    string? FilterDialect,
    string? FilterSource,
    string? EndpointUri,
    string? Expires,
    SourceLocation Location);

/// <summary>A WS-Eventing event source.</summary>
public sealed record EventSourceSyntax(
    SourceLocation Location,
    RawXmlText RawXml,
    string Name,
    string? SubscriptionManagerClass,
    ImmutableArray<NamedTextSyntax> SubscriptionManagerProperties,
    ImmutableArray<EventSubscriptionSyntax> Subscriptions,
    string? Description) : ArtifactSyntax(Location, RawXml, Name)
{
    public override string Kind => "Event source";

    public override string XmlName => "eventSource";
}

/// <summary>The remote registry: <c>&lt;registry provider="class"&gt;&lt;parameter name&gt;value&lt;/parameter&gt;*&lt;/registry&gt;</c>.</summary>
public sealed record RegistrySyntax(SourceLocation Location, RawXmlText RawXml, string Name, string? Provider, ImmutableArray<ConfigParameterSyntax> Parameters)
    : ArtifactSyntax(Location, RawXml, Name)
{
    public override string Kind => "Registry";

    public override string XmlName => "registry";
}

/// <summary>The task scheduler: <c>&lt;taskManager provider="class"&gt;&lt;parameter/&gt;*&lt;/taskManager&gt;</c>.</summary>
public sealed record TaskManagerSyntax(SourceLocation Location, RawXmlText RawXml, string Name, string? Provider, ImmutableArray<ConfigParameterSyntax> Parameters)
    : ArtifactSyntax(Location, RawXml, Name)
{
    public override string Kind => "Task manager";

    public override string XmlName => "taskManager";
}

/// <summary>A Synapse library import: <c>&lt;import name package [status="enabled|disabled"]/&gt;</c>.</summary>
public sealed record ImportSyntax(SourceLocation Location, RawXmlText RawXml, string Name, string? Package, string? Status)
    : ArtifactSyntax(Location, RawXml, Name)
{
    public override string Kind => "Import";

    public override string XmlName => "import";
}

/// <summary>A queue of a priority executor.</summary>
public sealed record ExecutorQueueSyntax(int? Priority, int? Size, SourceLocation Location);

/// <summary>
/// A priority executor: <c>&lt;priorityExecutor name [beforeExecuteHandler]&gt;&lt;queues [isFixedSize] [nextQueue]&gt;
/// &lt;queue priority size/&gt;*&lt;/queues&gt;&lt;threads max core keep-alive/&gt;&lt;/priorityExecutor&gt;</c>.
/// </summary>
public sealed record PriorityExecutorSyntax(
    SourceLocation Location,
    RawXmlText RawXml,
    string Name,
    string? BeforeExecuteHandler,
    bool? IsFixedSize,
    string? NextQueue,
    ImmutableArray<ExecutorQueueSyntax> Queues,
    int? MaxThreads,
    int? CoreThreads,
    int? KeepAliveSeconds) : ArtifactSyntax(Location, RawXml, Name)
{
    public override string Kind => "Priority executor";

    public override string XmlName => "priorityExecutor";
}

/// <summary>
/// An unknown root element, or a root element Synapse knows that has no node of its own (<c>executor</c>).
/// The raw XML is kept.
/// </summary>
public sealed record UnknownArtifactSyntax(SourceLocation Location, RawXmlText RawXml, string Name, string ElementName)
    : ArtifactSyntax(Location, RawXml, Name)
{
    public override string Kind => ElementName;

    public override string XmlName => ElementName;
}

/// <summary>One parsed file and the artifacts it defines.</summary>
public sealed record SynapseDocument(string Path, ImmutableArray<ArtifactSyntax> Artifacts)
{
    /// <summary>Elements of the file that no AST node stands for (the census expects none).</summary>
    public ImmutableArray<UnaccountedElement> Unaccounted { get; init; } = [];

    /// <summary>Attributes of the file the parser did not read, outside elements kept whole as raw XML (reported as SB0107).</summary>
    public ImmutableArray<UnreadAttribute> UnreadAttributes { get; init; } = [];

    /// <summary>How many attributes the attribute census walked (namespace declarations and raw XML excluded).</summary>
    public int AttributesWalked { get; init; }
}

public sealed record UnaccountedElement(string Name, SourceLocation Location);

/// <summary>An attribute the parser did not read: its name as written, its element's local name and its own position.</summary>
public sealed record UnreadAttribute(string Name, string ElementName, SourceLocation Location);
