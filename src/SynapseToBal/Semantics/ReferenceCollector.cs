using SynapseToBal.Syntax;

namespace SynapseToBal.Semantics;

/// <summary>Collects every key an artifact uses; what each key names is decided per construct.</summary>
internal sealed class ReferenceCollector : SyntaxWalker
{
    private readonly ArtifactSyntax _from;
    private readonly List<SymbolReference> _references = new();

    private ReferenceCollector(ArtifactSyntax from) => _from = from;

    public static IReadOnlyList<SymbolReference> Collect(ArtifactSyntax artifact)
    {
        var collector = new ReferenceCollector(artifact);
        collector.Walk(artifact);
        return collector._references;
    }

    protected override void OnArtifact(ArtifactSyntax artifact)
    {
        switch (artifact)
        {
            case ProxySyntax proxy:
                if (proxy.PublishWsdl is { } wsdl)
                {
                    Text(ReferenceKind.Resource, wsdl.Key, wsdl.Location);
                    foreach (var resource in wsdl.Resources)
                    {
                        Text(ReferenceKind.Resource, resource.Key, resource.Location);
                    }
                }

                foreach (var policy in proxy.Policies)
                {
                    Text(ReferenceKind.Resource, policy.Key, policy.Location);
                }

                break;
            case SequenceSyntax sequence:
                Text(ReferenceKind.Sequence, sequence.OnError, sequence.Location);
                break;
            case SequenceTemplateSyntax template:
                Text(ReferenceKind.Sequence, template.OnError, template.Location);
                break;
            case InboundEndpointSyntax inbound:
                Text(ReferenceKind.Sequence, inbound.Sequence, inbound.Location);
                Text(ReferenceKind.Sequence, inbound.OnError, inbound.Location);
                break;
            case MessageProcessorSyntax processor:
                Text(ReferenceKind.MessageStore, processor.MessageStore, processor.Location);
                Text(ReferenceKind.Endpoint, processor.TargetEndpoint, processor.Location);
                foreach (var parameter in processor.Parameters)
                {
                    if (parameter.Name.StartsWith("message.processor.", StringComparison.Ordinal) && parameter.Name.EndsWith(".sequence", StringComparison.Ordinal))
                    {
                        Text(ReferenceKind.Sequence, parameter.Text, parameter.Location);
                    }
                }

                break;
            case TaskSyntax task:
                foreach (var property in task.Properties)
                {
                    switch (property.Name)
                    {
                        case "sequenceName":
                            Text(ReferenceKind.Sequence, property.Value, property.Location);
                            break;
                        case "proxyName":
                            Text(ReferenceKind.Proxy, property.Value, property.Location);
                            break;
                        case "registryKey":
                            Text(ReferenceKind.Resource, property.Value, property.Location);
                            break;
                    }
                }

                break;
        }
    }

    protected override void OnFlow(FlowSyntax flow)
    {
        Key(ReferenceKind.Sequence, flow.Key, flow.Location);
        Text(ReferenceKind.Sequence, flow.OnError, flow.Location);
    }

    protected override void OnBranch(MediatorBranchSyntax branch) => Key(ReferenceKind.Sequence, branch.SequenceKey, branch.Location);

    protected override void OnTarget(TargetSyntax target)
    {
        Key(ReferenceKind.Sequence, target.SequenceKey, target.Location);
        Key(ReferenceKind.Endpoint, target.EndpointKey, target.Location);
    }

    protected override void OnEndpointReference(EndpointReferenceSyntax reference)
    {
        if (reference is EndpointReferenceSyntax.Key key)
        {
            Key(ReferenceKind.Endpoint, key.Value, key.Location);
        }
    }

    protected override void OnEndpoint(EndpointSyntax endpoint)
    {
        switch (endpoint.Definition)
        {
            case IndirectEndpointSyntax indirect:
                Key(ReferenceKind.Endpoint, indirect.Key, indirect.Location);
                break;
            case TemplateEndpointSyntax template:
                Text(ReferenceKind.EndpointTemplate, template.Template, template.Location);
                break;
        }
    }

    protected override void OnMediator(MediatorSyntax mediator)
    {
        // The keys this mediator itself uses.
        switch (mediator)
        {
            case SequenceReferenceMediator reference:
                Key(ReferenceKind.Sequence, reference.Key, reference.Location);
                break;
            case SendMediator send:
                Key(ReferenceKind.Sequence, send.ReceiveSequence, send.Location);
                break;
            case CallTemplateMediator callTemplate:
                Text(ReferenceKind.SequenceTemplate, callTemplate.Target, callTemplate.Location);
                Text(ReferenceKind.Sequence, callTemplate.OnError, callTemplate.Location);
                break;
            case StoreMediator store:
                Key(ReferenceKind.MessageStore, store.MessageStore, store.Location);
                Key(ReferenceKind.Sequence, store.Sequence, store.Location);
                break;
            case EnqueueMediator enqueue:
                Key(ReferenceKind.Sequence, enqueue.Sequence, enqueue.Location);
                break;
            case ForEachMediator forEach:
                Key(ReferenceKind.Sequence, forEach.SequenceKey, forEach.Location);
                break;
            case PayloadFactoryMediator factory:
                Text(ReferenceKind.Resource, factory.FormatKey, factory.Location);
                break;
            case XsltMediator xslt:
                Key(ReferenceKind.Resource, xslt.Key, xslt.Location);
                Resources(xslt.Resources);
                break;
            case FastXsltMediator fastXslt:
                Key(ReferenceKind.Resource, fastXslt.Key, fastXslt.Location);
                break;
            case XQueryMediator xquery:
                Key(ReferenceKind.Resource, xquery.Key, xquery.Location);
                break;
            case ScriptMediator script:
                Key(ReferenceKind.Resource, script.Key, script.Location);
                foreach (var include in script.Includes)
                {
                    Key(ReferenceKind.Resource, include, script.Location);
                }

                break;
            case ValidateMediator validate:
                foreach (var schema in validate.Schemas)
                {
                    Key(ReferenceKind.Resource, schema, validate.Location);
                }

                Resources(validate.Resources);
                break;
            case DataMapperMediator mapper:
                Key(ReferenceKind.Resource, mapper.Config, mapper.Location);
                Key(ReferenceKind.Resource, mapper.InputSchema, mapper.Location);
                Key(ReferenceKind.Resource, mapper.OutputSchema, mapper.Location);
                Key(ReferenceKind.Resource, mapper.XsltStyleSheet, mapper.Location);
                break;
            case SmooksMediator smooks:
                Key(ReferenceKind.Resource, smooks.ConfigKey, smooks.Location);
                break;
            case SpringMediator spring:
                Key(ReferenceKind.Resource, spring.ConfigKey, spring.Location);
                break;
            case ThrottleMediator throttle:
                Key(ReferenceKind.Resource, throttle.PolicyKey, throttle.Location);
                break;
            case CalloutMediator callout:
                Text(ReferenceKind.Endpoint, callout.EndpointKey, callout.Location);
                break;
            case ConnectorOperationMediator connector:
                Text(ReferenceKind.Resource, connector.ConfigKey, connector.Location);
                break;
        }
    }

    private void Resources(IEnumerable<ResourceSyntax> resources)
    {
        foreach (var resource in resources)
        {
            Key(ReferenceKind.Resource, resource.Key, resource.Location);
        }
    }

    private void Key(ReferenceKind kind, KeySyntax? key, SourceLocation location)
    {
        if (key is null || key.Text.Length == 0)
        {
            return;
        }

        _references.Add(new SymbolReference(kind, key.Text, key.IsDynamic, location, _from));
    }

    private void Text(ReferenceKind kind, string? key, SourceLocation location)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            return;
        }

        var trimmed = key.Trim();
        var dynamic = trimmed.Length > 2 && trimmed[0] == '{' && trimmed[^1] == '}';
        _references.Add(new SymbolReference(kind, trimmed, dynamic, location, _from));
    }
}
