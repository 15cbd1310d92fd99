using System.Text.RegularExpressions;
using SynapseToBal.Cli;
using SynapseToBal.Output;
using Xunit;
using Xunit.Abstractions;

namespace SynapseToBal.Tests.Output;

/// <summary>
/// Converting again into the same output folder (issue 12), on real projects of the shared corpus copied into a
/// temporary folder: nothing written when nothing changed, only the dependent files when an artifact changed,
/// removed files, edits merged (cleanly or with conflicts), <c>--no-merge</c>, <c>--force</c>, <c>--check</c>,
/// one artifact on standard output, and byte-identical output whatever the run or thread count. Each test skips
/// with a message when the corpus is not beside the repository.
/// </summary>
public sealed partial class IncrementalOutputTests(ITestOutputHelper output) : IDisposable
{
    private const string RoutingProject = CorpusProjects.Routing;
    private const string TaskProject = CorpusProjects.Tasks;
    private const string XmlMappingApi = "05-synapseConfig/src/main/synapse-config/api/5_XMLMapping.xml";

    private readonly string _temp = Directory.CreateTempSubdirectory("synapse2bal-incremental-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    private string Input => Path.Combine(_temp, "in");

    private string Out => Path.Combine(_temp, "out");

    [Fact]
    public void Unchanged_input_writes_nothing_and_says_so()
    {
        if (!CopyProject(RoutingProject))
        {
            return;
        }

        Assert.Equal(0, Convert().Code);
        Assert.True(File.Exists(Path.Combine(Out, ".synapse2bal", "manifest.json")));
        Age();
        var (code, stdout, _) = Convert();
        Assert.Equal(0, code);
        Assert.Contains("Up to date: nothing changed since the last conversion", stdout);
        Assert.Empty(Touched());
    }

    [Fact]
    public void A_changed_artifact_rewrites_only_the_files_whose_content_changes()
    {
        if (!CopyProject(RoutingProject))
        {
            return;
        }

        Convert();
        var before = Snapshot(Out);
        Age();
        Edit(XmlMappingApi, "context=\"/xml\"", "context=\"/xml2\"");
        var (code, stdout, _) = Convert();
        Assert.Equal(0, code);

        var expected = Fresh();
        Assert.Equal(expected, Snapshot(Out));
        var changed = expected.Where(e => !before.TryGetValue(e.Key, out var old) || old != e.Value).Select(e => e.Key).Order(StringComparer.Ordinal).ToList();
        Assert.Contains("main.bal", changed);
        Assert.DoesNotContain("connections.bal", changed);
        Assert.Equal(changed, Touched().Where(p => !p.StartsWith(".synapse2bal/", StringComparison.Ordinal)));
        Assert.Contains("service /xml2 on httpListener", File.ReadAllText(Path.Combine(Out, "main.bal")));
        Assert.Contains("regenerated", stdout);

        var manifest = Manifest.Read(Out)!;
        var api = Assert.Single(manifest.Inputs, i => i.Path == XmlMappingApi);
        Assert.Equal(["api:5_XMLMapping"], api.Artifacts);
        Assert.Equal(Manifest.Hash(File.ReadAllBytes(Path.Combine(Input, XmlMappingApi))), api.Hash);
        var main = Assert.Single(manifest.Files, f => f.Path == "main.bal");
        Assert.Contains(XmlMappingApi, main.Sources);
        Assert.Equal(Manifest.Hash(File.ReadAllText(Path.Combine(Out, "main.bal"))), main.Hash);
        Assert.Equal(File.ReadAllText(Path.Combine(Out, "main.bal")), File.ReadAllText(Path.Combine(Out, ".synapse2bal", "base", "main.bal")));
    }

    [Fact]
    public void One_changed_artifact_changes_only_its_own_lines_of_the_shared_files()
    {
        if (!CopyProject(RoutingProject))
        {
            return;
        }

        var before = Fresh();

        // An API: only lines of its own service section in main.bal. (Its context stays: the endpoint 05_EP_XML calls the API
        // at localhost:8290/xml, so its URL follows the package's own listener, SB0505, and would stop following it.)
        Edit(XmlMappingApi, "regex=\"Apple\"", "regex=\"Pear\"");
        var afterApi = Fresh();
        var mainBefore = before["main.bal"].Split('\n');
        var section = Array.FindIndex(mainBefore, l => l.StartsWith("# API '5_XMLMapping'", StringComparison.Ordinal));
        var sectionEnd = Array.FindIndex(mainBefore, section, l => l == "}");
        Assert.All(ChangedLines(before["main.bal"], afterApi["main.bal"]), line => Assert.InRange(line, section, sectionEnd));
        Assert.Equal(["main.bal"], Differing(before, afterApi));

        // An endpoint's URL: its configurable's default and its Config.toml value, one line each.
        Edit("05-synapseConfig/src/main/synapse-config/endpoints/05_EP_SOAP2.xml", ":9091/eiTests", ":9092/eiTests");
        var afterEndpoint = Fresh();
        Assert.Equal(["Config.toml", "configs.bal"], Differing(afterApi, afterEndpoint));
        foreach (var file in new[] { "Config.toml", "configs.bal" })
        {
            var changed = Assert.Single(ChangedLines(afterApi[file], afterEndpoint[file]));
            Assert.Contains(":9091/eiTests", afterApi[file].Split('\n')[changed]);
        }
    }

    private static List<string> Differing(Dictionary<string, string> a, Dictionary<string, string> b) =>
        [.. a.Keys.Union(b.Keys).Where(k => !a.TryGetValue(k, out var x) || !b.TryGetValue(k, out var y) || x != y).Order(StringComparer.Ordinal)];

    /// <summary>The 0-based lines of <paramref name="before"/> a line diff deletes or replaces (an insertion counts at its place).</summary>
    private static List<int> ChangedLines(string before, string after)
    {
        var diff = new DiffPlex.Differ().CreateLineDiffs(before, after, ignoreWhitespace: false);
        return [.. diff.DiffBlocks.SelectMany(b => b.DeleteCountA == 0 ? [b.DeleteStartA] : Enumerable.Range(b.DeleteStartA, b.DeleteCountA))];
    }

    [Fact]
    public void A_removed_artifact_removes_its_files_unless_edited()
    {
        if (!CopyProject(TaskProject))
        {
            return;
        }

        Convert();
        Assert.True(File.Exists(Path.Combine(Out, "tasks.bal")));
        Directory.Delete(Path.Combine(Input, "14-synapseConfig", "src", "main", "synapse-config", "tasks"), recursive: true);
        var (_, stdout, _) = Convert();
        Assert.False(File.Exists(Path.Combine(Out, "tasks.bal")));
        Assert.False(File.Exists(Path.Combine(Out, ".synapse2bal", "base", "tasks.bal")));
        Assert.Contains("removed", stdout);
        Assert.DoesNotContain(Manifest.Read(Out)!.Files, f => f.Path == "tasks.bal");
        Assert.Equal(Fresh(), Snapshot(Out));
    }

    [Fact]
    public void A_removed_artifact_keeps_an_edited_file_with_a_warning()
    {
        if (!CopyProject(TaskProject))
        {
            return;
        }

        Convert();
        var tasks = Path.Combine(Out, "tasks.bal");
        File.AppendAllText(tasks, "// my note\n");
        Directory.Delete(Path.Combine(Input, "14-synapseConfig", "src", "main", "synapse-config", "tasks"), recursive: true);
        var (_, stdout, _) = Convert();
        Assert.True(File.Exists(tasks));
        Assert.EndsWith("// my note\n", File.ReadAllText(tasks));
        Assert.Contains("warning SB0307: 'tasks.bal' is no longer generated", stdout);
        Assert.DoesNotContain(Manifest.Read(Out)!.Files, f => f.Path == "tasks.bal");
    }

    [Fact]
    public void An_edited_file_is_merged_with_its_new_generation()
    {
        if (!CopyProject(RoutingProject))
        {
            return;
        }

        Convert();
        var main = Path.Combine(Out, "main.bal");
        var edited = File.ReadAllText(main).Replace("listener http:Listener httpListener", "// my comment on the listener\nlistener http:Listener httpListener", StringComparison.Ordinal) + "\n// my own function below\nfunction mine() {\n}\n";
        File.WriteAllText(main, edited);
        Edit(XmlMappingApi, "context=\"/xml\"", "context=\"/xml2\"");
        var (code, stdout, _) = Convert();
        Assert.Equal(0, code);
        Assert.Contains("1 file merged with your edits", stdout);
        Assert.DoesNotContain("SB0305", stdout);

        var merged = File.ReadAllText(main);
        var regenerated = Fresh()["main.bal"];
        var expected = regenerated.Replace("listener http:Listener httpListener", "// my comment on the listener\nlistener http:Listener httpListener", StringComparison.Ordinal) + "\n// my own function below\nfunction mine() {\n}\n";
        Assert.Equal(expected, merged);

        // The merged file is still an edited file: the next conversion of the same input leaves it alone.
        Age();
        Assert.Contains("Up to date", Convert().Stdout);
        Assert.Empty(Touched());
    }

    [Fact]
    public void An_edit_to_lines_the_generation_changes_conflicts_with_a_warning_naming_file_and_lines()
    {
        if (!CopyProject(RoutingProject))
        {
            return;
        }

        Convert();
        var main = Path.Combine(Out, "main.bal");
        File.WriteAllText(main, File.ReadAllText(main).Replace("service \"/xml\" on httpListener {", "service \"/xml-mine\" on httpListener {", StringComparison.Ordinal));
        Edit(XmlMappingApi, "context=\"/xml\"", "context=\"/xml2\"");
        var (code, stdout, _) = Convert();
        Assert.Equal(0, code);

        var lines = File.ReadAllLines(main);
        var start = Array.IndexOf(lines, "<<<<<<< main.bal (your version)");
        var middle = Array.IndexOf(lines, "=======");
        var end = Array.IndexOf(lines, ">>>>>>> main.bal (regenerated)");
        Assert.True(start >= 0 && start < middle && middle < end, "no conflict markers");
        Assert.Contains("service \"/xml-mine\" on httpListener {", lines[start..middle]);
        Assert.Contains("service /xml2 on httpListener {", lines[middle..end]);
        Assert.DoesNotContain("service /xml2 on httpListener {", lines[..start]);
        Assert.Contains($"main.bal({start + 1},1): warning SB0305: 'main.bal' was edited since it was generated and the new generation changes the same lines; conflict markers at lines {start + 1}-{end + 1}", stdout);
        Assert.Single(lines, l => l.StartsWith("<<<<<<<", StringComparison.Ordinal));
    }

    [Fact]
    public void No_merge_writes_the_new_generation_beside_the_edited_file()
    {
        if (!CopyProject(RoutingProject))
        {
            return;
        }

        Convert();
        var main = Path.Combine(Out, "main.bal");
        File.AppendAllText(main, "// mine\n");
        var edited = File.ReadAllText(main);
        Edit(XmlMappingApi, "context=\"/xml\"", "context=\"/xml2\"");
        var (_, stdout, _) = Convert("--no-merge");
        Assert.Equal(edited, File.ReadAllText(main));
        Assert.Equal(Fresh()["main.bal"], File.ReadAllText(main + ".new"));
        Assert.Contains("warning SB0306: 'main.bal' was edited since it was generated; the new generation was written to 'main.bal.new'", stdout);
    }

    [Fact]
    public void Force_overwrites_edited_files()
    {
        if (!CopyProject(RoutingProject))
        {
            return;
        }

        Convert();
        File.AppendAllText(Path.Combine(Out, "main.bal"), "// mine\n");
        File.AppendAllText(Path.Combine(Out, "configs.bal"), "// mine too\n");
        var (code, stdout, _) = Convert("--force");
        Assert.Equal(0, code);
        Assert.Contains("2 files overwritten despite edits (--force)", stdout);
        Assert.Equal(Fresh(), Snapshot(Out));
    }

    [Fact]
    public void Check_writes_nothing_and_exits_3_when_the_output_is_out_of_date()
    {
        if (!CopyProject(RoutingProject))
        {
            return;
        }

        Assert.Equal(Program.OutOfDate, Convert("--check").Code);
        Assert.False(Directory.Exists(Out));

        Convert();
        Assert.Equal(0, Convert("--check").Code);
        File.AppendAllText(Path.Combine(Out, "main.bal"), "// an edit the generation does not touch\n");
        Age();
        Assert.Equal(0, Convert("--check").Code);

        Edit(XmlMappingApi, "context=\"/xml\"", "context=\"/xml2\"");
        var (code, stdout, _) = Convert("--check");
        Assert.Equal(Program.OutOfDate, code);
        Assert.Contains("Out of date", stdout);
        Assert.Empty(Touched());
        Assert.DoesNotContain("/xml2", File.ReadAllText(Path.Combine(Out, "main.bal")));
    }

    [Fact]
    public void A_file_not_written_by_a_previous_conversion_is_not_overwritten()
    {
        if (!CopyProject(RoutingProject))
        {
            return;
        }

        Directory.CreateDirectory(Out);
        File.WriteAllText(Path.Combine(Out, "main.bal"), "// hand-written\n");
        var (_, stdout, _) = Convert();
        Assert.Equal("// hand-written\n", File.ReadAllText(Path.Combine(Out, "main.bal")));
        Assert.Contains("warning SB0306: 'main.bal' was not written by a previous conversion into this folder", stdout);
        Assert.True(File.Exists(Path.Combine(Out, "main.bal.new")));
    }

    [Fact]
    public void One_artifact_goes_to_standard_output_with_the_names_of_the_whole_package()
    {
        if (!CopyProject(RoutingProject))
        {
            return;
        }

        var api = Path.Combine(Input, "05-synapseConfig/src/main/synapse-config/api/5_3_1_1_1_API_load_balance_group_test.xml");
        var (code, stdout, _) = Run("convert", api, "--stdout", "--project", Input);
        Assert.Equal(0, code);
        Assert.StartsWith("// ---- main.bal ----\n", stdout);
        Assert.Contains("service \"/5_3_1_1_1_API_load_balance_group_test\" on httpListener", stdout);
        Assert.DoesNotContain("service \"/xml\"", stdout);
        Assert.DoesNotContain("// ---- types.bal ----", stdout);

        // Every client the artifact calls is named as in the whole package.
        var full = Fresh();
        foreach (Match call in CallEndpoint().Matches(stdout))
        {
            Assert.Contains($"final http:", full["connections.bal"]);
            Assert.Contains(" " + call.Groups[1].Value + " = check new", full["connections.bal"]);
        }

        // A task: its job and nothing of the services (not even the listener's port).
        Directory.Delete(Input, recursive: true);
        if (CopyProject(TaskProject))
        {
            var task = Path.Combine(Input, "14-synapseConfig/src/main/synapse-config/tasks/14_1_1_Task_WithInterval.xml");
            var (taskCode, taskOut, _) = Run("convert", task, "--stdout", "--project", Input);
            Assert.Equal(0, taskCode);
            Assert.StartsWith("// ---- tasks.bal ----\n", taskOut);
            Assert.Contains("class Task14_1_1WithIntervalJob {", taskOut);
            Assert.DoesNotContain("httpPort", taskOut);
            Assert.DoesNotContain("// ---- main.bal ----", taskOut);
        }

        Assert.Equal(2, Run("convert", Path.Combine(_temp, "missing.xml"), "--stdout").Code);
        Assert.Equal(2, Run("convert", Input, "--project", Input).Code);
    }

    [Fact]
    public void Output_is_byte_identical_whatever_the_run_or_thread_count()
    {
        // Many projects at once (every product scenario of the Micro Integrator), converted in one thread and in four at a time.
        var corpus = TestPaths.Corpus;
        var scenarios = corpus is null ? null : Path.Combine(corpus, "micro-integrator", "product-scenarios");
        if (scenarios is null || !Directory.Exists(scenarios))
        {
            output.WriteLine("SKIPPED: ../shared/corpus/micro-integrator/product-scenarios is not present beside the repository.");
            return;
        }

        var single = Snapshot(ConvertInto(scenarios, "single"), withManifest: true);
        var outputs = new string[4];
        Parallel.For(0, outputs.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => outputs[i] = ConvertInto(scenarios, "parallel" + i));
        foreach (var folder in outputs)
        {
            Assert.Equal(single, Snapshot(folder, withManifest: true));
        }

        Assert.Contains(".synapse2bal/manifest.json", single.Keys);
        Assert.Contains("main.bal", single.Keys);
        Assert.DoesNotContain(_temp, single[".synapse2bal/manifest.json"], StringComparison.Ordinal);
        Assert.DoesNotContain(corpus!, single[".synapse2bal/manifest.json"], StringComparison.Ordinal);
    }

    private string ConvertInto(string input, string name)
    {
        var folder = Path.Combine(_temp, name);
        var run = IncrementalConversion.Run(new Driver.ConversionOptions(input), folder, new OutputOptions());
        Assert.NotNull(run.Outcome);
        return folder;
    }

    /// <summary>Copies a corpus project into the temporary input folder; false (with a message) when the corpus is absent.</summary>
    private bool CopyProject(string relative)
    {
        var corpus = TestPaths.Corpus;
        if (corpus is null || !Directory.Exists(Path.Combine(corpus, relative)))
        {
            output.WriteLine($"SKIPPED: ../shared/corpus/{relative} is not present beside the repository.");
            return false;
        }

        var source = Path.Combine(corpus, relative);
        OutputFolders.CopyTree(source, Input);

        return true;
    }

    private void Edit(string relative, string from, string to) => OutputFolders.Edit(Path.Combine(Input, relative), from, to);

    private (int Code, string Stdout, string Stderr) Convert(params string[] extra) => Run(["convert", Input, "-o", Out, .. extra]);

    private static (int Code, string Stdout, string Stderr) Run(params string[] args) => OutputFolders.Run(args);

    /// <summary>What a conversion of the current input into an empty folder writes.</summary>
    private Dictionary<string, string> Fresh()
    {
        var folder = Path.Combine(_temp, "fresh-" + Guid.NewGuid().ToString("N"));
        Assert.NotEqual(Program.BadUsage, Run("convert", Input, "-o", folder).Code);
        return Snapshot(folder);
    }

    private static Dictionary<string, string> Snapshot(string folder, bool withManifest = false) => OutputFolders.Snapshot(folder, withManifest);

    private void Age() => OutputFolders.Age(Out);

    private List<string> Touched() => OutputFolders.Touched(Out);

    [GeneratedRegex(@"callEndpoint\(ctx, (\w+),")]
    private static partial Regex CallEndpoint();
}
