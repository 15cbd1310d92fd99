using SynapseToBal.IR;
using SynapseToBal.Refine;

namespace SynapseToBal.Emit;

internal sealed partial class StatementWriter
{
    /// <summary>The run-time helper performing an Amazon SQS connector 1.0.x operation.</summary>
    private static string AmazonSqsFunction(AmazonSqsOperation operation) => operation switch
    {
        AmazonSqsOperation.Init => "amazonSqsInit",
        AmazonSqsOperation.CreateQueue => "amazonSqsCreateQueue",
        AmazonSqsOperation.DeleteQueue => "amazonSqsDeleteQueue",
        AmazonSqsOperation.PurgeQueue => "amazonSqsPurgeQueue",
        AmazonSqsOperation.GetQueueUrl => "amazonSqsGetQueueUrl",
        AmazonSqsOperation.ListQueues => "amazonSqsListQueues",
        AmazonSqsOperation.GetQueueAttributes => "amazonSqsGetQueueAttributes",
        AmazonSqsOperation.SetQueueAttributes => "amazonSqsSetQueueAttributes",
        AmazonSqsOperation.SendMessage => "amazonSqsSendMessage",
        AmazonSqsOperation.SendMessageBatch => "amazonSqsSendMessageBatch",
        AmazonSqsOperation.ReceiveMessage => "amazonSqsReceiveMessage",
        AmazonSqsOperation.DeleteMessage => "amazonSqsDeleteMessage",
        AmazonSqsOperation.DeleteMessageBatch => "amazonSqsDeleteMessageBatch",
        AmazonSqsOperation.ChangeMessageVisibility => "amazonSqsChangeMessageVisibility",
        _ => throw new InvalidOperationException($"Unhandled Amazon SQS operation {operation}"),
    };

    /// <summary>The arguments of an Amazon SQS helper: the context, then each parameter given, by name (the helper's parameter names are the connector's).</summary>
    private string AmazonSqsArguments(AmazonSqsStep step) =>
        string.Join(", ", step.Arguments.Select(a => $"{BallerinaSyntax.Identifier(a.Name)} = {_expr.String(a.Value)}").Prepend("ctx"));
}
