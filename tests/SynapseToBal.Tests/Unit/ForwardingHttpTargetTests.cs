using System.Globalization;
using SynapseToBal.Diagnostics;
using Xunit;

namespace SynapseToBal.Tests.Unit;

// A forwarding processor sends to its target client's base URL with the message's URL postfix: an http endpoint's
// uri-template path and method are not applied there, and the conversion says so instead of sending elsewhere silently.
public sealed class ForwardingHttpTargetTests
{
    private const string Ns = "http://ws.apache.org/ns/synapse";

    private static List<string> Warnings(string endpoint)
    {
        var diagnostics = new DiagnosticBag();
        ArtifactLowering.Lower(diagnostics,
            $"""<messageStore xmlns="{Ns}" name="Orders"/>""",
            endpoint,
            $"""
            <messageProcessor xmlns="{Ns}" name="Forwarder" class="org.apache.synapse.message.processor.impl.forwarder.ScheduledMessageForwardingProcessor" targetEndpoint="Backend" messageStore="Orders">
              <parameter name="interval">1000</parameter>
            </messageProcessor>
            """);
        return diagnostics.Items.Where(d => d.Id == "SB0206").Select(d => d.GetMessage(CultureInfo.InvariantCulture)).ToList();
    }

    [Fact]
    public void An_http_endpoint_with_a_path_and_method_is_reported()
    {
        var warnings = Warnings($"""<endpoint xmlns="{Ns}" name="Backend"><http method="put" uri-template="http://backend.example.com/orders/submit"/></endpoint>""");
        Assert.Contains(warnings, w => w.Contains("it is an http endpoint", StringComparison.Ordinal) && w.Contains("and method PUT", StringComparison.Ordinal));
    }

    [Fact]
    public void An_address_endpoint_is_not_reported()
    {
        var warnings = Warnings($"""<endpoint xmlns="{Ns}" name="Backend"><address uri="http://backend.example.com/orders/submit"/></endpoint>""");
        Assert.DoesNotContain(warnings, w => w.Contains("it is an http endpoint", StringComparison.Ordinal));
    }
}
