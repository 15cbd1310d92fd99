using SynapseToBal.Driver;
using Xunit;

namespace SynapseToBal.Tests.Cli;

/// <summary>A conversion tells its progress per stage; lowering counts artifacts, so a long lowering shows movement.</summary>
public sealed class ConversionProgressTests
{
    [Fact]
    public void Lowering_reports_each_artifact_up_to_the_total()
    {
        var reports = new List<(string Stage, int Done, int Total)>();
        var result = Converter.Convert(new ConversionOptions(Path.Combine(TestPaths.Examples, "ei6-orders"))
        {
            Progress = (stage, done, total) => reports.Add((stage, done, total)),
            LowerOnly = true,
        });

        Assert.NotNull(result.Package);
        var lowering = reports.Where(r => r.Stage == "Lowering" && r.Total > 1).ToList();
        Assert.True(lowering.Count > 1, "lowering reports more than one step for a project of several artifacts");
        Assert.All(lowering, r => Assert.InRange(r.Done, 1, r.Total));
        Assert.Equal(lowering.Select(r => r.Done).Order(), lowering.Select(r => r.Done));
        Assert.Equal(lowering[^1].Total, lowering[^1].Done);
    }
}
