using SynapseToBal.Driver;
using SynapseToBal.Emit;
using SynapseToBal.Output;
using SynapseToBal.Report;
using Xunit;

namespace SynapseToBal.Tests.Output;

/// <summary>
/// Per-artifact reuse (issue 12, <c>Output/ArtifactSplice.cs</c>): a rerun whose only change is a property's literal
/// value in one API's file splices that API's new sections into the previous generation instead of converting the
/// whole project. Whether it splices or falls back to a whole conversion, the output folder must equal, byte for byte,
/// a fresh conversion with the same options.
/// </summary>
public sealed partial class IncrementalEquivalenceTests
{
    private static readonly OutputOptions Splicing = new() { ReuseArtifacts = true };

    /// <summary>The files the CLI has the incremental writer track: all but <c>MIGRATION.md</c>, a report it writes itself.</summary>
    private static readonly Func<GeneratedFile, bool> WithoutReport = f => f.RelativePath != ReportWriter.MarkdownFileName;

    /// <summary>
    /// Issue 12's kinds of change confined to one API (a mediator added and removed, an expression changed, a resource
    /// added, values of any kind), with the files the CLI tracks: each is spliced, and the output equals a fresh run's.
    /// </summary>
    [Fact]
    public void Changes_confined_to_one_api_splice_and_equal_a_fresh_conversion()
    {
        Generate(Input, apis: 30, sequences: 5, endpoints: 5);
        var api7 = Path.Combine(Input, "apis", "Api7.xml");
        Edit(api7, "</api>", RunsDefaultFault);
        Assert.False(IncrementalConversion.Run(new ConversionOptions(Input), Out, Splicing, include: WithoutReport).Spliced);
        AssertEqualsFresh("the first run", WithoutReport);
        const string Added = "<log level=\"custom\"><property name=\"incr\" value=\"added\"/></log>";
        var changes = new (string Name, Action Apply)[]
        {
            ("a mediator added", () => Edit(api7, "<respond/>", Added + "<respond/>")),
            ("an expression changed", () => Edit(api7, "json-eval($.type)", "json-eval($.order.kind)")),
            ("a mediator removed", () => Edit(api7, Added, string.Empty)),
            // It runs handleFault, which the package has for Api7's PUT resource.
            ("a resource added", () => Edit(api7, "</api>", "<resource methods=\"DELETE\" uri-template=\"/items/{id}\"><inSequence><log level=\"custom\"><property name=\"gone\" expression=\"$ctx:uri.var.id\"/></log><respond/></inSequence></resource></api>")),
            ("a property set added", () => Edit(Path.Combine(Input, "apis", "Api12.xml"), "<respond/>", "<property name=\"incrNew\" expression=\"$ctx:uri.var.id\"/><log level=\"custom\"><property name=\"seen\" expression=\"$ctx:incrNew\"/></log><respond/>")),
            ("a value that reads as a flag", () => SetValue("Api2", "A", "true")),
            ("a value that reads as a number", () => SetValue("Api2", "true", "42")),
            ("a value with an expression's characters", () => SetValue("Api2", "42", "{$ctx:x}")),
        };
        foreach (var (name, apply) in changes)
        {
            apply();
            var rerun = IncrementalConversion.Run(new ConversionOptions(Input), Out, Splicing, include: WithoutReport);
            Assert.True(rerun.Spliced, $"'{name}' was converted whole");
            var written = rerun.Outcome!.Files.Where(f => f.Action != FileAction.Unchanged).Select(f => f.Path).ToList();
            Assert.NotEmpty(written);
            Assert.All(written, f => Assert.Contains(f, new[] { "main.bal", "functions.bal" }));
            AssertEqualsFresh(name, WithoutReport);
        }

        // What the rest of the package sees changes: converted whole. fn:upper-case needs a runtime helper no other
        // artifact uses (support.bal changes; a log of the full message does not since the default fault sequence's log,
        // which Api7's PUT resource runs, writes it); an out flow that becomes a function asks a new module-level name.
        foreach (var (name, apply) in new (string Name, Action Apply)[]
        {
            ("a runtime helper first used", () => Edit(api7, "<respond/>", "<log level=\"custom\"><property name=\"upper\" expression=\"fn:upper-case($ctx:uri.var.id)\"/></log><respond/>")),
            ("an API's context", () => Edit(Path.Combine(Input, "apis", "Api3.xml"), "context=\"/api3\"", "context=\"/api3b\"")),
        })
        {
            apply();
            Assert.False(IncrementalConversion.Run(new ConversionOptions(Input), Out, Splicing, include: WithoutReport).Spliced, $"'{name}' was spliced");
            AssertEqualsFresh(name, WithoutReport);
        }

        Edit(Path.Combine(Input, "apis", "Api20.xml"), "<respond/>", Added + "<respond/>");
        Assert.True(IncrementalConversion.Run(new ConversionOptions(Input), Out, Splicing, include: WithoutReport).Spliced, "a change after the fallbacks was converted whole");
        AssertEqualsFresh("a change after the fallbacks", WithoutReport);
    }

    /// <summary>
    /// A resource with no fault sequence and no send, in a project that defines no 'fault' sequence: its failures run the
    /// Micro Integrator's default fault sequence, the module function <c>handleFault</c> (the generated project's GET
    /// resources run their 'Fault' sequence, the POST ones, which send without blocking, <c>handleFaultAfterSend</c>).
    /// Given to Api7 before the first run, the resource added to it later runs a function the package already has.
    /// </summary>
    private const string RunsDefaultFault = "<resource methods=\"PUT\" uri-template=\"/items/{id}\"><inSequence><log level=\"custom\"><property name=\"put\" expression=\"$ctx:uri.var.id\"/></log><respond/></inSequence></resource></api>";

    /// <summary>
    /// The first flow of the project that runs the Micro Integrator's default fault sequence adds its function,
    /// <c>handleFault</c>, to the package: a module-level function outside the changed API's sections, which the splice
    /// does not add, so the change is converted whole, and the output equals a fresh conversion.
    /// </summary>
    [Fact]
    public void The_first_flow_running_the_default_fault_sequence_is_converted_whole()
    {
        Generate(Input, apis: 30, sequences: 5, endpoints: 5);
        Assert.False(IncrementalConversion.Run(new ConversionOptions(Input), Out, Splicing, include: WithoutReport).Spliced);
        AssertEqualsFresh("the first run", WithoutReport);
        Assert.DoesNotContain("function handleFault(", File.ReadAllText(Path.Combine(Out, "functions.bal")), StringComparison.Ordinal);

        Edit(Path.Combine(Input, "apis", "Api7.xml"), "</api>", RunsDefaultFault);
        Assert.False(IncrementalConversion.Run(new ConversionOptions(Input), Out, Splicing, include: WithoutReport).Spliced, "the first flow running the default fault sequence was spliced");
        AssertEqualsFresh("the first flow running the default fault sequence", WithoutReport);
        Assert.Contains("function handleFault(", File.ReadAllText(Path.Combine(Out, "functions.bal")), StringComparison.Ordinal);
    }

    private string RecordPath => Path.Combine(Out, Manifest.Folder, ArtifactSplice.FileName);

    /// <summary>
    /// The record sits beside the package, so a file holding a literal credential is not kept in it (its text would
    /// repeat the secret the generated code makes a required configurable): a change to it is converted whole.
    /// </summary>
    [Fact]
    public void An_api_holding_a_literal_credential_is_not_recorded_and_a_change_to_it_converts_whole()
    {
        Generate(Input, apis: 5, sequences: 1, endpoints: 1);
        var api2 = Path.Combine(Input, "apis", "Api2.xml");
        Edit(api2, "<respond/>", "<call><endpoint><http method=\"GET\" uri-template=\"http://w.example.com/data?APPID=ae2a70399cf2c35940a6538f38fee3d3\"/></endpoint></call><respond/>");
        IncrementalConversion.Run(new ConversionOptions(Input), Out, Splicing, include: WithoutReport);
        var record = File.ReadAllText(RecordPath);
        Assert.DoesNotContain("ae2a70399cf2c35940a6538f38fee3d3", record, StringComparison.Ordinal);
        Assert.DoesNotContain("{\"path\":\"apis/Api2.xml\",\"text\"", record, StringComparison.Ordinal);
        Assert.Contains("{\"path\":\"apis/Api3.xml\",\"text\"", record, StringComparison.Ordinal);

        Edit(api2, "<respond/>", "<log level=\"custom\"><property name=\"x\" value=\"y\"/></log><respond/>");
        Assert.False(IncrementalConversion.Run(new ConversionOptions(Input), Out, Splicing, include: WithoutReport).Spliced);
        AssertEqualsFresh("a change to the file with a credential", WithoutReport);
    }

    [Fact]
    public void A_rerun_after_a_changed_property_value_in_one_api_splices_and_equals_a_fresh_conversion()
    {
        Generate(Input, apis: 30, sequences: 5, endpoints: 5);
        var first = IncrementalConversion.Run(new ConversionOptions(Input), Out, Splicing);
        Assert.False(first.Spliced);
        Assert.True(File.Exists(RecordPath));
        AssertEqualsFresh("the first run");

        foreach (var (api, from, to) in new[] { ("Api7", "A", "incr-A"), ("Api3", "other", "incr other"), ("Api7", "incr-A", "A"), ("Api29", "A", "B_2") })
        {
            SetValue(api, from, to);
            var rerun = IncrementalConversion.Run(new ConversionOptions(Input), Out, Splicing);
            Assert.True(rerun.Spliced, $"{api}: {from} -> {to} was not spliced");
            Assert.Null(rerun.Conversion);
            var written = rerun.Outcome!.Files.Where(f => f.Action != FileAction.Unchanged).Select(f => f.Path).ToList();
            Assert.Contains("main.bal", written);
            Assert.All(written, f => Assert.Contains(f, new[] { "main.bal", "functions.bal" }));
            Assert.Contains('"' + to + '"', File.ReadAllText(Path.Combine(Out, "main.bal")), StringComparison.Ordinal);
            AssertEqualsFresh($"{api}: {from} -> {to}");
        }
    }

    [Fact]
    public void Changes_a_splice_cannot_prove_convert_the_whole_project_and_equal_a_fresh_conversion()
    {
        Generate(Input, apis: 12, sequences: 3, endpoints: 3);
        IncrementalConversion.Run(new ConversionOptions(Input), Out, Splicing);
        var changes = new (string Name, Action Apply)[]
        {
            // MIGRATION.md counts the mediators: tracked as a generated file, it changes outside the API's sections.
            ("an added mediator in an API, with MIGRATION.md tracked", () => Edit(Path.Combine(Input, "apis", "Api4.xml"), "<respond/>", "<log level=\"custom\"><property name=\"incr\" value=\"added\"/></log><respond/>")),
            ("a value in a sequence's file", () => Edit(Path.Combine(Input, "sequences", "Common1.xml"), "value=\"1\"", "value=\"incr\"")),
            ("a sequence's body", () => Edit(Path.Combine(Input, "sequences", "Common1.xml"), "</sequence>", "<log level=\"full\"/></sequence>")),
            ("an API's context", () => Edit(Path.Combine(Input, "apis", "Api3.xml"), "context=\"/api3\"", "context=\"/api3b\"")),
            ("a throttle added to an API", () => Edit(Path.Combine(Input, "apis", "Api3.xml"), "<respond/>", "<throttle id=\"t\"><policy><throttle:MediatorThrottleAssertion xmlns:throttle=\"http://www.wso2.org/products/wso2commons/throttle\"><throttle:MaximumConcurrentAccess>5</throttle:MaximumConcurrentAccess></throttle:MediatorThrottleAssertion></policy><onAccept><log/></onAccept><onReject><drop/></onReject></throttle><respond/>")),
            ("a system-scope property written in an API", () => Edit(Path.Combine(Input, "apis", "Api3.xml"), "<respond/>", "<property name=\"incrSys\" value=\"x\" scope=\"system\"/><respond/>")),
            ("an out flow that becomes a function (a new module-level name)", () => Edit(Path.Combine(Input, "apis", "Api3.xml"), "<outSequence><send/></outSequence>", "<outSequence><log level=\"full\"/><send/></outSequence>")),
            ("a value of a property with a scope", () => Edit(Path.Combine(Input, "sequences", "Fault.xml"), "value=\"500\"", "value=\"503\"")),
            ("values in two APIs at once", () =>
            {
                SetValue("Api5", "A", "incr-A");
                SetValue("Api6", "A", "incr-A");
            }),
            ("a renamed API", () => Edit(Path.Combine(Input, "apis", "Api8.xml"), "name=\"Api8\"", "name=\"Api8b\"")),
            ("a removed API", () => File.Delete(Path.Combine(Input, "apis", "Api9.xml"))),
        };
        foreach (var (name, apply) in changes)
        {
            apply();
            var rerun = IncrementalConversion.Run(new ConversionOptions(Input), Out, Splicing);
            Assert.False(rerun.Spliced, $"'{name}' was spliced");
            AssertEqualsFresh(name);
        }

        // After all those whole conversions, the record is again the one a fresh run writes, and a value change splices.
        SetValue("Api1", "A", "incr-A");
        Assert.True(IncrementalConversion.Run(new ConversionOptions(Input), Out, Splicing).Spliced);
        AssertEqualsFresh("a value after the others");
    }

    [Fact]
    public void A_record_that_is_unreadable_of_another_version_or_of_another_build_is_not_spliced_from()
    {
        Generate(Input, apis: 5, sequences: 2, endpoints: 2);
        IncrementalConversion.Run(new ConversionOptions(Input), Out, Splicing);
        var stored = File.ReadAllText(RecordPath);
        var value = "A";
        foreach (var (name, record) in new[]
        {
            ("unreadable", "{ not json"),
            ("another version", stored.Replace($"\"version\":{ArtifactSplice.FormatVersion}", $"\"version\":{ArtifactSplice.FormatVersion + 1}", StringComparison.Ordinal)),
            ("another build", stored.Replace(IncrementalConversion.Build, new string('0', IncrementalConversion.Build.Length), StringComparison.Ordinal)),
            ("a section moved", System.Text.RegularExpressions.Regex.Replace(stored, @"\[""main\.bal"",(\d+)", m => $"[\"main.bal\",{int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) + 1}")),
        })
        {
            Assert.NotEqual(stored, record);
            File.WriteAllText(RecordPath, record);
            SetValue("Api1", value, value = "x" + value);
            var rerun = IncrementalConversion.Run(new ConversionOptions(Input), Out, Splicing);
            Assert.False(rerun.Spliced, name);
            AssertEqualsFresh(name);
            stored = File.ReadAllText(RecordPath);
        }
    }

    [Fact]
    public void A_run_without_artifact_reuse_leaves_no_record_behind()
    {
        Generate(Input, apis: 3, sequences: 1, endpoints: 1);
        IncrementalConversion.Run(new ConversionOptions(Input), Out, Splicing);
        Assert.True(File.Exists(RecordPath));
        SetValue("Api1", "A", "incr-A");
        Assert.False(IncrementalConversion.Run(new ConversionOptions(Input), Out, new OutputOptions()).Spliced);
        Assert.False(File.Exists(RecordPath));
        SetValue("Api1", "incr-A", "A");
        Assert.False(IncrementalConversion.Run(new ConversionOptions(Input), Out, Splicing).Spliced); // no record: a whole conversion
        AssertEqualsFresh("a run without the record, then one with it");
    }

    [Fact]
    public void A_spliced_rerun_merges_a_developers_edit_as_a_whole_conversion_does()
    {
        Generate(Input, apis: 8, sequences: 2, endpoints: 2);
        var whole = Path.Combine(_temp, "whole");
        IncrementalConversion.Run(new ConversionOptions(Input), Out, Splicing);
        IncrementalConversion.Run(new ConversionOptions(Input), whole, Splicing);
        foreach (var folder in new[] { Out, whole })
        {
            var main = Path.Combine(folder, "main.bal");
            File.WriteAllText(main, File.ReadAllText(main) + "\n// kept by the developer\n");
        }

        SetValue("Api2", "A", "incr-A");
        File.Delete(Path.Combine(whole, Manifest.Folder, ArtifactSplice.FileName)); // no record: a whole conversion
        Assert.True(IncrementalConversion.Run(new ConversionOptions(Input), Out, Splicing).Spliced);
        Assert.False(IncrementalConversion.Run(new ConversionOptions(Input), whole, Splicing).Spliced);

        var spliced = OutputFolders.Snapshot(Out, withManifest: true);
        var converted = OutputFolders.Snapshot(whole, withManifest: true);
        Assert.Contains("// kept by the developer", spliced["main.bal"], StringComparison.Ordinal);
        Assert.Contains("\"incr-A\"", spliced["main.bal"], StringComparison.Ordinal);
        converted.Remove($"{Manifest.Folder}/{ArtifactSplice.FileName}");
        spliced.Remove($"{Manifest.Folder}/{ArtifactSplice.FileName}");
        Assert.Equal(converted.Keys.Order(StringComparer.Ordinal), spliced.Keys.Order(StringComparer.Ordinal));
        Assert.All(converted, e => Assert.Equal(e.Value, spliced[e.Key]));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(CorpusProjects.Routing)]
    [InlineData("micro-integrator/product-scenarios/4-gateway/04-SynapseConfigProject")]
    public void Every_change_of_the_gate_converted_again_with_artifact_reuse_equals_a_fresh_conversion(string? project)
    {
        if (project is null)
        {
            Generate(Input, apis: 30, sequences: 5, endpoints: 5);
        }
        else if (TestPaths.Corpus is not { } corpus || !Directory.Exists(Path.Combine(corpus, project)))
        {
            output.WriteLine($"SKIPPED: ../shared/corpus/{project} is not present beside the repository.");
            return;
        }
        else
        {
            OutputFolders.CopyTree(Path.Combine(corpus, project), Input);
        }

        IncrementalConversion.Run(new ConversionOptions(Input), Out, Splicing);
        AssertEqualsFresh("the first run");
        var spliced = new List<string>();
        foreach (var change in Changes)
        {
            if (change.Apply(Input))
            {
                if (IncrementalConversion.Run(new ConversionOptions(Input), Out, Splicing).Spliced)
                {
                    spliced.Add(change.Name);
                }

                AssertEqualsFresh(change.Name);
            }
        }

        output.WriteLine($"spliced: {string.Join(", ", spliced)}");
        if (project is null)
        {
            Assert.Equal(["a property value"], spliced);
        }
    }

    /// <summary>A real configuration (605 files): a plain property value changed in one of its APIs.</summary>
    [Fact]
    public void A_changed_property_value_in_a_corpus_api_whose_names_are_numbered_converts_whole_and_equals_a_fresh_conversion()
    {
        const string project = "micro-integrator/integration/mediation-tests/tests-mediator-1/src/test/resources/artifacts/ESB/server/repository/deployment/server/synapse-configs/default";
        if (TestPaths.Corpus is not { } corpus || !Directory.Exists(Path.Combine(corpus, project)))
        {
            output.WriteLine($"SKIPPED: ../shared/corpus/{project} is not present beside the repository.");
            return;
        }

        OutputFolders.CopyTree(Path.Combine(corpus, project), Input);
        IncrementalConversion.Run(new ConversionOptions(Input), Out, Splicing);
        Edit(Path.Combine(Input, "api", "TestLogMediatorTemplating.xml"), "value=\"abc123\"", "value=\"incr abc\"");
        var rerun = IncrementalConversion.Run(new ConversionOptions(Input), Out, Splicing);
        AssertEqualsFresh("a corpus API's property value");

        // Its module-level names are not all as asked (some are numbered or fall back), so a slice could name them
        // otherwise: the record says so and the change is converted whole.
        Assert.Contains("\"namesAsAsked\":false", File.ReadAllText(RecordPath), StringComparison.Ordinal);
        Assert.False(rerun.Spliced, "a package whose names are not as asked was spliced");
    }

    /// <summary>
    /// Whether a sequence can fail is decided over the whole package: a sequence that only logs returns no error,
    /// unless some artifact names it where it may fail (here a store's <c>sequence</c> in another API). The slice
    /// leaves that API out and decides otherwise; a splice would write <c>s(ctx);</c> where the whole package's
    /// <c>s</c> returns <c>error?</c>. The rerun must convert whole and equal a fresh conversion.
    /// </summary>
    [Fact]
    public void A_call_to_a_function_whose_signature_depends_on_another_api_converts_whole()
    {
        const string Ns = "xmlns=\"http://ws.apache.org/ns/synapse\"";
        Directory.CreateDirectory(Path.Combine(Input, "apis"));
        Directory.CreateDirectory(Path.Combine(Input, "sequences"));
        Directory.CreateDirectory(Path.Combine(Input, "message-stores"));
        File.WriteAllText(Path.Combine(Input, "sequences", "S.xml"), $"<sequence {Ns} name=\"S\"><log level=\"custom\"><property name=\"in\" value=\"S\"/></log></sequence>");
        File.WriteAllText(Path.Combine(Input, "sequences", "T.xml"), $"<sequence {Ns} name=\"T\"><log level=\"custom\"><property name=\"in\" value=\"T\"/></log></sequence>");
        File.WriteAllText(Path.Combine(Input, "message-stores", "Q.xml"), $"<messageStore {Ns} name=\"Q\"/>");
        File.WriteAllText(Path.Combine(Input, "apis", "A.xml"), $"<api {Ns} name=\"A\" context=\"/a\"><resource methods=\"GET\"><inSequence><sequence key=\"T\"/><respond/></inSequence></resource></api>");
        File.WriteAllText(Path.Combine(Input, "apis", "B.xml"), $"<api {Ns} name=\"B\" context=\"/b\"><resource methods=\"POST\"><inSequence><store messageStore=\"Q\" sequence=\"S\"/><respond/></inSequence></resource></api>");
        IncrementalConversion.Run(new ConversionOptions(Input), Out, Splicing, include: WithoutReport);
        AssertEqualsFresh("the first run", WithoutReport);

        Edit(Path.Combine(Input, "apis", "A.xml"), "key=\"T\"", "key=\"S\"");
        var rerun = IncrementalConversion.Run(new ConversionOptions(Input), Out, Splicing, include: WithoutReport);
        AssertEqualsFresh("A calling S instead of T", WithoutReport);
        Assert.False(rerun.Spliced, "a call to a function whose signature the slice decides differently was spliced");
    }

    /// <summary>Replaces the first <c>value="from"</c> in an API's file.</summary>
    private void SetValue(string api, string from, string to) => Edit(Path.Combine(Input, "apis", api + ".xml"), $"value=\"{from}\"", $"value=\"{to}\"");

    private static void Edit(string file, string from, string to)
    {
        var text = File.ReadAllText(file);
        var at = text.IndexOf(from, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{from}' is not in {Path.GetFileName(file)}");
        File.WriteAllText(file, text[..at] + to + text[(at + from.Length)..]);
    }

    /// <summary>The output folder, manifest and records included, equals a conversion of the input into an empty folder with the same options.</summary>
    private void AssertEqualsFresh(string after, Func<GeneratedFile, bool>? include = null)
    {
        var folder = Path.Combine(_temp, "fresh-" + Guid.NewGuid().ToString("N"));
        IncrementalConversion.Run(new ConversionOptions(Input), folder, Splicing, include: include);
        var expected = OutputFolders.Snapshot(folder, withManifest: true);
        Directory.Delete(folder, recursive: true);
        var actual = OutputFolders.Snapshot(Out, withManifest: true);
        Assert.True(
            expected.Count == actual.Count && expected.All(e => actual.TryGetValue(e.Key, out var a) && a == e.Value),
            $"after {after}, the output differs from a fresh conversion in: {string.Join(", ", Differing(expected, actual))}");
    }
}
