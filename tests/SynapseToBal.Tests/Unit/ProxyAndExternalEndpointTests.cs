using System.Globalization;
using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Lowering;
using SynapseToBal.Syntax;
using Xunit;

namespace SynapseToBal.Tests.Unit;

public sealed class ProxyAndExternalEndpointTests
{
    private static PackageIr Lower(string artifacts, out DiagnosticBag diagnostics)
    {
        diagnostics = new DiagnosticBag();
        var document = SynapseParser.ParseText("artifacts.xml", $"<definitions xmlns=\"http://ws.apache.org/ns/synapse\">{artifacts}</definitions>", diagnostics);
        Assert.NotNull(document);
        return Lowerer.Lower([document], diagnostics);
    }

    private static IEnumerable<StepIr> Steps(PackageIr package) =>
        package.Services.SelectMany(s => s.Resources).SelectMany(r => r.Body).Concat(package.Functions.SelectMany(f => f.Body));

    [Fact]
    public void A_call_to_an_endpoint_key_the_input_does_not_define_goes_to_one_client_on_a_required_url()
    {
        var package = Lower("""
            <sequence name="s">
              <call><endpoint key="gov:/endpoints/QuoteEP.xml"/></call>
              <send><endpoint key="gov:/endpoints/QuoteEP.xml"/></send>
            </sequence>
            """, out var diagnostics);

        var client = Assert.Single(package.Clients);
        Assert.Equal("gov:/endpoints/QuoteEP.xml", client.SynapseName);
        Assert.Equal(120m, client.TimeoutSeconds);
        Assert.Null(client.Format);
        var url = package.Configurables.Single(c => c.Name == client.UrlConfigurable);
        // Required: no default value, and not a secret (a placeholder in Config.toml, with a comment naming the key).
        Assert.Null(url.DefaultValue);
        Assert.False(url.Secret);
        Assert.Contains("gov:/endpoints/QuoteEP.xml", url.Description, StringComparison.Ordinal);

        var calls = Steps(package).OfType<CallStep>().ToList();
        Assert.Equal(2, calls.Count);
        Assert.All(calls, c => Assert.Same(client, c.Client));
        Assert.All(calls, c => Assert.IsType<HttpPathIr.Postfix>(c.Path));
        Assert.DoesNotContain(Steps(package), s => s is TodoStep);

        // One warning per use, plus the reference graph's unresolved reference.
        var warnings = diagnostics.Items.Where(d => d.Id == DiagnosticCatalog.EndpointNotInInput.Id).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.Contains("'gov:/endpoints/QuoteEP.xml'", warnings[0].GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Contains(diagnostics.Items, d => d.Id == DiagnosticCatalog.UnresolvedReference.Id);
    }

    [Fact]
    public void A_dynamic_endpoint_key_stays_a_todo()
    {
        var package = Lower("""
            <sequence name="s"><send><endpoint key-expression="get-property('target')"/></send></sequence>
            """, out var diagnostics);

        Assert.Empty(package.Clients);
        Assert.Contains(Steps(package), s => s is TodoStep);
        Assert.Contains(diagnostics.Items, d => d.Id == DiagnosticCatalog.DynamicKey.Id);
        Assert.DoesNotContain(diagnostics.Items, d => d.Id == DiagnosticCatalog.EndpointNotInInput.Id);
    }

    [Theory]
    [InlineData("QuoteEP", "QuoteEP")]
    [InlineData("gov:/endpoints/QuoteEP.xml", "QuoteEP")]
    [InlineData("conf:endpoints/stock/QuoteEP.xml", "QuoteEP")]
    [InlineData("gov:/", "external endpoint")]
    public void The_client_of_an_external_key_is_named_after_the_key_s_file_name(string key, string expected) =>
        Assert.Equal(expected, Lowerer.ExternalEndpointName(key));
    [Fact]
    public void Suspension_settings_that_switch_it_off_match_http_client_and_are_not_reported()
    {
        var package = Lower("""
            <endpoint name="E"><address uri="http://a.example.com">
              <suspendOnFailure><errorCodes>-1</errorCodes><initialDuration>0</initialDuration><progressionFactor>1.0</progressionFactor><maximumDuration>0</maximumDuration></suspendOnFailure>
              <markForSuspension><errorCodes>-1</errorCodes><retriesBeforeSuspension>0</retriesBeforeSuspension><retryDelay>0</retryDelay></markForSuspension>
            </address></endpoint>
            """, out var diagnostics);

        var client = Assert.Single(package.Clients);
        Assert.Contains(client.Notes, n => n.StartsWith("Suspension is switched off", StringComparison.Ordinal));
        Assert.DoesNotContain(diagnostics.Items, d => d.Id == DiagnosticCatalog.AttributeNotTranslated.Id);
    }

    [Fact]
    public void Explicit_suspension_settings_are_described_with_their_values_and_kept_as_the_endpoint_s_state()
    {
        var package = Lower("""
            <endpoint name="E"><address uri="http://a.example.com">
              <suspendOnFailure><errorCodes>101503,101505</errorCodes><initialDuration>1000</initialDuration><progressionFactor>2</progressionFactor><maximumDuration>60000</maximumDuration></suspendOnFailure>
              <markForSuspension><errorCodes>101504</errorCodes><retriesBeforeSuspension>3</retriesBeforeSuspension><retryDelay>500</retryDelay></markForSuspension>
            </address></endpoint>
            """, out var diagnostics);

        var note = Assert.Single(Assert.Single(package.Clients).Notes, n => n.StartsWith("Synapse suspends", StringComparison.Ordinal));
        Assert.Contains("for 1 s after errors 101503, 101505, each later suspension 2 times the last, at most 60 s", note, StringComparison.Ordinal);
        Assert.Contains("after errors 101504 it marks it for suspension: it refuses calls for 0.5 s (retryDelay), and after up to 3 more such failure(s) suspends it for 1 s", note, StringComparison.Ordinal);
        Assert.Contains("The generated calls and sends through it, blocking calls and callouts included, keep this state as Synapse's EndpointContext does", note, StringComparison.Ordinal);
        Assert.NotNull(Assert.Single(package.Clients).Suspension);
        Assert.DoesNotContain(diagnostics.Items, d => d.Id == DiagnosticCatalog.AttributeNotTranslated.Id && d.GetMessage(CultureInfo.InvariantCulture).Contains("suspendOnFailure", StringComparison.Ordinal));
    }

    [Fact]
    public void A_negative_initial_duration_is_synapse_s_30_second_default()
    {
        var (note, suspends) = Lowerer.DescribeSuspension(EndpointQualities.None with { SuspendInitialDurationMillis = -1 });
        Assert.True(suspends);
        Assert.StartsWith("Synapse suspends this endpoint for 30 s after any other error; after a timeout or closed connection (101504, 101505) it suspends it for 30 s", note, StringComparison.Ordinal);
    }

    [Theory]
    // EndpointContext.computeNextRetryTimeForSuspended: a negative product is the 30 s default, so a factor of -1
    // with an initial duration of -1 and a maximum of 0 suspends for 30 s every time.
    [InlineData(-1L, -1.0, 0L, "for 30 s after any other error;")]
    // A factor of 0: the first suspension lasts 5 s, every later one 0 s.
    [InlineData(5000L, 0.0, 60000L, "for 5 s after any other error, each later suspension 0 s;")]
    // A factor that grows the duration.
    [InlineData(1000L, 2.0, 60000L, "for 1 s after any other error, each later suspension 2 times the last, at most 60 s;")]
    // Already at the maximum: growing changes nothing.
    [InlineData(60000L, 2.0, 60000L, "for 60 s after any other error;")]
    public void Later_suspensions_are_described_as_synapse_computes_them(long initial, double factor, long maximum, string expected)
    {
        var (note, suspends) = Lowerer.DescribeSuspension(EndpointQualities.None with
        {
            SuspendInitialDurationMillis = initial,
            SuspendProgressionFactor = factor,
            SuspendMaximumDurationMillis = maximum,
        });
        Assert.True(suspends);
        Assert.Contains("Synapse suspends this endpoint " + expected, note, StringComparison.Ordinal);
    }

    [Fact]
    public void A_proxy_target_endpoint_after_out_only_is_sent_out_only_and_the_client_gets_202()
    {
        // ProxyServiceMessageReceiver sends the target with endpoint.send; Axis2FlexibleMEPClient sends out-only when
        // OUT_ONLY is "true": no response comes back, so the out flow does not run and the client is not answered with one.
        var package = Lower("""
            <proxy name="P"><target>
              <inSequence><property name="OUT_ONLY" value="true"/><property name="FORCE_SC_ACCEPTED" value="true" scope="axis2"/></inSequence>
              <outSequence><send/></outSequence>
              <endpoint><address uri="http://backend.example.com/q"/></endpoint>
            </target></proxy>
            """, out var diagnostics);

        var flow = Assert.Single(package.Functions, f => f.Kind == FunctionKind.InFlow).Body;
        Assert.True(Assert.Single(flow.OfType<CallStep>()).OutOnly);
        Assert.IsType<AcceptStep>(flow[^1]);
        Assert.DoesNotContain(flow, s => s is RespondStep);
        Assert.DoesNotContain(diagnostics.Items, d => d.Id == DiagnosticCatalog.ResponseHang.Id);
    }

    [Fact]
    public void A_proxy_target_endpoint_after_out_only_alone_reports_that_the_client_gets_no_answer()
    {
        var package = Lower("""
            <proxy name="P"><target>
              <inSequence><property name="OUT_ONLY" value="true"/></inSequence>
              <endpoint><address uri="http://backend.example.com/q"/></endpoint>
            </target></proxy>
            """, out var diagnostics);

        var flow = Assert.Single(package.Functions, f => f.Kind == FunctionKind.InFlow).Body;
        Assert.True(Assert.Single(flow.OfType<CallStep>()).OutOnly);
        Assert.IsType<AcceptStep>(flow[^1]);
        Assert.Contains(diagnostics.Items, d => d.Id == DiagnosticCatalog.ResponseHang.Id);
    }

    [Fact]
    public void A_proxy_target_endpoint_after_force_sc_accepted_answers_202_and_discards_the_response()
    {
        var package = Lower("""
            <proxy name="P"><target>
              <inSequence><property name="FORCE_SC_ACCEPTED" value="true" scope="axis2"/></inSequence>
              <endpoint><address uri="http://backend.example.com/q"/></endpoint>
            </target></proxy>
            """, out _);

        var flow = Assert.Single(package.Functions, f => f.Kind == FunctionKind.InFlow).Body;
        Assert.False(Assert.Single(flow.OfType<CallStep>()).OutOnly);
        Assert.IsType<AcceptStep>(flow[^1]);
        Assert.DoesNotContain(flow, s => s is RespondStep);
    }

    [Fact]
    public void A_proxy_target_endpoint_after_out_only_on_some_paths_is_reported()
    {
        var package = Lower("""
            <proxy name="P"><target>
              <inSequence><filter xpath="$trp:X = 'y'"><then><property name="OUT_ONLY" value="true"/></then></filter></inSequence>
              <endpoint><address uri="http://backend.example.com/q"/></endpoint>
            </target></proxy>
            """, out var diagnostics);

        var flow = Assert.Single(package.Functions, f => f.Kind == FunctionKind.InFlow).Body;
        Assert.False(Assert.Single(flow.OfType<CallStep>()).OutOnly);
        Assert.Contains(diagnostics.Items, d => d.Id == DiagnosticCatalog.AttributeNotTranslated.Id && d.GetMessage(CultureInfo.InvariantCulture).Contains("OUT_ONLY", StringComparison.Ordinal));
    }

    [Fact]
    public void A_proxy_is_served_at_its_axis2_endpoint_addresses_by_one_flow_function()
    {
        var package = Lower("""
            <proxy name="P" transports="http https"><target><inSequence><respond/></inSequence></target></proxy>
            <proxy name="S" transports="https"><target><inSequence><respond/></inSequence></target></proxy>
            """, out _);

        // Exposed on http and https (with an HTTPS listener in the package): both sets of endpoint names, on both listeners.
        var p = package.Services.Where(s => s.Name == "P").Select(s => s.BasePath).ToArray();
        Assert.Equal(["/services/P", "/services/P.PHttpSoap11Endpoint", "/services/P.PHttpSoap12Endpoint", "/services/P.PHttpEndpoint", "/services/P.PHttpsSoap11Endpoint", "/services/P.PHttpsSoap12Endpoint", "/services/P.PHttpsEndpoint"], p);
        Assert.All(package.Services.Where(s => s.Name == "P"), service => Assert.True(!service.HttpsOnly && service.OnHttps));
        // Exposed on https only: on the HTTPS listener alone, with its Https endpoint names.
        var s = package.Services.Where(s => s.Name == "S").Select(s => s.BasePath).ToArray();
        Assert.Equal(["/services/S", "/services/S.SHttpsSoap11Endpoint", "/services/S.SHttpsSoap12Endpoint", "/services/S.SHttpsEndpoint"], s);
        Assert.All(package.Services.Where(s => s.Name == "S"), service => Assert.True(!!service.HttpsOnly && service.OnHttps));
        Assert.NotNull(package.HttpsListener?.KeyStore);

        var flow = Assert.Single(package.Functions, f => f.Kind == FunctionKind.InFlow && f.Summary.Contains("proxy service P,", StringComparison.Ordinal));
        Assert.All(package.Services.Where(s => s.Name == "P"), service =>
        {
            var resource = Assert.Single(service.Resources);
            var step = Assert.IsType<ContinueWithStep>(Assert.Single(resource.Body));
            Assert.Equal(flow.Name, step.Function);
        });
    }
    [Fact]
    public void Without_a_proxy_naming_https_every_service_is_on_the_http_listener_alone()
    {
        var package = Lower("""
            <proxy name="P"><target><inSequence><respond/></inSequence></target></proxy>
            <api name="A" context="/a"><resource methods="GET"><inSequence><respond/></inSequence></resource></api>
            """, out _);

        Assert.Null(package.HttpsListener);
        Assert.All(package.Services, service => Assert.True(!service.HttpsOnly && !service.OnHttps));
        Assert.DoesNotContain(package.Services, service => service.BasePath.Contains("Https", StringComparison.Ordinal));
    }

    [Fact]
    public void A_proxy_exposed_on_http_alone_is_also_on_the_https_listener_as_axis2_accepts_https_for_http()
    {
        var package = Lower("""
            <proxy name="H" transports="http"><target><inSequence><respond/></inSequence></target></proxy>
            <proxy name="S" transports="https"><target><inSequence><respond/></inSequence></target></proxy>
            <api name="A" context="/a"><resource methods="GET"><inSequence><respond/></inSequence></resource></api>
            """, out var diagnostics);

        Assert.All(package.Services.Where(s => s.Name == "H"), service => Assert.True(!service.HttpsOnly && service.OnHttps));
        Assert.DoesNotContain(package.Services, service => service.Name == "H" && service.BasePath.Contains("Https", StringComparison.Ordinal));
        Assert.True(Assert.Single(package.Services, s => s.Kind == ServiceKind.Api).OnHttps);
        // The key store password is a required secret configurable, never a literal.
        var password = Assert.Single(package.Configurables, c => c.Name == package.HttpsListener!.KeyStore!.Password);
        Assert.True(password.Secret);
        Assert.Null(password.DefaultValue);
        Assert.Contains(diagnostics.Items, d => d.Id == DiagnosticCatalog.SecretConfigurable.Id);
    }

    [Fact]
    public void A_send_to_a_recipient_list_with_out_only_is_a_parallel_fork_of_out_only_calls()
    {
        var package = Lower("""
            <api name="A" context="/a"><resource methods="POST"><inSequence>
              <property name="OUT_ONLY" value="true"/>
              <property name="FORCE_SC_ACCEPTED" value="true" scope="axis2"/>
              <send><endpoint><recipientlist><endpoints value="http://x.example.com, http://y.example.com"/></recipientlist></endpoint></send>
            </inSequence></resource></api>
            """, out _);

        var body = Assert.Single(Assert.Single(package.Services).Resources).Body;
        var fork = Assert.Single(body.OfType<ForkStep>());
        Assert.True(fork.Parallel);
        Assert.Null(fork.Aggregation);
        Assert.IsType<ForkSourceIr.Copies>(fork.Source);
        Assert.IsType<AcceptStep>(body[^1]);
        var urls = fork.Branches.Select(b => package.Functions.Single(f => f.Name == b))
            .Select(f => Assert.IsType<CallStep>(Assert.Single(f.Body)))
            .Select(c => { Assert.True(c.OutOnly); return package.Configurables.Single(u => u.Name == c.Client.UrlConfigurable).DefaultValue; })
            .ToArray();
        Assert.Equal(new string?[] { "http://x.example.com", "http://y.example.com" }, urls);
    }

    [Fact]
    public void A_send_to_a_recipient_list_without_out_only_stays_a_todo()
    {
        var package = Lower("""
            <api name="A" context="/a"><resource methods="POST"><inSequence>
              <send><endpoint><recipientlist><endpoint><address uri="http://x.example.com"/></endpoint></recipientlist></endpoint></send>
            </inSequence></resource></api>
            """, out var diagnostics);

        Assert.Contains(Assert.Single(Assert.Single(package.Services).Resources).Body, s => s is TodoStep);
        Assert.DoesNotContain(Steps(package), s => s is ForkStep);
        Assert.Contains(diagnostics.Items, d => d.Id == DiagnosticCatalog.EndpointNotTranslated.Id);
    }
    [Fact]
    public void A_group_member_the_input_does_not_define_uses_the_key_s_required_url()
    {
        var package = Lower("""
            <endpoint name="F"><failover><endpoint name="a"><address uri="http://a.example.com"/></endpoint><endpoint key="gov:/endpoints/Backup.xml"/></failover></endpoint>
            """, out var diagnostics);

        var group = Assert.Single(package.Clients, c => c.SynapseName == "F").Group!;
        var external = Assert.Single(package.Clients, c => c.SynapseName == "gov:/endpoints/Backup.xml");
        Assert.Equal(external.UrlConfigurable, group.MemberUrls[1]);
        Assert.Null(package.Configurables.Single(c => c.Name == external.UrlConfigurable).DefaultValue);
        Assert.Contains(diagnostics.Items, d => d.Id == DiagnosticCatalog.EndpointNotInInput.Id);
        Assert.DoesNotContain(diagnostics.Items, d => d.Id == DiagnosticCatalog.GroupMemberNotTranslated.Id);
    }
}
