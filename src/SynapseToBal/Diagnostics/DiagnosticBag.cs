using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using SynapseToBal.Syntax;

namespace SynapseToBal.Diagnostics;

/// <summary>Collects diagnostics from every stage. Nothing throws for bad user input; it lands here.</summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = new();

    /// <summary>The id, location and message of each diagnostic held, so the same one reported again is kept once.</summary>
    private readonly HashSet<(string Id, Location Location, string Message)> _keys = new();

    public IReadOnlyList<Diagnostic> Items => _items;

    public bool HasErrors => _items.Any(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>
    /// Reports a diagnostic; a long argument (an expression or value quoted from the input) is bounded (<see
    /// cref="DiagnosticText"/>). The same code at the same place with the same message, reported again (one flow lowered
    /// for two entry points, such as the main sequence run on the request and on the response), is kept once.
    /// </summary>
    public Diagnostic Report(DiagnosticDescriptor descriptor, SourceLocation? location, params object?[] args)
    {
        var diagnostic = Diagnostic.Create(descriptor, location?.ToLocation() ?? Location.None, DiagnosticText.Bound(args));
        Add(diagnostic);
        return diagnostic;
    }

    public void AddRange(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            Add(diagnostic);
        }
    }

    private void Add(Diagnostic diagnostic)
    {
        if (_keys.Add(Key(diagnostic)))
        {
            _items.Add(diagnostic);
        }
    }

    private static (string Id, Location Location, string Message) Key(Diagnostic diagnostic) =>
        (diagnostic.Id, diagnostic.Location, diagnostic.GetMessage(CultureInfo.InvariantCulture));

    /// <summary>
    /// Takes back the diagnostics a later stage found untrue for the package it generates (a secret it declares no
    /// configurable for, SB0212), or replaces each with what <paramref name="replacement"/> gives (null: removed).
    /// </summary>
    public void Revise(Func<Diagnostic, bool> match, Func<Diagnostic, Diagnostic?> replacement)
    {
        for (var i = _items.Count - 1; i >= 0; i--)
        {
            if (match(_items[i]))
            {
                if (replacement(_items[i]) is { } revised)
                {
                    _items[i] = revised;
                }
                else
                {
                    _items.RemoveAt(i);
                }
            }
        }

        _keys.Clear();
        _keys.UnionWith(_items.Select(Key));
    }

    /// <summary>Diagnostics in a stable order: by file, then position, then code.</summary>
    public IReadOnlyList<Diagnostic> Sorted() => _items
        .OrderBy(d => d.Location.GetLineSpan().Path, StringComparer.Ordinal)
        .ThenBy(d => d.Location.GetLineSpan().StartLinePosition.Line)
        .ThenBy(d => d.Location.GetLineSpan().StartLinePosition.Character)
        .ThenBy(d => d.Id, StringComparer.Ordinal)
        .ThenBy(d => d.GetMessage(CultureInfo.InvariantCulture), StringComparer.Ordinal)
        .ToList();

    /// <summary>Formats a diagnostic as <c>file(line,col): warning SB0201: message</c>, with paths relative to <paramref name="baseDirectory"/>.</summary>
    public static string Format(Diagnostic diagnostic, string? baseDirectory = null)
    {
        var severity = diagnostic.Severity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            _ => "info",
        };
        var message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
        var span = diagnostic.Location.GetLineSpan();
        if (!span.IsValid || string.IsNullOrEmpty(span.Path))
        {
            return $"{severity} {diagnostic.Id}: {message}";
        }

        var path = baseDirectory is null ? span.Path : Path.GetRelativePath(baseDirectory, span.Path);
        path = path.Replace('\\', '/');
        var start = span.StartLinePosition;
        return $"{path}({start.Line + 1},{start.Character + 1}): {severity} {diagnostic.Id}: {message}";
    }

    /// <summary>
    /// <see cref="Format"/> as one console line: a line break or other control character in the message or the path
    /// (a multi-line expression, a name from the input) is written as its escape (<c>\n</c>, <c>\u0085</c>), so that a
    /// name can never start a line that looks like another diagnostic, and each diagnostic is one line.
    /// </summary>
    public static string FormatLine(Diagnostic diagnostic, string? baseDirectory = null)
    {
        var text = Format(diagnostic, baseDirectory);
        if (!text.Any(c => char.IsControl(c) && c != '\t' || c is '\u2028' or '\u2029'))
        {
            return text;
        }

        var line = new System.Text.StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            _ = c switch
            {
                '\n' => line.Append("\\n"),
                '\r' => line.Append("\\r"),
                '\t' => line.Append(c),
                _ when char.IsControl(c) || c is '\u2028' or '\u2029' => line.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}"),
                _ => line.Append(c),
            };
        }

        return line.ToString();
    }
}
