using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Lowering;
using Xunit;
using static SynapseToBal.Tests.Unit.MediatorParsing;

namespace SynapseToBal.Tests.Unit;

public sealed class MakeFaultLoweringTests
{
    [Fact]
    public void A_code_in_a_namespace_other_than_the_envelope_is_reported()
    {
        var diagnostics = new DiagnosticBag();
        var document = Document("""<makefault version="soap11"><code xmlns:tns="urn:app" value="tns:OrderMissing"/><reason value="x"/></makefault>""", diagnostics);
        var body = Assert.Single(Lowerer.Lower([document], diagnostics).Functions).Body;

        var fault = Assert.IsType<MakeFaultStep>(body[0]);
        Assert.Equal("OrderMissing", Assert.IsType<StringLiteralIr>(fault.Code).Value);
        Assert.Contains(diagnostics.Items, d => d.Id == DiagnosticCatalog.AttributeNotTranslated.Id && d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("tns:OrderMissing", StringComparison.Ordinal));
    }

    [Fact]
    public void An_envelope_code_is_not_reported()
    {
        var diagnostics = new DiagnosticBag();
        var document = Document("""<makefault version="soap11"><code xmlns:soap11Env="http://schemas.xmlsoap.org/soap/envelope/" value="soap11Env:Client"/><reason value="x"/></makefault>""", diagnostics);
        Lowerer.Lower([document], diagnostics);

        Assert.DoesNotContain(diagnostics.Items, d => d.Id == DiagnosticCatalog.AttributeNotTranslated.Id);
    }
}
