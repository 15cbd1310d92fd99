using SynapseToBal.IR;
using SynapseToBal.Lowering;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>WSO2's Commons VFS reads remote paths from the login folder unless Synapse turns it off for SFTP.</summary>
public sealed class UserDirIsRootTests
{
    [Theory]
    [InlineData(RemoteFileProtocol.Ftp, null, null, true)]
    [InlineData(RemoteFileProtocol.Ftps, "UserDirIsRoot=false", "false", true)]
    [InlineData(RemoteFileProtocol.Sftp, null, null, true)]
    [InlineData(RemoteFileProtocol.Sftp, "vfs.passive=true&UserDirIsRoot=false", null, false)]
    [InlineData(RemoteFileProtocol.Sftp, "UserDirIsRoot=TRUE", null, true)]
    [InlineData(RemoteFileProtocol.Sftp, null, "false", false)]
    [InlineData(RemoteFileProtocol.Sftp, "UserDirIsRoot=false", "true", true)]
    [InlineData(RemoteFileProtocol.Sftp, "userdirisroot=false", null, true)]
    public void FollowsCommonsVfsAndSynapse(RemoteFileProtocol protocol, string? options, string? parameter, bool expected) =>
        Assert.Equal(expected, Lowerer.UserDirIsRoot(protocol, options, parameter));
}
