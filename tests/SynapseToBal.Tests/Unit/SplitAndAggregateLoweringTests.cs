using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Lowering;
using SynapseToBal.Syntax;
using Xunit;
using static SynapseToBal.Tests.Unit.MediatorParsing;

namespace SynapseToBal.Tests.Unit;

public sealed class SplitAndAggregateLoweringTests
{
    private const string Call = """<call><endpoint><address uri="http://localhost:9000/x"/></endpoint></call>""";

    private static (FunctionIr Sequence, PackageIr Package, DiagnosticBag Diagnostics) Lower(string xml)
    {
        var diagnostics = new DiagnosticBag();
        var package = Lowerer.Lower([Document(xml, diagnostics)], diagnostics);
        return (package.Functions.Single(f => f.Summary == "Sequence 'test'."), package, diagnostics);
    }

    [Fact]
    public void An_iterate_followed_by_its_aggregate_becomes_one_fork_then_the_on_complete_flow()
    {
        var (sequence, package, diagnostics) = Lower($"""
            <iterate id="q" sequential="true" expression="//item"><target><sequence>{Call}</sequence></target></iterate>
            <aggregate id="q"><completeCondition><messageCount min="4" max="2"/></completeCondition>
              <onComplete expression="//reply" enclosingElementProperty="ROOT"><log level="full"/></onComplete></aggregate>
            <property name="after" value="1"/>
            """);

        var fork = Assert.IsType<ForkStep>(sequence.Body[1]);
        Assert.False(fork.Parallel);
        Assert.IsType<ValueIr.XmlNodes>(Assert.IsType<ForkSourceIr.Split>(fork.Source).Items);
        Assert.Equal(new AggregationIr(false, "ROOT", 2), fork.Aggregation);
        Assert.IsType<LogStep>(sequence.Body[2]);
        Assert.IsType<SetPropertyStep>(sequence.Body[3]);
        Assert.DoesNotContain(sequence.Body, s => s is TodoStep);

        // The branch calls, then keeps only the part the aggregate collects.
        var branch = package.Functions.Single(f => f.Name == Assert.Single(fork.Branches));
        Assert.IsType<CallStep>(branch.Body[0]);
        Assert.IsType<ValueIr.XmlNodes>(Assert.IsType<ReplacePayloadStep>(branch.Body[^1]).Value);
        Assert.DoesNotContain(diagnostics.Items, d => d.Id == DiagnosticCatalog.EipShapeNotTranslated.Id);
    }

    [Fact]
    public void A_json_iterate_runs_in_parallel_and_gathers_json()
    {
        var (sequence, _, _) = Lower($"""
            <iterate expression="json-eval($.items)"><target><sequence>{Call}</sequence></target></iterate>
            <aggregate><onComplete expression="json-eval($.reply)"><respond/></onComplete></aggregate>
            """);

        var fork = Assert.IsType<ForkStep>(sequence.Body[1]);
        Assert.True(fork.Parallel);
        Assert.Equal("$.items", Assert.IsType<ValueIr.Json>(Assert.IsType<ForkSourceIr.Split>(fork.Source).Items).Path);
        Assert.Equal(new AggregationIr(true, null, null), fork.Aggregation);
        Assert.IsType<RespondStep>(sequence.Body[2]);
    }

    [Theory]
    [InlineData("""<iterate continueParent="true" expression="//item"><target><sequence><log/></sequence></target></iterate>""", "continueParent")]
    [InlineData("""<iterate id="a" expression="//item"><target><sequence><log/></sequence></target></iterate>""", "never completes")]
    [InlineData("""<iterate preservePayload="true" expression="//items/item"><target><sequence><log/></sequence></target></iterate>""", "without attachPath")]
    [InlineData("""<clone><target><endpoint><address uri="http://localhost:9000/x"/></endpoint></target></clone>""", "sends to an endpoint")]
    [InlineData("""<iterate expression="//item"><target><sequence><respond/></sequence></target></iterate>""", "answers the client")]
    public void A_split_that_does_not_pair_with_the_aggregate_after_it_stays_a_todo_and_so_does_the_aggregate(string split, string why)
    {
        var (sequence, package, diagnostics) = Lower(split + """<aggregate><onComplete expression="//reply"><respond/></onComplete></aggregate>""");

        Assert.All(sequence.Body, step => Assert.IsType<TodoStep>(step));
        Assert.Equal(2, sequence.Body.Length);
        var reported = diagnostics.Items.Where(d => d.Id == DiagnosticCatalog.EipShapeNotTranslated.Id).Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Contains(reported, m => m.Contains(why, StringComparison.Ordinal));
        Assert.Contains(reported, m => m.StartsWith("<aggregate>", StringComparison.Ordinal) && m.Contains("before it in this flow is not translated", StringComparison.Ordinal));
        Assert.Single(package.Functions);
    }

    [Fact]
    public void An_aggregate_alone_is_a_todo_saying_why()
    {
        // A clone elsewhere in the input makes copies the aggregate could gather (alone in the input, it is a pass-through: AggregateWithoutSplitTests).
        var (sequence, _, diagnostics) = Lower("""<clone continueParent="true"><target><sequence><log/></sequence></target></clone><log/><aggregate><onComplete expression="//reply"><respond/></onComplete></aggregate>""");

        Assert.IsType<AggregateMediator>(Assert.Single(sequence.Body, s => s is TodoStep).Origin);
        var diagnostic = Assert.Single(diagnostics.Items, d => d.Id == DiagnosticCatalog.EipShapeNotTranslated.Id);
        Assert.Contains("no iterate or clone before it in the same flow", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void A_clone_with_continue_parent_starts_its_branches_and_goes_on()
    {
        var (sequence, _, _) = Lower($"""<clone continueParent="true"><target><sequence>{Call}</sequence></target><target><sequence><log/></sequence></target></clone><log/>""");

        var fork = Assert.IsType<ForkStep>(sequence.Body[1]);
        Assert.IsType<ForkSourceIr.Copies>(fork.Source);
        Assert.Equal(2, fork.Branches.Length);
        Assert.Null(fork.Aggregation);
        Assert.IsType<LogStep>(sequence.Body[2]);
    }

    [Theory]
    [InlineData("""<scatter-gather target="body" result-content-type="JSON"><aggregation expression="${payload.a}" condition="${payload.ok}"/><sequence><log/></sequence></scatter-gather>""", "condition")]
    [InlineData("""<scatter-gather target="body" result-content-type="XML"><aggregation expression="//a"/><sequence><log/></sequence></scatter-gather>""", "enclosing element")]
    [InlineData("""<scatter-gather target="body" result-content-type="JSON"><aggregation expression="//a"/><sequence><log/></sequence></scatter-gather>""", "JSON value")]
    public void A_scatter_gather_outside_the_translated_forms_is_a_todo(string xml, string why)
    {
        var (sequence, _, diagnostics) = Lower(xml);

        Assert.IsType<TodoStep>(Assert.Single(sequence.Body));
        Assert.Contains(diagnostics.Items, d => d.Id == DiagnosticCatalog.EipShapeNotTranslated.Id && d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains(why, StringComparison.Ordinal));
    }

    [Fact]
    public void A_scatter_gather_into_a_variable_gathers_xml_under_its_root_element()
    {
        var (sequence, package, _) = Lower($"""<scatter-gather parallel-execution="false" target="variable" target-variable="all" result-content-type="XML" result-enclosing-element="all"><aggregation expression="//a" max-messages="1"/><sequence>{Call}</sequence><sequence>{Call}</sequence></scatter-gather>""");

        var fork = Assert.IsType<ForkStep>(sequence.Body[1]);
        Assert.False(fork.Parallel);
        Assert.Equal(2, fork.Branches.Length);
        Assert.Equal(new GatherIr("all", "all"), fork.Aggregation!.Gather);
        Assert.Equal(1, fork.Aggregation.Count);
        Assert.All(fork.Branches, b => Assert.IsType<ReplacePayloadStep>(package.Functions.Single(f => f.Name == b).Body[^1]));
    }
}
