using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Lowering;
using SynapseToBal.Syntax;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>EI 6.x splits paired with the out flow's aggregate: a target naming a sequence that sends, and continueParent on a split that ends its in flow.</summary>
public sealed class SplitNamedTargetTests
{
    private const string Send = """<send><endpoint><address uri="http://localhost:9000/x"/></endpoint></send>""";

    private const string OutFlow = """<outSequence><aggregate><onComplete expression="//r"><send/></onComplete></aggregate></outSequence>""";

    private static (PackageIr Package, DiagnosticBag Diagnostics) Lower(string inFlow, string sequences = "")
    {
        var diagnostics = new DiagnosticBag();
        var xml = $"""<definitions xmlns="http://ws.apache.org/ns/synapse"><proxy name="P"><target><inSequence>{inFlow}</inSequence>{OutFlow}</target></proxy>{sequences}</definitions>""";
        var document = SynapseParser.ParseText("test.xml", xml, diagnostics);
        Assert.NotNull(document);
        return (Lowerer.Lower([document], diagnostics), diagnostics);
    }

    private static ForkStep Fork(PackageIr package) =>
        Assert.Single(package.Services.SelectMany(s => s.Resources).SelectMany(r => IrWalker.Steps(r.Body)).Concat(package.Functions.SelectMany(f => IrWalker.Steps(f.Body))).OfType<ForkStep>());

    [Fact]
    public void A_target_naming_a_sequence_that_sends_runs_it_inline_and_keeps_the_response()
    {
        var (package, diagnostics) = Lower(
            """<iterate expression="//item"><target sequence="S"/></iterate>""",
            $"""<sequence name="S"><property name="p" value="1"/>{Send}</sequence>""");

        var fork = Fork(package);
        Assert.NotNull(fork.Aggregation);
        var branch = package.Functions.Single(f => f.Name == Assert.Single(fork.Branches));
        Assert.IsType<SetPropertyStep>(branch.Body[0]);
        Assert.IsType<CallStep>(branch.Body[1]);
        Assert.DoesNotContain(IrWalker.Steps(branch.Body), s => s is ContinueWithStep or InvokeStep);
        Assert.DoesNotContain(diagnostics.Items, d => d.Id == DiagnosticCatalog.EipShapeNotTranslated.Id);
    }

    [Theory]
    [InlineData("""<sequence name="S" onError="handler"><send><endpoint><address uri="http://localhost:9000/x"/></endpoint></send></sequence><sequence name="handler"><drop/></sequence>""")]
    [InlineData("""<sequence name="S"><log/></sequence>""")]
    public void A_named_target_with_its_own_error_handler_or_no_send_stays_a_todo(string sequences)
    {
        var (_, diagnostics) = Lower("""<iterate expression="//item"><target sequence="S"/></iterate>""", sequences);

        Assert.Contains(diagnostics.Items, d => d.Id == DiagnosticCatalog.EipShapeNotTranslated.Id && d.GetMessage().Contains("does not end by sending", StringComparison.Ordinal));
    }

    [Fact]
    public void ContinueParent_on_a_split_that_ends_its_in_flow_pairs_with_the_out_flow_aggregate()
    {
        var (package, diagnostics) = Lower($"""<log/><clone continueParent="true"><target><sequence>{Send}</sequence></target><target><sequence>{Send}</sequence></target></clone>""");

        var fork = Fork(package);
        Assert.Equal(2, fork.Branches.Length);
        Assert.NotNull(fork.Aggregation);
        Assert.DoesNotContain(diagnostics.Items, d => d.Id == DiagnosticCatalog.EipShapeNotTranslated.Id);
    }

    [Fact]
    public void ContinueParent_with_mediators_after_the_split_stays_a_todo()
    {
        var (_, diagnostics) = Lower($"""<clone continueParent="true"><target><sequence>{Send}</sequence></target></clone><log/>""");

        Assert.Contains(diagnostics.Items, d => d.Id == DiagnosticCatalog.EipShapeNotTranslated.Id && d.GetMessage().Contains("continueParent", StringComparison.Ordinal));
    }
}
