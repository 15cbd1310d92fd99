using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// The throttle-slot pass asks the context graph which bodies share a throttled context; the graph's nodes also hold
/// the artifacts left as TODOs, which have no steps: a throttled flow naming one (an endpoint that is not translated)
/// is marked as any other, and the pass does not fail (no SB0905 and the releases of a throttled flow).
/// </summary>
public sealed class ThrottleSlotsPendingTests
{
    private const string Ns = "http://ws.apache.org/ns/synapse";

    [Fact]
    public void A_throttled_flow_naming_an_endpoint_left_as_a_todo_is_marked_without_a_refiner_failure()
    {
        var result = ArtifactConversion.Result(
            $"""
            <endpoint xmlns="{Ns}" name="Nested"><loadbalance algorithm="org.apache.synapse.endpoints.algorithms.RoundRobin">
            <endpoint><failover><endpoint><address uri="http://a.example.com/x"/></endpoint><endpoint><address uri="http://b.example.com/x"/></endpoint></failover></endpoint>
            <endpoint><address uri="http://c.example.com/x"/></endpoint>
            </loadbalance></endpoint>
            """,
            $"""
            <api xmlns="{Ns}" name="LimitedAPI" context="/limited"><resource methods="POST" uri-template="/order"><inSequence>
            <throttle id="orders"><policy><wsp:Policy xmlns:wsp="http://schemas.xmlsoap.org/ws/2004/09/policy" xmlns:throttle="http://www.wso2.org/products/wso2commons/throttle">
            <throttle:MediatorThrottleAssertion><throttle:MaximumConcurrentAccess>2</throttle:MaximumConcurrentAccess></throttle:MediatorThrottleAssertion>
            </wsp:Policy></policy><onReject><respond/></onReject><onAccept>
            <call><endpoint key="Nested"/></call>
            <call><endpoint><address uri="http://localhost:9000/audit"/></endpoint></call>
            <respond/>
            </onAccept></throttle></inSequence></resource></api>
            """);

        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "SB0905");
        Assert.Contains(result.Diagnostics, d => d.Id == "SB0226");
        Assert.Contains(result.Files, f => f.Content.Contains("throttleRelease", StringComparison.Ordinal));
    }
}
