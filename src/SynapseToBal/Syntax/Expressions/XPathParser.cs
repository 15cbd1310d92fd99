using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Text;

namespace SynapseToBal.Syntax.Expressions;

/// <summary>
/// XPath 1.0 (W3C REC 1999, §2–§3) with Synapse's extensions, which are syntactically plain XPath: the
/// variables <c>$ctx:</c>, <c>$axis2:</c>, <c>$trp:</c>, <c>$url:</c>, <c>$func:</c>, <c>$env:</c>, <c>$body</c>,
/// <c>$header</c>, and functions such as <c>get-property(...)</c>. Operators (lowest first): or, and, = !=,
/// &lt; &lt;= &gt; &gt;=, + -, * div mod, unary -, |; all binary ones left-associative.
/// </summary>
internal sealed class XPathParser(string text) : ParserBase(text, LexerMode.XPath, ExpressionLanguage.XPath)
{
    private static readonly ImmutableDictionary<string, XPathAxis> Axes = new Dictionary<string, XPathAxis>
    {
        ["ancestor"] = XPathAxis.Ancestor,
        ["ancestor-or-self"] = XPathAxis.AncestorOrSelf,
        ["attribute"] = XPathAxis.Attribute,
        ["child"] = XPathAxis.Child,
        ["descendant"] = XPathAxis.Descendant,
        ["descendant-or-self"] = XPathAxis.DescendantOrSelf,
        ["following"] = XPathAxis.Following,
        ["following-sibling"] = XPathAxis.FollowingSibling,
        ["namespace"] = XPathAxis.Namespace,
        ["parent"] = XPathAxis.Parent,
        ["preceding"] = XPathAxis.Preceding,
        ["preceding-sibling"] = XPathAxis.PrecedingSibling,
        ["self"] = XPathAxis.Self,
    }.ToImmutableDictionary();

    private static readonly ImmutableDictionary<string, NodeType> NodeTypes = new Dictionary<string, NodeType>
    {
        ["node"] = NodeType.Node,
        ["text"] = NodeType.Text,
        ["comment"] = NodeType.Comment,
        ["processing-instruction"] = NodeType.ProcessingInstruction,
    }.ToImmutableDictionary();

    protected override ExpressionNode ParseRoot()
    {
        if (Is(TokenKind.EndOfText))
        {
            throw Unexpected("an expression");
        }

        return ParseExpr();
    }

    private ExpressionNode ParseExpr() => ParseBinary(1, ParseUnary, Infix);

    private InfixInfo? Infix() => Current.Kind switch
    {
        TokenKind.Or => new InfixInfo(BinaryOperator.Or, 1),
        TokenKind.And => new InfixInfo(BinaryOperator.And, 2),
        TokenKind.Equal => new InfixInfo(BinaryOperator.Equal, 3),
        TokenKind.NotEqual => new InfixInfo(BinaryOperator.NotEqual, 3),
        TokenKind.Less => new InfixInfo(BinaryOperator.Less, 4),
        TokenKind.LessEqual => new InfixInfo(BinaryOperator.LessOrEqual, 4),
        TokenKind.Greater => new InfixInfo(BinaryOperator.Greater, 4),
        TokenKind.GreaterEqual => new InfixInfo(BinaryOperator.GreaterOrEqual, 4),
        TokenKind.Plus => new InfixInfo(BinaryOperator.Add, 5),
        TokenKind.Minus => new InfixInfo(BinaryOperator.Subtract, 5),
        TokenKind.Multiply => new InfixInfo(BinaryOperator.Multiply, 6),
        TokenKind.Div => new InfixInfo(BinaryOperator.Divide, 6),
        TokenKind.Mod => new InfixInfo(BinaryOperator.Modulo, 6),
        _ => null,
    };

    /// <summary>[27] UnaryExpr ::= UnionExpr | '-' UnaryExpr.</summary>
    private ExpressionNode ParseUnary()
    {
        if (Is(TokenKind.Minus))
        {
            var minus = Advance();
            var operand = Nested(ParseUnary);
            return new UnaryExpression(Cover(minus.Span, operand.Span), UnaryOperator.Negate, operand);
        }

        return ParseUnion();
    }

    /// <summary>[18] UnionExpr ::= PathExpr | UnionExpr '|' PathExpr.</summary>
    private ExpressionNode ParseUnion()
    {
        var left = ParsePath();
        while (Accept(TokenKind.Pipe))
        {
            var right = ParsePath();
            left = new BinaryExpression(Cover(left.Span, right.Span), BinaryOperator.Union, left, right);
        }

        return left;
    }

    private bool StartsFilterExpr => Current.Kind switch
    {
        TokenKind.Variable or TokenKind.LeftParen or TokenKind.String or TokenKind.Number => true,
        TokenKind.Name => Peek().Kind == TokenKind.LeftParen && !(Current.Prefix is null && NodeTypes.ContainsKey(Current.ValueOrText)),
        _ => false,
    };

    private bool StartsStep => Current.Kind is TokenKind.Name or TokenKind.Star or TokenKind.At or TokenKind.Dot or TokenKind.DotDot;

    /// <summary>[19] PathExpr ::= LocationPath | FilterExpr (('/' | '//') RelativeLocationPath)?.</summary>
    private ExpressionNode ParsePath()
    {
        var start = Current.Span.Start;
        if (StartsFilterExpr)
        {
            var filter = ParseFilterExpr();
            if (!Is(TokenKind.Slash) && !Is(TokenKind.SlashSlash))
            {
                return filter;
            }

            var steps = ImmutableArray.CreateBuilder<Step>();
            ParseRelativeAfterSeparator(steps);
            return new PathExpression(From(start), filter, steps.ToImmutable());
        }

        if (Is(TokenKind.Slash))
        {
            var slash = Advance();
            var steps = ImmutableArray.CreateBuilder<Step>();
            if (StartsStep)
            {
                ParseRelative(steps);
            }

            return new LocationPath(steps.Count == 0 ? slash.Span : From(start), true, steps.ToImmutable());
        }

        if (Is(TokenKind.SlashSlash))
        {
            var steps = ImmutableArray.CreateBuilder<Step>();
            ParseRelativeAfterSeparator(steps);
            return new LocationPath(From(start), true, steps.ToImmutable());
        }

        if (StartsStep)
        {
            var steps = ImmutableArray.CreateBuilder<Step>();
            ParseRelative(steps);
            return new LocationPath(From(start), false, steps.ToImmutable());
        }

        throw Unexpected("an expression");
    }

    /// <summary>'/' or '//' then a relative location path; '//' adds descendant-or-self::node().</summary>
    private void ParseRelativeAfterSeparator(ImmutableArray<Step>.Builder steps)
    {
        ParseSeparatorAndStep(steps);
        ParseMoreSteps(steps);
    }

    /// <summary>'/' or '//' then one step (a loop, not a recursion per step: a path may have thousands).</summary>
    private void ParseSeparatorAndStep(ImmutableArray<Step>.Builder steps)
    {
        var separator = Advance();
        if (separator.Kind == TokenKind.SlashSlash)
        {
            steps.Add(DescendantOrSelf(separator.Span));
        }

        if (!StartsStep)
        {
            throw Unexpected("a location step");
        }

        steps.Add(ParseStep());
    }

    private void ParseMoreSteps(ImmutableArray<Step>.Builder steps)
    {
        while (Is(TokenKind.Slash) || Is(TokenKind.SlashSlash))
        {
            ParseSeparatorAndStep(steps);
        }
    }

    private static Step DescendantOrSelf(TextSpan span) =>
        new(span, XPathAxis.DescendantOrSelf, new NodeTypeTest(NodeType.Node), ImmutableArray<ExpressionNode>.Empty, Abbreviated: true);

    /// <summary>[3] RelativeLocationPath ::= Step | RelativeLocationPath ('/' | '//') Step.</summary>
    private void ParseRelative(ImmutableArray<Step>.Builder steps)
    {
        steps.Add(ParseStep());
        ParseMoreSteps(steps);
    }

    /// <summary>[4] Step ::= AxisSpecifier NodeTest Predicate* | '.' | '..'.</summary>
    private Step ParseStep()
    {
        var start = Current.Span.Start;
        if (Is(TokenKind.Dot))
        {
            return new Step(Advance().Span, XPathAxis.Self, new NodeTypeTest(NodeType.Node), ImmutableArray<ExpressionNode>.Empty, Abbreviated: true);
        }

        if (Is(TokenKind.DotDot))
        {
            return new Step(Advance().Span, XPathAxis.Parent, new NodeTypeTest(NodeType.Node), ImmutableArray<ExpressionNode>.Empty, Abbreviated: true);
        }

        var axis = XPathAxis.Child;
        var abbreviated = false;
        if (Accept(TokenKind.At))
        {
            axis = XPathAxis.Attribute;
            abbreviated = true;
        }
        else if (Is(TokenKind.Name) && Peek().Kind == TokenKind.ColonColon)
        {
            var name = Advance();
            if (name.Prefix is not null || !Axes.TryGetValue(name.ValueOrText, out axis))
            {
                throw ErrorAt(name.Span, $"unknown axis '{name.Text}'");
            }

            Advance();
        }

        var test = ParseNodeTest();
        var predicates = ParsePredicates();
        return new Step(From(start), axis, test, predicates, abbreviated);
    }

    /// <summary>[7] NodeTest ::= NameTest | NodeType '(' ')' | 'processing-instruction' '(' Literal ')'.</summary>
    private NodeTest ParseNodeTest()
    {
        if (Accept(TokenKind.Star))
        {
            return new NameTest(null, "*");
        }

        if (!Is(TokenKind.Name))
        {
            throw Unexpected("a node test");
        }

        var name = Advance();
        if (name.Prefix is null && Is(TokenKind.LeftParen) && NodeTypes.TryGetValue(name.ValueOrText, out var type))
        {
            Advance();
            string? target = null;
            if (type == NodeType.ProcessingInstruction && Is(TokenKind.String))
            {
                target = Advance().Value;
            }

            Expect(TokenKind.RightParen);
            return new NodeTypeTest(type, target);
        }

        if (Is(TokenKind.LeftParen))
        {
            throw ErrorAt(name.Span, $"'{name.Text}' is not a node type: a function call cannot be a location step");
        }

        return new NameTest(name.Prefix, name.ValueOrText);
    }

    private ImmutableArray<ExpressionNode> ParsePredicates()
    {
        var predicates = ImmutableArray.CreateBuilder<ExpressionNode>();
        while (Accept(TokenKind.LeftBracket))
        {
            predicates.Add(ParseExpr());
            Expect(TokenKind.RightBracket, "']'");
        }

        return predicates.ToImmutable();
    }

    /// <summary>[20] FilterExpr ::= PrimaryExpr Predicate*.</summary>
    private ExpressionNode ParseFilterExpr()
    {
        var primary = ParsePrimary();
        if (!Is(TokenKind.LeftBracket))
        {
            return primary;
        }

        var predicates = ParsePredicates();
        return new FilterExpression(From(primary.Span.Start), primary, predicates);
    }

    /// <summary>[15] PrimaryExpr ::= VariableReference | '(' Expr ')' | Literal | Number | FunctionCall.</summary>
    private ExpressionNode ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Variable:
                Advance();
                return new VariableReference(token.Span, token.Prefix, token.ValueOrText);
            case TokenKind.String:
                Advance();
                return new StringLiteral(token.Span, token.ValueOrText);
            case TokenKind.Number:
                Advance();
                return new NumberLiteral(token.Span, token.Text);
            case TokenKind.LeftParen:
            {
                Advance();
                var inner = ParseExpr();
                Expect(TokenKind.RightParen, "')'");
                return inner;
            }

            default:
            {
                var name = Advance();
                Expect(TokenKind.LeftParen);
                var arguments = ParseList(TokenKind.RightParen, ParseExpr);
                return new FunctionCall(From(name.Span.Start), name.Prefix, name.ValueOrText, arguments);
            }
        }
    }
}
