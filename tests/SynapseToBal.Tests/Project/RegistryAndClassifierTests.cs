using System.Text;
using SynapseToBal.Project;
using Xunit;

namespace SynapseToBal.Tests.Project;

public sealed class RegistryAndClassifierTests
{
    [Theory]
    [InlineData("conf:/xslt/a.xslt", "conf:/xslt/a.xslt")]
    [InlineData("conf:xslt/a.xslt", "conf:/xslt/a.xslt")]
    [InlineData(" conf://xslt//a.xslt ", "conf:/xslt/a.xslt")]
    [InlineData("gov:/wsdl/b.wsdl", "gov:/wsdl/b.wsdl")]
    [InlineData("gov:wsdl/b.wsdl", "gov:/wsdl/b.wsdl")]
    [InlineData("local:/c.xml", "local:/c.xml")]
    [InlineData("/_system/config/xslt/a.xslt", "conf:/xslt/a.xslt")]
    [InlineData("/_system/governance/wsdl/b.wsdl", "gov:/wsdl/b.wsdl")]
    [InlineData("MySequence", null)]
    public void Registry_keys_are_normalised(string key, string? expected) =>
        Assert.Equal(expected, RegistryIndex.NormalizeKey(key));

    [Fact]
    public void Keys_resolve_in_every_spelling()
    {
        var index = new RegistryIndex([new RegistryResource("conf:/xslt/a.xslt", "a.xslt", FileKind.Xslt, null, ResourceContent.FromBytes(Encoding.UTF8.GetBytes("<x/>")))]);
        Assert.Equal("<x/>", index.Resolve("conf:xslt/a.xslt")!.ReadText());
        Assert.NotNull(index.Resolve("/_system/config/xslt/a.xslt"));
        Assert.Null(index.Resolve("gov:/xslt/a.xslt"));
        Assert.Null(index.Resolve("a.xslt"));
    }

    [Theory]
    [InlineData("api/OrderAPI_1.0.0/OrderAPI.xml", true)]
    [InlineData("artifacts.xml", true)]
    [InlineData("../evil.xml", false)]
    [InlineData("a/../../evil.xml", false)]
    [InlineData("a\\..\\..\\evil.xml", false)]
    [InlineData("/etc/passwd", false)]
    [InlineData("\\windows\\evil.xml", false)]
    [InlineData("C:/evil.xml", false)]
    [InlineData("", false)]
    public void Archive_entry_names_must_stay_inside(string name, bool safe) =>
        Assert.Equal(safe, ProjectLoader.IsSafeEntryName(name));

    [Theory]
    [InlineData("registry/config/xslt/a.xslt", "conf:/xslt/a.xslt")]
    [InlineData("server/registry/governance/wsdl/b.wsdl", "gov:/wsdl/b.wsdl")]
    [InlineData("src/main/wso2mi/resources/registry/gov/json/s.json", "gov:/json/s.json")]
    [InlineData("src/main/wso2mi/resources/registry/conf/x.xml", "conf:/x.xml")]
    [InlineData("registry/artifact.xml", null)]
    [InlineData("sequences/registry.xml", null)]
    public void Registry_folders_on_disk_give_keys(string relative, string? key) =>
        Assert.Equal(key, ProjectLoader.FolderRegistryKey(relative));

    [Theory]
    [InlineData("<api xmlns=\"http://ws.apache.org/ns/synapse\" name=\"a\" context=\"/a\"/>", "a.xml", FileKind.SynapseArtifact)]
    [InlineData("<sequence name=\"a\"/>", "a.xml", FileKind.SynapseArtifact)]
    [InlineData("<definitions xmlns=\"http://ws.apache.org/ns/synapse\"/>", "synapse.xml", FileKind.SynapseConfiguration)]
    [InlineData("<definitions xmlns=\"http://schemas.xmlsoap.org/wsdl/\"/>", "service.xml", FileKind.Wsdl)]
    [InlineData("<project xmlns=\"http://maven.apache.org/POM/4.0.0\"/>", "pom.xml", FileKind.MavenPom)]
    [InlineData("<artifacts/>", "artifact.xml", FileKind.ArtifactDescriptor)]
    [InlineData("<artifacts/>", "artifacts.xml", FileKind.CarbonApplicationDescriptor)]
    [InlineData("<resources/>", "registry-info.xml", FileKind.RegistryInfo)]
    [InlineData("<unit-test/>", "test.xml", FileKind.UnitTestSuite)]
    [InlineData("<xsl:stylesheet xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\" version=\"1.0\"/>", "t.xml", FileKind.Xslt)]
    [InlineData("<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\"/>", "s.xml", FileKind.Xsd)]
    [InlineData("<data name=\"ds\"/>", "ds.xml", FileKind.DataService)]
    [InlineData("<whatever/>", "w.xml", FileKind.Xml)]
    public void Xml_files_are_classified_by_their_root(string xml, string name, FileKind kind)
    {
        var root = FileClassifier.SniffRoot(Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?>\n<!-- c -->\n" + xml));
        Assert.NotNull(root);
        Assert.Equal(2, root.Value.Line);
        Assert.Equal(kind, FileClassifier.KindOfRoot(root.Value, name));
    }

    [Fact]
    public void A_dtd_or_broken_xml_has_no_root() =>
        Assert.Null(FileClassifier.SniffRoot(Encoding.UTF8.GetBytes("<!DOCTYPE x [<!ENTITY e \"e\">]><x>&e;</x>")));

    [Theory]
    [InlineData("a.xslt", FileKind.Xslt)]
    [InlineData("a.XSL", FileKind.Xslt)]
    [InlineData("a.wsdl", FileKind.Wsdl)]
    [InlineData("a.xsd", FileKind.Xsd)]
    [InlineData("a.json", FileKind.Json)]
    [InlineData("resources/datamapper/m/m_inputSchema.json", FileKind.DataMapper)]
    [InlineData("m.dmc", FileKind.DataMapper)]
    [InlineData("a.js", FileKind.Script)]
    [InlineData("a.groovy", FileKind.Script)]
    [InlineData("a.yaml", FileKind.Yaml)]
    [InlineData("a.car", FileKind.CarbonApplication)]
    [InlineData("a.dbs", FileKind.DataService)]
    [InlineData("deployment.toml", FileKind.Properties)]
    [InlineData("lib/a.jar", FileKind.Library)]
    [InlineData("README.md", FileKind.Document)]
    [InlineData("a.xml", FileKind.Xml)]
    [InlineData("Makefile", FileKind.Other)]
    public void Other_files_are_classified_by_their_name(string name, FileKind kind) =>
        Assert.Equal(kind, FileClassifier.KindOfName(name));
}
