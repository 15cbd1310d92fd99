using SynapseToBal.IR;

namespace SynapseToBal.Lowering;

public sealed partial class Lowerer
{
    /// <summary>
    /// A call or callout through Synapse's blocking sender (<c>call blocking="true"</c>, callout). The blocking sender
    /// copies REST_URL_POSTFIX onto the outgoing message and, unlike the non-blocking Axis2FlexibleMEPClient, never
    /// removes it for an http endpoint with a method (BlockingMsgSenderUtils.fillMessageContext): the postfix is
    /// joined to the expanded uri-template whenever the request is REST, whatever the endpoint's method. It never
    /// consults or updates the endpoint's suspension state (BlockingMsgSender.send calls no readyToSend, onFault or onSuccess).
    /// </summary>
    private static CallStep ThroughBlockingSender(CallStep step) => step with
    {
        Blocking = true,
        TracksSuspension = false,
        Path = step.Path is HttpPathIr.Template template ? template with { AppendsPostfix = true } : step.Path,
    };
}
