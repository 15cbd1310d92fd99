using System.Text.RegularExpressions;
using SynapseToBal.Cli;
using SynapseToBal.Driver;
using SynapseToBal.Tests.Golden;
using SynapseToBal.Tests.Project;
using Xunit;

namespace SynapseToBal.Tests.Output;

/// <summary>
/// <c>--keep-structure</c>: one .bal file per source artifact. Over every golden input, the package holds the same
/// module-level declarations and TODOs as the file-per-kind layout, each file with exactly the imports it uses, one
/// <c>init</c>, no subfolder; the CLI writes the layout, and converting again removes the file of a removed artifact.
/// </summary>
public sealed partial class KeepStructureTests
{
    public static TheoryData<string> Inputs()
    {
        var data = new TheoryData<string>();
        foreach (var directory in Directory.EnumerateDirectories(TestPaths.Cases).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(directory));
        }

        return data;
    }

    private static Dictionary<string, string> Convert(string input, bool keep) =>
        Converter.Convert(new ConversionOptions(input, PackageName: "keep") { KeepStructure = keep }).Files
            .Where(f => f.RelativePath.EndsWith(".bal", StringComparison.Ordinal))
            .ToDictionary(f => f.RelativePath, f => f.Content, StringComparer.Ordinal);

    /// <summary>
    /// The module-level declarations (code lines at column 0) and TODO lines of a package, sorted. The proxy services
    /// are left out: the file-per-kind layout answers every proxy's addresses from one <c>/services</c> router, the
    /// file-per-artifact layout keeps one service per address in each proxy's own file (<see cref="ProxyServices"/>
    /// checks both name the same addresses).
    /// </summary>
    private static List<string> Declarations(Dictionary<string, string> files) =>
        [.. files.Where(f => f.Key != "support.bal").SelectMany(f => f.Value.Split('\n'))
            .Where(l => (TopLevel().IsMatch(l) && !ProxyService().IsMatch(l)) || l.TrimStart().StartsWith("// TODO(", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)];

    /// <summary>The proxy addresses a package answers: the base paths of its per-address services, or the names its router matches.</summary>
    private static List<string> ProxyServices(Dictionary<string, string> files) =>
        [.. files.Values.SelectMany(t => t.Split('\n')).SelectMany(l =>
            ProxyService().Match(l) is { Success: true } service && service.Groups["name"].Success ? [service.Groups["name"].Value]
            : RouterArm().Match(l) is { Success: true } arm ? arm.Groups["name"].Captures.Select(c => c.Value)
            : []).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>support.bal without the two helpers only the proxy router uses.</summary>
    private static string? WithoutRouterHelpers(string? support)
    {
        if (support is null)
        {
            return null;
        }

        return RouterHelper().Replace(support, string.Empty).TrimEnd('\n');
    }

    [GeneratedRegex("""^service (?:/services|"?/services/(?<name>[^" ]+)"?) on """)]
    private static partial Regex ProxyService();

    [GeneratedRegex("""^\s+(?:\| )?(?:"(?<name>[^"]+)"(?:\s*\|\s*)?)+(?: => \{)?$""")]
    private static partial Regex RouterArm();

    [GeneratedRegex("""(?m)^(?:#.*\n)*function (?:escapedSegment|serviceNotFound)\(.*\n(?:(?!\}\n).*\n)*\}\n\n?""")]
    private static partial Regex RouterHelper();

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Keeps_every_declaration_of_the_file_per_kind_layout(string name)
    {
        var input = Path.Combine(TestPaths.Cases, name, "input");
        var byKind = Convert(input, keep: false);
        var byArtifact = Convert(input, keep: true);
        Assert.Equal(Declarations(byKind), Declarations(byArtifact));
        Assert.Equal(ProxyServices(byKind), ProxyServices(byArtifact));
        Assert.Equal(WithoutRouterHelpers(byKind.GetValueOrDefault("support.bal")), WithoutRouterHelpers(byArtifact.GetValueOrDefault("support.bal")));
        Assert.Equal(byKind.GetValueOrDefault("types.bal"), byArtifact.GetValueOrDefault("types.bal"));
        Assert.Equal(byKind["configs.bal"], byArtifact["configs.bal"]);
        Assert.True(byArtifact.Values.Sum(t => Regex.Matches(t, @"^function init\(", RegexOptions.Multiline).Count) <= 1, "more than one init function");
        foreach (var (path, text) in byArtifact)
        {
            Assert.DoesNotContain('/', path);
            Assert.Matches("^[a-z0-9_]+\\.bal$", path);
            GeneratedCodeShapeTests.AssertWellShaped($"{name}/{path}", text.TrimEnd('\n').Split('\n'));
            Assert.True(text.Split('\n').Where(l => l.StartsWith("import ", StringComparison.Ordinal)).GroupBy(l => l).All(g => g.Count() == 1), $"{path}: an import twice");
            Assert.True(text.Split('\n').Where(l => l.StartsWith("xmlns ", StringComparison.Ordinal)).GroupBy(l => l).All(g => g.Count() == 1), $"{path}: a namespace declared twice");
        }
    }

    [Fact]
    public void Each_artifact_gets_a_file_named_from_its_kind_and_name()
    {
        var files = Convert(Path.Combine(TestPaths.Examples, "ei6-orders"), keep: true);
        Assert.Equal(
            ["configs.bal", "endpoint_order_backend_ep.bal", "endpoint_stock_quote_ep.bal", "functions.bal", "inbound_endpoint_order_queue_inbound.bal", "main.bal",
             "message_processor_order_forwarder.bal", "message_store_order_store.bal", "proxy_order_proxy.bal", "proxy_stock_quote_proxy.bal",
             "sequence_heartbeat.bal", "sequence_order_fault.bal", "sequence_process_order.bal", "support.bal", "task_heartbeat_task.bal", "tasks.bal", "types.bal"],
            files.Keys.Order(StringComparer.Ordinal));
        Assert.StartsWith("// Generated by SynapseToBal: Proxy service 'OrderProxy', from:\n//   proxy-services/OrderProxy.xml\n", files["proxy_order_proxy.bal"]);
        Assert.Contains("service /services/OrderProxy on httpListener, httpsListener {", files["proxy_order_proxy.bal"]); // transports="http https"
        Assert.Contains("function orderFlow(Context ctx)", files["proxy_order_proxy.bal"]);
        Assert.DoesNotContain("listener http:Listener", files["proxy_order_proxy.bal"]);
        Assert.Contains("listener http:Listener httpListener = new (httpPort);", files["main.bal"]);
        // functions.bal holds only what no artifact of the input declares: the Micro Integrator's default 'fault' sequence.
        AssertOnlyDefaultFault(files["functions.bal"]);
    }

    /// <summary>A functions.bal of the file-per-artifact layout: only the functions of the server's default 'fault' sequence.</summary>
    private static void AssertOnlyDefaultFault(string functions)
    {
        Assert.Contains("//   the Micro Integrator's default 'fault' sequence (", functions, StringComparison.Ordinal);
        var declared = Regex.Matches(functions, @"^function (\w+)\(", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(declared);
        Assert.All(declared, name => Assert.Contains(name, new[] { "handleFault", "handleFaultAfterSend" }));
    }

    [Fact]
    public void The_default_layout_is_one_file_per_kind() =>
        Assert.Contains("functions.bal", Convert(Path.Combine(TestPaths.Examples, "ei6-orders"), keep: false).Keys);

    [Fact]
    public void Cli_keep_structure_writes_a_file_per_artifact_and_a_removed_artifact_loses_its_file()
    {
        using var temp = new TempDirectory();
        temp.Write("in/Orders.xml", "<api xmlns=\"http://ws.apache.org/ns/synapse\" name=\"Orders\" context=\"/orders\"><resource methods=\"GET\"><inSequence><sequence key=\"Common\"/><respond/></inSequence></resource></api>");
        temp.Write("in/Common.xml", "<sequence xmlns=\"http://ws.apache.org/ns/synapse\" name=\"Common\"><log level=\"full\"/></sequence>");
        temp.Write("in/Audit.xml", "<sequence xmlns=\"http://ws.apache.org/ns/synapse\" name=\"Audit\"><drop/></sequence>");
        var output = temp.Combine("out");
        var stdout = new StringWriter();
        Assert.Equal(Program.Converted, Program.Run(["convert", temp.Combine("in"), "-k", "-o", output, "--report", "none"], stdout, new StringWriter()));
        Assert.True(File.Exists(Path.Combine(output, "api_orders.bal")));
        Assert.True(File.Exists(Path.Combine(output, "sequence_common.bal")));
        Assert.True(File.Exists(Path.Combine(output, "sequence_audit.bal")));
        // No artifact's code in functions.bal: it holds the Micro Integrator's default 'fault' sequence alone (the
        // project defines none, and the full log of Common can fail).
        AssertOnlyDefaultFault(File.ReadAllText(Path.Combine(output, "functions.bal")));
        Assert.Contains("\"keepStructure\": \"true\"", File.ReadAllText(Path.Combine(output, ".synapse2bal", "manifest.json")));

        File.Delete(temp.Combine("in", "Audit.xml"));
        Assert.Equal(Program.Converted, Program.Run(["convert", temp.Combine("in"), "--keep-structure", "-o", output, "--report", "none"], new StringWriter(), new StringWriter()));
        Assert.False(File.Exists(Path.Combine(output, "sequence_audit.bal")));
        Assert.True(File.Exists(Path.Combine(output, "sequence_common.bal")));

        // Without the option, the same output goes back to the file-per-kind layout.
        Assert.Equal(Program.Converted, Program.Run(["convert", temp.Combine("in"), "-o", output, "--report", "none"], new StringWriter(), new StringWriter()));
        Assert.True(File.Exists(Path.Combine(output, "functions.bal")));
        Assert.False(File.Exists(Path.Combine(output, "sequence_common.bal")));
    }

    [Fact]
    public void Artifact_file_names_are_sanitised_and_numbered_when_taken()
    {
        using var temp = new TempDirectory();
        temp.Write("in/a.xml", "<sequence xmlns=\"http://ws.apache.org/ns/synapse\" name=\"OrderFault\"><drop/></sequence>");
        temp.Write("in/b.xml", "<sequence xmlns=\"http://ws.apache.org/ns/synapse\" name=\"order-fault\"><drop/></sequence>");
        temp.Write("in/c.xml", "<sequence xmlns=\"http://ws.apache.org/ns/synapse\" name=\"../../étrange\"><drop/></sequence>");
        var files = Convert(temp.Combine("in"), keep: true);
        Assert.Contains("sequence_order_fault.bal", files.Keys);
        Assert.Contains("sequence_order_fault_2.bal", files.Keys);
        Assert.Contains("sequence_trange.bal", files.Keys);
    }

    [Fact]
    public void Joined_parts_keep_their_declarations_and_share_merged_imports_and_namespaces()
    {
        var joined = Emit.PackageEmitter.Join(
            "// Generated by SynapseToBal: API 'A', from:\n//   a.xml\n// Converting again keeps your edits: they are merged three-way with the new generation (--force overwrites).",
            [
                "// Generated by SynapseToBal: x, from:\n//   a.xml\n// Converting again keeps your edits: they are merged three-way with the new generation (--force overwrites).\n\nimport ballerina/log;\nimport ballerina/http;\n\nxmlns \"urn:a\" as a;\n\nfunction f() {\n}\n",
                "// Generated by SynapseToBal: y, from:\n//   a.xml\n// Converting again keeps your edits: they are merged three-way with the new generation (--force overwrites).\n// TODO(SB0205): kept\n// <endpoint/>\n",
                "// Generated by SynapseToBal: z.\n// Converting again keeps your edits: they are merged three-way with the new generation (--force overwrites).\n\nimport ballerina/http;\n\nxmlns \"urn:a\" as a;\n\nfinal int g = 1;\n",
            ]);
        Assert.Equal(
            "// Generated by SynapseToBal: API 'A', from:\n//   a.xml\n// Converting again keeps your edits: they are merged three-way with the new generation (--force overwrites).\n\n"
            + "import ballerina/http;\nimport ballerina/log;\n\nxmlns \"urn:a\" as a;\n\n"
            + "function f() {\n}\n\n// TODO(SB0205): kept\n// <endpoint/>\n\nfinal int g = 1;\n",
            joined);
    }

    [GeneratedRegex(@"^(?!import |xmlns |//|#|\s|$|\}|\)|\])\S")]
    private static partial Regex TopLevel();
}
