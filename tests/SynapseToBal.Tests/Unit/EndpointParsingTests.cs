using SynapseToBal.Syntax;
using Xunit;
using static SynapseToBal.Tests.Unit.ParseHelpers;

namespace SynapseToBal.Tests.Unit;

public sealed class EndpointParsingTests
{
    [Fact]
    public void Address_endpoint_carries_full_qualities()
    {
        var address = Endpoint<AddressEndpointSyntax>("""
            <address uri="http://backend/svc" format="soap11" optimize="mtom" encoding="UTF-8" statistics="enable" trace="enable">
              <enableAddressing version="submission" separateListener="true"/>
              <enableSec policy="sec_policy"/>
              <enableRM policy="rm_policy"/>
              <timeout><duration>30000</duration><responseAction>fault</responseAction></timeout>
              <suspendOnFailure>
                <errorCodes>101503, 101504</errorCodes>
                <initialDuration>1000</initialDuration>
                <progressionFactor>2.0</progressionFactor>
                <maximumDuration>64000</maximumDuration>
              </suspendOnFailure>
              <markForSuspension>
                <errorCodes>101507</errorCodes>
                <retriesBeforeSuspension>3</retriesBeforeSuspension>
                <retryDelay>100</retryDelay>
              </markForSuspension>
              <retryConfig>
                <disabledErrorCodes>101501,101502</disabledErrorCodes>
                <enabledErrorCodes>101508</enabledErrorCodes>
              </retryConfig>
            </address>
            """);

        Assert.Equal("http://backend/svc", address.Uri);
        Assert.Equal("soap11", address.Format);
        var q = address.Qualities;
        Assert.Equal(30000, q.TimeoutMillis);
        Assert.Equal("fault", q.ResponseAction);
        Assert.Equal<string>(["101503", "101504"], q.SuspendErrorCodes);
        Assert.Equal(1000, q.SuspendInitialDurationMillis);
        Assert.Equal(2.0, q.SuspendProgressionFactor);
        Assert.Equal(64000, q.SuspendMaximumDurationMillis);
        Assert.Equal<string>(["101507"], q.TimeoutErrorCodes);
        Assert.Equal(3, q.RetriesBeforeSuspension);
        Assert.Equal(100, q.RetryDelayMillis);
        Assert.Equal<string>(["101501", "101502"], q.RetryDisabledErrorCodes);
        Assert.Equal<string>(["101508"], q.RetryEnabledErrorCodes);
        Assert.Equal("submission", q.Addressing?.Version);
        Assert.True(q.Addressing?.SeparateListener);
        Assert.Equal("sec_policy", q.Security?.Policy?.Text);
        Assert.Equal("rm_policy", q.ReliableMessaging?.Policy);
        Assert.Equal("mtom", q.Optimize);
        Assert.Equal("UTF-8", q.Encoding);
        Assert.True(q.Statistics);
        Assert.True(q.Trace);
    }

    [Fact]
    public void Dynamic_timeout_and_deprecated_suspension_are_kept()
    {
        var address = Endpoint<AddressEndpointSyntax>("""
            <address uri="http://b"><timeout><duration>{get-property('t')}</duration></timeout><suspendDurationOnFailure>60</suspendDurationOnFailure></address>
            """);

        Assert.Null(address.Qualities.TimeoutMillis);
        Assert.Equal("get-property('t')", address.Qualities.DynamicTimeout?.Original);
        Assert.Equal(60, address.Qualities.SuspendDurationOnFailureSeconds);
    }

    [Fact]
    public void Invalid_numbers_are_warnings_with_a_fallback()
    {
        var artifact = Artifact<EndpointArtifactSyntax>($"""
            <endpoint {Ns} name="ep"><address uri="http://b"><timeout><duration>soon</duration><responseAction>explode</responseAction></timeout></address></endpoint>
            """, out var diagnostics);

        var address = Assert.IsType<AddressEndpointSyntax>(artifact.Endpoint.Definition);
        Assert.Null(address.Qualities.TimeoutMillis);
        Assert.Null(address.Qualities.ResponseAction);
        Assert.Equal<string>(["SB0103", "SB0103"], Ids(diagnostics));
    }

    [Fact]
    public void Http_endpoint_with_authentication_and_endpoint_properties()
    {
        var artifact = Artifact<EndpointArtifactSyntax>($$"""
            <endpoint {{Ns}} name="ep" onError="epFault">
              <http method="post" uri-template="http://api/{uri.var.id}" version="2.0">
                <authentication>
                  <oauth>
                    <clientCredentials>
                      <clientId>id</clientId>
                      <clientSecret>secret</clientSecret>
                      <tokenUrl>http://token</tokenUrl>
                      <requestParameters><parameter name="scope">read</parameter></requestParameters>
                      <authMode>header</authMode>
                    </clientCredentials>
                  </oauth>
                </authentication>
              </http>
              <property name="p1" value="v1" scope="transport"/>
              <property name="p2" expression="$ctx:x"/>
              <description>Orders backend</description>
            </endpoint>
            """);

        var http = Assert.IsType<HttpEndpointSyntax>(artifact.Endpoint.Definition);
        Assert.Equal("POST", http.Method);
        Assert.Equal("2.0", http.HttpVersion);
        Assert.Equal("oauth", http.Authentication?.Scheme);
        Assert.Equal("clientCredentials", http.Authentication?.GrantType);
        Assert.Equal("http://token", http.Authentication?.Settings["tokenUrl"]);
        Assert.Equal("scope", Assert.Single(http.Authentication!.RequestParameters).Name);
        Assert.Equal("epFault", artifact.Endpoint.OnError);
        Assert.Equal("Orders backend", artifact.Endpoint.Description);
        Assert.Collection(
            artifact.Endpoint.Properties,
            p => Assert.Equal(("p1", "transport"), (p.Name, p.Scope)),
            p => Assert.Equal(("p2", "default"), (p.Name, p.Scope)));
        Assert.IsType<ValueSyntax.Expression>(artifact.Endpoint.Properties[1].Value);
    }

    [Fact]
    public void Wsdl_endpoint_by_uri()
    {
        var wsdl = Endpoint<WsdlEndpointSyntax>("""
            <wsdl uri="file:sample.wsdl" service="StockService" port="StockPort"><suspendOnFailure><progressionFactor>1.0</progressionFactor></suspendOnFailure></wsdl>
            """);

        Assert.Equal(("file:sample.wsdl", "StockService", "StockPort"), (wsdl.Uri, wsdl.Service, wsdl.Port));
        Assert.Null(wsdl.InlineWsdl);
        Assert.Equal(1.0, wsdl.Qualities.SuspendProgressionFactor);
    }

    [Fact]
    public void Wsdl_endpoint_with_inline_document()
    {
        var wsdl = Endpoint<WsdlEndpointSyntax>("""
            <wsdl service="S" port="P"><wsdl:definitions xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" targetNamespace="urn:x"><wsdl:types/></wsdl:definitions></wsdl>
            """);

        Assert.Null(wsdl.Uri);
        Assert.Contains("targetNamespace=\"urn:x\"", wsdl.InlineWsdl);
    }

    [Fact]
    public void Default_endpoint()
    {
        var endpoint = Endpoint<DefaultEndpointSyntax>("""<default format="pox"><markForSuspension><retriesBeforeSuspension>2</retriesBeforeSuspension></markForSuspension></default>""");

        Assert.Equal("pox", endpoint.Format);
        Assert.Equal(2, endpoint.Qualities.RetriesBeforeSuspension);
    }

    [Fact]
    public void Failover_with_nested_endpoints()
    {
        var failover = Endpoint<FailoverEndpointSyntax>("""
            <failover dynamic="false" buildMessage="true">
              <endpoint name="primary"><address uri="http://one"/></endpoint>
              <endpoint key="SecondaryEP"/>
              <endpoint><loadbalance><endpoint><address uri="http://two"/></endpoint><endpoint><address uri="http://three"/></endpoint></loadbalance></endpoint>
            </failover>
            """);

        Assert.False(failover.Dynamic);
        Assert.True(failover.BuildMessage);
        Assert.Equal(3, failover.Children.Length);
        Assert.Equal("primary", failover.Children[0].Name);
        Assert.Equal("http://one", Assert.IsType<AddressEndpointSyntax>(failover.Children[0].Definition).Uri);
        Assert.Equal("SecondaryEP", Assert.IsType<IndirectEndpointSyntax>(failover.Children[1].Definition).Key.Text);
        var nested = Assert.IsType<LoadbalanceEndpointSyntax>(failover.Children[2].Definition);
        Assert.Equal(2, nested.Children.Length);
    }

    [Fact]
    public void Loadbalance_with_session_and_algorithm()
    {
        var artifact = Artifact<EndpointArtifactSyntax>($"""
            <endpoint {Ns} name="lb">
              <session type="http"><sessionTimeout>20000</sessionTimeout></session>
              <loadbalance algorithm="org.apache.synapse.endpoints.algorithms.WeightedRoundRobin" failover="false">
                <endpoint><address uri="http://one"/><property name="loadbalance.weight" value="2"/></endpoint>
                <endpoint><address uri="http://two"/></endpoint>
              </loadbalance>
            </endpoint>
            """);

        var lb = Assert.IsType<LoadbalanceEndpointSyntax>(artifact.Endpoint.Definition);
        Assert.Equal("org.apache.synapse.endpoints.algorithms.WeightedRoundRobin", lb.Algorithm);
        Assert.False(lb.Failover);
        Assert.Equal(2, lb.Children.Length);
        Assert.Equal("loadbalance.weight", Assert.Single(lb.Children[0].Properties).Name);
        Assert.Equal("http", lb.Session?.Type);
        Assert.Equal(20000, lb.Session?.TimeoutMillis);
    }

    [Fact]
    public void Loadbalance_over_static_members()
    {
        var lb = Endpoint<LoadbalanceEndpointSyntax>("""<loadbalance policy="roundRobin"><member hostName="10.0.0.1" httpPort="8280" httpsPort="8243"/></loadbalance>""");

        var member = Assert.Single(lb.Members);
        Assert.Equal(("10.0.0.1", 8280, 8243), (member.HostName, member.HttpPort, member.HttpsPort));
        Assert.Equal("roundRobin", lb.Policy);
        Assert.True(lb.Failover);
    }

    [Fact]
    public void Recipient_list_with_children_or_a_dynamic_list()
    {
        var staticList = Endpoint<RecipientListEndpointSyntax>("""<recipientlist><endpoint><address uri="http://a"/></endpoint><endpoint><address uri="http://b"/></endpoint></recipientlist>""");
        Assert.Equal(2, staticList.Children.Length);
        Assert.Null(staticList.DynamicEndpoints);

        var dynamicList = Endpoint<RecipientListEndpointSyntax>("""<recipientlist><endpoints value="{get-property('targets')}" max-cache="20"/></recipientlist>""");
        var expression = Assert.IsType<ValueSyntax.Expression>(dynamicList.DynamicEndpoints);
        Assert.Equal("get-property('targets')", expression.Syntax.Original);
        Assert.Equal(20, dynamicList.MaxCache);

        var literalList = Endpoint<RecipientListEndpointSyntax>("""<recipientlist><endpoints value="http://a,http://b"/></recipientlist>""");
        Assert.Equal("http://a,http://b", Assert.IsType<ValueSyntax.Literal>(literalList.DynamicEndpoints).Text);
    }

    [Fact]
    public void Template_endpoint_with_parameters()
    {
        var artifact = Artifact<EndpointArtifactSyntax>($"""
            <endpoint {Ns} name="OrdersEP" template="HttpTemplate" uri="http://orders">
              <parameter name="timeout" value="5000"/>
              <parameter name="retries" value="3"/>
            </endpoint>
            """);

        var template = Assert.IsType<TemplateEndpointSyntax>(artifact.Endpoint.Definition);
        Assert.Equal("HttpTemplate", template.Template);
        Assert.Equal("http://orders", template.Uri);
        Assert.Equal([("timeout", "5000"), ("retries", "3")], template.Parameters.Select(p => (p.Name, p.Value)));
    }

    [Fact]
    public void Class_endpoint()
    {
        var endpoint = Endpoint<ClassEndpointSyntax>("""<class name="org.example.MyEndpoint"><parameter name="a">1</parameter></class>""");

        Assert.Equal("org.example.MyEndpoint", endpoint.ClassName);
        Assert.Equal(("a", "1"), (endpoint.Parameters[0].Name, endpoint.Parameters[0].Value));
    }

    [Fact]
    public void Unknown_children_are_reported_and_kept_raw()
    {
        var artifact = Artifact<EndpointArtifactSyntax>($"""<endpoint {Ns} name="ep"><address uri="http://a"><bogus x="1"><inner/></bogus></address></endpoint>""", out var diagnostics);

        var address = Assert.IsType<AddressEndpointSyntax>(artifact.Endpoint.Definition);
        var unknown = Assert.Single(address.Unknown);
        Assert.Equal("bogus", unknown.Name);
        Assert.Contains("<inner", unknown.RawXml);
        Assert.Equal<string>(["SB0101"], Ids(diagnostics));
    }

    [Fact]
    public void Unknown_definition_element_stays_an_unknown_endpoint()
    {
        var artifact = Artifact<EndpointArtifactSyntax>($"""<endpoint {Ns} name="ep"><teleport to="mars"/></endpoint>""", out var diagnostics);

        var unknown = Assert.IsType<UnknownEndpointSyntax>(artifact.Endpoint.Definition);
        Assert.Equal("teleport", unknown.ElementName);
        Assert.Equal<string>(["SB0101"], Ids(diagnostics));
    }
}
