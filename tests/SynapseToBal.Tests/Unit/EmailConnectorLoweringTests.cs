using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Lowering;
using SynapseToBal.Syntax;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>The MI 4.4 email connector: SMTP <c>&lt;email.init&gt;</c> connections and <c>email.send</c>.</summary>
public sealed class EmailConnectorLoweringTests
{
    private const string Smtps = "<connectionType>SMTPS</connectionType><host>smtp.example.com</host><port>465</port><username>u@example.com</username><password>pw-Mail-1</password>";

    private static (PackageIr Package, DiagnosticBag Diagnostics) Lower(string init, string operations) =>
        ArtifactLowering.Definitions($"""<localEntry key="Mail"><email.init>{init}<name>Mail</name></email.init></localEntry><sequence name="flow">{operations}</sequence>""");

    private static List<StepIr> Steps(PackageIr package) => Assert.Single(package.Functions).Body.ToList();

    private const string Send = """<email.send configKey="Mail"><from>a@example.com</from><to>b@example.com</to><subject>s</subject><content>c</content><responseVariable>r</responseVariable></email.send>""";

    [Theory]
    [InlineData("<connectionType>SMTP</connectionType>", SmtpSecurity.StartTlsNever)]
    [InlineData("<connectionType>SMTPS</connectionType>", SmtpSecurity.Ssl)]
    [InlineData("<connectionType>SMTPS</connectionType><requireTLS>true</requireTLS>", SmtpSecurity.StartTlsAuto)]
    public void A_connection_becomes_one_smtp_client_with_the_security_javamail_uses(string type, SmtpSecurity security)
    {
        var (package, diagnostics) = Lower(type + "<host>h</host><port>25</port><username>u</username><password>pw-Mail-1</password>", Send + Send);

        var connection = Assert.Single(package.EmailConnections);
        Assert.Empty(package.LocalEntries);
        Assert.Equal(security, connection.Security);
        Assert.Equal("25", Assert.Single(package.Configurables, c => c.Name == connection.Port).DefaultValue);
        Assert.Equal(ConfigurableType.Integer, Assert.Single(package.Configurables, c => c.Name == connection.Port).Type);
        var password = Assert.Single(package.Configurables, c => c.Name == connection.Password);
        Assert.True(password.Secret);
        Assert.Null(password.DefaultValue);
        Assert.DoesNotContain(package.Configurables, c => c.DefaultValue is { } value && value.Contains("pw-", StringComparison.Ordinal));
        Assert.Equal(2, Steps(package).OfType<EmailSendStep>().Count(s => ReferenceEquals(s.Connection, connection)));
        Assert.Contains(diagnostics.Items, d => d.Descriptor == DiagnosticCatalog.SecretConfigurable);
    }

    [Fact]
    public void Send_carries_the_content_type_with_its_charset_and_where_the_result_goes()
    {
        var (package, _) = Lower(Smtps, """
            <email.send configKey="Mail">
                <from>a@example.com</from><to>b@example.com</to><subject>Order ${vars.id}</subject><content>c</content>
                <contentType>text/plain</contentType><encoding>ISO-8859-1</encoding>
                <responseVariable>sent</responseVariable><overwriteBody>true</overwriteBody>
            </email.send>
            <email.send configKey="Mail"><from>a@example.com</from><to>b@example.com</to><responseVariable>r</responseVariable></email.send>
            """);

        var sends = Steps(package).OfType<EmailSendStep>().ToList();
        Assert.Equal(2, sends.Count);
        Assert.Equal("text/plain; charset=ISO-8859-1", sends[0].ContentType);
        Assert.Equal("sent", sends[0].ResponseVariable);
        Assert.True(sends[0].OverwriteBody);
        Assert.IsType<ConcatIr>(sends[0].Subject);
        Assert.Equal("text/html; charset=UTF-8", sends[1].ContentType);
        Assert.False(sends[1].OverwriteBody);
    }

    [Theory]
    [InlineData("<attachments>/tmp/a.pdf</attachments><responseVariable>r</responseVariable>", "attachments is set")]
    [InlineData("<personalName>Ops</personalName><responseVariable>r</responseVariable>", "personalName is set")]
    [InlineData("<overwriteBody>true</overwriteBody>", "overwriteBody but no responseVariable")]
    [InlineData("<contentType>application/json</contentType><responseVariable>r</responseVariable>", "is not text")]
    public void A_send_the_call_does_not_reproduce_stays_a_todo_that_says_why(string extra, string reason)
    {
        var (package, _) = Lower(Smtps, $"""<email.send configKey="Mail"><from>a@example.com</from><to>b@example.com</to>{extra}</email.send>""");

        var todo = Assert.IsType<TodoStep>(Assert.Single(Steps(package)));
        Assert.Equal(DiagnosticCatalog.ConnectorOperationNotTranslated, todo.Reason.Descriptor);
        Assert.Contains(reason, todo.Reason.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_computed_content_type_is_sent_with_its_charset_and_checked_as_the_send_runs()
    {
        var (package, diagnostics) = Lower(Smtps, """<email.send configKey="Mail"><from>a@example.com</from><to>b@example.com</to><contentType>{$ctx:type}</contentType><encoding>ISO-8859-1</encoding><responseVariable>r</responseVariable></email.send>""");

        var send = Assert.IsType<EmailSendStep>(Assert.Single(Steps(package)));
        Assert.NotNull(send.ComputedContentType);
        Assert.Equal("ISO-8859-1", send.Charset);
        var warning = Assert.Single(diagnostics.Items, d => d.Descriptor == DiagnosticCatalog.EmailContentTypeAtRunTime);
        Assert.Contains("{$ctx:type}", warning.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_send_without_a_response_variable_is_connector_1x_whose_result_replaces_the_body()
    {
        // Connector 1.x (EmailSend, EmailUtils.generateOutput): no responseVariable, the body becomes
        // <result><success>true</success></result>; a failure sets ERROR_CODE and ERROR_MESSAGE only.
        var (package, _) = Lower(Smtps, """<email.send configKey="Mail"><from>a@example.com</from><to>b@example.com</to><subject>s</subject></email.send>""");

        var send = Assert.IsType<EmailSendStep>(Assert.Single(Steps(package)));
        Assert.True(send.LegacyResult);
        Assert.Equal(string.Empty, send.ResponseVariable);
        Assert.False(send.OverwriteBody);
    }

    [Theory]
    [InlineData("<connectionType>IMAPS</connectionType><host>h</host><port>993</port><username>u</username><password>pw-Mail-1</password>", "IMAPS connection")]
    [InlineData("<connectionType>SMTP</connectionType><host>h</host><port>25</port><requireAuthentication>false</requireAuthentication>", "without authentication")]
    [InlineData(Smtps + "<enableOAuth2>true</enableOAuth2>", "OAuth 2.0")]
    [InlineData("<connectionType>SMTP</connectionType><host>h</host><port>twenty</port><username>u</username><password>pw-Mail-1</password>", "not a number")]
    [InlineData("<connectionType>SMTP</connectionType><host>{$ctx:host}</host><port>25</port><username>u</username><password>pw-Mail-1</password>", "is an expression")]
    public void A_connection_that_cannot_be_translated_keeps_its_entry_and_its_sends_stay_todos(string init, string reason)
    {
        var (package, diagnostics) = Lower(init, Send);

        Assert.Empty(package.EmailConnections);
        Assert.Single(package.LocalEntries);
        Assert.Contains(diagnostics.Items, d => d.Descriptor == DiagnosticCatalog.ConnectionNotTranslated);
        var todo = Assert.IsType<TodoStep>(Assert.Single(Steps(package)));
        Assert.Contains(reason, todo.Reason.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_the_client_does_not_apply_are_reported()
    {
        var (package, diagnostics) = Lower(Smtps + "<readTimeout>3000</readTimeout><trustedHosts>*</trustedHosts><maxActiveConnections>5</maxActiveConnections>", Send);

        var connection = Assert.Single(package.EmailConnections);
        Assert.Contains(connection.Notes, n => n.Contains("'readTimeout'", StringComparison.Ordinal));
        Assert.Contains(connection.Notes, n => n.Contains("'trustedHosts'", StringComparison.Ordinal));
        Assert.DoesNotContain(connection.Notes, n => n.Contains("maxActiveConnections", StringComparison.Ordinal));
        Assert.Equal(2, diagnostics.Items.Count(d => d.Descriptor == DiagnosticCatalog.AttributeNotTranslated));
    }

    [Fact]
    public void A_setting_the_connector_does_not_declare_is_reported_as_not_read_by_the_micro_integrator()
    {
        // init.xml declares no enable_start_tls and EmailConfig looks up only the template's parameters.
        var (package, diagnostics) = Lower(Smtps + "<requireTLS>true</requireTLS><enable_start_tls>true</enable_start_tls>", Send);

        var connection = Assert.Single(package.EmailConnections);
        Assert.DoesNotContain(connection.Notes, n => n.Contains("enable_start_tls", StringComparison.Ordinal));
        Assert.DoesNotContain(diagnostics.Items, d => d.Descriptor == DiagnosticCatalog.AttributeNotTranslated);
        var notRead = Assert.Single(diagnostics.Items, d => d.Descriptor == DiagnosticCatalog.SettingWithoutEffect);
        var message = notRead.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.StartsWith("<email.init> enable_start_tls has no effect here in the Micro Integrator either: the email connector's init template declares no such parameter", message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_result_variable_has_the_shape_the_micro_integrator_gives_it()
    {
        // InvokeMediator.processConnectorResponse: the connector's empty header and attribute maps are left out
        // ({payload}); with overwriteBody the connector stores no response, so the message is enriched into the
        // variable and its payload removed ({headers, attributes}); a failure with overwriteBody sets none.
        var files = ArtifactConversion.Convert(
            """<localEntry xmlns="http://ws.apache.org/ns/synapse" key="Mail"><email.init>""" + Smtps + """<name>Mail</name></email.init></localEntry>""",
            """<api xmlns="http://ws.apache.org/ns/synapse" name="A" context="/a"><resource methods="POST"><inSequence>"""
            + """<email.send configKey="Mail"><from>a@example.com</from><to>b@example.com</to><responseVariable>r</responseVariable><overwriteBody>true</overwriteBody></email.send>"""
            + "<respond/></inSequence></resource></api>");

        var support = files["support.bal"];
        var result = support[support.IndexOf("function emailConnectorResult(", StringComparison.Ordinal)..];
        result = result[..result.IndexOf("\n}\n", StringComparison.Ordinal)];
        Assert.Contains("ResponseVariable response = {payload: result};", result, StringComparison.Ordinal);
        Assert.Contains("map<string> headers = ctx.headers.clone();\n    setJsonPayload(ctx, result);\n    if !succeeded {\n        return;\n    }", result, StringComparison.Ordinal);
        Assert.Contains("ResponseVariable response = {headers, attributes};", result, StringComparison.Ordinal);
        Assert.DoesNotContain("headers: {}", result, StringComparison.Ordinal);
        Assert.Contains("overwriteBody, true);", support, StringComparison.Ordinal);
        Assert.Contains("overwriteBody,\n            false);", support, StringComparison.Ordinal);
    }
}
