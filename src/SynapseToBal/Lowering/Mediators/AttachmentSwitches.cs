using SynapseToBal.IR;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

// The axis2 properties enableMTOM and enableSwA when they switch the optimisation off.
public sealed partial class Lowerer
{
    /// <summary>
    /// <c>enableMTOM</c> / <c>enableSwA</c> (axis2 scope) removed, or set to a literal that does not turn the
    /// optimisation on. When the sender formats a built message (PassThroughTransportUtils.getOMOutputFormat), Axis2's
    /// TransportUtils.doWriteMTOM / doWriteSwA take the message's property over the axis2.xml or service parameter and
    /// write MTOM or SwA only for a value JavaUtils.isTrueExplicitly accepts ("true" or "yes" in any case, "1", a Boolean
    /// true, a non-zero Integer) or "optional" (then only when the request was MTOM or SwA). Any other value, or none
    /// with the Micro Integrator's default parameters (false), writes the plain SOAP or XML message, which is all the
    /// generated runtime writes: the property then only holds data (get-property still reads it). Values that turn the
    /// optimisation on, and computed values, keep their TODO (<see cref="TransportSwitchReason"/>).
    /// </summary>
    private static bool SwitchesAttachmentsOff(PropertyMediator property)
    {
        if (property.Name is not ("enableMTOM" or "enableSwA") || property.Scope != "axis2")
        {
            return false;
        }

        if (property.Action == PropertyAction.Remove)
        {
            return true;
        }

        if (property.Value is not ValueSyntax.Literal { Text: var text })
        {
            return false;
        }

        return property.Type?.ToUpperInvariant() switch
        {
            // A String: isTrueExplicitly compares it as written (no trimming); "optional" depends on the request.
            null or "STRING" => !text.Equals("true", StringComparison.OrdinalIgnoreCase) && !text.Equals("yes", StringComparison.OrdinalIgnoreCase)
                && text != "1" && !text.Equals("optional", StringComparison.OrdinalIgnoreCase),

            // A Boolean: the property mediator converts with the same isTrueExplicitly (as Typed does).
            "BOOLEAN" => Typed(new StringLiteralIr(text), "BOOLEAN", inlineXml: false) is BooleanLiteralIr { Value: false },
            _ => false,
        };
    }
}
