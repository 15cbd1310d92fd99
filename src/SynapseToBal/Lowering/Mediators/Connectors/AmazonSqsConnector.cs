using SynapseToBal.IR;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

// The Amazon SQS connector 1.0.x (wso2-extensions/esb-connector-amazonsqs 1.0.x, templates that sign a call to the
// SQS query API with the keys of amazonsqs.init): init and the queue and message operations ballerinax/aws.sqs's
// client can do become calls of run-time helpers that create an sqs:Client with those keys and rebuild the query
// API's XML answer; the permission operations, listDeadLetterSourceQueues, changeMessageVisibilityBatch and a later
// connector's settings stay TODOs that say why.
public sealed partial class Lowerer
{
    /// <summary>The operations translated, with the parameters each template declares (in the helper's order).</summary>
    private static readonly Dictionary<string, (AmazonSqsOperation Kind, string[] Parameters)> AmazonSqsOperations = new(StringComparer.Ordinal)
    {
        ["init"] = (AmazonSqsOperation.Init, ["accessKeyId", "secretAccessKey", "version", "region", "enableSSL", "contentType"]),
        ["createQueue"] = (AmazonSqsOperation.CreateQueue, ["queueName", "attributeEntries"]),
        ["deleteQueue"] = (AmazonSqsOperation.DeleteQueue, ["queueId", "queueName"]),
        ["purgeQueue"] = (AmazonSqsOperation.PurgeQueue, ["queueId", "queueName"]),
        ["getQueueUrl"] = (AmazonSqsOperation.GetQueueUrl, ["queueName", "accountId"]),
        ["listQueues"] = (AmazonSqsOperation.ListQueues, ["queueNamePrefix"]),
        ["getQueueAttributes"] = (AmazonSqsOperation.GetQueueAttributes, ["queueId", "queueName", "attributes"]),
        ["setQueueAttributes"] = (AmazonSqsOperation.SetQueueAttributes, ["queueId", "queueName", "attributeEntries"]),
        ["sendMessage"] = (AmazonSqsOperation.SendMessage, ["queueId", "queueName", "messageBody", "delaySeconds", "messageAttributes"]),
        ["sendMessageBatch"] = (AmazonSqsOperation.SendMessageBatch, ["queueId", "queueName", "delaySeconds", "messageRequestEntry"]),
        ["receiveMessage"] = (AmazonSqsOperation.ReceiveMessage, ["queueId", "queueName", "maxNumberOfMessages", "waitTimeSeconds", "visibilityTimeout", "attributes", "messageAttributeNames"]),
        ["deleteMessage"] = (AmazonSqsOperation.DeleteMessage, ["queueId", "queueName", "receiptHandle"]),
        ["deleteMessageBatch"] = (AmazonSqsOperation.DeleteMessageBatch, ["queueId", "queueName", "messageRequestEntry"]),
        ["changeMessageVisibility"] = (AmazonSqsOperation.ChangeMessageVisibility, ["queueId", "queueName", "receiptHandle", "visibilityTimeout"]),
    };

    /// <summary>Why the other operations of the connector stay TODOs: sqs:Client has no function for them.</summary>
    private static readonly Dictionary<string, string> AmazonSqsUntranslatable = new(StringComparer.Ordinal)
    {
        ["addPermission"] = "sqs:Client has no function for a queue's permissions (AddPermission)",
        ["removePermission"] = "sqs:Client has no function for a queue's permissions (RemovePermission)",
        ["listDeadLetterSourceQueues"] = "sqs:Client has no function listing a dead-letter queue's source queues (ListDeadLetterSourceQueues)",
        ["changeMessageVisibilityBatch"] = "sqs:Client has no batch function for visibility timeouts (ChangeMessageVisibilityBatch); call changeMessageVisibility for each entry",
    };

    /// <summary>
    /// <c>&lt;amazonsqs.*&gt;</c> of the Amazon SQS connector 1.0.x: one call of the operation's helper with the
    /// parameters' values; a TODO (SB0232) for an operation sqs:Client cannot do or a setting the 1.0.x templates do
    /// not declare.
    /// </summary>
    private IEnumerable<StepIr> LowerAmazonSqsOperation(ConnectorOperationMediator operation, FlowContext context) =>
        LowerAwsOperation(operation, context, AmazonSqsOperations, AmazonSqsUntranslatable,
            "only the later Amazon SQS connector (2.x) reads, with settings and results the 1.0.x helpers do not reproduce",
            (kind, arguments) => new AmazonSqsStep(operation, kind, arguments));
}
