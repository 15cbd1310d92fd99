using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// A file inbound endpoint whose sequence fails with no onError sequence: the Micro Integrator fails the poll cycle
/// (Axis2SynapseEnvironment.injectInbound and FileInjectHandler.invoke rethrow; FilePollingConsumer then applies
/// ActionAfterFailure / MoveAfterFailure), so the generated poller moves or deletes the file as a failure and does not
/// run the after-process action for it. A proxy's fault flow handles its failures, so a proxy keeps the process action.
/// </summary>
public sealed class InboundFailureActionTests
{
    private const string Ns = "http://ws.apache.org/ns/synapse";

    private static string Sequence => $"""<sequence xmlns="{Ns}" name="Process"><log level="full"/><drop/></sequence>""";

    [Fact]
    public void A_local_folder_endpoint_without_on_error_moves_a_failed_file_to_the_failure_folder()
    {
        var files = ArtifactConversion.Convert(
            $"""
            <inboundEndpoint xmlns="{Ns}" name="Drop" protocol="file" sequence="Process"><parameters>
            <parameter name="interval">1000</parameter><parameter name="transport.vfs.FileURI">/var/in</parameter>
            <parameter name="transport.vfs.ContentType">application/xml</parameter>
            <parameter name="transport.vfs.ActionAfterProcess">MOVE</parameter><parameter name="transport.vfs.MoveAfterProcess">/var/done</parameter>
            <parameter name="transport.vfs.ActionAfterFailure">MOVE</parameter><parameter name="transport.vfs.MoveAfterFailure">/var/failed</parameter>
            </parameters></inboundEndpoint>
            """,
            Sequence);

        var lines = files["inbound.bal"].Split('\n').Select(l => l.Trim()).ToList();
        var failed = lines.FindIndex(l => l.StartsWith("if result is error {", StringComparison.Ordinal));
        Assert.True(failed >= 0, files["inbound.bal"]);
        // The failure branch ends with `continue` before the after-process move, after moving the file to the failure folder.
        var next = lines.FindIndex(failed, l => l == "continue;");
        var processed = lines.FindIndex(failed, l => l.StartsWith("string|file:Error processedPath", StringComparison.Ordinal));
        Assert.True(next > failed && next < processed, files["inbound.bal"]);
        Assert.Contains(lines[failed..next], l => l.StartsWith("string|file:Error failedPath = file:joinPath(", StringComparison.Ordinal) && l.Contains("MoveAfterFailure", StringComparison.Ordinal));
    }

    [Fact]
    public void A_remote_folder_endpoint_without_on_error_applies_the_failure_action_and_skips_the_process_action()
    {
        var files = ArtifactConversion.Convert(
            $"""
            <inboundEndpoint xmlns="{Ns}" name="Remote" protocol="file" sequence="Process"><parameters>
            <parameter name="interval">1000</parameter><parameter name="transport.vfs.FileURI">sftp://bob@files.example.com/in</parameter>
            <parameter name="transport.vfs.ContentType">application/xml</parameter><parameter name="transport.vfs.FileNamePattern">.*\.xml</parameter>
            </parameters></inboundEndpoint>
            """,
            Sequence);

        var text = files["inbound.bal"];
        var lines = text.Split('\n').Select(l => l.Trim()).ToList();
        var failed = lines.FindIndex(l => l.StartsWith("if result is error {", StringComparison.Ordinal));
        Assert.True(failed >= 0, text);
        // The failure branch deletes the file (ActionAfterFailure's default) and ends with `continue` before the after-process action.
        var next = lines.FindIndex(failed, l => l == "continue;");
        var processed = lines.FindIndex(failed, l => l.StartsWith("ftp:Error? done =", StringComparison.Ordinal));
        Assert.True(next > failed && next < processed, text);
        Assert.Contains(lines[failed..next], l => l == "ftp:Error? failedDone = caller->delete(fileInfo.pathDecoded);");
    }
}
