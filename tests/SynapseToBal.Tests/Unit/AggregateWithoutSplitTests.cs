using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Lowering;
using SynapseToBal.Syntax;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>An aggregate that nothing in the input can feed passes every message through (SB0236); anything that may make correlated copies keeps it a TODO.</summary>
public sealed class AggregateWithoutSplitTests
{
    private const string Aggregate = """<aggregate id="a"><completeCondition><messageCount min="-1" max="-1"/></completeCondition><onComplete expression="//r"><respond/></onComplete></aggregate>""";

    private static (FunctionIr Sequence, DiagnosticBag Diagnostics) Lower(string aggregate, string other)
    {
        var diagnostics = new DiagnosticBag();
        var xml = $"""<definitions xmlns="http://ws.apache.org/ns/synapse"><sequence name="test"><log/>{aggregate}<property name="after" value="1"/></sequence><sequence name="other">{other}</sequence></definitions>""";
        var document = SynapseParser.ParseText("test.xml", xml, diagnostics);
        Assert.NotNull(document);
        var package = Lowerer.Lower([document], diagnostics);
        return (package.Functions.Single(f => f.Summary == "Sequence 'test'."), diagnostics);
    }

    [Fact]
    public void An_aggregate_nothing_feeds_passes_the_message_on()
    {
        var (sequence, diagnostics) = Lower(Aggregate, "<log/>");

        var dead = Assert.IsType<DeadCodeStep>(sequence.Body[1]);
        Assert.IsType<AggregateMediator>(dead.Origin);
        Assert.Contains("never completes", dead.Reason);
        Assert.IsType<SetPropertyStep>(sequence.Body[2]);
        Assert.Contains(diagnostics.Items, d => d.Id == DiagnosticCatalog.AggregateNeverCompletes.Id);
        Assert.DoesNotContain(diagnostics.Items, d => d.Id == DiagnosticCatalog.EipShapeNotTranslated.Id);
    }

    [Theory]
    [InlineData("""<clone><target><sequence><log/></sequence></target></clone>""")]
    [InlineData("""<iterate expression="//i"><target><sequence><log/></sequence></target></iterate>""")]
    [InlineData("""<send><endpoint><recipientlist><endpoints value="http://a/x,http://b/x"/></recipientlist></endpoint></send>""")]
    [InlineData("""<store messageStore="S"/>""")]
    [InlineData("""<class name="org.example.Splitter"/>""")]
    [InlineData("""<property name="aggregateCorelation.a" value="x"/>""")]
    [InlineData("""<sequence key="notInTheInput"/>""")]
    [InlineData("""<sequence key="{get-property('next')}"/>""")]
    public void Anything_that_may_make_correlated_copies_keeps_it_a_todo(string other)
    {
        var (sequence, diagnostics) = Lower(Aggregate, other);

        Assert.IsType<TodoStep>(sequence.Body[1]);
        Assert.Contains(diagnostics.Items, d => d.Id == DiagnosticCatalog.EipShapeNotTranslated.Id);
        Assert.DoesNotContain(diagnostics.Items, d => d.Id == DiagnosticCatalog.AggregateNeverCompletes.Id);
    }

    [Fact]
    public void An_aggregate_that_correlates_on_an_expression_stays_a_todo()
    {
        var (sequence, diagnostics) = Lower("""<aggregate><correlateOn expression="//id"/><onComplete expression="//r"><respond/></onComplete></aggregate>""", "<log/>");

        Assert.IsType<TodoStep>(sequence.Body[1]);
        Assert.DoesNotContain(diagnostics.Items, d => d.Id == DiagnosticCatalog.AggregateNeverCompletes.Id);
    }
}
