using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Lowering;
using SynapseToBal.Syntax;
using Xunit;
using static SynapseToBal.Tests.Unit.MediatorParsing;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// A split paired with an aggregate that sits in a sequence or template: the one the out flow calls last (after
/// mediators that only change the message), or the one ending the split's own target (Apache Synapse sample 471).
/// </summary>
public sealed class SplitAggregateAcrossCallTests
{
    private const string Send = """<send><endpoint><address uri="http://localhost:9000/x"/></endpoint></send>""";

    private static (PackageIr Package, DiagnosticBag Diagnostics) Lower(params string[] artifacts)
    {
        var diagnostics = new DiagnosticBag();
        var documents = artifacts.Select((xml, index) =>
        {
            var document = SynapseParser.ParseText($"a{index}.xml", xml, diagnostics);
            Assert.NotNull(document);
            return document!;
        }).ToList();
        return (Lowerer.Lower(documents, diagnostics), diagnostics);
    }

    private static string Proxy(string inSequence, string outSequence = "") => $"""
        <proxy xmlns="{Synapse}" name="P" transports="http"><target>
          <inSequence>{inSequence}</inSequence>
          {(outSequence.Length == 0 ? string.Empty : $"<outSequence>{outSequence}</outSequence>")}
        </target></proxy>
        """;

    private static string Gather(string before = """<header name="X-G" scope="transport" value="1"/>""") => $"""
        <sequence xmlns="{Synapse}" name="Gather">{before}
          <aggregate><onComplete expression="//reply"><send/></onComplete></aggregate>
        </sequence>
        """;

    private static List<ForkStep> Forks(PackageIr package) =>
        [.. package.Functions.SelectMany(f => IrWalker.Steps(f.Body)).OfType<ForkStep>()];

    [Fact]
    public void An_out_flow_calling_the_aggregating_sequence_last_pairs_it_and_each_branch_runs_both_prefixes()
    {
        var (package, diagnostics) = Lower(
            Proxy($"""<iterate expression="//item"><target><sequence>{Send}</sequence></target></iterate>""",
                """<log level="custom"><property name="s" value="response"/></log><sequence key="Gather"/>"""),
            Gather());

        var fork = Assert.Single(Forks(package));
        Assert.NotNull(fork.Aggregation);
        var branch = package.Functions.Single(f => f.Name == Assert.Single(fork.Branches));
        // The send, the out flow's log, the sequence's header, then the part the aggregate keeps.
        Assert.Contains(branch.Body, step => step is LogStep);
        Assert.Contains(branch.Body, step => step is SetHeaderStep);
        Assert.IsType<ReplacePayloadStep>(branch.Body[^1]);
        Assert.DoesNotContain(diagnostics.Items, d => d.Id == DiagnosticCatalog.EipShapeNotTranslated.Id);
    }

    [Fact]
    public void A_sequence_called_from_elsewhere_too_is_not_followed()
    {
        var (package, diagnostics) = Lower(
            Proxy($"""<iterate expression="//item"><target><sequence>{Send}</sequence></target></iterate>""",
                """<log level="custom"><property name="s" value="response"/></log><sequence key="Gather"/>"""),
            Gather(),
            $"""<sequence xmlns="{Synapse}" name="Other"><sequence key="Gather"/></sequence>""");

        Assert.DoesNotContain(Forks(package), fork => fork.Aggregation is not null);
        Assert.Contains(diagnostics.Items, d => d.Id == DiagnosticCatalog.EipShapeNotTranslated.Id);
    }

    [Fact]
    public void A_target_ending_with_the_aggregate_of_the_sequence_it_calls_is_gathered_where_the_split_stands()
    {
        var (package, diagnostics) = Lower(
            Proxy("""<iterate expression="//item"><target><sequence><log level="custom"><property name="i" value="1"/></log><sequence key="Collect"/></sequence></target></iterate>"""),
            $"""
            <sequence xmlns="{Synapse}" name="Collect"><header name="X-C" scope="transport" value="1"/>
              <aggregate><onComplete expression="//item"><respond/></onComplete></aggregate>
            </sequence>
            """);

        var fork = Assert.Single(Forks(package));
        Assert.NotNull(fork.Aggregation);
        Assert.Null(fork.Answering);
        var branch = package.Functions.Single(f => f.Name == Assert.Single(fork.Branches));
        Assert.Contains(branch.Body, step => step is LogStep);
        Assert.Contains(branch.Body, step => step is SetHeaderStep);
        Assert.IsType<ReplacePayloadStep>(branch.Body[^1]);
        var flow = package.Functions.Single(f => f.Body.Contains(fork));
        Assert.IsType<RespondStep>(flow.Body[^1]);
        Assert.DoesNotContain(diagnostics.Items, d => d.Id == DiagnosticCatalog.EipShapeNotTranslated.Id);
    }

    [Fact]
    public void A_target_ending_with_an_aggregate_of_another_id_is_not_paired()
    {
        var (package, diagnostics) = Lower(
            Proxy("""<iterate id="a" expression="//item"><target><sequence><log/><aggregate id="b"><onComplete expression="//item"><respond/></onComplete></aggregate></sequence></target></iterate>"""));

        Assert.DoesNotContain(Forks(package), fork => fork.Aggregation is not null);
        Assert.Contains(diagnostics.Items, d => d.Id == DiagnosticCatalog.EipShapeNotTranslated.Id);
    }

    [Fact]
    public void An_onComplete_without_expression_keeps_each_copys_first_body_element_as_Synapse_defaults()
    {
        // Apache Synapse sample 471: AggregateMediator's default aggregation expression is the SOAP Body's first
        // element child (/s11:Envelope/s11:Body/child::*[position()=1] | the s12 one).
        var (package, diagnostics) = Lower(
            Proxy("""<iterate expression="//item"><target><sequence><sequence key="Collect"/></sequence></target></iterate>"""),
            $"""<sequence xmlns="{Synapse}" name="Collect"><aggregate><onComplete><respond/></onComplete></aggregate></sequence>""");

        var fork = Assert.Single(Forks(package));
        Assert.NotNull(fork.Aggregation);
        var branch = package.Functions.Single(f => f.Name == Assert.Single(fork.Branches));
        var keep = Assert.IsType<ReplacePayloadStep>(branch.Body[^1]);
        var nodes = Assert.IsType<ValueIr.XmlNodes>(keep.Value).Navigation;
        var step = Assert.Single(nodes.Steps);
        Assert.Equal("*", step.LocalName);
        Assert.False(step.Descendant);
        Assert.Single(step.Predicates);
        Assert.Null(nodes.RootProperty);
        Assert.Null(nodes.FromHeader);
        Assert.DoesNotContain(diagnostics.Items, d => d.Id == DiagnosticCatalog.EipShapeNotTranslated.Id);
    }
}
