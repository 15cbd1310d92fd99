using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// Issue 14: the arguments of a call-template, a connector operation or a payloadFactory read the message once per
/// statement (the SOAP body, or the payload as JSON), and a run of property sets shares one JSON read as it shares one
/// body read; never across a step that may change the payload, never when something else could fail first.
/// </summary>
public sealed class SharedArgumentReadTests
{
    private const string Ns = "xmlns=\"http://ws.apache.org/ns/synapse\"";

    private const string Greet = $"""
        <template {Ns} name="Greet"><parameter name="who"/><parameter name="count"/><sequence>
          <log level="custom"><property name="who" expression="$func:who"/><property name="count" expression="$func:count"/></log>
        </sequence></template>
        """;

    [Fact]
    public void A_call_templates_arguments_read_the_body_once()
    {
        var main = ArtifactConversion.Convert(Greet, $$"""
            <api {{Ns}} name="GreetAPI" context="/greet"><resource methods="POST" uri-template="/"><inSequence>
              <call-template target="Greet"><with-param name="who" value="{//name}"/><with-param name="count" value="{count(//name)}"/></call-template>
              <respond/>
            </inSequence></resource></api>
            """)["main.bal"];

        // Inside the do whose on fail runs the default fault sequence (the project defines no 'fault').
        Assert.Contains("xml envelope = check soapEnvelope(ctx);\n            greet(ctx, who = xpathFirstNodeString(envelope/**/<name>), count = ", main, StringComparison.Ordinal);
        Assert.Equal(1, Count(main, "soapEnvelope(ctx)"));
    }

    [Fact]
    public void A_payloadFactorys_arguments_read_the_json_payload_once()
    {
        var main = ArtifactConversion.Convert($$"""
            <api {{Ns}} name="OrderAPI" context="/orders"><resource methods="POST" uri-template="/"><inSequence>
              <payloadFactory media-type="json"><format>{"id": "$1", "name": "$2"}</format><args>
                <arg evaluator="json" expression="$.order.id"/><arg evaluator="json" expression="$.customer.name"/>
              </args></payloadFactory>
              <respond/>
            </inSequence></resource></api>
            """)["main.bal"];

        Assert.Contains("json body = check jsonPayload(ctx);", main, StringComparison.Ordinal);
        Assert.Contains("check jsonEvalIn(body, \"$.order.id\")", main, StringComparison.Ordinal);
        Assert.Contains("check jsonEvalIn(body, \"$.customer.name\")", main, StringComparison.Ordinal);
        Assert.DoesNotContain("jsonEval(ctx", main, StringComparison.Ordinal);
    }

    [Fact]
    public void A_call_template_ends_the_run_it_may_change_the_payload()
    {
        var main = ArtifactConversion.Convert(Greet, $$"""
            <api {{Ns}} name="GreetAPI" context="/greet"><resource methods="POST" uri-template="/"><inSequence>
              <property name="first" expression="//first"/>
              <call-template target="Greet"><with-param name="who" value="{//name}"/><with-param name="count" value="1"/></call-template>
              <property name="last" expression="//last"/>
              <log level="custom"><property name="first" expression="get-property('first')"/><property name="last" expression="get-property('last')"/></log>
              <respond/>
            </inSequence></resource></api>
            """)["main.bal"];

        // The property set and the template's argument share one read of the envelope; the set after the template reads it again.
        Assert.Contains("xpathFirstNodeString(envelope/**/<name>)", main, StringComparison.Ordinal);
        Assert.Equal(2, Count(main, "soapEnvelope(ctx)"));
        Assert.Contains("(check soapEnvelope(ctx))/**/<last>", main, StringComparison.Ordinal);
    }

    [Theory]
    // A JSON path first: the message is parsed by it, before the body, so the first failure could move.
    [InlineData("""<arg evaluator="json" expression="$.a"/><arg evaluator="xml" expression="//x/a"/><arg evaluator="xml" expression="//x/b"/>""", "soapEnvelope(ctx)", 2)]
    // `$` gives the JSON text as received, not the parsed payload: it keeps its own read, and it comes first.
    [InlineData("""<arg evaluator="json" expression="$"/><arg evaluator="json" expression="$.a"/><arg evaluator="json" expression="$.b"/>""", "jsonEval(ctx", 3)]
    // The addressing action first: it can fail, and parsing the message may change it.
    [InlineData("""<arg expression="get-property('Action')"/><arg evaluator="json" expression="$.a"/><arg evaluator="json" expression="$.b"/>""", "jsonEval(ctx", 2)]
    public void Arguments_that_could_fail_elsewhere_keep_their_reads(string args, string read, int count)
    {
        var main = ArtifactConversion.Convert($$"""
            <api {{Ns}} name="OrderAPI" context="/orders"><resource methods="POST" uri-template="/"><inSequence>
              <payloadFactory media-type="text"><format>$1 $2 $3</format><args>{{args}}</args></payloadFactory>
              <respond/>
            </inSequence></resource></api>
            """)["main.bal"];

        Assert.DoesNotContain("xml body = ", main, StringComparison.Ordinal);
        Assert.DoesNotContain("json body = ", main, StringComparison.Ordinal);
        Assert.Equal(count, Count(main, read));
    }

    [Fact]
    public void A_sequence_a_processor_runs_that_answers_on_every_path_returns_its_answer()
    {
        var files = ArtifactConversion.Convert(
            $"""<sequence {Ns} name="OrderFault"><makefault version="soap11"><code xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" value="s:Server"/><reason value="failed"/></makefault><respond/></sequence>""",
            $"""<endpoint {Ns} name="Backend"><address uri="http://localhost:9000/orders"/></endpoint>""",
            $"""<messageStore {Ns} name="Orders"/>""",
            $"""<messageProcessor {Ns} name="Forwarder" class="org.apache.synapse.message.processor.impl.forwarder.ScheduledMessageForwardingProcessor" targetEndpoint="Backend" messageStore="Orders"><parameter name="message.processor.fault.sequence">OrderFault</parameter></messageProcessor>""",
            $"""<proxy {Ns} name="OrderProxy"><target><inSequence><log level="full"/><store messageStore="Orders"/></inSequence><faultSequence><sequence key="OrderFault"/></faultSequence></target></proxy>""");

        // The processor tests the result for an error only; the fault runner has no reply test and no 202 after it.
        Assert.Contains("function orderFault(Context ctx) returns http:Response|error {", files["functions.bal"], StringComparison.Ordinal);
        Assert.Contains("    recordError(ctx, e);\n    return orderFault(ctx);\n}", files["functions.bal"], StringComparison.Ordinal);
        Assert.Contains("http:Response|error reply = orderFault(ctx);", files["stores.bal"], StringComparison.Ordinal);
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
