using System.Text.RegularExpressions;
using Xunit;

namespace SynapseToBal.Tests.Golden;

/// <summary>
/// Structural rules every generated .bal file must keep (checked over all golden outputs, the whole runtime module
/// and, through the golden harness, the <c>support.bal</c> each case gets), for mistakes a
/// text comparison would happily accept once: documentation that is attached to nothing, unbalanced braces,
/// imports that are never used.
/// </summary>
public sealed partial class GeneratedCodeShapeTests
{
    public static TheoryData<string> BalFiles() => new(BalFilePaths());

    /// <summary>The golden packages' .bal files, and the one golden copy of the whole runtime module.</summary>
    private static IEnumerable<string> BalFilePaths() =>
        new[] { TestPaths.Cases, TestPaths.Runtime }
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*.bal", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            .Select(file => Path.GetRelativePath(TestPaths.TestProject, file).Replace('\\', '/'));

    [Fact]
    public void The_whole_runtime_module_is_scanned() =>
        Assert.Contains("Runtime/expected/support.bal", BalFilePaths());

    [Theory]
    [MemberData(nameof(BalFiles))]
    public void Generated_file_is_well_shaped(string relative) =>
        AssertWellShaped(relative, File.ReadAllLines(Path.Combine(TestPaths.TestProject, relative)));

    /// <summary>Checks the lines of one generated .bal file (<paramref name="relative"/> names it in messages).</summary>
    internal static void AssertWellShaped(string relative, IReadOnlyList<string> lines)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i].TrimStart();
            if (line.StartsWith('#'))
            {
                // A documentation line is followed by more documentation or by the construct it documents.
                Assert.True(i + 1 < lines.Count, $"{relative}:{i + 1}: documentation at the end of the file");
                var next = lines[i + 1].TrimStart();
                Assert.False(next.Length == 0 || next.StartsWith("//", StringComparison.Ordinal), $"{relative}:{i + 1}: documentation not attached to a construct");
            }
        }

        var code = CodeOutsideLiterals(string.Join('\n', lines), out var unterminated);
        Assert.True(unterminated is null, $"{relative}: {unterminated}");
        foreach (var (open, close) in new[] { ('{', '}'), ('(', ')') })
        {
            var (opened, closed) = (code.Count(c => c == open), code.Count(c => c == close));
            Assert.True(opened == closed, $"{relative}: {opened} '{open}' against {closed} '{close}' outside literals and comments");
        }

        // ballerina/log 2.15 declares these keys `never` in log:KeyValues: a key-value argument so named does not compile.
        foreach (Match key in ReservedLogKey().Matches(code))
        {
            Assert.Fail($"{relative}: a log call passes the key-value '{key.Groups["key"].Value}', which log:KeyValues forbids");
        }

        foreach (Match import in Import().Matches(code))
        {
            var prefix = import.Groups["module"].Value.Split('.')[^1];
            Assert.True(Regex.IsMatch(code, $@"\b{Regex.Escape(prefix)}:"), $"{relative}: import of {import.Groups["module"].Value} is never used");
        }
    }

    /// <summary>
    /// The code as Ballerina's lexer reads it, with comments (<c>//</c> and <c>#</c> documentation, to the end of their
    /// line) left out and the text of string literals and templates emptied (<c>""</c>, <c>``</c>), so that only code
    /// is counted: an interpolation <c>${...}</c> in a template is code, scanned the same way (its braces and
    /// parentheses count, and a string or template in it, <c>${"`"}</c>, does not end the outer template). A regular
    /// expression that took a template to end at the next backtick read <c>xml `&lt;a&gt;${"`"}&lt;/a&gt;`</c>, the
    /// converter's escape of a backtick in XML text, as ending inside the interpolation (the fuzzer's case 6795). A
    /// backslash in code escapes the next character of an identifier (<c>target\.\`x</c>, case 4639).
    /// </summary>
    /// <param name="unterminated">Set when a string literal, a template or an interpolation is not closed: the
    /// code is not well shaped (the caller fails), whatever the counts.</param>
    internal static string CodeOutsideLiterals(string text, out string? unterminated)
    {
        var code = new System.Text.StringBuilder(text.Length);
        var at = 0;
        string? problem = null;
        Code(closeOnBrace: false);
        unterminated = problem;
        return code.ToString();

        int Line(int position) => text.AsSpan(0, position).Count('\n') + 1;

        // A documentation line starts with '#' (after indentation).
        bool LineStart()
        {
            var i = at - 1;
            while (i >= 0 && text[i] is ' ' or '\t')
            {
                i--;
            }

            return i < 0 || text[i] == '\n';
        }

        // Code up to the end of the text, or (in an interpolation) up to the brace that closes it, which is consumed.
        void Code(bool closeOnBrace)
        {
            var depth = 0;
            var start = at;
            while (at < text.Length)
            {
                var c = text[at];
                if (c == '/' && at + 1 < text.Length && text[at + 1] == '/' || c == '#' && LineStart())
                {
                    while (at < text.Length && text[at] != '\n')
                    {
                        at++;
                    }

                    continue;
                }

                if (c == '\\' && at + 1 < text.Length && text[at + 1] != '\n')
                {
                    // An identifier escape (a property field `target\.\`x`): the escaped character belongs to the
                    // identifier, it starts no literal and closes nothing.
                    code.Append("\\_");
                    at += 2;
                    continue;
                }

                if (c == '"')
                {
                    var begin = at;
                    at++;
                    while (at < text.Length && text[at] != '"' && text[at] != '\n')
                    {
                        at += text[at] == '\\' && at + 1 < text.Length && text[at + 1] != '\n' ? 2 : 1;
                    }

                    if (at >= text.Length || text[at] != '"')
                    {
                        problem ??= $"line {Line(begin)}: a string literal is not closed on its line";
                    }

                    at = Math.Min(at + 1, text.Length);
                    code.Append("\"\"");
                    continue;
                }

                if (c == '`')
                {
                    var begin = at;
                    at++;
                    code.Append('`');
                    while (at < text.Length && text[at] != '`')
                    {
                        if (text[at] == '$' && at + 1 < text.Length && text[at + 1] == '{')
                        {
                            at += 2;
                            code.Append("${");
                            Code(closeOnBrace: true);
                            code.Append('}');
                        }
                        else
                        {
                            at++;
                        }
                    }

                    if (at >= text.Length)
                    {
                        problem ??= $"line {Line(begin)}: a template is not closed";
                    }

                    at = Math.Min(at + 1, text.Length);
                    code.Append('`');
                    continue;
                }

                if (closeOnBrace && c == '}' && depth == 0)
                {
                    at++;
                    return;
                }

                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
                code.Append(c);
                at++;
            }

            if (closeOnBrace)
            {
                problem ??= $"line {Line(start)}: an interpolation ${{...}} is not closed";
            }
        }
    }

    [GeneratedRegex(@"\blog:print\w+\([^\n]*?[(,]\s*(?<key>msg|message|time|level)\s*=[^=]")]
    private static partial Regex ReservedLogKey();

    [GeneratedRegex(@"^import ballerina/(?<module>[\w.]+);", RegexOptions.Multiline)]
    private static partial Regex Import();
}
