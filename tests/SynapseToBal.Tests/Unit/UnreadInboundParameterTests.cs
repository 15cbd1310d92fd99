using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// A JMS inbound endpoint's parameters become properties of each message (JMSInjectHandler.invoke); the listener sets
/// only those something that runs on the message may read (PropertyLocalAnalysis.UnreadInboundParameters).
/// </summary>
public sealed class UnreadInboundParameterTests
{
    private const string Ns = "http://ws.apache.org/ns/synapse";

    private static string Inbound => $"""
        <inboundEndpoint xmlns="{Ns}" name="Orders" protocol="jms" sequence="Process" onError="Failed"><parameters>
        <parameter name="interval">1000</parameter>
        <parameter name="transport.jms.Destination">orders</parameter>
        <parameter name="transport.jms.ConnectionFactoryJNDIName">QueueConnectionFactory</parameter>
        <parameter name="java.naming.factory.initial">org.apache.activemq.jndi.ActiveMQInitialContextFactory</parameter>
        <parameter name="java.naming.provider.url">tcp://localhost:61616</parameter>
        <parameter name="transport.jms.ConnectionFactoryType">queue</parameter>
        </parameters></inboundEndpoint>
        """;

    private static string Failed => $"""<sequence xmlns="{Ns}" name="Failed"><log level="custom"><property name="failed" expression="get-property('ERROR_MESSAGE')"/></log><drop/></sequence>""";

    private static string Listener(params string[] artifacts) => ArtifactConversion.Convert([Inbound, Failed, .. artifacts])["inbound.bal"].ReplaceLineEndings("\n");

    [Fact]
    public void Parameters_nothing_reads_are_not_set_and_a_comment_says_so()
    {
        var inbound = Listener($"""<sequence xmlns="{Ns}" name="Process"><log level="full"/><drop/></sequence>""");

        Assert.Contains("setInboundEndpointProperties(ctx, \"Orders\");", inbound);
        Assert.Contains("// The Micro Integrator also sets each parameter of the endpoint as a property of its name: nothing that runs on", inbound);
        Assert.DoesNotContain("\"transport.jms.Destination\":", inbound);
    }

    [Fact]
    public void A_parameter_the_error_sequence_reads_is_set_and_the_others_are_named_as_left_unset()
    {
        var failed = $"""<sequence xmlns="{Ns}" name="Failed"><log level="custom"><property name="queue" expression="$ctx:transport.jms.Destination"/></log><drop/></sequence>""";
        var inbound = ArtifactConversion.Convert(Inbound, failed, $"""<sequence xmlns="{Ns}" name="Process"><log level="full"/><drop/></sequence>""")["inbound.bal"].ReplaceLineEndings("\n");

        Assert.Contains("setInboundEndpointProperties(ctx, \"Orders\", {\"transport.jms.Destination\": \"orders\"});", inbound);
        Assert.Contains("// The Micro Integrator also sets the endpoint's other parameters as properties of their names", inbound);
    }

    [Fact]
    public void A_credential_parameter_nothing_reads_becomes_no_required_configurable()
    {
        var inbound = Inbound.Replace("</parameters>", """<parameter name="audit.token">n0t-a-literal</parameter></parameters>""", StringComparison.Ordinal);
        var unread = ArtifactConversion.Convert([inbound, Failed, $"""<sequence xmlns="{Ns}" name="Process"><log level="full"/><drop/></sequence>"""]);
        Assert.DoesNotContain(unread.Keys, k => unread[k].Contains("auditToken", StringComparison.OrdinalIgnoreCase) && !k.EndsWith(".md", StringComparison.Ordinal) && k != "inbound.bal");
        Assert.Contains("The credential audit.token is therefore no configurable", System.Text.RegularExpressions.Regex.Replace(unread["inbound.bal"], @"\s+(//\s+)?", " "), StringComparison.Ordinal);

        // Read by the sequence: set from its required secret configurable, as before.
        var read = ArtifactConversion.Convert([inbound, Failed, $"""<sequence xmlns="{Ns}" name="Process"><filter source="$ctx:audit.token" regex="x.*"><then><log level="full"/></then></filter><drop/></sequence>"""]);
        Assert.Contains("\"audit.token\": ", read["inbound.bal"], StringComparison.Ordinal);
        Assert.Contains("= ?;", read["configs.bal"], StringComparison.Ordinal);
        Assert.Contains(read["configs.bal"].Split('\n'), l => l.Contains("auditToken", StringComparison.OrdinalIgnoreCase) && l.Contains("= ?;", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unread_credential_parameter_is_not_reported_as_a_required_configurable()
    {
        // SB0212 says the secret "became a required configurable": true only where the refiner keeps it.
        var inbound = Inbound.Replace("</parameters>", """<parameter name="audit.token">n0t-a-literal</parameter></parameters>""", StringComparison.Ordinal);
        static bool Secret(Microsoft.CodeAnalysis.Diagnostic d) => d.Id == "SB0212" && d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("'Orders audit.token'", StringComparison.Ordinal);

        var unread = ArtifactConversion.Result(inbound, Failed, $"""<sequence xmlns="{Ns}" name="Process"><log level="full"/><drop/></sequence>""");
        Assert.DoesNotContain(unread.Diagnostics, Secret);

        var read = ArtifactConversion.Result(inbound, Failed, $"""<sequence xmlns="{Ns}" name="Process"><filter source="$ctx:audit.token" regex="x.*"><then><log level="full"/></then></filter><drop/></sequence>""");
        Assert.Single(read.Diagnostics, Secret);
    }

    [Theory]
    [InlineData("""<class name="com.example.Audit"/>""")]
    [InlineData("""<store messageStore="Pending"/>""")]
    [InlineData("""<log level="custom"><property name="p" expression="get-property(concat('inter', 'val'))"/></log>""")]
    public void Every_parameter_is_set_when_code_on_the_message_may_read_any_property(string mediator)
    {
        var inbound = Listener(
            $"""<sequence xmlns="{Ns}" name="Process">{mediator}<drop/></sequence>""",
            $"""<messageStore xmlns="{Ns}" name="Pending"/>""");

        Assert.Contains("\"interval\": \"1000\"", inbound);
        Assert.Contains("\"transport.jms.Destination\": \"orders\"", inbound);
        Assert.DoesNotContain("nothing that runs on the message reads them", inbound);
    }
}
