using SynapseToBal.Cli;
using SynapseToBal.Driver;
using SynapseToBal.Output;
using Xunit;

namespace SynapseToBal.Tests.Output;

/// <summary>
/// The splice in the CLI (issue 12): <c>convert</c> splices a change confined to one API, and writes from the record the
/// migration report, <c>MIGRATION.md</c>, SARIF and the console lines a whole conversion writes. Each rerun is compared
/// with a fresh <c>convert</c> of the same input into an empty folder: every file (report files, manifest and records
/// included), the SARIF file and standard output.
/// </summary>
public sealed partial class IncrementalEquivalenceTests
{
    /// <summary>The TODO of a class mediator (SB0231), the lines of another API's TODO of another code move with the text before them.</summary>
    private const string ClassTodo = "<class name=\"org.example.Audit\"/>";

    [Fact]
    public void The_cli_splices_a_change_confined_to_one_api_and_writes_the_reports_sarif_and_console_of_a_whole_conversion()
    {
        Generate(Input, apis: 30, sequences: 5, endpoints: 5);
        var api7 = Path.Combine(Input, "apis", "Api7.xml");
        Edit(api7, "</api>", RunsDefaultFault); // the resource added below runs the default fault sequence the package has
        Edit(api7, "<respond/>", ClassTodo + "<respond/>");
        Edit(Path.Combine(Input, "apis", "Api8.xml"), "<respond/>", "<transaction action=\"new\"/><respond/>"); // Api8 sorts after Api7: its TODO line moves
        CliAssertEqualsFresh("the first run");
        var report = File.ReadAllText(Path.Combine(Out, "migration_report.json"));
        Assert.Contains("\"code\": \"SB0231\"", report, StringComparison.Ordinal);
        Assert.Contains("\"code\": \"SB0229\"", report, StringComparison.Ordinal);

        const string Added = "<log level=\"custom\"><property name=\"incr\" value=\"added\"/></log>";
        foreach (var (name, apply) in new (string Name, Action Apply)[]
        {
            ("a value after the API's TODO", () => SetValue("Api7", "A", "incr-A")),
            ("a mediator added after the API's TODO (the lines after it move)", () => Edit(api7, "<switch", Added + "<switch")),
            // It runs handleFault, which the package has for Api7's PUT resource.
            ("a resource added", () => Edit(api7, "</api>", "<resource methods=\"DELETE\" uri-template=\"/items/{id}\"><inSequence><log level=\"custom\"><property name=\"gone\" expression=\"$ctx:uri.var.id\"/></log><respond/></inSequence></resource></api>")),
            ("a mediator removed (the lines after it move back)", () => Edit(api7, Added, string.Empty)),
            ("a value in an API without TODOs", () => SetValue("Api3", "A", "incr-A")),
        })
        {
            apply();
            Assert.True(SplicesAsTheCliDoes(), $"'{name}' would be converted whole");
            CliAssertEqualsFresh(name);
        }

        // Converted whole: a TODO added (its diagnostic is new), and --no-splice.
        Edit(api7, "<switch", ClassTodo + "<switch");
        Assert.False(SplicesAsTheCliDoes(), "an added TODO would be spliced");
        CliAssertEqualsFresh("an added TODO");
        SetValue("Api3", "incr-A", "A");
        CliAssertEqualsFresh("a change converted with --no-splice", "--no-splice");
        SetValue("Api3", "A", "incr-A");
        Assert.True(SplicesAsTheCliDoes(), "a change after --no-splice would be converted whole");
        CliAssertEqualsFresh("a change after --no-splice");
    }

    /// <summary>The same on a corpus project: whether or not a change splices, the CLI's output equals a fresh conversion.</summary>
    [Theory]
    [InlineData(CorpusProjects.Routing)]
    [InlineData("micro-integrator/product-scenarios/4-gateway/04-SynapseConfigProject")]
    public void The_cli_converting_again_after_each_change_of_the_gate_writes_what_a_fresh_conversion_writes(string project)
    {
        if (TestPaths.Corpus is not { } corpus || !Directory.Exists(Path.Combine(corpus, project)))
        {
            output.WriteLine($"SKIPPED: ../shared/corpus/{project} is not present beside the repository.");
            return;
        }

        OutputFolders.CopyTree(Path.Combine(corpus, project), Input);
        CliAssertEqualsFresh("the first run");
        var spliced = new List<string>();
        foreach (var change in Changes)
        {
            if (change.Apply(Input))
            {
                if (SplicesAsTheCliDoes())
                {
                    spliced.Add(change.Name);
                }

                CliAssertEqualsFresh(change.Name);
            }
        }

        output.WriteLine($"spliced: {string.Join(", ", spliced)}");
    }

    /// <summary>Whether converting again into (a copy of) the output would splice, with the options the CLI uses.</summary>
    private bool SplicesAsTheCliDoes()
    {
        var copy = Path.Combine(_temp, "probe-" + Guid.NewGuid().ToString("N"));
        OutputFolders.CopyTree(Out, copy);
        var spliced = IncrementalConversion.Run(new ConversionOptions(Input), copy, Splicing, include: WithoutReport).Spliced;
        Directory.Delete(copy, recursive: true);
        return spliced;
    }

    /// <summary>Runs <c>convert</c> into the output folder, then into an empty one: the same files, SARIF and standard output.</summary>
    private void CliAssertEqualsFresh(string after, params string[] options)
    {
        var (code, stdout, sarif) = CliConvert(Out, options);
        var fresh = Path.Combine(_temp, "fresh-" + Guid.NewGuid().ToString("N"));
        var (freshCode, freshStdout, freshSarif) = CliConvert(fresh);
        var expected = OutputFolders.Snapshot(fresh, withManifest: true);
        Directory.Delete(fresh, recursive: true);
        var actual = OutputFolders.Snapshot(Out, withManifest: true);
        Assert.True(
            expected.Count == actual.Count && expected.All(e => actual.TryGetValue(e.Key, out var a) && a == e.Value),
            $"after {after}, the CLI's output differs from a fresh conversion in: {string.Join(", ", Differing(expected, actual))}");
        Assert.Equal(freshCode, code);
        Assert.Equal(freshSarif, sarif);

        // The lines saying what was written differ (a fresh run creates every file); the rest is the same.
        static string Summary(string text) => string.Join("\n", text.Split('\n').Where(l => !l.StartsWith("Output:", StringComparison.Ordinal)));
        Assert.Equal(Summary(freshStdout), Summary(stdout));
    }

    private (int Code, string Stdout, string Sarif) CliConvert(string folder, params string[] options)
    {
        var sarif = Path.Combine(_temp, "run-" + Guid.NewGuid().ToString("N") + ".sarif");
        var (code, stdout, stderr) = OutputFolders.Run(["convert", Input, "-o", folder, "--sarif", sarif, .. options]);
        Assert.True(code is Program.Converted or Program.ConvertedWithErrors, stderr);
        var text = File.ReadAllText(sarif);
        File.Delete(sarif);
        var shown = Path.GetRelativePath(Directory.GetCurrentDirectory(), Path.GetFullPath(folder));
        return (code, stdout.Replace(shown, "<out>", StringComparison.Ordinal), text);
    }
}
