using System.Collections.Immutable;
using SynapseToBal.Syntax;

namespace SynapseToBal.IR;

/// <summary>
/// A Gmail connector 3.x/4.x connection (a local entry holding <c>&lt;gmail.init&gt;</c>): one <c>gmail:Client</c>
/// (ballerinax/googleapis.gmail) on the Gmail API's URL, authenticating with the connection's OAuth 2.0 settings, that
/// the <c>gmail.*</c> operations naming it call for the connection's user.
/// </summary>
/// <param name="ConnectionName">The local entry's key (what <c>configKey</c> names).</param>
/// <param name="ServiceUrl">The configurable holding the API's URL with its version (<c>apiUrl</c>/<c>apiVersion</c>).</param>
/// <param name="UserId">The configurable holding the mailbox's user (<c>userId</c>, <c>me</c> for the token's owner).</param>
/// <param name="Notes">What differs from the Micro Integrator, for the documentation comment.</param>
public sealed record GmailConnectionIr(
    Symbol Name,
    string ConnectionName,
    Symbol ServiceUrl,
    Symbol UserId,
    GmailAuthIr Auth,
    ImmutableArray<string> Notes,
    SourceLocation Origin);

/// <summary>How a Gmail connection authenticates, each value a configurable (credentials required ones).</summary>
public abstract record GmailAuthIr
{
    private GmailAuthIr()
    {
    }

    /// <summary>accessToken alone: <c>http:BearerTokenConfig</c>.</summary>
    public sealed record Bearer(Symbol Token) : GmailAuthIr;

    /// <summary>refreshToken, clientId and clientSecret: <c>gmail:OAuth2RefreshTokenGrantConfig</c> on the token endpoint.</summary>
    public sealed record RefreshToken(Symbol RefreshUrl, Symbol Token, Symbol ClientId, Symbol ClientSecret) : GmailAuthIr;
}

/// <summary>A Gmail connector operation the generated code performs with <c>gmail:Client</c>.</summary>
public enum GmailOperation
{
    /// <summary>gmail.sendMail: POST users/{userId}/messages/send, <c>{id, threadId, labelIds}</c> and 200.</summary>
    SendMail,

    /// <summary>gmail.listAllMails: GET users/{userId}/messages, <c>{messages, nextPageToken, resultSizeEstimate}</c> and 200.</summary>
    ListAllMails,

    /// <summary>gmail.listDrafts: GET users/{userId}/drafts, <c>{drafts, nextPageToken, resultSizeEstimate}</c> and 200.</summary>
    ListDrafts,

    /// <summary>gmail.listLabels: GET users/{userId}/labels, <c>{labels}</c> and 200.</summary>
    ListLabels,

    /// <summary>gmail.readLabel: GET users/{userId}/labels/{id}, the label and 200.</summary>
    ReadLabel,

    /// <summary>gmail.getUserProfile: GET users/{userId}/profile, the profile and 200.</summary>
    GetUserProfile,

    /// <summary>gmail.trashMessages (4.x trashMessage): POST users/{userId}/messages/{id}/trash, <c>{id, threadId, labelIds}</c> and 200.</summary>
    TrashMessage,

    /// <summary>gmail.unTrashMessages (4.x unTrashMessage): POST users/{userId}/messages/{id}/untrash, <c>{id, threadId, labelIds}</c> and 200.</summary>
    UnTrashMessage,

    /// <summary>gmail.deleteMessages (4.x deleteMessage): DELETE users/{userId}/messages/{id}, no body and 204.</summary>
    DeleteMessage,

    /// <summary>gmail.deleteThreads (4.x deleteThread): DELETE users/{userId}/threads/{id}, no body and 204.</summary>
    DeleteThread,

    /// <summary>gmail.deleteLabel: DELETE users/{userId}/labels/{id}, no body and 204.</summary>
    DeleteLabel,

    /// <summary>gmail.deleteDraft: DELETE users/{userId}/drafts/{id}, no body and 204.</summary>
    DeleteDraft,
}

/// <summary>
/// A Gmail connector 3.x/4.x operation: the run-time helper of <see cref="Operation"/> called on the connection's
/// client for its user, with the operation's parameters, each evaluated to a string as the connector reads its
/// template parameters (empty when not given). The helper leaves what the connector's call leaves: Gmail's JSON answer
/// as the message with its HTTP status, Gmail's error answer (and status) when Gmail refuses the request.
/// </summary>
/// <param name="Arguments">The parameters, by the helper's parameter name, in the helper's order.</param>
public sealed record GmailStep(
    MediatorSyntax Origin,
    GmailConnectionIr Connection,
    GmailOperation Operation,
    ImmutableArray<GmailArgumentIr> Arguments) : StepIr(Origin);

/// <summary>A parameter of a Gmail operation: the helper's parameter name and its value.</summary>
public sealed record GmailArgumentIr(string Name, ExprIr Value);
