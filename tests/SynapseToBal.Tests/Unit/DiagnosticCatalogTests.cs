using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using SynapseToBal.Diagnostics;
using SynapseToBal.Syntax;
using Xunit;

namespace SynapseToBal.Tests.Unit;

public sealed partial class DiagnosticCatalogTests
{
    /// <summary>The category of each code group (SBggnn): a code's group is the stage that reports it.</summary>
    private static readonly Dictionary<string, string> CategoryOfGroup = new(StringComparer.Ordinal)
    {
        ["00"] = "Input",
        ["01"] = "Syntax",
        ["05"] = "Semantics",
        ["02"] = "Lowering",
        ["06"] = "Lowering",
        ["03"] = "Emit",
        ["09"] = "Internal",
    };

    /// <summary>The group each stage folder under src/SynapseToBal reports. Driver/ reports for the stages it calls and Diagnostics/ defines the codes; neither is scanned.</summary>
    private static readonly Dictionary<string, string> CategoryOfStageFolder = new(StringComparer.Ordinal)
    {
        ["Project"] = "Input",
        ["Syntax"] = "Syntax",
        ["Semantics"] = "Semantics",
        ["Lowering"] = "Lowering",
        ["Refine"] = "Emit",
        ["Emit"] = "Emit",
        ["Report"] = "Input",
        ["Output"] = "Emit",
    };

    /// <summary>Any stage may report a code of these groups.</summary>
    private static readonly HashSet<string> SharedCategories = new(StringComparer.Ordinal) { "Internal" };

    /// <summary>Uses of another stage's code, each with its reason. Keep this short; docs/diagnostics.md says the same.</summary>
    private static readonly Dictionary<(string Folder, string Field), string> CrossStageUses = new()
    {
        [("Syntax", nameof(DiagnosticCatalog.XmlMalformed))] = "the parser is what loads the XML, so it reports a file that is not well-formed",
        [("Syntax", nameof(DiagnosticCatalog.NotSynapseArtifact))] = "the parser checks the root element of a file given to it directly",
        [("Syntax", nameof(DiagnosticCatalog.DataServiceWithoutOperations))] = "the parser checks the root element of a file given to it directly: a .dbs data service with nothing in it",
        [("Report", nameof(DiagnosticCatalog.UnknownElement))] = "Inventory reads these Syntax codes to count unread elements; it reports nothing",
        [("Report", nameof(DiagnosticCatalog.ElementNotRepresented))] = "Inventory reads these Syntax codes to count unread elements; it reports nothing",
        [("Report", nameof(DiagnosticCatalog.AttributeNotRead))] = "Inventory reads this Syntax code to list unread attributes; it reports nothing",
        [("Report", nameof(DiagnosticCatalog.ExpressionNotTranslated))] = "coverage counts a mediator whose expression is not translated under this code; it reports nothing",
        [("Lowering", nameof(DiagnosticCatalog.InvalidAttribute))] = "values only lowering checks: uri-template variables, HTTP methods, template parameters, payload arguments",
        [("Lowering", nameof(DiagnosticCatalog.UnresolvedReference))] = "only as the code of the TODO left where the reference graph already reported the key (.Id), never reported again",
        [("Lowering", nameof(DiagnosticCatalog.ApiContextClash))] = "only as the code of the TODO of an API the semantic model already reported as refused for its URL context, never reported again",
        [("Lowering", nameof(DiagnosticCatalog.ApiNotDeployable))] = "only as the code of the TODO of an API the semantic model already reported as not deployable (a uri-template the Micro Integrator cannot parse), never reported again",
        [("Lowering", nameof(DiagnosticCatalog.DeployTimePlaceholderNotResolved))] = "only lowering knows which values the Micro Integrator passes through ResolverFactory (an endpoint's uri, an inbound endpoint's or message store's parameter)",
        [("Lowering", nameof(DiagnosticCatalog.DataServicePlaceholderUnbound))] = "a data service query's placeholders are checked only for the queries lowering generates, with its parameters' trimmed names",
        [("Project", nameof(DiagnosticCatalog.CustomMessageHandler))] = "the loader is what reads the server's deployment.toml, where the custom formatters and builders are registered",
        [("Project", nameof(DiagnosticCatalog.DataSourceEntryNotRead))] = "the loader reads the server's deployment.toml into data source syntax nodes, beside the data sources files the parser reads (SB0112)",
        [("Project", nameof(DiagnosticCatalog.ServerConfigurationNotRead))] = "the loader reads the server's deployment.toml into data source syntax nodes and reports what it leaves",
        [("Project", nameof(DiagnosticCatalog.RegistryResourceClash))] = "the loader is what reads the registry folders and the .car archives, and keeps one copy of each registry path before anything reads it",
        [("Project", nameof(DiagnosticCatalog.BuiltCopyOfSource))] = "the loader is what sees a .car inside a project beside the sources it was built from, and leaves its copies out before parsing",
        [("Lowering", nameof(DiagnosticCatalog.ServiceNameClash))] = "only as the code of the TODO of a proxy or data service the semantic model already reported as refused for a data service's name, never reported again",
    };

    private static IReadOnlyList<(string Field, DiagnosticDescriptor Descriptor)> Descriptors() => typeof(DiagnosticCatalog)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
        .Select(f => (f.Name, (DiagnosticDescriptor)f.GetValue(null)!))
        .ToList();

    [Fact]
    public void Codes_are_unique_and_grouped_by_the_stage_that_reports_them()
    {
        var descriptors = Descriptors();
        Assert.NotEmpty(descriptors);
        Assert.Equal(descriptors.Count, descriptors.Select(d => d.Descriptor.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(descriptors.Count, DiagnosticCatalog.All.Count());
        foreach (var (field, descriptor) in descriptors)
        {
            Assert.Matches("^SB0[0-9]{3}$", descriptor.Id);
            Assert.True(CategoryOfGroup.TryGetValue(descriptor.Id[2..4], out var category), $"{field}: {descriptor.Id} is in no group");
            Assert.True(category == descriptor.Category, $"{field}: {descriptor.Id} is in group {category} but its category is {descriptor.Category}");
        }
    }

    [Fact]
    public void Retired_codes_are_not_reused_and_say_where_they_went()
    {
        var active = Descriptors().Select(d => d.Descriptor.Id).ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(DiagnosticCatalog.RetiredCodes);
        foreach (var (code, why) in DiagnosticCatalog.RetiredCodes)
        {
            Assert.Matches("^SB0[0-9]{3}$", code);
            Assert.DoesNotContain(code, active);
            Assert.False(string.IsNullOrWhiteSpace(why), $"{code} gives no reason");
            if (MovedTo().Match(why) is { Success: true } moved)
            {
                Assert.True(active.Contains(moved.Groups[1].Value), $"{code} moved to {moved.Groups[1].Value}, which does not exist");
            }
        }
    }

    [Fact]
    public void Every_code_has_a_title_a_description_and_a_help_link()
    {
        foreach (var (field, descriptor) in Descriptors())
        {
            var title = descriptor.Title.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var format = descriptor.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var description = descriptor.Description.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Assert.False(string.IsNullOrWhiteSpace(title), $"{field} has no title");
            Assert.False(string.IsNullOrWhiteSpace(format), $"{field} has no message format");
            Assert.False(string.IsNullOrWhiteSpace(description), $"{field} has no description");
            Assert.True(title.Length <= 40 && !title.Contains('{', StringComparison.Ordinal), $"{field}: the title '{title}' should be short and have no placeholders");
            Assert.NotEqual(format, title);
            Assert.Equal("docs/diagnostics.md#" + descriptor.Id.ToLowerInvariant(), descriptor.HelpLinkUri);
        }
    }

    [Fact]
    public void The_diagnostics_document_has_one_section_per_code_matching_the_catalogue()
    {
        var text = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "docs", "diagnostics.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        var sections = Section().Matches(text).ToDictionary(m => m.Groups["id"].Value, StringComparer.Ordinal);
        var descriptors = Descriptors().ToDictionary(d => d.Descriptor.Id, d => d.Descriptor, StringComparer.Ordinal);

        // Every anchor and code heading belongs to a well-formed section, and every section to an active code.
        var anchors = Anchor().Matches(text).Select(m => m.Groups[1].Value).ToList();
        var headings = CodeHeading().Matches(text).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(anchors.Count, anchors.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(anchors.Order(StringComparer.Ordinal), sections.Keys.Select(k => k.ToLowerInvariant()).Order(StringComparer.Ordinal));
        Assert.Equal(headings.Order(StringComparer.Ordinal), sections.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(descriptors.Keys.Order(StringComparer.Ordinal), sections.Keys.Order(StringComparer.Ordinal));

        foreach (var (id, section) in sections)
        {
            var descriptor = descriptors[id];
            var culture = System.Globalization.CultureInfo.InvariantCulture;
            Assert.Equal(id.ToLowerInvariant(), section.Groups["anchor"].Value);
            Assert.Equal(descriptor.Title.ToString(culture), section.Groups["title"].Value);
            Assert.Equal(Severity(descriptor.DefaultSeverity), section.Groups["severity"].Value);
            Assert.Equal(descriptor.Category, section.Groups["stage"].Value);
            Assert.Equal(descriptor.MessageFormat.ToString(culture), section.Groups["message"].Value);
            Assert.Equal(descriptor.Description.ToString(culture), Unescape(section.Groups["description"].Value));
            Assert.False(string.IsNullOrWhiteSpace(section.Groups["help"].Value));
        }

        // Retired codes appear only in the retired table, each with a row.
        var retiredRows = RetiredRow().Matches(text).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(DiagnosticCatalog.RetiredCodes.Keys.Order(StringComparer.Ordinal), retiredRows.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Each_stage_reports_codes_of_its_own_group()
    {
        var categories = Descriptors().ToDictionary(d => d.Field, d => d.Descriptor.Category, StringComparer.Ordinal);
        var source = Path.Combine(TestPaths.RepositoryRoot, "src", "SynapseToBal");
        var used = new HashSet<(string Folder, string Field)>();
        var wrong = new List<string>();
        foreach (var (folder, category) in CategoryOfStageFolder)
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(source, folder), "*.cs", SearchOption.AllDirectories))
            {
                foreach (Match use in CatalogUse().Matches(File.ReadAllText(file)))
                {
                    var field = use.Groups[1].Value;
                    if (!categories.TryGetValue(field, out var actual) || actual == category || SharedCategories.Contains(actual))
                    {
                        continue;
                    }

                    if (CrossStageUses.ContainsKey((folder, field)))
                    {
                        used.Add((folder, field));
                    }
                    else
                    {
                        wrong.Add($"{folder}/{Path.GetFileName(file)} uses {field} ({actual}) but reports {category} codes");
                    }
                }
            }
        }

        Assert.Empty(wrong);
        Assert.Empty(CrossStageUses.Keys.Except(used)); // an exception nothing needs any more goes away
    }

    [Fact]
    public void No_source_or_doc_still_names_a_retired_code()
    {
        var root = TestPaths.RepositoryRoot;
        var files = new[] { "src", "tests", "templates", "examples" }
            .SelectMany(d => Directory.EnumerateFiles(Path.Combine(root, d), "*", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => Path.GetExtension(f) is ".cs" or ".md" or ".txt" or ".bal" or ".sbn")
            .Concat([Path.Combine(root, "README.md"), Path.Combine(root, "docs", "design.md"), Path.Combine(root, "docs", "mapping.md")])
            .Where(f => Path.GetFileName(f) is not "DiagnosticCatalog.cs" and not "DiagnosticCatalogTests.cs");
        var stale = new List<string>();
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            stale.AddRange(DiagnosticCatalog.RetiredCodes.Keys
                .Where(code => text.Contains(code, StringComparison.Ordinal))
                .Select(code => $"{Path.GetRelativePath(root, file)} names retired {code}"));
        }

        Assert.Empty(stale);
    }

    [Fact]
    public void Diagnostics_print_in_compiler_form()
    {
        var bag = new DiagnosticBag();
        var text = Microsoft.CodeAnalysis.Text.SourceText.From("<a>\n  <b/>\n</a>");
        var span = new Microsoft.CodeAnalysis.Text.TextSpan(6, 4);
        var location = new SourceLocation("/src/proj/a.xml", span, text.Lines.GetLinePositionSpan(span));
        var diagnostic = bag.Report(DiagnosticCatalog.MediatorNotTranslated, location, "b", " yet");
        Assert.Equal("a.xml(2,3): warning SB0201: The <b> mediator is not translated yet; the original XML is kept in a TODO", DiagnosticBag.Format(diagnostic, "/src/proj"));
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
    }

    [Fact]
    public void The_same_diagnostic_reported_twice_at_the_same_place_is_kept_once()
    {
        // One flow lowered for two entry points (the main sequence on the request and on the response) reports its
        // findings twice: the log and the report list each once.
        var bag = new DiagnosticBag();
        var text = Microsoft.CodeAnalysis.Text.SourceText.From("<a>\n  <b/>\n</a>");
        var span = new Microsoft.CodeAnalysis.Text.TextSpan(6, 4);
        var location = new SourceLocation("/src/proj/a.xml", span, text.Lines.GetLinePositionSpan(span));
        bag.Report(DiagnosticCatalog.MediatorNotTranslated, location, "b", " yet");
        bag.Report(DiagnosticCatalog.MediatorNotTranslated, location, "b", " yet");
        bag.AddRange([Diagnostic.Create(DiagnosticCatalog.MediatorNotTranslated, location.ToLocation(), "b", " yet")]);
        Assert.Single(bag.Items);

        // Another message or another place is another diagnostic.
        bag.Report(DiagnosticCatalog.MediatorNotTranslated, location, "c", " yet");
        bag.Report(DiagnosticCatalog.MediatorNotTranslated, null, "b", " yet");
        Assert.Equal(3, bag.Items.Count);
    }

    private static string Severity(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "info",
    };

    /// <summary>The Markdown escapes docs/diagnostics.md uses in description paragraphs.</summary>
    private static string Unescape(string markdown) => markdown
        .Replace("&lt;", "<", StringComparison.Ordinal)
        .Replace("&gt;", ">", StringComparison.Ordinal)
        .Replace("\\*", "*", StringComparison.Ordinal)
        .Replace("&amp;", "&", StringComparison.Ordinal);

    [GeneratedRegex(@"^<a id=""(?<anchor>sb\d{4})""></a>\n\n### (?<id>SB\d{4}): (?<title>[^\n]+)\n\n- Severity: (?<severity>\w+)\n- Stage: (?<stage>\w+)\n- Message: `(?<message>[^`\n]+)`\n\n(?<description>[^\n]+)\n\n\*\*What to do:\*\* (?<help>[^\n]+)\n", RegexOptions.Multiline)]
    private static partial Regex Section();

    [GeneratedRegex(@"<a id=""(sb\d{4})""")]
    private static partial Regex Anchor();

    [GeneratedRegex(@"^#+ (SB\d{4})\b", RegexOptions.Multiline)]
    private static partial Regex CodeHeading();

    [GeneratedRegex(@"^\| (SB\d{4}) \|", RegexOptions.Multiline)]
    private static partial Regex RetiredRow();

    [GeneratedRegex(@"^moved to (SB\d{4})\b")]
    private static partial Regex MovedTo();

    [GeneratedRegex(@"\bDiagnosticCatalog\.(\w+)")]
    private static partial Regex CatalogUse();
}
