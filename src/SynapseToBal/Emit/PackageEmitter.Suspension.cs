using System.Globalization;
using SynapseToBal.IR;
using SynapseToBal.Refine;

namespace SynapseToBal.Emit;

public sealed partial class PackageEmitter
{
    /// <summary>The suspension states the whole package's calls keep, read before the package is split into files (an endpoint's file has no calls).</summary>
    private HashSet<Symbol> _trackedSuspensions = [];

    /// <summary>
    /// The suspension states some call of the package keeps (<see cref="CallStep.TracksSuspension"/>), or some forwarding
    /// processor's attempt (its target endpoint, or an endpoint a message may name): only those are declared.
    /// </summary>
    private static HashSet<Symbol> TrackedSuspensions(PackageIr package) =>
        package.Services.SelectMany(s => s.Resources).Select(r => r.Body)
            .Concat(package.Functions.Select(f => f.Body))
            .SelectMany(body => IrWalker.Steps(body))
            .OfType<CallStep>()
            .Select(call => call.TracksSuspension ? call.Client.Suspension?.Name : null)
            .Concat(package.MessageProcessors.SelectMany(p => p.TargetChoices.Prepend(p.Target)).Select(route => (route as ForwardRouteIr.Http)?.Client.Suspension?.Name))
            .OfType<Symbol>()
            .ToHashSet();

    /// <summary>
    /// The group client that declares each state groups share (<see cref="GroupMemberIr.SharedState"/>), read before the
    /// package is split into files; null when it could not be computed (SB0911: each member then keeps a state of its own).
    /// </summary>
    private Dictionary<Symbol, Symbol>? _sharedStateOwners = [];

    /// <summary>
    /// Every suspension state a call or a forwarding processor could keep: the fallback of <see cref="TrackedSuspensions"/>
    /// (SB0910). A state declared and never used changes nothing at run time (a call that does not keep it never reads it).
    /// </summary>
    private static HashSet<Symbol> AllSuspensions(PackageIr package) =>
        package.Clients.Select(c => c.Suspension?.Name)
            .Concat(package.MessageProcessors.SelectMany(p => p.TargetChoices.Prepend(p.Target)).Select(route => (route as ForwardRouteIr.Http)?.Client.Suspension?.Name))
            .OfType<Symbol>()
            .ToHashSet();

    /// <summary>
    /// <see cref="SharedStateOwners"/>, or null when computing it fails (a bug in the converter): no state is declared to
    /// be shared by groups, each member that names one keeps its own (a state an endpoint's client declares is still
    /// shared), which differs from Synapse only where two members name the same endpoint by key, and is reported (SB0911).
    /// </summary>
    private Dictionary<Symbol, Symbol>? SharedStateOwnersOrNone(PackageIr package, HashSet<Symbol> tracked)
    {
        const string What = "choosing the endpoint group that declares each shared endpoint state";
        try
        {
            BeforeFact.Value?.Invoke(What);
            return SharedStateOwners(package, tracked);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            _factFailures.Add(new EmitFileFailure(What, null, $"{ex.GetType().Name}: {ex.Message}",
                "each group member that names an endpoint by key keeps a suspension state of its own, so a failure through one group no longer suspends that endpoint for the other groups and members that name it, as Synapse's one registered endpoint does",
                SameMeaning: false));
            _clientStates = DeclaredByClients(package, tracked);
            return null;
        }
    }

    /// <summary>With no <see cref="_sharedStateOwners"/>, the states the endpoints' clients declare, which the group members naming one still share.</summary>
    private HashSet<Symbol> _clientStates = [];

    /// <summary>The suspension states the endpoints' clients declare (<paramref name="tracked"/> ones): group members naming one use it, whatever the owners.</summary>
    private static HashSet<Symbol> DeclaredByClients(PackageIr package, HashSet<Symbol> tracked) =>
        package.Clients.Select(c => c.Suspension?.Name).OfType<Symbol>().Where(tracked.Contains).ToHashSet();

    /// <summary>
    /// Which group declares each shared member state: none when the state is a tracked suspension its endpoint's client
    /// declares (<paramref name="tracked"/>), else the first group (in client order) with a member naming it, so the
    /// state is declared once in the package and, with <c>--keep-structure</c>, in one file.
    /// </summary>
    private static Dictionary<Symbol, Symbol> SharedStateOwners(PackageIr package, HashSet<Symbol> tracked)
    {
        var declaredByClient = DeclaredByClients(package, tracked);
        var owners = new Dictionary<Symbol, Symbol>();
        foreach (var client in package.Clients)
        {
            foreach (var member in client.Group?.Members ?? [])
            {
                if (member.SharedState is { } state && !declaredByClient.Contains(state))
                {
                    owners.TryAdd(state, client.Name);
                }
            }
        }

        return owners;
    }

    /// <summary>
    /// The declaration of a group's <c>EndpointGroup</c>, in three parts: the arguments before the members, one line a
    /// member (its URL configurable, timeout, state and the retry codes and addressing it sets), and the closing ones.
    /// </summary>
    /// <remarks>
    /// A member referred to by key names its shared state (<see cref="GroupMemberIr.SharedState"/>); each such state the
    /// group <paramref name="client"/> declares (<paramref name="owners"/>) comes back in <c>Shared</c> with its
    /// arguments, to be declared before the group.
    /// </remarks>
    /// <param name="owners">Null when they could not be computed (SB0911): a member naming a state no client declares (<paramref name="declaredByClients"/>) keeps its own.</param>
    private static (string Head, string[] Members, string Tail, (string Name, string Arguments)[] Shared) GroupArguments(ClientGroupIr group, NameMap names, IReadOnlyDictionary<Symbol, Symbol>? owners, IReadOnlySet<Symbol> declaredByClients, Symbol client)
    {
        var shared = new List<(string Name, string Arguments)>();
        static string Codes(IEnumerable<int> codes) => "[" + string.Join(", ", codes.Select(c => c.ToString(CultureInfo.InvariantCulture))) + "]";

        var kind = group.Kind == ClientGroupKind.Failover ? "\"failover\"" : "\"loadbalance\"";
        var members = group.Members.Select(m =>
        {
            var state = m.Settings is { } settings
                ? SuspensionArguments(settings with { Kind = m.Kind, EndpointName = m.EndpointName })
                : $"{KindLiteral(m.Kind)}, {BallerinaSyntax.StringLiteral(m.EndpointName)}, {{{(m.NeverSuspended ? "suspendCodes: [-1], timeoutCodes: [-1]" : string.Empty)}}}";
            if (m.SharedState is { } sharedState && owners is not null && owners.TryGetValue(sharedState, out var owner) && owner == client && !shared.Any(d => d.Name == names[sharedState]))
            {
                shared.Add((names[sharedState], state));
            }

            var fields = new List<string>
            {
                $"url: {names[m.Url]}",
                $"timeout: {m.TimeoutSeconds.ToString(CultureInfo.InvariantCulture)}",
                m.SharedState is { } reference && (owners is not null || declaredByClients.Contains(reference)) ? $"state: {names[reference]}" : $"state: new ({state})",
            };
            if (!m.RetryDisabledCodes.IsEmpty)
            {
                fields.Add($"retryDisabledCodes: {Codes(m.RetryDisabledCodes)}");
            }

            if (!m.RetryEnabledCodes.IsEmpty)
            {
                fields.Add($"retryEnabledCodes: {Codes(m.RetryEnabledCodes)}");
            }

            if (m.Addressing is { } addressing)
            {
                fields.Add($"addressing: {addressing switch { WsAddressingVersion.Final => "\"final\"", WsAddressingVersion.Submission => "\"submission\"", _ => "\"default\"" }}");
            }

            return "{" + string.Join(", ", fields) + "}";
        }).ToArray();
        var tail = new List<string>();
        if (group.Kind == ClientGroupKind.Failover && !group.Dynamic)
        {
            tail.Add("dynamic = false");
        }

        if (group.Kind == ClientGroupKind.LoadBalance && !group.RetryNextMember)
        {
            tail.Add("retryNextMember = false");
        }

        if (!group.Weights.IsEmpty)
        {
            tail.Add($"weights = {Codes(group.Weights)}");
        }

        return ($"{kind}, {BallerinaSyntax.StringLiteral(group.EndpointName)}, [", members, tail.Count == 0 ? "]" : "], " + string.Join(", ", tail), [.. shared]);
    }

    private static string KindLiteral(SuspendingEndpointKind kind) => kind switch
    {
        SuspendingEndpointKind.Address => "\"address\"",
        SuspendingEndpointKind.Http => "\"http\"",
        SuspendingEndpointKind.Wsdl => "\"wsdl\"",
        _ => throw new InvalidOperationException($"Unhandled endpoint kind {kind}"),
    };

    /// <summary>
    /// The arguments of an endpoint's <c>EndpointState</c>: its kind, its name and the settings it sets (a setting it
    /// leaves out keeps the <c>SuspensionSettings</c> default, which is EndpointDefinition's).
    /// </summary>
    private static string SuspensionArguments(EndpointSuspensionIr suspension)
    {
        static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);
        static string Codes(IEnumerable<int> codes) => "[" + string.Join(", ", codes.Select(c => Int(c))) + "]";
        static string Float(double value) => double.IsNaN(value) ? "float:NaN"
            : double.IsPositiveInfinity(value) ? "float:Infinity"
            : double.IsNegativeInfinity(value) ? "-float:Infinity"
            : value.ToString("R", CultureInfo.InvariantCulture) is var text && (text.Contains('.') || text.Contains('E')) ? text : text + ".0";

        var fields = new List<string>();
        if (!suspension.SuspendCodes.IsEmpty)
        {
            fields.Add($"suspendCodes: {Codes(suspension.SuspendCodes)}");
        }

        if (suspension.InitialDurationMillis is { } initial)
        {
            fields.Add($"initialDuration: {Int(initial)}");
        }

        if (suspension.ProgressionFactor is { } factor)
        {
            fields.Add($"progressionFactor: {Float(factor)}");
        }

        if (suspension.MaximumDurationMillis is { } maximum)
        {
            fields.Add($"maximumDuration: {Int(maximum)}");
        }

        if (!suspension.TimeoutCodes.IsEmpty)
        {
            fields.Add($"timeoutCodes: {Codes(suspension.TimeoutCodes)}");
        }

        if (suspension.RetriesBeforeSuspension is { } retries)
        {
            fields.Add($"retriesBeforeSuspension: {Int(retries)}");
        }

        if (suspension.RetryDelayMillis is { } delay)
        {
            fields.Add($"retryDelay: {Int(delay)}");
        }

        var kind = KindLiteral(suspension.Kind);
        return $"{kind}, {BallerinaSyntax.StringLiteral(suspension.EndpointName)}, {{{string.Join(", ", fields)}}}";
    }
}
