namespace SynapseToBal.Emit;

/// <summary>
/// The text of each construct of <c>main.bal</c> (a service) and <c>functions.bal</c> (a function) as the emitter
/// joined it into its file, with the source file the construct came from, in the file's order. A file rendered twice
/// (its XML namespace prefixes chosen after a first render) is recorded twice; a reader that locates the texts in the
/// final file finds the second list missing and uses none of it. Safe to call from the threads that render files in
/// parallel (each file is rendered on one thread, so each file's list keeps its order).
/// </summary>
public sealed class SectionCollector
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<(string Origin, string Text)>> _byFile = new(StringComparer.Ordinal);

    internal void Record(string file, string origin, string text)
    {
        lock (_gate)
        {
            if (!_byFile.TryGetValue(file, out var list))
            {
                _byFile[file] = list = [];
            }

            list.Add((origin, text));
        }
    }

    /// <summary>Forgets every recorded construct (their texts are large; the caller has read what it needed).</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _byFile.Clear();
        }
    }

    /// <summary>The constructs recorded for a generated file, in render order (empty when none).</summary>
    public IReadOnlyList<(string Origin, string Text)> Of(string file)
    {
        lock (_gate)
        {
            return _byFile.TryGetValue(file, out var list) ? [.. list] : [];
        }
    }
}
