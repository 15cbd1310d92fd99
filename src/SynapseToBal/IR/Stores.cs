using System.Collections.Immutable;
using SynapseToBal.Syntax;

namespace SynapseToBal.IR;

/// <summary>
/// An in-memory message store (Synapse's <c>InMemoryStore</c>, the default class): a module-level queue of
/// message copies that store mediators add to and message processors take from.
/// </summary>
/// <param name="Name">The module-level queue.</param>
public sealed record MessageStoreIr(Symbol Name, string StoreName, MessageStoreSyntax Origin)
{
    /// <summary>A JMS store (Synapse's <c>JmsStore</c>): the queue and the connection it is kept in; null for an in-memory store.</summary>
    public JmsStoreIr? Jms { get; init; }

    /// <summary>A JDBC store (Synapse's <c>JDBCMessageStore</c>): the table and the client it is kept in; null otherwise.</summary>
    public JdbcStoreIr? Jdbc { get; init; }

    /// <summary>A RabbitMQ store (Synapse's <c>RabbitMQStore</c>): the queue and the broker it is kept on; null otherwise.</summary>
    public RabbitMqStoreIr? RabbitMq { get; init; }
}

/// <summary>
/// A message store kept in a RabbitMQ queue (<c>RabbitMQStore</c>): the runtime's <c>RabbitMqMessageStore</c> on a
/// <c>rabbitmq:Client</c> from configurables, which publishes each message in the package's own JSON format and whose
/// processors read it with <c>basicGet</c> and acknowledge it once done, as RabbitMQConsumer does.
/// </summary>
/// <param name="Host">Configurable: <c>store.rabbitmq.host.name</c> (default localhost).</param>
/// <param name="Port">Configurable int: <c>store.rabbitmq.host.port</c> (default 5672).</param>
/// <param name="Username">Configurable: <c>store.rabbitmq.username</c> (default guest, as the RabbitMQ client's).</param>
/// <param name="Password">Required configurable: <c>store.rabbitmq.password</c> (RabbitMQStore needs one).</param>
/// <param name="VirtualHost">Configurable: <c>store.rabbitmq.virtual.host</c> (default /).</param>
/// <param name="Queue">Configurable: <c>store.rabbitmq.queue.name</c> (default: the store's name).</param>
/// <param name="Exchange">Configurable: <c>store.rabbitmq.exchange.name</c>; null without one (the default exchange).</param>
/// <param name="RoutingKey">Configurable: <c>store.rabbitmq.route.key</c>; null without one (the queue's name, as RabbitMQStore defaults it).</param>
public sealed record RabbitMqStoreIr(Symbol Host, Symbol Port, Symbol Username, Symbol Password, Symbol VirtualHost, Symbol Queue, Symbol? Exchange, Symbol? RoutingKey)
{
    /// <summary>Settings that are not applied (reported): a TODO beside the store.</summary>
    public NotTranslatedIr? NotTranslated { get; init; }
}

/// <summary>
/// A message store kept in a database table (<c>JDBCMessageStore</c>): a <c>jdbc:Client</c> from configurables and the
/// runtime's <c>JdbcMessageStore</c>, which writes each message as a row holding the package's own JSON format.
/// </summary>
/// <param name="Client">The module-level <c>jdbc:Client</c>.</param>
/// <param name="Url">Configurable: <c>store.jdbc.connection.url</c>.</param>
/// <param name="Username">Configurable: <c>store.jdbc.username</c>; null without one.</param>
/// <param name="Password">Required configurable: <c>store.jdbc.password</c>; null without one.</param>
/// <param name="Table">Configurable: <c>store.jdbc.table</c> (default <c>jdbc_message_store</c>).</param>
/// <param name="Driver">The JDBC driver class (<c>store.jdbc.driver</c>), whose JAR the package must depend on.</param>
public sealed record JdbcStoreIr(Symbol Client, Symbol Url, Symbol? Username, Symbol? Password, Symbol Table, string Driver)
{
    /// <summary>Settings that are not applied (reported): a TODO beside the store.</summary>
    public NotTranslatedIr? NotTranslated { get; init; }
}

/// <summary>
/// A message store kept in a JMS queue (<c>JmsStore</c>): a <c>jms:Connection</c> from configurables and the runtime's
/// <c>JmsMessageStore</c>, which writes each message as a JSON text message in the package's own format.
/// </summary>
/// <param name="Connection">The module-level <c>jms:Connection</c>.</param>
/// <param name="ContextFactory">Configurable: <c>java.naming.factory.initial</c>.</param>
/// <param name="ProviderUrl">Configurable: <c>java.naming.provider.url</c>; "" by default for WSO2 MB's factory without one (an empty provider URL is passed).</param>
/// <param name="ProviderUrlGiven">The store sets <c>java.naming.provider.url</c> (false: WSO2 MB's factory, which needs none).</param>
/// <param name="ConnectionFactory">Configurable: <c>store.jms.connection.factory</c> (default <c>QueueConnectionFactory</c>).</param>
/// <param name="Queue">Configurable: <c>store.jms.destination</c> (default <c>&lt;store name&gt;_Queue</c>).</param>
/// <param name="Properties">Other parameters, passed to the JNDI initial context as JmsStore does: each name and its configurable.</param>
public sealed record JmsStoreIr(
    Symbol Connection,
    Symbol ContextFactory,
    Symbol ProviderUrl,
    bool ProviderUrlGiven,
    Symbol ConnectionFactory,
    Symbol? Username,
    Symbol? Password,
    Symbol Queue,
    ImmutableArray<JndiPropertyIr> Properties)
{
    /// <summary>Settings that are not applied (reported): a TODO beside the store.</summary>
    public NotTranslatedIr? NotTranslated { get; init; }

    /// <summary>
    /// Guaranteed delivery (<c>store.producer.guaranteed.delivery.enable</c>): the store named by
    /// <c>store.failover.message.store.name</c>, which takes a message the queue cannot; null without it.
    /// </summary>
    public string? FailoverStoreName { get; init; }
}

/// <summary>A parameter a JMS store passes to its JNDI initial context, and the configurable holding its value.</summary>
public sealed record JndiPropertyIr(string Name, Symbol Value);

/// <summary>What a message processor does with each message it takes from its store.</summary>
public enum ProcessorKind
{
    /// <summary><c>SamplingProcessor</c>: removes the message and runs a sequence with it.</summary>
    Sampling,

    /// <summary><c>ScheduledMessageForwardingProcessor</c>: sends the message to an endpoint, retrying, then removes it.</summary>
    Forwarding,

    /// <summary><c>FailoverScheduledMessageForwardingProcessor</c>: stores the message in another store, retrying, then removes it.</summary>
    FailoverForwarding,
}

/// <summary>A sequence a processor runs: its function, and whether it may answer (its result is then ignored).</summary>
public sealed record ProcessorSequenceIr(Symbol Function, bool CanAnswer);

/// <summary>
/// A message processor: a scheduled job (ballerina/task) that runs every <paramref name="IntervalSeconds"/> on
/// the messages of an in-memory store.
/// </summary>
/// <param name="Name">The job class.</param>
/// <param name="Schedule">The module-level variable holding the scheduled job's id.</param>
/// <param name="Active">False for <c>is.active="false"</c>: the processor starts deactivated (the job runs but takes nothing).</param>
public sealed record MessageProcessorIr(
    Symbol Name,
    Symbol Schedule,
    string ProcessorName,
    ProcessorKind Kind,
    MessageStoreIr Store,
    decimal IntervalSeconds,
    bool Active,
    MessageProcessorSyntax Origin)
{
    /// <summary>False when the processor's cron expression cannot be read: the job is declared but not scheduled.</summary>
    public bool Scheduled { get; init; } = true;

    /// <summary>The processor's <c>cronExpression</c>: it runs on that schedule instead of every <c>IntervalSeconds</c>.</summary>
    public CronIr? Cron { get; init; }

    /// <summary>Sampling: the sequence each message is injected into.</summary>
    public ProcessorSequenceIr? Sequence { get; init; }

    /// <summary>Sampling: how many messages one run takes (<c>concurrency</c>, default 1).</summary>
    public int Concurrency { get; init; } = 1;

    /// <summary>Failover forwarding: the store messages are moved to (<c>message.target.store.name</c>).</summary>
    public MessageStoreIr? TargetStore { get; init; }

    /// <summary>Forwarding: the endpoint messages are sent to, and how.</summary>
    public ForwardRouteIr? Target { get; init; }

    /// <summary>
    /// Forwarding without a target endpoint: the function that finds the endpoint a message names in its
    /// <c>target.endpoint</c> property (shared by such processors), and the endpoints it chooses from.
    /// </summary>
    public Symbol? TargetChooser { get; init; }

    public ImmutableArray<ForwardRouteIr> TargetChoices { get; init; } = [];

    /// <summary>Forwarding: attempts before the processor deactivates or drops the message (<c>max.delivery.attempts</c>, default 4; 0 or less: forever).</summary>
    public int MaxDeliveryAttempts { get; init; } = 4;

    /// <summary>Forwarding: the pause between attempts (<c>client.retry.interval</c>, default 1000 ms).</summary>
    public decimal RetryIntervalSeconds { get; init; } = 1;

    /// <summary>Forwarding: drop the message after the last attempt instead of deactivating (<c>max.delivery.drop</c> = Enabled).</summary>
    public bool DropAfterMaxAttempts { get; init; }

    /// <summary>
    /// Forwarding without <see cref="DropAfterMaxAttempts"/>: the store a message that failed every attempt is moved to
    /// before the processor goes on (<c>message.processor.failMessagesStore</c>; ForwardingService.checkAndDeactivateProcessor,
    /// storeMessageToBackupStoreAndContinue), deactivating only when that store refuses it.
    /// </summary>
    public MessageStoreIr? FailStore { get; init; }

    /// <summary>Forwarding: one run forwards every message the store holds (<c>interval</c> below 1000 ms, which the processor's init puts in its <c>throttle</c> parameter), else one.</summary>
    public bool Throttle { get; init; } = true;

    /// <summary>Forwarding: error statuses taken as delivered (<c>non.retry.status.codes</c>).</summary>
    public ImmutableArray<int> NonRetryStatusCodes { get; init; } = [];

    /// <summary>Forwarding: runs with the response (<c>message.processor.reply.sequence</c>).</summary>
    public ProcessorSequenceIr? ReplySequence { get; init; }

    /// <summary>Forwarding: runs with each failed attempt (<c>message.processor.fault.sequence</c>).</summary>
    public ProcessorSequenceIr? FaultSequence { get; init; }

    /// <summary>Forwarding: runs when the processor deactivates (<c>message.processor.deactivate.sequence</c>).</summary>
    public ProcessorSequenceIr? DeactivateSequence { get; init; }

    /// <summary>Settings that are not translated (reported): a TODO beside the job.</summary>
    public NotTranslatedIr? NotTranslated { get; init; }
}

/// <summary>
/// How a forwarding processor sends a message to one endpoint and judges the attempt. ForwardingService sends through
/// the endpoint (<c>endpoint.send</c> with the blocking sender) and validates the response only when the endpoint's
/// address is http(s) or hl7 (<c>isResponseValidationRequiredEndpoint</c>); a default endpoint has no address, so the
/// flag keeps its initial false and its response is validated as an HTTP one.
/// </summary>
public abstract record ForwardRouteIr
{
    private ForwardRouteIr()
    {
    }

    /// <summary>The endpoint's name, as messages and comments give it.</summary>
    public abstract string EndpointName { get; }

    /// <summary>
    /// An endpoint with an HTTP client (address, http without a host template, wsdl) or a failover / loadbalance group:
    /// the response's status decides (validateResponse) and the reply sequence runs with it, unless the message's OUT_ONLY
    /// is "true" (removed without it).
    /// </summary>
    public sealed record Http(ClientIr Client) : ForwardRouteIr
    {
        public override string EndpointName => Client.SynapseName;

        /// <summary>
        /// An http endpoint's uri-template and method, which HTTPEndpoint applies to each stored message
        /// (executeEpTypeSpecificFunctions, run by the blocking sender): null for an endpoint sent to at its base URL
        /// with the URL postfix (an address, an http endpoint without a path or method).
        /// </summary>
        public ForwardTemplateIr? Template { get; init; }
    }

    /// <summary>
    /// A default endpoint: the blocking sender sends to the stored message's To address (BlockingMsgSender.send), with
    /// the URL postfix of a REST request; the response is judged as for <see cref="Http"/>.
    /// </summary>
    public sealed record ToAddress(string Name) : ForwardRouteIr
    {
        public override string EndpointName => Name;
    }

    /// <summary>
    /// A JMS endpoint: the message is sent as an out-only JMS send does (<c>sendJms</c>). No response is judged: the
    /// message is delivered once the send returns, unless its OUT_ONLY is "true" and the send failed (a failed attempt).
    /// </summary>
    public sealed record Jms(JmsEndpointIr Endpoint) : ForwardRouteIr
    {
        public override string EndpointName => Endpoint.EndpointName;
    }

    /// <summary>A vfs endpoint: the file is written (<c>vfsWriteFile</c> / <c>vfsWriteRemote</c>), judged as <see cref="Jms"/>.</summary>
    public sealed record Vfs(VfsEndpointIr Endpoint) : ForwardRouteIr
    {
        public override string EndpointName => Endpoint.EndpointName;
    }

    /// <summary>
    /// A mailto: endpoint: the message is mailed (<c>sendMail</c>), judged as <see cref="Jms"/>. Without OUT_ONLY
    /// "true" the blocking sender waits for a reply mail and fails; the failure does not count, as for any such send.
    /// </summary>
    public sealed record Mail(MailEndpointIr Endpoint) : ForwardRouteIr
    {
        public override string EndpointName => Endpoint.EndpointName;
    }
}

/// <summary>
/// The uri-template of an http endpoint a forwarding processor sends to, expanded at run time from the stored message's
/// <c>uri.var.*</c> and <c>query.param.*</c> properties (the runtime's <c>expandUriTemplate</c>): the path after the
/// client's base URL, or the whole URL when the template takes the scheme, host or port from the message
/// (<see cref="Whole"/>, a client per base URL); <see cref="Method"/> the endpoint's method, null for the message's own.
/// </summary>
public sealed record ForwardTemplateIr(string Template, string? Method, bool Whole)
{
    /// <summary>
    /// The endpoint's own <c>uri.var.*</c> and <c>query.param.*</c> properties, which HTTPEndpoint.resolveUrlTemplate
    /// puts into the template's variables after the message's (the value attribute; null for an expression or XML,
    /// which leaves the variable undefined): with any, the template is always expanded.
    /// </summary>
    public ImmutableArray<UriBindingIr> Bound { get; init; } = [];

    /// <summary>Equal templates bind the same variables to the same values (ImmutableArray compares its array, not the items).</summary>
    public bool Equals(ForwardTemplateIr? other) =>
        other is not null && Template == other.Template && Method == other.Method && Whole == other.Whole && Bound.SequenceEqual(other.Bound);

    public override int GetHashCode() => HashCode.Combine(Template, Method, Whole, Bound.Length);
}

/// <summary>A uri-template variable an endpoint's own property binds (<see cref="ForwardTemplateIr.Bound"/>): its value, or null for none.</summary>
public sealed record UriBindingIr(string Name, string? Value);
