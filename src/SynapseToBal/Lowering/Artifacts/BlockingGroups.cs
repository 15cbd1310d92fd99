using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Semantics;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

// A blocking call, a callout or a forwarding processor through a failover or loadbalance endpoint. Since Synapse
// 2.1.7-wso2v59 the three send through the endpoint's send with the blocking sender on the message
// (BLOCKING_MSG_SENDER), so the group chooses its members as for a non-blocking send and each member sends with
// BlockingMsgSender.send(EndpointDefinition, ...); the generated code goes through the group's EndpointGroup
// (callGroup with blocking = true). Older Synapse threw "Endpoint Type not supported" for a group there: an info note
// (SB0252) says so for projects that come from such an Enterprise Integrator.
public sealed partial class Lowerer
{
    /// <summary>Reports SB0252 when <paramref name="client"/> is a failover or loadbalance group sent to with the blocking sender.</summary>
    private void ReportBlockingGroup(ClientIr? client, SourceLocation? location, string element)
    {
        if (client?.Group is not { } group)
        {
            return;
        }

        _diagnostics.Report(DiagnosticCatalog.BlockingGroupSend, location, element, group.Kind == ClientGroupKind.Failover ? "failover" : "loadbalance", client.SynapseName);
    }
}

public sealed partial class Lowerer
{
    /// <summary>The default-scope property ForwardingService reads the endpoint name from (ForwardingProcessorConstants.TARGET_ENDPOINT).</summary>
    private const string TargetEndpointProperty = "target.endpoint";

    /// <summary>
    /// The endpoint names the input's messages can carry in their <c>target.endpoint</c> property, when every mediator
    /// that sets it gives a literal name (a property mediator with a value); null when some sets it from an expression
    /// or an enrich, or a property mediator's name is computed, so any name is possible.
    /// </summary>
    private HashSet<string>? TargetEndpointNames() => (_targetEndpointNames ??= [FindTargetEndpointNames()])[0];

    /// <summary><see cref="TargetEndpointNames"/>, found once per lowering (a walk of every mediator of the input).</summary>
    private HashSet<string>?[]? _targetEndpointNames;

    private HashSet<string>? FindTargetEndpointNames()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var mediator in _model.Mediators)
        {
            switch (mediator)
            {
                case PropertyMediator { DynamicName: not null }:
                    return null;
                case PropertyMediator { Name: TargetEndpointProperty, Action: not PropertyAction.Remove } property when property.Scope is "default":
                    if (property.Value is not ValueSyntax.Literal literal)
                    {
                        return null;
                    }

                    names.Add(literal.Text);
                    break;
                case EnrichMediator { Target: { Type: EnrichTargetType.Property, Property: TargetEndpointProperty } }:
                    return null;
            }
        }

        return names;
    }
}
