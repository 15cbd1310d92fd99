using SynapseToBal.Diagnostics;
using SynapseToBal.Syntax;
using Xunit;
using static SynapseToBal.Tests.Unit.MediatorParsing;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// A payloadFactory format keeps the default namespace its elements inherit from the configuration, as
/// PayloadFactoryMediatorFactory's <c>cloneOMElement()</c> + <c>getFirstElement().toString()</c> does.
/// </summary>
public sealed class PayloadFactoryDefaultNamespaceTests
{
    private static string Format(string formatContent, string extraNamespaces = "") =>
        Single<PayloadFactoryMediator>($"""<payloadFactory media-type="xml"><format>{formatContent}</format><args/></payloadFactory>""", extraNamespaces).Format!;

    [Fact]
    public void Unprefixed_elements_of_an_inline_format_stay_in_the_synapse_namespace_declared_on_the_root()
    {
        Assert.Equal($"""<order xmlns="{Synapse}"><id>$1</id></order>""", Format("<order><id>$1</id></order>"));
    }

    [Fact]
    public void An_empty_default_namespace_keeps_the_elements_in_no_namespace()
    {
        Assert.Equal("<order><id>$1</id></order>", Format("""<order xmlns=""><id>$1</id></order>"""));
    }

    [Fact]
    public void Only_the_elements_without_their_own_empty_default_are_in_the_synapse_namespace()
    {
        var format = Format("""<order><item xmlns=""><id>$1</id></item></order>""");
        var root = System.Xml.Linq.XElement.Parse(format);
        Assert.Equal(Synapse, root.Name.NamespaceName);
        Assert.Equal(string.Empty, root.Elements().Single().Name.NamespaceName);
        Assert.Equal(string.Empty, root.Descendants().Last().Name.NamespaceName);
    }

    [Fact]
    public void Prefixed_formats_and_their_own_default_namespaces_are_unchanged()
    {
        Assert.Equal("""<m:getQuote xmlns:m="http://services.samples"><m:symbol>$1</m:symbol></m:getQuote>""", Format("""<m:getQuote xmlns:m="http://services.samples"><m:symbol>$1</m:symbol></m:getQuote>"""));
        Assert.Equal("""<order xmlns="urn:shop"><id>$1</id></order>""", Format("""<order xmlns="urn:shop"><id>$1</id></order>"""));
    }

    [Fact]
    public void A_soap_envelope_format_declares_the_inherited_namespace_its_body_element_uses()
    {
        var format = Format("""<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body><order/></soapenv:Body></soapenv:Envelope>""");
        var root = System.Xml.Linq.XElement.Parse(format);
        Assert.Equal("http://schemas.xmlsoap.org/soap/envelope/", root.Name.NamespaceName);
        Assert.Equal(Synapse, root.Descendants().Single(e => e.Name.LocalName == "order").Name.NamespaceName);
    }

    [Fact]
    public void A_format_under_a_prefixed_configuration_has_no_default_namespace_to_inherit()
    {
        var xml = """<syn:sequence xmlns:syn="http://ws.apache.org/ns/synapse" name="test"><syn:payloadFactory media-type="xml"><syn:format><order><id>$1</id></order></syn:format><syn:args/></syn:payloadFactory></syn:sequence>""";
        var document = SynapseParser.ParseText("test.xml", xml, new DiagnosticBag());
        Assert.NotNull(document);
        var sequence = Assert.IsType<SequenceSyntax>(Assert.Single(document.Artifacts));
        var factory = Assert.IsType<PayloadFactoryMediator>(Assert.Single(sequence.Mediators));
        Assert.Equal("<order><id>$1</id></order>", factory.Format);
    }

    [Fact]
    public void A_local_entry_holds_its_element_with_the_namespace_it_inherits_for_a_format_read_by_key()
    {
        var xml = $"""<localEntry xmlns="{Synapse}" key="OrderFormat"><order><id>$1</id><note xmlns="">n</note></order></localEntry>""";
        var document = SynapseParser.ParseText("entry.xml", xml, new DiagnosticBag());
        Assert.NotNull(document);
        var entry = Assert.IsType<LocalEntrySyntax>(Assert.Single(document.Artifacts));
        Assert.Equal($"""<order xmlns="{Synapse}"><id>$1</id><note xmlns="">n</note></order>""", entry.XmlAsDeployed);

        // The entry's other readers keep the text they had.
        Assert.Equal("<order><id>$1</id><note>n</note></order>", entry.Xml);
    }
}
