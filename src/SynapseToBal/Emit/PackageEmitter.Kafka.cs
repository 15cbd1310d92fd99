using System.Globalization;
using SynapseToBal.IR;
using SynapseToBal.Refine;

namespace SynapseToBal.Emit;

public sealed partial class PackageEmitter
{
    /// <summary>The fields of a Kafka connection's kafka:ProducerConfiguration, in the record's order; empty for the defaults.</summary>
    private static List<string> KafkaProducerFields(KafkaConnectionIr connection, NameMap names)
    {
        var fields = new List<string>();
        if (connection.Acks is { } acks)
        {
            fields.Add("acks: " + acks switch
            {
                KafkaAcks.None => "kafka:ACKS_NONE",
                KafkaAcks.Single => "kafka:ACKS_SINGLE",
                KafkaAcks.All => "kafka:ACKS_ALL",
                _ => throw new InvalidOperationException($"Unhandled acks {acks}"),
            });
        }

        if (connection.Compression is { } compression)
        {
            fields.Add("compressionType: " + compression switch
            {
                KafkaCompression.None => "kafka:COMPRESSION_NONE",
                KafkaCompression.Gzip => "kafka:COMPRESSION_GZIP",
                KafkaCompression.Snappy => "kafka:COMPRESSION_SNAPPY",
                KafkaCompression.Lz4 => "kafka:COMPRESSION_LZ4",
                KafkaCompression.Zstd => "kafka:COMPRESSION_ZSTD",
                _ => throw new InvalidOperationException($"Unhandled compression {compression}"),
            });
        }

        if (connection.ClientId is { } clientId)
        {
            fields.Add($"clientId: {names[clientId]}");
        }

        foreach (var number in connection.Numbers)
        {
            fields.Add($"{KafkaFieldName(number.Setting)}: {number.Value.ToString(CultureInfo.InvariantCulture)}");
        }

        if (connection.EnableIdempotence is { } idempotence)
        {
            fields.Add($"enableIdempotence: {(idempotence ? "true" : "false")}");
        }

        if (connection.Ssl is { } ssl)
        {
            var key = ssl.KeystorePath is { } keystorePath && ssl.KeystorePassword is { } keystorePassword
                ? $", key: {{keyStore: {{path: {names[keystorePath]}, password: {names[keystorePassword]}}}{(ssl.KeyPassword is { } keyPassword ? $", keyPassword: {names[keyPassword]}" : string.Empty)}}}"
                : string.Empty;
            fields.Add($"secureSocket: {{cert: {{path: {names[ssl.TruststorePath]}, password: {names[ssl.TruststorePassword]}}}{key}}}");
        }

        if (connection.Sasl is { } sasl)
        {
            var mechanism = sasl.Mechanism switch
            {
                KafkaSaslMechanism.Plain => "kafka:AUTH_SASL_PLAIN",
                KafkaSaslMechanism.ScramSha256 => "kafka:AUTH_SASL_SCRAM_SHA_256",
                KafkaSaslMechanism.ScramSha512 => "kafka:AUTH_SASL_SCRAM_SHA_512",
                _ => throw new InvalidOperationException($"Unhandled mechanism {sasl.Mechanism}"),
            };
            fields.Add($"auth: {{mechanism: {mechanism}, username: {names[sasl.Username]}, password: {names[sasl.Password]}}}");
        }

        if (connection.Protocol is { } protocol)
        {
            fields.Add("securityProtocol: " + protocol switch
            {
                KafkaSecurityProtocol.Plaintext => "kafka:PROTOCOL_PLAINTEXT",
                KafkaSecurityProtocol.Ssl => "kafka:PROTOCOL_SSL",
                KafkaSecurityProtocol.SaslPlaintext => "kafka:PROTOCOL_SASL_PLAINTEXT",
                KafkaSecurityProtocol.SaslSsl => "kafka:PROTOCOL_SASL_SSL",
                _ => throw new InvalidOperationException($"Unhandled protocol {protocol}"),
            });
        }

        return fields;
    }

    /// <summary>The kafka:ProducerConfiguration field a numeric setting goes to.</summary>
    private static string KafkaFieldName(KafkaProducerSetting setting) => setting switch
    {
        KafkaProducerSetting.BufferMemory => "bufferMemory",
        KafkaProducerSetting.RetryCount => "retryCount",
        KafkaProducerSetting.BatchSize => "batchSize",
        KafkaProducerSetting.Linger => "linger",
        KafkaProducerSetting.SendBuffer => "sendBuffer",
        KafkaProducerSetting.ReceiveBuffer => "receiveBuffer",
        KafkaProducerSetting.MaxRequestSize => "maxRequestSize",
        KafkaProducerSetting.ReconnectBackoffTime => "reconnectBackoffTime",
        KafkaProducerSetting.ReconnectBackoffMaxTime => "reconnectBackoffMaxTime",
        KafkaProducerSetting.RetryBackoffTime => "retryBackoffTime",
        KafkaProducerSetting.MaxBlock => "maxBlock",
        KafkaProducerSetting.RequestTimeout => "requestTimeout",
        KafkaProducerSetting.MetadataMaxAge => "metadataMaxAge",
        KafkaProducerSetting.MetricsSampleWindow => "metricsSampleWindow",
        KafkaProducerSetting.MetricsNumSamples => "metricsNumSamples",
        KafkaProducerSetting.MaxInFlightRequestsPerConnection => "maxInFlightRequestsPerConnection",
        KafkaProducerSetting.ConnectionsMaxIdleTime => "connectionsMaxIdleTime",
        _ => throw new InvalidOperationException($"Unhandled setting {setting}"),
    };
}
