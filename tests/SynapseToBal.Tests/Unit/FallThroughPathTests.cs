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
        var store = SynapseParser.ParseText("S.xml", $"""<messageStore xmlns="{Synapse}" name="S"/>""", diagnostics);
        Assert.NotNull(api);
        Assert.NotNull(store);
        Lowerer.Lower([api, store], diagnostics);
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
    public void Force_accepted_set_in_the_request_thread_answers_202_after_a_store_or_before_a_call()
    {
        // ServerWorker.sendAck runs when the request's thread returns and writes 202 whatever RESPONSE_WRITTEN says when
        // FORCE_SC_ACCEPTED is true then: a store is synchronous, so the property set after it still counts.
        const string Force = """<property name="FORCE_SC_ACCEPTED" value="true" scope="axis2"/>""";
        Assert.Equal(["SB0215"], Endings($"""<store messageStore="S"/><property name="OUT_ONLY" value="true"/>{Force}"""));
        Assert.Equal(["SB0210"], Endings("""<store messageStore="S"/><property name="OUT_ONLY" value="true"/>"""));
        Assert.Equal(["SB0215"], Endings($"""{Force}{Call}<log/>"""));

        // After a non-blocking call the flow goes on in the response's thread: the request's already returned, unanswered.
        Assert.Equal(["SB0210"], Endings($"""{Call}{Force}"""));
        Assert.Equal(["SB0210"], Endings($"""{Force}<property name="FORCE_SC_ACCEPTED" value="false" scope="axis2"/><store messageStore="S"/>"""));

        // The request's thread returned at a call made while the property was true: the 202 is out, whatever follows.
        Assert.Equal(["SB0215"], Endings($"""{Force}{Call}<property name="FORCE_SC_ACCEPTED" value="false" scope="axis2"/>{Call}"""));
    }

    [Fact]
    public void A_blocking_call_changes_nothing_the_listener_sees()
    {
        // BlockingMsgSender sets no RESPONSE_WRITTEN (only Axis2FlexibleMEPClient.send does): the listener answers 202.
        const string Blocking = """<call blocking="true"><endpoint><address uri="http://b/x"/></endpoint></call>""";
        Assert.Equal(["SB0215"], Endings($"""{Blocking}<log/>"""));
        Assert.Equal(["SB0210"], Endings($"""{Blocking}{Call}"""));
    }

    [Fact]
    public void A_fault_flow_after_a_store_and_force_accepted_is_answered_202_not_left_waiting()
    {
        // A store that fails does so before MessageStoreMediator sets SKIP, and once FORCE_SC_ACCEPTED is set the
        // listener answers 202 anyway: the fault flow's end is SB0215, not SB0260 (no answer from the Micro Integrator).
        var diagnostics = new DiagnosticBag();
        var api = SynapseParser.ParseText("A.xml", $"""
            <api xmlns="{Synapse}" name="A" context="/a">
            <resource methods="POST"><inSequence><store messageStore="S"/><property name="FORCE_SC_ACCEPTED" value="true" scope="axis2"/></inSequence>
            <faultSequence><log/></faultSequence></resource>
            </api>
            """, diagnostics);
        var store = SynapseParser.ParseText("S.xml", $"""<messageStore xmlns="{Synapse}" name="S"/>""", diagnostics);
        Assert.NotNull(api);
        Assert.NotNull(store);
        Lowerer.Lower([api, store], diagnostics);
        Assert.DoesNotContain(diagnostics.Items, d => d.Id is "SB0260" or "SB0210");
        Assert.Contains(diagnostics.Items, d => d.Id == "SB0215" && d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("FORCE_SC_ACCEPTED", StringComparison.Ordinal));
    }

    [Fact]
    public void Paths_that_all_answer_report_nothing()
    {
        Assert.Empty(Endings($"""<switch source="$ctx:x"><case regex="a">{Call}<respond/></case><default><respond/></default></switch>"""));
    }
}
