using SynapseToBal.Diagnostics;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// Output a Ballerina developer keeps (issue 14): no function for an out flow nothing runs (<c>Refine/UnusedFlows.cs</c>),
/// no <c>error</c> in the return type of an in or out flow or a resource that cannot fail, and no <c>check</c> where such
/// a flow is continued with (<c>Emit/PackageEmitter.Infallible.cs</c>); an error a body returns as a value still counts.
/// </summary>
public sealed class UnusedAndInfallibleFlowTests
{
    private const string Ns = "http://ws.apache.org/ns/synapse";

    private const string Endpoint = """<endpoint><address uri="http://localhost:9000/quotes"/></endpoint>""";

    private const string Receiver = $"""<sequence xmlns="{Ns}" name="QuoteResponse"><log level="custom"><property name="received" value="quote"/></log><send/></sequence>""";

    [Fact]
    public void An_out_flow_nothing_runs_is_not_declared()
    {
        var files = Convert(
            Receiver,
            $"""<proxy xmlns="{Ns}" name="QuoteProxy" transports="http"><target><inSequence><send receive="QuoteResponse">{Endpoint}</send></inSequence><outSequence><log level="custom"><property name="never" value="runs"/></log><send/></outSequence></target></proxy>""");
        var functions = files["functions.bal"];

        Assert.DoesNotContain("quoteOut", functions);
        Assert.DoesNotContain("never", functions);
        // The receiving sequence answers on every path (its send): the flow returns its answer (AnsweringFlows).
        Assert.Contains("quoteResponse(ctx);", functions);
        Assert.DoesNotContain("reply is http:Response", functions);
    }

    [Fact]
    public void An_out_flow_stays_when_its_in_flow_holds_a_todo()
    {
        // The code that finishes the TODO may run the out flow: it stays, though nothing calls it yet.
        var files = Convert(
            Receiver,
            $"""<proxy xmlns="{Ns}" name="QuoteProxy" transports="http"><target><inSequence><class name="com.example.Enricher"/><send receive="QuoteResponse">{Endpoint}</send></inSequence><outSequence><log level="custom"><property name="kept" value="yes"/></log><send/></outSequence></target></proxy>""");

        Assert.Contains("function quoteOut(Context ctx) returns http:Response|error {", files["functions.bal"]);
    }

    [Fact]
    public void In_and_out_flows_that_cannot_fail_return_a_response_and_are_continued_without_check()
    {
        var files = Convert(
            $"""<proxy xmlns="{Ns}" name="LoopProxy" transports="http"><target><inSequence><log level="custom"><property name="step" value="in"/></log><loopback/></inSequence><outSequence><log level="custom"><property name="step" value="out"/></log><drop/></outSequence></target></proxy>""");
        var functions = files["functions.bal"].ReplaceLineEndings("\n");

        Assert.Contains("function loopOut(Context ctx) returns http:Response {", functions);
        Assert.Contains("function loopFlow(Context ctx) returns http:Response {", functions);
        Assert.Contains("    return loopOut(ctx);\n}", functions);
        Assert.DoesNotContain("check loopOut", functions);
        Assert.Contains("return loopFlow(check newContext(request, (), \"/services/\" + name));", files["main.bal"]);
    }

    [Fact]
    public void A_resource_that_reads_no_message_and_cannot_fail_returns_a_response()
    {
        var files = Convert(
            $"""<api xmlns="{Ns}" name="EventsAPI" context="/events"><resource methods="DELETE" uri-template="/ignored"><inSequence><drop/></inSequence></resource><resource methods="GET" uri-template="/read"><inSequence><respond/></inSequence></resource></api>""");
        var main = files["main.bal"];

        Assert.Contains("resource function delete ignored(http:Request request) returns http:Response {", main);
        Assert.Contains("resource function get read(http:Request request) returns http:Response|error {", main);
    }

    [Fact]
    public void A_sequence_whose_split_fails_with_its_first_failure_keeps_error_in_its_return_type()
    {
        // A clone that stops its parent fails with the first failure of its copies (fail failure;, so that the fault
        // handling runs): the function can fail though no check is written.
        var files = Convert(
            $"""<sequence xmlns="{Ns}" name="FanOut"><clone><target><sequence><send>{Endpoint}</send></sequence></target><target><sequence><send>{Endpoint}</send></sequence></target></clone></sequence>""",
            $"""<api xmlns="{Ns}" name="FanAPI" context="/fan"><resource methods="POST"><inSequence><sequence key="FanOut"/></inSequence></resource></api>""");
        var functions = files["functions.bal"];

        Assert.Contains("fail failure;", functions);
        Assert.DoesNotContain("return failure;", functions);
        Assert.Contains("function fanOut(Context ctx) returns http:Response|error? {", functions);
        Assert.Contains("check fanOut(ctx);", files["main.bal"]);
    }

    private const string SplitProxy = $"""<proxy xmlns="{Ns}" name="LinesProxy" transports="http"><target><inSequence><iterate expression="//line"><target><sequence><send>{Endpoint}</send></sequence></target></iterate></inSequence><outSequence><log level="custom"><property name="step" value="response"/></log><sequence key="Gather"/></outSequence></target></proxy>""";

    private const string Gather = $"""<sequence xmlns="{Ns}" name="Gather"><header name="X-Gathered" scope="transport" value="yes"/><aggregate><onComplete expression="//reply"><send/></onComplete></aggregate></sequence>""";

    [Fact]
    public void An_out_flow_the_split_never_hands_a_message_is_not_declared_nor_its_end_reported()
    {
        // The split gathers where it stands: the out flow runs for nothing. The named sequence stays (a project artifact).
        var files = Convert(SplitProxy, Gather);

        Assert.Contains("function gather(", files["functions.bal"]);
        Assert.DoesNotContain("function linesOut(", files["functions.bal"]);
        Assert.Contains("x-gathered", files["functions.bal"]);

        var diagnostics = new DiagnosticBag();
        ArtifactLowering.Lower(diagnostics, SplitProxy, Gather);
        Assert.DoesNotContain(diagnostics.Items, d => d.Id == DiagnosticCatalog.ResponseHang.Id);
    }

    [Fact]
    public void An_out_flow_registration_nothing_reads_is_not_written()
    {
        // The template's split sends in its branches and gathers there; nothing continues with ctx.outFlow.
        var files = Convert(
            $"""<proxy xmlns="{Ns}" name="QuoteAllProxy" transports="http"><target><inSequence><call-template target="SplitEach"/></inSequence><outSequence><aggregate><onComplete expression="//reply"><send/></onComplete></aggregate></outSequence></target></proxy>""",
            $"""<template xmlns="{Ns}" name="SplitEach"><sequence><iterate expression="//line"><target><sequence><send>{Endpoint}</send></sequence></target></iterate></sequence></template>""");

        Assert.DoesNotContain("ctx.outFlow", files["main.bal"]);
        Assert.DoesNotContain("quoteAllOut", files["functions.bal"]);
    }

    [Fact]
    public void An_out_flow_registration_a_sending_sequence_reads_stays()
    {
        var files = Convert(
            $"""<proxy xmlns="{Ns}" name="QuoteProxy" transports="http"><target><inSequence><sequence key="Forward"/></inSequence><outSequence><log level="custom"><property name="step" value="out"/></log><send/></outSequence></target></proxy>""",
            $"""<sequence xmlns="{Ns}" name="Forward"><send>{Endpoint}</send></sequence>""");

        Assert.Contains("ctx.outFlow = quoteOut;", files["main.bal"]);
    }

    private static Dictionary<string, string> Convert(params string[] artifacts) => ArtifactConversion.Convert(artifacts);
}
