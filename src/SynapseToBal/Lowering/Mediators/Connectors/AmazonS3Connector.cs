using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

// The Amazon S3 connector 1.0.x (wso2 esb-connectors amazons3-connector-1.0.0, templates that sign a call to S3's REST
// API with AWS signature version 2, AmazonS3AuthConnector): init and the operations whose template sends no body become
// calls of run-time helpers that do what the template does (the uri.var.* properties, the signature from the message's
// properties, the transport headers, the call to the template's uri-template, the response headers it removes), so
// S3's XML answer and status are the message afterwards; the operations whose template builds a body or rewrites the
// answer stay TODOs that say why.
public sealed partial class Lowerer
{
    /// <summary>The operations translated, with the parameters each template declares (in the helper's order).</summary>
    private static readonly Dictionary<string, (AmazonS3Operation Kind, string[] Parameters)> AmazonS3Operations = new(StringComparer.Ordinal)
    {
        ["init"] = (AmazonS3Operation.Init,
        [
            "accessKeyId", "secretAccessKey", "methodType", "contentLength", "contentType", "contentMD5", "expect", "host",
            "isXAmzDate", "xAmzSecurityToken", "bucketName", "xAmzAcl", "xAmzGrantRead", "xAmzGrantWrite", "xAmzGrantReadAcp",
            "xAmzGrantWriteAcp", "xAmzGrantFullControl", "xAmzMeta", "xAmzServeEncryption", "xAmzStorageClass",
            "xAmzWebsiteLocation", "xAmzMfa", "xAmzCopySource", "xAmzMetadataDirective", "xAmzCopySourceIfMatch",
            "xAmzCopySourceIfNoneMatch", "xAmzCopySourceIfUnmodifiedSince", "xAmzCopySourceIfModifiedSince",
            "xAmzServerSideEncryption",
        ]),
        ["getBuckets"] = (AmazonS3Operation.GetBuckets, ["apiUrl"]),
        ["checkBucketPermission"] = (AmazonS3Operation.CheckBucketPermission, ["bucketUrl"]),
        ["deleteBucket"] = (AmazonS3Operation.DeleteBucket, ["bucketUrl"]),
        ["deleteBucketPolicy"] = (AmazonS3Operation.DeleteBucketPolicy, ["bucketUrl"]),
        ["deleteBucketWebsiteConfiguration"] = (AmazonS3Operation.DeleteBucketWebsiteConfiguration, ["bucketUrl"]),
        ["getBucketACL"] = (AmazonS3Operation.GetBucketAcl, ["bucketUrl"]),
        ["getBucketLifeCycle"] = (AmazonS3Operation.GetBucketLifeCycle, ["bucketUrl"]),
        ["getBucketPolicy"] = (AmazonS3Operation.GetBucketPolicy, ["bucketUrl"]),
        ["getBucketRequestPayment"] = (AmazonS3Operation.GetBucketRequestPayment, ["bucketUrl"]),
        ["getBucketVersioning"] = (AmazonS3Operation.GetBucketVersioning, ["bucketUrl"]),
        ["getWebSiteConfiguration"] = (AmazonS3Operation.GetWebSiteConfiguration, ["bucketUrl"]),
        ["getObjectsInBucket"] = (AmazonS3Operation.GetObjectsInBucket, ["bucketUrl", "delimiter", "encodingType", "marker", "maxKeys", "prefix"]),
        ["getBucketObjectVersions"] = (AmazonS3Operation.GetBucketObjectVersions, ["bucketUrl", "delimiter", "encodingType", "keyMarker", "maxKeys", "prefix", "versionIdMarker"]),
        ["listMultipartUploads"] = (AmazonS3Operation.ListMultipartUploads, ["bucketUrl", "delimiter", "encodingType", "maxUploads", "keyMarker", "prefix", "uploadIdMarker"]),
        ["listParts"] = (AmazonS3Operation.ListParts, ["bucketUrl", "objectName", "uploadId", "encodingType", "maxParts", "partNumberMarker"]),
        ["deleteObject"] = (AmazonS3Operation.DeleteObject, ["bucketUrl", "objectName", "versionId"]),
        ["abortMultipartUpload"] = (AmazonS3Operation.AbortMultipartUpload, ["bucketUrl", "objectName", "cacheControl", "contentDisposition", "contentEncoding", "expires", "uploadId"]),
        ["getObjectMetaData"] = (AmazonS3Operation.GetObjectMetaData, ["bucketUrl", "objectName", "range", "ifModifiedSince", "ifUnmodifiedSince", "ifMatch", "ifNoneMatch"]),
    };

    /// <summary>The uri-template each translated operation's template sends to (SB0293 names it).</summary>
    private static readonly Dictionary<AmazonS3Operation, (string Template, string EncodedSlot)> AmazonS3Templates = new()
    {
        [AmazonS3Operation.CheckBucketPermission] = ("{uri.var.bucketUrl}{uri.var.uriRemainder}", "uri.var.uriRemainder"),
        [AmazonS3Operation.DeleteBucket] = ("{uri.var.bucketUrl}{uri.var.uriRemainder}", "uri.var.uriRemainder"),
        [AmazonS3Operation.DeleteBucketPolicy] = ("{uri.var.bucketUrl}{uri.var.uriRemainder}", "uri.var.uriRemainder"),
        [AmazonS3Operation.DeleteBucketWebsiteConfiguration] = ("{uri.var.bucketUrl}{uri.var.uriRemainder}", "uri.var.uriRemainder"),
        [AmazonS3Operation.GetBucketAcl] = ("{uri.var.bucketUrl}{uri.var.uriRemainder}", "uri.var.uriRemainder"),
        [AmazonS3Operation.GetBucketLifeCycle] = ("{uri.var.bucketUrl}{uri.var.uriRemainder}", "uri.var.uriRemainder"),
        [AmazonS3Operation.GetBucketPolicy] = ("{uri.var.bucketUrl}{uri.var.uriRemainder}", "uri.var.uriRemainder"),
        [AmazonS3Operation.GetBucketRequestPayment] = ("{uri.var.bucketUrl}{uri.var.uriRemainder}", "uri.var.uriRemainder"),
        [AmazonS3Operation.GetBucketVersioning] = ("{uri.var.bucketUrl}{uri.var.uriRemainder}", "uri.var.uriRemainder"),
        [AmazonS3Operation.GetWebSiteConfiguration] = ("{uri.var.bucketUrl}{uri.var.uriRemainder}", "uri.var.uriRemainder"),
        [AmazonS3Operation.GetObjectsInBucket] = ("{uri.var.bucketUrl}{uri.var.query}", "uri.var.query"),
        [AmazonS3Operation.GetBucketObjectVersions] = ("{uri.var.bucketUrl}{uri.var.uriRemainder}{uri.var.query}", "uri.var.uriRemainder"),
        [AmazonS3Operation.ListMultipartUploads] = ("{uri.var.bucketUrl}{uri.var.uriRemainder}{uri.var.query}", "uri.var.uriRemainder"),
        [AmazonS3Operation.ListParts] = ("{uri.var.bucketUrl}{uri.var.uriRemainder}{uri.var.query}", "uri.var.uriRemainder"),
        [AmazonS3Operation.DeleteObject] = ("{uri.var.bucketUrl}{uri.var.uriRemainder}", "uri.var.uriRemainder"),
        [AmazonS3Operation.AbortMultipartUpload] = ("{uri.var.bucketUrl}{uri.var.uriRemainder}", "uri.var.uriRemainder"),
        [AmazonS3Operation.GetObjectMetaData] = ("{uri.var.bucketUrl}{uri.var.uriRemainder}", "uri.var.uriRemainder"),
    };

    /// <summary>Why the other operations of the connector 1.0.x stay TODOs.</summary>
    private static readonly Dictionary<string, string> AmazonS3Untranslatable = new(StringComparer.Ordinal)
    {
        ["createBucket"] = "its template builds the request body (a CreateBucketConfiguration, or an empty SOAP envelope sent with FORCE_POST_PUT_NOBODY) with a payloadFactory the generated helpers do not reproduce",
        ["createBucketPolicy"] = "its template sends the policy as a JSON body built by a payloadFactory, which the generated helpers do not reproduce",
        ["createBucketWebsiteConfiguration"] = "its template sends a WebsiteConfiguration body built by a payloadFactory from the property's XML, which the generated helpers do not reproduce",
        ["setBucketACL"] = "its template sends an AccessControlPolicy body built by a payloadFactory from the property's XML, which the generated helpers do not reproduce",
        ["createObjectACL"] = "its template sends an AccessControlPolicy body built by a payloadFactory from the property's XML, which the generated helpers do not reproduce",
        ["createObjectCopy"] = "its template sends an empty body (FORCE_POST_PUT_NOBODY, NO_ENTITY_BODY) with the copy headers, which the generated helpers do not reproduce",
        ["deleteMultipleObjects"] = "its template builds the Delete body with a script and signs its Content-MD5 (AmazonS3ContentMD5Builder), which the generated helpers do not reproduce",
        ["completeMultipartUpload"] = "its template sends a CompleteMultipartUpload body built by a payloadFactory from the property's XML, which the generated helpers do not reproduce",
        ["createObject"] = "its template posts the incoming message with FORCE_HTTP_CONTENT_LENGTH and COPY_CONTENT_LENGTH_FROM_INCOMING (a browser-form upload), which the generated helpers do not reproduce",
        ["uploadPart"] = "its template puts the incoming message with FORCE_HTTP_CONTENT_LENGTH and COPY_CONTENT_LENGTH_FROM_INCOMING, which the generated helpers do not reproduce",
        ["initMultipartUpload"] = "its template posts an empty body with the object headers, which the generated helpers do not reproduce",
        ["getObject"] = "its template wraps a 200 answer in a getObjectResponse element (the Content-Type and the body's nodes) and sets messageType, which the generated helpers do not reproduce",
        ["getAuthorization"] = "its template answers the client at once (a respond inside the template) with the signature it computed, which the generated helpers do not reproduce",
    };

    /// <summary>
    /// <c>&lt;amazons3.*&gt;</c> of the Amazon S3 connector 1.0.x: one call of the operation's helper with the parameters'
    /// values, and SB0293 when the operation's uri-template percent-encodes the part of the URL after the bucket; a TODO
    /// (SB0232) for an operation whose template builds a body or rewrites the answer, or a setting the 1.0.x templates
    /// do not declare.
    /// </summary>
    private IEnumerable<StepIr> LowerAmazonS3Operation(ConnectorOperationMediator operation, FlowContext context)
    {
        var steps = LowerAwsOperation(operation, context, AmazonS3Operations, AmazonS3Untranslatable,
            "only a later Amazon S3 connector reads, with settings and results the 1.0.x helpers do not reproduce",
            (kind, arguments) => new AmazonS3Step(operation, kind, arguments)).ToList();
        if (steps is [AmazonS3Step step] && AmazonS3Templates.TryGetValue(step.Operation, out var template))
        {
            _diagnostics.Report(DiagnosticCatalog.AmazonS3UrlEncoded, operation.Location, operation.ElementName, template.Template, template.EncodedSlot);
        }

        return steps;
    }
}
