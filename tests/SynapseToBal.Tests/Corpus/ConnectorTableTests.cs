using System.Globalization;
using System.Text;
using SynapseToBal.Diagnostics;
using SynapseToBal.Lowering;
using SynapseToBal.Semantics;
using SynapseToBal.Syntax;
using Xunit;
using Xunit.Abstractions;

namespace SynapseToBal.Tests.Corpus;

/// <summary>
/// Keeps the table of docs/connectors.md in step with the code's connector → module map (<see cref="Connectors"/>)
/// and with the corpus: one row per connector the corpus uses or the map knows, with the number of its operations in
/// the corpus (counted on the parsed syntax trees), its Ballerina module and its status. With
/// <c>SYNAPSE2BAL_UPDATE_GOLDEN=1</c> (not on CI) the table is rewritten and the test still fails.
/// </summary>
public sealed class ConnectorTableTests(ITestOutputHelper output)
{
    private const string Begin = "<!-- connectors:begin -->";
    private const string End = "<!-- connectors:end -->";

    private static string Document => Path.Combine(TestPaths.RepositoryRoot, "docs", "connectors.md");

    [Fact]
    public void The_connector_table_matches_the_module_map_and_the_corpus()
    {
        var text = File.ReadAllText(Document).Replace("\r\n", "\n", StringComparison.Ordinal);
        var start = text.IndexOf(Begin, StringComparison.Ordinal);
        var end = text.IndexOf(End, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"docs/connectors.md has no table between {Begin} and {End}");
        var current = text[(start + Begin.Length)..end].Trim('\n');

        var counts = TestPaths.Corpus is { } corpus ? CountOperations(corpus) : null;
        if (counts is null)
        {
            output.WriteLine("The corpus is absent: only the modules and statuses of the table are checked, not its counts.");
            var rows = current.Split('\n').Skip(2).Select(r => r.Split('|', StringSplitOptions.TrimEntries)).ToList();
            Assert.All(rows, r => Assert.Equal(ModuleCell(r[1].Trim('`')), r[3]));
            Assert.All(Connectors.All.Keys, k => Assert.Contains(rows, r => r[1].Trim('`') == k));
            return;
        }

        var expected = Table(counts);
        output.WriteLine($"{counts.Values.Sum()} connector operations of {counts.Count} connectors in the corpus.");
        if (expected == current)
        {
            return;
        }

        if (Environment.GetEnvironmentVariable("SYNAPSE2BAL_UPDATE_GOLDEN") == "1" && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
        {
            File.WriteAllText(Document, text[..(start + Begin.Length)] + "\n" + expected + "\n" + text[end..]);
            Assert.Fail("docs/connectors.md was rewritten; review it and run the tests again.");
        }

        Assert.Fail("docs/connectors.md is out of step with the connector map or the corpus; run with SYNAPSE2BAL_UPDATE_GOLDEN=1 to rewrite it. Expected table:\n" + expected);
    }

    /// <summary>The number of connector operations of each connector in the corpus files, as the parser reads them.</summary>
    internal static SortedDictionary<string, int> CountOperations(string corpus)
    {
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(corpus, "*.xml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var document = SynapseParser.ParseText(file, File.ReadAllText(file), new DiagnosticBag());
            if (document is null)
            {
                continue;
            }

            foreach (var operation in MediatorCollector.Collect(document.Artifacts).OfType<ConnectorOperationMediator>())
            {
                counts[operation.Connector] = counts.GetValueOrDefault(operation.Connector) + 1;
            }
        }

        return counts;
    }

    private static string Table(IReadOnlyDictionary<string, int> counts)
    {
        var names = counts.Keys.Concat(Connectors.All.Keys).Distinct(StringComparer.Ordinal);
        var table = new StringBuilder();
        table.Append("| Connector | Operations in the corpus | Ballerina module | Status |\n|---|---|---|---|\n");
        foreach (var name in names.OrderByDescending(n => counts.GetValueOrDefault(n)).ThenBy(n => n, StringComparer.OrdinalIgnoreCase).ThenBy(n => n, StringComparer.Ordinal))
        {
            table.Append(CultureInfo.InvariantCulture, $"| `{name}` | {counts.GetValueOrDefault(name)} | {ModuleCell(name)} | {StatusCell(name)} |\n");
        }

        return table.ToString().TrimEnd('\n');
    }

    private static string ModuleCell(string connector) => Connectors.Of(connector)?.Module ?? "none known";

    private static string StatusCell(string connector) => Connectors.Translated(connector) is { } translated
        ? translated
        : Connectors.Of(connector) is not null && Connectors.Why(connector) is { } why
        ? $"TODO naming the module and the calls (SB0232): {why}"
        : Connectors.Of(connector) is not null
        ? "TODO naming the module (SB0232)"
        : Connectors.WithoutHttp(connector) is not null
            ? "TODO: written by hand, no HTTP API (SB0232)"
            : "TODO: call the service's API with an http:Client (SB0232)";
}
