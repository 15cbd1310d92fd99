using System.Collections.Immutable;
using System.Xml.Linq;
using SynapseToBal.Diagnostics;

namespace SynapseToBal.Syntax;

/// <summary>Parsers for flow mediators: variable, propertyGroup, makefault, throwError, call-template, store, validate, callout.</summary>
public sealed partial class SynapseParser
{
    private VariableMediator ParseVariable(XElement element, SourceLocation location, RawXmlText raw)
    {
        var action = (Attr(element, "action") ?? "set").Trim().ToLowerInvariant() switch
        {
            "set" => PropertyAction.Set,
            "remove" => PropertyAction.Remove,
            var other => InvalidEnum(element, "action", other, PropertyAction.Set),
        };
        return new VariableMediator(
            location,
            raw,
            Attr(element, "name") ?? Missing(element, "name", string.Empty),
            action,
            ValueOrExpression(element),
            Attr(element, "type"));
    }

    private PropertyGroupMediator ParsePropertyGroup(XElement element, SourceLocation location, RawXmlText raw)
    {
        var properties = ImmutableArray.CreateBuilder<PropertyMediator>();
        foreach (var child in element.Elements())
        {
            switch (LocalName(child))
            {
                case "property":
                    properties.Add((PropertyMediator)ParseMediator(child));
                    break;
                case "description":
                    Claim(child);
                    break;
                default:
                    Extra(child, "propertyGroup");
                    break;
            }
        }

        return new PropertyGroupMediator(location, raw, properties.ToImmutable());
    }

    private MakeFaultMediator ParseMakeFault(XElement element, SourceLocation location, RawXmlText raw)
    {
        var version = (Attr(element, "version") ?? "soap11").Trim().ToLowerInvariant() switch
        {
            "soap11" => FaultVersion.Soap11,
            "soap12" => FaultVersion.Soap12,
            "pox" => FaultVersion.Pox,
            var other => InvalidEnum(element, "version", other, FaultVersion.Soap11),
        };
        ValueSyntax? code = null;
        ValueSyntax? reason = null;
        string? node = null;
        string? role = null;
        ValueSyntax? detail = null;
        string? codeNamespace = null;
        foreach (var child in element.Elements())
        {
            switch (LocalName(child))
            {
                case "code" when code is null:
                    Claim(child);
                    code = ValueOrExpression(child);
                    if (code is ValueSyntax.Literal { Text: var written } && written.IndexOf(':', StringComparison.Ordinal) is var colon and > 0)
                    {
                        codeNamespace = child.GetNamespaceOfPrefix(written[..colon].Trim())?.NamespaceName;
                    }

                    break;
                case "reason" when reason is null:
                    Claim(child);
                    reason = ValueOrExpression(child);
                    break;
                case "node" when node is null:
                    ClaimAll(child);
                    node = child.Value.Trim();
                    break;
                case "role" when role is null:
                    ClaimAll(child);
                    role = child.Value.Trim();
                    break;
                case "detail" when detail is null:
                    ClaimContent(child);
                    if (Attr(child, "expression") is { } expression)
                    {
                        detail = new ValueSyntax.Expression(Expr(child, expression));
                    }
                    else if (child.Elements().Any())
                    {
                        detail = new ValueSyntax.InlineXml(InnerXml(child));
                    }
                    else
                    {
                        detail = new ValueSyntax.Literal(child.Value);
                    }

                    break;
                case "description":
                    Claim(child);
                    break;
                default:
                    Extra(child, "makefault");
                    break;
            }
        }

        return new MakeFaultMediator(location, raw, version, Bool(element, "response"), code, reason, node, role, detail) { CodeNamespace = codeNamespace };
    }

    private ThrowErrorMediator ParseThrowError(XElement element, SourceLocation location, RawXmlText raw) =>
        new(location, raw, Attr(element, "type"), DynamicAttr(element, "errorMessage"));

    /// <summary>
    /// The template a call-template names. InvokeMediatorFactory refuses an absent or empty target ("EIP Invoke
    /// mediator should have a non empty target name specified"), so the artifact holding it is not deployed: both are
    /// reported, and the call stays a TODO (no template has an empty name).
    /// </summary>
    private string CallTemplateTarget(XElement element)
    {
        var target = Attr(element, "target");
        if (target is null)
        {
            return Missing(element, "target", string.Empty);
        }

        if (target.Length == 0)
        {
            _diagnostics.Report(DiagnosticCatalog.InvalidAttribute, Loc(element), element.Name.LocalName, "target", target, "InvokeMediatorFactory refuses an empty target, so the Micro Integrator does not deploy the artifact; the call stays a TODO");
        }

        return target;
    }

    private CallTemplateMediator ParseCallTemplate(XElement element, SourceLocation location, RawXmlText raw)
    {
        var parameters = ImmutableArray.CreateBuilder<TemplateParameterSyntax>();
        foreach (var child in element.Elements())
        {
            switch (LocalName(child))
            {
                case "with-param":
                    Claim(child);
                    ValueSyntax value;
                    if (DynamicAttr(child, "value") is { } attributeValue)
                    {
                        value = attributeValue;
                    }
                    else if (child.Elements().FirstOrDefault() is { } inline)
                    {
                        value = new ValueSyntax.InlineXml(ClaimRaw(inline));
                    }
                    else
                    {
                        value = new ValueSyntax.Literal(child.Value);
                    }

                    parameters.Add(new TemplateParameterSyntax(Attr(child, "name") ?? Missing(child, "name", string.Empty), value, Loc(child)) { DeclaredNamespaces = DeclaredNamespaces(child) });
                    break;
                case "description":
                    Claim(child);
                    break;
                default:
                    Extra(child, "call-template");
                    break;
            }
        }

        return new CallTemplateMediator(
            location,
            raw,
            CallTemplateTarget(element),
            Attr(element, "onError"),
            parameters.ToImmutable());
    }

    private StoreMediator ParseStore(XElement element, SourceLocation location, RawXmlText raw)
    {
        var store = Key(element, "messageStore");
        if (store is null)
        {
            Missing(element, "messageStore", string.Empty);
        }

        return new StoreMediator(location, raw, store, Key(element, "sequence"), Attr(element, "name"));
    }

    private ValidateMediator ParseValidate(XElement element, SourceLocation location, RawXmlText raw)
    {
        var schemas = ImmutableArray.CreateBuilder<KeySyntax>();
        var resources = ImmutableArray.CreateBuilder<ResourceSyntax>();
        var features = ImmutableArray.CreateBuilder<FeatureSyntax>();
        ImmutableArray<MediatorSyntax> onFail = [];
        foreach (var child in element.Elements())
        {
            switch (LocalName(child))
            {
                case "schema":
                    schemas.Add(Key(child, "key") ?? MissingKey(child, "key"));
                    break;
                case "resource":
                    resources.Add(ParseRegistryResource(child));
                    break;
                case "feature" or "property":
                    // Older configurations write parser features as <property name value/>.
                    features.Add(ParseFeature(child));
                    break;
                case "on-fail":
                    Claim(child);
                    onFail = onFail.AddRange(ParseMediators(child));
                    break;
                case "description":
                    Claim(child);
                    break;
                default:
                    Extra(child, "validate");
                    break;
            }
        }

        return new ValidateMediator(
            location,
            raw,
            OptionalExpr(element, "source"),
            Bool(element, "cache-schema"),
            Bool(element, "json-source"),
            schemas.ToImmutable(),
            resources.ToImmutable(),
            features.ToImmutable(),
            onFail);
    }

    private CalloutMediator ParseCallout(XElement element, SourceLocation location, RawXmlText raw)
    {
        string? axis2Xml = null;
        string? repository = null;
        CalloutSourceSyntax? source = null;
        CalloutTargetSyntax? target = null;
        CalloutSecuritySyntax? security = null;
        foreach (var child in element.Elements())
        {
            switch (LocalName(child))
            {
                case "configuration":
                    Claim(child);
                    axis2Xml = Attr(child, "axis2xml");
                    repository = Attr(child, "repository");
                    break;
                case "endpoint":
                    // Parsed below by ParseEndpointReference.
                    break;
                case "source":
                    source = new CalloutSourceSyntax(Attr(child, "type"), OptionalExpr(child, "xpath"), Attr(child, "key"), Loc(child));
                    break;
                case "target":
                    target = new CalloutTargetSyntax(OptionalExpr(child, "xpath"), Attr(child, "key"), Loc(child));
                    break;
                case "enableSec":
                    security = new CalloutSecuritySyntax(Attr(child, "policy"), Attr(child, "outboundPolicy"), Attr(child, "inboundPolicy"), Loc(child));
                    break;
                case "description":
                    Claim(child);
                    break;
                default:
                    Extra(child, "callout");
                    break;
            }
        }

        return new CalloutMediator(
            location,
            raw,
            Attr(element, "serviceURL"),
            Attr(element, "endpointKey"),
            Attr(element, "action"),
            Attr(element, "useServerConfig"),
            Bool(element, "initAxis2ClientOptions"),
            axis2Xml,
            repository,
            ParseEndpointReference(element),
            source,
            target,
            security);
    }
}
