using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

// Lowering of <makefault>: the message becomes a SOAP 1.1/1.2 fault or a POX exception, marked a response.
public sealed partial class Lowerer
{
    /// <summary>
    /// makefault replaces the message with a fault and, unless <c>response="false"</c>, marks it a response; it
    /// sends nothing (a respond or send follows). The code is a QName written <c>prefix:local</c>; the fault
    /// uses its local name in the envelope's namespace, as Synapse does for a code computed by an expression.
    /// </summary>
    /// <summary>Prefixes the Synapse samples and Integration Studio bind to the SOAP envelope namespaces in fault codes.</summary>
    private static readonly HashSet<string> EnvelopePrefixes = new(StringComparer.Ordinal) { "soap11Env", "soap12Env", "soapenv", "soap", "env", "SOAP-ENV", "s", "S" };

    private IEnumerable<StepIr> LowerMakeFault(MakeFaultMediator fault, FlowContext context)
    {
        var kind = fault.Version switch
        {
            FaultVersion.Soap12 => FaultKind.Soap12,
            FaultVersion.Pox => FaultKind.Pox,
            _ => FaultKind.Soap11,
        };
        if (fault.Code is ValueSyntax.Literal { Text: var written } && written.IndexOf(':', StringComparison.Ordinal) is var colon and > 0
            && written[..colon].Trim() is var prefix && !EnvelopePrefixes.Contains(prefix))
        {
            // The prefix most likely names another namespace: Synapse would write the code in it.
            _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, fault.Location, "makefault", $"code '{written}'", "the code is written in the SOAP envelope's namespace; if its prefix names another namespace, declare it and qualify the code by hand");
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
