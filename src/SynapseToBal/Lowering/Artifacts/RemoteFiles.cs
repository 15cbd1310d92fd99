using System.Globalization;
using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

/// <summary>
/// The parts of a VFS URI on a remote file system, <c>scheme://[user[:password]@]host[:port][/path][?options]</c>, as
/// Commons VFS reads them: the user, host and path percent-decoded. The password is never kept: only whether there is one.
/// </summary>
/// <param name="Scheme">The scheme, lower-cased.</param>
/// <param name="User">The user, decoded; null when the URI has no user-info.</param>
/// <param name="HasPassword">The user-info has a password.</param>
/// <param name="Host">The host, decoded.</param>
/// <param name="Port">The port written in the URI, or null: the protocol's default.</param>
/// <param name="PortText">The port as written (a <c>${...}</c> placeholder when <see cref="Port"/> is null and it is set).</param>
/// <param name="Path">The folder's path, decoded; <c>/</c> when the URI has none.</param>
/// <param name="Options">The query (<c>vfs.passive=true</c>, ...), if any.</param>
internal sealed record RemoteFolderUri(string Scheme, string? User, bool HasPassword, string Host, int? Port, string? PortText, string Path, string? Options)
{
    /// <summary>The ballerina/ftp protocol of the scheme; null for a remote file system the ftp:Listener cannot read (smb, http, ...).</summary>
    public RemoteFileProtocol? Protocol => Scheme switch
    {
        "ftp" => RemoteFileProtocol.Ftp,
        "ftps" => RemoteFileProtocol.Ftps,
        "sftp" => RemoteFileProtocol.Sftp,
        _ => null,
    };

    /// <summary>The port Commons VFS connects to without one in the URI: 22 for sftp, 21 for ftp and ftps.</summary>
    public int DefaultPort => Scheme == "sftp" ? 22 : 21;

    /// <summary>Whether another URI names the same server with the same account, so the listener's connection can move files there.</summary>
    public bool SameServer(RemoteFolderUri other) =>
        Scheme == other.Scheme && string.Equals(Host, other.Host, StringComparison.OrdinalIgnoreCase) && (Port ?? DefaultPort) == (other.Port ?? other.DefaultPort)
        && PortText == other.PortText && (other.User is null || other.User == User);
}

// Lowering of a proxy's vfs transport and of a file inbound endpoint on a remote folder (ftp, ftps, sftp): an
// ftp:Listener (ballerina/ftp) whose service runs the flow for each file and deletes, moves or leaves it.
public sealed partial class Lowerer
{
    /// <summary>
    /// The remote folder a VFS URI names (the <c>vfs:</c> prefix and a <c>\@</c> before the host allowed); null when it
    /// is local (<c>file:</c>, a path) or not a URI this reads (no host, a port that is neither a number nor a placeholder).
    /// </summary>
    internal static RemoteFolderUri? ParseRemoteFolderUri(string uri)
    {
        var text = uri.Trim();
        if (text.StartsWith("vfs:", StringComparison.Ordinal))
        {
            text = text[4..];
        }

        if (RemoteFileUri.Match(text) is not { Success: true } match)
        {
            return null;
        }

        var scheme = match.Groups["scheme"].Value.ToLowerInvariant();
        var host = Decode(match.Groups["host"].Value);
        if (scheme == "file" || host.Length == 0)
        {
            return null;
        }

        int? port = null;
        string? portText = null;
        if (match.Groups["port"].Success && match.Groups["port"].Length > 0)
        {
            portText = match.Groups["port"].Value;
            if (int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is > 0 and < 65536)
            {
                port = number;
                portText = null;
            }
            else if (!(portText.StartsWith("${", StringComparison.Ordinal) && portText.EndsWith('}')))
            {
                return null;
            }
        }

        var path = match.Groups["path"].Success && match.Groups["path"].Length > 0 ? Decode(match.Groups["path"].Value) : "/";
        var user = match.Groups["user"].Success ? Decode(match.Groups["user"].Value) : null;
        var options = match.Groups["options"].Success && match.Groups["options"].Length > 0 ? match.Groups["options"].Value : null;
        return new RemoteFolderUri(scheme, user, match.Groups["password"].Success, host, port, portText, path, options);

        // Commons VFS decodes %xx in the user-info, host and path; a malformed escape is kept as written.
        static string Decode(string part)
        {
            try
            {
                return Uri.UnescapeDataString(part);
            }
            catch (UriFormatException)
            {
                return part;
            }
        }
    }

    /// <summary>
    /// What a remote listener does with a file after the flow (or after a failure to read it): ActionAfterProcess /
    /// ActionAfterFailure and the folder of a MOVE on the same server, or why it cannot be done.
    /// </summary>
    private sealed record RemoteAfter(RemoteFileAction Action, string? Folder, string? Reason);

    /// <summary>
    /// Reads ActionAfterX / MoveAfterX as the Micro Integrator does: <paramref name="noneKept"/> (a proxy's
    /// PollTableEntry) keeps NONE, else (an inbound endpoint's FilePollingConsumer) any value but MOVE deletes;
    /// MOVE without a folder deletes in both. A MOVE to another server, or to a local folder, is not reproduced.
    /// </summary>
    private static RemoteAfter RemoteAfterAction(RemoteFolderUri source, string? action, string? moveTo, string actionParameter, string moveParameter, bool noneKept)
    {
        if (action == "NONE" && noneKept)
        {
            return new RemoteAfter(RemoteFileAction.None, null, null);
        }

        if (action != "MOVE" || moveTo is not { Length: > 0 })
        {
            return new RemoteAfter(RemoteFileAction.Delete, null, null);
        }

        if (ParseRemoteFolderUri(moveTo) is not { } target || !source.SameServer(target))
        {
            return new RemoteAfter(RemoteFileAction.Delete, null, $"{actionParameter} is MOVE and {moveParameter} '{SecretNames.MaskXml(moveTo)}' is not a folder on the server polled (same scheme, host, port and user): the ftp:Listener's caller moves files on its own server only; move them by hand");
        }

        return new RemoteAfter(RemoteFileAction.Move, target.Path, null);
    }

    /// <summary>
    /// The settings of PollTableEntry (a proxy) or FilePollingConsumer (an inbound endpoint) the ftp:Listener does not
    /// reproduce, and what the Micro Integrator does with each; null for a parameter that is not one of them.
    /// </summary>
    private static string? RemoteVfsSettingConsequence(string name, string? value) => name switch
    {
        "transport.vfs.Locking" => value == "disable"
            ? null
            : "the Micro Integrator locks each file while it processes it (a <file>.lock beside it, unless 'disable'); the ftp:Listener takes no lock, so run one instance of the program per folder",
        "transport.vfs.MaxRetryCount" or "transport.vfs.ReconnectTimeout" => "the Micro Integrator retries a server it cannot reach (MaxRetryCount times, default 3, ReconnectTimeout s apart, default 30) within a poll; the ftp:Listener logs the failure and tries again at the next poll",
        "transport.vfs.FileProcessCount" or "transport.vfs.FileProcessInterval" => "the Micro Integrator processes at most FileProcessCount files a poll, FileProcessInterval ms apart; the listener processes every new matching file of a poll, one after another",
        "transport.vfs.Streaming" => value == "true" ? "the Micro Integrator streams the file into the message (binary content types); the listener reads the whole file first" : null,
        "transport.vfs.Append" => "it applies to files the Micro Integrator writes (a vfs: endpoint or reply), which are not translated",
        "transport.vfs.ReplyFileURI" or "transport.vfs.ReplyFileName" => "the Micro Integrator writes what the flow answers to this reply file; the generated listener drops the answer (write it with caller->putBytes by hand)",
        "transport.vfs.MoveTimestampFormat" => "the Micro Integrator prefixes the moved file's name with the time in this format; the listener moves it under its own name",
        "transport.vfs.SubFolderTimestampFormat" => "the Micro Integrator moves processed files into a sub-folder named after the time in this format; the listener moves them into the folder itself",
        "transport.vfs.FileSortAttribute" or "transport.vfs.FileSortAscending" => "the Micro Integrator sorts the folder's files before processing them; the listener processes them in the order the server lists them",
        "transport.vfs.CheckSizeInterval" or "transport.vfs.CheckSizeIgnoreEmpty" => "the Micro Integrator waits until a file's size stops changing before it reads it; the listener reads a new file at the first poll that sees it (a fileAgeFilter minAge in @ftp:ServiceConfig is the nearest setting)",
        "transport.vfs.FileSizeLimit" => "the Micro Integrator skips files larger than this; the listener reads every matching file",
        "transport.vfs.MinimumAge" or "transport.vfs.MaximumAge" => "the Micro Integrator skips files younger (older) than this many seconds; set fileAgeFilter {minAge, maxAge} in @ftp:ServiceConfig by hand",
        "transport.vfs.AutoLockRelease" or "transport.vfs.AutoLockReleaseInterval" or "transport.vfs.LockReleaseSameNode" => "it tunes the Micro Integrator's file locks, which the ftp:Listener does not take",
        "transport.vfs.FailedRecordsFileName" or "transport.vfs.FailedRecordsFileDestination" or "transport.vfs.MoveAfterFailedMove" or "transport.vfs.FailedRecordNextRetryDuration" or "transport.vfs.MoveFailedRecordTimestampFormat" =>
            "the Micro Integrator records files it could not move and skips them afterwards; the listener logs a failed move and does not retry the file",
        "transport.vfs.ClusterAware" => "the Micro Integrator coordinates polling across a cluster; the ftp:Listener's coordination setting (a database-backed warm standby) is the nearest equivalent",
        "transport.vfs.UpdateLastModified" => "the Micro Integrator keeps (or not) the moved file's modification time; the listener's move leaves it to the server",
        "transport.vfs.CreateFolder" => "the Micro Integrator creates a missing move folder; the listener's move fails when the folder does not exist",
        "vfs.passive" => "the Micro Integrator's FTP passive-mode setting; the ftp:Listener always uses passive mode",
        "transport.vfs.SFTPIdentities" or "transport.vfs.SFTPIdentityPassPhrase" => "the Micro Integrator authenticates to the SFTP server with this private key; give it to the listener as auth: {privateKey: {path, password}} (the pass phrase a required configurable) by hand",
        "transport.vfs.DistributedLock" or "transport.vfs.DistributedTimeout" => "it coordinates the Micro Integrator's file locks across a cluster, which the ftp:Listener does not take",
        _ when name.StartsWith("transport.vfs.", StringComparison.Ordinal) => "this VFS setting of the Micro Integrator is not applied by the ftp:Listener",
        _ => null,
    };

    /// <summary>Whether a parameter is one the remote listener applies or reports itself (SB0264), so that it is not reported again (SB0206).</summary>
    private static bool RemoteVfsHandled(string name) => RemoteVfsApplied.Contains(name, StringComparer.Ordinal) || RemoteVfsSettingConsequence(name, "true") is not null;

    /// <summary>The parameters a remote listener applies itself (not reported one by one).</summary>
    private static readonly string[] RemoteVfsApplied =
    [
        "transport.vfs.FileURI", "transport.PollInterval", "interval", "transport.vfs.ContentType", "transport.vfs.FileNamePattern", "transport.vfs.ActionAfterProcess",
        "transport.vfs.MoveAfterProcess", "transport.vfs.ActionAfterFailure", "transport.vfs.MoveAfterFailure",
        "transport.vfs.SFTPUserDirIsRoot",
    ];

    /// <summary>
    /// The <c>ftp:Listener</c> of a remote folder: its host, port, user and folders configurables (the password a
    /// required one, reported SB0212), each setting it does not reproduce reported (SB0264).
    /// </summary>
    /// <param name="owner">Who listens, for the configurables' descriptions: <c>proxy service 'P'</c>, <c>inbound endpoint 'F'</c>.</param>
    /// <param name="hint">The symbol hint prefix (<c>P vfs</c>, <c>F</c>).</param>
    private InboundTransportIr.Ftp RemoteFolderListener(
        ArtifactSyntax origin,
        string owner,
        string hint,
        RemoteFolderUri uri,
        string? pattern,
        decimal intervalSeconds,
        string? contentType,
        RemoteAfter processed,
        RemoteAfter failed,
        string? userDirIsRootParameter,
        InboundTargetIr target)
    {
        Symbol Configurable(string what, string? value, string parameter, ConfigurableType type = ConfigurableType.String, bool secret = false)
        {
            var symbol = _symbols.Module(SymbolKind.Configurable, $"{hint} {what}");
            var placeholder = value is not null && value.Contains("${", StringComparison.Ordinal);
            var description = $"{char.ToUpperInvariant(what[0])}{what[1..]} of {owner} ({parameter}{(placeholder ? $", '{SecretNames.MaskXml(value!)}' in the Micro Integrator, whose placeholder the deployment fills in" : string.Empty)}).";
            _configurables.Add(new ConfigurableIr(symbol, type, placeholder || secret ? null : value, description, secret));
            return symbol;
        }

        var protocol = uri.Protocol ?? throw new InvalidOperationException("a remote listener needs an ftp, ftps or sftp URI");
        var host = Configurable($"{uri.Scheme} host", uri.Host, "the host of transport.vfs.FileURI");
        var port = Configurable($"{uri.Scheme} port", uri.Port?.ToString(CultureInfo.InvariantCulture) ?? uri.PortText ?? uri.DefaultPort.ToString(CultureInfo.InvariantCulture), uri.Port is null && uri.PortText is null ? $"the {uri.Scheme} default port, transport.vfs.FileURI having none" : "the port of transport.vfs.FileURI", ConfigurableType.Integer);
        var user = uri.User is { } name ? Configurable($"{uri.Scheme} user", name, "the user of transport.vfs.FileURI") : null;
        Symbol? password = null;
        if (uri.HasPassword)
        {
            password = Configurable($"{uri.Scheme} password", null, "the password of transport.vfs.FileURI, never copied from it", secret: true);
            _diagnostics.Report(DiagnosticCatalog.SecretConfigurable, origin.Location, $"{hint} transport.vfs.FileURI password");
        }

        var folder = Configurable("folder", uri.Path, "the path of transport.vfs.FileURI");
        var moveProcessed = processed.Action == RemoteFileAction.Move ? Configurable("move after process", processed.Folder, "the path of transport.vfs.MoveAfterProcess") : null;
        var moveFailed = failed.Action == RemoteFileAction.Move ? Configurable("move after failure", failed.Folder, "the path of transport.vfs.MoveAfterFailure") : null;
        return new InboundTransportIr.Ftp(protocol, host, port, user, password, folder, pattern, intervalSeconds, contentType, processed.Action, moveProcessed, failed.Action, moveFailed, UserDirIsRoot(protocol, uri.Options, userDirIsRootParameter), target);
    }

    /// <summary>
    /// Whether the Micro Integrator reads a remote path from the login (home) folder. WSO2's Commons VFS defaults
    /// userDirIsRoot to true for FTP, FTPS and SFTP (Ftp/SftpFileSystemConfigBuilder.getUserDirIsRoot); Synapse
    /// (VFSUtils.parseSchemeFileOptions, attachFileSystemOptions) sets it for SFTP only, from the URI option
    /// <c>UserDirIsRoot</c> or the parameter <c>transport.vfs.SFTPUserDirIsRoot</c> (the parameter wins), read as
    /// <c>new Boolean(value)</c>: true only for "true" in any case.
    /// </summary>
    internal static bool UserDirIsRoot(RemoteFileProtocol protocol, string? uriOptions, string? parameter)
    {
        if (protocol != RemoteFileProtocol.Sftp)
        {
            return true;
        }

        string? value = null;
        foreach (var option in (uriOptions ?? string.Empty).Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = option.Split('=', 2);
            if (parts[0].Trim() == "UserDirIsRoot")
            {
                value = parts.Length > 1 ? Uri.UnescapeDataString(parts[1].Trim()) : string.Empty;
            }
        }

        if (parameter is { Length: > 0 })
        {
            value = parameter;
        }

        return value is null || value.Trim().Equals("true", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Reports (SB0264) each setting of a remote folder the ftp:Listener does not reproduce: parameters, URI options, NONE.</summary>
    private void ReportRemoteVfsSettings(ArtifactSyntax origin, string owner, RemoteFolderUri uri, IEnumerable<ConfigParameterSyntax> parameters, RemoteAfter processed, RemoteAfter failed)
    {
        void Report(string setting, string consequence) =>
            _diagnostics.Report(DiagnosticCatalog.RemoteFileSettingDiffers, origin.Location, owner, setting, consequence);

        foreach (var parameter in parameters.Where(p => !RemoteVfsApplied.Contains(p.Name, StringComparer.Ordinal)))
        {
            if (RemoteVfsSettingConsequence(parameter.Name, parameter.Text?.Trim()) is { } consequence)
            {
                Report($"parameter '{parameter.Name}'", consequence);
            }
        }

        // vfs.passive=true is what the listener does (it always connects in passive mode); UserDirIsRoot is applied (UserDirIsRoot).
        foreach (var option in (uri.Options ?? string.Empty).Split('&', StringSplitOptions.RemoveEmptyEntries).Where(o => !o.Equals("vfs.passive=true", StringComparison.OrdinalIgnoreCase) && o.Split('=', 2)[0].Trim() != "UserDirIsRoot"))
        {
            var name = option.Split('=', 2)[0];
            Report($"URI option '{SecretNames.MaskXml(option)}'", RemoteVfsSettingConsequence(name, null) ?? "a Commons VFS option of the Micro Integrator's connection; the ftp:Listener has its own connection settings: set the equivalent one by hand");
        }

        if (processed.Action == RemoteFileAction.None)
        {
            Report("transport.vfs.ActionAfterProcess NONE", "the Micro Integrator leaves the file and processes it again at every poll while it stays; the ftp:Listener reports a file once (until it disappears or the program restarts), so it runs the flow for it once");
        }

        if (failed.Action == RemoteFileAction.None)
        {
            Report("transport.vfs.ActionAfterFailure NONE", "the Micro Integrator leaves a file it cannot read and tries it again at every poll; the ftp:Listener reports a file once, so it is not tried again");
        }
    }
}
