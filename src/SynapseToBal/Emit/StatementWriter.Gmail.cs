using SynapseToBal.IR;
using SynapseToBal.Refine;

namespace SynapseToBal.Emit;

internal sealed partial class StatementWriter
{
    /// <summary>The run-time helper performing a Gmail connector operation on a gmail:Client.</summary>
    private static string GmailFunction(GmailOperation operation) => operation switch
    {
        GmailOperation.SendMail => "gmailSendMail",
        GmailOperation.ListAllMails => "gmailListAllMails",
        GmailOperation.ListDrafts => "gmailListDrafts",
        GmailOperation.ListLabels => "gmailListLabels",
        GmailOperation.ReadLabel => "gmailReadLabel",
        GmailOperation.GetUserProfile => "gmailGetUserProfile",
        GmailOperation.TrashMessage => "gmailTrashMessage",
        GmailOperation.UnTrashMessage => "gmailUnTrashMessage",
        GmailOperation.DeleteMessage => "gmailDeleteMessage",
        GmailOperation.DeleteThread => "gmailDeleteThread",
        GmailOperation.DeleteLabel => "gmailDeleteLabel",
        GmailOperation.DeleteDraft => "gmailDeleteDraft",
        _ => throw new InvalidOperationException($"Unhandled Gmail operation {operation}"),
    };

    /// <summary>The arguments of a Gmail helper: the context, the connection's client and user, then each parameter by the helper's name.</summary>
    private string GmailArguments(GmailStep step) =>
        string.Join(", ", new[] { "ctx", _expr.Names[step.Connection.Name], _expr.Names[step.Connection.UserId] }
            .Concat(step.Arguments.Select(a => $"{BallerinaSyntax.Identifier(a.Name)} = {_expr.String(a.Value)}")));
}
