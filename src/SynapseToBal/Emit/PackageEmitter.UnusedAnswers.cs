using System.Collections.Immutable;
using SynapseToBal.IR;
using SynapseToBal.Refine;

namespace SynapseToBal.Emit;

public sealed partial class PackageEmitter
{
    /// <summary>
    /// No response from a sequence whose answer no caller uses (issue 14): a sequence named only as the target of
    /// scheduled tasks (each job discards what it returns but its error, <c>_ = heartbeat(ctx);</c>) does not return
    /// <c>http:Response?</c> nor end with <c>return accepted();</c>. Only a sequence whose only answer is a drop
    /// (<see cref="AcceptStep"/>, written <c>return;</c> in a function that cannot stop): no respond, send, call, fork,
    /// continuation or sequence call anywhere in it (which answer with what they got), no fault handler (whose answer it
    /// would return) and no TODO (code written by hand later may answer). Named anywhere else in the package (an inbound
    /// listener, a processor, a service, another function, a registered flow, the XML of a TODO), it keeps its answer. The IR (and
    /// <c>ir.txt</c>) keeps <see cref="FunctionIr.CanStop"/>; only the writers see the function without it.
    /// </summary>
    internal static RefinedPackage WithoutUnusedAnswers(RefinedPackage refined)
    {
        var package = refined.Package;
        var targets = package.Jobs.Select(j => j.Target).OfType<Symbol>().ToHashSet();
        var candidates = package.Functions
            .Where(f => f.Kind == FunctionKind.Sequence && f.CanStop && targets.Contains(f.Name) && f.FaultFunction is null
                && IrWalker.Steps(f.Body).Any(s => s is AcceptStep) && IrWalker.Steps(f.Body).All(DropsAtMost))
            .Select(f => f.Name)
            .ToHashSet();
        if (candidates.Count == 0)
        {
            return refined;
        }

        // Named anywhere but as a task's target (and its own declaration): its answer may be used there.
        var named = new HashSet<Symbol>();
        EmptyFlows.Collect(package with
        {
            Symbols = [],
            Jobs = package.Jobs.Select(j => j with { Target = null }).ToImmutableArray(),
            Functions = package.Functions.Where(f => !candidates.Contains(f.Name)).ToImmutableArray(),
        }, named);
        candidates.ExceptWith(named);

        // Named in the XML of a TODO (an untranslated mediator, or artifact): the code written for it by hand may call
        // the sequence and use its answer.
        var todos = package.Functions.SelectMany(f => IrWalker.Steps(f.Body))
            .Concat(package.Services.SelectMany(s => s.Resources).SelectMany(r => IrWalker.Steps(r.Body)))
            .OfType<TodoStep>().Select(t => t.RawXml)
            .Concat(package.Pending.Concat(package.PendingEndpoints).Concat(package.PendingStores).Select(p => p.RawXml ?? p.Origin.RawXml))
            .ToList();
        candidates.RemoveWhere(c => todos.Any(xml => xml.Contains(c.Hint, StringComparison.Ordinal)));
        if (candidates.Count == 0)
        {
            return refined;
        }

        return refined with
        {
            Package = package with
            {
                Functions = package.Functions.Select(f => candidates.Contains(f.Name) ? f with { CanStop = false, AlwaysAnswers = false } : f).ToImmutableArray(),
                Jobs = package.Jobs.Select(j => j.Target is { } target && candidates.Contains(target) ? j with { TargetCanAnswer = false } : j).ToImmutableArray(),
            },
        };
    }

    /// <summary>A step that answers nothing but by dropping (<see cref="AcceptStep"/>) and calls nothing that may answer.</summary>
    private static bool DropsAtMost(StepIr step) => step is LogStep or SetPropertyStep or RemovePropertyStep or SetVariableStep or RemoveVariableStep
        or StorePropertyStep or SetHeaderStep or RemoveHeaderStep or ClearHeadersStep or SetFieldStep or ClearPayloadStep or PauseStep or SetPayloadStep
        or ReplacePayloadStep or EnrichStep or MakeFaultStep or FailStep or AcceptStep or IfStep or SwitchStep or CommentStep or DeadCodeStep
        or StoreMessageStep;
}
