using System.Collections.Immutable;
using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

// <send> to a recipientlist endpoint with OUT_ONLY: a copy of the message to every member at once, nothing waited for.
public sealed partial class Lowerer
{
    /// <summary>The recipient-list endpoint a send names, inline or by a static key; null for any other endpoint.</summary>
    private RecipientListEndpointSyntax? RecipientListOf(EndpointReferenceSyntax? reference) => reference switch
    {
        EndpointReferenceSyntax.Inline { Endpoint.Definition: RecipientListEndpointSyntax inline } => inline,
        EndpointReferenceSyntax.Key { Value.IsDynamic: false } key when _model.Symbols.Endpoint(key.Value.Text)?.Endpoint.Definition is RecipientListEndpointSyntax named => named,
        _ => null,
    };

    /// <summary>
    /// A send to a recipient list, as <c>RecipientListEndpoint.send</c> does it: a clone of the message to each member.
    /// With OUT_ONLY set (the way recipient lists are used: no response is awaited, FORCE_SC_ACCEPTED answers 202)
    /// it becomes a fork of one branch per member, each calling its member on its own copy, started together and not
    /// awaited. The members are child endpoints with an HTTP client, or the addresses of a literal
    /// <c>&lt;endpoints value="url,url"/&gt;</c>; a list computed at run time is split per message
    /// (<see cref="LowerRunTimeRecipients"/>). Without OUT_ONLY each response runs the out flow: translated when that
    /// starts with an aggregate gathering them (<see cref="LowerRecipientsToAggregate"/>). Anything else returns null
    /// and stays a TODO (static <c>&lt;member&gt;</c>s among others).
    /// </summary>
    private IEnumerable<StepIr>? LowerRecipientListSend(SendMediator send, RecipientListEndpointSyntax list, FlowContext context)
    {
        if (!list.Members.IsEmpty || context.Exchange.Current.OutOnly == Known.Maybe)
        {
            return null;
        }

        if (list.DynamicEndpoints is ValueSyntax.Expression urls && list.Children.IsEmpty)
        {
            return LowerRunTimeRecipients(send, urls, context);
        }

        if (context.Exchange.Current.OutOnly != Known.Yes)
        {
            return LowerRecipientsToAggregate(send, list, context);
        }

        if (RecipientMembers(send, list, context) is not { Count: > 0 } members)
        {
            return null;
        }

        var branches = members.Select((member, index) =>
        {
            var symbol = _symbols.Module(SymbolKind.Function, $"{context.Owner} recipient {index + 1}", shorter: FlowShorter(context, $"recipient {index + 1}"));
            _functions.Add(new FunctionIr(symbol, FunctionKind.Sequence, false, [new CallStep(null, member.Client, member.Path) { OutOnly = true }],
                $"Member {index + 1} of the recipient list at line {list.Location.LineSpan.Start.Line + 1}: sends its copy of the message (OUT_ONLY: the response is not read).", member.Location));
            return symbol;
        }).ToImmutableArray();

        _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, list.Location, "recipientlist", "member failures",
            "each member is called on its own copy in a strand of its own that nobody waits for, so a member that fails is not seen by the flow or its fault handler; log it in the member's function if it matters");
        var fork = new ForkStep(send, new ForkSourceIr.Copies(), branches, Parallel: true, null);
        return AfterSend(send, fork, context)
            .Prepend(new CommentStep(send, $"recipientlist: a copy of the message to each of its {members.Count} members at once, as RecipientListEndpoint does; OUT_ONLY: no response is awaited."));
    }

    /// <summary>
    /// Why a send with OUT_ONLY to a recipient list stays a TODO (<see cref="LowerRecipientListSend"/> returned null), and
    /// what the Micro Integrator does with it: RecipientListEndpoint sends a copy of the message to every recipient at
    /// once and, with OUT_ONLY, waits for no response.
    /// </summary>
    private static string OutOnlyRecipientListReason(RecipientListEndpointSyntax list)
    {
        const string mi = "with OUT_ONLY the Micro Integrator sends a copy of the message to every recipient at once and waits for no response (RecipientListEndpoint)";
        if (!list.Members.IsEmpty)
        {
            return $"its <member> elements name a host and ports, not an endpoint: {mi}, each copy going over the transport the request came in on (http or https; a member is skipped for any other) to the member's host and port for it, with the path of the message's To address (sendToApplicationMembers); give each member an address endpoint, which is translated";
        }

        if (list.DynamicEndpoints is ValueSyntax.Expression urls && list.Children.IsEmpty)
        {
            return $"its URLs come from '{urls.Syntax.Original}', an expression that is not translated (the SB0203 warning on it says why): {mi}, one to each URL of the comma-separated value it gives for the message; write the expression by hand, and the list is translated as a run-time one";
        }

        return $"a recipient has no HTTP client (the diagnostic on it says why): {mi}; call each recipient on its own copy of the message by hand";
    }

    /// <summary>
    /// The members of a recipient list with static members: its child endpoints with an HTTP client, or the addresses of a
    /// literal <c>&lt;endpoints value="url,url"/&gt;</c>; null when one has no client.
    /// </summary>
    private List<(ClientIr Client, HttpPathIr Path, SourceLocation Location)>? RecipientMembers(SendMediator send, RecipientListEndpointSyntax list, FlowContext context)
    {
        var members = new List<(ClientIr Client, HttpPathIr Path, SourceLocation Location)>();
        if (list.DynamicEndpoints is { } value)
        {
            if (value is not ValueSyntax.Literal literal || !list.Children.IsEmpty)
            {
                return null;
            }

            // Synapse splits the value on commas and sends to each address (an address endpoint per URL).
            var urls = literal.Text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            for (var index = 0; index < urls.Length; index++)
            {
                var address = new EndpointSyntax(list.Location, send.RawXml, null, new AddressEndpointSyntax(list.Location, urls[index], null, EndpointQualities.None), []);
                if (LowerClient(address, ShortClient($"{context.Owner} recipient {index + 1} endpoint", context, $"recipient {index + 1} endpoint"), out _) is not { } client)
                {
                    return null;
                }

                members.Add((client, new HttpPathIr.Postfix(), list.Location));
            }
        }
        else
        {
            for (var index = 0; index < list.Children.Length; index++)
            {
                var child = list.Children[index];
                var reference = child.Definition is IndirectEndpointSyntax indirect
                    ? new EndpointReferenceSyntax.Key(indirect.Key, child.Location)
                    : (EndpointReferenceSyntax)new EndpointReferenceSyntax.Inline(child);
                if (RecipientListOf(reference) is not null || DefaultEndpointOf(reference) is not null
                    || CallStepFor(null, reference, context with { Owner = $"{context.Owner} recipient {index + 1}" }, out _) is not { } call)
                {
                    return null;
                }

                ReportUncheckedSoapFault(child.Location, "recipientlist");
                members.Add((call.Client, call.Path, child.Location));
            }
        }

        return members;
    }
}
