using System.Collections.Immutable;
using System.Xml.Linq;
using SynapseToBal.Diagnostics;

namespace SynapseToBal.Syntax;

/// <summary>Helpers shared by the mediator parsers: extra children, booleans, dynamic values, branches, targets.</summary>
public sealed partial class SynapseParser
{
    /// <summary>The extra (unknown) children collected for each mediator being parsed, innermost on top.</summary>
    private readonly Stack<ImmutableArray<ExtraElementSyntax>.Builder> _extras = new();

    /// <summary>
    /// A child element the enclosing mediator does not define: reported (SB0101), claimed whole and kept in the
    /// mediator's <see cref="MediatorSyntax.Extra"/> list.
    /// </summary>
    private void Extra(XElement child, string context)
    {
        ReportUnknown(child, context);
        var extra = new ExtraElementSyntax(child.Name.LocalName, ClaimRaw(child), Loc(child));
        if (_extras.Count > 0)
        {
            _extras.Peek().Add(extra);
        }
    }

    /// <summary>Every child element not claimed by the mediator's parser becomes an extra element.</summary>
    private void CollectUnclaimedChildren(XElement element, ImmutableArray<ExtraElementSyntax>.Builder extras)
    {
        foreach (var child in element.Elements())
        {
            if (!_claimed.Contains(child))
            {
                ReportUnknown(child, element.Name.LocalName);
                extras.Add(new ExtraElementSyntax(child.Name.LocalName, ClaimRaw(child), Loc(child)));
            }
        }
    }

    /// <summary>A <c>true</c>/<c>false</c> attribute (case-insensitive); another value is reported and read as absent.</summary>
    private bool? Bool(XElement element, string attribute)
    {
        var text = Attr(element, attribute);
        if (text is null)
        {
            return null;
        }

        switch (text.Trim().ToLowerInvariant())
        {
            case "true":
                return true;
            case "false":
                return false;
            default:
                _diagnostics.Report(DiagnosticCatalog.InvalidAttribute, Loc(element), element.Name.LocalName, attribute, text, "expected 'true' or 'false'; the default is used");
                return null;
        }
    }

    /// <summary>An integer attribute; a value that is not a number is reported and read as absent.</summary>
    private int? Int(XElement element, string attribute)
    {
        var text = Attr(element, attribute);
        if (text is null)
        {
            return null;
        }

        var value = ParseInt(text);
        if (value is null)
        {
            _diagnostics.Report(DiagnosticCatalog.InvalidAttribute, Loc(element), element.Name.LocalName, attribute, text, "expected a whole number; the default is used");
        }

        return value;
    }

    /// <summary>A long attribute; a value that is not a number is reported and read as absent.</summary>
    private long? Long(XElement element, string attribute)
    {
        var text = Attr(element, attribute);
        if (text is null)
        {
            return null;
        }

        var value = ParseLong(text);
        if (value is null)
        {
            _diagnostics.Report(DiagnosticCatalog.InvalidAttribute, Loc(element), element.Name.LocalName, attribute, text, "expected a whole number; the default is used");
        }

        return value;
    }

    /// <summary>An expression-valued attribute (XPath, <c>json-eval(...)</c> or <c>${...}</c>), or null when absent.</summary>
    private ExpressionSyntax? OptionalExpr(XElement element, string attribute) =>
        Attr(element, attribute) is { } text ? Expr(element, text) : null;

    /// <summary>A key-valued attribute: static (<c>name</c>) or dynamic (<c>{expression}</c>), or null when absent.</summary>
    private KeySyntax? Key(XElement element, string attribute) =>
        Attr(element, attribute) is { } text ? KeySyntax.Create(text, Namespaces(element), Loc(element)) : null;

    /// <summary>
    /// A Synapse "value" (ValueFactory): text that starts with <c>{</c> and ends with <c>}</c> is an expression
    /// (<c>{xpath}</c>, <c>{json-eval(...)}</c>, <c>{${...}}</c>); an escaped <c>{{...}}</c> is kept as written, to be
    /// evaluated inside the template; anything else is a literal.
    /// </summary>
    private ValueSyntax DynamicValue(XElement element, string text)
    {
        var trimmed = text.Trim();
        var escaped = trimmed.Length > 3 && trimmed[0] == '{' && trimmed[1] == '{' && trimmed[^1] == '}' && trimmed[^2] == '}';
        if (!escaped && text.Length > 2 && text[0] == '{' && text[^1] == '}')
        {
            return new ValueSyntax.Expression(Expr(element, text[1..^1]));
        }

        return new ValueSyntax.Literal(text);
    }

    /// <summary>An attribute read as a Synapse value (see <see cref="DynamicValue(XElement, string)"/>), or null when absent.</summary>
    private ValueSyntax? DynamicAttr(XElement element, string attribute) =>
        Attr(element, attribute) is { } text ? DynamicValue(element, text) : null;

    /// <summary>A value given by a <c>value</c> (literal) or <c>expression</c> attribute, without inline content.</summary>
    private ValueSyntax? ValueOrExpression(XElement element)
    {
        if (Attr(element, "value") is { } value)
        {
            return new ValueSyntax.Literal(value);
        }

        return Attr(element, "expression") is { } expression ? new ValueSyntax.Expression(Expr(element, expression)) : null;
    }

    /// <summary>The first child of that name; reading it claims it and its content.</summary>
    private XElement? Child(XElement element, string name)
    {
        var child = element.Elements().FirstOrDefault(e => IsSynapseElement(e) && e.Name.LocalName == name);
        if (child is not null)
        {
            ClaimAll(child);
        }

        return child;
    }

    /// <summary>The text of a child element read as a value (<c>&lt;url&gt;...&lt;/url&gt;</c>); the element is claimed.</summary>
    private string? ChildText(XElement element, string name) => Child(element, name)?.Value.Trim();

    /// <summary>
    /// A nested flow: <paramref name="element"/> (inline mediators, or its own <c>sequence</c> attribute) and/or a key
    /// given by an attribute of the owner. Null when neither is written.
    /// </summary>
    private MediatorBranchSyntax? Branch(XElement owner, string? keyAttribute, XElement? element)
    {
        var key = keyAttribute is null ? null : Key(owner, keyAttribute);
        if (element is null)
        {
            return key is null ? null : new MediatorBranchSyntax(Loc(owner), key, []);
        }

        Claim(element);
        key ??= Key(element, "sequence");
        return new MediatorBranchSyntax(Loc(element), key, ParseMediators(element));
    }

    private MediatorPropertySyntax ParseMediatorProperty(XElement property) =>
        new(
            Attr(property, "name") ?? Missing(property, "name", string.Empty),
            ValueOf(property) ?? new ValueSyntax.Literal(string.Empty),
            Attr(property, "scope"),
            Loc(property));

    private FeatureSyntax ParseFeature(XElement feature)
    {
        var raw = Attr(feature, "value") ?? string.Empty;
        bool? value = raw.Trim().ToLowerInvariant() switch
        {
            "true" => true,
            "false" => false,
            _ => null,
        };
        if (value is null)
        {
            _diagnostics.Report(DiagnosticCatalog.InvalidAttribute, Loc(feature), feature.Name.LocalName, "value", raw, "expected 'true' or 'false'");
        }

        return new FeatureSyntax(Attr(feature, "name") ?? Missing(feature, "name", string.Empty), value, raw, Loc(feature));
    }

    private ResourceSyntax ParseRegistryResource(XElement resource) =>
        new(
            Attr(resource, "location") ?? Missing(resource, "location", string.Empty),
            KeySyntax.Create(Attr(resource, "key") ?? Missing(resource, "key", string.Empty), Namespaces(resource), Loc(resource)),
            Loc(resource));

    /// <summary>MI 4.4 <c>&lt;inputs&gt;&lt;argument/&gt;*&lt;/inputs&gt;</c>.</summary>
    private ImmutableArray<InputArgumentSyntax> ParseInputs(XElement inputs, string context)
    {
        Claim(inputs);
        var builder = ImmutableArray.CreateBuilder<InputArgumentSyntax>();
        foreach (var argument in inputs.Elements())
        {
            if (LocalName(argument) != "argument")
            {
                Extra(argument, context + "/inputs");
                continue;
            }

            builder.Add(new InputArgumentSyntax(
                Attr(argument, "name") ?? Missing(argument, "name", string.Empty),
                Attr(argument, "type"),
                ValueOrExpression(argument),
                Loc(argument)));
        }

        return builder.ToImmutable();
    }

    /// <summary>The EIP <c>&lt;target to soapAction sequence endpoint&gt;(&lt;sequence&gt;|&lt;endpoint&gt;)?&lt;/target&gt;</c>.</summary>
    private TargetSyntax ParseTarget(XElement target, string context)
    {
        var sequenceKey = Key(target, "sequence");
        ImmutableArray<MediatorSyntax>? sequence = null;
        EndpointSyntax? endpoint = null;
        foreach (var child in target.Elements())
        {
            switch (LocalName(child))
            {
                case "sequence" when sequence is null && sequenceKey is null && Attr(child, "key") is { } key && !child.Elements().Any():
                    // <target><sequence key="x"/></target>: written as a reference although Synapse reads an anonymous sequence.
                    Claim(child);
                    sequenceKey = KeySyntax.Create(key, Namespaces(child), Loc(child));
                    break;
                case "sequence" when sequence is null:
                    Claim(child);
                    sequence = ParseMediators(child);
                    break;
                case "endpoint" when endpoint is null:
                    endpoint = ParseEndpoint(child);
                    break;
                case "description":
                    Claim(child);
                    break;
                default:
                    Extra(child, context + "/target");
                    break;
            }
        }

        return new TargetSyntax(
            Loc(target),
            Attr(target, "to"),
            Attr(target, "soapAction"),
            sequenceKey,
            Key(target, "endpoint"),
            sequence,
            endpoint);
    }
}
