using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using SynapseToBal.Syntax;

namespace SynapseToBal.IR;

/// <summary>The whole integration: what the refiner names and the emitter turns into a package.</summary>
/// <param name="Symbols">Every module-level symbol, in the order they were declared (earlier ones keep contested names).</param>
public sealed record PackageIr(
    ListenerIr Listener,
    ImmutableArray<ServiceIr> Services,
    ImmutableArray<FunctionIr> Functions,
    ImmutableArray<ClientIr> Clients,
    ImmutableArray<ConfigurableIr> Configurables,
    ImmutableArray<PendingArtifactIr> Pending,
    ImmutableArray<string> SourceFiles,
    ImmutableArray<Symbol> Symbols)
{
    /// <summary>
    /// The HTTPS listener (the Micro Integrator's pass-through https transport), declared when a proxy or data service
    /// names https among its transports; null otherwise (every service is on <see cref="Listener"/> alone).
    /// </summary>
    public ListenerIr? HttpsListener { get; init; }

    /// <summary>Named endpoints with no client (kinds not translated yet), kept as TODOs beside the clients.</summary>
    public ImmutableArray<PendingArtifactIr> PendingEndpoints { get; init; } = [];

    /// <summary>Local entries, as module-level values.</summary>
    public ImmutableArray<LocalEntryIr> LocalEntries { get; init; } = [];

    /// <summary>XSLT stylesheets read from the registry, as module-level XML values.</summary>
    public ImmutableArray<StylesheetIr> Stylesheets { get; init; } = [];

    /// <summary>XSLT stylesheets whose key the input does not define, read from files at start-up.</summary>
    public ImmutableArray<ExternalStylesheetIr> ExternalStylesheets { get; init; } = [];

    /// <summary>The XSD schemas validate mediators check against, read from files (written to resources/ when the input holds them).</summary>
    public ImmutableArray<ValidationSchemaIr> ValidationSchemas { get; init; } = [];

    /// <summary>The datamapper mediators' mappings: record types and a mapping function each (datamappers.bal).</summary>
    public ImmutableArray<DataMappingIr> DataMappings { get; init; } = [];

    /// <summary>Scheduled tasks, as jobs.</summary>
    public ImmutableArray<JobIr> Jobs { get; init; } = [];

    /// <summary>Inbound endpoints, as listeners with a service that runs the endpoint's sequence.</summary>
    public ImmutableArray<InboundIr> Inbounds { get; init; } = [];

    /// <summary>In-memory message stores, as module-level queues.</summary>
    public ImmutableArray<MessageStoreIr> MessageStores { get; init; } = [];

    /// <summary>Message processors, as scheduled jobs over their stores.</summary>
    public ImmutableArray<MessageProcessorIr> MessageProcessors { get; init; } = [];

    /// <summary>Message stores and processors not translated, kept as TODOs in <c>stores.bal</c>.</summary>
    public ImmutableArray<PendingArtifactIr> PendingStores { get; init; } = [];

    /// <summary>
    /// Endpoints stored as registry resources that no key of the project names (statically, and no endpoint key is
    /// computed at run time): the Micro Integrator loads a registry resource only when a key names it, so they get no
    /// client, configurable or state (SB0303 says so); the report and the inventory still list them.
    /// </summary>
    public ImmutableArray<UnreferencedEndpointIr> UnreferencedRegistryEndpoints { get; init; } = [];

    /// <summary>Database clients of the dblookup and dbreport mediators, one per distinct connection.</summary>
    public ImmutableArray<DbClientIr> DatabaseClients { get; init; } = [];

    /// <summary>MI 4.4 HTTP connections (local entries holding <c>&lt;http.init&gt;</c>), one client each.</summary>
    public ImmutableArray<HttpConnectionIr> HttpConnections { get; init; } = [];

    /// <summary>MI 4.4 email connections for sending (local entries holding an SMTP <c>&lt;email.init&gt;</c>), one client each.</summary>
    public ImmutableArray<EmailConnectionIr> EmailConnections { get; init; } = [];

    /// <summary>Kafka connections (local entries holding <c>&lt;kafkaTransport.init&gt;</c>), one producer each.</summary>
    public ImmutableArray<KafkaConnectionIr> KafkaConnections { get; init; } = [];
    /// <summary>Salesforce REST connector connections (local entries holding <c>&lt;salesforcerest.init&gt;</c>), one client each.</summary>
    public ImmutableArray<SalesforceConnectionIr> SalesforceConnections { get; init; } = [];

    /// <summary>Gmail connector connections (local entries holding <c>&lt;gmail.init&gt;</c>), one client each.</summary>
    public ImmutableArray<GmailConnectionIr> GmailConnections { get; init; } = [];

    /// <summary>Redis connector connections (local entries holding <c>&lt;redis.init&gt;</c>), one RedisConnection each.</summary>
    public ImmutableArray<RedisConnectionIr> RedisConnections { get; init; } = [];

    /// <summary>
    /// Database, email, Kafka, Salesforce, Gmail and Redis connections no translated code uses (every operation on them is a
    /// TODO, or none names them), set by the refiner (<c>Refine/UnusedConnections.cs</c>): no client is declared, only
    /// a comment with the connection's settings.
    /// </summary>
    public ImmutableArray<UnusedConnectionIr> UnusedConnections { get; init; } = [];
}

/// <summary>
/// A connection not declared because no translated code uses it: what it is (<paramref name="Description"/>, the
/// declaration's documentation) and the configurables its client would read, with their values, for the developer who
/// finishes the TODOs that name it.
/// </summary>
public sealed record UnusedConnectionIr(string Description, string Client, ImmutableArray<ConfigurableIr> Settings, ImmutableArray<string> Notes, SourceLocation Origin);

/// <summary>
/// An HTTP listener the services are attached to, on a configurable port: the HTTP one every service is on, or the
/// HTTPS one (with <see cref="KeyStore"/>) the services exposed on https are also on.
/// </summary>
public sealed record ListenerIr(Symbol Name, ConfigurableIr Port)
{
    /// <summary>For the HTTPS listener: the key store it serves TLS with (<c>secureSocket</c>); null for HTTP.</summary>
    public InboundKeyStoreIr? KeyStore { get; init; }
}

public enum ServiceKind
{
    /// <summary>An API.</summary>
    Api,

    /// <summary>The catch-all service for the requests no API matches, running the main sequence.</summary>
    MainSequence,

    /// <summary>A proxy service, at <c>/services/&lt;name&gt;</c>.</summary>
    Proxy,

    /// <summary>A data service's REST resources, at <c>/services/&lt;name&gt;</c>.</summary>
    DataService,
}

/// <param name="Origin">The API, or the main sequence for the catch-all service.</param>
public sealed record ServiceIr(ServiceKind Kind, string Name, string BasePath, ImmutableArray<ResourceIr> Resources, ArtifactSyntax Origin, string SourceFile)
{
    /// <summary>What the artifact says it does (its description), if anything.</summary>
    public string? Description { get; init; }

    /// <summary>The name Synapse gives the API in <c>SYNAPSE_REST_API</c> (<c>name:vversion</c> for a versioned API); null for the main sequence.</summary>
    public string? RestApiName { get; init; }

    /// <summary>
    /// A versioned API's context as written (trailing slashes trimmed, a context version's <c>{version}</c> kept), which
    /// API.process sets as <c>REST_API_CONTEXT</c>; null for an API without a url or context version and for the main
    /// sequence (the context is then the base path).
    /// </summary>
    public string? RestApiContext { get; init; }

    /// <summary>A versioned API's version (<c>SYNAPSE_REST_API_VERSION</c>); null when <see cref="RestApiContext"/> is.</summary>
    public string? RestApiVersion { get; init; }

    /// <summary>A versioned API's version type, <c>url</c> or <c>context</c> (<c>SYNAPSE_REST_API_VERSION_STRATEGY</c>); null when <see cref="RestApiContext"/> is.</summary>
    public string? RestApiVersionType { get; init; }

    /// <summary>A proxy's published WSDL, answered to <c>GET ...?wsdl</c> before the flow runs; null when it publishes none.</summary>
    public PublishedWsdlIr? Wsdl { get; init; }

    /// <summary>
    /// Whether the proxy publishes a WSDL the package does not hold (a publishWSDL naming a document outside the input,
    /// SB0206): the Micro Integrator answers <c>?wsdl</c>, <c>?wsdl2</c> and <c>?xsd</c> from it and never runs the flow
    /// for them, so the service answers them 501 (<c>metadataNotReproduced</c>) before the flow.
    /// </summary>
    public bool WsdlNotHeld { get; init; }

    /// <summary>Whether the service is on the HTTPS listener alone, not the HTTP one (a proxy or data service exposed on https only).</summary>
    public bool HttpsOnly { get; init; }

    /// <summary>Whether the service is also on the package's HTTPS listener (<see cref="PackageIr.HttpsListener"/>).</summary>
    public bool OnHttps { get; init; }

    /// <summary>Whether the service is on the HTTP listener alone although the package has an HTTPS one (an API's resources the Micro Integrator answers over http: none or <c>protocol="http"</c>, beside a service of its https ones).</summary>
    public bool HttpOnly { get; init; }

    /// <summary>
    /// An API's answer to the requests none of its resources takes (API.handleResourceNotFound, API.handleMethodNotAllowed,
    /// and the 400 of a resource refused by its protocol); null for any other service.
    /// </summary>
    public UnmatchedIr? Unmatched { get; init; }
}

/// <summary>
/// What an API answers a request none of its resources takes (API.process): when some resource of the API takes the
/// request's method, handleResourceNotFound (the <c>_resource_mismatch_handler_</c> sequence, else 404 with no body);
/// otherwise, when some resource's path matches, handleMethodNotAllowed (<c>_method_not_allowed_handler_</c>, else 405
/// with no body), and handleResourceNotFound when none does.
/// </summary>
/// <param name="NotFoundFlow">The function running <c>_resource_mismatch_handler_</c>, or null (404).</param>
/// <param name="NotAllowedFlow">The function running <c>_method_not_allowed_handler_</c>, or null (405).</param>
/// <param name="Methods">The methods some resource of the API takes (OPTIONS with any), upper case; empty when a resource takes every method.</param>
/// <param name="Paths">The paths of the API's resources, for the method-not-allowed test, each with the query of its uri-template when every resource of that path has one (<see cref="DispatchPathIr.QueryPattern"/>); no methods.</param>
/// <param name="Catchall">Whether the service gets a resource for the requests no other takes (false when a resource of the API already takes any method and path).</param>
/// <param name="FirstMatch">
/// When the service leaves out resources of the API by their <c>protocol</c> (or the API's <c>transports</c>): every
/// resource of the API in the order API.process's dispatchers try them (url-mappings, then uri-templates in declaration
/// order, then the default resource), as the first whose path matches decides (Resource.hasMatchingMethod: 405 when it
/// does not take the method, 400 when it does, as it was refused by its protocol); empty otherwise.
/// </param>
public sealed record UnmatchedIr(Symbol? NotFoundFlow, Symbol? NotAllowedFlow, ImmutableArray<string> Methods, ImmutableArray<DispatchPathIr> Paths, bool Catchall)
{
    public ImmutableArray<DispatchPathIr> FirstMatch { get; init; } = [];

    /// <summary>How the service answers OPTIONS as the Micro Integrator does (<see cref="OptionsIr"/>); null when no resource path needs it.</summary>
    public OptionsIr? Options { get; init; }
}

/// <summary>
/// An API's answer to OPTIONS (Resource.sendOptions), which the http module would otherwise give itself (204 and its own
/// Allow) at the paths of the service's resources: API.process dispatches an OPTIONS request to the first resource whose
/// path (and query) matches, every resource of the transport taking OPTIONS (Resource.canProcess), those whose only
/// method is OPTIONS tried first (ApiUtils.getAcceptableResources); that resource answers it with the request's own
/// headers, <c>Allow</c> its methods, and the CORS headers of the server's CORS configuration (403 for an origin it does
/// not allow; CORSHelper.handleCORSHeaders), or 404 when none matches.
/// </summary>
/// <param name="Paths">The resource paths of the service that get an <c>options</c> resource (those without one of their own).</param>
/// <param name="Order">The service's resources in the order the dispatchers try them for OPTIONS.</param>
/// <param name="Cors">The server's CORS configuration.</param>
public sealed record OptionsIr(ImmutableArray<ImmutableArray<PathSegmentIr>> Paths, ImmutableArray<OptionsMatchIr> Order, CorsSettingsIr Cors);

/// <summary>
/// The Micro Integrator's CORS configuration (synapse.rest.CORSConfig.*), one module-level value of the package that the
/// APIs' OPTIONS answers and resources read, made from its three configurables.
/// </summary>
/// <param name="Name">The module-level value.</param>
/// <param name="Enabled">The configurable holding synapse.rest.CORSConfig.enabled.</param>
/// <param name="Origins">The configurable holding synapse.rest.CORSConfig.Access-Control-Allow-Origin.</param>
/// <param name="Headers">The configurable holding synapse.rest.CORSConfig.Access-Control-Allow-Headers.</param>
public sealed record CorsSettingsIr(Symbol Name, Symbol Enabled, Symbol Origins, Symbol Headers);

/// <summary>A resource as an OPTIONS request is matched to it: its path, its uri-template's query (or null) and the <c>Allow</c> it answers (Resource.getSupportedMethods).</summary>
public sealed record OptionsMatchIr(ImmutableArray<PathSegmentIr> Path, string? QueryPattern, string Allow);

/// <summary>A resource of an API as its dispatchers match it by path alone: its path and the methods it takes (upper case; empty: any).</summary>
public sealed record DispatchPathIr(ImmutableArray<PathSegmentIr> Path, ImmutableArray<string> Methods)
{
    /// <summary>
    /// The query of the resource's uri-template as a regular expression of the raw query (<see cref="ResourceIr.QueryPattern"/>):
    /// URITemplateBasedDispatcher matches the path with its query, so the resource matches only a request whose query matches it.
    /// </summary>
    public string? QueryPattern { get; init; }
}

/// <summary>
/// A resource's <c>content-type</c> and <c>user-agent</c> (Resource.canProcess): the Micro Integrator dispatches a request
/// to it only when its Content-Type header is exactly <see cref="ContentType"/> (checked for a request of a method that
/// carries a body: POST, PUT, PATCH, DELETE) and its User-Agent header matches <see cref="UserAgentPattern"/> (a Java
/// regular expression over the whole header, translated). Any other request is left to the API's other resources.
/// </summary>
/// <param name="ContentType">The Content-Type the resource takes, or null.</param>
/// <param name="UserAgent">The resource's user-agent as written (a Java regular expression), or null.</param>
/// <param name="UserAgentPattern">The User-Agent pattern translated (Ballerina regexp syntax), or null.</param>
/// <param name="MethodTakenElsewhere">
/// Another resource of the service takes the request's method (so ApiUtils.getAcceptableResources is not empty without
/// this one): the dispatchers find no resource for the request (none of those may take its path) and the API answers as
/// for an unknown path (handleResourceNotFound). Otherwise no resource accepts the request and the first resource whose
/// path matches decides (<see cref="FirstMatch"/>): 400 when it takes the method, 405 when not.
/// </param>
/// <param name="FirstMatch">Every resource of the API in the order the dispatchers try them (<see cref="UnmatchedIr.FirstMatch"/>).</param>
public sealed record RequestFilterIr(string? ContentType, string? UserAgent, string? UserAgentPattern, bool MethodTakenElsewhere, ImmutableArray<DispatchPathIr> FirstMatch);

/// <summary>One resource function.</summary>
/// <param name="Accessor">get, post, ... or default.</param>
/// <param name="Path">Resource path segments as Synapse wrote them.</param>
/// <param name="Body">The in flow.</param>
/// <param name="FaultFunction">The function handling failures of the in flow, if any.</param>
/// <param name="OutFunction">The function the out flow became; sends in shared sequences continue with it.</param>
/// <param name="Origin">The API resource, or the main sequence.</param>
public sealed record ResourceIr(
    string Accessor,
    ImmutableArray<PathSegmentIr> Path,
    ImmutableArray<StepIr> Body,
    Symbol? FaultFunction,
    Symbol? OutFunction,
    bool NeedsOutFlow,
    string Summary,
    ISyntaxNode Origin)
{
    /// <summary>
    /// The resource's flow may run on a message context holding a concurrency throttle's slot (<c>Refine/ThrottleSlots.cs</c>):
    /// a failure its fault handling does not take gives the slot back (MediatorFaultHandler).
    /// </summary>
    public bool HoldsThrottleSlot { get; init; }

    /// <summary>Set when the resource is not emitted as code (a second resource with the same method and path, which Synapse never reaches).</summary>
    public NotTranslatedIr? Skipped { get; init; }

    /// <summary>
    /// The query of the resource's uri-template (<c>email={email}</c>), when the resource runs only for a request whose
    /// raw query matches it (URITemplate.matches): <see cref="QueryPattern"/> is that match as a regular expression of
    /// the raw query (Ballerina's regexp syntax, without a backtick).
    /// </summary>
    public string? QueryTemplate { get; init; }

    /// <inheritdoc cref="QueryTemplate"/>
    public string? QueryPattern { get; init; }

    /// <summary>
    /// The API resource declared earlier with this one's method and path, whose uri-template has a query: the Micro
    /// Integrator tries this one when that query (and those of the alternatives between) does not match the request
    /// (URITemplateBasedDispatcher, declaration order). It is written inside that resource's function, not as one of its own.
    /// </summary>
    public ISyntaxNode? AlternativeOf { get; init; }

    /// <summary>The resource's content-type and user-agent conditions (Resource.canProcess), or null when it has none.</summary>
    public RequestFilterIr? Filter { get; init; }

    /// <summary>
    /// The API's default resource (no uri-template, no url-mapping), when it alone may take a request of this resource's
    /// method and path that this resource refuses (its query does not match, or its content-type or user-agent check
    /// fails): API.process's DefaultDispatcher runs it once the url-mapping and uri-template dispatchers found nothing, so
    /// the refused request runs its flow function instead of the not-found answer. Null otherwise.
    /// </summary>
    public DefaultFallbackIr? Fallback { get; init; }

    /// <summary>
    /// What Resource.process records for the CORS headers of the answer to a request this API resource takes
    /// (CORSHelper.handleCORSHeaders), or null for anything but an API resource.
    /// </summary>
    public ResourceCorsIr? Cors { get; init; }

    /// <summary>
    /// The main sequence's request in a project with APIs: the REST handler tried the APIs first (RestRequestHandler
    /// .dispatchToAPI), and API.canProcess recorded the request's path and query as REST_FULL_REQUEST_PATH
    /// (ApiUtils.getFullRequestPath) before none of them took it.
    /// </summary>
    public bool FullRequestPath { get; init; }
}

/// <summary>
/// The CORS values an API resource records on a request it takes (CORSHelper.handleCORSHeaders with updateHeaders
/// false) and the answer gets as headers (handleCORSHeadersForResponse).
/// </summary>
/// <param name="Allow">Resource.getSupportedMethods, the Access-Control-Allow-Methods value.</param>
/// <param name="Settings">The server's CORS configuration.</param>
public sealed record ResourceCorsIr(string Allow, CorsSettingsIr Settings);

/// <summary>
/// The API's default resource as another resource's fallback (<see cref="ResourceIr.Fallback"/>): the function its in
/// flow became and the CORS values it records.
/// </summary>
public sealed record DefaultFallbackIr(Symbol Flow, ResourceCorsIr? Cors);

/// <summary>Why a construct stays a TODO: the diagnostic reported for it and the text of the TODO line.</summary>
public sealed record NotTranslatedIr(DiagnosticDescriptor Descriptor, string Message);

public abstract record PathSegmentIr
{
    private PathSegmentIr()
    {
    }

    public sealed record Literal(string Text) : PathSegmentIr;

    public sealed record Param(string SynapseName, Symbol Parameter) : PathSegmentIr
    {
        /// <summary>
        /// The literal text before the variable in its uri-template segment (<c>x</c> of <c>x{id}</c>): the parameter
        /// takes the whole segment, and the variable is what is left once <see cref="Prefix"/> and <see cref="Suffix"/>
        /// are matched (<c>templateSegmentValue</c>). Empty for a plain <c>{id}</c> segment.
        /// </summary>
        public string Prefix { get; init; } = string.Empty;

        /// <summary>
        /// The literal text after the variable in its segment (<c>.json</c> of <c>{id}.json</c>); ending with <c>*</c>
        /// (<c>{id}*</c>, the last segment only), it takes the rest of the path, which a rest parameter after this one holds.
        /// </summary>
        public string Suffix { get; init; } = string.Empty;

        /// <summary>
        /// A segment with no variable bound: one whose variables are not (reported, SB0292), whose parameter takes any
        /// segment, or a template's last literal ending with <c>*</c> (<c>b*</c>), whose <see cref="Prefix"/> the segment
        /// must start with (<see cref="Suffix"/> <c>*</c>). It sets no uri.var.* property.
        /// </summary>
        public bool Unbound { get; init; }

        /// <summary>
        /// The <c>*</c> ending <see cref="Suffix"/> is literal text, matched as written: the template goes on after it (a
        /// query, <c>{id}*?q={q}</c>), so URITemplate's literal holding it does not end with it (Literal.match takes the
        /// rest of the path only for a literal that ends with <c>*</c>).
        /// </summary>
        public bool LiteralSuffix { get; init; }
    }

    public sealed record Rest(string SynapseName, Symbol Parameter) : PathSegmentIr
    {
        /// <summary>
        /// A <c>{+x}</c> that ends a uri-template without a query: ReservedStringExpression takes the rest of the request
        /// path after the context, the query too, so the variable holds <c>?</c> and the query when the request has one.
        /// </summary>
        public bool TakesQuery { get; init; }

        /// <summary>
        /// The <c>*</c> ending a uri-template's literal longer than <c>/*</c> (<c>/files/*</c>): Literal.match needs the
        /// whole text before the <c>*</c>, so with no segment after the literal the request path must end with its
        /// <c>/</c> (<c>/files/</c>, not <c>/files</c>).
        /// </summary>
        public bool NeedsSlash { get; init; }
    }
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
    Symbol Name,
    FunctionKind Kind,
    bool CanStop,
    ImmutableArray<StepIr> Body,
    string Summary,
    SourceLocation Origin)
{
    /// <summary>
    /// The function may run on a message context holding a concurrency throttle's slot (<c>Refine/ThrottleSlots.cs</c>):
    /// a fault flow gives the slot back first (MediatorFaultHandler.handleFault), an in flow's failure nothing handles too.
    /// </summary>
    public bool HoldsThrottleSlot { get; init; }

    /// <summary>For an in flow: the function handling its failures.</summary>
    public Symbol? FaultFunction { get; init; }

    /// <summary>
    /// A sequence that answers on every path (<c>Refine/AnsweringFlows.cs</c>): it returns its answer, never nothing
    /// (<c>http:Response|error</c>, or <c>http:Response</c> when it cannot fail).
    /// </summary>
    public bool AlwaysAnswers { get; init; }

    /// <summary>
    /// The end of a fault runner's doc comment (<c>runOrderFault</c>, FunctionKind.FaultFlow) while its sequence may
    /// not answer; the refiner that finds the sequence answers on every path puts <see cref="FaultRunnerAnswered"/>
    /// in its place, so the comment says what the body does.
    /// </summary>
    public const string FaultRunnerUnanswered = " (202 when the sequence does not answer)";

    /// <summary>
    /// The origin of the function that runs the Micro Integrator's default fault sequence (a project with no 'fault'
    /// sequence): the file the server ships, not one of the input's. Headers name it for what it is.
    /// </summary>
    public const string DefaultFaultSequencePath = "repository/deployment/server/synapse-configs/default/sequences/fault.xml";

    /// <summary>The end of a fault runner's doc comment when its sequence answers on every path.</summary>
    public const string FaultRunnerAnswered = " with the sequence's answer (it answers on every path)";

    /// <summary>String parameters after the context (a sequence template's), each with its default value.</summary>
    public ImmutableArray<FunctionParameterIr> Parameters { get; init; } = [];
}

/// <param name="SynapseName">The template parameter as Synapse names it.</param>
public sealed record FunctionParameterIr(Symbol Name, string SynapseName, string DefaultValue, bool Mandatory);

/// <summary>A registry endpoint nothing names (<see cref="PackageIr.UnreferencedRegistryEndpoints"/>).</summary>
/// <param name="Key">Its registry key (<c>conf:/endpoints/x.xml</c>).</param>
public sealed record UnreferencedEndpointIr(string Key, SourceLocation Origin);

/// <param name="Url">The endpoint's URL as Synapse gives it; a URL holding a credential has it masked (its configurable has no default).</param>
public sealed record ClientIr(
    Symbol Name,
    string SynapseName,
    Symbol UrlConfigurable,
    string Url,
    decimal TimeoutSeconds,
    ImmutableArray<string> Notes,
    SourceLocation Origin)
{
    /// <summary>The format the endpoint writes messages in (its <c>format</c>), or null for the message's own.</summary>
    public EndpointFormat? Format { get; init; }

    /// <summary>HTTP statuses of 400 and above that a blocking call still takes as a response (the endpoint's <c>non.error.http.status.codes</c>).</summary>
    public ImmutableArray<int> NonErrorStatusCodes { get; init; } = [];

    /// <summary>The endpoint sets no timeout: the client uses the Micro Integrator's global callback timeout.</summary>
    public bool DefaultTimeout { get; init; }

    /// <summary>
    /// A timed-out non-blocking call is Synapse's "Send timeout" (the endpoint's <c>responseAction</c> is set and its
    /// timeout ends before the socket timeout): the message is emptied and the fault handler runs with 101504.
    /// </summary>
    public bool TimeoutFault { get; init; }

    /// <summary>For a failover or load-balance endpoint: how the calls are spread over its members; null for one URL.</summary>
    public ClientGroupIr? Group { get; init; }

    /// <summary>The endpoint's <c>enableAddressing</c> (without <c>separateListener</c>): non-blocking calls add WS-Addressing header blocks; null when off.</summary>
    public WsAddressingVersion? Addressing { get; init; }

    /// <summary>
    /// The endpoint's suspension state, when its explicit <c>suspendOnFailure</c> / <c>markForSuspension</c> settings
    /// make Synapse suspend it; null otherwise (no settings: Synapse's default suspension is only noted). Clients made
    /// from the same endpoint definition (a transport-switch copy) share it.
    /// </summary>
    public EndpointSuspensionIr? Suspension { get; init; }

    /// <summary>The HTTP version and chunking the axis2 transport switches set before its calls ask for; null for the defaults.</summary>
    public HttpTransport? Transport { get; init; }

    /// <summary>
    /// For an http endpoint whose uri-template takes the scheme, host or port from a property: the template. The base
    /// URL is known only per call, so <c>Name</c> is the endpoint's <c>http:ClientConfiguration</c>, and each call expands
    /// the whole template (its path is the URL) and takes the client kept for that base URL. Null for a client made at start-up.
    /// </summary>
    public string? UrlTemplate { get; init; }
}

/// <summary>
/// The suspension state Synapse keeps for one endpoint definition (EndpointContext), as a module-level
/// <c>EndpointState</c> that non-blocking calls through the endpoint consult and update. The settings are the
/// endpoint's own; a null one keeps EndpointDefinition's default.
/// </summary>
/// <param name="Kind">The endpoint's element, which words the message of a refused call.</param>
/// <param name="EndpointName">The endpoint's name, or <c>AnonymousEndpoint</c> for an inline one (SynapseConstants.ANONYMOUS_ENDPOINT).</param>
public sealed record EndpointSuspensionIr(
    Symbol Name,
    SuspendingEndpointKind Kind,
    string EndpointName,
    ImmutableArray<int> SuspendCodes,
    long? InitialDurationMillis,
    double? ProgressionFactor,
    long? MaximumDurationMillis,
    ImmutableArray<int> TimeoutCodes,
    int? RetriesBeforeSuspension,
    long? RetryDelayMillis);

/// <summary>The leaf endpoints whose calls keep a suspension state.</summary>
public enum SuspendingEndpointKind
{
    Address,
    Http,
    Wsdl,
}

/// <summary>A failover or load-balance group of URLs (the runtime's <c>EndpointGroup</c>).</summary>
/// <param name="MemberUrls">The URL configurable of each member, in the order Synapse tries them (the first is also the client's <c>UrlConfigurable</c>).</param>
/// <param name="RetryNextMember">For a load-balance group: a failed call is retried on the next member (Synapse's <c>failover</c> attribute, true by default).</param>
public sealed record ClientGroupIr(ClientGroupKind Kind, ImmutableArray<Symbol> MemberUrls, bool RetryNextMember)
{
    /// <summary>For a load-balance group with Synapse's WeightedRoundRobin: each member's weight (the consecutive calls it gets), in member order; empty for plain round robin.</summary>
    public ImmutableArray<int> Weights { get; init; } = [];

    /// <summary>
    /// The module-level <c>EndpointGroup</c> every call and send through the group goes through (blocking ones too): the
    /// members' own clients and suspension states, as Synapse's FailoverEndpoint / LoadbalanceEndpoint keep them.
    /// Declared for every group (it stands for the endpoint in connections.bal).
    /// </summary>
    public Symbol? State { get; init; }

    /// <summary>The group endpoint's name, or <c>AnonymousEndpoint</c> for an inline one (the message of a group with no ready member).</summary>
    public string EndpointName { get; init; } = "AnonymousEndpoint";

    /// <summary>For a failover group: <c>dynamic</c> (the default), each message starts from the first ready member.</summary>
    public bool Dynamic { get; init; } = true;

    /// <summary>What the <see cref="State"/> keeps of each member, in member order.</summary>
    public ImmutableArray<GroupMemberIr> Members { get; init; } = [];
}

/// <summary>
/// One member of a group's <c>EndpointGroup</c>: its URL configurable and timeout, its suspension settings (its
/// EndpointContext), its retryConfig error codes (AbstractEndpoint.isRetry) and its <c>enableAddressing</c>.
/// </summary>
/// <param name="EndpointName">The member endpoint's name, or <c>AnonymousEndpoint</c> for an inline one.</param>
/// <param name="Settings">The member's explicit suspension settings; null for EndpointDefinition's defaults (suspended 30 s after any error).</param>
/// <param name="NeverSuspended">The member's settings switch suspension off: no error changes its state.</param>
public sealed record GroupMemberIr(
    Symbol Url,
    decimal TimeoutSeconds,
    SuspendingEndpointKind Kind,
    string EndpointName,
    EndpointSuspensionIr? Settings,
    bool NeverSuspended,
    ImmutableArray<int> RetryDisabledCodes,
    ImmutableArray<int> RetryEnabledCodes,
    WsAddressingVersion? Addressing)
{
    /// <summary>
    /// For a member the group refers to by key: the module-level <c>EndpointState</c> every group (and the endpoint's
    /// own calls, when they keep one) shares, as Synapse's IndirectEndpoint delegates readyToSend and getContext to the
    /// one endpoint registered under the key. Null for an inline member, whose state is the group's own.
    /// </summary>
    public Symbol? SharedState { get; init; }
}

public enum ClientGroupKind
{
    Failover,
    LoadBalance,
}

/// <summary>
/// A JDBC client for the connection of dblookup/dbreport mediators: a pool (driver, url, user, password) or a
/// data source by name; the URL, user and password are configurables (the password always required).
/// </summary>
/// <param name="Description">What the connection is, for the documentation comment.</param>
/// <param name="User">The user configurable, or null when the connection names none.</param>
/// <param name="Password">The password configurable, or null when the connection names none.</param>
public sealed record DbClientIr(Symbol Name, string Description, Symbol Url, Symbol? User, Symbol? Password, ImmutableArray<string> Notes, SourceLocation Origin)
{
    /// <summary>What the client is for, when not the dblookup/dbreport mediators (a data service's config).</summary>
    public string? Purpose { get; init; }
}

/// <summary>An endpoint's <c>format</c>: the message is written as a SOAP 1.1 or 1.2 envelope, or plain XML (Synapse has no JSON format).</summary>
public enum EndpointFormat
{
    Soap11,
    Soap12,
    Pox,

    /// <summary>
    /// <c>format="rest"</c>: Axis2FlexibleMEPClient only marks the message REST (setDoingREST), so the URL postfix is
    /// appended whatever the request, a <c>text/xml</c> message is written as plain XML under its own content type, and
    /// the response is taken as REST.
    /// </summary>
    Rest,

    /// <summary>
    /// <c>format="get"</c>: Axis2FlexibleMEPClient (BlockingMsgSenderUtils for a blocking send) marks the message REST,
    /// sets HTTP_METHOD GET and the message type <c>application/x-www-form-urlencoded</c>, whose formatter
    /// (XFormURLEncodedFormatter.getTargetAddress, URLTemplatingUtil.appendQueryParameters) puts the child elements of
    /// the body's first element into the URL's query; the request has no body (TargetRequest).
    /// </summary>
    Get,
}

public enum ConfigurableType
{
    String,
    Integer,
    Boolean,
}

public sealed record ConfigurableIr(Symbol Name, ConfigurableType Type, string? DefaultValue, string Description, bool Secret)
{
    /// <summary>
    /// For the URL of a call to a service of the package itself (a URL of the Micro Integrator that runs the input naming
    /// one of its proxies, data services or APIs): the package's own listener the default follows instead of
    /// <see cref="DefaultValue"/> (which keeps the URL as written); null for any other configurable.
    /// </summary>
    public OwnListenerUrlIr? FollowsListener { get; init; }

    /// <summary>
    /// For a value the Micro Integrator builds from text and placeholders (a data source's
    /// <c>jdbc:mysql://$env{DB_HOST}:3306/$env{DB_NAME}</c>): the parts the default is built from, text as written and
    /// the configurable of each placeholder, in order (a string template); empty for any other configurable.
    /// </summary>
    public ImmutableArray<ConfigurablePartIr> BuiltFrom { get; init; } = [];

    /// <summary>
    /// Declared only when something other than the configurables reads it (UnusedConnections): a value only the calls
    /// of one endpoint read (an http endpoint's uri-template resolved at deployment), which a user should not have to
    /// set when nothing calls the endpoint.
    /// </summary>
    public bool OnlyWhenRead { get; init; }
}

/// <summary>A part of a configurable's built value: text as written, or (with <paramref name="Configurable"/>) the configurable's value.</summary>
/// <param name="Text">The text; empty for a configurable's part.</param>
/// <param name="Configurable">The configurable whose value this part is, or null for text.</param>
public sealed record ConfigurablePartIr(string Text, Symbol? Configurable);

/// <summary>
/// A URL on the package's own listener: <c>scheme://localhost:{port}</c> and the path (and query) of the URL it stands for,
/// so that a call the Micro Integrator made to a service of its own reaches the generated one.
/// </summary>
/// <param name="Port">The listener's port configurable.</param>
public sealed record OwnListenerUrlIr(Symbol Port, string Scheme, string PathAndQuery);

/// <summary>An artifact not translated yet, kept as a TODO with its XML.</summary>
public sealed record PendingArtifactIr(NotTranslatedIr Reason, ArtifactSyntax Origin)
{
    /// <summary>The XML the TODO carries when it differs from the origin's (credentials masked); null for the origin's own.</summary>
    public string? RawXml { get; init; }
}

public enum EntryKind
{
    Text,
    Xml,

    /// <summary>
    /// XML content the Micro Integrator loads from a <c>src</c> URL the input does not hold: read once, at start-up,
    /// from the file <see cref="LocalEntryIr.SourcePath"/> names.
    /// </summary>
    XmlFile,

    /// <summary>Text content loaded from a <c>src</c> URL the input does not hold: read at start-up like <see cref="XmlFile"/>.</summary>
    TextFile,
}

/// <summary>A stylesheet from the registry (<c>conf:/xslt/x.xslt</c>): a module-level XML value.</summary>
public sealed record StylesheetIr(Symbol Name, string Key, string Xml);

/// <summary>A local entry: a module-level constant value.</summary>
/// <param name="Value">The text or XML; for <see cref="EntryKind.XmlFile"/> and <see cref="EntryKind.TextFile"/>, the <c>src</c> URL.</param>
/// <param name="SourcePath">For <see cref="EntryKind.XmlFile"/> and <see cref="EntryKind.TextFile"/>: the required string configurable with the path of the copy to read.</param>
public sealed record LocalEntryIr(Symbol Name, EntryKind Kind, string Value, LocalEntrySyntax Origin, Symbol? SourcePath = null)
{
    /// <summary>
    /// When the value holds credentials: the value as text parts and configurable reads (each secret replaced by a
    /// required configurable), so that no secret becomes a literal. Empty when <see cref="Value"/> is used as it is.
    /// </summary>
    public ImmutableArray<TemplatePart> Parts { get; init; } = [];
}

/// <summary>
/// An inbound endpoint: a listener of its own that runs the endpoint's sequence for every message it receives,
/// and its onError sequence (or the global fault sequence) when that fails (semantics §9.1).
/// </summary>
/// <param name="Listener">The listener's module-level name.</param>
/// <param name="Summary">What the endpoint does, one line.</param>
/// <param name="Transport">How the endpoint receives messages.</param>
public sealed record InboundIr(Symbol Listener, string SynapseName, string Summary, InboundTransportIr Transport, ArtifactSyntax Origin)
{
    /// <summary>What is left to finish beside the generated listener (a TODO above it).</summary>
    public NotTranslatedIr? NotTranslated { get; init; }

    /// <summary>The properties the Micro Integrator's inbound endpoint sets on each message it injects; null for a proxy's listener.</summary>
    public InboundPropertiesIr? Properties { get; init; }
}

/// <summary>
/// The default-scope properties an inbound endpoint of the Micro Integrator sets on each message it injects
/// (JMSInjectHandler, FileInjectHandler, RabbitMQInjectHandler, InboundHttpServerWorker, MqttInjectHandler):
/// <c>isInbound</c> true, and <c>inbound.endpoint.name</c> and <c>ARTIFACT_NAME</c> (<c>inboundendpoint</c> and the name)
/// when <paramref name="Name"/> is set (MQTT sets <c>isInbound</c> alone).
/// </summary>
/// <param name="Name">The endpoint's name, or null when the transport sets no name.</param>
/// <param name="Parameters">Each parameter of the endpoint set as a property of its name (JMSInjectHandler); empty for the other transports.</param>
public sealed record InboundPropertiesIr(string? Name, ImmutableArray<InboundParameterIr> Parameters)
{
    /// <summary>
    /// The parameters the Micro Integrator also sets as properties that the refiner left unset, since nothing that runs
    /// on the message may read them (<c>PropertyLocalAnalysis.UnreadInboundParameters</c>): a comment above the call says the endpoint sets them in the Micro Integrator.
    /// </summary>
    public ImmutableArray<string> Unread { get; init; } = [];

    /// <summary>
    /// The unread parameters that are credentials whose required secret configurable (SB0212) nothing else reads: the
    /// refiner does not declare it, and the comment above the call says so.
    /// </summary>
    public ImmutableArray<string> UnreadSecrets { get; init; } = [];
}

/// <summary>An inbound endpoint parameter set as a property: its text, or the configurable holding it (a credential, or a value the listener reads from one).</summary>
public sealed record InboundParameterIr(string Name, string? Value, Symbol? Configurable);

/// <summary>The transport of an inbound endpoint that becomes a listener.</summary>
public abstract partial record InboundTransportIr
{
    private InboundTransportIr()
    {
    }

    /// <summary>
    /// An HTTP(S) inbound endpoint: an <c>http:Listener</c> on its own port with one catch-all resource that runs
    /// the sequence, as the Micro Integrator's HTTP inbound injects every request into it.
    /// </summary>
    /// <param name="Port">The <c>configurable int</c> holding the port (<c>inbound.http.port</c>).</param>
    /// <param name="Resource">The catch-all resource.</param>
    /// <param name="KeyStore">For HTTPS: the key store the listener serves TLS with.</param>
    public sealed record Http(Symbol Port, ResourceIr Resource, InboundKeyStoreIr? KeyStore) : InboundTransportIr;

    /// <summary>
    /// A JMS inbound endpoint: a <c>jms:Listener</c> (ballerinax/java.jms) consuming the destination, each message
    /// a new message context run through the sequence.
    /// </summary>
    /// <param name="ContextFactory">Configurable: <c>java.naming.factory.initial</c>.</param>
    /// <param name="ProviderUrl">Configurable: <c>java.naming.provider.url</c>.</param>
    /// <param name="ConnectionFactory">Configurable: <c>transport.jms.ConnectionFactoryJNDIName</c>.</param>
    /// <param name="Username">Configurable: <c>transport.jms.UserName</c>, if set.</param>
    /// <param name="Password">Required configurable: <c>transport.jms.Password</c>, if set.</param>
    /// <param name="Destination">The queue or topic name.</param>
    /// <param name="Topic">The destination is a topic (<c>transport.jms.ConnectionFactoryType</c> <c>topic</c>).</param>
    /// <param name="AcknowledgementMode">The session's acknowledgement mode (AUTO_ACKNOWLEDGE or DUPS_OK_ACKNOWLEDGE).</param>
    /// <param name="ContentType">The content type every message is read as (<c>transport.jms.ContentType</c>); null: the message's JMS type, else SOAP.</param>
    /// <param name="Sequence">The function the message is injected into.</param>
    /// <param name="SequenceCanAnswer">The sequence may produce a response (which nobody receives).</param>
    /// <param name="FaultFunction">The function that runs when the sequence fails (onError, or the global fault sequence).</param>
    public sealed record Jms(
        Symbol ContextFactory,
        Symbol ProviderUrl,
        Symbol ConnectionFactory,
        Symbol? Username,
        Symbol? Password,
        string Destination,
        bool Topic,
        string AcknowledgementMode,
        string? ContentType,
        Symbol Sequence,
        bool SequenceCanAnswer,
        Symbol? FaultFunction) : InboundTransportIr
    {
        /// <summary>
        /// The configurable standing for the destination when the Micro Integrator resolves transport.jms.Destination at
        /// deployment (<c>$SYSTEM:x</c>, <c>$FILE:x</c>, <c>${configs.x}</c>: InboundEndpointFactory resolves every
        /// parameter through ResolverFactory): the broker's destination name, used instead of <see cref="Destination"/>;
        /// null when the value is written in the input.
        /// </summary>
        public Symbol? DestinationSetting { get; init; }

        /// <summary>A proxy's <c>transport.jms.ContentType</c> rules, tried in order (empty: <see cref="ContentType"/>, else the JMS type, else SOAP).</summary>
        public ImmutableArray<JmsContentTypeRuleIr> ContentTypeRules { get; init; } = [];

        /// <summary>The out flow a send made through a sequence returns to (a proxy's out sequence), set on each message's context.</summary>
        public Symbol? OutFlow { get; init; }

        /// <summary>Where the answer to each message goes: a proxy's JMS transport, or an inbound endpoint whose sequence can answer; null when nothing answers.</summary>
        public JmsReplyIr? Reply { get; init; }

        /// <summary>
        /// The SOAP action Axis2 gives each message before its transport's own (ProtocolEndpoint.createMessageContext:
        /// <c>urn:mediate</c>, the alias of a WSDL-less proxy's <c>mediate</c> operation), the fallback of the action the listener
        /// sets once as <c>ctx.action</c>; null when the transport finds no operation for the message.
        /// </summary>
        public string? OperationAction { get; init; }

        /// <summary>
        /// How Axis2 dispatches each message of a proxy with a published WSDL to one of its operations once the JMS
        /// transport has built it (its <see cref="WsdlDispatchIr.Table"/> is the proxy's one table); a message naming none
        /// is refused with a fault sent to its reply destination. Null when the listener runs the flow for every message.
        /// </summary>
        public WsdlDispatchIr? Dispatch { get; init; }

        /// <summary>The WSDL operation the proxy's <c>Operation</c> parameter gives every message (see <see cref="InboundTargetIr.FixedOperation"/>).</summary>
        public string? FixedOperation { get; init; }
    }
}

/// <summary>The key store of an HTTPS inbound endpoint: its path and password as configurables.</summary>
public sealed record InboundKeyStoreIr(Symbol Path, Symbol Password);
