using System.Globalization;
using SynapseToBal.Diagnostics;
using SynapseToBal.Driver;
using Xunit;

namespace SynapseToBal.Tests.Golden;

/// <summary>
/// A conversion gives the same files and the same diagnostics whatever the number of threads it may use
/// (<see cref="ConversionOptions.MaxDegreeOfParallelism"/>; issue 13): every golden case's input, the input-form
/// projects and slices of the shared corpus, converted with one thread and with several.
/// </summary>
public sealed class ParallelConversionTests
{
    /// <summary>More threads than this machine's two cores, so that the per-file work interleaves.</summary>
    private const int Threads = 4;

    [Fact]
    public void Golden_inputs_convert_the_same_with_one_thread_and_with_several()
    {
        var inputs = Directory.EnumerateDirectories(TestPaths.Cases).Order(StringComparer.Ordinal)
            .Select(c => Path.Combine(c, "input"))
            .Where(Directory.Exists)
            .Concat(Directory.EnumerateDirectories(TestPaths.Inputs).Order(StringComparer.Ordinal))
            .ToList();
        Assert.True(inputs.Count > 100, "the golden cases and the input-form projects are found");
        foreach (var input in inputs)
        {
            AssertSameWithAnyThreads(GoldenCaseOptions.Apply(new ConversionOptions(input, PackageName: "parallel"), input));
        }
    }

    [Theory]
    [InlineData("micro-integrator/product-scenarios", false)]
    [InlineData("apache-synapse", false)]
    [InlineData("apache-synapse", true)]
    [InlineData("car", false)]
    public void A_corpus_slice_converts_the_same_with_one_thread_and_with_several(string slice, bool keepStructure)
    {
        if (TestPaths.Corpus is not { } corpus)
        {
            return; // the shared corpus is not beside this checkout
        }

        var (files, diagnostics) = AssertSameWithAnyThreads(new ConversionOptions(Path.Combine(corpus, slice)) { KeepStructure = keepStructure });
        Assert.True(files > 5, $"{slice}: the slice converts to a package");
        Assert.True(diagnostics > 0, $"{slice}: the slice reports diagnostics, whose order is compared");
    }

    /// <summary>The loader and the parser report in the order of the sequential run, not only the same set (the sorted list hides that).</summary>
    [Theory]
    [InlineData("micro-integrator/product-scenarios")]
    [InlineData("apache-synapse")]
    public void Loading_and_parsing_report_in_the_same_order_with_several_threads(string slice)
    {
        if (TestPaths.Corpus is not { } corpus)
        {
            return;
        }

        var input = Path.Combine(corpus, slice);
        var (oneDocuments, oneReported) = LoadAndParse(input, 1);
        var (severalDocuments, severalReported) = LoadAndParse(input, Threads);
        Assert.True(oneDocuments.Count > 64, $"{slice}: more files than one parallel slice of the parser");
        Assert.Equal(oneDocuments, severalDocuments);
        Assert.NotEmpty(oneReported);
        Assert.Equal(oneReported, severalReported);

        static (List<string> Documents, List<string> Reported) LoadAndParse(string input, int threads)
        {
            var diagnostics = new DiagnosticBag();
            var project = SynapseToBal.Project.ProjectLoader.Load(input, diagnostics, parallelism: threads);
            var documents = Converter.Parse(project, diagnostics, parallelism: threads);
            return (documents.Select(d => d.Path + " " + d.Artifacts.Length.ToString(CultureInfo.InvariantCulture)).ToList(),
                diagnostics.Items.Select(d => DiagnosticBag.Format(d) + " @" + d.Location.SourceSpan.Start.ToString(CultureInfo.InvariantCulture)).ToList());
        }
    }

    [Fact]
    public void Parallelism_is_one_thread_at_least_and_one_per_processor_by_default()
    {
        Assert.Equal(Environment.ProcessorCount, new ConversionOptions("x").Parallelism);
        Assert.Equal(1, new ConversionOptions("x") { MaxDegreeOfParallelism = 1 }.Parallelism);
        Assert.Equal(1, new ConversionOptions("x") { MaxDegreeOfParallelism = 0 }.Parallelism);
        Assert.Equal(3, new ConversionOptions("x") { MaxDegreeOfParallelism = 3 }.Parallelism);
    }

    /// <summary>Converts with one thread and with <see cref="Threads"/>; the files and the diagnostics, in order, must be equal.</summary>
    private static (int Files, int Diagnostics) AssertSameWithAnyThreads(ConversionOptions options)
    {
        var one = Converter.Convert(options with { MaxDegreeOfParallelism = 1 });
        var several = Converter.Convert(options with { MaxDegreeOfParallelism = Threads });
        var name = options.Input;
        Assert.Equal(Listing(one), Listing(several));
        for (var i = 0; i < one.Files.Count; i++)
        {
            Assert.True(one.Files[i].Content == several.Files[i].Content, $"{name}: {one.Files[i].RelativePath} differs between 1 and {Threads} threads");
        }

        Assert.Equal(Diagnostics(one), Diagnostics(several));
        Assert.Equal(one.Documents.Select(d => d.Path), several.Documents.Select(d => d.Path));
        return (one.Files.Count, one.Diagnostics.Count);

        static List<string> Listing(ConversionResult result) => result.Files.Select(f => f.RelativePath).ToList();

        static List<string> Diagnostics(ConversionResult result) =>
            result.Diagnostics.Select(d => DiagnosticBag.Format(d) + " @" + d.Location.SourceSpan.Start.ToString(CultureInfo.InvariantCulture)).ToList();
    }
}
