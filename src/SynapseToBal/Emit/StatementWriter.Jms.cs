using SynapseToBal.IR;
using SynapseToBal.Refine;

namespace SynapseToBal.Emit;

internal sealed partial class StatementWriter
{
    /// <summary>
    /// A send to a JMS endpoint: out-only, the runtime's sendJms with the endpoint's connection settings (configurables)
    /// and destination; a request-reply, its requestJms with the reply destination too.
    /// </summary>
    private void JmsSend(JmsSendStep step) =>
        _out.Line($"check {(step.AwaitsReply ? JmsRequestCall(step.Endpoint, _expr.Names, _modules) : JmsSendCall(step.Endpoint, _expr.Names, _modules))};");

    /// <summary>
    /// The runtime's <c>requestJms(ctx, ...)</c> call for a request-reply through a JMS endpoint: its reply destination
    /// (a configurable), or <c>()</c> when the address names none (a temporary queue per request).
    /// </summary>
    private static string JmsRequestCall(JmsEndpointIr jms, NameMap names, ModuleUsage modules)
    {
        if (jms.ReplyDestinationName is not null && jms.ReplyDestination is null)
        {
            throw new InvalidOperationException($"JMS endpoint '{jms.EndpointName}' has no configurable for its reply destination");
        }

        var (connection, destination, contentType) = JmsArguments(jms, names, modules);
        var reply = jms.ReplyDestination is { } replyName ? $"{{'type: {(jms.ReplyTopic ? "jms:TOPIC" : "jms:QUEUE")}, name: {names[replyName]}}}" : "()";
        var replyTopic = jms.ReplyTypeTopic ? ", replyTopic = true" : string.Empty;
        return $"requestJms(ctx, {BallerinaSyntax.StringLiteral(jms.EndpointName)}, {{{connection}}}, {destination}, {reply}{contentType}{replyTopic})";
    }

    /// <summary>
    /// The runtime's <c>sendJms(ctx, ...)</c> call for a JMS endpoint, <c>sendJmsTransacted</c> for a transacted one (an out-only send, or a forwarding processor's
    /// attempt): its connection settings and destination from its configurables.
    /// </summary>
    internal static string JmsSendCall(JmsEndpointIr jms, NameMap names, ModuleUsage modules)
    {
        var (connection, destination, contentType) = JmsArguments(jms, names, modules);
        return $"{(jms.Transacted ? "sendJmsTransacted" : "sendJms")}(ctx, {BallerinaSyntax.StringLiteral(jms.EndpointName)}, {{{connection}}}, {destination}{contentType})";
    }

    /// <summary>The connection settings (the fields of a <c>jms:ConnectionConfiguration</c>), the destination and the optional content type property argument of a JMS endpoint's send.</summary>
    private static (string Connection, string Destination, string ContentType) JmsArguments(JmsEndpointIr jms, NameMap names, ModuleUsage modules)
    {
        modules.Use("jms");
        var connection = $"initialContextFactory: {names[jms.ContextFactory]}, providerUrl: {names[jms.ProviderUrl]}, connectionFactoryName: {names[jms.ConnectionFactory]}";
        if (jms.Username is { } username && jms.Password is { } password)
        {
            connection += $", username: {names[username]}, password: {names[password]}";
        }

        if (jms.Properties.Length > 0)
        {
            connection += ", properties: {" + string.Join(", ", jms.Properties.Select(p => $"{BallerinaSyntax.StringLiteral(p.Name)}: {names[p.Value]}")) + "}";
        }

        var destination = $"{{'type: {(jms.Topic ? "jms:TOPIC" : "jms:QUEUE")}, name: {names[jms.Destination]}}}";
        var contentType = jms.ContentTypeProperty is { } property ? $", contentTypeProperty = {BallerinaSyntax.StringLiteral(property)}" : string.Empty;
        contentType += jms.Format switch
        {
            EndpointFormat.Soap11 => ", format = \"soap11\"",
            EndpointFormat.Soap12 => ", format = \"soap12\"",
            EndpointFormat.Pox => ", format = \"pox\"",
            _ => string.Empty,
        };
        if (jms.Encoding is { } encoding)
        {
            contentType += $", encoding = {BallerinaSyntax.StringLiteral(encoding)}";
        }

        return (connection, destination, contentType);
    }
}
