using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Lowering;
using SynapseToBal.Syntax;
using Xunit;

namespace SynapseToBal.Tests.Unit;

public sealed class RecipientListResponseTests
{
    private static PackageIr Lower(string artifacts)
    {
        var diagnostics = new DiagnosticBag();
        var document = SynapseParser.ParseText("rl.xml", $"<definitions xmlns=\"http://ws.apache.org/ns/synapse\">{artifacts}</definitions>", diagnostics);
        Assert.NotNull(document);
        return Lowerer.Lower([document], diagnostics);
    }

    [Fact]
    public void A_send_awaiting_recipient_list_responses_stays_a_todo_saying_an_out_flow_aggregate_does_not_combine_them()
    {
        var package = Lower("""
            <sequence name="S"><send><endpoint><recipientlist><endpoint><address uri="http://a.example.com"/></endpoint><endpoint><address uri="http://b.example.com"/></endpoint></recipientlist></endpoint></send></sequence>
            """);

        var todo = Assert.Single(IrWalker.Steps(package.Functions.Single().Body).OfType<TodoStep>());
        Assert.Equal(DiagnosticCatalog.EndpointNotTranslated, todo.Reason.Descriptor);
        // RecipientListEndpoint numbers the copies (MESSAGE_SEQUENCE) but sets no AGGREGATE_CORRELATION.
        Assert.Contains("without AGGREGATE_CORRELATION", todo.Reason.Message, StringComparison.Ordinal);
        Assert.StartsWith("the <send> target endpoint is not translated: ", todo.Reason.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_out_only_send_with_a_list_computed_at_run_time_keeps_the_plain_todo()
    {
        var package = Lower("""
            <sequence name="S"><property name="OUT_ONLY" value="true"/><send><endpoint><recipientlist><endpoints value="{get-property('L')}"/></recipientlist></endpoint></send></sequence>
            """);

        var todo = Assert.Single(IrWalker.Steps(package.Functions.Single().Body).OfType<TodoStep>());
        Assert.DoesNotContain("AGGREGATE_CORRELATION", todo.Reason.Message, StringComparison.Ordinal);
    }
}
