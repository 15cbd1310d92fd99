namespace SynapseToBal.Lowering;

/// <summary>
/// The physical name of a JMS destination written as a JNDI name. The Micro Integrator looks a destination name up in
/// JNDI first (JMSUtils.lookupDestination, JmsStore.getDestination); ActiveMQ's initial context factory resolves
/// <c>dynamicQueues/X</c> to the queue X and <c>dynamicTopics/X</c> to the topic X. ballerinax/java.jms makes the
/// destination by name (<c>session.createQueue</c>/<c>createTopic</c>), so the prefix is taken off for ActiveMQ.
/// </summary>
internal static class JmsJndiNames
{
    private const string Queues = "dynamicQueues/";
    private const string Topics = "dynamicTopics/";

    /// <summary>
    /// The destination's physical name and, when the JNDI name says it, whether it is a topic (true) or a queue
    /// (false); the name as written and null when the context factory is not ActiveMQ's or the name has no prefix.
    /// </summary>
    public static (string Name, bool? Topic) Physical(string? contextFactory, string name)
    {
        if (contextFactory is null || !contextFactory.Contains("activemq", StringComparison.OrdinalIgnoreCase))
        {
            return (name, null);
        }

        return name.StartsWith(Queues, StringComparison.Ordinal) && name.Length > Queues.Length ? (name[Queues.Length..], false)
            : name.StartsWith(Topics, StringComparison.Ordinal) && name.Length > Topics.Length ? (name[Topics.Length..], true)
            : (name, null);
    }

    /// <summary>Whether the name is one of ActiveMQ's JNDI forms, which only an ActiveMQ context factory resolves.</summary>
    public static bool HasActiveMqPrefix(string name) =>
        name.StartsWith(Queues, StringComparison.Ordinal) || name.StartsWith(Topics, StringComparison.Ordinal);
}
