using SynapseToBal.IR;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

// Lowering of <variable> (MI 4.4): a typed value in the variables map.
public sealed partial class Lowerer
{
    private StepIr LowerVariable(VariableMediator variable, FlowContext context)
    {
        if (variable.Action == PropertyAction.Remove)
        {
            return new RemoveVariableStep(variable, variable.Name);
        }

        var inlineXml = variable.Value is ValueSyntax.InlineXml && variable.Type?.ToUpperInvariant() is null or "STRING";
        return new SetVariableStep(variable, variable.Name, Typed(SecretSafeValue(variable.Name, variable.Value, variable.Location, context), variable.Type, inlineXml));
    }
}
