using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace SynapseToBal.Syntax.Expressions;

/// <summary>
/// One lexer for the three expression dialects, selected by <see cref="LexerMode"/>. The whole text is read
/// up front; the few context rules (XPath §3.7, member names after <c>.</c>, a regex after <c>=~</c>) look
/// at the previous token. Never throws: unknown characters become <see cref="TokenKind.Bad"/> tokens and
/// unterminated literals an error with their position.
/// </summary>
public sealed class ExpressionLexer
{
    private readonly string _text;
    private readonly LexerMode _mode;
    private readonly List<Token> _tokens = new();
    private readonly List<ExpressionError> _errors = new();
    private int _pos;
    private int _parenDepth;

    private ExpressionLexer(string text, LexerMode mode)
    {
        _text = text;
        _mode = mode;
    }

    public static (ImmutableArray<Token> Tokens, ImmutableArray<ExpressionError> Errors) Tokenize(string text, LexerMode mode)
    {
        var lexer = new ExpressionLexer(text, mode);
        lexer.Run();
        return (lexer._tokens.ToImmutableArray(), lexer._errors.ToImmutableArray());
    }

    private Token? Previous => _tokens.Count == 0 ? null : _tokens[^1];

    private char At(int offset) => _pos + offset < _text.Length ? _text[_pos + offset] : '\0';

    private void Run()
    {
        while (true)
        {
            var start = _pos;
            while (_pos < _text.Length && char.IsWhiteSpace(_text[_pos]))
            {
                _pos++;
            }

            var afterSpace = _pos > start;
            if (_pos >= _text.Length)
            {
                _tokens.Add(new Token(TokenKind.EndOfText, new TextSpan(_text.Length, 0), "") { AfterSpace = afterSpace });
                return;
            }

            var token = _mode == LexerMode.XPath ? NextXPath() : NextJson();
            _parenDepth += token.Kind switch
            {
                TokenKind.LeftParen => 1,
                TokenKind.RightParen when _parenDepth > 0 => -1,
                _ => 0,
            };
            _tokens.Add(token with { AfterSpace = afterSpace });
        }
    }

    private Token Make(TokenKind kind, int start, string? prefix = null, string? value = null) =>
        new(kind, TextSpan.FromBounds(start, _pos), _text[start.._pos], prefix, value);

    private Token Punct(TokenKind kind, int length)
    {
        var start = _pos;
        _pos += length;
        return Make(kind, start);
    }

    // ---------------------------------------------------------------------------------------------
    // XPath 1.0 (§3.7).

    /// <summary>§3.7: after an operand (not after @ :: ( [ , or an operator) <c>*</c> multiplies and an NCName is an operator name.</summary>
    private bool AfterOperand => Previous is { } p && p.Kind is not (TokenKind.At or TokenKind.ColonColon or TokenKind.LeftParen
        or TokenKind.LeftBracket or TokenKind.Comma or TokenKind.And or TokenKind.Or or TokenKind.Div or TokenKind.Mod
        or TokenKind.Multiply or TokenKind.Slash or TokenKind.SlashSlash or TokenKind.Pipe or TokenKind.Plus or TokenKind.Minus
        or TokenKind.Equal or TokenKind.NotEqual or TokenKind.Less or TokenKind.LessEqual or TokenKind.Greater or TokenKind.GreaterEqual);

    /// <summary>The single-character punctuation every path dialect shares: parentheses, brackets, comma and <c>@</c>.</summary>
    private Token Bracket(char c) => Punct(
        c switch
        {
            '(' => TokenKind.LeftParen,
            ')' => TokenKind.RightParen,
            '[' => TokenKind.LeftBracket,
            ']' => TokenKind.RightBracket,
            ',' => TokenKind.Comma,
            _ => TokenKind.At,
        },
        1);

    private Token NextXPath()
    {
        var c = _text[_pos];
        switch (c)
        {
            case '(' or ')' or '[' or ']' or ',' or '@':
                return Bracket(c);
            case '|':
                return Punct(TokenKind.Pipe, 1);
            case '+':
                return Punct(TokenKind.Plus, 1);
            case '-':
                return Punct(TokenKind.Minus, 1);
            case '=':
                return Punct(TokenKind.Equal, 1);
            case '!' when At(1) == '=':
                return Punct(TokenKind.NotEqual, 2);
            case '<':
                return At(1) == '=' ? Punct(TokenKind.LessEqual, 2) : Punct(TokenKind.Less, 1);
            case '>':
                return At(1) == '=' ? Punct(TokenKind.GreaterEqual, 2) : Punct(TokenKind.Greater, 1);
            case '/':
                return At(1) == '/' ? Punct(TokenKind.SlashSlash, 2) : Punct(TokenKind.Slash, 1);
            case ':' when At(1) == ':':
                return Punct(TokenKind.ColonColon, 2);
            case '*':
                return Punct(AfterOperand ? TokenKind.Multiply : TokenKind.Star, 1);
            case '.' when char.IsAsciiDigit(At(1)):
                return Number(allowExponent: false);
            case '.':
                return At(1) == '.' ? Punct(TokenKind.DotDot, 2) : Punct(TokenKind.Dot, 1);
            case '"' or '\'':
                return XPathString();
            case '$':
            {
                var start = _pos;
                _pos++;
                if (!IsNameStart(At(0)))
                {
                    _errors.Add(new ExpressionError(TextSpan.FromBounds(start, _pos), "expected a variable name after '$'"));
                    return Make(TokenKind.Bad, start);
                }

                var (prefix, local) = QName(allowStarLocal: false);
                return Make(TokenKind.Variable, start, prefix, local);
            }
        }

        if (char.IsAsciiDigit(c))
        {
            return Number(allowExponent: false);
        }

        if (IsNameStart(c))
        {
            var start = _pos;
            var operatorPosition = AfterOperand;
            var (prefix, local) = QName(allowStarLocal: true);
            if (operatorPosition && prefix is null)
            {
                var kind = local switch
                {
                    "and" => TokenKind.And,
                    "or" => TokenKind.Or,
                    "div" => TokenKind.Div,
                    "mod" => TokenKind.Mod,
                    _ => TokenKind.Name,
                };
                return Make(kind, start, null, local);
            }

            return Make(TokenKind.Name, start, prefix, local);
        }

        return BadChar();
    }

    private Token BadChar()
    {
        var start = _pos;
        _pos += char.IsSurrogatePair(_text, _pos) ? 2 : 1;
        return Make(TokenKind.Bad, start);
    }

    private static bool IsNameStart(char c) => char.IsLetter(c) || c == '_';

    private static bool IsNameChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '-' or '.' || char.GetUnicodeCategory(c) is
        System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark;

    private string NcName()
    {
        var start = _pos;
        _pos++;
        while (_pos < _text.Length && IsNameChar(_text[_pos]))
        {
            _pos++;
        }

        return _text[start.._pos];
    }

    /// <summary>An NCName, or a QName <c>prefix:local</c> / <c>prefix:*</c> (not <c>axis::</c>).</summary>
    private (string? Prefix, string Local) QName(bool allowStarLocal)
    {
        var first = NcName();
        if (At(0) == ':' && At(1) != ':' && (IsNameStart(At(1)) || (allowStarLocal && At(1) == '*')))
        {
            _pos++;
            if (At(0) == '*')
            {
                _pos++;
                return (first, "*");
            }

            return (first, NcName());
        }

        return (null, first);
    }

    private Token XPathString()
    {
        var start = _pos;
        var quote = _text[_pos++];
        var close = _text.IndexOf(quote, _pos);
        if (close < 0)
        {
            _pos = _text.Length;
            _errors.Add(new ExpressionError(TextSpan.FromBounds(start, _pos), "unterminated string literal"));
            return Make(TokenKind.Bad, start);
        }

        _pos = close + 1;
        return Make(TokenKind.String, start, null, _text[(start + 1)..close]);
    }

    private Token Number(bool allowExponent)
    {
        var start = _pos;
        while (char.IsAsciiDigit(At(0)))
        {
            _pos++;
        }

        if (At(0) == '.' && (char.IsAsciiDigit(At(1)) || (_mode == LexerMode.XPath && At(1) != '.')))
        {
            _pos++;
            while (char.IsAsciiDigit(At(0)))
            {
                _pos++;
            }
        }

        if (allowExponent && At(0) is 'e' or 'E' && (char.IsAsciiDigit(At(1)) || (At(1) is '+' or '-' && char.IsAsciiDigit(At(2)))))
        {
            _pos += 2;
            while (char.IsAsciiDigit(At(0)))
            {
                _pos++;
            }
        }

        return Make(TokenKind.Number, start);
    }

    // ---------------------------------------------------------------------------------------------
    // JSONPath and Synapse expressions.

    private bool AfterDot => Previous is { Kind: TokenKind.Dot or TokenKind.DotDot };

    private Token NextJson()
    {
        var c = _text[_pos];
        if (AfterDot && c != '*' && c != '[' && !char.IsWhiteSpace(c))
        {
            var member = MemberName();
            if (member is not null)
            {
                return member.Value;
            }
        }

        switch (c)
        {
            case '(' or ')' or '[' or ']' or ',' or '@':
                return Bracket(c);
            case '$' when _mode == LexerMode.JsonPath && PropertyRootPrefix() is { } prefix:
            {
                // Synapse's JSONPath over a property: $ctx:name.path, $trp:name.path, $axis2:name.path.
                var start = _pos;
                _pos += 1 + prefix.Length + 1;
                var nameStart = _pos;
                while (_pos < _text.Length && !char.IsWhiteSpace(At(0)) && At(0) is not ('.' or '[' or ')' or ','))
                {
                    _pos++;
                }

                return Make(TokenKind.Variable, start, prefix, _text[nameStart.._pos]);
            }

            case '$':
                return Punct(TokenKind.Dollar, 1);
            case '?':
                return Punct(TokenKind.Question, 1);
            case ':':
                return Punct(TokenKind.Colon, 1);
            case '+':
                return Punct(TokenKind.Plus, 1);
            case '-':
                return Punct(TokenKind.Minus, 1);
            case '*':
                return Punct(TokenKind.Star, 1);
            case '%':
                return Punct(TokenKind.Percent, 1);
            case '/' when Previous is { Kind: TokenKind.RegexMatch }:
                return RegexLiteral();
            case '/':
                return Punct(TokenKind.Slash, 1);
            case '=':
                return At(1) switch
                {
                    '=' => Punct(TokenKind.EqualEqual, 2),
                    '~' => Punct(TokenKind.RegexMatch, 2),
                    _ => Punct(TokenKind.Equal, 1),
                };
            case '!':
                return At(1) == '=' ? Punct(TokenKind.NotEqual, 2) : Punct(TokenKind.Bang, 1);
            case '<':
                return At(1) == '=' ? Punct(TokenKind.LessEqual, 2) : Punct(TokenKind.Less, 1);
            case '>':
                return At(1) == '=' ? Punct(TokenKind.GreaterEqual, 2) : Punct(TokenKind.Greater, 1);
            case '&' when At(1) == '&':
                return Punct(TokenKind.AmpAmp, 2);
            case '|' when At(1) == '|':
                return Punct(TokenKind.PipePipe, 2);
            case '.':
                return At(1) == '.' ? Punct(TokenKind.DotDot, 2) : Punct(TokenKind.Dot, 1);
            case '"' or '\'':
                return EscapedString();
        }

        if (char.IsAsciiDigit(c))
        {
            return Number(allowExponent: _mode == LexerMode.JsonPath);
        }

        if (char.IsAsciiLetter(c) || c == '_' || (_mode == LexerMode.JsonPath && char.IsLetter(c)))
        {
            var start = _pos;
            _pos++;
            while (char.IsAsciiLetterOrDigit(At(0)) || At(0) is '_' or '-' || (_mode == LexerMode.JsonPath && char.IsLetterOrDigit(At(0))))
            {
                _pos++;
            }

            var word = _text[start.._pos];
            var kind = _mode == LexerMode.Synapse ? word switch
            {
                "and" => TokenKind.And,
                "or" => TokenKind.Or,
                _ => TokenKind.Name,
            } : TokenKind.Name;
            return Make(kind, start, null, word);
        }

        return BadChar();
    }

    private string? PropertyRootPrefix()
    {
        foreach (var prefix in new[] { "ctx", "trp", "axis2" })
        {
            if (string.CompareOrdinal(_text, _pos + 1, prefix + ":", 0, prefix.Length + 1) == 0)
            {
                return prefix;
            }
        }

        return null;
    }

    /// <summary>A member name right after <c>.</c> / <c>..</c>: keywords are plain names there.</summary>
    private Token? MemberName()
    {
        var start = _pos;
        if (_mode == LexerMode.Synapse)
        {
            if (!(char.IsAsciiLetter(At(0)) || At(0) == '_'))
            {
                return null;
            }

            while (char.IsAsciiLetterOrDigit(At(0)) || At(0) is '_' or '-')
            {
                _pos++;
            }
        }
        else
        {
            // Jayway reads a dotted property up to the next '.', '[', '(' or space; operators end it too. Inside a
            // filter or script, '-' before a digit subtracts ([(@.length-1)]); elsewhere it belongs to the name.
            while (_pos < _text.Length && !char.IsWhiteSpace(At(0)) && At(0) is not ('.' or '[' or ']' or '(' or ')' or ',' or '\'' or '"'
                       or '=' or '<' or '>' or '!' or '&' or '|' or '?' or '*' or '+' or '/' or '%' or ':')
                   && !(_parenDepth > 0 && At(0) == '-' && char.IsAsciiDigit(At(1))))
            {
                _pos++;
            }

            if (_pos == start)
            {
                return null;
            }
        }

        var name = _text[start.._pos];
        return Make(TokenKind.Name, start, null, name);
    }

    private Token EscapedString()
    {
        var start = _pos;
        var quote = _text[_pos++];
        var value = new StringBuilder();
        while (_pos < _text.Length && _text[_pos] != quote)
        {
            if (_text[_pos] == '\\' && _pos + 1 < _text.Length)
            {
                var e = _text[_pos + 1];
                _pos += 2;
                switch (e)
                {
                    case 'b':
                        value.Append('\b');
                        break;
                    case 't':
                        value.Append('\t');
                        break;
                    case 'n':
                        value.Append('\n');
                        break;
                    case 'f':
                        value.Append('\f');
                        break;
                    case 'r':
                        value.Append('\r');
                        break;
                    case 'u' when _pos + 4 <= _text.Length && int.TryParse(_text.AsSpan(_pos, 4), System.Globalization.NumberStyles.HexNumber, null, out var code):
                        value.Append((char)code);
                        _pos += 4;
                        break;
                    case '"' or '\'' or '\\' or '/':
                        value.Append(e);
                        break;
                    default:
                        // Jayway and ANTLR keep an unknown escape as written (regex text such as \d).
                        value.Append('\\').Append(e);
                        break;
                }

                continue;
            }

            value.Append(_text[_pos++]);
        }

        if (_pos >= _text.Length)
        {
            _errors.Add(new ExpressionError(TextSpan.FromBounds(start, _text.Length), "unterminated string literal"));
            return Make(TokenKind.Bad, start);
        }

        _pos++;
        return Make(TokenKind.String, start, null, value.ToString());
    }

    private Token RegexLiteral()
    {
        var start = _pos;
        _pos++;
        while (_pos < _text.Length && _text[_pos] != '/')
        {
            _pos += _text[_pos] == '\\' && _pos + 1 < _text.Length ? 2 : 1;
        }

        if (_pos >= _text.Length)
        {
            _errors.Add(new ExpressionError(TextSpan.FromBounds(start, _text.Length), "unterminated regular expression"));
            return Make(TokenKind.Bad, start);
        }

        var pattern = _text[(start + 1).._pos];
        _pos++;
        var flagsStart = _pos;
        while (char.IsAsciiLetter(At(0)))
        {
            _pos++;
        }

        return Make(TokenKind.Regex, start, _text[flagsStart.._pos], pattern);
    }
}
