using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Syntax;
using SynapseToBal.Syntax.Expressions;

namespace SynapseToBal.Lowering;

// The MI 4.4 HTTP connector (wso2-extensions/mi-connector-http): <http.init> connections (local entries) become
// http:Clients, the http.get|post|put|patch|delete|head|options operations calls on them.
public sealed partial class Lowerer
{
    private readonly Dictionary<string, HttpConnectionIr> _httpConnections = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _httpConnectionProblems = new(StringComparer.Ordinal);
    private readonly List<HttpConnectionIr> _httpConnectionList = new();

    /// <summary>The operations of the HTTP connector, each the HTTP method it sends.</summary>
    private static readonly Dictionary<string, string> HttpOperations = new(StringComparer.Ordinal)
    {
        ["get"] = "GET",
        ["post"] = "POST",
        ["put"] = "PUT",
        ["patch"] = "PATCH",
        ["delete"] = "DELETE",
        ["head"] = "HEAD",
        ["options"] = "OPTIONS",
    };

    /// <summary>A whole value that is a secure vault lookup: <c>{wso2:vault-lookup('alias')}</c>.</summary>
    private static readonly Regex ConnectionVault = new(@"^\s*\{\s*wso2:vault-lookup\(\s*'(?<alias>[^']+)'\s*\)\s*\}\s*$", RegexOptions.CultureInvariant);

    /// <summary>A bare configuration key name, as the tooling may write a certificateConfigurable.</summary>
    private static readonly Regex CertificateKey = new(@"^[A-Za-z_][\w.\-]*$", RegexOptions.CultureInvariant);

    /// <summary>A whole value read from the Micro Integrator's configuration: <c>{${configs.name}}</c> or <c>${configs.name}</c>.</summary>
    private static readonly Regex ConnectionConfig = new(@"^\s*\{?\s*\$\{\s*configs\.(?<name>[A-Za-z_][\w.\-]*)\s*\}\s*\}?\s*$", RegexOptions.CultureInvariant);

    /// <summary>
    /// The names earlier MI 4.4 tooling wrote for the credentials (HTTPConnectionUtils read them before January 2025),
    /// read as the names the released Micro Integrator reads.
    /// </summary>
    private static readonly Dictionary<string, string> HttpSettingAliases = new(StringComparer.Ordinal)
    {
        ["basicCredentialsUsername"] = "username",
        ["basicCredentialsPassword"] = "password",
        ["oauthAuthorizationClientId"] = "clientId",
        ["oauthAuthorizationClientSecret"] = "clientSecret",
        ["oauthAuthorizationTokenUrl"] = "tokenUrl",
        ["oauthAuthorizationRefreshToken"] = "refreshToken",
        ["oauthAuthorizationAdditionalProperties"] = "additionalProperties",
        ["oauthPasswordGrantUsername"] = "username",
        ["oauthPasswordGrantPassword"] = "password",
    };

    /// <summary>
    /// Connection settings that change nothing at their default value (the values MI's connection form writes), and
    /// those that name or describe the connection only.
    /// </summary>
    private static readonly Dictionary<string, string[]> HttpInertSettings = new(StringComparer.Ordinal)
    {
        ["connectionType"] = [],
        ["name"] = [],
        ["miscellaneousDescription"] = [],
        ["timeoutAction"] = ["never", "fault"],
        ["trace"] = ["disable"],
        // Chooses only which certificate input the tooling shows (File: trustStoreCertificatePath, Configurable: certificateConfigurable).
        ["certificateType"] = [],
        ["statistics"] = ["disable"],
        ["qualityServiceAddressOption"] = ["disable"],
        ["qualityServiceSecurityOption"] = ["disable"],
    };

    /// <summary>
    /// An <c>&lt;http.init&gt;</c> local entry: one http:Client on its base URL (HTTPConnectionUtils turns the same
    /// settings into the endpoint the operations call). False when the connection cannot be translated; the reason
    /// is kept for the operations that use it.
    /// </summary>
    private bool TryLowerHttpConnection(LocalEntrySyntax entry, string xml)
    {
        if (ConnectionSettings(entry, xml, _httpConnectionProblems, "http.init", HttpSettingAliases) is not { } settings)
        {
            return false;
        }

        string? Setting(string name) => settings.TryGetValue(name, out var value) && value.Trim().Length > 0 ? value.Trim() : null;

        if (Setting("baseUrl") is not { } baseUrl)
        {
            _httpConnectionProblems[entry.Name] = "the connection has no baseUrl";
            return false;
        }

        // What the authentication needs, checked before anything is declared: (setting, is a credential).
        var handled = new HashSet<string>(StringComparer.Ordinal) { "baseUrl", "authType" };
        var authType = Setting("authType");
        var mode = Setting("oauthAuthorizationMode");
        var grant = Setting("oauthGrantType");
        var inBody = string.Equals(mode, "Payload", StringComparison.OrdinalIgnoreCase);
        (string Setting, bool Secret)[] needed;
        string? problem = null;
        if (authType is null || string.Equals(authType, "None", StringComparison.OrdinalIgnoreCase))
        {
            needed = [];
        }
        else if (string.Equals(authType, "Basic Auth", StringComparison.OrdinalIgnoreCase))
        {
            needed = [("username", false), ("password", true)];
        }
        else if (!string.Equals(authType, "OAuth", StringComparison.OrdinalIgnoreCase))
        {
            needed = [];
            problem = $"its authType '{authType}' is not one the Micro Integrator knows (None, Basic Auth, OAuth)";
        }
        else if (mode is not null && !inBody && !string.Equals(mode, "Header", StringComparison.OrdinalIgnoreCase))
        {
            needed = [];
            problem = $"its oauthAuthorizationMode '{mode}' is neither Header nor Payload";
        }
        else if (string.Equals(grant, "Client Credentials", StringComparison.OrdinalIgnoreCase))
        {
            needed = [("tokenUrl", false), ("clientId", false), ("clientSecret", true)];
        }
        else if (string.Equals(grant, "Password", StringComparison.OrdinalIgnoreCase))
        {
            needed = [("tokenUrl", false), ("username", false), ("password", true), ("clientId", false), ("clientSecret", true)];
        }
        else if (string.Equals(grant, "Authorization Code", StringComparison.OrdinalIgnoreCase))
        {
            needed = [("tokenUrl", false), ("refreshToken", true), ("clientId", false), ("clientSecret", true)];
        }
        else
        {
            // HTTPConnectionUtils adds no authentication for any other grant (nor for none).
            needed = [];
            problem = $"its oauthGrantType '{grant}' is not one the Micro Integrator knows (Authorization Code, Client Credentials, Password), so it would send no credentials";
        }

        if (string.Equals(authType, "OAuth", StringComparison.OrdinalIgnoreCase))
        {
            handled.UnionWith(["oauthGrantType", "oauthAuthorizationMode"]);
        }

        foreach (var (setting, _) in needed.Prepend(("baseUrl", false)))
        {
            handled.Add(setting);
            if (Setting(setting) is not { } text)
            {
                problem ??= $"its authentication needs '{setting}', which it does not set";
            }
            else if (text.StartsWith('{') && text.EndsWith('}') && !ConnectionVault.IsMatch(text) && !ConnectionConfig.IsMatch(text))
            {
                problem ??= $"its {setting} is an expression ({text}) evaluated on the message when the connection is used";
            }
        }

        if (problem is not null)
        {
            _httpConnectionProblems[entry.Name] = problem;
            return false;
        }

        var configurables = new List<ConfigurableIr>();
        var reports = new List<(string Setting, string Why)>();

        Symbol Value(string setting, bool secret)
        {
            var text = Setting(setting)!;
            var what = $"{entry.Name} {setting}";
            if (ConnectionVault.Match(text) is { Success: true } vault)
            {
                return DeclareSecret(vault.Groups["alias"].Value);
            }

            var symbol = _symbols.Module(SymbolKind.Configurable, what);
            if (ConnectionConfig.Match(text) is { Success: true } config)
            {
                configurables.Add(new ConfigurableIr(symbol, ConfigurableType.String, null, $"'{setting}' of the HTTP connection '{entry.Name}': the Micro Integrator reads it from its configuration (configs.{config.Groups["name"].Value}).", secret));
            }
            else if (secret)
            {
                // Never a literal: a required configurable, whatever the input holds.
                configurables.Add(new ConfigurableIr(symbol, ConfigurableType.String, null, $"The '{setting}' credential of the HTTP connection '{entry.Name}' (not copied from the Synapse configuration).", Secret: true));
                _diagnostics.Report(DiagnosticCatalog.SecretConfigurable, entry.Location, what);
            }
            else
            {
                configurables.Add(new ConfigurableIr(symbol, ConfigurableType.String, text, $"'{setting}' of the HTTP connection '{entry.Name}'.", Secret: false));
            }

            return symbol;
        }

        var baseUrlSymbol = Value("baseUrl", HasCredentials(baseUrl));
        var values = needed.ToDictionary(n => n.Setting, n => Value(n.Setting, n.Secret), StringComparer.Ordinal);
        HttpAuthIr? auth = needed.Length == 0 ? null
            : string.Equals(authType, "Basic Auth", StringComparison.OrdinalIgnoreCase) ? new HttpAuthIr.Basic(values["username"], values["password"])
            : values.ContainsKey("refreshToken") ? new HttpAuthIr.RefreshToken(values["tokenUrl"], values["refreshToken"], values["clientId"], values["clientSecret"], inBody)
            : values.ContainsKey("password") ? new HttpAuthIr.PasswordGrant(values["tokenUrl"], values["username"], values["password"], values["clientId"], values["clientSecret"], inBody)
            : new HttpAuthIr.ClientCredentials(values["tokenUrl"], values["clientId"], values["clientSecret"], inBody);

        var notes = ImmutableArray.CreateBuilder<string>();
        decimal timeout = GlobalTimeoutSeconds;
        handled.Add("timeoutDuration");
        if (Setting("timeoutDuration") is { } duration)
        {
            if (decimal.TryParse(duration, NumberStyles.Integer, CultureInfo.InvariantCulture, out var millis) && millis > 0)
            {
                timeout = Math.Min(millis / 1000m, SocketTimeoutSeconds);
                if (millis / 1000m > SocketTimeoutSeconds)
                {
                    notes.Add($"The connection's timeout is {(millis / 1000m).ToString(CultureInfo.InvariantCulture)} s, but the Micro Integrator's socket timeout (http.socket.timeout, 180 s by default) ends the wait first.");
                }
            }
            else
            {
                reports.Add(("timeoutDuration", $"'{duration}' is not a number of milliseconds; the client uses {GlobalTimeoutSeconds.ToString(CultureInfo.InvariantCulture)} s"));
            }
        }

        // No timeoutDuration: the Micro Integrator's global callback timeout applies, 120 s, which the client's
        // `timeout: 120` says (no note restates the default).

        // certificateConfigurable names a configuration key of type cert: at deployment the Micro Integrator's
        // ConfigDeployer.deployCert reads the key's value (an environment variable, system property or the global
        // properties file) as a certificate file and adds it to the HTTPS sender's trust store; HTTPConnectionUtils
        // itself does not read the setting. The client trusts the file the key's configurable names.
        Symbol? certificate = null;
        if (Setting("certificateConfigurable") is { } certificateSetting)
        {
            var key = ConnectionConfig.Match(certificateSetting) is { Success: true } certificateConfig ? certificateConfig.Groups["name"].Value
                : CertificateKey.IsMatch(certificateSetting) ? certificateSetting
                : null;
            if (key is not null)
            {
                handled.Add("certificateConfigurable");
                certificate = _symbols.Module(SymbolKind.Configurable, $"{entry.Name} certificate");
                configurables.Add(new ConfigurableIr(certificate, ConfigurableType.String, null,
                    $"Path of the certificate file (PEM) the HTTP connection '{entry.Name}' trusts: the value of the Micro Integrator's configuration key '{key}' (type cert), which it adds to its HTTPS sender's trust store.", Secret: false));
                _diagnostics.Report(DiagnosticCatalog.ConnectionCertificateTrust, entry.Location, entry.Name, key);
                notes.Add($"The certificate of configuration key '{key}' is the only one the client trusts (secureSocket.cert); the Micro Integrator adds it to the trust store its HTTPS senders share, beside the certificates already there.");
            }
        }

        var suspension = ConnectionSuspension(entry, Setting, handled, notes);

        foreach (var (name, value) in settings)
        {
            var text = value.Trim();
            if (handled.Contains(name) || text.Length == 0)
            {
                continue;
            }

            if (HttpInertSettings.TryGetValue(name, out var defaults) && (defaults.Length == 0 || defaults.Any(d => string.Equals(d, text, StringComparison.OrdinalIgnoreCase))))
            {
                continue;
            }

            var why = name switch
            {
                "timeoutAction" => $"the timeout action '{text}' is not reproduced: a timeout fails the call",
                "retryErrorCodes" or "retryCount" or "retryDelay" or "suspendErrorCodes" or "suspendInitialDuration" or "suspendProgressionFactor" or "suspendMaximumDuration"
                    => $"'{text}' is not {(name.EndsWith("Codes", StringComparison.Ordinal) ? "a list of numbers separated by commas" : "a number")}: HTTPConnectionUtils copies it into the {(name.StartsWith("retry", StringComparison.Ordinal) ? "markForSuspension" : "suspendOnFailure")} of the connection's endpoint, which the Micro Integrator then fails to deploy (EndpointDefinitionFactory), so every operation on the connection fails there; the generated client calls the backend without the endpoint's suspension: fix the setting",
                "trustStoreCertificatePath"
                    => "the Micro Integrator does not read it: HTTPConnectionUtils leaves it out of the connection's endpoint and only certificateConfigurable's configuration key reaches the HTTPS senders' trust store (ConfigDeployer.deployCert), so the connection trusts the certificates of the Micro Integrator's client trust store, as the client trusts Ballerina's default ones; if the server presents the certificate this file holds, add it to secureSocket (cert) by hand",
                "certificateConfigurable" => $"'{text}' names no configuration key (${{configs.name}}), so the certificate the Micro Integrator trusts is not known: set the client's secureSocket (cert) by hand",
                "additionalProperties" => "the additional parameters of the OAuth token request are not sent: add them as the grant's optionalParams by hand",
                "miscellaneousProperties" => "the endpoint properties are not applied",
                _ when IsAuthSetting(name) => "the setting is not read for this authType",
                _ => "the setting is not translated",
            };
            reports.Add((name, why));
        }

        foreach (var (setting, why) in reports)
        {
            notes.Add($"'{setting}' is not applied: {why}.");
            _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, entry.Location, "http.init", setting, why);
        }

        // A connection whose suspension settings do not deploy (reported above) gets no note of the default.
        if (!HttpSuspensionSettings.Any(s => Setting(s) is not null))
        {
            notes.Add($"No suspend or retry setting: the endpoint the Micro Integrator makes of the connection ({entry.Name}_INTERNAL_ENDPOINT_REFERENCE) keeps Synapse's defaults, suspended for 30 s after any failed operation (a timeout or closed connection included), each time; a suspended connection fails each operation at once with 303001, without reaching the backend."
                + " The connector operations on this connection keep this state as Synapse's EndpointContext keeps it for that endpoint (EndpointState).");
        }

        _configurables.AddRange(configurables);
        var connection = new HttpConnectionIr(_symbols.Module(SymbolKind.Client, entry.Name), entry.Name, baseUrlSymbol, auth, timeout, notes.ToImmutable(), entry.Location) { Certificate = certificate, Suspension = suspension };
        _httpConnections[entry.Name] = connection;
        _httpConnectionList.Add(connection);
        return true;

        static bool IsAuthSetting(string name) => name is "username" or "password" or "clientId" or "clientSecret" or "tokenUrl" or "refreshToken" or "oauthGrantType";
    }

    /// <summary>The connection settings HTTPConnectionUtils writes into the endpoint's suspendOnFailure and markForSuspension.</summary>
    private static readonly string[] HttpSuspensionSettings =
    [
        "suspendErrorCodes", "suspendInitialDuration", "suspendProgressionFactor", "suspendMaximumDuration", "retryErrorCodes", "retryCount", "retryDelay",
    ];

    /// <summary>
    /// The suspension state of the connection's endpoint. HTTPConnectionUtils.generateHTTPEndpointOMElement makes the
    /// connection an <c>&lt;http&gt;</c> endpoint named <c>&lt;name&gt;_INTERNAL_ENDPOINT_REFERENCE</c> that the operations
    /// call (a non-blocking <c>call</c>): any non-empty suspend* setting becomes a <c>suspendOnFailure</c> (errorCodes,
    /// initialDuration, progressionFactor, maximumDuration), any retry* setting a <c>markForSuspension</c>
    /// (retryErrorCodes its errorCodes, retryCount its retriesBeforeSuspension, retryDelay its retryDelay), read by
    /// EndpointDefinitionFactory as a classic endpoint's. The state is the one those endpoints keep (<see cref="DescribeSuspension"/>);
    /// EndpointDefinition's defaults when no setting is given (every endpoint has an EndpointContext); null when one is not a number (the endpoint then fails to deploy: the setting is reported),
    /// or the settings switch suspension off (said in a note). The settings read are added to <paramref name="handled"/>.
    /// </summary>
    private EndpointSuspensionIr? ConnectionSuspension(LocalEntrySyntax entry, Func<string, string?> setting, HashSet<string> handled,
        ImmutableArray<string>.Builder notes)
    {
        var present = HttpSuspensionSettings.Where(s => setting(s) is not null).ToArray();
        if (present.Length == 0)
        {
            // No suspendOnFailure / markForSuspension is written, so the endpoint keeps EndpointDefinition's defaults:
            // suspended 30 s after any failed operation (the note is added with the others, DefaultSuspensionKeptNote).
            return new EndpointSuspensionIr(_symbols.Module(SymbolKind.Client, entry.Name + " suspension", shorter: ClientShorter(entry.Name, " suspension")), SuspendingEndpointKind.Http,
                entry.Name + "_INTERNAL_ENDPOINT_REFERENCE", [], null, null, null, [], null, null);
        }

        var valid = true;
        ImmutableArray<string> Codes(string name)
        {
            if (setting(name) is not { } text)
            {
                return [];
            }

            // EndpointDefinitionFactory: a StringTokenizer on ", ", each token Integer.parseInt.
            var codes = text.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries);
            valid &= codes.All(c => int.TryParse(c, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _));
            return [.. codes];
        }

        long? Long(string name)
        {
            if (setting(name) is not { } text)
            {
                return null;
            }

            if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }

            valid = false;
            return null;
        }

        double? factor = null;
        if (setting("suspendProgressionFactor") is { } factorText)
        {
            if (double.TryParse(factorText, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
            {
                factor = parsed;
            }
            else
            {
                valid = false;
            }
        }

        var retries = Long("retryCount");
        var qualities = new EndpointQualities(null, null, Codes("suspendErrorCodes"), Long("suspendInitialDuration"), Long("suspendMaximumDuration"), factor,
            Codes("retryErrorCodes"), retries is { } count && count is >= int.MinValue and <= int.MaxValue ? (int)count : null, Long("retryDelay"));
        if (!valid || (retries is { } r && r is < int.MinValue or > int.MaxValue))
        {
            // Reported one by one with the reason: the endpoint the Micro Integrator makes does not deploy.
            return null;
        }

        handled.UnionWith(present);
        var (note, suspends) = DescribeSuspension(qualities);
        var endpointName = entry.Name + "_INTERNAL_ENDPOINT_REFERENCE";
        notes.Add($"The connection's endpoint ({endpointName}, from {string.Join(", ", present)}): "
            + note.Replace(SuspensionKeptSentence, " The connector operations on this connection keep this state as Synapse's EndpointContext keeps it for that endpoint (EndpointState).", StringComparison.Ordinal));
        return suspends
            ? new EndpointSuspensionIr(_symbols.Module(SymbolKind.Client, entry.Name + " suspension", shorter: ClientShorter(entry.Name, " suspension")), SuspendingEndpointKind.Http, endpointName,
                [.. qualities.SuspendErrorCodes.Select(c => int.Parse(c, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture))],
                qualities.SuspendInitialDurationMillis, qualities.SuspendProgressionFactor, qualities.SuspendMaximumDurationMillis,
                [.. qualities.TimeoutErrorCodes.Select(c => int.Parse(c, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture))],
                qualities.RetriesBeforeSuspension, qualities.RetryDelayMillis)
            : null;
    }

    /// <summary>
    /// <c>&lt;http.get|post|... configKey="..."&gt;</c>: a call on the connection's client. The relative path, headers
    /// and body are texts with <c>${...}</c> parts (evaluated as the connector's RestURLBuilder does); the response
    /// becomes the message, or goes to <c>responseVariable</c>.
    /// </summary>
    private IEnumerable<StepIr> LowerHttpOperation(ConnectorOperationMediator operation, string method, FlowContext context)
    {
        if (ConnectionOf(operation, _httpConnections, _httpConnectionProblems, "http.init", out var todo) is not { } connection)
        {
            return [todo!];
        }

        var parameters = ParametersByName(operation);

        string? Literal(string name) => parameters.TryGetValue(name, out var p) && p.Value is ValueSyntax.Literal { Text: var text } ? text.Trim() : null;

        // Parameters the connector passes to Synapse as transport properties: they matter only when set.
        var settingProblems = new List<string>();
        foreach (var parameter in operation.PassedParameters)
        {
            switch (parameter.Name)
            {
                case "relativePath" or "headers" or "requestBodyType" or "requestBodyJson" or "requestBodyXml" or "requestBodyText" or "responseVariable" or "overwriteBody":
                    break;
                case "nonErrorHttpStatusCodes":
                    // Read by Synapse's blocking sender only: the connector's call is non-blocking, every status is a response.
                    break;
                case "forceScAccepted" or "disableChunking" or "forceHttp10" or "noKeepAlive" or "forcePostPutNobody" or "forceHttpContentLength" or "copyContentLengthFromIncoming" or "noEntityBody" or "faultsAsHttp200"
                    when Literal(parameter.Name) is "" or "false" or null && parameter.Value is ValueSyntax.Literal:
                    break;
                case "disableChunking" or "forceHttp10" or "noKeepAlive" or "forceHttpContentLength" or "copyContentLengthFromIncoming"
                    when parameter.Value is ValueSyntax.Literal { Text: "true" }:
                    // The pass-through sender compares the axis2 property with "true": a client configured for it (below).
                    break;
                case "postToUri" or "httpSc" or "httpScDesc" or "restUrlPostfix" or "requestHostHeader"
                    when Literal(parameter.Name) is "" && parameter.Value is ValueSyntax.Literal:
                    break;
                default:
                    settingProblems.Add(parameter.Name);
                    break;
            }
        }

        if (settingProblems.Count > 0)
        {
            return [ConnectorTodo(operation, $"{string.Join(", ", settingProblems)} {(settingProblems.Count == 1 ? "is" : "are")} set, which the generated call does not reproduce")];
        }

        string? responseVariable = null;
        if (parameters.TryGetValue("responseVariable", out var variableParameter))
        {
            if (variableParameter.Value is not ValueSyntax.Literal variableName)
            {
                return [ConnectorTodo(operation, "its responseVariable is computed at run time")];
            }

            responseVariable = variableName.Text.Trim().Length == 0 ? null : variableName.Text.Trim();
        }

        var overwriteBody = false;
        if (parameters.TryGetValue("overwriteBody", out var overwriteParameter))
        {
            if (overwriteParameter.Value is not ValueSyntax.Literal overwrite)
            {
                return [ConnectorTodo(operation, "its overwriteBody is computed at run time")];
            }

            // Boolean.parseBoolean.
            overwriteBody = string.Equals(overwrite.Text.Trim(), "true", StringComparison.OrdinalIgnoreCase);
        }

        var relativePath = RelativePath(operation, parameters.GetValueOrDefault("relativePath"), context);
        var headers = ImmutableArray.CreateBuilder<HttpHeaderIr>();
        if (parameters.TryGetValue("headers", out var headersParameter))
        {
            if (!ConnectorHeaders(operation, headersParameter, context, headers, out var headersProblem))
            {
                return [ConnectorTodo(operation, headersProblem!)];
            }
        }

        HttpBodyType? bodyType = null;
        ExprIr body = new StringLiteralIr(string.Empty);

        // The get and delete templates read no request body; the others pass it to RestURLBuilder.
        if (method is not ("GET" or "DELETE") && parameters.TryGetValue("requestBodyType", out var typeParameter))
        {
            if (typeParameter.Value is not ValueSyntax.Literal { Text: var rawType })
            {
                return [ConnectorTodo(operation, "its requestBodyType is computed at run time")];
            }

            var typeText = rawType.Trim();
            if (typeText.Length > 0)
            {
                bodyType = typeText switch
                {
                    "JSON" => HttpBodyType.Json,
                    "XML" => HttpBodyType.Xml,
                    "TEXT" => HttpBodyType.Text,
                    _ => null,
                };
                if (bodyType is null)
                {
                    return [ConnectorTodo(operation, $"its requestBodyType '{typeText}' is not JSON, XML or TEXT")];
                }

                // RestURLBuilder.getRequestBody: the first non-empty of the JSON, XML and text bodies.
                var source = new[] { "requestBodyJson", "requestBodyXml", "requestBodyText" }
                    .Select(name => parameters.GetValueOrDefault(name))
                    .FirstOrDefault(p => p is not null && (p.Value is not ValueSyntax.Literal literal || literal.Text.Length > 0));
                if (source is null)
                {
                    return [ConnectorTodo(operation, $"its requestBodyType is {typeText} but it has no request body")];
                }

                body = ConnectorText(operation, source, context);
            }
        }

        if (HttpOperationTransport(parameters, out var transportProblem) is var (transport, noKeepAlive))
        {
            connection = ConnectionVariant(connection, transport, noKeepAlive);
        }
        else
        {
            return [ConnectorTodo(operation, transportProblem!)];
        }

        return [new HttpConnectorCallStep(operation, connection, method, relativePath, headers.ToImmutable(), bodyType, body, responseVariable, overwriteBody)];
    }

    /// <summary>The second clients of HTTP connections, by connection and configuration (<see cref="ConnectionVariant"/>).</summary>
    private readonly Dictionary<(Symbol Connection, HttpTransport? Transport, bool NoKeepAlive), HttpConnectionIr> _httpConnectionVariants = new();

    /// <summary>
    /// How an HTTP connector operation's request is written: its template sets DISABLE_CHUNKING, FORCE_HTTP_1.0,
    /// NO_KEEPALIVE, FORCE_HTTP_CONTENT_LENGTH and COPY_CONTENT_LENGTH_FROM_INCOMING from the parameters of the same
    /// names (disableChunking, forceHttp10, ...) for its one call and removes them after it; the pass-through sender
    /// takes each when it is the string "true" (PassThroughHttpSender, TargetRequestFactory): HTTP/1.0 with a
    /// Content-Length, or a Content-Length instead of chunks (DISABLE_CHUNKING, or FORCE_HTTP_CONTENT_LENGTH with
    /// COPY_CONTENT_LENGTH_FROM_INCOMING), and `Connection: close` (NO_KEEPALIVE). Null, with the problem, when
    /// FORCE_HTTP_CONTENT_LENGTH is set alone (chunking off without a measured length, which no client setting gives).
    /// </summary>
    private static (HttpTransport? Transport, bool NoKeepAlive)? HttpOperationTransport(IReadOnlyDictionary<string, ConnectorParameterSyntax> parameters, out string? problem)
    {
        bool On(string name) => parameters.TryGetValue(name, out var p) && p.Value is ValueSyntax.Literal { Text: "true" };
        problem = null;
        HttpTransport? transport = On("forceHttp10") ? HttpTransport.Http10
            : On("disableChunking") || (On("forceHttpContentLength") && On("copyContentLengthFromIncoming")) ? HttpTransport.Http11NoChunking
            : null;
        if (transport is null && On("forceHttpContentLength"))
        {
            problem = "forceHttpContentLength is set without copyContentLengthFromIncoming (or disableChunking), which turns chunking off without a measured length: no client setting reproduces it, set the client's chunking by hand to what the backend accepts";
            return null;
        }

        return (transport, On("noKeepAlive"));
    }

    /// <summary>
    /// The client an operation with its own transport settings calls: the connection's own when it sets none, else a
    /// second client of the connection configured for them, made once per configuration (same base URL, settings and
    /// suspension state).
    /// </summary>
    private HttpConnectionIr ConnectionVariant(HttpConnectionIr connection, HttpTransport? transport, bool noKeepAlive)
    {
        if (transport is null && !noKeepAlive)
        {
            return connection;
        }

        if (_httpConnectionVariants.TryGetValue((connection.Name, transport, noKeepAlive), out var known))
        {
            return known;
        }

        var hint = (transport switch { HttpTransport.Http10 => " http10", HttpTransport.Http11NoChunking => " no chunking", _ => string.Empty }) + (noKeepAlive ? " no keepalive" : string.Empty);
        var what = new List<string>();
        if (transport == HttpTransport.Http10)
        {
            what.Add("HTTP/1.0 requests with a Content-Length (forceHttp10: FORCE_HTTP_1.0)");
        }
        else if (transport == HttpTransport.Http11NoChunking)
        {
            what.Add("HTTP/1.1 requests with a Content-Length instead of chunks (disableChunking: DISABLE_CHUNKING, or forceHttpContentLength with copyContentLengthFromIncoming)");
        }

        if (noKeepAlive)
        {
            what.Add("a `Connection: close` header, the connection not kept (noKeepAlive: NO_KEEPALIVE)");
        }

        var note = $"A second client of HTTP connection '{connection.ConnectionName}' for the operations that ask for {string.Join(" and ", what)}: the connector's template sets the property for that one call, and an http:Client fixes these settings for every request.";
        var variant = connection with
        {
            Name = _symbols.Module(SymbolKind.Client, connection.ConnectionName + hint),
            Notes = connection.Notes.Insert(0, note),
            Transport = transport,
            NoKeepAlive = noKeepAlive,
            VariantOf = connection.Name,
        };
        _httpConnectionVariants[(connection.Name, transport, noKeepAlive)] = variant;
        _httpConnectionList.Add(variant);
        return variant;
    }

    /// <summary>
    /// A connector parameter as text: a <c>{expression}</c> value is evaluated; literal text (or inline XML) keeps
    /// its <c>${...}</c> parts, which the connector evaluates (InlineExpressionUtil).
    /// </summary>
    private ExprIr ConnectorText(ConnectorOperationMediator operation, ConnectorParameterSyntax? parameter, FlowContext context) => parameter?.Value switch
    {
        null => new StringLiteralIr(string.Empty),
        ValueSyntax.Expression expression => Expr(expression.Syntax, context),
        ValueSyntax.Literal literal => Interpolated(Unescaped(literal.Text), operation, context),
        ValueSyntax.InlineXml xml => Interpolated(xml.Xml, operation, context),
        _ => throw new InvalidOperationException(),
    };

    private static readonly System.Text.RegularExpressions.Regex QueryParameter = new(@"[?&](?<name>[^=&#]+)=(?<value>[^&#]*)", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>
    /// The relative path; a literal value of a query parameter named like a credential (<c>?api_key=...</c>,
    /// <c>&amp;access_token=...</c>) becomes a required configurable (SB0212), never a literal in the code.
    /// </summary>
    private ExprIr RelativePath(ConnectorOperationMediator operation, ConnectorParameterSyntax? parameter, FlowContext context)
    {
        if (parameter?.Value is not ValueSyntax.Literal literal)
        {
            return ConnectorText(operation, parameter, context);
        }

        var text = Unescaped(literal.Text);
        var query = text.IndexOf('?', StringComparison.Ordinal);
        var parts = ImmutableArray.CreateBuilder<ExprIr>();
        var last = 0;
        foreach (System.Text.RegularExpressions.Match match in QueryParameter.Matches(text, Math.Max(query, 0)))
        {
            var (name, value) = (match.Groups["name"], match.Groups["value"]);
            if (query < 0 || !SecretNames.IsSecret(name.Value) || value.Length == 0 || SecretNames.IsPlaceholder(value.Value) || value.Value.Contains("${", StringComparison.Ordinal))
            {
                continue;
            }

            parts.Add(Interpolated(text[last..value.Index], operation, context));
            parts.Add(new ConfigurableReadIr(OperationSecret(operation, $"{operation.ConfigKey} {name.Value} query parameter", $"The '{name.Value}' query parameter the <{operation.ElementName}> operation sends (a credential, not copied from the Synapse configuration).")));
            last = value.Index + value.Length;
        }

        if (parts.Count == 0)
        {
            return Interpolated(text, operation, context);
        }

        parts.Add(Interpolated(text[last..], operation, context));
        return new ConcatIr(parts.ToImmutable());
    }

    /// <summary>An escaped value (<c>{{...}}</c>, ValueFactory.isEscapedExpression) without its outer braces; any other text as it is.</summary>
    private static string Unescaped(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length > 3 && trimmed.StartsWith("{{", StringComparison.Ordinal) && trimmed.EndsWith("}}", StringComparison.Ordinal) ? trimmed[1..^1] : text;
    }

    /// <summary>Text with <c>${...}</c> expressions, as one string (each expression's string value in its place).</summary>
    private ExprIr Interpolated(string text, MediatorSyntax origin, FlowContext context)
    {
        var split = InterpolationLexer.Split(text, InterpolationMode.Template);
        var parts = ImmutableArray.CreateBuilder<ExprIr>();
        foreach (var part in split.Parts)
        {
            if (part is TextPart literal)
            {
                parts.Add(new StringLiteralIr(literal.Text));
                continue;
            }

            var source = text.Substring(part.Span.Start, part.Span.Length);
            parts.Add(Expr(ExpressionSyntax.Create(source, ImmutableDictionary<string, string>.Empty, origin.Location), context));
        }

        foreach (var error in split.Errors)
        {
            _diagnostics.Report(DiagnosticCatalog.InvalidAttribute, origin.Location, origin.ElementName, "parameter", text.Substring(error.Span.Start, error.Span.Length), $"{error.Message} at position {error.Span.Start}; the text is used as written");
        }

        return parts.Count switch
        {
            0 => new StringLiteralIr(string.Empty),
            1 when parts[0] is StringLiteralIr or { Kind: ValueKind.String } => parts[0],
            _ => new ConcatIr(parts.ToImmutable()),
        };
    }

    /// <summary>
    /// The <c>headers</c> parameter: a JSON array of <c>["name", "value"]</c> pairs or <c>{"name": "value"}</c> objects
    /// (trailing commas allowed, as org.json reads it), with <c>${...}</c> parts inside the strings.
    /// </summary>
    private bool ConnectorHeaders(ConnectorOperationMediator operation, ConnectorParameterSyntax parameter, FlowContext context, ImmutableArray<HttpHeaderIr>.Builder headers, out string? problem)
    {
        problem = null;
        if (parameter.Value is not ValueSyntax.Literal { Text: var text })
        {
            problem = "its headers are computed at run time";
            return false;
        }

        if (text.Trim().Length == 0)
        {
            return true;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true });
        }
        catch (JsonException)
        {
            problem = "its headers are not a JSON array of name/value pairs (or hold ${...} outside a string)";
            return false;
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                problem = "its headers are not a JSON array";
                return false;
            }

            var position = 0;
            foreach (var item in document.RootElement.EnumerateArray())
            {
                position++;
                (string Name, string Value)? pair = item.ValueKind switch
                {
                    JsonValueKind.Array when item.GetArrayLength() == 2 && item[0].ValueKind == JsonValueKind.String && item[1].ValueKind == JsonValueKind.String
                        => (item[0].GetString()!, item[1].GetString()!),
                    JsonValueKind.Object when item.EnumerateObject().FirstOrDefault() is { Value.ValueKind: JsonValueKind.String } first
                        => (first.Name, first.Value.GetString()!),
                    // RestURLBuilder.handleInputHeaders takes an array of two and skips one of another length.
                    JsonValueKind.Array when item.GetArrayLength() != 2 => (string.Empty, string.Empty),
                    // handleInputHeaders skips an object without keys (keys().hasNext()).
                    JsonValueKind.Object when !item.EnumerateObject().Any() => (string.Empty, string.Empty),
                    JsonValueKind.Array or JsonValueKind.Object => null,
                    _ => (string.Empty, string.Empty),
                };
                if (item.ValueKind is not (JsonValueKind.Array or JsonValueKind.Object) || (item.ValueKind == JsonValueKind.Array && item.GetArrayLength() != 2))
                {
                    // Neither a [name, value] pair nor a {name: value} object (a flat ["Content-Type", "..."] list): the
                    // connector skips the item (handleInputHeaders tests JSONArray and JSONObject only), so no header is sent.
                    // The item is named by its place and kind, never its text: a flat ["Authorization", "Basic ..."] holds a credential.
                    var kind = item.ValueKind switch
                    {
                        JsonValueKind.String => "a string",
                        JsonValueKind.Array => $"an array of {item.GetArrayLength().ToString(CultureInfo.InvariantCulture)}",
                        JsonValueKind.Number => "a number",
                        _ => $"a {item.ValueKind.ToString().ToLowerInvariant()}",
                    };
                    _diagnostics.Report(DiagnosticCatalog.SettingWithoutEffect, operation.Location, operation.ElementName, $"headers item {position.ToString(CultureInfo.InvariantCulture)} ({kind})",
                        "RestURLBuilder.handleInputHeaders adds only an item that is a [name, value] array of two or a {name: value} object and skips this one, so no header is sent for it (a header list is [[\"name\", \"value\"], ...])");
                    continue;
                }

                if (pair is not { } header)
                {
                    // org.json's getString on a non-string fails the operation.
                    problem = "a header entry is not a name/value pair of strings (the entry is not repeated here: it may hold a credential)";
                    return false;
                }

                if (header.Name.Trim().Length == 0)
                {
                    // RestURLBuilder skips an empty name; anything but an array or object is skipped too.
                    continue;
                }

                var reference = ReportReferenceSentAsText(header.Value, $"The {header.Name} header of <{operation.ElementName}>", operation.Location);
                var value = reference is null && SecretNames.IsSecret(header.Name) && !SecretNames.IsPlaceholder(header.Value) && !header.Value.Contains("${", StringComparison.Ordinal)
                    ? new ConfigurableReadIr(HeaderSecret(operation, header.Name))
                    : Interpolated(header.Value, operation, context);
                headers.Add(new HttpHeaderIr(Interpolated(header.Name, operation, context), value));
            }
        }

        return true;
    }

    /// <summary>
    /// Reports (SB0616) text that holds an EI 6.x expression the Micro Integrator sends as written (a connector parameter's
    /// text outside <c>${...}</c>): <c>$ctx:x</c>, <c>$trp:x</c>, <c>$axis2:x</c>, <c>get-property(...)</c>,
    /// <c>json-eval(...)</c>. Returns the first such expression, or null.
    /// </summary>
    private string? ReportReferenceSentAsText(string text, string what, SourceLocation location)
    {
        var outside = InlineExpressionPart().Replace(text, string.Empty);
        if (EiExpressionInText().Match(outside) is not { Success: true } match)
        {
            return null;
        }

        var name = match.Groups["name"].Value;
        var suggestion = match.Groups["scope"].Value switch
        {
            // Single quotes: the value stands in a JSON string; a name with '.' is no identifier of the grammar (ExpressionLexer ID).
            "ctx" => name.Contains('.', StringComparison.Ordinal) ? $"${{props.synapse['{name}']}}" : $"${{props.synapse.{name}}}",
            "axis2" => name.Contains('.', StringComparison.Ordinal) ? $"${{props.axis2['{name}']}}" : $"${{props.axis2.{name}}}",
            "trp" or "transport" => $"${{headers['{name}']}}",
            _ => "the ${...} expression of the same value",
        };
        _diagnostics.Report(DiagnosticCatalog.ReferenceSentAsText, location, what, match.Value, suggestion);
        return match.Value;
    }

    [GeneratedRegex(@"\$\{[^}]*\}", RegexOptions.CultureInvariant)]
    private static partial Regex InlineExpressionPart();

    [GeneratedRegex(@"\$(?<scope>ctx|trp|transport|axis2):(?<name>[A-Za-z_][\w.\-]*)|get-property\([^)]*\)|json-eval\([^)]*\)", RegexOptions.CultureInvariant)]
    private static partial Regex EiExpressionInText();

    /// <summary>A required configurable for a credential written into a header of an operation; reported as SB0212.</summary>
    private Symbol HeaderSecret(ConnectorOperationMediator operation, string header) =>
        OperationSecret(operation, $"{operation.ConfigKey} {header} header", $"The '{header}' header the <{operation.ElementName}> operation sends (a credential, not copied from the Synapse configuration).");

    /// <summary>A required configurable for a credential an operation sends; reported as SB0212.</summary>
    private Symbol OperationSecret(ConnectorOperationMediator operation, string what, string description)
    {
        var symbol = _symbols.Module(SymbolKind.Configurable, what);
        _diagnostics.Report(DiagnosticCatalog.SecretConfigurable, operation.Location, what);
        _configurables.Add(new ConfigurableIr(symbol, ConfigurableType.String, null, description, Secret: true));
        return symbol;
    }
}
