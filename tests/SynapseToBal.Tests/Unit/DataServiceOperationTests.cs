using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Lowering;
using SynapseToBal.Syntax;
using Xunit;

namespace SynapseToBal.Tests.Unit;

public sealed class DataServiceOperationTests
{
    private const string Config = """
        <config id="db">
           <property name="driverClassName">org.h2.Driver</property>
           <property name="url">jdbc:h2:mem:people</property>
        </config>
        <query id="get" useConfig="db">
           <sql>select ID from p where id = ?</sql>
           <result element="People" rowName="Person"><element column="ID" name="id"/></result>
           <param name="id" sqlType="INTEGER" ordinal="1"/>
        </query>
        <query id="add" useConfig="db"><sql>insert into p values (?)</sql><param name="id" sqlType="INTEGER" ordinal="1"/></query>
        """;

    private static (PackageIr Package, DiagnosticBag Diagnostics) Lower(string operations, string attributes = "")
    {
        var diagnostics = new DiagnosticBag();
        var document = SynapseParser.ParseText("People.dbs", $"<data name=\"People\"{attributes}>{Config}{operations}</data>", diagnostics);
        Assert.NotNull(document);
        return (Lowerer.Lower([document], diagnostics), diagnostics);
    }

    private static DataServiceDispatchStep Dispatch(PackageIr package) =>
        Assert.IsType<DataServiceDispatchStep>(Assert.Single(Assert.Single(package.Functions, f => f.Summary.Contains("SOAP operations", StringComparison.Ordinal)).Body));

    [Fact]
    public void Operations_are_dispatched_by_one_function_that_the_service_and_its_axis2_endpoint_addresses_run()
    {
        var (package, diagnostics) = Lower("""
            <operation name="getPerson"><call-query href="get"><with-param name="id" query-param="personId"/></call-query></operation>
            <operation name="addPerson"><call-query href="add"><with-param name="id" query-param="id"/></call-query></operation>
            """);

        var dispatch = Dispatch(package);
        Assert.Equal(["getPerson", "addPerson"], dispatch.Operations.Select(o => o.Name));
        // The parameter is read by its query-param name, the element of that name in the request body.
        Assert.Equal("personId", Assert.Single(dispatch.Operations[0].Query.Arguments).RequestName);
        Assert.NotNull(dispatch.Operations[0].Query.Result);
        Assert.Null(dispatch.Operations[1].Query.Result);
        Assert.False(dispatch.Operations[1].ReturnRequestStatus);

        var services = package.Services.Where(s => s.Kind == ServiceKind.DataService).ToList();
        Assert.Equal(
            [
                "/services/People", "/services/People.SOAP11Endpoint", "/services/People.SOAP12Endpoint", "/services/People.HTTPEndpoint",
                "/services/People.SecureSOAP11Endpoint", "/services/People.SecureSOAP12Endpoint", "/services/People.SecureHTTPEndpoint",
                "/services/People.VFSSOAP11Endpoint", "/services/People.VFSSOAP12Endpoint",
            ],
            services.Select(s => s.BasePath));
        foreach (var service in services)
        {
            var resource = Assert.Single(service.Resources);
            Assert.Equal("default", resource.Accessor);
            Assert.IsType<PathSegmentIr.Rest>(Assert.Single(resource.Path));
            Assert.IsType<ContinueWithStep>(Assert.Single(resource.Body));
        }

        Assert.DoesNotContain(diagnostics.Items, d => d.Descriptor == DiagnosticCatalog.AttributeNotTranslated);
        Assert.DoesNotContain(diagnostics.Items, d => d.Descriptor == DiagnosticCatalog.DataServiceParameterUnmapped);
    }

    [Fact]
    public void Return_request_status_is_kept_and_other_operation_attributes_leave_a_todo()
    {
        var (package, diagnostics) = Lower("""
            <operation name="addPerson" returnRequestStatus="true"><call-query href="add"><with-param name="id" query-param="id"/></call-query></operation>
            <operation name="streamPeople" custom="true"><call-query href="get"><with-param name="id" query-param="id"/></call-query></operation>
            """);

        Assert.True(Assert.Single(Dispatch(package).Operations).ReturnRequestStatus);
        var main = Assert.Single(package.Services, s => s.BasePath == "/services/People");
        var skipped = main.Resources.Where(r => r.Skipped is not null).Select(r => r.Skipped!.Message).ToList();
        Assert.Contains("custom=\"true\"", Assert.Single(skipped));
        Assert.Equal(1, diagnostics.Items.Count(d => d.Descriptor == DiagnosticCatalog.AttributeNotTranslated));
    }

    [Fact]
    public void Disable_streaming_is_accepted_on_an_operation_and_the_data_service()
    {
        // DataServiceRequest.dispatch only builds the result in full before it is sent; the generated service always does.
        var (package, diagnostics) = Lower("""
            <operation name="streamPeople" disableStreaming="true"><call-query href="get"><with-param name="id" query-param="id"/></call-query></operation>
            <operation name="addPerson" disableStreaming="no"><call-query href="add"><with-param name="id" query-param="id"/></call-query></operation>
            """, " disableStreaming=\"true\"");

        Assert.Equal(["streamPeople", "addPerson"], Dispatch(package).Operations.Select(o => o.Name));
        Assert.DoesNotContain(diagnostics.Items, d => d.Descriptor == DiagnosticCatalog.AttributeNotTranslated);
    }

    [Fact]
    public void A_data_service_with_no_translated_operation_has_no_dispatcher_and_no_endpoint_addresses()
    {
        var (package, _) = Lower("""<operation name="x" custom="true"><call-query href="get"><with-param name="id" query-param="id"/></call-query></operation>""");
        Assert.DoesNotContain(package.Functions, f => f.Body.Any(s => s is DataServiceDispatchStep));
        Assert.Equal("/services/People", Assert.Single(package.Services, s => s.Kind == ServiceKind.DataService).BasePath);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" transports=\"http https\"")]
    [InlineData(" transports=\"http\"")]
    [InlineData(" transports=\"https\"")]
    [InlineData(" transports=\"https jms\"")]
    public void The_endpoint_addresses_are_one_set_per_listener_of_the_server_whatever_the_exposed_transports(string attributes)
    {
        var diagnostics = new DiagnosticBag();
        var document = SynapseParser.ParseText("D.dbs", $"<data name=\"D\"{attributes}>{Config}</data>", diagnostics);
        var service = Assert.IsType<DataServiceSyntax>(Assert.Single(document!.Artifacts));
        Assert.Equal(
            // DBDeployer.createDefaultEndpoints, for each of a default server's listeners (http, https, vfs):
            // SOAP11Endpoint, SOAP12Endpoint, HTTPEndpoint (http and https only), "Secure" before each for https, "VFS" for vfs.
            [
                "/services/D.SOAP11Endpoint", "/services/D.SOAP12Endpoint", "/services/D.HTTPEndpoint",
                "/services/D.SecureSOAP11Endpoint", "/services/D.SecureSOAP12Endpoint", "/services/D.SecureHTTPEndpoint",
                "/services/D.VFSSOAP11Endpoint", "/services/D.VFSSOAP12Endpoint",
            ],
            Lowerer.DataServiceEndpointPaths(service).ToArray());
    }

    [Fact]
    public void A_data_service_exposed_on_neither_http_nor_https_has_no_endpoint_addresses_as_a_proxy()
    {
        var diagnostics = new DiagnosticBag();
        var document = SynapseParser.ParseText("D.dbs", $"<data name=\"D\" transports=\"jms\">{Config}</data>", diagnostics);
        var service = Assert.IsType<DataServiceSyntax>(Assert.Single(document!.Artifacts));
        Assert.Empty(Lowerer.DataServiceEndpointPaths(service));
    }
}
