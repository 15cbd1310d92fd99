using System.Text;

namespace SynapseToBal.Emit;

/// <summary>One line of a generated body: its text, indented relative to the body, or verbatim (a continuation line of an XML template, whose indentation is content).</summary>
public sealed record BodyLine(string Text, bool Verbatim);

/// <summary>Accumulates indented lines of Ballerina (4 spaces per level, as <c>bal format</c> writes).</summary>
internal sealed class CodeWriter
{
    private readonly List<string> _lines = new();
    private readonly HashSet<int> _verbatim = new();
    private int _indent;

    public IReadOnlyList<string> Output => _lines;

    /// <summary>The lines for a template to place inside a block (it adds the block's own indentation to all but verbatim lines).</summary>
    public IReadOnlyList<BodyLine> Body => _lines.Select((line, index) => new BodyLine(line, _verbatim.Contains(index))).ToList();

    /// <summary>Adds a line; text with line breaks becomes several lines, each indented at the current level.</summary>
    public void Line(string text)
    {
        foreach (var line in text.Split('\n'))
        {
            _lines.Add(line.Length == 0 ? string.Empty : new string(' ', _indent * 4) + line);
        }
    }

    /// <summary>
    /// Adds a <c>//</c> note (one line of prose, never code), word-wrapped so that it ends near column
    /// <see cref="Refine.BallerinaSyntax.CommentColumns"/> inside a resource function's body (two levels in), the deepest
    /// place a body starts at.
    /// </summary>
    public void Note(string text)
    {
        foreach (var line in Refine.BallerinaSyntax.WrapComment(text, Refine.BallerinaSyntax.CommentColumns - BodyIndent - (_indent * 4) - 3))
        {
            Line("// " + line);
        }
    }

    /// <summary>The indentation a template adds to a body's lines, at most (a resource function's body in its service).</summary>
    private const int BodyIndent = 8;

    /// <summary>Adds text whose line breaks are content (an XML template): only the first line is indented.</summary>
    public void Verbatim(string text)
    {
        var lines = text.Split('\n');
        _lines.Add(new string(' ', _indent * 4) + lines[0]);
        foreach (var line in lines.Skip(1))
        {
            _verbatim.Add(_lines.Count);
            _lines.Add(line);
        }
    }

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
