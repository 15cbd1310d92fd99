using SynapseToBal.Cli;
using SynapseToBal.Output;
using Xunit;
using Xunit.Abstractions;

namespace SynapseToBal.Tests.Output;

/// <summary>
/// Converting again with <c>--multi-root</c> (issue 12): each child package goes through the incremental writer with
/// its own manifest, so a second run never destroys an edit; unchanged, changed, edited and merged (cleanly or with
/// a conflict), <c>--no-merge</c>, <c>--force</c>, <c>--check</c>, and a project removed from the input. Two real
/// projects of the shared corpus are copied into a temporary folder as children <c>routing</c> and <c>tasks</c>;
/// each test skips with a message when the corpus is not beside the repository.
/// </summary>
public sealed class MultiRootIncrementalTests(ITestOutputHelper output) : IDisposable
{
    private const string RoutingProject = CorpusProjects.Routing;
    private const string TaskProject = CorpusProjects.Tasks;
    private const string XmlMappingApi = "routing/05-synapseConfig/src/main/synapse-config/api/5_XMLMapping.xml";

    private readonly string _temp = Directory.CreateTempSubdirectory("synapse2bal-multiroot-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    private string Input => Path.Combine(_temp, "in");

    private string Out => Path.Combine(_temp, "out");

    private string RoutingMain => Path.Combine(Out, "routing", "main.bal");

    [Fact]
    public void Each_child_package_has_its_own_manifest_and_an_unchanged_input_writes_nothing()
    {
        if (!CopyProjects())
        {
            return;
        }

        Assert.Equal(Program.Converted, Convert().Code);
        Assert.True(File.Exists(Path.Combine(Out, "routing", ".synapse2bal", "manifest.json")));
        Assert.True(File.Exists(Path.Combine(Out, "tasks", ".synapse2bal", "manifest.json")));
        Assert.True(File.Exists(Path.Combine(Out, "routing", ".synapse2bal", "base", "main.bal")));
        Assert.False(File.Exists(Path.Combine(Out, ".synapse2bal", "manifest.json"))); // the aggregate report is no package
        Assert.True(File.Exists(Path.Combine(Out, "migration_report.json")));
        Assert.True(File.Exists(Path.Combine(Out, "routing", "MIGRATION.md")));
        Assert.Equal("true", Manifest.Read(Path.Combine(Out, "tasks"))!.Options[MultiRootOutput.OptionName]);

        Age();
        var (code, stdout, _) = Convert();
        Assert.Equal(Program.Converted, code);
        Assert.Contains("Up to date: nothing changed since the last conversion", stdout);
        Assert.Empty(Touched());
    }

    [Fact]
    public void A_changed_artifact_rewrites_only_the_files_of_its_project_whose_content_changes()
    {
        if (!CopyProjects())
        {
            return;
        }

        Convert();
        var before = Snapshot(Out);
        Age();
        Edit(XmlMappingApi, "context=\"/xml\"", "context=\"/xml2\"");
        var (code, stdout, _) = Convert();
        Assert.Equal(Program.Converted, code);
        Assert.Contains("regenerated", stdout);

        var expected = Fresh();
        Assert.Equal(expected, Snapshot(Out));
        var changed = expected.Where(e => !before.TryGetValue(e.Key, out var old) || old != e.Value).Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("routing/main.bal", changed);
        Assert.DoesNotContain(changed, p => p.StartsWith("tasks/", StringComparison.Ordinal));

        // Only the files whose text changes are written, the other project not at all (its manifest neither).
        var touched = Touched().Where(p => !p.Contains("/.synapse2bal/", StringComparison.Ordinal)).ToList();
        Assert.Equal(changed.Order(StringComparer.Ordinal), touched);
        Assert.DoesNotContain(Touched(), p => p.StartsWith("tasks/", StringComparison.Ordinal));
        Assert.Contains("service /xml2 on httpListener", File.ReadAllText(RoutingMain));
        Assert.Equal(File.ReadAllText(RoutingMain), File.ReadAllText(Path.Combine(Out, "routing", ".synapse2bal", "base", "main.bal")));
    }

    [Fact]
    public void An_edited_file_of_a_child_package_is_merged_with_its_new_generation()
    {
        if (!CopyProjects())
        {
            return;
        }

        Convert();
        const string Listener = "listener http:Listener httpListener";
        const string Commented = "// my comment on the listener\n" + Listener;
        const string Mine = "\n// my own function below\nfunction mine() {\n}\n";
        File.WriteAllText(RoutingMain, File.ReadAllText(RoutingMain).Replace(Listener, Commented, StringComparison.Ordinal) + Mine);
        Edit(XmlMappingApi, "context=\"/xml\"", "context=\"/xml2\"");
        var (code, stdout, _) = Convert();
        Assert.Equal(Program.Converted, code);
        Assert.Contains("1 file merged with your edits", stdout);
        Assert.DoesNotContain("SB0305", stdout);
        Assert.Equal(Fresh()["routing/main.bal"].Replace(Listener, Commented, StringComparison.Ordinal) + Mine, File.ReadAllText(RoutingMain));

        // A second run of the same input keeps the merged file as it is.
        Age();
        Assert.Contains("Up to date", Convert().Stdout);
        Assert.Empty(Touched());
    }

    [Fact]
    public void An_edit_to_lines_the_generation_changes_conflicts_with_a_warning_naming_file_and_lines()
    {
        if (!CopyProjects())
        {
            return;
        }

        Convert();
        File.WriteAllText(RoutingMain, File.ReadAllText(RoutingMain).Replace("service \"/xml\" on httpListener {", "service \"/xml-mine\" on httpListener {", StringComparison.Ordinal));
        Edit(XmlMappingApi, "context=\"/xml\"", "context=\"/xml2\"");
        var (code, stdout, _) = Convert();
        Assert.Equal(Program.Converted, code);

        var lines = File.ReadAllLines(RoutingMain);
        var start = Array.IndexOf(lines, "<<<<<<< main.bal (your version)");
        var middle = Array.IndexOf(lines, "=======");
        var end = Array.IndexOf(lines, ">>>>>>> main.bal (regenerated)");
        Assert.True(start >= 0 && start < middle && middle < end, "no conflict markers");
        Assert.Contains("service \"/xml-mine\" on httpListener {", lines[start..middle]);
        Assert.Contains("service /xml2 on httpListener {", lines[middle..end]);
        Assert.Contains(Path.Combine("routing", "main.bal") + $"({start + 1},1): warning SB0305: 'main.bal' was edited since it was generated and the new generation changes the same lines; conflict markers at lines {start + 1}-{end + 1}", stdout);
        Assert.Contains("1 file merged with conflicts (SB0305)", stdout);
    }

    [Fact]
    public void No_merge_writes_the_new_generation_beside_the_edited_file()
    {
        if (!CopyProjects())
        {
            return;
        }

        Convert();
        File.AppendAllText(RoutingMain, "// mine\n");
        var edited = File.ReadAllText(RoutingMain);
        Edit(XmlMappingApi, "context=\"/xml\"", "context=\"/xml2\"");
        var (_, stdout, _) = Convert("--no-merge");
        Assert.Equal(edited, File.ReadAllText(RoutingMain));
        Assert.Equal(Fresh()["routing/main.bal"], File.ReadAllText(RoutingMain + ".new"));
        Assert.Contains("warning SB0306: 'main.bal' was edited since it was generated; the new generation was written to 'main.bal.new'", stdout);
    }

    [Fact]
    public void Force_overwrites_edited_files_of_every_child_package()
    {
        if (!CopyProjects())
        {
            return;
        }

        Convert();
        File.AppendAllText(RoutingMain, "// mine\n");
        File.AppendAllText(Path.Combine(Out, "tasks", "tasks.bal"), "// mine too\n");
        Assert.Contains("Up to date", Convert().Stdout); // an edit alone is no reason to convert again
        Assert.EndsWith("// mine\n", File.ReadAllText(RoutingMain));

        var (code, stdout, _) = Convert("--force");
        Assert.Equal(Program.Converted, code);
        Assert.Contains("2 files overwritten despite edits (--force)", stdout);
        Assert.Equal(Fresh(), Snapshot(Out));
    }

    [Fact]
    public void Check_writes_nothing_and_exits_4_when_a_child_package_is_out_of_date()
    {
        if (!CopyProjects())
        {
            return;
        }

        Assert.Equal(Program.OutOfDate, Convert("--check").Code);
        Assert.False(Directory.Exists(Out)); // not even the aggregate report

        Convert();
        Assert.Equal(Program.Converted, Convert("--check").Code);
        File.AppendAllText(RoutingMain, "// an edit the generation does not touch\n");
        Age();
        Assert.Equal(Program.Converted, Convert("--check").Code);

        Edit(XmlMappingApi, "context=\"/xml\"", "context=\"/xml2\"");
        var (code, stdout, _) = Convert("--check");
        Assert.Equal(Program.OutOfDate, code);
        Assert.Contains("Out of date", stdout);
        Assert.Empty(Touched()); // the aggregate report and the child MIGRATION.md are not written either
        Assert.DoesNotContain("/xml2", File.ReadAllText(RoutingMain));
    }

    [Fact]
    public void A_project_removed_from_the_input_loses_its_generated_files_but_keeps_an_edited_one()
    {
        if (!CopyProjects())
        {
            return;
        }

        Convert();
        var tasks = Path.Combine(Out, "tasks", "tasks.bal");
        File.AppendAllText(tasks, "// my note\n");
        Directory.Delete(Path.Combine(Input, "tasks"), recursive: true);

        Age();
        Assert.Equal(Program.OutOfDate, Convert("--check").Code);
        Assert.Empty(Touched());

        var (code, stdout, _) = Convert();
        Assert.Equal(Program.Converted, code);
        Assert.Contains("warning SB0307: 'tasks.bal' is no longer generated", stdout);
        Assert.Contains("removed", stdout);
        Assert.Equal(["tasks.bal"], Directory.EnumerateFileSystemEntries(Path.Combine(Out, "tasks")).Select(Path.GetFileName));
        Assert.EndsWith("// my note\n", File.ReadAllText(tasks));
        Assert.Contains("Converted 1 project", stdout);

        // Nothing left to remove: the next run is up to date.
        Assert.Contains("Up to date", Convert().Stdout);

        // An unedited package goes with its folder.
        Directory.Delete(Path.Combine(Input, "routing"), recursive: true);
        Directory.CreateDirectory(Path.Combine(Input, "empty"));
        Convert();
        Assert.False(Directory.Exists(Path.Combine(Out, "routing")));
    }

    [Fact]
    public void A_package_converted_by_hand_into_the_output_folder_is_never_removed()
    {
        if (!CopyProjects())
        {
            return;
        }

        Convert();
        var single = Path.Combine(Out, "single");
        Assert.Equal(Program.Converted, Run("convert", Path.Combine(Input, "tasks"), "-o", single).Code);
        Convert();
        Assert.True(File.Exists(Path.Combine(single, "tasks.bal")));
        Assert.True(File.Exists(Path.Combine(single, ".synapse2bal", "manifest.json")));
    }

    /// <summary>Copies the two corpus projects into the input folder as children; false (with a message) when the corpus is absent.</summary>
    private bool CopyProjects()
    {
        var corpus = TestPaths.Corpus;
        foreach (var (name, relative) in new[] { ("routing", RoutingProject), ("tasks", TaskProject) })
        {
            if (corpus is null || !Directory.Exists(Path.Combine(corpus, relative)))
            {
                output.WriteLine($"SKIPPED: ../shared/corpus/{relative} is not present beside the repository.");
                return false;
            }

            var source = Path.Combine(corpus, relative);
            OutputFolders.CopyTree(source, Path.Combine(Input, name));
        }

        return true;
    }

    private void Edit(string relative, string from, string to) => OutputFolders.Edit(Path.Combine(Input, relative), from, to);

    private (int Code, string Stdout, string Stderr) Convert(params string[] extra) => Run(["convert", Input, "--multi-root", "-o", Out, .. extra]);

    private static (int Code, string Stdout, string Stderr) Run(params string[] args) => OutputFolders.Run(args);

    /// <summary>What a multi-root conversion of the current input into an empty folder writes.</summary>
    private Dictionary<string, string> Fresh()
    {
        var folder = Path.Combine(_temp, "fresh-" + Guid.NewGuid().ToString("N"));
        Assert.NotEqual(Program.BadUsage, Run("convert", Input, "--multi-root", "-o", folder).Code);
        return Snapshot(folder);
    }

    private static Dictionary<string, string> Snapshot(string folder, bool withManifest = false) => OutputFolders.Snapshot(folder, withManifest);

    private void Age() => OutputFolders.Age(Out);

    private List<string> Touched() => OutputFolders.Touched(Out);
}
