using System.Collections.Immutable;
using System.Text;
using SynapseToBal.IR;
using SynapseToBal.Refine;

namespace SynapseToBal.Emit;

/// <summary>
/// Writes an XML template tree as a Ballerina XML template (<c>xml `&lt;a id="${id}"&gt;${xmlArg(v)}&lt;/a&gt;`</c>):
/// text and attribute values escaped as XML and then as template text (backticks and <c>${</c> become
/// interpolations of themselves); slots in attributes and plain slots in text are strings, raw slots in text go
/// through <c>xmlArg</c> (markup when the value is XML).
/// </summary>
internal static class XmlLiteralWriter
{
    /// <param name="text">Writes an expression as a Ballerina string expression.</param>
    /// <summary>
    /// The runtime function that inserts a payloadFactory argument's text into XML: <c>jsonXmlArg</c> for a JSONPath
    /// argument (a JSON object or array goes in as its XML form, convertJsonArgumentToXml), else <c>xmlArg</c>.
    /// </summary>
    public static string ArgFunction(ExprIr value) => value is JsonEvalIr ? "jsonXmlArg" : "xmlArg";

    public static string Write(ImmutableArray<XmlNodeIr> nodes, Func<ExprIr, string> text)
    {
        var builder = new StringBuilder("xml `");
        foreach (var node in nodes)
        {
            Node(builder, node, text);
        }

        return builder.Append('`').ToString();
    }

    private static void Node(StringBuilder builder, XmlNodeIr node, Func<ExprIr, string> text)
    {
        switch (node)
        {
            case XmlNodeIr.Element element:
                var name = QualifiedName(element.Prefix, element.LocalName);
                builder.Append('<').Append(name);
                foreach (var ns in element.Namespaces)
                {
                    builder.Append(' ').Append(ns.Prefix.Length == 0 ? "xmlns" : "xmlns:" + ns.Prefix).Append("=\"").Append(Template(AttributeText(ns.Uri, atStart: true))).Append('"');
                }

                foreach (var attribute in element.Attributes)
                {
                    builder.Append(' ').Append(QualifiedName(attribute.Prefix, attribute.LocalName)).Append("=\"");
                    var atStart = true;
                    foreach (var part in attribute.Value)
                    {
                        switch (part)
                        {
                            case TemplatePart.Text t:
                                builder.Append(Template(AttributeText(t.Content, atStart)));
                                break;
                            case TemplatePart.Argument a:
                                builder.Append("${").Append(text(a.Value)).Append('}');
                                break;
                            default:
                                throw new InvalidOperationException($"Unhandled template part {part.GetType().Name}");
                        }

                        atStart = false;
                    }

                    builder.Append('"');
                }

                if (element.SelfClosing && element.Children.IsEmpty)
                {
                    builder.Append("/>");
                    break;
                }

                builder.Append('>');
                foreach (var child in element.Children)
                {
                    Node(builder, child, text);
                }

                builder.Append("</").Append(name).Append('>');
                break;
            case XmlNodeIr.Text t:
                builder.Append(Template(ContentText(t.Content)));
                break;

            // A Ballerina xml value has no CDATA node: the section's characters are the same text, escaped.
            case XmlNodeIr.CData cdata:
                builder.Append(Template(ContentText(cdata.Content)));
                break;
            case XmlNodeIr.Slot slot:
                builder.Append("${").Append(slot.Raw ? $"{ArgFunction(slot.Value)}({text(slot.Value)})" : text(slot.Value)).Append('}');
                break;
            case XmlNodeIr.Comment comment:
                builder.Append("<!--").Append(Template(comment.Content)).Append("-->");
                break;
            case XmlNodeIr.ProcessingInstruction pi:
                builder.Append("<?").Append(pi.Target);
                if (pi.Data.Length > 0)
                {
                    builder.Append(' ').Append(Template(pi.Data));
                }

                builder.Append("?>");
                break;
            default:
                throw new InvalidOperationException($"Unhandled XML node {node.GetType().Name}");
        }
    }

    private static string QualifiedName(string prefix, string localName) => prefix.Length == 0 ? localName : prefix + ":" + localName;

    private static string Template(string text) => BallerinaSyntax.TemplateText(text, keepLineBreaks: true);

    /// <summary>Character data escaped for element content: <c>&amp;</c>, <c>&lt;</c>, and <c>&gt;</c> where it would close <c>]]</c>.</summary>
    private static string ContentText(string content)
    {
        var builder = new StringBuilder(content.Length);
        for (var i = 0; i < content.Length; i++)
        {
            var c = content[i];
            builder.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' when i >= 2 && content[i - 1] == ']' && content[i - 2] == ']' => "&gt;",
                '\r' => "&#13;",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }

    /// <summary>
    /// An attribute value escaped for double quotes; white space other than a space kept as character references,
    /// and a space that opens the value too (Ballerina's XML template grammar refuses white space right after the
    /// opening quote: <c>v=" a"</c> does not parse, <c>v="&amp;#32;a"</c> is the same value).
    /// </summary>
    private static string AttributeText(string value, bool atStart)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (atStart && c == ' ')
            {
                builder.Append("&#32;");
                atStart = false;
                continue;
            }

            atStart = false;
            builder.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '"' => "&quot;",
                '\n' => "&#10;",
                '\r' => "&#13;",
                '\t' => "&#9;",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }
}
