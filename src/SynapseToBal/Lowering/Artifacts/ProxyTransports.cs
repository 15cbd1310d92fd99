using System.Collections.Immutable;
using System.Globalization;
using SynapseToBal.IR;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

// Lowering of a proxy's non-HTTP transports: jms (Axis2's JMSListener) and vfs (the VFS transport listener on a local
// folder) become the listener forms of inbound endpoints, running the proxy's in flow for every message.
public sealed partial class Lowerer
{
    /// <summary>The listeners made for proxies' jms and vfs transports; they go to <c>inbound.bal</c> beside the inbound endpoints'.</summary>
    private readonly List<InboundIr> _proxyListeners = [];

    /// <summary>The configurables of each axis2.xml JMS connection factory a proxy listens with, by factory name (shared by its proxies).</summary>
    private readonly Dictionary<string, (Symbol ContextFactory, Symbol ProviderUrl, Symbol ConnectionFactory)> _proxyJmsFactories = new(StringComparer.Ordinal);

    /// <summary>What a proxy's non-HTTP transport becomes: a listener (<see cref="Jms"/>, <see cref="Vfs"/>) or a reason it does not.</summary>
    private abstract record ProxyTransportPlan(string Transport)
    {
        /// <summary>The proxy parameters the listener applies (not reported one by one).</summary>
        public ImmutableArray<string> Applied { get; init; } = [];

        /// <summary>Why the transport is not translated; null when it is.</summary>
        public string? Reason { get; init; }

        public sealed record Jms(string Destination, bool Topic, string Factory, string? ContentType, ImmutableArray<JmsContentTypeRuleIr> Rules, string? ReplyDestination, bool ReplyTopic) : ProxyTransportPlan("jms");

        public sealed record Vfs(string Folder, string? Pattern, decimal IntervalSeconds, string ContentType, string? MoveAfterProcess, string? MoveAfterFailure) : ProxyTransportPlan("vfs");

        public sealed record Other(string Name) : ProxyTransportPlan(Name);
    }

    /// <summary>The JMS parameters Axis2's JMS listener reads from the proxy that the generated listener applies or reports itself.</summary>
    private static readonly string[] ProxyJmsParameters =
    [
        "transport.jms.Destination", "transport.jms.DestinationType", "transport.jms.ConnectionFactory", "transport.jms.ContentType",
        "transport.jms.SessionTransacted", "transport.jms.SessionAcknowledgement", "transport.jms.ReplyDestination", "transport.jms.ReplyDestinationType",
    ];

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
                _ => new ProxyTransportPlan.Other(transport) { Reason = $"{ListensOn(proxy, transport)}; add a {transport} listener that runs the proxy's flow function by hand" },
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

        if (uri.Contains("${", StringComparison.Ordinal))
        {
            return NotTranslated($"transport.vfs.FileURI '{uri}' holds a variable the Micro Integrator resolves when it deploys the proxy; write the polling job (or an ftp:Listener for a remote folder) with the resolved folder by hand");
        }

        if (LocalPath(WithoutVfsPrefix(uri)) is not { Length: > 0 } folder)
        {
            return NotTranslated($"transport.vfs.FileURI is not a local folder ({(uri.Contains('{', StringComparison.Ordinal) ? "it holds a variable" : uri.Contains(':', StringComparison.Ordinal) ? WithoutVfsPrefix(uri)[..WithoutVfsPrefix(uri).IndexOf(':', StringComparison.Ordinal)] : "a dynamic value")}); for ftp/sftp use an ftp:Listener (ballerina/ftp) with the path, transport.vfs.FileNamePattern and transport.PollInterval, and move or delete each file in its onFileChange");
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

        string? Move(string action, string folderParameter, out string? reason)
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

            if (text(folderParameter) is not { Length: > 0 } target || LocalPath(WithoutVfsPrefix(target)) is not { Length: > 0 } path)
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

        return new ProxyTransportPlan.Vfs(folder, pattern, interval, contentType, processed, failed)
        {
            Applied = [.. ProxyVfsParameters],
        };
    }

    /// <summary>The listener of a translated jms or vfs transport, running the proxy's flow function for every message.</summary>
    private InboundIr? ProxyListener(ProxySyntax proxy, ProxyTransportPlan plan, Symbol flow, Symbol? outFlow)
    {
        switch (plan)
        {
            case ProxyTransportPlan.Jms jms:
            {
                if (!_proxyJmsFactories.TryGetValue(jms.Factory, out var factory))
                {
                    Symbol Required(string hint, string parameter)
                    {
                        var symbol = _symbols.Module(SymbolKind.Configurable, $"jms factory {jms.Factory} {hint}");
                        _configurables.Add(new ConfigurableIr(symbol, ConfigurableType.String, null, $"{char.ToUpperInvariant(hint[0])}{hint[1..]} ({parameter}) of the JMS connection factory '{jms.Factory}' the Micro Integrator's JMS listener defines (axis2.xml, or deployment.toml [[transport.jms.listener]]); it is not in the project.", Secret: false));
                        return symbol;
                    }

                    factory = (Required("context factory", "java.naming.factory.initial"), Required("provider url", "java.naming.provider.url"), Required("connection factory", "transport.jms.ConnectionFactoryJNDIName"));
                    _proxyJmsFactories[jms.Factory] = factory;
                }

                var transport = new InboundTransportIr.Jms(factory.ContextFactory, factory.ProviderUrl, factory.ConnectionFactory, null, null, jms.Destination, jms.Topic, "AUTO_ACKNOWLEDGE", jms.ContentType, flow, true, null)
                {
                    ContentTypeRules = jms.Rules,
                    OutFlow = outFlow,

                    // Whatever the flow answers (respond, the out flow's send, a loopback, its fault sequence) goes back
                    // over JMS, as Axis2 sends the answer on the transport the request came in on.
                    Reply = new JmsReplyIr(jms.ReplyDestination, jms.ReplyTopic),
                };
                var answer = jms.ReplyDestination is { } replyDestination
                    ? $"the request's JMSReplyTo, else {(jms.ReplyTopic ? "topic" : "queue")} '{replyDestination}' (transport.jms.ReplyDestination)"
                    : "the request's JMSReplyTo";
                var summary = $"Proxy service '{proxy.Name}' on JMS: every message of {(jms.Topic ? "topic" : "queue")} '{jms.Destination}' (connection factory '{jms.Factory}') runs the proxy's in flow, its fault sequence on failure; what the flow answers goes to {answer}.";
                return new InboundIr(_symbols.Module(SymbolKind.Listener, proxy.Name + " jms listener"), proxy.Name, summary, transport, proxy);
            }

            case ProxyTransportPlan.Vfs vfs:
            {
                Symbol Configurable(string hint, string value, string parameter)
                {
                    var symbol = _symbols.Module(SymbolKind.Configurable, $"{proxy.Name} vfs {hint}");
                    _configurables.Add(new ConfigurableIr(symbol, ConfigurableType.String, value, $"{char.ToUpperInvariant(hint[0])}{hint[1..]} of proxy service '{proxy.Name}' ({parameter}).", Secret: false));
                    return symbol;
                }

                var folder = Configurable("folder", vfs.Folder, "transport.vfs.FileURI");
                var processed = vfs.MoveAfterProcess is { } p ? Configurable("move after process", p, "transport.vfs.MoveAfterProcess") : null;
                var failed = vfs.MoveAfterFailure is { } f ? Configurable("move after failure", f, "transport.vfs.MoveAfterFailure") : null;
                var target = new InboundTargetIr(flow, true, null) { OutFlow = outFlow };
                var file = new InboundTransportIr.File(
                    _symbols.Module(SymbolKind.Type, proxy.Name + " vfs poller"),
                    _symbols.Module(SymbolKind.LocalEntry, proxy.Name + " vfs poll job"),
                    folder,
                    vfs.Pattern,
                    vfs.IntervalSeconds,
                    vfs.ContentType,
                    processed,
                    failed,
                    target);
                var summary = $"Proxy service '{proxy.Name}' on VFS: every {vfs.IntervalSeconds.ToString(CultureInfo.InvariantCulture)} s (transport.PollInterval), each file of '{vfs.Folder}'{(vfs.Pattern is { } pattern ? $" whose name matches '{pattern}'" : string.Empty)} runs the proxy's in flow as {vfs.ContentType}, then is {(processed is null ? "deleted" : "moved")}.";
                return new InboundIr(_symbols.Module(SymbolKind.Listener, proxy.Name + " vfs listener"), proxy.Name, summary, file, proxy);
            }

            default:
                return null;
        }
    }
}
