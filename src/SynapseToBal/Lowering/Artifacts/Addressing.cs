using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Semantics;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

// An endpoint's <enableAddressing>: the WS-Addressing header blocks Axis2's AddressingOutHandler adds to what
// Axis2FlexibleMEPClient sends (a non-blocking send or call). The client carries the setting (ClientIr.Addressing) and
// its non-blocking calls pass it to the runtime's callEndpoint; the uses that do not add the headers report it.
public sealed partial class Lowerer
{
    private const string AddressingSetting = "WS-Addressing (enableAddressing)";

    /// <summary>The WS-Addressing a leaf endpoint's client applies to its non-blocking calls; null when off or with a separate listener (reported instead).</summary>
    private static WsAddressingVersion? AppliedAddressing(EndpointQualities qualities) => qualities.Addressing switch
    {
        null or { SeparateListener: true } => null,
        { Version: { } version } when version.Equals("final", StringComparison.OrdinalIgnoreCase) => WsAddressingVersion.Final,
        { Version: { } version } when version.Equals("submission", StringComparison.OrdinalIgnoreCase) => WsAddressingVersion.Submission,
        _ => WsAddressingVersion.Default,
    };

    /// <summary>
    /// <c>separateListener="true"</c>: Axis2FlexibleMEPClient sets the client option useSeparateListener, so the
    /// wsa:ReplyTo names the Micro Integrator's own listener and the backend answers there, on another connection
    /// (DynamicAxisOperation registers the callback by MessageID). A generated client takes the response on the
    /// request's connection and adds no headers: reported, with the whole setting.
    /// </summary>
    private void ReportSeparateListener(EndpointQualities qualities)
    {
        if (qualities.Addressing is { SeparateListener: true } addressing)
        {
            _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, addressing.Location, "enableAddressing", "separateListener=\"true\"",
                "the Micro Integrator asks the backend (wsa:ReplyTo) to answer on a separate connection to its own listener and correlates the response by wsa:MessageID; the generated client adds no WS-Addressing headers and takes the response on the request's connection; add the headers and a listener by hand");
        }
    }

    private bool? _setsPreserveAddressing;

    /// <summary>Whether a default-scope property mediator of the input sets PRESERVE_WS_ADDRESSING (removing it does not count).</summary>
    private bool SetsPreserveAddressing => _setsPreserveAddressing ??=
        _model.Mediators.OfType<PropertyMediator>().Any(p => p.Name == "PRESERVE_WS_ADDRESSING" && p.Scope == "default" && p.Action != PropertyAction.Remove);

    /// <summary>
    /// A use of the client through the blocking sender (a blocking call, a callout), which
    /// adds no WS-Addressing header blocks: when the endpoint enables addressing, reported (SB0206) if the input sets
    /// PRESERVE_WS_ADDRESSING somewhere (BlockingMsgSenderUtils.fillMessageContext adds them only when the message holds
    /// it as "true"); otherwise the Micro Integrator adds none there either, which an info note (SB0242) says.
    /// </summary>
    private void ReportAddressingNotApplied(ClientIr? client, SourceLocation location, string element, string why)
    {
        if (client?.Addressing is null)
        {
            return;
        }

        if (SetsPreserveAddressing)
        {
            _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, location, element, $"the endpoint's {AddressingSetting}", why);
        }
        else
        {
            _diagnostics.Report(DiagnosticCatalog.SettingWithoutEffect, location, element, $"the endpoint's {AddressingSetting}",
                "the blocking sender adds its WS-Addressing header blocks only when the message's PRESERVE_WS_ADDRESSING property is \"true\" (BlockingMsgSenderUtils.fillMessageContext), and the input never sets that property; the generated call adds none either");
        }
    }

    /// <summary>
    /// Synapse's blocking sender (a blocking call, a callout) engages the addressing module for such an endpoint
    /// (BlockingMsgSender's anonymous service) but BlockingMsgSenderUtils.fillMessageContext disables addressing for
    /// the outgoing message unless PRESERVE_WS_ADDRESSING is "true": the headers go only then; the generated blocking
    /// call adds none.
    /// </summary>
    private void ReportBlockingAddressing(CallStep step, SourceLocation location, string element) =>
        ReportAddressingNotApplied(step.Client, location, element,
            "the blocking sender (BlockingMsgSender) adds the WS-Addressing header blocks only when the message's PRESERVE_WS_ADDRESSING property is \"true\" (otherwise BlockingMsgSenderUtils disables addressing for the outgoing message, as the generated call does); the generated blocking call adds none; with that property, add them with header mediators");
}
