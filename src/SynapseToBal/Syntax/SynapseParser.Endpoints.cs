using System.Collections.Immutable;
using System.Xml.Linq;

namespace SynapseToBal.Syntax;

public sealed partial class SynapseParser
{
    private const string Wsdl11Namespace = "http://schemas.xmlsoap.org/wsdl/";
    private const string Wsdl20Namespace = "http://www.w3.org/ns/wsdl";

    private static readonly HashSet<string> DefinitionElements = new(StringComparer.Ordinal)
    {
        "address", "wsdl", "default", "loadbalance", "dynamicLoadbalance", "serviceDynamicLoadbalance", "failover",
        "recipientlist", "http", "class",
    };

    /// <summary>
    /// Parses an <c>&lt;endpoint&gt;</c>. As in Synapse's EndpointFactory, <c>key</c>, <c>key-expression</c> and
    /// <c>template</c> attributes take precedence over a definition child; otherwise the first definition child wins.
    /// </summary>
    private EndpointSyntax ParseEndpoint(XElement element)
    {
        var location = Loc(element);
        var unknown = ImmutableArray.CreateBuilder<UnknownChildSyntax>();
        var properties = ImmutableArray.CreateBuilder<EndpointPropertySyntax>();
        var templateParameters = ImmutableArray.CreateBuilder<NamedTextSyntax>();
        EndpointDefinitionSyntax? definition = null;
        XElement? session = null;
        string? description = null;
        var key = Attr(element, "key");
        var keyExpression = Attr(element, "key-expression");
        var template = Attr(element, "template");
        var byAttribute = key is not null || keyExpression is not null || template is not null;
        foreach (var child in element.Elements())
        {
            var name = LocalName(child);
            switch (name)
            {
                case "property":
                    properties.Add(ParseEndpointProperty(child));
                    break;
                case "description":
                    Claim(child);
                    description = TextOf(child);
                    break;
                case "session":
                    session = child;
                    break;
                case "parameter" when template is not null:
                    templateParameters.Add(new NamedTextSyntax(Attr(child, "name") ?? Missing(child, "name", string.Empty), Attr(child, "value") ?? Missing(child, "value", string.Empty), Loc(child)));
                    break;
                case var _ when DefinitionElements.Contains(name) && definition is null && !byAttribute:
                    definition = ParseDefinition(child);
                    break;
                default:
                    UnknownChild(child, "endpoint", unknown);
                    break;
            }
        }

        if (keyExpression is not null && key is null)
        {
            definition = new IndirectEndpointSyntax(location, new KeySyntax(keyExpression, ExpressionSyntax.Create(keyExpression, Namespaces(element), location)));
        }
        else if (key is not null)
        {
            definition = new IndirectEndpointSyntax(location, KeySyntax.Create(key, Namespaces(element), location));
        }
        else if (template is not null)
        {
            definition = new TemplateEndpointSyntax(location, template, Attr(element, "uri"), templateParameters.ToImmutable());
        }

        if (definition is null && !byAttribute && unknown.Count > 0)
        {
            // A definition element the parser does not know: the endpoint stands for it, kept whole.
            var first = unknown[0];
            definition = new UnknownEndpointSyntax(first.Location, first.Name, first.RawXml);
        }

        if (session is not null)
        {
            if (definition is LoadbalanceEndpointSyntax loadbalance)
            {
                definition = loadbalance with { Session = ParseSession(session, unknown) };
            }
            else
            {
                UnknownChild(session, "endpoint (a session needs a loadbalance group)", unknown);
            }
        }

        return new EndpointSyntax(location, _source.RawXml(element), Attr(element, "name"), definition, properties.ToImmutable())
        {
            OnError = Attr(element, "onError"),
            Description = description,
            // statistics/trace are read on the leaf (DefaultEndpointFactory.processAuditStatus), not on <endpoint>:
            // left unread here, they are reported as attributes the converter does not read (SB0107).
            Unknown = unknown.ToImmutable(),
        };
    }

    private EndpointDefinitionSyntax ParseDefinition(XElement element) => LocalName(element) switch
    {
        "address" => ParseAddress(element),
        "http" => ParseHttp(element),
        "wsdl" => ParseWsdl(element),
        "default" => ParseDefault(element),
        "failover" => ParseFailover(element),
        "loadbalance" => ParseLoadbalance(element),
        "recipientlist" => ParseRecipientList(element),
        "class" => ParseClassEndpoint(element),
        "dynamicLoadbalance" => ParseDynamicLoadbalance(element),
        "serviceDynamicLoadbalance" => ParseServiceDynamicLoadbalance(element),
        _ => new UnknownEndpointSyntax(Loc(element), element.Name.LocalName, ClaimRaw(element)),
    };

    private EndpointPropertySyntax ParseEndpointProperty(XElement element)
    {
        var location = Loc(element);
        var name = Attr(element, "name") ?? Missing(element, "name", string.Empty);
        ValueSyntax value;
        if (Attr(element, "value") is { } literal)
        {
            value = new ValueSyntax.Literal(literal);
        }
        else if (Attr(element, "expression") is { } expression)
        {
            value = new ValueSyntax.Expression(ExpressionSyntax.Create(expression, Namespaces(element), location));
        }
        else if (element.Elements().FirstOrDefault() is { } inline)
        {
            value = new ValueSyntax.InlineXml(ClaimRaw(inline));
        }
        else
        {
            value = new ValueSyntax.Literal(string.Empty);
        }

        var scope = (Attr(element, "scope") ?? "default").Trim();
        if (scope is not ("default" or "transport" or "axis2" or "axis2-client"))
        {
            scope = InvalidValue(element, "scope", scope, "default");
        }

        return new EndpointPropertySyntax(name, value, scope, location);
    }

    private AddressEndpointSyntax ParseAddress(XElement element)
    {
        var location = Loc(element);
        var unknown = ImmutableArray.CreateBuilder<UnknownChildSyntax>();
        var qualities = ParseQualities(element, unknown, _ => false);
        return new AddressEndpointSyntax(location, Attr(element, "uri") ?? Missing(element, "uri", string.Empty), Attr(element, "format"), qualities)
        {
            Unknown = unknown.ToImmutable(),
        };
    }

    private HttpEndpointSyntax ParseHttp(XElement element)
    {
        var location = Loc(element);
        var unknown = ImmutableArray.CreateBuilder<UnknownChildSyntax>();
        HttpAuthenticationSyntax? authentication = null;
        string? serverPush = null;
        var qualities = ParseQualities(element, unknown, child =>
        {
            switch (LocalName(child))
            {
                case "authentication":
                    authentication = ParseAuthentication(child, unknown);
                    return true;
                case "serverPushSequence":
                    Claim(child);
                    serverPush = TextOf(child);
                    return true;
                default:
                    return false;
            }
        });
        var version = Attr(element, "version")?.Trim();
        if (version is not null && version is not ("1.1" or "2.0"))
        {
            version = InvalidValue<string?>(element, "version", version, null);
        }

        return new HttpEndpointSyntax(
            location,
            Attr(element, "uri-template") ?? Missing(element, "uri-template", string.Empty),
            Attr(element, "method")?.Trim().ToUpperInvariant(),
            qualities)
        {
            Format = Attr(element, "format"),
            HttpVersion = version,
            Authentication = authentication,
            ServerPushSequence = serverPush,
            Unknown = unknown.ToImmutable(),
        };
    }

    private HttpAuthenticationSyntax? ParseAuthentication(XElement element, ImmutableArray<UnknownChildSyntax>.Builder unknown)
    {
        Claim(element);
        var scheme = element.Elements().FirstOrDefault();
        if (scheme is null)
        {
            return null;
        }

        Claim(scheme);
        var schemeName = LocalName(scheme);
        if (schemeName is not ("basicAuth" or "oauth"))
        {
            foreach (var other in element.Elements())
            {
                UnknownChild(other, "authentication", unknown);
            }

            return null;
        }

        foreach (var extra in element.Elements().Skip(1))
        {
            UnknownChild(extra, "authentication", unknown);
        }

        // basicAuth holds its settings directly; oauth holds one grant element that holds them.
        string? grant = null;
        var settingsParent = scheme;
        if (schemeName == "oauth" && scheme.Elements().FirstOrDefault() is { } grantElement)
        {
            Claim(grantElement);
            grant = LocalName(grantElement);
            settingsParent = grantElement;
            foreach (var extra in scheme.Elements().Skip(1))
            {
                UnknownChild(extra, "oauth", unknown);
            }
        }

        var settings = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        var parameters = ImmutableArray.CreateBuilder<NamedTextSyntax>();
        var headers = ImmutableArray.CreateBuilder<NamedTextSyntax>();
        foreach (var setting in settingsParent.Elements())
        {
            var name = LocalName(setting);
            Claim(setting);
            switch (name)
            {
                case "requestParameters" or "customHeaders":
                    foreach (var item in setting.Elements())
                    {
                        var target = name == "requestParameters" ? parameters : headers;
                        target.Add(new NamedTextSyntax(Attr(item, "name") ?? Missing(item, "name", string.Empty), TextOf(item), Loc(item)));
                    }

                    break;
                case "proxyConfigs":
                    foreach (var item in setting.Elements())
                    {
                        Claim(item);
                        settings["proxyConfigs." + item.Name.LocalName] = TextOf(item) ?? string.Empty;
                    }

                    break;
                default:
                    if (setting.HasElements)
                    {
                        UnknownChild(setting, settingsParent.Name.LocalName, unknown);
                    }
                    else
                    {
                        settings[setting.Name.LocalName] = TextOf(setting) ?? string.Empty;
                    }

                    break;
            }
        }

        return new HttpAuthenticationSyntax(schemeName, grant, settings.ToImmutable(), parameters.ToImmutable(), headers.ToImmutable(), Loc(element));
    }

    private WsdlEndpointSyntax ParseWsdl(XElement element)
    {
        var location = Loc(element);
        var unknown = ImmutableArray.CreateBuilder<UnknownChildSyntax>();
        string? inline = null;
        var qualities = ParseQualities(element, unknown, child =>
        {
            if ((child.Name == XName.Get("definitions", Wsdl11Namespace) || child.Name == XName.Get("description", Wsdl20Namespace)) && inline is null)
            {
                inline = ClaimRaw(child);
                return true;
            }

            return false;
        });
        var uri = Attr(element, "uri");
        if (uri is null && inline is null)
        {
            Missing(element, "uri", string.Empty);
        }

        return new WsdlEndpointSyntax(location, uri, Attr(element, "service") ?? Missing(element, "service", string.Empty), Attr(element, "port") ?? Missing(element, "port", string.Empty), inline, Attr(element, "format"), qualities)
        {
            Unknown = unknown.ToImmutable(),
        };
    }

    private DefaultEndpointSyntax ParseDefault(XElement element)
    {
        var location = Loc(element);
        var unknown = ImmutableArray.CreateBuilder<UnknownChildSyntax>();
        var qualities = ParseQualities(element, unknown, _ => false);
        return new DefaultEndpointSyntax(location, Attr(element, "format"), qualities) { Unknown = unknown.ToImmutable() };
    }

    private ClassEndpointSyntax ParseClassEndpoint(XElement element)
    {
        var location = Loc(element);
        var unknown = ImmutableArray.CreateBuilder<UnknownChildSyntax>();
        var parameters = ImmutableArray.CreateBuilder<NamedTextSyntax>();
        foreach (var child in Items(element, "parameter", "class", unknown))
        {
            parameters.Add(new NamedTextSyntax(Attr(child, "name") ?? Missing(child, "name", string.Empty), TextOf(child), Loc(child)));
        }

        return new ClassEndpointSyntax(location, Attr(element, "name") ?? Missing(element, "name", string.Empty), parameters.ToImmutable())
        {
            Unknown = unknown.ToImmutable(),
        };
    }

    private FailoverEndpointSyntax ParseFailover(XElement element)
    {
        var location = Loc(element);
        var unknown = ImmutableArray.CreateBuilder<UnknownChildSyntax>();
        var (children, _) = ParseGroupChildren(element, unknown, allowMembers: false);
        return new FailoverEndpointSyntax(location, children, Bool(element, "dynamic", true), NullableBool(element, "buildMessage"))
        {
            Unknown = unknown.ToImmutable(),
        };
    }

    private LoadbalanceEndpointSyntax ParseLoadbalance(XElement element)
    {
        var location = Loc(element);
        var unknown = ImmutableArray.CreateBuilder<UnknownChildSyntax>();
        var (children, members) = ParseGroupChildren(element, unknown, allowMembers: true);
        return new LoadbalanceEndpointSyntax(
            location,
            children,
            members,
            Attr(element, "algorithm")?.Trim(),
            Attr(element, "policy")?.Trim(),
            Bool(element, "failover", true),
            NullableBool(element, "buildMessage"),
            Session: null)
        {
            Unknown = unknown.ToImmutable(),
        };
    }

    private LoadbalanceSessionSyntax ParseSession(XElement element, ImmutableArray<UnknownChildSyntax>.Builder unknown)
    {
        var location = Loc(element);
        long? timeout = null;
        foreach (var child in Items(element, "sessionTimeout", "session", unknown))
        {
            Claim(child);
            timeout = LongContent(child);
        }

        var type = Attr(element, "type")?.Trim();
        if (type is null)
        {
            Missing(element, "type", string.Empty);
        }
        else if (!type.Equals("http", StringComparison.OrdinalIgnoreCase) && !type.Equals("soap", StringComparison.OrdinalIgnoreCase)
            && !type.Equals("simpleClientSession", StringComparison.OrdinalIgnoreCase))
        {
            type = InvalidValue<string?>(element, "type", type, null);
        }

        return new LoadbalanceSessionSyntax(type, timeout, location);
    }

    private RecipientListEndpointSyntax ParseRecipientList(XElement element)
    {
        var location = Loc(element);
        var unknown = ImmutableArray.CreateBuilder<UnknownChildSyntax>();
        ValueSyntax? dynamic = null;
        int? maxCache = null;
        var endpoints = ImmutableArray.CreateBuilder<EndpointSyntax>();
        var members = ImmutableArray.CreateBuilder<EndpointMemberSyntax>();
        foreach (var child in element.Elements())
        {
            switch (LocalName(child))
            {
                case "endpoint":
                    endpoints.Add(ParseEndpoint(child));
                    break;
                case "member":
                    members.Add(ParseMember(child, unknown));
                    break;
                case "endpoints" when dynamic is null:
                {
                    var childLocation = Loc(child);
                    var value = Attr(child, "value") ?? Missing(child, "value", string.Empty);
                    var trimmed = value.Trim();
                    dynamic = trimmed.Length > 2 && trimmed[0] == '{' && trimmed[^1] == '}'
                        ? new ValueSyntax.Expression(ExpressionSyntax.Create(trimmed[1..^1], Namespaces(child), childLocation))
                        : new ValueSyntax.Literal(value);
                    if (Attr(child, "max-cache") is { } max)
                    {
                        maxCache = ParseInt(max) ?? InvalidValue<int?>(child, "max-cache", max, null);
                    }

                    break;
                }

                case "description":
                    Claim(child);
                    break;
                default:
                    UnknownChild(child, "recipientlist", unknown);
                    break;
            }
        }

        return new RecipientListEndpointSyntax(location, endpoints.ToImmutable(), members.ToImmutable(), dynamic, maxCache)
        {
            Unknown = unknown.ToImmutable(),
        };
    }

    private DynamicLoadbalanceEndpointSyntax ParseDynamicLoadbalance(XElement element)
    {
        var location = Loc(element);
        var unknown = ImmutableArray.CreateBuilder<UnknownChildSyntax>();
        string? handlerClass = null;
        var properties = ImmutableArray.CreateBuilder<NamedTextSyntax>();
        foreach (var child in element.Elements())
        {
            if (LocalName(child) == "membershipHandler" && handlerClass is null)
            {
                Claim(child);
                handlerClass = Attr(child, "class") ?? Missing(child, "class", string.Empty);
                foreach (var property in Items(child, "property", "membershipHandler", unknown))
                {
                    properties.Add(new NamedTextSyntax(Attr(property, "name") ?? Missing(property, "name", string.Empty), Attr(property, "value"), Loc(property)));
                }
            }
            else
            {
                UnknownChild(child, "dynamicLoadbalance", unknown);
            }
        }

        return new DynamicLoadbalanceEndpointSyntax(location, Attr(element, "algorithm")?.Trim(), Bool(element, "failover", true), handlerClass, properties.ToImmutable())
        {
            Unknown = unknown.ToImmutable(),
        };
    }

    private ServiceDynamicLoadbalanceEndpointSyntax ParseServiceDynamicLoadbalance(XElement element)
    {
        var location = Loc(element);
        var unknown = ImmutableArray.CreateBuilder<UnknownChildSyntax>();
        string? config = null;
        foreach (var child in element.Elements())
        {
            if (LocalName(child) == "loadBalancerConfig" && config is null)
            {
                config = ClaimRaw(child);
            }
            else
            {
                UnknownChild(child, "serviceDynamicLoadbalance", unknown);
            }
        }

        return new ServiceDynamicLoadbalanceEndpointSyntax(location, Attr(element, "algorithm")?.Trim(), Bool(element, "failover", true), config)
        {
            Unknown = unknown.ToImmutable(),
        };
    }

    private (ImmutableArray<EndpointSyntax> Children, ImmutableArray<EndpointMemberSyntax> Members) ParseGroupChildren(
        XElement group,
        ImmutableArray<UnknownChildSyntax>.Builder unknown,
        bool allowMembers)
    {
        var endpoints = ImmutableArray.CreateBuilder<EndpointSyntax>();
        var members = ImmutableArray.CreateBuilder<EndpointMemberSyntax>();
        foreach (var child in group.Elements())
        {
            switch (LocalName(child))
            {
                case "endpoint":
                    endpoints.Add(ParseEndpoint(child));
                    break;
                case "member" when allowMembers:
                    members.Add(ParseMember(child, unknown));
                    break;
                case "description":
                    Claim(child);
                    break;
                default:
                    UnknownChild(child, group.Name.LocalName, unknown);
                    break;
            }
        }

        return (endpoints.ToImmutable(), members.ToImmutable());
    }

    private EndpointMemberSyntax ParseMember(XElement element, ImmutableArray<UnknownChildSyntax>.Builder unknown)
    {
        var location = Loc(element);
        UnknownChildren(element, "member", unknown);

        return new EndpointMemberSyntax(
            Attr(element, "hostName") ?? Missing(element, "hostName", string.Empty),
            IntAttr(element, "httpPort"),
            IntAttr(element, "httpsPort"),
            location);
    }

    /// <summary>
    /// Reads the QoS children of a leaf endpoint (timeout, suspension, retry, WS-*); <paramref name="extra"/> handles
    /// the children specific to the leaf kind and returns false for children it does not know.
    /// </summary>
    private EndpointQualities ParseQualities(XElement leaf, ImmutableArray<UnknownChildSyntax>.Builder unknown, Func<XElement, bool> extra)
    {
        long? timeout = null;
        ExpressionSyntax? dynamicTimeout = null;
        string? responseAction = null;
        var suspendCodes = ImmutableArray<string>.Empty;
        long? initial = null;
        long? maximum = null;
        double? factor = null;
        var timeoutCodes = ImmutableArray<string>.Empty;
        int? retries = null;
        long? retryDelay = null;
        long? suspendSeconds = null;
        var retryDisabled = ImmutableArray<string>.Empty;
        var retryEnabled = ImmutableArray<string>.Empty;
        WsAddressingSyntax? addressing = null;
        WsSecuritySyntax? security = null;
        WsReliableMessagingSyntax? reliable = null;
        foreach (var child in leaf.Elements())
        {
            switch (LocalName(child))
            {
                case "timeout":
                    Claim(child);
                    foreach (var setting in child.Elements())
                    {
                        switch (LocalName(setting))
                        {
                            case "duration":
                            {
                                Claim(setting);
                                var text = TextOf(setting);
                                if (text is { Length: > 2 } && text[0] == '{' && text[^1] == '}')
                                {
                                    dynamicTimeout = ExpressionSyntax.Create(text[1..^1], Namespaces(setting), Loc(setting));
                                }
                                else
                                {
                                    timeout = LongContent(setting);
                                }

                                break;
                            }

                            case "responseAction":
                                Claim(setting);
                                responseAction = setting.Value.Trim();
                                if (!responseAction.Equals("discard", StringComparison.OrdinalIgnoreCase)
                                    && !responseAction.Equals("fault", StringComparison.OrdinalIgnoreCase))
                                {
                                    // Synapse rejects any other action, the empty one included.
                                    responseAction = InvalidValue<string?>(setting, "value", responseAction, null);
                                }

                                break;
                            default:
                                UnknownChild(setting, "timeout", unknown);
                                break;
                        }
                    }

                    break;
                case "suspendOnFailure":
                    Claim(child);
                    foreach (var setting in child.Elements())
                    {
                        switch (LocalName(setting))
                        {
                            case "errorCodes":
                                suspendCodes = ErrorCodes(setting);
                                break;
                            case "initialDuration":
                                Claim(setting);
                                initial = LongContent(setting);
                                break;
                            case "maximumDuration":
                                Claim(setting);
                                maximum = LongContent(setting);
                                break;
                            case "progressionFactor":
                                Claim(setting);
                                factor = ParseDouble(TextOf(setting)) ?? InvalidValue<double?>(setting, "value", setting.Value, null);
                                break;
                            default:
                                UnknownChild(setting, "suspendOnFailure", unknown);
                                break;
                        }
                    }

                    break;
                case "markForSuspension":
                    Claim(child);
                    foreach (var setting in child.Elements())
                    {
                        switch (LocalName(setting))
                        {
                            case "errorCodes":
                                timeoutCodes = ErrorCodes(setting);
                                break;
                            case "retriesBeforeSuspension":
                                Claim(setting);
                                retries = ParseInt(TextOf(setting)) ?? InvalidValue<int?>(setting, "value", setting.Value, null);
                                break;
                            case "retryDelay":
                                Claim(setting);
                                retryDelay = LongContent(setting);
                                break;
                            default:
                                UnknownChild(setting, "markForSuspension", unknown);
                                break;
                        }
                    }

                    break;
                case "suspendDurationOnFailure":
                    Claim(child);
                    suspendSeconds = LongContent(child);
                    break;
                case "retryConfig":
                    Claim(child);
                    foreach (var setting in child.Elements())
                    {
                        switch (LocalName(setting))
                        {
                            case "disabledErrorCodes":
                                retryDisabled = ErrorCodes(setting);
                                break;
                            case "enabledErrorCodes":
                                retryEnabled = ErrorCodes(setting);
                                break;
                            default:
                                UnknownChild(setting, "retryConfig", unknown);
                                break;
                        }
                    }

                    break;
                case "enableAddressing":
                    addressing = ParseAddressing(child, unknown);
                    break;
                case "enableSec":
                    security = ParseSecurity(child, unknown);
                    break;
                case "enableRM":
                    reliable = ParseReliableMessaging(child, unknown);
                    break;
                case "description":
                    Claim(child);
                    break;
                default:
                    if (!extra(child))
                    {
                        UnknownChild(child, leaf.Name.LocalName, unknown);
                    }

                    break;
            }
        }

        var optimize = Attr(leaf, "optimize")?.Trim();
        if (optimize is { Length: > 0 } && !optimize.Equals("mtom", StringComparison.OrdinalIgnoreCase) && !optimize.Equals("swa", StringComparison.OrdinalIgnoreCase))
        {
            optimize = InvalidValue<string?>(leaf, "optimize", optimize, null);
        }

        return new EndpointQualities(timeout, responseAction, suspendCodes, initial, maximum, factor, timeoutCodes, retries, retryDelay)
        {
            DynamicTimeout = dynamicTimeout,
            SuspendDurationOnFailureSeconds = suspendSeconds,
            RetryDisabledErrorCodes = retryDisabled,
            RetryEnabledErrorCodes = retryEnabled,
            Addressing = addressing,
            Security = security,
            ReliableMessaging = reliable,
            Optimize = optimize is { Length: > 0 } ? optimize : null,
            Encoding = Attr(leaf, "encoding"),
            Statistics = Aspect(leaf, "statistics"),
            Trace = Aspect(leaf, "trace"),
        };
    }

    private WsAddressingSyntax ParseAddressing(XElement element, ImmutableArray<UnknownChildSyntax>.Builder unknown)
    {
        var location = Loc(element);
        UnknownChildren(element, "enableAddressing", unknown);
        var version = Attr(element, "version")?.Trim();
        if (version is not null && !version.Equals("final", StringComparison.OrdinalIgnoreCase) && !version.Equals("submission", StringComparison.OrdinalIgnoreCase))
        {
            version = InvalidValue<string?>(element, "version", version, null);
        }

        return new WsAddressingSyntax(version, Bool(element, "separateListener", false), location);
    }

    private WsSecuritySyntax ParseSecurity(XElement element, ImmutableArray<UnknownChildSyntax>.Builder unknown)
    {
        var location = Loc(element);
        UnknownChildren(element, "enableSec", unknown);
        var policy = Attr(element, "policy");
        return new WsSecuritySyntax(
            policy is null ? null : KeySyntax.Create(policy, Namespaces(element), location),
            Attr(element, "inboundPolicy"),
            Attr(element, "outboundPolicy"),
            location);
    }

    private WsReliableMessagingSyntax ParseReliableMessaging(XElement element, ImmutableArray<UnknownChildSyntax>.Builder unknown)
    {
        var location = Loc(element);
        UnknownChildren(element, "enableRM", unknown);
        return new WsReliableMessagingSyntax(Attr(element, "policy"), location);
    }

    /// <summary>A comma- or space-separated list of integer error codes; the element is claimed.</summary>
    private ImmutableArray<string> ErrorCodes(XElement element)
    {
        Claim(element);
        var codes = ImmutableArray.CreateBuilder<string>();
        foreach (var code in Codes(TextOf(element)))
        {
            if (ParseInt(code) is null)
            {
                InvalidValue(element, "value", code, code, "the code is ignored");
                continue;
            }

            codes.Add(code);
        }

        return codes.ToImmutable();
    }

    /// <summary>The whole-number content of a setting element, or null with a warning when it is not one.</summary>
    private long? LongContent(XElement element)
    {
        var text = TextOf(element);
        return text is null ? null : ParseLong(text) ?? InvalidValue<long?>(element, "value", text, null);
    }

    private int? IntAttr(XElement element, string attribute)
    {
        var text = Attr(element, attribute);
        return text is null ? null : ParseInt(text) ?? InvalidValue<int?>(element, attribute, text, null);
    }

    private static ImmutableArray<string> Codes(string? value) =>
        value is null ? [] : value.Split([',', ' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToImmutableArray();
}
