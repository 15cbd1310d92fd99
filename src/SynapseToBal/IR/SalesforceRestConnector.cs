using System.Collections.Immutable;
using SynapseToBal.Syntax;

namespace SynapseToBal.IR;

/// <summary>
/// A Salesforce REST connector 1.x/2.x connection (a local entry holding <c>&lt;salesforcerest.init&gt;</c>): one
/// <c>salesforce:Client</c> on the instance URL and API version, with the authentication the settings give, that the
/// <c>salesforcerest.*</c> operations naming it call.
/// </summary>
/// <param name="ConnectionName">The local entry's key (what <c>configKey</c> names).</param>
/// <param name="BaseUrl">The configurable holding the instance URL (<c>apiUrl</c>).</param>
/// <param name="ApiVersion">The configurable holding the API version without its <c>v</c> (<c>59.0</c>).</param>
/// <param name="TimeoutSeconds">The client's timeout when the connection sets one, else null (the module's default).</param>
/// <param name="Notes">What differs from the Micro Integrator, for the documentation comment.</param>
public sealed record SalesforceConnectionIr(
    Symbol Name,
    string ConnectionName,
    Symbol BaseUrl,
    Symbol ApiVersion,
    SalesforceAuthIr Auth,
    decimal? TimeoutSeconds,
    ImmutableArray<string> Notes,
    SourceLocation Origin);

/// <summary>How a Salesforce connection authenticates, each value a configurable (credentials required ones).</summary>
public abstract record SalesforceAuthIr
{
    private SalesforceAuthIr()
    {
    }

    /// <summary>accessToken alone: <c>http:BearerTokenConfig</c>.</summary>
    public sealed record Bearer(Symbol Token) : SalesforceAuthIr;

    /// <summary>refreshToken, clientId and clientSecret: <c>http:OAuth2RefreshTokenGrantConfig</c> on the token endpoint.</summary>
    public sealed record RefreshToken(Symbol RefreshUrl, Symbol Token, Symbol ClientId, Symbol ClientSecret) : SalesforceAuthIr;

    /// <summary>username, password, clientId and clientSecret: <c>http:OAuth2PasswordGrantConfig</c> on the token endpoint.</summary>
    public sealed record PasswordGrant(Symbol TokenUrl, Symbol Username, Symbol Password, Symbol ClientId, Symbol ClientSecret) : SalesforceAuthIr;
}

/// <summary>A Salesforce REST connector operation the generated code performs with <c>salesforce:Client</c>.</summary>
public enum SalesforceOperation
{
    /// <summary>salesforcerest.query: GET query?q=..., the records of every page in one <c>{totalSize, done, records}</c>.</summary>
    Query,

    /// <summary>salesforcerest.create: POST sobjects/{sObjectName}, <c>{id, success, errors}</c> and 201.</summary>
    Create,

    /// <summary>salesforcerest.update: PATCH sobjects/{sObjectName}/{Id}, no body and 204.</summary>
    Update,

    /// <summary>salesforcerest.delete: DELETE sobjects/{sObjectName}/{idToDelete}, no body and 204.</summary>
    Delete,

    /// <summary>salesforcerest.describeSObject: GET sobjects/{sObjectName}/describe, the description and 200.</summary>
    DescribeSObject,
}

/// <summary>
/// A Salesforce REST connector 1.x/2.x operation: the run-time helper of <see cref="Operation"/> called on the
/// connection's client with the operation's parameters, each evaluated to a string as the connector reads its template
/// parameters. The helper leaves what the connector's call leaves: Salesforce's JSON response as the message with its
/// HTTP status, Salesforce's error response (and status) when Salesforce refuses the request.
/// </summary>
/// <param name="Arguments">The parameters, by the helper's parameter name, in the helper's order.</param>
public sealed record SalesforceRestStep(
    MediatorSyntax Origin,
    SalesforceConnectionIr Connection,
    SalesforceOperation Operation,
    ImmutableArray<SalesforceArgumentIr> Arguments) : StepIr(Origin);

/// <summary>A parameter of a Salesforce REST operation: the helper's parameter name and its value.</summary>
public sealed record SalesforceArgumentIr(string Name, ExprIr Value);
