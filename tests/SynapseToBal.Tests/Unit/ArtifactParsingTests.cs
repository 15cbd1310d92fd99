using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Lowering;
using SynapseToBal.Syntax;
using Xunit;
using static SynapseToBal.Tests.Unit.ParseHelpers;

namespace SynapseToBal.Tests.Unit;

public sealed class ArtifactParsingTests
{
    [Fact]
    public void Api_with_handlers_swagger_and_aspects()
    {
        var api = Artifact<ApiSyntax>($$"""
            <api {{Ns}} name="Orders" context="/orders" hostname="h" port="8290" publishSwagger="conf:/swagger.yaml" validateSchema="true"
                 statistics="enable" trace="enable" transports="https" binds-to="ws1, ws2" version="1.0" version-type="url">
              <description>Order API</description>
              <resource methods="GET" uri-template="/{id}" protocol="https" binds-to="ws1"><inSequence><respond/></inSequence></resource>
              <handlers>
                <handler class="org.example.AuthHandler">
                  <property name="realm" value="orders"/>
                  <property name="policy"><wsp:Policy xmlns:wsp="urn:wsp"/></property>
                </handler>
              </handlers>
            </api>
            """);

        Assert.Equal(("Orders", "/orders", "h", "8290"), (api.Name, api.Context, api.HostName, api.Port));
        Assert.Equal("conf:/swagger.yaml", api.PublishSwagger);
        Assert.True(api.ValidateSchema);
        Assert.True(api.Statistics);
        Assert.True(api.Trace);
        Assert.Equal("https", api.Transports);
        Assert.Equal<string>(["ws1", "ws2"], api.BindsTo);
        Assert.Equal("Order API", api.Description);
        Assert.NotNull(api.HandlersXml);
        var handler = Assert.Single(api.Handlers);
        Assert.Equal("org.example.AuthHandler", handler.ClassName);
        Assert.Equal("orders", handler.Properties[0].Value);
        Assert.Contains("wsp:Policy", handler.Properties[1].Xml);
        var resource = Assert.Single(api.Resources);
        Assert.Equal("https", resource.Protocol);
        Assert.Equal<string>(["ws1"], resource.BindsTo);
    }

    [Fact]
    public void Sequence_keeps_on_error_and_aspects()
    {
        var sequence = Artifact<SequenceSyntax>($"""<sequence {Ns} name="s" onError="fault" trace="enable" statistics="enable"><drop/></sequence>""");

        Assert.Equal("fault", sequence.OnError);
        Assert.True(sequence.Trace);
        Assert.True(sequence.Statistics);
        Assert.Single(sequence.Mediators);
    }

    [Fact]
    public void Proxy_with_inline_target_sequences_and_publish_wsdl()
    {
        var proxy = Artifact<ProxySyntax>($"""
            <proxy {Ns} name="StockQuoteProxy" transports="http https" startOnLoad="false" statistics="enable" trace="disable" pinnedServers="n1,n2" serviceGroup="g">
              <target faultSequence="errorHandler">
                <inSequence onError="inFault"><log level="full"/></inSequence>
                <outSequence><send/></outSequence>
                <endpoint><address uri="http://backend/StockQuoteService"/></endpoint>
              </target>
              <publishWSDL uri="file:sample.wsdl" preservePolicy="true">
                <resource location="sample.xsd" key="conf:/sample.xsd"/>
              </publishWSDL>
              <parameter name="serviceType">proxy</parameter>
              <parameter name="transport.jms.ContentType"><rules><jmsProperty>contentType</jmsProperty><default>text/xml</default></rules></parameter>
              <policy key="conf:/policy.xml" type="in"/>
              <enableAddressing/>
              <enableSec/>
              <description>Quotes</description>
            </proxy>
            """);

        Assert.Equal("StockQuoteProxy", proxy.Name);
        Assert.Equal<string>(["http", "https"], proxy.Transports);
        Assert.False(proxy.StartOnLoad);
        Assert.True(proxy.Statistics);
        Assert.False(proxy.Trace);
        Assert.Equal<string>(["n1", "n2"], proxy.PinnedServers);
        Assert.Equal("g", proxy.ServiceGroup);
        var target = Assert.IsType<ProxyTargetSyntax>(proxy.Target);
        Assert.Single(target.InSequence!.Mediators);
        Assert.Equal("inFault", target.InSequence.OnError);
        Assert.Single(target.OutSequence!.Mediators);
        Assert.Equal("errorHandler", target.FaultSequence?.Key?.Text);
        var endpoint = Assert.IsType<EndpointReferenceSyntax.Inline>(target.Endpoint);
        Assert.IsType<AddressEndpointSyntax>(endpoint.Endpoint.Definition);
        var wsdl = Assert.IsType<PublishWsdlSyntax>(proxy.PublishWsdl);
        Assert.Equal("file:sample.wsdl", wsdl.Uri);
        Assert.True(wsdl.PreservePolicy);
        Assert.Equal(("sample.xsd", "conf:/sample.xsd"), (wsdl.Resources[0].ResourceLocation, wsdl.Resources[0].Key));
        Assert.Equal("proxy", proxy.Parameters[0].Text);
        Assert.Contains("<jmsProperty>", proxy.Parameters[1].Xml);
        Assert.Equal(("conf:/policy.xml", "in"), (proxy.Policies[0].Key, proxy.Policies[0].Type));
        Assert.True(proxy.EnableAddressing);
        Assert.NotNull(proxy.EnableSec);
        Assert.Null(proxy.EnableRM);
        Assert.Equal("Quotes", proxy.Description);
    }

    [Fact]
    public void Proxy_with_keyed_target_and_inline_wsdl()
    {
        var proxy = Artifact<ProxySyntax>($"""
            <proxy {Ns} name="P">
              <target inSequence="in" outSequence="out" endpoint="BackendEP"/>
              <publishWSDL><wsdl:definitions xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" name="x"/></publishWSDL>
            </proxy>
            """);

        Assert.True(proxy.StartOnLoad);
        Assert.Empty(proxy.Transports);
        Assert.Equal("in", proxy.Target?.InSequence?.Key?.Text);
        Assert.Equal("out", proxy.Target?.OutSequence?.Key?.Text);
        Assert.Equal("BackendEP", Assert.IsType<EndpointReferenceSyntax.Key>(proxy.Target?.Endpoint).Value.Text);
        Assert.Contains("name=\"x\"", proxy.PublishWsdl?.InlineWsdl);
    }

    [Fact]
    public void Sequence_template_with_parameters()
    {
        var template = Artifact<SequenceTemplateSyntax>($"""
            <template {Ns} name="LogTemplate" onError="fault">
              <parameter name="message" isMandatory="true" description="what to log"/>
              <parameter name="level" isMandatory="false" defaultValue="INFO"/>
              <parameter name="legacy" default="x" optional="true"/>
              <sequence><log level="custom"><property name="m" expression="$func:message"/></log></sequence>
            </template>
            """);

        Assert.Equal("LogTemplate", template.Name);
        Assert.Equal("fault", template.OnError);
        Assert.Collection(
            template.Parameters,
            p => Assert.Equal(("message", true, (string?)null, "what to log"), (p.Name, p.IsMandatory, p.DefaultValue, p.Description)),
            p => Assert.Equal(("level", false, "INFO"), (p.Name, p.IsMandatory, p.DefaultValue)),
            p => Assert.Equal(("legacy", false, "x"), (p.Name, p.IsMandatory, p.DefaultValue)));
        Assert.Single(template.Mediators);
    }

    [Fact]
    public void Endpoint_template_wraps_an_endpoint()
    {
        var template = Artifact<EndpointTemplateSyntax>($"""
            <template {Ns} name="HttpTemplate">
              <parameter name="name"/><parameter name="uri"/><parameter name="timeout"/>
              <endpoint name="$name"><address uri="$uri"><timeout><duration>$timeout</duration></timeout></address></endpoint>
            </template>
            """, out var diagnostics);

        Assert.Equal<string>(["name", "uri", "timeout"], template.Parameters.Select(p => p.Name));
        Assert.Equal("$name", template.Endpoint.Name);
        Assert.Equal("$uri", Assert.IsType<AddressEndpointSyntax>(template.Endpoint.Definition).Uri);
        // "$timeout" is not a number until the template is expanded.
        Assert.Equal<string>(["SB0103"], Ids(diagnostics));
    }

    [Fact]
    public void Inbound_endpoint_with_parameters_and_inline_xml()
    {
        var inbound = Artifact<InboundEndpointSyntax>($"""
            <inboundEndpoint {Ns} name="FileIn" protocol="file" sequence="process" onError="fault" suspend="false" statistics="enable">
              <parameters>
                <parameter name="interval">1000</parameter>
                <parameter name="sequential">true</parameter>
                <parameter name="coordination">false</parameter>
                <parameter name="keystore"><KeyStore><Location>ks.jks</Location></KeyStore></parameter>
                <parameter name="secret" key="conf:/secret"/>
              </parameters>
            </inboundEndpoint>
            """);

        Assert.Equal(("FileIn", "file", (string?)null), (inbound.Name, inbound.Protocol, inbound.ClassName));
        Assert.Equal(("process", "fault"), (inbound.Sequence, inbound.OnError));
        Assert.False(inbound.Suspend);
        Assert.True(inbound.Statistics);
        Assert.Equal("1000", inbound.Parameters[0].Text);
        Assert.True(inbound.Sequential);
        Assert.False(inbound.Coordination);
        Assert.Contains("<Location>ks.jks</Location>", inbound.Parameters[3].Xml);
        Assert.Equal("conf:/secret", inbound.Parameters[4].Key);
    }

    [Fact]
    public void Inbound_endpoint_with_custom_class()
    {
        var inbound = Artifact<InboundEndpointSyntax>($"""<inboundEndpoint {Ns} name="Custom" class="org.example.Poller" sequence="s" onError="f"><parameters/></inboundEndpoint>""");

        Assert.Equal("org.example.Poller", inbound.ClassName);
        Assert.Null(inbound.Protocol);
        Assert.Null(inbound.Sequential);
    }

    [Fact]
    public void Message_store_and_processor()
    {
        var store = Artifact<MessageStoreSyntax>($"""
            <messageStore {Ns} name="JmsStore" class="org.apache.synapse.message.store.impl.jms.JmsStore">
              <parameter name="store.jms.destination">orders</parameter>
              <parameter name="store.producer.guaranteed.delivery.enable">false</parameter>
            </messageStore>
            """);
        Assert.Equal(("JmsStore", "org.apache.synapse.message.store.impl.jms.JmsStore"), (store.Name, store.ClassName));
        Assert.Equal(("store.jms.destination", "orders"), (store.Parameters[0].Name, store.Parameters[0].Text));

        var processor = Artifact<MessageProcessorSyntax>($"""
            <messageProcessor {Ns} name="Forwarder" class="org.apache.synapse.message.processor.impl.forwarder.ScheduledMessageForwardingProcessor"
                              messageStore="JmsStore" targetEndpoint="OrdersEP">
              <parameter name="interval">1000</parameter>
              <parameter name="max.delivery.attempts">4</parameter>
            </messageProcessor>
            """);
        Assert.Equal(("JmsStore", "OrdersEP"), (processor.MessageStore, processor.TargetEndpoint));
        Assert.Equal(2, processor.Parameters.Length);
    }

    [Fact]
    public void Task_with_cron_trigger_and_inline_xml_property()
    {
        var task = Artifact<TaskSyntax>($"""
            <task {Ns} name="Heartbeat" class="org.apache.synapse.startup.tasks.MessageInjector" group="synapse.simple.quartz" pinnedServers="a b">
              <trigger cron="0/5 * * * * ?"/>
              <property xmlns:task="http://www.wso2.org/products/wso2commons/tasks" name="injectTo" value="sequence"/>
              <property name="message"><m0:getQuote xmlns:m0="http://services.samples"><m0:symbol>IBM</m0:symbol></m0:getQuote></property>
            </task>
            """);

        Assert.Equal(("Heartbeat", "org.apache.synapse.startup.tasks.MessageInjector", "synapse.simple.quartz"), (task.Name, task.ClassName, task.Group));
        Assert.Equal<string>(["a", "b"], task.PinnedServers);
        Assert.Equal("0/5 * * * * ?", task.Trigger?.Cron);
        Assert.Null(task.Trigger?.IntervalSeconds);
        Assert.Equal(("injectTo", "sequence"), (task.Properties[0].Name, task.Properties[0].Value));
        Assert.Null(task.Properties[1].Value);
        Assert.Contains("<m0:symbol>IBM</m0:symbol>", task.Properties[1].Xml);
    }

    [Fact]
    public void Task_with_interval_and_once_triggers()
    {
        var interval = Artifact<TaskSyntax>($"""<task {Ns} name="t"><trigger count="10" interval="5"/></task>""");
        Assert.Equal((10, 5L, false), (interval.Trigger?.Count, interval.Trigger?.IntervalSeconds, interval.Trigger!.Once));

        var once = Artifact<TaskSyntax>($"""<task {Ns} name="t"><trigger once="true"/></task>""");
        Assert.True(once.Trigger?.Once);
    }

    [Fact]
    public void Local_entry_text_xml_and_src()
    {
        Assert.Equal("hello", Artifact<LocalEntrySyntax>($"""<localEntry {Ns} key="t">hello</localEntry>""").Text);
        Assert.Equal("http://x/y.xsl", Artifact<LocalEntrySyntax>($"""<localEntry {Ns} key="s" src="http://x/y.xsl"/>""").Src);
        var xml = Artifact<LocalEntrySyntax>($"""<localEntry {Ns} key="x"><description>doc</description><a xmlns=""><b/></a></localEntry>""");
        Assert.Equal("doc", xml.Description);
        Assert.StartsWith("<a", xml.Xml);
    }

    [Fact]
    public void Event_source()
    {
        var source = Artifact<EventSourceSyntax>($"""
            <eventSource {Ns} name="SampleEventSource">
              <subscriptionManager class="org.apache.synapse.eventing.managers.DefaultInMemorySubscriptionManager">
                <property name="topicHeaderName" value="Topic"/>
              </subscriptionManager>
              <subscription id="mySubscription">
                <filter source="synapse/event/test" dialect="http://synapse.apache.org/eventing/dialect/topicFilter"/>
                <endpoint><address uri="http://localhost:9000/services/SimpleStockQuoteService"/></endpoint>
                <expires>2030-06-27T21:07:00.000-08:00</expires>
              </subscription>
            </eventSource>
            """);

        Assert.Equal("org.apache.synapse.eventing.managers.DefaultInMemorySubscriptionManager", source.SubscriptionManagerClass);
        Assert.Equal(("topicHeaderName", "Topic"), (source.SubscriptionManagerProperties[0].Name, source.SubscriptionManagerProperties[0].Value));
        var subscription = Assert.Single(source.Subscriptions);
        Assert.Equal(("mySubscription", "synapse/event/test"), (subscription.Id, subscription.FilterSource));
        Assert.Equal("http://localhost:9000/services/SimpleStockQuoteService", subscription.EndpointUri);
        Assert.StartsWith("2030", subscription.Expires);
    }

    [Fact]
    public void Registry_import_task_manager_and_priority_executor()
    {
        var registry = Artifact<RegistrySyntax>($"""<registry {Ns} provider="org.wso2.carbon.mediation.registry.WSO2Registry"><parameter name="cachableDuration">15000</parameter></registry>""");
        Assert.Equal("org.wso2.carbon.mediation.registry.WSO2Registry", registry.Provider);
        Assert.Equal(("cachableDuration", "15000"), (registry.Parameters[0].Name, registry.Parameters[0].Text));

        var import = Artifact<ImportSyntax>($"""<import {Ns} name="salesforce" package="org.wso2.carbon.connector" status="enabled"/>""");
        Assert.Equal(("salesforce", "org.wso2.carbon.connector", "enabled"), (import.Name, import.Package, import.Status));

        var manager = Artifact<TaskManagerSyntax>($"""<taskManager {Ns} provider="org.wso2.carbon.mediation.ntask.NTaskTaskManager"/>""");
        Assert.Equal("org.wso2.carbon.mediation.ntask.NTaskTaskManager", manager.Provider);

        var executor = Artifact<PriorityExecutorSyntax>($"""
            <priorityExecutor {Ns} name="exec"><queues isFixedSize="true"><queue size="100" priority="1"/><queue size="50" priority="10"/></queues><threads max="100" core="20" keep-alive="5"/></priorityExecutor>
            """);
        Assert.Equal([(1, 100), (10, 50)], executor.Queues.Select(q => (q.Priority!.Value, q.Size!.Value)));
        Assert.Equal((100, 20, 5), (executor.MaxThreads, executor.CoreThreads, executor.KeepAliveSeconds));
        Assert.True(executor.IsFixedSize);
    }

    [Fact]
    public void Unknown_children_of_artifacts_are_kept_and_reported()
    {
        var proxy = Artifact<ProxySyntax>($"""<proxy {Ns} name="P"><target><inSequence/></target><mystery a="1"><deep/></mystery></proxy>""", out var diagnostics);

        var unknown = Assert.Single(proxy.Unknown);
        Assert.Equal("mystery", unknown.Name);
        Assert.Equal<string>(["SB0101"], Ids(diagnostics));
    }

    [Fact]
    public void Bad_values_fall_back_with_a_warning()
    {
        var proxy = Artifact<ProxySyntax>($"""<proxy {Ns} name="P" startOnLoad="maybe" trace="loud"><target/></proxy>""", out var diagnostics);

        Assert.True(proxy.StartOnLoad);
        Assert.False(proxy.Trace);
        Assert.Equal<string>(["SB0103", "SB0103"], Ids(diagnostics).Order());
    }

    [Fact]
    public void Proxies_tasks_and_templates_are_translated_and_endpoint_templates_are_expanded_where_used()
    {
        var diagnostics = new DiagnosticBag();
        var document = SynapseParser.ParseText("defs.xml", $"""
            <definitions {Ns}>
              <proxy name="P"><target><inSequence><drop/></inSequence></target></proxy>
              <template name="T"><sequence><drop/></sequence></template>
              <template name="E"><endpoint name="$name"><address uri="http://$host/"/></endpoint></template>
              <task name="K"><trigger once="true"/></task>
            </definitions>
            """, diagnostics)!;

        var package = Lowerer.Lower([document], diagnostics);

        // An endpoint template is expanded into each endpoint that uses it (none here): it is no TODO of its own.
        Assert.Empty(package.Pending);
        Assert.Equal(0, diagnostics.Items.Count(d => d.Id == "SB0202"));
        var job = Assert.Single(package.Jobs);
        Assert.Equal(("K", 1), (job.TaskName, job.Schedule?.Count));
        // The proxy's service and the services at its Axis2 endpoint addresses all run its in flow function.
        var proxies = package.Services.Where(s => s.Kind == ServiceKind.Proxy).ToList();
        Assert.Equal(["/services/P", "/services/P.PHttpSoap11Endpoint", "/services/P.PHttpSoap12Endpoint", "/services/P.PHttpEndpoint"], proxies.Select(p => p.BasePath));
        Assert.All(proxies, p => Assert.Equal("P", p.Name));
        var flow = Assert.IsType<ContinueWithStep>(Assert.Single(Assert.Single(proxies[0].Resources).Body));
        Assert.IsType<AcceptStep>(Assert.Single(Assert.Single(package.Functions, f => f.Name == flow.Function).Body));
        var template = Assert.Single(package.Functions, f => f.Name.Hint == "T");
        Assert.True(template.CanStop);
    }

    [Fact]
    public void Recipient_lists_still_produce_no_client()
    {
        var diagnostics = new DiagnosticBag();
        var document = SynapseParser.ParseText("ep.xml", $"""
            <endpoint {Ns} name="Group"><recipientlist><endpoint><address uri="http://a"/></endpoint></recipientlist></endpoint>
            """, diagnostics)!;

        var package = Lowerer.Lower([document], diagnostics);

        Assert.Empty(package.Clients);
        var diagnostic = Assert.Single(diagnostics.Items, d => d.Id == "SB0205");
        Assert.Contains("recipientlist", diagnostic.GetMessage());
    }
}
