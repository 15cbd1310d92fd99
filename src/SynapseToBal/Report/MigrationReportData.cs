using System.Collections.Immutable;

namespace SynapseToBal.Report;

/// <summary>
/// The migration report of one conversion: what was translated, what is left and where, and how much work that
/// is. <c>migration_report.json</c> is this record (its shape is documented in <c>docs/report.md</c>); the HTML
/// page and <c>MIGRATION.md</c> present it.
/// </summary>
/// <param name="SchemaVersion">The version of the JSON shape; raised when a field changes meaning or is removed.</param>
/// <param name="Source">The input's name (a file or folder name, never a machine path).</param>
/// <param name="Projects">For an aggregate (multi-root) report: one summary per child project; empty otherwise.</param>
public sealed record MigrationReportData(
    int SchemaVersion,
    string Tool,
    string Source,
    string Package,
    string Form,
    ReportSummary Summary,
    WorkEstimate Estimate,
    ImmutableArray<ArtifactReport> Artifacts,
    ImmutableArray<UnsupportedElement> Unsupported,
    ImmutableArray<TodoLink> Todos,
    ImmutableArray<DiagnosticGroup> Diagnostics,
    ReportGraph Graph,
    ImmutableArray<ProjectSummary> Projects)
{
    public const int CurrentSchemaVersion = 1;
}

/// <param name="Coverage">Translated mediators over all mediators (1 when there is none).</param>
/// <param name="WeightedCoverage">The same, each mediator counted by its weight (<see cref="Weights"/>).</param>
public sealed record ReportSummary(
    int Artifacts,
    int Files,
    int Mediators,
    int MediatorsTranslated,
    int MediatorsInTodos,
    int WeightUnits,
    int WeightUnitsInTodos,
    double Coverage,
    double WeightedCoverage,
    int Todos,
    int Errors,
    int Warnings,
    int Infos);

public enum ArtifactStatus
{
    /// <summary>Everything became code.</summary>
    Converted,

    /// <summary>Code with TODOs in it.</summary>
    Partial,

    /// <summary>Kept whole in a TODO, or every mediator of it is inside TODOs.</summary>
    NotConverted,

    /// <summary>A later definition of a kind and name (SB0501): not deployed by the Micro Integrator, not converted, outside the coverage figures.</summary>
    Ignored,
}

/// <param name="Source">The source file, relative to the input.</param>
/// <param name="WeightedCoverage">Weighted translated share of the artifact's mediators (1 when it has none).</param>
/// <param name="Todos">TODOs in the generated code that stand for this artifact's XML.</param>
public sealed record ArtifactReport(
    string Kind,
    string Name,
    string Source,
    int Line,
    ArtifactStatus Status,
    int Mediators,
    int MediatorsTranslated,
    int MediatorsInTodos,
    double WeightedCoverage,
    int Todos);

/// <summary>An element left in TODOs: a mediator by element name (connector operations as <c>connector.operation</c>) or an artifact kept whole (<c>&lt;endpoint&gt;</c> artifact).</summary>
/// <param name="Codes">The codes of the TODOs that hold it.</param>
public sealed record UnsupportedElement(string Element, int Count, int Weight, ImmutableArray<string> Codes);

/// <summary>One TODO of the generated code, from the source it stands for to the line that carries it (1-based lines).</summary>
/// <param name="SourceFile">Null when the TODO stands for no one place of the input.</param>
public sealed record TodoLink(string Code, string Message, string? SourceFile, int? SourceLine, string GeneratedFile, int GeneratedLine);

public sealed record DiagnosticEntry(string Severity, string? File, int? Line, int? Column, string Message);

public sealed record DiagnosticGroup(string Code, string Severity, string Title, int Count, ImmutableArray<DiagnosticEntry> Items);

/// <summary>The artifacts and their references: APIs, proxies, inbound endpoints and tasks → sequences → endpoints, stores, entries.</summary>
public sealed record ReportGraph(ImmutableArray<GraphNode> Nodes, ImmutableArray<GraphEdge> Edges);

/// <param name="Id">Unique in the report (<c>n0</c>, <c>n1</c>, ...).</param>
/// <param name="Kind">The artifact kind, or <c>Missing</c> for a key nothing in the input defines.</param>
/// <param name="Status">The artifact's status, or null for a missing one.</param>
public sealed record GraphNode(string Id, string Kind, string Name, ArtifactStatus? Status);

/// <param name="Kind">What the key names (Sequence, Endpoint, ...).</param>
public sealed record GraphEdge(string From, string To, string Kind);

/// <summary>One child project of a multi-root conversion.</summary>
public sealed record ProjectSummary(string Name, string Output, ReportSummary Summary, WorkEstimate Estimate);

/// <summary>
/// One artifact's part of the report's totals, beside its row in <see cref="MigrationReportData.Artifacts"/> (same
/// index): what a rerun that regenerates one artifact alone recombines the totals from
/// (<see cref="MigrationReportBuilder.Recombine"/>, <c>Output/ArtifactSplice.cs</c>).
/// </summary>
/// <param name="WeightUnits">The weight of its mediators (0 for an ignored duplicate).</param>
/// <param name="WeightUnitsInTodos">The weight of those inside TODOs.</param>
/// <param name="Unsupported">Its elements left in TODOs, grouped by element as the report's list is.</param>
public sealed record ArtifactShare(int WeightUnits, int WeightUnitsInTodos, ImmutableArray<UnsupportedElement> Unsupported);
