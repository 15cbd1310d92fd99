using System.Collections.Immutable;
using System.Xml.Linq;
using SynapseToBal.Diagnostics;

namespace SynapseToBal.Syntax;

/// <summary>Top-level artifacts other than APIs and sequences: proxy, template, inbound endpoint, task, stores, ...</summary>
public sealed partial class SynapseParser
{
    /// <summary>Older ESB task configurations may put task children in this namespace.</summary>
    private const string TasksNamespace = "http://www.wso2.org/products/wso2commons/tasks";

    // ---- proxy ----

    private ProxySyntax ParseProxy(XElement element)
    {
        var location = Loc(element);
        var unknown = ImmutableArray.CreateBuilder<UnknownChildSyntax>();
        var parameters = ImmutableArray.CreateBuilder<ConfigParameterSyntax>();
        var policies = ImmutableArray.CreateBuilder<ProxyPolicySyntax>();
        ProxyTargetSyntax? target = null;
        PublishWsdlSyntax? wsdl = null;
        var addressing = false;
        WsSecuritySyntax? security = null;
        WsReliableMessagingSyntax? reliable = null;
        string? description = null;
        foreach (var child in element.Elements())
        {
            switch (LocalName(child))
            {
                case "target" when target is null:
                    target = ParseProxyTarget(child, unknown);
                    break;
                case "publishWSDL" when wsdl is null:
                    wsdl = ParsePublishWsdl(child, unknown);
                    break;
                case "parameter":
                    parameters.Add(ParseConfigParameter(child, unknown));
                    break;
                case "policy":
                {
                    UnknownChildren(child, "policy", unknown);
                    var type = Attr(child, "type")?.Trim();
                    if (type is not null && type is not ("in" or "out"))
                    {
                        type = InvalidValue<string?>(child, "type", type, null);
                    }

                    policies.Add(new ProxyPolicySyntax(Attr(child, "key") ?? Missing(child, "key", string.Empty), type, Attr(child, "operationName"), Attr(child, "operationNamespace"), Loc(child)));
                    break;
                }

                case "enableAddressing":
                    Claim(child);
                    UnknownChildren(child, "enableAddressing", unknown);
                    addressing = true;
                    break;
                case "enableSec":
                    security = ParseSecurity(child, unknown);
                    break;
                case "enableRM":
                    reliable = ParseReliableMessaging(child, unknown);
                    break;
                case "description":
                    Claim(child);
                    description = TextOf(child);
                    break;
                default:
                    UnknownChild(child, "proxy", unknown);
                    break;
            }
        }

        if (target is null)
        {
            _diagnostics.Report(DiagnosticCatalog.MissingElement, location, "proxy", "target");
        }

        return new ProxySyntax(
            location,
            _source.RawXml(element),
            RequireName(element, "name"),
            List(Attr(element, "transports")),
            Bool(element, "startOnLoad", true),
            List(Attr(element, "pinnedServers")),
            Attr(element, "serviceGroup"),
            Aspect(element, "statistics"),
            Aspect(element, "trace"),
            target,
            wsdl,
            parameters.ToImmutable(),
            policies.ToImmutable(),
            addressing,
            security,
            reliable,
            description)
        {
            Unknown = unknown.ToImmutable(),
        };
    }

    private ProxyTargetSyntax ParseProxyTarget(XElement element, ImmutableArray<UnknownChildSyntax>.Builder unknown)
    {
        var location = Loc(element);
        var inSeq = KeyFlow(element, "inSequence");
        var outSeq = KeyFlow(element, "outSequence");
        var faultSeq = KeyFlow(element, "faultSequence");
        EndpointReferenceSyntax? endpoint = Attr(element, "endpoint") is { } endpointKey
            ? new EndpointReferenceSyntax.Key(KeySyntax.Create(endpointKey, Namespaces(element), location), location)
            : null;
        foreach (var child in element.Elements())
        {
            switch (LocalName(child))
            {
                // As in Synapse's ProxyServiceFactory, a key attribute wins over the inline element.
                case "inSequence" when inSeq is null:
                    inSeq = ParseInlineFlow(child);
                    break;
                case "outSequence" when outSeq is null:
                    outSeq = ParseInlineFlow(child);
                    break;
                case "faultSequence" when faultSeq is null:
                    faultSeq = ParseInlineFlow(child);
                    break;
                case "endpoint" when endpoint is null:
                    endpoint = ParseTargetEndpoint(child);
                    break;
                case "description":
                    Claim(child);
                    break;
                default:
                    UnknownChild(child, "target", unknown);
                    break;
            }
        }

        return new ProxyTargetSyntax(location, inSeq, outSeq, faultSeq, endpoint);
    }

    /// <summary>An endpoint given by key (<c>&lt;endpoint key="name"/&gt;</c>) is a reference; anything else is inline.</summary>
    private EndpointReferenceSyntax ParseTargetEndpoint(XElement element)
    {
        var key = Attr(element, "key");
        if (key is not null && element.Elements().All(e => LocalName(e) == "description"))
        {
            ClaimAll(element);
            return new EndpointReferenceSyntax.Key(KeySyntax.Create(key, Namespaces(element), Loc(element)), Loc(element));
        }

        return new EndpointReferenceSyntax.Inline(ParseEndpoint(element));
    }

    private PublishWsdlSyntax ParsePublishWsdl(XElement element, ImmutableArray<UnknownChildSyntax>.Builder unknown)
    {
        var location = Loc(element);
        string? inline = null;
        var resources = ImmutableArray.CreateBuilder<WsdlResourceSyntax>();
        foreach (var child in element.Elements())
        {
            if ((child.Name == XName.Get("definitions", Wsdl11Namespace) || child.Name == XName.Get("description", Wsdl20Namespace)) && inline is null)
            {
                inline = ClaimRaw(child);
            }
            else if (LocalName(child) == "resource")
            {
                UnknownChildren(child, "resource", unknown);
                resources.Add(new WsdlResourceSyntax(Attr(child, "location") ?? Missing(child, "location", string.Empty), Attr(child, "key") ?? Missing(child, "key", string.Empty), Loc(child)));
            }
            else
            {
                UnknownChild(child, "publishWSDL", unknown);
            }
        }

        return new PublishWsdlSyntax(location, Attr(element, "uri"), Attr(element, "key"), Attr(element, "endpoint"), NullableBool(element, "preservePolicy"), inline, resources.ToImmutable());
    }

    // ---- template ----

    private TemplateSyntax ParseTemplate(XElement element)
    {
        var location = Loc(element);
        var unknown = ImmutableArray.CreateBuilder<UnknownChildSyntax>();
        var parameters = ImmutableArray.CreateBuilder<TemplateParameterDeclarationSyntax>();
        XElement? sequence = null;
        XElement? endpoint = null;
        string? description = null;
        foreach (var child in element.Elements())
        {
            switch (LocalName(child))
            {
                case "parameter":
                    parameters.Add(ParseTemplateParameter(child, unknown));
                    break;
                case "sequence" when sequence is null && endpoint is null:
                    sequence = child;
                    break;
                case "endpoint" when sequence is null && endpoint is null:
                    endpoint = child;
                    break;
                case "description":
                    Claim(child);
                    description = TextOf(child);
                    break;
                default:
                    UnknownChild(child, "template", unknown);
                    break;
            }
        }

        var name = RequireName(element, "name");
        var raw = _source.RawXml(element);
        if (endpoint is not null)
        {
            return new EndpointTemplateSyntax(location, raw, name, parameters.ToImmutable(), description, ParseEndpoint(endpoint))
            {
                Unknown = unknown.ToImmutable(),
            };
        }

        var mediators = ImmutableArray<MediatorSyntax>.Empty;
        if (sequence is null)
        {
            _diagnostics.Report(DiagnosticCatalog.MissingElement, location, "template", "sequence");
        }
        else
        {
            Claim(sequence);
            mediators = ParseMediators(sequence);
        }

        return new SequenceTemplateSyntax(location, raw, name, parameters.ToImmutable(), description, Attr(element, "onError"), mediators)
        {
            // TemplateMediatorFactory reads them on <template> only (processAuditStatus); the inner <sequence>'s are not read.
            Statistics = Aspect(element, "statistics"),
            Trace = Aspect(element, "trace"),
            Unknown = unknown.ToImmutable(),
        };
    }

    private TemplateParameterDeclarationSyntax ParseTemplateParameter(XElement element, ImmutableArray<UnknownChildSyntax>.Builder unknown)
    {
        var location = Loc(element);
        UnknownChildren(element, "parameter", unknown);
        var mandatory = Attr(element, "isMandatory") is not null
            ? Bool(element, "isMandatory", false)
            : Attr(element, "optional") is not null && !Bool(element, "optional", true);
        return new TemplateParameterDeclarationSyntax(
            Attr(element, "name")?.Trim() ?? Missing(element, "name", string.Empty),
            mandatory,
            Attr(element, "defaultValue") ?? Attr(element, "default"),
            Attr(element, "description"),
            location);
    }

    // ---- inbound endpoint ----

    private InboundEndpointSyntax ParseInboundEndpoint(XElement element)
    {
        var location = Loc(element);
        var unknown = ImmutableArray.CreateBuilder<UnknownChildSyntax>();
        var parameters = ImmutableArray.CreateBuilder<ConfigParameterSyntax>();
        var handlers = ImmutableArray.CreateBuilder<string>();
        string? description = null;
        foreach (var child in element.Elements())
        {
            switch (LocalName(child))
            {
                case "parameters":
                    Claim(child);
                    foreach (var parameter in Items(child, "parameter", "parameters", unknown))
                    {
                        parameters.Add(ParseConfigParameter(parameter, unknown));
                    }

                    break;
                case "handlers":
                    Claim(child);
                    foreach (var handler in Items(child, "handler", "handlers", unknown))
                    {
                        Claim(handler);
                        UnknownChildren(handler, "handler", unknown);
                        handlers.Add(Attr(handler, "class") ?? Missing(handler, "class", string.Empty));
                    }

                    break;
                case "description":
                    Claim(child);
                    description = TextOf(child);
                    break;
                default:
                    UnknownChild(child, "inboundEndpoint", unknown);
                    break;
            }
        }

        var protocol = Attr(element, "protocol");
        var className = Attr(element, "class");
        if (protocol is null && className is null)
        {
            Missing(element, "protocol", string.Empty);
        }

        return new InboundEndpointSyntax(
            location,
            _source.RawXml(element),
            RequireName(element, "name"),
            protocol,
            className,
            Attr(element, "sequence"),
            Attr(element, "onError"),
            Bool(element, "suspend", false),
            Aspect(element, "statistics"),
            Aspect(element, "trace"),
            parameters.ToImmutable(),
            handlers.ToImmutable(),
            description)
        {
            Unknown = unknown.ToImmutable(),
        };
    }

    // ---- message store and processor ----

    private MessageStoreSyntax ParseMessageStore(XElement element)
    {
        var location = Loc(element);
        var unknown = ImmutableArray.CreateBuilder<UnknownChildSyntax>();
        var (parameters, description) = ParseParameterList(element, "messageStore", unknown);
        return new MessageStoreSyntax(location, _source.RawXml(element), RequireName(element, "name"), Attr(element, "class"), parameters, description)
        {
            Unknown = unknown.ToImmutable(),
        };
    }

    private MessageProcessorSyntax ParseMessageProcessor(XElement element)
    {
        var location = Loc(element);
        var unknown = ImmutableArray.CreateBuilder<UnknownChildSyntax>();
        var (parameters, description) = ParseParameterList(element, "messageProcessor", unknown);
        return new MessageProcessorSyntax(
            location,
            _source.RawXml(element),
            RequireName(element, "name"),
            Attr(element, "class") ?? Missing(element, "class", string.Empty),
            Attr(element, "messageStore") ?? Missing(element, "messageStore", string.Empty),
            // ForwardingService looks the endpoint up by key (SynapseConfiguration.getEndpoint, then the registry's
            // resolveRegistryURI), so gov:endpoints/x.xml names the resource gov:/endpoints/x.xml does.
            Attr(element, "targetEndpoint") is { } target ? KeySyntax.RegistrySlash(target) : null,
            parameters,
            description)
        {
            Statistics = Aspect(element, "statistics"),
            Trace = Aspect(element, "trace"),
            Unknown = unknown.ToImmutable(),
        };
    }

    // ---- task and task manager ----

    private TaskSyntax ParseTask(XElement element)
    {
        var location = Loc(element);
        var unknown = ImmutableArray.CreateBuilder<UnknownChildSyntax>();
        var properties = ImmutableArray.CreateBuilder<TaskPropertySyntax>();
        TaskTriggerSyntax? trigger = null;
        string? description = null;
        foreach (var child in element.Elements())
        {
            switch (TaskChildName(child))
            {
                case "property":
                {
                    var childLocation = Loc(child);
                    var value = Attr(child, "value");
                    string? xml = null;
                    var inline = child.Elements().ToList();
                    if (value is null && inline.Count > 0)
                    {
                        xml = StandaloneXml(ClaimWholeAndReturn(inline[0]));
                    }

                    foreach (var extra in inline.Skip(value is null ? 1 : 0))
                    {
                        UnknownChild(extra, "property", unknown);
                    }

                    if (value is null && xml is null)
                    {
                        Missing(child, "value", string.Empty);
                    }

                    properties.Add(new TaskPropertySyntax(Attr(child, "name") ?? Missing(child, "name", string.Empty), value, xml, childLocation));
                    break;
                }

                case "trigger" when trigger is null:
                    trigger = ParseTrigger(child, unknown);
                    break;
                case "description":
                    Claim(child);
                    description = TextOf(child);
                    break;
                default:
                    UnknownChild(child, "task", unknown);
                    break;
            }
        }

        return new TaskSyntax(
            location,
            _source.RawXml(element),
            RequireName(element, "name"),
            Attr(element, "class"),
            Attr(element, "group"),
            List(Attr(element, "pinnedServers")),
            trigger,
            properties.ToImmutable(),
            description)
        {
            Unknown = unknown.ToImmutable(),
        };
    }

    private TaskTriggerSyntax ParseTrigger(XElement element, ImmutableArray<UnknownChildSyntax>.Builder unknown)
    {
        var location = Loc(element);
        UnknownChildren(element, "trigger", unknown);
        var count = IntAttr(element, "count");
        var interval = Attr(element, "interval") is { } text ? ParseLong(text) ?? InvalidValue<long?>(element, "interval", text, null) : null;
        var cron = Attr(element, "cron");
        var once = Bool(element, "once", false);
        if (cron is not null && interval is not null)
        {
            InvalidValue(element, "cron", cron, cron, "a trigger has either a cron expression or an interval; Synapse rejects both");
        }

        return new TaskTriggerSyntax(count, interval, cron, once, location);
    }

    private string TaskChildName(XElement element) =>
        element.Name.NamespaceName == TasksNamespace ? element.Name.LocalName : LocalName(element);

    private TaskManagerSyntax ParseTaskManager(XElement element)
    {
        var location = Loc(element);
        var unknown = ImmutableArray.CreateBuilder<UnknownChildSyntax>();
        var (parameters, _) = ParseParameterList(element, "taskManager", unknown);
        return new TaskManagerSyntax(location, _source.RawXml(element), Attr(element, "name") ?? "taskManager", Attr(element, "provider"), parameters)
        {
            Unknown = unknown.ToImmutable(),
        };
    }

    // ---- event source, registry, import, executor ----

    private EventSourceSyntax ParseEventSource(XElement element)
    {
        var location = Loc(element);
        var unknown = ImmutableArray.CreateBuilder<UnknownChildSyntax>();
        string? managerClass = null;
        var managerProperties = ImmutableArray.CreateBuilder<NamedTextSyntax>();
        var subscriptions = ImmutableArray.CreateBuilder<EventSubscriptionSyntax>();
        string? description = null;
        foreach (var child in element.Elements())
        {
            switch (LocalName(child))
            {
                case "subscriptionManager" when managerClass is null:
                    Claim(child);
                    managerClass = Attr(child, "class") ?? Missing(child, "class", string.Empty);
                    foreach (var property in Items(child, "property", "subscriptionManager", unknown))
                    {
                        UnknownChildren(property, "property", unknown);
                        managerProperties.Add(new NamedTextSyntax(Attr(property, "name") ?? Missing(property, "name", string.Empty), Attr(property, "value"), Loc(property)));
                    }

                    break;
                case "subscription":
                    subscriptions.Add(ParseSubscription(child, unknown));
                    break;
                case "description":
                    Claim(child);
                    description = TextOf(child);
                    break;
                default:
                    UnknownChild(child, "eventSource", unknown);
                    break;
            }
        }

        return new EventSourceSyntax(location, _source.RawXml(element), RequireName(element, "name"), managerClass, managerProperties.ToImmutable(), subscriptions.ToImmutable(), description)
        {
            Unknown = unknown.ToImmutable(),
        };
    }

    private EventSubscriptionSyntax ParseSubscription(XElement element, ImmutableArray<UnknownChildSyntax>.Builder unknown)
    {
        var location = Loc(element);
        string? dialect = null;
        string? source = null;
        string? uri = null;
        string? expires = null;
        foreach (var child in element.Elements())
        {
            switch (LocalName(child))
            {
                case "filter":
                    Claim(child);
                    UnknownChildren(child, "filter", unknown);
                    dialect = Attr(child, "dialect");
                    source = Attr(child, "source");
                    break;
                case "endpoint":
                    Claim(child);
                    foreach (var address in Items(child, "address", "subscription endpoint", unknown))
                    {
                        Claim(address);
                        UnknownChildren(address, "address", unknown);
                        uri = Attr(address, "uri") ?? Missing(address, "uri", string.Empty);
                    }

                    break;
                case "expires":
                    Claim(child);
                    expires = TextOf(child);
                    break;
                default:
                    UnknownChild(child, "subscription", unknown);
                    break;
            }
        }

        return new EventSubscriptionSyntax(Attr(element, "id"), dialect, source, uri, expires, location);
    }

    private RegistrySyntax ParseRegistry(XElement element)
    {
        var location = Loc(element);
        var unknown = ImmutableArray.CreateBuilder<UnknownChildSyntax>();
        var (parameters, _) = ParseParameterList(element, "registry", unknown);
        return new RegistrySyntax(location, _source.RawXml(element), Attr(element, "name") ?? "registry", Attr(element, "provider") ?? Missing(element, "provider", string.Empty), parameters)
        {
            Unknown = unknown.ToImmutable(),
        };
    }

    private ImportSyntax ParseImport(XElement element)
    {
        var location = Loc(element);
        var unknown = ImmutableArray.CreateBuilder<UnknownChildSyntax>();
        UnknownChildren(element, "import", unknown);
        var status = Attr(element, "status")?.Trim();
        if (status is not null && status is not ("enabled" or "disabled"))
        {
            status = InvalidValue<string?>(element, "status", status, null);
        }

        return new ImportSyntax(location, _source.RawXml(element), RequireName(element, "name"), Attr(element, "package") ?? Missing(element, "package", string.Empty), status)
        {
            Unknown = unknown.ToImmutable(),
        };
    }

    private PriorityExecutorSyntax ParsePriorityExecutor(XElement element)
    {
        var location = Loc(element);
        var unknown = ImmutableArray.CreateBuilder<UnknownChildSyntax>();
        var queues = ImmutableArray.CreateBuilder<ExecutorQueueSyntax>();
        bool? fixedSize = null;
        string? nextQueue = null;
        int? max = null;
        int? core = null;
        int? keepAlive = null;
        foreach (var child in element.Elements())
        {
            switch (LocalName(child))
            {
                case "queues":
                    Claim(child);
                    fixedSize = NullableBool(child, "isFixedSize");
                    nextQueue = Attr(child, "nextQueue");
                    foreach (var queue in Items(child, "queue", "queues", unknown))
                    {
                        UnknownChildren(queue, "queue", unknown);
                        queues.Add(new ExecutorQueueSyntax(IntAttr(queue, "priority"), IntAttr(queue, "size"), Loc(queue)));
                    }

                    break;
                case "threads":
                    Claim(child);
                    UnknownChildren(child, "threads", unknown);
                    max = IntAttr(child, "max");
                    core = IntAttr(child, "core");
                    keepAlive = IntAttr(child, "keep-alive");
                    break;
                case "description":
                    Claim(child);
                    break;
                default:
                    UnknownChild(child, "priorityExecutor", unknown);
                    break;
            }
        }

        return new PriorityExecutorSyntax(location, _source.RawXml(element), RequireName(element, "name"), Attr(element, "beforeExecuteHandler"), fixedSize, nextQueue, queues.ToImmutable(), max, core, keepAlive)
        {
            Unknown = unknown.ToImmutable(),
        };
    }

    // ---- shared pieces ----

    /// <summary>The <c>&lt;parameter&gt;</c> children (and description) of a store, processor, registry or task manager.</summary>
    private (ImmutableArray<ConfigParameterSyntax> Parameters, string? Description) ParseParameterList(XElement element, string context, ImmutableArray<UnknownChildSyntax>.Builder unknown)
    {
        var parameters = ImmutableArray.CreateBuilder<ConfigParameterSyntax>();
        string? description = null;
        foreach (var child in element.Elements())
        {
            switch (LocalName(child))
            {
                case "parameter":
                    parameters.Add(ParseConfigParameter(child, unknown));
                    break;
                case "description":
                    Claim(child);
                    description = TextOf(child);
                    break;
                default:
                    UnknownChild(child, context, unknown);
                    break;
            }
        }

        return (parameters.ToImmutable(), description);
    }

    /// <summary>A <c>&lt;parameter name [key] [expression]&gt;</c> whose value is its text or its first child element.</summary>
    private ConfigParameterSyntax ParseConfigParameter(XElement element, ImmutableArray<UnknownChildSyntax>.Builder unknown)
    {
        var location = Loc(element);
        var name = Attr(element, "name") ?? Missing(element, "name", string.Empty);
        var expression = Attr(element, "expression") is { } text ? ExpressionSyntax.Create(text, Namespaces(element), location) : null;
        var inline = element.Elements().FirstOrDefault();
        var xml = inline is null ? null : ClaimRaw(inline);
        foreach (var extra in element.Elements().Skip(1))
        {
            // Synapse reads only the first element.
            UnknownChild(extra, "parameter", unknown);
        }

        var trimmed = inline is null ? TextOf(element) : null;
        return new ConfigParameterSyntax(name, trimmed, xml, Attr(element, "key"), expression, location) { RawText = trimmed is null ? null : element.Value };
    }

    /// <summary>The children of a wrapper element that have the given name; any other child is kept as an unknown child.</summary>
    private IEnumerable<XElement> Items(XElement wrapper, string name, string context, ImmutableArray<UnknownChildSyntax>.Builder unknown)
    {
        foreach (var child in wrapper.Elements())
        {
            if (LocalName(child) == name)
            {
                yield return child;
            }
            else
            {
                UnknownChild(child, context, unknown);
            }
        }
    }

    /// <summary>The children of a mediator's wrapper element that have the given name; any other child is kept as an extra child.</summary>
    private IEnumerable<XElement> ItemsOrExtra(XElement wrapper, string name, string context)
    {
        foreach (var child in wrapper.Elements())
        {
            if (LocalName(child) == name)
            {
                yield return child;
            }
            else
            {
                Extra(child, context);
            }
        }
    }

    /// <summary>Reports an unknown child element (SB0101), claims it whole and keeps its XML.</summary>
    private void UnknownChild(XElement child, string context, ImmutableArray<UnknownChildSyntax>.Builder unknown)
    {
        ReportUnknown(child, context);
        unknown.Add(new UnknownChildSyntax(child.Name.LocalName, ClaimRaw(child), Loc(child)));
    }

    /// <summary>For elements that have no children of their own: every child is unknown.</summary>
    private void UnknownChildren(XElement element, string context, ImmutableArray<UnknownChildSyntax>.Builder unknown)
    {
        Claim(element);
        foreach (var child in element.Elements())
        {
            UnknownChild(child, context, unknown);
        }
    }

    /// <summary>The trimmed text content of an element, or null when it is empty.</summary>
    private static string? TextOf(XElement element)
    {
        var text = element.Value.Trim();
        return text.Length == 0 ? null : text;
    }

    /// <summary>A <c>statistics</c>/<c>trace</c> attribute: only <c>enable</c> turns it on.</summary>
    private bool Aspect(XElement element, string attribute)
    {
        var value = Attr(element, attribute)?.Trim();
        return value switch
        {
            null or "disable" or "" => false,
            "enable" => true,
            _ => InvalidValue(element, attribute, value, false),
        };
    }

    private bool Bool(XElement element, string attribute, bool fallback) => NullableBool(element, attribute) ?? fallback;

    private bool? NullableBool(XElement element, string attribute)
    {
        var value = Attr(element, attribute)?.Trim();
        if (value is null)
        {
            return null;
        }

        return bool.TryParse(value, out var result) ? result : InvalidValue<bool?>(element, attribute, value, null);
    }

    /// <summary>A list attribute separated by spaces or commas (transports, pinnedServers).</summary>
    private static ImmutableArray<string> List(string? value) =>
        value is null ? [] : value.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToImmutableArray();

    private T InvalidValue<T>(XElement element, string attribute, string value, T fallback, string? consequence = null)
    {
        _diagnostics.Report(DiagnosticCatalog.InvalidAttribute, Loc(element), element.Name.LocalName, attribute, value, consequence ?? (fallback switch
        {
            null => "it is ignored",
            bool b => b ? "'true' is used instead" : "'false' is used instead",
            _ => $"'{fallback}' is used instead",
        }));
        return fallback;
    }
}
