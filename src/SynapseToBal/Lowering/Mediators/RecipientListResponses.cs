using System.Collections.Immutable;
using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

// <send> to a recipient list whose responses are awaited, and recipient lists computed at run time.
// RecipientListEndpoint clones the message for each member with MessageHelper.cloneMessageContext, which sets the plain
// aggregateCorelation property (the parent's message id) on every copy, and numbers the copies with MESSAGE_SEQUENCE
// 'i/N': exactly what a clone without id gives its copies. Each member's response runs the out flow on its own, so an
// out flow starting with an aggregate without id gathers them, completing once N responses are in; this is the EI 6.x
// shape the clone/iterate pairing translates (SplitAndAggregate.cs), and it is translated the same way here.
public sealed partial class Lowerer
{
    /// <summary>
    /// A recipient list whose URLs are computed at run time (<c>&lt;endpoints value="{expr}"/&gt;</c>): the value is split
    /// on commas for each message and every URL gets a copy sent to it (<c>recipientMessages</c>, then <c>callAddress</c>
    /// on each copy, as the address endpoint Synapse makes per URL). With OUT_ONLY nothing is awaited; otherwise the
    /// responses go to the out flow's aggregate. Null (a TODO) when the value is not translated or no aggregate gathers
    /// the responses.
    /// </summary>
    private IEnumerable<StepIr>? LowerRunTimeRecipients(SendMediator send, ValueSyntax.Expression urls, FlowContext context)
    {
        var value = Expr(urls.Syntax, context);
        if (value is UntranslatedExprIr)
        {
            return null;
        }

        var source = new ForkSourceIr.Recipients(value);
        if (context.Exchange.Current.OutOnly == Known.Yes)
        {
            var symbol = _symbols.Module(SymbolKind.Function, $"{context.Owner} recipient", shorter: FlowShorter(context, "recipient"));
            _functions.Add(new FunctionIr(symbol, FunctionKind.Sequence, false, [new CallAddressStep(send) { OutOnly = true }],
                $"A member of the recipient list at line {send.Location.LineSpan.Start.Line + 1}: sends its copy of the message to its URL (OUT_ONLY: the response is not read).", send.Location));
            ReportUnseenMemberFailures(send.Location);
            return AfterSend(send, new ForkStep(send, source, [symbol], Parallel: true, null), context)
                .Prepend(new CommentStep(send, $"recipientlist: the URLs of '{urls.Syntax.Original}' (split on commas for each message) each get a copy of the message at once, as RecipientListEndpoint does; OUT_ONLY: no response is awaited."));
        }

        if (RecipientAggregate(context) is not { } aggregate)
        {
            return null;
        }

        return RecipientResponsesAggregated(send, aggregate, source, [([new CallAddressStep(send)], send.Location)],
            $"recipientlist: the URLs of '{urls.Syntax.Original}' (split on commas for each message) each get a copy of the message, sent at once and awaited (RecipientListEndpoint); the out flow's aggregate gathers their responses in the order of the URLs, not of arrival.",
            context);
    }

    /// <summary>
    /// A send to a recipient list with static members (child endpoints, or a literal list of URLs) whose responses are
    /// awaited: each member gets a copy, and the aggregate first in the out flow gathers the responses. Null (a TODO)
    /// when no such aggregate gathers them or a member has no client.
    /// </summary>
    private IEnumerable<StepIr>? LowerRecipientsToAggregate(SendMediator send, RecipientListEndpointSyntax list, FlowContext context)
    {
        if (RecipientAggregate(context) is not { } aggregate || RecipientMembers(send, list, context) is not { Count: > 0 } members)
        {
            return null;
        }

        return RecipientResponsesAggregated(send, aggregate, new ForkSourceIr.Copies(),
            members.Select(member => (ImmutableArray.Create<StepIr>(new CallStep(null, member.Client, member.Path)), member.Location)).ToList(),
            $"recipientlist: a copy of the message to each of its {members.Count} members, sent at once and awaited (RecipientListEndpoint); the out flow's aggregate gathers their responses in the order of the members, not of arrival.",
            context);
    }

    /// <summary>
    /// Why a send to a recipient list awaiting its responses stays a TODO here (<see cref="LowerRecipientListSend"/>
    /// returned null): which of the conditions of its translation this send does not meet.
    /// </summary>
    private string AwaitedRecipientListWhy(RecipientListEndpointSyntax list, FlowContext context)
    {
        if (!list.Members.IsEmpty)
        {
            return "its <member> elements name a host and ports, not an endpoint (sendToApplicationMembers sends each copy over the transport the request came in on to that host and port); give each member an address endpoint";
        }

        if (context.Exchange.Current.OutOnly == Known.Maybe)
        {
            return "whether OUT_ONLY is set when the send runs is known only at run time, so it is not known whether the responses are awaited";
        }

        if (RecipientAggregate(context) is not { } aggregate)
        {
            return context.Kind switch
            {
                FlowKind.In => "this flow's out flow does not start with an <aggregate> without id, so each response runs the out flow on its own",
                FlowKind.Sequence when _model.Symbols.Sequence(context.Owner) is not null => $"not every out flow the responses of sequence '{context.Owner}' reach (those of the proxies, API resources and main sequence that run it) is known to start with an <aggregate> without id: none of the input runs it, or one that does has no such out flow",
                FlowKind.Sequence => "the send is in a template or a flow whose responses reach the out flow of whatever runs it, which the converter does not follow",
                _ => "its responses reach no out flow that starts with an <aggregate> without id",
            };
        }

        return list.DynamicEndpoints is ValueSyntax.Expression urls && list.Children.IsEmpty
            ? $"the expression of its URLs ('{urls.Syntax.Original}') or the out flow's aggregate (line {aggregate.Location.LineSpan.Start.Line + 1}) is not translated (the diagnostic on it says why)"
            : $"a recipient has no HTTP client, or the out flow's aggregate (line {aggregate.Location.LineSpan.Start.Line + 1}) is not translated with the responses (the diagnostic on it says why)";
    }

    /// <summary>
    /// The aggregate that gathers the responses of a recipient list sent from this flow: the one the out flow starts with
    /// (an in flow), or the one every out flow the named sequence's sends reach starts with. Only an aggregate without
    /// id gathers them (one with an id correlates on aggregateCorelation.&lt;id&gt;, which the copies do not carry, and
    /// lets each response through). Null otherwise.
    /// </summary>
    private AggregateMediator? RecipientAggregate(FlowContext context)
    {
        AggregateMediator? aggregate = null;
        if (context.Kind == FlowKind.In && context.OutFunction is { } outFunction && _outFlowAggregates.TryGetValue(outFunction, out var first))
        {
            aggregate = first;
        }
        else if (context.Kind == FlowKind.Sequence && _model.Symbols.Sequence(context.Owner) is not null && EntryAggregateReaching(new FlowOwnerName(context.Owner, false)) is { } reached)
        {
            aggregate = reached;
        }

        return aggregate is { Id: null } ? aggregate : null;
    }

    /// <summary>
    /// The fork of a recipient list gathered by the out flow's aggregate, as an in-flow clone pairs with it: each branch
    /// sends its copy, runs the mediators the out flow has before the aggregate on the response, and keeps the part the
    /// aggregate collects; then the onComplete runs on the aggregated message, and what follows the aggregate in the out
    /// flow. Null when the aggregate is not translated.
    /// </summary>
    private IEnumerable<StepIr>? RecipientResponsesAggregated(SendMediator send, AggregateMediator aggregate, ForkSourceIr source,
        IReadOnlyList<(ImmutableArray<StepIr> Call, SourceLocation Location)> members, string comment, FlowContext context)
    {
        if (AggregationOf(aggregate, context, out var part) is not { } aggregation || part is null
            || RunTimeLimitProblem(aggregate, [], acrossFlows: true, context) is not null)
        {
            return null;
        }

        aggregation = WithRunTimeLimits(aggregation, aggregate, acrossFlows: true, context);
        var outContext = new FlowContext(FlowKind.Out, context.Translator, null, context.Owner) { ApiResource = context.ApiResource };
        // The out flow's mediators before the aggregate run on each member's response, in its branch.
        var prefixes = new List<ImmutableArray<StepIr>>();
        for (var member = 0; member < members.Count; member++)
        {
            if (OutFlowPrefix(aggregate, outContext, out _) is not { } lowered)
            {
                return null;
            }

            prefixes.Add(lowered);
        }

        var symbols = members.Select((member, index) =>
        {
            var prefix = prefixes[index];
            var role = members.Count > 1 ? $"recipient {index + 1}" : "recipient";
            var symbol = _symbols.Module(SymbolKind.Function, $"{context.Owner} {role}", shorter: FlowShorter(context, role));
            // Each response is injected on its own and comes back through the API resource (API.process, Resource.process)
            // before the out flow's mediators run on it.
            ImmutableArray<StepIr> through = context.ApiResource ? [new ThroughResourceStep(send)] : [];
            // A send's response is a response (SynapseCallbackReceiver.handleMessage: no CONTINUATION_CALL), as the out flow sees it.
            _functions.Add(new FunctionIr(symbol, FunctionKind.Sequence, false, [.. member.Call, new MarkResponseStep(send), .. through, .. prefix, new ReplacePayloadStep(aggregate, part)],
                $"A member of the recipient list at line {send.Location.LineSpan.Start.Line + 1}: sends its copy of the message, then keeps the part of the response the aggregate collects.", member.Location));
            return symbol;
        }).ToImmutableArray();

        var steps = new List<StepIr>
        {
            new CommentStep(send, comment),
            new ForkStep(send, source, symbols, Parallel: true, WithTimeout(aggregation, aggregate, ignoresSplitCount: false)),
        };

        var flow = aggregate.OnComplete!.Flow;
        var onComplete = flow.SequenceKey is { } key
            ? LowerSequenceKey(aggregate, flow.Location, key, aggregate.RawXml)
            : LowerBlock(flow.Mediators, outContext);
        steps.AddRange(onComplete);
        if (_entryPrefixes.ContainsKey(aggregate) && !Flow.Terminates(onComplete))
        {
            steps.AddRange(AfterOutFlowAggregate(aggregate, outContext));
        }
        else if (!AlwaysAnswers(onComplete, []))
        {
            // The aggregated message goes on after the aggregate: the rest of the out flow (its aggregate passes it through).
            steps.Add(new ContinueWithStep(aggregate, context.OutFunction));
        }

        return steps;
    }

    /// <summary>A recipient list's copies sent without waiting: a member that fails is not seen by the flow.</summary>
    private void ReportUnseenMemberFailures(SourceLocation location) =>
        _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, location, "recipientlist", "member failures",
            "each member is called on its own copy in a strand of its own that nobody waits for, so a member that fails is not seen by the flow or its fault handler; log it in the member's function if it matters");
}
