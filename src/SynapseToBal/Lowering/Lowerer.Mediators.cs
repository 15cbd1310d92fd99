using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

public sealed partial class Lowerer
{
    /// <param name="response">Whether the message is a response inside the block, when the block is chosen by it (an
    /// <c>&lt;in&gt;</c> or <c>&lt;out&gt;</c> branch); null: as before the block.</param>
    private ImmutableArray<StepIr> LowerBlock(ImmutableArray<MediatorSyntax> mediators, FlowContext context, Known? response = null)
    {
        var steps = ImmutableArray.CreateBuilder<StepIr>();
        var stopped = false;
        context.Exchange.Enter();
        if (response is { } known)
        {
            context.Exchange.Set(context.Exchange.Current with { Response = known, IsResponse = known });
        }

        for (var index = 0; index < mediators.Length; index++)
        {
            var mediator = mediators[index];
            if (stopped)
            {
                steps.Add(new DeadCodeStep(mediator, "never runs: the flow has already ended above"));
                continue;
            }

            // An iterate or clone followed by its aggregate (right after it, or after mediators each copy runs on
            // its way there) is lowered as one piece (Mediators/SplitAndAggregate.cs).
            var consumed = false;
            var transactionEnd = TransactionBlockEnd(mediators, index);
            // With continueParent the original message runs the mediators between too: only an aggregate right after pairs.
            var aggregateAt = IsSplit(mediator) && FollowingAggregateIndex(mediators, index) is { } found
                && (found == index + 1 || mediator is IterateMediator { ContinueParent: false } or CloneMediator { ContinueParent: false }) ? found : (int?)null;
            var lowered = aggregateAt is { } at
                ? LowerSplit(mediator, (AggregateMediator)mediators[at], context, out consumed, mediators[(index + 1)..at])
                : transactionEnd is { } end ? LowerTransactionBlock(mediators, index, end, context)
                : LowerMediator(mediator, context);
            foreach (var step in FailingTodo(mediator, lowered))
            {
                if (TransportSwitchTodo(step, context) is { } transportTodo)
                {
                    steps.Add(transportTodo);
                }

                steps.Add(step);
                stopped |= step.Terminates;
                Follow(step, context);
            }

            context.Exchange.Settle();
            if (steps.Count > 0 && steps[^1] is DirectionStep { Origin: DirectionMediator } direction)
            {
                FollowDirection(direction, context);
            }

            index = consumed ? aggregateAt!.Value : index;
            index = transactionEnd ?? index;
        }

        context.Exchange.Exit();
        return steps.ToImmutable();
    }

    /// <summary>A block that runs on its own copy of the message (a split, scatter-gather or foreach branch): what it does to the message exchange stays inside it.</summary>
    private ImmutableArray<StepIr> LowerOnCopy(ImmutableArray<MediatorSyntax> mediators, FlowContext context) =>
        LowerBlock(mediators, context with { Exchange = new ExchangeState(context.Exchange.Current), OperationName = null });

    /// <summary>
    /// After a run-time <c>&lt;in&gt;</c> or <c>&lt;out&gt;</c> test whose branch ends the flow, only the other direction
    /// goes on: after an <c>&lt;in&gt;</c> that sends, the message is a response (so an <c>&lt;out&gt;</c> after it runs
    /// whenever it is reached).
    /// </summary>
    private static void FollowDirection(DirectionStep direction, FlowContext context)
    {
        var state = context.Exchange.Current;
        if (state.IsResponse != Known.Maybe)
        {
            return;
        }

        var requestEnds = Flow.Terminates(direction.Request);
        var responseEnds = Flow.Terminates(direction.Response);
        if (requestEnds != responseEnds)
        {
            context.Exchange.Set(state with { Response = requestEnds ? Known.Yes : Known.No, IsResponse = requestEnds ? Known.Yes : Known.No });
        }
    }

    /// <summary>Whether the flow goes on after the step with a backend's response: a call that awaits it, or a JMS request-reply.</summary>
    private static bool LeavesBackendResponse(StepIr step) =>
        step is CallStep { OutOnly: false } or CallAddressStep { OutOnly: false } or JmsSendStep { AwaitsReply: true };

    /// <summary>What a step tells of the message exchange for the steps after it (see <see cref="ExchangeState"/>).</summary>
    private void Follow(StepIr step, FlowContext context)
    {
        var state = context.Exchange.Current;
        switch (step)
        {
            case MarkResponseStep mark:
                context.Exchange.Set(state with { Response = mark.IsResponse ? Known.Yes : Known.No, IsResponse = mark.IsResponse ? Known.Yes : Known.No });
                break;
            case var call when LeavesBackendResponse(call):
                // The flow goes on with the backend's response (a new axis2 message context unless the call blocks);
                // a JMS request-reply's reply comes back through SynapseCallbackReceiver as a non-blocking call's does.
                context.Exchange.Set(step is CallStep { Blocking: true } or CallAddressStep { Blocking: true }
                    ? state with { Response = Known.Yes }
                    : state with { Response = Known.Yes, Transport = default, Redispatched = Known.Yes });
                break;
            case HttpConnectorCallStep:
                // The operation's template calls its endpoint without blocking: the flow goes on in the response's new
                // axis2 message context, so the transport switches set before it (DISABLE_CHUNKING, FORCE_HTTP_1.0)
                // no longer apply to the calls after it.
                context.Exchange.Set(state with { Transport = default });
                break;
            case InvokeStep invoke:
                if (state.OutOnly != Known.No && state.OutOnlyOrigin is { } origin && invoke.Origin is { } called && _model.FactsOf([called]).Sends)
                {
                    _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, origin.Location, "property", "OUT_ONLY", "a sequence called after it sends; its sends wait for the response in the generated code");
                }

                // The sequence may have changed the message into a response.
                context.Exchange.Set(state with
                {
                    Response = state.Response == Known.Yes ? Known.Yes : Known.Maybe,
                    IsResponse = state.IsResponse == Known.Yes ? Known.Yes : Known.Maybe,
                    Redispatched = state.Redispatched == Known.Yes ? Known.Yes : Known.Maybe,
                });
                break;
        }
    }

    /// <summary>
    /// A mediator lowered to TODOs only (no translated step beside them) fails the flow at run time where it stood,
    /// unless its kind has no run-time effect on the message (<see cref="MediatorRule.NoRunTimeEffect"/>): the flow
    /// must not go on, and answer as if it had succeeded, without the work the mediator does in the Micro Integrator.
    /// The first TODO is marked; a TODO beside a translated step only notes what that step does not do.
    /// </summary>
    private static IEnumerable<StepIr> FailingTodo(MediatorSyntax mediator, IEnumerable<StepIr> lowered)
    {
        var steps = lowered.ToList();
        var first = steps.FindIndex(s => s is TodoStep);
        if (first >= 0 && steps.All(s => s is TodoStep { SettingOnly: false } or CommentStep)
            && !(MediatorRules.TryGetValue(mediator.GetType(), out var rule) && rule.NoRunTimeEffect))
        {
            steps[first] = (TodoStep)steps[first] with { FailsAtRunTime = true };
        }

        return steps;
    }

    /// <summary>How one kind of mediator is lowered: a lowering, or the reason it stays a TODO (SB0201).</summary>
    /// <param name="Element">The element name(s) the node kind stands for, as Synapse writes them.</param>
    /// <param name="NoRunTimeEffect">
    /// The mediator neither changes the message or its properties nor calls or sends anything (it only writes to the
    /// server's log): left as a TODO it stays a comment, where any other mediator left as a TODO fails the flow.
    /// </param>
    internal sealed record MediatorRule(Type Syntax, string Element, Func<Lowerer, MediatorSyntax, FlowContext, IEnumerable<StepIr>>? Lower, string? NotTranslatedBecause, bool NoRunTimeEffect = false);

    private static MediatorRule Translated<T>(string element, Func<Lowerer, T, FlowContext, IEnumerable<StepIr>> lower, bool noRunTimeEffect = false)
        where T : MediatorSyntax => new(typeof(T), element, (lowerer, mediator, context) => lower(lowerer, (T)mediator, context), null, noRunTimeEffect);

    private static MediatorRule NotTranslated<T>(string element, string because)
        where T : MediatorSyntax => new(typeof(T), element, null, because);

    /// <summary>
    /// The one table of mediators: every mediator node kind of the AST has a row, keyed by its syntax type
    /// (a test checks that none is missing). A translated kind names its lowering, which lives in
    /// <c>Lowering/Mediators/</c>; the others say why they are not translated.
    /// </summary>
    internal static readonly IReadOnlyDictionary<Type, MediatorRule> MediatorRules = new[]
    {
        Translated<LogMediator>("log", (l, m, c) => [l.LowerLog(m, c)], noRunTimeEffect: true),
        Translated<PropertyMediator>("property", (l, m, c) => [l.LowerProperty(m, c)]),
        Translated<PropertyGroupMediator>("propertyGroup", (l, m, c) => m.Properties.Select(p => l.LowerProperty(p, c)).ToList()),
        Translated<VariableMediator>("variable", (l, m, c) => [l.LowerVariable(m, c)]),
        Translated<PayloadFactoryMediator>("payloadFactory", (l, m, c) => [l.LowerPayloadFactory(m, c)]),
        Translated<RespondMediator>("respond", (_, m, _) => [new RespondStep(m)]),
        Translated<DropMediator>("drop", (lowerer, m, context) => lowerer.LowerDrop(m, context)),
        Translated<LoopbackMediator>("loopback", (l, m, c) => l.LowerLoopback(m, c)),
        Translated<CallMediator>("call", (l, m, c) => l.LowerCall(m, c)),
        Translated<SendMediator>("send", (l, m, c) => l.LowerSend(m, c)),
        Translated<HeaderMediator>("header", (l, m, c) => [l.LowerHeader(m, c)]),
        Translated<FilterMediator>("filter", (l, m, c) => [l.LowerFilter(m, c)]),
        Translated<SwitchMediator>("switch", (l, m, c) => [l.LowerSwitch(m, c)]),
        Translated<SequenceReferenceMediator>("sequence (key)", (l, m, _) => l.LowerSequenceReference(m)),
        Translated<InlineSequenceMediator>("sequence (inline)", (l, m, c) =>
        {
            l.ReportAnalytics(m.Statistics, m.Trace, m.Location, "sequence", m.Name is { } name ? $"sequence '{name}'" : "anonymous sequence");
            return l.LowerInlineOnError("sequence", $"anonymous sequence in {c.Owner}", m.OnError, m.Mediators, m.Location, c);
        }),
        Translated<DirectionMediator>("in, out", (l, m, c) => l.LowerDirection(m, c)),
        Translated<EnrichMediator>("enrich", (l, m, c) => l.LowerEnrich(m, c)),
        Translated<CallTemplateMediator>("call-template", (l, m, c) => [l.LowerCallTemplate(m, c)]),
        Translated<ThrowErrorMediator>("throwError", (l, m, c) => l.LowerThrowError(m, c)),
        Translated<MakeFaultMediator>("makefault", (l, m, c) => l.LowerMakeFault(m, c)),
        Translated<StoreMediator>("store", (l, m, c) => l.LowerStore(m, c)),
        Translated<EnqueueMediator>("enqueue", (l, m, _) => [l.LowerEnqueue(m)]),
        Translated<EventPublisherMediator>("event", (l, m, _) => [l.LowerEventPublisher(m)]),
        Translated<ValidateMediator>("validate", (l, m, c) => l.LowerValidate(m, c)),
        Translated<CalloutMediator>("callout", (l, m, c) => l.LowerCallout(m, c)),
        Translated<XsltMediator>("xslt", (l, m, c) => l.LowerXslt(m, c)),
        Translated<FastXsltMediator>("fastXSLT", (l, m, c) => l.LowerFastXslt(m, c)),
        Translated<XQueryMediator>("xquery", (l, m, _) => [l.LowerXQuery(m)]),
        Translated<ScriptMediator>("script", (l, m, _) => [ScriptPause(m) is { } pause ? pause : l.LowerScript(m)]),
        Translated<RewriteMediator>("rewrite", (l, m, c) => [l.LowerRewrite(m, c)]),
        Translated<JsonTransformMediator>("jsontransform", (l, m, _) => l.LowerJsonTransform(m)),
        Translated<DataMapperMediator>("datamapper", (l, m, _) => [l.LowerDataMapper(m)]),
        Translated<SmooksMediator>("smooks", (l, m, _) => [l.LowerSmooks(m)]),
        Translated<BuilderMediator>("builder", (l, m, _) => [l.LowerBuilder(m)]),
        Translated<IterateMediator>("iterate", (l, m, c) => l.LowerSplit(m, null, c, out _)),
        Translated<CloneMediator>("clone", (l, m, c) => l.LowerSplit(m, null, c, out _)),
        Translated<AggregateMediator>("aggregate", (l, m, c) => l.LowerAggregate(m, c)),
        Translated<ForEachMediator>("foreach", (l, m, c) => l.LowerForEach(m, c)),
        Translated<ScatterGatherMediator>("scatter-gather", (l, m, c) => l.LowerScatterGather(m, c)),
        Translated<ConditionalRouterMediator>("conditionalRouter", (l, m, c) => l.LowerConditionalRouter(m, c)),
        Translated<RouterMediator>("router", (l, m, _) => [l.LowerRouter(m)]),
        Translated<SamplerMediator>("sampler", (l, m, _) => [l.LowerSampler(m)]),
        Translated<ThrottleMediator>("throttle", (l, m, c) => l.LowerThrottle(m, c)),
        Translated<CacheMediator>("cache", (l, m, c) => l.LowerCache(m, c)),
        Translated<DbReportMediator>("dbreport", (l, m, c) => l.LowerDbReport(m, c)),
        Translated<DbLookupMediator>("dblookup", (l, m, c) => l.LowerDbLookup(m, c)),
        Translated<DataServiceCallMediator>("dataServiceCall", (l, m, c) => [l.LowerDataServiceCall(m, c)]),
        Translated<TransactionMediator>("transaction", (l, m, c) => l.LowerTransaction(m, c)),
        Translated<ClassMediator>("class", (l, m, c) => l.LowerClass(m, c)),
        Translated<PojoCommandMediator>("pojoCommand, annotatedCommand", (l, m, _) => [l.LowerPojoCommand(m)]),
        Translated<SpringMediator>("spring", (l, m, _) => [l.LowerSpring(m)]),
        Translated<BeanMediator>("bean", (l, m, _) => [l.LowerBean(m)]),
        Translated<EjbMediator>("ejb", (l, m, _) => [l.LowerEjb(m)]),
        Translated<EntitlementMediator>("entitlementService", (l, m, _) => [l.LowerEntitlement(m)]),
        Translated<OAuthMediator>("oauthService", (l, m, _) => [l.LowerOAuth(m)]),
        Translated<KerberosMediator>("kerberosService", (l, m, _) => [l.LowerKerberos(m)]),
        Translated<NtlmMediator>("NTLM", (l, m, _) => [l.LowerNtlm(m)]),
        Translated<PublishEventMediator>("publishEvent", (l, m, _) => [l.LowerPublishEvent(m)]),
        Translated<EventMediator>("event (eventing)", (l, m, _) => [l.LowerEvent(m)]),
        Translated<BamMediator>("bam", (l, m, _) => [l.LowerBam(m)]),
        Translated<RuleMediator>("rule", (l, m, _) => [l.LowerRule(m)]),
        Translated<OpaMediator>("opa", (l, m, _) => [l.LowerOpa(m)]),
        Translated<ConnectorOperationMediator>("<connector>.<operation>", (l, m, c) => l.LowerConnectorOperation(m, c)),
        NotTranslated<UnknownMediator>("(any unknown element)", UnknownElement),
        // Not a mediator of any flow: a data service's resource or operation as the report counts it (Report/Coverage.cs).
        NotTranslated<DataServiceRequestUnit>(DataServiceRequestUnit.Resource, "a data service's resource or operation is lowered with its data service, never as a mediator of a flow"),
    }.ToDictionary(r => r.Syntax);

    private IEnumerable<StepIr> LowerMediator(MediatorSyntax mediator, FlowContext context)
    {
        if (!MediatorRules.TryGetValue(mediator.GetType(), out var rule))
        {
            throw new InvalidOperationException($"Unhandled mediator {mediator.GetType().Name}: add a row to {nameof(MediatorRules)}");
        }

        if (mediator is UnknownMediator { Name: "endpoint" })
        {
            // Not a mediator: an endpoint is used through the send or call that holds it.
            return [NotTranslated(mediator, "an <endpoint> is not a mediator, and Synapse rejects it where a mediator goes: MediatorFactoryFinder has no factory for it and throws \"Unknown mediator referenced by configuration element : endpoint\", so the Micro Integrator does not deploy the artifact; put the endpoint inside a <send> or <call>")];
        }

        return rule.Lower is { } lower ? lower(this, mediator, context) : [NotTranslated(mediator, rule.NotTranslatedBecause)];
    }

    /// <summary>Why an element no mediator rule knows stays a TODO (MediatorFactoryFinder.getMediator, checked in wso2-synapse).</summary>
    private const string UnknownElement = "the element is no mediator of Synapse or the Micro Integrator: Synapse's MediatorFactoryFinder has no factory for it either and rejects the configuration (\"Unknown mediator referenced by configuration element\") unless a mediator extension installed on the server defines it";

    private TodoStep NotTranslated(MediatorSyntax mediator, string? because = null)
    {
        var reason = because is null ? string.Empty : ": " + because;
        _diagnostics.Report(DiagnosticCatalog.MediatorNotTranslated, mediator.Location, mediator.ElementName, reason);
        var message = $"the <{mediator.ElementName}> mediator is not translated{reason}";
        return new TodoStep(mediator, new NotTranslatedIr(DiagnosticCatalog.MediatorNotTranslated, message), SecretNames.MaskXml(mediator.RawXml));
    }

    private TodoStep Todo(MediatorSyntax mediator, DiagnosticDescriptor descriptor, string message, params object?[] args)
    {
        _diagnostics.Report(descriptor, mediator.Location, args);
        // Credentials are masked already in the IR, not only in the emitted comment.
        return new TodoStep(mediator, new NotTranslatedIr(descriptor, message), SecretNames.MaskXml(mediator.RawXml));
    }

    /// <summary>
    /// Translates an expression, reporting it when it falls outside the supported subset; <paramref name="reading"/> says
    /// how the mediator reads an MI 4.4 <c>${...}</c> result (stringValueOf unless the mediator's source says otherwise).
    /// </summary>
    private ExprIr Expr(ExpressionSyntax expression, FlowContext context, ExpressionReading reading = ExpressionReading.StringValue)
    {
        var translator = TranslatorAt(context);
        var result = translator.Value(expression, reading);
        ReportUntranslated(result, expression, translator);
        if (ExpressionTranslator.ReadsDefaultSystemDate(result))
        {
            _diagnostics.Report(DiagnosticCatalog.SystemDateServerLocale, expression.Location, expression.Original);
        }

        ReportUnsetKeys(expression, result);
        if (!IrWalker.ContainsUntranslated(result))
        {
            ReportPrecedence(expression);
        }

        return result;
    }

    private readonly HashSet<(SourceLocation, string)> _unsetKeysReported = [];

    /// <summary>
    /// SB0601 for each default-scope key get-property reads that nothing in the project sets, that Synapse does not set
    /// itself and that no local entry of the project has: GetPropertyFunction then reads the server's local entry of that
    /// name, where the generated code reads "".
    /// </summary>
    private void ReportUnsetKeys(ExpressionSyntax expression, ExprIr result)
    {
        // An expression lowered again (a sequence inlined in two places) is reported once.
        if (expression.Language != ExpressionLanguage.XPath)
        {
            return;
        }

        var reads = IrWalker.Descendants(result).OfType<PropertyReadIr>()
            .Where(p => p is { Scope: PropertyScope.Default, Fallback: null, Required: false })
            .Select(p => p.Name)
            .ToHashSet(StringComparer.Ordinal);
        foreach (var key in ExpressionTranslator.DefaultScopeKeys(expression))
        {
            if (reads.Contains(key) && !SystemProperties.IsSystem(key) && !SystemProperties.SetBySynapse.Contains(key) && !_model.MaySetProperty(key) && _translator.Entry(key) is null
                && _unsetKeysReported.Add((expression.Location, key)))
            {
                _diagnostics.Report(DiagnosticCatalog.UnsetPropertyKey, expression.Location, expression.Original, key);
            }
        }
    }

    /// <summary>SynapseConstants.SYNAPSE_OPERATION_NAME: the operation of an API's __SynapseService and of a proxy without a WSDL.</summary>
    private const string SynapseOperationName = "mediate";

    /// <summary>
    /// The flow's translator at the current point: it knows the Axis2 operation (get-property('OperationName')) while
    /// the flow holds the request context its entry point dispatched (no non-blocking call before, on every path).
    /// </summary>
    private static ExpressionTranslator TranslatorAt(FlowContext context) =>
        context.Translator.WithOperationName(context.Kind == FlowKind.In && context.Exchange.Current.Redispatched == Known.No ? context.OperationName : null);

    private void ReportUntranslated(ExprIr result, ExpressionSyntax expression) => ReportUntranslated(result, expression, _translator);

    private void ReportUntranslated(ExpressionSyntax expression) => ReportUntranslated(expression, _translator);

    private void ReportUntranslated(ExprIr result, ExpressionSyntax expression, ExpressionTranslator translator)
    {
        if (IrWalker.ContainsUntranslated(result))
        {
            ReportUntranslated(expression, translator);
        }
    }

    /// <summary>
    /// SB0214 with the position when the expression does not parse, else SB0203. A <c>${...}</c> expression that breaks
    /// the grammar (not only one of the converter's own limits) is SB0269: the Micro Integrator refuses to deploy its
    /// artifact (SynapseExpression's constructor throws a JaxenException, which the mediator factories turn into a
    /// SynapseException).
    /// </summary>
    private void ReportUntranslated(ExpressionSyntax expression, ExpressionTranslator translator)
    {
        if (ExpressionTranslator.JsonEvalNotWhole(expression) is { } notWhole)
        {
            _diagnostics.Report(DiagnosticCatalog.JsonEvalNotWholeExpression, expression.Location, expression.Original, notWhole);
            return;
        }

        if (ExpressionTranslator.SyntaxError(expression) is { } error)
        {
            if (expression.Language == ExpressionLanguage.Synapse && !error.Limit)
            {
                _diagnostics.Report(DiagnosticCatalog.SynapseExpressionRefused, expression.Location, expression.Original, error.Position, error.Message);
                ReportPrecedence(expression);
                return;
            }

            _diagnostics.Report(DiagnosticCatalog.ExpressionSyntaxError, expression.Location, expression.Original, error.Position, error.Message);
        }
        else if (UntranslatedPart.SynapseFailure(expression, translator) is { } failure)
        {
            _diagnostics.Report(DiagnosticCatalog.ExpressionFailsInSynapse, expression.Location, expression.Original, failure);
        }
        else
        {
            _diagnostics.Report(DiagnosticCatalog.ExpressionNotTranslated, expression.Location, expression.Original, translator.UntranslatedPart(expression));
        }

        ReportPrecedence(expression);
    }

    /// <summary>SB0233 when an MI 4.4 comparison takes an and/or expression written without parentheses as an operand.</summary>
    private void ReportPrecedence(ExpressionSyntax expression)
    {
        if (SynapsePrecedence.Surprise(expression) is { } operand)
        {
            _diagnostics.Report(DiagnosticCatalog.ExpressionPrecedence, expression.Location, expression.Original, operand);
        }
    }

    /// <summary>True when a literal is JSON text as it is (its conversion cannot fail).</summary>
    private static bool IsStrictJsonText(string text)
    {
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(text);
            return true;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    /// <summary>
    /// A value of the type a property or variable declares (Synapse's <c>type</c>: STRING, INTEGER, BOOLEAN,
    /// DOUBLE, OM, JSON, ...): a literal is converted now, anything else by an explicit conversion at run time.
    /// </summary>
    /// <param name="propertyIntegers">
    /// A property's INTEGER or SHORT type on an expression reads a value with a "." as a double and casts it
    /// (PropertyMediator.parseInteger), so "2.0", what an XPath count gives, is 2; its JSON type never fails
    /// (PropertyMediator.buildJSONElement).
    /// </param>
    private static ExprIr Typed(ExprIr value, string? type, bool inlineXml, bool propertyIntegers = false)
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
                case ValueKind.Integer when JavaIntegerLiteral(literal.Value, type) is { } integer:
                    return new NumberLiteralIr(integer.ToString(CultureInfo.InvariantCulture), ValueKind.Integer);
                case ValueKind.Boolean:
                    // PropertyMediator converts with Axis2's JavaUtils.isTrueExplicitly: "true" or "yes" in any case, or "1".
                    return new BooleanLiteralIr(text == "1" || string.Equals(text, "true", StringComparison.OrdinalIgnoreCase) || string.Equals(text, "yes", StringComparison.OrdinalIgnoreCase));
                case ValueKind.Float when Comparisons.IsDecimalNumeral(text):
                    return new NumberLiteralIr(text, ValueKind.Float);
            }
        }

        if (propertyIntegers && kind == ValueKind.Integer && type?.ToUpperInvariant() is "INTEGER" or "SHORT" && value is not StringLiteralIr)
        {
            return new BuiltinCallIr(Builtin.PropertyInteger, [value], ValueKind.Integer);
        }

        if (propertyIntegers && kind == ValueKind.Json && !(value is StringLiteralIr json && IsStrictJsonText(json.Value)))
        {
            // PropertyMediator.buildJSONElement: lenient, never a failure (a text that is no JSON is a string or null).
            return new BuiltinCallIr(Builtin.PropertyJson, [value], ValueKind.Json);
        }

        if (kind == ValueKind.Boolean)
        {
            // PropertyMediator.convertValue (and the variable mediator's Utils.convertValue): JavaUtils.isTrueExplicitly.
            return new BuiltinCallIr(Builtin.PropertyBoolean, [value], ValueKind.Boolean);
        }

        return new ConvertIr(value, kind);
    }

    /// <summary>
    /// The value of a literal of an integer type as Java parses it (Integer.parseInt, Short.parseShort, Long.parseLong: an
    /// optional sign and digits, no spaces, within the type's range); null when Java refuses it.
    /// </summary>
    private static long? JavaIntegerLiteral(string text, string? type)
    {
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return null;
        }

        return type?.ToUpperInvariant() switch
        {
            "INTEGER" when value is < int.MinValue or > int.MaxValue => null,
            "SHORT" when value is < short.MinValue or > short.MaxValue => null,
            _ => value,
        };
    }

    /// <summary>
    /// The Java parser that refuses a property's literal value of a numeric type (PropertyMediator.convertValue, called by
    /// PropertyMediatorFactory through setValue when the configuration is read): null when it parses, or for other types.
    /// </summary>
    private static string? RefusingJavaParser(string text, string? type) => type?.ToUpperInvariant() switch
    {
        "INTEGER" => JavaIntegerLiteral(text, type) is null ? "Integer.parseInt" : null,
        "SHORT" => JavaIntegerLiteral(text, type) is null ? "Short.parseShort" : null,
        "LONG" => JavaIntegerLiteral(text, type) is null ? "Long.parseLong" : null,
        "DOUBLE" => JavaDecimal().IsMatch(text.Trim()) ? null : "Double.parseDouble",
        "FLOAT" => JavaDecimal().IsMatch(text.Trim()) ? null : "Float.parseFloat",
        _ => null,
    };

    /// <summary>What Double.parseDouble takes after trimming (FloatingDecimal.readJavaFormatString): a signed decimal or hexadecimal number, NaN or Infinity, with an optional type suffix.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^[+-]?(NaN|Infinity|((\d+\.?\d*|\.\d+)([eE][+-]?\d+)?|0[xX]([0-9a-fA-F]+\.?[0-9a-fA-F]*|\.[0-9a-fA-F]+)[pP][+-]?\d+)[fFdD]?)$")]
    private static partial System.Text.RegularExpressions.Regex JavaDecimal();

    private ExprIr Value(ValueSyntax? value, FlowContext context, ExpressionReading reading = ExpressionReading.StringValue) => value switch
    {
        ValueSyntax.Literal literal => new StringLiteralIr(literal.Text),
        ValueSyntax.Expression expression => Expr(expression.Syntax, context, reading),
        ValueSyntax.InlineXml xml => new StringLiteralIr(xml.Xml),
        null => new StringLiteralIr(string.Empty),
        _ => throw new InvalidOperationException(),
    };
}
