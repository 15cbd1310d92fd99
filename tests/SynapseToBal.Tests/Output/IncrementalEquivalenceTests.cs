using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using SynapseToBal.Cli;
using Xunit;
using Xunit.Abstractions;

namespace SynapseToBal.Tests.Output;

/// <summary>
/// Converting again must give what a conversion from scratch gives (issue 12): over real projects of the shared
/// corpus and a generated one, each artifact change a developer makes (a value, an added mediator, a renamed
/// reference, a removed file, an added file whose names collide with existing ones) is converted again into the
/// previous output, and every byte of the output folder (manifest and merge bases included) must equal a fresh
/// conversion of the same input into an empty folder. The changes pile up, so later ones convert again over an
/// output that earlier ones already changed. This is the gate any reuse of a previous run's work must pass.
/// </summary>
public sealed partial class IncrementalEquivalenceTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("synapse2bal-equivalence-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    private string Input => Path.Combine(_temp, "in");

    private string Out => Path.Combine(_temp, "out");

    [Theory]
    [InlineData(CorpusProjects.Routing)]
    [InlineData("micro-integrator/product-scenarios/11-Asynchronous-message-processing/11-SynapseConfigProject")]
    [InlineData(CorpusProjects.Tasks)]
    [InlineData("micro-integrator/product-scenarios/4-gateway/04-SynapseConfigProject")]
    public void Converting_a_changed_corpus_project_again_equals_converting_it_from_scratch(string project)
    {
        var corpus = TestPaths.Corpus;
        if (corpus is null || !Directory.Exists(Path.Combine(corpus, project)))
        {
            output.WriteLine($"SKIPPED: ../shared/corpus/{project} is not present beside the repository.");
            return;
        }

        OutputFolders.CopyTree(Path.Combine(corpus, project), Input);
        var applied = ConvertAfterEachChange();
        Assert.True(applied.Count >= 4, $"only {string.Join(", ", applied)} applied to {project}");
    }

    [Fact]
    public void Converting_a_changed_generated_project_again_equals_converting_it_from_scratch()
    {
        Generate(Input, apis: 30, sequences: 5, endpoints: 5);
        var applied = ConvertAfterEachChange();
        Assert.Equal(Changes.Select(c => c.Name), applied);
    }

    [Fact]
    public void The_manifest_gives_an_archive_the_artifacts_of_its_entries()
    {
        var corpus = TestPaths.Corpus;
        var archive = corpus is null ? null : Path.Combine(corpus, "car", "ServiceChaining-1.0.0.car");
        if (archive is null || !File.Exists(archive))
        {
            output.WriteLine("SKIPPED: ../shared/corpus/car is not present beside the repository.");
            return;
        }

        Directory.CreateDirectory(Input);
        File.Copy(archive, Path.Combine(Input, "app.car"));
        File.WriteAllText(Path.Combine(Input, "Loose.xml"), """<sequence xmlns="http://ws.apache.org/ns/synapse" name="Loose"><log/></sequence>""");
        var run = SynapseToBal.Output.IncrementalConversion.Run(new Driver.ConversionOptions(Input), Out, new SynapseToBal.Output.OutputOptions());

        var inEntries = run.Conversion!.Documents
            .Where(d => Path.GetRelativePath(Input, d.Path).Replace('\\', '/').StartsWith("app.car!", StringComparison.Ordinal))
            .SelectMany(d => d.Artifacts.Select(a => a.XmlName + ":" + a.Name))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.NotEmpty(inEntries);
        var manifest = SynapseToBal.Output.Manifest.Read(Out)!;
        Assert.Equal(inEntries, Assert.Single(manifest.Inputs, i => i.Path == "app.car").Artifacts);
        Assert.Equal(["sequence:Loose"], Assert.Single(manifest.Inputs, i => i.Path == "Loose.xml").Artifacts);
    }

    /// <summary>Converts the input, then applies each change that fits it, converting again after each; returns the changes applied.</summary>
    private List<string> ConvertAfterEachChange()
    {
        Assert.Equal(Fresh(), Convert());
        Assert.Contains("Up to date", OutputFolders.Run("convert", Input, "-o", Out).Stdout);
        var applied = new List<string>();
        foreach (var change in Changes)
        {
            if (!change.Apply(Input))
            {
                output.WriteLine($"not applicable: {change.Name}");
                continue;
            }

            applied.Add(change.Name);
            var expected = Fresh();
            var actual = Convert();
            Assert.True(expected.Count == actual.Count && expected.All(e => actual.TryGetValue(e.Key, out var a) && a == e.Value),
                $"after '{change.Name}', converting again differs from a fresh conversion in: {string.Join(", ", Differing(expected, actual))}");
        }

        return applied;
    }

    private static IEnumerable<string> Differing(Dictionary<string, string> a, Dictionary<string, string> b) =>
        a.Keys.Union(b.Keys).Where(k => !a.TryGetValue(k, out var x) || !b.TryGetValue(k, out var y) || x != y).Order(StringComparer.Ordinal);

    /// <summary>Converts the input into the output folder of the previous runs; every file of the folder afterwards.</summary>
    private Dictionary<string, string> Convert()
    {
        var (code, _, stderr) = OutputFolders.Run("convert", Input, "-o", Out);
        Assert.True(code is Program.Converted or Program.ConvertedWithErrors, stderr);
        return OutputFolders.Snapshot(Out, withManifest: true);
    }

    /// <summary>What converting the current input into an empty folder writes, manifest and merge bases included.</summary>
    private Dictionary<string, string> Fresh()
    {
        var folder = Path.Combine(_temp, "fresh-" + Guid.NewGuid().ToString("N"));
        var (code, _, stderr) = OutputFolders.Run("convert", Input, "-o", folder);
        Assert.True(code is Program.Converted or Program.ConvertedWithErrors, stderr);
        var files = OutputFolders.Snapshot(folder, withManifest: true);
        Directory.Delete(folder, recursive: true);
        return files;
    }

    private sealed record Change(string Name, Func<string, bool> Apply);

    private static readonly Change[] Changes =
    [
        new("a property value", input => ReplaceFirst(input, PropertyValue(), m => m.Value + "incr-")),
        new("an added mediator", input => ReplaceFirst(input, SequenceStart(), m => m.Value + "<log level=\"custom\"><property name=\"incr\" value=\"added\"/></log>")),
        new("a renamed reference", RenameReferenced),
        new("a removed file", input => Definitions(input, "endpoint").Concat(Definitions(input, "sequence")).Select(d => d.Path).FirstOrDefault() is { } file && Delete(file)),
        new("an added file whose names collide", AddCopy),

        // A property read added in a named sequence: a property another body sets and kept as a typed local may now be
        // seen through the shared context, so that body's code changes with no change to its own IR (a cache of
        // rendered code keyed by the IR alone would reuse it).
        new("a property read in another body", ReadPropertyElsewhere),

        // A package-wide emit fact: once any throttle decides by the caller's address or limits concurrency, every
        // resource takes the caller and every call and fault function gives the slot back, so one artifact's
        // change rewrites the code of all the others (a cache of rendered code must not reuse theirs).
        new("an added throttle by caller and concurrency", input => ReplaceFirst(input, SequenceStart(), m => m.Value + Throttle)),

        // Issue 12's kinds of change for per-artifact reuse: a change to one API's flow only; an endpoint's address,
        // which the code of every artifact that calls it reads (a configurable and its Config.toml value); a new
        // artifact whose names collide with nothing; an API removed.
        new("a body-only change in an API", input => ReplaceFirst(Definitions(input, "api").Select(d => d.Path).ToList(), InSequenceStart(), m => m.Value + "<log level=\"custom\"><property name=\"incrBody\" value=\"changed\"/></log>")),
        new("an endpoint's URL", input => ReplaceFirst([.. Definitions(input, "endpoint").Select(d => d.Path), .. ArtifactFiles(input)], EndpointUri(), m => m.Value + "/incr")),
        new("an added artifact", AddApi),
        new("a removed API", input => Definitions(input, "api").Select(d => d.Path).LastOrDefault() is { } file && Delete(file)),

        // Changes that reach other artifacts through what an artifact offers them (the interfaces a per-artifact
        // reuse would key on): a called sequence now writes a property its caller sets, so the caller's typed locals
        // may become context properties; an artifact renamed so that its Ballerina names collide with another's (one
        // of them is numbered); a sequence that other files call removed (their calls become unresolved).
        new("a sequence whose property writes change", WritePropertyInCalledSequence),
        new("a renamed artifact whose names collide", RenameIntoClash),
        new("a removed shared sequence", RemoveSharedSequence),
    ];

    /// <summary>
    /// Adds to a sequence that a file setting a default-scope property calls a write of that property (else a write to
    /// the first named sequence).
    /// </summary>
    private static bool WritePropertyInCalledSequence(string input)
    {
        foreach (var file in ArtifactFiles(input))
        {
            var text = File.ReadAllText(file);
            var set = SetProperty().Match(text);
            var called = Regex.Match(text, """<sequence\s+key="(?<key>[A-Za-z0-9_.-]+)"\s*/>""");
            if (set.Success && called.Success)
            {
                var write = $"<property name=\"{set.Groups["name"].Value}\" value=\"incr-written\"/>";
                if (ReplaceFirst(input, new Regex($"""<sequence\b[^>]*\sname="{Regex.Escape(called.Groups["key"].Value)}"[^>]*(?<!/)>"""), m => m.Value + write))
                {
                    return true;
                }
            }
        }

        // Read there too: a property nothing reads is not written (docs/design.md, "Properties as typed locals").
        return ReplaceFirst(input, NamedSequenceStart(), m => m.Value + "<property name=\"incrWritten\" value=\"incr-written\"/><log level=\"custom\"><property name=\"incrWritten\" expression=\"get-property('incrWritten')\"/></log>");
    }

    /// <summary>
    /// Renames the last API, proxy or task (a kind with two or more) to the first one's name followed by <c>_</c>: a
    /// different Synapse name that asks for the same Ballerina names. Else a sequence, in its definition and references.
    /// </summary>
    private static bool RenameIntoClash(string input)
    {
        foreach (var kind in new[] { "api", "proxy", "task" })
        {
            var definitions = Definitions(input, kind).ToList();
            if (definitions.Count >= 2)
            {
                var (path, name) = definitions[^1];
                var text = File.ReadAllText(path);
                var at = text.IndexOf($"name=\"{name}\"", StringComparison.Ordinal);
                File.WriteAllText(path, text[..at] + $"name=\"{definitions[0].Name}_\"" + text[(at + name.Length + 7)..]);
                return true;
            }
        }

        var sequences = Definitions(input, "sequence").ToList();
        if (sequences.Count < 2)
        {
            return false;
        }

        var (sequencePath, sequence) = sequences[^1];
        var renamed = sequences[0].Name + "_";
        foreach (var file in ArtifactFiles(input))
        {
            var text = File.ReadAllText(file);
            if (file == sequencePath)
            {
                var at = text.IndexOf($"name=\"{sequence}\"", StringComparison.Ordinal);
                text = text[..at] + $"name=\"{renamed}\"" + text[(at + sequence.Length + 7)..];
            }

            File.WriteAllText(file, text.Replace($"key=\"{sequence}\"", $"key=\"{renamed}\"", StringComparison.Ordinal));
        }

        return true;
    }

    /// <summary>Deletes the sequence that the most other files call by key (at least one).</summary>
    private static bool RemoveSharedSequence(string input)
    {
        var files = ArtifactFiles(input).ToDictionary(f => f, File.ReadAllText);
        var shared = Definitions(input, "sequence")
            .Select(d => (d.Path, Callers: files.Count(f => f.Key != d.Path && f.Value.Contains($"key=\"{d.Name}\"", StringComparison.Ordinal))))
            .Where(d => d.Callers > 0)
            .OrderByDescending(d => d.Callers)
            .ThenBy(d => d.Path, StringComparer.Ordinal)
            .Select(d => d.Path)
            .FirstOrDefault();
        return shared is not null && Delete(shared);
    }

    /// <summary>Replaces the first match in the first of <paramref name="files"/> that has one.</summary>
    private static bool ReplaceFirst(IReadOnlyList<string> files, Regex regex, Func<Match, string> replacement)
    {
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            var match = regex.Match(text);
            if (match.Success)
            {
                File.WriteAllText(file, text[..match.Index] + replacement(match) + text[(match.Index + match.Length)..]);
                return true;
            }
        }

        return false;
    }

    /// <summary>Adds an API whose name, context and flows are new to the project, beside the first artifact file (after it in path order).</summary>
    private static bool AddApi(string input)
    {
        var folder = Definitions(input, "api").Select(d => Path.GetDirectoryName(d.Path)).FirstOrDefault() ?? ArtifactFiles(input).Select(Path.GetDirectoryName).FirstOrDefault();
        if (folder is null)
        {
            return false;
        }

        File.WriteAllText(Path.Combine(folder, "zz_IncrAddedApi.xml"), """
            <api xmlns="http://ws.apache.org/ns/synapse" name="IncrAddedApi" context="/incr-added">
              <resource methods="GET" uri-template="/status">
                <inSequence>
                  <payloadFactory media-type="json"><format>{"status": "up"}</format><args/></payloadFactory>
                  <respond/>
                </inSequence>
              </resource>
            </api>
            """);
        return true;
    }

    private const string Throttle = """
        <throttle id="incr"><policy><wsp:Policy xmlns:wsp="http://schemas.xmlsoap.org/ws/2004/09/policy" xmlns:throttle="http://www.wso2.org/products/wso2commons/throttle"><throttle:MediatorThrottleAssertion><throttle:MaximumConcurrentAccess>5</throttle:MaximumConcurrentAccess><wsp:Policy><throttle:ID throttle:type="IP">other</throttle:ID><wsp:Policy><throttle:Control><wsp:Policy><throttle:MaximumCount>100</throttle:MaximumCount><throttle:UnitTime>60000</throttle:UnitTime></wsp:Policy></throttle:Control></wsp:Policy></wsp:Policy></throttle:MediatorThrottleAssertion></wsp:Policy></policy><onReject><property name="HTTP_SC" value="429" scope="axis2"/><respond/></onReject></throttle>
        """;

    /// <summary>Replaces the first match in the first artifact file (ordinal path order) that has one.</summary>
    private static bool ReplaceFirst(string input, Regex regex, Func<Match, string> replacement)
    {
        foreach (var file in ArtifactFiles(input))
        {
            var text = File.ReadAllText(file);
            var match = regex.Match(text);
            if (match.Success)
            {
                File.WriteAllText(file, text[..match.Index] + replacement(match) + text[(match.Index + match.Length)..]);
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Adds a log that reads the first default-scope property set with a value to a named sequence: one the setting file
    /// calls (so the property may be seen on the same context), else the first.
    /// </summary>
    private static bool ReadPropertyElsewhere(string input)
    {
        var setting = ArtifactFiles(input).Select(f => (Text: File.ReadAllText(f), Match: SetProperty().Match(File.ReadAllText(f)))).FirstOrDefault(f => f.Match.Success);
        if (setting.Text is null)
        {
            return false;
        }

        var read = $"<log level=\"custom\"><property name=\"incrRead\" expression=\"get-property('{setting.Match.Groups["name"].Value}')\"/></log>";
        var called = Regex.Match(setting.Text, """<sequence\s+key="(?<key>[A-Za-z0-9_.-]+)"\s*/>""");
        return (called.Success && ReplaceFirst(input, new Regex($"""<sequence\b[^>]*\sname="{Regex.Escape(called.Groups["key"].Value)}"[^>]*(?<!/)>"""), m => m.Value + read))
            || ReplaceFirst(input, NamedSequenceStart(), m => m.Value + read);
    }

    /// <summary>Renames a sequence or endpoint that another file references by key, in its definition and in every reference.</summary>
    private static bool RenameReferenced(string input)
    {
        var files = ArtifactFiles(input).ToDictionary(f => f, File.ReadAllText);
        foreach (var (path, name) in Definitions(input, "sequence").Concat(Definitions(input, "endpoint")))
        {
            var reference = $"key=\"{name}\"";
            if (!files.Any(f => f.Key != path && f.Value.Contains(reference, StringComparison.Ordinal)))
            {
                continue;
            }

            var renamed = name + "_renamed";
            var definition = files[path];
            var at = definition.IndexOf($"name=\"{name}\"", StringComparison.Ordinal);
            File.WriteAllText(path, definition[..at] + $"name=\"{renamed}\"" + definition[(at + name.Length + 7)..]);
            foreach (var (file, text) in files.Where(f => f.Key != path && f.Value.Contains(reference, StringComparison.Ordinal)))
            {
                File.WriteAllText(file, text.Replace(reference, $"key=\"{renamed}\"", StringComparison.Ordinal));
            }

            return true;
        }

        return false;
    }

    /// <summary>Adds, sorting before it, a copy of the first API (or proxy, task, sequence) under another name: same context, same flows, so its Ballerina names collide.</summary>
    private static bool AddCopy(string input)
    {
        foreach (var kind in new[] { "api", "proxy", "task", "sequence" })
        {
            foreach (var original in Definitions(input, kind).Take(1))
            {
                var text = File.ReadAllText(original.Path);
                var at = text.IndexOf($"name=\"{original.Name}\"", StringComparison.Ordinal);
                var copy = text[..at] + $"name=\"{original.Name}_copy\"" + text[(at + original.Name.Length + 7)..];
                File.WriteAllText(Path.Combine(Path.GetDirectoryName(original.Path)!, "00_incr_copy.xml"), copy);
                return true;
            }
        }

        return false;
    }

    private static bool Delete(string path)
    {
        File.Delete(path);
        return true;
    }

    /// <summary>The Synapse artifact files of an input in ordinal path order (no Maven or Carbon metadata).</summary>
    private static List<string> ArtifactFiles(string input) =>
        [.. Directory.EnumerateFiles(input, "*.xml", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) is not ("pom.xml" or "artifact.xml" or "artifacts.xml" or "registry-info.xml"))
            .Order(StringComparer.Ordinal)];

    /// <summary>The files whose root element is <paramref name="element"/>, with the artifact's name.</summary>
    private static IEnumerable<(string Path, string Name)> Definitions(string input, string element) =>
        ArtifactFiles(input)
            .Select(f => (Path: f, Match: Root().Match(File.ReadAllText(f))))
            .Where(f => f.Match.Success && f.Match.Groups["element"].Value == element)
            .Select(f => (f.Path, f.Match.Groups["name"].Value));

    /// <summary>A small project like the bench's: APIs that call shared sequences and endpoints by key.</summary>
    private static void Generate(string root, int apis, int sequences, int endpoints)
    {
        foreach (var folder in new[] { "apis", "sequences", "endpoints" })
        {
            Directory.CreateDirectory(Path.Combine(root, folder));
        }

        for (var i = 0; i < apis; i++)
        {
            var api = new StringBuilder();
            api.Append(CultureInfo.InvariantCulture, $"""
                <api xmlns="http://ws.apache.org/ns/synapse" name="Api{i}" context="/api{i}">
                  <resource methods="GET" uri-template="/items/{"{"}id{"}"}">
                    <inSequence>
                      <sequence key="Common{i % sequences}"/>
                      <log level="custom"><property name="id" expression="$ctx:uri.var.id"/></log>
                      <call><endpoint key="Backend{i % endpoints}"/></call>
                      <respond/>
                    </inSequence>
                    <faultSequence><sequence key="Fault"/></faultSequence>
                  </resource>
                  <resource methods="POST" uri-template="/items">
                    <inSequence>
                      <switch source="json-eval($.type)">
                        <case regex="a"><property name="kind" value="A"/></case>
                        <default><property name="kind" value="other"/></default>
                      </switch>
                      <log level="custom"><property name="kind" expression="get-property('kind')"/></log>
                      <send><endpoint key="Backend{i % endpoints}"/></send>
                    </inSequence>
                    <outSequence><send/></outSequence>
                  </resource>
                </api>
                """);
            File.WriteAllText(Path.Combine(root, "apis", string.Create(CultureInfo.InvariantCulture, $"Api{i}.xml")), api.ToString());
        }

        for (var i = 0; i < sequences; i++)
        {
            File.WriteAllText(Path.Combine(root, "sequences", string.Create(CultureInfo.InvariantCulture, $"Common{i}.xml")), string.Create(CultureInfo.InvariantCulture,
                $"""<sequence xmlns="http://ws.apache.org/ns/synapse" name="Common{i}"><log level="custom"><property name="seq" value="{i}"/></log><header name="X-Seq" scope="transport" value="{i}"/></sequence>"""));
        }

        File.WriteAllText(Path.Combine(root, "sequences", "Fault.xml"),
            """<sequence xmlns="http://ws.apache.org/ns/synapse" name="Fault"><property name="HTTP_SC" value="500" scope="axis2"/><respond/></sequence>""");
        for (var i = 0; i < endpoints; i++)
        {
            File.WriteAllText(Path.Combine(root, "endpoints", string.Create(CultureInfo.InvariantCulture, $"Backend{i}.xml")), string.Create(CultureInfo.InvariantCulture,
                $"""<endpoint xmlns="http://ws.apache.org/ns/synapse" name="Backend{i}"><address uri="http://backend{i}.example.com/api"/></endpoint>"""));
        }
    }

    [GeneratedRegex("""<property\b[^>]*?\svalue="(?=[^"]*")""")]
    private static partial Regex PropertyValue();

    [GeneratedRegex("""<property\s+name="(?<name>[A-Za-z][A-Za-z0-9_]*)"\s+value="[^"]*"\s*/>""")]
    private static partial Regex SetProperty();

    [GeneratedRegex("""<sequence\b[^>]*\sname="[^"]*"[^>]*(?<!/)>""")]
    private static partial Regex NamedSequenceStart();

    [GeneratedRegex("""<inSequence\b[^>]*(?<!/)>|<sequence\b[^>]*\sname="[^"]*"[^>]*(?<!/)>""")]
    private static partial Regex SequenceStart();

    [GeneratedRegex("""<inSequence\b[^>]*(?<!/)>""")]
    private static partial Regex InSequenceStart();

    /// <summary>An address or HTTP endpoint's URL, up to its closing quote (a query or fragment is not appended to).</summary>
    [GeneratedRegex("""<(?:address\b[^>]*?\suri|http\b[^>]*?\suri-template)="[^"?#{]*(?=")""")]
    private static partial Regex EndpointUri();

    /// <summary>The root element of an artifact file (after an XML declaration and comments) and its name.</summary>
    [GeneratedRegex("""\A(?:\s|<\?[^>]*\?>|<!--.*?-->)*<(?<element>[A-Za-z]+)\b[^>]*?\sname="(?<name>[^"]+)""", RegexOptions.Singleline)]
    private static partial Regex Root();
}
