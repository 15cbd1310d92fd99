using System.Text;

namespace SynapseToBal.Emit;

/// <summary>Accumulates indented lines of Ballerina (4 spaces per level, as <c>bal format</c> writes).</summary>
internal sealed class CodeWriter
{
    private readonly List<string> _lines = new();
    private int _indent;

    public IReadOnlyList<string> Output => _lines;

    public void Line(string text) => _lines.Add(text.Length == 0 ? string.Empty : new string(' ', _indent * 4) + text);

    public void Lines(IEnumerable<string> lines)
    {
        foreach (var line in lines)
        {
            Line(line);
        }
    }

    public void Open(string text)
    {
        Line(text);
        _indent++;
    }

    public void Close(string text = "}")
    {
        _indent--;
        Line(text);
    }

    /// <summary>Closes a block and opens the next one on the same line (<c>} else {</c>).</summary>
    public void Continue(string text)
    {
        _indent--;
        Line(text);
        _indent++;
    }

    public override string ToString()
    {
        var builder = new StringBuilder();
        foreach (var line in _lines)
        {
            builder.Append(line).Append('\n');
        }

        return builder.ToString();
    }
}
