using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

// Lowering of <header>: transport headers, the WS-Addressing To and Action, and SOAP header blocks (HeaderMediator,
// default scope); the WS-Addressing From, ReplyTo, FaultTo and RelatesTo stay TODOs.
public sealed partial class Lowerer
{
    private StepIr LowerHeader(HeaderMediator header, FlowContext context)
    {
        if (header.Scope != "transport" && header.InlineXml is null && header.Name == "Action")
        {
            // The WS-Addressing Action: HeaderMediator sets the message's action (setWSAAction; remove sets none),
            // which Axis2 keeps apart from the transport headers; over HTTP TargetRequest sends it as the SOAPAction
            // header, quoted (a SOAP 1.2 endpoint format moves it into the content type).
            return new SetFieldStep(header, ContextField.Action, header.Action == PropertyAction.Remove ? new StringLiteralIr(string.Empty) : Value(header.Value, context));
        }

        if (header.Scope != "transport" && header.InlineXml is null && header.Name == "To")
        {
            // The WS-Addressing To: where an endpoint-less send or call goes; removing it leaves no address.
            return new SetFieldStep(header, ContextField.To, header.Action == PropertyAction.Remove ? new StringLiteralIr(string.Empty) : Value(header.Value, context));
        }

        if (header.Scope != "transport")
        {
            return LowerSoapHeader(header, context);
        }

        return header.Action == PropertyAction.Remove
            ? new RemoveHeaderStep(header, header.Name)
            : new SetHeaderStep(header, header.Name, SecretSafeValue(header.Name, header.Value, header.Location, context));
    
    }

    private StepIr LowerSoapHeader(HeaderMediator header, FlowContext context)
    {
        if (header.Scope != "default")
        {
            return Todo(header, DiagnosticCatalog.AttributeNotTranslated, "SOAP headers and WS-Addressing fields are not translated", "header", $"scope '{header.Scope}' ({header.Name})", "the Micro Integrator accepts only the scopes default and transport");
        }

        if (header.InlineXml is { } inline)
        {
            // Implicit header blocks: each inline element is added to the envelope's Header as it is.
            if (header.Action == PropertyAction.Remove)
            {
                return Todo(header, DiagnosticCatalog.AttributeNotTranslated, "SOAP headers and WS-Addressing fields are not translated", "header", "action 'remove' with inline XML", "Synapse removes by the name attribute, which an inline header has not");
            }

            return SecretNames.MaskXml(inline) != inline
                ? Todo(header, DiagnosticCatalog.AttributeNotTranslated, "SOAP headers and WS-Addressing fields are not translated", "header", "inline XML holding a credential", "a credential is not copied into code: add this header block with a configurable")
                : new AddSoapHeaderXmlStep(header, inline);
        }

        var colon = header.Name.IndexOf(':', StringComparison.Ordinal);
        var localName = header.Name[(colon + 1)..];
        if (colon > 0 && header.NamespaceUri is null)
        {
            return Todo(header, DiagnosticCatalog.AttributeNotTranslated, "SOAP headers and WS-Addressing fields are not translated", "header", $"name '{header.Name}'", "its namespace prefix is not declared: the Micro Integrator refuses this mediator");
        }

        if (colon <= 0 || string.IsNullOrEmpty(header.NamespaceUri))
        {
            return Todo(header, DiagnosticCatalog.AttributeNotTranslated, "SOAP headers and WS-Addressing fields are not translated", "header", $"WS-Addressing '{header.Name}'",
                header.Name is "From" or "ReplyTo" or "FaultTo" or "RelatesTo"
                    ? "the generated runtime carries no WS-Addressing From, ReplyTo, FaultTo or RelatesTo (the Micro Integrator sends them only when the endpoint enables addressing)"
                    : "an unqualified SOAP header name other than To, From, Action, ReplyTo, FaultTo or RelatesTo: the Micro Integrator refuses this mediator");
        }

        if (header.Action == PropertyAction.Remove)
        {
            return new RemoveSoapHeaderStep(header, header.NamespaceUri, localName);
        }

        if (header.ValueType is { } type && !type.Equals("STRING", StringComparison.OrdinalIgnoreCase))
        {
            return Todo(header, DiagnosticCatalog.AttributeNotTranslated, "SOAP headers and WS-Addressing fields are not translated", "header", $"type '{type}'", "a value parsed as XML into the header block is not translated");
        }

        return new AddSoapHeaderStep(header, header.NamespaceUri, header.Name[..colon], localName, SecretSafeValue(localName, header.Value, header.Location, context));
    }
}
