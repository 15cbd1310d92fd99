using System.Collections.Immutable;
using System.Globalization;
using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Semantics;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

// Lowering of <iterate>, <clone> and <aggregate>: the split-and-gather shapes the Micro Integrator runs become one
// ForkStep (copies of the message, each run by a generated branch function, then their aggregation) followed by the
// onComplete flow. Any other shape stays a TODO (SB0219) saying why.
public sealed partial class Lowerer
{
    /// <summary>Out flows whose first mediator is an aggregate, by out function: an iterate or clone of the in flow whose targets send pairs with it.</summary>
    private readonly Dictionary<Symbol, AggregateMediator> _outFlowAggregates = new();

    /// <summary>The out flow of each out function, by out function.</summary>
    private readonly Dictionary<Symbol, FlowSyntax> _outFlows = new();

    /// <summary>Remembers the aggregate an out flow starts with (called when the out flow is lowered, before the in flow).</summary>
    private void RecordOutFlowAggregate(Symbol outFunction, FlowSyntax outFlow)
    {
        _outFlows[outFunction] = outFlow;
        if (EntryAggregate(outFlow.Mediators, outFlow.Key, 0) is { } aggregate)
        {
            _outFlowAggregates[outFunction] = aggregate;
        }
    }

    private HashSet<AggregateMediator>? _entryAggregates;

    /// <summary>
    /// The aggregate an out flow starts with: its first mediator, or the first mediator of the sequence it starts by
    /// calling (or is given by key), followed through a few static keys. Mediators that only work on the message
    /// may come before it (<see cref="RunsOnEachResponse"/>): each response runs them before the aggregate takes it
    /// (SynapseCallbackReceiver hands every response to the out flow, which mediates it from its first mediator).
    /// They are kept with the rest of that flow after the aggregate in <see cref="_entryPrefixes"/>.
    /// </summary>
    private AggregateMediator? EntryAggregate(ImmutableArray<MediatorSyntax> mediators, KeySyntax? key, int depth)
    {
        if (depth > 4)
        {
            return null;
        }

        if (key is not null)
        {
            return !key.IsDynamic && _model.Symbols.Sequence(key.Text) is { } named ? EntryAggregate(named.Mediators, null, depth + 1) : null;
        }

        var index = 0;
        while (index < mediators.Length && RunsOnEachResponse(mediators[index]))
        {
            index++;
        }

        switch (index < mediators.Length ? mediators[index] : null)
        {
            case AggregateMediator aggregate:
                if (index > 0)
                {
                    _entryPrefixes[aggregate] = (mediators[..index], mediators[(index + 1)..]);
                }

                return aggregate;
            case SequenceReferenceMediator reference when index == 0:
                // A prefix inside the called sequence is only followed when nothing comes after the call.
                return EntryAggregate([], reference.Key, depth + 1) is { } found
                    && (!_entryPrefixes.ContainsKey(found) || mediators.Length == 1) ? found : null;
            case CallTemplateMediator call when index == 0 && _model.Symbols.SequenceTemplate(call.Target) is { } template:
                // A template the out flow starts by calling runs its mediators on each response as a sequence would
                // (InvokeMediator pushes the template's parameters and mediates its sequence), so an aggregate first
                // there gathers the copies the same way. The aggregate is lowered in the out flow, where the
                // template's parameters are not bound: it pairs only when nothing up to it, nor it, reads them.
                if (EntryAggregate(template.Mediators, null, depth + 1) is not { } inTemplate
                    || (_entryPrefixes.ContainsKey(inTemplate) && mediators.Length != 1))
                {
                    return null;
                }

                var read = (_entryPrefixes.TryGetValue(inTemplate, out var shape) ? shape.Prefix.Concat(shape.After) : []).Append(inTemplate);
                if (read.Any(mediator => ReadsTemplateParameter(mediator.RawXml)))
                {
                    // Unless every call of the template passes all its parameters lazily, the same way: the aggregate
                    // then reads those XPaths on each response, wherever it is lowered.
                    if (AggregateBinding(call) is { } binding)
                    {
                        _aggregateLazyParams[inTemplate] = binding;
                        return inTemplate;
                    }

                    _templateParameterAggregates[inTemplate] = call.Target;
                    return null;
                }

                return inTemplate;
            case SequenceReferenceMediator { Key: { IsDynamic: false } calledKey } when index > 0 && index == mediators.Length - 1
                && CalledOnce(ReferenceKind.Sequence, calledKey.Text) && _model.Symbols.Sequence(calledKey.Text) is { } named:
                return PrefixedEntryAggregate(mediators[..index], named.Mediators, null);
            case CallTemplateMediator call when index > 0 && index == mediators.Length - 1
                && CalledOnce(ReferenceKind.SequenceTemplate, call.Target) && _model.Symbols.SequenceTemplate(call.Target) is { } template:
                return PrefixedEntryAggregate(mediators[..index], template.Mediators, call);
            default:
                return null;
        }
    }

    /// <summary>
    /// An out flow whose last mediator calls a sequence (static key) or sequence template that starts with the
    /// aggregate, after mediators that only work on the message, both in the out flow before the call and in the
    /// called flow before the aggregate: every response runs those of the out flow, then those of the called flow
    /// (SequenceMediator / InvokeMediator mediate the called sequence on the same message), then reaches the
    /// aggregate, so the copies are gathered there as for an aggregate first in the out flow. Only followed when the
    /// sequence or template is called from nowhere else (its prefix is then this out flow's alone). Their mediators
    /// before the aggregate are kept in <see cref="_entryPrefixes"/>, with the called flow's mediators after it.
    /// </summary>
    private AggregateMediator? PrefixedEntryAggregate(ImmutableArray<MediatorSyntax> outer, ImmutableArray<MediatorSyntax> called, CallTemplateMediator? call)
    {
        var index = 0;
        while (index < called.Length && RunsOnEachResponse(called[index]))
        {
            index++;
        }

        // The out flow's own mediators have no template parameters to read (no template runs them).
        if (index >= called.Length || called[index] is not AggregateMediator aggregate || outer.Any(mediator => ReadsTemplateParameter(mediator.RawXml)))
        {
            return null;
        }

        var after = called[(index + 1)..];
        if (called[..index].Concat(after).Append(aggregate).Any(mediator => ReadsTemplateParameter(mediator.RawXml)))
        {
            // A template's parameters are read where the aggregate is lowered only when every call passes them all
            // lazily ({{xpath}}); a sequence reading them reads its caller's, which this out flow does not have.
            if (call is null || AggregateBinding(call) is not { } binding)
            {
                if (call is not null)
                {
                    _templateParameterAggregates[aggregate] = call.Target;
                }

                return null;
            }

            _aggregateLazyParams[aggregate] = binding;
        }

        _entryPrefixes[aggregate] = ([.. outer, .. called[..index]], after);
        return aggregate;
    }

    /// <summary>Whether exactly one reference of the input names the sequence or template, and no sequence key is computed at run time (it could name it too).</summary>
    private bool CalledOnce(ReferenceKind kind, string name) =>
        _model.Graph.References.Count(reference => reference.Reference.Kind == kind && reference.Reference.Key == name) == 1
        && (kind != ReferenceKind.Sequence || !_model.Graph.Dynamic.Any(reference => reference.Reference.Kind == ReferenceKind.Sequence));

    /// <summary>
    /// Whether a mediator of an out flow, before its aggregate, can run on each response in the branch of the copy
    /// that response answers: it and everything it runs (nested branches, the named sequences it calls) only read
    /// and change the message (log, property, variable, header, payloadFactory, enrich, xslt, jsontransform,
    /// datamapper, rewrite, makefault, filter and switch over such mediators, a static sequence key without onError).
    /// Nothing that answers, stops the flow (send, respond, drop, loopback, a failed validate's branch answering),
    /// copies the message, aggregates, calls out or runs code of its own is taken: the flow would not reach the
    /// aggregate the same way for every response.
    /// </summary>
    private bool RunsOnEachResponse(MediatorSyntax mediator) => Reachable([mediator]).All(OnlyWorksOnMessage);

    /// <summary>Whether a mediator, apart from what it runs, only reads and changes the message (see <see cref="RunsOnEachResponse"/>).</summary>
    private bool OnlyWorksOnMessage(MediatorSyntax mediator) => mediator switch
    {
        _ when MediatorEffects.WorksOnMessageOnly(mediator) => true,
        InlineSequenceMediator inline => inline.OnError is null,
        SequenceReferenceMediator { Key: { IsDynamic: false } key } => _model.Symbols.Sequence(key.Text) is { OnError: null },
        _ => false,
    };

    /// <summary>
    /// The steps of the mediators an out flow runs before its aggregate, lowered for the branch of one copy (run on
    /// its response); null, with the reason, when some of them would answer or stop the flow there.
    /// </summary>
    private ImmutableArray<StepIr>? OutFlowPrefix(AggregateMediator aggregate, FlowContext outContext, out string? problem)
    {
        problem = null;
        if (!_entryPrefixes.TryGetValue(aggregate, out var entry))
        {
            return [];
        }

        // A failure there fails the copy, as one in its target does (the fork fails with it).
        var prefix = LowerOnCopy(entry.Prefix, outContext);
        if (IrWalker.Steps(prefix).Any(step => step is RespondStep or ContinueWithStep or AcceptStep or InvokeStep { CanStop: true } or ForkStep))
        {
            problem = $"the mediators before the <aggregate> at {Path.GetFileName(aggregate.Location.Path)}:{aggregate.Location.Line} in the out flow answer or stop the flow, so a response would not reach the aggregate";
            return null;
        }

        return prefix;
    }

    /// <summary>
    /// An aggregate first in an out flow whose onComplete does not end the flow: the aggregated message goes on with
    /// what follows the aggregate in that out flow (without the mediators before it, SB0224 when there are any), and
    /// the client is left waiting (SB0210) when that rest does not answer either.
    /// </summary>
    private IEnumerable<StepIr> AfterOutFlowAggregate(AggregateMediator aggregate, FlowContext outContext)
    {
        var shape = _entryPrefixes[aggregate];
        if (shape.After.Length > 0)
        {
            _diagnostics.Report(DiagnosticCatalog.AggregateContinuationDiffers, aggregate.Location);
        }

        var rest = LowerBlock(shape.After, outContext);
        if (Flow.Terminates(rest))
        {
            return rest;
        }

        // The out flow ends there without answering: the Micro Integrator leaves the client waiting.
        _diagnostics.Report(DiagnosticCatalog.ResponseHang, aggregate.Location);
        return [.. rest, new AcceptStep(null)];
    }

    private readonly Dictionary<AggregateMediator, (ImmutableArray<MediatorSyntax> Prefix, ImmutableArray<MediatorSyntax> After)> _entryPrefixes = new(ReferenceEqualityComparer.Instance);

    /// <summary>Aggregates first in a template an out flow starts by calling, not paired because the template's mediators up to them (or they) read its parameters: the template's name.</summary>
    private readonly Dictionary<AggregateMediator, string> _templateParameterAggregates = new(ReferenceEqualityComparer.Instance);

    /// <summary>Whether a mediator's XML reads a template parameter (<c>$func:x</c>, <c>get-property('func', 'x')</c>).</summary>
    private static bool ReadsTemplateParameter(string rawXml) => TemplateParameterRead().IsMatch(rawXml);

    [System.Text.RegularExpressions.GeneratedRegex(@"\$func:|get-property\(\s*['""]func['""]")]
    private static partial System.Text.RegularExpressions.Regex TemplateParameterRead();

    /// <summary>Whether the aggregate starts the out flow of some API resource or proxy service (directly or through the sequence it starts with).</summary>
    private bool StartsAnOutFlow(AggregateMediator aggregate)
    {
        _entryAggregates ??= new HashSet<AggregateMediator>(
            _model.Apis.SelectMany(api => api.Resources.Select(resource => resource.OutSequence))
                .Concat(_model.Artifacts.OfType<ProxySyntax>().Select(proxy => proxy.Target?.OutSequence))
                .OfType<FlowSyntax>()
                .Select(flow => EntryAggregate(flow.Mediators, flow.Key, 0))
                .Append(MainOutFlow() is { } mainOut ? EntryAggregate(mainOut, null, 0) : null)
                .OfType<AggregateMediator>(),
            ReferenceEqualityComparer.Instance);
        return _entryAggregates.Contains(aggregate);
    }

    /// <summary>Aggregates after an iterate or clone of the same flow that is not translated: their TODO points at it.</summary>
    private readonly HashSet<AggregateMediator> _unpairedAggregates = new(ReferenceEqualityComparer.Instance);

    private static bool IsSplit(MediatorSyntax mediator) => mediator is IterateMediator or CloneMediator;

    /// <summary>
    /// The index of the aggregate that the copies of the split at <paramref name="index"/> reach in the same flow: the
    /// first aggregate after it, unless another split comes first (the aggregate is that one's) or a mediator that ends
    /// the flow (send, respond, drop, loopback: nothing reaches what follows it). Null when there is none.
    /// </summary>
    private static int? FollowingAggregateIndex(ImmutableArray<MediatorSyntax> mediators, int index)
    {
        for (var next = index + 1; next < mediators.Length; next++)
        {
            switch (mediators[next])
            {
                case AggregateMediator:
                    return next;
                case IterateMediator or CloneMediator or SendMediator or RespondMediator or DropMediator or LoopbackMediator:
                    return null;
            }
        }

        return null;
    }

    /// <summary>
    /// Whether a mediator between a split and its aggregate in the same flow runs on each copy the same way on its way
    /// to the aggregate: the copies continue after the split (Synapse resumes the flow of each copy after its target,
    /// ContinuationStackManager's reliant state), so it and everything it runs only work on the message or call out
    /// and go on (<see cref="RunsOnEachResponse"/>, and call). A mediator that could answer, stop, copy or aggregate
    /// the message is not taken.
    /// </summary>
    private bool ContinuesEachCopy(MediatorSyntax mediator) =>
        Reachable([mediator]).All(reached => reached is CallMediator || OnlyWorksOnMessage(reached));

    /// <summary>
    /// iterate or clone. <paramref name="following"/> is the aggregate written right after it in the same flow (the
    /// MI 4.x shape: each branch continues after the split and reaches it); <paramref name="consumed"/> says whether
    /// the translation took it in. Without one, an in flow's split whose targets send pairs with an aggregate that
    /// starts the out flow (the EI 6.x shape).
    /// </summary>
    private IEnumerable<StepIr> LowerSplit(MediatorSyntax split, AggregateMediator? following, FlowContext context, out bool consumed, ImmutableArray<MediatorSyntax> between = default)
    {
        consumed = false;
        between = between.IsDefault ? [] : between;
        if (split is IterateMediator { Expression: { } splitExpression } && UndeclaredPrefix(splitExpression) is { } undeclared)
        {
            // EIPUtils.getDetachedMatchingElements evaluates the expression on the envelope before any copy is made:
            // Jaxen cannot resolve the prefix, and SynapseXPath.evaluate throws a SynapseException, which fails the
            // flow (its fault handling runs). The targets and the aggregate after it never run.
            consumed = following is not null;
            var message = $"Evaluation of the XPath expression {splitExpression.Original} resulted in an error";
            _diagnostics.Report(DiagnosticCatalog.MediatorAlwaysFails, split.Location, split.ElementName, $"its expression '{splitExpression.Original}' uses the prefix '{undeclared}', which no xmlns in scope declares, so Jaxen cannot evaluate it (\"{message}\")");
            var failing = new List<StepIr>
            {
                new DeadCodeStep(split, $"it never makes a copy: the prefix '{undeclared}' of its expression is not declared, so the Micro Integrator fails here (below)"),
                new FailStep(split, new StringLiteralIr(message)),
            };
            if (following is not null)
            {
                failing.Add(new DeadCodeStep(following, "it never runs: the iterate before it always fails"));
            }

            return failing;
        }

        var (id, continueParent, sequential) = split switch
        {
            IterateMediator iterate => (iterate.Id, iterate.ContinueParent, iterate.Sequential),
            CloneMediator clone => (clone.Id, clone.ContinueParent, clone.Sequential),
            _ => throw new InvalidOperationException(),
        };

        var aggregate = following;
        var acrossFlows = false;
        if (aggregate is null && context.Kind == FlowKind.In && context.OutFunction is { } outFunction
            && _outFlowAggregates.TryGetValue(outFunction, out var outAggregate))
        {
            aggregate = outAggregate;
            acrossFlows = true;
        }
        else if (aggregate is null && context.Kind == FlowKind.Sequence && FlowOwner(context) is { } owner
            && EntryAggregateReaching(owner) is { } reachedAggregate)
        {
            // A named sequence or template whose sends all reach out flows starting with the same aggregate (main's
            // <out>, or the out sequence of the proxy services and resources that run it).
            // A target that reads the template's parameters ($func:) gets them as arguments of its branch function
            // (BranchParameters), as the clones Synapse makes keep the template stack.
            if (owner.Template && ReadsTemplateParameter(reachedAggregate.RawXml) && !_aggregateLazyParams.ContainsKey(reachedAggregate))
            {
                return [Shape(split, $"it is in the template '{owner.Name}', and the <aggregate> at {Path.GetFileName(reachedAggregate.Location.Path)}:{reachedAggregate.Location.Line} that gathers its copies' responses reads template parameters ($func:), which would be bound to this template's at the split")];
            }

            aggregate = reachedAggregate;
            acrossFlows = true;
        }

        if (following is not null)
        {
            // Until the split is known to pair with it, the aggregate after it is not taken in.
            _unpairedAggregates.Add(following);
        }

        // Each copy runs the mediators between the split and the aggregate after its target (Synapse continues the
        // copy's flow after the split), then reaches the aggregate: they are lowered in each branch, before its part.
        if (following is not null && between.FirstOrDefault(mediator => !ContinuesEachCopy(mediator)) is { } blocking)
        {
            return [Shape(split, $"each copy continues after it with the <{blocking.ElementName}> at {Path.GetFileName(blocking.Location.Path)}:{blocking.Location.Line} on its way to the <aggregate> at {Path.GetFileName(following.Location.Path)}:{following.Location.Line}, and that mediator (or one it runs) may answer, stop, copy or aggregate the message, or runs code the converter does not run on each copy, so the copies would not all reach the aggregate the same way")];
        }

        // An aggregate of the out flow with another id lets this split's responses pass through unchanged (it
        // correlates on aggregateCorelation.<its id>, which these copies do not carry): the split has no aggregate.
        AggregateMediator? nestedInner = null;
        if (acrossFlows && !Correlates(aggregate!, id) && NestedOuterAggregate(aggregate!, id) is { } outer)
        {
            // Nested aggregation: the out flow's aggregate gathers the copies of a split inside each of this split's
            // targets; the aggregate ending its onComplete gathers this split's copies.
            nestedInner = aggregate;
            aggregate = outer;
        }
        else if (acrossFlows && !Correlates(aggregate!, id))
        {
            aggregate = null;
            acrossFlows = false;
        }

        if (aggregate is null && !continueParent && following is null && TargetEndAggregate(split, id) is { } ending && EndsItsInFlow(split))
        {
            // Each copy runs its target up to the aggregate that ends it (Apache Synapse sample 471): the aggregate
            // gathers the copies there, and the one completing it runs the onComplete; the parent message stops at
            // the split, which ends its in flow. The same as the aggregate written right after the split (whose
            // copies reach it by continuation): the split with its targets up to the aggregate, paired with it.
            return LowerSplit(ending.Split, ending.Aggregate, context, out _);
        }

        if (aggregate is null && !continueParent)
        {
            return LowerAnsweringSplit(split, id, sequential, context);
        }

        // continueParent on a split that ends its in flow: the original message has nothing left to run there.
        var parentDone = aggregate is not null && continueParent && acrossFlows && nestedInner is null && context.Kind == FlowKind.In && EndsItsInFlow(split);
        if (aggregate is not null && continueParent && !parentDone)
        {
            return [Shape(split, "continueParent=\"true\" with an aggregate: the original message would pass the aggregate too and continue beside the aggregated one")];
        }

        // An aggregate without id correlates every split (Synapse's cloned contexts all carry the plain correlation
        // property); one with an id only the split with that id.
        if (aggregate is not null && aggregate.Id is not null && aggregate.Id != id)
        {
            return [Shape(split, $"its id ({Describe(id)}) does not pair it with the aggregate's ({Describe(aggregate.Id)})")];
        }

        // Without an id of its own the aggregate does not read the split's message count (messageSequence.<id>): it
        // completes only on min/max or its timeout.
        if (aggregate is not null && aggregate.Id is null && id is not null
            && aggregate.CompletionTimeoutSeconds is not > 0
            && !new[] { aggregate.MinMessages, aggregate.MaxMessages }.Any(value => value is { IsDynamic: false } && int.TryParse(value.Text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) && count > 0))
        {
            return [Shape(split, $"its aggregate has no id, so it does not read the count of the split '{id}', and it has no positive min/max or timeout: it never completes")];
        }

        // What is split: the parts of an iterate, or one copy per clone target.
        if (SplitSource(split, context, out var targets, out var sourceProblem) is not { } source)
        {
            return [Shape(split, sourceProblem!)];
        }

        // The aggregate's expressions (and the out flow's mediators before it, its onComplete) read the parameters of
        // the template it is first in as that template's calls pass them lazily, when they do.
        var aggregateContext = AggregateContext(aggregate, context);

        // The part each branch keeps for the aggregate.
        AggregationIr? aggregation = null;
        ValueIr? part = null;
        if (aggregate is not null)
        {
            if (AggregationOf(aggregate, aggregateContext, out part) is not { } complete)
            {
                return [Shape(split, AggregateProblem(aggregate, aggregateContext) ?? "its aggregate is not translated")];
            }

            aggregation = complete;
            if (RunTimeLimitProblem(aggregate, targets, acrossFlows, aggregateContext, between) is { } limitProblem)
            {
                return [Shape(split, limitProblem)];
            }

            aggregation = WithRunTimeLimits(aggregation, aggregate, acrossFlows, aggregateContext);
        }

        var branches = ImmutableArray.CreateBuilder<(ImmutableArray<StepIr> Body, TargetSyntax Target)>();
        // Parallel copies without an aggregate are started and not awaited (continueParent).
        var detached = aggregate is null && !sequential;
        _enclosingSplitIds.Push(id);
        _detachedSplits += detached ? 1 : 0;
        try
        {
            foreach (var target in targets)
            {
                var enclosing = (_nestedOuterAggregate, _nestedPaired);
                _nestedOuterAggregate = nestedInner is null ? null : aggregate;
                _nestedPaired = false;
                var body = LowerBranch(split, target, context, acrossFlows && nestedInner is null, out var problem);
                var paired = _nestedPaired;
                (_nestedOuterAggregate, _nestedPaired) = enclosing;
                if (body is null)
                {
                    return [Shape(split, problem!)];
                }

                if (nestedInner is not null && !paired)
                {
                    return [Shape(split, $"the <aggregate id=\"{nestedInner.Id}\"> first in the out flow gathers the copies of a split inside its targets and its onComplete ends with the aggregate of this split, but a target does not run such a split (translated) on its copy")];
                }

                // The mediators the out flow runs before its aggregate run on each response, in its branch.
                ImmutableArray<StepIr> prefix = [];
                if (acrossFlows)
                {
                    if (OutFlowPrefix(aggregate!, new FlowContext(FlowKind.Out, aggregateContext.Translator, null, context.Owner) { ApiResource = context.ApiResource }, out var prefixProblem) is not { } lowered)
                    {
                        return [Shape(split, prefixProblem!)];
                    }

                    prefix = lowered;
                }
                else if (following is not null && between.Length > 0)
                {
                    // A failure there fails the copy, as one in its target does (the fork fails with it).
                    prefix = LowerOnCopy(between, context);
                    if (IrWalker.Steps(prefix).Any(step => step is RespondStep or ContinueWithStep or AcceptStep or InvokeStep { CanStop: true } or ForkStep))
                    {
                        return [Shape(split, $"the mediators between it and the <aggregate> at {Path.GetFileName(following.Location.Path)}:{following.Location.Line}, which each copy runs after its target, answer or stop the flow, so a copy would not reach the aggregate")];
                    }
                }

                branches.Add((part is null ? body.Value : [.. body.Value, .. prefix, new ReplacePayloadStep(aggregate!, part)], target));
            }
        }
        finally
        {
            _enclosingSplitIds.Pop();
            _detachedSplits -= detached ? 1 : 0;
        }

        var parameters = BranchParameters(branches.Select(branch => branch.Body));
        var symbols = branches.Select((branch, index) =>
        {
            var role = $"{split.ElementName} {(targets.Length > 1 ? $"target {index + 1}" : "target")}";
            var symbol = _symbols.Module(SymbolKind.Function, $"{context.Owner} {role}", shorter: FlowShorter(context, role));
            var summary = $"A branch of the <{split.ElementName}> at line {split.Location.LineSpan.Start.Line + 1}: runs its target on one copy of the message"
                + (part is null ? "." : ", then keeps the part the aggregate collects.");
            _functions.Add(new FunctionIr(symbol, FunctionKind.Sequence, false, branch.Body, summary, branch.Target.Location) { Parameters = parameters });
            return symbol;
        }).ToImmutableArray();

        consumed = following is not null;
        if (following is not null)
        {
            _unpairedAggregates.Remove(following);
        }

        if (aggregate is not null && aggregation is not null && !sequential)
        {
            aggregation = WithTimeout(aggregation, aggregate, ignoresSplitCount: aggregate.Id is null && id is not null);
        }

        if (split is CloneMediator && sequential && aggregate is null && _model.SetsPropertyNamed("STOP_TARGET_EXECUTION_ON_FAILURE"))
        {
            // CloneMediator.mediate stops running the targets of a sequential clone after one that failed when the
            // message's STOP_TARGET_EXECUTION_ON_FAILURE property is "true" (MI-2189); the generated copies all run.
            _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, split.Location, "clone", "sequential=\"true\" with STOP_TARGET_EXECUTION_ON_FAILURE",
                "the project sets the property STOP_TARGET_EXECUTION_ON_FAILURE, which makes the Micro Integrator run no further target of a sequential clone after one that failed when it is \"true\" (CloneMediator.mediate); the generated code runs every copy: stop the loop by hand where the property is set");
        }

        var steps = new List<StepIr>
        {
            new CommentStep(split, Describe(split, sequential, aggregate, aggregation) + (parentDone ? " continueParent=\"true\": the original message has nothing left to run in the in flow, which ends with this split." : string.Empty)),
            new ForkStep(split, source, symbols, Parallel: !sequential, aggregation) { Arguments = [.. parameters.Select(parameter => new ParameterReadIr(parameter.Name))], CopyFaults = SetsForceErrorOnSoapFault && !detached },
        };
        if (aggregate is null)
        {
            return steps;
        }

        ReportCompletion(aggregate, sequential);

        // onComplete runs on the aggregated message, where the aggregate stood.
        var onCompleteContext = acrossFlows ? new FlowContext(FlowKind.Out, aggregateContext.Translator, null, context.Owner) { ApiResource = context.ApiResource } : context;
        var flow = aggregate.OnComplete!.Flow;
        if (acrossFlows && _nestedOuterAggregate is { } nestedOuter && flow.SequenceKey is null
            && flow.Mediators.Length > 0 && ReferenceEquals(flow.Mediators[^1], nestedOuter))
        {
            // A split nested in a target of the split the aggregate ending this onComplete gathers: the branch goes
            // on with the onComplete up to that aggregate, then keeps its part for it.
            steps.AddRange(LowerBlock(flow.Mediators[..^1], onCompleteContext));
            _nestedPaired = true;
            return steps;
        }

        if (!acrossFlows && branches.Any(branch => IrWalker.Steps(branch.Body).Any(MayMakeResponse)))
        {
            // The aggregated message is one of the copies (Aggregate.getAggregatedMessage takes the first collected):
            // a copy whose target called a backend holds that call's response, addressed to the anonymous To
            // SynapseCallbackReceiver gives it, so an endpoint-less send in the onComplete answers the client there
            // (semantics of AnonymousToIr); the run time tells which.
            var state = context.Exchange.Current;
            context.Exchange.Set(state with
            {
                Response = state.Response == Known.Yes ? Known.Yes : Known.Maybe,
                Redispatched = state.Redispatched == Known.Yes ? Known.Yes : Known.Maybe,
            });
        }

        var onComplete = flow.SequenceKey is { } key
            ? LowerSequenceKey(aggregate, flow.Location, key, aggregate.RawXml)
            : LowerBlock(flow.Mediators, onCompleteContext);
        steps.AddRange(onComplete);
        if (nestedInner is not null)
        {
            // The aggregated message of this split is answered by the onComplete of the aggregate gathering it.
            return AlwaysAnswers(onComplete, [])
                ? steps
                : [Shape(split, $"its aggregate ends the onComplete of the <aggregate id=\"{nestedInner.Id}\"> first in the out flow, and its onComplete does not always answer (what would follow is not translated)")];
        }

        if (acrossFlows && _entryPrefixes.ContainsKey(aggregate) && !Flow.Terminates(onComplete))
        {
            steps.AddRange(AfterOutFlowAggregate(aggregate, onCompleteContext));
        }
        else if (acrossFlows && !AlwaysAnswers(onComplete, []))
        {
            // The aggregated message goes on after the aggregate: the rest of the out flow (its aggregate passes it through).
            steps.Add(new ContinueWithStep(aggregate, context.OutFunction));
        }

        return steps;
    }

    /// <summary>Whether a step of a copy's branch may leave the copy holding a backend's response (see <c>Follow</c>).</summary>
    private static bool MayMakeResponse(StepIr step) =>
        LeavesBackendResponse(step) || step is MarkResponseStep { IsResponse: true } or InvokeStep;

    /// <summary>
    /// What a split copies: the parts of an iterate (each part the body of its copy, or with preservePayload attached
    /// under attachPath in a copy of the message), or one whole copy per clone target. Null, with the reason, when
    /// it is not translated.
    /// </summary>
    private ForkSourceIr? SplitSource(MediatorSyntax split, FlowContext context, out ImmutableArray<TargetSyntax> targets, out string? problem)
    {
        problem = null;
        targets = TargetsOf(split);
        ForkSourceIr source;
        switch (split)
        {
            case IterateMediator iterate:
            {
                if (iterate.Expression is not { } expression)
                {
                    problem = "it has no expression";
                    return null;
                }

                if (iterate.PreservePayload && expression.Language == ExpressionLanguage.JsonPath)
                {
                    if (AttachedJsonSource(iterate, expression, context, out problem) is not { } attachedJson)
                    {
                        return null;
                    }

                    source = attachedJson;
                    break;
                }

                if (iterate.PreservePayload)
                {
                    if (iterate.AttachPath is not { } attachPath)
                    {
                        problem = "preservePayload=\"true\" without attachPath: Synapse attaches each part to the node \".\" selects in the envelope";
                        return null;
                    }

                    if (Expr(expression, context) is not XmlNavigationIr { TextOnly: false } items)
                    {
                        problem = $"preservePayload=\"true\": its expression '{expression.Original}' {PathMisfit(expression) ?? "is not an XPath selecting XML elements the converter can translate"}";
                        return null;
                    }

                    if (attachPath.Language == ExpressionLanguage.JsonPath)
                    {
                        problem = $"preservePayload=\"true\" with an XPath expression and the JSONPath attachPath '{attachPath.Original}': Synapse refuses the configuration (both must be JSONPath or XPath)";
                        return null;
                    }

                    if (Expr(attachPath, context) is not XmlNavigationIr { TextOnly: false } attach)
                    {
                        problem = $"preservePayload=\"true\": its attachPath '{attachPath.Original}' {PathMisfit(attachPath) ?? "is not an XPath selecting XML elements the converter can translate"}";
                        return null;
                    }

                    source = new ForkSourceIr.Attached(new ValueIr.XmlNodes(items), new ValueIr.XmlNodes(attach), attachPath.Original);
                    break;
                }

                if (iterate.AttachPath is not null)
                {
                    _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, iterate.Location, "iterate", "attachPath", "without preservePayload Synapse does not use it either");
                }

                if (SplitItems(expression, context) is not { } items2)
                {
                    problem = $"its expression '{expression.Original}' does not select XML elements or a JSON value the converter can translate";
                    return null;
                }

                source = new ForkSourceIr.Split(items2);
                break;
            }

            case CloneMediator clone:
                if (clone.Iterations is not null)
                {
                    problem = "iterations: the number of copies per target is not translated";
                    return null;
                }

                source = new ForkSourceIr.Copies();
                break;
            default:
                throw new InvalidOperationException();
        }

        if (targets.IsEmpty)
        {
            problem = "it has no target";
            return null;
        }

        return source;
    }

    /// <summary>
    /// iterate with a JSONPath expression and preservePayload: the array the expression selects, each item set at the
    /// attachPath in a copy of the payload (no attachPath: Synapse's default <c>$</c>, the item as the payload). Both
    /// paths must be simple (members and indexes from the root). Null, with the reason, otherwise.
    /// </summary>
    private ForkSourceIr? AttachedJsonSource(IterateMediator iterate, ExpressionSyntax expression, FlowContext context, out string? problem)
    {
        problem = null;
        if (iterate.AttachPath is { Language: not ExpressionLanguage.JsonPath } xpath)
        {
            problem = $"preservePayload=\"true\" with a JSONPath expression and the XPath attachPath '{xpath.Original}': Synapse refuses the configuration (both must be JSONPath or XPath)";
            return null;
        }

        var attach = iterate.AttachPath is { } attachPath ? Expr(attachPath, context) : new JsonEvalIr("$");
        if (Expr(expression, context) is not JsonEvalIr items || !SimpleJsonPathText().IsMatch(items.Path.Trim())
            || attach is not JsonEvalIr at || !SimpleJsonPathText().IsMatch(at.Path.Trim()))
        {
            problem = $"preservePayload=\"true\": its expression '{expression.Original}' or attachPath '{iterate.AttachPath?.Original ?? "$"}' is not a JSONPath of members and array indexes from the root ($.a.b, $['a'], $.a[0]) the converter translates";
            return null;
        }

        return new ForkSourceIr.AttachedJson(items.Path.Trim(), at.Path.Trim());
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\$(\.[A-Za-z_$@][\w$@-]*|\['[^']*'\]|\[[0-9]+\])*\.?$")]
    private static partial System.Text.RegularExpressions.Regex SimpleJsonPathText();

    /// <summary>An aggregate not taken in by the split before it.</summary>
    private IEnumerable<StepIr> LowerAggregate(AggregateMediator aggregate, FlowContext context)
    {
        if (context.Kind is FlowKind.Out or FlowKind.Sequence && StartsAnOutFlow(aggregate))
        {
            return [new CommentStep(aggregate, "<aggregate>: the messages an <iterate> or <clone> of the in flow splits are aggregated there, and its onComplete runs there, before this function; any other message passes through unchanged, as Synapse's aggregate lets through a message it cannot correlate.")];
        }

        if (_templateParameterAggregates.TryGetValue(aggregate, out var template))
        {
            return [Shape(aggregate, $"it is first in the template '{template}' an out flow starts by calling, but the template's mediators up to it, or the aggregate, read the template's parameters ($func:), which the converter does not bind where it pairs the aggregate with the split of the in flow")];
        }

        if (_unpairedAggregates.Contains(aggregate))
        {
            return [Shape(aggregate, "the iterate or clone before it in this flow is not translated (see the TODO above, which says why), so nothing here splits the messages it gathers")];
        }

        if (SplitEndingIn(aggregate) is { } ended)
        {
            return [new CommentStep(aggregate, $"<aggregate>: it ends the target of the <{ended.ElementName}> at {Path.GetFileName(ended.Location.Path)}:{ended.Location.Line} and gathers that split's copies: their aggregation and this onComplete are translated where the split stands (if the split is a TODO there, finish this aggregate with it); any other message passes through unchanged, as Synapse's aggregate lets through a message it cannot correlate.")];
        }

        if (LowerAggregateWithoutSplit(aggregate) is { } passThrough)
        {
            return passThrough;
        }

        return [Shape(aggregate, "there is no iterate or clone before it in the same flow, and it does not start the out flow of an API resource or proxy service (directly or through the sequence or template the out flow starts with), so which messages it gathers is decided at run time")];
    }

    /// <summary>
    /// A split whose every target ends with the same aggregate (inline, or as the last mediator of a named sequence the
    /// target calls last, static key, called from nowhere else, without onError) that correlates its copies (no id,
    /// or the split's): the split with its targets up to that aggregate, and the aggregate. Null otherwise.
    /// </summary>
    private (MediatorSyntax Split, AggregateMediator Aggregate)? TargetEndAggregate(MediatorSyntax split, string? id)
    {
        AggregateMediator? found = null;
        var rewritten = ImmutableArray.CreateBuilder<TargetSyntax>();
        foreach (var target in TargetsOf(split))
        {
            var mediators = target switch
            {
                { Sequence: { } inline } => inline,
                { SequenceKey: { IsDynamic: false } key } when CalledOnce(ReferenceKind.Sequence, key.Text) && _model.Symbols.Sequence(key.Text) is { OnError: null } named => named.Mediators,
                _ => ImmutableArray<MediatorSyntax>.Empty,
            };
            if (EndingAggregate(mediators, out var prefix) is not { } aggregate || (found is not null && !ReferenceEquals(found, aggregate))
                || !(aggregate.Id is null || aggregate.Id == id))
            {
                return null;
            }

            found = aggregate;
            rewritten.Add(target with { SequenceKey = null, Sequence = prefix });
        }

        if (found is null)
        {
            return null;
        }

        MediatorSyntax upToAggregate = split switch
        {
            IterateMediator iterate => iterate with { Target = rewritten[0] },
            CloneMediator clone => clone with { Targets = rewritten.ToImmutable() },
            _ => throw new InvalidOperationException(),
        };
        return (upToAggregate, found);
    }

    /// <summary>The aggregate a list of mediators ends with, directly or as the last mediator of the named sequence it calls last (static key, called from nowhere else, without onError), and the mediators before it.</summary>
    private AggregateMediator? EndingAggregate(ImmutableArray<MediatorSyntax> mediators, out ImmutableArray<MediatorSyntax> prefix)
    {
        prefix = [];
        switch (mediators.IsEmpty ? null : mediators[^1])
        {
            case AggregateMediator aggregate:
                prefix = mediators[..^1];
                return aggregate;
            case SequenceReferenceMediator { Key: { IsDynamic: false } key } when CalledOnce(ReferenceKind.Sequence, key.Text)
                && _model.Symbols.Sequence(key.Text) is { OnError: null, Mediators: [.., AggregateMediator last] } named:
                prefix = [.. mediators[..^1], .. named.Mediators[..^1]];
                return last;
            default:
                return null;
        }
    }

    private Dictionary<AggregateMediator, MediatorSyntax>? _targetEndAggregates;

    /// <summary>The split (ending its in flow, without continueParent) whose targets end with this aggregate, or null.</summary>
    private MediatorSyntax? SplitEndingIn(AggregateMediator aggregate)
    {
        if (_targetEndAggregates is null)
        {
            _targetEndAggregates = new Dictionary<AggregateMediator, MediatorSyntax>(ReferenceEqualityComparer.Instance);
            foreach (var split in AllMediators().Where(IsSplit))
            {
                var (id, continueParent) = split switch
                {
                    IterateMediator iterate => (iterate.Id, iterate.ContinueParent),
                    CloneMediator clone => (clone.Id, clone.ContinueParent),
                    _ => throw new InvalidOperationException(),
                };
                if (!continueParent && TargetEndAggregate(split, id) is { } ending && EndsItsInFlow(split))
                {
                    _targetEndAggregates.TryAdd(ending.Aggregate, split);
                }
            }
        }

        return _targetEndAggregates.GetValueOrDefault(aggregate);
    }

    private TodoStep Shape(MediatorSyntax mediator, string why) =>
        Todo(mediator, DiagnosticCatalog.EipShapeNotTranslated, $"<{mediator.ElementName}> is not translated here: {why}", mediator.ElementName, why);

    private static string Describe(string? id) => id is null ? "none" : $"'{id}'";

    private static string Describe(MediatorSyntax split, bool sequential, AggregateMediator? aggregate, AggregationIr? aggregation = null)
    {
        var what = split is IterateMediator ? "one copy of the message per part" : "one copy of the message per target";
        var order = (sequential, aggregate) switch
        {
            (true, null) => "run one after the other, as sequential=\"true\" does, then the flow goes on (continueParent)",
            (false, null) => "each started on its own (the Micro Integrator runs them in parallel); the flow goes on without waiting for them (continueParent)",
            (true, _) => "run one after the other, as sequential=\"true\" does; the aggregate then gathers their parts in order",
            (false, not null) when aggregation is { TimeoutSeconds: { } seconds } => $"started together (the Micro Integrator runs them in parallel); the aggregate completes {Completion(aggregation)}{seconds.ToString(CultureInfo.InvariantCulture)} s after the first copy arrived (its timeout), gathering the parts of the copies arrived by then in the order of arrival; a later copy is ignored",
            (false, _) => "started together and awaited (the Micro Integrator runs them in parallel); the aggregate then gathers their parts in the order of the parts, not of arrival",
        };
        return $"<{split.ElementName}>: {what}, {order}.";

        static string Completion(AggregationIr aggregation)
        {
            var counted = aggregation.Count is not null || aggregation.RunTimeMin is not null || aggregation.RunTimeMax is not null;
            return (aggregation.IgnoresSplitCount, counted) switch
            {
                (false, false) => "when every copy has arrived or ",
                (false, true) => "when every copy, or its message count, has arrived or ",
                (true, true) => "when its message count has arrived (it has no id, so it does not read the split's count) or ",
                (true, false) => "(it has no id, so it does not read the split's count) ",
            };
        }
    }

    /// <summary>The nodes or JSON value an iterate splits, or null when the expression selects neither.</summary>
    private ValueIr? SplitItems(ExpressionSyntax expression, FlowContext context) => Expr(expression, context) switch
    {
        XmlNavigationIr { TextOnly: false } navigation => new ValueIr.XmlNodes(navigation),
        JsonEvalIr json => new ValueIr.Json(json.Path),
        _ => null,
    };

    /// <summary>What an aggregate combines (null when some of it is not translated), and the part each branch keeps.</summary>
    private AggregationIr? AggregationOf(AggregateMediator aggregate, FlowContext context, out ValueIr? part)
    {
        part = null;
        if (AggregateProblem(aggregate, context) is not null)
        {
            return null;
        }

        part = SplitItems(AggregationExpression(aggregate.OnComplete!), context);
        if (part is null)
        {
            return null;
        }

        var limits = new[] { aggregate.MinMessages, aggregate.MaxMessages }
            .Select(value => value is { IsDynamic: false } && int.TryParse(value.Text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) && count > 0 ? count : (int?)null)
            .OfType<int>()
            .ToList();
        return new AggregationIr(part is ValueIr.Json, aggregate.OnComplete!.EnclosingElementProperty, limits.Count > 0 ? limits.Min() : null);
    }

    /// <summary>
    /// The expression whose result each message contributes: the onComplete's <c>expression</c>, or without one
    /// Synapse's default, the SOAP Body's first element child (AggregateMediator's constructor:
    /// <c>/s11:Envelope/s11:Body/child::*[position()=1] | /s12:Envelope/s12:Body/child::*[position()=1]</c>; a message
    /// has one envelope, so the union is the body's first child element whatever the SOAP version), written as the
    /// equivalent <c>$body/*[1]</c> the expression translator reads.
    /// The default written out (Developer Studio writes it in every aggregate it generates), or any form of that union
    /// (<see cref="SoapBodyPaths.IsFirstBodyChild"/>), is read as the default.
    /// The union of every child element of either SOAP version's Body (<see cref="SoapBodyPaths.IsBodyChildren"/>) is
    /// read as <c>$body/*</c>.
    /// </summary>
    private static ExpressionSyntax AggregationExpression(AggregateOnCompleteSyntax onComplete) =>
        onComplete.Expression is { } children && SoapBodyPaths.IsBodyChildren(children)
            ? new ExpressionSyntax(ExpressionLanguage.XPath, "$body/*", ImmutableDictionary<string, string>.Empty, children.Location) { Original = children.Original }
        : onComplete.Expression is { } written && !SoapBodyPaths.IsFirstBodyChild(written)
            ? written
            : new ExpressionSyntax(ExpressionLanguage.XPath, "$body/*[1]", ImmutableDictionary<string, string>.Empty, onComplete.Expression?.Location ?? onComplete.Location)
            {
                Original = onComplete.Expression?.Original ?? "/s11:Envelope/s11:Body/child::*[position()=1] | /s12:Envelope/s12:Body/child::*[position()=1]",
            };

    /// <summary>Why an aggregate cannot be translated in place, or null.</summary>
    private string? AggregateProblem(AggregateMediator aggregate, FlowContext context)
    {
        if (aggregate.OnComplete is not { } onComplete)
        {
            return "its aggregate has no onComplete";
        }

        var expression = AggregationExpression(onComplete);
        if (aggregate.CorrelateOn is not null)
        {
            return "its aggregate has correlateOn: AggregateMediator keys its aggregate by the expression's text, not its value, so every message (of any request) on which the expression selects something joins one aggregate shared by all requests until messageCount or the timeout completes it; a per-request gathering of the copies would mean something else: without messages of other requests to gather, drop correlateOn (the copies then correlate on the split's own property), else write the shared collector by hand";
        }

        if (new[] { aggregate.MinMessages, aggregate.MaxMessages }.Any(value => value is { IsDynamic: true } && RunTimeLimit(value, context) is null))
        {
            return "its aggregate's messageCount min/max is computed at run time from something other than a property";
        }

        if (onComplete.AggregateElementType is { } type && (type.IsDynamic || type.Text != "root"))
        {
            return $"its aggregate's aggregateElementType '{type.Text}' (merging JSON objects) is not translated";
        }

        var translator = context.Translator.Value(expression);
        if (translator is not (XmlNavigationIr { TextOnly: false } or JsonEvalIr))
        {
            return $"its aggregate's onComplete expression '{expression.Original}' does not select XML elements or a JSON value the converter can translate";
        }

        return null;
    }

    /// <summary>A messageCount min or max computed at run time that reads a default-scope property (get-property('x'), $ctx:x); null otherwise.</summary>
    private PropertyReadIr? RunTimeLimit(KeySyntax? value, FlowContext context) =>
        value is { Dynamic: { } expression } && Expr(expression, context) is PropertyReadIr { Fallback: null, Scope: PropertyScope.Default } read ? read : null;

    /// <summary>
    /// Why a messageCount min/max computed at run time cannot be read from the parent after the fork, or null. Synapse
    /// evaluates it on the first message reaching the aggregate; the generated code reads it from the message before
    /// the split, which is the same value only when no mediator the copies run before the aggregate (their targets,
    /// the out flow's mediators before it, those between the split and the aggregate in its flow) writes the property.
    /// </summary>
    private string? RunTimeLimitProblem(AggregateMediator aggregate, ImmutableArray<TargetSyntax> targets, bool acrossFlows, FlowContext context, ImmutableArray<MediatorSyntax> between = default)
    {
        var names = new[] { aggregate.MinMessages, aggregate.MaxMessages }
            .Where(value => !PrefixLiteralLimit(aggregate, value, acrossFlows, context, out _))
            .Select(value => RunTimeLimit(value, context)?.Name)
            .OfType<string>()
            .ToList();
        if (names.Count == 0)
        {
            return null;
        }

        if (targets.Any(target => target.SequenceKey is { IsDynamic: true }))
        {
            return "its aggregate's messageCount min/max is computed at run time and a target's sequence key is computed at run time";
        }

        var before = TargetMediators(targets)
            .Concat(targets.SelectMany(target => target.SequenceKey is { IsDynamic: false } key && _model.Symbols.Sequence(key.Text) is { } named ? named.Mediators : ImmutableArray<MediatorSyntax>.Empty))
            .Concat(acrossFlows && _entryPrefixes.TryGetValue(aggregate, out var entry) ? entry.Prefix : ImmutableArray<MediatorSyntax>.Empty)
            .Concat(between.IsDefault ? ImmutableArray<MediatorSyntax>.Empty : between);
        var reached = Reachable(before);
        if (reached.Any(mediator => mediator is ClassMediator or ScriptMediator or SpringMediator or BeanMediator or EjbMediator or CallTemplateMediator or ConnectorOperationMediator
                || mediator is SequenceReferenceMediator { Key.IsDynamic: true }
                || (mediator is not LogMediator && names.Any(name => mediator.RawXml.Contains(name, StringComparison.Ordinal)))))
        {
            return $"its aggregate's messageCount min/max reads the property '{string.Join("', '", names)}' at run time, which the copies' flows may set before it (or run code that may: a class, script, template or connector), and Synapse reads it on the first message reaching the aggregate";
        }

        return null;
    }

    /// <summary>
    /// The aggregation with the complete condition's timeout (in seconds, as AggregateMediatorFactory reads it): the
    /// branches run in parallel, so the aggregation completes that long after the first copy reaches it, with the
    /// copies collected by then (Aggregate's timer), and later copies are dropped.
    /// </summary>
    private static AggregationIr WithTimeout(AggregationIr aggregation, AggregateMediator aggregate, bool ignoresSplitCount) =>
        aggregate.CompletionTimeoutSeconds is { } seconds && seconds > 0
            ? aggregation with { TimeoutSeconds = seconds, IgnoresSplitCount = ignoresSplitCount }
            : aggregation;

    /// <summary>
    /// The timeout of a complete condition over branches run one after the other is reported: each branch runs to its
    /// end (its call waits for the response) before the next starts, where the Micro Integrator's non-blocking sends let
    /// every copy go out at once and its timer run beside them; every branch is awaited.
    /// </summary>
    private void ReportCompletion(AggregateMediator aggregate, bool sequential)
    {
        if (sequential && aggregate.CompletionTimeoutSeconds is { } seconds && seconds > 0)
        {
            _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, aggregate.Location, "aggregate", $"completeCondition timeout=\"{seconds}\"",
                "the copies run one after the other here (sequential), so the generated code waits for every branch (each call still fails after its endpoint's timeout); it does not complete early with the responses received so far");
        }
    }

    /// <summary>
    /// The steps of one branch: its inline sequence, the sequence its key names, or a send to its endpoint. When
    /// <paramref name="sends"/>, the branch must end by sending (its response is what the out flow's aggregate
    /// collects): the send keeps the response in the branch instead of running the out flow. Otherwise nothing in it
    /// may answer the client. Null, with the reason, when the branch does not fit.
    /// </summary>
    private ImmutableArray<StepIr>? LowerBranch(MediatorSyntax split, TargetSyntax target, FlowContext context, bool sends, out string? problem)
    {
        problem = null;
        ImmutableArray<StepIr> body;
        if (target.Sequence is { } inline)
        {
            body = LowerOnCopy(inline, context);
        }
        else if (target.SequenceKey is { } key)
        {
            // A send in the named sequence keeps its response in the branch only when its mediators run inline.
            body = (sends ? InlineTargetSequence(key, context) : null) ?? LowerSequenceKey(null, target.Location, key, $"<sequence key=\"{key.Text}\"/>");
        }
        else if (target.EndpointKey is not null || target.Endpoint is not null)
        {
            if (!sends)
            {
                problem = "a target sends to an endpoint, so its response runs the out flow instead of reaching the aggregate after it";
                return null;
            }

            EndpointReferenceSyntax reference = target.Endpoint is { } endpoint
                ? new EndpointReferenceSyntax.Inline(endpoint)
                : new EndpointReferenceSyntax.Key(target.EndpointKey!, target.Location);
            if (CallStepFor(null, reference, context, out _) is not { } call)
            {
                problem = "a target's endpoint is not translated";
                return null;
            }

            // Its response is checked as any send's (FORCE_ERROR_ON_SOAP_FAULT); a fault fails the copy before the aggregate.
            return [.. TargetSettings(split, target), .. SoapFaultChecked(null, call, target.Location)];
        }
        else
        {
            problem = "a target has neither a sequence nor an endpoint";
            return null;
        }

        if (sends)
        {
            // The branch ends with its send: call (and FORCE_ERROR_ON_SOAP_FAULT's check of the response), then continue
            // with the out flow. The aggregate collects the response instead.
            var sendAt = body.Length >= 3 && body[^2] is SoapFaultCheckStep ? 3 : 2;
            if (body.Length < sendAt || body[^sendAt] is not (CallStep { Origin: SendMediator } or CallAddressStep { Origin: SendMediator }) || body[^1] is not ContinueWithStep last || last.Function != context.OutFunction)
            {
                problem = "a target does not end by sending to an endpoint, so the out flow's aggregate would not get its response";
                return null;
            }

            // The response comes back through the API resource (its CORS headers written) before the out flow's mediators.
            // A send's response is a response (SynapseCallbackReceiver), and so is the aggregate's message made of them.
            ImmutableArray<StepIr> marked = last is { MarksResponse: true, Origin: { } sent } ? [new MarkResponseStep(sent)] : [];
            body = last.ThroughResource ? [.. body[..^1], .. marked, new ThroughResourceStep(last.Origin)] : [.. body[..^1], .. marked];
        }

        if (IrWalker.Steps(body).Any(step => step is RespondStep or ContinueWithStep or AcceptStep or InvokeStep { CanStop: true } or ForkStep { Answering: not null }))
        {
            problem = sends
                ? "a target answers the client or sends more than once"
                : "a target answers the client or sends (its response would run the out flow, not the aggregate)";
            return null;
        }

        return [.. TargetSettings(split, target), .. body];
    }

    /// <summary>The aggregate of the split nested in a target of the split being lowered, which ends the onComplete of the out flow's aggregate; null otherwise.</summary>
    private AggregateMediator? _nestedOuterAggregate;

    /// <summary>Whether a split in the target being lowered paired with the out flow's aggregate up to <see cref="_nestedOuterAggregate"/>.</summary>
    private bool _nestedPaired;

    /// <summary>
    /// The aggregate of a split with <paramref name="id"/> that ends the inline onComplete of <paramref name="inner"/>
    /// (the out flow's aggregate, gathering a split nested in its targets), with only log, property or header mediators
    /// before it; null when the onComplete has another shape.
    /// </summary>
    private AggregateMediator? NestedOuterAggregate(AggregateMediator inner, string? id) =>
        inner.OnComplete?.Flow is { SequenceKey: null } flow
        && flow.Mediators.Length > 0
        && flow.Mediators[^1] is AggregateMediator outer
        && outer.Id is not null && outer.Id == id
        && flow.Mediators[..^1].All(mediator => mediator is LogMediator or PropertyMediator or HeaderMediator)
            ? outer
            : null;
}
