using System.Collections.Immutable;
using SynapseToBal.IR;

namespace SynapseToBal.Refine;

/// <summary>
/// No dead answer test (issue 14): a sequence or template that answers on every path (each path ends with a respond,
/// a drop, a continuation, a <c>throwError</c> or a call of another such sequence) returns its answer, never nothing,
/// so a caller has nothing to test and nothing after the call runs: <c>http:Response? reply = check s(ctx); if reply is
/// http:Response { return reply; }</c> followed by <c>return accepted();</c> is <c>return check s(ctx);</c>. In Synapse
/// the same holds: the sequence's last mediator returns false (RespondMediator, DropMediator) and SequenceMediator hands
/// that to the caller's list, which stops. A least fixed point over the sequences: one answers when its body does,
/// given the ones already known to. Only sequences the package runs nowhere but from a statement
/// (<see cref="InvokeStep"/>) or a message processor are marked (<see cref="FunctionIr.AlwaysAnswers"/>): a task, an
/// inbound listener, a store, a fork or a registered flow that runs one keeps the <c>http:Response|error?</c> it
/// expects. The steps a marked call makes unreachable are the steps the generated code never ran (the reply test
/// returned first): a mediator's becomes a <see cref="DeadCodeStep"/> (its XML stays, as a comment), a proxy's target
/// endpoint send a comment saying it is not run (ProxyServiceMessageReceiver sends to it only when the in sequence
/// returns true), the implicit answer at the end of a flow (<c>return accepted();</c>, no mediator) goes.
/// </summary>
public static class AnsweringFlows
{
    /// <summary>The package with every sequence that always answers marked, and every call of one returning its answer.</summary>
    public static PackageIr Mark(PackageIr package)
    {
        var candidates = package.Functions
            .Where(f => f.Kind == FunctionKind.Sequence && f.CanStop)
            .Select(f => f.Name)
            .ToHashSet();
        if (candidates.Count == 0)
        {
            return package;
        }

        candidates.ExceptWith(NamedOutsideCalls(package, candidates));
        var answering = new HashSet<Symbol>();
        while (true)
        {
            var found = package.Functions
                .Where(f => candidates.Contains(f.Name) && !answering.Contains(f.Name) && Answers(Rewrite(f.Body, answering)))
                .Select(f => f.Name)
                .ToList();
            if (found.Count == 0)
            {
                break;
            }

            answering.UnionWith(found);
        }

        if (answering.Count == 0)
        {
            return package;
        }

        var result = FlowBodies.Rewrite(package, body => Rewrite(body, answering), _ => false);
        return result with
        {
            Functions = result.Functions.Select(f => answering.Contains(f.Name) ? f with { AlwaysAnswers = true } : Described(f)).ToImmutableArray(),
        };
    }

    /// <summary>
    /// A fault runner whose sequence now answers on every path (its body only returns the sequence's answer) with a doc
    /// comment that says so: no 202 remains (issue 14).
    /// </summary>
    private static FunctionIr Described(FunctionIr function) =>
        function is { Kind: FunctionKind.FaultFlow, Body: [InvokeStep { Answers: true }] } && function.Summary.Contains(FunctionIr.FaultRunnerUnanswered, StringComparison.Ordinal)
            ? function with { Summary = function.Summary.Replace(FunctionIr.FaultRunnerUnanswered, FunctionIr.FaultRunnerAnswered, StringComparison.Ordinal) }
            : function;

    /// <summary>Whether every path through the steps returns an answer (or fails) as the statement writer writes them.</summary>
    internal static bool Answers(ImmutableArray<StepIr> steps) => steps.Any(Answers);

    private static bool Answers(StepIr step) => step switch
    {
        RespondStep or ContinueWithStep or FailStep or AcceptStep => true,
        InvokeStep invoke => invoke.Answers,
        IfStep branch => branch.Then.Length > 0 && branch.Else.Length > 0 && Answers(branch.Then) && Answers(branch.Else),
        SwitchStep choice => choice.Cases.Length > 0 && choice.Default.Length > 0 && choice.Cases.All(c => Answers(c.Steps)) && Answers(choice.Default),
        DirectionStep direction => direction.Request.Length > 0 && direction.Response.Length > 0 && Answers(direction.Request) && Answers(direction.Response),
        ThrottleStep throttle => throttle.OnAccept.Length > 0 && throttle.OnReject.Length > 0 && Answers(throttle.OnAccept) && Answers(throttle.OnReject),
        _ => false,
    };

    /// <summary>
    /// The steps with each call of an answering sequence returning its answer, and what follows a step that now always
    /// answers made dead: a later mediator's step a <see cref="DeadCodeStep"/> (once per mediator), comments and TODOs
    /// kept; a step of no mediator that stands for something of the source (<see cref="StepIr.Unmediated"/>: a proxy's
    /// target endpoint send) a comment saying it is not run; any other step of no mediator (the implicit answer at the
    /// end of a flow, the rest of a target endpoint send) or of the mediator that made the call (a <c>send receive</c>'s
    /// answer after the sequence it runs) dropped, as the call stands for that mediator.
    /// </summary>
    private static ImmutableArray<StepIr> Rewrite(ImmutableArray<StepIr> steps, HashSet<Symbol> answering)
    {
        var result = new SharedList.Builder<StepIr>(steps);
        var stopped = false;
        object? stopper = null;
        object? lastDead = null;
        Func<ImmutableArray<StepIr>, ImmutableArray<StepIr>>? nested = null;
        foreach (var step in steps)
        {
            if (stopped)
            {
                // ProxyServiceMessageReceiver sends to the target endpoint only when the in sequence returns true.
                const string Ended = "the sequence called above answers on every path, so the flow has ended";
                if (EndedFlow.AfterEnd(step, stopper, ref lastDead, Ended + " (the Micro Integrator sends to the target endpoint only when the in sequence goes on)", Ended) is { } kept)
                {
                    result.Add(kept);
                }

                continue;
            }

            var rewritten = step is InvokeStep { Answers: false } invoke && answering.Contains(invoke.Function)
                ? invoke with { Answers = true }
                : FlowBodies.Nested(step, nested ??= body => Rewrite(body, answering));
            result.Add(rewritten);
            stopped = Answers(rewritten);
            stopper = step.Origin;
        }

        return result.ToImmutable();
    }

    /// <summary>
    /// The candidates named anywhere but by a statement that runs one (a task's target, a listener's sequence, a store,
    /// a fork, a registered flow). A message processor's sequences (sampling, reply, fault, deactivate) do not count: the
    /// processor keeps the result in a local of the function's own return type (<c>PackageEmitter.ResultType</c>) and
    /// only tests it for an error, which <c>http:Response|error</c> allows as <c>http:Response|error?</c> does.
    /// </summary>
    private static HashSet<Symbol> NamedOutsideCalls(PackageIr package, HashSet<Symbol> candidates)
    {
        var placeholder = new Symbol(SymbolKind.Function, "placeholder");
        var rewritten = FlowBodies.Rewrite(package, body => WithoutCalls(body, candidates), _ => false);
        var named = new HashSet<Symbol>();
        EmptyFlows.Collect(rewritten with
        {
            Symbols = [],
            Functions = rewritten.Functions.Select(f => f with { Name = placeholder }).ToImmutableArray(),
            MessageProcessors = rewritten.MessageProcessors
                .Select(p => p with { Sequence = null, ReplySequence = null, FaultSequence = null, DeactivateSequence = null })
                .ToImmutableArray(),
        }, named);
        named.IntersectWith(candidates);
        return named;
    }

    private static ImmutableArray<StepIr> WithoutCalls(ImmutableArray<StepIr> steps, HashSet<Symbol> functions)
    {
        var result = new SharedList.Builder<StepIr>(steps);
        Func<ImmutableArray<StepIr>, ImmutableArray<StepIr>>? nested = null;
        foreach (var step in steps)
        {
            if (step is not InvokeStep invoke || !functions.Contains(invoke.Function))
            {
                result.Add(FlowBodies.Nested(step, nested ??= body => WithoutCalls(body, functions)));
            }
        }

        return result.ToImmutable();
    }
}
