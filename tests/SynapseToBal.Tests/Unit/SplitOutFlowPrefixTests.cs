using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Lowering;
using SynapseToBal.Syntax;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// The EI 6.x split whose aggregate is in the out flow after other mediators: each response runs them (Synapse hands
/// every response to the out flow from its first mediator) before the aggregate takes it, so each branch runs them
/// on its response before keeping its part.
/// </summary>
public sealed class SplitOutFlowPrefixTests
{
    private const string Split = """<iterate id="it" expression="//item"><target><sequence><send><endpoint><address uri="http://localhost:9000/x"/></endpoint></send></sequence></target></iterate>""";

    private const string Aggregate = """<aggregate id="it"><onComplete expression="//reply"><send/></onComplete></aggregate>""";

    private static (PackageIr Package, DiagnosticBag Diagnostics) Lower(string prefix, string sequences = "", string aggregate = Aggregate)
    {
        var diagnostics = new DiagnosticBag();
        var xml = $"""<definitions xmlns="http://ws.apache.org/ns/synapse"><proxy name="P"><target><inSequence>{Split}</inSequence><outSequence>{prefix}{aggregate}</outSequence></target></proxy>{sequences}</definitions>""";
        var document = SynapseParser.ParseText("test.xml", xml, diagnostics);
        Assert.NotNull(document);
        return (Lowerer.Lower([document], diagnostics), diagnostics);
    }

    private static IEnumerable<StepIr> AllSteps(PackageIr package) =>
        package.Services.SelectMany(s => s.Resources).SelectMany(r => IrWalker.Steps(r.Body)).Concat(package.Functions.SelectMany(f => IrWalker.Steps(f.Body)));

    [Fact]
    public void Mediators_that_change_the_response_run_in_each_branch_before_its_part_is_kept()
    {
        var (package, diagnostics) = Lower(
            """<log/><filter xpath="//reply/ok"><then><property name="ok" value="true"/></then></filter><payloadFactory media-type="xml"><format><reply xmlns=""><v>$1</v></reply></format><args><arg expression="//value"/></args></payloadFactory><sequence key="Normalize"/>""",
            """<sequence name="Normalize"><header name="X-Seen" scope="transport" value="1"/></sequence>""");

        var fork = Assert.Single(AllSteps(package).OfType<ForkStep>());
        Assert.NotNull(fork.Aggregation);
        var branch = package.Functions.Single(f => f.Name == Assert.Single(fork.Branches)).Body;
        var call = branch.ToList().FindIndex(step => step is CallStep);
        var part = branch.ToList().FindIndex(step => step is ReplacePayloadStep);
        Assert.True(call >= 0 && part == branch.Length - 1, "the branch sends, then keeps the aggregate's part last");
        var between = branch[(call + 1)..part];
        Assert.Contains(between, step => step is LogStep);
        Assert.Contains(between, step => step is IfStep);
        Assert.Contains(between, step => step is SetPayloadStep);
        Assert.Contains(between, step => step is InvokeStep or SetHeaderStep);
        Assert.DoesNotContain(diagnostics.Items, d => d.Id == DiagnosticCatalog.EipShapeNotTranslated.Id);
    }

    [Theory]
    [InlineData("""<filter xpath="//reply/error"><then><drop/></then></filter>""", "")]
    [InlineData("""<filter xpath="//reply/error"><then><respond/></then></filter>""", "")]
    [InlineData("""<script language="js">mc.setProperty('x', 1);</script>""", "")]
    [InlineData("""<call><endpoint><address uri="http://localhost:9000/y"/></endpoint></call>""", "")]
    [InlineData("""<sequence key="Guarded"/>""", """<sequence name="Guarded" onError="handler"><log/></sequence><sequence name="handler"><respond/></sequence>""")]
    [InlineData("""<sequence key="{$ctx:which}"/>""", "")]
    [InlineData("""<clone><target><sequence><log/></sequence></target></clone>""", "")]
    public void Mediators_that_may_answer_stop_copy_or_run_code_before_the_aggregate_keep_the_split_a_todo(string prefix, string sequences)
    {
        var (package, diagnostics) = Lower(prefix, sequences);

        Assert.DoesNotContain(AllSteps(package).OfType<ForkStep>(), fork => fork.Aggregation is not null);
        Assert.Contains(diagnostics.Items, d => d.Id == DiagnosticCatalog.EipShapeNotTranslated.Id && d.GetMessage().Contains("<iterate>", StringComparison.Ordinal));
    }

    [Fact]
    public void A_count_set_before_a_sequence_that_may_set_it_again_is_not_taken_as_the_literal()
    {
        // The property is set to a literal, then Normalize sets it again from the response: the aggregate reads the
        // latter, so the literal is not the count, and the targets' flows do not write it: it is read from the message.
        var (package, diagnostics) = Lower(
            """<property name="max" value="2"/><sequence key="Normalize"/>""",
            """<sequence name="Normalize"><property name="max" expression="//count"/></sequence>""",
            """<aggregate id="it"><completeCondition><messageCount min="-1" max="{get-property('max')}"/></completeCondition><onComplete expression="//reply"><send/></onComplete></aggregate>""");

        Assert.DoesNotContain(AllSteps(package).OfType<ForkStep>(), fork => fork.Aggregation is { Count: 2 });
        Assert.Contains(diagnostics.Items, d => d.Id == DiagnosticCatalog.EipShapeNotTranslated.Id && d.GetMessage().Contains("'max'", StringComparison.Ordinal));
    }
}
