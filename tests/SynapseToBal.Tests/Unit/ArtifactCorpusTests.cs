using System.Collections;
using System.Collections.Immutable;
using System.Text;
using SynapseToBal.Diagnostics;
using SynapseToBal.Syntax;
using Xunit;
using Xunit.Abstractions;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// Over the shared corpus: every root artifact of a kind Synapse knows parses to a typed node, and so does every
/// endpoint of a kind Synapse knows, wherever it appears (artifacts, groups, templates, call/send mediators).
/// </summary>
public sealed class ArtifactCorpusTests(ITestOutputHelper output)
{
    /// <summary>Top-level elements Synapse's configuration factory knows.</summary>
    private static readonly HashSet<string> KnownArtifactKinds = new(StringComparer.Ordinal)
    {
        "api", "proxy", "sequence", "endpoint", "localEntry", "template", "inboundEndpoint", "task", "taskManager",
        "messageStore", "messageProcessor", "eventSource", "registry", "import", "priorityExecutor",
    };

    private static readonly HashSet<string> KnownEndpointKinds = new(StringComparer.Ordinal)
    {
        "address", "http", "wsdl", "default", "failover", "loadbalance", "recipientlist", "class", "dynamicLoadbalance",
        "serviceDynamicLoadbalance", "template", "key",
    };

    [Fact]
    public void Known_artifact_and_endpoint_kinds_parse_to_typed_nodes()
    {
        var corpus = TestPaths.Corpus;
        if (corpus is null)
        {
            output.WriteLine("SKIPPED: ../shared/corpus is not present beside the repository; the artifact census did not run.");
            return;
        }

        var manifest = File.ReadLines(Path.Combine(corpus, "MANIFEST.tsv"))
            .Skip(1)
            .Select(line => line.Split('\t'))
            .Where(columns => columns.Length >= 5)
            .ToList();
        var artifactCounts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var endpointCounts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var failures = new StringBuilder();
        foreach (var columns in manifest)
        {
            var (path, root) = (columns[0], columns[4]);
            var file = Path.Combine(corpus, path);
            if (!path.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || !File.Exists(file))
            {
                continue;
            }

            var document = SynapseParser.ParseText(file, File.ReadAllText(file), new DiagnosticBag());
            if (document is null)
            {
                continue;
            }

            foreach (var artifact in document.Artifacts)
            {
                if (artifact is UnknownArtifactSyntax unknownChild && KnownArtifactKinds.Contains(unknownChild.ElementName))
                {
                    failures.AppendLine($"{path}: <{unknownChild.ElementName}> parsed to UnknownArtifactSyntax");
                }

                var kind = artifact is UnknownArtifactSyntax ? "(unknown) " + artifact.XmlName : artifact.GetType().Name;
                artifactCounts[kind] = artifactCounts.GetValueOrDefault(kind) + 1;
            }

            if (KnownArtifactKinds.Contains(root) && document.Artifacts.FirstOrDefault() is UnknownArtifactSyntax unknownRoot)
            {
                failures.AppendLine($"{path}: root <{root}> parsed to UnknownArtifactSyntax ({unknownRoot.ElementName})");
            }

            foreach (var endpoint in Endpoints(document))
            {
                var kind = endpoint.Definition switch
                {
                    null => "(none)",
                    UnknownEndpointSyntax u => "(unknown) " + u.ElementName,
                    var d => d.GetType().Name,
                };
                endpointCounts[kind] = endpointCounts.GetValueOrDefault(kind) + 1;
                if (endpoint.Definition is UnknownEndpointSyntax unknown && KnownEndpointKinds.Contains(unknown.ElementName))
                {
                    failures.AppendLine($"{path}({unknown.Location.Line}): <{unknown.ElementName}> endpoint parsed to UnknownEndpointSyntax");
                }
            }
        }

        output.WriteLine("Artifacts by node type:");
        foreach (var (kind, count) in artifactCounts)
        {
            output.WriteLine($"  {kind}: {count}");
        }

        output.WriteLine("Endpoint definitions by node type:");
        foreach (var (kind, count) in endpointCounts)
        {
            output.WriteLine($"  {kind}: {count}");
        }

        Assert.True(artifactCounts.Values.Sum() > 1000, "expected over 1,000 artifacts in the corpus");
        Assert.True(failures.Length == 0, "Known kinds that parsed to Unknown nodes:\n" + failures);
    }

    /// <summary>Every <see cref="EndpointSyntax"/> reachable from the document's nodes.</summary>
    private static List<EndpointSyntax> Endpoints(SynapseDocument document)
    {
        var found = new List<EndpointSyntax>();
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        foreach (var artifact in document.Artifacts)
        {
            Walk(artifact);
        }

        return found;

        void Walk(object? node)
        {
            if (node is null || node is string || node is SourceLocation || node is ExpressionSyntax || !seen.Add(node))
            {
                return;
            }

            if (node is EndpointSyntax endpoint)
            {
                found.Add(endpoint);
            }

            if (node is IEnumerable items)
            {
                foreach (var item in items)
                {
                    Walk(item);
                }

                return;
            }

            var type = node.GetType();
            if (type.Namespace != typeof(ArtifactSyntax).Namespace)
            {
                return;
            }

            foreach (var property in type.GetProperties())
            {
                if (property.GetIndexParameters().Length > 0 || property.PropertyType.IsPrimitive || property.PropertyType.IsEnum)
                {
                    continue;
                }

                var value = property.GetValue(node);
                if (value is not null && value.GetType().IsGenericType && value.GetType().GetGenericTypeDefinition() == typeof(ImmutableArray<>))
                {
                    value = ((IEnumerable)value).Cast<object>().ToList();
                }

                Walk(value);
            }
        }
    }
}
