using SynapseToBal.IR;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

// Lowering of <in> and <out>: the branch that runs in this flow, or a run-time direction test in a shared sequence.
public sealed partial class Lowerer
{
    private IEnumerable<StepIr> LowerDirection(DirectionMediator direction, FlowContext context)
    {
        switch (context.Kind)
        {
            case FlowKind.In or FlowKind.Fault when direction.IsIn:
            case FlowKind.Out when !direction.IsIn:
                return LowerBlock(direction.Mediators, context);
            case FlowKind.In or FlowKind.Fault or FlowKind.Out:
                // Never runs here: kept as written, and not lowered (its constructs are not reported).
                return [new DeadCodeStep(direction, direction.IsIn ? "<in> runs only for requests; this flow handles responses" : "<out> runs only for responses; this flow handles requests")];
            default:
                // In a shared sequence the direction is known inside <out>: the message is a response there.
                return direction.IsIn
                    ? [new DirectionStep(direction, LowerBlock(direction.Mediators, context), [])]
                    : [new DirectionStep(direction, [], LowerBlock(direction.Mediators, context with { Kind = FlowKind.Out }))];
        }
    }
}
