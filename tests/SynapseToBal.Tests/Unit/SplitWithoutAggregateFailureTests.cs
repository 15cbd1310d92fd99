using SynapseToBal.Driver;
using SynapseToBal.Emit;
using SynapseToBal.Tests.Golden;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// A copy of an iterate or clone without aggregate that fails: each copy carries the parent's fault handlers
/// (MessageHelper.cloneMessageContext copies the fault stack) and runs them on itself (MediatorWorker for a parallel
/// copy, Target.mediateMessage for a sequential one, the endpoint's onFault for a send). When no copy answered, the
/// generated split makes the failing copy's message the flow's (<c>copyFailed</c>) and <c>fail</c>s, so the flow's
/// <c>on fail</c> (fault sequence, a sequence's onError) runs on it; a <c>return</c> would hand the error past it.
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

        var main = files["main.bal"];
        Assert.DoesNotContain("return failure;", main, StringComparison.Ordinal);
        var handled = Between(main, "do {", "} on fail error e {");
        Assert.Contains(
            "            foreach int index in 0 ..< running.length() {\n"
            + "                future<http:Response|error?> finished = running[index];\n"
            + "                http:Response|error? reply = wait finished;\n"
            + "                if reply is error {\n"
            + "                    if failure is () {\n"
            + "                        failure = copyFailed(ctx, messages[index], reply);\n",
            handled, StringComparison.Ordinal);
        Assert.Contains(
            "            if answer is () && failure is error {\n"
            + "                fail failure;\n"
            + "            }\n"
            + "            return answer ?: accepted();\n",
            handled, StringComparison.Ordinal);
        Assert.Contains("} on fail error e {\n            return aFault(ctx, e);", main, StringComparison.Ordinal);
        Assert.Contains("function copyFailed(", files["support.bal"], StringComparison.Ordinal);
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

        var functions = files["functions.bal"];
        var notify = Between(functions, "function notify(Context ctx)", "\n}\n");
        Assert.DoesNotContain("return failure;", notify, StringComparison.Ordinal);
        var handled = Between(notify, "do {", "} on fail error e {");
        Assert.Contains("failure = copyFailed(ctx, messages[0], reply);", handled, StringComparison.Ordinal);
        Assert.Contains("failure = copyFailed(ctx, messages[1], reply2);", handled, StringComparison.Ordinal);
        Assert.Contains("fail failure;", handled, StringComparison.Ordinal);
        Assert.Contains("} on fail error e {\n        return runFailed(ctx, e);", notify, StringComparison.Ordinal);
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
