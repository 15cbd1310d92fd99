using System.Collections.Immutable;
using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Lowering;
using SynapseToBal.Syntax;
using Xunit;
using static SynapseToBal.Tests.Unit.MediatorParsing;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// WS-Addressing on sends: a default endpoint builds the message (its wsa:To becomes the To address), and
/// PRESERVE_WS_ADDRESSING is a data property the runtime's callEndpoint reads before stripping the addressing headers.
/// </summary>
public sealed class WsAddressingLoweringTests
{
    private static (ImmutableArray<StepIr> Steps, DiagnosticBag Diagnostics) Lower(string inSequence)
    {
        var diagnostics = new DiagnosticBag();
        var xml = $"""<proxy xmlns="{Synapse}" name="P"><target><inSequence>{inSequence}</inSequence><outSequence><send/></outSequence></target></proxy>""";
        var document = SynapseParser.ParseText("P.xml", xml, diagnostics);
        Assert.NotNull(document);
        var package = Lowerer.Lower([document], diagnostics);
        return ([.. IrWalker.Steps(package.Services.SelectMany(s => s.Resources).SelectMany(r => r.Body).Concat(package.Functions.SelectMany(f => f.Body)))], diagnostics);
    }

    [Theory]
    [InlineData("""<send><endpoint><default/></endpoint></send>""")]
    [InlineData("""<call><endpoint><default/></endpoint></call><drop/>""")]
    [InlineData("""<property name="OUT_ONLY" value="true"/><call><endpoint><default/></endpoint></call><drop/>""")]
    public void A_default_endpoint_builds_the_message_before_it_reads_the_to_address(string inSequence)
    {
        var (steps, _) = Lower(inSequence);
        Assert.True(Assert.Single(steps.OfType<CallAddressStep>()).BuildsMessage);
    }

    [Theory]
    [InlineData("""<header name="To" value="http://h/x"/><send/>""")]
    [InlineData("""<call blocking="true"><endpoint><default/></endpoint></call><drop/>""")]
    public void An_endpoint_less_send_and_the_blocking_sender_do_not_build_it(string inSequence)
    {
        var (steps, _) = Lower(inSequence);
        Assert.False(Assert.Single(steps.OfType<CallAddressStep>()).BuildsMessage);
    }

    [Theory]
    [InlineData("""<property name="PRESERVE_WS_ADDRESSING" value="true"/>""")]
    [InlineData("""<property name="PRESERVE_WS_ADDRESSING" value="false"/>""")]
    [InlineData("""<property name="PRESERVE_WS_ADDRESSING" value="TRUE" type="STRING"/>""")]
    [InlineData("""<property name="PRESERVE_WS_ADDRESSING" expression="$trp:X-Keep"/>""")]
    [InlineData("""<property name="PRESERVE_WS_ADDRESSING" action="remove"/>""")]
    public void A_string_or_removed_preserve_ws_addressing_is_a_data_property(string property)
    {
        var (steps, diagnostics) = Lower(property + """<send><endpoint><default/></endpoint></send>""");
        Assert.Empty(steps.OfType<TodoStep>());
        Assert.DoesNotContain(diagnostics.Items, d => d.Descriptor == DiagnosticCatalog.PropertyNotTranslated);
        Assert.Single(steps, s => s is SetPropertyStep { Name: "PRESERVE_WS_ADDRESSING" } or RemovePropertyStep { Name: "PRESERVE_WS_ADDRESSING" });
    }

    [Theory]
    [InlineData("""<property name="PRESERVE_WS_ADDRESSING" value="true" type="BOOLEAN"/>""")]
    [InlineData("""<property name="PRESERVE_WS_ADDRESSING" scope="default" type="OM"><x/></property>""")]
    public void A_typed_preserve_ws_addressing_stays_a_todo_as_the_senders_string_cast_fails(string property)
    {
        var (steps, diagnostics) = Lower(property + """<send><endpoint><default/></endpoint></send>""");
        Assert.Single(steps.OfType<TodoStep>());
        Assert.Contains(diagnostics.Items, d => d.Descriptor == DiagnosticCatalog.PropertyNotTranslated);
    }
}
