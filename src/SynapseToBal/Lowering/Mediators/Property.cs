using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

// Lowering of <property> and <propertyGroup>: default, transport and axis2 scopes; behaviour properties stay TODOs.
public sealed partial class Lowerer
{
    /// <summary>Default-scope properties that change how Synapse sends or answers, not plain data.</summary>
    private static readonly HashSet<string> BehaviourProperties = new(StringComparer.Ordinal)
    {
        "OUT_ONLY", "RESPONSE", "FORCE_ERROR_ON_SOAP_FAULT", "PRESERVE_WS_ADDRESSING", "preserveProcessedHeaders",
        "FAULTS_AS_HTTP_200", "BLOCKING_SENDER_PRESERVE_REQ_HEADERS", "FORCE_SC_ACCEPTED", "NO_KEEPALIVE",
        "DISABLE_SMOOKS_RESULT_PAYLOAD", "ClientApiNonBlocking", "TRANSPORT_IN_NAME",
    };

    private StepIr LowerProperty(PropertyMediator property, FlowContext context)
    {
        if (property.Action != PropertyAction.Remove && property.Value is ValueSyntax.Literal literal && RefusingJavaParser(literal.Text, property.Type) is { } parser)
        {
            // PropertyMediatorFactory converts a literal value when it reads the configuration (setValue): the
            // NumberFormatException fails the artifact's deployment.
            _diagnostics.Report(DiagnosticCatalog.PropertyValueNotConvertible, property.Location, property.Name, literal.Text, property.Type, parser);
        }

        // Synapse applies pattern/group only when it sets a String value (not for OM or typed values, nor on remove).
        string? pattern = null;
        if (property.Pattern is not null && property.Action != PropertyAction.Remove && property.Type?.ToUpperInvariant() is null or "STRING" && property.Value is not ValueSyntax.InlineXml)
        {
            if (property.Scope is not ("default" or "transport") || property.Name is "RESPONSE" or "OUT_ONLY" || BehaviourProperties.Contains(property.Name))
            {
                return Todo(property, DiagnosticCatalog.AttributeNotTranslated, "a property with pattern/group needs hand translation", "property", "pattern", $"regular-expression extraction is translated for default- and transport-scope data properties only, not for the {property.Scope}-scope property '{property.Name}'");
            }

            var regex = JavaRegex.Translate(property.Pattern);
            if (regex.Pattern is null)
            {
                return Todo(property, DiagnosticCatalog.RegexNotTranslated, $"the pattern '{property.Pattern}' is not translated: {regex.Problem}", property.Pattern, regex.Problem);
            }

            pattern = regex.Pattern;
        }

        if (property.Name.StartsWith('{'))
        {
            return LowerComputedProperty(property, pattern, context);
        }

        var remove = property.Action == PropertyAction.Remove;
        switch (property.Scope)
        {
            case "operation":
                // The Axis2 operation context: its own map, shared by the copies a clone or iterate makes and by the
                // response. Synapse and the transport read nothing from it, so no name changes behaviour here.
                return remove
                    ? new RemovePropertyStep(property, property.Name) { Scope = PropertyScope.Operation }
                    : new SetPropertyStep(property, property.Name, MatchedGroup(Typed(SecretSafeValue(property.Name, property.Value, property.Location, context), property.Type, property.Value is ValueSyntax.InlineXml, propertyIntegers: true), pattern, property.Group)) { Scope = PropertyScope.Operation };
            case "default":
                if (pattern is null && ExchangeProperty(property, context) is { } exchange)
                {
                    return exchange;
                }

                if (BehaviourProperties.Contains(property.Name) && !PreservesProcessedHeaders(property) && !PreservesAddressingHeaders(property) && !IsForceErrorOnSoapFaultData(property)
                    && property.Name != BlockingSenderPreserveRequestHeaders)
                {
                    return Todo(property, DiagnosticCatalog.PropertyNotTranslated, property.Name == "PRESERVE_WS_ADDRESSING" ? TypedPreserveAddressingReason : $"'{property.Name}' changes how Synapse sends or answers; reproduce it by hand", property.Scope, property.Name);
                }

                return remove
                    ? new RemovePropertyStep(property, property.Name)
                    : new SetPropertyStep(property, property.Name, MatchedGroup(Typed(SecretSafeValue(property.Name, property.Value, property.Location, context), property.Type, property.Value is ValueSyntax.InlineXml, propertyIntegers: true), pattern, property.Group));
            case "transport":
                return remove
                    ? new RemoveHeaderStep(property, property.Name)
                    : new SetHeaderStep(property, property.Name, MatchedGroup(SecretSafeValue(property.Name, property.Value, property.Location, context), pattern, property.Group));
            case "axis2":
                return LowerAxis2Property(property, context);
            case "axis2-client":
                return LowerAxis2ClientProperty(property, context);
            default:
                return Todo(property, DiagnosticCatalog.PropertyNotTranslated, $"{property.Scope}-scope properties are not translated", property.Scope, property.Name);
        }
    }

    /// <summary>
    /// The value of a property, header or variable, except that a literal credential (a value given in the XML for a
    /// name like password, token, apiKey or Authorization) becomes a required configurable (SB0212), never a literal.
    /// </summary>
    private ExprIr SecretSafeValue(string name, ValueSyntax? value, SourceLocation location, FlowContext context, ExpressionReading reading = ExpressionReading.StringValue)
    {
        // A flag ("true"/"false") set under such a name is no credential: it stays a literal.
        if (value is ValueSyntax.Literal literal && SecretNames.IsSecret(name) && !SecretNames.IsPlaceholder(literal.Text)
            && literal.Text.Trim() is not ("true" or "false"))
        {
            // A name that says only that it is a credential ("password", "token") is named after its artifact too
            // (playgroundCboPassword): another artifact's "password" is another credential, and a bare "password" at
            // module level says nothing of whose it is.
            // The artifact alone: an API resource's flow is owned by "OrderAPI /path", and the configurable is the API's.
            var artifact = context.Owner.Split(' ', 2)[0];
            var generic = SecretNames.IsGeneric(name) && artifact.Any(char.IsAsciiLetterOrDigit);
            var words = generic ? artifact + " " + name : name;
            var key = "literal\0" + words + "\0" + literal.Text;
            if (!_secrets.TryGetValue(key, out var symbol))
            {
                symbol = _symbols.Module(IR.SymbolKind.Configurable, words);
                _secrets[key] = symbol;
                var of = generic ? $" of '{artifact}'" : string.Empty;
                _configurables.Add(new ConfigurableIr(symbol, ConfigurableType.String, null, $"Secret '{name}'{of} (a literal value in the Synapse configuration, not copied).", Secret: true));
            }

            _diagnostics.Report(DiagnosticCatalog.SecretConfigurable, location, name);
            return new ConfigurableReadIr(symbol);
        }

        return Value(value, context, reading);
    }

    /// <summary>
    /// Axis2-scope properties Axis2, Synapse or the HTTP transport act on (how the message is written or sent): they
    /// change behaviour, so they stay TODOs unless translated by name. Any other axis2 property only holds data.
    /// </summary>
    private static readonly HashSet<string> Axis2BehaviourProperties = new(StringComparer.OrdinalIgnoreCase)
    {
        "HTTP_SC", "HTTP_SC_DESC", "messageType", "ContentType", "HTTP_METHOD", "REST_URL_POSTFIX", "NO_ENTITY_BODY",
        "TRANSPORT_HEADERS", "EXCESS_TRANSPORT_HEADERS", "FORCE_SC_ACCEPTED", "FORCE_HTTP_1.0", "DISABLE_CHUNKING",
        "FORCE_HTTP_CONTENT_LENGTH", "COPY_CONTENT_LENGTH_FROM_INCOMING", "enableMTOM", "enableSwA", "enableREST",
        "POST_TO_URI", "NO_KEEPALIVE", "CHARACTER_SET_ENCODING", "FORCE_POST_PUT_NOBODY", "MESSAGE_FORMAT",
        "ClientApiNonBlocking", "JSON_STREAM", "SERVICE_PREFIX", "TRANSPORT_IN_NAME", "TRANSPORT_OUT_NAME",
        "REQUEST_HOST_HEADER", "FORCE_ERROR_ON_SOAP_FAULT", "FAULTS_AS_HTTP_200", "DISABLE_SMOOKS_RESULT_PAYLOAD",
        "HTTP_ETAG", "NON_ERROR_HTTP_STATUS_CODES", "PASSTHROUGH_PIPE", "message.builder.invoked", "RESPONSE_WRITTEN",
        "OUT_ONLY", "RESPONSE", "preserveProcessedHeaders", "PRESERVE_WS_ADDRESSING", "FORCE_REST",
    };

    /// <summary>Whether an axis2-scope property only holds data (no Axis2/Synapse/transport behaviour is keyed to it).</summary>
    internal static bool IsAxis2Data(string name) =>
        !Axis2BehaviourProperties.Contains(name) && !BehaviourProperties.Contains(name) && !name.StartsWith("http.", StringComparison.OrdinalIgnoreCase)
        && !name.StartsWith("transport.", StringComparison.OrdinalIgnoreCase) && !name.StartsWith("synapse.", StringComparison.OrdinalIgnoreCase)
        && !name.StartsWith("JMS_", StringComparison.OrdinalIgnoreCase) && !name.StartsWith("{", StringComparison.Ordinal);

    /// <summary>
    /// Axis2-scope names outside <see cref="IsAxis2Data"/> whose reads are translated, as the generated code keeps them in
    /// <c>ctx.axis2</c> with the value the Micro Integrator gives them. JMS_COORELATION_ID is set by Axis2's
    /// JMSMessageReceiver on the message of a proxy's JMS transport (the JMS correlation ID, else the message ID), as the
    /// runtime's <c>setJmsInboundFacts</c> does; HTTP_SC_DESC is the reason phrase of a non-blocking call's response
    /// (ClientWorker sets it from the status line; <c>callEndpoint</c> keeps it, a blocking call does not); the others are set only by the project's own axis2-scope property
    /// mediators (<see cref="LowerAxis2Property"/> keeps them in <c>ctx.axis2</c>, where the runtime's senders read them).
    /// Where nothing set one, both read null (<c>""</c> as text, a failed <c>${...}</c> inside a larger one). Writes are
    /// not affected.
    /// </summary>
    private static readonly HashSet<string> Axis2KeptState = new(StringComparer.Ordinal)
    {
        "JMS_COORELATION_ID", "JMS_MESSAGE_TYPE", "JMS_WAIT_REPLY", "JMS_REPLY_TO", "JMS_REPLY_TO_TYPE", "transport.jms.ContentTypeProperty", "REQUEST_HOST_HEADER",
        "HTTP_SC_DESC",
    };

    /// <summary>
    /// Axis2-scope names the pass-through HTTP transport sets on every request it receives (ServerWorker's constructor
    /// and createMessageContext) that hold data but that the generated runtime does not fill: a read would give ""
    /// where the Micro Integrator has a value, so it is reported. The names it sets and the runtime fills are
    /// TransportInURL (newContext), REMOTE_ADDR and REMOTE_HOST (setRemoteAddress, where an expression reads them);
    /// HTTP_METHOD and REST_URL_POSTFIX are fields of the context; TRANSPORT_HEADERS, EXCESS_TRANSPORT_HEADERS,
    /// SERVICE_PREFIX, CHARACTER_SET_ENCODING, NO_ENTITY_BODY, PASS_THROUGH_PIPE and ClientApiNonBlocking are
    /// behaviour properties (<see cref="Axis2BehaviourProperties"/>), and the <c>synapse.*</c> and <c>transport.*</c>
    /// ones are refused by their prefix.
    /// </summary>
    private static readonly HashSet<string> Axis2TransportSet = new(StringComparer.Ordinal)
    {
        "correlation_id", "INTERNAL_TRANSACTION_COUNTED", "OutTransportInfo", "RequestResponseTransportControl",
        "PASS_THROUGH_SOURCE_CONFIGURATION", "pass-through.Source-Connection", "pass-through.Source-Request",
        "ssl.client.auth.cert.X509", "ssl.client.auth.cert",
    };

    /// <summary>Whether a read of an axis2-scope property is translated as a read of <c>ctx.axis2</c> (data, or state the runtime keeps).</summary>
    internal static bool IsAxis2Readable(string name) => (IsAxis2Data(name) && !Axis2TransportSet.Contains(name)) || Axis2KeptState.Contains(name);

    /// <summary>Why a read of an axis2-scope property is not translated (null when it is).</summary>
    internal static string? Axis2ReadRefusal(string name)
    {
        if (IsAxis2Readable(name) || name is "HTTP_SC" or "messageType" or "ContentType" or "HTTP_METHOD" or "REST_URL_POSTFIX")
        {
            return null;
        }

        if (Axis2TransportSet.Contains(name))
        {
            return $"the Micro Integrator's HTTP transport sets the axis2 property '{name}' on every request it receives (the pass-through ServerWorker) and the generated runtime does not fill it, so a read would give \"\" where the Micro Integrator has a value";
        }

        if (Axis2BehaviourProperties.Contains(name) || BehaviourProperties.Contains(name))
        {
            return $"'{name}' is an axis2 property Axis2, Synapse or the HTTP transport act on (how the message is read, sent or answered); the generated code keeps no such property (only HTTP_SC, messageType, ContentType, HTTP_METHOD and REST_URL_POSTFIX, as fields of the context), so a read would give \"\" where the Micro Integrator has a value";
        }

        return $"the Micro Integrator's transports and Synapse set axis2 properties named 'http.*', 'transport.*', 'JMS_*' and 'synapse.*' on the messages they receive or send (the HTTP transport's ServerWorker, Axis2's JMSMessageReceiver, ...), and the generated runtime does not fill '{name}' (of those it keeps only JMS_COORELATION_ID, set for a proxy's JMS transport, and the JMS_*, transport.jms.ContentTypeProperty and REQUEST_HOST_HEADER values the project's own property mediators set), so a read would give \"\" where the Micro Integrator may have a value";
    }

    /// <summary>
    /// RESPONSE and OUT_ONLY with a literal value (or removed): facts of the message exchange lowering follows
    /// (<see cref="ExchangeState"/>). RESPONSE is what Synapse's <c>isResponse()</c> reads, so it becomes the
    /// context's response flag; OUT_ONLY stays a property (get-property reads it) and makes the sends below fire
    /// and forget. Null for other properties, and for values known only at run time (a TODO as before).
    /// </summary>
    private StepIr? ExchangeProperty(PropertyMediator property, FlowContext context)
    {
        var state = context.Exchange.Current;
        switch (property.Name)
        {
            // Only a string value counts: isResponse() reads the property only when it holds a String.
            // Boolean.valueOf: "true" in any case, not trimmed.
            case "RESPONSE" when property.Action != PropertyAction.Remove && property.Type is null or "STRING" && property.Value is ValueSyntax.Literal { Text: var text }
                && string.Equals(text, "true", StringComparison.OrdinalIgnoreCase) is var response:
                var mark = new MarkResponseStep(property, response);
                if (state.ForceAccepted != Known.Yes)
                {
                    // Axis2MessageContext.setProperty sets the operation's RESPONSE_WRITTEN to SKIP whenever RESPONSE is
                    // set, whatever the value: as after a store, ServerWorker.sendAck then writes no 202 unless
                    // FORCE_SC_ACCEPTED is true when the request's thread returns (FallThroughStates).
                    _unacknowledgedSkips.Add(mark);
                }

                return mark;
            case "OUT_ONLY" when OutOnlyFlag(property) is { } outOnly:
                context.Exchange.Set(state with { OutOnly = outOnly ? Known.Yes : Known.No, OutOnlyOrigin = outOnly ? property : null });
                return property.Action == PropertyAction.Remove
                    ? new RemovePropertyStep(property, property.Name)
                    : new SetPropertyStep(property, property.Name, Typed(Value(property.Value, context), property.Type, property.Value is ValueSyntax.InlineXml, propertyIntegers: true));
            default:
                return null;
        }
    }

    /// <summary>
    /// Whether a literal OUT_ONLY makes the sends after it out-only: Synapse's senders (Axis2FlexibleMEPClient,
    /// BlockingMsgSender, ForwardingService) test <c>"true".equals(OUT_ONLY)</c>, so only the String "true", exactly,
    /// does; "TRUE", " true" or a typed value (<c>type="BOOLEAN"</c> stores a Boolean) do not, and the property keeps
    /// its typed value. False when removed; null when computed.
    /// </summary>
    private static bool? OutOnlyFlag(PropertyMediator property) => property switch
    {
        { Action: PropertyAction.Remove } => false,
        { Value: ValueSyntax.Literal literal, Type: null or "STRING" } => literal.Text == "true",
        { Value: ValueSyntax.Literal } => false,
        _ => null,
    };

    /// <summary>The boolean a behaviour property is set to: a literal true/false (as Boolean.valueOf reads it), false when removed; null when computed.</summary>
    private static bool? LiteralFlag(PropertyMediator property) => property switch
    {
        { Action: PropertyAction.Remove } => false,
        { Value: ValueSyntax.Literal literal } => string.Equals(literal.Text.Trim(), "true", StringComparison.OrdinalIgnoreCase),
        _ => null,
    };

    /// <summary>Whether a set property stores a String: no type (or STRING) and a literal or expression value, not inline XML.</summary>
    private static bool IsStringValued(PropertyMediator property) =>
        property.Type?.ToUpperInvariant() is null or "STRING" && property.Value is ValueSyntax.Literal or ValueSyntax.Expression;

    /// <summary>
    /// An axis2-client property: PropertyMediator puts it in the message's Axis2 client options
    /// (<c>getOptions().setProperty</c>, a remove sets it to null), not among the message's axis2 properties, and runs
    /// none of the axis2 scope's special handling (MediatorPropertyUtils.handleSpecialProperties). Axis2's
    /// MessageContext.getProperty reads the message's own properties first, then the options, so an axis2 read sees it
    /// only while no axis2 property of that name is set. A data name is kept as an axis2 property (SB0279 says what
    /// differs); a name Axis2, Synapse or a transport acts on stays a TODO (SB0280), since translating it as the axis2
    /// property would change the message where the Micro Integrator does not.
    /// </summary>
    private StepIr LowerAxis2ClientProperty(PropertyMediator property, FlowContext context)
    {
        if (!IsAxis2Data(property.Name) || Axis2TransportSet.Contains(property.Name))
        {
            return SettingOnly(Todo(property, DiagnosticCatalog.Axis2ClientOptionNotTranslated,
                $"the axis2-client property '{property.Name}' is not translated: the Micro Integrator puts it in the message's Axis2 client options, where Synapse does not act on it as on the axis2 property, and Axis2 and the transports read it only while the message has no axis2 property of that name",
                property.Name));
        }

        _diagnostics.Report(DiagnosticCatalog.Axis2ClientOptionKept, property.Location, property.Name);
        return LowerAxis2Property(property, context);
    }

    private StepIr LowerAxis2Property(PropertyMediator property, FlowContext context)
    {
        var remove = property.Action == PropertyAction.Remove;
        switch (property.Name)
        {
            case "HTTP_SC":
                return new SetFieldStep(property, ContextField.StatusCode, remove ? new StringLiteralIr(string.Empty) : Typed(Value(property.Value, context), "INTEGER", inlineXml: false));
            case "messageType" or "ContentType":
                return new SetFieldStep(property, ContextField.ContentType, remove ? new StringLiteralIr(string.Empty) : Value(property.Value, context));
            case "REST_URL_POSTFIX":
                return new SetFieldStep(property, ContextField.UrlPostfix, remove ? new StringLiteralIr(string.Empty) : Value(property.Value, context));
            case "HTTP_METHOD":
                // Removed, the message has no method, as a call's response has none: a later send through an endpoint
                // without a method goes out as POST (TargetRequestFactory's default; the runtime's callEndpoint).
                return new SetFieldStep(property, ContextField.Method, remove ? new StringLiteralIr(string.Empty) : Value(property.Value, context));
            case "NO_ENTITY_BODY":
                if (remove || property.Value is ValueSyntax.Literal { Text: var t } && !string.Equals(t.Trim(), "true", StringComparison.OrdinalIgnoreCase))
                {
                    return new CommentStep(property, "NO_ENTITY_BODY cleared: the generated code sends the current payload whenever there is one.");
                }

                return new ClearPayloadStep(property);
            case "TRANSPORT_HEADERS" when remove:
                return new ClearHeadersStep(property);
            case "FORCE_SC_ACCEPTED" when property.Scope == "axis2" && LiteralFlag(property) is { } accepted:
                // A blocking call goes on in the request's own message context: only a non-blocking one (or an out flow) moves it.
                var afterResponse = context.Exchange.Current.Redispatched == Known.Yes || context.Kind == FlowKind.Out;
                context.Exchange.Set(context.Exchange.Current with { ForceAccepted = accepted ? Known.Yes : Known.No });
                // ServerWorker.sendAck reads the property once, when the request's thread returns: on a response (after
                // a non-blocking call or send) that has happened, so the property changes nothing the client sees.
                var mark = new CommentStep(property, afterResponse
                    ? $"FORCE_SC_ACCEPTED {(accepted ? "set" : "cleared")} on a response: the Micro Integrator's listener read it when the request's thread returned at the send or call, so it changes nothing here."
                    : accepted
                    ? "FORCE_SC_ACCEPTED: any later send answers the client 202 Accepted as soon as the message is sent."
                    : "FORCE_SC_ACCEPTED cleared.");
                _forceAcceptedMarks[mark] = accepted;
                return mark;
            case "FORCE_HTTP_1.0" or "DISABLE_CHUNKING" or "FORCE_HTTP_CONTENT_LENGTH" or "COPY_CONTENT_LENGTH_FROM_INCOMING" when LowerTransportSwitch(property, context) is { } transportSwitch:
                return transportSwitch;
            case "JMS_MESSAGE_TYPE" or "JMS_COORELATION_ID" when property.Scope == "axis2":
                // Read by jmsMessage for a JMS send or answer, as JMSSender does: JMS_MESSAGE_TYPE JMS_BYTE_MESSAGE writes a
                // bytes message, JMS_COORELATION_ID is the message's JMSCorrelationID; no other send acts on them.
                return remove
                    ? new RemovePropertyStep(property, property.Name) { Scope = PropertyScope.Axis2 }
                    : new SetPropertyStep(property, property.Name, Value(property.Value, context)) { Scope = PropertyScope.Axis2 };
            case "ClientApiNonBlocking" when remove && property.Scope == "axis2":
                // Axis2's AxisEngine.send hands the transport sender to a thread pool only while the property holds true;
                // removed, the sender runs in the mediation thread and its failures reach the flow, as every generated call does.
                return new RemovePropertyStep(property, property.Name) { Scope = PropertyScope.Axis2 };
            case "enableMTOM" or "enableSwA" when SwitchesAttachmentsOff(property):
                // The plain (not MTOM, not SwA) message the generated runtime always writes: the property only holds data.
                return remove
                    ? new RemovePropertyStep(property, property.Name) { Scope = PropertyScope.Axis2 }
                    : new SetPropertyStep(property, property.Name, Typed(Value(property.Value, context), property.Type, inlineXml: false)) { Scope = PropertyScope.Axis2 };
            case "REQUEST_HOST_HEADER" or "transport.jms.ContentTypeProperty" or "JMS_WAIT_REPLY" or "JMS_REPLY_TO" or "JMS_REPLY_TO_TYPE" or "HTTP_SC_DESC" when property.Scope == "axis2" && (remove || IsStringValued(property)):
                // Strings the runtime's senders read: REQUEST_HOST_HEADER is the Host header of an HTTP request
                // (TargetRequestFactory), transport.jms.ContentTypeProperty the JMS property that carries the content type
                // (JMSSender.getContentTypeProperty, before the endpoint's); JMS_WAIT_REPLY (milliseconds), JMS_REPLY_TO and
                // JMS_REPLY_TO_TYPE the wait and the reply destination of a JMS request-reply (JMSSender.sendOverJMS);
                // HTTP_SC_DESC the reason phrase of the response to the client (SourceResponseFactory, `respond`).
                return remove
                    ? new RemovePropertyStep(property, property.Name) { Scope = PropertyScope.Axis2 }
                    : new SetPropertyStep(property, property.Name, Value(property.Value, context)) { Scope = PropertyScope.Axis2 };
            case var name when IsAxis2Data(name):
                // Data kept in the axis2 scope: one direction only, a call's response starts without it (semantics §2.4).
                return remove
                    ? new RemovePropertyStep(property, name) { Scope = PropertyScope.Axis2 }
                    : new SetPropertyStep(property, name, Typed(SecretSafeValue(name, property.Value, property.Location, context), property.Type, property.Value is ValueSyntax.InlineXml, propertyIntegers: true)) { Scope = PropertyScope.Axis2 };
            case "FORCE_HTTP_1.0" or "DISABLE_CHUNKING" or "FORCE_HTTP_CONTENT_LENGTH" or "COPY_CONTENT_LENGTH_FROM_INCOMING":
                // Not taken by LowerTransportSwitch: the value is not the literal String "true" or "false", which the
                // pass-through sender compares with, so the converter cannot tell which client the calls after it need.
                return SettingOnly(Todo(property, DiagnosticCatalog.PropertyNotTranslated,
                    $"{TransportSwitchReason(property.Name)}; its value is computed, typed or another literal than the string \"true\" or \"false\" (the sender compares with the String \"true\"), so the converter cannot tell which client the calls after it need",
                    property.Scope, property.Name));
            default:
                return SettingOnly(Todo(property, DiagnosticCatalog.PropertyNotTranslated, TransportSwitchReason(property.Name) ?? $"axis2 property '{property.Name}' has no equivalent in the generated code", property.Scope, property.Name));
        }
    }

    /// <summary>A TODO for a transport or sender setting: the message is sent all the same, so it does not fail the flow.</summary>
    private static StepIr SettingOnly(StepIr step) => step is TodoStep todo ? todo with { SettingOnly = true } : step;
}
