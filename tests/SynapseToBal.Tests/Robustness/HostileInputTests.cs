using System.Security;
using System.Text;
using SynapseToBal.Driver;
using SynapseToBal.Tests.Gates;
using SynapseToBal.Tests.Project;
using Xunit;
using Xunit.Abstractions;

namespace SynapseToBal.Tests.Robustness;

/// <summary>
/// Hostile input (issue 13): entity tricks, names and values built to break out of the generated code, template
/// syntax in values, output paths made from names. Archive tricks (zip slip, bombs) are covered in
/// <c>Project/InputFormTests</c>; secrets in <c>Corpus/SecretLeakTests</c> and <c>Unit/SecurityTests</c>.
/// </summary>
public sealed class HostileInputTests(ITestOutputHelper output)
{
    private const string Ns = "http://ws.apache.org/ns/synapse";

    /// <summary>Text that tries to end a string, a template, a comment or a statement and add code of its own.</summary>
    private static readonly string[] Breakouts =
    [
        "\"; import ballerina/io; function pwned() { io:println(1); } //",
        "`; panic error(\"x\"); `",
        "${checkpanic error(\"x\")}",
        "*/ function pwned() {} /*",
        "line one\nfunction pwned() {}\n",
        "{{ 6 * 7 }}",
        "{{ include 'main.bal.sbn' }}",
        "\\\" + pwned() + \\\"",
        "</log><respond/>",
    ];

    [Fact]
    public void Xxe_and_entity_bombs_are_refused_and_nothing_is_read()
    {
        using var temp = new TempDirectory();
        temp.Write("xxe.xml", $"""<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/hostname">]><sequence xmlns="{Ns}" name="xxe"><log><property name="p" value="&x;"/></log></sequence>""");
        temp.Write("bomb.xml", $"""<?xml version="1.0"?><!DOCTYPE a [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]><sequence xmlns="{Ns}" name="bomb"><log><property name="p" value="&d;&d;&d;&d;"/></log></sequence>""");
        var result = Converter.Convert(new ConversionOptions(temp.Path));
        Assert.Equal(2, result.Diagnostics.Count(d => d.Id == "SB0002" && d.GetMessage().Contains("DTD", StringComparison.OrdinalIgnoreCase)));
        var hostname = File.Exists("/etc/hostname") ? File.ReadAllText("/etc/hostname").Trim() : null;
        Assert.All(result.Files, f =>
        {
            Assert.DoesNotContain("aaaaaaaaaaaaaaaaaaaa", f.Content, StringComparison.Ordinal);
            if (!string.IsNullOrEmpty(hostname) && hostname.Length > 3)
            {
                Assert.DoesNotContain(hostname, f.Content, StringComparison.Ordinal);
            }
        });
    }

    [Fact]
    public void Names_and_values_never_break_out_of_the_generated_code()
    {
        using var temp = new TempDirectory();
        for (var i = 0; i < Breakouts.Length; i++)
        {
            var value = SecurityElement.Escape(Breakouts[i]).Replace("\n", "&#10;", StringComparison.Ordinal);
            temp.Write($"api{i}.xml", $"""
                <api xmlns="{Ns}" name="{value}" context="/c{i}/{value}">
                  <resource methods="POST" uri-template="/{value}/{"{"}id{"}"}">
                    <inSequence>
                      <property name="{value}" value="{value}"/>
                      <log level="custom"><property name="{value}" value="{value}"/><property name="e" expression="concat('{value.Replace("'", "&apos;", StringComparison.Ordinal)}', 'x')"/></log>
                      <header name="X-H" value="{value}" scope="transport"/>
                      <payloadFactory media-type="json"><format>{"{"}"k": "{value}", "v": "$1"{"}"}</format><args><arg value="{value}"/></args></payloadFactory>
                      <payloadFactory media-type="xml"><format><r xmlns=""><a attr="{value}">{value}</a><!-- {value.Replace("--", "- -", StringComparison.Ordinal)} --></r></format><args/></payloadFactory>
                      <payloadFactory media-type="text"><format>{value} $1</format><args><arg value="{value}"/></args></payloadFactory>
                      <respond/>
                    </inSequence>
                  </resource>
                </api>
                """);
            temp.Write($"seq{i}.xml", $"""<sequence xmlns="{Ns}" name="{value}"><unknownMediator attr="{value}">{value}</unknownMediator><log/></sequence>""");
            temp.Write($"entry{i}.xml", $"""<localEntry xmlns="{Ns}" key="{value}">{value}</localEntry>""");
        }

        var result = Converter.Convert(new ConversionOptions(temp.Path, PackageName: "hostile"));
        Assert.DoesNotContain(result.Diagnostics, d => d.Id is "SB0901" or "SB0902" or "SB0301");
        var bal = result.Files.Where(f => f.RelativePath.EndsWith(".bal", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(bal);
        foreach (var file in bal)
        {
            // Outside string and template literals and comments, the hostile text must never appear as code.
            var code = CodeOutsideLiterals(file.Content);
            // (A name may become an identifier such as pwned; the hostile text itself never becomes code.)
            Assert.DoesNotContain("pwned() {", code, StringComparison.Ordinal);
            Assert.DoesNotContain("io:println(1)", code, StringComparison.Ordinal);
            Assert.DoesNotContain("import ballerina/io", code, StringComparison.Ordinal);
            Assert.DoesNotContain("panic error(", code, StringComparison.Ordinal);
            Assert.DoesNotContain("+ pwned()", code, StringComparison.Ordinal);
        }

        // Scriban syntax in values is data, never evaluated: "{{ 6 * 7 }}" never becomes 42 and no template is included.
        var all = string.Concat(result.Files.Select(f => f.Content));
        Assert.Contains("{{ 6 * 7 }}", all, StringComparison.Ordinal);
        Assert.Contains("{{ include", all, StringComparison.Ordinal);
        Assert.Equal(1, result.Files.Sum(f => CountOf(f.Content, "Generated by SynapseToBal: services")));
        Assert.Single(result.Files, f => f.RelativePath == "main.bal");

        if (Balcheck.Locate(out var reason) is not { } tool)
        {
            output.WriteLine($"SKIPPED the parse check: {reason}.");
            return;
        }

        Converter.Write(result, temp.Combine("out"));
        var verdict = Balcheck.Run(tool, temp.Combine("out"));
        Assert.True(verdict.Passed, "hostile names and values produced Ballerina that does not parse:\n" + verdict.Describe(temp.Combine("out")));
    }

    /// <summary>
    /// Descriptions become comments and documentation lines (<c>#</c>, <c>//</c>) of services, functions and
    /// configurables: a newline, <c>*/</c> or a backtick in them must never end the comment and start code.
    /// </summary>
    [Fact]
    public void Descriptions_never_break_out_of_comments_and_documentation()
    {
        using var temp = new TempDirectory();
        for (var i = 0; i < Breakouts.Length; i++)
        {
            var value = SecurityElement.Escape(Breakouts[i]).Replace("\n", "&#10;", StringComparison.Ordinal);
            temp.Write($"api{i}.xml", $"""<api xmlns="{Ns}" name="DocApi{i}" context="/d{i}"><description>{value}</description><resource methods="GET"><inSequence><respond/></inSequence></resource></api>""");
            temp.Write($"proxy{i}.xml", $"""<proxy xmlns="{Ns}" name="DocProxy{i}" transports="http"><description>{value}</description><target><inSequence><respond/></inSequence></target></proxy>""");
            temp.Write($"seq{i}.xml", $"""<sequence xmlns="{Ns}" name="DocSeq{i}"><description>{value}</description><log/></sequence>""");
            temp.Write($"tpl{i}.xml", $"""<template xmlns="{Ns}" name="DocTpl{i}"><parameter name="p" description="{value}"/><description>{value}</description><sequence><log level="custom"><property name="p" expression="$func:p"/></log></sequence></template>""");
            temp.Write($"call{i}.xml", $"""<sequence xmlns="{Ns}" name="Caller{i}"><call-template target="DocTpl{i}"><with-param name="p" value="v"/></call-template></sequence>""");
        }

        var result = Converter.Convert(new ConversionOptions(temp.Path, PackageName: "docs"));
        Assert.DoesNotContain(result.Diagnostics, d => d.Id is "SB0901" or "SB0902" or "SB0301");
        var bal = result.Files.Where(f => f.RelativePath.EndsWith(".bal", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(bal);
        var all = string.Concat(bal.Select(f => f.Content));
        Assert.Contains("pwned", all, StringComparison.Ordinal); // the descriptions did reach the generated code, as comments
        foreach (var file in bal)
        {
            var code = CodeOutsideLiterals(file.Content);
            Assert.DoesNotContain("pwned", code, StringComparison.Ordinal);
            Assert.DoesNotContain("io:println(1)", code, StringComparison.Ordinal);
            // The runtime module (support.bal) is no input's text: it imports ballerina/io itself when a proxy's ?wsdl
            // answer reads the WSDL file; no other file may.
            if (file.RelativePath != "support.bal")
            {
                Assert.DoesNotContain("import ballerina/io", code, StringComparison.Ordinal);
            }
            Assert.DoesNotContain("panic error(", code, StringComparison.Ordinal);
        }

        if (Balcheck.Locate(out var reason) is not { } tool)
        {
            output.WriteLine($"SKIPPED the parse check: {reason}.");
            return;
        }

        Converter.Write(result, temp.Combine("out"));
        var verdict = Balcheck.Run(tool, temp.Combine("out"));
        Assert.True(verdict.Passed, "hostile descriptions produced Ballerina that does not parse:\n" + verdict.Describe(temp.Combine("out")));
    }

    [Theory]
    [InlineData("../../escape", false)]
    [InlineData("/etc/passwd", false)]
    [InlineData("C:\\Windows\\x", false)]
    [InlineData("CON", false)]
    [InlineData("NUL.txt", false)]
    [InlineData("COM1", false)]
    [InlineData("a/../../b", false)]
    [InlineData("../../escape", true)]
    [InlineData("/etc/passwd", true)]
    [InlineData("C:\\Windows\\x", true)]
    [InlineData("CON", true)]
    [InlineData("aux", true)]
    [InlineData("COM1", true)]
    [InlineData("LPT9.bal", true)]
    [InlineData("trailing. ", true)]
    [InlineData("dots...", true)]
    [InlineData(" . ", true)]
    [InlineData("a/../../b", true)]
    public void Output_paths_made_from_names_stay_inside_the_output(string name, bool keepStructure)
    {
        using var temp = new TempDirectory();
        var escaped = SecurityElement.Escape(name);
        temp.Write("in/api.xml", $"""<api xmlns="{Ns}" name="{escaped}" context="/x"><resource methods="GET"><inSequence><respond/></inSequence></resource></api>""");
        temp.Write("in/seq.xml", $"""<sequence xmlns="{Ns}" name="{escaped}"><log/></sequence>""");
        temp.Write("in/ep.xml", $"""<endpoint xmlns="{Ns}" name="{escaped}"><address uri="http://localhost/x"/></endpoint>""");
        var result = Converter.Convert(new ConversionOptions(temp.Combine("in"), PackageName: name) { KeepStructure = keepStructure });
        string[] reserved = ["CON", "PRN", "AUX", "NUL", .. Enumerable.Range(1, 9).SelectMany(i => new[] { $"COM{i}", $"LPT{i}" })];
        Assert.All(result.Files, f =>
        {
            Assert.False(Path.IsPathRooted(f.RelativePath), f.RelativePath);
            Assert.DoesNotContain("..", f.RelativePath.Split('/', '\\'));
            Assert.DoesNotContain(f.RelativePath.Split('/', '\\'), part => reserved.Contains(part.Split('.')[0].TrimEnd(' '), StringComparer.OrdinalIgnoreCase));
            Assert.DoesNotContain(f.RelativePath.Split('/', '\\'), part => part.Length == 0 || part.EndsWith('.') || part.EndsWith(' ') || part.StartsWith(' '));
            Assert.DoesNotContain('\\', f.RelativePath);
            Assert.DoesNotContain(':', f.RelativePath);
        });
        if (keepStructure)
        {
            Assert.Contains(result.Files, f => f.RelativePath.StartsWith("sequence_", StringComparison.Ordinal));
        }

        Converter.Write(result, temp.Combine("out"));
        var written = Directory.EnumerateFiles(temp.Path, "*", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(temp.Path, p).Replace('\\', '/'))
            .Where(p => !p.StartsWith("in/", StringComparison.Ordinal))
            .ToList();
        Assert.All(written, p => Assert.StartsWith("out/", p, StringComparison.Ordinal));
    }

    /// <summary>
    /// A zip bomb whose headers lie: the entry says it inflates to 100 bytes (so the check of the declared size lets it
    /// through) and inflates to 4 MB. It is never read past the limit: the archive reader stops at the declared size,
    /// and reading counts the bytes it inflates (SB0008 at the limit); the other entry is read.
    /// </summary>
    [Fact]
    public void An_archive_entry_that_lies_about_its_size_is_read_no_further_than_the_limit()
    {
        using var temp = new TempDirectory();
        var bomb = $"<sequence xmlns=\"{Ns}\" name=\"Bomb\">" + new string(' ', 4_000_000) + "</sequence>";
        var car = TestArchives.Build(temp.Combine("Liar.car"), ("bomb/Bomb.xml", bomb), ("ok/Ok.xml", $"<sequence xmlns=\"{Ns}\" name=\"Ok\"/>"));
        var bytes = File.ReadAllBytes(car);
        var patched = 0;
        var name = Encoding.ASCII.GetBytes("bomb/Bomb.xml");
        for (var i = 0; i + 46 < bytes.Length; i++)
        {
            // Local file header (size at 22, name at 30) and central directory header (size at 24, name at 46).
            var (sizeAt, nameAt) = BitConverter.ToUInt32(bytes, i) switch
            {
                0x04034b50 => (22, 30),
                0x02014b50 => (24, 46),
                _ => (-1, -1),
            };
            if (sizeAt > 0 && bytes.AsSpan(i + nameAt, name.Length).SequenceEqual(name))
            {
                BitConverter.GetBytes(100u).CopyTo(bytes, i + sizeAt);
                patched++;
            }
        }

        Assert.Equal(2, patched);
        File.WriteAllBytes(car, bytes);

        var diagnostics = new SynapseToBal.Diagnostics.DiagnosticBag();
        var project = SynapseToBal.Project.ProjectLoader.Load(car, diagnostics, new SynapseToBal.Project.LoadLimits(MaxEntryBytes: 1_000_000));
        // .NET's reader stops at the declared size (the entry is read as its first 100 bytes); a reader that went on
        // would be stopped by the count at the limit (SB0008) or refuse the mismatch (SB0005).
        Assert.True(
            diagnostics.Items.Any(d => d.Id is "SB0008" or "SB0005") || project.Documents.Where(d => d.DisplayPath.Contains("Bomb", StringComparison.Ordinal)).All(d => d.Text.Length <= 100),
            "the lying entry was read past its declared size without SB0008 or SB0005");
        Assert.Contains(project.Documents, d => d.DisplayPath == "Liar.car!/ok/Ok.xml");
        Assert.DoesNotContain(project.Documents, d => d.Text.Length > 1_000_000);
    }

    [Fact]
    public void Keywords_and_odd_characters_in_names_become_valid_identifiers()
    {
        using var temp = new TempDirectory();
        var names = new[] { "function", "int", "string", "error", "map", "1starts-with-digit", "has space", "ünïcödé", "a.b.c", "_" };
        var text = new StringBuilder();
        foreach (var name in names)
        {
            text.Append($"""<sequence name="{name}"><property name="{name}" value="v"/><log/></sequence>""");
        }

        temp.Write("defs.xml", $"""<definitions xmlns="{Ns}">{text}</definitions>""");
        var result = Converter.Convert(new ConversionOptions(temp.Path, PackageName: "names"));
        Assert.DoesNotContain(result.Diagnostics, d => d.Id is "SB0901" or "SB0902");
        if (Balcheck.Locate(out var reason) is not { } tool)
        {
            output.WriteLine($"SKIPPED the parse check: {reason}.");
            return;
        }

        Converter.Write(result, temp.Combine("out"));
        var verdict = Balcheck.Run(tool, temp.Combine("out"));
        Assert.True(verdict.Passed, "names that are keywords or not identifiers produced Ballerina that does not parse:\n" + verdict.Describe(temp.Combine("out")));
    }

    /// <summary>
    /// The Ballerina text with the contents of string literals, template literals (their <c>${...}</c> interpolations
    /// are code and kept), comments and documentation lines removed: what the compiler reads as code.
    /// </summary>
    internal static string CodeOutsideLiterals(string text)
    {
        var code = new StringBuilder(text.Length);
        var templates = new Stack<int>(); // brace depth of each open interpolation, innermost on top
        var braces = 0;
        var inTemplate = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inTemplate)
            {
                if (c == '`')
                {
                    inTemplate = false;
                    code.Append('`');
                }
                else if (c == '$' && i + 1 < text.Length && text[i + 1] == '{')
                {
                    templates.Push(braces);
                    braces++;
                    inTemplate = false;
                    code.Append("${");
                    i++;
                }

                continue;
            }

            if (c == '"')
            {
                code.Append("\"\"");
                for (i++; i < text.Length && text[i] != '"'; i++)
                {
                    if (text[i] == '\\')
                    {
                        i++;
                    }
                }

                continue;
            }

            if (c == '/' && i + 1 < text.Length && text[i + 1] == '/' || c == '#' && AtLineStart(text, i))
            {
                while (i < text.Length && text[i] != '\n')
                {
                    i++;
                }

                code.Append('\n');
                continue;
            }

            if (c == '`')
            {
                inTemplate = true;
                code.Append('`');
                continue;
            }

            if (c == '{')
            {
                braces++;
            }
            else if (c == '}')
            {
                braces--;
                if (templates.Count > 0 && templates.Peek() == braces)
                {
                    templates.Pop();
                    inTemplate = true;
                }
            }

            code.Append(c);
        }

        return code.ToString();
    }

    private static bool AtLineStart(string text, int index)
    {
        var i = index - 1;
        while (i >= 0 && text[i] == ' ')
        {
            i--;
        }

        return i < 0 || text[i] == '\n';
    }

    private static int CountOf(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
