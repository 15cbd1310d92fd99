using System.Collections;
using SynapseToBal.IR;
using SynapseToBal.Refine;
using SynapseToBal.Syntax;

namespace SynapseToBal.Driver;

/// <summary>
/// Where in the input a symbol comes from, for a diagnostic about it (SB0906), walking every member of the package
/// (<see cref="IrMembers"/>) in declaration order: the origin of the first node that declares it (a function, client,
/// local entry, listener or store: a node with an artifact or a source location of its own, holding the symbol
/// directly), else the origin nearest around its first use (a mediator); and the name of the artifact around it when
/// one is. Only a failure asks, so the walk is not cached.
/// </summary>
internal static class SymbolOrigins
{
    /// <summary>
    /// What a diagnostic says of a symbol whose name could not be made (SB0906): where the input declares it (else where
    /// it is first used; null when nothing of the input does, as for the HTTP port) and what it is, with its artifact.
    /// </summary>
    /// <param name="artifacts">The project's artifacts: the one whose element holds a declaration's source location names it.</param>
    public static (SourceLocation? Location, string What) Describe(PackageIr package, NamingFailure failure, IReadOnlyList<ArtifactSyntax> artifacts)
    {
        (SourceLocation? Location, string? Artifact) origin;
        try
        {
            origin = Find(package, failure.Symbol);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Only a diagnostic's location is at stake: it is reported without one rather than losing the package.
            origin = (null, null);
        }

        var (location, artifact) = origin;
        if (artifact is null && location is not null)
        {
            artifact = artifacts.FirstOrDefault(a => a.Location.Path == location.Path && a.Location.Span.Contains(location.Span.Start))?.Name;
        }

        var kind = failure.Symbol.Kind switch
        {
            SymbolKind.Listener => "listener",
            SymbolKind.Function => "function",
            SymbolKind.Type => "type",
            SymbolKind.Client => "client",
            SymbolKind.Configurable => "configurable",
            SymbolKind.LocalEntry => "local entry",
            SymbolKind.Parameter => "parameter",
            _ => throw new ArgumentOutOfRangeException(nameof(failure), failure.Symbol.Kind, null),
        };
        return (location, $"naming the {kind} '{failure.Symbol.Hint}'" + (artifact is null ? string.Empty : $" of the artifact '{artifact}'"));
    }

    /// <summary>The location and artifact name of <paramref name="symbol"/>'s origin; nulls when nothing of the input declares it (the HTTP port).</summary>
    public static (SourceLocation? Location, string? Artifact) Find(PackageIr package, Symbol symbol)
    {
        var walk = new Walk(symbol);
        walk.Visit(package, null, null);
        return walk.Found ?? walk.Used ?? (null, null);
    }

    private sealed class Walk(Symbol target)
    {
        private readonly HashSet<object> _seen = new(ReferenceEqualityComparer.Instance);

        /// <summary>The origin of the node that declares the symbol.</summary>
        public (SourceLocation? Location, string? Artifact)? Found { get; private set; }

        /// <summary>The origin nearest around the symbol's first use, when no declaration is found.</summary>
        public (SourceLocation? Location, string? Artifact)? Used { get; private set; }

        public void Visit(object node, SourceLocation? location, string? artifact)
        {
            var type = node.GetType();
            if (Found is not null || type.IsPrimitive || type.IsEnum || node is decimal or string || !_seen.Add(node))
            {
                return;
            }

            var members = new List<object>();
            var sink = new Sink(members);
            IrMembers.Walk(node, ref sink);

            // The node's own origin, if it has one, is nearer than its parent's; an artifact or a source location of its
            // own makes it a declaration (a mediator's origin does not).
            var declares = false;
            foreach (var member in members)
            {
                switch (member)
                {
                    case SourceLocation own:
                        (location, declares) = (own, true);
                        break;
                    case ArtifactSyntax own:
                        (location, artifact, declares) = (own.Location, own.Name, true);
                        break;
                    case ISyntaxNode own:
                        location = own.Location;
                        break;
                }
            }

            foreach (var member in members)
            {
                if (ReferenceEquals(member, target))
                {
                    if (declares)
                    {
                        Found = (location, artifact);
                        return;
                    }

                    Used ??= (location, artifact);
                    continue;
                }

                Member(member, location, artifact);
                if (Found is not null)
                {
                    return;
                }
            }
        }

        private void Member(object member, SourceLocation? location, string? artifact)
        {
            switch (member)
            {
                case Symbol symbol:
                    if (ReferenceEquals(symbol, target))
                    {
                        Used ??= (location, artifact);
                    }

                    return;
                case string or Microsoft.CodeAnalysis.DiagnosticDescriptor or SourceLocation:
                    return;
                case var syntax when syntax.GetType().Namespace == "SynapseToBal.Syntax":
                    return;
                case IEnumerable items:
                    foreach (var item in items)
                    {
                        if (item is not null)
                        {
                            Member(item, location, artifact);
                        }
                    }

                    return;
                default:
                    Visit(member, location, artifact);
                    return;
            }
        }
    }

    private readonly struct Sink(List<object> members) : IIrMemberSink
    {
        public void Visit(object? value)
        {
            if (value is not null)
            {
                members.Add(value);
            }
        }
    }
}
