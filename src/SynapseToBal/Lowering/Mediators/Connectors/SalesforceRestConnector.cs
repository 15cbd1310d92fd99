using System.Collections.Immutable;
using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

// The WSO2 Salesforce REST connector 1.x/2.x (wso2-extensions/esb-connector-salesforcerest): a <salesforcerest.init>
// connection local entry becomes a salesforce:Client (ballerinax/salesforce); query, create, update, delete and
// describeSObject become calls of run-time helpers on it that leave Salesforce's answer as the message, as the
// connector's call does. The other operations, connector 3.x's and inline init stay TODOs that say why.
public sealed partial class Lowerer
{
    private readonly Dictionary<string, SalesforceConnectionIr> _salesforceConnections = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _salesforceConnectionProblems = new(StringComparer.Ordinal);
    private readonly List<SalesforceConnectionIr> _salesforceConnectionList = new();

    /// <summary>The settings of <c>&lt;salesforcerest.init&gt;</c> 1.x/2.x that change nothing the client does.</summary>
    private static readonly HashSet<string> SalesforceInertSettings = new(StringComparer.Ordinal)
    {
        // The connection's name, where 1.x keeps the access token in the registry and how often it refreshes it
        // (the client refreshes when the token expires), and whether the call blocks a thread.
        "name", "registryPath", "intervalTime", "blocking",
    };

    /// <summary>Settings only the connector 3.x reads (its connections are not translated).</summary>
    private static readonly HashSet<string> SalesforceVersion3Settings = new(StringComparer.Ordinal)
    {
        "connectionName", "connectionType", "scope", "tokenUrl", "instanceUrl", "loginUrl", "forceLogin",
    };

    /// <summary>The operations translated: the helper, the connector's parameters with the helper's name for each (in the helper's order).</summary>
    internal static readonly Dictionary<string, (SalesforceOperation Kind, (string Parameter, string Argument)[] Parameters)> SalesforceOperations = new(StringComparer.Ordinal)
    {
        ["query"] = (SalesforceOperation.Query, [("queryString", "queryString")]),
        ["create"] = (SalesforceOperation.Create, [("sObjectName", "sObjectName"), ("fieldAndValue", "fieldAndValue")]),
        ["update"] = (SalesforceOperation.Update, [("sObjectName", "sObjectName"), ("Id", "id"), ("fieldAndValue", "fieldAndValue")]),
        ["delete"] = (SalesforceOperation.Delete, [("sObjectName", "sObjectName"), ("idToDelete", "idToDelete")]),
        ["describeSObject"] = (SalesforceOperation.DescribeSObject, [("sObjectName", "sObjectName")]),
    };

    /// <summary>Why an operation with a salesforce:Client function stays a TODO: the function does not give what the connector leaves.</summary>
    internal static readonly Dictionary<string, string> SalesforceOperationProblems = new(StringComparer.Ordinal)
    {
        ["queryMore"] = "the translated query gives the records of every page at once (done is true, no nextRecordsUrl remains), so there is no next page to read; remove the queryMore loop by hand",
        ["queryAll"] = "salesforce:Client's query calls query, not queryAll, so deleted and archived records would be left out",
        ["upsert"] = "salesforce:Client's upsert returns nothing, while Salesforce answers with the record's id and whether it was created (201) or updated",
        ["retrieveFieldValues"] = "salesforce:Client's getById selects the fields from the record type it returns, so the connector's fields list needs a record type declared by hand, and its answer is that record",
        ["search"] = "salesforce:Client's search gives the records of searchRecords as a stream, without the answer's other members (searchRecordsMetadata), so Salesforce's answer would have to be rebuilt by hand",
        ["init"] = "an inline init sets the connection's properties on the message for the operations after it; move its settings to a local entry named by the operations' configKey (then it becomes a salesforce:Client), or create one by hand",
    };

    /// <summary>
    /// An <c>&lt;salesforcerest.init&gt;</c> local entry of the connector 1.x/2.x: one salesforce:Client on apiUrl and
    /// apiVersion that authenticates as the init would (a password grant with username and password, a refresh-token
    /// grant with refreshToken, else the accessToken as a bearer token). False when the connection cannot be
    /// translated; the reason is kept for the operations that use it.
    /// </summary>
    private bool TryLowerSalesforceConnection(LocalEntrySyntax entry, string xml)
    {
        if (ConnectionSettings(entry, xml, _salesforceConnectionProblems, "salesforcerest.init") is not { } settings)
        {
            return false;
        }

        if (SalesforceConnectionProblem(settings) is { } problem)
        {
            _salesforceConnectionProblems[entry.Name] = problem;
            return false;
        }

        string? Setting(string name) => settings.TryGetValue(name, out var value) && value.Trim().Length > 0 ? value.Trim() : null;

        var configurables = new List<ConfigurableIr>();
        Symbol Configurable(string setting, string text, bool secret, string? literal = null) =>
            ConnectionConfigurable(entry, "Salesforce", configurables, setting, text, secret, literal);

        Symbol Value(string setting, bool secret) => Configurable(setting, Setting(setting)!, secret);

        var notes = ImmutableArray.CreateBuilder<string>();
        var baseUrl = Value("apiUrl", false);
        var versionText = Setting("apiVersion")!;
        var apiVersion = Configurable("apiVersion", versionText, false, SalesforceApiVersion(versionText));
        if (ConnectionConfig.IsMatch(versionText) || ConnectionVault.IsMatch(versionText))
        {
            notes.Add("salesforce:Client takes the API version without its 'v' (59.0, not v59.0).");
        }

        // The token endpoint: 1.x and 2.x ask hostName for a token with a password; 1.x refreshes there too, 2.x at
        // tokenEndpointHostname (https://login.salesforce.com by default).
        Symbol TokenUrl(string hostSetting)
        {
            var host = Setting(hostSetting) ?? "https://login.salesforce.com";
            if (ConnectionConfig.IsMatch(host) || ConnectionVault.IsMatch(host))
            {
                notes.Add($"The token URL is the connection's {hostSetting} followed by /services/oauth2/token.");
                return Configurable($"{hostSetting} token URL", host, false);
            }

            return Configurable("token URL", host, false, host.TrimEnd('/') + "/services/oauth2/token");
        }

        SalesforceAuthIr auth;
        if (Setting("username") is not null && Setting("password") is not null && Setting("clientId") is not null && Setting("clientSecret") is not null)
        {
            auth = new SalesforceAuthIr.PasswordGrant(TokenUrl("hostName"), Value("username", false), Value("password", true), Value("clientId", SecretNames.IsSecret("clientId")), Value("clientSecret", true));
            notes.Add("The client asks for its token with the password grant in the request's body; the connector puts the credentials in the token URL's query.");
        }
        else if (Setting("refreshToken") is not null && Setting("clientId") is not null && Setting("clientSecret") is not null)
        {
            auth = new SalesforceAuthIr.RefreshToken(TokenUrl(Setting("tokenEndpointHostname") is null ? "hostName" : "tokenEndpointHostname"), Value("refreshToken", true), Value("clientId", SecretNames.IsSecret("clientId")), Value("clientSecret", true));
            notes.Add("The client gets an access token from the refresh token before its first call and again when it expires; the connector starts with the accessToken setting.");
            if (Setting("tokenEndpointHostname") is null && Setting("hostName") is not null)
            {
                notes.Add("Connector 2.x refreshes at tokenEndpointHostname (https://login.salesforce.com when not set), 1.x at hostName, which the client uses.");
            }
        }
        else
        {
            auth = new SalesforceAuthIr.Bearer(Value("accessToken", true));
            notes.Add("The access token is used as it is: nothing refreshes it when it expires, as with the connector without a refresh token.");
        }

        decimal? timeout = null;
        if (Setting("timeout") is { } timeoutText)
        {
            timeout = decimal.Parse(timeoutText, System.Globalization.CultureInfo.InvariantCulture) / 1000m;
        }
        else
        {
            notes.Add("The connection sets no timeout: the client's default (30 seconds) applies, where connector 2.x waits 3 seconds.");
        }

        var handled = new HashSet<string>(StringComparer.Ordinal) { "apiUrl", "apiVersion", "hostName", "tokenEndpointHostname", "accessToken", "refreshToken", "clientId", "clientSecret", "username", "password", "timeout" };
        foreach (var (name, value) in settings)
        {
            if (handled.Contains(name) || SalesforceInertSettings.Contains(name) || value.Trim().Length == 0)
            {
                continue;
            }

            const string why = "the setting is not one the Salesforce REST connector 1.x or 2.x reads";
            notes.Add($"'{name}' is not applied: {why}.");
            _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, entry.Location, "salesforcerest.init", name, why);
        }

        _configurables.AddRange(configurables);
        var connection = new SalesforceConnectionIr(_symbols.Module(SymbolKind.Client, entry.Name), entry.Name, baseUrl, apiVersion, auth, timeout, notes.ToImmutable(), entry.Location);
        _salesforceConnections[entry.Name] = connection;
        _salesforceConnectionList.Add(connection);
        return true;
    }

    /// <summary>Why a connection's settings cannot become a salesforce:Client, or null when they can.</summary>
    internal static string? SalesforceConnectionProblem(IReadOnlyDictionary<string, string> settings)
    {
        string? Setting(string name) => settings.TryGetValue(name, out var value) && value.Trim().Length > 0 ? value.Trim() : null;
        bool IsStatic(string text) => !(text.StartsWith('{') && text.EndsWith('}')) || ConnectionVault.IsMatch(text) || ConnectionConfig.IsMatch(text);

        if (settings.Keys.FirstOrDefault(SalesforceVersion3Settings.Contains) is { } version3)
        {
            return $"it sets '{version3}', a setting of the connector 3.x, whose operations take other parameters and write their result to a responseVariable";
        }

        foreach (var (name, value) in settings)
        {
            if (value.Trim().Length > 0 && !IsStatic(value.Trim()) && !SalesforceInertSettings.Contains(name))
            {
                return $"its {name} is an expression ({value.Trim()}) evaluated on the message each time the connection is used, while a salesforce:Client is configured once";
            }
        }

        if (Setting("apiUrl") is null)
        {
            return "it does not set apiUrl (the instance URL every call goes to)";
        }

        if (Setting("apiVersion") is not { } version)
        {
            return "it does not set apiVersion";
        }

        if (!ConnectionConfig.IsMatch(version) && !ConnectionVault.IsMatch(version) && SalesforceApiVersion(version) is null)
        {
            return $"its apiVersion '{version}' is not a version such as v59.0";
        }

        var password = Setting("username") is not null && Setting("password") is not null && Setting("clientId") is not null && Setting("clientSecret") is not null;
        var refresh = Setting("refreshToken") is not null && Setting("clientId") is not null && Setting("clientSecret") is not null;
        if (!password && !refresh && Setting("accessToken") is null)
        {
            return "it sets no credentials (an accessToken, a refreshToken with clientId and clientSecret, or a username and password with clientId and clientSecret)";
        }

        if (Setting("timeout") is { } timeout && !timeout.All(char.IsAsciiDigit))
        {
            return $"its timeout '{timeout}' is not a number of milliseconds";
        }

        return null;
    }

    /// <summary>The API version as salesforce:ConnectionConfig takes it (<c>v59.0</c> → <c>59.0</c>), or null when it is not one.</summary>
    internal static string? SalesforceApiVersion(string text)
    {
        var version = text.Trim();
        if (version.StartsWith('v') || version.StartsWith('V'))
        {
            version = version[1..];
        }

        return System.Text.RegularExpressions.Regex.IsMatch(version, @"^\d+\.\d+$", System.Text.RegularExpressions.RegexOptions.CultureInvariant) ? version : null;
    }

    /// <summary>A literal SOQL query that counts (<c>SELECT COUNT() FROM ...</c>): Salesforce answers its count in totalSize, without records.</summary>
    private static readonly System.Text.RegularExpressions.Regex SoqlCount = new(@"\bcount\s*\(\s*\)", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>
    /// <c>&lt;salesforcerest.query|create|update|delete|describeSObject configKey="..."&gt;</c> (connector 1.x/2.x): the
    /// operation's helper on the connection's client; any other operation, or one with a setting the helper does not
    /// reproduce, stays a TODO (SB0232) that says why.
    /// </summary>
    private IEnumerable<StepIr> LowerSalesforceRestOperation(ConnectorOperationMediator operation, FlowContext context)
    {
        if (SalesforceOperationProblems.TryGetValue(operation.Operation, out var problem))
        {
            return [ConnectorTodo(operation, problem)];
        }

        if (!SalesforceOperations.TryGetValue(operation.Operation, out var shape))
        {
            return [ConnectorTodo(operation, null)];
        }

        if (UnreadableOperationShape(operation) is { } unreadable)
        {
            return [unreadable];
        }

        if (operation.PassedParameters.Any(p => p.Name is "responseVariable" or "overwriteBody"))
        {
            return [ConnectorTodo(operation, "it writes its result to a responseVariable (the connector 3.x, whose connections are not translated)")];
        }

        var unknown = operation.PassedParameters.Select(p => p.Name).Where(n => !shape.Parameters.Any(p => p.Parameter == n)).Distinct().ToList();
        if (unknown.Count > 0)
        {
            return [ConnectorTodo(operation, $"{string.Join(", ", unknown)} {(unknown.Count == 1 ? "is not a parameter" : "are not parameters")} of the connector 1.x/2.x operation, which the generated call does not reproduce")];
        }


        var parameters = ParametersByName(operation);
        var missing = shape.Parameters.Select(p => p.Parameter).Where(n => !parameters.ContainsKey(n)).ToList();
        if (missing.Count > 0)
        {
            return [ConnectorTodo(operation, $"it does not set {string.Join(", ", missing)}, without which the connector's call goes to another resource")];
        }

        if (shape.Kind == SalesforceOperation.Query && parameters["queryString"].Value is ValueSyntax.Literal query && SoqlCount.IsMatch(query.Text))
        {
            return [ConnectorTodo(operation, "its query counts with COUNT(), whose answer is a totalSize without records, which salesforce:Client's query (a stream of records) does not give")];
        }

        if (ConnectionOf(operation, _salesforceConnections, _salesforceConnectionProblems, "salesforcerest.init", out var todo) is not { } connection)
        {
            return [todo!];
        }

        // What salesforce:Client does not give: the answer's HTTP headers (the connector's call leaves Salesforce's
        // response headers on the message, Sforce-Limit-Info among them), and for a query the first page alone (the
        // connector answers one page, 2,000 records by default, with done false and nextRecordsUrl).
        _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, operation.Location, $"salesforcerest.{operation.Operation}", shape.Kind == SalesforceOperation.Query ? "result paging and response headers" : "response headers",
            shape.Kind == SalesforceOperation.Query
                ? "the generated query reads every page of the result: over one page (2,000 records by default) the message holds all the records with done true and no nextRecordsUrl, where the connector answers the first page; and the message has no response headers but Content-Type, where the connector keeps Salesforce's"
                : "the message has no response headers but Content-Type after the call, where the connector keeps Salesforce's (Sforce-Limit-Info among them)");
        var arguments = shape.Parameters
            .Select(p => new SalesforceArgumentIr(p.Argument, SecretSafeValue(p.Parameter, parameters[p.Parameter].Value, parameters[p.Parameter].Location, context)))
            .ToImmutableArray();
        return [new SalesforceRestStep(operation, connection, shape.Kind, arguments)];
    }
}
