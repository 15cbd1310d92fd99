using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using SynapseToBal.Diagnostics;
using SynapseToBal.Emit;
using SynapseToBal.Report;

namespace SynapseToBal.Output;

/// <summary>
/// What a spliced run gives the CLI in place of a whole conversion's result: the migration report, the diagnostics (as
/// a whole conversion reports them), the counts of the summary line and the templates to render the report with.
/// </summary>
public sealed record SplicedReport(
    MigrationReportData Report,
    IReadOnlyList<Diagnostic> Diagnostics,
    int ArtifactCount,
    int DocumentCount,
    string SourceRoot,
    TemplateRenderer Renderer);

/// <summary>
/// The report half of a splice (<c>docs/design.md</c>, "Reports of a spliced run"): the last whole conversion's report,
/// each artifact's share of its totals and its diagnostics are kept in the record; a splice replaces the changed API's
/// row, share, TODO links and graph node status with those of the slice's conversion and recombines the totals. Every
/// piece the record keeps is checked, when it is written, to rebuild exactly what the conversion reported; a record
/// where one does not keeps no report, and then nothing is spliced.
/// </summary>
internal static partial class ArtifactSplice
{
    /// <summary>A diagnostic as the record keeps it: its path relative to the input folder (null: no location).</summary>
    internal sealed record StoredDiagnostic(string Id, DiagnosticSeverity Severity, string? Path, int Start, int Length, int StartLine, int StartCharacter, int EndLine, int EndCharacter, string Message);

    /// <param name="Json">The report as <c>migration_report.json</c> holds it.</param>
    /// <param name="Shares">Each artifact's share of the totals, in the order of the report's rows.</param>
    /// <param name="SourceRoot">The conversion's source root, relative to the input folder.</param>
    internal sealed record ReportRecord(string Json, IReadOnlyList<ArtifactShare> Shares, IReadOnlyList<StoredDiagnostic> Diagnostics, int ArtifactCount, int DocumentCount, string SourceRoot);

    /// <summary>The report part of a record, or null when one of its pieces does not read back as the conversion reported it.</summary>
    private static ReportRecord? BuildReport(Driver.ConversionResult result, string input)
    {
        try
        {
            return TryBuildReport(result, input);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return null; // a path that does not go back and forth: no report kept, nothing spliced
        }
    }

    private static ReportRecord? TryBuildReport(Driver.ConversionResult result, string input)
    {
        if (result.Report is not { } report || result.ReportShares.Length != report.Artifacts.Length)
        {
            return null;
        }

        var json = ReportWriter.ToJson(report);
        if (ReportWriter.FromJson(json) is not { } read || ReportWriter.ToJson(read) != json
            || !MigrationReportBuilder.SameTotals(MigrationReportBuilder.Recombine(report, result.ReportShares), report))
        {
            return null;
        }

        var stored = new List<StoredDiagnostic>(result.Diagnostics.Count);
        foreach (var diagnostic in result.Diagnostics)
        {
            var span = diagnostic.Location.GetLineSpan();
            var path = diagnostic.Location.Kind == LocationKind.None || string.IsNullOrEmpty(span.Path) ? null : Path.GetRelativePath(input, span.Path).Replace('\\', '/');
            stored.Add(new StoredDiagnostic(diagnostic.Id, diagnostic.Severity, path, diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length,
                span.StartLinePosition.Line, span.StartLinePosition.Character, span.EndLinePosition.Line, span.EndLinePosition.Character, diagnostic.GetMessage(CultureInfo.InvariantCulture)));
        }

        // Each diagnostic must come back as the conversion reported it (code, severity, message, place).
        var back = Diagnostics(stored, input);
        if (back is null || back.Count != result.Diagnostics.Count || !back.Zip(result.Diagnostics).All(p => Same(p.First, p.Second)))
        {
            return null;
        }

        var sourceRoot = Path.GetRelativePath(input, result.SourceRoot).Replace('\\', '/');
        if (Path.GetFullPath(Path.Combine(input, sourceRoot)) != Path.GetFullPath(result.SourceRoot))
        {
            return null;
        }

        return new ReportRecord(json, result.ReportShares, stored, result.ArtifactCount, result.Documents.Length, sourceRoot);
    }

    private static bool Same(Diagnostic a, Diagnostic b) =>
        a.Id == b.Id && a.Severity == b.Severity && a.Location.Kind == b.Location.Kind
        && a.GetMessage(CultureInfo.InvariantCulture) == b.GetMessage(CultureInfo.InvariantCulture)
        && a.Location.GetLineSpan().Equals(b.Location.GetLineSpan()) && a.Location.SourceSpan == b.Location.SourceSpan;

    /// <summary>The stored diagnostics as diagnostics of the catalogue's codes, located in the input folder; null when a code is not in the catalogue.</summary>
    private static List<Diagnostic>? Diagnostics(IReadOnlyList<StoredDiagnostic> stored, string input)
    {
        var catalog = DiagnosticCatalog.All.ToDictionary(d => d.Id, StringComparer.Ordinal);
        var descriptors = new Dictionary<(string, DiagnosticSeverity), DiagnosticDescriptor>();
        var list = new List<Diagnostic>(stored.Count);
        foreach (var d in stored)
        {
            if (!catalog.TryGetValue(d.Id, out var known))
            {
                return null;
            }

            // The message is kept formatted: the descriptor's format only passes it through.
            if (!descriptors.TryGetValue((d.Id, d.Severity), out var descriptor))
            {
                descriptors[(d.Id, d.Severity)] = descriptor = new DiagnosticDescriptor(d.Id, known.Title, "{0}", known.Category, d.Severity, known.IsEnabledByDefault, known.Description, known.HelpLinkUri, [.. known.CustomTags]);
            }

            var location = d.Path is null
                ? Location.None
                : Location.Create(Path.GetFullPath(Path.Combine(input, d.Path)), new TextSpan(d.Start, d.Length), new LinePositionSpan(new LinePosition(d.StartLine, d.StartCharacter), new LinePosition(d.EndLine, d.EndCharacter)));
            list.Add(Diagnostic.Create(descriptor, location, DiagnosticText.Bound(d.Message)));
        }

        return list;
    }

    /// <summary>A whole conversion's TODO links, rows and graph after the splice; null when the slice cannot show them.</summary>
    private static ReportRecord? SpliceReport(
        ReportRecord previous,
        string input,
        string path,
        SliceConversion before,
        SliceConversion after,
        Record record,
        IReadOnlyDictionary<string, (string OldText, string NewText)> texts,
        IReadOnlyDictionary<string, (List<(string Origin, int Start, int Length)> Old, List<(string Origin, int Start, int Length)> New)> own,
        ArtifactRecord artifact,
        IReadOnlyList<Section> nextSections,
        out MigrationReportData? spliced)
    {
        spliced = null;
        if (ReportWriter.FromJson(previous.Json) is not { } report || before.Report is not { } oldSlice || after.Report is not { } newSlice
            || before.Shares.Length != oldSlice.Artifacts.Length || after.Shares.Length != newSlice.Artifacts.Length)
        {
            return null;
        }

        // The changed API's row: one in the whole report, one in each slice report, the slice's previous row and share
        // exactly the whole's (the slice computes the API's part as the whole did).
        var sourceRoot = Path.GetFullPath(Path.Combine(input, previous.SourceRoot));
        var source = MigrationReportBuilder.Relative(sourceRoot, Path.GetFullPath(Path.Combine(input, path)));
        if (Single(report.Artifacts, source) is not { } row || Single(oldSlice.Artifacts, source) is not { } oldRow || Single(newSlice.Artifacts, source) is not { } newRow
            || report.Artifacts[row] != oldSlice.Artifacts[oldRow] || !SameShare(previous.Shares[row], before.Shares[oldRow]))
        {
            return null;
        }

        // The API's references: the same targets before and after, and as in the whole graph, so no node is numbered otherwise.
        var edges = Edges(report.Graph, row);
        if (!edges.SequenceEqual(Edges(oldSlice.Graph, oldRow)) || !edges.SequenceEqual(Edges(newSlice.Graph, newRow)))
        {
            return null;
        }

        // The TODO links: those inside the API's sections come from the slice, the others move with the text before them.
        var links = new List<TodoLink>(report.Todos.Length);
        var oldInside = new List<TodoLink>();
        var newInside = new List<TodoLink>();
        var outside = new List<TodoLink>();
        var byFile = report.Todos.ToLookup(t => t.GeneratedFile, StringComparer.Ordinal);
        if (report.Todos.Any(t => record.Files.All(f => f.Path != t.GeneratedFile)))
        {
            return null;
        }

        foreach (var (file, _) in record.Files)
        {
            var fileLinks = byFile[file].ToList();
            var oldSections = artifact.Sections.Where(s => s.File == file).ToList();
            if (oldSections.Count == 0)
            {
                links.AddRange(fileLinks);
                outside.AddRange(fileLinks);
                continue;
            }

            if (!texts.TryGetValue(file, out var text))
            {
                return null;
            }

            var newSections = nextSections.Where(s => s.File == file).ToList();
            var oldRanges = Lines(text.OldText, oldSections);
            var newRanges = Lines(text.NewText, newSections);
            if (oldRanges is null || newRanges is null || oldRanges.Count != newRanges.Count)
            {
                return null;
            }

            // Inside the sections: the whole's previous links must be the slice's previous ones, line for line.
            List<TodoLink>? sliceOld = null;
            List<TodoLink>? sliceNew = null;
            if (own.TryGetValue(file, out var ranges))
            {
                sliceOld = Within(oldSlice.Todos, file, before.Files, ranges.Old, oldRanges);
                sliceNew = Within(newSlice.Todos, file, after.Files, ranges.New, newRanges);
                if (sliceOld is null || sliceNew is null)
                {
                    return null;
                }
            }

            var wholeOld = new List<TodoLink>();
            var unchanged = new List<TodoLink>();
            var moved = new List<TodoLink>();
            foreach (var link in fileLinks)
            {
                var k = oldRanges.FindIndex(r => link.GeneratedLine >= r.First && link.GeneratedLine <= r.Last);
                if (k >= 0)
                {
                    wholeOld.Add(link);
                    unchanged.Add(link with { GeneratedLine = link.GeneratedLine - oldRanges[k].First + newRanges[k].First });
                    continue;
                }

                // Moved by the change in line count of the sections before it.
                var shift = 0;
                for (var j = 0; j < oldRanges.Count && oldRanges[j].Last < link.GeneratedLine; j++)
                {
                    shift += (newRanges[j].Last - newRanges[j].First) - (oldRanges[j].Last - oldRanges[j].First);
                }

                moved.Add(link with { GeneratedLine = link.GeneratedLine + shift });
                outside.Add(link);
            }

            if (sliceOld is not null && !wholeOld.SequenceEqual(sliceOld))
            {
                return null;
            }

            oldInside.AddRange(wholeOld);
            var inside = sliceNew ?? unchanged;
            newInside.AddRange(inside);
            links.AddRange(moved.Concat(inside).OrderBy(l => l.GeneratedLine));
        }

        // A TODO is matched to what it stands for by its code and text over the whole package: the API's TODOs are
        // matched alike in the slice and the whole only when no TODO and no diagnostic elsewhere has one of their codes.
        var codes = oldInside.Concat(newInside).Select(l => l.Code).ToHashSet(StringComparer.Ordinal);
        if (outside.Any(l => codes.Contains(l.Code))
            || oldInside.Concat(newInside).Any(l => l.SourceFile != source)
            || previous.Diagnostics.Any(d => codes.Contains(d.Id) && d.Path != path)
            || report.Artifacts[row].Todos - oldInside.Count != newSlice.Artifacts[newRow].Todos - newInside.Count)
        {
            return null;
        }

        var nodes = report.Graph.Nodes.SetItem(row, report.Graph.Nodes[row] with { Status = newSlice.Artifacts[newRow].Status });
        var shares = previous.Shares.ToArray();
        shares[row] = after.Shares[newRow];
        spliced = MigrationReportBuilder.Recombine(
            report with { Artifacts = report.Artifacts.SetItem(row, newSlice.Artifacts[newRow]), Todos = [.. links], Graph = report.Graph with { Nodes = nodes } },
            shares);
        return previous with { Json = ReportWriter.ToJson(spliced), Shares = shares };
    }

    private static int? Single(ImmutableArray<ArtifactReport> rows, string source)
    {
        int? found = null;
        for (var i = 0; i < rows.Length; i++)
        {
            if (rows[i].Source == source)
            {
                if (found is not null)
                {
                    return null;
                }

                found = i;
            }
        }

        return found;
    }

    private static bool SameShare(ArtifactShare a, ArtifactShare b) =>
        a.WeightUnits == b.WeightUnits && a.WeightUnitsInTodos == b.WeightUnitsInTodos && a.Unsupported.Length == b.Unsupported.Length
        && a.Unsupported.Zip(b.Unsupported).All(p => p.First.Element == p.Second.Element && p.First.Count == p.Second.Count && p.First.Weight == p.Second.Weight && p.First.Codes.SequenceEqual(p.Second.Codes, StringComparer.Ordinal));

    /// <summary>The artifact's edges, each target as its kind and name (node ids depend on the whole graph).</summary>
    private static List<(string, string, string)> Edges(ReportGraph graph, int node)
    {
        var id = graph.Nodes[node].Id;
        var byId = graph.Nodes.ToDictionary(n => n.Id, StringComparer.Ordinal);
        return [.. graph.Edges.Where(e => e.From == id).Select(e => (byId[e.To].Kind, byId[e.To].Name, e.Kind))];
    }

    /// <summary>The first and last line (1-based) of each section, when each starts and ends at a line's bounds; null otherwise.</summary>
    private static List<(int First, int Last)>? Lines(string text, IEnumerable<Section> sections) =>
        Lines(text, sections.Select(s => (s.Start, s.Length)));

    private static List<(int First, int Last)>? Lines(string text, IEnumerable<(int Start, int Length)> sections)
    {
        var result = new List<(int, int)>();
        var line = 1;
        var at = 0;
        foreach (var (start, length) in sections)
        {
            var end = start + length;
            if (length == 0 || start < at || end > text.Length || (start > 0 && text[start - 1] != '\n') || !(end == text.Length || text[end] == '\n' || text[end - 1] == '\n'))
            {
                return null;
            }

            line += Count(text, at, start);
            var first = line;
            line += Count(text, start, end - 1);
            result.Add((first, line));
            at = end - 1;
        }

        return result;
    }

    private static int Count(string text, int from, int to)
    {
        var count = 0;
        for (var i = from; i < to; i++)
        {
            if (text[i] == '\n')
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>The slice report's links inside the API's sections of a file, renumbered to the whole file's lines of the same sections; null when the sections are not at line bounds.</summary>
    private static List<TodoLink>? Within(ImmutableArray<TodoLink> todos, string file, IReadOnlyList<GeneratedFile> files, List<(string Origin, int Start, int Length)> ranges, List<(int First, int Last)> whole)
    {
        if (files.FirstOrDefault(f => f.RelativePath == file) is not { } generated || Lines(generated.Content, ranges.Select(r => (r.Start, r.Length))) is not { } lines || lines.Count != whole.Count)
        {
            return null;
        }

        var result = new List<TodoLink>();
        foreach (var link in todos.Where(t => t.GeneratedFile == file))
        {
            var k = lines.FindIndex(r => link.GeneratedLine >= r.First && link.GeneratedLine <= r.Last);
            if (k >= 0)
            {
                result.Add(link with { GeneratedLine = link.GeneratedLine - lines[k].First + whole[k].First });
            }
        }

        return result;
    }

    private static void WriteReport(Utf8JsonWriter writer, ReportRecord report)
    {
        writer.WriteStartObject("report");
        writer.WriteNumber("artifactCount", report.ArtifactCount);
        writer.WriteNumber("documentCount", report.DocumentCount);
        writer.WriteString("sourceRoot", report.SourceRoot);
        writer.WriteStartArray("shares");
        foreach (var share in report.Shares)
        {
            writer.WriteStartArray();
            writer.WriteNumberValue(share.WeightUnits);
            writer.WriteNumberValue(share.WeightUnitsInTodos);
            writer.WriteStartArray();
            foreach (var element in share.Unsupported)
            {
                writer.WriteStartArray();
                writer.WriteStringValue(element.Element);
                writer.WriteNumberValue(element.Count);
                writer.WriteNumberValue(element.Weight);
                foreach (var code in element.Codes)
                {
                    writer.WriteStringValue(code);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndArray();
            writer.WriteEndArray();
            FlushIfFull(writer);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("diagnostics");
        foreach (var d in report.Diagnostics)
        {
            writer.WriteStartArray();
            writer.WriteStringValue(d.Id);
            writer.WriteNumberValue((int)d.Severity);
            if (d.Path is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                writer.WriteStringValue(d.Path);
            }

            foreach (var n in new[] { d.Start, d.Length, d.StartLine, d.StartCharacter, d.EndLine, d.EndCharacter })
            {
                writer.WriteNumberValue(n);
            }

            writer.WriteStringValue(d.Message);
            writer.WriteEndArray();
            FlushIfFull(writer);
        }

        writer.WriteEndArray();

        // The report's JSON is one string value: the writer holds it whole (escaped) however often it is flushed.
        writer.Flush();
        writer.WriteString("json", report.Json);
        writer.WriteEndObject();
    }

    private static ReportRecord ReadReport(JsonElement element)
    {
        var shares = element.GetProperty("shares").EnumerateArray().Select(s => new ArtifactShare(
            s[0].GetInt32(),
            s[1].GetInt32(),
            [.. s[2].EnumerateArray().Select(u => new UnsupportedElement(u[0].GetString()!, u[1].GetInt32(), u[2].GetInt32(), [.. u.EnumerateArray().Skip(3).Select(c => c.GetString()!)]))])).ToList();
        var diagnostics = element.GetProperty("diagnostics").EnumerateArray().Select(d => new StoredDiagnostic(
            d[0].GetString()!,
            (DiagnosticSeverity)d[1].GetInt32(),
            d[2].ValueKind == JsonValueKind.Null ? null : d[2].GetString(),
            d[3].GetInt32(), d[4].GetInt32(), d[5].GetInt32(), d[6].GetInt32(), d[7].GetInt32(), d[8].GetInt32(),
            d[9].GetString()!)).ToList();
        return new ReportRecord(element.GetProperty("json").GetString()!, shares, diagnostics, element.GetProperty("artifactCount").GetInt32(), element.GetProperty("documentCount").GetInt32(), element.GetProperty("sourceRoot").GetString()!);
    }
}
