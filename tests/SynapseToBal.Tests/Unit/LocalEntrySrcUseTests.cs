using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// A local entry whose <c>src</c> file the input does not hold is read at start-up (with a required path
/// configurable) only when translated code reads it as a value; an entry used only as a sequence key, or not at all,
/// stays a comment, so that the program does not wait for a file it never reads.
/// </summary>
public sealed class LocalEntrySrcUseTests
{
    private const string Ns = "xmlns=\"http://ws.apache.org/ns/synapse\"";

    [Fact]
    public void An_entry_used_only_as_a_sequence_key_is_a_comment_without_a_start_up_read()
    {
        var files = ArtifactConversion.Convert(
            $"""<localEntry {Ns} key="dynSeq" src="file:repository/samples/resources/sequence/dynamic_seq_1.xml"/>""",
            $"""<sequence {Ns} name="Main"><sequence key="dynSeq"/><respond/></sequence>""");

        var entries = files["entries.bal"];
        Assert.Contains("// The Micro Integrator loads it from `file:repository/samples/resources/sequence/dynamic_seq_1.xml`", entries, StringComparison.Ordinal);
        Assert.DoesNotContain("io:fileReadXml", entries, StringComparison.Ordinal);
        Assert.DoesNotContain("import ballerina/io;", entries, StringComparison.Ordinal);
        Assert.DoesNotContain("dynSeqPath", files["configs.bal"], StringComparison.Ordinal);
        Assert.DoesNotContain("dynSeqPath", files.GetValueOrDefault("Config.toml") ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public void An_entry_read_as_a_value_is_read_at_start_up_and_its_configurable_says_how_the_url_is_loaded()
    {
        var files = ArtifactConversion.Convert(
            $"""<localEntry {Ns} key="motd" src="https://config.example.com/motd.txt"/>""",
            $"""<sequence {Ns} name="Main"><log level="custom"><property name="m" expression="get-property('motd')"/></log><respond/></sequence>""");

        Assert.Contains("final string motd = check io:fileReadString(motdPath);", files["entries.bal"], StringComparison.Ordinal);
        var configs = files["configs.bal"];
        Assert.Contains("the Micro\n# Integrator loads the content of that URL (fetched over HTTP) when it deploys the entry", configs, StringComparison.Ordinal);
        Assert.DoesNotContain("relative file: path", configs, StringComparison.Ordinal);
    }
}
