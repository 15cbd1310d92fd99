using SynapseToBal.Diagnostics;
using SynapseToBal.Lowering;
using SynapseToBal.Syntax;
using Xunit;
using static SynapseToBal.Tests.Unit.MediatorParsing;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// An out sequence nothing hands a message to (a call's response goes on in the in flow) is not generated, and says so
/// (SB0278) rather than disappearing; not when a send may reach it or a TODO's finished code may.
/// </summary>
public sealed class OutFlowNeverRunsTests
{
    private static string[] NeverRuns(string inSequence, string outSequence = """<log level="full"/><respond/>""")
    {
        var diagnostics = new DiagnosticBag();
        var api = SynapseParser.ParseText("A.xml", $"""
            <api xmlns="{Synapse}" name="A" context="/a">
            <resource methods="POST"><inSequence>{inSequence}</inSequence><outSequence>{outSequence}</outSequence></resource>
            </api>
            """, diagnostics);
        Assert.NotNull(api);
        Lowerer.Lower([api], diagnostics);
        return [.. diagnostics.Items.Where(d => d.Id == DiagnosticCatalog.OutFlowNeverRuns.Id).Select(d => d.GetMessage())];
    }

    [Fact]
    public void An_out_sequence_after_call_and_respond_never_runs_and_is_reported()
    {
        var message = Assert.Single(NeverRuns("""<call><endpoint><address uri="http://b/x"/></endpoint></call><respond/>"""));
        Assert.StartsWith("The out sequence of A POST", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""<send><endpoint><address uri="http://b/x"/></endpoint></send>""")]
    [InlineData("""<loopback/>""")]
    [InlineData("""<unknownMediator/><respond/>""")]
    public void An_out_sequence_a_send_or_a_todo_may_reach_is_not_reported(string inSequence)
    {
        Assert.Empty(NeverRuns(inSequence));
    }

    [Fact]
    public void An_empty_out_sequence_is_not_reported()
    {
        Assert.Empty(NeverRuns("<respond/>", outSequence: ""));
    }
}
