using System.Collections.Immutable;

namespace SynapseToBal.IR;

/// <summary>What an inbound endpoint does with each message it receives: the sequence it runs, and the function that runs when that fails.</summary>
/// <param name="Sequence">The function the message is injected into.</param>
/// <param name="SequenceCanAnswer">The sequence may produce a response (which nobody receives).</param>
/// <param name="FaultFunction">The function that runs when the sequence fails (onError, or the global fault sequence).</param>
public sealed record InboundTargetIr(Symbol Sequence, bool SequenceCanAnswer, Symbol? FaultFunction)
{
    /// <summary>The out flow a send made through a sequence returns to (a proxy's out sequence), set on each message's context.</summary>
    public Symbol? OutFlow { get; init; }

    /// <summary>
    /// The SOAP action Axis2 gives each message before its transport's own (ProtocolEndpoint.createMessageContext:
    /// <c>urn:mediate</c>, the alias of a WSDL-less proxy's <c>mediate</c> operation), the fallback of the action the listener
    /// sets once as <c>ctx.action</c>; null when the transport finds no operation for the message.
    /// </summary>
    public string? OperationAction { get; init; }

    /// <summary>
    /// How Axis2 dispatches each message of a proxy with a published WSDL to one of its operations once the transport
    /// has built it (a proxy's VFS, mail or RabbitMQ listener; its <see cref="WsdlDispatchIr.Table"/> is the proxy's one
    /// table, which its HTTP services read too); a message naming none is refused. Null for a listener that runs the flow
    /// for every message.
    /// </summary>
    public WsdlDispatchIr? Dispatch { get; init; }

    /// <summary>
    /// The WSDL operation the proxy's <c>Operation</c> parameter gives every message (ProtocolEndpoint.createMessageContext
    /// sets it before any dispatcher runs, which then leave it), set as <c>ctx.operationName</c>; null otherwise.
    /// </summary>
    public string? FixedOperation { get; init; }
}

/// <summary>A client property of an inbound endpoint passed on as written.</summary>
public sealed record InboundPropertyIr(string Name, string Value);

// The message-broker and file transports of inbound endpoints (kafka, rabbitmq, mqtt, file).
public abstract partial record InboundTransportIr
{
    /// <summary>
    /// A Kafka inbound endpoint (the MI's <c>org.wso2.carbon.inbound.kafka.KafkaMessageConsumer</c>): a
    /// <c>kafka:Listener</c> (ballerinax/kafka) subscribed to one topic in a consumer group, each record a new
    /// message context run through the sequence.
    /// </summary>
    /// <param name="BootstrapServers">Configurable: <c>bootstrap.servers</c>.</param>
    /// <param name="GroupId">Configurable: <c>group.id</c>.</param>
    /// <param name="Topic">The topic (<c>topic.name</c>).</param>
    /// <param name="PollingIntervalSeconds">The pause between polls (<c>interval</c> ms), if set.</param>
    /// <param name="PollingTimeoutSeconds">How long a poll waits for records (<c>poll.timeout</c> ms).</param>
    /// <param name="ContentType">The content type every record is read as (<c>contentType</c>).</param>
    /// <param name="HeaderPrefix">The prefix of the properties the record headers become (<c>kafka.header.prefix</c>).</param>
    public sealed record Kafka(
        Symbol BootstrapServers,
        Symbol GroupId,
        string Topic,
        decimal? PollingIntervalSeconds,
        decimal PollingTimeoutSeconds,
        string ContentType,
        string HeaderPrefix,
        InboundTargetIr Target) : InboundTransportIr
    {
        /// <summary>
        /// The configurable standing for the topic when the Micro Integrator resolves it at deployment (topic.name written as
        /// <c>$SYSTEM:x</c>, <c>$FILE:x</c> or <c>${configs.x}</c>: InboundEndpointFactory resolves every parameter through
        /// ResolverFactory), used instead of <see cref="Topic"/>; null when the value is written in the input.
        /// </summary>
        public Symbol? TopicSetting { get; init; }

        /// <summary>Kafka client properties passed to the consumer as written (<c>session.timeout.ms</c>, <c>auto.offset.reset</c>, ...).</summary>
        public ImmutableArray<InboundPropertyIr> ClientProperties { get; init; } = [];
    }

    /// <summary>
    /// A RabbitMQ inbound endpoint: a <c>rabbitmq:Listener</c> (ballerinax/rabbitmq) consuming one queue with
    /// automatic acknowledgement, each message a new message context run through the sequence.
    /// </summary>
    /// <param name="Host">Configurable: <c>rabbitmq.server.host.name</c>.</param>
    /// <param name="Port">Configurable int: <c>rabbitmq.server.port</c>.</param>
    /// <param name="Username">Configurable: <c>rabbitmq.server.user.name</c>, if set.</param>
    /// <param name="Password">Required configurable: <c>rabbitmq.server.password</c>, if set.</param>
    /// <param name="VirtualHost">Configurable: <c>rabbitmq.server.virtual.host</c>, if set.</param>
    /// <param name="Queue">The queue (<c>rabbitmq.queue.name</c>, else the endpoint's name).</param>
    /// <param name="Durable">The queue declaration's <c>rabbitmq.queue.durable</c> (lowering gives the MI's default, true, when unset).</param>
    /// <param name="Exclusive">The queue declaration's <c>rabbitmq.queue.exclusive</c>, if set.</param>
    /// <param name="AutoDelete">The queue declaration's <c>rabbitmq.queue.auto.delete</c> (lowering gives the MI's default, false, when unset).</param>
    /// <param name="ContentType">The content type of a message that carries none (<c>rabbitmq.message.content.type</c>); null: SOAP.</param>
    /// <param name="PrefetchCount">The channel's prefetch count (<c>rabbitmq.channel.consumer.qos</c>), if set.</param>
    public sealed record RabbitMq(
        Symbol Host,
        Symbol Port,
        Symbol? Username,
        Symbol? Password,
        Symbol? VirtualHost,
        string Queue,
        bool? Durable,
        bool? Exclusive,
        bool? AutoDelete,
        string? ContentType,
        int? PrefetchCount,
        InboundTargetIr Target) : InboundTransportIr
    {
        /// <summary>
        /// The configurable standing for the queue name when the Micro Integrator resolves it at deployment (rabbitmq.queue.name written as
        /// <c>$SYSTEM:x</c>, <c>$FILE:x</c> or <c>${configs.x}</c>: InboundEndpointFactory resolves every parameter through
        /// ResolverFactory), used instead of <see cref="Queue"/>; null when the value is written in the input.
        /// </summary>
        public Symbol? QueueSetting { get; init; }

        /// <summary>
        /// <c>rabbitmq.queue.auto.ack</c> false: the message is settled after its sequence, as RabbitMQConsumer settles it
        /// (acknowledged; rejected on SET_ROLLBACK_ONLY; requeued after <see cref="RequeueDelaySeconds"/> on
        /// SET_REQUEUE_ON_ROLLBACK).
        /// </summary>
        public bool ManualAck { get; init; }

        /// <summary><c>rabbitmq.message.requeue.delay</c> in seconds (milliseconds in the XML; 0 when absent).</summary>
        public decimal RequeueDelaySeconds { get; init; }
    }

    /// <summary>
    /// A proxy on the mailto transport (Axis2's <c>MailTransportListener</c>): an <c>email:PopListener</c> or
    /// <c>email:ImapListener</c> (ballerina/email) polling the mailbox's INBOX, each new mail a new message context
    /// built from its body and run through the proxy's flow.
    /// </summary>
    /// <param name="Imap">IMAP (<c>transport.mail.Protocol</c> imap); false: POP3.</param>
    /// <param name="Host">Configurable: <c>mail.&lt;protocol&gt;.host</c>.</param>
    /// <param name="Port">Configurable int: <c>mail.&lt;protocol&gt;.port</c>.</param>
    /// <param name="Username">Configurable: <c>mail.&lt;protocol&gt;.user</c>.</param>
    /// <param name="Password">Required configurable: <c>mail.&lt;protocol&gt;.password</c>.</param>
    /// <param name="Security">The <c>email:Security</c> member (SSL, START_TLS_AUTO, START_TLS_ALWAYS, START_TLS_NEVER) the JavaMail SSL / STARTTLS settings amount to.</param>
    /// <param name="PollingIntervalSeconds">The pause between polls (<c>transport.PollInterval</c>).</param>
    /// <param name="ContentType">The content type every mail is read as (<c>transport.mail.ContentType</c>); null: the mail's own.</param>
    public sealed record Mail(
        bool Imap,
        Symbol Host,
        Symbol Port,
        Symbol Username,
        Symbol Password,
        string Security,
        decimal PollingIntervalSeconds,
        string? ContentType,
        InboundTargetIr Target) : InboundTransportIr
    {
        /// <summary>
        /// The Micro Integrator's mail transport sender (<c>mailto</c>) the fault refusing a mail that names no operation
        /// of the proxy's WSDL is mailed through (AbstractTransportListener.handleIncomingMessage sends it back); null when
        /// the listener refuses no mail (no dispatch, a fallback operation, or an <c>Operation</c> parameter naming one).
        /// </summary>
        public MailSenderIr? FaultSender { get; init; }

        /// <summary>The proxy's address (<c>transport.mail.Address</c>): the From of the mails it sends back.</summary>
        public string Address { get; init; } = string.Empty;

        /// <summary><c>transport.mail.ReplyAddress</c>: where a mail with neither Reply-To nor From is answered; null when not set.</summary>
        public string? ReplyAddress { get; init; }
    }

    /// <summary>
    /// An MQTT inbound endpoint: an <c>mqtt:Listener</c> (ballerina/mqtt) subscribed to one topic, each message a new
    /// message context run through the sequence.
    /// </summary>
    /// <param name="ServerUri">Configurable: <c>tcp://</c> (or <c>ssl://</c>) <c>mqtt.server.host.name</c>:<c>mqtt.server.port</c>.</param>
    /// <param name="ClientId">Configurable: <c>mqtt.client.id</c>; null: a random id per start, as the MI generates one.</param>
    /// <param name="Topic">The topic filter (<c>mqtt.topic.name</c>).</param>
    /// <param name="Qos">The subscription's quality of service (<c>mqtt.subscription.qos</c>, default 1).</param>
    /// <param name="Username">Configurable: <c>mqtt.subscription.username</c>, if set.</param>
    /// <param name="Password">Required configurable: <c>mqtt.subscription.password</c>, if set.</param>
    /// <param name="CleanSession">The <c>mqtt.session.clean</c> value, if set.</param>
    /// <param name="ContentType">The content type every message is read as (<c>content.type</c>); null: SOAP.</param>
    public sealed record Mqtt(
        Symbol ServerUri,
        Symbol? ClientId,
        string Topic,
        int Qos,
        Symbol? Username,
        Symbol? Password,
        bool? CleanSession,
        string? ContentType,
        InboundTargetIr Target) : InboundTransportIr
    {
        /// <summary>
        /// The configurable standing for the topic when the Micro Integrator resolves it at deployment (mqtt.topic.name written as
        /// <c>$SYSTEM:x</c>, <c>$FILE:x</c> or <c>${configs.x}</c>: InboundEndpointFactory resolves every parameter through
        /// ResolverFactory), used instead of <see cref="Topic"/>; null when the value is written in the input.
        /// </summary>
        public Symbol? TopicSetting { get; init; }
    }

    /// <summary>
    /// A file inbound endpoint on a local folder: a scheduled job (ballerina/task) that lists the folder every
    /// interval, reads each file whose name matches, runs the sequence with its content, then deletes or moves it.
    /// </summary>
    /// <param name="Job">The job class.</param>
    /// <param name="Schedule">The module-level variable holding the scheduled job's id.</param>
    /// <param name="Folder">Configurable: the folder polled (the path of <c>transport.vfs.FileURI</c>).</param>
    /// <param name="FileNamePattern">The regular expression a file name must fully match (<c>transport.vfs.FileNamePattern</c>), if set.</param>
    /// <param name="IntervalSeconds">The polling interval (<c>interval</c> ms).</param>
    /// <param name="ContentType">The content type files are read as (<c>transport.vfs.ContentType</c>); null: by the file's extension, as FileInjectHandler does.</param>
    /// <param name="MoveAfterProcess">Configurable: the folder a processed file is moved to; null: it is deleted.</param>
    /// <param name="MoveAfterFailure">Configurable: the folder a failed file is moved to; null: it is deleted.</param>
    public sealed record File(
        Symbol Job,
        Symbol Schedule,
        Symbol Folder,
        string? FileNamePattern,
        decimal IntervalSeconds,
        string? ContentType,
        Symbol? MoveAfterProcess,
        Symbol? MoveAfterFailure,
        InboundTargetIr Target) : InboundTransportIr
    {
        /// <summary>
        /// <c>transport.vfs.CreateFolder</c> true: a missing folder a file is moved to is created first, with its parents
        /// (FilePollingConsumer.moveOrDeleteAfterProcessing, VFSTransportListener: <c>moveToDirectory.createFolder()</c>).
        /// </summary>
        public bool CreateFolder { get; init; }

        /// <summary>
        /// <c>transport.vfs.MoveTimestampFormat</c>: a moved file's name starts with the time as this SimpleDateFormat
        /// pattern writes it (split as <c>formatSystemDate</c> takes it); empty: the name is kept.
        /// </summary>
        public ImmutableArray<string> MoveTimestamp { get; init; } = [];
    }

    /// <summary>
    /// A file inbound endpoint or a proxy's vfs transport on a remote folder (ftp, ftps, sftp): an <c>ftp:Listener</c>
    /// (ballerina/ftp) polling the folder every interval, whose service reads each file whose name fully matches the
    /// pattern, runs the sequence with its content, then deletes, moves or leaves it.
    /// </summary>
    /// <param name="Protocol">The protocol of the URI's scheme.</param>
    /// <param name="Host">Configurable: the URI's host.</param>
    /// <param name="Port">Configurable int: the URI's port, else the protocol's default.</param>
    /// <param name="Username">Configurable: the URI's user, if it has one.</param>
    /// <param name="Password">Required configurable: the URI's password, if it has one (its value never leaves the input).</param>
    /// <param name="Folder">Configurable: the folder polled (the URI's path).</param>
    /// <param name="FileNamePattern">The Java regular expression a file name must fully match (<c>transport.vfs.FileNamePattern</c>), if set.</param>
    /// <param name="IntervalSeconds">The polling interval.</param>
    /// <param name="ContentType">The content type files are read as (<c>transport.vfs.ContentType</c>); null: by the file's extension.</param>
    /// <param name="AfterProcess">What happens to a file once the sequence ran.</param>
    /// <param name="MoveAfterProcess">Configurable: the folder (on the same server) <see cref="RemoteFileAction.Move"/> moves a processed file to.</param>
    /// <param name="AfterFailure">What happens to a file that cannot be read.</param>
    /// <param name="MoveAfterFailure">Configurable: the folder (on the same server) <see cref="RemoteFileAction.Move"/> moves a failed file to.</param>
    /// <param name="UserDirIsRoot">Whether paths are read from the login (home) folder, as the Micro Integrator's Commons VFS reads them by default; false only when the URI option or <c>transport.vfs.SFTPUserDirIsRoot</c> says false.</param>
    public sealed record Ftp(
        RemoteFileProtocol Protocol,
        Symbol Host,
        Symbol Port,
        Symbol? Username,
        Symbol? Password,
        Symbol Folder,
        string? FileNamePattern,
        decimal IntervalSeconds,
        string? ContentType,
        RemoteFileAction AfterProcess,
        Symbol? MoveAfterProcess,
        RemoteFileAction AfterFailure,
        Symbol? MoveAfterFailure,
        bool UserDirIsRoot,
        InboundTargetIr Target) : InboundTransportIr;
}

/// <summary>The protocols of ballerina/ftp's listener.</summary>
public enum RemoteFileProtocol
{
    Ftp,
    Ftps,
    Sftp,
}

/// <summary>What happens to a remote file after it is processed (or fails): ActionAfterProcess / ActionAfterFailure.</summary>
public enum RemoteFileAction
{
    Delete,
    Move,
    None,
}
