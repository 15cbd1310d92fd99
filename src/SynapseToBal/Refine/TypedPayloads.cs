using System.Collections.Immutable;
using SynapseToBal.IR;

namespace SynapseToBal.Refine;

/// <summary>
/// Which API resources take their body as a typed payload parameter (<c>--typed-payloads</c>, issue 14;
/// docs/design.md "Typed resource parameters"). A payload parameter makes the listener bind the body before the
/// resource runs, and answer 400 for a body it cannot bind, where the Micro Integrator runs the flow (json-eval reads an XML or text body converted) or, for malformed JSON, its fault flow: the option
/// is the developer's acceptance of that difference. Beyond it the resource must behave as without the parameter, so
/// it qualifies only when what its flow can do with the received body is read it as JSON (json-eval, <c>${payload.x}</c>,
/// a payloadFactory's json-eval arguments, a JSON validate of the whole payload) or replace it (a payloadFactory),
/// and nothing can read it another way or pass the received message on before it is replaced: the context then
/// starts from the bound value (<c>newContext</c>'s <c>boundPayload</c>), the state the runtime is in after its
/// first JSON read of a JSON body.
/// </summary>
/// <remarks>
/// The analysis is a whitelist, so that what it does not know never qualifies: the steps that leave the body alone
/// (property, variable and header sets whose values are literals, properties, headers or JSON paths; logs of such
/// values and of the payload, which the generated log prints parsed, <c>payloadText</c>, as after a JSON read; the
/// default fault sequence's log; comments), branches whose conditions read only such values, the sequences the flow invokes or continues
/// with (analysed the same way), a JSON validate, a payloadFactory (which replaces the body: what follows it is free)
/// a datamapper of JSON input (which reads the body as JSON and replaces it; when it is the body's first read, in the
/// resource's own flow, the parameter is its input record: <see cref="TypedPayload.Record"/>)
/// and the steps that end the flow without passing the message on (a drop, a failure). Anything else while the
/// received body may still be the message (a respond, a call, a send, a store, a clone, an enrich, an XPath, a TODO,
/// <c>json-eval($)</c>, which gives the received text) leaves the resource as it was. The fault flow
/// runs on the message as it was when the failure happened, so it is analysed from the received body too.
/// Only API resources of a method that carries an entity (POST, PUT, PATCH) qualify, and only those the http module
/// dispatches to the one Synapse resource with no check of its own before the flow (no query of the uri-template, no
/// literal text around a variable, no content-type or user-agent filter, no resource tried after it): the listener
/// binds the body before any of them, so a request they would refuse would get the binding's 400 instead.
/// </remarks>
public static class TypedPayloadAnalysis
{
    /// <summary>The API resources that qualify, each with the name of its payload parameter.</summary>
    /// <param name="inlined">The fault and out flows the refiner inlined (a resource's fault flow may be one).</param>
    /// <param name="name">The parameter's name for a resource that qualifies (clear of its path parameters and locals).</param>
    public static TypedPayloads Analyze(PackageIr package, IReadOnlyDictionary<Symbol, FunctionIr> inlined, Func<ResourceIr, string> name)
    {
        var functions = new Dictionary<Symbol, FunctionIr>();
        foreach (var function in package.Functions)
        {
            functions.TryAdd(function.Name, function);
        }

        foreach (var (symbol, function) in inlined)
        {
            functions.TryAdd(symbol, function);
        }

        var typed = new Dictionary<(object Origin, string Accessor), TypedPayload>();
        foreach (var service in package.Services.Where(s => s.Kind == ServiceKind.Api))
        {
            var tried = service.Resources.Select(r => (object?)r.AlternativeOf).OfType<object>().ToHashSet();
            foreach (var resource in service.Resources)
            {
                var walk = new Walk(functions);
                if (Qualifies(resource, tried, walk))
                {
                    // The body's first read, a datamapper of JSON input in the resource's own flow (not a branch or a
                    // sequence it runs): the parameter is the mapping's input record, which the mapping reads directly.
                    var mapper = walk.FirstRead is DataMapperStep { Mapping.InputFormat: DataFormat.Json } first && resource.Body.Any(s => ReferenceEquals(s, first)) ? first : null;
                    typed[(resource.Origin, resource.Accessor)] = new TypedPayload(name(resource), mapper?.Mapping.Input, mapper?.Origin);
                }
            }
        }

        return new TypedPayloads(typed);
    }

    /// <summary>The methods whose requests carry an entity the http module binds (its spec's default payload rules name these, DELETE aside).</summary>
    public static readonly IReadOnlySet<string> EntityMethods = new HashSet<string>(StringComparer.Ordinal) { "post", "put", "patch" };

    private static bool Qualifies(ResourceIr resource, HashSet<object> tried, Walk analysis)
    {
        if (resource.Skipped is not null || !EntityMethods.Contains(resource.Accessor) || resource.AlternativeOf is not null
            || tried.Contains(resource.Origin) || resource.QueryPattern is not null || resource.Filter is not null || resource.FullRequestPath)
        {
            return false;
        }

        if (resource.Path.Any(s => s is PathSegmentIr.Param { Prefix.Length: > 0 } or PathSegmentIr.Param { Suffix.Length: > 0 } or PathSegmentIr.Param { Unbound: true } or PathSegmentIr.Rest { NeedsSlash: true }))
        {
            return false;
        }

        // The flow must touch the body (else nothing needs it bound), and neither it nor its fault flow may do what the
        // bound value cannot stand for.
        var state = analysis.Body(resource.Body, []);
        if (state == BodyState.Passed || !analysis.Touched)
        {
            return false;
        }

        return resource.FaultFunction is not { } fault || analysis.Function(fault, []) != BodyState.Passed;
    }

    /// <summary>What a flow has done with the received body at a point.</summary>
    internal enum BodyState
    {
        /// <summary>The received body may still be the message, and nothing has used it but as JSON.</summary>
        Received,

        /// <summary>The body was replaced, or the flow ended without passing it on: what follows is free.</summary>
        Done,

        /// <summary>Something may have read it another way, passed it on, or is not known.</summary>
        Passed,
    }

    private sealed class Walk(IReadOnlyDictionary<Symbol, FunctionIr> functions)
    {
        /// <summary>Some step read the body as JSON or replaced it.</summary>
        public bool Touched => FirstRead is not null;

        /// <summary>The first step that read the body as JSON or replaced it (the step a nested read is in: a filter, an invoke).</summary>
        public StepIr? FirstRead { get; private set; }

        /// <summary>The step being analysed, outermost first: what a read found in its expressions is noted against.</summary>
        private StepIr? _current;

        private void Touch() => FirstRead ??= _current;

        public BodyState Function(Symbol symbol, ImmutableHashSet<Symbol> active)
        {
            if (active.Contains(symbol) || !functions.TryGetValue(symbol, out var function))
            {
                return BodyState.Passed;
            }

            var state = Body(function.Body, active.Add(symbol));
            return state == BodyState.Passed || function.FaultFunction is not { } fault ? state
                : Function(fault, active.Add(symbol)) == BodyState.Passed ? BodyState.Passed : state;
        }

        public BodyState Body(ImmutableArray<StepIr> steps, ImmutableHashSet<Symbol> active)
        {
            foreach (var step in steps)
            {
                var state = Step(step, active);
                if (state != BodyState.Received)
                {
                    return state;
                }
            }

            return BodyState.Received;
        }

        private BodyState Step(StepIr step, ImmutableHashSet<Symbol> active)
        {
            const BodyState received = BodyState.Received;
            const BodyState done = BodyState.Done;
            const BodyState passed = BodyState.Passed;
            _current = step;
            switch (step)
            {
                case CommentStep or MarkResponseStep or RemovePropertyStep or RemoveVariableStep or RemoveHeaderStep:
                    return received;
                case DefaultFaultLogStep:
                    // The default fault sequence's log prints the parsed payload (payloadText): the bound value's JSON text.
                    return received;
                case LogStep:
                    // A log of the payload prints it parsed (payloadText), as it prints a JSON body after a JSON read.
                    return Reads(IrWalker.Expressions(step)) ? received : passed;
                case SetPropertyStep or SetVariableStep or SetHeaderStep:
                    return Reads(IrWalker.Expressions(step)) ? received : passed;
                case SetPayloadStep:
                    // The arguments are read from the received body, then the template replaces it.
                    if (!Reads(IrWalker.Expressions(step)))
                    {
                        return passed;
                    }

                    Touch();
                    return done;
                case DataMapperStep { Mapping.InputFormat: DataFormat.Json }:
                    // The mapping reads the body as JSON (cloneWithType to its input record), then replaces it.
                    Touch();
                    return done;
                case JsonValidateStep validate:
                    if (!Reads(IrWalker.Expressions(step)))
                    {
                        return passed;
                    }

                    Touch();
                    return Merge([received, Body(validate.OnFail, active)]);
                case IfStep branch:
                    return !Reads(IrWalker.Expressions(branch.Condition)) || IrWalker.Conditions(branch.Condition).Any(c => c is not (CompareIr or NonEmptyIr or StringTestIr or RegexMatchIr or BooleanValueIr or BoolLiteralIr or AndIr or OrIr or NotIr))
                        ? passed
                        : Merge([Body(branch.Then, active), Body(branch.Else, active)]);
                case SwitchStep choice:
                    return !Reads([choice.Source]) ? passed : Merge([.. choice.Cases.Select(c => Body(c.Steps, active)), Body(choice.Default, active)]);
                case InvokeStep invoke:
                    return !Reads(invoke.Arguments.Select(a => a.Value)) ? passed : Function(invoke.Function, active);
                case ContinueWithStep { Function: { } next, ThroughResource: false }:
                    var continued = Function(next, active);
                    // The flow ends with the function: a received body it leaves alone goes nowhere.
                    return continued == received ? done : continued;
                case AcceptStep { AfterBackendFailure: false }:
                case FailStep:
                    return Reads(IrWalker.Expressions(step)) ? done : passed;
                default:
                    return passed;
            }
        }

        private static BodyState Merge(IEnumerable<BodyState> branches)
        {
            var states = branches.ToList();
            return states.Contains(BodyState.Passed) ? BodyState.Passed
                : states.Contains(BodyState.Received) ? BodyState.Received
                : BodyState.Done;
        }

        /// <summary>The expressions read nothing of the body but JSON paths into it (noting that they read it), nor anything unknown.</summary>
        private bool Reads(IEnumerable<ExprIr> expressions)
        {
            foreach (var part in expressions.SelectMany(IrWalker.Descendants))
            {
                switch (part)
                {
                    case JsonEvalIr json when json.Path.Trim() is not ("$" or "$."):
                        Touch();
                        break;
                    case StringLiteralIr or NumberLiteralIr or BooleanLiteralIr or LocalEntryReadIr or PropertyReadIr or VariableReadIr
                        or ParameterReadIr or HeaderReadIr or ConcatIr or ConfigurableReadIr or ArithmeticIr:
                        break;
                    case SystemValueIr { Value: SystemValue.Time or SystemValue.MessageId or SystemValue.To or SystemValue.Action or SystemValue.MessageFormat or SystemValue.OperationName or SystemValue.ServerIp or SystemValue.ServerHost }:
                        break;
                    default:
                        return false;
                }
            }

            return true;
        }
    }
}

/// <summary>
/// The API resources that take their body as a payload parameter (<see cref="TypedPayloadAnalysis"/>), by the Synapse
/// resource and the method (the emitter's later rewrites of a resource keep both).
/// </summary>
public sealed class TypedPayloads
{
    private readonly Dictionary<(object Origin, string Accessor), TypedPayload> _parameters;

    internal TypedPayloads(Dictionary<(object Origin, string Accessor), TypedPayload> parameters) => _parameters = parameters;

    /// <summary>None (the default: every resource takes <c>http:Request</c> only).</summary>
    public static TypedPayloads Empty { get; } = new([]);

    /// <summary>The name of the resource's payload parameter, or null when it takes none.</summary>
    public string? this[ResourceIr resource] => Parameter(resource)?.Name;

    /// <summary>The resource's payload parameter, or null when it takes none.</summary>
    public TypedPayload? Parameter(ResourceIr resource) => _parameters.GetValueOrDefault((resource.Origin, resource.Accessor));

    /// <summary>The payload parameter of a Synapse resource and method of <see cref="Resources"/>.</summary>
    public TypedPayload? Of((object Origin, string Accessor) resource) => _parameters.GetValueOrDefault(resource);

    /// <summary>The Synapse resources and methods that take one.</summary>
    public IEnumerable<(object Origin, string Accessor)> Resources => _parameters.Keys;

    /// <summary>True when no resource takes one.</summary>
    public bool IsEmpty => _parameters.Count == 0;
}

/// <summary>A resource's payload parameter.</summary>
/// <param name="Name">The parameter's name.</param>
/// <param name="Record">
/// The input record of the datamapper that is the body's first read, in the resource's own flow, whose mapping reads the
/// parameter directly; null for <c>json</c>. The listener binds it with data.jsondata's <c>parseAsType</c>
/// (<c>JsonToRecordConverter</c>), which walks the received members in order, converts a basic value with
/// <c>ValueUtils.convert</c> and puts the others in the rest fields: the value the mapping's
/// <c>cloneWithType</c> of the parsed body gives.
/// </param>
/// <param name="Mapper">That datamapper, by its step's origin (the element, compared by reference; null for <c>json</c>).</param>
public sealed record TypedPayload(string Name, Symbol? Record, object? Mapper);
