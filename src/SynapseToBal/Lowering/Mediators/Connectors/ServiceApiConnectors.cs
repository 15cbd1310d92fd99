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
        ["amazons3"] = "the connector signs a call to S3's REST API with the keys of the message and leaves S3's own XML answer and HTTP status as the message, which the flow goes on with; s3:Client's errors carry only a message (no HTTP status, request ID or S3 error code beyond five error types) and its records lack parts of S3's answers (the owner, marker paging, response headers, the multipart results), so neither S3's answer nor its error and status can be rebuilt",
        ["twitter"] = "the connector calls Twitter's REST API v1.1 (account, statuses, lists, friendships) with the OAuth 1.0a keys its init takes and leaves Twitter's JSON response as the message; ballerinax/twitter calls API v2, whose operations, authentication and responses differ",
    };

    /// <summary>The TODO of an operation of a connector in <see cref="ConnectorResultProblems"/>, or null for any other connector.</summary>
    private IEnumerable<StepIr>? ConnectorWithDifferentResult(ConnectorOperationMediator operation) =>
        ConnectorResultProblems.TryGetValue(operation.Connector, out var problem) ? [ConnectorTodo(operation, problem)] : null;
}
