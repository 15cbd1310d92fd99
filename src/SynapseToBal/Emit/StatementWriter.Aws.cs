using System.Collections.Immutable;
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

    /// <summary>The run-time helper performing an Amazon S3 connector 1.0.x operation.</summary>
    private static string AmazonS3Function(AmazonS3Operation operation) => operation switch
    {
        AmazonS3Operation.Init => "amazonS3Init",
        AmazonS3Operation.GetBuckets => "amazonS3GetBuckets",
        AmazonS3Operation.CheckBucketPermission => "amazonS3CheckBucketPermission",
        AmazonS3Operation.DeleteBucket => "amazonS3DeleteBucket",
        AmazonS3Operation.DeleteBucketPolicy => "amazonS3DeleteBucketPolicy",
        AmazonS3Operation.DeleteBucketWebsiteConfiguration => "amazonS3DeleteBucketWebsiteConfiguration",
        AmazonS3Operation.GetBucketAcl => "amazonS3GetBucketAcl",
        AmazonS3Operation.GetBucketLifeCycle => "amazonS3GetBucketLifeCycle",
        AmazonS3Operation.GetBucketPolicy => "amazonS3GetBucketPolicy",
        AmazonS3Operation.GetBucketRequestPayment => "amazonS3GetBucketRequestPayment",
        AmazonS3Operation.GetBucketVersioning => "amazonS3GetBucketVersioning",
        AmazonS3Operation.GetWebSiteConfiguration => "amazonS3GetWebSiteConfiguration",
        AmazonS3Operation.GetObjectsInBucket => "amazonS3GetObjectsInBucket",
        AmazonS3Operation.GetBucketObjectVersions => "amazonS3GetBucketObjectVersions",
        AmazonS3Operation.ListMultipartUploads => "amazonS3ListMultipartUploads",
        AmazonS3Operation.ListParts => "amazonS3ListParts",
        AmazonS3Operation.DeleteObject => "amazonS3DeleteObject",
        AmazonS3Operation.AbortMultipartUpload => "amazonS3AbortMultipartUpload",
        AmazonS3Operation.GetObjectMetaData => "amazonS3GetObjectMetaData",
        AmazonS3Operation.GetObject => "amazonS3GetObject",
        AmazonS3Operation.CreateBucket => "amazonS3CreateBucket",
        AmazonS3Operation.CreateBucketPolicy => "amazonS3CreateBucketPolicy",
        AmazonS3Operation.CreateBucketWebsiteConfiguration => "amazonS3CreateBucketWebsiteConfiguration",
        AmazonS3Operation.SetBucketAcl => "amazonS3SetBucketAcl",
        AmazonS3Operation.CreateObjectAcl => "amazonS3CreateObjectAcl",
        AmazonS3Operation.CreateObjectCopy => "amazonS3CreateObjectCopy",
        AmazonS3Operation.DeleteMultipleObjects => "amazonS3DeleteMultipleObjects",
        AmazonS3Operation.InitMultipartUpload => "amazonS3InitMultipartUpload",
        AmazonS3Operation.CompleteMultipartUpload => "amazonS3CompleteMultipartUpload",
        AmazonS3Operation.CreateObject => "amazonS3CreateObject",
        AmazonS3Operation.UploadPart => "amazonS3UploadPart",
        AmazonS3Operation.GetAuthorization => "amazonS3GetAuthorization",
        _ => throw new InvalidOperationException($"Unhandled Amazon S3 operation {operation}"),
    };

    /// <summary>
    /// The arguments of an Amazon SQS or S3 helper: the context, then each parameter given, by name (the helper's
    /// parameter names are the connector's).
    /// </summary>
    private string AwsArguments(ImmutableArray<AwsArgumentIr> arguments) =>
        string.Join(", ", arguments.Select(a => $"{BallerinaSyntax.Identifier(a.Name)} = {_expr.String(a.Value)}").Prepend("ctx"));
}
