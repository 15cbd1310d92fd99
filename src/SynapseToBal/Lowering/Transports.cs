using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

/// <summary>
/// The transports an endpoint address can name. Only <c>http</c> and <c>https</c> become <c>http:Client</c>s;
/// every other scheme (JMS, VFS, mail, RabbitMQ, Kafka, local, TCP, UDP, FIX, ...) is reported with the
/// Ballerina module that would replace it, and stays a TODO.
/// </summary>
internal static class Transports
{
    /// <summary>A non-HTTP transport: what it is and what a developer would use in Ballerina.</summary>
    internal sealed record Transport(string Name, string Replacement);

    private static readonly Dictionary<string, Transport> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        ["jms"] = new("JMS", "a ballerinax/java.jms MessageProducer (the URI's java.naming.* and transport.jms.* parameters become its ConnectionConfiguration)"),
        ["vfs"] = new("VFS (file, FTP or SFTP)", "ballerina/ftp (an ftp:Client for ftp:// and sftp://) or ballerina/file and ballerina/io for file://"),
        ["mailto"] = new("mail (SMTP)", "the runtime's sendMail (generated for an address that is a plain address list), or an email:SmtpClient (ballerina/email) on the SMTP server of the Micro Integrator's mailto transport sender, whose settings are not in this endpoint but in its axis2.xml / deployment.toml (mail.smtp.host, mail.smtp.port, mail.smtp.user, and mail.smtp.password as a required configurable); MailTransportSender sends to the address after 'mailto:' unless a To transport header replaces it, from the From header (else mail.smtp.from), with Cc and Bcc from those headers (Bcc also transport.mail.SMTPBccAddresses), the Subject transport header as the subject (else 'SOAPAction: ' and the action), and the message as its messageType's formatter writes it"),
        ["mail"] = new("mail (SMTP)", "a ballerina/email SmtpClient (the mail.smtp.* settings become its configuration)"),
        ["rabbitmq"] = new("RabbitMQ (AMQP)", "a ballerinax/rabbitmq Client (the rabbitmq.server.* parameters become its ConnectionConfiguration)"),
        ["amqp"] = new("AMQP", "a ballerinax/rabbitmq Client"),
        ["kafka"] = new("Kafka", "a ballerinax/kafka Producer"),
        ["local"] = new("local (an in-process call to a proxy service)", "a direct call of the function that replaces the proxy"),
        ["tcp"] = new("TCP", "a ballerina/tcp Client"),
        ["udp"] = new("UDP", "a ballerina/udp Client"),
        ["fix"] = new("FIX", "a FIX engine library (Ballerina has no FIX module)"),
        ["mqtt"] = new("MQTT", "a ballerina/mqtt Client"),
        ["ws"] = new("WebSocket", "a ballerina/websocket Client"),
        ["wss"] = new("WebSocket (TLS)", "a ballerina/websocket Client"),
        ["hl7"] = new("HL7", "the ballerinax/health.hl7v2 client"),
        ["sms"] = new("SMS", "an SMS provider connector (for example ballerinax/twilio)"),
        ["msmq"] = new("MSMQ", "no Ballerina module; bridge through another transport"),
        ["xmpp"] = new("XMPP", "no Ballerina module; bridge through another transport"),
    };

    /// <summary>The scheme of a URI (the text before the first ':'), or null when there is none.</summary>
    internal static string? Scheme(string uri)
    {
        var colon = uri.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return null;
        }

        var scheme = uri[..colon].Trim();
        return scheme.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.') && char.IsAsciiLetter(scheme[0]) ? scheme : null;
    }

    /// <summary>The non-HTTP transport a URI names, or null for http, https and URIs without a scheme (resolved at run time).</summary>
    internal static (string Scheme, Transport Transport)? NonHttp(string uri)
    {
        if (Scheme(uri) is not { } scheme || scheme.Equals("http", StringComparison.OrdinalIgnoreCase) || scheme.Equals("https", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return (scheme.ToLowerInvariant(), Known.TryGetValue(scheme, out var known) ? known : new Transport($"'{scheme}'", "a Ballerina client for that protocol"));
    }

    /// <summary>
    /// The names of a URI's query parameters (<c>?a=1&amp;b=2</c>, split at <c>&amp;</c> as BaseUtils.getEPRProperties
    /// splits them), without their values; a name written after a doubly escaped <c>&amp;amp;</c> is given without the
    /// <c>amp;</c> the Micro Integrator reads in front of it (<see cref="DoublyEscaped"/> says so).
    /// </summary>
    internal static IReadOnlyList<string> ParameterNames(string uri)
    {
        var query = uri.IndexOf('?', StringComparison.Ordinal);
        if (query < 0)
        {
            return [];
        }

        return uri[(query + 1)..]
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2)[0].Trim())
            .Select(p => p.StartsWith("amp;", StringComparison.Ordinal) ? p["amp;".Length..] : p)
            .Where(p => p.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// True when a URI's query separates its parameters with the text <c>&amp;amp;</c> (the XML holds <c>&amp;amp;amp;</c>):
    /// BaseUtils.getEPRProperties splits at <c>&amp;</c> only, so every parameter after the first is named
    /// <c>amp;name</c> and none of them is found under its name.
    /// </summary>
    internal static bool DoublyEscaped(string uri) =>
        uri.IndexOf('?', StringComparison.Ordinal) is var query and >= 0 && uri[query..].Contains("&amp;", StringComparison.Ordinal);

    /// <summary>The endpoint XML with its credentials masked (<see cref="SecretNames.MaskXml"/>), for the TODO that carries it.</summary>
    internal static string RedactUriSecrets(string xml) => SecretNames.MaskXml(xml);
}
