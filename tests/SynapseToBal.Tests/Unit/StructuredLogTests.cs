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
        Assert.Contains("log:printWarn(\"\", step = \"lookup\", errorValue = getHeader(ctx, \"X-Error\"), step2 = \"again\", password = \"****\");", main);
        Assert.Contains("log:printInfo(\"\", direction = \"request\", payload = check payloadText(ctx));", main);
    }

    [Fact]
    public void The_synapse_line_format_is_an_option()
    {
        var main = Convert(Api, lines: true);
        Assert.Contains("log:printWarn(string `step = lookup, error = ${getHeader(ctx, \"X-Error\")}, step = again, password = ****`);", main);
    }

    [Fact]
    public void A_message_template_is_the_message()
    {
        var main = Convert("""
            <api xmlns="http://ws.apache.org/ns/synapse" name="A" context="/a"><resource methods="GET"><inSequence>
            <log category="INFO"><message>Order ${payload.id} received</message><property name="type" value="order"/></log>
            <respond/></inSequence></resource></api>
            """, lines: false);
        Assert.Contains("log:printInfo(string `Order ${check jsonEval(ctx, \"$.id\")} received`, 'type = \"order\");", main);
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
