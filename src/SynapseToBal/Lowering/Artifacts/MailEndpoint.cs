using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

// Lowering of address endpoints with a mailto: URI (the Micro Integrator's mail transport sender, Axis2's
// MailTransportSender): the recipients after the scheme become a configurable, and the SMTP settings of the sender,
// which live in the server's axis2.xml / deployment.toml and not in the project, required configurables shared by
// every endpoint of that sender. A <send>, <call>, callout or proxy target through such an endpoint becomes a
// MailSendStep; what the sender does that the generated code does not is SB0290.
public sealed partial class Lowerer
{
    /// <summary>The mail endpoints lowered, by definition (a named endpoint's, or an inline one's).</summary>
    private readonly Dictionary<EndpointDefinitionSyntax, MailEndpointIr> _mailEndpoints = new(ReferenceEqualityComparer.Instance);

    /// <summary>The SMTP settings of each mail transport sender an endpoint uses, by sender name (the address's scheme).</summary>
    private readonly Dictionary<string, MailSenderIr> _mailSenders = new(StringComparer.Ordinal);

    /// <summary>
    /// Whether an address names a mail transport sender: Axis2 picks the sender whose name is the URI's scheme, case
    /// sensitively, and MailTransportSender takes any name that starts with <c>mailto</c> (a second sender is
    /// typically <c>mailtoX</c>).
    /// </summary>
    private static bool IsMailAddress(string uri) => Transports.Scheme(uri.Trim()) is { } scheme && scheme.StartsWith("mailto", StringComparison.Ordinal);

    /// <summary>
    /// Records the mail endpoint of a <c>mailto:</c> address and returns true; false (nothing recorded) for an address
    /// resolved at run time or with a query part, which stay the non-HTTP TODO (SB0218).
    /// </summary>
    private bool LowerMailEndpoint(string name, AddressEndpointSyntax address, out NotTranslatedIr? notTranslated)
    {
        var uri = address.Uri.Trim();
        var colon = uri.IndexOf(':', StringComparison.Ordinal);
        var senderName = uri[..colon];
        // MailTransportSender: the target is what follows the first ':', parsed as a comma-separated address list
        // (InternetAddress.parse); nothing in it is URL-decoded and a mailto URL's ?subject=... is not read.
        var recipients = uri[(colon + 1)..].Trim();
        // A query part (MailTransportSender does not read mailto URL fields such as ?subject=: it parses the whole text
        // as the address list) or a value resolved at run time: the non-HTTP TODO, which says what to write.
        if (recipients.Contains('?', StringComparison.Ordinal) || recipients.Contains('{', StringComparison.Ordinal) || recipients.Contains('$', StringComparison.Ordinal))
        {
            notTranslated = null;
            return false;
        }

        notTranslated = new NotTranslatedIr(DiagnosticCatalog.NonHttpEndpoint,
            $"'{name}' sends mail: only a <send>, a <call>, a callout without an action, a proxy's target endpoint and a forwarding processor's target are translated (sendMail); send this one by hand with the same helper");
        var sender = MailSender(senderName, address.Location);
        var to = _symbols.Module(SymbolKind.Configurable, $"{name} to");
        _configurables.Add(new ConfigurableIr(to, ConfigurableType.String, recipients,
            $"Recipients of the mail endpoint '{name}': the comma-separated address list after '{senderName}:' in its address (a To transport header on the message replaces it, as MailTransportSender reads it).", Secret: false));

        NotTranslatedIr? notApplied = null;
        if (address.Format is { } format)
        {
            _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, address.Location, "address", $"format=\"{format}\"", "the mail body is written in the message's current content type");
            notApplied = new NotTranslatedIr(DiagnosticCatalog.AttributeNotTranslated, $"settings of mail endpoint '{name}' not applied: format=\"{format}\": the Micro Integrator writes the mail body in that format's content type; the generated send writes it in the message's current one");
        }

        _mailEndpoints[address] = new MailEndpointIr(name, sender, to)
        {
            NotApplied = notApplied,
            Address = notApplied is null ? null : Transports.RedactUriSecrets(new System.Xml.Linq.XElement("address", new System.Xml.Linq.XAttribute("uri", address.Uri), new System.Xml.Linq.XAttribute("format", address.Format ?? string.Empty)).ToString()),
        };
        return true;
    }

    /// <summary>
    /// The SMTP settings of a mail transport sender, made once per sender name: required configurables described by
    /// the axis2.xml parameter and the deployment.toml key that hold them in the Micro Integrator.
    /// </summary>
    private MailSenderIr MailSender(string senderName, SourceLocation location)
    {
        if (_mailSenders.TryGetValue(senderName, out var known))
        {
            return known;
        }

        var prefix = senderName == "mailto" ? "mail smtp" : $"{senderName} smtp";
        var of = $"the Micro Integrator's '{senderName}' mail transport sender (MailTransportSender; not in the Synapse project)";
        // A blocking call, a callout and a message processor's forward send through the blocking sender, whose mail
        // senders come from axis2_blocking_client.xml ([[transport.blocking.mail.sender]]); a send and a non-blocking
        // call through axis2.xml's ([[transport.mail.sender]]).
        var toml = $"of the [[transport.mail.sender]] named \"{senderName}\" in its deployment.toml; for a blocking call, callout or message processor, of the [[transport.blocking.mail.sender]] in axis2_blocking_client.xml";
        Symbol Configurable(string what, ConfigurableType type, string? value, string description, bool secret = false)
        {
            var symbol = _symbols.Module(SymbolKind.Configurable, $"{prefix} {what}");
            _configurables.Add(new ConfigurableIr(symbol, type, value, description, Secret: secret));
            if (secret)
            {
                _diagnostics.Report(DiagnosticCatalog.SecretConfigurable, location, $"{prefix} {what}");
            }

            return symbol;
        }

        var sender = new MailSenderIr(
            senderName,
            Configurable("host", ConfigurableType.String, null, $"SMTP server host of {of}: mail.smtp.host in its axis2.xml (parameter.hostname {toml})."),
            Configurable("port", ConfigurableType.Integer, null, $"SMTP server port of {of}: mail.smtp.port in its axis2.xml (parameter.port {toml})."),
            Configurable("user", ConfigurableType.String, null, $"User name on the SMTP server of {of}: mail.smtp.user in its axis2.xml (parameter.username {toml})."),
            Configurable("password", ConfigurableType.String, null, $"Password on the SMTP server of {of}: mail.smtp.password in its axis2.xml (parameter.password {toml}); never written here.", secret: true),
            Configurable("from", ConfigurableType.String, null, $"From address of the mails of {of}: mail.smtp.from in its axis2.xml (parameter.from {toml}); a From transport header on the message replaces it."),
            Configurable("security", ConfigurableType.String, null, $"Security of the connection to the SMTP server of {of}, as an email:Security name: START_TLS_AUTO when mail.smtp.starttls.enable is true (parameter.enable_tls = true {toml}), START_TLS_ALWAYS when mail.smtp.starttls.required is true as well, SSL when mail.smtp.ssl.enable is true, START_TLS_NEVER when none is set."),
            Configurable("bcc", ConfigurableType.String, string.Empty, $"Bcc addresses of every mail of {of}, comma-separated: transport.mail.SMTPBccAddresses in its axis2.xml (parameter.'transport.mail.SMTPBccAddresses' {toml}); empty for none."));
        _mailSenders[senderName] = sender;
        return sender;
    }

    /// <summary>The mail endpoint a send or call names (inline, lowered by <see cref="CallStepFor"/> first, or by key).</summary>
    private MailEndpointIr? MailEndpointOf(EndpointReferenceSyntax? reference) =>
        EndpointDefinitionOf(reference) is { } definition ? _mailEndpoints.GetValueOrDefault(definition) : null;

    /// <summary>
    /// A send, call or callout to a mail endpoint; null when the endpoint is not one. MailTransportSender mails the
    /// message in the mediation thread (a failure is the send's failure: the fault handling runs). With OUT_ONLY "true"
    /// nothing comes back: a send goes on as any out-only send does (the client gets 202 with FORCE_SC_ACCEPTED, else
    /// nothing: SB0210), a call or callout with the message as it was. Without it the sender waits for a reply mail
    /// and fails the send when none comes: sendMail mails the message and then fails the same way (SB0290; set on some
    /// paths only, OUT_ONLY decides at run time), so the steps after it run only for an out-only send.
    /// </summary>
    private IEnumerable<StepIr>? MailSend(MediatorSyntax mediator, EndpointReferenceSyntax? reference, FlowContext context)
    {
        if (MailEndpointOf(reference) is not { } mail || (mediator is CalloutMediator { Action: not null }))
        {
            return null;
        }

        var state = context.Exchange.Current;
        StepIr send = Reply(new MailSendStep(mediator, mail), state.OutOnly);
        StepIr[] notApplied = mail.NotApplied is { } reason ? [new TodoStep(mediator, reason, mail.Address ?? string.Empty)] : [];
        if (state.OutOnly != Known.Yes)
        {
            ReportMailReply(mail, mediator.Location, state.OutOnly, mediator switch { SendMediator => "<send>", CallMediator => "<call>", _ => "<callout>" });
        }

        if (mediator is SendMediator sendMediator)
        {
            return [.. notApplied, .. OutOnlyOrAccepted(sendMediator, "send", sendMediator.Location, send, state with { OutOnly = Known.Yes }, context)!];
        }

        return [.. notApplied, send];
    }

    /// <summary>
    /// A proxy's target endpoint when it is a mail endpoint: ProxyServiceMessageReceiver sends it as a &lt;send&gt;
    /// does, in the state the in flow left. Null when the endpoint is not a mail endpoint.
    /// </summary>
    private IEnumerable<StepIr>? MailTargetSend(EndpointReferenceSyntax reference, ExchangeState.Frame state, SourceLocation location, FlowContext context)
    {
        if (MailEndpointOf(reference) is not { } mail)
        {
            return null;
        }

        StepIr send = Reply(new MailSendStep(null, mail), state.OutOnly);
        StepIr[] notApplied = mail.NotApplied is { } reason ? [new TodoStep(null, reason, mail.Address ?? string.Empty)] : [];
        if (state.OutOnly != Known.Yes)
        {
            ReportMailReply(mail, location, state.OutOnly, "proxy's send to its target endpoint");
        }

        return [.. notApplied, .. OutOnlyOrAccepted(null, "proxy target", location, send, state with { OutOnly = Known.Yes }, context)!];
    }

    /// <summary>Whether the send waits for a reply mail: never with OUT_ONLY "true", always without it, else as OUT_ONLY says at run time.</summary>
    private static MailSendStep Reply(MailSendStep send, Known outOnly) => outOnly switch
    {
        Known.Yes => send,
        Known.No => send with { AwaitsReply = true },
        _ => send with { OutOnlyProperty = "OUT_ONLY" },
    };

    /// <summary>A use of a mail endpoint without OUT_ONLY "true" on every path: its SB0290, saying what differs.</summary>
    private void ReportMailReply(MailEndpointIr mail, SourceLocation? location, Known outOnly, string use) =>
        _diagnostics.Report(DiagnosticCatalog.MailSendNotReproduced, location, mail.EndpointName,
            $"OUT_ONLY is {(outOnly == Known.Maybe ? "set on some paths only" : "not set")} before this {use}: the Micro Integrator mails the message and then waits for a reply mail "
            + "(MailTransportSender.waitForReply, up to the client's timeout, 30 s by default; at once when the server has no mailto listener) and fails the send when none comes, so the fault handling runs; "
            + "the generated sendMail mails the message and fails at once when OUT_ONLY is not \"true\": a reply mail is never awaited. Set OUT_ONLY to true before it if no reply is expected");
}
