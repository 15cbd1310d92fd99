using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Lowering;
using Xunit;
using static SynapseToBal.Tests.Unit.MediatorParsing;

namespace SynapseToBal.Tests.Unit;

/// <summary>iterate preservePayload="true" with a JSONPath expression (IterateMediator's JSON branch).</summary>
public sealed class SplitPreservePayloadJsonTests
{
    private const string Call = """<call><endpoint><address uri="http://localhost:9000/x"/></endpoint></call>""";

    private static (FunctionIr Sequence, DiagnosticBag Diagnostics) Lower(string xml)
    {
        var diagnostics = new DiagnosticBag();
        var package = Lowerer.Lower([Document(xml, diagnostics)], diagnostics);
        return (package.Functions.Single(f => f.Summary == "Sequence 'test'."), diagnostics);
    }

    private const string Aggregate = """<aggregate><onComplete expression="json-eval($.reply)"><respond/></onComplete></aggregate>""";

    [Theory]
    [InlineData("""attachPath="json-eval($.items)" expression="json-eval($.items)" """, "$.items", "$.items")]
    [InlineData("""attachPath="json-eval($.holder)" expression="json-eval($.order.items)" """, "$.order.items", "$.holder")]
    [InlineData("""attachPath="json-eval($)" expression="json-eval($.items)" """, "$.items", "$")]
    [InlineData("""expression="json-eval($.items)" """, "$.items", "$")]
    public void A_json_expression_with_preserve_payload_sets_each_item_at_the_attach_path(string attributes, string path, string attachPath)
    {
        var (sequence, diagnostics) = Lower($"""<iterate preservePayload="true" {attributes}><target><sequence>{Call}</sequence></target></iterate>{Aggregate}""");

        var fork = Assert.IsType<ForkStep>(sequence.Body[1]);
        Assert.Equal(new ForkSourceIr.AttachedJson(path, attachPath), fork.Source);
        Assert.Equal(new AggregationIr(true, null, null), fork.Aggregation);
        Assert.DoesNotContain(diagnostics.Items, d => d.Id == DiagnosticCatalog.EipShapeNotTranslated.Id);
    }

    [Theory]
    [InlineData("""attachPath="//holder" expression="json-eval($.items)" """, "Synapse refuses the configuration")]
    [InlineData("""attachPath="json-eval($.items[*])" expression="json-eval($.items)" """, "members and array indexes")]
    [InlineData("""attachPath="json-eval($.holder)" expression="json-eval($..items)" """, "members and array indexes")]
    public void A_json_preserve_payload_the_converter_cannot_make_exact_stays_a_todo(string attributes, string why)
    {
        var (sequence, diagnostics) = Lower($"""<iterate preservePayload="true" {attributes}><target><sequence>{Call}</sequence></target></iterate>{Aggregate}""");

        Assert.All(sequence.Body, step => Assert.IsType<TodoStep>(step));
        Assert.Contains(diagnostics.Items, d => d.Id == DiagnosticCatalog.EipShapeNotTranslated.Id && d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains(why, StringComparison.Ordinal));
    }
}
