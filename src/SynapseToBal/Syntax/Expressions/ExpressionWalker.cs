namespace SynapseToBal.Syntax.Expressions;

/// <summary>Enumerates the nodes of an expression tree (preorder, children in source order).</summary>
public static class ExpressionWalker
{
    public static IEnumerable<ExpressionNode> DescendantsAndSelf(ExpressionNode root)
    {
        var stack = new Stack<ExpressionNode>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            yield return node;
            var children = Children(node).ToList();
            for (var i = children.Count - 1; i >= 0; i--)
            {
                stack.Push(children[i]);
            }
        }
    }

    public static IEnumerable<ExpressionNode> Children(ExpressionNode node) => node switch
    {
        ArrayLiteral a => a.Items,
        ExpressionList l => l.Items,
        DynamicPath d => [d.Expression],
        UnaryExpression u => [u.Operand],
        BinaryExpression b => [b.Left, b.Right],
        ConditionalExpression c => [c.Condition, c.WhenTrue, c.WhenFalse],
        FunctionCall f => f.Arguments,
        MethodCall m => [m.Target, .. m.Arguments],
        MemberAccess m => [m.Target],
        WildcardAccess w => [w.Target],
        IndexAccess i => [i.Target, .. i.Indices],
        SliceAccess s => new[] { s.Target, s.Start, s.End, s.Step }.OfType<ExpressionNode>(),
        FilterAccess f => [f.Target, f.Filter],
        LocationPath p => p.Steps.SelectMany(s => s.Predicates),
        FilterExpression f => [f.Primary, .. f.Predicates],
        PathExpression p => [p.Start, .. p.Steps.SelectMany(s => s.Predicates)],
        _ => [],
    };
}
