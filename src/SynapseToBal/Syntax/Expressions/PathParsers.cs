using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Text;

namespace SynapseToBal.Syntax.Expressions;

/// <summary>
/// What JSONPath and Synapse expressions share: the accessor chain (<c>.name</c>, <c>..name</c>, <c>.*</c>,
/// <c>[...]</c> with indexes, names, slices, filters and scripts, <c>.fn()</c>) and the filter grammar inside
/// <c>[?( )]</c>. Filter operators (lowest first): <c>||</c>, <c>&amp;&amp;</c>, comparisons (<c>== != &lt; &lt;= &gt; &gt;= =~ in
/// nin subsetof anyof noneof size empty</c>), <c>+ -</c>, <c>* / %</c>, prefix <c>! -</c>; binary ones left-associative.
/// </summary>
internal abstract class PathParserBase(string text, LexerMode mode, ExpressionLanguage language) : ParserBase(text, mode, language)
{
    /// <summary>An index or slice bound inside brackets.</summary>
    protected abstract ExpressionNode ParseIndexExpression();

    /// <summary>A filter operand the dialect adds (Synapse: vars, headers, functions, ...); null when none applies.</summary>
    protected virtual ExpressionNode? ParseDialectFilterOperand() => null;

    protected virtual bool WordOperators => false;

    protected ExpressionNode ParseAccessors(ExpressionNode target)
    {
        var start = target.Span.Start;
        while (true)
        {
            if (Is(TokenKind.Dot))
            {
                Advance();
                if (Accept(TokenKind.Star))
                {
                    target = new WildcardAccess(From(start), target);
                }
                else if (Accept(TokenKind.LeftBracket))
                {
                    target = ParseBracket(target, start, deep: false);
                }
                else if (Is(TokenKind.Name) || Is(TokenKind.String))
                {
                    var name = Advance();
                    if (name.Kind == TokenKind.Name && Is(TokenKind.LeftParen) && !Current.AfterSpace)
                    {
                        Advance();
                        var arguments = ParseArguments(ParseIndexExpression);
                        target = new MethodCall(From(start), target, name.ValueOrText, arguments);
                    }
                    else
                    {
                        target = new MemberAccess(From(start), target, name.ValueOrText);
                    }
                }
                else
                {
                    throw Unexpected("a member name, '*' or '['");
                }
            }
            else if (Is(TokenKind.DotDot))
            {
                Advance();
                if (Accept(TokenKind.Star))
                {
                    target = new WildcardAccess(From(start), target, Deep: true);
                }
                else if (Accept(TokenKind.LeftBracket))
                {
                    target = ParseBracket(target, start, deep: true);
                }
                else if (Is(TokenKind.Name) || Is(TokenKind.String))
                {
                    // The name is read first: the span ends after it (From reads the token before the cursor).
                    var deepName = Advance().ValueOrText;
                    target = new MemberAccess(From(start), target, deepName, Deep: true);
                }
                else
                {
                    throw Unexpected("a member name, '*' or '[' after '..'");
                }
            }
            else if (Accept(TokenKind.LeftBracket))
            {
                target = ParseBracket(target, start, deep: false);
            }
            else
            {
                return target;
            }
        }
    }

    /// <summary>After '(': arguments up to the closing ')'.</summary>
    protected ImmutableArray<ExpressionNode> ParseArguments(Func<ExpressionNode> argument) => ParseList(TokenKind.RightParen, argument);

    /// <summary>After '[': <c>*</c>, <c>?(filter)</c>, <c>(script)</c>, a slice, or indexes / quoted names.</summary>
    private ExpressionNode ParseBracket(ExpressionNode target, int start, bool deep)
    {
        if (Is(TokenKind.Star) && Peek().Kind == TokenKind.RightBracket)
        {
            Advance();
            Advance();
            return new WildcardAccess(From(start), target, deep);
        }

        if (Accept(TokenKind.Question))
        {
            Expect(TokenKind.LeftParen, "'(' after '?'");
            var filter = ParseFilter();
            Expect(TokenKind.RightParen, "')'");
            Expect(TokenKind.RightBracket, "']'");
            return new FilterAccess(From(start), target, filter, deep);
        }

        if (Is(TokenKind.LeftParen) && (Language == ExpressionLanguage.JsonPath || Peek().Kind == TokenKind.At))
        {
            // A script index, [(@.length-1)]: Jayway evaluates it against the array.
            Advance();
            var script = ParseFilter();
            Expect(TokenKind.RightParen, "')'");
            Expect(TokenKind.RightBracket, "']'");
            return new IndexAccess(From(start), target, [script], deep);
        }

        ExpressionNode? first = Is(TokenKind.Colon) ? null : ParseIndexExpression();
        if (Accept(TokenKind.Colon))
        {
            var end = Is(TokenKind.Colon) || Is(TokenKind.RightBracket) ? null : ParseIndexExpression();
            ExpressionNode? step = null;
            if (Accept(TokenKind.Colon) && !Is(TokenKind.RightBracket))
            {
                step = ParseIndexExpression();
            }

            Expect(TokenKind.RightBracket, "']'");
            return new SliceAccess(From(start), target, first, end, step);
        }

        var indices = ImmutableArray.CreateBuilder<ExpressionNode>();
        indices.Add(first!);
        while (Accept(TokenKind.Comma))
        {
            indices.Add(ParseIndexExpression());
        }

        Expect(TokenKind.RightBracket, indices.Count == 1 ? "']', ',' or ':'" : "']' or ','");
        if (indices.Count == 1 && indices[0] is StringLiteral name)
        {
            return new MemberAccess(From(start), target, name.Value, deep);
        }

        return new IndexAccess(From(start), target, indices.ToImmutable(), deep);
    }

    // ---------------------------------------------------------------------------------------------
    // Filter expressions.

    protected ExpressionNode ParseFilter() => ParseBinary(1, ParseFilterUnary, FilterInfix);

    private InfixInfo? FilterInfix()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.PipePipe:
            case TokenKind.Or when WordOperators:
                return new InfixInfo(BinaryOperator.Or, 1);
            case TokenKind.AmpAmp:
            case TokenKind.And when WordOperators:
                return new InfixInfo(BinaryOperator.And, 2);
            case TokenKind.EqualEqual:
                return new InfixInfo(BinaryOperator.Equal, 3);
            case TokenKind.NotEqual:
                return new InfixInfo(BinaryOperator.NotEqual, 3);
            case TokenKind.Less:
                return new InfixInfo(BinaryOperator.Less, 3);
            case TokenKind.LessEqual:
                return new InfixInfo(BinaryOperator.LessOrEqual, 3);
            case TokenKind.Greater:
                return new InfixInfo(BinaryOperator.Greater, 3);
            case TokenKind.GreaterEqual:
                return new InfixInfo(BinaryOperator.GreaterOrEqual, 3);
            case TokenKind.RegexMatch:
                return new InfixInfo(BinaryOperator.Matches, 3);
            case TokenKind.Name when token.Prefix is null:
                BinaryOperator? word = token.ValueOrText switch
                {
                    "in" => BinaryOperator.In,
                    "nin" => BinaryOperator.NotIn,
                    "subsetof" => BinaryOperator.SubsetOf,
                    "anyof" => BinaryOperator.AnyOf,
                    "noneof" => BinaryOperator.NoneOf,
                    "size" => BinaryOperator.Size,
                    "empty" => BinaryOperator.Empty,
                    _ => null,
                };
                return word is { } op ? new InfixInfo(op, 3) : null;
            case TokenKind.Plus:
                return new InfixInfo(BinaryOperator.Add, 4);
            case TokenKind.Minus:
                return new InfixInfo(BinaryOperator.Subtract, 4);
            case TokenKind.Star:
                return new InfixInfo(BinaryOperator.Multiply, 5);
            case TokenKind.Slash:
                return new InfixInfo(BinaryOperator.Divide, 5);
            case TokenKind.Percent:
                return new InfixInfo(BinaryOperator.Modulo, 5);
            default:
                return null;
        }
    }

    private ExpressionNode ParseFilterUnary()
    {
        if (Is(TokenKind.Bang))
        {
            var bang = Advance();
            var operand = Nested(ParseFilterUnary);
            return new UnaryExpression(Cover(bang.Span, operand.Span), UnaryOperator.Not, operand);
        }

        if (Is(TokenKind.Minus))
        {
            return ParseMinus(ParseFilterUnary);
        }

        return ParseFilterPrimary();
    }

    /// <summary><c>-5</c> is a negative number (no space between); any other <c>-x</c> negates.</summary>
    protected ExpressionNode ParseMinus(Func<ExpressionNode> operandParser)
    {
        var minus = Advance();
        if (Is(TokenKind.Number) && !Current.AfterSpace)
        {
            var number = Advance();
            return new NumberLiteral(Cover(minus.Span, number.Span), "-" + number.Text);
        }

        var operand = Nested(operandParser);
        return new UnaryExpression(Cover(minus.Span, operand.Span), UnaryOperator.Negate, operand);
    }

    private ExpressionNode ParseFilterPrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.At:
                Advance();
                return ParseAccessors(new ContextReference(token.Span, ContextKind.JsonCurrent));
            case TokenKind.Dollar when Language == ExpressionLanguage.JsonPath:
                Advance();
                return ParseAccessors(new ContextReference(token.Span, ContextKind.JsonRoot));
            case TokenKind.String:
                Advance();
                return new StringLiteral(token.Span, token.ValueOrText);
            case TokenKind.Number:
                Advance();
                return new NumberLiteral(token.Span, token.Text);
            case TokenKind.Regex:
                Advance();
                return new RegexLiteral(token.Span, token.ValueOrText, token.Prefix ?? "");
            case TokenKind.LeftParen:
            {
                Advance();
                var inner = ParseFilter();
                Expect(TokenKind.RightParen, "')'");
                return inner;
            }

            case TokenKind.LeftBracket:
            {
                Advance();
                var items = ParseList(TokenKind.RightBracket, ParseFilter);
                return new ArrayLiteral(From(token.Span.Start), items);
            }

            case TokenKind.Name when token.ValueOrText is "true" or "false":
                Advance();
                return new BooleanLiteral(token.Span, token.ValueOrText == "true");
            case TokenKind.Name when token.ValueOrText == "null":
                Advance();
                return new NullLiteral(token.Span);
        }

        return ParseDialectFilterOperand() ?? throw Unexpected("a filter operand ('@', '$', a literal or '(')");
    }
}

/// <summary>
/// Jayway JSONPath as <c>json-eval(...)</c> takes it: <c>$</c> (or an implicit <c>$.</c> before a bare name, as
/// Jayway adds), then accessors; filters <c>?( )</c> with the filter grammar of <see cref="PathParserBase"/>.
/// </summary>
internal sealed class JsonPathParser(string text) : PathParserBase(text, LexerMode.JsonPath, ExpressionLanguage.JsonPath)
{
    /// <summary>Synapse's forms first: <c>{xpath}</c> (a dynamic path) and <c>path, path</c> (several paths).</summary>
    public static ExpressionParseResult ParseJsonEval(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length >= 2 && trimmed[0] == '{' && trimmed[^1] == '}')
        {
            // The braces become spaces, so the XPath's spans stay positions in this text.
            var open = text.IndexOf('{');
            var close = text.LastIndexOf('}');
            var inner = ExpressionParser.Parse(text[..open] + " " + text[(open + 1)..close] + " " + text[(close + 1)..], ExpressionLanguage.XPath);
            return inner.Success
                ? inner with { Language = ExpressionLanguage.JsonPath, Text = text, Root = new DynamicPath(TextSpan.FromBounds(open, close + 1), inner.Root) }
                : inner with { Language = ExpressionLanguage.JsonPath, Text = text };
        }

        // SynapseJsonPath drops one trailing '.' before Jayway compiles the path ("$." is the whole body, "$.a." is
        // "$.a", "$ctx:p." is the property's whole value). The dot becomes a space, so spans stay positions in this text.
        if (text.EndsWith('.'))
        {
            return new JsonPathParser(text[..^1] + " ").Run() with { Text = text };
        }

        return new JsonPathParser(text).Run();
    }

    protected override ExpressionNode ParseRoot()
    {
        var first = ParsePath();
        if (!Is(TokenKind.Comma))
        {
            return first;
        }

        var items = ImmutableArray.CreateBuilder<ExpressionNode>();
        items.Add(first);
        while (Accept(TokenKind.Comma))
        {
            items.Add(ParsePath());
        }

        return new ExpressionList(Cover(first.Span, items[^1].Span), items.ToImmutable());
    }

    private ExpressionNode ParsePath()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Dollar:
                Advance();
                return ParseAccessors(new ContextReference(token.Span, ContextKind.JsonRoot));
            case TokenKind.At:
                Advance();
                return ParseAccessors(new ContextReference(token.Span, ContextKind.JsonCurrent));
            case TokenKind.Name:
            {
                // Jayway reads "a.b" as "$.a.b".
                var root = new ContextReference(new TextSpan(token.Span.Start, 0), ContextKind.JsonRoot);
                Advance();
                return ParseAccessors(new MemberAccess(token.Span, root, token.ValueOrText));
            }

            case TokenKind.LeftBracket:
                return ParseAccessors(new ContextReference(new TextSpan(token.Span.Start, 0), ContextKind.JsonRoot));
            case TokenKind.Variable:
                Advance();
                return ParseAccessors(new VariableReference(token.Span, token.Prefix, token.ValueOrText));
            default:
                throw Unexpected("'$'");
        }
    }

    protected override ExpressionNode ParseIndexExpression() => ParseFilter();
}
