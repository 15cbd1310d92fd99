using System.Collections.Immutable;
using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

// Lowering of <call>, <send> and <loopback>: a backend call through the endpoint's client, then the reply or the out flow.
public sealed partial class Lowerer
{
    private IEnumerable<StepIr> LowerCall(CallMediator call, FlowContext context)
    {
        if (call.SourceXml is not null || call.TargetXml is not null)
        {
            return [Todo(call, DiagnosticCatalog.AttributeNotTranslated, "call with <source>/<target> is not translated: the MI 4.4 call sends what its <source> selects and puts the response where its <target> says, while the generated call sends the body and makes the response the body", "call", "source/target", "the generated call would send the body and replace it with the response, where the MI 4.4 call sends its <source> and stores the response in its <target>; write that call by hand")];
        }

        var state = context.Exchange.Current;
        if (state.ForceAccepted == Known.Yes && !call.Blocking)
        {
            _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, call.Location, "call", "FORCE_SC_ACCEPTED", "the Micro Integrator answers 202 when the call starts; the generated code answers when the flow ends");
        }

        if (!call.Blocking && state.OutOnly == Known.Maybe)
        {
            _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, call.Location, "call", "OUT_ONLY", "OUT_ONLY is set on some paths above; the generated call waits for the response and continues with it");
        }

        if (!call.Blocking && state.ForceAccepted == Known.Maybe)
        {
            _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, call.Location, "call", "FORCE_SC_ACCEPTED", "FORCE_SC_ACCEPTED is set on some paths above; the generated code answers when the flow ends");
        }

        var outOnly = state.OutOnly == Known.Yes && !call.Blocking;
        if ((call.Endpoint is null && state.Response == Known.No) || DefaultEndpointOf(call.Endpoint) is not null)
        {
            // An endpoint-less call on a request goes to the To address (a default endpoint).
            return SoapFaultChecked(call, new CallAddressStep(call) { Blocking = call.Blocking, OutOnly = outOnly, BuildsMessage = !call.Blocking && call.Endpoint is not null }, call.Location);
        }

        var step = CallStepFor(call, call.Endpoint, context, out var reason);
        if (step is null && LocalCall(call, call.Endpoint, state, call.Location) is { } local)
        {
            return local is LocalCallStep ? SoapFaultChecked(call, local, call.Location) : [local];
        }

        if (step is null && JmsSend(call, call.Endpoint, reason, context) is { } jms)
        {
            return jms;
        }

        if (step is null && VfsSend(call, call.Endpoint, context) is { } vfs)
        {
            return vfs;
        }

        if (step is null && MailSend(call, call.Endpoint, context) is { } mail)
        {
            return mail;
        }

        if (step is null)
        {
            return [NotTranslatedCall(call, reason)];
        }

        if (outOnly)
        {
            // OUT_ONLY: clone, send and continue at once with the message as it was (semantics §4.3).
            return [step with { OutOnly = true }];
        }

        if (call.Blocking)
        {
            step = ThroughBlockingSender(step);
            ReportBlockingAddressing(step, call.Location, "call");
            ReportBlockingGroup(step.Client, call.Location, "call");
            step = BlockingOutOnly(step with { SoapFault = SetsForceErrorOnSoapFault }, state, call.Location, "call");
            // Synapse's blocking sender: an error status is a fault, and the request headers stay on the message.
            return step.Client.DefaultTimeout
                ? [new CommentStep(call, $"blocking=\"true\": the Micro Integrator's blocking sender gives up after 60 s (SO_TIMEOUT of its blocking HTTP sender in default.json), not the {GlobalTimeoutSeconds} s the client waits."), step]
                : [step];
        }

        return SoapFaultChecked(call, step, call.Location);
    }

    /// <summary>
    /// Synapse's blocking sender (a blocking call, a callout) when the message's OUT_ONLY is "true": BlockingMsgSender
    /// sends with sendRobust and puts no response on the message (<c>blockingSendOutOnly</c> in the runtime). A group
    /// sends through its members' blocking sends, which the runtime does not make out-only: reported. OUT_ONLY set on
    /// some paths only is reported too.
    /// </summary>
    private CallStep BlockingOutOnly(CallStep step, ExchangeState.Frame state, SourceLocation location, string element)
    {
        if (state.OutOnly == Known.Maybe || (state.OutOnly == Known.Yes && step.Client.Group is not null))
        {
            _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, location, element, "OUT_ONLY",
                state.OutOnly == Known.Maybe
                    ? $"OUT_ONLY is set on some paths above; the generated {element} waits for the response and continues with it, where the Micro Integrator's blocking sender then keeps the message as it was"
                    : $"OUT_ONLY is \"true\": the Micro Integrator's blocking sender keeps the message as it was, but the generated {element} to a failover or loadbalance group continues with the response");
            return step;
        }

        return state.OutOnly == Known.Yes ? step with { OutOnly = true, SoapFault = false } : step;
    }

    private IEnumerable<StepIr> LowerSend(SendMediator send, FlowContext context)
    {
        if (send.ReceiveSequence is { } receive && ReceiveFunction(send) is null)
        {
            if (!receive.IsDynamic)
            {
                _diagnostics.Report(DiagnosticCatalog.ReceiveSequenceUnknown, send.Location, receive.Text);
            }
            else if (RunTimeReceiveKey(send, context) is null)
            {
                _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, send.Location, "send", $"receive=\"{receive.Text}\"", "the sequence is chosen at run time by an expression that is not translated; the response continues in the out flow instead");
            }
            else
            {
                _diagnostics.Report(DiagnosticCatalog.ReceiveSequenceChosenAtRunTime, send.Location, receive.Text, _sequenceFunctions.Count);
            }
        }

        if (send.Endpoint is null)
        {
            // An endpoint-less send answers the client on the response path; on a request it goes to the To address
            // (SendMediator: Axis2SynapseEnvironment.send(null, synCtx) tests isResponse()). A fault flow runs on the
            // request or on the response, so it is decided at run time there unless a makefault or RESPONSE above settles it.
            // The answer is Axis2Sender.sendBack's alone, which writes no CORS headers (a response that came back through
            // the API resource has them already).
            if (context.Kind is FlowKind.Out)
            {
                return [new RespondStep(send) { SendBack = true }];
            }

            var toAddress = AfterSend(send, new CallAddressStep(send), context);
            return context.Exchange.Current.Response switch
            {
                Known.Yes => [new RespondStep(send) { SendBack = true }],
                Known.No => toAddress,
                _ => [new DirectionStep(send, [ToAnonymousAnswers(send, toAddress)], [new RespondStep(send) { SendBack = true }])],
            };
        }

        if (DefaultEndpointOf(send.Endpoint) is not null)
        {
            // A default endpoint sends to the To address, on a request or a response alike, building the message first.
            return AfterSend(send, new CallAddressStep(send) { BuildsMessage = true }, context);
        }

        if (RecipientListOf(send.Endpoint) is { } recipients && LowerRecipientListSend(send, recipients, context) is { } fork)
        {
            return fork;
        }

        var call = CallStepFor(send, send.Endpoint, context, out var reason);
        if (call is null && RecipientListOf(send.Endpoint) is not null && context.Exchange.Current.OutOnly != Known.Yes && reason?.Descriptor == DiagnosticCatalog.EndpointNotTranslated)
        {
            // A recipient list awaiting its responses: the TODO says what the Micro Integrator does with them.
            return [new TodoStep(send, reason with { Message = $"the <send> target endpoint is not translated: {reason.Message}; here {AwaitedRecipientListWhy(RecipientListOf(send.Endpoint)!, context)}" }, send.RawXml)];
        }

        if (call is null && RecipientListOf(send.Endpoint) is { } outOnlyList && reason?.Descriptor == DiagnosticCatalog.EndpointNotTranslated)
        {
            // An OUT_ONLY recipient list the fork could not be made for: the TODO says why, and what the Micro Integrator does.
            return [new TodoStep(send, reason with { Message = $"the <send> target endpoint is not translated: {OutOnlyRecipientListReason(outOnlyList)}" }, send.RawXml)];
        }

        if (call is null && LocalCall(send, send.Endpoint, context.Exchange.Current, send.Location) is { } local)
        {
            return local is LocalCallStep ? AfterSend(send, local, context) : [local];
        }

        if (call is null && JmsSend(send, send.Endpoint, reason, context) is { } jms)
        {
            return jms;
        }

        if (call is null && VfsSend(send, send.Endpoint, context) is { } vfs)
        {
            return vfs;
        }

        if (call is null && MailSend(send, send.Endpoint, context) is { } mail)
        {
            return mail;
        }

        if (call is null)
        {
            return [NotTranslatedCall(send, reason)];
        }

        return AfterSend(send, call, context);
    }

    /// <summary>
    /// An endpoint-less send on a request whose To is the anonymous address (<see cref="AnonymousToIr"/>): a call's response goes on as a
    /// request (SynapseCallbackReceiver.handleMessage puts the direction back for CONTINUATION_CALL) addressed to the
    /// anonymous address (its setTo(WSA_ANONYMOUS_URL)), and PassThroughHttpSender.invoke finds no destination for it
    /// (PassThroughTransportUtils.getDestinationEPR skips an anonymous To) and submits the message as the answer on the
    /// client's connection (submitResponse, through the OUT_TRANSPORT_INFO handleMessage copies onto the response):
    /// the client is answered. Any other To is sent to (<paramref name="toAddress"/>), as before; so is an empty To that
    /// is no backend response's (a task's message without a <c>to</c>, a removed To), which fails there.
    /// </summary>
    private static IfStep ToAnonymousAnswers(SendMediator send, IEnumerable<StepIr> toAddress) =>
        new(send, new AnonymousToIr(), [new RespondStep(send) { SendBack = true }], [.. toAddress]);

    /// <summary>
    /// A send, then what follows it: the out flow or the client gets the response; with OUT_ONLY the response is
    /// discarded and the client gets 202 (or, as in the Micro Integrator, nothing unless FORCE_SC_ACCEPTED is set:
    /// SB0210); with FORCE_SC_ACCEPTED alone the client has had its 202 before the response arrives.
    /// </summary>
    private IEnumerable<StepIr> AfterSend(SendMediator send, StepIr call, FlowContext context)
    {
        if (OutOnlyOrAccepted(send, "send", send.Location, call, context.Exchange.Current, context) is { } answered)
        {
            return answered;
        }

        if (ReceiveFunction(send) is { } receiveFunction)
        {
            return [.. SoapFaultChecked(send, call, send.Location), .. Receive(send, receiveFunction, context)];
        }

        if (send.ReceiveSequence is { IsDynamic: false } unknown)
        {
            // Reported where the send is lowered (SB0255): the Micro Integrator finds no such sequence and drops the response.
            ImmutableArray<StepIr> dropped = [.. SoapFaultChecked(send, call, send.Location), .. ReceiveUnknown(send, new StringLiteralIr(unknown.Text))];
            return IsRegistryKey(unknown.Text)
                ? [new TodoStep(null, new NotTranslatedIr(DiagnosticCatalog.ReceiveSequenceUnknown, $"receive=\"{unknown.Text}\" names a sequence of the server's registry that the input does not hold: when the server has it, the response runs it; add it to the input, or call its translation here instead of the drop below"), $"<send receive=\"{unknown.Text}\">"), .. dropped]
                : dropped;
        }

        if (send.ReceiveSequence is { } receive && RunTimeReceiveKey(send, context) is { } key)
        {
            return [.. SoapFaultChecked(send, call, send.Location), .. Responded(send, context), ReceiveByName(send, key)];
        }

        if (send.ReceiveSequence is { } untranslated)
        {
            // Reported where the send is lowered; the TODO keeps the receiving sequence in the code.
            var todo = new TodoStep(null, new NotTranslatedIr(DiagnosticCatalog.AttributeNotTranslated, $"receive=\"{untranslated.Text}\" is not translated: the response should run the sequence the expression names; it continues in the out flow here"), $"<send receive=\"{untranslated.Text}\">");
            return [todo, .. SoapFaultChecked(send, call, send.Location), SendReply(send, context)];
        }

        return [.. SoapFaultChecked(send, call, send.Location), SendReply(send, context)];
    }

    /// <summary>
    /// What OUT_ONLY and FORCE_SC_ACCEPTED make of a send (a <c>&lt;send&gt;</c>, or a proxy's target endpoint, which
    /// <c>ProxyServiceMessageReceiver</c> sends with <c>endpoint.send</c> as the send mediator does): with OUT_ONLY
    /// "true" Axis2FlexibleMEPClient sends out-only and no response comes back, so the client gets 202 (with
    /// FORCE_SC_ACCEPTED) or nothing (SB0210); with FORCE_SC_ACCEPTED alone the client has its 202 before the response
    /// arrives. Either set on some paths only is reported (SB0206). Null when neither is set: the response goes on.
    /// </summary>
    private IEnumerable<StepIr>? OutOnlyOrAccepted(MediatorSyntax? origin, string element, SourceLocation location, StepIr call, ExchangeState.Frame state, FlowContext context)
    {
        if (state.ForceAccepted == Known.Maybe)
        {
            _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, location, element, "FORCE_SC_ACCEPTED", "FORCE_SC_ACCEPTED is set on some paths above; the generated code answers with the backend's response");
        }

        if (state.OutOnly == Known.Maybe)
        {
            _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, location, element, "OUT_ONLY", "OUT_ONLY is set on some paths above; the generated send waits for the response");
        }

        if (state.OutOnly == Known.Yes)
        {
            if (state.ForceAccepted != Known.Yes)
            {
                _diagnostics.Report(DiagnosticCatalog.ResponseHang, location);
            }

            return [OutOnly(call), new AcceptStep(origin)];
        }

        if (state.ForceAccepted == Known.Yes)
        {
            if (context.Kind == FlowKind.Sequence || context.OutFunction is not null)
            {
                _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, location, element, "FORCE_SC_ACCEPTED", "the client gets 202 and the response is discarded; the Micro Integrator also runs the out flow on it");
            }

            return [call, new CommentStep(origin, "FORCE_SC_ACCEPTED: the client is answered 202 Accepted; the backend response is discarded."), new AcceptStep(origin)];
        }

        return null;
    }

    /// <summary>The function of the sequence a send's static <c>receive</c> names, when the input defines it.</summary>
    private Symbol? ReceiveFunction(SendMediator send) =>
        send.ReceiveSequence is { IsDynamic: false, Text: var name } && _sequenceFunctions.TryGetValue(name, out var function) ? function : null;

    /// <summary>
    /// <c>&lt;send receive="seq"/&gt;</c>: the response runs that sequence instead of the out flow (Synapse registers
    /// it as the continuation of the send: SendMediator, Axis2SynapseEnvironment.injectMessage with the receiving
    /// sequence). When it ends without answering, the Micro Integrator sends the client nothing (SB0210); the
    /// generated code answers 202 there.
    /// </summary>
    private IEnumerable<StepIr> Receive(SendMediator send, Symbol function, FlowContext context)
    {
        var canAnswer = _model.SequenceFacts(send.ReceiveSequence!.Text).CanAnswer;
        if (!canAnswer)
        {
            _diagnostics.Report(DiagnosticCatalog.ResponseHang, send.Location);
        }

        return [new CommentStep(send, $"receive=\"{send.ReceiveSequence.Text}\": the backend response runs that sequence, not the out flow."), .. Responded(send, context), new InvokeStep(send, function, canAnswer), new AcceptStep(send)];
    }

    /// <summary>
    /// Before a receiving sequence runs on a send's response: the message is a response there, as
    /// <see cref="SendReply"/> says (SynapseCallbackReceiver.handleMessage; a send sets no CONTINUATION_CALL), unless
    /// the direction is known to be one already.
    /// </summary>
    private static IEnumerable<StepIr> Responded(SendMediator send, FlowContext context) =>
        context.Exchange.Current.IsResponse == Known.Yes ? [] : [new MarkResponseStep(send)];

    /// <summary>
    /// The receiving sequence's name of a <c>receive="{expr}"</c>, as a string value, when the expression is translated:
    /// SendMediator sets RECEIVING_SEQUENCE to its string value (<c>Value.evaluateValue</c>). Null otherwise.
    /// </summary>
    private ExprIr? RunTimeReceiveKey(SendMediator send, FlowContext context) =>
        send.ReceiveSequence?.Dynamic is { } expression && !IrWalker.ContainsUntranslated(context.Translator.Value(expression))
            ? Expr(expression, context)
            : null;

    /// <summary>
    /// <c>&lt;send receive="{expr}"/&gt;</c>: the name is evaluated when the response is in hand and looked up among
    /// the sequences of the input (Axis2SynapseEnvironment.injectMessage: <c>synCtx.getSequence(name)</c>); the one
    /// it names runs on the response, as for a static name; any other name is <see cref="ReceiveUnknown"/>.
    /// </summary>
    private SwitchStep ReceiveByName(SendMediator send, ExprIr key)
    {
        var cases = _sequenceFunctions.OrderBy(s => s.Key, StringComparer.Ordinal)
            .Select(s => new SwitchCaseIr(LiteralPattern(s.Key), [new InvokeStep(send, s.Value, _model.SequenceFacts(s.Key).CanAnswer), new AcceptStep(send)]))
            .ToImmutableArray();
        return new SwitchStep(send, key, cases, ReceiveUnknown(send, key));
    }

    /// <summary>
    /// A receiving sequence the Micro Integrator cannot find: injectMessage logs "Cannot find a Sequence with name: X
    /// for injecting the message" and returns false, so the response is dropped and the client gets nothing (as for a
    /// drop in an out flow: SB0210); the generated code logs the same warning and answers 202.
    /// </summary>
    private static ImmutableArray<StepIr> ReceiveUnknown(SendMediator send, ExprIr name) =>
    [
        new LogStep(send, LogFunction.Warn, [new LogPart.Text("Cannot find a Sequence with name: "), new LogPart.Value(name), new LogPart.Text(" for injecting the message")]),
        new AcceptStep(send),
    ];

    /// <summary>A registry key (conf:, gov:, local:, MI 4.4 resources:): the server's registry may hold what the input does not.</summary>
    private static bool IsRegistryKey(string key) =>
        key.StartsWith("conf:", StringComparison.Ordinal) || key.StartsWith("gov:", StringComparison.Ordinal) || key.StartsWith("local:", StringComparison.Ordinal)
        || key.StartsWith("resources:", StringComparison.Ordinal);

    /// <summary>A switch pattern (a full regular-expression match) that matches exactly the text: its regex syntax characters escaped.</summary>
    internal static string LiteralPattern(string text)
    {
        var pattern = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '^' or '$' or '\\' or '.' or '*' or '+' or '?' or '(' or ')' or '[' or ']' or '{' or '}' or '|')
            {
                pattern.Append('\\');
            }

            pattern.Append(c);
        }

        return pattern.ToString();
    }

    private static StepIr OutOnly(StepIr call) => call switch
    {
        CallStep c => c with { OutOnly = true },
        CallAddressStep a => a with { OutOnly = true },
        _ => call,
    };

    /// <summary>
    /// drop ends the flow without answering. The Micro Integrator answers 202 when nothing was sent yet (as the
    /// generated code does); in an out flow the backend response is discarded and the client gets nothing (SB0210).
    /// </summary>
    private IEnumerable<StepIr> LowerDrop(DropMediator drop, FlowContext context)
    {
        if (context is { Kind: FlowKind.Fault, UnansweredAfterSend: true })
        {
            // After a backend's failure the Micro Integrator's drop writes nothing either (SB0260).
            _diagnostics.Report(DiagnosticCatalog.FaultAfterBackendFailureUnanswered, drop.Location);
            return [new AcceptStep(drop) { AfterBackendFailure = true }];
        }

        _diagnostics.Report(context.Kind == FlowKind.Out ? DiagnosticCatalog.ResponseHang : DiagnosticCatalog.FlowEndsWithoutResponse, drop.Location, Answers202);
        return [new AcceptStep(drop)];
    }

    /// <summary>
    /// loopback, as LoopBackMediator: a request becomes a response with no To address and goes on as a send's response
    /// would (the out flow, or the client); on a response it does nothing and the flow ends there (mediate returns
    /// false), so an out flow answers nothing (SB0210, as a drop there). Where the direction is known only at run time
    /// (a named sequence, a fault flow) both are written.
    /// </summary>
    private IEnumerable<StepIr> LowerLoopback(LoopbackMediator loopback, FlowContext context)
    {
        StepIr[] request = [new MarkResponseStep(loopback), new SetFieldStep(loopback, ContextField.To, new StringLiteralIr(string.Empty)), Reply(loopback, context)];
        // LoopBackMediator tests isResponse(), which a call leaves as it was (SynapseCallbackReceiver.handleMessage puts
        // a continuation call's direction back): after a call on a request the message still loops back.
        switch (context.Exchange.Current.IsResponse)
        {
            case Known.No:
                return request;
            case Known.Yes:
                _diagnostics.Report(DiagnosticCatalog.ResponseHang, loopback.Location);
                return [new AcceptStep(loopback)];
            default:
                return [new DirectionStep(loopback, [.. request], [new AcceptStep(loopback)])];
        }
    }

    /// <summary>
    /// What happens once a send's response is in hand: the out flow runs (from an in flow, from the out flow itself and
    /// from a fault flow alike: Synapse injects every response to a proxy or API resource into its out sequence), or,
    /// with no out flow, the client gets it. A response to an API resource's request goes through Resource.process
    /// and API.process first, which set its correlation header and write the CORS headers the request recorded
    /// (CORSHelper.handleCORSHeadersForResponse), and with no out flow Resource.process sends it back
    /// (Axis2Sender.sendBack); a proxy's response with no out flow is sent back as it is.
    /// </summary>
    private static StepIr Reply(MediatorSyntax? origin, FlowContext context) => context.Kind switch
    {
        FlowKind.In or FlowKind.Fault when context.OutFunction is not null => new ContinueWithStep(origin, context.OutFunction) { ThroughResource = context.ApiResource },
        FlowKind.Out when context.Self is not null => new ContinueWithStep(origin, context.Self) { ThroughResource = context.ApiResource },
        FlowKind.In or FlowKind.Out or FlowKind.Fault => new RespondStep(origin) { SendBack = true, ThroughResource = context.ApiResource },
        _ => new ContinueWithStep(origin, null),
    };

    /// <summary>A call or send whose endpoint has no client: a TODO with the endpoint's reason (a non-HTTP transport keeps its own code, and its secrets masked; a key computed at run time says what to write).</summary>
    private static TodoStep NotTranslatedCall(MediatorSyntax mediator, NotTranslatedIr? endpointReason) => endpointReason?.Descriptor switch
    {
        var code when code == DiagnosticCatalog.NonHttpEndpoint => new(mediator, endpointReason! with { Message = $"the <{mediator.ElementName}> target is not an HTTP endpoint: {endpointReason.Message}" }, Transports.RedactUriSecrets(mediator.RawXml)),
        var code when code == DiagnosticCatalog.DynamicKey => new(mediator, endpointReason! with { Message = $"the <{mediator.ElementName}> target {endpointReason.Message}" }, mediator.RawXml),
        // Any other reason (a failover or loadbalance group refused, SB0226; an endpoint kind without a client, SB0205;
        // an inline WSDL never read, SB0296): the TODO keeps the code of the send and says why the endpoint has no client.
        null => new(mediator, new NotTranslatedIr(DiagnosticCatalog.EndpointNotTranslated, $"the <{mediator.ElementName}> target endpoint is not translated"), mediator.RawXml),
        _ => new(mediator, new NotTranslatedIr(DiagnosticCatalog.EndpointNotTranslated, $"the <{mediator.ElementName}> target endpoint is not translated: {EndpointWhy(endpointReason)}"), mediator.RawXml),
    };

    /// <summary>The reason an endpoint has no client, as a TODO on the call or send quotes it (the group's own code kept in view).</summary>
    private static string EndpointWhy(NotTranslatedIr reason) =>
        reason.Descriptor == DiagnosticCatalog.EndpointNotTranslated ? reason.Message : $"{reason.Message} ({reason.Descriptor.Id})";

    /// <summary>
    /// What a TODO says of an endpoint whose key is computed at run time (<c>key-expression</c>, <c>key="{...}"</c>).
    /// Synapse's ResolvingEndpoint.sendMessage evaluates the expression to a string and looks that key up with
    /// SynapseConfiguration.getEndpoint (an endpoint's name, or a registry key it is deployed under); when none is
    /// found it calls AbstractEndpoint.informFailure with SynapseConstants.ENDPOINT_IN_DIRECT_NOT_READY (305100) and
    /// "Couldn't find the endpoint with the key : " + key, which sets ERROR_CODE/ERROR_MESSAGE and runs the fault handler.
    /// </summary>
    private string DynamicEndpointReason(string expression)
    {
        var endpoints = _model.Symbols.Endpoints;
        var names = endpoints.Take(8).Select(e => $"'{e.Name}'").ToList();
        var known = endpoints.Count == 0
            ? "the input defines no endpoint: a key can only name one the server has from elsewhere"
            : $"the input's endpoints, each with its client generated: {string.Join(", ", names)}{(endpoints.Count > names.Count ? $" and {endpoints.Count - names.Count} more" : string.Empty)}";
        return $"endpoint is chosen at run time: the Micro Integrator evaluates `{expression}` to an endpoint key and sends through the endpoint of that name or registry key (ResolvingEndpoint.sendMessage); a key naming no endpoint fails into the fault handling with ERROR_CODE 305100 and ERROR_MESSAGE \"Couldn't find the endpoint with the key : <key>\". Write a `match` on that key calling the client of each endpoint it can name ({known}) with a default that fails so";
    }

    /// <summary>
    /// <see cref="Reply"/> for a send's response (a <c>&lt;send&gt;</c>, a proxy's target endpoint, a clone or iterate
    /// target's endpoint): that response is a response, unlike a call's. SynapseCallbackReceiver.handleMessage marks
    /// every backend response setResponse(true) and gives a continuation call's (CONTINUATION_CALL, set by CallMediator)
    /// the direction of the message that called back; a send sets no CONTINUATION_CALL. So the out flow it continues
    /// with marks the message a response (<see cref="ContinueWithStep.MarksResponse"/>) unless the direction is known
    /// to be one already; an answer to the client ends the flow, and a shared sequence's continuation
    /// (<c>continueWithResponse</c>) marks it itself.
    /// </summary>
    /// <param name="state">The exchange state the send is made in, when not the flow's current one (a proxy's target, after its in flow).</param>
    private static StepIr SendReply(MediatorSyntax? origin, FlowContext context, ExchangeState.Frame? state = null) => Reply(origin, context) switch
    {
        ContinueWithStep { Function: not null } next when (state ?? context.Exchange.Current).IsResponse != Known.Yes => next with { MarksResponse = true },
        var reply => reply,
    };

    /// <param name="origin">The call or send; null for a proxy's target endpoint.</param>
    /// <remarks>A call through an endpoint with a suspension state consults it (<see cref="CallStep.TracksSuspension"/>); a blocking call or callout too (Synapse's blocking sender goes through the endpoint's send, onFault and onSuccess).</remarks>
    private CallStep? CallStepFor(MediatorSyntax? origin, EndpointReferenceSyntax? reference, FlowContext context, out NotTranslatedIr? reason)
    {
        reason = null;
        switch (reference)
        {
            case null:
                _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, origin?.Location, origin?.ElementName ?? "target", "no endpoint", "a call without an endpoint goes to the To address");
                return null;
            case EndpointReferenceSyntax.Key { Value.IsDynamic: true } dynamic:
                _diagnostics.Report(DiagnosticCatalog.DynamicKey, dynamic.Location, dynamic.Value.Text);
                reason = new NotTranslatedIr(DiagnosticCatalog.DynamicKey, DynamicEndpointReason(dynamic.Value.Text));
                return null;
            case EndpointReferenceSyntax.Key key:
            {
                if (_model.Symbols.Endpoint(key.Value.Text) is not { } artifact)
                {
                    // Reported by the reference graph (SB0502): a client on a required URL, as for an address endpoint (SB0238).
                    return WithTransportSwitches(new CallStep(origin, ExternalEndpointClient(key.Value.Text, origin?.ElementName ?? "message", key.Location), new HttpPathIr.Postfix()), context);
                }

                var client = _namedClients[key.Value.Text];
                reason = _endpointReasons.GetValueOrDefault(key.Value.Text);
                return client is null ? null : WithTransportSwitches(new CallStep(origin, client, PathFor(artifact.Endpoint, context)) { TracksSuspension = client.Suspension is not null }, context);
            }

            case EndpointReferenceSyntax.Inline inline:
            {
                var client = InlineClient(inline.Endpoint, ShortClient(context.Owner + " endpoint", context, "endpoint"), out reason);
                return client is null ? null : WithTransportSwitches(new CallStep(origin, client, PathFor(inline.Endpoint, context)) { TracksSuspension = client.Suspension is not null }, context);
            }

            default:
                throw new InvalidOperationException();
        }
    }

    /// <summary>An http endpoint without a method whose format is soap11 or soap12: Axis2FlexibleMEPClient sends a POST.</summary>
    private static bool SoapPost(HttpEndpointSyntax http) =>
        http.Method is null && http.Format?.Trim().ToLowerInvariant() is "soap11" or "soap12";

    private HttpPathIr PathFor(EndpointSyntax endpoint, FlowContext context)
    {
        switch (endpoint.Definition)
        {
            case AddressEndpointSyntax address:
                return address.Format?.Trim().ToLowerInvariant() is "soap11" or "soap12"
                    ? new HttpPathIr.None()
                    : new HttpPathIr.Postfix();
            case HttpEndpointSyntax http when _deployTimeTemplates.TryGetValue(http, out var template):
                // The template the Micro Integrator resolved when it deployed the endpoint, expanded whole at each call.
                return new HttpPathIr.Template([new TemplatePart.Argument(new BuiltinCallIr(Builtin.ExpandUriTemplate, [new ConfigurableReadIr(template)], ValueKind.String), Raw: true, InAttribute: false)], SoapPost(http) ? "POST" : http.Method) { AppendsPostfix = http.Method is null && !SoapPost(http) };
            case HttpEndpointSyntax http:
            {
                var legacy = http.UriTemplate.StartsWith(LegacyEncoding, StringComparison.Ordinal);
                if (legacy)
                {
                    _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, http.Location, "http", "legacy-encoding", "values are percent-encoded once, without the legacy decoding first");
                }

                var (baseUrl, path) = SplitUrl(legacy ? http.UriTemplate[LegacyEncoding.Length..] : http.UriTemplate);
                var parts = UriTemplateParts(path, baseUrl is null && !legacy, http.Location, context, endpoint.Name, EndpointUriVariables(endpoint));
                // Without a method HTTPEndpoint does not mark the endpoint an HTTP endpoint, so Axis2FlexibleMEPClient
                // keeps REST_URL_POSTFIX and joins it for a REST request, as for an address endpoint (RestPostfix.cs);
                // a SOAP format then sends a POST (Axis2FlexibleMEPClient sets HTTP_METHOD POST for soap11/soap12)
                // and joins no postfix (isForceSOAP11/12 keep isRest false).
                return new HttpPathIr.Template(parts, SoapPost(http) ? "POST" : http.Method) { AppendsPostfix = http.Method is null && !SoapPost(http) };
            }

            case WsdlEndpointSyntax wsdl:
                return _wsdlFormats.GetValueOrDefault(wsdl) is EndpointFormat.Soap11 or EndpointFormat.Soap12 ? new HttpPathIr.None() : new HttpPathIr.Postfix();
            case TemplateEndpointSyntax or FailoverEndpointSyntax or LoadbalanceEndpointSyntax when _pathEndpoints.TryGetValue(endpoint.Definition, out var standIn):
                // The expanded template, or a group's first member: every member has the same kind of path.
                return PathFor(standIn, context);
            default:
                return new HttpPathIr.Postfix();
        }
    }

    /// <summary>
    /// The RFC 6570 expansion HTTPEndpoint makes of a uri-template (read by the interpolation lexer's uri-template
    /// mode): <c>{x}</c> percent-encoded, <c>{+x}</c> raw — and, as HTTPEndpoint rewrites a template that starts
    /// with '{' to '{+', a first variable at the very start raw too. The other operators (<c>{#x}</c>, <c>{.x}</c>,
    /// <c>{/x}</c>, <c>{;x}</c>, <c>{?a,b}</c>, <c>{&amp;x}</c>), variable lists, prefix and explode modifiers and
    /// <c>${...}</c> depend on whether each property is set, which the generated parts do not test: each becomes a
    /// not-translated value (SB0203) that fails until written by hand, never a different URL. A variable (with any
    /// operator) that names no <c>uri.var.*</c> or <c>query.param.*</c> property (<c>{invocation.uuid}</c>, also after
    /// a literal <c>$</c>) is never bound by HTTPEndpoint: it expands to nothing, and the template keeps its text when
    /// the whole template is sent unexpanded because the message holds no such property at all (an empty text part
    /// with its <see cref="TemplatePart.Text.UriVariable"/>).
    /// </summary>
    /// <summary>
    /// Literal text of a uri-template; a credential in a query parameter (<c>&amp;APPID=ae2a...</c>, <c>?apiKey=...</c>)
    /// becomes a required configurable, one per endpoint and parameter, never a literal (SB0212).
    /// </summary>
    private void AddUriText(ImmutableArray<TemplatePart>.Builder parts, string text, string owner, SourceLocation location)
    {
        var at = 0;
        foreach (var (start, length, name) in SecretNames.UriParameterSecrets(text))
        {
            if (start > at)
            {
                parts.Add(new TemplatePart.Text(text[at..start]));
            }

            var what = $"{owner} {name} query parameter";
            if (!_uriSecrets.TryGetValue(what, out var symbol))
            {
                symbol = _symbols.Module(SymbolKind.Configurable, what);
                _uriSecrets[what] = symbol;
                _diagnostics.Report(DiagnosticCatalog.SecretConfigurable, location, what);
                _configurables.Add(new ConfigurableIr(symbol, ConfigurableType.String, null, $"The '{name}' query parameter of the uri-template of '{owner}' (a credential, not copied from the Synapse configuration).", Secret: true));
            }

            parts.Add(new TemplatePart.Argument(new ConfigurableReadIr(symbol), Raw: true, InAttribute: false));
            at = start + length;
        }

        if (at < text.Length)
        {
            parts.Add(new TemplatePart.Text(text[at..]));
        }
    }

    private readonly Dictionary<string, Symbol> _uriSecrets = new(StringComparer.Ordinal);

    /// <summary>
    /// The endpoint's own <c>&lt;property&gt;</c> elements HTTPEndpoint.resolveUrlTemplate takes as template variables:
    /// after the message's properties it puts every endpoint property named <c>uri.var.*</c> or <c>query.param.*</c>
    /// into the variables with its value (<c>MediatorProperty.getValue</c>: the value attribute, null for an
    /// expression or XML, which leaves the variable undefined), the last of one name winning as in the endpoint's
    /// property map. AbstractEndpoint.evaluateProperties sets them on the message only later, when the endpoint sends.
    /// </summary>
    private static Dictionary<string, string?> EndpointUriVariables(EndpointSyntax endpoint)
    {
        var variables = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var property in endpoint.Properties.Where(p => IsBoundUriTemplateVariable(p.Name)))
        {
            variables[property.Name] = property.Value is ValueSyntax.Literal literal ? literal.Text : null;
        }

        return variables;
    }

    /// <param name="endpointVariables">
    /// The endpoint's own uri-template variables (<see cref="EndpointUriVariables"/>). With any, HTTPEndpoint's variables
    /// are never empty, so the template is always expanded (never sent as written); a variable one names takes its
    /// value (nothing for a value that is no literal) in place of the message's property.
    /// </param>
    private ImmutableArray<TemplatePart> UriTemplateParts(string template, bool wholeTemplate, SourceLocation location, FlowContext context, string? owner = null, IReadOnlyDictionary<string, string?>? endpointVariables = null)
    {
        var fixedVariables = endpointVariables is { Count: > 0 };
        var parts = ImmutableArray.CreateBuilder<TemplatePart>();
        var split = Syntax.Expressions.InterpolationLexer.Split(template, Syntax.Expressions.InterpolationMode.UriTemplate);
        if (!split.Errors.IsEmpty)
        {
            _diagnostics.Report(DiagnosticCatalog.ExpressionNotTranslated, location, template, UntranslatedPart.Whole(template) + ": " + split.Errors[0].Message);
            return [new TemplatePart.Argument(new UntranslatedExprIr(template), Raw: true, InAttribute: false)];
        }

        foreach (var part in split.Parts)
        {
            switch (part)
            {
                case Syntax.Expressions.TextPart text:
                    AddUriText(parts, text.Text, owner ?? context.Owner, location);
                    break;
                case Syntax.Expressions.UriVariablePart { Operator: "" or "+", Names: [var name] } variable
                    when !name.Contains(':', StringComparison.Ordinal) && !name.EndsWith('*') && IsBoundUriTemplateVariable(name):
                    // HTTPEndpoint.resolveUrlTemplate rewrites a whole template that starts with `{x` to `{+x`: a
                    // reserved expansion (reserved characters kept, a space or other non-URI character percent-encoded).
                    var reserved = variable.Operator == "+" || (wholeTemplate && variable.Span.Start == 0);
                    if (fixedVariables)
                    {
                        if (!endpointVariables!.TryGetValue(name, out var fixedValue))
                        {
                            parts.Add(new TemplatePart.Argument(context.Translator.PropertyOrParam(name), reserved, InAttribute: false) { Reserved = reserved });
                        }
                        else if (fixedValue is not null)
                        {
                            parts.Add(new TemplatePart.Argument(new StringLiteralIr(fixedValue), reserved, InAttribute: false) { Reserved = reserved });
                        }

                        break;
                    }

                    parts.Add(new TemplatePart.Argument(context.Translator.PropertyOrParam(name), reserved, InAttribute: false) { Reserved = reserved, UriVariable = UnexpandedVariable(template[variable.Span.Start..variable.Span.End], wholeTemplate && variable.Span.Start == 0) });
                    break;
                case Syntax.Expressions.UriVariablePart { Names: var names } unbound when !names.Any(IsBoundUriTemplateVariable):
                {
                    // HTTPEndpoint binds no other property: the variable expands to nothing when the message holds a
                    // uri.var.* or query.param.* property, and the whole template is sent unexpanded when it holds none.
                    // (RFC 6570: an undefined variable expands to nothing, whatever its operator.) With the endpoint's
                    // own variables it always expands to nothing.
                    var unboundText = template[unbound.Span.Start..unbound.Span.End];
                    parts.Add(new TemplatePart.Text(string.Empty) { UriVariable = fixedVariables ? null : UnexpandedVariable(unboundText, wholeTemplate && unbound.Span.Start == 0) });
                    break;
                }
                default:
                    var original = template[part.Span.Start..part.Span.End];
                    _diagnostics.Report(DiagnosticCatalog.ExpressionNotTranslated, location, original, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"`{original}` at columns {part.Span.Start + 1}-{part.Span.End} of the uri-template"));
                    parts.Add(new TemplatePart.Argument(new UntranslatedExprIr(original), Raw: true, InAttribute: false));
                    break;
            }
        }

        return parts.ToImmutable();
    }

    /// <summary>
    /// A uri-template variable as HTTPEndpoint.resolveUrlTemplate returns it unexpanded: the template's own text, where
    /// a whole template's leading <c>{x</c> is the <c>{+x</c> it was rewritten to (<c>template.getTemplate()</c>).
    /// </summary>
    private static string UnexpandedVariable(string text, bool leading) =>
        leading && !text.StartsWith("{+", StringComparison.Ordinal) ? "{+" + text[1..] : text;

    /// <summary>
    /// Whether HTTPEndpoint.resolveUrlTemplate binds a uri-template variable: only the message's (and the endpoint's)
    /// properties named <c>uri.var.*</c> or <c>query.param.*</c> become template variables (the names are whole, as
    /// RESTConstants spells the prefixes).
    /// </summary>
    private static bool IsBoundUriTemplateVariable(string name) =>
        name.StartsWith("uri.var.", StringComparison.Ordinal) || name.StartsWith("query.param.", StringComparison.Ordinal);
}
