using System.Globalization;
using System.Text.RegularExpressions;
using System.Collections.Immutable;
using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Semantics;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

/// <summary>
/// Lowers the AST of a whole project into the integration IR. Resolves references, decides which flows
/// can stop, and turns each mediator into steps (see the partial files per construct).
/// </summary>
public sealed partial class Lowerer
{
    private DiagnosticBag _diagnostics;
    private readonly SemanticModel _model;
    private readonly SymbolFactory _symbols = new();
    private readonly Dictionary<string, Symbol> _sequenceFunctions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (Symbol Function, ImmutableArray<FunctionParameterIr> Parameters)> _templateFunctions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ClientIr?> _namedClients = new(StringComparer.Ordinal);
    private readonly Dictionary<string, NotTranslatedIr> _endpointReasons = new(StringComparer.Ordinal);
    private readonly List<FunctionIr> _functions = new();
    private readonly List<ClientIr> _clients = new();
    private readonly List<ConfigurableIr> _configurables = new();
    private readonly List<PendingArtifactIr> _pending = new();
    private readonly List<PendingArtifactIr> _pendingEndpoints = new();
    private readonly Dictionary<string, Symbol> _secrets = new(StringComparer.Ordinal);

    /// <summary>The required configurables declared through <see cref="DeclareSecret"/> that hold no credential (logged as they are).</summary>
    private readonly HashSet<Symbol> _plainConfigurables = new();

    /// <summary>
    /// A get-property('system', name) alias whose name is not a credential's (SecretNames): a setting, not a secret. A
    /// get-property('file', key) value stays a secret whatever its key: such files hold credentials under keys no name
    /// rule recognises (<c>db.pwd</c>, <c>ftpPass</c>, <c>smtp.key</c>).
    /// </summary>
    private static bool PlainSystemProperty(string alias) =>
        alias.StartsWith("system:", StringComparison.Ordinal) && !SecretNames.IsSecret(alias["system:".Length..]);
    private readonly Dictionary<string, Symbol> _entrySymbols = new(StringComparer.Ordinal);

    /// <summary>The local entries whose XML is read at start-up from a copy of their <c>src</c> file (<see cref="EntryKind.XmlFile"/>).</summary>
    private readonly HashSet<string> _xmlFileEntries = new(StringComparer.Ordinal);

    /// <summary>
    /// The local entries some lowered code reads as a value (an expression's entry read, an enrich source, an xslt
    /// stylesheet): an entry with a <c>src</c> file the input does not hold is read at start-up only when it is here.
    /// </summary>
    private readonly HashSet<string> _readEntries = new(StringComparer.Ordinal);
    private ExpressionTranslator _translator;

    private Lowerer(SemanticModel model, DiagnosticBag diagnostics)
    {
        _model = model;
        _diagnostics = diagnostics;
        _translator = new ExpressionTranslator(new Dictionary<string, Symbol>(), DeclareSecret).WithConfigValues(ConfigValue);
    }

    /// <summary>A required configurable (no default value) for a secret, declared once per alias.</summary>
    private Symbol DeclareSecret(string alias) => DeclareSecret(alias, null);

    /// <summary>The required configurable of a secret (a vault alias, ...), declared on first use; <paramref name="purpose"/> (if any) says what the first user takes it for.</summary>
    private Symbol DeclareSecret(string alias, string? purpose)
    {
        if (!_secrets.TryGetValue(alias, out var symbol) && RegistrySecretAlias(alias) is var (key, element))
        {
            // A credential in a registry resource's XML (ExpressionTranslator.RegistryExpr): named after the resource's
            // file and the element, reported where the resource is.
            // A later occurrence of the same name has its number after a NUL (ExpressionTranslator.RegistryExpr).
            var resource = key.Split(':', '/')[^1];
            var (name, occurrence) = element.IndexOf('\0', StringComparison.Ordinal) is > 0 and var cut ? (element[..cut], element[(cut + 1)..]) : (element, null);
            var words = $"{(resource.Contains('.', StringComparison.Ordinal) ? resource[..resource.LastIndexOf('.')] : resource)} {name.Split(':')[^1]}{(occurrence is null ? string.Empty : " " + occurrence)}";
            symbol = _symbols.Module(SymbolKind.Configurable, words);
            _secrets[alias] = symbol;
            var which = occurrence is null ? $"'{name}'" : $"'{name}' (occurrence {occurrence} of that name)";
            _diagnostics.Report(DiagnosticCatalog.SecretConfigurable, _model.RegistryResource(key)?.Location is { } path ? SourceLocation.FileStart(path) : null, $"{key} {name}{(occurrence is null ? string.Empty : " " + occurrence)}");
            _configurables.Add(new ConfigurableIr(symbol, ConfigurableType.String, null, $"Secret {which} of registry resource '{key}' (a literal in the resource, not copied; give it as the XML text the resource holds there).", Secret: true));
        }
        else if (!_secrets.TryGetValue(alias, out symbol))
        {
            symbol = _symbols.Module(SymbolKind.Configurable, alias);
            _secrets[alias] = symbol;
            var description = purpose is not null
                ? $"Secret '{alias}' (a secure vault alias in Synapse): {purpose}."
                : alias.StartsWith("hashicorp:", StringComparison.Ordinal)
                ? $"Secret '{alias["hashicorp:".Length..]}' (a HashiCorp Vault namespace, path and field in Synapse's hashicorp-vault())."
                : alias.StartsWith("file:", StringComparison.Ordinal)
                ? $"Key '{alias["file:".Length..]}' of the Micro Integrator's file.properties (get-property('file', ...)); kept as a secret, since such files also hold credentials."
                : alias.StartsWith("system:", StringComparison.Ordinal)
                ? $"JVM system property '{alias["system:".Length..]}' of the Micro Integrator's server (get-property('system', ...)){(PlainSystemProperty(alias) ? "." : "; kept as a secret, since its name is a credential's.")}"
                : $"Secret '{alias}' (a secure vault alias in Synapse).";
            if (PlainSystemProperty(alias))
            {
                // A JVM system property or file.properties key not named like a credential (file.separator, user.home,
                // a certificate's path): the MI logs its value.
                _plainConfigurables.Add(symbol);
            }

            _configurables.Add(new ConfigurableIr(symbol, ConfigurableType.String, null, description, Secret: !PlainSystemProperty(alias)));
        }

        return symbol;
    }

    /// <summary>The registry key and element of a secret alias <see cref="ExpressionTranslator.RegistrySecretAlias"/> made, or null.</summary>
    private static (string Key, string Element)? RegistrySecretAlias(string alias) =>
        alias.StartsWith(ExpressionTranslator.RegistrySecretPrefix, StringComparison.Ordinal) && alias.IndexOf('\0', StringComparison.Ordinal) is > 0 and var split
            ? (alias[ExpressionTranslator.RegistrySecretPrefix.Length..split], alias[(split + 1)..])
            : null;

    /// <summary>
    /// Which system-scope properties the project sets or removes (PropertyMediator: System.setProperty): a name any
    /// such mediator names, or every name when one computes its name.
    /// </summary>
    private Func<string, bool> SystemPropertyWrites()
    {
        var writes = _model.Mediators.OfType<PropertyMediator>()
            .Where(p => string.Equals(p.Scope, "system", StringComparison.OrdinalIgnoreCase)).ToList();
        if (writes.Any(p => p.DynamicName is not null))
        {
            return _ => true;
        }

        var names = writes.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        return names.Contains;
    }

    /// <summary>
    /// The variables every variable mediator of the project that sets them gives type="XML" (an OMElement in the Micro
    /// Integrator, an xml value here): MI 4.4 <c>xpath(expr, 'name')</c> navigates those.
    /// </summary>
    private Func<string, bool> XmlVariables()
    {
        var sets = _model.Mediators.OfType<VariableMediator>()
            .Where(v => v.Action != PropertyAction.Remove).ToList();
        var xml = sets.Where(v => v.Type == "XML").Select(v => v.Name).ToHashSet(StringComparer.Ordinal);
        xml.ExceptWith(sets.Where(v => v.Type != "XML").Select(v => v.Name));
        return xml.Contains;
    }

    /// <summary>
    /// The numeric type (INTEGER, LONG, DOUBLE) of each variable that every variable mediator setting it declares; null
    /// for a variable set with different types, another type or none (a string). MI 4.4 arithmetic on <c>vars.x</c> reads
    /// it (the run-time read still checks the value, as other mediators may set a variable of the same name).
    /// </summary>
    private Func<string, string?> NumericVariableTypes()
    {
        var types = _model.Mediators.OfType<VariableMediator>()
            .Where(v => v.Action != PropertyAction.Remove)
            .GroupBy(v => v.Name, StringComparer.Ordinal)
            .Select(g => (g.Key, Types: g.Select(v => v.Type).Distinct().ToList()))
            .Where(g => g.Types is [("INTEGER" or "LONG" or "DOUBLE")])
            .ToDictionary(g => g.Key, g => g.Types[0]!, StringComparer.Ordinal);
        return name => types.GetValueOrDefault(name);
    }

    /// <summary>Lowers a project whose semantic model is built.</summary>
    /// <param name="progress">Told (artifacts lowered, artifacts) after each artifact, for a progress display.</param>
    public static PackageIr Lower(SemanticModel model, IReadOnlyList<SynapseDocument> documents, DiagnosticBag diagnostics, Action<int, int>? progress = null) =>
        new Lowerer(model, diagnostics) { _progress = progress }.LowerPackage(documents);

    private Action<int, int>? _progress;
    private int _lowered;

    /// <summary>The package's HTTPS listener, when some proxy or data service names https (<c>HttpsListener</c>).</summary>
    private ListenerIr? _httpsListener;

    /// <summary>The HTTP listener's port configurable (what a call to a service of the package itself follows).</summary>
    private ConfigurableIr? _httpPort;

    /// <summary>
    /// The default port of the HTTP or HTTPS listener: the pass-through ports of the product the input was written for,
    /// 8290 and 8253 for the Micro Integrator (8280 and 8243 plus its default port offset 10), 8280 and 8243 for Enterprise
    /// Integrator 6.x.
    /// </summary>
    private string ServerPort(bool https) => (_model.Server, https) switch
    {
        (ServerProduct.EnterpriseIntegrator6, false) => "8280",
        (ServerProduct.EnterpriseIntegrator6, true) => "8243",
        (_, false) => "8290",
        (_, true) => "8253",
    };

    /// <summary>Which product's default <see cref="ServerPort"/> is, for the configurable's documentation.</summary>
    private string ServerPortDefault(bool https) => (_model.Server, https) switch
    {
        (ServerProduct.EnterpriseIntegrator6, false) => "Enterprise Integrator 6.x's default is 8280, as the input is an EI 6.x project",
        (ServerProduct.EnterpriseIntegrator6, true) => "Enterprise Integrator 6.x's default is 8243, as the input is an EI 6.x project",
        (_, false) => "the Micro Integrator's default is 8290",
        (_, true) => "the Micro Integrator's default is 8253: the https transport's 8243 plus the default port offset 10",
    };

    /// <summary>
    /// The endpoint artifacts a key of the project may name: those a reference resolves to from any artifact but a
    /// registry endpoint, and those a reference of such a named registry endpoint resolves to (a group's members),
    /// transitively. When some endpoint key is computed at run time (<c>key-expression</c>, <c>key="{...}"</c>), any
    /// endpoint may be named: all of them.
    /// </summary>
    private HashSet<ArtifactSyntax> NamedEndpoints()
    {
        var named = new HashSet<ArtifactSyntax>(ReferenceEqualityComparer.Instance);
        var references = _model.Graph.References;
        if (references.Any(r => r.Status == ResolutionStatus.Dynamic && r.Reference.Kind == ReferenceKind.Endpoint))
        {
            named.UnionWith(_model.Symbols.Endpoints);
            return named;
        }

        var pending = new Queue<ArtifactSyntax>();
        foreach (var reference in references)
        {
            if (reference.Target is EndpointArtifactSyntax target && reference.Reference.From is not EndpointArtifactSyntax { RegistryKey: not null } && named.Add(target))
            {
                pending.Enqueue(target);
            }
        }

        while (pending.TryDequeue(out var endpoint))
        {
            foreach (var target in _model.Graph.DependenciesOf(endpoint).OfType<EndpointArtifactSyntax>())
            {
                if (named.Add(target))
                {
                    pending.Enqueue(target);
                }
            }
        }

        return named;
    }

    /// <summary>Builds the semantic model of the documents (reporting into the same bag) and lowers them.</summary>
    public static PackageIr Lower(IReadOnlyList<SynapseDocument> documents, DiagnosticBag diagnostics) =>
        Lower(SemanticModel.Build(documents, null, diagnostics), documents, diagnostics);

    private PackageIr LowerPackage(IReadOnlyList<SynapseDocument> documents)
    {
        var symbols = _model.Symbols;
        foreach (var artifact in _model.Artifacts)
        {
            if (!ArtifactRules.TryGetValue(artifact.GetType(), out var rule))
            {
                throw new InvalidOperationException($"Unhandled artifact kind {artifact.GetType().Name}: add a row to {nameof(ArtifactRules)}");
            }

            if (symbols.Failed.Contains(artifact))
            {
                // The symbol table could not take it (SB0906, reported by Semantics): it is kept whole as a TODO, here
                // only (Guarded skips it for the kinds lowered from the artifact list rather than from the table).
                _pending.Add(new PendingArtifactIr(new NotTranslatedIr(DiagnosticCatalog.SymbolInternalError, $"the converter failed on this {artifact.XmlName} while entering it in the symbol table (an internal error, reported as SB0906)"), artifact));
            }
            else if (_model.FlowFailed.Contains(artifact))
            {
                // Its mediators could not be walked or its flows analysed (SB0908, reported by Semantics): kept whole as
                // a TODO, here only (Guarded, the stores and the processors skip it).
                _pending.Add(new PendingArtifactIr(new NotTranslatedIr(DiagnosticCatalog.FlowInternalError, $"the converter failed on this {artifact.XmlName} while analysing its flows (an internal error, reported as SB0908)"), artifact));
            }
            else if (artifact is ApiSyntax undeployable && _model.UndeployableReason(undeployable) is { } reason)
            {
                // The Micro Integrator fails to build it (URITemplateHelper, SB0507, reported by Semantics): kept whole
                // as a TODO, never a service that answers requests the Micro Integrator never serves.
                _pending.Add(new PendingArtifactIr(new NotTranslatedIr(DiagnosticCatalog.ApiNotDeployable, $"{reason}: the Micro Integrator does not deploy this API (\"Error while parsing the URI template\")"), artifact));
            }
            else if (artifact is ApiSyntax refused && _model.ContextHolder(refused) is { } holder)
            {
                // The Micro Integrator refuses it (SynapseConfiguration.addAPI, SB0504, reported by Semantics): two services
                // on one base path would stop the whole package, so it is kept whole as a TODO.
                _pending.Add(new PendingArtifactIr(new NotTranslatedIr(DiagnosticCatalog.ApiContextClash, $"the URL context '{refused.Context}' is already registered with the API '{holder.Name}' ({Path.GetFileName(holder.Location.Path)}), so the Micro Integrator does not deploy this API; only '{holder.Name}' is generated"), artifact));
            }
            else if (_model.ServiceNameHolder(artifact) is { } nameHolder)
            {
                // Axis2 refuses it for the name of a data service it deploys first (SB0506, reported by Semantics): two
                // services on one base path would stop the whole package, so it is kept whole as a TODO.
                _pending.Add(new PendingArtifactIr(new NotTranslatedIr(DiagnosticCatalog.ServiceNameClash, $"the service name '{artifact.Name}' is already registered with the data service of {ServiceAddresses.FileName(nameHolder.Location.Path)}, so the Micro Integrator does not deploy this {artifact.XmlName}; only that data service is generated"), artifact));
            }
            else if (rule.NotTranslatedBecause is not null)
            {
                Guarded(artifact, () =>
                {
                    if (ServerConfigurationNote(artifact) is { } note)
                    {
                        AddServerConfiguration(artifact, note);
                    }
                    else
                    {
                        AddPending(artifact, rule.NotTranslatedBecause);
                    }
                });
            }
        }

        var port = new ConfigurableIr(_symbols.Module(SymbolKind.Configurable, "http port"), ConfigurableType.Integer, ServerPort(https: false), $"Port of the HTTP listener every API is served on ({ServerPortDefault(https: false)}).", Secret: false);
        _httpPort = port;
        var listener = new ListenerIr(_symbols.Module(SymbolKind.Listener, "http listener"), port);
        _configurables.Add(port);

        // Symbols first, so that lowering a body can refer to any function or client.
        // Each declared under a guard of its own (SB0908): one that throws is declared by its name alone, so that its
        // callers still call it, and kept whole as a TODO.
        foreach (var sequence in symbols.Sequences)
        {
            _sequenceFunctions[sequence.Name] = GuardedPass(sequence, DeclaringStep, () =>
            {
                var (hint, fallback) = FunctionHint(sequence);
                return _symbols.Module(SymbolKind.Function, hint, "sequence", fallback);
            }) ?? _symbols.Module(SymbolKind.Function, sequence.Name, "sequence");
        }

        foreach (var template in symbols.SequenceTemplates)
        {
            _templateFunctions[template.Name] = GuardedPass<(Symbol, ImmutableArray<FunctionParameterIr>)?>(template, DeclaringStep, () =>
            {
                var (hint, fallback) = FunctionHint(template);
                var function = _symbols.Module(SymbolKind.Function, hint, "template", fallback);
                var parameters = template.Parameters
                    .Select(p => new FunctionParameterIr(SymbolFactory.Local(p.Name), p.Name, p.DefaultValue ?? string.Empty, p.IsMandatory))
                    .ToImmutableArray();
                return (function, parameters);
            }) ?? (_symbols.Module(SymbolKind.Function, template.Name, "template"), ImmutableArray<FunctionParameterIr>.Empty);
        }

        CollectLazyTemplateCalls();

        var namedEndpoints = NamedEndpoints();
        foreach (var endpoint in symbols.Endpoints)
        {
            if (endpoint.RegistryKey is not null && !namedEndpoints.Contains(endpoint))
            {
                // Fetched by key only (RegistryArtifacts): with no key naming it, the Micro Integrator never loads it.
                continue;
            }

            Guarded(endpoint, () => { LowerNamedEndpoint(endpoint); });
        }

        LowerMessageStores();
        var entries = symbols.LocalEntries.Select(entry => Guarded(entry, () => LowerLocalEntry(entry))).OfType<LocalEntryIr>().ToImmutableArray();
        foreach (var entry in entries)
        {
            _entrySymbols[entry.Origin.Name] = entry.Name;
            if (entry.Kind == EntryKind.XmlFile)
            {
                _xmlFileEntries.Add(entry.Origin.Name);
            }
        }

        _translator = _translator.WithSystemWrites(SystemPropertyWrites()).WithXmlVariables(XmlVariables()).WithVariableTypes(NumericVariableTypes()).WithRegistry(_model.RegistryResource);
        _translator = _translator.WithEntries(new ReadEntries(entries
            .ToDictionary(e => e.Origin.Name, e => new LocalEntryReadIr(e.Name, e.Kind is EntryKind.Xml or EntryKind.XmlFile), StringComparer.Ordinal), _readEntries));

        foreach (var sequence in symbols.Sequences)
        {
            Guarded(sequence, () => LowerSequence(sequence));
        }

        foreach (var template in symbols.SequenceTemplates)
        {
            Guarded(template, () => LowerTemplate(template));
        }

        var inbounds = _model.Artifacts.OfType<InboundEndpointSyntax>().Select(inbound => Guarded(inbound, () => LowerInbound(inbound))).OfType<InboundIr>().ToImmutableArray();
        var processors = LowerMessageProcessors();
        var jobs = _model.Artifacts.OfType<TaskSyntax>().Where(t => ReferenceEquals(_model.Symbols.Task(t.Name), t)).Select(task => Guarded(task, () => LowerTask(task))).OfType<JobIr>().ToImmutableArray();
        DecideHttpsListener();
        var services = _model.Apis.SelectMany(api => Guarded(api, () => LowerApi(api).ToList()) ?? []).ToList();
        services.AddRange(_model.Artifacts.OfType<ProxySyntax>().Where(p => ReferenceEquals(_model.Symbols.Proxy(p.Name), p) && _model.ServiceNameHolder(p) is null).SelectMany(proxy => Guarded(proxy, () => LowerProxy(proxy).ToList()) ?? []));
        services.AddRange(_model.Artifacts.OfType<DataServiceSyntax>().Where(d => _model.ServiceNameHolder(d) is null).SelectMany(service => LoweredDataService(service) ?? []));
        if (_model.Symbols.Sequence("main") is { } mainSequence && !IsKeptWhole(mainSequence)
            && GuardedPass(mainSequence, MainServiceStep, () => LowerMainService(services)) is { } main)
        {
            services.Add(main);
        }

        // After every flow: a dblookup or dbreport anywhere (the main sequence too) may look a data source up by its JNDI name.
        foreach (var source in _model.Artifacts.OfType<DataSourceSyntax>())
        {
            Guarded(source, () => LowerDataSource(source));
        }

        ResolveSelfCalls(services);

        // Every artifact went through a guard (Guarded or GuardedPass) or was kept whole as a TODO before: all done now.
        _progress?.Invoke(_model.Artifacts.Length, _model.Artifacts.Length);

        DropGlobalFaultSequenceOnlyRunnersHold();
        DescribeFaultRunners();
        ReportDetachedCopyFaults(services);
        // A body lowers a named endpoint when it refers to it; one the graph missed is then lowered and not listed here.
        var unreferenced = symbols.Endpoints
            .Where(e => e.RegistryKey is not null && !namedEndpoints.Contains(e) && !_namedClients.ContainsKey(e.Name) && !_endpointReasons.ContainsKey(e.Name))
            .Select(e => new UnreferencedEndpointIr(e.RegistryKey!, e.Location))
            .ToImmutableArray();
        entries = entries.Select(entry => GuardedPass(entry.Origin, EntryReadStep, () => ExternalEntryRead(entry)) ?? entry).ToImmutableArray();
        // The Micro Integrator serves APIs and the main sequence on every HTTP transport listener, https too.
        return new PackageIr(
            listener,
            services.Select(s => _httpsListener is not null && s.Kind is ServiceKind.Api or ServiceKind.MainSequence && !s.HttpOnly ? s with { OnHttps = true } : s).ToImmutableArray(),
            _functions.ToImmutableArray(),
            _clients.ToImmutableArray(),
            IntegerDefaults(_configurables).ToImmutableArray(),
            _pending.ToImmutableArray(),
            documents.Select(d => d.Path).ToImmutableArray(),
            _symbols.ModuleSymbols.Where(s => !_replacedFaults.ContainsKey(s)).ToImmutableArray())
        {
            HttpsListener = _httpsListener,
            PendingEndpoints = _pendingEndpoints.ToImmutableArray(),
            UnreferencedRegistryEndpoints = unreferenced,
            LocalEntries = entries,
            Jobs = jobs,
            Inbounds = [.. inbounds, .. _proxyListeners],
            MessageStores = _messageStores.Values.ToImmutableArray(),
            MessageProcessors = processors,
            PendingStores = _pendingStores.ToImmutableArray(),
            Stylesheets = _stylesheetValues.ToImmutableArray(),
            ExternalStylesheets = _externalStylesheetValues.ToImmutableArray(),
            ValidationSchemas = _validationSchemaList.ToImmutableArray(),
            DataMappings = _dataMappingList.ToImmutableArray(),
            DatabaseClients = _dbClients.ToImmutableArray(),
            HttpConnections = _httpConnectionList.ToImmutableArray(),
            EmailConnections = _emailConnectionList.ToImmutableArray(),
            KafkaConnections = _kafkaConnectionList.ToImmutableArray(),
            SalesforceConnections = _salesforceConnectionList.ToImmutableArray(),
            GmailConnections = _gmailConnectionList.ToImmutableArray(),
            RedisConnections = _redisConnectionList.ToImmutableArray(),
        };
    }

    /// <summary>How one kind of artifact is lowered: by the package lowering (APIs, sequences, templates, endpoints, local entries), or kept as a TODO with its XML.</summary>
    internal sealed record ArtifactRule(Type Syntax, string Element, string? NotTranslatedBecause);

    /// <summary>Every artifact node kind of the AST has a row (a test checks it).</summary>
    internal static readonly IReadOnlyDictionary<Type, ArtifactRule> ArtifactRules = new ArtifactRule[]
    {
        new(typeof(ApiSyntax), "api", null),
        new(typeof(SequenceSyntax), "sequence", null),
        new(typeof(SequenceTemplateSyntax), "template (sequence)", null),
        new(typeof(EndpointArtifactSyntax), "endpoint", null),
        new(typeof(LocalEntrySyntax), "localEntry", null),
        new(typeof(ProxySyntax), "proxy", null),
        new(typeof(EndpointTemplateSyntax), "template (endpoint)", null),
        new(typeof(InboundEndpointSyntax), "inboundEndpoint", null),
        new(typeof(TaskSyntax), "task", null),
        new(typeof(TaskManagerSyntax), "taskManager", "the Micro Integrator's task scheduler settings have no counterpart: ballerina/task schedules jobs in process"),
        new(typeof(MessageStoreSyntax), "messageStore", null),
        new(typeof(MessageProcessorSyntax), "messageProcessor", null),
        new(typeof(EventSourceSyntax), "eventSource", "WS-Eventing event sources have no Ballerina counterpart"),
        new(typeof(RegistrySyntax), "registry", "the registry is configured in the Micro Integrator, not in the package"),
        new(typeof(ImportSyntax), "import", "connector imports have no Ballerina counterpart; import the Ballerina connector instead"),
        new(typeof(PriorityExecutorSyntax), "priorityExecutor", "priority thread pools have no Ballerina counterpart: Ballerina schedules its strands itself"),
        new(typeof(DataServiceSyntax), "data (data service)", null),
        new(typeof(DataSourceSyntax), "datasource (data source)", null),
        new(typeof(UnknownArtifactSyntax), "(any unknown root element)", "the element is not an artifact the converter knows"),
    }.ToDictionary(r => r.Syntax);

    /// <summary>Test seam: runs before each artifact is lowered (a test makes it throw to check the guard below).</summary>
    internal static readonly AsyncLocal<Action<ArtifactSyntax>?> BeforeArtifact = new();

    /// <summary>Test seam: runs before each artifact's step of a whole-project lowering pass (<see cref="GuardedPass"/>), with the step (a test makes it throw to check the guard).</summary>
    internal static readonly AsyncLocal<Action<ArtifactSyntax, string>?> BeforePass = new();

    /// <summary>The step of <see cref="GuardedPass"/> that declares the function of a sequence or sequence template.</summary>
    internal const string DeclaringStep = "declaring the function";

    /// <summary>The step of <see cref="GuardedPass"/> that makes the main sequence's catch-all service.</summary>
    internal const string MainServiceStep = "making the service of the main sequence";

    /// <summary>The step of <see cref="GuardedPass"/> that declares the start-up read of a local entry's external file.</summary>
    internal const string EntryReadStep = "declaring the start-up read of its file";

    /// <summary>The artifacts a whole-project lowering pass failed on before they were lowered (SB0908): kept whole as TODOs.</summary>
    private readonly HashSet<ArtifactSyntax> _passFailed = new(ReferenceEqualityComparer.Instance);

    /// <summary>Whether the artifact is kept whole as a TODO because a stage before its lowering failed on it (SB0906, SB0908).</summary>
    private bool IsKeptWhole(ArtifactSyntax artifact) =>
        _model.Symbols.Failed.Contains(artifact) || _model.FlowFailed.Contains(artifact) || _passFailed.Contains(artifact);

    /// <summary>
    /// Runs one artifact's step of a lowering pass over the whole project; an unexpected exception (a bug in the
    /// converter) is reported against that artifact (SB0908) and null is returned. A step that runs before the
    /// artifact is lowered (<see cref="DeclaringStep"/>) keeps it whole as a TODO; one that runs after leaves its
    /// part out (the main sequence's service, an entry's start-up read), as the diagnostic says.
    /// </summary>
    private T? GuardedPass<T>(ArtifactSyntax artifact, string step, Func<T> run)
    {
        try
        {
            BeforePass.Value?.Invoke(artifact, step);
            return run();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            var before = step == DeclaringStep;
            _diagnostics.Report(
                DiagnosticCatalog.FlowInternalError,
                artifact.Location,
                $"{step} of the {artifact.XmlName} '{artifact.Name}'",
                $"{ex.GetType().Name}: {ex.Message}",
                before
                    ? "it is kept whole as a TODO and the other artifacts are converted"
                    : step == MainServiceStep
                    ? "no service is made for it (requests no API matches are not handled) and the rest is converted"
                    : "it is left as a comment with its URL, and code that reads it does not compile until the read is written by hand");
            if (before && _passFailed.Add(artifact))
            {
                _pending.Add(new PendingArtifactIr(new NotTranslatedIr(DiagnosticCatalog.FlowInternalError, $"the converter failed on this {artifact.XmlName} while {step} (an internal error, reported as SB0908)"), artifact));
            }

            return default;
        }
    }

    /// <summary>
    /// Lowers one artifact; an unexpected exception is a bug in the converter: it is reported against that artifact
    /// (SB0902), the artifact is kept whole as a TODO, and the other artifacts still convert.
    /// </summary>
    private T? Guarded<T>(ArtifactSyntax artifact, Func<T> lower)
    {
        if (_model.Symbols.Failed.Contains(artifact) || _model.FlowFailed.Contains(artifact) || _passFailed.Contains(artifact))
        {
            // Not in the symbol table (SB0906), or its flows could not be analysed (SB0908), or a lowering pass failed
            // on it before (SB0908): already kept whole as a TODO by LowerPackage.
            _lowered++;
            _progress?.Invoke(Math.Min(_lowered, _model.Artifacts.Length), _model.Artifacts.Length);
            return default;
        }

        if (_model.Graph.Failed.Contains(artifact))
        {
            // Resolving its references failed (SB0904, reported by Semantics): it is kept whole as a TODO.
            _pending.Add(new PendingArtifactIr(new NotTranslatedIr(DiagnosticCatalog.ReferenceInternalError, $"the converter failed on this {artifact.XmlName} while resolving its references (an internal error, reported as SB0904)"), artifact));
            _lowered++;
            _progress?.Invoke(Math.Min(_lowered, _model.Artifacts.Length), _model.Artifacts.Length);
            return default;
        }

        try
        {
            BeforeArtifact.Value?.Invoke(artifact);
            return lower();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            _diagnostics.Report(DiagnosticCatalog.ArtifactInternalError, artifact.Location, artifact.XmlName, artifact.Name, $"{ex.GetType().Name}: {ex.Message}");
            _pending.Add(new PendingArtifactIr(new NotTranslatedIr(DiagnosticCatalog.ArtifactInternalError, $"the converter failed on this {artifact.XmlName} (an internal error, reported as SB0902)"), artifact));
            return default;
        }
        finally
        {
            _lowered++;
            _progress?.Invoke(Math.Min(_lowered, _model.Artifacts.Length), _model.Artifacts.Length);
        }
    }

    private void Guarded(ArtifactSyntax artifact, Action lower) => Guarded<object>(artifact, () =>
    {
        lower();
        return artifact;
    });

    /// <summary>An artifact kind the converter does not translate, for the reason its rule gives: a TODO with its XML (SB0202).</summary>
    private void AddPending(ArtifactSyntax artifact, string because)
    {
        _diagnostics.Report(DiagnosticCatalog.ArtifactNotTranslated, artifact.Location, artifact.XmlName, artifact.Name, because);
        _pending.Add(new PendingArtifactIr(new NotTranslatedIr(DiagnosticCatalog.ArtifactNotTranslated, $"{artifact.XmlName} '{artifact.Name}' is not translated: {because}"), artifact));
    }

    /// <summary>
    /// A local entry becomes a module-level value: text as a string, inline XML as an xml value. A connector
    /// connection that becomes a client (an <c>&lt;http.init&gt;</c>) is no value: null.
    /// </summary>
    private LocalEntryIr? LowerLocalEntry(LocalEntrySyntax entry)
    {
        if (entry is { Src: { } url, SrcFile: null })
        {
            // The URL wins over inline content (EntryFactory); a file the input holds has been loaded into the entry.
            return ExternalEntry(entry, url);
        }

        var connection = entry.Xml is { } entryXml ? ConnectionInit.Match(entryXml) : null;
        if (entry.Xml is { } connectionXml && connection is { Success: true } && connection.Groups["name"].Value switch
            {
                "http.init" => TryLowerHttpConnection(entry, connectionXml),
                "email.init" => TryLowerEmailConnection(entry, connectionXml),
                "kafkaTransport.init" => TryLowerKafkaConnection(entry, connectionXml),
                "salesforcerest.init" => TryLowerSalesforceConnection(entry, connectionXml),
                "gmail.init" => TryLowerGmailConnection(entry, connectionXml),
                "db.init" => TryLowerDbConnection(entry, connectionXml),
                "redis.init" => TryLowerRedisConnection(entry, connectionXml),
                _ => false,
            })
        {
            return null;
        }

        var name = _symbols.Module(SymbolKind.LocalEntry, entry.Name, "entry");
        if (entry.Xml is { } xml)
        {
            if (connection is { Success: true })
            {
                var kind = connection.Groups["name"].Value;
                var problems = kind switch
                {
                    "http.init" => _httpConnectionProblems,
                    "email.init" => _emailConnectionProblems,
                    "kafkaTransport.init" => _kafkaConnectionProblems,
                    "salesforcerest.init" => _salesforceConnectionProblems,
                    "gmail.init" => _gmailConnectionProblems,
                    "db.init" => _dbConnectorConnectionProblems,
                    "redis.init" => _redisConnectionProblems,
                    _ => null,
                };
                var why = problems is not null
                    ? problems.TryGetValue(entry.Name, out var problem)
                        ? $"{problem}, so the client cannot be configured from it; an operation that names it (configKey) stays a TODO (SB0232)"
                        : "one of its settings is unknown, incomplete or evaluated on the message (the diagnostic beside it says which), so the client cannot be configured from it; an operation that names it (configKey) stays a TODO (SB0232)"
                    : "the converter makes clients only from <http.init>, <email.init>, <kafkaTransport.init>, <salesforcerest.init>, <gmail.init>, <db.init> and <redis.init> connections, whose operations it translates; an operation that names this one (configKey) stays a TODO (SB0232), so a client would have no caller";
                _diagnostics.Report(DiagnosticCatalog.ConnectionNotTranslated, entry.Location, entry.Name, kind, why);
            }

            // The element as the Micro Integrator holds it (EntryFactory keeps elem.getFirstElement()): an unprefixed
            // element under the file's default xmlns stays in the Synapse namespace, which readers of the entry see
            // (an XPath, get-property's string value, an enrich or a property of it, a stylesheet's literal elements).
            // With credentials, the value keeps them masked: the parts are what is emitted.
            var value = entry.XmlAsDeployed ?? xml;
            var parts = SecretParts(entry, value);
            return new LocalEntryIr(name, EntryKind.Xml, parts.IsEmpty ? value : Masked(parts), entry) { Parts = parts };
        }

        var text = entry.Text ?? string.Empty;
        if (SecretNames.IsSecret(entry.Name) && !SecretNames.IsPlaceholder(text))
        {
            // A text entry named like a credential: the value comes from a required configurable.
            return new LocalEntryIr(name, EntryKind.Text, Redacted, entry) { Parts = [new TemplatePart.Argument(new ConfigurableReadIr(EntrySecret(entry, null)), Raw: true, InAttribute: false)] };
        }

        return new LocalEntryIr(name, EntryKind.Text, text, entry);
    }

    /// <summary>The extensions of a <c>src</c> file read as XML when the input does not hold it.</summary>
    private static readonly HashSet<string> XmlExtensions = new(StringComparer.OrdinalIgnoreCase) { ".xml", ".xsl", ".xslt", ".wsdl", ".xsd", ".policy" };

    /// <summary>
    /// A local entry whose <c>src</c> URL names a file the input does not hold: the Micro Integrator loads it when it
    /// deploys the entry and refuses the entry when it cannot (<c>SynapseConfigUtils.getObject</c>). The Micro
    /// Integrator keeps the content as XML when it parses, else as text; the copy is read as XML when its name says so
    /// (<see cref="XmlExtensions"/>), else as text. Whether it is read at all is decided once every body is lowered
    /// (<see cref="ExternalEntryRead"/>).
    /// </summary>
    private LocalEntryIr ExternalEntry(LocalEntrySyntax entry, string url)
    {
        var name = _symbols.Module(SymbolKind.LocalEntry, entry.Name, "entry");
        var fileName = url.Trim().TrimEnd('/').Split('/', '\\', ':')[^1];
        var isXml = XmlExtensions.Contains(Path.GetExtension(fileName));
        return new LocalEntryIr(name, isXml ? EntryKind.XmlFile : EntryKind.TextFile, url, entry);
    }

    /// <summary>
    /// An entry with a <c>src</c> file the input does not hold, once every body is lowered. When code reads it as a
    /// value, it is read once, at start-up, from a copy whose path a required configurable gives, and the program does
    /// not start without it (SB0254 says which). When nothing does (it is only used as a sequence, endpoint or template
    /// key, which stays a TODO, or not at all), no start-up read and no configurable: the entry stays a comment with
    /// its URL (SB0263), so that the program does not wait for a file it never reads.
    /// </summary>
    private LocalEntryIr ExternalEntryRead(LocalEntryIr entry)
    {
        if (entry.Kind is not (EntryKind.XmlFile or EntryKind.TextFile))
        {
            return entry;
        }

        var url = entry.Value;
        if (!_readEntries.Contains(entry.Origin.Name))
        {
            _diagnostics.Report(DiagnosticCatalog.LocalEntryFromFileUnread, entry.Origin.Location, entry.Origin.Name, url);
            return entry;
        }

        var path = _symbols.Module(SymbolKind.Configurable, entry.Origin.Name + " path");
        var what = entry.Kind == EntryKind.XmlFile ? "XML" : "text";
        _configurables.Add(new ConfigurableIr(
            path,
            ConfigurableType.String,
            null,
            $"Path of a copy of '{url}', the content of local entry '{entry.Origin.Name}', read as {what}: the Micro Integrator loads {SourceWhere(url)} when it deploys the entry, and the input does not hold it.",
            Secret: false));
        _diagnostics.Report(DiagnosticCatalog.LocalEntryFromFile, entry.Origin.Location, entry.Origin.Name, url, what);
        return entry with { SourcePath = path };
    }

    /// <summary>Where the Micro Integrator loads a <c>src</c> URL from (SynapseConfigUtils.getObject), by scheme.</summary>
    private static string SourceWhere(string url)
    {
        var trimmed = url.Trim();
        var scheme = trimmed.IndexOf(':', StringComparison.Ordinal) is > 0 and var colon ? trimmed[..colon].ToLowerInvariant() : string.Empty;
        return scheme switch
        {
            "file" => "that file (a relative file: path from its working directory, then from its home)",
            "http" or "https" => "the content of that URL (fetched over HTTP)",
            _ => "the content of that URL",
        };
    }

    /// <summary>The translator's view of the local entries: records each entry a lowered expression reads.</summary>
    private sealed class ReadEntries(IReadOnlyDictionary<string, LocalEntryReadIr> entries, HashSet<string> read) : IReadOnlyDictionary<string, LocalEntryReadIr>
    {
        public LocalEntryReadIr this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

        public IEnumerable<string> Keys => entries.Keys;

        public IEnumerable<LocalEntryReadIr> Values => entries.Values;

        public int Count => entries.Count;

        public bool ContainsKey(string key) => entries.ContainsKey(key);

        public bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out LocalEntryReadIr value)
        {
            if (!entries.TryGetValue(key, out value))
            {
                return false;
            }

            read.Add(key);
            return true;
        }

        public IEnumerator<KeyValuePair<string, LocalEntryReadIr>> GetEnumerator() => entries.GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>
    /// Why an endpoint's <c>&lt;property&gt;</c> is not translated: AbstractEndpoint.send evaluates every one on the
    /// message each time the endpoint sends (evaluateProperties, after building a content-aware message), setting it
    /// in its scope (MediatorProperty.evaluate) where the flow and the response see it; the generated call sets nothing.
    /// </summary>
    private const string EndpointUriVariableNotSet = "the uri-template is expanded with it as HTTPEndpoint.resolveUrlTemplate does (its value binds the variable, and with it the template is always expanded), but the Micro Integrator also sets it on the message in its scope each time the endpoint sends (AbstractEndpoint.evaluateProperties), and the generated call does not; when the flow reads it, set it with a <property> before each send or call through this endpoint (the expansion stays the same)";

    private const string EndpointPropertyNotApplied = "the Micro Integrator sets it on the message in its scope each time the endpoint sends (AbstractEndpoint.evaluateProperties), and the generated call does not; set it with a <property> before each send or call through this endpoint";

    /// <summary>The root of a connector connection configuration: <c>&lt;email.init&gt;</c>, <c>&lt;http.init&gt;</c>, <c>&lt;salesforce.init&gt;</c>, ...</summary>
    private static readonly Regex ConnectionInit = new(@"^\s*(<\?[^>]*\?>\s*)?(<!--.*?-->\s*)*<(?<name>[\w\-]+(\.[\w\-]+)*\.init)[\s/>]", RegexOptions.Singleline | RegexOptions.CultureInvariant);

    /// <summary>A leaf element with text only: <c>&lt;password&gt;x&lt;/password&gt;</c>, with or without a prefix and attributes.</summary>
    private static readonly Regex LeafElement = new(@"<(?<prefix>[\w.\-]+:|)(?<name>[A-Za-z_][\w.\-]*)(?<attributes>\s[^<>]*?)?>(?<text>[^<]*)</\k<prefix>\k<name>\s*>", RegexOptions.CultureInvariant);

    /// <summary>
    /// A whole value that is a secure vault lookup: <c>{wso2:vault-lookup('alias')}</c>, or a HashiCorp Vault one,
    /// <c>{hashicorp:vault-lookup('path', 'field')}</c> or <c>('namespace', 'path', 'field')</c> (SecureVaultResolver's
    /// <c>{x:vault-lookup('...')}</c> pattern takes both).
    /// </summary>
    private static readonly Regex VaultLookup = new(@"^\s*\{\s*(wso2:vault-lookup\(\s*'(?<alias>[^']+)'|hashicorp:vault-lookup\(\s*'(?<first>[^']+)'\s*,\s*'(?<second>[^']+)'(\s*,\s*'(?<third>[^']+)')?)\s*\)\s*\}\s*$", RegexOptions.CultureInvariant);

    /// <summary>The secret a <see cref="VaultLookup"/> match reads: the alias, or <c>hashicorp:</c> and its namespace, path and field (as hashicorp-vault()).</summary>
    private static string VaultAlias(Match vault) => vault.Groups["alias"].Success
        ? vault.Groups["alias"].Value
        : "hashicorp:" + string.Join("/", new[] { vault.Groups["first"], vault.Groups["second"], vault.Groups["third"] }.Where(g => g.Success).Select(g => g.Value));

    /// <summary>An attribute: <c>password="x"</c>.</summary>
    private static readonly Regex Attribute = new(@"(?<=\s)(?<name>[A-Za-z_][\w.\-:]*)\s*=\s*(?<quote>[""'])(?<value>.*?)\k<quote>", RegexOptions.CultureInvariant);

    /// <summary>
    /// Splits an XML entry into text and configurable reads: the text of every leaf element named like a credential
    /// (or a <c>&lt;parameter name="password"&gt;</c>), every attribute named like one and the <c>value</c> of an element
    /// whose <c>name</c> is one (<see cref="SecretNames.AttributeSecrets"/>, the same rule the TODO comments mask by), becomes a required configurable.
    /// Empty when the entry holds no literal secret.
    /// </summary>
    private ImmutableArray<TemplatePart> SecretParts(LocalEntrySyntax entry, string xml)
    {
        var secrets = XmlSecrets(xml, vaultLookups: true);
        if (secrets.Count == 0)
        {
            return [];
        }

        var parts = ImmutableArray.CreateBuilder<TemplatePart>();
        var index = 0;
        foreach (var (start, length, secretName) in secrets)
        {
            parts.Add(new TemplatePart.Text(xml[index..start]));
            var configurable = secretName.StartsWith('\0') ? DeclareSecret(secretName[1..]) : EntrySecret(entry, secretName);
            parts.Add(new TemplatePart.Argument(new ConfigurableReadIr(configurable), Raw: true, InAttribute: false));
            index = start + length;
        }

        parts.Add(new TemplatePart.Text(xml[index..]));
        return parts.ToImmutable();
    }

    /// <summary>
    /// Where an XML text holds literal credentials, in order and not overlapping: the text of every leaf element named
    /// like a credential (or a <c>&lt;parameter name="password"&gt;</c>), every attribute named like one and the
    /// <c>value</c> of an element whose <c>name</c> is one (<see cref="SecretNames.AttributeSecrets"/>), each with the
    /// name it goes by; with <paramref name="vaultLookups"/>, a <c>{wso2:vault-lookup('alias')}</c> text too, named
    /// <c>\0</c> and the alias. Empty when it holds none.
    /// </summary>
    internal static List<(int Start, int Length, string Name)> XmlSecrets(string xml, bool vaultLookups)
    {
        var secrets = new List<(int Start, int Length, string Name)>();
        foreach (Match leaf in LeafElement.Matches(xml))
        {
            var text = leaf.Groups["text"];
            var named = Attribute.Matches(leaf.Groups["attributes"].Value).FirstOrDefault(a => a.Groups["name"].Value is "name" or "key")?.Groups["value"].Value;
            // The Redis connector's cacheKey is Jedis's password (RedisServer.createJedis: shardInfo.setPassword).
            var secretName = SecretNames.IsSecret(leaf.Groups["name"].Value) || SecretNames.IsRedisPassword(xml, leaf.Groups["name"].Value) ? leaf.Groups["name"].Value
                : named is not null && SecretNames.IsSecret(named) ? named
                : null;
            if (vaultLookups && VaultLookup.Match(text.Value) is { Success: true } vault)
            {
                // {wso2:vault-lookup('alias')} is resolved from the secure vault (a HashiCorp lookup from the Vault): the required configurable of the alias.
                secrets.Add((text.Index, text.Length, "\0" + VaultAlias(vault)));
            }
            else if (secretName is not null && !SecretNames.IsPlaceholder(System.Net.WebUtility.HtmlDecode(text.Value)))
            {
                secrets.Add((text.Index, text.Length, secretName));
            }
        }

        secrets.AddRange(SecretNames.AttributeSecrets(xml));
        var ordered = new List<(int Start, int Length, string Name)>();
        var end = 0;
        foreach (var secret in secrets.OrderBy(s => s.Start))
        {
            if (secret.Start >= end)
            {
                ordered.Add(secret);
                end = secret.Start + secret.Length;
            }
        }

        return ordered;
    }

    /// <summary>The text of the parts with every configurable read shown as <c>****</c>.</summary>
    private static string Masked(ImmutableArray<TemplatePart> parts) =>
        string.Concat(parts.Select(p => p is TemplatePart.Text text ? text.Content : Redacted));

    /// <summary>A required configurable (no default) for a credential of a local entry; reported as SB0212.</summary>
    private Symbol EntrySecret(LocalEntrySyntax entry, string? element)
    {
        var what = element is null ? entry.Name + " value" : $"{entry.Name} {element.Split(':')[^1]}";
        var symbol = _symbols.Module(SymbolKind.Configurable, what);
        _diagnostics.Report(DiagnosticCatalog.SecretConfigurable, entry.Location, what);
        _configurables.Add(new ConfigurableIr(symbol, ConfigurableType.String, null, element is null ? $"Secret value of local entry '{entry.Name}'." : $"Secret '{element}' of local entry '{entry.Name}'.", Secret: true));
        return symbol;
    }

    // ---- sequences ----

    private void LowerSequence(SequenceSyntax sequence)
    {
        ReportAnalytics(sequence.Statistics, sequence.Trace, sequence.Location, "sequence", $"sequence '{sequence.Name}'");
        var name = _sequenceFunctions[sequence.Name];
        var context = new FlowContext(FlowKind.Sequence, _translator, OutFunction: null, Owner: sequence.Name);
        var body = SequenceEndTransportTodo(LowerBlock(sequence.Mediators, context), context);
        var fault = SequenceOnError("sequence", sequence.Name, sequence.OnError, sequence.Location, ref body);
        var summary = sequence.Documentation ?? $"Sequence '{sequence.Name}'.";
        _functions.Add(new FunctionIr(name, FunctionKind.Sequence, _model.SequenceFacts(sequence.Name).CanAnswer, body, summary, sequence.Location) { FaultFunction = fault });
    }

    /// <summary>
    /// <c>statistics="enable"</c> or <c>trace="enable"</c> on an artifact or endpoint: the Micro Integrator turns on its
    /// AspectConfiguration (enableStatistics, enableTracing), read by APIFactory, ProxyServiceFactory,
    /// InboundEndpointFactory, MessageProcessorFactory, AbstractMediatorFactory.processAuditStatus (sequences,
    /// templates) and DefaultEndpointFactory.processAuditStatus (address, http, wsdl and default endpoints), so that
    /// its analytics collect the artifact's mediation statistics or trace its messages. Nothing a client sees changes.
    /// </summary>
    private void ReportAnalytics(bool statistics, bool trace, SourceLocation location, string element, string what)
    {
        if (!statistics && !trace)
        {
            return;
        }

        var (setting, effect) = (statistics, trace) switch
        {
            (true, true) => ("statistics=\"enable\" and trace=\"enable\"", "collects the mediation statistics of the " + what + " and traces its messages"),
            (true, false) => ("statistics=\"enable\"", "collects the mediation statistics of the " + what),
            _ => ("trace=\"enable\"", "traces the messages of the " + what),
        };
        _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, location, element, setting,
            $"the Micro Integrator {effect} for its analytics (nothing a client sees changes); use Ballerina observability (metrics and tracing) instead");
    }

    /// <summary>
    /// The fault handling of a sequence or template with <c>onError</c>: SequenceMediator pushes the onError sequence
    /// as the fault handler while the sequence runs, so a failure of one of its mediators runs that sequence (with
    /// ERROR_CODE and ERROR_MESSAGE set) and mediation stops there. The function's <c>on fail</c> calls
    /// <see cref="OnErrorFunction"/>, whose answer (202 when the onError sequence answers nothing) ends the caller's
    /// flow too. An onError naming no sequence of the input (Synapse warns and runs without it) stays a TODO.
    /// </summary>
    private Symbol? SequenceOnError(string kind, string name, string? onError, SourceLocation location, ref ImmutableArray<StepIr> body)
    {
        if (onError is null)
        {
            return null;
        }

        if (_sequenceFunctions.ContainsKey(onError))
        {
            if (!_model.SequenceFacts(onError).CanAnswer && IrWalker.Steps(body).Any(s => s is CallStep { Blocking: false } or CallAddressStep { Blocking: false } or JmsSendStep { AwaitsReply: true }))
            {
                // A failure after a non-blocking call reaches the onError sequence once the message has gone out
                // (RESPONSE_WRITTEN is SKIP): when it answers nothing, the Micro Integrator sends the client nothing.
                _diagnostics.Report(DiagnosticCatalog.ResponseHang, location);
            }

            return OnErrorFunction(onError, $"{kind} '{name}' (onError)", location);
        }

        _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, location, kind, $"onError=\"{onError}\"", $"{MissingOnError(onError)}; failures go to the caller's fault handling");
        body = [new TodoStep(null, new NotTranslatedIr(DiagnosticCatalog.AttributeNotTranslated, $"onError=\"{onError}\" of {kind} '{name}' names no sequence of the input{(IsRegistryKey(onError) ? " (a registry resource the Micro Integrator loads when it runs)" : string.Empty)}; failures go to the caller's fault handling"), $"<{kind} name=\"{name}\" onError=\"{onError}\">"), .. body];
        return null;
    }

    /// <summary>
    /// Why an onError naming no sequence of the input is not translated: a registry key (<c>conf:</c>, <c>gov:</c>) names
    /// a sequence the Micro Integrator loads from its registry when the fault happens (SynapseConfiguration.getSequence
    /// makes a remote entry of the key), which the input does not hold; any other name is a sequence the server does
    /// not have, and SequenceMediator warns and runs without it.
    /// </summary>
    private static string MissingOnError(string onError) => IsRegistryKey(onError)
        ? $"the sequence is the registry resource '{onError}', which the Micro Integrator loads from its registry and runs on a failure, and which the input does not hold (add it to the input, or write its fault handling by hand)"
        : "the input defines no such sequence (the Micro Integrator then runs without it)";

    /// <summary>
    /// A fault function that records the error, runs the onError sequence and ends the flow: with that sequence's
    /// answer, else 202 (the listener's answer to a flow that ends without one before anything was sent; after a
    /// non-blocking call the Micro Integrator answers nothing, SB0210).
    /// </summary>
    /// <param name="user">What the onError handles, for the function's doc comment (<c>sequence 'S' (onError)</c>).</param>
    private Symbol OnErrorFunction(string onError, string user, SourceLocation location) =>
        FaultRunner([new InvokeStep(null, _sequenceFunctions[onError], _model.SequenceFacts(onError).CanAnswer), new AcceptStep(null)], user, location)
        ?? throw new InvalidOperationException("an onError function runs a named sequence");

    /// <summary>
    /// A main sequence the project defines handles every request no API matches (and, after a send from main,
    /// the response, through its &lt;out&gt; branch): it becomes a catch-all service at "/".
    /// </summary>
    private ServiceIr? LowerMainService(List<ServiceIr> services)
    {
        if (_model.Symbols.Sequence("main") is not { } main)
        {
            return null;
        }

        if (services.Any(s => s.BasePath == "/"))
        {
            _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, main.Location, "sequence", "main", "an API already serves the root context; unmatched requests do not reach main");
            return null;
        }

        var function = _sequenceFunctions["main"];
        var facts = _model.SequenceFacts("main");
        Symbol? outFunction = null;
        if (facts.Sends)
        {
            // A response to a send made from main runs main again: its <out> branch handles it.
            outFunction = _symbols.Module(SymbolKind.Function, "main response");
            _functions.Add(new FunctionIr(outFunction, FunctionKind.OutFlow, true, WithFallThrough([new InvokeStep(null, function, facts.CanAnswer)], main.Location, afterCall: true), "Runs the main sequence on a response to a send made from main (its <out> branch).", main.Location));
        }

        var body = WithFallThrough([new InvokeStep(null, function, facts.CanAnswer)], main.Location);
        var path = ImmutableArray.Create<PathSegmentIr>(new PathSegmentIr.Rest("*", SymbolFactory.Local("path")));
        // A failure of a backend main sends to without blocking runs the fault sequence in the send's callback, as for
        // an API resource (SB0603 when it is the Micro Integrator's default one).
        var calls = _model.BackendCallsOf(main.Mediators, null);
        var fault = GlobalFaultFunction(calls.SendsWithoutBlocking && !calls.CallsBlocking && !AcceptedBeforeAnySend(main.Mediators), (main.Location, "the main sequence"));
        // With APIs deployed, the REST handler tries them first: API.canProcess records REST_FULL_REQUEST_PATH on the way.
        var ir = new ResourceIr("default", path, body, fault, outFunction, outFunction is not null, "ANY request no API matches (the main sequence)", main)
        {
            FullRequestPath = services.Any(s => s.Kind == ServiceKind.Api),
        };
        return new ServiceIr(ServiceKind.MainSequence, "main", "/", [ir], main, main.Location.Path);
    }

    // ---- endpoints ----

    /// <param name="notTranslated">When no client is made for a reason the TODO must name (a non-HTTP transport): that reason.</param>
    private ClientIr? LowerClient(EndpointSyntax endpoint, string baseName, out NotTranslatedIr? notTranslated)
    {
        notTranslated = null;
        // AddressEndpointFactory and HTTPEndpointFactory pass the uri through ResolverFactory (SB0119 when it does not resolve it).
        switch (endpoint.Definition)
        {
            case AddressEndpointSyntax address:
                ReportUnresolvedPlaceholder(address.Uri, address.Location, "address uri");
                break;
            case HttpEndpointSyntax http:
                ReportUnresolvedPlaceholder(http.UriTemplate, http.Location, "http uri-template", uriTemplate: true);
                break;
        }

        switch (endpoint.Definition)
        {
            case AddressEndpointSyntax address when DeployTimeValue.Of(address.Uri) is { } deployTime:
                // AddressEndpointFactory resolves the uri once, when it deploys the endpoint (ResolverFactory): its
                // scheme, and so its transport, is known only then; an http(s) URL is taken.
                return AddClient(baseName, address.Uri, address.Qualities, address.Location, endpoint, FormatOf(address.Format, "address", address.Location, get: true), deployTime);
            case HttpEndpointSyntax http when DeployTimeValue.Of(http.UriTemplate) is { } deployTime:
                // HTTPEndpointFactory resolves the uri-template once, when it deploys the endpoint; what it resolves to is
                // the template each message expands.
                ReportHttpAuthentication(http);
                return AddUrlTemplateClient(baseName, http, endpoint, out notTranslated, deployTime);
            case AddressEndpointSyntax address when Transports.NonHttp(address.Uri) is { Scheme: "jms" } && LowerJmsEndpoint(baseName, address, out notTranslated):
                // The encoding is the charset the formatter writes and names in its content type (jmsMessage), with or without a format.
                ReportUnappliedSettings(address.Qualities, address.Location, endpoint, encodingApplied: true, timeoutAtUse: true);
                return null;
            case AddressEndpointSyntax address when Transports.NonHttp(address.Uri) is { Scheme: "vfs" } && LowerVfsEndpoint(baseName, address, out notTranslated):
                ReportUnappliedSettings(address.Qualities, address.Location, endpoint);
                return null;
            case AddressEndpointSyntax address when IsMailAddress(address.Uri) && LowerMailEndpoint(baseName, address, out notTranslated):
                ReportUnappliedSettings(address.Qualities, address.Location, endpoint);
                return null;
            case AddressEndpointSyntax address when Transports.NonHttp(address.Uri) is { Scheme: "local" }:
                LowerLocalEndpoint(ShownEndpointName(endpoint, baseName), address, out var local);
                ReportUnappliedSettings(address.Qualities, address.Location, endpoint);
                notTranslated = local;
                return null;
            case AddressEndpointSyntax address when Transports.NonHttp(address.Uri) is { } transport:
                notTranslated = NonHttp(ShownEndpointName(endpoint, baseName), transport, address.Uri, address.Location);
                return null;
            case HttpEndpointSyntax http when Transports.NonHttp(http.UriTemplate.StartsWith(LegacyEncoding, StringComparison.Ordinal) ? http.UriTemplate[LegacyEncoding.Length..] : http.UriTemplate) is { } transport:
                notTranslated = NonHttp(ShownEndpointName(endpoint, baseName), transport, http.UriTemplate, http.Location);
                return null;
            case AddressEndpointSyntax address:
            {
                if (address.Uri.Contains('{', StringComparison.Ordinal))
                {
                    // EndpointDefinition.getAddress substitutes `${name}` with the message's property `name` when it is
                    // set; nothing else in an address is expanded (`{uri.var.x}` is an http endpoint's uri-template syntax).
                    var reason = address.Uri.Contains("${", StringComparison.Ordinal)
                            ? "the address takes `${name}` from the message's property `name` on each send (EndpointDefinition.getAddress substitutes every one that is set): call the URL built from those properties with an http:Client"
                            : "an address endpoint does not expand `{...}` (EndpointDefinition.getAddress substitutes only `${name}`), so the Micro Integrator sends to the URL with the braces as written; an http endpoint's uri-template expands `{uri.var.x}`: if that was meant, make it an <http uri-template=...> endpoint, which is translated";
                    _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, address.Location, "address", "uri", reason);
                    notTranslated = new NotTranslatedIr(DiagnosticCatalog.AttributeNotTranslated, reason);
                    return null;
                }

                var endpointFormat = FormatOf(address.Format, "address", address.Location, get: true);

                return AddClient(baseName, address.Uri, address.Qualities, address.Location, endpoint, endpointFormat, self: _model.SelfCall(address));
            }

            case HttpEndpointSyntax http:
            {
                ReportHttpAuthentication(http);

                var (baseUrl, _) = SplitUrl(http.UriTemplate.StartsWith(LegacyEncoding, StringComparison.Ordinal) ? http.UriTemplate[LegacyEncoding.Length..] : http.UriTemplate);
                if (baseUrl is null)
                {
                    return AddUrlTemplateClient(baseName, http, endpoint, out notTranslated);
                }

                return AddClient(baseName, baseUrl, http.Qualities, http.Location, endpoint, FormatOf(http.Format, "http", http.Location), self: _model.SelfCall(http));
            }

            case FailoverEndpointSyntax or LoadbalanceEndpointSyntax or WsdlEndpointSyntax or TemplateEndpointSyntax:
                return LowerEndpointKind(endpoint, baseName, out notTranslated);
            case DefaultEndpointSyntax or RecipientListEndpointSyntax:
                notTranslated = EndpointKindNotTranslated(endpoint);
                return null;
            case { } other when EndpointKindsNotTranslated.Contains(other.GetType()):
                _diagnostics.Report(DiagnosticCatalog.EndpointNotTranslated, other.Location, other.Kind);
                return null;
            case null:
                _diagnostics.Report(DiagnosticCatalog.EndpointNotTranslated, endpoint.Location, "empty");
                return null;
            default:
                throw new InvalidOperationException($"Unhandled endpoint kind {endpoint.Definition.GetType().Name}");
        }
    }

    private void ReportHttpAuthentication(HttpEndpointSyntax http)
    {
        if (http.Authentication is { } authentication)
        {
            _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, authentication.Location, "http", $"{authentication.Scheme} authentication", "configure the client's auth by hand (http:ClientConfiguration auth)");
        }
    }

    /// <summary>
    /// An endpoint's <c>format</c> attribute, as DefaultEndpointFactory reads it (trimmed, in lower case). One Synapse
    /// does not know (json, ...) is reported: the factory sets no format, so the message goes out in its current format,
    /// as here. <c>get</c> is translated for an address (<paramref name="get"/>) and reported elsewhere.
    /// </summary>
    private EndpointFormat? FormatOf(string? format, string element, SourceLocation location, bool get = false)
    {
        EndpointFormat? known = format?.Trim().ToLowerInvariant() switch
        {
            "soap11" => EndpointFormat.Soap11,
            "soap12" => EndpointFormat.Soap12,
            "pox" => EndpointFormat.Pox,
            "rest" => EndpointFormat.Rest,
            "get" when get => EndpointFormat.Get,
            _ => null,
        };
        if (format is not null && known is null)
        {
            // get is a format Synapse knows (Axis2FlexibleMEPClient: HTTP_METHOD GET and the x-www-form-urlencoded
            // message type, the payload's fields in the query; an http endpoint with a method sends that method with a
            // form body): not translated here, so the message goes out in its current format. Any other is unknown to
            // DefaultEndpointFactory, which sets no format: the message goes out in its current format there too.
            var why = format.Trim().Equals("get", StringComparison.OrdinalIgnoreCase)
                ? "the Micro Integrator sends the payload's fields as a form (a GET with them in the URL's query, or a form-encoded body with the http endpoint's own method), and the generated call sends the message in its current format"
                : "the message is sent in its current format, as Synapse does for a format it does not know";
            _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, location, element, $"format=\"{format}\"", why);
        }

        return known;
    }

    private const string LegacyEncoding = "legacy-encoding:";

    /// <summary>The Micro Integrator's global callback timeout (synapse.global_timeout_interval, 120000 ms in its default.json), used when an endpoint sets none.</summary>
    internal const decimal GlobalTimeoutSeconds = 120m;

    /// <summary>The endpoint (or axis2) property listing the HTTP statuses Synapse's blocking sender does not turn into faults.</summary>
    internal const string NonErrorStatusCodesProperty = "non.error.http.status.codes";

    /// <summary>The Micro Integrator's pass-through socket timeout (http.socket.timeout, 180000 ms in its default.json): no response wait outlasts it.</summary>
    internal const decimal SocketTimeoutSeconds = 180m;

    /// <summary>The client note of an endpoint without a timeout responseAction (TimeoutHandler with NONE).</summary>
    /// <summary>
    /// The settings of the endpoint a callout makes from its serviceURL (CalloutMediator.init): an AddressEndpoint whose
    /// definition has suspend and timeout error codes -1, so it is never suspended; it only ever sends through the
    /// blocking sender, where a timeout is an AxisFault that runs the fault handling, so no timeout note applies.
    /// </summary>
    private static readonly EndpointQualities CalloutServiceUrlQualities = EndpointQualities.None with { SuspendErrorCodes = ["-1"], TimeoutErrorCodes = ["-1"] };

    private const string NoTimeoutActionNote = "No timeout responseAction: when the call times out, the Micro Integrator drops the message, runs no fault sequence and answers the client nothing; here the call fails into the fault handling.";

    /// <summary>The same for a member of a failover or load-balance group: the group takes a timeout for a failure, the Micro Integrator does not.</summary>
    private const string NoTimeoutActionGroupNote = "No timeout responseAction on a member: when a call to it times out, the Micro Integrator drops the message (no failover, no fault sequence, no answer); here the group takes the timeout for a failure and sends the request again to the next member, then fails into the fault handling.";

    /// <summary>
    /// The name a diagnostic gives an endpoint: its own <c>name</c> attribute (an inline endpoint may have one, which is
    /// what its author knows it by), else the name the converter made for it (an inline endpoint's "&lt;proxy&gt; endpoint").
    /// </summary>
    internal static string ShownEndpointName(EndpointSyntax endpoint, string baseName) =>
        string.IsNullOrWhiteSpace(endpoint.Name) ? baseName : endpoint.Name;

    /// <summary>An endpoint whose address is not HTTP: an error (SB0218) and the reason its TODOs carry.</summary>
    private NotTranslatedIr NonHttp(string name, (string Scheme, Transports.Transport Transport) transport, string uri, SourceLocation location)
    {
        var parameters = Transports.ParameterNames(uri);
        var escapedTwice = Transports.DoublyEscaped(uri);
        _diagnostics.Report(
            DiagnosticCatalog.NonHttpEndpoint,
            location,
            name,
            transport.Transport.Name,
            transport.Scheme,
            transport.Transport.Replacement + (escapedTwice ? "; its address is also malformed: its parameters are separated by '&amp;amp;' in the XML, which the Micro Integrator does not read either (SB0631)" : string.Empty));
        if (escapedTwice)
        {
            var after = parameters.Skip(1).ToList();
            _diagnostics.Report(DiagnosticCatalog.AddressParametersEscapedTwice, location, name, $"'{transport.Scheme}:'", after.Count == 0 ? "the parameters after the first" : string.Join(", ", after));
        }

        var message = $"'{name}' sends over {transport.Transport.Name}, not HTTP: replace it with {transport.Transport.Replacement}"
            + (parameters.Count > 0 ? $"; the address parameters to map are {string.Join(", ", parameters)}" : string.Empty)
            + (escapedTwice ? "; the address separates its parameters with '&amp;' (the XML holds '&amp;amp;'), and the Micro Integrator splits them at '&' only (BaseUtils.getEPRProperties), so it reads every parameter after the first as 'amp;name' and finds none of those settings under its name (a JMS send, for one, then has no JNDI context to look its connection factory up in); write '&amp;' in the XML" : string.Empty)
            + (Transports.RedactUriSecrets(uri) != uri ? " (credentials in the address are masked below)" : string.Empty);
        return new NotTranslatedIr(DiagnosticCatalog.NonHttpEndpoint, message);
    }

    /// <summary>Endpoint kinds that become no client yet (SB0205); address and http endpoints become <c>http:Client</c>s. A test checks every kind is one or the other.</summary>
    internal static readonly IReadOnlySet<Type> EndpointKindsNotTranslated = new HashSet<Type>
    {
        typeof(DefaultEndpointSyntax), typeof(ClassEndpointSyntax), typeof(RecipientListEndpointSyntax), typeof(DynamicLoadbalanceEndpointSyntax),
        typeof(ServiceDynamicLoadbalanceEndpointSyntax), typeof(IndirectEndpointSyntax), typeof(UnknownEndpointSyntax),
    };

    /// <summary>Endpoint kinds that become an <c>http:Client</c> (failover and loadbalance an <c>EndpointGroup</c> over their members' clients; wsdl and template the client of the endpoint they stand for).</summary>
    internal static readonly IReadOnlySet<Type> EndpointKindsTranslated = new HashSet<Type>
    {
        typeof(AddressEndpointSyntax), typeof(HttpEndpointSyntax), typeof(WsdlEndpointSyntax), typeof(FailoverEndpointSyntax),
        typeof(LoadbalanceEndpointSyntax), typeof(TemplateEndpointSyntax),
    };

    /// <param name="deployTime">The url is a placeholder the Micro Integrator resolves when it deploys the endpoint: the configurable is required.</param>
    /// <param name="self">What the endpoint's URL names when it calls the Micro Integrator itself (<see cref="SemanticModel.SelfCall"/>).</param>
    private ClientIr AddClient(string baseName, string url, EndpointQualities qualities, SourceLocation location, EndpointSyntax endpoint, EndpointFormat? format = null, DeployTimeValue? deployTime = null, SelfCallTarget? self = null)
    {
        ReportUnappliedSettings(qualities, location, endpoint, appliesAddressing: true);
        var name = _symbols.Module(SymbolKind.Client, baseName, shorter: ClientShorter(baseName));
        var (configurable, secret) = deployTime is null ? AddUrlConfigurable(baseName, url, location, self) : (DeployTimeConfigurable("uri", deployTime, deployTime.Describe($"Base URL of the '{baseName}' endpoint"), location), false);
        var settings = ClientSettings(qualities, location, endpoint, baseName);
        var client = new ClientIr(name, baseName, configurable, secret ? Transports.RedactUriSecrets(url) : url, settings.Timeout, settings.Notes, location) { NonErrorStatusCodes = settings.NonErrorCodes, DefaultTimeout = qualities.TimeoutMillis is not > 0, Format = format, TimeoutFault = settings.TimeoutFault, Addressing = AppliedAddressing(qualities), Suspension = settings.Suspension };
        _clients.Add(client);
        return client;
    }

    /// <summary>
    /// Reports the WS-* switches, onError and a timeout computed at run time, which no generated client applies.
    /// <paramref name="appliesAddressing"/>: the client carries <c>enableAddressing</c> to its calls (<see cref="AppliedAddressing"/>),
    /// so only a separate listener, which it cannot have, is reported here; the calls that do not add the headers report it.
    /// </summary>
    /// <param name="encodingApplied">The endpoint's <c>encoding</c> is applied (a JMS endpoint); otherwise it is reported.</param>
    /// <param name="timeoutAtUse">
    /// The endpoint's timeout is reported where it matters, not here: a JMS endpoint has no HTTP client, its timeout
    /// bounds only a request-reply (the send's callback; an out-only send registers none), and each request-reply through
    /// it reports that the generated wait is JMS_WAIT_REPLY's (ReportJmsEndpointTimeout).
    /// </param>
    private void ReportUnappliedSettings(EndpointQualities qualities, SourceLocation location, EndpointSyntax endpoint, bool appliesAddressing = false, bool encodingApplied = false, bool timeoutAtUse = false)
    {
        ReportSeparateListener(qualities);
        ReportAnalytics(qualities.Statistics, qualities.Trace, location, endpoint.Definition?.Kind ?? "endpoint", endpoint.Name is { } name ? $"endpoint '{name}'" : "endpoint");
        if (qualities.Encoding is { } encoding && !encodingApplied)
        {
            // Axis2FlexibleMEPClient sets it as the outgoing message's CHARACTER_SET_ENCODING: the formatter writes the
            // message in that charset and names it in the content type (a pox format's Content-Type header gets ";" and it).
            _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, location, "endpoint", $"encoding=\"{encoding}\"",
                "the Micro Integrator writes the outgoing message in that charset and names it in its content type (CHARACTER_SET_ENCODING); the generated code writes UTF-8 with the message's own content type: set the charset on the outgoing content type and encode the body by hand");
        }

        foreach (var (setting, present) in new[]
        {
            ("WS-Security (enableSec)", qualities.Security is not null),
            ("WS-Addressing (enableAddressing)", qualities.Addressing is not null && !appliesAddressing && !qualities.Addressing.SeparateListener),
            ("WS-ReliableMessaging (enableRM)", qualities.ReliableMessaging is not null),
            ($"optimize=\"{qualities.Optimize}\" (MTOM/SwA)", qualities.Optimize is not null),
            ($"onError=\"{endpoint.OnError}\"", endpoint.OnError is not null),
        })
        {
            if (present)
            {
                _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, location, "endpoint", setting, "the generated client does not apply it; add it by hand");
            }
        }

        if (qualities.DynamicTimeout is { } dynamicTimeout && !timeoutAtUse)
        {
            _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, location, "timeout", "duration", $"the timeout '{dynamicTimeout.Original}' is computed at run time; the client uses its default");
        }

    }

    /// <summary>The configurable holding an endpoint's URL; a URL with a credential in it is a required configurable (SB0212).</summary>
    private (Symbol Configurable, bool Secret) AddUrlConfigurable(string baseName, string url, SourceLocation location, SelfCallTarget? self = null)
    {
        var configurable = _symbols.Module(SymbolKind.Configurable, baseName + " url");
        var secret = HasCredentials(url);
        if (secret)
        {
            // A URL with a password in it is a secret: no default value, set it in Config.toml.
            _diagnostics.Report(DiagnosticCatalog.SecretConfigurable, location, $"{baseName} URL");
        }
        else if (self is not null)
        {
            // Whether the package serves what it names is known once the services are lowered (ResolveSelfCalls).
            _selfCalls.Add((configurable, url, self, location));
        }

        _configurables.Add(new ConfigurableIr(configurable, ConfigurableType.String, secret ? null : url, $"Base URL of the '{baseName}' endpoint.", Secret: secret));
        return (configurable, secret);
    }

    /// <summary>The URL configurables of calls to the Micro Integrator itself, with what each URL names and where it is written.</summary>
    private readonly List<(Symbol Configurable, string Url, SelfCallTarget Target, SourceLocation Location)> _selfCalls = new();

    /// <summary>
    /// A call to the Micro Integrator itself reaches the service of the package generated for the proxy, data service or
    /// API it names: its URL configurable follows the package's own listener (localhost and the port configurable of the
    /// listener that serves it: the HTTP one, the HTTPS one for a service exposed on https only), as noted by Semantics
    /// (SB0505). A call to one the package does not serve (kept as a TODO, not on HTTP, not in the input) is warned of
    /// (SB0289): the generated call goes to the URL as written.
    /// </summary>
    private void ResolveSelfCalls(IReadOnlyList<ServiceIr> services)
    {
        foreach (var (configurable, url, target, location) in _selfCalls)
        {
            var service = target.Artifact is null ? null : services.Where(s => ReferenceEquals(s.Origin, target.Artifact)).OrderBy(s => s.HttpsOnly).FirstOrDefault();
            var listener = service is null ? null : service.HttpsOnly ? _httpsListener?.Port : _httpPort;
            var index = _configurables.FindIndex(c => ReferenceEquals(c.Name, configurable));
            if (service is null || listener is null || index < 0)
            {
                var reason = target.Kind is null
                    ? $"no proxy service, data service or API of this input serves '{target.Path}' (one deployed from another project on that server is not in this package)"
                    : $"the {target.Kind} '{target.Name}' of this input is not generated as a service of this package (it is kept as a TODO or not served over HTTP)";
                _diagnostics.Report(DiagnosticCatalog.SelfCallNotServed, location, target.Url, ServiceAddresses.Authority(target.Url), reason);
                continue;
            }

            _configurables[index] = _configurables[index] with
            {
                FollowsListener = new OwnListenerUrlIr(listener.Name, service.HttpsOnly ? "https" : "http", ServiceAddresses.SelfPath(url) ?? string.Empty),
            };
        }
    }

    /// <summary>
    /// Reports a value the Micro Integrator resolves through ResolverFactory (an endpoint's uri, an inbound endpoint's or
    /// message store's parameter) that is written like a placeholder it does not resolve (<see
    /// cref="DeployTimeValue.Unresolved"/>): DefaultResolver keeps it as text, and so does the conversion (SB0119).
    /// </summary>
    /// <param name="secret">The value is a credential: it is shown masked, and the conversion makes it a required configurable whatever it holds.</param>
    private void ReportUnresolvedPlaceholder(string? value, SourceLocation location, string what, bool uriTemplate = false, bool secret = false)
    {
        if (DeployTimeValue.Unresolved(value) is { } unresolved)
        {
            // In an http endpoint's uri-template the braced part of ${configs.a.b} is a template variable to the
            // Micro Integrator: HTTPEndpoint.resolveUrlTemplate sets only uri.var.* and query.param.* properties as
            // variables, so it expands to nothing and leaves the '$' (when none is set at all, the template is sent as
            // written); the generated uriTemplateText does the same.
            var consequence = uriTemplate && UriTemplateVariable().Match(unresolved.Written) is { Success: true } variable
                ? $"it keeps the text, whose '{{{variable.Groups[1].Value}}}' the uri-template then expands as a variable nothing sets (HTTPEndpoint.resolveUrlTemplate sets only uri.var.* and query.param.* properties): to nothing, leaving the '$' (or, when no such property is set, the whole template is sent as written), and so does the conversion"
                : secret ? "it keeps the text as written, and the conversion makes the value a required configurable (a credential is never copied)"
                : "it keeps the text as written, and so does the conversion";
            _diagnostics.Report(DiagnosticCatalog.DeployTimePlaceholderNotResolved, location, what, secret ? "****" : value, unresolved.Written, consequence, unresolved.Name);
        }
    }

    /// <summary>A <c>${name}</c> whose name is an RFC 6570 variable name (letters, digits, '_', '%' and inner dots).</summary>
    [GeneratedRegex(@"^\$\{([A-Za-z0-9_%]+(?:\.[A-Za-z0-9_%]+)*)\}$")]
    private static partial Regex UriTemplateVariable();

    /// <summary>
    /// The required configurable holding a value the Micro Integrator resolves when it deploys the artifact (<see
    /// cref="DeployTimeValue"/>): no default, its doc naming where the Micro Integrator reads it (SB0298).
    /// </summary>
    /// <param name="onlyWhenRead">Only the calls of an endpoint read it: declared only when one does (<see cref="ConfigurableIr.OnlyWhenRead"/>).</param>
    private Symbol DeployTimeConfigurable(string setting, DeployTimeValue value, string what, SourceLocation location, bool secret = false, bool onlyWhenRead = false)
    {
        _diagnostics.Report(DiagnosticCatalog.DeployTimeValue, location, setting, value.Original, value.Source, DeployTimeValue.AtDeployment,
            onlyWhenRead ? DeployTimeValue.RequiredConfigurableWhenCalled : DeployTimeValue.RequiredConfigurable);
        return DeployTimeSetting(value, ConfigurableType.String, what, secret, onlyWhenRead: onlyWhenRead);
    }

    /// <summary>The configurables of values resolved at deployment, by resolver, name and type, with each use's description.</summary>
    private readonly Dictionary<(string Resolver, string Name, ConfigurableType Type), (Symbol Symbol, List<string> Uses)> _deployTimeSettings = new();

    /// <summary>
    /// The required configurable standing for the value the Micro Integrator resolves at deployment from one
    /// environment variable, file.properties key or configuration value (<see cref="DeployTimeValue"/>): one per name,
    /// named after it (<c>$SYSTEM:HL7_BE_URL</c> → <c>hl7BeUrl</c>), however many endpoints, inbound endpoints or
    /// stores read it, as the server has the one value for all of them. Its doc lists each use (<paramref
    /// name="described"/>: what the use takes it for, with where it is read); a use that needs another Ballerina type
    /// gets a configurable of its own.
    /// </summary>
    /// <param name="defaultValue">The value when the Micro Integrator sets it itself (a system property of its start script); null for a required one.</param>
    /// <param name="onlyWhenRead">This use is an endpoint's calls': declared only when a call reads it, unless another use keeps it.</param>
    private Symbol DeployTimeSetting(DeployTimeValue value, ConfigurableType type, string described, bool secret = false, string? defaultValue = null, bool onlyWhenRead = false)
    {
        var key = (value.Resolver, value.Name, type);
        if (_deployTimeSettings.TryGetValue(key, out var known))
        {
            var index = _configurables.FindIndex(c => ReferenceEquals(c.Name, known.Symbol));
            if (!known.Uses.Contains(described, StringComparer.Ordinal))
            {
                known.Uses.Add(described);
                _configurables[index] = _configurables[index] with { Description = string.Join(" ", known.Uses), Secret = _configurables[index].Secret || secret };
            }

            _configurables[index] = _configurables[index] with { OnlyWhenRead = _configurables[index].OnlyWhenRead && onlyWhenRead };
            return known.Symbol;
        }

        var symbol = _symbols.Module(SymbolKind.Configurable, value.Name);
        _deployTimeSettings[key] = (symbol, [described]);
        _configurables.Add(new ConfigurableIr(symbol, type, defaultValue, described, secret) { OnlyWhenRead = onlyWhenRead });
        return symbol;
    }

    /// <summary>
    /// The configurable an MI 4.4 <c>${configs.x}</c> expression reads: HeadersAndPropertiesAccessNode takes the value
    /// from PropertyHolder, which ConfigDeployer fills when the server starts from the same source a deploy-time
    /// <c>${configs.x}</c> is resolved from (<see cref="DeployTimeValue"/>), so both are the one configurable named x.
    /// A value not set fails the expression there ("The value of the key:[x] is null"); a required configurable is
    /// always set. A name that reads as a credential's (password, token, ...) makes it a secret.
    /// </summary>
    private Symbol ConfigValue(string name)
    {
        var value = new DeployTimeValue("configs", name, "${configs." + name + "}", string.Empty);
        var described = $"Read by the ${{configs.{name}}} expressions: the Micro Integrator takes it from {value.Source}, which it reads when it starts.";
        var symbol = DeployTimeSetting(value, ConfigurableType.String, described, SecretNames.IsSecret(name));
        if (!SecretNames.IsSecret(name))
        {
            // A setting, not a credential: a log shows it as the Micro Integrator's does.
            _plainConfigurables.Add(symbol);
        }

        return symbol;
    }

    /// <summary>What a leaf endpoint's settings make of its client: the notes, the statuses blocking calls take as responses, the timeout, the suspension state.</summary>
    private (ImmutableArray<string> Notes, ImmutableArray<int> NonErrorCodes, decimal Timeout, bool TimeoutFault, EndpointSuspensionIr? Suspension) ClientSettings(EndpointQualities qualities, SourceLocation location, EndpointSyntax endpoint, string baseName)
    {
        var notes = ImmutableArray.CreateBuilder<string>();
        EndpointSuspensionIr? suspension = null;
        if (SetsSuspension(qualities))
        {
            // Said precisely (Artifacts/Suspension.cs); settings that switch suspension off match http:Client and need no state.
            var (note, suspends) = DescribeSuspension(qualities);
            notes.Add(note);
            if (suspends)
            {
                suspension = SuspensionState(qualities, endpoint, baseName);
            }
        }
        else
        {
            // No settings: EndpointDefinition's defaults still suspend the endpoint (30 s after any failed call), so
            // its calls keep a state with those defaults; an endpoint kind that keeps none only says so.
            suspension = SuspensionState(qualities, endpoint, baseName);
            notes.Add(suspension is null ? DefaultSuspensionNote : DefaultSuspensionKeptNote);
        }

        // TimeoutHandler runs the fault handler for any responseAction (fault and discard alike: its test is
        // `!= NONE`); without one (the default, also with no <timeout>) a timed-out call is dropped: no fault
        // sequence runs and the client is answered nothing.
        var timeoutFault = qualities.ResponseAction is not null && (qualities.TimeoutMillis is not > 0 || qualities.TimeoutMillis <= SocketTimeoutSeconds * 1000);
        if (qualities.ResponseAction is null && !ReferenceEquals(qualities, CalloutServiceUrlQualities))
        {
            notes.Add(NoTimeoutActionNote);
        }

        var nonErrorCodes = ImmutableArray<int>.Empty;
        foreach (var property in endpoint.Properties.Where(p => !_groupAppliedProperties.Contains(p)))
        {
            if (property.Name == NonErrorStatusCodesProperty && property.Value is ValueSyntax.Literal codes)
            {
                // Read by Synapse's blocking sender: these statuses are responses, not faults.
                nonErrorCodes = codes.Text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(c => int.TryParse(c, NumberStyles.None, CultureInfo.InvariantCulture, out var code) ? code : -1)
                    .Where(c => c >= 100)
                    .ToImmutableArray();
                notes.Add($"Blocking calls treat the statuses {string.Join(", ", nonErrorCodes)} as responses, not faults ({NonErrorStatusCodesProperty}).");
                continue;
            }

            var why = endpoint.Definition is HttpEndpointSyntax && IsBoundUriTemplateVariable(property.Name) ? EndpointUriVariableNotSet : EndpointPropertyNotApplied;
            notes.Add($"Endpoint property '{property.Name}' is not applied: {why}.");
            _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, property.Location, "endpoint", $"property '{property.Name}'", why);
        }

        decimal timeout;
        if (qualities.TimeoutMillis is { } ms && ms > 0)
        {
            timeout = ms / 1000m;
            if (timeout > SocketTimeoutSeconds)
            {
                // The pass-through transport's socket timeout ends the wait first.
                notes.Add($"Synapse's endpoint timeout is {timeout.ToString(CultureInfo.InvariantCulture)} s, but the Micro Integrator's socket timeout (http.socket.timeout, 180 s by default) ends the wait first.");
                timeout = SocketTimeoutSeconds;
            }
        }
        else
        {
            // No timeout in the endpoint: the Micro Integrator's global callback timeout applies, 120 s
            // (synapse.global_timeout_interval = 120000 in its default.json; the socket timeout, http.socket.timeout,
            // is 180 s). The client's `timeout: 120` says it; no note restates the default on every client.
            timeout = GlobalTimeoutSeconds;
        }

        return (notes.ToImmutable(), nonErrorCodes, timeout, timeoutFault, suspension);
    }

    private static bool HasCredentials(string url)
    {
        // A query parameter named like a credential (?apiKey=..., ?access_token=...) makes the whole URL a secret.
        if (Transports.RedactUriSecrets(url) != url)
        {
            return true;
        }

        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd < 0)
        {
            return url.Contains("vault-lookup", StringComparison.Ordinal);
        }

        var authorityEnd = url.IndexOfAny(['/', '?', '#'], schemeEnd + 3);
        var authority = authorityEnd < 0 ? url[(schemeEnd + 3)..] : url[(schemeEnd + 3)..authorityEnd];
        var at = authority.LastIndexOf('@');
        return (at > 0 && authority[..at].Contains(':', StringComparison.Ordinal)) || url.Contains("vault-lookup", StringComparison.Ordinal);
    }

    /// <summary>Splits an absolute URL (template) into scheme+authority and the rest.</summary>
    internal static (string? Base, string Path) SplitUrl(string url)
    {
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0 || url[..schemeEnd].Contains('{', StringComparison.Ordinal))
        {
            return (null, url);
        }

        var pathStart = url.IndexOfAny(['/', '?', '{'], schemeEnd + 3);
        if (pathStart < 0)
        {
            return (url, string.Empty);
        }

        if (url[pathStart] == '{')
        {
            return (null, url);
        }

        return (url[..pathStart], url[pathStart..]);
    }
}
