using System.Collections.Immutable;
using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

// Lowering of <store messageStore sequence>: a copy of the message goes into the store's queue.
public sealed partial class Lowerer
{
    /// <summary>
    /// The steps that set RESPONSE_WRITTEN to SKIP in the request's thread and go on there (a store, a RESPONSE property
    /// set), reached without FORCE_SC_ACCEPTED known to be set (by reference: equal records may differ in that).
    /// </summary>
    private readonly HashSet<StepIr> _unacknowledgedSkips = new(ReferenceEqualityComparer.Instance);

    /// <summary>The steps of axis2 FORCE_SC_ACCEPTED set to a literal, with the value (read by FallThroughStates).</summary>
    private readonly Dictionary<StepIr, bool> _forceAcceptedMarks = new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// The store mediator (MessageStoreMediator): runs the on-store sequence when it exists, then stores a clone of
    /// the message; the flow goes on. A store chosen by an expression, or one that is not translated, is a TODO.
    /// </summary>
    private ImmutableArray<StepIr> LowerStore(StoreMediator mediator, FlowContext context)
    {
        if (mediator.MessageStore is not { } key)
        {
            // The parser has reported the missing attribute.
            return [new TodoStep(mediator, new NotTranslatedIr(DiagnosticCatalog.MediatorNotTranslated, "the store mediator names no message store"), mediator.RawXml)];
        }

        if (key.IsDynamic)
        {
            _diagnostics.Report(DiagnosticCatalog.DynamicKey, mediator.Location, key.Text);
            return [new TodoStep(mediator, new NotTranslatedIr(DiagnosticCatalog.DynamicKey, "the message store is chosen at run time; call store(ctx) on the matching store by hand"), mediator.RawXml)];
        }

        if (!_messageStores.TryGetValue(key.Text, out var store))
        {
            if (_storeReasons.TryGetValue(key.Text, out var notTranslated))
            {
                _diagnostics.Report(DiagnosticCatalog.MessageStoreNotTranslated, mediator.Location, key.Text, notTranslated.Kind, "the store mediator that writes to it is kept in a TODO");
                return [new TodoStep(mediator, notTranslated.Reason with { Message = $"store the message with the producer of the {notTranslated.Kind} message store '{key.Text}', which is not translated (see the store's TODO)" }, mediator.RawXml)];
            }

            // The reference graph has reported the unresolved key.
            return [new TodoStep(mediator, new NotTranslatedIr(DiagnosticCatalog.UnresolvedReference, $"message store '{key.Text}' is not part of the input"), mediator.RawXml)];
        }

        ProcessorSequenceIr? sequence = null;
        if (mediator.Sequence is { } onStore)
        {
            if (onStore.IsDynamic)
            {
                _diagnostics.Report(DiagnosticCatalog.DynamicKey, mediator.Location, onStore.Text);
                return [new TodoStep(mediator, new NotTranslatedIr(DiagnosticCatalog.DynamicKey, "the on-store sequence is chosen at run time; call it before store(ctx) by hand"), mediator.RawXml)];
            }

            // Synapse skips an on-store sequence it cannot find (the reference graph reports it).
            if (_sequenceFunctions.TryGetValue(onStore.Text, out var function))
            {
                sequence = new ProcessorSequenceIr(function, _model.SequenceFacts(onStore.Text).CanAnswer);
            }
        }

        // Guaranteed delivery: a message the JMS store cannot take goes to the in-memory failover store (checked when the stores were lowered).
        var failover = store.Jms?.FailoverStoreName is { } failoverName && _messageStores.TryGetValue(failoverName, out var failoverStore) ? failoverStore.Name : null;
        var step = new StoreMessageStep(mediator, store.Name, sequence) { External = store.Jms is not null ? "JMS" : store.Jdbc is not null ? "JDBC" : store.RabbitMq is not null ? "RabbitMQ" : null, Failover = failover };
        if (context.Exchange.Current.ForceAccepted != Known.Yes)
        {
            // MessageStoreMediator sets RESPONSE_WRITTEN=SKIP: unless FORCE_SC_ACCEPTED is set, the listener then
            // sends no 202 (ServerWorker.sendAck), so a flow ending after this store leaves the client waiting.
            _unacknowledgedSkips.Add(step);
        }

        return [step];
    }
}
