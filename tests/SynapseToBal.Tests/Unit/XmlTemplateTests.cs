using System.Collections.Immutable;
using SynapseToBal.Emit;
using SynapseToBal.IR;
using SynapseToBal.Lowering;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>payloadFactory XML templates: template text with slots → <see cref="XmlNodeIr"/> tree → Ballerina XML template.</summary>
public sealed class XmlTemplateTests
{
    private static readonly TemplatePart.Argument Id = new(new PropertyReadIr("id"), Raw: false, InAttribute: true);
    private static readonly TemplatePart.Argument Body = new(new PropertyReadIr("body"), Raw: true, InAttribute: false);
    private static readonly TemplatePart.Argument Name = new(new PropertyReadIr("name"), Raw: false, InAttribute: false);

    private static string Text(ExprIr value) => value is PropertyReadIr p ? $"prop(\"{p.Name}\")" : throw new InvalidOperationException();

    private static ImmutableArray<XmlNodeIr> Tree(params TemplatePart[] parts)
    {
        var tree = XmlTemplates.TryParse([.. parts]);
        Assert.NotNull(tree);
        return tree.Value;
    }

    private static string Write(params TemplatePart[] parts) => XmlLiteralWriter.Write(Tree(parts), Text);

    [Fact]
    public void Elements_keep_their_prefix_expanded_name_and_namespace_declarations()
    {
        var tree = Tree(new TemplatePart.Text("<m:order xmlns:m=\"urn:m\" xmlns=\"urn:d\"><line m:no=\"1\"/></m:order>"));

        var order = Assert.IsType<XmlNodeIr.Element>(Assert.Single(tree));
        Assert.Equal(("m", "order", "urn:m"), (order.Prefix, order.LocalName, order.NamespaceUri));
        Assert.Equal([new XmlTemplateNamespaceIr("m", "urn:m"), new XmlTemplateNamespaceIr("", "urn:d")], order.Namespaces.ToArray());
        var line = Assert.IsType<XmlNodeIr.Element>(Assert.Single(order.Children));
        Assert.Equal(("", "line", "urn:d", true), (line.Prefix, line.LocalName, line.NamespaceUri, line.SelfClosing));
        var number = Assert.Single(line.Attributes);
        Assert.Equal(("m", "no", "urn:m"), (number.Prefix, number.LocalName, number.NamespaceUri));
        Assert.Equal("xml `<m:order xmlns:m=\"urn:m\" xmlns=\"urn:d\"><line m:no=\"1\"/></m:order>`", XmlLiteralWriter.Write(tree, Text));
    }

    [Fact]
    public void Text_is_decoded_in_the_tree_and_escaped_for_xml_and_the_template()
    {
        var tree = Tree(new TemplatePart.Text("<a>x &lt; y &amp;&amp; `z` ${not} ]]&gt;</a>"));

        var a = Assert.IsType<XmlNodeIr.Element>(Assert.Single(tree));
        Assert.Equal("x < y && `z` ${not} ]]>", Assert.IsType<XmlNodeIr.Text>(Assert.Single(a.Children)).Content);
        Assert.Equal("xml `<a>x &lt; y &amp;&amp; ${\"`\"}z${\"`\"} ${\"$\"}{not} ]]&gt;</a>`", XmlLiteralWriter.Write(tree, Text));
    }

    [Fact]
    public void Attribute_slots_are_strings_and_text_slots_raw_or_plain()
    {
        var tree = Tree(new TemplatePart.Text("<a id=\"k-"), Id, new TemplatePart.Text("\" note='say \"hi\" &amp; `go`'>"), Body, new TemplatePart.Text(" by "), Name, new TemplatePart.Text("</a>"));

        var a = Assert.IsType<XmlNodeIr.Element>(Assert.Single(tree));
        Assert.Equal([new TemplatePart.Text("k-"), Id], a.Attributes[0].Value.ToArray());
        Assert.Equal([new XmlNodeIr.Slot(Body.Value, Raw: true), new XmlNodeIr.Text(" by "), new XmlNodeIr.Slot(Name.Value, Raw: false)], a.Children.ToArray());
        Assert.Equal(
            "xml `<a id=\"k-${prop(\"id\")}\" note=\"say &quot;hi&quot; &amp; ${\"`\"}go${\"`\"}\">${xmlArg(prop(\"body\"))} by ${prop(\"name\")}</a>`",
            XmlLiteralWriter.Write(tree, Text));
    }

    [Fact]
    public void A_raw_slot_inside_an_attribute_is_still_a_string()
    {
        Assert.Equal("xml `<a v=\"${prop(\"body\")}\"/>`", Write(new TemplatePart.Text("<a v=\""), Body, new TemplatePart.Text("\"/>")));
    }

    [Fact]
    public void Attribute_line_breaks_and_tabs_stay_character_references()
    {
        Assert.Equal("xml `<a v=\"x&#10;y&#9;z &lt; w\"/>`", Write(new TemplatePart.Text("<a v=\"x&#10;y&#9;z &lt; w\"/>")));
    }

    [Fact]
    public void Cdata_becomes_escaped_text_and_comments_and_processing_instructions_stay()
    {
        var tree = Tree(new TemplatePart.Text("<a><![CDATA[1 < 2 && `x`]]><!-- note --><?audit on?>\n  <b></b></a>"));

        var a = Assert.IsType<XmlNodeIr.Element>(Assert.Single(tree));
        Assert.Equal(
            [new XmlNodeIr.CData("1 < 2 && `x`"), new XmlNodeIr.Comment(" note "), new XmlNodeIr.ProcessingInstruction("audit", "on"), new XmlNodeIr.Text("\n  ")],
            a.Children.Take(4).ToArray());
        Assert.False(Assert.IsType<XmlNodeIr.Element>(a.Children[4]).SelfClosing);
        Assert.Equal("xml `<a>1 &lt; 2 &amp;&amp; ${\"`\"}x${\"`\"}<!-- note --><?audit on?>\n  <b></b></a>`", XmlLiteralWriter.Write(tree, Text));
    }

    [Fact]
    public void A_sequence_of_top_level_nodes_is_kept()
    {
        Assert.Equal("xml `<a/>\n<b>${prop(\"name\")}</b>`", Write(new TemplatePart.Text("<a/>\n<b>"), Name, new TemplatePart.Text("</b>")));
    }

    [Theory]
    [InlineData("<", "/>")]
    [InlineData("<a><!-- ", " --></a>")]
    [InlineData("<a xmlns:p=\"", "\"/>")]
    [InlineData("<a><![CDATA[", "]]></a>")]
    [InlineData("<a ", "=\"1\"/>")]
    public void A_slot_where_xml_has_no_value_keeps_the_text_form(string before, string after)
    {
        Assert.Null(XmlTemplates.TryParse([new TemplatePart.Text(before), Name, new TemplatePart.Text(after)]));
    }

    [Theory]
    [InlineData("<a>")]
    [InlineData("<p:a/>")]
    [InlineData("<!DOCTYPE a [<!ENTITY x \"y\">]><a>&x;</a>")]
    [InlineData("<a>&nbsp;</a>")]
    [InlineData("<a>\uE000</a>")]
    public void A_template_that_is_not_well_formed_keeps_the_text_form(string text)
    {
        Assert.Null(XmlTemplates.TryParse([new TemplatePart.Text(text)]));
    }
}
