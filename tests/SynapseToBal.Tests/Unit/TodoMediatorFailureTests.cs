using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Lowering;
using Xunit;
using static SynapseToBal.Tests.Unit.MediatorParsing;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// A mediator lowered to TODOs only fails the flow at run time unless its kind has no run-time effect on the message
/// (the mediator table's NoRunTimeEffect column); a TODO beside a translated step stays a comment.
/// </summary>
public sealed class TodoMediatorFailureTests
{
    [Fact]
    public void A_mediator_left_as_a_todo_fails_at_run_time()
    {
        var body = Body("""<xquery key="transform"/><log/>""");
        var todo = Assert.IsType<TodoStep>(body[0]);
        Assert.True(todo.FailsAtRunTime);
        Assert.IsType<LogStep>(body[1]);
    }

    [Fact]
    public void A_todo_that_never_runs_stays_a_comment()
    {
        // A mediator switched off by a constant filter, and one after a respond: the Micro Integrator never runs
        // them, so they cannot fail the flow (and a failing call after the return would be unreachable code).
        const string Ns = "xmlns=\"http://ws.apache.org/ns/synapse\"";
        var files = ArtifactConversion.Convert(
            $"""<api {Ns} name="OffApi" context="/off"><resource methods="GET" uri-template="/"><inSequence><filter xpath="false()"><then><xquery key="transform"/></then></filter><respond/><xquery key="after"/></inSequence></resource></api>""");
        var code = string.Concat(files.Where(f => f.Key != "support.bal" && f.Key.EndsWith(".bal", StringComparison.Ordinal)).Select(f => f.Value));
        Assert.Contains("TODO(SB0231): <xquery> runs the XQuery at key 'transform'", code, StringComparison.Ordinal);
        Assert.Contains("Not translated, never runs: the flow has already ended above", code, StringComparison.Ordinal);
        Assert.DoesNotContain("notTranslatedMediator(", code, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sender_setting_left_as_a_todo_does_not_fail_the_flow()
    {
        // DISABLE_CHUNKING by expression and an axis2-client transport option: the Micro Integrator sends the same
        // message with them, so the flow must go on.
        var body = Body("""<property name="DISABLE_CHUNKING" expression="get-property('x')" scope="axis2"/><property name="NO_KEEPALIVE" value="true" scope="axis2-client"/>""");
        Assert.All(body.OfType<TodoStep>(), todo => Assert.False(todo.FailsAtRunTime));
        Assert.NotEmpty(body.OfType<TodoStep>());
    }

    [Fact]
    public void An_unknown_element_fails_at_run_time()
    {
        var todo = Assert.IsType<TodoStep>(Body("""<unknownThing a="1"/>""")[0]);
        Assert.True(todo.FailsAtRunTime);
    }

    [Fact]
    public void Only_the_log_mediator_has_no_run_time_effect()
    {
        var inert = Lowerer.MediatorRules.Values.Where(r => r.NoRunTimeEffect).Select(r => r.Element);
        Assert.Equal(["log"], inert);
    }

    [Fact]
    public void A_todo_beside_a_translated_step_stays_a_comment()
    {
        var body = Body("""
            <send>
              <endpoint><address uri="vfs:file:///data/out?transport.vfs.SubFolderTimestampFormat=yyyy"/></endpoint>
            </send>
            """);
        Assert.Contains(body, s => s is not (TodoStep or CommentStep));
        Assert.All(body.OfType<TodoStep>(), t => Assert.False(t.FailsAtRunTime));
    }

    private static System.Collections.Immutable.ImmutableArray<StepIr> Body(string mediators)
    {
        var diagnostics = new DiagnosticBag();
        var package = Lowerer.Lower([Document(mediators, diagnostics)], diagnostics);
        return Assert.Single(package.Functions).Body;
    }
}
