using System.Collections.Immutable;
using System.Globalization;
using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

// Lowering of the Kafka, RabbitMQ, MQTT and file inbound endpoints: a listener (or, for files, a polling job) that
// creates a message context for every message and runs the endpoint's sequence, its onError sequence on failure.
public sealed partial class Lowerer
{
    /// <summary>The class of the Kafka inbound endpoint the Micro Integrator ships as a connector (wso2-extensions/esb-inbound-kafka).</summary>
    private const string KafkaConsumerClass = "org.wso2.carbon.inbound.kafka.KafkaMessageConsumer";

    /// <summary>
    /// Kafka consumer properties KafkaMessageConsumer passes to the Kafka client unchanged (its createKafkaProperties);
    /// the kafka:Listener passes them the same way through <c>additionalProperties</c>.
    /// </summary>
    private static readonly string[] KafkaClientProperties =
    [
        "auto.commit.interval.ms", "session.timeout.ms", "fetch.min.bytes", "heartbeat.interval.ms", "max.partition.fetch.bytes",
        "auto.offset.reset", "connections.max.idle.ms", "exclude.internal.topics", "fetch.max.bytes", "max.poll.interval.ms",
        "max.poll.records", "partition.assignment.strategy", "receive.buffer.bytes", "request.timeout.ms", "send.buffer.bytes",
        "check.crcs", "client.id", "fetch.max.wait.ms", "metadata.max.age.ms", "reconnect.backoff.ms", "retry.backoff.ms",
    ];

    /// <summary>
    /// The sequence an inbound endpoint runs and its fault handling (its onError sequence only, never the global fault
    /// sequence: <see cref="InboundOnError"/>); null (reported) when there is none to run.
    /// </summary>
    private InboundTargetIr? InboundTargetOf(InboundEndpointSyntax inbound)
    {
        if (InboundTarget(inbound) is not { } target)
        {
            return null;
        }

        return new InboundTargetIr(target.Function, _model.SequenceFacts(target.Name).CanAnswer, InboundOnError(inbound));
    }

    /// <summary>A string configurable of an inbound endpoint, with its Synapse value as the default.</summary>
    private Symbol InboundConfigurable(InboundEndpointSyntax inbound, string hint, string? value, string parameter, ConfigurableType type = ConfigurableType.String, bool localPath = false)
    {
        var description = $"{char.ToUpperInvariant(hint[0])}{hint[1..]} of inbound endpoint '{inbound.Name}' ({parameter})";
        ReportUnresolvedPlaceholder(value, inbound.Location, $"parameter {parameter}");
        if (DeployTimeValue.Of(value) is { } deployTime)
        {
            // InboundEndpointFactory resolves each parameter when it deploys the inbound endpoint (ResolverFactory).
            _diagnostics.Report(DiagnosticCatalog.DeployTimeValue, inbound.Location, $"parameter {parameter}", deployTime.Original, deployTime.Source, DeployTimeValue.AtDeployment, DeployTimeValue.RequiredConfigurable);
            // The MI's value is a VFS URI (file:///var/in); the generated code reads a local path (LocalPath strips the
            // scheme from a value written in the input, which a value set at deployment does not pass through).
            var described = deployTime.Describe(description);
            return DeployTimeSetting(deployTime, type, localPath ? described + " Set it to the folder's local path, without the file:// of the Micro Integrator's URI." : described);
        }

        var symbol = _symbols.Module(SymbolKind.Configurable, inbound.Name + " " + hint);
        _configurables.Add(new ConfigurableIr(symbol, type, value, description + ".", Secret: false));
        return symbol;
    }

    /// <summary>
    /// The configurable for a name an inbound endpoint consumes from (a topic, a queue, a destination) when the Micro
    /// Integrator resolves it at deployment (InboundEndpointFactory resolves every parameter through ResolverFactory:
    /// <c>$SYSTEM:x</c>, <c>$FILE:x</c>, <c>${configs.x}</c>; SB0298); null when the value is written in the input, which
    /// the listener then names as it is.
    /// </summary>
    private Symbol? InboundDeployTimeName(InboundEndpointSyntax inbound, string? value, string parameter, string what)
    {
        if (DeployTimeValue.Of(value) is not { } deployTime)
        {
            ReportUnresolvedPlaceholder(value, inbound.Location, $"parameter {parameter}");
            return null;
        }

        _diagnostics.Report(DiagnosticCatalog.DeployTimeValue, inbound.Location, $"parameter {parameter}", deployTime.Original, deployTime.Source, DeployTimeValue.AtDeployment, DeployTimeValue.RequiredConfigurable);
        return DeployTimeSetting(deployTime, ConfigurableType.String, deployTime.Describe($"{char.ToUpperInvariant(what[0])}{what[1..]} of inbound endpoint '{inbound.Name}' ({parameter})"));
    }

    /// <summary>A required configurable for a credential parameter of an inbound endpoint (SB0212): never its value.</summary>
    private Symbol? InboundSecret(InboundEndpointSyntax inbound, Dictionary<string, ConfigParameterSyntax> parameters, string parameter, string hint)
    {
        if (!parameters.TryGetValue(parameter, out var found))
        {
            return null;
        }

        var symbol = _symbols.Module(SymbolKind.Configurable, inbound.Name + " " + hint);
        _configurables.Add(new ConfigurableIr(symbol, ConfigurableType.String, null, $"{char.ToUpperInvariant(hint[0])}{hint[1..]} of inbound endpoint '{inbound.Name}' ({parameter}).", Secret: true));
        _diagnostics.Report(DiagnosticCatalog.SecretConfigurable, found.Location, $"{inbound.Name} {parameter}");
        return symbol;
    }

    /// <summary>Milliseconds as seconds; null when the text is not a non-negative whole number.</summary>
    private static decimal? Milliseconds(string? text) =>
        text is not null && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var ms) ? ms / 1000m : null;

    /// <summary>
    /// Reports <c>sequential="false"</c>: the Micro Integrator then runs the sequence for several messages at once;
    /// the generated listener runs them one after the other. <c>coordination</c> elects one node of a cluster to
    /// poll, which a single program does not need.
    /// </summary>
    private void ReportSequential(InboundEndpointSyntax inbound, Dictionary<string, ConfigParameterSyntax> parameters)
    {
        if (parameters.TryGetValue("sequential", out var sequential) && string.Equals(sequential.Text?.Trim(), "false", StringComparison.OrdinalIgnoreCase))
        {
            _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, inbound.Location, "inboundEndpoint", "parameter 'sequential' = false", "the Micro Integrator runs the sequence for several messages at once; the generated listener runs them one after the other");
        }
    }

    // ---- Kafka ----

    private InboundIr? LowerKafkaInbound(InboundEndpointSyntax inbound, Dictionary<string, ConfigParameterSyntax> parameters)
    {
        const string what = "kafka";
        string? Text(string name) => parameters.TryGetValue(name, out var p) ? p.Text?.Trim() : null;
        var missing = new[] { "bootstrap.servers", "group.id", "poll.timeout", "contentType", "value.deserializer" }.Where(p => string.IsNullOrEmpty(Text(p))).ToList();
        if (string.IsNullOrEmpty(Text("topic.name")) && string.IsNullOrEmpty(Text("topic.pattern")))
        {
            missing.Add("topic.name");
        }

        if (missing.Count > 0)
        {
            return NotTranslatedInbound(inbound, what, $"it has no {string.Join(", ", missing)} (the Micro Integrator requires them and does not start the endpoint)");
        }

        if (Text("topic.name") is not { Length: > 0 } topic)
        {
            return NotTranslatedInbound(inbound, what, $"it subscribes to the topics matching topic.pattern '{Text("topic.pattern")}', which a kafka:Listener cannot do (it takes topic names); list the topics by hand");
        }

        if (parameters.ContainsKey("topic.partitions"))
        {
            return NotTranslatedInbound(inbound, what, "it reads the partitions of topic.partitions only (the Micro Integrator assigns them instead of joining the group); use a kafka:Consumer with assign by hand");
        }

        if (!string.Equals(Text("enable.auto.commit") ?? "true", "true", StringComparison.OrdinalIgnoreCase))
        {
            return NotTranslatedInbound(inbound, what, "enable.auto.commit is false: the Micro Integrator commits each record after its sequence succeeds and reads a failed record again (failure.retry.count, failure.retry.interval); write that with a kafka:Caller by hand");
        }

        if (Text("value.deserializer") != "org.apache.kafka.common.serialization.StringDeserializer")
        {
            return NotTranslatedInbound(inbound, what, $"value.deserializer '{Text("value.deserializer")}' is not the StringDeserializer; the generated listener reads record values as text, so decode them by hand");
        }

        var secured = parameters.Keys.Where(k => k.StartsWith("ssl.", StringComparison.Ordinal) || k.StartsWith("sasl.", StringComparison.Ordinal) || k == "schema.registry.url").ToList();
        if ((Text("security.protocol") is { } protocol && !protocol.Equals("PLAINTEXT", StringComparison.OrdinalIgnoreCase)) || secured.Count > 0)
        {
            return NotTranslatedInbound(inbound, what, "it connects with TLS or SASL (security.protocol, ssl.*, sasl.*); set the kafka:Listener's securityProtocol, secureSocket and auth by hand");
        }

        if (Milliseconds(Text("poll.timeout")) is not { } pollTimeout)
        {
            return NotTranslatedInbound(inbound, what, $"poll.timeout '{Text("poll.timeout")}' is not a number of milliseconds");
        }

        if (InboundTargetOf(inbound) is not { } target)
        {
            return NotTranslatedInbound(inbound, what, "it names no sequence the input defines, and the input has no main sequence");
        }

        var interval = Milliseconds(Text("interval"));
        if (Text("interval") is { } intervalText && interval is null)
        {
            _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, inbound.Location, "inboundEndpoint", $"parameter 'interval' = '{intervalText}'", "it is not a number of milliseconds; the listener polls at its default interval");
        }

        var servers = InboundConfigurable(inbound, "bootstrap servers", Text("bootstrap.servers"), "bootstrap.servers");
        var group = InboundConfigurable(inbound, "group id", Text("group.id"), "group.id");
        var clientProperties = KafkaClientProperties.Where(parameters.ContainsKey).ToList();
        string[] known =
        [
            "bootstrap.servers", "group.id", "poll.timeout", "contentType", "value.deserializer", "key.deserializer", "topic.name",
            "enable.auto.commit", "security.protocol", "interval", "sequential", "coordination", "kafka.header.prefix", "inbound.behavior",
        ];
        ReportSequential(inbound, parameters);
        ReportInboundSettings(inbound, parameters.Keys.Except(known, StringComparer.Ordinal).Except(clientProperties, StringComparer.Ordinal), "Kafka");
        var kafka = new InboundTransportIr.Kafka(servers, group, topic, interval, pollTimeout, Text("contentType")!, Text("kafka.header.prefix") ?? string.Empty, target)
        {
            TopicSetting = InboundDeployTimeName(inbound, topic, "topic.name", "the topic"),
            ClientProperties = clientProperties.Select(p => new InboundPropertyIr(p, Text(p) ?? string.Empty)).ToImmutableArray(),
        };
        var summary = $"Inbound endpoint '{inbound.Name}': every record of Kafka topic '{topic}' runs sequence '{SequenceName(inbound)}'{OnErrorText(inbound)}.";
        return new InboundIr(_symbols.Module(SymbolKind.Listener, inbound.Name + " listener"), inbound.Name, inbound.Description ?? summary, kafka, inbound);
    }

    /// <summary>The name of the sequence the endpoint runs, for summaries.</summary>
    private string SequenceName(InboundEndpointSyntax inbound) => InboundTarget(inbound)?.Name ?? "main";

    private static string OnErrorText(InboundEndpointSyntax inbound) => inbound.OnError is { } onError ? $", failures run '{onError}'" : string.Empty;

    // ---- RabbitMQ ----

    private InboundIr? LowerRabbitMqInbound(InboundEndpointSyntax inbound, Dictionary<string, ConfigParameterSyntax> parameters)
    {
        const string what = "rabbitmq";
        string? Text(string name) => parameters.TryGetValue(name, out var p) ? p.Text?.Trim() : null;
        bool? Flag(string name) => Text(name) is { } text ? string.Equals(text, "true", StringComparison.OrdinalIgnoreCase) : null;
        if (Text("rabbitmq.connection.factory") is { } factory)
        {
            return NotTranslatedInbound(inbound, what, $"it uses the connection factory '{factory}' of the Micro Integrator's configuration (deployment.toml), whose host and credentials the input does not hold");
        }

        // RabbitMQConsumer: BooleanUtils.toBooleanObject(rabbitmq.queue.auto.ack), true when absent or not a boolean word.
        var manualAck = Text("rabbitmq.queue.auto.ack")?.ToLowerInvariant() is "false" or "no" or "off" or "n" or "f";
        if (manualAck && Text("rabbitmq.message.max.dead.lettered.count") is { } deadLettered && deadLettered != "-1")
        {
            return NotTranslatedInbound(inbound, what, $"rabbitmq.message.max.dead.lettered.count is {deadLettered}: a rejected message dead-lettered more often is published to rabbitmq.message.error.exchange.name / rabbitmq.message.error.queue.routing.key (RabbitMQConsumer.proceedAfterMaxDeadLetteredCount); write that with a rabbitmq:Client by hand");
        }

        decimal requeueDelay = 0;
        if (Text("rabbitmq.message.requeue.delay") is { } delayText)
        {
            // NumberUtils.toLong: 0 when not a number.
            requeueDelay = long.TryParse(delayText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var delay) && delay > 0 ? delay / 1000m : 0;
        }

        if (Flag("rabbitmq.connection.ssl.enabled") == true)
        {
            return NotTranslatedInbound(inbound, what, "it connects with TLS (rabbitmq.connection.ssl.*); set the rabbitmq:Listener's secureSocket by hand");
        }

        if (Text("rabbitmq.exchange.name") is { Length: > 0 } exchange)
        {
            return NotTranslatedInbound(inbound, what, $"it declares exchange '{exchange}' and binds the queue to it (rabbitmq.exchange.*, rabbitmq.queue.routing.key), which a rabbitmq:Listener does not do; declare them with a rabbitmq:Client by hand");
        }

        var portText = Text("rabbitmq.server.port") ?? "5672";
        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            return NotTranslatedInbound(inbound, what, $"rabbitmq.server.port '{portText}' is not a port number");
        }

        if (InboundTargetOf(inbound) is not { } target)
        {
            return NotTranslatedInbound(inbound, what, "it names no sequence the input defines, and the input has no main sequence");
        }

        var host = InboundConfigurable(inbound, "host", Text("rabbitmq.server.host.name") ?? "localhost", "rabbitmq.server.host.name");
        var portSymbol = InboundConfigurable(inbound, "port", port.ToString(CultureInfo.InvariantCulture), "rabbitmq.server.port", ConfigurableType.Integer);
        var username = Text("rabbitmq.server.user.name") is { } user ? InboundConfigurable(inbound, "username", user, "rabbitmq.server.user.name") : null;
        var password = InboundSecret(inbound, parameters, "rabbitmq.server.password", "password");
        var virtualHost = Text("rabbitmq.server.virtual.host") is { } vhost ? InboundConfigurable(inbound, "virtual host", vhost, "rabbitmq.server.virtual.host") : null;
        // RabbitMQConsumer: without rabbitmq.queue.name the endpoint's name is the queue.
        var queue = Text("rabbitmq.queue.name") is { Length: > 0 } name ? name : inbound.Name;
        string[] known =
        [
            "rabbitmq.server.host.name", "rabbitmq.server.port", "rabbitmq.server.user.name", "rabbitmq.server.password", "rabbitmq.server.virtual.host",
            "rabbitmq.queue.name", "rabbitmq.queue.auto.ack", "rabbitmq.queue.durable", "rabbitmq.queue.exclusive", "rabbitmq.queue.auto.delete",
            "rabbitmq.message.content.type", "rabbitmq.connection.ssl.enabled", "rabbitmq.exchange.name", "sequential", "coordination",
            "rabbitmq.channel.consumer.qos", "rabbitmq.message.requeue.delay", "rabbitmq.message.max.dead.lettered.count",
        ];
        // RabbitMQConsumer: basicQos(rabbitmq.channel.consumer.qos), 0 (no limit) when absent or not a number.
        int? prefetch = Text("rabbitmq.channel.consumer.qos") is { } qos && int.TryParse(qos, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count > 0 ? count : null;
        ReportSequential(inbound, parameters);
        ReportInboundSettings(inbound, parameters.Keys.Except(known, StringComparer.Ordinal), "RabbitMQ");
        if (_model.SequenceFacts(SequenceName(inbound)).Sends)
        {
            _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, inbound.Location, "inboundEndpoint", $"sequence '{SequenceName(inbound)}'", "the sequence sends a message; a response is not sent to the message's reply-to queue by the generated listener");
        }

        // RabbitMQConsumer declares the queue through the axis2 transport's RabbitMQUtils.declareQueue: durable unless
        // rabbitmq.queue.durable says otherwise (QUEUE_DURABLE_DEFAULT "true"), not exclusive, not auto-delete unless set.
        // ballerinax/rabbitmq's QueueConfig defaults differ (durable false, autoDelete true), so all three are given.
        var rabbit = new InboundTransportIr.RabbitMq(host, portSymbol, username, password, virtualHost, queue, Flag("rabbitmq.queue.durable") ?? true, Flag("rabbitmq.queue.exclusive") ?? false, Flag("rabbitmq.queue.auto.delete") ?? false, Text("rabbitmq.message.content.type"), prefetch, target)
        {
            QueueSetting = InboundDeployTimeName(inbound, queue, "rabbitmq.queue.name", "the queue"),
            ManualAck = manualAck,
            RequeueDelaySeconds = manualAck ? requeueDelay : 0,
        };
        var summary = $"Inbound endpoint '{inbound.Name}': every message of RabbitMQ queue '{queue}' runs sequence '{SequenceName(inbound)}'{OnErrorText(inbound)}.";
        return new InboundIr(_symbols.Module(SymbolKind.Listener, inbound.Name + " listener"), inbound.Name, inbound.Description ?? summary, rabbit, inbound);
    }

    // ---- MQTT ----

    private InboundIr? LowerMqttInbound(InboundEndpointSyntax inbound, Dictionary<string, ConfigParameterSyntax> parameters)
    {
        const string what = "mqtt";
        string? Text(string name) => parameters.TryGetValue(name, out var p) ? p.Text?.Trim() : null;
        if (Text("mqtt.server.host.name") is not { Length: > 0 } host || Text("mqtt.server.port") is not { Length: > 0 } portText || Text("mqtt.topic.name") is not { Length: > 0 } topic)
        {
            return NotTranslatedInbound(inbound, what, "it has no mqtt.server.host.name, mqtt.server.port or mqtt.topic.name");
        }

        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            return NotTranslatedInbound(inbound, what, $"mqtt.server.port '{portText}' is not a port number");
        }

        var ssl = string.Equals(Text("mqtt.ssl.enable"), "true", StringComparison.OrdinalIgnoreCase);
        if (ssl)
        {
            return NotTranslatedInbound(inbound, what, "it connects with TLS (mqtt.ssl.*); use an ssl:// server URI and set the mqtt:Listener's secureSocket by hand");
        }

        if (InboundTargetOf(inbound) is not { } target)
        {
            return NotTranslatedInbound(inbound, what, "it names no sequence the input defines, and the input has no main sequence");
        }

        // MqttConnectionFactory: a QoS other than 0, 1 or 2 (or none) is 1.
        var qos = Text("mqtt.subscription.qos") is { } qosText && int.TryParse(qosText, NumberStyles.None, CultureInfo.InvariantCulture, out var q) && q is >= 0 and <= 2 ? q : 1;
        var uri = InboundConfigurable(inbound, "server uri", $"tcp://{host}:{port.ToString(CultureInfo.InvariantCulture)}", "tcp:// mqtt.server.host.name : mqtt.server.port");
        var clientId = Text("mqtt.client.id") is { Length: > 0 } id ? InboundConfigurable(inbound, "client id", id, "mqtt.client.id") : null;
        var username = Text("mqtt.subscription.username") is { } user ? InboundConfigurable(inbound, "username", user, "mqtt.subscription.username") : null;
        var password = InboundSecret(inbound, parameters, "mqtt.subscription.password", "password");
        bool? clean = Text("mqtt.session.clean") is { } cleanText ? string.Equals(cleanText, "true", StringComparison.OrdinalIgnoreCase) : null;
        if (clean == false)
        {
            // Paho MQTT 3.1.1 keeps a non-clean session (and its queued QoS 1/2 messages) on the broker across
            // disconnects; ballerina/mqtt speaks MQTT 5, where the session also needs a session expiry interval,
            // which its ConnectionConfiguration does not set: the broker drops the session when the listener stops.
            _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, inbound.Location, "inboundEndpoint", "parameter 'mqtt.session.clean' = false",
                "the Micro Integrator's MQTT 3.1.1 client keeps the session and its queued QoS 1/2 messages on the broker while it is disconnected; the generated MQTT 5 listener sets cleanStart false but no session expiry, so messages published while it is stopped are lost");
        }

        string[] known =
        [
            "mqtt.server.host.name", "mqtt.server.port", "mqtt.topic.name", "mqtt.subscription.qos", "mqtt.client.id", "mqtt.subscription.username",
            "mqtt.subscription.password", "mqtt.session.clean", "content.type", "mqtt.ssl.enable", "sequential", "coordination",
            "mqtt.connection.factory", // only names the client the Micro Integrator keeps for the endpoint
        ];
        ReportSequential(inbound, parameters);
        ReportInboundSettings(inbound, parameters.Keys.Except(known, StringComparer.Ordinal), "MQTT");
        var mqtt = new InboundTransportIr.Mqtt(uri, clientId, topic, qos, username, password, clean, Text("content.type"), target)
        {
            TopicSetting = InboundDeployTimeName(inbound, topic, "mqtt.topic.name", "the topic filter"),
        };
        var summary = $"Inbound endpoint '{inbound.Name}': every message of MQTT topic '{topic}' runs sequence '{SequenceName(inbound)}'{OnErrorText(inbound)}.";
        return new InboundIr(_symbols.Module(SymbolKind.Listener, inbound.Name + " listener"), inbound.Name, inbound.Description ?? summary, mqtt, inbound);
    }

    // ---- File ----

    /// <summary>
    /// The local path of a VFS URI (<c>file:///data/in</c>, <c>file:/data/in</c> or a plain path); null for another
    /// scheme (ftp, sftp, smb, ...). A Windows drive (<c>file:///C:\in</c>, <c>file:/C:/in</c>) is the path from the
    /// drive letter on, as Commons VFS's LocalFileNameParser reads it (<c>C:\in</c>, not <c>/C:\in</c>).
    /// </summary>
    private static string? LocalPath(string uri)
    {
        if (uri.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            var path = uri[5..];
            path = path.StartsWith("///", StringComparison.Ordinal) ? path[2..] : path.StartsWith("//", StringComparison.Ordinal) ? string.Empty : path;
            return path.Length == 0 ? null
                : path.Length >= 3 && path[0] == '/' && char.IsAsciiLetter(path[1]) && path[2] == ':' ? path[1..]
                : path;
        }

        return uri.Contains("://", StringComparison.Ordinal) || uri.Contains('{', StringComparison.Ordinal) ? null : uri;
    }

    private InboundIr? LowerFileInbound(InboundEndpointSyntax inbound, string protocol, Dictionary<string, ConfigParameterSyntax> parameters)
    {
        string? Text(string name) => parameters.TryGetValue(name, out var p) ? p.Text?.Trim() : null;
        if (Text("transport.vfs.FileURI") is not { Length: > 0 } uri)
        {
            return NotTranslatedInbound(inbound, protocol, "it has no transport.vfs.FileURI");
        }

        if (LocalPath(uri) is null && ParseRemoteFolderUri(uri) is { } remote)
        {
            return LowerRemoteFileInbound(inbound, protocol, parameters, uri, remote);
        }

        if (LocalPath(uri) is not { Length: > 0 } folder)
        {
            return NotTranslatedInbound(inbound, protocol, $"transport.vfs.FileURI is not a local folder ({(uri.Contains(':', StringComparison.Ordinal) ? uri[..uri.IndexOf(':', StringComparison.Ordinal)] : "a dynamic value")}); for ftp/sftp use an ftp:Listener (ballerina/ftp) with the path, transport.vfs.FileNamePattern and the interval, and move or delete each file in its onFileChange");
        }

        if (Milliseconds(Text("interval")) is not { } interval || interval <= 0)
        {
            return NotTranslatedInbound(inbound, protocol, $"interval '{Text("interval") ?? "(none)"}' is not a number of milliseconds (the Micro Integrator polls the folder at that interval)");
        }

        Symbol? MoveFolder(string action, string move)
        {
            // FilePollingConsumer compares with MOVE.equals: any other value (DELETE, NONE, "move") deletes the file.
            if (!string.Equals(Text(action), "MOVE", StringComparison.Ordinal))
            {
                return null;
            }

            // FilePollingConsumer: MOVE without a folder to move to deletes the file.
            if (Text(move) is not { Length: > 0 } target || LocalPath(target) is not { Length: > 0 } path)
            {
                _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, inbound.Location, "inboundEndpoint", $"parameter '{action}' = MOVE", $"{move} is missing or not a local folder; the file is deleted, as the Micro Integrator does without it");
                return null;
            }

            return InboundConfigurable(inbound, move == "transport.vfs.MoveAfterProcess" ? "move after process" : "move after failure", path, move, localPath: true);
        }

        if (InboundTargetOf(inbound) is not { } target)
        {
            return NotTranslatedInbound(inbound, protocol, "it names no sequence the input defines, and the input has no main sequence");
        }

        var folderSymbol = InboundConfigurable(inbound, "folder", folder, "transport.vfs.FileURI", localPath: true);
        var processed = MoveFolder("transport.vfs.ActionAfterProcess", "transport.vfs.MoveAfterProcess");
        var failed = MoveFolder("transport.vfs.ActionAfterFailure", "transport.vfs.MoveAfterFailure");
        var moves = processed is not null || failed is not null;
        var createFolder = moves && bool.TryParse(Text("transport.vfs.CreateFolder"), out var create) && create;
        IReadOnlyList<string>? timestamp = null;
        var known = new List<string>
        {
            "transport.vfs.FileURI", "interval", "transport.vfs.ContentType", "transport.vfs.FileNamePattern", "transport.vfs.ActionAfterProcess",
            "transport.vfs.MoveAfterProcess", "transport.vfs.ActionAfterFailure", "transport.vfs.MoveAfterFailure", "sequential", "coordination",
            "transport.vfs.CreateFolder",
        };
        if (parameters.TryGetValue("transport.vfs.MoveTimestampFormat", out var stampParameter) && stampParameter.Text is { } stampPattern)
        {
            // FilePollingConsumer reads it only when it moves a file (moveOrDeleteAfterProcessing), untrimmed.
            timestamp = moves ? JavaDateFormat.Parts(stampPattern) : [];
            known.Add("transport.vfs.MoveTimestampFormat");
            if (timestamp is null)
            {
                _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, stampParameter.Location, "inboundEndpoint", "parameter 'transport.vfs.MoveTimestampFormat'",
                    $"the Micro Integrator starts a moved file's name with the time as SimpleDateFormat '{stampPattern}' writes it; the pattern has a text field (a month or day name, AM/PM, an era, a zone) whose text depends on the JVM's locale, or Java refuses it, so the generated job moves the file under its own name: add the prefix by hand");
            }
        }

        known.AddRange(FilePollingUnread(parameters));
        ReportSequential(inbound, parameters);
        ReportInboundSettings(inbound, WithoutDefaultValues(parameters.Keys.Except(known, StringComparer.Ordinal), parameters, FilePollingDefaults), FilePolling);
        var file = new InboundTransportIr.File(
            _symbols.Module(SymbolKind.Type, inbound.Name + " poller"),
            _symbols.Module(SymbolKind.LocalEntry, inbound.Name + " poll job"),
            folderSymbol,
            Text("transport.vfs.FileNamePattern") is { Length: > 0 } pattern ? pattern : null,
            interval,
            Text("transport.vfs.ContentType") is { Length: > 0 } contentType ? contentType : null,
            processed,
            failed,
            target)
        {
            CreateFolder = createFolder,
            MoveTimestamp = timestamp is { Count: > 0 } ? [.. timestamp] : [],
        };
        var summary = $"Inbound endpoint '{inbound.Name}': every {interval.ToString(CultureInfo.InvariantCulture)} s, each file of '{folder}'{(file.FileNamePattern is { } p2 ? $" whose name matches '{p2}'" : string.Empty)} runs sequence '{SequenceName(inbound)}'{OnErrorText(inbound)}, then is {(processed is null ? "deleted" : file.MoveTimestamp.IsEmpty ? "moved" : "moved, its name prefixed with the time")}.";
        return new InboundIr(_symbols.Module(SymbolKind.Listener, inbound.Name + " listener"), inbound.Name, inbound.Description ?? summary, file, inbound);
    }

    /// <summary>
    /// A file inbound endpoint on an ftp, ftps or sftp folder: an ftp:Listener (ballerina/ftp) polling every interval,
    /// running the sequence for each new file whose name fully matches the pattern, then moving or deleting it as
    /// FilePollingConsumer does (MOVE exactly with a folder on the same server, else delete).
    /// </summary>
    private InboundIr? LowerRemoteFileInbound(InboundEndpointSyntax inbound, string protocol, Dictionary<string, ConfigParameterSyntax> parameters, string uri, RemoteFolderUri remote)
    {
        string? Text(string name) => parameters.TryGetValue(name, out var p) ? p.Text?.Trim() : null;
        if (remote.Protocol is null)
        {
            return NotTranslatedInbound(inbound, protocol, $"transport.vfs.FileURI is on {remote.Scheme}, a file system ballerina/ftp cannot read (it reads ftp, ftps and sftp only); poll the folder from a task:Job by hand (its credentials as required configurables)");
        }

        if (Milliseconds(Text("interval")) is not { } interval || interval <= 0)
        {
            return NotTranslatedInbound(inbound, protocol, $"interval '{Text("interval") ?? "(none)"}' is not a number of milliseconds (the Micro Integrator polls the folder at that interval)");
        }

        var processed = RemoteAfterAction(remote, Text("transport.vfs.ActionAfterProcess"), Text("transport.vfs.MoveAfterProcess"), "transport.vfs.ActionAfterProcess", "transport.vfs.MoveAfterProcess", noneKept: false);
        var failed = RemoteAfterAction(remote, Text("transport.vfs.ActionAfterFailure"), Text("transport.vfs.MoveAfterFailure"), "transport.vfs.ActionAfterFailure", "transport.vfs.MoveAfterFailure", noneKept: false);
        if ((processed.Reason ?? failed.Reason) is { } moveReason)
        {
            return NotTranslatedInbound(inbound, protocol, moveReason);
        }

        if (InboundTargetOf(inbound) is not { } target)
        {
            return NotTranslatedInbound(inbound, protocol, "it names no sequence the input defines, and the input has no main sequence");
        }

        var owner = $"inbound endpoint '{inbound.Name}'";
        ReportSequential(inbound, parameters);
        ReportRemoteVfsSettings(inbound, owner, remote, parameters.Values, processed, failed);
        ReportInboundSettings(inbound, parameters.Keys.Where(k => !RemoteVfsHandled(k) && k is not ("sequential" or "coordination")), "ftp");
        var pattern = Text("transport.vfs.FileNamePattern") is { Length: > 0 } p ? p : null;
        var ftp = RemoteFolderListener(inbound, owner, inbound.Name, remote, pattern, interval, Text("transport.vfs.ContentType") is { Length: > 0 } contentType ? contentType : null, processed, failed, Text("transport.vfs.SFTPUserDirIsRoot"), target);
        var summary = $"Inbound endpoint '{inbound.Name}': every {interval.ToString(CultureInfo.InvariantCulture)} s, each new file of {remote.Scheme} folder '{SecretNames.MaskXml(remote.Path)}' on host '{SecretNames.MaskXml(remote.Host)}'{(pattern is null ? string.Empty : $" whose name matches '{pattern}'")} runs sequence '{SequenceName(inbound)}'{OnErrorText(inbound)}, then is {AfterText(processed.Action)}.";
        return new InboundIr(_symbols.Module(SymbolKind.Listener, inbound.Name + " listener"), inbound.Name, inbound.Description ?? summary, ftp, inbound);
    }
}
