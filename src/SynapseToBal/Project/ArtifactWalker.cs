using System.Collections;
using System.Reflection;
using SynapseToBal.Syntax;

namespace SynapseToBal.Project;

public enum ReferenceKind
{
    Sequence,
    Endpoint,
}

/// <summary>A static key an artifact uses to name a sequence or an endpoint.</summary>
public sealed record KeyReference(ReferenceKind Kind, string Key, SourceLocation Location);

/// <summary>
/// Visits every mediator of an artifact, nested ones included, and collects the static sequence and
/// endpoint keys. Node types it knows are matched directly; for node types added later it looks at their
/// properties (mediators, flows, endpoint references, lists of those) by reflection.
/// </summary>
public sealed class ArtifactWalker
{
    private const int MaxDepth = 200;

    private readonly List<MediatorSyntax> _mediators = new();
    private readonly List<KeyReference> _references = new();

    public IReadOnlyList<MediatorSyntax> Mediators => _mediators;

    public IReadOnlyList<KeyReference> References => _references;

    public static ArtifactWalker Walk(IEnumerable<ArtifactSyntax> artifacts)
    {
        var walker = new ArtifactWalker();
        foreach (var artifact in artifacts)
        {
            walker.VisitArtifact(artifact);
        }

        return walker;
    }

    public void VisitArtifact(ArtifactSyntax artifact)
    {
        switch (artifact)
        {
            case ApiSyntax api:
                foreach (var resource in api.Resources)
                {
                    VisitFlow(resource.InSequence, 0);
                    VisitFlow(resource.OutSequence, 0);
                    VisitFlow(resource.FaultSequence, 0);
                }

                break;
            case SequenceSyntax sequence:
                AddSequence(sequence.OnError, sequence.Location);
                VisitMediators(sequence.Mediators, 0);
                break;
            case EndpointArtifactSyntax:
            case LocalEntrySyntax:
            case UnknownArtifactSyntax:
                break;
            default:
                VisitProperties(artifact, 0);
                break;
        }
    }

    private void VisitFlow(FlowSyntax? flow, int depth)
    {
        if (flow is null)
        {
            return;
        }

        if (flow.Key is { IsDynamic: false } key)
        {
            AddSequence(key.Text, flow.Location);
        }

        AddSequence(flow.OnError, flow.Location);
        VisitMediators(flow.Mediators, depth + 1);
    }

    private void VisitMediators(IEnumerable<MediatorSyntax>? mediators, int depth)
    {
        if (mediators is null)
        {
            return;
        }

        foreach (var mediator in mediators)
        {
            VisitMediator(mediator, depth);
        }
    }

    private void VisitMediator(MediatorSyntax mediator, int depth)
    {
        if (depth > MaxDepth)
        {
            return;
        }

        _mediators.Add(mediator);
        switch (mediator)
        {
            case FilterMediator filter:
                VisitMediators(filter.Then, depth + 1);
                VisitMediators(filter.Else, depth + 1);
                break;
            case SwitchMediator @switch:
                foreach (var @case in @switch.Cases)
                {
                    VisitMediators(@case.Mediators, depth + 1);
                }

                if (@switch.Default is { } otherwise)
                {
                    VisitMediators(otherwise, depth + 1);
                }

                break;
            case DirectionMediator direction:
                VisitMediators(direction.Mediators, depth + 1);
                break;
            case SequenceReferenceMediator reference:
                if (!reference.Key.IsDynamic)
                {
                    AddSequence(reference.Key.Text, reference.Location);
                }

                break;
            case CallMediator call:
                VisitEndpoint(call.Endpoint);
                break;
            case SendMediator send:
                VisitEndpoint(send.Endpoint);
                if (send.ReceiveSequence is { IsDynamic: false } receive)
                {
                    AddSequence(receive.Text, send.Location);
                }

                break;
            case LogMediator or PropertyMediator or PayloadFactoryMediator or RespondMediator or DropMediator
                or LoopbackMediator or HeaderMediator or UnknownMediator:
                break;
            default:
                VisitProperties(mediator, depth + 1);
                break;
        }
    }

    private void VisitEndpoint(EndpointReferenceSyntax? endpoint)
    {
        if (endpoint is EndpointReferenceSyntax.Key { Value.IsDynamic: false } key)
        {
            _references.Add(new KeyReference(ReferenceKind.Endpoint, key.Value.Text, key.Location));
        }
    }

    private void AddSequence(string? key, SourceLocation location)
    {
        if (!string.IsNullOrWhiteSpace(key))
        {
            _references.Add(new KeyReference(ReferenceKind.Sequence, key.Trim(), location));
        }
    }

    /// <summary>For node types this walker does not know: visits whatever mediators, flows and endpoint references they hold.</summary>
    private void VisitProperties(object node, int depth, SourceLocation? inherited = null)
    {
        if (depth > MaxDepth)
        {
            return;
        }

        var location = node.GetType().GetProperty("Location")?.GetValue(node) as SourceLocation ?? inherited;
        foreach (var property in node.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.Name is "Location" or "RawXml" or "EqualityContract")
            {
                continue;
            }

            VisitValue(property.GetValue(node), property.Name, location, depth);
        }
    }

    private void VisitValue(object? value, string name, SourceLocation? location, int depth)
    {
        switch (value)
        {
            case null or string:
                return;
            case MediatorSyntax mediator:
                VisitMediator(mediator, depth + 1);
                return;
            case FlowSyntax flow:
                VisitFlow(flow, depth + 1);
                return;
            case EndpointReferenceSyntax endpoint:
                VisitEndpoint(endpoint);
                return;
            case KeySyntax { IsDynamic: false } key when location is not null:
                if (name.Contains("Sequence", StringComparison.Ordinal))
                {
                    AddSequence(key.Text, location);
                }
                else if (name.Contains("Endpoint", StringComparison.Ordinal))
                {
                    _references.Add(new KeyReference(ReferenceKind.Endpoint, key.Text, location));
                }

                return;
            case IEnumerable items when !IsDefaultArray(value):
                foreach (var item in items)
                {
                    VisitValue(item, name, location, depth + 1);
                }

                return;
            default:
                var type = value.GetType();
                if (type.Namespace == typeof(MediatorSyntax).Namespace && !type.IsEnum && !type.IsPrimitive
                    && value is not (KeySyntax or ExpressionSyntax or SourceLocation or IEnumerable))
                {
                    VisitProperties(value, depth + 1, location);
                }

                return;
        }
    }

    private static bool IsDefaultArray(object value) =>
        value.GetType().GetProperty("IsDefault")?.GetValue(value) is true;
}
