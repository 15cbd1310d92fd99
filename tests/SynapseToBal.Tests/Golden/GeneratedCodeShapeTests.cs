using System.Text.RegularExpressions;
using Xunit;

namespace SynapseToBal.Tests.Golden;

/// <summary>
/// Structural rules every generated .bal file must keep (checked over all golden outputs), for mistakes a
/// text comparison would happily accept once: documentation that is attached to nothing, unbalanced braces,
/// imports that are never used.
/// </summary>
public sealed partial class GeneratedCodeShapeTests
{
    public static TheoryData<string> BalFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(TestPaths.Cases, "*.bal", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(TestPaths.Cases, file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(BalFiles))]
    public void Generated_file_is_well_shaped(string relative)
    {
        var lines = File.ReadAllLines(Path.Combine(TestPaths.Cases, relative));
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimStart();
            if (line.StartsWith('#'))
            {
                // A documentation line is followed by more documentation or by the construct it documents.
                Assert.True(i + 1 < lines.Length, $"{relative}:{i + 1}: documentation at the end of the file");
                var next = lines[i + 1].TrimStart();
                Assert.False(next.Length == 0 || next.StartsWith("//", StringComparison.Ordinal), $"{relative}:{i + 1}: documentation not attached to a construct");
            }
        }

        var code = string.Join('\n', lines.Where(l => !l.TrimStart().StartsWith("//", StringComparison.Ordinal) && !l.TrimStart().StartsWith('#')));
        code = StringsAndTemplates().Replace(code, "\"\"");
        Assert.Equal(code.Count(c => c == '{'), code.Count(c => c == '}'));
        Assert.Equal(code.Count(c => c == '('), code.Count(c => c == ')'));

        foreach (Match import in Import().Matches(code))
        {
            var prefix = import.Groups["module"].Value.Split('.')[^1];
            Assert.True(Regex.IsMatch(code, $@"\b{Regex.Escape(prefix)}:"), $"{relative}: import of {import.Groups["module"].Value} is never used");
        }
    }

    [GeneratedRegex("\"(?:[^\"\\\\]|\\\\.)*\"|`[^`]*`")]
    private static partial Regex StringsAndTemplates();

    [GeneratedRegex(@"^import ballerina/(?<module>[\w.]+);", RegexOptions.Multiline)]
    private static partial Regex Import();
}
