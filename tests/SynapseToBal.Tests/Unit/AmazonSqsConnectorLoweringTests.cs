using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Lowering;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>The Amazon SQS connector 1.0.x: init and the queue and message operations on ballerinax/aws.sqs.</summary>
public sealed class AmazonSqsConnectorLoweringTests
{
    private static (PackageIr Package, DiagnosticBag Diagnostics) Lower(string operations) =>
        ArtifactLowering.Definitions($"""<sequence name="flow">{operations}</sequence>""");

    private static StepIr Single(string operation) => Assert.Single(Assert.Single(Lower(operation).Package.Functions).Body);

    [Theory]
    [InlineData("<amazonsqs.init><region>{$ctx:region}</region><secretAccessKey>{$ctx:secret}</secretAccessKey><accessKeyId>{$ctx:key}</accessKeyId><version>2012-11-05</version></amazonsqs.init>", AmazonSqsOperation.Init, "accessKeyId,secretAccessKey,version,region")]
    [InlineData("<amazonsqs.createQueue><attributeEntries>{$ctx:a}</attributeEntries><queueName>q</queueName></amazonsqs.createQueue>", AmazonSqsOperation.CreateQueue, "queueName,attributeEntries")]
    [InlineData("<amazonsqs.deleteQueue><queueName>q</queueName><queueId>1</queueId></amazonsqs.deleteQueue>", AmazonSqsOperation.DeleteQueue, "queueId,queueName")]
    [InlineData("<amazonsqs.purgeQueue><queueId>1</queueId><queueName>q</queueName></amazonsqs.purgeQueue>", AmazonSqsOperation.PurgeQueue, "queueId,queueName")]
    [InlineData("<amazonsqs.getQueueUrl><accountId>1</accountId><queueName>q</queueName></amazonsqs.getQueueUrl>", AmazonSqsOperation.GetQueueUrl, "queueName,accountId")]
    [InlineData("<amazonsqs.listQueues><queueNamePrefix>{$ctx:p}</queueNamePrefix></amazonsqs.listQueues>", AmazonSqsOperation.ListQueues, "queueNamePrefix")]
    [InlineData("<amazonsqs.listQueues/>", AmazonSqsOperation.ListQueues, "")]
    [InlineData("<amazonsqs.getQueueAttributes><attributes>AttributeName.1=All</attributes><queueId>1</queueId><queueName>q</queueName></amazonsqs.getQueueAttributes>", AmazonSqsOperation.GetQueueAttributes, "queueId,queueName,attributes")]
    [InlineData("<amazonsqs.setQueueAttributes><attributeEntries>{$ctx:a}</attributeEntries><queueId>1</queueId><queueName>q</queueName></amazonsqs.setQueueAttributes>", AmazonSqsOperation.SetQueueAttributes, "queueId,queueName,attributeEntries")]
    [InlineData("<amazonsqs.sendMessage><messageBody>{$ctx:b}</messageBody><queueId>1</queueId><queueName>q</queueName><delaySeconds>5</delaySeconds></amazonsqs.sendMessage>", AmazonSqsOperation.SendMessage, "queueId,queueName,messageBody,delaySeconds")]
    [InlineData("<amazonsqs.sendMessageBatch><messageRequestEntry>{$ctx:e}</messageRequestEntry><queueId>1</queueId><queueName>q</queueName></amazonsqs.sendMessageBatch>", AmazonSqsOperation.SendMessageBatch, "queueId,queueName,messageRequestEntry")]
    [InlineData("<amazonsqs.receiveMessage><maxNumberOfMessages>10</maxNumberOfMessages><queueId>1</queueId><queueName>q</queueName><messageAttributeNames>MessageAttributeName.1=All</messageAttributeNames></amazonsqs.receiveMessage>", AmazonSqsOperation.ReceiveMessage, "queueId,queueName,maxNumberOfMessages,messageAttributeNames")]
    [InlineData("<amazonsqs.deleteMessage><receiptHandle>{$ctx:h}</receiptHandle><queueId>1</queueId><queueName>q</queueName></amazonsqs.deleteMessage>", AmazonSqsOperation.DeleteMessage, "queueId,queueName,receiptHandle")]
    [InlineData("<amazonsqs.deleteMessageBatch><queueId>1</queueId><queueName>q</queueName><messageRequestEntry>{$ctx:e}</messageRequestEntry></amazonsqs.deleteMessageBatch>", AmazonSqsOperation.DeleteMessageBatch, "queueId,queueName,messageRequestEntry")]
    [InlineData("<amazonsqs.changeMessageVisibility><visibilityTimeout>30</visibilityTimeout><receiptHandle>{$ctx:h}</receiptHandle><queueId>1</queueId><queueName>q</queueName></amazonsqs.changeMessageVisibility>", AmazonSqsOperation.ChangeMessageVisibility, "queueId,queueName,receiptHandle,visibilityTimeout")]
    public void An_operation_becomes_its_helper_call_with_its_parameters_in_the_helpers_order(string xml, AmazonSqsOperation operation, string names)
    {
        var step = Assert.IsType<AmazonSqsStep>(Single(xml));

        Assert.Equal(operation, step.Operation);
        Assert.Equal(names.Split(',', StringSplitOptions.RemoveEmptyEntries), step.Arguments.Select(a => a.Name));
    }

    [Fact]
    public void Literal_keys_become_required_configurables()
    {
        var (package, diagnostics) = Lower("<amazonsqs.init><accessKeyId>AKIAEXAMPLE</accessKeyId><secretAccessKey>sqs-Secret</secretAccessKey><region>us-east-1</region></amazonsqs.init>");

        var step = Assert.IsType<AmazonSqsStep>(Assert.Single(Assert.Single(package.Functions).Body));
        foreach (var name in new[] { "accessKeyId", "secretAccessKey" })
        {
            var read = Assert.IsType<ConfigurableReadIr>(step.Arguments.Single(a => a.Name == name).Value);
            var configurable = Assert.Single(package.Configurables, c => c.Name == read.Configurable);
            Assert.True(configurable.Secret);
            Assert.Null(configurable.DefaultValue);
        }

        Assert.IsNotType<ConfigurableReadIr>(step.Arguments.Single(a => a.Name == "region").Value);
        Assert.Contains(diagnostics.Items, d => d.Descriptor == DiagnosticCatalog.SecretConfigurable);
        Assert.DoesNotContain(package.Configurables, c => c.DefaultValue is "sqs-Secret" or "AKIAEXAMPLE");
    }

    [Theory]
    [InlineData("<amazonsqs.addPermission><label>l</label><queueId>1</queueId><queueName>q</queueName></amazonsqs.addPermission>", "no function for a queue's permissions")]
    [InlineData("<amazonsqs.removePermission><label>l</label></amazonsqs.removePermission>", "no function for a queue's permissions")]
    [InlineData("<amazonsqs.listDeadLetterSourceQueues><queueId>1</queueId><queueName>q</queueName></amazonsqs.listDeadLetterSourceQueues>", "ListDeadLetterSourceQueues")]
    [InlineData("<amazonsqs.changeMessageVisibilityBatch><queueId>1</queueId></amazonsqs.changeMessageVisibilityBatch>", "ChangeMessageVisibilityBatch")]
    [InlineData("<amazonsqs.sendMessage configKey=\"sqs\"><queueUrl>u</queueUrl><messageBody>b</messageBody></amazonsqs.sendMessage>", "configKey")]
    [InlineData("<amazonsqs.sendMessage><queueUrl>u</queueUrl><messageBody>b</messageBody></amazonsqs.sendMessage>", "queueUrl is not a parameter of the 1.0.x connector's sendMessage")]
    [InlineData("<amazonsqs.init><accessKeyId>{$ctx:k}</accessKeyId><name>c</name><blocking>true</blocking></amazonsqs.init>", "name, blocking are not parameters")]
    [InlineData("<amazonsqs.deleteQueue><queueId><x/></queueId></amazonsqs.deleteQueue>", "its queueId holds XML")]
    public void An_operation_the_helpers_do_not_reproduce_stays_a_todo_that_says_why(string xml, string reason)
    {
        var todo = Assert.IsType<TodoStep>(Single(xml));

        Assert.Equal(DiagnosticCatalog.ConnectorOperationNotTranslated, todo.Reason.Descriptor);
        Assert.Contains(reason, todo.Reason.Message, StringComparison.Ordinal);
        Assert.Contains("sqs:Client", todo.Reason.Message, StringComparison.Ordinal);
    }
}
