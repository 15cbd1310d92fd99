using System.Diagnostics;
using System.Globalization;
using System.Text;
using SynapseToBal.Driver;
using SynapseToBal.Tests.Project;
using Xunit;
using Xunit.Abstractions;

namespace SynapseToBal.Tests.Gates;

/// <summary>
/// The parse gate: every generated Ballerina package must parse with the official Ballerina parser
/// (<c>../shared/tools/balcheck</c>). Each input is converted and written into its own folder of one temporary
/// folder, and balcheck runs once over all of them. Skips with a message when balcheck or the corpus is absent.
/// </summary>
public sealed class ParseGateTests(ITestOutputHelper output)
{
    public const string EveryFileVariable = "SYNAPSE2BAL_GATE_EVERY_FILE";

    [Fact]
    public void Every_golden_case_and_the_example_generate_Ballerina_that_parses()
    {
        if (Balcheck.Locate(out var reason) is not { } tool)
        {
            output.WriteLine($"SKIPPED: {reason}; the parse gate over the golden cases did not run.");
            return;
        }

        var inputs = Directory.EnumerateDirectories(TestPaths.Cases).Order(StringComparer.Ordinal)
            .Select(d => (Name: Path.GetFileName(d), Input: Path.Combine(d, "input")))
            .Concat(Directory.EnumerateDirectories(TestPaths.Examples).Order(StringComparer.Ordinal)
                .Where(d => !d.EndsWith("_converted", StringComparison.Ordinal))
                .Select(d => (Name: Path.GetFileName(d), Input: d)))
            .ToList();
        Assert.True(inputs.Count > 20, $"expected over 20 golden inputs, found {inputs.Count}");
        Gate(tool, inputs);
    }

    [Fact]
    public void The_corpus_its_projects_and_its_car_files_generate_Ballerina_that_parses()
    {
        if (Balcheck.Locate(out var reason) is not { } tool)
        {
            output.WriteLine($"SKIPPED: {reason}; the parse gate over the corpus did not run.");
            return;
        }

        if (TestPaths.Corpus is not { } corpus)
        {
            output.WriteLine("SKIPPED: ../shared/corpus is not present beside the repository; the parse gate over the corpus did not run.");
            return;
        }

        var inputs = new List<(string Name, string Input)> { ("corpus", corpus) };
        var projects = CorpusProjects(corpus).ToList();
        Assert.True(projects.Count >= 10, $"expected the corpus to hold at least 10 projects and .car files, found {projects.Count}");
        for (var i = 0; i < projects.Count; i++)
        {
            var name = i.ToString("D2", CultureInfo.InvariantCulture) + "-" + Path.GetFileName(projects[i]);
            inputs.Add((name, projects[i]));
        }

        var sources = inputs.ToDictionary(i => i.Name, i => Path.GetRelativePath(corpus, i.Input), StringComparer.Ordinal);
        Gate(tool, inputs, name => sources.GetValueOrDefault(name, name));
    }

    /// <summary>Opt-in (about 50 s): set <see cref="EveryFileVariable"/>=1.</summary>
    [Fact]
    public void Every_corpus_file_on_its_own_generates_Ballerina_that_parses()
    {
        if (Environment.GetEnvironmentVariable(EveryFileVariable) is not ("1" or "true"))
        {
            output.WriteLine($"SKIPPED: the parse gate over every corpus file on its own takes about 50 s; set {EveryFileVariable}=1 to run it.");
            return;
        }

        if (Balcheck.Locate(out var reason) is not { } tool)
        {
            output.WriteLine($"SKIPPED: {reason}; the parse gate over single corpus files did not run.");
            return;
        }

        if (TestPaths.Corpus is not { } corpus)
        {
            output.WriteLine("SKIPPED: ../shared/corpus is not present beside the repository; the parse gate over single corpus files did not run.");
            return;
        }

        // A whole-corpus package keeps the first of each duplicated name; converted one by one, every file counts.
        var files = Directory.EnumerateFiles(corpus, "*.xml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        Assert.True(files.Count > 1000, $"expected the corpus to hold over 1,000 XML files, found {files.Count}");
        var inputs = files.Select((f, i) => ("f" + i.ToString("D4", CultureInfo.InvariantCulture), f)).ToList();
        Gate(tool, inputs, name => Path.GetRelativePath(corpus, files[int.Parse(name[1..], CultureInfo.InvariantCulture)]));
    }

    [Fact]
    public void The_gate_fails_on_a_syntax_error_and_not_on_a_documentation_warning()
    {
        if (Balcheck.Locate(out var reason) is not { } tool)
        {
            output.WriteLine($"SKIPPED: {reason}; the negative control of the parse gate did not run.");
            return;
        }

        using var temp = new TempDirectory();
        temp.Write("warned/main.bal", "# Docs with a `stray backtick\n# + return\npublic function f() {\n}\n");
        var warned = Balcheck.Run(tool, temp.Path);
        Assert.True(warned.Passed, "a documentation warning alone must not fail the gate:\n" + warned.Describe(temp.Path));
        Assert.NotEmpty(warned.Warnings);

        temp.Write("broken/main.bal", "public function f( {\n    int x = ;\n}\n");
        var broken = Balcheck.Run(tool, temp.Path);
        Assert.False(broken.Passed);
        Assert.Equal(1, broken.ExitCode);
        var report = broken.Describe(temp.Path);
        Assert.Contains("[broken]", report, StringComparison.Ordinal);
        Assert.Contains("broken/main.bal:", report, StringComparison.Ordinal);
        Assert.Contains("| int x = ;", report, StringComparison.Ordinal);
        Assert.DoesNotContain("[warned]", report, StringComparison.Ordinal);
    }

    /// <summary>
    /// The projects the corpus README describes: Integration Studio multi-module projects (the folder holding the
    /// module with <c>src/main/synapse-config</c>), MI 4.x projects, deployment folders
    /// (<c>synapse-configs/default</c>), unzipped Carbon Applications (<c>*.car.extracted</c>) and every <c>.car</c> file.
    /// </summary>
    internal static IEnumerable<string> CorpusProjects(string corpus)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var directory in Directory.EnumerateDirectories(corpus, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(corpus, directory).Replace('\\', '/');
            if (relative.EndsWith("/src/main/synapse-config", StringComparison.Ordinal) || relative.EndsWith("/src/main/wso2mi", StringComparison.Ordinal))
            {
                var module = Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(directory)!)!)!;
                found.Add(relative.EndsWith("/src/main/synapse-config", StringComparison.Ordinal) ? Path.GetDirectoryName(module)! : module);
            }
            else if (relative.EndsWith("/synapse-configs/default", StringComparison.Ordinal)
                || directory.EndsWith(".car.extracted", StringComparison.Ordinal))
            {
                found.Add(directory);
            }
        }

        foreach (var car in Directory.EnumerateFiles(corpus, "*.car", SearchOption.AllDirectories))
        {
            found.Add(car);
        }

        return found;
    }

    /// <summary>Converts each input into its own subfolder of one temporary folder, then runs balcheck once over all.</summary>
    private void Gate(string tool, IReadOnlyList<(string Name, string Input)> inputs, Func<string, string>? label = null)
    {
        using var temp = new TempDirectory();
        var clock = Stopwatch.StartNew();
        var failures = new StringBuilder();
        Parallel.ForEach(inputs, input =>
        {
            try
            {
                var result = Converter.Convert(Golden.GoldenCaseOptions.Apply(new ConversionOptions(input.Input, PackageName: input.Name), input.Input));
                Converter.Write(result, Path.Combine(temp.Path, input.Name));
            }
            catch (Exception ex)
            {
                lock (failures)
                {
                    failures.AppendLine($"[{input.Name}] conversion failed: {ex.GetType().Name}: {ex.Message}");
                }
            }
        });
        var converted = clock.Elapsed;
        Assert.True(failures.Length == 0, failures.ToString());

        var balFiles = Directory.EnumerateFiles(temp.Path, "*.bal", SearchOption.AllDirectories).Count();
        Assert.True(balFiles > 0, "no .bal file was generated");
        var verdict = Balcheck.Run(tool, temp.Path);
        output.WriteLine($"{inputs.Count} inputs, {balFiles} .bal files: converted in {converted.TotalSeconds:F1} s, "
            + $"balcheck in {(clock.Elapsed - converted).TotalSeconds:F1} s; {verdict.Summary}; {verdict.Warnings.Count} documentation warnings.");
        Assert.True(verdict.Passed, "balcheck found syntax errors in generated Ballerina (by input folder):\n" + verdict.Describe(temp.Path, label));
    }
}
