using System.Collections.Immutable;
using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Lowering;
using SynapseToBal.Syntax;
using Xunit;
using static SynapseToBal.Tests.Unit.MediatorParsing;

namespace SynapseToBal.Tests.Unit;

/// <summary>enableMTOM / enableSwA: Axis2 writes MTOM or SwA only for a value isTrueExplicitly accepts (or "optional").</summary>
public sealed class AttachmentSwitchTests
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
    [InlineData("enableMTOM", "false")]
    [InlineData("enableSwA", "false")]
    [InlineData("enableMTOM", "no")]
    [InlineData("enableMTOM", "TRUE ")]
    public void A_value_that_does_not_switch_it_on_is_an_axis2_data_property(string name, string value)
    {
        var (steps, diagnostics) = Lower($"""<property name="{name}" value="{value}" scope="axis2"/>""");

        // The generated runtime writes the plain message, as Axis2 does for these values: the property only holds data.
        var set = Assert.Single(steps.OfType<SetPropertyStep>());
        Assert.Equal((name, PropertyScope.Axis2), (set.Name, set.Scope));
        Assert.Equal(value, Assert.IsType<StringLiteralIr>(set.Value).Value);
        Assert.Empty(steps.OfType<TodoStep>());
        Assert.Empty(diagnostics.Items);
    }

    [Fact]
    public void A_boolean_false_is_a_boolean_data_property()
    {
        var (steps, diagnostics) = Lower("""<property name="enableSwA" value="false" type="BOOLEAN" scope="axis2"/>""");

        var set = Assert.Single(steps.OfType<SetPropertyStep>());
        Assert.False(Assert.IsType<BooleanLiteralIr>(set.Value).Value);
        Assert.Empty(diagnostics.Items);
    }

    [Fact]
    public void Removing_it_removes_the_axis2_property()
    {
        var (steps, diagnostics) = Lower("""<property name="enableMTOM" scope="axis2" action="remove"/>""");

        var remove = Assert.Single(steps.OfType<RemovePropertyStep>());
        Assert.Equal(("enableMTOM", PropertyScope.Axis2), (remove.Name, remove.Scope));
        Assert.Empty(diagnostics.Items);
    }

    [Theory]
    [InlineData("""<property name="enableMTOM" value="true" scope="axis2"/>""")]
    [InlineData("""<property name="enableMTOM" value="Yes" scope="axis2"/>""")]
    [InlineData("""<property name="enableMTOM" value="1" scope="axis2"/>""")]
    [InlineData("""<property name="enableMTOM" value="optional" scope="axis2"/>""")]
    [InlineData("""<property name="enableSwA" value="true" scope="axis2"/>""")]
    [InlineData("""<property name="enableSwA" value="yes" type="BOOLEAN" scope="axis2"/>""")]
    [InlineData("""<property name="enableSwA" value="0" type="INTEGER" scope="axis2"/>""")]
    [InlineData("""<property name="enableMTOM" expression="$ctx:mtom" scope="axis2"/>""")]
    [InlineData("""<property name="enableMTOM" value="false" scope="axis2-client"/>""")]
    public void A_value_that_switches_it_on_or_is_not_known_stays_a_todo(string property)
    {
        var (steps, diagnostics) = Lower(property);

        // MTOM / SwA multipart/related output is not written by the generated runtime.
        Assert.Single(steps.OfType<TodoStep>());
        // An axis2-client property is a client option (SB0280), not the axis2 property a sender or transport reads.
        var expected = property.Contains("scope=\"axis2-client\"", StringComparison.Ordinal) ? DiagnosticCatalog.Axis2ClientOptionNotTranslated : DiagnosticCatalog.PropertyNotTranslated;
        Assert.Contains(diagnostics.Items, d => d.Id == expected.Id);
    }
}
