using System.Collections.Immutable;
using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

// Lowering of <filter> and <switch>: if/else chains over translated conditions and regular expressions.
public sealed partial class Lowerer
{
    private StepIr LowerFilter(FilterMediator filter, FlowContext context)
    {
        ConditionIr condition;
        switch (filter.Condition)
        {
            case FilterConditionSyntax.Boolean boolean:
                condition = TranslatorAt(context).Condition(boolean.Expression);
                if (IrWalker.ContainsUntranslated(condition))
                {
                    ReportUntranslated(boolean.Expression, TranslatorAt(context));
                }

                ReportUnsetKeys(boolean.Expression, new ConditionValueIr(condition));

                break;
            case FilterConditionSyntax.Match match:
                var regex = JavaRegex.Translate(match.Regex);
                if (regex.Pattern is { } pattern)
                {
                    condition = new RegexMatchIr(Expr(match.Source, context), pattern);
                }
                else
                {
                    _diagnostics.Report(DiagnosticCatalog.RegexNotTranslated, filter.Location, match.Regex, regex.Problem);
                    condition = new UntranslatedConditionIr($"{match.Source.Original} matches regex {match.Regex}");
                }

                break;
            case FilterConditionSyntax.Missing:
                condition = new UntranslatedConditionIr("(no condition)");
                break;
            default:
                throw new InvalidOperationException();
        }

        return new IfStep(filter, condition, LowerBlock(filter.Then, context), LowerBlock(filter.Else, context));
    }

    private StepIr LowerSwitch(SwitchMediator @switch, FlowContext context)
    {
        foreach (var @case in @switch.Cases)
        {
            if (JavaRegex.Translate(@case.Regex).Problem is { } problem)
            {
                return Todo(@switch, DiagnosticCatalog.RegexNotTranslated, $"the case regex '{@case.Regex}' is not translated: {problem}", @case.Regex, problem);
            }
        }

        var source = @switch.Source is null ? new UntranslatedExprIr("(no source)") : Expr(@switch.Source, context);
        var cases = @switch.Cases.Select(c => new SwitchCaseIr(JavaRegex.Translate(c.Regex).Pattern!, LowerBlock(c.Mediators, context))).ToImmutableArray();
        var @default = @switch.Default is { } d ? LowerBlock(d, context) : [];
        return new SwitchStep(@switch, source, cases, @default);
    }
}
