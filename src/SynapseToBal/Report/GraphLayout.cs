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
    public const int RowGap = 10;
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

            var y1 = from.Y + NodeHeight / 2;
            var y2 = to.Y + NodeHeight / 2;
            string path;
            if (to.X > from.X)
            {
                var x1 = from.X + NodeWidth;
                var x2 = to.X;
                var mid = (x1 + x2) / 2;
                path = $"M{N(x1)},{N(y1)} C{N(mid)},{N(y1)} {N(mid)},{N(y2)} {N(x2)},{N(y2)}";
            }
            else
            {
                // Same column or backwards: a loop out of the right side.
                var x1 = from.X + NodeWidth;
                var x2 = to.X + NodeWidth;
                var bulge = Math.Max(x1, x2) + 40;
                path = $"M{N(x1)},{N(y1)} C{N(bulge)},{N(y1)} {N(bulge)},{N(y2)} {N(x2)},{N(y2)}";
            }

            edges.Add(new EdgeView(path, edge.Kind));
        }

        var height = Margin * 2 + Math.Max(1, rows.Max()) * (NodeHeight + RowGap);
        var width = Margin * 2 + 3 * NodeWidth + 2 * ColumnGap + 40;
        return new View(N(width), N(height), nodes, edges, graph.Nodes.Length == 0);
    }

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
}
