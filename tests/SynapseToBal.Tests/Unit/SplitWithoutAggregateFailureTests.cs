using SynapseToBal.Driver;
using SynapseToBal.Emit;
using SynapseToBal.Tests.Golden;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// A copy of an iterate or clone without aggregate that fails: each copy carries the parent's fault handlers
/// (MessageHelper.cloneMessageContext copies the fault stack) and runs them on itself (MediatorWorker for a parallel
/// copy, Target.mediateMessage for a sequential one, the endpoint's onFault for a send): the generated copy runs the
/// flow's fault function on itself (<c>answeringCopy</c>). Where the fault handling is the caller's, when no copy
/// answered, the split makes the failing copy's message the flow's (<c>copyFailed</c>) and <c>fail</c>s, so the
/// caller's fault handling runs on it; a <c>return</c> would hand the error past it.
/// </summary>
public sealed class SplitWithoutAggregateFailureTests
{
    private const string Endpoint = """
        <endpoint xmlns="http://ws.apache.org/ns/synapse" name="E"><address uri="http://e.example.com/orders"/></endpoint>
        """;

    private static string Between(string text, string from, string to)
    {
        var start = text.IndexOf(from, StringComparison.Ordinal);
        Assert.True(start >= 0, $"missing: {from}");
        var end = text.IndexOf(to, start, StringComparison.Ordinal);
        Assert.True(end >= 0, $"missing after {from}: {to}");
        return text[start..end];
    }

    [Fact]
    public void A_failing_parallel_copy_runs_the_fault_sequence_on_its_message()
    {
        var files = ArtifactConversion.Convert(Endpoint, """
            <api xmlns="http://ws.apache.org/ns/synapse" name="A" context="/a"><resource methods="POST">
              <inSequence><iterate expression="//order"><target><sequence><send><endpoint key="E"/></send></sequence></target></iterate></inSequence>
              <outSequence><respond/></outSequence>
              <faultSequence><property name="HTTP_SC" value="502" scope="axis2"/><respond/></faultSequence>
            </resource></api>
            """);

        // Each copy is started with the flow's fault function, which it runs on itself when it fails (its answer is the
        // copy's); the first answer to come is the response.
        var main = files["main.bal"];
        var handled = Between(main, "do {", "} on fail error e {");
        Assert.Contains(
            "            foreach int index in 0 ..< messages.length() {\n"
            + "                future<http:Response|error> started = start answeringCopy(messages[index], ",
            handled, StringComparison.Ordinal);
        Assert.Contains(", aFault);\n                running.push(started);\n", handled, StringComparison.Ordinal);
        Assert.Contains(
            "            http:Response|error answer = firstAnswer(running);\n"
            + "            if answer is http:Response {\n"
            + "                return answer;\n"
            + "            }\n"
            + "            return accepted();\n",
            handled, StringComparison.Ordinal);
        Assert.DoesNotContain("fail failure;", handled, StringComparison.Ordinal);
        Assert.Contains("} on fail error e {\n            return aFault(ctx, e);", main, StringComparison.Ordinal);
        var runtime = Between(files["support.bal"], "function answeringCopy(", "\n}\n");
        Assert.Contains("reply = faultHandler(copy, reply);", runtime, StringComparison.Ordinal);
    }

    /// <summary>
    /// The first answer to come wins (PassThroughHttpSender.submitResponse writes no later one): an alternate wait,
    /// over halves of the copies so that any number of them is waited.
    /// </summary>
    [Fact]
    public void The_runtime_takes_the_first_answer_to_come()
    {
        var source = TemplateRenderer.ReadBuiltIn(RuntimeModule.SupportSource).Replace("\r\n", "\n", StringComparison.Ordinal);
        var body = Between(source, "function firstAnswer(future<http:Response|error>[] copies) returns http:Response|error {", "\n}\n");
        Assert.Contains("future<http:Response|error> first = start firstAnswer(copies.slice(0, middle));", body, StringComparison.Ordinal);
        Assert.Contains("future<http:Response|error> second = start firstAnswer(copies.slice(middle));", body, StringComparison.Ordinal);
        Assert.Contains("return wait first | second;", body, StringComparison.Ordinal);
        // A copy that answers nothing is an error, so the alternate wait passes over it.
        var copy = Between(source, "function answeringCopy(", "\n}\n");
        Assert.Contains("if reply is http:Response && !copy.dropped {\n        return reply;\n    }\n    return error(", copy, StringComparison.Ordinal);
    }

    /// <summary>Where the fault handling is the caller's, the first failing copy fails the flow once no copy answered.</summary>
    [Fact]
    public void A_failing_parallel_copy_in_a_sequence_without_on_error_fails_it_when_no_copy_answered()
    {
        var files = ArtifactConversion.Convert(Endpoint, """
            <sequence xmlns="http://ws.apache.org/ns/synapse" name="Notify">
              <clone><target endpoint="E"/><target><sequence><send><endpoint key="E"/></send></sequence></target></clone>
            </sequence>
            """, """
            <api xmlns="http://ws.apache.org/ns/synapse" name="A" context="/a"><resource methods="POST"><inSequence><sequence key="Notify"/></inSequence></resource></api>
            """);

        var notify = Between(files["functions.bal"], "function notify(Context ctx)", "\n}\n");
        Assert.Contains("error?[] failures = [];\n    failures.setLength(messages.length());", notify, StringComparison.Ordinal);
        Assert.Contains("start failingCopy(messages[0], ", notify, StringComparison.Ordinal);
        Assert.Contains(", failures, 1);", notify, StringComparison.Ordinal);
        Assert.Contains(
            "    error? failure = firstCopyFailure(ctx, messages, failures);\n"
            + "    if failure is error {\n"
            + "        fail failure;\n"
            + "    }\n"
            + "    return accepted();",
            notify, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failing_sequential_copy_in_a_sequence_runs_its_on_error_sequence_on_its_message()
    {
        var files = ArtifactConversion.Convert(Endpoint, """
            <sequence xmlns="http://ws.apache.org/ns/synapse" name="Notify" onError="Failed">
              <clone sequential="true"><target endpoint="E"/><target><sequence><send><endpoint key="E"/></send></sequence></target></clone>
            </sequence>
            """, """
            <sequence xmlns="http://ws.apache.org/ns/synapse" name="Failed"><respond/></sequence>
            """, """
            <api xmlns="http://ws.apache.org/ns/synapse" name="A" context="/a"><resource methods="POST"><inSequence><sequence key="Notify"/></inSequence></resource></api>
            """);

        // Each copy runs the sequence's onError function on itself when it fails (Target.mediateMessage), in order; its
        // answer is that copy's. Nothing is left for the sequence's own on fail.
        var functions = files["functions.bal"];
        var notify = Between(functions, "function notify(Context ctx)", "\n}\n");
        Assert.Contains("http:Response|error reply = answeringCopy(messages[0], ", notify, StringComparison.Ordinal);
        Assert.Contains("http:Response|error reply2 = answeringCopy(messages[1], ", notify, StringComparison.Ordinal);
        Assert.Contains(", runFailed);\n    if answer is () && reply is http:Response {\n        answer = reply;\n    }", notify, StringComparison.Ordinal);
        Assert.DoesNotContain("fail failure;", notify, StringComparison.Ordinal);
        Assert.Contains("return answer ?: accepted();", notify, StringComparison.Ordinal);
    }

    /// <summary>Any failure of the copy, not only a SOAP fault (ERROR_CODE 500000, <c>copyFailure</c>), hands over its message.</summary>
    [Fact]
    public void The_runtime_adopts_the_copys_whole_message_for_any_failure()
    {
        var source = TemplateRenderer.ReadBuiltIn(RuntimeModule.SupportSource).Replace("\r\n", "\n", StringComparison.Ordinal);
        var body = Between(source, "function copyFailed(Context ctx, Context copy, error failure) returns error {", "\n}\n");
        Assert.Contains("adoptMessage(ctx, copy);", body, StringComparison.Ordinal);
        Assert.Contains("ctx.payload = copy.payload;", body, StringComparison.Ordinal);
        Assert.Contains("return failure;", body, StringComparison.Ordinal);
        Assert.DoesNotContain("errorCode", body, StringComparison.Ordinal);
        Assert.DoesNotContain(" if ", body, StringComparison.Ordinal);
    }
}
