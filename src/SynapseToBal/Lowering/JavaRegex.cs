using System.Globalization;
using System.Text;

namespace SynapseToBal.Lowering;

/// <summary>
/// The result of translating a Java regular expression: the Ballerina <c>regexp</c> pattern (the text between the
/// backquotes of <c>re `...`</c>, or the argument of <c>regexp:fromString</c>) and its number of capturing groups, or
/// the reason it has no Ballerina form with the same meaning.
/// </summary>
public sealed record RegexTranslation(string? Pattern, int GroupCount, string? Problem)
{
    public bool Translated => Pattern is not null;
}

/// <summary>
/// Translates the <c>java.util.regex</c> patterns of Synapse (filter and switch <c>regex</c>, property
/// <c>pattern</c>) into Ballerina regular expressions, for whole-string matching (<c>Matcher.matches()</c>, which
/// every one of them uses; the Ballerina side is <c>regexp:isFullMatch</c>/<c>fullMatchGroups</c>).
/// <para>
/// Ballerina's grammar (the language specification's regular expressions, which <c>regexp:fromString</c> applies)
/// has no lookaround, backreferences, atomic groups, possessive quantifiers, word boundaries, standalone inline
/// flags, class intersections or nested classes, and needs <c>{</c>, <c>}</c> and <c>]</c> escaped. Java constructs
/// with an exact equivalent are rewritten (inline flags become flag groups, <c>\Q…\E</c> escaped literals, POSIX and
/// script classes explicit sets, <c>\s</c> and <c>.</c> their Java character sets, <c>\A</c>/<c>\z</c> anchors);
/// the others make the translation fail with the reason, never a pattern that fails or means something else at run
/// time. Every translated pattern is checked against the Ballerina grammar (<see cref="BallerinaRegexGrammar"/>).
/// </para>
/// </summary>
/// <summary>How Synapse applies a regular expression.</summary>
public enum RegexUse
{
    /// <summary><c>Matcher.matches()</c>: the whole string (filter, switch, property pattern, rewrite's match evaluator).</summary>
    WholeString,

    /// <summary>
    /// <c>String.replaceAll</c> (rewrite's replace action): every match found in the string, replaced by a replacement
    /// that reads <c>$n</c> groups. <c>$</c> and <c>\Z</c> are refused: in a search Java's also match before a final
    /// line terminator. Named groups are refused: a replacement may refer to them as <c>${name}</c>.
    /// </summary>
    Replace,

    /// <summary>
    /// <see cref="Replace"/> on a string that never holds a line terminator (a URL's scheme or host): Java's <c>$</c>
    /// and <c>\Z</c> then match only at the end, as Ballerina's <c>$</c> does.
    /// </summary>
    ReplaceSingleLine,
}

public static class JavaRegex
{
    public static RegexTranslation Translate(string java, RegexUse use = RegexUse.WholeString)
    {
        try
        {
            var translator = new Translator(java, use);
            var pattern = translator.Run();
            if (BallerinaRegexGrammar.Problem(pattern) is { } invalid)
            {
                return new RegexTranslation(null, 0, $"the translated pattern is not a Ballerina regular expression ({invalid})");
            }

            return new RegexTranslation(pattern, translator.Groups, null);
        }
        catch (RegexProblem problem)
        {
            return new RegexTranslation(null, 0, problem.Message);
        }
    }

    private sealed class RegexProblem(string message) : Exception(message);

    [Flags]
    private enum Mode
    {
        None = 0,
        IgnoreCase = 1,
        DotAll = 2,
        Multiline = 4,
        Comments = 8,
        UnixLines = 16,
        UnicodeCase = 32,
        UnicodeClasses = 64,
    }

    private const string SyntaxChars = "^$\\.*+?()[]{}|";

    private static readonly HashSet<string> GeneralCategories = new(StringComparer.Ordinal)
    {
        "L", "Lu", "Ll", "Lt", "Lm", "Lo", "M", "Mn", "Mc", "Me", "N", "Nd", "Nl", "No", "P", "Pc", "Pd", "Ps", "Pe",
        "Pi", "Pf", "Po", "S", "Sm", "Sc", "Sk", "So", "Z", "Zs", "Zl", "Zp", "C", "Cc", "Cf", "Cs", "Co", "Cn",
    };

    private static readonly string[] Scripts =
    [
        "Latin", "Greek", "Cyrillic", "Armenian", "Hebrew", "Arabic", "Syriac", "Thaana", "Devanagari", "Bengali",
        "Gurmukhi", "Gujarati", "Oriya", "Tamil", "Telugu", "Kannada", "Malayalam", "Sinhala", "Thai", "Lao", "Tibetan",
        "Myanmar", "Georgian", "Hangul", "Ethiopic", "Cherokee", "Khmer", "Mongolian", "Hiragana", "Katakana",
        "Bopomofo", "Han", "Common", "Inherited",
    ];

    /// <summary>Java's POSIX classes (US-ASCII unless UNICODE_CHARACTER_CLASS), as Ballerina class contents.</summary>
    private static readonly Dictionary<string, string> Posix = new(StringComparer.Ordinal)
    {
        ["Lower"] = "a-z",
        ["Upper"] = "A-Z",
        ["ASCII"] = "\\u{0}-\\u{7F}",
        ["Alpha"] = "a-zA-Z",
        ["Digit"] = "0-9",
        ["Alnum"] = "a-zA-Z0-9",
        ["Punct"] = "!\"#\\$%&'\\(\\)\\*\\+,\\-\\./:;<=>\\?@\\[\\\\\\]\\^_`\\{\\|\\}~",
        ["Graph"] = "a-zA-Z0-9!\"#\\$%&'\\(\\)\\*\\+,\\-\\./:;<=>\\?@\\[\\\\\\]\\^_`\\{\\|\\}~",
        ["Print"] = "a-zA-Z0-9!\"#\\$%&'\\(\\)\\*\\+,\\-\\./:;<=>\\?@\\[\\\\\\]\\^_`\\{\\|\\}~ ",
        ["Blank"] = " \\t",
        ["Cntrl"] = "\\u{0}-\\u{1F}\\u{7F}",
        ["XDigit"] = "0-9a-fA-F",
        ["Space"] = " \\t\\n\\u{B}\\u{C}\\r",
    };

    /// <summary>Java's <c>\s</c> is [ \t\n\x0B\f\r]; Ballerina's is tab, space, LF and CR only.</summary>
    private const string JavaSpace = "\\s\\u{B}\\u{C}";

    /// <summary>How deep groups may nest in a pattern the converter translates.</summary>
    public const int MaxGroupDepth = 128;

    private sealed class Translator(string source, RegexUse use)
    {
        private int _pos;
        private int _depth;
        private readonly StringBuilder _out = new();

        public int Groups { get; private set; }

        public string Run()
        {
            Disjunction(Mode.None);
            if (_pos < source.Length)
            {
                throw Invalid(source[_pos] == ')' ? "an unmatched ')'" : $"'{source[_pos]}'");
            }

            return _out.ToString();
        }

        private RegexProblem Invalid(string what) =>
            new($"the regular expression is not valid Java: {what} at position {_pos}");

        private static RegexProblem Unsupported(string what) => new($"{what} has no Ballerina regular-expression equivalent");

        private bool AtEnd => _pos >= source.Length;

        private char Peek(int ahead = 0) => _pos + ahead < source.Length ? source[_pos + ahead] : '\0';

        /// <summary>A sequence of alternatives up to ')' or the end; inline flags apply to the rest of the group.</summary>
        private void Disjunction(Mode mode)
        {
            var groupMode = mode;
            var opened = new Stack<int>();
            var alternativeStart = _out.Length;
            var alternatives = 1;
            while (true)
            {
                SkipComments(mode);
                if (AtEnd || Peek() == ')')
                {
                    break;
                }

                if (Peek() == '|')
                {
                    _pos++;
                    CloseFlagGroups(opened);
                    EmptyAlternative(alternativeStart);
                    _out.Append('|');
                    alternatives++;
                    alternativeStart = _out.Length;
                    if (CaseDiffers(mode, groupMode))
                    {
                        opened.Push(_out.Length);
                        _out.Append(FlagGroup(groupMode, mode));
                    }

                    continue;
                }

                if (Peek() == '(' && Peek(1) == '?' && InlineFlags(mode, out var flagsEnd) is { } newMode)
                {
                    _pos = flagsEnd;
                    // Only case-insensitivity needs a Ballerina flag group; the other flags are applied here.
                    if (CaseDiffers(mode, newMode))
                    {
                        opened.Push(_out.Length);
                        _out.Append(FlagGroup(mode, newMode));
                    }

                    mode = newMode;

                    continue;
                }

                Term(mode);
            }

            CloseFlagGroups(opened);
            if (alternatives > 1)
            {
                EmptyAlternative(alternativeStart);
            }
        }

        private static bool CaseDiffers(Mode a, Mode b) => (a & Mode.IgnoreCase) != (b & Mode.IgnoreCase);

        /// <summary>Closes the flag groups opened in an alternative, dropping those that stayed empty.</summary>
        private void CloseFlagGroups(Stack<int> opened)
        {
            while (opened.TryPop(out var at))
            {
                if (_out[^1] == ':' && _out.Length > at && _out.ToString(at, _out.Length - at) is "(?:" or "(?i:" or "(?-i:")
                {
                    _out.Length = at;
                }
                else
                {
                    _out.Append(')');
                }
            }
        }

        /// <summary>Ballerina does not accept an empty alternative before or after '|': it becomes an empty group.</summary>
        private void EmptyAlternative(int alternativeStart)
        {
            if (_out.Length == alternativeStart)
            {
                _out.Append("(?:)");
            }
        }

        /// <summary>A standalone <c>(?idmsux-idmsux)</c>: the mode after it and where it ends, or null.</summary>
        private Mode? InlineFlags(Mode mode, out int end)
        {
            var i = _pos + 2;
            while (i < source.Length && source[i] is 'i' or 'd' or 'm' or 's' or 'u' or 'x' or 'U' or 'c' or '-')
            {
                i++;
            }

            end = i + 1;
            return i < source.Length && source[i] == ')' && i > _pos + 2 ? ApplyFlags(mode, source[(_pos + 2)..i]) : null;
        }

        private Mode ApplyFlags(Mode mode, string flags)
        {
            var on = true;
            foreach (var c in flags)
            {
                var flag = c switch
                {
                    'i' => Mode.IgnoreCase,
                    's' => Mode.DotAll,
                    'm' => Mode.Multiline,
                    'x' => Mode.Comments,
                    'd' => Mode.UnixLines,
                    'u' => Mode.UnicodeCase,
                    'U' => Mode.UnicodeClasses,
                    '-' => Mode.None,
                    _ => throw Unsupported($"the inline flag '{c}'"),
                };
                if (c == '-')
                {
                    on = false;
                    continue;
                }

                mode = on ? mode | flag : mode & ~flag;
            }

            if ((mode & Mode.UnicodeClasses) != 0)
            {
                throw Unsupported("the UNICODE_CHARACTER_CLASS flag (?U)");
            }

            return mode;
        }

        /// <summary>The Ballerina flag group that turns case-insensitivity on or off (the other flags are applied here).</summary>
        private static string FlagGroup(Mode from, Mode to)
        {
            var wasI = (from & Mode.IgnoreCase) != 0;
            var isI = (to & Mode.IgnoreCase) != 0;
            return wasI == isI ? "(?:" : isI ? "(?i:" : "(?-i:";
        }

        private void SkipComments(Mode mode)
        {
            if ((mode & Mode.Comments) == 0)
            {
                return;
            }

            while (!AtEnd)
            {
                if (char.IsWhiteSpace(Peek()))
                {
                    _pos++;
                }
                else if (Peek() == '#')
                {
                    while (!AtEnd && Peek() != '\n')
                    {
                        _pos++;
                    }
                }
                else
                {
                    break;
                }
            }
        }

        private void Term(Mode mode)
        {
            var c = Peek();
            bool quantifiable = true;
            switch (c)
            {
                case '^':
                    _pos++;
                    if ((mode & Mode.Multiline) != 0)
                    {
                        throw Unsupported("'^' in MULTILINE mode (?m)");
                    }

                    _out.Append('^');
                    quantifiable = false;
                    break;
                case '$':
                    _pos++;
                    EndAnchor(mode, "'$'");
                    quantifiable = false;
                    break;
                case '.':
                    _pos++;
                    _out.Append(Dot(mode));
                    break;
                case '[':
                    _out.Append(CharacterClass(mode));
                    break;
                case '(':
                    Group(mode);
                    break;
                case '\\':
                    quantifiable = Escape(mode);
                    break;
                case '*' or '+' or '?':
                    throw Invalid($"a dangling '{c}'");
                case '{':
                    throw Invalid("a '{' that does not repeat anything");
                default:
                    _pos++;
                    Literal(c);
                    if (char.IsHighSurrogate(c) && !AtEnd && char.IsLowSurrogate(Peek()))
                    {
                        _out.Append(Peek());
                        _pos++;
                    }

                    break;
            }

            SkipComments(mode);
            Quantifier(quantifiable);
        }

        private void EndAnchor(Mode mode, string what)
        {
            if ((mode & Mode.Multiline) != 0)
            {
                throw Unsupported($"{what} in MULTILINE mode (?m)");
            }

            // In Java '$' also matches before a final line terminator; under whole-string matching that only
            // differs when the pattern consumes the terminator after it, so '$' must end an alternative. A search
            // (replaceAll) finds a match before the terminator, which Ballerina's '$' does not.
            if (use == RegexUse.Replace)
            {
                throw Unsupported($"{what} in a replace regex (Java's also matches before a final line terminator; write \\z)");
            }

            var next = Peek();
            if (!(AtEnd || next is '|' or ')'))
            {
                throw Unsupported($"{what} followed by more pattern (Java lets it match before a final line terminator)");
            }

            _out.Append('$');
        }

        private static string Dot(Mode mode) =>
            (mode & Mode.DotAll) != 0 ? "[\\s\\S]"
            : (mode & Mode.UnixLines) != 0 ? "[^\\n]"
            : "[^\\n\\r\\u{85}\\u{2028}\\u{2029}]";

        private void Literal(char c)
        {
            if (c is '}' or ']')
            {
                _out.Append('\\').Append(c);
                return;
            }

            _out.Append(LiteralText(c, inClass: false));
        }

        private static string LiteralText(int codePoint, bool inClass)
        {
            if (codePoint < 0x10000 && SyntaxChars.Contains((char)codePoint))
            {
                return "\\" + (char)codePoint;
            }

            if (inClass && codePoint == '-')
            {
                return "\\-";
            }

            return codePoint switch
            {
                '\n' => "\\n",
                '\t' => "\\t",
                '\r' => "\\r",
                < 0x20 or 0x7F or (>= 0x80 and < 0xA0) or (>= 0xD800 and < 0xE000) => $"\\u{{{codePoint:X}}}",
                _ => char.ConvertFromUtf32(codePoint),
            };
        }

        /// <summary>
        /// A group, one level of the translator's recursion: groups nested deeper than <see cref="MaxGroupDepth"/> are
        /// not translated (a stack overflow would end the whole conversion; real patterns nest a few levels).
        /// </summary>
        private void Group(Mode mode)
        {
            if (++_depth > MaxGroupDepth)
            {
                throw new RegexProblem($"groups nest more than {MaxGroupDepth} deep at position {_pos}, deeper than the converter translates");
            }

            GroupBody(mode);
            _depth--;
        }

        private void GroupBody(Mode mode)
        {
            _pos++;
            if (Peek() != '?')
            {
                Groups++;
                _out.Append('(');
                Disjunction(mode);
                Close();
                return;
            }

            var rest = source[_pos..];
            if (rest.StartsWith("?<=", StringComparison.Ordinal) || rest.StartsWith("?<!", StringComparison.Ordinal))
            {
                throw Unsupported("a lookbehind");
            }

            if (rest.StartsWith("?=", StringComparison.Ordinal) || rest.StartsWith("?!", StringComparison.Ordinal))
            {
                throw Unsupported("a lookahead");
            }

            if (rest.StartsWith("?>", StringComparison.Ordinal))
            {
                throw Unsupported("an atomic group (?>...)");
            }

            if (rest.StartsWith("?<", StringComparison.Ordinal))
            {
                var end = source.IndexOf('>', _pos);
                if (end < 0 || !IsGroupName(source[(_pos + 2)..end]))
                {
                    throw Invalid("a malformed named group");
                }

                if (use != RegexUse.WholeString)
                {
                    throw Unsupported("a named group in a replace regex (the replacement may refer to it as ${name})");
                }

                _pos = end + 1;
                Groups++;
                _out.Append('(');
                Disjunction(mode);
                Close();
                return;
            }

            // (?flags:...) and (?:...)
            var colon = _pos + 1;
            while (colon < source.Length && source[colon] is 'i' or 'd' or 'm' or 's' or 'u' or 'x' or 'U' or 'c' or '-')
            {
                colon++;
            }

            if (colon >= source.Length || source[colon] != ':')
            {
                throw Invalid("an unknown group construct '(?'");
            }

            var inner = ApplyFlags(mode, source[(_pos + 1)..colon]);
            _pos = colon + 1;
            _out.Append(FlagGroup(mode, inner));
            Disjunction(inner);
            Close();
        }

        private static bool IsGroupName(string name) =>
            name.Length > 0 && char.IsAsciiLetter(name[0]) && name.All(char.IsAsciiLetterOrDigit);

        private void Close()
        {
            if (Peek() != ')')
            {
                throw Invalid("an unclosed group");
            }

            _pos++;
            _out.Append(')');
        }

        private void Quantifier(bool quantifiable)
        {
            var start = _pos;
            var c = Peek();
            if (c is '*' or '+' or '?')
            {
                _pos++;
            }
            else if (c == '{')
            {
                var end = source.IndexOf('}', _pos);
                var body = end < 0 ? "" : source[(_pos + 1)..end];
                var parts = body.Split(',');
                if (end < 0 || parts.Length > 2 || parts[0].Length == 0 || !parts.All(p => p.All(char.IsAsciiDigit)))
                {
                    throw Invalid("a '{' that is not a repetition");
                }

                if (parts.Length == 2 && parts[1].Length > 0 &&
                    long.Parse(parts[0], CultureInfo.InvariantCulture) > long.Parse(parts[1], CultureInfo.InvariantCulture))
                {
                    throw Invalid("a repetition range out of order");
                }

                _pos = end + 1;
            }
            else
            {
                return;
            }

            if (!quantifiable)
            {
                throw Unsupported("a repeated anchor");
            }

            if (Peek() == '+')
            {
                throw Unsupported("a possessive quantifier");
            }

            if (Peek() == '?')
            {
                _pos++;
            }

            _out.Append(source, start, _pos - start);
        }

        /// <summary>An escape outside a class; false when it is an anchor (not repeatable).</summary>
        private bool Escape(Mode mode)
        {
            var c = Peek(1);
            if (c == '\0' && _pos + 1 >= source.Length)
            {
                throw Invalid("a trailing '\\'");
            }

            switch (c)
            {
                case 'Q':
                    _pos += 2;
                    var end = source.IndexOf("\\E", _pos, StringComparison.Ordinal);
                    var quoted = end < 0 ? source[_pos..] : source[_pos..end];
                    _pos = end < 0 ? source.Length : end + 2;
                    if (quoted.Length == 0)
                    {
                        return true;
                    }

                    // A quantifier after \Q..\E repeats its last character only, as it does here.
                    foreach (var rune in quoted.EnumerateRunes())
                    {
                        _out.Append(LiteralText(rune.Value, inClass: false));
                    }

                    return true;
                case 'A':
                    _pos += 2;
                    _out.Append('^');
                    return false;
                case 'z':
                    _pos += 2;
                    if (!(AtEnd || Peek() is '|' or ')'))
                    {
                        throw Unsupported("'\\z' followed by more pattern");
                    }

                    _out.Append('$');
                    return false;
                case 'Z':
                    _pos += 2;
                    EndAnchor(mode & ~Mode.Multiline, "'\\Z'");
                    return false;
                case 'b' or 'B':
                    throw Unsupported($"the word boundary '\\{c}'");
                case 'G':
                    throw Unsupported("'\\G'");
                case 's':
                    _pos += 2;
                    _out.Append('[').Append(JavaSpace).Append(']');
                    return true;
                case 'S':
                    _pos += 2;
                    _out.Append("[^").Append(JavaSpace).Append(']');
                    return true;
                case 'p' or 'P':
                    _out.Append(Property(mode, inClass: false));
                    return true;
                case 'k':
                    throw Unsupported("a named backreference");
                case >= '1' and <= '9':
                    throw Unsupported("a backreference");
                default:
                    _out.Append(SimpleEscape(inClass: false));
                    return true;
            }
        }

        /// <summary>Escapes that mean one character or a simple class, the same inside and outside classes.</summary>
        private string SimpleEscape(bool inClass)
        {
            var c = Peek(1);
            _pos += 2;
            switch (c)
            {
                case 'd' or 'D' or 'w' or 'W':
                    return "\\" + c;
                case 't':
                    return "\\t";
                case 'n':
                    return "\\n";
                case 'r':
                    return "\\r";
                case 'f':
                    return "\\u{C}";
                case 'a':
                    return "\\u{7}";
                case 'e':
                    return "\\u{1B}";
                case '0':
                    return CodePoint(Octal());
                case 'x':
                    return CodePoint(Hex());
                case 'u':
                    return CodePoint(Hex4());
                case 'c':
                    if (AtEnd)
                    {
                        throw Invalid("'\\c' without a letter");
                    }

                    return CodePoint(source[_pos++] ^ 64);
                case 'h' or 'H' or 'v' or 'V' or 'R' or 'X' or 'N':
                    throw Unsupported($"'\\{c}'");
                default:
                    if (char.IsAsciiLetterOrDigit(c))
                    {
                        _pos -= 2;
                        throw Invalid($"the unknown escape '\\{c}'");
                    }

                    // Java reads a backslash before any other character as that character.
                    return LiteralText(c, inClass);
            }

            static string CodePoint(int value) => $"\\u{{{value:X}}}";
        }

        private int Octal()
        {
            var value = 0;
            var digits = 0;
            while (digits < 3 && Peek() is >= '0' and <= '7' && value * 8 + (Peek() - '0') <= 0xFF)
            {
                value = value * 8 + (Peek() - '0');
                _pos++;
                digits++;
            }

            return digits == 0 ? throw Invalid("an octal escape without digits") : value;
        }

        private int Hex()
        {
            if (Peek() == '{')
            {
                var end = source.IndexOf('}', _pos);
                if (end < 0 || !int.TryParse(source.AsSpan(_pos + 1, end - _pos - 1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value) || value > 0x10FFFF)
                {
                    throw Invalid("a malformed '\\x{...}'");
                }

                _pos = end + 1;
                return value;
            }

            return HexDigits(2);
        }

        private int Hex4() => HexDigits(4);

        private int HexDigits(int count)
        {
            if (_pos + count > source.Length || !int.TryParse(source.AsSpan(_pos, count), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
            {
                throw Invalid("a malformed hexadecimal escape");
            }

            _pos += count;
            return value;
        }

        /// <summary><c>\p{...}</c>/<c>\P{...}</c> (or <c>\pL</c>) as a Ballerina escape or class.</summary>
        private string Property(Mode mode, bool inClass)
        {
            var negated = Peek(1) == 'P';
            _pos += 2;
            string name;
            if (Peek() == '{')
            {
                var end = source.IndexOf('}', _pos);
                if (end < 0)
                {
                    throw Invalid("an unclosed '\\p{'");
                }

                name = source[(_pos + 1)..end];
                _pos = end + 1;
            }
            else if (!AtEnd)
            {
                name = source[_pos].ToString();
                _pos++;
            }
            else
            {
                throw Invalid("a '\\p' without a name");
            }

            var p = negated ? "P" : "p";
            var category = name.StartsWith("Is", StringComparison.Ordinal) && GeneralCategories.Contains(name[2..]) ? name[2..]
                : name.StartsWith("gc=", StringComparison.Ordinal) ? name[3..]
                : name.StartsWith("general_category=", StringComparison.Ordinal) ? name[17..]
                : name;
            if (GeneralCategories.Contains(category))
            {
                if ((mode & Mode.IgnoreCase) != 0 && category is "Lu" or "Ll" or "Lt")
                {
                    throw Unsupported($"'\\{p}{{{name}}}' under case-insensitive matching");
                }

                return $"\\{p}{{{category}}}";
            }

            var script = name.StartsWith("Is", StringComparison.Ordinal) ? name[2..]
                : name.StartsWith("sc=", StringComparison.Ordinal) ? name[3..]
                : name.StartsWith("script=", StringComparison.Ordinal) ? name[7..]
                : null;
            if (script is not null && Scripts.FirstOrDefault(s => s.Equals(script, StringComparison.OrdinalIgnoreCase)) is { } known)
            {
                return $"\\{p}{{sc={known}}}";
            }

            if (Posix.TryGetValue(name, out var set))
            {
                if ((mode & Mode.IgnoreCase) != 0 && name is "Lower" or "Upper")
                {
                    throw Unsupported($"'\\{p}{{{name}}}' under case-insensitive matching");
                }

                if (inClass)
                {
                    return negated ? throw Unsupported($"'\\P{{{name}}}' inside a character class") : set;
                }

                return negated ? $"[^{set}]" : $"[{set}]";
            }

            throw Unsupported($"the character property '\\{p}{{{name}}}'");
        }

        private string CharacterClass(Mode mode)
        {
            _pos++;
            var b = new StringBuilder("[");
            if (Peek() == '^')
            {
                _pos++;
                b.Append('^');
            }

            if (Peek() == ']')
            {
                throw Unsupported("a ']' first in a character class");
            }

            var items = 0;
            while (true)
            {
                if ((mode & Mode.Comments) != 0)
                {
                    while (!AtEnd && char.IsWhiteSpace(Peek()))
                    {
                        _pos++;
                    }
                }

                if (AtEnd)
                {
                    throw Invalid("an unclosed character class");
                }

                var c = Peek();
                if (c == ']')
                {
                    _pos++;
                    break;
                }

                if (c == '[')
                {
                    throw Unsupported("a nested character class");
                }

                if (c == '&' && Peek(1) == '&')
                {
                    throw Unsupported("a character class intersection '&&'");
                }

                var atom = ClassAtom(mode, out var single);
                if (single is not null && Peek() == '-' && Peek(1) != ']' && _pos + 1 < source.Length)
                {
                    _pos++;
                    var rhs = ClassAtom(mode, out var high);
                    if (high is null)
                    {
                        throw Invalid("a range that ends in a class");
                    }

                    if (high < single)
                    {
                        throw Invalid("a character range out of order");
                    }

                    b.Append(atom).Append('-').Append(rhs);
                }
                else
                {
                    b.Append(atom);
                }

                items++;
            }

            if (items == 0)
            {
                throw Unsupported("an empty character class");
            }

            return b.Append(']').ToString();
        }

        /// <summary>One class member: its Ballerina text and, when it is one character, its code point.</summary>
        private string ClassAtom(Mode mode, out int? codePoint)
        {
            codePoint = null;
            var c = Peek();
            if (c != '\\')
            {
                var rune = System.Text.Rune.GetRuneAt(source, _pos);
                _pos += rune.Utf16SequenceLength;
                codePoint = rune.Value;
                return ClassLiteral(rune.Value);
            }

            var e = Peek(1);
            switch (e)
            {
                case 's':
                    _pos += 2;
                    return JavaSpace;
                case 'S':
                    throw Unsupported("'\\S' inside a character class");
                case 'p' or 'P':
                    return Property(mode, inClass: true);
                case 'Q':
                    _pos += 2;
                    var end = source.IndexOf("\\E", _pos, StringComparison.Ordinal);
                    var quoted = end < 0 ? source[_pos..] : source[_pos..end];
                    _pos = end < 0 ? source.Length : end + 2;
                    return string.Concat(quoted.EnumerateRunes().Select(r => ClassLiteral(r.Value)));
                case 'b' or 'B' or 'A' or 'z' or 'Z' or 'G' or 'k' or (>= '1' and <= '9'):
                    throw Invalid($"'\\{e}' inside a character class");
                case 'd' or 'D' or 'w' or 'W':
                    return SimpleEscape(inClass: true);
                default:
                    var text = SimpleEscape(inClass: true);
                    codePoint = text switch
                    {
                        "\\t" => '\t',
                        "\\n" => '\n',
                        "\\r" => '\r',
                        _ when text.StartsWith("\\u{", StringComparison.Ordinal) => int.Parse(text[3..^1], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture),
                        _ when text.Length == 2 && text[0] == '\\' => text[1],
                        _ => char.ConvertToUtf32(text, 0),
                    };
                    return text;
            }
        }

        /// <summary>A character inside a class: Ballerina reads everything but '\\', ']' and '-' literally there ('^' is escaped too).</summary>
        private static string ClassLiteral(int codePoint) => codePoint switch
        {
            '\\' or ']' or '-' or '^' => "\\" + (char)codePoint,
            _ when codePoint < 0x10000 && SyntaxChars.Contains((char)codePoint) => ((char)codePoint).ToString(),
            _ => LiteralText(codePoint, inClass: true),
        };
    }
}
