using System.Collections.Immutable;

namespace SynapseToBal.IR;

/// <summary>
/// An XML payload template as a tree (payloadFactory with media-type xml): elements with their names and
/// namespace declarations as written, attributes, text, comments, CDATA and processing instructions, with typed
/// slots where the template's <c>$n</c> arguments and inline expressions go.
/// </summary>
public abstract record XmlNodeIr
{
    private XmlNodeIr()
    {
    }

    /// <param name="Prefix">The prefix as written ("" for none).</param>
    /// <param name="NamespaceUri">The expanded name's namespace ("" for none).</param>
    /// <param name="Namespaces">The namespace declarations written on this element, in order.</param>
    /// <param name="SelfClosing">Written as <c>&lt;a/&gt;</c> (no children).</param>
    public sealed record Element(string Prefix, string LocalName, string NamespaceUri, ImmutableArray<XmlTemplateNamespaceIr> Namespaces, ImmutableArray<XmlTemplateAttributeIr> Attributes, ImmutableArray<XmlNodeIr> Children, bool SelfClosing) : XmlNodeIr;

    /// <summary>Character data (entities already decoded).</summary>
    public sealed record Text(string Content) : XmlNodeIr;

    /// <summary>An argument or inline expression in content: Raw values are inserted as markup when they are XML, else as text.</summary>
    public sealed record Slot(ExprIr Value, bool Raw) : XmlNodeIr;

    public sealed record Comment(string Content) : XmlNodeIr;

    /// <summary>A CDATA section: its content is character data.</summary>
    public sealed record CData(string Content) : XmlNodeIr;

    public sealed record ProcessingInstruction(string Target, string Data) : XmlNodeIr;
}

/// <param name="Prefix">"" for the default namespace declaration (<c>xmlns="..."</c>).</param>
public sealed record XmlTemplateNamespaceIr(string Prefix, string Uri);

/// <param name="Value">Literal text (decoded) and argument slots; every slot's value is pasted as text.</param>
public sealed record XmlTemplateAttributeIr(string Prefix, string LocalName, string NamespaceUri, ImmutableArray<TemplatePart> Value);
