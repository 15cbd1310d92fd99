using System.Text;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace SynapseToBal.Tests.Golden;

/// <summary>
/// The golden-file harness: compares generated text with expected files kept beside the inputs.
/// Set <c>SYNAPSE2BAL_UPDATE_GOLDEN=1</c> to rewrite the expected files; the run still fails so that an
/// update is never mistaken for a pass. Updating is refused when <c>CI</c> is set.
/// </summary>
public static class GoldenFiles
{
    public const string UpdateVariable = "SYNAPSE2BAL_UPDATE_GOLDEN";

    public static bool UpdateRequested => Environment.GetEnvironmentVariable(UpdateVariable) is "1" or "true";

    private static bool OnCi => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));

    /// <summary>
    /// Compares <paramref name="actual"/> (relative path → content) with the files under
    /// <paramref name="expectedDirectory"/>; every expected file must be produced and every produced file expected.
    /// </summary>
    public static void AssertDirectory(string expectedDirectory, IReadOnlyDictionary<string, string> actual)
    {
        if (UpdateRequested)
        {
            if (OnCi)
            {
                throw new GoldenMismatchException($"{UpdateVariable} is set, but expected files are never rewritten when CI is set.");
            }

            Rewrite(expectedDirectory, actual);
            throw new GoldenMismatchException($"Expected files under {expectedDirectory} were rewritten ({UpdateVariable} is set). Review the change and run again without it.");
        }

        var failures = new StringBuilder();
        var expectedFiles = Directory.Exists(expectedDirectory)
            ? Directory.EnumerateFiles(expectedDirectory, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(expectedDirectory, f).Replace('\\', '/'))
                .ToHashSet(StringComparer.Ordinal)
            : new HashSet<string>(StringComparer.Ordinal);
        foreach (var (path, content) in actual.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (!expectedFiles.Remove(path))
            {
                failures.AppendLine($"--- {path}: no expected file (run with {UpdateVariable}=1 to create it)");
                continue;
            }

            var expected = Normalize(File.ReadAllText(Path.Combine(expectedDirectory, path)));
            var generated = Normalize(content);
            if (!string.Equals(expected, generated, StringComparison.Ordinal))
            {
                failures.AppendLine($"--- {path} differs from the expected file (- expected, + generated):");
                failures.AppendLine(Diff(expected, generated));
            }
        }

        foreach (var missing in expectedFiles.Order(StringComparer.Ordinal))
        {
            failures.AppendLine($"--- {missing}: expected but not generated");
        }

        if (failures.Length > 0)
        {
            throw new GoldenMismatchException($"Golden mismatch in {expectedDirectory}:\n{failures}");
        }
    }

    /// <summary>A readable line diff with a few lines of context around each change.</summary>
    public static string Diff(string expected, string actual, int context = 3)
    {
        var model = InlineDiffBuilder.Diff(expected, actual, ignoreWhiteSpace: false);
        var lines = model.Lines;
        var show = new bool[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Type is ChangeType.Inserted or ChangeType.Deleted or ChangeType.Modified)
            {
                for (var j = Math.Max(0, i - context); j <= Math.Min(lines.Count - 1, i + context); j++)
                {
                    show[j] = true;
                }
            }
        }

        var builder = new StringBuilder();
        var skipped = false;
        for (var i = 0; i < lines.Count; i++)
        {
            if (!show[i])
            {
                skipped = true;
                continue;
            }

            if (skipped)
            {
                builder.AppendLine("  ...");
                skipped = false;
            }

            var marker = lines[i].Type switch
            {
                ChangeType.Inserted => "+ ",
                ChangeType.Deleted => "- ",
                _ => "  ",
            };
            builder.Append(marker).AppendLine(lines[i].Text);
        }

        return builder.ToString();
    }

    private static void Rewrite(string expectedDirectory, IReadOnlyDictionary<string, string> actual)
    {
        if (Directory.Exists(expectedDirectory))
        {
            Directory.Delete(expectedDirectory, recursive: true);
        }

        foreach (var (path, content) in actual)
        {
            var target = Path.Combine(expectedDirectory, path);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllText(target, Normalize(content), new UTF8Encoding(false));
        }
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);
}

public sealed class GoldenMismatchException(string message) : Exception(message);
