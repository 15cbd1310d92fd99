using System.Globalization;
using SynapseToBal.Diagnostics;
using SynapseToBal.Driver;
using SynapseToBal.Lowering;
using SynapseToBal.Tests.Project;
using Xunit;

namespace SynapseToBal.Tests.Robustness;

/// <summary>
/// Robustness of what the diagnostics say (issue 13): a huge expression or value quoted by a diagnostic is bounded in
/// one place (<see cref="DiagnosticText"/>); a number too large for an int never becomes an int configurable's
/// default; SB0215 says what the Micro Integrator answers after an iterate or clone without continueParent that is a
/// TODO (no 202: the split sets RESPONSE_WRITTEN to SKIP).
/// </summary>
public sealed class DiagnosticBoundTests
{
    private const string Ns = "http://ws.apache.org/ns/synapse";

    [Fact]
    public void A_700_KB_expression_is_quoted_by_its_two_ends_and_its_length()
    {
        using var temp = new TempDirectory();
        var expression = "count(//a" + new string('b', 700_000) + ") > ]";
        temp.Write("in/Big.xml", $"""<api xmlns="{Ns}" name="Big" context="/big"><resource methods="GET"><inSequence><log level="custom"><property name="n" expression="{expression}"/></log><respond/></inSequence></resource></api>""");
        var result = Converter.Convert(new ConversionOptions(temp.Combine("in"), PackageName: "big"));

        var error = Assert.Single(result.Diagnostics, d => d.Id == "SB0214");
        var message = error.GetMessage(CultureInfo.InvariantCulture);
        Assert.True(message.Length < 1_000, $"{message.Length} characters: {message[..Math.Min(message.Length, 300)]}");
        Assert.Contains("'count(//abbb", message, StringComparison.Ordinal);
        Assert.Contains("... [700,014 characters in all, 699,614 left out] ...", message, StringComparison.Ordinal);
        Assert.Contains("bbb) > ]'", message, StringComparison.Ordinal);
        Assert.All(result.Diagnostics, d => Assert.True(d.GetMessage(CultureInfo.InvariantCulture).Length < 2 * DiagnosticText.MaxLength, d.Id));
        Assert.All(result.Diagnostics, d => Assert.True(DiagnosticBag.FormatLine(d).Length < 2 * DiagnosticText.MaxLength, d.Id));
    }

    [Fact]
    public void Bounding_keeps_short_text_whole_and_never_cuts_a_surrogate_pair()
    {
        var sentence = new string('x', DiagnosticText.MaxLength);
        Assert.Same(sentence, DiagnosticText.Bound(sentence));

        var emoji = "\U0001F600";
        var text = new string('a', DiagnosticText.KeptAtEachEnd - 1) + emoji + new string('c', 5_000) + emoji + new string('z', DiagnosticText.KeptAtEachEnd - 1);
        var bounded = DiagnosticText.Bound(text);
        Assert.StartsWith(new string('a', DiagnosticText.KeptAtEachEnd - 1) + "...", bounded, StringComparison.Ordinal);
        Assert.EndsWith("..." + emoji + new string('z', DiagnosticText.KeptAtEachEnd - 1), bounded, StringComparison.Ordinal);
        Assert.Contains("[5,402 characters in all, 5,002 left out]", bounded, StringComparison.Ordinal);

        // Only long strings change; other arguments are passed as they are.
        object?[] args = [1, "short", null, text];
        var result = DiagnosticText.Bound(args);
        Assert.Equal(new object?[] { 1, "short", null, bounded }, result);
        object?[] unchanged = [1, "short"];
        Assert.Same(unchanged, DiagnosticText.Bound(unchanged));
    }

    [Theory]
    [InlineData("99999999999999999999")]
    [InlineData("4294967296")]
    [InlineData("65536")]
    public void An_email_port_that_is_no_tcp_port_leaves_the_connection_a_todo_and_no_int_configurable(string port)
    {
        using var temp = new TempDirectory();
        temp.Write("in/MailConn.xml", $"""<localEntry key="MailConn" xmlns="{Ns}"><email.init><connectionType>SMTPS</connectionType><host>smtp.example.com</host><port>{port}</port><username>a@example.com</username><password>secret</password><name>MailConn</name></email.init></localEntry>""");
        temp.Write("in/MailAPI.xml", $"""<api context="/mail" name="MailAPI" xmlns="{Ns}"><resource methods="POST" uri-template="/alert"><inSequence><email.send configKey="MailConn"><from>a@example.com</from><to>b@example.com</to><subject>s</subject><content>c</content></email.send><respond/></inSequence></resource></api>""");
        var result = Converter.Convert(new ConversionOptions(temp.Combine("in"), PackageName: "mail"));

        // The connection stays an XML value (SB0216); the operation that uses it says why (SB0232).
        Assert.Single(result.Diagnostics, d => d.Id == "SB0216");
        var operation = Assert.Single(result.Diagnostics, d => d.Id == "SB0232");
        Assert.Contains($"its connection 'MailConn' is not translated: its port '{port}' is no TCP port (0 to 65535)", operation.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id.StartsWith("SB09", StringComparison.Ordinal));
        foreach (var file in result.Files.Where(f => f.RelativePath is "configs.bal" or "Config.toml"))
        {
            Assert.DoesNotContain(port, file.Content, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(result.Package!.Configurables, c => c.Type == IR.ConfigurableType.Integer && c.DefaultValue == port);
    }

    [Fact]
    public void An_email_port_in_range_is_still_an_int_configurable()
    {
        using var temp = new TempDirectory();
        temp.Write("in/MailConn.xml", $"""<localEntry key="MailConn" xmlns="{Ns}"><email.init><connectionType>SMTPS</connectionType><host>smtp.example.com</host><port>0465</port><username>a@example.com</username><password>secret</password><name>MailConn</name></email.init></localEntry>""");
        temp.Write("in/MailAPI.xml", $"""<api context="/mail" name="MailAPI" xmlns="{Ns}"><resource methods="POST" uri-template="/alert"><inSequence><email.send configKey="MailConn"><from>a@example.com</from><to>b@example.com</to><subject>s</subject><content>c</content><responseVariable>r</responseVariable></email.send><respond/></inSequence></resource></api>""");
        var result = Converter.Convert(new ConversionOptions(temp.Combine("in"), PackageName: "mail"));

        Assert.DoesNotContain(result.Diagnostics, d => d.Id is "SB0216" || d.Id.StartsWith("SB09", StringComparison.Ordinal));

        // 0465 is 465 (JavaMail's Integer.parseInt); Ballerina and TOML refuse the leading zero.
        var port = Assert.Single(result.Package!.Configurables, c => c.Type == IR.ConfigurableType.Integer && c.Name.Hint == "MailConn port");
        Assert.Equal("465", port.DefaultValue);
        Assert.Contains("= 465;", Assert.Single(result.Files, f => f.RelativePath == "configs.bal").Content, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, true, null)]
    [InlineData("8290", true, "8290")]
    [InlineData("0021", true, "21")]
    [InlineData("-5", true, "-5")]
    [InlineData("9223372036854775807", true, "9223372036854775807")]
    [InlineData("9223372036854775808", false, null)]
    [InlineData("99999999999999999999", false, null)]
    [InlineData("+5", false, null)]
    [InlineData(" 5", false, null)]
    [InlineData("5 ", false, null)]
    [InlineData("", false, null)]
    [InlineData("-", false, null)]
    [InlineData("٣", false, null)]
    [InlineData("${port}", false, null)]
    public void An_int_configurable_default_is_a_ballerina_int_literal_or_nothing(string? text, bool valid, string? canonical)
    {
        Assert.Equal(valid, Lowerer.IntegerDefault(text, out var literal));
        if (valid)
        {
            Assert.Equal(canonical, literal);
        }
    }

    [Fact]
    public void Sb0215_after_a_split_without_continueParent_kept_in_a_todo_says_the_Micro_Integrator_writes_no_202()
    {
        using var temp = new TempDirectory();
        temp.Write("in/BatchAPI.xml", $"""
            <api xmlns="{Ns}" name="BatchAPI" context="/batch">
                <resource methods="POST" uri-template="/">
                    <inSequence>
                        <iterate expression="//items/item" id="items">
                            <target><sequence><property name="seen" value="true"/></sequence></target>
                        </iterate>
                        <aggregate id="items">
                            <correlateOn expression="//item/batchId"/>
                            <completeCondition><messageCount min="-1" max="-1"/></completeCondition>
                            <onComplete expression="//item"><respond/></onComplete>
                        </aggregate>
                    </inSequence>
                </resource>
                <resource methods="POST" uri-template="/plain">
                    <inSequence>
                        <log/>
                    </inSequence>
                </resource>
            </api>
            """);
        var result = Converter.Convert(new ConversionOptions(temp.Combine("in"), PackageName: "batch"));

        var ends = result.Diagnostics.Where(d => d.Id == "SB0215").Select(d => d.GetMessage(CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(2, ends.Count);
        Assert.Contains(ends, m => m.Contains("the <iterate> at BatchAPI.xml:4 (kept in a TODO) has no continueParent, so the Micro Integrator stops the flow there and writes no 202", StringComparison.Ordinal));
        Assert.Contains(ends, m => m == "The flow can end here without responding; " + Lowerer.Answers202);
        Assert.DoesNotContain(ends, m => m.Contains("continueParent", StringComparison.Ordinal) && m.Contains("then answers 202", StringComparison.Ordinal));
    }
}
