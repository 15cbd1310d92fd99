using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using SynapseToBal.Syntax;

namespace SynapseToBal.Semantics;

/// <summary>
/// Walks an artifact's syntax tree: flows, every mediator (nested ones included), branches, targets and
/// endpoints. Subclasses override the <c>On…</c> hooks. Nested mediator lists are reached through the
/// containers every mediator node is built from (mediator lists, branches, targets, routes, switch cases,
/// endpoints), so a mediator nested anywhere, in any mediator kind, is visited.
/// </summary>
public abstract class SyntaxWalker
{
    public void Walk(ArtifactSyntax artifact)
    {
        OnArtifact(artifact);
        switch (artifact)
        {
            case ApiSyntax api:
                foreach (var resource in api.Resources)
                {
                    Flow(resource.InSequence);
                    Flow(resource.OutSequence);
                    Flow(resource.FaultSequence);
                }

                break;
            case ProxySyntax proxy:
                if (proxy.Target is { } target)
                {
                    Flow(target.InSequence);
                    Flow(target.OutSequence);
                    Flow(target.FaultSequence);
                    EndpointReference(target.Endpoint);
                }

                break;
            case SequenceSyntax sequence:
                Mediators(sequence.Mediators);
                break;
            case SequenceTemplateSyntax template:
                Mediators(template.Mediators);
                break;
            case EndpointTemplateSyntax template:
                Endpoint(template.Endpoint);
                break;
            case EndpointArtifactSyntax endpoint:
                Endpoint(endpoint.Endpoint);
                break;
            case LocalEntrySyntax or MessageStoreSyntax or MessageProcessorSyntax or TaskSyntax or InboundEndpointSyntax
                or RegistrySyntax or TaskManagerSyntax or ImportSyntax or EventSourceSyntax or PriorityExecutorSyntax or DataServiceSyntax or DataSourceSyntax
                or UnknownArtifactSyntax:
                break;
            default:
                throw new InvalidOperationException($"Unhandled artifact kind {artifact.GetType().Name}");
        }
    }

    /// <summary>Walks a list of mediators (and what they nest, as <see cref="DescendInto"/> allows).</summary>
    public void WalkMediators(IEnumerable<MediatorSyntax> mediators) => Mediators(mediators);

    protected virtual void OnArtifact(ArtifactSyntax artifact)
    {
    }

    /// <summary>Whether the walk enters what a mediator nests (its branches, targets, endpoints); every mediator by default.</summary>
    protected virtual bool DescendInto(MediatorSyntax mediator) => true;

    protected virtual void OnFlow(FlowSyntax flow)
    {
    }

    protected virtual void OnMediator(MediatorSyntax mediator)
    {
    }

    protected virtual void OnBranch(MediatorBranchSyntax branch)
    {
    }

    protected virtual void OnTarget(TargetSyntax target)
    {
    }

    protected virtual void OnEndpointReference(EndpointReferenceSyntax reference)
    {
    }

    protected virtual void OnEndpoint(EndpointSyntax endpoint)
    {
    }

    private void Flow(FlowSyntax? flow)
    {
        if (flow is null)
        {
            return;
        }

        OnFlow(flow);
        Mediators(flow.Mediators);
    }

    private void Mediators(IEnumerable<MediatorSyntax>? mediators)
    {
        foreach (var mediator in mediators ?? [])
        {
            OnMediator(mediator);
            if (DescendInto(mediator))
            {
                Nested(mediator);
            }
        }
    }

    private void EndpointReference(EndpointReferenceSyntax? reference)
    {
        if (reference is null)
        {
            return;
        }

        OnEndpointReference(reference);
        if (reference is EndpointReferenceSyntax.Inline inline)
        {
            Endpoint(inline.Endpoint);
        }
    }

    private void Endpoint(EndpointSyntax endpoint)
    {
        OnEndpoint(endpoint);
        var children = endpoint.Definition switch
        {
            FailoverEndpointSyntax failover => failover.Children,
            LoadbalanceEndpointSyntax loadbalance => loadbalance.Children,
            RecipientListEndpointSyntax recipients => recipients.Children,
            _ => [],
        };
        foreach (var child in children)
        {
            Endpoint(child);
        }
    }

    /// <summary>The properties of each node type that can hold nested syntax (strings, raw XML and indexers excluded), looked up once per type.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, PropertyInfo[]> ContainerProperties = new();

    /// <summary>Visits the containers a node holds (by its properties): mediator lists, branches, targets, routes, endpoints.</summary>
    private void Nested(object node)
    {
        var properties = ContainerProperties.GetOrAdd(node.GetType(), ContainersOf);
        foreach (var property in properties)
        {
            Visit(property.GetValue(node));
        }
    }

    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "Reads the public properties of this assembly's own syntax and IR node types, which a trimmed or Native AOT publish keeps whole (the CLI roots this assembly: TrimmerRootAssembly in SynapseToBal.Cli.csproj); values of other assemblies' types are handled before the reflection (strings, enums, collections, descriptors).")]
    private static PropertyInfo[] ContainersOf(Type type) => type
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.GetIndexParameters().Length == 0 && p.PropertyType != typeof(string) && !p.PropertyType.IsPrimitive
            && !p.PropertyType.IsEnum && p.PropertyType != typeof(SourceLocation) && p.PropertyType != typeof(RawXmlText) && p.Name != "EqualityContract")
        .ToArray();

    private void Visit(object? value)
    {
        switch (value)
        {
            case null or string:
                return;
            case MediatorSyntax mediator:
                Mediators([mediator]);
                return;
            case MediatorBranchSyntax branch:
                OnBranch(branch);
                Mediators(branch.Mediators);
                return;
            case TargetSyntax target:
                OnTarget(target);
                Mediators(target.Sequence);
                if (target.Endpoint is { } targetEndpoint)
                {
                    Endpoint(targetEndpoint);
                }

                return;
            case EndpointReferenceSyntax reference:
                EndpointReference(reference);
                return;
            case EndpointSyntax endpoint:
                Endpoint(endpoint);
                return;
            case FlowSyntax flow:
                Flow(flow);
                return;
            case SwitchCaseSyntax or RouteSyntax or ScatterGatherAggregationSyntax:
                Nested(value);
                return;
            case IEnumerable items when value is not IDictionary:
                foreach (var item in items)
                {
                    if (item is MediatorSyntax or MediatorBranchSyntax or TargetSyntax or EndpointReferenceSyntax or EndpointSyntax
                        or FlowSyntax or SwitchCaseSyntax or RouteSyntax or ScatterGatherAggregationSyntax)
                    {
                        Visit(item);
                    }
                }

                return;
        }
    }
}

/// <summary>Collects every mediator of the artifacts it walks, nested ones included.</summary>
public sealed class MediatorCollector : SyntaxWalker
{
    private readonly List<MediatorSyntax> _mediators = new();

    public IReadOnlyList<MediatorSyntax> Mediators => _mediators;

    /// <summary>
    /// Every mediator of the artifacts, in walk order. Each artifact is walked once per conversion (its syntax never
    /// changes): the lowering, the semantic model and the report ask for the whole project's mediators many times,
    /// and each walk reads the nodes by reflection.
    /// </summary>
    public static IReadOnlyList<MediatorSyntax> Collect(IEnumerable<ArtifactSyntax> artifacts)
    {
        var mediators = new List<MediatorSyntax>();
        foreach (var artifact in artifacts)
        {
            mediators.AddRange(OfArtifact(artifact));
        }

        return mediators;
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ArtifactSyntax, MediatorSyntax[]> ByArtifact = new();

    /// <summary>Every mediator of one artifact, in walk order (walked once per conversion, as <see cref="Collect"/>; not a copy: do not change it).</summary>
    public static IReadOnlyList<MediatorSyntax> Of(ArtifactSyntax artifact) => OfArtifact(artifact);

    private static MediatorSyntax[] OfArtifact(ArtifactSyntax artifact) => ByArtifact.GetValue(artifact, static walked =>
    {
        var collector = new MediatorCollector();
        collector.Walk(walked);
        return [.. collector._mediators];
    });

    protected override void OnMediator(MediatorSyntax mediator) => _mediators.Add(mediator);

    /// <summary>
    /// <paramref name="walked"/> (mediators a walk collected) and every mediator of the aggregates' onComplete flows among
    /// them, which the walker does not enter, breadth first: each flow is walked when its turn comes and its own
    /// onComplete flows are queued. <paramref name="follow"/> gives, for each mediator, further mediator lists it leads
    /// to (a called sequence or template), queued after its onComplete flow and walked the same way.
    /// </summary>
    public static List<MediatorSyntax> WithOnComplete(IEnumerable<MediatorSyntax> walked, Func<MediatorSyntax, IReadOnlyList<IEnumerable<MediatorSyntax>>>? follow = null)
    {
        var found = new List<MediatorSyntax>();
        var pending = new Queue<IEnumerable<MediatorSyntax>>();
        void Take(IEnumerable<MediatorSyntax> mediators)
        {
            foreach (var mediator in mediators)
            {
                found.Add(mediator);
                if (mediator is AggregateMediator { OnComplete.Flow: { } onComplete })
                {
                    pending.Enqueue(onComplete.Mediators);
                }

                foreach (var next in follow?.Invoke(mediator) ?? [])
                {
                    pending.Enqueue(next);
                }
            }
        }

        Take(walked);
        while (pending.Count > 0)
        {
            var collector = new MediatorCollector();
            collector.WalkMediators(pending.Dequeue());
            Take(collector._mediators);
        }

        return found;
    }
}
