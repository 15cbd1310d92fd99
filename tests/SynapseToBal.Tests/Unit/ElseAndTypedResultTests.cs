using SynapseToBal.Emit;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// Issue 14: no <c>else</c> after a branch that leaves, the result of a sequence a listener or a processor runs kept in
/// a local of the sequence's return type instead of <c>var</c>, and a log that joins the reads sharing one body read.
/// </summary>
public sealed class ElseAndTypedResultTests
{
    private const string Ns = "http://ws.apache.org/ns/synapse";

    private static List<BodyLine> Lines(string text) => [.. text.Split('\n').Select(l => new BodyLine(l, false))];

    private static string Flatten(IReadOnlyList<BodyLine> body) => string.Join('\n', PackageEmitter.WithoutElseAfterExit(body).Select(l => l.Text));

    [Fact]
    public void The_else_of_a_branch_that_returns_follows_the_if()
    {
        Assert.Equal("""
            if a {
                x();
                return respond(ctx);
            }
            y();
            if b {
                z();
            }
            return accepted();
            """, Flatten(Lines("""
            if a {
                x();
                return respond(ctx);
            } else {
                y();
                if b {
                    z();
                }
            }
            return accepted();
            """)));
    }

    [Fact]
    public void Each_else_if_after_branches_that_leave_becomes_an_if_of_its_own()
    {
        Assert.Equal("""
            if a {
                return f(ctx);
            }
            if b {
                continue;
            }
            if c {
                fail e;
            }
            w();
            """, Flatten(Lines("""
            if a {
                return f(ctx);
            } else if b {
                continue;
            } else if c {
                fail e;
            } else {
                w();
            }
            """)));
    }

    [Fact]
    public void Nested_chains_are_flattened_inside_their_block()
    {
        Assert.Equal("""
            do {
                if !ctx.isResponse {
                    return continueWithResponse(ctx);
                }
                return respond(ctx);
            } on fail error e {
                return f(ctx, e);
            }
            """, Flatten(Lines("""
            do {
                if !ctx.isResponse {
                    return continueWithResponse(ctx);
                } else {
                    return respond(ctx);
                }
            } on fail error e {
                return f(ctx, e);
            }
            """)));
    }

    [Theory]
    // The branch may run to its end: the else is what runs otherwise.
    [InlineData("if a {\n    x();\n} else {\n    y();\n}\nreturn accepted();")]
    // The branch's last line is not a statement that leaves (a comment after it, a nested block's end).
    [InlineData("if a {\n    return x;\n    // never runs\n} else {\n    y();\n}")]
    [InlineData("if a {\n    if b {\n        return x;\n    }\n} else {\n    y();\n}")]
    // A later branch leaves, an earlier one does not: the else runs only when neither test held.
    [InlineData("if a {\n    x();\n} else if b {\n    return y;\n} else {\n    z();\n}")]
    // A statement over several lines ending the branch: not taken for one that leaves.
    [InlineData("if a {\n    return respond(ctx, headers = {\n        \"a\": \"b\"\n    });\n} else {\n    y();\n}")]
    // A return that merely starts a word.
    [InlineData("if a {\n    returned();\n} else {\n    y();\n}")]
    public void Other_elses_stay(string text)
    {
        Assert.Equal(text, Flatten(Lines(text)));
    }

    [Fact]
    public void Continuation_lines_of_an_xml_template_keep_their_indentation()
    {
        var body = new List<BodyLine>
        {
            new("if a {", false),
            new("    return respond(ctx);", false),
            new("} else {", false),
            new("    setXmlPayload(ctx, xml `<a>", false),
            new("  <b/>", true),
            new("</a>`);", true),
            new("}", false),
        };
        Assert.Equal(
            [new("if a {", false), new("    return respond(ctx);", false), new("}", false), new("setXmlPayload(ctx, xml `<a>", false), new("  <b/>", true), new("</a>`);", true)],
            PackageEmitter.WithoutElseAfterExit(body));
    }

    [Fact]
    public void A_flow_whose_filter_answers_writes_what_follows_without_else()
    {
        var functions = ArtifactConversion.Convert($"""
            <proxy xmlns="{Ns}" name="PingProxy"><target><inSequence>
              <filter source="get-property('Action')" regex="urn:ping">
                <then><payloadFactory media-type="xml"><format><pong xmlns="">ok</pong></format><args/></payloadFactory><respond/></then>
                <else><log level="custom"><property name="order" value="stored"/></log><drop/></else>
              </filter>
            </inSequence></target></proxy>
            """)["functions.bal"].ReplaceLineEndings("\n");

        Assert.DoesNotContain("} else {", functions);
        // The log of the else branch follows the if's closing brace at the if's own indentation.
        Assert.Matches(@"\n( +)if [^\n]*\{\n(?:\1    [^\n]*\n)*\1\}\n\1log:printInfo\(", functions);
    }

    [Fact]
    public void A_jms_listener_keeps_the_sequence_result_in_a_local_of_its_return_type()
    {
        var files = ArtifactConversion.Convert(
            $"""<sequence xmlns="{Ns}" name="Process"><call><endpoint><address uri="http://localhost:9000/orders"/></endpoint></call></sequence>""",
            $"""<sequence xmlns="{Ns}" name="Failed"><call><endpoint><address uri="http://localhost:9000/errors"/></endpoint></call><respond/></sequence>""",
            $"""
            <inboundEndpoint xmlns="{Ns}" name="Q" protocol="jms" sequence="Process" onError="Failed" suspend="false"><parameters>
            <parameter name="java.naming.factory.initial">org.apache.activemq.jndi.ActiveMQInitialContextFactory</parameter>
            <parameter name="java.naming.provider.url">tcp://localhost:61616</parameter>
            <parameter name="transport.jms.Destination">Orders</parameter></parameters></inboundEndpoint>
            """);
        var inbound = files["inbound.bal"].ReplaceLineEndings("\n");
        var functions = files["functions.bal"].ReplaceLineEndings("\n");

        Assert.DoesNotContain("var ", inbound);
        Assert.Contains("function process(Context ctx) returns error? {", functions);
        Assert.Contains("        error? result = process(ctx);\n        if result is error {\n", inbound);
        Assert.Contains("function runFailed(Context ctx, error e) returns http:Response|error {", functions);
        // The fault function's failure goes back to the listener; its response is no value to keep (issue 14).
        Assert.Contains("        if result is error {\n            _ = check runFailed(ctx, result);\n        }\n", inbound);
        Assert.DoesNotContain("handled", inbound);
    }

    [Fact]
    public void A_sampling_processor_keeps_the_sequence_result_in_a_local_of_its_return_type()
    {
        var files = ArtifactConversion.Convert(
            $"""<sequence xmlns="{Ns}" name="Audit"><call><endpoint><address uri="http://localhost:9000/audit"/></endpoint></call></sequence>""",
            $"""<messageStore xmlns="{Ns}" name="AuditStore"/>""",
            $"""<messageProcessor xmlns="{Ns}" class="org.apache.synapse.message.processor.impl.sampler.SamplingProcessor" name="AuditSampler" messageStore="AuditStore"><parameter name="sequence">Audit</parameter></messageProcessor>""");
        var stores = files["stores.bal"].ReplaceLineEndings("\n");

        Assert.Contains("            error? reply = audit(ctx);\n            if reply is error {\n", stores);
        Assert.DoesNotContain("var ", stores);

        // error? names no module: no http import for it.
        Assert.DoesNotContain("import ballerina/http;", stores);
    }

    [Fact]
    public void A_log_of_two_body_values_reads_the_body_once()
    {
        var functions = ArtifactConversion.Convert($"""
            <proxy xmlns="{Ns}" name="CustomerProxy"><target><inSequence>
              <log level="custom"><property name="id" expression="//customer/id"/><property name="name" expression="//customer/name"/></log>
              <property name="company" expression="//customer/company"/>
              <log level="custom"><property name="company" expression="get-property('company')"/></log>
              <respond/>
            </inSequence></target></proxy>
            """)["functions.bal"].ReplaceLineEndings("\n");

        // Inside the do whose on fail runs the default fault sequence (the project defines no 'fault').
        // //a searches the envelope's document (the header too): the envelope is what is read once.
        Assert.Contains("        xml envelope = check soapEnvelope(ctx);\n        log:printInfo(", functions);
        Assert.Contains("id = xpathString(envelope/**/<customer>/<id>), name = xpathString(envelope/**/<customer>/<name>)", functions);
        Assert.Contains("xpathString(envelope/**/<customer>/<company>)", functions);
        Assert.Equal(1, functions.Split("soapEnvelope(ctx)").Length - 1);
        Assert.DoesNotContain("soapBody(ctx)", functions);
    }

    [Theory]
    // A value read before the body that can fail (a JSON path parses the message first).
    [InlineData("""<log level="custom"><property name="a" expression="json-eval($.a)"/><property name="b" expression="//x/b"/><property name="c" expression="//x/c"/></log>""")]
    // One body read only.
    [InlineData("""<log level="custom"><property name="a" expression="//x/a"/><property name="b" value="b"/></log>""")]
    // The payload changes between the two logs' reads.
    [InlineData("""<log level="custom"><property name="a" expression="//x/a"/></log><payloadFactory media-type="xml"><format><x xmlns=""><b>1</b></x></format><args/></payloadFactory><log level="custom"><property name="b" expression="//x/b"/></log>""")]
    public void Log_reads_that_may_fail_elsewhere_or_differ_are_not_shared(string mediators)
    {
        var functions = ArtifactConversion.Convert($"""
            <proxy xmlns="{Ns}" name="CustomerProxy"><target><inSequence>{mediators}<respond/></inSequence></target></proxy>
            """)["functions.bal"];

        Assert.DoesNotContain("xml envelope = ", functions, StringComparison.Ordinal);
        Assert.Contains("(check soapEnvelope(ctx))", functions, StringComparison.Ordinal);
    }
}
