using SynapseToBal.Diagnostics;
using SynapseToBal.Driver;
using SynapseToBal.Emit;
using SynapseToBal.IR;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// Output a Ballerina developer keeps (issue 14): one fault function per named fault sequence, shared by every flow
/// whose fault handling only runs it; no <c>error</c> in the return type of a sequence that cannot fail, and no
/// <c>check</c> where it is called.
/// </summary>
public sealed class FaultRunnerAndInfallibleTests
{
    private const string Ns = "http://ws.apache.org/ns/synapse";

    private const string OrderFault = $"""<sequence xmlns="{Ns}" name="OrderFault"><log level="custom"><property name="failed" expression="get-property('ERROR_MESSAGE')"/></log><respond/></sequence>""";

    private const string Endpoint = """<endpoint><address uri="http://localhost:9000/orders"/></endpoint>""";

    [Fact]
    public void Flows_whose_fault_handling_only_runs_a_sequence_share_one_function_named_after_it()
    {
        var files = Convert(
            OrderFault,
            $"""<sequence xmlns="{Ns}" name="Process" onError="OrderFault"><call>{Endpoint}</call></sequence>""",
            $"""<proxy xmlns="{Ns}" name="OrderProxy" transports="http"><target faultSequence="OrderFault"><inSequence><call>{Endpoint}</call><respond/></inSequence></target></proxy>""",
            $"""<api xmlns="{Ns}" name="OrderAPI" context="/orders"><resource methods="GET"><inSequence><call>{Endpoint}</call><respond/></inSequence><faultSequence><sequence key="OrderFault"/></faultSequence></resource></api>""");
        var code = string.Concat(files.Where(f => f.Key.EndsWith(".bal", StringComparison.Ordinal)).Select(f => f.Value)).ReplaceLineEndings("\n");

        Assert.Single(System.Text.RegularExpressions.Regex.Matches(code, @"function runOrderFault\(Context ctx, error e\) returns http:Response\|error \{"));
        Assert.Contains("# Fault handling of sequence 'Process' (onError), OrderAPI GET (default) and proxy service OrderProxy: records the error\n# and runs sequence 'OrderFault'", code);
        Assert.Equal(3, System.Text.RegularExpressions.Regex.Matches(code, @"return runOrderFault\(ctx, e\);").Count);
        Assert.DoesNotContain("processOnError", code);
        Assert.DoesNotContain("orderProxyFault", code);
        Assert.DoesNotContain("orderApiFault", code);
    }

    [Fact]
    public void A_fault_flow_that_does_more_than_run_a_sequence_keeps_its_own_function()
    {
        var files = Convert(
            OrderFault,
            $"""<proxy xmlns="{Ns}" name="OrderProxy" transports="http"><target><inSequence><call>{Endpoint}</call><respond/></inSequence><faultSequence><log/><sequence key="OrderFault"/></faultSequence></target></proxy>""");
        Assert.Contains("function orderProxyFault(Context ctx, error e) returns http:Response|error {", files["functions.bal"]);
        Assert.DoesNotContain("runOrderFault", files["functions.bal"]);
    }

    [Fact]
    public void A_sequence_that_cannot_fail_returns_no_error_and_is_called_without_check()
    {
        var files = Convert(
            $"""<sequence xmlns="{Ns}" name="Audit"><log level="custom"><property name="event" value="seen"/></log></sequence>""",
            $"""<sequence xmlns="{Ns}" name="Stop"><log level="custom"><property name="event" value="stop"/></log><drop/></sequence>""",
            $"""<sequence xmlns="{Ns}" name="Both"><sequence key="Audit"/><sequence key="Stop"/></sequence>""",
            $"""<sequence xmlns="{Ns}" name="Fails"><sequence key="Audit"/><call>{Endpoint}</call></sequence>""",
            $"""<api xmlns="{Ns}" name="A" context="/a"><resource methods="GET"><inSequence><sequence key="Fails"/><sequence key="Both"/></inSequence></resource></api>""");
        var functions = files["functions.bal"].ReplaceLineEndings("\n");

        // Stop and Both answer on every path (the drop): their answer is all they return (AnsweringFlows).
        Assert.Contains("function audit(Context ctx) {", functions);
        Assert.Contains("function stop(Context ctx) returns http:Response {", functions);
        Assert.Contains("function both(Context ctx) returns http:Response {\n    audit(ctx);\n    return stop(ctx);", functions);
        Assert.Contains("function fails(Context ctx) returns error? {\n    audit(ctx);\n    check callEndpoint(ctx, ", functions);
        Assert.Contains("check fails(ctx);", files["main.bal"]);
        Assert.Contains("return both(ctx);", files["main.bal"]);
    }

    [Fact]
    public void A_task_runs_a_target_that_cannot_fail_without_testing_for_an_error()
    {
        var files = Convert(
            $"""<sequence xmlns="{Ns}" name="Heartbeat"><log level="custom"><property name="beat" value="ok"/></log><drop/></sequence>""",
            $"""<task xmlns="{Ns}" name="Beat" class="org.apache.synapse.startup.tasks.MessageInjector" group="synapse.simple.quartz"><trigger interval="60"/><property xmlns:task="http://www.wso2.org/products/wso2commons/tasks" name="injectTo" value="sequence"/><property xmlns:task="http://www.wso2.org/products/wso2commons/tasks" name="sequenceName" value="Heartbeat"/><property xmlns:task="http://www.wso2.org/products/wso2commons/tasks" name="message"><beat/></property></task>""");
        var tasks = files["tasks.bal"].ReplaceLineEndings("\n");
        Assert.Contains("        heartbeat(ctx);\n    }", tasks);
        Assert.DoesNotContain("result", tasks);
        Assert.DoesNotContain("import ballerina/log;", tasks);
        Assert.DoesNotContain("import ballerina/http;", tasks);
        // Its drop is its only answer and the job discards it: it returns nothing (WithoutUnusedAnswers).
        Assert.Contains("function heartbeat(Context ctx) {", files["functions.bal"]);
    }

    [Fact]
    public void A_sequence_named_by_something_other_than_a_statement_keeps_its_error_union()
    {
        var files = Convert(
            $"""<sequence xmlns="{Ns}" name="Audit"><log level="custom"><property name="event" value="seen"/></log></sequence>""",
            $"""<inboundEndpoint xmlns="{Ns}" name="In" sequence="Audit" protocol="http" suspend="false"><parameters><parameter name="inbound.http.port">8085</parameter></parameters></inboundEndpoint>""");
        Assert.Contains("function audit(Context ctx) returns error? {", files["functions.bal"]);
    }

    private const string LogOnly = $"""<sequence xmlns="{Ns}" name="LogOnly"><log level="custom"><property name="failed" expression="get-property('ERROR_MESSAGE')"/></log></sequence>""";

    [Fact]
    public void A_fault_flow_that_cannot_fail_returns_only_its_answer()
    {
        var files = Convert(
            $"""<proxy xmlns="{Ns}" name="OrderProxy" transports="http"><target><inSequence><call>{Endpoint}</call><respond/></inSequence><faultSequence><log level="custom"><property name="failed" value="yes"/></log></faultSequence></target></proxy>""",
            $"""<proxy xmlns="{Ns}" name="LoudProxy" transports="http"><target><inSequence><call>{Endpoint}</call><respond/></inSequence><faultSequence><log level="custom"><property name="failed" value="yes"/></log><respond/></faultSequence></target></proxy>""");
        var functions = files["functions.bal"].ReplaceLineEndings("\n");

        Assert.Contains("function orderFault(Context ctx, error e) returns http:Response {", functions);
        Assert.Contains("    } on fail error e {\n        return orderFault(ctx, e);", functions);

        // Writing the response can fail (Axis2Sender.sendBack): that fault flow keeps its error.
        Assert.Contains("function loudFault(Context ctx, error e) returns http:Response|error {", functions);
    }

    [Fact]
    public void A_sequence_whose_failures_go_to_a_fault_handler_that_cannot_fail_cannot_fail()
    {
        var files = Convert(
            LogOnly,
            OrderFault,
            $"""<sequence xmlns="{Ns}" name="Quiet" onError="LogOnly"><call>{Endpoint}</call></sequence>""",
            $"""<sequence xmlns="{Ns}" name="Loud" onError="OrderFault"><call>{Endpoint}</call></sequence>""",
            $"""<api xmlns="{Ns}" name="A" context="/a"><resource methods="GET"><inSequence><sequence key="Quiet"/><sequence key="Loud"/><respond/></inSequence></resource></api>""");
        var functions = files["functions.bal"].ReplaceLineEndings("\n");

        Assert.Contains("function runLogOnly(Context ctx, error e) returns http:Response {", functions);
        Assert.Contains("function quiet(Context ctx) returns http:Response? {\n    do {\n        check callEndpoint(ctx, ", functions);
        Assert.Contains("function runOrderFault(Context ctx, error e) returns http:Response|error {", functions);
        Assert.Contains("function loud(Context ctx) returns http:Response|error? {", functions);
        Assert.Contains("http:Response? reply = quiet(ctx);", files["main.bal"]);
        Assert.Contains("check loud(ctx);", files["main.bal"]);
    }

    [Fact]
    public void Failure_spreads_to_every_caller_through_a_chain_of_sequences()
    {
        string Calls(string name, string next) => $"""<sequence xmlns="{Ns}" name="{name}"><log level="custom"><property name="at" value="{name}"/></log><sequence key="{next}"/></sequence>""";
        var failing = Convert(
            Calls("S1", "S2"), Calls("S2", "S3"), Calls("S3", "S4"),
            $"""<sequence xmlns="{Ns}" name="S4"><call>{Endpoint}</call></sequence>""",
            $"""<api xmlns="{Ns}" name="A" context="/a"><resource methods="GET"><inSequence><sequence key="S1"/><respond/></inSequence></resource></api>""");
        var calm = Convert(
            Calls("S1", "S2"), Calls("S2", "S3"),
            $"""<sequence xmlns="{Ns}" name="S3"><log level="custom"><property name="at" value="S3"/></log></sequence>""",
            $"""<api xmlns="{Ns}" name="A" context="/a"><resource methods="GET"><inSequence><sequence key="S1"/><respond/></inSequence></resource></api>""");

        foreach (var name in new[] { "s1", "s2", "s3" })
        {
            Assert.Contains($"function {name}(Context ctx) returns error? {{", failing["functions.bal"]);
            Assert.Contains($"function {name}(Context ctx) {{", calm["functions.bal"]);
        }

        Assert.Contains("check s4(ctx);", failing["functions.bal"]);
        Assert.Contains("check s1(ctx);", failing["main.bal"]);
        Assert.Contains("    s2(ctx);", calm["functions.bal"]);
        Assert.Contains("    s1(ctx);", calm["main.bal"]);
        Assert.DoesNotContain("check s", calm["functions.bal"] + calm["main.bal"]);
    }

    [Fact]
    public void Callers_are_the_candidates_that_run_a_function_or_send_their_failures_to_it()
    {
        var diagnostics = new DiagnosticBag();
        var package = ArtifactLowering.Lower(
            diagnostics,
            LogOnly,
            $"""<sequence xmlns="{Ns}" name="Leaf"><log/></sequence>""",
            $"""<sequence xmlns="{Ns}" name="Middle" onError="LogOnly"><sequence key="Leaf"/><sequence key="Middle"/></sequence>""",
            $"""<sequence xmlns="{Ns}" name="Top"><sequence key="Middle"/><sequence key="Leaf"/></sequence>""");
        var functions = package.Functions;
        var candidates = functions.Select(f => f.Name).ToHashSet();
        var callers = PackageEmitter.Callers(functions, candidates);
        string Named(Symbol symbol) => symbol.Hint;
        List<string> CallersOf(string hint) => callers.Single(c => c.Key.Hint == hint).Value.Select(f => Named(f.Name)).Order(StringComparer.Ordinal).ToList();

        var runner = functions.Single(f => f.Kind == FunctionKind.FaultFlow).Name.Hint;
        Assert.Equal(["Middle", "Top"], CallersOf("Leaf"));
        Assert.Equal(["Top"], CallersOf("Middle")); // its own recursion is no reason to look at it again
        Assert.Equal(["Middle"], CallersOf(runner));
        Assert.Empty(CallersOf("Top"));
    }

    [Fact]
    public void A_task_whose_fault_handler_cannot_fail_only_calls_it()
    {
        var files = Convert(
            $"""<sequence xmlns="{Ns}" name="fault"><log level="custom"><property name="failed" expression="get-property('ERROR_MESSAGE')"/></log><drop/></sequence>""",
            $"""<sequence xmlns="{Ns}" name="Ping"><call>{Endpoint}</call></sequence>""",
            $"""<task xmlns="{Ns}" name="Beat" class="org.apache.synapse.startup.tasks.MessageInjector" group="synapse.simple.quartz"><trigger interval="60"/><property xmlns:task="http://www.wso2.org/products/wso2commons/tasks" name="injectTo" value="sequence"/><property xmlns:task="http://www.wso2.org/products/wso2commons/tasks" name="sequenceName" value="Ping"/><property xmlns:task="http://www.wso2.org/products/wso2commons/tasks" name="message"><beat/></property></task>""");
        var tasks = files["tasks.bal"].ReplaceLineEndings("\n");

        Assert.Contains("        if result is error {\n            // A failure runs the global fault sequence, as the Micro Integrator's task does.\n            _ = handleFault(ctx, result);\n        }", tasks);
        Assert.DoesNotContain("handled", tasks);
        Assert.DoesNotContain("import ballerina/log;", tasks);
        Assert.Contains("function handleFault(Context ctx, error e) returns http:Response {", files["functions.bal"]);
    }

    [Fact]
    public void An_inbound_listener_whose_fault_handler_cannot_fail_only_calls_it()
    {
        var files = Convert(
            LogOnly,
            $"""<sequence xmlns="{Ns}" name="Process"><call>{Endpoint}</call></sequence>""",
            $"""<inboundEndpoint xmlns="{Ns}" name="Events" sequence="Process" onError="LogOnly" class="org.wso2.carbon.inbound.kafka.KafkaMessageConsumer" suspend="false"><parameters><parameter name="sequential">true</parameter><parameter name="interval">10</parameter><parameter name="coordination">true</parameter><parameter name="inbound.behavior">polling</parameter><parameter name="value.deserializer">org.apache.kafka.common.serialization.StringDeserializer</parameter><parameter name="topic.name">orders</parameter><parameter name="poll.timeout">100</parameter><parameter name="bootstrap.servers">localhost:9092</parameter><parameter name="group.id">order-processor</parameter><parameter name="contentType">application/json</parameter><parameter name="key.deserializer">org.apache.kafka.common.serialization.StringDeserializer</parameter></parameters></inboundEndpoint>""");
        Assert.True(files.ContainsKey("inbound.bal"), string.Join(", ", files.Keys));
        var inbound = files["inbound.bal"].ReplaceLineEndings("\n");

        Assert.Contains("            if result is error {\n                _ = runLogOnly(ctx, result);\n            }", inbound);
        Assert.DoesNotContain("handled", inbound);
        Assert.DoesNotContain("import ballerina/log;", inbound);
    }

    [Fact]
    public void An_inbound_listener_whose_sequence_cannot_fail_only_runs_it_and_its_fault_function_is_not_declared()
    {
        var files = Convert(
            LogOnly,
            $"""<sequence xmlns="{Ns}" name="Process"><log level="custom"><property name="seen" value="yes"/></log></sequence>""",
            $"""<inboundEndpoint xmlns="{Ns}" name="Events" sequence="Process" onError="LogOnly" class="org.wso2.carbon.inbound.kafka.KafkaMessageConsumer" suspend="false"><parameters><parameter name="sequential">true</parameter><parameter name="interval">10</parameter><parameter name="coordination">true</parameter><parameter name="inbound.behavior">polling</parameter><parameter name="value.deserializer">org.apache.kafka.common.serialization.StringDeserializer</parameter><parameter name="topic.name">orders</parameter><parameter name="poll.timeout">100</parameter><parameter name="bootstrap.servers">localhost:9092</parameter><parameter name="group.id">order-processor</parameter><parameter name="contentType">application/json</parameter><parameter name="key.deserializer">org.apache.kafka.common.serialization.StringDeserializer</parameter></parameters></inboundEndpoint>""");
        var inbound = files["inbound.bal"].ReplaceLineEndings("\n");

        Assert.Contains("            }\n            process(ctx);\n        }", inbound);
        Assert.DoesNotContain("result", inbound);
        Assert.DoesNotContain("runLogOnly", inbound);
        Assert.Contains("function process(Context ctx) {", files["functions.bal"]);
        Assert.DoesNotContain("runLogOnly", files["functions.bal"]);
    }

    [Fact]
    public void A_message_processor_runs_a_sequence_that_cannot_fail_without_testing_for_an_error()
    {
        var files = Convert(
            $"""<sequence xmlns="{Ns}" name="Audit"><log level="custom"><property name="seen" value="yes"/></log></sequence>""",
            $"""<messageStore xmlns="{Ns}" name="AuditStore"/>""",
            $"""<messageProcessor xmlns="{Ns}" class="org.apache.synapse.message.processor.impl.sampler.SamplingProcessor" name="AuditSampler" messageStore="AuditStore"><parameter name="sequence">Audit</parameter></messageProcessor>""");
        var stores = files["stores.bal"].ReplaceLineEndings("\n");

        Assert.Contains("                return;\n            }\n            audit(ctx);\n        }", stores);
        Assert.DoesNotContain("reply", stores);
        Assert.DoesNotContain("import ballerina/log;", stores);
        Assert.Contains("function audit(Context ctx) {", files["functions.bal"]);
    }

    private static Dictionary<string, string> Convert(params string[] artifacts) => ArtifactConversion.Convert(artifacts);
}
