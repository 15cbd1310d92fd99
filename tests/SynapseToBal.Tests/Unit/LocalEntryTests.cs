using SynapseToBal.Diagnostics;
using SynapseToBal.Syntax;
using Xunit;

namespace SynapseToBal.Tests.Unit;

public sealed class LocalEntryTests
{
    [Fact]
    public void A_description_beside_inline_xml_is_represented_and_not_taken_for_the_content()
    {
        var xml = """<localEntry xmlns="http://ws.apache.org/ns/synapse" key="payload"><m:Response xmlns:m="urn:m"><m:Code>$1</m:Code></m:Response><description/></localEntry>""";
        var document = SynapseParser.ParseText("entry.xml", xml, new DiagnosticBag());
        Assert.NotNull(document);
        Assert.Empty(document.Unaccounted);
        var entry = Assert.IsType<LocalEntrySyntax>(Assert.Single(document.Artifacts));
        Assert.StartsWith("<m:Response", entry.Xml, StringComparison.Ordinal);
        Assert.Null(entry.Text);
    }
}
