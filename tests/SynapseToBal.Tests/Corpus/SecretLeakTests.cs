using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using SynapseToBal.Diagnostics;
using SynapseToBal.Driver;
using SynapseToBal.Emit;
using SynapseToBal.Lowering;
using SynapseToBal.Report;
using SynapseToBal.Syntax;
using SynapseToBal.Tests.Project;
using Xunit;
using Xunit.Abstractions;

namespace SynapseToBal.Tests.Corpus;

/// <summary>
/// Converts every file of the shared corpus and checks that no credential written in the input reaches a string
/// literal, an XML or string template, a log call or a Config.toml value of the generated package. The candidate
/// secrets are the values of elements, attributes, properties, parameters and URI parameters whose names suggest a
/// credential (<see cref="SecretNames"/>); empty values and placeholders resolved at run time are not secrets.
/// Comments are checked too: TODOs carry the original XML with its credentials masked.
/// </summary>
public sealed partial class SecretLeakTests(ITestOutputHelper output)
{
    [Fact]
    public void No_secret_of_the_corpus_reaches_a_literal_or_a_log_line()
    {
        var corpus = TestPaths.Corpus;
        if (corpus is null)
        {
            output.WriteLine("SKIPPED: ../shared/corpus is not present beside the repository; the secret leak test did not run.");
            return;
        }

        var renderer = new TemplateRenderer();
        var leaks = new StringBuilder();
        int files = 0, checkedSecrets = 0, ambiguous = 0;
        foreach (var file in Directory.EnumerateFiles(corpus, "*.xml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var (secrets, shared, plain) = CandidateSecrets(file);
            ambiguous += shared;
            if (secrets.Count == 0)
            {
                continue;
            }

            var diagnostics = new DiagnosticBag();
            var document = Converter.ParseFile(file, diagnostics);
            if (document is null)
            {
                continue;
            }

            files++;
            checkedSecrets += secrets.Count;
            var package = Lowerer.Lower([document], diagnostics);
            var generated = new PackageEmitter(renderer, new EmitOptions("corpus", "corpus", Path.GetDirectoryName(file)!, Path.GetFileName(file)))
                .Emit(SynapseToBal.Refine.BallerinaRefiner.Refine(package, RuntimeModule.BuiltIn.DeclaredNames));
            FindLeaks(Path.GetRelativePath(corpus, file), secrets, plain, generated, leaks);
        }

        output.WriteLine($"{checkedSecrets} secret value(s) checked in {files} corpus file(s); {ambiguous} value(s) skipped because the same text is also a non-secret value of its file (a user name equal to the password, ...).");

        // Most corpus credentials are placeholders ({$ctx:x}, $func:x, vault lookups); about twenty are literal values.
        Assert.True(checkedSecrets >= 15, $"expected the corpus to hold at least 15 literal secrets, found {checkedSecrets}");
        Assert.True(leaks.Length == 0, "Secrets found in generated literals or log lines:\n" + leaks);
    }

    /// <summary>The same check over the golden cases, whose inputs put credentials where the corpus has few: connection entries, properties, headers, logs, URIs.</summary>
    [Fact]
    public void No_secret_of_a_golden_case_reaches_a_literal_or_a_log_line()
    {
        var leaks = new StringBuilder();
        var checkedSecrets = 0;
        foreach (var input in Directory.EnumerateDirectories(TestPaths.Cases).Select(c => Path.Combine(c, "input")).Where(Directory.Exists).Order(StringComparer.Ordinal))
        {
            var candidates = Directory.EnumerateFiles(input, "*.xml", SearchOption.AllDirectories).Select(CandidateSecrets).ToList();
            var secrets = candidates.SelectMany(c => c.Secrets).Distinct(StringComparer.Ordinal).ToList();
            var plain = candidates.SelectMany(c => c.Plain).ToHashSet(StringComparer.Ordinal);
            if (secrets.Count == 0)
            {
                continue;
            }

            checkedSecrets += secrets.Count;
            var result = Converter.Convert(new ConversionOptions(input, PackageName: "leaks"));
            FindLeaks(Path.GetFileName(Path.GetDirectoryName(input))!, secrets, plain, result.Files, leaks);
        }

        output.WriteLine($"{checkedSecrets} secret value(s) checked in the golden cases.");
        Assert.True(checkedSecrets >= 12, $"expected the golden cases to hold at least 12 literal secrets, found {checkedSecrets}");
        Assert.True(leaks.Length == 0, "Secrets found in generated literals or log lines:\n" + leaks);
    }

    /// <summary>
    /// The reports (MIGRATION.md, migration_report.json and .html, the SARIF log) and the CLI's console output hold no
    /// secret either: they quote names, TODO XML (masked) and diagnostics, never a credential's value.
    /// </summary>
    [Fact]
    public void No_secret_of_a_golden_case_reaches_a_report_or_the_console()
    {
        var leaks = new StringBuilder();
        var checkedSecrets = 0;
        foreach (var input in Directory.EnumerateDirectories(TestPaths.Cases).Select(c => Path.Combine(c, "input")).Where(Directory.Exists).Order(StringComparer.Ordinal))
        {
            var candidates = Directory.EnumerateFiles(input, "*.xml", SearchOption.AllDirectories).Select(CandidateSecrets).ToList();
            var secrets = candidates.SelectMany(c => c.Secrets).Distinct(StringComparer.Ordinal).ToList();
            var plain = candidates.SelectMany(c => c.Plain).ToHashSet(StringComparer.Ordinal);
            if (secrets.Count == 0)
            {
                continue;
            }

            // A value that is a word of the converter's own wording ("secret" in "looks like a secret") is not
            // searched for: the reports quote the diagnostics' messages.
            secrets = [.. secrets.Where(secret => !CatalogWords.Value.Contains(secret))];
            checkedSecrets += secrets.Count;
            var result = Converter.Convert(new ConversionOptions(input, PackageName: "leaks"));
            var report = Assert.IsType<MigrationReportData>(result.Report);
            var texts = new List<(string Name, string Text)>
            {
                (ReportWriter.JsonFileName, ReportWriter.ToJson(report)),
                (ReportWriter.HtmlFileName, ReportWriter.Html(Assert.IsType<TemplateRenderer>(result.Renderer), report).Content),
                ("sarif", Sarif.Write(result.Diagnostics, result.SourceRoot, "test")),
            };
            texts.AddRange(result.Files.Where(f => f.RelativePath == ReportWriter.MarkdownFileName).Select(f => (f.RelativePath, f.Content)));
            using (var stdout = new StringWriter())
            using (var stderr = new StringWriter())
            using (var temp = new TempDirectory())
            {
                SynapseToBal.Cli.Program.Run(["convert", input, "-o", temp.Combine("out")], stdout, stderr);
                texts.Add(("console", stdout + "\n" + stderr));
            }

            Assert.Contains(texts, t => t.Name == ReportWriter.MarkdownFileName);
            foreach (var (name, text) in texts)
            {
                // Reports quote XML (tag names are not values) and values the input also uses where they are not secrets.
                var searched = Tag().Replace(text, " ");
                foreach (var secret in secrets.Where(s => Contains(searched, s) && !plain.Any(p => p.Contains(s, StringComparison.Ordinal))))
                {
                    leaks.AppendLine($"{Path.GetFileName(Path.GetDirectoryName(input))} -> {name}: a secret of {secret.Length} characters appears in the report");
                }
            }
        }

        output.WriteLine($"{checkedSecrets} secret value(s) checked in the golden cases' reports.");
        Assert.True(checkedSecrets >= 12, $"expected the golden cases to hold at least 12 literal secrets, found {checkedSecrets}");
        Assert.True(leaks.Length == 0, "Secrets found in reports or console output:\n" + leaks);
    }

    /// <summary>The words of every diagnostic's title, message and description.</summary>
    private static readonly Lazy<HashSet<string>> CatalogWords = new(() =>
        typeof(DiagnosticCatalog).GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Select(f => f.GetValue(null)).OfType<Microsoft.CodeAnalysis.DiagnosticDescriptor>()
            .SelectMany(d => new[] { d.Title.ToString(System.Globalization.CultureInfo.InvariantCulture), d.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture), d.Description.ToString(System.Globalization.CultureInfo.InvariantCulture) })
            .SelectMany(text => Word().Matches(text).Select(m => m.Value))
            .ToHashSet(StringComparer.Ordinal));

    [GeneratedRegex(@"[A-Za-z0-9]+", RegexOptions.CultureInvariant)]
    private static partial Regex Word();

    /// <param name="plain">Values of the input not named like secrets: a comment may repeat them (a key store file named like its password).</param>
    private static void FindLeaks(string source, IReadOnlyList<string> secrets, IReadOnlySet<string> plain, IEnumerable<GeneratedFile> generated, StringBuilder leaks)
    {
        foreach (var generatedFile in generated.Where(f => f.RelativePath.EndsWith(".bal", StringComparison.Ordinal) || f.RelativePath == "Config.toml"))
        {
            foreach (var (text, comment) in CheckedTexts(generatedFile))
            {
                // In comments, tag names are not values (<password>password</password>), and a value the input also uses
                // elsewhere (inside a path, a URL) may appear for that reason.
                var searched = comment ? Tag().Replace(text, " ") : text;
                foreach (var secret in secrets.Where(s => Contains(searched, s) && !(comment && plain.Any(p => p.Contains(s, StringComparison.Ordinal)))))
                {
                    leaks.AppendLine($"{source} -> {generatedFile.RelativePath}: a secret of {secret.Length} characters appears in: {Shorten(text, secret)}");
                }
            }
        }
    }

    [GeneratedRegex(@"</?[A-Za-z_][\w.\-:]*", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();

    /// <summary>Masks the secret in a report line so the test output does not repeat it.</summary>
    private static string Shorten(string text, string secret)
    {
        var masked = text.Replace(secret, "<SECRET>", StringComparison.Ordinal).ReplaceLineEndings(" ");
        return masked.Length > 200 ? masked[..200] + "..." : masked;
    }

    /// <summary>True when the secret appears in the text as a whole token (not inside a longer word), raw or XML-escaped.</summary>
    private static bool Contains(string text, string secret)
    {
        foreach (var form in new[] { secret, System.Security.SecurityElement.Escape(secret), secret.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) }.Distinct(StringComparer.Ordinal))
        {
            var index = text.IndexOf(form, StringComparison.Ordinal);
            while (index >= 0)
            {
                var before = index == 0 || !char.IsLetterOrDigit(text[index - 1]);
                var end = index + form.Length;
                var after = end >= text.Length || !char.IsLetterOrDigit(text[end]);
                if (before && after)
                {
                    return true;
                }

                index = text.IndexOf(form, index + 1, StringComparison.Ordinal);
            }
        }

        return false;
    }

    /// <summary>
    /// The parts of a generated file that must hold no secret: string literals, templates (string and XML) and log calls in
    /// .bal files, values in Config.toml, and comments (TODOs carry the original XML with its credentials masked).
    /// </summary>
    private static IEnumerable<(string Text, bool Comment)> CheckedTexts(GeneratedFile file)
    {
        var lines = file.Content.Split('\n');
        static bool IsComment(string line) => line.TrimStart().StartsWith("//", StringComparison.Ordinal) || line.TrimStart().StartsWith('#');
        var code = string.Join('\n', lines.Where(line => !IsComment(line)));
        var comments = lines.Where(IsComment).Select(line => (line, true));
        if (file.RelativePath == "Config.toml")
        {
            return code.Split('\n').Select(line => (line, false)).Concat(comments);
        }

        return Literal().Matches(code).Select(m => (m.Value, false))
            .Concat(code.Split('\n').Where(line => line.Contains("log:print", StringComparison.Ordinal)).Select(line => (line, false)))
            .Concat(comments);
    }

    [GeneratedRegex(@"""(?:[^""\\\n]|\\.)*""|`[^`]*`", RegexOptions.CultureInvariant)]
    private static partial Regex Literal();

    [GeneratedRegex(@"(?<name>[A-Za-z0-9_.\-]+)=(?<value>[^&;""'<\s]+)", RegexOptions.CultureInvariant)]
    private static partial Regex UriParameter();

    [GeneratedRegex(@"://[^/:@\s""']+:(?<password>[^@/\s""']+)@", RegexOptions.CultureInvariant)]
    private static partial Regex UriPassword();

    /// <summary>
    /// The literal secrets of a file: values of elements, attributes, properties and parameters named like credentials, and
    /// credentials inside URIs. A value that is also the value of something not named like a secret is left out (counted).
    /// </summary>
    private static (List<string> Secrets, int Ambiguous, HashSet<string> Plain) CandidateSecrets(string file)
    {
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(file, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            document = XDocument.Load(reader);
        }
        catch (Exception ex) when (ex is XmlException or IOException or UnauthorizedAccessException)
        {
            return ([], 0, []);
        }

        var secrets = new HashSet<string>(StringComparer.Ordinal);
        var plain = new HashSet<string>(StringComparer.Ordinal);
        void Add(string name, string? value)
        {
            var text = value?.Trim() ?? string.Empty;
            if (text.Length < 3)
            {
                return;
            }

            if (SecretNames.IsPlaceholder(text))
            {
                // A key store's path or an author's mask is no credential whatever its name; it is a plain value the
                // output may show (a key store file named like its password).
                if (SecretNames.IsMaskText(text))
                {
                    plain.Add(text);
                }

                return;
            }

            (SecretNames.IsSecret(name) ? secrets : plain).Add(text);
        }

        foreach (var element in document.Descendants())
        {
            var named = (string?)element.Attribute("name") ?? (string?)element.Attribute("key");
            if (!element.HasElements)
            {
                if (named is not null && element.Name.LocalName is "property" or "parameter" or "header" or "localEntry")
                {
                    Add(named, (string?)element.Attribute("value") ?? element.Value);
                }
                else
                {
                    Add(element.Name.LocalName, element.Value);
                }
            }

            foreach (var attribute in element.Attributes())
            {
                // The value of <property name="password" value="..."/> was added above, as a secret.
                if (!(attribute.Name.LocalName == "value" && named is not null && SecretNames.IsSecret(named)))
                {
                    Add(attribute.Name.LocalName, attribute.Value);
                }

                foreach (Match parameter in UriParameter().Matches(attribute.Value))
                {
                    Add(parameter.Groups["name"].Value, Uri.UnescapeDataString(parameter.Groups["value"].Value));
                }

                foreach (Match password in UriPassword().Matches(attribute.Value))
                {
                    Add("password", password.Groups["password"].Value);
                }
            }
        }

        var ambiguous = secrets.Count(plain.Contains);
        return (secrets.Where(s => !plain.Contains(s)).Order(StringComparer.Ordinal).ToList(), ambiguous, plain);
    }
}
