using System.Text.RegularExpressions;
using Xunit;

namespace SynapseToBal.Tests.Architecture;

/// <summary>
/// Each stage of the pipeline is a folder and a namespace under src/SynapseToBal, and reaches only the stages
/// before it that it is built on (Project → Syntax → Semantics → Lowering → IR → Refine → Emit; Report and
/// Driver at the end read what they present). Checked on the source: every <c>using SynapseToBal.X</c> and
/// every qualified reference to a stage namespace, outside comments and strings.
/// </summary>
public sealed partial class StageDependencyTests
{
    /// <summary>The stages each stage may use (besides itself).</summary>
    private static readonly Dictionary<string, string[]> Allowed = new(StringComparer.Ordinal)
    {
        ["Diagnostics"] = ["Syntax"], // a diagnostic's location is a SourceLocation
        ["Syntax"] = ["Diagnostics"],
        ["Project"] = ["Diagnostics", "Syntax"],
        ["Semantics"] = ["Diagnostics", "Syntax"],
        ["Lowering"] = ["Diagnostics", "Syntax", "Semantics", "IR"],
        ["IR"] = ["Diagnostics", "Syntax"], // IR nodes point back to their syntax origin
        ["Refine"] = ["IR"],
        ["Emit"] = ["Diagnostics", "Syntax", "IR", "Refine"], // Syntax: the origins' locations and XML, for TODO comments
        ["Report"] = ["Diagnostics", "Project", "Syntax", "Semantics", "IR", "Refine", "Emit"], // the migration report measures the IR and reads the generated files
        ["Driver"] = ["Diagnostics", "Project", "Syntax", "Semantics", "Lowering", "IR", "Refine", "Emit", "Report"],
        ["Output"] = ["Diagnostics", "IR", "Refine", "Emit", "Driver", "Report"], // writing into an output folder, after a conversion (a spliced run rebuilds the report it keeps)
    };

    private static string Library => Path.Combine(TestPaths.RepositoryRoot, "src", "SynapseToBal");

    public static TheoryData<string> Stages()
    {
        var data = new TheoryData<string>();
        foreach (var stage in Allowed.Keys.Order(StringComparer.Ordinal))
        {
            data.Add(stage);
        }

        return data;
    }

    [Fact]
    public void Every_source_folder_is_a_known_stage()
    {
        var folders = Directory.EnumerateDirectories(Library).Select(Path.GetFileName).Where(f => f is not ("bin" or "obj")).ToList();
        Assert.Equal(Allowed.Keys.Order(StringComparer.Ordinal), folders.Order(StringComparer.Ordinal)!);
    }

    [Theory]
    [MemberData(nameof(Stages))]
    public void A_stage_uses_only_the_stages_it_is_built_on(string stage)
    {
        var violations = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Library, stage), "*.cs", SearchOption.AllDirectories))
        {
            foreach (var used in UsedStages(File.ReadAllText(file)))
            {
                if (used != stage && !Allowed[stage].Contains(used))
                {
                    violations.Add($"{Path.GetRelativePath(Library, file)} uses {used}");
                }
            }
        }

        Assert.Empty(violations);
    }

    [Fact]
    public void The_check_sees_usings_and_qualified_names_but_not_comments_or_strings()
    {
        var code = """
            using SynapseToBal.Emit;
            // using SynapseToBal.Driver;
            var x = "SynapseToBal.Report.Inventory";
            var y = Lowering.Lowerer.Lower(a, b);
            var z = SynapseToBal.Refine.BallerinaSyntax.CamelCase("a");
            """;
        Assert.Equal(["Emit", "Lowering", "Refine"], UsedStages(code).Order(StringComparer.Ordinal));
    }

    private static IEnumerable<string> UsedStages(string source)
    {
        var code = CommentsAndStrings().Replace(source, " ");
        return StageReference().Matches(code)
            .Select(m => m.Groups["stage"].Value)
            .Where(Allowed.ContainsKey)
            .Distinct(StringComparer.Ordinal);
    }

    [GeneratedRegex(@"//[^\n]*|/\*.*?\*/|@""(?:[^""]|"""")*""|""""""[\s\S]*?""""""|""(?:[^""\\\n]|\\.)*""", RegexOptions.Singleline)]
    private static partial Regex CommentsAndStrings();

    [GeneratedRegex(@"\busing\s+(?:\w+\s*=\s*)?SynapseToBal\.(?<stage>\w+)|(?<![\w.])(?:SynapseToBal\.)?(?<stage>[A-Z]\w*)\.[A-Z]")]
    private static partial Regex StageReference();
}
