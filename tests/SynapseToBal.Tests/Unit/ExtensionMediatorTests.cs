using SynapseToBal.Diagnostics;
using SynapseToBal.Syntax;
using Xunit;
using static SynapseToBal.Tests.Unit.MediatorParsing;

namespace SynapseToBal.Tests.Unit;

public sealed class ExtensionMediatorTests
{
    [Fact]
    public void Class_reads_name_properties_and_mi_4_4_inputs()
    {
        var mediator = Single<ClassMediator>("""
            <class name="com.example.Stamp" method="stamp" target="variable" target-variable="stamped">
              <property name="prefix" value="ORD-"/>
              <property name="config"><settings><mode>fast</mode></settings></property>
              <inputs><argument name="id" value="42"/></inputs>
            </class>
            """);
        Assert.Equal("com.example.Stamp", mediator.ClassName);
        Assert.Equal("stamp", mediator.Method);
        Assert.Equal("variable", mediator.ResultTarget);
        Assert.Equal("stamped", mediator.TargetVariable);
        Assert.Equal("ORD-", Literal(mediator.Properties[0].Value));
        // The element keeps the Synapse namespace it inherits (cloneOMElement keeps it), declared on the text.
        Assert.Equal("<settings xmlns=\"http://ws.apache.org/ns/synapse\"><mode>fast</mode></settings>", InlineXml(mediator.Properties[1].Value));
        Assert.Equal("42", Literal(Assert.Single(mediator.Inputs).Value));
    }

    [Fact]
    public void Pojo_command_reads_property_bindings()
    {
        var command = Single<PojoCommandMediator>("""
            <pojoCommand name="com.example.Command">
              <property name="symbol" expression="//symbol" action="ReadMessage"/>
              <property name="limit" value="5"/>
              <property name="result" context-name="res" action="UpdateContext"/>
            </pojoCommand>
            """);
        Assert.Equal("com.example.Command", command.ClassName);
        Assert.False(command.Annotated);
        Assert.Equal("//symbol", command.Properties[0].Expression!.Text);
        Assert.Equal("ReadMessage", command.Properties[0].Action);
        Assert.Equal("5", Literal(command.Properties[1].Value));
        Assert.Equal("res", command.Properties[2].ContextName);

        Assert.Equal("annotatedCommand", Single<PojoCommandMediator>("""<annotatedCommand name="c.C"/>""").ElementName);
    }

    [Fact]
    public void Spring_and_bean_read_their_attributes()
    {
        var spring = Single<SpringMediator>("""<spring bean="quoteBean" key="conf:/spring.xml"/>""");
        Assert.Equal("quoteBean", spring.Bean);
        Assert.Equal("conf:/spring.xml", spring.ConfigKey!.Text);

        var create = Single<BeanMediator>("""<bean action="CREATE" class="com.example.Location" var="loc" replace="false"/>""");
        Assert.Equal(BeanAction.Create, create.Action);
        Assert.Equal("loc", create.Var);
        Assert.Equal("com.example.Location", create.ClassName);
        Assert.False(create.Replace);

        var set = Single<BeanMediator>("""<bean action="SET_PROPERTY" var="loc" property="latitude" value="{//lat}"/>""");
        Assert.Equal(BeanAction.SetProperty, set.Action);
        Assert.Equal("//lat", Expression(set.Value).Text);

        var odd = Single<BeanMediator>("""<bean action="DESTROY" var="loc"/>""", out var diagnostics);
        Assert.Null(odd.Action);
        Assert.Contains(DiagnosticCatalog.InvalidAttribute.Id, Ids(diagnostics));
    }

    [Fact]
    public void Ejb_reads_bean_settings_and_arguments()
    {
        var ejb = Single<EjbMediator>("""
            <ejb beanstalk="jack" class="com.example.Store" method="getClosest" target="store" sessionId="{get-property('SESSION')}" jndiName="StoreBean">
              <args><arg value="{//lat}"/><arg value="10"/></args>
            </ejb>
            """);
        Assert.Equal("jack", ejb.Beanstalk);
        Assert.Equal("com.example.Store", ejb.ClassName);
        Assert.Equal("getClosest", ejb.Method);
        Assert.Equal("store", ejb.Target);
        Assert.Equal("StoreBean", ejb.JndiName);
        Assert.Equal("get-property('SESSION')", Expression(ejb.BeanId).Text);
        Assert.Equal("//lat", Expression(ejb.Arguments[0]).Text);
        Assert.Equal("10", Literal(ejb.Arguments[1]));
    }

    [Fact]
    public void Entitlement_reads_settings_and_its_four_flows()
    {
        var entitlement = Single<EntitlementMediator>("""
            <entitlementService remoteServiceUrl="https://pdp/services" remoteServiceUserName="admin" remoteServicePassword="enc:xyz"
                                callbackClass="cb.Handler" client="basicAuth" maxCacheEntries="100" advice="adviceSeq">
              <onReject><drop/></onReject>
              <onAccept><send/></onAccept>
              <obligations/>
            </entitlementService>
            """);
        Assert.Equal("https://pdp/services", entitlement.RemoteServiceUrl);
        Assert.Equal("admin", entitlement.RemoteServiceUserName);
        Assert.Equal("enc:xyz", entitlement.RemoteServicePassword);
        Assert.Equal("cb.Handler", entitlement.CallbackClass);
        Assert.Equal("basicAuth", entitlement.Client);
        Assert.Equal(100, entitlement.MaxCacheEntries);
        Assert.IsType<DropMediator>(Assert.Single(entitlement.OnReject!.Mediators));
        Assert.IsType<SendMediator>(Assert.Single(entitlement.OnAccept!.Mediators));
        Assert.Empty(entitlement.Obligations!.Mediators);
        Assert.Equal("adviceSeq", entitlement.Advice!.SequenceKey!.Text);
    }

    [Fact]
    public void Oauth_kerberos_and_ntlm_read_their_credentials()
    {
        var oauth = Single<OAuthMediator>("""<oauthService remoteServiceUrl="https://is/services" username="admin" password="pw"/>""");
        Assert.Equal("https://is/services", oauth.RemoteServiceUrl);
        Assert.Equal("admin", oauth.Username);
        Assert.Equal("pw", oauth.Password);

        var kerberos = Single<KerberosMediator>("""<kerberosService clientPrincipal="client@EXAMPLE.COM" password="pw" krb5Config="krb5.conf"><spn key="conf:/spn"/></kerberosService>""");
        Assert.Equal("client@EXAMPLE.COM", kerberos.ClientPrincipal);
        Assert.Equal("krb5.conf", kerberos.Krb5Config);
        Assert.Equal("conf:/spn", kerberos.SpnKey!.Text);

        var ntlm = Single<NtlmMediator>("""<NTLM username="{$ctx:user}" password="pw" host="h" domain="d" ntlmVersion="v2"/>""");
        Assert.Equal("NTLM", ntlm.ElementName);
        Assert.Equal("$ctx:user", Expression(ntlm.Username).Text);
        Assert.Equal("d", Literal(ntlm.Domain));
    }

    [Fact]
    public void Publish_event_reads_stream_sink_and_attribute_groups()
    {
        var publish = Single<PublishEventMediator>("""
            <publishEvent async="false" timeout="1000">
              <eventSink>analytics</eventSink>
              <streamName>orders</streamName>
              <streamVersion>1.0.0</streamVersion>
              <attributes>
                <meta><attribute name="host" type="STRING" value="localhost"/></meta>
                <correlation/>
                <payload><attribute name="amount" type="DOUBLE" expression="//amount" defaultValue="0"/></payload>
                <arbitrary/>
              </attributes>
            </publishEvent>
            """);
        Assert.False(publish.Async);
        Assert.Equal(1000, publish.Timeout);
        Assert.Equal("analytics", publish.EventSink);
        Assert.Equal("orders", publish.StreamName);
        Assert.Equal("1.0.0", publish.StreamVersion);
        Assert.Equal("host", Assert.Single(publish.Meta).Name);
        var amount = Assert.Single(publish.Payload);
        Assert.Equal("//amount", Expression(amount.Value).Text);
        Assert.Equal("0", amount.DefaultValue);
        Assert.Empty(publish.Correlation);
    }

    [Fact]
    public void Event_and_bam_read_their_settings()
    {
        var @event = Single<EventMediator>("""<event topic="{$ctx:topic}" expression="//payload"/>""");
        Assert.True(@event.Topic!.IsDynamic);
        Assert.Equal("//payload", @event.Expression!.Text);

        var bam = Single<BamMediator>("""<bam><serverProfile name="bamProfile"><streamConfig name="stream" version="1.0.0"/></serverProfile></bam>""");
        Assert.Equal("bamProfile", bam.ServerProfile);
        Assert.Equal("stream", bam.StreamName);
        Assert.Equal("1.0.0", bam.StreamVersion);
    }

    [Fact]
    public void Rule_keeps_its_parts_as_xml()
    {
        var rule = Single<RuleMediator>("""
            <rule xmlns="http://wso2.org/carbon/rules">
              <source>soapBody</source>
              <target action="replace" resultXpath="//accept">$accept</target>
              <ruleSet><properties/><rule resourceType="regular" sourceType="inline"><![CDATA[rule "a" when then end]]></rule></ruleSet>
              <input namespace="urn:in" wrapperElementName="getQuote"><fact elementName="symbol" type="java.lang.String"/></input>
              <output namespace="urn:out" wrapperElementName="result"><fact elementName="accept" type="java.lang.String"/></output>
            </rule>
            """);
        Assert.Equal("rule", rule.ElementName);
        Assert.Equal("<source>soapBody</source>", rule.SourceXml);
        Assert.Contains("resultXpath", rule.TargetXml, StringComparison.Ordinal);
        Assert.Contains("CDATA", rule.RuleSetXml, StringComparison.Ordinal);
        Assert.Contains("getQuote", rule.InputXml, StringComparison.Ordinal);
        Assert.Contains("accept", rule.OutputXml, StringComparison.Ordinal);
    }

    [Fact]
    public void Opa_reads_its_settings()
    {
        var opa = Single<OpaMediator>("""
            <opa>
              <serverUrl>http://opa:8181</serverUrl>
              <policy>authz</policy>
              <rule>allow</rule>
              <additionalParameters><parameter name="timeout">30</parameter></additionalParameters>
            </opa>
            """);
        Assert.Equal("http://opa:8181", opa.ServerUrl);
        Assert.Equal("authz", opa.Policy);
        Assert.Equal("allow", opa.Rule);
        Assert.Equal("30", Literal(Assert.Single(opa.AdditionalParameters).Value));
    }

    [Fact]
    public void Connector_operation_reads_connector_operation_config_key_and_ordered_parameters()
    {
        var operation = Single<ConnectorOperationMediator>("""
            <salesforce.query configKey="SF_CONNECTION" regex="urn:query">
              <batchSize>200</batchSize>
              <queryString>{$ctx:soql}</queryString>
              <body type="json">{"a": 1} </body>
              <record><Account><Name>Acme</Name></Account></record>
            </salesforce.query>
            """);
        Assert.Equal("salesforce", operation.Connector);
        Assert.Equal("query", operation.Operation);
        Assert.Equal("salesforce.query", operation.ElementName);
        Assert.Equal("SF_CONNECTION", operation.ConfigKey);
        Assert.False(operation.IsInit);
        Assert.Equal(["batchSize", "queryString", "body", "record"], operation.Parameters.Select(p => p.Name));
        Assert.Equal("200", Literal(operation.Parameters[0].Value));
        Assert.Equal("$ctx:soql", Expression(operation.Parameters[1].Value).Text);
        Assert.Equal("""{"a": 1} """, Literal(operation.Parameters[2].Value));
        Assert.Equal("json", Literal(Assert.Single(operation.Parameters[2].Attributes).Value));
        Assert.Equal("<Account><Name>Acme</Name></Account>", InlineXml(operation.Parameters[3].Value));
        Assert.Equal("regex", Assert.Single(operation.Attributes).Name);
    }

    [Fact]
    public void Connector_init_is_a_connector_operation()
    {
        var init = Single<ConnectorOperationMediator>("""<gmail.init><userId>me</userId><accessToken>{$ctx:token}</accessToken></gmail.init>""");
        Assert.True(init.IsInit);
        Assert.Equal("gmail", init.Connector);
        Assert.Null(init.ConfigKey);
        Assert.Equal(2, init.Parameters.Length);
    }

    [Fact]
    public void Elements_that_are_not_mediators_stay_unknown()
    {
        var unknown = Single<UnknownMediator>("""<endpoint><address uri="http://x"/></endpoint>""", out var diagnostics);
        Assert.Equal("endpoint", unknown.Name);
        Assert.DoesNotContain(DiagnosticCatalog.ElementNotRepresented.Id, Ids(diagnostics));
    }
}
