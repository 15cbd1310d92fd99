using System.Text;

namespace SynapseToBal.Syntax.Expressions;

/// <summary>A deterministic S-expression form of the expression tree, for baselines and test messages.</summary>
public static class ExpressionPrinter
{
    public static string Print(ExpressionParseResult result) =>
        result.Success ? Print(result.Root) : "(error " + string.Join("; ", result.Errors.Select(e => $"{e.Position}: {e.Message}")) + ")";

    public static string Print(ExpressionNode node)
    {
        var builder = new StringBuilder();
        Write(builder, node);
        return builder.ToString();
    }

    private static void Write(StringBuilder b, ExpressionNode node)
    {
        switch (node)
        {
            case ErrorNode:
                b.Append("(error)");
                break;
            case StringLiteral s:
                b.Append(Quote(s.Value));
                break;
            case NumberLiteral n:
                b.Append(n.Text);
                break;
            case BooleanLiteral bo:
                b.Append(bo.Value ? "true" : "false");
                break;
            case NullLiteral:
                b.Append("null");
                break;
            case RegexLiteral r:
                b.Append('/').Append(r.Pattern).Append('/').Append(r.Flags);
                break;
            case ArrayLiteral a:
                List(b, "array", a.Items);
                break;
            case ExpressionList l:
                List(b, "list", l.Items);
                break;
            case DynamicPath d:
                b.Append("(dynamic ");
                Write(b, d.Expression);
                b.Append(')');
                break;
            case VariableReference v:
                b.Append("(var ").Append(v.Scope.ToString().ToLowerInvariant()).Append(' ').Append(v.Prefix is null ? "" : v.Prefix + ":").Append(v.Name).Append(')');
                break;
            case ContextReference c:
                b.Append(c.Kind switch
                {
                    ContextKind.Payload => "(payload)",
                    ContextKind.Variables => "(vars)",
                    ContextKind.Headers => "(headers)",
                    ContextKind.Configs => "(configs)",
                    ContextKind.Properties => $"(props {c.Scope})",
                    ContextKind.Parameters => $"(params {c.Scope})",
                    ContextKind.JsonRoot => "$",
                    _ => "@",
                });
                break;
            case UnaryExpression u:
                b.Append(u.Operator == UnaryOperator.Negate ? "(neg " : "(not ");
                Write(b, u.Operand);
                b.Append(')');
                break;
            case BinaryExpression bin:
                b.Append('(').Append(Symbol(bin.Operator)).Append(' ');
                Write(b, bin.Left);
                b.Append(' ');
                Write(b, bin.Right);
                b.Append(')');
                break;
            case ConditionalExpression c:
                b.Append("(if ");
                Write(b, c.Condition);
                b.Append(' ');
                Write(b, c.WhenTrue);
                b.Append(' ');
                Write(b, c.WhenFalse);
                b.Append(')');
                break;
            case FunctionCall f:
                List(b, "call " + f.QualifiedName, f.Arguments);
                break;
            case MethodCall m:
                b.Append("(method ").Append(m.Name).Append(' ');
                Write(b, m.Target);
                foreach (var argument in m.Arguments)
                {
                    b.Append(' ');
                    Write(b, argument);
                }

                b.Append(')');
                break;
            case MemberAccess m:
                b.Append(m.Deep ? "(.. " : "(. ");
                Write(b, m.Target);
                b.Append(' ').Append(Quote(m.Name)).Append(')');
                break;
            case WildcardAccess w:
                b.Append(w.Deep ? "(..* " : "(.* ");
                Write(b, w.Target);
                b.Append(')');
                break;
            case IndexAccess i:
                b.Append(i.Deep ? "(..[] " : "([] ");
                Write(b, i.Target);
                foreach (var index in i.Indices)
                {
                    b.Append(' ');
                    Write(b, index);
                }

                b.Append(')');
                break;
            case SliceAccess s:
                b.Append("(slice ");
                Write(b, s.Target);
                foreach (var part in new[] { s.Start, s.End, s.Step })
                {
                    b.Append(' ');
                    if (part is null)
                    {
                        b.Append('_');
                    }
                    else
                    {
                        Write(b, part);
                    }
                }

                b.Append(')');
                break;
            case FilterAccess f:
                b.Append(f.Deep ? "(..?[] " : "(?[] ");
                Write(b, f.Target);
                b.Append(' ');
                Write(b, f.Filter);
                b.Append(')');
                break;
            case LocationPath p:
                b.Append(p.Absolute ? "(path /" : "(path");
                foreach (var step in p.Steps)
                {
                    b.Append(' ');
                    WriteStep(b, step);
                }

                b.Append(')');
                break;
            case FilterExpression f:
                b.Append("(filter ");
                Write(b, f.Primary);
                foreach (var predicate in f.Predicates)
                {
                    b.Append(' ');
                    Write(b, predicate);
                }

                b.Append(')');
                break;
            case PathExpression p:
                b.Append("(path-from ");
                Write(b, p.Start);
                foreach (var step in p.Steps)
                {
                    b.Append(' ');
                    WriteStep(b, step);
                }

                b.Append(')');
                break;
            default:
                b.Append("(? ").Append(node.GetType().Name).Append(')');
                break;
        }
    }

    private static void WriteStep(StringBuilder b, Step step)
    {
        if (!step.Predicates.IsEmpty)
        {
            b.Append("(step ");
        }

        b.Append(AxisName(step.Axis)).Append("::");
        b.Append(step.Test switch
        {
            NameTest n => n.Prefix is null ? n.LocalName : n.Prefix + ":" + n.LocalName,
            NodeTypeTest { Type: NodeType.ProcessingInstruction, Target: { } target } => $"processing-instruction({Quote(target)})",
            NodeTypeTest t => t.Type switch
            {
                NodeType.Node => "node()",
                NodeType.Text => "text()",
                NodeType.Comment => "comment()",
                _ => "processing-instruction()",
            },
            _ => "?",
        });
        foreach (var predicate in step.Predicates)
        {
            b.Append(' ');
            Write(b, predicate);
        }

        if (!step.Predicates.IsEmpty)
        {
            b.Append(')');
        }
    }

    public static string AxisName(XPathAxis axis) => axis switch
    {
        XPathAxis.AncestorOrSelf => "ancestor-or-self",
        XPathAxis.DescendantOrSelf => "descendant-or-self",
        XPathAxis.FollowingSibling => "following-sibling",
        XPathAxis.PrecedingSibling => "preceding-sibling",
        _ => axis.ToString().ToLowerInvariant(),
    };

    public static string Symbol(BinaryOperator op) => op switch
    {
        BinaryOperator.Or => "or",
        BinaryOperator.And => "and",
        BinaryOperator.Equal => "==",
        BinaryOperator.NotEqual => "!=",
        BinaryOperator.Less => "<",
        BinaryOperator.LessOrEqual => "<=",
        BinaryOperator.Greater => ">",
        BinaryOperator.GreaterOrEqual => ">=",
        BinaryOperator.Add => "+",
        BinaryOperator.Subtract => "-",
        BinaryOperator.Multiply => "*",
        BinaryOperator.Divide => "div",
        BinaryOperator.Modulo => "mod",
        BinaryOperator.Union => "|",
        BinaryOperator.Matches => "=~",
        BinaryOperator.In => "in",
        BinaryOperator.NotIn => "nin",
        BinaryOperator.SubsetOf => "subsetof",
        BinaryOperator.AnyOf => "anyof",
        BinaryOperator.NoneOf => "noneof",
        BinaryOperator.Size => "size",
        _ => "empty",
    };

    private static void List(StringBuilder b, string head, IEnumerable<ExpressionNode> items)
    {
        b.Append('(').Append(head);
        foreach (var item in items)
        {
            b.Append(' ');
            Write(b, item);
        }

        b.Append(')');
    }

    public static string Quote(string value)
    {
        var b = new StringBuilder("\"");
        foreach (var c in value)
        {
            b.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ => c.ToString(),
            });
        }

        return b.Append('"').ToString();
    }
}
