using System.Collections.Immutable;
using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

// Lowering of <inboundEndpoint>: a listener of its own that runs the endpoint's sequence for every message (§9.1).
public sealed partial class Lowerer
{
    /// <summary>Parameters every polling inbound endpoint reads (the MI's GenericInboundListener): they tune the poll, which a Ballerina listener does not do.</summary>
    private static readonly string[] PollingParameters = ["interval", "sequential", "coordination"];

    /// <summary>
    /// An inbound endpoint becomes a listener with a service that creates a message context for every message and
    /// runs the endpoint's sequence (the main sequence when it names none, as the Micro Integrator does), and on a
    /// failure its onError sequence (HTTP and JMS: else the global fault sequence). HTTP(S) and JMS are translated; other
    /// protocols, custom classes and settings that change who receives a message stay a TODO carrying every
    /// parameter (SB0227).
    /// </summary>
    private InboundIr? LowerInbound(InboundEndpointSyntax inbound) => LowerInboundTransport(inbound) is { } lowered ? lowered with { Properties = InboundProperties(inbound, lowered.Transport) } : null;

    /// <summary>
    /// What the Micro Integrator's inbound endpoint of this transport sets on each message before it injects it: JMS
    /// (JMSInjectHandler.invoke), file and FTP (FileInjectHandler), RabbitMQ (RabbitMQInjectHandler) and HTTP
    /// (InboundHttpServerWorker) set <c>inbound.endpoint.name</c>, <c>ARTIFACT_NAME</c> and <c>isInbound</c>, JMS also each
    /// parameter as a property (InboundEndpoint.getParametersMap); MQTT (MqttInjectHandler) sets <c>isInbound</c> alone.
    /// Kafka (the KafkaMessageConsumer connector) is left as it was. A parameter the listener reads from a configurable is
    /// set from it; another credential becomes a required secret configurable (SB0212), never a literal.
    /// </summary>
    private InboundPropertiesIr? InboundProperties(InboundEndpointSyntax inbound, InboundTransportIr transport)
    {
        switch (transport)
        {
            case InboundTransportIr.Mqtt:
                return new InboundPropertiesIr(null, []);
            case InboundTransportIr.File or InboundTransportIr.Ftp or InboundTransportIr.RabbitMq or InboundTransportIr.Http:
                return new InboundPropertiesIr(inbound.Name, []);
            case InboundTransportIr.Jms jms:
                var read = new Dictionary<string, Symbol?>(StringComparer.Ordinal)
                {
                    ["java.naming.factory.initial"] = jms.ContextFactory,
                    ["java.naming.provider.url"] = jms.ProviderUrl,
                    ["transport.jms.ConnectionFactoryJNDIName"] = jms.ConnectionFactory,
                    ["transport.jms.UserName"] = jms.Username,
                    ["transport.jms.Password"] = jms.Password,
                    // A destination resolved at deployment is the value the Micro Integrator sets, the configurable's.
                    ["transport.jms.Destination"] = jms.DestinationSetting,
                };
                var parameters = ImmutableArray.CreateBuilder<InboundParameterIr>();
                foreach (var parameter in inbound.Parameters.GroupBy(p => p.Name, StringComparer.Ordinal).Select(g => g.Last()))
                {
                    if (read.TryGetValue(parameter.Name, out var held) && held is not null)
                    {
                        parameters.Add(new InboundParameterIr(parameter.Name, null, held));
                    }
                    else if (parameter.Text is not { } text)
                    {
                        continue; // an XML or registry-key parameter: reported with the listener's settings
                    }
                    else if (SecretNames.IsSecret(parameter.Name) || SecretNames.IsSecret(parameter.Name.Split('.')[^1]) || HasCredentials(text))
                    {
                        var secret = _symbols.Module(SymbolKind.Configurable, inbound.Name + " " + parameter.Name);
                        _configurables.Add(new ConfigurableIr(secret, ConfigurableType.String, null, $"Parameter {parameter.Name} of inbound endpoint '{inbound.Name}', set as a message property.", Secret: true));
                        _diagnostics.Report(DiagnosticCatalog.SecretConfigurable, parameter.Location, $"{inbound.Name} {parameter.Name}");
                        parameters.Add(new InboundParameterIr(parameter.Name, null, secret));
                    }
                    else
                    {
                        parameters.Add(new InboundParameterIr(parameter.Name, text, null));
                    }
                }

                return new InboundPropertiesIr(inbound.Name, parameters.ToImmutable());
            default:
                return null;
        }
    }

    private InboundIr? LowerInboundTransport(InboundEndpointSyntax inbound)
    {
        if (!ReferenceEquals(_model.Artifacts.OfType<InboundEndpointSyntax>().First(i => i.Name == inbound.Name), inbound))
        {
            return null; // a duplicate name (SB0501): the first one is deployed
        }

        var protocol = inbound.Protocol?.Trim().ToLowerInvariant();
        var parameters = inbound.Parameters.GroupBy(p => p.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        if (inbound.ClassName?.Trim() == KafkaConsumerClass)
        {
            return LowerKafkaInbound(inbound, parameters);
        }

        if (inbound.ClassName is { } className)
        {
            return NotTranslatedInbound(inbound, $"class {className}", $"it runs the custom Java class {className}; write a listener (or a ballerina/task job that polls) for its source by hand");
        }

        switch (protocol)
        {
            case "http" or "https":
                return LowerHttpInbound(inbound, protocol == "https", parameters);
            case "jms":
                return LowerJmsInbound(inbound, parameters);
            case "kafka":
                // The built-in kafka protocol is the Kafka 0.8 consumer: it finds the brokers through ZooKeeper (zookeeper.connect).
                return NotTranslatedInbound(inbound, protocol, "the built-in kafka protocol reaches the brokers through ZooKeeper (zookeeper.connect, consumer.type highlevel/simple), which a kafka:Listener (ballerinax/kafka) cannot: give it the brokers' bootstrap servers, group.id and topics, and run the sequence for each record in onConsumerRecord");
            case "rabbitmq":
                return LowerRabbitMqInbound(inbound, parameters);
            case "file" or "vfs":
                return LowerFileInbound(inbound, protocol, parameters);
            case "mqtt":
                return LowerMqttInbound(inbound, parameters);
            case "httpws" or "httpswss" or "ws" or "wss":
                return NotTranslatedInbound(inbound, protocol, "WebSocket inbound endpoints have no generated counterpart; use a websocket:Listener (ballerina/websocket) whose service runs the sequence for each frame");
            case "hl7":
                return NotTranslatedInbound(inbound, protocol, "Ballerina has no MLLP listener for HL7 in the standard library; use a tcp:Listener (ballerina/tcp) with the ballerinax/health.hl7v2 parser");
            case "cdc":
                return NotTranslatedInbound(inbound, protocol, "use a cdc:Listener (ballerinax/cdc) with the database connection and the tables to watch");
            default:
                return NotTranslatedInbound(inbound, protocol ?? "no protocol", "the protocol has no Ballerina listener the converter knows");
        }
    }

    /// <summary>An inbound endpoint left to write by hand: SB0227 and a TODO with its XML, every parameter included (credentials masked).</summary>
    private InboundIr? NotTranslatedInbound(InboundEndpointSyntax inbound, string what, string reason)
    {
        _diagnostics.Report(DiagnosticCatalog.InboundNotTranslated, inbound.Location, inbound.Name, what, reason);
        var target = inbound.Sequence is { } sequence ? $"sequence '{sequence}'" : "the main sequence";
        var onError = inbound.OnError is { } fault ? $", failures to '{fault}'" : string.Empty;
        _pending.Add(new PendingArtifactIr(new NotTranslatedIr(DiagnosticCatalog.InboundNotTranslated, $"inbound endpoint ({what}) injecting into {target}{onError} is not translated: {reason}"), inbound));
        return null;
    }

    /// <summary>The function the messages are injected into: the named sequence, or main when the endpoint names none or an unknown one (SB0502 reported).</summary>
    private (Symbol Function, string Name)? InboundTarget(InboundEndpointSyntax inbound)
    {
        if (inbound.Sequence is { } name && _sequenceFunctions.TryGetValue(name, out var function))
        {
            return (function, name);
        }

        return _sequenceFunctions.TryGetValue("main", out var main) ? (main, "main") : null;
    }

    /// <summary>
    /// The fault handling of an HTTP or JMS inbound endpoint: its onError sequence (a function that runs it with the
    /// error recorded), else the global fault sequence, as InboundHttpServerWorker and JMSInjectHandler push a
    /// MediatorFaultHandler for what their getFaultSequence gives (onError, else synCtx.getFaultSequence()): the
    /// project's 'fault' sequence, or the Micro Integrator's default one when the project defines none.
    /// </summary>
    private Symbol? InboundFault(InboundEndpointSyntax inbound) =>
        InboundOnError(inbound) ?? GlobalFaultFunction();

    /// <summary>
    /// The fault handling of a polling or listening inbound endpoint other than HTTP and JMS (file/vfs, ftp, RabbitMQ,
    /// MQTT, Kafka): its onError sequence only. Their inject handlers (FileInjectHandler, RabbitMQInjectHandler,
    /// MqttInjectHandler, KafkaMessageConsumer.injectMessage) only set the sequence's error handler to onError
    /// (SequenceMediator pushes it when it runs) and push no other fault handler, so without onError a failure finds an
    /// empty fault stack in Axis2SynapseEnvironment.injectInbound ("no fault handler"): the global fault sequence
    /// never runs, and the handler's own failure path applies (the file's after-failure action, a logged record).
    /// </summary>
    private Symbol? InboundOnError(InboundEndpointSyntax inbound) =>
        inbound.OnError is { } onError && _sequenceFunctions.ContainsKey(onError)
            ? OnErrorFunction(onError, $"inbound endpoint '{inbound.Name}' (onError)", inbound.Location)
            : null;

    /// <summary>
    /// Local file polling parameters whose value, as written, is what the Micro Integrator does without them: not
    /// reported. FileInjectHandler.invoke streams only for <c>"true".equals(transport.vfs.Streaming)</c> and builds the
    /// payload only for <c>"true".equals(transport.vfs.Build)</c>; FilePollingConsumer.setupParams reads
    /// <c>transport.vfs.AutoLockRelease</c> and <c>transport.vfs.DistributedLock</c> with Boolean.parseBoolean over a
    /// false default. (VFSConstants, wso2-synapse commons, names them.) Locking, sorting and CreateFolder: see
    /// <see cref="FilePollingUnread"/> and the lowering of the file inbound endpoint.
    /// </summary>
    private static readonly (string Name, string Default, StringComparison Comparison)[] FilePollingDefaults =
    [
        ("transport.vfs.Streaming", "false", StringComparison.OrdinalIgnoreCase),
        ("transport.vfs.Build", "false", StringComparison.OrdinalIgnoreCase),
        ("transport.vfs.AutoLockRelease", "false", StringComparison.OrdinalIgnoreCase),
        ("transport.vfs.DistributedLock", "false", StringComparison.OrdinalIgnoreCase),
    ];

    /// <summary>
    /// Parameters of a local file inbound endpoint that change nothing FilePollingConsumer does, as written beside the
    /// others: not reported (an Integration Studio file inbound endpoint writes them all). FilePollingConsumer never reads
    /// the VFS transport's failed-records file settings (<c>FailedRecordsFileName</c>, <c>FailedRecordsFileDestination</c>,
    /// <c>MoveFailedRecordTimestampFormat</c>, <c>FailedRecordNextRetryDuration</c>: its failed moves are <c>.fail</c>
    /// records, VFSUtils.markFailRecord) nor <c>ReplyFileName</c> (the VFS sender's), and <c>SFTPUserDirIsRoot</c> is an
    /// SFTP option (VFSUtils.parseSchemeFileOptions) a local folder has no use for. It locks a file unless
    /// <c>transport.vfs.Locking</c> is <c>disable</c>, and the job takes no lock whatever the value (one poller per
    /// folder). It sorts only when <c>transport.vfs.FileSortAttribute</c> is exactly <c>Name</c>, <c>Size</c> or
    /// <c>Lastmodifiedtimestamp</c> (setupParams compares with equals: <c>none</c> or <c>name</c> sorts nothing), and
    /// only then reads <c>FileSortAscending</c>; it reads <c>AutoLockReleaseInterval</c> and <c>LockReleaseSameNode</c>
    /// only with <c>AutoLockRelease</c> true, and <c>DistributedTimeout</c> only with <c>DistributedLock</c> true
    /// (Boolean.parseBoolean).
    /// </summary>
    private static IEnumerable<string> FilePollingUnread(Dictionary<string, ConfigParameterSyntax> parameters)
    {
        string? Text(string name) => parameters.TryGetValue(name, out var p) ? p.Text?.Trim() : null;
        bool True(string name) => string.Equals(Text(name), "true", StringComparison.OrdinalIgnoreCase);
        string[] unread =
        [
            "transport.vfs.FailedRecordsFileName", "transport.vfs.FailedRecordsFileDestination", "transport.vfs.MoveFailedRecordTimestampFormat",
            "transport.vfs.FailedRecordNextRetryDuration", "transport.vfs.ReplyFileName", "transport.vfs.SFTPUserDirIsRoot", "transport.vfs.Locking",
        ];
        foreach (var name in unread)
        {
            yield return name;
        }

        if (Text("transport.vfs.FileSortAttribute") is not ("Name" or "Size" or "Lastmodifiedtimestamp"))
        {
            yield return "transport.vfs.FileSortAttribute";
            yield return "transport.vfs.FileSortAscending";
        }

        if (!True("transport.vfs.AutoLockRelease"))
        {
            yield return "transport.vfs.AutoLockReleaseInterval";
            yield return "transport.vfs.LockReleaseSameNode";
        }

        if (!True("transport.vfs.DistributedLock"))
        {
            yield return "transport.vfs.DistributedTimeout";
        }
    }

    /// <summary>The parameters of <paramref name="names"/> whose value is not one of <paramref name="defaults"/> (a value the Micro Integrator treats as the parameter's absence).</summary>
    private static IEnumerable<string> WithoutDefaultValues(IEnumerable<string> names, Dictionary<string, ConfigParameterSyntax> parameters, (string Name, string Default, StringComparison Comparison)[] defaults) =>
        names.Where(name => !(parameters.TryGetValue(name, out var parameter) && parameter.Text?.Trim() is { } value
            && defaults.Any(d => d.Name == name && string.Equals(value, d.Default, d.Comparison))));

    /// <summary>The protocol name <see cref="ReportInboundSettings"/> takes for a local folder's polling job.</summary>
    private const string FilePolling = "file polling";

    /// <summary>Reports the endpoint-level settings the listener does not reproduce, and parameters not applied.</summary>
    private void ReportInboundSettings(InboundEndpointSyntax inbound, IEnumerable<string> notApplied, string protocol)
    {
        void Report(string setting, string consequence) =>
            _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, inbound.Location, "inboundEndpoint", setting, consequence);

        if (inbound.Suspend)
        {
            Report("suspend=\"true\"", "the Micro Integrator deploys the endpoint suspended; the generated listener starts with the package");
        }

        if (!inbound.Handlers.IsEmpty)
        {
            Report("handlers", $"the inbound handlers ({string.Join(", ", inbound.Handlers)}) run Java code on every message; write them by hand");
        }

        ReportAnalytics(inbound.Statistics, inbound.Trace, inbound.Location, "inboundEndpoint", $"inbound endpoint '{inbound.Name}'");

        foreach (var name in notApplied)
        {
            Report($"parameter '{name}'", protocol == FilePolling
                ? "the generated polling job (a task:Job) does not apply it; add it to the job by hand if it matters"
                : $"the {protocol} listener does not apply it; set the equivalent listener option by hand if it matters");
        }
    }

    // ---- HTTP ----

    private InboundIr? LowerHttpInbound(InboundEndpointSyntax inbound, bool https, Dictionary<string, ConfigParameterSyntax> parameters)
    {
        var protocol = https ? "https" : "http";
        string? Text(string name) => parameters.TryGetValue(name, out var p) ? p.Text?.Trim() : null;
        if (Text("dispatch.filter.pattern") is { } pattern)
        {
            // Matching requests go to the APIs and proxies, the others to main: the endpoint's sequence is never run.
            return NotTranslatedInbound(inbound, protocol, $"dispatch.filter.pattern '{pattern}' sends a request whose URI fully matches it to the API that takes it, else to the proxy service its path names, else to the main sequence, and any other request to the main sequence (InboundHttpServerWorker: the inbound endpoint's own sequence never runs once a pattern is set); serve the APIs and proxies on a second listener on this port and answer the rest with the main sequence's translation, by hand");
        }

        if (Text("inbound.http.port") is not { } portText || !int.TryParse(portText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            return NotTranslatedInbound(inbound, protocol, $"inbound.http.port '{Text("inbound.http.port") ?? "(none)"}' is not a port number");
        }

        if (InboundTarget(inbound) is not { } target)
        {
            return NotTranslatedInbound(inbound, protocol, "it names no sequence the input defines, and the input has no main sequence");
        }

        InboundKeyStoreIr? keyStore = null;
        var known = new List<string> { "inbound.http.port" };
        if (https)
        {
            known.Add("keystore");
            if (!parameters.TryGetValue("keystore", out var store) || store.Xml is not { } storeXml
                || Element(storeXml, "Location") is not { } location)
            {
                return NotTranslatedInbound(inbound, protocol, "it has no keystore with a Location");
            }

            var path = _symbols.Module(SymbolKind.Configurable, inbound.Name + " key store path");
            _configurables.Add(new ConfigurableIr(path, ConfigurableType.String, location, $"Key store of inbound endpoint '{inbound.Name}' (its keystore Location; Ballerina reads PKCS12 key stores: convert a JKS one with keytool).", Secret: false));
            var password = _symbols.Module(SymbolKind.Configurable, inbound.Name + " key store password");
            _configurables.Add(new ConfigurableIr(password, ConfigurableType.String, null, $"Password of the key store of inbound endpoint '{inbound.Name}'.", Secret: true));
            _diagnostics.Report(DiagnosticCatalog.SecretConfigurable, store.Location, $"{inbound.Name} keystore Password");
            keyStore = new InboundKeyStoreIr(path, password);
            foreach (var (setting, present) in new[]
            {
                ("keystore Type/KeyPassword", Element(storeXml, "Type") is { } type && !type.Equals("PKCS12", StringComparison.OrdinalIgnoreCase) || Element(storeXml, "KeyPassword") is not null),
                ("truststore", parameters.ContainsKey("truststore")),
                ("SSLVerifyClient", parameters.ContainsKey("SSLVerifyClient")),
            })
            {
                if (present)
                {
                    _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, inbound.Location, "inboundEndpoint", setting, "the listener uses a PKCS12 key store with one password and no client authentication; configure secureSocket by hand");
                }
            }

            known.AddRange(["truststore", "SSLVerifyClient"]);
        }

        // sequential and coordination tune polling and event-based consumers (VFSProcessor, GenericEventBasedListener);
        // the HTTP inbound endpoint never reads them (HTTPEndpointManager.buildConfiguration), whatever their value.
        ReportInboundSettings(inbound, parameters.Keys.Except(known, StringComparer.Ordinal).Where(k => k is not ("sequential" or "coordination")), protocol);
        foreach (var api in _model.Apis.Where(a => a.BindsTo.Contains(inbound.Name) || a.Resources.Any(r => r.BindsTo.Contains(inbound.Name))))
        {
            // The MI's inbound API handler offers every request to the APIs bound to the endpoint before the sequence.
            _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, inbound.Location, "inboundEndpoint", $"API '{api.Name}' bound to it (binds-to)", "the requests the API matches go to the API in the Micro Integrator; the generated listener runs the sequence for every request, so route them to the API by hand");
        }

        var portSymbol = _symbols.Module(SymbolKind.Configurable, inbound.Name + " port");
        _configurables.Add(new ConfigurableIr(portSymbol, ConfigurableType.Integer, port.ToString(System.Globalization.CultureInfo.InvariantCulture), $"Port of inbound endpoint '{inbound.Name}' (inbound.http.port).", Secret: false));

        var facts = _model.SequenceFacts(target.Name);
        Symbol? outFunction = null;
        if (facts.Sends && _sequenceFunctions.TryGetValue("main", out var main))
        {
            // A response to a send made from a sequence outside a proxy goes to the main sequence (its <out> branch).
            outFunction = _symbols.Module(SymbolKind.Function, inbound.Name + " response");
            _functions.Add(new FunctionIr(outFunction, FunctionKind.OutFlow, true, WithFallThrough([new InvokeStep(null, main, _model.SequenceFacts("main").CanAnswer)], inbound.Location, afterCall: true), $"Runs the main sequence on a response to a send made from inbound endpoint '{inbound.Name}' (its <out> branch).", inbound.Location));
        }

        var body = WithFallThrough([new InvokeStep(null, target.Function, facts.CanAnswer)], inbound.Location);
        var path2 = ImmutableArray.Create<PathSegmentIr>(new PathSegmentIr.Rest("*", SymbolFactory.Local("path")));
        var resource = new ResourceIr("default", path2, body, InboundFault(inbound), outFunction, outFunction is not null, $"ANY request to inbound endpoint '{inbound.Name}' (sequence '{target.Name}')", inbound);
        var summary = $"Inbound endpoint '{inbound.Name}': every {protocol.ToUpperInvariant()} request on port {port} runs sequence '{target.Name}'{(inbound.OnError is { } onError ? $", failures run '{onError}'" : string.Empty)}.";
        return new InboundIr(_symbols.Module(SymbolKind.Listener, inbound.Name + " listener"), inbound.Name, inbound.Description ?? summary, new InboundTransportIr.Http(portSymbol, resource, keyStore), inbound);
    }

    /// <summary>The text of the first element of that local name in an XML fragment, trimmed; null when absent.</summary>
    private static string? Element(string xml, string localName)
    {
        try
        {
            var element = System.Xml.Linq.XElement.Parse(xml);
            return element.DescendantsAndSelf().FirstOrDefault(e => e.Name.LocalName == localName)?.Value.Trim();
        }
        catch (System.Xml.XmlException)
        {
            return null;
        }
    }

    // ---- JMS ----

    private InboundIr? LowerJmsInbound(InboundEndpointSyntax inbound, Dictionary<string, ConfigParameterSyntax> parameters)
    {
        string? Text(string name) => parameters.TryGetValue(name, out var p) ? p.Text?.Trim() : null;
        if (Text("java.naming.factory.initial") is not { } factory || Text("java.naming.provider.url") is not { } providerUrl)
        {
            return NotTranslatedInbound(inbound, "jms", "it has no java.naming.factory.initial or java.naming.provider.url");
        }

        if (Text("transport.jms.Destination") is not { } destination)
        {
            return NotTranslatedInbound(inbound, "jms", "it has no transport.jms.Destination");
        }

        var transacted = string.Equals(Text("transport.jms.SessionTransacted"), "true", StringComparison.OrdinalIgnoreCase);
        var ack = Text("transport.jms.SessionAcknowledgement") ?? "AUTO_ACKNOWLEDGE";
        if (transacted || ack is not ("AUTO_ACKNOWLEDGE" or "DUPS_OK_ACKNOWLEDGE"))
        {
            // The MI acknowledges (or commits) only when the sequence succeeds, and rolls back when it fails.
            return NotTranslatedInbound(inbound, "jms", transacted ? "its session is transacted (the Micro Integrator commits after the sequence and rolls back on failure)" : $"its session acknowledges with {ack} (the Micro Integrator acknowledges only after the sequence succeeds); write the listener with a jms:Caller that acknowledges by hand");
        }

        var factoryType = Text("transport.jms.ConnectionFactoryType") ?? "queue";
        if (factoryType is not ("queue" or "topic"))
        {
            return NotTranslatedInbound(inbound, "jms", $"transport.jms.ConnectionFactoryType '{factoryType}' is neither queue nor topic");
        }

        if (InboundTarget(inbound) is not { } target)
        {
            return NotTranslatedInbound(inbound, "jms", "it names no sequence the input defines, and the input has no main sequence");
        }

        Symbol Configurable(string hint, string? value, string description)
        {
            ReportUnresolvedPlaceholder(value, inbound.Location, hint);
            if (DeployTimeValue.Of(value) is { } deployTime)
            {
                // InboundEndpointFactory resolves each parameter when it deploys the inbound endpoint (ResolverFactory).
                _diagnostics.Report(DiagnosticCatalog.DeployTimeValue, inbound.Location, hint, deployTime.Original, deployTime.Source, DeployTimeValue.AtDeployment, DeployTimeValue.RequiredConfigurable);
                return DeployTimeSetting(deployTime, ConfigurableType.String, deployTime.Describe(description.TrimEnd('.')));
            }

            var symbol = _symbols.Module(SymbolKind.Configurable, inbound.Name + " " + hint);
            _configurables.Add(new ConfigurableIr(symbol, ConfigurableType.String, value, description, Secret: false));
            return symbol;
        }

        var factorySymbol = Configurable("context factory", factory, $"JNDI initial context factory of inbound endpoint '{inbound.Name}' (java.naming.factory.initial).");
        var urlSymbol = Configurable("provider url", providerUrl, $"JNDI provider URL of inbound endpoint '{inbound.Name}' (java.naming.provider.url).");
        var connectionFactory = Configurable("connection factory", Text("transport.jms.ConnectionFactoryJNDIName") ?? "QueueConnectionFactory", $"JNDI name of the connection factory of inbound endpoint '{inbound.Name}' (transport.jms.ConnectionFactoryJNDIName).");
        Symbol? username = Text("transport.jms.UserName") is { } user ? Configurable("username", user, $"User name of inbound endpoint '{inbound.Name}' (transport.jms.UserName).") : null;
        Symbol? password = null;
        if (parameters.TryGetValue("transport.jms.Password", out var passwordParameter))
        {
            password = _symbols.Module(SymbolKind.Configurable, inbound.Name + " password");
            _configurables.Add(new ConfigurableIr(password, ConfigurableType.String, null, $"Password of inbound endpoint '{inbound.Name}' (transport.jms.Password).", Secret: true));
            _diagnostics.Report(DiagnosticCatalog.SecretConfigurable, passwordParameter.Location, $"{inbound.Name} transport.jms.Password");
        }

        string[] known =
        [
            "java.naming.factory.initial", "java.naming.provider.url", "transport.jms.Destination", "transport.jms.SessionTransacted",
            "transport.jms.SessionAcknowledgement", "transport.jms.ConnectionFactoryType", "transport.jms.ConnectionFactoryJNDIName",
            "transport.jms.UserName", "transport.jms.Password", "transport.jms.ContentType", "transport.jms.DestinationType",
            "transport.jms.ReplyDestination",
        ];
        if (Text("transport.jms.DestinationType") is { } destinationType && !string.Equals(destinationType, factoryType, StringComparison.OrdinalIgnoreCase))
        {
            _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, inbound.Location, "inboundEndpoint", $"transport.jms.DestinationType '{destinationType}'", $"the listener consumes a {factoryType}, as transport.jms.ConnectionFactoryType says");
        }

        // interval, sequential and coordination tune the Micro Integrator's polling; the JMS listener is pushed messages.
        ReportInboundSettings(inbound, parameters.Keys.Except(known, StringComparer.Ordinal).Except(PollingParameters, StringComparer.Ordinal), "JMS");
        var canAnswer = _model.SequenceFacts(target.Name).CanAnswer;
        if (_model.SequenceFacts(target.Name).Sends)
        {
            // Synapse injects a send's response as a new message (SynapseCallbackReceiver): with no proxy it runs the main sequence.
            _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, inbound.Location, "inboundEndpoint", $"sequence '{target.Name}'", "the sequence sends a message; the generated listener answers the response to the JMS reply destination directly, where the Micro Integrator runs the main sequence on it first");
        }

        // What the sequence answers (respond, a send's response) goes back over JMS, as JMSInjectHandler.invoke sets up a
        // JMSReplySender: to the message's JMSReplyTo, else to transport.jms.ReplyDestination (a destination of the
        // connection factory's type, JMSConnectionFactory.createDestination); with neither, answering fails (Axis2Sender.sendBack).
        var reply = canAnswer ? new JmsReplyIr(Text("transport.jms.ReplyDestination"), factoryType == "topic") { Inbound = true } : null;
        // As JMSUtils.lookupDestination does through ActiveMQ's JNDI, dynamicQueues/X and dynamicTopics/X name X.
        var (physical, jndiTopic) = JmsJndiNames.Physical(factory, destination);
        var jms = new InboundTransportIr.Jms(factorySymbol, urlSymbol, connectionFactory, username, password, physical, jndiTopic ?? factoryType == "topic", ack, Text("transport.jms.ContentType"), target.Function, canAnswer, InboundFault(inbound)) { Reply = reply, DestinationSetting = InboundDeployTimeName(inbound, destination, "transport.jms.Destination", "the broker's destination name (the physical queue or topic, not a JNDI name)") };
        var summary = $"Inbound endpoint '{inbound.Name}': every message of JMS {factoryType} '{destination}' runs sequence '{target.Name}'{(inbound.OnError is { } onError ? $", failures run '{onError}'" : string.Empty)}.";
        return new InboundIr(_symbols.Module(SymbolKind.Listener, inbound.Name + " listener"), inbound.Name, inbound.Description ?? summary, jms, inbound);
    }
}
