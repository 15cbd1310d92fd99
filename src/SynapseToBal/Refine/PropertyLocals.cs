using System.Collections;
using System.Collections.Immutable;
using System.Text.RegularExpressions;
using SynapseToBal.IR;

namespace SynapseToBal.Refine;

/// <summary>A default-scope property written as a Ballerina local of one body: its identifier and its type.</summary>
/// <param name="Alias">The property only ever holds the value of a parameter (set once, first, from it): reads are the parameter and the set writes nothing.</param>
/// <param name="Hoisted">A string property first set inside a branch (or read before it is set): declared <c>""</c> at the top of the body, as get-property reads a missing property.</param>
/// <param name="Kind">The value's type; null for a value stored as it is (enrich into a property): <c>anydata</c>, as the context holds it.</param>
/// <param name="Unread">Nothing reads the property (set only): no local is declared; a set whose value cannot fail writes nothing, one whose value can is evaluated for its failure alone (<c>_ = check ...;</c>).</param>
public sealed record PropertyLocal(string Name, ValueKind? Kind, bool Alias = false, bool Hoisted = false, bool Unread = false)
{
    /// <summary>The Ballerina type of the local.</summary>
    public string TypeName => Kind switch
    {
        ValueKind.Integer => "int",
        ValueKind.Boolean => "boolean",
        ValueKind.Float => "float",
        ValueKind.String => "string",
        ValueKind.Xml => "xml",
        ValueKind.Json => "json",
        null => "anydata",
        _ => throw new InvalidOperationException($"No local of kind {Kind}."),
    };
}

/// <summary>The properties of one body (a resource or a function) that are typed locals, and the steps that declare them.</summary>
public sealed class BodyLocals
{
    private readonly Dictionary<string, PropertyLocal> _byProperty;
    private readonly HashSet<StepIr> _declarations;

    internal BodyLocals(Dictionary<string, PropertyLocal> byProperty, HashSet<StepIr> declarations)
    {
        _byProperty = byProperty;
        _declarations = declarations;
    }

    public static BodyLocals None { get; } = new(new Dictionary<string, PropertyLocal>(StringComparer.Ordinal), new HashSet<StepIr>(ReferenceEqualityComparer.Instance));

    /// <summary>The identifiers of the locals, for the writers' own locals to keep clear of.</summary>
    public IEnumerable<string> Names => _byProperty.Values.Where(l => !l.Unread).Select(l => l.Name.TrimStart('\''));

    /// <summary>The local a default-scope property of this body is, or null when it stays in the context.</summary>
    public PropertyLocal? this[string property] => _byProperty.GetValueOrDefault(property);

    /// <summary>The steps that declare a local (by identity).</summary>
    internal IEnumerable<StepIr> Declarations => _declarations;

    /// <summary>True when this step (by identity) is the one that declares its property's local.</summary>
    public bool Declares(StepIr step) => _declarations.Contains(step);

    /// <summary>Every property of the body that is a local, with its local, in the order the analysis recorded them.</summary>
    public IEnumerable<KeyValuePair<string, PropertyLocal>> Entries => _byProperty;

    /// <summary>The locals declared at the top of the body (<see cref="PropertyLocal.Hoisted"/>), in order of first use; an unread one is not declared.</summary>
    public IEnumerable<PropertyLocal> Hoisted => _byProperty.Values.Where(l => l.Hoisted && !l.Unread);
}

/// <summary>The typed locals of every body of a package (by the identity of its <see cref="ResourceIr"/> or <see cref="FunctionIr"/>).</summary>
public sealed class PropertyLocals
{
    private readonly Dictionary<object, BodyLocals> _bodies;

    internal PropertyLocals(Dictionary<object, BodyLocals> bodies) => _bodies = bodies;

    public static PropertyLocals Empty { get; } = new(new Dictionary<object, BodyLocals>(ReferenceEqualityComparer.Instance));

    /// <summary>
    /// Every module-level identifier of the package, which a local a writer adds (<c>StatementWriter</c>'s repeated
    /// reads) keeps clear of as the property locals do; null when the analysis did not run (then no such local is added).
    /// </summary>
    public IReadOnlySet<string>? ModuleNames { get; init; }

    /// <summary>
    /// Per JMS inbound endpoint (by identity), the parameters it need not set as properties because nothing that runs on
    /// its messages may read them (<see cref="PropertyLocalAnalysis"/>'s <c>UnreadInboundParameters</c>).
    /// </summary>
    public IReadOnlyDictionary<InboundIr, ImmutableArray<string>> UnreadInboundParameters { get; init; } = new Dictionary<InboundIr, ImmutableArray<string>>();

    /// <summary>
    /// The sets of properties nothing reads whose value certainly writes nothing (<see cref="PropertyLocalAnalysis"/>'s
    /// DroppedValue): a configurable only they name is read by nothing (<see cref="BallerinaRefiner"/> leaves it out).
    /// </summary>
    internal IReadOnlySet<StepIr> DroppedSets { get; init; } = new HashSet<StepIr>();

    /// <summary>The locals of a resource or function (by identity); <see cref="BodyLocals.None"/> when it has none.</summary>
    public BodyLocals For(object body) => _bodies.GetValueOrDefault(body) ?? BodyLocals.None;
}

/// <summary>
/// Escape analysis of default-scope properties (issue 14): a property becomes a typed Ballerina local of one body
/// (a resource or a function) when the IR proves that nothing but that body can see it. See docs/design.md,
/// "Properties as typed locals", for the rules; when in doubt the property stays in <c>ctx.properties</c>.
/// </summary>
public static partial class PropertyLocalAnalysis
{
    /// <summary>Identifiers the writers give a meaning to inside a body (their own locals, a predicate's parameter).</summary>
    internal static readonly string[] WriterLocals = ["request", "ctx", "reply", "e", "xpathContext", "root", "messages", "message", "running", "started", "branch", "finished", "active", "attempts", "handled", "result"];

    /// <param name="moduleNames">Every module-level identifier of the package (locals keep clear of them).</param>
    /// <param name="names">The names the refiner gave the symbols (parameters of the bodies).</param>
    /// <param name="record">The typed <c>Properties</c> record of the properties that stay in the context (<see cref="RecordOf"/>).</param>
    internal static PropertyLocals Analyze(PackageIr package, IReadOnlySet<string> moduleNames, IReadOnlyDictionary<Symbol, string> names, out PropertyRecord record)
    {
        var bodies = BodiesOf(package);

        // What every body says about properties, and what the rest of the package (everything outside the bodies) does.
        var facts = bodies.Select(b => Facts.Of(b.Steps)).ToList();
        var outside = new Facts();
        outside.Collect(package with { Services = [], Functions = [], Inbounds = package.Inbounds.Where(i => i.Transport is not InboundTransportIr.Http).ToImmutableArray() }, contains: false);
        foreach (var inbound in package.Inbounds)
        {
            if (inbound.Transport is InboundTransportIr.Http http)
            {
                outside.Collect(http with { Resource = http.Resource with { Body = [] } }, contains: false);
            }
        }

        // An artifact left as a TODO (a proxy, sequence, endpoint, store, ...) is a node of the graph: its XML is what
        // it does with properties, and it shares a context with the bodies that name it or that it names.
        var pending = package.Pending.Concat(package.PendingEndpoints).Concat(package.PendingStores).ToList();
        foreach (var artifact in pending)
        {
            var text = new Facts { HasTodo = true };
            text.Collect(artifact.RawXml ?? artifact.Origin.RawXml, contains: true);
            facts.Add(text);
        }

        // Something outside the bodies and artifacts that may read any property keeps every property in the context.
        if (outside.Wildcard)
        {
            record = RecordOf(package, bodies.Select(b => b.Node).ToList(), facts, outside, PropertyLocals.Empty);
            return PropertyLocals.Empty;
        }

        // A body's properties may be seen by the bodies that run on the same context: the functions it calls, its
        // callers and what they call (ContextGraph). Code that may read any property (a TODO for a class or script,
        // a computed property name) keeps the properties of every body sharing its context there; a mention in a
        // body that never runs on this context (another resource, a sequence only other flows call) does not count.
        var graph = BuildGraph(package, bodies, pending, facts);
        var result = new Dictionary<object, BodyLocals>(ReferenceEqualityComparer.Instance);
        var droppedSets = new HashSet<StepIr>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < bodies.Count; i++)
        {
            var body = bodies[i];
            var sharing = graph.Sharing(i);
            if (sharing.Any(j => facts[j].Wildcard))
            {
                continue;
            }

            // Read lazily by each candidate's test, in the order a list of them had (outside first): most bodies have
            // no candidate, and building the list per body was quadratic in a package whose bodies share contexts.
            var index = i;
            var elsewhere = sharing.Where(j => j != index).Select(j => facts[j]).Prepend(outside);
            var locals = Locals(body, facts[i], elsewhere, moduleNames, names);
            if (UnreadFlags(body, facts[i], elsewhere) is { Count: > 0 } flags)
            {
                locals = Merge(locals, flags);
            }

            foreach (var (property, local) in locals?.Entries ?? [])
            {
                if (local.Unread)
                {
                    droppedSets.UnionWith(facts[i].Sets[property].Where(set => set is SetPropertyStep { Scope: PropertyScope.Default, Value: var value } && DroppedValue(value)));
                }
            }

            if (locals is not null)
            {
                result[body.Node] = locals;
            }
        }

        var packageLocals = new PropertyLocals(result)
        {
            ModuleNames = new HashSet<string>(moduleNames, StringComparer.Ordinal),
            UnreadInboundParameters = UnreadInboundParameters(package, graph, facts),
            DroppedSets = droppedSets,
        };
        record = RecordOf(package, bodies.Select(b => b.Node).ToList(), facts, outside, packageLocals);
        return packageLocals;
    }

    /// <summary>
    /// The parameters of each JMS inbound endpoint that nothing running on its messages may read (issue 14, "No dead
    /// code"). JMSInjectHandler.invoke sets every parameter of the endpoint as a default-scope property of each message
    /// it injects; Synapse reads none of them by those names, only the mediators a project writes do. So a parameter is
    /// not set when no body the listener's context reaches (its sequence, its error sequence and what they run) reads or
    /// names it, and it is no name Synapse or the runtime give a meaning to (<see cref="SystemProperties.Names"/>). Every
    /// parameter stays when one of those bodies holds a TODO or an artifact left as one (code written for it may read
    /// any property), stores the message (the stored copy carries its properties) or reads a property by a computed
    /// name. A parameter held by a configurable goes the same way: a configurable nothing else reads (a secret made only
    /// for the property) is then not declared (<see cref="BallerinaRefiner"/>), so Config.toml asks for no value nothing uses.
    /// </summary>
    private static Dictionary<InboundIr, ImmutableArray<string>> UnreadInboundParameters(PackageIr package, ContextGraph graph, List<Facts> facts)
    {
        var result = new Dictionary<InboundIr, ImmutableArray<string>>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < package.Inbounds.Length; i++)
        {
            var inbound = package.Inbounds[i];
            if (inbound.Properties is not { Parameters.Length: > 0 } properties)
            {
                continue;
            }

            var reached = graph.ReachedFromRoot(i).Select(n => facts[n]).ToList();
            if (reached.Any(f => f.Wildcard || f.HasTodo || f.Stores))
            {
                continue;
            }

            var unread = ImmutableArray.CreateBuilder<string>();
            foreach (var parameter in properties.Parameters)
            {
                // uri.var.* and query.param.* properties are read by name by an http endpoint's uri-template
                // (HTTPEndpoint.resolveUrlTemplate): that one is set decides whether the template is expanded at all.
                if (SystemProperties.Names.Contains(parameter.Name)
                    || parameter.Name.StartsWith("uri.var.", StringComparison.Ordinal) || parameter.Name.StartsWith("query.param.", StringComparison.Ordinal)
                    || reached.Any(f => f.Reads.Contains(parameter.Name) || f.FallbackReads.Contains(parameter.Name) || f.ValueReads.Contains(parameter.Name) || f.Mentioned(parameter.Name)))
                {
                    continue;
                }

                unread.Add(parameter.Name);
            }

            if (unread.Count > 0)
            {
                result[inbound] = unread.ToImmutable();
            }
        }

        return result;
    }

    /// <summary>The bodies of a package the analysis looks at: its resources (an HTTP inbound listener's too) and functions.</summary>
    internal static List<Body> BodiesOf(PackageIr package)
    {
        var bodies = new List<Body>();
        foreach (var resource in package.Services.SelectMany(s => s.Resources).Where(r => r.Skipped is null))
        {
            bodies.Add(new Body(resource, resource.Body, false, ResourceParameters(resource)));
        }

        foreach (var inbound in package.Inbounds)
        {
            if (inbound.Transport is InboundTransportIr.Http http && http.Resource.Skipped is null)
            {
                bodies.Add(new Body(http.Resource, http.Resource.Body, false, ResourceParameters(http.Resource)));
            }
        }

        foreach (var function in package.Functions)
        {
            bodies.Add(new Body(function, function.Body, true, function.Parameters.Select(p => p.Name)));
        }

        return bodies;
    }

    /// <summary>
    /// The context graph of a package (<see cref="ContextGraph"/>) and its body nodes (each a <see cref="ResourceIr"/>
    /// or <see cref="FunctionIr"/>, by index), as this analysis builds it, for another refining pass that asks which
    /// bodies share a message context.
    /// </summary>
    internal static (ContextGraph Graph, IReadOnlyList<object> Bodies) ContextGraphOf(PackageIr package)
    {
        var bodies = BodiesOf(package);
        var facts = bodies.Select(b => Facts.Of(b.Steps)).ToList();
        var pending = package.Pending.Concat(package.PendingEndpoints).Concat(package.PendingStores).ToList();
        foreach (var artifact in pending)
        {
            var text = new Facts { HasTodo = true };
            text.Collect(artifact.RawXml ?? artifact.Origin.RawXml, contains: true);
            facts.Add(text);
        }

        return (BuildGraph(package, bodies, pending, facts), bodies.Select(b => b.Node).ToList());
    }

    /// <summary>The call graph of the bodies, with the parts outside them that run functions on a context they create.</summary>
    private static ContextGraph BuildGraph(PackageIr package, List<Body> bodies, List<PendingArtifactIr> pending, List<Facts> facts)
    {
        var nodes = bodies.Select(b => b.Node).Concat(pending).ToList();
        var named = pending.Select((p, i) => (p.Origin.Name, bodies.Count + i)).ToList();
        var functions = new Dictionary<Symbol, int>();
        for (var i = 0; i < bodies.Count; i++)
        {
            if (bodies[i].Node is FunctionIr function)
            {
                functions.TryAdd(function.Name, i);
            }
        }

        var roots = new List<object>();
        roots.AddRange(package.Inbounds);
        roots.AddRange(package.Jobs);
        var processors = new HashSet<int>();
        foreach (var processor in package.MessageProcessors)
        {
            processors.Add(roots.Count);
            roots.Add(processor);
        }

        roots.Add(package with { Services = [], Functions = [], Inbounds = [], Jobs = [], MessageProcessors = [], Symbols = [] });
        var pendingStores = Enumerable.Range(bodies.Count + package.Pending.Length + package.PendingEndpoints.Length, package.PendingStores.Length).ToHashSet();
        return new ContextGraph(nodes, functions, named, facts.Select(f => (IReadOnlyList<string>)f.Texts).ToList(), roots, processors, pendingStores);
    }

    private static IEnumerable<Symbol> ResourceParameters(ResourceIr resource) => resource.Path.Select(segment => segment switch
    {
        PathSegmentIr.Param p => p.Parameter,
        PathSegmentIr.Rest r => r.Parameter,
        _ => null,
    }).OfType<Symbol>();

    private static BodyLocals? Locals(Body body, Facts facts, IEnumerable<Facts> elsewhere, IReadOnlySet<string> moduleNames, IReadOnlyDictionary<Symbol, string> names)
    {
        var chosen = new Dictionary<string, PropertyLocal>(StringComparer.Ordinal);
        var declarations = new HashSet<StepIr>(ReferenceEqualityComparer.Instance);
        var used = new HashSet<string>(WriterLocals, StringComparer.Ordinal);
        used.UnionWith(body.Parameters.Select(p => names.TryGetValue(p, out var n) ? n.TrimStart('\'') : string.Empty));
        foreach (var (property, first) in facts.FirstMention)
        {
            if (!IsCandidate(property, body, facts, elsewhere, first, out var kind, out var hoisted))
            {
                continue;
            }

            if (!hoisted && facts.Sets[property].Count() == 1 && first is SetPropertyStep { Value: ParameterReadIr parameter } && names.TryGetValue(parameter.Parameter, out var parameterName))
            {
                chosen[property] = new PropertyLocal(parameterName, ValueKind.String, Alias: true);
                continue;
            }

            // Set and never read (the analysis already proved nothing else sharing the context sees it): the set had
            // no effect in the Micro Integrator either, so it needs no local and no name. Its value is evaluated for
            // its effect and failure alone when it has any (`_ = check jsonPathMoved(...)`, StatementWriter.Unread);
            // an inert one (FailureScan.IsInert) writes nothing, as Ballerina would warn of an unused variable.
            if (!facts.Reads.Contains(property))
            {
                chosen[property] = new PropertyLocal("_", kind, Hoisted: hoisted, Unread: true);
                continue;
            }

            var name = BallerinaSyntax.CamelCase(property);
            var candidate = name;
            for (var n = 2; moduleNames.Contains(candidate.TrimStart('\'')) || !used.Add(candidate.TrimStart('\'')); n++)
            {
                candidate = name.TrimStart('\'') + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            chosen[property] = new PropertyLocal(candidate, kind, Hoisted: hoisted);
            if (!hoisted)
            {
                declarations.Add(first!);
            }
        }

        WithoutChainedReads(body, facts, chosen, declarations);
        return chosen.Count == 0 ? null : new BodyLocals(chosen, declarations);
    }

    /// <summary>
    /// Locals read only by the values of properties nothing reads (issue 14, "No dead code"), to a fixpoint: a set of
    /// an unread property whose value cannot fail writes nothing (<see cref="DroppedValue"/>), so a property read only
    /// there is unread too, and so on down the chain (<c>a</c> read only by <c>b</c>, <c>b</c> read by nothing). Such
    /// a property gets no local either; its own value is then kept for its failure alone (<c>_ = check ...;</c>) or
    /// writes nothing, as for any unread property. Nothing else sees it: the analysis already proved every candidate
    /// local to this body.
    /// </summary>
    private static void WithoutChainedReads(Body body, Facts facts, Dictionary<string, PropertyLocal> chosen, HashSet<StepIr> declarations)
    {
        while (true)
        {
            var dropped = new HashSet<StepIr>(ReferenceEqualityComparer.Instance);
            foreach (var (property, local) in chosen)
            {
                if (local.Unread)
                {
                    dropped.UnionWith(facts.Sets[property].Where(set => set is SetPropertyStep { Value: var value } && DroppedValue(value)));
                }
            }

            if (dropped.Count == 0)
            {
                return;
            }

            var remaining = Facts.Of(body.Steps, dropped);
            var unread = chosen.Where(c => !c.Value.Unread && !c.Value.Alias && !remaining.Reads.Contains(c.Key)).Select(c => c.Key).ToList();
            if (unread.Count == 0)
            {
                return;
            }

            foreach (var property in unread)
            {
                var local = chosen[property];
                chosen[property] = new PropertyLocal("_", local.Kind, Hoisted: local.Hoisted, Unread: true);
                foreach (var set in facts.Sets[property])
                {
                    declarations.Remove(set);
                }
            }
        }
    }

    /// <summary>
    /// Whether the value of a string property nothing reads certainly writes nothing (StatementWriter.Unread: its
    /// written form has no <c>check</c>, <c>fail</c>, TODO or module call): text, and reads of properties, headers,
    /// parameters, local entries and configurables that cannot fail, whose names look like no module prefix.
    /// Anything else may be kept as <c>_ = value;</c>, and a property it reads stays read.
    /// </summary>
    private static bool DroppedValue(ExprIr value) => value.Kind == ValueKind.String && IrWalker.Descendants(value).All(e => e switch
    {
        StringLiteralIr literal => WrittenInert(literal.Value),
        ConcatIr or ConfigurableReadIr or ParameterReadIr => true,
        PropertyReadIr { Required: false, Scope: PropertyScope.Default, Fallback: null } read => WrittenInert(read.Name),
        HeaderReadIr header => WrittenInert(header.Name),
        _ => false,
    });

    /// <summary>
    /// Whether text written into a value leaves it inert to the emitter's failure scan (FailureScan.IsInert), which
    /// reads the written text: a module call (<c>x:Y</c>), or the words <c>check</c> or <c>fail</c> or <c>TODO(</c>
    /// (in a literal such as 'Health check: ') make it keep the set as <c>_ = value;</c>, so such a set is not dropped
    /// here either and what it reads stays read.
    /// </summary>
    private static bool WrittenInert(string text) => !ModuleLike().IsMatch(text) && !FailingLike().IsMatch(text);

    /// <summary>Text the emitter's failure scan would take for a module call (<c>x:Y</c>).</summary>
    [GeneratedRegex(@"[a-z]+:[a-zA-Z]")]
    private static partial Regex ModuleLike();

    /// <summary>Text the emitter's failure scan would take for a failure (FailureScan.Failing).</summary>
    [GeneratedRegex(@"\bcheck\b|\bfail\b|TODO\(")]
    private static partial Regex FailingLike();

    /// <summary>
    /// Behaviour flags the generated code acts on where they are set and nothing reads afterwards (issue 14, "No dead
    /// code"): OUT_ONLY, whose literal value the lowering already turned into <c>outOnly = true</c> on the sends after
    /// it (a JMS or VFS send is out-only whatever it says). The Micro Integrator's senders read it when they send, which
    /// the generated call does by its argument; the property itself is read only by name: a get-property, the
    /// forwarding processor on a stored message, code a TODO stands for. So its sets (all of the literal "true", whose
    /// effect the sends carry; another value stays as the project wrote it) and removes in <paramref name="body"/>
    /// write nothing when they are all at the top of the body and nothing that may run on its context reads or names it (no read, no mention in any IR string or TODO
    /// text), stores the message, or holds a TODO (code written by hand for it may read the property or make the
    /// stored or sent message the Micro Integrator would); the caller has already left out bodies whose context code
    /// with a computed property name or a class or script may see.
    /// </summary>
    private static Dictionary<string, PropertyLocal> UnreadFlags(Body body, Facts facts, IEnumerable<Facts> elsewhere)
    {
        var unread = new Dictionary<string, PropertyLocal>(StringComparer.Ordinal);
        foreach (var flag in UnreadableFlags)
        {
            var writes = facts.Sets[flag].Concat(facts.Removes[flag]).ToList();
            if (writes.Count == 0
                || !writes.All(w => w is SetPropertyStep { Value: StringLiteralIr { Value: "true" } } or RemovePropertyStep && body.Steps.Any(s => ReferenceEquals(s, w)))
                || !writes.Any(w => w is SetPropertyStep)
                || facts.Reads.Contains(flag) || facts.Mentioned(flag, removes: false) || facts.Stores || facts.HasTodo
                || elsewhere.Any(f => f.Reads.Contains(flag) || f.Mentioned(flag, removes: false) || f.Stores || f.HasTodo || f.Sets[flag].Any(s => s is not SetPropertyStep)))
            {
                continue;
            }

            unread[flag] = new PropertyLocal("_", ValueKind.String, Unread: true);
        }

        return unread;
    }

    /// <summary>The flags <see cref="UnreadFlags"/> may leave unwritten.</summary>
    private static readonly string[] UnreadableFlags = ["OUT_ONLY"];

    private static BodyLocals Merge(BodyLocals? locals, Dictionary<string, PropertyLocal> flags)
    {
        var byProperty = new Dictionary<string, PropertyLocal>(StringComparer.Ordinal);
        var declarations = new HashSet<StepIr>(ReferenceEqualityComparer.Instance);
        if (locals is not null)
        {
            foreach (var (property, local) in locals.Entries)
            {
                byProperty[property] = local;
            }

            declarations.UnionWith(locals.Declarations);
        }

        foreach (var (flag, local) in flags)
        {
            byProperty.TryAdd(flag, local);
        }

        return new BodyLocals(byProperty, declarations);
    }

    private static bool IsCandidate(string property, Body body, Facts facts, IEnumerable<Facts> elsewhere, StepIr? first, out ValueKind? kind, out bool hoisted)
    {
        kind = ValueKind.String;
        hoisted = false;
        if (IsSystem(property) || !facts.Sets.Contains(property))
        {
            return false;
        }

        // Every write is a plain set of one local type; the name is mentioned nowhere else (in this body or outside it).
        var kinds = facts.Sets[property].Select(LocalKind).Distinct().ToList();

        if (kinds is not [{ } only] || facts.Mentioned(property) || elsewhere.Any(f => f.Reads.Contains(property) || f.Sets.Contains(property) || f.Mentioned(property)))
        {
            return false;
        }

        kind = only == AnyData ? null : only;
        if (first is not null && body.Steps.Any(s => ReferenceEquals(s, first)))
        {
            return true;
        }

        // First set inside a branch, or read before any set: a string local that starts as "" reads exactly as the
        // missing property does, unless a read falls back to a local entry. Only in a resource, whose context starts
        // empty: a function (a sequence) runs on a context its caller filled (an inbound listener sets record
        // properties and headers by name before it), so a read before a set there may see a value.
        hoisted = true;
        return !body.IsFunction && kind == ValueKind.String && !facts.FallbackReads.Contains(property) && !facts.ValueReads.Contains(property);
    }

    /// <summary>True for a property Synapse, the Micro Integrator or the runtime module read or set by name: it always stays in the context.</summary>
    public static bool IsSystem(string property) => SystemProperties.IsSystem(property);

    /// <summary>Stands for <c>anydata</c> among the kinds of the writes.</summary>
    private const ValueKind AnyData = (ValueKind)(-1);

    /// <summary>The type of a local holding the value written, when its Ballerina form is exactly that type; null otherwise (it stays in the context).</summary>
    private static ValueKind? LocalKind(StepIr write) => write switch
    {
        StorePropertyStep { Value: ValueIr.XmlNodes or ValueIr.ParsedXml or ValueIr.Envelope or ValueIr.Entry { IsXml: true } } => ValueKind.Xml,
        StorePropertyStep { Value: ValueIr.Json or ValueIr.ParsedJson } => ValueKind.Json,
        StorePropertyStep { Value: ValueIr.String or ValueIr.Entry { IsXml: false } } => ValueKind.String,
        StorePropertyStep => AnyData,
        SetPropertyStep { Value: { Kind: ValueKind.String } } => ValueKind.String,
        SetPropertyStep { Value: NumberLiteralIr n } => n.NumberKind,
        SetPropertyStep { Value: BooleanLiteralIr or ConditionValueIr } => ValueKind.Boolean,
        SetPropertyStep { Value: ConvertIr { To: not ValueKind.String } c } => c.To,
        SetPropertyStep { Value: BuiltinCallIr { Function: Builtin.PropertyInteger } } => ValueKind.Integer,
        SetPropertyStep { Value: BuiltinCallIr { Function: Builtin.PropertyBoolean } } => ValueKind.Boolean,
        SetPropertyStep { Value: BuiltinCallIr { Function: Builtin.PropertyJson } } => ValueKind.Json,
        _ => null,
    };

    private const string SyntaxNamespace = "SynapseToBal.Syntax";

    internal sealed record Body(object Node, ImmutableArray<StepIr> Steps, bool IsFunction, IEnumerable<Symbol> Parameters);

    /// <summary>What one part of the package does with properties.</summary>
    private sealed class Facts
    {
        /// <summary>Default-scope properties read by name in expressions.</summary>
        public HashSet<string> Reads { get; } = new(StringComparer.Ordinal);

        /// <summary>Properties read with a local entry as the fallback.</summary>
        public HashSet<string> FallbackReads { get; } = new(StringComparer.Ordinal);

        /// <summary>The writes of each default-scope property: plain sets and values stored as they are.</summary>
        public ILookup<string, StepIr> Sets => _setsLookup ??= _sets.ToLookup(s => s.Name, s => s.Step, StringComparer.Ordinal);

        /// <summary>Properties read as values (an enrich source), not as strings.</summary>
        public HashSet<string> ValueReads { get; } = new(StringComparer.Ordinal);

        /// <summary>The first step (in source order) that reads or writes each property: its write, or null when it is read first.</summary>
        public List<(string Property, StepIr? First)> FirstMention { get; } = [];

        /// <summary>Every other string of the IR that may name a property (exactly).</summary>
        public HashSet<string> Names { get; } = new(StringComparer.Ordinal);

        /// <summary>Text that may name a property inside it (original XML of TODOs, untranslated expressions, URL templates).</summary>
        public List<string> Texts { get; } = [];

        /// <summary>Something here hands the context to code that may read any property (user code, a computed property name).</summary>
        public bool Wildcard { get; set; }

        /// <summary>
        /// Something here may write any default-scope property with a value of any type: a computed property name, a
        /// TODO for a class, script or other hand-written mediator (SB0231), or such code in the original XML of a TODO.
        /// </summary>
        public bool Writer { get; set; }

        private readonly List<(string Name, StepIr Step)> _sets = [];

        /// <summary>Sets whose value writes nothing (<see cref="WithoutChainedReads"/>): what their values read does not count.</summary>
        private IReadOnlySet<StepIr>? _dropped;

        /// <summary><see cref="Sets"/>, built on first use after the last write was collected (it is read once per property and body).</summary>
        private ILookup<string, StepIr>? _setsLookup;
        private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

        /// <summary>The default-scope properties removed by name, and the steps that remove them.</summary>
        public ILookup<string, StepIr> Removes => _removesLookup ??= _removes.ToLookup(s => s.Name, s => s.Step, StringComparer.Ordinal);

        /// <summary>A message is stored here (a message processor reads the stored copy's properties).</summary>
        public bool Stores { get; private set; }

        /// <summary>A TODO is here: code written by hand for it may do anything with the context.</summary>
        public bool HasTodo { get; set; }

        private readonly List<(string Name, StepIr Step)> _removes = [];
        private ILookup<string, StepIr>? _removesLookup;

        /// <summary>Whether an IR string or a text names the property (a removal counts unless <paramref name="removes"/> is false).</summary>
        public bool Mentioned(string property, bool removes = true) =>
            Names.Contains(property) || (removes && _removes.Any(r => r.Name == property)) || Texts.Any(t => t.Contains(property, StringComparison.Ordinal));

        public static Facts Of(ImmutableArray<StepIr> steps, IReadOnlySet<StepIr>? dropped = null)
        {
            var facts = new Facts { _dropped = dropped };
            foreach (var step in steps)
            {
                facts.Collect(step, contains: false);
            }

            return facts;
        }

        /// <summary>Walks an IR subtree through every member of every node (<see cref="IrMembers"/>, so IR nodes added later are covered), in source order.</summary>
        public void Collect(object? node, bool contains)
        {
            switch (node)
            {
                case null or Symbol or Microsoft.CodeAnalysis.DiagnosticDescriptor:
                    return;
                case var origin when origin.GetType().Namespace == SyntaxNamespace:
                    // Syntax origins: the IR holds what they mean; their XML is read only through TODOs.
                    return;
                case string text:
                    if (contains)
                    {
                        Texts.Add(text);
                        Wildcard |= DynamicRead().IsMatch(text);
                        Writer |= DynamicWrite().IsMatch(text);
                    }
                    else
                    {
                        Names.Add(text);
                    }

                    return;
                case SetPropertyStep { Scope: PropertyScope.Default } set:
                    // The value is evaluated before the property is written (unless the set writes nothing: _dropped).
                    if (_dropped is null || !_dropped.Contains(set))
                    {
                        Collect(set.Value, contains);
                    }

                    _sets.Add((set.Name, set));
                    _setsLookup = null;
                    See(set.Name, set);
                    return;
                case ComputedPropertyStep computed:
                    // A computed name may write any default-scope property (an operation-scope one is another map).
                    Wildcard |= computed.Scope == PropertyScope.Default;
                    Writer |= computed.Scope == PropertyScope.Default;
                    Collect(computed.Name, contains);
                    Collect(computed.Value, contains);
                    return;
                case StorePropertyStep store:
                    Collect(store.Value, contains);
                    _sets.Add((store.Name, store));
                    _setsLookup = null;
                    See(store.Name, store);
                    return;
                case ValueIr.Property read:
                    Reads.Add(read.Name);
                    ValueReads.Add(read.Name);
                    See(read.Name, null);
                    return;
                case PropertyReadIr { Scope: PropertyScope.Default } read:
                    Collect(read.Fallback, contains);
                    Reads.Add(read.Name);
                    if (read.Fallback is not null)
                    {
                        FallbackReads.Add(read.Name);
                    }

                    See(read.Name, null);
                    return;
                case RemovePropertyStep { Scope: PropertyScope.Default } remove:
                    _removes.Add((remove.Name, remove));
                    _removesLookup = null;
                    return;
                case StoreMessageStep:
                    Stores = true;
                    CollectMembers(node, contains);
                    return;
                case TodoStep todo:
                    HasTodo = true;
                    // Code written by hand for these may read any property (a data mapping's DM_PROPERTIES included);
                    // a class or script may also write any.
                    Wildcard |= todo.Reason.Descriptor.Id is "SB0231" or "SB0258";
                    Writer |= todo.Reason.Descriptor.Id == "SB0231";
                    Collect(todo.RawXml, contains: true);
                    return;
                case CommentStep:
                    // Prose the converter wrote about a construct: nothing runs from it.
                    return;
                case DeadCodeStep or UntranslatedExprIr or UntranslatedConditionIr or RewriteStep or NotTranslatedIr:
                    CollectMembers(node, contains: true);
                    return;

                // Literal data: text of templates and logs, XML names, JSON keys. None of it names a property.
                case StringLiteralIr or NumberLiteralIr or LogPart.Text or TemplatePart.Text or XmlStepIr or XmlAttributeIr
                    or XmlNodeIr.Text or XmlNodeIr.Comment or XmlNodeIr.CData or XmlNodeIr.ProcessingInstruction or XmlTemplateNamespaceIr:
                    return;
                case XmlNodeIr.Element element:
                    Collect(element.Attributes.Select(a => a.Value).ToList(), contains);
                    Collect(element.Children, contains);
                    return;
                case LogFieldsIr log:
                    // Log keys and the direction are labels, not property names.
                    Collect(log.Message, contains);
                    Collect(log.Properties.Select(p => p.Value).ToList(), contains);
                    return;
                case JsonMemberIr member:
                    Collect(member.Value, contains);
                    return;
                case JsonNodeIr.Number:
                    return;
                case IEnumerable items:
                    foreach (var item in items)
                    {
                        Collect(item, contains);
                    }

                    return;
            }

            var type = node.GetType();
            if (type.IsPrimitive || type.IsEnum || node is decimal)
            {
                return;
            }

            CollectMembers(node, contains);
        }

        private void CollectMembers(object node, bool contains)
        {
            var sink = new Sink(this, contains);
            IrMembers.Walk(node, ref sink);
        }

        private readonly struct Sink(Facts facts, bool contains) : IIrMemberSink
        {
            public void Visit(object? value) => facts.Collect(value, contains);
        }

        private void See(string property, StepIr? set)
        {
            if (_seen.Add(property))
            {
                FirstMention.Add((property, set));
            }
        }
    }

    /// <summary>A property read whose name is computed (<c>get-property(concat(...))</c>, <c>props[...]</c>, <c>$ctx:{...}</c>).</summary>
    [GeneratedRegex(@"get-property\(\s*(?:'[^']*'\s*,\s*)?[^'""\s)]|\bprops\s*\[|\$ctx:\{")]
    private static partial Regex DynamicRead();
}
