using System.Collections.Immutable;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

// A failover group among the members of a failover group. Synapse's FailoverEndpoint sends to its first ready child;
// a child failover does the same with its own members and, when they have all failed (and are suspended, as an
// endpoint is by default after a failure), tells its parent, which goes on with its next ready child. So the members
// are tried in the order of a depth-first walk: the nested group's members in its place, which is what one
// failover group over the flattened list does. Other nestings (a loadbalance in a failover, a group in a
// loadbalance) have no single Ballerina client and stay TODOs (SB0226).
public sealed partial class Lowerer
{
    /// <summary>Failover definitions whose nested failover members were flattened: the note their client carries.</summary>
    private readonly Dictionary<EndpointDefinitionSyntax, string> _flattenedGroupNotes = new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// The members of a failover group with every member that is itself a failover group (inline, or a static key naming
    /// one of the input) replaced by its own members, recursively; the list unchanged when there is none.
    /// </summary>
    private ImmutableArray<EndpointSyntax> FlattenedFailoverChildren(FailoverEndpointSyntax failover)
    {
        var flattened = ImmutableArray.CreateBuilder<EndpointSyntax>();
        var nested = new List<string>();
        var visiting = new HashSet<string>(StringComparer.Ordinal);

        void Add(ImmutableArray<EndpointSyntax> children, int depth)
        {
            foreach (var child in children)
            {
                switch (child.Definition)
                {
                    case FailoverEndpointSyntax inner when depth < 8:
                        nested.Add(child.Name ?? $"the inline failover at line {inner.Location.LineSpan.Start.Line + 1}");
                        Add(inner.Children, depth + 1);
                        break;
                    case IndirectEndpointSyntax { Key.IsDynamic: false } reference
                        when depth < 8 && _model.Symbols.Endpoint(reference.Key.Text) is { Endpoint.Definition: FailoverEndpointSyntax named }
                            && !_endpointsInProgress.Contains(reference.Key.Text) && visiting.Add(reference.Key.Text):
                        nested.Add($"'{reference.Key.Text}'");
                        Add(named.Children, depth + 1);
                        visiting.Remove(reference.Key.Text);
                        break;
                    default:
                        flattened.Add(child);
                        break;
                }
            }
        }

        Add(failover.Children, 0);
        if (nested.Count == 0)
        {
            return failover.Children;
        }

        _flattenedGroupNotes[failover] = $"The nested failover group{(nested.Count > 1 ? "s" : string.Empty)} ({string.Join(", ", nested)}) {(nested.Count > 1 ? "are" : "is")} tried in place, member by member: Synapse's failover goes to the next member of the outer group once every member of the inner one has failed, so the order is the same; the inner group's own settings (dynamic, buildMessage, properties) are not applied, and a named inner group's members get URL configurables of their own here.";
        return flattened.ToImmutable();
    }
}
