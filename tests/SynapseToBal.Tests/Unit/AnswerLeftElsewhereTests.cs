using SynapseToBal.Diagnostics;
using SynapseToBal.Lowering;
using SynapseToBal.Syntax;
using Xunit;
using static SynapseToBal.Tests.Unit.MediatorParsing;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// Whether an API resource's out and fault flows end with the Micro Integrator's client left waiting (SB0210) or
/// answered 202 (SB0215): only what sets the operation's RESPONSE_WRITTEN to SKIP counts (Axis2FlexibleMEPClient.send,
/// MessageStoreMediator, Axis2MessageContext.setProperty of RESPONSE, ...), checked by ServerWorker.sendAck.
/// </summary>
public sealed class AnswerLeftElsewhereTests
{
    private const string Blocking = """<call blocking="true"><endpoint><address uri="http://b/x"/></endpoint></call>""";

    /// <summary>The SB0210/SB0215/SB0260 reported on each line of the API (the flows are written one per line).</summary>
    private static string[] Endings(string resourceBody, params string[] sequences)
    {
        var diagnostics = new DiagnosticBag();
        var api = SynapseParser.ParseText("A.xml", $"<api xmlns=\"{Synapse}\" name=\"A\" context=\"/a\">\n<resource methods=\"POST\">\n{resourceBody}\n</resource>\n</api>", diagnostics);
        Assert.NotNull(api);
        List<SynapseDocument> documents = [api];
        var index = 0;
        foreach (var sequence in sequences)
        {
            var document = SynapseParser.ParseText($"S{index}.xml", $"<sequence xmlns=\"{Synapse}\" name=\"S{index}\">{sequence}</sequence>", diagnostics);
            Assert.NotNull(document);
            documents.Add(document);
            index++;
        }

        Lowerer.Lower(documents, diagnostics);
        return [.. diagnostics.Items.Where(d => d.Id is "SB0210" or "SB0215" or "SB0260" && d.Location.GetLineSpan().Path == "A.xml")
            .Select(d => $"{d.Location.GetLineSpan().StartLinePosition.Line + 1}:{d.Id}").Order(StringComparer.Ordinal)];
    }

    [Fact]
    public void A_fault_flow_after_a_blocking_call_or_callout_is_answered_202()
    {
        // CallMediator.handleBlockingCall sends through BlockingMsgSender in the request's thread, which runs the fault
        // handler there and sets no RESPONSE_WRITTEN; CalloutMediator too: the listener answers 202 (SB0215).
        Assert.Equal(["4:SB0215"], Endings($"<inSequence>{Blocking}<respond/></inSequence>\n<faultSequence><log/></faultSequence>"));
        Assert.Equal(["4:SB0215"], Endings("""<inSequence><callout serviceURL="http://b/y"><source type="envelope"/><target key="r"/></callout><respond/></inSequence>""" + "\n<faultSequence><log/></faultSequence>"));

        // A loopback after a blocking call runs the out flow in the request's thread: its end is answered 202 too.
        Assert.Equal(["4:SB0215", "5:SB0215"], Endings($"<inSequence>{Blocking}<loopback/></inSequence>\n<outSequence><log/></outSequence>\n<faultSequence><log/></faultSequence>"));

        // A RESPONSE property (or a store) before the blocking call has set SKIP: its failure's fault flow answers nothing
        // (ServerWorker.sendAck writes no 202; closing review of rvl).
        Assert.Equal(["4:SB0210"], Endings($"""<inSequence><property name="RESPONSE" value="true"/>{Blocking}<respond/></inSequence>""" + "\n<faultSequence><log/></faultSequence>"));

        // After a non-blocking call the fault flow's end still answers nothing (SB0260: a backend failure after the send).
        Assert.Equal(["4:SB0260"], Endings("""<inSequence><call><endpoint><address uri="http://b/x"/></endpoint></call><respond/></inSequence>""" + "\n<faultSequence><log/></faultSequence>"));
    }

    [Fact]
    public void The_response_property_sets_skip_as_a_store_does()
    {
        // Axis2MessageContext.setProperty sets RESPONSE_WRITTEN to SKIP when RESPONSE is set, whatever the value:
        // ending afterwards answers nothing, unless FORCE_SC_ACCEPTED is set when the request's thread returns.
        Assert.Equal(["3:SB0210"], Endings("""<inSequence><property name="RESPONSE" value="true"/><log/></inSequence>"""));
        Assert.Equal(["3:SB0210"], Endings("""<inSequence><property name="RESPONSE" value="false"/></inSequence>"""));
        Assert.Equal(["3:SB0215"], Endings("""<inSequence><property name="RESPONSE" value="true"/><property name="FORCE_SC_ACCEPTED" value="true" scope="axis2"/></inSequence>"""));
        Assert.Equal(["3:SB0215"], Endings("""<inSequence><property name="FORCE_SC_ACCEPTED" value="true" scope="axis2"/><property name="RESPONSE" value="true"/></inSequence>"""));

        // Another scope is another map: nothing is marked.
        Assert.Equal(["3:SB0215"], Endings("""<inSequence><property name="RESPONSE" value="true" scope="axis2"/></inSequence>"""));

        // A send without endpoint on a response answers the client (Axis2Sender.sendBack): nothing to report.
        Assert.Empty(Endings("""<inSequence><property name="RESPONSE" value="true"/><header name="To" action="remove"/><send/></inSequence>"""));
    }

    [Fact]
    public void What_split_targets_and_aggregates_run_may_leave_the_answer_elsewhere()
    {
        // The copies of a clone or iterate with continueParent share the request's operation context
        // (MessageHelper.cloneMessageContext): a RESPONSE property set in the sequence a target names marks the request.
        const string Out = "\n<outSequence><log/></outSequence>";
        Assert.Equal(["4:SB0210"], Endings("""<inSequence><clone continueParent="true"><target sequence="S0"/></clone><loopback/></inSequence>""" + Out, """<property name="RESPONSE" value="true"/>"""));
        Assert.Equal(["4:SB0210"], Endings("""<inSequence><iterate continueParent="true" expression="//item"><target sequence="S0"/></iterate><loopback/></inSequence>""" + Out, """<property name="RESPONSE" value="true"/>"""));
        Assert.Equal(["4:SB0215"], Endings("""<inSequence><clone continueParent="true"><target sequence="S0"/></clone><loopback/></inSequence>""" + Out, "<log/>"));

        // An aggregate's onComplete, inline or given by key (AggregateMediator.completeAggregate mediates it).
        Assert.Equal(["4:SB0210"], Endings("""<inSequence><aggregate><onComplete expression="//item" sequence="S0"/></aggregate><loopback/></inSequence>""" + Out, """<property name="RESPONSE" value="true"/>"""));
        Assert.Equal(["4:SB0210"], Endings("""<inSequence><aggregate><onComplete expression="//item"><property name="RESPONSE" value="true"/></onComplete></aggregate><loopback/></inSequence>""" + Out));

        // The event mediator publishes to the event broker (EventMediator.mediate) and sets nothing.
        Assert.Equal(["4:SB0215"], Endings("""<inSequence><event topic="orders"/><loopback/></inSequence>""" + Out));
    }
}
