using System.Globalization;
using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Lowering;
using SynapseToBal.Semantics;
using SynapseToBal.Syntax;
using Xunit;
using static SynapseToBal.Tests.Unit.MediatorParsing;

namespace SynapseToBal.Tests.Unit;

public sealed class XsltByKeyLoweringTests
{
    private const string Stylesheet = """<?xml version="1.0"?><xsl:stylesheet xmlns:xsl="http://www.w3.org/1999/XSL/Transform" version="1.0"/>""";

    private static SynapseDocument Entry(string name, string content, DiagnosticBag diagnostics) =>
        SynapseParser.ParseText(name + ".xml", $"""<localEntry xmlns="{Synapse}" key="{name}">{content}</localEntry>""", diagnostics)!;

    [Fact]
    public void A_dynamic_key_chooses_among_the_inline_stylesheets_and_the_registry_stylesheets_of_the_input()
    {
        var diagnostics = new DiagnosticBag();
        var inline = Entry("toInvoice", """<xsl:stylesheet xmlns:xsl="http://www.w3.org/1999/XSL/Transform" version="1.0"/>""", diagnostics);
        var simplified = Entry("simplified", """<invoice xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xsl:version="1.0"/>""", diagnostics);
        var notStylesheet = Entry("plain", "<config/>", diagnostics);
        var fromFile = SynapseParser.ParseText("file.xml", $"""<localEntry xmlns="{Synapse}" key="fromFile" src="file:repository/samples/transform.xslt"/>""", diagnostics)!;
        var document = Document("""<xslt key="{get-property('sheet')}" target="out"><property name="p" value="v"/></xslt><fastXSLT key="{$ctx:sheet}"/>""", diagnostics);
        var registry = new Dictionary<string, string>
        {
            ["conf:/xslt/back.xslt"] = Stylesheet,
            ["conf:/schemas/order.xsd"] = """<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"/>""",
        };
        SynapseDocument[] documents = [inline, simplified, notStylesheet, fromFile, document];
        var model = SemanticModel.Build(documents, registry.ContainsKey, diagnostics, registry.GetValueOrDefault, [.. registry.Keys.Order(StringComparer.Ordinal)]);

        var package = Lowerer.Lower(model, documents, diagnostics);

        var steps = Assert.Single(package.Functions).Body.OfType<XsltByKeyStep>().ToList();
        Assert.Equal(2, steps.Count);
        // Local entries first, then registry resources; an entry without an inline stylesheet and a schema are left out.
        Assert.All(steps, s => Assert.Equal(["conf:/xslt/back.xslt", "simplified", "toInvoice"], s.Stylesheets.Select(c => c.Key).Order(StringComparer.Ordinal)));
        Assert.All(steps, s => Assert.Equal("conf:/xslt/back.xslt", s.Stylesheets[^1].Key));
        Assert.Equal(("out", "p"), (steps[0].TargetProperty, Assert.Single(steps[0].Parameters).Name));
        Assert.Null(steps[1].TargetProperty);

        // The registry stylesheet becomes one module value, shared by both uses.
        var registryValue = Assert.Single(package.Stylesheets);
        Assert.Equal("conf:/xslt/back.xslt", registryValue.Key);
        Assert.All(steps, s => Assert.Same(registryValue.Name, s.Stylesheets.Single(c => c.Key == "conf:/xslt/back.xslt").Value));
        Assert.All(steps, s => Assert.Same(
            package.LocalEntries.Single(e => e.Origin.Name == "toInvoice").Name,
            s.Stylesheets.Single(c => c.Key == "toInvoice").Value));

        var warnings = diagnostics.Items.Where(d => d.Id == DiagnosticCatalog.StylesheetChosenAtRunTime.Id).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.Contains("'{get-property('sheet')}'", warnings[0].GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Contains("among the stylesheets of the input (3)", warnings[0].GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.DoesNotContain(diagnostics.Items, d => d.Id == DiagnosticCatalog.DynamicKey.Id);
    }

    [Fact]
    public void A_local_entry_wins_over_a_registry_resource_of_the_same_key()
    {
        var diagnostics = new DiagnosticBag();
        var entry = Entry("conf:/xslt/back.xslt", """<xsl:transform xmlns:xsl="http://www.w3.org/1999/XSL/Transform" version="1.0"/>""", diagnostics);
        var document = Document("""<xslt key="{get-property('sheet')}"/>""", diagnostics);
        var model = SemanticModel.Build([entry, document], k => k == "conf:/xslt/back.xslt", diagnostics, _ => Stylesheet, ["conf:/xslt/back.xslt"]);

        var package = Lowerer.Lower(model, [entry, document], diagnostics);

        var choice = Assert.Single(Assert.Single(Assert.Single(package.Functions).Body.OfType<XsltByKeyStep>()).Stylesheets);
        Assert.Same(Assert.Single(package.LocalEntries).Name, choice.Value);
        Assert.Empty(package.Stylesheets);
    }

    [Fact]
    public void Without_a_stylesheet_in_the_input_or_with_an_untranslated_key_the_mediator_stays_a_todo()
    {
        var diagnostics = new DiagnosticBag();
        var document = Document("""<xslt key="{get-property('sheet')}"/>""", diagnostics);
        var package = Lowerer.Lower(SemanticModel.Build([document], null, diagnostics, _ => null), [document], diagnostics);
        Assert.Equal(DiagnosticCatalog.DynamicKey, Assert.Single(Assert.Single(package.Functions).Body.OfType<TodoStep>()).Reason.Descriptor);

        diagnostics = new DiagnosticBag();
        var entry = Entry("toInvoice", """<xsl:stylesheet xmlns:xsl="http://www.w3.org/1999/XSL/Transform" version="1.0"/>""", diagnostics);
        document = Document("""<xslt key="{get-property('registry', 'conf:/keys.txt@name')}"/>""", diagnostics);
        package = Lowerer.Lower(SemanticModel.Build([entry, document], null, diagnostics, _ => null), [entry, document], diagnostics);
        Assert.Equal(DiagnosticCatalog.DynamicKey, Assert.Single(Assert.Single(package.Functions).Body.OfType<TodoStep>()).Reason.Descriptor);
        Assert.DoesNotContain(diagnostics.Items, d => d.Id == DiagnosticCatalog.StylesheetChosenAtRunTime.Id);
    }
}
