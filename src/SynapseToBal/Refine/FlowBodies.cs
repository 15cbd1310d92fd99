using System.Collections.Immutable;
using SynapseToBal.IR;

namespace SynapseToBal.Refine;

/// <summary>
/// The rewrite the flow-inlining passes (<see cref="EmptyFlows"/>, <see cref="RespondOnlyFlows"/>) share: every
/// resource body and function body rewritten by one step rewriter, and a resource's registered out function dropped
/// when it is one of the inlined flows and nothing needs it registered.
/// </summary>
internal static class FlowBodies
{
    public static PackageIr Rewrite(PackageIr package, Func<ImmutableArray<StepIr>, ImmutableArray<StepIr>> rewrite, Func<Symbol, bool> inlined) => package with
    {
        Services = package.Services.Select(s => s with
        {
            Resources = s.Resources.Select(r => r with
            {
                Body = rewrite(r.Body),
                OutFunction = r.OutFunction is { } o && inlined(o) && !r.NeedsOutFlow ? null : r.OutFunction,
            }).ToImmutableArray(),
        }).ToImmutableArray(),
        Functions = package.Functions.Select(f => f with { Body = rewrite(f.Body) }).ToImmutableArray(),
    };

    /// <summary>A step with the step lists it holds (branches, cache hit, throttle outcomes) rewritten; any other step as it is.</summary>
    public static StepIr Nested(StepIr step, Func<ImmutableArray<StepIr>, ImmutableArray<StepIr>> rewrite) => step switch
    {
        IfStep i => i with { Then = rewrite(i.Then), Else = rewrite(i.Else) },
        SwitchStep s => s with { Cases = s.Cases.Select(c => c with { Steps = rewrite(c.Steps) }).ToImmutableArray(), Default = rewrite(s.Default) },
        DirectionStep d => d with { Request = rewrite(d.Request), Response = rewrite(d.Response) },
        CacheLookupStep c => c with { OnHit = rewrite(c.OnHit) },
        ThrottleStep t => t with { OnAccept = rewrite(t.OnAccept), OnReject = rewrite(t.OnReject) },
        ValidateStep v => v with { OnFail = rewrite(v.OnFail) },
        JsonValidateStep v => v with { OnFail = rewrite(v.OnFail) },
        _ => step,
    };
}
