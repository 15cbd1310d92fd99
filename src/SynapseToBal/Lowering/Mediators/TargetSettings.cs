using System.Collections.Immutable;
using SynapseToBal.IR;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

// The to and soapAction attributes of an iterate or clone <target>: Synapse's Target sets them on its copy of the
// message before running the copy's sequence or endpoint (Target.mediate: setSoapAction, then the To address).
public sealed partial class Lowerer
{
    /// <summary>
    /// The steps that set a target's soapAction and to on its copy, before the copy runs: the message's action
    /// (setSoapAction, which the backend gets as the SOAPAction header, like a header mediator's Action) and the To
    /// address an endpoint-less send or call goes to.
    /// </summary>
    private static ImmutableArray<StepIr> TargetSettings(MediatorSyntax split, TargetSyntax target)
    {
        var steps = ImmutableArray.CreateBuilder<StepIr>();
        if (target.SoapAction is { } action)
        {
            steps.Add(new SetFieldStep(split, ContextField.Action, new StringLiteralIr(action)));
        }

        if (target.To is { } to)
        {
            steps.Add(new SetFieldStep(split, ContextField.To, new StringLiteralIr(to)));
        }

        return steps.ToImmutable();
    }
}
