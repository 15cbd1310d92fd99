using System.Globalization;
using SynapseToBal.IR;

namespace SynapseToBal.Emit;

internal sealed partial class StatementWriter
{
    /// <summary>
    /// A send to a VFS endpoint: the runtime's vfsWriteFile (a local file) or vfsWriteRemote (an ftp:Client on the
    /// endpoint's server), with the path and connection settings as configurables and the URI's options that differ
    /// from the sender's defaults as named arguments.
    /// </summary>
    private void VfsSend(VfsSendStep step)
    {
        var vfs = step.Endpoint;
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
            _out.Line($"check vfsWriteFile(ctx, {_expr.Names[vfs.Path]}{options});");
            return;
        }

        _modules.Use("ftp");
        var protocol = vfs.FileSystem switch
        {
            VfsFileSystem.Ftp => "ftp:FTP",
            VfsFileSystem.Sftp => "ftp:SFTP",
            VfsFileSystem.Ftps => "ftp:FTPS",
            _ => throw new InvalidOperationException("a local VFS endpoint has no protocol"),
        };
        var connection = $"protocol: {protocol}, host: {_expr.Names[vfs.Host!]}, port: {_expr.Names[vfs.Port!]}";
        if (vfs.Username is { } username)
        {
            connection += $", auth: {{credentials: {{username: {_expr.Names[username]}{(vfs.Password is { } password ? $", password: {_expr.Names[password]}" : string.Empty)}}}}}";
        }

        connection += $", userDirIsRoot: {(vfs.UserDirIsRoot ? "true" : "false")}";
        _out.Line($"check vfsWriteRemote(ctx, {{{connection}}}, {_expr.Names[vfs.Path]}{options});");
    }
}
