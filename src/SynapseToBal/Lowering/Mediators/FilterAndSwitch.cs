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
                condition = context.Translator.Condition(boolean.Expression);
                if (IrWalker.ContainsUntranslated(condition))
                {
                    ReportUntranslated(boolean.Expression);
                }

                break;
            case FilterConditionSyntax.Match match:
                condition = new RegexMatchIr(Expr(match.Source, context), match.Regex);
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
        var source = @switch.Source is null ? new UntranslatedExprIr("(no source)") : Expr(@switch.Source, context);
        var cases = @switch.Cases.Select(c => new SwitchCaseIr(c.Regex, LowerBlock(c.Mediators, context))).ToImmutableArray();
        var @default = @switch.Default is { } d ? LowerBlock(d, context) : [];
        return new SwitchStep(@switch, source, cases, @default);
    }
}
