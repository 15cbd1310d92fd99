using System.Collections.Immutable;
using System.Xml;
using System.Xml.Linq;
using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

// Lowering of <rewrite> (URLRewriteMediator, semantics §6.21) and of the Synapse evaluators its rules test
// (commons evaluators: equal, match, not, and, or).
public sealed partial class Lowerer
{
    private StepIr LowerRewrite(RewriteMediator rewrite, FlowContext context)
    {
        var rules = ImmutableArray.CreateBuilder<UrlRewriteRuleIr>();
        foreach (var rule in rewrite.Rules)
        {
            UrlConditionIr? condition = null;
            if (rule.ConditionXml is { } xml)
            {
                condition = UrlCondition(xml, out var problem);
                if (condition is null)
                {
                    return Todo(rewrite, DiagnosticCatalog.AttributeNotTranslated, problem, "rewrite", "the rule condition", problem);
                }
            }

            var actions = ImmutableArray.CreateBuilder<UrlRewriteActionIr>();
            foreach (var action in rule.Actions)
            {
                if (RewriteActionProblem(action, out var regex) is { } problem)
                {
                    return Todo(rewrite, DiagnosticCatalog.AttributeNotTranslated, problem, "rewrite", "an action", problem);
                }

                actions.Add(new UrlRewriteActionIr(action.Type, action.Fragment, action.Value is null ? null : Value(action.Value, context), regex, action.Resolve));
            }

            rules.Add(new UrlRewriteRuleIr(condition, actions.ToImmutable()));
        }

        return new RewriteStep(rewrite, rewrite.InProperty, rewrite.OutProperty, rules.ToImmutable());
    }

    /// <summary>Why an action is not translated, or null with its regex in Ballerina syntax (<paramref name="regex"/>).</summary>
    private static string? RewriteActionProblem(RewriteActionSyntax action, out string? regex)
    {
        regex = action.Regex;
        if (action.Type == RewriteActionType.RemoveQueryParam && action.Value is ValueSyntax.Literal { Text: var name })
        {
            // Synapse compiles the value followed by "=.*" as a Java regex and removes the first parameter it is found
            // in (Matcher.find): "id" also removes "userid=7". A computed value is compiled at run time as a
            // Ballerina regex (regexp:fromString), not translated from Java syntax (docs/mapping.md says so).
            var search = JavaRegex.Translate(name + "=.*", RegexUse.Replace);
            regex = search.Pattern;
            return regex is null
                ? $"the remove-query-param value '{name}' is read as a Java regular expression ('{name}=.*') that Ballerina reads differently ({search.Problem})"
                : null;
        }

        if (action.Type != RewriteActionType.Replace || action.Fragment is UriFragment.Full or UriFragment.Port)
        {
            // Synapse ignores the regex of a full or port action: both only set the value.
            return null;
        }

        // The replacement, a literal or an xpath's value, is read as Java's replaceAll reads it ('$n' a group, '\c' the
        // character c) by the runtime's javaReplaceAll. The regex is translated from Java's syntax for a search
        // (JavaRegex, RegexUse.Replace); what has no Ballerina equivalent stays a TODO with the reason.
        if (action.Regex is null)
        {
            return "a replace action without a regex";
        }

        // A scheme or host never holds a line terminator (the path, query, user and ref are decoded and may), so there
        // Java's '$' is the end of the string, as Ballerina's.
        var use = action.Fragment is UriFragment.Protocol or UriFragment.Host ? RegexUse.ReplaceSingleLine : RegexUse.Replace;
        var translation = JavaRegex.Translate(action.Regex, use);
        regex = translation.Pattern;
        return regex is null
            ? $"the replace regex '{action.Regex}' uses Java regular-expression syntax Ballerina reads differently ({translation.Problem})"
            : null;
    }

    /// <summary>A Synapse evaluator given as XML, or null with the reason it is not translated.</summary>
    internal static UrlConditionIr? UrlCondition(string xml, out string problem)
    {
        problem = string.Empty;
        XElement[] roots;
        try
        {
            roots = XElement.Parse("<c>" + xml + "</c>").Elements().ToArray();
        }
        catch (XmlException)
        {
            problem = "the condition is not well-formed XML";
            return null;
        }

        if (roots.Length != 1)
        {
            problem = "a condition holds exactly one evaluator";
            return null;
        }

        return Evaluator(roots[0], ref problem);
    }

    private static UrlConditionIr? Evaluator(XElement element, ref string problem)
    {
        switch (element.Name.LocalName)
        {
            case "not":
                var operands = element.Elements().ToArray();
                if (operands.Length != 1)
                {
                    problem = "<not> holds exactly one evaluator";
                    return null;
                }

                return Evaluator(operands[0], ref problem) is { } operand ? new UrlConditionIr.Not(operand) : null;
            case "and" or "or":
                var list = ImmutableArray.CreateBuilder<UrlConditionIr>();
                foreach (var child in element.Elements())
                {
                    if (Evaluator(child, ref problem) is not { } item)
                    {
                        return null;
                    }

                    list.Add(item);
                }

                if (list.Count < 2)
                {
                    problem = $"<{element.Name.LocalName}> needs two evaluators or more";
                    return null;
                }

                return element.Name.LocalName == "and" ? new UrlConditionIr.And(list.ToImmutable()) : new UrlConditionIr.Or(list.ToImmutable());
            case "equal" or "match":
                return TextEvaluator(element, ref problem);
            default:
                problem = $"the <{element.Name.LocalName}> evaluator is not translated";
                return null;
        }
    }

    private static readonly HashSet<string> UrlFragments = new(StringComparer.Ordinal) { "protocol", "user", "host", "port", "path", "query", "ref" };

    private static UrlConditionIr? TextEvaluator(XElement element, ref string problem)
    {
        var match = element.Name.LocalName == "match";
        var type = (string?)element.Attribute("type");
        var source = (string?)element.Attribute("source");
        var value = (string?)element.Attribute(match ? "regex" : "value");
        if (value is null)
        {
            problem = $"<{element.Name.LocalName}> has no {(match ? "regex" : "value")}";
            return null;
        }

        if (match)
        {
            // Synapse's MatchEvaluator matches the whole value, the use JavaRegex translates for.
            var translation = JavaRegex.Translate(value);
            if (translation.Pattern is not { } translated)
            {
                problem = $"the regex '{value}' uses Java regular-expression syntax Ballerina reads differently ({translation.Problem})";
                return null;
            }

            value = translated;
        }

        // Without a type Synapse reads a header (TextProcessingEvaluatorFactory).
        UrlConditionSource? kind = type switch
        {
            null or "header" => UrlConditionSource.Header,
            "param" => UrlConditionSource.Param,
            "property" => UrlConditionSource.Property,
            "url" => UrlConditionSource.Url,
            _ => null,
        };
        if (kind is null)
        {
            problem = $"an evaluator of type '{type}' is not translated";
            return null;
        }

        if (kind == UrlConditionSource.Url ? source is not null && !UrlFragments.Contains(source) : source is null)
        {
            problem = $"the evaluator source '{source}' is not one Synapse accepts";
            return null;
        }

        return new UrlConditionIr.Test(kind.Value, source, value, match);
    }
}
