using System.Globalization;

namespace SynapseToBal.Report;

/// <summary>
/// Places the reference graph for the inline SVG of the HTML report: three columns (entry points — APIs, proxies,
/// inbound endpoints, tasks, processors; sequences and templates; endpoints, stores, entries and missing keys),
/// one row per node, and a curve per reference. Coordinates are precomputed so the template only loops.
/// </summary>
public static class GraphLayout
{
    public const int NodeWidth = 220;
    public const int NodeHeight = 26;
    public const int RowGap = 14;
    public const int ColumnGap = 110;
    public const int Margin = 10;

    /// <summary>Longest name shown in a box; longer ones are cut with an ellipsis (the full name is the box's tooltip).</summary>
    public const int MaxLabel = 30;

    public sealed record NodeView(string Id, string Kind, string Name, string Label, string Class, string X, string Y, string TextX, string TextY);

    public sealed record EdgeView(string Path, string Kind);

    public sealed record View(string Width, string Height, IReadOnlyList<NodeView> Nodes, IReadOnlyList<EdgeView> Edges, bool Empty);

    public static int Column(string kind) => kind switch
    {
        "API" or "Proxy service" or "Inbound endpoint" or "Task" or "Message processor" => 0,
        "Sequence" or "Sequence template" => 1,
        _ => 2,
    };

    public static View Lay(ReportGraph graph)
    {
        var rows = new int[3];
        var places = new Dictionary<string, (int X, int Y)>(StringComparer.Ordinal);
        var nodes = new List<NodeView>();
        foreach (var node in graph.Nodes)
        {
            var column = Column(node.Kind);
            var x = Margin + column * (NodeWidth + ColumnGap);
            var y = Margin + rows[column]++ * (NodeHeight + RowGap);
            places[node.Id] = (x, y);
            var label = node.Name.Length > MaxLabel ? node.Name[..(MaxLabel - 1)] + "…" : node.Name;
            var cls = node.Status switch
            {
                ArtifactStatus.Converted => "ok",
                ArtifactStatus.Partial => "part",
                ArtifactStatus.NotConverted => "none",
                ArtifactStatus.Ignored => "ignored",
                null => "missing",
                _ => throw new ArgumentOutOfRangeException(nameof(graph)),
            };
            nodes.Add(new NodeView(node.Id, node.Kind, node.Name, label, cls, N(x), N(y), N(x + 8), N(y + 17)));
        }

        var edges = new List<EdgeView>();
        foreach (var edge in graph.Edges)
        {
            if (!places.TryGetValue(edge.From, out var from) || !places.TryGetValue(edge.To, out var to))
            {
                continue;
            }

            edges.Add(new EdgeView(Route(from, to, rows), edge.Kind));
        }

        var height = Margin * 2 + Math.Max(1, rows.Max()) * (NodeHeight + RowGap);
        var width = Margin * 2 + 3 * NodeWidth + 2 * ColumnGap + 40;
        return new View(N(width), N(height), nodes, edges, graph.Nodes.Length == 0);
    }

    /// <summary>
    /// The curve of one reference. Forwards it leaves the source's right side and enters the target's left side;
    /// backwards it leaves the left side and enters the right side; within one column it loops out of the right side.
    /// A reference that skips a column runs through the gap between two boxes of that column (the gap nearest to
    /// its ends), so it never passes behind a box and seems to leave from it.
    /// </summary>
    private static string Route((int X, int Y) from, (int X, int Y) to, int[] rows)
    {
        var y1 = from.Y + NodeHeight / 2;
        var y2 = to.Y + NodeHeight / 2;
        if (to.X == from.X)
        {
            var side = from.X + NodeWidth;
            var bulge = side + 40;
            return $"M{N(side)},{N(y1)} C{N(bulge)},{N(y1)} {N(bulge)},{N(y2)} {N(side)},{N(y2)}";
        }

        var forward = to.X > from.X;
        var x1 = forward ? from.X + NodeWidth : from.X;
        var x2 = forward ? to.X : to.X + NodeWidth;
        var skipped = Enumerable.Range(0, rows.Length)
            .Select(c => (Column: c, Left: Margin + c * (NodeWidth + ColumnGap)))
            .Where(c => rows[c.Column] > 0 && c.Left > Math.Min(x1, x2) && c.Left + NodeWidth < Math.Max(x1, x2))
            .OrderBy(c => forward ? c.Left : -c.Left)
            .ToList();
        var path = new System.Text.StringBuilder(string.Create(CultureInfo.InvariantCulture, $"M{x1},{y1}"));
        var (x, y) = (x1, y1);
        foreach (var (column, left) in skipped)
        {
            // Gap i is above box i of the column (i = rows: below the last box).
            var gaps = Enumerable.Range(0, rows[column] + 1).Select(i => Margin + i * (NodeHeight + RowGap) - RowGap / 2);
            var gap = gaps.MinBy(g => Math.Abs(g - y) + Math.Abs(g - y2));
            var (enter, leave) = forward ? (left, left + NodeWidth) : (left + NodeWidth, left);
            Curve(path, x, y, enter, gap);
            path.Append(CultureInfo.InvariantCulture, $" L{leave},{gap}");
            (x, y) = (leave, gap);
        }

        Curve(path, x, y, x2, y2);
        return path.ToString();
    }

    /// <summary>A horizontal S-curve from (x1, y1) to (x2, y2).</summary>
    private static void Curve(System.Text.StringBuilder path, int x1, int y1, int x2, int y2)
    {
        var mid = (x1 + x2) / 2;
        path.Append(CultureInfo.InvariantCulture, $" C{mid},{y1} {mid},{y2} {x2},{y2}");
    }

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
}
