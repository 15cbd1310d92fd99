using System.Text.RegularExpressions;
using SynapseToBal.Emit;
using SynapseToBal.Report;
using SynapseToBal.Semantics;
using SynapseToBal.Syntax;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>The hand-written scans and short cuts that replaced slower code give what that code gave.</summary>
public sealed partial class FastPathEquivalenceTests
{
    /// <summary>The regex the namespace pass used to find module prefixes in use.</summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9_'\\])([A-Za-z_][A-Za-z0-9_]*):")]
    private static partial Regex QualifiedPrefix();

    [Theory]
    [InlineData("http:Client c = check new (url); log:printInfo(\"x\");")]
    [InlineData("a:b:c d: _e: 9f: f9: 'quoted: x\\y: é:ü z:")]
    [InlineData("map<json> m = {k: v, 'k2: w}; x = y ? p:q;")]
    [InlineData(":leading and trailing:")]
    [InlineData("")]
    [InlineData("ns1:x/<m0:item>//<m1:y> \\escaped:no a_b1:yes")]
    public void Module_prefix_scan_finds_what_the_regex_found(string code)
    {
        var expected = QualifiedPrefix().Matches(code).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(expected.Order(StringComparer.Ordinal), XmlNamespaceScope.QualifiedPrefixes(code).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Xml_without_a_credential_word_is_returned_as_it_is()
    {
        const string xml = "<log level=\"custom\"><property name=\"id\" value=\"42\"/></log>";
        Assert.Equal(xml, SecretNames.MaskXml(xml));
    }

    [Theory]
    [InlineData("<property name=\"api-key\" value=\"k1\"/>", "k1")] // the word spans a separator in the name
    [InlineData("<property name=\"PASS_WORD\" value=\"k2\"/>", "k2")]
    [InlineData("<endpoint><address uri=\"http://user:k3@host/x\"/></endpoint>", "k3")] // user info needs no word
    public void A_credential_found_through_separators_or_user_info_is_still_masked(string xml, string secret)
    {
        Assert.DoesNotContain(secret, SecretNames.MaskXml(xml), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("// TODO(SB0201): x")]
    [InlineData("a\n// TODO(SB0201): x\nb\n")]
    [InlineData("a\r\n  // TODO(SB0203): y // TODO(SB0250): z\r\n\n\n// TODO(SB1): last")]
    [InlineData("\n\n// TODO(SB\n// TODO(SB0201)\n")]
    [InlineData("no marker here\nnor here")]
    public void Lines_holding_a_marker_are_the_lines_split_finds(string text)
    {
        const string marker = "// TODO(SB";
        var expected = text.Split('\n').Select((line, i) => (line, i + 1)).Where(l => l.line.Contains(marker, StringComparison.Ordinal));
        Assert.Equal(expected, MigrationReportBuilder.LinesHolding(text, marker));
    }

    [Fact]
    public void Collecting_an_artifacts_mediators_again_gives_a_fresh_walks_list()
    {
        const string xml = """
            <definitions xmlns="http://ws.apache.org/ns/synapse">
              <sequence name="a">
                <log level="full"/>
                <filter xpath="true()"><then><property name="x" value="1"/></then><else><drop/></else></filter>
                <clone><target><sequence><log/><sequence key="b"/></sequence></target></clone>
              </sequence>
              <sequence name="b"><switch source="$ctx:x"><case regex="1"><respond/></case><default><drop/></default></switch></sequence>
            </definitions>
            """;
        var document = SynapseParser.ParseText("x.xml", xml, new SynapseToBal.Diagnostics.DiagnosticBag())!;
        var walked = new List<MediatorSyntax>();
        foreach (var artifact in document.Artifacts)
        {
            var walker = new Walked();
            walker.Walk(artifact);
            walked.AddRange(walker.Mediators);
        }

        var first = MediatorCollector.Collect(document.Artifacts);
        var second = MediatorCollector.Collect(document.Artifacts);
        Assert.Equal(10, walked.Count);
        Assert.Equal(walked, first, ReferenceEqualityComparer.Instance);
        Assert.Equal(walked, second, ReferenceEqualityComparer.Instance);
        Assert.NotSame(first, second);
    }

    private sealed class Walked : SyntaxWalker
    {
        public List<MediatorSyntax> Mediators { get; } = [];

        protected override void OnMediator(MediatorSyntax mediator) => Mediators.Add(mediator);
    }
}
