using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Text;

namespace SynapseToBal.Syntax.Expressions;

/// <summary>
/// MI 4.4 Synapse expressions (the text inside <c>${...}</c>), following the ANTLR grammar of wso2-synapse
/// <c>modules/core/src/main/antlr4/org/apache/synapse/util/synapse_expression/ExpressionLexer.g4</c> and
/// <c>ExpressionParser.g4</c>, last changed in commit cdfdf239f8bf229585d8cf8c7645e5cbf548135b (2025-02-13; read at
/// f30492dc023d636e441d2e1d84264c2ae3595654). Precedence as that grammar builds it (lowest first):
/// <c>c ? a : b</c>; comparisons <c>== != &gt; &lt; &gt;= &lt;=</c> (left-associative); <c>and &amp;&amp; or ||</c> (one level,
/// right-associative: <c>logicalExpression : arithmeticExpression (AND logicalExpression | OR logicalExpression)?</c>);
/// <c>+ -</c>; <c>* / %</c>. So comparisons bind looser than and/or, as in Synapse: <c>a == 1 and b == 2</c> is
/// <c>(a == (1 and b)) == 2</c>. Additions to the grammar, kept deliberately small: prefix <c>!</c> (the grammar has
/// it only inside filters) and prefix <c>-</c> on any operand, and <c>5-3</c> subtracts (ANTLR lexes <c>-3</c> as a number).
/// </summary>
internal sealed class SynapseExpressionParser(string text) : PathParserBase(text, LexerMode.Synapse, ExpressionLanguage.Synapse)
{
    /// <summary>FUNCTIONS of ExpressionLexer.g4.</summary>
    public static readonly ImmutableHashSet<string> Functions = ImmutableHashSet.Create(StringComparer.Ordinal,
        "length", "toUpper", "toLower", "subString", "startsWith", "endsWith", "contains", "trim", "replace",
        "split", "indexOf", "now", "formatDateTime", "charAt", "abs", "ceil", "floor", "sqrt", "log", "pow",
        "base64encode", "base64decode", "urlEncode", "urlDecode", "isString", "isNumber", "isArray", "isObject",
        "string", "float", "boolean", "integer", "round", "exists", "xpath", "wso2-vault", "hashicorp-vault",
        "not", "registry", "object", "array");

    protected override bool WordOperators => true;

    protected override ExpressionNode ParseRoot()
    {
        if (Is(TokenKind.EndOfText))
        {
            throw Unexpected("an expression");
        }

        return ParseExpression();
    }

    private ExpressionNode ParseExpression()
    {
        var condition = ParseBinary(1, ParseUnary, Infix);
        if (!Accept(TokenKind.Question))
        {
            return condition;
        }

        var whenTrue = Nested(ParseExpression);
        Expect(TokenKind.Colon, "':'");
        var whenFalse = Nested(ParseExpression);
        return new ConditionalExpression(Cover(condition.Span, whenFalse.Span), condition, whenTrue, whenFalse);
    }

    private InfixInfo? Infix() => Current.Kind switch
    {
        TokenKind.EqualEqual => new InfixInfo(BinaryOperator.Equal, 1),
        TokenKind.NotEqual => new InfixInfo(BinaryOperator.NotEqual, 1),
        TokenKind.Greater => new InfixInfo(BinaryOperator.Greater, 1),
        TokenKind.Less => new InfixInfo(BinaryOperator.Less, 1),
        TokenKind.GreaterEqual => new InfixInfo(BinaryOperator.GreaterOrEqual, 1),
        TokenKind.LessEqual => new InfixInfo(BinaryOperator.LessOrEqual, 1),
        TokenKind.And or TokenKind.AmpAmp => new InfixInfo(BinaryOperator.And, 2, RightAssociative: true),
        TokenKind.Or or TokenKind.PipePipe => new InfixInfo(BinaryOperator.Or, 2, RightAssociative: true),
        TokenKind.Plus => new InfixInfo(BinaryOperator.Add, 3),
        TokenKind.Minus => new InfixInfo(BinaryOperator.Subtract, 3),
        TokenKind.Star => new InfixInfo(BinaryOperator.Multiply, 4),
        TokenKind.Slash => new InfixInfo(BinaryOperator.Divide, 4),
        TokenKind.Percent => new InfixInfo(BinaryOperator.Modulo, 4),
        _ => null,
    };

    private ExpressionNode ParseUnary()
    {
        if (Is(TokenKind.Bang))
        {
            var bang = Advance();
            var operand = Nested(ParseUnary);
            return new UnaryExpression(Cover(bang.Span, operand.Span), UnaryOperator.Not, operand);
        }

        return Is(TokenKind.Minus) ? ParseMinus(ParseUnary) : ParseFactor();
    }

    /// <summary>factor: literal | functionCall | variableAccess | payloadAccess | headerAccess | configAccess | parameterAccess | propertyAccess | '(' expression ')'.</summary>
    private ExpressionNode ParseFactor()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Number:
                Advance();
                return new NumberLiteral(token.Span, token.Text);
            case TokenKind.String:
                Advance();
                return new StringLiteral(token.Span, token.ValueOrText);
            case TokenKind.LeftParen:
            {
                Advance();
                var inner = ParseExpression();
                Expect(TokenKind.RightParen, "')'");
                return inner;
            }

            case TokenKind.LeftBracket:
            {
                Advance();
                var items = ParseList(TokenKind.RightBracket, "',' or ']'");
                return new ArrayLiteral(From(token.Span.Start), items);
            }

            case TokenKind.Dollar:
                Advance();
                return ParseAccessors(new ContextReference(token.Span, ContextKind.Payload));
            case TokenKind.Name:
                return ParseNamed() ?? throw ErrorAt(token.Span, $"unexpected name '{token.Text}': expected a literal, payload, vars, headers, props, params, configs or a function call");
            default:
                throw Unexpected("an expression");
        }
    }

    private ImmutableArray<ExpressionNode> ParseList(TokenKind close, string expected)
    {
        var items = ImmutableArray.CreateBuilder<ExpressionNode>();
        if (Accept(close))
        {
            return items.ToImmutable();
        }

        items.Add(ParseExpression());
        while (!Accept(close))
        {
            if (!Accept(TokenKind.Comma))
            {
                throw Unexpected(expected);
            }

            items.Add(ParseExpression());
        }

        return items.ToImmutable();
    }

    /// <summary>Literals named by keywords, the context roots and function calls; null for any other name.</summary>
    private ExpressionNode? ParseNamed()
    {
        var token = Current;
        var word = token.ValueOrText;
        switch (word)
        {
            case "true" or "false":
                Advance();
                return new BooleanLiteral(token.Span, word == "true");
            case "null":
                Advance();
                return new NullLiteral(token.Span);
            case "payload":
                Advance();
                return ParseAccessors(new ContextReference(token.Span, ContextKind.Payload));
            case "vars" or "var":
            {
                // 'var' is the keyword of the grammar before commit 0e5ef9039 (2025-01-10), which MI 4.4 pre-releases
                // and their tests used; it reads the same variables.
                Advance();
                var root = new ContextReference(token.Span, ContextKind.Variables);
                if (!Is(TokenKind.Dot) && !Is(TokenKind.LeftBracket))
                {
                    throw Unexpected($"'.' or '[' after {word}");
                }

                return ParseAccessors(root);
            }

            case "headers":
                Advance();
                return ParsePropertyName(new ContextReference(token.Span, ContextKind.Headers));
            case "configs":
                Advance();
                return ParsePropertyName(new ContextReference(token.Span, ContextKind.Configs));
            case "props" or "properties":
            {
                Advance();
                var scope = ParseScope("synapse", "axis2");
                return ParsePropertyName(new ContextReference(From(token.Span.Start), ContextKind.Properties, scope));
            }

            case "params":
            {
                Advance();
                // 'uriParams' is the name MI 4.4 pre-releases and the semantics notes use for pathParams.
                var scope = ParseScope("queryParams", "pathParams", "uriParams", "functionParams");
                return ParsePropertyName(new ContextReference(From(token.Span.Start), ContextKind.Parameters, scope));
            }
        }

        if (Peek().Kind != TokenKind.LeftParen)
        {
            return null;
        }

        if (!Functions.Contains(word))
        {
            throw ErrorAt(token.Span, $"unknown function '{word}'");
        }

        Advance();
        Advance();
        var arguments = ParseList(TokenKind.RightParen, "',' or ')'");
        var call = new FunctionCall(From(token.Span.Start), null, word, arguments);

        // functionCallSuffix: .property(...) or a JSONPath.
        return ParseAccessors(call);
    }

    private string ParseScope(params string[] scopes)
    {
        Expect(TokenKind.Dot, "'.'");
        if (!Is(TokenKind.Name) || !scopes.Contains(Current.ValueOrText))
        {
            throw Unexpected(string.Join(" or ", scopes));
        }

        return Advance().ValueOrText;
    }

    /// <summary>propertyName: '.' ID | '.' keyword | '.'? '[' STRING ']' — exactly one name.</summary>
    private ExpressionNode ParsePropertyName(ContextReference root)
    {
        var start = root.Span.Start;
        if (Accept(TokenKind.Dot))
        {
            if (Is(TokenKind.Name))
            {
                // The name is read first: the span ends after it (From reads the token before the cursor).
                var name = Advance().ValueOrText;
                return new MemberAccess(From(start), root, name);
            }

            if (!Is(TokenKind.LeftBracket))
            {
                throw Unexpected("a name or '['");
            }
        }

        Expect(TokenKind.LeftBracket, "'.' or '['");
        var quoted = Expect(TokenKind.String, "a quoted name");
        Expect(TokenKind.RightBracket, "']'");
        return new MemberAccess(From(start), root, quoted.ValueOrText);
    }

    protected override ExpressionNode ParseIndexExpression() => Is(TokenKind.Minus) ? ParseMinus(ParseExpression) : ParseExpression();

    /// <summary>Inside a filter Synapse also accepts its own operands (vars.x, headers.y, functions), which it evaluates first.</summary>
    protected override ExpressionNode? ParseDialectFilterOperand() => Current.Kind switch
    {
        TokenKind.Name => ParseNamed(),
        TokenKind.Dollar => ParseFactor(),
        _ => null,
    };
}
