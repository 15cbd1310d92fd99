using System.Collections.Immutable;
using SynapseToBal.IR;

namespace SynapseToBal.Refine;

/// <summary>
/// No function for an empty flow (issue 14): an out or fault flow with no mediators (<c>&lt;outSequence/&gt;</c>,
/// <c>&lt;faultSequence/&gt;</c>) only ends the flow with Synapse's implicit answer (<see cref="AcceptStep"/>, reported
/// by the lowering as SB0210/SB0215). Such a function is not declared: where the flow continues with it the flow ends
/// there (<c>return accepted();</c>), and a resource or in flow whose fault handler it is records the error and answers
/// in its own <c>on fail</c> block. Only functions referred to nowhere else (a registered out flow, an inbound listener's
/// fault handler) are inlined; the others stay functions.
/// </summary>
public static class EmptyFlows
{
    /// <summary>The package without the empty flows, and the flows removed (by symbol) for the writers to inline at their <c>on fail</c>.</summary>
    public static (PackageIr Package, IReadOnlyDictionary<Symbol, FunctionIr> Inlined) Inline(PackageIr package)
    {
        var empty = package.Functions
            .Where(f => f.Kind is FunctionKind.OutFlow or FunctionKind.FaultFlow && f.Body is [AcceptStep])
            .ToDictionary(f => f.Name);
        if (empty.Count == 0)
        {
            return (package, new Dictionary<Symbol, FunctionIr>());
        }

        var rewritten = FlowBodies.Rewrite(package, body => Rewrite(body, empty), empty.ContainsKey);

        // Whatever still names an empty flow (other than as the fault handler of a resource or an in flow, which the
        // writers inline) needs the function: it stays.
        var named = new HashSet<Symbol>();
        Collect(rewritten with
        {
            Symbols = [],
            Services = rewritten.Services.Select(s => s with { Resources = s.Resources.Select(r => r with { FaultFunction = null }).ToImmutableArray() }).ToImmutableArray(),
            Functions = rewritten.Functions.Where(f => !empty.ContainsKey(f.Name)).Select(f => f with { FaultFunction = null }).ToImmutableArray(),
        }, named);
        var inlined = empty.Where(e => !named.Contains(e.Key)).ToDictionary(e => e.Key, e => e.Value with
        {
            Body = [new CommentStep(null, EmptyComment(e.Value)), .. e.Value.Body],
        });
        if (inlined.Count == 0)
        {
            return (package, inlined);
        }

        // The rewrite replaced a continuation with any empty flow; redo it with only the flows inlined.
        var result = package with
        {
            Services = SharedList.Map(package.Services, s =>
            {
                var resources = SharedList.Map(s.Resources, r =>
                {
                    var body = Rewrite(r.Body, inlined);
                    var outFunction = r.OutFunction is { } o && inlined.ContainsKey(o) ? null : r.OutFunction;
                    return body == r.Body && ReferenceEquals(outFunction, r.OutFunction) ? r : r with { Body = body, OutFunction = outFunction };
                });
                return resources == s.Resources ? s : s with { Resources = resources };
            }),
            Functions = package.Functions.Where(f => !inlined.ContainsKey(f.Name)).Select(f =>
            {
                var body = Rewrite(f.Body, inlined);
                return body == f.Body ? f : f with { Body = body };
            }).ToImmutableArray(),
            Symbols = package.Symbols.Where(s => !inlined.ContainsKey(s)).ToImmutableArray(),
        };
        return (result, inlined);
    }

    /// <summary>Where an empty flow is written: what it is and that the flow ends there.</summary>
    private static string EmptyComment(FunctionIr flow) => flow.Kind == FunctionKind.OutFlow
        ? "The out flow is empty (<outSequence/>): the backend response is not sent on; the flow ends here."
        : "The fault flow is empty (<faultSequence/>): it replaces the global fault sequence and only ends the flow.";

    /// <summary>Continuing with an empty out flow ends the flow with its answer.</summary>
    private static ImmutableArray<StepIr> Rewrite(ImmutableArray<StepIr> steps, IReadOnlyDictionary<Symbol, FunctionIr> empty)
    {
        var result = new SharedList.Builder<StepIr>(steps);
        Func<ImmutableArray<StepIr>, ImmutableArray<StepIr>>? nested = null;
        foreach (var step in steps)
        {
            if (step is ContinueWithStep { Function: { } f } next && empty.TryGetValue(f, out var flow))
            {
                result.Add(new CommentStep(null, EmptyComment(flow)));
                result.Add(new AcceptStep(next.Origin));
            }
            else
            {
                result.Add(FlowBodies.Nested(step, nested ??= body => Rewrite(body, empty)));
            }
        }

        return result.ToImmutable();
    }

    /// <summary>Every symbol an IR subtree names (<see cref="ContextGraph.Walk"/>), added to <paramref name="symbols"/>.</summary>
    internal static void Collect(object? node, HashSet<Symbol> symbols) => new ContextGraph.Walk(symbols).Visit(node);
}
