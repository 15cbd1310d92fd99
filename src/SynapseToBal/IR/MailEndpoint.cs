using SynapseToBal.Syntax;

namespace SynapseToBal.IR;

/// <summary>
/// The SMTP settings of one of the Micro Integrator's mail transport senders (Axis2's <c>MailTransportSender</c>,
/// the <c>[[transport.mail.sender]]</c> of its deployment.toml, a <c>transportSender</c> of its axis2.xml), named
/// as the scheme of the addresses that use it (<c>mailto</c>, or <c>mailtoX</c> for a second sender). They are not in
/// the project: each is a required configurable, the password a secret one.
/// </summary>
/// <param name="SenderName">The transport sender's name: the address's scheme.</param>
/// <param name="Host">Configurable: <c>mail.smtp.host</c>.</param>
/// <param name="Port">Configurable (an int): <c>mail.smtp.port</c>.</param>
/// <param name="Username">Configurable: <c>mail.smtp.user</c>.</param>
/// <param name="Password">Required secret configurable: <c>mail.smtp.password</c>.</param>
/// <param name="From">Configurable: <c>mail.smtp.from</c>, the From address when the message names none.</param>
/// <param name="Security">Configurable: the email:Security of the connection (<c>mail.smtp.starttls.enable</c>, <c>mail.smtp.ssl.enable</c>).</param>
/// <param name="Bcc">Configurable, empty by default: <c>transport.mail.SMTPBccAddresses</c>, added to every mail's Bcc.</param>
public sealed record MailSenderIr(string SenderName, Symbol Host, Symbol Port, Symbol Username, Symbol Password, Symbol From, Symbol Security, Symbol Bcc);

/// <summary>
/// An address endpoint with a <c>mailto:</c> URI: the recipients after the scheme (a configurable) and the mail
/// sender its scheme names. Sends through it go out with the runtime's <c>sendMail</c>.
/// </summary>
/// <param name="EndpointName">The endpoint's name, for messages.</param>
/// <param name="Sender">The SMTP settings of the transport sender.</param>
/// <param name="To">Configurable: the address list after <c>mailto:</c>.</param>
public sealed record MailEndpointIr(string EndpointName, MailSenderIr Sender, Symbol To)
{
    /// <summary>Endpoint settings that are not applied (reported): a TODO beside each send, with the address.</summary>
    public NotTranslatedIr? NotApplied { get; init; }

    /// <summary>The endpoint's <c>&lt;address&gt;</c> element, for the TODO of <see cref="NotApplied"/>.</summary>
    public string? Address { get; init; }
}

/// <summary>
/// A send, call or callout to a <c>mailto:</c> endpoint: the message mailed as MailTransportSender writes it (the
/// runtime's <c>sendMail</c>). With OUT_ONLY "true" nothing comes back and the message stays as it was; without it the
/// Micro Integrator waits for a reply mail, and <c>sendMail</c> fails after the mail went, as the Micro Integrator
/// fails when none comes.
/// </summary>
/// <param name="Origin">The send, call or callout; null for a proxy's target endpoint.</param>
public sealed record MailSendStep(MediatorSyntax? Origin, MailEndpointIr Endpoint) : StepIr(Origin)
{
    /// <summary>OUT_ONLY is not set on any path before the send: the Micro Integrator waits for a reply mail.</summary>
    public bool AwaitsReply { get; init; }

    /// <summary>
    /// The default-scope property (OUT_ONLY) read when the send runs, when it is set on some paths only: "true" makes
    /// the send out-only. Naming it here keeps its writes in the generated code (Refine/PropertyLocals.cs).
    /// </summary>
    public string? OutOnlyProperty { get; init; }
}
