using System.Collections.Immutable;
using SynapseToBal.Syntax;

namespace SynapseToBal.IR;

/// <summary>The acknowledgements a Kafka producer waits for (<c>acks</c>), as <c>kafka:ProducerAcks</c> names them.</summary>
public enum KafkaAcks
{
    /// <summary>acks=0.</summary>
    None,

    /// <summary>acks=1 (the Kafka 2.8 client's default, which the connector uses).</summary>
    Single,

    /// <summary>acks=all (or -1).</summary>
    All,
}

/// <summary>The compression of a Kafka producer (<c>compression.type</c>), as <c>kafka:CompressionType</c> names it.</summary>
public enum KafkaCompression
{
    None,
    Gzip,
    Snappy,
    Lz4,
    Zstd,
}

/// <summary>The security protocol of a Kafka connection (<c>security.protocol</c>), as <c>kafka:SecurityProtocol</c> names it.</summary>
public enum KafkaSecurityProtocol
{
    Plaintext,
    Ssl,
    SaslPlaintext,
    SaslSsl,
}

/// <summary>The SASL mechanisms <c>kafka:AuthenticationConfiguration</c> supports.</summary>
public enum KafkaSaslMechanism
{
    Plain,
    ScramSha256,
    ScramSha512,
}

/// <summary>A numeric producer setting of <c>kafka:ProducerConfiguration</c> and the connection setting it comes from.</summary>
public enum KafkaProducerSetting
{
    /// <summary>bufferMemory (bytes) → bufferMemory.</summary>
    BufferMemory,

    /// <summary>retries → retryCount.</summary>
    RetryCount,

    /// <summary>batchSize (bytes) → batchSize.</summary>
    BatchSize,

    /// <summary>lingerTime (ms) → linger (seconds).</summary>
    Linger,

    /// <summary>sendBufferBytes → sendBuffer.</summary>
    SendBuffer,

    /// <summary>receiveBufferBytes → receiveBuffer.</summary>
    ReceiveBuffer,

    /// <summary>maxRequestSize (bytes) → maxRequestSize.</summary>
    MaxRequestSize,

    /// <summary>reconnectBackoff (ms) → reconnectBackoffTime (seconds).</summary>
    ReconnectBackoffTime,

    /// <summary>reconnectBackoffMax (ms) → reconnectBackoffMaxTime (seconds).</summary>
    ReconnectBackoffMaxTime,

    /// <summary>retryBackoff (ms) → retryBackoffTime (seconds).</summary>
    RetryBackoffTime,

    /// <summary>maxBlockTime (ms) → maxBlock (seconds).</summary>
    MaxBlock,

    /// <summary>requestTimeout (ms) → requestTimeout (seconds).</summary>
    RequestTimeout,

    /// <summary>metadataMaxAge (ms) → metadataMaxAge (seconds).</summary>
    MetadataMaxAge,

    /// <summary>metricsSampleWindow (ms) → metricsSampleWindow (seconds).</summary>
    MetricsSampleWindow,

    /// <summary>metricsNumSamples → metricsNumSamples.</summary>
    MetricsNumSamples,

    /// <summary>maxInFlightRequestsPerConnection → maxInFlightRequestsPerConnection.</summary>
    MaxInFlightRequestsPerConnection,

    /// <summary>connectionsMaxIdleTime (ms) → connectionsMaxIdleTime (seconds).</summary>
    ConnectionsMaxIdleTime,
}

/// <summary>A numeric producer setting with its value in the unit Ballerina reads (seconds for times, else as written).</summary>
public sealed record KafkaNumberIr(KafkaProducerSetting Setting, decimal Value);

/// <summary>SASL authentication (a PlainLoginModule or ScramLoginModule <c>saslJaasConfig</c>): user name and password as configurables.</summary>
public sealed record KafkaSaslIr(KafkaSaslMechanism Mechanism, Symbol Username, Symbol Password);

/// <summary>The trust store and, for client authentication, the key store of an SSL connection, each value a configurable.</summary>
public sealed record KafkaSslIr(Symbol TruststorePath, Symbol TruststorePassword, Symbol? KeystorePath, Symbol? KeystorePassword, Symbol? KeyPassword);

/// <summary>
/// A Kafka connection (a local entry holding <c>&lt;kafkaTransport.init&gt;</c>, wso2-extensions/esb-connector-kafka):
/// one <c>kafka:Producer</c> on its bootstrap servers, with the producer settings, SASL and SSL it sets, that the
/// <c>kafkaTransport.publishMessages</c> operations naming it send on.
/// </summary>
/// <param name="ConnectionName">The local entry's key (what <c>configKey</c> names).</param>
/// <param name="BootstrapServers">The configurable holding the bootstrap servers (comma-separated, as Kafka reads them).</param>
/// <param name="Notes">What differs from the Micro Integrator, for the documentation comment.</param>
public sealed record KafkaConnectionIr(
    Symbol Name,
    string ConnectionName,
    Symbol BootstrapServers,
    KafkaAcks? Acks,
    KafkaCompression? Compression,
    Symbol? ClientId,
    bool? EnableIdempotence,
    ImmutableArray<KafkaNumberIr> Numbers,
    KafkaSecurityProtocol? Protocol,
    KafkaSaslIr? Sasl,
    KafkaSslIr? Ssl,
    ImmutableArray<string> Notes,
    SourceLocation Origin);

/// <summary>A parameter of a <c>publishMessages</c> operation: its name and its value as text.</summary>
public sealed record KafkaParameterIr(string Name, ExprIr Value);

/// <summary>
/// <c>kafkaTransport.publishMessages</c> (KafkaProduceConnector): every parameter becomes the message property
/// <c>publishMessages:&lt;name&gt;</c> (as Synapse's invoke mediator sets it) and every such property a record header;
/// the record's value is the <c>value</c> parameter or the payload written in its content type's format, its key the
/// <c>key</c> parameter or a random UUID; the record is sent to <c>topic</c> (and <c>partitionNo</c>), and its topic,
/// partition and offset become the properties of the same names; the message itself is left as it was.
/// </summary>
/// <param name="Parameters">The operation's parameters, in order.</param>
/// <param name="ForwardHeaders">forwardExistingHeaders "all": the transport headers become record headers too.</param>
public sealed record KafkaPublishStep(
    MediatorSyntax Origin,
    KafkaConnectionIr Connection,
    ImmutableArray<KafkaParameterIr> Parameters,
    bool ForwardHeaders) : StepIr(Origin);
