using System.Text;
using SynapseToBal.Diagnostics;
using SynapseToBal.Driver;
using SynapseToBal.Emit;
using SynapseToBal.Lowering;
using SynapseToBal.Syntax;
using Xunit;
using Xunit.Abstractions;

namespace SynapseToBal.Tests.Corpus;

/// <summary>
/// Runs the whole pipeline over every XML file of the shared corpus (<c>../shared/corpus</c>): real Synapse
/// artifacts written by others. Skips with a message when the corpus is not beside the repository.
/// </summary>
public sealed class CorpusTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_corpus_file_goes_through_parse_lower_and_emit_without_an_exception()
    {
        var corpus = TestPaths.Corpus;
        if (corpus is null)
        {
            output.WriteLine("SKIPPED: ../shared/corpus is not present beside the repository; the corpus test did not run.");
            return;
        }

        var files = Directory.EnumerateFiles(corpus, "*.xml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        Assert.True(files.Count > 1000, $"expected the corpus to hold over 1,000 XML files, found {files.Count}");
        var failures = new StringBuilder();
        var renderer = new TemplateRenderer();
        var parsed = 0;
        var artifacts = 0;
        foreach (var file in files)
        {
            var diagnostics = new DiagnosticBag();
            try
            {
                var document = Converter.ParseFile(file, diagnostics);
                if (document is null)
                {
                    continue;
                }

                parsed++;
                artifacts += document.Artifacts.Length;
                var package = Lowerer.Lower([document], diagnostics);
                var generated = new PackageEmitter(renderer, new EmitOptions("corpus", "corpus", Path.GetDirectoryName(file)!, Path.GetFileName(file))).Emit(SynapseToBal.Refine.BallerinaRefiner.Refine(package, RuntimeModule.BuiltIn.DeclaredNames));
                Assert.NotEmpty(generated);
            }
            catch (Exception ex)
            {
                failures.AppendLine($"{Path.GetRelativePath(corpus, file)}: {ex.GetType().Name}: {ex.Message}");
            }

            if (diagnostics.Items.FirstOrDefault(d => d.Id == DiagnosticCatalog.InternalError.Id) is { } internalError)
            {
                failures.AppendLine($"{Path.GetRelativePath(corpus, file)}: {internalError.GetMessage()}");
            }
        }

        output.WriteLine($"{files.Count} files, {parsed} Synapse documents, {artifacts} artifacts converted.");
        Assert.True(failures.Length == 0, "Files that crashed the pipeline:\n" + failures);
    }
}
