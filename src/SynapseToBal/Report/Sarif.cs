using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;
using SynapseToBal.Diagnostics;

namespace SynapseToBal.Report;

/// <summary>
/// Diagnostics as a SARIF 2.1.0 log (OASIS Static Analysis Results Interchange Format), for code-scanning UIs and
/// editors: one run whose tool driver lists the rules (the catalogue's codes that occur) and one result per
/// diagnostic, its location relative to the input (<c>uriBaseId</c> <c>SRCROOT</c>). No machine path is written.
/// </summary>
public static class Sarif
{
    public const string Version = "2.1.0";
    public const string Schema = "https://json.schemastore.org/sarif-2.1.0.json";
    public const string SourceRootId = "SRCROOT";

    /// <param name="sourceRoot">The folder every result's file is relative to.</param>
    public static string Write(IEnumerable<Diagnostic> diagnostics, string sourceRoot, string toolVersion)
    {
        ReportWriter.BeforeRender.Value?.Invoke("SARIF");
        var list = diagnostics.ToList();
        var descriptors = DiagnosticCatalog.All.ToDictionary(d => d.Id, StringComparer.Ordinal);
        var ruleIds = list.Select(d => d.Id).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var rules = new JsonArray();
        foreach (var id in ruleIds)
        {
            var descriptor = descriptors.GetValueOrDefault(id) ?? list.First(d => d.Id == id).Descriptor;
            var rule = new JsonObject
            {
                ["id"] = id,
                ["name"] = Name(descriptor.Title.ToString(CultureInfo.InvariantCulture)),
                ["shortDescription"] = new JsonObject { ["text"] = descriptor.Title.ToString(CultureInfo.InvariantCulture) },
                ["fullDescription"] = new JsonObject { ["text"] = descriptor.Description.ToString(CultureInfo.InvariantCulture) },
                ["defaultConfiguration"] = new JsonObject { ["level"] = Level(descriptor.DefaultSeverity) },
            };
            // helpUri must be an absolute URI; the catalogue's links are relative to the repository.
            if (System.Uri.IsWellFormedUriString(descriptor.HelpLinkUri, UriKind.Absolute))
            {
                rule["helpUri"] = descriptor.HelpLinkUri;
            }

            rules.Add((JsonNode)rule);
        }

        var results = new JsonArray();
        foreach (var diagnostic in list)
        {
            var result = new JsonObject
            {
                ["ruleId"] = diagnostic.Id,
                ["ruleIndex"] = ruleIds.IndexOf(diagnostic.Id),
                ["level"] = Level(diagnostic.Severity),
                ["message"] = new JsonObject { ["text"] = diagnostic.GetMessage(CultureInfo.InvariantCulture) },
            };
            var span = diagnostic.Location.GetLineSpan();
            if (span.IsValid && !string.IsNullOrEmpty(span.Path))
            {
                result["locations"] = new JsonArray(new JsonObject
                {
                    ["physicalLocation"] = new JsonObject
                    {
                        ["artifactLocation"] = new JsonObject { ["uri"] = Uri(sourceRoot, span.Path), ["uriBaseId"] = SourceRootId },
                        ["region"] = new JsonObject
                        {
                            ["startLine"] = span.StartLinePosition.Line + 1,
                            ["startColumn"] = span.StartLinePosition.Character + 1,
                            ["endLine"] = span.EndLinePosition.Line + 1,
                            ["endColumn"] = span.EndLinePosition.Character + 1,
                        },
                    },
                });
            }

            results.Add((JsonNode)result);
        }

        var log = new JsonObject
        {
            ["$schema"] = Schema,
            ["version"] = Version,
            ["runs"] = new JsonArray(new JsonObject
            {
                ["tool"] = new JsonObject
                {
                    ["driver"] = new JsonObject
                    {
                        ["name"] = MigrationReportBuilder.Tool,
                        ["version"] = toolVersion,
                        ["rules"] = rules,
                    },
                },
                ["columnKind"] = "utf16CodeUnits",
                ["results"] = results,
            }),
        };
        return log.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }

    /// <summary>SARIF levels: error, warning, note.</summary>
    public static string Level(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "note",
    };

    /// <summary>A relative URI reference: the path relative to the root, '/' separated, each segment percent-encoded.</summary>
    private static string Uri(string root, string path)
    {
        var relative = MigrationReportBuilder.Relative(root, path);
        return string.Join('/', relative.Split('/').Select(System.Uri.EscapeDataString));
    }

    /// <summary>A rule name in PascalCase from its title ("Malformed XML" gives MalformedXml).</summary>
    private static string Name(string title) =>
        string.Concat(title.Split([' ', '-', '/', '(', ')', ',', '.', '\'', ':'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => char.ToUpperInvariant(w[0]) + (w.Length > 1 && w.All(char.IsUpper) ? w[1..].ToLowerInvariant() : w[1..])));
}
