using System.Globalization;
using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Lowering;
using Xunit;
using static SynapseToBal.Tests.Unit.MediatorParsing;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// An aggregate's completeCondition timeout and a scatter-gather's aggregation timeout: translated when the copies run
/// in parallel (the aggregation completes that long after the first copy arrives), reported when they run one after
/// the other.
/// </summary>
public sealed class AggregateTimeoutTests
{
    private const string Call = """<call><endpoint><address uri="http://localhost:9000/x"/></endpoint></call>""";

    private static (FunctionIr Sequence, DiagnosticBag Diagnostics) Lower(string xml)
    {
        var diagnostics = new DiagnosticBag();
        var package = Lowerer.Lower([Document(xml, diagnostics)], diagnostics);
        return (package.Functions.Single(f => f.Summary == "Sequence 'test'."), diagnostics);
    }

    private static string Split(string splitAttributes, string aggregateId, string condition) => $"""
        <iterate {splitAttributes} expression="//item"><target><sequence>{Call}</sequence></target></iterate>
        <aggregate{aggregateId}><completeCondition{condition}</completeCondition>
          <onComplete expression="//reply"><respond/></onComplete></aggregate>
        """;

    private static bool TimeoutReported(DiagnosticBag diagnostics) => diagnostics.Items.Any(d => d.Id == DiagnosticCatalog.AttributeNotTranslated.Id
        && d.GetMessage(CultureInfo.InvariantCulture).Contains("timeout", StringComparison.Ordinal));

    [Fact]
    public void A_parallel_split_completes_on_its_timeout_and_the_timeout_is_not_reported()
    {
        var (sequence, diagnostics) = Lower(Split("id=\"q\"", " id=\"q\"", " timeout=\"5\"><messageCount min=\"2\" max=\"-1\"/>"));

        var fork = Assert.IsType<ForkStep>(Assert.Single(sequence.Body, step => step is ForkStep));
        Assert.True(fork.Parallel);
        var aggregation = Assert.IsType<AggregationIr>(fork.Aggregation);
        Assert.Equal(5m, aggregation.TimeoutSeconds);
        Assert.Equal(2, aggregation.Count);
        Assert.False(aggregation.IgnoresSplitCount);
        Assert.False(TimeoutReported(diagnostics));
        var comment = Assert.IsType<CommentStep>(sequence.Body[0]);
        Assert.Contains("5 s after the first copy arrived", comment.Text, StringComparison.Ordinal);
        Assert.Contains("in the order of arrival", comment.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_aggregate_without_id_after_a_split_with_one_completes_only_on_its_timeout()
    {
        var (sequence, diagnostics) = Lower(Split("id=\"q\"", string.Empty, " timeout=\"3\">"));

        var fork = Assert.IsType<ForkStep>(Assert.Single(sequence.Body, step => step is ForkStep));
        var aggregation = Assert.IsType<AggregationIr>(fork.Aggregation);
        Assert.Equal(3m, aggregation.TimeoutSeconds);
        Assert.True(aggregation.IgnoresSplitCount);
        Assert.Null(aggregation.Count);
        Assert.False(TimeoutReported(diagnostics));
    }

    [Fact]
    public void A_sequential_split_awaits_every_copy_and_reports_the_timeout()
    {
        var (sequence, diagnostics) = Lower(Split("id=\"q\" sequential=\"true\"", " id=\"q\"", " timeout=\"3\">"));

        var fork = Assert.IsType<ForkStep>(Assert.Single(sequence.Body, step => step is ForkStep));
        Assert.False(fork.Parallel);
        Assert.Null(Assert.IsType<AggregationIr>(fork.Aggregation).TimeoutSeconds);
        Assert.True(TimeoutReported(diagnostics));
    }

    [Fact]
    public void An_aggregate_without_timeout_awaits_every_copy()
    {
        var (sequence, diagnostics) = Lower(Split("id=\"q\"", " id=\"q\"", "><messageCount min=\"-1\" max=\"-1\"/>"));

        var fork = Assert.IsType<ForkStep>(Assert.Single(sequence.Body, step => step is ForkStep));
        Assert.Null(Assert.IsType<AggregationIr>(fork.Aggregation).TimeoutSeconds);
        Assert.False(TimeoutReported(diagnostics));
    }

    [Theory]
    [InlineData("true", 1.5)]
    [InlineData("false", null)]
    public void A_scatter_gather_timeout_in_milliseconds_is_translated_when_its_sequences_run_in_parallel(string parallel, double? seconds)
    {
        var (sequence, diagnostics) = Lower($$"""
            <scatter-gather parallel-execution="{{parallel}}" target="body" result-content-type="JSON">
              <aggregation expression="${payload.pet}" timeout="1500"/>
              <sequence>{{Call}}</sequence>
              <sequence>{{Call}}</sequence>
            </scatter-gather>
            """);

        var fork = Assert.IsType<ForkStep>(Assert.Single(sequence.Body, step => step is ForkStep));
        Assert.Equal(seconds is { } value ? (decimal)value : null, Assert.IsType<AggregationIr>(fork.Aggregation).TimeoutSeconds);
        Assert.Equal(seconds is null, TimeoutReported(diagnostics));
    }
}
