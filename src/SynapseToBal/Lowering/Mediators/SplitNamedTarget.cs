using System.Collections.Immutable;
using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

// Two more EI 6.x split shapes whose copies' responses reach the out flow's aggregate:
// - a target naming a sequence (<target sequence="name"/>): Synapse's Target runs that sequence on the copy
//   (SequenceMediator by key), so its send is the copy's send; the branch runs the sequence's mediators inline so
//   that the send keeps its response in the branch, as an inline target's does;
// - continueParent="true" on a split that ends its in flow: the original message goes on after the split but has
//   nothing left to run there (an in flow ending without a send answers nothing), so the copies alone reach the
//   out flow, as without continueParent.
public sealed partial class Lowerer
{
    /// <summary>The named sequences being inlined into a split's branch (a sequence reached again is not inlined twice).</summary>
    private readonly HashSet<string> _inlinedTargetSequences = new(StringComparer.Ordinal);

    /// <summary>
    /// The mediators of the named sequence a target's static key gives, lowered on the copy, for a branch whose send
    /// must keep its response; null when the key is dynamic, names no sequence of the input, the sequence has an
    /// onError handler of its own (a failure would run it, not the caller's), or it is already being inlined.
    /// Diagnostics are reported once, by the sequence's own function.
    /// </summary>
    private ImmutableArray<StepIr>? InlineTargetSequence(KeySyntax key, FlowContext context)
    {
        if (key.IsDynamic || _model.Symbols.Sequence(key.Text) is not { OnError: null } named || !_inlinedTargetSequences.Add(named.Name))
        {
            return null;
        }

        var reported = _diagnostics;
        _diagnostics = new DiagnosticBag();
        try
        {
            return LowerOnCopy(named.Mediators, context);
        }
        finally
        {
            _diagnostics = reported;
            _inlinedTargetSequences.Remove(named.Name);
        }
    }

    /// <summary>The client of each inline endpoint lowered so far (a sequence inlined into a split's branch lowers its endpoints again).</summary>
    private readonly Dictionary<EndpointSyntax, ClientIr> _inlineClients = new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// The shorter names of the client of an inline endpoint of an API resource's own flow, by its base name (issue 14:
    /// <c>submissionEndpoint</c> for <c>OrderAPI /submission</c>, not <c>orderApiSubmissionEndpoint</c>): the ladder the
    /// resource's other functions get (<see cref="FlowShorter"/>). Its URL configurable keeps the long name, a
    /// <c>Config.toml</c> key a deployment may already set.
    /// </summary>
    private readonly Dictionary<string, ImmutableArray<string>> _clientShorter = new(StringComparer.Ordinal);

    /// <summary><paramref name="baseName"/>, after recording the shorter names its client (and its group and suspension state) may take.</summary>
    private string ShortClient(string baseName, FlowContext context, string role)
    {
        if (FlowShorter(context, role) is { Length: > 0 } shorter)
        {
            _clientShorter[baseName] = shorter;
        }

        return baseName;
    }

    /// <summary>The shorter names recorded for a client's base name (<see cref="ShortClient"/>), each followed by <paramref name="suffix"/>; none for other clients.</summary>
    private ImmutableArray<string> ClientShorter(string baseName, string suffix = "") =>
        _clientShorter.TryGetValue(baseName, out var shorter) ? [.. shorter.Select(s => s + suffix)] : [];

    /// <summary>The client of an inline endpoint: the one made when it was lowered before, else a new one.</summary>
    private ClientIr? InlineClient(EndpointSyntax endpoint, string baseName, out NotTranslatedIr? reason)
    {
        reason = null;
        if (_inlineClients.TryGetValue(endpoint, out var known))
        {
            return known;
        }

        var client = LowerClient(endpoint, baseName, out reason);
        if (client is not null)
        {
            _inlineClients[endpoint] = client;
        }

        return client;
    }

    /// <summary>Whether the split is the last mediator of an inline in flow of a proxy service or API resource (or of main's &lt;in&gt;, nothing but &lt;out&gt; after it).</summary>
    private bool EndsItsInFlow(MediatorSyntax split)
    {
        var inFlows = _model.Apis.SelectMany(api => api.Resources.Select(resource => resource.InSequence))
            .Concat(_model.Artifacts.OfType<ProxySyntax>().Select(proxy => proxy.Target?.InSequence))
            .OfType<FlowSyntax>()
            .Where(flow => flow.Key is null)
            .Select(flow => flow.Mediators);
        if (_model.Symbols.Sequence("main")?.Mediators is { } main)
        {
            var index = main.IndexOf(main.OfType<DirectionMediator>().FirstOrDefault(direction => direction.IsIn)!);
            if (index >= 0 && main[(index + 1)..].All(mediator => mediator is DirectionMediator { IsIn: false }))
            {
                inFlows = inFlows.Append(((DirectionMediator)main[index]).Mediators);
            }
        }

        return inFlows.Any(mediators => mediators.Length > 0 && ReferenceEquals(mediators[^1], split));
    }
}
