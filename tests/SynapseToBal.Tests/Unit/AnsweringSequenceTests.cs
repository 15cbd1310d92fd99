using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// No dead answer test (issue 14, <c>Refine/AnsweringFlows.cs</c>): a sequence that answers on every path returns its
/// answer (<c>http:Response|error</c>, or <c>http:Response</c> when it cannot fail), so its callers return it with no
/// <c>if reply is http:Response</c> test and no <c>return accepted();</c> after it, and a mediator after the call is a
/// dead-code comment; a sequence that may fall through keeps <c>http:Response|error?</c> and the test.
/// </summary>
public sealed class AnsweringSequenceTests
{
    private const string Ns = "http://ws.apache.org/ns/synapse";

    private const string OrderFault = $"""<sequence xmlns="{Ns}" name="OrderFault"><payloadFactory media-type="json"><format>{"{"}"error": "$1"{"}"}</format><args><arg evaluator="xml" expression="$ctx:ERROR_MESSAGE"/></args></payloadFactory><property name="HTTP_SC" value="503" scope="axis2"/><respond/></sequence>""";

    [Fact]
    public void A_fault_sequence_that_always_responds_is_returned_by_its_runner()
    {
        var files = Convert(
            OrderFault,
            $"""<api xmlns="{Ns}" name="OrderAPI" context="/orders"><resource methods="GET" uri-template="/{"{"}id{"}"}" faultSequence="OrderFault"><inSequence><send><endpoint><address uri="http://localhost:9000/orders"/></endpoint></send></inSequence></resource></api>""");
        var functions = files["functions.bal"].ReplaceLineEndings("\n");

        Assert.Contains("function orderFault(Context ctx) returns http:Response|error {", functions);
        Assert.Contains("    recordError(ctx, e);\n    return orderFault(ctx);\n}", functions);
        Assert.DoesNotContain("reply is http:Response", functions);
        Assert.DoesNotContain("return accepted();", functions);
    }

    [Fact]
    public void A_call_of_a_sequence_that_always_answers_ends_the_flow_and_what_follows_is_a_comment()
    {
        var files = Convert(
            $"""<sequence xmlns="{Ns}" name="Reject"><filter source="$trp:X-Mode" regex="soft"><then><respond/></then><else><drop/></else></filter></sequence>""",
            $"""<api xmlns="{Ns}" name="GateAPI" context="/gate"><resource methods="POST" uri-template="/in"><inSequence><log level="custom"><property name="step" value="in"/></log><sequence key="Reject"/><log level="custom"><property name="never" value="runs"/></log></inSequence></resource></api>""");
        var main = files["main.bal"].ReplaceLineEndings("\n");
        var functions = files["functions.bal"].ReplaceLineEndings("\n");

        // Writing the response can fail: the answer or the error, which the do's on fail hands to the default fault
        // sequence (the project defines no 'fault').
        Assert.Contains("function reject(Context ctx) returns http:Response|error {", functions);
        Assert.Contains("            return check reject(ctx);\n            // Not translated, never runs:", main);
        Assert.Contains("} on fail error e {\n            return handleFault(ctx, e);", main);
        Assert.DoesNotContain("reply", main);
        Assert.DoesNotContain("return accepted();", main);
        Assert.Contains("// Not translated, never runs: the sequence called above answers on every path, so the flow has ended:", main);
        Assert.Contains("            // <log level=\"custom\"><property name=\"never\" value=\"runs\"/></log>\n        } on fail error e {", main);
    }

    [Fact]
    public void A_sequence_that_may_fall_through_keeps_the_reply_test()
    {
        var files = Convert(
            $"""<sequence xmlns="{Ns}" name="MaybeStop"><filter source="$trp:X-Stop" regex="yes"><then><drop/></then></filter></sequence>""",
            $"""<api xmlns="{Ns}" name="GateAPI" context="/gate"><resource methods="POST" uri-template="/in"><inSequence><sequence key="MaybeStop"/><respond/></inSequence></resource></api>""");
        var functions = files["functions.bal"];

        Assert.Contains("function maybeStop(Context ctx) returns http:Response? {", functions);
        Assert.Contains("http:Response? reply = maybeStop(ctx);", files["main.bal"]);
        Assert.Contains("if reply is http:Response {", files["main.bal"]);
    }

    [Fact]
    public void A_sequence_only_a_task_runs_that_only_drops_returns_nothing()
    {
        // Its job discards what it returns, and a drop is its only answer: no http:Response, the drop only ends it.
        var files = Convert(
            $"""<sequence xmlns="{Ns}" name="Tick"><log level="custom"><property name="tick" value="1"/></log><drop/></sequence>""",
            $"""<task xmlns="{Ns}" name="Ticker" class="org.apache.synapse.startup.tasks.MessageInjector" group="synapse.simple.quartz"><trigger interval="5"/><property xmlns:task="http://www.wso2.org/products/wso2commons/tasks" name="injectTo" value="sequence"/><property xmlns:task="http://www.wso2.org/products/wso2commons/tasks" name="sequenceName" value="Tick"/><property xmlns:task="http://www.wso2.org/products/wso2commons/tasks" name="message"><m xmlns=""/></property></task>""");

        Assert.Contains("function tick(Context ctx) {", files["functions.bal"]);
        Assert.DoesNotContain("return accepted();", files["functions.bal"]);
    }

    [Fact]
    public void A_fault_runner_says_202_only_when_its_sequence_may_not_answer()
    {
        var files = Convert(
            OrderFault,
            $"""<sequence xmlns="{Ns}" name="MaybeFault"><filter source="$trp:X-Stop" regex="yes"><then><respond/></then></filter></sequence>""",
            $"""<api xmlns="{Ns}" name="OrderAPI" context="/orders"><resource methods="GET" uri-template="/a" faultSequence="OrderFault"><inSequence><send><endpoint><address uri="http://localhost:9000/a"/></endpoint></send></inSequence></resource><resource methods="GET" uri-template="/b" faultSequence="MaybeFault"><inSequence><call blocking="true"><endpoint><address uri="http://localhost:9000/b"/></endpoint></call><respond/></inSequence></resource></api>""");
        var functions = files["functions.bal"].ReplaceLineEndings("\n");

        // OrderFault responds on every path: its runner returns the answer and its doc comment speaks of no 202.
        Assert.Contains("# Fault handling of OrderAPI GET /a: records the error and runs sequence 'OrderFault'; the flow ends there with the\n# sequence's answer (it answers on every path).\nfunction runOrderFault(", functions);
        // MaybeFault may fall through: the 202 is still there, and the comment says so (after a blocking call, whose failure
        // the listener answers 202; after a non-blocking send the runner would end as an unanswered fault flow).
        var maybe = functions[functions.IndexOf("function runMaybeFault(", StringComparison.Ordinal)..];
        Assert.Contains("the flow ends there (202 when the\n# sequence does not answer).\nfunction runMaybeFault(", functions);
        Assert.Contains("return accepted();", maybe[..maybe.IndexOf("\n}", StringComparison.Ordinal)]);
    }

    [Fact]
    public void A_proxy_target_endpoint_after_an_in_sequence_that_always_answers_stays_as_a_comment()
    {
        // ProxyServiceMessageReceiver sends to the target endpoint only when the in sequence returns true: after an
        // answering sequence the MI never sends, and the generated code says so where the send would have been.
        var files = Convert(
            $"""<sequence xmlns="{Ns}" name="Answer"><payloadFactory media-type="json"><format>{"{"}"ok": true{"}"}</format><args/></payloadFactory><respond/></sequence>""",
            $"""<endpoint xmlns="{Ns}" name="epr1"><address uri="http://localhost:9000/services/B"/></endpoint>""",
            $"""<proxy xmlns="{Ns}" name="AnswerProxy" transports="http"><target endpoint="epr1" inSequence="Answer"/></proxy>""");
        var code = string.Concat(files.Where(f => f.Key != "support.bal" && f.Key.EndsWith(".bal", StringComparison.Ordinal)).Select(f => f.Value)).ReplaceLineEndings("\n");

        // Inside the do whose on fail runs the default fault sequence (the project defines no 'fault').
        Assert.Contains("        return check answer(ctx);\n        // Not run: the send to the target endpoint 'epr1' of proxy 'AnswerProxy': the sequence called above answers on\n        // every path, so the flow has ended (the Micro Integrator sends to the target endpoint only when the in\n        // sequence goes on)\n    } on fail error e {", code);
        Assert.DoesNotContain("callEndpoint(", code);
    }

    private static Dictionary<string, string> Convert(params string[] artifacts) => ArtifactConversion.Convert(artifacts);
}
