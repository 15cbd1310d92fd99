using System.Globalization;
using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Lowering;
using SynapseToBal.Syntax;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// An endpoint's suspendOnFailure / markForSuspension settings as the state the non-blocking calls through it keep
/// (Synapse's EndpointContext, consulted by AddressEndpoint.send and updated by its onFault / onSuccess).
/// </summary>
public sealed class EndpointSuspensionTests
{
    private const string Suspending = """
        <endpoint name="E"><address uri="http://a.example.com">
          <suspendOnFailure><errorCodes>101503, 101505</errorCodes><initialDuration>1000</initialDuration><progressionFactor>1.5</progressionFactor><maximumDuration>60000</maximumDuration></suspendOnFailure>
          <markForSuspension><errorCodes>101504</errorCodes><retriesBeforeSuspension>3</retriesBeforeSuspension><retryDelay>500</retryDelay></markForSuspension>
        </address></endpoint>
        """;

    private static PackageIr Lower(string artifacts, out DiagnosticBag diagnostics)
    {
        diagnostics = new DiagnosticBag();
        var document = SynapseParser.ParseText("artifacts.xml", $"<definitions xmlns=\"http://ws.apache.org/ns/synapse\">{artifacts}</definitions>", diagnostics);
        Assert.NotNull(document);
        return Lowerer.Lower([document], diagnostics);
    }

    private static List<CallStep> Calls(PackageIr package) =>
        IrWalker.Steps(package.Services.SelectMany(s => s.Resources).SelectMany(r => r.Body).Concat(package.Functions.SelectMany(f => f.Body))).OfType<CallStep>().ToList();

    private static IEnumerable<string> SuspensionWarnings(DiagnosticBag diagnostics) =>
        diagnostics.Items.Where(d => d.Id == DiagnosticCatalog.AttributeNotTranslated.Id).Select(d => d.GetMessage(CultureInfo.InvariantCulture)).Where(m => m.Contains("suspendOnFailure", StringComparison.Ordinal));

    [Fact]
    public void The_state_holds_the_settings_as_endpoint_definition_factory_reads_them()
    {
        var package = Lower(Suspending, out var diagnostics);

        var suspension = Assert.Single(package.Clients).Suspension;
        Assert.NotNull(suspension);
        Assert.Equal(SuspendingEndpointKind.Address, suspension.Kind);
        Assert.Equal("E", suspension.EndpointName);
        Assert.Equal([101503, 101505], suspension.SuspendCodes.ToArray());
        Assert.Equal([101504], suspension.TimeoutCodes.ToArray());
        Assert.Equal(1000, suspension.InitialDurationMillis);
        Assert.Equal(1.5, suspension.ProgressionFactor);
        Assert.Equal(60000, suspension.MaximumDurationMillis);
        Assert.Equal(3, suspension.RetriesBeforeSuspension);
        Assert.Equal(500, suspension.RetryDelayMillis);
        Assert.Empty(SuspensionWarnings(diagnostics));
    }

    // CallMediator and CalloutMediator send through endpoint.send (AddressEndpoint.send: readyToSend), and
    // BlockingMsgSender.send hands the result to the endpoint's onFault / onSuccess, as the non-blocking path does.
    [Fact]
    public void Calls_sends_blocking_calls_and_callouts_all_keep_the_state()
    {
        var package = Lower(Suspending + """
            <sequence name="s">
              <call><endpoint key="E"/></call>
              <call blocking="true"><endpoint key="E"/></call>
              <callout><endpoint key="E"/><source type="envelope"/></callout>
              <send><endpoint key="E"/></send>
            </sequence>
            """, out _);

        var calls = Calls(package);
        Assert.Equal(4, calls.Count);
        Assert.Equal([true, true, true, true], calls.Select(c => c.TracksSuspension));
        Assert.All(calls, c => Assert.Same(package.Clients.Single().Suspension, c.Client.Suspension));
    }

    [Fact]
    public void Without_settings_the_endpoint_keeps_endpoint_definition_s_defaults_and_settings_that_never_suspend_keep_no_state()
    {
        // EndpointDefinition without suspendOnFailure / markForSuspension: initialSuspendDuration -1 (30 s,
        // EndpointContext.computeNextRetryTimeForSuspended), no suspend codes (any code suspends, isSuspendFault), no
        // timeout codes (101504 / 101505, isTimeout) and no retries: the Micro Integrator suspends such an endpoint.
        var package = Lower("""
            <endpoint name="Plain"><address uri="http://a.example.com"/></endpoint>
            <endpoint name="Off"><http uri-template="http://b.example.com/x">
              <suspendOnFailure><errorCodes>-1</errorCodes></suspendOnFailure>
              <markForSuspension><errorCodes>-1</errorCodes></markForSuspension>
            </http></endpoint>
            <sequence name="s"><call><endpoint key="Plain"/></call><call><endpoint key="Off"/></call></sequence>
            """, out var diagnostics);

        var plain = package.Clients.Single(c => c.SynapseName == "Plain");
        var state = Assert.IsType<EndpointSuspensionIr>(plain.Suspension);
        Assert.Equal(SuspendingEndpointKind.Address, state.Kind);
        Assert.Equal("Plain", state.EndpointName);
        Assert.Empty(state.SuspendCodes);
        Assert.Empty(state.TimeoutCodes);
        Assert.Null(state.InitialDurationMillis);
        Assert.Null(state.ProgressionFactor);
        Assert.Null(state.MaximumDurationMillis);
        Assert.Null(state.RetriesBeforeSuspension);
        Assert.Null(state.RetryDelayMillis);
        Assert.Contains(plain.Notes, n => n.StartsWith("No suspendOnFailure / markForSuspension settings: Synapse's defaults suspend this endpoint for 30 s after any failed call", StringComparison.Ordinal));
        Assert.DoesNotContain("Synapse suspends an endpoint for 30 s after a failure by default; http:Client does not.", plain.Notes);
        Assert.Null(package.Clients.Single(c => c.SynapseName == "Off").Suspension);
        var calls = Calls(package);
        Assert.True(calls.Single(c => c.Client.SynapseName == "Plain").TracksSuspension);
        Assert.False(calls.Single(c => c.Client.SynapseName == "Off").TracksSuspension);
        Assert.Empty(SuspensionWarnings(diagnostics));
    }

    [Fact]
    public void An_endpoint_without_settings_is_declared_with_no_settings_and_its_call_checks_the_state()
    {
        var files = ArtifactConversion.Convert(
            """<endpoint xmlns="http://ws.apache.org/ns/synapse" name="Quote"><address uri="http://a.example.com"/></endpoint>""",
            """<api xmlns="http://ws.apache.org/ns/synapse" name="A" context="/a"><resource methods="GET"><inSequence><call><endpoint key="Quote"/></call><respond/></inSequence></resource></api>""");

        Assert.Contains("final EndpointState quoteSuspension = new (\"address\", \"Quote\", {});", files["connections.bal"], StringComparison.Ordinal);
        Assert.Contains("check callEndpoint(ctx, quote, clientPath(quoteUrl, restPostfix(ctx)), headers = passThroughHeaders, state = quoteSuspension);", files["main.bal"], StringComparison.Ordinal);
        Assert.DoesNotContain("endpointReady", files["main.bal"], StringComparison.Ordinal);
    }

    [Fact]
    public void An_inline_endpoint_s_state_is_named_as_synapse_names_an_anonymous_endpoint()
    {
        var package = Lower("""
            <sequence name="s"><send><endpoint><http uri-template="http://a.example.com/x" method="post">
              <suspendOnFailure><initialDuration>2000</initialDuration></suspendOnFailure>
            </http></endpoint></send></sequence>
            """, out _);

        var call = Assert.Single(Calls(package));
        Assert.True(call.TracksSuspension);
        Assert.Equal(SuspendingEndpointKind.Http, call.Client.Suspension?.Kind);
        Assert.Equal("AnonymousEndpoint", call.Client.Suspension?.EndpointName);
    }

    [Fact]
    public void A_group_member_s_settings_go_into_the_group_s_endpoint_group_instead_of_a_warning()
    {
        var package = Lower(Suspending + """
            <endpoint name="F"><failover>
              <endpoint key="E"/>
              <endpoint name="B"><address uri="http://b.example.com"/></endpoint>
            </failover></endpoint>
            <sequence name="s"><call><endpoint key="F"/></call></sequence>
            """, out var diagnostics);

        var call = Assert.Single(Calls(package));
        Assert.Null(call.Client.Suspension);
        Assert.False(call.TracksSuspension);
        Assert.Empty(SuspensionWarnings(diagnostics));
        var group = call.Client.Group;
        Assert.NotNull(group?.State);
        Assert.Equal(["E", "B"], group.Members.Select(m => m.EndpointName));
        var settings = group.Members[0].Settings;
        Assert.NotNull(settings);
        Assert.Equal([101503, 101505], settings.SuspendCodes.ToArray());
        Assert.Null(group.Members[1].Settings);
        Assert.Contains(call.Client.Notes, n => n.EndsWith("The non-blocking calls and sends through the group keep this state for the member in the group's EndpointGroup, as Synapse's FailoverEndpoint / LoadbalanceEndpoint use its EndpointContext.", StringComparison.Ordinal));
    }

    [Fact]
    public void A_default_initial_duration_above_a_maximum_of_zero_is_still_30_seconds()
    {
        // EndpointContext.computeNextRetryTimeForSuspended: -1 is not above the maximum 0, and below 0 it is 30 s.
        var (note, suspends) = Lowerer.DescribeSuspension(EndpointQualities.None with { SuspendMaximumDurationMillis = 0 });
        Assert.True(suspends);
        Assert.StartsWith("Synapse suspends this endpoint for 30 s after any other error", note, StringComparison.Ordinal);

        var (_, zero) = Lowerer.DescribeSuspension(EndpointQualities.None with { SuspendInitialDurationMillis = 1000, SuspendMaximumDurationMillis = 0 });
        Assert.False(zero);
    }

    [Fact]
    public void The_generated_call_checks_the_state_before_and_records_the_result_after()
    {
        var files = ArtifactConversion.Convert(
            """<endpoint xmlns="http://ws.apache.org/ns/synapse" name="Quote"><address uri="http://a.example.com"><suspendOnFailure><errorCodes>101503</errorCodes><progressionFactor>2</progressionFactor></suspendOnFailure></address></endpoint>""",
            """
            <api xmlns="http://ws.apache.org/ns/synapse" name="A" context="/a"><resource methods="POST"><inSequence>
              <call><endpoint key="Quote"/></call>
              <property name="OUT_ONLY" value="true"/>
              <call><endpoint key="Quote"/></call>
              <respond/>
            </inSequence></resource></api>
            """);

        Assert.Contains("final EndpointState quoteSuspension = new (\"address\", \"Quote\", {suspendCodes: [101503], progressionFactor: 2.0});", files["connections.bal"], StringComparison.Ordinal);
        var main = files["main.bal"];
        Assert.Contains("check callEndpoint(ctx, quote, clientPath(quoteUrl, restPostfix(ctx)), headers = passThroughHeaders, state = quoteSuspension);", main, StringComparison.Ordinal);
        Assert.Contains("check callEndpoint(ctx, quote, clientPath(quoteUrl, restPostfix(ctx)), outOnly = true, headers = passThroughHeaders, state = quoteSuspension);", main, StringComparison.Ordinal);
        Assert.Contains("isolated class EndpointState", files["support.bal"], StringComparison.Ordinal);
    }
}
