using System.Collections.Immutable;
using SynapseToBal.IR;
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
}
