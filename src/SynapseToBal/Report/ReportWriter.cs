using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Humanizer;
using SynapseToBal.Emit;

namespace SynapseToBal.Report;

/// <summary>
/// The three renderings of a <see cref="MigrationReportData"/>: <c>migration_report.json</c> (the record itself),
/// <c>migration_report.html</c> (one self-contained page, from <c>migration_report.html.sbn</c>) and
/// <c>MIGRATION.md</c> (a short summary for a pull request, from <c>MIGRATION.md.sbn</c>).
/// </summary>
public static class ReportWriter
{
    public const string JsonFileName = "migration_report.json";
    public const string HtmlFileName = "migration_report.html";
    public const string MarkdownFileName = "MIGRATION.md";

    /// <summary>How many unsupported elements MIGRATION.md lists (the HTML and JSON list all).</summary>
    public const int MarkdownTopElements = 10;

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter<ArtifactStatus>(JsonNamingPolicy.CamelCase) },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = ReportJsonContext.Default,
    };

    public static string ToJson(MigrationReportData report) =>
        JsonSerializer.Serialize(report, (JsonTypeInfo<MigrationReportData>)JsonOptions.GetTypeInfo(typeof(MigrationReportData))) + "\n";

    /// <summary>A report read back from <see cref="ToJson"/>'s text; null when the text is not one.</summary>
    public static MigrationReportData? FromJson(string json)
    {
        try
        {
            return JsonSerializer.Deserialize(json, (JsonTypeInfo<MigrationReportData>)JsonOptions.GetTypeInfo(typeof(MigrationReportData)));
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or ArgumentException)
        {
            return null;
        }
    }

    public static GeneratedFile Json(MigrationReportData report)
    {
        BeforeRender.Value?.Invoke(JsonFileName);
        return new(JsonFileName, ToJson(report));
    }

    /// <summary>Test seam: runs before a report file is rendered, with its name (<c>SARIF</c> for the SARIF log; a test makes it throw to check the guard).</summary>
    internal static readonly AsyncLocal<Action<string>?> BeforeRender = new();

    public static GeneratedFile Markdown(TemplateRenderer renderer, MigrationReportData report)
    {
        BeforeRender.Value?.Invoke(MarkdownFileName);
        return MarkdownFile(renderer, report);
    }

    private static GeneratedFile MarkdownFile(TemplateRenderer renderer, MigrationReportData report) =>
        new(MarkdownFileName, renderer.Render("MIGRATION.md.sbn", new
        {
            Source = Cell(report.Source),
            Package = Cell(report.Package),
            Artifacts = "artifact".ToQuantity(report.Summary.Artifacts),
            Files = "file".ToQuantity(report.Summary.Files),
            Summary = SummaryView(report),
            Estimate = EstimateView(report.Estimate),
            Statuses = StatusView(report),
            Unsupported = report.Unsupported.Take(MarkdownTopElements).Select(u => new { Element = Cell(u.Element), u.Count, Codes = string.Join(", ", u.Codes) }).ToList(),
            MoreUnsupported = Math.Max(0, report.Unsupported.Length - MarkdownTopElements),
            Codes = report.Diagnostics.Select(g => new { g.Code, g.Severity, g.Count, Title = Cell(g.Title) }).ToList(),
            Projects = report.Projects.Select(p => new { Name = Cell(p.Name), Output = Cell(p.Output), Coverage = Percent(p.Summary.WeightedCoverage), p.Summary.Todos, Hours = Hours(p.Estimate.AverageHours) }).ToList(),
        }));

    public static GeneratedFile Html(TemplateRenderer renderer, MigrationReportData report)
    {
        BeforeRender.Value?.Invoke(HtmlFileName);
        var graph = GraphLayout.Lay(report.Graph);
        return new(HtmlFileName, renderer.Render("migration_report.html.sbn", new
        {
            report.Source,
            report.Package,
            report.SchemaVersion,
            Artifacts = "artifact".ToQuantity(report.Summary.Artifacts),
            Files = "file".ToQuantity(report.Summary.Files),
            Summary = SummaryView(report),
            Estimate = EstimateView(report.Estimate),
            Statuses = StatusView(report),
            HasIgnored = report.Artifacts.Any(a => a.Status == ArtifactStatus.Ignored),
            Rows = report.Artifacts.Select(a => new
            {
                a.Kind,
                a.Name,
                Where = Place(a.Source, a.Line),
                Status = StatusText(a.Status),
                StatusClass = StatusClass(a.Status),
                a.Mediators,
                a.MediatorsInTodos,
                // An artifact without mediators (an endpoint, a store) has nothing to cover: a dash, not 100% beside "not converted".
                // An ignored duplicate is neither code nor a TODO: no coverage either.
                Coverage = a.Mediators == 0 || a.Status == ArtifactStatus.Ignored ? "–" : Percent(a.WeightedCoverage),
                a.Todos,
            }).ToList(),
            Unsupported = report.Unsupported.Select(u => new { u.Element, u.Count, u.Weight, Codes = string.Join(", ", u.Codes) }).ToList(),
            Todos = report.Todos.Select(t => new
            {
                t.Code,
                t.Message,
                Source = t.SourceFile is null ? "(no one place)" : Place(t.SourceFile, t.SourceLine),
                Generated = Place(t.GeneratedFile, t.GeneratedLine),
                t.GeneratedFile,
            }).ToList(),
            Groups = report.Diagnostics.Select(g => new
            {
                g.Code,
                g.Severity,
                g.Title,
                g.Count,
                Items = g.Items.Select(i => new { i.Severity, Where = i.File is null ? "(project)" : Place(i.File, i.Line, i.Column), i.Message }).ToList(),
            }).ToList(),
            Projects = report.Projects.Select(p => new { p.Name, p.Output, Coverage = Percent(p.Summary.WeightedCoverage), p.Summary.Artifacts, p.Summary.Todos, Hours = Hours(p.Estimate.AverageHours) }).ToList(),
            Graph = graph,
        }));
    }

    private static object SummaryView(MigrationReportData report) => new
    {
        Coverage = Percent(report.Summary.WeightedCoverage),
        Width = Math.Round(report.Summary.WeightedCoverage * 100, 1).ToString("0.#", CultureInfo.InvariantCulture),
        Unweighted = Percent(report.Summary.Coverage),
        report.Summary.Mediators,
        Units = UnitsWord(report),
        Translated = report.Summary.MediatorsTranslated,
        InTodos = report.Summary.MediatorsInTodos,
        report.Summary.Todos,
        Errors = "error".ToQuantity(report.Summary.Errors),
        Warnings = "warning".ToQuantity(report.Summary.Warnings),
        Infos = "info message".ToQuantity(report.Summary.Infos),
    };

    /// <summary>
    /// What the coverage counts: mediators, and the resources and operations of data services, which are counted as
    /// one unit each (Coverage.DataServiceUnits) and hold no mediator.
    /// </summary>
    public static string UnitsWord(MigrationReportData report)
    {
        var counted = report.Artifacts.Where(a => a.Status != ArtifactStatus.Ignored && a.Mediators > 0).ToList();
        var dataServices = counted.Count(a => a.Kind == "Data service");
        return dataServices == 0 ? "mediators"
            : dataServices == counted.Count ? "data-service resources and operations"
            : "mediators and data-service resources or operations";
    }

    private static object EstimateView(WorkEstimate estimate) => new
    {
        Best = Hours(estimate.BestHours),
        Average = Hours(estimate.AverageHours),
        Worst = Hours(estimate.WorstHours),
    };

    private static object StatusView(MigrationReportData report) =>
        Enum.GetValues<ArtifactStatus>().Select(s => new { Name = StatusText(s), Class = StatusClass(s), Count = report.Artifacts.Count(a => a.Status == s) })
            .Where(s => s.Count > 0 || s.Name != StatusText(ArtifactStatus.Ignored)).ToList();

    public static string StatusText(ArtifactStatus status) => status switch
    {
        ArtifactStatus.Converted => "converted",
        ArtifactStatus.Partial => "partial",
        ArtifactStatus.NotConverted => "not converted",
        ArtifactStatus.Ignored => "ignored (duplicate)",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    private static string StatusClass(ArtifactStatus status) => status switch
    {
        ArtifactStatus.Converted => "ok",
        ArtifactStatus.Partial => "part",
        ArtifactStatus.NotConverted => "none",
        ArtifactStatus.Ignored => "ignored",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static string Percent(double share) => (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    private static string Hours(decimal hours) => hours.ToString("0.0", CultureInfo.InvariantCulture) + " h";

    private static string Place(string file, int? line, int? column = null) =>
        line is null ? file : column is null ? string.Create(CultureInfo.InvariantCulture, $"{file}:{line}") : string.Create(CultureInfo.InvariantCulture, $"{file}:{line}:{column}");

    /// <summary>Text safe inside a Markdown table cell.</summary>
    private static string Cell(string text) =>
        Refine.BallerinaSyntax.CommentText(text).Replace("|", "\\|", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}
