using System.Collections.Immutable;
using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Semantics;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

// One fault function per named fault sequence (issue 14): the fault flows that only run a sequence and end the
// flow are the same function, whichever flow they handle.
public sealed partial class Lowerer
{
    /// <summary>The fault function running each named sequence (by the sequence's function), and the flows it handles, in order.</summary>
    private readonly Dictionary<Symbol, (Symbol Runner, string Sequence, List<string> Users)> _faultRunners = new();

    /// <summary>Fault symbols asked for before the flow was lowered and replaced by a runner: no function has them, so no name is given to them.</summary>
    private readonly Dictionary<Symbol, Symbol> _replacedFaults = new();

    /// <summary>
    /// The fault function of a flow whose fault handling only runs a named sequence (an onError sequence, a
    /// <c>faultSequence="X"</c> key): <c>recordError</c>, the sequence, then the flow ends with its answer or 202. Every
    /// such flow, whatever its owner, runs the same statements, so they share one function named after the sequence
    /// (<c>runOrderFault</c>): stable across conversions, since it depends on the sequence's name only. Null when the
    /// body is anything else (inline mediators, a TODO), which keeps its own function.
    /// </summary>
    /// <param name="body">The fault function's body as lowered.</param>
    /// <param name="user">What the function handles, for its doc comment (<c>proxy service 'P'</c>).</param>
    private Symbol? FaultRunner(ImmutableArray<StepIr> body, string user, SourceLocation location)
    {
        if (body is not [InvokeStep { Arguments.IsEmpty: true } invoke, AcceptStep { Origin: null }]
            || _sequenceFunctions.FirstOrDefault(s => s.Value == invoke.Function).Key is not { } sequence)
        {
            return null;
        }

        if (_faultRunners.TryGetValue(invoke.Function, out var runner))
        {
            runner.Users.Add(user);
            return runner.Runner;
        }

        var symbol = _symbols.Module(SymbolKind.Function, "run " + sequence);
        _faultRunners[invoke.Function] = (symbol, sequence, [user]);
        _functions.Add(new FunctionIr(symbol, FunctionKind.FaultFlow, true, body, string.Empty, location));
        return symbol;
    }

    /// <summary>The runners' doc comments, once every flow they handle is known.</summary>
    private void DescribeFaultRunners()
    {
        foreach (var (runner, sequence, users) in _faultRunners.Values)
        {
            var index = _functions.FindIndex(f => f.Name == runner);
            var handled = users.Distinct(StringComparer.Ordinal).ToList();
            var list = handled.Count == 1 ? handled[0] : string.Join(", ", handled.Take(handled.Count - 1)) + " and " + handled[^1];
            _functions[index] = _functions[index] with
            {
                Summary = $"Fault handling of {list}: records the error and runs sequence '{sequence}'; the flow ends there{FunctionIr.FaultRunnerUnanswered}.",
            };
        }
    }

    /// <summary>The fault function running each named sequence after a non-blocking send (by the sequence's function).</summary>
    private readonly Dictionary<Symbol, Symbol> _faultRunnersAfterSend = new();

    /// <summary>The sequences' functions whose steps a runner of <see cref="_faultRunnersAfterSend"/> holds (the sequence drops).</summary>
    private readonly HashSet<Symbol> _copiedFaultSequences = new();

    /// <summary>
    /// The project's global 'fault' sequence whose steps only the runner after a send holds: no flow runs it otherwise
    /// (no wrapper for the flows that do not send, no key names it, none is computed at run time), so its own function
    /// is not declared; the runner is its code.
    /// </summary>
    private void DropGlobalFaultSequenceOnlyRunnersHold()
    {
        if (_globalFault is not null || !_sequenceFunctions.TryGetValue("fault", out var function) || !_copiedFaultSequences.Contains(function)
            || _model.Graph.References.Any(r => r.Reference.Kind == ReferenceKind.Sequence && (r.Reference.IsDynamic || r.Reference.Key == "fault" || r.Target is SequenceSyntax { Name: "fault" }))
            || _functions.Any(f => f.FaultFunction == function || IrWalker.Steps(f.Body).Any(s => s is InvokeStep invoke && invoke.Function == function)))
        {
            return;
        }

        _functions.RemoveAll(f => f.Name == function);
        _replacedFaults[function] = _faultRunnersAfterSend[function];
    }

    /// <summary>The runners of <see cref="_faultRunnersAfterSend"/> whose sequence can end without answering or dropping (SB0260 at each user).</summary>
    private readonly HashSet<Symbol> _runnersEndingUnanswered = new();

    /// <summary>
    /// The fault function of the flows that send to a backend without blocking and whose fault handling only runs the
    /// named sequence <paramref name="sequence"/> (a <c>faultSequence="X"</c> key, or the project's global 'fault'
    /// sequence): the error recorded, then the sequence's steps, where each drop and the implicit end answer as the
    /// end of a resource's own fault flow there does (SB0260, <c>unansweredFault</c>). A backend's failure runs the
    /// sequence in the send's callback after the send set RESPONSE_WRITTEN to SKIP (Axis2FlexibleMEPClient), and
    /// DropMediator only stops mediation (<c>setTo(null)</c>, returns false): the 202 a flow that ends without
    /// answering gets is the listener's (ServerWorker.sendAck, which writes none under SKIP), so nothing is written and
    /// the client waits; the generated code answers 502 then, 202 for a failure before anything was sent. The steps
    /// are those of the sequence's function (one function per sequence, whatever the flows it serves). Null when the
    /// sequence answers on every path (no drop, no implicit end), or its steps cannot be marked (<see cref="MarkedUnanswered"/>): the flows then
    /// share the sequence's usual runner.
    /// </summary>
    /// <param name="eachUser">
    /// Report the implicit end at <paramref name="location"/> for every flow that asks (a key each flow writes), not only
    /// when the runner is made (the global 'fault' sequence, reported at the sequence).
    /// </param>
    private Symbol? FaultRunnerAfterSend(string sequence, string summary, SourceLocation location, bool eachUser = true)
    {
        if (!_sequenceFunctions.TryGetValue(sequence, out var function))
        {
            return null;
        }

        if (_faultRunnersAfterSend.TryGetValue(function, out var known))
        {
            if (eachUser && _runnersEndingUnanswered.Contains(known))
            {
                // Its implicit end is reported where each flow names the sequence, as for a flow's own fault flow.
                _diagnostics.Report(DiagnosticCatalog.FaultAfterBackendFailureUnanswered, location);
            }

            return known;
        }

        if (_functions.FirstOrDefault(f => f.Name == function) is not { FaultFunction: null } lowered
            || MarkedUnanswered(lowered.Body) is not { } marked
            || (Flow.Terminates(marked) && !IrWalker.Steps(marked).Any(s => s is AcceptStep)))
        {
            // The sequence answers on every path (it never drops, nor ends without answering).
            return null;
        }

        foreach (var drop in IrWalker.Steps(marked).OfType<AcceptStep>().Where(a => a.Origin is not null))
        {
            _diagnostics.Report(DiagnosticCatalog.FaultAfterBackendFailureUnanswered, drop.Origin!.Location);
        }

        var symbol = _symbols.Module(SymbolKind.Function, "run " + sequence + " after send");
        if (!IrWalker.Steps(lowered.Body).Any(s => s is AcceptStep))
        {
            // No drop: the sequence's function is run as it is, and the runner ends as an unanswered fault flow.
            _diagnostics.Report(DiagnosticCatalog.FaultAfterBackendFailureUnanswered, location);
            _runnersEndingUnanswered.Add(symbol);
            _faultRunnersAfterSend[function] = symbol;
            _functions.Add(new FunctionIr(symbol, FunctionKind.FaultFlow, true, [new InvokeStep(null, function, lowered.CanStop), new AcceptStep(null) { AfterBackendFailure = true }], summary, location));
            return symbol;
        }

        _copiedFaultSequences.Add(function);
        if (!Flow.Terminates(marked))
        {
            _diagnostics.Report(DiagnosticCatalog.FaultAfterBackendFailureUnanswered, location);
            marked = [.. marked, new AcceptStep(null) { AfterBackendFailure = true }];
            _runnersEndingUnanswered.Add(symbol);
        }

        _faultRunnersAfterSend[function] = symbol;
        _functions.Add(new FunctionIr(symbol, FunctionKind.FaultFlow, true, marked, summary, location));
        return symbol;
    }

    /// <summary>
    /// The steps with every end that answers nothing (a drop's, or an implicit one's <see cref="AcceptStep"/>) marked as
    /// after a backend's failure (<see cref="AcceptStep.AfterBackendFailure"/>), through if, switch and direction
    /// branches; null when another step nests an end, or a sequence it runs may end the flow by a drop (which answers
    /// 202 in that sequence's own function).
    /// </summary>
    private ImmutableArray<StepIr>? MarkedUnanswered(ImmutableArray<StepIr> steps)
    {
        var result = ImmutableArray.CreateBuilder<StepIr>(steps.Length);
        foreach (var step in steps)
        {
            StepIr? marked = step switch
            {
                AcceptStep accept => accept with { AfterBackendFailure = true },
                IfStep branch => MarkedUnanswered(branch.Then) is { } then && MarkedUnanswered(branch.Else) is { } otherwise ? branch with { Then = then, Else = otherwise } : null,
                SwitchStep choice => choice.Cases.Select(c => MarkedUnanswered(c.Steps) is { } caseSteps ? c with { Steps = caseSteps } : null).ToList() is var cases
                    && cases.All(c => c is not null) && MarkedUnanswered(choice.Default) is { } fallback
                    ? choice with { Cases = [.. cases.Select(c => c!)], Default = fallback } : null,
                DirectionStep direction => MarkedUnanswered(direction.Request) is { } request && MarkedUnanswered(direction.Response) is { } response ? direction with { Request = request, Response = response } : null,
                InvokeStep { CanStop: true } invoke when _functions.FirstOrDefault(f => f.Name == invoke.Function) is not { } callee
                    || IrWalker.Steps(callee.Body).Any(s => s is AcceptStep or InvokeStep { CanStop: true }) => null,
                _ when IrWalker.Branches(step).Any(b => IrWalker.Steps(b).Any(s => s is AcceptStep or InvokeStep { CanStop: true })) => null,
                _ => step,
            };
            if (marked is null)
            {
                return null;
            }

            result.Add(marked);
        }

        return result.ToImmutable();
    }
}
