using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace SynapseToBal.Syntax;

/// <summary>Where a node came from: the file, its character span and its line/column span.</summary>
public sealed record SourceLocation(string Path, TextSpan Span, LinePositionSpan LineSpan)
{
    public static SourceLocation FileStart(string path) =>
        new(path, new TextSpan(0, 0), new LinePositionSpan(LinePosition.Zero, LinePosition.Zero));

    public int Line => LineSpan.Start.Line + 1;

    public Location ToLocation() => Location.Create(Path, Span, LineSpan);

    public override string ToString() => $"{Path}({Line},{LineSpan.Start.Character + 1})";
}

/// <summary>Source positions attached to every element the loader builds.</summary>
internal sealed class ElementSpan
{
    public ElementSpan(int start, int end) => (Start, End) = (start, end);

    public int Start { get; }

    public int End { get; }
}
