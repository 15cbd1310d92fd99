using System.Collections.Immutable;
using SynapseToBal.IR;

namespace SynapseToBal.Refine;

/// <summary>
/// No function that only responds (issue 14): an out flow whose only mediator is <c>&lt;send/&gt;</c> (or
/// <c>&lt;respond/&gt;</c>), the most common <c>&lt;outSequence&gt;</c> of a proxy, is a function whose whole body is
/// <c>return respond(ctx);</c>. Where the flow continues with it, the respond is written in place instead (the
/// statement writer writes every respond checked, so inside a <c>do</c> a failure to write the response still goes
/// to the caller's <c>on fail</c>, as the error the function returned did), and the function is not declared.
/// Only functions referred to nowhere else (a registered <c>ctx.outFlow</c>, say) are inlined; the others stay.
/// </summary>
public static class RespondOnlyFlows
{
    /// <summary>The package without the out flows that only respond, each continuation with one replaced by its respond.</summary>
    public static PackageIr Inline(PackageIr package)
    {
        var candidates = package.Functions
            .Where(f => f.Kind == FunctionKind.OutFlow && f.Body is [RespondStep])
            .ToDictionary(f => f.Name, f => (RespondStep)f.Body[0]);
        if (candidates.Count == 0)
        {
            return package;
        }

        // Whatever still names such a flow once its continuations are replaced (a registered out flow, a reference
        // inside a construct the rewrite does not enter) needs the function: it stays, and so do its continuations.
        var rewritten = Rewritten(package, candidates);
        var named = new HashSet<Symbol>();
        EmptyFlows.Collect(rewritten with
        {
            Symbols = [],
            Functions = rewritten.Functions.Where(f => !candidates.ContainsKey(f.Name)).ToImmutableArray(),
        }, named);
        var inlined = candidates.Where(c => !named.Contains(c.Key)).ToDictionary(c => c.Key, c => c.Value);
        if (inlined.Count == 0)
        {
            return package;
        }

        var result = Rewritten(package, inlined);
        return result with
        {
            Functions = result.Functions.Where(f => !inlined.ContainsKey(f.Name)).ToImmutableArray(),
            Symbols = result.Symbols.Where(s => !inlined.ContainsKey(s)).ToImmutableArray(),
        };
    }

    private static PackageIr Rewritten(PackageIr package, Dictionary<Symbol, RespondStep> flows)
    {
        Func<ImmutableArray<StepIr>, ImmutableArray<StepIr>>? rewrite = null;
        rewrite = body => Rewrite(body, flows, rewrite!);
        return FlowBodies.Rewrite(package, rewrite, flows.ContainsKey);
    }

    /// <summary>
    /// Continuing with a flow that only responds is that respond: the flow's own answer (RespondMediator's, or
    /// Axis2Sender.sendBack's for a <c>&lt;send/&gt;</c>), after what the API resource does to a response that came back
    /// through it (API.process and Resource.process: its correlation header and CORS headers).
    /// </summary>
    private static ImmutableArray<StepIr> Rewrite(ImmutableArray<StepIr> steps, Dictionary<Symbol, RespondStep> flows, Func<ImmutableArray<StepIr>, ImmutableArray<StepIr>> nested) =>
        SharedList.Map(steps, step => step switch
        {
            ContinueWithStep { Function: { } f } next when flows.TryGetValue(f, out var respond) =>
                new RespondStep(next.Origin) { SendBack = respond.SendBack, ThroughResource = next.ThroughResource || respond.ThroughResource },
            _ => FlowBodies.Nested(step, nested),
        });
}
