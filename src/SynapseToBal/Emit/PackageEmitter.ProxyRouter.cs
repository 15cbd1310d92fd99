using System.Text.RegularExpressions;
using SynapseToBal.IR;
using SynapseToBal.Refine;

namespace SynapseToBal.Emit;

// Issue 14: the proxies' services as one service at /services that dispatches by the proxy's name.
public sealed partial class PackageEmitter
{
    /// <summary>One proxy the <c>/services</c> service answers: its own service and those of its Axis2 endpoint addresses.</summary>
    private sealed record ProxyRoute(ServiceIr Primary, IReadOnlyList<ServiceIr> Services);

    /// <summary>The proxies one <c>/services</c> service answers, all on the same listeners.</summary>
    private sealed record ProxyRouter(string Listener, IReadOnlyList<ProxyRoute> Routes)
    {
        public HashSet<ServiceIr> Services { get; } = new(Routes.SelectMany(r => r.Services), ReferenceEqualityComparer.Instance);
    }

    /// <summary>
    /// The proxies whose services become one service at <c>/services</c> (issue 14): its resource takes the first segment
    /// after <c>/services</c> and <c>match</c>es it with every address of each proxy (<c>"OrderProxy"|"OrderProxy.OrderProxyHttpSoap11Endpoint"|...</c>),
    /// running the proxy's flow with the base path its own service had (<c>"/services/" + name</c>); any other name is
    /// answered as the Micro Integrator's shipped main sequence answers them (<c>serviceNotFound</c>: 404, no body).
    /// The same requests reach the same flows: the listener dispatches a request to the service with the longest base
    /// path that matches it, so an API or data service under <c>/services</c> keeps its own. Null (every proxy keeps a
    /// service per address) when another service would answer a name the proxies do not have, which the one service
    /// would take from it (a service at <c>/</c>, the main sequence's or an API's, or at <c>/services</c> itself), when
    /// the resources take the caller (<c>http:Caller</c>: one flow method per service), and under
    /// <c>--keep-structure</c> (each proxy's services stay in its own file). A proxy is left out (its services kept)
    /// when its name is not one plain path segment (letters, digits, <c>_</c>, <c>-</c> and <c>.</c>: the listener
    /// matches base paths on the raw path and a path parameter is decoded, the same only for such names) or its
    /// services are not the same resource at every address. The proxies on the listeners most of them share (on a tie,
    /// on the most listeners) are answered by the one service; those on other listeners (an https-only proxy beside
    /// proxies on both) keep theirs.
    /// </summary>
    private ProxyRouter? PlanProxyRouter(IReadOnlyList<ServiceIr> services, Func<ServiceIr, string> listenersOf, NameMap names)
    {
        if (_options.KeepStructure || _readsCaller || services.Any(s => s.BasePath.TrimEnd('/') is "" or "/services"))
        {
            return null;
        }

        var routes = new List<(string Listener, ProxyRoute Route)>();
        for (var i = 0; i < services.Count; i++)
        {
            var primary = services[i];
            if (primary.Kind != ServiceKind.Proxy)
            {
                continue;
            }

            var group = new List<ServiceIr> { primary };
            while (i + 1 < services.Count && services[i + 1] is { Kind: ServiceKind.Proxy } next && ReferenceEquals(next.Origin, primary.Origin))
            {
                group.Add(next);
                i++;
            }

            if (Routable(group, listenersOf, names))
            {
                routes.Add((listenersOf(primary), new ProxyRoute(primary, group)));
            }
        }

        if (routes.Count == 0)
        {
            return null;
        }

        // The listeners most proxies are on; on a tie the most listeners (proxies on http and https before https-only
        // ones), then the first in the file's order.
        var listener = routes.GroupBy(r => r.Listener, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key.Count(c => c == ',')).First().Key;
        return new ProxyRouter(listener, routes.Where(r => r.Listener == listener).Select(r => r.Route).ToList());
    }

    /// <summary>Whether a proxy's services can be arms of the <c>/services</c> service (<see cref="PlanProxyRouter"/>).</summary>
    private static bool Routable(List<ServiceIr> group, Func<ServiceIr, string> listenersOf, NameMap names)
    {
        var primary = group[0];
        if (primary.BasePath != "/services/" + primary.Name || primary.Resources is not [{ Skipped: null } resource]
            || resource.Path is not [PathSegmentIr.Rest { SynapseName: "*" } rest] || names[rest.Parameter] != "path")
        {
            return false;
        }

        return group.All(s => RouteName(s) is not null && listenersOf(s) == listenersOf(primary) && ReferenceEquals(s.Wsdl, primary.Wsdl)
            && s.Resources is [{ Skipped: null } r] && r.Accessor == resource.Accessor && r.Path.SequenceEqual(resource.Path) && r.Body.SequenceEqual(resource.Body)
            && r.FaultFunction == resource.FaultFunction && r.OutFunction == resource.OutFunction && r.NeedsOutFlow == resource.NeedsOutFlow)
            && group.Select(RouteName).Distinct(StringComparer.Ordinal).Count() == group.Count;
    }

    /// <summary>The name a service of a proxy is matched by: its base path's one segment after <c>/services/</c>, when that is plain.</summary>
    private static string? RouteName(ServiceIr service) =>
        service.BasePath.StartsWith("/services/", StringComparison.Ordinal) && service.BasePath["/services/".Length..] is var name && PlainSegment().IsMatch(name) && name != "." && name != ".."
            ? name
            : null;

    [GeneratedRegex("^[A-Za-z0-9_.-]+$")]
    private static partial Regex PlainSegment();

    /// <summary>
    /// What a proxy's service answers the metadata queries (<c>?wsdl</c>, <c>?wsdl2</c>, <c>?xsd</c>) with before its flow
    /// runs, as PassThroughNHttpGetProcessor answers them: the comment lines above the test and the answer's expression
    /// (of <c>metadataQuery</c>); null for a service that answers none (an API, a data service, the main sequence).
    /// </summary>
    private static object? MetadataView(ServiceIr service, NameMap names) => service switch
    {
        { Wsdl: { Generated: true } wsdl } => new
        {
            Comments = new[]
            {
                "GET ...?wsdl and ?xsd: what the Micro Integrator answers for a proxy that publishes no WSDL;",
                "?wsdl2 (its WSDL 2.0) is not reproduced: 501. The flow does not run for any of them, as there.",
            },
            Answer = $"proxyMetadataResponse(request, metadataQuery, {names[wsdl.Path]})",
        },
        { Wsdl: { } wsdl } => new
        {
            Comments = new[]
            {
                "GET ...?wsdl: the published WSDL, as the Micro Integrator answers it; ?wsdl2 and ?xsd (its",
                "WSDL 2.0 and schemas) are not reproduced: 501. The flow does not run for any of them, as there.",
            },
            Answer = $"proxyMetadataResponse(request, metadataQuery, {names[wsdl.Path]}, published = true)",
        },
        { WsdlNotHeld: true } => new
        {
            Comments = new[]
            {
                "GET ...?wsdl, ?wsdl2 and ?xsd: answered from the WSDL the proxy publishes, which the conversion",
                "does not hold (MIGRATION.md): 501. The flow does not run for any of them, as it does not there.",
            },
            Answer = "metadataNotReproduced(metadataQuery, held = false)",
        },
        _ => null,
    };

    /// <summary>The text of the <c>/services</c> service (<c>main.proxies.sbn</c>).</summary>
    private RenderedConstruct ProxyRouterService(ProxyRouter router, NameMap names) =>
        GuardedConstruct("proxy services", string.Join(", ", router.Routes.Select(r => r.Primary.Name)), router.Routes[0].Primary.Origin.Location, static () => [],
            () => RenderConstruct(names, (expressions, modules) =>
            {
                modules.Use("http");
                var name = new[] { "name", "serviceName", "proxyName" }.FirstOrDefault(n => !expressions.HidesModuleName(n)) ?? "name";
                var segments = new[] { "segments", "pathSegments", "proxySegments" }.FirstOrDefault(n => !expressions.HidesModuleName(n)) ?? "segments";
                var basePath = $"\"/services/\" + {name}";
                var arms = router.Routes.Select(route =>
                {
                    var s = route.Primary;
                    var resource = Resource(s.Resources[0], s.BasePath, s.RestApiName, expressions, modules, names, 1, s.Wsdl is not null, grouped: true, s.Wsdl?.Dispatch, basePath);
                    var patterns = route.Services.Select(a => BallerinaSyntax.StringLiteral(RouteName(a)!)).ToList();
                    return new
                    {
                        Doc = BallerinaSyntax.DocLines(s.Description is { } description ? BallerinaSyntax.CommentLines(description, prefix: string.Empty) : [], indent: 13)
                            .Concat(BallerinaSyntax.DocItems([$"Proxy service '{BallerinaSyntax.CommentText(s.Name)}' ({Relative(s.SourceFile)}, line {Line(s.Origin.Location.Line)})."], indent: 13)).ToList(),
                        Patterns = patterns.Select((p, i) => (i == 0 ? string.Empty : "| ") + p + (i == patterns.Count - 1 ? " => {" : string.Empty)).ToList(),
                        Metadata = MetadataView(s, names),
                        Resource = resource,

                        // A resource that reads the message, answers the WSDL or stops at a TODO mediator may fail (Resource's own return type).
                        Fails = s.Wsdl is not null || s.Resources[0].Body.Any(b => b is not (AcceptStep or CommentStep or TodoStep { FailsAtRunTime: false } or DeadCodeStep)),
                    };
                }).ToList();
                var operations = router.Routes.Select(r => r.Primary).Where(s => s.Wsdl?.Dispatch is { Table: not null })
                    .Select(s => OperationsTable(s.Wsdl!.Dispatch!, s.Name, names, withElements: _listenerTables.Contains(s.Wsdl.Dispatch!.Table!))).ToList();
                return _renderer.Render("main.proxies.sbn", new
                {
                    Router = new
                    {
                        Name = name,
                        Segments = segments,
                        // Only a proxy answering ?wsdl reads the path after its name (proxyMetadataQuery, wsdlOperation).
                        UsesPath = router.Routes.Any(r => r.Primary.Wsdl is not null || r.Primary.WsdlNotHeld),
                        Returns = arms.Any(a => a.Fails) ? "http:Response|error" : "http:Response",
                        Arms = arms.Select(a => new { a.Doc, a.Patterns, a.Metadata, a.Resource }).ToList(),
                        Operations = operations,
                    },
                    Listener = router.Listener,
                });
            }));
}
