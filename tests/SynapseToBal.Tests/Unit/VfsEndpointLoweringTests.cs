using System.Globalization;
using Microsoft.CodeAnalysis;
using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using Xunit;

namespace SynapseToBal.Tests.Unit;

public sealed class VfsEndpointLoweringTests
{
    private const string Ns = "http://ws.apache.org/ns/synapse";

    private static PackageIr Lower(DiagnosticBag diagnostics, params string[] artifacts) => ArtifactLowering.Lower(diagnostics, artifacts);

    private static string Message(Diagnostic diagnostic) => diagnostic.GetMessage(CultureInfo.InvariantCulture);

    private static IReadOnlyList<StepIr> Body(PackageIr package, string sequence) => package.Functions.Single(f => f.Summary.Contains($"'{sequence}'", StringComparison.Ordinal)).Body;

    private static ConfigurableIr Configurable(PackageIr package, Symbol symbol) => Assert.Single(package.Configurables, c => ReferenceEquals(c.Name, symbol));

    private static string OutOnlySend(string uri) =>
        $"""<sequence xmlns="{Ns}" name="In"><property name="OUT_ONLY" value="true"/><send><endpoint><address uri="{uri}"/></endpoint></send></sequence>""";

    [Fact]
    public void An_out_only_send_to_a_local_file_writes_it_to_a_configurable_path_and_ends_as_an_out_only_send()
    {
        var diagnostics = new DiagnosticBag();
        var package = Lower(diagnostics, OutOnlySend("vfs:file:///var/out%20box/orders"));

        var body = Body(package, "In");
        var write = Assert.Single(body.OfType<VfsSendStep>());
        Assert.IsType<AcceptStep>(body[^1]);
        var vfs = write.Endpoint;
        Assert.Equal(VfsFileSystem.Local, vfs.FileSystem);
        // The folder-or-file decision is the sender's, at run time: the configurable holds the URI's path, decoded.
        Assert.Equal("/var/out box/orders", Configurable(package, vfs.Path).DefaultValue);
        Assert.False(vfs.Append);
        Assert.False(vfs.CreateFolder);
        Assert.True(vfs.Locking);
        Assert.Equal(3, vfs.MaxRetryCount);
        Assert.Equal(30m, vfs.ReconnectSeconds);
        Assert.Null(vfs.Host);
        Assert.Null(vfs.NotApplied);
        Assert.Empty(package.PendingEndpoints);
        Assert.DoesNotContain(diagnostics.Items, d => d.Id is "SB0218" or "SB0268" or "SB0206");
        // Without FORCE_SC_ACCEPTED the Micro Integrator answers nothing after an out-only send.
        Assert.Single(diagnostics.Items, d => d.Id == "SB0210");
    }

    [Fact]
    public void Append_create_folder_locking_and_retries_come_from_the_uri_parameters_as_vfs_out_transport_info_reads_them()
    {
        var diagnostics = new DiagnosticBag();
        var package = Lower(diagnostics,
            OutOnlySend("vfs:file:///data/log.txt?transport.vfs.Append=TRUE&amp;transport.vfs.CreateFolder=true&amp;transport.vfs.Locking=disable&amp;transport.vfs.MaxRetryCount=7&amp;transport.vfs.ReconnectTimeout=4"));

        var vfs = Assert.Single(Body(package, "In").OfType<VfsSendStep>()).Endpoint;
        // Boolean.parseBoolean ignores case; the query is not part of the path.
        Assert.True(vfs.Append);
        Assert.True(vfs.CreateFolder);
        Assert.False(vfs.Locking);
        Assert.Equal(7, vfs.MaxRetryCount);
        Assert.Equal(4m, vfs.ReconnectSeconds);
        Assert.Equal("/data/log.txt", Configurable(package, vfs.Path).DefaultValue);
        Assert.DoesNotContain(diagnostics.Items, d => d.Id == "SB0268");
    }

    [Fact]
    public void Locking_is_on_unless_the_uri_disables_it_exactly()
    {
        var diagnostics = new DiagnosticBag();
        var package = Lower(diagnostics, OutOnlySend("vfs:file:///data/out?transport.vfs.Locking=Disable"));

        Assert.True(Assert.Single(Body(package, "In").OfType<VfsSendStep>()).Endpoint.Locking);
    }

    [Fact]
    public void A_remote_password_is_a_required_configurable_and_appears_in_no_message_code_or_todo()
    {
        var diagnostics = new DiagnosticBag();
        var package = Lower(diagnostics,
            $"""<endpoint xmlns="{Ns}" name="SftpEP"><address uri="vfs:sftp://bob:hunter2@files.example.com:2222/home/bob/out?transport.vfs.Append=true"/></endpoint>""",
            $"""<sequence xmlns="{Ns}" name="In"><property name="OUT_ONLY" value="true"/><send><endpoint key="SftpEP"/></send></sequence>""");

        var vfs = Assert.Single(Body(package, "In").OfType<VfsSendStep>()).Endpoint;
        Assert.Equal(VfsFileSystem.Sftp, vfs.FileSystem);
        Assert.Equal("files.example.com", Configurable(package, vfs.Host!).DefaultValue);
        var port = Configurable(package, vfs.Port!);
        Assert.Equal(ConfigurableType.Integer, port.Type);
        Assert.Equal("2222", port.DefaultValue);
        Assert.Equal("bob", Configurable(package, vfs.Username!).DefaultValue);
        Assert.Equal("/home/bob/out", Configurable(package, vfs.Path).DefaultValue);
        var password = Configurable(package, vfs.Password!);
        Assert.True(password.Secret);
        Assert.Null(password.DefaultValue);
        Assert.True(vfs.Append);
        Assert.Single(diagnostics.Items, d => d.Id == "SB0212");
        Assert.DoesNotContain(diagnostics.Items, d => Message(d).Contains("hunter2", StringComparison.Ordinal));
        Assert.DoesNotContain(package.Configurables, c => (c.DefaultValue ?? string.Empty).Contains("hunter2", StringComparison.Ordinal) || c.Description.Contains("hunter2", StringComparison.Ordinal));
        // SFTP has no active/passive mode: nothing is reported.
        Assert.DoesNotContain(diagnostics.Items, d => d.Id == "SB0268");

        var files = ArtifactConversion.Convert(
            $"""<endpoint xmlns="{Ns}" name="SftpEP"><address uri="vfs:sftp://bob:hunter2@files.example.com:2222/home/bob/out?transport.vfs.Append=true"/></endpoint>""",
            $"""<sequence xmlns="{Ns}" name="In"><property name="OUT_ONLY" value="true"/><send><endpoint key="SftpEP"/></send></sequence>""");
        Assert.DoesNotContain(files, f => f.Value.Contains("hunter2", StringComparison.Ordinal));
        Assert.Contains(files["functions.bal"].Split('\n'), l => l.Trim() == "check vfsWriteRemote(ctx, {protocol: ftp:SFTP, host: sftpEpHost, port: sftpEpPort, auth: {credentials: {username: sftpEpUser, password: sftpEpPassword}}, userDirIsRoot: true}, sftpEpPath, append = true);");
        Assert.Contains("import ballerina/ftp;", files["functions.bal"], StringComparison.Ordinal);
        Assert.Contains("configurable string sftpEpPassword = ?;", files["configs.bal"], StringComparison.Ordinal);
    }

    [Fact]
    public void Ftp_without_passive_mode_and_placeholders_are_reported_and_required()
    {
        var diagnostics = new DiagnosticBag();
        var package = Lower(diagnostics, OutOnlySend(@"vfs:ftp://${FTPUserName}:${FTPUserPassword}\@${FTPHostname}/vfs/output/stockQuote.xml?vfs.passive=false"));

        var body = Body(package, "In");
        var vfs = Assert.Single(body.OfType<VfsSendStep>()).Endpoint;
        Assert.Equal(VfsFileSystem.Ftp, vfs.FileSystem);
        Assert.Null(Configurable(package, vfs.Host!).DefaultValue);
        Assert.Null(Configurable(package, vfs.Username!).DefaultValue);
        Assert.Equal("21", Configurable(package, vfs.Port!).DefaultValue);
        Assert.Equal("/vfs/output/stockQuote.xml", Configurable(package, vfs.Path).DefaultValue);
        var reported = Assert.Single(diagnostics.Items, d => d.Id == "SB0268");
        Assert.Contains("active FTP mode", Message(reported), StringComparison.Ordinal);
        var todo = Assert.Single(body.OfType<TodoStep>());
        Assert.Equal("SB0268", todo.Reason.Descriptor.Id);
        Assert.DoesNotContain("FTPUserPassword", todo.RawXml, StringComparison.Ordinal);
    }

    [Fact]
    public void A_send_without_out_only_writes_the_file_and_ends_the_flow_as_the_sender_makes_the_exchange_out_only()
    {
        var diagnostics = new DiagnosticBag();
        var package = Lower(diagnostics,
            $"""<sequence xmlns="{Ns}" name="In"><send><endpoint><address uri="vfs:file:///out"/></endpoint></send></sequence>""");

        var body = Body(package, "In");
        Assert.Single(body.OfType<VfsSendStep>());
        Assert.IsType<AcceptStep>(body[^1]);
        Assert.DoesNotContain(body, s => s is ContinueWithStep or RespondStep);
        var reported = Assert.Single(diagnostics.Items, d => d.Id == "SB0268");
        Assert.Contains("OUT_ONLY is not set", Message(reported), StringComparison.Ordinal);
    }

    [Fact]
    public void A_call_that_waits_for_a_reply_and_a_blocking_call_stay_todos()
    {
        var diagnostics = new DiagnosticBag();
        var package = Lower(diagnostics,
            $"""<endpoint xmlns="{Ns}" name="FileEP"><address uri="vfs:file:///out"/></endpoint>""",
            $"""<sequence xmlns="{Ns}" name="Waits"><call><endpoint key="FileEP"/></call></sequence>""",
            $"""<sequence xmlns="{Ns}" name="Blocking"><property name="OUT_ONLY" value="true"/><call blocking="true"><endpoint key="FileEP"/></call></sequence>""",
            $"""<sequence xmlns="{Ns}" name="OutOnly"><property name="OUT_ONLY" value="true"/><call><endpoint key="FileEP"/></call><log level="custom"><property name="after" value="call"/></log></sequence>""");

        Assert.Equal("SB0268", Assert.Single(Body(package, "Waits").OfType<TodoStep>()).Reason.Descriptor.Id);
        Assert.Contains("blocking", Assert.Single(Body(package, "Blocking").OfType<TodoStep>()).Reason.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Body(package, "Waits"), s => s is VfsSendStep);
        Assert.DoesNotContain(Body(package, "Blocking"), s => s is VfsSendStep);
        // An out-only non-blocking call writes and goes on with the message as it was.
        var outOnly = Body(package, "OutOnly");
        Assert.IsType<VfsSendStep>(outOnly.First(s => s is VfsSendStep or LogStep));
        Assert.Contains(outOnly, s => s is LogStep);
        Assert.Equal(2, diagnostics.Items.Count(d => d.Id == "SB0268"));
        Assert.Empty(package.PendingEndpoints);
    }

    [Fact]
    public void Another_file_system_stays_the_non_http_todo()
    {
        var diagnostics = new DiagnosticBag();
        var package = Lower(diagnostics, OutOnlySend("vfs:smb://server/share/out"));

        Assert.Empty(package.Functions.SelectMany(f => IrWalker.Steps(f.Body)).OfType<VfsSendStep>());
        Assert.Equal("SB0218", Assert.Single(Body(package, "In").OfType<TodoStep>()).Reason.Descriptor.Id);
    }

    [Fact]
    public void Local_writes_name_only_the_options_that_differ_from_the_sender_s_defaults()
    {
        var files = ArtifactConversion.Convert(
            OutOnlySend("vfs:file:///data/a.log?transport.vfs.Append=true&amp;transport.vfs.Locking=disable"),
            $"""<sequence xmlns="{Ns}" name="Other"><property name="OUT_ONLY" value="true"/><send><endpoint><address uri="vfs:file:///data/b?transport.vfs.CreateFolder=true&amp;transport.vfs.ReconnectTimeout=5"/></endpoint></send></sequence>""");

        var lines = files["functions.bal"].Split('\n').Select(l => l.Trim()).ToList();
        Assert.Contains("check vfsWriteFile(ctx, inEndpointPath, append = true, locking = false);", lines);
        Assert.Contains("check vfsWriteFile(ctx, otherEndpointPath, createFolder = true, reconnectTimeout = 5);", lines);
        Assert.Contains("function vfsWriteFile(", files["support.bal"], StringComparison.Ordinal);
        Assert.DoesNotContain("function vfsWriteRemote(", files["support.bal"], StringComparison.Ordinal);
    }
    [Fact]
    public void A_proxy_target_endpoint_on_vfs_is_written_as_a_send_and_a_callout_to_it_is_reported()
    {
        var diagnostics = new DiagnosticBag();
        var package = Lower(diagnostics,
            $"""<endpoint xmlns="{Ns}" name="FileEP"><address uri="vfs:file:///out"/></endpoint>""",
            $"""<proxy xmlns="{Ns}" name="ToFile" transports="http"><target endpoint="FileEP"><inSequence><property name="OUT_ONLY" value="true"/><property name="FORCE_SC_ACCEPTED" value="true" scope="axis2"/></inSequence></target></proxy>""",
            $"""<sequence xmlns="{Ns}" name="Callout"><callout endpointKey="FileEP"><source type="envelope"/></callout></sequence>""");

        var flow = package.Functions.Single(f => f.Summary.StartsWith("In flow of proxy service ToFile", StringComparison.Ordinal)).Body;
        Assert.Single(IrWalker.Steps(flow).OfType<VfsSendStep>());
        Assert.DoesNotContain(IrWalker.Steps(flow), s => s is TodoStep);
        Assert.IsType<AcceptStep>(flow[^1]);
        Assert.Single(Body(package, "Callout").OfType<TodoStep>());
        Assert.Contains(diagnostics.Items, d => d.Id == "SB0268" && Message(d).Contains("<callout>", StringComparison.Ordinal));
        Assert.DoesNotContain(diagnostics.Items, d => d.Id == "SB0268" && !Message(d).Contains("<callout>", StringComparison.Ordinal));
    }
}
