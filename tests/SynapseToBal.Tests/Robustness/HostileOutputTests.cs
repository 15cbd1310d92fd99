using System.Security;
using System.Text.Json;
using System.Text.RegularExpressions;
using SynapseToBal.Driver;
using SynapseToBal.Emit;
using SynapseToBal.Refine;
using SynapseToBal.Report;
using SynapseToBal.Tests.Gates;
using SynapseToBal.Tests.Project;
using Xunit;
using Xunit.Abstractions;

namespace SynapseToBal.Tests.Robustness;

/// <summary>
/// Hostile input (issue 13) in the files besides the Ballerina code: <c>Config.toml</c> (configurable names, values and
/// their description comments), <c>Ballerina.toml</c> (the input's name in its header comment), the reports
/// (<c>MIGRATION.md</c>, <c>migration_report.html</c>, <c>migration_report.json</c>), and characters the escapes of
/// string literals must know: control characters (DEL, NEL), line and paragraph separators and characters beyond the
/// BMP. A raw control character in a TOML comment or string, or Ballerina's <c>\u{7F}</c> in a TOML string, makes the
/// whole file invalid (the program does not start); a surrogate escape <c>\u{D83D}</c> is no Unicode scalar value.
/// </summary>
public sealed partial class HostileOutputTests(ITestOutputHelper output)
{
    private const string Ns = "http://ws.apache.org/ns/synapse";

    /// <summary>DEL, NEL, the line and paragraph separators, an emoji (a surrogate pair), a tab, a quote, a backslash and a newline.</summary>
    private const string Odd = "a\u007Fb\u0085c\u2028d\u2029e\U0001F600f\tg\"h\\i\nj";

    private static string Attribute(string value) =>
        SecurityElement.Escape(value).Replace("\n", "&#10;", StringComparison.Ordinal).Replace("\t", "&#9;", StringComparison.Ordinal);

    [Theory]
    [InlineData("a\u007Fb", "\"a\\u007Fb\"")]
    [InlineData("\u0085\u2028", "\"\\u0085\\u2028\"")]
    [InlineData("\U0001F600", "\"\U0001F600\"")]
    [InlineData("q\"b\\n\nt\t", "\"q\\\"b\\\\n\\nt\\t\"")]
    [InlineData("\0", "\"\\u0000\"")]
    public void Toml_strings_use_toml_escapes(string value, string expected) =>
        Assert.Equal(expected, BallerinaSyntax.TomlString(value));

    [Fact]
    public void Ballerina_strings_escape_a_code_point_never_a_surrogate()
    {
        Assert.Equal("\"\\u{1F600}\"", BallerinaSyntax.StringLiteral("\U0001F600"));
        Assert.Equal("\"x\\u{FFFD}y\"", BallerinaSyntax.StringLiteral("x" + (char)0xD800 + "y"));
        Assert.Equal("\"\\u{FFFD}\"", BallerinaSyntax.StringLiteral(((char)0xDE00).ToString()));
        Assert.Equal("\"\\u{7F}\\u{2028}\"", BallerinaSyntax.StringLiteral("\u007F\u2028"));
    }

    [Fact]
    public void Toml_comments_hold_no_control_character_and_stay_on_one_line() =>
        Assert.Equal("a\\u007Fb c\\u0085d\te", BallerinaSyntax.TomlComment("a\u007Fb\nc\u0085d\te"));

    [Fact]
    public void Odd_characters_in_names_and_values_keep_every_toml_file_valid_and_every_literal_a_scalar_value()
    {
        using var temp = new TempDirectory();

        // The input folder's name reaches Ballerina.toml's header comment and the reports' titles.
        var input = temp.Combine("in\u007F\U0001F600\nimport x");
        try
        {
            Directory.CreateDirectory(input);
        }
        catch (Exception ex) when (ex is IOException or ArgumentException)
        {
            input = temp.Combine("in");
            output.WriteLine("The file system refuses control characters in names; the input folder has a plain name.");
        }

        var odd = Attribute(Odd);
        File.WriteAllText(Path.Combine(input, "api.xml"), $"""<api xmlns="{Ns}" name="Api" context="/a"><description>{odd}</description><resource methods="POST" uri-template="/r"><inSequence><log level="custom"><property name="k" value="{odd}"/></log><payloadFactory media-type="json"><format>{"{"}"k":"{odd}"{"}"}</format><args/></payloadFactory><call><endpoint key="Backend"/></call><respond/></inSequence></resource></api>""");
        File.WriteAllText(Path.Combine(input, "ep.xml"), $"""<endpoint xmlns="{Ns}" name="Backend"><address uri="http://backend/x{odd}"/></endpoint>""");
        File.WriteAllText(Path.Combine(input, "inbound.xml"), $"""<inboundEndpoint xmlns="{Ns}" name="In{odd}" protocol="http" sequence="Seq" suspend="false"><parameters><parameter name="inbound.http.port">8085</parameter></parameters></inboundEndpoint>""");
        File.WriteAllText(Path.Combine(input, "seq.xml"), $"""<sequence xmlns="{Ns}" name="Seq"><description>{odd}</description><log/></sequence>""");

        var result = Converter.Convert(new ConversionOptions(input, PackageName: "odd"));
        Assert.DoesNotContain(result.Diagnostics, d => d.Id.StartsWith("SB09", StringComparison.Ordinal));
        var config = Assert.Single(result.Files, f => f.RelativePath == "Config.toml");
        Assert.Contains("backendUrl = \"http://backend/xa\\u007Fb\\u0085c\\u2028d\\u2029e\U0001F600f\\tg\\\"h\\\\i\\nj\"", config.Content, StringComparison.Ordinal);
        Assert.Contains("a\\u007Fb\\u0085c", config.Content.Split('\n').Single(l => l.StartsWith("# Port of inbound endpoint", StringComparison.Ordinal)), StringComparison.Ordinal);
        foreach (var toml in result.Files.Where(f => f.RelativePath.EndsWith(".toml", StringComparison.Ordinal)))
        {
            AssertValidToml(toml.RelativePath, toml.Content);
        }

        foreach (var bal in result.Files.Where(f => f.RelativePath.EndsWith(".bal", StringComparison.Ordinal)))
        {
            Assert.DoesNotMatch(SurrogateEscape(), bal.Content);
        }

        Assert.Contains(result.Files, f => f.Content.Contains("\\u{1F600}", StringComparison.Ordinal));

        if (Balcheck.Locate(out var reason) is not { } tool)
        {
            output.WriteLine($"SKIPPED the parse check: {reason}.");
            return;
        }

        Converter.Write(result, temp.Combine("out"));
        var verdict = Balcheck.Run(tool, temp.Combine("out"));
        Assert.True(verdict.Passed, "odd characters produced Ballerina that does not parse:\n" + verdict.Describe(temp.Combine("out")));
    }

    [Fact]
    public void Hostile_names_are_escaped_in_the_html_report_kept_whole_in_the_json_report_and_on_one_line_in_migration_md()
    {
        using var temp = new TempDirectory();
        const string Name = "x\"><script>alert('x')</script><img src=x onerror=alert(1)>&amp;\n# Injected heading";
        var escaped = Attribute(Name);
        temp.Write("in/api.xml", $"""<api xmlns="{Ns}" name="{escaped}" context="/a"><resource methods="GET"><inSequence><sequence key="{escaped}"/><sequence key="Missing{escaped}"/><respond/></inSequence></resource></api>""");
        temp.Write("in/seq.xml", $"""<sequence xmlns="{Ns}" name="{escaped}"><unknownMediator a="{escaped}"/><log/></sequence>""");
        var result = Converter.Convert(new ConversionOptions(temp.Combine("in"), PackageName: "reports"));
        var report = Assert.IsType<MigrationReportData>(result.Report);

        var html = ReportWriter.Html(Assert.IsType<TemplateRenderer>(result.Renderer), report).Content;
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);

        // Every attribute of the page is quoted and holds no quote of the input: the name never opens an attribute or a tag.
        foreach (Match tag in Tag().Matches(html))
        {
            Assert.DoesNotContain("onerror", tag.Value, StringComparison.OrdinalIgnoreCase);
        }

        using var json = JsonDocument.Parse(ReportWriter.ToJson(report));
        Assert.Contains(AllStrings(json.RootElement), s => s.Contains("<script>alert('x')</script>", StringComparison.Ordinal));

        var markdown = Assert.Single(result.Files, f => f.RelativePath == ReportWriter.MarkdownFileName).Content;
        Assert.DoesNotContain("\n# Injected heading", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", markdown, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A name with a line break cannot forge a diagnostic line on the console: each diagnostic is one line.</summary>
    [Fact]
    public void A_name_with_a_line_break_never_starts_a_console_line_of_its_own()
    {
        using var temp = new TempDirectory();
        var name = Attribute("Dup\nforged.xml(1,1): error SB0002: not from the converter");
        temp.Write("in/a.xml", $"""<sequence xmlns="{Ns}" name="{name}"><log/></sequence>""");
        temp.Write("in/b.xml", $"""<sequence xmlns="{Ns}" name="{name}"><log/></sequence>""");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        SynapseToBal.Cli.Program.Run(["convert", temp.Combine("in"), "-o", temp.Combine("out")], stdout, stderr);
        var lines = (stdout + "\n" + stderr).Split('\n');
        Assert.Contains(lines, l => l.Contains("SB0501", StringComparison.Ordinal) && l.Contains("Dup\\nforged.xml", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith("forged.xml", StringComparison.Ordinal));
    }

    /// <summary>The lines of a TOML file as the generator writes them: blank, comments, table headers and key = value, each value an integer, a boolean or a basic string.</summary>
    internal static void AssertValidToml(string name, string text)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            Assert.False(line.Any(c => char.IsControl(c) && c != '\t'), $"{name}:{i + 1}: a control character TOML forbids: {line}");
            var trimmed = line.Trim(' ', '\t');
            if (trimmed.Length == 0 || trimmed.StartsWith('#') || TableHeader().IsMatch(trimmed))
            {
                continue;
            }

            var pair = KeyValue().Match(trimmed);
            Assert.True(pair.Success, $"{name}:{i + 1}: not a key = value pair: {line}");
            var value = pair.Groups["value"].Value;
            Assert.True(value is "true" or "false" || Integer().IsMatch(value) || BasicString().IsMatch(value), $"{name}:{i + 1}: not a TOML integer, boolean or basic string: {value}");
        }
    }

    private static IEnumerable<string> AllStrings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Array => element.EnumerateArray().SelectMany(AllStrings),
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => AllStrings(p.Value)),
        _ => [],
    };

    [GeneratedRegex(@"\\u\{D[89A-F][0-9A-F]{2}\}", RegexOptions.IgnoreCase)]
    private static partial Regex SurrogateEscape();

    [GeneratedRegex(@"<[a-zA-Z][^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"^\[\[?[A-Za-z0-9_.\-]+\]\]?$")]
    private static partial Regex TableHeader();

    [GeneratedRegex(@"^(?<key>[A-Za-z0-9_\-]+)\s*=\s*(?<value>.*)$")]
    private static partial Regex KeyValue();

    [GeneratedRegex(@"^[+-]?\d+$")]
    private static partial Regex Integer();

    [GeneratedRegex(@"^""(?:[^""\\\p{Cc}]|\\[btnfr""\\]|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8})*""$")]
    private static partial Regex BasicString();
}
