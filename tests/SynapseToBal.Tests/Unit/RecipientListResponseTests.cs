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
    public void A_send_awaiting_recipient_list_responses_that_no_aggregate_gathers_stays_a_todo_saying_an_aggregate_without_id_would()
    {
        var package = Lower("""
            <sequence name="S"><send><endpoint><recipientlist><endpoint><address uri="http://a.example.com"/></endpoint><endpoint><address uri="http://b.example.com"/></endpoint></recipientlist></endpoint></send></sequence>
            """);

        var todo = Assert.Single(IrWalker.Steps(package.Functions.Single().Body).OfType<TodoStep>());
        Assert.Equal(DiagnosticCatalog.EndpointNotTranslated, todo.Reason.Descriptor);
        // MessageHelper.cloneMessageContext sets the plain aggregateCorelation property on each copy, as for a clone without id.
        Assert.Contains("the plain aggregateCorelation property", todo.Reason.Message, StringComparison.Ordinal);
        Assert.StartsWith("the <send> target endpoint is not translated: ", todo.Reason.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_out_only_send_with_a_list_computed_at_run_time_copies_the_message_per_url()
    {
        var package = Lower("""
            <sequence name="S"><property name="OUT_ONLY" value="true"/><property name="FORCE_SC_ACCEPTED" scope="axis2" value="true"/><send><endpoint><recipientlist><endpoints value="{get-property('L')}"/></recipientlist></endpoint></send></sequence>
            """);

        var sequence = package.Functions.Single(f => IrWalker.Steps(f.Body).OfType<ForkStep>().Any());
        Assert.Empty(IrWalker.Steps(sequence.Body).OfType<TodoStep>());
        var fork = Assert.Single(IrWalker.Steps(sequence.Body).OfType<ForkStep>());
        var recipients = Assert.IsType<ForkSourceIr.Recipients>(fork.Source);
        Assert.Equal("L", Assert.IsType<PropertyReadIr>(recipients.Urls).Name);
        Assert.Null(fork.Aggregation);
        var member = package.Functions.Single(f => f.Name == Assert.Single(fork.Branches));
        Assert.True(Assert.IsType<CallAddressStep>(Assert.Single(member.Body)).OutOnly);
    }

    [Fact]
    public void A_proxy_sending_to_a_recipient_list_whose_out_flow_starts_with_an_aggregate_without_id_gathers_the_responses()
    {
        var package = Lower("""
            <proxy name="P"><target><inSequence><send><endpoint><recipientlist><endpoint><address uri="http://a.example.com"/></endpoint><endpoint><address uri="http://b.example.com"/></endpoint></recipientlist></endpoint></send></inSequence>
            <outSequence><aggregate><completeCondition><messageCount/></completeCondition><onComplete xmlns:m="http://m" expression="//m:r"><send/></onComplete></aggregate></outSequence></target></proxy>
            """);

        var steps = package.Functions.SelectMany(f => IrWalker.Steps(f.Body)).ToList();
        Assert.Empty(steps.OfType<TodoStep>());
        var fork = Assert.Single(steps.OfType<ForkStep>());
        Assert.IsType<ForkSourceIr.Copies>(fork.Source);
        Assert.Equal(2, fork.Branches.Length);
        Assert.NotNull(fork.Aggregation);
    }

    [Fact]
    public void An_out_flow_aggregate_with_an_id_does_not_gather_recipient_list_responses()
    {
        var package = Lower("""
            <proxy name="P"><target><inSequence><send><endpoint><recipientlist><endpoint><address uri="http://a.example.com"/></endpoint></recipientlist></endpoint></send></inSequence>
            <outSequence><aggregate id="x"><completeCondition><messageCount/></completeCondition><onComplete xmlns:m="http://m" expression="//m:r"><send/></onComplete></aggregate></outSequence></target></proxy>
            """);

        // The copies carry aggregateCorelation, not aggregateCorelation.x: each response passes that aggregate.
        Assert.Empty(package.Functions.SelectMany(f => IrWalker.Steps(f.Body)).OfType<ForkStep>());
        Assert.Contains(package.Functions.SelectMany(f => IrWalker.Steps(f.Body)).OfType<TodoStep>(), t => t.Reason.Descriptor == DiagnosticCatalog.EndpointNotTranslated);
    }
}
