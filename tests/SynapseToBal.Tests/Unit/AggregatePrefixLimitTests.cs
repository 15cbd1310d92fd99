using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Lowering;
using SynapseToBal.Syntax;
using Xunit;
using static SynapseToBal.Tests.Unit.MediatorParsing;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// An out flow's aggregate whose messageCount min/max reads a property that the out flow itself sets to a literal
/// before the aggregate: Synapse reads it on the first response reaching the aggregate, which has run those mediators.
/// </summary>
public sealed class AggregatePrefixLimitTests
{
    private static (ForkStep? Fork, DiagnosticBag Diagnostics) Lower(string prefix, string min, string max, string target = "")
    {
        var diagnostics = new DiagnosticBag();
        var xml = $"""
            <proxy xmlns="{Synapse}" name="P" transports="http"><target>
              <inSequence>
                <iterate id="it" expression="//item"><target><sequence>{target}<send><endpoint><address uri="http://localhost:9000/x"/></endpoint></send></sequence></target></iterate>
              </inSequence>
              <outSequence>
                {prefix}
                <aggregate id="it"><completeCondition><messageCount min="{min}" max="{max}"/></completeCondition>
                  <onComplete expression="//reply"><send/></onComplete></aggregate>
              </outSequence>
            </target></proxy>
            """;
        var document = SynapseParser.ParseText("P.xml", xml, diagnostics);
        Assert.NotNull(document);
        var package = Lowerer.Lower([document], diagnostics);
        var fork = package.Functions.SelectMany(f => IrWalker.Steps(f.Body)).OfType<ForkStep>().SingleOrDefault();
        return (fork, diagnostics);
    }

    [Theory]
    [InlineData("""<property name="max" value="10" type="INTEGER"/>""", "-1", "{get-property('max')}", 10)]
    [InlineData("""<property name="max" value="10"/><property name="min" value="4"/>""", "{get-property('min')}", "{$ctx:max}", 4)]
    [InlineData("""<property name="max" value="7.9"/>""", "12", "{get-property('max')}", 7)]
    [InlineData("""<property name="max" value="3"/><log level="full"/><property name="max" value=" 6 "/>""", "-1", "{get-property('max')}", 6)]
    public void The_literal_the_out_flow_sets_last_is_the_count(string prefix, string min, string max, int count)
    {
        // The copies' targets set the property too: the out flow's value, set on each response, is what the aggregate reads.
        var (fork, diagnostics) = Lower(prefix, min, max, target: """<property name="max" value="99"/>""");

        var aggregation = Assert.IsType<AggregationIr>(Assert.IsType<ForkStep>(fork).Aggregation);
        Assert.Equal(count, aggregation.Count);
        Assert.Null(aggregation.RunTimeMin);
        Assert.Null(aggregation.RunTimeMax);
        Assert.DoesNotContain(diagnostics.Items, d => d.Id == DiagnosticCatalog.EipShapeNotTranslated.Id);
    }

    [Fact]
    public void A_literal_below_one_sets_no_limit()
    {
        var (fork, _) = Lower("""<property name="max" value="0"/>""", "-1", "{get-property('max')}");

        var aggregation = Assert.IsType<AggregationIr>(Assert.IsType<ForkStep>(fork).Aggregation);
        Assert.Null(aggregation.Count);
        Assert.Null(aggregation.RunTimeMax);
    }

    [Theory]
    [InlineData("""<property name="max" expression="//limit"/>""")]
    [InlineData("""<property name="max" value="10"/><property name="{$ctx:which}" value="2"/>""")]
    [InlineData("""<property name="max" value="ten"/>""")]
    [InlineData("""<property name="max" value="10" type="DOUBLE"/>""")]
    [InlineData("""<property name="max" value="10"/><property name="max" action="remove"/>""")]
    public void A_value_not_known_from_the_out_flow_stays_a_todo(string prefix)
    {
        // The targets set the property before the response reaches the aggregate: the value is not the parent's either.
        var (fork, diagnostics) = Lower(prefix, "-1", "{get-property('max')}", target: """<property name="max" value="99"/>""");

        Assert.Null(fork);
        Assert.Contains(diagnostics.Items, d => d.Id == DiagnosticCatalog.EipShapeNotTranslated.Id);
    }
}
