using Microsoft.CodeAnalysis.Text;

namespace SynapseToBal.Syntax.Expressions;

/// <summary>How the lexer reads the text: the token set of one expression dialect.</summary>
public enum LexerMode
{
    /// <summary>XPath 1.0 with Synapse's variables (§3.7 disambiguation of <c>*</c> and operator names).</summary>
    XPath,

    /// <summary>Jayway-style JSONPath (<c>json-eval(...)</c>), including filter expressions.</summary>
    JsonPath,

    /// <summary>MI 4.4 Synapse expressions (the text inside <c>${...}</c>).</summary>
    Synapse,
}

public enum TokenKind
{
    EndOfText,

    /// <summary>A character or run the dialect does not know; the parser reports it.</summary>
    Bad,

    /// <summary>An NCName/identifier; in XPath a QName (<c>prefix:local</c>) or <c>prefix:*</c>, with <see cref="Token.Prefix"/>.</summary>
    Name,

    /// <summary>XPath <c>$name</c> / <c>$prefix:name</c> (one token, as in the XPath lexical structure).</summary>
    Variable,

    String,
    Number,

    /// <summary>JSONPath <c>/pattern/flags</c> after <c>=~</c>.</summary>
    Regex,

    // Punctuation.
    LeftParen,
    RightParen,
    LeftBracket,
    RightBracket,
    Comma,
    Dot,
    DotDot,
    At,
    Dollar,
    Colon,
    ColonColon,
    Question,

    // Operators.
    Plus,
    Minus,

    /// <summary><c>*</c> as a name test or wildcard (XPath §3.7: not after an operand).</summary>
    Star,

    /// <summary><c>*</c> as the multiply operator.</summary>
    Multiply,
    Slash,
    SlashSlash,
    Percent,
    Pipe,
    Equal,
    EqualEqual,
    NotEqual,
    Less,
    LessEqual,
    Greater,
    GreaterEqual,
    RegexMatch,
    AmpAmp,
    PipePipe,
    Bang,

    // Operator names (XPath: only where §3.7 says so; Synapse: and/or always).
    And,
    Or,
    Div,
    Mod,
}

/// <summary>One token; <see cref="Span"/> is relative to the expression text.</summary>
public readonly record struct Token(TokenKind Kind, TextSpan Span, string Text, string? Prefix = null, string? Value = null)
{
    /// <summary>The decoded value of a string literal, or the local part of a name.</summary>
    public string ValueOrText => Value ?? Text;

    /// <summary>Whether whitespace stood before this token.</summary>
    public bool AfterSpace { get; init; }

    public override string ToString() => $"{Kind} '{Text}' @{Span.Start}";

    public static string Describe(TokenKind kind) => kind switch
    {
        TokenKind.EndOfText => "end of expression",
        TokenKind.Name => "a name",
        TokenKind.Variable => "a variable",
        TokenKind.String => "a string",
        TokenKind.Number => "a number",
        TokenKind.Regex => "a regular expression",
        TokenKind.LeftParen => "'('",
        TokenKind.RightParen => "')'",
        TokenKind.LeftBracket => "'['",
        TokenKind.RightBracket => "']'",
        TokenKind.Comma => "','",
        TokenKind.Dot => "'.'",
        TokenKind.DotDot => "'..'",
        TokenKind.At => "'@'",
        TokenKind.Dollar => "'$'",
        TokenKind.Colon => "':'",
        TokenKind.ColonColon => "'::'",
        TokenKind.Question => "'?'",
        TokenKind.Star or TokenKind.Multiply => "'*'",
        TokenKind.Slash => "'/'",
        TokenKind.SlashSlash => "'//'",
        TokenKind.Pipe => "'|'",
        _ => kind.ToString(),
    };
}
