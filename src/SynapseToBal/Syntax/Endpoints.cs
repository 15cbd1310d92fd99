using System.Collections.Immutable;

namespace SynapseToBal.Syntax;

/// <summary>A child element the parser does not know; it is reported (SB0101) and kept whole.</summary>
public sealed record UnknownChildSyntax(string Name, RawXmlText RawXml, SourceLocation Location);

/// <summary><c>&lt;enableAddressing [version="final|submission"] [separateListener="true|false"]/&gt;</c>.</summary>
public sealed record WsAddressingSyntax(string? Version, bool SeparateListener, SourceLocation Location);

/// <summary><c>&lt;enableSec [policy="key"] [inboundPolicy="key"] [outboundPolicy="key"]/&gt;</c>; a policy may be a <c>{xpath}</c> key.</summary>
public sealed record WsSecuritySyntax(KeySyntax? Policy, string? InboundPolicy, string? OutboundPolicy, SourceLocation Location);

/// <summary><c>&lt;enableRM [policy="key"]/&gt;</c> (WS-ReliableMessaging, removed from the Micro Integrator).</summary>
public sealed record WsReliableMessagingSyntax(string? Policy, SourceLocation Location);

/// <summary>
/// Quality-of-service settings shared by leaf endpoints (address, http, wsdl, default): timeout, suspension,
/// retry, WS-* switches and the leaf's message attributes.
/// </summary>
public sealed record EndpointQualities(
    long? TimeoutMillis,
    string? ResponseAction,
    ImmutableArray<string> SuspendErrorCodes,
    long? SuspendInitialDurationMillis,
    long? SuspendMaximumDurationMillis,
    double? SuspendProgressionFactor,
    ImmutableArray<string> TimeoutErrorCodes,
    int? RetriesBeforeSuspension,
    long? RetryDelayMillis)
{
    public static readonly EndpointQualities None = new(null, null, [], null, null, null, [], null, null);

    /// <summary><c>&lt;duration&gt;{xpath}&lt;/duration&gt;</c>: a timeout computed per message.</summary>
    public ExpressionSyntax? DynamicTimeout { get; init; }

    /// <summary>Deprecated <c>&lt;suspendDurationOnFailure&gt;</c>, in seconds.</summary>
    public long? SuspendDurationOnFailureSeconds { get; init; }

    /// <summary><c>&lt;retryConfig&gt;&lt;disabledErrorCodes&gt;</c>: errors that do not fail over to the next endpoint.</summary>
    public ImmutableArray<string> RetryDisabledErrorCodes { get; init; } = [];

    /// <summary><c>&lt;retryConfig&gt;&lt;enabledErrorCodes&gt;</c>: the only errors that fail over.</summary>
    public ImmutableArray<string> RetryEnabledErrorCodes { get; init; } = [];

    public WsAddressingSyntax? Addressing { get; init; }

    public WsSecuritySyntax? Security { get; init; }

    public WsReliableMessagingSyntax? ReliableMessaging { get; init; }

    /// <summary><c>optimize="mtom|swa"</c>.</summary>
    public string? Optimize { get; init; }

    /// <summary><c>encoding="charset"</c>.</summary>
    public string? Encoding { get; init; }

    public bool Statistics { get; init; }

    public bool Trace { get; init; }
}

/// <summary>The leaf or group definition inside an <c>&lt;endpoint&gt;</c>.</summary>
public abstract record EndpointDefinitionSyntax(SourceLocation Location)
{
    /// <summary>The element (or attribute) that defines the kind: address, http, wsdl, failover, template, ...</summary>
    public abstract string Kind { get; }

    /// <summary>Child elements of the definition the parser does not know, kept whole.</summary>
    public ImmutableArray<UnknownChildSyntax> Unknown { get; init; } = [];
}

public sealed record AddressEndpointSyntax(
    SourceLocation Location,
    string Uri,
    string? Format,
    EndpointQualities Qualities) : EndpointDefinitionSyntax(Location)
{
    public override string Kind => "address";
}

/// <summary>Credentials an HTTP endpoint adds to each call (<c>&lt;authentication&gt;</c>).</summary>
/// <param name="Scheme"><c>basicAuth</c> or <c>oauth</c>.</param>
/// <param name="GrantType">For OAuth: <c>clientCredentials</c>, <c>passwordCredentials</c> or <c>authorizationCode</c>.</param>
/// <param name="Settings">Leaf settings by element name (username, password, clientId, tokenUrl, authMode, ...).</param>
public sealed record HttpAuthenticationSyntax(
    string Scheme,
    string? GrantType,
    ImmutableDictionary<string, string> Settings,
    ImmutableArray<NamedTextSyntax> RequestParameters,
    ImmutableArray<NamedTextSyntax> CustomHeaders,
    SourceLocation Location);

public sealed record HttpEndpointSyntax(
    SourceLocation Location,
    string UriTemplate,
    string? Method,
    EndpointQualities Qualities) : EndpointDefinitionSyntax(Location)
{
    public override string Kind => "http";

    /// <summary><c>format="soap11|soap12|pox|get|rest"</c>, which HTTPEndpointFactory reads as DefaultEndpointFactory does (extractSpecificEndpointProperties).</summary>
    public string? Format { get; init; }

    /// <summary><c>version="1.1|2.0"</c>.</summary>
    public string? HttpVersion { get; init; }

    public HttpAuthenticationSyntax? Authentication { get; init; }

    /// <summary>HTTP/2 <c>&lt;serverPushSequence&gt;</c>.</summary>
    public string? ServerPushSequence { get; init; }
}

/// <summary><c>&lt;wsdl uri service port&gt;</c>: the address comes from a WSDL port, given by URI or inline.</summary>
public sealed record WsdlEndpointSyntax(
    SourceLocation Location,
    string? Uri,
    string? Service,
    string? Port,
    string? InlineWsdl,
    string? Format,
    EndpointQualities Qualities) : EndpointDefinitionSyntax(Location)
{
    public override string Kind => "wsdl";
}

/// <summary><c>&lt;default&gt;</c>: the address is the message's To header; only QoS is configured.</summary>
public sealed record DefaultEndpointSyntax(SourceLocation Location, string? Format, EndpointQualities Qualities)
    : EndpointDefinitionSyntax(Location)
{
    public override string Kind => "default";
}

/// <summary><c>&lt;class name="..."&gt;&lt;parameter name&gt;value&lt;/parameter&gt;*&lt;/class&gt;</c>: a custom Java endpoint.</summary>
public sealed record ClassEndpointSyntax(SourceLocation Location, string ClassName, ImmutableArray<NamedTextSyntax> Parameters)
    : EndpointDefinitionSyntax(Location)
{
    public override string Kind => "class";
}

/// <summary>A static cluster member of a load-balance or recipient-list group.</summary>
public sealed record EndpointMemberSyntax(string HostName, int? HttpPort, int? HttpsPort, SourceLocation Location);

/// <summary><c>&lt;failover [dynamic="true|false"] [buildMessage]&gt;</c> with child endpoints tried in order.</summary>
public sealed record FailoverEndpointSyntax(
    SourceLocation Location,
    ImmutableArray<EndpointSyntax> Children,
    bool Dynamic,
    bool? BuildMessage) : EndpointDefinitionSyntax(Location)
{
    public override string Kind => "failover";
}

/// <summary>Session affinity of a load-balance group: <c>&lt;session type="http|soap|simpleClientSession"&gt;</c>.</summary>
public sealed record LoadbalanceSessionSyntax(string? Type, long? TimeoutMillis, SourceLocation Location);

/// <summary><c>&lt;loadbalance [algorithm] [policy] [failover] [buildMessage]&gt;</c> over child endpoints or static members.</summary>
public sealed record LoadbalanceEndpointSyntax(
    SourceLocation Location,
    ImmutableArray<EndpointSyntax> Children,
    ImmutableArray<EndpointMemberSyntax> Members,
    string? Algorithm,
    string? Policy,
    bool Failover,
    bool? BuildMessage,
    LoadbalanceSessionSyntax? Session) : EndpointDefinitionSyntax(Location)
{
    public override string Kind => "loadbalance";
}

/// <summary>
/// <c>&lt;recipientlist&gt;</c>: sends a copy to every child endpoint, static member, or to a list of URLs given
/// by <c>&lt;endpoints value="url,url" | value="{xpath}" [max-cache]/&gt;</c>.
/// </summary>
public sealed record RecipientListEndpointSyntax(
    SourceLocation Location,
    ImmutableArray<EndpointSyntax> Children,
    ImmutableArray<EndpointMemberSyntax> Members,
    ValueSyntax? DynamicEndpoints,
    int? MaxCache) : EndpointDefinitionSyntax(Location)
{
    public override string Kind => "recipientlist";
}

/// <summary>Apache Synapse cluster-aware <c>&lt;dynamicLoadbalance&gt;</c> with a membership handler.</summary>
public sealed record DynamicLoadbalanceEndpointSyntax(
    SourceLocation Location,
    string? Algorithm,
    bool Failover,
    string? MembershipHandlerClass,
    ImmutableArray<NamedTextSyntax> MembershipHandlerProperties) : EndpointDefinitionSyntax(Location)
{
    public override string Kind => "dynamicLoadbalance";
}

/// <summary>Apache Synapse <c>&lt;serviceDynamicLoadbalance&gt;</c>; its load-balancer configuration is kept as XML.</summary>
public sealed record ServiceDynamicLoadbalanceEndpointSyntax(
    SourceLocation Location,
    string? Algorithm,
    bool Failover,
    string? ConfigurationXml) : EndpointDefinitionSyntax(Location)
{
    public override string Kind => "serviceDynamicLoadbalance";
}

/// <summary><c>&lt;endpoint template="name" [uri] [name]&gt;&lt;parameter name value/&gt;*&lt;/endpoint&gt;</c>.</summary>
public sealed record TemplateEndpointSyntax(
    SourceLocation Location,
    string Template,
    string? Uri,
    ImmutableArray<NamedTextSyntax> Parameters) : EndpointDefinitionSyntax(Location)
{
    public override string Kind => "template";
}

/// <summary><c>&lt;endpoint key="name"/&gt;</c> or <c>key-expression="xpath"</c>: an endpoint defined elsewhere.</summary>
public sealed record IndirectEndpointSyntax(SourceLocation Location, KeySyntax Key) : EndpointDefinitionSyntax(Location)
{
    public override string Kind => "key";
}

/// <summary>An endpoint definition element the parser does not know.</summary>
public sealed record UnknownEndpointSyntax(SourceLocation Location, string ElementName, RawXmlText RawXml) : EndpointDefinitionSyntax(Location)
{
    public override string Kind => ElementName;
}

/// <summary>An endpoint <c>&lt;property name value|expression [scope]/&gt;</c>.</summary>
public sealed record EndpointPropertySyntax(string Name, ValueSyntax Value, string Scope, SourceLocation Location);

/// <summary>An <c>&lt;endpoint&gt;</c> element: named (top level), anonymous (inline) or a key reference.</summary>
public sealed record EndpointSyntax(
    SourceLocation Location,
    RawXmlText RawXml,
    string? Name,
    EndpointDefinitionSyntax? Definition,
    ImmutableArray<EndpointPropertySyntax> Properties)
{
    /// <summary><c>onError="sequence"</c>.</summary>
    public string? OnError { get; init; }

    public string? Description { get; init; }

    /// <summary>Child elements of the endpoint the parser does not know, kept whole.</summary>
    public ImmutableArray<UnknownChildSyntax> Unknown { get; init; } = [];
}
