using System.Globalization;
using Microsoft.CodeAnalysis;
using SynapseToBal.Diagnostics;
using SynapseToBal.Driver;
using SynapseToBal.IR;
using SynapseToBal.Lowering;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>Proxies' vfs transports and file inbound endpoints on ftp, ftps and sftp folders: an ftp:Listener each.</summary>
public sealed class RemoteFileListenerTests
{
    private const string Sequences = """<sequence name="In"><log/><drop/></sequence><sequence name="Err"><drop/></sequence>""";

    private static (PackageIr Package, DiagnosticBag Diagnostics) Lower(string definitions) => DefinitionsLowering.Lower(Sequences + definitions);

    private static string Message(Diagnostic d) => d.GetMessage(CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("vfs:sftp://orders:Sup3rSecret@sftp.example.com/home/orders/in", "sftp", "orders", true, "sftp.example.com", null, 22, "/home/orders/in", null)]
    [InlineData("ftp://user%40corp:p%40ss%2Fw@ftp.example.com:2121/in%20box/?vfs.passive=true", "ftp", "user@corp", true, "ftp.example.com", 2121, 21, "/in box/", "vfs.passive=true")]
    [InlineData("FTPS://files.example.com", "ftps", null, false, "files.example.com", null, 21, "/", null)]
    [InlineData("ftp://anonymous@files.example.com/pub", "ftp", "anonymous", false, "files.example.com", null, 21, "/pub", null)]
    [InlineData(@"vfs:ftp://${FTPUserName}:${FTPUserPassword}\@${FTPHostname}/vfs/input/?vfs.passive=false", "ftp", "${FTPUserName}", true, "${FTPHostname}", null, 21, "/vfs/input/", "vfs.passive=false")]
    [InlineData("smb://corp/share/in", "smb", null, false, "corp", null, 21, "/share/in", null)]
    public void A_remote_uri_splits_into_user_host_port_and_path_decoded_with_the_protocols_default_port(
        string uri, string scheme, string? user, bool hasPassword, string host, int? port, int defaultPort, string path, string? options)
    {
        var parsed = Lowerer.ParseRemoteFolderUri(uri);

        Assert.NotNull(parsed);
        Assert.Equal(scheme, parsed.Scheme);
        Assert.Equal(user, parsed.User);
        Assert.Equal(hasPassword, parsed.HasPassword);
        Assert.Equal(host, parsed.Host);
        Assert.Equal(port, parsed.Port);
        Assert.Equal(defaultPort, parsed.DefaultPort);
        Assert.Equal(path, parsed.Path);
        Assert.Equal(options, parsed.Options);

        // The record never holds the password: nothing of it can reach a configurable, a message or the code.
        Assert.DoesNotContain("Sup3rSecret", parsed.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("p@ss", parsed.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("file:///data/in")]
    [InlineData("/data/in")]
    [InlineData("ftp://host:port/in")]
    [InlineData("sftp:///in")]
    public void A_local_or_unreadable_uri_is_no_remote_folder(string uri) => Assert.Null(Lowerer.ParseRemoteFolderUri(uri));

    [Fact]
    public void A_placeholder_port_is_kept_as_written_for_a_required_configurable()
    {
        var parsed = Lowerer.ParseRemoteFolderUri("sftp://u@h:${SFTP_PORT}/in");

        Assert.NotNull(parsed);
        Assert.Null(parsed.Port);
        Assert.Equal("${SFTP_PORT}", parsed.PortText);
    }

    private const string SftpProxy = """
        <proxy name="Orders" transports="vfs"><target><inSequence><log/><drop/></inSequence></target>
        <parameter name="transport.vfs.FileURI">vfs:sftp://orders:Sup3rSecret@sftp.example.com:2222/home/orders/in</parameter>
        <parameter name="transport.vfs.ContentType">application/json</parameter>
        <parameter name="transport.vfs.FileNamePattern">.*\.json</parameter>
        <parameter name="transport.PollInterval">1500ms</parameter>
        <parameter name="transport.vfs.ActionAfterProcess">MOVE</parameter>
        <parameter name="transport.vfs.MoveAfterProcess">vfs:sftp://orders:Sup3rSecret@sftp.example.com:2222/home/orders/done</parameter>
        <parameter name="transport.vfs.ActionAfterFailure">NONE</parameter>
        <parameter name="transport.vfs.Locking">enable</parameter>
        </proxy>
        """;

    [Fact]
    public void An_sftp_vfs_proxy_becomes_an_ftp_listener_with_its_uri_as_configurables_and_the_password_required()
    {
        var (package, diagnostics) = Lower(SftpProxy);

        var inbound = Assert.Single(package.Inbounds);
        var ftp = Assert.IsType<InboundTransportIr.Ftp>(inbound.Transport);
        Assert.Equal(RemoteFileProtocol.Sftp, ftp.Protocol);
        Assert.Equal(@".*\.json", ftp.FileNamePattern);
        Assert.Equal(1.5m, ftp.IntervalSeconds);
        Assert.Equal("application/json", ftp.ContentType);
        Assert.Equal(RemoteFileAction.Move, ftp.AfterProcess);
        Assert.Equal(RemoteFileAction.None, ftp.AfterFailure);
        Assert.Null(ftp.MoveAfterFailure);
        Assert.Equal("Orders flow", ftp.Target.Sequence.Hint);

        ConfigurableIr Of(Symbol? symbol) => Assert.Single(package.Configurables, c => c.Name == symbol);
        Assert.Equal("sftp.example.com", Of(ftp.Host).DefaultValue);
        Assert.Equal(("2222", ConfigurableType.Integer), (Of(ftp.Port).DefaultValue, Of(ftp.Port).Type));
        Assert.Equal("orders", Of(ftp.Username).DefaultValue);
        Assert.Equal("/home/orders/in", Of(ftp.Folder).DefaultValue);
        Assert.Equal("/home/orders/done", Of(ftp.MoveAfterProcess).DefaultValue);
        var password = Of(ftp.Password);
        Assert.True(password.Secret);
        Assert.Null(password.DefaultValue);

        Assert.Contains(diagnostics.Items, d => d.Id == "SB0212");
        Assert.DoesNotContain(diagnostics.Items, d => d.Id is "SB0261" or "SB0206");
        Assert.Contains(diagnostics.Items, d => d.Id == "SB0264" && Message(d).Contains("transport.vfs.Locking", StringComparison.Ordinal));
        Assert.Contains(diagnostics.Items, d => d.Id == "SB0264" && Message(d).Contains("ActionAfterFailure NONE", StringComparison.Ordinal));
        Assert.Empty(package.Services); // vfs only: the MI does not answer it over HTTP

        // The password is nowhere: not in a configurable, a summary or a diagnostic.
        Assert.All(package.Configurables, c => Assert.DoesNotContain("Sup3rSecret", c.Description + c.DefaultValue, StringComparison.Ordinal));
        Assert.DoesNotContain("Sup3rSecret", inbound.Summary, StringComparison.Ordinal);
        Assert.All(diagnostics.Items, d => Assert.DoesNotContain("Sup3rSecret", Message(d), StringComparison.Ordinal));
    }

    [Fact]
    public void The_uri_password_never_reaches_the_generated_package_or_its_reports()
    {
        var input = Path.Combine(Path.GetTempPath(), "synapse2bal-ftplisten-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(input);
        try
        {
            File.WriteAllText(Path.Combine(input, "Orders.xml"), SftpProxy.Replace("<proxy ", "<proxy xmlns=\"http://ws.apache.org/ns/synapse\" ", StringComparison.Ordinal));
            File.WriteAllText(Path.Combine(input, "Drop.xml"), """
                <inboundEndpoint xmlns="http://ws.apache.org/ns/synapse" name="Drop" protocol="file" sequence="In"><parameters>
                <parameter name="interval">1000</parameter><parameter name="transport.vfs.FileURI">ftps://shop:Ftps-Secret-7@files.example.com/in</parameter>
                </parameters></inboundEndpoint>
                """);
            File.WriteAllText(Path.Combine(input, "In.xml"), """<sequence xmlns="http://ws.apache.org/ns/synapse" name="In"><log/><drop/></sequence>""");

            var result = Converter.Convert(new ConversionOptions(input));

            Assert.Contains(result.Files, f => f.RelativePath == "inbound.bal" && f.Content.Contains("listener ftp:Listener", StringComparison.Ordinal));
            Assert.Contains(result.Files, f => f.RelativePath == "configs.bal" && f.Content.Contains("configurable string ordersVfsSftpPassword = ?;", StringComparison.Ordinal));
            Assert.All(result.Files, f =>
            {
                Assert.DoesNotContain("Sup3rSecret", f.Content, StringComparison.Ordinal);
                Assert.DoesNotContain("Ftps-Secret-7", f.Content, StringComparison.Ordinal);
            });
        }
        finally
        {
            Directory.Delete(input, recursive: true);
        }
    }

    [Fact]
    public void A_move_to_another_server_is_not_translated_rather_than_deleting_the_file()
    {
        var (package, diagnostics) = Lower(SftpProxy.Replace("sftp.example.com:2222/home/orders/done", "other.example.com/done", StringComparison.Ordinal));

        Assert.Empty(package.Inbounds);
        var warning = Assert.Single(diagnostics.Items, d => d.Id == "SB0261");
        Assert.Contains("not a folder on the server polled", Message(warning), StringComparison.Ordinal);
        Assert.DoesNotContain("Sup3rSecret", Message(warning), StringComparison.Ordinal);
    }

    [Fact]
    public void A_vfs_proxy_on_another_remote_file_system_stays_untranslated()
    {
        var (package, diagnostics) = Lower("""
            <proxy name="P" transports="vfs"><target><inSequence><drop/></inSequence></target>
            <parameter name="transport.vfs.FileURI">smb://corp:Smb-Secret@fileserver/share/in</parameter>
            <parameter name="transport.vfs.ContentType">text/xml</parameter><parameter name="transport.vfs.FileNamePattern">.*</parameter>
            </proxy>
            """);

        Assert.Empty(package.Inbounds);
        var warning = Assert.Single(diagnostics.Items, d => d.Id == "SB0261");
        Assert.Contains("ftp, ftps and sftp only", Message(warning), StringComparison.Ordinal);
        Assert.DoesNotContain("Smb-Secret", Message(warning), StringComparison.Ordinal);
    }

    [Fact]
    public void A_remote_file_inbound_endpoint_moves_as_FilePollingConsumer_does_and_reads_every_file_without_a_pattern()
    {
        var (package, diagnostics) = Lower("""
            <inboundEndpoint name="F" protocol="file" sequence="In" onError="Err"><parameters>
            <parameter name="interval">2500</parameter><parameter name="transport.vfs.FileURI">ftp://shop@files.example.com/in?vfs.passive=true</parameter>
            <parameter name="transport.vfs.ActionAfterProcess">MOVE</parameter><parameter name="transport.vfs.MoveAfterProcess">ftp://shop@files.example.com/done</parameter>
            <parameter name="transport.vfs.ActionAfterFailure">NONE</parameter>
            <parameter name="transport.vfs.MoveTimestampFormat">yyyyMMdd</parameter>
            </parameters></inboundEndpoint>
            """);

        var ftp = Assert.IsType<InboundTransportIr.Ftp>(Assert.Single(package.Inbounds).Transport);
        Assert.Equal(RemoteFileProtocol.Ftp, ftp.Protocol);
        Assert.Null(ftp.FileNamePattern);
        Assert.Null(ftp.ContentType);
        Assert.Null(ftp.Password);
        Assert.Equal(2.5m, ftp.IntervalSeconds);
        Assert.Equal(RemoteFileAction.Move, ftp.AfterProcess);

        // FilePollingConsumer compares with MOVE.equals: NONE (any other value) deletes.
        Assert.Equal(RemoteFileAction.Delete, ftp.AfterFailure);
        Assert.DoesNotContain(diagnostics.Items, d => Message(d).Contains("vfs.passive", StringComparison.Ordinal));
        Assert.Contains(package.Configurables, c => c.Name == ftp.Port && c.DefaultValue == "21");
        Assert.NotNull(ftp.Target.FaultFunction);
        Assert.Contains(diagnostics.Items, d => d.Id == "SB0264" && Message(d).Contains("MoveTimestampFormat", StringComparison.Ordinal));
        Assert.DoesNotContain(diagnostics.Items, d => d.Id is "SB0227" or "SB0206");
    }
}
