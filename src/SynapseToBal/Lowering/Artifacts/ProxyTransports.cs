using System.Collections.Immutable;
using System.Globalization;
using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

// Lowering of a proxy's non-HTTP transports: jms (Axis2's JMSListener), vfs (the VFS transport listener on a local
// folder), rabbitmq (the RabbitMQ transport) and mailto (MailTransportListener) become the listener forms of inbound
// endpoints (an email:PopListener or ImapListener for mailto), running the proxy's in flow for every message.
public sealed partial class Lowerer
{
    /// <summary>The listeners made for proxies' jms and vfs transports; they go to <c>inbound.bal</c> beside the inbound endpoints'.</summary>
    private readonly List<InboundIr> _proxyListeners = [];

    /// <summary>The configurables of each JMS connection factory setting a proxy listens with, by factory name and Axis2 parameter (shared by the factory's proxies).</summary>
    private readonly Dictionary<(string Factory, string Parameter), Symbol> _proxyJmsFactorySettings = [];

    /// <summary>The JMS connection factories whose unapplied settings were reported (SB0614), by name.</summary>
    private readonly HashSet<string> _proxyJmsFactoriesReported = new(StringComparer.Ordinal);

    /// <summary>The configurables of each axis2.xml RabbitMQ connection factory a proxy listens with, by factory name (shared by its proxies).</summary>
    private readonly Dictionary<string, (Symbol Host, Symbol Port, Symbol Username, Symbol Password)> _proxyRabbitMqFactories = new(StringComparer.Ordinal);

    /// <summary>What a proxy's non-HTTP transport becomes: a listener (<see cref="Jms"/>, <see cref="Vfs"/>) or a reason it does not.</summary>
    private abstract record ProxyTransportPlan(string Transport)
    {
        /// <summary>The proxy parameters the listener applies, or that the transport's own diagnostic names (not reported one by one).</summary>
        public ImmutableArray<string> Applied { get; init; } = [];

        /// <summary>Why the transport is not translated; null when it is.</summary>
        public string? Reason { get; init; }

        /// <summary>
        /// The diagnostic an untranslated transport is reported with: SB0206 (a setting), SB0261 (vfs on a remote file system),
        /// SB0262 (a transport with no listener generated). Its <see cref="Applied"/> parameters are named in its message.
        /// </summary>
        public UntranslatedTransport Kind { get; init; } = UntranslatedTransport.Setting;

        public sealed record Jms(string Destination, bool Topic, string Factory, string? ContentType, ImmutableArray<JmsContentTypeRuleIr> Rules, string? ReplyDestination, bool ReplyTopic) : ProxyTransportPlan("jms");

        public sealed record Vfs(VfsFolder Folder, string? Pattern, decimal IntervalSeconds, string ContentType, VfsFolder? MoveAfterProcess, VfsFolder? MoveAfterFailure) : ProxyTransportPlan("vfs")
        {
            /// <summary>transport.vfs.CreateFolder true: a missing folder a file is moved to is created first.</summary>
            public bool CreateFolder { get; init; }

            /// <summary>transport.vfs.MoveTimestampFormat, split for formatSystemDate: a moved file's name starts with the time; empty: kept.</summary>
            public ImmutableArray<string> MoveTimestamp { get; init; } = [];
        }

        /// <summary>A vfs transport on an ftp, ftps or sftp folder: an ftp:Listener.</summary>
        public sealed record RemoteVfs(RemoteFolderUri Uri, string Pattern, decimal IntervalSeconds, string ContentType, RemoteAfter Processed, RemoteAfter Failed) : ProxyTransportPlan("vfs");

        public sealed record Mail(bool Imap, string ParameterPrefix, string? Host, int Port, string? Username, ConfigParameterSyntax? Password, string Security, decimal IntervalSeconds, string? ContentType, string Address, string? ReplyAddress) : ProxyTransportPlan("mailto");

        public sealed record RabbitMq(string Factory, string Queue, bool QueueFromName, bool Durable, bool Exclusive, bool AutoDelete, string? ContentType, int? PrefetchCount) : ProxyTransportPlan("rabbitmq");

        public sealed record Other(string Name) : ProxyTransportPlan(Name);

        /// <summary>
        /// What the Micro Integrator does for a translated transport that its listener does not (a setting, then the
        /// consequence): reported once each, SB0266 for mailto and SB0267 for rabbitmq.
        /// </summary>
        public ImmutableArray<(string Setting, string Consequence)> Gaps { get; init; } = [];
    }

    /// <summary>A local folder of a vfs transport: its path, or (<paramref name="Unresolved"/>) the URI whose <c>${...}</c> placeholders only the deployment knows, which makes the folder a required configurable.</summary>
    private sealed record VfsFolder(string Path, string? Unresolved);

    /// <summary><c>${name}</c> placeholders in a VFS URI.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"\$\{[^}]*\}", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex VfsPlaceholderPattern();

    /// <summary>
    /// The local folder of a VFS URI (the <c>vfs:</c> prefix removed), or null when it is not local. A URI with
    /// <c>${...}</c> placeholders (<c>file://${root}/in</c>) is local when it is once each placeholder stands for an absolute path.
    /// </summary>
    private static VfsFolder? LocalVfsFolder(string uri)
    {
        if (!uri.Contains("${", StringComparison.Ordinal))
        {
            return LocalPath(uri) is { Length: > 0 } path ? new VfsFolder(path, null) : null;
        }

        // A placeholder at the start may stand for any scheme (ftp://...): local only after a literal file: or /.
        if (!uri.StartsWith("file:", StringComparison.OrdinalIgnoreCase) && !uri.StartsWith('/'))
        {
            return null;
        }

        var probe = VfsPlaceholderPattern().Replace(uri, "/placeholder");
        return LocalPath(probe) is { Length: > 0 } ? new VfsFolder(string.Empty, SecretNames.MaskXml(uri)) : null;
    }

    /// <summary>How an untranslated proxy transport is reported.</summary>
    private enum UntranslatedTransport
    {
        /// <summary>SB0206, with the reason.</summary>
        Setting,

        /// <summary>SB0261: a vfs transport on ftp, sftp, ftps or another remote file system.</summary>
        RemoteFiles,

        /// <summary>SB0262: a transport (amqp, fix, tcp, ...) for which no listener is generated.</summary>
        NoListener,
    }

    /// <summary>
    /// The connection settings of a JMS listener, which a proxy's own parameter overrides: ServiceTaskManagerFactory.createTaskManagerForService
    /// adds the factory's parameters, then the service's, to the properties of the JNDI context and the connection
    /// (addJmsProperties; ServiceTaskManager connects with transport.jms.UserName and transport.jms.Password from them),
    /// and reads the connection factory's JNDI name service first (getRqdStringProperty(key, svc, cf)).
    /// </summary>
    private static readonly string[] ProxyJmsConnectionParameters =
    [
        "java.naming.factory.initial", "java.naming.provider.url", "transport.jms.ConnectionFactoryJNDIName", "transport.jms.UserName", "transport.jms.Password",
    ];

    /// <summary>The JMS parameters Axis2's JMS listener reads from the proxy that the generated listener applies or reports itself.</summary>
    private static readonly string[] ProxyJmsParameters =
    [
        "transport.jms.Destination", "transport.jms.DestinationType", "transport.jms.ConnectionFactory", "transport.jms.ContentType",
        "transport.jms.SessionTransacted", "transport.jms.SessionAcknowledgement", "transport.jms.ReplyDestination", "transport.jms.ReplyDestinationType",
        .. ProxyJmsConnectionParameters,
    ];


    /// <summary>The settings of a server's JMS connection factory the generated listener applies (the rest is SB0614).</summary>
    private static readonly HashSet<string> AppliedJmsFactoryParameters = new(StringComparer.Ordinal)
    {
        "java.naming.factory.initial", "java.naming.provider.url", "transport.jms.ConnectionFactoryJNDIName", "transport.jms.UserName", "transport.jms.Password", "transport.jms.DestinationType",
    };

    /// <summary>How a proxy's JMS listener connects: the configurables of its settings, the server's factory they come from (null when the input has none of that name), and whether it consumes a topic.</summary>
    private sealed record ProxyJmsConnectionPlan(Symbol ContextFactory, Symbol ProviderUrl, Symbol ConnectionFactory, Symbol? Username, Symbol? Password, bool Topic, ServerJmsFactory? Server);

    /// <summary>
    /// The connection of a proxy's JMS listener. Each setting is the proxy's own parameter when it has one (a configurable
    /// of the proxy, its value the default; the password a required secret), else the connection factory's: the factory of
    /// the server's configuration the input holds (deployment.toml [[transport.jms.listener]], axis2.xml
    /// transportReceiver jms; its value the default, named in the configurable's description), else a required
    /// configurable (SB0613 when the input's configuration defines other JMS factories). The destination type is the
    /// proxy's transport.jms.DestinationType, else the factory's (ServiceTaskManagerFactory.getDestinationType: a topic
    /// when it is "topic" in any case).
    /// </summary>
    private ProxyJmsConnectionPlan ProxyJmsConnection(ProxySyntax proxy, ProxyTransportPlan.Jms jms)
    {
        var server = _model.ServerJmsFactories.FirstOrDefault(f => f.Listener && f.Name == jms.Factory);
        var own = proxy.Parameters.GroupBy(p => p.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        if (server is null && _model.ServerJmsFactories.Any(f => f.Listener) && !ProxyJmsConnectionParameters.Take(3).All(own.ContainsKey))
        {
            var defined = string.Join(", ", _model.ServerJmsFactories.Where(f => f.Listener).Select(f => $"'{f.Name}' ({f.Origin})").Distinct(StringComparer.Ordinal));
            _diagnostics.Report(DiagnosticCatalog.JmsFactoryNotInServerConfiguration, proxy.Location, proxy.Name, jms.Factory, $"the input's server configuration does not define (its JMS listener factories: {defined})");
        }

        if (server is not null && _proxyJmsFactoriesReported.Add(jms.Factory))
        {
            var unapplied = server.Parameters.Where(p => !AppliedJmsFactoryParameters.Contains(p.Name)).Select(p => $"{p.Name} ('{(SecretNames.IsSecret(p.Name) || p.Name.EndsWith("credentials", StringComparison.Ordinal) ? "****" : SecretNames.MaskXml(p.Value))}'{(p.Key == p.Name ? string.Empty : ", " + p.Key)})")
                .Concat(server.Unread).ToList();
            if (unapplied.Count > 0)
            {
                _diagnostics.Report(DiagnosticCatalog.JmsFactoryParameterNotApplied, SourceLocation.FileStart(server.Path), jms.Factory, server.Origin,
                    $"{string.Join("; ", unapplied)} {(unapplied.Count == 1 ? "is" : "are")}");
            }
        }

        string Capital(string hint) => char.ToUpperInvariant(hint[0]) + hint[1..];

        Symbol? Setting(string hint, string parameter, bool secret, bool always)
        {
            if (own.TryGetValue(parameter, out var mine))
            {
                // The proxy's parameter wins over the factory's (ServiceTaskManagerFactory: service first).
                var symbol = _symbols.Module(SymbolKind.Configurable, $"{proxy.Name} jms {hint}");
                var of = $"{Capital(hint)} ({parameter}) of proxy service '{proxy.Name}', its own parameter, which the Micro Integrator reads before connection factory '{jms.Factory}''s";
                if (secret || mine.Text?.Trim() is not { Length: > 0 } value || SecretNames.IsPlaceholder(value))
                {
                    _configurables.Add(new ConfigurableIr(symbol, ConfigurableType.String, null, of + (secret ? "; never written here." : " (its value is not written in the input)."), Secret: secret));
                    if (secret)
                    {
                        _diagnostics.Report(DiagnosticCatalog.SecretConfigurable, mine.Location, $"{proxy.Name} {parameter}");
                    }
                }
                else
                {
                    _configurables.Add(new ConfigurableIr(symbol, ConfigurableType.String, value, of + ".", Secret: false));
                }

                return symbol;
            }

            var given = server?.Parameter(parameter);
            if (!always && given is null)
            {
                return null;
            }

            if (_proxyJmsFactorySettings.TryGetValue((jms.Factory, parameter), out var shared))
            {
                return shared;
            }

            var factorySymbol = _symbols.Module(SymbolKind.Configurable, $"jms factory {jms.Factory} {hint}");
            string? defaultValue = null;
            string description;
            if (server is null)
            {
                description = $"{Capital(hint)} ({parameter}) of the JMS connection factory '{jms.Factory}' the Micro Integrator's JMS listener defines (axis2.xml, or deployment.toml [[transport.jms.listener]]); it is not in the project.";
            }
            else if (given is null)
            {
                description = $"{Capital(hint)} ({parameter}) of the JMS connection factory '{jms.Factory}': {server.Table} in {server.Origin} sets none.";
            }
            else if (secret)
            {
                description = $"{Capital(hint)} ({parameter}) of the JMS connection factory '{jms.Factory}': {given.Key} of {server.Table} in {server.Origin} holds it; never written here.";
                _diagnostics.Report(DiagnosticCatalog.SecretConfigurable, SourceLocation.FileStart(server.Path), $"{jms.Factory} {given.Key}");
            }
            else if (SecretNames.IsPlaceholder(given.Value) || given.Value.Contains("${", StringComparison.Ordinal))
            {
                description = $"{Capital(hint)} ({parameter}) of the JMS connection factory '{jms.Factory}': {given.Key} of {server.Table} in {server.Origin} is '{SecretNames.MaskXml(given.Value)}', which the server resolves when it starts.";
            }
            else
            {
                defaultValue = given.Value;
                description = $"{Capital(hint)} ({parameter}) of the JMS connection factory '{jms.Factory}': {given.Key} of {server.Table} in {server.Origin}.";
            }

            _configurables.Add(new ConfigurableIr(factorySymbol, ConfigurableType.String, defaultValue, description, Secret: secret));
            _proxyJmsFactorySettings[(jms.Factory, parameter)] = factorySymbol;
            return factorySymbol;
        }

        var contextFactory = Setting("context factory", "java.naming.factory.initial", secret: false, always: true)!;
        var providerUrl = Setting("provider url", "java.naming.provider.url", secret: false, always: true)!;
        var connectionFactory = Setting("connection factory", "transport.jms.ConnectionFactoryJNDIName", secret: false, always: true)!;
        var username = Setting("username", "transport.jms.UserName", secret: false, always: false);
        var password = Setting("password", "transport.jms.Password", secret: true, always: false);
        var topic = own.ContainsKey("transport.jms.DestinationType")
            ? jms.Topic
            : string.Equals(server?.Parameter("transport.jms.DestinationType")?.Value.Trim(), "topic", StringComparison.OrdinalIgnoreCase);
        return new ProxyJmsConnectionPlan(contextFactory, providerUrl, connectionFactory, username, password, topic, server);
    }

    /// <summary>The VFS parameters the generated polling job applies.</summary>
    private static readonly string[] ProxyVfsParameters =
    [
        "transport.vfs.FileURI", "transport.PollInterval", "transport.vfs.ContentType", "transport.vfs.FileNamePattern", "transport.vfs.ActionAfterProcess",
        "transport.vfs.MoveAfterProcess", "transport.vfs.ActionAfterFailure", "transport.vfs.MoveAfterFailure",
    ];

    /// <summary>Whether the Micro Integrator answers the proxy over HTTP: no <c>transports</c> (every one), or http/https among them.</summary>
    private static bool ServedOverHttp(ProxySyntax proxy) => proxy.Transports.Length == 0 || proxy.Transports.Any(t => t is "http" or "https");

    /// <summary>How an untranslated transport's reason starts: beside the HTTP service, or as the proxy's only way in.</summary>
    private static string ListensOn(ProxySyntax proxy, string transport) => ServedOverHttp(proxy)
        ? $"the proxy also listens on {transport} in the Micro Integrator"
        : $"the proxy listens only on {transport} in the Micro Integrator (no HTTP service is generated, as the MI does not answer it over HTTP; its flow function is kept)";

    /// <summary>Decides, before the flows are lowered, what each non-HTTP transport of the proxy becomes.</summary>
    private List<ProxyTransportPlan> PlanProxyTransports(ProxySyntax proxy)
    {
        var parameters = proxy.Parameters.GroupBy(p => p.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        string? Text(string name) => parameters.TryGetValue(name, out var p) ? p.Text?.Trim() : null;
        var plans = new List<ProxyTransportPlan>();
        foreach (var transport in proxy.Transports.Where(t => t is not ("http" or "https")).Distinct(StringComparer.Ordinal))
        {
            plans.Add(transport switch
            {
                "jms" => PlanProxyJms(proxy, parameters, Text),
                "vfs" => PlanProxyVfs(proxy, parameters, Text),
                "mailto" => PlanProxyMail(proxy, parameters, Text),
                "rabbitmq" => PlanProxyRabbitMq(proxy, parameters, Text),
                _ => PlanProxyOtherTransport(proxy, transport),
            });
        }

        return plans;
    }

    private static ProxyTransportPlan PlanProxyJms(ProxySyntax proxy, Dictionary<string, ConfigParameterSyntax> parameters, Func<string, string?> text)
    {
        ProxyTransportPlan NotTranslated(string reason) => new ProxyTransportPlan.Other("jms") { Reason = $"{ListensOn(proxy, "JMS")}, and the JMS listener is not translated: {reason}" };

        // JMSEndpoint.loadConfiguration: the destination is transport.jms.Destination, else the service's (proxy's) name.
        var destination = parameters.TryGetValue("transport.jms.Destination", out var destinationParameter)
            ? destinationParameter.Text?.Trim() is { Length: > 0 } named ? named : null
            : proxy.Name;
        if (destination is null)
        {
            return NotTranslated("transport.jms.Destination is not a plain name");
        }

        var destinationType = text("transport.jms.DestinationType") ?? "queue";
        if (destinationType is not ("queue" or "topic"))
        {
            return NotTranslated($"transport.jms.DestinationType '{destinationType}' is neither queue nor topic (the Micro Integrator refuses it too)");
        }

        if (string.Equals(text("transport.jms.SessionTransacted"), "true", StringComparison.OrdinalIgnoreCase))
        {
            return NotTranslated("its session is transacted (the Micro Integrator commits after the flow and rolls back when it fails or sets SET_ROLLBACK_ONLY); write the listener with a jms:Caller that commits by hand");
        }

        if (text("transport.jms.SessionAcknowledgement") is { } ack && ack is not ("AUTO_ACKNOWLEDGE" or "DUPS_OK_ACKNOWLEDGE"))
        {
            return NotTranslated($"its session acknowledges with {ack} (the Micro Integrator acknowledges only after the flow succeeds); write the listener with a jms:Caller that acknowledges by hand");
        }

        // JMSEndpoint.loadConfiguration: transport.jms.ReplyDestinationType is exactly queue or topic (default queue); the
        // Micro Integrator refuses any other value and does not listen for the proxy.
        var replyType = text("transport.jms.ReplyDestinationType") ?? "queue";
        if (replyType is not ("queue" or "topic"))
        {
            return NotTranslated($"transport.jms.ReplyDestinationType '{replyType}' is neither queue nor topic (the Micro Integrator refuses it too)");
        }

        string? contentType = null;
        var rules = ImmutableArray<JmsContentTypeRuleIr>.Empty;
        if (parameters.TryGetValue("transport.jms.ContentType", out var contentTypeParameter))
        {
            if (contentTypeParameter.Xml is { } xml)
            {
                if (ContentTypeRules(xml) is not { } parsed)
                {
                    return NotTranslated("transport.jms.ContentType is not a <rules> list of jmsProperty, textMessage, bytesMessage and default (the Micro Integrator refuses it too)");
                }

                rules = parsed;
            }
            else if (contentTypeParameter.Text?.Trim() is { Length: > 0 } plain)
            {
                contentType = plain; // a plain value is a default rule
            }
            else
            {
                return NotTranslated("transport.jms.ContentType is neither a content type nor a <rules> list");
            }
        }
        else
        {
            // Without it JMSEndpoint reads the Content-Type property, else a BytesMessage as binary and a TextMessage as text.
            rules = [new JmsContentTypeRuleIr.Property("Content-Type"), new JmsContentTypeRuleIr.BytesMessage("application/octet-stream"), new JmsContentTypeRuleIr.TextMessage("text/plain")];
        }

        return new ProxyTransportPlan.Jms(destination, destinationType == "topic", text("transport.jms.ConnectionFactory") ?? "default", contentType, rules, text("transport.jms.ReplyDestination") is { Length: > 0 } reply ? reply : null, replyType == "topic")
        {
            Applied = [.. ProxyJmsParameters],
        };
    }

    /// <summary>The rules of a <c>&lt;rules&gt;</c> element, as ContentTypeRuleFactory reads them; null when it is not one.</summary>
    private static ImmutableArray<JmsContentTypeRuleIr>? ContentTypeRules(string xml)
    {
        System.Xml.Linq.XElement element;
        try
        {
            element = System.Xml.Linq.XElement.Parse(xml);
        }
        catch (System.Xml.XmlException)
        {
            return null;
        }

        if (element.Name.LocalName != "rules")
        {
            return null;
        }

        var rules = ImmutableArray.CreateBuilder<JmsContentTypeRuleIr>();
        foreach (var rule in element.Elements())
        {
            // OMElement.getText: the element's text, untrimmed.
            var value = string.Concat(rule.Nodes().OfType<System.Xml.Linq.XText>().Select(t => t.Value));
            JmsContentTypeRuleIr? parsed = rule.Name.LocalName switch
            {
                "jmsProperty" => new JmsContentTypeRuleIr.Property(value),
                "textMessage" => new JmsContentTypeRuleIr.TextMessage(value),
                "bytesMessage" => new JmsContentTypeRuleIr.BytesMessage(value),
                "default" => new JmsContentTypeRuleIr.Default(value),
                _ => null,
            };
            if (parsed is null)
            {
                return null;
            }

            rules.Add(parsed);
        }

        return rules.ToImmutable();
    }

    private static ProxyTransportPlan PlanProxyVfs(ProxySyntax proxy, Dictionary<string, ConfigParameterSyntax> parameters, Func<string, string?> text)
    {
        ProxyTransportPlan NotTranslated(string reason) => new ProxyTransportPlan.Other("vfs") { Reason = $"{ListensOn(proxy, "vfs")}, and the file polling is not translated: {reason}" };
        static string WithoutVfsPrefix(string uri) => uri.StartsWith("vfs:", StringComparison.Ordinal) ? uri[4..] : uri;

        if (text("transport.vfs.FileURI") is not { Length: > 0 } uri)
        {
            return NotTranslated("it has no transport.vfs.FileURI (the Micro Integrator does not poll for it either)");
        }

        if (RemoteFileUri.Match(WithoutVfsPrefix(uri)) is { Success: true } remote && !remote.Groups["scheme"].Value.Equals("file", StringComparison.OrdinalIgnoreCase))
        {
            return PlanRemoteVfs(proxy, uri, text);
        }

        if (LocalVfsFolder(WithoutVfsPrefix(uri)) is not { } folder)
        {
            return NotTranslated($"transport.vfs.FileURI '{SecretNames.MaskXml(uri)}' is not a local folder ({(uri.Contains('{', StringComparison.Ordinal) ? "it starts with a variable, which may name any file system" : "no scheme the VFS listener reads locally")}); write the polling job (ballerina/task and ballerina/file) or an ftp:Listener (ballerina/ftp) for the folder it names by hand");
        }

        // PollTableEntry: transport.vfs.ContentType is required; the proxy is not deployed on vfs without it.
        if (text("transport.vfs.ContentType") is not { Length: > 0 } contentType)
        {
            return NotTranslated("it has no transport.vfs.ContentType, which the Micro Integrator's VFS listener requires");
        }

        // AbstractPollTableEntry: seconds, or milliseconds with an "ms" suffix; 5 minutes when absent.
        var interval = 300m;
        if (text("transport.PollInterval") is { } pollText)
        {
            var ms = pollText.EndsWith("ms", StringComparison.Ordinal);
            if (!int.TryParse(ms ? pollText[..^2] : pollText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || value <= 0)
            {
                return NotTranslated($"transport.PollInterval '{pollText}' is not a positive number of seconds (or of milliseconds with 'ms')");
            }

            interval = ms ? value / 1000m : value;
        }

        VfsFolder? Move(string action, string folderParameter, out string? reason)
        {
            reason = null;
            var option = text(action);
            if (option == "NONE")
            {
                // The file stays where it is; the listener skips it by its last-modified time, which the job does not do.
                reason = $"{action} is NONE (the file stays in the folder); the generated job deletes or moves every file";
                return null;
            }

            if (option != "MOVE")
            {
                return null; // DELETE, the default, and any other value
            }

            if (text(folderParameter) is not { Length: > 0 } target || LocalVfsFolder(WithoutVfsPrefix(target)) is not { } path)
            {
                reason = $"{action} is MOVE and {folderParameter} is missing or not a local folder";
                return null;
            }

            return path;
        }

        var processed = Move("transport.vfs.ActionAfterProcess", "transport.vfs.MoveAfterProcess", out var processReason);
        var failed = Move("transport.vfs.ActionAfterFailure", "transport.vfs.MoveAfterFailure", out var failureReason);
        if ((processReason ?? failureReason) is { } moveReason)
        {
            return NotTranslated(moveReason);
        }

        // VFSTransportListener.scanFileOrDirectory processes a folder's file only when a pattern is set and matches it.
        if (text("transport.vfs.FileNamePattern") is not { Length: > 0 } pattern)
        {
            return NotTranslated("transport.vfs.FileNamePattern is missing, so the Micro Integrator's VFS listener processes no file of the folder (VFSTransportListener.scanFileOrDirectory); set the pattern the files should match");
        }

        // VFSTransportListener.moveOrDeleteAfterProcessing: a missing folder a file is moved to is created first when
        // PollTableEntry read transport.vfs.CreateFolder as "true" (any case), and the moved file's name starts with the
        // time as the SimpleDateFormat transport.vfs.MoveTimestampFormat writes it; the job does both. A pattern with a
        // text field (locale-dependent) stays reported, with the consequence VfsParameterConsequence gives.
        var applied = new List<string>(ProxyVfsParameters);
        var moves = processed is not null || failed is not null;
        var createFolder = moves && string.Equals(text("transport.vfs.CreateFolder"), "true", StringComparison.OrdinalIgnoreCase);
        applied.Add("transport.vfs.CreateFolder"); // true: done; anything else: not done, as by the listener

        IReadOnlyList<string>? timestamp = moves && parameters.TryGetValue("transport.vfs.MoveTimestampFormat", out var stamp) && stamp.Text is { } stampPattern
            ? JavaDateFormat.Parts(stampPattern)
            : null;
        if (timestamp is not null || !moves)
        {
            applied.Add("transport.vfs.MoveTimestampFormat");
        }

        return new ProxyTransportPlan.Vfs(folder, pattern, interval, contentType, processed, failed)
        {
            Applied = [.. applied],
            CreateFolder = createFolder,
            MoveTimestamp = timestamp is { Count: > 0 } ? [.. timestamp] : [],
        };
    }

    /// <summary>A VFS URI on a remote file system: <c>scheme://[user[:password]@]host[:port][/path][?options]</c> (the <c>vfs:</c> prefix removed; <c>\@</c> as written in some projects).</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^(?<scheme>[a-z][a-z0-9+.\-]*)://(?:(?<user>[^:@/\\]*)(?::(?<password>[^@/\\]*))?\\?@)?(?<host>[^:/?]*)(?::(?<port>[^/?]*))?(?<path>/[^?]*)?(?:\?(?<options>.*))?$", System.Text.RegularExpressions.RegexOptions.CultureInvariant | System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex RemoteFileUriPattern();

    private static readonly System.Text.RegularExpressions.Regex RemoteFileUri = RemoteFileUriPattern();

    /// <summary>
    /// A vfs transport polling a remote folder. On ftp, ftps or sftp it becomes an <c>ftp:Listener</c> (ballerina/ftp)
    /// with the URI's host, port, user and path as configurables (the password a required one, never its value); on
    /// another file system (smb, http, ...), or with a move to another server, it is not translated (SB0261): the
    /// message says what the MI does (VFSTransportListener over Commons VFS) and never repeats the URI's password.
    /// </summary>
    private static ProxyTransportPlan PlanRemoteVfs(ProxySyntax proxy, string uri, Func<string, string?> text)
    {
        ProxyTransportPlan NotTranslated(string reason) => new ProxyTransportPlan.Other("vfs") { Reason = $"{ListensOn(proxy, "vfs")}, and the file polling is not translated: {reason}" };
        ProxyTransportPlan Remote(string reason) => new ProxyTransportPlan.Other("vfs")
        {
            Reason = $"{ListensOn(proxy, "vfs")}: {reason}",
            Kind = UntranslatedTransport.RemoteFiles,
            Applied = [.. proxy.Parameters.Select(p => p.Name).Where(RemoteVfsHandled).Distinct(StringComparer.Ordinal)],
        };

        if (ParseRemoteFolderUri(uri) is not { } remote)
        {
            return Remote($"VFSTransportListener polls '{SecretNames.MaskXml(uri)}', a URI whose host or port this does not read; write an ftp:Listener (ballerina/ftp) for the folder it names by hand, its password a required configurable");
        }

        if (remote.Protocol is null)
        {
            return Remote($"VFSTransportListener polls the {remote.Scheme} folder '{SecretNames.MaskXml(remote.Path)}' on host '{SecretNames.MaskXml(remote.Host)}' through Commons VFS; ballerina/ftp reads ftp, ftps and sftp only: poll the folder from a task:Job by hand (its credentials as required configurables)");
        }

        // PollTableEntry: transport.vfs.ContentType is required; the proxy is not deployed on vfs without it.
        if (text("transport.vfs.ContentType") is not { Length: > 0 } contentType)
        {
            return NotTranslated("it has no transport.vfs.ContentType, which the Micro Integrator's VFS listener requires");
        }

        if (PollSeconds(text("transport.PollInterval"), out var pollReason) is not { } interval)
        {
            return NotTranslated(pollReason!);
        }

        // VFSTransportListener.scanFileOrDirectory processes a folder's file only when a pattern is set and matches it.
        if (text("transport.vfs.FileNamePattern") is not { Length: > 0 } pattern)
        {
            return NotTranslated("transport.vfs.FileNamePattern is missing, so the Micro Integrator's VFS listener processes no file of the folder (VFSTransportListener.scanFileOrDirectory); set the pattern the files should match");
        }

        var processed = RemoteAfterAction(remote, text("transport.vfs.ActionAfterProcess"), text("transport.vfs.MoveAfterProcess"), "transport.vfs.ActionAfterProcess", "transport.vfs.MoveAfterProcess", noneKept: true);
        var failed = RemoteAfterAction(remote, text("transport.vfs.ActionAfterFailure"), text("transport.vfs.MoveAfterFailure"), "transport.vfs.ActionAfterFailure", "transport.vfs.MoveAfterFailure", noneKept: true);
        if ((processed.Reason ?? failed.Reason) is { } moveReason)
        {
            return Remote($"VFSTransportListener polls the {remote.Scheme} folder '{SecretNames.MaskXml(remote.Path)}' on host '{SecretNames.MaskXml(remote.Host)}'; {moveReason}");
        }

        return new ProxyTransportPlan.RemoteVfs(remote, pattern, interval, contentType, processed, failed)
        {
            Applied = [.. proxy.Parameters.Select(p => p.Name).Where(RemoteVfsHandled).Distinct(StringComparer.Ordinal)],
        };
    }

    /// <summary>transport.PollInterval as AbstractPollTableEntry reads it: seconds, or milliseconds with an "ms" suffix; 5 minutes when absent.</summary>
    private static decimal? PollSeconds(string? pollText, out string? reason)
    {
        reason = null;
        if (pollText is null)
        {
            return 300m;
        }

        var ms = pollText.EndsWith("ms", StringComparison.Ordinal);
        if (!int.TryParse(ms ? pollText[..^2] : pollText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || value <= 0)
        {
            reason = $"transport.PollInterval '{pollText}' is not a positive number of seconds (or of milliseconds with 'ms')";
            return null;
        }

        return ms ? value / 1000m : value;
    }

    /// <summary>
    /// Whether the proxy's flow may answer: a respond or loopback in its sequences, a send in its out or fault sequence
    /// (back to the client), or a forwarding send (its target endpoint, a send in the in sequence) whose response comes
    /// back to the client, unless the in sequence sets OUT_ONLY. The Micro Integrator sends that answer back on the
    /// transport the request came in on. Sequences called by key are not looked into.
    /// </summary>
    private static bool ProxyMayAnswer(ProxySyntax proxy)
    {
        if (proxy.Target is not { } target)
        {
            return false;
        }

        static List<MediatorSyntax> Mediators(FlowSyntax? sequence)
        {
            var walker = new Semantics.MediatorCollector();
            if (sequence is not null)
            {
                walker.WalkMediators(sequence.Mediators);
            }

            return [.. walker.Mediators];
        }

        var inFlow = Mediators(target.InSequence);
        var replies = Mediators(target.OutSequence).Concat(Mediators(target.FaultSequence)).ToList();
        if (inFlow.Concat(replies).Any(m => m is RespondMediator or LoopbackMediator) || replies.Any(m => m is SendMediator))
        {
            return true;
        }

        var outOnly = inFlow.Any(m => m is PropertyMediator { Name: "OUT_ONLY", Value: ValueSyntax.Literal { Text: "true" } });
        return !outOnly && (target.Endpoint is not null || inFlow.Any(m => m is SendMediator));
    }

    /// <summary>The JavaMail settings of a mail proxy's store protocol the email listener applies (after <c>mail.&lt;protocol&gt;.</c>).</summary>
    private static readonly string[] MailStoreSettings =
    [
        "host", "port", "user", "password", "ssl.enable", "socketFactory.class", "socketFactory.port", "socketFactory.fallback", "starttls.enable", "starttls.required",
    ];

    /// <summary>
    /// A proxy on the mailto transport (MailTransportListener, PollTableEntry): an email:PopListener or ImapListener on the
    /// mailbox of its mail.&lt;protocol&gt;.* parameters. What the listener cannot do is kept as <see cref="ProxyTransportPlan.Gaps"/> (SB0266).
    /// </summary>
    private static ProxyTransportPlan PlanProxyMail(ProxySyntax proxy, Dictionary<string, ConfigParameterSyntax> parameters, Func<string, string?> text)
    {
        ProxyTransportPlan NotTranslated(string reason) => new ProxyTransportPlan.Other("mailto") { Reason = $"{ListensOn(proxy, "mailto")}, and the mail listener is not translated: {reason}" };

        // PollTableEntry.loadConfiguration: without transport.mail.Address the proxy is not polled.
        if (text("transport.mail.Address") is not { Length: > 0 } address)
        {
            return NotTranslated("it has no transport.mail.Address, without which the Micro Integrator's mail listener does not poll for it (PollTableEntry.loadConfiguration)");
        }

        // The store: transport.mail.Protocol, else JavaMail's mail.store.protocol (Session.getStore).
        var protocol = (text("transport.mail.Protocol") ?? text("mail.store.protocol"))?.ToLowerInvariant();
        if (protocol is not ("pop3" or "pop3s" or "imap" or "imaps"))
        {
            return NotTranslated(protocol is null
                ? "it names no store protocol (transport.mail.Protocol or mail.store.protocol)"
                : $"transport.mail.Protocol '{protocol}' is not pop3, pop3s, imap or imaps, the stores ballerina/email reads");
        }

        var imap = protocol.StartsWith("imap", StringComparison.Ordinal);
        var prefix = $"mail.{protocol}.";
        bool Flag(string name) => string.Equals(text(prefix + name), "true", StringComparison.OrdinalIgnoreCase);

        // JavaMail: pop3s/imaps, mail.<protocol>.ssl.enable or an SSL socket factory connect over SSL; STARTTLS otherwise when enabled.
        var ssl = protocol.EndsWith('s') || Flag("ssl.enable") || (text(prefix + "socketFactory.class") is { } factoryClass && factoryClass.Contains("SSLSocketFactory", StringComparison.Ordinal));
        var security = ssl ? "SSL" : Flag("starttls.required") ? "START_TLS_ALWAYS" : Flag("starttls.enable") ? "START_TLS_AUTO" : "START_TLS_NEVER";
        var portText = text(prefix + "port") ?? text(prefix + "socketFactory.port");
        var port = imap ? (ssl ? 993 : 143) : (ssl ? 995 : 110);
        if (portText is not null && (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535))
        {
            return NotTranslated($"{prefix}port '{portText}' is not a port number");
        }

        if (PollSeconds(text("transport.PollInterval"), out var pollReason) is not { } interval)
        {
            return NotTranslated(pollReason!);
        }

        // PollTableEntry takes the user and password from mail.pop3.* or mail.imap.* (also for pop3s and imaps).
        var credentials = imap ? "mail.imap." : "mail.pop3.";
        var gaps = new List<(string, string)>();
        var known = new HashSet<string>(StringComparer.Ordinal)
        {
            "transport.mail.Address", "transport.mail.Protocol", "mail.store.protocol", "transport.PollInterval", "transport.mail.ContentType", credentials + "user", credentials + "password",
        };
        known.UnionWith(MailStoreSettings.Select(setting => prefix + setting));
        if (text("transport.mail.Folder") is { Length: > 0 } folder && !folder.Equals("INBOX", StringComparison.OrdinalIgnoreCase))
        {
            gaps.Add(("transport.mail.Folder", $"the Micro Integrator reads folder '{folder}'; the email listener reads INBOX only: poll that folder with an email:ImapClient (receiveMessage(folder = ...)) from a task:Job by hand"));
        }

        known.Add("transport.mail.Folder");
        var removes = imap ? "marks it SEEN as it reads it and leaves it in the folder" : "deletes it as it reads it";
        if (text("transport.mail.ActionAfterProcess") == "MOVE")
        {
            gaps.Add(("transport.mail.ActionAfterProcess", $"the Micro Integrator moves a processed mail to folder '{text("transport.mail.MoveAfterProcess")}' (transport.mail.MoveAfterProcess); the {(imap ? "ImapListener" : "PopListener")} {removes}"));
        }
        else if (imap)
        {
            gaps.Add(("transport.mail.ActionAfterProcess", "the Micro Integrator deletes a processed mail (DELETE, the default); the ImapListener marks it SEEN and leaves it in the folder"));
        }

        if (text("transport.mail.ActionAfterFailure") == "MOVE")
        {
            gaps.Add(("transport.mail.ActionAfterFailure", $"the Micro Integrator moves a mail it failed to process to folder '{text("transport.mail.MoveAfterFailure")}' (transport.mail.MoveAfterFailure); the {(imap ? "ImapListener" : "PopListener")} {removes}, before the flow runs"));
        }

        known.UnionWith(["transport.mail.ActionAfterProcess", "transport.mail.MoveAfterProcess", "transport.mail.ActionAfterFailure", "transport.mail.MoveAfterFailure"]);
        foreach (var name in new[] { "transport.mail.PreserveHeaders", "transport.mail.RemoveHeaders" }.Where(n => text(n) is not null))
        {
            gaps.Add((name, "the Micro Integrator keeps only the mail headers it allows as transport headers; the generated service copies every header of the mail"));
        }

        foreach (var name in new[] { "transport.mail.ProcessInParallel", "transport.PollInParallel" }.Where(n => string.Equals(text(n), "true", StringComparison.OrdinalIgnoreCase)))
        {
            gaps.Add((name, "the Micro Integrator processes the mails of a poll in parallel; the email listener hands them over one at a time"));
        }

        foreach (var name in new[] { "transport.mail.MaxRetryCount", "transport.mail.ReconnectTimeout" }.Where(n => text(n) is not null))
        {
            gaps.Add((name, "the Micro Integrator retries a mailbox it cannot reach within a poll; the email listener reports the failure to onError and tries again at the next poll"));
        }

        if (ProxyMayAnswer(proxy))
        {
            gaps.Add(("the flow's answer", $"the Micro Integrator mails what the flow answers to the sender (its Reply-To, else From{(text("transport.mail.ReplyAddress") is null ? string.Empty : ", from transport.mail.ReplyAddress")}) over the SMTP settings of its mail sender (axis2.xml); the generated service does not send it: mail it with an email:SmtpClient where the flow answers"));
        }

        known.UnionWith(["transport.mail.PreserveHeaders", "transport.mail.RemoveHeaders", "transport.mail.ProcessInParallel", "transport.PollInParallel", "transport.mail.MaxRetryCount", "transport.mail.ReconnectTimeout", "transport.mail.ReplyAddress"]);
        foreach (var name in parameters.Keys.Where(n => !known.Contains(n) && (n.StartsWith("mail.", StringComparison.Ordinal) || n.StartsWith("transport.mail.", StringComparison.Ordinal))).Order(StringComparer.Ordinal))
        {
            gaps.Add((name, name.StartsWith("transport.mail.auth", StringComparison.Ordinal) || name.StartsWith("transport.mail.oauth", StringComparison.Ordinal)
                ? "the Micro Integrator authenticates to the mailbox with OAuth; the email listener logs in with the user and password"
                : "this mail setting of the Micro Integrator has no email listener field"));
        }

        var applied = parameters.Keys.Where(n => n.StartsWith("mail.", StringComparison.Ordinal) || n.StartsWith("transport.mail.", StringComparison.Ordinal) || n is "transport.PollInterval" or "transport.PollInParallel");
        var user = text(credentials + "user");
        parameters.TryGetValue(credentials + "password", out var password);
        return new ProxyTransportPlan.Mail(imap, prefix, text(prefix + "host") ?? text("mail.host") ?? "localhost", port, user, password, security, interval, text("transport.mail.ContentType") is { Length: > 0 } contentType ? contentType : null, address, text("transport.mail.ReplyAddress") is { Length: > 0 } replyAddress ? replyAddress : null)
        {
            Applied = [.. applied],
            Gaps = [.. gaps],
        };
    }

    /// <summary>The RabbitMQ settings of a proxy that belong to the connection, which the Micro Integrator takes from the connection factory only.</summary>
    private static bool IsRabbitMqConnectionSetting(string name) =>
        name.StartsWith("rabbitmq.server.", StringComparison.Ordinal) || (name.StartsWith("rabbitmq.connection.", StringComparison.Ordinal) && name != "rabbitmq.connection.factory");

    /// <summary>
    /// A proxy on the rabbitmq transport (Axis2's RabbitMQ transport: RabbitMQEndpoint, ServiceTaskManager): a
    /// rabbitmq:Listener on the connection factory's broker consuming the proxy's queue. What the listener cannot do
    /// is kept as <see cref="ProxyTransportPlan.Gaps"/> (SB0267).
    /// </summary>
    private static ProxyTransportPlan PlanProxyRabbitMq(ProxySyntax proxy, Dictionary<string, ConfigParameterSyntax> parameters, Func<string, string?> text)
    {
        ProxyTransportPlan NotTranslated(string reason) => new ProxyTransportPlan.Other("rabbitmq") { Reason = $"{ListensOn(proxy, "rabbitmq")}, and the RabbitMQ listener is not translated: {reason}" };

        // BooleanUtils.toBooleanObject: true/on/yes (and y, t) are true; false/off/no (and n, f) are false.
        bool? Flag(string name) => text(name)?.ToLowerInvariant() switch
        {
            "true" or "on" or "yes" or "y" or "t" => true,
            "false" or "off" or "no" or "n" or "f" => false,
            _ => null,
        };

        // RabbitMQEndpoint.loadConfiguration: without rabbitmq.connection.factory the service is not exposed on rabbitmq.
        if (text("rabbitmq.connection.factory") is not { Length: > 0 } factory)
        {
            return NotTranslated("it has no rabbitmq.connection.factory, without which the Micro Integrator's RabbitMQ listener does not consume for it (RabbitMQEndpoint.loadConfiguration)");
        }

        // ServiceTaskManager: rabbitmq.queue.auto.ack, true by default.
        if (Flag("rabbitmq.queue.auto.ack") == false)
        {
            return NotTranslated("rabbitmq.queue.auto.ack is false: the Micro Integrator acknowledges each message after the proxy's flow and rejects or requeues it when the flow sets SET_ROLLBACK_ONLY or SET_REQUEUE_ON_ROLLBACK; write that with a rabbitmq:Caller (autoAck: false) by hand");
        }

        var gaps = new List<(string, string)>();
        var queue = text("rabbitmq.queue.name") is { Length: > 0 } named ? named : null;
        if (queue is null)
        {
            gaps.Add(("rabbitmq.queue.name", $"it is not set: the Micro Integrator 4.x consumes no queue for the proxy then (EI 6.x consumed the queue named after the proxy); the listener consumes queue '{proxy.Name}' as EI 6.x did: set the queue's name in @rabbitmq:ServiceConfig"));
        }

        if (text("rabbitmq.exchange.name") is { Length: > 0 } exchange)
        {
            var key = text("rabbitmq.queue.routing.key") is { Length: > 0 } routing ? $"routing key '{routing}'" : "the queue's name as routing key";
            gaps.Add(("rabbitmq.exchange.name", $"the Micro Integrator declares exchange '{exchange}' ({text("rabbitmq.exchange.type") ?? "direct"}) and binds the queue to it with {key} (RabbitMQUtils.declareExchange, bindQueueToExchange); the listener only declares and consumes the queue: declare the exchange and the binding once with a rabbitmq:Client (exchangeDeclare, queueBind) or on the broker"));
        }

        if (Flag("rabbitmq.queue.autodeclare") == false)
        {
            gaps.Add(("rabbitmq.queue.autodeclare", "the Micro Integrator does not declare the queue; the listener declares it with the proxy's durable, exclusive and auto-delete settings, which fails when the queue exists with other settings"));
        }

        if (parameters.Keys.Any(n => n.StartsWith("rabbitmq.queue.optional.", StringComparison.Ordinal)))
        {
            gaps.Add(("rabbitmq.queue.optional.*", "the Micro Integrator declares the queue with these arguments; the generated listener declares it without: add them to the service's queue config (arguments) by hand"));
        }

        if (text("rabbitmq.concurrent.consumer.count") is { } consumers && consumers != "1")
        {
            gaps.Add(("rabbitmq.concurrent.consumer.count", $"the Micro Integrator runs {consumers} consumers on the queue; the listener runs one"));
        }

        foreach (var name in parameters.Keys.Where(IsRabbitMqConnectionSetting).Order(StringComparer.Ordinal))
        {
            gaps.Add((name, $"the Micro Integrator connects with the settings of connection factory '{factory}' (axis2.xml / deployment.toml), not with the proxy's; the listener takes the factory's host, port and credentials from Config.toml"));
        }

        if (ProxyMayAnswer(proxy))
        {
            gaps.Add(("the flow's answer", "for a request with a reply_to (sent by the Micro Integrator's own RabbitMQ sender, with its rabbitmq.connection.factory header) the Micro Integrator publishes what the flow answers to that queue with the request's correlation id; the generated service does not: publish it with a rabbitmq:Client where the flow answers"));
        }

        string[] applied =
        [
            "rabbitmq.connection.factory", "rabbitmq.queue.name", "rabbitmq.queue.auto.ack", "rabbitmq.queue.durable", "rabbitmq.queue.exclusive", "rabbitmq.queue.auto.delete",
            "rabbitmq.message.content.type", "rabbitmq.channel.consumer.qos", "rabbitmq.exchange.name", "rabbitmq.exchange.type", "rabbitmq.exchange.durable",
            "rabbitmq.exchange.auto.delete", "rabbitmq.queue.routing.key", "rabbitmq.queue.autodeclare", "rabbitmq.exchange.autodeclare", "rabbitmq.concurrent.consumer.count",
        ];
        foreach (var name in parameters.Keys.Where(n => n.StartsWith("rabbitmq.", StringComparison.Ordinal) && !applied.Contains(n, StringComparer.Ordinal) && !IsRabbitMqConnectionSetting(n) && !n.StartsWith("rabbitmq.queue.optional.", StringComparison.Ordinal) && !n.StartsWith("rabbitmq.exchange.optional.", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            gaps.Add((name, name.Contains("dead.letter", StringComparison.Ordinal) || name.Contains("error.", StringComparison.Ordinal) || name.Contains("requeue", StringComparison.Ordinal)
                ? "the Micro Integrator dead-letters or requeues messages whose flow fails; with automatic acknowledgement the listener does neither"
                : "this RabbitMQ setting of the Micro Integrator is not applied by the listener"));
        }

        // ServiceTaskManager: basicQos(rabbitmq.channel.consumer.qos), 0 (no limit) when absent or not a number.
        int? prefetch = text("rabbitmq.channel.consumer.qos") is { } qos && int.TryParse(qos, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count > 0 ? count : null;

        // RabbitMQUtils.declareQueue: durable unless rabbitmq.queue.durable says otherwise; not exclusive, not auto-delete by default.
        return new ProxyTransportPlan.RabbitMq(factory, queue ?? proxy.Name, queue is null, Flag("rabbitmq.queue.durable") ?? true, Flag("rabbitmq.queue.exclusive") ?? false, Flag("rabbitmq.queue.auto.delete") ?? false, text("rabbitmq.message.content.type") is { Length: > 0 } contentType ? contentType : null, prefetch)
        {
            Applied = [.. parameters.Keys.Where(n => n.StartsWith("rabbitmq.", StringComparison.Ordinal))],
            Gaps = [.. gaps],
        };
    }

    /// <summary>The Ballerina listener for a proxy transport that has no translation, and the parameter prefixes Axis2's listener reads.</summary>
    private static (string Listener, string[] Prefixes) ListenerFor(string transport) => transport switch
    {
        "amqp" => ("an AMQP client listener (no Ballerina stdlib module; a rabbitmq:Listener for RabbitMQ brokers) running the proxy's flow function", ["transport.amqp.", "amqp."]),
        "tcp" => ("a tcp:Listener (ballerina/tcp) on transport.tcp.port whose onBytes runs the proxy's flow function", ["transport.tcp."]),
        "udp" => ("a udp:Listener (ballerina/udp) on transport.udp.port whose onDatagram runs the proxy's flow function", ["transport.udp."]),
        "fix" => ("a FIX engine (no Ballerina module: QuickFIX/J through Java interop) running the proxy's flow function", ["transport.fix."]),
        "hl7" => ("a tcp:Listener (ballerina/tcp) decoding MLLP frames with ballerinax/health.hl7v2 and running the proxy's flow function", ["transport.hl7."]),
        "local" => ("nothing: the local transport is an in-process call of the proxy (call its flow function directly)", []),
        _ => ($"a {transport} listener running the proxy's flow function", [$"transport.{transport}."]),
    };

    /// <summary>A transport other than http, https, jms, vfs, mailto and rabbitmq: no listener is generated (SB0262); the message names the one to write and the proxy's parameters for it.</summary>
    private static ProxyTransportPlan PlanProxyOtherTransport(ProxySyntax proxy, string transport)
    {
        var (listener, prefixes) = ListenerFor(transport);
        var parameters = proxy.Parameters.Select(p => p.Name).Where(n => prefixes.Any(prefix => n.StartsWith(prefix, StringComparison.Ordinal))).Distinct(StringComparer.Ordinal).ToArray();
        var named = parameters.Length == 0 ? string.Empty : $"; its parameters for it: {string.Join(", ", parameters)} (credentials among them become required configurables)";
        return new ProxyTransportPlan.Other(transport)
        {
            Reason = $"{ListensOn(proxy, transport)}; write {listener}{named}",
            Kind = UntranslatedTransport.NoListener,
            Applied = [.. parameters],
        };
    }

    /// <summary>
    /// The SOAP action a message a proxy receives over a non-HTTP transport has before the transport's own:
    /// ProtocolEndpoint.createMessageContext gives it the proxy's operation named by its <c>Operation</c> parameter, else
    /// the one aliased <c>urn:mediate</c> (BaseConstants.DEFAULT_OPERATION), and the action "urn:" + that operation's name.
    /// A proxy without a WSDL has its <c>mediate</c> operation, whose default input action is that alias
    /// (AxisService.addOperation), so its messages get <c>urn:mediate</c>; a proxy with a WSDL has no such operation
    /// (its messages go through Axis2's dispatchers, SB0297): null.
    /// </summary>
    /// <remarks>A proxy with a WSDL whose <c>Operation</c> parameter names one of its operations has it (<see cref="FixedOperation"/>):
    /// its messages get <c>urn:</c> and that operation's name.</remarks>
    private static string? ProxyOperationAction(ProxySyntax proxy, string? fixedOperation) =>
        fixedOperation is not null ? "urn:" + fixedOperation
        : proxy.PublishWsdl is null && proxy.Parameters.LastOrDefault(p => p.Name == "Operation")?.Text?.Trim() is null or "mediate" or "urn:mediate"
            ? "urn:" + SynapseOperationName
            : null;

    /// <summary>
    /// The operation of a proxy's published WSDL its <c>Operation</c> parameter names, which every message of its non-HTTP
    /// transports gets: ProtocolEndpoint.createMessageContext reads the service parameter <c>Operation</c>
    /// (BaseConstants.OPERATION_PARAM; ProxyService.buildAxisService makes each proxy parameter one) as a QName
    /// (BaseUtils.getQNameFromString: <c>{namespace}local</c> or a plain name) and looks it up with AxisService.getOperation
    /// (an operation of that name, or of its local part in the target namespace, else an alias of its local part); one found
    /// is set on the message with the action <c>urn:</c> and its name, and Axis2's dispatchers leave a message that has an
    /// operation as it is. Null without the parameter, when it names none of the WSDL's operations (the message is then
    /// dispatched as without it), or when the converter does not read the WSDL's operations.
    /// </summary>
    private static string? FixedOperation(ProxySyntax proxy, WsdlDispatchIr? dispatch)
    {
        if (dispatch is null || proxy.Parameters.LastOrDefault(p => p.Name == "Operation")?.Text?.Trim() is not { Length: > 0 } value)
        {
            return null;
        }

        var open = value.IndexOf('{', StringComparison.Ordinal);
        var close = value.IndexOf('}', StringComparison.Ordinal);
        var local = close > open && open > -1 ? value[(close + 1)..] : value;
        return dispatch.Operations.Contains(local, StringComparer.Ordinal) ? local : dispatch.Actions.FirstOrDefault(a => a.Action == local)?.Operation;
    }

    /// <summary>The listener of a translated jms, vfs, mailto or rabbitmq transport, running the proxy's flow function for its messages.</summary>
    /// <param name="dispatch">How Axis2 dispatches the proxy's messages to the operations of its published WSDL, when the
    /// converter reproduces it; null when the listener runs the flow for every message.</param>
    /// <param name="fixedOperation">The WSDL operation the proxy's <c>Operation</c> parameter gives every message (<see cref="FixedOperation"/>).</param>
    private InboundIr? ProxyListener(ProxySyntax proxy, ProxyTransportPlan plan, Symbol flow, Symbol? outFlow, WsdlDispatchIr? dispatch, string? fixedOperation)
    {
        var operationAction = ProxyOperationAction(proxy, fixedOperation);
        switch (plan)
        {
            case ProxyTransportPlan.Jms jms:
            {
                var connection = ProxyJmsConnection(proxy, jms);
                var transport = new InboundTransportIr.Jms(connection.ContextFactory, connection.ProviderUrl, connection.ConnectionFactory, connection.Username, connection.Password, jms.Destination, connection.Topic, "AUTO_ACKNOWLEDGE", jms.ContentType, flow, true, null)
                {
                    ContentTypeRules = jms.Rules,
                    OutFlow = outFlow,

                    // Whatever the flow answers (respond, the out flow's send, a loopback, its fault sequence) goes back
                    // over JMS, as Axis2 sends the answer on the transport the request came in on.
                    Reply = new JmsReplyIr(jms.ReplyDestination, jms.ReplyTopic),
                    OperationAction = operationAction,
                    Dispatch = dispatch,
                    FixedOperation = fixedOperation,
                };
                var answer = jms.ReplyDestination is { } replyDestination
                    ? $"the request's JMSReplyTo, else {(jms.ReplyTopic ? "topic" : "queue")} '{replyDestination}' (transport.jms.ReplyDestination)"
                    : "the request's JMSReplyTo";
                var summary = $"Proxy service '{proxy.Name}' on JMS: every message of {(connection.Topic ? "topic" : "queue")} '{jms.Destination}' (connection factory '{jms.Factory}'{(connection.Server is { } server ? $" of {server.Origin}" : string.Empty)}) runs the proxy's in flow, its fault sequence on failure; what the flow answers goes to {answer}.";
                return new InboundIr(_symbols.Module(SymbolKind.Listener, proxy.Name + " jms listener"), proxy.Name, summary, transport, proxy);
            }

            case ProxyTransportPlan.Vfs vfs:
            {
                Symbol Configurable(string hint, VfsFolder folder, string parameter)
                {
                    var symbol = _symbols.Module(SymbolKind.Configurable, $"{proxy.Name} vfs {hint}");
                    var description = folder.Unresolved is { } unresolved
                        ? $"{char.ToUpperInvariant(hint[0])}{hint[1..]} of proxy service '{proxy.Name}' ({parameter} '{unresolved}', whose placeholders the deployment fills in): give the folder it names."
                        : $"{char.ToUpperInvariant(hint[0])}{hint[1..]} of proxy service '{proxy.Name}' ({parameter}).";
                    _configurables.Add(new ConfigurableIr(symbol, ConfigurableType.String, folder.Unresolved is null ? folder.Path : null, description, Secret: false));
                    return symbol;
                }

                var folder = Configurable("folder", vfs.Folder, "transport.vfs.FileURI");
                var processed = vfs.MoveAfterProcess is { } p ? Configurable("move after process", p, "transport.vfs.MoveAfterProcess") : null;
                var failed = vfs.MoveAfterFailure is { } f ? Configurable("move after failure", f, "transport.vfs.MoveAfterFailure") : null;
                var target = new InboundTargetIr(flow, true, null) { OutFlow = outFlow, OperationAction = operationAction, Dispatch = dispatch, FixedOperation = fixedOperation };
                var file = new InboundTransportIr.File(
                    _symbols.Module(SymbolKind.Type, proxy.Name + " vfs poller"),
                    _symbols.Module(SymbolKind.LocalEntry, proxy.Name + " vfs poll job"),
                    folder,
                    vfs.Pattern,
                    vfs.IntervalSeconds,
                    vfs.ContentType,
                    processed,
                    failed,
                    target)
                {
                    CreateFolder = vfs.CreateFolder,
                    MoveTimestamp = vfs.MoveTimestamp,
                };
                var summary = $"Proxy service '{proxy.Name}' on VFS: every {vfs.IntervalSeconds.ToString(CultureInfo.InvariantCulture)} s (transport.PollInterval), each file of '{vfs.Folder.Unresolved ?? vfs.Folder.Path}'{(vfs.Pattern is { } pattern ? $" whose name matches '{pattern}'" : string.Empty)} runs the proxy's in flow as {vfs.ContentType}, then is {(processed is null ? "deleted" : "moved")}.";
                return new InboundIr(_symbols.Module(SymbolKind.Listener, proxy.Name + " vfs listener"), proxy.Name, summary, file, proxy);
            }

            case ProxyTransportPlan.Mail mail:
            {
                var protocol = mail.Imap ? "IMAP" : "POP3";
                Symbol Configurable(string hint, string? value, string parameter, ConfigurableType type = ConfigurableType.String)
                {
                    var symbol = _symbols.Module(SymbolKind.Configurable, $"{proxy.Name} mail {hint}");
                    _configurables.Add(new ConfigurableIr(symbol, type, value, $"{char.ToUpperInvariant(hint[0])}{hint[1..]} of the {protocol} mailbox proxy service '{proxy.Name}' polls ({parameter}).", Secret: false));
                    return symbol;
                }

                var host = Configurable("host", mail.Host, mail.ParameterPrefix + "host");
                var port = Configurable("port", mail.Port.ToString(CultureInfo.InvariantCulture), mail.ParameterPrefix + "port", ConfigurableType.Integer);
                var username = Configurable("username", mail.Username, mail.ParameterPrefix + "user");

                // The password is never copied: a required configurable, whatever the proxy holds.
                var password = _symbols.Module(SymbolKind.Configurable, $"{proxy.Name} mail password");
                _configurables.Add(new ConfigurableIr(password, ConfigurableType.String, null, $"Password of the {protocol} mailbox proxy service '{proxy.Name}' polls ({mail.ParameterPrefix}password).", Secret: true));
                if (mail.Password is { } secret)
                {
                    _diagnostics.Report(DiagnosticCatalog.SecretConfigurable, secret.Location, $"{proxy.Name} {secret.Name}");
                }

                var target = new InboundTargetIr(flow, true, null) { OutFlow = outFlow, OperationAction = operationAction, Dispatch = dispatch, FixedOperation = fixedOperation };
                // A mail naming no operation of the WSDL is refused with a fault mailed back through the mailto sender.
                var refuses = proxy.PublishWsdl is not null && dispatch is { Fallback: null } && fixedOperation is null;
                var transport = new InboundTransportIr.Mail(mail.Imap, host, port, username, password, mail.Security, mail.IntervalSeconds, mail.ContentType, target)
                {
                    FaultSender = refuses ? MailSender("mailto", proxy.Location) : null,
                    Address = mail.Address,
                    ReplyAddress = mail.ReplyAddress,
                };
                var summary = $"Proxy service '{proxy.Name}' on mail: every {mail.IntervalSeconds.ToString(CultureInfo.InvariantCulture)} s (transport.PollInterval) each new mail of the {protocol} mailbox of {mail.Address} (transport.mail.Address) runs the proxy's in flow with the mail's body as {(mail.ContentType is { } type ? $"{type} (transport.mail.ContentType)" : "the mail's content type")}, its fault sequence on failure.";
                return new InboundIr(_symbols.Module(SymbolKind.Listener, proxy.Name + " mail listener"), proxy.Name, summary, transport, proxy);
            }

            case ProxyTransportPlan.RabbitMq rabbit:
            {
                if (!_proxyRabbitMqFactories.TryGetValue(rabbit.Factory, out var factory))
                {
                    Symbol Required(string hint, string parameter, ConfigurableType type = ConfigurableType.String, bool secret = false)
                    {
                        var symbol = _symbols.Module(SymbolKind.Configurable, $"rabbitmq factory {rabbit.Factory} {hint}");
                        _configurables.Add(new ConfigurableIr(symbol, type, null, $"{char.ToUpperInvariant(hint[0])}{hint[1..]} ({parameter}) of the RabbitMQ connection factory '{rabbit.Factory}' the Micro Integrator's RabbitMQ listener defines (axis2.xml, or deployment.toml [[transport.rabbitmq.listener]]); it is not in the project.", secret));
                        return symbol;
                    }

                    factory = (Required("host", "rabbitmq.server.host.name"), Required("port", "rabbitmq.server.port", ConfigurableType.Integer), Required("username", "rabbitmq.server.user.name"), Required("password", "rabbitmq.server.password", secret: true));
                    _proxyRabbitMqFactories[rabbit.Factory] = factory;
                }

                var target = new InboundTargetIr(flow, true, null) { OutFlow = outFlow, OperationAction = operationAction, Dispatch = dispatch, FixedOperation = fixedOperation };
                var transport = new InboundTransportIr.RabbitMq(factory.Host, factory.Port, factory.Username, factory.Password, null, rabbit.Queue, rabbit.Durable, rabbit.Exclusive, rabbit.AutoDelete, rabbit.ContentType, rabbit.PrefetchCount, target);
                var queue = rabbit.QueueFromName ? $"queue '{rabbit.Queue}' (the proxy's name: rabbitmq.queue.name is not set)" : $"queue '{rabbit.Queue}'";
                var summary = $"Proxy service '{proxy.Name}' on RabbitMQ: every message of {queue} (connection factory '{rabbit.Factory}') runs the proxy's in flow, its fault sequence on failure.";
                return new InboundIr(_symbols.Module(SymbolKind.Listener, proxy.Name + " rabbitmq listener"), proxy.Name, summary, transport, proxy);
            }

            case ProxyTransportPlan.RemoteVfs remote:
            {
                var target = new InboundTargetIr(flow, true, null) { OutFlow = outFlow, OperationAction = operationAction, Dispatch = dispatch, FixedOperation = fixedOperation };
                var owner = $"proxy service '{proxy.Name}'";
                ReportRemoteVfsSettings(proxy, owner, remote.Uri, proxy.Parameters, remote.Processed, remote.Failed);
                var ftp = RemoteFolderListener(proxy, owner, proxy.Name + " vfs", remote.Uri, remote.Pattern, remote.IntervalSeconds, remote.ContentType, remote.Processed, remote.Failed, proxy.Parameters.FirstOrDefault(p => p.Name == "transport.vfs.SFTPUserDirIsRoot")?.Text, target);
                var summary = $"Proxy service '{proxy.Name}' on VFS ({remote.Uri.Scheme}): every {remote.IntervalSeconds.ToString(CultureInfo.InvariantCulture)} s (transport.PollInterval), each new file of folder '{SecretNames.MaskXml(remote.Uri.Path)}' on host '{SecretNames.MaskXml(remote.Uri.Host)}' whose name matches '{remote.Pattern}' runs the proxy's in flow as {remote.ContentType}, then is {AfterText(remote.Processed.Action)}.";
                return new InboundIr(_symbols.Module(SymbolKind.Listener, proxy.Name + " vfs listener"), proxy.Name, summary, ftp, proxy);
            }

            default:
                return null;
        }
    }

    /// <summary>What a remote listener does with a file, for summaries.</summary>
    private static string AfterText(RemoteFileAction action) => action switch
    {
        RemoteFileAction.Delete => "deleted",
        RemoteFileAction.Move => "moved",
        RemoteFileAction.None => "left in the folder",
        _ => throw new InvalidOperationException($"unknown action {action}"),
    };
}
