using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

public sealed partial class Lowerer
{
    /// <summary>Default-scope properties that change how Synapse sends or answers, not plain data.</summary>
    private static readonly HashSet<string> BehaviourProperties = new(StringComparer.Ordinal)
    {
        "OUT_ONLY", "RESPONSE", "FORCE_ERROR_ON_SOAP_FAULT", "PRESERVE_WS_ADDRESSING", "preserveProcessedHeaders",
        "FAULTS_AS_HTTP_200", "BLOCKING_SENDER_PRESERVE_REQ_HEADERS", "FORCE_SC_ACCEPTED", "NO_KEEPALIVE",
        "DISABLE_SMOOKS_RESULT_PAYLOAD", "ClientApiNonBlocking", "TRANSPORT_IN_NAME",
    };

    private ImmutableArray<StepIr> LowerBlock(ImmutableArray<MediatorSyntax> mediators, FlowContext context)
    {
        var steps = ImmutableArray.CreateBuilder<StepIr>();
        var stopped = false;
        foreach (var mediator in mediators)
        {
            if (stopped)
            {
                steps.Add(new DeadCodeStep(mediator, "never runs: the flow has already ended above"));
                continue;
            }

            foreach (var step in LowerMediator(mediator, context))
            {
                steps.Add(step);
                stopped |= step.Terminates;
            }
        }

        return steps.ToImmutable();
    }

    private IEnumerable<StepIr> LowerMediator(MediatorSyntax mediator, FlowContext context) => mediator switch
    {
        LogMediator log => [LowerLog(log, context)],
        PropertyMediator property => [LowerProperty(property, context)],
        PayloadFactoryMediator factory => [LowerPayloadFactory(factory, context)],
        RespondMediator respond => [new RespondStep(respond)],
        DropMediator drop => [new AcceptStep(drop)],
        LoopbackMediator loopback => [new MarkResponseStep(loopback), Reply(loopback, context)],
        CallMediator call => LowerCall(call, context),
        SendMediator send => LowerSend(send, context),
        HeaderMediator header => [LowerHeader(header, context)],
        FilterMediator filter => [LowerFilter(filter, context)],
        SwitchMediator @switch => [LowerSwitch(@switch, context)],
        SequenceReferenceMediator reference => LowerSequenceReference(reference),
        DirectionMediator direction => LowerDirection(direction, context),
        InlineSequenceMediator inline => LowerBlock(inline.Mediators, context),
        EnrichMediator enrich => LowerEnrich(enrich, context),
        CallTemplateMediator callTemplate => [LowerCallTemplate(callTemplate, context)],
        VariableMediator variable => [LowerVariable(variable, context)],
        ThrowErrorMediator throwError => LowerThrowError(throwError, context),
        PropertyGroupMediator group => group.Properties.Select(p => LowerProperty(p, context)).ToList(),
        MakeFaultMediator
            or StoreMediator or EnqueueMediator or EventPublisherMediator or ValidateMediator or CalloutMediator
            or XsltMediator or FastXsltMediator or XQueryMediator or ScriptMediator or RewriteMediator
            or JsonTransformMediator or DataMapperMediator or SmooksMediator or BuilderMediator
            or IterateMediator or CloneMediator or AggregateMediator or ForEachMediator or ScatterGatherMediator
            or ConditionalRouterMediator or RouterMediator or SamplerMediator or ThrottleMediator or CacheMediator
            or DbReportMediator or DbLookupMediator or DataServiceCallMediator or TransactionMediator
            or ClassMediator or PojoCommandMediator or SpringMediator or BeanMediator or EjbMediator
            or EntitlementMediator or OAuthMediator or KerberosMediator or NtlmMediator or PublishEventMediator
            or EventMediator or BamMediator or RuleMediator or OpaMediator or ConnectorOperationMediator => [NotTranslated(mediator)],
        UnknownMediator unknown => [NotTranslated(unknown)],
        _ => throw new InvalidOperationException($"Unhandled mediator {mediator.GetType().Name}"),
    };

    private TodoStep NotTranslated(MediatorSyntax mediator)
    {
        _diagnostics.Report(DiagnosticCatalog.MediatorNotTranslated, mediator.Location, mediator.ElementName);
        return new TodoStep(mediator, new NotTranslatedIr(DiagnosticCatalog.MediatorNotTranslated, $"the <{mediator.ElementName}> mediator is not translated yet"), mediator.RawXml);
    }

    private TodoStep Todo(MediatorSyntax mediator, DiagnosticDescriptor descriptor, string message, params object?[] args)
    {
        _diagnostics.Report(descriptor, mediator.Location, args);
        return new TodoStep(mediator, new NotTranslatedIr(descriptor, message), mediator.RawXml);
    }

    /// <summary>Translates an expression, reporting it when it falls outside the supported subset.</summary>
    private ExprIr Expr(ExpressionSyntax expression, FlowContext context)
    {
        var result = context.Translator.Value(expression);
        ReportUntranslated(result, expression);
        return result;
    }

    private void ReportUntranslated(ExprIr result, ExpressionSyntax expression)
    {
        if (IrWalker.ContainsUntranslated(result))
        {
            _diagnostics.Report(DiagnosticCatalog.ExpressionNotTranslated, expression.Location, expression.Original);
        }
    }

    /// <summary>
    /// A value of the type a property or variable declares (Synapse's <c>type</c>: STRING, INTEGER, BOOLEAN,
    /// DOUBLE, OM, JSON, ...): a literal is converted now, anything else by an explicit conversion at run time.
    /// </summary>
    private static ExprIr Typed(ExprIr value, string? type, bool inlineXml)
    {
        var kind = inlineXml ? ValueKind.Xml : type?.ToUpperInvariant() switch
        {
            "INTEGER" or "LONG" or "SHORT" => ValueKind.Integer,
            "BOOLEAN" => ValueKind.Boolean,
            "DOUBLE" or "FLOAT" => ValueKind.Float,
            "OM" or "XML" => ValueKind.Xml,
            "JSON" => ValueKind.Json,
            _ => ValueKind.String,
        };
        if (kind == ValueKind.String)
        {
            return value;
        }

        if (value is StringLiteralIr literal)
        {
            var text = literal.Value.Trim();
            switch (kind)
            {
                case ValueKind.Integer when long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var integer):
                    return new NumberLiteralIr(integer.ToString(CultureInfo.InvariantCulture), ValueKind.Integer);
                case ValueKind.Boolean:
                    return new BooleanLiteralIr(string.Equals(text, "true", StringComparison.OrdinalIgnoreCase));
                case ValueKind.Float when IsDecimalNumeral(text):
                    return new NumberLiteralIr(text, ValueKind.Float);
            }
        }

        return new ConvertIr(value, kind);
    }

    /// <summary>A plain decimal number (<c>5</c>, <c>-2.5</c>, <c>1e3</c>); not NaN, Infinity or hexadecimal.</summary>
    private static bool IsDecimalNumeral(string text) =>
        System.Text.RegularExpressions.Regex.IsMatch(text, @"^-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?$");

    private ExprIr Value(ValueSyntax? value, FlowContext context) => value switch
    {
        ValueSyntax.Literal literal => new StringLiteralIr(literal.Text),
        ValueSyntax.Expression expression => Expr(expression.Syntax, context),
        ValueSyntax.InlineXml xml => new StringLiteralIr(xml.Xml),
        null => new StringLiteralIr(string.Empty),
        _ => throw new InvalidOperationException(),
    };

    // ---- log ----

    private LogStep LowerLog(LogMediator log, FlowContext context)
    {
        var parts = new List<LogPart>();
        void Separator()
        {
            if (parts.Count > 0)
            {
                parts.Add(new LogPart.Text(log.Separator));
            }
        }

        if (log.Level != LogLevel.Custom)
        {
            var direction = context.Kind switch
            {
                FlowKind.Out => "response",
                FlowKind.In or FlowKind.Fault => "request",
                _ => null,
            };
            if (direction is not null)
            {
                parts.Add(new LogPart.Text("Direction: " + direction));
            }
        }

        if (log.Level == LogLevel.Headers || log.Level == LogLevel.Full)
        {
            Separator();
            parts.Add(new LogPart.Text("Headers: "));
            parts.Add(new LogPart.Headers());
        }

        if (log.Message is { } message)
        {
            Separator();
            parts.AddRange(TemplateMessage(message, log, context));
        }

        foreach (var property in log.Properties)
        {
            Separator();
            parts.Add(new LogPart.Text(property.Name + " = "));
            parts.Add(new LogPart.Value(Value(property.Value, context)));
        }

        if (log.Level == LogLevel.Full)
        {
            Separator();
            parts.Add(new LogPart.Text("Payload: "));
            parts.Add(new LogPart.Payload());
        }

        var function = log.Category switch
        {
            LogCategory.Debug or LogCategory.Trace => LogFunction.Debug,
            LogCategory.Warn => LogFunction.Warn,
            LogCategory.Error or LogCategory.Fatal => LogFunction.Error,
            _ => LogFunction.Info,
        };
        return new LogStep(log, function, parts.ToImmutableArray());
    }

    /// <summary>MI 4.4 log message: text with <c>${...}</c> expressions.</summary>
    private IEnumerable<LogPart> TemplateMessage(string message, LogMediator log, FlowContext context)
    {
        var index = 0;
        while (index < message.Length)
        {
            var open = message.IndexOf("${", index, StringComparison.Ordinal);
            var close = open < 0 ? -1 : message.IndexOf('}', open);
            if (open < 0 || close < 0)
            {
                yield return new LogPart.Text(message[index..]);
                yield break;
            }

            if (open > index)
            {
                yield return new LogPart.Text(message[index..open]);
            }

            var expression = ExpressionSyntax.Create(message[open..(close + 1)], ImmutableDictionary<string, string>.Empty, log.Location);
            yield return new LogPart.Value(Expr(expression, context));
            index = close + 1;
        }
    }

    // ---- variable ----

    private StepIr LowerVariable(VariableMediator variable, FlowContext context)
    {
        if (variable.Action == PropertyAction.Remove)
        {
            return new RemoveVariableStep(variable, variable.Name);
        }

        var inlineXml = variable.Value is ValueSyntax.InlineXml && variable.Type?.ToUpperInvariant() is null or "STRING";
        return new SetVariableStep(variable, variable.Name, Typed(Value(variable.Value, context), variable.Type, inlineXml));
    }

    // ---- throwError ----

    private IEnumerable<StepIr> LowerThrowError(ThrowErrorMediator throwError, FlowContext context)
    {
        var message = throwError.ErrorMessage is null ? new StringLiteralIr("Error occurred") : Value(throwError.ErrorMessage, context);
        if (throwError.Type is { } type)
        {
            // Synapse sets ERROR_CODE to the type and ERROR_MESSAGE to the message; recordError keeps them, as the first error wins.
            yield return new SetPropertyStep(throwError, "ERROR_CODE", new StringLiteralIr(type));
            yield return new SetPropertyStep(throwError, "ERROR_MESSAGE", message);
        }

        yield return new FailStep(throwError, message);
    }

    // ---- call-template ----

    /// <summary>A call of the template's function, each with-param a named argument evaluated in the caller.</summary>
    private StepIr LowerCallTemplate(CallTemplateMediator call, FlowContext context)
    {
        if (!_templateFunctions.TryGetValue(call.Target, out var target))
        {
            // The reference graph has reported an unknown template (SB0502).
            return new TodoStep(call, new NotTranslatedIr(DiagnosticCatalog.UnresolvedReference, $"template '{call.Target}' is not a sequence template of the input"), call.RawXml);
        }

        if (call.OnError is not null)
        {
            _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, call.Location, "call-template", "onError", "failures go to the caller's fault handling");
        }

        var arguments = ImmutableArray.CreateBuilder<ArgumentIr>();
        foreach (var parameter in call.Parameters)
        {
            var declared = target.Parameters.FirstOrDefault(p => p.SynapseName == parameter.Name);
            if (declared is null)
            {
                _diagnostics.Report(DiagnosticCatalog.InvalidAttribute, parameter.Location, "with-param", "name", parameter.Name, $"template '{call.Target}' declares no such parameter; it is not passed");
                continue;
            }

            ExprIr value = parameter.Value switch
            {
                ValueSyntax.Literal { Text: var text } when text.StartsWith("{{", StringComparison.Ordinal) => ReportLazy(text, parameter.Location),
                _ => Value(parameter.Value, context),
            };
            arguments.Add(new ArgumentIr(declared.Name, value));
        }

        foreach (var missing in target.Parameters.Where(p => p.Mandatory && call.Parameters.All(a => a.Name != p.SynapseName)))
        {
            _diagnostics.Report(DiagnosticCatalog.InvalidAttribute, call.Location, "call-template", "with-param", missing.SynapseName, "the mandatory parameter is missing (Synapse faults with 500101); its default is passed");
        }

        return new InvokeStep(call, target.Function, _model.TemplateFacts(call.Target).CanAnswer) { Arguments = arguments.ToImmutable() };
    }

    /// <summary>A <c>{{expr}}</c> argument is evaluated lazily inside the template in Synapse; that is not translated.</summary>
    private UntranslatedExprIr ReportLazy(string text, SourceLocation location)
    {
        _diagnostics.Report(DiagnosticCatalog.ExpressionNotTranslated, location, text);
        return new UntranslatedExprIr(text);
    }

    // ---- enrich ----

    /// <summary>
    /// Enrich from the body, a property, an inline value or an expression into a property or the body
    /// (replace). Targets inside the message (custom XPath, child/sibling actions) are not translated yet.
    /// </summary>
    private IEnumerable<StepIr> LowerEnrich(EnrichMediator enrich, FlowContext context)
    {
        if (enrich.Source is not { } source || enrich.Target is not { } target || target.Action != EnrichAction.Replace
            || target.Type is not (EnrichTargetType.Property or EnrichTargetType.Body))
        {
            return [NotTranslated(enrich)];
        }

        ValueIr? value = source.Type switch
        {
            EnrichSourceType.Body => new ValueIr.Payload(),
            EnrichSourceType.Property when source.Property is { } name => new ValueIr.Property(name),
            EnrichSourceType.Inline => source.Inline switch
            {
                ValueSyntax.InlineXml xml => new ValueIr.ParsedXml(xml.Xml),
                ValueSyntax.Literal text when text.Text.TrimStart().StartsWith('{') || text.Text.TrimStart().StartsWith('[') => new ValueIr.ParsedJson(text.Text.Trim()),
                ValueSyntax.Literal text => new ValueIr.String(new StringLiteralIr(text.Text)),
                _ => null,
            },
            EnrichSourceType.Custom when source.XPath is { } expression => Expr(expression, context) switch
            {
                XmlNavigationIr { TextOnly: false } navigation => new ValueIr.XmlNodes(navigation),
                JsonEvalIr json => new ValueIr.Json(json.Path),
                UntranslatedExprIr => null,
                var other => new ValueIr.String(other),
            },
            _ => null,
        };
        if (value is null)
        {
            return [NotTranslated(enrich)];
        }

        var steps = new List<StepIr>();
        if (target.Type == EnrichTargetType.Property)
        {
            if (target.Property is not { } property)
            {
                return [NotTranslated(enrich)];
            }

            steps.Add(new StorePropertyStep(enrich, property, value));
        }
        else
        {
            steps.Add(new ReplacePayloadStep(enrich, value));
        }

        if (!source.CloneSource && source.Type == EnrichSourceType.Body && target.Type != EnrichTargetType.Body)
        {
            // clone="false" moves the body: it is empty afterwards.
            steps.Add(new ClearPayloadStep(enrich));
        }

        return steps;
    }

    // ---- property ----

    private StepIr LowerProperty(PropertyMediator property, FlowContext context)
    {
        if (property.Pattern is not null)
        {
            return Todo(property, DiagnosticCatalog.AttributeNotTranslated, "a property with pattern/group needs hand translation", "property", "pattern", "regular-expression extraction is not translated yet");
        }

        if (property.Name.StartsWith('{'))
        {
            return Todo(property, DiagnosticCatalog.DynamicKey, "the property name is computed at run time", property.Name);
        }

        var remove = property.Action == PropertyAction.Remove;
        switch (property.Scope)
        {
            case "default" or "operation":
                if (BehaviourProperties.Contains(property.Name))
                {
                    return Todo(property, DiagnosticCatalog.PropertyNotTranslated, $"'{property.Name}' changes how Synapse sends or answers; reproduce it by hand", property.Scope, property.Name);
                }

                return remove
                    ? new RemovePropertyStep(property, property.Name)
                    : new SetPropertyStep(property, property.Name, Typed(Value(property.Value, context), property.Type, property.Value is ValueSyntax.InlineXml));
            case "transport":
                return remove
                    ? new RemoveHeaderStep(property, property.Name)
                    : new SetHeaderStep(property, property.Name, Value(property.Value, context));
            case "axis2" or "axis2-client":
                return LowerAxis2Property(property, context);
            default:
                return Todo(property, DiagnosticCatalog.PropertyNotTranslated, $"{property.Scope}-scope properties are not translated", property.Scope, property.Name);
        }
    }

    private StepIr LowerAxis2Property(PropertyMediator property, FlowContext context)
    {
        var remove = property.Action == PropertyAction.Remove;
        switch (property.Name)
        {
            case "HTTP_SC":
                return new SetFieldStep(property, ContextField.StatusCode, remove ? new NumberLiteralIr("200", ValueKind.Integer) : Typed(Value(property.Value, context), "INTEGER", inlineXml: false));
            case "messageType" or "ContentType":
                return new SetFieldStep(property, ContextField.ContentType, remove ? new StringLiteralIr(string.Empty) : Value(property.Value, context));
            case "REST_URL_POSTFIX":
                return new SetFieldStep(property, ContextField.UrlPostfix, remove ? new StringLiteralIr(string.Empty) : Value(property.Value, context));
            case "HTTP_METHOD":
                return remove
                    ? Todo(property, DiagnosticCatalog.PropertyNotTranslated, "removing HTTP_METHOD is not translated", property.Scope, property.Name)
                    : new SetFieldStep(property, ContextField.Method, Value(property.Value, context));
            case "NO_ENTITY_BODY":
                if (remove || property.Value is ValueSyntax.Literal { Text: var t } && !string.Equals(t.Trim(), "true", StringComparison.OrdinalIgnoreCase))
                {
                    return new CommentStep(property, "NO_ENTITY_BODY cleared: the generated code sends the current payload whenever there is one.");
                }

                return new ClearPayloadStep(property);
            case "TRANSPORT_HEADERS" when remove:
                return new ClearHeadersStep(property);
            default:
                return Todo(property, DiagnosticCatalog.PropertyNotTranslated, $"axis2 property '{property.Name}' has no equivalent in the generated code", property.Scope, property.Name);
        }
    }

    // ---- header ----

    private StepIr LowerHeader(HeaderMediator header, FlowContext context)
    {
        if (header.Scope != "transport")
        {
            return Todo(header, DiagnosticCatalog.AttributeNotTranslated, "SOAP headers and WS-Addressing fields are not translated", "header", $"scope '{header.Scope}' ({header.Name})", "only transport (HTTP) headers are translated");
        }

        return header.Action == PropertyAction.Remove
            ? new RemoveHeaderStep(header, header.Name)
            : new SetHeaderStep(header, header.Name, Value(header.Value, context));
    }

    // ---- filter and switch ----

    private StepIr LowerFilter(FilterMediator filter, FlowContext context)
    {
        ConditionIr condition;
        switch (filter.Condition)
        {
            case FilterConditionSyntax.Boolean boolean:
                condition = context.Translator.Condition(boolean.Expression);
                if (IrWalker.ContainsUntranslated(condition))
                {
                    _diagnostics.Report(DiagnosticCatalog.ExpressionNotTranslated, boolean.Expression.Location, boolean.Expression.Original);
                }

                break;
            case FilterConditionSyntax.Match match:
                condition = new RegexMatchIr(Expr(match.Source, context), match.Regex);
                break;
            case FilterConditionSyntax.Missing:
                condition = new UntranslatedConditionIr("(no condition)");
                break;
            default:
                throw new InvalidOperationException();
        }

        return new IfStep(filter, condition, LowerBlock(filter.Then, context), LowerBlock(filter.Else, context));
    }

    private StepIr LowerSwitch(SwitchMediator @switch, FlowContext context)
    {
        var source = @switch.Source is null ? new UntranslatedExprIr("(no source)") : Expr(@switch.Source, context);
        var cases = @switch.Cases.Select(c => new SwitchCaseIr(c.Regex, LowerBlock(c.Mediators, context))).ToImmutableArray();
        var @default = @switch.Default is { } d ? LowerBlock(d, context) : [];
        return new SwitchStep(@switch, source, cases, @default);
    }

    // ---- in / out ----

    private IEnumerable<StepIr> LowerDirection(DirectionMediator direction, FlowContext context)
    {
        switch (context.Kind)
        {
            case FlowKind.In or FlowKind.Fault when direction.IsIn:
            case FlowKind.Out when !direction.IsIn:
                return LowerBlock(direction.Mediators, context);
            case FlowKind.In or FlowKind.Fault or FlowKind.Out:
                // Never runs here: kept as written, and not lowered (its constructs are not reported).
                return [new DeadCodeStep(direction, direction.IsIn ? "<in> runs only for requests; this flow handles responses" : "<out> runs only for responses; this flow handles requests")];
            default:
                // In a shared sequence the direction is known inside <out>: the message is a response there.
                return direction.IsIn
                    ? [new DirectionStep(direction, LowerBlock(direction.Mediators, context), [])]
                    : [new DirectionStep(direction, [], LowerBlock(direction.Mediators, context with { Kind = FlowKind.Out }))];
        }
    }

    // ---- sequence references ----

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

    // ---- call, send, loopback ----

    private IEnumerable<StepIr> LowerCall(CallMediator call, FlowContext context)
    {
        if (call.SourceXml is not null || call.TargetXml is not null)
        {
            return [Todo(call, DiagnosticCatalog.AttributeNotTranslated, "call with <source>/<target> is not translated yet", "call", "source/target", "MI 4.4 call source and target need hand translation")];
        }

        var step = CallStepFor(call, call.Endpoint, context);
        if (step is null)
        {
            return [NotTranslatedCall(call)];
        }

        if (call.Blocking)
        {
            return [new CommentStep(call, "blocking=\"true\": Ballerina calls always wait for the response."), step];
        }

        return [step];
    }

    private IEnumerable<StepIr> LowerSend(SendMediator send, FlowContext context)
    {
        if (send.ReceiveSequence is not null)
        {
            _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, send.Location, "send", "receive", "the response continues in the out flow instead");
        }

        if (send.Endpoint is null)
        {
            // An endpoint-less send answers the client on the response path.
            if (context.Kind is FlowKind.Out or FlowKind.Fault)
            {
                return [new RespondStep(send)];
            }

            if (context.Kind == FlowKind.Sequence)
            {
                // A shared sequence runs on requests and responses alike; the generated code assumes a response.
                _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, send.Location, "send", "no endpoint", "it answers the client here; on a request Synapse sends the message to its To address instead");
                return [new RespondStep(send)];
            }

            return [Todo(send, DiagnosticCatalog.AttributeNotTranslated, "a send without an endpoint goes to the request's To address", "send", "no endpoint", "sending to the request's own To address is not translated")];
        }

        var call = CallStepFor(send, send.Endpoint, context);
        if (call is null)
        {
            return [NotTranslatedCall(send)];
        }

        return [call, Reply(send, context)];
    }

    /// <summary>What happens once a response is in hand: the out flow runs, or the client gets it.</summary>
    private static StepIr Reply(MediatorSyntax origin, FlowContext context) => context.Kind switch
    {
        FlowKind.In when context.OutFunction is not null => new ContinueWithStep(origin, context.OutFunction),
        FlowKind.In or FlowKind.Out or FlowKind.Fault => new RespondStep(origin),
        _ => new ContinueWithStep(origin, null),
    };

    private static TodoStep NotTranslatedCall(MediatorSyntax mediator) =>
        new(mediator, new NotTranslatedIr(DiagnosticCatalog.EndpointNotTranslated, $"the <{mediator.ElementName}> target endpoint is not translated"), mediator.RawXml);

    private CallStep? CallStepFor(MediatorSyntax origin, EndpointReferenceSyntax? reference, FlowContext context)
    {
        switch (reference)
        {
            case null:
                _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, origin.Location, origin.ElementName, "no endpoint", "a call without an endpoint goes to the To address");
                return null;
            case EndpointReferenceSyntax.Key { Value.IsDynamic: true } dynamic:
                _diagnostics.Report(DiagnosticCatalog.DynamicKey, dynamic.Location, dynamic.Value.Text);
                return null;
            case EndpointReferenceSyntax.Key key:
            {
                if (_model.Symbols.Endpoint(key.Value.Text) is not { } artifact)
                {
                    // Reported by the reference graph (SB0502).
                    return null;
                }

                var client = _namedClients[key.Value.Text];
                return client is null ? null : new CallStep(origin, client, PathFor(artifact.Endpoint, context));
            }

            case EndpointReferenceSyntax.Inline inline:
            {
                var client = LowerClient(inline.Endpoint, context.Owner + " endpoint");
                return client is null ? null : new CallStep(origin, client, PathFor(inline.Endpoint, context));
            }

            default:
                throw new InvalidOperationException();
        }
    }

    private HttpPathIr PathFor(EndpointSyntax endpoint, FlowContext context)
    {
        switch (endpoint.Definition)
        {
            case AddressEndpointSyntax address:
                return address.Format is "soap11" or "soap12"
                    ? new HttpPathIr.None()
                    : new HttpPathIr.Postfix();
            case HttpEndpointSyntax http:
            {
                var legacy = http.UriTemplate.StartsWith(LegacyEncoding, StringComparison.Ordinal);
                if (legacy)
                {
                    _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, http.Location, "http", "legacy-encoding", "values are percent-encoded once, without the legacy decoding first");
                }

                var (_, path) = SplitUrl(legacy ? http.UriTemplate[LegacyEncoding.Length..] : http.UriTemplate);
                var parts = UriTemplateParts(path, context);
                if (http.Method is null)
                {
                    // Per Synapse's HTTPEndpoint, without a method the postfix is appended to the expanded template.
                    parts = [.. parts, new TemplatePart.Argument(new ContextFieldIr(ContextField.UrlPostfix), Raw: true, InAttribute: false)];
                }

                return new HttpPathIr.Template(parts, http.Method);
            }

            default:
                return new HttpPathIr.Postfix();
        }
    }

    /// <summary>RFC 6570 level-2 expansion of an HTTP endpoint template: <c>{uri.var.x}</c> encoded, <c>{+x}</c> raw.</summary>
    private static ImmutableArray<TemplatePart> UriTemplateParts(string template, FlowContext context)
    {
        var parts = ImmutableArray.CreateBuilder<TemplatePart>();
        var index = 0;
        while (index < template.Length)
        {
            var open = template.IndexOf('{', index);
            var close = open < 0 ? -1 : template.IndexOf('}', open);
            if (open < 0 || close < 0)
            {
                parts.Add(new TemplatePart.Text(template[index..]));
                break;
            }

            if (open > index)
            {
                parts.Add(new TemplatePart.Text(template[index..open]));
            }

            var name = template[(open + 1)..close];
            var raw = name.StartsWith('+');
            name = name.TrimStart('+', '#');
            parts.Add(new TemplatePart.Argument(context.Translator.PropertyOrParam(name), raw, InAttribute: false));
            index = close + 1;
        }

        return parts.ToImmutable();
    }

    // ---- payloadFactory ----

    private StepIr LowerPayloadFactory(PayloadFactoryMediator factory, FlowContext context)
    {
        var format = factory.Format;
        if (factory.FormatKey is { } key)
        {
            if (_model.Symbols.LocalEntry(key) is { } entry && (entry.Xml ?? entry.Text) is { } content)
            {
                format = content;
            }
            else
            {
                return new TodoStep(factory, new NotTranslatedIr(DiagnosticCatalog.UnresolvedReference, $"the format is read from '{key}', which is not part of the input"), factory.RawXml);
            }
        }

        if (factory.TemplateType != "default")
        {
            return Todo(factory, DiagnosticCatalog.AttributeNotTranslated, $"{factory.TemplateType} payload templates are not translated yet", "payloadFactory", $"template-type '{factory.TemplateType}'", "only the default template type is translated");
        }

        var kind = factory.MediaType switch
        {
            "json" => PayloadKind.Json,
            "text" => PayloadKind.Text,
            _ => PayloadKind.Xml,
        };
        var args = factory.Args.Select(a => ArgValue(a, context)).ToList();
        var parts = ImmutableArray.CreateBuilder<TemplatePart>();
        var text = format ?? string.Empty;
        var index = 0;
        var literalStart = 0;
        while (index < text.Length)
        {
            if (text[index] == '$' && index + 1 < text.Length && char.IsAsciiDigit(text[index + 1]))
            {
                var end = index + 1;
                while (end < text.Length && char.IsAsciiDigit(text[end]))
                {
                    end++;
                }

                if (!int.TryParse(text[(index + 1)..end], NumberStyles.None, CultureInfo.InvariantCulture, out var number))
                {
                    number = int.MaxValue; // far beyond any argument: kept as text below
                }

                if (number >= 1 && number <= args.Count)
                {
                    if (index > literalStart)
                    {
                        parts.Add(new TemplatePart.Text(text[literalStart..index]));
                    }

                    var (value, raw) = args[number - 1];
                    if (value is StringLiteralIr literal && kind != PayloadKind.Json && !raw)
                    {
                        // A literal argument is text: escaped into XML, pasted into plain text.
                        parts.Add(new TemplatePart.Text(kind == PayloadKind.Xml ? System.Security.SecurityElement.Escape(literal.Value) : literal.Value));
                    }
                    else
                    {
                        parts.Add(new TemplatePart.Argument(value, raw, kind == PayloadKind.Xml && InsideTag(text, index)));
                    }

                    literalStart = end;
                }
                else
                {
                    _diagnostics.Report(DiagnosticCatalog.InvalidAttribute, factory.Location, "payloadFactory", "format", text[index..end], $"there are only {args.Count} arguments; the text is kept as written");
                }

                index = end;
                continue;
            }

            index++;
        }

        if (literalStart < text.Length)
        {
            parts.Add(new TemplatePart.Text(text[literalStart..]));
        }

        return new SetPayloadStep(factory, kind, parts.ToImmutable());
    }

    /// <summary>An argument's value; Raw means "insert as markup/JSON when it looks like it" (expression results).</summary>
    private (ExprIr Value, bool Raw) ArgValue(PayloadArgSyntax arg, FlowContext context) => arg.Value switch
    {
        ValueSyntax.Literal literal => (new StringLiteralIr(literal.Text), false),
        ValueSyntax.Expression expression => (Expr(expression.Syntax, context), !arg.Literal),
        ValueSyntax.InlineXml xml => (new StringLiteralIr(xml.Xml), true),
        _ => throw new InvalidOperationException(),
    };

    /// <summary>True when position <paramref name="index"/> of an XML text lies inside a tag (an attribute value).</summary>
    private static bool InsideTag(string xml, int index)
    {
        var open = xml.LastIndexOf('<', index);
        var close = xml.LastIndexOf('>', index);
        return open > close;
    }
}
