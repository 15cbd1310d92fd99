using SynapseToBal.IR;
using SynapseToBal.Refine;

namespace SynapseToBal.Emit;

internal sealed partial class StatementWriter
{
    /// <summary>The run-time helper performing a Salesforce REST connector operation on a salesforce:Client.</summary>
    private static string SalesforceFunction(SalesforceOperation operation) => operation switch
    {
        SalesforceOperation.Query => "salesforceQuery",
        SalesforceOperation.Create => "salesforceCreate",
        SalesforceOperation.Update => "salesforceUpdate",
        SalesforceOperation.Delete => "salesforceDelete",
        SalesforceOperation.DescribeSObject => "salesforceDescribeSObject",
        _ => throw new InvalidOperationException($"Unhandled Salesforce operation {operation}"),
    };

    /// <summary>The arguments of a Salesforce helper: the context, the connection's client, then each parameter by the helper's name.</summary>
    private string SalesforceArguments(SalesforceRestStep step) =>
        string.Join(", ", step.Arguments.Select(a => $"{BallerinaSyntax.Identifier(a.Name)} = {_expr.String(a.Value)}").Prepend(_expr.Names[step.Connection.Name]).Prepend("ctx"));
}
