using SynapseToBal.IR;

namespace SynapseToBal.Refine;

/// <summary>
/// What the steps after the end of a flow become when a refiner finds that an earlier step always ends it (a sequence
/// that answers on every path, a filter whose condition is constant): the Ballerina compiler rejects unreachable
/// statements, and nothing of the source may vanish silently.
/// </summary>
internal static class EndedFlow
{
    /// <summary>
    /// The step as it stands after the end: comments and TODOs kept; a step of no mediator that stands for something
    /// of the source (<see cref="StepIr.Unmediated"/>) a comment saying it is not run (<paramref name="notRun"/>); a
    /// later mediator's step a <see cref="DeadCodeStep"/> (once per mediator, <paramref name="lastDead"/>) saying it
    /// <paramref name="never"/>; any other step (of no mediator, or of <paramref name="stopper"/>, the mediator that
    /// ended the flow) null: dropped.
    /// </summary>
    public static StepIr? AfterEnd(StepIr step, object? stopper, ref object? lastDead, string notRun, string never)
    {
        switch (step)
        {
            // A TODO after the end never runs: it stays a comment (a failing call there would be unreachable code).
            case TodoStep todo:
                return todo with { FailsAtRunTime = false };
            case CommentStep or DeadCodeStep:
                return step;
            case { Origin: null, Unmediated: { } what }:
                return new CommentStep(null, $"Not run: {what}: {notRun}");
            case { Origin: { } origin } when !ReferenceEquals(origin, lastDead) && !ReferenceEquals(origin, stopper):
                lastDead = origin;
                return new DeadCodeStep(origin, $"never runs: {never}");
            default:
                return null;
        }
    }
}
