using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Text;

namespace SynapseToBal.Syntax.Expressions;

/// <summary>The tree of one expression and the errors found reading it (empty when it parsed).</summary>
public sealed record ExpressionParseResult(ExpressionLanguage Language, string Text, ExpressionNode Root, ImmutableArray<ExpressionError> Errors)
{
    public bool Success => Errors.IsEmpty;
}

/// <summary>Entry point of the expression front end: one lexer, one Pratt parser per dialect on shared infrastructure.</summary>
public static class ExpressionParser
{
    /// <summary>Deeper nesting of brackets is refused before parsing: the parsers recurse once per level.</summary>
    public const int MaxNesting = 128;

    /// <summary>
    /// A deeper expression tree is refused after parsing: the binder, the translators and the emitter recurse once per
    /// level, and a chain of operators (<c>a or b or c ...</c>, <c>$.a.b.c ...</c>, <c>!!!x</c>) nests one level per
    /// operator without a bracket. Twice <see cref="MaxNesting"/>, so that every expression the bracket limit lets
    /// through with a few operators per level still parses.
    /// </summary>
    public const int MaxDepth = 2 * MaxNesting;

    /// <summary>
    /// How deep the parsers themselves may recurse (each sub-expression, unary operator and conditional branch is a
    /// level); deeper input is a syntax error instead of a stack overflow. Its frames are small, so it lies above
    /// <see cref="MaxDepth"/>: a tree that deep is refused by the depth check with a clearer message.
    /// </summary>
    internal const int MaxParserDepth = 4 * MaxDepth;

    public static ExpressionParseResult Parse(string text, ExpressionLanguage language)
    {
        if (TooDeep(text) is { } at)
        {
            return new ExpressionParseResult(language, text, new ErrorNode(new TextSpan(0, text.Length)),
                [new ExpressionError(new TextSpan(at, 1), $"brackets nest more than {MaxNesting} deep") { Limit = true }]);
        }

        var result = language switch
        {
            ExpressionLanguage.XPath => new XPathParser(text).Run(),
            ExpressionLanguage.JsonPath => JsonPathParser.ParseJsonEval(text),
            _ => new SynapseExpressionParser(text).Run(),
        };
        if (result.Success && TooDeep(result.Root) is { } deep)
        {
            return result with
            {
                Root = new ErrorNode(new TextSpan(0, text.Length)),
                Errors = [new ExpressionError(new TextSpan(deep.Span.Start, Math.Max(1, Math.Min(deep.Span.Length, 40))), $"operators nest more than {MaxDepth} deep (each operator of a chain such as 'a or b or c' or '$.a.b.c' is a level)") { Limit = true }],
            };
        }

        return result;
    }

    /// <summary>The first node of the tree (preorder) below <see cref="MaxDepth"/> levels, found without recursion; null when none is.</summary>
    private static ExpressionNode? TooDeep(ExpressionNode root)
    {
        var stack = new Stack<(ExpressionNode Node, int Depth)>();
        stack.Push((root, 1));
        while (stack.Count > 0)
        {
            var (node, depth) = stack.Pop();
            if (depth > MaxDepth)
            {
                return node;
            }

            foreach (var child in ExpressionWalker.Children(node).Reverse())
            {
                stack.Push((child, depth + 1));
            }
        }

        return null;
    }

    /// <summary>Where the brackets of <paramref name="text"/> first nest deeper than <see cref="MaxNesting"/> (quotes ignored: an over-count only refuses sooner).</summary>
    private static int? TooDeep(string text)
    {
        var depth = 0;
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '(' or '[' or '{':
                    if (++depth > MaxNesting)
                    {
                        return i;
                    }

                    break;
                case ')' or ']' or '}':
                    depth = Math.Max(0, depth - 1);
                    break;
            }
        }

        return null;
    }

    /// <summary>Parses an expression of the AST; error spans stay relative to <see cref="ExpressionSyntax.Text"/>.</summary>
    public static ExpressionParseResult Parse(this ExpressionSyntax expression) => Parse(expression.Text, expression.Language);

    /// <summary>
    /// Where <see cref="ExpressionSyntax.Text"/> starts inside <see cref="ExpressionSyntax.Original"/> (the attribute
    /// value, with its json-eval(...) or ${...} wrapper): add it to a node's or an error's span to point into the attribute.
    /// </summary>
    public static int TextOffset(this ExpressionSyntax expression) => Math.Max(0, expression.Original.IndexOf(expression.Text, StringComparison.Ordinal));
}

/// <summary>
/// Shared parser infrastructure: the token cursor, expectations with positioned errors and the Pratt loop over a
/// dialect's binary-operator table. The first syntax error ends the parse (there is no recovery); the result
/// then holds an <see cref="ErrorNode"/> and the error.
/// </summary>
internal abstract class ParserBase
{
    private readonly ImmutableArray<Token> _tokens;
    private readonly ImmutableArray<ExpressionError> _lexErrors;
    private int _index;
    private int _depth;

    protected ParserBase(string text, LexerMode mode, ExpressionLanguage language)
    {
        Text = text;
        Language = language;
        (_tokens, _lexErrors) = ExpressionLexer.Tokenize(text, mode);
    }

    protected string Text { get; }

    protected ExpressionLanguage Language { get; }

    protected Token Current => _tokens[_index];

    protected Token Peek(int offset = 1) => _tokens[Math.Min(_index + offset, _tokens.Length - 1)];

    protected Token Previous => _tokens[Math.Max(_index - 1, 0)];

    public ExpressionParseResult Run()
    {
        try
        {
            var root = ParseRoot();
            if (Current.Kind != TokenKind.EndOfText)
            {
                throw Unexpected("an operator or end of expression");
            }

            return new ExpressionParseResult(Language, Text, root, _lexErrors);
        }
        catch (SyntaxError error)
        {
            var errors = _lexErrors.Any(e => e.Span.Start == error.Error.Span.Start) ? _lexErrors : _lexErrors.Add(error.Error);
            return new ExpressionParseResult(Language, Text, new ErrorNode(new TextSpan(0, Text.Length)), errors.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start)));
        }
    }

    protected abstract ExpressionNode ParseRoot();

    protected Token Advance()
    {
        var token = Current;
        if (_index < _tokens.Length - 1)
        {
            _index++;
        }

        return token;
    }

    protected bool Is(TokenKind kind) => Current.Kind == kind;

    protected bool IsName(string text) => Current.Kind == TokenKind.Name && Current.Prefix is null && Current.ValueOrText == text;

    protected bool Accept(TokenKind kind)
    {
        if (Current.Kind != kind)
        {
            return false;
        }

        Advance();
        return true;
    }

    protected Token Expect(TokenKind kind, string? what = null)
    {
        if (Current.Kind != kind)
        {
            throw Unexpected(what ?? Token.Describe(kind));
        }

        return Advance();
    }

    /// <summary>"expected X but found Y" at the current token (at the end for a missing closing token).</summary>
    /// <summary>After an opening '(' or '[': comma-separated items up to the closing token, which is consumed.</summary>
    protected ImmutableArray<ExpressionNode> ParseList(TokenKind close, Func<ExpressionNode> item)
    {
        var items = ImmutableArray.CreateBuilder<ExpressionNode>();
        if (Accept(close))
        {
            return items.ToImmutable();
        }

        items.Add(item());
        while (!Accept(close))
        {
            if (!Accept(TokenKind.Comma))
            {
                throw Unexpected(close == TokenKind.RightBracket ? "',' or ']'" : "',' or ')'");
            }

            items.Add(item());
        }

        return items.ToImmutable();
    }

    protected SyntaxError Unexpected(string expected)
    {
        var found = Current.Kind switch
        {
            TokenKind.EndOfText => "end of expression",
            TokenKind.Bad => $"'{Current.Text}' (not a token of this dialect)",
            _ => $"'{Current.Text}'",
        };
        return new SyntaxError(new ExpressionError(Current.Span, $"expected {expected} but found {found}"));
    }

    protected static SyntaxError ErrorAt(TextSpan span, string message) => new(new ExpressionError(span, message));

    protected static TextSpan Cover(TextSpan first, TextSpan last) => TextSpan.FromBounds(first.Start, Math.Max(first.End, last.End));

    protected TextSpan From(int start) => TextSpan.FromBounds(start, Math.Max(start, Previous.Span.End));

    /// <summary>A binary operator of the dialect at the current token: precedence (higher binds tighter), associativity.</summary>
    protected readonly record struct InfixInfo(BinaryOperator Operator, int Precedence, bool RightAssociative = false);

    /// <summary>The Pratt loop: a prefix operand, then every infix operator of at least <paramref name="minPrecedence"/>.</summary>
    protected ExpressionNode ParseBinary(int minPrecedence, Func<ExpressionNode> operand, Func<InfixInfo?> infix) => Nested(() =>
    {
        var left = operand();
        while (infix() is { } info && info.Precedence >= minPrecedence)
        {
            Advance();
            var right = ParseBinary(info.RightAssociative ? info.Precedence : info.Precedence + 1, operand, infix);
            left = new BinaryExpression(Cover(left.Span, right.Span), info.Operator, left, right);
        }

        return left;
    });

    /// <summary>
    /// Runs one level of the parser's recursion (a sub-expression, the operand of a unary operator, a conditional's
    /// branch): past <see cref="ExpressionParser.MaxParserDepth"/> levels it is a syntax error, not a stack overflow.
    /// </summary>
    protected T Nested<T>(Func<T> parse)
    {
        if (++_depth > ExpressionParser.MaxParserDepth)
        {
            _depth--;
            throw new SyntaxError(new ExpressionError(Current.Span, $"operators nest more than {ExpressionParser.MaxDepth} deep (each operator of a chain such as 'a or b or c' or '!!x' is a level)") { Limit = true });
        }

        try
        {
            return parse();
        }
        finally
        {
            _depth--;
        }
    }

    protected sealed class SyntaxError(ExpressionError error) : Exception(error.Message)
    {
        public ExpressionError Error { get; } = error;
    }
}
