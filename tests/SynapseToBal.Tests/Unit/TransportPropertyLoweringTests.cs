using System.Collections.Immutable;
using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Lowering;
using SynapseToBal.Syntax;
using Xunit;
using static SynapseToBal.Tests.Unit.MediatorParsing;

namespace SynapseToBal.Tests.Unit;

public sealed class TransportPropertyLoweringTests
{
    private static (ImmutableArray<StepIr> Steps, DiagnosticBag Diagnostics) Lower(string inSequence)
    {
        var diagnostics = new DiagnosticBag();
        var xml = $"""<api xmlns="{Synapse}" name="A" context="/a"><resource methods="POST"><inSequence>{inSequence}<respond/></inSequence></resource></api>""";
        var document = SynapseParser.ParseText("A.xml", xml, diagnostics);
        Assert.NotNull(document);
        var package = Lowerer.Lower([document], diagnostics);
        return ([.. IrWalker.Steps(package.Services.SelectMany(s => s.Resources).SelectMany(r => r.Body))], diagnostics);
    }

    [Theory]
    [InlineData("""<property name="PRESERVE_WS_ADDRESSING" value="true"/>""")]
    [InlineData("""<property name="PRESERVE_WS_ADDRESSING" value="TRUE" scope="default" type="STRING"/>""")]
    public void Preserve_ws_addressing_true_is_a_data_property(string property)
    {
        var (steps, diagnostics) = Lower(property);

        // The generated runtime never strips WS-Addressing header blocks before a send: it always keeps them, as with true.
        var set = Assert.Single(steps.OfType<SetPropertyStep>());
        Assert.Equal("PRESERVE_WS_ADDRESSING", set.Name);
        Assert.Empty(steps.OfType<TodoStep>());
        Assert.Empty(diagnostics.Items);
    }

    [Theory]
    [InlineData("""<property name="PRESERVE_WS_ADDRESSING" value="false"/>""")]
    [InlineData("""<property name="PRESERVE_WS_ADDRESSING" action="remove"/>""")]
    [InlineData("""<property name="PRESERVE_WS_ADDRESSING" expression="get-property('x')"/>""")]
    [InlineData("""<property name="PRESERVE_WS_ADDRESSING" value="true" type="BOOLEAN"/>""")]
    public void Preserve_ws_addressing_otherwise_stays_a_todo(string property)
    {
        var (steps, diagnostics) = Lower(property);

        // Without it Synapse removes the addressing header blocks before the send, which the runtime does not reproduce.
        Assert.Single(steps.OfType<TodoStep>());
        Assert.Empty(steps.OfType<SetPropertyStep>());
        Assert.Contains(diagnostics.Items, d => d.Id == DiagnosticCatalog.PropertyNotTranslated.Id);
    }
}
