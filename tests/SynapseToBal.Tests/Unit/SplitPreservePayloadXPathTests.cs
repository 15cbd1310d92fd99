using System.Globalization;
using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Lowering;
using Xunit;
using static SynapseToBal.Tests.Unit.MediatorParsing;

namespace SynapseToBal.Tests.Unit;

/// <summary>iterate preservePayload with an XPath expression: the TODO names the path at fault.</summary>
public sealed class SplitPreservePayloadXPathTests
{
    [Theory]
    [InlineData("./item", "//order", "its expression './item'")]
    [InlineData("//order/item", "json-eval($.order)", "Synapse refuses the configuration")]
    [InlineData("//order/item", "/m0:order", "its attachPath '/m0:order'")]
    [InlineData("//order/item", "/m0:order", "its attachPath '/m0:order' is an absolute path whose first step is not the SOAP Envelope")]
    [InlineData("//order/item", "//m3:order", "its attachPath '//m3:order' uses the prefix 'm3', which no xmlns in scope declares")]
    [InlineData("./item", "//order", "its expression './item' is a path relative to the SOAP Envelope (Synapse's context node)")]
    public void The_todo_names_the_expression_or_the_attach_path(string expression, string attachPath, string why)
    {
        var diagnostics = new DiagnosticBag();
        var xml = $"""<iterate xmlns:m0="urn:m0" preservePayload="true" expression="{expression}" attachPath="{attachPath}"><target><sequence><log/></sequence></target></iterate><aggregate><onComplete expression="//reply"><respond/></onComplete></aggregate>""";
        var package = Lowerer.Lower([Document(xml, diagnostics)], diagnostics);

        var sequence = package.Functions.Single(f => f.Summary == "Sequence 'test'.");
        Assert.DoesNotContain(sequence.Body, step => step is ForkStep);
        Assert.Contains(diagnostics.Items, d => d.Id == DiagnosticCatalog.EipShapeNotTranslated.Id
            && d.GetMessage(CultureInfo.InvariantCulture).Contains(why, StringComparison.Ordinal));
    }
}
