using System.Globalization;
using System.Text.RegularExpressions;
using SynapseToBal.Report;
using Xunit;

namespace SynapseToBal.Tests.Reporting;

/// <summary>The HTML report's reference graph: no reference is drawn behind a box it does not connect.</summary>
public sealed partial class GraphLayoutTests
{
    private static GraphNode Node(string id, string kind) => new(id, kind, id, ArtifactStatus.Converted);

    /// <summary>The points of a path (its move, curve and line coordinates).</summary>
    private static List<(int X, int Y)> Points(string path) =>
        [.. Point().Matches(path).Select(m => (int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)))];

    [Fact]
    public void A_reference_that_skips_a_column_runs_between_its_boxes()
    {
        // An API calls an endpoint directly and two sequences; the sequences fill the middle column.
        var graph = new ReportGraph(
            [Node("api", "API"), Node("s1", "Sequence"), Node("s2", "Sequence"), Node("ep", "Endpoint"), Node("ep2", "Endpoint")],
            [new("api", "s1", "Sequence"), new("api", "s2", "Sequence"), new("api", "ep", "Endpoint"), new("s2", "ep2", "Endpoint")]);
        var view = GraphLayout.Lay(graph);
        var middle = view.Nodes.Where(n => n.Kind == "Sequence").Select(n => (X: int.Parse(n.X, CultureInfo.InvariantCulture), Y: int.Parse(n.Y, CultureInfo.InvariantCulture))).ToList();

        var skip = view.Edges[2].Path;
        Assert.Contains(" L", skip, StringComparison.Ordinal);
        var points = Points(skip);
        // The straight part crosses the middle column at one height, outside every box of that column.
        var (enterX, gapY) = points[^5];
        var (leaveX, leaveY) = points[^4];
        Assert.Equal(gapY, leaveY);
        Assert.Equal(middle[0].X, enterX);
        Assert.Equal(middle[0].X + GraphLayout.NodeWidth, leaveX);
        Assert.All(middle, box => Assert.False(gapY >= box.Y && gapY <= box.Y + GraphLayout.NodeHeight, $"the edge runs through the box at y={box.Y}"));
        Assert.InRange(gapY, 0, int.Parse(view.Height, CultureInfo.InvariantCulture));

        // Neighbouring columns: one curve, unchanged.
        Assert.DoesNotContain(" L", view.Edges[0].Path, StringComparison.Ordinal);
        Assert.DoesNotContain(" L", view.Edges[3].Path, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_boxes_in_the_middle_column_a_skip_is_one_curve()
    {
        var view = GraphLayout.Lay(new ReportGraph([Node("api", "API"), Node("ep", "Endpoint")], [new("api", "ep", "Endpoint")]));
        Assert.Equal("M230,23 C450,23 450,23 670,23", Assert.Single(view.Edges).Path);
    }

    [GeneratedRegex(@"(-?\d+),(-?\d+)")]
    private static partial Regex Point();
}
