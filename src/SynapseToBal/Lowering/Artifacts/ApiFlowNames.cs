using System.Collections.Immutable;
using SynapseToBal.IR;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

// The out and fault functions of an API's resources: named after the API when there is only one, and one
// function for resources whose fault flows are the same.
public sealed partial class Lowerer
{
    /// <summary>How the response flows of one API's resources are named and shared (<see cref="PlanApiFlows"/>).</summary>
    private sealed class ApiFlowPlan(string api, IReadOnlyDictionary<ApiResourceSyntax, string> faultKeys, IReadOnlyDictionary<string, ImmutableArray<ApiResourceSyntax>> faultGroups, int outFlows)
    {
        /// <summary>The fault functions already lowered, by the key of the flow they run.</summary>
        public Dictionary<string, Symbol> Lowered { get; } = new(StringComparer.Ordinal);

        /// <summary>How a fault function lowered for the API ends when it does not answer (SB0210, SB0215): reported again for each resource it serves.</summary>
        public Dictionary<Symbol, Microsoft.CodeAnalysis.DiagnosticDescriptor> Endings { get; } = new();

        public string Api { get; } = api;

        /// <summary>A fault function the next resources with the same flow do not share: they lower their own.</summary>
        public void NotShared(Symbol symbol)
        {
            foreach (var key in Lowered.Where(l => l.Value == symbol).Select(l => l.Key).ToList())
            {
                Lowered.Remove(key);
            }
        }

        /// <summary>The key of a resource's fault flow, or null when it declares none.</summary>
        public string? FaultKey(ApiResourceSyntax resource) => faultKeys.GetValueOrDefault(resource);

        /// <summary>The resources that share the fault flow of the key.</summary>
        public ImmutableArray<ApiResourceSyntax> Sharing(string key) => faultGroups[key];

        /// <summary>
        /// The fault flow of the key is the API's common one: more than two resources share it and every other group is
        /// smaller. Named after the API (<c>ordersFault</c>), not after every path it serves, which would make a name of
        /// a hundred characters or more on a real API.
        /// </summary>
        public bool Common(string key) =>
            faultGroups[key].Length > 2 && faultGroups.All(g => g.Key == key || g.Value.Length < faultGroups[key].Length);

        /// <summary>The API has one fault function (one resource declares a fault flow, or all declare the same).</summary>
        public bool OneFault => faultGroups.Count == 1;

        /// <summary>One resource of the API declares an out flow.</summary>
        public bool OneOut => outFlows == 1;
    }

    private ApiFlowPlan? _apiFlows;

    /// <summary>
    /// The fault flows of an API's resources that are one function: the same mediators (the same XML, the same
    /// sequence key), where neither resource has an out flow (the fault flow would continue with it) and both
    /// or neither may run after a backend call (which decides whether ending the flow answers 202), and both or neither
    /// only after a non-blocking send (where ending it answers nothing in the Micro Integrator, SB0260). A resource
    /// with an out flow keeps its own fault function, and so does one whose flow's lowering reports something
    /// (a TODO, a setting not translated: each resource's flow gets its own report).
    /// </summary>
    private ApiFlowPlan PlanApiFlows(ApiSyntax api)
    {
        var keys = new Dictionary<ApiResourceSyntax, string>(ReferenceEqualityComparer.Instance);
        var groups = new Dictionary<string, ImmutableArray<ApiResourceSyntax>>(StringComparer.Ordinal);
        var index = 0;
        foreach (var resource in api.Resources)
        {
            index++;
            if (resource.FaultSequence is not { } fault)
            {
                continue;
            }

            var mayFollowCall = SendsWithoutBlocking(resource.InSequence) || resource.OutSequence is not null;
            var key = resource.OutSequence is null
                ? $"{(SendsOnlyWithoutBlocking(resource.InSequence, target: false) && !AcceptedBeforeAnySend(resource.InSequence?.Mediators ?? []) ? "after send" : mayFollowCall ? "after call" : "no call")}\n{fault.Key?.Text}\n{fault.OnError}\n{string.Join("\n", fault.Mediators.Select(m => m.RawXml))}"
                : $"resource {index}";
            keys[resource] = key;
            groups[key] = groups.TryGetValue(key, out var sharing) ? sharing.Add(resource) : [resource];
        }

        return new ApiFlowPlan(api.Name, keys, groups, api.Resources.Count(r => r.OutSequence is not null));
    }

    /// <summary>The symbol of a resource's out flow: "<c>api out</c>" when it is the API's only one.</summary>
    private Symbol OutFlowSymbol(string baseName)
    {
        return _apiFlows is { OneOut: true } plan
            ? _symbols.Module(SymbolKind.Function, plan.Api + " out", fallbackHint: baseName + " out", shorter: ApiShorter(plan.Api, "out"))
            : _symbols.Module(SymbolKind.Function, baseName + " out", shorter: ResourceShorter("out"));
    }

    /// <summary>
    /// The fault function of an API resource: the one already lowered for the same fault flow, or a new symbol named
    /// "<c>api fault</c>" when the API has only one; <paramref name="description"/> then names every resource it serves.
    /// </summary>
    private Symbol? SharedFaultFlow(string baseName, ref string description, out Symbol symbol)
    {
        var key = _apiFlows?.FaultKey(_currentResource!);
        if (_apiFlows is not { } plan || key is null)
        {
            symbol = _symbols.Module(SymbolKind.Function, baseName + " fault", shorter: ResourceShorter("fault"));
            return null;
        }

        if (plan.Lowered.TryGetValue(key, out var lowered))
        {
            symbol = lowered;
            return lowered;
        }

        var sharing = plan.Sharing(key);
        if (sharing.Length > 1)
        {
            description = $"{plan.Api} {string.Join(", ", sharing.Select(DescribeResource))}";
        }

        symbol = plan.OneFault
            ? _symbols.Module(SymbolKind.Function, plan.Api + " fault", fallbackHint: baseName + " fault", shorter: ApiShorter(plan.Api, "fault"))
            : plan.Common(key)
                ? _symbols.Module(SymbolKind.Function, plan.Api + " fault", fallbackHint: $"{plan.Api} {string.Join(' ', sharing.Select(ResourceWords))} fault", shorter: ApiShorter(plan.Api, "fault"))
            : sharing.Length > 1
                ? _symbols.Module(SymbolKind.Function, $"{plan.Api} {string.Join(' ', sharing.Select(ResourceWords))} fault", shorter: SharedShorter(plan.Api, sharing))
                : _symbols.Module(SymbolKind.Function, baseName + " fault", shorter: ResourceShorter("fault"));
        plan.Lowered[key] = symbol;
        return null;
    }

    /// <summary>
    /// The shorter names of a fault function several resources of the API share, shortest first: their paths
    /// ("<c>timed sequential fault</c>" for <c>POST /timed</c> and <c>POST /sequential</c>) when each has a word of its own
    /// (<see cref="HasOwnWord"/>), then the API's short name with their methods and paths (<see cref="ApiShorter"/>).
    /// </summary>
    private ImmutableArray<string> SharedShorter(string api, ImmutableArray<ApiResourceSyntax> sharing)
    {
        var paths = sharing.Select(PathWords).ToList();
        ImmutableArray<string> byPath = paths.All(HasOwnWord) && paths.Distinct(StringComparer.Ordinal).Count() == paths.Count ? [$"{string.Join(' ', paths)} fault"] : [];
        return [.. byPath.Concat(ApiShorter(api, $"{string.Join(' ', sharing.Select(ResourceWords))} fault")).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>A path that names something: not the root, a wildcard or a leading variable.</summary>
    private static bool HasOwnWord(string path) =>
        path != "root" && !path.TrimStart('/').StartsWith("by ", StringComparison.Ordinal) && path.Any(char.IsAsciiLetterOrDigit);

    private ApiResourceSyntax? _currentResource;

    /// <summary>The proxy whose flows are being lowered (<see cref="FlowShorter"/>), or null.</summary>
    private ProxySyntax? _currentProxy;

    /// <summary>
    /// The shorter names of a function of the API resource being lowered, shortest first (issue 14): its path
    /// ("<c>ping fault</c>"), its methods and path ("<c>get ping fault</c>"), and the API's name without its
    /// <c>API</c> suffix before them ("<c>relay get ping fault</c>"). The path alone only when it has a word of its
    /// own (not the root, a wildcard or a leading variable). The refiner gives the first no other symbol asks for.
    /// </summary>
    private ImmutableArray<string> ResourceShorter(string role)
    {
        if (_apiFlows is null && _currentProxy is { } proxy)
        {
            return ProxyShorter(proxy.Name, role);
        }

        if (_apiFlows is not { } plan || _currentResource is not { } resource)
        {
            return [];
        }

        var path = PathWords(resource);
        var words = ResourceWords(resource);
        var shorter = new List<string>();
        if (HasOwnWord(path))
        {
            shorter.Add($"{path} {role}");
            shorter.Add($"{words} {role}");
        }

        shorter.AddRange(ApiShorter(plan.Api, $"{words} {role}"));
        return [.. shorter.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>
    /// The shorter names of a function lowered from a flow of the API resource being lowered (a split target, a
    /// scatter-gather sequence: <paramref name="role"/> is "<c>iterate target</c>", "<c>scatter gather 1</c>"): the
    /// resource's (<see cref="ResourceShorter"/>), "<c>json scatter gather 1</c>" for <c>ShelterAPI /json</c>. None
    /// outside an API resource's own flows (a named sequence, a template, a proxy keep their names) and in a fault
    /// flow several resources share (the function serves them all).
    /// </summary>
    private ImmutableArray<string> FlowShorter(FlowContext context, string role)
    {
        // A proxy's own flows (issue 14): the proxy's name without its Proxy suffix, "quote iterate target" for
        // QuoteProxy, as an API's functions drop its API suffix; a proxy whose name has none keeps the long name.
        if (_currentProxy is { } proxy && context.Owner == proxy.Name)
        {
            return ProxyShorter(proxy.Name, role);
        }

        if (_apiFlows is not { } plan || _currentResource is not { } resource || context.Owner != ResourceOwner(plan.Api, resource)
            || (context.Kind == FlowKind.Fault && plan.FaultKey(resource) is { } key && plan.Sharing(key).Length > 1))
        {
            return [];
        }

        return ResourceShorter(role);
    }

    /// <summary>
    /// The shorter name of a function of a proxy's own flows (issue 14): the proxy's name without its <c>Proxy</c>
    /// suffix, then <paramref name="role"/> ("<c>order flow</c>", "<c>order fault</c>", "<c>quote iterate target</c>"
    /// for <c>OrderProxy</c>, <c>QuoteProxy</c>), as an API's functions drop its <c>API</c> suffix; none when the name
    /// has no such suffix, or ends with the role's first word (<c>LoopOutProxy</c> keeps <c>loopOutProxyOut</c>, not
    /// <c>loopOutOut</c>, as <see cref="ApiShorter"/> does). The refiner takes it only when no other declaration asks for it.
    /// </summary>
    private static ImmutableArray<string> ProxyShorter(string proxy, string role) =>
        SymbolWords.ShortProxyName(proxy) is { } shortName && !shortName.EndsWith(role.Split(' ')[0], StringComparison.OrdinalIgnoreCase) ? [$"{shortName} {role}"] : [];

    /// <summary>The owner of an API resource's flows, for generated names: the API and the resource's URI (<c>ShelterAPI /json</c>).</summary>
    private static string ResourceOwner(string api, ApiResourceSyntax resource) => api + " " + (resource.UriTemplate ?? resource.UrlMapping ?? "default");

    /// <summary>
    /// "<c>order fault</c>" for the API <c>OrderAPI</c>: the API's name without its <c>API</c> suffix, then
    /// <paramref name="rest"/>; none when the name has no such suffix, or ends with the word that follows
    /// (<c>BlockingFaultAPI</c> keeps <c>blockingFaultApiFault</c>, not <c>blockingFaultFault</c>).
    /// </summary>
    private static ImmutableArray<string> ApiShorter(string api, string rest) =>
        SymbolWords.ShortApiName(api) is { } shortName && !shortName.EndsWith(rest.Split(' ')[0], StringComparison.OrdinalIgnoreCase) ? [$"{shortName} {rest}"] : [];

    /// <summary>The words a resource adds to its API's name in the names of its functions: its methods and its path.</summary>
    private string ResourceWords(ApiResourceSyntax resource)
    {
        var methods = resource.Methods.Where(m => AllMethods.Contains(m)).ToList();
        return string.Join(' ', methods.Count == 0 ? ["any"] : methods) + " " + PathWords(resource);
    }
}
