using System.Text;
using Microsoft.CodeAnalysis;
using SynapseToBal.Output;
using SynapseToBal.Report;
using Xunit;

namespace SynapseToBal.Tests.Output;

/// <summary>
/// The artifact record (<c>.synapse2bal/artifacts.json</c>) is written as it is serialized, to a temporary file, and
/// replaces the record only when the bytes differ (issue 13: at 10,000 APIs the record is about 21 MB and was built
/// as one string while the whole conversion was still held).
/// </summary>
public sealed class ArtifactRecordWriteTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "synapse2bal-record-" + Guid.NewGuid().ToString("N"));

    public ArtifactRecordWriteTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string RecordPath => Path.Combine(_folder, ArtifactSplice.FileName);

    private static ArtifactSplice.Record Small(string text = "<api name=\"a\"/>") =>
        new("b1", true, ["a"], [("main.bal", "h1")], [new("apis/a.xml", text, [new("main.bal", 0, 5)])], null);

    /// <summary>Many artifacts and a report with many diagnostics: far more than one buffer of the writer.</summary>
    private static ArtifactSplice.Record Large()
    {
        var artifacts = Enumerable.Range(0, 400).Select(i => new ArtifactSplice.ArtifactRecord(
            $"apis/a{i}.xml", $"<api name=\"a{i}\" context=\"/é{i}\">{new string('x', 700)}</api>\n", [new("main.bal", i * 10, 10), new("types.bal", i, 1)])).ToList();
        var shares = Enumerable.Range(0, 300).Select(i => new ArtifactShare(i, i / 2, [new UnsupportedElement("e" + i, 1, 2, ["SB0001", "SB0002"])])).ToList();
        var diagnostics = Enumerable.Range(0, 1500).Select(i => new ArtifactSplice.StoredDiagnostic(
            "SB0001", DiagnosticSeverity.Warning, i % 2 == 0 ? null : $"apis/a{i}.xml", i, 3, i, 1, i, 4, $"message \"{i}\" <x>")).ToList();
        var report = new ArtifactSplice.ReportRecord("{\"report\": \"" + new string('r', 200_000) + "\"}", shares, diagnostics, 400, 400, ".");
        return new ArtifactSplice.Record("b1", true, [.. Enumerable.Range(0, 400).Select(i => "a" + i)], [.. Enumerable.Range(0, 400).Select(i => ($"f{i}.bal", "h" + i))], artifacts, report)
        {
            AnyPropertyWriter = true,
        };
    }

    [Fact]
    public void The_record_is_written_in_its_fixed_format_as_utf8_without_a_byte_order_mark()
    {
        IncrementalConversion.WriteRecord(RecordPath, Small("<api name=\"é\"/>"));

        var expected = "{\"version\":" + ArtifactSplice.FormatVersion + ",\"build\":\"b1\",\"namesAsAsked\":true,\"anyPropertyWriter\":false,"
            + "\"moduleNames\":[\"a\"],\"files\":[{\"path\":\"main.bal\",\"hash\":\"h1\"}],"
            + "\"artifacts\":[{\"path\":\"apis/a.xml\",\"text\":\"<api name=\\\"é\\\"/>\",\"sections\":[[\"main.bal\",0,5]]}]}\n";
        Assert.Equal(Encoding.UTF8.GetBytes(expected), File.ReadAllBytes(RecordPath));
        Assert.Equal(expected, ArtifactSplice.Serialize(Small("<api name=\"é\"/>")));
        Assert.False(File.Exists(RecordPath + ".tmp"));
    }

    [Fact]
    public void A_large_record_written_a_buffer_at_a_time_has_the_bytes_of_its_text_and_reads_back()
    {
        var record = Large();
        IncrementalConversion.WriteRecord(RecordPath, record);

        var text = ArtifactSplice.Serialize(record);
        Assert.True(text.Length > 10 * 64 * 1024);
        Assert.Equal(Encoding.UTF8.GetBytes(text), File.ReadAllBytes(RecordPath));
        var read = ArtifactSplice.Read(RecordPath);
        Assert.NotNull(read);
        Assert.Equal(text, ArtifactSplice.Serialize(read));
    }

    [Fact]
    public void An_unchanged_record_keeps_its_file_and_a_changed_one_replaces_it()
    {
        IncrementalConversion.WriteRecord(RecordPath, Large());
        File.SetLastWriteTimeUtc(RecordPath, OutputFolders.Old);

        IncrementalConversion.WriteRecord(RecordPath, Large());
        Assert.Equal(OutputFolders.Old, File.GetLastWriteTimeUtc(RecordPath));

        IncrementalConversion.WriteRecord(RecordPath, Small());
        Assert.NotEqual(OutputFolders.Old, File.GetLastWriteTimeUtc(RecordPath));
        Assert.Equal(ArtifactSplice.Serialize(Small()), File.ReadAllText(RecordPath));
        Assert.Equal([ArtifactSplice.FileName], Directory.EnumerateFiles(_folder).Select(Path.GetFileName));
    }

    [Fact]
    public void Files_are_the_same_only_when_every_byte_is()
    {
        var a = Path.Combine(_folder, "a");
        var b = Path.Combine(_folder, "b");
        var bytes = Enumerable.Range(0, 200_000).Select(i => (byte)(i * 7)).ToArray();
        File.WriteAllBytes(a, bytes);
        File.WriteAllBytes(b, bytes);
        Assert.True(IncrementalConversion.SameBytes(a, b));

        bytes[^1] ^= 1;
        File.WriteAllBytes(b, bytes);
        Assert.False(IncrementalConversion.SameBytes(a, b));

        bytes[^1] ^= 1;
        bytes[70_000] ^= 1;
        File.WriteAllBytes(b, bytes);
        Assert.False(IncrementalConversion.SameBytes(a, b));

        File.WriteAllBytes(b, bytes[..^1]);
        Assert.False(IncrementalConversion.SameBytes(a, b));
        Assert.False(IncrementalConversion.SameBytes(a, Path.Combine(_folder, "missing")));
    }
}
