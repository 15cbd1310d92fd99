using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Semantics;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

// An aggregate that nothing in the input can feed. Synapse's AggregateMediator gathers a message only when it
// carries the correlation property of its id (aggregateCorelation[.<id>]) or matches its correlateOn expression;
// any other message passes it unchanged (mediate returns true: "Unable to find aggrgation correlation property")
// and its onComplete never runs. The property is set on the copies MessageHelper.cloneMessageContext makes
// (iterate, clone, a recipient list, the MI 4.4 foreach and scatter-gather, the store mediator, an OAuth endpoint's
// retry copy): when the input makes no such copy, runs no code that could, and refers to no sequence, template or
// endpoint that is not part of it, the aggregate is a pass-through.
public sealed partial class Lowerer
{
    private string? _nothingSplitsReason;
    private bool _nothingSplitsChecked;

    /// <summary>
    /// An aggregate with no split pairing it, when nothing in the input can give it a message to gather: a comment
    /// keeping its XML (it never completes) and SB0236; the message goes on unchanged. Null otherwise.
    /// </summary>
    private IEnumerable<StepIr>? LowerAggregateWithoutSplit(AggregateMediator aggregate)
    {
        if (aggregate.CorrelateOn is not null || WhatMayFeedAggregates() is not null)
        {
            return null;
        }

        _diagnostics.Report(DiagnosticCatalog.AggregateNeverCompletes, aggregate.Location);
        return [new DeadCodeStep(aggregate, "never completes: nothing in the input makes the copies it gathers (no iterate, clone, recipient list, MI 4.4 foreach or scatter-gather, store or OAuth endpoint), so every message passes it unchanged, as Synapse's aggregate lets through a message without its correlation property")];
    }

    /// <summary>Why some message of the input may carry an aggregate's correlation property (the first reason found), or null when none can.</summary>
    private string? WhatMayFeedAggregates()
    {
        if (!_nothingSplitsChecked)
        {
            _nothingSplitsChecked = true;
            var finder = new CorrelatedCopyFinder();
            foreach (var artifact in _model.Artifacts)
            {
                finder.Walk(artifact);
            }

            _nothingSplitsReason = finder.Reason
                ?? _model.Graph.References
                    .Where(reference => reference.Reference.Kind is ReferenceKind.Sequence or ReferenceKind.SequenceTemplate or ReferenceKind.Endpoint or ReferenceKind.EndpointTemplate)
                    .Where(reference => reference.Status is ResolutionStatus.Unresolved or ResolutionStatus.Registry or ResolutionStatus.Dynamic)
                    .Select(reference => $"the {ReferenceGraph.Describe(reference.Reference.Kind).ToLowerInvariant()} '{reference.Reference.Key}' is not part of the input or is chosen at run time")
                    .FirstOrDefault();
        }

        return _nothingSplitsReason;
    }

    /// <summary>Finds a mediator or endpoint that makes a copy carrying the aggregate correlation property, or code that may.</summary>
    private sealed class CorrelatedCopyFinder : SyntaxWalker
    {
        public string? Reason { get; private set; }

        protected override void OnArtifact(ArtifactSyntax artifact)
        {
            // A message processor runs stored messages, which keep the properties of the message stored (another
            // project's copy included).
            Reason ??= artifact is MessageProcessorSyntax ? "a message processor (the messages it takes from a store keep their properties)" : null;
            base.OnArtifact(artifact);
        }

        protected override void OnMediator(MediatorSyntax mediator)
        {
            Reason ??= mediator switch
            {
                IterateMediator or CloneMediator or ScatterGatherMediator or StoreMediator => $"<{mediator.ElementName}>",
                ForEachMediator { IsVersion2: true } => "<foreach collection>",
                ClassMediator or ScriptMediator or SpringMediator or BeanMediator or EjbMediator or ConnectorOperationMediator => $"<{mediator.ElementName}> (code that may copy messages)",
                PropertyMediator property when property.Name?.StartsWith("aggregateCorelation", StringComparison.Ordinal) == true => $"<property name=\"{property.Name}\">",
                _ => null,
            };
            base.OnMediator(mediator);
        }

        protected override void OnEndpoint(EndpointSyntax endpoint)
        {
            Reason ??= endpoint.Definition switch
            {
                RecipientListEndpointSyntax => "a recipientlist endpoint",
                HttpEndpointSyntax { Authentication.Scheme: "oauth" } => "an OAuth http endpoint (its retry copy)",
                _ => null,
            };
            base.OnEndpoint(endpoint);
        }
    }
}
