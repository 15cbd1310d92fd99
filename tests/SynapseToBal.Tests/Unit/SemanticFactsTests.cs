using SynapseToBal.Diagnostics;
using SynapseToBal.Semantics;
using SynapseToBal.Syntax;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// The facts the semantic model computes once for the lowering: how an entry point's in flow reaches backends
/// (<see cref="SemanticModel.BackendCallsOf"/>) and which properties the project may set (<see cref="SemanticModel.MaySetProperty"/>).
/// </summary>
public sealed class SemanticFactsTests
{
    private static SemanticModel Model(params string[] definitions)
    {
        var diagnostics = new DiagnosticBag();
        var xml = $"""<definitions xmlns="http://ws.apache.org/ns/synapse">{string.Concat(definitions)}</definitions>""";
        var document = SynapseParser.ParseText("/in/synapse.xml", xml, diagnostics) ?? throw new InvalidOperationException("not parsed");
        return SemanticModel.Build([document], null, diagnostics);
    }

    private static SequenceSyntax Sequence(SemanticModel model, string name) => model.Symbols.Sequence(name) ?? throw new InvalidOperationException(name);

    private const string HttpPost = """<http.post configKey="Conn"><relativePath>orders</relativePath></http.post>""";

    [Fact]
    public void An_http_connector_operation_in_a_named_sequence_sends_without_blocking()
    {
        var model = Model(
            $"""<sequence name="Place">{HttpPost}</sequence>""",
            """<sequence name="Caller"><sequence key="Place"/><respond/></sequence>""");

        Assert.True(model.SequenceFacts("Place").SendsWithoutBlocking);
        var calls = model.BackendCallsOf(Sequence(model, "Caller").Mediators, null);
        Assert.True(calls.SendsWithoutBlocking);
        Assert.False(calls.CallsBlocking);
        Assert.True(model.BackendCallsOf([], new KeySyntax("Place", null)) is { SendsWithoutBlocking: true });
    }

    [Fact]
    public void A_blocking_call_nested_where_the_flow_walker_does_not_go_still_counts()
    {
        // A mediator anywhere below the flow counts (here a foreach's sequence, where the flow walker does not descend).
        var model = Model("""<sequence name="S"><foreach expression="//item"><sequence><callout serviceURL="http://b/x"><source type="envelope"/><target key="r"/></callout></sequence></foreach></sequence>""");
        var calls = model.BackendCallsOf(Sequence(model, "S").Mediators, null);
        Assert.True(calls.CallsBlocking);
        Assert.True(calls.Any);
    }

    [Fact]
    public void A_flow_without_backends_calls_none()
    {
        var model = Model("""<sequence name="S"><log/><respond/></sequence>""");
        Assert.False(model.BackendCallsOf(Sequence(model, "S").Mediators, null).Any);
    }

    [Fact]
    public void Properties_the_project_sets_are_known_and_a_script_may_set_any()
    {
        var model = Model(
            """<sequence name="S"><property name="a" value="1"/><property name="t" value="1" scope="transport"/><enrich><source type="body"/><target type="property" property="b"/></enrich><propertyGroup><property name="c" value="2"/></propertyGroup></sequence>""");
        Assert.True(model.MaySetProperty("a"));
        Assert.True(model.MaySetProperty("b"));
        Assert.True(model.MaySetProperty("c"));
        Assert.False(model.MaySetProperty("t"));
        Assert.False(model.MaySetProperty("missing"));

        var scripted = Model("""<sequence name="S"><script language="js">mc.setProperty('x', 1);</script></sequence>""");
        Assert.True(scripted.MaySetProperty("anything"));
    }
}
