using System.Text;
using SynapseToBal.Diagnostics;
using SynapseToBal.Emit;
using SynapseToBal.Lowering;
using SynapseToBal.Semantics;
using Xunit;
using Xunit.Abstractions;

namespace SynapseToBal.Tests.Corpus;

/// <summary>
/// Damaged inputs must never crash the pipeline: corpus files with attributes dropped, values replaced by
/// hostile text, elements removed or the text cut short all go through parse, resolve, lower and emit, and end in
/// diagnostics at worst. The mutations are seeded, so a failure reproduces.
/// </summary>
public sealed class MutationTests(ITestOutputHelper output)
{
    private static readonly string[] HostileValues = ["", "{", "}", "${", "`", "{get-property('x')}", "$1$2$99999999999", "json-eval($..a[?(@.b)])", "//*[", "-1", "1e999", "\"'\\", "conf:/", "a b\tc\nd"];

    [Fact]
    public void Mutated_corpus_files_end_in_diagnostics_not_exceptions()
    {
        var corpus = TestPaths.Corpus;
        if (corpus is null)
        {
            output.WriteLine("SKIPPED: ../shared/corpus is not present beside the repository; the mutation test did not run.");
            return;
        }

        var files = Directory.EnumerateFiles(corpus, "*.xml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var random = new Random(20261125);
        var renderer = new TemplateRenderer();
        var failures = new StringBuilder();
        var runs = 0;
        foreach (var file in files.Where((_, index) => index % 5 == 0))
        {
            var text = File.ReadAllText(file);
            for (var round = 0; round < 3; round++)
            {
                var mutated = Mutate(text, random);
                runs++;
                var diagnostics = new DiagnosticBag();
                try
                {
                    var document = SynapseToBal.Syntax.SynapseParser.ParseText(file, mutated, diagnostics);
                    if (document is null)
                    {
                        continue;
                    }

                    var package = Lowerer.Lower([document], diagnostics);
                    new PackageEmitter(renderer, new EmitOptions("m", "m", Path.GetDirectoryName(file)!, "m")).Emit(SynapseToBal.Refine.BallerinaRefiner.Refine(package, RuntimeModule.BuiltIn.DeclaredNames));
                }
                catch (Exception ex)
                {
                    failures.AppendLine($"{Path.GetRelativePath(corpus, file)} (round {round}): {ex.GetType().Name}: {ex.Message}");
                }
            }
        }

        output.WriteLine($"{runs} mutated inputs from {files.Count / 5} corpus files went through the pipeline.");
        Assert.True(failures.Length == 0, "Mutated inputs that crashed the pipeline:\n" + failures);
    }

    private static string Mutate(string text, Random random)
    {
        switch (random.Next(4))
        {
            case 0:
            {
                // Replace an attribute value with hostile text.
                var quotes = AllIndexes(text, "=\"").ToList();
                if (quotes.Count == 0)
                {
                    return text;
                }

                var start = quotes[random.Next(quotes.Count)] + 2;
                var end = text.IndexOf('"', start);
                if (end < 0)
                {
                    return text;
                }

                var value = System.Security.SecurityElement.Escape(HostileValues[random.Next(HostileValues.Length)]) ?? string.Empty;
                return text[..start] + value + text[end..];
            }

            case 1:
            {
                // Drop an attribute.
                var quotes = AllIndexes(text, "=\"").ToList();
                if (quotes.Count == 0)
                {
                    return text;
                }

                var at = quotes[random.Next(quotes.Count)];
                var nameStart = text.LastIndexOf(' ', at) + 1;
                var end = text.IndexOf('"', at + 2);
                return nameStart <= 0 || end < 0 ? text : text[..nameStart] + text[(end + 1)..];
            }

            case 2:
            {
                // Remove one self-closing element.
                var closes = AllIndexes(text, "/>").ToList();
                if (closes.Count == 0)
                {
                    return text;
                }

                var end = closes[random.Next(closes.Count)] + 2;
                var start = text.LastIndexOf('<', end - 2);
                return start < 0 ? text : text[..start] + text[end..];
            }

            default:
                // Cut the text short (malformed XML).
                return text[..random.Next(text.Length)];
        }
    }

    private static IEnumerable<int> AllIndexes(string text, string value)
    {
        for (var index = text.IndexOf(value, StringComparison.Ordinal); index >= 0; index = text.IndexOf(value, index + 1, StringComparison.Ordinal))
        {
            yield return index;
        }
    }
}
