using SynapseToBal.IR;
using SynapseToBal.Refine;

namespace SynapseToBal.Emit;

internal sealed partial class StatementWriter
{
    /// <summary>A send to a <c>mailto:</c> endpoint: the runtime's sendMail (<see cref="MailSendCall"/>).</summary>
    private void MailSend(MailSendStep step) => _out.Line($"check {MailSendCall(step.Endpoint, _expr.Names, step.OutOnlyProperty is { } property ? AwaitsReplyUnless(property) : step.AwaitsReply ? "true" : null)};");

    /// <summary>The run-time test of a message whose OUT_ONLY decides whether a reply mail is awaited (SendMediator and the blocking sender test the string "true").</summary>
    internal static string AwaitsReplyUnless(string property) => $"ctx.properties[{BallerinaSyntax.StringLiteral(property)}] != \"true\"";

    /// <summary>
    /// The runtime's <c>sendMail(ctx, ...)</c> call for a mail endpoint (a send, or a forwarding processor's attempt):
    /// the SMTP settings of its transport sender and its recipients, all configurables (the string security setting
    /// needs no import of ballerina/email where the call is written).
    /// </summary>
    /// <param name="awaitsReply">The <c>awaitsReply</c> argument (Ballerina), null when no reply is awaited.</param>
    internal static string MailSendCall(MailEndpointIr mail, NameMap names, string? awaitsReply)
    {
        var smtp = MailSmtpSettings(mail.Sender, names);
        return $"sendMail(ctx, {{{smtp}}}, {names[mail.To]}{(awaitsReply is null ? string.Empty : $", awaitsReply = {awaitsReply}")})";
    }

    /// <summary>The fields of the runtime's <c>MailSmtpSettings</c> record for a mail transport sender, all configurables (without the braces).</summary>
    internal static string MailSmtpSettings(MailSenderIr sender, NameMap names) =>
        $"host: {names[sender.Host]}, port: {names[sender.Port]}, username: {names[sender.Username]}, password: {names[sender.Password]}, "
        + $"'from: {names[sender.From]}, security: {names[sender.Security]}, bcc: {names[sender.Bcc]}";
}
