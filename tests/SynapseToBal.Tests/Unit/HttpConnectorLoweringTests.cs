using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Lowering;
using SynapseToBal.Syntax;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>The MI 4.4 HTTP connector: <c>&lt;http.init&gt;</c> connections and the http.* operations.</summary>
public sealed class HttpConnectorLoweringTests
{
    private static (PackageIr Package, DiagnosticBag Diagnostics) Lower(string init, string operations) =>
        ArtifactLowering.Definitions($"""<localEntry key="Conn"><http.init>{init}<name>Conn</name></http.init></localEntry><sequence name="flow">{operations}</sequence>""");

    private static List<StepIr> Steps(PackageIr package) => Assert.Single(package.Functions).Body.ToList();

    [Fact]
    public void A_connection_becomes_one_client_and_no_local_entry()
    {
        var (package, diagnostics) = Lower(
            "<baseUrl>http://backend/api</baseUrl><authType>None</authType><timeoutDuration>2500</timeoutDuration><timeoutAction>Never</timeoutAction><retryCount>0</retryCount>",
            """<http.get configKey="Conn"><relativePath>/a</relativePath></http.get><http.get configKey="Conn"><relativePath>/b</relativePath></http.get>""");

        var connection = Assert.Single(package.HttpConnections);
        Assert.Empty(package.LocalEntries);
        Assert.Null(connection.Auth);
        Assert.Equal(2.5m, connection.TimeoutSeconds);
        Assert.Equal("http://backend/api", Assert.Single(package.Configurables, c => c.Name == connection.BaseUrl).DefaultValue);
        Assert.All(Steps(package).OfType<HttpConnectorCallStep>(), s => Assert.Same(connection, s.Connection));
        Assert.Equal(2, Steps(package).OfType<HttpConnectorCallStep>().Count());
        Assert.DoesNotContain(diagnostics.Items, d => d.Descriptor == DiagnosticCatalog.ConnectionNotTranslated || d.Descriptor == DiagnosticCatalog.AttributeNotTranslated);
    }

    [Fact]
    public void A_credential_in_the_relative_path_query_becomes_a_required_configurable()
    {
        var (package, diagnostics) = Lower(
            "<baseUrl>http://backend</baseUrl><authType>None</authType>",
            """<http.get configKey="Conn"><relativePath>/items?page=${vars.page}&amp;api_key=k-Secret-9&amp;sort=asc</relativePath></http.get>""");

        var call = Assert.Single(Steps(package).OfType<HttpConnectorCallStep>());
        var concat = Assert.IsType<ConcatIr>(call.RelativePath);
        var secret = Assert.Single(package.Configurables, c => c.Secret);
        Assert.Null(secret.DefaultValue);
        Assert.Contains(concat.Parts, p => p is ConfigurableReadIr read && read.Configurable == secret.Name);
        Assert.DoesNotContain(concat.Parts, p => p is StringLiteralIr literal && literal.Value.Contains("k-Secret-9", StringComparison.Ordinal));
        Assert.Contains(concat.Parts, p => p is StringLiteralIr { Value: "&sort=asc" });
        Assert.Contains(diagnostics.Items, d => d.Descriptor == DiagnosticCatalog.SecretConfigurable);
    }

    [Theory]
    [InlineData("<authType>Basic Auth</authType><username>svc</username><password>pw-Basic-1</password>", typeof(HttpAuthIr.Basic))]
    [InlineData("<authType>OAuth</authType><oauthGrantType>Client Credentials</oauthGrantType><clientId>id</clientId><clientSecret>pw-Client-1</clientSecret><tokenUrl>http://t</tokenUrl>", typeof(HttpAuthIr.ClientCredentials))]
    [InlineData("<authType>OAuth</authType><oauthGrantType>Password</oauthGrantType><clientId>id</clientId><clientSecret>pw-Client-1</clientSecret><tokenUrl>http://t</tokenUrl><username>u</username><password>pw-Basic-1</password>", typeof(HttpAuthIr.PasswordGrant))]
    [InlineData("<authType>OAuth</authType><oauthGrantType>Authorization Code</oauthGrantType><clientId>id</clientId><clientSecret>pw-Client-1</clientSecret><tokenUrl>http://t</tokenUrl><refreshToken>pw-Refresh-1</refreshToken>", typeof(HttpAuthIr.RefreshToken))]
    [InlineData("<authType>Basic Auth</authType><basicCredentialsUsername>svc</basicCredentialsUsername><basicCredentialsPassword>pw-Basic-1</basicCredentialsPassword>", typeof(HttpAuthIr.Basic))]
    public void Credentials_are_required_configurables_never_literals(string auth, Type kind)
    {
        var (package, diagnostics) = Lower("<baseUrl>http://backend</baseUrl>" + auth, """<http.get configKey="Conn"/>""");

        var connection = Assert.Single(package.HttpConnections);
        Assert.IsType(kind, connection.Auth);
        Assert.DoesNotContain(package.Configurables, c => c.DefaultValue is { } value && value.StartsWith("pw-", StringComparison.Ordinal));
        Assert.All(package.Configurables.Where(c => c.Secret), c => Assert.Null(c.DefaultValue));
        Assert.Contains(diagnostics.Items, d => d.Descriptor == DiagnosticCatalog.SecretConfigurable);
    }

    [Theory]
    [InlineData("{${configs.backendCert}}")]
    [InlineData("${configs.backendCert}")]
    [InlineData("backendCert")]
    public void A_certificate_configurable_becomes_the_clients_trusted_certificate_on_a_required_path(string setting)
    {
        var (package, diagnostics) = Lower(
            $"<baseUrl>https://backend</baseUrl><authType>None</authType><certificateType>Configurable</certificateType><certificateConfigurable>{setting}</certificateConfigurable>",
            """<http.get configKey="Conn"/>""");

        var connection = Assert.Single(package.HttpConnections);
        var certificate = Assert.Single(package.Configurables, c => c.Name == connection.Certificate);
        Assert.Null(certificate.DefaultValue);
        Assert.False(certificate.Secret);
        Assert.Contains("'backendCert' (type cert)", certificate.Description, StringComparison.Ordinal);
        var reported = Assert.Single(diagnostics.Items, d => d.Descriptor == DiagnosticCatalog.ConnectionCertificateTrust);
        Assert.Contains("'backendCert'", reported.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        // certificateType only chooses the tooling's input: neither setting is reported as not applied.
        Assert.DoesNotContain(diagnostics.Items, d => d.Descriptor == DiagnosticCatalog.AttributeNotTranslated);
    }

    [Fact]
    public void A_certificate_configurable_that_names_no_key_is_reported_and_the_client_trusts_the_default_store()
    {
        var (package, diagnostics) = Lower(
            "<baseUrl>https://backend</baseUrl><authType>None</authType><certificateConfigurable>{$ctx:cert}</certificateConfigurable>",
            """<http.get configKey="Conn"/>""");

        Assert.Null(Assert.Single(package.HttpConnections).Certificate);
        var reported = Assert.Single(diagnostics.Items, d => d.Descriptor == DiagnosticCatalog.AttributeNotTranslated);
        Assert.Contains("certificateConfigurable", reported.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.DoesNotContain(diagnostics.Items, d => d.Descriptor == DiagnosticCatalog.ConnectionCertificateTrust);
    }

    [Fact]
    public void Retry_settings_are_the_mark_for_suspension_of_the_connection_endpoint_state()
    {
        var (package, diagnostics) = Lower(
            "<baseUrl>http://backend</baseUrl><authType>None</authType><retryErrorCodes>101503, 101504</retryErrorCodes><retryCount>2</retryCount><retryDelay>1000</retryDelay>",
            """<http.get configKey="Conn"/>""");

        var connection = Assert.Single(package.HttpConnections);
        var state = Assert.IsType<EndpointSuspensionIr>(connection.Suspension);
        Assert.Equal(SuspendingEndpointKind.Http, state.Kind);
        Assert.Equal("Conn_INTERNAL_ENDPOINT_REFERENCE", state.EndpointName);
        Assert.Equal(new[] { 101503, 101504 }, state.TimeoutCodes.ToArray());
        Assert.Empty(state.SuspendCodes);
        Assert.Equal(2, state.RetriesBeforeSuspension);
        Assert.Equal(1000, state.RetryDelayMillis);
        Assert.Null(state.InitialDurationMillis);
        Assert.DoesNotContain(diagnostics.Items, d => d.Descriptor == DiagnosticCatalog.AttributeNotTranslated);
        Assert.Contains(connection.Notes, n => n.Contains("refuses calls for 1 s (retryDelay)", StringComparison.Ordinal));
        Assert.DoesNotContain(connection.Notes, n => n.Contains("http:Client does not", StringComparison.Ordinal));
    }

    [Fact]
    public void Suspend_settings_are_the_suspend_on_failure_of_the_connection_endpoint_state()
    {
        var (package, diagnostics) = Lower(
            "<baseUrl>http://backend</baseUrl><authType>None</authType><suspendErrorCodes>101503,101505</suspendErrorCodes><suspendInitialDuration>2000</suspendInitialDuration><suspendProgressionFactor>1.5</suspendProgressionFactor><suspendMaximumDuration>60000</suspendMaximumDuration>",
            """<http.get configKey="Conn"/>""");

        var state = Assert.IsType<EndpointSuspensionIr>(Assert.Single(package.HttpConnections).Suspension);
        Assert.Equal(new[] { 101503, 101505 }, state.SuspendCodes.ToArray());
        Assert.Equal(2000, state.InitialDurationMillis);
        Assert.Equal(1.5, state.ProgressionFactor);
        Assert.Equal(60000, state.MaximumDurationMillis);
        Assert.Empty(state.TimeoutCodes);
        Assert.DoesNotContain(diagnostics.Items, d => d.Descriptor == DiagnosticCatalog.AttributeNotTranslated);
    }

    [Fact]
    public void Suspension_switched_off_keeps_no_state_and_says_so()
    {
        var (package, _) = Lower(
            "<baseUrl>http://backend</baseUrl><authType>None</authType><suspendErrorCodes>-1</suspendErrorCodes><retryErrorCodes>-1</retryErrorCodes>",
            """<http.get configKey="Conn"/>""");

        var connection = Assert.Single(package.HttpConnections);
        Assert.Null(connection.Suspension);
        Assert.Contains(connection.Notes, n => n.Contains("Suspension is switched off", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("<suspendInitialDuration>30s</suspendInitialDuration>", "suspendInitialDuration")]
    [InlineData("<retryErrorCodes>101503;101504</retryErrorCodes>", "retryErrorCodes")]
    public void A_suspension_setting_that_is_no_number_keeps_no_state_and_is_reported(string setting, string name)
    {
        var (package, diagnostics) = Lower("<baseUrl>http://backend</baseUrl><authType>None</authType>" + setting, """<http.get configKey="Conn"/>""");

        Assert.Null(Assert.Single(package.HttpConnections).Suspension);
        var reported = Assert.Single(diagnostics.Items, d => d.Descriptor == DiagnosticCatalog.AttributeNotTranslated);
        var message = reported.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains(name, message, StringComparison.Ordinal);
        Assert.Contains("fails to deploy", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_trust_store_certificate_path_is_reported_as_not_read_by_the_micro_integrator()
    {
        var (package, diagnostics) = Lower(
            "<baseUrl>https://backend</baseUrl><authType>None</authType><certificateType>File</certificateType><trustStoreCertificatePath>resources:certificates/b.crt</trustStoreCertificatePath>",
            """<http.get configKey="Conn"/>""");

        Assert.Null(Assert.Single(package.HttpConnections).Certificate);
        var reported = Assert.Single(diagnostics.Items, d => d.Descriptor == DiagnosticCatalog.AttributeNotTranslated);
        Assert.Contains("does not read it", reported.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<authType>Digest</authType>", "authType 'Digest'")]
    [InlineData("<authType>OAuth</authType><oauthGrantType>Implicit</oauthGrantType>", "oauthGrantType 'Implicit'")]
    [InlineData("<authType>Basic Auth</authType><username>svc</username>", "needs 'password'")]
    public void A_connection_that_cannot_be_translated_keeps_its_entry_and_its_operations_stay_todos(string auth, string reason)
    {
        var (package, diagnostics) = Lower("<baseUrl>http://backend</baseUrl>" + auth, """<http.post configKey="Conn"><relativePath>/x</relativePath></http.post>""");

        Assert.Empty(package.HttpConnections);
        Assert.Single(package.LocalEntries);
        Assert.Contains(diagnostics.Items, d => d.Descriptor == DiagnosticCatalog.ConnectionNotTranslated);
        var todo = Assert.IsType<TodoStep>(Assert.Single(Steps(package)));
        Assert.Equal(DiagnosticCatalog.ConnectorOperationNotTranslated, todo.Reason.Descriptor);
        Assert.Contains(reason, todo.Reason.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Path_headers_and_body_keep_their_expressions()
    {
        var (package, _) = Lower("<baseUrl>http://backend</baseUrl>", """
            <http.post configKey="Conn">
                <relativePath>/orders/${vars.id}</relativePath>
                <headers>[["X-Id","${vars.id}"],{"Accept":"application/json"},]</headers>
                <requestBodyType>TEXT</requestBodyType>
                <requestBodyJson></requestBodyJson>
                <requestBodyText>order ${vars.id}</requestBodyText>
                <responseVariable>r</responseVariable>
                <overwriteBody>True</overwriteBody>
            </http.post>
            """);

        var call = Assert.IsType<HttpConnectorCallStep>(Assert.Single(Steps(package)));
        Assert.Equal("POST", call.Method);
        Assert.Equal(HttpBodyType.Text, call.BodyType);
        Assert.Equal("r", call.ResponseVariable);
        Assert.True(call.OverwriteBody);
        var path = Assert.IsType<ConcatIr>(call.RelativePath);
        Assert.Equal(new StringLiteralIr("/orders/"), path.Parts[0]);
        Assert.Equal(new VariableReadIr("id"), path.Parts[1]);
        Assert.Equal(2, call.Headers.Length);
        Assert.Equal(new StringLiteralIr("Accept"), call.Headers[1].Name);
        Assert.IsType<ConcatIr>(call.Body);
    }

    [Fact]
    public void The_get_and_delete_operations_send_no_request_body()
    {
        var (package, _) = Lower("<baseUrl>http://backend</baseUrl>", """
            <http.get configKey="Conn"><requestBodyType>XML</requestBodyType><requestBodyXml><a/></requestBodyXml></http.get>
            <http.delete configKey="Conn"><requestBodyType>JSON</requestBodyType><requestBodyJson>{"a":1} </requestBodyJson></http.delete>
            """);

        Assert.All(Steps(package).Cast<HttpConnectorCallStep>(), s => Assert.Null(s.BodyType));
    }

    [Theory]
    [InlineData("<forceHttp10>TRUE</forceHttp10>", "forceHttp10")]
    [InlineData("<forceHttpContentLength>true</forceHttpContentLength>", "forceHttpContentLength is set without copyContentLengthFromIncoming")]
    [InlineData("<httpSc>201</httpSc>", "httpSc")]
    [InlineData("<headers>\"x\"</headers>", "not a JSON array")]
    [InlineData("<headers>{\"a\":\"b\"}</headers>", "computed at run time")]
    [InlineData("<headers>[[\"a\", 1]]</headers>", "not a name/value pair")]
    [InlineData("<requestBodyType>YAML</requestBodyType>", "YAML")]
    [InlineData("<responseVariable>{$ctx:v}</responseVariable>", "responseVariable")]
    public void Settings_the_call_does_not_reproduce_keep_the_operation_a_todo(string parameter, string reason)
    {
        var (package, _) = Lower("<baseUrl>http://backend</baseUrl>", $"""<http.put configKey="Conn">{parameter}</http.put>""");

        var todo = Assert.IsType<TodoStep>(Assert.Single(Steps(package)));
        Assert.Contains(reason, todo.Reason.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Transport_flags_call_a_second_client_of_the_connection_per_configuration()
    {
        // The template sets DISABLE_CHUNKING, FORCE_HTTP_1.0 and NO_KEEPALIVE for its one call; the pass-through sender
        // takes each when it is the string "true".
        var (package, _) = Lower("<baseUrl>http://backend</baseUrl>", """
            <http.post configKey="Conn"><disableChunking>true</disableChunking></http.post>
            <http.put configKey="Conn"><disableChunking>true</disableChunking><noKeepAlive>false</noKeepAlive></http.put>
            <http.get configKey="Conn"><forceHttp10>true</forceHttp10><noKeepAlive>true</noKeepAlive></http.get>
            <http.patch configKey="Conn"><forceHttpContentLength>true</forceHttpContentLength><copyContentLengthFromIncoming>true</copyContentLengthFromIncoming></http.patch>
            <http.delete configKey="Conn"/>
            """);

        var calls = Steps(package).Cast<HttpConnectorCallStep>().ToList();
        Assert.Equal(5, calls.Count);
        var own = calls[4].Connection;
        Assert.Null(own.VariantOf);
        Assert.Null(own.Transport);
        Assert.False(own.NoKeepAlive);

        Assert.Equal(HttpTransport.Http11NoChunking, calls[0].Connection.Transport);
        Assert.False(calls[0].Connection.NoKeepAlive);
        Assert.Equal(own.Name, calls[0].Connection.VariantOf);
        Assert.Same(calls[0].Connection, calls[1].Connection);
        Assert.Same(calls[0].Connection, calls[3].Connection);

        Assert.Equal(HttpTransport.Http10, calls[2].Connection.Transport);
        Assert.True(calls[2].Connection.NoKeepAlive);
        Assert.Equal(own.Suspension, calls[2].Connection.Suspension);
        Assert.Equal(3, package.HttpConnections.Length);
    }

    [Fact]
    public void A_credential_written_in_a_header_becomes_a_required_configurable()
    {
        var (package, _) = Lower("<baseUrl>http://backend</baseUrl>", """<http.get configKey="Conn"><headers>[["Authorization","Bearer pw-Header-1"]]</headers></http.get>""");

        var call = Assert.IsType<HttpConnectorCallStep>(Assert.Single(Steps(package)));
        var read = Assert.IsType<ConfigurableReadIr>(Assert.Single(call.Headers).Value);
        var configurable = Assert.Single(package.Configurables, c => c.Name == read.Configurable);
        Assert.True(configurable.Secret);
        Assert.Null(configurable.DefaultValue);
    }

    [Fact]
    public void A_base_url_from_the_configuration_or_the_vault_is_a_required_configurable()
    {
        var (package, _) = Lower(
            "<baseUrl>{${configs.backendUrl}}</baseUrl><authType>Basic Auth</authType><username>svc</username><password>{wso2:vault-lookup('backend.pw')}</password>",
            """<http.get configKey="Conn"/>""");

        var connection = Assert.Single(package.HttpConnections);
        Assert.Null(Assert.Single(package.Configurables, c => c.Name == connection.BaseUrl).DefaultValue);
        var basic = Assert.IsType<HttpAuthIr.Basic>(connection.Auth);
        Assert.Contains("backend.pw", basic.Password.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void A_path_inside_a_variable_reads_the_response_variable()
    {
        var translator = new ExpressionTranslator(new Dictionary<string, Symbol>(), _ => throw new InvalidOperationException());
        var expression = ExpressionSyntax.Create("${vars.r.payload.items[0]['na-me']}", System.Collections.Immutable.ImmutableDictionary<string, string>.Empty, SourceLocation.FileStart("test.xml"));

        // A missing key fails the MI's evaluation (a warning and ""): the read is inside Builtin.SynapseValue.
        var guard = Assert.IsType<BuiltinCallIr>(translator.Value(expression));
        Assert.Equal(Builtin.SynapseValue, guard.Function);
        var read = Assert.IsType<VariableReadIr>(guard.Arguments[0]);
        Assert.Equal("r", read.Name);
        Assert.Equal("$.payload.items[0]['na-me']", read.Path);
    }
}
