using SynapseToBal.IR;
using SynapseToBal.Refine;

namespace SynapseToBal.Emit;

// inbound.bal: the parts of a proxy's JMS listener that an inbound endpoint's does not have; resources/: the WSDLs proxies publish.
public sealed partial class PackageEmitter
{
    /// <summary>
    /// The lines that find a JMS message's content type by a proxy's <c>transport.jms.ContentType</c> rules, in order,
    /// into <c>contentType</c> (a <c>string?</c>), as Axis2's ContentTypeRuleSet does; empty when there are none.
    /// </summary>
    private static List<string> JmsContentTypeRuleLines(IReadOnlyList<JmsContentTypeRuleIr> rules)
    {
        var lines = new List<string>();
        if (rules.Count == 0)
        {
            return lines;
        }

        lines.Add("// The proxy's transport.jms.ContentType rules, in order: the first that applies gives the content type.");
        lines.Add("string? contentType = ();");
        if (rules.Any(r => r is JmsContentTypeRuleIr.Property))
        {
            lines.Add("map<anydata>? properties = message?.properties;");
        }

        // A rule: when no earlier rule gave the content type and the condition holds, this value gives it.
        void Rule(string condition, string value)
        {
            lines.Add($"if contentType is (){condition} {{");
            lines.Add($"    contentType = {value};");
            lines.Add("}");
        }

        var index = 0;
        foreach (var rule in rules)
        {
            switch (rule)
            {
                case JmsContentTypeRuleIr.Property property:
                    var local = ++index == 1 ? "propertyValue" : $"propertyValue{index}";
                    lines.Add($"anydata {local} = properties is () ? () : properties[{BallerinaSyntax.StringLiteral(property.Name)}];");
                    Rule($" && {local} is string", local);
                    break;
                case JmsContentTypeRuleIr.TextMessage text:
                    Rule(" && content is string", BallerinaSyntax.StringLiteral(text.ContentType));
                    break;
                case JmsContentTypeRuleIr.BytesMessage bytes:
                    Rule(" && content is byte[]", BallerinaSyntax.StringLiteral(bytes.ContentType));
                    break;
                case JmsContentTypeRuleIr.Default fallback:
                    Rule(string.Empty, BallerinaSyntax.StringLiteral(fallback.ContentType));
                    break;
                default:
                    throw new InvalidOperationException($"Unhandled JMS content type rule {rule.GetType().Name}");
            }
        }

        lines.Add("if contentType is () {");
        lines.Add("    return error(\"Unable to determine content type for the JMS message\");");
        lines.Add("}");
        return lines;
    }

    /// <summary>The WSDL documents the proxies publish, as files of the package's <c>resources/</c> folder.</summary>
    private static IEnumerable<GeneratedFile> WsdlFiles(PackageIr package) =>
        package.Services.Select(s => s.Wsdl).OfType<PublishedWsdlIr>().Distinct().Where(w => w is { FileName: not null, Content: not null }).Select(w => new GeneratedFile(w.FileName!, w.Content!.EndsWith('\n') ? w.Content : w.Content + "\n"));
}
