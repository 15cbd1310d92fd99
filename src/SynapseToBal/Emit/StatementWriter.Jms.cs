using SynapseToBal.IR;
using SynapseToBal.Refine;

namespace SynapseToBal.Emit;

internal sealed partial class StatementWriter
{
    /// <summary>An out-only send to a JMS endpoint: the runtime's sendJms with the endpoint's connection settings (configurables) and destination.</summary>
    private void JmsSend(JmsSendStep step) => _out.Line($"check {JmsSendCall(step.Endpoint, _expr.Names, _modules)};");

    /// <summary>
    /// The runtime's <c>sendJms(ctx, ...)</c> call for a JMS endpoint, <c>sendJmsTransacted</c> for a transacted one (an out-only send, or a forwarding processor's
    /// attempt): its connection settings and destination from its configurables.
    /// </summary>
    internal static string JmsSendCall(JmsEndpointIr jms, NameMap names, ModuleUsage modules)
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
        return $"{(jms.Transacted ? "sendJmsTransacted" : "sendJms")}(ctx, {BallerinaSyntax.StringLiteral(jms.EndpointName)}, {{{connection}}}, {destination}{contentType})";
    }
}
