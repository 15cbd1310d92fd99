using System.Collections.Immutable;
using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Semantics;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

// Where the copies of an iterate or clone go after their targets: the out flows their sends reach, the aggregates
// there that would gather them (Synapse correlates on the aggregateCorelation[.<id>] property every copy carries),
// and the split that stops its parent without an aggregate (each copy answers on its own, the first answer wins).
public sealed partial class Lowerer
{
    /// <summary>The ids of the splits whose branches are being lowered (their copies carry these correlation properties too).</summary>
    private readonly Stack<string?> _enclosingSplitIds = new();

    /// <summary>Every aggregate the project's flows run (walked once: the same for each split that needs it).</summary>
    private List<AggregateMediator>? _projectAggregates;

    private Dictionary<string, List<ArtifactSyntax>>? _sequenceCallers;

    private Dictionary<string, List<ArtifactSyntax>>? _templateCallers;

    /// <summary>A named sequence or sequence template whose flow is being lowered.</summary>
    private sealed record FlowOwnerName(string Name, bool Template);

    /// <summary>
    /// The named sequence or template a flow of kind Sequence belongs to (its owner name), or null when neither or
    /// both have that name (the flow's callers would then be ambiguous).
    /// </summary>
    private FlowOwnerName? FlowOwner(FlowContext context) =>
        (_model.Symbols.Sequence(context.Owner), _model.Symbols.SequenceTemplate(context.Owner)) switch
        {
            ({ }, null) => new FlowOwnerName(context.Owner, false),
            (null, { }) => new FlowOwnerName(context.Owner, true),
            _ => null,
        };

    private static Dictionary<string, List<ArtifactSyntax>> Callers(IEnumerable<ResolvedReference> references, ReferenceKind kind)
    {
        var found = new Dictionary<string, List<ArtifactSyntax>>(StringComparer.Ordinal);
        foreach (var reference in references.Where(reference => reference.Reference.Kind == kind))
        {
            var name = reference.Target switch
            {
                SequenceSyntax sequence when kind == ReferenceKind.Sequence => sequence.Name,
                SequenceTemplateSyntax template when kind == ReferenceKind.SequenceTemplate => template.Name,
                _ => null,
            };
            if (name is null)
            {
                continue;
            }

            if (!found.TryGetValue(name, out var callers))
            {
                found[name] = callers = new List<ArtifactSyntax>();
            }

            callers.Add(reference.Reference.From);
        }

        return found;
    }

    /// <summary>
    /// The out flows a response reaches when it is sent from the named sequence or template: main's &lt;out&gt; branch
    /// when main runs it, the out sequence of the proxy services and API resources whose flows run it (through static
    /// sequence keys and call-templates). Null when some caller is anything else (a task, an inbound endpoint, a
    /// dynamic key) or nothing calls it.
    /// </summary>
    private List<ImmutableArray<MediatorSyntax>>? OutFlowsReaching(FlowOwnerName owner)
    {
        _sequenceCallers ??= Callers(_model.Graph.References, ReferenceKind.Sequence);
        _templateCallers ??= Callers(_model.Graph.References, ReferenceKind.SequenceTemplate);

        // A sequence key computed at run time may name any sequence (its callers are then unknown); a template is
        // only run by a call-template naming it (InvokeMediatorFactory takes a static target).
        var dynamicSequences = _model.Graph.Dynamic.Any(reference => reference.Reference.Kind == ReferenceKind.Sequence);
        var dynamicTemplates = _model.Graph.Dynamic.Any(reference => reference.Reference.Kind == ReferenceKind.SequenceTemplate);

        var flows = new List<ImmutableArray<MediatorSyntax>>();
        var seen = new HashSet<FlowOwnerName>();
        var pending = new Queue<FlowOwnerName>([owner]);
        while (pending.Count > 0)
        {
            var current = pending.Dequeue();
            if (!seen.Add(current))
            {
                continue;
            }

            if (current.Template ? dynamicTemplates : dynamicSequences)
            {
                return null;
            }

            if (current == new FlowOwnerName("main", false))
            {
                if (MainOutFlow() is { } mainOut)
                {
                    flows.Add(mainOut);
                }

                continue;
            }

            if (!(current.Template ? _templateCallers : _sequenceCallers).TryGetValue(current.Name, out var callers) || callers.Count == 0)
            {
                return null;
            }

            foreach (var caller in callers)
            {
                switch (caller)
                {
                    case SequenceSyntax named:
                        pending.Enqueue(new FlowOwnerName(named.Name, false));
                        break;
                    case SequenceTemplateSyntax template:
                        pending.Enqueue(new FlowOwnerName(template.Name, true));
                        break;
                    case ProxySyntax proxy:
                        if (proxy.Target?.OutSequence is { } proxyOut)
                        {
                            if (FlowMediators(proxyOut) is not { } mediators)
                            {
                                return null;
                            }

                            flows.Add(mediators);
                        }

                        break;
                    case ApiSyntax api:
                        foreach (var resource in api.Resources)
                        {
                            if (resource.OutSequence is { } resourceOut)
                            {
                                if (FlowMediators(resourceOut) is not { } mediators)
                                {
                                    return null;
                                }

                                flows.Add(mediators);
                            }
                        }

                        break;
                    default:
                        return null;
                }
            }
        }

        return flows;
    }

    /// <summary>The mediators of main's &lt;out&gt; branch (where a response to a send made from main goes), or null.</summary>
    private ImmutableArray<MediatorSyntax>? MainOutFlow() =>
        _model.Symbols.Sequence("main")?.Mediators.OfType<DirectionMediator>().FirstOrDefault(direction => !direction.IsIn)?.Mediators;

    /// <summary>A flow's mediators: inline, or the named sequence its static key gives; null for a dynamic or unknown key.</summary>
    private ImmutableArray<MediatorSyntax>? FlowMediators(FlowSyntax flow) => flow.Key switch
    {
        null => flow.Mediators,
        { IsDynamic: false } key => _model.Symbols.Sequence(key.Text)?.Mediators,
        _ => null,
    };

    /// <summary>The aggregate every out flow the named sequence's sends reach starts with, when it is one and the same.</summary>
    private AggregateMediator? EntryAggregateReaching(FlowOwnerName owner)
    {
        if (OutFlowsReaching(owner) is not { Count: > 0 } flows)
        {
            return null;
        }

        var entries = flows.Select(flow => EntryAggregate(flow, null, 0)).Distinct(ReferenceEqualityComparer.Instance).ToList();
        return entries is [AggregateMediator only] ? only : null;
    }

    /// <summary>
    /// Every mediator the given ones run, nested ones and those of the named sequences they call through static
    /// keys and the sequence templates they call included.
    /// </summary>
    private List<MediatorSyntax> Reachable(IEnumerable<MediatorSyntax> mediators)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var seenTemplates = new HashSet<string>(StringComparer.Ordinal);
        var first = new MediatorCollector();
        first.WalkMediators(mediators);

        // The shared walk enters aggregates' onComplete flows (the walker does not: their mediators run too); this
        // adds the named sequences and templates each mediator calls, each once.
        return MediatorCollector.WithOnComplete(first.Mediators, mediator =>
        {
            var next = new List<IEnumerable<MediatorSyntax>>();
            IEnumerable<KeySyntax?> keys = mediator switch
            {
                SequenceReferenceMediator reference => [reference.Key],
                IterateMediator iterate => [iterate.Target?.SequenceKey],
                CloneMediator clone => clone.Targets.Select(target => target.SequenceKey),
                AggregateMediator aggregate => [aggregate.OnComplete?.Flow.SequenceKey],
                _ => [],
            };
            // A called template runs its mediators on the message too (InvokeMediator).
            if (mediator is CallTemplateMediator call && seenTemplates.Add(call.Target) && _model.Symbols.SequenceTemplate(call.Target) is { } template)
            {
                next.Add(template.Mediators);
            }

            foreach (var key in keys.OfType<KeySyntax>().Where(key => !key.IsDynamic))
            {
                if (seen.Add(key.Text) && _model.Symbols.Sequence(key.Text) is { } named)
                {
                    next.Add(named.Mediators);
                }
            }

            return next;
        });
    }

    /// <summary>The mediators a split's targets run (inline sequences and named sequences).</summary>
    private static IEnumerable<MediatorSyntax> TargetMediators(ImmutableArray<TargetSyntax> targets) =>
        targets.SelectMany(target => target.Sequence ?? ImmutableArray<MediatorSyntax>.Empty);

    private static ImmutableArray<TargetSyntax> TargetsOf(MediatorSyntax split) => split switch
    {
        IterateMediator iterate => iterate.Target is { } target ? [target] : [],
        CloneMediator clone => clone.Targets,
        _ => [],
    };

    /// <summary>Whether an aggregate would correlate a copy made by the split with this id (or by a split around it).</summary>
    private bool Correlates(AggregateMediator aggregate, string? id) =>
        aggregate.Id is null || aggregate.Id == id || _enclosingSplitIds.Contains(aggregate.Id);

    /// <summary>
    /// Why the copies of a split that has no aggregate cannot be run as independent branches here, or null: an
    /// aggregate where their responses go would gather them, or an inline target makes a non-blocking call (whose
    /// response would continue after the split in the parent flow). A target that drops its copy answers nothing
    /// (Refine/CopyDrops.cs).
    /// </summary>
    private string? AnsweringProblem(MediatorSyntax split, string? id, FlowContext context)
    {
        var targets = TargetsOf(split);
        var reached = Reachable(TargetMediators(targets).Concat(targets.SelectMany(target => target.SequenceKey is { IsDynamic: false } key && _model.Symbols.Sequence(key.Text) is { } named ? named.Mediators : ImmutableArray<MediatorSyntax>.Empty)));
        if (targets.Any(target => target.SequenceKey is { IsDynamic: true }))
        {
            return "a target's sequence key is computed at run time";
        }

        if (Reachable(TargetMediators(targets)).OfType<CallMediator>().Any(call => !call.Blocking))
        {
            return "an inline target makes a non-blocking call: after its response the copy continues after the split in the parent flow, as Synapse's continuation does";
        }

        var sends = targets.Any(target => target.Endpoint is not null || target.EndpointKey is not null)
            || reached.Any(mediator => mediator is SendMediator or LoopbackMediator or CallTemplateMediator);
        if (!sends || context.Kind is FlowKind.Out or FlowKind.Fault)
        {
            return null;
        }

        // The out flows the copies' responses run: known for an in flow, found through the callers for a named
        // sequence; else every aggregate of the project counts.
        IEnumerable<MediatorSyntax> outFlows;
        string where;
        if (context.Kind == FlowKind.In)
        {
            if (context.OutFunction is null || !_outFlows.TryGetValue(context.OutFunction, out var outFlow))
            {
                return null;
            }

            outFlows = FlowMediators(outFlow) is { } mediators ? Reachable(mediators) : [];
            where = "the out flow";
        }
        else if (FlowOwner(context) is { } owner && OutFlowsReaching(owner) is { } flows)
        {
            outFlows = Reachable(flows.SelectMany(flow => flow));
            where = "an out flow its sends reach";
        }
        else
        {
            outFlows = _projectAggregates ??= [.. Reachable(_model.Mediators).OfType<AggregateMediator>()];
            where = "the project (the out flow its sends reach is decided at run time)";
        }

        if (outFlows.OfType<AggregateMediator>().FirstOrDefault(aggregate => Correlates(aggregate, id)) is { } gathering)
        {
            if (_templateParameterAggregates.TryGetValue(gathering, out var template))
            {
                return $"the <aggregate{(gathering.Id is null ? string.Empty : $" id=\"{gathering.Id}\"")}> at {Path.GetFileName(gathering.Location.Path)}:{gathering.Location.Line} first in the template '{template}' {where} starts by calling would gather its copies' responses, but the template's mediators up to it, or the aggregate, read the template's parameters ($func:), which the converter does not bind in the out flow";
            }

            return $"the <aggregate{(gathering.Id is null ? string.Empty : $" id=\"{gathering.Id}\"")}> at {Path.GetFileName(gathering.Location.Path)}:{gathering.Location.Line} in {where} would gather its copies' responses, and it is not first in the out flow where the converter pairs it";
        }

        return null;
    }

    /// <summary>
    /// A split with no aggregate and without continueParent: each copy runs its target on its own and the parent
    /// flow stops; a copy's send runs the out flow and its respond answers, the first answer being the response.
    /// </summary>
    private IEnumerable<StepIr> LowerAnsweringSplit(MediatorSyntax split, string? id, bool sequential, FlowContext context)
    {
        if (AnsweringProblem(split, id, context) is { } problem)
        {
            return [Shape(split, $"no aggregate pairs with it here, and {problem}")];
        }

        if (SplitSource(split, context, out var targets, out var sourceProblem) is not { } source)
        {
            return [Shape(split, sourceProblem!)];
        }

        var bodies = new List<(ImmutableArray<StepIr> Body, TargetSyntax Target)>();
        _enclosingSplitIds.Push(id);
        try
        {
            foreach (var target in targets)
            {
                if (AnsweringBranch(split, target, context, out var branchProblem) is not { } body)
                {
                    return [Shape(split, branchProblem!)];
                }

                bodies.Add((body, target));
            }
        }
        finally
        {
            _enclosingSplitIds.Pop();
        }

        var parameters = BranchParameters(bodies.Select(branch => branch.Body));
        var symbols = bodies.Select((branch, index) =>
        {
            var role = $"{split.ElementName} {(targets.Length > 1 ? $"target {index + 1}" : "target")}";
            var symbol = _symbols.Module(SymbolKind.Function, $"{context.Owner} {role}", shorter: FlowShorter(context, role));
            var summary = $"A branch of the <{split.ElementName}> at line {split.Location.LineSpan.Start.Line + 1}: runs its target on one copy of the message; its answer, if it answers, may be the response.";
            _functions.Add(new FunctionIr(symbol, FunctionKind.Sequence, true, branch.Body, summary, branch.Target.Location) { Parameters = parameters });
            return symbol;
        }).ToImmutableArray();

        _diagnostics.Report(DiagnosticCatalog.SplitAnswersFirst, split.Location, split.ElementName);
        var order = sequential
            ? "run one after the other and each awaited (with sequential=\"true\" a send in a copy does not wait for its response in the Micro Integrator, so a copy that answers directly answers first there); the flow stops here (no continueParent). The first answer of a copy, in the order of the copies, is the response"
            : "started together (the Micro Integrator runs them in parallel); the flow stops here (no continueParent). The first copy to answer answers the client and the others run on, as in the Micro Integrator";
        var what = split is IterateMediator ? "one copy of the message per part" : "one copy of the message per target";
        return
        [
            new CommentStep(split, $"<{split.ElementName}>: {what}, {order}; none answers: 202, where the Micro Integrator leaves the client waiting."),
            new ForkStep(split, source, symbols, Parallel: !sequential, null) { Answering = new ForkAnswerIr(), Arguments = [.. parameters.Select(parameter => new ParameterReadIr(parameter.Name))], CopyFaults = SetsForceErrorOnSoapFault },
        ];
    }

    /// <summary>
    /// The template parameters the branches of a split read (in a sequence template, whose translator binds
    /// <c>$func:x</c> to them): each branch function takes them after its copy, under the same symbols, and the fork
    /// passes the template function's values. In Synapse the copies see them: InvokeMediator pushes the parameters
    /// on the message context's template stack (property SYNAPSE__FUNCTION__STACK), and
    /// MessageHelper.cloneMessageContext deep-copies that stack into each clone (getClonedTemplateStack), the clones
    /// IterateMediator / CloneMediator hand their targets.
    /// </summary>
    private ImmutableArray<FunctionParameterIr> BranchParameters(IEnumerable<ImmutableArray<StepIr>> bodies)
    {
        var read = bodies.SelectMany(body => IrWalker.Steps(body))
            .SelectMany(IrWalker.Expressions)
            .SelectMany(IrWalker.Descendants)
            .OfType<ParameterReadIr>()
            .Select(read => read.Parameter)
            .ToHashSet();
        return [.. _templateFunctions.Values.SelectMany(function => function.Parameters).Where(parameter => read.Contains(parameter.Name))];
    }

    /// <summary>The steps of one branch of a split that has no aggregate: whatever its target does, a send running the out flow.</summary>
    private ImmutableArray<StepIr>? AnsweringBranch(MediatorSyntax split, TargetSyntax target, FlowContext context, out string? problem)
    {
        problem = null;
        var settings = TargetSettings(split, target);
        if (target.Sequence is { } inline)
        {
            return [.. settings, .. LowerOnCopy(inline, context)];
        }

        if (target.SequenceKey is { } key)
        {
            return [.. settings, .. LowerSequenceKey(null, target.Location, key, $"<sequence key=\"{key.Text}\"/>")];
        }

        if (target.EndpointKey is not null || target.Endpoint is not null)
        {
            EndpointReferenceSyntax reference = target.Endpoint is { } endpoint
                ? new EndpointReferenceSyntax.Inline(endpoint)
                : new EndpointReferenceSyntax.Key(target.EndpointKey!, target.Location);
            if (CallStepFor(null, reference, context, out _) is not { } call)
            {
                problem = "a target's endpoint is not translated";
                return null;
            }

            // The copy is sent (its response checked as any send's, FORCE_ERROR_ON_SOAP_FAULT); its response runs the
            // out flow (or answers, on a response path).
            return [.. settings, .. SoapFaultChecked(null, call, target.Location), SendReply(null, context)];
        }

        problem = "a target has neither a sequence nor an endpoint";
        return null;
    }
}
