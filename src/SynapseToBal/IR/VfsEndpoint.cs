using SynapseToBal.Syntax;

namespace SynapseToBal.IR;

/// <summary>The file system a <c>vfs:</c> address writes to.</summary>
public enum VfsFileSystem
{
    /// <summary><c>file:</c>: a local file, written with ballerina/io.</summary>
    Local,

    /// <summary><c>ftp://</c>: an <c>ftp:Client</c> with protocol FTP.</summary>
    Ftp,

    /// <summary><c>sftp://</c>: an <c>ftp:Client</c> with protocol SFTP.</summary>
    Sftp,

    /// <summary><c>ftps://</c>: an <c>ftp:Client</c> with protocol FTPS.</summary>
    Ftps,
}

/// <summary>
/// An address endpoint with a <c>vfs:</c> URI (the Micro Integrator's VFSTransportSender): the file or folder it
/// writes to and, on a remote file system, the server's host, port and credentials, each a configurable (the
/// password a required one). How the sender names the file (the URI's path when it is not an existing folder, else
/// the folder and the message's <c>transport.vfs.ReplyFileName</c>, <c>response.xml</c> by default) is decided at
/// run time, as the sender decides it.
/// </summary>
/// <param name="EndpointName">The endpoint's name, for the messages of the run-time errors.</param>
/// <param name="FileSystem">Local, or the ftp:Client protocol.</param>
/// <param name="Path">Configurable: the local path, or the path on the server (the URI's, query removed).</param>
/// <param name="Host">Configurable: the server's host; null for a local file.</param>
/// <param name="Port">Configurable (an int): the server's port, the URI's or the protocol's default; null for a local file.</param>
/// <param name="Username">Configurable: the URI's user; null when it has none.</param>
/// <param name="Password">Required configurable: the URI's password; null when it has none.</param>
/// <param name="Append"><c>transport.vfs.Append=true</c> in the URI: the message is written at the end of the file.</param>
/// <param name="CreateFolder"><c>transport.vfs.CreateFolder=true</c> in the URI: the path is made a folder when it does not exist.</param>
/// <param name="Locking">False when the URI disables <c>transport.vfs.Locking</c>: no <c>.lock</c> file is written beside the file.</param>
/// <param name="MaxRetryCount"><c>transport.vfs.MaxRetryCount</c> (3 by default): how often a held lock is waited for again.</param>
/// <param name="ReconnectSeconds"><c>transport.vfs.ReconnectTimeout</c> in seconds (30 by default): the wait between those tries.</param>
public sealed record VfsEndpointIr(
    string EndpointName,
    VfsFileSystem FileSystem,
    Symbol Path,
    Symbol? Host,
    Symbol? Port,
    Symbol? Username,
    Symbol? Password,
    bool Append,
    bool CreateFolder,
    bool Locking,
    int MaxRetryCount,
    decimal ReconnectSeconds)
{
    /// <summary>Remote only: paths are read from the login (home) folder, as WSO2's Commons VFS reads them unless the URI says userDirIsRoot=false.</summary>
    public bool UserDirIsRoot { get; init; } = true;

    /// <summary>Settings that are not applied (reported, SB0268): a TODO beside each send, with the address (credentials masked).</summary>
    public NotTranslatedIr? NotApplied { get; init; }

    /// <summary>The endpoint's <c>&lt;address&gt;</c> element, credentials masked, for the TODO of <see cref="NotApplied"/>.</summary>
    public string? Address { get; init; }
}

/// <summary>
/// A send or call to a <c>vfs:</c> endpoint: the message written to the file in its content type's format (the
/// bytes Synapse's message formatter writes); no response comes back and the message stays as it was.
/// </summary>
/// <param name="Origin">The send or call.</param>
public sealed record VfsSendStep(MediatorSyntax? Origin, VfsEndpointIr Endpoint) : StepIr(Origin);
