using System.Collections.Immutable;
using SynapseToBal.Diagnostics;
using SynapseToBal.Syntax;

namespace SynapseToBal.Semantics;

/// <summary>The Micro Integrator product whose defaults an input was written for (its listener ports).</summary>
public enum ServerProduct
{
    /// <summary>Micro Integrator 4.x: pass-through HTTP on 8290 and HTTPS on 8253 (8280 and 8243 plus the default port offset 10).</summary>
    MicroIntegrator,

    /// <summary>Enterprise Integrator 6.x (its ESB profile, as an Integration Studio ESB project or a synapse-configs folder): HTTP on 8280, HTTPS on 8243.</summary>
    EnterpriseIntegrator6,
}

/// <summary>What a URL of the Micro Integrator itself names: a proxy, data service or API of the input (with its artifact), or nothing of it.</summary>
/// <param name="Url">The URL as written.</param>
/// <param name="Path">Its path (and query) after the host and port.</param>
/// <param name="Kind">"proxy service", "data service" or "API"; null when no artifact of the input serves the path.</param>
public sealed record SelfCallTarget(string Url, string Path, string? Kind, string? Name, ArtifactSyntax? Artifact);

/// <summary>
/// The addresses the Micro Integrator serves the input's services on: which APIs it deploys (two with one URL context and
/// version cannot both be: SynapseConfiguration.addAPI), and which endpoint URLs call the server itself (a proxy, data
/// service or API of the same input, over the network).
/// </summary>
internal static class ServiceAddresses
{
    /// <summary>The hosts that name the machine the Micro Integrator runs on.</summary>
    private static readonly string[] LocalHosts = ["localhost", "127.0.0.1", "0.0.0.0"];

    /// <summary>The pass-through ports of the Micro Integrator (8290, 8253) and of Enterprise Integrator 6.x (8280, 8243), by default.</summary>
    private static readonly int[] ServerPorts = [8290, 8253, 8280, 8243];

    /// <summary>
    /// The APIs the Micro Integrator deploys, in input order: an API whose URL context and version are those of an API
    /// before it is refused (SB0504, naming both files) and mapped to the API that holds the context.
    /// </summary>
    public static (ImmutableArray<ApiSyntax> Deployed, Dictionary<ApiSyntax, ApiSyntax> Refused, Dictionary<ApiSyntax, string> Unparsed) DeployApis(IEnumerable<ApiSyntax> apis, DiagnosticBag? diagnostics)
    {
        var deployed = ImmutableArray.CreateBuilder<ApiSyntax>();
        var refused = new Dictionary<ApiSyntax, ApiSyntax>(ReferenceEqualityComparer.Instance);
        var unparsed = new Dictionary<ApiSyntax, string>(ReferenceEqualityComparer.Instance);
        var byContext = new Dictionary<(string Context, string Version), ApiSyntax>();
        foreach (var api in apis)
        {
            // APIFactory builds the resources before SynapseConfiguration.addAPI registers the context: an API whose
            // resource has a uri-template URITemplateHelper cannot parse fails there (SB0507) and holds no context.
            if (UnparsedTemplate(api) is { } failed)
            {
                var reason = $"the uri-template '{failed.Template}' does not parse ({failed.Problem})";
                unparsed[api] = reason;
                diagnostics?.Report(DiagnosticCatalog.ApiNotDeployable, failed.Resource.Location, api.Name, Path.GetFileName(api.Location.Path), reason);
                continue;
            }

            var key = (TrimTrailingSlashes(api.Context), StrategyVersion(api));
            if (byContext.TryGetValue(key, out var registered))
            {
                refused[api] = registered;
                diagnostics?.Report(
                    DiagnosticCatalog.ApiContextClash,
                    api.Location,
                    api.Name,
                    Path.GetFileName(api.Location.Path),
                    key.Item1,
                    key.Item2.Length > 0 ? $" and version '{key.Item2}'" : string.Empty,
                    registered.Name,
                    Path.GetFileName(registered.Location.Path));
                continue;
            }

            byContext[key] = api;
            deployed.Add(api);
        }

        return (deployed.ToImmutable(), refused, unparsed);
    }

    /// <summary>
    /// The first resource of <paramref name="api"/> whose uri-template the Micro Integrator cannot parse: ResourceFactory
    /// gives a resource a URITemplateHelper when its url-mapping is absent or empty and its uri-template is not empty.
    /// </summary>
    private static (ApiResourceSyntax Resource, string Template, string Problem)? UnparsedTemplate(ApiSyntax api)
    {
        foreach (var resource in api.Resources)
        {
            if (string.IsNullOrEmpty(resource.UrlMapping) && resource.UriTemplate is { Length: > 0 } template && UriTemplateCheck.Problem(template) is { } problem)
            {
                return (resource, template, problem);
            }
        }

        return null;
    }

    /// <summary>
    /// The proxy services and data services Axis2 refuses for a name a data service already has (SB0506, naming both
    /// files), each mapped to that data service: a data service whose name an earlier one has (DBDeployer.deploy), and a
    /// proxy whose name a data service has (AxisConfiguration.addServiceGroup; a Carbon Application deploys its data
    /// services before its proxies). Two proxies of one name are the symbol table's (SB0501).
    /// </summary>
    public static Dictionary<ArtifactSyntax, DataServiceSyntax> DeployServices(IEnumerable<DataServiceSyntax> dataServices, IEnumerable<ProxySyntax> proxies, DiagnosticBag? diagnostics)
    {
        var refused = new Dictionary<ArtifactSyntax, DataServiceSyntax>(ReferenceEqualityComparer.Instance);
        var byName = new Dictionary<string, DataServiceSyntax>(StringComparer.Ordinal);
        void Refuse(ArtifactSyntax artifact, DataServiceSyntax holder, string kind, string refusal)
        {
            refused[artifact] = holder;
            diagnostics?.Report(
                DiagnosticCatalog.ServiceNameClash,
                artifact.Location,
                kind,
                artifact.Name,
                FileName(artifact.Location.Path),
                "data service",
                FileName(holder.Location.Path),
                refusal);
        }

        foreach (var service in dataServices)
        {
            if (!byName.TryAdd(service.Name, service))
            {
                Refuse(service, byName[service.Name], "data service", $"Data Service name is already exists. Please choose different name for '{service.Name}' data service.");
            }
        }

        foreach (var proxy in proxies)
        {
            if (byName.TryGetValue(proxy.Name, out var holder))
            {
                Refuse(proxy, holder, "proxy service", $"Two services cannot have same name. A service with the {proxy.Name} name already exists in the system.");
            }
        }

        return refused;
    }

    /// <summary>
    /// The file a definition comes from, as a message names it: the file's name, or for an entry of a .car archive the
    /// archive's name and the entry (<c>App.car!/R_1.0.0/R-1.0.0.dbs</c>), which tells a built copy from its source.
    /// </summary>
    internal static string FileName(string path)
    {
        var bang = path.IndexOf("!/", StringComparison.Ordinal);
        return bang < 0 ? Path.GetFileName(path) : Path.GetFileName(path[..bang]) + path[bang..];
    }

    /// <summary>API.setContext: the context as written, without its surrounding spaces and trailing slashes (ApiUtils.trimTrailingSlashes).</summary>
    internal static string ApiContext(ApiSyntax api) => TrimTrailingSlashes(api.Context.Trim());

    /// <summary>ApiUtils.trimTrailingSlashes.</summary>
    private static string TrimTrailingSlashes(string context) => context.TrimEnd('/');

    /// <summary>
    /// The version addAPI compares (API.getVersion, the version strategy's): the version for version-type url or context
    /// (VersionStrategyFactory trims the type), empty for the default strategy (no version-type).
    /// </summary>
    private static string StrategyVersion(ApiSyntax api) =>
        api.VersionType?.Trim() is "url" or "context" ? api.Version ?? string.Empty : string.Empty;

    /// <summary>
    /// The path the Micro Integrator serves an API's resources under: its context with the version for version-type url
    /// (appended) or context (in place of <c>{version}</c>).
    /// </summary>
    private static string ApiPath(ApiSyntax api)
    {
        var context = ApiContext(api);
        var version = StrategyVersion(api);
        if (version.Length > 0)
        {
            context = api.VersionType!.Trim() == "context" ? context.Replace("{version}", version, StringComparison.Ordinal) : context + "/" + version;
        }

        return context.StartsWith('/') ? context : "/" + context;
    }

    /// <summary>
    /// The endpoint URLs of the input that call the Micro Integrator itself, by endpoint definition (an address or an http
    /// endpoint), each resolved to the proxy, data service or API of the input serving its path; one of the input is noted
    /// at the endpoint (SB0505).
    /// </summary>
    public static Dictionary<EndpointDefinitionSyntax, SelfCallTarget> SelfCalls(IEnumerable<ArtifactSyntax> artifacts, SymbolTable symbols, ImmutableArray<ApiSyntax> apis, DiagnosticBag? diagnostics)
    {
        var dataServices = new Dictionary<string, DataServiceSyntax>(StringComparer.Ordinal);
        foreach (var service in artifacts.OfType<DataServiceSyntax>())
        {
            dataServices.TryAdd(service.Name, service);
        }

        var found = new Dictionary<EndpointDefinitionSyntax, SelfCallTarget>(ReferenceEqualityComparer.Instance);
        var walker = new EndpointUrls();
        foreach (var artifact in artifacts)
        {
            walker.Walk(artifact);
        }

        foreach (var definition in walker.Definitions)
        {
            var url = definition switch
            {
                AddressEndpointSyntax address => address.Uri,
                HttpEndpointSyntax http => http.UriTemplate,
                _ => null,
            };
            if (url is null || found.ContainsKey(definition) || SelfPath(url) is not { } path)
            {
                continue;
            }

            var target = Resolve(url, path, symbols, dataServices, apis);
            found[definition] = target;
            if (target.Kind is not null)
            {
                diagnostics?.Report(DiagnosticCatalog.SelfCall, definition.Location, url, Authority(url), target.Kind, target.Name);
            }
        }

        return found;
    }

    /// <summary>The path (with its query) of a URL naming the Micro Integrator itself, or null for any other URL.</summary>
    public static string? SelfPath(string url)
    {
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return null;
        }

        if (!LocalHosts.Contains(uri.Host, StringComparer.OrdinalIgnoreCase) || !ServerPorts.Contains(uri.Port) || !uri.Authority.Contains(':', StringComparison.Ordinal))
        {
            return null;
        }

        // The path as written (Uri would unescape and normalise it), from the first '/' after the authority.
        var text = url.Trim();
        var start = text.IndexOf("//", StringComparison.Ordinal) + 2;
        var slash = text.IndexOfAny(['/', '?', '#'], start);
        return slash < 0 ? string.Empty : text[slash..];
    }

    /// <summary>The host and port part of a URL (<c>localhost:8290</c>), for the messages.</summary>
    public static string Authority(string url) => Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) ? uri.Authority : url;

    /// <summary>
    /// What serves a path of the Micro Integrator: under <c>/services/&lt;name&gt;</c> the proxy or data service of that name
    /// (Axis2's RequestURIBasedServiceDispatcher, before any API), or the one whose Axis2 endpoint it names
    /// (<c>P.PHttpSoap11Endpoint</c>: <see cref="Axis2EndpointPaths"/>; <c>D.SOAP11Endpoint</c>: <see cref="DataServiceEndpointPaths"/>), else the API whose path is the longest prefix of it at a segment boundary.
    /// </summary>
    private static SelfCallTarget Resolve(string url, string path, SymbolTable symbols, Dictionary<string, DataServiceSyntax> dataServices, ImmutableArray<ApiSyntax> apis)
    {
        var plain = path.Split('?', '#')[0];
        const string prefix = "/services/";
        if (plain.StartsWith(prefix, StringComparison.Ordinal))
        {
            var name = plain[prefix.Length..].Split('/')[0];

            // A data service first: a proxy with a data service's name is refused (SB0506), the data service served.
            if (dataServices.TryGetValue(name, out var service))
            {
                return new SelfCallTarget(url, path, "data service", name, service);
            }

            if (symbols.Proxy(name) is { } proxy)
            {
                return new SelfCallTarget(url, path, "proxy service", name, proxy);
            }

            // Only the names of the service's Axis2 endpoints over HTTP find it (a proxy's P.PHttpSoap11Endpoint, ..., a
            // data service's D.SOAP11Endpoint, ...): any other name after the dot (P.other, P.SOAP11Endpoint,
            // D.DHttpSoap11Endpoint) is no service or endpoint Axis2 knows.
            // A data service's whole "D.endpoint" name, as allEndpoints holds it (a service name may have a dot itself).
            if (dataServices.Values.FirstOrDefault(d => DataServiceEndpointPaths(d.Name, DataServiceTransports(d)).Contains(prefix + name, StringComparer.Ordinal)) is { } endpointService)
            {
                return new SelfCallTarget(url, path, "data service", endpointService.Name, endpointService);
            }

            var dot = name.IndexOf('.', StringComparison.Ordinal);
            var owner = dot > 0 ? name[..dot] : null;

            if (owner is not null && symbols.Proxy(owner) is { } endpointProxy
                && Axis2EndpointPaths(owner, endpointProxy.Transports, httpsListener: true).Contains(prefix + name, StringComparer.Ordinal))
            {
                return new SelfCallTarget(url, path, "proxy service", owner, endpointProxy);
            }
        }

        var api = apis
            .Select(a => (Api: a, Path: ApiPath(a)))
            .Where(a => a.Path == "/" || plain == a.Path || plain.StartsWith(a.Path + "/", StringComparison.Ordinal))
            .OrderByDescending(a => a.Path.Length)
            .Select(a => a.Api)
            .FirstOrDefault();
        return api is not null
            ? new SelfCallTarget(url, path, "API", api.Name, api)
            : new SelfCallTarget(url, path, null, null, null);
    }

    /// <summary>
    /// The Axis2 endpoint addresses the Micro Integrator also serves a proxy at: for each exposed HTTP transport,
    /// <c>/services/P.PHttpSoap11Endpoint</c>, <c>.PHttpSoap12Endpoint</c> and <c>.PHttpEndpoint</c> (<c>Https</c> for
    /// https), the names Axis2 gives the default endpoints of a service that has none (<c>AxisConfiguration.processEndpoints</c>
    /// calls <c>Utils.addEndpointsToService</c>: one set per exposed transport, every transport when
    /// <paramref name="transports"/> is empty), found by <c>AxisConfiguration.getService</c> through its map of endpoint
    /// names (<c>service.endpoint</c>) whatever listener the request came in on. Without an HTTPS listener
    /// (<paramref name="httpsListener"/> false) the <c>Https</c> names are given only for a service exposed on https alone.
    /// A data service has endpoints of its own, named otherwise: <see cref="DataServiceEndpointPaths"/>.
    /// </summary>
    internal static ImmutableArray<string> Axis2EndpointPaths(string name, IReadOnlyCollection<string> transports, bool httpsListener) =>
        EndpointPaths(transports, httpsListener, [(Http: $"{name}.{name}Http", Https: $"{name}.{name}Https", Suffixes: ["Soap11Endpoint", "Soap12Endpoint", "Endpoint"])]);

    /// <summary>
    /// The Axis2 endpoint addresses the Micro Integrator also serves a data service at: DBDeployer.createDefaultEndpoints
    /// gives it endpoints for every transport listener of the server (<c>axisConfig.getTransportsIn()</c>), whatever
    /// transports the service is exposed on (<c>setExposedTransports</c> removes none): <c>/services/D.SOAP11Endpoint</c>,
    /// <c>.SOAP12Endpoint</c> and <c>.HTTPEndpoint</c> for http, the same with <c>Secure</c> before them for https
    /// (WSDL2Constants.DEFAULT_HTTPS_PREFIX), and <c>.VFSSOAP11Endpoint</c>, <c>.VFSSOAP12Endpoint</c> for the VFS
    /// listener a default server has (another transport's, enabled in deployment.toml, are not served here).
    /// <c>AxisConfiguration.getService</c> finds each through its map of endpoint names on any listener the service is
    /// exposed on (DispatchPhase.validateTransport checks the listener, not the name). As the service has endpoints,
    /// Axis2 gives it none of the proxy-style names (<c>D.DHttpSoap11Endpoint</c>: <see cref="Axis2EndpointPaths"/>).
    /// None for a service exposed on neither http nor https: no HTTP request reaches it.
    /// </summary>
    internal static ImmutableArray<string> DataServiceEndpointPaths(string name, IReadOnlyCollection<string> transports) =>
        transports.Count > 0 && !transports.Contains("http", StringComparer.Ordinal) && !transports.Contains("https", StringComparer.Ordinal)
            ? []
            : [.. new[] { "", "Secure", "VFS" }.SelectMany(prefix => (prefix == "VFS" ? ["SOAP11Endpoint", "SOAP12Endpoint"] : new[] { "SOAP11Endpoint", "SOAP12Endpoint", "HTTPEndpoint" })
                .Select(suffix => $"/services/{name}.{prefix}{suffix}"))];

    private static ImmutableArray<string> EndpointPaths(IReadOnlyCollection<string> transports, bool httpsListener, (string Http, string Https, string[] Suffixes)[] names)
    {
        var paths = ImmutableArray.CreateBuilder<string>();
        var http = transports.Count == 0 || transports.Contains("http", StringComparer.Ordinal);
        var https = transports.Count == 0 || transports.Contains("https", StringComparer.Ordinal);
        foreach (var (httpName, httpsName, suffixes) in names)
        {
            foreach (var (exposed, prefix) in new[] { (http, httpName), (https && (httpsListener || !http), httpsName) })
            {
                if (exposed)
                {
                    foreach (var suffix in suffixes)
                    {
                        paths.Add($"/services/{prefix}{suffix}");
                    }
                }
            }
        }

        return paths.ToImmutable();
    }

    /// <summary>The transports a data service is exposed on (its <c>transports</c> attribute); empty: every one.</summary>
    internal static string[] DataServiceTransports(DataServiceSyntax service) =>
        service.OtherAttributes.FirstOrDefault(a => a.Name == "transports")?.Value.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries) ?? [];

    /// <summary>Every endpoint definition of an artifact, inline or named, nested in groups.</summary>
    private sealed class EndpointUrls : SyntaxWalker
    {
        public List<EndpointDefinitionSyntax> Definitions { get; } = new();

        protected override void OnEndpoint(EndpointSyntax endpoint)
        {
            if (endpoint.Definition is AddressEndpointSyntax or HttpEndpointSyntax)
            {
                Definitions.Add(endpoint.Definition);
            }
        }
    }
}
