using System.Collections.Immutable;
using SynapseToBal.Syntax;

namespace SynapseToBal.IR;

/// <summary>An operation of the Amazon SQS connector 1.0.x (<c>amazonsqs.*</c>, the query API) that the generated code performs with ballerinax/aws.sqs.</summary>
public enum AmazonSqsOperation
{
    /// <summary>amazonsqs.init: the keys, API version and region the operations read (the <c>uri.var.*</c> properties of the init template).</summary>
    Init,

    /// <summary>amazonsqs.createQueue (CreateQueue).</summary>
    CreateQueue,

    /// <summary>amazonsqs.deleteQueue (DeleteQueue).</summary>
    DeleteQueue,

    /// <summary>amazonsqs.purgeQueue (PurgeQueue).</summary>
    PurgeQueue,

    /// <summary>amazonsqs.getQueueUrl (GetQueueUrl).</summary>
    GetQueueUrl,

    /// <summary>amazonsqs.listQueues (ListQueues).</summary>
    ListQueues,

    /// <summary>amazonsqs.getQueueAttributes (GetQueueAttributes).</summary>
    GetQueueAttributes,

    /// <summary>amazonsqs.setQueueAttributes (SetQueueAttributes).</summary>
    SetQueueAttributes,

    /// <summary>amazonsqs.sendMessage (SendMessage).</summary>
    SendMessage,

    /// <summary>amazonsqs.sendMessageBatch (SendMessageBatch).</summary>
    SendMessageBatch,

    /// <summary>amazonsqs.receiveMessage (ReceiveMessage).</summary>
    ReceiveMessage,

    /// <summary>amazonsqs.deleteMessage (DeleteMessage).</summary>
    DeleteMessage,

    /// <summary>amazonsqs.deleteMessageBatch (DeleteMessageBatch).</summary>
    DeleteMessageBatch,

    /// <summary>amazonsqs.changeMessageVisibility (ChangeMessageVisibility).</summary>
    ChangeMessageVisibility,
}

/// <summary>
/// An Amazon SQS connector 1.0.x operation: the run-time helper of <see cref="Operation"/> called with the operation's
/// parameters, each evaluated to a string as the connector reads its template parameters. The operations create an
/// sqs:Client with the keys and region <c>amazonsqs.init</c> set, and leave the query API's XML answer and its status
/// as the message (its <c>&lt;ErrorResponse&gt;</c> and status when the service refuses the request).
/// </summary>
/// <param name="Arguments">The parameters given, by the helper's parameter name, in the helper's order.</param>
public sealed record AmazonSqsStep(
    MediatorSyntax Origin,
    AmazonSqsOperation Operation,
    ImmutableArray<AwsArgumentIr> Arguments) : StepIr(Origin);

