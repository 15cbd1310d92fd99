using System.Xml;
using SynapseToBal.Diagnostics;
using SynapseToBal.Syntax;
using Xunit;

namespace SynapseToBal.Tests.Unit;

public sealed class XmlSourceTests
{
    private const string Api = """
        <?xml version="1.0"?>
        <!-- comment -->
        <api xmlns="http://ws.apache.org/ns/synapse" name="A" context="/a">
            <resource methods="GET" uri-template="/{id}">
                <inSequence>
                    <log level="custom"><property name="x" value="a &gt; b"/></log>
                    <respond/>
                </inSequence>
            </resource>
        </api>
        """;

    [Fact]
    public void Elements_carry_exact_spans_and_raw_text()
    {
        var source = XmlSource.Parse("a.xml", Api);
        var log = source.Root.Descendants().First(e => e.Name.LocalName == "log");
        var location = source.LocationOf(log);
        Assert.Equal(6, location.Line);
        Assert.Equal(12, location.LineSpan.Start.Character);
        Assert.Equal("<log level=\"custom\"><property name=\"x\" value=\"a &gt; b\"/></log>", source.RawXml(log));
        var respond = source.Root.Descendants().First(e => e.Name.LocalName == "respond");
        Assert.Equal("<respond/>", source.RawXml(respond));
    }

    [Fact]
    public void Dtds_are_refused()
    {
        const string xxe = "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><a>&x;</a>";
        Assert.Throws<XmlException>(() => XmlSource.Parse("x.xml", xxe));
    }

    [Fact]
    public void A_file_with_a_dtd_whose_root_is_no_artifact_is_skipped_not_an_error()
    {
        // Hibernate mappings and log4j configurations beside a project's Java sources declare DTDs; the DTD is still
        // refused (never read), but the file is skipped as XML that is not an artifact, not reported as malformed.
        const string hibernate = "<?xml version=\"1.0\"?>\n<!DOCTYPE hibernate-mapping PUBLIC \"-//Hibernate/Hibernate Mapping DTD 3.0//EN\" \"http://www.hibernate.org/dtd/hibernate-mapping-3.0.dtd\">\n<!-- mapping -->\n<hibernate-mapping><class name=\"A\"/></hibernate-mapping>";
        var diagnostics = new DiagnosticBag();
        Assert.Null(SynapseParser.ParseText("a.hbm.xml", hibernate, diagnostics));
        var skipped = Assert.Single(diagnostics.Items);
        Assert.Equal("SB0003", skipped.Id);
        Assert.Contains("'hibernate-mapping'", skipped.GetMessage(), StringComparison.Ordinal);

        Assert.Equal("log4j:configuration", SynapseParser.DoctypedRoot("<!DOCTYPE log4j:configuration SYSTEM \"log4j.dtd\">\n<log4j:configuration xmlns:log4j=\"http://jakarta.apache.org/log4j/\"/>"));
        // The root is read after an internal subset (a ']' inside it does not end it), whatever name the DOCTYPE gives.
        Assert.Equal("sequence", SynapseParser.DoctypedRoot("<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x \"a]b\">] ><sequence/>"));
        Assert.Null(SynapseParser.DoctypedRoot("<sequence/>"));
        Assert.Null(SynapseParser.DoctypedRoot("<!DOCTYPE a [<!ENTITY x \"y\">"));

        // A DTD before a Synapse root stays an error: the artifact is not converted.
        var refused = new DiagnosticBag();
        Assert.Null(SynapseParser.ParseText("s.xml", "<!DOCTYPE sequence><sequence xmlns=\"http://ws.apache.org/ns/synapse\" name=\"s\"/>", refused));
        Assert.Equal("SB0002", Assert.Single(refused.Items).Id);
    }

    [Fact]
    public void Malformed_xml_is_a_diagnostic_with_a_position_not_an_exception()
    {
        var diagnostics = new DiagnosticBag();
        var document = SynapseParser.ParseText("bad.xml", "<api name=\"a\" context=\"/a\">\n<resource>\n</api>", diagnostics);
        Assert.Null(document);
        var diagnostic = Assert.Single(diagnostics.Items);
        Assert.Equal("SB0002", diagnostic.Id);
        Assert.StartsWith("bad.xml(3,", DiagnosticBag.Format(diagnostic));
    }

    [Fact]
    public void Unknown_mediators_are_kept_with_their_xml()
    {
        var diagnostics = new DiagnosticBag();
        var document = SynapseParser.ParseText("s.xml", "<sequence xmlns=\"http://ws.apache.org/ns/synapse\" name=\"s\"><frobnicate level=\"9\"><x/></frobnicate></sequence>", diagnostics);
        var sequence = Assert.IsType<SequenceSyntax>(Assert.Single(document!.Artifacts));
        var unknown = Assert.IsType<UnknownMediator>(Assert.Single(sequence.Mediators));
        Assert.Equal("frobnicate", unknown.Name);
        Assert.Equal("<frobnicate level=\"9\"><x/></frobnicate>", unknown.RawXml);
        Assert.Empty(document.Unaccounted);
    }

    [Fact]
    public void Non_synapse_files_are_skipped_with_an_info()
    {
        var diagnostics = new DiagnosticBag();
        Assert.Null(SynapseParser.ParseText("pom.xml", "<project xmlns=\"http://maven.apache.org/POM/4.0.0\"/>", diagnostics));
        Assert.Equal("SB0003", Assert.Single(diagnostics.Items).Id);
    }
}
