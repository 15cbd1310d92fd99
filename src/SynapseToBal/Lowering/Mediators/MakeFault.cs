using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

// Lowering of <makefault>: the message becomes a SOAP 1.1/1.2 fault or a POX exception, marked a response.
public sealed partial class Lowerer
{
    /// <summary>
    /// makefault replaces the message with a fault and, unless <c>response="false"</c>, marks it a response; it
    /// sends nothing (a respond or send follows). The code is a QName written <c>prefix:local</c>: for SOAP 1.1 and
    /// 1.2 Synapse (FaultMediatorFactory, since EI 6.6) accepts only a prefix bound to that version's envelope namespace
    /// and refuses the artifact otherwise, so the fault carries the local name in the envelope's namespace, as written.
    /// </summary>
    private IEnumerable<StepIr> LowerMakeFault(MakeFaultMediator fault, FlowContext context)
    {
        var kind = fault.Version switch
        {
            FaultVersion.Soap12 => FaultKind.Soap12,
            FaultVersion.Pox => FaultKind.Pox,
            _ => FaultKind.Soap11,
        };
        if (kind != FaultKind.Pox && fault.Code is ValueSyntax.Literal { Text: var written } && written.Contains(':', StringComparison.Ordinal)
            && fault.CodeNamespace != (kind == FaultKind.Soap12 ? "http://www.w3.org/2003/05/soap-envelope" : "http://schemas.xmlsoap.org/soap/envelope/"))
        {
            var bound = fault.CodeNamespace is { } ns ? $"its prefix is bound to '{ns}'" : "its prefix is not declared";
            _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, fault.Location, "makefault", $"code '{written}'", $"{bound}, not to the {(kind == FaultKind.Soap12 ? "SOAP 1.2" : "SOAP 1.1")} envelope namespace, so the Micro Integrator (and EI 6.6 and later) refuses to deploy this makefault (FaultMediatorFactory), while earlier EI versions wrote the code in that namespace; the generated fault uses the local name in the envelope's namespace");
        }

        var code = fault.Code switch
        {
            ValueSyntax.Literal { Text: var text } => new StringLiteralIr(text[(text.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim()),
            null => new StringLiteralIr(kind == FaultKind.Soap12 ? "Receiver" : "Server"),
            var other => Value(other, context),
        };
        ValueIr? detail = fault.Detail switch
        {
            null => null,
            ValueSyntax.InlineXml xml => new ValueIr.ParsedXml(xml.Xml),
            ValueSyntax.Expression expression => Expr(expression.Syntax, context) switch
            {
                XmlNavigationIr { TextOnly: false } nodes when kind != FaultKind.Pox => new ValueIr.XmlNodes(nodes),
                var value => new ValueIr.String(value),
            },
            var text => new ValueIr.String(Value(text, context)),
        };
        if (kind == FaultKind.Pox && detail is ValueIr.ParsedXml)
        {
            // A POX fault carries text only: Synapse writes the reason when the detail is XML elements.
            detail = null;
        }

        yield return new MakeFaultStep(
            fault,
            kind,
            code,
            Value(fault.Reason, context),
            fault.Node is { } node ? new StringLiteralIr(node) : null,
            fault.Role is { } role ? new StringLiteralIr(role) : null,
            detail);
        if (fault.Response != false)
        {
            yield return new MarkResponseStep(fault);
        }
    }
}
