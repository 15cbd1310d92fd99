using System.Globalization;
using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Lowering;
using SynapseToBal.Semantics;
using SynapseToBal.Syntax;
using Xunit;
using static SynapseToBal.Tests.Unit.MediatorParsing;

namespace SynapseToBal.Tests.Unit;

public sealed class XsltLoweringTests
{
    private const string Stylesheet = """<?xml version="1.0"?><xsl:stylesheet xmlns:xsl="http://www.w3.org/1999/XSL/Transform" version="1.0"/>""";

    [Fact]
    public void A_registry_stylesheet_is_read_once_into_a_module_value_without_its_declaration()
    {
        var diagnostics = new DiagnosticBag();
        var document = Document("""<xslt key="conf:/xslt/order.xslt"/><fastXSLT key="conf:/xslt/order.xslt"/>""", diagnostics);
        var reads = 0;
        var model = SemanticModel.Build([document], key => key == "conf:/xslt/order.xslt", diagnostics, key =>
        {
            reads++;
            return key == "conf:/xslt/order.xslt" ? Stylesheet : null;
        });

        var package = Lowerer.Lower(model, [document], diagnostics);

        var stylesheet = Assert.Single(package.Stylesheets);
        Assert.Equal(("conf:/xslt/order.xslt", "order stylesheet"), (stylesheet.Key, stylesheet.Name.Hint));
        Assert.StartsWith("<xsl:stylesheet", stylesheet.Xml, StringComparison.Ordinal);
        var steps = Assert.Single(package.Functions).Body.OfType<XsltStep>().ToList();
        Assert.Equal(2, steps.Count);
        Assert.All(steps, s => Assert.Same(stylesheet.Name, s.Stylesheet));
        Assert.Equal(1, reads);
        Assert.Empty(diagnostics.Items);
    }

    [Fact]
    public void A_stylesheet_the_registry_holds_but_cannot_give_as_text_is_a_todo()
    {
        var diagnostics = new DiagnosticBag();
        var document = Document("""<xslt key="conf:/xslt/order.xslt"/>""", diagnostics);
        var package = Lowerer.Lower(SemanticModel.Build([document], _ => true, diagnostics, _ => null), [document], diagnostics);

        var todo = Assert.IsType<TodoStep>(Assert.Single(Assert.Single(package.Functions).Body, s => s is TodoStep));
        Assert.Equal(DiagnosticCatalog.UnresolvedReference, todo.Reason.Descriptor);
        Assert.Empty(package.Stylesheets);
        Assert.Empty(package.ExternalStylesheets);
    }

    [Fact]
    public void A_static_key_not_in_the_input_is_read_once_from_a_file_named_by_a_required_configurable()
    {
        var diagnostics = new DiagnosticBag();
        var document = Document("""<xslt key="gov:/xslt/transform_back.xslt"><property name="p" value="v"/></xslt><fastXSLT key="gov:/xslt/transform_back.xslt"/>""", diagnostics);
        var package = Lowerer.Lower(SemanticModel.Build([document], null, diagnostics, _ => null), [document], diagnostics);

        var stylesheet = Assert.Single(package.ExternalStylesheets);
        Assert.Equal(("gov:/xslt/transform_back.xslt", "transform_back stylesheet"), (stylesheet.Key, stylesheet.Name.Hint));
        var path = Assert.Single(package.Configurables, c => c.Name == stylesheet.Path);
        Assert.Equal((ConfigurableType.String, null, false), (path.Type, path.DefaultValue, path.Secret));
        Assert.Contains("'gov:/xslt/transform_back.xslt'", path.Description, StringComparison.Ordinal);
        var steps = Assert.Single(package.Functions).Body.OfType<XsltStep>().ToList();
        Assert.Equal(2, steps.Count);
        Assert.All(steps, s => Assert.Same(stylesheet.Name, s.Stylesheet));
        Assert.Equal("p", Assert.Single(steps[0].Parameters).Name);
        Assert.Empty(package.Stylesheets);

        // The reference graph's warning at each use says the stylesheet is not in the input.
        var warnings = diagnostics.Items.Where(d => d.Id == "SB0502").ToList();
        Assert.Equal(2, warnings.Count);
        Assert.All(warnings, w => Assert.Contains("'gov:/xslt/transform_back.xslt' is not defined in the input", w.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal));
    }

    [Fact]
    public void A_dynamic_key_stays_a_todo_and_a_local_entry_loaded_from_a_file_outside_the_input_is_read_at_start_up()
    {
        var diagnostics = new DiagnosticBag();
        var entry = SynapseParser.ParseText("entry.xml", """<localEntry xmlns="http://ws.apache.org/ns/synapse" key="fromFile" src="file:repository/samples/transform.xslt"/>""", diagnostics)!;
        var document = Document("""<xslt key="{get-property('sheet')}"/><xslt key="fromFile"/>""", diagnostics);
        var package = Lowerer.Lower(SemanticModel.Build([entry, document], null, diagnostics, _ => null), [entry, document], diagnostics);

        var body = Assert.Single(package.Functions).Body;
        Assert.Equal(DiagnosticCatalog.DynamicKey, Assert.Single(body.OfType<TodoStep>()).Reason.Descriptor);
        var value = Assert.Single(package.LocalEntries);
        Assert.Equal(EntryKind.XmlFile, value.Kind);
        Assert.Equal(value.Name, Assert.Single(body.OfType<XsltStep>()).Stylesheet);
        var path = Assert.Single(package.Configurables, c => c.Name == value.SourcePath);
        Assert.Null(path.DefaultValue);
        Assert.Contains("file:repository/samples/transform.xslt", path.Description, StringComparison.Ordinal);
        Assert.Empty(package.ExternalStylesheets);
        Assert.Contains(diagnostics.Items, d => d.Id == DiagnosticCatalog.LocalEntryFromFile.Id);
        Assert.DoesNotContain(diagnostics.Items, d => d.Id == DiagnosticCatalog.AttributeNotTranslated.Id);
    }
}
