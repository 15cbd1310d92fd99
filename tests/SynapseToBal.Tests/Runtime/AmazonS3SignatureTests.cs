using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Xunit;

namespace SynapseToBal.Tests.Runtime;

/// <summary>
/// The Amazon S3 connector 1.0.x's request signature (AWS signature version 2, as AmazonS3AuthConnector and
/// AmazonS3Authentication compute it), reproduced by the runtime's amazonS3StringToSign and amazonS3Authorization.
/// The algorithm is mirrored here step by step and checked against the signatures of AWS's published examples
/// ("Signing and authenticating REST requests", Amazon S3 developer guide: access key AKIAIOSFODNN7EXAMPLE, secret
/// wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY); the runtime source is checked to take the same steps in the same order.
/// </summary>
public sealed class AmazonS3SignatureTests
{
    private const string AccessKeyId = "AKIAIOSFODNN7EXAMPLE";
    private const string SecretAccessKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    private static readonly (string Property, string Header)[] SignedHeaders =
    [
        ("xAmzSecurityToken", "x-amz-security-token"), ("xAmzAcl", "x-amz-acl"), ("xAmzGrantRead", "x-amz-grant-read"),
        ("xAmzGrantWrite", "x-amz-grant-write"), ("xAmzGrantReadAcp", "x-amz-grant-read-acp"),
        ("xAmzGrantWriteAcp", "x-amz-grant-write-acp"), ("xAmzGrantFullControl", "x-amz-grant-full-control"),
        ("xAmzMeta", "x-amz-meta-"), ("xAmzServeEncryption", "x-amz-server-side-encryption"),
        ("xAmzStorageClass", "x-amz-storage-class"), ("xAmzWebsiteLocation", "x-amz-website-redirect-location"),
        ("xAmzMfa", "x-amz-mfa"), ("xAmzCopySource", "x-amz-copy-source"), ("xAmzMetadataDirective", "x-amz-metadata-directive"),
        ("xAmzCopySourceIfMatch", "x-amz-copy-source-if-match"), ("xAmzCopySourceIfNoneMatch", "x-amz-copy-source-if-none-match"),
        ("xAmzCopySourceIfUnmodifiedSince", "x-amz-copy-source-if-unmodified-since"),
        ("xAmzCopySourceIfModifiedSince", "x-amz-copy-source-if-modified-since"),
    ];

    /// <summary>amazonS3StringToSign, step by step.</summary>
    private static string StringToSign(IReadOnlyDictionary<string, string> properties, string date, string uriRemainder)
    {
        string Read(string name) => properties.GetValueOrDefault(name, string.Empty);
        var trimmed = date.Trim();
        var result = new StringBuilder().Append(Read("methodType")).Append('\n').Append(Read("contentMD5")).Append('\n')
            .Append(Read("contentType")).Append('\n');
        var amzHeaders = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (string.Equals(Read("isXAmzDate"), "true", StringComparison.OrdinalIgnoreCase))
        {
            result.Append('\n');
            amzHeaders["x-amz-date"] = trimmed;
        }
        else
        {
            result.Append(trimmed).Append('\n');
        }

        foreach (var (property, header) in SignedHeaders)
        {
            if (Read(property) is { Length: > 0 } value)
            {
                amzHeaders[header] = Regex.Replace(value, @"\s+", string.Empty);
            }
        }

        foreach (var (header, value) in amzHeaders)
        {
            result.Append(header).Append(':').Append(value).Append('\n');
        }

        return result.Append('/').Append(Read("bucketName")).Append(uriRemainder).ToString();
    }

    /// <summary>amazonS3Authorization: <c>AWS key:base64(HMAC-SHA1(secret, stringToSign))</c>.</summary>
    private static string Authorization(string stringToSign, string accessKeyId, string secretAccessKey) =>
        $"AWS {accessKeyId}:{Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(secretAccessKey), Encoding.UTF8.GetBytes(stringToSign)))}";

    [Theory]
    // AWS's "Object GET" example: GET /photos/puppy.jpg of awsexamplebucket1.
    [InlineData("GET", "", "", "awsexamplebucket1", "/photos/puppy.jpg", "Tue, 27 Mar 2007 19:36:42 +0000", "GET\n\n\nTue, 27 Mar 2007 19:36:42 +0000\n/awsexamplebucket1/photos/puppy.jpg", "AWS AKIAIOSFODNN7EXAMPLE:qgk2+6Sv9/oM7G3qLEjTH1a1l1g=")]
    // The same example with the bucket of the guide's earlier editions (johnsmith).
    [InlineData("GET", "", "", "johnsmith", "/photos/puppy.jpg", "Tue, 27 Mar 2007 19:36:42 +0000", "GET\n\n\nTue, 27 Mar 2007 19:36:42 +0000\n/johnsmith/photos/puppy.jpg", "AWS AKIAIOSFODNN7EXAMPLE:bWq2s1WEIj+Ydj0vQ697zp+IXMU=")]
    // AWS's "Object PUT" example: a Content-Type line.
    [InlineData("PUT", "", "image/jpeg", "awsexamplebucket1", "/photos/puppy.jpg", "Tue, 27 Mar 2007 21:15:45 +0000", "PUT\n\nimage/jpeg\nTue, 27 Mar 2007 21:15:45 +0000\n/awsexamplebucket1/photos/puppy.jpg", "AWS AKIAIOSFODNN7EXAMPLE:iqRzw+ileNPu1fhspnRs8nOjjIA=")]
    public void The_signature_of_AWSs_examples_is_reproduced(string method, string md5, string contentType, string bucket, string remainder, string date, string expectedString, string expectedAuthorization)
    {
        var properties = new Dictionary<string, string> { ["methodType"] = method, ["contentMD5"] = md5, ["contentType"] = contentType, ["bucketName"] = bucket };

        var stringToSign = StringToSign(properties, date, remainder);

        Assert.Equal(expectedString, stringToSign);
        Assert.Equal(expectedAuthorization, Authorization(stringToSign, AccessKeyId, SecretAccessKey));
    }

    [Fact]
    public void With_isXAmzDate_the_date_line_is_empty_and_the_date_is_a_signed_header_among_the_sorted_ones()
    {
        var properties = new Dictionary<string, string>
        {
            ["methodType"] = "PUT", ["isXAmzDate"] = "TRUE", ["bucketName"] = "b", ["xAmzAcl"] = "public-read",
            ["xAmzMeta"] = "a b\tc", ["xAmzCopySource"] = "/src/key",
        };

        Assert.Equal(
            "PUT\n\n\n\nx-amz-acl:public-read\nx-amz-copy-source:/src/key\nx-amz-date:Tue, 27 Mar 2007 21:20:26 GMT\nx-amz-meta-:abc\n/b?acl",
            StringToSign(properties, "Tue, 27 Mar 2007 21:20:26 GMT ", "?acl"));
    }

    [Fact]
    public void The_runtime_takes_the_same_steps_in_the_same_order()
    {
        RuntimeSourceText.InOrder(RuntimeSourceText.Function("amazonS3StringToSign"),
            "string trimmed = date.trim();",
            "(properties[\"methodType\"] ?: \"\") + \"\\n\" + (properties[\"contentMD5\"] ?: \"\") + \"\\n\"",
            "+ (properties[\"contentType\"] ?: \"\") + \"\\n\";",
            "if (properties[\"isXAmzDate\"] ?: \"\").toLowerAscii() == \"true\" {",
            "result += \"\\n\";",
            "amzHeaders[\"x-amz-date\"] = trimmed;",
            "result += trimmed + \"\\n\";",
            "foreach [string, string] [property, header] in amazonS3SignedHeaders.entries() {",
            "amzHeaders[header] = re `\\s+`.replaceAll(value, \"\");",
            "foreach string header in amzHeaders.keys().sort() {",
            "result += header + \":\" + amzHeaders.get(header) + \"\\n\";",
            "return result + \"/\" + (properties[\"bucketName\"] ?: \"\") + uriRemainder;");
        RuntimeSourceText.InOrder(RuntimeSourceText.Function("amazonS3Authorization"),
            "crypto:hmacSha1(stringToSign.toBytes(), secretAccessKey.toBytes())",
            "string `AWS ${accessKeyId}:${signature.toBase64()}`");
        foreach (var (property, header) in SignedHeaders)
        {
            Assert.Contains($"    {property}: \"{header}\"", RuntimeSourceText.Support, StringComparison.Ordinal);
        }
    }

    /// <summary>amazonS3Date's weekday: days since 1970-01-01 (a Thursday) modulo 7.</summary>
    private static string Weekday(long unixSeconds)
    {
        string[] weekdays = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
        var days = Math.Floor(unixSeconds / 86400d);
        var index = (int)(days % 7);
        return weekdays[index < 0 ? index + 7 : index];
    }

    [Theory]
    [InlineData("2007-03-27T19:36:42Z")]
    [InlineData("1969-12-31T23:59:59Z")]
    [InlineData("2026-12-02T03:10:56Z")]
    [InlineData("2024-02-29T00:00:00Z")]
    public void The_weekday_is_the_one_java_writes(string instant)
    {
        var at = DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(at.ToString("ddd", System.Globalization.CultureInfo.InvariantCulture), Weekday(at.ToUnixTimeSeconds()));
    }

    [Fact]
    public void The_runtime_signs_the_date_as_the_connectors_date_format_writes_it()
    {
        RuntimeSourceText.InOrder(RuntimeSourceText.Function("amazonS3Date"),
            "string[] weekdays = [\"Thu\", \"Fri\", \"Sat\", \"Sun\", \"Mon\", \"Tue\", \"Wed\"];",
            "${civil.year} `",
            "GMT `");
    }

    /// <summary>
    /// AmazonS3ContentMD5Builder.getContentMD5Header, step by step: a DigestInputStream read through an 8192-byte buffer,
    /// with MessageDigest.digest() (which resets the digest) after each read; the last value is the header, none for no bytes.
    /// </summary>
    private static string? ConnectorContentMd5(byte[] body)
    {
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        string? header = null;
        for (var at = 0; at < body.Length; at += 8192)
        {
            md5.AppendData(body, at, Math.Min(8192, body.Length - at));
            header = Convert.ToBase64String(md5.GetHashAndReset());
        }

        return header;
    }

    /// <summary>amazonS3ContentMd5: the MD5 of the bytes from the last multiple of 8192 before the end.</summary>
    private static string? RuntimeContentMd5(byte[] body) =>
        body.Length == 0 ? null : Convert.ToBase64String(MD5.HashData(body.AsSpan(((body.Length - 1) / 8192) * 8192)));

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(8191)]
    [InlineData(8192)]
    [InlineData(8193)]
    [InlineData(16384)]
    [InlineData(20000)]
    public void The_delete_bodys_content_md5_is_the_one_the_connectors_loop_leaves(int length)
    {
        var body = Encoding.UTF8.GetBytes(new string('k', length));

        Assert.Equal(ConnectorContentMd5(body), RuntimeContentMd5(body));
        if (length is > 0 and <= 8192)
        {
            Assert.Equal(Convert.ToBase64String(MD5.HashData(body)), RuntimeContentMd5(body));
        }
    }

    [Fact]
    public void The_runtime_signs_the_delete_body_with_its_content_md5()
    {
        RuntimeSourceText.InOrder(RuntimeSourceText.Function("amazonS3ContentMd5"),
            "if bytes.length() == 0 {",
            "return ();",
            "return crypto:hashMd5(bytes.slice((bytes.length() - 1) / 8192 * 8192)).toBase64();");
        RuntimeSourceText.InOrder(RuntimeSourceText.Function("amazonS3DeleteMultipleObjects"),
            "objects = \"<Quiet>\" + quiet + \"</Quiet>\" + deleteConfig;",
            "xml body = check amazonS3XmlBody(ctx, string `<Delete>${amazonS3XmlArgument(objects)}</Delete>`);",
            "string? md5 = amazonS3ContentMd5(body.toString());",
            "ctx.properties[\"contentMD5\"] = md5;",
            "return amazonS3Call(ctx, \"POST\"",
            "[[\"content-md5\", getProperty(ctx, \"contentMD5\")]]");
    }
}
