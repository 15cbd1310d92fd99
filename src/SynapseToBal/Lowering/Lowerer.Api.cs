using System.Collections.Immutable;
using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Semantics;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

public sealed partial class Lowerer
{
    private static readonly string[] AllMethods = ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"];

    /// <summary>
    /// An API becomes one service on every listener, or, when some of its resources name a <c>protocol</c> and the package
    /// has an HTTPS listener, one service per listener holding the resources the Micro Integrator dispatches to over that
    /// transport: Resource.canProcess refuses a request whose incoming transport is not the resource's protocol, before
    /// the path is matched (ApiUtils.getAcceptableResources), so the request goes to another resource or to none.
    /// </summary>
    private IEnumerable<ServiceIr> LowerApi(ApiSyntax api)
    {
        if (ServiceAtContext(api) is { } shadow)
        {
            // IntegratorStatefulHandler gives a request under /services/<name> to the proxy or data service of that name
            // (RequestURIBasedServiceDispatcher); the APIs only see requests no Axis2 service takes.
            _diagnostics.Report(DiagnosticCatalog.ApiBehindService, api.Location, api.Name, ApiBasePath(api), shadow.Kind, shadow.Name);
            return [];
        }

        var service = LowerApiService(api);

        // An API's transports="http" or "https" (APIFactory: nothing else deploys) is checked before its resources'
        // protocols (API.canProcess): the API is answered over that transport only, and a resource naming the other is
        // never dispatched to.
        if (api.Transports is "http" or "https" && (_httpsListener is not null || api.Transports == "https"))
        {
            var other = api.Transports == "http" ? "https" : "http";
            foreach (var unreachable in service.Resources.Where(r => Resource(r).Protocol == other))
            {
                _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, unreachable.Origin.Location, "resource", $"protocol=\"{other}\"",
                    $"the API is answered over {api.Transports} only (transports=\"{api.Transports}\"), so the Micro Integrator never dispatches to this resource; it is not generated");
            }

            var served = WithFilters(service.Resources.Where(r => Resource(r).Protocol != other).ToImmutableArray(), service.Resources, report: false);
            return served.IsEmpty ? [] : [service with { Resources = served, HttpOnly = api.Transports == "http", HttpsOnly = api.Transports == "https", OnHttps = api.Transports == "https", Unmatched = Unmatched(served, service.Resources) }];
        }

        if (_httpsListener is null || !service.Resources.Any(r => Resource(r).Protocol is "http" or "https"))
        {
            return [service];
        }

        var overHttp = WithFilters(service.Resources.Where(r => Resource(r).Protocol is not "https").ToImmutableArray(), service.Resources, report: false);
        var overHttps = WithFilters(service.Resources.Where(r => Resource(r).Protocol is not "http").ToImmutableArray(), service.Resources, report: false);
        // A transport none of the resources is served on still reaches the API (its transports allow it): the Micro
        // Integrator answers each request there as not found, not allowed or refused (400), so the service has the
        // default resource alone.
        return
        [
            service with { Resources = overHttp, HttpOnly = true, Unmatched = Unmatched(overHttp, service.Resources) },
            service with { Resources = overHttps, HttpsOnly = true, OnHttps = true, Unmatched = Unmatched(overHttps, service.Resources) },
        ];
    }

    /// <summary>
    /// The proxy service or data service whose address (<c>/services/&lt;name&gt;</c>) the API's context is, or is under,
    /// or null: the Micro Integrator dispatches those requests to that service, never to the API.
    /// </summary>
    private (string Kind, string Name)? ServiceAtContext(ApiSyntax api)
    {
        const string prefix = "/services/";
        var context = ApiBasePath(api);
        if (!context.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var name = context[prefix.Length..].Split('/')[0];
        if (name.Length == 0)
        {
            return null;
        }

        if (_model.Symbols.Proxy(name) is not null)
        {
            return ("proxy service", name);
        }

        return _model.Artifacts.OfType<DataServiceSyntax>().Any(d => d.Name == name) ? ("data service", name) : null;
    }

    private ServiceIr LowerApiService(ApiSyntax api)
    {
        var basePath = ApiBasePath(api);
        var resources = new List<ResourceIr>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        _apiFlows = PlanApiFlows(api);
        _queryGrouped = QueryGroups(api);
        foreach (var resource in api.Resources)
        {
            _currentResource = resource;
            foreach (var lowered in LowerResource(api, resource))
            {
                var key = lowered.Accessor + " " + string.Join('/', lowered.Path.Select(SegmentKey));
                if (seen.TryGetValue(key, out var index))
                {
                    // Ballerina rejects two resources with the same method and path. Synapse tries url-mappings first,
                    // then uri-templates in order, then the default resource: the one it would pick stays.
                    var earlier = resources[index];
                    var (winner, loser) = DispatchRank(Resource(lowered)) < DispatchRank(Resource(earlier)) ? (lowered, earlier) : (earlier, lowered);
                    resources[index] = winner;

                    // The last resource tried for this method and path so far: the first one, or the last alternative
                    // chained after it.
                    var last = resources.LastOrDefault(r => r.Skipped is null && ReferenceEquals(r.AlternativeOf, winner.Origin) && r.Accessor == winner.Accessor) ?? winner;
                    if (!DispatchChecked(winner) || Resource(winner).UriTemplate is null || !DispatchChecked(last))
                    {
                        // A resource tried before matches every request of this method and path (its uri-template has no
                        // query, or one whose match is not reproduced, and no literal text around a variable), so the
                        // Micro Integrator never gets to this one.
                        _diagnostics.Report(DiagnosticCatalog.DispatchOrder, loser.Origin.Location, loser.Summary, DescribeResource(Resource(last)), "this one never runs, so it is not generated");
                        resources.Add(loser with
                        {
                            Skipped = new NotTranslatedIr(DiagnosticCatalog.DispatchOrder, $"{loser.Summary} has the method and path of {DescribeResource(Resource(last))}, which Synapse tries first and which matches any query, so this one never runs:"),
                        });
                    }
                    else if (Resource(loser).UriTemplate is { } loserTemplate && (loser.QueryPattern is not null || !loserTemplate.Contains('?', StringComparison.Ordinal)))
                    {
                        // URITemplateBasedDispatcher tries the templates in declaration order, query and the literal text
                        // around the variables included: this one gets the requests its template matches and not the ones before. Ballerina takes one
                        // resource per method and path: it is written in the first one's function, tried when the
                        // queries before it do not match (its flow reads the path variables from uri.var.*).
                        resources.Add(loser with { AlternativeOf = winner.Origin });
                    }
                    else
                    {
                        // A query this check does not reproduce (SB0299 already says so): trying it here would run it for
                        // any query.
                        var why = $"Ballerina allows one resource per method and path, and '{DescribeResource(Resource(winner))}' has this one's; the Micro Integrator runs this one for the requests whose query matches its uri-template and not those of the resources before it, but its query is not checked here, so those requests get 404: merge it into that resource by hand";
                        _diagnostics.Report(DiagnosticCatalog.ResourceQueryNotMatched, loser.Origin.Location, loser.Summary, Resource(loser).UriTemplate is { } t && t.IndexOf('?', StringComparison.Ordinal) is >= 0 and var q ? t[(q + 1)..] : string.Empty, why);
                        resources.Add(loser with { Skipped = new NotTranslatedIr(DiagnosticCatalog.ResourceQueryNotMatched, $"{loser.Summary}: {why}:") });
                    }

                    continue;
                }

                seen[key] = resources.Count;
                resources.Add(lowered);
            }
        }

        _apiFlows = null;
        _currentResource = null;
        _queryGrouped = [];

        ReportQueryFallbacks(api, resources);
        foreach (var listed in resources.Where(r => r.Skipped is null && r.Accessor == "options" && r.AlternativeOf is null))
        {
            // Resource.sendOptions runs the flow of a resource that lists OPTIONS, but answers itself a request with
            // Max-Forwards: 0 and decrements a larger one first.
            _diagnostics.Report(DiagnosticCatalog.OptionsNotReproduced, listed.Origin.Location, listed.Summary,
                $"the Micro Integrator answers a request with Max-Forwards: 0 itself (Allow: '{SupportedMethods(HttpMethods(Resource(listed)))}') and runs the flow with Max-Forwards decremented for a larger one; the generated resource runs the flow for every OPTIONS request of its path, the header as received");
        }

        foreach (var (shadowed, by) in ReportDispatchDifferences(resources.Where(r => r.Skipped is null && r.AlternativeOf is null).ToList(), resources))
        {
            // Every request of this resource matches one tried before it, so the Micro Integrator never runs it; left
            // out, Ballerina's dispatch sends those requests to that resource too (its path variables take the text).
            var index = resources.IndexOf(shadowed);
            resources[index] = shadowed with
            {
                Skipped = Resource(by).UrlMapping is not null
                    ? new NotTranslatedIr(DiagnosticCatalog.ShadowedByUrlMapping, $"{shadowed.Summary} is never run: Synapse tries the url-mapping resources first, and {by.Summary} matches every request of this one; it is left out, and its requests reach that resource as in the Micro Integrator:")
                    : new NotTranslatedIr(DiagnosticCatalog.DispatchOrder, $"{shadowed.Summary} is declared after {DescribeResource(Resource(by))}, whose uri-template matches every request of this one, and Synapse tries resources in declaration order, so this one never runs: it is left out, and its requests reach that resource as in the Micro Integrator:"),
            };
        }

        if (api.HandlersXml is not null)
        {
            _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, api.Location, "api", "handlers", "API handlers need hand translation (Ballerina interceptors)");
        }

        ReportAnalytics(api.Statistics, api.Trace, api.Location, "api", $"API '{api.Name}'");

        var versionType = api.VersionType?.ToLowerInvariant();
        // API.canProcess refuses a request whose Host header does not name the API's hostname (host part, exact) or port
        // (the header's, else 80 or 443 by the incoming transport), and one without a Host header: the API is then not
        // dispatched to at all, so another API with the same context or, when none takes it, the main sequence answers it.
        const string hostRefusal = "the Micro Integrator dispatches to this API only a request whose Host header names it (API.canProcess: the host part exactly; the port, or 80/443 by transport when the header has none), and leaves any other to the other APIs of the context or the main sequence; the generated service answers every request on its listener; check the Host header in the resources by hand";
        foreach (var (attribute, value) in new[] { ("hostname", api.HostName), ("port", api.Port) })
        {
            if (value is not null)
            {
                _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, api.Location, "api", attribute, hostRefusal);
            }
        }

        foreach (var setting in new[]
        {
            ("binds-to", api.BindsTo.IsEmpty ? null : string.Join(",", api.BindsTo)),
            ("version-type", versionType is null or "context" or "url" ? null : api.VersionType),
        })
        {
            if (setting.Item2 is not null)
            {
                _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, api.Location, "api", setting.Item1, "the generated service (one shared listener) does not apply it; add it by hand");
            }
        }

        return new ServiceIr(ServiceKind.Api, api.Name, basePath, WithFilters(resources.ToImmutableArray(), resources, report: true), api, api.Location.Path)
        {
            RestApiName = RestApiName(api),
            RestApiContext = RestVersionType(api) is not null ? ServiceAddresses.ApiContext(api) : null,
            RestApiVersion = RestVersionType(api) is not null ? api.Version : null,
            RestApiVersionType = RestVersionType(api),
            Unmatched = Unmatched(resources, resources),
        };
    }

    /// <summary>The resources of the API being lowered that share a method and path with another uri-template resource, one of them with a query (<see cref="QueryGroups"/>).</summary>
    private HashSet<ApiResourceSyntax> _queryGrouped = [];

    /// <summary>
    /// The uri-template resources of an API that share a method and a Ballerina path with another uri-template resource
    /// of it, one of them with a query: the Micro Integrator tries them in declaration order, and the generated code
    /// tries them in one resource function (each one's flow a function reading its path variables from uri.var.*).
    /// </summary>
    private static HashSet<ApiResourceSyntax> QueryGroups(ApiSyntax api)
    {
        var groups = new Dictionary<string, List<ApiResourceSyntax>>(StringComparer.Ordinal);
        foreach (var resource in api.Resources)
        {
            if (TemplatePathKey(resource) is not { } key)
            {
                continue;
            }

            var methods = resource.Methods.Where(m => AllMethods.Contains(m)).Select(m => m.ToLowerInvariant()).ToList();
            foreach (var accessor in methods.Count == 0 ? ["default"] : methods)
            {
                var group = groups.TryGetValue(accessor + " " + key, out var list) ? list : groups[accessor + " " + key] = [];
                group.Add(resource);
            }
        }

        // Tried in turn: from the first, up to the first one that takes any query (no query, or one whose match is not
        // reproduced); those after it are never reached (SB0211).
        var grouped = new HashSet<ApiResourceSyntax>();
        foreach (var group in groups.Values)
        {
            var tried = new List<ApiResourceSyntax>();
            foreach (var resource in group)
            {
                tried.Add(resource);
                if (!QueryChecked(resource) && !HasSegmentText(resource))
                {
                    break;
                }
            }

            if (tried.Count > 1)
            {
                grouped.UnionWith(tried);
            }
        }

        return grouped;
    }

    /// <summary>
    /// Whether a resource's uri-template has a path segment with literal text around its variable (<c>{id}.json</c>,
    /// <c>x{id}</c>) or ends its path with a literal longer than <c>*</c> ending with <c>*</c> (<c>/a/b*</c>), which the
    /// generated resource checks (<c>templateSegmentValue</c>).
    /// </summary>
    private static bool HasSegmentText(ApiResourceSyntax resource)
    {
        if (resource.UriTemplate is not { } template)
        {
            return false;
        }

        var q = template.IndexOf('?', StringComparison.Ordinal);
        var segments = (q >= 0 ? template[..q] : template).Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments.Any(segment => segment.Contains('{', StringComparison.Ordinal) && !(segment.StartsWith('{') && segment.EndsWith('}') && segment.IndexOf('}', StringComparison.Ordinal) == segment.Length - 1))
            || TrailingStarLiteral(template) is { Prefix.Length: > 0 };
    }

    /// <summary>
    /// A uri-template's last literal ending with <c>*</c> when the template has no query (<c>/a/b*</c>, <c>/files/*</c>),
    /// which Literal.match compares by the text before the <c>*</c> and lets take the rest of the path: its segment's
    /// index and that text (<c>b</c>, or empty for a lone <c>*</c>); null for any other template.
    /// </summary>
    private static (int Index, string Prefix)? TrailingStarLiteral(string template) =>
        !template.Contains('?', StringComparison.Ordinal)
        && template.Split('/', StringSplitOptions.RemoveEmptyEntries) is [.., { } last] raws
        && last.EndsWith('*') && !last.Contains('{', StringComparison.Ordinal)
            ? (raws.Length - 1, last[..^1])
            : null;

    /// <summary>
    /// Whether the generated resource takes only some of the requests of its method and path, as its uri-template does:
    /// it checks a query (<see cref="ResourceIr.QueryPattern"/>), literal text around a variable (a segment's prefix or
    /// suffix) or the text a last literal ending with <c>*</c> starts its segment with (<c>/a/b*</c>: <c>/a/c*</c> has
    /// the same Ballerina path and is tried after it, as URITemplateBasedDispatcher tries both).
    /// </summary>
    private static bool DispatchChecked(ResourceIr resource) =>
        resource.QueryPattern is not null || resource.Path.Any(s => s is PathSegmentIr.Param p && (p.Prefix.Length > 0 || p.Suffix.Length > 0));

    /// <summary>Whether a resource's uri-template has a query the generated resource checks (<see cref="QueryPattern"/>).</summary>
    private static bool QueryChecked(ApiResourceSyntax resource)
    {
        var template = resource.UriTemplate is { } t && t != "/" && t.EndsWith('/') ? t[..^1] : resource.UriTemplate;
        return template?.IndexOf('?', StringComparison.Ordinal) is >= 0 and var mark && QueryPattern(template[(mark + 1)..], out _) is not null;
    }

    /// <summary>The Ballerina path a uri-template becomes, as a key (<see cref="SegmentKey"/>), or null for another resource.</summary>
    private static string? TemplatePathKey(ApiResourceSyntax resource)
    {
        if (resource.UriTemplate is not { } template)
        {
            return null;
        }

        var q = template.IndexOf('?', StringComparison.Ordinal);
        var parts = new List<string>();
        var raws = (q >= 0 ? template[..q] : template).Split('/', StringSplitOptions.RemoveEmptyEntries);
        foreach (var raw in raws)
        {
            if (raw.StartsWith("{+", StringComparison.Ordinal) && raw.EndsWith('}'))
            {
                parts.Add("**");
                break;
            }

            // A last literal or segment ending with '*' takes the rest of the path when the template has no query
            // (ResourcePath): "*" is a rest parameter, "b*" and "{id}*" a segment and a rest parameter.
            if (q < 0 && ReferenceEquals(raw, raws[^1]) && raw.EndsWith('*'))
            {
                parts.Add(raw.Length > 1 ? "{}/**" : "**");
                break;
            }

            parts.Add(raw.Contains('{', StringComparison.Ordinal) ? "{}" : Uri.UnescapeDataString(raw));
        }

        return string.Join('/', parts);
    }

    /// <summary>
    /// A resource whose query is checked answers a request the query does not match (nor those of the resources
    /// chained after it) with resourceNotFound (or the <c>_resource_mismatch_handler_</c> sequence). API.process tries
    /// every resource of the method in turn (url-mappings, then the uri-templates in declaration order, then the
    /// default resource): when another resource of the method could take such a request (its path covers this one's),
    /// the Micro Integrator may run it instead (SB0299).
    /// </summary>
    private void ReportQueryFallbacks(ApiSyntax api, List<ResourceIr> resources)
    {
        var reported = new HashSet<ISyntaxNode>(ReferenceEqualityComparer.Instance);
        foreach (var first in resources.Where(r => r.Skipped is null && r.AlternativeOf is null && r.QueryPattern is not null).ToList())
        {
            var chain = resources.Where(r => r.Skipped is null && r.Accessor == first.Accessor && ReferenceEquals(r.AlternativeOf, first.Origin)).Prepend(first).ToList();
            if (chain.Any(r => r.QueryPattern is null) || !reported.Add(first.Origin))
            {
                // The chain ends with a resource that takes any query, or the report was made for another method of this resource.
                continue;
            }

            var origins = chain.Select(r => r.Origin).ToHashSet(ReferenceEqualityComparer.Instance);
            var resource = Resource(first);
            var mayTake = api.Resources
                .Where(other => !origins.Contains(other) && SharesMethod(other, resource) && CouldTakePath(other, resource))
                .ToList();
            if (mayTake.Count == 0)
            {
                continue;
            }

            var withFallback = false;
            foreach (var (refusing, index) in resources.Select((r, i) => (r, i)).Where(p => ReferenceEquals(p.r.Origin, first.Origin) && p.r.Skipped is null && p.r.AlternativeOf is null && p.r.QueryPattern is not null).ToList())
            {
                // The default resource alone may take what the query refuses: the refused request runs it, as DefaultDispatcher does.
                if (DefaultFallback(refusing, resources, mayTake) is { } fallback)
                {
                    resources[index] = refusing with { Fallback = fallback };
                    withFallback = true;
                }
            }

            if (withFallback && resources.Where(r => ReferenceEquals(r.Origin, first.Origin) && r.Skipped is null && r.AlternativeOf is null && r.QueryPattern is not null).All(r => r.Fallback is not null))
            {
                continue;
            }

            var others = mayTake.Select(other => other.UriTemplate ?? other.UrlMapping ?? "(default)").ToList();

            var summary = $"{(resource.Methods.IsEmpty ? "ANY" : string.Join(',', resource.Methods))} {api.Context.TrimEnd('/')}{resource.UriTemplate}";
            var answer = _model.Symbols.Sequence(MismatchHandler) is not null ? "runs the _resource_mismatch_handler_ sequence here" : "answers 404 here (resourceNotFound)";
            var tried = chain.Count > 1 ? $" (nor those of the resources of this method and path tried after it: {string.Join(", ", chain.Skip(1).Select(r => $"'{Resource(r).UriTemplate}'"))})" : string.Empty;
            _diagnostics.Report(DiagnosticCatalog.ResourceQueryNotMatched, resource.Location, summary, first.QueryTemplate ?? string.Empty,
                $"a request of this path whose query it does not match{tried} {answer}, where the Micro Integrator tries the API's other resources of the method whose path may take it ({string.Join(", ", others.Select(o => $"'{o}'"))}) and runs the first that matches it");
        }
    }

    /// <summary>
    /// Whether a resource's path may match a request the uri-template of <paramref name="resource"/> matches (path only):
    /// the default resource and a url-mapping ending with <c>/*</c> over a prefix of it always may; a uri-template when
    /// each segment is a variable, one of the resource's variables or the same text, or a <c>{+x}</c> takes the rest.
    /// </summary>
    private static bool CouldTakePath(ApiResourceSyntax other, ApiResourceSyntax resource)
    {
        var path = TemplatePathKey(resource)!.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (other.UriTemplate is null && other.UrlMapping is null)
        {
            return true;
        }

        string[] pattern;
        var wildcard = false;
        if (other.UrlMapping is { } mapping)
        {
            mapping = mapping.Trim();
            if (mapping == "*" || mapping == "/*" || mapping.StartsWith("*.", StringComparison.Ordinal))
            {
                return true;
            }

            wildcard = mapping.EndsWith("/*", StringComparison.Ordinal);
            pattern = (wildcard ? mapping[..^2] : mapping).Split('/', StringSplitOptions.RemoveEmptyEntries);
        }
        else
        {
            pattern = TemplatePathKey(other)!.Split('/', StringSplitOptions.RemoveEmptyEntries);
            if (pattern.Length > 0 && pattern[^1] == "**")
            {
                wildcard = true;
                pattern = pattern[..^1];
            }
        }

        if (path.Contains("**"))
        {
            // The resource takes a path of any depth after its {+x}: another may take some of them.
            return true;
        }

        if (wildcard ? path.Length < pattern.Length : path.Length != pattern.Length)
        {
            return false;
        }

        // A last literal ending with '*' ("/logs*") takes only a segment that starts with its text (Literal.match).
        if (other.UriTemplate is { } otherTemplate && TrailingStarLiteral(otherTemplate) is { Prefix.Length: > 0 } star
            && star.Index < path.Length && path[star.Index] is var taken && taken != "{}"
            && !taken.StartsWith(Uri.UnescapeDataString(star.Prefix), StringComparison.Ordinal))
        {
            return false;
        }

        return pattern.Select((segment, index) => segment == "{}" || path[index] == "{}" || segment == path[index]).All(ok => ok);
    }

    /// <summary>
    /// Whether a resource is the API's default resource (neither uri-template nor url-mapping: Resource has no
    /// DispatcherHelper, and DefaultDispatcher takes it for any path once the other dispatchers found nothing) and another
    /// resource of the API may refuse a request of its path (a uri-template with a query, a content-type or a user-agent),
    /// which the Micro Integrator then may dispatch to it (<see cref="DefaultFallback"/>): its flow becomes a function.
    /// </summary>
    private static bool MayBeFallback(ApiSyntax api, ApiResourceSyntax resource) =>
        IsDefaultResource(resource) && string.IsNullOrEmpty(resource.Protocol) && resource.ContentType is null && resource.UserAgent is null && resource.BindsTo.IsEmpty
        && api.Resources.Any(other => !ReferenceEquals(other, resource) && (other.UriTemplate?.Contains('?', StringComparison.Ordinal) == true || other.ContentType is not null || other.UserAgent is not null));

    /// <summary>The API's default resource: neither uri-template nor url-mapping (APIFactory deploys at most one).</summary>
    private static bool IsDefaultResource(ApiResourceSyntax resource) => resource.UriTemplate is null && resource.UrlMapping is null;

    /// <summary>
    /// The API's default resource as the fallback of <paramref name="refusing"/> (<see cref="ResourceIr.Fallback"/>),
    /// when it is the only resource of the API that may take a request <paramref name="refusing"/> refuses: API.process
    /// tries the url-mapping resources, then the uri-templates, then DefaultDispatcher's default resource, each among the
    /// resources Resource.canProcess accepts (ApiUtils.getAcceptableResources); null when another resource of the method
    /// may take the path (<paramref name="mayTake"/> names more than the default resource), when the default resource does
    /// not take the method, or when it has conditions of its own (protocol, content-type, user-agent, binds-to).
    /// </summary>
    private static DefaultFallbackIr? DefaultFallback(ResourceIr refusing, IReadOnlyList<ResourceIr> resources, IEnumerable<ISyntaxNode> mayTake)
    {
        var candidates = mayTake.Distinct(ReferenceEqualityComparer.Instance).ToList();
        if (candidates is not [ApiResourceSyntax fallback] || !IsDefaultResource(fallback))
        {
            return null;
        }

        var served = resources.FirstOrDefault(r => ReferenceEquals(r.Origin, fallback) && r.Skipped is null && r.AlternativeOf is null
            && (r.Accessor == refusing.Accessor || (r.Accessor == "default" && refusing.Accessor != "options")));
        return served is { Filter: null, Body: [ContinueWithStep { Origin: null, Function: { } flow }] } && string.IsNullOrEmpty(fallback.Protocol) && fallback.BindsTo.IsEmpty
            ? new DefaultFallbackIr(flow, served.Cors)
            : null;
    }

    private const string MismatchHandler = "_resource_mismatch_handler_";

    private const string MethodNotAllowedHandler = "_method_not_allowed_handler_";

    private readonly Dictionary<string, Symbol?> _handlerFlows = new(StringComparer.Ordinal);

    /// <summary>
    /// The function running the sequence the Micro Integrator runs for a request no resource of an API takes
    /// (API.handleResourceNotFound: <c>_resource_mismatch_handler_</c>; API.handleMethodNotAllowed:
    /// <c>_method_not_allowed_handler_</c>), or null when the project has no such sequence (the Micro Integrator then
    /// answers 404, or 405, with no body). The sequence runs as a resource's in flow would (synCtx.getSequence, then
    /// mediate, no status set): when it ends without answering, the client gets 202 as after any flow (SB0215).
    /// </summary>
    private Symbol? HandlerFlow(string name)
    {
        if (_handlerFlows.TryGetValue(name, out var known))
        {
            return known;
        }

        Symbol? flow = null;
        if (_model.Symbols.Sequence(name) is { } sequence && _sequenceFunctions.TryGetValue(name, out var function))
        {
            flow = _symbols.Module(SymbolKind.Function, name == MismatchHandler ? "run resource mismatch handler" : "run method not allowed handler");
            var fault = GlobalFaultFunction();
            var body = WithFallThrough([new InvokeStep(null, function, _model.SequenceFacts(name).CanAnswer)], sequence.Location);
            var what = name == MismatchHandler ? "none of its resources takes (API.handleResourceNotFound)" : "whose method none of its resources takes, when some resource's path matches (API.handleMethodNotAllowed)";
            _functions.Add(new FunctionIr(flow, FunctionKind.InFlow, true, body, $"Runs the '{name}' sequence, as the Micro Integrator does for a request to an API {what}.", sequence.Location) { FaultFunction = fault });
        }

        _handlerFlows[name] = flow;
        return flow;
    }

    /// <summary>
    /// What the API's service answers the requests none of its resources takes (<see cref="UnmatchedIr"/>): the handler
    /// sequences' functions where the project has them, else 404 or 405 with no body. <paramref name="resources"/> are the
    /// service's, <paramref name="all"/> the API's: when the service leaves some out by protocol, the first resource whose
    /// path matches decides between 405 and 400 (<see cref="UnmatchedIr.FirstMatch"/>).
    /// </summary>
    private UnmatchedIr Unmatched(IReadOnlyList<ResourceIr> resources, IReadOnlyList<ResourceIr> all)
    {
        var notFound = HandlerFlow(MismatchHandler);
        var notAllowed = HandlerFlow(MethodNotAllowedHandler);

        // Resource.canProcess takes OPTIONS whatever the resource's methods, and any method when it names none.
        var served = resources.Where(r => r.Skipped is null).ToList();
        // A service without resources (all of the API's are on the other transport) takes no method, OPTIONS included.
        var methods = served.Any(r => r.Accessor == "default")
            ? ImmutableArray<string>.Empty
            : served.Select(r => r.Accessor.ToUpperInvariant()).Concat(served.Count > 0 ? ["OPTIONS"] : []).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToImmutableArray();
        // URITemplateBasedDispatcher matches a uri-template's query with its path: a path whose resources all have one
        // matches only a request whose query matches one of theirs (the alternatives chained after a resource included).
        var paths = served
            .GroupBy(r => string.Join('/', r.Path.Select(s => s is PathSegmentIr.Param p ? $"{p.Prefix}{{}}{p.Suffix}" : SegmentKey(s))), StringComparer.Ordinal)
            .SelectMany(g => g.Any(r => r.QueryPattern is null)
                ? [new DispatchPathIr(g.First().Path, [])]
                : g.Select(r => r.QueryPattern).Distinct(StringComparer.Ordinal).Select(q => new DispatchPathIr(g.First().Path, []) { QueryPattern = q }))
            .ToImmutableArray();
        var catchall = !served.Any(r => r.Accessor == "default" && r.Path is [PathSegmentIr.Rest]);
        return new UnmatchedIr(notFound, notAllowed, methods, paths, catchall) { FirstMatch = FirstMatch(resources, all), Options = Options(served) };
    }

    /// <summary>
    /// How the service answers OPTIONS (<see cref="OptionsIr"/>): an <c>options</c> resource at each path of its resources
    /// that has none (the http module would answer 204 there itself), over the service's resources in the order the
    /// dispatchers try them for OPTIONS: url-mappings, uri-templates, the default resource, and within each those whose
    /// only method is OPTIONS first (ApiUtils.getAcceptableResources), each in declaration order. Null without resources.
    /// </summary>
    private OptionsIr? Options(IReadOnlyList<ResourceIr> served)
    {
        var paths = served.Where(r => r.AlternativeOf is null)
            .GroupBy(r => string.Join('/', r.Path.Select(SegmentKey)), StringComparer.Ordinal)
            .Where(g => !g.Any(r => r.Accessor == "options"))
            .Select(g => g.First().Path)
            .ToImmutableArray();
        if (paths.IsEmpty)
        {
            return null;
        }

        var order = served
            .DistinctBy(r => r.Origin, ReferenceEqualityComparer.Instance)
            .Select((r, index) => (Resource: r, Index: index, Methods: HttpMethods(Resource(r))))
            .OrderBy(x => DispatchRank(Resource(x.Resource)))
            .ThenBy(x => x.Methods is ["OPTIONS"] ? 0 : 1)
            .ThenBy(x => x.Index)
            .Select(x => new OptionsMatchIr(x.Resource.Path, x.Resource.QueryPattern, SupportedMethods(x.Methods)))
            .ToImmutableArray();
        _cors ??= CorsConfigurables();
        return new OptionsIr(paths, order, _cors);
    }

    /// <summary>The methods a resource lists that Resource.addMethod takes, each once, in the order written.</summary>
    private static ImmutableArray<string> HttpMethods(ApiResourceSyntax resource) =>
        resource.Methods.Where(m => AllMethods.Contains(m)).Distinct(StringComparer.Ordinal).ToImmutableArray();

    /// <summary>
    /// Resource.getSupportedMethods, the <c>Allow</c> of an OPTIONS answer: the resource's methods but OPTIONS, joined
    /// with ", " in the order its <c>HashSet</c> of initial capacity 4 iterates them; "GET, POST, PUT, DELETE"
    /// (REST_ALL_SUPPORTED_METHODS) for a resource without methods.
    /// </summary>
    internal static string SupportedMethods(IReadOnlyList<string> methods) =>
        methods.Count == 0
            ? "GET, POST, PUT, DELETE"
            : string.Join(", ", JavaHashMapOrder(methods, m => m, JavaHashSetBuckets(methods.Count, initialCapacity: 4)).Where(m => m != "OPTIONS"));

    /// <summary>The CORS settings of the Micro Integrator the OPTIONS answers follow, made once per package.</summary>
    private CorsSettingsIr? _cors;

    private CorsSettingsIr CorsConfigurables()
    {
        const string where = "the Micro Integrator reads it from synapse.properties ([synapse_properties] of deployment.toml)";
        var enabled = _symbols.Module(SymbolKind.Configurable, "cors enabled");
        var origins = _symbols.Module(SymbolKind.Configurable, "cors allowed origins");
        var headers = _symbols.Module(SymbolKind.Configurable, "cors allowed headers");
        _configurables.Add(new ConfigurableIr(enabled, ConfigurableType.Boolean, "true", $"Whether the APIs' answers carry CORS headers (synapse.rest.CORSConfig.enabled; {where}, true when it is not set): with it, an OPTIONS request whose Origin is not allowed is answered 403.", Secret: false));
        _configurables.Add(new ConfigurableIr(origins, ConfigurableType.String, string.Empty, $"The origins CORS allows, separated by commas, * for any (synapse.rest.CORSConfig.Access-Control-Allow-Origin; {where}, none when it is not set).", Secret: false));
        _configurables.Add(new ConfigurableIr(headers, ConfigurableType.String, string.Empty, $"The Access-Control-Allow-Headers of the APIs' answers (synapse.rest.CORSConfig.Access-Control-Allow-Headers; {where}, empty when it is not set).", Secret: false));
        return new CorsSettingsIr(_symbols.Module(SymbolKind.Configurable, "cors config"), enabled, origins, headers);
    }

    /// <summary>
    /// The API's resources in the order API.process's dispatchers try them by path when no resource the service holds
    /// takes the request's method (URLMappingBasedDispatcher, URITemplateBasedDispatcher, DefaultDispatcher, each over the
    /// resources in declaration order), each with its methods, when the service leaves some of them out (refused by their
    /// protocol: Resource.canProcess); empty when it holds them all, as the first path match then never takes the method.
    /// </summary>
    private static ImmutableArray<DispatchPathIr> FirstMatch(IReadOnlyList<ResourceIr> resources, IReadOnlyList<ResourceIr> all)
    {
        var held = resources.Select(r => r.Origin).ToHashSet(ReferenceEqualityComparer.Instance);
        var api = all.Where(r => r.Skipped is null && r.AlternativeOf is null).ToList();
        return api.All(r => held.Contains(r.Origin)) ? [] : DispatchOrder(all);
    }

    /// <summary>
    /// The API's resources in the order its dispatchers try them by path (URLMappingBasedDispatcher,
    /// URITemplateBasedDispatcher with each template's query, DefaultDispatcher; each over the resources in declaration
    /// order), each with its methods.
    /// </summary>
    private static ImmutableArray<DispatchPathIr> DispatchOrder(IReadOnlyList<ResourceIr> all) =>
        all.Where(r => r.Skipped is null)
            .DistinctBy(r => r.Origin, ReferenceEqualityComparer.Instance)
            .Select((r, index) => (Resource: r, Index: index))
            .OrderBy(x => DispatchRank(Resource(x.Resource)))
            .ThenBy(x => x.Index)
            .Select(x => new DispatchPathIr(x.Resource.Path, Resource(x.Resource).Methods.Where(m => AllMethods.Contains(m)).Distinct(StringComparer.Ordinal).ToImmutableArray()) { QueryPattern = x.Resource.QueryPattern })
            .ToImmutableArray();

    /// <summary>Synapse's <c>API.getName()</c>: the name, with <c>:v</c> and the version when a context or URL version strategy applies.</summary>
    private static string RestApiName(ApiSyntax api) => RestVersionType(api) is not null ? $"{api.Name}:v{api.Version}" : api.Name;

    /// <summary>The version type of an API a context or URL version strategy applies to (<c>context</c>, <c>url</c>), else null.</summary>
    private static string? RestVersionType(ApiSyntax api) =>
        api.Version is not { Length: > 0 } ? null
        : string.Equals(api.VersionType, "context", StringComparison.OrdinalIgnoreCase) ? "context"
        : string.Equals(api.VersionType, "url", StringComparison.OrdinalIgnoreCase) ? "url"
        : null;

    /// <summary>The API resource a resource of an API service was lowered from.</summary>
    private static ApiResourceSyntax Resource(ResourceIr resource) => (ApiResourceSyntax)resource.Origin;

    /// <summary>
    /// Synapse dispatches url-mapping resources first and uri-templates in declaration order; Ballerina prefers
    /// the most specific path. Where the two choose differently for some request, say so (SB0211, SB0213).
    /// </summary>
    /// <summary>
    /// Reports where Synapse's dispatch (declaration order, first match) and Ballerina's (most specific path) differ, and
    /// returns the resources that one tried before them takes every request of (<see cref="FullyShadows"/>, or a
    /// url-mapping ending in <c>/*</c> with their methods).
    /// </summary>
    private List<(ResourceIr Shadowed, ResourceIr By)> ReportDispatchDifferences(List<ResourceIr> resources, List<ResourceIr> all)
    {
        // A resource with others tried after it for its method and path (query alternatives) stays: they are written in
        // its function.
        bool Alone(ResourceIr resource) => !all.Any(r => ReferenceEquals(r.AlternativeOf, resource.Origin) && r.Accessor == resource.Accessor);

        var shadowed = new List<(ResourceIr, ResourceIr)>();
        for (var i = 0; i < resources.Count; i++)
        {
            for (var j = 0; j < resources.Count; j++)
            {
                var first = resources[i];
                var second = resources[j];
                if (i == j || !SameMethods(first, second) || Resource(second).UriTemplate is null)
                {
                    continue;
                }

                if (Resource(first).UrlMapping is not null && first.Path.LastOrDefault() is PathSegmentIr.Rest && PrefixCovers(first.Path, second.Path))
                {
                    // URLMappingBasedDispatcher is tried before the uri-templates: with all its methods, this one never runs.
                    var never = (first.Accessor == second.Accessor || first.Accessor == "default") && AcceptsAllOf(Resource(first), Resource(second)) && Alone(second);
                    _diagnostics.Report(DiagnosticCatalog.ShadowedByUrlMapping, second.Origin.Location, second.Summary, first.Summary,
                        never ? $"it never runs, so it is left out and Ballerina routes them to '{first.Summary}' too" : $"Ballerina routes them to '{second.Summary}'");
                    if (never && !shadowed.Any(s => ReferenceEquals(s.Item1, second)))
                    {
                        shadowed.Add((second, first));
                    }
                }
                else if (i < j && Resource(first).UriTemplate is not null && ShadowsMoreSpecific(first.Path, second.Path))
                {
                    var never = FullyShadows(first, second) && Alone(second);
                    _diagnostics.Report(DiagnosticCatalog.DispatchOrder, second.Origin.Location, second.Summary, DescribeResource(Resource(first)),
                        never ? "this one never runs, so it is left out and Ballerina sends its requests there too" : "Ballerina prefers the more specific path");
                    if (never && !shadowed.Any(s => ReferenceEquals(s.Item1, second)))
                    {
                        shadowed.Add((second, first));
                    }
                }
            }
        }

        return shadowed;
    }

    /// <summary>
    /// Whether <paramref name="earlier"/> (which <see cref="ShadowsMoreSpecific"/> the later path) takes every request of
    /// <paramref name="later"/>: it has all of the later one's methods, accepts every request the later one does
    /// (<see cref="AcceptsAllOf"/>) and its uri-template checks neither a query nor text around a variable.
    /// </summary>
    private bool FullyShadows(ResourceIr earlier, ResourceIr later) =>
        (earlier.Accessor == later.Accessor || earlier.Accessor == "default")
        && AcceptsAllOf(Resource(earlier), Resource(later))
        && !DispatchChecked(earlier)
        && !HasSegmentText(Resource(earlier))
        && Resource(earlier).UriTemplate is { } template && !template.Contains('?', StringComparison.Ordinal)
        && !earlier.Path.Concat(later.Path).Any(s => s is PathSegmentIr.Param { Prefix.Length: > 0 } or PathSegmentIr.Param { Suffix.Length: > 0 });

    /// <summary>
    /// Whether Resource.canProcess accepts every request for <paramref name="earlier"/> that it accepts for
    /// <paramref name="later"/> (ApiUtils.getAcceptableResources filters by it before any path is matched): no content-type
    /// or user-agent condition, the same protocol (or none), the same inbound endpoint bindings.
    /// </summary>
    private static bool AcceptsAllOf(ApiResourceSyntax earlier, ApiResourceSyntax later) =>
        earlier.ContentType is null
        && earlier.UserAgent is null
        && (earlier.Protocol is null || string.Equals(earlier.Protocol, later.Protocol, StringComparison.OrdinalIgnoreCase))
        && earlier.BindsTo.SequenceEqual(later.BindsTo);

    /// <summary>Synapse's dispatcher order: url-mapping resources, then uri-templates, then the default resource.</summary>
    private static int DispatchRank(ApiResourceSyntax resource) => resource.UrlMapping is not null ? 0 : resource.UriTemplate is not null ? 1 : 2;

    private static bool SameMethods(ResourceIr a, ResourceIr b) => a.Accessor == b.Accessor || a.Accessor == "default" || b.Accessor == "default";

    /// <summary>True when every path <paramref name="path"/> matches also starts with the literal prefix of the wildcard <paramref name="wildcard"/>.</summary>
    private static bool PrefixCovers(ImmutableArray<PathSegmentIr> wildcard, ImmutableArray<PathSegmentIr> path)
    {
        var prefix = wildcard.Take(wildcard.Length - 1).ToList();
        if (path.Length < prefix.Count)
        {
            return false;
        }

        return prefix.Select((segment, index) => segment is PathSegmentIr.Literal literal && path[index] is PathSegmentIr.Literal other && literal.Text == other.Text).All(ok => ok);
    }

    /// <summary>
    /// True when the earlier template matches every request of the later one while the later is more specific
    /// somewhere (a parameter where the later has a literal): Synapse picks the earlier, Ballerina the later.
    /// </summary>
    private static bool ShadowsMoreSpecific(ImmutableArray<PathSegmentIr> earlier, ImmutableArray<PathSegmentIr> later)
    {
        if (earlier.Length != later.Length || earlier.Any(s => s is PathSegmentIr.Rest) || later.Any(s => s is PathSegmentIr.Rest))
        {
            return false;
        }

        var moreSpecific = false;
        for (var k = 0; k < earlier.Length; k++)
        {
            switch (earlier[k], later[k])
            {
                case (PathSegmentIr.Literal a, PathSegmentIr.Literal b) when a.Text == b.Text:
                case (PathSegmentIr.Param, PathSegmentIr.Param):
                    break;
                case (PathSegmentIr.Param, PathSegmentIr.Literal):
                    moreSpecific = true;
                    break;
                default:
                    return false;
            }
        }

        return moreSpecific;
    }

    private static string SegmentKey(PathSegmentIr segment) => segment switch
    {
        PathSegmentIr.Literal l => l.Text,
        PathSegmentIr.Param => "{}",
        PathSegmentIr.Rest => "**",
        _ => throw new InvalidOperationException(),
    };

    private string ApiBasePath(ApiSyntax api)
    {
        var context = api.Context.Trim();
        if (api.Version is { Length: > 0 } version)
        {
            if (string.Equals(api.VersionType, "context", StringComparison.OrdinalIgnoreCase))
            {
                context = context.Replace("{version}", version, StringComparison.Ordinal);
            }
            else if (string.Equals(api.VersionType, "url", StringComparison.OrdinalIgnoreCase))
            {
                context = context.TrimEnd('/') + "/" + version;
            }
        }

        if (!context.StartsWith('/'))
        {
            context = "/" + context;
        }

        return context.Length > 1 ? context.TrimEnd('/') : context;
    }

    private static string DescribeResource(ApiResourceSyntax resource)
    {
        var methods = resource.Methods.IsEmpty ? "ANY" : string.Join(',', resource.Methods);
        return $"{methods} {resource.UriTemplate ?? resource.UrlMapping ?? "(default)"}";
    }

    private IEnumerable<ResourceIr> LowerResource(ApiSyntax api, ApiResourceSyntax resource)
    {
        var path = ResourcePath(resource, out var templateQuery);
        var (queryTemplate, queryPattern) = ResourceQuery(api, resource);
        var pathParams = new Dictionary<string, Symbol>(StringComparer.Ordinal);
        foreach (var param in path.OfType<PathSegmentIr.Param>())
        {
            if (!pathParams.TryAdd(param.SynapseName, param.Parameter))
            {
                // Synapse keeps the last value of a repeated variable; the generated code reads the property, which newContext sets in order.
                _diagnostics.Report(DiagnosticCatalog.InvalidAttribute, resource.Location, "resource", "uri-template", param.SynapseName, "the variable appears more than once");
                pathParams.Remove(param.SynapseName);
            }
        }

        // A variable of a segment with literal text is bound at run time (newContext sets its uri.var.* property): the
        // resource's parameter holds the whole segment, so it is read as the property. An unbound one is no variable.
        foreach (var param in path.OfType<PathSegmentIr.Param>().Where(p => p.Unbound || p.Prefix.Length > 0 || p.Suffix.Length > 0))
        {
            pathParams.Remove(param.SynapseName);
        }

        var owner = ResourceOwner(api.Name, resource);
        var methods = resource.Methods.Where(m => AllMethods.Contains(m)).ToList();
        foreach (var invalid in resource.Methods.Except(AllMethods))
        {
            _diagnostics.Report(DiagnosticCatalog.InvalidAttribute, resource.Location, "resource", "methods", invalid, "it is not an HTTP method Synapse accepts");
        }

        var baseName = api.Name + " " + ResourceWords(resource);
        // protocol "http" or "https" is the listener(s) the resource is served on (LowerApi); Synapse refuses to deploy any other value.
        // content-type and user-agent are checked by the resource function (RequestFilter), unless it is tried with others of
        // its method and path in one function (their checks are not reproduced there) or the pattern has no Ballerina form.
        var filter = RequestFilter(resource);
        var bodyless = !resource.Methods.IsEmpty && !resource.Methods.Any(m => m is "POST" or "PUT" or "PATCH" or "DELETE");
        foreach (var (name, value) in new[] { ("content-type", filter is null && !bodyless ? resource.ContentType : null), ("protocol", resource.Protocol is "http" or "https" or "" ? null : resource.Protocol), ("user-agent", filter?.UserAgentPattern is null ? resource.UserAgent : null), ("binds-to", resource.BindsTo.IsEmpty ? null : string.Join(",", resource.BindsTo)) })
        {
            if (value is not null)
            {
                _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, resource.Location, "resource", name, "Synapse dispatches only matching requests here; check the request in the resource by hand");
            }
        }

        var (outFunction, faultFunction) = LowerResponseFlows(baseName, $"{api.Name} {DescribeResource(resource)}", resource.InSequence, resource.OutSequence, resource.FaultSequence, owner, SendsWithoutBlocking(resource.InSequence), HandsToOutFlow(resource.InSequence),
            AcceptedBeforeAnySend(resource.InSequence?.Mediators ?? []), SendsOnlyWithoutBlocking(resource.InSequence, target: false), resource.Location, apiResource: true);

        var accessors = methods.Count == 0 ? ["default"] : methods.Select(m => m.ToLowerInvariant()).ToList();

        // A path parameter is read directly, unless the flow is shared by several methods (it is then a separate
        // function), has onError (also a separate function) or some flow writes uri.var.* properties (the property is then the truth).
        // A resource tried in one function with others of its method and path (QueryGroups) reads them as properties too.
        var grouped = _queryGrouped.Contains(resource);
        // An in flow with onError runs in a function of its own (LowerInlineOnError), where the parameters are not in scope.
        var translator = _translator.WithPathParams(accessors.Count > 1 || grouped || _model.WritesUriVars || resource.InSequence?.OnError is not null ? new Dictionary<string, Symbol>() : pathParams);
        var body = resource.InSequence is { } inFlow
            ? LowerFlowBody(inFlow, new FlowContext(FlowKind.In, translator, outFunction, owner) { OperationName = new StringLiteralIr(SynapseOperationName), ApiResource = true })
            : [];
        body = AddTemplateQueryParams(templateQuery, body, resource);
        body = WithFallThrough(body, resource.InSequence?.Location ?? resource.Location);
        var needsOutFlow = outFunction is not null && InFlowSendsThroughSequence(resource.InSequence);
        ReportOutFlowEnd(outFunction, body, faultFunction, needsOutFlow);
        var fallback = MayBeFallback(api, resource);
        if (accessors.Count > 1 || grouped || fallback)
        {
            // One flow serves several methods, or is tried with other resources of its method and path in one resource
            // function, or is the default resource other resources may hand a request they refuse to (ResourceIr.Fallback):
            // it becomes a function the resource function(s) call.
            var flowName = _symbols.Module(SymbolKind.Function, baseName + " flow", shorter: ResourceShorter("flow"));
            var shared = accessors.Count > 1 ? ", shared by its methods" : string.Empty;
            var refused = fallback ? "; it also runs for a request another resource of its method refuses when no other resource may take it (DefaultDispatcher)" : string.Empty;
            _functions.Add(new FunctionIr(flowName, FunctionKind.InFlow, true, body, $"In flow of {api.Name} {DescribeResource(resource)}{shared}{refused}.", resource.Location) { FaultFunction = faultFunction });
            body = [new ContinueWithStep(null, flowName)];
            faultFunction = null;
        }

        // Resource.process records the CORS headers of the answer for a request of any method it does not answer itself
        // (Resource.sendOptions answers OPTIONS before the flow runs, except for a resource that lists OPTIONS).
        _cors ??= CorsConfigurables();
        var cors = new ResourceCorsIr(SupportedMethods(HttpMethods(resource)), _cors);
        foreach (var accessor in accessors)
        {
            var summary = $"{(accessor == "default" ? "ANY" : accessor.ToUpperInvariant())} {api.Context.TrimEnd('/')}{resource.UriTemplate ?? resource.UrlMapping ?? "/*"}";
            yield return new ResourceIr(accessor, path, body, faultFunction, outFunction, needsOutFlow, summary, resource) { QueryTemplate = queryPattern is null ? null : queryTemplate, QueryPattern = queryPattern, Filter = filter, Cors = cors };
        }
    }

    /// <summary>
    /// The resource's <c>content-type</c> and <c>user-agent</c> as the resource function checks them (Resource.canProcess),
    /// its answer to a refused request completed per service (<see cref="WithFilters"/>); null when it has neither, when it
    /// is tried with other resources of its method and path in one function (<see cref="QueryGroups"/>), or when it has
    /// only a user-agent pattern with no Ballerina form. A content-type alone stays checked when the pattern cannot be; a
    /// resource none of whose methods carries a body never checks its content-type (the Micro Integrator does not either).
    /// </summary>
    private RequestFilterIr? RequestFilter(ApiResourceSyntax resource)
    {
        if ((resource.ContentType is null && resource.UserAgent is null) || _queryGrouped.Contains(resource))
        {
            return null;
        }

        // The Content-Type is checked only on a request of a method that carries a body (POST, PUT, PATCH, DELETE): a
        // resource that takes none of them never checks it.
        var contentType = resource.Methods.IsEmpty || resource.Methods.Any(m => m is "POST" or "PUT" or "PATCH" or "DELETE") ? resource.ContentType : null;
        var agent = resource.UserAgent is { } java ? JavaRegex.Translate(java).Pattern : null;
        return contentType is null && agent is null ? null : new RequestFilterIr(contentType, agent is null ? null : resource.UserAgent, agent, false, []);
    }

    /// <summary>
    /// The service's resources with their request filters completed (<see cref="RequestFilterIr"/>): whether another
    /// resource of the service takes the method (then a refused request gets the not-found answer), else the API's
    /// resources in dispatch order for the first-path-match answer. When another resource of the method may take the
    /// refused request's path, the Micro Integrator runs it instead: reported (SB0283).
    /// </summary>
    private ImmutableArray<ResourceIr> WithFilters(ImmutableArray<ResourceIr> served, IReadOnlyList<ResourceIr> all, bool report)
    {
        if (!served.Any(r => r.Filter is not null))
        {
            return served;
        }

        var firstMatch = DispatchOrder(all);
        var taking = served.Where(r => r.Skipped is null && r.AlternativeOf is null).ToList();
        return served.Select(resource =>
        {
            if (resource.Filter is not { } filter || resource.Skipped is not null)
            {
                return resource;
            }

            var others = taking.Where(o => !ReferenceEquals(o.Origin, resource.Origin) && (o.Accessor == "default" || resource.Accessor == "default" || o.Accessor == resource.Accessor)).ToList();
            var mayTakeResources = others.Where(o => Resource(resource).UriTemplate is null || CouldTakePath(Resource(o), Resource(resource))).ToList();
            var mayTake = mayTakeResources.Select(o => o.Summary).Distinct(StringComparer.Ordinal).ToList();

            // The default resource alone may take a refused request: it runs there, as DefaultDispatcher runs it.
            var fallback = DefaultFallback(resource, all, mayTakeResources.Select(o => o.Origin));
            if (fallback is not null)
            {
                return resource with { Fallback = fallback, Filter = filter with { MethodTakenElsewhere = true, FirstMatch = [] } };
            }

            if (report && mayTake.Count > 0)
            {
                var conditions = string.Join(" and ", new[] { filter.ContentType is { } type ? $"content-type \"{type}\"" : null, filter.UserAgent is { } agent ? $"user-agent \"{agent}\"" : null }.OfType<string>());
                _diagnostics.Report(DiagnosticCatalog.RefusedRequestElsewhere, resource.Origin.Location, resource.Summary, conditions,
                    string.Join(", ", mayTake.Select(o => $"'{o}'")));
            }

            return resource with { Filter = filter with { MethodTakenElsewhere = others.Count > 0, FirstMatch = others.Count > 0 ? [] : firstMatch } };
        }).ToImmutableArray();
    }

    /// <summary>
    /// The out and fault flows of an entry point (an API resource, a proxy service) as functions: the out flow runs
    /// on the backend response, the fault flow (or the global <c>fault</c> sequence) when the in or out flow fails.
    /// </summary>
    /// <param name="inFlowSends">
    /// The entry point's in flow (or a proxy's target) sends without blocking (<see cref="SendsWithoutBlocking"/>), so the
    /// fault and out flows may run after the request's thread returned with RESPONSE_WRITTEN set to SKIP. A blocking call
    /// or a callout alone does not: its response and its failure go on in the request's thread.
    /// </param>
    /// <param name="outFlowCanRun">
    /// Something hands the out flow a message: a send whose response no receiving sequence takes or a loopback, in the
    /// in flow or a sequence it runs, or a proxy's target endpoint. Without one, the out flow never runs and its end
    /// is not reported (SB0210 would say the client waits where the Micro Integrator never gets there).
    /// </param>
    /// <param name="acceptedFirst">
    /// The in flow sets FORCE_SC_ACCEPTED before anything could send (<see cref="AcceptedBeforeAnySend"/>): whatever
    /// the fault flow does not answer, the Micro Integrator has answered 202 (SB0215), not left the client waiting.
    /// </param>
    /// <param name="inFlow">The entry point's in flow, when it has one.</param>
    /// <param name="sendsWithoutBlocking">
    /// A backend's failure reaches the fault flow from a non-blocking send only (<see cref="SendsOnlyWithoutBlocking"/>):
    /// the fault flow's implicit end answers such a failure 502, where the Micro Integrator answers nothing (SB0260).
    /// </param>
    /// <param name="entry">The API resource or proxy service, where SB0603 is reported.</param>
    private (Symbol? Out, Symbol? Fault) LowerResponseFlows(string baseName, string description, FlowSyntax? inFlow, FlowSyntax? outFlow, FlowSyntax? faultFlow, string owner, bool inFlowSends, bool outFlowCanRun, bool acceptedFirst = false, bool sendsWithoutBlocking = false, SourceLocation? entry = null, bool apiResource = false)
    {
        Symbol? outFunction = null;
        if (outFlow is not null)
        {
            outFunction = OutFlowSymbol(baseName);
            RecordOutFlowAggregate(outFunction, outFlow);
            var outSteps = LowerFlowBody(outFlow, new FlowContext(FlowKind.Out, _translator, null, owner) { Self = outFunction, ApiResource = apiResource });
            // The out flow runs on a backend's response (a send or non-blocking call: the client's answer was left to
            // that callback), or in the request's thread after a loopback, where an end without a response is answered 202.
            if (outFlowCanRun && FallThroughDiagnostic(outSteps, afterCall: inFlowSends || MayLeaveAnswerToCallback(inFlow)) is { } end)
            {
                // Reported once the in flow is lowered, if something it runs still hands the out flow a message (ReportOutFlowEnd).
                _pendingOutFlowEnds[outFunction] = (end, outFlow.Location);
            }
            else if (!outFlowCanRun && (outFlow.Key is not null || !outFlow.Mediators.IsEmpty))
            {
                // Its mediators are not generated (Refine/UnusedFlows.cs): said once the in flow is lowered, not dropped
                // without a word (ReportOutFlowEnd).
                _pendingNeverRuns[outFunction] = (outFlow.Location, description);
            }

            _functions.Add(new FunctionIr(outFunction, FunctionKind.OutFlow, true, WithFallThrough(outSteps, outFlow.Location, afterCall: true, report: false), $"Out flow of {description}: runs on the backend response.", outFlow.Location));
        }

        Symbol? faultFunction = null;
        if (faultFlow is { Key: { IsDynamic: false, Text: "fault" }, OnError: null } && _model.Symbols.Sequence("fault") is null)
        {
            // faultSequence="fault" in a project that defines none names the default fault sequence the Micro
            // Integrator ships, which the flows without a fault sequence run too.
            faultFlow = null;
        }

        if (faultFlow is not null)
        {
            // The same fault flow as an earlier resource of the API: its function serves this one too.
            if (SharedFaultFlow(baseName, ref description, out var faultSymbol) is { } shared)
            {
                // Its ending is reported where each resource declares it, as when each had its own function.
                if (_apiFlows!.Endings.GetValueOrDefault(shared) is { } sharedEnding)
                {
                    ReportFaultEnding(sharedEnding, faultFlow.Location, acceptedFirst, Answers202);
                }

                return (outFunction, _replacedFaults.GetValueOrDefault(shared, shared));
            }

            faultFunction = faultSymbol;
            var reported = _diagnostics.Items.Count;
            var faultSteps = LowerFlowBody(faultFlow, new FlowContext(FlowKind.Fault, _translator, outFunction, owner) { UnansweredAfterSend = sendsWithoutBlocking && !acceptedFirst, ApiResource = apiResource });
            if (_diagnostics.Items.Count > reported)
            {
                // What the lowering reports (a TODO, a setting not translated) is reported for each resource's own flow.
                _apiFlows?.NotShared(faultSymbol);
            }

            // A fault flow that only runs a named sequence after a non-blocking send: the sequence's drop or end
            // answers nothing in the Micro Integrator (SB0260), so the flows share a runner that ends as unansweredFault.
            if (sendsWithoutBlocking && !acceptedFirst && faultSteps is [InvokeStep { Arguments.IsEmpty: true } keyed]
                && _sequenceFunctions.FirstOrDefault(s => s.Value == keyed.Function).Key is { } keyedSequence
                && FaultRunnerAfterSend(keyedSequence, $"Fault handling after a non-blocking send: records the error and runs sequence '{keyedSequence}'; where it drops the message or ends without answering, a failure after the send, which the Micro Integrator leaves unanswered, is answered 502 (202 before anything was sent).", faultFlow.Location) is { } afterSend)
            {
                _replacedFaults[faultSymbol] = afterSend;
                if (_apiFlows is { } sharedPlan && _runnersEndingUnanswered.Contains(afterSend))
                {
                    // Reported again where each resource sharing this fault flow declares it.
                    sharedPlan.Endings[faultSymbol] = DiagnosticCatalog.FaultAfterBackendFailureUnanswered;
                }

                return (outFunction, afterSend);
            }

            // When the in flow sends without blocking, the fault flow may run after that send: ending it without a
            // response then leaves the Micro Integrator's client waiting (SB0210), not answered with 202. A blocking call
            // or callout alone does not: its failure runs the fault flow in the request's thread with RESPONSE_WRITTEN
            // unset, and the listener answers 202 (SB0215). With a declared out
            // flow, an in flow that does not send counts only when something in it may leave the answer to
            // another thread (MayLeaveAnswerToCallback); a loopback runs the out flow in the request's thread
            // (LoopBackMediator.mediate injects the message there), so its failure is answered 202 as ServerWorker.sendAck does,
            // unless that out flow itself leaves the answer to another thread (a non-blocking call after a loopback
            // sets RESPONSE_WRITTEN to SKIP in the request's thread: the client then waits).
            // A blocking call's failure also runs the fault flow after what the in flow did before it: a RESPONSE property,
            // a store or a sampler there has set RESPONSE_WRITTEN to SKIP, so ServerWorker.sendAck writes no 202 (SB0210).
            var blockingAfterSkip = _model.BackendCallsOf(inFlow?.Mediators ?? [], inFlow?.Key).CallsBlocking && MayLeaveAnswerToCallback(inFlow);
            var mayFollowCall = inFlowSends || blockingAfterSkip || (outFlow is not null && (MayLeaveAnswerToCallback(inFlow) || (outFlowCanRun && MayLeaveAnswerToCallback(outFlow))));

            // After a non-blocking send, a backend's failure gets no answer from the Micro Integrator: the implicit end
            // answers it 502 (SB0260), unless the flow only runs a named sequence (its one fault function, which ends with 202).
            var unanswered = sendsWithoutBlocking && !acceptedFirst && faultSteps is not [InvokeStep { Arguments.IsEmpty: true }]
                && FallThroughDiagnostic(faultSteps, mayFollowCall) == DiagnosticCatalog.ResponseHang;
            if (_apiFlows is { } plan && FallThroughDiagnostic(faultSteps, mayFollowCall) is { } ending)
            {
                plan.Endings[faultSymbol] = unanswered ? DiagnosticCatalog.FaultAfterBackendFailureUnanswered : ending;
            }

            faultSteps = unanswered
                ? ReportedUnansweredEnd(faultSteps, faultFlow.Location)
                : WithFallThrough(faultSteps, faultFlow.Location, afterCall: mayFollowCall, acceptedFirst: acceptedFirst);

            // A fault flow that only runs a named sequence is that sequence's one fault function.
            if (FaultRunner(faultSteps, description, faultFlow.Location) is { } runner)
            {
                _replacedFaults[faultSymbol] = runner;
                return (outFunction, runner);
            }

            _functions.Add(new FunctionIr(faultFunction, FunctionKind.FaultFlow, true, faultSteps, $"Fault flow of {description}: runs when the in or out flow fails.", faultFlow.Location));
        }
        else
        {
            // The global fault sequence (the project's, or the Micro Integrator's default) handles errors of flows that
            // declare none; after a non-blocking send, the default one's drop answers a backend's failure 502 (SB0603).
            faultFunction = GlobalFaultFunction(sendsWithoutBlocking && !acceptedFirst, entry is { } location ? (location, description) : null);
        }

        return (outFunction, faultFunction);
    }

    /// <summary>
    /// Whether the in flow reaches a send through a shared sequence or template (or is itself a sequence given by key
    /// that sends): the response then needs the entry point's out flow registered in the context at run time.
    /// </summary>
    private bool InFlowSendsThroughSequence(FlowSyntax? inFlow) =>
        _model.FactsOf(inFlow?.Mediators ?? []).CallsSendingFlow || (inFlow?.Key is { } key && _model.SequenceFacts(key.Text).Sends);

    /// <summary>
    /// Whether the in flow can hand the message to the out flow: a send without a receiving sequence or a loopback
    /// (nested ones included), a split whose copies are sent, or a sequence it runs that sends.
    /// </summary>
    private bool HandsToOutFlow(FlowSyntax? inFlow)
    {
        if (InFlowSendsThroughSequence(inFlow) || _model.FactsOf(inFlow?.Mediators ?? []).Sends)
        {
            return true;
        }

        var walker = new Semantics.MediatorCollector();
        walker.WalkMediators(inFlow?.Mediators ?? []);
        return walker.Mediators.Any(m => m is SendMediator { ReceiveSequence: null } or LoopbackMediator);
    }

    /// <summary>
    /// Whether the in flow (nested mediators, and the sequences and templates it runs) may mark the request as answered
    /// elsewhere, so that the Micro Integrator sends no 202 when mediation ends without a response: the passthrough
    /// ServerWorker.sendAck answers 202 unless the operation's RESPONSE_WRITTEN is "SKIP", which only a non-blocking
    /// send (Axis2FlexibleMEPClient.send), clone and iterate without continueParent (CloneMediator, IterateMediator),
    /// store (MessageStoreMediator), enqueue (EnqueueMediator), sampler (SamplingThrottleMediator), MI 4.4 foreach unless
    /// continueWithoutAggregation (ForEachMediatorV2), scatter-gather (ScatterGather) and a default-scope RESPONSE
    /// property (Axis2MessageContext.setProperty) set. A connector operation (its template is not in the input), an
    /// unknown mediator and a sequence or template the input does not define may do so; dblookup, dbreport, loopback,
    /// class and script mediators run in the request's thread and leave it as it is. The copies of a clone or iterate
    /// with continueParent share the request's operation context (MessageHelper.cloneMessageContext), so what their
    /// targets run counts: an inline sequence, the sequence a target's key names, a target's endpoint (Target.mediate:
    /// endpoint.send, a non-blocking send). So does an aggregate's onComplete, inline or the sequence its key names
    /// (AggregateMediator.completeAggregate mediates it). The event mediator (carbon-mediation's EventMediator.mediate)
    /// hands the message to the event broker and returns; it sets no RESPONSE_WRITTEN.
    /// </summary>
    private bool MayLeaveAnswerToCallback(FlowSyntax? flow) =>
        flow is not null && MayLeaveAnswerToCallback(flow.Mediators, flow.Key, new HashSet<string>(StringComparer.Ordinal));

    private bool MayLeaveAnswerToCallback(ImmutableArray<MediatorSyntax> mediators, KeySyntax? sequenceKey, HashSet<string> visited)
    {
        bool Sequence(KeySyntax? key) => key switch
        {
            null => false,
            { IsDynamic: true } => true,
            _ when !visited.Add("sequence " + key.Text) => false,
            _ => _model.Symbols.Sequence(key.Text) is not { } sequence || MayLeaveAnswerToCallback(sequence.Mediators, null, visited),
        };

        bool Template(string name) => name.Length > 0 && visited.Add("template " + name)
            && (_model.Symbols.SequenceTemplate(name) is not { } template || MayLeaveAnswerToCallback(template.Mediators, null, visited));

        if (Sequence(sequenceKey))
        {
            return true;
        }

        // A split's target: its inline sequence is walked with the rest; its endpoint sends the copy without blocking.
        bool Target(TargetSyntax target) => target.Endpoint is not null || target.EndpointKey is not null || Sequence(target.SequenceKey);

        var walker = new MediatorCollector();
        walker.WalkMediators(mediators);

        // The walker does not enter an aggregate's inline onComplete: taken here with what it nests.
        return MediatorCollector.WithOnComplete(walker.Mediators).Any(m => m switch
        {
            SendMediator or CallMediator { Blocking: false } or StoreMediator or EnqueueMediator or SamplerMediator or ScatterGatherMediator
                or CloneMediator { ContinueParent: false } or IterateMediator { ContinueParent: false } or ConnectorOperationMediator or UnknownMediator => true,
            IterateMediator { Target: { } target } => Target(target),
            CloneMediator clone => clone.Targets.Any(Target),
            AggregateMediator { OnComplete.Flow.SequenceKey: { } onComplete } => Sequence(onComplete),
            ForEachMediator { IsVersion2: true, ContinueWithoutAggregation: not true } => true,
            PropertyMediator { Name: "RESPONSE", Action: PropertyAction.Set, Scope: "" or "default", DynamicName: null } => true,
            PropertyMediator { DynamicName: not null } => true,
            SequenceReferenceMediator reference => Sequence(reference.Key),
            CallTemplateMediator call => Template(call.Target),
            ForEachMediator { SequenceKey: { } key } => Sequence(key),
            ThrottleMediator throttle => Sequence(throttle.OnAccept?.SequenceKey) || Sequence(throttle.OnReject?.SequenceKey),
            CacheMediator cache => Sequence(cache.OnCacheHit?.SequenceKey),
            _ => false,
        });
    }

    /// <summary>
    /// Whether a backend's failure reaches the entry point's fault flow only from a non-blocking send (SB0260): the
    /// in flow (or a proxy's target) sends without blocking, and nothing in it calls a backend blocking (a blocking
    /// call's or callout's failure returns to the listener in the request's thread, which then answers 202). The
    /// sequences and templates the in flow runs (by key, call-template, or as the flow itself) count with what they
    /// run, as the semantic model's call graph gives it.
    /// </summary>
    private bool SendsOnlyWithoutBlocking(FlowSyntax? inFlow, bool target) =>
        _model.BackendCallsOf(inFlow?.Mediators ?? [], inFlow?.Key) is var calls && (target || calls.SendsWithoutBlocking) && !calls.CallsBlocking;

    /// <summary>
    /// Whether the flow sends without blocking (a send, a non-blocking call, a store, a split target's endpoint, a
    /// scatter-gather, an HTTP connector request): a mediator of it (nested ones included), or a sequence or template it
    /// runs. Those set the operation's RESPONSE_WRITTEN to SKIP (Axis2FlexibleMEPClient.send, MessageStoreMediator,
    /// ScatterGather.mediate), so ServerWorker.sendAck writes no 202 when mediation ends without an answer. A blocking
    /// call or a callout does not count: CallMediator.handleBlockingCall sends through BlockingMsgSender in the request's
    /// thread and sets no RESPONSE_WRITTEN, and its failure runs the fault handler there (BlockingMsgSender pops the
    /// fault stack in the calling thread; CalloutMediator sends with a blocking ServiceClient), so the listener then
    /// answers 202.
    /// </summary>
    private bool SendsWithoutBlocking(FlowSyntax? flow) => _model.BackendCallsOf(flow?.Mediators ?? [], flow?.Key).SendsWithoutBlocking;

    private Symbol? _globalFault;

    /// <summary>The doc comment of the function that runs the project's 'fault' sequence after a non-blocking send.</summary>
    private const string GlobalFaultAfterSendSummary = "Runs the global 'fault' sequence for flows that send to a backend without blocking and declare no fault sequence of their own: where it drops the message or ends without answering, a failure after the send, which the Micro Integrator leaves unanswered, is answered 502 (202 before anything was sent).";

    private Symbol? _defaultFaultAfterSend;

    /// <summary>
    /// A wrapper that runs the global <c>fault</c> sequence with the error recorded: the project's, or the default one
    /// the Micro Integrator ships when the project defines none (<see cref="DefaultFaultFunction"/>).
    /// </summary>
    /// <param name="afterSend">
    /// The flow sends to a backend without blocking and calls none blocking (<see cref="SendsOnlyWithoutBlocking"/>),
    /// and did not set FORCE_SC_ACCEPTED first. Without a project 'fault' sequence, such flows share a second function
    /// for the default one, whose drop answers a backend's failure as a resource's own fault flow that ends without
    /// answering does (<c>unansweredFault</c>, SB0260), reported at <paramref name="entry"/> (SB0603). A project's own
    /// 'fault' sequence is the one function either way.
    /// </param>
    /// <param name="entry">The API resource, proxy or main sequence whose failures the function handles, and what it is.</param>
    private Symbol GlobalFaultFunction(bool afterSend = false, (SourceLocation Location, string What)? entry = null)
    {
        if (afterSend && _model.Symbols.Sequence("fault") is null)
        {
            if (entry is var (location, what))
            {
                _diagnostics.Report(DiagnosticCatalog.DefaultFaultAfterSendUnanswered, location, what);
            }

            if (_defaultFaultAfterSend is null)
            {
                _defaultFaultAfterSend = _symbols.Module(SymbolKind.Function, "handle fault after send");
                _functions.Add(DefaultFaultFunction(_defaultFaultAfterSend, afterSend: true));
            }

            return _defaultFaultAfterSend;
        }

        if (afterSend && _model.Symbols.Sequence("fault") is { } projectFault
            && FaultRunnerAfterSend("fault", GlobalFaultAfterSendSummary, projectFault.Location, eachUser: false) is { } runner)
        {
            // The project's 'fault' sequence run after a non-blocking send: where it drops or ends without answering,
            // the Micro Integrator writes nothing (SB0260).
            return runner;
        }

        if (_globalFault is not null)
        {
            return _globalFault;
        }

        _globalFault = _symbols.Module(SymbolKind.Function, "handle fault");
        if (_model.Symbols.Sequence("fault") is not { } sequence)
        {
            // No 'fault' sequence in the project: the Micro Integrator runs the default one it ships.
            _functions.Add(DefaultFaultFunction(_globalFault, afterSend: false));
            return _globalFault;
        }

        ImmutableArray<StepIr> body = [new InvokeStep(null, _sequenceFunctions["fault"], _model.SequenceFacts("fault").CanAnswer), new AcceptStep(null)];
        if (_functions.FirstOrDefault(f => f.Name == _sequenceFunctions["fault"]) is not { } faultSequence || !Flow.Terminates(faultSequence.Body))
        {
            // The Micro Integrator's default fault sequence logs and drops: 202 if nothing was sent yet.
            _diagnostics.Report(DiagnosticCatalog.FlowEndsWithoutResponse, sequence.Location, Answers202);
        }

        _functions.Add(new FunctionIr(_globalFault, FunctionKind.FaultFlow, true, body, "Runs the global 'fault' sequence for flows that declare no fault sequence of their own.", sequence.Location));
        return _globalFault;
    }

    private string PathWords(ApiResourceSyntax resource)
    {
        var path = BasePathWords(resource);
        // Resources tried one after the other for the same method and path (QueryGroups) whose paths read the same differ
        // by their query: each is named after its query parameters (itemsByCategoryFlow, itemsByNameAndPageFlow), not
        // numbered in input order.
        if (_queryGrouped.Contains(resource) && _queryGrouped.Any(other => !ReferenceEquals(other, resource) && BasePathWords(other) == path))
        {
            var text = resource.UriTemplate ?? resource.UrlMapping ?? string.Empty;
            var q = text.IndexOf('?', StringComparison.Ordinal);
            if (q >= 0 && QueryParameterNames(text[(q + 1)..]) is { Count: > 0 } names)
            {
                return $"{path} by {string.Join(" and ", names)}";
            }
        }

        return path;
    }

    /// <summary>The words of a resource's path, its query left out: a variable is "by" and its name.</summary>
    private static string BasePathWords(ApiResourceSyntax resource)
    {
        var text = resource.UriTemplate ?? resource.UrlMapping ?? string.Empty;
        var q = text.IndexOf('?', StringComparison.Ordinal);
        if (q >= 0)
        {
            text = text[..q];
        }

        text = text.Replace("{", "by ", StringComparison.Ordinal);
        return text.Trim('/').Length == 0 ? "root" : text;
    }

    /// <summary>The literal parameter names of a uri-template's query (<c>name</c> and <c>page</c> of <c>name={name}&amp;page={page}</c>).</summary>
    private static List<string> QueryParameterNames(string query) =>
        [.. query.Split('&')
            .Select(part => part.IndexOf('=', StringComparison.Ordinal) is var equals and > 0 ? part[..equals] : string.Empty)
            .Where(name => name.Length > 0 && name.Any(char.IsAsciiLetterOrDigit) && !name.Contains('{', StringComparison.Ordinal) && !name.Contains('}', StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// A uri-template path segment holding one simple variable between literal text, as the generated resource matches
    /// it (<c>templateSegmentValue</c>), or null with the reason it cannot: more than one variable, an operator
    /// (<c>{+x}</c>, <c>{.x}</c>, ...), a variable list or modifier (<c>{a,b}</c>, <c>{x:3}</c>, <c>{x*}</c>), or a
    /// <c>*</c> before the variable. A <c>*</c> after it takes the rest of the path when it ends the template (the last
    /// segment, no query: Literal.match of a literal ending with <c>*</c>); anywhere else it is literal text, matched
    /// as written (<see cref="PathSegmentIr.Param.LiteralSuffix"/>).
    /// </summary>
    private static PathSegmentIr.Param? MixedSegment(string raw, bool last, bool hasQuery, out string? problem)
    {
        var open = raw.IndexOf('{', StringComparison.Ordinal);
        var close = raw.IndexOf('}', StringComparison.Ordinal);
        problem = null;
        if (close < open || raw.LastIndexOf('{') != open || raw.LastIndexOf('}') != close)
        {
            problem = "it holds more than one variable (or an unbalanced brace), which URITemplate splits at the first character of the text after each";
            return null;
        }

        var name = raw[(open + 1)..close];
        if (name.Length == 0 || "+./;?&#".Contains(name[0], StringComparison.Ordinal) || name.IndexOfAny([',', ':', '*', '{']) >= 0)
        {
            problem = $"its expression '{{{name}}}' is not one simple variable (an operator, a variable list or a modifier)";
            return null;
        }

        var prefix = raw[..open];
        var suffix = raw[(close + 1)..];
        if (prefix.Contains('*', StringComparison.Ordinal))
        {
            problem = "a '*' before its variable ends URITemplate's literal there, which then takes the rest of the path, and that match is not reproduced";
            return null;
        }

        // Literal.match takes the rest of the path for the literal after the variable only when that literal ends with
        // '*', which it does only at the end of the template: the last segment of a template without a query.
        var takesRest = last && !hasQuery && suffix.EndsWith('*');
        return new PathSegmentIr.Param(name, SymbolFactory.Local(name))
        {
            Prefix = Uri.UnescapeDataString(prefix),
            Suffix = Uri.UnescapeDataString(suffix),
            LiteralSuffix = suffix.Contains('*', StringComparison.Ordinal) && !takesRest,
        };
    }

    /// <summary>
    /// Ballerina resource path for a uri-template or url-mapping. Query variables of the template
    /// (<c>?q={q}</c>) are returned separately: they are read from the query string.
    /// </summary>
    private ImmutableArray<PathSegmentIr> ResourcePath(ApiResourceSyntax resource, out List<(string Param, string Var)> templateQuery)
    {
        templateQuery = new List<(string, string)>();
        var segments = ImmutableArray.CreateBuilder<PathSegmentIr>();
        if (resource.UriTemplate is { } template)
        {
            var query = string.Empty;
            var q = template.IndexOf('?', StringComparison.Ordinal);
            if (q >= 0)
            {
                query = template[(q + 1)..];
                template = template[..q];
            }

            var raws = template.Split('/', StringSplitOptions.RemoveEmptyEntries);
            for (var index = 0; index < raws.Length; index++)
            {
                var raw = raws[index];
                if (raw.StartsWith('{') && raw.EndsWith('}') && raw.IndexOf('}', StringComparison.Ordinal) == raw.Length - 1)
                {
                    var name = raw[1..^1];
                    var rest = name.StartsWith('+');
                    name = name.TrimStart('+');
                    if (name.Contains(':', StringComparison.Ordinal) || name.Contains(',', StringComparison.Ordinal))
                    {
                        // Variable's ":n" (the segment must then be exactly n characters) and an expression's several
                        // variables (split at ','): not reproduced, and the variable's name is not the text as written.
                        var problem = name.Contains(',', StringComparison.Ordinal)
                            ? "the expression binds several variables from one segment, split at ','"
                            : "a prefix length (:n) makes the Micro Integrator take only a segment of exactly n characters";
                        _diagnostics.Report(DiagnosticCatalog.UriTemplateSegmentNotMatched, resource.Location, raw, DescribeResource(resource), problem);
                        segments.Add(new PathSegmentIr.Param(raw, SymbolFactory.Local("segment")) { Unbound = true });
                        continue;
                    }

                    var parameter = SymbolFactory.Local(name);
                    segments.Add(rest ? new PathSegmentIr.Rest(name, parameter) { TakesQuery = q < 0 } : new PathSegmentIr.Param(name, parameter));
                    if (rest)
                    {
                        break;
                    }
                }
                else if (raw.Contains('{', StringComparison.Ordinal))
                {
                    if (MixedSegment(raw, index == raws.Length - 1, q >= 0, out var problem) is { } mixed)
                    {
                        // One variable between literal text ("x{id}", "{id}.json", "{id}*"): URITemplate's
                        // SimpleStringExpression binds it up to the literal after it, which must then match; a literal
                        // ending with '*' takes the rest of the path (Literal.match), unless a query follows it.
                        segments.Add(mixed);
                        if (mixed.Suffix.EndsWith('*') && !mixed.LiteralSuffix)
                        {
                            segments.Add(new PathSegmentIr.Rest("*", SymbolFactory.Local("path")));
                            break;
                        }
                    }
                    else
                    {
                        _diagnostics.Report(DiagnosticCatalog.UriTemplateSegmentNotMatched, resource.Location, raw, DescribeResource(resource), problem!);
                        segments.Add(new PathSegmentIr.Param(raw, SymbolFactory.Local("segment")) { Unbound = true });
                    }
                }
                else if (index == raws.Length - 1 && raw.EndsWith('*') && q < 0)
                {
                    // The template's last literal ends with '*' ("/*", "/files/*", "/a/b*"): Literal.match compares the
                    // text before the '*' and takes the rest of the path, query included. "b*" needs a segment starting
                    // with "b" (any rest after it); a lone '*' takes what follows the segments before it, where an
                    // empty rest matches only with the literal's '/' ("/files/" but not "/files"), unless the literal
                    // is just "/*" (the whole template, whose sub-path is at least "/", or after a variable:
                    // Node.matchAll accepts a "/*" left unmatched).
                    if (raw.Length > 1)
                    {
                        segments.Add(new PathSegmentIr.Param(raw, SymbolFactory.Local("segment")) { Unbound = true, Prefix = Uri.UnescapeDataString(raw[..^1]), Suffix = "*" });
                    }

                    segments.Add(new PathSegmentIr.Rest("*", SymbolFactory.Local("path")) { NeedsSlash = raw.Length == 1 && index > 0 && !raws[index - 1].EndsWith('}') });
                }
                else
                {
                    // A literal segment, a '*' in it included: with a query after the path ("/files*?x={x}"), URITemplate's
                    // literal "/files*?x=" does not end with its '*', which Literal.match compares as written.
                    segments.Add(new PathSegmentIr.Literal(Uri.UnescapeDataString(raw)));
                }
            }

            foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var eq = pair.IndexOf('=', StringComparison.Ordinal);
                if (eq > 0 && pair[(eq + 1)..] is var value && value.StartsWith('{') && value.EndsWith('}'))
                {
                    // URITemplate names a reserved expression's variable without its operator: {+x} sets uri.var.x.
                    templateQuery.Add((pair[..eq], value[1..^1].TrimStart('+')));
                }
            }
        }
        else if (resource.UrlMapping is { } mapping)
        {
            var path = mapping.Trim();
            var wildcard = path.EndsWith("/*", StringComparison.Ordinal) || path == "*";
            if (wildcard)
            {
                path = path.Length > 1 ? path[..^2] : string.Empty;
            }
            else if (path.StartsWith("*.", StringComparison.Ordinal))
            {
                _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, resource.Location, "resource", $"url-mapping '{mapping}'", "extension mappings match any path here");
                path = string.Empty;
                wildcard = true;
            }

            foreach (var raw in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
            {
                segments.Add(new PathSegmentIr.Literal(raw));
            }

            if (wildcard)
            {
                segments.Add(new PathSegmentIr.Rest("*", SymbolFactory.Local("path")));
            }
        }
        else
        {
            // The default resource: any path.
            segments.Add(new PathSegmentIr.Rest("*", SymbolFactory.Local("path")));
        }

        return segments.ToImmutable();
    }

    /// <summary>
    /// The query of a resource's uri-template and, when the generated resource checks it, the check as a regular
    /// expression of the request's raw query (<see cref="QueryPattern"/>); a query whose match is not reproduced is
    /// reported (SB0299) and the resource runs for any query.
    /// </summary>
    private (string? Template, string? Pattern) ResourceQuery(ApiSyntax api, ApiResourceSyntax resource)
    {
        // URITemplate drops one trailing '/' from the template before parsing it.
        var template = resource.UriTemplate is { } t && t != "/" && t.EndsWith('/') ? t[..^1] : resource.UriTemplate;
        if (template?.IndexOf('?', StringComparison.Ordinal) is not (>= 0 and var mark))
        {
            return (null, null);
        }

        var query = template[(mark + 1)..];
        var pattern = QueryPattern(query, out var problem);
        if (problem is not null)
        {
            var summary = $"{(resource.Methods.IsEmpty ? "ANY" : string.Join(',', resource.Methods))} {api.Context.TrimEnd('/')}{resource.UriTemplate}";
            _diagnostics.Report(DiagnosticCatalog.ResourceQueryNotMatched, resource.Location, summary, query, problem + "; the resource runs for any query");
        }

        return (query, pattern);
    }

    /// <summary>Whether two resources answer a common HTTP method (no methods: every one).</summary>
    private static bool SharesMethod(ApiResourceSyntax a, ApiResourceSyntax b) =>
        a.Methods.IsEmpty || b.Methods.IsEmpty || a.Methods.Intersect(b.Methods, StringComparer.OrdinalIgnoreCase).Any();

    /// <summary>The characters a simple <c>{x}</c> stops at (SimpleStringExpression's reserved set, without synapse.allow.subdelims).</summary>
    private const string UriReservedCharacters = ":/?#[]@!$&'()*+,;=";

    /// <summary>
    /// URITemplate.matches over the query of a uri-template, as a regular expression (Ballerina's regexp syntax) the
    /// whole raw query of a request must match: the literal text as written (Literal.match compares characters); a
    /// simple <c>{x}</c> any run of characters up to the first reserved one or the first character of the literal that
    /// follows it (SimpleStringExpression.match takes no more, and the next node must then match); <c>{+x}</c> any run
    /// up to that first character, or the rest (ReservedStringExpression); and, as Node.matchAll counts a last '/' left
    /// over, an optional '/' at the end; a last literal ending in '*' the text before the '*' and then anything. Null, with the reason in <paramref name="problem"/>, for what this does not
    /// reproduce: another operator, a variable list or prefix, a literal ending in '*' before an expression, two variables in a row, a backtick.
    /// A literal ending in '*' as the last node matches any rest (a template ending <c>?*</c>: any query, but a query).
    /// </summary>
    internal static string? QueryPattern(string query, out string? problem)
    {
        problem = null;
        var nodes = new List<(bool Expression, string Text)>();
        var at = 0;
        while (at < query.Length)
        {
            var open = query.IndexOf('{', at);
            if (open < 0)
            {
                nodes.Add((false, query[at..]));
                break;
            }

            if (open > at)
            {
                nodes.Add((false, query[at..open]));
            }

            var close = query.IndexOf('}', open);
            if (close < 0)
            {
                problem = "a '{' without its '}'";
                return null;
            }

            nodes.Add((true, query[(open + 1)..close]));
            at = close + 1;
        }

        var pattern = new System.Text.StringBuilder();
        for (var i = 0; i < nodes.Count; i++)
        {
            var (expression, text) = nodes[i];
            if (!expression)
            {
                if (text.Contains('`', StringComparison.Ordinal) || text.Contains('}', StringComparison.Ordinal))
                {
                    problem = $"the literal text '{text}' holds a '}}' or backtick";
                    return null;
                }

                // A literal ending in '*' takes the rest of the request (Literal.match returns the fragment's length
                // once the text before the '*' matched): only as the template's last node, where nothing follows to
                // match the empty rest. A '*' anywhere else is compared as a character, as the other literal text.
                var rest = text.EndsWith('*');
                if (rest && i + 1 < nodes.Count)
                {
                    problem = $"the literal text '{text}' ends in a '*' (which takes the rest of the query) and '{{{nodes[i + 1].Text}}}' follows it";
                    return null;
                }

                foreach (var c in rest ? text[..^1] : text)
                {
                    pattern.Append(RegexSyntaxCharacters.Contains(c, StringComparison.Ordinal) ? "\\" + c : c.ToString());
                }

                if (rest)
                {
                    return pattern.Append(".*").ToString();
                }

                continue;
            }

            var reserved = text.StartsWith('+');
            var name = reserved ? text[1..] : text;
            if (name.Length == 0 || name.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_')))
            {
                problem = $"the expression '{{{text}}}' is not a simple {{x}} or {{+x}} of one variable";
                return null;
            }

            char? stop = null;
            if (i + 1 < nodes.Count)
            {
                if (nodes[i + 1].Expression)
                {
                    problem = $"the expression '{{{text}}}' is followed by another expression";
                    return null;
                }

                stop = nodes[i + 1].Text[0];
            }

            var excluded = (reserved ? string.Empty : UriReservedCharacters) + (stop is { } s && !(reserved ? string.Empty : UriReservedCharacters).Contains(s, StringComparison.Ordinal) ? s.ToString() : string.Empty);
            pattern.Append(excluded.Length == 0 ? ".*" : "[^" + string.Concat(excluded.Select(c => RegexSyntaxCharacters.Contains(c, StringComparison.Ordinal) || c == '-' ? "\\" + c : c.ToString())) + "]*");
        }

        return pattern.Append("/?").ToString();
    }

    /// <summary>The characters Ballerina's regexp syntax gives a meaning (ReSyntaxChar), escaped with a backslash when they are meant literally.</summary>
    private const string RegexSyntaxCharacters = "^$\\.*+?()[]{}|";

    private ImmutableArray<StepIr> AddTemplateQueryParams(List<(string Param, string Var)> query, ImmutableArray<StepIr> body, ApiResourceSyntax resource)
    {
        if (query.Count == 0)
        {
            return body;
        }

        // uri-template query variables are stored as uri.var.* in Synapse.
        var steps = query.Select(q => (StepIr)new SetPropertyStep(null, "uri.var." + q.Var, new PropertyReadIr("query.param." + q.Param)));
        return [.. steps, .. body];
    }

    /// <summary>Adds Synapse's implicit end of a flow: 202 Accepted when it ends without answering.</summary>
    /// <param name="report">False for an out flow nothing can reach (no send or loopback hands it a message): its end is not reported.</param>
    private ImmutableArray<StepIr> WithFallThrough(ImmutableArray<StepIr> steps, SourceLocation location, bool afterCall = false, bool report = true, bool acceptedFirst = false)
    {
        if (Flow.Terminates(steps))
        {
            return steps;
        }

        if (report && FallThroughDiagnostic(steps, afterCall) is { } descriptor)
        {
            ReportFaultEnding(descriptor, location, acceptedFirst, StoppingSplit(steps) is { } split ? SplitStops(split) : SplitInCopies(steps, new HashSet<Symbol>()) is { } nested ? NestedSplitStops(nested.Outer, nested.Inner) : Answers202);
        }

        return [.. steps, new AcceptStep(null)];
    }

    /// <summary>The implicit end of a fault flow after a non-blocking send (SB0260): 502 for a backend's failure, else 202.</summary>
    private ImmutableArray<StepIr> ReportedUnansweredEnd(ImmutableArray<StepIr> steps, SourceLocation location)
    {
        _diagnostics.Report(DiagnosticCatalog.FaultAfterBackendFailureUnanswered, location);
        return [.. steps, new AcceptStep(null) { AfterBackendFailure = true }];
    }

    /// <summary>
    /// Reports where a flow ends without responding. After FORCE_SC_ACCEPTED set before anything sent
    /// (<paramref name="acceptedFirst"/>), what would be SB0210 is SB0215: the listener answers 202 when the in flow's
    /// mediation returns, whatever RESPONSE_WRITTEN says (ServerWorker.sendAck reads FORCE_SC_ACCEPTED), so the client
    /// already has its 202 when a failure of the backend runs the fault flow, or gets it when a failure in the in
    /// flow's own thread returns from the fault flow; the generated code answers 202 there too.
    /// </summary>
    private void ReportFaultEnding(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, SourceLocation location, bool acceptedFirst, string reason)
    {
        if (acceptedFirst && descriptor == DiagnosticCatalog.ResponseHang)
        {
            _diagnostics.Report(DiagnosticCatalog.FlowEndsWithoutResponse, location, AcceptedAlready);
            return;
        }

        if (descriptor == DiagnosticCatalog.FaultAfterBackendFailureUnanswered)
        {
            _diagnostics.Report(descriptor, location);
            return;
        }

        _diagnostics.Report(descriptor, location, reason);
    }

    /// <summary>What SB0215 says where a fault flow ends without responding after the in flow set FORCE_SC_ACCEPTED before any send.</summary>
    internal const string AcceptedAlready = "the in flow sets FORCE_SC_ACCEPTED before anything is sent (a store before it is synchronous), so the Micro Integrator has answered the client 202 Accepted with an empty body as soon as the in flow returned (before a backend's failure runs this fault flow), or answers it when this fault flow returns; the generated code answers 202 here (return accepted())";

    /// <summary>
    /// Whether the in flow sets the axis2 property FORCE_SC_ACCEPTED to the literal "true" before any mediator that
    /// could send, and never changes it again. Only logging, property, variable, header, payload and store mediators
    /// may come before it (anything else could send a message or run something that does; a store is synchronous, so
    /// the flow goes on in the request's thread and ServerWorker.sendAck reads the property when it returns, and a
    /// store that fails does so before it sets SKIP); a later write of the property anywhere, a computed value or one
    /// in a branch answers false (SB0210 stays).
    /// </summary>
    private static bool AcceptedBeforeAnySend(ImmutableArray<MediatorSyntax> mediators)
    {
        var accepted = false;
        foreach (var mediator in mediators)
        {
            if (mediator is PropertyMediator { Name: "FORCE_SC_ACCEPTED", Scope: "axis2" } property)
            {
                if (accepted || LiteralFlag(property) is not true)
                {
                    return false;
                }

                accepted = true;
                continue;
            }

            if (accepted)
            {
                var walker = new Semantics.MediatorCollector();
                walker.WalkMediators([mediator]);
                if (walker.Mediators.Any(m => m is PropertyMediator { Name: "FORCE_SC_ACCEPTED" }))
                {
                    return false;
                }
            }
            else if (mediator is not (LogMediator or PropertyMediator or PropertyGroupMediator or VariableMediator or HeaderMediator or PayloadFactoryMediator or StoreMediator { Sequence: null })
                || (mediator is PropertyGroupMediator group && group.Properties.Any(p => p.Name == "FORCE_SC_ACCEPTED")))
            {
                return false;
            }
        }

        return accepted;
    }

    /// <summary>
    /// What ending the steps without a response is reported as (SB0210 after a call, SB0215 otherwise), or null when
    /// they always answer. Either way the generated code answers 202; the diagnostic says whether the Micro Integrator
    /// does too. A flow that ends by running a sequence that always answers never gets there (the 202 only satisfies
    /// the compiler).
    /// </summary>
    /// <remarks>
    /// Judged per path (the branches of a filter, switch or in/out): only a path that reaches the end without answering
    /// counts, and it leaves the client waiting only when a non-blocking send went out on it (ServerWorker.sendAck
    /// writes the 202 unless RESPONSE_WRITTEN is set), not when a call sits in a branch that answers.
    /// </remarks>
    private Microsoft.CodeAnalysis.DiagnosticDescriptor? FallThroughDiagnostic(ImmutableArray<StepIr> steps, bool afterCall)
    {
        if (Flow.Terminates(steps) || AlwaysAnswers(steps, new HashSet<Symbol>()))
        {
            return null;
        }

        var ends = FallThroughStates(steps, afterCall ? AckState.Moved : AckState.Unsent);
        return ends.Count == 0 ? null : ends.Any(e => e is AckState.Skipped or AckState.Moved) ? DiagnosticCatalog.ResponseHang : DiagnosticCatalog.FlowEndsWithoutResponse;
    }

    /// <summary>
    /// What the listener will make of a path's end (ServerWorker.sendAck, run when the request's mediation returns): it
    /// writes 202 unless RESPONSE_WRITTEN is SKIP, and whatever RESPONSE_WRITTEN says when FORCE_SC_ACCEPTED is true then.
    /// </summary>
    private enum AckState
    {
        /// <summary>Nothing sent: the listener answers 202.</summary>
        Unsent,

        /// <summary>FORCE_SC_ACCEPTED set true in the request's thread: the listener answers 202, sent or not.</summary>
        Forced,

        /// <summary>
        /// A non-blocking send or call made while <see cref="Forced"/>: the request's thread returned there with the
        /// property true, so the listener has answered 202, whatever the flow does with the property afterwards.
        /// </summary>
        Acknowledged,

        /// <summary>
        /// A store or a RESPONSE property (Axis2MessageContext.setProperty, whatever the value) set SKIP and the flow goes
        /// on in the request's thread: a later FORCE_SC_ACCEPTED still counts.
        /// </summary>
        Skipped,

        /// <summary>
        /// A non-blocking send or call set SKIP and the flow goes on in its response's thread: the listener answered
        /// nothing when the request's thread returned, and a later FORCE_SC_ACCEPTED comes too late.
        /// </summary>
        Moved,
    }

    /// <summary>What the listener makes of each path through the steps that ends without answering (none: every path answers).</summary>
    private HashSet<AckState> FallThroughStates(ImmutableArray<StepIr> steps, AckState sent)
    {
        var states = new HashSet<AckState> { sent };
        foreach (var step in steps)
        {
            if (states.Count == 0)
            {
                break;
            }

            var next = new HashSet<AckState>();
            foreach (var state in states)
            {
                next.UnionWith(FallThroughStates(step, state));
            }

            states = next;
        }

        return states;
    }

    private HashSet<AckState> FallThroughStates(StepIr step, AckState sent)
    {
        IEnumerable<ImmutableArray<StepIr>>? alternatives = step switch
        {
            IfStep i => [i.Then, i.Else],
            SwitchStep s => [.. s.Cases.Select(c => c.Steps), s.Default],
            DirectionStep d => [d.Request, d.Response],
            ThrottleStep t => [t.OnAccept, t.OnReject],
            _ => null,
        };
        if (alternatives is not null)
        {
            return [.. alternatives.SelectMany(branch => FallThroughStates(branch, sent))];
        }

        if (step.Terminates || AlwaysAnswers([step], new HashSet<Symbol>()))
        {
            return [];
        }

        if (sent is AckState.Moved or AckState.Acknowledged)
        {
            // The request's thread has returned: what the listener did is done.
            return [sent];
        }

        if (_forceAcceptedMarks.TryGetValue(step, out var forced))
        {
            // FORCE_SC_ACCEPTED is read when the request's thread returns: set there, it makes the listener answer 202
            // even after a store's SKIP.
            return [forced ? AckState.Forced : sent == AckState.Forced ? AckState.Unsent : sent];
        }

        // A blocking call goes on in the request's thread and sets no RESPONSE_WRITTEN (only Axis2FlexibleMEPClient.send
        // does, for a non-blocking send or call), so it changes nothing the listener sees.
        var walked = IrWalker.Steps([step]).ToList();
        if (walked.Any(s => s is CallStep { Blocking: false } or CallAddressStep { Blocking: false } or JmsSendStep { AwaitsReply: true } || InvokesNonBlockingSend(s)))
        {
            return [sent == AckState.Forced ? AckState.Acknowledged : AckState.Moved];
        }

        return [walked.Any(_unacknowledgedSkips.Contains) && sent == AckState.Unsent ? AckState.Skipped : sent];
    }

    /// <summary>
    /// Whether the step runs a named sequence or template that sends without blocking (a call, send or store in it or in
    /// what it runs: <see cref="Semantics.FlowFacts.SendsWithoutBlocking"/>, the fact SB0260 reads). Axis2FlexibleMEPClient.send
    /// sets the operation's RESPONSE_WRITTEN to SKIP there as inline, so ServerWorker.sendAck writes no 202 when the
    /// flow ends after it (SB0210, as for the same call written inline).
    /// </summary>
    private bool InvokesNonBlockingSend(StepIr step) =>
        step is InvokeStep invoke
        && (_sequenceFunctions.FirstOrDefault(s => s.Value == invoke.Function).Key is { } sequence
            ? _model.SequenceFacts(sequence).SendsWithoutBlocking
            : _templateFunctions.FirstOrDefault(t => t.Value.Function == invoke.Function).Key is { } template && _model.TemplateFacts(template).SendsWithoutBlocking);

    /// <summary>What SB0215 says where a flow ends without responding: the Micro Integrator answers 202, as the generated code does.</summary>
    internal const string Answers202 = "where a client waits for the answer (an HTTP request), the Micro Integrator then answers 202 Accepted with an empty body, and so does the generated code (return accepted()); a task, a polling listener or a processor gets no answer either way";

    /// <summary>
    /// <see cref="Answers202"/> for a drop that may end a copy of an iterate or clone stopping its parent (the driver
    /// revises it once the refiner has marked the drop, Refine/CopyDrops.cs): there neither answers.
    /// </summary>
    internal const string Answers202InCopy = "where a client waits for the answer (an HTTP request), the Micro Integrator then answers 202 Accepted with an empty body, and so does the generated code, except where the drop ends a copy of an iterate or clone without continueParent: the split marked the request as answered elsewhere (CloneMediator and IterateMediator set RESPONSE_WRITTEN to SKIP), so the Micro Integrator writes nothing for the drop, and the generated copy answers nothing either (dropped(ctx)): the client gets the answer another copy sends, or none and waits until it times out; a task, a polling listener or a processor gets no answer either way";

    /// <summary>
    /// An iterate or clone without continueParent kept in a TODO directly in the steps (not in a branch), or null. The
    /// Micro Integrator's flow stops there, and the split sets RESPONSE_WRITTEN to SKIP so that no 202 is written
    /// (IterateMediator, CloneMediator): the end the generated code reaches answers 202 where the Micro Integrator does
    /// not.
    /// </summary>
    private static MediatorSyntax? StoppingSplit(ImmutableArray<StepIr> steps) =>
        steps.OfType<TodoStep>().Select(t => t.Origin).FirstOrDefault(o => o is IterateMediator { ContinueParent: false } or CloneMediator { ContinueParent: false });

    /// <summary>
    /// A split of the steps whose copies run an iterate or clone kept in a TODO that sends or has no continueParent
    /// (directly or in a further split's copies), or null. The copies share this message's operation context (MessageHelper.
    /// cloneMessageContext), so that inner split's RESPONSE_WRITTEN = SKIP (IterateMediator, CloneMediator without
    /// continueParent; Axis2FlexibleMEPClient.send for a send) keeps the
    /// Micro Integrator from writing a 202 for this message, while the generated code, until the TODO is written, answers 202.
    /// </summary>
    private (MediatorSyntax Outer, MediatorSyntax Inner)? SplitInCopies(ImmutableArray<StepIr> steps, HashSet<Symbol> visiting)
    {
        foreach (var fork in IrWalker.Steps(steps).OfType<ForkStep>())
        {
            if (fork.Origin is not { } outer)
            {
                continue;
            }

            foreach (var branch in fork.Branches.Where(visiting.Add))
            {
                if (_functions.FirstOrDefault(f => f.Name == branch) is not { } copy)
                {
                    continue;
                }

                // A split kept in a TODO that stops (no continueParent) or sends (Axis2FlexibleMEPClient sets SKIP on a send).
                if (copy.Body.OfType<TodoStep>().Select(t => t.Origin).FirstOrDefault(o => o is IterateMediator { ContinueParent: false } or CloneMediator { ContinueParent: false }
                    || (o is IterateMediator or CloneMediator && _model.FactsOf([o]).Sends)) is { } inner)
                {
                    return (outer, inner);
                }

                if (SplitInCopies(copy.Body, visiting) is { } deeper)
                {
                    return (outer, deeper.Inner);
                }
            }
        }

        return null;
    }

    /// <summary>SB0215's text after a split whose copies hold a stopping split (<see cref="SplitInCopies"/>).</summary>
    private static string NestedSplitStops(MediatorSyntax outer, MediatorSyntax inner) =>
        $"the <{inner.ElementName}> at {Path.GetFileName(inner.Location.Path)}:{inner.Location.Line} (kept in a TODO), run by the copies the <{outer.ElementName}> at {Path.GetFileName(outer.Location.Path)}:{outer.Location.Line} makes, sends or has no continueParent: either sets RESPONSE_WRITTEN to SKIP on the operation context the copies share with this message (MessageHelper.cloneMessageContext), so the Micro Integrator writes no 202 here: the client gets the first answer a copy sends, or none and waits until it times out; the generated code answers 202 Accepted (return accepted()) until the TODO is written";

    /// <summary>SB0215's text after a split that <see cref="StoppingSplit"/> found.</summary>
    private static string SplitStops(MediatorSyntax split) =>
        $"the <{split.ElementName}> at {Path.GetFileName(split.Location.Path)}:{split.Location.Line} (kept in a TODO) has no continueParent, so the Micro Integrator stops the flow there and writes no 202 (it sets RESPONSE_WRITTEN to SKIP): the client gets the first answer its copies send, or none and waits until it times out; the generated code answers 202 Accepted (return accepted()) until the TODO is written";

    /// <summary>
    /// True when the steps always answer: a step ends the flow, a sequence they run (already lowered) always answers, or
    /// every branch of a filter, switch, in/out or throttle they hold does (a switch of cases that each run a sequence answering on
    /// every path, say). <paramref name="visiting"/> holds the functions being followed, so a cycle answers false.
    /// </summary>
    private bool AlwaysAnswers(ImmutableArray<StepIr> steps, HashSet<Symbol> visiting) =>
        Flow.Terminates(steps) || steps.Any(step => StepAlwaysAnswers(step, visiting));

    private bool StepAlwaysAnswers(StepIr step, HashSet<Symbol> visiting)
    {
        switch (step)
        {
            case InvokeStep { CanStop: true } invoke:
            {
                if (_alwaysAnswering.Contains(invoke.Function))
                {
                    return true;
                }

                if (_functions.FirstOrDefault(f => f.Name == invoke.Function) is not { } function || !visiting.Add(invoke.Function))
                {
                    return false;
                }

                var answers = AlwaysAnswers(function.Body, visiting);
                visiting.Remove(invoke.Function);
                if (answers)
                {
                    // A lowered function's body does not change: once it always answers, it always will.
                    _alwaysAnswering.Add(invoke.Function);
                }

                return answers;
            }

            case IfStep branch:
                return AlwaysAnswers(branch.Then, visiting) && AlwaysAnswers(branch.Else, visiting);
            case SwitchStep choice:
                return choice.Cases.All(c => AlwaysAnswers(c.Steps, visiting)) && AlwaysAnswers(choice.Default, visiting);
            case DirectionStep direction:
                return AlwaysAnswers(direction.Request, visiting) && AlwaysAnswers(direction.Response, visiting);
            case ThrottleStep throttle:
                return AlwaysAnswers(throttle.OnAccept, visiting) && AlwaysAnswers(throttle.OnReject, visiting);
            default:
                return false;
        }
    }

    /// <summary>The lowered functions known to answer on every path (<see cref="StepAlwaysAnswers"/>).</summary>
    private readonly HashSet<Symbol> _alwaysAnswering = [];

    /// <summary>The end of an out flow that may be reached, by out function, reported once its in flow is lowered (<see cref="ReportOutFlowEnd"/>).</summary>
    private readonly Dictionary<Symbol, (Microsoft.CodeAnalysis.DiagnosticDescriptor Descriptor, SourceLocation Location)> _pendingOutFlowEnds = new();

    /// <summary>
    /// Reports where an out flow ends without answering (SB0210), unless the lowered in flow never hands it a message:
    /// the syntax said a send may reach it (<see cref="HandsToOutFlow"/>), but an iterate or clone whose aggregate the
    /// out flow holds sends in its branches and is gathered where the split stands, so the out flow runs for nothing
    /// (and is not declared, Refine/UnusedFlows.cs). It is reached when the in flow, its fault flow or a function they
    /// run (transitively) continues with it, continues with the registered flow while the resource registers it, holds
    /// a TODO (its finished code may run it) or runs a function not lowered yet.
    /// </summary>
    private void ReportOutFlowEnd(Symbol? outFunction, ImmutableArray<StepIr> inBody, Symbol? faultFunction, bool registered)
    {
        if (outFunction is null)
        {
            return;
        }

        if (_pendingOutFlowEnds.Remove(outFunction, out var end) && MayReachOutFlow(outFunction, inBody, faultFunction, registered))
        {
            _diagnostics.Report(end.Descriptor, end.Location, Answers202);
        }

        // An out flow no send reaches (by the syntax) is said never to run, unless the lowered in flow holds a TODO or
        // dead code whose finished code may send, or runs what is not lowered yet.
        if (_pendingNeverRuns.Remove(outFunction, out var never) && !MayReachOutFlow(outFunction, inBody, faultFunction, registered))
        {
            _diagnostics.Report(DiagnosticCatalog.OutFlowNeverRuns, never.Location, never.Description);
        }
    }

    /// <summary>
    /// Whether the in flow, its fault flow or a function they run (transitively) continues with the out flow,
    /// continues with the registered flow while the resource registers it, holds a TODO or dead code (its finished code
    /// may run it) or runs a function not lowered yet.
    /// </summary>
    private bool MayReachOutFlow(Symbol outFunction, ImmutableArray<StepIr> inBody, Symbol? faultFunction, bool registered)
    {
        var lowered = _functions.ToDictionary(f => f.Name);
        var seen = new HashSet<Symbol> { outFunction };
        var pending = new Stack<ImmutableArray<StepIr>>([inBody]);
        if (faultFunction is not null && seen.Add(faultFunction))
        {
            if (!lowered.TryGetValue(faultFunction, out var fault))
            {
                return true;
            }

            pending.Push(fault.Body);
        }

        while (pending.TryPop(out var body))
        {
            foreach (var step in IrWalker.Steps(body))
            {
                var reaches = step switch
                {
                    ContinueWithStep next when next.Function == outFunction || (next.Function is null && registered) => true,
                    TodoStep or DeadCodeStep => true,
                    _ => false,
                };
                IEnumerable<Symbol> callees = step switch
                {
                    ContinueWithStep { Function: { } next } => [next],
                    InvokeStep invoke => [invoke.Function],
                    ForkStep fork => fork.Branches,
                    ForEachStep loop => [loop.Body],
                    _ => [],
                };
                foreach (var callee in callees.Where(seen.Add))
                {
                    if (!lowered.TryGetValue(callee, out var function))
                    {
                        reaches = true;
                        break;
                    }

                    pending.Push(function.Body);
                }

                if (reaches)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Out flows no send reaches by the syntax, by out function, reported once the in flow is lowered (<see cref="ReportOutFlowEnd"/>).</summary>
    private readonly Dictionary<Symbol, (SourceLocation Location, string Description)> _pendingNeverRuns = new();

    /// <summary>A flow's steps: inline mediators, or a call of the sequence its key names.</summary>
    private ImmutableArray<StepIr> LowerFlowBody(FlowSyntax flow, FlowContext context)
    {
        if (flow.Key is { } key)
        {
            if (flow.OnError is { } ignored)
            {
                // SequenceMediator applies onError only to a sequence with no key (its mediators inline).
                _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, flow.Location, "sequence", $"onError=\"{ignored}\"", "the Micro Integrator applies onError only to a flow written inline, not to one given by key; the keyed sequence's own onError (or the caller's fault handling) applies, as here");
            }

            return LowerSequenceKey(null, flow.Location, key, $"<sequence key=\"{key.Text}\"/>");
        }

        var what = context.Kind switch
        {
            FlowKind.In => "inSequence",
            FlowKind.Out => "outSequence",
            FlowKind.Fault => "faultSequence",
            _ => "sequence",
        };
        return LowerInlineOnError(what, $"{what} of {context.Owner}", flow.OnError, flow.Mediators, flow.Location, context);
    }

    /// <summary>
    /// Mediators written inline in a flow element or an anonymous <c>&lt;sequence&gt;</c> with <c>onError</c>:
    /// SequenceMediator pushes the named sequence as the fault handler while they run and pops it when they end
    /// normally, so a failure among them runs that sequence (ERROR_CODE and ERROR_MESSAGE set) and mediation stops
    /// there, as a named sequence's onError does (<see cref="SequenceOnError"/>). The mediators become a function
    /// whose <c>do</c>/<c>on fail</c> calls the onError sequence's fault function, and the flow invokes it. Not
    /// translated (SB0206, failures go to the enclosing fault handling as before) when the mediators send a message
    /// on (a send, a non-blocking call, a loopback, a sequence that sends): the Micro Integrator hands its fault stack,
    /// the onError handler on top, to the response, whose failures the function's <c>on fail</c> never sees; nor when
    /// onError names no sequence of the input (Synapse warns and runs without it).
    /// </summary>
    /// <param name="what">The element, for the diagnostic (<c>inSequence</c>, <c>sequence</c>).</param>
    /// <param name="description">What the function runs, for its name and doc comment.</param>
    private ImmutableArray<StepIr> LowerInlineOnError(string what, string description, string? onError, ImmutableArray<MediatorSyntax> mediators, SourceLocation location, FlowContext context)
    {
        if (onError is null)
        {
            return LowerBlock(mediators, context);
        }

        if (!_sequenceFunctions.ContainsKey(onError))
        {
            var body = LowerBlock(mediators, context);
            _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, location, what, $"onError=\"{onError}\"", $"{MissingOnError(onError)}; failures go to the enclosing fault handling");
            return [new TodoStep(null, new NotTranslatedIr(DiagnosticCatalog.AttributeNotTranslated, $"onError=\"{onError}\" of the {what} names no sequence of the input; failures go to the enclosing fault handling"), $"<{what} onError=\"{onError}\">"), .. body];
        }

        // A function of its own: a resource's path parameters are read from their uri.var.* properties there.
        var inner = LowerBlock(mediators, context with { Translator = context.Translator.WithPathParams(new Dictionary<string, Symbol>()) });
        if (_model.FactsOf(mediators).Sends || IrWalker.Steps(inner).Any(s => s is CallStep { Blocking: false } or CallAddressStep { Blocking: false } or JmsSendStep { AwaitsReply: true }))
        {
            _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, location, what, $"onError=\"{onError}\"", "the flow sends the message on (a send, a non-blocking call, a loopback or a sequence that sends): the Micro Integrator hands the onError handler to the response too, whose failures a do/on fail around the flow would not see; failures go to the enclosing fault handling instead");
            return inner;
        }

        // Named after its resource or proxy as their other functions are ("check sequence" for OrdersAPI /check), when
        // that is shorter than the owner's whole name (a resource's methods and path may make it longer).
        var hint = $"{context.Owner} {what}";
        var function = _symbols.Module(SymbolKind.Function, hint, shorter: [.. FlowShorter(context, what).Where(s => NameLength(s) < NameLength(hint))]);
        var fault = OnErrorFunction(onError, $"{description} (onError)", location);
        _functions.Add(new FunctionIr(function, FunctionKind.Sequence, true, inner, $"The {description}, whose failures run sequence '{onError}' (onError).", location) { FaultFunction = fault });
        return [new InvokeStep(null, function, true)];
    }

    /// <summary>The letters and digits of a name's words: its length once cased, for comparing two ladders' names.</summary>
    private static int NameLength(string words) => words.Count(char.IsLetterOrDigit);
}
