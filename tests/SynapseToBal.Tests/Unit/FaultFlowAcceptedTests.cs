using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Lowering;
using SynapseToBal.Syntax;
using Xunit;
using static SynapseToBal.Tests.Unit.MediatorParsing;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// A fault flow that ends without answering, after an in flow that calls a backend: the Micro Integrator's client
/// waits (SB0210) unless FORCE_SC_ACCEPTED was set before anything was sent, in which case the listener has answered
/// 202 when the in flow's mediation returned (passthru ServerWorker.sendAck reads FORCE_SC_ACCEPTED), and SB0215 says so.
/// </summary>
public sealed class FaultFlowAcceptedTests
{
    /// <summary>The line (0-based) of the faultSequence element in <see cref="Api"/>'s text.</summary>
    private const int FaultLine = 4;

    private static string Api(string inSequence) => $"""
        <api xmlns="{Synapse}" name="A" context="/a">
        <resource methods="POST">
        <inSequence>{inSequence}</inSequence>
        <outSequence><send/></outSequence>
        <faultSequence><log level="full"/></faultSequence>
        </resource>
        </api>
        """;

    private static List<Microsoft.CodeAnalysis.Diagnostic> AtFaultFlow(string inSequence)
    {
        var diagnostics = new DiagnosticBag();
        var document = SynapseParser.ParseText("A.xml", Api(inSequence.ReplaceLineEndings(" ")), diagnostics);
        Assert.NotNull(document);
        var package = Lowerer.Lower([document], diagnostics);
        var fault = Assert.Single(package.Functions, f => f.Kind == FunctionKind.FaultFlow);
        Assert.IsType<AcceptStep>(fault.Body[^1]);
        return [.. diagnostics.Items.Where(d => d.Location.GetLineSpan().StartLinePosition.Line == FaultLine)];
    }

    [Fact]
    public void After_force_sc_accepted_set_before_the_send_the_fault_flow_end_says_the_client_has_202()
    {
        var found = AtFaultFlow("""
            <property name="FORCE_SC_ACCEPTED" value="true" scope="axis2"/><property name="OUT_ONLY" value="true"/>
            <send><endpoint><address uri="http://b/x"/></endpoint></send>
            """);

        var ending = Assert.Single(found, d => d.Id is "SB0210" or "SB0215" or "SB0260");
        Assert.Equal(DiagnosticCatalog.FlowEndsWithoutResponse.Id, ending.Id);
        Assert.Contains("FORCE_SC_ACCEPTED", ending.GetMessage());
        Assert.Contains("answered the client 202", ending.GetMessage());
    }

    [Fact]
    public void Without_force_sc_accepted_the_fault_flow_end_after_a_send_leaves_the_client_waiting()
    {
        var found = AtFaultFlow("""<send><endpoint><address uri="http://b/x"/></endpoint></send>""");

        // After a non-blocking send the Micro Integrator answers a backend's failure with nothing: SB0260 says the
        // generated end answers it 502 (unansweredFault) instead.
        var ending = Assert.Single(found, d => d.Id is "SB0210" or "SB0215" or "SB0260");
        Assert.Equal(DiagnosticCatalog.FaultAfterBackendFailureUnanswered.Id, ending.Id);
    }

    [Theory]
    [InlineData("""<call><endpoint><address uri="http://b/x"/></endpoint></call><property name="FORCE_SC_ACCEPTED" value="true" scope="axis2"/><send><endpoint><address uri="http://b/y"/></endpoint></send>""")]
    [InlineData("""<property name="FORCE_SC_ACCEPTED" value="true" scope="axis2"/><property name="FORCE_SC_ACCEPTED" value="false" scope="axis2"/><send><endpoint><address uri="http://b/x"/></endpoint></send>""")]
    [InlineData("""<property name="FORCE_SC_ACCEPTED" expression="$ctx:accept" scope="axis2"/><send><endpoint><address uri="http://b/x"/></endpoint></send>""")]
    [InlineData("""<sequence key="Other"/><property name="FORCE_SC_ACCEPTED" value="true" scope="axis2"/><send><endpoint><address uri="http://b/x"/></endpoint></send>""")]
    public void Force_sc_accepted_after_something_that_may_send_or_not_known_is_not_taken_as_answered(string inSequence)
    {
        var found = AtFaultFlow(inSequence);

        // Not SB0215 (the client has its 202): the client may be left waiting, and the generated end answers a
        // backend's failure 502 (SB0260).
        var ending = Assert.Single(found, d => d.Id is "SB0210" or "SB0215" or "SB0260");
        Assert.Equal(DiagnosticCatalog.FaultAfterBackendFailureUnanswered.Id, ending.Id);
    }

    [Theory]
    [InlineData("""<call><endpoint><address uri="http://b/x"/></endpoint></call>""", true, "SB0260")]
    [InlineData("""<send><endpoint><address uri="http://b/x"/></endpoint></send>""", true, "SB0260")]
    // A blocking call alone sets no RESPONSE_WRITTEN and fails in the request's thread (BlockingMsgSender): 202.
    [InlineData("""<call blocking="true"><endpoint><address uri="http://b/x"/></endpoint></call>""", false, "SB0215")]
    [InlineData("""<call><endpoint><address uri="http://b/x"/></endpoint></call><callout serviceURL="http://b/y"><source type="envelope"/><target key="r"/></callout>""", false, "SB0210")]
    public void A_send_in_a_named_sequence_counts_as_one_in_the_in_flow(string sequenceBody, bool unanswered, string expected)
    {
        var diagnostics = new DiagnosticBag();
        var api = SynapseParser.ParseText("A.xml", $"""
            <api xmlns="{Synapse}" name="A" context="/a">
            <resource methods="POST">
            <inSequence><sequence key="S"/><respond/></inSequence>
            <faultSequence><log level="full"/></faultSequence>
            </resource>
            </api>
            """, diagnostics);
        var sequence = SynapseParser.ParseText("S.xml", $"""<sequence xmlns="{Synapse}" name="S">{sequenceBody}</sequence>""", diagnostics);
        Assert.NotNull(api);
        Assert.NotNull(sequence);
        var package = Lowerer.Lower([api, sequence], diagnostics);
        var fault = Assert.Single(package.Functions, f => f.Kind == FunctionKind.FaultFlow);
        var end = Assert.IsType<AcceptStep>(fault.Body[^1]);
        Assert.Equal(unanswered, end.AfterBackendFailure);
        var ending = Assert.Single(diagnostics.Items, d => d.Location.GetLineSpan().Path == "A.xml" && d.Id is "SB0210" or "SB0215" or "SB0260");
        Assert.Equal(expected, ending.Id);
    }
}
