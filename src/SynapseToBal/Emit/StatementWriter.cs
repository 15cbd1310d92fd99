using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using SynapseToBal.IR;
using SynapseToBal.Refine;
using SynapseToBal.Syntax;

namespace SynapseToBal.Emit;

/// <summary>Renders IR steps as Ballerina statements (one writer per generated function body).</summary>
internal sealed partial class StatementWriter
{
    private readonly CodeWriter _out;
    private readonly ExpressionWriter _expr;
    private readonly ModuleUsage _modules;
    private readonly Dictionary<string, int> _locals = new(StringComparer.Ordinal);

    /// <summary>The body returns an answer: false for a sequence that cannot stop, where a drop is <c>return;</c>.</summary>
    public bool Answers { get; init; } = true;

    /// <summary>
    /// The fault handling a failed copy runs when the flow goes on without its copies (a clone or iterate with
    /// continueParent and no aggregate, a recipient list) or stops at a split without aggregate (what it answers is the
    /// copy's answer there): the flow's own fault function (<c>()</c> for an empty fault
    /// flow), as each copy carries the fault stack of the flow where it was split (MessageHelper.cloneMessageContext)
    /// and Synapse pops it on the copy (Target.mediateMessage, MediatorWorker.run). Null where the flow's fault
    /// handling is its caller's (a sequence without onError, a branch): a failed copy then fails the flow.
    /// </summary>
    public string? CopyFaultHandler { get; init; }

    public StatementWriter(CodeWriter output, ExpressionWriter expressions, ModuleUsage modules, IEnumerable<string>? reservedLocals = null)
    {
        _out = output;
        _expr = expressions;
        _modules = modules;
        foreach (var local in (reservedLocals ?? []).Concat(expressions.Locals.Names))
        {
            _locals[local] = 1;
        }
    }

    /// <summary>
    /// A non-blocking call whose response (or failure) gives the message's throttle slot back: SynapseCallbackReceiver
    /// increments the concurrency controller before it looks at SENDING_FAULT, and AbstractEndpoint.informFailure does
    /// too, so the slot is free again whether the call succeeded or failed (`throttleReleased` runs before `check`). An
    /// OUT_ONLY send frees it once sent (Axis2FlexibleMEPClient.send).
    /// </summary>
    private static string ThrottleReleasedAfter(bool releases, string call) =>
        releases ? $"throttleReleased(ctx, {call})" : call;

    /// <summary>The context map a property of <paramref name="scope"/> lives in.</summary>
    private static string PropertyMap(PropertyScope scope) => scope switch
    {
        PropertyScope.Default => "properties",
        PropertyScope.Axis2 => "axis2",
        PropertyScope.Operation => "operation",
        _ => throw new InvalidOperationException($"Unknown property scope {scope}"),
    };

    /// <summary>Writes one step on its own (names unknown): for tests of the writer's coverage.</summary>
    internal static IReadOnlyList<string> Write(StepIr step)
    {
        var output = new CodeWriter();
        new StatementWriter(output, new ExpressionWriter(new ModuleUsage(), NameMap.Empty), new ModuleUsage()).Step(step);
        return output.Output;
    }

    /// <summary>Declares the body's property locals that start as a missing property reads (""), before its first statement.</summary>
    public StatementWriter DeclareLocals()
    {
        foreach (var local in _expr.Locals.Hoisted)
        {
            _out.Line($"{local.TypeName} {local.Name} = \"\";");
        }

        return this;
    }

    public void Block(ImmutableArray<StepIr> steps)
    {
        (string Local, string Value)? previous = null;
        var sharedBodyUntil = -1;
        var validatedUntil = -1;
        for (var i = 0; i < steps.Length; i++)
        {
            if (i > validatedUntil && _expr.Validated is not null && validatedUntil >= 0)
            {
                _expr.Validated = null;
            }

            _previousSet = previous;
            _justSet = null;

            // REST_URL_POSTFIX removed (or set to "") just before: a call right after appends nothing (restPostfix of an
            // empty postfix is ""), so it is written with no postfix rather than asking for it.
            _emptyPostfix = i > 0 && steps[i - 1] is SetFieldStep { Field: ContextField.UrlPostfix, Value: StringLiteralIr { Value: "" } };
            if (i > sharedBodyUntil && !_expr.HasSharedRead)
            {
                var lastBody = SharedBodyReads(steps, i, SharedRead.SoapBody);
                var lastEnvelope = SharedBodyReads(steps, i, SharedRead.Envelope);
                if (lastBody is not null || lastEnvelope is not null)
                {
                    // A run of property sets navigating the SOAP body: the body is read once, where the first set read it.
                    // Paths Synapse evaluates from the envelope's document (//a, which also searches the header) share one
                    // read of the message's envelope the same way, beside the body's when both are read more than once.
                    if (lastBody is { } last && SharedBodyName("body") is { } body)
                    {
                        _out.Line($"xml {body} = check soapBody(ctx);");
                        _expr.BodyLocal = body;
                        sharedBodyUntil = last;
                    }

                    if (lastEnvelope is { } lastInEnvelope && SharedBodyName("envelope") is { } envelope)
                    {
                        _out.Line($"xml {envelope} = check soapEnvelope(ctx);");
                        _expr.EnvelopeLocal = envelope;
                        sharedBodyUntil = Math.Max(sharedBodyUntil, lastInEnvelope);
                    }
                }
                else if (SharedBodyReads(steps, i, SharedRead.Json) is { } lastJson && SharedBodyName("body") is { } json)
                {
                    // The same for JSON paths: the payload is read as JSON once, where the first path read it.
                    _out.Line($"json {json} = check jsonPayload(ctx);");
                    _expr.JsonLocal = json;
                    sharedBodyUntil = lastJson;
                }
            }

            try
            {
                _validatedLocal = null;
                BlockStep(steps, ref i, ref previous);
                if (_validatedLocal is { } validated)
                {
                    // The steps right after the validate read the payload through the record's local.
                    _expr.Validated = validated;
                    validatedUntil = i + validated.Payload.Reads;
                    _validatedLocal = null;
                }
            }
            finally
            {
                if (i >= sharedBodyUntil)
                {
                    _expr.BodyLocal = null;
                    _expr.EnvelopeLocal = null;
                    _expr.JsonLocal = null;
                }
            }
        }

        if (validatedUntil >= 0)
        {
            _expr.Validated = null;
        }
    }

    /// <summary>
    /// The index of the last step of a run of property sets and logs, starting with <paramref name="start"/>, that
    /// navigate the SOAP body (issue 14: <c>ctx.properties["id"] = xpathString((check soapBody(ctx))/**/&lt;id&gt;);</c>,
    /// then <c>name</c>, then <c>company</c>; or one log of two values of the body), when they may share one read of
    /// it; null otherwise. The same value, read once: every step of the run is a property set or a log whose values only
    /// read (<see cref="SharedReads"/>), so nothing between the reads changes the payload (a log writes nothing); and
    /// after the first read has parsed the message, the runtime's <c>soapBody</c> returns the same Body element of an
    /// envelope, and for any other message an element built around the parsed payload, which a second read cannot fail
    /// to build. Each value is a string, number or boolean (never the nodes: a JSON or plain-text payload gets a new Body
    /// element at each <c>soapBody</c>, so properties holding nodes of one shared element would share nodes that are
    /// separate in the Micro Integrator). The first step reads the body before anything else that can fail or read what
    /// parsing changes (the To address) (<see cref="ReadFirst"/>), so the local, read just before it, fails, when it
    /// fails, where its read failed. The run reads the body at least twice, and it starts with a step that reads it.
    /// </summary>
    private int? SharedBodyReads(ImmutableArray<StepIr> steps, int start, SharedRead kind)
    {
        var first = SharedReads(steps[start]);
        var ends = first is null && (first = ArgumentReads(steps[start])) is not null;
        if (first is null || first.Select(v => ReadFirst(v, kind)).FirstOrDefault(r => r is not null) != true)
        {
            return null;
        }

        // A JSON payloadFactory's unquoted slot of a JSON path pastes the JSON value found (jsonPath), which keeps its own read.
        int Reads(IEnumerable<ExprIr> values) => values.Sum(v => IrWalker.Descendants(v).Count(e => IsShared(e, kind) && !_jsonSlots.Contains(e)));
        var reads = Reads(first);
        var last = start;
        for (var i = start + 1; !ends && i < steps.Length; i++)
        {
            // A step whose arguments are read before it runs (a call-template, a connector operation, a payloadFactory)
            // ends the run: what it runs may change the payload.
            var values = SharedReads(steps[i]);
            ends = values is null && (values = ArgumentReads(steps[i])) is not null;
            if (values is null)
            {
                break;
            }

            if (Reads(values) is var n && n > 0)
            {
                reads += n;
                last = i;
            }
            else if (values.Count == 0 && steps[i] is SetPropertyStep { Value: var unread } && Reads([unread]) > 0)
            {
                // A property nothing reads whose value reads the same message (kept as `_ = check jsonEvalIn(body, ...)`
                // when it can fail): inside the run it reads the shared local, nothing having written the payload since
                // the run's first read; it still counts as no read, so it never makes a run on its own.
                last = i;
            }
        }

        return reads >= 2 ? last : null;
    }

    /// <summary>
    /// The values a call-template, a connector operation or a payloadFactory evaluates before it runs, in the order its
    /// statement evaluates them (Ballerina evaluates arguments left to right, a template's slots in the template's
    /// order, which is the order of its parts), or null when the step is none of these or one of its values does more
    /// than read: every value only reads (<see cref="IsSharedBodyRead"/>'s parts), and one that navigates the body is a
    /// string, number or boolean, never the body's nodes. Such a step may end a run sharing one body read, never be
    /// inside one: what it runs (the template, the connector's helper, the new payload) may change the payload.
    /// The HTTP and file connectors' writers evaluate their values in another order than the IR lists them: not shared.
    /// </summary>
    private IReadOnlyList<ExprIr>? ArgumentReads(StepIr step)
    {
        IReadOnlyList<ExprIr> values;
        switch (step)
        {
            case InvokeStep or SetPayloadStep or EmailSendStep or KafkaPublishStep or FileConnectorV1Step or LdapConnectorStep
                or AmazonSqsStep or AmazonS3Step or SalesforceRestStep or GmailStep or RedisStep:
                values = IrWalker.Expressions(step).ToList();
                break;
            default:
                return null;
        }

        _jsonSlots.UnionWith(JsonSlots(step));
        return values.All(v => IrWalker.Descendants(v).All(IsReadOnlyPart) && (!IrWalker.Descendants(v).Any(e => IsBodyNavigation(e) || IsEnvelopeNavigation(e)) || IsSharedBodyRead(v)))
            ? values
            : null;
    }

    /// <summary>
    /// The values a step of a run sharing one body read evaluates, in the order its statement evaluates them, or null
    /// when it cannot be part of such a run: a property set (<see cref="IsSharedBodyRead"/>), or a structured log whose
    /// message is text and whose logged values all only read (its other arguments, the message id, the direction,
    /// the headers' text and the payload after the values, read and fail on nothing a body read precedes).
    /// </summary>
    private IReadOnlyList<ExprIr>? SharedReads(StepIr step)
    {
        switch (step)
        {
            case SetPropertyStep { Scope: PropertyScope.Default } set when _expr.Locals[set.Name] is { Unread: true } && IsSharedBodyRead(set.Value):
                // A property nothing reads (PropertyLocal.Unread) reads nothing from a shared read: inside a run it
                // writes nothing (the run's first read has already parsed the body, so its read could not fail); it
                // neither starts a run nor counts as one of its reads, so no shared local is left that nothing reads.
                return [];
            case SetPropertyStep set when IsSharedBodyRead(set.Value):
                return [set.Value];
            case LogStep { Fields: { } fields } log when !_expr.SynapseLogLines
                && (LogMessages.For(log, fields).Text is not null || fields.Message.All(p => p is LogPart.Text)):
                var values = fields.Properties.Where(p => p.Value is not null).Select(p => p.Value!).ToList();
                return values.All(IsSharedBodyRead) ? values : null;
            default:
                return null;
        }
    }

    /// <summary>The read of the message a run shares: the SOAP body, the message's SOAP envelope, or the payload as JSON.</summary>
    private enum SharedRead
    {
        SoapBody,
        Envelope,
        Json,
    }

    /// <summary>The validated payload the JSON validate just written bound, and its local (for <see cref="Block"/>).</summary>
    private (ValidatedPayload Payload, string Local)? _validatedLocal;

    /// <summary>The JSON paths of unquoted slots of JSON payloadFactory templates looked at (by identity): written <c>check jsonPath(ctx, ...)</c>, never from a shared read.</summary>
    private readonly HashSet<ExprIr> _jsonSlots = new(ReferenceEqualityComparer.Instance);

    /// <summary>The values of the unquoted slots of a JSON payloadFactory's template tree.</summary>
    private static IEnumerable<ExprIr> JsonSlots(StepIr step)
    {
        static IEnumerable<ExprIr> Of(JsonNodeIr node) => node switch
        {
            JsonNodeIr.Object o => o.Members.SelectMany(m => Of(m.Value)),
            JsonNodeIr.Array a => a.Items.SelectMany(Of),
            JsonNodeIr.Slot slot => [slot.Value],
            _ => [],
        };

        return step is SetPayloadStep { Json: { } tree } ? Of(tree) : [];
    }

    /// <summary>
    /// A read a run shares: a navigation from the SOAP body, one from the message's envelope, or a JSON path over the
    /// payload that the shared JSON read serves.
    /// </summary>
    private bool IsShared(ExprIr e, SharedRead kind) => kind switch
    {
        SharedRead.SoapBody => IsBodyNavigation(e),
        SharedRead.Envelope => IsEnvelopeNavigation(e),
        // A path read through a validated payload's record reads no shared local.
        _ => e is JsonEvalIr j && ExpressionWriter.ReadsParsedJson(j) && !(_expr.Validated is { } validated && ReferenceEquals(_expr.PayloadTypes.Read(j)?.Payload, validated.Payload)),
    };

    /// <summary>
    /// A read that may come first in a run sharing <paramref name="kind"/>: for the body and the envelope, a navigation
    /// from either (both parse the message and fail only there; once parsed, neither fails), so a run sharing the
    /// envelope may start with a read of the body and the other way round.
    /// </summary>
    private bool IsFirstRead(ExprIr e, SharedRead kind) =>
        kind == SharedRead.Json ? IsShared(e, kind) : IsBodyNavigation(e) || IsEnvelopeNavigation(e);

    /// <summary>A navigation from the message's own SOAP envelope (<c>(check soapEnvelope(ctx))</c>: <c>//a</c>, relative paths, <c>//text()</c>).</summary>
    private static bool IsEnvelopeNavigation(ExprIr e) => e is XmlNavigationIr
    {
        RootProperty: null, RootVariable: null, FromHeader: not true, FromEnvelope: true, EnvelopeNamespace: null,
    };

    /// <summary>A navigation from the SOAP body (<c>(check soapBody(ctx))</c>).</summary>
    private static bool IsBodyNavigation(ExprIr e) => e is XmlNavigationIr
    {
        RootProperty: null, RootVariable: null, FromHeader: not true, FromEnvelope: not true, EnvelopeNamespace: null,
    };

    /// <summary>
    /// In the order Ballerina evaluates the value (operands left to right, then the operation): true when a read of
    /// the SOAP body comes before anything that can fail or reads the message or the To address (a JSON path, a
    /// system value, another root, a conversion or builtin call), null when no body read comes, false otherwise.
    /// </summary>
    private bool? ReadFirst(ExprIr value, SharedRead kind)
    {
        if (IsFirstRead(value, kind))
        {
            return true;
        }

        if (value is not (ConcatIr or CountIr or ConvertIr or BuiltinCallIr or XmlAttributeReadIr))
        {
            // A read that cannot fail and writes nothing, or anything else: evaluated before any body read.
            return value is StringLiteralIr or NumberLiteralIr or BooleanLiteralIr or PropertyReadIr { Fallback: null, Required: false }
                or VariableReadIr { Required: false } or ParameterReadIr or HeaderReadIr { Required: false } or ConfigurableReadIr ? null : false;
        }

        foreach (var operand in value switch
        {
            ConcatIr c => c.Parts.AsEnumerable(),
            CountIr c => [c.Operand],
            ConvertIr c => [c.Operand],
            BuiltinCallIr b => b.Arguments,
            XmlAttributeReadIr a => [a.Elements],
            _ => [],
        })
        {
            if (ReadFirst(operand, kind) is { } first)
            {
                return first;
            }
        }

        // The operation itself runs after its operands, none of which read the body: a concatenation cannot fail.
        return value is ConcatIr ? null : false;
    }

    /// <summary>A value of a property set in a run sharing one body read: it only reads, and it is no XML or JSON value.</summary>
    private static bool IsSharedBodyRead(ExprIr value) =>
        value.Kind is ValueKind.String or ValueKind.Integer or ValueKind.Float or ValueKind.Boolean
        && IrWalker.Descendants(value).All(IsReadOnlyPart);

    /// <summary>An expression part that only reads (no clock, generated id, runtime call that writes or untranslated part).</summary>
    private static bool IsReadOnlyPart(ExprIr e) => e is StringLiteralIr or NumberLiteralIr or BooleanLiteralIr or LocalEntryReadIr or PropertyReadIr
        or VariableReadIr or ParameterReadIr or HeaderReadIr or JsonEvalIr or XmlNavigationIr or XmlRelativeIr or XmlAttributeReadIr or ConcatIr
        or CountIr or ConfigurableReadIr or ConvertIr or BuiltinCallIr or ArithmeticIr or ContextFieldIr
        or SystemValueIr { Value: SystemValue.Action or SystemValue.MessageFormat or SystemValue.To or SystemValue.MessageId or SystemValue.ReplyTo or SystemValue.FaultTo or SystemValue.OperationName or SystemValue.ServerIp or SystemValue.ServerHost };

    /// <summary>
    /// The name of the local a shared read goes to: <paramref name="stem"/> (<c>body</c>, <c>envelope</c>), numbered when
    /// the body has one already, never a module name.
    /// </summary>
    private string? SharedBodyName(string stem)
    {
        for (var n = 1; n < 10; n++)
        {
            var name = n == 1 ? stem : stem + n.ToString(CultureInfo.InvariantCulture);
            if (!_locals.ContainsKey(name) && !PropertyLocalAnalysis.WriterLocals.Contains(name) && !BallerinaRefiner.ReservedLocals.Contains(name)
                && !_expr.HidesModuleName(name))
            {
                _locals[name] = 1;
                return name;
            }
        }

        return null;
    }

    /// <summary>Writes the step at <paramref name="i"/> (and the test after a log that shares its read, advancing <paramref name="i"/>).</summary>
    private void BlockStep(ImmutableArray<StepIr> steps, ref int i, ref (string Local, string Value)? previous)
    {
        var step = steps[i];
        if (i + 1 < steps.Length && step is SetPropertyStep { Scope: PropertyScope.Default } unread && _expr.Locals[unread.Name] is { Unread: true, Kind: ValueKind.String }
            && steps[i + 1] is SwitchStep { Cases.Length: > 0 } next && OnlyReads(unread.Value)
            && WithoutBodyLocal(() => _expr.Typed(unread.Value)) == WithoutBodyLocal(() => _expr.String(next.Source)))
        {
            // A property nothing reads, set from what the switch right after it tests (<property name="symbol"
            // expression="//symbol"/><switch source="//symbol">): the switch evaluates the same value, which only
            // reads, with nothing in between, so it fails where the set would and the set writes nothing.
            previous = null;
            return;
        }

        // Not while a shared body read is in scope (a log in such a run): the test's branches, written with the log,
        // may change the payload the local holds.
        if (i + 1 < steps.Length && step is LogStep { Fields: { } fields } log && !_expr.SynapseLogLines && !_expr.HasSharedRead
            && RepeatedRead(log, fields, steps[i + 1]) is { } read)
        {
            // The log and the test after it read the same value: read once, into a local both use.
            _out.Line($"string {read.Local} = {read.Text};");
            _expr.Substitute = (read.Expr, read.Local);
            try
            {
                Step(step);
                _expr.Substitute = null;
                _testRead = (read.Expr, read.Local);
                Step(steps[++i]);
            }
            finally
            {
                _expr.Substitute = null;
                _testRead = null;
            }

            previous = null;
            return;
        }

        if (i + 1 < steps.Length && step is LogStep { Fields: { } logFields } first && !_expr.SynapseLogLines && _expr.Substitute is null
            && !_expr.HasSharedRead && RepeatedPropertyRead(first, logFields, steps[i + 1]) is { } property)
        {
            // The log and the statement after it read the same property, and nothing between the reads can set it:
            // read once, into a local both use (a string? when the log prints "null" for it unset).
            _out.Line($"{(property.Nullable ? "string?" : "string")} {property.Local} = {property.Text};");
            _expr.Substitute = (property.Expr, property.Local);
            _expr.SubstituteNullable = property.Nullable;
            try
            {
                Step(step);
                Step(steps[++i]);
            }
            finally
            {
                _expr.Substitute = null;
                _expr.SubstituteNullable = false;
            }

            previous = null;
            return;
        }

        Step(step);
        previous = step is SetPropertyStep ? _justSet : null;
    }

    /// <summary>
    /// The property a structured log and the statement after it both read (issue 14: <c>getProperty(ctx,
    /// "ERROR_MESSAGE")</c> in the log of a fault sequence, then in its payloadFactory or makefault), to be read once
    /// into a local named after the property (<c>string errorMessage = getProperty(ctx, "ERROR_MESSAGE");</c>). The same
    /// value, provably: the read is a plain <c>getProperty</c> (a map read that cannot fail and writes nothing); a log
    /// writes nothing; the next statement is a log, a property or header set, a payloadFactory or a makefault, with no
    /// nested block, and every value it evaluates only reads (no call of a function, runtime helper or script that may set a property), so the
    /// property is read before the statement changes anything. Declared before the log, the local cannot fail, so the
    /// log fails, when it fails, where it failed before. None when the log or the statement does not write the read with
    /// the local, or the name is not a plain identifier free in the body and at module level.
    /// </summary>
    private (ExprIr Expr, string Local, string Text, bool Nullable)? RepeatedPropertyRead(LogStep log, LogFieldsIr fields, StepIr next)
    {
        if (next is not (LogStep { Fields: not null } or SetPropertyStep or SetHeaderStep or SetPayloadStep or MakeFaultStep) || IrWalker.Branches(next).Any()
            || IrWalker.Expressions(next).Any(e => !IrWalker.Descendants(e).All(IsPureRead)))
        {
            return null;
        }

        var reads = fields.Properties.Where(p => p.Value is not null).SelectMany(p => IrWalker.Descendants(p.Value!)).OfType<PropertyReadIr>()
            .Where(r => r is { Required: false, Fallback: null }).Distinct().ToList();
        foreach (var read in reads)
        {
            var text = _expr.String(read);
            var name = PropertyLocalName(read.Name);
            if (!text.StartsWith("getProperty(ctx, ", StringComparison.Ordinal) || name is null
                || !IrWalker.Expressions(next).Any(e => IrWalker.Descendants(e).Contains(read))
                || _locals.ContainsKey(name) || PropertyLocalAnalysis.WriterLocals.Contains(name) || BallerinaRefiner.ReservedLocals.Contains(name)
                || _expr.HidesModuleName(name) || _expr.Locals.Names.Contains(name))
            {
                continue;
            }

            // A log property that prints "null" for the property unset (PropertyOrNull): the local keeps that apart.
            var nullable = fields.Properties.Where(p => p.Value is not null).SelectMany(p => IrWalker.Descendants(p.Value!))
                .Any(e => e is BuiltinCallIr { Function: Builtin.PropertyOrNull, Arguments: [var argument] } && argument.Equals(read));
            var plainLog = LogArguments(log, fields);
            var plainNext = IrWalker.Expressions(next).Where(e => IrWalker.Descendants(e).Contains(read)).Select(_expr.String).ToList();
            _expr.Substitute = (read, name);
            _expr.SubstituteNullable = nullable;
            try
            {
                if (LogArguments(log, fields) == plainLog
                    || IrWalker.Expressions(next).Where(e => IrWalker.Descendants(e).Contains(read)).Select(_expr.String).SequenceEqual(plainNext))
                {
                    continue;
                }
            }
            finally
            {
                _expr.Substitute = null;
                _expr.SubstituteNullable = false;
            }

            _locals[name] = 1;
            return (read, name, nullable ? $"optionalPropertyText(ctx.properties[{BallerinaSyntax.StringLiteral(read.Name)}])" : text, nullable);
        }

        return null;
    }

    /// <summary>The local a property read once is kept in: its name's words in lower camel case (<c>ERROR_MESSAGE</c>: <c>errorMessage</c>), or null when that is no plain identifier.</summary>
    internal static string? PropertyLocalName(string property)
    {
        var words = property.Split(['_', '-', '.', ' '], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0 || words.Any(w => !w.All(char.IsAsciiLetterOrDigit)))
        {
            return null;
        }

        static string Word(string w) => w.All(c => !char.IsAsciiLetterLower(c)) ? w.ToLowerInvariant() : char.ToLowerInvariant(w[0]) + w[1..];
        var name = Word(words[0]) + string.Concat(words.Skip(1).Select(w => Word(w) is var lower && lower.Length > 0 ? char.ToUpperInvariant(lower[0]) + lower[1..] : lower));
        return PlainIdentifier().IsMatch(name) && !name.StartsWith('\'') && BallerinaSyntax.Identifier(name) == name ? name : null;
    }

    /// <summary>
    /// The read a log and the test that follows it share (issue 14: <c>log:printInfo("Order received", action = check
    /// addressingAction(ctx));</c> then <c>if check addressingAction(ctx) == "urn:ping"</c>), to be read once into a
    /// local named after the log's key. Provably the same value: the read only reads (the context's fields, headers,
    /// properties, payload paths: no clock, generated id or runtime call that writes), nothing runs between the two
    /// evaluations (a log writes nothing, and the test is the next statement), and no other argument of the log can fail,
    /// so reading the value just before the log fails, when it fails, where the log's own read failed, before anything
    /// was printed. Only the test itself reads the local (<see cref="_testRead"/>), never the branches, which may change
    /// what it read. None when the name is not a plain identifier free in the body and at module level.
    /// </summary>
    private (ExprIr Expr, string Local, string Text)? RepeatedRead(LogStep log, LogFieldsIr fields, StepIr next)
    {
        if (next is not (IfStep or SwitchStep))
        {
            return null;
        }

        foreach (var field in fields.Properties)
        {
            if (field.Value is not { Kind: ValueKind.String } value || !IrWalker.Descendants(value).All(IsPureRead))
            {
                continue;
            }

            var text = _expr.String(value);
            var name = field.Name;
            if (!text.StartsWith("check ", StringComparison.Ordinal) || !PlainIdentifier().IsMatch(name) || BallerinaSyntax.Identifier(name) != name
                || _locals.ContainsKey(name) || PropertyLocalAnalysis.WriterLocals.Contains(name) || BallerinaRefiner.ReservedLocals.Contains(name)
                || _expr.HidesModuleName(name))
            {
                continue;
            }

            var plainLog = LogArguments(log, fields);
            var plainTest = TestText(next);
            _expr.Substitute = (value, name);
            try
            {
                var sharedLog = LogArguments(log, fields);
                if (sharedLog == plainLog || TestText(next) == plainTest || !FailureScan.IsInert(sharedLog))
                {
                    continue;
                }
            }
            finally
            {
                _expr.Substitute = null;
            }

            _locals[name] = 1;
            return (value, name, text);
        }

        return null;
    }

    /// <summary>The expression an if or switch tests, as written.</summary>
    private string TestText(StepIr step) => step switch
    {
        IfStep branch => _expr.Condition(branch.Condition),
        SwitchStep choice => _expr.String(choice.Source),
        _ => string.Empty,
    };

    /// <summary>An expression part that only reads the message or the context (<see cref="RepeatedRead"/>).</summary>
    private static bool IsPureRead(ExprIr e) => PureReads.IsPureRead(e);

    /// <summary>The read the test being written takes from the local <see cref="RepeatedRead"/> declared before the log.</summary>
    private (ExprIr Expr, string Local)? _testRead;

    /// <summary>An if's condition or a switch's source, reading <see cref="_testRead"/> from its local; the branches do not.</summary>
    private string Tested(Func<string> write)
    {
        if (_testRead is not { } read)
        {
            return write();
        }

        var saved = _expr.Substitute;
        _expr.Substitute = read;
        try
        {
            return write();
        }
        finally
        {
            _expr.Substitute = saved;
            _testRead = null;
        }
    }

    /// <summary>The string property local the step just written assigned, and the text of the value (read by the next step of the same block).</summary>
    private (string Local, string Value)? _justSet;

    /// <summary>A Ballerina identifier alone (a local, a parameter, a configurable): reading it has no effect and cannot fail.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^'?[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial System.Text.RegularExpressions.Regex PlainIdentifier();

    /// <summary><see cref="_justSet"/> of the step before the one being written, when that step was in the same block.</summary>
    private (string Local, string Value)? _previousSet;

    /// <summary>The step being written comes right after one that emptied the URL postfix (<c>ctx.urlPostfix = "";</c>).</summary>
    private bool _emptyPostfix;

    /// <summary>
    /// The string local the step before this one in the same block has just set to exactly <paramref name="text"/>,
    /// when <paramref name="value"/> only reads (no clock, no generated id, no call of the runtime beyond reading
    /// the message, no untranslated part): nothing ran in between, so evaluating the text again gives the value the
    /// local holds (issue 14: a property of the XPath a switch then tests, as Synapse projects often write).
    /// </summary>
    private string? SameAsPreviousSet(ExprIr value, string text) =>
        _previousSet is { } set && set.Value == text && OnlyReads(value) ? set.Local : null;

    /// <summary>Whether <paramref name="value"/> only reads (no clock, no generated id, no call of the runtime beyond reading the message, no untranslated part).</summary>
    private static bool OnlyReads(ExprIr value) =>
        IrWalker.Descendants(value).All(e => e is StringLiteralIr or NumberLiteralIr or BooleanLiteralIr
            or LocalEntryReadIr or PropertyReadIr or VariableReadIr or ParameterReadIr or HeaderReadIr or JsonEvalIr or XmlNavigationIr
            or XmlRelativeIr or XmlAttributeReadIr or ConcatIr or CountIr or ConfigurableReadIr);

    /// <summary>
    /// The value of a property nothing reads (<see cref="PropertyLocal.Unread"/>): nothing when it cannot fail, as a
    /// filter with nothing in it; otherwise evaluated for its failure alone, as the property mediator fails the flow
    /// when its expression does.
    /// </summary>
    private void Unread(string value)
    {
        if (!FailureScan.IsInert(value))
        {
            _out.Line($"_ = {value};");
        }
    }

    /// <summary>
    /// An OM literal (<c>type="OM"</c> with a <c>value</c>): PropertyMediatorFactory parses it when the artifact is
    /// deployed (PropertyMediator.setValue), so its evaluation cannot fail at run time, though the generated
    /// <c>check xml:fromString(...)</c> reads as if it could.
    /// </summary>
    private static bool DeployTimeLiteral(ExprIr value) => value is ConvertIr { Operand: StringLiteralIr, To: ValueKind.Xml };

    /// <summary>
    /// Whether <paramref name="steps"/> write no code: each is a set or remove of a property nothing reads
    /// (<see cref="PropertyLocal.Unread"/>) whose value cannot fail, or a filter or switch of such steps whose test or
    /// source cannot.
    /// </summary>
    private bool Silent(ImmutableArray<StepIr> steps) => steps.All(step => step switch
    {
        SetPropertyStep { Scope: PropertyScope.Default } set when _expr.Locals[set.Name] is { Unread: true } => DeployTimeLiteral(set.Value) || FailureScan.IsInert(_expr.Typed(set.Value)),
        StorePropertyStep store when _expr.Locals[store.Name] is { Unread: true } => FailureScan.IsInert(_expr.Value(store.Value, copy: false)),
        RemovePropertyStep { Scope: PropertyScope.Default } remove when _expr.Locals[remove.Name] is { Unread: true } => true,
        IfStep branch => Silent(branch.Then) && Silent(branch.Else) && FailureScan.IsInert(_expr.Condition(branch.Condition)),
        // Its regexes compile when the artifact is deployed (SwitchMediatorFactory), so only its source could fail.
        SwitchStep choice => choice.Cases.All(c => Silent(c.Steps)) && Silent(choice.Default) && FailureScan.IsInert(_expr.String(choice.Source)),
        _ => false,
    });

    /// <summary>
    /// The arguments of the runtime's JSON foreach calls (<c>forEachJson</c>, <c>forEachJsonVariable</c>): the leading
    /// ones, then ForEachMediatorV2's settings as named arguments (a target or counter variable only when set).
    /// </summary>
    private static string ForEachJsonArguments(IEnumerable<string> leading, bool parallel, bool aggregate, string? targetVariable, string? counterVariable)
    {
        var arguments = new List<string>(leading)
        {
            $"parallel = {(parallel ? "true" : "false")}",
            $"aggregate = {(aggregate ? "true" : "false")}",
        };
        if (targetVariable is { } variable)
        {
            arguments.Add($"variable = {BallerinaSyntax.StringLiteral(variable)}");
        }

        if (counterVariable is { } counter)
        {
            arguments.Add($"counter = {BallerinaSyntax.StringLiteral(counter)}");
        }

        return string.Join(", ", arguments);
    }

    /// <summary>Text written as it is without a shared body local (what the next step compares with its own text).</summary>
    private string WithoutBodyLocal(Func<string> write)
    {
        var (saved, savedEnvelope, savedJson) = (_expr.BodyLocal, _expr.EnvelopeLocal, _expr.JsonLocal);
        (_expr.BodyLocal, _expr.EnvelopeLocal, _expr.JsonLocal) = (null, null, null);
        try
        {
            return write();
        }
        finally
        {
            (_expr.BodyLocal, _expr.EnvelopeLocal, _expr.JsonLocal) = (saved, savedEnvelope, savedJson);
        }
    }

    private string Local(string name)
    {
        if (_locals.TryGetValue(name, out var count))
        {
            _locals[name] = count + 1;
            return name + (count + 1).ToString(CultureInfo.InvariantCulture);
        }

        _locals[name] = 1;
        return name;
    }

    private void Step(StepIr step)
    {
        switch (step)
        {
            case LogStep { Fields: { } fields } log when !_expr.SynapseLogLines:
                _modules.Use("log");
                _out.Line($"log:{LogFunctionName(log.Function)}({LogArguments(log, fields)});");
                break;
            case LogStep log:
                _modules.Use("log");
                _out.Line($"log:{LogFunctionName(log.Function)}({LogMessage(log)});");
                break;
            case DefaultFaultLogStep:
                // The full log of the Micro Integrator's default fault sequence; its drop follows (an AcceptStep).
                _out.Line("check defaultFaultLog(ctx);");
                break;
            case SetPropertyStep { Scope: PropertyScope.Default } set when _expr.Locals[set.Name] is { Alias: true }:
                // The property only holds this parameter's value: its reads are the parameter.
                break;
            case SetPropertyStep { Scope: PropertyScope.Default } set when _expr.Locals[set.Name] is { Unread: true }:
                if (!DeployTimeLiteral(set.Value))
                {
                    Unread(_expr.Typed(set.Value));
                }

                break;
            case SetPropertyStep { Scope: PropertyScope.Default } set when _expr.Locals[set.Name] is { } local:
                var localValue = _expr.Typed(set.Value);
                if (_expr.Locals.Declares(set))
                {
                    _out.Line($"{local.TypeName} {local.Name} = {localValue};");
                }
                else if (localValue != local.Name)
                {
                    // A local set from itself (<property name="p" expression="get-property('p')"/> of a typed local,
                    // which holds what the property would: the value of its type) writes what it holds: not written.
                    _out.Line($"{local.Name} = {localValue};");
                }

                _justSet = local.Kind == ValueKind.String ? (local.Name, WithoutBodyLocal(() => _expr.Typed(set.Value))) : null;
                break;
            case SetPropertyStep { Scope: PropertyScope.Default } set when _expr.Field(set.Name) is { } field:
                // A typed field of the Properties record: the value has the field's type (PropertyLocalAnalysis.RecordOf).
                // A field set from itself (its value read as it is) writes what it holds: not written.
                if (_expr.Typed(set.Value) is var fieldValue && fieldValue != $"ctx.properties.{field.Field}")
                {
                    _out.Line($"ctx.properties.{field.Field} = {fieldValue};");
                }

                break;
            case SetPropertyStep set:
                _out.Line($"ctx.{PropertyMap(set.Scope)}[{BallerinaSyntax.StringLiteral(set.Name)}] = {_expr.Typed(set.Value)};");
                break;
            case StorePropertyStep store when _expr.Locals[store.Name] is { Unread: true }:
                // Nothing keeps the value: no copy of it either.
                Unread(_expr.Value(store.Value, copy: false));
                break;
            case StorePropertyStep store when _expr.Locals[store.Name] is { } local:
                _out.Line(_expr.Locals.Declares(store)
                    ? $"{local.TypeName} {local.Name} = {_expr.Value(store.Value, store.Copy)};"
                    : $"{local.Name} = {_expr.Value(store.Value, store.Copy)};");
                break;
            case StorePropertyStep store:
                _out.Line($"ctx.properties[{BallerinaSyntax.StringLiteral(store.Name)}] = {_expr.Value(store.Value, store.Copy)};");
                break;
            case ReplacePayloadStep { MayBePrimitive: true } replace:
                _out.Line($"check setPayloadPrimitive(ctx, {_expr.Value(replace.Value, replace.Copy)}{(replace.Value is ValueIr.Json ? ", parse = false" : string.Empty)});");
                break;
            case ReplacePayloadStep { FirstElement: true } replace:
                _out.Line($"check setBodyFirstElement(ctx, {_expr.Value(replace.Value, replace.Copy)});");
                break;
            case ReplacePayloadStep replace:
                _out.Line($"check setPayloadValue(ctx, {_expr.Value(replace.Value, replace.Copy)});");
                break;
            case EnrichStep enrich:
                _out.Line(Enrich(enrich));
                break;
            case EnrichPropertyStep inserted:
                _out.Line(EnrichProperty(inserted));
                break;
            case EnrichRemoveStep remove:
                _out.Line($"check enrichRemove(ctx, [{string.Join(", ", remove.Paths.Select(BallerinaSyntax.StringLiteral))}]{(remove.Property is { } removed ? $", property = {BallerinaSyntax.StringLiteral(removed)}" : string.Empty)});");
                break;
            case EnrichRenameKeyStep rename:
                _out.Line($"check enrichRenameKey(ctx, {BallerinaSyntax.StringLiteral(rename.Path)}, {BallerinaSyntax.StringLiteral(rename.Key)}, {_expr.Value(rename.Source, false)});");
                break;
            case RewriteStep rewrite:
                _out.Line(Rewrite(rewrite));
                break;
            case SetVariableStep set:
                _out.Line($"ctx.variables[{BallerinaSyntax.StringLiteral(set.Name)}] = {_expr.Typed(set.Value)};");
                break;
            case RemoveVariableStep remove:
                _out.Line($"_ = ctx.variables.removeIfHasKey({BallerinaSyntax.StringLiteral(remove.Name)});");
                break;
            case ComputedPropertyStep { Value: { } value } computed:
                _out.Line($"ctx.{PropertyMap(computed.Scope)}[{_expr.String(computed.Name)}] = {_expr.Typed(value)};");
                break;
            case ComputedPropertyStep computed:
                _out.Line($"_ = ctx.{PropertyMap(computed.Scope)}.removeIfHasKey({_expr.String(computed.Name)});");
                break;
            case RemovePropertyStep { Scope: PropertyScope.Default } remove when _expr.Locals[remove.Name] is { Unread: true }:
                // A flag nothing reads (PropertyLocalAnalysis.UnreadFlags): removing it changes nothing.
                break;
            case RemovePropertyStep remove:
                _out.Line($"_ = ctx.{PropertyMap(remove.Scope)}.removeIfHasKey({BallerinaSyntax.StringLiteral(remove.Name)});");
                break;
            case SetHeaderStep header:
                _out.Line($"ctx.headers[{BallerinaSyntax.StringLiteral(header.Name.ToLowerInvariant())}] = {_expr.String(header.Value)};");
                break;
            case RemoveHeaderStep header:
                _out.Line($"_ = ctx.headers.removeIfHasKey({BallerinaSyntax.StringLiteral(header.Name.ToLowerInvariant())});");
                break;
            case ClearHeadersStep:
                _out.Line("ctx.headers = {};");
                break;
            case SetFieldStep field:
                SetField(field);
                break;
            case ClearPayloadStep:
                _out.Line("ctx.payload = ();");
                break;
            case PauseStep pause:
                _modules.Use("runtime");
                _out.Line($"runtime:sleep({(pause.Milliseconds / 1000m).ToString(System.Globalization.CultureInfo.InvariantCulture)});");
                break;
            case MarkResponseStep mark:
                _out.Line(mark.IsResponse ? "ctx.isResponse = true;" : "ctx.isResponse = false;");
                break;
            case CallAddressStep address:
                var callAddress = address switch
                {
                    { Blocking: true, SoapFault: true } => "callAddress(ctx, blocking = true, soapFault = true, headers = passThroughHeaders)",
                    { Blocking: true } => "callAddress(ctx, blocking = true, headers = passThroughHeaders)",
                    { OutOnly: true, BuildsMessage: true } => "callAddress(ctx, outOnly = true, build = true, headers = passThroughHeaders)",
                    { OutOnly: true } => "callAddress(ctx, outOnly = true, headers = passThroughHeaders)",
                    { BuildsMessage: true } => "callAddress(ctx, build = true, headers = passThroughHeaders)",
                    _ => "callAddress(ctx, headers = passThroughHeaders)",
                };
                _out.Line($"check {ThrottleReleasedAfter(address.ReleasesThrottle, callAddress)};");

                break;
            case SetPayloadStep payload:
                SetPayload(payload);
                break;
            case CallStep { Client.Group.State: { } group } call:
            {
                // A failover or loadbalance group: its EndpointGroup picks each attempt's member from their states and
                // updates them with the results, as FailoverEndpoint / LoadbalanceEndpoint do. A blocking call and a
                // callout too: they send through endpoint.send with the blocking sender on the message, so the group
                // sends to its members with BlockingMsgSender (Synapse 2.1.7-wso2v6x on, every Micro Integrator).
                var args = new List<string> { "ctx", _expr.Names[group] };
                AddPathArguments(call, args);
                var arguments = FinishCallArguments(call, blocking: call.Blocking, args);
                var callGroup = call.Blocking
                    ? $"callGroup({arguments}, blocking = true, headers = passThroughHeaders)"
                    : $"callGroup({arguments}{(call.SoapFault && !call.OutOnly ? ", soapFault = true" : string.Empty)}, headers = passThroughHeaders)";
                _out.Line($"check {ThrottleReleasedAfter(call.ReleasesThrottle, callGroup)};");

                break;
            }

            case CallStep { Blocking: true, TracksSuspension: true, Client.Suspension: { } blockingSuspension } call:
            {
                // AddressEndpoint.send refuses a suspended endpoint before the blocking sender runs; BlockingMsgSender.send
                // hands a failure to the endpoint's onFault and a response to its onSuccess: the helper does both with `state`.
                var state = _expr.Names[blockingSuspension.Name];
                _out.Line($"check {(call.OutOnly ? "callBlockingOutOnly" : "callBlocking")}({CallArguments(call, blocking: true)}, state = {state});");
                break;
            }

            case CallStep { Blocking: true } call:
                _out.Line($"check {(call.OutOnly ? "callBlockingOutOnly" : "callBlocking")}({CallArguments(call, blocking: true)});");
                break;
            case XsltStep xslt:
                Xslt(xslt);
                break;
            case XsltByKeyStep byKey:
                XsltByKey(byKey);
                break;
            case DataMapperStep mapper:
                DataMapper(mapper);
                break;
            case JsonTransformStep transform:
                _out.Line($"check jsonTransform(ctx, {(transform.StringPattern is { } pattern ? BallerinaSyntax.StringLiteral(pattern) : transform.Primitives ? "true" : "false")});");
                break;
            case DbStep db:
                Database(db);
                break;
            case TransactionStep transaction:
                if (transaction.Commit)
                {
                    _out.Open("transaction {");
                    Block(transaction.Body);
                    _out.Line("check commit;");
                    _out.Close();
                }
                else
                {
                    // Ballerina requires a commit in every transaction block (BCE2309 invalid.commit.count): the
                    // rollback the flow asks for is one arm of a branch whose other arm commits; the flag is a
                    // variable so that the commit arm is not reported as unreachable.
                    var flag = Local("rollbackOnly");
                    _out.Line($"boolean {flag} = true;");
                    _out.Open("transaction {");
                    Block(transaction.Body);
                    _out.Open($"if {flag} {{");
                    _out.Line("rollback;");
                    _out.Continue("} else {");
                    _out.Line("check commit;");
                    _out.Close();
                    _out.Close();
                }
                break;
            case DataServiceQueryStep dataService:
                DataServiceQuery(dataService);
                break;
            case DataServiceDispatchStep dispatch:
                DataServiceDispatch(dispatch);
                break;
            case DataServiceCallStep call:
                DataServiceCallOperation(call);
                break;
            case HttpConnectorCallStep http when PathAfterRequest(http):
            {
                // RestURLBuilder.connect sets the headers and the body before it evaluates the relative path
                // (handleInputHeaders, handlePayload, then processAndResolveUrl): the path reads the new message.
                var request = Local("connectorRequest");
                var parts = new List<string> { "ctx" };
                parts.AddRange(HttpConnectorRequestArguments(http));
                _out.Line("// The connector sets the headers and body first, then evaluates the relative path on that message.");
                _out.Line($"HttpConnectorRequest {request} = check httpConnectorRequest({string.Join(", ", parts)});");
                _out.Line($"check callHttpConnector({HttpConnectorArguments(http, request)});");
                break;
            }

            case HttpConnectorCallStep http:
                _out.Line($"check callHttpConnector({HttpConnectorArguments(http)});");
                break;
            case EmailSendStep send:
                _out.Line($"check sendEmailConnector({EmailSendArguments(send)});");
                break;
            case DbConnectorStep db:
                _out.Line($"check dbConnectorOperation({DbConnectorArguments(db)});");
                break;
            case KafkaPublishStep publish:
                _out.Line($"check publishKafkaMessage({KafkaPublishArguments(publish)});");
                break;
            case FileConnectorStep fileStep:
                _out.Line($"check {FileConnectorFunction(fileStep.Operation)}({FileConnectorArguments(fileStep)});");
                break;
            case FileConnectorV1Step legacy:
                _out.Line($"check {FileConnectorV1Function(legacy.Operation)}({FileConnectorV1Arguments(legacy)});");
                break;
            case LdapConnectorStep ldap:
                _out.Line($"check {LdapFunction(ldap.Operation)}({LdapArguments(ldap)});");
                break;
            case AmazonSqsStep sqs:
                _out.Line($"check {AmazonSqsFunction(sqs.Operation)}({AwsArguments(sqs.Arguments)});");
                break;
            case AmazonS3Step s3:
                _out.Line($"check {AmazonS3Function(s3.Operation)}({AwsArguments(s3.Arguments)});");
                break;
            case SalesforceRestStep salesforce:
                _out.Line($"check {SalesforceFunction(salesforce.Operation)}({SalesforceArguments(salesforce)});");
                break;
            case GmailStep gmail:
                _out.Line($"check {GmailFunction(gmail.Operation)}({GmailArguments(gmail)});");
                break;
            case RedisStep redis:
                _out.Line($"check {RedisFunction(redis.Operation)}({RedisArguments(redis)});");
                break;
            case MakeFaultStep fault:
                _out.Line($"check makeFault({MakeFaultArguments(fault)});");
                break;
            case CallStep { TracksSuspension: true, Client.Suspension: { } suspension } call:
            {
                // The endpoint's EndpointState around the call, in the helper (`state`): AddressEndpoint.send refuses it
                // while the endpoint is suspended, onFault / onSuccess (SynapseCallbackReceiver) update it with the result;
                // `soapFault` checks the response for a SOAP fault before the state takes it.
                var state = _expr.Names[suspension.Name];
                var function = call.Client.Addressing is null ? "callEndpoint" : "callEndpointAddressed";
                _out.Line($"check {ThrottleReleasedAfter(call.ReleasesThrottle, $"{function}({CallArguments(call)}, state = {state}{(call.SoapFault && !call.OutOnly ? ", soapFault = true" : string.Empty)})")};");

                break;
            }

            case CallStep call:
                _out.Line($"check {ThrottleReleasedAfter(call.ReleasesThrottle, $"{(call.Client.Addressing is null ? "callEndpoint" : "callEndpointAddressed")}({CallArguments(call)})")};");

                break;
            case SoapFaultCheckStep:
                _out.Line("check failOnSoapFault(ctx);");
                break;
            case RespondStep respond:
                // Checked as every call that returns: inside a do/on fail a failure to write the response goes to the
                // fault handler (Axis2Sender.sendBack's handleException runs the fault sequence); elsewhere the check
                // is dropped again (WithoutReturnChecks), as it changes nothing there.
                // The response headers the Micro Integrator passes back implicitly are named at the call (passBackHeaders).
                if (respond.ReleasesThrottle)
                {
                    // Axis2Sender.sendBack gives the message's concurrency slot back with any answer to the client
                    // (handleConcurrentThrottleCount; once only, THROTTLE_SLOT_HELD).
                    _out.Line("throttleRelease(ctx);");
                }

                if (respond.ThroughResource)
                {
                    // A response that came back through the API resource: its correlation header and CORS headers first.
                    _out.Line("throughApiResource(ctx);");
                }

                // RespondMediator's answer (`respond`) writes the CORS headers an API resource recorded; Axis2Sender.sendBack's
                // alone (`sendBackToClient`) does not.
                _out.Line(respond.SendBack ? "return check sendBackToClient(ctx, headers = passBackHeaders);" : "return check respond(ctx, headers = passBackHeaders);");
                break;
            case ThroughResourceStep:
                _out.Line("throughApiResource(ctx);");
                break;
            case FailStep fail:
                _out.Line($"fail error({_expr.String(fail.Message)});");
                break;
            case AcceptStep when !Answers:
                // A drop in a sequence whose answer no caller uses (PackageEmitter.WithoutUnusedAnswers) only ends it.
                _out.Line("return;");
                break;
            case AcceptStep { AfterBackendFailure: true } unanswered:
                // The Micro Integrator writes nothing after a backend's failure (SB0260): 502 here, 202 for any other.
                // In the fault flow a failing copy of a split runs, the copy answers nothing (Refine/CopyDrops.cs).
                _modules.Use("http");
                if (unanswered.MarksDropped)
                {
                    _out.Line("ctx.dropped = true;");
                }

                _out.Line("return unansweredFault(ctx, e);");
                break;
            case AcceptStep { MarksDropped: true }:
                // A drop that may end a copy of a split: the copy answers nothing (Refine/CopyDrops.cs).
                _out.Line("return dropped(ctx);");
                break;
            case AcceptStep:
                _out.Line("return accepted();");
                break;
            case ContinueWithStep next:
                if (next is { MarksResponse: true, Function: not null })
                {
                    // A send's response is a response (SynapseCallbackReceiver.handleMessage); a call's keeps the
                    // direction it had (CONTINUATION_CALL), so the call helpers leave ctx.isResponse as it was.
                    _out.Line("ctx.isResponse = true;");
                }

                if (next is { ThroughResource: true, Function: not null })
                {
                    // The response goes through the API resource, which puts its correlation header and the CORS headers
                    // on it before the out flow (continueWithResponse does it itself).
                    _out.Line("throughApiResource(ctx);");
                }

                // An in or out flow that cannot fail is returned unchecked (PackageEmitter.InfallibleFunctions).
                _out.Line(next.Function is null ? "return check continueWithResponse(ctx);"
                    : _expr.Infallible.Contains(next.Function) ? $"return {_expr.Names[next.Function]}(ctx);"
                    : $"return check {_expr.Names[next.Function]}(ctx);");
                break;
            case InvokeStep { Answers: true } invoke:
                // The sequence answers on every path (Refine/AnsweringFlows.cs): its answer is the flow's.
                _out.Line($"return {Checked(invoke)}{_expr.Names[invoke.Function]}({Arguments(invoke)});");
                break;
            case InvokeStep invoke when invoke.CanStop:
            {
                _modules.Use("http");
                var reply = Local("reply");
                _out.Line($"http:Response? {reply} = {Checked(invoke)}{_expr.Names[invoke.Function]}({Arguments(invoke)});");
                _out.Open($"if {reply} is http:Response {{");
                _out.Line($"return {reply};");
                _out.Close();
                break;
            }

            case InvokeStep invoke:
                _out.Line($"{Checked(invoke)}{_expr.Names[invoke.Function]}({Arguments(invoke)});");
                break;
            case IfStep branch when Silent(branch.Then) && Silent(branch.Else):
                // A filter that writes nothing in either branch (nothing there, or only sets of properties nothing
                // reads, PropertyLocal.Unread): no empty if; its test still runs when it can fail, as the filter
                // mediator's evaluation fails the flow.
                if (Tested(() => _expr.Condition(branch.Condition)) is var test && !FailureScan.IsInert(test))
                {
                    _out.Line($"_ = {test};");
                }

                break;
            case IfStep branch when Silent(branch.Then):
                _out.Open($"if !({Tested(() => _expr.Condition(branch.Condition))}) {{");
                Block(branch.Else);
                _out.Close();
                break;
            case IfStep branch:
                IfElse(Tested(() => _expr.Condition(branch.Condition)), branch.Then, Silent(branch.Else) ? [] : branch.Else);
                break;
            case SwitchStep choice:
                Switch(choice);
                break;
            case DirectionStep direction:
                Direction(direction);
                break;
            case StoreMessageStep store:
                if (store.Sequence is { } onStore)
                {
                    _out.Line(onStore.CanAnswer ? $"_ = check {_expr.Names[onStore.Function]}(ctx);" : $"check {_expr.Names[onStore.Function]}(ctx);");
                }

                _out.Line($"{(store.External is not null ? "check " : string.Empty)}{_expr.Names[store.Store]}.store(ctx{(store.Failover is { } failover ? $", failover = {_expr.Names[failover]}" : string.Empty)});");
                break;
            case JmsSendStep jms:
                JmsSend(jms);
                break;
            case LocalCallStep local:
                _out.Line($"check callLocal(ctx, {BallerinaSyntax.StringLiteral(local.Address)}, {_expr.Names[local.Flow]});");
                break;
            case VfsSendStep vfs:
                VfsSend(vfs);
                break;
            case MailSendStep mail:
                MailSend(mail);
                break;
            case CacheLookupStep cache:
                _out.Open($"if check cacheLookup({CacheArguments(cache.Settings)}) {{");
                Block(cache.OnHit);
                _out.Close();
                break;
            case CacheStoreStep:
                _out.Line("check cacheStore(ctx);");
                break;
            case ThrottleStep throttle:
                Throttle(throttle);
                break;
            case ValidateStep validate:
                // Synapse runs on-fail and goes on after the mediator: an if without else.
                _out.Open($"if check validationFails(ctx, {(validate.Source is { } source ? _expr.Navigation(source) : "()")}, {(validate.SourceText is { } text ? BallerinaSyntax.StringLiteral(text) : "()")}, {_expr.Names[validate.Schema.Path]}) {{");
                Block(validate.OnFail);
                _out.Close();
                break;
            case JsonSchemaTransformStep transform:
                _out.Line($"check jsonSchemaTransform(ctx, {_expr.Names[transform.Schema.Path]});");
                break;
            case JsonValidateStep validate:
                // Synapse runs on-fail and goes on after the mediator: an if without else.
                _out.Open($"if check jsonValidationFails(ctx, {(validate.Source is { } path ? BallerinaSyntax.StringLiteral(path.Path) : "()")}, {(validate.JsonSource ? "true" : "false")}, {_expr.Names[validate.Schema.Path]}) {{");
                Block(validate.OnFail);
                _out.Close();
                if (_expr.PayloadTypes[validate] is { } validated && SharedBodyName(validated.Local) is { } validatedLocal)
                {
                    // Past the on-fail (which ends the flow) the payload is JSON the schema accepts: the record types
                    // only what every such payload has, so the conversion cannot fail (ValidatedPayloadAnalysis).
                    _out.Line($"{validated.Record.Name} {validatedLocal} = check (check jsonPayload(ctx)).cloneWithType();");
                    _validatedLocal = (validated, validatedLocal);
                }

                break;
            case ThrottleReleaseStep:
                _out.Line("throttleRelease(ctx);");
                break;
            case AddSoapHeaderStep soapHeader:
                _out.Line($"check addSoapHeader(ctx, soapHeaderBlock({BallerinaSyntax.StringLiteral(soapHeader.NamespaceUri)}, {BallerinaSyntax.StringLiteral(soapHeader.Prefix)}, {BallerinaSyntax.StringLiteral(soapHeader.LocalName)}, {_expr.String(soapHeader.Value)}));");
                break;
            case AddSoapHeaderXmlStep soapHeader:
                _out.Line($"check addSoapHeader(ctx, check xml:fromString({BallerinaSyntax.StringLiteral(soapHeader.Xml)}));");
                break;
            case RemoveSoapHeaderStep soapHeader:
                _out.Line($"check removeSoapHeader(ctx, {BallerinaSyntax.StringLiteral(soapHeader.NamespaceUri)}, {BallerinaSyntax.StringLiteral(soapHeader.LocalName)});");
                break;
            case TodoStep todo:
                _out.Line($"// TODO({todo.Reason.Descriptor.Id}): {BallerinaSyntax.CommentText(todo.Reason.Message)}");
                _out.Lines(BallerinaSyntax.CommentLines(Syntax.SecretNames.MaskXml(OriginalXml(todo.Origin, todo.RawXml))));
                if (todo is { FailsAtRunTime: true, Origin: { } mediator })
                {
                    _out.Line($"check notTranslatedMediator({BallerinaSyntax.StringLiteral(mediator.ElementName)}, {BallerinaSyntax.StringLiteral(todo.Reason.Descriptor.Id)});");
                }

                break;
            case DeadCodeStep dead:
                _out.Line($"// Not translated, {BallerinaSyntax.CommentText(dead.Reason)}:");
                _out.Lines(BallerinaSyntax.CommentLines(Syntax.SecretNames.MaskXml(OriginalXml(dead.Origin, dead.Origin!.RawXml))));
                break;
            case CommentStep comment:
                _out.Note(BallerinaSyntax.CommentText(comment.Text));
                break;
            case ForkStep fork:
                Fork(fork);
                break;
            case ForEachStep loop:
                ForEach(loop);
                break;
            default:
                throw new InvalidOperationException($"Unhandled step {step.GetType().Name}");
        }
    }

    /// <summary>The throttle's decision: onAccept when throttleAdmit admits the message, onReject otherwise.</summary>
    private void Throttle(ThrottleStep throttle)
    {
        var admit = $"check throttleAdmit(ctx, {BallerinaSyntax.StringLiteral(throttle.Throttle)}, {ThrottlePolicy(throttle.Policy)})";
        if (throttle.OnAccept.Length == 0 && throttle.OnReject.Length == 0)
        {
            _out.Line($"_ = {admit};");
            return;
        }

        if (throttle.OnAccept.Length == 0)
        {
            _out.Open($"if !({admit}) {{");
            Block(throttle.OnReject);
            _out.Close();
            return;
        }

        IfElse(admit, throttle.OnAccept, throttle.OnReject);
    }

    /// <summary><c>if condition { then } else { else }</c>, without the else block when it has no steps.</summary>
    private void IfElse(string condition, ImmutableArray<StepIr> then, ImmutableArray<StepIr> otherwise)
    {
        _out.Open($"if {condition} {{");
        Block(then);
        if (otherwise.Length > 0)
        {
            _out.Continue("} else {");
            Block(otherwise);
        }

        _out.Close();
    }

    /// <summary>A ThrottlePolicy value: the fields that differ from the record's defaults.</summary>
    private static string ThrottlePolicy(ThrottlePolicyIr policy)
    {
        var fields = new List<string>();
        if (policy.MaxConcurrent > 0)
        {
            fields.Add($"maxConcurrent: {policy.MaxConcurrent.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        }

        if (policy.IpCallers.Length > 0)
        {
            fields.Add($"ipCallers: [{string.Join(", ", policy.IpCallers.Select(ThrottleCaller))}]");
        }

        if (policy.DomainCallers.Length > 0)
        {
            fields.Add($"domainCallers: [{string.Join(", ", policy.DomainCallers.Select(ThrottleCaller))}]");
        }

        return $"{{{string.Join(", ", fields)}}}";
    }

    private static string ThrottleCaller(ThrottleCallerIr caller)
    {
        var fields = new List<string> { $"id: {BallerinaSyntax.StringLiteral(caller.Id)}" };
        if (caller.RangeEnd is { } end)
        {
            fields.Add($"rangeEnd: {BallerinaSyntax.StringLiteral(end)}");
        }

        fields.Add(caller.Access switch
        {
            ThrottleAccess.Allow => "access: \"allow\"",
            ThrottleAccess.Deny => "access: \"deny\"",
            _ => "access: \"control\"",
        });
        if (caller.Access == ThrottleAccess.Control)
        {
            var invariant = System.Globalization.CultureInfo.InvariantCulture;
            fields.Add($"maxCount: {caller.MaxCount.ToString(invariant)}");
            fields.Add($"unitTime: {caller.UnitTime.ToString(invariant)}");
            if (caller.ProhibitTime > 0)
            {
                fields.Add($"prohibitTime: {caller.ProhibitTime.ToString(invariant)}");
            }
        }

        return $"{{{string.Join(", ", fields)}}}";
    }

    /// <summary>The arguments of cacheLookup: the cache's name and timeout, then the settings that differ from the defaults.</summary>
    private static string CacheArguments(CacheSettingsIr settings)
    {
        static string List(ImmutableArray<string> items) => "[" + string.Join(", ", items.Select(BallerinaSyntax.StringLiteral)) + "]";

        var arguments = new List<string>
        {
            "ctx",
            BallerinaSyntax.StringLiteral(settings.Cache),
            settings.TimeoutSeconds.ToString(CultureInfo.InvariantCulture),
        };
        if (!settings.RequestLine)
        {
            arguments.Add("payloadOnly = true");
        }

        if (settings.MaxSize is { } maxSize)
        {
            arguments.Add($"maxSize = {maxSize.ToString(CultureInfo.InvariantCulture)}");
        }

        if (settings.MaxMessageSize is { } maxMessageSize)
        {
            arguments.Add($"maxMessageSize = {maxMessageSize.ToString(CultureInfo.InvariantCulture)}");
        }

        if (settings.Methods.Length > 0)
        {
            arguments.Add($"methods = {List(settings.Methods)}");
        }

        if (settings.IncludedHeaders.Length > 0)
        {
            arguments.Add($"includedHeaders = {List(settings.IncludedHeaders)}");
        }

        if (settings.ExcludedHeaders.Length > 0)
        {
            arguments.Add($"excludedHeaders = {List(settings.ExcludedHeaders)}");
        }

        if (settings.ResponseCodes is { } codes)
        {
            arguments.Add($"responseCodes = {BallerinaSyntax.StringLiteral(codes)}");
        }

        if (settings.CacheControl)
        {
            arguments.Add("cacheControl = true");
        }

        if (settings.AgeHeader)
        {
            arguments.Add("ageHeader = true");
        }

        return string.Join(", ", arguments);
    }

    /// <summary>foreach: the loop runs in a run-time helper, which calls the body function for each part.</summary>
    private void ForEach(ForEachStep loop)
    {
        var body = _expr.Names[loop.Body];
        switch (loop.Loop)
        {
            case ForEachLoopIr.Elements elements:
            {
                var root = Local("root");
                var id = elements.Id is { } text ? BallerinaSyntax.StringLiteral(text) : "()";
                // The expression is evaluated over the envelope, as ForEachMediator does: where it starts.
                var start = XPathStart(elements.Items) is { } startAt ? $", startAt = {startAt}" : string.Empty;
                _out.Line($"check forEachElements(ctx, function (xml:Element {root}) returns xml => {_expr.Navigation(elements.Items, root)}, {id}, {(elements.ContinueOnFailure ? "true" : "false")}, {body}{start});");
                break;
            }

            case ForEachLoopIr.ClassicJson json:
            {
                var id = json.Id is { } text ? BallerinaSyntax.StringLiteral(text) : "()";
                _out.Line($"check forEachJsonItems(ctx, {BallerinaSyntax.StringLiteral(json.Path)}, {id}, {(json.ContinueOnFailure ? "true" : "false")}, {body});");
                break;
            }

            case ForEachLoopIr.XmlCopies copies:
            {
                var root = Local("root");
                var arguments = new List<string>
                {
                    "ctx",
                    $"function (xml:Element {root}) returns xml => {_expr.Navigation(copies.Items, root)}",
                    body,
                    $"parallel = {(copies.Parallel ? "true" : "false")}",
                    $"aggregate = {(copies.Aggregate ? "true" : "false")}",
                };
                if (copies.CounterVariable is { } counter)
                {
                    arguments.Add($"counter = {BallerinaSyntax.StringLiteral(counter)}");
                }

                // The collection is evaluated over the envelope, as ForEachMediatorV2 does: where it starts.
                if (XPathStart(copies.Items) is { } startAt)
                {
                    arguments.Add($"startAt = {startAt}");
                }

                _out.Line($"check forEachXmlCopies({string.Join(", ", arguments)});");
                break;
            }

            case ForEachLoopIr.JsonItems items:
            {
                _out.Line($"check forEachJson({ForEachJsonArguments(["ctx", BallerinaSyntax.StringLiteral(items.Path), body], items.Parallel, items.Aggregate, items.TargetVariable, items.CounterVariable)});");
                break;
            }

            case ForEachLoopIr.JsonVariableItems held:
            {
                _out.Line($"check forEachJsonVariable({ForEachJsonArguments(["ctx", BallerinaSyntax.StringLiteral(held.Variable), BallerinaSyntax.StringLiteral(held.Path), body], held.Parallel, held.Aggregate, held.TargetVariable, held.CounterVariable)});");
                break;
            }

            default:
                throw new InvalidOperationException($"Unhandled foreach {loop.Loop.GetType().Name}");
        }
    }

    /// <summary>
    /// iterate / clone / scatter-gather: the copies of the message, each run by its branch function (one after the
    /// other, or started together and awaited), then their aggregation into the message.
    /// </summary>
    private void Fork(ForkStep fork)
    {
        var messages = Local("messages");
        switch (fork.Source)
        {
            case ForkSourceIr.Split { Items: ValueIr.Json json }:
                _out.Line($"Context[] {messages} = check iteratedJsonMessages(ctx, {_expr.Value(json)}, {BallerinaSyntax.StringLiteral(json.Path)});");
                break;
            case ForkSourceIr.Split split:
                _out.Line($"Context[] {messages} = check iteratedMessages(ctx, {_expr.Value(split.Items)});");
                break;
            case ForkSourceIr.Attached attached:
            {
                var root = Local("root");
                // Both paths are evaluated over the envelope, as IterateMediator does: each says where it starts.
                var starts = (XPathStart(attached.Items.Navigation) is { } itemsFrom ? $", matchesFrom = {itemsFrom}" : string.Empty)
                    + (XPathStart(attached.AttachPath.Navigation) is { } attachFrom ? $", attachFrom = {attachFrom}" : string.Empty);
                _out.Line($"Context[] {messages} = check attachedMessages(ctx, function (xml:Element {root}) returns xml => {_expr.Navigation(attached.Items.Navigation, root)}, "
                    + $"function (xml:Element {root}) returns xml => {_expr.Navigation(attached.AttachPath.Navigation, root)}, {BallerinaSyntax.StringLiteral(attached.AttachPathText)}{starts});");
                break;
            }

            case ForkSourceIr.Recipients recipients:
                _out.Line($"Context[] {messages} = recipientMessages(ctx, {_expr.String(recipients.Urls)});");
                break;
            case ForkSourceIr.AttachedJson attachedJson:
                _out.Line($"Context[] {messages} = check attachedJsonMessages(ctx, {BallerinaSyntax.StringLiteral(attachedJson.Path)}, {BallerinaSyntax.StringLiteral(attachedJson.AttachPath)});");
                break;
            default:
                _out.Line($"Context[] {messages} = [{string.Join(", ", fork.Branches.Select(_ => "branchContext(ctx)"))}];");
                break;
        }

        var perCopy = fork.Source is ForkSourceIr.Copies;
        string Branch(int index) => _expr.Names[fork.Branches[perCopy ? index : 0]];
        var passed = BranchArguments(fork);
        string? ackBefore = null;
        if (fork.Aggregation is { Gather: not null })
        {
            // ScatterGather.mediate sets RESPONSE_WRITTEN "SKIP" once its sequences are dispatched. In parallel they run
            // on other threads and the flow goes on after the gathering there, so the mark holds for the rest of the
            // flow; one after the other, the flow after the gathering runs before the mark is set, and a failure there
            // leaves the request unmarked: the mark is put back after the gathering.
            if (!fork.Parallel)
            {
                ackBefore = Local("ackSkipped");
                _out.Line($"boolean {ackBefore} = ctx.ack.skipped;");
            }

            _out.Line("// RESPONSE_WRITTEN SKIP, as ScatterGather sets it once the sequences are dispatched.");
            _out.Line("ctx.ack.skipped = true;");
        }

        if (fork.Answering is not null)
        {
            AnsweringFork(fork, messages, perCopy, Branch);
            return;
        }

        // FORCE_ERROR_ON_SOAP_FAULT: a copy's SOAP fault hands the copy's message to the fault handling (copyFailure).
        string Awaited(string copy, string result) => fork.CopyFaults ? $"check copyFailure(ctx, {copy}, {result});" : $"check {result};";
        if (fork.Aggregation is null && !fork.CopyFaults && CopyFaultHandler is { } handler)
        {
            DetachedFork(fork, messages, perCopy, Branch, handler);
            return;
        }

        if (fork.Aggregation is null)
        {
            // The fault handling is the caller's (a sequence without onError, a branch): not known here.
            _out.Note(fork.Parallel
                ? "A copy that fails is not handled here: in the Micro Integrator it runs, on the copy, the fault handling of the flow that runs this one."
                : "A copy that fails fails this flow here: in the Micro Integrator it runs, on the copy, the fault handling of the flow that runs this one, and the next copy and this flow go on.");
        }

        if (!fork.Parallel)
        {
            if (perCopy)
            {
                for (var i = 0; i < fork.Branches.Length; i++)
                {
                    var copy = $"{messages}[{i.ToString(CultureInfo.InvariantCulture)}]";
                    _out.Line(Awaited(copy, $"{Branch(i)}({copy}{passed})"));
                }
            }
            else
            {
                var message = Local("message");
                _out.Open($"foreach Context {message} in {messages} {{");
                _out.Line(Awaited(message, $"{Branch(0)}({message}{passed})"));
                _out.Close();
            }
        }
        else if (fork.Aggregation is null)
        {
            // The parent goes on at once, as with continueParent: the branches run on their own.
            if (perCopy)
            {
                for (var i = 0; i < fork.Branches.Length; i++)
                {
                    _out.Line($"_ = start {Branch(i)}({messages}[{i.ToString(CultureInfo.InvariantCulture)}]{passed});");
                }
            }
            else
            {
                var message = Local("message");
                _out.Open($"foreach Context {message} in {messages} {{");
                _out.Line($"_ = start {Branch(0)}({message}{passed});");
                _out.Close();
            }
        }
        else
        {
            var running = Local("running");
            _out.Line($"future<error?>[] {running} = [];");
            if (perCopy)
            {
                for (var i = 0; i < fork.Branches.Length; i++)
                {
                    var started = Local("started");
                    _out.Line($"future<error?> {started} = start {Branch(i)}({messages}[{i.ToString(CultureInfo.InvariantCulture)}]{passed});");
                    _out.Line($"{running}.push({started});");
                }
            }
            else
            {
                var message = Local("message");
                var branch = Local("branch");
                _out.Open($"foreach Context {message} in {messages} {{");
                _out.Line($"future<error?> {branch} = start {Branch(0)}({message}{passed});");
                _out.Line($"{running}.push({branch});");
                _out.Close();
            }

            if (fork.Aggregation is { TimeoutSeconds: { } timeout } timed)
            {
                // The aggregation completes on its timeout after the first arrival (or on every copy, or its count):
                // the copies arrived by then, in arrival order, are aggregated; later ones are ignored.
                var arguments = new List<string> { messages, running, timeout.ToString(CultureInfo.InvariantCulture) };
                if (timed.IgnoresSplitCount)
                {
                    arguments.Add("countsCopies = false");
                }

                if (AggregationCount(timed) is { } count)
                {
                    arguments.Add($"count = {count}");
                }

                if (fork.CopyFaults)
                {
                    // A copy's SOAP fault hands its message to the fault handling, as without a timeout.
                    arguments.Add("faultTarget = ctx");
                }

                var collected = Local("collected");
                _out.Line($"Context[] {collected} = check awaitAggregation({string.Join(", ", arguments)});");
                messages = collected;
            }
            else if (fork.CopyFaults)
            {
                // Each copy's result beside its message, so a copy's SOAP fault hands its message to the fault handling.
                var waited = Local("finished");
                var index = Local("index");
                var outcome = Local("outcome");
                _out.Open($"foreach int {index} in 0 ..< {running}.length() {{");
                _out.Line($"future<error?> {waited} = {running}[{index}];");
                _out.Line($"error? {outcome} = wait {waited};");
                _out.Line($"check copyFailure(ctx, {messages}[{index}], {outcome});");
                _out.Close();
            }
            else
            {
                var waited = Local("finished");
                _out.Open($"foreach future<error?> {waited} in {running} {{");
                _out.Line($"check wait {waited};");
                _out.Close();
            }
        }

        if (fork.Aggregation is { Gather: { } gather } gathered)
        {
            var arguments = new List<string> { "ctx", messages, gathered.Json ? "true" : "false" };
            if (gather.RootElement is { } root)
            {
                arguments.Add($"rootElement = {BallerinaSyntax.StringLiteral(root)}");
            }

            if (gather.Variable is { } variable)
            {
                arguments.Add($"variable = {BallerinaSyntax.StringLiteral(variable)}");
            }

            if (gathered.Count is { } limit)
            {
                arguments.Add($"count = {limit.ToString(CultureInfo.InvariantCulture)}");
            }

            _out.Line($"check gatherMessages({string.Join(", ", arguments)});");
            if (ackBefore is not null)
            {
                _out.Line($"ctx.ack.skipped = {ackBefore};");
            }
        }
        else if (fork.Aggregation is { } aggregation)
        {
            var arguments = new List<string> { "ctx", messages, aggregation.Json ? "true" : "false" };
            if (aggregation.EnclosingProperty is { } enclosing)
            {
                arguments.Add($"enclosing = {BallerinaSyntax.StringLiteral(enclosing)}");
            }

            if (AggregationCount(aggregation) is { } count)
            {
                arguments.Add($"count = {count}");
            }

            _out.Line($"check aggregateMessages({string.Join(", ", arguments)});");
        }
    }

    /// <summary>The count an aggregation completes on: the literal min/max, or the one computed at run time; null for none.</summary>
    private string? AggregationCount(AggregationIr aggregation)
    {
        var runTime = new[] { aggregation.RunTimeMin, aggregation.RunTimeMax }.OfType<ExprIr>().ToList();
        if (runTime.Count > 0)
        {
            var literal = aggregation.Count is { } limit ? limit.ToString(CultureInfo.InvariantCulture) : "()";
            return $"check aggregateCount({literal}, [{string.Join(", ", runTime.Select(_expr.String))}])";
        }

        return aggregation.Count?.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>What a branch call passes after its copy: the template parameters its branches read.</summary>
    /// <summary>
    /// A split the flow goes on without (continueParent, no aggregate; a recipient list): each copy runs its branch
    /// (one after the other, or started on its own), and a copy that fails runs the flow's fault handling on that copy
    /// (<c>handleCopyFailure</c>, <c>runCopy</c>) while the flow goes on, as in Synapse (see <see cref="CopyFaultHandler"/>).
    /// </summary>
    private void DetachedFork(ForkStep fork, string messages, bool perCopy, Func<int, string> branch, string handler)
    {
        var passed = BranchArguments(fork);
        _modules.Use("http");
        _out.Note(fork.Parallel
            ? "A copy that fails runs the flow's fault handling on that copy (MediatorWorker.run), on its own strand."
            : "A copy that fails runs the flow's fault handling on that copy (Target.mediateMessage), and the next goes on.");

        // A branch with arguments of its own (a template's parameters) is started through a closure over them.
        string Pointer(string name) => passed.Length == 0 ? name : $"function (Context copy) returns http:Response|error? {{ return {name}(copy{passed}); }}";
        void Run(string copy, string name) => _out.Line(fork.Parallel
            ? $"_ = start runCopy({copy}, {Pointer(name)}, {handler});"
            : $"handleCopyFailure({copy}, {name}({copy}{passed}), {handler});");
        if (perCopy)
        {
            for (var i = 0; i < fork.Branches.Length; i++)
            {
                Run($"{messages}[{i.ToString(CultureInfo.InvariantCulture)}]", branch(i));
            }
        }
        else
        {
            var message = Local("message");
            _out.Open($"foreach Context {message} in {messages} {{");
            Run(message, branch(0));
            _out.Close();
        }
    }

    private string BranchArguments(ForkStep fork) => string.Concat(fork.Arguments.Select(argument => $", {_expr.String(argument)}"));

    /// <summary>
    /// A split that stops its parent: every copy runs its branch function, and the first copy to answer answers. In
    /// parallel (sequential="false") the copies are started and the first answer to come is the response
    /// (<c>firstAnswer</c>, an alternate wait), the others running on; one after the other, the first answer in the
    /// order of the copies. Where the flow has fault handling of its own (<see cref="CopyFaultHandler"/>) a failing copy
    /// runs it on itself and what it answers is that copy's answer (<c>answeringCopy</c>), as Synapse pops the fault
    /// handler each copy carries (MediatorWorker.run, Target.mediateMessage); where it is the caller's, the first failure
    /// fails the flow when no copy answered. None answers: 202, as for a drop.
    /// </summary>
    private void AnsweringFork(ForkStep fork, string messages, bool perCopy, Func<int, string> branch)
    {
        var passed = BranchArguments(fork);
        _modules.Use("http");
        var copies = perCopy ? fork.Branches.Length : 1;

        // A branch with arguments of its own (a template's parameters) is passed through a closure over them.
        string Pointer(string name) => passed.Length == 0 ? name : $"function (Context copy) returns http:Response|error? {{ return {name}(copy{passed}); }}";
        var noAnswer = fork.Answering!.MarksDropped ? "dropped(ctx)" : "accepted()";
        if (fork.Parallel)
        {
            var running = Local("running");
            string? failures = null;
            if (CopyFaultHandler is null)
            {
                failures = Local("failures");
                _out.Line($"error?[] {failures} = [];");
                _out.Line($"{failures}.setLength({messages}.length());");
            }

            _out.Line($"future<http:Response|error>[] {running} = [];");
            void Start(string copy, string index, string name)
            {
                var started = Local("started");
                _out.Line(failures is null
                    ? $"future<http:Response|error> {started} = start answeringCopy({copy}, {Pointer(name)}, {CopyFaultHandler});"
                    : $"future<http:Response|error> {started} = start failingCopy({copy}, {Pointer(name)}, {failures}, {index});");
                _out.Line($"{running}.push({started});");
            }

            if (perCopy)
            {
                for (var i = 0; i < copies; i++)
                {
                    var index = i.ToString(CultureInfo.InvariantCulture);
                    Start($"{messages}[{index}]", index, branch(i));
                }
            }
            else
            {
                var index = Local("index");
                _out.Open($"foreach int {index} in 0 ..< {messages}.length() {{");
                Start($"{messages}[{index}]", index, branch(0));
                _out.Close();
            }

            // The first answer to come; the copies still running go on, as in the Micro Integrator.
            var answer = Local("answer");
            _out.Line($"http:Response|error {answer} = firstAnswer({running});");
            _out.Open($"if {answer} is http:Response {{");
            _out.Line($"return {answer};");
            _out.Close();
            if (failures is not null)
            {
                // No copy answered and every copy has ended: the first failure runs the fault handling (the flow's on
                // fail, an enclosing sequence's onError, else the caller's); `return` would hand the error past them.
                var failure = Local("failure");
                _out.Line($"error? {failure} = firstCopyFailure(ctx, {messages}, {failures});");
                _out.Open($"if {failure} is error {{");
                _out.Line($"fail {failure};");
                _out.Close();
            }

            _out.Line($"return {noAnswer};");
            return;
        }

        var first = Local("answer");
        _out.Line($"http:Response? {first} = ();");
        if (CopyFaultHandler is { } handler)
        {
            // Each copy runs the flow's fault handling on itself when it fails (Target.mediateMessage), in order.
            void Answer(string copy, string name)
            {
                var reply = Local("reply");
                _out.Line($"http:Response|error {reply} = answeringCopy({copy}, {Pointer(name)}, {handler});");
                _out.Open($"if {first} is () && {reply} is http:Response {{");
                _out.Line($"{first} = {reply};");
                _out.Close();
            }

            if (perCopy)
            {
                for (var i = 0; i < copies; i++)
                {
                    Answer($"{messages}[{i.ToString(CultureInfo.InvariantCulture)}]", branch(i));
                }
            }
            else
            {
                var message = Local("message");
                _out.Open($"foreach Context {message} in {messages} {{");
                Answer(message, branch(0));
                _out.Close();
            }

            _out.Line($"return {first} ?: {noAnswer};");
            return;
        }

        // A copy that fails does not take away an answer another copy gave (each copy fails on its own in the
        // Micro Integrator); the first failure is the flow's only when no copy answered. The failing copy's message
        // becomes the flow's (copyFailed): Synapse runs the fault handlers each copy carries on that copy.
        var firstFailure = Local("failure");
        _out.Line($"error? {firstFailure} = ();");
        void Keep(string reply, string copy)
        {
            _out.Open($"if {reply} is error {{");
            _out.Open($"if {firstFailure} is () {{");
            _out.Line($"{firstFailure} = copyFailed(ctx, {copy}, {reply});");
            _out.Close();
            _out.Continue(fork.Answering!.SkipsDropped ? $"}} else if {first} is () && !{copy}.dropped {{" : $"}} else if {first} is () {{");
            _out.Line($"{first} = {reply};");
            _out.Close();
        }

        void Run(string copy, string call)
        {
            var reply = Local("reply");
            _out.Line($"http:Response|error? {reply} = {call};");
            Keep(reply, copy);
        }

        if (perCopy)
        {
            for (var i = 0; i < copies; i++)
            {
                var copy = $"{messages}[{i.ToString(CultureInfo.InvariantCulture)}]";
                Run(copy, $"{branch(i)}({copy}{passed})");
            }
        }
        else
        {
            var message = Local("message");
            _out.Open($"foreach Context {message} in {messages} {{");
            Run(message, $"{branch(0)}({message}{passed})");
            _out.Close();
        }

        _out.Open($"if {first} is () && {firstFailure} is error {{");
        // The failure runs the fault handling (the flow's on fail, an enclosing sequence's onError, else the caller's),
        // as Synapse runs the fault handlers the copy carries: `return` would hand the error past them.
        _out.Line($"fail {firstFailure};");
        _out.Close();
        _out.Line($"return {first} ?: {noAnswer};");
    }

    /// <summary>The XML as it stood, its first line indented like the rest, so the comment keeps the shape of the source.</summary>
    internal static string OriginalXml(Syntax.MediatorSyntax? origin, string raw) =>
        origin is null ? raw : new string(' ', origin.Location.LineSpan.Start.Character) + raw;

    /// <summary>The <c>check</c> before a call of a function, none when it cannot fail.</summary>
    private string Checked(InvokeStep invoke) => _expr.Infallible.Contains(invoke.Function) ? string.Empty : "check ";

    private string Arguments(InvokeStep invoke) =>
        string.Join(", ", invoke.Arguments.Select(a => $"{_expr.Names[a.Parameter]} = {_expr.String(a.Value)}").Prepend("ctx"));

    private static string LogFunctionName(LogFunction function) => function switch
    {
        LogFunction.Debug => "printDebug",
        LogFunction.Warn => "printWarn",
        LogFunction.Error => "printError",
        _ => "printInfo",
    };

    /// <summary>
    /// The key a log property is written under: the Synapse name as it is (LogMediator prints <c>name = value</c>) when it
    /// needs no more than escaped ASCII punctuation (<c>message-id</c> → <c>message\-id</c>), else the name made an
    /// identifier (<c>Error Message</c> → <c>Error_Message</c>), as an escaped blank or non-ASCII letter reads badly.
    /// </summary>
    private static string LogKey(string name) =>
        name.All(c => c is > ' ' and < (char)0x7F) && BallerinaSyntax.FieldName(name) is { } exact ? exact : BallerinaSyntax.Identifier(name);

    /// <summary>
    /// Names a key-value may not take: the other parameters of the log functions, and the keys the log module writes
    /// itself, which <c>log:KeyValues</c> declares <c>never</c> from ballerina/log 2.15 (<c>msg</c>, <c>message</c>,
    /// <c>time</c>, <c>level</c>; a newer distribution rejects them as arguments), and <c>module</c>, which the log
    /// functions read as the name of the module the line is logged for (getModuleName) and newer versions declare
    /// <c>never</c> too.
    /// </summary>
    private static readonly HashSet<string> LogParameters = new(StringComparer.Ordinal) { "msg", "'error", "error", "stackTrace", "keyValues", "message", "time", "level", "module", "'module" };

    /// <summary>
    /// The arguments of a structured log call (ballerina/log <c>printInfo(string msg, error? 'error, error:StackFrame[]? stackTrace,
    /// *log:KeyValues keyValues)</c>): the message the refiner decides (<see cref="LogMessages"/>), then each property as a key-value named as
    /// in Synapse (an identifier; one that would repeat a key or name a parameter gets a number or "Value"), then the
    /// direction, the headers, the payload and the message ID the level adds.
    /// </summary>
    private string LogArguments(LogStep log, LogFieldsIr fields)
    {
        // The refiner decides the message (LogMessages): the template, a property that is the message, the description or the place.
        var properties = fields.Properties;
        var decided = LogMessages.For(log, fields);
        var message = decided.Text is { } text ? BallerinaSyntax.StringLiteral(text) : LogText(fields.Message);
        if (decided.SkipsFirstProperty)
        {
            properties = properties.RemoveAt(0);
        }

        var arguments = new List<string> { message };
        var keys = new HashSet<string>(StringComparer.Ordinal);
        void Add(string name, string value)
        {
            var key = LogKey(name);
            if (LogParameters.Contains(key))
            {
                key = key.TrimStart('\'') + "Value";
            }

            var candidate = key;
            for (var i = 2; !keys.Add(candidate.TrimStart('\'')); i++)
            {
                candidate = key.TrimStart('\'') + i.ToString(CultureInfo.InvariantCulture);
            }

            arguments.Add($"{candidate} = {value}");
        }

        if (fields.Addressing)
        {
            Add("to", "ctx.to");
        }

        if (fields.MessageId || fields.Addressing)
        {
            Add("messageId", "ctx.messageId");

            // LogMediator's correlation_id: the HTTP request's correlation ID ("" for a message from another transport).
            Add("correlationId", "ctx.correlationId");
        }

        if (fields.Direction is { } direction)
        {
            Add("direction", BallerinaSyntax.StringLiteral(direction));
        }
        else if (fields.DirectionAtRunTime)
        {
            // LogMediator's Direction where the flow does not tell it: the message's own flag.
            Add("direction", RunTimeDirection);
        }

        if (fields.Headers)
        {
            Add("correlationId", "ctx.correlationId");
            Add("headers", "headersText(ctx)");
        }

        foreach (var property in properties)
        {
            Add(property.Name, property.Value is { } value ? _expr.String(value) : BallerinaSyntax.StringLiteral("****"));
        }

        if (fields.Payload)
        {
            Add("payload", "check payloadText(ctx)");
        }

        return string.Join(", ", arguments);
    }

    /// <summary>The message's direction as LogMediator prints it (<c>synCtx.isResponse()</c>).</summary>
    private const string RunTimeDirection = "ctx.isResponse ? \"response\" : \"request\"";

    private string LogText(ImmutableArray<LogPart> message) => _expr.StringTemplate(message.Select(p => p switch
    {
        LogPart.Text t => (object)new StringLiteralIr(t.Content),
        LogPart.Value v => v.Expression,
        _ => throw new InvalidOperationException("A log message template holds text and values only."),
    }));

    private string LogMessage(LogStep log)
    {
        var parts = log.Parts.Select(p => p switch
        {
            LogPart.Text t => (object)new StringLiteralIr(t.Content),
            LogPart.Value v => v.Expression,
            LogPart.Payload => "${check payloadText(ctx)}",
            LogPart.Headers => "${headersText(ctx)}",
            LogPart.MessageId => "${ctx.messageId}",
            LogPart.CorrelationId c => $"${{ctx.correlationId == \"\" ? \"\" : {BallerinaSyntax.StringLiteral(c.Prefix)} + ctx.correlationId}}",
            LogPart.Direction => $"${{{RunTimeDirection}}}",
            _ => throw new InvalidOperationException(),
        });
        return _expr.StringTemplate(parts);
    }

    private void SetField(SetFieldStep field)
    {
        switch (field.Field)
        {
            case ContextField.StatusCode:
                // HTTP_SC is read back as written and parsed only for the status sent (setHttpSc).
                _out.Line($"setHttpSc(ctx, {(field.Value.Kind == ValueKind.Integer ? _expr.IntegerOrText(field.Value) : _expr.String(field.Value))});");
                break;
            case ContextField.ContentType or ContextField.MessageType:
                _out.Line($"ctx.contentType = {_expr.String(field.Value)};");
                break;
            case ContextField.Method:
                _out.Line($"ctx.method = {_expr.String(field.Value)};");
                break;
            case ContextField.UrlPostfix:
                _out.Line($"ctx.urlPostfix = {_expr.String(field.Value)};");
                break;
            case ContextField.To:
                _out.Line($"ctx.to = {_expr.String(field.Value)};");
                break;
            case ContextField.Action:
                _out.Line($"setAction(ctx, {_expr.String(field.Value)});");
                break;
            default:
                throw new InvalidOperationException();
        }
    }

    private string Rewrite(RewriteStep rewrite)
    {
        var rules = rewrite.Rules.Select(rule =>
        {
            var fields = new List<string>();
            if (rule.Condition is { } condition)
            {
                fields.Add($"condition: {UrlCondition(condition)}");
            }

            fields.Add($"actions: [{string.Join(", ", rule.Actions.Select(UrlAction))}]");
            return "{" + string.Join(", ", fields) + "}";
        });
        var args = new List<string> { "ctx", $"[{string.Join(", ", rules)}]" };
        if (rewrite.InProperty is { } input)
        {
            args.Add($"inProperty = {BallerinaSyntax.StringLiteral(input)}");
        }

        if (rewrite.OutProperty is { } output)
        {
            args.Add($"outProperty = {BallerinaSyntax.StringLiteral(output)}");
        }

        return $"check rewriteUrl({string.Join(", ", args)});";
    }

    private string UrlAction(UrlRewriteActionIr action)
    {
        var fields = new List<string>
        {
            "action: " + BallerinaSyntax.StringLiteral(action.Type switch
            {
                Syntax.RewriteActionType.Set => "set",
                Syntax.RewriteActionType.Append => "append",
                Syntax.RewriteActionType.Prepend => "prepend",
                Syntax.RewriteActionType.Replace => "replace",
                Syntax.RewriteActionType.Remove => "remove",
                Syntax.RewriteActionType.RemoveQueryParam => "removeQueryParam",
                _ => throw new InvalidOperationException($"No rewrite action {action.Type}"),
            }),
            "fragment: " + BallerinaSyntax.StringLiteral(action.Fragment switch
            {
                Syntax.UriFragment.Full => "full",
                Syntax.UriFragment.Protocol => "protocol",
                Syntax.UriFragment.User => "user",
                Syntax.UriFragment.Host => "host",
                Syntax.UriFragment.Port => "port",
                Syntax.UriFragment.Path => "path",
                Syntax.UriFragment.Query => "query",
                Syntax.UriFragment.Ref => "ref",
                _ => throw new InvalidOperationException($"No URI fragment {action.Fragment}"),
            }),
        };
        if (action.Value is { } value)
        {
            fields.Add($"value: {_expr.String(value)}");
        }

        if (action.Regex is { } regex && action.Type is Syntax.RewriteActionType.Replace or Syntax.RewriteActionType.RemoveQueryParam)
        {
            fields.Add($"regex: {BallerinaSyntax.StringLiteral(regex)}");
        }

        if (action.Resolve)
        {
            fields.Add("resolve: true");
        }

        return "{" + string.Join(", ", fields) + "}";
    }

    internal static string UrlCondition(UrlConditionIr condition) => condition switch
    {
        UrlConditionIr.Test test => "{" + string.Join(", ", new[]
        {
            $"test: {(test.Regex ? "\"match\"" : "\"equal\"")}",
            "sourceType: " + BallerinaSyntax.StringLiteral(test.Source switch
            {
                UrlConditionSource.Url => "url",
                UrlConditionSource.Header => "header",
                UrlConditionSource.Param => "param",
                UrlConditionSource.Property => "property",
                _ => throw new InvalidOperationException($"No condition source {test.Source}"),
            }),
        }.Concat(test.Name is { } name ? [$"src: {BallerinaSyntax.StringLiteral(name)}"] : [])
            .Append($"value: {BallerinaSyntax.StringLiteral(test.Value)}")) + "}",
        UrlConditionIr.Not not => $"{{test: \"not\", operands: [{UrlCondition(not.Operand)}]}}",
        UrlConditionIr.And and => $"{{test: \"and\", operands: [{string.Join(", ", and.Operands.Select(UrlCondition))}]}}",
        UrlConditionIr.Or or => $"{{test: \"or\", operands: [{string.Join(", ", or.Operands.Select(UrlCondition))}]}}",
        _ => throw new InvalidOperationException($"No condition {condition.GetType().Name}"),
    };

    private string EnrichProperty(EnrichPropertyStep enrich)
    {
        // A body source is read by the helper: the JSON payload on Synapse's JSON path, the body's first element on its XML path.
        var body = enrich.Source is ValueIr.Payload;
        var value = body ? "()" : _expr.Value(enrich.Source, enrich.Copy);
        var action = enrich.Action == Syntax.EnrichAction.Child ? "\"child\"" : "\"sibling\"";
        // clone="false" with a body or XPath source: a child added to the property's parsed XML leaves the message body.
        var moved = !enrich.Copy && enrich.Source is ValueIr.Payload or ValueIr.XmlNodes;
        return $"check enrichProperty(ctx, {BallerinaSyntax.StringLiteral(enrich.Property)}, {value}, {action}{(enrich.NativeJson ? ", nativeJson = true" : string.Empty)}{(body ? ", body = true" : string.Empty)}{(moved ? ", moved = true" : string.Empty)});";
    }

    private string Enrich(EnrichStep enrich)
    {
        // In Synapse's XML mode a body source is the body's first element (its JSON path reads the whole payload).
        var value = enrich.Source is ValueIr.Payload && enrich.Target is not EnrichTargetIr.JsonPath && !(enrich.Target is EnrichTargetIr.Body && enrich.NativeJson)
            ? (enrich.Copy ? ExpressionWriter.Copied("check bodyFirstElement(ctx)") : "check bodyFirstElement(ctx)")
            : _expr.Value(enrich.Source, enrich.Copy);
        var action = enrich.Action switch
        {
            Syntax.EnrichAction.Replace => "\"replace\"",
            Syntax.EnrichAction.Child => "\"child\"",
            Syntax.EnrichAction.Sibling => "\"sibling\"",
            _ => throw new InvalidOperationException($"No enrich action {enrich.Action}"),
        };
        switch (enrich.Target)
        {
            case EnrichTargetIr.XmlPath path:
                // The target path as XML navigation from the body, the envelope (//a, a relative path) or the header
                // (namespaces through the file's xmlns declarations).
                var root = Local("root");
                var select = $"function (xml:Element {root}) returns xml => {_expr.Navigation(path.Navigation, root)}";
                var start = XPathStart(path.Navigation) is { } startAt ? $", startAt = {startAt}" : string.Empty;
                return $"check enrichXml(ctx, {select}, {value}, {action}{(path.Navigation.TextOnly ? ", text = true" : string.Empty)}{Moved(enrich)}{start});";
            case EnrichTargetIr.Body:
                return $"check enrichXml(ctx, (), {value}, {action}{(enrich.NativeJson ? ", nativeJson = true" : string.Empty)}{Moved(enrich)});";
            case EnrichTargetIr.JsonPath json:
                return $"check enrichJson(ctx, {BallerinaSyntax.StringLiteral(json.Path)}, {value}, {action});";
            case EnrichTargetIr.Envelope:
                return $"check setEnvelope(ctx, {value});";
            default:
                throw new InvalidOperationException($"No enrich target {enrich.Target.GetType().Name}");
        }
    }

    /// <summary>
    /// Where a path given to a runtime helper as a function of its start element starts (the helper's <c>XPathStart</c>):
    /// null for the SOAP body, the helpers' default; <c>"envelope"</c> for <c>//a</c> and a relative path (SynapseXPath's
    /// context is the envelope, whose header blocks <c>//</c> also searches); <c>"header"</c> for <c>$header/a</c>.
    /// </summary>
    private static string? XPathStart(XmlNavigationIr navigation) =>
        navigation.FromEnvelope == true ? "\"envelope\"" : navigation.FromHeader == true ? "\"header\"" : null;

    /// <summary>The <c>moved</c> argument of enrichXml: clone="false" with elements an XPath selected, which leave where they were.</summary>
    private static string Moved(EnrichStep enrich) => !enrich.Copy && enrich.Source is ValueIr.XmlNodes ? ", moved = true" : string.Empty;

    private void Xslt(XsltStep xslt) =>
        Transform(xslt.Source, _expr.Names[xslt.Stylesheet], xslt.Parameters, xslt.TargetProperty);

    /// <summary>
    /// <c>xslt:transform</c> of the source (else the payload) with a stylesheet expression and the parameters, into
    /// the target property or the body.
    /// </summary>
    private void Transform(XmlNavigationIr? source, string stylesheet, ImmutableArray<XsltParameterIr> parameterList, string? targetProperty)
    {
        _modules.Use("xslt");
        var input = source is not null ? _expr.Navigation(source) : "check xmlPayload(ctx)";
        var parameters = parameterList.Length == 0
            ? string.Empty
            : ", {" + string.Join(", ", parameterList.Select(p => $"{BallerinaSyntax.StringLiteral(p.Name)}: {_expr.String(p.Value)}")) + "}";
        var transform = $"check xslt:transform({input}, {stylesheet}{parameters})";
        _out.Line(targetProperty is { } property
            ? $"ctx.properties[{BallerinaSyntax.StringLiteral(property)}] = {transform};"
            : $"ctx.payload = replaceBody(ctx, {transform});");
    }

    /// <summary>
    /// dblookup/dbreport: each statement a parameterized query run by a runtime helper: a raw template, or, for SQL a
    /// template cannot hold as text (a backtick, <c>${</c>), the runtime's <c>SqlQuery</c> object of the same text parts
    /// and parameters (a <c>sql:ParameterizedQuery</c> the library reads by its strings and insertions).
    /// </summary>
    private void Database(DbStep db)
    {
        foreach (var statement in db.Statements)
        {
            var query = new StringBuilder();
            if (statement.SqlSegments.Any(s => s.Contains('`', StringComparison.Ordinal) || s.Contains("${", StringComparison.Ordinal)))
            {
                query.Append("new SqlQuery([")
                    .AppendJoin(", ", statement.SqlSegments.Select(BallerinaSyntax.StringLiteral))
                    .Append("], [")
                    .AppendJoin(", ", statement.Parameters.Select(DbParameter))
                    .Append("])");
            }
            else
            {
                query.Append('`');
                for (var i = 0; i < statement.SqlSegments.Length; i++)
                {
                    query.Append(BallerinaSyntax.TemplateText(statement.SqlSegments[i], keepLineBreaks: true));
                    if (i < statement.Parameters.Length)
                    {
                        query.Append("${").Append(DbParameter(statement.Parameters[i])).Append('}');
                    }
                }

                query.Append('`');
            }

            // The client is made on first use and again after a failure (DbConnection): a database that is down fails
            // only the mediators that use it, as the Micro Integrator's AbstractDBMediator makes its pool lazily.
            var client = $"check {_expr.Names[db.Client.Name]}.jdbcClient()";
            if (db.Lookup)
            {
                var results = string.Join(", ", statement.Results.Select(r => $"{BallerinaSyntax.StringLiteral(r.Property)}: {BallerinaSyntax.StringLiteral(r.Column)}"));
                _out.Verbatim($"check dbLookup(ctx, {client}, {query}, {{{results}}});");
            }
            else
            {
                _out.Verbatim($"check dbReport(ctx, {client}, {query});");
            }
        }
    }

    /// <summary>
    /// A dblookup/dbreport parameter's string value bound as its JDBC type, converted as Synapse's setters do: a
    /// value that may be empty goes through a runtime helper binding NULL for an empty text
    /// (AbstractDBMediator.getPreparedStatement: <c>ps.setNull</c>); a literal that is not empty binds as it is.
    /// </summary>
    private string DbParameter(DbParameterIr parameter) =>
        DbBind(_expr.String(parameter.Value), parameter.Type, mayBeEmpty: parameter.Value is not StringLiteralIr { Value.Length: > 0 });

    /// <summary>
    /// A string value bound as a JDBC type, converted as Synapse's setters do; with <paramref name="mayBeEmpty"/>, through
    /// the runtime helper that binds NULL for an empty text (the date and time helpers always do).
    /// </summary>
    private static string DbBind(string value, DbParameterType type, bool mayBeEmpty = false) => type switch
    {
        DbParameterType.String => mayBeEmpty ? $"dbString({value})" : value,
        DbParameterType.Decimal => mayBeEmpty ? $"check dbDecimal({value})" : $"check decimal:fromString({value})",
        DbParameterType.Boolean => mayBeEmpty ? $"dbBoolean({value})" : $"{ExpressionWriter.Receiver(value)}.equalsIgnoreCaseAscii(\"true\")",
        DbParameterType.Integer => mayBeEmpty ? $"check dbInteger({value})" : $"check int:fromString({value})",
        DbParameterType.Float => mayBeEmpty ? $"check dbFloat({value})" : $"check float:fromString({value})",
        DbParameterType.Date => $"sqlDate({value})",
        DbParameterType.Time => $"sqlTime({value})",
        DbParameterType.Timestamp => $"sqlTimestamp({value})",
        _ => throw new InvalidOperationException(),
    };

    private string MakeFaultArguments(MakeFaultStep fault)
    {
        var args = new List<string>
        {
            "ctx",
            fault.Kind switch
            {
                FaultKind.Soap11 => "\"soap11\"",
                FaultKind.Soap12 => "\"soap12\"",
                _ => "\"pox\"",
            },
            _expr.String(fault.Code),
            _expr.String(fault.Reason),
        };
        if (fault.Node is { } node)
        {
            args.Add($"node = {_expr.String(node)}");
        }

        if (fault.Role is { } role)
        {
            args.Add($"role = {_expr.String(role)}");
        }

        if (fault.Detail is ValueIr.Property property)
        {
            args.Add($"detail = propertyFaultDetail({_expr.Value(property)})");
        }
        else if (fault.Detail is { } detail)
        {
            args.Add($"detail = {_expr.Value(detail)}");
        }

        if (fault.CodePrefix is { } prefix)
        {
            args.Add($"codePrefix = {_expr.String(new StringLiteralIr(prefix))}");
        }

        return string.Join(", ", args);
    }

    /// <summary>
    /// The arguments of dbConnectorOperation: the connection, what the connector runs (ExecuteQuery's operation), the
    /// statement and the parameters' JSON, select's limit and offset, maxRows, then where the result goes.
    /// </summary>
    private string DbConnectorArguments(DbConnectorStep db)
    {
        var arguments = new List<string>
        {
            "ctx",
            _expr.Names[db.Client.Name],
            BallerinaSyntax.StringLiteral(db.Operation switch
            {
                DbConnectorOperation.Select => "SELECT",
                DbConnectorOperation.Insert => "INSERT",
                DbConnectorOperation.Update => "UPDATE",
                DbConnectorOperation.Delete => "DELETE",
                DbConnectorOperation.Call => "CALL",
                _ => "EXECUTE_QUERY",
            }),
            _expr.String(db.Statement),
        };
        if (db.Data is { } data)
        {
            arguments.Add($"data = {_expr.String(data)}");
            arguments.Add($"dataWidth = {db.DataWidth.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        }

        if (!db.Columns.IsEmpty)
        {
            arguments.Add($"columns = [{string.Join(", ", db.Columns.Select(c => $"[{_expr.String(c.Value)}, {BallerinaSyntax.StringLiteral(c.Type)}]"))}]");
        }

        if (db.ResultSet)
        {
            arguments.Add("resultSet = true");
        }

        if (db.Limit is { } limit)
        {
            arguments.Add($"'limit = {_expr.String(limit)}");
        }

        if (db.Offset is { } offset)
        {
            arguments.Add($"offset = {_expr.String(offset)}");
        }

        if (db.MaxRows is { } maxRows)
        {
            arguments.Add($"maxRows = {maxRows.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        }

        arguments.Add($"responseVariable = {BallerinaSyntax.StringLiteral(db.ResponseVariable)}");
        if (db.OverwriteBody)
        {
            arguments.Add("overwriteBody = true");
        }

        return string.Join(", ", arguments);
    }

    /// <summary>The arguments of sendEmailConnector: the connection's client, the message's parts, then where the result goes.</summary>
    private string EmailSendArguments(EmailSendStep send)
    {
        var arguments = new List<string>
        {
            "ctx",
            _expr.Names[send.Connection.Name],
            $"'from = {_expr.String(send.From)}",
            $"to = {_expr.String(send.To)}",
            $"cc = {_expr.String(send.Cc)}",
            $"bcc = {_expr.String(send.Bcc)}",
            $"replyTo = {_expr.String(send.ReplyTo)}",
            $"subject = {_expr.String(send.Subject)}",
            $"content = {_expr.String(send.Content)}",
            send.ComputedContentType is { } computed
                ? $"contentType = {_expr.String(computed)}, charset = {BallerinaSyntax.StringLiteral(send.Charset ?? "UTF-8")}"
                : $"contentType = {BallerinaSyntax.StringLiteral(send.ContentType)}",
            send.LegacyResult ? "legacyResult = true" : $"responseVariable = {BallerinaSyntax.StringLiteral(send.ResponseVariable)}",
        };
        if (send.OverwriteBody)
        {
            arguments.Add("overwriteBody = true");
        }

        return string.Join(", ", arguments);
    }

    /// <summary>The run-time helper performing a file connector 2.x operation on a local file.</summary>
    private static string FileConnectorFunction(FileConnectorOperation operation) => operation switch
    {
        FileConnectorOperation.Create => "fileConnectorCreate",
        FileConnectorOperation.IsFileExist => "fileConnectorIsFileExist",
        FileConnectorOperation.Delete => "fileConnectorDelete",
        FileConnectorOperation.Read => "fileConnectorRead",
        FileConnectorOperation.Append => "fileConnectorAppend",
        FileConnectorOperation.Copy => "fileConnectorCopy",
        FileConnectorOperation.Move => "fileConnectorMove",
        FileConnectorOperation.Search => "fileConnectorSearch",
        FileConnectorOperation.GetSize => "fileConnectorGetSize",
        FileConnectorOperation.GetLastModifiedTime => "fileConnectorGetLastModifiedTime",
        FileConnectorOperation.ReadALine => "fileConnectorReadALine",
        _ => throw new InvalidOperationException(),
    };

    /// <summary>The arguments of a file connector helper: the location (and copy's or move's destination), then the values the operation sets.</summary>
    private string FileConnectorArguments(FileConnectorStep fileStep)
    {
        var arguments = new List<string> { "ctx", _expr.String(fileStep.Location) };
        if (fileStep.Destination is { } destination)
        {
            arguments.Add(_expr.String(destination));
        }

        if (fileStep.Content is { } content)
        {
            arguments.Add($"content = {_expr.String(content)}");
        }

        if (fileStep.Encoding is { } encoding)
        {
            arguments.Add($"encoding = {_expr.String(encoding)}");
        }

        if (fileStep.Binary is { } binary)
        {
            arguments.Add($"isBinaryContent = {_expr.String(binary)}");
        }

        if (fileStep.Pattern is { } pattern)
        {
            arguments.Add($"filePattern = {_expr.String(pattern)}");
        }

        if (fileStep.ContentType is { } contentType)
        {
            arguments.Add($"contentType = {_expr.String(contentType)}");
        }

        if (fileStep.IncludeParentDirectory is { } includeParent)
        {
            arguments.Add($"includeParentDirectory = {_expr.String(includeParent)}");
        }

        if (fileStep.RecursiveSearch is { } recursive)
        {
            arguments.Add($"recursiveSearch = {_expr.String(recursive)}");
        }

        if (fileStep.LineNumber is { } lineNumber)
        {
            arguments.Add($"lineNumber = {_expr.String(lineNumber)}");
        }

        return string.Join(", ", arguments);
    }

    /// <summary>The run-time helper performing an LDAP connector 1.0.x operation.</summary>
    private static string LdapFunction(LdapOperation operation) => operation switch
    {
        LdapOperation.Init => "ldapInit",
        LdapOperation.AddEntry => "ldapAddEntry",
        LdapOperation.DeleteEntry => "ldapDeleteEntry",
        LdapOperation.UpdateEntry => "ldapUpdateEntry",
        LdapOperation.Authenticate => "ldapAuthenticate",
        _ => throw new InvalidOperationException(),
    };

    /// <summary>The arguments of an LDAP connector helper: each parameter given, by name (the helper's parameter names are the connector's).</summary>
    /// <summary>The run-time helper performing a file connector 1.0.0 operation on a local file.</summary>
    private static string FileConnectorV1Function(FileConnectorV1Operation operation) => operation switch
    {
        FileConnectorV1Operation.Create => "fileConnectorV1Create",
        FileConnectorV1Operation.Append => "fileConnectorV1Append",
        FileConnectorV1Operation.IsFileExist => "fileConnectorV1IsFileExist",
        FileConnectorV1Operation.Delete => "fileConnectorV1Delete",
        FileConnectorV1Operation.Rename => "fileConnectorV1Rename",
        FileConnectorV1Operation.Copy => "fileConnectorV1Copy",
        FileConnectorV1Operation.CopyLarge => "fileConnectorV1CopyLarge",
        FileConnectorV1Operation.Move => "fileConnectorV1Move",
        _ => throw new InvalidOperationException(),
    };

    /// <summary>The arguments of a file connector 1.0.0 helper: the context, then each parameter given, by name.</summary>
    private string FileConnectorV1Arguments(FileConnectorV1Step legacy) =>
        string.Join(", ", legacy.Arguments.Select(a => $"{BallerinaSyntax.Identifier(a.Name)} = {_expr.String(a.Value)}").Prepend("ctx"));

    private string LdapArguments(LdapConnectorStep ldap) =>
        string.Join(", ", ldap.Arguments.Select(a => $"{BallerinaSyntax.Identifier(a.Name)} = {_expr.String(a.Value)}").Prepend("ctx"));

    /// <summary>
    /// Whether an HTTP connector operation's relative path is evaluated after its headers and body are set, in a
    /// statement of its own: the operation sets headers or a body, which RestURLBuilder.connect applies before it
    /// evaluates the path (processAndResolveUrl), and the path may read the message they change (anything but text,
    /// configurables, the resource's parameters, default-scope properties and local entries, which neither changes).
    /// </summary>
    private static bool PathAfterRequest(HttpConnectorCallStep http) =>
        (http.Headers.Length > 0 || http.BodyType is not null)
        && !IrWalker.Descendants(http.RelativePath).All(e => e is StringLiteralIr or NumberLiteralIr or BooleanLiteralIr or ConcatIr
            or ConfigurableReadIr or ParameterReadIr or LocalEntryReadIr or PropertyReadIr { Scope: PropertyScope.Default }
            or BuiltinCallIr { Function: Builtin.MiScalarText or Builtin.MiScalarString or Builtin.MiScalarObject or Builtin.MiScalar or Builtin.MiSum });

    /// <summary>The headers and body arguments of an HTTP connector operation (callHttpConnector, httpConnectorRequest).</summary>
    private List<string> HttpConnectorRequestArguments(HttpConnectorCallStep http)
    {
        var arguments = new List<string>();
        if (http.Headers.Length > 0)
        {
            arguments.Add("headers = [" + string.Join(", ", http.Headers.Select(h => $"[{_expr.String(h.Name)}, {_expr.String(h.Value)}]")) + "]");
        }

        if (http.BodyType is { } bodyType)
        {
            arguments.Add($"bodyType = {BallerinaSyntax.StringLiteral(bodyType.ToString().ToUpperInvariant())}");
            arguments.Add($"body = {_expr.String(http.Body)}");
        }

        return arguments;
    }

    /// <summary>
    /// The arguments of callHttpConnector: the connection's client and base URL, the method and path, then what the
    /// operation sets; with <paramref name="request"/>, the local httpConnectorRequest returned in place of the headers and body.
    /// </summary>
    private string HttpConnectorArguments(HttpConnectorCallStep http, string? request = null)
    {
        var arguments = new List<string>
        {
            "ctx",
            _expr.Names[http.Connection.Name],
            _expr.Names[http.Connection.BaseUrl],
            BallerinaSyntax.StringLiteral(http.Method),
            _expr.String(http.RelativePath),
        };
        if (request is null)
        {
            arguments.AddRange(HttpConnectorRequestArguments(http));
        }
        else
        {
            arguments.Add($"request = {request}");
        }

        if (http.ResponseVariable is { } variable)
        {
            arguments.Add($"responseVariable = {BallerinaSyntax.StringLiteral(variable)}");
            if (http.OverwriteBody)
            {
                arguments.Add("overwriteBody = true");
            }
        }

        if (http.Connection.Suspension is { } suspension)
        {
            arguments.Add($"state = {_expr.Names[suspension.Name]}");
        }

        return string.Join(", ", arguments);
    }

    private string CallArguments(CallStep call, bool blocking = false)
    {
        var args = new List<string> { "ctx", _expr.Names[call.Client.Name] };
        if (call.Client.UrlTemplate is not null && call.Path is HttpPathIr.Template whole)
        {
            // The template is the whole URL: the client kept for its base URL, and the rest of it as the path.
            var endpoint = Local("urlClient");
            var path = Local("urlPath");
            var url = WithRestPostfix(whole, UriTemplateExpansion(whole.Parts));
            _out.Line($"[http:Client, string] [{endpoint}, {path}] = check urlTemplateClient({BallerinaSyntax.StringLiteral(_expr.Names[call.Client.Name])}, {url}, {_expr.Names[call.Client.Name]});");
            _modules.Use("http");
            args = ["ctx", endpoint, path];
            if (whole.Method is { } verb)
            {
                args.Add(BallerinaSyntax.StringLiteral(verb));
            }
        }
        else
        {
            AddPathArguments(call, args, _expr.Names[call.Client.UrlConfigurable]);
        }

        return FinishCallArguments(call, blocking, args) + CalloutArguments(call, blocking) + AddressingArguments(call, blocking) + HeaderArguments();
    }

    /// <summary>An out-only callout sends a clone: the runtime is told so with the endpoint's address, which its failure names.</summary>
    private string CalloutArguments(CallStep call, bool blocking) =>
        !blocking || !call.OutOnly || !call.Callout ? string.Empty
        : call.Client.UrlTemplate is { } template ? $", calloutUrl = {BallerinaSyntax.StringLiteral(template)}"
        : $", calloutUrl = {_expr.Names[call.Client.UrlConfigurable]}";

    /// <summary>
    /// The header pass-through Synapse does implicitly (TargetRequestFactory sends the message's transport headers,
    /// Authorization included), named at the call site: the runtime's <c>passThroughHeaders</c> is what
    /// <c>callEndpoint</c>, <c>callBlocking</c> and <c>callEndpointAddressed</c> use by default, so the argument changes
    /// nothing but what the code says (a group's <c>callGroup</c>, an endpoint-less <c>callAddress</c> and a forwarding
    /// processor's attempt name it the same way).
    /// </summary>
    private static string HeaderArguments() => ", headers = passThroughHeaders";

    /// <summary>An endpoint's enableAddressing on a non-blocking call: the version and the URL its wsa:To starts from (the path is joined to it).</summary>
    private string AddressingArguments(CallStep call, bool blocking)
    {
        if (blocking || call.Client.Addressing is not { } addressing)
        {
            return string.Empty;
        }

        var version = addressing switch
        {
            WsAddressingVersion.Final => "final",
            WsAddressingVersion.Submission => "submission",
            _ => "default",
        };
        return $", wsAddressing = {BallerinaSyntax.StringLiteral(version)}, wsaTo = {_expr.Names[call.Client.UrlConfigurable]}";
    }

    /// <summary>
    /// The path arguments of a call. A postfix is joined to the client's URL (<paramref name="clientUrl"/>) as Synapse
    /// joins an address and its REST postfix (the runtime's <c>clientPath</c>); a group joins it to each member's URL.
    /// </summary>
    private void AddPathArguments(CallStep call, List<string> args, string? clientUrl = null)
    {
        switch (call.Path)
        {
            case HttpPathIr.Postfix:
            {
                // Through an endpoint with format="rest" the postfix is appended whatever the request (restPostfix's format).
                var postfix = call.Client.Format == EndpointFormat.Rest ? "restPostfix(ctx, \"rest\")" : "restPostfix(ctx)";
                var path = _emptyPostfix ? "\"\"" : clientUrl is null ? postfix : $"clientPath({clientUrl}, {postfix})";
                // format="get": the payload's fields become the URL's query (formGetPath); a group adds them to each member's URL (callGroup).
                args.Add(call.Client.Format == EndpointFormat.Get && clientUrl is not null ? $"check formGetPath(ctx, {clientUrl}, {path})" : path);
                break;
            }

            case HttpPathIr.None:
                args.Add("\"\"");
                args.Add("\"POST\"");
                break;
            case HttpPathIr.Template template:
                args.Add(WithRestPostfix(template, UriTemplateExpansion(template.Parts)));
                if (template.Method is { } method)
                {
                    args.Add(BallerinaSyntax.StringLiteral(method));
                }

                break;
            default:
                throw new InvalidOperationException();
        }
    }

    /// <summary>An http endpoint's expanded uri-template, joined to the REST URL postfix when the endpoint appends it.</summary>
    private string WithRestPostfix(HttpPathIr.Template template, string expansion) =>
        template.AppendsPostfix && !_emptyPostfix ? $"withRestPostfix({expansion}, restPostfix(ctx))" : expansion;

    private static string FinishCallArguments(CallStep call, bool blocking, List<string> args)
    {
        if (call.Client.Format is { } format)
        {
            args.Add(format switch
            {
                EndpointFormat.Soap11 => "format = \"soap11\"",
                EndpointFormat.Soap12 => "format = \"soap12\"",
                EndpointFormat.Pox => "format = \"pox\"",
                EndpointFormat.Rest => "format = \"rest\"",
                EndpointFormat.Get => "format = \"get\"",
                _ => throw new InvalidOperationException($"Unhandled endpoint format {format}"),
            });
        }

        if (blocking && call.SoapAction is { } action)
        {
            args.Add($"soapAction = {BallerinaSyntax.StringLiteral(action)}");
        }

        if (blocking && call.Client.NonErrorStatusCodes.Length > 0)
        {
            args.Add($"nonErrorCodes = [{string.Join(", ", call.Client.NonErrorStatusCodes.Select(c => c.ToString(CultureInfo.InvariantCulture)))}]");
        }

        if (blocking && call.SoapFault)
        {
            args.Add("soapFault = true");
        }

        if (call.OutOnly && !blocking)
        {
            args.Add("outOnly = true");
        }
        else if (!blocking && call.Client.TimeoutFault && call.Client.Group is null)
        {
            args.Add("timeoutFault = true");
        }

        return string.Join(", ", args);
    }

    /// <summary>A uri-template variable's value: percent-encoded (<c>{x}</c>), reserved expansion (<c>{+x}</c>) or as it is.</summary>
    /// <summary>
    /// An http endpoint's uri-template expanded from the message's properties; with a variable in it, the template as
    /// written when the message holds no <c>uri.var.*</c> or <c>query.param.*</c> property at all, as
    /// HTTPEndpoint.resolveUrlTemplate returns it unexpanded when it binds no variable (<c>uriTemplateText</c>).
    /// </summary>
    private string UriTemplateExpansion(ImmutableArray<TemplatePart> parts)
    {
        static string? Unexpanded(TemplatePart part) => part switch
        {
            TemplatePart.Argument { UriVariable: { } variable } => variable,
            TemplatePart.Text { UriVariable: { } variable } => variable,
            _ => null,
        };

        var expansion = TemplateString(JoinTexts(parts), UriTemplateValue);
        if (!parts.Any(p => Unexpanded(p) is not null))
        {
            return expansion;
        }

        var written = JoinTexts(parts.Select(p => Unexpanded(p) is { } variable ? new TemplatePart.Text(variable) : p));
        return $"uriTemplateText(ctx, {expansion}, {TemplateString(written, UriTemplateValue)})";
    }

    /// <summary>
    /// Adjacent texts as one, so that text written across them (a literal <c>$</c> before an unexpanded <c>{x}</c>) is
    /// escaped as a whole (<c>${</c> is no interpolation); empty texts (an unbound variable's expansion) dropped.
    /// </summary>
    private static ImmutableArray<TemplatePart> JoinTexts(IEnumerable<TemplatePart> parts)
    {
        var joined = ImmutableArray.CreateBuilder<TemplatePart>();
        foreach (var part in parts)
        {
            if (part is TemplatePart.Text { Content: var content })
            {
                if (content.Length == 0)
                {
                    continue;
                }

                if (joined.Count > 0 && joined[^1] is TemplatePart.Text previous)
                {
                    joined[^1] = new TemplatePart.Text(previous.Content + content);
                    continue;
                }

                joined.Add(new TemplatePart.Text(content));
                continue;
            }

            joined.Add(part);
        }

        return joined.ToImmutable();
    }

    private string UriTemplateValue(TemplatePart.Argument part) =>
        part.Reserved ? $"check reservedValue({_expr.String(part.Value)})"
        : part.Raw ? _expr.String(part.Value)
        : $"check pathValue({_expr.String(part.Value)})";

    /// <summary>A string expression for the parts: a literal when there are no arguments, else a string template.</summary>
    private static string TemplateString(ImmutableArray<TemplatePart> parts, Func<TemplatePart.Argument, string> argument) =>
        parts.All(p => p is TemplatePart.Text)
            ? BallerinaSyntax.StringLiteral(string.Concat(parts.Cast<TemplatePart.Text>().Select(t => t.Content)))
            : Template("string", parts, argument);

    /// <summary>
    /// A payloadFactory's text as a string: its line breaks written as they are (the statement is written verbatim), and
    /// trimmed at run time when an end is an argument (PayloadFactoryMediator trims the result; Lowering trimmed the
    /// literal ends) with the runtime's javaTrim: Java's trim removes every character up to U+0020, string:trim only the
    /// ASCII white space.
    /// </summary>
    private static string PayloadText(ImmutableArray<TemplatePart> parts, Func<TemplatePart.Argument, string> argument)
    {
        if (parts.All(p => p is TemplatePart.Text))
        {
            return BallerinaSyntax.StringLiteral(string.Concat(parts.Cast<TemplatePart.Text>().Select(t => t.Content)));
        }

        var text = Template("string", parts, argument, lineBreaks: true);
        return parts[0] is TemplatePart.Argument || parts[^1] is TemplatePart.Argument ? $"javaTrim({text})" : text;
    }

    /// <summary>A backtick template of the given kind (<c>string</c> or <c>xml</c>); <paramref name="lineBreaks"/> keeps a string's line feeds as they are.</summary>
    private static string Template(string kind, ImmutableArray<TemplatePart> parts, Func<TemplatePart.Argument, string> argument, bool lineBreaks = false)
    {
        var xml = kind == "xml";
        var builder = new StringBuilder(kind).Append(" `");
        foreach (var part in parts)
        {
            switch (part)
            {
                case TemplatePart.Text text:
                    builder.Append(xml ? BallerinaSyntax.TemplateText(text.Content, keepLineBreaks: true) : BallerinaSyntax.TemplateText(text.Content, keepLineFeeds: lineBreaks));
                    break;
                case TemplatePart.Argument arg:
                    builder.Append("${").Append(argument(arg)).Append('}');
                    break;
            }
        }

        return builder.Append('`').ToString();
    }

    private void SetPayload(SetPayloadStep payload)
    {
        switch (payload.Kind)
        {
            case PayloadKind.Json when payload.Json is { } tree && _expr.PayloadTypes[payload] is { } type:
            {
                // A fixed shape: built as its record, then the payload is that value as JSON (members in template order).
                var local = Local(type.Local);
                _out.Line($"{type.Record.Name} {local} = {JsonLiteralWriter.Write(tree, _expr, record: true)};");
                _out.Line($"setJsonPayload(ctx, {local}.toJson());");
                break;
            }

            case PayloadKind.Json when payload.Json is { } jsonTree:
                _out.Line($"setJsonPayload(ctx, {JsonLiteralWriter.Write(jsonTree, _expr)});");
                break;
            case PayloadKind.Json:
                // Not a JSON value the converter can build (a repeated member name, a slot in a name, text that is no
                // JSON until its arguments are in): the text is the body as it is, as PayloadFactoryMediator sets it
                // as the JSON stream without parsing it.
                _out.Verbatim($"check setJsonText(ctx, {PayloadText(payload.Template, arg => $"jsonArg({_expr.String(arg.Value)})")});");
                break;
            case PayloadKind.Xml when payload.Xml is { } tree:
                _out.Verbatim($"setXmlPayload(ctx, {XmlLiteralWriter.Write(tree, _expr.String)});");
                break;
            case PayloadKind.Xml:
                _out.Verbatim($"setXmlPayload(ctx, {Template("xml", payload.Template, arg => arg.InAttribute || !arg.Raw ? _expr.String(arg.Value) : $"{XmlLiteralWriter.ArgFunction(arg.Value)}({_expr.String(arg.Value)})")});");
                break;
            case PayloadKind.Text:
                _out.Verbatim($"setTextPayload(ctx, {PayloadText(payload.Template, arg => _expr.String(arg.Value))});");
                break;
            default:
                throw new InvalidOperationException();
        }
    }

    private void Switch(SwitchStep choice)
    {
        if (choice.Cases.Length == 0)
        {
            Block(choice.Default);
            return;
        }

        // A source that is a local or parameter already (a property local, a path parameter) is tested as it is: no
        // case body runs before every test before it has been made, so the tests read the value the switch started with.
        // Cases at the end that write nothing (Silent) are left out with a default that writes nothing: no empty
        // branch. Their tests cannot fail in the Micro Integrator (SwitchMediatorFactory.createSpecificMediator
        // compiles each case's regex when the artifact is deployed). With none left the source is still evaluated
        // when that can fail, as the switch mediator's evaluation fails the flow.
        var silentDefault = Silent(choice.Default);
        var count = choice.Cases.Length;
        while (silentDefault && count > 0 && Silent(choice.Cases[count - 1].Steps))
        {
            count--;
        }

        var source = Tested(() => _expr.String(choice.Source));
        if (count == 0 && silentDefault)
        {
            if (!FailureScan.IsInert(source))
            {
                _out.Line($"_ = {source};");
            }

            return;
        }

        var local = PlainIdentifier().IsMatch(source) ? source : SameAsPreviousSet(choice.Source, source);
        if (local is null)
        {
            local = Local("route");
            _out.Line($"string {local} = {source};");
        }

        for (var i = 0; i < count; i++)
        {
            var pattern = choice.Cases[i].Pattern;
            var test = ExpressionWriter.LiteralText(pattern) is { } text
                ? $"{local} == {BallerinaSyntax.StringLiteral(text)}"
                : $"check matches({local}, {BallerinaSyntax.StringLiteral(pattern)})";
            if (i == 0)
            {
                _out.Open($"if {test} {{");
            }
            else
            {
                _out.Continue($"}} else if {test} {{");
            }

            if (choice.Cases[i].Steps.Length > 0 && Silent(choice.Cases[i].Steps))
            {
                // A case before others that only sets properties nothing reads: it still stops the later tests.
                _out.Line("// Nothing to do: this case only sets properties nothing reads.");
            }

            Block(choice.Cases[i].Steps);
        }

        if (!silentDefault)
        {
            _out.Continue("} else {");
            Block(choice.Default);
        }

        _out.Close();
    }

    private void Direction(DirectionStep direction)
    {
        if (direction.Request.Length > 0)
        {
            _out.Open("if !ctx.isResponse {");
            Block(direction.Request);
            if (direction.Response.Length > 0)
            {
                _out.Continue("} else {");
                Block(direction.Response);
            }

            _out.Close();
        }
        else if (direction.Response.Length > 0)
        {
            _out.Open("if ctx.isResponse {");
            Block(direction.Response);
            _out.Close();
        }
    }
}
