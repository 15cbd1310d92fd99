using System.Collections.Immutable;
using System.Text;
using System.Xml;
using SynapseToBal.IR;

namespace SynapseToBal.Lowering;

/// <summary>
/// Reads an XML template with argument slots into an <see cref="XmlNodeIr"/> sequence, once, at conversion time.
/// Each slot stands in the text as one private-use character; a template that is not well-formed XML with its
/// slots in place (a slot in a name, a comment, a namespace URI, ...) has no tree and keeps its text form.
/// </summary>
internal static class XmlTemplates
{
    private const char FirstMarker = '\uE000';
    private const char LastMarker = '\uF8FF';

    public static ImmutableArray<XmlNodeIr>? TryParse(ImmutableArray<TemplatePart> parts)
    {
        var text = new StringBuilder();
        var args = new List<TemplatePart.Argument>();
        foreach (var part in parts)
        {
            switch (part)
            {
                case TemplatePart.Text t:
                    if (t.Content.Any(IsMarker))
                    {
                        return null;
                    }

                    text.Append(t.Content);
                    break;
                case TemplatePart.Argument a:
                    if (FirstMarker + args.Count > LastMarker)
                    {
                        return null;
                    }

                    text.Append((char)(FirstMarker + args.Count));
                    args.Add(a);
                    break;
                default:
                    throw new InvalidOperationException($"Unexpected template part {part.GetType().Name}");
            }
        }

        // The input's safe settings (no DTD, no resolver, a cap on entity expansion), read as a fragment with PIs kept.
        var settings = Syntax.XmlSource.SafeSettings();
        settings.ConformanceLevel = ConformanceLevel.Fragment;
        settings.IgnoreProcessingInstructions = false;
        try
        {
            using var reader = XmlReader.Create(new StringReader(text.ToString()), settings);
            var stack = new Stack<(XmlReaderElement Element, ImmutableArray<XmlNodeIr>.Builder Children)>();
            var top = ImmutableArray.CreateBuilder<XmlNodeIr>();
            var used = new bool[args.Count];
            while (reader.Read())
            {
                var children = stack.Count > 0 ? stack.Peek().Children : top;
                switch (reader.NodeType)
                {
                    case XmlNodeType.Element:
                    {
                        var element = ReadElement(reader, args, used);
                        if (element is null)
                        {
                            return null;
                        }

                        if (reader.IsEmptyElement)
                        {
                            children.Add(element.Build([], selfClosing: true));
                        }
                        else
                        {
                            stack.Push((element, ImmutableArray.CreateBuilder<XmlNodeIr>()));
                        }

                        break;
                    }

                    case XmlNodeType.EndElement:
                    {
                        var (element, content) = stack.Pop();
                        (stack.Count > 0 ? stack.Peek().Children : top).Add(element.Build(content.ToImmutable(), selfClosing: false));
                        break;
                    }

                    case XmlNodeType.Text or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                        AddText(children, reader.Value, args, used);
                        break;
                    case XmlNodeType.CDATA:
                        if (reader.Value.Any(IsMarker))
                        {
                            return null;
                        }

                        children.Add(new XmlNodeIr.CData(reader.Value));
                        break;
                    case XmlNodeType.Comment:
                        if (reader.Value.Any(IsMarker))
                        {
                            return null;
                        }

                        children.Add(new XmlNodeIr.Comment(reader.Value));
                        break;
                    case XmlNodeType.ProcessingInstruction:
                        if (reader.Value.Any(IsMarker) || reader.Name.Any(IsMarker))
                        {
                            return null;
                        }

                        children.Add(new XmlNodeIr.ProcessingInstruction(reader.Name, reader.Value));
                        break;
                    default:
                        // XML declarations, entity references and anything else keep the text form.
                        return null;
                }
            }

            // Every slot must have landed in text or an attribute value (not swallowed by a construct kept as text).
            return stack.Count == 0 && used.All(u => u) ? top.ToImmutable() : null;
        }
        catch (XmlException)
        {
            return null;
        }
    }

    private static bool IsMarker(char c) => c is >= FirstMarker and <= LastMarker;

    private static XmlReaderElement? ReadElement(XmlReader reader, List<TemplatePart.Argument> args, bool[] used)
    {
        if (reader.Name.Any(IsMarker))
        {
            return null;
        }

        var element = new XmlReaderElement(reader.Prefix, reader.LocalName, reader.NamespaceURI);
        if (reader.MoveToFirstAttribute())
        {
            do
            {
                if (reader.Name.Any(IsMarker))
                {
                    return null;
                }

                if (reader.NamespaceURI == "http://www.w3.org/2000/xmlns/")
                {
                    if (reader.Value.Any(IsMarker))
                    {
                        return null;
                    }

                    element.Namespaces.Add(new XmlTemplateNamespaceIr(reader.Prefix == "xmlns" ? reader.LocalName : string.Empty, reader.Value));
                }
                else
                {
                    element.Attributes.Add(new XmlTemplateAttributeIr(reader.Prefix, reader.LocalName, reader.NamespaceURI, Split(reader.Value, args, used)));
                }
            }
            while (reader.MoveToNextAttribute());
            reader.MoveToElement();
        }

        return element;
    }

    private static void AddText(ImmutableArray<XmlNodeIr>.Builder children, string value, List<TemplatePart.Argument> args, bool[] used)
    {
        foreach (var part in Split(value, args, used))
        {
            children.Add(part switch
            {
                TemplatePart.Text t => new XmlNodeIr.Text(t.Content),
                TemplatePart.Argument a => new XmlNodeIr.Slot(a.Value, a.Raw),
                _ => throw new InvalidOperationException(),
            });
        }
    }

    /// <summary>Splits decoded text at its slot markers.</summary>
    private static ImmutableArray<TemplatePart> Split(string value, List<TemplatePart.Argument> args, bool[] used)
    {
        var parts = ImmutableArray.CreateBuilder<TemplatePart>();
        var start = 0;
        for (var i = 0; i < value.Length; i++)
        {
            if (!IsMarker(value[i]))
            {
                continue;
            }

            if (i > start)
            {
                parts.Add(new TemplatePart.Text(value[start..i]));
            }

            var index = value[i] - FirstMarker;
            used[index] = true;
            parts.Add(args[index]);
            start = i + 1;
        }

        if (value.Length > start)
        {
            parts.Add(new TemplatePart.Text(value[start..]));
        }

        return parts.ToImmutable();
    }

    private sealed class XmlReaderElement(string prefix, string localName, string namespaceUri)
    {
        public List<XmlTemplateNamespaceIr> Namespaces { get; } = [];

        public List<XmlTemplateAttributeIr> Attributes { get; } = [];

        public XmlNodeIr.Element Build(ImmutableArray<XmlNodeIr> children, bool selfClosing) =>
            new(prefix, localName, namespaceUri, [.. Namespaces], [.. Attributes], children, selfClosing);
    }
}
