using System.Globalization;
using SynapseToBal.IR;
using SynapseToBal.Refine;

namespace SynapseToBal.Emit;

internal sealed partial class StatementWriter
{
    /// <summary>A send to a VFS endpoint: the runtime's vfsWriteFile or vfsWriteRemote (<see cref="VfsWriteCall"/>).</summary>
    private void VfsSend(VfsSendStep step) => _out.Line($"check {VfsWriteCall(step.Endpoint, _expr.Names, _modules)};");

    /// <summary>
    /// The write of a VFS endpoint (a send, or a forwarding processor's attempt): the runtime's vfsWriteFile (a local
    /// file) or vfsWriteRemote (an ftp:Client on the endpoint's server), with the path and connection settings as
    /// configurables and the URI's options that differ from the sender's defaults as named arguments.
    /// </summary>
    internal static string VfsWriteCall(VfsEndpointIr vfs, NameMap names, ModuleUsage modules)
    {
        var options = string.Empty;
        if (vfs.Append)
        {
            options += ", append = true";
        }

        if (vfs.CreateFolder)
        {
            options += ", createFolder = true";
        }

        if (!vfs.Locking)
        {
            options += ", locking = false";
        }
        else
        {
            if (vfs.MaxRetryCount != 3)
            {
                options += $", maxRetryCount = {vfs.MaxRetryCount.ToString(CultureInfo.InvariantCulture)}";
            }

            if (vfs.ReconnectSeconds != 30m)
            {
                options += $", reconnectTimeout = {vfs.ReconnectSeconds.ToString(CultureInfo.InvariantCulture)}";
            }
        }

        if (vfs.FileSystem == VfsFileSystem.Local)
        {
            return $"vfsWriteFile(ctx, {names[vfs.Path]}{options})";
        }

        modules.Use("ftp");
        var protocol = vfs.FileSystem switch
        {
            VfsFileSystem.Ftp => "ftp:FTP",
            VfsFileSystem.Sftp => "ftp:SFTP",
            VfsFileSystem.Ftps => "ftp:FTPS",
            _ => throw new InvalidOperationException("a local VFS endpoint has no protocol"),
        };
        var connection = $"protocol: {protocol}, host: {names[vfs.Host!]}, port: {names[vfs.Port!]}";
        if (vfs.Username is { } username)
        {
            connection += $", auth: {{credentials: {{username: {names[username]}{(vfs.Password is { } password ? $", password: {names[password]}" : string.Empty)}}}}}";
        }

        connection += $", userDirIsRoot: {(vfs.UserDirIsRoot ? "true" : "false")}";
        return $"vfsWriteRemote(ctx, {{{connection}}}, {names[vfs.Path]}{options})";
    }
}
