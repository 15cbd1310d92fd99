using System.Globalization;
using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

// Lowering of address endpoints with a vfs: URI (the Micro Integrator's VFSTransportSender over Commons VFS): the file
// or folder and, on ftp, sftp or ftps, the server's host, port and credentials become configurables. A <send>, or a
// non-blocking out-only <call>, through such an endpoint becomes a VfsSendStep; what the sender does that the generated
// code does not is one SB0268 per endpoint.
public sealed partial class Lowerer
{
    /// <summary>The VFS endpoints lowered, by definition (a named endpoint's, or an inline one's).</summary>
    private readonly Dictionary<EndpointDefinitionSyntax, VfsEndpointIr> _vfsEndpoints = new(ReferenceEqualityComparer.Instance);

    /// <summary>The URI parameters VFSOutTransportInfo reads that the generated writer applies.</summary>
    private static readonly string[] VfsSenderApplied =
    [
        "transport.vfs.Append", "transport.vfs.CreateFolder", "transport.vfs.Locking", "transport.vfs.MaxRetryCount", "transport.vfs.ReconnectTimeout",
    ];

    /// <summary>
    /// Records the VFS endpoint of a <c>vfs:</c> address on a local file or an ftp, sftp or ftps server and returns
    /// true; false (nothing recorded) for another file system (smb, http, zip, ...) or a URI that does not parse,
    /// which stay the non-HTTP TODO (SB0218).
    /// </summary>
    private bool LowerVfsEndpoint(string name, AddressEndpointSyntax address, out NotTranslatedIr? notTranslated)
    {
        notTranslated = null;
        var uri = address.Uri.Trim();
        if (!uri.StartsWith("vfs:", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        uri = uri[4..];
        var query = uri.IndexOf('?', StringComparison.Ordinal);
        var location = query < 0 ? uri : uri[..query];
        var parameters = VfsUriParameters(query < 0 ? string.Empty : uri[(query + 1)..]);
        var scheme = Transports.Scheme(location)?.ToLowerInvariant();
        var notApplied = new List<string>();
        Symbol Configurable(string what, string? value, string description, ConfigurableType type = ConfigurableType.String, bool secret = false)
        {
            var symbol = _symbols.Module(SymbolKind.Configurable, $"{name} {what}");
            _configurables.Add(new ConfigurableIr(symbol, type, secret ? null : value, description, Secret: secret));
            if (secret)
            {
                _diagnostics.Report(DiagnosticCatalog.SecretConfigurable, address.Location, $"{name} {what}");
            }

            return symbol;
        }

        var masked = SecretNames.MaskXml(address.Uri.Trim());
        VfsFileSystem fileSystem;
        Symbol path;
        Symbol? host = null, port = null, username = null, password = null;
        if (scheme is "file" || (scheme is null && location.StartsWith('/')))
        {
            if (LocalVfsFolder(location) is not { } local)
            {
                return false;
            }

            fileSystem = VfsFileSystem.Local;
            path = local.Unresolved is null
                ? Configurable("path", Uri.UnescapeDataString(local.Path), $"File or folder the VFS endpoint '{name}' writes to (the path of its address {masked}).")
                : Configurable("path", null, $"File or folder the VFS endpoint '{name}' writes to: its address {local.Unresolved} has placeholders only the deployment resolves; give the absolute path.");
        }
        else if (scheme is "ftp" or "sftp" or "ftps" && RemoteFileUri.Match(location) is { Success: true } remote)
        {
            fileSystem = scheme switch { "ftp" => VfsFileSystem.Ftp, "sftp" => VfsFileSystem.Sftp, _ => VfsFileSystem.Ftps };
            static bool Placeholder(string value) => value.Contains("${", StringComparison.Ordinal);
            var hostText = remote.Groups["host"].Value;
            var pathText = remote.Groups["path"].Success && remote.Groups["path"].Length > 0 ? Uri.UnescapeDataString(remote.Groups["path"].Value) : "/";
            var defaultPort = scheme == "sftp" ? "22" : "21";
            var portText = remote.Groups["port"].Success && remote.Groups["port"].Length > 0 ? remote.Groups["port"].Value : defaultPort;
            path = Configurable("path", Placeholder(pathText) ? null : pathText, $"File or folder on the {scheme} server the VFS endpoint '{name}' writes to (the path of its address {masked}).");
            host = Configurable("host", Placeholder(hostText) || hostText.Length == 0 ? null : hostText, $"Host of the {scheme} server of the VFS endpoint '{name}' (address {masked}).");
            port = Configurable("port", int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out _) ? portText : null,
                $"Port of the {scheme} server of the VFS endpoint '{name}' ({(remote.Groups["port"].Success ? "its address's" : $"the {scheme} default")}).", ConfigurableType.Integer);
            if (remote.Groups["user"].Success && remote.Groups["user"].Length > 0)
            {
                var user = Uri.UnescapeDataString(remote.Groups["user"].Value);
                username = Configurable("user", Placeholder(user) ? null : user, $"User the VFS endpoint '{name}' logs in to the {scheme} server as (the user of its address).");
                if (remote.Groups["password"].Success)
                {
                    password = Configurable("password", null, $"Password of the user of the VFS endpoint '{name}' on the {scheme} server (the password of its address, never copied here).", secret: true);
                }
            }

            // Commons VFS connects in active mode unless vfs.passive is "true" (VFSUtils.attachFileSystemOptions); the ftp:Client always uses passive mode.
            if (fileSystem != VfsFileSystem.Sftp && !string.Equals(parameters.GetValueOrDefault("vfs.passive"), "true", StringComparison.OrdinalIgnoreCase))
            {
                notApplied.Add("the Micro Integrator connects in active FTP mode (vfs.passive is not true), the ftp:Client always in passive mode");
            }

            parameters.Remove("vfs.passive");
        }
        else
        {
            return false;
        }

        if (address.Format is { } format)
        {
            notApplied.Add($"format=\"{format}\" is ignored: the message is written in its content type's format, as the VFS sender writes it");
        }

        // VFSOutTransportInfo: Boolean.parseBoolean for Append, toLowerCase().equals("true") for CreateFolder; Locking "enable"/"disable", else the sender's default (enabled).
        var append = string.Equals(parameters.GetValueOrDefault("transport.vfs.Append"), "true", StringComparison.OrdinalIgnoreCase);
        var createFolder = string.Equals(parameters.GetValueOrDefault("transport.vfs.CreateFolder"), "true", StringComparison.OrdinalIgnoreCase);
        var locking = parameters.GetValueOrDefault("transport.vfs.Locking") != "disable";
        var retries = 3;
        if (parameters.TryGetValue("transport.vfs.MaxRetryCount", out var retryText) && !int.TryParse(retryText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out retries))
        {
            retries = 3;
            notApplied.Add($"transport.vfs.MaxRetryCount '{retryText}' is not a number (the Micro Integrator fails every send); the generated code retries 3 times");
        }

        var reconnect = 30m;
        if (parameters.TryGetValue("transport.vfs.ReconnectTimeout", out var reconnectText))
        {
            if (long.TryParse(reconnectText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seconds))
            {
                reconnect = seconds;
            }
            else
            {
                notApplied.Add($"transport.vfs.ReconnectTimeout '{reconnectText}' is not a number (the Micro Integrator fails every send); the generated code waits 30 s");
            }
        }

        // WSO2's Commons VFS reads a remote path from the login (home) folder (userDirIsRoot true by default); the URI
        // option UserDirIsRoot changes it for SFTP only (VFSUtils.attachFileSystemOptions), so it is applied, not reported.
        var userDirIsRoot = fileSystem switch
        {
            VfsFileSystem.Sftp => UserDirIsRoot(RemoteFileProtocol.Sftp, parameters.TryGetValue("UserDirIsRoot", out var userDir) ? "UserDirIsRoot=" + Uri.EscapeDataString(userDir) : null, null),
            _ => true,
        };
        parameters.Remove("UserDirIsRoot");

        foreach (var (parameter, value) in parameters.Where(p => !VfsSenderApplied.Contains(p.Key, StringComparer.Ordinal)).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            notApplied.Add(parameter switch
            {
                "transport.vfs.SendFileSynchronously" when string.Equals(value, "true", StringComparison.OrdinalIgnoreCase) =>
                    "transport.vfs.SendFileSynchronously: the Micro Integrator writes one file at a time per server; the generated writes are not serialised",
                "transport.vfs.SendFileSynchronously" => null,
                "transport.vfs.SubFolderTimestampFormat" =>
                    "transport.vfs.SubFolderTimestampFormat: the Micro Integrator adds the date in that SimpleDateFormat pattern to the path; the generated code writes to the path as it is",
                "transport.vfs.UpdateLastModified" => null,
                _ => $"the URI parameter '{parameter}' is not applied",
            } ?? string.Empty);
        }

        notApplied.RemoveAll(n => n.Length == 0);
        if (notApplied.Count > 0)
        {
            _diagnostics.Report(DiagnosticCatalog.VfsSendNotReproduced, address.Location, name, string.Join("; ", notApplied));
        }

        _vfsEndpoints[address] = new VfsEndpointIr(name, fileSystem, path, host, port, username, password, append, createFolder, locking, retries, reconnect)
        {
            UserDirIsRoot = userDirIsRoot,
            NotApplied = notApplied.Count > 0 ? new NotTranslatedIr(DiagnosticCatalog.VfsSendNotReproduced, $"settings of VFS endpoint '{name}' not reproduced: {string.Join("; ", notApplied)}") : null,
            Address = notApplied.Count > 0 ? Transports.RedactUriSecrets(new System.Xml.Linq.XElement("address", new System.Xml.Linq.XAttribute("uri", address.Uri)).ToString()) : null,
        };
        notTranslated = new NotTranslatedIr(DiagnosticCatalog.NonHttpEndpoint,
            $"'{name}' writes files over VFS: only a <send>, or a non-blocking <call> with OUT_ONLY set, is translated (vfsWriteFile / vfsWriteRemote); write this use by hand with the same helper");
        return true;
    }

    /// <summary>The query parameters of a VFS URI (BaseUtils.getEPRProperties: <c>&amp;</c>-separated, the last of a name kept), values URL-decoded.</summary>
    private static Dictionary<string, string> VfsUriParameters(string query)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            var key = parts[0].Trim();
            if (key.Length > 0)
            {
                parameters[key] = parts.Length > 1 ? Uri.UnescapeDataString(parts[1].Trim()) : string.Empty;
            }
        }

        return parameters;
    }

    /// <summary>The VFS endpoint a send or call names (inline, lowered by <see cref="CallStepFor"/> first, or by key).</summary>
    private VfsEndpointIr? VfsEndpointOf(EndpointReferenceSyntax? reference) =>
        EndpointDefinitionOf(reference) is { } definition ? _vfsEndpoints.GetValueOrDefault(definition) : null;

    /// <summary>
    /// A send or call to a VFS endpoint; null when the endpoint is not one. VFSTransportSender writes the file in the
    /// mediation thread (a failure is the send's failure: the fault handling runs) and sets the exchange out-only: no
    /// response ever comes back. A send therefore goes on as an out-only send does (the client gets 202 with
    /// FORCE_SC_ACCEPTED, else nothing: SB0210); without OUT_ONLY the Micro Integrator also keeps a callback until the
    /// endpoint's timeout (SB0268). A non-blocking call with OUT_ONLY continues with the message as it was; without
    /// OUT_ONLY, or blocking, it stays a TODO (SB0268): the rest of the flow waits for a reply that never comes.
    /// </summary>
    private IEnumerable<StepIr>? VfsSend(MediatorSyntax mediator, EndpointReferenceSyntax? reference, FlowContext context)
    {
        if (VfsEndpointOf(reference) is not { } vfs)
        {
            return null;
        }

        var state = context.Exchange.Current;
        StepIr write = new VfsSendStep(mediator, vfs);
        StepIr[] notApplied = vfs.NotApplied is { } reason ? [new TodoStep(mediator, reason, vfs.Address ?? string.Empty)] : [];
        if (mediator is CallMediator call)
        {
            if (!call.Blocking && state.OutOnly == Known.Yes)
            {
                return [.. notApplied, write];
            }

            var why = call.Blocking
                ? "a blocking <call> to it is not translated: the Micro Integrator's blocking sender writes the file and, without OUT_ONLY, waits for a reply the file system never gives; the generated code does not write the file here (this step stays a TODO): set OUT_ONLY to true before the call and make it non-blocking, or write the file by hand with vfsWrite*"
                : $"OUT_ONLY is {(state.OutOnly == Known.Maybe ? "set on some paths only" : "not set")} before this <call>: the Micro Integrator writes the file and the rest of the flow waits for a reply the file system never gives (after the endpoint's timeout the message is dropped, or a fault responseAction runs the fault sequence); the generated code does not write the file here (this step stays a TODO): set OUT_ONLY to true before it, or write the file by hand with vfsWrite*";
            _diagnostics.Report(DiagnosticCatalog.VfsSendNotReproduced, mediator.Location, vfs.EndpointName, why);
            return [new TodoStep(mediator, new NotTranslatedIr(DiagnosticCatalog.VfsSendNotReproduced, $"'{vfs.EndpointName}' writes files over VFS: {why}"), Transports.RedactUriSecrets(mediator.RawXml))];
        }

        var send = (SendMediator)mediator;
        if (state.OutOnly == Known.Yes)
        {
            return [.. notApplied, .. AfterSend(send, write, context)];
        }

        // VFSTransportSender makes the exchange out-only whatever OUT_ONLY says: the response never comes.
        _diagnostics.Report(DiagnosticCatalog.VfsSendNotReproduced, send.Location, vfs.EndpointName,
            $"OUT_ONLY is {(state.OutOnly == Known.Maybe ? "set on some paths only" : "not set")} before this <send>: the Micro Integrator writes the file and keeps waiting for a reply that never comes until the endpoint's timeout (then drops the message, or runs the fault sequence with a fault responseAction), so neither the out flow nor the client gets anything; the generated code writes the file and ends the flow as an out-only send does");
        return [.. notApplied, .. OutOnlyOrAccepted(send, "send", send.Location, write, state with { OutOnly = Known.Yes }, context)!];
    }
    /// <summary>
    /// A proxy's target endpoint when it is a VFS endpoint: ProxyServiceMessageReceiver sends it as a &lt;send&gt; does, in
    /// the state the in flow left, so the file is written and the flow ends as an out-only send does (with OUT_ONLY not
    /// set, SB0268 as for a send). Null when the endpoint is not VFS.
    /// </summary>
    private IEnumerable<StepIr>? VfsTargetSend(EndpointReferenceSyntax reference, ExchangeState.Frame state, SourceLocation location, FlowContext context)
    {
        if (VfsEndpointOf(reference) is not { } vfs)
        {
            return null;
        }

        StepIr write = new VfsSendStep(null, vfs);
        StepIr[] notApplied = vfs.NotApplied is { } reason ? [new TodoStep(null, reason, vfs.Address ?? string.Empty)] : [];
        if (state.OutOnly != Known.Yes)
        {
            _diagnostics.Report(DiagnosticCatalog.VfsSendNotReproduced, location, vfs.EndpointName,
                $"OUT_ONLY is {(state.OutOnly == Known.Maybe ? "set on some paths only" : "not set")} when the proxy sends to its target endpoint: the Micro Integrator writes the file and keeps waiting for a reply that never comes until the endpoint's timeout (then drops the message, or runs the fault sequence with a fault responseAction), so neither the out flow nor the client gets anything; the generated code writes the file and ends the flow as an out-only send does");
        }

        return [.. notApplied, .. OutOnlyOrAccepted(null, "proxy target", location, write, state with { OutOnly = Known.Yes }, context)!];
    }

    /// <summary>A use of a VFS endpoint no generated code writes (a callout): its SB0268, with why.</summary>
    private void ReportVfsNotTranslated(EndpointReferenceSyntax? reference, SourceLocation? location, string why)
    {
        if (VfsEndpointOf(reference) is { } vfs)
        {
            _diagnostics.Report(DiagnosticCatalog.VfsSendNotReproduced, location, vfs.EndpointName, why);
        }
    }
}
