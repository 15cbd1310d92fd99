using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Lowering;
using SynapseToBal.Syntax;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>Lowering of inbound endpoints (listeners running a sequence) and of server configuration elements.</summary>
public sealed class InboundLoweringTests
{
    private const string Synapse = DefinitionsLowering.Synapse;

    private static (PackageIr Package, DiagnosticBag Diagnostics) Lower(string definitions) => DefinitionsLowering.Lower(definitions);

    private const string Sequences = """<sequence name="In"><respond/></sequence><sequence name="Err"><drop/></sequence>""";

    [Fact]
    public void An_http_inbound_endpoint_becomes_a_listener_whose_resource_runs_the_sequence_and_onError_on_failure()
    {
        var (package, diagnostics) = Lower(Sequences + """
            <inboundEndpoint name="Orders" protocol="http" sequence="In" onError="Err"><parameters><parameter name="inbound.http.port">8085</parameter></parameters></inboundEndpoint>
            """);

        var inbound = Assert.Single(package.Inbounds);
        var http = Assert.IsType<InboundTransportIr.Http>(inbound.Transport);
        Assert.Null(http.KeyStore);
        Assert.Contains(package.Configurables, c => c.Name == http.Port && c.Type == ConfigurableType.Integer && c.DefaultValue == "8085");
        var invoke = Assert.IsType<InvokeStep>(http.Resource.Body[0]);
        Assert.Equal("In", invoke.Function.Hint);
        var fault = Assert.Single(package.Functions, f => f.Name == http.Resource.FaultFunction);
        Assert.Equal(FunctionKind.FaultFlow, fault.Kind);
        Assert.Equal("Err", Assert.IsType<InvokeStep>(fault.Body[0]).Function.Hint);
        Assert.DoesNotContain(diagnostics.Items, d => d.Id is "SB0202" or "SB0227");
        Assert.Empty(package.Pending);
    }

    [Fact]
    public void An_inbound_endpoint_without_a_known_sequence_runs_main_as_the_Micro_Integrator_does()
    {
        var (package, _) = Lower("""<sequence name="main"><respond/></sequence><inboundEndpoint name="Orders" protocol="http"><parameters><parameter name="inbound.http.port">8085</parameter></parameters></inboundEndpoint>""");

        var http = Assert.IsType<InboundTransportIr.Http>(Assert.Single(package.Inbounds).Transport);
        Assert.Equal("main", Assert.IsType<InvokeStep>(http.Resource.Body[0]).Function.Hint);
    }

    [Fact]
    public void An_https_key_store_password_becomes_a_required_configurable_and_never_a_value()
    {
        var (package, diagnostics) = Lower(Sequences + """
            <inboundEndpoint name="Secure" protocol="https" sequence="In"><parameters><parameter name="inbound.http.port">8443</parameter>
            <parameter name="keystore"><KeyStore xmlns=""><Location>ks.p12</Location><Type>PKCS12</Type><Password>Sup3r-Secret</Password></KeyStore></parameter></parameters></inboundEndpoint>
            """);

        var store = Assert.IsType<InboundTransportIr.Http>(Assert.Single(package.Inbounds).Transport).KeyStore;
        Assert.NotNull(store);
        var password = Assert.Single(package.Configurables, c => c.Name == store.Password);
        Assert.True(password.Secret);
        Assert.Null(password.DefaultValue);
        Assert.DoesNotContain(package.Configurables, c => c.DefaultValue == "Sup3r-Secret");
        Assert.Contains(diagnostics.Items, d => d.Id == DiagnosticCatalog.SecretConfigurable.Id);
        Assert.DoesNotContain(diagnostics.Items, d => d.Id == DiagnosticCatalog.AttributeNotTranslated.Id);
    }

    [Fact]
    public void A_jms_inbound_endpoint_becomes_a_listener_with_its_destination_acknowledgement_and_content_type()
    {
        var (package, diagnostics) = Lower(Sequences + """
            <inboundEndpoint name="Q" protocol="jms" sequence="In" onError="Err"><parameters>
            <parameter name="java.naming.factory.initial">org.apache.activemq.jndi.ActiveMQInitialContextFactory</parameter>
            <parameter name="java.naming.provider.url">tcp://localhost:61616</parameter>
            <parameter name="transport.jms.Destination">Orders</parameter>
            <parameter name="transport.jms.ConnectionFactoryType">topic</parameter>
            <parameter name="transport.jms.ContentType">application/json</parameter>
            <parameter name="transport.jms.Password">Jms-Secret-1</parameter>
            <parameter name="interval">1000</parameter></parameters></inboundEndpoint>
            """);

        var jms = Assert.IsType<InboundTransportIr.Jms>(Assert.Single(package.Inbounds).Transport);
        Assert.Equal("Orders", jms.Destination);
        Assert.True(jms.Topic);
        Assert.Equal("AUTO_ACKNOWLEDGE", jms.AcknowledgementMode);
        Assert.Equal("application/json", jms.ContentType);
        Assert.Equal("QueueConnectionFactory", Assert.Single(package.Configurables, c => c.Name == jms.ConnectionFactory).DefaultValue);
        Assert.True(Assert.Single(package.Configurables, c => c.Name == jms.Password).Secret);
        Assert.DoesNotContain(package.Configurables, c => c.DefaultValue == "Jms-Secret-1");
        Assert.NotNull(jms.FaultFunction);

        // The polling interval does not apply to a pushed listener and is not reported as a lost setting.
        Assert.DoesNotContain(diagnostics.Items, d => d.Id == DiagnosticCatalog.AttributeNotTranslated.Id);
    }

    [Fact]
    public void A_jms_inbound_endpoint_whose_sequence_answers_replies_over_jms_as_the_jms_reply_sender_does()
    {
        // JMSInjectHandler.invoke sets a JMSReplySender as the response worker (the message's JMSReplyTo, else
        // transport.jms.ReplyDestination), through which respond answers.
        const string Inbound = """
            <inboundEndpoint name="Q" protocol="jms" sequence="In"><parameters>
            <parameter name="java.naming.factory.initial">org.apache.activemq.jndi.ActiveMQInitialContextFactory</parameter>
            <parameter name="java.naming.provider.url">tcp://localhost:61616</parameter>
            <parameter name="transport.jms.Destination">Orders</parameter>
            <parameter name="transport.jms.ReplyDestination">Replies</parameter></parameters></inboundEndpoint>
            """;
        var (package, diagnostics) = Lower(Sequences + Inbound);

        var jms = Assert.IsType<InboundTransportIr.Jms>(Assert.Single(package.Inbounds).Transport);
        var reply = Assert.IsType<JmsReplyIr>(jms.Reply);
        Assert.True(reply.Inbound);
        Assert.Equal("Replies", reply.Destination);
        Assert.False(reply.Topic);
        Assert.DoesNotContain(diagnostics.Items, d => d.Id == DiagnosticCatalog.AttributeNotTranslated.Id);

        var code = ArtifactConversion.Convert($"<definitions xmlns=\"{Synapse}\">{Sequences}{Inbound}</definitions>")["inbound.bal"];
        Assert.Contains("setJmsReply(ctx, message, ", code, StringComparison.Ordinal);
        Assert.Contains("replyDestination = {'type: jms:QUEUE, name: \"Replies\"}, inbound = true);", code, StringComparison.Ordinal);
    }

    [Fact]
    public void A_jms_inbound_endpoint_whose_sequence_never_answers_sets_up_no_reply()
    {
        var (package, _) = Lower("""
            <sequence name="In"><log/></sequence>
            <inboundEndpoint name="Q" protocol="jms" sequence="In"><parameters>
            <parameter name="java.naming.factory.initial">f</parameter><parameter name="java.naming.provider.url">u</parameter>
            <parameter name="transport.jms.Destination">Orders</parameter></parameters></inboundEndpoint>
            """);

        Assert.Null(Assert.IsType<InboundTransportIr.Jms>(Assert.Single(package.Inbounds).Transport).Reply);
    }

    [Theory]
    [InlineData("""<inboundEndpoint name="K" protocol="kafka" sequence="In"><parameters><parameter name="topics">t</parameter></parameters></inboundEndpoint>""", "kafka:Listener")]
    [InlineData("""<inboundEndpoint name="F" protocol="file" sequence="In"><parameters><parameter name="interval">1000</parameter><parameter name="transport.vfs.FileURI">smb://host/share/in</parameter></parameters></inboundEndpoint>""", "ballerina/ftp cannot read")]
    [InlineData("""<inboundEndpoint name="C" class="org.example.Poller" sequence="In"/>""", "org.example.Poller")]
    [InlineData("""<inboundEndpoint name="D" protocol="http" sequence="In"><parameters><parameter name="inbound.http.port">8085</parameter><parameter name="dispatch.filter.pattern">/a/.*</parameter></parameters></inboundEndpoint>""", "dispatch.filter.pattern")]
    [InlineData("""<inboundEndpoint name="A" protocol="jms" sequence="In"><parameters><parameter name="java.naming.factory.initial">f</parameter><parameter name="java.naming.provider.url">u</parameter><parameter name="transport.jms.Destination">q</parameter><parameter name="transport.jms.SessionTransacted">true</parameter></parameters></inboundEndpoint>""", "transacted")]
    public void Inbound_endpoints_without_a_faithful_listener_stay_a_TODO_carrying_their_parameters(string inboundXml, string named)
    {
        var (package, diagnostics) = Lower(Sequences + inboundXml);

        Assert.Empty(package.Inbounds);
        var pending = Assert.Single(package.Pending);
        Assert.Equal(DiagnosticCatalog.InboundNotTranslated, pending.Reason.Descriptor);
        Assert.Contains(named, pending.Reason.Message, StringComparison.Ordinal);
        Assert.IsType<InboundEndpointSyntax>(pending.Origin);
        Assert.Contains(diagnostics.Items, d => d.Id == DiagnosticCatalog.InboundNotTranslated.Id);
        Assert.DoesNotContain(diagnostics.Items, d => d.Id == DiagnosticCatalog.ArtifactNotTranslated.Id);
    }

    [Theory]
    [InlineData("""<registry provider="org.wso2.carbon.mediation.registry.WSO2Registry"><parameter name="cachableDuration">15000</parameter></registry>""", "registry provider")]
    [InlineData("""<taskManager provider="org.wso2.carbon.mediation.ntask.NTaskTaskManager"/>""", "task scheduler")]
    [InlineData("""<import name="salesforce" package="org.wso2.carbon.connector" status="enabled"/>""", "connector library 'salesforce'")]
    [InlineData("""<eventSource name="Events"><subscriptionManager class="org.apache.synapse.eventing.managers.DefaultInMemorySubscriptionManager"/></eventSource>""", "WS-Eventing")]
    public void Server_configuration_gets_an_honest_note_not_not_translated_yet(string xml, string says)
    {
        var (package, diagnostics) = Lower(xml);

        var pending = Assert.Single(package.Pending);
        Assert.Equal(DiagnosticCatalog.ServerConfiguration, pending.Reason.Descriptor);
        Assert.Contains(says, pending.Reason.Message, StringComparison.Ordinal);
        var diagnostic = Assert.Single(diagnostics.Items, d => d.Id == DiagnosticCatalog.ServerConfiguration.Id);
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Info, diagnostic.Severity);
        Assert.DoesNotContain(diagnostics.Items, d => d.Id == DiagnosticCatalog.ArtifactNotTranslated.Id);
    }
}
