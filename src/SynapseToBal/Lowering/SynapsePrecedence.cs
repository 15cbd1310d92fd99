using SynapseToBal.Syntax;
using SynapseToBal.Syntax.Expressions;

namespace SynapseToBal.Lowering;

/// <summary>
/// Finds the MI 4.4 precedence surprise of Synapse's expression grammar (<c>ExpressionParser.g4</c>:
/// <c>comparisonExpression : logicalExpression ((GT | LT | ... | EQ | NEQ) logicalExpression)*</c>): <c>and</c>/<c>or</c>
/// bind more tightly than comparisons, so <c>vars.a == 1 and vars.b == 2</c> is <c>vars.a == (1 and vars.b) == 2</c>.
/// </summary>
public static class SynapsePrecedence
{
    /// <summary>The text of the first <c>and</c>/<c>or</c> written without parentheses as an operand of a comparison, or null.</summary>
    public static string? Surprise(ExpressionSyntax expression)
    {
        if (expression.Language != ExpressionLanguage.Synapse)
        {
            return null;
        }

        var parsed = expression.Parse();
        if (!parsed.Success)
        {
            return null;
        }

        var text = expression.Text;
        foreach (var node in ExpressionWalker.DescendantsAndSelf(parsed.Root))
        {
            if (node is BinaryExpression { Operator: BinaryOperator.Equal or BinaryOperator.NotEqual or BinaryOperator.Less or BinaryOperator.LessOrEqual or BinaryOperator.Greater or BinaryOperator.GreaterOrEqual } comparison)
            {
                foreach (var operand in new[] { comparison.Left, comparison.Right })
                {
                    if (operand is BinaryExpression { Operator: BinaryOperator.And or BinaryOperator.Or } logical && !Parenthesized(text, logical.Span.Start, logical.Span.End))
                    {
                        return text[logical.Span.Start..logical.Span.End];
                    }
                }
            }
        }

        return null;
    }

    private static bool Parenthesized(string text, int start, int end)
    {
        var before = start - 1;
        while (before >= 0 && char.IsWhiteSpace(text[before]))
        {
            before--;
        }

        var after = end;
        while (after < text.Length && char.IsWhiteSpace(text[after]))
        {
            after++;
        }

        return before >= 0 && text[before] == '(' && after < text.Length && text[after] == ')';
    }
}
