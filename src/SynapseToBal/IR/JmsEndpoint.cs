using System.Collections.Immutable;
using SynapseToBal.Syntax;

namespace SynapseToBal.IR;

/// <summary>
/// An address endpoint with a <c>jms:/</c> URI: the JNDI settings of its query parameters (configurables), the
/// destination and its type. Sends through it go out with the runtime's <c>sendJms</c> (<c>requestJms</c> for a
/// request-reply), which connects on first use as the Micro Integrator's JMS sender does.
/// </summary>
/// <param name="EndpointName">The endpoint's name (the key of its cached producer).</param>
/// <param name="ContextFactory">Configurable: <c>java.naming.factory.initial</c>.</param>
/// <param name="ProviderUrl">Configurable: <c>java.naming.provider.url</c>.</param>
/// <param name="ConnectionFactory">Configurable: <c>transport.jms.ConnectionFactoryJNDIName</c>.</param>
/// <param name="Destination">Configurable: the destination named after <c>jms:/</c>.</param>
/// <param name="Topic">True when <c>transport.jms.ConnectionFactoryType</c>, else <c>transport.jms.DestinationType</c>, is <c>topic</c>.</param>
/// <param name="ContentTypeProperty"><c>transport.jms.ContentTypeProperty</c>: the message property given the content type, if any.</param>
/// <param name="Properties">The other parameters, passed to the JNDI initial context as the Micro Integrator does.</param>
public sealed record JmsEndpointIr(
    string EndpointName,
    Symbol ContextFactory,
    Symbol ProviderUrl,
    Symbol ConnectionFactory,
    Symbol? Username,
    Symbol? Password,
    Symbol Destination,
    bool Topic,
    string? ContentTypeProperty,
    ImmutableArray<JndiPropertyIr> Properties)
{
    /// <summary>
    /// <c>transport.jms.SessionTransacted</c> is "true": the sender's session is transacted and each send is committed
    /// after it (rolled back when it failed), as JMSMessageSender.transactionallySend does.
    /// </summary>
    public bool Transacted { get; init; }

    /// <summary>Parameters that are not applied (reported): a TODO beside each send, with the address (credentials masked).</summary>
    public NotTranslatedIr? NotApplied { get; init; }

    /// <summary>The endpoint's <c>&lt;address&gt;</c> element, credentials masked, for the TODO of <see cref="NotApplied"/>.</summary>
    public string? Address { get; init; }

    /// <summary>
    /// <c>transport.jms.ReplyDestination</c>, the JMSReplyTo destination of a request-reply through the endpoint; null
    /// when the address names none (the Micro Integrator then waits on a temporary queue).
    /// </summary>
    public string? ReplyDestinationName { get; init; }

    /// <summary>Configurable holding <see cref="ReplyDestinationName"/>: set on the endpoint a request-reply step holds (made on the first one).</summary>
    public Symbol? ReplyDestination { get; init; }

    /// <summary>True when <c>transport.jms.ReplyDestinationType</c> is <c>topic</c>: the reply destination is a topic.</summary>
    public bool ReplyTopic { get; init; }

    /// <summary>
    /// True when the address's <c>transport.jms.ReplyDestinationType</c> is <c>topic</c> (any case): the type of a
    /// reply destination the axis2 property <c>JMS_REPLY_TO</c> names without <c>JMS_REPLY_TO_TYPE</c>, as JMSSender
    /// falls back to the connection factory's reply destination type (a queue for any other value or none).
    /// </summary>
    public bool ReplyTypeTopic { get; init; }

    /// <summary>
    /// The address's <c>format</c> (soap11, soap12, pox): the message is written as that format's formatter writes it
    /// (Axis2FlexibleMEPClient prepares the clone it hands to JMSSender); null: in its current content type's format.
    /// </summary>
    public EndpointFormat? Format { get; init; }

    /// <summary>
    /// The endpoint's <c>encoding</c> attribute: Axis2FlexibleMEPClient sets it as the message's CHARACTER_SET_ENCODING,
    /// the charset the formatter writes a bytes message in and names in its content type. Null without one.
    /// </summary>
    public string? Encoding { get; init; }

    /// <summary>Why a request-reply through the endpoint is not translated (a transacted session); null when it is.</summary>
    public string? RequestReplyRefused { get; init; }
}

/// <summary>
/// A send or call to a JMS endpoint, out-only (<c>OUT_ONLY=true</c>) unless <see cref="AwaitsReply"/>: the payload in its content type's format as a
/// text message (a bytes message when the axis2 property <c>JMS_MESSAGE_TYPE</c> is <c>JMS_BYTE_MESSAGE</c>), the
/// transport headers as message properties; out-only, no response is awaited and the message stays as it was.
/// </summary>
/// <param name="Origin">The send or call; null for a proxy's target endpoint.</param>
public sealed record JmsSendStep(MediatorSyntax? Origin, JmsEndpointIr Endpoint) : StepIr(Origin)
{
    /// <summary>
    /// A request-reply (OUT_ONLY not set): the message goes out with the endpoint's reply destination (else a
    /// temporary queue made per request) as its JMSReplyTo and the reply, awaited by correlation ID, becomes the message as a backend's response does
    /// (the runtime's <c>requestJms</c>, as Axis2's JMSSender waits for it).
    /// </summary>
    public bool AwaitsReply { get; init; }
}
