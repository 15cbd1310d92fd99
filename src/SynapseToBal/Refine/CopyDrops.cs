using System.Collections.Immutable;
using SynapseToBal.IR;

namespace SynapseToBal.Refine;

/// <summary>
/// A copy of a split that stops its parent answers nothing when it is dropped (issue 9). An iterate or clone without
/// continueParent marks the request as answered elsewhere: CloneMediator.mediate and IterateMediator.mediate set
/// RESPONSE_WRITTEN to "SKIP" in the operation context, which the copies share (MessageHelper.cloneMessageContext), so
/// the listener's ServerWorker.sendAck writes no 202 for the request; a copy whose mediation ends at a drop
/// (DropMediator.mediate returns false and writes nothing) or without answering leaves no answer, and only a copy's
/// respond or send answers the client. The generated fork takes the first answer of its copies, so a dropped copy
/// must not answer with the drop's 202: every function a branch of such a fork may run (the symbols each body names,
/// as <see cref="ContextGraph"/> walks them) writes its drop as <c>dropped(ctx)</c>, which marks the copy
/// (<see cref="AcceptStep.MarksDropped"/>) and still answers 202 where the function runs on a request that was not
/// split, and the fork takes no answer from a copy so marked (<see cref="ForkAnswerIr.SkipsDropped"/>).
/// </summary>
public static class CopyDrops
{
    public static PackageIr Mark(PackageIr package)
    {
        var functions = package.Functions.GroupBy(f => f.Name).ToDictionary(g => g.Key, g => g.First());
        var forks = Bodies(package)
            .SelectMany(body => IrWalker.Steps(body.Steps).OfType<ForkStep>().Where(f => f.Answering is not null).Select(fork => (Fork: fork, body.Fault)))
            .ToList();
        if (forks.Count == 0)
        {
            return package;
        }

        // Per fork, the functions its branches may run, and the fault function of the flow it is in, which a failing
        // copy runs on itself (StatementWriter.AnsweringFork, answeringCopy); the functions any of them may run drop
        // their copy so.
        var reachedByFork = new Dictionary<ForkStep, HashSet<Symbol>>(ReferenceEqualityComparer.Instance);
        foreach (var (fork, fault) in forks)
        {
            reachedByFork[fork] = Reached(fault is null ? fork.Branches : fork.Branches.Append(fault), functions);
        }

        var dropping = reachedByFork.Values.SelectMany(r => r)
            .Where(s => IrWalker.Steps(functions[s].Body).Any(Drops))
            .ToHashSet();
        if (dropping.Count == 0)
        {
            return package;
        }

        var skipping = reachedByFork.Where(r => r.Value.Overlaps(dropping)).Select(r => r.Key).ToHashSet(ReferenceEqualityComparer.Instance);
        ImmutableArray<StepIr> Forks(ImmutableArray<StepIr> steps) => Rewrite(steps, step => step is ForkStep { Answering: { } answering } fork && skipping.Contains(fork)
            ? fork with { Answering = answering with { SkipsDropped = true } }
            : step);
        ImmutableArray<StepIr> MarkedDrops(ImmutableArray<StepIr> steps) => Rewrite(Forks(steps), step => step switch
        {
            AcceptStep accept when Drops(accept) => accept with { MarksDropped = true },
            ForkStep { Answering: { } answering } fork => fork with { Answering = answering with { MarksDropped = true } },
            _ => step,
        });

        return package with
        {
            Services = [.. package.Services.Select(s => s with { Resources = [.. s.Resources.Select(r => r with { Body = Forks(r.Body) })] })],
            Inbounds = [.. package.Inbounds.Select(i => i.Transport is InboundTransportIr.Http http ? i with { Transport = http with { Resource = http.Resource with { Body = Forks(http.Resource.Body) } } } : i)],
            Functions = [.. package.Functions.Select(f => f with { Body = dropping.Contains(f.Name) ? MarkedDrops(f.Body) : Forks(f.Body) })],
        };
    }

    /// <summary>
    /// A drop, or an implicit end answering 202 (or, in a fault flow, the 502 after a backend's failure, which the Micro
    /// Integrator answers with nothing either), or a nested split that stops the copy, whose own copies may all end
    /// without answering.
    /// </summary>
    private static bool Drops(StepIr step) => step is AcceptStep or ForkStep { Answering: not null };

    private static IEnumerable<(ImmutableArray<StepIr> Steps, Symbol? Fault)> Bodies(PackageIr package) =>
        package.Services.SelectMany(s => s.Resources).Select(r => (r.Body, r.FaultFunction))
            .Concat(package.Inbounds.Select(i => i.Transport).OfType<InboundTransportIr.Http>().Select(h => (h.Resource.Body, h.Resource.FaultFunction)))
            .Concat(package.Functions.Select(f => (f.Body, f.FaultFunction)));

    /// <summary>The functions of the package the branches run, and those they run in turn.</summary>
    private static HashSet<Symbol> Reached(IEnumerable<Symbol> branches, IReadOnlyDictionary<Symbol, FunctionIr> functions)
    {
        var reached = new HashSet<Symbol>();
        var pending = new Stack<Symbol>(branches);
        while (pending.Count > 0)
        {
            var symbol = pending.Pop();
            if (!functions.TryGetValue(symbol, out var function) || !reached.Add(symbol))
            {
                continue;
            }

            var named = new HashSet<Symbol>();
            EmptyFlows.Collect(function, named);
            foreach (var next in named.Where(functions.ContainsKey))
            {
                pending.Push(next);
            }
        }

        return reached;
    }

    private static ImmutableArray<StepIr> Rewrite(ImmutableArray<StepIr> steps, Func<StepIr, StepIr> rewrite) =>
        [.. steps.Select(step => step switch
        {
            TransactionStep transaction => rewrite(transaction with { Body = Rewrite(transaction.Body, rewrite) }),
            _ => rewrite(FlowBodies.Nested(step, nested => Rewrite(nested, rewrite))),
        })];
}
