using System.Collections.Immutable;
using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

// The WSO2 Gmail connector 3.x/4.x (wso2-extensions/esb-connector-gmail, the REST-API-based one): a <gmail.init>
// connection local entry becomes a gmail:Client (ballerinax/googleapis.gmail); the operations whose answer the client
// gives as Gmail gives it (sendMail, listAllMails, listDrafts, listLabels, readLabel, getUserProfile, trash, untrash
// and the deletes) become calls of run-time helpers on it that leave Gmail's JSON answer and status as the message, as
// the connector's call does. The other operations, an inline init and a 4.x responseVariable stay TODOs that say why.
public sealed partial class Lowerer
{
    private readonly Dictionary<string, GmailConnectionIr> _gmailConnections = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _gmailConnectionProblems = new(StringComparer.Ordinal);
    private readonly List<GmailConnectionIr> _gmailConnectionList = new();

    /// <summary>The settings of <c>&lt;gmail.init&gt;</c> that change nothing the client does.</summary>
    private static readonly HashSet<string> GmailInertSettings = new(StringComparer.Ordinal)
    {
        // The connection's name (4.x, as the tooling writes it), where 3.x keeps the access token in the registry (the
        // client keeps it in memory), and whether the call blocks a thread.
        "name", "connectionName", "connectionType", "accessTokenRegistryPath", "blocking",
    };

    /// <summary>The settings the client is built from.</summary>
    private static readonly HashSet<string> GmailClientSettings = new(StringComparer.Ordinal)
    {
        "userId", "apiUrl", "apiVersion", "accessToken", "refreshToken", "clientId", "clientSecret", "tokenEndpoint",
    };

    private static readonly (string Parameter, string Argument)[] GmailId = [("id", "id")];

    /// <summary>
    /// The operations translated, by the connector's name (3.x names and 4.x names): the helper, the connector's
    /// parameters with the helper's name for each (in the helper's order), and those the operation needs.
    /// </summary>
    internal static readonly Dictionary<string, (GmailOperation Kind, (string Parameter, string Argument)[] Parameters, string[] Required)> GmailOperations = new(StringComparer.Ordinal)
    {
        ["sendMail"] = (GmailOperation.SendMail, [("to", "to"), ("subject", "subject"), ("from", "from"), ("cc", "cc"), ("bcc", "bcc"), ("messageBody", "messageBody"), ("contentType", "contentType")], []),
        ["listAllMails"] = (GmailOperation.ListAllMails, [("includeSpamTrash", "includeSpamTrash"), ("labelIds", "labelIds"), ("maxResults", "maxResults"), ("pageToken", "pageToken"), ("q", "q")], []),
        ["listDrafts"] = (GmailOperation.ListDrafts, [("includeSpamTrash", "includeSpamTrash"), ("maxResults", "maxResults"), ("pageToken", "pageToken")], []),
        ["listLabels"] = (GmailOperation.ListLabels, [], []),
        ["readLabel"] = (GmailOperation.ReadLabel, GmailId, ["id"]),
        ["getUserProfile"] = (GmailOperation.GetUserProfile, [], []),
        ["trashMessages"] = (GmailOperation.TrashMessage, GmailId, ["id"]),
        ["trashMessage"] = (GmailOperation.TrashMessage, GmailId, ["id"]),
        ["unTrashMessages"] = (GmailOperation.UnTrashMessage, GmailId, ["id"]),
        ["unTrashMessage"] = (GmailOperation.UnTrashMessage, GmailId, ["id"]),
        ["deleteMessages"] = (GmailOperation.DeleteMessage, GmailId, ["id"]),
        ["deleteMessage"] = (GmailOperation.DeleteMessage, GmailId, ["id"]),
        ["deleteThreads"] = (GmailOperation.DeleteThread, GmailId, ["id"]),
        ["deleteThread"] = (GmailOperation.DeleteThread, GmailId, ["id"]),
        ["deleteLabel"] = (GmailOperation.DeleteLabel, GmailId, ["id"]),
        ["deleteDraft"] = (GmailOperation.DeleteDraft, GmailId, ["id"]),
    };

    private const string GmailMessageRecord = "gmail:Client returns its own Message record (raw decoded from base64url, the MIME part tree restructured with decoded bodies, to/from/subject lifted from the headers), not the Gmail API's message resource the connector leaves as the message";

    /// <summary>Why an operation with a gmail:Client resource function stays a TODO: the function does not give what the connector leaves.</summary>
    internal static readonly Dictionary<string, string> GmailOperationProblems = new(StringComparer.Ordinal)
    {
        ["readMail"] = GmailMessageRecord,
        ["readDraft"] = GmailMessageRecord + " (in the draft's message)",
        ["readThread"] = GmailMessageRecord + " (for each message of the thread)",
        ["listAllThreads"] = "gmail:Client's list of threads keeps only each thread's id and historyId, while Gmail's answer, which the connector leaves as the message, also has its snippet",
        ["listHistory"] = "gmail:Client restructures the history records' messages, which the connector leaves as Gmail answers them",
        ["listTheHistory"] = "gmail:Client restructures the history records' messages, which the connector leaves as Gmail answers them",
        ["getAttachment"] = "gmail:Client decodes the attachment's base64url data into bytes, while the connector leaves Gmail's answer with the data as base64url text",
        ["createDraft"] = "the connector's draft holds the MIME text CreateMail builds (with id and threadId written as headers), which gmail:Client's DraftRequest does not write",
        ["sendMailWithAttachment"] = "the connector builds a multipart message from attachments given as content in the parameters, while gmail:Client's MessageRequest reads attachments from files",
        ["createLabels"] = "the connector sends every label field, empty ones as \"\" (messageListVisibility and labelListVisibility too), which gmail:Client's Label record (enumerations, integers) cannot carry",
        ["createLabel"] = "the connector sends every label field, empty ones as \"\" (messageListVisibility and labelListVisibility too), which gmail:Client's Label record (enumerations, integers) cannot carry",
        ["updateLabels"] = "the connector sends every label field, empty ones as \"\", which gmail:Client's Label record (enumerations, integers) cannot carry",
        ["updateLabel"] = "the connector sends every label field, empty ones as \"\", which gmail:Client's Label record (enumerations, integers) cannot carry",
        ["modifyExistingMessages"] = "gmail:Client's modify returns its own Message record, not the Gmail API's message resource the connector leaves",
        ["modifyExistingMessage"] = "gmail:Client's modify returns its own Message record, not the Gmail API's message resource the connector leaves",
        ["modifyExistingThreads"] = "gmail:Client's thread records keep only the id, historyId and restructured messages, not the Gmail API's thread resource the connector leaves",
        ["modifyExistingThread"] = "gmail:Client's thread records keep only the id, historyId and restructured messages, not the Gmail API's thread resource the connector leaves",
        ["trashThreads"] = "gmail:Client's thread records keep only the id, historyId and restructured messages, not the Gmail API's thread resource the connector leaves",
        ["trashThread"] = "gmail:Client's thread records keep only the id, historyId and restructured messages, not the Gmail API's thread resource the connector leaves",
        ["unTrashThreads"] = "gmail:Client's thread records keep only the id, historyId and restructured messages, not the Gmail API's thread resource the connector leaves",
        ["unTrashThread"] = "gmail:Client's thread records keep only the id, historyId and restructured messages, not the Gmail API's thread resource the connector leaves",
        ["init"] = "an inline init sets the connection's properties on the message for the operations after it (3.x also calls Google's tokeninfo, whose answer becomes the message); move its settings to a local entry named by the operations' configKey (then it becomes a gmail:Client), or create one by hand",
    };

    /// <summary>
    /// A <c>&lt;gmail.init&gt;</c> local entry of the connector 3.x/4.x: one gmail:Client on apiUrl and apiVersion that
    /// authenticates as the init would (a refresh-token grant with refreshToken, clientId and clientSecret, else the
    /// accessToken as a bearer token). False when the connection cannot be translated; the reason is kept for the
    /// operations that use it.
    /// </summary>
    private bool TryLowerGmailConnection(LocalEntrySyntax entry, string xml)
    {
        if (ConnectionSettings(entry, xml, _gmailConnectionProblems, "gmail.init") is not { } settings)
        {
            return false;
        }

        if (GmailConnectionProblem(settings) is { } problem)
        {
            _gmailConnectionProblems[entry.Name] = problem;
            return false;
        }

        string? Setting(string name) => settings.TryGetValue(name, out var value) && value.Trim().Length > 0 ? value.Trim() : null;

        var configurables = new List<ConfigurableIr>();
        Symbol Configurable(string setting, string text, bool secret, string? literal = null) =>
            ConnectionConfigurable(entry, "Gmail", configurables, setting, text, secret, literal);

        Symbol Value(string setting, bool secret) => Configurable(setting, Setting(setting)!, secret);

        var notes = ImmutableArray.CreateBuilder<string>();

        // The connector calls {apiUrl}/{apiVersion}/users/{userId}/...; 3.x has no apiVersion setting and calls v1.
        var apiUrl = Setting("apiUrl")!;
        var apiVersion = Setting("apiVersion") ?? "v1";
        Symbol serviceUrl;
        if (ConnectionConfig.IsMatch(apiUrl) || ConnectionVault.IsMatch(apiUrl) || ConnectionConfig.IsMatch(apiVersion) || ConnectionVault.IsMatch(apiVersion))
        {
            serviceUrl = Configurable("service URL", apiUrl, false, null);
            notes.Add($"The service URL is the connection's apiUrl followed by /{(Setting("apiVersion") is null ? "v1" : "its apiVersion")} (https://www.googleapis.com/gmail/v1).");
        }
        else
        {
            serviceUrl = Configurable("service URL", apiUrl, false, apiUrl.TrimEnd('/') + "/" + apiVersion.Trim('/'));
        }

        var userId = Value("userId", false);

        GmailAuthIr auth;
        if (Setting("refreshToken") is not null && Setting("clientId") is not null && Setting("clientSecret") is not null)
        {
            // 4.x refreshes at tokenEndpoint (https://oauth2.googleapis.com/token by default), 3.x at Google's token endpoint.
            var tokenEndpoint = Setting("tokenEndpoint") is not null
                ? Value("tokenEndpoint", false)
                : Configurable("token endpoint", "https://oauth2.googleapis.com/token", false);
            auth = new GmailAuthIr.RefreshToken(tokenEndpoint, Value("refreshToken", true), Value("clientId", SecretNames.IsSecret("clientId")), Value("clientSecret", true));
            notes.Add(Setting("accessToken") is null
                ? "The client gets an access token from the refresh token before its first call and again when it expires, as the connector does."
                : "The client gets an access token from the refresh token before its first call and again when it expires; connector 3.x starts with the accessToken setting (kept in the registry) and refreshes when Google's tokeninfo calls it invalid.");
        }
        else
        {
            auth = new GmailAuthIr.Bearer(Value("accessToken", true));
            notes.Add("The access token is used as it is: nothing refreshes it when it expires, as with the connector without a refresh token.");
        }

        notes.Add("The client calls Gmail over HTTP/2 with a timeout of 60 seconds (gmail:ConnectionConfig's defaults in ballerinax/googleapis.gmail 4.2.0).");
        _configurables.AddRange(configurables);
        var connection = new GmailConnectionIr(_symbols.Module(SymbolKind.Client, entry.Name), entry.Name, serviceUrl, userId, auth, notes.ToImmutable(), entry.Location);
        _gmailConnections[entry.Name] = connection;
        _gmailConnectionList.Add(connection);
        return true;
    }

    /// <summary>Why a connection's settings cannot become a gmail:Client, or null when they can.</summary>
    internal static string? GmailConnectionProblem(IReadOnlyDictionary<string, string> settings)
    {
        string? Setting(string name) => settings.TryGetValue(name, out var value) && value.Trim().Length > 0 ? value.Trim() : null;
        bool IsStatic(string text) => !(text.StartsWith('{') && text.EndsWith('}')) || ConnectionVault.IsMatch(text) || ConnectionConfig.IsMatch(text);

        foreach (var (name, value) in settings)
        {
            if (value.Trim().Length == 0 || GmailInertSettings.Contains(name))
            {
                continue;
            }

            if (!GmailClientSettings.Contains(name))
            {
                return $"it sets '{name}', which is not a setting of the Gmail connector 3.x or 4.x";
            }

            if (!IsStatic(value.Trim()))
            {
                return $"its {name} is an expression ({value.Trim()}) evaluated on the message each time the connection is used, while a gmail:Client is configured once";
            }
        }

        if (Setting("apiUrl") is null)
        {
            return "it does not set apiUrl (the Gmail API's URL every call goes to, such as https://www.googleapis.com/gmail)";
        }

        if (Setting("userId") is null)
        {
            return "it does not set userId (the mailbox every call goes to, me for the token's owner)";
        }

        var refresh = Setting("refreshToken") is not null && Setting("clientId") is not null && Setting("clientSecret") is not null;
        if (!refresh && Setting("accessToken") is null)
        {
            return "it sets no credentials (an accessToken, or a refreshToken with clientId and clientSecret)";
        }

        return null;
    }

    /// <summary>
    /// <c>&lt;gmail.sendMail|listAllMails|... configKey="..."&gt;</c> (connector 3.x/4.x): the operation's helper on the
    /// connection's client; any other operation, or one with a setting the helper does not reproduce, stays a TODO
    /// (SB0232) that says why.
    /// </summary>
    private IEnumerable<StepIr> LowerGmailOperation(ConnectorOperationMediator operation, FlowContext context)
    {
        if (GmailOperationProblems.TryGetValue(operation.Operation, out var problem))
        {
            return [ConnectorTodo(operation, problem)];
        }

        if (!GmailOperations.TryGetValue(operation.Operation, out var shape))
        {
            return [ConnectorTodo(operation, null)];
        }

        if (UnreadableOperationShape(operation) is { } unreadable)
        {
            return [unreadable];
        }

        var parameters = ParametersByName(operation);
        static bool IsSet(ConnectorParameterSyntax parameter) => parameter.Value is not ValueSyntax.Literal { Text: var text } || text.Trim().Length > 0;

        // 4.x: InvokeMediator moves the answer into the variable and gives the message back, which the helpers do not do.
        if (parameters.Values.FirstOrDefault(p => p.Name is "responseVariable" or "overwriteBody" && IsSet(p)) is { } result)
        {
            return [ConnectorTodo(operation, $"it sets {result.Name} (the connector 4.x on MI 4.4 writes the answer to a variable), which the generated call does not reproduce")];
        }

        // sendMail: CreateMail writes id and threadId into the MIME text as headers ("id:", "threadId:"), which
        // MessageRequest does not write (its threadId is the JSON member that puts the message in a thread).
        if (shape.Kind == GmailOperation.SendMail && parameters.Values.FirstOrDefault(p => p.Name is "id" or "threadId" && IsSet(p)) is { } header)
        {
            return [ConnectorTodo(operation, $"its {header.Name} becomes a '{header.Name}:' header of the MIME text the connector builds, which gmail:Client's MessageRequest does not write (its threadId is the API's member that threads the message, which the connector does not set)")];
        }

        var known = shape.Parameters.Select(p => p.Parameter).Concat(["responseVariable", "overwriteBody"]).Concat(shape.Kind == GmailOperation.SendMail ? ["id", "threadId"] : []);
        var unknown = operation.PassedParameters.Select(p => p.Name).Where(n => !known.Contains(n)).Distinct().ToList();
        if (unknown.Count > 0)
        {
            return [ConnectorTodo(operation, $"{string.Join(", ", unknown)} {(unknown.Count == 1 ? "is not a parameter" : "are not parameters")} of the connector's operation, which the generated call does not reproduce")];
        }

        var missing = shape.Required.Where(n => !parameters.TryGetValue(n, out var p) || !IsSet(p)).ToList();
        if (missing.Count > 0)
        {
            return [ConnectorTodo(operation, $"it does not set {string.Join(", ", missing)}, without which the connector's call goes to another resource")];
        }

        if (shape.Kind == GmailOperation.SendMail && parameters.TryGetValue("contentType", out var contentType) && contentType.Value is ValueSyntax.Literal { Text: var type }
            && type.Trim().Length > 0 && !type.Trim().StartsWith("text/plain", StringComparison.OrdinalIgnoreCase) && !type.Trim().StartsWith("text/html", StringComparison.OrdinalIgnoreCase))
        {
            return [ConnectorTodo(operation, $"its contentType '{type.Trim()}' is neither text/plain nor text/html, the only bodies gmail:Client's MessageRequest writes")];
        }

        if (ConnectionOf(operation, _gmailConnections, _gmailConnectionProblems, "gmail.init", out var todo) is not { } connection)
        {
            return [todo!];
        }

        // What gmail:Client does not give: the answer's HTTP headers (the connector's call leaves Gmail's response
        // headers on the message); for sendMail the body's Content-Type line.
        _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, operation.Location, $"gmail.{operation.Operation}", shape.Kind == GmailOperation.SendMail ? "the body's content type and response headers" : "response headers",
            shape.Kind == GmailOperation.SendMail
                ? "gmail:Client writes the body under 'Content-Type:text/plain;charset=\"UTF-8\"' (text/html for a text/html contentType), where the connector writes the contentType as given (no Content-Type line without one); and the message has no response headers but Content-Type, where the connector keeps Gmail's"
                : "the message has no response headers but Content-Type after the call, where the connector keeps Gmail's");
        var arguments = shape.Parameters
            .Select(p => new GmailArgumentIr(p.Argument, parameters.TryGetValue(p.Parameter, out var parameter) ? SecretSafeValue(p.Parameter, parameter.Value, parameter.Location, context) : new StringLiteralIr(string.Empty)))
            .ToImmutableArray();
        return [new GmailStep(operation, connection, shape.Kind, arguments)];
    }
}
