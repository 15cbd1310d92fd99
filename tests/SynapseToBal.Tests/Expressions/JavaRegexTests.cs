using SynapseToBal.Lowering;
using Xunit;

namespace SynapseToBal.Tests.Expressions;

/// <summary>Java regular expressions (filter/switch regex, property pattern) translated to Ballerina regexp.</summary>
public sealed class JavaRegexTests
{
    private const string Dot = @"[^\n\r\u{85}\u{2028}\u{2029}]";

    [Theory]
    // Plain text and literal punctuation stay as written.
    [InlineData("abc", "abc")]
    [InlineData("GET", "GET")]
    [InlineData("application/json", "application/json")]
    [InlineData("a-b_c:d@e,f=g", "a-b_c:d@e,f=g")]
    [InlineData("a b", "a b")]
    [InlineData("", "")]
    [InlineData("héllo", "héllo")]
    // Alternation, groups, quantifiers (greedy and lazy).
    [InlineData("a|b", "a|b")]
    [InlineData("GET|POST|PUT", "GET|POST|PUT")]
    [InlineData("(a|b)c", "(a|b)c")]
    [InlineData("(?:a|b)c", "(?:a|b)c")]
    [InlineData("a*", "a*")]
    [InlineData("a+", "a+")]
    [InlineData("a?", "a?")]
    [InlineData("a*?", "a*?")]
    [InlineData("a+?", "a+?")]
    [InlineData("a??", "a??")]
    [InlineData("a{3}", "a{3}")]
    [InlineData("a{2,}", "a{2,}")]
    [InlineData("a{2,5}", "a{2,5}")]
    [InlineData("a{2,5}?", "a{2,5}?")]
    [InlineData("[0-9]{4}-[0-9]{2}", "[0-9]{4}-[0-9]{2}")]
    // Simple classes: \d and \w are ASCII in both; Java's \s also has VT and FF.
    [InlineData(@"\d+", @"\d+")]
    [InlineData(@"\D", @"\D")]
    [InlineData(@"\w+", @"\w+")]
    [InlineData(@"\W", @"\W")]
    [InlineData(@"\s", @"[\s\u{B}\u{C}]")]
    [InlineData(@"\S+", @"[^\s\u{B}\u{C}]+")]
    [InlineData(@"[\s,]", @"[\s\u{B}\u{C},]")]
    [InlineData(@"[\d.]+", @"[\d.]+")]
    // '.' is Java's: anything but the line terminators (all of them, DOTALL, UNIX_LINES).
    [InlineData(".", Dot)]
    [InlineData(".*", Dot + "*")]
    [InlineData(".*foo.*", Dot + "*foo" + Dot + "*")]
    [InlineData("(?s).*", @"[\s\S]*")]
    [InlineData("(?s:.)x", @"(?:[\s\S])x")]
    [InlineData("(?d).", @"[^\n]")]
    // Unescaped } and ] are literals in Java; Ballerina needs them escaped.
    [InlineData("a}", @"a\}")]
    [InlineData("a]", @"a\]")]
    [InlineData("{\"a\":1}x", null)]
    // Escaped characters: syntax characters stay escaped, others lose a backslash Ballerina does not accept.
    [InlineData(@"a\.b", @"a\.b")]
    [InlineData(@"\(x\)", @"\(x\)")]
    [InlineData(@"\{\}", @"\{\}")]
    [InlineData(@"\[\]", @"\[\]")]
    [InlineData(@"a\/b", "a/b")]
    [InlineData(@"a\-b", "a-b")]
    [InlineData(@"\""x\""", "\"x\"")]
    [InlineData(@"\#\&\<\>", "#&<>")]
    [InlineData(@"\\", @"\\")]
    [InlineData(@"\$\^\|\?\*\+", @"\$\^\|\?\*\+")]
    // Control and numeric escapes become \u{...}.
    [InlineData(@"\t\n\r", @"\t\n\r")]
    [InlineData(@"\f", @"\u{C}")]
    [InlineData(@"\a\e", @"\u{7}\u{1B}")]
    [InlineData(@"\x41", @"\u{41}")]
    [InlineData(@"\x{1F600}", @"\u{1F600}")]
    [InlineData(@"\u00e9", @"\u{E9}")]
    [InlineData(@"\0101", @"\u{41}")]
    [InlineData(@"\cA", @"\u{1}")]
    // \Q...\E quotes literally.
    [InlineData(@"\Q1+1=2\E", @"1\+1=2")]
    [InlineData(@"\Q(a)[b]{c}\E", @"\(a\)\[b\]\{c\}")]
    [InlineData(@"x\Q.*", @"x\.\*")]
    [InlineData(@"\Q\E", "")]
    [InlineData(@"\Qab\E+", @"ab+")]
    // Inline flags become flag groups over the rest of the group, each alternative on its own.
    [InlineData("(?i)abc", "(?i:abc)")]
    [InlineData("a(?i)bc", "a(?i:bc)")]
    [InlineData("a(?i)b|c", "a(?i:b)|(?i:c)")]
    [InlineData("(a(?i)b)c", "(a(?i:b))c")]
    [InlineData("(?i:abc)d", "(?i:abc)d")]
    [InlineData("(?-i:abc)", "(?:abc)")]
    [InlineData("(?i)a(?-i)b", "(?i:a(?-i:b))")]
    [InlineData("(?i)", "")]
    [InlineData("(?i)(?i)a", "(?i:a)")]
    [InlineData("(?iu)yes|no", "(?i:yes)|(?i:no)")]
    [InlineData("(?x) a b # comment\n c", "abc")]
    [InlineData("(?x)[a b]", "[ab]")]
    [InlineData("(?x)a\\ b", "a b")]
    // Anchors: ^ and \A start, $ \z \Z end an alternative under whole-string matching.
    [InlineData("^abc$", "^abc$")]
    [InlineData("^a|b$", "^a|b$")]
    [InlineData("(a$)", "(a$)")]
    [InlineData(@"\Aabc\z", "^abc$")]
    [InlineData(@"abc\Z", "abc$")]
    // Character classes.
    [InlineData("[abc]", "[abc]")]
    [InlineData("[^abc]", "[^abc]")]
    [InlineData("[a-z]", "[a-z]")]
    [InlineData("[a-zA-Z0-9_]", "[a-zA-Z0-9_]")]
    [InlineData("[-a]", @"[\-a]")]
    [InlineData("[a-]", @"[a\-]")]
    [InlineData("[.*+?]", @"[.*+?]")]
    [InlineData("[(){}|$]", @"[(){}|$]")]
    [InlineData(@"[\]]", @"[\]]")]
    [InlineData(@"[\\]", @"[\\]")]
    [InlineData(@"[\-]", @"[\-]")]
    [InlineData(@"[\.]", @"[\.]")]
    [InlineData(@"[a\-z]", @"[a\-z]")]
    [InlineData("[a^]", @"[a\^]")]
    [InlineData(@"[\t\n]", @"[\t\n]")]
    [InlineData(@"[\x41-\x5A]", @"[\u{41}-\u{5A}]")]
    [InlineData(@"[\Q-]\E]", @"[\-\]]")]
    [InlineData(@"[\w-]", @"[\w\-]")]
    [InlineData("[/]", "[/]")]
    // Unicode properties: general categories and scripts; POSIX classes become explicit ASCII sets.
    [InlineData(@"\p{L}+", @"\p{L}+")]
    [InlineData(@"\pL", @"\p{L}")]
    [InlineData(@"\p{Lu}", @"\p{Lu}")]
    [InlineData(@"\P{N}", @"\P{N}")]
    [InlineData(@"\p{IsL}", @"\p{L}")]
    [InlineData(@"\p{gc=Nd}", @"\p{Nd}")]
    [InlineData(@"\p{IsLatin}", @"\p{sc=Latin}")]
    [InlineData(@"\p{script=Greek}", @"\p{sc=Greek}")]
    [InlineData(@"\p{IsCYRILLIC}", @"\p{sc=Cyrillic}")]
    [InlineData(@"[\p{L}\d]", @"[\p{L}\d]")]
    [InlineData(@"\p{Alpha}+", "[a-zA-Z]+")]
    [InlineData(@"\p{Digit}", "[0-9]")]
    [InlineData(@"\p{Alnum}", "[a-zA-Z0-9]")]
    [InlineData(@"\p{XDigit}{2}", "[0-9a-fA-F]{2}")]
    [InlineData(@"\p{Upper}\p{Lower}", "[A-Z][a-z]")]
    [InlineData(@"\P{Digit}", "[^0-9]")]
    [InlineData(@"[\p{Alpha}_]", "[a-zA-Z_]")]
    [InlineData(@"\p{Space}", @"[ \t\n\u{B}\u{C}\r]")]
    [InlineData(@"\p{Blank}", @"[ \t]")]
    [InlineData(@"\p{Punct}", @"[!""#\$%&'\(\)\*\+,\-\./:;<=>\?@\[\\\]\^_`\{\|\}~]")]
    // Named groups are capturing groups.
    [InlineData("(?<year>[0-9]{4})", "([0-9]{4})")]
    // Empty alternatives become empty groups (Ballerina refuses a trailing '|').
    [InlineData("a|", "a|(?:)")]
    [InlineData("|a", "(?:)|a")]
    [InlineData("(a|)", "(a|(?:))")]
    // Realistic patterns from Synapse configurations.
    [InlineData("http://.*", "http://" + Dot + "*")]
    [InlineData(@"^[A-Z]{3}\d{3}$", @"^[A-Z]{3}\d{3}$")]
    [InlineData(@"[\w.+-]+@[\w-]+\.[\w.]+", @"[\w.+\-]+@[\w\-]+\.[\w.]+")]
    [InlineData(@"(\d{4})-(\d{2})-(\d{2})", @"(\d{4})-(\d{2})-(\d{2})")]
    [InlineData("IBM|MSFT", "IBM|MSFT")]
    [InlineData("(?i)true", "(?i:true)")]
    [InlineData(@"Bearer (.+)", "Bearer (" + Dot + "+)")]
    [InlineData(@"[^/]+/([^/]+)", @"[^/]+/([^/]+)")]
    [InlineData("/services/.*", "/services/" + Dot + "*")]
    [InlineData(@"text/xml.*|application/soap\+xml.*", "text/xml" + Dot + @"*|application/soap\+xml" + Dot + "*")]
    public void Translates_with_the_same_meaning(string java, string? ballerina)
    {
        var result = JavaRegex.Translate(java);
        Assert.Equal(ballerina, result.Pattern);
        if (result.Pattern is { } pattern)
        {
            Assert.Null(BallerinaRegexGrammar.Problem(pattern));
        }
        else
        {
            Assert.NotNull(result.Problem);
        }
    }

    [Theory]
    [InlineData("(?=a)a", "lookahead")]
    [InlineData("(?!a)b", "lookahead")]
    [InlineData("(?<=a)b", "lookbehind")]
    [InlineData("(?<!a)b", "lookbehind")]
    [InlineData("(?>a+)b", "atomic group")]
    [InlineData("a*+", "possessive")]
    [InlineData("a++b", "possessive")]
    [InlineData("a?+", "possessive")]
    [InlineData("a{2}+", "possessive")]
    [InlineData(@"(a)\1", "backreference")]
    [InlineData(@"(?<x>a)\k<x>", "named backreference")]
    [InlineData(@"\bword\b", "word boundary")]
    [InlineData(@"\Bx", "word boundary")]
    [InlineData(@"\Gx", "'\\G'")]
    [InlineData("[a-z&&[^e]]", "intersection")]
    [InlineData("[a&&b]", "intersection")]
    [InlineData("[a[b]]", "nested character class")]
    [InlineData(@"\p{InGreek}", "character property")]
    [InlineData(@"\p{javaLowerCase}", "character property")]
    [InlineData(@"\p{IsAlphabetic}", "character property")]
    [InlineData(@"\p{Lu}", null)]
    [InlineData(@"(?i)\p{Lu}", "case-insensitive")]
    [InlineData(@"(?i)\p{Lower}", "case-insensitive")]
    [InlineData(@"[\S]", "inside a character class")]
    [InlineData(@"[\P{Alpha}]", "inside a character class")]
    [InlineData(@"\h", "'\\h'")]
    [InlineData(@"\R", "'\\R'")]
    [InlineData(@"\X", "'\\X'")]
    [InlineData("(?m)^a$", "MULTILINE")]
    [InlineData("a$b", "followed by more pattern")]
    [InlineData(@"a\zb", "followed by more pattern")]
    [InlineData("^*", "repeated anchor")]
    [InlineData("(?U)\\w", "UNICODE_CHARACTER_CLASS")]
    [InlineData("[]a]", "']' first")]
    public void Reports_what_has_no_Ballerina_equivalent(string java, string? reason)
    {
        var result = JavaRegex.Translate(java);
        if (reason is null)
        {
            Assert.NotNull(result.Pattern);
            return;
        }

        Assert.Null(result.Pattern);
        Assert.Contains(reason, result.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("(abc", "unclosed group")]
    [InlineData("abc)", "unmatched ')'")]
    [InlineData("[abc", "unclosed character class")]
    [InlineData("*a", "dangling '*'")]
    [InlineData("+", "dangling '+'")]
    [InlineData("a{", "not a repetition")]
    [InlineData("a{x}", "not a repetition")]
    [InlineData("a{,3}", "not a repetition")]
    [InlineData("a{3,2}", "out of order")]
    [InlineData("{abc}", "does not repeat anything")]
    [InlineData("[z-a]", "out of order")]
    [InlineData(@"\", "trailing")]
    [InlineData(@"\y", "unknown escape")]
    [InlineData(@"\xZZ", "hexadecimal")]
    [InlineData("(?<1a>x)", "named group")]
    [InlineData("(?q)", "unknown group")]
    public void Reports_an_invalid_Java_pattern_with_its_position(string java, string reason)
    {
        var result = JavaRegex.Translate(java);
        Assert.Null(result.Pattern);
        Assert.Contains("not valid Java", result.Problem, StringComparison.Ordinal);
        Assert.Contains(reason, result.Problem, StringComparison.Ordinal);
        Assert.Contains("at position", result.Problem, StringComparison.Ordinal);
    }

    [Theory]
    // rewrite's replace action: String.replaceAll searches the string. What means the same in a search translates.
    [InlineData("soap", "soap", null)]
    [InlineData(@"\w.*", @"\w" + Dot + "*", null)]
    [InlineData("^/api", "^/api", null)]
    [InlineData(@"\A/api", "^/api", null)]
    [InlineData(@"/v1\z", "/v1$", null)]
    [InlineData("(?i)soap", "(?i:soap)", null)]
    [InlineData(@"\Q.svc\E", @"\.svc", null)]
    [InlineData(@"(\d+)-(\d+)", @"(\d+)-(\d+)", null)]
    // Java's '$' and '\Z' also match before a final line terminator (a decoded %0A), Ballerina's '$' does not.
    [InlineData("/v1$", null, "'$' in a replace regex")]
    [InlineData(@"/v1\Z", null, "'\\Z' in a replace regex")]
    // A named group: the replacement may write ${name}, which javaReplaceAll does not read.
    [InlineData("(?<v>v[0-9])", null, "named group")]
    // What no use translates stays refused.
    [InlineData("(?<=/)api", null, "lookbehind")]
    [InlineData("a*+", null, "possessive")]
    public void Translates_a_replace_regex_for_a_search(string java, string? ballerina, string? reason)
    {
        var result = JavaRegex.Translate(java, RegexUse.Replace);
        Assert.Equal(ballerina, result.Pattern);
        if (reason is not null)
        {
            Assert.Contains(reason, result.Problem, StringComparison.Ordinal);
        }

        // The same patterns under whole-string matching: '$', '\Z' and named groups are exact there.
        if (reason is "'$' in a replace regex" or "'\\Z' in a replace regex" or "named group")
        {
            Assert.NotNull(JavaRegex.Translate(java).Pattern);
        }
    }

    [Theory]
    // A replace on a URL's scheme or host, which never holds a line terminator: '$' and '\Z' are the end there.
    [InlineData(@"\.internal$", @"\.internal$", null)]
    [InlineData(@"\.internal\Z", @"\.internal$", null)]
    [InlineData("a$b", null, "followed by more pattern")]
    [InlineData("(?<h>x)", null, "named group")]
    public void Translates_a_replace_regex_on_a_single_line(string java, string? ballerina, string? reason)
    {
        var result = JavaRegex.Translate(java, RegexUse.ReplaceSingleLine);
        Assert.Equal(ballerina, result.Pattern);
        if (reason is not null)
        {
            Assert.Contains(reason, result.Problem, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("(a)(b(c))", 3)]
    [InlineData("(?:a)(b)", 1)]
    [InlineData("(?<n>a)(?i:b)", 1)]
    [InlineData(@"\(a\)", 0)]
    [InlineData("[(]", 0)]
    public void Counts_the_capturing_groups(string java, int groups) =>
        Assert.Equal(groups, JavaRegex.Translate(java).GroupCount);

    [Theory]
    [InlineData("abc")]
    [InlineData(@"a\{1\}")]
    [InlineData("(?i:a)")]
    [InlineData("(?-i:a)")]
    [InlineData(@"\u{1F600}")]
    [InlineData(@"\p{sc=Latin}")]
    [InlineData(@"[\-a-z\]]")]
    [InlineData("a{1,}?")]
    [InlineData("(a|(?:))")]
    [InlineData("")]
    public void The_grammar_check_accepts_Ballerina_patterns(string pattern) =>
        Assert.Null(BallerinaRegexGrammar.Problem(pattern));

    [Theory]
    [InlineData("a{")]
    [InlineData("a}")]
    [InlineData("a]")]
    [InlineData("(?=a)")]
    [InlineData("(?i)a")]
    [InlineData(@"\b")]
    [InlineData(@"\/")]
    [InlineData(@"\x41")]
    [InlineData("a|")]
    [InlineData("(a")]
    [InlineData("a)")]
    [InlineData("^*")]
    [InlineData("[a")]
    [InlineData(@"\p{L")]
    public void The_grammar_check_refuses_what_fromString_refuses(string pattern) =>
        Assert.NotNull(BallerinaRegexGrammar.Problem(pattern));
}
