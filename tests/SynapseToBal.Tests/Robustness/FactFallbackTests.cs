using Microsoft.CodeAnalysis;
using SynapseToBal.Driver;
using SynapseToBal.Emit;
using SynapseToBal.Refine;
using SynapseToBal.Tests.Gates;
using SynapseToBal.Tests.Project;
using Xunit;
using Xunit.Abstractions;

namespace SynapseToBal.Tests.Robustness;

/// <summary>
/// Issue 13: the emitter's package-wide facts about throttles, endpoint suspension states, the states endpoint groups
/// share and the payload records are guarded like the others (<see cref="FileContainmentTests"/>). A fault injected into
/// one (through <see cref="PackageEmitter.BeforeFact"/>) used to end the whole emit as SB0901 with no package; now the
/// fact takes its fallback (SB0910, or SB0911 for the shared states, whose fallback differs from Synapse) and every file
/// is generated.
/// </summary>
public sealed class FactFallbackTests(ITestOutputHelper output) : IDisposable
{
    private const string Ns = "http://ws.apache.org/ns/synapse";

    /// <summary>
    /// Two groups naming the same endpoints by key (one with suspension settings, also called directly), and a JSON
    /// payload of a fixed shape; no throttle, so the throttle facts' fallbacks show in the code.
    /// </summary>
    private static readonly (string File, string Xml)[] Inputs =
    [
        ("endpoints.xml", $"""
            <definitions xmlns="{Ns}">
              <endpoint name="Plain"><address uri="http://plain.example.com/quotes"/></endpoint>
              <endpoint name="Tuned"><address uri="http://tuned.example.com/quotes"><suspendOnFailure><errorCodes>101503</errorCodes><initialDuration>5000</initialDuration></suspendOnFailure></address></endpoint>
              <endpoint name="QuotesA"><loadbalance algorithm="org.apache.synapse.endpoints.algorithms.RoundRobin"><endpoint key="Plain"/><endpoint key="Tuned"/></loadbalance></endpoint>
              <endpoint name="QuotesB"><failover><endpoint key="Tuned"/><endpoint key="Plain"/></failover></endpoint>
            </definitions>
            """),
        ("api.xml", $$"""
            <api xmlns="{{Ns}}" name="QuoteAPI" context="/quotes">
              <resource methods="GET" uri-template="/a"><inSequence><send><endpoint key="QuotesA"/></send></inSequence><outSequence><send/></outSequence></resource>
              <resource methods="GET" uri-template="/b"><inSequence><send><endpoint key="QuotesB"/></send></inSequence><outSequence><send/></outSequence></resource>
              <resource methods="GET" uri-template="/tuned"><inSequence><call><endpoint key="Tuned"/></call><respond/></inSequence></resource>
              <resource methods="GET" uri-template="/status"><inSequence><payloadFactory media-type="json"><format>{"status":"up","version":2}</format><args/></payloadFactory><respond/></inSequence></resource>
            </api>
            """),
    ];

    private readonly TempDirectory _input = TempDirectory.WithFiles(Inputs);

    public void Dispose() => _input.Dispose();

    private ConversionResult Convert(string? cursedFact = null, bool keepStructure = false)
    {
        PackageEmitter.BeforeFact.Value = cursedFact is null ? null : what =>
        {
            if (what.Contains(cursedFact, StringComparison.Ordinal))
            {
                throw new InvalidOperationException("simulated package fact bug");
            }
        };
        try
        {
            return Converter.Convert(new ConversionOptions(_input.Path, PackageName: "facts") { KeepStructure = keepStructure, MaxDegreeOfParallelism = 2 });
        }
        finally
        {
            PackageEmitter.BeforeFact.Value = null;
        }
    }

    private static string File(ConversionResult result, string path) => Assert.Single(result.Files, f => f.RelativePath == path).Content;

    [Fact]
    public void Without_a_fault_the_input_has_every_fact_this_test_needs()
    {
        var plain = Convert();
        Assert.DoesNotContain(plain.Diagnostics, d => d.Id.StartsWith("SB09", StringComparison.Ordinal));
        Assert.Contains(plain.Files, f => f.RelativePath == "payloads.bal");
        var connections = File(plain, "connections.bal");
        Assert.Contains("final EndpointState plainSuspension = new (\"address\", \"Plain\", {});", connections, StringComparison.Ordinal);
        Assert.Contains("state: plainSuspension", connections, StringComparison.Ordinal);
        Assert.DoesNotContain("throttleRelease(", File(plain, "main.bal"), StringComparison.Ordinal);
        Assert.DoesNotContain("http:Caller", File(plain, "main.bal"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("the throttles that decide by the caller's address", false)]
    [InlineData("the endpoint suspension states the calls keep", false)]
    [InlineData("the record types of the JSON payloads", false)]
    [InlineData("the endpoint suspension states the calls keep", true)]
    [InlineData("the record types of the JSON payloads", true)]
    public void An_internal_error_computing_the_fact_takes_a_fallback_that_means_the_same(string fact, bool keepStructure)
    {
        var plain = Convert(keepStructure: keepStructure);
        var result = Convert(fact, keepStructure);

        var error = Assert.Single(result.Diagnostics, d => d.Id == "SB0910");
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.Contains(fact + " for the whole package", error.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("simulated package fact bug", error.GetMessage(), StringComparison.Ordinal);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id is "SB0901" or "SB0903" or "SB0909" or "SB0911");

        // Every file is generated (payloads.bal only with its records).
        Assert.Equal(
            plain.Files.Select(f => f.RelativePath).Where(p => p != "support.bal" && !p.StartsWith("payloads", StringComparison.Ordinal)).Order(StringComparer.Ordinal),
            result.Files.Select(f => f.RelativePath).Where(p => p != "support.bal" && !p.StartsWith("payloads", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.NotNull(result.Report);
        AssertParses(result);
    }

    [Fact]
    public void The_throttle_fallbacks_take_the_callers_address_and_give_slots_back()
    {
        var caller = Convert("the throttles that decide by the caller's address");
        Assert.Contains("http:Caller caller", File(caller, "main.bal"), StringComparison.Ordinal);

        // Where a slot is given back is the refiner's (ThrottleSlots): when that pass fails, every flow gives it back.
        BallerinaRefiner.BeforePass.Value = pass =>
        {
            if (pass.Contains("concurrency throttle", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("simulated pass bug");
            }
        };
        ConversionResult release;
        try
        {
            release = Convert();
        }
        finally
        {
            BallerinaRefiner.BeforePass.Value = null;
        }

        Assert.Contains(release.Diagnostics, d => d.Id == "SB0905" && d.GetMessage().Contains("simulated pass bug", StringComparison.Ordinal));
        Assert.Contains("throttleRelease(ctx);", File(release, "main.bal"), StringComparison.Ordinal);
        Assert.Contains("function throttleRelease(Context ctx)", File(release, "support.bal"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_suspension_fallback_declares_every_endpoints_state_once()
    {
        var result = Convert("the endpoint suspension states the calls keep");
        var connections = File(result, "connections.bal");
        Assert.Single(connections.Split('\n'), l => l.StartsWith("final EndpointState plainSuspension = ", StringComparison.Ordinal));
        Assert.Single(connections.Split('\n'), l => l.StartsWith("final EndpointState tunedSuspension = ", StringComparison.Ordinal));
        Assert.Equal(2, connections.Split("state: plainSuspension").Length - 1);
    }

    [Fact]
    public void The_payload_record_fallback_builds_every_payload_as_json()
    {
        var plain = Convert();
        var records = File(plain, "payloads.bal");
        var result = Convert("the record types of the JSON payloads");
        Assert.DoesNotContain(result.Files, f => f.RelativePath == "payloads.bal");
        var recordName = records.Split('\n').First(l => l.StartsWith("type ", StringComparison.Ordinal)).Split(' ')[1];
        Assert.All(result.Files.Where(f => f.RelativePath.EndsWith(".bal", StringComparison.Ordinal)), f => Assert.DoesNotContain(recordName, f.Content, StringComparison.Ordinal));
        Assert.Contains("\"status\"", File(result, "main.bal"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Without_the_shared_state_owners_each_member_keeps_its_own_state_and_SB0911_says_so(bool keepStructure)
    {
        var result = Convert("the endpoint group that declares each shared endpoint state", keepStructure);

        var error = Assert.Single(result.Diagnostics, d => d.Id == "SB0911");
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.Contains("simulated package fact bug", error.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("keeps a suspension state of its own", error.GetMessage(), StringComparison.Ordinal);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id is "SB0901" or "SB0910");

        var code = string.Concat(result.Files.Where(f => f.RelativePath.EndsWith(".bal", StringComparison.Ordinal)).Select(f => f.Content));
        Assert.DoesNotContain("plainState", code, StringComparison.Ordinal);
        Assert.Equal(2, code.Split("state: new (\"address\", \"Plain\", {})").Length - 1);

        // The state the endpoint's own client declares (the direct call keeps it) is still shared.
        Assert.Equal(2, code.Split("state: tunedSuspension").Length - 1);
        AssertParses(result);
    }

    private void AssertParses(ConversionResult result)
    {
        if (Balcheck.Locate(out var reason) is not { } tool)
        {
            output.WriteLine($"SKIPPED the parse check: {reason}.");
            return;
        }

        using var temp = new TempDirectory();
        Converter.Write(result, temp.Combine("out"));
        var verdict = Balcheck.Run(tool, temp.Combine("out"));
        Assert.True(verdict.Passed, "the package generated with a fact's fallback does not parse:\n" + verdict.Describe(temp.Combine("out")));
    }
}
