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
    /// <summary>
    /// Why FaultMediatorFactory refuses a literal code (the Micro Integrator and EI 6.6 and later do not deploy such a
    /// makefault), or null: it must be <c>prefix:name</c>, and for SOAP 1.1/1.2 the prefix bound to that version's
    /// envelope namespace and the name one of the version's fault codes.
    /// </summary>
    private static string? RefusedCode(FaultKind kind, string written, string? codeNamespace)
    {
        const string Refuses = "so the Micro Integrator (and EI 6.6 and later) refuses to deploy this makefault (FaultMediatorFactory), while earlier EI versions wrote it as given";
        var colon = written.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return $"it is not a prefix:name QName, {Refuses}; the generated fault uses it as the code's local name in the envelope's namespace";
        }

        if (kind == FaultKind.Pox)
        {
            return null;
        }

        var (version, ns, names) = kind == FaultKind.Soap12
            ? ("SOAP 1.2", "http://www.w3.org/2003/05/soap-envelope", new[] { "VersionMismatch", "MustUnderstand", "DataEncodingUnknown", "Sender", "Receiver" })
            : ("SOAP 1.1", "http://schemas.xmlsoap.org/soap/envelope/", new[] { "VersionMismatch", "MustUnderstand", "Client", "Server" });
        if (codeNamespace != ns)
        {
            var bound = codeNamespace is not null ? $"its prefix is bound to '{codeNamespace}'" : "its prefix is not declared";
            return $"{bound}, not to the {version} envelope namespace, {Refuses}; the generated fault uses the local name in the envelope's namespace";
        }

        var local = written[(colon + 1)..];
        return names.Contains(local, StringComparer.Ordinal)
            ? null
            : $"'{local}' is not a {version} fault code ({string.Join(", ", names)}), {Refuses}; the generated fault uses it";
    }

    /// <summary>An XML namespace prefix (an NCName other than <c>xml</c>/<c>xmlns</c>), safe to write in a declaration.</summary>
    private static bool IsXmlPrefix(string prefix) =>
        prefix.Length > 0 && prefix is not ("xml" or "xmlns") && (char.IsLetter(prefix[0]) || prefix[0] == '_')
        && prefix.All(c => char.IsLetterOrDigit(c) || c is '_' or '-' or '.');

    private IEnumerable<StepIr> LowerMakeFault(MakeFaultMediator fault, FlowContext context)
    {
        var kind = fault.Version switch
        {
            FaultVersion.Soap12 => FaultKind.Soap12,
            FaultVersion.Pox => FaultKind.Pox,
            _ => FaultKind.Soap11,
        };
        string? codePrefix = null;
        if (fault.Code is ValueSyntax.Literal { Text: var written })
        {
            if (RefusedCode(kind, written, fault.CodeNamespace) is { } refused)
            {
                _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, fault.Location, "makefault", $"code '{written}'", refused);
            }
            else if (kind != FaultKind.Pox && written[..written.IndexOf(':', StringComparison.Ordinal)] is var prefix && prefix != "soapenv" && IsXmlPrefix(prefix))
            {
                // FaultMediatorFactory keeps the prefix written (new QName(namespace, name, prefix)); Axiom's setText(QName)
                // declares it on the code's element (the fault code is built detached from the envelope) and writes it in
                // the text: <faultcode xmlns:soap11Env="...">soap11Env:Server</faultcode>.
                codePrefix = prefix;
            }
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
                // $ctx:p (or get-property('p')): FaultMediator.setFaultDetail evaluates the expression to the object the
                // property holds (SynapseXPathVariableContext, GetPropertyFunction), and a node list (an enrich into the
                // property, an xslt result) has each node added to the detail element; any other value is its text. The
                // property is passed as it is and the run time tells them apart (`propertyFaultDetail`). A POX fault
                // (makePOXFault) takes stringValueOf, text.
                PropertyReadIr { Fallback: null, Required: false, Scope: PropertyScope.Default } property when kind != FaultKind.Pox
                    => new ValueIr.Property(property.Name),
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
            detail)
        {
            CodePrefix = codePrefix,
        };
        if (fault.Response != false)
        {
            yield return new MarkResponseStep(fault);
        }
    }
}
