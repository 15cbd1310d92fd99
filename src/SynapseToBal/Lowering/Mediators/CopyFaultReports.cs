using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

// What the fault handling of a copy the flow goes on without does (a clone or iterate with continueParent and no
// aggregate, a recipient list): each copy carries the fault stack of the message it was made from
// (MessageHelper.cloneMessageContext), and a failing copy pops it on itself (Target.mediateMessage, MediatorWorker.run).
// The generated code runs the flow's own fault function on the copy (StatementWriter.DetachedFork, handleCopyFailure,
// runCopy); what it cannot do is reported here, once every flow is lowered.
public sealed partial class Lowerer
{
    /// <summary>
    /// Reports, for every split the flow goes on without: SB0629 when the flow has no fault handling of its own (the
    /// caller's, which the generated function does not know), SB0630 when its fault flow may answer the client, which
    /// the Micro Integrator writes when it comes first and the generated code drops.
    /// </summary>
    private void ReportDetachedCopyFaults(IEnumerable<ServiceIr> services)
    {
        var functions = _functions.GroupBy(function => function.Name).ToDictionary(group => group.Key, group => group.First());
        var bodies = services.SelectMany(service => service.Resources).Select(resource => (resource.Body, resource.FaultFunction))
            .Concat(_functions.Select(function => (function.Body, function.FaultFunction)));
        var reported = new HashSet<MediatorSyntax>(ReferenceEqualityComparer.Instance);
        foreach (var (body, fault) in bodies)
        {
            foreach (var fork in IrWalker.Steps(body).OfType<ForkStep>().Where(fork => fork is { Aggregation: null, Answering: null, CopyFaults: false }))
            {
                if (fork.Origin is null || !reported.Add(fork.Origin))
                {
                    continue;
                }

                var what = fork.Origin switch
                {
                    CloneMediator => "<clone>",
                    IterateMediator => "<iterate>",
                    _ => $"the recipient list this <{fork.Origin.ElementName}> sends to",
                };
                if (fault is null)
                {
                    _diagnostics.Report(DiagnosticCatalog.CopyFaultHandledByCaller, fork.Origin.Location, what, fork.Parallel
                        ? "ends the copy unhandled (no fault flow runs, nothing is logged)"
                        : "fails this flow, so the caller's fault handling runs on the parent's message and neither the next copies nor the mediators after the split run");
                }
                else if (functions.TryGetValue(fault, out var faultFlow) && MayAnswer(faultFlow.Body, functions))
                {
                    _diagnostics.Report(DiagnosticCatalog.CopyFaultAnswerDropped, fork.Origin.Location, what, fork.Parallel
                        ? "the Micro Integrator writes it to the client when it comes before the flow's own answer (the later one is not written)"
                        : "the Micro Integrator writes it to the client before the flow goes on, and the flow's own answer is not written");
                }
            }
        }
    }

    /// <summary>Whether a fault flow may answer the client: a respond, a send back, a sequence or split that may stop with an answer.</summary>
    private static bool MayAnswer(System.Collections.Immutable.ImmutableArray<StepIr> body, IReadOnlyDictionary<Symbol, FunctionIr> functions)
    {
        var seen = new HashSet<Symbol>();
        bool Answers(System.Collections.Immutable.ImmutableArray<StepIr> steps) => IrWalker.Steps(steps).Any(step => step switch
        {
            RespondStep or ContinueWithStep or ForkStep { Answering: not null } => true,
            InvokeStep { CanStop: true } invoke => seen.Add(invoke.Function) && (!functions.TryGetValue(invoke.Function, out var called) || Answers(called.Body)),
            _ => false,
        });
        return Answers(body);
    }
}
