using SynapseToBal.Driver;
using SynapseToBal.Output;
using SynapseToBal.Tests.Project;
using Xunit;

namespace SynapseToBal.Tests.Output;

/// <summary>
/// A generated file checked out with CRLF line endings (git core.autocrlf on Windows) or saved with a byte-order
/// mark is not an edit of every line: converting again merges the real edits and keeps the file's convention.
/// </summary>
public sealed class LineEndingMergeTests
{
    private const string Ns = "http://ws.apache.org/ns/synapse";

    private static string Api(string value) =>
        $"""<api xmlns="{Ns}" name="Hello" context="/hello"><resource methods="GET"><inSequence><property name="greeting" value="{value}" scope="transport"/><respond/></inSequence></resource></api>""";

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void A_crlf_or_bom_copy_with_one_edit_merges_cleanly_and_keeps_its_convention(bool crlf, bool bom)
    {
        using var temp = new TempDirectory();
        temp.Write("in/hello.xml", Api("first"));
        var options = new ConversionOptions(temp.Combine("in"));
        var output = temp.Combine("out");
        IncrementalConversion.Run(options, output, new OutputOptions());

        // The user's copy: another line ending or a BOM, and one line added at the top.
        var main = Path.Combine(output, "main.bal");
        var text = "// my note\n" + File.ReadAllText(main);
        text = (bom ? "\uFEFF" : string.Empty) + (crlf ? text.Replace("\n", "\r\n", StringComparison.Ordinal) : text);
        File.WriteAllText(main, text);

        temp.Write("in/hello.xml", Api("second"));
        var run = IncrementalConversion.Run(options, output, new OutputOptions());

        var outcome = Assert.Single(run.Outcome!.Files, f => f.Path == "main.bal");
        Assert.Equal(FileAction.Merged, outcome.Action);
        var merged = File.ReadAllText(main);
        Assert.Contains("// my note", merged, StringComparison.Ordinal);
        Assert.Contains("\"second\"", merged, StringComparison.Ordinal);
        Assert.DoesNotContain("\"first\"", merged, StringComparison.Ordinal);
        Assert.DoesNotContain("<<<<<<<", merged, StringComparison.Ordinal);
        Assert.Equal(bom, File.ReadAllBytes(main) is [0xEF, 0xBB, 0xBF, ..]);
        Assert.Equal(crlf, merged.Contains("\r\n", StringComparison.Ordinal));
        if (crlf)
        {
            Assert.DoesNotContain("\n", merged.Replace("\r\n", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        }
    }
}
