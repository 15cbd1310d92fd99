using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Lowering;
using SynapseToBal.Syntax;
using Xunit;
using static SynapseToBal.Tests.Unit.MediatorParsing;

namespace SynapseToBal.Tests.Unit;

public sealed class MediatorListTests
{
    [Fact]
    public void Anonymous_sequence_is_typed_and_its_mediators_are_parsed()
    {
        var inline = Single<InlineSequenceMediator>("""<sequence onError="fault"><log/><drop/></sequence>""");
        Assert.Equal("fault", inline.OnError);
        Assert.IsType<LogMediator>(inline.Mediators[0]);
        Assert.IsType<DropMediator>(inline.Mediators[1]);
        Assert.Equal("sequence", inline.ElementName);
    }

    [Fact]
    public void Sequence_with_a_key_stays_a_reference()
    {
        var reference = Single<SequenceReferenceMediator>("""<sequence key="{$ctx:next}"/>""");
        Assert.True(reference.Key.IsDynamic);
    }

    [Fact]
    public void Anonymous_sequence_is_lowered_in_place()
    {
        var diagnostics = new DiagnosticBag();
        var document = Document("""<sequence><log level="custom"><property name="a" value="b"/></log></sequence><drop/>""", diagnostics);
        var package = Lowerer.Lower([document], diagnostics);
        var body = Assert.Single(package.Functions).Body;
        Assert.IsType<LogStep>(body[0]);
        Assert.DoesNotContain(diagnostics.Items, d => d.Id == DiagnosticCatalog.MediatorNotTranslated.Id);
    }

    [Fact]
    public void Unknown_children_of_a_typed_mediator_are_reported_and_kept_as_extra()
    {
        var log = Single<LogMediator>("""<log level="custom"><property name="a" value="b"/><trace enabled="true"><x/></trace></log>""", out var diagnostics);
        var extra = Assert.Single(log.Extra);
        Assert.Equal("trace", extra.Name);
        Assert.Equal("""<trace enabled="true"><x/></trace>""", extra.RawXml);
        Assert.Contains(DiagnosticCatalog.UnknownElement.Id, Ids(diagnostics));
        Assert.Single(log.Properties);
    }

    [Fact]
    public void Unclaimed_children_are_caught_as_extra()
    {
        // A property with inline XML keeps the first child as its value; the second is extra.
        var property = Single<PropertyMediator>("""<property name="p"><a:One xmlns:a="urn:a"/><a:Two xmlns:a="urn:a"/></property>""", out var diagnostics);
        Assert.Equal("Two", Assert.Single(property.Extra).Name);
        Assert.DoesNotContain(DiagnosticCatalog.ElementNotRepresented.Id, Ids(diagnostics));
    }

    [Fact]
    public void Every_inline_header_block_is_claimed()
    {
        // Synapse adds every inline element of a header mediator as a SOAP header block (HeaderMediator, implicit).
        var header = Single<HeaderMediator>("""<header><a:One xmlns:a="urn:a"/><a:Two xmlns:a="urn:a">2</a:Two></header>""", out var diagnostics);
        Assert.Empty(header.Extra);
        Assert.Equal("""<a:One xmlns:a="urn:a" /><a:Two xmlns:a="urn:a">2</a:Two>""", header.InlineXml);
        Assert.DoesNotContain(DiagnosticCatalog.ElementNotRepresented.Id, Ids(diagnostics));
    }
}
