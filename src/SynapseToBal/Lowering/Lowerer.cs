using System.Collections.Immutable;
using SynapseToBal.Diagnostics;
using SynapseToBal.Emit;
using SynapseToBal.IR;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

/// <summary>
/// Lowers the AST of a whole project into the integration IR. Resolves references, decides which flows
/// can stop, and turns each mediator into steps (see the partial files per construct).
/// </summary>
public sealed partial class Lowerer
{
    private readonly DiagnosticBag _diagnostics;
    private readonly NameAllocator _names = new();
    private readonly Dictionary<string, SequenceSyntax> _sequences = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SequenceTemplateSyntax> _templates = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Function, ImmutableArray<FunctionParameterIr> Parameters)> _templateFunctions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EndpointArtifactSyntax> _endpoints = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LocalEntrySyntax> _localEntries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _sequenceFunctions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ClientIr?> _namedClients = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool> _canStop = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool> _containsSend = new(StringComparer.Ordinal);
    private readonly List<FunctionIr> _functions = new();
    private readonly List<ClientIr> _clients = new();
    private readonly List<ConfigurableIr> _configurables = new();
    private readonly List<PendingArtifactIr> _pending = new();
    private readonly List<PendingArtifactIr> _pendingEndpoints = new();

    /// <summary>True when some flow of the project writes a <c>uri.var.*</c> property (then path parameters are read from the properties).</summary>
    private bool _writesUriVars;

    private readonly Dictionary<string, string> _secrets = new(StringComparer.Ordinal);
    private ExpressionTranslator _translator;

    private Lowerer(DiagnosticBag diagnostics)
    {
        _diagnostics = diagnostics;
        _translator = new ExpressionTranslator(new Dictionary<string, string>(), DeclareSecret);
    }

    /// <summary>A required configurable (no default value) for a secret, declared once per alias.</summary>
    private string DeclareSecret(string alias)
    {
        if (!_secrets.TryGetValue(alias, out var name))
        {
            name = _names.Camel(alias);
            _secrets[alias] = name;
            _configurables.Add(new ConfigurableIr(name, "string", null, $"Secret '{alias}' (a secure vault alias in Synapse).", Secret: true));
        }

        return name;
    }

    public static PackageIr Lower(IReadOnlyList<SynapseDocument> documents, DiagnosticBag diagnostics)
    {
        var lowerer = new Lowerer(diagnostics);
        return lowerer.LowerPackage(documents);
    }

    private PackageIr LowerPackage(IReadOnlyList<SynapseDocument> documents)
    {
        var apis = new List<(ApiSyntax Api, string File)>();
        var apiNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var document in documents)
        {
            foreach (var artifact in document.Artifacts)
            {
                switch (artifact)
                {
                    case ApiSyntax api:
                        if (apiNames.Add(api.Name))
                        {
                            apis.Add((api, document.Path));
                        }
                        else
                        {
                            _diagnostics.Report(DiagnosticCatalog.DuplicateArtifact, api.Location, api.Kind, api.Name);
                        }

                        break;
                    case SequenceSyntax sequence:
                        Register(_sequences, sequence.Name, sequence);
                        break;
                    case EndpointArtifactSyntax endpoint:
                        Register(_endpoints, endpoint.Name, endpoint);
                        break;
                    case LocalEntrySyntax entry:
                        Register(_localEntries, entry.Name, entry);
                        break;
                    case SequenceTemplateSyntax template:
                        Register(_templates, template.Name, template);
                        break;
                    case ProxySyntax:
                    case TemplateSyntax:
                    case InboundEndpointSyntax:
                    case TaskSyntax:
                    case TaskManagerSyntax:
                    case MessageStoreSyntax:
                    case MessageProcessorSyntax:
                    case EventSourceSyntax:
                    case RegistrySyntax:
                    case ImportSyntax:
                    case PriorityExecutorSyntax:
                    case UnknownArtifactSyntax:
                        AddPending(artifact);
                        break;
                    default:
                        throw new InvalidOperationException($"Unhandled artifact kind {artifact.GetType().Name}");
                }
            }
        }

        _writesUriVars = Semantics.MediatorCollector.Collect(documents.SelectMany(d => d.Artifacts))
            .Any(m => m is PropertyMediator { Action: PropertyAction.Set } p && p.Name.StartsWith("uri.var.", StringComparison.Ordinal));
        _configurables.Add(new ConfigurableIr("httpPort", "int", "8290", "Port of the HTTP listener every API is served on (the Micro Integrator's default is 8290).", Secret: false));

        // Names first, so that lowering a body can refer to any function or client.
        foreach (var name in _sequences.Keys.Order(StringComparer.Ordinal))
        {
            _sequenceFunctions[name] = _names.CamelNotReserved(name, "sequence");
        }

        foreach (var template in _templates.Values.OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            var function = _names.CamelNotReserved(template.Name, "template");
            var used = new HashSet<string>(StringComparer.Ordinal) { "request", "ctx", "reply", "route", "e" };
            var parameters = template.Parameters
                .Select(p => new FunctionParameterIr(UniqueLocal(Emit.BallerinaSyntax.CamelCase(p.Name), used), p.Name, p.DefaultValue ?? string.Empty, p.IsMandatory))
                .ToImmutableArray();
            _templateFunctions[template.Name] = (function, parameters);
        }

        foreach (var endpoint in _endpoints.Values.OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            _namedClients[endpoint.Name] = LowerClient(endpoint.Endpoint, endpoint.Name);
            if (_namedClients[endpoint.Name] is null)
            {
                var kind = endpoint.Endpoint.Definition?.Kind ?? "empty";
                _pendingEndpoints.Add(new PendingArtifactIr(DiagnosticCatalog.EndpointNotTranslated.Id, $"the {kind} endpoint is not translated yet", endpoint));
            }
        }

        var entries = _localEntries.Values.OrderBy(e => e.Name, StringComparer.Ordinal).Select(LowerLocalEntry).ToImmutableArray();
        _translator = _translator.WithEntries(entries
            .Where(e => e.Kind != EntryKind.Source)
            .ToDictionary(e => e.Origin.Name, e => e.Kind == EntryKind.Xml ? e.Name + ".toString()" : e.Name, StringComparer.Ordinal));

        foreach (var sequence in _sequences.Values.OrderBy(s => s.Name, StringComparer.Ordinal))
        {
            LowerSequence(sequence);
        }

        foreach (var template in _templates.Values.OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            LowerTemplate(template);
        }

        var services = apis.Select(a => LowerApi(a.Api, a.File)).ToList();
        if (LowerMainService(services) is { } main)
        {
            services.Add(main);
        }

        return new PackageIr(
            services.ToImmutableArray(),
            _functions.ToImmutableArray(),
            _clients.ToImmutableArray(),
            _configurables.ToImmutableArray(),
            _pending.ToImmutableArray(),
            documents.Select(d => d.Path).ToImmutableArray())
        {
            PendingEndpoints = _pendingEndpoints.ToImmutableArray(),
            LocalEntries = entries,
        };
    }

    /// <summary>An artifact kind that is not translated yet: a TODO with its XML (SB0202).</summary>
    private void AddPending(ArtifactSyntax artifact)
    {
        _diagnostics.Report(DiagnosticCatalog.ArtifactNotTranslated, artifact.Location, artifact.XmlName, artifact.Name);
        _pending.Add(new PendingArtifactIr("SB0202", $"{artifact.XmlName} artifacts are not translated yet", artifact));
    }

    /// <summary>A local entry becomes a module-level value: text as a string, inline XML as an xml value.</summary>
    private LocalEntryIr LowerLocalEntry(LocalEntrySyntax entry)
    {
        var name = _names.CamelNotReserved(entry.Name, "entry");
        if (entry.Xml is { } xml)
        {
            return new LocalEntryIr(name, EntryKind.Xml, xml, entry);
        }

        if (entry.Src is { } src)
        {
            _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, entry.Location, "localEntry", "src", $"the content of '{src}' is loaded at deployment in Synapse; add it by hand");
            return new LocalEntryIr(name, EntryKind.Source, src, entry);
        }

        return new LocalEntryIr(name, EntryKind.Text, entry.Text ?? string.Empty, entry);
    }

    private void Register<T>(Dictionary<string, T> table, string name, T artifact)
        where T : ArtifactSyntax
    {
        if (!table.TryAdd(name, artifact))
        {
            _diagnostics.Report(DiagnosticCatalog.DuplicateArtifact, artifact.Location, artifact.Kind, name);
        }
    }

    // ---- sequences ----

    private void LowerSequence(SequenceSyntax sequence)
    {
        var name = _sequenceFunctions[sequence.Name];
        var context = new FlowContext(FlowKind.Sequence, _translator, OutFunction: null, Owner: sequence.Name);
        var body = LowerBlock(sequence.Mediators, context);
        if (sequence.OnError is not null)
        {
            body = [new TodoStep(null, "SB0206", $"onError=\"{sequence.OnError}\" of sequence '{sequence.Name}' is not translated; failures go to the caller's fault handling", $"<sequence name=\"{sequence.Name}\" onError=\"{sequence.OnError}\">"), .. body];
            _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, sequence.Location, "sequence", "onError", "failures propagate to the caller's fault handler");
        }

        var summary = sequence.Documentation ?? $"Sequence '{sequence.Name}'.";
        _functions.Add(new FunctionIr(name, FunctionKind.Sequence, CanStop(sequence.Name), body, summary, sequence.Location));
    }

    /// <summary>A sequence template becomes a function whose string parameters are the template's parameters.</summary>
    private void LowerTemplate(SequenceTemplateSyntax template)
    {
        var (name, parameters) = _templateFunctions[template.Name];
        var byName = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var parameter in parameters)
        {
            byName.TryAdd(parameter.SynapseName, parameter.Name);
        }

        var translator = _translator.WithFunctionParams(byName);
        var context = new FlowContext(FlowKind.Sequence, translator, OutFunction: null, Owner: template.Name);
        var body = LowerBlock(template.Mediators, context);
        if (template.OnError is not null)
        {
            body = [new TodoStep(null, "SB0206", $"onError=\"{template.OnError}\" of template '{template.Name}' is not translated; failures go to the caller's fault handling", $"<template name=\"{template.Name}\" onError=\"{template.OnError}\">"), .. body];
            _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, template.Location, "template", "onError", "failures propagate to the caller's fault handler");
        }

        var summary = template.Description ?? $"Sequence template '{template.Name}'.";
        _functions.Add(new FunctionIr(name, FunctionKind.Sequence, CanStop(TemplateKey(template.Name)), body, summary, template.Location) { Parameters = parameters });
    }

    private static string TemplateKey(string template) => "template:" + template;

    /// <summary>
    /// A main sequence the project defines handles every request no API matches (and, after a send from main,
    /// the response, through its &lt;out&gt; branch): it becomes a catch-all service at "/".
    /// </summary>
    private ServiceIr? LowerMainService(List<ServiceIr> services)
    {
        if (!_sequences.TryGetValue("main", out var main))
        {
            return null;
        }

        if (services.Any(s => s.BasePath == "/"))
        {
            _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, main.Location, "sequence", "main", "an API already serves the root context; unmatched requests do not reach main");
            return null;
        }

        var function = _sequenceFunctions["main"];
        var origin = new SequenceReferenceMediator(main.Location, "<sequence key=\"main\"/>", new KeySyntax("main", null));
        var canStop = CanStop("main");
        string? outFunction = null;
        if (ContainsSend("main"))
        {
            // A response to a send made from main runs main again: its <out> branch handles it.
            outFunction = _names.Camel("main response");
            _functions.Add(new FunctionIr(outFunction, FunctionKind.OutFlow, true, WithFallThrough([new InvokeStep(origin, function, canStop)], main.Location, afterCall: true), "Runs the main sequence on a response to a send made from main (its <out> branch).", main.Location));
        }

        var resource = new ApiResourceSyntax(main.Location, main.RawXml, [], null, "/*", null, null, null);
        var body = WithFallThrough([new InvokeStep(origin, function, canStop)], main.Location);
        var path = ImmutableArray.Create<PathSegmentIr>(new PathSegmentIr.Rest("*", "path"));
        var fault = _sequences.ContainsKey("fault") ? GlobalFaultFunction() : null;
        var ir = new ResourceIr("default", path, body, fault, outFunction, outFunction is not null, "ANY request no API matches (the main sequence)", resource);
        return new ServiceIr("main", "/", [ir], main, main.Location.Path);
    }

    /// <summary>Whether a named sequence may end the flow (respond, send, drop, loopback), directly or through sequences it calls.</summary>
    private bool CanStop(string sequenceName) => Analyse(sequenceName, _canStop, MayStop);

    private bool ContainsSend(string sequenceName) => Analyse(sequenceName, _containsSend, MaySend);

    /// <summary>
    /// The property of a sequence (can stop, contains a send), computed for all sequences at once as a least
    /// fixed point, so that sequences calling each other in a cycle get the right answer.
    /// </summary>
    private bool Analyse(string sequenceName, Dictionary<string, bool> memo, Func<ImmutableArray<MediatorSyntax>, bool> test)
    {
        if (memo.Count == 0 && (_sequences.Count > 0 || _templates.Count > 0))
        {
            var flows = _sequences.Select(s => (s.Key, s.Value.Mediators))
                .Concat(_templates.Select(t => (TemplateKey(t.Key), t.Value.Mediators)))
                .ToList();
            foreach (var (name, _) in flows)
            {
                memo[name] = false;
            }

            for (var changed = true; changed;)
            {
                changed = false;
                foreach (var (name, mediators) in flows)
                {
                    if (!memo[name] && test(mediators))
                    {
                        memo[name] = true;
                        changed = true;
                    }
                }
            }
        }

        return memo.TryGetValue(sequenceName, out var known) && known;
    }

    /// <summary>True when some mediator of the list, or one nested in its filter, switch, in/out or inline-sequence branches, passes the test.</summary>
    private static bool AnyInFlow(ImmutableArray<MediatorSyntax> mediators, Func<MediatorSyntax, bool> test) => mediators.Any(m => test(m) || m switch
    {
        FilterMediator f => AnyInFlow(f.Then, test) || AnyInFlow(f.Else, test),
        SwitchMediator s => s.Cases.Any(c => AnyInFlow(c.Mediators, test)) || (s.Default is { } d && AnyInFlow(d, test)),
        DirectionMediator d => AnyInFlow(d.Mediators, test),
        InlineSequenceMediator i => AnyInFlow(i.Mediators, test),
        _ => false,
    });

    private bool MayStop(ImmutableArray<MediatorSyntax> mediators) => AnyInFlow(mediators, m =>
        m is RespondMediator or DropMediator or SendMediator or LoopbackMediator
        || (m is SequenceReferenceMediator { Key.IsDynamic: false } r && CanStop(r.Key.Text))
        || (m is CallTemplateMediator c && CanStop(TemplateKey(c.Target))));

    private bool MaySend(ImmutableArray<MediatorSyntax> mediators) => AnyInFlow(mediators, m =>
        m is SendMediator { Endpoint: not null } or LoopbackMediator
        || (m is SequenceReferenceMediator { Key.IsDynamic: false } r && ContainsSend(r.Key.Text))
        || (m is CallTemplateMediator c && ContainsSend(TemplateKey(c.Target))));

    /// <summary>True when the flow calls a shared sequence or template that sends (and so needs the out flow at run time).</summary>
    private bool InvokesSendingSequence(ImmutableArray<MediatorSyntax> mediators) => AnyInFlow(mediators, m =>
        (m is SequenceReferenceMediator { Key.IsDynamic: false } r && ContainsSend(r.Key.Text))
        || (m is CallTemplateMediator c && ContainsSend(TemplateKey(c.Target))));

    // ---- endpoints ----

    private ClientIr? LowerClient(EndpointSyntax endpoint, string baseName)
    {
        switch (endpoint.Definition)
        {
            case AddressEndpointSyntax address:
            {
                if (address.Uri.Contains('{', StringComparison.Ordinal) || address.Uri.Contains("$SYSTEM:", StringComparison.Ordinal))
                {
                    _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, address.Location, "address", "uri", "a URI resolved at run time needs hand translation");
                    return null;
                }

                if (address.Format is { } format && format is not ("soap11" or "soap12"))
                {
                    _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, address.Location, "address", $"format=\"{format}\"", "the message is sent in its current format");
                }

                return AddClient(baseName, address.Uri, address.Qualities, address.Location, endpoint);
            }

            case HttpEndpointSyntax http:
            {
                if (http.Authentication is { } authentication)
                {
                    _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, authentication.Location, "http", $"{authentication.Scheme} authentication", "configure the client's auth by hand (http:ClientConfiguration auth)");
                }

                var (baseUrl, _) = SplitUrl(http.UriTemplate.StartsWith(LegacyEncoding, StringComparison.Ordinal) ? http.UriTemplate[LegacyEncoding.Length..] : http.UriTemplate);
                if (baseUrl is null)
                {
                    _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, http.Location, "http", "uri-template", "the scheme and host are resolved at run time and need hand translation");
                    return null;
                }

                return AddClient(baseName, baseUrl, http.Qualities, http.Location, endpoint);
            }

            case WsdlEndpointSyntax:
            case DefaultEndpointSyntax:
            case ClassEndpointSyntax:
            case FailoverEndpointSyntax:
            case LoadbalanceEndpointSyntax:
            case RecipientListEndpointSyntax:
            case DynamicLoadbalanceEndpointSyntax:
            case ServiceDynamicLoadbalanceEndpointSyntax:
            case TemplateEndpointSyntax:
            case IndirectEndpointSyntax:
            case UnknownEndpointSyntax:
                _diagnostics.Report(DiagnosticCatalog.EndpointNotTranslated, endpoint.Definition.Location, endpoint.Definition.Kind);
                return null;
            case null:
                _diagnostics.Report(DiagnosticCatalog.EndpointNotTranslated, endpoint.Location, "empty");
                return null;
            default:
                throw new InvalidOperationException($"Unhandled endpoint kind {endpoint.Definition.GetType().Name}");
        }
    }

    private const string LegacyEncoding = "legacy-encoding:";

    private ClientIr AddClient(string baseName, string url, EndpointQualities qualities, SourceLocation location, EndpointSyntax endpoint)
    {
        foreach (var (setting, present) in new[]
        {
            ("WS-Security (enableSec)", qualities.Security is not null),
            ("WS-Addressing (enableAddressing)", qualities.Addressing is not null),
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

        if (qualities.DynamicTimeout is { } dynamicTimeout)
        {
            _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, location, "timeout", "duration", $"the timeout '{dynamicTimeout.Original}' is computed at run time; the client uses its default");
        }

        var name = _names.Camel(baseName);
        var configurable = _names.Camel(baseName, "url");
        var secret = HasCredentials(url);
        if (secret)
        {
            // A URL with a password in it is a secret: no default value, set it in Config.toml.
            _diagnostics.Report(DiagnosticCatalog.SecretConfigurable, location, configurable);
        }

        _configurables.Add(new ConfigurableIr(configurable, "string", secret ? null : url, $"Base URL of the '{baseName}' endpoint.", Secret: secret));
        var notes = ImmutableArray.CreateBuilder<string>();
        if (qualities.SuspendErrorCodes.Length > 0 || qualities.SuspendInitialDurationMillis is not null || qualities.TimeoutErrorCodes.Length > 0)
        {
            notes.Add("Synapse suspends this endpoint after failures (suspendOnFailure/markForSuspension); http:Client has no such state.");
            _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, location, endpoint.Definition?.Kind ?? "endpoint", "suspendOnFailure/markForSuspension", "http:Client keeps no suspension state; add a circuit breaker if it matters");
        }
        else
        {
            notes.Add("Synapse suspends an endpoint for 30 s after a failure by default; http:Client does not.");
        }

        if (qualities.ResponseAction is { } action && !string.Equals(action, "fault", StringComparison.OrdinalIgnoreCase))
        {
            notes.Add($"Synapse timeout responseAction '{action}' is not reproduced: a timeout is an error here.");
            _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, location, "timeout", "responseAction", $"'{action}' is not reproduced; a timeout fails the call");
        }

        foreach (var property in endpoint.Properties)
        {
            notes.Add($"Endpoint property '{property.Name}' is not applied.");
            _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, property.Location, "endpoint", $"property '{property.Name}'", "endpoint properties are not applied to calls yet");
        }

        decimal? timeout = qualities.TimeoutMillis is { } ms && ms > 0 ? ms / 1000m : null;
        var client = new ClientIr(name, baseName, configurable, url, timeout, notes.ToImmutable(), location);
        _clients.Add(client);
        return client;
    }

    private static bool HasCredentials(string url)
    {
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
