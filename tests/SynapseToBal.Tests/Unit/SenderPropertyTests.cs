using System.Collections.Immutable;
using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Lowering;
using SynapseToBal.Syntax;
using Xunit;
using static SynapseToBal.Tests.Unit.MediatorParsing;

namespace SynapseToBal.Tests.Unit;

public sealed class SenderPropertyTests
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
    [InlineData("""<property name="ClientApiNonBlocking" scope="axis2" action="remove"/>""")]
    [InlineData("""<property name="ClientApiNonBlocking" value="true" scope="axis2" action="remove"/>""")]
    public void Removing_it_is_the_generated_code_s_behaviour_and_only_removes_the_axis2_property(string property)
    {
        var (steps, diagnostics) = Lower(property);

        // Removed, Axis2 runs the transport sender in the mediation thread: a send failure reaches the flow, as every generated call does.
        var remove = Assert.Single(steps.OfType<RemovePropertyStep>());
        Assert.Equal(("ClientApiNonBlocking", PropertyScope.Axis2), (remove.Name, remove.Scope));
        Assert.Empty(steps.OfType<TodoStep>());
        Assert.Empty(diagnostics.Items);
    }

    [Fact]
    public void Setting_it_stays_a_todo()
    {
        var (steps, diagnostics) = Lower("""<property name="ClientApiNonBlocking" value="true" scope="axis2"/>""");

        // Set to true, the sender runs on another thread and its failures never reach the flow, which the generated code does not reproduce.
        Assert.Single(steps.OfType<TodoStep>());
        Assert.Contains(diagnostics.Items, d => d.Id == DiagnosticCatalog.PropertyNotTranslated.Id);
    }

    [Theory]
    [InlineData("""<property name="REQUEST_HOST_HEADER" value="api.example.com" scope="axis2"/>""", "REQUEST_HOST_HEADER")]
    [InlineData("""<property name="REQUEST_HOST_HEADER" expression="$trp:X-Host" scope="axis2" type="STRING"/>""", "REQUEST_HOST_HEADER")]
    [InlineData("""<property name="transport.jms.ContentTypeProperty" value="Content-Type" scope="axis2"/>""", "transport.jms.ContentTypeProperty")]
    [InlineData("""<property name="JMS_COORELATION_ID" expression="get-property('MessageID')" scope="axis2"/>""", "JMS_COORELATION_ID")]
    public void Sender_settings_the_runtime_reads_are_axis2_strings(string property, string name)
    {
        var (steps, diagnostics) = Lower(property);

        // callEndpoint sets the Host header from REQUEST_HOST_HEADER; sendJms names the content-type property from the other.
        var set = Assert.Single(steps.OfType<SetPropertyStep>());
        Assert.Equal((name, PropertyScope.Axis2), (set.Name, set.Scope));
        Assert.Empty(steps.OfType<TodoStep>());
        Assert.Empty(diagnostics.Items);
    }

    [Theory]
    [InlineData("""<property name="REQUEST_HOST_HEADER" scope="axis2" type="OM"><host>h</host></property>""")]
    [InlineData("""<property name="transport.jms.ContentTypeProperty" value="1" scope="axis2" type="INTEGER"/>""")]
    [InlineData("""<property name="REQUEST_HOST_HEADER" value="h" scope="axis2-client"/>""")]
    public void A_typed_value_or_another_scope_stays_a_todo(string property)
    {
        var (steps, diagnostics) = Lower(property);

        // The senders cast the property to a String; an axis2-client property lives in the Axis2 options instead.
        Assert.Single(steps.OfType<TodoStep>());
        // An axis2-client property is a client option (SB0280), not the axis2 property a sender or transport reads.
        var expected = property.Contains("scope=\"axis2-client\"", StringComparison.Ordinal) ? DiagnosticCatalog.Axis2ClientOptionNotTranslated : DiagnosticCatalog.PropertyNotTranslated;
        Assert.Contains(diagnostics.Items, d => d.Id == expected.Id);
    }
}
