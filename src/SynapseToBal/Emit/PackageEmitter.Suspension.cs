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

    /// <summary>The group client that declares each state groups share (<see cref="GroupMemberIr.SharedState"/>), read before the package is split into files.</summary>
    private Dictionary<Symbol, Symbol> _sharedStateOwners = [];

    /// <summary>
    /// Which group declares each shared member state: none when the state is a tracked suspension its endpoint's client
    /// declares (<paramref name="tracked"/>), else the first group (in client order) with a member naming it, so the
    /// state is declared once in the package and, with <c>--keep-structure</c>, in one file.
    /// </summary>
    private static Dictionary<Symbol, Symbol> SharedStateOwners(PackageIr package, HashSet<Symbol> tracked)
    {
        var declaredByClient = package.Clients.Select(c => c.Suspension?.Name).OfType<Symbol>().Where(tracked.Contains).ToHashSet();
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
    private static (string Head, string[] Members, string Tail, (string Name, string Arguments)[] Shared) GroupArguments(ClientGroupIr group, NameMap names, IReadOnlyDictionary<Symbol, Symbol> owners, Symbol client)
    {
        var shared = new List<(string Name, string Arguments)>();
        static string Codes(IEnumerable<int> codes) => "[" + string.Join(", ", codes.Select(c => c.ToString(CultureInfo.InvariantCulture))) + "]";

        var kind = group.Kind == ClientGroupKind.Failover ? "\"failover\"" : "\"loadbalance\"";
        var members = group.Members.Select(m =>
        {
            var state = m.Settings is { } settings
                ? SuspensionArguments(settings with { Kind = m.Kind, EndpointName = m.EndpointName })
                : $"{KindLiteral(m.Kind)}, {BallerinaSyntax.StringLiteral(m.EndpointName)}, {{{(m.NeverSuspended ? "suspendCodes: [-1], timeoutCodes: [-1]" : string.Empty)}}}";
            if (m.SharedState is { } sharedState && owners.TryGetValue(sharedState, out var owner) && owner == client && !shared.Any(d => d.Name == names[sharedState]))
            {
                shared.Add((names[sharedState], state));
            }

            var fields = new List<string>
            {
                $"url: {names[m.Url]}",
                $"timeout: {m.TimeoutSeconds.ToString(CultureInfo.InvariantCulture)}",
                m.SharedState is { } reference ? $"state: {names[reference]}" : $"state: new ({state})",
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
