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

        var code = string.Join('\n', lines.Where(l => !l.TrimStart().StartsWith("//", StringComparison.Ordinal) && !l.TrimStart().StartsWith('#')));
        code = StringsAndTemplates().Replace(code, "\"\"");
        Assert.Equal(code.Count(c => c == '{'), code.Count(c => c == '}'));
        Assert.Equal(code.Count(c => c == '('), code.Count(c => c == ')'));

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

    [GeneratedRegex("\"(?:[^\"\\\\]|\\\\.)*\"|`[^`]*`")]
    private static partial Regex StringsAndTemplates();

    [GeneratedRegex(@"\blog:print\w+\([^\n]*?[(,]\s*(?<key>msg|message|time|level)\s*=[^=]")]
    private static partial Regex ReservedLogKey();

    [GeneratedRegex(@"^import ballerina/(?<module>[\w.]+);", RegexOptions.Multiline)]
    private static partial Regex Import();
}
