using SynapseToBal.Output;
using Xunit;

namespace SynapseToBal.Tests.Output;

/// <summary>
/// The content hashes the render cache keys syntax nodes by (<c>IncrementalConversion.SourceHashes</c>): a document's
/// own input file, an archive entry's archive, nothing for a path outside the input.
/// </summary>
public sealed class RenderCacheSourceHashTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("synapse2bal-source-hash-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Fact]
    public void A_document_is_keyed_by_its_own_file_and_an_archive_entry_by_its_archive()
    {
        var input = Path.Combine(_temp, "in");
        Directory.CreateDirectory(Path.Combine(input, "apis"));
        File.WriteAllText(Path.Combine(input, "apis", "A.xml"), "<api/>");
        File.WriteAllText(Path.Combine(input, "app.car"), "archive bytes");
        File.WriteAllText(Path.Combine(input, "odd!name.xml"), "<sequence/>");
        var fingerprint = InputFingerprint.Compute(input, Path.Combine(_temp, "out"));
        var hash = IncrementalConversion.SourceHashes(input, fingerprint);

        Assert.Equal(Manifest.Hash("<api/>"), hash(Path.Combine(input, "apis", "A.xml")));
        Assert.Equal(Manifest.Hash("archive bytes"), hash(Path.Combine(input, "app.car") + "!synapse-config/api/B.xml"));
        Assert.Equal(Manifest.Hash("<sequence/>"), hash(Path.Combine(input, "odd!name.xml")));
        Assert.Null(hash(Path.Combine(input, "apis", "Missing.xml")));
        Assert.Null(hash(Path.Combine(_temp, "elsewhere.xml")));
        Assert.Null(hash("apis/A.xml"));
    }

    [Fact]
    public void A_single_file_input_is_keyed_by_that_file()
    {
        var file = Path.Combine(_temp, "Api.xml");
        File.WriteAllText(file, "<api/>");
        var hash = IncrementalConversion.SourceHashes(file, InputFingerprint.Compute(file, Path.Combine(_temp, "out")));

        Assert.Equal(Manifest.Hash("<api/>"), hash(file));
        Assert.Null(hash(Path.Combine(_temp, "Other.xml")));
    }
}
