using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

public sealed partial class Lowerer
{
    /// <summary>
    /// A connector operation (<c>&lt;salesforce.query&gt;</c>, <c>&lt;email.init&gt;</c>, ...) stays a TODO (SB0232) that names the
    /// Ballerina module replacing the connector (<see cref="Connectors"/>), the connection it uses and its parameters;
    /// the TODO carries the element with every parameter value, credentials masked.
    /// </summary>
    private TodoStep LowerConnectorOperation(ConnectorOperationMediator operation)
    {
        var replacement = Connectors.Replacement(operation.Connector, operation.Operation);
        var details = new List<string>();
        if (operation.ConfigKey is { } configKey)
        {
            details.Add($"the connection is the local entry '{configKey}'");
        }

        if (!operation.Parameters.IsEmpty)
        {
            details.Add((operation.IsInit ? "settings: " : "parameters: ") + string.Join(", ", operation.Parameters.Select(p => p.Name)));
        }

        if (!operation.Attributes.IsEmpty)
        {
            details.Add("attributes: " + string.Join(", ", operation.Attributes.Select(a => a.Name)));
        }

        var message = $"connector operation <{operation.ElementName}>: {replacement}" + (details.Count == 0 ? string.Empty : "; " + string.Join("; ", details));
        return Todo(operation, DiagnosticCatalog.ConnectorOperationNotTranslated, message, operation.ElementName, replacement);
    }
}
