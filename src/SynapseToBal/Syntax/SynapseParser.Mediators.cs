using System.Collections.Immutable;
using System.Xml.Linq;
using SynapseToBal.Diagnostics;

namespace SynapseToBal.Syntax;

public sealed partial class SynapseParser
{
    private ImmutableArray<MediatorSyntax> ParseMediators(XElement parent)
    {
        var builder = ImmutableArray.CreateBuilder<MediatorSyntax>();
        foreach (var child in parent.Elements())
        {
            if (LocalName(child) == "description")
            {
                Claim(child);
                continue;
            }

            builder.Add(ParseMediator(child));
        }

        return builder.ToImmutable();
    }

    /// <summary>The namespace of the WSO2 rules mediator (<c>&lt;rule:rule&gt;</c>).</summary>
    private const string RulesNamespace = "http://wso2.org/carbon/rules";

    private MediatorSyntax ParseMediator(XElement element)
    {
        var location = Loc(element);
        var raw = _source.RawXml(element);
        var extras = ImmutableArray.CreateBuilder<ExtraElementSyntax>();
        _extras.Push(extras);
        MediatorSyntax mediator;
        try
        {
            mediator = ParseMediatorBody(element, location, raw);
            if (mediator is not UnknownMediator)
            {
                CollectUnclaimedChildren(element, extras);
            }
        }
        finally
        {
            _extras.Pop();
        }

        return mediator with { Description = Attr(element, "description"), Extra = extras.ToImmutable() };
    }

    private MediatorSyntax ParseMediatorBody(XElement element, SourceLocation location, RawXmlText raw) => LocalName(element) switch
    {
        "log" => ParseLog(element, location, raw),
        "property" => ParseProperty(element, location, raw),
        "payloadFactory" => ParsePayloadFactory(element, location, raw),
        "respond" => new RespondMediator(location, raw),
        "drop" => new DropMediator(location, raw),
        "loopback" => new LoopbackMediator(location, raw),
        "call" => ParseCall(element, location, raw),
        "send" => ParseSend(element, location, raw),
        "header" => ParseHeader(element, location, raw),
        "filter" => ParseFilter(element, location, raw),
        "switch" => ParseSwitch(element, location, raw),
        "sequence" => ParseSequenceMediator(element, location, raw),
        "in" => new DirectionMediator(location, raw, true, ParseMediators(element)),
        "out" => new DirectionMediator(location, raw, false, ParseMediators(element)),

        // flow
        "variable" => ParseVariable(element, location, raw),
        "propertyGroup" => ParsePropertyGroup(element, location, raw),
        "makefault" => ParseMakeFault(element, location, raw),
        "throwError" => ParseThrowError(element, location, raw),
        "call-template" => ParseCallTemplate(element, location, raw),
        "store" => ParseStore(element, location, raw),
        "enqueue" => new EnqueueMediator(location, raw, Attr(element, "executor"), Int(element, "priority"), Key(element, "sequence")),
        "eventPublisher" => new EventPublisherMediator(location, raw, Attr(element, "eventSourceName") ?? Missing(element, "eventSourceName", string.Empty)),
        "validate" => ParseValidate(element, location, raw),
        "callout" => ParseCallout(element, location, raw),

        // transformation
        "enrich" => ParseEnrich(element, location, raw),
        "xslt" => ParseXslt(element, location, raw),
        "fastXSLT" => new FastXsltMediator(location, raw, Key(element, "key") ?? MissingKey(element, "key")),
        "xquery" => ParseXQuery(element, location, raw),
        "script" => ParseScript(element, location, raw),
        "rewrite" => ParseRewrite(element, location, raw),
        "jsontransform" => ParseJsonTransform(element, location, raw),
        "datamapper" => ParseDataMapper(element, location, raw),
        "smooks" => ParseSmooks(element, location, raw),
        "builder" => ParseBuilder(element, location, raw),

        // EIP and quality of service
        "iterate" => ParseIterate(element, location, raw),
        "clone" => ParseClone(element, location, raw),
        "aggregate" => ParseAggregate(element, location, raw),
        "foreach" => ParseForEach(element, location, raw),
        "scatter-gather" => ParseScatterGather(element, location, raw),
        "conditionalRouter" => ParseConditionalRouter(element, location, raw),
        "router" => ParseRouter(element, location, raw),
        "sampler" => ParseSampler(element, location, raw),
        "throttle" => ParseThrottle(element, location, raw),
        "cache" => ParseCache(element, location, raw),

        // data
        "dbreport" => ParseDbReport(element, location, raw),
        "dblookup" => new DbLookupMediator(location, raw, ParseDbPool(element, "dblookup"), ParseDbStatements(element, "dblookup")),
        "dataServiceCall" => ParseDataServiceCall(element, location, raw),
        "transaction" => ParseTransaction(element, location, raw),

        // extensions
        "class" => ParseClass(element, location, raw),
        "pojoCommand" or "annotatedCommand" => ParsePojoCommand(element, location, raw),
        "spring" => new SpringMediator(location, raw, Attr(element, "bean") ?? Missing(element, "bean", string.Empty), Key(element, "key") ?? MissingKey(element, "key")),
        "bean" => ParseBean(element, location, raw),
        "ejb" => ParseEjb(element, location, raw),
        "entitlementService" => ParseEntitlement(element, location, raw),
        "oauthService" => new OAuthMediator(location, raw, Attr(element, "remoteServiceUrl"), Attr(element, "username"), Attr(element, "password")),
        "kerberosService" => ParseKerberos(element, location, raw),
        "NTLM" or "ntlm" => ParseNtlm(element, location, raw),
        "publishEvent" => ParsePublishEvent(element, location, raw),
        "event" => new EventMediator(location, raw, Key(element, "topic"), OptionalExpr(element, "expression")),
        "bam" => ParseBam(element, location, raw),
        "{" + RulesNamespace + "}rule" => ParseRule(element, location, raw),
        "opa" => ParseOpa(element, location, raw),
        var name when IsSynapseElement(element) && name.Contains('.', StringComparison.Ordinal) => ParseConnectorOperation(element, location, raw),
        _ => new UnknownMediator(location, ClaimRaw(element), element.Name.LocalName),
    };

    /// <summary>Reports a missing key attribute and stands in an empty static key.</summary>
    private KeySyntax MissingKey(XElement element, string attribute) => new(Missing(element, attribute, string.Empty), null);

    private ValueSyntax? ValueOf(XElement element)
    {
        var value = Attr(element, "value");
        if (value is not null)
        {
            return new ValueSyntax.Literal(value);
        }

        var expression = Attr(element, "expression");
        if (expression is not null)
        {
            return new ValueSyntax.Expression(Expr(element, expression));
        }

        var inline = element.Elements().FirstOrDefault();
        if (inline is not null)
        {
            return new ValueSyntax.InlineXml(ClaimInheritedXml(inline));
        }

        return null;
    }

    private ExpressionSyntax Expr(XElement element, string text) => ExpressionSyntax.Create(text, Namespaces(element), Loc(element));

    private LogMediator ParseLog(XElement element, SourceLocation location, RawXmlText raw)
    {
        // Without a level, a <message> template makes Synapse's MESSAGE_TEMPLATE level, which logs like custom.
        var defaultLevel = element.Elements().Any(e => LocalName(e) == "message") ? "custom" : "simple";
        var level = (Attr(element, "level") ?? defaultLevel).Trim().ToLowerInvariant() switch
        {
            "custom" => LogLevel.Custom,
            "full" => LogLevel.Full,
            "headers" => LogLevel.Headers,
            "simple" => LogLevel.Simple,
            var other => InvalidEnum(element, "level", other, LogLevel.Simple),
        };
        var category = (Attr(element, "category") ?? "INFO").Trim().ToUpperInvariant() switch
        {
            "INFO" => LogCategory.Info,
            "DEBUG" => LogCategory.Debug,
            "TRACE" => LogCategory.Trace,
            "WARN" => LogCategory.Warn,
            "ERROR" => LogCategory.Error,
            "FATAL" => LogCategory.Fatal,
            var other => InvalidEnum(element, "category", other, LogCategory.Info),
        };
        var separator = Attr(element, "separator") ?? ", ";
        separator = separator.Replace("\\n", "\n", StringComparison.Ordinal).Replace("\\t", "\t", StringComparison.Ordinal);
        var properties = ImmutableArray.CreateBuilder<MediatorPropertySyntax>();
        string? message = null;
        foreach (var child in element.Elements())
        {
            switch (LocalName(child))
            {
                case "property":
                    properties.Add(new MediatorPropertySyntax(Attr(child, "name") ?? Missing(child, "name", "property"), ValueOf(child) ?? new ValueSyntax.Literal(string.Empty), Attr(child, "scope"), Loc(child)));
                    break;
                case "message":
                    Claim(child);
                    message = child.Value;
                    break;
                default:
                    Extra(child, "log");
                    break;
            }
        }

        // As Synapse's LogMediatorFactory: logFullPayload="true" means the full level; both attributes are Boolean.parseBoolean.
        var logFullPayload = string.Equals(Attr(element, "logFullPayload")?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
        var logMessageId = string.Equals(Attr(element, "logMessageID")?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
        return new LogMediator(location, raw, logFullPayload ? LogLevel.Full : level, category, separator, properties.ToImmutable(), message)
        {
            LogFullPayload = logFullPayload,
            LogMessageId = logMessageId,
        };
    }

    private T InvalidEnum<T>(XElement element, string attribute, string value, T fallback)
    {
        _diagnostics.Report(DiagnosticCatalog.InvalidAttribute, Loc(element), element.Name.LocalName, attribute, value, $"'{fallback}' is used instead");
        return fallback;
    }

    private PropertyMediator ParseProperty(XElement element, SourceLocation location, RawXmlText raw)
    {
        var action = (Attr(element, "action") ?? "set").Trim().ToLowerInvariant() == "remove" ? PropertyAction.Remove : PropertyAction.Set;
        return new PropertyMediator(
            location,
            raw,
            Attr(element, "name") ?? Missing(element, "name", string.Empty),
            action,
            (Attr(element, "scope") ?? "default").Trim().ToLowerInvariant(),
            ValueOf(element),
            Attr(element, "type")?.Trim().ToUpperInvariant(),
            Attr(element, "pattern"),
            ParseInt(Attr(element, "group")))
        {
            // MediatorPropertyUtils.isDynamicName: a name that starts with '{' and ends with '}' is evaluated per message.
            DynamicName = Attr(element, "name") is { Length: > 2 } name && name[0] == '{' && name[^1] == '}' ? DynamicValue(element, name) as ValueSyntax.Expression : null,
        };
    }

    private PayloadFactoryMediator ParsePayloadFactory(XElement element, SourceLocation location, RawXmlText raw)
    {
        string? format = null;
        string? formatKey = null;
        DroppedFormatContent? dropped = null;
        // PayloadFactoryMediator compares its media type exactly with "xml", "json" and "text" (mediaType.equals):
        // any other value builds the template and then writes no payload and sets no content type.
        var mediaType = Attr(element, "media-type") ?? "xml";
        if (mediaType is not ("xml" or "json" or "text"))
        {
            _diagnostics.Report(DiagnosticCatalog.InvalidAttribute, Loc(element), "payloadFactory", "media-type", mediaType, "the Micro Integrator compares it exactly with 'xml', 'json' and 'text', and for any other value leaves the payload and its content type as they are; so does the generated code");
        }

        // PayloadFactoryMediatorFactory.getTemplateProcessor: FREEMARKER in any case is the FreeMarker engine, any
        // other value the default (regex) one.
        var templateTypeText = Attr(element, "template-type");
        var templateType = string.Equals(templateTypeText, "freemarker", StringComparison.OrdinalIgnoreCase) ? "freemarker" : "default";
        if (templateTypeText is not null && templateType == "default" && !string.Equals(templateTypeText, "default", StringComparison.OrdinalIgnoreCase))
        {
            _diagnostics.Report(DiagnosticCatalog.InvalidAttribute, Loc(element), "payloadFactory", "template-type", templateTypeText, "only 'FREEMARKER' (in any case) selects another engine: the Micro Integrator uses the default template, and so does the generated code");
        }

        var args = ImmutableArray.CreateBuilder<PayloadArgSyntax>();
        foreach (var child in element.Elements())
        {
            switch (LocalName(child))
            {
                case "format":
                    ClaimContent(child);
                    formatKey = Attr(child, "key");
                    if (formatKey is null)
                    {
                        if (!mediaType.Contains("json", StringComparison.Ordinal) && !mediaType.Contains("text", StringComparison.Ordinal) && templateType == "default" && child.Elements().FirstOrDefault() is { } first)
                        {
                            // PayloadFactoryMediatorFactory: an XML format (a media type that contains neither "json"
                            // nor "text") is copy.getFirstElement().toString(); text,
                            // CDATA and elements around the first element are not part of the payload.
                            format = StandaloneXml(first, keepSynapseNamespace: true);
                            dropped = FormatContentBesides(child, first);
                        }
                        else
                        {
                            format = child.Elements().Any() ? InnerXml(child, keepSynapseNamespace: true) : child.Value;
                        }
                    }

                    break;
                case "args":
                    Claim(child);
                    foreach (var arg in child.Elements())
                    {
                        if (LocalName(arg) != "arg")
                        {
                            Extra(arg, "args");
                            continue;
                        }

                        var value = ValueOf(arg) ?? new ValueSyntax.Literal(string.Empty);
                        if (Attr(arg, "evaluator") == "json" && value is ValueSyntax.Expression { Syntax.Language: ExpressionLanguage.XPath } xpath)
                        {
                            // With evaluator="json" the expression is a JSONPath without the json-eval() wrapper.
                            value = new ValueSyntax.Expression(xpath.Syntax with { Language = ExpressionLanguage.JsonPath });
                        }

                        args.Add(new PayloadArgSyntax(
                            value,
                            Attr(arg, "evaluator"),
                            string.Equals(Attr(arg, "literal"), "true", StringComparison.OrdinalIgnoreCase),
                            Loc(arg)));
                    }

                    break;
                default:
                    Extra(child, "payloadFactory");
                    break;
            }
        }

        return new PayloadFactoryMediator(
            location,
            raw,
            mediaType,
            templateType,
            format,
            formatKey,
            args.ToImmutable())
        {
            DroppedFormatContent = dropped,
        };
    }

    /// <summary>
    /// What an XML format holds besides its first element, as the Micro Integrator drops it: text and CDATA that are
    /// not blank, and the other elements. Comments are left out (they are no content of the payload anywhere).
    /// </summary>
    private static DroppedFormatContent? FormatContentBesides(XElement format, XElement first)
    {
        var items = ImmutableArray.CreateBuilder<string>();
        foreach (var node in format.Nodes())
        {
            var side = node.IsBefore(first) ? "before" : "after";
            switch (node)
            {
                case XElement e when e != first:
                    items.Add($"the element <{e.Name.LocalName}> {side} it");
                    break;
                case XCData c when !string.IsNullOrWhiteSpace(c.Value):
                    items.Add($"the CDATA '{Shorten(c.Value.Trim())}' {side} it");
                    break;
                case XText t when node is not XCData && !string.IsNullOrWhiteSpace(t.Value):
                    items.Add($"the text '{Shorten(t.Value.Trim())}' {side} it");
                    break;
            }
        }

        return items.Count == 0 ? null : new DroppedFormatContent(first.GetPrefixOfNamespace(first.Name.Namespace) is { Length: > 0 } prefix ? $"{prefix}:{first.Name.LocalName}" : first.Name.LocalName, items.ToImmutable());

        static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "...";
    }

    /// <summary>
    /// The content of an element as text that stands alone: every prefix the content uses but declares on an ancestor
    /// is declared on the content itself. With <paramref name="keepSynapseNamespace"/> (a payloadFactory format),
    /// elements written without a prefix under the configuration's <c>xmlns="http://ws.apache.org/ns/synapse"</c>
    /// stay in the Synapse namespace, declared on the content's root as Axiom writes it: PayloadFactoryMediatorFactory
    /// keeps <c>formatElem.cloneOMElement()</c> and uses <c>copy.getFirstElement().toString()</c>, which declares the
    /// inherited default namespace, and nothing in PayloadFactoryMediator or the template processors removes it
    /// (an element with <c>xmlns=""</c> of its own stays in no namespace). Without it, that namespace is dropped
    /// (a fault detail).
    /// </summary>
    private static string InnerXml(XElement format, bool keepSynapseNamespace = false)
    {
        var parts = new List<string>();
        foreach (var node in format.Nodes())
        {
            switch (node)
            {
                case XElement e:
                    parts.Add(StandaloneXml(e, keepSynapseNamespace));
                    break;
                case XCData c:
                    parts.Add(c.Value);
                    break;
                case XText t:
                    parts.Add(System.Security.SecurityElement.Escape(t.Value) ?? string.Empty);
                    break;
            }
        }

        return string.Concat(parts).Trim();
    }

    internal static string StandaloneXml(XElement element, bool keepSynapseNamespace = false)
    {
        var copy = new XElement(element);
        foreach (var e in keepSynapseNamespace ? Enumerable.Empty<XElement>() : copy.DescendantsAndSelf())
        {
            if (e.Name.NamespaceName == SynapseNamespace)
            {
                e.Name = XName.Get(e.Name.LocalName);
            }

            e.Attributes().Where(a => a.IsNamespaceDeclaration && a.Value == SynapseNamespace).Remove();
        }

        // Declare the namespaces the content uses that were declared above it (the Synapse namespace only when kept).
        foreach (var (prefix, uri) in InheritedNamespaces(element).Where(d => keepSynapseNamespace || d.Uri != SynapseNamespace))
        {
            copy.Add(prefix is null ? new XAttribute("xmlns", uri) : new XAttribute(XNamespace.Xmlns + prefix, uri));
        }

        return copy.ToString(SaveOptions.DisableFormatting | SaveOptions.OmitDuplicateNamespaces);
    }

    private EndpointReferenceSyntax? ParseEndpointReference(XElement parent)
    {
        var endpoint = parent.Elements().FirstOrDefault(e => LocalName(e) == "endpoint");
        if (endpoint is null)
        {
            return null;
        }

        var key = Attr(endpoint, "key") ?? Attr(endpoint, "key-expression");
        if (key is not null && endpoint.Elements().All(e => LocalName(e) == "description"))
        {
            ClaimAll(endpoint);
            var keySyntax = Attr(endpoint, "key-expression") is { } expr
                ? new KeySyntax(expr, Expr(endpoint, expr))
                : KeySyntax.Create(key, Namespaces(endpoint), Loc(endpoint));
            return new EndpointReferenceSyntax.Key(keySyntax, Loc(endpoint));
        }

        return new EndpointReferenceSyntax.Inline(ParseEndpoint(endpoint));
    }

    private CallMediator ParseCall(XElement element, SourceLocation location, RawXmlText raw)
    {
        string? source = null;
        string? target = null;
        foreach (var child in element.Elements())
        {
            switch (LocalName(child))
            {
                case "endpoint":
                    break;
                case "source":
                    source = ClaimRaw(child);
                    break;
                case "target":
                    target = ClaimRaw(child);
                    break;
                default:
                    Extra(child, "call");
                    break;
            }
        }

        return new CallMediator(
            location,
            raw,
            ParseEndpointReference(element),
            string.Equals(Attr(element, "blocking"), "true", StringComparison.OrdinalIgnoreCase),
            source,
            target);
    }

    private SendMediator ParseSend(XElement element, SourceLocation location, RawXmlText raw)
    {
        foreach (var child in element.Elements())
        {
            if (LocalName(child) != "endpoint")
            {
                Extra(child, "send");
            }
        }

        var receive = Attr(element, "receive");
        var build = Attr(element, "buildmessage");
        return new SendMediator(
            location,
            raw,
            ParseEndpointReference(element),
            receive is null ? null : KeySyntax.Create(receive, Namespaces(element), location),
            build is null ? null : string.Equals(build, "true", StringComparison.OrdinalIgnoreCase));
    }

    private HeaderMediator ParseHeader(XElement element, SourceLocation location, RawXmlText raw)
    {
        var action = (Attr(element, "action") ?? "set").Trim().ToLowerInvariant() == "remove" ? PropertyAction.Remove : PropertyAction.Set;
        var name = Attr(element, "name");
        var scope = (Attr(element, "scope") ?? "default").Trim().ToLowerInvariant();
        string? namespaceUri = null;
        string? inlineXml = null;
        if (name is null && element.Elements().Any())
        {
            // A SOAP header block given inline: the element itself is the header.
            name = element.Elements().First().Name.LocalName;
            inlineXml = InlineHeaderXml(element);
        }
        else if (name is not null && scope == "default" && name.IndexOf(':', StringComparison.Ordinal) is > 0 and var colon)
        {
            // A qualified name: the prefix resolves through the declarations in scope (HeaderMediatorFactory).
            namespaceUri = element.GetNamespaceOfPrefix(name[..colon])?.NamespaceName;
        }

        var value = ValueOf(element);
        return new HeaderMediator(
            location,
            raw,
            name ?? Missing(element, "name", string.Empty),
            action,
            scope,
            value,
            namespaceUri,
            inlineXml,
            Attr(element, "type"));
    }

    /// <summary>
    /// The inline header blocks of a header mediator, each serialised on its own with the namespace declarations in
    /// scope of the mediator (the blocks keep their qualified names).
    /// </summary>
    private string InlineHeaderXml(XElement element)
    {
        var text = new System.Text.StringBuilder();
        foreach (var child in element.Elements())
        {
            ClaimWhole(child);
            var copy = new XElement(child);
            foreach (var declaration in element.AncestorsAndSelf().Attributes().Where(a => a.IsNamespaceDeclaration && a.Name.Namespace == XNamespace.Xmlns))
            {
                if (copy.Attribute(declaration.Name) is null && child.GetNamespaceOfPrefix(declaration.Name.LocalName)?.NamespaceName == declaration.Value)
                {
                    copy.SetAttributeValue(declaration.Name, declaration.Value);
                }
            }

            text.Append(copy.ToString(SaveOptions.DisableFormatting | SaveOptions.OmitDuplicateNamespaces));
        }

        return text.ToString();
    }

    private FilterMediator ParseFilter(XElement element, SourceLocation location, RawXmlText raw)
    {
        FilterConditionSyntax condition;
        var xpath = Attr(element, "xpath");
        var source = Attr(element, "source");
        var regex = Attr(element, "regex");
        if (xpath is not null)
        {
            condition = new FilterConditionSyntax.Boolean(Expr(element, xpath));
        }
        else if (source is not null && regex is not null)
        {
            condition = new FilterConditionSyntax.Match(Expr(element, source), regex);
        }
        else
        {
            _diagnostics.Report(DiagnosticCatalog.MissingAttribute, location, "filter", "xpath' or 'source' and 'regex");
            condition = new FilterConditionSyntax.Missing();
        }

        var then = element.Elements().FirstOrDefault(e => LocalName(e) == "then");
        var @else = element.Elements().FirstOrDefault(e => LocalName(e) == "else");
        if (then is not null)
        {
            Claim(then);
        }

        if (@else is not null)
        {
            Claim(@else);
        }
        if (then is null && @else is null)
        {
            // Short form: the children are the 'then' branch.
            return new FilterMediator(location, raw, condition, ParseMediators(element), []);
        }

        foreach (var child in element.Elements())
        {
            if (LocalName(child) is not ("then" or "else" or "description"))
            {
                Extra(child, "filter");
            }
            else if (LocalName(child) == "description")
            {
                Claim(child);
            }
        }

        return new FilterMediator(
            location,
            raw,
            condition,
            then is null ? [] : ParseMediators(then),
            @else is null ? [] : ParseMediators(@else));
    }

    private SwitchMediator ParseSwitch(XElement element, SourceLocation location, RawXmlText raw)
    {
        var source = Attr(element, "source");
        if (source is null)
        {
            Missing(element, "source", string.Empty);
        }

        var cases = ImmutableArray.CreateBuilder<SwitchCaseSyntax>();
        ImmutableArray<MediatorSyntax>? @default = null;
        foreach (var child in element.Elements())
        {
            switch (LocalName(child))
            {
                case "case":
                    cases.Add(new SwitchCaseSyntax(Attr(child, "regex") ?? Missing(child, "regex", string.Empty), ParseMediators(child), Loc(child)));
                    break;
                case "default":
                    Claim(child);
                    @default = ParseMediators(child);
                    break;
                case "description":
                    Claim(child);
                    break;
                default:
                    Extra(child, "switch");
                    break;
            }
        }

        return new SwitchMediator(location, raw, source is null ? null : Expr(element, source), cases.ToImmutable(), @default);
    }

    private MediatorSyntax ParseSequenceMediator(XElement element, SourceLocation location, RawXmlText raw)
    {
        var key = Attr(element, "key");
        if (key is null)
        {
            // An anonymous inline sequence: its mediators run in place.
            return new InlineSequenceMediator(location, raw, Attr(element, "name"), Attr(element, "onError"), ParseMediators(element))
            {
                Statistics = Aspect(element, "statistics"),
                Trace = Aspect(element, "trace"),
            };
        }

        return new SequenceReferenceMediator(location, raw, KeySyntax.Create(key, Namespaces(element), location));
    }
}
