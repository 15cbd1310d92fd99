using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

// Lowering of <header>: transport headers (SOAP headers stay TODOs).
public sealed partial class Lowerer
{
    private StepIr LowerHeader(HeaderMediator header, FlowContext context)
    {
        if (header.Scope != "transport")
        {
            return Todo(header, DiagnosticCatalog.AttributeNotTranslated, "SOAP headers and WS-Addressing fields are not translated", "header", $"scope '{header.Scope}' ({header.Name})", "only transport (HTTP) headers are translated");
        }

        return header.Action == PropertyAction.Remove
            ? new RemoveHeaderStep(header, header.Name)
            : new SetHeaderStep(header, header.Name, SecretSafeValue(header.Name, header.Value, header.Location, context));
    }
}
