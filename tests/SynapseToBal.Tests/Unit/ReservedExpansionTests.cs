using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>The runtime's reserved expansion (<c>reservedValue</c>) encodes as the UriTemplate library HTTPEndpoint uses.</summary>
public sealed class ReservedExpansionTests
{
    [Fact]
    public void A_reserved_expansion_encodes_brackets()
    {
        // UriUtil.encodeFragment (Handy-URI-Templates, the {+x} expansion HTTPEndpoint.resolveUrlTemplate uses) encodes
        // '[' and ']' with the other ESCAPE_CHARS.
        var runtime = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "templates", "runtime", "support.bal"));
        var constant = System.Text.RegularExpressions.Regex.Match(runtime, "const string URI_RESERVED_EXPANSION = \"(?<chars>[^\"]*)\";");
        Assert.True(constant.Success);
        Assert.DoesNotContain('[', constant.Groups["chars"].Value);
        Assert.DoesNotContain(']', constant.Groups["chars"].Value);
        Assert.Equal("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#@!$&'()*+,;=", constant.Groups["chars"].Value);
    }
}
