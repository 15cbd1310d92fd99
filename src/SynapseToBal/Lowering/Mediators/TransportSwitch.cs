using System.Collections.Immutable;
using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

// Lowering of the axis2 transport switches FORCE_HTTP_1.0, DISABLE_CHUNKING, FORCE_HTTP_CONTENT_LENGTH and
// COPY_CONTENT_LENGTH_FROM_INCOMING: a dedicated client of the endpoint called after them, or a TODO where none fits.
public sealed partial class Lowerer
{
    private readonly Dictionary<(Symbol Client, HttpTransport Transport), ClientIr> _transportClients = new();

    /// <summary>The switch properties lowered to a comment (their effect carried by the calls after them).</summary>
    private readonly HashSet<PropertyMediator> _transportSwitches = new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// A proxy's target endpoint is called after its inSequence, whose facts lowering does not carry to that call:
    /// a switch the inSequence sets is then a TODO before it (carrying the property), never silently dropped.
    /// </summary>
    private TodoStep[] TargetTransportSwitchTodo(FlowSyntax? inSequence)
    {
        if (inSequence is null)
        {
            return [];
        }

        var finder = new TransportSwitchFinder(_transportSwitches);
        finder.WalkMediators(inSequence.Mediators);
        if (finder.Found.Count == 0)
        {
            return [];
        }

        foreach (var origin in finder.Found)
        {
            _diagnostics.Report(DiagnosticCatalog.PropertyNotTranslated, origin.Location, origin.Scope, origin.Name);
        }

        var names = string.Join(", ", finder.Found.Select(o => o.Name).Distinct());
        return [new TodoStep(finder.Found[0], new NotTranslatedIr(DiagnosticCatalog.PropertyNotTranslated,
            $"the inSequence sets the axis2 transport switch {names}, which also applies to the call of the proxy's target endpoint here; that call uses the endpoint's usual client: configure it for the switch by hand"),
            string.Join("\n", finder.Found.Select(o => SecretNames.MaskXml(o.RawXml))))];
    }

    /// <summary>
    /// A TODO at the end of a named sequence or template that leaves a transport switch set: the message goes back to
    /// the caller with it, where the calls and answers after the sequence (until a response comes back) are written
    /// with it in the Micro Integrator, while the generated caller knows nothing of it.
    /// </summary>
    private ImmutableArray<StepIr> SequenceEndTransportTodo(ImmutableArray<StepIr> body, FlowContext context)
    {
        var switches = context.Exchange.Ended?.Transport ?? default;
        if (!switches.Matters || switches.Origins is not { IsEmpty: false } origins || Flow.Terminates(body))
        {
            return body;
        }

        foreach (var origin in origins)
        {
            _diagnostics.Report(DiagnosticCatalog.PropertyNotTranslated, origin.Location, origin.Scope, origin.Name);
        }

        var names = string.Join(", ", origins.Select(o => o.Name).Distinct());
        var lines = string.Join(", ", origins.Select(o => o.Location.LineSpan.Start.Line + 1).Distinct());
        return [.. body, new TodoStep(origins[0], new NotTranslatedIr(DiagnosticCatalog.PropertyNotTranslated,
            $"the axis2 transport switch {names} (line {lines}) is still set when this sequence returns: the Micro Integrator also applies it to what its callers send or answer after it (until a response comes back), which the generated callers write with their usual settings; reproduce it there by hand"),
            string.Join("\n", origins.Select(o => SecretNames.MaskXml(o.RawXml)))) { SettingOnly = true }];
    }

    private sealed class TransportSwitchFinder(HashSet<PropertyMediator> switches) : Semantics.SyntaxWalker
    {
        public List<PropertyMediator> Found { get; } = [];

        protected override void OnMediator(MediatorSyntax mediator)
        {
            if (mediator is PropertyMediator property && switches.Contains(property))
            {
                Found.Add(property);
            }
        }
    }

    /// <summary>
    /// An axis2 transport switch set to a literal "true" or "false" (or removed) on a request: the flow remembers it
    /// (<see cref="TransportSwitches"/>) and the calls after it go through a client of their endpoint configured the
    /// same way (<see cref="WithTransportSwitches"/>); anything the switch reaches that no client configuration
    /// reproduces gets a TODO carrying the property (<see cref="TransportSwitchTodo"/>). Null (the property stays a
    /// TODO, SB0207) for a computed or typed value, or another literal (the sender compares with "true"; a Boolean
    /// value is not a String to it). The message may be a response (after a call, in an out or fault flow, in a named
    /// sequence): a call or send to an endpoint sends a clone of it all the same (Axis2FlexibleMEPClient.send, cloneForSend:
    /// MessageHelper.clonePartially copies the axis2 properties) and the pass-through sender reads the switch from that
    /// request (TargetRequest.processChunking, PassThroughHttpSender), so those calls get the configured client; what
    /// the switch reaches that answers the client (SourceResponse reads it too) gets the TODO
    /// (<see cref="TransportSwitchProblem"/>), and a switch still set when a named sequence or template returns too
    /// (<see cref="SequenceEndTransportTodo"/>).
    /// </summary>
    private CommentStep? LowerTransportSwitch(PropertyMediator property, FlowContext context)
    {
        var state = context.Exchange.Current;
        if (property.Scope != "axis2")
        {
            return null;
        }

        bool value;
        if (property.Action == PropertyAction.Remove)
        {
            value = false;
        }
        else if (property.Type?.ToUpperInvariant() is null or "STRING" && property.Value is ValueSyntax.Literal { Text: "true" or "false" } literal)
        {
            value = literal.Text == "true";
        }
        else
        {
            return null;
        }

        context.Exchange.Set(state with { Transport = state.Transport.With(property, value) });
        if (value)
        {
            _transportSwitches.Add(property);
        }

        var text = (property.Name, value) switch
        {
            ("FORCE_HTTP_1.0", true) => "FORCE_HTTP_1.0: the calls below (until a response comes back) go through a client of their endpoint that sends HTTP/1.0 with a Content-Length, as the pass-through sender does.",
            ("DISABLE_CHUNKING", true) => "DISABLE_CHUNKING: the calls below (until a response comes back) go through a client of their endpoint that sends a Content-Length instead of chunks.",
            ("FORCE_HTTP_CONTENT_LENGTH", true) => "FORCE_HTTP_CONTENT_LENGTH: with COPY_CONTENT_LENGTH_FROM_INCOMING, the calls below (until a response comes back) go through a client of their endpoint that sends a Content-Length instead of chunks.",
            ("COPY_CONTENT_LENGTH_FROM_INCOMING", true) => "COPY_CONTENT_LENGTH_FROM_INCOMING: with FORCE_HTTP_CONTENT_LENGTH, the calls below send a Content-Length (the Ballerina client measures the body it sends; the Micro Integrator copies the received length).",
            _ => $"{property.Name} cleared: the calls below use their endpoint's usual client.",
        };
        return new CommentStep(property, text);
    }

    /// <summary>
    /// A call through the client its endpoint's transport switches ask for: the endpoint's client itself when no
    /// switch is set, else a client of the same URL configured for HTTP/1.0 or for no chunking (made once per
    /// endpoint and configuration). Left as it is when no configuration fits (a blocking call, a switch set on some
    /// paths only, a failover or load-balance client): <see cref="TransportSwitchTodo"/> then puts a TODO before it.
    /// </summary>
    private CallStep WithTransportSwitches(CallStep step, FlowContext context)
    {
        var switches = context.Exchange.Current.Transport;
        if (!switches.Matters || step.Origin is CallMediator { Blocking: true } or CalloutMediator || step.Client.Group is not null
            || switches.Need(out _) is not { } transport)
        {
            return step;
        }

        if (!_transportClients.TryGetValue((step.Client.Name, transport), out var client))
        {
            var (hint, note) = transport switch
            {
                HttpTransport.Http10 => (" http10", "Sends HTTP/1.0 requests with a Content-Length: the calls made after FORCE_HTTP_1.0 is set to true use this client (the Micro Integrator applies the switch to each message it is set on)."),
                _ => (" no chunking", "Sends HTTP/1.1 requests with a Content-Length instead of chunks: the calls made after DISABLE_CHUNKING (or FORCE_HTTP_CONTENT_LENGTH with COPY_CONTENT_LENGTH_FROM_INCOMING) is set to true use this client (the Micro Integrator applies the switch to each message it is set on)."),
            };
            client = step.Client with
            {
                Name = _symbols.Module(SymbolKind.Client, step.Client.SynapseName + hint),
                Transport = transport,
                Notes = step.Client.Notes.Insert(0, note),
            };
            _transportClients[(step.Client.Name, transport)] = client;
            _clients.Add(client);
        }

        return step with { Client = client };
    }

    /// <summary>
    /// A TODO before a step that writes the message while a transport switch is (or may be) set, when the generated
    /// code does not write it the way the switch asks: a call whose client is not configured for it, a response to
    /// the client, a send to the To address, a store or a sequence that sends or answers. Null otherwise.
    /// </summary>
    private TodoStep? TransportSwitchTodo(StepIr step, FlowContext context)
    {
        var switches = context.Exchange.Current.Transport;
        if (!switches.Matters || switches.Origins is not { IsEmpty: false } origins || TransportSwitchProblem(step, switches) is not { } problem)
        {
            return null;
        }

        foreach (var origin in origins)
        {
            _diagnostics.Report(DiagnosticCatalog.PropertyNotTranslated, origin.Location, origin.Scope, origin.Name);
        }

        var names = string.Join(", ", origins.Select(o => o.Name).Distinct());
        var lines = string.Join(", ", origins.Select(o => o.Location.LineSpan.Start.Line + 1).Distinct());
        return new TodoStep(origins[0], new NotTranslatedIr(DiagnosticCatalog.PropertyNotTranslated,
            $"the axis2 transport switch {names} (line {lines}) also applies to the message written here, which the generated code writes with its usual settings: {problem}"),
            string.Join("\n", origins.Select(o => SecretNames.MaskXml(o.RawXml))));
    }

    private string? TransportSwitchProblem(StepIr step, TransportSwitches switches)
    {
        switch (step)
        {
            case CallStep call when call.Blocking || call.Origin is CallMediator { Blocking: true } or CalloutMediator:
                return "a blocking call goes through the Micro Integrator's blocking sender, which applies DISABLE_CHUNKING only; configure the client by hand";
            case CallStep call:
            {
                var transport = switches.Need(out var problem);
                if (problem is not null)
                {
                    return problem;
                }

                return call.Client.Transport == transport
                    ? null
                    : "a failover or load-balance client is not given the setting; set httpVersion and http1Settings on its configuration by hand";
            }

            case CallAddressStep:
                return "a send to the To address goes through the default client; configure it by hand";
            case HttpConnectorCallStep:
                // The operation's template sets every switch it knows from its own parameters before its call
                // (DISABLE_CHUNKING to $func:disableChunking, "" when not given, ...): the flow's switches never reach it.
                return null;
            case RespondStep or StoreMessageStep or ForkStep { Origin: SendMediator }:
                return "the answer or store here is not configured per message; reproduce the switch by hand";
            case DirectionStep direction:
                return direction.Request.Concat(direction.Response).Select(s => TransportSwitchProblem(s, switches)).FirstOrDefault(p => p is not null);
            case CacheLookupStep cache when cache.OnHit.Any(s => s is RespondStep):
                return "a cache hit answers the client here, which is not configured per message; reproduce the switch by hand";
            case ForkStep { Origin: not SendMediator }:
                return "a branch may run a sequence that calls or sends with its usual settings; reproduce the switch there by hand";
            case InvokeStep:
                // The called function is lowered on its own (its calls use their endpoints' usual clients).
                return "the sequence called here may call, send or answer the message with its usual settings; reproduce the switch there by hand";
            default:
                return null;
        }
    }
}
