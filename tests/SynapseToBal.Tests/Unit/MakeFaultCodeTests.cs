using System.Globalization;
using SynapseToBal.Diagnostics;
using Xunit;

namespace SynapseToBal.Tests.Unit;

// A makefault code is a QName: Synapse (FaultMediatorFactory, since EI 6.6) accepts a SOAP 1.1/1.2 code only in that
// version's envelope namespace, so a code bound there translates without a warning, and any other binding is reported.
public sealed class MakeFaultCodeTests
{
    private static string Sequence(string makefault) =>
        $"""<sequence xmlns="http://ws.apache.org/ns/synapse" name="Fail">{makefault}<respond/></sequence>""";

    private static List<string> CodeWarnings(string makefault)
    {
        var diagnostics = new DiagnosticBag();
        ArtifactLowering.Lower(diagnostics, Sequence(makefault));
        return diagnostics.Items.Where(d => d.Id == "SB0206").Select(d => d.GetMessage(CultureInfo.InvariantCulture)).ToList();
    }

    [Theory]
    [InlineData("soap11", "http://schemas.xmlsoap.org/soap/envelope/", "tns:Server")]
    [InlineData("soap12", "http://www.w3.org/2003/05/soap-envelope", "tns:Receiver")]
    [InlineData("soap11", "http://schemas.xmlsoap.org/soap/envelope/", "anything:Client")]
    public void A_code_in_the_versions_envelope_namespace_is_not_reported_whatever_its_prefix(string version, string ns, string code)
    {
        var prefix = code[..code.IndexOf(':', StringComparison.Ordinal)];
        Assert.Empty(CodeWarnings($"""<makefault version="{version}"><code xmlns:{prefix}="{ns}" value="{code}"/><reason value="r"/></makefault>"""));
    }

    [Fact]
    public void A_code_bound_to_the_other_versions_namespace_is_reported_as_refused_by_the_micro_integrator()
    {
        var warning = Assert.Single(CodeWarnings("""<makefault version="soap11"><code xmlns:tns="http://www.w3.org/2003/05/soap-envelope" value="tns:Receiver"/><reason value="r"/></makefault>"""));
        Assert.Contains("bound to 'http://www.w3.org/2003/05/soap-envelope', not to the SOAP 1.1 envelope namespace", warning, StringComparison.Ordinal);
        Assert.Contains("refuses to deploy", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void A_code_whose_prefix_is_not_declared_is_reported()
    {
        var warning = Assert.Single(CodeWarnings("""<makefault version="soap12"><code value="soap12Env:Receiver"/><reason value="r"/></makefault>"""));
        Assert.Contains("its prefix is not declared", warning, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("soap11", "http://schemas.xmlsoap.org/soap/envelope/", "soapenv:Receiver", "'Receiver' is not a SOAP 1.1 fault code")]
    [InlineData("soap12", "http://www.w3.org/2003/05/soap-envelope", "soap:Server", "'Server' is not a SOAP 1.2 fault code")]
    public void A_code_name_the_version_does_not_define_is_reported(string version, string ns, string code, string expected)
    {
        var prefix = code[..code.IndexOf(':', StringComparison.Ordinal)];
        var warning = Assert.Single(CodeWarnings($"""<makefault version="{version}"><code xmlns:{prefix}="{ns}" value="{code}"/><reason value="r"/></makefault>"""));
        Assert.Contains(expected, warning, StringComparison.Ordinal);
    }

    [Fact]
    public void A_code_without_a_prefix_is_reported_for_pox_too()
    {
        var warning = Assert.Single(CodeWarnings("""<makefault version="pox"><code value="Server"/><reason value="r"/></makefault>"""));
        Assert.Contains("not a prefix:name QName", warning, StringComparison.Ordinal);
    }
}
