using System.Collections.Immutable;
using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Lowering;
using SynapseToBal.Syntax;
using Xunit;
using static SynapseToBal.Tests.Unit.MediatorParsing;

namespace SynapseToBal.Tests.Unit;

public sealed class SoapHeaderLoweringTests
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

    [Fact]
    public void A_qualified_name_adds_a_header_block_in_the_declared_namespace()
    {
        var (steps, _) = Lower("""<header xmlns:urn="urn:FOOBAR_WS" name="urn:AuthInf" value="foo"/>""");
        var add = Assert.Single(steps.OfType<AddSoapHeaderStep>());
        Assert.Equal(("urn:FOOBAR_WS", "urn", "AuthInf"), (add.NamespaceUri, add.Prefix, add.LocalName));
        Assert.Equal("foo", Assert.IsType<StringLiteralIr>(add.Value).Value);
    }

    [Fact]
    public void Remove_by_qualified_name_removes_the_blocks_of_that_namespace_and_local_name()
    {
        var (steps, _) = Lower("""<header xmlns:wsse="urn:sec" name="wsse:Security" action="remove"/>""");
        var remove = Assert.Single(steps.OfType<RemoveSoapHeaderStep>());
        Assert.Equal(("urn:sec", "Security"), (remove.NamespaceUri, remove.LocalName));
    }

    [Fact]
    public void An_inline_wsa_to_is_a_header_block_not_the_to_address()
    {
        var (steps, _) = Lower("""<header><wsa:To xmlns:wsa="http://www.w3.org/2005/08/addressing">http://h/x</wsa:To></header>""");
        var add = Assert.Single(steps.OfType<AddSoapHeaderXmlStep>());
        Assert.Equal("""<wsa:To xmlns:wsa="http://www.w3.org/2005/08/addressing">http://h/x</wsa:To>""", add.Xml);
        Assert.Empty(steps.OfType<SetFieldStep>());
    }

    [Theory]
    [InlineData("""<header name="ReplyTo" action="remove"/>""")]
    [InlineData("""<header name="MessageID" value="x"/>""")]
    [InlineData("""<header name="nope:X" value="x"/>""")]
    [InlineData("""<header xmlns:x="urn:x" name="x:Doc" type="OM" value="&lt;a/&gt;"/>""")]
    [InlineData("""<header><wsse:Security xmlns:wsse="urn:sec"><wsse:Password>secret1</wsse:Password></wsse:Security></header>""")]
    public void What_the_runtime_cannot_carry_stays_a_todo(string mediator)
    {
        var (steps, diagnostics) = Lower(mediator);
        Assert.Single(steps.OfType<TodoStep>());
        Assert.Empty(steps.OfType<AddSoapHeaderStep>());
        Assert.Empty(steps.OfType<AddSoapHeaderXmlStep>());
        Assert.Contains(diagnostics.Items, d => d.Id == DiagnosticCatalog.AttributeNotTranslated.Id);
    }

    [Fact]
    public void Preserve_processed_headers_true_is_a_data_property_and_false_stays_a_todo()
    {
        var (steps, _) = Lower("""<property name="preserveProcessedHeaders" value="true"/><property name="preserveProcessedHeaders" value="false"/>""");
        Assert.Equal("preserveProcessedHeaders", Assert.Single(steps.OfType<SetPropertyStep>()).Name);
        Assert.Single(steps.OfType<TodoStep>());
    }
}
