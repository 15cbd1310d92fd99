using System.Globalization;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// Fault flows after a send and what the Micro Integrator answers there (issue 9): a named fault sequence (the global
/// 'fault', or one a faultSequence key names) whose drop or end answers nothing once a non-blocking send or a store
/// set RESPONSE_WRITTEN to SKIP; a store counts as such a send; a <c>${...}</c> syntax error refuses the artifact.
/// </summary>
public sealed class FaultAfterSendMeaningTests
{
    private const string Ns = "http://ws.apache.org/ns/synapse";

    private const string Endpoint = """<endpoint><address uri="http://localhost:9000/orders"/></endpoint>""";

    private const string LogAndDrop = $"""<sequence xmlns="{Ns}" name="fault"><log level="custom"><property name="failed" expression="get-property('ERROR_MESSAGE')"/></log><drop/></sequence>""";

    [Fact]
    public void The_project_fault_sequence_after_a_non_blocking_send_ends_as_an_unanswered_fault()
    {
        var result = ArtifactConversion.Result(
            LogAndDrop,
            $$"""<api xmlns="{{Ns}}" name="OrderAPI" context="/orders"><resource methods="GET" uri-template="/sent"><inSequence><call>{{Endpoint}}</call><respond/></inSequence></resource><resource methods="GET" uri-template="/local"><inSequence><payloadFactory media-type="json"><format>{"a":1}</format><args/></payloadFactory><respond/></inSequence></resource></api>""");
        var code = Functions(result);

        // The flow that sends gets the sequence's steps with its drop as unansweredFault; the one that does not keeps
        // handleFault, whose drop is the listener's 202.
        var afterSend = Function(code, "runFaultAfterSend");
        Assert.Contains("recordError(ctx, e);", afterSend);
        Assert.Contains("return unansweredFault(ctx, e);", afterSend);
        Assert.DoesNotContain("accepted()", afterSend);
        var resources = result.Files.Single(f => f.RelativePath == "main.bal").Content;
        Assert.Contains("return runFaultAfterSend(ctx, e);", resources);
        Assert.Contains("return handleFault(ctx, e);", resources);
        Assert.Contains(result.Diagnostics, d => d.Id == "SB0260" && d.Location.GetLineSpan().Path.EndsWith("a0.xml", StringComparison.Ordinal));
    }

    [Fact]
    public void A_keyed_fault_sequence_that_drops_on_some_paths_answers_nothing_there_after_a_send()
    {
        var result = ArtifactConversion.Result(
            $"""<sequence xmlns="{Ns}" name="OrderFault"><filter source="get-property('ERROR_CODE')" regex="101504"><then><respond/></then><else><drop/></else></filter></sequence>""",
            $"""<proxy xmlns="{Ns}" name="OrderProxy" transports="http"><target faultSequence="OrderFault"><inSequence><call>{Endpoint}</call><respond/></inSequence></target></proxy>""",
            $"""<proxy xmlns="{Ns}" name="BlockingProxy" transports="http"><target faultSequence="OrderFault"><inSequence><call blocking="true">{Endpoint}</call><respond/></inSequence></target></proxy>""");
        var code = Functions(result);

        var afterSend = Function(code, "runOrderFaultAfterSend");
        Assert.Contains("return respond(ctx", afterSend);
        Assert.Contains("return unansweredFault(ctx, e);", afterSend);

        // After a blocking call the failure returns to the listener, which answers the drop 202: the usual runner.
        var all = string.Concat(result.Files.Where(f => f.RelativePath.EndsWith(".bal", StringComparison.Ordinal)).Select(f => f.Content));
        Assert.Contains("return runOrderFault(ctx, e);", all);
        Assert.Contains("return runOrderFaultAfterSend(ctx, e);", all);
    }

    [Fact]
    public void A_keyed_fault_sequence_that_always_answers_keeps_its_one_runner()
    {
        var result = ArtifactConversion.Result(
            $"""<sequence xmlns="{Ns}" name="OrderFault"><respond/></sequence>""",
            $"""<proxy xmlns="{Ns}" name="OrderProxy" transports="http"><target faultSequence="OrderFault"><inSequence><call>{Endpoint}</call><respond/></inSequence></target></proxy>""");
        var all = string.Concat(result.Files.Where(f => f.RelativePath.EndsWith(".bal", StringComparison.Ordinal)).Select(f => f.Content));
        Assert.DoesNotContain("AfterSend", all);
        Assert.Contains("return runOrderFault(ctx, e);", all);
    }

    [Fact]
    public void A_flow_that_stores_the_message_ends_its_empty_fault_flow_as_after_a_send()
    {
        var result = ArtifactConversion.Result(
            $"""<messageStore xmlns="{Ns}" name="Pending"/>""",
            $$"""<api xmlns="{{Ns}}" name="IntakeAPI" context="/intake"><resource methods="POST"><inSequence><store messageStore="Pending"/><payloadFactory media-type="json"><format>{"queued":true}</format><args/></payloadFactory><respond/></inSequence><outSequence><log/></outSequence><faultSequence/></resource></api>""");

        // The flow answers after its store: only a failure after the store is left unanswered (SB0260), not the flow (no SB0210).
        Assert.Contains("unansweredFault(ctx, e)", Functions(result) + result.Files.Single(f => f.RelativePath == "main.bal").Content);
        Assert.Contains(result.Diagnostics, d => d.Id == "SB0260");
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "SB0210");
    }

    [Fact]
    public void A_synapse_expression_syntax_error_says_the_artifact_is_not_deployed()
    {
        var result = ArtifactConversion.Result(
            $$"""<api xmlns="{{Ns}}" name="ExprAPI" context="/expr"><resource methods="GET"><inSequence><property name="total" expression="${payload.price +}"/><property name="count" expression="count(//a) > ]"/><respond/></inSequence></resource></api>""");

        var refused = Assert.Single(result.Diagnostics, d => d.Id == "SB0269");
        Assert.Contains("'${payload.price +}'", refused.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Contains("the Micro Integrator refuses to deploy the artifact", refused.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);

        // An XPath that does not parse stays SB0214; the mediator's expression is kept as a notTranslated call.
        var xpath = Assert.Single(result.Diagnostics, d => d.Id == "SB0214");
        Assert.Contains("count(//a) > ]", xpath.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Contains("notTranslated(\"${payload.price +}\")", string.Concat(result.Files.Where(f => f.RelativePath.EndsWith(".bal", StringComparison.Ordinal)).Select(f => f.Content)), StringComparison.Ordinal);
    }

    private static string Functions(SynapseToBal.Driver.ConversionResult result) =>
        result.Files.Single(f => f.RelativePath == "functions.bal").Content.ReplaceLineEndings("\n");

    /// <summary>The text of one generated function, from its declaration to its closing brace.</summary>
    private static string Function(string code, string name)
    {
        var start = code.IndexOf($"\nfunction {name}(", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no function {name} in:\n{code}");
        var end = code.IndexOf("\n}\n", start, StringComparison.Ordinal);
        return code[start..(end + 2)];
    }
}
