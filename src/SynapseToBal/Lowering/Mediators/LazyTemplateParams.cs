using System.Collections.Immutable;
using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Semantics;
using SynapseToBal.Syntax;
using SynapseToBal.Syntax.Expressions;

namespace SynapseToBal.Lowering;

// call-template parameters passed lazily, <with-param value="{{xpath}}"/>. ValueFactory keeps the escaped value as the
// static key {xpath} with the namespaces the with-param element declares itself (Value.setNamespaces);
// TemplateContext.getEvaluatedParamValue stores the SynapseXPath itself, and $func:p (SynapseXPathVariableContext)
// evaluates it against the envelope at each read. A template is lowered once per kind of call site: once for the
// calls that pass nothing lazily (string parameters, as before), and once per distinct set of lazy parameters, where
// $func:p reads the with-param's XPath on the message as it is at that point (ExpressionTranslator.FunctionVariable).
public sealed partial class Lowerer
{
    /// <summary>The parameters one kind of call passes lazily: the with-param's XPath by name (null when not translated).</summary>
    private sealed record LazyBinding(IReadOnlyDictionary<string, ExpressionSyntax?> Parameters, string Key)
    {
        public static LazyBinding None { get; } = new(new Dictionary<string, ExpressionSyntax?>(), string.Empty);

        public bool IsEmpty => Parameters.Count == 0;
    }

    /// <summary>Per template: the function of each kind of lazy call (by key), and whether some call passes nothing lazily.</summary>
    private readonly Dictionary<string, (bool PlainCalled, List<(LazyBinding Binding, Symbol Function)> Kinds)> _lazyTemplateKinds = new(StringComparer.Ordinal);

    /// <summary>Aggregates first in a template an out flow calls with every parameter lazily: the binding their expressions read.</summary>
    private readonly Dictionary<AggregateMediator, LazyBinding> _aggregateLazyParams = new(ReferenceEqualityComparer.Instance);

    private static readonly IReadOnlyDictionary<string, Symbol> NoFunctionParams = new Dictionary<string, Symbol>();

    /// <summary>
    /// Finds the kinds of call of each sequence template (the parameters each call passes lazily) and names a function
    /// per kind: the template's own symbol for the calls passing nothing lazily, or, when every call passes something
    /// lazily, for the first kind. Reports the lazy values that are not translated (SB0250, SB0251), once per with-param.
    /// </summary>
    private void CollectLazyTemplateCalls()
    {
        foreach (var call in AllMediators().OfType<CallTemplateMediator>())
        {
            if (!_templateFunctions.TryGetValue(call.Target, out var target))
            {
                continue;
            }

            var binding = LazyBindingOf(call, target.Parameters, report: true);
            if (!_lazyTemplateKinds.TryGetValue(call.Target, out var kinds))
            {
                _lazyTemplateKinds[call.Target] = kinds = (false, new List<(LazyBinding, Symbol)>());
            }

            if (binding.IsEmpty)
            {
                _lazyTemplateKinds[call.Target] = (true, kinds.Kinds);
            }
            else if (kinds.Kinds.All(kind => kind.Binding.Key != binding.Key))
            {
                kinds.Kinds.Add((binding, target.Function));
            }
        }

        foreach (var (name, (plainCalled, kinds)) in _lazyTemplateKinds)
        {
            var template = _model.Symbols.SequenceTemplate(name)!;
            var (hint, fallback) = FunctionHint(template);
            for (var i = plainCalled ? 0 : 1; i < kinds.Count; i++)
            {
                var lazyNames = string.Join(" ", kinds[i].Binding.Parameters.Keys);
                kinds[i] = (kinds[i].Binding, _symbols.Module(SymbolKind.Function, $"{hint} lazy {lazyNames}", "template", fallback));
            }
        }
    }

    /// <summary>Every mediator of the project, those of aggregates' onComplete flows included.</summary>
    private List<MediatorSyntax> AllMediators() => MediatorCollector.WithOnComplete(_model.Mediators);

    /// <summary>The parameters a call passes lazily (<c>{{xpath}}</c>) among those its template declares.</summary>
    private LazyBinding LazyBindingOf(CallTemplateMediator call, ImmutableArray<FunctionParameterIr> declared, bool report)
    {
        var parameters = new SortedDictionary<string, ExpressionSyntax?>(StringComparer.Ordinal);
        foreach (var parameter in call.Parameters)
        {
            if (parameter.LazyExpression is not { } text || declared.All(p => p.SynapseName != parameter.Name) || parameters.ContainsKey(parameter.Name))
            {
                continue;
            }

            var xpath = ExpressionSyntax.Create(text, parameter.DeclaredNamespaces, parameter.Location);
            var problem = LazyProblem(xpath, out var undeclared);
            if (problem is not null && report)
            {
                if (undeclared is not null)
                {
                    _diagnostics.Report(DiagnosticCatalog.LazyParameterPrefixUndeclared, parameter.Location, parameter.Name, text, undeclared);
                }
                else
                {
                    _diagnostics.Report(DiagnosticCatalog.LazyParameterNotTranslated, parameter.Location, parameter.Name, text, problem);
                }
            }

            parameters[parameter.Name] = problem is null ? xpath : null;
        }

        if (parameters.Count == 0)
        {
            return LazyBinding.None;
        }

        var key = string.Join("\n", parameters.Select(p => p.Key + "=" + (p.Value is { } x
            ? x.Text + " " + string.Join(" ", x.Namespaces.OrderBy(ns => ns.Key, StringComparer.Ordinal).Select(ns => ns.Key + "=" + ns.Value))
            : "?")));
        return new LazyBinding(parameters, key);
    }

    /// <summary>Why a lazily passed value is not translated, or null; <paramref name="undeclared"/> is a prefix the with-param does not declare.</summary>
    private static string? LazyProblem(ExpressionSyntax xpath, out string? undeclared)
    {
        undeclared = null;
        if (xpath.Language != ExpressionLanguage.XPath)
        {
            return "a JSONPath or Synapse expression passed lazily is held by the template as the expression object itself, which $func: returns unevaluated";
        }

        if (xpath.Text.Contains("get-property", StringComparison.Ordinal))
        {
            return "with get-property the Micro Integrator evaluates the value once at the call to get the text of the XPath it then evaluates at each read (Value.evalutePropertyExpression)";
        }

        if (xpath.Text.Contains("node()", StringComparison.Ordinal))
        {
            return "SynapseXPath.stringValueOf gives node() special treatment by the text of the expression read ($func:...), not of the value passed";
        }

        var parsed = xpath.Parse();
        if (!parsed.Success)
        {
            return "the XPath does not parse";
        }

        undeclared = ExpressionWalker.DescendantsAndSelf(parsed.Root)
            .SelectMany(node => node switch
            {
                LocationPath path => path.Steps.AsEnumerable(),
                PathExpression path => path.Steps.AsEnumerable(),
                _ => Enumerable.Empty<Step>(),
            })
            .Select(step => step.Test)
            .OfType<NameTest>()
            .Select(test => test.Prefix)
            .FirstOrDefault(prefix => prefix is not null && !xpath.Namespaces.ContainsKey(prefix));
        return undeclared is null ? null : "undeclared prefix";
    }

    /// <summary>
    /// A sequence template: one function per kind of call (<see cref="CollectLazyTemplateCalls"/>); a template nothing
    /// calls, or some call passes nothing lazily, keeps its function with string parameters.
    /// </summary>
    private void LowerTemplate(SequenceTemplateSyntax template)
    {
        ReportAnalytics(template.Statistics, template.Trace, template.Location, "template", $"template '{template.Name}'");
        var (name, parameters) = _templateFunctions[template.Name];
        var (plainCalled, kinds) = _lazyTemplateKinds.TryGetValue(template.Name, out var found) ? found : (false, new List<(LazyBinding Binding, Symbol Function)>());
        if (plainCalled || kinds.Count == 0)
        {
            LowerTemplateAs(template, name, parameters, LazyBinding.None);
        }

        foreach (var (binding, function) in kinds)
        {
            LowerTemplateAs(template, function, [.. parameters.Where(p => !binding.Parameters.ContainsKey(p.SynapseName))], binding);
        }
    }

    /// <summary>A sequence template becomes a function whose string parameters are the template's parameters not passed lazily.</summary>
    private void LowerTemplateAs(SequenceTemplateSyntax template, Symbol name, ImmutableArray<FunctionParameterIr> parameters, LazyBinding lazy)
    {
        var byName = new Dictionary<string, Symbol>(StringComparer.Ordinal);
        foreach (var parameter in parameters)
        {
            byName.TryAdd(parameter.SynapseName, parameter.Name);
        }

        var translator = _translator.WithFunctionParams(byName).WithLazyParams(lazy.Parameters)
            .WithTemplateParams(template.Parameters.Select(p => p.Name).ToHashSet(StringComparer.Ordinal));
        var context = new FlowContext(FlowKind.Sequence, translator, OutFunction: null, Owner: template.Name);
        var body = SequenceEndTransportTodo(LowerBlock(template.Mediators, context), context);
        var fault = SequenceOnError("template", template.Name, template.OnError, template.Location, ref body);
        var summary = template.Description ?? $"Sequence template '{template.Name}'.";
        if (!lazy.IsEmpty)
        {
            summary += $" For the calls passing {string.Join(", ", lazy.Parameters.Keys.Select(p => $"'{p}'"))} lazily ({{{{xpath}}}}): the template reads the nodes of the with-param's XPath on the message as it is at each read.";
        }

        _functions.Add(new FunctionIr(name, FunctionKind.Sequence, _model.TemplateFacts(template.Name).CanAnswer, body, summary, template.Location) { Parameters = parameters, FaultFunction = fault });
    }

    /// <summary>The function a call runs: the template's function for the kind of call it is.</summary>
    /// <summary>Null when the call passes something lazily and no function was made for its kind.</summary>
    private (Symbol Function, LazyBinding Binding)? TemplateFunctionFor(CallTemplateMediator call, (Symbol Function, ImmutableArray<FunctionParameterIr> Parameters) target)
    {
        var binding = LazyBindingOf(call, target.Parameters, report: false);
        if (binding.IsEmpty)
        {
            return (target.Function, binding);
        }

        var index = _lazyTemplateKinds.TryGetValue(call.Target, out var kinds) ? kinds.Kinds.FindIndex(k => k.Binding.Key == binding.Key) : -1;
        return index < 0 ? null : (kinds.Kinds[index].Function, binding);
    }

    /// <summary>
    /// The binding an aggregate first in a template an out flow calls reads its parameters through: every parameter the
    /// template declares passed lazily by every call of the template (one kind of call), each translated; else null.
    /// </summary>
    private LazyBinding? AggregateBinding(CallTemplateMediator call)
    {
        if (!_templateFunctions.TryGetValue(call.Target, out var target)
            || !_lazyTemplateKinds.TryGetValue(call.Target, out var kinds) || kinds.PlainCalled || kinds.Kinds.Count != 1)
        {
            return null;
        }

        var binding = kinds.Kinds[0].Binding;
        return target.Parameters.All(p => binding.Parameters.TryGetValue(p.SynapseName, out var xpath) && xpath is not null) ? binding : null;
    }

    /// <summary>The context an aggregate's expressions and onComplete are lowered in: with the lazy parameters of the template it is first in, when an out flow calls that template so.</summary>
    private FlowContext AggregateContext(AggregateMediator? aggregate, FlowContext context) =>
        aggregate is not null && _aggregateLazyParams.TryGetValue(aggregate, out var binding)
            ? context with { Translator = context.Translator.WithFunctionParams(NoFunctionParams).WithLazyParams(binding.Parameters) }
            : context;
}
