using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Lowering;
using SynapseToBal.Syntax;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>The TODO of an operation whose connector's Ballerina module has a function doing the same names that function.</summary>
public sealed class ConnectorCallTodoTests
{
    private static TodoStep Todo(string operation)
    {
        var diagnostics = new DiagnosticBag();
        var document = SynapseParser.ParseText("defs.xml", $"""<definitions xmlns="http://ws.apache.org/ns/synapse"><sequence name="flow">{operation}</sequence></definitions>""", diagnostics);
        Assert.NotNull(document);
        return Assert.IsType<TodoStep>(Assert.Single(Assert.Single(Lowerer.Lower([document], diagnostics).Functions).Body));
    }

    [Theory]
    [InlineData("<amazons3.createBucket><bucketUrl>u</bucketUrl><region>r</region></amazons3.createBucket>", "use s3:Client's createBucket (ballerinax/aws.s3)")]
    [InlineData("<amazons3.initMultipartUpload><bucketName>b</bucketName></amazons3.initMultipartUpload>", "use s3:Client's createMultipartUpload (ballerinax/aws.s3)")]
    [InlineData("<amazonsqs.sendMessageBatch configKey=\"sqsConnection\"><queueUrl>q</queueUrl></amazonsqs.sendMessageBatch>", "use sqs:Client's sendMessageBatch (ballerinax/aws.sqs)")]
    [InlineData("<amazonsqs.purgeQueue><queueUrl>{$ctx:q}</queueUrl></amazonsqs.purgeQueue>", "use sqs:Client's purgeQueue (ballerinax/aws.sqs)")]
    [InlineData("<ldap.searchEntry><dn>ou=people</dn></ldap.searchEntry>", "use ldap:Client's search (or searchWithType) (ballerina/ldap)")]
    [InlineData("<ldap.authenticate><dn>uid=a</dn></ldap.authenticate>", "a new ldap:Client bound with the user's DN and password")]
    [InlineData("<fileconnector.rename><source>/a</source></fileconnector.rename>", "use file:rename for a local file")]
    public void The_todo_names_the_function_doing_the_same(string operation, string expected)
    {
        var todo = Todo(operation);

        Assert.Equal(DiagnosticCatalog.ConnectorOperationNotTranslated, todo.Reason.Descriptor);
        Assert.Contains(expected, todo.Reason.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_operation_without_a_counterpart_names_the_client_only()
    {
        Assert.Contains("use an s3:Client of ballerinax/aws.s3", Todo("<amazons3.setBucketACL><acl>a</acl></amazons3.setBucketACL>").Reason.Message, StringComparison.Ordinal);
        Assert.Contains("use an sqs:Client of ballerinax/aws.sqs", Todo("<amazonsqs.addPermission><label>l</label></amazonsqs.addPermission>").Reason.Message, StringComparison.Ordinal);
    }
}
