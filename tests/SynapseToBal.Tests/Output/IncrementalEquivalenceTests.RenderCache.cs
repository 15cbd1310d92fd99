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
