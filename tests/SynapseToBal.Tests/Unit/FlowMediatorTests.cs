using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Lowering;
using SynapseToBal.Syntax;
using Xunit;
using static SynapseToBal.Tests.Unit.MediatorParsing;

namespace SynapseToBal.Tests.Unit;

public sealed class FlowMediatorTests
{
    [Fact]
    public void Variable_reads_name_action_value_and_type()
    {
        var set = Single<VariableMediator>("""<variable name="count" expression="${payload.items.length()}" type="INTEGER"/>""");
        Assert.Equal("count", set.Name);
        Assert.Equal(PropertyAction.Set, set.Action);
        Assert.Equal("INTEGER", set.Type);
        Assert.Equal(ExpressionLanguage.Synapse, Expression(set.Value).Language);

        var remove = Single<VariableMediator>("""<variable name="count" action="remove"/>""");
        Assert.Equal(PropertyAction.Remove, remove.Action);
        Assert.Null(remove.Value);
    }

    [Fact]
    public void Property_group_holds_property_mediators_in_order()
    {
        var group = Single<PropertyGroupMediator>("""
            <propertyGroup>
              <property name="a" value="1"/>
              <property name="b" expression="$ctx:a" scope="transport"/>
            </propertyGroup>
            """);
        Assert.Equal(["a", "b"], group.Properties.Select(p => p.Name));
        Assert.Equal("transport", group.Properties[1].Scope);
    }

    [Fact]
    public void Makefault_reads_version_code_reason_role_and_inline_detail()
    {
        var fault = Single<MakeFaultMediator>("""
            <makefault version="soap12" response="true" xmlns:soap12Env="http://www.w3.org/2003/05/soap-envelope">
              <code value="soap12Env:Receiver"/>
              <reason expression="get-property('ERROR_MESSAGE')"/>
              <node>http://node</node>
              <role>http://role</role>
              <detail><error><code>42</code></error></detail>
            </makefault>
            """);
        Assert.Equal(FaultVersion.Soap12, fault.Version);
        Assert.True(fault.Response);
        Assert.Equal("soap12Env:Receiver", Literal(fault.Code));
        Assert.Equal("get-property('ERROR_MESSAGE')", Expression(fault.Reason).Text);
        Assert.Equal("http://node", fault.Node);
        Assert.Equal("http://role", fault.Role);
        Assert.Equal("<error><code>42</code></error>", InlineXml(fault.Detail));
    }

    [Fact]
    public void Makefault_with_an_unknown_version_is_reported_and_falls_back_to_soap11()
    {
        var fault = Single<MakeFaultMediator>("""<makefault version="soap13"><code value="x"/><reason value="r"/></makefault>""", out var diagnostics);
        Assert.Equal(FaultVersion.Soap11, fault.Version);
        Assert.Contains(DiagnosticCatalog.InvalidAttribute.Id, Ids(diagnostics));
    }

    [Fact]
    public void Throw_error_reads_type_and_a_dynamic_message()
    {
        var error = Single<ThrowErrorMediator>("""<throwError type="VALIDATION" errorMessage="{$ctx:reason}"/>""");
        Assert.Equal("VALIDATION", error.Type);
        Assert.Equal("$ctx:reason", Expression(error.ErrorMessage).Text);

        var synapse = Single<ThrowErrorMediator>("""<throwError errorMessage="{${payload.error}}"/>""");
        Assert.Equal(ExpressionLanguage.Synapse, Expression(synapse.ErrorMessage).Language);

        var literal = Single<ThrowErrorMediator>("""<throwError errorMessage="Bad input"/>""");
        Assert.Equal("Bad input", Literal(literal.ErrorMessage));
    }

    [Fact]
    public void New_mediator_nodes_are_lowered_to_todos_with_their_element_name()
    {
        var diagnostics = new DiagnosticBag();
        var document = Document("""<xquery key="transform"/><log/>""", diagnostics);
        var package = Lowerer.Lower([document], diagnostics);
        var body = Assert.Single(package.Functions).Body;
        var todo = Assert.IsType<TodoStep>(body[0]);
        Assert.Equal("SB0231", todo.Reason.Descriptor.Id);
        Assert.IsType<LogStep>(body[1]);
        var notTranslated = Assert.Single(diagnostics.Items, d => d.Id == DiagnosticCatalog.MediatorNeedsCode.Id);
        Assert.Contains("<xquery>", notTranslated.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void Variables_are_lowered_to_their_own_map()
    {
        var diagnostics = new DiagnosticBag();
        var document = Document("""<variable name="x" value="1" type="INTEGER"/><variable name="x" action="remove"/>""", diagnostics);
        var body = Assert.Single(Lowerer.Lower([document], diagnostics).Functions).Body;
        var set = Assert.IsType<SetVariableStep>(body[0]);
        Assert.Equal(("x", ValueKind.Integer), (set.Name, set.Value.Kind));
        Assert.Equal("x", Assert.IsType<RemoveVariableStep>(body[1]).Name);
        Assert.Empty(diagnostics.Items);
    }

    [Fact]
    public void Call_template_reads_target_on_error_and_parameters()
    {
        var call = Single<CallTemplateMediator>("""
            <call-template target="sendMail" onError="mailFault">
              <with-param name="to" value="ops@example.com"/>
              <with-param name="subject" value="{$ctx:subject}"/>
              <with-param name="body" value="{${payload.text}}"/>
              <with-param name="escaped" value="{{not evaluated}}"/>
            </call-template>
            """);
        Assert.Equal("sendMail", call.Target);
        Assert.Equal("mailFault", call.OnError);
        Assert.Equal(["to", "subject", "body", "escaped"], call.Parameters.Select(p => p.Name));
        Assert.Equal("ops@example.com", Literal(call.Parameters[0].Value));
        Assert.Equal("$ctx:subject", Expression(call.Parameters[1].Value).Text);
        Assert.Equal(ExpressionLanguage.Synapse, Expression(call.Parameters[2].Value).Language);
        Assert.Equal("{{not evaluated}}", Literal(call.Parameters[3].Value));
    }

    [Fact]
    public void A_call_template_with_an_empty_target_is_reported_and_stays_a_todo()
    {
        // InvokeMediatorFactory refuses an empty target: the Micro Integrator does not deploy the artifact.
        var diagnostics = new DiagnosticBag();
        var document = Document("""<call-template target=""/><log/>""", diagnostics);
        var invalid = Assert.Single(diagnostics.Items, d => d.Id == DiagnosticCatalog.InvalidAttribute.Id);
        Assert.Contains("does not deploy the artifact", invalid.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var body = Assert.Single(Lowerer.Lower([document], diagnostics).Functions).Body;
        var todo = Assert.IsType<TodoStep>(body[0]);
        Assert.Equal(DiagnosticCatalog.InvalidAttribute, todo.Reason.Descriptor);
        Assert.Contains("names no target", todo.Reason.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Store_reads_static_and_dynamic_store_names()
    {
        var store = Single<StoreMediator>("""<store messageStore="orders" sequence="onStored"/>""");
        Assert.Equal("orders", store.MessageStore!.Text);
        Assert.False(store.MessageStore.IsDynamic);
        Assert.Equal("onStored", store.Sequence!.Text);

        var dynamic = Single<StoreMediator>("""<store messageStore="{$ctx:storeName}"/>""");
        Assert.True(dynamic.MessageStore!.IsDynamic);
    }

    [Fact]
    public void Enqueue_and_event_publisher_read_their_attributes()
    {
        var enqueue = Single<EnqueueMediator>("""<enqueue executor="exec" priority="2" sequence="later"/>""");
        Assert.Equal("exec", enqueue.Executor);
        Assert.Equal(2, enqueue.Priority);
        Assert.Equal("later", enqueue.Sequence!.Text);

        var publisher = Single<EventPublisherMediator>("""<eventPublisher eventSourceName="stockEvents"/>""");
        Assert.Equal("stockEvents", publisher.EventSourceName);
    }

    [Fact]
    public void Validate_reads_schemas_resources_features_and_the_on_fail_flow()
    {
        var validate = Single<ValidateMediator>("""
            <validate source="//order" cache-schema="false">
              <schema key="orderSchema"/>
              <resource location="types.xsd" key="typesSchema"/>
              <feature name="http://javax.xml.XMLConstants/feature/secure-processing" value="true"/>
              <on-fail><makefault><code value="tns:Receiver"/><reason value="invalid"/></makefault><respond/></on-fail>
            </validate>
            """);
        Assert.Equal("//order", validate.Source!.Text);
        Assert.False(validate.CacheSchema);
        Assert.Equal("orderSchema", Assert.Single(validate.Schemas).Text);
        Assert.Equal("types.xsd", Assert.Single(validate.Resources).ResourceLocation);
        Assert.True(Assert.Single(validate.Features).Value);
        Assert.IsType<MakeFaultMediator>(validate.OnFail[0]);
        Assert.IsType<RespondMediator>(validate.OnFail[1]);
    }

    [Fact]
    public void Callout_reads_service_source_target_configuration_and_security()
    {
        var callout = Single<CalloutMediator>("""
            <callout serviceURL="http://localhost:9000/services/Quote" action="urn:getQuote" initAxis2ClientOptions="false" xmlns:s="http://services.samples">
              <configuration axis2xml="axis2.xml" repository="repo"/>
              <source xpath="s11:Body/child::*[fn:position()=1]"/>
              <target key="response"/>
              <enableSec policy="sec_policy"/>
            </callout>
            """);
        Assert.Equal("http://localhost:9000/services/Quote", callout.ServiceUrl);
        Assert.Equal("urn:getQuote", callout.Action);
        Assert.False(callout.InitAxis2ClientOptions);
        Assert.Equal("axis2.xml", callout.Axis2Xml);
        Assert.Equal("repo", callout.Repository);
        Assert.StartsWith("s11:Body", callout.Source!.XPath!.Text, StringComparison.Ordinal);
        Assert.Equal("response", callout.Target!.Key);
        Assert.Equal("sec_policy", callout.Security!.Policy);

        var withEndpoint = Single<CalloutMediator>("""<callout><endpoint><address uri="http://x"/></endpoint><source type="envelope"/></callout>""");
        Assert.IsType<EndpointReferenceSyntax.Inline>(withEndpoint.Endpoint);
        Assert.Equal("envelope", withEndpoint.Source!.Type);
    }
}
