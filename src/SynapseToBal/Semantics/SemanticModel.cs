using System.Collections.Immutable;
using SynapseToBal.Diagnostics;
using SynapseToBal.Syntax;

namespace SynapseToBal.Semantics;

/// <summary>
/// What the flows of a sequence, a sequence template or a list of mediators may do, directly or through the
/// sequences and templates they call: <see cref="CanAnswer"/> (respond, send, drop, loopback end the flow),
/// <see cref="Sends"/> (a send to an endpoint, or a loopback, hands the message to a response flow) and
/// <see cref="CallsSendingFlow"/> (a called sequence or template sends, so the caller's out flow runs later),
/// <see cref="SendsWithoutBlocking"/> (a send, a call without blocking or a store: each marks the request as answered
/// elsewhere, RESPONSE_WRITTEN SKIP, and a backend's failure runs the fault handler in the send's callback) and <see cref="CallsBlocking"/> (a blocking call or a callout: its failure runs the fault
/// handler in the request's own thread).
/// </summary>
public readonly record struct FlowFacts(bool CanAnswer, bool Sends, bool CallsSendingFlow, bool SendsWithoutBlocking = false, bool CallsBlocking = false);

/// <summary>
/// How an entry point's in flow reaches backends (<see cref="SemanticModel.BackendCallsOf"/>): <see cref="SendsWithoutBlocking"/>
/// (a send, a non-blocking call, an HTTP connector operation or a store: each marks the request as answered elsewhere,
/// RESPONSE_WRITTEN SKIP, so a failure after it gets no answer; a backend's failure runs the fault handler in the send's
/// callback) and <see cref="CallsBlocking"/> (a blocking call or a callout: its failure returns in the request's own thread).
/// </summary>
public readonly record struct BackendCalls(bool SendsWithoutBlocking, bool CallsBlocking)
{
    /// <summary>The flow calls or sends to some backend.</summary>
    public bool Any => SendsWithoutBlocking || CallsBlocking;
}

/// <summary>
/// The semantic model of a project, built once after parsing (Roslyn's <c>Compilation</c>, Bicep's
/// <c>SemanticModel</c>): the symbols of every artifact kind with duplicates reported, the reference graph
/// resolved against them and the registry, and the flow facts of every sequence and template. Lowering reads
/// it and recomputes none of it.
/// </summary>
public sealed class SemanticModel
{
    private readonly Dictionary<string, FlowFacts> _sequenceFacts;
    private readonly Dictionary<string, FlowFacts> _templateFacts;

    private SemanticModel(
        ImmutableArray<ApiSyntax> apis,
        SymbolTable symbols,
        ImmutableArray<ArtifactSyntax> artifacts,
        ReferenceGraph graph,
        IReadOnlyList<MediatorSyntax> mediators,
        HashSet<ArtifactSyntax> flowFailed,
        DiagnosticBag? diagnostics)
    {
        Apis = apis;
        Symbols = symbols;
        Artifacts = artifacts;
        Graph = graph;
        Mediators = mediators;
        WritesUriVars = mediators.Any(m => m is PropertyMediator { Action: PropertyAction.Set } p && p.Name.StartsWith("uri.var.", StringComparison.Ordinal));
        (_sequenceFacts, _templateFacts) = FlowAnalysis.Analyse(symbols, flowFailed, diagnostics);
        FlowFailed = flowFailed;
    }

    /// <summary>The APIs the Micro Integrator deploys, in input order: the first definition of each name, without those whose URL context and version an API before them holds (SB0504).</summary>
    public ImmutableArray<ApiSyntax> Apis { get; }

    /// <summary>Every named artifact by kind and name (the first definition of a name wins).</summary>
    public SymbolTable Symbols { get; }

    /// <summary>Every artifact of the project, in input order (duplicates included).</summary>
    public ImmutableArray<ArtifactSyntax> Artifacts { get; }

    public ReferenceGraph Graph { get; }

    /// <summary>Some flow of the project writes a <c>uri.var.*</c> property: path parameters must then be read from the properties.</summary>
    public bool WritesUriVars { get; }

    private (HashSet<string> Names, bool Any)? _propertiesSet;

    /// <summary>True when a mediator of the project sets the property by this name (not counting those that may set any).</summary>
    public bool SetsPropertyNamed(string name)
    {
        _propertiesSet ??= PropertiesSet(Mediators, Artifacts.OfType<InboundEndpointSyntax>());
        return _propertiesSet.Value.Names.Contains(name);
    }

    /// <summary>
    /// Whether some mediator of the project may set the default-scope (message context) property <paramref name="name"/>:
    /// a property mediator (in a property group too), an enrich or callout target or a rewrite's outProperty names it, an
    /// inbound endpoint has a parameter of that name (it sets its parameters on the messages it injects), or the project holds a
    /// mediator that may set properties of any name (a property mediator with a dynamic name, a script, class, POJO,
    /// Spring, bean or EJB mediator, a connector operation other than the HTTP connector's, a mediator with a result
    /// target: dblookup, data service call, smooks, XQuery, data mapper, an MI 4.4 call's target; an unknown element).
    /// Names Synapse itself sets are not known here (the lowering asks the IR's <c>SystemProperties</c>).
    /// </summary>
    public bool MaySetProperty(string name)
    {
        _propertiesSet ??= PropertiesSet(Mediators, Artifacts.OfType<InboundEndpointSyntax>());
        return _propertiesSet.Value.Any || _propertiesSet.Value.Names.Contains(name);
    }

    private static (HashSet<string> Names, bool Any) PropertiesSet(IEnumerable<MediatorSyntax> mediators, IEnumerable<InboundEndpointSyntax> inbounds)
    {
        // A JMS inbound endpoint sets each of its parameters as a property of the messages it injects
        // (JMSInjectHandler, InboundEndpoint.getParametersMap); any inbound endpoint's parameters count here.
        var names = new HashSet<string>(inbounds.SelectMany(i => i.Parameters).Select(p => p.Name), StringComparer.Ordinal);
        var any = false;
        void Property(PropertyMediator property)
        {
            if (property.DynamicName is not null)
            {
                any = true;
            }
            else if (property.Action == PropertyAction.Set && (property.Scope.Length == 0 || property.Scope.Equals("default", StringComparison.OrdinalIgnoreCase)))
            {
                names.Add(property.Name);
            }
        }

        foreach (var mediator in mediators)
        {
            switch (mediator)
            {
                case PropertyMediator property:
                    Property(property);
                    break;
                case PropertyGroupMediator group:
                    foreach (var property in group.Properties)
                    {
                        Property(property);
                    }

                    break;
                case EnrichMediator { Target: { Type: EnrichTargetType.Property, Property: { } target } }:
                    names.Add(target);
                    break;
                case CalloutMediator { Target.Key: { } key }:
                    names.Add(key);
                    break;
                case RewriteMediator { OutProperty: { } rewritten }:
                    names.Add(rewritten);
                    break;
                case ConnectorOperationMediator { Connector: "http" }:
                    break;
                case CallMediator { TargetXml: null }:
                    break;
                case ScriptMediator or ClassMediator or PojoCommandMediator or SpringMediator or BeanMediator or EjbMediator or UnknownMediator
                    or ConnectorOperationMediator or CallMediator or DbLookupMediator or DataServiceCallMediator or SmooksMediator
                    or XQueryMediator or DataMapperMediator or RuleMediator or EntitlementMediator or OAuthMediator or KerberosMediator or NtlmMediator:
                    any = true;
                    break;
            }
        }

        return (names, any);
    }

    /// <summary>
    /// Every mediator of the project's artifacts, walked artifact by artifact in input order (as
    /// <see cref="MediatorCollector.Collect"/> walks them), without those of the artifacts in <see cref="FlowFailed"/>:
    /// the whole-project scans of the lowering read this list instead of walking the artifacts again.
    /// </summary>
    public IReadOnlyList<MediatorSyntax> Mediators { get; }

    /// <summary>
    /// The artifacts whose mediators could not be walked or whose flows could not be analysed (SB0908, an internal
    /// error): left out of <see cref="Mediators"/> and of the flow facts (a sequence or template among them can do
    /// nothing for its callers, as an unknown name), and lowered as TODOs.
    /// </summary>
    public IReadOnlySet<ArtifactSyntax> FlowFailed { get; }

    /// <summary>
    /// Test seam: runs before each artifact's mediators are walked (<c>"walking its mediators"</c>, every artifact) and
    /// before each sequence's or sequence template's flows are analysed (<c>"analysing its flows"</c>), with the artifact
    /// and the step; a test makes it throw to check the guards.
    /// </summary>
    internal static readonly AsyncLocal<Action<ArtifactSyntax, string>?> BeforeFlowStep = new();

    /// <summary>The step of <see cref="BeforeFlowStep"/> that walks an artifact's mediators.</summary>
    internal const string WalkingStep = "walking its mediators";

    /// <summary>The step of <see cref="BeforeFlowStep"/> that analyses a sequence's or template's flows.</summary>
    internal const string AnalysingStep = "analysing its flows";

    /// <summary>
    /// Runs one step of the whole-project analyses on one artifact; an unexpected exception (a bug in the converter) is
    /// reported against that artifact (SB0908), the artifact is added to <paramref name="failed"/> (lowered as a TODO),
    /// and false is returned, so that the other artifacts are analysed as if it were not there.
    /// </summary>
    private static bool GuardedStep(ArtifactSyntax artifact, string step, Action run, HashSet<ArtifactSyntax> failed, DiagnosticBag? diagnostics)
    {
        try
        {
            BeforeFlowStep.Value?.Invoke(artifact, step);
            run();
            return true;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            if (failed.Add(artifact))
            {
                diagnostics?.Report(
                    DiagnosticCatalog.FlowInternalError,
                    artifact.Location,
                    $"{step} (the {artifact.XmlName} '{artifact.Name}')",
                    $"{ex.GetType().Name}: {ex.Message}",
                    "it is kept whole as a TODO, the flows calling it take it as doing nothing, and the other artifacts are converted");
            }

            return false;
        }
    }

    /// <param name="registryContains">Whether the project's registry holds a key.</param>
    /// <param name="registryText">The text of a registry resource by key (null when absent or not text).</param>
    /// <param name="diagnostics">Where duplicates (SB0501), unresolved references and cycles are reported.</param>
    /// <param name="registryKeys">The keys of every registry resource of the project (normalised), when known.</param>
    /// <param name="inputFile">The input's file at the tail of a path on the server's file system (its display path and text), when one is.</param>
    /// <param name="registryContent">The bytes, text and declared media type of a registry resource by key (null when absent or unreadable).</param>
    /// <param name="server">The product the input was written for, whose listener ports the package takes by default.</param>
    public static SemanticModel Build(IReadOnlyList<SynapseDocument> documents, Func<string, bool>? registryContains, DiagnosticBag diagnostics, Func<string, string?>? registryText = null, IReadOnlyList<string>? registryKeys = null, Func<string, (string Display, string Text)?>? inputFile = null, Func<string, RegistryContent?>? registryContent = null, ServerProduct server = ServerProduct.MicroIntegrator, IReadOnlyList<ServerJmsFactory>? jmsFactories = null, Func<string, string?>? registryUnreadable = null)
    {
        var artifacts = documents.SelectMany(d => d.Artifacts).ToList();
        var symbols = new SymbolTable(artifacts, diagnostics);

        // Of two APIs with one URL context and version the Micro Integrator deploys the first (SB0504).
        var (apis, refusedApis, unparsedApis) = ServiceAddresses.DeployApis(artifacts.OfType<ApiSyntax>().Where(api => ReferenceEquals(symbols.Api(api.Name), api)), diagnostics);

        // A proxy or data service whose name a data service has is refused by Axis2 (SB0506).
        var refusedServices = ServiceAddresses.DeployServices(artifacts.OfType<DataServiceSyntax>(), artifacts.OfType<ProxySyntax>().Where(proxy => ReferenceEquals(symbols.Proxy(proxy.Name), proxy)), diagnostics);

        var graph = ReferenceGraph.Build(artifacts, symbols, registryContains, diagnostics, registryKeys);

        // Each artifact's mediators are walked under a guard of their own (SB0908): one that throws is left out.
        var flowFailed = new HashSet<ArtifactSyntax>(ReferenceEqualityComparer.Instance);
        var mediators = new List<MediatorSyntax>();
        foreach (var artifact in artifacts)
        {
            IReadOnlyList<MediatorSyntax> walked = [];
            if (GuardedStep(artifact, WalkingStep, () => walked = MediatorCollector.Collect([artifact]), flowFailed, diagnostics))
            {
                mediators.AddRange(walked);
            }
        }

        var selfCalls = ServiceAddresses.SelfCalls(artifacts.Where(a => !flowFailed.Contains(a)), symbols, apis, diagnostics);
        return new SemanticModel(apis, symbols, [.. artifacts], graph, mediators, flowFailed, diagnostics)
        {
            _registryText = registryText, _registryUnreadable = registryUnreadable, RegistryKeys = registryKeys ?? [], _inputFile = inputFile, _registryContent = registryContent,
            _refusedApis = refusedApis, _unparsedApis = unparsedApis, _refusedServices = refusedServices, _selfCalls = selfCalls, Server = server,
            ServerJmsFactories = [.. jmsFactories ?? []],
        };
    }

    private Dictionary<ApiSyntax, ApiSyntax> _refusedApis = new(ReferenceEqualityComparer.Instance);

    private Dictionary<ApiSyntax, string> _unparsedApis = new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// Why the Micro Integrator cannot deploy <paramref name="api"/> (a resource's uri-template its parser refuses,
    /// SB0507); null for an API whose resources it builds. Such an API is not in <see cref="Apis"/>.
    /// </summary>
    public string? UndeployableReason(ApiSyntax api) => _unparsedApis.GetValueOrDefault(api);

    private Dictionary<ArtifactSyntax, DataServiceSyntax> _refusedServices = new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// The data service holding the name of <paramref name="service"/> (a proxy or data service), when Axis2 refuses
    /// <paramref name="service"/> for it (SB0506); null for a service the Micro Integrator deploys.
    /// </summary>
    public DataServiceSyntax? ServiceNameHolder(ArtifactSyntax service) => _refusedServices.GetValueOrDefault(service);

    private Dictionary<EndpointDefinitionSyntax, SelfCallTarget> _selfCalls = new(ReferenceEqualityComparer.Instance);

    /// <summary>The product the input was written for: the listener ports' defaults.</summary>
    public ServerProduct Server { get; private init; }

    /// <summary>The JMS connection factories the input's server configuration defines (deployment.toml, axis2.xml).</summary>
    public ImmutableArray<ServerJmsFactory> ServerJmsFactories { get; private init; } = [];

    /// <summary>
    /// The API registered first with the URL context and version of <paramref name="api"/>, when the Micro Integrator
    /// refuses to deploy <paramref name="api"/> for it (SB0504); null for an API it deploys. A refused API is not in <see cref="Apis"/>.
    /// </summary>
    public ApiSyntax? ContextHolder(ApiSyntax api) => _refusedApis.GetValueOrDefault(api);

    /// <summary>What an address or http endpoint calling the Micro Integrator itself names (SB0505); null for any other endpoint.</summary>
    public SelfCallTarget? SelfCall(EndpointDefinitionSyntax definition) => _selfCalls.GetValueOrDefault(definition);

    private Func<string, (string Display, string Text)?>? _inputFile;

    /// <summary>
    /// The file of the input found by the tail of a path on the Micro Integrator's file system (a <c>file:</c> URI
    /// relative to its home): its display path and text, or null when no file or several match.
    /// </summary>
    public (string Display, string Text)? InputFile(string path) => _inputFile?.Invoke(path);

    /// <summary>The keys of every registry resource of the project (<c>conf:/xslt/x.xslt</c>), in key order; empty when not known.</summary>
    public IReadOnlyList<string> RegistryKeys { get; private init; } = [];

    private Func<string, string?>? _registryText;

    /// <summary>The text of the registry resource a key names (<c>conf:/xslt/x.xslt</c>), or null.</summary>
    public string? RegistryText(string key) => _registryText?.Invoke(key);

    private Func<string, string?>? _registryUnreadable;

    /// <summary>Why a resource the project stands for (a data mapper's TypeScript source) has no text; null when not known.</summary>
    public string? RegistryUnreadable(string key) => _registryUnreadable?.Invoke(key);

    private Func<string, RegistryContent?>? _registryContent;

    /// <summary>The bytes, text and declared media type of the registry resource a key names, or null.</summary>
    public RegistryContent? RegistryResource(string key) => _registryContent?.Invoke(key);

    /// <summary>The facts of a named sequence; an unknown name can do nothing.</summary>
    public FlowFacts SequenceFacts(string name) => _sequenceFacts.GetValueOrDefault(name);

    /// <summary>The facts of a sequence template; an unknown name can do nothing.</summary>
    public FlowFacts TemplateFacts(string name) => _templateFacts.GetValueOrDefault(name);

    /// <summary>The facts of a list of mediators (a resource's flow), given those of the sequences it calls.</summary>
    public FlowFacts FactsOf(ImmutableArray<MediatorSyntax> mediators) => FlowAnalysis.Combine(FlowAnalysis.Local(mediators), _sequenceFacts, _templateFacts);

    /// <summary>
    /// How an entry point's in flow (an API resource's or a proxy target's: its inline mediators, or the sequence its
    /// key names) reaches backends: a mediator of it anywhere (nested ones included: a send inside a foreach or an
    /// iterate target), or a sequence or template it runs, by the flow facts of the call graph (so an HTTP connector
    /// operation inside a named sequence counts as the sequence's send).
    /// </summary>
    public BackendCalls BackendCallsOf(ImmutableArray<MediatorSyntax> mediators, KeySyntax? sequenceKey)
    {
        var collector = new MediatorCollector();
        collector.WalkMediators(mediators);
        var facts = FactsOf(mediators);
        var keyed = sequenceKey is { IsDynamic: false } key ? SequenceFacts(key.Text) : default;
        return new BackendCalls(
            SendsWithoutBlocking: facts.SendsWithoutBlocking || keyed.SendsWithoutBlocking
                || collector.Mediators.Any(m => m is SendMediator or CallMediator { Blocking: false } or StoreMediator or ScatterGatherMediator || IsHttpConnectorSend(m)),
            CallsBlocking: facts.CallsBlocking || keyed.CallsBlocking
                || collector.Mediators.Any(m => m is CallMediator { Blocking: true } or CalloutMediator));
    }

    /// <summary>
    /// An HTTP connector's request (<c>&lt;http.post configKey=...&gt;</c>): the MI 4.4 connector's operation templates send
    /// with a non-blocking <c>&lt;call&gt;</c>, so a backend's failure reaches the fault flow as a non-blocking send's does.
    /// </summary>
    public static bool IsHttpConnectorSend(MediatorSyntax mediator) =>
        mediator is ConnectorOperationMediator { Connector: "http", Operation: "get" or "post" or "put" or "patch" or "delete" or "head" or "options" };

    /// <summary>
    /// One analysis over one walker: what each flow does itself, and whom it calls; the facts of sequences and
    /// templates calling each other (in cycles too) are a least fixed point over the call graph.
    /// </summary>
    private static class FlowAnalysis
    {
        /// <param name="failed">
        /// The artifacts whose analysis failed (SB0908): those already there are left out, and a sequence or template
        /// whose own flows throw is added (and reported); either can do nothing for its callers, as an unknown name.
        /// </param>
        public static (Dictionary<string, FlowFacts> Sequences, Dictionary<string, FlowFacts> Templates) Analyse(SymbolTable symbols, HashSet<ArtifactSyntax> failed, DiagnosticBag? diagnostics)
        {
            Dictionary<string, LocalFacts> LocalFactsOf<T>(IEnumerable<T> flows, Func<T, ImmutableArray<MediatorSyntax>> mediators, Func<T, string?> onError)
                where T : ArtifactSyntax
            {
                var found = new Dictionary<string, LocalFacts>(StringComparer.Ordinal);
                foreach (var flow in flows.Where(f => !failed.Contains(f)))
                {
                    LocalFacts? local = null;
                    if (GuardedStep(flow, AnalysingStep, () => local = WithOnError(Local(mediators(flow)), onError(flow), symbols), failed, diagnostics) && local is not null)
                    {
                        found[flow.Name] = local;
                    }
                }

                return found;
            }

            var sequences = LocalFactsOf(symbols.Sequences, s => s.Mediators, s => s.OnError);
            var templates = LocalFactsOf(symbols.SequenceTemplates, t => t.Mediators, t => t.OnError);
            var sequenceFacts = sequences.Keys.ToDictionary(k => k, _ => default(FlowFacts), StringComparer.Ordinal);
            var templateFacts = templates.Keys.ToDictionary(k => k, _ => default(FlowFacts), StringComparer.Ordinal);
            for (var changed = true; changed;)
            {
                changed = false;
                changed |= Step(sequences, sequenceFacts, sequenceFacts, templateFacts);
                changed |= Step(templates, templateFacts, sequenceFacts, templateFacts);
            }

            return (sequenceFacts, templateFacts);
        }

        private static bool Step(Dictionary<string, LocalFacts> flows, Dictionary<string, FlowFacts> facts, Dictionary<string, FlowFacts> sequences, Dictionary<string, FlowFacts> templates)
        {
            var changed = false;
            foreach (var (name, local) in flows)
            {
                var next = Combine(local, sequences, templates);
                if (next != facts[name])
                {
                    facts[name] = next;
                    changed = true;
                }
            }

            return changed;
        }

        public static FlowFacts Combine(LocalFacts local, IReadOnlyDictionary<string, FlowFacts> sequences, IReadOnlyDictionary<string, FlowFacts> templates)
        {
            var callees = local.Sequences.Select(s => sequences.GetValueOrDefault(s))
                .Concat(local.Templates.Select(t => templates.GetValueOrDefault(t)))
                .ToList();
            var calleeSends = callees.Any(c => c.Sends);
            return new FlowFacts(
                CanAnswer: local.Stops || callees.Any(c => c.CanAnswer),
                Sends: local.Sends || calleeSends,
                CallsSendingFlow: calleeSends,
                SendsWithoutBlocking: local.SendsWithoutBlocking || callees.Any(c => c.SendsWithoutBlocking),
                CallsBlocking: local.CallsBlocking || callees.Any(c => c.CallsBlocking));
        }

        /// <summary>
        /// A sequence or template whose <c>onError</c> names a sequence of the project runs that sequence when one of
        /// its mediators fails, and mediation then stops (SequenceMediator pushes it as the fault handler): it can end
        /// the flow, and does what the onError sequence does. An onError naming no sequence is ignored, as Synapse
        /// ignores it (with a warning).
        /// </summary>
        private static LocalFacts WithOnError(LocalFacts local, string? onError, SymbolTable symbols) =>
            onError is not null && symbols.Sequence(onError) is not null
                ? local with { Stops = true, Sequences = [.. local.Sequences, onError] }
                : local;

        public static LocalFacts Local(IEnumerable<MediatorSyntax> mediators)
        {
            var walker = new FlowWalker();
            walker.WalkMediators(mediators);
            return new LocalFacts(walker.Stops, walker.Sends, walker.Sequences, walker.Templates, walker.SendsWithoutBlocking, walker.CallsBlocking);
        }
    }

    private sealed record LocalFacts(bool Stops, bool Sends, IReadOnlyList<string> Sequences, IReadOnlyList<string> Templates, bool SendsWithoutBlocking, bool CallsBlocking);

    /// <summary>
    /// Visits the mediators that run in the flow itself: the branches of filter, switch, in/out, throttle, inline
    /// sequences and validate's on-fail (ValidateMediator returns what its on-fail flow returns, so a respond or drop there
    /// ends the flow that runs the validate), not the targets of iterate, clone and the like (those run on copies of the message).
    /// </summary>
    private sealed class FlowWalker : SyntaxWalker
    {
        public bool Stops { get; private set; }

        public bool Sends { get; private set; }

        /// <summary>A send (to an endpoint or the To address), a non-blocking call, a split target's endpoint, a store or a scatter-gather.</summary>
        public bool SendsWithoutBlocking { get; private set; }

        /// <summary>A blocking call or a callout.</summary>
        public bool CallsBlocking { get; private set; }

        public List<string> Sequences { get; } = new();

        public List<string> Templates { get; } = new();

        protected override bool DescendInto(MediatorSyntax mediator) =>
            mediator is FilterMediator or SwitchMediator or DirectionMediator or InlineSequenceMediator or ThrottleMediator or ValidateMediator or CacheMediator;

        protected override void OnMediator(MediatorSyntax mediator)
        {
            switch (mediator)
            {
                case RespondMediator or DropMediator:
                    Stops = true;
                    break;
                case SendMediator send:
                    Stops = true;
                    Sends |= send.Endpoint is not null;
                    SendsWithoutBlocking = true;
                    break;
                case CallMediator { Blocking: false }:
                    SendsWithoutBlocking = true;
                    break;
                case StoreMediator:
                    // MessageStoreMediator marks the request as answered elsewhere (RESPONSE_WRITTEN SKIP) as a
                    // non-blocking send does: a failure after it gets no answer either.
                    SendsWithoutBlocking = true;
                    break;
                case ScatterGatherMediator:
                    // ScatterGather.mediate sets RESPONSE_WRITTEN to SKIP once it has dispatched its sequences, whatever
                    // they do: a failure after it (a sequence's, or the flow's once gathered) gets no answer either.
                    SendsWithoutBlocking = true;
                    break;
                case ConnectorOperationMediator operation when IsHttpConnectorSend(operation):
                    // The connector's operation template sends with a non-blocking call (IsHttpConnectorSend), in a named
                    // sequence too.
                    SendsWithoutBlocking = true;
                    break;
                case CallMediator or CalloutMediator:
                    CallsBlocking = true;
                    break;
                case LoopbackMediator:
                    Stops = true;
                    Sends = true;
                    break;
                case SequenceReferenceMediator { Key.IsDynamic: false } reference:
                    Sequences.Add(reference.Key.Text);
                    break;
                case CallTemplateMediator call:
                    Templates.Add(call.Target);
                    break;
                case CacheMediator { Collector: false } cache:
                    // A finder's hit ends the flow (CacheMediator.processRequestMessage returns false): the cached response
                    // is sent back, or onCacheHit runs in the flow itself, inline or as the sequence its key names.
                    Stops = true;
                    if (cache.OnCacheHit?.SequenceKey is { IsDynamic: false } onHit)
                    {
                        Sequences.Add(onHit.Text);
                    }

                    break;
                case ThrottleMediator throttle:
                    // onAccept and onReject run in the flow itself, inline or as the sequence a key names.
                    Sequences.AddRange(new[] { throttle.OnAccept, throttle.OnReject }.Select(b => b?.SequenceKey).OfType<KeySyntax>().Where(k => !k.IsDynamic).Select(k => k.Text));
                    break;
                case IterateMediator { ContinueParent: false } or CloneMediator { ContinueParent: false }:
                    // Without continueParent the flow stops at the split; the first answer of its copies is the response (semantics §4.1).
                    Stops = true;
                    SplitTargets(mediator);
                    break;
                case IterateMediator or CloneMediator:
                    SplitTargets(mediator);
                    break;
            }
        }

        /// <summary>What the copies of a split send: their responses run this flow's out flow.</summary>
        private void SplitTargets(MediatorSyntax split)
        {
            var targets = split switch
            {
                IterateMediator iterate => iterate.Target is { } target ? [target] : ImmutableArray<TargetSyntax>.Empty,
                CloneMediator clone => clone.Targets,
                _ => ImmutableArray<TargetSyntax>.Empty,
            };
            foreach (var target in targets)
            {
                Sends |= target.Endpoint is not null || target.EndpointKey is not null;

                // A target's endpoint sends the copy without blocking (Target.mediate: endpoint.send).
                SendsWithoutBlocking |= target.Endpoint is not null || target.EndpointKey is not null;
                if (target.SequenceKey is { IsDynamic: false } key)
                {
                    Sequences.Add(key.Text);
                }

                if (target.Sequence is { } inline)
                {
                    var facts = FlowAnalysis.Local(inline);
                    Sends |= facts.Sends;
                    SendsWithoutBlocking |= facts.SendsWithoutBlocking;
                    CallsBlocking |= facts.CallsBlocking;
                    Sequences.AddRange(facts.Sequences);
                    Templates.AddRange(facts.Templates);
                }
            }
        }
    }
}

/// <summary>The artifacts of a project by kind and name. The first definition of a name wins; later ones are reported (SB0501).</summary>
public sealed class SymbolTable
{
    private readonly Dictionary<(Type, string), ArtifactSyntax> _table = new();
    private readonly List<ArtifactSyntax> _ordered = new();

    private readonly HashSet<ArtifactSyntax> _failed = new(ReferenceEqualityComparer.Instance);

    /// <param name="diagnostics">Where duplicates (SB0501) and artifacts the table could not take (SB0906) are reported; null to only compute.</param>
    public SymbolTable(IEnumerable<ArtifactSyntax> artifacts, DiagnosticBag? diagnostics = null)
    {
        foreach (var artifact in artifacts)
        {
            try
            {
                BeforeArtifact.Value?.Invoke(artifact);
                if (_table.TryAdd((artifact.GetType(), artifact.Name), artifact))
                {
                    _ordered.Add(artifact);
                }
                else if (artifact is not UnknownArtifactSyntax and not DataServiceSyntax)
                {
                    // Two data services of one name are Axis2's to refuse (SB0506, ServiceAddresses.DeployServices).
                    diagnostics?.Report(DiagnosticCatalog.DuplicateArtifact, artifact.Location, artifact.Kind, artifact.Name,
                        ServiceAddresses.FileName(_table[(artifact.GetType(), artifact.Name)].Location.Path), ServiceAddresses.FileName(artifact.Location.Path));
                }
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // A bug in the converter on one artifact: it is left out of the table (references to it are unresolved),
                // the lowering keeps it whole as a TODO (it reads Failed), and every other artifact is entered.
                _failed.Add(artifact);
                diagnostics?.Report(
                    DiagnosticCatalog.SymbolInternalError,
                    artifact.Location,
                    $"entering the {artifact.XmlName} '{artifact.Name}' in the symbol table",
                    $"{ex.GetType().Name}: {ex.Message}",
                    "it is kept whole as a TODO, references to it are unresolved, and the other artifacts are converted");
            }
        }
    }

    /// <summary>Test seam: runs before each artifact is entered in the table (a test makes it throw to check the guard).</summary>
    internal static readonly AsyncLocal<Action<ArtifactSyntax>?> BeforeArtifact = new();

    /// <summary>The artifacts the table could not take (SB0906, an internal error): not in the table, lowered as TODOs.</summary>
    public IReadOnlySet<ArtifactSyntax> Failed => _failed;

    /// <summary>
    /// Whether <paramref name="artifact"/> is a later definition of a kind and name defined before it: reported
    /// (SB0501) and ignored, as the Micro Integrator does not deploy it.
    /// </summary>
    public bool IsIgnoredDuplicate(ArtifactSyntax artifact) =>
        artifact is not UnknownArtifactSyntax
        && _table.TryGetValue((artifact.GetType(), artifact.Name), out var first)
        && !ReferenceEquals(first, artifact);

    public ApiSyntax? Api(string name) => Find<ApiSyntax>(name);

    public SequenceSyntax? Sequence(string name) => Find<SequenceSyntax>(name);

    public EndpointArtifactSyntax? Endpoint(string name) => Find<EndpointArtifactSyntax>(name);

    public SequenceTemplateSyntax? SequenceTemplate(string name) => Find<SequenceTemplateSyntax>(name);

    public EndpointTemplateSyntax? EndpointTemplate(string name) => Find<EndpointTemplateSyntax>(name);

    public LocalEntrySyntax? LocalEntry(string name) => Find<LocalEntrySyntax>(name);

    public MessageStoreSyntax? MessageStore(string name) => Find<MessageStoreSyntax>(name);

    public MessageProcessorSyntax? MessageProcessor(string name) => Find<MessageProcessorSyntax>(name);

    public ProxySyntax? Proxy(string name) => Find<ProxySyntax>(name);

    public TaskSyntax? Task(string name) => Find<TaskSyntax>(name);

    /// <summary>The sequences, by name (ordinal).</summary>
    public IReadOnlyList<SequenceSyntax> Sequences => Sorted<SequenceSyntax>();

    public IReadOnlyList<SequenceTemplateSyntax> SequenceTemplates => Sorted<SequenceTemplateSyntax>();

    public IReadOnlyList<EndpointArtifactSyntax> Endpoints => Sorted<EndpointArtifactSyntax>();

    public IReadOnlyList<LocalEntrySyntax> LocalEntries => Sorted<LocalEntrySyntax>();

    private List<T> Sorted<T>()
        where T : ArtifactSyntax => _ordered.OfType<T>().OrderBy(a => a.Name, StringComparer.Ordinal).ToList();

    private T? Find<T>(string name)
        where T : ArtifactSyntax => _table.TryGetValue((typeof(T), name), out var artifact) ? (T)artifact : null;
}

/// <summary>A registry resource's content as the converter read it, and the media type the project declared for it.</summary>
/// <param name="Location">The path diagnostics at the resource carry (RegistryResource.Location, else its display path).</param>
public sealed record RegistryContent(byte[] Bytes, string Text, string? MediaType, string? Location = null);
