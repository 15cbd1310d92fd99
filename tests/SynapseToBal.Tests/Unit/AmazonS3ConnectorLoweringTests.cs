using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Lowering;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>The Amazon S3 connector 1.0.x: init and the operations, as run-time helpers that build, sign and send the template's request.</summary>
public sealed class AmazonS3ConnectorLoweringTests
{
    private static (PackageIr Package, DiagnosticBag Diagnostics) Lower(string operations) =>
        ArtifactLowering.Definitions($"""<sequence name="flow">{operations}</sequence>""");

    private static StepIr Single(string operation) => Assert.Single(Assert.Single(Lower(operation).Package.Functions).Body);

    [Theory]
    [InlineData("<amazons3.init><secretAccessKey>{$ctx:secretAccessKey}</secretAccessKey><accessKeyId>{$ctx:accessKeyId}</accessKeyId><isXAmzDate>{$ctx:isXAmzDate}</isXAmzDate><bucketName>{$ctx:b}</bucketName></amazons3.init>", AmazonS3Operation.Init, "accessKeyId,secretAccessKey,isXAmzDate,bucketName")]
    [InlineData("<amazons3.getBuckets><apiUrl>{$ctx:apiUrl}</apiUrl></amazons3.getBuckets>", AmazonS3Operation.GetBuckets, "apiUrl")]
    [InlineData("<amazons3.checkBucketPermission><bucketUrl>{$ctx:u}</bucketUrl></amazons3.checkBucketPermission>", AmazonS3Operation.CheckBucketPermission, "bucketUrl")]
    [InlineData("<amazons3.deleteBucket><bucketUrl>{$ctx:u}</bucketUrl></amazons3.deleteBucket>", AmazonS3Operation.DeleteBucket, "bucketUrl")]
    [InlineData("<amazons3.deleteBucketPolicy><bucketUrl>{$ctx:u}</bucketUrl></amazons3.deleteBucketPolicy>", AmazonS3Operation.DeleteBucketPolicy, "bucketUrl")]
    [InlineData("<amazons3.deleteBucketWebsiteConfiguration><bucketUrl>{$ctx:u}</bucketUrl></amazons3.deleteBucketWebsiteConfiguration>", AmazonS3Operation.DeleteBucketWebsiteConfiguration, "bucketUrl")]
    [InlineData("<amazons3.getBucketACL><bucketUrl>{$ctx:u}</bucketUrl></amazons3.getBucketACL>", AmazonS3Operation.GetBucketAcl, "bucketUrl")]
    [InlineData("<amazons3.getBucketLifeCycle><bucketUrl>{$ctx:u}</bucketUrl></amazons3.getBucketLifeCycle>", AmazonS3Operation.GetBucketLifeCycle, "bucketUrl")]
    [InlineData("<amazons3.getBucketPolicy><bucketUrl>{$ctx:u}</bucketUrl></amazons3.getBucketPolicy>", AmazonS3Operation.GetBucketPolicy, "bucketUrl")]
    [InlineData("<amazons3.getBucketRequestPayment><bucketUrl>{$ctx:u}</bucketUrl></amazons3.getBucketRequestPayment>", AmazonS3Operation.GetBucketRequestPayment, "bucketUrl")]
    [InlineData("<amazons3.getBucketVersioning><bucketUrl>{$ctx:u}</bucketUrl></amazons3.getBucketVersioning>", AmazonS3Operation.GetBucketVersioning, "bucketUrl")]
    [InlineData("<amazons3.getWebSiteConfiguration><bucketUrl>{$ctx:u}</bucketUrl></amazons3.getWebSiteConfiguration>", AmazonS3Operation.GetWebSiteConfiguration, "bucketUrl")]
    [InlineData("<amazons3.getObjectsInBucket><prefix>p</prefix><maxKeys>10</maxKeys><bucketUrl>{$ctx:u}</bucketUrl></amazons3.getObjectsInBucket>", AmazonS3Operation.GetObjectsInBucket, "bucketUrl,maxKeys,prefix")]
    [InlineData("<amazons3.getBucketObjectVersions><versionIdMarker>v</versionIdMarker><bucketUrl>{$ctx:u}</bucketUrl></amazons3.getBucketObjectVersions>", AmazonS3Operation.GetBucketObjectVersions, "bucketUrl,versionIdMarker")]
    [InlineData("<amazons3.listMultipartUploads><bucketUrl>{$ctx:u}</bucketUrl><maxUploads>5</maxUploads></amazons3.listMultipartUploads>", AmazonS3Operation.ListMultipartUploads, "bucketUrl,maxUploads")]
    [InlineData("<amazons3.listParts><uploadId>{$ctx:id}</uploadId><objectName>o</objectName><bucketUrl>{$ctx:u}</bucketUrl></amazons3.listParts>", AmazonS3Operation.ListParts, "bucketUrl,objectName,uploadId")]
    [InlineData("<amazons3.deleteObject><versionId>{$ctx:v}</versionId><objectName>o</objectName><bucketUrl>{$ctx:u}</bucketUrl></amazons3.deleteObject>", AmazonS3Operation.DeleteObject, "bucketUrl,objectName,versionId")]
    [InlineData("<amazons3.abortMultipartUpload><uploadId>{$ctx:id}</uploadId><bucketUrl>{$ctx:u}</bucketUrl><objectName>o</objectName></amazons3.abortMultipartUpload>", AmazonS3Operation.AbortMultipartUpload, "bucketUrl,objectName,uploadId")]
    [InlineData("<amazons3.getObjectMetaData><ifMatch>e</ifMatch><objectName>o</objectName><bucketUrl>{$ctx:u}</bucketUrl></amazons3.getObjectMetaData>", AmazonS3Operation.GetObjectMetaData, "bucketUrl,objectName,ifMatch")]
    [InlineData("<amazons3.getObject><ifNoneMatch>e</ifNoneMatch><responseContentType>text/plain</responseContentType><objectName>o</objectName><range>{$trp:Range}</range><bucketUrl>{$ctx:u}</bucketUrl></amazons3.getObject>", AmazonS3Operation.GetObject, "bucketUrl,objectName,responseContentType,range,ifNoneMatch")]
    [InlineData("<amazons3.createBucket><bucketRegion>{$ctx:r}</bucketRegion><bucketUrl>{$ctx:u}</bucketUrl></amazons3.createBucket>", AmazonS3Operation.CreateBucket, "bucketUrl,bucketRegion")]
    [InlineData("<amazons3.createBucketPolicy><bucketPolicy>{$ctx:p}</bucketPolicy><bucketUrl>{$ctx:u}</bucketUrl></amazons3.createBucketPolicy>", AmazonS3Operation.CreateBucketPolicy, "bucketUrl,bucketPolicy")]
    [InlineData("<amazons3.createBucketWebsiteConfiguration><websiteConfig>{$ctx:w}</websiteConfig><bucketUrl>{$ctx:u}</bucketUrl></amazons3.createBucketWebsiteConfiguration>", AmazonS3Operation.CreateBucketWebsiteConfiguration, "bucketUrl,websiteConfig")]
    [InlineData("<amazons3.setBucketACL><bucketUrl>{$ctx:u}</bucketUrl><accessControlPolicy>{$ctx:p}</accessControlPolicy></amazons3.setBucketACL>", AmazonS3Operation.SetBucketAcl, "bucketUrl,accessControlPolicy")]
    [InlineData("<amazons3.createObjectACL><versionId>v</versionId><accessControlList>{$ctx:l}</accessControlList><bucketUrl>{$ctx:u}</bucketUrl><objectName>o</objectName></amazons3.createObjectACL>", AmazonS3Operation.CreateObjectAcl, "objectName,bucketUrl,accessControlList,versionId")]
    [InlineData("<amazons3.createObjectCopy><destinationObject>d</destinationObject><bucketUrl>{$ctx:u}</bucketUrl></amazons3.createObjectCopy>", AmazonS3Operation.CreateObjectCopy, "bucketUrl,destinationObject")]
    [InlineData("<amazons3.deleteMultipleObjects><quiet>{$ctx:q}</quiet><bucketUrl>{$ctx:u}</bucketUrl><deleteConfig>{$ctx:d}</deleteConfig></amazons3.deleteMultipleObjects>", AmazonS3Operation.DeleteMultipleObjects, "bucketUrl,deleteConfig,quiet")]
    [InlineData("<amazons3.initMultipartUpload><expires>e</expires><objectName>o</objectName><bucketUrl>{$ctx:u}</bucketUrl></amazons3.initMultipartUpload>", AmazonS3Operation.InitMultipartUpload, "bucketUrl,objectName,expires")]
    [InlineData("<amazons3.completeMultipartUpload><partDetails>{$ctx:p}</partDetails><uploadId>{$ctx:id}</uploadId><objectName>o</objectName><bucketUrl>{$ctx:u}</bucketUrl></amazons3.completeMultipartUpload>", AmazonS3Operation.CompleteMultipartUpload, "bucketUrl,objectName,uploadId,partDetails")]
    [InlineData("<amazons3.createObject><bucketUrl>{$url:bucketUrl}</bucketUrl></amazons3.createObject>", AmazonS3Operation.CreateObject, "bucketUrl")]
    [InlineData("<amazons3.uploadPart><partNumber>1</partNumber><uploadId>{$ctx:id}</uploadId><objectName>o</objectName><bucketUrl>{$ctx:u}</bucketUrl></amazons3.uploadPart>", AmazonS3Operation.UploadPart, "bucketUrl,objectName,uploadId,partNumber")]
    public void An_operation_becomes_its_helper_call_with_its_parameters_in_the_helpers_order(string xml, AmazonS3Operation operation, string names)
    {
        var step = Assert.IsType<AmazonS3Step>(Single(xml));

        Assert.Equal(operation, step.Operation);
        Assert.Equal(names.Split(','), step.Arguments.Select(a => a.Name));
    }

    [Fact]
    public void Literal_keys_become_required_configurables()
    {
        var (package, diagnostics) = Lower("<amazons3.init><accessKeyId>AKIAEXAMPLE</accessKeyId><secretAccessKey>s3-Secret</secretAccessKey><bucketName>photos</bucketName></amazons3.init>");

        var step = Assert.IsType<AmazonS3Step>(Assert.Single(Assert.Single(package.Functions).Body));
        foreach (var name in new[] { "accessKeyId", "secretAccessKey" })
        {
            var read = Assert.IsType<ConfigurableReadIr>(step.Arguments.Single(a => a.Name == name).Value);
            var configurable = Assert.Single(package.Configurables, c => c.Name == read.Configurable);
            Assert.True(configurable.Secret);
            Assert.Null(configurable.DefaultValue);
        }

        Assert.IsNotType<ConfigurableReadIr>(step.Arguments.Single(a => a.Name == "bucketName").Value);
        Assert.Contains(diagnostics.Items, d => d.Descriptor == DiagnosticCatalog.SecretConfigurable);
        Assert.DoesNotContain(package.Configurables, c => c.DefaultValue is "s3-Secret" or "AKIAEXAMPLE");
    }

    [Theory]
    [InlineData("<amazons3.getBucketACL><bucketUrl>{$ctx:u}</bucketUrl></amazons3.getBucketACL>", "{uri.var.bucketUrl}{uri.var.uriRemainder}")]
    [InlineData("<amazons3.getObjectsInBucket><bucketUrl>{$ctx:u}</bucketUrl></amazons3.getObjectsInBucket>", "{uri.var.bucketUrl}{uri.var.query}")]
    [InlineData("<amazons3.getObject><bucketUrl>{$ctx:u}</bucketUrl><objectName>o</objectName></amazons3.getObject>", "{uri.var.bucketUrl}{uri.var.uriRemainder}{uri.var.query}")]
    [InlineData("<amazons3.createBucket><bucketUrl>{$ctx:u}</bucketUrl></amazons3.createBucket>", "{uri.var.bucketUrl}{uri.var.uriRemainder}")]
    [InlineData("<amazons3.deleteMultipleObjects><bucketUrl>{$ctx:u}</bucketUrl></amazons3.deleteMultipleObjects>", "{uri.var.bucketUrl}{uri.var.uriRemainder}")]
    public void An_operation_whose_template_encodes_the_resource_is_reported(string xml, string template)
    {
        var (_, diagnostics) = Lower(xml);

        var reported = Assert.Single(diagnostics.Items, d => d.Descriptor == DiagnosticCatalog.AmazonS3UrlEncoded);
        Assert.Contains(template, reported.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<amazons3.getBuckets><apiUrl>{$ctx:apiUrl}</apiUrl></amazons3.getBuckets>")]
    [InlineData("<amazons3.init><accessKeyId>{$ctx:k}</accessKeyId></amazons3.init>")]
    [InlineData("<amazons3.createObject><bucketUrl>{$ctx:u}</bucketUrl></amazons3.createObject>")]
    [InlineData("<amazons3.uploadPart><bucketUrl>{$ctx:u}</bucketUrl><objectName>o</objectName></amazons3.uploadPart>")]
    public void The_init_get_buckets_and_the_uploads_are_not_reported(string xml)
    {
        var (_, diagnostics) = Lower(xml);

        Assert.DoesNotContain(diagnostics.Items, d => d.Descriptor == DiagnosticCatalog.AmazonS3UrlEncoded);
    }

    [Theory]
    [InlineData("<amazons3.getObject><bucketUrl>{$ctx:u}</bucketUrl><objectKey>o</objectKey></amazons3.getObject>", "objectKey is not a parameter of the 1.0.x connector's getObject")]
    [InlineData("<amazons3.createBucket><bucketUrl>{$ctx:u}</bucketUrl><region>{$ctx:r}</region></amazons3.createBucket>", "region is not a parameter of the 1.0.x connector's createBucket")]
    [InlineData("<amazons3.uploadPart><bucketUrl>{$ctx:u}</bucketUrl><contentMD5>{$ctx:m}</contentMD5></amazons3.uploadPart>", "contentMD5 is not a parameter of the 1.0.x connector's uploadPart")]
    [InlineData("<amazons3.createBucketPolicy configKey=\"s3\"><bucketUrl>{$ctx:u}</bucketUrl></amazons3.createBucketPolicy>", "configKey")]
    [InlineData("<amazons3.getAuthorization><bucketUrl>{$ctx:u}</bucketUrl></amazons3.getAuthorization>", "bucketUrl is not a parameter of the 1.0.x connector's getAuthorization")]
    [InlineData("<amazons3.listParts><uploadId>{$ctx:id}</uploadId><contentEncoding>{$ctx:e}</contentEncoding><bucketUrl>{$ctx:u}</bucketUrl></amazons3.listParts>", "contentEncoding is not a parameter of the 1.0.x connector's listParts")]
    [InlineData("<amazons3.getBuckets configKey=\"s3\"/>", "configKey")]
    [InlineData("<amazons3.deleteObject><bucketUrl><x/></bucketUrl></amazons3.deleteObject>", "its bucketUrl holds XML")]
    public void An_operation_the_helpers_do_not_reproduce_stays_a_todo_that_says_why(string xml, string reason)
    {
        var todo = Assert.IsType<TodoStep>(Single(xml));

        Assert.Equal(DiagnosticCatalog.ConnectorOperationNotTranslated, todo.Reason.Descriptor);
        Assert.Contains(reason, todo.Reason.Message, StringComparison.Ordinal);
        Assert.Contains("s3:Client", todo.Reason.Message, StringComparison.Ordinal);
    }
    [Theory]
    [InlineData("<amazons3.createObjectACL><bucketUrl>{$ctx:u}</bucketUrl><objectName>o</objectName></amazons3.createObjectACL>", "AccessControlPolicy")]
    [InlineData("<amazons3.completeMultipartUpload><bucketUrl>{$ctx:u}</bucketUrl><objectName>o</objectName></amazons3.completeMultipartUpload>", "CompleteMultipartUpload")]
    public void A_body_the_template_builds_in_the_synapse_namespace_is_reported(string xml, string element)
    {
        var (package, diagnostics) = Lower(xml);

        Assert.IsType<AmazonS3Step>(Assert.Single(Assert.Single(package.Functions).Body));
        var reported = Assert.Single(diagnostics.Items, d => d.Descriptor == DiagnosticCatalog.AmazonS3BodyInSynapseNamespace);
        Assert.Contains($"<{element}>", reported.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.DoesNotContain(diagnostics.Items, d => d.Descriptor == DiagnosticCatalog.AmazonS3UploadUnsigned);
    }

    [Theory]
    [InlineData("<amazons3.setBucketACL><bucketUrl>{$ctx:u}</bucketUrl></amazons3.setBucketACL>")]
    [InlineData("<amazons3.createBucketWebsiteConfiguration><bucketUrl>{$ctx:u}</bucketUrl></amazons3.createBucketWebsiteConfiguration>")]
    [InlineData("<amazons3.deleteMultipleObjects><bucketUrl>{$ctx:u}</bucketUrl></amazons3.deleteMultipleObjects>")]
    public void A_body_in_no_namespace_is_not_reported(string xml)
    {
        var (_, diagnostics) = Lower(xml);

        Assert.DoesNotContain(diagnostics.Items, d => d.Descriptor == DiagnosticCatalog.AmazonS3BodyInSynapseNamespace);
    }

    [Theory]
    [InlineData("<amazons3.createObject><bucketUrl>{$ctx:u}</bucketUrl></amazons3.createObject>")]
    [InlineData("<amazons3.uploadPart><bucketUrl>{$ctx:u}</bucketUrl><objectName>o</objectName><uploadId>i</uploadId><partNumber>1</partNumber></amazons3.uploadPart>")]
    public void An_upload_sent_unsigned_as_received_is_reported(string xml)
    {
        var (_, diagnostics) = Lower(xml);

        Assert.Single(diagnostics.Items, d => d.Descriptor == DiagnosticCatalog.AmazonS3UploadUnsigned);
        Assert.DoesNotContain(diagnostics.Items, d => d.Descriptor == DiagnosticCatalog.AmazonS3UrlEncoded);
    }

    [Fact]
    public void Get_authorization_signs_then_answers_the_client_and_ends_the_flow()
    {
        var (package, diagnostics) = Lower("<amazons3.getAuthorization><uriRemainder>{$ctx:r}</uriRemainder></amazons3.getAuthorization><log/>");

        var body = Assert.Single(package.Functions).Body;
        var step = Assert.IsType<AmazonS3Step>(body[0]);
        Assert.Equal(AmazonS3Operation.GetAuthorization, step.Operation);
        Assert.Equal(["uriRemainder"], step.Arguments.Select(a => a.Name));
        Assert.IsType<RespondStep>(body[1]);
        Assert.DoesNotContain(diagnostics.Items, d => d.Descriptor == DiagnosticCatalog.AmazonS3UrlEncoded);
    }
}
