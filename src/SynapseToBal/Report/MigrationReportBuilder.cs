using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using SynapseToBal.Diagnostics;
using SynapseToBal.Emit;
using SynapseToBal.IR;
using SynapseToBal.Refine;
using SynapseToBal.Semantics;
using SynapseToBal.Syntax;

namespace SynapseToBal.Report;

/// <summary>What a migration report is built from: one conversion's input, IR, generated files and diagnostics.</summary>
/// <param name="Source">The input's display name.</param>
/// <param name="SourceRoot">The folder source paths are shown relative to.</param>
/// <param name="Package">The IR, or null when lowering failed (every mediator then counts as not translated).</param>
public sealed record ReportInput(
    string Source,
    string PackageName,
    string Form,
    string SourceRoot,
    ImmutableArray<SynapseDocument> Documents,
    PackageIr? Package,
    ReferenceGraph? Graph,
    IReadOnlyList<GeneratedFile> Files,
    IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>Builds a <see cref="MigrationReportData"/>: coverage per artifact and overall, TODO links, diagnostics by code, the reference graph, the estimate.</summary>
public static partial class MigrationReportBuilder
{
    public const string Tool = "SynapseToBal";

    public static MigrationReportData Build(ReportInput input) => BuildWithShares(input).Report;

    /// <summary>The report and each artifact's share of its totals (<see cref="ArtifactShare"/>, in the order of its rows).</summary>
    public static (MigrationReportData Report, ImmutableArray<ArtifactShare> Shares) BuildWithShares(ReportInput input) => BuildWithShares(input, null);

    /// <summary>Test seam: runs before each artifact's row is built (a test makes it throw to check the guard).</summary>
    internal static readonly AsyncLocal<Action<ArtifactSyntax>?> BeforeRow = new();

    /// <summary>Test seam: runs after the rows, before the totals (a test makes it throw to check the driver's guard).</summary>
    internal static readonly AsyncLocal<Action?> BeforeTotals = new();

    /// <summary>
    /// The report and each artifact's share; a row that cannot be built (a bug in the converter) is listed as not
    /// converted with no counts and added to <paramref name="failures"/> (the driver reports it, SB0905), and the
    /// other rows are built.
    /// </summary>
    public static (MigrationReportData Report, ImmutableArray<ArtifactShare> Shares) BuildWithShares(ReportInput input, List<ReportRowFailure>? failures) =>
        Finish(Prepare(input.Documents, input.Package, failures), input);

    /// <summary>
    /// What the report needs of the syntax and the IR, gathered before the package is rendered (the driver calls it
    /// right after lowering, so that its garbage is collected before the render's peak and nothing of it but counts is
    /// held while the files are written): each artifact's mediator counts, weights and elements left in TODOs, the
    /// totals, and the TODOs of the IR. A row that cannot be built (a bug in the converter) is listed as not converted
    /// with no counts and added to <paramref name="failures"/> (SB0905), and the other rows are built.
    /// </summary>
    /// <param name="package">The IR, or null when lowering failed (every mediator then counts as not translated).</param>
    public static PreparedReport Prepare(IReadOnlyList<SynapseDocument> documents, PackageIr? package, List<ReportRowFailure>? failures)
    {
        var artifacts = documents.SelectMany(d => d.Artifacts).ToList();
        var ignored = Coverage.IgnoredDuplicates(artifacts);
        var measure = Coverage.Measure(artifacts, package, ignored);
        var pending = package is null
            ? new HashSet<ArtifactSyntax>(ReferenceEqualityComparer.Instance)
            : new HashSet<ArtifactSyntax>(package.Pending.Concat(package.PendingEndpoints).Concat(package.PendingStores).Select(p => p.Origin), ReferenceEqualityComparer.Instance);

        var rows = new PreparedRow[artifacts.Count];
        for (var i = 0; i < artifacts.Count; i++)
        {
            var artifact = artifacts[i];
            var mediators = Coverage.UnitsOf(artifact);
            try
            {
                BeforeRow.Value?.Invoke(artifact);
                rows[i] = Row(artifact, mediators);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                failures?.Add(new ReportRowFailure(artifact, $"{ex.GetType().Name}: {ex.Message}"));
                rows[i] = new PreparedRow(RowKind.Failed, mediators.Count, 0, 0, 0, PendingEmpty: false, []);
            }
        }

        PreparedRow Row(ArtifactSyntax artifact, IReadOnlyList<MediatorSyntax> mediators)
        {
            // One pass over the artifact's mediators (walked once per conversion, MediatorCollector.Of).
            var inTodos = 0;
            var weight = 0;
            var weightInTodos = 0;
            foreach (var mediator in mediators)
            {
                var w = Weights.Of(mediator);
                weight += w;
                if (measure.IsInTodo(mediator))
                {
                    inTodos++;
                    weightInTodos += w;
                }
            }

            if (ignored.Contains(artifact))
            {
                // Neither code nor a TODO: its mediators are listed but count in no coverage figure.
                return new PreparedRow(RowKind.Ignored, mediators.Count, 0, 0, 0, PendingEmpty: false, []);
            }

            var kind = package is null || pending.Contains(artifact) || (mediators.Count > 0 && inTodos == mediators.Count) ? RowKind.NotConverted : RowKind.Counted;
            ImmutableArray<UnsupportedElement> own = inTodos == 0 ? [] : [.. mediators.Where(measure.IsInTodo)
                .GroupBy(m => m.ElementName, StringComparer.Ordinal)
                .Select(g => new UnsupportedElement(g.Key, g.Count(), Weights.Of(g.First()), g.Select(m => measure.InTodos[m].Descriptor.Id).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToImmutableArray()))];
            return new PreparedRow(kind, mediators.Count, inTodos, weight, weightInTodos, PendingEmpty: pending.Contains(artifact) && mediators.Count == 0, own);
        }

        var unsupported = measure.InTodos
            .GroupBy(p => p.Key.ElementName, StringComparer.Ordinal)
            .Select(g => new UnsupportedElement(g.Key, g.Count(), Weights.Of(g.First().Key), g.Select(p => p.Value.Descriptor.Id).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToImmutableArray()))
            .ToImmutableArray();
        var todos = package is null ? [] : Coverage.Todos(package).Select(t => new PreparedTodo(t.Reason.Descriptor.Id, BallerinaSyntax.CommentText(t.Reason.Message), t.Location)).ToImmutableArray();
        var weightUnits = 0;
        foreach (var mediator in measure.Mediators)
        {
            weightUnits += Weights.Of(mediator);
        }

        var weightInTodosTotal = 0;
        foreach (var mediator in measure.InTodos.Keys)
        {
            weightInTodosTotal += Weights.Of(mediator);
        }

        return new PreparedReport(artifacts, rows, pending, unsupported, todos, measure.Mediators.Count, measure.Translated, measure.InTodos.Count, weightUnits, weightInTodosTotal, measure.Share);
    }

    /// <summary>
    /// The report from what <see cref="Prepare"/> gathered and what only the rendered package and the final diagnostics
    /// give: the TODO links (and each artifact's count of them, which makes a row partial), the diagnostics, the graph.
    /// <see cref="ReportInput.Package"/> is not read.
    /// </summary>
    public static (MigrationReportData Report, ImmutableArray<ArtifactShare> Shares) Finish(PreparedReport prepared, ReportInput input)
    {
        var artifacts = prepared.Artifacts;
        var (todos, todoLocations) = LinkTodos(input, prepared.Todos);
        var artifactsByFile = artifacts.ToLookup(a => a.Location.Path, StringComparer.Ordinal);
        var todoOwners = todoLocations.Select(l => l is null ? null : OwnerOf(artifactsByFile, l)).ToList();
        var todoCounts = new Dictionary<ArtifactSyntax, int>(ReferenceEqualityComparer.Instance);
        foreach (var owner in todoOwners.OfType<ArtifactSyntax>())
        {
            todoCounts[owner] = todoCounts.GetValueOrDefault(owner) + 1;
        }

        var reports = new List<ArtifactReport>(artifacts.Count);
        var shares = ImmutableArray.CreateBuilder<ArtifactShare>(artifacts.Count);
        var statuses = new Dictionary<ArtifactSyntax, ArtifactStatus>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < artifacts.Count; i++)
        {
            var artifact = artifacts[i];
            var row = prepared.Rows[i];
            var todoCount = todoCounts.GetValueOrDefault(artifact);
            var source = Relative(input.SourceRoot, artifact.Location.Path);
            switch (row.Kind)
            {
                case RowKind.Failed:
                    statuses[artifact] = ArtifactStatus.NotConverted;
                    reports.Add(new ArtifactReport(artifact.Kind, artifact.Name, source, artifact.Location.Line, ArtifactStatus.NotConverted, 0, 0, 0, 0, todoCount));
                    shares.Add(new ArtifactShare(0, 0, []));
                    break;
                case RowKind.Ignored:
                    statuses[artifact] = ArtifactStatus.Ignored;
                    reports.Add(new ArtifactReport(artifact.Kind, artifact.Name, source, artifact.Location.Line, ArtifactStatus.Ignored, row.Mediators, 0, 0, 0, todoCount));
                    shares.Add(new ArtifactShare(0, 0, []));
                    break;
                case RowKind.NotConverted or RowKind.Counted:
                    var status = row.Kind == RowKind.NotConverted ? ArtifactStatus.NotConverted
                        : todoCount > 0 || row.InTodos > 0 ? ArtifactStatus.Partial : ArtifactStatus.Converted;
                    statuses[artifact] = status;
                    reports.Add(new ArtifactReport(artifact.Kind, artifact.Name, source, artifact.Location.Line, status,
                        row.Mediators, row.Mediators - row.InTodos, row.InTodos, Share(row.Weight - row.WeightInTodos, row.Weight), todoCount));
                    var own = row.PendingEmpty
                        ? row.Own.Add(new UnsupportedElement(artifact.XmlName + " (artifact)", 1, 0, todos.Where((_, t) => ReferenceEquals(todoOwners[t], artifact)).Select(t => t.Code).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToImmutableArray()))
                        : row.Own;
                    shares.Add(new ArtifactShare(row.Weight, row.WeightInTodos, own));
                    break;
                default:
                    throw new InvalidOperationException($"Unhandled report row kind {row.Kind}");
            }
        }

        BeforeTotals.Value?.Invoke();
        var unsupported = prepared.Unsupported
            .Concat(artifacts.Where((a, i) => prepared.Pending.Contains(a) && prepared.Rows[i].Mediators == 0)
                .GroupBy(a => a.XmlName + " (artifact)", StringComparer.Ordinal)
                .Select(g => new UnsupportedElement(g.Key, g.Count(), 0, todos.Where((_, i) => todoOwners[i] is { } o && g.Contains(o, ReferenceEqualityComparer.Instance)).Select(t => t.Code).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToImmutableArray())))
            .OrderByDescending(u => u.Count).ThenBy(u => u.Element, StringComparer.Ordinal)
            .ToImmutableArray();

        var weightUnits = prepared.WeightUnits;
        var weightInTodosTotal = prepared.WeightUnitsInTodos;
        var errors = input.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        var warnings = input.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning);
        var infos = input.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Info);
        var summary = new ReportSummary(
            artifacts.Count,
            input.Documents.Length,
            prepared.Mediators,
            prepared.Translated,
            prepared.MediatorsInTodos,
            weightUnits,
            weightInTodosTotal,
            Round(prepared.Share),
            Share(weightUnits - weightInTodosTotal, weightUnits),
            todos.Length,
            errors,
            warnings,
            infos);

        return (new MigrationReportData(
            MigrationReportData.CurrentSchemaVersion,
            Tool,
            input.Source,
            input.PackageName,
            input.Form,
            summary,
            WorkEstimate.Compute(weightInTodosTotal, errors + warnings, artifacts.Count),
            [.. reports],
            unsupported,
            todos,
            Groups(input),
            Graph(artifacts, statuses, input.Graph),
            []), shares.MoveToImmutable());
    }

    /// <summary>
    /// The report with its totals (summary, estimate, elements left in TODOs) computed again from its rows, its TODO
    /// links and each artifact's share (same order as the rows); its files, diagnostics counts and the rest kept. What
    /// <see cref="BuildWithShares"/> builds recombines to itself when every mediator in a TODO belongs to an artifact
    /// (<see cref="SameTotals"/> says whether it did); a rerun that regenerates one artifact replaces its row and share.
    /// </summary>
    public static MigrationReportData Recombine(MigrationReportData report, IReadOnlyList<ArtifactShare> shares)
    {
        var counted = report.Artifacts.Select((row, i) => (Row: row, Share: shares[i])).Where(p => p.Row.Status != ArtifactStatus.Ignored).ToList();
        var mediators = counted.Sum(p => p.Row.Mediators);
        var inTodos = counted.Sum(p => p.Row.MediatorsInTodos);
        var units = counted.Sum(p => p.Share.WeightUnits);
        var unitsInTodos = counted.Sum(p => p.Share.WeightUnitsInTodos);
        var summary = report.Summary with
        {
            Artifacts = report.Artifacts.Length,
            Mediators = mediators,
            MediatorsTranslated = mediators - inTodos,
            MediatorsInTodos = inTodos,
            WeightUnits = units,
            WeightUnitsInTodos = unitsInTodos,
            Coverage = Share(mediators - inTodos, mediators),
            WeightedCoverage = Share(units - unitsInTodos, units),
            Todos = report.Todos.Length,
        };
        var unsupported = shares.SelectMany(s => s.Unsupported)
            .GroupBy(u => u.Element, StringComparer.Ordinal)
            .Select(g => new UnsupportedElement(g.Key, g.Sum(u => u.Count), g.First().Weight, g.SelectMany(u => u.Codes).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToImmutableArray()))
            .OrderByDescending(u => u.Count).ThenBy(u => u.Element, StringComparer.Ordinal)
            .ToImmutableArray();
        return report with
        {
            Summary = summary,
            Estimate = WorkEstimate.Compute(unitsInTodos, summary.Errors + summary.Warnings, summary.Artifacts),
            Unsupported = unsupported,
        };
    }

    /// <summary>Whether two reports have the same totals: summary, estimate and elements left in TODOs.</summary>
    public static bool SameTotals(MigrationReportData a, MigrationReportData b) =>
        a.Summary == b.Summary
        && a.Estimate == b.Estimate
        && a.Unsupported.Length == b.Unsupported.Length
        && a.Unsupported.Zip(b.Unsupported).All(p => p.First.Element == p.Second.Element && p.First.Count == p.Second.Count && p.First.Weight == p.Second.Weight && p.First.Codes.SequenceEqual(p.Second.Codes, StringComparer.Ordinal));

    /// <summary>An aggregate of child reports (multi-root): their sums, each project's summary, and their rows, files prefixed by the project.</summary>
    public static MigrationReportData Aggregate(string source, IReadOnlyList<(string Name, string Output, MigrationReportData Report)> projects)
    {
        static string Prefix(string project, string? path) => path is null ? project : project + "/" + path;
        var all = projects.Select(p => p.Report).ToList();
        var mediators = all.Sum(r => r.Summary.Mediators);
        var translated = all.Sum(r => r.Summary.MediatorsTranslated);
        var units = all.Sum(r => r.Summary.WeightUnits);
        var unitsInTodos = all.Sum(r => r.Summary.WeightUnitsInTodos);
        var summary = new ReportSummary(
            all.Sum(r => r.Summary.Artifacts), all.Sum(r => r.Summary.Files), mediators, translated, all.Sum(r => r.Summary.MediatorsInTodos),
            units, unitsInTodos, Share(translated, mediators), Share(units - unitsInTodos, units), all.Sum(r => r.Summary.Todos),
            all.Sum(r => r.Summary.Errors), all.Sum(r => r.Summary.Warnings), all.Sum(r => r.Summary.Infos));
        var nodes = new List<GraphNode>();
        var edges = new List<GraphEdge>();
        foreach (var (name, _, report) in projects)
        {
            nodes.AddRange(report.Graph.Nodes.Select(n => n with { Id = Ids(name) + "_" + n.Id }));
            edges.AddRange(report.Graph.Edges.Select(e => e with { From = Ids(name) + "_" + e.From, To = Ids(name) + "_" + e.To }));
        }

        return new MigrationReportData(
            MigrationReportData.CurrentSchemaVersion,
            Tool,
            source,
            string.Join(", ", projects.Select(p => p.Report.Package)),
            "MultiRoot",
            summary,
            WorkEstimate.Compute(unitsInTodos, summary.Errors + summary.Warnings, summary.Artifacts),
            [.. projects.SelectMany(p => p.Report.Artifacts.Select(a => a with { Source = Prefix(p.Name, a.Source) }))],
            [.. all.SelectMany(r => r.Unsupported).GroupBy(u => u.Element, StringComparer.Ordinal)
                .Select(g => new UnsupportedElement(g.Key, g.Sum(u => u.Count), g.First().Weight, g.SelectMany(u => u.Codes).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToImmutableArray()))
                .OrderByDescending(u => u.Count).ThenBy(u => u.Element, StringComparer.Ordinal)],
            [.. projects.SelectMany(p => p.Report.Todos.Select(t => t with { SourceFile = t.SourceFile is null ? null : Prefix(p.Name, t.SourceFile), GeneratedFile = Prefix(p.Name, t.GeneratedFile) }))],
            [.. projects.SelectMany(p => p.Report.Diagnostics.SelectMany(g => g.Items.Select(i => (g.Code, g.Severity, g.Title, Item: i with { File = Prefix(p.Name, i.File) }))))
                .GroupBy(x => x.Code, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new DiagnosticGroup(g.Key, Worst(g.Select(x => x.Severity)), g.First().Title, g.Count(), [.. g.Select(x => x.Item)]))],
            new ReportGraph([.. nodes], [.. edges]),
            [.. projects.Select(p => new ProjectSummary(p.Name, p.Output, p.Report.Summary, p.Report.Estimate))]);
    }

    private static string Ids(string name) => new([.. name.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_')]);

    private static string Worst(IEnumerable<string> severities)
    {
        var list = severities.ToList();
        return list.Contains("error") ? "error" : list.Contains("warning") ? "warning" : "info";
    }

    /// <summary>
    /// Every <c>// TODO(SBnnnn): text</c> line of the generated Ballerina files, in file order, each matched to the
    /// IR TODO it was written from (same code, same text; an artifact kept whole adds its name and place to the
    /// text), or else to a diagnostic of the same code whose message holds the text.
    /// </summary>
    private static (ImmutableArray<TodoLink> Links, List<SourceLocation?> Locations) LinkTodos(ReportInput input, ImmutableArray<PreparedTodo> records)
    {
        // Indexed once: a TODO line is matched in O(1) by (code, text), and only a line whose text differs from
        // every record's (an artifact kept whole adds its name and place) scans the records of its code.
        var recordTexts = records.Select(r => r.Text).ToList();
        var claimed = new bool[records.Length];
        var exact = new Dictionary<(string Code, string Text), Queue<int>>();
        var byCode = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var r = 0; r < records.Length; r++)
        {
            var code = records[r].Code;
            (exact.TryGetValue((code, recordTexts[r]), out var queue) ? queue : exact[(code, recordTexts[r])] = new Queue<int>()).Enqueue(r);
            (byCode.TryGetValue(code, out var list) ? list : byCode[code] = []).Add(r);
        }

        var diagnostics = input.Diagnostics.Where(d => d.Location.IsInSource || d.Location.Kind == LocationKind.ExternalFile).ToList();
        var diagnosticsByCode = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var d = 0; d < diagnostics.Count; d++)
        {
            (diagnosticsByCode.TryGetValue(diagnostics[d].Id, out var list) ? list : diagnosticsByCode[diagnostics[d].Id] = []).Add(d);
        }

        var diagnosticMessages = new string?[diagnostics.Count];
        var diagnosticClaimed = new bool[diagnostics.Count];
        var links = ImmutableArray.CreateBuilder<TodoLink>();
        var locations = new List<SourceLocation?>();
        foreach (var file in input.Files.Where(f => f.RelativePath.EndsWith(".bal", StringComparison.Ordinal)))
        {
            // Only the lines holding a TODO are cut out of the file's text (splitting a whole large file into lines
            // made a string per line), each with its number.
            foreach (var (line, number) in LinesHolding(file.Content, "// TODO(SB"))
            {
                var match = TodoLine().Match(line);
                if (!match.Success)
                {
                    continue;
                }

                var code = match.Groups["code"].Value;
                var text = match.Groups["text"].Value.Trim();
                SourceLocation? location = null;
                var index = FirstUnclaimed(exact.GetValueOrDefault((code, text)), claimed) ?? FirstPrefix(byCode.GetValueOrDefault(code), claimed, recordTexts, text);
                if (index is { } found)
                {
                    claimed[found] = true;
                    location = records[found].Location;
                }
                else
                {
                    foreach (var d in diagnosticsByCode.GetValueOrDefault(code) ?? [])
                    {
                        if (!diagnosticClaimed[d] && (diagnosticMessages[d] ??= diagnostics[d].GetMessage(CultureInfo.InvariantCulture)).Contains(text, StringComparison.Ordinal))
                        {
                            diagnosticClaimed[d] = true;
                            var span = diagnostics[d].Location.GetLineSpan();
                            location = new SourceLocation(span.Path, diagnostics[d].Location.SourceSpan, span.Span);
                            break;
                        }
                    }
                }

                locations.Add(location);
                links.Add(new TodoLink(code, text, location is null || location.Path.Length == 0 ? null : Relative(input.SourceRoot, location.Path), location is null || location.Path.Length == 0 ? null : location.Line, file.RelativePath, number));
            }
        }

        return (links.ToImmutable(), locations);
    }

    /// <summary>
    /// The lines of <paramref name="text"/> (split at '\n', as <c>string.Split('\n')</c> splits it) that contain
    /// <paramref name="marker"/>, in order, each with its 1-based number.
    /// </summary>
    internal static IEnumerable<(string Line, int Number)> LinesHolding(string text, string marker)
    {
        var lineStart = 0;
        var number = 1;
        var found = text.IndexOf(marker, StringComparison.Ordinal);
        while (found >= 0)
        {
            // Count the line breaks between the current line's start and the match.
            var newline = text.IndexOf('\n', lineStart);
            while (newline >= 0 && newline < found)
            {
                number++;
                lineStart = newline + 1;
                newline = text.IndexOf('\n', lineStart);
            }

            var lineEnd = newline < 0 ? text.Length : newline;
            yield return (text[lineStart..lineEnd], number);
            if (newline < 0)
            {
                yield break;
            }

            number++;
            lineStart = newline + 1;
            found = text.IndexOf(marker, lineStart, StringComparison.Ordinal);
        }
    }

    /// <summary>The first index of <paramref name="queue"/> not claimed yet (claimed ones are dropped on the way), or null.</summary>
    private static int? FirstUnclaimed(Queue<int>? queue, bool[] claimed)
    {
        while (queue is { Count: > 0 })
        {
            var index = queue.Peek();
            if (!claimed[index])
            {
                return index;
            }

            queue.Dequeue();
        }

        return null;
    }

    /// <summary>The first record of <paramref name="candidates"/> not claimed yet whose text starts <paramref name="text"/>, or null.</summary>
    private static int? FirstPrefix(List<int>? candidates, bool[] claimed, List<string> recordTexts, string text)
    {
        foreach (var index in candidates ?? [])
        {
            if (!claimed[index] && text.StartsWith(recordTexts[index], StringComparison.Ordinal))
            {
                return index;
            }
        }

        return null;
    }

    /// <summary>The artifact whose element holds the location: the innermost span in the same file, else the last one starting before it.</summary>
    private static ArtifactSyntax? OwnerOf(ILookup<string, ArtifactSyntax> artifactsByFile, SourceLocation location)
    {
        var inFile = artifactsByFile[location.Path];
        return inFile.Where(a => a.Location.Span.Length > 0 && a.Location.Span.Contains(location.Span.Start)).MinBy(a => a.Location.Span.Length)
            ?? inFile.Where(a => a.Location.Span.Start <= location.Span.Start).MaxBy(a => a.Location.Span.Start)
            ?? inFile.FirstOrDefault();
    }

    private static ImmutableArray<DiagnosticGroup> Groups(ReportInput input)
    {
        var titles = DiagnosticCatalog.All.ToDictionary(d => d.Id, d => d.Title.ToString(CultureInfo.InvariantCulture), StringComparer.Ordinal);
        return input.Diagnostics
            .GroupBy(d => d.Id, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new DiagnosticGroup(
                g.Key,
                Worst(g.Select(d => Severity(d.Severity))),
                titles.GetValueOrDefault(g.Key, g.Key),
                g.Count(),
                [.. g.Select(d => Entry(d, input.SourceRoot))]))
            .ToImmutableArray();
    }

    public static string Severity(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "info",
    };

    private static DiagnosticEntry Entry(Diagnostic diagnostic, string sourceRoot)
    {
        var span = diagnostic.Location.GetLineSpan();
        var message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
        return !span.IsValid || string.IsNullOrEmpty(span.Path)
            ? new DiagnosticEntry(Severity(diagnostic.Severity), null, null, null, message)
            : new DiagnosticEntry(Severity(diagnostic.Severity), Relative(sourceRoot, span.Path), span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1, message);
    }

    private static ReportGraph Graph(IReadOnlyList<ArtifactSyntax> artifacts, Dictionary<ArtifactSyntax, ArtifactStatus> statuses, ReferenceGraph? graph)
    {
        var ids = new Dictionary<ArtifactSyntax, string>(ReferenceEqualityComparer.Instance);
        var nodes = new List<GraphNode>();
        foreach (var artifact in artifacts)
        {
            var id = "n" + nodes.Count.ToString(CultureInfo.InvariantCulture);
            ids[artifact] = id;
            nodes.Add(new GraphNode(id, artifact.Kind, artifact.Name, statuses[artifact]));
        }

        var edges = new List<GraphEdge>();
        var seen = new HashSet<(string, string, string)>();
        var missing = new Dictionary<(ReferenceKind, string), string>();
        foreach (var reference in graph?.References ?? [])
        {
            if (!ids.TryGetValue(reference.Reference.From, out var from))
            {
                continue;
            }

            string? to = null;
            if (reference.Target is { } target && ids.TryGetValue(target, out var targetId))
            {
                to = targetId;
            }
            else if (reference.Status == ResolutionStatus.Unresolved)
            {
                var key = (reference.Reference.Kind, reference.Reference.Key);
                if (!missing.TryGetValue(key, out to))
                {
                    to = "n" + nodes.Count.ToString(CultureInfo.InvariantCulture);
                    missing[key] = to;
                    nodes.Add(new GraphNode(to, "Missing", reference.Reference.Key, null));
                }
            }

            var kind = reference.Reference.Kind.ToString();
            if (to is not null && to != from && seen.Add((from, to, kind)))
            {
                edges.Add(new GraphEdge(from, to, kind));
            }
        }

        return new ReportGraph([.. nodes], [.. edges]);
    }

    internal static string Relative(string root, string path)
    {
        var relative = Path.GetRelativePath(root, path).Replace('\\', '/');
        return relative == "." ? Path.GetFileName(path) : relative;
    }

    internal static double Share(int part, int whole) => whole == 0 ? 1 : Round((double)part / whole);

    private static double Round(double value) => Math.Round(value, 4, MidpointRounding.AwayFromZero);

    [GeneratedRegex(@"^\s*// TODO\((?<code>SB\d{4})\): (?<text>.*)$")]
    private static partial Regex TodoLine();
}

/// <summary>An artifact whose report row could not be built (a bug in the converter, SB0905) and the exception.</summary>
public sealed record ReportRowFailure(ArtifactSyntax Artifact, string Message);

/// <summary>
/// What <see cref="MigrationReportBuilder.Prepare"/> gathers of the syntax and the IR for the report: counts and the
/// elements left in TODOs, no mediator list and no IR.
/// </summary>
public sealed record PreparedReport(
    IReadOnlyList<ArtifactSyntax> Artifacts,
    IReadOnlyList<PreparedRow> Rows,
    IReadOnlySet<ArtifactSyntax> Pending,
    ImmutableArray<UnsupportedElement> Unsupported,
    ImmutableArray<PreparedTodo> Todos,
    int Mediators,
    int Translated,
    int MediatorsInTodos,
    int WeightUnits,
    int WeightUnitsInTodos,
    double Share);

/// <summary>How an artifact's row counts: failed (SB0905), ignored (a later duplicate), not converted whatever its TODOs, or by its counts and TODOs.</summary>
public enum RowKind
{
    Failed,
    Ignored,
    NotConverted,
    Counted,
}

/// <summary>One artifact's counts for its report row; <paramref name="PendingEmpty"/>: kept whole with no mediator (listed as the artifact's own element).</summary>
public sealed record PreparedRow(RowKind Kind, int Mediators, int InTodos, int Weight, int WeightInTodos, bool PendingEmpty, ImmutableArray<UnsupportedElement> Own);

/// <summary>A TODO of the IR as the report links it to a generated line: its code, its comment text and its source.</summary>
public sealed record PreparedTodo(string Code, string Text, SourceLocation? Location);
