using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace SynapseToBal.Syntax.Expressions;

/// <summary>Which embeddings a text may hold besides MI 4.4 <c>${...}</c>, which every mode reads.</summary>
public enum InterpolationMode
{
    /// <summary>Only <c>${...}</c> (log messages, property values and other MI 4.4 text).</summary>
    Template,

    /// <summary>payloadFactory formats: <c>$1</c>..<c>$n</c> arguments too.</summary>
    PayloadFactory,

    /// <summary>Endpoint uri-templates: RFC 6570 variables <c>{uri.var.x}</c>, <c>{+x}</c>, <c>{?a,b}</c>.</summary>
    UriTemplate,

    /// <summary>Keys and attributes with <c>{expression}</c> (XPath or json-eval): <c>{$ctx:x}</c>, <c>{get-property('k')}</c>.</summary>
    DynamicKey,
}

public abstract record InterpolationPart(TextSpan Span);

public sealed record TextPart(TextSpan Span, string Text) : InterpolationPart(Span);

/// <summary><c>${...}</c>; <see cref="Expression"/> is the text between the braces, at <see cref="ExpressionSpan"/>.</summary>
public sealed record SynapseExpressionPart(TextSpan Span, TextSpan ExpressionSpan, string Expression) : InterpolationPart(Span);

/// <summary>payloadFactory <c>$n</c> (1-based).</summary>
public sealed record ArgumentPart(TextSpan Span, int Index) : InterpolationPart(Span);

/// <summary>A uri-template expression: its operator (<c>""</c>, <c>+</c>, <c>#</c>, <c>.</c>, <c>/</c>, <c>;</c>, <c>?</c>, <c>&amp;</c>) and variable names.</summary>
public sealed record UriVariablePart(TextSpan Span, string Operator, ImmutableArray<string> Names) : InterpolationPart(Span);

/// <summary><c>{expression}</c> in a dynamic key: an XPath, or json-eval(...), expression.</summary>
public sealed record DynamicExpressionPart(TextSpan Span, TextSpan ExpressionSpan, string Expression) : InterpolationPart(Span);

public sealed record InterpolationResult(string Text, ImmutableArray<InterpolationPart> Parts, ImmutableArray<ExpressionError> Errors)
{
    public bool Success => Errors.IsEmpty;

    /// <summary>Whether the text embeds anything (else it is one literal).</summary>
    public bool HasEmbeddings => Parts.Any(p => p is not TextPart);
}

/// <summary>
/// Splits text into literal parts and embedded expressions. Braces nest and quoted strings (with backslash
/// escapes) are skipped when looking for the closing brace, so <c>${vars.x == '}'}</c> is one expression.
/// An unterminated embedding is an error at its opening and the rest stays text. Never throws.
/// </summary>
public static class InterpolationLexer
{
    public static InterpolationResult Split(string text, InterpolationMode mode)
    {
        var parts = ImmutableArray.CreateBuilder<InterpolationPart>();
        var errors = ImmutableArray.CreateBuilder<ExpressionError>();
        var literal = new StringBuilder();
        var literalStart = 0;
        var i = 0;

        void Flush(int end)
        {
            if (literal.Length > 0)
            {
                parts.Add(new TextPart(TextSpan.FromBounds(literalStart, end), literal.ToString()));
                literal.Clear();
            }
        }

        while (i < text.Length)
        {
            var c = text[i];
            if (c == '$' && i + 1 < text.Length && text[i + 1] == '{' && !IsUriVariableAfterDollar(text, i, mode))
            {
                var close = FindClose(text, i + 2);
                if (close < 0)
                {
                    errors.Add(new ExpressionError(new TextSpan(i, 2), "unterminated '${': no matching '}'"));
                    break;
                }

                Flush(i);
                parts.Add(new SynapseExpressionPart(TextSpan.FromBounds(i, close + 1), TextSpan.FromBounds(i + 2, close), text[(i + 2)..close]));
                i = close + 1;
                literalStart = i;
                continue;
            }

            if (mode == InterpolationMode.PayloadFactory && c == '$' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]))
            {
                var end = i + 1;
                while (end < text.Length && char.IsAsciiDigit(text[end]))
                {
                    end++;
                }

                // A number too large for an int is still an argument reference (one beyond any argument list).
                var index = int.TryParse(text.AsSpan(i + 1, end - i - 1), out var parsed) ? parsed : int.MaxValue;
                if (index > 0)
                {
                    Flush(i);
                    parts.Add(new ArgumentPart(TextSpan.FromBounds(i, end), index));
                    i = end;
                    literalStart = i;
                    continue;
                }
            }

            if (c == '{' && mode == InterpolationMode.UriTemplate)
            {
                var close = text.IndexOf('}', i + 1);
                if (close < 0)
                {
                    errors.Add(new ExpressionError(new TextSpan(i, 1), "unterminated '{': no matching '}'"));
                    break;
                }

                var body = text[(i + 1)..close];
                var op = body.Length > 0 && "+#./;?&".Contains(body[0]) ? body[..1] : "";
                var names = body[op.Length..].Split(',').Select(n => n.Trim()).ToImmutableArray();
                if (names.Any(n => n.Length == 0))
                {
                    errors.Add(new ExpressionError(TextSpan.FromBounds(i, close + 1), "empty variable name in uri-template expression"));
                }

                Flush(i);
                parts.Add(new UriVariablePart(TextSpan.FromBounds(i, close + 1), op, names));
                i = close + 1;
                literalStart = i;
                continue;
            }

            if (c == '{' && mode == InterpolationMode.DynamicKey)
            {
                var close = FindClose(text, i + 1);
                if (close < 0)
                {
                    errors.Add(new ExpressionError(new TextSpan(i, 1), "unterminated '{': no matching '}'"));
                    break;
                }

                Flush(i);
                parts.Add(new DynamicExpressionPart(TextSpan.FromBounds(i, close + 1), TextSpan.FromBounds(i + 1, close), text[(i + 1)..close]));
                i = close + 1;
                literalStart = i;
                continue;
            }

            if (literal.Length == 0)
            {
                literalStart = i;
            }

            literal.Append(c);
            i++;
        }

        if (i < text.Length)
        {
            // After an unterminated embedding the rest is text.
            if (literal.Length == 0)
            {
                literalStart = i;
            }

            literal.Append(text, i, text.Length - i);
        }

        Flush(text.Length);
        return new InterpolationResult(text, parts.ToImmutable(), errors.ToImmutable());
    }

    /// <summary>
    /// In a uri-template written before MI 4.4, <c>${invocation.uuid}</c> is a literal '$' and the variable
    /// <c>{invocation.uuid}</c>: read it so when the braces do not hold a Synapse expression.
    /// </summary>
    private static bool IsUriVariableAfterDollar(string text, int dollar, InterpolationMode mode)
    {
        if (mode != InterpolationMode.UriTemplate)
        {
            return false;
        }

        var close = FindClose(text, dollar + 2);
        return close > 0 && !ExpressionParser.Parse(text[(dollar + 2)..close], ExpressionLanguage.Synapse).Success;
    }

    /// <summary>The index of the '}' closing a brace opened just before <paramref name="start"/>, or -1.</summary>
    private static int FindClose(string text, int start)
    {
        var depth = 0;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '"' or '\'':
                {
                    var j = i + 1;
                    while (j < text.Length && text[j] != c)
                    {
                        j += text[j] == '\\' ? 2 : 1;
                    }

                    if (j >= text.Length)
                    {
                        return -1;
                    }

                    i = j;
                    break;
                }

                case '{':
                    depth++;
                    break;
                case '}' when depth == 0:
                    return i;
                case '}':
                    depth--;
                    break;
            }
        }

        return -1;
    }

    /// <summary>One line per part, for baselines: embedded expressions printed with their parse tree.</summary>
    public static string Print(InterpolationResult result)
    {
        var b = new StringBuilder();
        foreach (var part in result.Parts)
        {
            if (b.Length > 0)
            {
                b.Append(' ');
            }

            b.Append(part switch
            {
                TextPart t => "(text " + ExpressionPrinter.Quote(t.Text) + ")",
                SynapseExpressionPart s => "(${} " + ExpressionPrinter.Print(ExpressionParser.Parse(s.Expression, ExpressionLanguage.Synapse)) + ")",
                ArgumentPart a => $"(arg {a.Index})",
                UriVariablePart u => $"(uri-var {(u.Operator.Length == 0 ? "" : u.Operator + " ")}{string.Join(" ", u.Names)})",
                DynamicExpressionPart d => "({} " + ExpressionPrinter.Print(ParseDynamic(d.Expression)) + ")",
                _ => "?",
            });
        }

        foreach (var error in result.Errors)
        {
            b.Append(b.Length > 0 ? " " : "").Append($"(error {error.Position}: {error.Message})");
        }

        return b.ToString();
    }

    /// <summary>A dynamic key's expression, in the language its text says (json-eval(...), ${...} or XPath).</summary>
    public static ExpressionParseResult ParseDynamic(string expression)
    {
        var trimmed = expression.Trim();
        if (trimmed.StartsWith("json-eval(", StringComparison.Ordinal) && trimmed.EndsWith(')'))
        {
            return ExpressionParser.Parse(trimmed["json-eval(".Length..^1], ExpressionLanguage.JsonPath);
        }

        return ExpressionParser.Parse(expression, ExpressionLanguage.XPath);
    }
}
