using SynapseToBal.IR;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

// Connectors whose Ballerina module is named in the TODO but whose operations are not translated: the module's client
// does not give what the connector leaves in the message, so a call on it would mean something else.
public sealed partial class Lowerer
{
    /// <summary>Why the operations of a connector with a Ballerina module stay TODOs, by connector.</summary>
    private static readonly Dictionary<string, string> ConnectorResultProblems = new(StringComparer.Ordinal)
    {
        ["twitter"] = "the connector calls Twitter's REST API v1.1 (account, statuses, lists, friendships) with the OAuth 1.0a keys its init takes and leaves Twitter's JSON response as the message; ballerinax/twitter calls API v2, whose operations, authentication and responses differ",
    };

    /// <summary>The TODO of an operation of a connector in <see cref="ConnectorResultProblems"/>, or null for any other connector.</summary>
    private IEnumerable<StepIr>? ConnectorWithDifferentResult(ConnectorOperationMediator operation) =>
        ConnectorResultProblems.TryGetValue(operation.Connector, out var problem) ? [ConnectorTodo(operation, problem)] : null;
}
