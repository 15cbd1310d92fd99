using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

// The WSO2 Kafka connector (wso2-extensions/esb-connector-kafka, connector name kafkaTransport): <kafkaTransport.init>
// connections (local entries) become kafka:Producers, kafkaTransport.publishMessages a publishKafkaMessage call on them.
public sealed partial class Lowerer
{
    private readonly Dictionary<string, KafkaConnectionIr> _kafkaConnections = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _kafkaConnectionProblems = new(StringComparer.Ordinal);
    private readonly List<KafkaConnectionIr> _kafkaConnectionList = new();

    /// <summary>The serializer the connector's String key and value need (KafkaProduceConnector sends both as Strings).</summary>
    internal const string KafkaStringSerializer = "org.apache.kafka.common.serialization.StringSerializer";

    /// <summary>Connection settings that change nothing the producer does (the name, the connection pool's sizing).</summary>
    private static readonly HashSet<string> KafkaInertSettings = new(StringComparer.Ordinal)
    {
        "name", "connectionType", "poolingEnabled", "maxActiveConnections", "maxIdleConnections", "maxWaitTime", "minEvictionTime",
        "evictionCheckInterval", "exhaustedAction", "maxPoolSize",
    };

    /// <summary>The numeric settings and the producer field each becomes; true for a time in milliseconds (Ballerina reads seconds).</summary>
    internal static readonly IReadOnlyDictionary<string, (KafkaProducerSetting Setting, bool Milliseconds)> KafkaNumberSettings = new Dictionary<string, (KafkaProducerSetting, bool)>(StringComparer.Ordinal)
    {
        ["bufferMemory"] = (KafkaProducerSetting.BufferMemory, false),
        ["retries"] = (KafkaProducerSetting.RetryCount, false),
        ["batchSize"] = (KafkaProducerSetting.BatchSize, false),
        ["lingerTime"] = (KafkaProducerSetting.Linger, true),
        ["sendBufferBytes"] = (KafkaProducerSetting.SendBuffer, false),
        ["receiveBufferBytes"] = (KafkaProducerSetting.ReceiveBuffer, false),
        ["maxRequestSize"] = (KafkaProducerSetting.MaxRequestSize, false),
        ["reconnectBackoff"] = (KafkaProducerSetting.ReconnectBackoffTime, true),
        ["reconnectBackoffMax"] = (KafkaProducerSetting.ReconnectBackoffMaxTime, true),
        ["retryBackoff"] = (KafkaProducerSetting.RetryBackoffTime, true),
        ["maxBlockTime"] = (KafkaProducerSetting.MaxBlock, true),
        ["requestTimeout"] = (KafkaProducerSetting.RequestTimeout, true),
        ["metadataMaxAge"] = (KafkaProducerSetting.MetadataMaxAge, true),
        ["metricsSampleWindow"] = (KafkaProducerSetting.MetricsSampleWindow, true),
        ["metricsNumSamples"] = (KafkaProducerSetting.MetricsNumSamples, false),
        ["maxInFlightRequestsPerConnection"] = (KafkaProducerSetting.MaxInFlightRequestsPerConnection, false),
        ["connectionsMaxIdleTime"] = (KafkaProducerSetting.ConnectionsMaxIdleTime, true),
    };

    /// <summary>Settings whose effect the producer cannot reproduce: the connection is not translated.</summary>
    private static readonly Dictionary<string, string> KafkaBlockingSettings = new(StringComparer.Ordinal)
    {
        ["partitionerClass"] = "it sets a partitioner class, a Java class kafka:Producer cannot load",
        ["saslLoginCallbackHandlerClass"] = "it sets a SASL login callback handler class, a Java class kafka:Producer cannot load",
        ["saslOauthbearerTokenEndpointUrl"] = "it authenticates with SASL OAUTHBEARER, which kafka:Producer does not support",
    };

    /// <summary>A PlainLoginModule or ScramLoginModule JAAS configuration with its user name and password.</summary>
    private static readonly Regex KafkaJaas = new(
        @"^\s*org\.apache\.kafka\.common\.security\.(?<module>plain\.PlainLoginModule|scram\.ScramLoginModule)\s+required\s+(?<options>(?:[\w.]+\s*=\s*""[^""]*""\s*)*);?\s*$",
        RegexOptions.CultureInvariant);

    private static readonly Regex KafkaJaasOption = new(@"(?<name>[\w.]+)\s*=\s*""(?<value>[^""]*)""", RegexOptions.CultureInvariant);

    /// <summary>
    /// A <c>&lt;kafkaTransport.init&gt;</c> local entry: one kafka:Producer (KafkaConnection builds a KafkaProducer from
    /// the same settings). False when the connection cannot be translated (a serializer other than StringSerializer,
    /// Kerberos or OAuth, a partitioner class, ...); the reason is kept for the operations that use it.
    /// </summary>
    /// <summary>
    /// The parameters the connector's init template (kafka_config/init.xml of wso2-extensions/esb-connector-kafka)
    /// declares: the Micro Integrator hands only these to KafkaConnection (as <c>kafka.&lt;name&gt;</c> properties), so a
    /// setting of another name is read by nothing.
    /// </summary>
    private static readonly HashSet<string> KafkaInitParameters = new(StringComparer.Ordinal)
    {
        "name", "bootstrapServers", "keySerializerClass", "valueSerializerClass", "schemaRegistryUrl", "basicAuthCredentialsSource",
        "basicAuthUserInfo", "acks", "bufferMemory", "compressionType", "retries", "sslKeyPassword", "sslKeystoreLocation",
        "sslKeystorePassword", "sslTruststoreLocation", "sslTruststorePassword", "batchSize", "clientId", "connectionsMaxIdleTime",
        "lingerTime", "maxBlockTime", "maxRequestSize", "partitionerClass", "receiveBufferBytes", "requestTimeout", "saslJaasConfig",
        "saslKerberosServiceName", "saslMechanism", "securityProtocol", "sendBufferBytes", "sslEnabledProtocols", "sslKeystoreType",
        "sslProtocol", "sslProvider", "sslTruststoreType", "timeout", "blockOnBufferFull", "maxInFlightRequestsPerConnection",
        "metadataFetchTimeout", "metadataMaxAge", "metricReporters", "metricsNumSamples", "metricsSampleWindow", "reconnectBackoff",
        "retryBackoff", "saslKerberosKinitCmd", "saslKerberosMinTimeBeforeRelogin", "saslKerberosTicketRenewJitter",
        "saslKerberosTicketRenewWindowFactor", "sslCipherSuites", "sslEndpointIdentificationAlgorithm", "sslKeymanagerAlgorithm",
        "sslSecureRandomImplementation", "sslTrustmanagerAlgorithm", "poolingEnabled", "maxActiveConnections", "maxIdleConnections",
        "maxWaitTime", "minEvictionTime", "evictionCheckInterval", "exhaustedAction", "useLatestVersion", "autoRegisterSchemas",
        "subjectNameStrategy", "keySubjectNameStrategy", "saslOauthbearerTokenEndpointUrl", "saslLoginCallbackHandlerClass",
        "saslOauthbearerScopeClaimName", "saslLoginConnectTimeout", "saslLoginReadTimeout", "saslLoginRetryBackoff",
        "saslLoginRetryBackoffMax", "enableIdempotence", "messageSendMaxRetries", "reconnectBackoffMax", "sendCallbackHandlerClass",
    };

    /// <summary>
    /// Why a setting the init template does not declare changes nothing, naming the declared one meant when its name
    /// is the setting's without a unit suffix (<c>lingerMs</c>: <c>lingerTime</c>).
    /// </summary>
    private static string UndeclaredKafkaSetting(string name)
    {
        var stem = System.Text.RegularExpressions.Regex.Replace(name, "(Ms|Millis|Milliseconds|Time|Timeout|Interval)$", string.Empty, System.Text.RegularExpressions.RegexOptions.CultureInvariant);
        var meant = stem.Length >= 4
            ? KafkaInitParameters.Where(p => p != name && p.StartsWith(stem, StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal).FirstOrDefault()
            : null;
        return "the init template of the Kafka connector 3.x declares no such parameter, so the Micro Integrator reads nothing of it"
            + (meant is null ? string.Empty : $" (the parameter for this is '{meant}')");
    }

    private bool TryLowerKafkaConnection(LocalEntrySyntax entry, string xml)
    {
        if (ConnectionSettings(entry, xml, _kafkaConnectionProblems, "kafkaTransport.init") is not { } settings)
        {
            return false;
        }

        string? Setting(string name) => settings.TryGetValue(name, out var value) && value.Trim().Length > 0 ? value.Trim() : null;
        bool Dynamic(string text) => text.StartsWith('{') && text.EndsWith('}') && !ConnectionVault.IsMatch(text) && !ConnectionConfig.IsMatch(text);

        string? problem = null;
        if (Setting("bootstrapServers") is not { } servers)
        {
            problem = "it does not set 'bootstrapServers'";
        }
        else if (Dynamic(servers))
        {
            problem = $"its bootstrapServers is an expression ({servers}) evaluated on the message when the connection is made";
        }

        // KafkaConnection: both serializer classes are mandatory; the connector sends its key and value as Strings.
        foreach (var serializer in new[] { "keySerializerClass", "valueSerializerClass" })
        {
            problem ??= Setting(serializer) switch
            {
                null => $"it does not set '{serializer}' (the connector then fails to connect)",
                KafkaStringSerializer => null,
                "io.confluent.kafka.serializers.KafkaAvroSerializer" => $"its {serializer} is the Confluent Avro serializer: the connector converts the {(serializer.StartsWith("key", StringComparison.Ordinal) ? "key" : "value")} to Avro with a schema from the operation or the schema registry; configure kafka:Producer's Avro serialisation (keySchema, valueSchema, schemaRegistryConfig) by hand",
                var other => $"its {serializer} is '{other}', not the StringSerializer the connector's String key and value need",
            };
        }

        foreach (var (name, why) in KafkaBlockingSettings)
        {
            if (Setting(name) is not null)
            {
                problem ??= why;
            }
        }

        // A callback handler other than the default logging one publishes failed records to a dead letter topic.
        if (Setting("sendCallbackHandlerClass") is { } handler && handler != "org.wso2.carbon.connector.callbackhandler.DefaultLoggingCallbackHandler")
        {
            problem ??= $"it sets the send callback handler '{handler}' (a dead letter queue producer or a custom class), which kafka:Producer has no counterpart for";
        }

        KafkaAcks? acks = null;
        if (Setting("acks") is { } acksText)
        {
            acks = acksText switch
            {
                "0" => KafkaAcks.None,
                "1" => KafkaAcks.Single,
                "all" or "-1" => KafkaAcks.All,
                _ => null,
            };
            if (acks is null)
            {
                problem ??= $"its acks '{acksText}' is not 0, 1, -1 or all";
            }
        }

        KafkaCompression? compression = null;
        if (Setting("compressionType") is { } compressionText)
        {
            compression = compressionText switch
            {
                "none" => KafkaCompression.None,
                "gzip" => KafkaCompression.Gzip,
                "snappy" => KafkaCompression.Snappy,
                "lz4" => KafkaCompression.Lz4,
                "zstd" => KafkaCompression.Zstd,
                _ => null,
            };
            if (compression is null)
            {
                problem ??= $"its compressionType '{compressionText}' is not one kafka:Producer knows";
            }
        }

        bool? idempotence = null;
        if (Setting("enableIdempotence") is { } idempotenceText)
        {
            idempotence = idempotenceText.ToLowerInvariant() switch
            {
                "true" => true,
                "false" => false,
                _ => null,
            };
            if (idempotence is null)
            {
                problem ??= $"its enableIdempotence '{idempotenceText}' is not true or false";
            }
        }

        var numbers = ImmutableArray.CreateBuilder<KafkaNumberIr>();
        foreach (var (name, (setting, milliseconds)) in KafkaNumberSettings)
        {
            if (Setting(name) is not { } text)
            {
                continue;
            }

            if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                problem ??= $"its {name} '{text}' is not a whole number";
                continue;
            }

            numbers.Add(new KafkaNumberIr(setting, milliseconds ? number / 1000m : number));
        }

        KafkaSecurityProtocol? protocol = null;
        if (Setting("securityProtocol") is { } protocolText)
        {
            protocol = protocolText.ToUpperInvariant() switch
            {
                "PLAINTEXT" => KafkaSecurityProtocol.Plaintext,
                "SSL" => KafkaSecurityProtocol.Ssl,
                "SASL_PLAINTEXT" => KafkaSecurityProtocol.SaslPlaintext,
                "SASL_SSL" => KafkaSecurityProtocol.SaslSsl,
                _ => null,
            };
            if (protocol is null)
            {
                problem ??= $"its securityProtocol '{protocolText}' is not PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL";
            }
        }

        var sasl = protocol is KafkaSecurityProtocol.SaslPlaintext or KafkaSecurityProtocol.SaslSsl;
        KafkaSaslMechanism? mechanism = null;
        string? jaasUser = null;
        string? jaasPassword = null;
        if (sasl)
        {
            // Kafka's default mechanism is GSSAPI (Kerberos).
            var mechanismText = Setting("saslMechanism") ?? "GSSAPI";
            mechanism = mechanismText.ToUpperInvariant() switch
            {
                "PLAIN" => KafkaSaslMechanism.Plain,
                "SCRAM-SHA-256" => KafkaSaslMechanism.ScramSha256,
                "SCRAM-SHA-512" => KafkaSaslMechanism.ScramSha512,
                _ => null,
            };
            if (mechanism is null)
            {
                problem ??= $"it authenticates with SASL {mechanismText}, which kafka:Producer does not support (PLAIN and SCRAM only)";
            }
            else if (Setting("saslJaasConfig") is not { } jaas)
            {
                problem ??= "it authenticates with SASL but sets no saslJaasConfig (the credentials then come from the JVM's JAAS file)";
            }
            else if (KafkaJaas.Match(jaas) is not { Success: true } login)
            {
                problem ??= "its saslJaasConfig is not a PlainLoginModule or ScramLoginModule with a quoted username and password";
            }
            else
            {
                var options = KafkaJaasOption.Matches(login.Groups["options"].Value).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["value"].Value, StringComparer.Ordinal);
                jaasUser = options.GetValueOrDefault("username");
                jaasPassword = options.GetValueOrDefault("password");
                if (jaasUser is null || jaasPassword is null)
                {
                    problem ??= "its saslJaasConfig does not give both a username and a password";
                }
                else if (options.Keys.Any(k => k is not "username" and not "password"))
                {
                    problem ??= $"its saslJaasConfig sets {string.Join(", ", options.Keys.Where(k => k is not "username" and not "password"))}, which kafka:Producer does not set";
                }
            }
        }

        var ssl = protocol is KafkaSecurityProtocol.Ssl or KafkaSecurityProtocol.SaslSsl;
        if (ssl && (Setting("sslTruststoreLocation") is null) != (Setting("sslTruststorePassword") is null))
        {
            problem ??= "it sets only one of sslTruststoreLocation and sslTruststorePassword";
        }

        if (ssl && Setting("sslKeystoreLocation") is not null && (Setting("sslTruststoreLocation") is null || Setting("sslKeystorePassword") is null))
        {
            problem ??= "it sets a key store without a trust store or without its password, which kafka:Producer's secureSocket cannot express";
        }

        foreach (var (name, value) in settings)
        {
            if (!KafkaInertSettings.Contains(name) && value.Trim() is { Length: > 0 } text && Dynamic(text))
            {
                problem ??= $"its {name} is an expression ({text}) evaluated on the message when the connection is made";
            }
        }

        if (problem is not null)
        {
            _kafkaConnectionProblems[entry.Name] = problem;
            return false;
        }

        var configurables = new List<ConfigurableIr>();
        Symbol Value(string setting, string? literal, bool secret)
        {
            var text = literal ?? Setting(setting)!;
            var what = $"{entry.Name} {setting}";
            if (ConnectionVault.Match(text) is { Success: true } vault)
            {
                return DeclareSecret(vault.Groups["alias"].Value);
            }

            var symbol = _symbols.Module(SymbolKind.Configurable, what);
            if (ConnectionConfig.Match(text) is { Success: true } config)
            {
                configurables.Add(new ConfigurableIr(symbol, ConfigurableType.String, null, $"'{setting}' of the Kafka connection '{entry.Name}': the Micro Integrator reads it from its configuration (configs.{config.Groups["name"].Value}).", secret));
            }
            else if (secret)
            {
                // Never a literal: a required configurable, whatever the input holds.
                configurables.Add(new ConfigurableIr(symbol, ConfigurableType.String, null, $"The '{setting}' credential of the Kafka connection '{entry.Name}' (not copied from the Synapse configuration).", Secret: true));
                _diagnostics.Report(DiagnosticCatalog.SecretConfigurable, entry.Location, what);
            }
            else
            {
                configurables.Add(new ConfigurableIr(symbol, ConfigurableType.String, text, $"'{setting}' of the Kafka connection '{entry.Name}'.", Secret: false));
            }

            return symbol;
        }

        var notes = ImmutableArray.CreateBuilder<string>();
        var bootstrap = Value("bootstrapServers", null, false);
        var clientId = Setting("clientId") is not null ? Value("clientId", null, false) : null;

        KafkaSaslIr? saslConfig = null;
        if (sasl)
        {
            saslConfig = new KafkaSaslIr(mechanism!.Value, Value("saslUsername", jaasUser, false), Value("saslPassword", jaasPassword, true));
        }

        KafkaSslIr? sslConfig = null;
        if (ssl && Setting("sslTruststoreLocation") is not null)
        {
            var keystore = Setting("sslKeystoreLocation") is not null;
            sslConfig = new KafkaSslIr(
                Value("sslTruststoreLocation", null, false),
                Value("sslTruststorePassword", null, true),
                keystore ? Value("sslKeystoreLocation", null, false) : null,
                keystore ? Value("sslKeystorePassword", null, true) : null,
                keystore && Setting("sslKeyPassword") is not null ? Value("sslKeyPassword", null, true) : null);

            // KafkaUtils sets both store types to PKCS12; the Kafka client's default (and the connector's) is JKS.
            if (!string.Equals(Setting("sslTruststoreType"), "PKCS12", StringComparison.OrdinalIgnoreCase)
                || (keystore && !string.Equals(Setting("sslKeystoreType"), "PKCS12", StringComparison.OrdinalIgnoreCase)))
            {
                notes.Add("kafka:Producer reads its trust and key stores as PKCS12; the Micro Integrator's are JKS unless sslTruststoreType/sslKeystoreType say otherwise: convert them (keytool -importkeystore -deststoretype PKCS12).");
            }
        }

        var handled = new HashSet<string>(StringComparer.Ordinal)
        {
            "bootstrapServers", "keySerializerClass", "valueSerializerClass", "acks", "compressionType", "enableIdempotence", "clientId",
            "securityProtocol", "sendCallbackHandlerClass",
        };
        handled.UnionWith(KafkaNumberSettings.Keys);
        if (sasl)
        {
            handled.UnionWith(["saslMechanism", "saslJaasConfig"]);
        }

        if (sslConfig is not null)
        {
            handled.UnionWith(["sslTruststoreLocation", "sslTruststorePassword", "sslKeystoreLocation", "sslKeystorePassword", "sslKeyPassword", "sslTruststoreType", "sslKeystoreType"]);
        }

        foreach (var (name, value) in settings)
        {
            var text = value.Trim();
            // https is the Kafka client's own default, which kafka:Producer keeps.
            if (handled.Contains(name) || KafkaInertSettings.Contains(name) || text.Length == 0
                || (name == "sslEndpointIdentificationAlgorithm" && text == "https"))
            {
                continue;
            }

            var why = name switch
            {
                _ when name.StartsWith("ssl", StringComparison.Ordinal) && !ssl => "the connection's securityProtocol uses no SSL, so Kafka does not read it",
                _ when name.StartsWith("sasl", StringComparison.Ordinal) && !sasl => "the connection's securityProtocol uses no SASL, so Kafka does not read it",
                "sslProtocol" or "sslEnabledProtocols" or "sslCipherSuites" or "sslProvider" or "sslEndpointIdentificationAlgorithm" or "sslKeymanagerAlgorithm"
                    or "sslTrustmanagerAlgorithm" or "sslSecureRandomImplementation" => "set it in the producer's secureSocket or additionalProperties by hand",
                "schemaRegistryUrl" or "basicAuthCredentialsSource" or "basicAuthUserInfo" or "useLatestVersion" or "autoRegisterSchemas" or "subjectNameStrategy"
                    or "keySubjectNameStrategy" => "the schema registry is read only with the Avro serializer, which the connection does not use",
                "timeout" or "blockOnBufferFull" or "metadataFetchTimeout" => "the Kafka 2.8 client the connector uses no longer reads it",
                "messageSendMaxRetries" => "the Kafka client does not read it (retries does)",
                _ when !KafkaInitParameters.Contains(name) => UndeclaredKafkaSetting(name),
                _ => "set it in the producer's additionalProperties by hand if it matters",
            };
            notes.Add($"'{name}' is not applied: {why}.");
            _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, entry.Location, "kafkaTransport.init", name, why);
        }

        _configurables.AddRange(configurables);
        var connection = new KafkaConnectionIr(_symbols.Module(SymbolKind.Client, entry.Name), entry.Name, bootstrap, acks, compression, clientId, idempotence,
            numbers.ToImmutable(), protocol, saslConfig, sslConfig, notes.ToImmutable(), entry.Location);
        _kafkaConnections[entry.Name] = connection;
        _kafkaConnectionList.Add(connection);
        return true;
    }

    /// <summary>The parameters of publishMessages whose value changes what the generated call must do differently.</summary>
    private static readonly Dictionary<string, string> KafkaUnsupportedParameters = new(StringComparer.Ordinal)
    {
        ["customHeaders"] = "customHeaders is set (a JSON array of headers with inline expressions), which the generated call does not add",
        ["customHeaderExpression"] = "customHeaderExpression is set (a JSON array of headers computed at run time), which the generated call does not add",
    };

    /// <summary>
    /// <c>&lt;kafkaTransport.publishMessages configKey="..."&gt;</c>: a publishKafkaMessage call on the connection's
    /// producer with every parameter (each also a record header, as the connector's static headers are).
    /// </summary>
    private IEnumerable<StepIr> LowerKafkaPublish(ConnectorOperationMediator operation, FlowContext context)
    {
        if (ConnectionOf(operation, _kafkaConnections, _kafkaConnectionProblems, "kafkaTransport.init", out var todo) is not { } connection)
        {
            return [todo!];
        }

        if (UnreadableOperationShape(operation) is { } unreadable)
        {
            return [unreadable];
        }

        var parameters = ParametersByName(operation);
        if (!parameters.TryGetValue("topic", out var topic) || topic.Value is ValueSyntax.Literal { Text.Length: 0 })
        {
            return [ConnectorTodo(operation, "it sets no topic")];
        }

        foreach (var (name, why) in KafkaUnsupportedParameters)
        {
            if (parameters.TryGetValue(name, out var parameter) && (parameter.Value is not ValueSyntax.Literal literal || literal.Text.Trim().Length > 0))
            {
                return [ConnectorTodo(operation, why)];
            }
        }

        var forward = false;
        if (parameters.TryGetValue("forwardExistingHeaders", out var forwardParameter))
        {
            if (forwardParameter.Value is not ValueSyntax.Literal forwardLiteral)
            {
                return [ConnectorTodo(operation, "its forwardExistingHeaders is computed at run time")];
            }

            var mode = forwardLiteral.Text.Trim();
            if (string.Equals(mode, "filtered", StringComparison.OrdinalIgnoreCase))
            {
                return [ConnectorTodo(operation, "its forwardExistingHeaders is 'filtered' (transport headers chosen by kafkaHeaderPrefix), which the generated call does not reproduce")];
            }

            forward = string.Equals(mode, "all", StringComparison.OrdinalIgnoreCase);
        }

        var arguments = ImmutableArray.CreateBuilder<KafkaParameterIr>();
        foreach (var parameter in operation.PassedParameters)
        {
            if (parameter.Value is ValueSyntax.Literal literal && literal.Text.Contains("${", StringComparison.Ordinal))
            {
                return [ConnectorTodo(operation, $"its {parameter.Name} holds an inline ${{...}} expression, which the connector reads as it is or evaluates depending on the Micro Integrator version")];
            }

            if (parameter.Value is ValueSyntax.InlineXml)
            {
                return [ConnectorTodo(operation, $"its {parameter.Name} is an XML fragment, not text")];
            }

            arguments.Add(new KafkaParameterIr(parameter.Name, parameter.Value switch
            {
                ValueSyntax.Literal text => new StringLiteralIr(Unescaped(text.Text)),
                ValueSyntax.Expression expression => Expr(expression.Syntax, context),
                _ => throw new InvalidOperationException($"Unhandled parameter value {parameter.Value.GetType().Name}"),
            }));
        }

        return [new KafkaPublishStep(operation, connection, arguments.ToImmutable(), forward)];
    }
}
