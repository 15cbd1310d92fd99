using System.IO.Compression;
using System.Text;

namespace SynapseToBal.Tests.Project;

/// <summary>A temporary folder removed when disposed.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "synapse2bal-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public string Write(string relative, string content)
    {
        var full = Combine(relative.Split('/'));
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        return full;
    }

    /// <summary>A new temporary folder holding <paramref name="files"/> (paths relative to it, '/'-separated).</summary>
    public static TempDirectory WithFiles(IEnumerable<(string File, string Content)> files)
    {
        var temp = new TempDirectory();
        foreach (var (file, content) in files)
        {
            temp.Write(file, content);
        }

        return temp;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>Builds Carbon Applications (zip files) with whatever entry names a test needs, hostile ones included.</summary>
internal static class TestArchives
{
    public static string Build(string path, params (string Name, string Content)[] entries)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var stream = File.Create(path);
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create);
        foreach (var (name, content) in entries)
        {
            var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
            using var writer = new StreamWriter(entry.Open(), new UTF8Encoding(false));
            writer.Write(content);
        }

        return path;
    }

    /// <summary>A small CApp: an API, a sequence and an XSLT registry resource, as Integration Studio packs them.</summary>
    public static (string Name, string Content)[] HelloCApp() =>
    [
        ("artifacts.xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <artifacts>
                <artifact name="HelloCApp" version="1.0.0" type="carbon/application">
                    <dependency artifact="HelloAPI" version="1.0.0" include="true" serverRole="EnterpriseServiceBus"/>
                    <dependency artifact="LogSeq" version="1.0.0" include="true" serverRole="EnterpriseServiceBus"/>
                    <dependency artifact="greeting" version="1.0.0" include="true" serverRole="EnterpriseServiceBus"/>
                </artifact>
            </artifacts>
            """),
        ("HelloAPI_1.0.0/artifact.xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <artifact name="HelloAPI" version="1.0.0" type="synapse/api" serverRole="EnterpriseServiceBus">
                <file>HelloAPI-1.0.0.xml</file>
            </artifact>
            """),
        ("HelloAPI_1.0.0/HelloAPI-1.0.0.xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <api xmlns="http://ws.apache.org/ns/synapse" name="HelloAPI" context="/hello">
                <resource methods="GET" uri-template="/">
                    <inSequence>
                        <sequence key="LogSeq"/>
                        <xslt key="conf:/xslt/greeting.xslt"/>
                        <respond/>
                    </inSequence>
                </resource>
            </api>
            """),
        ("LogSeq_1.0.0/artifact.xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <artifact name="LogSeq" version="1.0.0" type="synapse/sequence" serverRole="EnterpriseServiceBus">
                <file>LogSeq-1.0.0.xml</file>
            </artifact>
            """),
        ("LogSeq_1.0.0/LogSeq-1.0.0.xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <sequence xmlns="http://ws.apache.org/ns/synapse" name="LogSeq">
                <log level="full"/>
            </sequence>
            """),
        ("greeting_1.0.0/artifact.xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <artifact name="greeting" version="1.0.0" type="registry/resource" serverRole="EnterpriseServiceBus">
                <file>registry-info.xml</file>
            </artifact>
            """),
        ("greeting_1.0.0/registry-info.xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <resources>
                <item>
                    <file>greeting.xslt</file>
                    <path>/_system/config/xslt</path>
                    <mediaType>application/xslt+xml</mediaType>
                </item>
            </resources>
            """),
        ("greeting_1.0.0/resources/greeting.xslt", """
            <?xml version="1.0" encoding="UTF-8"?>
            <xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
                <xsl:template match="/"><greeting>hello</greeting></xsl:template>
            </xsl:stylesheet>
            """),
        ("greeting_1.0.0/resources/.meta/~greeting.xslt.xml", "<resource/>"),
    ];

    public const string EvilSequence = """<sequence xmlns="http://ws.apache.org/ns/synapse" name="Evil"><drop/></sequence>""";
}
