using System.Text.RegularExpressions;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// Issue 14, plain Ballerina in the jobs and listeners that log what fails: when the fault handler a task, a file
/// inbound endpoint (local or remote folder) or a Kafka listener runs can itself fail, its failure is logged through
/// <c>do { check fault(ctx, result); } on fail error e { log:printError(..., 'error = e); }</c>, not kept in a
/// <c>handled</c> local of the handler's return type whose response nothing reads.
/// </summary>
public sealed class JobFaultLogTests
{
    private const string Ns = "http://ws.apache.org/ns/synapse";

    private const string Endpoint = """<endpoint><address uri="http://localhost:9000/orders"/></endpoint>""";

    // A fault sequence that can fail (its call) and answers nothing.
    private static string FailingFault(string name) =>
        $"""<sequence xmlns="{Ns}" name="{name}"><log level="custom"><property name="failed" expression="get-property('ERROR_MESSAGE')"/></log><call>{Endpoint}</call><drop/></sequence>""";

    private const string Process = $"""<sequence xmlns="{Ns}" name="Process"><call>{Endpoint}</call></sequence>""";

    private static void AssertLoggedThroughOnFail(string code, string indent, string fault, string message, string extra = "")
    {
        code = code.ReplaceLineEndings("\n");
        var expected = new Regex(
            Regex.Escape($"{indent}do {{\n{indent}    ") + "(?:_ = )?" + Regex.Escape($"check {fault}(ctx, result);\n{indent}}} on fail error e {{\n{indent}    log:printError({message}, 'error = e{extra});\n{indent}}}\n"));
        Assert.Matches(expected, code);
        Assert.DoesNotContain("handled", code.Replace("then handled", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void A_task_logs_the_failure_of_its_fault_handler_through_on_fail()
    {
        var files = ArtifactConversion.Convert(
            FailingFault("fault"),
            Process,
            $"""<task xmlns="{Ns}" name="Beat" class="org.apache.synapse.startup.tasks.MessageInjector" group="synapse.simple.quartz"><trigger interval="60"/><property xmlns:task="http://www.wso2.org/products/wso2commons/tasks" name="injectTo" value="sequence"/><property xmlns:task="http://www.wso2.org/products/wso2commons/tasks" name="sequenceName" value="Process"/><property xmlns:task="http://www.wso2.org/products/wso2commons/tasks" name="message"><beat/></property></task>""");
        var tasks = files["tasks.bal"];

        AssertLoggedThroughOnFail(tasks, "            ", "handleFault", "\"Task 'Beat' failed\"");
        // No HTTP type is named any more: the handler's response was the only reason to import the module.
        Assert.DoesNotContain("http:", tasks, StringComparison.Ordinal);
        Assert.DoesNotContain("import ballerina/http;", tasks, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_inbound_endpoint_logs_the_failure_of_its_on_error_sequence_through_on_fail()
    {
        var files = ArtifactConversion.Convert(
            FailingFault("EventError"),
            Process,
            $"""<inboundEndpoint xmlns="{Ns}" name="OrderDrop" protocol="file" sequence="Process" onError="EventError" suspend="false"><parameters><parameter name="interval">5000</parameter><parameter name="transport.vfs.FileURI">file:///data/orders/in</parameter><parameter name="transport.vfs.ContentType">application/json</parameter></parameters></inboundEndpoint>""",
            $"""<inboundEndpoint xmlns="{Ns}" name="RemoteDrop" protocol="file" sequence="Process" onError="EventError" suspend="false"><parameters><parameter name="interval">1000</parameter><parameter name="transport.vfs.FileURI">sftp://shop:Sftp-Secret-5@files.example.com/in</parameter></parameters></inboundEndpoint>""");
        var inbound = files["inbound.bal"].ReplaceLineEndings("\n");

        AssertLoggedThroughOnFail(inbound, "                ", "runEventError", "\"Inbound endpoint 'OrderDrop': the sequence failed for a file\"", ", fileName = fileName");
        AssertLoggedThroughOnFail(inbound, "                ", "runEventError", "\"Inbound endpoint 'RemoteDrop': the sequence failed for a file\"", ", fileName = fileInfo.name");
    }

    [Fact]
    public void A_kafka_listener_logs_the_failure_of_its_on_error_sequence_through_on_fail()
    {
        var files = ArtifactConversion.Convert(
            FailingFault("EventError"),
            Process,
            $"""<inboundEndpoint xmlns="{Ns}" name="Events" sequence="Process" onError="EventError" class="org.wso2.carbon.inbound.kafka.KafkaMessageConsumer" suspend="false"><parameters><parameter name="sequential">true</parameter><parameter name="interval">10</parameter><parameter name="coordination">true</parameter><parameter name="inbound.behavior">polling</parameter><parameter name="value.deserializer">org.apache.kafka.common.serialization.StringDeserializer</parameter><parameter name="topic.name">orders</parameter><parameter name="poll.timeout">100</parameter><parameter name="bootstrap.servers">localhost:9092</parameter><parameter name="group.id">order-processor</parameter><parameter name="contentType">application/json</parameter><parameter name="key.deserializer">org.apache.kafka.common.serialization.StringDeserializer</parameter></parameters></inboundEndpoint>""");

        AssertLoggedThroughOnFail(files["inbound.bal"], "                ", "runEventError", "\"Inbound endpoint 'Events': a record failed\"");
    }
}
