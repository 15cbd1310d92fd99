using System.Collections.Immutable;
using SynapseToBal.IR;

namespace SynapseToBal.Emit;

public sealed partial class PackageEmitter
{
    /// <summary>True when a throttle of the package decides by the caller's IP or domain, or a flow reads the client's address: some resources then take it.</summary>
    private bool _readsCaller;

    /// <summary>The resources that take the client's address (<see cref="CallerFacts"/>); null: every one, when <see cref="_readsCaller"/>.</summary>
    private HashSet<(object Origin, string Accessor)>? _callerResources;

    /// <summary>Which of a service's resources take the client's address, for the render cache's key (the service's render depends on it).</summary>
    private string CallerKey(ServiceIr service) => string.Concat(service.Resources.Select(r => TakesCaller(r) ? '1' : '0'));

    /// <summary>Whether a resource takes the client's address (<c>http:Caller</c>, <c>setRemoteAddress</c>).</summary>
    private bool TakesCaller(ResourceIr resource) => _readsCaller && (_callerResources is null || _callerResources.Contains((resource.Origin, resource.Accessor)));

    /// <summary>
    /// Whether the resources take the client's address, and which: a flow reads it (<see cref="ReadsCaller"/>). When
    /// none of the package's service resources and functions does, no resource takes it. Else the resources (by origin
    /// and accessor) whose flows may read it: the resource's body, or a function it names (its fault and out flows, a
    /// sequence it runs, a fork branch, ... transitively: every symbol the IR names, <see cref="Refine.EmptyFlows.Collect"/>).
    /// Only those take the <c>http:Caller</c> (a sequence chosen at run time is a TODO, whose finished code is the author's).
    /// Each body is walked once.
    /// </summary>
    private static (bool Reads, HashSet<(object Origin, string Accessor)>? Resources) CallerFacts(PackageIr package)
    {
        var reads = package.Functions.Select(f => f.Body).Concat(package.Services.SelectMany(s => s.Resources).Select(r => r.Body))
            .Distinct().ToDictionary(body => body, ReadsCaller);
        if (!reads.Values.Any(r => r))
        {
            return (false, null);
        }

        var functions = package.Functions.GroupBy(f => f.Name).ToDictionary(g => g.Key, g => g.First());
        var result = new HashSet<(object, string)>();
        foreach (var resource in package.Services.SelectMany(s => s.Resources).Concat(package.Inbounds.Select(i => i.Transport).OfType<InboundTransportIr.Http>().Select(h => h.Resource)))
        {
            var named = new HashSet<Symbol>();
            Refine.EmptyFlows.Collect(resource, named);
            var bodies = new List<ImmutableArray<StepIr>> { resource.Body };
            var pending = new Queue<Symbol>(named);
            while (pending.TryDequeue(out var symbol))
            {
                if (!functions.TryGetValue(symbol, out var function))
                {
                    continue;
                }

                bodies.Add(function.Body);
                var inner = new HashSet<Symbol>();
                Refine.EmptyFlows.Collect(function, inner);
                foreach (var next in inner.Where(named.Add))
                {
                    pending.Enqueue(next);
                }
            }

            if (bodies.Any(body => reads.TryGetValue(body, out var read) ? read : ReadsCaller(body)))
            {
                result.Add((resource.Origin, resource.Accessor));
            }
        }

        return (true, result);
    }

    /// <summary>
    /// Whether a body takes the client's address: a throttle in it decides by the caller's IP or domain, or an expression
    /// reads the axis2 <c>REMOTE_ADDR</c> or <c>REMOTE_HOST</c> the pass-through ServerWorker.createMessageContext sets
    /// on every HTTP request (<c>setRemoteAddress</c> fills them).
    /// </summary>
    private static bool ReadsCaller(ImmutableArray<StepIr> body) =>
        IrWalker.Steps(body).Any(step => step is ThrottleStep { Policy.ReadsCaller: true }
            || IrWalker.Expressions(step).SelectMany(IrWalker.Descendants).Any(e => e is PropertyReadIr { Scope: PropertyScope.Axis2, Name: "REMOTE_ADDR" or "REMOTE_HOST" }));

    private static IEnumerable<ThrottleStep> ThrottleSteps(PackageIr package) =>
        package.Services.SelectMany(s => s.Resources).Select(r => r.Body)
            .Concat(package.Functions.Select(f => f.Body))
            .SelectMany(body => IrWalker.Steps(body))
            .OfType<ThrottleStep>();
}
