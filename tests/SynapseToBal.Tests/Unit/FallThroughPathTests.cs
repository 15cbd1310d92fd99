using SynapseToBal.Diagnostics;
using SynapseToBal.Lowering;
using SynapseToBal.Syntax;
using Xunit;
using static SynapseToBal.Tests.Unit.MediatorParsing;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// Where an in flow ends without answering, the diagnostic follows the path that gets there: the client waits (SB0210)
/// only when a non-blocking send went out on that path (Axis2FlexibleMEPClient.send sets RESPONSE_WRITTEN "SKIP"), and
/// has its 202 (SB0215) when the send sits in a branch that answers (ServerWorker.sendAck writes it).
/// </summary>
public sealed class FallThroughPathTests
{
    private const string Call = """<call><endpoint><address uri="http://b/x"/></endpoint></call>""";

    private static string[] Endings(string inSequence)
    {
        var diagnostics = new DiagnosticBag();
        var api = SynapseParser.ParseText("A.xml", $"""
            <api xmlns="{Synapse}" name="A" context="/a">
            <resource methods="POST"><inSequence>{inSequence}</inSequence></resource>
            </api>
            """, diagnostics);
        Assert.NotNull(api);
        Lowerer.Lower([api], diagnostics);
        return [.. diagnostics.Items.Where(d => d.Id is "SB0210" or "SB0215").Select(d => d.Id)];
    }

    [Fact]
    public void A_call_in_a_branch_that_answers_does_not_leave_the_other_branch_waiting()
    {
        Assert.Equal(["SB0215"], Endings($"""<filter xpath="$ctx:x = 'a'"><then>{Call}<respond/></then><else><log/></else></filter>"""));
    }

    [Fact]
    public void A_call_on_the_path_that_ends_leaves_the_client_waiting()
    {
        Assert.Equal(["SB0210"], Endings($"""<filter xpath="$ctx:x = 'a'"><then>{Call}</then><else><respond/></else></filter>"""));
        Assert.Equal(["SB0210"], Endings($"""{Call}<filter xpath="$ctx:x = 'a'"><then><respond/></then></filter>"""));
    }

    [Fact]
    public void Paths_that_all_answer_report_nothing()
    {
        Assert.Empty(Endings($"""<switch source="$ctx:x"><case regex="a">{Call}<respond/></case><default><respond/></default></switch>"""));
    }
}
