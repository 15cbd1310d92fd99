using System.Collections.Immutable;
using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

// Lowering of <sequence key>: a call of the sequence's function (and flows given by key).
public sealed partial class Lowerer
{
    private ImmutableArray<StepIr> LowerSequenceReference(SequenceReferenceMediator reference) =>
        LowerSequenceKey(reference, reference.Location, reference.Key, reference.RawXml);

    /// <summary>A call of the sequence a key names (a sequence mediator, or a flow given by key).</summary>
    private ImmutableArray<StepIr> LowerSequenceKey(MediatorSyntax? origin, SourceLocation location, KeySyntax key, string rawXml)
    {
        if (key.IsDynamic)
        {
            _diagnostics.Report(DiagnosticCatalog.DynamicKey, location, key.Text);
            return [new TodoStep(origin, new NotTranslatedIr(DiagnosticCatalog.DynamicKey, "the sequence is chosen at run time; call the matching function by hand"), rawXml)];
        }

        if (!_sequenceFunctions.TryGetValue(key.Text, out var function))
        {
            // The reference graph has reported the unresolved key; the TODO keeps the call in place.
            return [new TodoStep(origin, new NotTranslatedIr(DiagnosticCatalog.UnresolvedReference, $"sequence '{key.Text}' is not part of the input"), rawXml)];
        }

        return [new InvokeStep(origin, function, _model.SequenceFacts(key.Text).CanAnswer)];
    }
}
