using SynapseToBal.Driver;
using SynapseToBal.IR;
using SynapseToBal.Tests.Runtime;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// LogMediator prints <c>Direction: response|request</c> from <c>synCtx.isResponse()</c> (issue 9): a literal where the
/// flow tells it (an in flow's request, still a request after a call, whose response SynapseCallbackReceiver continues
/// with the caller's direction; an out flow's response; a message RESPONSE marked), else the message's flag at run time
/// (a fault flow, a named sequence).
/// </summary>
public sealed class LogDirectionTests
{
    private const string Api = """
        <api xmlns="http://ws.apache.org/ns/synapse" name="D" context="/d"><resource methods="POST" uri-template="/x">
            <inSequence>
                <call><endpoint><address uri="http://localhost:9000/x"/></endpoint></call>
                <log level="simple"><property name="at" value="after call"/></log>
                <property name="RESPONSE" value="true"/>
                <log level="simple"><property name="at" value="marked"/></log>
                <respond/>
            </inSequence>
            <faultSequence><log level="simple"><property name="at" value="fault"/></log><respond/></faultSequence>
        </resource></api>
        """;

    private const string Shared = """
        <sequence xmlns="http://ws.apache.org/ns/synapse" name="Shared">
            <log level="full"/>
            <out><log level="simple"><property name="at" value="out"/></log></out>
        </sequence>
        """;

    [Fact]
    public void A_call_keeps_the_requests_direction_and_a_marked_message_is_a_response()
    {
        var code = Convert(lines: false, Api);
        RuntimeSourceText.InOrder(code, "callEndpoint(", "direction = \"request\", at = \"after call\"", "ctx.isResponse = true;", "direction = \"response\", at = \"marked\"");
    }

    [Fact]
    public void A_fault_flow_and_a_named_sequence_read_it_from_the_message()
    {
        var code = Convert(lines: false, Api, Shared);
        Assert.Contains("direction = ctx.isResponse ? \"response\" : \"request\", at = \"fault\"", code, StringComparison.Ordinal);
        Assert.Contains("direction = ctx.isResponse ? \"response\" : \"request\", payload = check payloadText(ctx)", code, StringComparison.Ordinal);
        // Inside <out> the message is a response.
        Assert.Contains("direction = \"response\", at = \"out\"", code, StringComparison.Ordinal);
    }

    [Fact]
    public void The_log_line_form_prints_it_the_same_way()
    {
        var code = Convert(lines: true, Api, Shared);
        Assert.Contains("Direction: request, at = after call", code, StringComparison.Ordinal);
        Assert.Contains("Direction: ${ctx.isResponse ? \"response\" : \"request\"}, at = fault", code, StringComparison.Ordinal);
        Assert.Contains("Direction: response, at = out", code, StringComparison.Ordinal);
    }

    [Fact]
    public void The_ir_keeps_a_known_direction_as_text_and_an_unknown_one_as_a_part()
    {
        var package = ArtifactConversion.Result(Shared).Package!;
        var logs = package.Functions.SelectMany(f => IrWalker.Steps(f.Body)).OfType<LogStep>().ToList();
        Assert.Equal(2, logs.Count);
        Assert.True(logs[0].Fields!.DirectionAtRunTime);
        Assert.Null(logs[0].Fields!.Direction);
        Assert.Contains(logs[0].Parts, p => p is LogPart.Direction);
        Assert.Equal("response", logs[1].Fields!.Direction);
        Assert.False(logs[1].Fields!.DirectionAtRunTime);
        Assert.DoesNotContain(logs[1].Parts, p => p is LogPart.Direction);
    }

    private static string Convert(bool lines, params string[] artifacts)
    {
        var folder = Path.Combine(Path.GetTempPath(), "synapse2bal-dir-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            for (var i = 0; i < artifacts.Length; i++)
            {
                File.WriteAllText(Path.Combine(folder, $"a{i}.xml"), artifacts[i]);
            }

            return string.Join("\n", Converter.Convert(new ConversionOptions(folder, SynapseLogLines: lines)).Files
                .Where(f => f.RelativePath.EndsWith(".bal", StringComparison.Ordinal) && f.RelativePath != "support.bal").Select(f => f.Content));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
