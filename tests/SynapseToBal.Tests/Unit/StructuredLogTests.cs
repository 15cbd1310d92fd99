using SynapseToBal.Driver;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>Logs as a message and key-values (issue 14); the Micro Integrator's line only behind an option.</summary>
public sealed class StructuredLogTests
{
    private const string Api = """
        <api xmlns="http://ws.apache.org/ns/synapse" name="A" context="/a"><resource methods="GET"><inSequence>
            <log level="custom" category="WARN"><property name="step" value="lookup"/><property name="error" expression="$trp:X-Error"/><property name="step" value="again"/><property name="password" expression="$trp:X-Password"/></log>
            <log level="full"/>
            <respond/></inSequence></resource></api>
        """;

    [Fact]
    public void A_log_is_a_message_with_key_values()
    {
        var main = Convert(Api, lines: false);
        Assert.Contains("log:printWarn(\"A default request\", step = \"lookup\", errorValue = (optionalHeader(ctx, \"X-Error\") ?: \"null\"), step2 = \"again\", password = \"****\");", main);
        Assert.Contains("log:printInfo(\"A default request\", to = ctx.to, messageId = ctx.messageId, correlationId = ctx.correlationId, direction = \"request\", payload = check payloadText(ctx));", main);
    }

    [Fact]
    public void The_headers_level_puts_the_correlation_id_right_after_the_message()
    {
        const string Xml = """
            <api xmlns="http://ws.apache.org/ns/synapse" name="A" context="/a"><resource methods="GET"><inSequence>
            <log level="headers"/>
            <respond/></inSequence></resource></api>
            """;
        Assert.Contains("log:printInfo(string `${ctx.correlationId == \"\" ? \"\" : \" correlation_id : \" + ctx.correlationId}, Headers: ${headersText(ctx)}`);", Convert(Xml, lines: true));
        Assert.Contains("log:printInfo(\"A default request\", correlationId = ctx.correlationId, headers = headersText(ctx));", Convert(Xml, lines: false));
    }

    [Fact]
    public void The_correlation_id_follows_the_message_id_when_the_message_has_one()
    {
        const string Xml = """
            <api xmlns="http://ws.apache.org/ns/synapse" name="A" context="/a"><resource methods="GET"><inSequence>
            <log level="simple" separator=" | "/>
            <log level="custom" logMessageID="true"><property name="step" value="one"/></log>
            <respond/></inSequence></resource></api>
            """;
        var lines = Convert(Xml, lines: true);
        Assert.Contains("log:printInfo(string `To: ${ctx.to} | MessageID: ${ctx.messageId}${ctx.correlationId == \"\" ? \"\" : \" | correlation_id: \" + ctx.correlationId} | Direction: request`);", lines);
        Assert.Contains("log:printInfo(string `MessageID: ${ctx.messageId}${ctx.correlationId == \"\" ? \"\" : \", correlation_id: \" + ctx.correlationId}, step = one`);", lines);
        var structured = Convert(Xml, lines: false);
        Assert.Contains("log:printInfo(\"A default request\", messageId = ctx.messageId, correlationId = ctx.correlationId, step = \"one\");", structured);
    }

    [Fact]
    public void A_key_keeps_its_synapse_name_unless_it_holds_a_blank_or_a_non_ascii_letter()
    {
        var main = Convert("""
            <api xmlns="http://ws.apache.org/ns/synapse" name="A" context="/a"><resource methods="GET"><inSequence>
            <log level="custom"><property name="message-id" value="m"/><property name="http.status" value="s"/><property name="++++" value="p"/><property name="Error Message" value="e"/><property name="größe" value="g"/></log>
            <respond/></inSequence></resource></api>
            """, lines: false);
        Assert.Contains("log:printInfo(\"A default request\", message\\-id = \"m\", http\\.status = \"s\", \\+\\+\\+\\+ = \"p\", Error_Message = \"e\", gr__e = \"g\");", main);
    }

    [Fact]
    public void The_synapse_line_format_is_an_option()
    {
        var main = Convert(Api, lines: true);
        Assert.Contains("log:printWarn(string `step = lookup, error = ${(optionalHeader(ctx, \"X-Error\") ?: \"null\")}, step = again, password = ****`);", main);
    }

    [Fact]
    public void A_message_template_is_the_message()
    {
        var main = Convert("""
            <api xmlns="http://ws.apache.org/ns/synapse" name="A" context="/a"><resource methods="GET"><inSequence>
            <log category="INFO"><message>Order ${payload.id} received</message><property name="type" value="order"/></log>
            <respond/></inSequence></resource></api>
            """, lines: false);
        Assert.Contains("log:printInfo(string `Order ${check synapseJsonText(ctx, \"$.id\")} received`, 'type = \"order\");", main);
    }

    [Fact]
    public void A_log_without_a_message_says_where_it_stands()
    {
        var files = ConvertAll(false, """
            <api xmlns="http://ws.apache.org/ns/synapse" name="OrderAPI" context="/orders"><resource methods="GET" uri-template="/{id}">
            <inSequence><log level="custom"><property name="id" expression="$ctx:uri.var.id"/></log><send><endpoint><address uri="http://b"/></endpoint></send></inSequence>
            <outSequence><log level="custom"><property name="status" expression="$axis2:HTTP_SC"/></log><respond/></outSequence>
            <faultSequence><log level="custom"><property name="code" expression="$ctx:ERROR_CODE"/></log><respond/></faultSequence>
            </resource></api>
            """, """
            <sequence xmlns="http://ws.apache.org/ns/synapse" name="Audit"><log level="custom"><property name="who" value="audit"/></log></sequence>
            """, """
            <sequence xmlns="http://ws.apache.org/ns/synapse" name="DiscountSequence"><log level="custom"><property name="step" value="discount"/></log></sequence>
            """);
        Assert.Contains("log:printInfo(\"OrderAPI /{id} request\", id = id);", files["main.bal"]);
        Assert.Contains("log:printInfo(\"OrderAPI /{id} response\", status = ", files["functions.bal"]);
        Assert.Contains("log:printInfo(\"OrderAPI /{id} fault\", code = getProperty(ctx, \"ERROR_CODE\", \"null\"));", files["functions.bal"]);
        Assert.Contains("log:printInfo(\"Audit sequence\", who = \"audit\");", files["functions.bal"]);
        Assert.Contains("log:printInfo(\"DiscountSequence\", step = \"discount\");", files["functions.bal"]);
    }

    [Fact]
    public void The_description_is_the_message_and_is_escaped()
    {
        var main = Convert("""
            <api xmlns="http://ws.apache.org/ns/synapse" name="A" context="/a"><resource methods="GET"><inSequence>
            <log level="custom" description=" Say &quot;hi&quot; ${x} \n "><property name="who" value="me"/></log>
            <log level="custom" description="ignored"><property name="message" value="Order received"/><property name="who" value="me"/></log>
            <respond/></inSequence></resource></api>
            """, lines: false);
        Assert.Contains("log:printInfo(\"Say \\\"hi\\\" ${x} \\\\n\", who = \"me\");", main);
        Assert.Contains("log:printInfo(\"Order received\", who = \"me\");", main);
    }

    [Fact]
    public void The_synapse_line_format_keeps_no_invented_message()
    {
        var main = Convert("""
            <api xmlns="http://ws.apache.org/ns/synapse" name="A" context="/a"><resource methods="GET"><inSequence>
            <log level="custom" description="d" separator="|"><property name="a" value="1"/><property name="b" value="2"/></log>
            <respond/></inSequence></resource></api>
            """, lines: true);
        Assert.Contains("log:printInfo(\"a = 1|b = 2\");", main);
    }

    private static Dictionary<string, string> ConvertAll(bool lines, params string[] xmls)
    {
        var folder = Path.Combine(Path.GetTempPath(), "synapse2bal-log-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            for (var i = 0; i < xmls.Length; i++)
            {
                File.WriteAllText(Path.Combine(folder, $"a{i}.xml"), xmls[i]);
            }

            return Converter.Convert(new ConversionOptions(folder, SynapseLogLines: lines)).Files.ToDictionary(f => f.RelativePath, f => f.Content);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Convert(string xml, bool lines)
    {
        var folder = Path.Combine(Path.GetTempPath(), "synapse2bal-log-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            File.WriteAllText(Path.Combine(folder, "a.xml"), xml);
            return Converter.Convert(new ConversionOptions(folder, SynapseLogLines: lines)).Files.Single(f => f.RelativePath == "main.bal").Content;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
