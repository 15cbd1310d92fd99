using SynapseToBal.Driver;
using SynapseToBal.Emit;
using Xunit;

namespace SynapseToBal.Tests.Golden;

/// <summary>The one-file-per-artifact layout rebuilds every .bal file of the file-per-kind layout: none may be left out.</summary>
public sealed class LayoutKindsTests
{
    [Fact]
    public void Every_bal_file_of_the_file_per_kind_layout_is_one_the_per_artifact_layout_rebuilds()
    {
        var kinds = Directory.EnumerateDirectories(TestPaths.Cases)
            .Select(c => Path.Combine(c, "input"))
            .Where(Directory.Exists)
            .Concat(Directory.EnumerateDirectories(TestPaths.Examples).Where(d => !d.EndsWith("_converted", StringComparison.Ordinal)))
            .SelectMany(input => Converter.Convert(new ConversionOptions(input)).Files)
            .Select(f => f.RelativePath)
            .Where(p => p.EndsWith(".bal", StringComparison.Ordinal))
            .ToHashSet(StringComparer.Ordinal);

        Assert.Contains("main.bal", kinds);
        Assert.DoesNotContain(kinds, k => !PackageEmitter.SplitKinds.Contains(k));
    }
}
