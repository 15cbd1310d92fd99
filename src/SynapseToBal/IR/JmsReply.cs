namespace SynapseToBal.IR;

/// <summary>
/// Where a proxy's JMS listener sends the answer to a message (Axis2's JMSMessageReceiver sets it up as the
/// message's <c>JMSOutTransportInfo</c>): the request's <c>JMSReplyTo</c>, else the proxy's
/// <c>transport.jms.ReplyDestination</c>. The answer is what the flow responds (respond, the out flow's send, a
/// loopback), sent by <c>respond</c> through the context's <c>sendBack</c> (<c>setJmsReply</c> in the runtime).
/// </summary>
/// <param name="Destination"><c>transport.jms.ReplyDestination</c>: the destination of an answer to a request without <c>JMSReplyTo</c>; null: none (answering such a request fails, as in the Micro Integrator).</param>
/// <param name="Topic"><c>transport.jms.ReplyDestinationType</c> is <c>topic</c> (default <c>queue</c>); for an inbound endpoint, its connection factory type.</param>
public sealed record JmsReplyIr(string? Destination, bool Topic)
{
    /// <summary>
    /// The answer of a JMS inbound endpoint's sequence, sent as the Micro Integrator's JMSReplySender sends it (set up by
    /// JMSInjectHandler.invoke): its correlation ID is the default-scope <c>JMS_COORELATION_ID</c> property, and a
    /// failed send is logged, not a failure of the flow.
    /// </summary>
    public bool Inbound { get; init; }
}
