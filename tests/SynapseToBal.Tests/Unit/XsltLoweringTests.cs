using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Lowering;
using SynapseToBal.Semantics;
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
    public void A_stylesheet_the_registry_cannot_give_is_a_todo()
    {
        var diagnostics = new DiagnosticBag();
        var document = Document("""<xslt key="conf:/xslt/order.xslt"/>""", diagnostics);
        var package = Lowerer.Lower(SemanticModel.Build([document], null, diagnostics, _ => null), [document], diagnostics);

        var todo = Assert.IsType<TodoStep>(Assert.Single(Assert.Single(package.Functions).Body, s => s is TodoStep));
        Assert.Equal(DiagnosticCatalog.UnresolvedReference, todo.Reason.Descriptor);
        Assert.Empty(package.Stylesheets);
    }
}
