using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Lowering;
using SynapseToBal.Syntax;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>A proxy's jms and vfs transports: the listener forms of inbound endpoints running the proxy's flow.</summary>
public sealed class ProxyTransportTests
{
    private const string Synapse = DefinitionsLowering.Synapse;

    private static (PackageIr Package, DiagnosticBag Diagnostics) Lower(string definitions) => DefinitionsLowering.Lower(definitions);

    private static string Proxy(string transports, string parameters, string inSequence = "<log/><drop/>") =>
        $"""<proxy name="P" transports="{transports}"><target><inSequence>{inSequence}</inSequence></target>{parameters}</proxy>""";

    [Fact]
    public void A_jms_only_proxy_listens_on_the_queue_named_after_it_with_the_default_factory_and_has_no_http_service()
    {
        var (package, diagnostics) = Lower(Proxy("jms", string.Empty));

        var inbound = Assert.Single(package.Inbounds);
        var jms = Assert.IsType<InboundTransportIr.Jms>(inbound.Transport);
        Assert.Equal("P", jms.Destination);
        Assert.False(jms.Topic);
        Assert.Equal("P flow", jms.Sequence.Hint);
        Assert.IsType<ProxySyntax>(inbound.Origin);
        // Axis2's default rules: the Content-Type property, else bytes as binary, text as plain text.
        Assert.Equal<JmsContentTypeRuleIr>(
            [new JmsContentTypeRuleIr.Property("Content-Type"), new JmsContentTypeRuleIr.BytesMessage("application/octet-stream"), new JmsContentTypeRuleIr.TextMessage("text/plain")],
            jms.ContentTypeRules);
        Assert.Contains(package.Configurables, c => c.Name == jms.ProviderUrl && c.DefaultValue is null && !c.Secret && c.Description.Contains("'default'", StringComparison.Ordinal));
        Assert.Empty(package.Services);
        Assert.DoesNotContain(diagnostics.Items, d => d.Id == "SB0206");
        Assert.Null(inbound.NotTranslated);
    }

    [Fact]
    public void Jms_parameters_choose_the_destination_its_type_the_factory_and_the_content_type()
    {
        var (package, diagnostics) = Lower(Proxy("jms http", """
            <parameter name="transport.jms.Destination">orders</parameter><parameter name="transport.jms.DestinationType">topic</parameter>
            <parameter name="transport.jms.ConnectionFactory">myTopicConnectionFactory</parameter><parameter name="transport.jms.ContentType">application/json</parameter>
            """));

        var jms = Assert.IsType<InboundTransportIr.Jms>(Assert.Single(package.Inbounds).Transport);
        Assert.Equal("orders", jms.Destination);
        Assert.True(jms.Topic);
        Assert.Equal("application/json", jms.ContentType);
        Assert.Empty(jms.ContentTypeRules);
        Assert.Contains(package.Configurables, c => c.Name == jms.ContextFactory && c.Description.Contains("'myTopicConnectionFactory'", StringComparison.Ordinal));
        Assert.NotEmpty(package.Services); // also exposed on http
        Assert.DoesNotContain(diagnostics.Items, d => d.Id == "SB0206");
    }

    [Fact]
    public void Content_type_rules_are_kept_in_order()
    {
        var (package, _) = Lower(Proxy("jms", "<parameter name=\"transport.jms.ContentType\"><rules><jmsProperty>contentType</jmsProperty><default>text/xml</default></rules></parameter>"));

        var jms = Assert.IsType<InboundTransportIr.Jms>(Assert.Single(package.Inbounds).Transport);
        Assert.Equal<JmsContentTypeRuleIr>([new JmsContentTypeRuleIr.Property("contentType"), new JmsContentTypeRuleIr.Default("text/xml")], jms.ContentTypeRules);
    }

    [Fact]
    public void A_transacted_jms_proxy_is_not_translated_and_gets_no_http_service_it_is_not_exposed_on()
    {
        var (package, diagnostics) = Lower(Proxy("jms", "<parameter name=\"transport.jms.SessionTransacted\">true</parameter>"));

        // Exposed on jms only: the MI does not answer it over HTTP (DispatchPhase.validateTransport); the flow function stays.
        Assert.Empty(package.Inbounds);
        Assert.Empty(package.Services);
        Assert.Contains(package.Functions, f => f.Name.Hint == "P flow");
        Assert.Contains(diagnostics.Items, d => d.Id == "SB0206" && d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("transacted", StringComparison.Ordinal));
    }

    [Fact]
    public void A_vfs_proxy_on_a_local_folder_becomes_a_polling_job_with_the_poll_interval_in_seconds()
    {
        var (package, diagnostics) = Lower(Proxy("vfs", """
            <parameter name="transport.vfs.FileURI">vfs:file:///data/in</parameter><parameter name="transport.vfs.ContentType">text/plain</parameter><parameter name="transport.vfs.FileNamePattern">.*\.txt</parameter>
            <parameter name="transport.PollInterval">15</parameter><parameter name="transport.vfs.ActionAfterProcess">MOVE</parameter>
            <parameter name="transport.vfs.MoveAfterProcess">file:///data/done</parameter>
            """));

        var file = Assert.IsType<InboundTransportIr.File>(Assert.Single(package.Inbounds).Transport);
        Assert.Equal(15m, file.IntervalSeconds);
        Assert.Equal("text/plain", file.ContentType);
        Assert.Contains(package.Configurables, c => c.Name == file.Folder && c.DefaultValue == "/data/in");
        Assert.Contains(package.Configurables, c => c.Name == file.MoveAfterProcess && c.DefaultValue == "/data/done");
        Assert.Null(file.MoveAfterFailure);
        Assert.Equal("P flow", file.Target.Sequence.Hint);
        Assert.Empty(package.Services);
        Assert.DoesNotContain(diagnostics.Items, d => d.Id == "SB0206");
    }

    [Theory]
    [InlineData("500ms", 0.5)]
    [InlineData(null, 300)]
    public void The_poll_interval_is_in_milliseconds_with_ms_and_five_minutes_by_default(string? interval, double seconds)
    {
        var pollInterval = interval is null ? string.Empty : $"<parameter name=\"transport.PollInterval\">{interval}</parameter>";
        var (package, _) = Lower(Proxy("vfs", $"<parameter name=\"transport.vfs.FileURI\">/data/in</parameter><parameter name=\"transport.vfs.ContentType\">text/xml</parameter><parameter name=\"transport.vfs.FileNamePattern\">.*</parameter>{pollInterval}"));

        Assert.Equal((decimal)seconds, Assert.IsType<InboundTransportIr.File>(Assert.Single(package.Inbounds).Transport).IntervalSeconds);
    }

    [Theory]
    [InlineData("<parameter name=\"transport.vfs.FileURI\">${inputUri}/in</parameter><parameter name=\"transport.vfs.ContentType\">text/xml</parameter>", "starts with a variable")]
    [InlineData("<parameter name=\"transport.vfs.FileURI\">/data/in</parameter>", "transport.vfs.ContentType")]
    [InlineData("<parameter name=\"transport.vfs.FileURI\">/data/in</parameter><parameter name=\"transport.vfs.ContentType\">text/xml</parameter><parameter name=\"transport.vfs.ActionAfterProcess\">NONE</parameter>", "NONE")]
    [InlineData("<parameter name=\"transport.vfs.FileURI\">/data/in</parameter><parameter name=\"transport.vfs.ContentType\">text/xml</parameter>", "processes no file")]
    public void A_vfs_transport_that_cannot_be_a_local_polling_job_is_reported_with_the_reason(string parameters, string reason)
    {
        var (package, diagnostics) = Lower(Proxy("vfs", parameters));

        Assert.Empty(package.Inbounds);
        Assert.Contains(diagnostics.Items, d => d.Id == "SB0206" && d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("transport 'vfs'", StringComparison.Ordinal) && d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains(reason, StringComparison.Ordinal));
    }

    private static string Message(Microsoft.CodeAnalysis.Diagnostic d) => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void A_vfs_proxy_on_sftp_becomes_an_ftp_listener_reports_what_it_does_not_reproduce_and_never_repeats_the_password()
    {
        var (package, diagnostics) = Lower(Proxy("vfs", """
            <parameter name="transport.vfs.FileURI">vfs:sftp://bob:s3cr3tPw@files.example.com:2222/home/bob/in</parameter><parameter name="transport.vfs.ContentType">text/xml</parameter>
            <parameter name="transport.vfs.FileNamePattern">.*\.xml</parameter><parameter name="transport.PollInterval">15</parameter>
            <parameter name="transport.vfs.ActionAfterProcess">MOVE</parameter><parameter name="transport.vfs.MoveAfterProcess">vfs:sftp://bob:s3cr3tPw@files.example.com:2222/home/bob/done</parameter>
            <parameter name="transport.vfs.Locking">disable</parameter><parameter name="transport.vfs.ReplyFileURI">file:///out</parameter>
            """));

        var ftp = Assert.IsType<InboundTransportIr.Ftp>(Assert.Single(package.Inbounds).Transport);
        Assert.Equal(RemoteFileProtocol.Sftp, ftp.Protocol);
        Assert.Equal(15m, ftp.IntervalSeconds);
        Assert.Equal((RemoteFileAction.Move, RemoteFileAction.Delete), (ftp.AfterProcess, ftp.AfterFailure));
        Assert.Empty(package.Services);
        Assert.DoesNotContain(diagnostics.Items, d => d.Id == "SB0261");

        // Locking disabled is what the listener does; the reply file is not.
        Assert.DoesNotContain(diagnostics.Items, d => Message(d).Contains("transport.vfs.Locking", StringComparison.Ordinal));
        Assert.Contains(diagnostics.Items, d => d.Id == "SB0264" && Message(d).Contains("transport.vfs.ReplyFileURI", StringComparison.Ordinal));
        Assert.DoesNotContain(diagnostics.Items, d => Message(d).Contains("s3cr3tPw", StringComparison.Ordinal));
        Assert.All(package.Configurables, c => Assert.DoesNotContain("s3cr3tPw", c.Description + c.DefaultValue, StringComparison.Ordinal));

        // The parameters the listener applies or SB0264 names are not reported again one by one, nor is the transport as a setting.
        Assert.DoesNotContain(diagnostics.Items, d => d.Id == "SB0206" && Message(d).Contains("transport", StringComparison.Ordinal));
    }

    [Fact]
    public void A_vfs_proxy_on_ftp_with_variables_makes_them_required_configurables_and_names_the_uri_options()
    {
        var (package, diagnostics) = Lower(Proxy("vfs", """
            <parameter name="transport.vfs.FileURI">vfs:ftp://${FTPUserName}:${FTPUserPassword}\@${FTPHostname}/vfs/input/?vfs.passive=false</parameter>
            <parameter name="transport.vfs.ContentType">text/xml</parameter><parameter name="transport.vfs.FileNamePattern">.*\.xml</parameter>
            """));

        var ftp = Assert.IsType<InboundTransportIr.Ftp>(Assert.Single(package.Inbounds).Transport);
        Assert.Equal(RemoteFileProtocol.Ftp, ftp.Protocol);
        Assert.Equal(300m, ftp.IntervalSeconds); // PollTableEntry's default: 5 minutes
        var host = Assert.Single(package.Configurables, c => c.Name == ftp.Host);
        Assert.Null(host.DefaultValue);
        Assert.Contains("'${FTPHostname}'", host.Description, StringComparison.Ordinal);
        Assert.Null(Assert.Single(package.Configurables, c => c.Name == ftp.Username).DefaultValue);
        Assert.Equal("21", Assert.Single(package.Configurables, c => c.Name == ftp.Port).DefaultValue);
        Assert.Contains(diagnostics.Items, d => d.Id == "SB0264" && Message(d).Contains("'vfs.passive=false'", StringComparison.Ordinal));
        Assert.DoesNotContain(diagnostics.Items, d => d.Id == "SB0261");
    }

    [Fact]
    public void A_vfs_proxy_on_a_file_system_ballerina_ftp_cannot_read_says_to_poll_it_by_hand()
    {
        var (_, diagnostics) = Lower(Proxy("vfs", """<parameter name="transport.vfs.FileURI">smb://server/share/in</parameter><parameter name="transport.vfs.ContentType">text/xml</parameter>"""));

        var message = Message(Assert.Single(diagnostics.Items, d => d.Id == "SB0261"));
        Assert.Contains("ballerina/ftp reads ftp, ftps and sftp only", message, StringComparison.Ordinal);
        Assert.DoesNotContain("ftp:Listener = new", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_local_vfs_proxy_reports_each_setting_the_polling_job_does_not_apply_with_what_it_does_instead()
    {
        var (package, diagnostics) = Lower(Proxy("vfs", """
            <parameter name="transport.vfs.FileURI">/data/in</parameter><parameter name="transport.vfs.ContentType">text/xml</parameter><parameter name="transport.vfs.FileNamePattern">.*</parameter>
            <parameter name="transport.vfs.Locking">enable</parameter><parameter name="transport.vfs.MaxRetryCount">5</parameter><parameter name="transport.vfs.Streaming">true</parameter>
            """));

        Assert.IsType<InboundTransportIr.File>(Assert.Single(package.Inbounds).Transport);
        Assert.Contains(diagnostics.Items, d => d.Id == "SB0206" && Message(d).Contains("'transport.vfs.Locking'", StringComparison.Ordinal) && Message(d).Contains("takes no lock", StringComparison.Ordinal));
        Assert.Contains(diagnostics.Items, d => d.Id == "SB0206" && Message(d).Contains("'transport.vfs.MaxRetryCount'", StringComparison.Ordinal) && Message(d).Contains("at the next poll", StringComparison.Ordinal));
        Assert.Contains(diagnostics.Items, d => d.Id == "SB0206" && Message(d).Contains("'transport.vfs.Streaming'", StringComparison.Ordinal) && Message(d).Contains("whole file", StringComparison.Ordinal));
    }

    [Fact]
    public void A_local_vfs_folder_with_placeholders_is_polled_from_a_required_folder_configurable()
    {
        var (package, diagnostics) = Lower(Proxy("vfs", """
            <parameter name="transport.vfs.FileURI">file://${localVfsLocation}/vfs/input/</parameter><parameter name="transport.vfs.ContentType">text/xml</parameter>
            <parameter name="transport.vfs.FileNamePattern">.*\.xml</parameter><parameter name="transport.vfs.ActionAfterProcess">MOVE</parameter>
            <parameter name="transport.vfs.MoveAfterProcess">file:///data/done</parameter>
            """));

        var file = Assert.IsType<InboundTransportIr.File>(Assert.Single(package.Inbounds).Transport);
        var folder = Assert.Single(package.Configurables, c => c.Name == file.Folder);
        Assert.Null(folder.DefaultValue); // required: the deployment fills the placeholder in
        Assert.Contains("'file://${localVfsLocation}/vfs/input/'", folder.Description, StringComparison.Ordinal);
        Assert.Contains(package.Configurables, c => c.Name == file.MoveAfterProcess && c.DefaultValue == "/data/done");
        Assert.DoesNotContain(diagnostics.Items, d => d.Id == "SB0206" && Message(d).Contains("transport 'vfs'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_pop3_mail_proxy_polls_its_mailbox_with_the_password_a_required_configurable_never_its_value()
    {
        var (package, diagnostics) = Lower(Proxy("mailto", """
            <parameter name="transport.mail.Address">demo@example.com</parameter><parameter name="transport.mail.Protocol">pop3</parameter>
            <parameter name="mail.pop3.host">pop.example.com</parameter><parameter name="mail.pop3.user">demo</parameter><parameter name="mail.pop3.password">mailS3cret</parameter>
            <parameter name="mail.pop3.socketFactory.class">javax.net.ssl.SSLSocketFactory</parameter><parameter name="transport.mail.ContentType">application/xml</parameter>
            <parameter name="transport.PollInterval">5</parameter><parameter name="other.setting">x</parameter>
            """));

        Assert.Empty(package.Services);
        var inbound = Assert.Single(package.Inbounds);
        var mail = Assert.IsType<InboundTransportIr.Mail>(inbound.Transport);
        Assert.False(mail.Imap);
        Assert.Equal("SSL", mail.Security);
        Assert.Equal(5m, mail.PollingIntervalSeconds);
        Assert.Equal("application/xml", mail.ContentType);
        Assert.Equal("P flow", mail.Target.Sequence.Hint);
        Assert.Contains(package.Configurables, c => c.Name == mail.Host && c.DefaultValue == "pop.example.com");
        Assert.Contains(package.Configurables, c => c.Name == mail.Port && c.DefaultValue == "995" && c.Type == ConfigurableType.Integer);
        Assert.Contains(package.Configurables, c => c.Name == mail.Username && c.DefaultValue == "demo");
        Assert.Contains(package.Configurables, c => c.Name == mail.Password && c.DefaultValue is null && c.Secret);
        Assert.DoesNotContain(package.Configurables, c => (c.DefaultValue ?? string.Empty).Contains("mailS3cret", StringComparison.Ordinal) || c.Description.Contains("mailS3cret", StringComparison.Ordinal));
        Assert.DoesNotContain(diagnostics.Items, d => Message(d).Contains("mailS3cret", StringComparison.Ordinal));
        Assert.Contains(diagnostics.Items, d => d.Id == "SB0212" && Message(d).Contains("mail.pop3.password", StringComparison.Ordinal));
        Assert.DoesNotContain(diagnostics.Items, d => d.Id is "SB0262" or "SB0266");
        Assert.DoesNotContain(diagnostics.Items, d => d.Id == "SB0206" && Message(d).Contains("mail.", StringComparison.Ordinal));
        Assert.Contains(diagnostics.Items, d => d.Id == "SB0206" && Message(d).Contains("'other.setting'", StringComparison.Ordinal));
    }

    [Fact]
    public void An_imap_mail_proxy_reports_once_each_what_the_email_listener_does_not_do()
    {
        var (package, diagnostics) = Lower(Proxy("mailto", """
            <parameter name="transport.mail.Address">orders@example.com</parameter><parameter name="transport.mail.Protocol">imap</parameter>
            <parameter name="mail.imap.host">imap.example.com</parameter><parameter name="mail.imap.starttls.enable">true</parameter>
            <parameter name="transport.mail.Folder">Orders</parameter><parameter name="transport.mail.ActionAfterProcess">MOVE</parameter>
            <parameter name="transport.mail.MoveAfterProcess">Done</parameter><parameter name="transport.mail.PreserveHeaders">Subject</parameter>
            <parameter name="mail.imap.partialfetch">false</parameter>
            """, "<respond/>"));

        var mail = Assert.IsType<InboundTransportIr.Mail>(Assert.Single(package.Inbounds).Transport);
        Assert.True(mail.Imap);
        Assert.Equal("START_TLS_AUTO", mail.Security);
        Assert.Equal(300m, mail.PollingIntervalSeconds);
        Assert.Null(mail.ContentType);
        Assert.Contains(package.Configurables, c => c.Name == mail.Port && c.DefaultValue == "143");
        Assert.Contains(package.Configurables, c => c.Name == mail.Username && c.DefaultValue is null);
        var gaps = diagnostics.Items.Where(d => d.Id == "SB0266").Select(Message).ToList();
        Assert.Equal(5, gaps.Count);
        Assert.Contains(gaps, m => m.Contains("transport.mail.Folder", StringComparison.Ordinal) && m.Contains("'Orders'", StringComparison.Ordinal));
        Assert.Contains(gaps, m => m.Contains("transport.mail.ActionAfterProcess", StringComparison.Ordinal) && m.Contains("'Done'", StringComparison.Ordinal));
        Assert.Contains(gaps, m => m.Contains("transport.mail.PreserveHeaders", StringComparison.Ordinal));
        Assert.Contains(gaps, m => m.Contains("mail.imap.partialfetch", StringComparison.Ordinal));
        Assert.Contains(gaps, m => m.Contains("the flow's answer", StringComparison.Ordinal) && m.Contains("email:SmtpClient", StringComparison.Ordinal));
        Assert.DoesNotContain(diagnostics.Items, d => d.Id == "SB0206" && Message(d).Contains("mail", StringComparison.Ordinal));
    }

    [Fact]
    public void An_imap_mail_proxy_that_deletes_its_mails_is_told_the_listener_marks_them_seen()
    {
        var (_, diagnostics) = Lower(Proxy("mailto", """<parameter name="transport.mail.Address">a@example.com</parameter><parameter name="transport.mail.Protocol">imaps</parameter>"""));

        var gap = Message(Assert.Single(diagnostics.Items, d => d.Id == "SB0266"));
        Assert.Contains("marks it SEEN", gap, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<parameter name=\"transport.mail.Protocol\">pop3</parameter>", "transport.mail.Address")]
    [InlineData("<parameter name=\"transport.mail.Address\">a@example.com</parameter>", "no store protocol")]
    [InlineData("<parameter name=\"transport.mail.Address\">a@example.com</parameter><parameter name=\"transport.mail.Protocol\">smtp</parameter>", "'smtp'")]
    [InlineData("<parameter name=\"transport.mail.Address\">a@example.com</parameter><parameter name=\"transport.mail.Protocol\">pop3</parameter><parameter name=\"mail.pop3.port\">x</parameter>", "not a port number")]
    public void A_mail_proxy_the_listener_cannot_poll_is_reported_with_the_reason(string parameters, string reason)
    {
        var (package, diagnostics) = Lower(Proxy("mailto", parameters));

        Assert.Empty(package.Inbounds);
        Assert.Contains(diagnostics.Items, d => d.Id == "SB0206" && Message(d).Contains("transport 'mailto'", StringComparison.Ordinal) && Message(d).Contains(reason, StringComparison.Ordinal));
    }

    [Fact]
    public void A_rabbitmq_proxy_consumes_its_queue_with_the_connection_factory_settings_as_required_configurables()
    {
        const string parameters = """
            <parameter name="rabbitmq.connection.factory">AMQPConnectionFactory</parameter><parameter name="rabbitmq.queue.name">orders</parameter>
            <parameter name="rabbitmq.message.content.type">application/json</parameter><parameter name="rabbitmq.channel.consumer.qos">10</parameter>
            <parameter name="rabbitmq.queue.auto.delete">true</parameter>
            """;
        var (package, diagnostics) = Lower(Proxy("rabbitmq", parameters) + Proxy("rabbitmq", parameters).Replace("name=\"P\"", "name=\"Q\"", StringComparison.Ordinal));

        Assert.Empty(package.Services);
        Assert.Equal(2, package.Inbounds.Length);
        var rabbit = Assert.IsType<InboundTransportIr.RabbitMq>(package.Inbounds[0].Transport);
        Assert.Equal("orders", rabbit.Queue);
        Assert.True(rabbit.Durable); // RabbitMQUtils.isDurableQueue: durable by default
        Assert.False(rabbit.Exclusive);
        Assert.True(rabbit.AutoDelete);
        Assert.Equal("application/json", rabbit.ContentType);
        Assert.Equal(10, rabbit.PrefetchCount);
        Assert.Null(rabbit.VirtualHost);
        Assert.Contains(package.Configurables, c => c.Name == rabbit.Host && c.DefaultValue is null && !c.Secret && c.Description.Contains("'AMQPConnectionFactory'", StringComparison.Ordinal));
        Assert.Contains(package.Configurables, c => c.Name == rabbit.Port && c.DefaultValue is null && c.Type == ConfigurableType.Integer);
        Assert.Contains(package.Configurables, c => c.Name == rabbit.Password && c.DefaultValue is null && c.Secret);

        // Both proxies share the factory's configurables.
        var other = Assert.IsType<InboundTransportIr.RabbitMq>(package.Inbounds[1].Transport);
        Assert.Equal(rabbit.Host, other.Host);
        Assert.Equal(rabbit.Password, other.Password);
        Assert.DoesNotContain(diagnostics.Items, d => d.Id is "SB0262" or "SB0267" or "SB0206");
    }

    [Fact]
    public void A_rabbitmq_proxy_reports_once_each_what_the_listener_does_not_do()
    {
        var (package, diagnostics) = Lower(Proxy("rabbitmq http", """
            <parameter name="rabbitmq.connection.factory">F</parameter><parameter name="rabbitmq.exchange.name">orders-exchange</parameter>
            <parameter name="rabbitmq.queue.routing.key">orders-key</parameter><parameter name="rabbitmq.server.host.name">mq</parameter>
            <parameter name="rabbitmq.server.password">Rabbit-S3cret</parameter><parameter name="rabbitmq.message.max.dead.lettered.count">3</parameter>
            """, "<respond/>"));

        var rabbit = Assert.IsType<InboundTransportIr.RabbitMq>(Assert.Single(package.Inbounds).Transport);
        Assert.Equal("P", rabbit.Queue); // EI 6.x's default, reported
        Assert.NotEmpty(package.Services);
        var gaps = diagnostics.Items.Where(d => d.Id == "SB0267").Select(Message).ToList();
        Assert.Equal(6, gaps.Count);
        Assert.Contains(gaps, m => m.Contains("rabbitmq.queue.name", StringComparison.Ordinal) && m.Contains("consumes no queue", StringComparison.Ordinal));
        Assert.Contains(gaps, m => m.Contains("'orders-exchange'", StringComparison.Ordinal) && m.Contains("'orders-key'", StringComparison.Ordinal) && m.Contains("queueBind", StringComparison.Ordinal));
        Assert.Contains(gaps, m => m.Contains("rabbitmq.server.host.name", StringComparison.Ordinal) && m.Contains("factory 'F'", StringComparison.Ordinal));
        Assert.Contains(gaps, m => m.Contains("rabbitmq.server.password", StringComparison.Ordinal));
        Assert.Contains(gaps, m => m.Contains("dead-letters", StringComparison.Ordinal));
        Assert.Contains(gaps, m => m.Contains("the flow's answer", StringComparison.Ordinal) && m.Contains("rabbitmq:Client", StringComparison.Ordinal));
        Assert.DoesNotContain(diagnostics.Items, d => Message(d).Contains("Rabbit-S3cret", StringComparison.Ordinal));
        Assert.DoesNotContain(package.Configurables, c => (c.DefaultValue ?? string.Empty).Contains("Rabbit-S3cret", StringComparison.Ordinal));
        Assert.DoesNotContain(diagnostics.Items, d => d.Id == "SB0206" && Message(d).Contains("rabbitmq", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("<parameter name=\"rabbitmq.queue.name\">q</parameter>", "rabbitmq.connection.factory")]
    [InlineData("<parameter name=\"rabbitmq.connection.factory\">F</parameter><parameter name=\"rabbitmq.queue.auto.ack\">false</parameter>", "rabbitmq:Caller")]
    public void A_rabbitmq_proxy_the_listener_cannot_consume_for_is_reported_with_the_reason(string parameters, string reason)
    {
        var (package, diagnostics) = Lower(Proxy("rabbitmq", parameters));

        Assert.Empty(package.Inbounds);
        Assert.Contains(package.Functions, f => f.Name.Hint == "P flow");
        Assert.Contains(diagnostics.Items, d => d.Id == "SB0206" && Message(d).Contains("transport 'rabbitmq'", StringComparison.Ordinal) && Message(d).Contains(reason, StringComparison.Ordinal));
        Assert.DoesNotContain(diagnostics.Items, d => d.Id == "SB0262");
    }

    [Theory]
    [InlineData("tcp", "tcp:Listener")]
    [InlineData("fix", "FIX engine")]
    [InlineData("local", "in-process call")]
    public void Another_proxy_transport_names_the_listener_to_write(string transport, string listener)
    {
        var (_, diagnostics) = Lower(Proxy($"http {transport}", string.Empty));

        var message = Message(Assert.Single(diagnostics.Items, d => d.Id == "SB0262"));
        Assert.Contains($"transport '{transport}'", message, StringComparison.Ordinal);
        Assert.Contains(listener, message, StringComparison.Ordinal);
        Assert.Contains("also listens on", message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_inline_published_wsdl_becomes_a_resource_answered_at_query_wsdl_at_every_address_of_the_service()
    {
        var (package, diagnostics) = Lower("""
            <proxy name="P" transports="http"><target><inSequence><respond/></inSequence></target>
            <publishWSDL><wsdl:definitions xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" targetNamespace="urn:p"/></publishWSDL></proxy>
            """);

        // PassThroughNHttpGetProcessor finds the service by its name or by an Axis2 endpoint name: every address answers it.
        Assert.All(package.Services, s => Assert.Same(package.Services[0].Wsdl, s.Wsdl));
        var withWsdl = package.Services[0];
        Assert.Equal("/services/P", withWsdl.BasePath);
        Assert.Equal("resources/P.wsdl", withWsdl.Wsdl!.FileName);
        Assert.Contains("urn:p", withWsdl.Wsdl.Content, StringComparison.Ordinal);
        Assert.Contains(package.Configurables, c => c.Name == withWsdl.Wsdl.Path && c.DefaultValue == "resources/P.wsdl");
        Assert.DoesNotContain(diagnostics.Items, d => d.Id == "SB0206");
    }

    [Fact]
    public void A_published_wsdl_by_key_is_read_from_the_local_entry()
    {
        var (package, _) = Lower("""
            <localEntry key="W"><wsdl:definitions xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" targetNamespace="urn:w"/></localEntry>
            <proxy name="P/x"><target><inSequence><respond/></inSequence></target><publishWSDL key="W"/></proxy>
            """);

        var wsdl = package.Services[0].Wsdl!;
        Assert.Equal("resources/P_x.wsdl", wsdl.FileName); // the file name sanitised
        Assert.Contains("urn:w", wsdl.Content, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<publishWSDL key=\"gov:/missing.wsdl\"/>", "neither a local entry")]
    [InlineData("<publishWSDL endpoint=\"E\"/>", "endpoint 'E'")]
    public void A_published_wsdl_the_project_does_not_hold_is_reported_with_the_reason(string publish, string reason)
    {
        var (package, diagnostics) = Lower($"<proxy name=\"P\"><target><inSequence><respond/></inSequence></target>{publish}</proxy>");

        Assert.All(package.Services, s => Assert.Null(s.Wsdl));
        Assert.Contains(diagnostics.Items, d => d.Id == "SB0206" && d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains(reason, StringComparison.Ordinal));
    }

    [Fact]
    public void A_wsdl_file_on_the_server_the_input_does_not_hold_is_read_from_a_required_path()
    {
        var (package, diagnostics) = Lower("<proxy name=\"P\"><target><inSequence><respond/></inSequence></target><publishWSDL uri=\"file:repository/x.wsdl\"/></proxy>");

        Assert.All(package.Services, s =>
        {
            Assert.NotNull(s.Wsdl);
            Assert.Null(s.Wsdl.FileName); // no resource file: the path is a required configurable
            Assert.Null(s.Wsdl.Content);
        });
        var path = Assert.Single(package.Configurables, c => c.Name == package.Services[0].Wsdl!.Path);
        Assert.Null(path.DefaultValue);
        Assert.Contains("file:repository/x.wsdl", path.Description, StringComparison.Ordinal);
        Assert.Contains(diagnostics.Items, d => d.Id == "SB0502" && d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("file:repository/x.wsdl", StringComparison.Ordinal));
        Assert.DoesNotContain(diagnostics.Items, d => d.Id == "SB0206");
    }
}
