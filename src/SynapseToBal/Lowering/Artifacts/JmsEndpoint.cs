using System.Collections.Immutable;
using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

// Lowering of address endpoints with a jms:/ URI (the Micro Integrator's JMS sender, axis2 JMSSender): the JNDI
// settings of the URI become configurables, as for a JMS message store. An out-only send or call through such an
// endpoint becomes a JmsSendStep; a send, non-blocking call or proxy target that waits for a reply becomes one that
// awaits it (requestJms): on the address's reply destination, or without one on a temporary queue made per request as
// the Micro Integrator does; a TODO (SB0218) saying what to write where it is not translated (a transacted session).
public sealed partial class Lowerer
{
    /// <summary>The JMS endpoints lowered, by definition (a named endpoint's, or an inline one's).</summary>
    private readonly Dictionary<EndpointDefinitionSyntax, JmsEndpointIr> _jmsEndpoints = new(ReferenceEqualityComparer.Instance);

    /// <summary>URI parameters read here; any other transport.* parameter is reported, the rest go to the JNDI initial context (as JMSOutTransportInfo passes them).</summary>
    private static readonly string[] JmsEndpointMapped =
    [
        "java.naming.factory.initial", "java.naming.provider.url", "transport.jms.ConnectionFactoryJNDIName", "transport.jms.DestinationType",
        "transport.jms.UserName", "transport.jms.Password", "transport.jms.ContentTypeProperty", "transport.jms.ConnectionFactoryType",
        "transport.jms.SessionTransacted", "transport.jms.SessionAcknowledgement", "transport.jms.ReplyDestination", "transport.jms.ReplyDestinationType",
    ];

    /// <summary>
    /// Records the JMS endpoint of a <c>jms:/</c> address and returns true, with the reason a send that waits for a
    /// reply stays a TODO; false (nothing recorded) when the URI has no JNDI context factory or provider URL, without
    /// which the Micro Integrator cannot look the connection factory up either.
    /// </summary>
    private bool LowerJmsEndpoint(string name, AddressEndpointSyntax address, out NotTranslatedIr? requestReply)
    {
        requestReply = null;
        var uri = address.Uri.Trim();
        var query = uri.IndexOf('?', StringComparison.Ordinal);
        var destination = Uri.UnescapeDataString((query < 0 ? uri : uri[..query])["jms:".Length..].TrimStart('/'));
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        if (query >= 0)
        {
            foreach (var pair in uri[(query + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var parts = pair.Split('=', 2);
                parameters[parts[0].Trim()] = parts.Length > 1 ? Uri.UnescapeDataString(parts[1].Trim()) : string.Empty;
            }
        }

        // JMSOutTransportInfo fails the send without a connection factory JNDI name, as the JNDI lookup fails without the context settings.
        if (destination.Length == 0 || !parameters.TryGetValue("java.naming.factory.initial", out var factory) || factory.Length == 0
            || !parameters.TryGetValue("java.naming.provider.url", out var providerUrl) || providerUrl.Length == 0
            || !parameters.TryGetValue("transport.jms.ConnectionFactoryJNDIName", out var factoryName) || factoryName.Length == 0)
        {
            return false;
        }

        Symbol Configurable(string parameter, string? value, string what, bool secret = false)
        {
            var symbol = _symbols.Module(SymbolKind.Configurable, $"{name} {parameter}");
            _configurables.Add(new ConfigurableIr(symbol, ConfigurableType.String, secret ? null : value, $"{what} of the JMS endpoint '{name}' ({parameter} in its address).", Secret: secret));
            if (secret)
            {
                _diagnostics.Report(DiagnosticCatalog.SecretConfigurable, address.Location, $"{name} {parameter}");
            }

            return symbol;
        }

        var contextFactory = Configurable("java.naming.factory.initial", factory, "JNDI initial context factory");
        var url = Configurable("java.naming.provider.url", providerUrl, "JNDI provider URL", secret: HasCredentials(providerUrl));
        // The sender's destination type is JMSConnectionFactory.isQueue (JMSMessageSender.setDestination, on the factory
        // made from the address): transport.jms.ConnectionFactoryType if set, else transport.jms.DestinationType, each
        // "queue" or "topic" in any case (another value fails every send, reported below); neither set is a queue.
        var typeParameter = parameters.ContainsKey("transport.jms.ConnectionFactoryType") ? "transport.jms.ConnectionFactoryType" : "transport.jms.DestinationType";
        var destinationType = parameters.GetValueOrDefault(typeParameter);
        var topic = string.Equals(destinationType, "topic", StringComparison.OrdinalIgnoreCase);
        var invalidType = destinationType is not null && !topic && !string.Equals(destinationType, "queue", StringComparison.OrdinalIgnoreCase);
        var connectionFactory = Configurable("transport.jms.ConnectionFactoryJNDIName", factoryName, "JNDI name of the connection factory");
        var jndiName = destination;
        if (JmsJndiNames.Physical(factory, destination) is (var physical, { } jndiTopic))
        {
            destination = physical;
            topic = jndiTopic;
        }

        var queue = Configurable("destination", destination, topic ? "Topic" : "Queue");

        var notApplied = new List<string>();
        void NotApplied(string setting, string consequence)
        {
            _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, address.Location, "address", setting, consequence);
            notApplied.Add($"{setting}: {consequence}");
        }

        if (jndiName == destination && JmsJndiNames.HasActiveMqPrefix(destination))
        {
            NotApplied($"destination '{destination}'", "the Micro Integrator looks it up in JNDI (JMSUtils.lookupDestination), where ActiveMQ's JNDI names the destination after the prefix; ballerinax/java.jms makes the destination by this name as written, which only an ActiveMQ context factory is known to resolve: check the physical name");
        }

        // JMSOutTransportInfo connects with credentials only when both are given.
        Symbol? username = null, password = null;
        var hasUser = parameters.TryGetValue("transport.jms.UserName", out var user);
        var hasPassword = parameters.ContainsKey("transport.jms.Password");
        if (hasUser && hasPassword)
        {
            username = Configurable("transport.jms.UserName", user, "User name");
            password = Configurable("transport.jms.Password", null, "Password", secret: true);
        }
        else if (hasUser || hasPassword)
        {
            NotApplied(hasUser ? "transport.jms.UserName" : "transport.jms.Password", "the Micro Integrator connects with credentials only when both transport.jms.UserName and transport.jms.Password are set; the connection is made without them");
        }

        // Axis2FlexibleMEPClient prepares the clone it hands to JMSSender as for HTTP (DefaultEndpointFactory reads the
        // attribute trimmed and in lower case); JMSSender then writes the body with the formatter of its message type.
        EndpointFormat? endpointFormat = null;
        if (address.Format is { } format)
        {
            endpointFormat = format.Trim().ToLowerInvariant() switch
            {
                "soap11" => EndpointFormat.Soap11,
                "soap12" => EndpointFormat.Soap12,
                "pox" => EndpointFormat.Pox,
                _ => null,
            };
            switch (format.Trim().ToLowerInvariant())
            {
                case "get":
                    NotApplied($"format=\"{format}\"", "the Micro Integrator gives the message the type application/x-www-form-urlencoded, so JMSSender writes the body's first element's children as form parameters (XFormURLEncodedFormatter); the message is written in its current content type's format");
                    break;
                case "rest":
                    NotApplied($"format=\"{format}\"", "the Micro Integrator marks the message REST, which changes what JMSSender writes when the message came as a GET or DELETE request (its message type is removed then); the message is written in its current content type's format");
                    break;
                case "soap11" or "soap12" or "pox":
                    break;
                default:
                    // DefaultEndpointFactory sets no format for another value: the Micro Integrator ignores it, as the generated sender does.
                    _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, address.Location, "address", $"format=\"{format}\"", "the Micro Integrator ignores a format other than soap11, soap12, pox, get and rest (DefaultEndpointFactory sets none), so the message is written in its current content type's format, as here");
                    break;
            }
        }

        if (invalidType)
        {
            NotApplied($"parameter '{typeParameter}' ('{destinationType}')", "the Micro Integrator fails every send with a destination type that is neither queue nor topic (JMSConnectionFactory.isQueue); the generated sender sends to a queue");
        }

        // JMSConnectionFactory.isSessionTransacted: Boolean.valueOf, so "true" in any case.
        var transacted = string.Equals(parameters.GetValueOrDefault("transport.jms.SessionTransacted"), "true", StringComparison.OrdinalIgnoreCase);

        // Not reported, as the Micro Integrator's sender does not use them here: transport.jms.SessionAcknowledgement
        // (JMSConnectionFactory creates the sender's sessions AUTO_ACKNOWLEDGE whatever it says; acknowledgement concerns
        // received messages), and transport.jms.ReplyDestination / ReplyDestinationType on an out-only send (JMSSender
        // sets a JMSReplyTo and waits for a reply only for a request-reply, whose TODO names them).
        var properties = ImmutableArray.CreateBuilder<JndiPropertyIr>();
        foreach (var (parameter, value) in parameters.Where(p => !JmsEndpointMapped.Contains(p.Key, StringComparer.Ordinal)))
        {
            if (parameter.StartsWith("transport.", StringComparison.Ordinal))
            {
                NotApplied($"parameter '{parameter}'", "the generated sender does not apply it (it keeps one connection, session and producer per endpoint, with the broker's default delivery mode, priority and time to live)");
                continue;
            }

            var secret = SecretNames.IsSecret(parameter) || SecretNames.IsSecret(parameter.Split('.')[^1]) || HasCredentials(value);
            properties.Add(new JndiPropertyIr(parameter, Configurable(parameter, value, "JNDI property", secret)));
        }

        // A request-reply's JMSReplyTo (JMSSender.sendOverJMS): the address's transport.jms.ReplyDestination, of the
        // type transport.jms.ReplyDestinationType names (a topic, else a queue: JMSUtils.lookupDestination falls back
        // to a dynamic queue for the generic type); without one the Micro Integrator makes a temporary queue per request
        // (JMSUtils.setReplyDestination), which requestJms makes too (through the JMS API, see jmsRequestTemporary).
        var replyType = parameters.TryGetValue("transport.jms.ReplyDestinationType", out var replyDestinationType) ? $", a {replyDestinationType} (transport.jms.ReplyDestinationType)" : string.Empty;
        var hasReply = parameters.TryGetValue("transport.jms.ReplyDestination", out var reply) && reply.Length > 0;
        var replyTopic = string.Equals(replyDestinationType, "topic", StringComparison.OrdinalIgnoreCase);
        // The reply destination is looked up in JNDI as the destination is (JMSUtils.lookupDestination).
        if (hasReply && JmsJndiNames.Physical(factory, reply!) is (var replyPhysical, { } replyJndiTopic))
        {
            reply = replyPhysical;
            replyTopic = replyJndiTopic;
        }
        var refused = transacted
            ? "its session is transacted (transport.jms.SessionTransacted): the Micro Integrator commits the send before it waits for the reply on the same session, which is not translated"
            : null;

        _jmsEndpoints[address] = new JmsEndpointIr(name, contextFactory, url, connectionFactory, username, password, queue, topic,
            parameters.GetValueOrDefault("transport.jms.ContentTypeProperty"), properties.ToImmutable())
        {
            Transacted = transacted,
            Format = endpointFormat,
            Encoding = address.Qualities.Encoding,
            NotApplied = notApplied.Count > 0 ? new NotTranslatedIr(DiagnosticCatalog.AttributeNotTranslated, $"settings of JMS endpoint '{name}' not applied: {string.Join("; ", notApplied)}") : null,
            Address = notApplied.Count > 0 ? Transports.RedactUriSecrets(new System.Xml.Linq.XElement("address", new System.Xml.Linq.XAttribute("uri", address.Uri),
                address.Format is { } shownFormat ? new System.Xml.Linq.XAttribute("format", shownFormat) : null).ToString()) : null,
            ReplyDestinationName = hasReply ? reply : null,
            ReplyTopic = replyTopic,
            ReplyTypeTopic = string.Equals(replyDestinationType, "topic", StringComparison.OrdinalIgnoreCase),
            RequestReplyRefused = refused,
        };
        if (address.Qualities.TimeoutMillis is not null || address.Qualities.DynamicTimeout is not null)
        {
            _jmsEndpointTimeouts[address] = address.Qualities.TimeoutMillis is { } millis ? $"{millis} ms" : "computed per message";
        }

        var replyTo = hasReply
            ? $"the JMSReplyTo destination '{reply}' (transport.jms.ReplyDestination){replyType}"
            : "a JMSReplyTo destination (transport.jms.ReplyDestination, else a temporary queue)";
        requestReply = new NotTranslatedIr(DiagnosticCatalog.NonHttpEndpoint,
            $"'{name}' sends over JMS and waits for a reply (OUT_ONLY is not set): {refused ?? "this use of it is not translated"}; write a request-reply by hand: send with sendJms and {replyTo}, then receive the reply on a jms:MessageConsumer with the JMSCorrelationID of the request, waiting the axis2 property JMS_WAIT_REPLY (else 30 s), and continue with it as the response");
        return true;
    }

    /// <summary>
    /// The definition of the endpoint a send or call names: inline, or an endpoint artifact by a static key; null for a
    /// dynamic key or an endpoint the input does not hold. Each non-HTTP endpoint kind is looked up by it.
    /// </summary>
    private EndpointDefinitionSyntax? EndpointDefinitionOf(EndpointReferenceSyntax? reference) => reference switch
    {
        EndpointReferenceSyntax.Inline { Endpoint.Definition: { } inline } => inline,
        EndpointReferenceSyntax.Key { Value.IsDynamic: false } key => _model.Symbols.Endpoint(key.Value.Text)?.Endpoint.Definition,
        _ => null,
    };

    /// <summary>The JMS endpoint a send or call names (inline, lowered by <see cref="CallStepFor"/> first, or by key).</summary>
    private JmsEndpointIr? JmsEndpointOf(EndpointReferenceSyntax? reference) =>
        EndpointDefinitionOf(reference) is { } definition ? _jmsEndpoints.GetValueOrDefault(definition) : null;

    /// <summary>
    /// A send or call to a JMS endpoint: with OUT_ONLY the message goes out and the flow goes on (a send then answers
    /// as any out-only send does); without it (known not set) a send or non-blocking call is a request-reply whose
    /// reply continues as an HTTP backend's response does (<see cref="JmsRequestReply"/>); otherwise a TODO saying
    /// what a request-reply needs. Null when the endpoint is not JMS.
    /// </summary>
    private IEnumerable<StepIr>? JmsSend(MediatorSyntax mediator, EndpointReferenceSyntax? reference, NotTranslatedIr? reason, FlowContext context)
    {
        if (JmsEndpointOf(reference) is not { } jms)
        {
            return null;
        }

        if (context.Exchange.Current.OutOnly != Known.Yes || mediator is CallMediator { Blocking: true })
        {
            if (mediator is not CallMediator { Blocking: true } && context.Exchange.Current.OutOnly == Known.No && JmsRequestReply(mediator, jms, mediator.Location) is { } request)
            {
                return mediator is SendMediator requestSend
                    ? [.. request[..^1], .. AfterSend(requestSend, request[^1], context)]
                    : [.. request[..^1], .. SoapFaultChecked(mediator, request[^1], mediator.Location)];
            }

            if (mediator is CallMediator { Blocking: true } && context.Exchange.Current.OutOnly == Known.Yes)
            {
                ReportJmsRequestReply(jms, mediator.Location, BlockingJmsOutOnly);
            }
            else if (mediator is CallMediator { Blocking: true })
            {
                ReportJmsRequestReply(jms, mediator.Location, BlockingJmsRequestReply);
            }
            else if (context.Exchange.Current.OutOnly == Known.Maybe)
            {
                ReportJmsRequestReply(jms, mediator.Location, "OUT_ONLY is set to \"true\" on some paths before it only, so whether it waits for a reply is known at run time only");
            }
            else
            {
                ReportJmsRequestReply(jms, mediator.Location, $"this use waits for a reply and {jms.RequestReplyRefused}");
            }

            var why = mediator is CallMediator { Blocking: true }
                ? new NotTranslatedIr(DiagnosticCatalog.NonHttpEndpoint, $"'{jms.EndpointName}' is called over JMS with blocking=\"true\": {(context.Exchange.Current.OutOnly == Known.Yes ? BlockingJmsOutOnly : BlockingJmsRequestReply)}; write it by hand: send with sendJms and a JMSReplyTo destination (transport.jms.ReplyDestination, else a temporary queue), then receive the reply on a jms:MessageConsumer with the JMSCorrelationID of the request, waiting the axis2 property JMS_WAIT_REPLY (else 30 s), and continue with it as the response")
                : context.Exchange.Current.OutOnly == Known.Maybe
                    ? new NotTranslatedIr(DiagnosticCatalog.NonHttpEndpoint, $"'{jms.EndpointName}' sends over JMS, out-only on some paths and waiting for a reply on others (OUT_ONLY is set on some paths above only): write both by hand, sendJms when OUT_ONLY is \"true\", else requestJms")
                    : reason ?? new NotTranslatedIr(DiagnosticCatalog.NonHttpEndpoint, $"'{jms.EndpointName}' sends over JMS and waits for a reply");
            return [new TodoStep(mediator, why, Transports.RedactUriSecrets(mediator.RawXml))];
        }

        StepIr send = new JmsSendStep(mediator, jms);
        var steps = jms.NotApplied is { } notApplied ? new StepIr[] { new TodoStep(mediator, notApplied, jms.Address ?? string.Empty), send } : [send];
        return mediator is SendMediator sendMediator ? [.. steps[..^1], .. AfterSend(sendMediator, send, context)] : steps;
    }

    /// <summary>Why a blocking call waiting for a reply over JMS is not translated (BlockingMsgSender.send, sendReceive).</summary>
    private const string BlockingJmsRequestReply =
        "a blocking <call> over JMS is not translated: the Micro Integrator waits for the reply there too (BlockingMsgSender.sendReceive runs JMSSender on an out-in operation: the JMSReplyTo is the address's transport.jms.ReplyDestination, else a temporary queue), but keeps it as a blocking call does, not as requestJms does: only the reply's body replaces the message's (its content type and properties stay the request's, its transport headers too unless BLOCKING_SENDER_PRESERVE_REQ_HEADERS is \"false\", and the axis2 HTTP_SC becomes \"null\", as the reply has no HTTP status), and a failed send or a reply not received in time sets BLOCKING_SENDER_ERROR, ERROR_CODE and ERROR_MESSAGE before the fault handler runs";

    /// <summary>Why an out-only blocking call over JMS is not translated (BlockingMsgSender.send, sendRobust).</summary>
    private const string BlockingJmsOutOnly =
        "an out-only blocking <call> over JMS is not translated: BlockingMsgSender sends it with sendRobust and sets the axis2 HTTP_SC to \"null\" and BLOCKING_SENDER_ERROR to \"false\" (\"true\", with ERROR_CODE and ERROR_MESSAGE, when the send fails, before the fault handler runs), and JMSSender still waits for a reply when the address names a transport.jms.ReplyDestination; make the call non-blocking (an out-only sendJms) where those properties are not read";

    /// <summary>The endpoint timeout (<c>&lt;timeout&gt;</c>) of the JMS addresses that set one, reported at each request-reply through them.</summary>
    private readonly Dictionary<EndpointDefinitionSyntax, string> _jmsEndpointTimeouts = new(ReferenceEqualityComparer.Instance);

    /// <summary>The endpoints given their reply destination's configurable, made on their first request-reply.</summary>
    private readonly Dictionary<JmsEndpointIr, JmsEndpointIr> _jmsRequestEndpoints = new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// A request-reply to a JMS endpoint (a send, non-blocking call or proxy target without OUT_ONLY): the steps, the
    /// request step (<see cref="JmsSendStep.AwaitsReply"/>) last, after the TODO of the settings not applied. Null, and
    /// nothing reported, when the endpoint refuses it (<see cref="JmsEndpointIr.RequestReplyRefused"/>). The runtime selects
    /// the reply by the request's JMSCorrelationID, else the JMSMessageID the provider gave it (JMSSender.sendOverJMS).
    /// </summary>
    private StepIr[]? JmsRequestReply(MediatorSyntax? origin, JmsEndpointIr jms, SourceLocation? location)
    {
        if (jms.RequestReplyRefused is not null)
        {
            return null;
        }

        if (jms.ReplyDestinationName is not { } replyName)
        {
            // No reply destination in the address: a temporary queue per request, as JMSUtils.setReplyDestination makes.
            _diagnostics.Report(DiagnosticCatalog.JmsTemporaryReplyQueue, location, jms.EndpointName);
            ReportJmsEndpointTimeout(jms, location);
            StepIr temporary = new JmsSendStep(origin, jms) { AwaitsReply = true };
            return jms.NotApplied is { } skipped ? [new TodoStep(origin, skipped, jms.Address ?? string.Empty), temporary] : [temporary];
        }

        if (!_jmsRequestEndpoints.TryGetValue(jms, out var requesting))
        {
            var symbol = _symbols.Module(SymbolKind.Configurable, $"{jms.EndpointName} transport.jms.ReplyDestination");
            _configurables.Add(new ConfigurableIr(symbol, ConfigurableType.String, replyName, $"{(jms.ReplyTopic ? "Reply topic" : "Reply queue")} of the JMS endpoint '{jms.EndpointName}' (transport.jms.ReplyDestination in its address).", Secret: false));
            requesting = jms with { ReplyDestination = symbol };
            _jmsRequestEndpoints[jms] = requesting;
        }

        ReportJmsEndpointTimeout(jms, location);
        StepIr request = new JmsSendStep(origin, requesting) { AwaitsReply = true };
        return jms.NotApplied is { } notApplied ? [new TodoStep(origin, notApplied, jms.Address ?? string.Empty), request] : [request];
    }

    /// <summary>SB0206 at a request-reply through a JMS endpoint whose address sets a timeout, which does not bound the JMS wait.</summary>
    private void ReportJmsEndpointTimeout(JmsEndpointIr jms, SourceLocation? location)
    {
        if (_jmsEndpoints.FirstOrDefault(e => ReferenceEquals(e.Value, jms)).Key is { } address && _jmsEndpointTimeouts.TryGetValue(address, out var timeout))
        {
            _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, location, "address", $"timeout ({timeout})",
                "it does not bound the JMS request-reply: in the Micro Integrator the send's callback times out after it (the endpoint's responseAction applies, and a later reply is dropped) while the JMS sender goes on waiting; the generated requestJms waits the axis2 property JMS_WAIT_REPLY, else 30 s, only");
        }
    }

    /// <summary>
    /// A proxy's target endpoint when it is a JMS endpoint: when the in flow made the message out-only, the message is
    /// sent and the client answered 202 (with FORCE_SC_ACCEPTED; else, as in the Micro Integrator, not at all: SB0210);
    /// when it set neither OUT_ONLY nor FORCE_SC_ACCEPTED, a request-reply whose reply goes to the out flow or the
    /// client as an HTTP target's response does. Null when the endpoint is not JMS or neither applies (the target's
    /// TODO then stands, reported here).
    /// </summary>
    private IEnumerable<StepIr>? JmsTargetSend(EndpointReferenceSyntax reference, FlowSyntax? inFlow, SourceLocation location, FlowContext context)
    {
        if (JmsEndpointOf(reference) is not { } jms)
        {
            return null;
        }

        // The flow's state after the in sequence: known exactly when the sequence is only properties and logs (the
        // usual form); anything else leaves the target's TODO.
        var mediators = inFlow is { Key: null } ? inFlow.Mediators : [];
        bool? Flag(string name, string scope, Func<PropertyMediator, bool?> read) => mediators.OfType<PropertyMediator>().LastOrDefault(p => p.Name == name && p.Scope == scope) is { } p
            ? p.Action == PropertyAction.Remove ? false : read(p)
            : false;
        var exact = inFlow is null || (inFlow.Key is null && mediators.All(m => m is PropertyMediator or LogMediator));
        var outOnly = Flag("OUT_ONLY", "default", OutOnlyFlag);
        var forceAccepted = Flag("FORCE_SC_ACCEPTED", "axis2", LiteralFlag);
        if (exact && outOnly == false && forceAccepted == false && JmsRequestReply(null, jms, location) is { } request)
        {
            // ProxyServiceMessageReceiver sends as a <send> does: the reply runs the out flow, or goes to the client.
            return [.. request[..^1], .. SoapFaultChecked(null, request[^1], location), SendReply(null, context, context.Exchange.Ended)];
        }

        if (!exact || outOnly != true || forceAccepted is null)
        {
            ReportJmsRequestReply(jms, location, !exact
                ? "the proxy's in sequence does more than set properties and log, so whether the target waits for a reply is not known exactly"
                : outOnly is null || forceAccepted is null
                    ? "OUT_ONLY or FORCE_SC_ACCEPTED is set from an expression before the target"
                    : forceAccepted == true
                        ? "FORCE_SC_ACCEPTED without OUT_ONLY answers the client 202 while the Micro Integrator waits for the reply and drops it, which is not translated"
                        : $"the target waits for a reply and {jms.RequestReplyRefused}");
            return null;
        }

        var state = (ForceAccepted: forceAccepted == true ? Known.Yes : Known.No, OutOnly: Known.Yes);
        if (state.ForceAccepted != Known.Yes)
        {
            _diagnostics.Report(DiagnosticCatalog.ResponseHang, location);
        }

        StepIr send = new JmsSendStep(null, jms);
        return jms.NotApplied is { } notApplied ? [new TodoStep(null, notApplied, jms.Address ?? string.Empty), send, new AcceptStep(null)] : [send, new AcceptStep(null)];
    }

    /// <summary>
    /// A callout through a JMS endpoint with OUT_ONLY "true": CalloutMediator sends its copy of the message through the
    /// blocking sender, which sends it out-only (BlockingMsgSender: sendRobust, no reply awaited) and, OUT_ONLY being
    /// set, the callout puts no response into the message; the flow goes on with the message as it was. The copy's body
    /// is the callout's source, which is the payload here (only such callouts reach the endpoint). Null otherwise.
    /// </summary>
    private IEnumerable<StepIr>? JmsCalloutOutOnly(CalloutMediator callout, EndpointReferenceSyntax reference, FlowContext context)
    {
        if (JmsEndpointOf(reference) is not { } jms || context.Exchange.Current.OutOnly != Known.Yes)
        {
            return null;
        }

        StepIr send = new JmsSendStep(callout, jms);
        return jms.NotApplied is { } notApplied ? [new TodoStep(callout, notApplied, jms.Address ?? string.Empty), send] : [send];
    }

    /// <summary>A send to a JMS endpoint that waits for a reply, by a mediator <see cref="JmsSend"/> does not handle (callout): its TODO's diagnostic.</summary>
    private void ReportJmsRequestReply(EndpointReferenceSyntax? reference, SourceLocation? location, string why)
    {
        if (JmsEndpointOf(reference) is { } jms)
        {
            ReportJmsRequestReply(jms, location, why);
        }
    }

    private void ReportJmsRequestReply(JmsEndpointIr jms, SourceLocation? location, string why) =>
        _diagnostics.Report(DiagnosticCatalog.NonHttpEndpoint, location, jms.EndpointName, "JMS", "jms",
            $"an out-only send (set OUT_ONLY to true before it), a send or non-blocking call waiting for a reply (on the address's transport.jms.ReplyDestination, else a temporary queue), or a request-reply written by hand with ballerinax/java.jms; {why}");
}
