using System.Xml.Linq;
using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Lowering;
using SynapseToBal.Syntax;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// A proxy's WSDL operations as Axis2 dispatches them (one-way operations answered 202, SB0244/SB0245), and API
/// resources served on the listener their <c>protocol</c> names.
/// </summary>
public sealed class SoapOperationTests
{
    private const string Wsdl = """
        <wsdl:definitions xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/" xmlns:soap12="http://schemas.xmlsoap.org/wsdl/soap12/" xmlns:wsam="http://www.w3.org/2007/05/addressing/metadata" xmlns:ns="urn:o" targetNamespace="urn:o">
          <wsdl:portType name="T">
            <wsdl:operation name="notify"><wsdl:input message="ns:m" wsam:Action="urn:notifyAction"/></wsdl:operation>
            <wsdl:operation name="ask"><wsdl:input message="ns:m"/><wsdl:output message="ns:m"/></wsdl:operation>
            <wsdl:operation name="robust"><wsdl:input message="ns:m"/><wsdl:fault name="f" message="ns:m"/></wsdl:operation>
            <wsdl:operation name="shared"><wsdl:input message="ns:m"/></wsdl:operation>
          </wsdl:portType>
          <wsdl:binding name="B11" type="ns:T">
            <wsdl:operation name="notify"><soap:operation soapAction="urn:notify"/></wsdl:operation>
            <wsdl:operation name="ask"><soap:operation soapAction="urn:ask"/></wsdl:operation>
            <wsdl:operation name="robust"><soap:operation soapAction="urn:robust"/></wsdl:operation>
            <wsdl:operation name="shared"><soap:operation soapAction="urn:ask"/></wsdl:operation>
          </wsdl:binding>
          <wsdl:binding name="B12" type="ns:T">
            <wsdl:operation name="notify"><soap12:operation soapAction="urn:notify12"/></wsdl:operation>
            <wsdl:operation name="ask"><soap12:operation soapAction=""/></wsdl:operation>
          </wsdl:binding>
        </wsdl:definitions>
        """;

    private static PackageIr Lower(string artifacts, out DiagnosticBag diagnostics)
    {
        diagnostics = new DiagnosticBag();
        var document = SynapseParser.ParseText("artifacts.xml", $"<definitions xmlns=\"http://ws.apache.org/ns/synapse\">{artifacts}</definitions>", diagnostics);
        Assert.NotNull(document);
        return Lowerer.Lower([document], diagnostics);
    }

    [Fact]
    public void Only_an_input_without_output_or_fault_is_one_way_and_an_action_a_two_way_operation_claims_is_two_way()
    {
        var (oneWayActions, oneWayOperations, twoWayActions) = Lowerer.WsdlDispatch(XElement.Parse(Wsdl));

        Assert.Equal(["notify", "shared"], oneWayOperations.ToArray());
        // Each binding's soapAction and the input's explicit WS-Addressing action; "urn:ask" is also ask's, so it stays two-way.
        Assert.Equal(["urn:notify", "urn:notify12", "urn:notifyAction"], oneWayActions.Order(StringComparer.Ordinal));
        Assert.Equal(["urn:ask", "urn:robust"], twoWayActions.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_wsdl_2_document_declares_nothing_one_way_here()
    {
        var (oneWayActions, oneWayOperations, twoWayActions) = Lowerer.WsdlDispatch(XElement.Parse("""<description xmlns="http://www.w3.org/ns/wsdl"/>"""));

        Assert.Empty(oneWayActions);
        Assert.Empty(oneWayOperations);
        Assert.Empty(twoWayActions);
    }

    [Fact]
    public void A_proxy_whose_wsdl_declares_one_way_operations_carries_them_to_every_service_and_reports_both_differences()
    {
        var package = Lower($"""<proxy name="P" transports="http"><target><inSequence><respond/></inSequence></target><publishWSDL>{Wsdl}</publishWSDL></proxy>""", out var diagnostics);

        var services = package.Services.Where(s => s.Name == "P").ToList();
        Assert.Equal(4, services.Count);
        Assert.All(services, s => Assert.Equal(["notify", "shared"], s.Wsdl!.OneWayOperations.ToArray()));
        var oneWay = Assert.Single(diagnostics.Items, d => d.Id == DiagnosticCatalog.OneWayOperationAcknowledged.Id);
        Assert.Contains("'notify', 'shared'", oneWay.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var validation = Assert.Single(diagnostics.Items, d => d.Id == DiagnosticCatalog.OperationValidationNotReproduced.Id);
        Assert.Contains("operation not found", validation.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void With_disable_operation_validation_the_generated_service_does_what_the_micro_integrator_does()
    {
        var package = Lower($"""<proxy name="P"><target><inSequence><respond/></inSequence></target><publishWSDL>{Wsdl}</publishWSDL><parameter name="disableOperationValidation">true</parameter></proxy>""", out var diagnostics);

        Assert.DoesNotContain(diagnostics.Items, d => d.Id == DiagnosticCatalog.OperationValidationNotReproduced.Id);
        Assert.DoesNotContain(diagnostics.Items, d => d.Id == DiagnosticCatalog.AttributeNotTranslated.Id && d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("disableOperationValidation", StringComparison.Ordinal));
        Assert.NotEmpty(package.Services.First(s => s.Name == "P").Wsdl!.OneWayOperations);
    }

    [Fact]
    public void A_wsdl_the_input_does_not_hold_says_its_one_way_operations_are_not_known()
    {
        Lower("""<proxy name="P"><target><inSequence><respond/></inSequence></target><publishWSDL uri="file:repository/p.wsdl"/></proxy>""", out var diagnostics);

        var validation = Assert.Single(diagnostics.Items, d => d.Id == DiagnosticCatalog.OperationValidationNotReproduced.Id);
        Assert.Contains("not part of the input", validation.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.DoesNotContain(diagnostics.Items, d => d.Id == DiagnosticCatalog.OneWayOperationAcknowledged.Id);
    }

    [Fact]
    public void An_api_with_https_resources_is_split_into_a_service_per_listener()
    {
        var package = Lower("""
            <api name="A" context="/a">
              <resource methods="GET" uri-template="/s" protocol="https"><inSequence><respond/></inSequence></resource>
              <resource methods="GET" uri-template="/p" protocol="http"><inSequence><respond/></inSequence></resource>
              <resource methods="GET" uri-template="/any"><inSequence><respond/></inSequence></resource>
            </api>
            """, out var diagnostics);

        Assert.NotNull(package.HttpsListener?.KeyStore);
        var services = package.Services.Where(s => s.Kind == ServiceKind.Api).ToList();
        Assert.Equal(2, services.Count);
        var overHttp = Assert.Single(services, s => s.HttpOnly);
        Assert.False(overHttp.OnHttps);
        Assert.False(overHttp.HttpsOnly);
        Assert.Equal(["/p", "/any"], overHttp.Resources.Select(r => ((ApiResourceSyntax)r.Origin).UriTemplate));
        var overHttps = Assert.Single(services, s => s.HttpsOnly);
        Assert.True(overHttps.OnHttps);
        Assert.Equal(["/s", "/any"], overHttps.Resources.Select(r => ((ApiResourceSyntax)r.Origin).UriTemplate));
        Assert.DoesNotContain(diagnostics.Items, d => d.Id == DiagnosticCatalog.AttributeNotTranslated.Id && d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("protocol", StringComparison.Ordinal));
    }

    [Fact]
    public void Protocol_http_without_an_https_listener_keeps_one_service_and_another_protocol_is_reported()
    {
        var package = Lower("""
            <api name="A" context="/a">
              <resource methods="GET" uri-template="/p" protocol="http"><inSequence><respond/></inSequence></resource>
              <resource methods="GET" uri-template="/q" protocol="ftp"><inSequence><respond/></inSequence></resource>
            </api>
            """, out var diagnostics);

        Assert.Null(package.HttpsListener);
        var service = Assert.Single(package.Services);
        Assert.Equal(2, service.Resources.Length);
        Assert.False(service.HttpOnly);
        // Synapse refuses to deploy a resource whose protocol is neither http nor https: still reported, once.
        Assert.Single(diagnostics.Items, d => d.Id == DiagnosticCatalog.AttributeNotTranslated.Id && d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("protocol", StringComparison.Ordinal));
    }
}
