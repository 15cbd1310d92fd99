using SynapseToBal.Diagnostics;
using SynapseToBal.Emit;
using SynapseToBal.IR;
using SynapseToBal.Lowering;
using SynapseToBal.Syntax;
using Xunit;
using static SynapseToBal.Tests.Unit.MediatorParsing;

namespace SynapseToBal.Tests.Unit;

public sealed class CacheLoweringTests
{
    private static (PackageIr Package, DiagnosticBag Diagnostics) LowerApi(string inSequence, string outSequence = "")
    {
        var diagnostics = new DiagnosticBag();
        var xml = $"""<api xmlns="{Synapse}" name="A" context="/a"><resource methods="POST"><inSequence>{inSequence}</inSequence><outSequence>{outSequence}</outSequence></resource></api>""";
        var document = SynapseParser.ParseText("A.xml", xml, diagnostics);
        Assert.NotNull(document);
        return (Lowerer.Lower([document], diagnostics), diagnostics);
    }

    private static IEnumerable<StepIr> AllSteps(PackageIr package) =>
        IrWalker.Steps(package.Services.SelectMany(s => s.Resources).SelectMany(r => r.Body).Concat(package.Functions.SelectMany(f => f.Body)));

    [Fact]
    public void A_finder_without_on_cache_hit_answers_with_the_cached_response_and_the_collector_stores()
    {
        var (package, diagnostics) = LowerApi(
            """<cache collector="false" timeout="30"><implementation type="memory" maxSize="5"/></cache><send><endpoint><address uri="http://b/x"/></endpoint></send>""",
            """<cache collector="true"/><send/>""");

        var lookup = Assert.Single(AllSteps(package).OfType<CacheLookupStep>());
        Assert.Equal(30, lookup.Settings.TimeoutSeconds);
        Assert.Equal(5, lookup.Settings.MaxSize);
        Assert.True(lookup.Settings.RequestLine);
        Assert.Empty(lookup.Settings.Methods);
        Assert.IsType<RespondStep>(Assert.Single(lookup.OnHit));
        Assert.Single(AllSteps(package).OfType<CacheStoreStep>());
        Assert.DoesNotContain(diagnostics.Items, d => d.Id == DiagnosticCatalog.MediatorNotTranslated.Id);
    }

    [Fact]
    public void On_cache_hit_that_does_not_answer_ends_the_flow_with_202()
    {
        var (package, diagnostics) = LowerApi("""<cache timeout="10"><onCacheHit><log/></onCacheHit></cache><respond/>""");

        var lookup = Assert.Single(AllSteps(package).OfType<CacheLookupStep>());
        Assert.Equal(10, lookup.Settings.TimeoutSeconds);
        Assert.IsType<LogStep>(lookup.OnHit[0]);
        Assert.IsType<AcceptStep>(lookup.OnHit[^1]);
        Assert.Contains(diagnostics.Items, d => d.Id == DiagnosticCatalog.FlowEndsWithoutResponse.Id);
    }

    [Fact]
    public void The_dom_hash_generator_keys_by_payload_and_protocol_lists_are_normalised()
    {
        var (package, _) = LowerApi("""
            <cache hashGenerator="org.wso2.carbon.mediator.cache.digest.DOMHASHGenerator">
              <protocol type="HTTP"><methods>get, Post</methods><headersToExcludeInHash>User</headersToExcludeInHash><responseCodes>2..</responseCodes></protocol>
            </cache><respond/>
            """);

        var settings = Assert.Single(AllSteps(package).OfType<CacheLookupStep>()).Settings;
        Assert.False(settings.RequestLine);
        Assert.Equal(5000, settings.TimeoutSeconds);
        Assert.Equal<string>(["GET", "POST"], settings.Methods);
        Assert.Equal<string>(["user"], settings.ExcludedHeaders);
        Assert.Equal("2..", settings.ResponseCodes);
    }

    [Fact]
    public void Unsupported_settings_stay_todos()
    {
        var (package, diagnostics) = LowerApi("""
            <cache scope="per-host" hashGenerator="com.acme.MyHash">
              <protocol type="HTTP"><enableCacheControl>true</enableCacheControl><includeAgeHeader>true</includeAgeHeader></protocol>
            </cache><respond/>
            """);

        // The scope and the hash generator; Cache-Control and the Age header are translated.
        Assert.Equal(2, AllSteps(package).OfType<TodoStep>().Count(t => t.Reason.Descriptor == DiagnosticCatalog.AttributeNotTranslated));
        Assert.Equal(2, diagnostics.Items.Count(d => d.Id == DiagnosticCatalog.AttributeNotTranslated.Id));
        Assert.Single(AllSteps(package).OfType<CacheLookupStep>());
    }

    [Theory]
    [InlineData("<protocol type=\"HTTP\"><enableCacheControl>true</enableCacheControl><includeAgeHeader>true</includeAgeHeader></protocol>", true, true)]
    [InlineData("<protocol type=\"HTTP\"><enableCacheControl>true</enableCacheControl><includeAgeHeader>false</includeAgeHeader></protocol>", true, false)]
    [InlineData("<protocol type=\"http\"><includeAgeHeader>true</includeAgeHeader></protocol>", false, true)]
    [InlineData("<protocol type=\"HTTP\"/>", false, false)]
    [InlineData("", false, false)]
    public void Cache_control_and_the_age_header_are_passed_to_the_finder(string protocol, bool cacheControl, bool ageHeader)
    {
        var (package, diagnostics) = LowerApi($"""<cache timeout="60">{protocol}</cache><respond/>""", "");

        var settings = Assert.Single(AllSteps(package).OfType<CacheLookupStep>()).Settings;
        Assert.Equal(cacheControl, settings.CacheControl);
        Assert.Equal(ageHeader, settings.AgeHeader);
        Assert.Empty(AllSteps(package).OfType<TodoStep>());
        Assert.DoesNotContain(diagnostics.Items, d => d.Id == DiagnosticCatalog.AttributeNotTranslated.Id);
    }

    [Fact]
    public void A_protocol_that_is_not_http_reads_no_cache_control()
    {
        // HttpCachingFilter runs for the HTTP protocol only; the other type itself stays a TODO.
        var (package, _) = LowerApi("""<cache><protocol type="SOAP"><enableCacheControl>true</enableCacheControl><includeAgeHeader>true</includeAgeHeader></protocol></cache><respond/>""");

        var settings = Assert.Single(AllSteps(package).OfType<CacheLookupStep>()).Settings;
        Assert.False(settings.CacheControl);
        Assert.False(settings.AgeHeader);
        Assert.Single(AllSteps(package).OfType<TodoStep>());
    }

    [Fact]
    public void A_finder_in_a_named_sequence_answers_through_its_caller_and_a_collector_is_translated()
    {
        // CacheMediator.processRequestMessage returns false on a hit: the sequence, and the flow running it, stop there.
        var diagnostics = new DiagnosticBag();
        var package = Lowerer.Lower([Document("""<cache collector="false"/><cache collector="true"/>""", diagnostics)], diagnostics);
        var function = Assert.Single(package.Functions);

        Assert.True(function.CanStop);
        var lookup = Assert.IsType<CacheLookupStep>(function.Body[0]);
        Assert.IsType<RespondStep>(Assert.Single(lookup.OnHit));
        Assert.IsType<CacheStoreStep>(function.Body[1]);
        Assert.DoesNotContain(diagnostics.Items, d => d.Id == DiagnosticCatalog.MediatorNotTranslated.Id);
    }

    [Fact]
    public void A_caller_of_a_sequence_with_a_finder_returns_the_sequences_answer()
    {
        var diagnostics = new DiagnosticBag();
        var sequence = SynapseParser.ParseText("Lookup.xml", $"""<sequence xmlns="{Synapse}" name="Lookup"><cache collector="false" timeout="60"><onCacheHit sequence="Hit"/></cache></sequence>""", diagnostics);
        var hit = SynapseParser.ParseText("Hit.xml", $"""<sequence xmlns="{Synapse}" name="Hit"><log/></sequence>""", diagnostics);
        var api = SynapseParser.ParseText("A.xml", $"""<api xmlns="{Synapse}" name="A" context="/a"><resource methods="GET"><inSequence><sequence key="Lookup"/><call><endpoint><address uri="http://b/x"/></endpoint></call><respond/></inSequence></resource></api>""", diagnostics);
        var package = Lowerer.Lower([sequence!, hit!, api!], diagnostics);

        var lookupFunction = Assert.Single(package.Functions, f => f.Body.Any(s => s is CacheLookupStep));
        Assert.True(lookupFunction.CanStop);
        var invoke = Assert.Single(package.Services.SelectMany(s => s.Resources).SelectMany(r => IrWalker.Steps(r.Body)).OfType<InvokeStep>(), i => i.Function == lookupFunction.Name);
        Assert.True(invoke.CanStop);
        Assert.DoesNotContain(diagnostics.Items, d => d.Id == DiagnosticCatalog.MediatorNotTranslated.Id);
    }

    [Fact]
    public void The_writer_passes_only_settings_that_differ_from_the_defaults()
    {
        var cache = Single<CacheMediator>("""<cache id="c"/>""");
        var settings = new CacheSettingsIr("c", 20, null, 100, false, ["GET"], [], ["x-a"], null);
        var lines = StatementWriter.Write(new CacheLookupStep(cache, settings, [new RespondStep(cache)]));

        Assert.Equal(
            ["if check cacheLookup(ctx, \"c\", 20, payloadOnly = true, maxMessageSize = 100, methods = [\"GET\"], excludedHeaders = [\"x-a\"]) {", "    return check respond(ctx, headers = passBackHeaders);", "}"],
            lines.Select(l => l.TrimEnd()).ToArray());
        Assert.Equal(["check cacheStore(ctx);"], StatementWriter.Write(new CacheStoreStep(cache)).ToArray());
    }

    [Fact]
    public void The_writer_passes_cache_control_and_the_age_header_when_enabled()
    {
        var cache = Single<CacheMediator>("""<cache id="c"/>""");
        var settings = new CacheSettingsIr("c", 120, null, null, true, [], [], [], "2[0-9][0-9]") { CacheControl = true, AgeHeader = true };
        var lines = StatementWriter.Write(new CacheLookupStep(cache, settings, [new RespondStep(cache)]));

        Assert.Equal(
            "if check cacheLookup(ctx, \"c\", 120, responseCodes = \"2[0-9][0-9]\", cacheControl = true, ageHeader = true) {",
            lines.First().TrimEnd());
    }
}
