using SynapseToBal.Driver;
using SynapseToBal.Output;
using Xunit;

namespace SynapseToBal.Tests.Output;

/// <summary>
/// The splice's guard for the typed <c>Properties</c> record (<c>ArtifactSplice.PropertyRecordMayChange</c>): a change
/// that may change which properties the whole package types converts whole; one that provably cannot splices.
/// </summary>
public sealed partial class IncrementalEquivalenceTests
{
    private const string SynapseNs = "xmlns=\"http://ws.apache.org/ns/synapse\"";

    /// <summary>
    /// An API with a class mediator (SB0231: it may write any property, so the whole package types none) whose value
    /// changes while the class stays: the slice after the change has that writer too, so neither the whole package nor
    /// the slice types a property, and the change splices. Removing the class may let the whole package type the
    /// property the other API writes: that converts whole.
    /// </summary>
    [Fact]
    public void A_change_to_an_api_that_keeps_its_class_mediator_splices_and_removing_the_class_converts_whole()
    {
        WritePropertyProject(
            $"<api {SynapseNs} name=\"A\" context=\"/a\"><resource methods=\"GET\"><inSequence><class name=\"org.example.Audit\"/><log level=\"custom\"><property name=\"v\" value=\"A\"/></log><respond/></inSequence></resource></api>",
            "count");
        IncrementalConversion.Run(new ConversionOptions(Input), Out, Splicing, include: WithoutReport);
        AssertEqualsFresh("the first run", WithoutReport);
        Assert.False(File.Exists(Path.Combine(Out, "properties.bal")), "a package with a class mediator typed a property");

        Edit(Path.Combine(Input, "apis", "A.xml"), "value=\"A\"", "value=\"incr-A\"");
        var rerun = IncrementalConversion.Run(new ConversionOptions(Input), Out, Splicing, include: WithoutReport);
        AssertEqualsFresh("a value changed beside the class", WithoutReport);
        Assert.True(rerun.Spliced, "a change that keeps the class mediator was converted whole");

        Edit(Path.Combine(Input, "apis", "A.xml"), "<class name=\"org.example.Audit\"/>", string.Empty);
        rerun = IncrementalConversion.Run(new ConversionOptions(Input), Out, Splicing, include: WithoutReport);
        AssertEqualsFresh("the class removed", WithoutReport);
        Assert.False(rerun.Spliced, "the removal of the only property writer was spliced");
        Assert.True(File.Exists(Path.Combine(Out, "properties.bal")), "without the class the whole package types no property: the case tests nothing");
    }

    /// <summary>
    /// The changed API removes a property another API writes into the context, under a name written with an XML
    /// reference (<c>a&amp;amp;b</c>, the property <c>a&amp;b</c>): the removal keeps it in the record's rest. Once the
    /// removal is gone the whole package types it, which the slice (without the API that writes it) cannot see, so the
    /// change must convert whole although the raw old text never holds <c>a&amp;b</c>.
    /// </summary>
    [Fact]
    public void A_property_named_through_an_xml_reference_in_the_old_text_converts_whole_when_its_mention_goes()
    {
        WritePropertyProject(
            $"<api {SynapseNs} name=\"A\" context=\"/a\"><resource methods=\"GET\"><inSequence><property name=\"a&amp;b\" action=\"remove\"/><respond/></inSequence></resource></api>",
            "a&amp;b");
        IncrementalConversion.Run(new ConversionOptions(Input), Out, Splicing, include: WithoutReport);
        AssertEqualsFresh("the first run", WithoutReport);
        Assert.False(File.Exists(Path.Combine(Out, "properties.bal")), "a removed property was typed");

        Edit(Path.Combine(Input, "apis", "A.xml"), "<property name=\"a&amp;b\" action=\"remove\"/>", "<log level=\"custom\"><property name=\"v\" value=\"A\"/></log>");
        var rerun = IncrementalConversion.Run(new ConversionOptions(Input), Out, Splicing, include: WithoutReport);
        AssertEqualsFresh("the removal gone", WithoutReport);
        Assert.True(File.Exists(Path.Combine(Out, "properties.bal")), "without the removal the whole package types no property: the case tests nothing");
        Assert.False(rerun.Spliced, "a change that lets the whole package type a property was spliced");
    }

    /// <summary>
    /// API A (the one changed) and API B, which sets the integer property <paramref name="property"/> (as written in
    /// XML) into the context and reads it in the sequence it calls.
    /// </summary>
    private void WritePropertyProject(string api, string property)
    {
        Directory.CreateDirectory(Path.Combine(Input, "apis"));
        Directory.CreateDirectory(Path.Combine(Input, "sequences"));
        File.WriteAllText(Path.Combine(Input, "sequences", "S.xml"), $"<sequence {SynapseNs} name=\"S\"><log level=\"custom\"><property name=\"seen\" expression=\"get-property('{property}')\"/></log></sequence>");
        File.WriteAllText(Path.Combine(Input, "apis", "A.xml"), api);
        File.WriteAllText(Path.Combine(Input, "apis", "B.xml"), $"<api {SynapseNs} name=\"B\" context=\"/b\"><resource methods=\"POST\"><inSequence><property name=\"{property}\" value=\"1\" type=\"INTEGER\"/><sequence key=\"S\"/><respond/></inSequence></resource></api>");
    }
}
