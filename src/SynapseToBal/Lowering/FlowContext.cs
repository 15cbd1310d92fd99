using SynapseToBal.IR;

namespace SynapseToBal.Lowering;

public enum FlowKind
{
    /// <summary>A resource's inSequence: the message is a request.</summary>
    In,

    /// <summary>A resource's outSequence: the message is the backend response.</summary>
    Out,

    /// <summary>A fault sequence.</summary>
    Fault,

    /// <summary>A named sequence: the direction is known only at run time.</summary>
    Sequence,
}

/// <param name="OutFunction">The resource's out flow function, where a send continues.</param>
/// <param name="Owner">Name of the artifact being lowered, for generated names.</param>
internal sealed record FlowContext(FlowKind Kind, ExpressionTranslator Translator, Symbol? OutFunction, string Owner)
{
    /// <summary>The message-exchange facts (response, OUT_ONLY, FORCE_SC_ACCEPTED) at the point being lowered; shared by the whole flow.</summary>
    public ExchangeState Exchange { get; init; } = new(Kind);

    /// <summary>
    /// For an out flow, its own function: the response to a send through an endpoint there runs the out flow again,
    /// as Synapse injects every response to a proxy or API resource into its out sequence (Axis2SynapseEnvironment.injectMessage).
    /// </summary>
    public Symbol? Self { get; init; }

    /// <summary>
    /// The Axis2 operation an in flow's request was dispatched to, when the entry point decides it: 'mediate' for an API
    /// resource (SynapseDispatcher's __SynapseService) and a proxy without a WSDL (ProxyService's one operation), the
    /// operation the service found (<c>ctx.operationName</c>) for a proxy whose WSDL dispatch it reproduces. A copy of the message (a split branch) does not carry it.
    /// </summary>
    public ExprIr? OperationName { get; init; }

    /// <summary>
    /// For a fault flow: a backend's failure reaches it after a non-blocking send, which the Micro Integrator then
    /// answers nothing (SB0260): a drop there answers such a failure 502 (<c>unansweredFault</c>), not 202.
    /// </summary>
    public bool UnansweredAfterSend { get; init; }

    /// <summary>
    /// The flow is an API resource's: a response injected into it comes back through Resource.process, which writes the
    /// CORS headers the request recorded (CORSHelper.handleCORSHeadersForResponse) before the out flow.
    /// </summary>
    public bool ApiResource { get; init; }
}
