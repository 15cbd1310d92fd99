using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// SALoadbalanceEndpointFactory picks the session dispatcher by type (soap, http, simpleClientSession, without case);
/// any other type sets none, and a missing one fails reading the endpoint: SB0206 says so, not the simpleClientSession text.
/// </summary>
public sealed class LoadbalanceSessionTypeTests
{
    private static string Note(string session)
    {
        var result = ArtifactConversion.Result(
            $"""
            <endpoint xmlns="http://ws.apache.org/ns/synapse" name="CartLB">{session}
              <loadbalance><endpoint name="a"><address uri="http://a:8080/cart"/></endpoint><endpoint name="b"><address uri="http://b:8080/cart"/></endpoint></loadbalance>
            </endpoint>
            """,
            """<api xmlns="http://ws.apache.org/ns/synapse" name="LbApi" context="/lb"><resource methods="GET"><inSequence><call><endpoint key="CartLB"/></call><respond/></inSequence></resource></api>""");
        return string.Join("\n", result.Diagnostics.Where(d => d.Id == "SB0206").Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Each_session_type_says_what_the_micro_integrator_does_with_it()
    {
        Assert.Contains("syn:ClientID", Note("""<session type="simpleClientSession"/>"""), StringComparison.Ordinal);
        Assert.Contains("JSESSIONID", Note("""<session type="HTTP"/>"""), StringComparison.Ordinal);
        var unknown = Note("""<session type="sticky"/>""");
        Assert.Contains("an unknown one sets no session dispatcher", unknown, StringComparison.Ordinal);
        Assert.DoesNotContain("syn:ClientID", unknown, StringComparison.Ordinal);
        Assert.Contains("the artifact does not deploy", Note("""<session/>"""), StringComparison.Ordinal);
    }
}
