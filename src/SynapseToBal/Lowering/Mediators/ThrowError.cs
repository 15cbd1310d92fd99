using SynapseToBal.IR;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

// Lowering of <throwError> (MI 4.4): fail, with ERROR_CODE and ERROR_MESSAGE set as Synapse does.
public sealed partial class Lowerer
{
    private IEnumerable<StepIr> LowerThrowError(ThrowErrorMediator throwError, FlowContext context)
    {
        var message = throwError.ErrorMessage is null ? new StringLiteralIr("Error occurred") : Value(throwError.ErrorMessage, context);
        if (throwError.Type is { } type)
        {
            // Synapse sets ERROR_CODE to the type and ERROR_MESSAGE to the message; recordError keeps them, as the first error wins.
            yield return new SetPropertyStep(throwError, "ERROR_CODE", new StringLiteralIr(type));
            yield return new SetPropertyStep(throwError, "ERROR_MESSAGE", message);
        }

        yield return new FailStep(throwError, message);
    }
}
