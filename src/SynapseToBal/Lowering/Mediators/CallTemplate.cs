using System.Collections.Immutable;
using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

// Lowering of <call-template>: a call of the template's function with named arguments.
public sealed partial class Lowerer
{
    /// <summary>A call of the template's function, each with-param a named argument evaluated in the caller.</summary>
    private StepIr LowerCallTemplate(CallTemplateMediator call, FlowContext context)
    {
        if (call.Target.Length == 0)
        {
            // Reported by the parser (SB0102/SB0103): InvokeMediatorFactory refuses the artifact.
            return new TodoStep(call, new NotTranslatedIr(DiagnosticCatalog.InvalidAttribute, "the call-template names no target: InvokeMediatorFactory refuses it (\"EIP Invoke mediator should have a non empty target name specified\"), so the Micro Integrator does not deploy the artifact that holds it"), call.RawXml);
        }

        if (!_templateFunctions.TryGetValue(call.Target, out var target))
        {
            // The reference graph has reported an unknown template (SB0502).
            return new TodoStep(call, new NotTranslatedIr(DiagnosticCatalog.UnresolvedReference, $"template '{call.Target}' is not a sequence template of the input"), call.RawXml);
        }

        if (call.OnError is not null)
        {
            _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, call.Location, "call-template", "onError", "failures go to the caller's fault handling");
        }

        // A call passing parameters lazily ({{xpath}}) runs the template's function made for that kind of call, which
        // reads them itself where the template does: they are not arguments.
        var kind = TemplateFunctionFor(call, target);
        var function = kind?.Function ?? target.Function;
        var lazy = kind?.Binding;
        var arguments = ImmutableArray.CreateBuilder<ArgumentIr>();
        foreach (var parameter in call.Parameters)
        {
            var declared = target.Parameters.FirstOrDefault(p => p.SynapseName == parameter.Name);
            if (declared is null)
            {
                _diagnostics.Report(DiagnosticCatalog.InvalidAttribute, parameter.Location, "with-param", "name", parameter.Name, $"template '{call.Target}' declares no such parameter; it is not passed");
                continue;
            }

            if (lazy?.Parameters.ContainsKey(parameter.Name) == true)
            {
                continue;
            }

            ExprIr value = parameter.Value switch
            {
                _ when parameter.LazyExpression is not null => ReportLazy(parameter.Value is ValueSyntax.Literal { Text: var text } ? text : parameter.Name, parameter.Location),
                ValueSyntax.Expression { Syntax: { Language: ExpressionLanguage.XPath } xpath } => FirstNode(Value(parameter.Value, context), xpath),
                _ => Value(parameter.Value, context),
            };
            arguments.Add(new ArgumentIr(declared.Name, value));
        }

        foreach (var missing in target.Parameters.Where(p => p.Mandatory && call.Parameters.All(a => a.Name != p.SynapseName)))
        {
            _diagnostics.Report(DiagnosticCatalog.InvalidAttribute, call.Location, "call-template", "with-param", missing.SynapseName, "the mandatory parameter is missing (Synapse faults with 500101); its default is passed");
        }

        return new InvokeStep(call, function, _model.TemplateFacts(call.Target).CanAnswer) { Arguments = arguments.ToImmutable() };
    }

    /// <summary>
    /// An XPath with-param: without the legacy system property (synapse.legacy.xpath.child.element.access.enabled, off by
    /// default) TemplateContext.getEvaluatedParamValue passes <c>selectSingleNode</c>: the first node of a node-set (an
    /// element as it is, a text node's text, an attribute's value), or the string, number or boolean result itself.
    /// </summary>
    private ExprIr FirstNode(ExprIr value, ExpressionSyntax xpath) => value switch
    {
        XmlNavigationIr { Steps: [.., { AllNodes: true }] } => ReportFirstNodeUntranslated(xpath),
        XmlNavigationIr { TextOnly: false } navigation => new BuiltinCallIr(Builtin.XPathFirstNodeString, [navigation], ValueKind.String),
        XmlNavigationIr or XmlAttributeReadIr => new BuiltinCallIr(Builtin.XPathStringValue, [value], ValueKind.String),
        _ => value,
    };

    private UntranslatedExprIr ReportFirstNodeUntranslated(ExpressionSyntax xpath)
    {
        _diagnostics.Report(DiagnosticCatalog.ExpressionNotTranslated, xpath.Location, xpath.Original, UntranslatedPart.Whole(xpath.Original) + ": a call-template parameter takes the first node of node(), which may be a text node or an element");
        return new UntranslatedExprIr(xpath.Original);
    }

    /// <summary>A <c>{{expr}}</c> argument of a call no function was made for (it cannot happen: every call is collected first).</summary>
    private UntranslatedExprIr ReportLazy(string text, SourceLocation location)
    {
        _diagnostics.Report(DiagnosticCatalog.ExpressionNotTranslated, location, text, UntranslatedPart.Whole(text) + ": a call-template parameter evaluated lazily in the template each time it is read");
        return new UntranslatedExprIr(text);
    }
}
