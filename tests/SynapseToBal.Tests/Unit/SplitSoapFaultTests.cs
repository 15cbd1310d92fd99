using System.Globalization;
using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Lowering;
using SynapseToBal.Syntax;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// FORCE_ERROR_ON_SOAP_FAULT in the copies of an iterate or clone: as SynapseCallbackReceiver does for a copy's send,
/// a SOAP fault response fails the copy, the fault handler the copy carries (the parent's, copied by
/// MessageHelper.cloneMessageContext) runs on that copy's response, and the copy does not reach the aggregate.
/// </summary>
public sealed class SplitSoapFaultTests
{
    private const string Endpoint = """<endpoint name="V"><address uri="http://v.example.com/prices"/></endpoint>""";

    private const string CloneProxy = """
        <proxy name="P"><target>
          <inSequence>
            <property name="FORCE_ERROR_ON_SOAP_FAULT" value="true"/>
            <clone><target endpoint="V"/><target><sequence><send><endpoint key="V"/></send></sequence></target></clone>
          </inSequence>
          <outSequence><aggregate><onComplete expression="//price"><send/></onComplete></aggregate></outSequence>
          <faultSequence><respond/></faultSequence>
        </target></proxy>
        """;

    private static PackageIr Lower(string artifacts, out DiagnosticBag diagnostics)
    {
        diagnostics = new DiagnosticBag();
        var document = SynapseParser.ParseText("artifacts.xml", $"<definitions xmlns=\"http://ws.apache.org/ns/synapse\">{artifacts}</definitions>", diagnostics);
        Assert.NotNull(document);
        return Lowerer.Lower([document], diagnostics);
    }

    private static List<StepIr> Steps(PackageIr package) =>
        IrWalker.Steps(package.Services.SelectMany(s => s.Resources).SelectMany(r => r.Body).Concat(package.Functions.SelectMany(f => f.Body))).ToList();

    private static List<string> ForceErrorReports(DiagnosticBag diagnostics) =>
        diagnostics.Items.Where(d => d.Id == DiagnosticCatalog.AttributeNotTranslated.Id)
            .Select(d => d.GetMessage(CultureInfo.InvariantCulture))
            .Where(m => m.Contains("FORCE_ERROR_ON_SOAP_FAULT", StringComparison.Ordinal))
            .ToList();

    private static string Defaults(string xml) => xml.Replace("<proxy ", "<proxy xmlns=\"http://ws.apache.org/ns/synapse\" ", StringComparison.Ordinal)
        .Replace("<endpoint name=", "<endpoint xmlns=\"http://ws.apache.org/ns/synapse\" name=", StringComparison.Ordinal)
        .Replace("<api ", "<api xmlns=\"http://ws.apache.org/ns/synapse\" ", StringComparison.Ordinal);

    [Fact]
    public void Each_copy_checks_its_response_and_the_fork_hands_a_faulting_copy_to_the_fault_handling()
    {
        var package = Lower(CloneProxy + Endpoint, out var diagnostics);

        var fork = Assert.Single(Steps(package).OfType<ForkStep>());
        Assert.True(fork.CopyFaults);
        Assert.NotNull(fork.Aggregation);
        foreach (var branch in fork.Branches)
        {
            var body = package.Functions.Single(f => f.Name == branch).Body;
            var call = body.Select((step, index) => (step, index)).Single(pair => pair.step is CallStep);

            // The check is the send's own (V keeps EndpointDefinition's default suspension state, so the fault reaches
            // it as AddressEndpoint.onFault), before the part the aggregate keeps: a faulting copy stops there.
            var send = Assert.IsType<CallStep>(call.step);
            Assert.True(send.TracksSuspension);
            Assert.True(send.SoapFault);
            Assert.DoesNotContain(body, s => s is SoapFaultCheckStep);
            Assert.IsType<ReplacePayloadStep>(body[^1]);
        }

        Assert.Empty(ForceErrorReports(diagnostics));
    }

    [Fact]
    public void Without_the_property_the_copies_are_not_checked_and_the_fork_awaits_them_as_before()
    {
        var package = Lower(CloneProxy.Replace("""<property name="FORCE_ERROR_ON_SOAP_FAULT" value="true"/>""", string.Empty, StringComparison.Ordinal) + Endpoint, out _);

        var fork = Assert.Single(Steps(package).OfType<ForkStep>());
        Assert.False(fork.CopyFaults);
        Assert.Empty(Steps(package).OfType<SoapFaultCheckStep>());

        var files = ArtifactConversion.Convert(Defaults(CloneProxy.Replace("""<property name="FORCE_ERROR_ON_SOAP_FAULT" value="true"/>""", string.Empty, StringComparison.Ordinal)), Defaults(Endpoint));
        Assert.Contains("check wait finished;", files["functions.bal"], StringComparison.Ordinal);
        Assert.DoesNotContain("copyFailure", files["functions.bal"], StringComparison.Ordinal);
    }

    [Fact]
    public void The_generated_fork_passes_each_copy_with_its_result_and_the_branch_fails_before_the_aggregate_part()
    {
        var files = ArtifactConversion.Convert(Defaults(CloneProxy), Defaults(Endpoint));
        var functions = files["functions.bal"];

        Assert.Contains("""
                    foreach int index in 0 ..< running.length() {
                        future<error?> finished = running[index];
                        error? outcome = wait finished;
                        check copyFailure(ctx, messages[index], outcome);
                    }
                    check aggregateMessages(ctx, messages, false);
            """.ReplaceLineEndings("\n"), functions, StringComparison.Ordinal);
        Assert.Contains("""
                check callEndpoint(ctx, v, clientPath(vUrl, restPostfix(ctx)), headers = passThroughHeaders, state = vSuspension, soapFault = true);
                check setPayloadValue(ctx,
            """.ReplaceLineEndings("\n"), functions, StringComparison.Ordinal);
        Assert.Contains("function copyFailure(Context ctx, Context copy, error? result) returns error? {", files["support.bal"], StringComparison.Ordinal);
    }

    [Fact]
    public void Sequential_copies_and_copies_that_answer_pass_their_copy_too()
    {
        var files = ArtifactConversion.Convert(
            Defaults("""
            <api name="A" context="/a">
              <resource methods="POST" uri-template="/seq"><inSequence>
                <property name="FORCE_ERROR_ON_SOAP_FAULT" value="true"/>
                <iterate expression="//line" sequential="true" id="s"><target><sequence><call><endpoint key="V"/></call></sequence></target></iterate>
                <aggregate id="s"><onComplete expression="//price"><respond/></onComplete></aggregate>
              </inSequence></resource>
              <resource methods="POST" uri-template="/first"><inSequence>
                <property name="FORCE_ERROR_ON_SOAP_FAULT" value="true"/>
                <clone><target endpoint="V"/><target endpoint="V"/></clone>
              </inSequence><outSequence><respond/></outSequence></resource>
            </api>
            """),
            Defaults(Endpoint));
        var code = string.Concat(files.Where(f => f.Key.EndsWith(".bal", StringComparison.Ordinal) && f.Key != "support.bal").Select(f => f.Value));

        Assert.Contains("check copyFailure(ctx, message, ", code, StringComparison.Ordinal);
        // A copy that fails, on a SOAP fault too, runs the flow's fault handling (the default fault sequence, as the
        // project defines no 'fault') on its own message, as SynapseCallbackReceiver runs the fault handler the copy
        // carries on the copy's response; what it answers is that copy's answer.
        Assert.Contains("= start answeringCopy(messages[0], ", code, StringComparison.Ordinal);
        Assert.Contains("= start answeringCopy(messages[1], ", code, StringComparison.Ordinal);
        Assert.Contains("http:Response|error answer = firstAnswer(running);", code, StringComparison.Ordinal);
        Assert.DoesNotContain("return failure;", code, StringComparison.Ordinal);
        Assert.DoesNotContain("inside an iterate or clone", string.Concat(files.Values), StringComparison.Ordinal);
    }

    [Fact]
    public void A_copy_nothing_awaits_is_reported_and_not_handed_over()
    {
        var package = Lower("""
            <api name="A" context="/a"><resource methods="POST"><inSequence>
              <property name="FORCE_ERROR_ON_SOAP_FAULT" value="true"/>
              <clone continueParent="true"><target><sequence><call><endpoint key="V"/></call></sequence></target></clone>
              <respond/>
            </inSequence></resource></api>
            """ + Endpoint, out var diagnostics);

        var fork = Assert.Single(Steps(package).OfType<ForkStep>());
        Assert.False(fork.CopyFaults);
        Assert.Null(fork.Aggregation);
        Assert.Empty(Steps(package).OfType<SoapFaultCheckStep>());
        var report = Assert.Single(ForceErrorReports(diagnostics));
        Assert.Contains("its failure reaches no fault handling", report, StringComparison.Ordinal);
    }

    [Fact]
    public void A_completion_timeout_hands_the_faulting_copy_to_the_fault_handling_too()
    {
        // The timed aggregation waits in awaitAggregation; the copy that failed there must still become the message
        // the fault flow sees (copyFailure), as the untimed wait does.
        var timed = CloneProxy.Replace("<aggregate>", "<aggregate><completeCondition timeout=\"5\"/>", StringComparison.Ordinal);
        var files = ArtifactConversion.Convert(Defaults(timed), Defaults(Endpoint));
        Assert.Contains("Context[] collected = check awaitAggregation(messages, running, 5, faultTarget = ctx);", files["functions.bal"], StringComparison.Ordinal);

        var untimed = ArtifactConversion.Convert(Defaults(timed.Replace("""<property name="FORCE_ERROR_ON_SOAP_FAULT" value="true"/>""", string.Empty, StringComparison.Ordinal)), Defaults(Endpoint));
        Assert.Contains("Context[] collected = check awaitAggregation(messages, running, 5);", untimed["functions.bal"], StringComparison.Ordinal);

        var support = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "templates", "runtime", "support.bal")).ReplaceLineEndings("\n");
        var start = support.IndexOf("function awaitAggregation(", StringComparison.Ordinal);
        Assert.True(start >= 0);
        var body = support[start..support.IndexOf("\n}\n", start, StringComparison.Ordinal)];
        Assert.Contains("Context? faultTarget = ()) returns Context[]|error {", body, StringComparison.Ordinal);
        Assert.Contains("""
                        [int, error] [index, err] = failure;
                        if faultTarget is Context {
                            check copyFailure(faultTarget, messages[index], err);
                        }
                        return err;
            """.ReplaceLineEndings("\n"), body, StringComparison.Ordinal);
        Assert.Contains("failure = [self.arrived[i], result];", support, StringComparison.Ordinal);
    }

    [Fact]
    public void The_runtime_hands_over_only_a_soap_fault_failure_and_every_message_field()
    {
        var support = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "templates", "runtime", "support.bal"));
        var start = support.IndexOf("function copyFailure(", StringComparison.Ordinal);
        Assert.True(start >= 0);
        var body = support[start..support.IndexOf("\n}\n", start, StringComparison.Ordinal)];

        // Only ERROR_CODE 500000 (the SOAP fault under FORCE_ERROR_ON_SOAP_FAULT) makes the message the copy's.
        Assert.Contains("if result is () || errorCode(result) != 500000 {\n        return result;\n    }", body, StringComparison.Ordinal);
        Assert.Contains("    adoptMessage(ctx, copy);\n    ctx.payload = copy.payload;\n    return result;", body, StringComparison.Ordinal);
    }
}
