using System.Globalization;
using Humanizer;
using Microsoft.CodeAnalysis;
using SynapseToBal.Diagnostics;
using SynapseToBal.Refine;

namespace SynapseToBal.Emit;

/// <summary>
/// MIGRATION.md beside the generated package: one row per diagnostic (every TODO in the code has one), and a
/// count per code, so a developer sees at a glance what is left to finish.
/// </summary>
public static class MigrationReport
{
    public const string FileName = "MIGRATION.md";

    public static GeneratedFile Render(TemplateRenderer renderer, IReadOnlyList<Diagnostic> diagnostics, string sourceRoot, string sourceName, int artifacts, int documents)
    {
        var rows = diagnostics
            .Select(d => new
            {
                Severity = d.Severity switch
                {
                    DiagnosticSeverity.Error => "error",
                    DiagnosticSeverity.Warning => "warning",
                    _ => "info",
                },
                Code = d.Id,
                Location = Cell(Where(d, sourceRoot)),
                Message = Cell(d.GetMessage(CultureInfo.InvariantCulture)),
            })
            .ToList();
        var titles = DiagnosticCatalog.All.ToDictionary(
            d => d.Id,
            d => System.Text.RegularExpressions.Regex.Replace(d.MessageFormat.ToString(CultureInfo.InvariantCulture), @"\{\d+\}", "…"),
            StringComparer.Ordinal);
        var codes = diagnostics
            .GroupBy(d => d.Id, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new { Id = g.Key, Count = g.Count(), Title = Cell(titles.GetValueOrDefault(g.Key, g.Key)) })
            .ToList();
        var text = renderer.Render("MIGRATION.md.sbn", new { Source = Cell(sourceName), Artifacts = "artifact".ToQuantity(artifacts), Documents = "file".ToQuantity(documents), Codes = codes, Rows = rows });
        return new GeneratedFile(FileName, text);
    }

    private static string Where(Diagnostic diagnostic, string sourceRoot)
    {
        var span = diagnostic.Location.GetLineSpan();
        if (!span.IsValid || string.IsNullOrEmpty(span.Path))
        {
            return "(project)";
        }

        var path = Path.GetRelativePath(sourceRoot, span.Path).Replace('\\', '/');
        return string.Create(CultureInfo.InvariantCulture, $"{path}:{span.StartLinePosition.Line + 1}:{span.StartLinePosition.Character + 1}");
    }

    /// <summary>Text safe inside a Markdown table cell.</summary>
    private static string Cell(string text) =>
        BallerinaSyntax.CommentText(text).Replace("|", "\\|", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}
