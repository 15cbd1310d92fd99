using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace SynapseToBal.Refine;

/// <summary>
/// The one place that turns names and text from Synapse into Ballerina tokens: identifiers, resource path
/// segments, string literals, string/XML template text and comments. Nothing from an XML input reaches the
/// output without passing through here.
/// </summary>
public static partial class BallerinaSyntax
{
    /// <summary>Reserved words of Ballerina (spec 2024R1 plus query and transaction keywords).</summary>
    public static readonly IReadOnlySet<string> Keywords = new HashSet<string>(StringComparer.Ordinal)
    {
        "abort", "aborted", "abstract", "all", "annotation", "any", "anydata", "as", "ascending", "base16", "base64",
        "boolean", "break", "by", "byte", "catch", "channel", "check", "checkpanic", "class", "client", "collect",
        "committed", "configurable", "conflict", "const", "continue", "decimal", "default", "descending", "distinct",
        "do", "else", "enum", "equals", "error", "external", "fail", "false", "final", "finally", "float", "flush",
        "followed", "for", "foreach", "fork", "from", "function", "future", "group", "handle", "if", "import", "in",
        "inner", "int", "is", "isolated", "join", "json", "let", "limit", "listener", "lock", "map", "match",
        "natural", "never", "new", "null", "object", "on", "onretry", "order", "outer", "panic", "primarykey",
        "private", "public", "re", "readonly", "record", "remote", "resource", "retries", "retry", "return",
        "returns", "select", "service", "source", "start", "stream", "string", "table", "transaction", "transactional",
        "trap", "true", "try", "type", "typedesc", "typeof", "var", "wait", "where", "while", "window", "with",
        "worker", "xml", "xmlns",

        // Reserved by the lexer of the Go port (some are contextual in the spec, quoting them is always valid).
        "commit", "rollback", "field", "key", "module", "parameter", "variable",
    };

    /// <summary>A camelCase identifier for a variable or function (e.g. <c>Order-API</c> → <c>orderApi</c>).</summary>
    public static string CamelCase(string name) => StartsWithNumber(name)
        ? Identifier(JoinWords(LetterFirst(Words(name)), upperFirst: false), "value")
        : Cased(name, upperFirst: false, "value");

    /// <summary>
    /// The camelCase name of a configurable, a key of <c>Config.toml</c>: as <see cref="CamelCase"/>, but a name that
    /// starts with a number keeps the form it had before names were made to start with their first word
    /// (<c>05_EP_SOAP url</c> → <c>v05EpSoapUrl</c>), so that regenerating never renames a key a deployment sets.
    /// </summary>
    public static string ConfigurableCase(string name) => Cased(name, upperFirst: false, "value");

    /// <summary>A PascalCase identifier for a type.</summary>
    public static string PascalCase(string name) => StartsWithNumber(name)
        ? Identifier(JoinWords(LetterFirst(Words(name)), upperFirst: true), "Value")
        : Cased(name, upperFirst: true, "Value");

    /// <summary>Whether the first letter or digit of the name is a digit (its words go through <see cref="LetterFirst"/>).</summary>
    private static bool StartsWithNumber(string name)
    {
        foreach (var c in name)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                return char.IsAsciiDigit(c);
            }
        }

        return false;
    }

    /// <summary>
    /// <see cref="Words"/> of the name, each lowercased but its first letter (and the first word's when
    /// <paramref name="upperFirst"/>), joined and made an <see cref="Identifier"/>, written in one buffer without a string per word
    /// (the refiner names every symbol and payload record this way: a tenth of its allocation at 10,000 APIs). The words
    /// hold only ASCII letters and digits, so <see cref="Identifier"/> changes nothing in their join but an empty one
    /// (the fallback), a leading digit and a keyword.
    /// </summary>
    private static string Cased(string name, bool upperFirst, string fallback)
    {
        Span<char> buffer = name.Length <= 256 ? stackalloc char[name.Length] : new char[name.Length];
        var length = 0;
        var words = 0;
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (!char.IsAsciiLetterOrDigit(c))
            {
                continue;
            }

            // A new word where Words flushes: after a separator (or at the start), and at its case and digit boundaries.
            var starts = i == 0 || !char.IsAsciiLetterOrDigit(name[i - 1]);
            if (!starts)
            {
                var prev = name[i - 1];
                var next = i + 1 < name.Length ? name[i + 1] : '\0';
                var lowerToUpper = char.IsAsciiLetterLower(prev) && char.IsAsciiLetterUpper(c);
                var acronymEnd = char.IsAsciiLetterUpper(prev) && char.IsAsciiLetterUpper(c) && char.IsAsciiLetterLower(next);
                var letterDigit = char.IsAsciiDigit(prev) != char.IsAsciiDigit(c) && char.IsAsciiLetter(prev) && char.IsAsciiDigit(c);
                starts = lowerToUpper || acronymEnd || letterDigit;
            }

            if (starts)
            {
                words++;
            }

            buffer[length++] = starts && (words > 1 || upperFirst) ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c);
        }

        var result = length == 0 ? fallback : new string(buffer[..length]);
        if (char.IsAsciiDigit(result[0]))
        {
            result = "v" + result;
        }

        return Keywords.Contains(result) ? "'" + result : result;
    }

    /// <summary>
    /// The words of a name that starts with a number (an artifact named <c>2_1_Proxy</c>, <c>05_EP_SOAP</c>, as test
    /// suites number theirs) in an order an identifier can start with (issue 14): the first word with a letter, then the
    /// number, its parts kept apart by <c>_</c> (<c>4_1_1_1_8_Proxy_PublishWSDL</c> → <c>proxy4_1_1_1_8PublishWsdl</c>,
    /// <c>05_EP_SOAP</c> → <c>ep05Soap</c>), then the rest in order. A function of the name alone, so it is stable across
    /// conversions, and no two numbers give the same text (<c>2_11</c> and <c>21_1</c> stay apart). A name of digits
    /// only is unchanged (<see cref="Identifier"/> starts it with <c>v</c>).
    /// </summary>
    private static IReadOnlyList<string> LetterFirst(IReadOnlyList<string> words)
    {
        if (words.Count == 0 || !char.IsAsciiDigit(words[0][0]))
        {
            return words;
        }

        // A number run into a capitalised word (2SoapMapping) is two words; an ordinal (1st) stays one.
        var digits = words[0].TakeWhile(char.IsAsciiDigit).Count();
        if (digits < words[0].Length && char.IsAsciiLetterUpper(words[0][digits]))
        {
            words = [words[0][..digits], words[0][digits..], .. words.Skip(1)];
        }

        if (!IsNumber(words[0]))
        {
            return words;
        }

        var lead = 0;
        while (lead < words.Count && IsNumber(words[lead]))
        {
            lead++;
        }

        if (lead == words.Count)
        {
            return words;
        }

        return [words[lead], string.Join('_', words.Take(lead)), .. words.Skip(lead + 1)];
    }

    private static bool IsNumber(string word) => word.All(char.IsAsciiDigit);

    /// <summary>Makes any text a valid, unreserved identifier: keywords get the <c>'</c> prefix, a leading digit a <c>v</c>.</summary>
    public static string Identifier(string text, string fallback = "value")
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_');
        }

        var result = builder.ToString().Trim('_');
        if (result.Length == 0)
        {
            result = fallback;
        }

        if (char.IsAsciiDigit(result[0]))
        {
            result = "v" + result;
        }

        return Keywords.Contains(result) ? "'" + result : result;
    }

    /// <summary>A literal resource path segment (<c>order-items</c> → <c>order\-items</c>, <c>order</c> → <c>'order</c>).</summary>
    public static string PathSegment(string segment)
    {
        if (segment.Length == 0)
        {
            return "'default";
        }

        if (Keywords.Contains(segment))
        {
            return "'" + segment;
        }

        var builder = new StringBuilder(segment.Length + 4);
        for (var i = 0; i < segment.Length; i++)
        {
            var c = segment[i];
            if (char.IsAsciiLetter(c) || c == '_' || (i > 0 && char.IsAsciiDigit(c)))
            {
                builder.Append(c);
            }
            else if (c > 0x7F || char.IsControl(c) || char.IsWhiteSpace(c))
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\u{{{(int)c:X}}}");
            }
            else
            {
                builder.Append('\\').Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// A record field name that is exactly <paramref name="key"/> (a JSON member name): a keyword or a leading digit
    /// quoted with <c>'</c>, any other character that cannot stand in an identifier escaped (<c>order-id</c> →
    /// <c>order\-id</c>; white space, controls and non-ASCII as <c>\u{...}</c>). Null for a name no field can have
    /// (empty, or <c>_</c>).
    /// </summary>
    public static string? FieldName(string key)
    {
        if (key.Length == 0 || key == "_" || !IsWellFormed(key))
        {
            return null;
        }

        if (Keywords.Contains(key))
        {
            return "'" + key;
        }

        var builder = new StringBuilder(key.Length + 4);
        if (char.IsAsciiDigit(key[0]))
        {
            builder.Append('\'');
        }

        foreach (var rune in key.EnumerateRunes())
        {
            var value = rune.Value;
            if (value < 0x80 && (char.IsAsciiLetterOrDigit((char)value) || value == '_'))
            {
                builder.Append((char)value);
            }
            else if (value >= 0x80 || value <= 0x20 || value == 0x7F)
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\u{{{value:X}}}");
            }
            else
            {
                builder.Append('\\').Append((char)value);
            }
        }

        return builder.ToString();
    }

    /// <summary>True when every surrogate of the text is part of a pair.</summary>
    private static bool IsWellFormed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A double-quoted string literal.</summary>
    public static string StringLiteral(string value)
    {
        // Most values need no escape: the literal is then made in one allocation (this was a tenth of the render's).
        if (!NeedsStringEscape(value))
        {
            return string.Concat("\"", value, "\"");
        }

        return Quoted(value, toml: false);
    }

    /// <summary>
    /// The value in double quotes with <c>\"</c>, <c>\\</c>, the short escapes and a numeric escape for every other
    /// control character, line or paragraph separator and lone surrogate (as U+FFFD): Ballerina's <c>\u{X}</c>, which also
    /// writes a character beyond the BMP as one code point, or, for <paramref name="toml"/>, TOML's <c>\uXXXX</c>, which
    /// leaves such a character as itself.
    /// </summary>
    private static string Quoted(string value, bool toml)
    {
        var builder = new StringBuilder(value.Length + 8);
        builder.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\r':
                    builder.Append("\\r");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                    {
                        // A character beyond the BMP is one code point: \u{D83D}\u{DE00} would name two surrogates,
                        // which are not Unicode scalar values and not valid in a Ballerina numeric escape.
                        if (toml)
                        {
                            builder.Append(c).Append(value[++i]);
                        }
                        else
                        {
                            Escape(char.ConvertToUtf32(c, value[++i]));
                        }
                    }
                    else if (char.IsSurrogate(c))
                    {
                        Escape(0xFFFD); // a lone surrogate is no character; .NET writes it to UTF-8 as U+FFFD too
                    }
                    else if (char.IsControl(c) || c is '\u2028' or '\u2029')
                    {
                        Escape(c);
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();

        void Escape(int code)
        {
            if (toml)
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\u{code:X4}");
            }
            else
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\u{{{code:X}}}");
            }
        }
    }

    /// <summary>Whether <see cref="StringLiteral"/> escapes a character of the value (the same tests as its loop).</summary>
    private static bool NeedsStringEscape(string value)
    {
        foreach (var c in value)
        {
            if (c is '"' or '\\' or '\n' or '\r' or '\t' or '\u2028' or '\u2029' || char.IsControl(c) || char.IsSurrogate(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Literal text inside a backtick template (<c>string `...`</c> or <c>xml `...`</c>): a backtick or an
    /// interpolation opener cannot appear as written, so each becomes an interpolated string literal.
    /// </summary>
    public static string TemplateText(string text, bool keepLineBreaks = false, bool keepLineFeeds = false)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '`')
            {
                builder.Append("${\"`\"}");
            }
            else if (c == '$' && i + 1 < text.Length && text[i + 1] == '{')
            {
                builder.Append("${\"$\"}");
            }
            else if (!keepLineBreaks && c is '\n' or '\r' && !(keepLineFeeds && c == '\n'))
            {
                builder.Append(c == '\n' ? "${\"\\n\"}" : "${\"\\r\"}");
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Serialised XML as the text of an <c>xml `...`</c> template (<see cref="TemplateText"/>, line breaks kept),
    /// with white space right after an attribute value's opening quote written as a character reference: Ballerina's
    /// XML template grammar refuses <c>v=" a"</c>, and <c>v="&amp;#32;a"</c> is the same value. Comments, CDATA
    /// sections and processing instructions are copied as they are (a reference means nothing there).
    /// </summary>
    public static string XmlTemplateText(string xml) => TemplateText(AttributeWhiteSpaceAsReferences(xml), keepLineBreaks: true);

    /// <summary>
    /// <see cref="XmlTemplateText(string)"/> for an XML template with interpolations: <paramref name="pieces"/> are the
    /// literal texts between the holes, escaped as one document (a hole inside an attribute value does not hide the
    /// white space that opens the value's next piece, or the start tag around it) and returned piece by piece.
    /// </summary>
    public static ImmutableArray<string> XmlTemplateTexts(IReadOnlyList<string> pieces)
    {
        // NUL cannot occur in XML 1.0 text, so it marks the holes unambiguously while the start tags are read.
        var joined = AttributeWhiteSpaceAsReferences(string.Join('\0', pieces));
        return [.. joined.Split('\0').Select(piece => TemplateText(piece, keepLineBreaks: true))];
    }

    private static string AttributeWhiteSpaceAsReferences(string xml)
    {
        var builder = new StringBuilder(xml.Length + 8);
        var i = 0;
        while (i < xml.Length)
        {
            var verbatimEnd = xml.AsSpan(i).StartsWith("<!--") ? "-->" : xml.AsSpan(i).StartsWith("<![CDATA[") ? "]]>" : xml.AsSpan(i).StartsWith("<?") ? "?>" : null;
            if (verbatimEnd is not null)
            {
                var end = xml.IndexOf(verbatimEnd, i, StringComparison.Ordinal);
                end = end < 0 ? xml.Length : end + verbatimEnd.Length;
                builder.Append(xml, i, end - i);
                i = end;
                continue;
            }

            if (xml[i] != '<' || i + 1 >= xml.Length || xml[i + 1] is '/' or '!')
            {
                builder.Append(xml[i++]);
                continue;
            }

            // A start tag: copy it, quoting attribute values with their leading white space as references.
            while (i < xml.Length && xml[i] != '>')
            {
                var c = xml[i++];
                builder.Append(c);
                if (c is '"' or '\'')
                {
                    var close = xml.IndexOf(c, i);
                    close = close < 0 ? xml.Length : close;
                    if (i < close && xml[i] is ' ' or '\t' or '\n' or '\r')
                    {
                        builder.Append("&#").Append(((int)xml[i]).ToString(CultureInfo.InvariantCulture)).Append(';');
                        i++;
                    }

                    builder.Append(xml, i, close - i);
                    i = close;
                    if (i < xml.Length)
                    {
                        builder.Append(xml[i++]);
                    }
                }
            }
        }

        return builder.ToString();
    }

    /// <summary>The column generated comments are wrapped at (issue 14: a Ballerina developer reads the code at this width).</summary>
    public const int CommentColumns = 120;

    /// <summary>
    /// One line of comment text (no line breaks, <see cref="CommentText"/>) word-wrapped into lines of at most
    /// <paramref name="width"/> characters, for a comment whose prefix and indentation take the rest of
    /// <see cref="CommentColumns"/>. Breaks only at spaces; a word longer than the width (a URL, a path) stays whole on
    /// a line of its own. The text of a doc comment is prose, never code, so no string literal is broken.
    /// </summary>
    public static IEnumerable<string> WrapComment(string text, int width)
    {
        width = Math.Max(width, 40);
        var rest = text.TrimEnd();
        while (rest.Length > width)
        {
            var cut = rest.LastIndexOf(' ', width);
            if (cut <= 0)
            {
                cut = rest.IndexOf(' ', width);
                if (cut < 0)
                {
                    break;
                }
            }

            yield return rest[..cut].TrimEnd();
            rest = rest[(cut + 1)..].TrimStart();
        }

        yield return rest;
    }

    /// <summary>
    /// The lines of a <c>#</c> doc comment at <paramref name="indent"/> columns, wrapped at <see cref="CommentColumns"/>:
    /// the lines of a paragraph (a description written over several lines in the XML) joined before wrapping, so that
    /// its text is not wrapped line by line; a blank line, a list item (<c>- </c>, <c>* </c>, <c>1. </c>) and an
    /// indented or XML line (<c>&lt;...</c>) start a new one; an indented line is wrapped alone and an XML line kept.
    /// </summary>
    public static string[] DocLines(IEnumerable<string> lines, int indent = 0)
    {
        var width = CommentColumns - indent - 2;
        var result = new List<string>();
        string? paragraph = null;
        foreach (var line in lines)
        {
            var starts = line.Length == 0 || char.IsWhiteSpace(line[0]) || line.StartsWith('<') || ListItem().IsMatch(line);
            if (paragraph is not null && !starts && line.Trim().Length > 0)
            {
                paragraph = paragraph.TrimEnd() + " " + line.Trim();
                continue;
            }

            if (paragraph is not null)
            {
                result.AddRange(WrapComment(paragraph, width));
                paragraph = null;
            }

            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('<'))
            {
                result.Add(line.TrimEnd());
            }
            else if (char.IsWhiteSpace(line[0]))
            {
                result.AddRange(WrapComment(line, width));
            }
            else
            {
                paragraph = line;
            }
        }

        if (paragraph is not null)
        {
            result.AddRange(WrapComment(paragraph, width));
        }

        return [.. result];
    }

    /// <summary>
    /// The lines of a <c>#</c> doc comment made of separate items (notes, sentences that each stand alone), each
    /// wrapped at <see cref="CommentColumns"/> on its own: unlike <see cref="DocLines"/>, no two items are joined.
    /// </summary>
    public static string[] DocItems(IEnumerable<string> items, int indent = 0) =>
        [.. items.SelectMany(item => WrapComment(item, CommentColumns - indent - 2))];

    /// <summary>A line starting a list item in a description: <c>- </c>, <c>* </c>, <c>1. </c>, <c>2) </c>.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^([-*+•]|\d+[.)])\s")]
    private static partial System.Text.RegularExpressions.Regex ListItem();

    /// <summary>Comment lines (<c>// ...</c>) for arbitrary text; every line of the text stays a comment.</summary>
    public static IEnumerable<string> CommentLines(string text, string prefix = "// ")
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        var first = 0;
        var last = lines.Length - 1;
        while (first <= last && string.IsNullOrWhiteSpace(lines[first]))
        {
            first++;
        }

        while (last >= first && string.IsNullOrWhiteSpace(lines[last]))
        {
            last--;
        }

        var indent = lines.Skip(first).Take(last - first + 1).Where(l => l.Trim().Length > 0)
            .Select(l => l.Length - l.TrimStart().Length).DefaultIfEmpty(0).Min();
        for (var i = first; i <= last; i++)
        {
            var line = lines[i].Length >= indent ? lines[i][indent..] : lines[i].TrimStart();
            yield return (prefix + line.Replace("\t", "    ", StringComparison.Ordinal)).TrimEnd();
        }
    }

    /// <summary>One-line text safe for a comment (no line breaks).</summary>
    public static string CommentText(string text) =>
        string.Join(' ', text.Split(new[] { '\r', '\n' }, StringSplitOptions.RemoveEmptyEntries).Select(s => s.Trim())).Trim();

    /// <summary>
    /// A TOML basic string (TOML 1.0): <c>\"</c>, <c>\\</c>, the short escapes, and <c>\uXXXX</c> for the other
    /// control characters (Ballerina's <c>\u{7F}</c> is not TOML, and a raw one makes the whole Config.toml invalid).
    /// Line and paragraph separators are escaped as in Ballerina strings; a character beyond the BMP is written as itself.
    /// </summary>
    public static string TomlString(string value) => Quoted(value, toml: true);

    /// <summary>
    /// Text for a TOML comment line (<c># ...</c>): on one line, as <see cref="CommentText"/>, and without the control
    /// characters TOML forbids in comments (all but tab, DEL included), each written as its <c>\uXXXX</c> notation.
    /// </summary>
    public static string TomlComment(string text) => TomlCommentCharacters(CommentText(text));

    /// <summary>One line of a TOML comment with each control character TOML forbids there (all but tab) written as <c>\uXXXX</c>.</summary>
    public static string TomlCommentCharacters(string line)
    {
        if (!line.Any(c => char.IsControl(c) && c != '\t'))
        {
            return line;
        }

        var builder = new StringBuilder(line.Length + 8);
        foreach (var c in line)
        {
            if (char.IsControl(c) && c != '\t')
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>Splits a name into words at separators, case changes and digit boundaries.</summary>
    public static IReadOnlyList<string> Words(string name)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        void Flush()
        {
            if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }

        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (!char.IsAsciiLetterOrDigit(c))
            {
                Flush();
                continue;
            }

            if (current.Length > 0)
            {
                var prev = name[i - 1];
                var next = i + 1 < name.Length ? name[i + 1] : '\0';
                var lowerToUpper = char.IsAsciiLetterLower(prev) && char.IsAsciiLetterUpper(c);
                var acronymEnd = char.IsAsciiLetterUpper(prev) && char.IsAsciiLetterUpper(c) && char.IsAsciiLetterLower(next);
                var letterDigit = char.IsAsciiDigit(prev) != char.IsAsciiDigit(c) && char.IsAsciiLetter(prev) && char.IsAsciiDigit(c);
                if (lowerToUpper || acronymEnd || letterDigit)
                {
                    Flush();
                }
            }

            current.Append(c);
        }

        Flush();
        return words;
    }

    /// <summary>The words joined, each lowercased but its first letter (and the first word's when <paramref name="upperFirst"/>).</summary>
    private static string JoinWords(IReadOnlyList<string> words, bool upperFirst)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i].ToLowerInvariant();
            if (i > 0 || upperFirst)
            {
                word = char.ToUpperInvariant(word[0]) + word[1..];
            }

            builder.Append(word);
        }

        return builder.ToString();
    }
}
