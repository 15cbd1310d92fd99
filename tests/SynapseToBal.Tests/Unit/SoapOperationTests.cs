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
          <wsdl:binding name="Unused" type="ns:T">
            <wsdl:operation name="ask"><soap:operation soapAction="urn:unused"/></wsdl:operation>
          </wsdl:binding>
          <wsdl:service name="S">
            <wsdl:port name="P11" binding="ns:B11"><soap:address location="http://localhost:8280/services/P"/></wsdl:port>
            <wsdl:port name="P12" binding="ns:B12"><soap12:address location="http://localhost:8280/services/P"/></wsdl:port>
          </wsdl:service>
        </wsdl:definitions>
        """;

    private static readonly Dictionary<string, string> NoParameters = [];

    private static PackageIr Lower(string artifacts, out DiagnosticBag diagnostics)
    {
        diagnostics = new DiagnosticBag();
        var document = SynapseParser.ParseText("artifacts.xml", $"<definitions xmlns=\"http://ws.apache.org/ns/synapse\">{artifacts}</definitions>", diagnostics);
        Assert.NotNull(document);
        return Lowerer.Lower([document], diagnostics);
    }

    private static WsdlDispatchIr Dispatch(string wsdl, Dictionary<string, string>? parameters = null)
    {
        var dispatch = Lowerer.WsdlDispatch(XElement.Parse(wsdl), parameters ?? NoParameters, out var reason);
        Assert.Null(reason);
        return Assert.IsType<WsdlDispatchIr>(dispatch);
    }

    private static string[] Aliases(WsdlDispatchIr dispatch) => dispatch.Actions.Select(a => $"{a.Action} -> {a.Operation}").ToArray();

    [Fact]
    public void The_actions_are_the_inputs_and_the_soap_actions_of_the_service_bindings_and_an_action_two_operations_claim_names_neither()
    {
        var dispatch = Dispatch(Wsdl);

        Assert.Equal(["notify", "ask", "robust", "shared"], dispatch.Operations.ToArray());
        // Only an input without output or fault is one-way (robust has a fault: robust in-only, answered).
        Assert.Equal(["notify", "shared"], dispatch.OneWayOperations.ToArray());
        // The explicit WS-Addressing action, else the WSDL 1.1 default action (a urn namespace: ':'), then each soapAction
        // of the bindings the service's ports use ("Unused" has no port; "" maps nothing); "urn:ask" (ask's and
        // shared's) is dropped, and each operation's own name dispatches to it.
        Assert.Equal(
            ["urn:notifyAction -> notify", "urn:o:T:askRequest -> ask", "urn:o:T:robust -> robust", "urn:o:T:shared -> shared",
             "urn:notify -> notify", "urn:robust -> robust", "urn:notify12 -> notify",
             "notify -> notify", "ask -> ask", "robust -> robust", "shared -> shared"],
            Aliases(dispatch));
        Assert.Null(dispatch.Fallback);
    }

    [Fact]
    public void The_default_action_joins_an_http_namespace_with_slashes_and_takes_the_input_name()
    {
        var dispatch = Dispatch("""
            <definitions xmlns="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/" xmlns:ns="http://example.org/orders/" targetNamespace="http://example.org/orders/">
              <portType name="Orders">
                <operation name="place"><input name="PlaceIt" message="ns:m"/><output message="ns:m"/></operation>
                <operation name="cancel"><input message="ns:m"/></operation>
                <operation name="status"><output message="ns:m"/><input message="ns:m"/></operation>
              </portType>
              <binding name="B" type="ns:Orders"><soap:binding transport="http://schemas.xmlsoap.org/soap/http"/></binding>
              <service name="S"><port name="P" binding="ns:B"><soap:address location="http://localhost/services/P"/></port></service>
            </definitions>
            """);

        // The namespace's own trailing '/' is not doubled; a solicit-response input keeps the operation's name.
        Assert.Equal(["http://example.org/orders/Orders/PlaceIt -> place", "http://example.org/orders/Orders/cancel -> cancel", "http://example.org/orders/Orders/status -> status",
            "place -> place", "cancel -> cancel", "status -> status"], Aliases(dispatch));
        Assert.Equal(["cancel"], dispatch.OneWayOperations.ToArray());
    }

    [Fact]
    public void An_http_binding_dispatches_nothing_of_its_own()
    {
        var dispatch = Dispatch("""
            <definitions xmlns="http://schemas.xmlsoap.org/wsdl/" xmlns:http="http://schemas.xmlsoap.org/wsdl/http/" xmlns:ns="urn:x" targetNamespace="urn:x">
              <portType name="T"><operation name="get"><input message="ns:m"/><output message="ns:m"/></operation></portType>
              <binding name="H" type="ns:T"><http:binding verb="GET"/><operation name="get"><http:operation location="items/{id}"/></operation></binding>
              <service name="S"><port name="P" binding="ns:H"><http:address location="http://localhost/services/P"/></port></service>
            </definitions>
            """);

        Assert.Equal(["urn:x:T:getRequest -> get", "get -> get"], Aliases(dispatch));
    }

    [Theory]
    [InlineData("disableOperationValidation", "true", "mediate")]
    [InlineData("disableOperationValidation", "false", null)]
    [InlineData("supportSingleOperation", "true", null)]
    public void A_request_naming_no_operation_gets_the_fallback_synapse_and_axis2_give_it(string name, string value, string? fallback)
    {
        Assert.Equal(fallback, Dispatch(Wsdl, new() { [name] = value }).Fallback);
    }

    [Fact]
    public void The_only_operation_with_support_single_operation_and_an_operation_named_mediate_are_fallbacks()
    {
        const string One = """
            <definitions xmlns="http://schemas.xmlsoap.org/wsdl/" xmlns:ns="urn:x" targetNamespace="urn:x">
              <portType name="T"><operation name="OPNAME"><input message="ns:m"/><output message="ns:m"/></operation></portType>
              <binding name="B" type="ns:T"/>
              <service name="S"><port name="P" binding="ns:B"/></service>
            </definitions>
            """;

        Assert.Equal("only", Dispatch(One.Replace("OPNAME", "only", StringComparison.Ordinal), new() { ["supportSingleOperation"] = "true" }).Fallback);
        Assert.Null(Dispatch(One.Replace("OPNAME", "only", StringComparison.Ordinal)).Fallback);
        Assert.Equal("mediate", Dispatch(One.Replace("OPNAME", "mediate", StringComparison.Ordinal)).Fallback);
    }

    [Theory]
    [InlineData("""<description xmlns="http://www.w3.org/ns/wsdl"/>""", "WSDL 2.0")]
    [InlineData("""<definitions xmlns="http://schemas.xmlsoap.org/wsdl/" targetNamespace="urn:x"><portType name="T"/></definitions>""", "no service with a port")]
    [InlineData("""<definitions xmlns="http://schemas.xmlsoap.org/wsdl/" targetNamespace="urn:x"><import namespace="urn:y" location="y.wsdl"/></definitions>""", "imports other documents")]
    [InlineData("""<definitions xmlns="http://schemas.xmlsoap.org/wsdl/" xmlns:ns="urn:x" targetNamespace="urn:x"><portType name="T"/><portType name="U"/><binding name="B" type="ns:T"/><binding name="C" type="ns:U"/><service name="S"><port name="P" binding="ns:B"/><port name="Q" binding="ns:C"/></service></definitions>""", "different portTypes")]
    public void A_wsdl_whose_operations_the_converter_does_not_build_as_axis2_does_says_why(string wsdl, string reason)
    {
        Assert.Null(Lowerer.WsdlDispatch(XElement.Parse(wsdl), NoParameters, out var why));
        Assert.Contains(reason, why, StringComparison.Ordinal);
    }

    [Fact]
    public void A_proxy_whose_wsdl_dispatch_is_reproduced_carries_it_to_every_service_and_reports_only_the_one_way_operations()
    {
        var package = Lower($"""<proxy name="P" transports="http"><target><inSequence><respond/></inSequence></target><publishWSDL>{Wsdl}</publishWSDL></proxy>""", out var diagnostics);

        var services = package.Services.Where(s => s.Name == "P").ToList();
        Assert.Equal(4, services.Count);
        Assert.All(services, s => Assert.Equal(["notify", "shared"], s.Wsdl!.Dispatch!.OneWayOperations.ToArray()));
        var oneWay = Assert.Single(diagnostics.Items, d => d.Id == DiagnosticCatalog.OneWayOperationAcknowledged.Id);
        Assert.Contains("'notify', 'shared'", oneWay.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.DoesNotContain(diagnostics.Items, d => d.Id == DiagnosticCatalog.OperationValidationNotReproduced.Id);
    }

    [Fact]
    public void With_disable_operation_validation_the_generated_service_does_what_the_micro_integrator_does()
    {
        var package = Lower($"""<proxy name="P"><target><inSequence><respond/></inSequence></target><publishWSDL>{Wsdl}</publishWSDL><parameter name="disableOperationValidation">true</parameter></proxy>""", out var diagnostics);

        Assert.DoesNotContain(diagnostics.Items, d => d.Id == DiagnosticCatalog.OperationValidationNotReproduced.Id);
        Assert.DoesNotContain(diagnostics.Items, d => d.Id == DiagnosticCatalog.AttributeNotTranslated.Id && d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("disableOperationValidation", StringComparison.Ordinal));
        Assert.Equal("mediate", package.Services.First(s => s.Name == "P").Wsdl!.Dispatch!.Fallback);
    }

    [Fact]
    public void The_input_elements_of_document_style_operations_dispatch_a_built_body_and_one_two_operations_take_names_neither()
    {
        var dispatch = Dispatch("""
            <definitions xmlns="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/" xmlns:ns="urn:x" xmlns:e="http://example.org/e" targetNamespace="urn:x">
              <message name="order"><part name="p" element="e:order"/></message>
              <message name="audit"><part name="p" element="e:order"/></message>
              <message name="cancel"><part name="p" element="e:cancel"/></message>
              <message name="quote"><part name="p" element="e:quote"/></message>
              <message name="two"><part name="a" element="e:a"/><part name="b" element="e:b"/></message>
              <message name="typed"><part name="p" type="e:t"/></message>
              <portType name="T">
                <operation name="place"><input message="ns:order"/></operation>
                <operation name="audit"><input message="ns:audit"/></operation>
                <operation name="cancel"><input message="ns:cancel"/></operation>
                <operation name="quote"><input message="ns:quote"/></operation>
                <operation name="pair"><input message="ns:two"/></operation>
                <operation name="typed"><input message="ns:typed"/></operation>
              </portType>
              <binding name="B" type="ns:T">
                <soap:binding transport="http://schemas.xmlsoap.org/soap/http" style="document"/>
                <operation name="quote"><soap:operation soapAction="urn:quote" style="rpc"/></operation>
              </binding>
              <service name="S"><port name="P" binding="ns:B"><soap:address location="http://localhost/services/P"/></port></service>
            </definitions>
            """);

        // e:order is place's and audit's input: neither (AxisService.addMessageElementQNameToOperationMapping); quote is
        // rpc-style (its body element is the operation's wrapper); a message of two parts or a typed part has no element.
        Assert.Equal(["{http://example.org/e}cancel -> cancel"], dispatch.Elements.Select(e => $"{e.Action} -> {e.Operation}").ToArray());
    }

    [Fact]
    public void A_wsdl_the_input_does_not_hold_says_its_operations_are_not_known()
    {
        Lower("""<proxy name="P"><target><inSequence><respond/></inSequence></target><publishWSDL uri="file:repository/p.wsdl"/></proxy>""", out var diagnostics);

        var validation = Assert.Single(diagnostics.Items, d => d.Id == DiagnosticCatalog.OperationValidationNotReproduced.Id);
        Assert.Contains("not part of the input", validation.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.DoesNotContain(diagnostics.Items, d => d.Id == DiagnosticCatalog.OneWayOperationAcknowledged.Id);
    }

    private static IEnumerable<ExprIr> FlowExpressions(PackageIr package, string proxy) =>
        IrWalker.Steps(package.Functions.Single(f => f.Name.Hint.Contains(proxy, StringComparison.Ordinal) && f.Kind == FunctionKind.InFlow).Body)
            .SelectMany(IrWalker.Expressions).SelectMany(IrWalker.Descendants);

    [Theory]
    [InlineData("transports=\"http https\"", "", true)]
    [InlineData("transports=\"http jms\"", "", true)]
    [InlineData("transports=\"jms\"", "", true)]
    [InlineData("transports=\"http\"", "<endpoint name=\"L\"><address uri=\"local://services/P\"/></endpoint>", false)]
    public void Operation_name_is_the_dispatched_operation_where_the_services_are_the_flows_only_entry_points(string transports, string more, bool translated)
    {
        var package = Lower($"""<proxy name="P" {transports}><target><inSequence><log level="custom"><property name="op" expression="get-property('OperationName')"/></log><respond/></inSequence></target><publishWSDL>{Wsdl}</publishWSDL></proxy>{more}""", out _);

        var values = FlowExpressions(package, "P").ToList();
        Assert.Equal(translated, values.Any(e => e is SystemValueIr { Value: SystemValue.OperationName }));
        Assert.Equal(!translated, values.Any(e => e is UntranslatedExprIr));
    }

    [Fact]
    public void A_vault_lookup_concatenated_with_a_string_is_its_secret_configurable()
    {
        var package = Lower("""
            <api name="A" context="/a"><resource methods="GET" uri-template="/t"><inSequence>
              <header name="Authorization" scope="transport" expression="${'Bearer ' + wso2-vault('token')}"/>
              <header name="X-Key" scope="transport" expression="${hashicorp-vault('kv', 'key') + '-' + vars.suffix}"/>
              <respond/>
            </inSequence></resource></api>
            """, out var diagnostics);

        Assert.DoesNotContain(diagnostics.Items, d => d.Id == DiagnosticCatalog.ExpressionNotTranslated.Id);
        // The second may fail (a variable that is no string), so it is read inside the MI's failure handling.
        var concats = IrWalker.Steps(package.Services.Single().Resources.Single().Body).SelectMany(IrWalker.Expressions).SelectMany(IrWalker.Descendants).OfType<ConcatIr>().ToList();
        Assert.Equal(2, concats.Count);
        Assert.IsType<StringLiteralIr>(concats[0].Parts[0]);
        Assert.IsType<ConfigurableReadIr>(concats[0].Parts[1]);
        Assert.IsType<ConfigurableReadIr>(concats[1].Parts[0]);
        Assert.All(package.Configurables.Where(c => c.Secret), c => Assert.Null(c.DefaultValue));
        Assert.Equal(2, package.Configurables.Count(c => c.Secret));
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
