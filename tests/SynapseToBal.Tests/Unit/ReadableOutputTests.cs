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

    private static int Count(string text, string pattern) => System.Text.RegularExpressions.Regex.Matches(text, pattern).Count;

    [Fact]
    public void An_emptiness_test_said_twice_is_written_once()
    {
        var main = ArtifactConversion.Convert(Head + """
            <filter xpath="get-property('Q') = '' or not(boolean(get-property('Q')))"><then><log><property name="a" value="empty"/></log></then></filter>
            <filter xpath="not(boolean(get-property('R'))) and get-property('R') = ''"><then><log><property name="b" value="empty"/></log></then></filter>
            <filter xpath="not(not(boolean(get-property('S'))))"><then><log><property name="c" value="set"/></log></then></filter>
            <filter xpath="(get-property('Q') = '' or not(boolean(get-property('Q')))) and boolean(get-property('T'))"><then><log><property name="d" value="empty"/></log></then></filter>
            <respond/>
            """ + Tail)["main.bal"];
        Assert.Contains("if getProperty(ctx, \"Q\") == \"\" {", main);
        Assert.Contains("if getProperty(ctx, \"R\") == \"\" {", main);
        Assert.Contains("if getProperty(ctx, \"S\") != \"\" {", main);
        Assert.Contains("if getProperty(ctx, \"Q\") == \"\" && getProperty(ctx, \"T\") != \"\" {", main);
        Assert.DoesNotContain("!(getProperty", main);

        // Two tests of different values stay two.
        var two = ArtifactConversion.Convert(Head + """<filter xpath="get-property('Q') = '' or not(boolean(get-property('P')))"><then><drop/></then></filter><respond/>""" + Tail)["main.bal"];
        Assert.Contains("getProperty(ctx, \"Q\") == \"\" || getProperty(ctx, \"P\") == \"\"", two);
    }

    [Fact]
    public void A_string_length_test_against_zero_is_an_emptiness_test()
    {
        var main = ArtifactConversion.Convert(Head + """
            <property name="q" expression="$trp:X-Query"/>
            <filter xpath="boolean(get-property('q')) and string-length(get-property('q')) > 0"><then><log><property name="a" expression="$ctx:q"/></log></then></filter>
            <filter xpath="string-length($trp:X-Other) = 0"><then><drop/></then></filter>
            <filter xpath="string-length($trp:X-Other) > 2"><then><drop/></then></filter>
            <respond/>
            """ + Tail)["main.bal"];
        // q is a typed string local: both operands are the same test.
        Assert.Contains("if q != \"\" {", main);
        Assert.Contains("if getHeader(ctx, \"X-Other\") == \"\" {", main);
        Assert.Contains("<float>getHeader(ctx, \"X-Other\").length() > 2.0", main);
        Assert.Equal(1, Count(main, @"\.length\(\)"));
    }

    private const string ItemHead = """<api xmlns="http://ws.apache.org/ns/synapse" name="A" context="/a"><resource methods="GET" uri-template="/items/{id}"><inSequence>""";

    [Fact]
    public void A_uri_variable_set_from_itself_before_anything_changes_it_is_not_written()
    {
        var main = ArtifactConversion.Convert(ItemHead + """
            <log level="custom"><property name="m" value="start"/></log>
            <property name="uri.var.id" expression="get-property('uri.var.id')" scope="default" type="STRING"/>
            <log level="custom"><property name="id" expression="get-property('uri.var.id')"/></log>
            <respond/>
            """ + Tail)["main.bal"];
        Assert.DoesNotContain("ctx.properties[\"uri.var.id\"] =", main);
        Assert.Contains("\"uri.var.id\"", main);

        // After a sequence, which may write it anything, the set stays; so does one of a variable the path does not bind.
        var after = ArtifactConversion.Convert(ItemHead + """
            <sequence key="S"/>
            <property name="uri.var.id" expression="get-property('uri.var.id')"/>
            <property name="uri.var.other" expression="get-property('uri.var.other')"/>
            <log level="custom"><property name="id" expression="get-property('uri.var.id')"/><property name="o" expression="get-property('uri.var.other')"/></log>
            <respond/>
            """ + Tail, """<sequence xmlns="http://ws.apache.org/ns/synapse" name="S"><property name="uri.var.id" expression="//id" type="OM"/></sequence>""")["main.bal"];
        Assert.Matches(@"uri\.var\.id""\] = ", after);
        Assert.Matches(@"uri\.var\.other""\] = ", after);
    }

    [Fact]
    public void A_local_set_from_itself_is_not_written()
    {
        var main = ArtifactConversion.Convert(Head + """
            <property name="p" expression="$trp:X-P"/>
            <log level="custom"><property name="a" expression="get-property('p')"/></log>
            <property name="p" expression="get-property('p')"/>
            <log level="custom"><property name="b" expression="get-property('p')"/></log>
            <respond/>
            """ + Tail)["main.bal"];
        Assert.Contains("string p = getHeader(ctx, \"X-P\");", main);
        Assert.DoesNotContain("p = p;", main);
    }

    [Fact]
    public void Response_marks_with_only_field_sets_between_them_are_written_once()
    {
        const string fault = """<makefault version="soap11"><code xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" value="s:Server"/><reason value="r"/></makefault>""";
        var main = ArtifactConversion.Convert(Head + fault + """
            <property name="messageType" value="text/xml" scope="axis2" type="STRING"/>
            <property name="HTTP_SC" value="500" scope="axis2"/>
            <property name="RESPONSE" value="true"/>
            <property name="NO_ENTITY_BODY" scope="axis2" action="remove"/>
            <property name="RESPONSE" value="true" scope="default" type="STRING"/>
            <header name="To" scope="default" action="remove"/>
            <respond/>
            """ + Tail)["main.bal"];
        Assert.Equal(1, Count(main, @"ctx\.isResponse = true;"));
        Assert.Contains("setHttpSc(ctx, 500);", main);

        // A mark of the other value between them keeps both.
        var back = ArtifactConversion.Convert(Head + fault + """<property name="RESPONSE" value="false"/><property name="HTTP_SC" value="500" scope="axis2"/><property name="RESPONSE" value="true"/><respond/>""" + Tail)["main.bal"];
        Assert.Equal(2, Count(back, @"ctx\.isResponse = true;"));
    }

    [Fact]
    public void A_content_type_set_again_to_the_same_read_is_written_once()
    {
        var main = ArtifactConversion.Convert(Head + """
            <property name="ContentType" expression="$trp:Content-Type" scope="axis2"/>
            <property name="messageType" expression="$trp:Content-Type" scope="axis2"/>
            <call><endpoint><address uri="http://localhost:9000/x"/></endpoint></call>
            <respond/>
            """ + Tail)["main.bal"];
        Assert.Equal(1, Count(main, @"ctx\.contentType = getHeader\(ctx, ""Content-Type""\);"));

        // A payload read may change with the content type; a header set between may change the header: both stay.
        var payload = ArtifactConversion.Convert(Head + """
            <property name="ContentType" expression="//type" scope="axis2"/>
            <property name="messageType" expression="//type" scope="axis2"/>
            <call><endpoint><address uri="http://localhost:9000/x"/></endpoint></call>
            <respond/>
            """ + Tail)["main.bal"];
        Assert.Equal(2, Count(payload, @"ctx\.contentType = "));
        var header = ArtifactConversion.Convert(Head + """
            <property name="ContentType" expression="$trp:Content-Type" scope="axis2"/>
            <header name="Content-Type" scope="transport" value="text/plain"/>
            <property name="messageType" expression="$trp:Content-Type" scope="axis2"/>
            <call><endpoint><address uri="http://localhost:9000/x"/></endpoint></call>
            <respond/>
            """ + Tail)["main.bal"];
        Assert.Equal(2, Count(header, @"ctx\.contentType = getHeader"));
    }

    [Fact]
    public void A_property_nothing_reads_whose_value_cannot_fail_is_not_declared()
    {
        var main = ArtifactConversion.Convert(Head + """
            <property name="mode" value="partner"/>
            <property name="tenant" expression="$trp:X-Tenant"/>
            <property name="kept" value="shown"/>
            <log level="custom"><property name="k" expression="get-property('kept')"/></log>
            <respond/>
            """ + Tail)["main.bal"];
        Assert.DoesNotContain("partner", main);
        Assert.DoesNotContain("X-Tenant", main);
        Assert.DoesNotContain("mode", main);
        // An OM literal is parsed when the artifact is deployed (PropertyMediator.setValue): nothing to evaluate.
        var om = ArtifactConversion.Convert(Head + """
            <property name="template" type="OM"><root xmlns=""><item/></root></property>
            <respond/>
            """ + Tail)["main.bal"];
        Assert.DoesNotContain("xml:fromString", om);
        // A property something reads keeps its local.
        Assert.Contains("string kept = \"shown\";", main);
    }

    [Fact]
    public void A_property_nothing_reads_whose_value_can_fail_is_still_evaluated()
    {
        // The Micro Integrator's PropertyMediator.mediate evaluates the expression (SynapseJsonPath.stringValueOf,
        // SynapseXPath.stringValueOf: handleException on a body that cannot be read) and converts it
        // (convertValue throws on a value that is not an INTEGER): either failure goes to the fault handler.
        var main = ArtifactConversion.Convert(Head + """
            <property name="id" expression="json-eval($.order.id)"/>
            <property name="count" expression="$trp:X-Count" type="INTEGER"/>
            <respond/>
            """ + Tail)["main.bal"];
        Assert.Contains("_ = check jsonEval(ctx, \"$.order.id\");", main);
        Assert.Contains("_ = check propertyInteger(getHeader(ctx, \"X-Count\"));", main);
        Assert.DoesNotContain("string id", main);
        Assert.DoesNotContain("int count", main);
    }

    [Fact]
    public void A_filter_or_switch_case_that_only_sets_properties_nothing_reads_is_not_written()
    {
        var pure = ArtifactConversion.Convert(Head + """
            <filter source="$trp:X-Mode" regex="fast"><then><property name="slow" value="no"/></then><else><property name="slow" value="yes"/></else></filter>
            <switch source="$trp:X-Region"><case regex="eu"><property name="region" value="eu"/></case><default><property name="region" value="other"/></default></switch>
            <respond/>
            """ + Tail)["main.bal"];
        Assert.DoesNotContain("X-Mode", pure);
        Assert.DoesNotContain("X-Region", pure);

        // A test that can fail still runs; a case before one that does something stays, with a comment, as it stops the later tests.
        var failing = ArtifactConversion.Convert(Head + """
            <filter xpath="//order/id"><then><property name="has" value="yes"/></then></filter>
            <switch source="$trp:X-Region"><case regex="eu"><property name="region" value="eu"/></case><case regex="us"><log/></case></switch>
            <respond/>
            """ + Tail)["main.bal"];
        Assert.Matches(@"_ = .*check soapEnvelope\(ctx\)", failing);
        Assert.DoesNotContain("\"yes\"", failing);
        Assert.Contains("// Nothing to do: this case only sets properties nothing reads.", failing);
        Assert.Contains("} else if route == \"us\" {", failing);

        // A filter whose branch holds only a switch that writes nothing is not written either (no empty `if {}`).
        var nested = ArtifactConversion.Convert(Head + """
            <filter source="$trp:X-A" regex="yes"><then><switch source="$trp:X-Region"><case regex="eu"><property name="region" value="eu"/></case></switch></then></filter>
            <respond/>
            """ + Tail)["main.bal"];
        Assert.DoesNotContain("X-A", nested);
        Assert.DoesNotContain("X-Region", nested);
    }

    [Fact]
    public void A_property_nothing_reads_shares_no_read_of_the_body()
    {
        // Alone, each still reads the envelope for its failure; no shared local is declared that nothing reads.
        var alone = ArtifactConversion.Convert(Head + """
            <property name="a" expression="//a"/>
            <property name="b" expression="//b"/>
            <respond/>
            """ + Tail)["main.bal"];
        Assert.DoesNotContain("xml envelope", alone);
        Assert.Contains("_ = xpathString((check soapEnvelope(ctx))/**/<a>);", alone);
        Assert.Contains("_ = xpathString((check soapEnvelope(ctx))/**/<b>);", alone);

        // Between two reads of a shared envelope: nothing (the first read has parsed the body).
        var between = ArtifactConversion.Convert(Head + """
            <property name="a" expression="//a"/>
            <property name="b" expression="//b"/>
            <property name="c" expression="//c"/>
            <log level="custom"><property name="a" expression="get-property('a')"/><property name="c" expression="get-property('c')"/></log>
            <respond/>
            """ + Tail)["main.bal"];
        Assert.Contains("xml envelope = check soapEnvelope(ctx);", between);
        Assert.Contains("string a = xpathString(envelope/**/<a>);", between);
        Assert.DoesNotContain("<b>", between);
    }

    [Fact]
    public void A_property_nothing_reads_set_from_what_the_next_switch_tests_is_evaluated_once()
    {
        var main = ArtifactConversion.Convert(Head + """
            <property name="symbol" expression="//symbol"/>
            <switch source="//symbol"><case regex="A"><log/></case></switch>
            <respond/>
            """ + Tail)["main.bal"];
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(main, @"soapEnvelope\(ctx\)"));
        Assert.Contains("string route = xpathString((check soapEnvelope(ctx))/**/<symbol>);", main);
        Assert.Contains("if route == \"A\" {", main);
        Assert.DoesNotContain("_ = ", main);
    }
}
