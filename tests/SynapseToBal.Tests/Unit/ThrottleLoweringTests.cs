using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Lowering;
using SynapseToBal.Semantics;
using Xunit;
using static SynapseToBal.Tests.Unit.MediatorParsing;

namespace SynapseToBal.Tests.Unit;

public sealed class ThrottleLoweringTests
{
    private const string Wsp = "http://schemas.xmlsoap.org/ws/2004/09/policy";
    private const string Namespaces = $"""xmlns:wsp="{Wsp}" xmlns:throttle="http://www.wso2.org/products/wso2commons/throttle" """;

    private static string Policy(string assertion) => $"<wsp:Policy {Namespaces}>{assertion}</wsp:Policy>";

    private static string Mediator(string body) =>
        $"<throttle:MediatorThrottleAssertion>{body}</throttle:MediatorThrottleAssertion>";

    private static string Caller(string type, string id, string rules) =>
        $"""<wsp:Policy><throttle:ID throttle:type="{type}">{id}</throttle:ID><wsp:Policy>{rules}</wsp:Policy></wsp:Policy>""";

    private static string Control(string limits) => $"<throttle:Control><wsp:Policy>{limits}</wsp:Policy></throttle:Control>";

    private static (PackageIr Package, DiagnosticBag Diagnostics) Lower(string mediators)
    {
        var diagnostics = new DiagnosticBag();
        var document = Document(mediators, diagnostics);
        return (Lowerer.Lower([document], diagnostics), diagnostics);
    }

    private static ThrottlePolicyIr Read(string policy)
    {
        var reading = ThrottlePolicyReader.Read(policy);
        Assert.Null(reading.Problem);
        Assert.False(reading.None);
        return Assert.IsType<ThrottlePolicyIr>(reading.Policy);
    }

    [Fact]
    public void A_mediator_assertion_gives_the_concurrency_limit_and_the_controlled_callers()
    {
        var policy = Read(Policy(Mediator(
            "<throttle:MaximumConcurrentAccess> 100 </throttle:MaximumConcurrentAccess>"
            + Caller("IP", "other", Control("<throttle:MaximumCount>2</throttle:MaximumCount><throttle:UnitTime>800000</throttle:UnitTime><throttle:ProhibitTimePeriod wsp:Optional=\"true\">1000\n   </throttle:ProhibitTimePeriod>"))
            + Caller("DOMAIN", " *.example.com ", "<throttle:Allow/>")
            + Caller("DOMAIN", "spam.example.org", "<throttle:Deny/>"))));

        Assert.Equal(100, policy.MaxConcurrent);
        Assert.Equal(new ThrottleCallerIr("other", null, ThrottleAccess.Control, 2, 800000, 1000), Assert.Single(policy.IpCallers));
        Assert.Equal<ThrottleCallerIr>(
            [new ThrottleCallerIr("*.example.com", null, ThrottleAccess.Allow, 0, 0, 0), new ThrottleCallerIr("spam.example.org", null, ThrottleAccess.Deny, 0, 0, 0)],
            policy.DomainCallers);
        Assert.True(policy.ReadsCaller);
        Assert.Equal("at most 100 concurrent requests; DOMAIN *.example.com always allowed; DOMAIN spam.example.org always denied; IP other: 2 requests per 800000 ms, then prohibited for 1000 ms", ThrottlePolicyReader.Describe(policy));
    }

    [Fact]
    public void The_older_throttle_assertion_reads_ranges_is_allow_and_empty_prohibit_periods()
    {
        var policy = Read(Policy("""
            <throttle:ThrottleAssertion>
              <throttle:MaximumConcurrentAccess>10</throttle:MaximumConcurrentAccess>
              <wsp:All><throttle:ID throttle:type="IP">192.168.8.200-192.168.8.222
                </throttle:ID><wsp:ExactlyOne><wsp:All><throttle:MaximumCount>8</throttle:MaximumCount><throttle:UnitTime>800000</throttle:UnitTime><throttle:ProhibitTimePeriod wsp:Optional="true"/></wsp:All></wsp:ExactlyOne></wsp:All>
              <wsp:All><throttle:ID throttle:type="IP">192.168.8.201</throttle:ID><wsp:ExactlyOne><throttle:IsAllow>false</throttle:IsAllow></wsp:ExactlyOne></wsp:All>
            </throttle:ThrottleAssertion>
            """));

        Assert.Equal(10, policy.MaxConcurrent);
        Assert.Equal<ThrottleCallerIr>(
            [new ThrottleCallerIr("192.168.8.200", "192.168.8.222", ThrottleAccess.Control, 8, 800000, 0), new ThrottleCallerIr("192.168.8.201", null, ThrottleAccess.Deny, 0, 0, 0)],
            policy.IpCallers);
        Assert.Empty(policy.DomainCallers);
    }

    [Fact]
    public void A_maximum_count_that_is_not_a_number_allows_the_caller_and_a_later_entry_replaces_an_earlier_one()
    {
        var policy = Read(Policy(Mediator(
            Caller("IP", "other", Control("<throttle:MaximumCount>4</throttle:MaximumCount><throttle:UnitTime>1000</throttle:UnitTime>"))
            + Caller("IP", "10.0.0.1", Control("<throttle:MaximumCount>many</throttle:MaximumCount><throttle:UnitTime>1000</throttle:UnitTime>"))
            + Caller("IP", "other", Control("<throttle:MaximumCount>6</throttle:MaximumCount><throttle:UnitTime>2000</throttle:UnitTime>"))
            + Caller("ROLE", "admin", "<throttle:Allow/>"))));

        Assert.Equal<ThrottleCallerIr>(
            [new ThrottleCallerIr("other", null, ThrottleAccess.Control, 6, 2000, 0), new ThrottleCallerIr("10.0.0.1", null, ThrottleAccess.Allow, 0, 0, 0)],
            policy.IpCallers);
        Assert.Equal(0, policy.MaxConcurrent);
    }

    [Theory]
    [InlineData("<throttle:MediatorThrottleAssertion><throttle:Unknown/></throttle:MediatorThrottleAssertion>", "unexpected policy element <Unknown>")]
    [InlineData("<throttle:MediatorThrottleAssertion><wsp:Policy><throttle:ID throttle:type=\"IP\">other</throttle:ID><wsp:Policy><throttle:Control><wsp:Policy><throttle:MaximumCount>4</throttle:MaximumCount></wsp:Policy></throttle:Control></wsp:Policy></wsp:Policy></throttle:MediatorThrottleAssertion>", "has no UnitTime")]
    [InlineData("<throttle:MediatorThrottleAssertion><wsp:Policy><throttle:ID throttle:type=\"IP\">other</throttle:ID><wsp:Policy><throttle:Control><wsp:Policy><throttle:MaximumCount>$SYSTEM:LIMIT</throttle:MaximumCount><throttle:UnitTime>1000</throttle:UnitTime></wsp:Policy></throttle:Control></wsp:Policy></wsp:Policy></throttle:MediatorThrottleAssertion>", "resolved at run time")]
    [InlineData("<throttle:MediatorThrottleAssertion><wsp:Policy><throttle:ID throttle:type=\"USER\">bob</throttle:ID><wsp:Policy><throttle:Allow/></wsp:Policy></wsp:Policy></throttle:MediatorThrottleAssertion>", "the caller type 'USER'")]
    [InlineData("<throttle:ThrottleAssertion><wsp:All><throttle:ID throttle:type=\"IP\">other</throttle:ID><wsp:ExactlyOne><wsp:All><throttle:MaximumCount>4</throttle:MaximumCount></wsp:All></wsp:ExactlyOne></wsp:All></throttle:ThrottleAssertion>", "MaximumCount and UnitTime are mandatory")]
    [InlineData("<wsp:ExactlyOne><wsp:All><throttle:MediatorThrottleAssertion/></wsp:All></wsp:ExactlyOne>", "policy alternatives")]
    public void A_policy_the_micro_integrator_rejects_or_that_is_not_followed_is_a_problem(string content, string problem)
    {
        var reading = ThrottlePolicyReader.Read(Policy(content));

        Assert.Null(reading.Policy);
        Assert.Contains(problem, reading.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_policy_without_an_assertion_of_the_throttle_namespace_makes_no_throttle()
    {
        var reading = ThrottlePolicyReader.Read($"""<wsp:Policy xmlns:wsp="{Wsp}" xmlns:t="http://www.wso2.org/products/google/throttle"><t:MediatorThrottleAssertion><t:MaximumConcurrentAccess>1</t:MaximumConcurrentAccess></t:MediatorThrottleAssertion></wsp:Policy>""");

        Assert.True(reading.None);
        Assert.Null(reading.Policy);
        Assert.Null(reading.Problem);
    }

    [Fact]
    public void A_request_throttle_in_a_sequence_decides_for_requests_and_gives_the_slot_back_on_responses()
    {
        var (package, diagnostics) = Lower($"""
            <throttle id="A"><policy>{Policy(Mediator("<throttle:MaximumConcurrentAccess>3</throttle:MaximumConcurrentAccess>"))}</policy>
            <onAccept><log/></onAccept><onReject><drop/></onReject></throttle>
            """);

        var direction = Assert.IsType<DirectionStep>(Assert.Single(Assert.Single(package.Functions).Body));
        var throttle = Assert.IsType<ThrottleStep>(Assert.Single(direction.Request));
        Assert.Equal("A@test", throttle.Throttle);
        Assert.Equal(new ThrottlePolicyIr(3, [], []), throttle.Policy with { IpCallers = [], DomainCallers = [] });
        Assert.IsType<LogStep>(Assert.Single(throttle.OnAccept));
        Assert.IsType<AcceptStep>(Assert.Single(throttle.OnReject));
        Assert.IsType<ThrottleReleaseStep>(Assert.Single(direction.Response));
        Assert.DoesNotContain(diagnostics.Items, d => d.Descriptor == DiagnosticCatalog.ThrottleNotTranslated);
    }

    [Fact]
    public void Two_throttles_with_one_id_keep_their_own_counters()
    {
        var policy = Policy(Mediator("<throttle:MaximumConcurrentAccess>3</throttle:MaximumConcurrentAccess>"));
        var (package, _) = Lower($"""<out><throttle id="A"><policy>{policy}</policy></throttle><throttle id="A"/></out><throttle id="A"><policy>{policy}</policy></throttle><throttle id="A"><policy>{policy}</policy></throttle>""");

        var body = Assert.Single(package.Functions).Body;
        var responsePath = Assert.IsType<DirectionStep>(body[0]);
        Assert.All(responsePath.Response, s => Assert.IsType<ThrottleReleaseStep>(s));
        Assert.Equal(2, responsePath.Response.Length);
        Assert.Equal(["A@test", "A@test#2"], IrWalker.Steps(body).OfType<ThrottleStep>().Select(t => t.Throttle));
    }

    [Fact]
    public void A_throttle_without_a_policy_accepts_every_message_with_a_warning()
    {
        var (package, diagnostics) = Lower("""<throttle id="A"><onAccept><log/></onAccept></throttle>""");

        var body = Assert.Single(package.Functions).Body;
        var direction = Assert.IsType<DirectionStep>(Assert.Single(body));
        Assert.Collection(direction.Request, s => Assert.IsType<CommentStep>(s), s => Assert.IsType<LogStep>(s));
        var warning = Assert.Single(diagnostics.Items, d => d.Descriptor == DiagnosticCatalog.ThrottleAcceptsAll);
        Assert.Contains("it has no policy", warning.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void A_registry_policy_is_read_at_conversion_time()
    {
        var diagnostics = new DiagnosticBag();
        var document = Document("""<in><throttle id="A" onAccept="next"><policy key="conf:/policy/throttle_policy.xml"/></throttle></in>""", diagnostics);
        var text = "<?xml version=\"1.0\"?>\n" + Policy(Mediator(Caller("IP", "other", Control("<throttle:MaximumCount>2</throttle:MaximumCount><throttle:UnitTime>800000</throttle:UnitTime>"))));
        var model = SemanticModel.Build([document], key => key == "conf:/policy/throttle_policy.xml", diagnostics, key => key == "conf:/policy/throttle_policy.xml" ? text : null);

        var package = Lowerer.Lower(model, [document], diagnostics);

        var throttle = Assert.Single(IrWalker.Steps(Assert.Single(package.Functions).Body).OfType<ThrottleStep>());
        Assert.Equal(new ThrottleCallerIr("other", null, ThrottleAccess.Control, 2, 800000, 0), Assert.Single(throttle.Policy.IpCallers));
        // No onReject in a shared sequence: stopping the flow is left to write by hand.
        var stop = Assert.IsType<TodoStep>(Assert.Single(throttle.OnReject));
        Assert.Equal(DiagnosticCatalog.ThrottleNotTranslated, stop.Reason.Descriptor);
    }

    [Fact]
    public void A_policy_key_not_in_the_input_keeps_the_flows_under_an_untranslated_decision()
    {
        var (package, diagnostics) = Lower("""<throttle id="A"><policy key="conf:/policy/missing.xml"/><onAccept><log/></onAccept><onReject><drop/></onReject></throttle>""");

        var body = Assert.Single(package.Functions).Body;
        var todo = Assert.IsType<TodoStep>(body[0]);
        Assert.Equal(DiagnosticCatalog.ThrottleNotTranslated, todo.Reason.Descriptor);
        Assert.Contains("it is not in the input", todo.Reason.Message, StringComparison.Ordinal);
        var branch = Assert.IsType<IfStep>(body[1]);
        Assert.IsType<UntranslatedConditionIr>(branch.Condition);
        Assert.IsType<LogStep>(Assert.Single(branch.Then));
        Assert.IsType<AcceptStep>(Assert.Single(branch.Else));
    }

    [Fact]
    public void An_unreadable_inline_policy_is_summarised_with_the_reason()
    {
        var (package, _) = Lower($"""<throttle id="A"><policy>{Policy(Mediator("<throttle:Bogus/>"))}</policy><onReject><drop/></onReject></throttle>""");

        var todo = Assert.IsType<TodoStep>(Assert.Single(package.Functions).Body[0]);
        Assert.Contains("an inline policy (unexpected policy element <Bogus>", todo.Reason.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_flow_without_a_fault_flow_gives_the_concurrency_slot_back_when_it_fails()
    {
        // Proxy / API Resource push a MediatorFaultHandler for the default fault sequence when the flow has none, and
        // MediatorFaultHandler.onFault frees the concurrency slot (ConcurrencyThrottlingUtils) before it runs.
        var policy = $"""<policy><wsp:Policy {Namespaces}><throttle:MediatorThrottleAssertion><throttle:MaximumConcurrentAccess>2</throttle:MaximumConcurrentAccess></throttle:MediatorThrottleAssertion></wsp:Policy></policy>""";
        var files = ArtifactConversion.Convert(
            $"""<api xmlns="http://ws.apache.org/ns/synapse" name="A" context="/a"><resource methods="POST"><inSequence><throttle id="t">{policy}</throttle><call><endpoint><address uri="http://b.example.com/x"/></endpoint></call><respond/></inSequence></resource></api>""",
            $"""<proxy xmlns="http://ws.apache.org/ns/synapse" name="P" transports="http"><target><inSequence><throttle id="u">{policy}</throttle><call><endpoint><address uri="http://c.example.com/y"/></endpoint></call><respond/></inSequence></target></proxy>""");

        // Without a 'fault' sequence in the project, that is the default one (after a non-blocking call,
        // handleFaultAfterSend): it frees the slot, then logs and drops.
        var main = files["main.bal"];
        SynapseToBal.Tests.Runtime.RuntimeSourceText.InOrder(main, "check throttleAdmit(ctx, \"t@A", "} on fail error e {", "return handleFaultAfterSend(ctx, e);");
        var flow = files["functions.bal"];
        SynapseToBal.Tests.Runtime.RuntimeSourceText.InOrder(flow, "check throttleAdmit(ctx, \"u@P", "} on fail error e {", "return handleFaultAfterSend(ctx, e);");
        SynapseToBal.Tests.Runtime.RuntimeSourceText.InOrder(flow, "function handleFaultAfterSend(Context ctx, error e)", "recordError(ctx, e);", "throttleRelease(ctx);", "check defaultFaultLog(ctx);", "return unansweredFault(ctx, e);");
    }

    [Fact]
    public void A_flow_without_a_fault_flow_in_a_package_without_a_concurrency_limit_releases_no_slot()
    {
        var files = ArtifactConversion.Convert(
            """<api xmlns="http://ws.apache.org/ns/synapse" name="A" context="/a"><resource methods="POST"><inSequence><call><endpoint><address uri="http://b.example.com/x"/></endpoint></call><respond/></inSequence></resource></api>""");

        // The on fail only runs the default fault sequence (the project defines no 'fault'), which frees no slot.
        Assert.Contains("} on fail error e {\n            return handleFaultAfterSend(ctx, e);\n        }", files["main.bal"].ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.DoesNotContain("throttleRelease", files["main.bal"], StringComparison.Ordinal);
        Assert.DoesNotContain("throttleRelease", files["functions.bal"], StringComparison.Ordinal);
    }
}
