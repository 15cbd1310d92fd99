using SynapseToBal.Driver;
using SynapseToBal.Emit;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// Output a Ballerina developer keeps (issue 14): an out flow that only responds is written where the flow continues
/// with it, not as a function, and <c>return check f(ctx);</c> loses a <c>check</c> that changes nothing — but only
/// where no <c>on fail</c> would have received the error.
/// </summary>
public sealed class RespondOnlyFlowTests
{
    private const string Endpoint = """<endpoint><address uri="http://localhost:9000/services/SimpleStockQuoteService"/></endpoint>""";

    [Fact]
    public void An_out_flow_that_only_sends_back_is_the_respond_of_the_in_flow()
    {
        var files = Convert(Proxy("QuoteProxy", $"<inSequence><send>{Endpoint}</send></inSequence><outSequence><send/></outSequence>"));
        Assert.DoesNotContain("quoteOut", files["functions.bal"] + files["main.bal"]);
        // The proxy has no fault sequence and the project none named 'fault': the Micro Integrator's default one handles
        // its failures (after the non-blocking send, handleFaultAfterSend), so the respond stays checked inside the do.
        Assert.Contains("        check callEndpoint(ctx, quoteEndpoint, clientPath(quoteProxyEndpointUrl, restPostfix(ctx)), headers = passThroughHeaders, state = quoteEndpointSuspension);\n", files["functions.bal"]);
        // The proxy out flow's `<send/>` is Axis2Sender.sendBack alone (no CORS headers: `sendBackToClient`).
        Assert.Contains("        return check sendBackToClient(ctx, headers = passBackHeaders);\n    } on fail error e {\n        return handleFaultAfterSend(ctx, e);", files["functions.bal"].ReplaceLineEndings("\n"));
        Assert.Contains("                return quoteFlow(check newContext(request, (), \"/services/\" + name));", files["main.bal"]);
        Assert.DoesNotContain("return check", files["main.bal"]);
    }

    [Fact]
    public void Inside_do_on_fail_the_respond_keeps_its_check_so_a_failure_still_runs_the_fault_flow()
    {
        var files = Convert(Proxy("QuoteProxy", $"""
            <inSequence><send>{Endpoint}</send></inSequence><outSequence><send/></outSequence>
            <faultSequence><log level="custom"><property name="event" value="failed"/></log><respond/></faultSequence>
            """));
        var functions = files["functions.bal"].ReplaceLineEndings("\n");
        Assert.DoesNotContain("quoteOut", functions);
        Assert.Contains("        return check sendBackToClient(ctx, headers = passBackHeaders);\n    } on fail error e {\n        return quoteFault(ctx, e);", functions);
    }

    [Fact]
    public void An_out_flow_that_does_more_stays_a_function()
    {
        var files = Convert(Proxy("QuoteProxy", $"""<inSequence><send>{Endpoint}</send></inSequence><outSequence><log/><send/></outSequence>"""));
        Assert.Contains("function quoteOut(Context ctx) returns http:Response|error {", files["functions.bal"]);
        // The default fault sequence (no 'fault' in the project) receives its failures: checked inside the do.
        Assert.Contains("        return check quoteOut(ctx);\n    } on fail error e {\n        return handleFaultAfterSend(ctx, e);", files["functions.bal"].ReplaceLineEndings("\n"));

        var guarded = Convert(Proxy("QuoteProxy", $"""
            <inSequence><send>{Endpoint}</send></inSequence><outSequence><log/><send/></outSequence>
            <faultSequence><log level="custom"><property name="event" value="failed"/></log><respond/></faultSequence>
            """));
        Assert.Contains("        return check quoteOut(ctx);\n    } on fail error e {", guarded["functions.bal"].ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Only_a_check_whose_error_would_leave_the_function_is_dropped()
    {
        string[] body =
        [
            "if ctx.isResponse {",
            "    return check first(ctx);",
            "} else if ctx.restCall {",
            "    return check respond(ctx, headers = passBackHeaders);",
            "}",
            "match ctx.method {",
            "    \"GET\" => {",
            "        return check second(ctx);",
            "    }",
            "}",
            "foreach int i in 0 ..< 2 {",
            "    do {",
            "        return check third(ctx);",
            "    } on fail {",
            "        return check fourth(ctx);",
            "    }",
            "    return check fifth(ctx);",
            "}",
            "// return check comment(ctx);",
            "return check sixth(ctx);",
            "return check seventh(ctx, 1);",
            "return check eighth(ctx, f(x));",
        ];
        var lines = body.Select(text => new BodyLine(text, false)).ToList();
        Assert.Equal(
        [
            "if ctx.isResponse {",
            "    return first(ctx);",
            "} else if ctx.restCall {",
            "    return respond(ctx, headers = passBackHeaders);",
            "}",
            "match ctx.method {",
            "    \"GET\" => {",
            "        return second(ctx);",
            "    }",
            "}",
            "foreach int i in 0 ..< 2 {",
            "    do {",
            "        return check third(ctx);",
            "    } on fail {",
            "        return check fourth(ctx);",
            "    }",
            "    return check fifth(ctx);",
            "}",
            "// return check comment(ctx);",
            "return sixth(ctx);",
            "return seventh(ctx, 1);",
            "return check eighth(ctx, f(x));",
        ], PackageEmitter.WithoutReturnChecks(lines, null, null).Select(l => l.Text));

        Assert.Equal(body, PackageEmitter.WithoutReturnChecks(lines, "quoteProxyFault", null).Select(l => l.Text));
        Assert.Equal(body, PackageEmitter.WithoutReturnChecks(lines, null, [new BodyLine("return accepted();", false)]).Select(l => l.Text));
        Assert.Equal(["return check sixth(ctx);"], PackageEmitter.WithoutReturnChecks([new BodyLine("return check sixth(ctx);", true)], null, null).Select(l => l.Text));
    }

    private static string Proxy(string name, string target) =>
        $"""<proxy xmlns="http://ws.apache.org/ns/synapse" name="{name}" transports="http"><target>{target}</target></proxy>""";

    private static Dictionary<string, string> Convert(params string[] artifacts) => ArtifactConversion.Convert(artifacts);
}
