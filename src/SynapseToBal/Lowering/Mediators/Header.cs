using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

// Lowering of <header>: transport headers and the WS-Addressing To and Action (other SOAP headers stay TODOs).
public sealed partial class Lowerer
{
    private StepIr LowerHeader(HeaderMediator header, FlowContext context)
    {
        if (header.Scope != "transport" && header.Name == "Action")
        {
            // The WS-Addressing Action: over HTTP Axis2 sends it as the SOAPAction header, quoted (a SOAP 1.2
            // endpoint format moves it into the content type).
            return header.Action == PropertyAction.Remove
                ? new RemoveHeaderStep(header, "SOAPAction")
                : new SetHeaderStep(header, "SOAPAction", new ConcatIr([new StringLiteralIr("\""), Value(header.Value, context), new StringLiteralIr("\"")]));
        }

        if (header.Scope != "transport" && header.Name == "To")
        {
            // The WS-Addressing To: where an endpoint-less send or call goes; removing it leaves no address.
            return new SetFieldStep(header, ContextField.To, header.Action == PropertyAction.Remove ? new StringLiteralIr(string.Empty) : Value(header.Value, context));
        }

        if (header.Scope != "transport")
        {
            return Todo(header, DiagnosticCatalog.AttributeNotTranslated, "SOAP headers and WS-Addressing fields are not translated", "header", $"scope '{header.Scope}' ({header.Name})", "only transport (HTTP) headers are translated");
        }

        return header.Action == PropertyAction.Remove
            ? new RemoveHeaderStep(header, header.Name)
            : new SetHeaderStep(header, header.Name, SecretSafeValue(header.Name, header.Value, header.Location, context));
    }
}
