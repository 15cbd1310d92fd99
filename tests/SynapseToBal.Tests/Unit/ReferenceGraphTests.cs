using SynapseToBal.Diagnostics;
using SynapseToBal.Semantics;
using SynapseToBal.Syntax;
using Xunit;

namespace SynapseToBal.Tests.Unit;

public sealed class ReferenceGraphTests
{
    private const string Definitions = """
        <definitions xmlns="http://ws.apache.org/ns/synapse">
            <sequence name="A"><sequence key="B"/></sequence>
            <sequence name="B"><filter xpath="get-property('x')"><then><sequence key="A"/></then></filter></sequence>
            <sequence name="C" onError="fault">
                <call-template target="MissingTemplate"/>
                <call-template target="LogTemplate"/>
                <store messageStore="Orders"/>
                <xslt key="conf:/xslt/order.xslt"/>
                <xslt key="transformEntry"/>
                <sequence key="{get-property('next')}"/>
                <iterate expression="//item"><target sequence="B"><endpoint key="Backend"/></target></iterate>
                <clone><target endpoint="MissingEndpoint"/></clone>
                <call><endpoint key="Templated"/></call>
                <sequence key="main"/>
            </sequence>
            <template name="LogTemplate"><sequence><log/></sequence></template>
            <template name="EpTemplate"><endpoint name="$name"><address uri="http://$host/"/></endpoint></template>
            <endpoint name="Templated" template="EpTemplate"><parameter name="host" value="h"/></endpoint>
            <endpoint name="Backend"><address uri="http://b/"/></endpoint>
            <localEntry key="transformEntry"><xsl:stylesheet xmlns:xsl="http://www.w3.org/1999/XSL/Transform" version="1.0"/></localEntry>
            <messageStore name="Orders"/>
            <proxy name="P"><target inSequence="A" outSequence="Missing"><endpoint key="Backend"/></target></proxy>
            <inboundEndpoint name="In" protocol="http" sequence="C" onError="B"><parameters><parameter name="inbound.http.port">8085</parameter></parameters></inboundEndpoint>
            <messageProcessor name="Fwd" class="org.apache.synapse.message.processor.impl.forwarder.ScheduledMessageForwardingProcessor" targetEndpoint="Backend" messageStore="Orders">
                <parameter name="message.processor.reply.sequence">C</parameter>
            </messageProcessor>
        </definitions>
        """;

    private static (ReferenceGraph Graph, DiagnosticBag Diagnostics, SynapseDocument Document) Build()
    {
        var diagnostics = new DiagnosticBag();
        var document = SynapseParser.ParseText("synapse.xml", Definitions, diagnostics)!;
        var graph = ReferenceGraph.Build([document], key => key == "conf:/xslt/order.xslt", diagnostics);
        return (graph, diagnostics, document);
    }

    [Fact]
    public void Unresolved_references_are_warnings_at_the_referring_location()
    {
        var (graph, diagnostics, _) = Build();
        var unresolved = graph.Unresolved.Select(r => $"{r.Reference.Kind} {r.Reference.Key}").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["Endpoint MissingEndpoint", "Sequence Missing", "SequenceTemplate MissingTemplate"], unresolved);
        var messages = diagnostics.Items.Where(d => d.Id == "SB0502").Select(d => DiagnosticBag.Format(d)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(3, messages.Count);
        Assert.Contains(messages, m => m.StartsWith("synapse.xml(5,9): warning SB0502: Sequence template 'MissingTemplate'", StringComparison.Ordinal));
    }

    [Fact]
    public void Resolved_references_point_at_their_artifacts()
    {
        var (graph, _, document) = Build();
        var c = document.Artifacts.Single(a => a.Name == "C");
        var targets = graph.ReferencesOf(c).Where(r => r.Status == ResolutionStatus.Resolved).Select(r => $"{r.Reference.Kind}:{r.Target!.Kind}:{r.Target.Name}").ToList();
        Assert.Contains("SequenceTemplate:Sequence template:LogTemplate", targets);
        Assert.Contains("MessageStore:Message store:Orders", targets);
        Assert.Contains("Resource:Local entry:transformEntry", targets);
        Assert.Contains("Sequence:Sequence:B", targets);
        Assert.Contains("Endpoint:Endpoint:Backend", targets);
        Assert.Contains("Endpoint:Endpoint:Templated", targets);
        var templated = document.Artifacts.Single(a => a.Name == "Templated");
        Assert.Equal("EpTemplate", Assert.Single(graph.DependenciesOf(templated)).Name);
    }

    [Fact]
    public void Registry_dynamic_and_built_in_keys_are_recorded_not_reported()
    {
        var (graph, _, _) = Build();
        Assert.Contains(graph.References, r => r.Reference.Key == "conf:/xslt/order.xslt" && r.Status == ResolutionStatus.Registry);
        Assert.Contains(graph.References, r => r.Reference.Key == "{get-property('next')}" && r.Status == ResolutionStatus.Dynamic);
        Assert.Contains(graph.References, r => r.Reference.Key == "main" && r.Status == ResolutionStatus.BuiltIn);
        Assert.Contains(graph.References, r => r.Reference.Key == "fault" && r.Status == ResolutionStatus.BuiltIn);
    }

    [Fact]
    public void Links_from_proxies_inbound_endpoints_and_processors_are_followed()
    {
        var (graph, _, document) = Build();
        string[] Names(string artifact) => graph.DependenciesOf(document.Artifacts.Single(a => a.Name == artifact)).Select(a => a.Name).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["A", "Backend"], Names("P"));
        Assert.Equal(["B", "C"], Names("In"));
        Assert.Equal(["Backend", "C", "Orders"], Names("Fwd"));
    }

    [Fact]
    public void Sequence_cycles_are_reported_once()
    {
        var (graph, diagnostics, _) = Build();
        var cycle = Assert.Single(graph.SequenceCycles);
        Assert.Equal(["A", "B", "A"], cycle.ToArray());
        Assert.Single(diagnostics.Items, d => d.Id == "SB0503");
    }

    [Fact]
    public void A_registry_key_that_misses_by_its_folders_names_the_resource_with_its_file_name()
    {
        string[] keys = ["gov:/esbconfig/endpoints/backend.xml", "conf:/other/backend.xml", "conf:/sequences/audit.xml"];
        var near = ReferenceGraph.NearMiss("gov:esbconfig/endpoints/Orders/backend.xml", keys);
        Assert.StartsWith("; the input's registry resources 'conf:/other/backend.xml', 'gov:/esbconfig/endpoints/backend.xml' have its file name", near);
        Assert.Contains("'conf:/sequences/audit.xml' has its file name", ReferenceGraph.NearMiss("conf:sequences/x/audit.xml", keys));

        // A plain name, a key whose file name no resource has, and no known keys: nothing to add.
        Assert.Equal("", ReferenceGraph.NearMiss("backend.xml", keys));
        Assert.Equal("", ReferenceGraph.NearMiss("ns:audit.xml", keys));
        Assert.Contains("'conf:/sequences/audit.xml'", ReferenceGraph.NearMiss("gov:audit.xml", keys));
        Assert.Equal("", ReferenceGraph.NearMiss("gov:/esbconfig/endpoints/missing.xml", keys));
        Assert.Equal("", ReferenceGraph.NearMiss("gov:/esbconfig/endpoints/backend.xml/", keys));
        Assert.Equal("", ReferenceGraph.NearMiss("gov:esbconfig/endpoints/Orders/backend.xml", null));
    }
}
