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
