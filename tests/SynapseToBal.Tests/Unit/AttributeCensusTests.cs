using System.Globalization;
using Microsoft.CodeAnalysis;
using SynapseToBal.Diagnostics;
using SynapseToBal.Syntax;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>The attribute census: every attribute is read by the parser, kept inside raw XML, or reported as SB0107.</summary>
public sealed class AttributeCensusTests
{
    private const string Ns = "xmlns=\"http://ws.apache.org/ns/synapse\"";

    private static (SynapseDocument Document, DiagnosticBag Diagnostics, string Text) Parse(string mediators, string extraNamespaces = "")
    {
        var text = $"<sequence {Ns} {extraNamespaces} name=\"s\">\n{mediators}\n</sequence>";
        var diagnostics = new DiagnosticBag();
        var document = SynapseParser.ParseText("s.xml", text, diagnostics);
        Assert.NotNull(document);
        Assert.Empty(document.Unaccounted);
        return (document, diagnostics, text);
    }

    private static string[] Sb0107(DiagnosticBag diagnostics) => diagnostics.Items
        .Where(d => d.Id == DiagnosticCatalog.AttributeNotRead.Id)
        .Select(d => d.GetMessage(CultureInfo.InvariantCulture))
        .ToArray();

    [Fact]
    public void A_misspelt_attribute_is_reported_once_at_the_attribute_itself()
    {
        var (document, diagnostics, text) = Parse("<log levle=\"full\"/>");
        var unread = Assert.Single(document.UnreadAttributes);
        Assert.Equal("levle", unread.Name);
        Assert.Equal("log", unread.ElementName);
        Assert.Equal("levle=\"full\"", text.Substring(unread.Location.Span.Start, unread.Location.Span.Length));
        Assert.Equal(["Attribute 'levle' of <log> is not read by the converter; it is ignored"], Sb0107(diagnostics));
        var diagnostic = Assert.Single(diagnostics.Items, d => d.Id == "SB0107");
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal(unread.Location.Span, diagnostic.Location.SourceSpan);
    }

    [Fact]
    public void Attributes_read_through_the_helpers_are_not_reported_and_are_counted()
    {
        var (document, diagnostics, _) = Parse(
            "<log level=\"custom\" category=\"WARN\" separator=\",\" description=\"d\"><property name=\"p\" expression=\"$ctx:x\" scope=\"axis2\"/></log>" +
            "<property name=\"x\" value=\"1\" scope=\"default\" type=\"INTEGER\"/>");
        Assert.Empty(document.UnreadAttributes);
        Assert.Empty(Sb0107(diagnostics));
        Assert.Equal(1 + 4 + 3 + 4, document.AttributesWalked); // the sequence's name, the log's, its property's, the property mediator's
    }

    [Fact]
    public void Namespace_declarations_are_not_attributes()
    {
        var (document, _, _) = Parse("<log xmlns:m=\"urn:m\" xmlns:n=\"urn:n\" level=\"simple\"/>", "xmlns:x=\"urn:x\"");
        Assert.Empty(document.UnreadAttributes);
        Assert.Equal(2, document.AttributesWalked);
    }

    [Fact]
    public void Attributes_inside_xml_kept_whole_are_not_reported()
    {
        var (document, diagnostics, _) = Parse(
            "<payloadFactory media-type=\"xml\"><format><p:order xmlns:p=\"urn:p\" id=\"1\" any=\"thing\"><p:item sku=\"a\"/></p:order></format><args/></payloadFactory>" +
            "<custom.mediator anything=\"goes\"><child more=\"too\"/></custom.mediator>");
        Assert.Empty(document.UnreadAttributes);
        Assert.Empty(Sb0107(diagnostics));
    }

    [Fact]
    public void The_element_holding_inline_xml_still_has_its_own_attributes_checked()
    {
        var (document, _, _) = Parse("<payloadFactory media-type=\"xml\"><format kee=\"conf:/f.xml\"><a b=\"c\"/></format><args/></payloadFactory>");
        var unread = Assert.Single(document.UnreadAttributes);
        Assert.Equal(("kee", "format"), (unread.Name, unread.ElementName));
    }

    [Fact]
    public void An_element_read_as_text_does_not_hide_its_attributes()
    {
        var (document, _, _) = Parse("<makefault version=\"soap11\"><code value=\"soap11Env:Client\" xmlns:soap11Env=\"http://schemas.xmlsoap.org/soap/envelope/\"/><reason value=\"r\"/><node lang=\"en\">http://node</node></makefault>");
        var unread = Assert.Single(document.UnreadAttributes);
        Assert.Equal(("lang", "node"), (unread.Name, unread.ElementName));
    }

    [Fact]
    public void Prefixed_attributes_are_named_as_written_and_located_with_single_quotes_and_line_breaks()
    {
        var (document, _, text) = Parse(
            "<log level='full'\n     xsi:type = 'x'\n     a:b=\"1\" xmlns:a=\"urn:a\"/>",
            "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"");
        Assert.Equal(["xsi:type", "a:b"], document.UnreadAttributes.Select(a => a.Name));
        var spans = document.UnreadAttributes.Select(a => text.Substring(a.Location.Span.Start, a.Location.Span.Length)).ToArray();
        Assert.Equal(["xsi:type = 'x'", "a:b=\"1\""], spans);
        Assert.Equal(3, document.UnreadAttributes[0].Location.Line);
    }

    [Fact]
    public void Log_properties_keep_their_scope()
    {
        var log = MediatorParsing.Single<LogMediator>("<log level=\"custom\"><property name=\"p\" value=\"v\" scope=\"transport\"/></log>");
        Assert.Equal("transport", Assert.Single(log.Properties).Scope);
    }

    [Fact]
    public void Unknown_artifacts_keep_their_attributes_whole()
    {
        var diagnostics = new DiagnosticBag();
        var document = SynapseParser.ParseText("d.xml", $"<definitions {Ns}><executor name=\"e\" whatever=\"1\"><queues x=\"y\"/></executor></definitions>", diagnostics);
        Assert.NotNull(document);
        Assert.Empty(document.UnreadAttributes);
    }
}
