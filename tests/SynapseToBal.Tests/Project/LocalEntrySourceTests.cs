using SynapseToBal.Diagnostics;
using SynapseToBal.Driver;
using SynapseToBal.IR;
using SynapseToBal.Syntax;
using Xunit;

namespace SynapseToBal.Tests.Project;

/// <summary>Local entries with <c>src</c>: the file's content when the input holds it, else a copy read at start-up.</summary>
public sealed class LocalEntrySourceTests
{
    private const string Synapse = "http://ws.apache.org/ns/synapse";

    private static LocalEntrySyntax Entry(string xml)
    {
        var document = SynapseParser.ParseText("entry.xml", xml, new DiagnosticBag())!;
        return Assert.IsType<LocalEntrySyntax>(Assert.Single(document.Artifacts));
    }

    [Fact]
    public void Xml_content_becomes_the_document_element_as_an_inline_entry_holds_it()
    {
        var entry = Entry($"""<localEntry xmlns="{Synapse}" key="sheet" src="file:conf/sheet.xslt"/>""");
        var loaded = SynapseParser.WithSourceContent(entry, "home/conf/sheet.xslt", "<?xml version=\"1.0\"?>\n<!-- before -->\n<a xmlns=\"urn:a\"><b>x</b></a>\n");

        Assert.Equal("""<a xmlns="urn:a"><b>x</b></a>""", loaded.Xml);
        Assert.Null(loaded.Text);
        Assert.Null(loaded.XmlAsDeployed);
        Assert.Equal("home/conf/sheet.xslt", loaded.SrcFile);
        Assert.Equal("file:conf/sheet.xslt", loaded.Src);
    }

    [Fact]
    public void Other_content_is_text_kept_exactly_and_the_url_wins_over_inline_content()
    {
        var entry = Entry($"""<localEntry xmlns="{Synapse}" key="script" src="file:conf/a.js"><inline/></localEntry>""");
        var loaded = SynapseParser.WithSourceContent(entry, "conf/a.js", "  var x = 1 < 2;\n");

        Assert.Equal("  var x = 1 < 2;\n", loaded.Text);
        Assert.Null(loaded.Xml);
        Assert.Null(loaded.XmlAsDeployed);
    }

    [Fact]
    public void Only_files_of_the_input_are_read_and_a_path_leaving_it_finds_nothing()
    {
        var root = Directory.CreateTempSubdirectory("s2b-entry-src-");
        try
        {
            var input = Directory.CreateDirectory(Path.Combine(root.FullName, "input")).FullName;
            Directory.CreateDirectory(Path.Combine(input, "home", "conf"));
            File.WriteAllText(Path.Combine(input, "home", "conf", "inside.txt"), "inside\n");
            File.WriteAllText(Path.Combine(root.FullName, "outside.txt"), "secret\n");
            var absolute = new Uri(Path.Combine(input, "home", "conf", "inside.txt")).AbsoluteUri;
            File.WriteAllText(Path.Combine(input, "entries.xml"), $"""
                <definitions xmlns="{Synapse}">
                    <localEntry key="relative" src="file:conf/inside.txt"/>
                    <localEntry key="absolute" src="{absolute}"/>
                    <localEntry key="escape" src="file:../outside.txt"/>
                    <localEntry key="escapeDeep" src="file:../../{Path.GetFileName(root.FullName)}/outside.txt"/>
                    <localEntry key="remote" src="http://example.com/conf/inside.txt"/>
                    <sequence name="UseEntries">
                        <log level="custom">
                            <property name="all" expression="fn:concat(get-property('escape'), get-property('escapeDeep'), get-property('remote'))"/>
                        </log>
                    </sequence>
                </definitions>
                """);

            var result = Converter.Convert(new ConversionOptions(input) { LowerOnly = true });
            var entries = result.Package!.LocalEntries.ToDictionary(e => e.Origin.Name);

            Assert.Equal((EntryKind.Text, "inside\n"), (entries["relative"].Kind, entries["relative"].Value));
            Assert.Equal((EntryKind.Text, "inside\n"), (entries["absolute"].Kind, entries["absolute"].Value));
            foreach (var name in new[] { "escape", "escapeDeep", "remote" })
            {
                Assert.Equal(EntryKind.TextFile, entries[name].Kind);
                Assert.NotNull(entries[name].SourcePath);
                Assert.DoesNotContain("secret", entries[name].Value, StringComparison.Ordinal);
            }

            Assert.Equal(3, result.Diagnostics.Count(d => d.Id == DiagnosticCatalog.LocalEntryFromFile.Id));
            Assert.DoesNotContain(result.Diagnostics, d => d.Id == DiagnosticCatalog.AttributeNotTranslated.Id);
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }
}
