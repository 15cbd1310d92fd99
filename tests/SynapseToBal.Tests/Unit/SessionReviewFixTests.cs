using SynapseToBal.Lowering;
using SynapseToBal.Tests.Runtime;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// Fixes from a Micro Integrator review and a compile review of the runtime module: a JMS sender is kept per endpoint,
/// connection and destination (two anonymous endpoints of one sequence share a name but not a destination, and the
/// Micro Integrator's JMSSender takes the destination from each message's own address); the OUT_ONLY callout copies
/// the properties as the context's own type (a typed <c>Properties</c> record is not assignable from <c>map&lt;anydata&gt;</c>).
/// </summary>
public sealed class SessionReviewFixTests
{
    [Theory]
    [InlineData("jmsProducer", "jmsProducers")]
    [InlineData("jmsTransactedSender", "jmsTransactedSenders")]
    public void A_jms_sender_is_kept_per_endpoint_connection_and_destination(string function, string cache)
    {
        var text = RuntimeSourceText.Function(function);
        RuntimeSourceText.InOrder(text,
            "string key = jmsSenderKey(endpoint, configuration, destination);",
            $"? cached = {cache}[key];",
            $"{cache}[key] = ");
        Assert.DoesNotContain($"{cache}[endpoint]", text, StringComparison.Ordinal);

        var key = RuntimeSourceText.Function("jmsSenderKey");
        foreach (var part in new[] { "endpoint", "configuration.initialContextFactory", "configuration.providerUrl", "configuration.connectionFactoryName", "configuration?.username", "destination.'type", "destination?.name" })
        {
            Assert.Contains(part, key, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_out_only_callout_copies_the_properties_as_the_contexts_own_type()
    {
        var text = RuntimeSourceText.Function("blockingSendOutOnly");
        Assert.Contains("var properties = ctx.properties.clone();", text, StringComparison.Ordinal);
        Assert.DoesNotContain("map<anydata> properties", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("org.apache.activemq.jndi.ActiveMQInitialContextFactory", "dynamicTopics/mdd.GOOG", "mdd.GOOG", true)]
    [InlineData("org.apache.activemq.jndi.ActiveMQInitialContextFactory", "dynamicQueues/orders", "orders", false)]
    [InlineData("org.apache.activemq.jndi.ActiveMQInitialContextFactory", "orders", "orders", null)]
    [InlineData("org.apache.activemq.jndi.ActiveMQInitialContextFactory", "dynamicQueues/", "dynamicQueues/", null)]
    [InlineData("org.wso2.andes.jndi.PropertiesFileInitialContextFactory", "dynamicQueues/orders", "dynamicQueues/orders", null)]
    public void ActiveMQs_jndi_prefixes_name_the_physical_destination(string factory, string name, string physical, bool? topic)
    {
        Assert.Equal((physical, topic), JmsJndiNames.Physical(factory, name));
    }

    [Theory]
    [InlineData("jmsRequestConnection", "jmsRequestConnections")]
    public void A_jms_request_connection_is_kept_per_endpoint_and_connection_settings(string function, string cache)
    {
        var text = RuntimeSourceText.Function(function);
        RuntimeSourceText.InOrder(text,
            "string key = jmsConnectionKey(endpoint, configuration);",
            $"? cached = {cache}[key];",
            $"{cache}[key] = connection;");
        Assert.DoesNotContain($"{cache}[endpoint]", text, StringComparison.Ordinal);
        Assert.Contains("jmsConnectionKey(endpoint, configuration)", RuntimeSourceText.Function("jmsSenderKey"), StringComparison.Ordinal);

        // A request-reply on a temporary queue goes through the same kept connection (a session of its own per request).
        var request = RuntimeSourceText.Function("requestJms");
        RuntimeSourceText.InOrder(request,
            "jms:Connection jmsConnection = check jmsRequestConnection(endpoint, connection);",
            "jms:Session session = check jmsConnection->createSession(jms:AUTO_ACKNOWLEDGE);",
            "reply = jmsTemporaryExchange(ctx, session, destination, message);",
            "error? closed = session->close();");
    }
}
