using System.Text.Json;
using SynapseToBal.Diagnostics;
using SynapseToBal.Driver;
using SynapseToBal.Report;
using Xunit;

namespace SynapseToBal.Tests.Reporting;

public sealed class ReportModelTests
{
    private static string Mixed => Path.Combine(TestPaths.TestProject, "ReportCases", "report-mixed", "input");

    private static ConversionResult Convert() => Converter.Convert(new ConversionOptions(Mixed));

    [Theory]
    [InlineData("log", 1)]
    [InlineData("respond", 1)]
    [InlineData("filter", 2)]
    [InlineData("call", 3)]
    [InlineData("xslt", 3)]
    [InlineData("iterate", 4)]
    [InlineData("script", 5)]
    [InlineData("class", 5)]
    [InlineData("someFutureMediator", Weights.Default)]
    public void Weights_follow_the_table(string element, int weight) => Assert.Equal(weight, Weights.Of(element));

    [Fact]
    public void A_connector_operation_weighs_as_a_call_to_another_system()
    {
        var document = SynapseToBal.Syntax.SynapseParser.ParseText("s.xml", """<sequence xmlns="http://ws.apache.org/ns/synapse" name="S"><salesforce.query><batchSize>10</batchSize></salesforce.query></sequence>""", new DiagnosticBag());
        Assert.NotNull(document);
        var mediator = Assert.Single(SynapseToBal.Semantics.MediatorCollector.Collect(document.Artifacts));
        Assert.Equal(Weights.ConnectorOperation, Weights.Of(mediator));
    }

    [Fact]
    public void A_duplicate_definition_is_ignored_and_left_out_of_coverage()
    {
        // report-duplicate: sequences/Stamp.xml (property) and sequences/StampCopy.xml (property, log, script), both
        // named Stamp; the Micro Integrator deploys the first (SB0501), so the copy's script is no TODO and its
        // mediators are neither translated nor in TODOs.
        var result = Converter.Convert(new ConversionOptions(Path.Combine(TestPaths.TestProject, "ReportCases", "report-duplicate", "input")));
        var report = result.Report!;
        Assert.Contains(result.Diagnostics, d => d.Id == "SB0501");
        var stamps = report.Artifacts.Where(a => a.Name == "Stamp").ToList();
        Assert.Equal(2, stamps.Count);
        Assert.Equal(ArtifactStatus.Converted, stamps[0].Status);
        var copy = stamps[1];
        Assert.Equal(ArtifactStatus.Ignored, copy.Status);
        Assert.Equal("sequences/StampCopy.xml", copy.Source);
        Assert.Equal((3, 0, 0, 0.0), (copy.Mediators, copy.MediatorsTranslated, copy.MediatorsInTodos, copy.WeightedCoverage));

        // QuoteAPI: sequence, payloadFactory, respond; Stamp: property. The copy's three are in no figure.
        Assert.Equal(4, report.Summary.Mediators);
        Assert.Equal(4, report.Summary.MediatorsTranslated);
        Assert.Equal(1.0, report.Summary.WeightedCoverage);
        Assert.Equal(3, report.Summary.Artifacts);
        Assert.Contains("\"status\": \"ignored\"", ReportWriter.ToJson(report), StringComparison.Ordinal);
    }

    [Fact]
    public void The_estimate_is_units_findings_and_artifacts_at_three_paces()
    {
        // best (10*10 + 4*2 + 3*2) / 60 = 1.9; average (10*20 + 4*5 + 3*5) / 60 = 3.92; worst (10*45 + 4*10 + 3*10) / 60 = 8.67
        var estimate = WorkEstimate.Compute(unitsInTodos: 10, findings: 4, artifacts: 3);
        Assert.Equal(1.9m, estimate.BestHours);
        Assert.Equal(3.9m, estimate.AverageHours);
        Assert.Equal(8.7m, estimate.WorstHours);
        Assert.Equal(new WorkEstimate(0, 0, 0), WorkEstimate.Compute(0, 0, 0));
    }

    [Fact]
    public void Coverage_counts_mediators_per_artifact_and_weights_them()
    {
        var report = Convert().Report!;
        var api = report.Artifacts.Single(a => a.Name == "OrderAPI");

        // OrderAPI: sequence, log, script, call, respond | sequence(Audit, unresolved), call(JMS), respond.
        Assert.Equal(8, api.Mediators);
        Assert.Equal(3, api.MediatorsInTodos); // script, the unresolved sequence, the call to the JMS endpoint
        Assert.Equal(ArtifactStatus.Partial, api.Status);
        Assert.Equal(3, api.Todos);

        // Weighted: 1+1+5+3+1 + 1+3+1 = 16 units, 5+1+3 = 9 in TODOs.
        Assert.Equal(Math.Round(7.0 / 16, 4), api.WeightedCoverage);
        Assert.Equal(ArtifactStatus.NotConverted, report.Artifacts.Single(a => a.Name == "OrderQueueEP").Status);
        Assert.Equal(ArtifactStatus.Converted, report.Artifacts.Single(a => a.Name == "Validate").Status);
        Assert.Equal(report.Artifacts.Sum(a => a.Mediators), report.Summary.Mediators);
        Assert.Equal(report.Summary.Mediators - report.Summary.MediatorsInTodos, report.Summary.MediatorsTranslated);
        Assert.Equal(Math.Round((double)report.Summary.MediatorsTranslated / report.Summary.Mediators, 4), report.Summary.Coverage);
    }

    [Fact]
    public void Every_todo_links_its_source_line_to_the_generated_line_that_carries_it()
    {
        var result = Convert();
        var report = result.Report!;
        var todoLines = result.Files.Where(f => f.RelativePath.EndsWith(".bal", StringComparison.Ordinal))
            .Sum(f => f.Content.Split('\n').Count(l => l.TrimStart().StartsWith("// TODO(SB", StringComparison.Ordinal)));
        Assert.Equal(todoLines, report.Todos.Length);
        Assert.Equal(todoLines, report.Summary.Todos);
        foreach (var todo in report.Todos)
        {
            var line = result.Files.Single(f => f.RelativePath == todo.GeneratedFile).Content.Split('\n')[todo.GeneratedLine - 1];
            Assert.Contains($"// TODO({todo.Code}): ", line);
            Assert.NotNull(todo.SourceFile);
        }

        var script = report.Todos.Single(t => t.Code == "SB0231");
        Assert.Equal(("apis/OrderAPI.xml", 7), (script.SourceFile, script.SourceLine));
        var pending = report.Todos.Single(t => t.GeneratedFile == "connections.bal");
        Assert.Equal(("endpoints/OrderQueueEP.xml", 2), (pending.SourceFile, pending.SourceLine));
    }

    [Fact]
    public void Unsupported_elements_diagnostics_and_the_graph()
    {
        var report = Convert().Report!;
        Assert.Equal(["call", "endpoint (artifact)", "script", "sequence"], report.Unsupported.Select(u => u.Element));
        Assert.Equal(["SB0231"], report.Unsupported.Single(u => u.Element == "script").Codes.AsEnumerable());
        var codes = report.Diagnostics.ToDictionary(g => g.Code, g => g.Count);
        Assert.Equal(1, codes["SB0218"]);
        Assert.Equal("error", report.Diagnostics.Single(g => g.Code == "SB0218").Severity);
        Assert.Equal(report.Summary.Errors + report.Summary.Warnings + report.Summary.Infos, report.Diagnostics.Sum(g => g.Count));

        var nodes = report.Graph.Nodes.ToDictionary(n => n.Name, n => n);
        var api = nodes["OrderAPI"].Id;
        var targets = report.Graph.Edges.Where(e => e.From == api).Select(e => report.Graph.Nodes.Single(n => n.Id == e.To).Name).Order(StringComparer.Ordinal);
        Assert.Equal(["Audit", "OrderBackendEP", "OrderQueueEP", "Validate"], targets);
        Assert.Equal("Missing", nodes["Audit"].Kind);
        Assert.Null(nodes["Audit"].Status);
    }

    [Fact]
    public void Json_has_a_schema_version_and_the_documented_fields()
    {
        using var json = JsonDocument.Parse(ReportWriter.ToJson(Convert().Report!));
        var root = json.RootElement;
        Assert.Equal(MigrationReportData.CurrentSchemaVersion, root.GetProperty("schemaVersion").GetInt32());
        Assert.Equal(
            ["schemaVersion", "tool", "source", "package", "form", "summary", "estimate", "artifacts", "unsupported", "todos", "diagnostics", "graph", "projects"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(
            ["artifacts", "files", "mediators", "mediatorsTranslated", "mediatorsInTodos", "weightUnits", "weightUnitsInTodos", "coverage", "weightedCoverage", "todos", "errors", "warnings", "infos"],
            root.GetProperty("summary").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["bestHours", "averageHours", "worstHours"], root.GetProperty("estimate").EnumerateObject().Select(p => p.Name));
        Assert.Equal(
            ["kind", "name", "source", "line", "status", "mediators", "mediatorsTranslated", "mediatorsInTodos", "weightedCoverage", "todos"],
            root.GetProperty("artifacts")[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(["code", "message", "sourceFile", "sourceLine", "generatedFile", "generatedLine"], root.GetProperty("todos")[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(["code", "severity", "title", "count", "items"], root.GetProperty("diagnostics")[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(["nodes", "edges"], root.GetProperty("graph").EnumerateObject().Select(p => p.Name));
        Assert.Contains(root.GetProperty("artifacts").EnumerateArray(), a => a.GetProperty("status").GetString() == "notConverted");
    }

    [Fact]
    public void Html_is_one_self_contained_page_with_a_bar_tables_and_an_svg_graph()
    {
        var result = Convert();
        var html = ReportWriter.Html(result.Renderer!, result.Report!).Content;
        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Contains("class=\"bar\"", html);
        Assert.Contains("<svg xmlns=\"http://www.w3.org/2000/svg\"", html);
        Assert.Contains("id=\"todos\"", html);
        Assert.Contains("id=\"unsupported\"", html);
        Assert.Contains("id=\"estimate\"", html);

        // No external asset: no script, stylesheet, image or font fetched from anywhere.
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<link", html);
        Assert.DoesNotContain("<img", html);
        Assert.DoesNotContain("@import", html);
        Assert.DoesNotContain("url(http", html);
        Assert.Equal(1, html.Split("http://").Length - 1); // the SVG namespace only
        Assert.DoesNotContain("https://", html);
    }

    [Fact]
    public void Html_escapes_names_from_the_input()
    {
        var directory = Directory.CreateTempSubdirectory("synapse2bal-report-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(directory, "s.xml"), """<sequence xmlns="http://ws.apache.org/ns/synapse" name="a&lt;script&gt;b"><log/></sequence>""");
            var result = Converter.Convert(new ConversionOptions(directory));
            var html = ReportWriter.Html(result.Renderer!, result.Report!).Content;
            Assert.DoesNotContain("<script>", html);
            Assert.Contains("a&lt;script&gt;b", html);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Sarif_has_the_required_fields_of_2_1_0()
    {
        var result = Convert();
        using var json = JsonDocument.Parse(Sarif.Write(result.Diagnostics, result.SourceRoot, "1.2.3"));
        var root = json.RootElement;
        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        var run = Assert.Single(root.GetProperty("runs").EnumerateArray());
        var driver = run.GetProperty("tool").GetProperty("driver");
        Assert.Equal("SynapseToBal", driver.GetProperty("name").GetString());
        var rules = driver.GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(result.Diagnostics.Count, results.Count);
        foreach (var item in results)
        {
            Assert.False(string.IsNullOrEmpty(item.GetProperty("message").GetProperty("text").GetString()));
            Assert.Contains(item.GetProperty("level").GetString(), new[] { "none", "note", "warning", "error" });
            var rule = item.GetProperty("ruleId").GetString();
            Assert.Equal(rules.IndexOf(rule), item.GetProperty("ruleIndex").GetInt32());
            if (item.TryGetProperty("locations", out var locations))
            {
                var physical = locations[0].GetProperty("physicalLocation");
                var uri = physical.GetProperty("artifactLocation").GetProperty("uri").GetString()!;
                Assert.False(Path.IsPathRooted(uri), uri);
                Assert.True(Uri.IsWellFormedUriString(uri, UriKind.Relative), uri);
                Assert.True(physical.GetProperty("region").GetProperty("startLine").GetInt32() >= 1);
            }
        }

        Assert.Contains(results, r => r.GetProperty("level").GetString() == "error" && r.GetProperty("ruleId").GetString() == "SB0218");
        Assert.Contains(results, r => r.GetProperty("level").GetString() == "note");
        foreach (var rule in driver.GetProperty("rules").EnumerateArray())
        {
            Assert.False(string.IsNullOrEmpty(rule.GetProperty("shortDescription").GetProperty("text").GetString()));
        }
    }

    [Theory]
    [InlineData("1.4.2", "1.4.2")]
    [InlineData("1.0", "1.0.0")]
    [InlineData("2.0.0-SNAPSHOT", "2.0.0-SNAPSHOT")]
    [InlineData("1.0-SNAPSHOT", "1.0.0-SNAPSHOT")]
    [InlineData("${project.version}", null)]
    [InlineData("1.0.0.1", null)]
    [InlineData("01.2.3", null)]
    public void A_project_version_is_kept_when_it_is_semantic(string version, string? expected) =>
        Assert.Equal(expected, PackageMetadata.SemanticVersion(version));

    [Fact]
    public void A_version_that_is_not_semantic_falls_back_with_sb0010()
    {
        var diagnostics = new DiagnosticBag();
        Assert.Equal("0.1.0", new PackageMetadata("x", "${revision}", "pom.xml").VersionOrDefault(diagnostics));
        var diagnostic = Assert.Single(diagnostics.Sorted());
        Assert.Equal("SB0010", diagnostic.Id);
    }

    [Fact]
    public void Ballerina_toml_takes_the_name_and_version_of_the_pom()
    {
        var toml = Convert().Files.Single(f => f.RelativePath == "Ballerina.toml").Content;
        Assert.Contains("name = \"order_services\"", toml);
        Assert.Contains("version = \"1.4.2\"", toml);
    }

    [Fact]
    public void The_project_name_option_wins_over_the_pom()
    {
        var toml = Converter.Convert(new ConversionOptions(Mixed, PackageName: "mine")).Files.Single(f => f.RelativePath == "Ballerina.toml").Content;
        Assert.Contains("name = \"mine\"", toml);
        Assert.Contains("version = \"1.4.2\"", toml);
    }

    [Fact]
    public void An_aggregate_sums_its_projects()
    {
        var one = Convert().Report!;
        var aggregate = MigrationReportBuilder.Aggregate("all", [("a", "a", one), ("b", "b", one)]);
        Assert.Equal(2 * one.Summary.Mediators, aggregate.Summary.Mediators);
        Assert.Equal(2 * one.Summary.Todos, aggregate.Todos.Length);
        Assert.Equal(one.Summary.WeightedCoverage, aggregate.Summary.WeightedCoverage);
        Assert.Equal(["a", "b"], aggregate.Projects.Select(p => p.Name));
        Assert.All(aggregate.Todos, t => Assert.Matches("^(a|b)/", t.GeneratedFile));
        Assert.Equal(2 * one.Graph.Nodes.Length, aggregate.Graph.Nodes.Select(n => n.Id).Distinct().Count());
    }
}
