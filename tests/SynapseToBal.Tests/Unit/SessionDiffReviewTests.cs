using SynapseToBal.Tests.Runtime;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// Findings of the read of a session's change by a Micro Integrator expert: the RabbitMQ listener's empty header map
/// is a message without headers, and a property enriched with a child keeps the element's character data.
/// </summary>
public sealed class SessionDiffReviewTests
{
    [Fact]
    public void A_rabbitmq_message_without_headers_keeps_the_operations_action()
    {
        // ballerinax/rabbitmq gives a message without headers an empty map; RabbitMQUtils.getSoapAction returns null for
        // no headers, and the proxy keeps urn:mediate (ProtocolEndpoint.createMessageContext).
        RuntimeSourceText.InOrder(RuntimeSourceText.Function("rabbitMqSoapAction"), "if headers is () || headers.length() == 0 {", "return fallback;", "return \"null\";");
    }

    [Fact]
    public void Enriching_a_child_into_a_property_keeps_the_text_unescaped()
    {
        // Target's property branch takes documentElement.getText(): the character data, not its XML serialisation.
        var function = RuntimeSourceText.Function("enrichProperty");
        Assert.Contains("text += item.data();", function, StringComparison.Ordinal);
        Assert.DoesNotContain("text += item.toString();", function, StringComparison.Ordinal);
    }
}
