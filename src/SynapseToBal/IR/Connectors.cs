using System.Collections.Immutable;
using SynapseToBal.Syntax;

namespace SynapseToBal.IR;

/// <summary>
/// An MI 4.4 HTTP connection (a local entry holding <c>&lt;http.init&gt;</c>): one <c>http:Client</c> on the connection's
/// base URL, with its authentication and timeout, that the <c>http.get|post|...</c> operations naming it call.
/// </summary>
/// <param name="ConnectionName">The local entry's key (what <c>configKey</c> names).</param>
/// <param name="BaseUrl">The configurable holding the base URL (the client's URL; the operations join their relative path to it).</param>
/// <param name="Auth">The authentication the client adds to every request, or null for none.</param>
/// <param name="TimeoutSeconds">The client's timeout (the connection's <c>timeoutDuration</c>, else the Micro Integrator's global timeout).</param>
/// <param name="Notes">What differs from the Micro Integrator, for the documentation comment.</param>
public sealed record HttpConnectionIr(
    Symbol Name,
    string ConnectionName,
    Symbol BaseUrl,
    HttpAuthIr? Auth,
    decimal TimeoutSeconds,
    ImmutableArray<string> Notes,
    SourceLocation Origin)
{
    /// <summary>
    /// The configurable holding the path of the certificate the client trusts (<c>secureSocket.cert</c>): the file the
    /// Micro Integrator configuration key <c>certificateConfigurable</c> names; null when the connection names none.
    /// </summary>
    public Symbol? Certificate { get; init; }

    /// <summary>
    /// The suspension state of the endpoint the Micro Integrator makes from the connection (HTTPConnectionUtils: its
    /// suspend* and retry* settings), which every operation on the connection checks and updates; null when the
    /// connection sets none of them, or they never suspend it.
    /// </summary>
    public EndpointSuspensionIr? Suspension { get; init; }

    /// <summary>
    /// How this client writes its requests, for the operations that set the connector's <c>forceHttp10</c> or
    /// <c>disableChunking</c> (the axis2 properties FORCE_HTTP_1.0 and DISABLE_CHUNKING the pass-through sender reads):
    /// HTTP/1.0, or HTTP/1.1 without chunks; null: HTTP/1.1, chunked, as the connection's own client.
    /// </summary>
    public HttpTransport? Transport { get; init; }

    /// <summary>The operations using this client set <c>noKeepAlive</c> (NO_KEEPALIVE): each request closes its connection.</summary>
    public bool NoKeepAlive { get; init; }

    /// <summary>
    /// The connection whose client this one is a second one of, configured for some operations (<see cref="Transport"/>,
    /// <see cref="NoKeepAlive"/>): it shares that connection's base URL, settings and suspension state; null for a
    /// connection's own client.
    /// </summary>
    public Symbol? VariantOf { get; init; }
}

/// <summary>The authentication of an HTTP connection, each value a configurable (credentials required ones).</summary>
public abstract record HttpAuthIr
{
    private HttpAuthIr()
    {
    }

    /// <summary>authType "Basic Auth": <c>http:CredentialsConfig</c>.</summary>
    public sealed record Basic(Symbol Username, Symbol Password) : HttpAuthIr;

    /// <summary>OAuth, grant "Client Credentials": <c>http:OAuth2ClientCredentialsGrantConfig</c>.</summary>
    /// <param name="CredentialsInBody">oauthAuthorizationMode "Payload": the client credentials go in the token request's body.</param>
    public sealed record ClientCredentials(Symbol TokenUrl, Symbol ClientId, Symbol ClientSecret, bool CredentialsInBody) : HttpAuthIr;

    /// <summary>OAuth, grant "Password": <c>http:OAuth2PasswordGrantConfig</c>.</summary>
    public sealed record PasswordGrant(Symbol TokenUrl, Symbol Username, Symbol Password, Symbol ClientId, Symbol ClientSecret, bool CredentialsInBody) : HttpAuthIr;

    /// <summary>OAuth, grant "Authorization Code" (Synapse refreshes the access token from a refresh token): <c>http:OAuth2RefreshTokenGrantConfig</c>.</summary>
    public sealed record RefreshToken(Symbol TokenUrl, Symbol Token, Symbol ClientId, Symbol ClientSecret, bool CredentialsInBody) : HttpAuthIr;
}

/// <summary>The request body an HTTP connector operation sets (<c>requestBodyType</c>).</summary>
public enum HttpBodyType
{
    Json,
    Xml,
    Text,
}

/// <summary>
/// An MI 4.4 HTTP connector operation (<c>http.get</c>, <c>http.post</c>, ...): the headers it lists are added to the
/// message, its request body (if any) replaces the payload, and the message is sent like a non-blocking <c>call</c> to
/// the connection's base URL joined with the relative path; the response becomes the message, or goes to a variable.
/// </summary>
/// <param name="Method">GET, POST, PUT, PATCH, DELETE, HEAD or OPTIONS.</param>
/// <param name="RelativePath">The relative path with its <c>${...}</c> parts (and query), as a string.</param>
/// <param name="Headers">Header names and values, in order.</param>
/// <param name="BodyType">The body's type, or null when the operation sends the current message.</param>
/// <param name="Body">The body text (with its <c>${...}</c> parts); empty when <paramref name="BodyType"/> is null.</param>
/// <param name="ResponseVariable">The variable receiving <c>{payload, headers, attributes}</c>, or null.</param>
/// <param name="OverwriteBody">With a response variable: the response stays the message (and the variable holds no payload).</param>
public sealed record HttpConnectorCallStep(
    MediatorSyntax Origin,
    HttpConnectionIr Connection,
    string Method,
    ExprIr RelativePath,
    ImmutableArray<HttpHeaderIr> Headers,
    HttpBodyType? BodyType,
    ExprIr Body,
    string? ResponseVariable,
    bool OverwriteBody) : StepIr(Origin);

/// <summary>A header an HTTP connector operation adds to the request.</summary>
public sealed record HttpHeaderIr(ExprIr Name, ExprIr Value);

/// <summary>The security of an SMTP connection, as <c>email:Security</c> names it.</summary>
public enum SmtpSecurity
{
    /// <summary>connectionType SMTP: plain text (the Micro Integrator sets no TLS property).</summary>
    StartTlsNever,

    /// <summary>connectionType SMTPS with requireTLS: STARTTLS when the server offers it (mail.smtp.starttls.enable).</summary>
    StartTlsAuto,

    /// <summary>connectionType SMTPS: SSL from the start (mail.smtp.ssl.enable).</summary>
    Ssl,
}

/// <summary>
/// An MI 4.4 email connection for sending (a local entry holding <c>&lt;email.init&gt;</c> with connectionType SMTP or
/// SMTPS): one <c>email:SmtpClient</c> that the <c>email.send</c> operations naming it send on.
/// </summary>
/// <param name="ConnectionName">The local entry's key (what <c>configKey</c> names).</param>
/// <param name="Host">The configurable holding the SMTP host.</param>
/// <param name="Port">The configurable holding the port.</param>
/// <param name="Username">The configurable holding the user name.</param>
/// <param name="Password">The required configurable holding the password.</param>
/// <param name="Notes">What differs from the Micro Integrator, for the documentation comment.</param>
public sealed record EmailConnectionIr(
    Symbol Name,
    string ConnectionName,
    Symbol Host,
    Symbol Port,
    Symbol Username,
    Symbol Password,
    SmtpSecurity Security,
    ImmutableArray<string> Notes,
    SourceLocation Origin);

/// <summary>
/// The MI 4.4 email connector's <c>email.send</c> (EmailSend, connector 2.x): a message built from the operation's
/// parameters is sent on the connection's SMTP client; <c>{"success": true}</c> goes to the response variable (or
/// replaces the message with <c>overwriteBody</c>); a failure records the connector's error code and fails the flow.
/// </summary>
/// <param name="To">Comma-separated addresses (InternetAddress.parse), as are <paramref name="Cc"/>, <paramref name="Bcc"/> and <paramref name="ReplyTo"/>.</param>
/// <param name="Subject">The subject with its <c>${...}</c> parts evaluated.</param>
/// <param name="Content">The body with its <c>${...}</c> parts evaluated.</param>
/// <param name="ContentType">The body's content type with its charset (MessageBuilder.withBody: text/html and UTF-8 by default).</param>
public sealed record EmailSendStep(
    MediatorSyntax Origin,
    EmailConnectionIr Connection,
    ExprIr From,
    ExprIr To,
    ExprIr Cc,
    ExprIr Bcc,
    ExprIr ReplyTo,
    ExprIr Subject,
    ExprIr Content,
    string ContentType,
    string ResponseVariable,
    bool OverwriteBody) : StepIr(Origin)
{
    /// <summary>
    /// Email connector 1.x (no responseVariable): the body becomes <c>&lt;result&gt;&lt;success&gt;true&lt;/success&gt;&lt;/result&gt;</c>
    /// (EmailUtils.generateOutput), and a failure sets ERROR_CODE and ERROR_MESSAGE only; <see cref="ResponseVariable"/> is empty.
    /// </summary>
    public bool LegacyResult { get; init; }

    /// <summary>
    /// A contentType computed at run time (SB0622): its value, sent with <see cref="Charset"/> as MessageBuilder.withBody
    /// builds the type (text/html when empty) and checked as the send runs; null when <see cref="ContentType"/> is
    /// written in the operation.
    /// </summary>
    public ExprIr? ComputedContentType { get; init; }

    /// <summary>The charset appended to <see cref="ComputedContentType"/> (the operation's encoding, UTF-8 by default); null with a written type.</summary>
    public string? Charset { get; init; }
}

/// <summary>
/// What an MI 4.x DB connector operation runs (ExecuteQuery.connect's switch on its <c>operation</c> property): a
/// query whose rows are the result (select, executeQuery with isResultSet), or an update whose count is (insert,
/// update, delete, executeQuery without isResultSet; insert also reports its generated keys), or a stored procedure
/// call (call: prepareCall, its first result set and update count).
/// </summary>
public enum DbConnectorOperation
{
    Select,
    Insert,
    Update,
    Delete,
    ExecuteQuery,
    Call,
}

/// <summary>
/// An MI 4.x DB connector operation (<c>db.select|insert|update|delete|executeQuery</c>, wso2-extensions/mi-connector-db
/// ExecuteQuery) on a <c>&lt;db.init&gt;</c> connection: the statement is run as a prepared statement with the
/// parameters the operation binds, and its result (<c>{rows}</c> or <c>{affectedRows[, generatedKeys]}</c>) goes to
/// the response variable or replaces the body; a failure records the connector's error code and fails the flow.
/// </summary>
/// <param name="Statement">The SQL text: the prepared statement as written, or the query with its <c>${...}</c> parts evaluated.</param>
/// <param name="Data">The parameters' JSON text with its <c>${...}</c> parts evaluated (the offline <c>columns</c>, executeQuery's <c>parameters</c>), or null when none are bound.</param>
/// <param name="DataWidth">The length of each parameter entry of <paramref name="Data"/>: 3 for <c>[name, value, type]</c>, 2 for <c>[value, type]</c>.</param>
/// <param name="Columns">The online columns' values and JDBC type names (columnNames, columnTypes), bound in order; empty when none are.</param>
/// <param name="ResultSet">Whether the statement's rows are the result (select, executeQuery with isResultSet true).</param>
/// <param name="Limit">select's limit, bound as an INTEGER after the other parameters, or null.</param>
/// <param name="Offset">select's offset, bound as an INTEGER after the limit, or null.</param>
/// <param name="MaxRows">The statement's maxRows (JDBC's setMaxRows: rows past it are dropped), or null.</param>
public sealed record DbConnectorStep(
    MediatorSyntax Origin,
    DbClientIr Client,
    DbConnectorOperation Operation,
    ExprIr Statement,
    ExprIr? Data,
    int DataWidth,
    ImmutableArray<DbColumnIr> Columns,
    bool ResultSet,
    ExprIr? Limit,
    ExprIr? Offset,
    int? MaxRows,
    string ResponseVariable,
    bool OverwriteBody) : StepIr(Origin);

/// <summary>An online column of a DB connector operation: its value (the operation's parameter of the column's name) and JDBC type name.</summary>
public sealed record DbColumnIr(ExprIr Value, string Type);
