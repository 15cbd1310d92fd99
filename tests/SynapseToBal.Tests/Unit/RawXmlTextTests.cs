using SynapseToBal.Diagnostics;
using SynapseToBal.Semantics;
using SynapseToBal.Syntax;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// The raw XML of a syntax node is a span of its file's text (<see cref="RawXmlText"/>), not a string per node: it must
/// read, compare and hash exactly as the string it stands for did, since TODO bodies, fingerprints and inline XML
/// values are made from it.
/// </summary>
public sealed class RawXmlTextTests
{
    private const string Api = """
        <api xmlns="http://ws.apache.org/ns/synapse" name="A" context="/a">
            <resource methods="GET" uri-template="/{id}">
                <inSequence>
                    <filter source="$ctx:x" regex="a">
                        <then><log level="custom"><property name="x" value="a &gt; b"/></log></then>
                        <else><respond/></else>
                    </filter>
                    <respond/>
                </inSequence>
            </resource>
        </api>
        """;

    [Fact]
    public void A_span_reads_compares_and_hashes_as_the_string_it_stands_for()
    {
        const string source = "<a><b x=\"1\"/><b x=\"1\"/></a>";
        var first = new RawXmlText(source, 3, 10);
        var second = new RawXmlText(source, 13, 10);
        RawXmlText copy = "<b x=\"1\"/>";

        Assert.Equal("<b x=\"1\"/>", first.ToString());
        Assert.Equal(10, first.Length);
        Assert.True(first == second);
        Assert.Equal(first, copy);
        Assert.Equal(first.GetHashCode(), copy.GetHashCode());
        Assert.Equal("<b x=\"1\"/>".GetHashCode(), first.GetHashCode());
        Assert.NotEqual(first, new RawXmlText(source, 3, 9));
        Assert.True(first.Contains("x=\"1\"", StringComparison.Ordinal));
        Assert.False(first.Contains("<a>", StringComparison.Ordinal));
        string converted = first;
        Assert.Equal("<b x=\"1\"/>", converted);
        Assert.Same(source, new RawXmlText(source).ToString());
    }

    [Fact]
    public void The_default_and_a_null_string_read_as_empty()
    {
        RawXmlText fromNull = (string?)null;
        Assert.Equal(string.Empty, default(RawXmlText).ToString());
        Assert.Equal(0, fromNull.Length);
        Assert.Equal(default, fromNull);
        Assert.Equal(new RawXmlText(string.Empty), default);
    }

    [Fact]
    public void A_span_outside_its_source_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RawXmlText("<a/>", 2, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RawXmlText("<a/>", -1, 1));
    }

    [Fact]
    public void Every_node_s_raw_xml_is_the_text_at_its_location_nested_ones_included()
    {
        var document = SynapseParser.ParseText("a.xml", Api, new DiagnosticBag());
        Assert.NotNull(document);
        var api = Assert.Single(document.Artifacts);
        Assert.Equal(Api, api.RawXml.ToString());
        var mediators = MediatorCollector.Collect(document.Artifacts);
        Assert.Equal(4, mediators.Count); // filter, its log and respond, the last respond
        foreach (var mediator in mediators)
        {
            var span = mediator.Location.Span;
            Assert.Equal(Api.Substring(span.Start, span.Length), mediator.RawXml.ToString());
        }

        var log = Assert.Single(mediators.OfType<LogMediator>());
        Assert.Equal("<log level=\"custom\"><property name=\"x\" value=\"a &gt; b\"/></log>", log.RawXml);
    }
}
