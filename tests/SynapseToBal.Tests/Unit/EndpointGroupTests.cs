using System.Globalization;
using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Lowering;
using SynapseToBal.Syntax;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// Failover and loadbalance endpoints as the runtime's EndpointGroup: the members' own states (EndpointContext),
/// dynamic and static failover, loadbalance failover, retryConfig, member addressing and FORCE_ERROR_ON_SOAP_FAULT
/// (FailoverEndpoint, LoadbalanceEndpoint, AbstractEndpoint.isRetry, SynapseCallbackReceiver).
/// </summary>
public sealed class EndpointGroupTests
{
    private static PackageIr Lower(string artifacts, out DiagnosticBag diagnostics)
    {
        diagnostics = new DiagnosticBag();
        var document = SynapseParser.ParseText("artifacts.xml", $"<definitions xmlns=\"http://ws.apache.org/ns/synapse\">{artifacts}</definitions>", diagnostics);
        Assert.NotNull(document);
        return Lowerer.Lower([document], diagnostics);
    }

    private static List<StepIr> Steps(PackageIr package) =>
        IrWalker.Steps(package.Services.SelectMany(s => s.Resources).SelectMany(r => r.Body).Concat(package.Functions.SelectMany(f => f.Body))).ToList();

    private static List<string> NotTranslated(DiagnosticBag diagnostics) =>
        diagnostics.Items.Where(d => d.Id == DiagnosticCatalog.AttributeNotTranslated.Id).Select(d => d.GetMessage(CultureInfo.InvariantCulture)).ToList();

    [Fact]
    public void Each_member_keeps_its_own_settings_timeout_retry_codes_and_addressing()
    {
        var package = Lower("""
            <endpoint name="F"><failover>
              <endpoint name="a"><address uri="http://a.example.com">
                <timeout><duration>3000</duration></timeout>
                <suspendOnFailure><errorCodes>101503</errorCodes><initialDuration>2000</initialDuration></suspendOnFailure>
                <retryConfig><disabledErrorCodes>101504</disabledErrorCodes></retryConfig>
              </address></endpoint>
              <endpoint name="b"><address uri="http://b.example.com">
                <enableAddressing version="final"/>
                <suspendOnFailure><errorCodes>-1</errorCodes></suspendOnFailure>
                <markForSuspension><errorCodes>-1</errorCodes></markForSuspension>
                <retryConfig><enabledErrorCodes>101503, 101505</enabledErrorCodes></retryConfig>
              </address></endpoint>
              <endpoint><address uri="http://c.example.com"/></endpoint>
            </failover></endpoint>
            <sequence name="s"><call><endpoint key="F"/></call></sequence>
            """, out var diagnostics);

        var call = Assert.Single(Steps(package).OfType<CallStep>());
        var group = call.Client.Group;
        Assert.NotNull(group?.State);
        Assert.Equal("F", group.EndpointName);
        Assert.True(group.Dynamic);
        Assert.Equal(["a", "b", "AnonymousEndpoint"], group.Members.Select(m => m.EndpointName));
        Assert.Equal([3m, 120m, 120m], group.Members.Select(m => m.TimeoutSeconds));
        Assert.Equal(2000, group.Members[0].Settings?.InitialDurationMillis);
        Assert.Equal([false, true, false], group.Members.Select(m => m.NeverSuspended));
        Assert.Null(group.Members[2].Settings);
        Assert.Equal([101504], group.Members[0].RetryDisabledCodes.ToArray());
        Assert.Equal([101503, 101505], group.Members[1].RetryEnabledCodes.ToArray());
        Assert.Equal([null, WsAddressingVersion.Final, null], group.Members.Select(m => m.Addressing));

        // What the EndpointGroup now keeps is no longer reported as not translated.
        var warnings = NotTranslated(diagnostics);
        Assert.DoesNotContain(warnings, w => w.Contains("dynamic=", StringComparison.Ordinal));
        Assert.DoesNotContain(warnings, w => w.Contains("suspendOnFailure", StringComparison.Ordinal));
        Assert.DoesNotContain(warnings, w => w.Contains("enableAddressing", StringComparison.Ordinal));
        Assert.DoesNotContain(warnings, w => w.Contains("disabledErrorCodes", StringComparison.Ordinal));
    }

    [Fact]
    public void Static_failover_and_a_loadbalance_without_failover_are_kept_as_such()
    {
        var package = Lower("""
            <endpoint name="S"><failover dynamic="false">
              <endpoint><address uri="http://a.example.com"/></endpoint><endpoint><address uri="http://b.example.com"/></endpoint>
            </failover></endpoint>
            <endpoint name="L"><loadbalance failover="false">
              <endpoint><address uri="http://a.example.com"/></endpoint><endpoint><address uri="http://b.example.com"/></endpoint>
            </loadbalance></endpoint>
            <sequence name="s"><call><endpoint key="S"/></call><call><endpoint key="L"/></call></sequence>
            """, out _);

        var groups = Steps(package).OfType<CallStep>().Select(c => c.Client.Group).ToList();
        Assert.Equal([ClientGroupKind.Failover, ClientGroupKind.LoadBalance], groups.Select(g => g!.Kind));
        Assert.False(groups[0]!.Dynamic);
        Assert.True(groups[0]!.RetryNextMember);
        Assert.False(groups[1]!.RetryNextMember);
    }

    // SynapseCallbackReceiver hands a SOAP fault to the member's handleFault (AddressEndpoint.onFault, then the
    // group's onChildEndpointFail): the group call checks each member's response, no separate check follows it.
    [Fact]
    public void Force_error_on_soap_fault_is_checked_per_member_of_a_group_and_before_a_tracked_state()
    {
        var package = Lower("""
            <endpoint name="F"><failover>
              <endpoint><address uri="http://a.example.com"/></endpoint><endpoint><address uri="http://b.example.com"/></endpoint>
            </failover></endpoint>
            <endpoint name="E"><address uri="http://e.example.com"><suspendOnFailure><errorCodes>500000</errorCodes></suspendOnFailure></address></endpoint>
            <endpoint name="P"><address uri="http://p.example.com"><suspendOnFailure><errorCodes>-1</errorCodes></suspendOnFailure><markForSuspension><errorCodes>-1</errorCodes></markForSuspension></address></endpoint>
            <sequence name="s">
              <property name="FORCE_ERROR_ON_SOAP_FAULT" value="true"/>
              <call><endpoint key="F"/></call>
              <call><endpoint key="E"/></call>
              <call><endpoint key="P"/></call>
            </sequence>
            """, out var diagnostics);

        var steps = Steps(package);
        var calls = steps.OfType<CallStep>().ToList();
        Assert.Equal([true, true, false], calls.Select(c => c.SoapFault));
        Assert.Equal([false, true, false], calls.Select(c => c.TracksSuspension));
        var kinds = steps.Select(s => s.GetType()).ToList();
        Assert.Single(steps.OfType<SoapFaultCheckStep>());
        Assert.Equal(typeof(SoapFaultCheckStep), kinds[steps.IndexOf(calls[2]) + 1]);
        Assert.DoesNotContain(NotTranslated(diagnostics), w => w.Contains("FORCE_ERROR_ON_SOAP_FAULT", StringComparison.Ordinal));
    }

    [Fact]
    public void The_generated_calls_go_through_the_endpoint_group_and_blocking_calls_keep_the_group_client()
    {
        var files = ArtifactConversion.Convert(
            """
            <endpoint xmlns="http://ws.apache.org/ns/synapse" name="Quotes"><loadbalance algorithm="org.apache.synapse.endpoints.algorithms.RoundRobin">
              <endpoint name="one"><address uri="http://one.example.com"><suspendOnFailure><errorCodes>101503</errorCodes><initialDuration>1000</initialDuration></suspendOnFailure></address></endpoint>
              <endpoint name="two"><address uri="http://two.example.com"><timeout><duration>5000</duration></timeout></address></endpoint>
            </loadbalance></endpoint>
            """,
            """
            <endpoint xmlns="http://ws.apache.org/ns/synapse" name="Checked"><address uri="http://c.example.com"><suspendOnFailure><errorCodes>500000</errorCodes></suspendOnFailure></address></endpoint>
            """,
            """
            <api xmlns="http://ws.apache.org/ns/synapse" name="A" context="/a"><resource methods="POST"><inSequence>
              <property name="FORCE_ERROR_ON_SOAP_FAULT" value="true"/>
              <call><endpoint key="Quotes"/></call>
              <call blocking="true"><endpoint key="Quotes"/></call>
              <call><endpoint key="Checked"/></call>
              <respond/>
            </inSequence></resource></api>
            """);

        var connections = files["connections.bal"];
        Assert.Contains("""
            final EndpointGroup quotesGroup = check new ("loadbalance", "Quotes", [
                {url: quotesOneUrl, timeout: 120, state: new ("address", "one", {suspendCodes: [101503], initialDuration: 1000})},
                {url: quotesTwoUrl, timeout: 5, state: new ("address", "two", {})}
            ]);
            """.ReplaceLineEndings("\n"), connections, StringComparison.Ordinal);
        Assert.DoesNotContain("http:LoadBalanceClient", connections, StringComparison.Ordinal);
        var main = files["main.bal"];
        Assert.Contains("check callGroup(ctx, quotesGroup, restPostfix(ctx), soapFault = true, headers = passThroughHeaders);", main, StringComparison.Ordinal);
        Assert.Contains("check callGroup(ctx, quotesGroup, restPostfix(ctx), soapFault = true, blocking = true, headers = passThroughHeaders);", main, StringComparison.Ordinal);
        Assert.DoesNotContain("callBlocking(", main, StringComparison.Ordinal);
        Assert.Contains("check callEndpoint(ctx, checked, clientPath(checkedUrl, restPostfix(ctx)), headers = passThroughHeaders, state = checkedSuspension, soapFault = true);", main, StringComparison.Ordinal);
        Assert.DoesNotContain("failOnSoapFault(ctx);", main, StringComparison.Ordinal);
        Assert.Contains("isolated class EndpointGroup", files["support.bal"], StringComparison.Ordinal);
        Assert.Contains("function callGroup(", files["support.bal"], StringComparison.Ordinal);
    }

    [Fact]
    public void A_blocking_call_and_a_callout_go_through_the_group_with_the_blocking_sender()
    {
        // Synapse 2.1.7-wso2v6x on (EI 6.4, every Micro Integrator): CallMediator.handleBlockingCall and CalloutMediator
        // call endpoint.send with BLOCKING_MSG_SENDER set, so FailoverEndpoint picks the member and each member sends
        // with BlockingMsgSender.send(EndpointDefinition, ...): no http:FailoverClient, the group's EndpointGroup.
        var files = ArtifactConversion.Convert(
            """
            <endpoint xmlns="http://ws.apache.org/ns/synapse" name="Quotes"><failover>
              <endpoint><address uri="http://one.example.com"><timeout><duration>2000</duration></timeout></address></endpoint>
              <endpoint><address uri="http://two.example.com"/>
                <property name="non.error.http.status.codes" value="404" scope="axis2"/></endpoint>
            </failover></endpoint>
            """,
            """
            <api xmlns="http://ws.apache.org/ns/synapse" name="A" context="/a"><resource methods="POST"><inSequence>
              <call blocking="true"><endpoint key="Quotes"/></call>
              <callout endpointKey="Quotes" action="urn:quote"/>
              <respond/>
            </inSequence></resource></api>
            """);

        var connections = files["connections.bal"];
        Assert.Contains("final EndpointGroup quotesGroup = check new (\"failover\", \"Quotes\", [", connections, StringComparison.Ordinal);
        Assert.Contains("timeout: 2,", connections, StringComparison.Ordinal);
        Assert.DoesNotContain("http:FailoverClient", connections, StringComparison.Ordinal);
        var main = files["main.bal"];
        Assert.Contains("check callGroup(ctx, quotesGroup, restPostfix(ctx), blocking = true, headers = passThroughHeaders);", main, StringComparison.Ordinal);
        Assert.Contains("check callGroup(ctx, quotesGroup, restPostfix(ctx), soapAction = \"urn:quote\", blocking = true, headers = passThroughHeaders);", main, StringComparison.Ordinal);
        Assert.DoesNotContain("callBlocking(", main, StringComparison.Ordinal);
        Assert.DoesNotContain("WeightedRoundRobinRule", files["support.bal"], StringComparison.Ordinal);
        Assert.Contains("callBlocking(ctx, group.memberClient(index)", files["support.bal"], StringComparison.Ordinal);
    }
}
