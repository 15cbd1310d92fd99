using SynapseToBal.Driver;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// Issue 14, output a developer keeps: one content type set once when <c>messageType</c> and <c>ContentType</c> are
/// set together, no client for a registry endpoint nothing names.
/// </summary>
public sealed class Idiom2Tests
{
    private const string Ns = "xmlns=\"http://ws.apache.org/ns/synapse\"";

    [Fact]
    public void Message_type_and_content_type_set_together_write_the_content_type_once()
    {
        var functions = ArtifactConversion.Convert($"""
            <proxy {Ns} name="JsonProxy"><target><inSequence>
              <property name="messageType" value="application/json" scope="axis2"/>
              <property name="HTTP_SC" value="200" scope="axis2"/>
              <property name="ContentType" value="application/json" scope="axis2"/>
              <respond/>
            </inSequence></target></proxy>
            """)["functions.bal"];

        Assert.Equal(1, Count(functions, "ctx.contentType = \"application/json\";"));
    }

    [Theory]
    // Another value: the second set changes the field.
    [InlineData("""<property name="messageType" value="application/json" scope="axis2"/><property name="ContentType" value="application/xml" scope="axis2"/>""", 2)]
    // A step between them that may change the content type (a payload of another media type).
    [InlineData("""<property name="messageType" value="application/json" scope="axis2"/><payloadFactory media-type="xml"><format><a xmlns="">1</a></format><args/></payloadFactory><property name="ContentType" value="application/json" scope="axis2"/>""", 2)]
    // In a branch: the set in the branch is its own block.
    [InlineData("""<property name="messageType" value="application/json" scope="axis2"/><filter xpath="true()"><then><property name="ContentType" value="application/json" scope="axis2"/><log/></then></filter>""", 2)]
    public void A_set_that_may_write_another_value_stays(string mediators, int sets)
    {
        var functions = ArtifactConversion.Convert($"""
            <proxy {Ns} name="JsonProxy"><target><inSequence>{mediators}
              <respond/>
            </inSequence></target></proxy>
            """)["functions.bal"];

        Assert.Equal(sets, Count(functions, "ctx.contentType = \"application/"));
    }

    [Fact]
    public void A_registry_endpoint_nothing_names_gets_no_client()
    {
        var result = Convert(
            ("Proxy.xml", $"""<proxy {Ns} name="OrderProxy"><target><inSequence><call><endpoint key="conf:/endpoints/used.xml"/></call><respond/></inSequence></target></proxy>"""),
            ("registry/config/endpoints/used.xml", $"""<endpoint {Ns}><address uri="http://localhost:9000/used"/></endpoint>"""),
            ("registry/config/endpoints/unused.xml", $"""<endpoint {Ns}><address uri="http://localhost:9000/unused"/></endpoint>"""));
        var files = result.Files.ToDictionary(f => f.RelativePath, f => f.Content);

        Assert.Contains("confEndpointsUsedXml", files["connections.bal"], StringComparison.Ordinal);
        Assert.DoesNotContain("Unused", files["connections.bal"], StringComparison.Ordinal);
        Assert.DoesNotContain("Unused", files["configs.bal"], StringComparison.Ordinal);
        var note = Assert.Single(result.Diagnostics, d => d.Id == "SB0303");
        Assert.Contains("conf:/endpoints/unused.xml", note.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void A_registry_endpoint_named_by_a_dynamic_key_may_be_used_and_keeps_its_client()
    {
        var result = Convert(
            ("Proxy.xml", $"""<proxy {Ns} name="OrderProxy"><target><inSequence><send><endpoint key-expression="get-property('ep')"/></send></inSequence></target></proxy>"""),
            ("registry/config/endpoints/unused.xml", $"""<endpoint {Ns}><address uri="http://localhost:9000/unused"/></endpoint>"""));
        var files = result.Files.ToDictionary(f => f.RelativePath, f => f.Content);

        Assert.Contains("confEndpointsUnusedXml", files["connections.bal"], StringComparison.Ordinal);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "SB0303");
    }

    private static ConversionResult Convert(params (string Path, string Text)[] files)
    {
        var folder = Path.Combine(Path.GetTempPath(), "synapse2bal-unit-" + Guid.NewGuid().ToString("N"));
        try
        {
            foreach (var (path, text) in files)
            {
                var full = Path.Combine(folder, path);
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                File.WriteAllText(full, text);
            }

            return Converter.Convert(new ConversionOptions(folder));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static int Count(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
