using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

// The Amazon S3 connector 1.0.x (wso2 esb-connectors amazons3-connector-1.0.0, templates that sign a call to S3's REST
// API with AWS signature version 2, AmazonS3AuthConnector): init and the operations become calls of run-time helpers
// that do what the template does (the uri.var.* properties, the body its payloadFactory builds, the signature from the
// message's properties, the transport headers, the call to the template's uri-template, the response headers it
// removes), so S3's XML answer and status are the message afterwards (getAuthorization answers the client with the
// signature, as its template's respond does; getObject wraps a 200 answer in its template's getObjectResponse).
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
        ["getObject"] = (AmazonS3Operation.GetObject,
        [
            "bucketUrl", "objectName", "query", "responseContentType", "responseContentLanguage", "responseExpires",
            "responseCacheControl", "responseContentDisposition", "responseContentEncoding", "range", "ifModifiedSince",
            "ifUnmodifiedSince", "ifMatch", "ifNoneMatch",
        ]),
        ["createBucket"] = (AmazonS3Operation.CreateBucket, ["bucketUrl", "bucketRegion"]),
        ["createBucketPolicy"] = (AmazonS3Operation.CreateBucketPolicy, ["bucketUrl", "bucketPolicy"]),
        ["createBucketWebsiteConfiguration"] = (AmazonS3Operation.CreateBucketWebsiteConfiguration, ["bucketUrl", "websiteConfig"]),
        ["setBucketACL"] = (AmazonS3Operation.SetBucketAcl, ["bucketUrl", "accessControlPolicy"]),
        ["createObjectACL"] = (AmazonS3Operation.CreateObjectAcl, ["objectName", "bucketUrl", "ownerId", "ownerDisplayName", "accessControlList", "versionId"]),
        ["createObjectCopy"] = (AmazonS3Operation.CreateObjectCopy, ["bucketUrl", "destinationObject"]),
        ["deleteMultipleObjects"] = (AmazonS3Operation.DeleteMultipleObjects, ["bucketUrl", "deleteConfig", "quiet"]),
        ["initMultipartUpload"] = (AmazonS3Operation.InitMultipartUpload, ["bucketUrl", "objectName", "cacheControl", "contentDisposition", "contentEncoding", "expires"]),
        ["completeMultipartUpload"] = (AmazonS3Operation.CompleteMultipartUpload, ["bucketUrl", "objectName", "cacheControl", "contentDisposition", "contentEncoding", "expires", "uploadId", "partDetails"]),
        ["createObject"] = (AmazonS3Operation.CreateObject, ["bucketUrl"]),
        ["uploadPart"] = (AmazonS3Operation.UploadPart, ["bucketUrl", "objectName", "uploadId", "partNumber"]),
        ["getAuthorization"] = (AmazonS3Operation.GetAuthorization, ["uriRemainder"]),
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
        [AmazonS3Operation.GetObject] = ("{uri.var.bucketUrl}{uri.var.uriRemainder}{uri.var.query}", "uri.var.uriRemainder"),
        [AmazonS3Operation.CreateBucket] = ("{uri.var.bucketUrl}{uri.var.uriRemainder}", "uri.var.uriRemainder"),
        [AmazonS3Operation.CreateBucketPolicy] = ("{uri.var.bucketUrl}{uri.var.uriRemainder}", "uri.var.uriRemainder"),
        [AmazonS3Operation.CreateBucketWebsiteConfiguration] = ("{uri.var.bucketUrl}{uri.var.uriRemainder}", "uri.var.uriRemainder"),
        [AmazonS3Operation.SetBucketAcl] = ("{uri.var.bucketUrl}{uri.var.uriRemainder}", "uri.var.uriRemainder"),
        [AmazonS3Operation.CreateObjectAcl] = ("{uri.var.bucketUrl}{uri.var.uriRemainder}", "uri.var.uriRemainder"),
        [AmazonS3Operation.CreateObjectCopy] = ("{uri.var.bucketUrl}{uri.var.uriRemainder}", "uri.var.uriRemainder"),
        [AmazonS3Operation.DeleteMultipleObjects] = ("{uri.var.bucketUrl}{uri.var.uriRemainder}", "uri.var.uriRemainder"),
        [AmazonS3Operation.InitMultipartUpload] = ("{uri.var.bucketUrl}{uri.var.uriRemainder}", "uri.var.uriRemainder"),
        [AmazonS3Operation.CompleteMultipartUpload] = ("{uri.var.bucketUrl}{uri.var.uriRemainder}", "uri.var.uriRemainder"),
    };

    /// <summary>Why the other operations of the connector 1.0.x stay TODOs: every operation of its templates is translated.</summary>
    private static readonly Dictionary<string, string> AmazonS3Untranslatable = new(StringComparer.Ordinal);

    /// <summary>
    /// <c>&lt;amazons3.*&gt;</c> of the Amazon S3 connector 1.0.x: one call of the operation's helper with the parameters'
    /// values, and SB0293 when the operation's uri-template percent-encodes the part of the URL after the bucket (SB0272
    /// for a body the template builds in the Synapse namespace, SB0273 for an upload sent unsigned, as received); a TODO
    /// (SB0232) for a setting the 1.0.x templates do not declare. getAuthorization is followed by a respond,
    /// as its template ends with one.
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

        switch (steps)
        {
            case [AmazonS3Step { Operation: AmazonS3Operation.CreateObjectAcl }]:
                _diagnostics.Report(DiagnosticCatalog.AmazonS3BodyInSynapseNamespace, operation.Location, operation.ElementName, "AccessControlPolicy");
                break;
            case [AmazonS3Step { Operation: AmazonS3Operation.CompleteMultipartUpload }]:
                _diagnostics.Report(DiagnosticCatalog.AmazonS3BodyInSynapseNamespace, operation.Location, operation.ElementName, "CompleteMultipartUpload");
                break;
            case [AmazonS3Step { Operation: AmazonS3Operation.CreateObject or AmazonS3Operation.UploadPart }]:
                _diagnostics.Report(DiagnosticCatalog.AmazonS3UploadUnsigned, operation.Location, operation.ElementName);
                break;
            case [AmazonS3Step { Operation: AmazonS3Operation.GetAuthorization }]:
                // The template ends with <respond/>: the client gets the signature and the mediation stops there.
                steps.Add(new RespondStep(operation));
                break;
        }

        return steps;
    }
}
