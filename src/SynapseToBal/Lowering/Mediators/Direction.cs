using SynapseToBal.IR;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

// Lowering of <in> and <out>: the branch that runs in this flow, or a run-time direction test where the flow cannot tell.
public sealed partial class Lowerer
{
    /// <summary>
    /// InMediator and OutMediator run their mediators when <c>!isResponse()</c> / <c>isResponse()</c>. A resource's in
    /// and out flows know it; a shared sequence and a fault flow (which runs on the request or on the response, as the
    /// failure came before or after one) test it at run time, unless a makefault or RESPONSE above settled it in the
    /// fault flow. Inside the branch the direction is known; an <c>&lt;out&gt;</c> in a fault flow stays in the fault
    /// flow (its sends and drops are a fault flow's), with the message a response.
    /// </summary>
    private IEnumerable<StepIr> LowerDirection(DirectionMediator direction, FlowContext context)
    {
        switch (context.Kind)
        {
            case FlowKind.In when direction.IsIn:
            case FlowKind.Out when !direction.IsIn:
                return LowerBlock(direction.Mediators, context);
            case FlowKind.In or FlowKind.Out:
                // Never runs here: kept as written, and not lowered (its constructs are not reported).
                return [new DeadCodeStep(direction, direction.IsIn ? "<in> runs only for requests; this flow handles responses" : "<out> runs only for responses; this flow handles requests")];
            case FlowKind.Fault:
                // The message's direction flag, which a call leaves as it was (SynapseCallbackReceiver.handleMessage).
                var response = context.Exchange.Current.IsResponse;
                if (response != Known.Maybe)
                {
                    var runs = direction.IsIn == (response == Known.No);
                    return runs
                        ? LowerBlock(direction.Mediators, context, response)
                        : [new DeadCodeStep(direction, direction.IsIn ? "<in> runs only for requests; the message is a response here (a makefault or RESPONSE above made it one)" : "<out> runs only for responses; the message is a request here (RESPONSE above set it false)")];
                }

                return direction.IsIn
                    ? [new DirectionStep(direction, LowerBlock(direction.Mediators, context, Known.No), [])]
                    : [new DirectionStep(direction, [], LowerBlock(direction.Mediators, context, Known.Yes))];
            default:
                // In a shared sequence the direction is known inside <out>: the message is a response there.
                return direction.IsIn
                    ? [new DirectionStep(direction, LowerBlock(direction.Mediators, context, Known.No), [])]
                    : [new DirectionStep(direction, [], LowerBlock(direction.Mediators, context with { Kind = FlowKind.Out }, Known.Yes))];
        }
    }
}
