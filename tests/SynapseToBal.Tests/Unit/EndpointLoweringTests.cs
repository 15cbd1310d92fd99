using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Lowering;
using SynapseToBal.Syntax;
using Xunit;

namespace SynapseToBal.Tests.Unit;

public sealed class EndpointLoweringTests
{
    private static PackageIr Lower(string artifacts, out DiagnosticBag diagnostics)
    {
        diagnostics = new DiagnosticBag();
        var document = SynapseParser.ParseText("endpoints.xml", $"<definitions xmlns=\"http://ws.apache.org/ns/synapse\">{artifacts}</definitions>", diagnostics);
        Assert.NotNull(document);
        return Lowerer.Lower([document], diagnostics);
    }

    [Fact]
    public void A_failover_endpoint_is_one_failover_client_over_its_members_urls_in_order()
    {
        var package = Lower("""
            <endpoint name="B"><address uri="http://b.example.com"/></endpoint>
            <endpoint name="F"><failover><endpoint name="a"><address uri="http://a.example.com"/></endpoint><endpoint key="B"/></failover></endpoint>
            """, out var diagnostics);

        var group = Assert.Single(package.Clients, c => c.SynapseName == "F");
        Assert.Equal(ClientGroupKind.Failover, group.Group!.Kind);
        var urls = group.Group.MemberUrls.Select(u => package.Configurables.Single(c => c.Name == u).DefaultValue).ToArray();
        Assert.Equal(new string?[] { "http://a.example.com", "http://b.example.com" }, urls);
        // The key member keeps its own client and shares its URL configurable; the inline member has no client of its own.
        Assert.Equal(package.Clients.Single(c => c.SynapseName == "B").UrlConfigurable, group.Group.MemberUrls[1]);
        Assert.Equal(2, package.Clients.Length);
        // Dynamic failover is the group's EndpointGroup's own rule now: no longer reported.
        Assert.DoesNotContain(diagnostics.Items, d => d.Id == DiagnosticCatalog.AttributeNotTranslated.Id && d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("dynamic", StringComparison.Ordinal));
        Assert.True(group.Group.Dynamic);
        Assert.DoesNotContain(diagnostics.Items, d => d.Id == DiagnosticCatalog.EndpointNotTranslated.Id);
    }

    [Fact]
    public void A_loadbalance_endpoint_with_failover_false_does_not_retry_the_next_member()
    {
        var package = Lower("""
            <endpoint name="L"><loadbalance failover="false"><endpoint><address uri="http://a.example.com"/></endpoint><endpoint><address uri="http://b.example.com"/></endpoint></loadbalance></endpoint>
            """, out _);

        var group = Assert.Single(package.Clients).Group!;
        Assert.Equal(ClientGroupKind.LoadBalance, group.Kind);
        Assert.False(group.RetryNextMember);
        Assert.Equal(2, group.MemberUrls.Length);
    }

    [Fact]
    public void A_group_with_a_non_http_member_stays_a_todo_naming_the_member()
    {
        var package = Lower("""
            <endpoint name="F"><failover><endpoint name="web"><address uri="http://a.example.com"/></endpoint><endpoint name="queue"><address uri="jms:/q"/></endpoint></failover></endpoint>
            """, out var diagnostics);

        Assert.Empty(package.Clients);
        var pending = Assert.Single(package.PendingEndpoints);
        Assert.Equal(DiagnosticCatalog.GroupMemberNotTranslated, pending.Reason.Descriptor);
        Assert.Contains("'queue'", pending.Reason.Message, StringComparison.Ordinal);
        Assert.Contains(diagnostics.Items, d => d.Id == DiagnosticCatalog.GroupMemberNotTranslated.Id);
    }

    [Fact]
    public void A_template_endpoint_replaces_whole_parameter_values_only()
    {
        var package = Lower("""
            <template name="T"><parameter name="host"/><endpoint name="$name"><address uri="$uri"/></endpoint></template>
            <template name="U"><parameter name="host"/><endpoint name="$name"><address uri="http://$host/api"/></endpoint></template>
            <endpoint name="E" template="T" uri="http://orders.example.com/api"/>
            <endpoint name="G" template="U" uri="http://unused.example.com"><parameter name="host" value="h.example.com"/></endpoint>
            """, out _);

        Assert.Equal("http://orders.example.com/api", package.Clients.Single(c => c.SynapseName == "E").Url);
        // Synapse's Template.create replaces a value that is exactly $param, not one inside a longer value.
        Assert.Equal("http://$host/api", package.Clients.Single(c => c.SynapseName == "G").Url);
        Assert.Empty(package.Pending);
    }

    [Fact]
    public void A_template_holding_a_group_is_not_expanded()
    {
        var package = Lower("""
            <template name="T"><endpoint name="$name"><failover><endpoint><address uri="$uri"/></endpoint></failover></endpoint></template>
            <endpoint name="E" template="T" uri="http://orders.example.com/api"/>
            """, out var diagnostics);

        Assert.Empty(package.Clients);
        Assert.Contains("failover", Assert.Single(package.PendingEndpoints).Reason.Message, StringComparison.Ordinal);
        Assert.Contains(diagnostics.Items, d => d.Id == DiagnosticCatalog.EndpointNotTranslated.Id);
    }

    [Fact]
    public void A_wsdl_port_gives_the_address_and_the_soap_version()
    {
        const string wsdl = """
            <wsdl:definitions xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/" xmlns:soap12="http://schemas.xmlsoap.org/wsdl/soap12/" targetNamespace="urn:t">
              <wsdl:service name="S">
                <wsdl:port name="P11" binding="b"><soap:address location="http://x.example.com/11"/></wsdl:port>
                <wsdl:port name="P12" binding="b"><soap12:address location="http://x.example.com/12"/></wsdl:port>
              </wsdl:service>
            </wsdl:definitions>
            """;

        Assert.Equal(("http://x.example.com/11", "soap11"), Lowerer.WsdlPort(wsdl, "S", "P11"));
        Assert.Equal(("http://x.example.com/12", "soap12"), Lowerer.WsdlPort(wsdl, "S", "P12"));
        Assert.Null(Lowerer.WsdlPort(wsdl, "S", "Other"));
        Assert.Null(Lowerer.WsdlPort("<not-wsdl/>", "S", "P11"));
        Assert.Null(Lowerer.WsdlPort("<broken", "S", "P11"));
    }

    [Fact]
    public void A_wsdl_in_the_registry_gives_the_client_its_port_address_and_format()
    {
        const string wsdl = """
            <definitions xmlns="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/" targetNamespace="urn:t">
              <service name="S"><port name="P" binding="b"><soap:address location="http://registry.example.com/S"/></port></service>
            </definitions>
            """;
        var diagnostics = new DiagnosticBag();
        var document = SynapseParser.ParseText("endpoints.xml", """<endpoint xmlns="http://ws.apache.org/ns/synapse" name="W"><wsdl uri="gov:/wsdl/s.wsdl" service="S" port="P"/></endpoint>""", diagnostics);
        Assert.NotNull(document);
        var model = Semantics.SemanticModel.Build([document], key => key == "gov:/wsdl/s.wsdl", diagnostics, key => key == "gov:/wsdl/s.wsdl" ? wsdl : null);

        var client = Assert.Single(Lowerer.Lower(model, [document], diagnostics).Clients);

        Assert.Equal("http://registry.example.com/S", client.Url);
        Assert.Equal(EndpointFormat.Soap11, client.Format);
        Assert.DoesNotContain(diagnostics.Items, d => d.Id == DiagnosticCatalog.WsdlNotRead.Id);
    }

    [Fact]
    public void A_wsdl_not_in_the_project_is_a_required_url_configurable()
    {
        var package = Lower("""<endpoint name="W"><wsdl uri="http://x.example.com/S?wsdl" service="S" port="P"/></endpoint>""", out var diagnostics);

        var client = Assert.Single(package.Clients);
        Assert.Null(package.Configurables.Single(c => c.Name == client.UrlConfigurable).DefaultValue);
        // WSDL11EndpointBuilder takes the format from the port's binding; unread, the port is taken to be SOAP 1.1.
        Assert.Equal(EndpointFormat.Soap11, client.Format);
        Assert.Contains(diagnostics.Items, d => d.Id == DiagnosticCatalog.WsdlNotRead.Id);
    }

    [Fact]
    public void Default_endpoints_send_to_the_To_address_and_recipientlist_endpoints_stay_todos()
    {
        var package = Lower("""
            <endpoint name="D"><default/></endpoint>
            <endpoint name="R"><recipientlist><endpoint><address uri="http://a.example.com"/></endpoint></recipientlist></endpoint>
            <sequence name="S"><send><endpoint key="D"/></send></sequence>
            """, out _);

        Assert.Empty(package.Clients);
        Assert.DoesNotContain(package.PendingEndpoints, p => p.Origin is EndpointArtifactSyntax { Name: "D" });
        Assert.Contains(IrWalker.Steps(package.Functions.Single().Body), s => s is CallAddressStep);
        Assert.Contains(package.PendingEndpoints, p => p.Reason.Message.Contains("every member", StringComparison.Ordinal));
    }
}
