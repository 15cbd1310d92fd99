using SynapseToBal.Diagnostics;
using SynapseToBal.Semantics;
using SynapseToBal.Syntax;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>Which APIs the Micro Integrator deploys (one per URL context and version) and which URLs call the server itself.</summary>
public sealed class ServiceAddressTests
{
    private static SynapseDocument Parse(string path, string xml, DiagnosticBag diagnostics) =>
        SynapseParser.ParseText(path, xml, diagnostics) ?? throw new InvalidOperationException("not parsed");

    private static string Api(string name, string context, string extra = "") =>
        $"""<api xmlns="http://ws.apache.org/ns/synapse" name="{name}" context="{context}" {extra}><resource methods="GET"><inSequence><respond/></inSequence></resource></api>""";

    [Theory]
    [InlineData("/orders", "", "/orders/", "", true)]
    [InlineData("/orders", "", "/orders", "version=\"2\" version-type=\"url\"", false)]
    [InlineData("/orders", "version=\"2\" version-type=\"url\"", "/orders", "version=\"2\" version-type=\"url\"", true)]
    [InlineData("/orders/{version}", "version=\"1\" version-type=\"context\"", "/orders/{version}", "version=\"2\" version-type=\"context\"", false)]
    [InlineData("/orders", "", "/Orders", "", false)]
    public void The_second_API_with_a_context_and_version_is_refused(string firstContext, string firstExtra, string secondContext, string secondExtra, bool refused)
    {
        var diagnostics = new DiagnosticBag();
        var model = SemanticModel.Build(
            [Parse("/in/A.xml", Api("A", firstContext, firstExtra), diagnostics), Parse("/in/B.xml", Api("B", secondContext, secondExtra), diagnostics)],
            null,
            diagnostics);

        var second = Assert.Single(model.Artifacts.OfType<ApiSyntax>(), a => a.Name == "B");
        Assert.Equal(refused, model.ContextHolder(second) is { Name: "A" });
        Assert.Equal(refused ? ["A"] : ["A", "B"], model.Apis.Select(a => a.Name));
        var clash = diagnostics.Items.Where(d => d.Descriptor == DiagnosticCatalog.ApiContextClash).ToList();
        Assert.Equal(refused ? 1 : 0, clash.Count);
        if (refused)
        {
            var message = clash[0].GetMessage(System.Globalization.CultureInfo.InvariantCulture);
            Assert.Contains("API 'B' (B.xml)", message, StringComparison.Ordinal);
            Assert.Contains("of API 'A' (A.xml)", message, StringComparison.Ordinal);
            Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Error, clash[0].Severity);
        }
    }

    private const string DataService = """<data name="NAME"><config id="db"><property name="url">jdbc:h2:mem:x</property></config><query id="q" useConfig="db"><sql>select 1</sql></query></data>""";

    [Fact]
    public void A_proxy_or_a_second_data_service_with_a_data_service_name_is_refused()
    {
        var diagnostics = new DiagnosticBag();
        const string proxies = """<definitions xmlns="http://ws.apache.org/ns/synapse"><proxy name="Orders" transports="http"><target><inSequence><respond/></inSequence></target></proxy><proxy name="Other" transports="http"><target><inSequence><respond/></inSequence></target></proxy></definitions>""";
        var model = SemanticModel.Build(
            [
                Parse("/in/A.dbs", DataService.Replace("NAME", "Orders", StringComparison.Ordinal), diagnostics),
                Parse("/in/B.dbs", DataService.Replace("NAME", "Orders", StringComparison.Ordinal), diagnostics),
                Parse("/in/P.xml", proxies, diagnostics),
            ],
            null,
            diagnostics);

        var services = model.Artifacts.OfType<DataServiceSyntax>().ToList();
        Assert.Equal(2, services.Count);
        Assert.Null(model.ServiceNameHolder(services[0]));
        Assert.Same(services[0], model.ServiceNameHolder(services[1]));
        var proxy = Assert.Single(model.Artifacts.OfType<ProxySyntax>(), p => p.Name == "Orders");
        Assert.Same(services[0], model.ServiceNameHolder(proxy));
        Assert.Null(model.ServiceNameHolder(Assert.Single(model.Artifacts.OfType<ProxySyntax>(), p => p.Name == "Other")));

        var clashes = diagnostics.Items.Where(d => d.Descriptor == DiagnosticCatalog.ServiceNameClash).Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(2, clashes.Count);
        Assert.Contains("The data service 'Orders' (B.dbs) has the name of the data service 'Orders' (A.dbs)", clashes[0], StringComparison.Ordinal);
        Assert.Contains("The proxy service 'Orders' (P.xml) has the name of the data service 'Orders' (A.dbs)", clashes[1], StringComparison.Ordinal);

        // Two data services of one name are reported once, as Axis2's refusal (SB0506), not also as a duplicate (SB0501).
        Assert.DoesNotContain(diagnostics.Items, d => d.Descriptor == DiagnosticCatalog.DuplicateArtifact);
    }

    [Fact]
    public void A_self_call_to_a_name_a_proxy_and_a_data_service_share_reaches_the_data_service()
    {
        // The proxy is refused (SB0506) and the data service served: the call reaches the data service.
        var diagnostics = new DiagnosticBag();
        const string proxy = """<proxy xmlns="http://ws.apache.org/ns/synapse" name="Orders" transports="http"><target><inSequence><respond/></inSequence></target></proxy>""";
        const string calls = """<sequence xmlns="http://ws.apache.org/ns/synapse" name="S"><call><endpoint><address uri="http://localhost:8290/services/Orders"/></endpoint></call></sequence>""";
        var model = SemanticModel.Build(
            [
                Parse("/in/A.dbs", DataService.Replace("NAME", "Orders", StringComparison.Ordinal), diagnostics),
                Parse("/in/P.xml", proxy, diagnostics), Parse("/in/S.xml", calls, diagnostics),
            ],
            null,
            diagnostics);

        var call = Assert.Single(Assert.Single(model.Artifacts.OfType<SequenceSyntax>()).Mediators.OfType<CallMediator>());
        var target = model.SelfCall(Assert.IsType<EndpointReferenceSyntax.Inline>(call.Endpoint).Endpoint.Definition!)!;
        Assert.Equal(("data service", "Orders"), (target.Kind, target.Name));
    }

    [Theory]
    [InlineData("http://localhost:8290/services/P", "/services/P")]
    [InlineData("https://127.0.0.1:8253/services/P.PHttpSoap11Endpoint?x=1", "/services/P.PHttpSoap11Endpoint?x=1")]
    [InlineData("http://LOCALHOST:8280/orders/{uri.var.id}", "/orders/{uri.var.id}")]
    [InlineData("http://0.0.0.0:8243", "")]
    [InlineData("http://localhost:8080/services/P", null)]
    [InlineData("http://localhost/services/P", null)]
    [InlineData("http://backend:8290/services/P", null)]
    [InlineData("jms:/queue?x=localhost:8290", null)]
    [InlineData("{uri.var.host}/x", null)]
    public void A_url_of_the_server_itself_gives_its_path(string url, string? path) =>
        Assert.Equal(path, ServiceAddresses.SelfPath(url));

    [Fact]
    public void A_self_call_names_the_proxy_the_data_service_or_the_longest_api_context()
    {
        var diagnostics = new DiagnosticBag();
        const string proxy = """<proxy xmlns="http://ws.apache.org/ns/synapse" name="P" transports="http"><target><inSequence><respond/></inSequence></target></proxy>""";
        const string calls = """
            <sequence xmlns="http://ws.apache.org/ns/synapse" name="S">
              <call><endpoint><address uri="http://localhost:8290/services/P.PHttpEndpoint/op"/></endpoint></call>
              <call><endpoint><http method="GET" uri-template="http://localhost:8290/orders/items/{uri.var.id}"/></endpoint></call>
              <call><endpoint><http method="GET" uri-template="http://localhost:8290/ordersx"/></endpoint></call>
              <call><endpoint><address uri="http://localhost:9090/services/P"/></endpoint></call>
            </sequence>
            """;
        var model = SemanticModel.Build(
            [
                Parse("/in/P.xml", proxy, diagnostics), Parse("/in/O.xml", Api("Orders", "/orders"), diagnostics),
                Parse("/in/I.xml", Api("Items", "/orders/items"), diagnostics), Parse("/in/S.xml", calls, diagnostics),
            ],
            null,
            diagnostics);

        var sequence = Assert.Single(model.Artifacts.OfType<SequenceSyntax>());
        var definitions = sequence.Mediators.OfType<CallMediator>().Select(c => Assert.IsType<EndpointReferenceSyntax.Inline>(c.Endpoint).Endpoint.Definition!).ToList();
        Assert.Equal(("proxy service", "P"), (model.SelfCall(definitions[0])!.Kind, model.SelfCall(definitions[0])!.Name));
        Assert.Equal(("API", "Items"), (model.SelfCall(definitions[1])!.Kind, model.SelfCall(definitions[1])!.Name));
        Assert.Null(model.SelfCall(definitions[2])!.Kind);
        Assert.Null(model.SelfCall(definitions[3]));
        Assert.Equal(2, diagnostics.Items.Count(d => d.Descriptor == DiagnosticCatalog.SelfCall));
    }

    [Theory]
    [InlineData("/services/D.SOAP11Endpoint", "", "D")]
    [InlineData("/services/D.SOAP12Endpoint/getPerson", "http", "D")]
    [InlineData("/services/D.HTTPEndpoint", "http https", "D")]
    [InlineData("/services/D.SecureSOAP11Endpoint", "https", "D")]
    [InlineData("/services/D.SecureHTTPEndpoint", "http", "D")]
    [InlineData("/services/D.SOAP11Endpoint", "https", "D")]
    [InlineData("/services/D.VFSSOAP11Endpoint", "", "D")]
    [InlineData("/services/D.VFSHTTPEndpoint", "", null)]
    [InlineData("/services/D.JMSSOAP11Endpoint", "", null)]
    [InlineData("/services/D.SOAP11Endpoint", "jms", null)]
    [InlineData("/services/D.DHttpSoap11Endpoint", "", null)]
    [InlineData("/services/D.DHttpEndpoint", "http", null)]
    [InlineData("/services/D.other", "", null)]
    public void Only_the_axis2_endpoint_names_DBDeployer_gives_a_data_service_name_it(string path, string transports, string? dataService)
    {
        var diagnostics = new DiagnosticBag();
        var attribute = transports.Length > 0 ? " transports=\"" + transports + "\"" : string.Empty;
        var dbs = $"""
            <data name="D"{attribute}>
              <config id="db"><property name="driverClassName">org.h2.Driver</property><property name="url">jdbc:h2:mem:x</property></config>
              <query id="q" useConfig="db"><sql>SELECT 1</sql></query>
              <operation name="getPerson"><call-query href="q"/></operation>
            </data>
            """;
        var calls = $"""<sequence xmlns="http://ws.apache.org/ns/synapse" name="S"><call><endpoint><address uri="http://localhost:8290{path}"/></endpoint></call></sequence>""";
        var model = SemanticModel.Build([Parse("/in/D.dbs", dbs, diagnostics), Parse("/in/S.xml", calls, diagnostics)], null, diagnostics);

        var sequence = Assert.Single(model.Artifacts.OfType<SequenceSyntax>());
        var definition = Assert.IsType<EndpointReferenceSyntax.Inline>(sequence.Mediators.OfType<CallMediator>().Single().Endpoint).Endpoint.Definition!;
        Assert.Equal(dataService, model.SelfCall(definition)!.Name);
        Assert.Equal(dataService is null ? null : "data service", model.SelfCall(definition)!.Kind);
    }

    [Theory]
    [InlineData("/services/P.PHttpSoap11Endpoint", "http", "P")]
    [InlineData("/services/P.PHttpSoap12Endpoint/op", "http", "P")]
    [InlineData("/services/P.PHttpsEndpoint", "", "P")]
    [InlineData("/services/P.PHttpsSoap11Endpoint", "http", null)]
    [InlineData("/services/P.SOAP11Endpoint", "http", null)]
    [InlineData("/services/P.other", "http", null)]
    [InlineData("/services/P.PJmsSoap11Endpoint", "http jms", null)]
    public void Only_the_axis2_endpoint_names_of_a_proxy_name_it(string path, string transports, string? proxy)
    {
        var diagnostics = new DiagnosticBag();
        var attribute = transports.Length > 0 ? " transports='" + transports + "'" : string.Empty;
        var service = $"""<proxy xmlns="http://ws.apache.org/ns/synapse" name="P"{attribute}><target><inSequence><respond/></inSequence></target></proxy>""";
        var calls = $"""<sequence xmlns="http://ws.apache.org/ns/synapse" name="S"><call><endpoint><address uri="http://localhost:8290{path}"/></endpoint></call></sequence>""";
        var model = SemanticModel.Build([Parse("/in/P.xml", service, diagnostics), Parse("/in/S.xml", calls, diagnostics)], null, diagnostics);

        var sequence = Assert.Single(model.Artifacts.OfType<SequenceSyntax>());
        var definition = Assert.IsType<EndpointReferenceSyntax.Inline>(sequence.Mediators.OfType<CallMediator>().Single().Endpoint).Endpoint.Definition!;
        Assert.Equal(proxy, model.SelfCall(definition)!.Name);
        Assert.Equal(proxy is null ? null : "proxy service", model.SelfCall(definition)!.Kind);
    }
}
