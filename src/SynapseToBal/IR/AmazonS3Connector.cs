using System.Collections.Immutable;
using SynapseToBal.Syntax;

namespace SynapseToBal.IR;

/// <summary>
/// An operation of the Amazon S3 connector 1.0.x (<c>amazons3.*</c>, templates that sign a call to S3's REST API with
/// AWS signature version 2) that the generated code performs with a run-time helper sending the template's request.
/// </summary>
public enum AmazonS3Operation
{
    /// <summary>amazons3.init: the <c>uri.var.*</c> properties and the transport headers of the init template.</summary>
    Init,

    /// <summary>amazons3.getBuckets (GET Service).</summary>
    GetBuckets,

    /// <summary>amazons3.checkBucketPermission (HEAD Bucket).</summary>
    CheckBucketPermission,

    /// <summary>amazons3.deleteBucket (DELETE Bucket).</summary>
    DeleteBucket,

    /// <summary>amazons3.deleteBucketPolicy (DELETE Bucket policy).</summary>
    DeleteBucketPolicy,

    /// <summary>amazons3.deleteBucketWebsiteConfiguration (DELETE Bucket website).</summary>
    DeleteBucketWebsiteConfiguration,

    /// <summary>amazons3.getBucketACL (GET Bucket acl).</summary>
    GetBucketAcl,

    /// <summary>amazons3.getBucketLifeCycle (GET Bucket lifecycle).</summary>
    GetBucketLifeCycle,

    /// <summary>amazons3.getBucketPolicy (GET Bucket policy).</summary>
    GetBucketPolicy,

    /// <summary>amazons3.getBucketRequestPayment (GET Bucket requestPayment).</summary>
    GetBucketRequestPayment,

    /// <summary>amazons3.getBucketVersioning (GET Bucket versioning).</summary>
    GetBucketVersioning,

    /// <summary>amazons3.getWebSiteConfiguration (GET Bucket website).</summary>
    GetWebSiteConfiguration,

    /// <summary>amazons3.getObjectsInBucket (GET Bucket, list objects).</summary>
    GetObjectsInBucket,

    /// <summary>amazons3.getBucketObjectVersions (GET Bucket versions).</summary>
    GetBucketObjectVersions,

    /// <summary>amazons3.listMultipartUploads (List Multipart Uploads).</summary>
    ListMultipartUploads,

    /// <summary>amazons3.listParts (List Parts).</summary>
    ListParts,

    /// <summary>amazons3.deleteObject (DELETE Object).</summary>
    DeleteObject,

    /// <summary>amazons3.abortMultipartUpload (Abort Multipart Upload).</summary>
    AbortMultipartUpload,

    /// <summary>amazons3.getObjectMetaData (HEAD Object).</summary>
    GetObjectMetaData,

    /// <summary>amazons3.getObject (GET Object, a 200 answer wrapped in the template's getObjectResponse).</summary>
    GetObject,

    /// <summary>amazons3.createBucket (PUT Bucket, a CreateBucketConfiguration with the region, or no body).</summary>
    CreateBucket,

    /// <summary>amazons3.createBucketPolicy (PUT Bucket policy, the policy as JSON).</summary>
    CreateBucketPolicy,

    /// <summary>amazons3.createBucketWebsiteConfiguration (PUT Bucket website).</summary>
    CreateBucketWebsiteConfiguration,

    /// <summary>amazons3.setBucketACL (PUT Bucket acl).</summary>
    SetBucketAcl,

    /// <summary>amazons3.createObjectACL (PUT Object acl).</summary>
    CreateObjectAcl,

    /// <summary>amazons3.createObjectCopy (PUT Object - Copy, no body, the copy headers).</summary>
    CreateObjectCopy,

    /// <summary>amazons3.deleteMultipleObjects (Delete Multiple Objects, with its Content-MD5).</summary>
    DeleteMultipleObjects,

    /// <summary>amazons3.initMultipartUpload (Initiate Multipart Upload, no body).</summary>
    InitMultipartUpload,

    /// <summary>amazons3.completeMultipartUpload (Complete Multipart Upload).</summary>
    CompleteMultipartUpload,

    /// <summary>amazons3.createObject (POST Object: the message as it is, unsigned).</summary>
    CreateObject,

    /// <summary>amazons3.uploadPart (Upload Part: the message as it is, unsigned).</summary>
    UploadPart,

    /// <summary>amazons3.getAuthorization (the signature as the payload; a respond follows the step).</summary>
    GetAuthorization,
}

/// <summary>
/// An Amazon S3 connector 1.0.x operation: the run-time helper of <see cref="Operation"/> called with the operation's
/// parameters, each evaluated to a string as the connector's template reads them. The helper does what the template
/// does: it sets the template's <c>uri.var.*</c> properties, signs the request as AmazonS3AuthConnector does (from the
/// message's properties), sends it as the template's <c>call</c> does and leaves S3's answer and status as the message.
/// </summary>
/// <param name="Arguments">The parameters given, by the helper's parameter name, in the helper's order.</param>
public sealed record AmazonS3Step(
    MediatorSyntax Origin,
    AmazonS3Operation Operation,
    ImmutableArray<AwsArgumentIr> Arguments) : StepIr(Origin);

/// <summary>A parameter of an Amazon (SQS or S3) connector 1.0.x operation: its name (the connector's, also the helper's) and its value.</summary>
public sealed record AwsArgumentIr(string Name, ExprIr Value);
