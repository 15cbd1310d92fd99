using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// Issue 14's dead code and repeated evaluations (docs/design.md, "No dead code", "Repeated reads"): an OUT_ONLY
/// nothing reads, a response mark that repeats the one before it, a switch on what a property just got.
/// </summary>
public sealed class ReadableOutputTests
{
    private const string Head = """<api xmlns="http://ws.apache.org/ns/synapse" name="A" context="/a"><resource methods="POST" uri-template="/send"><inSequence>""";
    private const string Tail = """</inSequence></resource></api>""";
    private const string OutOnlyCall = """<property name="OUT_ONLY" value="true"/><call><endpoint><address uri="http://localhost:9000/x"/></endpoint></call>""";

    [Fact]
    public void An_out_only_flag_nothing_reads_is_not_written()
    {
        var main = ArtifactConversion.Convert(Head + OutOnlyCall + """<property name="OUT_ONLY" action="remove"/><respond/>""" + Tail)["main.bal"];
        Assert.Contains("outOnly = true", main);
        Assert.DoesNotContain("OUT_ONLY", main);
    }

    [Theory]
    [InlineData("""<log><property name="o" expression="get-property('OUT_ONLY')"/></log><respond/>""")]
    [InlineData("""<log><property name="o" expression="get-property(concat('OUT', '_ONLY'))"/></log><respond/>""")]
    [InlineData("""<class name="com.example.Audit"/><respond/>""")]
    [InlineData("""<store messageStore="S"/>""")]
    [InlineData("""<sequence key="Reads"/><respond/>""")]
    public void An_out_only_flag_anything_may_read_stays(string after)
    {
        var main = ArtifactConversion.Convert(Head + OutOnlyCall + after + Tail,
            """<messageStore xmlns="http://ws.apache.org/ns/synapse" name="S"/>""",
            """<sequence xmlns="http://ws.apache.org/ns/synapse" name="Reads"><log><property name="o" expression="$ctx:OUT_ONLY"/></log></sequence>""")["main.bal"];
        Assert.Contains("ctx.properties[\"OUT_ONLY\"] = \"true\";", main);
    }

    [Fact]
    public void An_out_only_flag_of_another_value_or_in_a_branch_stays()
    {
        var upper = ArtifactConversion.Convert(Head + """<property name="OUT_ONLY" value="TRUE"/><call><endpoint><address uri="http://localhost:9000/x"/></endpoint></call><respond/>""" + Tail)["main.bal"];
        Assert.Contains("ctx.properties[\"OUT_ONLY\"] = \"TRUE\";", upper);
        var branch = ArtifactConversion.Convert(Head + """<filter xpath="//a"><then><property name="OUT_ONLY" value="true"/></then></filter><respond/>""" + Tail)["main.bal"];
        Assert.Contains("ctx.properties[\"OUT_ONLY\"] = \"true\";", branch);
    }

    [Fact]
    public void A_response_mark_right_after_makefault_is_written_once()
    {
        const string fault = """<makefault version="soap11"><code xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" value="s:Client"/><reason value="r"/></makefault>""";
        var main = ArtifactConversion.Convert(Head + fault + """<property name="RESPONSE" value="true"/><respond/>""" + Tail)["main.bal"];
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(main, @"ctx\.isResponse = true;"));
        var apart = ArtifactConversion.Convert(Head + fault + """<log/><property name="RESPONSE" value="true"/><respond/>""" + Tail)["main.bal"];
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(apart, @"ctx\.isResponse = true;").Count);
    }

    [Fact]
    public void A_switch_on_the_expression_a_property_just_got_tests_the_local()
    {
        var main = ArtifactConversion.Convert(Head + """
            <property name="item" expression="//Item"/>
            <switch source="//Item"><case regex="A"><log/></case></switch>
            <switch source="$ctx:item"><case regex="B"><log/></case></switch>
            <property name="when" expression="get-property('SYSTEM_TIME')"/>
            <switch source="get-property('SYSTEM_TIME')"><case regex="C"><log/></case></switch>
            <respond/>
            """ + Tail)["main.bal"];
        Assert.Contains("if item == \"A\"", main);
        Assert.Contains("if item == \"B\"", main);
        // The clock is read again: the switch keeps its own evaluation.
        Assert.Contains("string route = ", main);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(main, @"string route"));
    }
    [Fact]
    public void A_call_right_after_the_url_postfix_is_removed_appends_nothing()
    {
        var main = ArtifactConversion.Convert(Head + """<property name="REST_URL_POSTFIX" scope="axis2" action="remove"/><call><endpoint><address uri="http://localhost:9000/x"/></endpoint></call><respond/>""" + Tail)["main.bal"];
        Assert.Contains("ctx.urlPostfix = \"\";", main);
        Assert.Matches(@"callEndpoint\(ctx, \w+, """"", main);
        Assert.DoesNotContain("restPostfix(ctx)", main);

        // Anything between them may set it again: the call asks for the postfix.
        var later = ArtifactConversion.Convert(Head + """<property name="REST_URL_POSTFIX" scope="axis2" action="remove"/><sequence key="Other"/><call><endpoint><address uri="http://localhost:9000/x"/></endpoint></call><respond/>""" + Tail)["main.bal"];
        Assert.Contains("restPostfix(ctx)", later);
    }
}
