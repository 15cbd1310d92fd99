using SynapseToBal.Driver;
using SynapseToBal.Emit;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// Synapse's axis2 <c>HTTP_SC</c> as reads and writes see it (unset until a response or a write, parsed only for the
/// status sent), and the <c>Content-Type</c> transport header payloadFactory rewrites.
/// </summary>
public sealed class HttpScAndPayloadHeaderTests
{
    private const string Head = """<api xmlns="http://ws.apache.org/ns/synapse" name="A" context="/a"><resource methods="POST" uri-template="/"><inSequence>""";
    private const string Tail = """<respond/></inSequence></resource></api>""";

    [Fact]
    public void A_read_of_HTTP_SC_is_empty_until_set_and_never_the_default_status()
    {
        var main = Convert(Head + """<log level="custom"><property name="s" expression="$axis2:HTTP_SC"/></log>""" + Tail);
        Assert.Contains("s = axis2HttpSc(ctx)", main);
        Assert.DoesNotContain("ctx.statusCode", main);
    }

    [Fact]
    public void A_computed_HTTP_SC_is_parsed_leniently_and_not_checked()
    {
        var main = Convert(Head + """<property name="HTTP_SC" expression="json-eval($.status)" scope="axis2"/>""" + Tail);
        Assert.Contains("setHttpSc(ctx, check jsonEval(ctx, \"$.status\"));", main);
        Assert.DoesNotContain("int:fromString", main);
    }

    [Fact]
    public void A_literal_HTTP_SC_sets_the_status_and_a_removal_unsets_it()
    {
        var main = Convert(Head + """<property name="HTTP_SC" value="404" scope="axis2"/><property name="HTTP_SC" scope="axis2" action="remove"/>""" + Tail);
        Assert.Contains("setHttpSc(ctx, 404);", main);
        Assert.Contains("setHttpSc(ctx, \"\");", main);
    }

    [Fact]
    public void A_status_comparison_reads_HTTP_SC_as_text()
    {
        var main = Convert(Head + """<filter source="$axis2:HTTP_SC" regex="404"><then><log/></then></filter>""" + Tail);
        Assert.Contains("axis2HttpSc(ctx) == \"404\"", main);
    }

    [Fact]
    public void The_runtime_keeps_HTTP_SC_apart_from_the_status_sent()
    {
        var support = Support();
        Assert.Contains("function axis2HttpSc(Context ctx) returns string => ctx.httpSc ?: \"\";", support);
        var set = Function(support, "setHttpSc");
        Assert.Contains("int|error status = int:fromString(value);", set);
        Assert.Contains("ctx.statusCode = 200;", set);
        Assert.DoesNotContain("check ", set);
        Assert.Contains("ctx.httpSc = response.statusCode.toString();", support);
        Assert.Contains("string? httpSc = ();", RuntimeModule.BuiltIn.Types());
    }

    [Theory]
    [InlineData("setJsonPayload")]
    [InlineData("setTextPayload")]
    [InlineData("setXmlPayload")]
    public void A_payload_factory_rewrites_the_content_type_header_with_the_message_type(string helper)
    {
        var function = Function(Support(), helper);
        Assert.Contains("ctx.headers[\"content-type\"] = ctx.contentType;", function);
    }

    [Fact]
    public void An_xml_payload_keeps_exactly_the_three_xml_message_types()
    {
        var function = Function(Support(), "setXmlPayload");
        Assert.Contains("current != \"application/xml\" && current != \"text/xml\" && current != \"application/soap+xml\"", function);
    }

    private static string Support()
    {
        var module = RuntimeModule.BuiltIn;
        return module.Support(module.Everything)!;
    }

    private static string Function(string support, string name)
    {
        var start = support.IndexOf("\nfunction " + name + "(", StringComparison.Ordinal);
        Assert.True(start >= 0, name);
        var end = support.IndexOf("\n}\n", start, StringComparison.Ordinal);
        return support[start..end];
    }

    private static string Convert(string artifact)
    {
        var folder = Path.Combine(Path.GetTempPath(), "synapse2bal-httpsc-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            File.WriteAllText(Path.Combine(folder, "a.xml"), artifact);
            return Converter.Convert(new ConversionOptions(folder)).Files.Single(f => f.RelativePath == "main.bal").Content;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
