using System.Collections.Immutable;
using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Lowering;
using SynapseToBal.Syntax;
using Xunit;
using static SynapseToBal.Tests.Unit.MediatorParsing;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// OUT_ONLY as Synapse's senders read it (issue 14, flags): <c>"true".equals(OUT_ONLY)</c> in Axis2FlexibleMEPClient,
/// BlockingMsgSender and ForwardingService, so only the String "true" makes a send out-only, and a typed value
/// stays typed in the context.
/// </summary>
public sealed class OutOnlyFlagTests
{
    private const string Backend = """<endpoint><address uri="http://localhost:9000/services/A"/></endpoint>""";

    private static ImmutableArray<StepIr> Lower(string property)
    {
        var diagnostics = new DiagnosticBag();
        var xml = $"""<api xmlns="{Synapse}" name="A" context="/a"><resource methods="POST"><inSequence>{property}<call>{Backend}</call><respond/></inSequence></resource></api>""";
        var document = SynapseParser.ParseText("A.xml", xml, diagnostics);
        Assert.NotNull(document);
        var package = Lowerer.Lower([document], diagnostics);
        return [.. IrWalker.Steps(package.Services.SelectMany(s => s.Resources).SelectMany(r => r.Body))];
    }

    [Fact]
    public void The_string_true_makes_the_call_out_only()
    {
        var steps = Lower("""<property name="OUT_ONLY" value="true"/>""");

        Assert.True(Assert.Single(steps.OfType<CallStep>()).OutOnly);
        Assert.Equal(new StringLiteralIr("true"), Assert.Single(steps.OfType<SetPropertyStep>()).Value);
    }

    [Theory]
    [InlineData("TRUE")]
    [InlineData(" true")]
    [InlineData("yes")]
    public void Another_string_is_not_out_only(string value)
    {
        var steps = Lower($"""<property name="OUT_ONLY" value="{value}"/>""");

        Assert.False(Assert.Single(steps.OfType<CallStep>()).OutOnly);
        Assert.Equal(new StringLiteralIr(value), Assert.Single(steps.OfType<SetPropertyStep>()).Value);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("TRUE", true)]
    [InlineData(" true", false)]
    [InlineData("yes", false)]
    public void Response_is_read_as_boolean_value_of(string value, bool response)
    {
        var steps = Lower($"""<property name="RESPONSE" value="{value}"/>""");

        // Axis2MessageContext.isResponse(): Boolean.valueOf of a String value, which ignores case and does not trim.
        Assert.Equal(response, Assert.Single(steps.OfType<MarkResponseStep>()).IsResponse);
    }

    [Fact]
    public void A_boolean_property_is_stored_typed_and_is_not_out_only()
    {
        var steps = Lower("""<property name="OUT_ONLY" value="true" type="BOOLEAN"/>""");

        Assert.False(Assert.Single(steps.OfType<CallStep>()).OutOnly);
        Assert.Equal(new BooleanLiteralIr(true), Assert.Single(steps.OfType<SetPropertyStep>()).Value);
    }
}
