using SynapseToBal.IR;

namespace SynapseToBal.Lowering;

// The response to a send made from a task's message: the Micro Integrator runs the main sequence on it.
public sealed partial class Lowerer
{
    /// <summary>The function that runs main on a response to a send made from a task's message, once made.</summary>
    private Symbol? _taskResponse;

    /// <summary>
    /// A message a task injects into main or a sequence has no proxy service and no client: when it is sent on
    /// (<c>&lt;send&gt;</c> without <c>receive</c>), Axis2SynapseEnvironment.injectMessage hands the backend response
    /// to the REST dispatcher (which no API matches: the message came from no API) and then to the main sequence, whose
    /// <c>&lt;out&gt;</c> branch handles it. The job registers a function that runs main as the context's out flow.
    /// A send with <c>receive</c> runs its sequence instead (the send's lowering calls it); a call (blocking) continues
    /// in the flow itself.
    /// </summary>
    /// <param name="sequence">The sequence the task injects into (main or the named one).</param>
    /// <param name="hasTo">The task sets a To address, where a <c>&lt;send/&gt;</c> without an endpoint sends the message.</param>
    /// <param name="note">A sentence for the job's documentation about where the response goes; null when nothing is sent.</param>
    private Symbol? TaskResponseFlow(string sequence, bool hasTo, out string? note)
    {
        note = null;
        if (!_model.SequenceFacts(sequence).Sends && !hasTo)
        {
            return null;
        }

        if (!_sequenceFunctions.TryGetValue("main", out var main))
        {
            note = "A response to a send it makes is dropped: the project defines no main sequence (the Micro Integrator's default main logs it and drops it).";
            return null;
        }

        note = "A response to a send it makes without a receive sequence runs the main sequence (its <out> branch), as the Micro Integrator injects it there; a send with receive runs that sequence.";
        if (_taskResponse is null)
        {
            var location = _model.Symbols.Sequence("main")!.Location;
            _taskResponse = _symbols.Module(SymbolKind.Function, "task response");
            var body = WithFallThrough([new InvokeStep(null, main, _model.SequenceFacts("main").CanAnswer)], location, afterCall: true);
            _functions.Add(new FunctionIr(_taskResponse, FunctionKind.OutFlow, true, body, "Runs the main sequence on a response to a send made from a task's message (its <out> branch).", location));
        }

        return _taskResponse;
    }
}
