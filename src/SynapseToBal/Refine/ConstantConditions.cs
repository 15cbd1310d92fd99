using System.Collections.Immutable;
using SynapseToBal.IR;

namespace SynapseToBal.Refine;

/// <summary>
/// No constant test (a <c>&lt;filter xpath="true()"&gt;</c>, <c>"false()"</c>, <c>"1 = 1"</c>: any condition the lowering
/// made a literal): <c>if true { ... } else { ... }</c> does not compile in Ballerina, whose dead branch, and the
/// statements after a live branch that always returns, are unreachable code (an error for any statement but
/// <c>panic</c>). The Micro Integrator evaluates the XPath on every message and always takes the same branch, so the
/// live branch's steps take the place of the test (after a comment naming the mediator and why), the dead branch's
/// mediators become <see cref="DeadCodeStep"/>s (their XML stays, as comments: nothing is dropped silently), and when
/// the live branch ends the flow, what follows is made dead as <see cref="AnsweringFlows"/> does after a call that
/// answers: a mediator's step a <see cref="DeadCodeStep"/> (once per mediator), comments and TODOs kept, a step of no
/// mediator that stands for something of the source a comment saying it is not run, any other step of no mediator
/// (the implicit answer at the end of a flow) dropped.
/// Only a filter's test (Lowering/Mediators/FilterAndSwitch.cs) can be a literal: the other tests the lowering makes
/// (conditionalRouter, validate, throttle) are read from the message or untranslated, so the comments name the filter.
/// </summary>
public static class ConstantConditions
{
    /// <summary>The package with every test of a constant condition replaced by the branch it always takes.</summary>
    public static PackageIr Fold(PackageIr package) =>
        IrWalker.Steps(package.Functions.SelectMany(f => f.Body).Concat(package.Services.SelectMany(s => s.Resources).SelectMany(r => r.Body)).ToImmutableArray())
            .Any(s => s is IfStep { Condition: var c } && Constant(c) is not null)
            ? FlowBodies.Rewrite(package, Rewrite, _ => false)
            : package;

    /// <summary>The value of a condition made of literals only (<c>not</c>, <c>and</c>, <c>or</c> of them), or null.</summary>
    internal static bool? Constant(ConditionIr condition) => condition switch
    {
        BoolLiteralIr literal => literal.Value,
        NotIr not => !Constant(not.Operand),
        AndIr and => Constant(and.Left) is { } left && Constant(and.Right) is { } right ? left && right : null,
        OrIr or => Constant(or.Left) is { } left && Constant(or.Right) is { } right ? left || right : null,
        _ => null,
    };

    private static ImmutableArray<StepIr> Rewrite(ImmutableArray<StepIr> steps)
    {
        var result = ImmutableArray.CreateBuilder<StepIr>(steps.Length);
        var stopped = false;
        object? stopper = null;
        object? lastDead = null;
        foreach (var step in steps)
        {
            if (stopped)
            {
                const string Reason = "the <filter> above always takes a branch that ends the flow";
                if (EndedFlow.AfterEnd(step, stopper, ref lastDead, Reason, Reason) is { } kept)
                {
                    result.Add(kept);
                }

                continue;
            }

            if (step is IfStep branch && Constant(branch.Condition) is { } value)
            {
                var live = Rewrite(value ? branch.Then : branch.Else);
                var dead = value ? branch.Else : branch.Then;
                result.Add(new CommentStep(branch.Origin, $"<filter>: its condition is always {(value ? "true" : "false")}, so {(value ? "its then branch" : "its else branch, if any,")} always runs{(dead.Length > 0 ? " and the other never does" : string.Empty)}"));
                result.AddRange(live);
                result.AddRange(Dead(dead, branch.Origin, $"never runs: the condition of the <filter> around it is always {(value ? "true" : "false")}"));
                stopped = Flow.Terminates(live);
                stopper = branch.Origin;
                continue;
            }

            var rewritten = FlowBodies.Nested(step, Rewrite);
            result.Add(rewritten);
            stopped = rewritten.Terminates;
            stopper = step.Origin;
        }

        return result.ToImmutable();
    }

    /// <summary>The steps of a branch that never runs as comments: each mediator's once, as a <see cref="DeadCodeStep"/>; comments and TODOs kept.</summary>
    private static IEnumerable<StepIr> Dead(ImmutableArray<StepIr> steps, object? test, string reason)
    {
        object? last = null;
        foreach (var step in steps)
        {
            switch (step)
            {
                // A TODO that never runs does not fail the flow either (a mediator switched off by a constant filter).
                case TodoStep todo:
                    yield return todo with { FailsAtRunTime = false };
                    break;
                case CommentStep or DeadCodeStep:
                    yield return step;
                    break;
                case { Origin: null, Unmediated: { } what }:
                    yield return new CommentStep(null, $"Not run: {what}: {reason}");
                    break;
                case { Origin: { } origin } when !ReferenceEquals(origin, last) && !ReferenceEquals(origin, test):
                    yield return new DeadCodeStep(origin, reason);
                    last = origin;
                    break;
            }
        }
    }
}
