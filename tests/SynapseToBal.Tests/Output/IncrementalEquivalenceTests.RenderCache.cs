using SynapseToBal.Driver;
using SynapseToBal.Output;
using Xunit;

namespace SynapseToBal.Tests.Output;

/// <summary>
/// The rendered constructs kept in the manifest folder (issue 12, <c>Emit/RenderCache.cs</c>): a rerun renders again only
/// the constructs whose render inputs changed, and its output still equals a fresh conversion.
/// </summary>
public sealed partial class IncrementalEquivalenceTests
{
    private static readonly OutputOptions Reuse = new() { ReuseRenders = true };

    [Fact]
    public void A_rerun_after_one_changed_api_renders_only_that_api_again()
    {
        Generate(Input, apis: 30, sequences: 5, endpoints: 5);
        var first = IncrementalConversion.Run(new ConversionOptions(Input), Out, Reuse);
        var cache = first.Cache!;
        Assert.Equal(0, cache.Reused);
        Assert.Equal(0, cache.Unkeyed);
        var constructs = cache.Rendered;
        Assert.True(constructs > 30, $"{constructs} constructs rendered");
        Assert.True(File.Exists(Path.Combine(Out, Manifest.Folder, IncrementalConversion.RenderCacheFile)));

        var api = Path.Combine(Input, "apis", "Api7.xml");
        File.WriteAllText(api, File.ReadAllText(api).Replace("value=\"A\"", "value=\"incr-A\"", StringComparison.Ordinal));
        var second = IncrementalConversion.Run(new ConversionOptions(Input), Out, Reuse);

        Assert.Equal(1, second.Cache!.Rendered);
        Assert.Equal(constructs - 1, second.Cache.Reused);
        Assert.Contains("incr-A", File.ReadAllText(Path.Combine(Out, "main.bal")), StringComparison.Ordinal);
        var expected = FreshRun();
        var actual = OutputFolders.Snapshot(Out, withManifest: true);
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        Assert.All(expected, e => Assert.Equal(e.Value, actual[e.Key]));
    }

    [Fact]
    public void A_rerun_by_another_converter_build_or_with_an_unreadable_cache_renders_everything_and_writes_the_same()
    {
        Generate(Input, apis: 5, sequences: 2, endpoints: 2);
        IncrementalConversion.Run(new ConversionOptions(Input), Out, Reuse);
        var cachePath = Path.Combine(Out, Manifest.Folder, IncrementalConversion.RenderCacheFile);
        var stored = File.ReadAllText(cachePath);
        File.WriteAllText(cachePath, "{ not json");
        var api = Path.Combine(Input, "apis", "Api1.xml");
        File.WriteAllText(api, File.ReadAllText(api).Replace("value=\"A\"", "value=\"incr-A\"", StringComparison.Ordinal));

        var rerun = IncrementalConversion.Run(new ConversionOptions(Input), Out, Reuse);

        Assert.Equal(0, rerun.Cache!.Reused);
        var expected = FreshRun();
        Assert.Equal(expected[$"{Manifest.Folder}/{IncrementalConversion.RenderCacheFile}"], File.ReadAllText(cachePath));
        Assert.NotEqual(stored, File.ReadAllText(cachePath));
        Assert.Equal(expected["main.bal"], File.ReadAllText(Path.Combine(Out, "main.bal")));
    }

    [Fact]
    public void A_cache_of_another_format_version_is_not_read_and_the_rerun_writes_what_a_fresh_run_writes()
    {
        Generate(Input, apis: 5, sequences: 2, endpoints: 2);
        IncrementalConversion.Run(new ConversionOptions(Input), Out, Reuse);
        var cachePath = Path.Combine(Out, Manifest.Folder, IncrementalConversion.RenderCacheFile);
        var stored = File.ReadAllText(cachePath);
        var version = $"\"version\":{Emit.RenderCache.FormatVersion},";
        Assert.Contains(version, stored, StringComparison.Ordinal);
        File.WriteAllText(cachePath, stored.Replace(version, $"\"version\":{Emit.RenderCache.FormatVersion - 1},", StringComparison.Ordinal));
        var api = Path.Combine(Input, "apis", "Api2.xml");
        File.WriteAllText(api, File.ReadAllText(api).Replace("value=\"A\"", "value=\"incr-A\"", StringComparison.Ordinal));

        var rerun = IncrementalConversion.Run(new ConversionOptions(Input), Out, Reuse);

        Assert.Equal(0, rerun.Cache!.Reused);
        var expected = FreshRun();
        var actual = OutputFolders.Snapshot(Out, withManifest: true);
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        Assert.All(expected, e => Assert.Equal(e.Value, actual[e.Key]));
    }

    [Fact]
    public void With_the_render_cache_converting_a_changed_generated_project_again_equals_converting_it_from_scratch()
    {
        Generate(Input, apis: 30, sequences: 5, endpoints: 5);
        Assert.Equal(Changes.Select(c => c.Name), ConvertAfterEachChangeReusingRenders());
    }

    [Theory]
    [InlineData(CorpusProjects.Routing)]
    [InlineData("micro-integrator/product-scenarios/4-gateway/04-SynapseConfigProject")]
    public void With_the_render_cache_converting_a_changed_corpus_project_again_equals_converting_it_from_scratch(string project)
    {
        var corpus = TestPaths.Corpus;
        if (corpus is null || !Directory.Exists(Path.Combine(corpus, project)))
        {
            output.WriteLine($"SKIPPED: ../shared/corpus/{project} is not present beside the repository.");
            return;
        }

        OutputFolders.CopyTree(Path.Combine(corpus, project), Input);
        var applied = ConvertAfterEachChangeReusingRenders();
        Assert.True(applied.Count >= 4, $"only {string.Join(", ", applied)} applied to {project}");
    }

    /// <summary>
    /// As <see cref="ConvertAfterEachChange"/>, with every run keeping and reusing rendered constructs: after each change
    /// the output folder (the cache file included) equals a fresh run's, and the rerun reused at least one construct
    /// when the change left some of them as they were.
    /// </summary>
    private List<string> ConvertAfterEachChangeReusingRenders()
    {
        IncrementalConversion.Run(new ConversionOptions(Input), Out, Reuse);
        Assert.True(IncrementalConversion.Run(new ConversionOptions(Input), Out, Reuse).UpToDate);
        var applied = new List<string>();
        foreach (var change in Changes)
        {
            if (!change.Apply(Input))
            {
                continue;
            }

            applied.Add(change.Name);
            var rerun = IncrementalConversion.Run(new ConversionOptions(Input), Out, Reuse);
            output.WriteLine($"{change.Name}: reused {rerun.Cache?.Reused}, rendered {rerun.Cache?.Rendered}, unkeyed {rerun.Cache?.Unkeyed}");
            var expected = FreshRun();
            var actual = OutputFolders.Snapshot(Out, withManifest: true);
            Assert.True(expected.Count == actual.Count && expected.All(e => actual.TryGetValue(e.Key, out var a) && a == e.Value),
                $"after '{change.Name}', converting again with the render cache differs from a fresh conversion in: {string.Join(", ", Differing(expected, actual))}");
        }

        return applied;
    }

    /// <summary>What <see cref="IncrementalConversion.Run"/> writes converting the current input into an empty folder.</summary>
    private Dictionary<string, string> FreshRun()
    {
        var folder = Path.Combine(_temp, "fresh-" + Guid.NewGuid().ToString("N"));
        IncrementalConversion.Run(new ConversionOptions(Input), folder, Reuse);
        var files = OutputFolders.Snapshot(folder, withManifest: true);
        Directory.Delete(folder, recursive: true);
        return files;
    }
}
