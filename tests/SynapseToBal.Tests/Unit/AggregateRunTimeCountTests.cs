using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Lowering;
using Xunit;
using static SynapseToBal.Tests.Unit.MediatorParsing;

namespace SynapseToBal.Tests.Unit;

/// <summary>An aggregate whose messageCount min or max is computed at run time from a property.</summary>
public sealed class AggregateRunTimeCountTests
{
    private const string Call = """<call><endpoint><address uri="http://localhost:9000/x"/></endpoint></call>""";

    private static (FunctionIr Sequence, DiagnosticBag Diagnostics) Lower(string xml)
    {
        var diagnostics = new DiagnosticBag();
        var package = Lowerer.Lower([Document(xml, diagnostics)], diagnostics);
        return (package.Functions.Single(f => f.Summary == "Sequence 'test'."), diagnostics);
    }

    private static string Split(string target, string min, string max) => $"""
        <property name="limit" value="3"/>
        <iterate expression="//item"><target><sequence>{target}</sequence></target></iterate>
        <aggregate><completeCondition><messageCount min="{min}" max="{max}"/></completeCondition>
          <onComplete expression="//reply"><respond/></onComplete></aggregate>
        """;

    [Theory]
    [InlineData("{get-property('limit')}", "-1", "min")]
    [InlineData("-1", "{$ctx:limit}", "max")]
    public void A_count_read_from_a_property_the_copies_do_not_set_is_read_after_the_fork(string min, string max, string which)
    {
        var (sequence, diagnostics) = Lower(Split(Call, min, max));

        var fork = Assert.IsType<ForkStep>(Assert.Single(sequence.Body, step => step is ForkStep));
        var aggregation = Assert.IsType<AggregationIr>(fork.Aggregation);
        var read = Assert.IsType<PropertyReadIr>(which == "min" ? aggregation.RunTimeMin : aggregation.RunTimeMax);
        Assert.Equal("limit", read.Name);
        Assert.Null(which == "min" ? aggregation.RunTimeMax : aggregation.RunTimeMin);
        Assert.Null(aggregation.Count);
        Assert.DoesNotContain(diagnostics.Items, d => d.Id == DiagnosticCatalog.EipShapeNotTranslated.Id);
    }

    [Theory]
    [InlineData("""<property name="limit" value="9"/>""" + Call, "{get-property('limit')}", "may set before it")]
    [InlineData("""<class name="org.example.Limits"/>""" + Call, "{get-property('limit')}", "may set before it")]
    [InlineData(Call, "{//count}", "other than a property")]
    public void A_count_the_converter_cannot_read_exactly_stays_a_todo(string target, string min, string why)
    {
        var (sequence, diagnostics) = Lower(Split(target, min, "-1"));

        Assert.Contains(sequence.Body, step => step is TodoStep);
        Assert.DoesNotContain(sequence.Body, step => step is ForkStep);
        Assert.Contains(diagnostics.Items, d => d.Id == DiagnosticCatalog.EipShapeNotTranslated.Id
            && d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains(why, StringComparison.Ordinal));
    }
}
