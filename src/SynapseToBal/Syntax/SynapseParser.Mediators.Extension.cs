using System.Collections.Immutable;
using System.Xml.Linq;

namespace SynapseToBal.Syntax;

/// <summary>
/// Parsers for extension mediators (class, pojoCommand, bean, ejb, security and analytics mediators, rule, opa)
/// and connector operations.
/// </summary>
public sealed partial class SynapseParser
{
    private ClassMediator ParseClass(XElement element, SourceLocation location, RawXmlText raw)
    {
        var properties = ImmutableArray.CreateBuilder<MediatorPropertySyntax>();
        ImmutableArray<InputArgumentSyntax> inputs = [];
        foreach (var child in element.Elements())
        {
            switch (LocalName(child))
            {
                case "property":
                    properties.Add(ParseMediatorProperty(child));
                    break;
                case "inputs":
                    inputs = inputs.AddRange(ParseInputs(child, "class"));
                    break;
                case "description":
                    Claim(child);
                    break;
                default:
                    Extra(child, "class");
                    break;
            }
        }

        return new ClassMediator(
            location,
            raw,
            Attr(element, "name") ?? Missing(element, "name", string.Empty),
            properties.ToImmutable(),
            Attr(element, "method"),
            Attr(element, "target"),
            Attr(element, "target-variable"),
            inputs);
    }

    private PojoCommandMediator ParsePojoCommand(XElement element, SourceLocation location, RawXmlText raw)
    {
        var properties = ImmutableArray.CreateBuilder<PojoCommandPropertySyntax>();
        foreach (var child in element.Elements())
        {
            switch (LocalName(child))
            {
                case "property":
                    ValueSyntax? value = Attr(child, "value") is { } literal
                        ? new ValueSyntax.Literal(literal)
                        : child.Elements().FirstOrDefault() is { } inline ? new ValueSyntax.InlineXml(ClaimRaw(inline)) : null;
                    properties.Add(new PojoCommandPropertySyntax(
                        Attr(child, "name") ?? Missing(child, "name", string.Empty),
                        value,
                        OptionalExpr(child, "expression"),
                        Attr(child, "context-name"),
                        Attr(child, "action"),
                        Loc(child)));
                    break;
                case "description":
                    Claim(child);
                    break;
                default:
                    Extra(child, element.Name.LocalName);
                    break;
            }
        }

        return new PojoCommandMediator(
            location,
            raw,
            Attr(element, "name") ?? Missing(element, "name", string.Empty),
            element.Name.LocalName == "annotatedCommand",
            properties.ToImmutable());
    }

    private BeanMediator ParseBean(XElement element, SourceLocation location, RawXmlText raw)
    {
        BeanAction? action = Attr(element, "action") is { } text
            ? text.Trim().ToUpperInvariant() switch
            {
                "CREATE" => BeanAction.Create,
                "REMOVE" => BeanAction.Remove,
                "SET_PROPERTY" => BeanAction.SetProperty,
                "GET_PROPERTY" => BeanAction.GetProperty,
                _ => InvalidBeanAction(element, text),
            }
            : null;
        if (Attr(element, "action") is null)
        {
            Missing(element, "action", string.Empty);
        }

        return new BeanMediator(
            location,
            raw,
            action,
            Attr(element, "var") ?? Missing(element, "var", string.Empty),
            Attr(element, "class"),
            Bool(element, "replace"),
            Attr(element, "property"),
            DynamicAttr(element, "value"),
            Attr(element, "target"));
    }

    private BeanAction? InvalidBeanAction(XElement element, string text)
    {
        _diagnostics.Report(Diagnostics.DiagnosticCatalog.InvalidAttribute, Loc(element), "bean", "action", text, "expected CREATE, REMOVE, SET_PROPERTY or GET_PROPERTY; the action is left unset");
        return null;
    }

    private EjbMediator ParseEjb(XElement element, SourceLocation location, RawXmlText raw)
    {
        var arguments = ImmutableArray.CreateBuilder<ValueSyntax>();
        foreach (var child in element.Elements())
        {
            switch (LocalName(child))
            {
                case "args":
                    Claim(child);
                    foreach (var arg in ItemsOrExtra(child, "arg", "ejb/args"))
                    {
                        Claim(arg);
                        arguments.Add(DynamicAttr(arg, "value") ?? new ValueSyntax.Literal(Missing(arg, "value", string.Empty)));
                    }

                    break;
                case "description":
                    Claim(child);
                    break;
                default:
                    Extra(child, "ejb");
                    break;
            }
        }

        return new EjbMediator(
            location,
            raw,
            Attr(element, "beanstalk") ?? Missing(element, "beanstalk", string.Empty),
            Attr(element, "class") ?? Missing(element, "class", string.Empty),
            Attr(element, "method"),
            Bool(element, "stateful") ?? false,
            DynamicAttr(element, "id") ?? DynamicAttr(element, "sessionId"),
            Bool(element, "remove") ?? false,
            Attr(element, "target"),
            Attr(element, "jndiName"),
            arguments.ToImmutable());
    }

    private EntitlementMediator ParseEntitlement(XElement element, SourceLocation location, RawXmlText raw)
    {
        XElement? onAccept = null;
        XElement? onReject = null;
        XElement? obligations = null;
        XElement? advice = null;
        foreach (var child in element.Elements())
        {
            switch (LocalName(child))
            {
                case "onAccept" when onAccept is null:
                    onAccept = child;
                    break;
                case "onReject" when onReject is null:
                    onReject = child;
                    break;
                case "obligations" when obligations is null:
                    obligations = child;
                    break;
                case "advice" when advice is null:
                    advice = child;
                    break;
                case "description":
                    Claim(child);
                    break;
                default:
                    Extra(child, "entitlementService");
                    break;
            }
        }

        return new EntitlementMediator(
            location,
            raw,
            Attr(element, "remoteServiceUrl"),
            Attr(element, "remoteServiceUrlKey"),
            Attr(element, "remoteServiceUserName"),
            Attr(element, "remoteServiceUserNameKey"),
            Attr(element, "remoteServicePassword"),
            Attr(element, "remoteServicePasswordKey"),
            Attr(element, "callbackClass"),
            Attr(element, "cacheType"),
            Int(element, "invalidationInterval"),
            Int(element, "maxCacheEntries"),
            Attr(element, "client"),
            Attr(element, "thriftHost"),
            Attr(element, "thriftPort"),
            Attr(element, "reuseSession"),
            Branch(element, "onAccept", onAccept),
            Branch(element, "onReject", onReject),
            Branch(element, "obligations", obligations),
            Branch(element, "advice", advice));
    }

    private KerberosMediator ParseKerberos(XElement element, SourceLocation location, RawXmlText raw)
    {
        KeySyntax? spnKey = null;
        foreach (var child in element.Elements())
        {
            switch (LocalName(child))
            {
                case "spn" when spnKey is null:
                    Claim(child);
                    spnKey = Key(child, "key");
                    break;
                case "description":
                    Claim(child);
                    break;
                default:
                    Extra(child, "kerberosService");
                    break;
            }
        }

        return new KerberosMediator(
            location,
            raw,
            Attr(element, "spn"),
            spnKey,
            Attr(element, "clientPrincipal"),
            Attr(element, "password"),
            Attr(element, "keytabConfig"),
            Attr(element, "krb5Config"),
            Attr(element, "loginConfig"),
            Attr(element, "loginContextName"));
    }

    private NtlmMediator ParseNtlm(XElement element, SourceLocation location, RawXmlText raw) =>
        new(
            location,
            raw,
            element.Name.LocalName,
            DynamicAttr(element, "username"),
            DynamicAttr(element, "password"),
            DynamicAttr(element, "host"),
            DynamicAttr(element, "domain"),
            DynamicAttr(element, "ntlmVersion"));

    private PublishEventMediator ParsePublishEvent(XElement element, SourceLocation location, RawXmlText raw)
    {
        string? eventSink = null;
        string? streamName = null;
        string? streamVersion = null;
        var groups = new Dictionary<string, ImmutableArray<EventAttributeSyntax>>(StringComparer.Ordinal);
        foreach (var child in element.Elements())
        {
            switch (LocalName(child))
            {
                case "eventSink":
                    ClaimAll(child);
                    eventSink = child.Value.Trim();
                    break;
                case "streamName":
                    ClaimAll(child);
                    streamName = child.Value.Trim();
                    break;
                case "streamVersion":
                    ClaimAll(child);
                    streamVersion = child.Value.Trim();
                    break;
                case "attributes":
                    Claim(child);
                    foreach (var group in child.Elements())
                    {
                        var name = LocalName(group);
                        if (name is "meta" or "correlation" or "payload" or "arbitrary")
                        {
                            Claim(group);
                            groups[name] = groups.GetValueOrDefault(name, []).AddRange(ParseEventAttributes(group));
                        }
                        else
                        {
                            Extra(group, "publishEvent/attributes");
                        }
                    }

                    break;
                case "description":
                    Claim(child);
                    break;
                default:
                    Extra(child, "publishEvent");
                    break;
            }
        }

        return new PublishEventMediator(
            location,
            raw,
            Bool(element, "async"),
            Long(element, "timeout"),
            eventSink,
            streamName,
            streamVersion,
            groups.GetValueOrDefault("meta", []),
            groups.GetValueOrDefault("correlation", []),
            groups.GetValueOrDefault("payload", []),
            groups.GetValueOrDefault("arbitrary", []));
    }

    private ImmutableArray<EventAttributeSyntax> ParseEventAttributes(XElement group)
    {
        var builder = ImmutableArray.CreateBuilder<EventAttributeSyntax>();
        foreach (var attribute in group.Elements())
        {
            if (LocalName(attribute) != "attribute")
            {
                Extra(attribute, "publishEvent/" + group.Name.LocalName);
                continue;
            }

            builder.Add(new EventAttributeSyntax(
                Attr(attribute, "name") ?? Missing(attribute, "name", string.Empty),
                Attr(attribute, "type"),
                ValueOrExpression(attribute),
                Attr(attribute, "defaultValue"),
                Loc(attribute)));
        }

        return builder.ToImmutable();
    }

    private BamMediator ParseBam(XElement element, SourceLocation location, RawXmlText raw)
    {
        string? profile = null;
        string? streamName = null;
        string? streamVersion = null;
        foreach (var child in element.Elements())
        {
            switch (LocalName(child))
            {
                case "serverProfile" when profile is null:
                    Claim(child);
                    profile = Attr(child, "name");
                    foreach (var config in ItemsOrExtra(child, "streamConfig", "bam/serverProfile"))
                    {
                        Claim(config);
                        streamName = Attr(config, "name");
                        streamVersion = Attr(config, "version");
                    }

                    break;
                case "description":
                    Claim(child);
                    break;
                default:
                    Extra(child, "bam");
                    break;
            }
        }

        return new BamMediator(location, raw, profile, streamName, streamVersion);
    }

    private RuleMediator ParseRule(XElement element, SourceLocation location, RawXmlText raw)
    {
        var parts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var child in element.Elements())
        {
            var name = child.Name.NamespaceName == RulesNamespace ? child.Name.LocalName : null;
            if (name is "source" or "target" or "ruleSet" or "input" or "output" && !parts.ContainsKey(name))
            {
                parts[name] = ClaimRaw(child);
            }
            else
            {
                Extra(child, "rule");
            }
        }

        return new RuleMediator(
            location,
            raw,
            parts.GetValueOrDefault("source"),
            parts.GetValueOrDefault("target"),
            parts.GetValueOrDefault("ruleSet"),
            parts.GetValueOrDefault("input"),
            parts.GetValueOrDefault("output"));
    }

    private OpaMediator ParseOpa(XElement element, SourceLocation location, RawXmlText raw)
    {
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        var parameters = ImmutableArray.CreateBuilder<NamedValueSyntax>();
        foreach (var child in element.Elements())
        {
            var name = LocalName(child);
            switch (name)
            {
                case "serverUrl" or "accessKey" or "policy" or "rule" or "requestGenerator" when !texts.ContainsKey(name):
                    ClaimAll(child);
                    texts[name] = child.Value.Trim();
                    break;
                case "additionalParameters":
                    Claim(child);
                    foreach (var parameter in ItemsOrExtra(child, "parameter", "opa/additionalParameters"))
                    {
                        ClaimAll(parameter);
                        parameters.Add(new NamedValueSyntax(Attr(parameter, "name") ?? Missing(parameter, "name", string.Empty), new ValueSyntax.Literal(parameter.Value), Loc(parameter)));
                    }

                    break;
                case "description":
                    Claim(child);
                    break;
                default:
                    Extra(child, "opa");
                    break;
            }
        }

        return new OpaMediator(
            location,
            raw,
            texts.GetValueOrDefault("serverUrl"),
            texts.GetValueOrDefault("accessKey"),
            texts.GetValueOrDefault("policy"),
            texts.GetValueOrDefault("rule"),
            texts.GetValueOrDefault("requestGenerator"),
            parameters.ToImmutable());
    }

    /// <summary>
    /// <c>&lt;connector.operation configKey="..."&gt;&lt;param&gt;value&lt;/param&gt;*&lt;/connector.operation&gt;</c>. A parameter's text
    /// is read like a template argument: <c>{expression}</c> is evaluated, anything else is literal; a parameter
    /// holding elements (nested parameters) is kept as inline XML.
    /// </summary>
    private ConnectorOperationMediator ParseConnectorOperation(XElement element, SourceLocation location, RawXmlText raw)
    {
        var name = element.Name.LocalName;
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        var parameters = ImmutableArray.CreateBuilder<ConnectorParameterSyntax>();
        foreach (var child in element.Elements())
        {
            ClaimContent(child);
            ValueSyntax value = child.Elements().Any()
                ? new ValueSyntax.InlineXml(string.Concat(child.Nodes().Select(n => n is XElement e ? _source.RawXml(e).ToString() : n.ToString())).Trim())
                : DynamicValue(child, child.Value);
            var parameterAttributes = child.Attributes()
                .Where(a => !a.IsNamespaceDeclaration)
                .Select(a =>
                {
                    MarkRead(a);
                    return new NamedValueSyntax(a.Name.LocalName, DynamicValue(child, a.Value), Loc(child));
                })
                .ToImmutableArray();
            parameters.Add(new ConnectorParameterSyntax(child.Name.LocalName, value, parameterAttributes, Loc(child)));
        }

        var attributes = element.Attributes()
            .Where(a => !a.IsNamespaceDeclaration && a.Name != "configKey" && a.Name != "description")
            .Select(a =>
            {
                MarkRead(a);
                return new NamedValueSyntax(a.Name.LocalName, new ValueSyntax.Literal(a.Value), location);
            })
            .ToImmutableArray();
        return new ConnectorOperationMediator(location, raw, name[..dot], name[(dot + 1)..], Attr(element, "configKey"), parameters.ToImmutable(), attributes);
    }
}
