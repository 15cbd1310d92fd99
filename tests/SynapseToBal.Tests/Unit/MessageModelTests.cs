using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using SynapseToBal.Lowering;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// The JSON ↔ XML tables of <c>docs/message-model.md</c>, run against the C# model of Synapse's mapping
/// (<see cref="JsonXmlInfoset"/>). The tables are read from the document, so the document and the tests agree.
/// </summary>
public sealed partial class MessageModelTests
{
    private static readonly string Document = Path.Combine(TestPaths.RepositoryRoot, "docs", "message-model.md");

    public static TheoryData<string, string> JsonToXmlRows() => Rows("| JSON | Synapse XML |");

    public static TheoryData<string, string> XmlToJsonRows() => Rows("| Synapse XML | JSON |");

    [Theory]
    [MemberData(nameof(JsonToXmlRows))]
    public void Json_becomes_Synapse_XML(string json, string expectedXml)
    {
        var actual = JsonXmlInfoset.JsonToXml(JsonNode.Parse(json));
        var expected = XElement.Parse(expectedXml);
        Assert.True(XNode.DeepEquals(Normalize(expected), Normalize(actual)), $"expected {expected.ToString(SaveOptions.DisableFormatting)}\nactual   {actual.ToString(SaveOptions.DisableFormatting)}");
    }

    [Theory]
    [MemberData(nameof(XmlToJsonRows))]
    public void Xml_becomes_Synapse_JSON(string xml, string expectedJson) =>
        Assert.Equal(expectedJson, JsonXmlInfoset.ToJsonText(JsonXmlInfoset.XmlToJson(XElement.Parse(xml))));

    [Fact]
    public void The_document_has_both_tables() =>
        Assert.True(JsonToXmlRows().Count >= 10 && XmlToJsonRows().Count >= 10);

    [Theory]
    [InlineData("12X12", "_JsonReader_PD_12X12")]
    [InlineData("$schema", "_JsonReader_PS_schema")]
    [InlineData("name", "name")]
    public void Json_keys_get_Synapse_prefixes_and_lose_them_again(string key, string name)
    {
        Assert.Equal(name, JsonXmlInfoset.XmlName(key));
        Assert.Equal(key, JsonXmlInfoset.JsonKey(name));
    }

    /// <summary>Empty elements compare equal whether written <c>&lt;a/&gt;</c> or <c>&lt;a&gt;&lt;/a&gt;</c>.</summary>
    private static XElement Normalize(XElement element)
    {
        var copy = new XElement(element);
        foreach (var e in copy.DescendantsAndSelf().Where(e => e.IsEmpty || (!e.HasElements && e.Value.Length == 0)))
        {
            e.RemoveNodes();
        }

        return copy;
    }

    /// <summary>The first two code spans of each row of the table under the header line.</summary>
    private static TheoryData<string, string> Rows(string header)
    {
        var data = new TheoryData<string, string>();
        var lines = File.ReadAllLines(Document);
        var start = Array.FindIndex(lines, l => l.StartsWith(header, StringComparison.Ordinal));
        Assert.True(start >= 0, $"table '{header}' not found in {Document}");
        foreach (var line in lines.Skip(start + 2).TakeWhile(l => l.StartsWith('|')))
        {
            var spans = CodeSpan().Matches(line).Select(m => m.Groups[1].Value).ToList();
            data.Add(spans[0], spans[1]);
        }

        return data;
    }

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex CodeSpan();
}
