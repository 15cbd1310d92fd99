using SynapseToBal.IR;
using SynapseToBal.Refine;

namespace SynapseToBal.Emit;

internal sealed partial class StatementWriter
{
    /// <summary>An out-only send to a JMS endpoint: the runtime's sendJms with the endpoint's connection settings (configurables) and destination.</summary>
    private void JmsSend(JmsSendStep step)
    {
        _modules.Use("jms");
        var jms = step.Endpoint;
        var connection = $"initialContextFactory: {_expr.Names[jms.ContextFactory]}, providerUrl: {_expr.Names[jms.ProviderUrl]}, connectionFactoryName: {_expr.Names[jms.ConnectionFactory]}";
        if (jms.Username is { } username && jms.Password is { } password)
        {
            connection += $", username: {_expr.Names[username]}, password: {_expr.Names[password]}";
        }

        if (jms.Properties.Length > 0)
        {
            connection += ", properties: {" + string.Join(", ", jms.Properties.Select(p => $"{BallerinaSyntax.StringLiteral(p.Name)}: {_expr.Names[p.Value]}")) + "}";
        }

        var destination = $"{{'type: {(jms.Topic ? "jms:TOPIC" : "jms:QUEUE")}, name: {_expr.Names[jms.Destination]}}}";
        var contentType = jms.ContentTypeProperty is { } property ? $", contentTypeProperty = {BallerinaSyntax.StringLiteral(property)}" : string.Empty;
        _out.Line($"check sendJms(ctx, {BallerinaSyntax.StringLiteral(jms.EndpointName)}, {{{connection}}}, {destination}{contentType});");
    }
}
