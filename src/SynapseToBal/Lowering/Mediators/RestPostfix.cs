using SynapseToBal.IR;

namespace SynapseToBal.Lowering;

public sealed partial class Lowerer
{
    /// <summary>
    /// A call or callout through Synapse's blocking sender (<c>call blocking="true"</c>, callout). The blocking sender
    /// copies REST_URL_POSTFIX onto the outgoing message and, unlike the non-blocking Axis2FlexibleMEPClient, never
    /// removes it for an http endpoint with a method (BlockingMsgSenderUtils.fillMessageContext): the postfix is
    /// joined to the expanded uri-template whenever the request is REST, whatever the endpoint's method. It keeps the
    /// endpoint's suspension state as a non-blocking send does: the mediator sends through <c>endpoint.send</c>
    /// (AddressEndpoint.send refuses a suspended endpoint), and BlockingMsgSender.send hands a failure to the fault
    /// stack's endpoint (onFault) and a response to <c>onSuccess</c>.
    /// </summary>
    private static CallStep ThroughBlockingSender(CallStep step) => step with
    {
        Blocking = true,
        Path = step.Path is HttpPathIr.Template template ? template with { AppendsPostfix = true } : step.Path,
    };
}
