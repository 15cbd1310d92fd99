using SynapseToBal.Driver;
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
        Assert.Contains("# Fault handling of sequence 'Process' (onError), OrderAPI GET (default) and proxy service OrderProxy: records the error and runs sequence 'OrderFault'", code);
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
            $"""<api xmlns="{Ns}" name="A" context="/a"><resource methods="GET"><inSequence><sequence key="Both"/><sequence key="Fails"/><respond/></inSequence></resource></api>""");
        var functions = files["functions.bal"].ReplaceLineEndings("\n");

        Assert.Contains("function audit(Context ctx) {", functions);
        Assert.Contains("function stop(Context ctx) returns http:Response? {", functions);
        Assert.Contains("function both(Context ctx) returns http:Response? {\n    audit(ctx);\n    http:Response? reply = stop(ctx);", functions);
        Assert.Contains("function fails(Context ctx) returns error? {\n    audit(ctx);\n    check callEndpoint(", functions);
        Assert.Contains("http:Response? reply = both(ctx);", files["main.bal"]);
        Assert.Contains("check fails(ctx);", files["main.bal"]);
    }

    [Fact]
    public void A_task_runs_a_target_that_cannot_fail_without_testing_for_an_error()
    {
        var files = Convert(
            $"""<sequence xmlns="{Ns}" name="Heartbeat"><log level="custom"><property name="beat" value="ok"/></log><drop/></sequence>""",
            $"""<task xmlns="{Ns}" name="Beat" class="org.apache.synapse.startup.tasks.MessageInjector" group="synapse.simple.quartz"><trigger interval="60"/><property xmlns:task="http://www.wso2.org/products/wso2commons/tasks" name="injectTo" value="sequence"/><property xmlns:task="http://www.wso2.org/products/wso2commons/tasks" name="sequenceName" value="Heartbeat"/><property xmlns:task="http://www.wso2.org/products/wso2commons/tasks" name="message"><beat/></property></task>""");
        var tasks = files["tasks.bal"].ReplaceLineEndings("\n");
        Assert.Contains("        _ = heartbeat(ctx);\n    }", tasks);
        Assert.DoesNotContain("result", tasks);
        Assert.DoesNotContain("import ballerina/log;", tasks);
        Assert.DoesNotContain("import ballerina/http;", tasks);
        Assert.Contains("function heartbeat(Context ctx) returns http:Response? {", files["functions.bal"]);
    }

    [Fact]
    public void A_sequence_named_by_something_other_than_a_statement_keeps_its_error_union()
    {
        var files = Convert(
            $"""<sequence xmlns="{Ns}" name="Audit"><log level="custom"><property name="event" value="seen"/></log></sequence>""",
            $"""<inboundEndpoint xmlns="{Ns}" name="In" sequence="Audit" protocol="http" suspend="false"><parameters><parameter name="inbound.http.port">8085</parameter></parameters></inboundEndpoint>""");
        Assert.Contains("function audit(Context ctx) returns error? {", files["functions.bal"]);
    }

    private static Dictionary<string, string> Convert(params string[] artifacts) => ArtifactConversion.Convert(artifacts);
}
