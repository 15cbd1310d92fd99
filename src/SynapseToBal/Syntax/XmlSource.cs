using System.Xml;
using System.Xml.Linq;
using Microsoft.CodeAnalysis.Text;

namespace SynapseToBal.Syntax;

/// <summary>
/// One XML file loaded safely (DTDs prohibited, no resolver) into an <see cref="XElement"/> tree whose
/// elements carry their exact character spans, so every AST node can point back at its source text.
/// </summary>
public sealed class XmlSource
{
    private readonly string _content;

    private XmlSource(string path, string content, SourceText text, XElement root)
    {
        Path = path;
        _content = content;
        Text = text;
        Root = root;
    }

    public string Path { get; }

    public SourceText Text { get; }

    public XElement Root { get; }

    public static XmlReaderSettings SafeSettings() => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = false,
        IgnoreProcessingInstructions = true,
        CloseInput = false,
        MaxCharactersFromEntities = 1024,
    };

    /// <summary>
    /// Parses XML text the converter reads besides the artifacts (a registry resource, a WSDL, a schema, a stylesheet,
    /// a throttle policy) as <see cref="XDocument.Parse(string, LoadOptions)"/> does (whitespace kept only with
    /// <see cref="LoadOptions.PreserveWhitespace"/>, comments and processing instructions kept), but with DTDs
    /// prohibited and no resolver: <c>XDocument.Parse</c> parses a DTD and expands its entities (up to ten million
    /// characters). Throws <see cref="XmlException"/> for malformed input and for a DTD.
    /// </summary>
    public static XDocument ParseText(string text, LoadOptions options = LoadOptions.None)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreWhitespace = (options & LoadOptions.PreserveWhitespace) == 0,
        };
        using var reader = XmlReader.Create(new StringReader(text), settings);
        return XDocument.Load(reader, options);
    }

    /// <summary>Parses <paramref name="content"/>; throws <see cref="XmlException"/> for malformed input.</summary>
    /// <summary>
    /// The deepest element nesting read (real configurations stay below 25, inline WSDLs and payload templates
    /// included). Building the tree costs O(depth) per element and the parser, the lowering and the emitter recurse
    /// once per level, so a deeper document is refused (<see cref="XmlNestingException"/>) as soon as the reader
    /// reaches the first element past the limit.
    /// </summary>
    public const int MaxElementDepth = 256;

    /// <exception cref="XmlNestingException">Elements nest deeper than <see cref="MaxElementDepth"/>.</exception>
    public static XmlSource Parse(string path, string content)
    {
        var text = SourceText.From(content);
        using var stringReader = new StringReader(content);
        using var reader = XmlReader.Create(stringReader, SafeSettings());
        var lineInfo = (IXmlLineInfo)reader;
        XElement? root = null;
        var stack = new Stack<XElement>();
        var starts = new Stack<int>();

        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                {
                    if (stack.Count >= MaxElementDepth)
                    {
                        throw new XmlNestingException(MaxElementDepth, lineInfo.LineNumber, lineInfo.LinePosition);
                    }

                    var start = Offset(text, lineInfo.LineNumber, lineInfo.LinePosition) - 1;
                    var element = new XElement(XName.Get(reader.LocalName, reader.NamespaceURI));
                    if (reader.HasAttributes)
                    {
                        while (reader.MoveToNextAttribute())
                        {
                            if (reader.Prefix == "xmlns")
                            {
                                element.Add(new XAttribute(XNamespace.Xmlns + reader.LocalName, reader.Value));
                            }
                            else if (reader.Prefix.Length == 0 && reader.LocalName == "xmlns")
                            {
                                element.Add(new XAttribute("xmlns", reader.Value));
                            }
                            else
                            {
                                element.Add(new XAttribute(XName.Get(reader.LocalName, reader.NamespaceURI), reader.Value));
                            }
                        }

                        reader.MoveToElement();
                    }

                    if (stack.Count > 0)
                    {
                        stack.Peek().Add(element);
                    }
                    else
                    {
                        root = element;
                    }

                    if (reader.IsEmptyElement)
                    {
                        element.AddAnnotation(new ElementSpan(start, ScanToTagEnd(content, start)));
                    }
                    else
                    {
                        stack.Push(element);
                        starts.Push(start);
                    }

                    break;
                }

                case XmlNodeType.EndElement:
                {
                    var element = stack.Pop();
                    var start = starts.Pop();
                    var endTag = Offset(text, lineInfo.LineNumber, lineInfo.LinePosition);
                    element.AddAnnotation(new ElementSpan(start, ScanToTagEnd(content, endTag)));
                    break;
                }

                case XmlNodeType.Text:
                case XmlNodeType.Whitespace:
                case XmlNodeType.SignificantWhitespace:
                    if (stack.Count > 0)
                    {
                        stack.Peek().Add(new XText(reader.Value));
                    }

                    break;
                case XmlNodeType.CDATA:
                    if (stack.Count > 0)
                    {
                        stack.Peek().Add(new XCData(reader.Value));
                    }

                    break;
                case XmlNodeType.Comment:
                    if (stack.Count > 0)
                    {
                        stack.Peek().Add(new XComment(reader.Value));
                    }

                    break;
            }
        }

        if (root is null)
        {
            throw new XmlException("The document has no root element.");
        }

        return new XmlSource(path, content, text, root);
    }

    /// <summary>
    /// Where a node is: an element's whole span, an attribute's <c>name="value"</c> (found in its start tag when
    /// asked, so parsing keeps no per-attribute positions), anything else its parent element's span.
    /// </summary>
    public SourceLocation LocationOf(XObject node)
    {
        var span = node switch
        {
            XElement e => e.Annotation<ElementSpan>(),
            XAttribute a => a.Parent?.Annotation<ElementSpan>(),
            _ => node.Parent?.Annotation<ElementSpan>(),
        };
        var textSpan = span is null ? new TextSpan(0, 0) : TextSpan.FromBounds(span.Start, Math.Min(span.End, Text.Length));
        if (node is XAttribute attribute && span is not null && AttributeSpan(attribute, span.Start) is { } attributeSpan)
        {
            textSpan = attributeSpan;
        }

        return new SourceLocation(Path, textSpan, Text.Lines.GetLinePositionSpan(textSpan));
    }

    /// <summary>The span of <c>name="value"</c> of an attribute in the start tag beginning at <paramref name="tagStart"/>.</summary>
    private TextSpan? AttributeSpan(XAttribute attribute, int tagStart)
    {
        var element = attribute.Parent!;
        var i = tagStart + 1;
        while (i < Text.Length && !IsTagBreak(Text[i]))
        {
            i++; // the element's name
        }

        while (true)
        {
            while (i < Text.Length && char.IsWhiteSpace(Text[i]))
            {
                i++;
            }

            if (i >= Text.Length || Text[i] is '/' or '>')
            {
                return null;
            }

            var nameStart = i;
            while (i < Text.Length && !IsTagBreak(Text[i]) && Text[i] != '=')
            {
                i++;
            }

            var name = Text.ToString(TextSpan.FromBounds(nameStart, i));
            while (i < Text.Length && Text[i] != '"' && Text[i] != '\'')
            {
                i++;
            }

            if (i >= Text.Length)
            {
                return null;
            }

            var quote = Text[i++];
            while (i < Text.Length && Text[i] != quote)
            {
                i++;
            }

            i = Math.Min(i + 1, Text.Length);
            if (Matches(name, attribute.Name, element))
            {
                return TextSpan.FromBounds(nameStart, i);
            }
        }

        static bool IsTagBreak(char c) => char.IsWhiteSpace(c) || c is '/' or '>';

        static bool Matches(string written, XName name, XElement element)
        {
            var colon = written.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                return name.Namespace == XNamespace.None && written == name.LocalName;
            }

            var prefix = written[..colon];
            var ns = prefix == "xml" ? XNamespace.Xml : element.GetNamespaceOfPrefix(prefix);
            return ns == name.Namespace && written[(colon + 1)..] == name.LocalName;
        }
    }

    /// <summary>The element exactly as written in the file.</summary>
    public RawXmlText RawXml(XElement element)
    {
        var span = element.Annotation<ElementSpan>();
        if (span is null)
        {
            return new RawXmlText(element.ToString(SaveOptions.DisableFormatting));
        }

        // A span of the file's text, shared by every node of the file (not a copy per node).
        var end = Math.Min(span.End, _content.Length);
        return new RawXmlText(_content, Math.Min(span.Start, end), end - Math.Min(span.Start, end));
    }

    private static int Offset(SourceText text, int line, int column)
    {
        if (line <= 0)
        {
            return 0;
        }

        var lineStart = text.Lines[Math.Min(line - 1, text.Lines.Count - 1)].Start;
        return Math.Min(lineStart + Math.Max(column - 1, 0), text.Length);
    }

    /// <summary>Index just past the '&gt;' that closes the tag starting at or before <paramref name="from"/>, skipping quoted values.</summary>
    private static int ScanToTagEnd(string content, int from)
    {
        char quote = '\0';
        for (var i = Math.Max(from, 0); i < content.Length; i++)
        {
            var c = content[i];
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '>')
            {
                return i + 1;
            }
        }

        return content.Length;
    }
}

/// <summary>The document nests elements deeper than <see cref="XmlSource.MaxElementDepth"/>; the position is the first element past it.</summary>
public sealed class XmlNestingException(int limit, int line, int position)
    : XmlException($"elements nest more than {limit} deep", null, line, position)
{
    public int Limit { get; } = limit;
}
