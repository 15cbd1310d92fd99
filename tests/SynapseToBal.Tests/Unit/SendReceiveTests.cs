using System.Collections.Immutable;
using System.Text.RegularExpressions;
using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Lowering;
using SynapseToBal.Syntax;
using Xunit;
using static SynapseToBal.Tests.Unit.MediatorParsing;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// <c>&lt;send receive="..."&gt;</c> as Synapse runs it: SendMediator sets RECEIVING_SEQUENCE (a computed one to the
/// expression's string value) and Axis2SynapseEnvironment.injectMessage looks the name up with getSequence when the
/// response arrives; an unknown name logs "Cannot find a Sequence with name: X" and drops the response (no out flow).
/// </summary>
public sealed class SendReceiveTests
{
    private const string Backend = """<endpoint><address uri="http://localhost:9000/services/A"/></endpoint>""";

    private static (ImmutableArray<StepIr> Steps, DiagnosticBag Diagnostics) Lower(string receive)
    {
        var diagnostics = new DiagnosticBag();
        var api = $"""<api xmlns="{Synapse}" name="A" context="/a"><resource methods="POST"><inSequence><send receive="{receive}">{Backend}</send></inSequence><outSequence><log level="custom"><property name="out" value="ran"/></log><send/></outSequence></resource></api>""";
        var first = $"""<sequence xmlns="{Synapse}" name="First.Seq"><respond/></sequence>""";
        var second = $"""<sequence xmlns="{Synapse}" name="second"><log level="custom"><property name="p" value="v"/></log></sequence>""";
        var documents = new[] { ("A.xml", api), ("First.Seq.xml", first), ("second.xml", second) }
            .Select(d => SynapseParser.ParseText(d.Item1, d.Item2, diagnostics)!)
            .ToList();
        var package = Lowerer.Lower(documents, diagnostics);
        var resource = Assert.Single(package.Services.SelectMany(s => s.Resources));
        return ([.. IrWalker.Steps(resource.Body)], diagnostics);
    }

    [Fact]
    public void A_computed_receive_runs_the_sequence_it_names_and_warns_and_drops_for_any_other()
    {
        var (steps, diagnostics) = Lower("{get-property('next')}");

        var dispatch = Assert.Single(steps.OfType<SwitchStep>());
        Assert.True(dispatch.Terminates);
        var names = dispatch.Cases.Select(c => c.Pattern).ToList();
        Assert.Contains(@"First\.Seq", names);
        Assert.Contains("second", names);
        foreach (var choice in dispatch.Cases)
        {
            Assert.IsType<InvokeStep>(choice.Steps[0]);
            Assert.IsType<AcceptStep>(choice.Steps[^1]);
        }

        var warning = Assert.IsType<LogStep>(dispatch.Default[0]);
        Assert.Equal(LogFunction.Warn, warning.Function);
        Assert.Equal(new LogPart.Text("Cannot find a Sequence with name: "), warning.Parts[0]);
        Assert.Equal(new LogPart.Text(" for injecting the message"), warning.Parts[^1]);
        Assert.IsType<AcceptStep>(dispatch.Default[^1]);

        // The response does not go to the out flow, and nothing is left as a TODO.
        Assert.DoesNotContain(steps, s => s is TodoStep or ContinueWithStep or RespondStep);
        Assert.Contains(diagnostics.Items, d => d.Id == "SB0256");
        Assert.DoesNotContain(diagnostics.Items, d => d.Id == "SB0206");
    }

    [Fact]
    public void A_receive_naming_no_sequence_of_the_input_warns_and_drops_the_response()
    {
        var (steps, diagnostics) = Lower("Missing");

        Assert.Single(steps.OfType<CallStep>());
        var warning = Assert.Single(steps.OfType<LogStep>());
        Assert.Equal(LogFunction.Warn, warning.Function);
        Assert.Equal(new LogPart.Value(new StringLiteralIr("Missing")), warning.Parts[1]);
        Assert.Contains(steps, s => s is AcceptStep);
        Assert.DoesNotContain(steps, s => s is TodoStep or ContinueWithStep or RespondStep or SwitchStep);
        Assert.Contains(diagnostics.Items, d => d.Id == "SB0255" && d.GetMessage().Contains("'Missing'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_registry_receive_the_input_lacks_keeps_a_todo_before_the_drop()
    {
        var (steps, diagnostics) = Lower("gov:/sequences/onReply.xml");

        var todo = Assert.Single(steps.OfType<TodoStep>());
        Assert.Equal("SB0255", todo.Reason.Descriptor.Id);
        Assert.Single(steps.OfType<LogStep>());
        Assert.Contains(diagnostics.Items, d => d.Id == "SB0255");
    }

    [Fact]
    public void A_static_receive_of_the_input_still_runs_that_sequence()
    {
        var (steps, diagnostics) = Lower("second");

        Assert.Single(steps.OfType<InvokeStep>());
        Assert.DoesNotContain(steps, s => s is LogStep or SwitchStep);
        Assert.DoesNotContain(diagnostics.Items, d => d.Id is "SB0255" or "SB0256" or "SB0206");
    }

    [Theory]
    [InlineData("a.b", "a.b", true)]
    [InlineData("a.b", "axb", false)]
    [InlineData("seq(1)+x|y", "seq(1)+x|y", true)]
    [InlineData("plain-name", "plain-name", true)]
    [InlineData("a*", "aaa", false)]
    public void A_sequence_name_is_matched_as_itself(string name, string value, bool matches)
    {
        var pattern = Lowerer.LiteralPattern(name);

        Assert.Equal(matches, Regex.IsMatch(value, "^(?:" + pattern + ")$"));
    }
}
