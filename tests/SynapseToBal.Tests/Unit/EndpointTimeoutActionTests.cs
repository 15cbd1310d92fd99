using SynapseToBal.Diagnostics;
using Xunit;

namespace SynapseToBal.Tests.Unit;

// TimeoutHandler runs the fault handler with "Send timeout" for any responseAction (fault or discard) when the
// endpoint's timeout ends before the socket timeout (180 s); without a responseAction a timed-out call is dropped.
public sealed class EndpointTimeoutActionTests
{
    private static (bool TimeoutFault, IReadOnlyList<string> Notes, DiagnosticBag Diagnostics) Client(string timeout)
    {
        var diagnostics = new DiagnosticBag();
        var package = ArtifactLowering.Lower(diagnostics,
            $"""<endpoint xmlns="http://ws.apache.org/ns/synapse" name="Backend"><address uri="http://backend.example.com/api">{timeout}</address></endpoint>""");
        var client = Assert.Single(package.Clients);
        return (client.TimeoutFault, client.Notes, diagnostics);
    }

    [Theory]
    [InlineData("<timeout><duration>5000</duration><responseAction>fault</responseAction></timeout>", true)]
    [InlineData("<timeout><duration>5000</duration><responseAction>discard</responseAction></timeout>", true)]
    [InlineData("<timeout><responseAction>fault</responseAction></timeout>", true)]
    [InlineData("<timeout><duration>180000</duration><responseAction>fault</responseAction></timeout>", true)]
    [InlineData("<timeout><duration>200000</duration><responseAction>fault</responseAction></timeout>", false)]
    [InlineData("<timeout><duration>5000</duration></timeout>", false)]
    [InlineData("", false)]
    public void A_timeout_is_a_send_timeout_fault_only_with_a_response_action_before_the_socket_timeout(string timeout, bool expected)
    {
        var (timeoutFault, _, diagnostics) = Client(timeout);
        Assert.Equal(expected, timeoutFault);
        Assert.DoesNotContain(diagnostics.Items, d => d.Id == "SB0206");
    }

    [Fact]
    public void Without_a_response_action_the_client_says_that_the_micro_integrator_drops_a_timed_out_call()
    {
        var (_, notes, _) = Client("<timeout><duration>5000</duration></timeout>");
        Assert.Contains(notes, n => n.StartsWith("No timeout responseAction: when the call times out, the Micro Integrator drops the message", StringComparison.Ordinal));
    }
}
