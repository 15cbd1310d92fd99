using System.Collections.Immutable;
using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

// The Micro Integrator's default 'fault' sequence (issue 9): what a failure of a flow with no fault sequence of its
// own runs when the project defines no sequence named 'fault'.
public sealed partial class Lowerer
{
    /// <summary>
    /// The default fault sequence as the Micro Integrator ships it (distribution/src/conf/synapse-configs/default/
    /// sequences/fault.xml; SynapseConfigurationBuilder adds the same one, SynapseConfigUtils.setDefaultFaultSequence,
    /// when a configuration has none): a full log with MESSAGE, ERROR_CODE and ERROR_MESSAGE, then a drop.
    /// </summary>
    private const string DefaultFaultXml = """
        <sequence xmlns="http://ws.apache.org/ns/synapse" name="fault">
            <log level="full">
                <property name="MESSAGE" value="Executing default 'fault' sequence"/>
                <property name="ERROR_CODE" expression="get-property('ERROR_CODE')"/>
                <property name="ERROR_MESSAGE" expression="get-property('ERROR_MESSAGE')"/>
            </log>
            <drop/>
        </sequence>
        """;

    /// <summary>
    /// The function that runs the Micro Integrator's default fault sequence for the flows that declare no fault
    /// handling, when the project defines no 'fault' sequence: the error recorded (ERROR_CODE, ERROR_MESSAGE, ...), then
    /// <c>defaultFaultLog(ctx)</c>, the runtime helper that writes the sequence's full log, then its drop. The drop ends a
    /// flow that failed before anything was sent: the listener's sendAck answers 202 with no body (semantics §4.5, §5.2),
    /// as for a project's own fault sequence that logs and drops (SB0215, not reported here: the project has no such
    /// file). For the flows that send to a backend without blocking (<paramref name="afterSend"/>), a backend's failure
    /// runs the sequence in the send's callback (SynapseCallbackReceiver pops the fault handler), after the send set
    /// RESPONSE_WRITTEN to SKIP (Axis2FlexibleMEPClient), so the drop answers nothing: the drop is then the end a
    /// resource's or proxy's own fault flow gets there (SB0260), <c>unansweredFault</c>: 502 once a send went out
    /// (<c>ctx.ack.skipped</c>), 202 before. The shipped XML is parsed to check that it is that log and drop; its mediators are the steps'
    /// origins.
    /// </summary>
    private FunctionIr DefaultFaultFunction(Symbol name, bool afterSend)
    {
        var (log, drop, location) = DefaultFaultSequence.Value;

        // The sequence is the server's, not the project's: one runtime helper logs as its log mediator does (full level,
        // its three properties); the drop answers as a fault flow's implicit end does.
        ImmutableArray<StepIr> body = [new DefaultFaultLogStep(log), new AcceptStep(drop) { AfterBackendFailure = afterSend }];
        var summary = afterSend
            ? "Runs the Micro Integrator's default 'fault' sequence (the project defines none) for flows that send to a backend without blocking and declare no fault sequence of their own: it logs the message in full with the error, then drops it: a failure after the send, which the Micro Integrator leaves unanswered, is answered 502."
            : "Runs the Micro Integrator's default 'fault' sequence (the project defines none) for flows that declare no fault sequence of their own: it logs the message in full with the error, then drops it.";
        return new FunctionIr(name, FunctionKind.FaultFlow, true, body, summary, location);
    }

    /// <summary>The shipped sequence's log and drop and its location, parsed once for every conversion of the process.</summary>
    private static readonly Lazy<(LogMediator Log, DropMediator Drop, SourceLocation Location)> DefaultFaultSequence = new(() =>
    {
        var diagnostics = new DiagnosticBag();
        var document = SynapseParser.Parse(XmlSource.Parse(FunctionIr.DefaultFaultSequencePath, DefaultFaultXml), diagnostics);
        var sequence = document?.Artifacts.OfType<SequenceSyntax>().SingleOrDefault();
        if (sequence is not { Mediators: [LogMediator log, DropMediator drop] } || diagnostics.Items.Count > 0)
        {
            throw new InvalidOperationException("The default fault sequence does not parse as a log and a drop.");
        }

        return (log, drop, sequence.Location);
    });
}
