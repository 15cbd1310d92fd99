using System.Collections.Immutable;
using System.Xml.Linq;

namespace SynapseToBal.Syntax;

/// <summary>Parsers for transformation mediators: enrich, xslt, xquery, script, rewrite, jsontransform, datamapper, smooks, builder.</summary>
public sealed partial class SynapseParser
{
    private EnrichMediator ParseEnrich(XElement element, SourceLocation location, RawXmlText raw)
    {
        EnrichSourceSyntax? source = null;
        EnrichTargetSyntax? target = null;
        foreach (var child in element.Elements())
        {
            switch (LocalName(child))
            {
                case "source" when source is null:
                    source = ParseEnrichSource(child);
                    break;
                case "target" when target is null:
                    target = ParseEnrichTarget(child);
                    break;
                case "description":
                    Claim(child);
                    break;
                default:
                    Extra(child, "enrich");
                    break;
            }
        }

        if (source is null)
        {
            _diagnostics.Report(Diagnostics.DiagnosticCatalog.MissingElement, location, "enrich", "source");
        }

        if (target is null)
        {
            _diagnostics.Report(Diagnostics.DiagnosticCatalog.MissingElement, location, "enrich", "target");
        }

        return new EnrichMediator(location, raw, source, target);
    }

    private EnrichSourceSyntax ParseEnrichSource(XElement source)
    {
        var type = (Attr(source, "type") ?? "custom").Trim().ToLowerInvariant() switch
        {
            "custom" => EnrichSourceType.Custom,
            "envelope" => EnrichSourceType.Envelope,
            "body" => EnrichSourceType.Body,
            "property" => EnrichSourceType.Property,
            "inline" => EnrichSourceType.Inline,
            var other => InvalidEnum(source, "type", other, EnrichSourceType.Custom),
        };
        ValueSyntax? inline = null;
        if (source.Elements().FirstOrDefault() is { } xml)
        {
            inline = new ValueSyntax.InlineXml(ClaimInheritedXml(xml));
            foreach (var more in source.Elements().Skip(1))
            {
                Extra(more, "enrich/source");
            }
        }
        else if (!string.IsNullOrWhiteSpace(source.Value))
        {
            inline = new ValueSyntax.Literal(source.Value);
        }

        return new EnrichSourceSyntax(
            type,
            Bool(source, "clone") ?? true,
            OptionalExpr(source, "xpath"),
            Attr(source, "property"),
            inline,
            Attr(source, "key"),
            Loc(source));
    }

    private EnrichTargetSyntax ParseEnrichTarget(XElement target)
    {
        var type = (Attr(target, "type") ?? "custom").Trim().ToLowerInvariant() switch
        {
            "custom" => EnrichTargetType.Custom,
            "envelope" => EnrichTargetType.Envelope,
            "body" => EnrichTargetType.Body,
            "property" => EnrichTargetType.Property,
            "key" => EnrichTargetType.Key,
            var other => InvalidEnum(target, "type", other, EnrichTargetType.Custom),
        };
        var action = (Attr(target, "action") ?? "replace").Trim().ToLowerInvariant() switch
        {
            "replace" => EnrichAction.Replace,
            "child" => EnrichAction.Child,
            "sibling" => EnrichAction.Sibling,
            "remove" => EnrichAction.Remove,
            var other => InvalidEnum(target, "action", other, EnrichAction.Replace),
        };
        foreach (var child in target.Elements())
        {
            Extra(child, "enrich/target");
        }

        return new EnrichTargetSyntax(type, action, OptionalExpr(target, "xpath"), Attr(target, "property"), Loc(target));
    }

    private XsltMediator ParseXslt(XElement element, SourceLocation location, RawXmlText raw)
    {
        var properties = ImmutableArray.CreateBuilder<MediatorPropertySyntax>();
        var features = ImmutableArray.CreateBuilder<FeatureSyntax>();
        var attributes = ImmutableArray.CreateBuilder<NamedValueSyntax>();
        var resources = ImmutableArray.CreateBuilder<ResourceSyntax>();
        foreach (var child in element.Elements())
        {
            switch (LocalName(child))
            {
                case "property":
                    properties.Add(ParseMediatorProperty(child));
                    break;
                case "feature":
                    features.Add(ParseFeature(child));
                    break;
                case "attribute":
                    attributes.Add(new NamedValueSyntax(
                        Attr(child, "name") ?? Missing(child, "name", string.Empty),
                        new ValueSyntax.Literal(Attr(child, "value") ?? Missing(child, "value", string.Empty)),
                        Loc(child)));
                    break;
                case "resource":
                    resources.Add(ParseRegistryResource(child));
                    break;
                case "description":
                    Claim(child);
                    break;
                default:
                    Extra(child, "xslt");
                    break;
            }
        }

        return new XsltMediator(
            location,
            raw,
            Key(element, "key") ?? MissingKey(element, "key"),
            OptionalExpr(element, "source"),
            Attr(element, "target"),
            Bool(element, "useCache"),
            properties.ToImmutable(),
            features.ToImmutable(),
            attributes.ToImmutable(),
            resources.ToImmutable());
    }

    private XQueryMediator ParseXQuery(XElement element, SourceLocation location, RawXmlText raw)
    {
        var dataSource = ImmutableArray.CreateBuilder<MediatorPropertySyntax>();
        var variables = ImmutableArray.CreateBuilder<XQueryVariableSyntax>();
        foreach (var child in element.Elements())
        {
            switch (LocalName(child))
            {
                case "variable":
                    variables.Add(new XQueryVariableSyntax(
                        Attr(child, "name") ?? Missing(child, "name", string.Empty),
                        Attr(child, "type") ?? Missing(child, "type", string.Empty),
                        ValueOrExpression(child),
                        Attr(child, "key"),
                        Loc(child)));
                    break;
                case "dataSource":
                    Claim(child);
                    foreach (var property in ItemsOrExtra(child, "property", "xquery/dataSource"))
                    {
                        dataSource.Add(ParseMediatorProperty(property));
                    }

                    break;
                case "description":
                    Claim(child);
                    break;
                default:
                    Extra(child, "xquery");
                    break;
            }
        }

        return new XQueryMediator(
            location,
            raw,
            Key(element, "key") ?? MissingKey(element, "key"),
            OptionalExpr(element, "target"),
            dataSource.ToImmutable(),
            variables.ToImmutable());
    }

    private ScriptMediator ParseScript(XElement element, SourceLocation location, RawXmlText raw)
    {
        var includes = ImmutableArray.CreateBuilder<KeySyntax>();
        ImmutableArray<InputArgumentSyntax> inputs = [];
        var key = Key(element, "key");
        string? source = null;
        if (key is null)
        {
            // Inline script: the whole content is source text, whatever elements (E4X literals) it holds.
            foreach (var child in element.Elements())
            {
                if (LocalName(child) == "include")
                {
                    includes.Add(Key(child, "key") ?? MissingKey(child, "key"));
                }

                ClaimAll(child);
            }

            source = element.Value;
        }
        else
        {
            foreach (var child in element.Elements())
            {
                switch (LocalName(child))
                {
                    case "include":
                        includes.Add(Key(child, "key") ?? MissingKey(child, "key"));
                        break;
                    case "inputs":
                        inputs = inputs.AddRange(ParseInputs(child, "script"));
                        break;
                    case "description":
                        Claim(child);
                        break;
                    default:
                        Extra(child, "script");
                        break;
                }
            }
        }

        return new ScriptMediator(
            location,
            raw,
            Attr(element, "language") ?? Missing(element, "language", string.Empty),
            key,
            Attr(element, "function"),
            source,
            includes.ToImmutable(),
            Attr(element, "target"),
            Attr(element, "target-variable"),
            inputs);
    }

    private RewriteMediator ParseRewrite(XElement element, SourceLocation location, RawXmlText raw)
    {
        var rules = ImmutableArray.CreateBuilder<RewriteRuleSyntax>();
        foreach (var child in element.Elements())
        {
            switch (LocalName(child))
            {
                case "rewriterule":
                    rules.Add(ParseRewriteRule(child));
                    break;
                case "description":
                    Claim(child);
                    break;
                default:
                    Extra(child, "rewrite");
                    break;
            }
        }

        return new RewriteMediator(location, raw, Attr(element, "inProperty"), Attr(element, "outProperty"), rules.ToImmutable());
    }

    private RewriteRuleSyntax ParseRewriteRule(XElement rule)
    {
        string? condition = null;
        var actions = ImmutableArray.CreateBuilder<RewriteActionSyntax>();
        foreach (var child in rule.Elements())
        {
            switch (LocalName(child))
            {
                case "condition" when condition is null:
                    Claim(child);
                    condition = string.Concat(child.Elements().Select(ClaimRaw));
                    break;
                case "action":
                    actions.Add(ParseRewriteAction(child));
                    break;
                default:
                    Extra(child, "rewriterule");
                    break;
            }
        }

        return new RewriteRuleSyntax(string.IsNullOrEmpty(condition) ? null : condition, actions.ToImmutable(), Loc(rule));
    }

    private RewriteActionSyntax ParseRewriteAction(XElement action)
    {
        var type = (Attr(action, "type") ?? "set").Trim() switch
        {
            "set" => RewriteActionType.Set,
            "append" => RewriteActionType.Append,
            "prepend" => RewriteActionType.Prepend,
            "replace" => RewriteActionType.Replace,
            "remove" => RewriteActionType.Remove,
            "remove-query-param" => RewriteActionType.RemoveQueryParam,
            var other => InvalidEnum(action, "type", other, RewriteActionType.Set),
        };
        var fragment = (Attr(action, "fragment") ?? "full").Trim() switch
        {
            "full" => UriFragment.Full,
            "protocol" => UriFragment.Protocol,
            "user" => UriFragment.User,
            "host" => UriFragment.Host,
            "port" => UriFragment.Port,
            "path" => UriFragment.Path,
            "query" => UriFragment.Query,
            "ref" => UriFragment.Ref,
            var other => InvalidEnum(action, "fragment", other, UriFragment.Full),
        };
        ValueSyntax? value = Attr(action, "xpath") is { } xpath
            ? new ValueSyntax.Expression(Expr(action, xpath))
            : Attr(action, "value") is { } literal ? new ValueSyntax.Literal(literal) : null;
        foreach (var child in action.Elements())
        {
            Extra(child, "rewriterule/action");
        }

        return new RewriteActionSyntax(type, fragment, value, Attr(action, "regex"), Bool(action, "resolve") ?? false, Loc(action));
    }

    private JsonTransformMediator ParseJsonTransform(XElement element, SourceLocation location, RawXmlText raw)
    {
        var properties = ImmutableArray.CreateBuilder<MediatorPropertySyntax>();
        foreach (var child in element.Elements())
        {
            switch (LocalName(child))
            {
                case "property":
                    properties.Add(ParseMediatorProperty(child));
                    break;
                case "description":
                    Claim(child);
                    break;
                default:
                    Extra(child, "jsontransform");
                    break;
            }
        }

        var schema = Key(element, "schema");
        if (schema is null && properties.Count == 0)
        {
            // JSONTransformMediatorFactory: "jsontransform mediator should contain either a schema or custom properties".
            _diagnostics.Report(Diagnostics.DiagnosticCatalog.MissingElement, location, "jsontransform", "property");
        }

        return new JsonTransformMediator(location, raw, schema, properties.ToImmutable());
    }

    private DataMapperMediator ParseDataMapper(XElement element, SourceLocation location, RawXmlText raw) =>
        new(
            location,
            raw,
            Key(element, "config"),
            Key(element, "inputSchema"),
            Key(element, "outputSchema"),
            Attr(element, "inputType"),
            Attr(element, "outputType"),
            Key(element, "xsltStyleSheet"),
            Attr(element, "target"),
            Attr(element, "variable"));

    private SmooksMediator ParseSmooks(XElement element, SourceLocation location, RawXmlText raw)
    {
        SmooksInputSyntax? input = null;
        SmooksOutputSyntax? output = null;
        foreach (var child in element.Elements())
        {
            switch (LocalName(child))
            {
                case "input" when input is null:
                    input = new SmooksInputSyntax(Attr(child, "type"), OptionalExpr(child, "expression"), Loc(child));
                    break;
                case "output" when output is null:
                    output = new SmooksOutputSyntax(Attr(child, "type"), OptionalExpr(child, "expression"), Attr(child, "action"), Attr(child, "property"), Loc(child));
                    break;
                case "description":
                    Claim(child);
                    break;
                default:
                    Extra(child, "smooks");
                    break;
            }
        }

        return new SmooksMediator(location, raw, Key(element, "config-key"), Attr(element, "persistence-unit"), input, output);
    }

    private BuilderMediator ParseBuilder(XElement element, SourceLocation location, RawXmlText raw)
    {
        var builders = ImmutableArray.CreateBuilder<MessageBuilderSyntax>();
        foreach (var child in element.Elements())
        {
            switch (LocalName(child))
            {
                case "messageBuilder":
                    builders.Add(new MessageBuilderSyntax(Attr(child, "contentType"), Attr(child, "class"), Attr(child, "formatterClass"), Loc(child)));
                    break;
                case "description":
                    Claim(child);
                    break;
                default:
                    Extra(child, "builder");
                    break;
            }
        }

        return new BuilderMediator(location, raw, Attr(element, "class"), Attr(element, "formatterClass"), builders.ToImmutable());
    }
}
