using System.Collections.Immutable;
using SynapseToBal.Diagnostics;
using SynapseToBal.Syntax;

namespace SynapseToBal.Semantics;

/// <summary>What a key names.</summary>
public enum ReferenceKind
{
    Sequence,
    Endpoint,
    SequenceTemplate,
    EndpointTemplate,

    /// <summary>A local entry or a registry resource (XSLT, XSD, script, format, WSDL, policy, ...).</summary>
    Resource,
    MessageStore,
    Proxy,
}

public enum ResolutionStatus
{
    /// <summary>An artifact of the project defines it.</summary>
    Resolved,

    /// <summary>A registry resource of the project (<c>conf:/...</c>, <c>gov:/...</c>) holds it.</summary>
    Registry,

    /// <summary>The key is computed at run time (<c>key="{xpath}"</c>, key-expression): recorded, not checked.</summary>
    Dynamic,

    /// <summary>A name the Micro Integrator provides itself (the default <c>main</c> and <c>fault</c> sequences).</summary>
    BuiltIn,

    /// <summary>Nothing in the input defines it.</summary>
    Unresolved,
}

/// <summary>One use of a key: which artifact uses it, where, and for what.</summary>
public sealed record SymbolReference(ReferenceKind Kind, string Key, bool IsDynamic, SourceLocation Location, ArtifactSyntax From);

/// <summary>A reference and what it resolved to.</summary>
public sealed record ResolvedReference(SymbolReference Reference, ResolutionStatus Status, ArtifactSyntax? Target);

/// <summary>
/// The dependency graph of a project: every sequence, endpoint, template, local entry, registry, store and
/// proxy reference, resolved against the artifacts and the registry. Unresolved references and sequence
/// cycles are reported as warnings at the referring location; dynamic keys are recorded as dynamic.
/// </summary>
public sealed class ReferenceGraph
{
    private static readonly HashSet<string> BuiltInSequences = new(StringComparer.Ordinal) { "main", "fault", "_resource_mismatch_handler_", "_method_not_allowed_handler_" };

    private readonly Dictionary<ArtifactSyntax, ImmutableArray<ResolvedReference>> _byArtifact = new(ReferenceEqualityComparer.Instance);

    private ReferenceGraph(ImmutableArray<ResolvedReference> references, ImmutableArray<ImmutableArray<string>> cycles)
    {
        References = references;
        SequenceCycles = cycles;
        foreach (var group in references.GroupBy(r => r.Reference.From, ReferenceEqualityComparer.Instance))
        {
            _byArtifact[(ArtifactSyntax)group.Key!] = group.ToImmutableArray();
        }
    }

    public ImmutableArray<ResolvedReference> References { get; }

    /// <summary>Each cycle of sequences calling each other, as the list of names around it (first = last).</summary>
    public ImmutableArray<ImmutableArray<string>> SequenceCycles { get; }

    public IEnumerable<ResolvedReference> Unresolved => References.Where(r => r.Status == ResolutionStatus.Unresolved);

    public IEnumerable<ResolvedReference> Dynamic => References.Where(r => r.Status == ResolutionStatus.Dynamic);

    /// <summary>The references an artifact makes.</summary>
    public ImmutableArray<ResolvedReference> ReferencesOf(ArtifactSyntax artifact) =>
        _byArtifact.TryGetValue(artifact, out var list) ? list : [];

    /// <summary>The artifacts an artifact depends on directly.</summary>
    public IEnumerable<ArtifactSyntax> DependenciesOf(ArtifactSyntax artifact) =>
        ReferencesOf(artifact).Select(r => r.Target).OfType<ArtifactSyntax>().Distinct(ReferenceEqualityComparer.Instance).Cast<ArtifactSyntax>();

    /// <param name="registryContains">Whether the project's registry holds a key (see <c>Project.RegistryIndex</c>).</param>
    /// <param name="diagnostics">Where unresolved references (SB0502) and cycles (SB0503) are reported; null to only compute.</param>
    public static ReferenceGraph Build(IEnumerable<SynapseDocument> documents, Func<string, bool>? registryContains = null, DiagnosticBag? diagnostics = null)
    {
        var artifacts = documents.SelectMany(d => d.Artifacts).ToList();
        return Build(artifacts, new SymbolTable(artifacts), registryContains, diagnostics);
    }

    /// <summary>The graph of <paramref name="artifacts"/>, resolved against the symbols the semantic model built.</summary>
    /// <param name="registryKeys">The keys of the input's registry resources, to name one a key misses by its path (SB0502).</param>
    public static ReferenceGraph Build(IReadOnlyList<ArtifactSyntax> artifacts, SymbolTable symbols, Func<string, bool>? registryContains, DiagnosticBag? diagnostics, IReadOnlyList<string>? registryKeys = null)
    {
        var resolved = ImmutableArray.CreateBuilder<ResolvedReference>();
        var failed = new HashSet<ArtifactSyntax>(ReferenceEqualityComparer.Instance);
        foreach (var artifact in artifacts)
        {
            var own = new List<ResolvedReference>();
            try
            {
                BeforeArtifact.Value?.Invoke(artifact);
                foreach (var reference in ReferenceCollector.Collect(artifact))
                {
                    own.Add(Resolve(reference, symbols, registryContains));
                }
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // A bug in the converter on one artifact: that artifact becomes a TODO (the lowering reads the set),
                // its references are left out of the graph, and every other artifact is resolved.
                diagnostics?.Report(DiagnosticCatalog.ReferenceInternalError, artifact.Location, artifact.XmlName, artifact.Name, $"{ex.GetType().Name}: {ex.Message}");
                failed.Add(artifact);
                continue;
            }

            resolved.AddRange(own);
        }

        var references = resolved.ToImmutable();
        var cycles = FindSequenceCycles(references);
        if (diagnostics is not null)
        {
            foreach (var unresolved in references.Where(r => r.Status == ResolutionStatus.Unresolved))
            {
                diagnostics.Report(DiagnosticCatalog.UnresolvedReference, unresolved.Reference.Location, Describe(unresolved.Reference.Kind), unresolved.Reference.Key, NearMiss(unresolved.Reference.Key, registryKeys));
            }

            foreach (var cycle in cycles)
            {
                var first = symbols.Sequence(cycle[0]);
                diagnostics.Report(DiagnosticCatalog.ReferenceCycle, first?.Location, cycle[0], string.Join(" -> ", cycle));
            }
        }

        return new ReferenceGraph(references, cycles) { Failed = failed };
    }

    /// <summary>
    /// The end of an SB0502 message for a registry key that misses: the registry resources of the input with the key's
    /// file name under another path (at most three), or "". MicroIntegratorRegistry.lookup resolves a key by its whole
    /// path (resolveRegistryURI), so such a resource is not found at this key in the Micro Integrator either; naming
    /// it points at the usual cause, a folder too many or too few in the key.
    /// </summary>
    internal static string NearMiss(string key, IReadOnlyList<string>? registryKeys)
    {
        var name = FileName(key);
        if (registryKeys is null || name is null)
        {
            return "";
        }

        var near = registryKeys.Where(k => FileName(k) == name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (near.Count == 0)
        {
            return "";
        }

        var named = string.Join(", ", near.Take(3).Select(k => $"'{k}'")) + (near.Count > 3 ? $" and {near.Count - 3} more" : "");
        return $"; the input's registry resource{(near.Count > 1 ? "s" : "")} {named} {(near.Count > 1 ? "have" : "has")} its file name under another path, where the Micro Integrator does not look either (it resolves a key by its whole path): correct the key's folders";

        // The last segment of a registry-form key (a registry prefix, or a path); null for a plain name or another
        // prefixed name (a:b).
        static string? FileName(string key)
        {
            var trimmed = key.Trim().Replace('\\', '/');
            if (!trimmed.Contains('/') && !trimmed.StartsWith("gov:", StringComparison.Ordinal) && !trimmed.StartsWith("conf:", StringComparison.Ordinal) && !trimmed.StartsWith("local:", StringComparison.Ordinal))
            {
                return null;
            }

            var cut = trimmed.LastIndexOfAny(['/', ':']);
            return cut < 0 || cut == trimmed.Length - 1 ? null : trimmed[(cut + 1)..];
        }
    }

    /// <summary>Test seam: runs before each artifact's references are collected (a test makes it throw to check the guard).</summary>
    internal static readonly AsyncLocal<Action<ArtifactSyntax>?> BeforeArtifact = new();

    /// <summary>The artifacts whose references could not be collected or resolved (SB0904): lowered as TODOs.</summary>
    public IReadOnlySet<ArtifactSyntax> Failed { get; private init; } = new HashSet<ArtifactSyntax>(ReferenceEqualityComparer.Instance);

    public static string Describe(ReferenceKind kind) => kind switch
    {
        ReferenceKind.Sequence => "Sequence",
        ReferenceKind.Endpoint => "Endpoint",
        ReferenceKind.SequenceTemplate => "Sequence template",
        ReferenceKind.EndpointTemplate => "Endpoint template",
        ReferenceKind.Resource => "Local entry or registry resource",
        ReferenceKind.MessageStore => "Message store",
        ReferenceKind.Proxy => "Proxy service",
        _ => throw new InvalidOperationException(),
    };

    private static ResolvedReference Resolve(SymbolReference reference, SymbolTable symbols, Func<string, bool>? registryContains)
    {
        if (reference.IsDynamic)
        {
            return new ResolvedReference(reference, ResolutionStatus.Dynamic, null);
        }

        var key = reference.Key;
        var target = reference.Kind switch
        {
            ReferenceKind.Sequence => (ArtifactSyntax?)symbols.Sequence(key),
            ReferenceKind.Endpoint => symbols.Endpoint(key),
            ReferenceKind.SequenceTemplate => symbols.SequenceTemplate(key),
            ReferenceKind.EndpointTemplate => symbols.EndpointTemplate(key),
            ReferenceKind.Resource => symbols.LocalEntry(key),
            ReferenceKind.MessageStore => symbols.MessageStore(key),
            ReferenceKind.Proxy => symbols.Proxy(key),
            _ => null,
        };
        if (target is not null)
        {
            return new ResolvedReference(reference, ResolutionStatus.Resolved, target);
        }

        // Sequences, endpoints and resources may also be stored in the registry, or as local entries.
        if (registryContains is not null && registryContains(key))
        {
            return new ResolvedReference(reference, ResolutionStatus.Registry, null);
        }

        if (reference.Kind is ReferenceKind.Sequence or ReferenceKind.Endpoint && symbols.LocalEntry(key) is { } entry)
        {
            return new ResolvedReference(reference, ResolutionStatus.Resolved, entry);
        }

        if (reference.Kind == ReferenceKind.Sequence && BuiltInSequences.Contains(key))
        {
            return new ResolvedReference(reference, ResolutionStatus.BuiltIn, null);
        }

        return new ResolvedReference(reference, ResolutionStatus.Unresolved, null);
    }

    /// <summary>Cycles among sequences (sequence → sequence references through any mediator), each reported once.</summary>
    private static ImmutableArray<ImmutableArray<string>> FindSequenceCycles(ImmutableArray<ResolvedReference> references)
    {
        var edges = references
            .Where(r => r.Status == ResolutionStatus.Resolved && r.Reference.From is SequenceSyntax && r.Target is SequenceSyntax)
            .GroupBy(r => r.Reference.From.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(r => r.Target!.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
        var cycles = ImmutableArray.CreateBuilder<ImmutableArray<string>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1 = on stack, 2 = done
        var stack = new List<string>();

        void Visit(string node)
        {
            state[node] = 1;
            stack.Add(node);
            foreach (var next in edges.GetValueOrDefault(node) ?? [])
            {
                if (state.GetValueOrDefault(next) == 1)
                {
                    var cycle = stack.Skip(stack.IndexOf(next)).Append(next).ToImmutableArray();
                    var signature = string.Join(",", cycle.Skip(1).Order(StringComparer.Ordinal));
                    if (seen.Add(signature))
                    {
                        cycles.Add(cycle);
                    }
                }
                else if (state.GetValueOrDefault(next) == 0)
                {
                    Visit(next);
                }
            }

            stack.RemoveAt(stack.Count - 1);
            state[node] = 2;
        }

        foreach (var node in edges.Keys.Order(StringComparer.Ordinal))
        {
            if (state.GetValueOrDefault(node) == 0)
            {
                Visit(node);
            }
        }

        return cycles.ToImmutable();
    }
}
