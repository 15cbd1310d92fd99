using System.Text;
using DiffPlex;

namespace SynapseToBal.Output;

/// <summary>A conflict in a merged text: the 1-based lines of its markers, first and last included.</summary>
public sealed record MergeConflict(int StartLine, int EndLine);

/// <summary>The merged text and its conflicts (none for a clean merge).</summary>
public sealed record MergeResult(string Text, IReadOnlyList<MergeConflict> Conflicts)
{
    public bool IsClean => Conflicts.Count == 0;
}

/// <summary>
/// A line-based three-way merge, as <c>git merge-file</c> does: the changes from <c>base</c> to <c>ours</c> and from
/// <c>base</c> to <c>theirs</c> are both applied; where they touch the same or adjacent lines of the base and differ,
/// both versions are kept between conflict markers. Lines keep their own line ends.
/// </summary>
public static class ThreeWayMerge
{
    private static readonly Differ Diff = new();

    public static MergeResult Merge(string @base, string ours, string theirs, string oursLabel = "yours", string theirsLabel = "generated")
    {
        var baseLines = Lines(@base);
        var ourLines = Lines(ours);
        var theirLines = Lines(theirs);
        var hunks = Hunks(@base, ours, Side.Ours).Concat(Hunks(@base, theirs, Side.Theirs))
            .OrderBy(h => h.BaseStart).ThenBy(h => h.BaseEnd).ThenBy(h => h.Side).ToList();

        var output = new StringBuilder();
        var outputLine = 1;
        var conflicts = new List<MergeConflict>();
        var position = 0;
        var index = 0;
        while (index < hunks.Count)
        {
            var group = new List<Hunk> { hunks[index] };
            var start = hunks[index].BaseStart;
            var end = hunks[index].BaseEnd;
            index++;
            while (index < hunks.Count && hunks[index].BaseStart <= end && (hunks[index].BaseStart < end || group.Any(h => h.Side != hunks[index].Side) || hunks[index].BaseStart == hunks[index].BaseEnd))
            {
                end = Math.Max(end, hunks[index].BaseEnd);
                group.Add(hunks[index]);
                index++;
            }

            for (; position < start; position++)
            {
                Append(baseLines[position]);
            }

            var ourVersion = Version(baseLines, ourLines, group.Where(h => h.Side == Side.Ours), start, end);
            var theirVersion = Version(baseLines, theirLines, group.Where(h => h.Side == Side.Theirs), start, end);
            if (!group.Any(h => h.Side == Side.Theirs) || ourVersion.SequenceEqual(theirVersion, StringComparer.Ordinal))
            {
                ourVersion.ForEach(Append);
            }
            else if (!group.Any(h => h.Side == Side.Ours))
            {
                theirVersion.ForEach(Append);
            }
            else
            {
                var first = outputLine;
                Append($"<<<<<<< {oursLabel}\n");
                ourVersion.ForEach(l => Append(Terminated(l)));
                Append("=======\n");
                theirVersion.ForEach(l => Append(Terminated(l)));
                Append($">>>>>>> {theirsLabel}\n");
                conflicts.Add(new MergeConflict(first, outputLine - 1));
            }

            position = end;
        }

        for (; position < baseLines.Count; position++)
        {
            Append(baseLines[position]);
        }

        return new MergeResult(output.ToString(), conflicts);

        void Append(string line)
        {
            output.Append(line);
            if (line.EndsWith('\n'))
            {
                outputLine++;
            }
        }
    }

    /// <summary>The text split into lines, each with its line end (the last may have none).</summary>
    public static List<string> Lines(string text) => [.. new LineKeepingChunker().Chunk(text)];

    private static string Terminated(string line) => line.EndsWith('\n') ? line : line + "\n";

    private enum Side
    {
        Ours,
        Theirs,
    }

    /// <summary>Base lines [BaseStart, BaseEnd) were replaced by the other text's lines [OtherStart, OtherEnd).</summary>
    private sealed record Hunk(Side Side, int BaseStart, int BaseEnd, int OtherStart, int OtherEnd);

    private static IEnumerable<Hunk> Hunks(string @base, string other, Side side) =>
        Diff.CreateDiffs(@base, other, ignoreWhiteSpace: false, ignoreCase: false, new LineKeepingChunker()).DiffBlocks
            .Select(b => new Hunk(side, b.DeleteStartA, b.DeleteStartA + b.DeleteCountA, b.InsertStartB, b.InsertStartB + b.InsertCountB));

    /// <summary>One side's text for base lines [start, end): the base with that side's hunks applied.</summary>
    private static List<string> Version(List<string> baseLines, List<string> otherLines, IEnumerable<Hunk> hunks, int start, int end)
    {
        var result = new List<string>();
        var cursor = start;
        foreach (var hunk in hunks)
        {
            for (; cursor < hunk.BaseStart; cursor++)
            {
                result.Add(baseLines[cursor]);
            }

            for (var i = hunk.OtherStart; i < hunk.OtherEnd; i++)
            {
                result.Add(otherLines[i]);
            }

            cursor = hunk.BaseEnd;
        }

        for (; cursor < end; cursor++)
        {
            result.Add(baseLines[cursor]);
        }

        return result;
    }

    /// <summary>Splits a text after each <c>\n</c>, so a line keeps its end and a missing final line end is a difference.</summary>
    private sealed class LineKeepingChunker : IChunker
    {
        public IReadOnlyList<string> Chunk(string text)
        {
            var lines = new List<string>();
            var start = 0;
            while (start < text.Length)
            {
                var end = text.IndexOf('\n', start);
                end = end < 0 ? text.Length : end + 1;
                lines.Add(text[start..end]);
                start = end;
            }

            return [.. lines];
        }
    }
}
