using System.Globalization;
using Microsoft.CodeAnalysis;
using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// Address endpoints with a mailto: URI are the Micro Integrator's MailTransportSender: the recipients after the scheme
/// become a configurable and the SMTP settings of the sender (in the server's axis2.xml / deployment.toml) required
/// configurables shared by every endpoint of that sender; sends, calls, callouts, proxy targets and forwarding
/// processors mail the message with the runtime's sendMail.
/// </summary>
public sealed class MailEndpointLoweringTests
{
    private const string Ns = "http://ws.apache.org/ns/synapse";

    private const string MailEndpoint = $"""<endpoint xmlns="{Ns}" name="MailEP"><address uri="mailto:ops@example.com, audit@example.com"/></endpoint>""";

    private static PackageIr Lower(DiagnosticBag diagnostics, params string[] artifacts) => ArtifactLowering.Lower(diagnostics, artifacts);

    private static string Message(Diagnostic diagnostic) => diagnostic.GetMessage(CultureInfo.InvariantCulture);

    private static IReadOnlyList<StepIr> Body(PackageIr package, string sequence) => package.Functions.Single(f => f.Summary.Contains($"'{sequence}'", StringComparison.Ordinal)).Body;

    private static ConfigurableIr Configurable(PackageIr package, Symbol symbol) => Assert.Single(package.Configurables, c => ReferenceEquals(c.Name, symbol));

    private static string Sequence(string name, string mediators) => $"""<sequence xmlns="{Ns}" name="{name}">{mediators}</sequence>""";

    [Fact]
    public void An_out_only_send_mails_the_message_on_the_senders_required_smtp_settings_and_ends_as_an_out_only_send()
    {
        var diagnostics = new DiagnosticBag();
        var package = Lower(diagnostics, MailEndpoint, Sequence("In", """<property name="OUT_ONLY" value="true"/><send><endpoint key="MailEP"/></send>"""));

        var body = Body(package, "In");
        var send = Assert.Single(body.OfType<MailSendStep>());
        Assert.IsType<AcceptStep>(body[^1]);
        var mail = send.Endpoint;
        // MailTransportSender parses what follows the first ':' as the address list.
        Assert.Equal("ops@example.com, audit@example.com", Configurable(package, mail.To).DefaultValue);
        var sender = mail.Sender;
        Assert.Equal("mailto", sender.SenderName);
        foreach (var required in new[] { sender.Host, sender.Port, sender.Username, sender.Password, sender.From, sender.Security })
        {
            var configurable = Configurable(package, required);
            Assert.Null(configurable.DefaultValue);
            Assert.Contains("not in the Synapse project", configurable.Description, StringComparison.Ordinal);
            Assert.Contains("[[transport.mail.sender]]", configurable.Description, StringComparison.Ordinal);
        }

        Assert.Equal(ConfigurableType.Integer, Configurable(package, sender.Port).Type);
        Assert.Contains("mail.smtp.host", Configurable(package, sender.Host).Description, StringComparison.Ordinal);
        Assert.True(Configurable(package, sender.Password).Secret);
        Assert.False(Configurable(package, sender.Host).Secret);
        Assert.Equal(string.Empty, Configurable(package, sender.Bcc).DefaultValue);
        Assert.Single(diagnostics.Items, d => d.Id == "SB0212");
        Assert.DoesNotContain(diagnostics.Items, d => d.Id is "SB0218" or "SB0290" or "SB0206");
        Assert.Empty(package.PendingEndpoints);
        // Without FORCE_SC_ACCEPTED the Micro Integrator answers nothing after an out-only send.
        Assert.Single(diagnostics.Items, d => d.Id == "SB0210");
    }

    [Fact]
    public void The_send_is_written_as_a_sendMail_call_on_configurables_and_the_password_is_required()
    {
        var files = ArtifactConversion.Convert(MailEndpoint, Sequence("In", """<property name="OUT_ONLY" value="true"/><send><endpoint key="MailEP"/></send>"""));

        Assert.Contains(files["functions.bal"].Split('\n'), l => l.Trim() ==
            "check sendMail(ctx, {host: mailSmtpHost, port: mailSmtpPort, username: mailSmtpUser, password: mailSmtpPassword, 'from: mailSmtpFrom, security: mailSmtpSecurity, bcc: mailSmtpBcc}, mailEpTo);");
        var configs = files["configs.bal"];
        Assert.Contains("configurable string mailSmtpPassword = ?;", configs, StringComparison.Ordinal);
        Assert.Contains("configurable string mailSmtpHost = ?;", configs, StringComparison.Ordinal);
        Assert.Contains("configurable int mailSmtpPort = ?;", configs, StringComparison.Ordinal);
        Assert.Contains("configurable string mailSmtpBcc = \"\";", configs, StringComparison.Ordinal);
        Assert.Contains("configurable string mailEpTo = \"ops@example.com, audit@example.com\";", configs, StringComparison.Ordinal);
        Assert.Contains("function sendMail(", files["support.bal"], StringComparison.Ordinal);
    }

    [Fact]
    public void A_call_without_out_only_mails_the_message_and_reports_the_reply_the_micro_integrator_waits_for()
    {
        var diagnostics = new DiagnosticBag();
        var package = Lower(diagnostics, Sequence("In", """<call><endpoint><address uri="mailto:example@wso2.com"/></endpoint></call><log level="custom"><property name="after" value="call"/></log>"""));

        var body = Body(package, "In");
        Assert.True(Assert.IsType<MailSendStep>(body[0]).AwaitsReply);
        Assert.IsType<LogStep>(body[1]);
        var reported = Assert.Single(diagnostics.Items, d => d.Id == "SB0290");
        Assert.Equal(DiagnosticSeverity.Warning, reported.Severity);
        Assert.Contains("OUT_ONLY is not set before this <call>", Message(reported), StringComparison.Ordinal);
        Assert.Contains("waits for a reply mail", Message(reported), StringComparison.Ordinal);
        Assert.DoesNotContain(diagnostics.Items, d => d.Id == "SB0218");
    }

    [Fact]
    public void Out_only_on_some_paths_is_decided_at_run_time_and_its_writes_are_kept()
    {
        const string flow = """<filter source="$trp:X-Notify" regex="yes"><then><property name="OUT_ONLY" value="true"/></then></filter><call><endpoint key="MailEP"/></call><respond/>""";
        var diagnostics = new DiagnosticBag();
        var package = Lower(diagnostics, MailEndpoint, Sequence("In", flow));

        var send = Assert.Single(IrWalker.Steps(Body(package, "In")).OfType<MailSendStep>());
        Assert.False(send.AwaitsReply);
        Assert.Equal("OUT_ONLY", send.OutOnlyProperty);
        Assert.Contains("set on some paths only", Message(Assert.Single(diagnostics.Items, d => d.Id == "SB0290")), StringComparison.Ordinal);

        var functions = ArtifactConversion.Convert(MailEndpoint, Sequence("In", flow))["functions.bal"];
        Assert.Contains("ctx.properties[\"OUT_ONLY\"] = \"true\";", functions, StringComparison.Ordinal);
        Assert.Contains(", mailEpTo, awaitsReply = ctx.properties[\"OUT_ONLY\"] != \"true\");", functions, StringComparison.Ordinal);
    }

    [Fact]
    public void Endpoints_of_one_sender_share_its_settings_and_a_second_sender_has_its_own()
    {
        var diagnostics = new DiagnosticBag();
        var package = Lower(diagnostics,
            MailEndpoint,
            $"""<endpoint xmlns="{Ns}" name="Other"><address uri="mailto:sales@example.com"/></endpoint>""",
            $"""<endpoint xmlns="{Ns}" name="Secondary"><address uri="mailtoWSO2:support@example.com"/></endpoint>""",
            Sequence("In", """<property name="OUT_ONLY" value="true"/><call><endpoint key="MailEP"/></call><call><endpoint key="Other"/></call><call><endpoint key="Secondary"/></call>"""));

        var sends = Body(package, "In").OfType<MailSendStep>().ToList();
        Assert.Equal(3, sends.Count);
        Assert.Same(sends[0].Endpoint.Sender, sends[1].Endpoint.Sender);
        Assert.NotSame(sends[0].Endpoint.Sender, sends[2].Endpoint.Sender);
        Assert.Equal("mailtoWSO2", sends[2].Endpoint.Sender.SenderName);
        Assert.Equal("support@example.com", Configurable(package, sends[2].Endpoint.To).DefaultValue);
        Assert.Contains("\"mailtoWSO2\"", Configurable(package, sends[2].Endpoint.Sender.Host).Description, StringComparison.Ordinal);
        Assert.Equal(2, diagnostics.Items.Count(d => d.Id == "SB0212"));
    }

    [Fact]
    public void An_address_with_a_query_part_stays_the_non_http_todo()
    {
        var diagnostics = new DiagnosticBag();
        var package = Lower(diagnostics, Sequence("In", """<property name="OUT_ONLY" value="true"/><send><endpoint><address uri="mailto:ops@example.com?subject=Hello"/></endpoint></send>"""));

        var body = Body(package, "In");
        Assert.Empty(body.OfType<MailSendStep>());
        Assert.Equal("SB0218", Assert.Single(body.OfType<TodoStep>()).Reason.Descriptor.Id);
        Assert.Contains(diagnostics.Items, d => d.Id == "SB0218");
        Assert.DoesNotContain(package.Configurables, c => c.Description.Contains("mail.smtp.host", StringComparison.Ordinal));
    }

    [Fact]
    public void An_out_only_callout_mails_the_message_and_one_with_an_action_stays_a_todo()
    {
        var diagnostics = new DiagnosticBag();
        var package = Lower(diagnostics, MailEndpoint,
            Sequence("In", """<property name="OUT_ONLY" value="true"/><callout endpointKey="MailEP"/>"""),
            Sequence("WithAction", """<property name="OUT_ONLY" value="true"/><callout endpointKey="MailEP" action="urn:notify"/>"""));

        Assert.Single(Body(package, "In").OfType<MailSendStep>());
        var withAction = Body(package, "WithAction");
        Assert.Empty(withAction.OfType<MailSendStep>());
        Assert.Single(withAction.OfType<TodoStep>());
    }

    [Fact]
    public void A_proxy_target_mails_the_message_in_the_state_the_in_flow_leaves()
    {
        var diagnostics = new DiagnosticBag();
        var package = Lower(diagnostics, MailEndpoint,
            $"""<proxy xmlns="{Ns}" name="Notify" transports="http"><target endpoint="MailEP"><inSequence><property name="OUT_ONLY" value="true"/><property name="FORCE_SC_ACCEPTED" value="true" scope="axis2"/></inSequence></target></proxy>""");

        var flow = package.Functions.Single(f => f.Summary.Contains("proxy service Notify", StringComparison.Ordinal)).Body;
        var steps = IrWalker.Steps(flow).ToList();
        Assert.Single(steps.OfType<MailSendStep>());
        Assert.Single(steps.OfType<AcceptStep>());
        Assert.DoesNotContain(diagnostics.Items, d => d.Id is "SB0218" or "SB0290" or "SB0210");
    }

    [Fact]
    public void A_forwarding_processor_routes_to_a_mail_endpoint()
    {
        const string store = $"""<messageStore xmlns="{Ns}" class="org.apache.synapse.message.store.impl.memory.InMemoryStore" name="S"/>""";
        const string processor = $"""<messageProcessor xmlns="{Ns}" class="org.apache.synapse.message.processor.impl.forwarder.ScheduledMessageForwardingProcessor" name="P" messageStore="S" targetEndpoint="MailEP"/>""";
        var api = $"""<api xmlns="{Ns}" name="A" context="/a"><resource methods="POST"><inSequence><store messageStore="S"/><respond/></inSequence></resource></api>""";
        var diagnostics = new DiagnosticBag();
        var package = Lower(diagnostics, MailEndpoint, store, processor, api);

        var route = Assert.IsType<ForwardRouteIr.Mail>(Assert.Single(package.MessageProcessors).Target);
        Assert.Equal("MailEP", route.EndpointName);

        var stores = ArtifactConversion.Convert(MailEndpoint, store, processor, api)["stores.bal"];
        Assert.Contains("error? sent = sendMail(ctx, {host: mailSmtpHost, ", stores, StringComparison.Ordinal);
        // The stored message's OUT_ONLY decides, as the blocking sender reads it when it sends.
        Assert.Contains(", mailEpTo, awaitsReply = ctx.properties[\"OUT_ONLY\"] != \"true\");", stores, StringComparison.Ordinal);
        Assert.Contains("if forwardSent(ctx, sent) {", stores, StringComparison.Ordinal);
    }
}
