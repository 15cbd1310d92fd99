using System.Collections.Immutable;
using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

// The MI 4.4 email connector (wso2-extensions/esb-connector-email 2.x): <email.init> SMTP connections (local entries)
// become email:SmtpClients, email.send a sendMessage on them.
public sealed partial class Lowerer
{
    private readonly Dictionary<string, EmailConnectionIr> _emailConnections = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _emailConnectionProblems = new(StringComparer.Ordinal);
    private readonly List<EmailConnectionIr> _emailConnectionList = new();

    /// <summary>Connection settings that change nothing the client does (names, the connection pool's sizing).</summary>
    private static readonly HashSet<string> EmailInertSettings = new(StringComparer.Ordinal)
    {
        "name", "connectionType", "maxActiveConnections", "maxIdleConnections", "maxWaitTime", "minEvictionTime",
        "evictionCheckInterval", "exhaustedAction",
    };

    /// <summary>
    /// An <c>&lt;email.init&gt;</c> local entry with connectionType SMTP or SMTPS: one email:SmtpClient (EmailConnection
    /// builds a JavaMail session from the same settings). False when the connection cannot be translated (a reading
    /// connection, OAuth, no authentication, ...); the reason is kept for the operations that use it.
    /// </summary>
    private bool TryLowerEmailConnection(LocalEntrySyntax entry, string xml)
    {
        if (ConnectionSettings(entry, xml, _emailConnectionProblems, "email.init") is not { } settings)
        {
            return false;
        }

        string? Setting(string name) => settings.TryGetValue(name, out var value) && value.Trim().Length > 0 ? value.Trim() : null;

        var type = Setting("connectionType");
        string? problem = type switch
        {
            null => "it sets no connectionType",
            "SMTP" or "SMTPS" => null,
            "IMAP" or "IMAPS" or "POP3" or "POP3S" => $"it is {(type.StartsWith("IMAP", StringComparison.Ordinal) ? "an" : "a")} {type} connection (reading mail): ballerina/email's {(type.StartsWith("IMAP", StringComparison.Ordinal) ? "ImapClient" : "PopClient")} replaces it, written by hand",
            _ => $"its connectionType '{type}' is not one the email connector knows",
        };

        // ConnectionConfiguration: requireAuthentication is true unless set otherwise; email:SmtpClient always authenticates.
        if (Setting("requireAuthentication") is { } requireAuthentication && !string.Equals(requireAuthentication, "true", StringComparison.OrdinalIgnoreCase))
        {
            problem ??= "it connects without authentication (requireAuthentication false), which email:SmtpClient does not do";
        }

        if (string.Equals(Setting("enableOAuth2"), "true", StringComparison.OrdinalIgnoreCase))
        {
            problem ??= "it authenticates with OAuth 2.0 (XOAUTH2), which email:SmtpClient does not do";
        }

        foreach (var setting in new[] { "host", "port", "username", "password" })
        {
            if (Setting(setting) is not { } text)
            {
                problem ??= $"it does not set '{setting}'";
            }
            else if (text.StartsWith('{') && text.EndsWith('}') && !ConnectionVault.IsMatch(text) && !ConnectionConfig.IsMatch(text))
            {
                problem ??= $"its {setting} is an expression ({text}) evaluated on the message when the connection is used";
            }
        }

        if (Setting("port") is { } portText && !ConnectionConfig.IsMatch(portText) && !ConnectionVault.IsMatch(portText))
        {
            if (!portText.All(char.IsAsciiDigit))
            {
                problem ??= $"its port '{portText}' is not a number";
            }
            else if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var portNumber) || portNumber > 65535)
            {
                // ConnectionConfiguration only checks that the port is numeric; JavaMail reads it as a Java int and
                // the socket takes 0 to 65535, so the connection cannot be made on that port. email:SmtpClient's port is
                // an int: the value is kept out of the configurable and the connection is left to be written by hand.
                problem ??= $"its port '{portText}' is no TCP port (0 to 65535)";
            }
        }

        if (problem is not null)
        {
            _emailConnectionProblems[entry.Name] = problem;
            return false;
        }

        var configurables = new List<ConfigurableIr>();
        Symbol Value(string setting, bool secret, ConfigurableType valueType)
        {
            var text = Setting(setting)!;
            var what = $"{entry.Name} {setting}";
            if (ConnectionVault.Match(text) is { Success: true } vault)
            {
                return DeclareSecret(vault.Groups["alias"].Value);
            }

            var symbol = _symbols.Module(SymbolKind.Configurable, what);
            if (ConnectionConfig.Match(text) is { Success: true } config)
            {
                configurables.Add(new ConfigurableIr(symbol, valueType, null, $"'{setting}' of the email connection '{entry.Name}': the Micro Integrator reads it from its configuration (configs.{config.Groups["name"].Value}).", secret));
            }
            else if (secret)
            {
                // Never a literal: a required configurable, whatever the input holds.
                configurables.Add(new ConfigurableIr(symbol, valueType, null, $"The '{setting}' credential of the email connection '{entry.Name}' (not copied from the Synapse configuration).", Secret: true));
                _diagnostics.Report(DiagnosticCatalog.SecretConfigurable, entry.Location, what);
            }
            else
            {
                configurables.Add(new ConfigurableIr(symbol, valueType, text, $"'{setting}' of the email connection '{entry.Name}'.", Secret: false));
                _configurableOrigins[symbol] = entry.Location;
            }

            return symbol;
        }

        var host = Value("host", false, ConfigurableType.String);
        var port = Value("port", false, ConfigurableType.Integer);
        var username = Value("username", false, ConfigurableType.String);
        var password = Value("password", true, ConfigurableType.String);

        // EmailConnection.setSecureProperties: SMTPS uses SSL, or STARTTLS when requireTLS is set; SMTP neither.
        var requireTls = string.Equals(Setting("requireTLS"), "true", StringComparison.OrdinalIgnoreCase);
        var security = type == "SMTP" ? SmtpSecurity.StartTlsNever : requireTls ? SmtpSecurity.StartTlsAuto : SmtpSecurity.Ssl;
        var notes = ImmutableArray.CreateBuilder<string>();
        if (security != SmtpSecurity.StartTlsNever)
        {
            notes.Add("email:SmtpClient verifies the server's host name; the Micro Integrator does so only with checkServerIdentity.");
        }

        var handled = new HashSet<string>(StringComparer.Ordinal) { "host", "port", "username", "password", "requireTLS", "requireAuthentication", "enableOAuth2", "checkServerIdentity" };
        foreach (var (name, value) in settings)
        {
            var text = value.Trim();
            if (handled.Contains(name) || EmailInertSettings.Contains(name) || text.Length == 0)
            {
                continue;
            }

            string? why = name switch
            {
                "readTimeout" or "writeTimeout" or "connectionTimeout" => "email:SmtpClient has no timeout setting; JavaMail's default (none) applies",
                "trustedHosts" or "sslProtocols" or "cipherSuites" => "set the client's secureSocket by hand",
                "grantType" or "clientId" or "clientSecret" or "refreshToken" or "scope" or "tokenUrl" => "OAuth 2.0 is not enabled on the connection, so the setting is not read",
                _ => null,
            };
            if (why is null)
            {
                // The connector's init template declares every parameter EmailConfig reads (lookupTemplateParamater);
                // any other child of <email.init> is read by nothing (enable_start_tls among them: STARTTLS follows
                // requireTLS and the connection type, EmailConnection.setSecureProperties).
                _diagnostics.Report(DiagnosticCatalog.SettingWithoutEffect, entry.Location, "email.init", name, "the email connector's init template declares no such parameter and EmailConfig reads none by that name (STARTTLS follows connectionType and requireTLS, EmailConnection.setSecureProperties); the conversion leaves it out too");
                continue;
            }

            notes.Add($"'{name}' is not applied: {why}.");
            _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, entry.Location, "email.init", name, why);
        }

        _configurables.AddRange(configurables);
        var connection = new EmailConnectionIr(_symbols.Module(SymbolKind.Client, entry.Name), entry.Name, host, port, username, password, security, notes.ToImmutable(), entry.Location);
        _emailConnections[entry.Name] = connection;
        _emailConnectionList.Add(connection);
        return true;
    }

    /// <summary>
    /// <c>&lt;email.send configKey="..."&gt;</c>: a sendMessage on the connection's client, then the connector's result:
    /// 2.x <c>{"success": true}</c> in the response variable or the body, 1.x (no responseVariable)
    /// <c>&lt;result&gt;&lt;success&gt;true&lt;/success&gt;&lt;/result&gt;</c> as the body.
    /// </summary>
    private IEnumerable<StepIr> LowerEmailSend(ConnectorOperationMediator operation, FlowContext context)
    {
        if (ConnectionOf(operation, _emailConnections, _emailConnectionProblems, "email.init", out var todo) is not { } connection)
        {
            return [todo!];
        }

        var parameters = ParametersByName(operation);

        bool IsSet(string name) => parameters.TryGetValue(name, out var p) && (p.Value is not ValueSyntax.Literal literal || literal.Text.Length > 0);
        string? Literal(string name) => parameters.TryGetValue(name, out var p) && p.Value is ValueSyntax.Literal { Text: var text } ? text.Trim() : null;

        var unsupported = new List<string>();
        foreach (var parameter in operation.PassedParameters)
        {
            switch (parameter.Name)
            {
                case "from" or "to" or "cc" or "bcc" or "replyTo" or "subject" or "content" or "contentType" or "encoding" or "responseVariable" or "overwriteBody":
                    break;
                case "contentTransferEncoding":
                    // The transfer encoding of the body (Base64 by default) changes the bytes on the wire, not the mail the recipient reads.
                    break;
                case "personalName" or "attachments" or "inlineImages" when !IsSet(parameter.Name):
                    break;
                case "inlineImages" when Literal(parameter.Name) == "[]":
                case "attachments" when parameter.Value is ValueSyntax.Literal { Text: "[]" }:
                    // The MI tooling's default: MessageBuilder.build sees a non-empty text and wraps the content in a
                    // multipart of that one part (the JSON array adds no part); the recipient reads the same mail.
                    // Attachments are read as a JSON array only when the text starts with '[' (else a list of file
                    // paths), so only an exact "[]" adds nothing there.
                    break;
                default:
                    unsupported.Add(parameter.Name);
                    break;
            }
        }

        if (unsupported.Count > 0)
        {
            return [ConnectorTodo(operation, $"{string.Join(", ", unsupported)} {(unsupported.Count == 1 ? "is" : "are")} set, which the generated call does not reproduce")];
        }

        // Connector 2.x reads responseVariable as mandatory (AbstractEmailConnectorOperation). Without it (and without
        // overwriteBody, which 1.x does not have) the operation is connector 1.x's EmailSend: the same message, the body
        // replaced by <result><success>true</success></result> (EmailUtils.generateOutput, PayloadUtils.preparePayload).
        var legacy = !parameters.ContainsKey("responseVariable") && !parameters.ContainsKey("overwriteBody");
        var responseVariable = string.Empty;
        if (!legacy && Literal("responseVariable") is not { Length: > 0 } named)
        {
            return [ConnectorTodo(operation, parameters.ContainsKey("responseVariable")
                ? "its responseVariable is empty or computed at run time"
                : "it has an overwriteBody but no responseVariable, which connector 2.x requires")];
        }
        else if (!legacy)
        {
            responseVariable = Literal("responseVariable")!;
        }

        var overwriteBody = false;
        if (parameters.TryGetValue("overwriteBody", out var overwriteParameter))
        {
            if (overwriteParameter.Value is not ValueSyntax.Literal overwrite)
            {
                return [ConnectorTodo(operation, "its overwriteBody is computed at run time")];
            }

            overwriteBody = string.Equals(overwrite.Text.Trim(), "true", StringComparison.OrdinalIgnoreCase);
        }

        // MessageBuilder.fromAddress: without one JavaMail takes the local address; email:SmtpClient takes the user name.
        if (!IsSet("from"))
        {
            return [ConnectorTodo(operation, "it sets no from address (the Micro Integrator then sends from JavaMail's local address)")];
        }

        // MessageBuilder.withBody: the content type (text/html by default) with the charset (UTF-8 by default).
        // email:SmtpClient refuses a content type that is not text.
        var contentType = "text/html";
        ValueSyntax.Expression? computedType = null;
        if (parameters.ContainsKey("contentType"))
        {
            if (Literal("contentType") is not { } typeText)
            {
                if (parameters["contentType"].Value is not ValueSyntax.Expression computed)
                {
                    return [ConnectorTodo(operation, "its contentType is an XML fragment, not a content type")];
                }

                computedType = computed;
                typeText = string.Empty;
            }

            if (typeText.Length > 0)
            {
                if (!typeText.Contains("text", StringComparison.OrdinalIgnoreCase))
                {
                    return [ConnectorTodo(operation, $"its contentType '{typeText}' is not text, which email:SmtpClient refuses")];
                }

                contentType = typeText;
            }
        }

        var encoding = "UTF-8";
        if (parameters.ContainsKey("encoding"))
        {
            if (Literal("encoding") is not { } encodingText)
            {
                return [ConnectorTodo(operation, "its encoding is computed at run time")];
            }

            if (encodingText.Length > 0)
            {
                encoding = encodingText;
            }
        }

        // A parameter as the template gives it: literal text as written, a {expr} value evaluated; null for inline XML.
        ExprIr? AsWritten(string name) => parameters.GetValueOrDefault(name)?.Value switch
        {
            null => new StringLiteralIr(string.Empty),
            ValueSyntax.Literal literal => new StringLiteralIr(literal.Text),
            ValueSyntax.Expression expression => Expr(expression.Syntax, context),
            _ => null,
        };

        var plain = new Dictionary<string, ExprIr>(StringComparer.Ordinal);
        foreach (var name in new[] { "from", "to", "cc", "bcc", "replyTo" })
        {
            if (AsWritten(name) is not { } value)
            {
                return [ConnectorTodo(operation, $"its {name} is an XML fragment, not an address list")];
            }

            plain[name] = value;
        }

        // Connector 1.x takes subject and content as the template gives them (EmailSend.sendMessage: getParameter, no
        // InlineExpressionUtil, which 2.x added): ${...} in the text is sent as written; a {expr} value is evaluated.
        ExprIr Text(string name) => !legacy ? ConnectorText(operation, parameters.GetValueOrDefault(name), context)
            : AsWritten(name) ?? new StringLiteralIr(((ValueSyntax.InlineXml)parameters[name].Value).Xml);

        // A computed contentType: evaluated as the template gives it (getParameter, no InlineExpressionUtil) and checked
        // as the send runs (sendEmailConnector: text types sent, multipart/* and message/rfc822 fail as JavaMail fails,
        // other types refused by email:SmtpClient).
        if (computedType is not null)
        {
            _diagnostics.Report(DiagnosticCatalog.EmailContentTypeAtRunTime, parameters["contentType"].Location, "{" + computedType.Syntax.Original + "}");
        }

        return
        [
            new EmailSendStep(operation, connection, plain["from"], plain["to"], plain["cc"], plain["bcc"], plain["replyTo"],
                Text("subject"),
                Text("content"),
                $"{contentType}; charset={encoding}", responseVariable, overwriteBody)
            {
                LegacyResult = legacy,
                ComputedContentType = computedType is null ? null : Expr(computedType.Syntax, context),
                Charset = computedType is null ? null : encoding,
            },
        ];
    }
}
