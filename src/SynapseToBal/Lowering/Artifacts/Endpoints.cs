using System.Collections.Immutable;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

// Lowering of the endpoint kinds built on other endpoints: wsdl (the address of a WSDL port), template (an
// endpoint template expanded with its parameters), failover and loadbalance (one EndpointGroup over the members'
// URLs). Address and http endpoints are lowered in Lowerer.cs.
public sealed partial class Lowerer
{
    private const string Wsdl11Namespace = "http://schemas.xmlsoap.org/wsdl/";
    private const string RoundRobinAlgorithm = "org.apache.synapse.endpoints.algorithms.RoundRobin";

    /// <summary>A template, failover or loadbalance definition → the endpoint whose request path its calls use (the expanded template, the first member).</summary>
    private readonly Dictionary<EndpointDefinitionSyntax, EndpointSyntax> _pathEndpoints = new(ReferenceEqualityComparer.Instance);

    /// <summary>A wsdl definition → the format its port gives (SOAP 1.1 or 1.2), when known.</summary>
    private readonly Dictionary<EndpointDefinitionSyntax, EndpointFormat?> _wsdlFormats = new(ReferenceEqualityComparer.Instance);

    /// <summary>The suspension state made for each endpoint key that groups refer to whose calls keep no state of their own (<see cref="SharedMemberState"/>).</summary>
    private readonly Dictionary<string, Symbol> _sharedMemberStates = new(StringComparer.Ordinal);

    /// <summary>Named endpoints being lowered: a group that reaches itself through its members is a cycle.</summary>
    private readonly HashSet<string> _endpointsInProgress = new(StringComparer.Ordinal);

    /// <summary>Lowers a named endpoint once (a group may need its members first): its client, or its TODO.</summary>
    private ClientIr? LowerNamedEndpoint(EndpointArtifactSyntax endpoint)
    {
        if (_namedClients.TryGetValue(endpoint.Name, out var done) || !_endpointsInProgress.Add(endpoint.Name))
        {
            return done;
        }

        if (AsDefaultEndpoint(endpoint.Endpoint.Definition) is { } defaultEndpoint)
        {
            // No client: a send or call through it goes to the message's To address (CallAddressStep).
            ReportDefaultEndpointSettings(defaultEndpoint);
            _namedClients[endpoint.Name] = null;
            _endpointsInProgress.Remove(endpoint.Name);
            return null;
        }

        var client = LowerClient(endpoint.Endpoint, endpoint.Name, out var notTranslated);
        _namedClients[endpoint.Name] = client;
        _endpointsInProgress.Remove(endpoint.Name);
        if (client is null)
        {
            var kind = endpoint.Endpoint.Definition?.Kind ?? "empty";
            var reason = notTranslated ?? new NotTranslatedIr(DiagnosticCatalog.EndpointNotTranslated, $"no client is generated for the {kind} endpoint: only address, http, wsdl, failover, loadbalance and template endpoints become clients");
            _endpointReasons[endpoint.Name] = reason;
            if (endpoint.Endpoint.Definition is not { } definition || (!_jmsEndpoints.ContainsKey(definition) && !_vfsEndpoints.ContainsKey(definition) && !_mailEndpoints.ContainsKey(definition) && !_localEndpoints.ContainsKey(definition)))
            {
                _pendingEndpoints.Add(new PendingArtifactIr(reason, endpoint) { RawXml = reason.Descriptor == DiagnosticCatalog.NonHttpEndpoint ? Transports.RedactUriSecrets(endpoint.RawXml) : null });
            }
        }

        return client;
    }

    private ClientIr? LowerEndpointKind(EndpointSyntax endpoint, string baseName, out NotTranslatedIr? notTranslated)
    {
        notTranslated = null;
        switch (endpoint.Definition)
        {
            case WsdlEndpointSyntax wsdl:
                return LowerWsdl(endpoint, wsdl, baseName, out notTranslated);
            case TemplateEndpointSyntax template:
            {
                if (ExpandTemplate(endpoint, template) is not { } expanded)
                {
                    // The missing template is reported by the reference graph (SB0502).
                    notTranslated = new NotTranslatedIr(DiagnosticCatalog.EndpointNotTranslated, $"the endpoint template '{template.Template}' is not in the project");
                    return null;
                }

                if (expanded.Definition is not (AddressEndpointSyntax or HttpEndpointSyntax or WsdlEndpointSyntax))
                {
                    // Parameters are substituted in leaf endpoints only: a group or other kind in a template would keep its $params.
                    _diagnostics.Report(DiagnosticCatalog.EndpointNotTranslated, template.Location, $"template ({expanded.Definition?.Kind ?? "empty"} in '{template.Template}')");
                    notTranslated = new NotTranslatedIr(DiagnosticCatalog.EndpointNotTranslated, $"the endpoint template '{template.Template}' holds a {expanded.Definition?.Kind ?? "empty"} endpoint; only address, http and wsdl endpoints are expanded from templates");
                    return null;
                }

                _pathEndpoints[template] = expanded;
                return LowerClient(expanded, baseName, out notTranslated);
            }

            case FailoverEndpointSyntax failover:
                return LowerGroup(endpoint, FlattenedFailoverChildren(failover), ClientGroupKind.Failover, retryNextMember: true, baseName, out notTranslated);
            case LoadbalanceEndpointSyntax loadbalance when loadbalance.Members.Length > 0:
                notTranslated = GroupMemberNotTranslated(endpoint, "loadbalance", baseName, "(static <member>)", "names a host and port, to which Synapse sends the request's own path; give each member an address endpoint");
                return null;
            case LoadbalanceEndpointSyntax loadbalance:
                return LowerGroup(endpoint, loadbalance.Children, ClientGroupKind.LoadBalance, loadbalance.Failover, baseName, out notTranslated);
            default:
                throw new InvalidOperationException($"Unhandled endpoint kind {endpoint.Definition?.GetType().Name}");
        }
    }

    /// <summary>
    /// The default endpoint a send or call names, inline or by key: it has no client of its own, the message goes to its
    /// To address (<see cref="CallAddressStep"/>), as Synapse's DefaultEndpoint sends it.
    /// </summary>
    private DefaultEndpointSyntax? DefaultEndpointOf(EndpointReferenceSyntax? reference)
    {
        switch (reference)
        {
            case EndpointReferenceSyntax.Inline inlineReference when AsDefaultEndpoint(inlineReference.Endpoint.Definition) is { } inline:
                ReportDefaultEndpointSettings(inline);
                return inline;
            case EndpointReferenceSyntax.Key { Value.IsDynamic: false } key when AsDefaultEndpoint(_model.Symbols.Endpoint(key.Value.Text)?.Endpoint.Definition) is { } named:
                return named;
            default:
                return null;
        }
    }

    /// <summary>What a default endpoint sets that the call to the To address does not apply.</summary>
    private void ReportDefaultEndpointSettings(DefaultEndpointSyntax endpoint)
    {
        var element = _addresslessWsdlKinds.Contains(endpoint) ? "wsdl" : "default";
        if (endpoint.Format is { } format)
        {
            _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, endpoint.Location, element, $"format=\"{format}\"", "the message is sent to its To address in its current format");
        }

        if (endpoint.Qualities.TimeoutMillis is not null || endpoint.Qualities.DynamicTimeout is not null)
        {
            _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, endpoint.Location, element, "timeout", "the call to the To address waits 120 s, the Micro Integrator's global timeout");
        }

        ReportAnalytics(endpoint.Qualities.Statistics, endpoint.Qualities.Trace, endpoint.Location, element, "default endpoint");
    }

    /// <summary>The wsdl endpoints whose uri is a registry key, already reported (SB0617).</summary>
    private readonly HashSet<WsdlEndpointSyntax> _wsdlKeyUriEndpoints = new(ReferenceEqualityComparer.Instance);

    /// <summary>The wsdl endpoints with both a uri and an inline WSDL already reported (SB0296).</summary>
    private readonly HashSet<WsdlEndpointSyntax> _inlineWsdlIgnored = new(ReferenceEqualityComparer.Instance);

    /// <summary>The default endpoint each wsdl endpoint without a uri stands for (<see cref="AsDefaultEndpoint"/>).</summary>
    private readonly Dictionary<WsdlEndpointSyntax, DefaultEndpointSyntax> _addresslessWsdl = new(ReferenceEqualityComparer.Instance);

    /// <summary>The default endpoints made for wsdl endpoints, whose settings are reported under the wsdl element's name.</summary>
    private readonly HashSet<DefaultEndpointSyntax> _addresslessWsdlKinds = new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// The default endpoint a definition sends as: a default endpoint, or a wsdl endpoint without a uri. Synapse's
    /// WSDLEndpointFactory reads an inline <c>wsdl:definitions</c> only while the endpoint definition is null, and
    /// EndpointDefinitionFactory.createDefinition never returns null, so the inline WSDL is never read: the endpoint
    /// has no address, and Axis2FlexibleMEPClient sends to the message's To address with the element's format and
    /// QoS, as for a default endpoint (SB0296, reported once per element).
    /// </summary>
    private DefaultEndpointSyntax? AsDefaultEndpoint(EndpointDefinitionSyntax? definition)
    {
        switch (definition)
        {
            case DefaultEndpointSyntax defaultEndpoint:
                return defaultEndpoint;
            case WsdlEndpointSyntax { Uri: null } wsdl:
                if (!_addresslessWsdl.TryGetValue(wsdl, out var standIn))
                {
                    standIn = new DefaultEndpointSyntax(wsdl.Location, wsdl.Format, wsdl.Qualities);
                    _addresslessWsdl[wsdl] = standIn;
                    _addresslessWsdlKinds.Add(standIn);
                    if (wsdl.InlineWsdl is { } inline)
                    {
                        var port = WsdlPort(inline, wsdl.Service, wsdl.Port);
                        _diagnostics.Report(DiagnosticCatalog.InlineWsdlNotRead, wsdl.Location,
                            "WSDLEndpointFactory reads an inline WSDL only when the endpoint definition is null, which it never is, so the endpoint has no address and sends to the message's To address as a default endpoint does; translated so"
                            + (port is { Address: var address, Binding: var binding }
                                ? $" (the WSDL puts port '{wsdl.Port}' at '{SecretNames.MaskXml(address)}', {binding}: if that was meant, use an address endpoint with that URL{(binding is "soap11" or "soap12" ? $" and format=\"{binding}\"" : string.Empty)})"
                                : string.Empty));
                    }
                }

                return standIn;
            default:
                return null;
        }
    }

    /// <summary>Recipient-list endpoints (and default ones reached some other way): no client, with the reason the TODO gives.</summary>
    private NotTranslatedIr EndpointKindNotTranslated(EndpointSyntax endpoint)
    {
        var definition = endpoint.Definition!;
        _diagnostics.Report(DiagnosticCatalog.EndpointNotTranslated, definition.Location, definition.Kind);
        return new NotTranslatedIr(DiagnosticCatalog.EndpointNotTranslated, definition switch
        {
            DefaultEndpointSyntax => "the default endpoint sends to the message's To address; only a send or call through it is translated (callAddress), not this use: call the address the To header holds here with an http:Client",
            RecipientListEndpointSyntax => "the recipientlist endpoint sends a copy of the message to every member without waiting (RecipientListEndpoint); each response comes back on its own through the out flow, carrying MESSAGE_SEQUENCE 'i/N' and the plain aggregateCorelation property as a clone's copies without id do, so an out-flow <aggregate> without id gathers them (translated when it starts the out flow this send's responses reach), and a failed recipient runs the fault sequence on its copy: call each member with its own http:Client and run the out flow once per response",
            ClassEndpointSyntax => "the class endpoint sends through the Java class it names, whose code the input does not contain; write that send with an http:Client (or the client of its transport) by hand",
            DynamicLoadbalanceEndpointSyntax or ServiceDynamicLoadbalanceEndpointSyntax => $"the {definition.Kind} endpoint chooses its members from the Axis2 cluster's membership at run time (dynamic load balancing), which has no Ballerina counterpart; list the members' addresses in an http:LoadBalanceClient by hand",
            _ => $"no client is generated for the {definition.Kind} endpoint here: only address, http, wsdl, failover, loadbalance and template endpoints become clients",
        });
    }

    // ---- template endpoints ----

    /// <summary>
    /// The endpoint a template endpoint stands for: the template's endpoint with each attribute value or text that
    /// is exactly <c>$param</c> replaced by the parameter's value, as Synapse's <c>Template.create</c> does (a
    /// <c>$param</c> inside a longer value stays as written). <c>name</c> and <c>uri</c> are always parameters,
    /// given by the endpoint's own attributes.
    /// </summary>
    private EndpointSyntax? ExpandTemplate(EndpointSyntax endpoint, TemplateEndpointSyntax reference)
    {
        if (_model.Symbols.EndpointTemplate(reference.Template) is not { } template)
        {
            return null;
        }

        var declared = template.Parameters.Select(p => p.Name).Append("name").Append("uri").ToHashSet(StringComparer.Ordinal);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var parameter in reference.Parameters)
        {
            if (parameter.Value is { } value)
            {
                values[parameter.Name] = value;
            }
        }

        if (endpoint.Name is { } name)
        {
            values["name"] = name;
        }

        if (reference.Uri is { } uri)
        {
            values["uri"] = uri;
        }

        string Substitute(string text) =>
            text.StartsWith('$') && declared.Contains(text[1..]) && values.TryGetValue(text[1..], out var value) ? value : text;

        string? SubstituteOptional(string? text) => text is null ? null : Substitute(text);

        var definition = template.Endpoint.Definition switch
        {
            AddressEndpointSyntax address => address with { Uri = Substitute(address.Uri), Format = SubstituteOptional(address.Format) },
            HttpEndpointSyntax http => http with { UriTemplate = Substitute(http.UriTemplate), Method = SubstituteOptional(http.Method), Format = SubstituteOptional(http.Format) },
            WsdlEndpointSyntax wsdl => wsdl with { Uri = SubstituteOptional(wsdl.Uri), Service = SubstituteOptional(wsdl.Service), Port = SubstituteOptional(wsdl.Port), Format = SubstituteOptional(wsdl.Format) },
            var other => other,
        };

        // Parameters used elsewhere (a timeout, an error code, a property) were read when the template was parsed.
        foreach (Match match in TemplateParameterUse().Matches(template.Endpoint.RawXml))
        {
            var attribute = match.Groups["attribute"].Value;
            var parameter = match.Groups["parameter"].Value;
            if (declared.Contains(parameter) && attribute is not ("uri" or "format" or "method" or "uri-template" or "service" or "port" or "name"))
            {
                _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, template.Location, "template", $"'${parameter}' in {(attribute.Length > 0 ? $"attribute {attribute}" : "element text")}", $"only addresses, formats, methods and WSDL service/port take template parameters here; the expanded endpoint for '{endpoint.Name ?? reference.Template}' keeps the template's own value");
            }
        }

        return template.Endpoint with
        {
            Definition = definition,
            Name = endpoint.Name ?? template.Endpoint.Name,
            Properties = template.Endpoint.Properties.AddRange(endpoint.Properties),
        };
    }

    [GeneratedRegex("""(?:(?<attribute>[\w:.-]+)\s*=\s*["']\s*\$(?<parameter>[\w.-]+)\s*["'])|(?:>\s*\$(?<parameter>[\w.-]+)\s*<)""")]
    private static partial Regex TemplateParameterUse();

    // ---- wsdl endpoints ----

    /// <summary>
    /// A wsdl endpoint sends to the address of the named port, in the SOAP version of its binding, as Synapse's
    /// <c>WSDL11EndpointBuilder</c> reads it. The WSDL is read when its uri is a registry resource of the project;
    /// otherwise the address is a required configurable (SB0225). An inline WSDL is never read (SB0296).
    /// </summary>
    private ClientIr? LowerWsdl(EndpointSyntax endpoint, WsdlEndpointSyntax wsdl, string baseName, out NotTranslatedIr? notTranslated)
    {
        notTranslated = null;
        if (wsdl.Uri is null)
        {
            // No address in the Micro Integrator: only a send or call through it is translated, to the To address.
            AsDefaultEndpoint(wsdl);
            notTranslated = new NotTranslatedIr(DiagnosticCatalog.InlineWsdlNotRead, "the wsdl endpoint has no uri, and the Micro Integrator never reads its inline WSDL (WSDLEndpointFactory), so it has no address and sends to the message's To address as a default endpoint does; only a send or call through it is translated (callAddress), not this use: call the address the To header holds here with an http:Client, or give the endpoint the port's address");
            return null;
        }

        if (wsdl.InlineWsdl is not null && _inlineWsdlIgnored.Add(wsdl))
        {
            _diagnostics.Report(DiagnosticCatalog.InlineWsdlNotRead, wsdl.Location, $"WSDLEndpointFactory reads the WSDL at the uri '{SecretNames.MaskXml(wsdl.Uri)}' and ignores the inline one; so does the converter");
        }

        // WSDLEndpointFactory reads the uri with new URL(uri): a file: URI relative to the server's home (its registry
        // folder among others) is read from the input by its path; a registry key (gov:/..., conf:/...) names no protocol
        // java.net.URL knows, so the Micro Integrator refuses the endpoint (SB0617); the converter reads the resource the
        // key names, as the configuration means.
        var serverFile = ServerFilePath(wsdl.Uri);
        var text = serverFile is not null ? _model.InputFile(serverFile)?.Text : _model.RegistryText(wsdl.Uri);
        if (serverFile is null && text is not null && _wsdlKeyUriEndpoints.Add(wsdl))
        {
            _diagnostics.Report(DiagnosticCatalog.RegistryKeyAsUrl, wsdl.Location, $"Endpoint '{baseName}'", SecretNames.MaskXml(wsdl.Uri), "Could not read the WSDL endpoint " + SecretNames.MaskXml(wsdl.Uri.Trim()), "the endpoint is not deployed, nor the artifacts that use it");
        }

        var port = text is null ? null : WsdlPort(text, wsdl.Service, wsdl.Port);
        if (port is { Address: var address, Binding: var binding })
        {
            if (Transports.NonHttp(address) is { } transport)
            {
                notTranslated = NonHttp(ShownEndpointName(endpoint, baseName), transport, address, wsdl.Location);
                return null;
            }

            EndpointFormat? format = binding switch
            {
                "soap11" => EndpointFormat.Soap11,
                "soap12" => EndpointFormat.Soap12,
                _ => null,
            };
            if (format is null)
            {
                _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, wsdl.Location, "wsdl", $"port '{wsdl.Port}' (an HTTP binding)", "Synapse sends in its REST or GET format; the message is sent in its current format");
            }

            _wsdlFormats[wsdl] = format;
            return AddClient(baseName, address, wsdl.Qualities, wsdl.Location, endpoint, format);
        }

        // The WSDL is not in the project: the address is left to set. WSDL11EndpointBuilder sets the format from the
        // port's binding whatever the format attribute says; almost every port read so is SOAP, so the message goes as
        // SOAP 1.1 (a POST of an envelope, no URL postfix), SOAP 1.2 when the port's name says so (Axis2 names its
        // SOAP 1.2 ports "...Soap12..."), else the format attribute's SOAP version when it names one.
        var attributeFormat = FormatOf(wsdl.Format, "wsdl", wsdl.Location);
        EndpointFormat declaredFormat = wsdl.Port is { } portName && portName.Contains("soap12", StringComparison.OrdinalIgnoreCase) ? EndpointFormat.Soap12
            : attributeFormat is EndpointFormat.Soap12 ? EndpointFormat.Soap12
            : EndpointFormat.Soap11;

        var source = wsdl.Uri;
        var why = text is null ? "is not in the project" : port is null ? "has no such service and port" : "gives no address";
        _diagnostics.Report(DiagnosticCatalog.WsdlNotRead, wsdl.Location, baseName, source, why,
            declaredFormat == EndpointFormat.Soap12
                ? "the message is sent as SOAP 1.2 (the binding's version as the port's name or the format attribute gives it; the Micro Integrator takes it from the WSDL's binding): check it against the WSDL"
                : "the message is sent as SOAP 1.1 (the Micro Integrator takes the version from the WSDL's binding, whatever the format attribute says, and most ports are SOAP 1.1): check it against the WSDL, and use soap12 if its port is SOAP 1.2, or a plain address endpoint if it is an HTTP binding");
        _wsdlFormats[wsdl] = declaredFormat;
        ReportUnappliedSettings(wsdl.Qualities, wsdl.Location, endpoint, appliesAddressing: true);
        var name = _symbols.Module(SymbolKind.Client, baseName, shorter: ClientShorter(baseName));
        var configurable = _symbols.Module(SymbolKind.Configurable, baseName + " url");
        _configurables.Add(new ConfigurableIr(configurable, ConfigurableType.String, null, $"Address of port '{wsdl.Port}' of service '{wsdl.Service}' in the WSDL {source} of the '{baseName}' endpoint (the WSDL was not read: set it from the WSDL).", Secret: false));
        var settings = ClientSettings(wsdl.Qualities, wsdl.Location, endpoint, baseName);
        var notes = settings.Notes.Insert(0, $"The address of port '{wsdl.Port}' of service '{wsdl.Service}' in the WSDL {source}: set it in Config.toml; the message goes as {(declaredFormat == EndpointFormat.Soap12 ? "SOAP 1.2" : "SOAP 1.1")}, the version the port's binding is taken to have (check it against the WSDL).");
        var client = new ClientIr(name, baseName, configurable, wsdl.Uri, settings.Timeout, notes, wsdl.Location) { NonErrorStatusCodes = settings.NonErrorCodes, DefaultTimeout = wsdl.Qualities.TimeoutMillis is not > 0, Format = declaredFormat, TimeoutFault = settings.TimeoutFault, Addressing = AppliedAddressing(wsdl.Qualities), Suspension = settings.Suspension };
        _clients.Add(client);
        return client;
    }

    /// <summary>The address and binding (<c>soap11</c>, <c>soap12</c> or <c>http</c>) of a WSDL 1.1 port, or null when the WSDL has none.</summary>
    internal static (string Address, string Binding)? WsdlPort(string wsdl, string? service, string? port)
    {
        XElement root;
        try
        {
            root = XmlSource.Parse("wsdl", wsdl).Root;
        }
        catch (XmlException)
        {
            return null;
        }

        var ports = root.Name == XName.Get("definitions", Wsdl11Namespace)
            ? root.Elements(XName.Get("service", Wsdl11Namespace))
                .Where(s => (string?)s.Attribute("name") == service)
                .SelectMany(s => s.Elements(XName.Get("port", Wsdl11Namespace)))
                .Where(p => (string?)p.Attribute("name") == port)
            : [];
        foreach (var element in ports.Take(1).SelectMany(p => p.Elements()))
        {
            var binding = element.Name.NamespaceName switch
            {
                "http://schemas.xmlsoap.org/wsdl/soap/" => "soap11",
                "http://schemas.xmlsoap.org/wsdl/soap12/" => "soap12",
                "http://schemas.xmlsoap.org/wsdl/http/" => "http",
                _ => null,
            };
            if (binding is not null && element.Name.LocalName == "address" && (string?)element.Attribute("location") is { Length: > 0 } location)
            {
                return (location, binding);
            }
        }

        return null;
    }

    // ---- failover and loadbalance ----

    /// <summary>
    /// A failover or loadbalance endpoint: one <c>EndpointGroup</c> (runtime) over the members' URL configurables, which
    /// every call through the group goes through, blocking ones too. Every member must be an HTTP endpoint without a uri-template (address, wsdl, a
    /// template or key that is one), and all must write the same format: the group has one request path and format.
    /// </summary>
    private ClientIr? LowerGroup(EndpointSyntax endpoint, ImmutableArray<EndpointSyntax> children, ClientGroupKind kind, bool retryNextMember, string baseName, out NotTranslatedIr? notTranslated)
    {
        notTranslated = null;
        var element = kind == ClientGroupKind.Failover ? "failover" : "loadbalance";
        if (children.IsEmpty)
        {
            notTranslated = GroupMemberNotTranslated(endpoint, element, baseName, "(none)", "is missing: Synapse fails every message sent to a group without members");
            return null;
        }

        // WeightedRoundRobin's weights are read before the members' clients report the properties they do not apply.
        var weights = kind == ClientGroupKind.LoadBalance && IsWeightedRoundRobin(endpoint.Definition) ? GroupWeights(endpoint, children) : null;
        var members = new List<ClientIr>();
        var memberNames = new List<string>();
        var leaves = new List<EndpointSyntax>();
        var keys = new List<string?>();
        EndpointSyntax? first = null;
        for (var index = 0; index < children.Length; index++)
        {
            var child = children[index];
            var memberName = child.Name ?? (child.Definition is IndirectEndpointSyntax { Key.IsDynamic: false } key ? key.Key.Text : $"member {index + 1}");
            var (member, leaf, why) = GroupMember(child, $"{baseName} {memberName}", kind);
            if (member is null || leaf is null)
            {
                notTranslated = GroupMemberNotTranslated(endpoint, element, baseName, memberName, why ?? "is not translated");
                return null;
            }

            first ??= leaf;
            members.Add(member);
            memberNames.Add(memberName);
            leaves.Add(leaf);
            keys.Add(child.Definition is IndirectEndpointSyntax { Key.IsDynamic: false } byKey ? byKey.Key.Text : null);
        }

        if (HttpPathMismatch(leaves) is { } mismatch)
        {
            notTranslated = GroupMemberNotTranslated(endpoint, element, baseName, memberNames[mismatch.Index], mismatch.Why);
            return null;
        }

        if (members.Select(m => m.Format).Distinct().Count() > 1)
        {
            var other = members.FindIndex(m => m.Format != members[0].Format);
            notTranslated = GroupMemberNotTranslated(endpoint, element, baseName, memberNames[other], "writes another format than the first member; the group sends in one format");
            return null;
        }

        var location = endpoint.Definition!.Location;

        // Each member's own timeout, enableAddressing (wsa:To the member tried), suspension settings and retryConfig are
        // kept by the group's EndpointGroup, which the calls and sends go through (GroupMembers); the blocking ones too,
        // as Synapse's call, callout and forwarding processor send through the group with the blocking sender.
        var groupMembers = GroupMembers(members, leaves, keys);

        var notes = ImmutableArray.CreateBuilder<string>();
        var timeout = members.Max(m => m.TimeoutSeconds);

        if (members.Skip(1).Any(m => !m.NonErrorStatusCodes.SequenceEqual(members[0].NonErrorStatusCodes)))
        {
            _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, location, element, $"the members' {NonErrorStatusCodesProperty}", "blocking calls through the group use the first member's list for every member");
        }

        if (kind == ClientGroupKind.Failover)
        {
            var failover = (FailoverEndpointSyntax)endpoint.Definition;
            notes.Add("Synapse fails over on transport errors and timeouts, not on the HTTP error statuses a call reads as a response (every status for a non-blocking call; a blocking one fails over on the statuses the blocking sender does not read: other than 2xx, 400, 409, 500 and non.error.http.status.codes).");
            notes.Add(failover.Dynamic
                ? "Dynamic failover (the default): Synapse starts each message from the first member that is ready, so it goes back to the first member as soon as its suspension ends; the calls through the group's EndpointGroup do the same."
                : "dynamic=\"false\": like Synapse's static failover, the calls stay on the member that last answered while it is ready.");

            if (failover.BuildMessage is { } build)
            {
                notes.Add($"buildMessage=\"{(build ? "true" : "false")}\": the request is kept and sent again to the next member in any case.");
            }
        }
        else
        {
            var loadbalance = (LoadbalanceEndpointSyntax)endpoint.Definition;
            if (weights is { } evenWeights && evenWeights.All(w => w == 1))
            {
                // Every weight 1: WeightedRoundRobin sends to the members in turn from the first, as round robin does.
                notes.Add($"Synapse's WeightedRoundRobin with every member's weight 1 (no {LoadbalanceWeightProperty} above 1) takes the members in turn, as round robin does.");
                weights = ImmutableArray<int>.Empty;
            }

            notes.Add(weights is { IsEmpty: false } memberWeights
                ? WeightedRoundRobinNote(memberWeights, retryNextMember)
                : retryNextMember
                ? "Round robin over the members; a call that fails is sent to the next member, as Synapse's failover=\"true\" does."
                : "Round robin over the members; failover=\"false\": a call that fails is not sent to another member.");
            if (loadbalance.Algorithm is { } algorithm && algorithm.Trim() != RoundRobinAlgorithm && weights is null)
            {
                notes.Add($"Synapse's algorithm '{algorithm}' is not reproduced: the client uses round robin.");
                _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, location, "loadbalance", $"algorithm=\"{algorithm}\"", "the group uses round robin");
            }

            if (loadbalance.Policy is { } policy)
            {
                _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, location, "loadbalance", $"policy=\"{policy}\"", "the group uses round robin");
            }

            if (loadbalance.Session is { } session)
            {
                notes.Add($"Synapse keeps a client's session ({session.Type}) on one member; the client does not.");
                _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, session.Location, "loadbalance", $"<session type=\"{session.Type}\">", SessionAffinity(session));
            }

            if (loadbalance.BuildMessage is { } build)
            {
                notes.Add($"buildMessage=\"{(build ? "true" : "false")}\": the request is kept and sent again to the next member in any case.");
            }
        }

        if (endpoint.OnError is { } onError)
        {
            _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, location, "endpoint", $"onError=\"{onError}\"", "the generated client does not apply it; add it by hand");
        }

        foreach (var property in endpoint.Properties.Where(p => !_groupAppliedProperties.Contains(p)))
        {
            notes.Add($"Endpoint property '{property.Name}' is not applied: {EndpointPropertyNotApplied}.");
            _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, property.Location, "endpoint", $"property '{property.Name}'", EndpointPropertyNotApplied);
        }

        if (_flattenedGroupNotes.TryGetValue(endpoint.Definition, out var flattenedNote))
        {
            notes.Add(flattenedNote);
        }

        notes.AddRange(members.SelectMany(m => m.Notes).Select(n => n == NoTimeoutActionNote ? NoTimeoutActionGroupNote : n is DefaultSuspensionNote or DefaultSuspensionKeptNote ? DefaultSuspensionGroupNote : n.Replace(SuspensionKeptSentence, SuspensionInGroupSentence, StringComparison.Ordinal)).Distinct(StringComparer.Ordinal));
        _pathEndpoints[endpoint.Definition] = first!;
        var name = _symbols.Module(SymbolKind.Client, baseName, shorter: ClientShorter(baseName));
        var client = new ClientIr(name, baseName, members[0].UrlConfigurable, members[0].Url, timeout, notes.ToImmutable(), location)
        {
            NonErrorStatusCodes = members[0].NonErrorStatusCodes,
            DefaultTimeout = members.All(m => m.DefaultTimeout),
            Format = members[0].Format,
            Group = new ClientGroupIr(kind, members.Select(m => m.UrlConfigurable).ToImmutableArray(), retryNextMember)
            {
                Weights = weights ?? [],
                State = _symbols.Module(SymbolKind.Client, baseName + " group", shorter: ClientShorter(baseName, " group")),
                EndpointName = endpoint.Name ?? "AnonymousEndpoint",
                Dynamic = endpoint.Definition is not FailoverEndpointSyntax { Dynamic: false },
                Members = groupMembers,
            },
        };
        _clients.Add(client);
        return client;
    }

    /// <summary>
    /// What a group's <c>EndpointGroup</c> keeps of each member (<see cref="GroupMemberIr"/>): its URL and timeout, its
    /// enableAddressing, its retryConfig codes (AbstractEndpoint.isRetry reads them when the member fails) and its
    /// suspension settings: the explicit ones when they suspend it, "never" when they switch suspension off, else
    /// EndpointDefinition's defaults (every member has an EndpointContext).
    /// </summary>
    private ImmutableArray<GroupMemberIr> GroupMembers(List<ClientIr> members, List<EndpointSyntax> leaves, List<string?> keys)
    {
        static ImmutableArray<int> Codes(ImmutableArray<string> codes) =>
            [.. codes.Select(c => int.TryParse(c.Trim(), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var code) ? (int?)code : null).OfType<int>()];

        var result = ImmutableArray.CreateBuilder<GroupMemberIr>(members.Count);
        for (var i = 0; i < members.Count; i++)
        {
            var member = members[i];
            var leaf = leaves[i];
            var qualities = leaf.Definition is { } definition ? QualitiesOf(definition) : null;
            var neverSuspended = member.Suspension is null && qualities is not null && SetsSuspension(qualities) && !DescribeSuspension(qualities).Suspends;
            // A member without settings keeps the defaults (no Settings), though its own client's state has them too.
            var settings = member.Suspension is { } state && (!state.SuspendCodes.IsEmpty || !state.TimeoutCodes.IsEmpty || state.InitialDurationMillis is not null
                || state.ProgressionFactor is not null || state.MaximumDurationMillis is not null || state.RetriesBeforeSuspension is not null || state.RetryDelayMillis is not null)
                ? state : null;
            result.Add(new GroupMemberIr(member.UrlConfigurable, member.TimeoutSeconds, SuspendingKind(leaf) ?? SuspendingEndpointKind.Address, leaf.Name ?? "AnonymousEndpoint",
                settings, neverSuspended, Codes(qualities?.RetryDisabledErrorCodes ?? []), Codes(qualities?.RetryEnabledErrorCodes ?? []), member.Addressing)
            {
                SharedState = keys[i] is { } key ? SharedMemberState(key, member) : null,
            });
        }

        return result.MoveToImmutable();
    }

    /// <summary>
    /// The one suspension state of an endpoint that groups refer to by key: Synapse's IndirectEndpoint delegates
    /// readyToSend and getContext to the endpoint registered under the key, so a failure through any group (or a direct
    /// non-blocking call, when its calls keep the endpoint's state) suspends it for all of them. The endpoint's own state
    /// when its calls keep one, else one made for the key.
    /// </summary>
    private Symbol SharedMemberState(string key, ClientIr member)
    {
        if (member.Suspension is { } suspension)
        {
            return suspension.Name;
        }

        if (!_sharedMemberStates.TryGetValue(key, out var state))
        {
            state = _symbols.Module(SymbolKind.Client, key + " state");
            _sharedMemberStates.Add(key, state);
        }

        return state;
    }

    private static EndpointQualities? QualitiesOf(EndpointDefinitionSyntax definition) => definition switch
    {
        AddressEndpointSyntax address => address.Qualities,
        WsdlEndpointSyntax wsdl => wsdl.Qualities,
        _ => null,
    };

    /// <summary>A member of a group: its client (for its URL, format, timeout and notes) and the endpoint whose request path it uses.</summary>
    private (ClientIr? Client, EndpointSyntax? Leaf, string? Why) GroupMember(EndpointSyntax child, string baseName, ClientGroupKind outer)
    {
        ClientIr? client;
        EndpointSyntax leaf;
        switch (child.Definition)
        {
            case IndirectEndpointSyntax { Key.IsDynamic: true } dynamic:
                return (null, null, $"is chosen at run time ({dynamic.Key.Text})");
            case IndirectEndpointSyntax reference:
            {
                if (_model.Symbols.Endpoint(reference.Key.Text) is not { } artifact)
                {
                    // Not in the input: the member's URL is the required configurable of the key's client (SB0238), called as an address endpoint.
                    client = ExternalEndpointClient(reference.Key.Text, "message to this group member", child.Location);
                    leaf = new EndpointSyntax(child.Location, child.RawXml, reference.Key.Text, new AddressEndpointSyntax(child.Location, string.Empty, null, EndpointQualities.None), []);
                    break;
                }

                if (_endpointsInProgress.Contains(artifact.Name))
                {
                    return (null, null, "refers back to the group (a cycle)");
                }

                client = LowerNamedEndpoint(artifact);
                leaf = artifact.Endpoint;
                if (client is null)
                {
                    return (null, null, _endpointReasons.TryGetValue(artifact.Name, out var reason) ? $"has no client: {reason.Message}" : "has no client");
                }

                break;
            }

            case HttpEndpointSyntax deployTimeHttp when DeployTimeValue.Of(deployTimeHttp.UriTemplate) is { } memberDeployTime:
                // HTTPEndpointFactory resolves the whole uri-template at deployment (ResolverFactory) and HTTPEndpoint
                // expands what it resolved at each call: the member's whole URL, path included, which the group's one
                // base URL per member cannot hold. Not lowered, so no configurable that nothing would read is declared.
                return (null, null, DeployTimeHttpMemberWhy(memberDeployTime));

            default:
            {
                // An inline member: only its URL configurable and settings are used, not a client of its own.
                client = LowerClient(child, baseName, out var reason);
                leaf = child;
                if (client is null)
                {
                    return (null, null, reason is null ? $"is not translated (<{child.Definition?.Kind ?? "endpoint"}>)" : $"has no client: {reason.Message}");
                }

                _clients.Remove(client);
                break;
            }
        }

        if (client.Group is not null)
        {
            return (null, null, NestedGroupWhy(client.Group.Kind, outer));
        }

        while (leaf.Definition is TemplateEndpointSyntax or IndirectEndpointSyntax { Key.IsDynamic: false })
        {
            EndpointSyntax? next = leaf.Definition switch
            {
                TemplateEndpointSyntax template => _pathEndpoints.GetValueOrDefault(template),
                IndirectEndpointSyntax reference => _model.Symbols.Endpoint(reference.Key.Text)?.Endpoint,
                _ => null,
            };
            if (next is null)
            {
                return (null, null, "is not translated");
            }

            leaf = next;
        }

        // An http member with a fixed host is kept: its client is the template's base URL, and LowerGroup checks that
        // every member expands the same path (SameHttpPath). One whose host comes from the message has no base URL.
        return leaf.Definition is HttpEndpointSyntax http && client.UrlTemplate is not null
            ? (null, null, _deployTimeTemplates.ContainsKey(http) && DeployTimeValue.Of(http.UriTemplate) is { } deployTime
                ? DeployTimeHttpMemberWhy(deployTime)
                : "is an http endpoint whose uri-template takes its host from the message; the group has one fixed base URL per member")
            : (client, leaf, null);
    }

    /// <summary>Why a group member that is an http endpoint with a deploy-time uri-template (<c>$SYSTEM:x</c>) is not translated.</summary>
    private static string DeployTimeHttpMemberWhy(DeployTimeValue deployTime) =>
        $"is an http endpoint whose uri-template is read from {deployTime.Source} when the Micro Integrator deploys the endpoint (HTTPEndpointFactory: ResolverFactory), then expanded at each call as the member's whole URL; the group has one fixed base URL per member and sends it the group's path: write the group by hand, with a configurable holding each member's URL";

    /// <summary>
    /// Why a group's members cannot share one request path when one of them is an http endpoint: the group sends one
    /// path and method to every member's base URL, while Synapse's HTTPEndpoint expands each member's own uri-template
    /// when the group sends to it (executeEpTypeSpecificFunctions: the URL, then HTTP_METHOD). That is the same request
    /// only when every member is an http endpoint whose template has the same path after its base URL, the same method
    /// and the same encoding (legacy-encoding or not); the members' base URLs may differ. Null when they can.
    /// </summary>
    private static (int Index, string Why)? HttpPathMismatch(List<EndpointSyntax> leaves)
    {
        if (!leaves.Any(l => l.Definition is HttpEndpointSyntax))
        {
            return null;
        }

        static (bool Legacy, string Path, string? Method)? Shape(EndpointSyntax leaf)
        {
            if (leaf.Definition is not HttpEndpointSyntax http)
            {
                return null;
            }

            var legacy = http.UriTemplate.StartsWith(LegacyEncoding, StringComparison.Ordinal);
            var (_, path) = SplitUrl(legacy ? http.UriTemplate[LegacyEncoding.Length..] : http.UriTemplate);
            return (legacy, path, http.Method?.Trim().ToUpperInvariant());
        }

        var notHttp = leaves.FindIndex(l => l.Definition is not HttpEndpointSyntax);
        if (notHttp >= 0)
        {
            var http = leaves.FindIndex(l => l.Definition is HttpEndpointSyntax);
            return (notHttp, $"is {(leaves[notHttp].Definition is { } d ? $"an {d.Kind}" : "an empty")} endpoint while member {http + 1} is an http endpoint: Synapse's HTTPEndpoint sends to its own expanded uri-template, the other members to their address (with the URL postfix of a REST request); the group sends one path to every member");
        }

        var first = Shape(leaves[0])!.Value;
        for (var i = 1; i < leaves.Count; i++)
        {
            var shape = Shape(leaves[i])!;

            if (shape.Value.Path != first.Path)
            {
                return (i, $"is an http endpoint whose uri-template path '{shape.Value.Path}' differs from the first member's '{first.Path}': Synapse expands each member's own template; the group sends one path to every member");
            }

            if (shape.Value.Method != first.Method)
            {
                return (i, $"is an http endpoint with method {shape.Value.Method ?? "(the request's)"} where the first member has {first.Method ?? "(the request's)"}: Synapse sets each member's HTTP_METHOD; the group sends one method to every member");
            }

            if (shape.Value.Legacy != first.Legacy)
            {
                return (i, "is an http endpoint whose legacy-encoding differs from the first member's: Synapse expands each member's template its own way; the group expands one");
            }
        }

        return null;
    }

    /// <summary>
    /// Why a group member that is itself a group (a loadbalance in a failover, a failover in a loadbalance: nested
    /// failovers are flattened, NestedGroups) has no translation, and what to write. In Synapse the outer group sends
    /// to the inner one as to any member; the inner one picks its member (LoadbalanceEndpoint.send: its algorithm;
    /// FailoverEndpoint.send: the first ready one) and, on a member's failure, tries its next one
    /// (onChildEndpointFail); only when it has none left does it report the failure to the outer group
    /// (AbstractEndpoint.informFailure), which then moves on as for a failed member.
    /// </summary>
    private static string NestedGroupWhy(ClientGroupKind inner, ClientGroupKind outer) => (inner, outer) switch
    {
        (ClientGroupKind.LoadBalance, ClientGroupKind.LoadBalance) => "is itself a loadbalance group: the generated EndpointGroup takes single endpoints as members, and http:LoadBalanceClient cannot hold another. The Micro Integrator gives the inner loadbalance its turn like any member; it picks one of its members by its algorithm and, when it has failover=\"true\", tries its other members when one fails (LoadbalanceEndpoint.onChildEndpointFail) before the outer group counts it failed. Write it by hand: pick the member in turn and, for the inner group's turn, callGroup through an EndpointGroup of its members",
        (ClientGroupKind.LoadBalance, _) => "is itself a loadbalance group: the generated EndpointGroup takes single endpoints as members, and http:FailoverClient cannot hold an http:LoadBalanceClient. The Micro Integrator sends to the inner loadbalance, which picks a member by its algorithm and tries its other members when one fails (LoadbalanceEndpoint.onChildEndpointFail); only when none is left does the failover move to its next member. Write it by hand: callGroup through an EndpointGroup of the inner members and, `on fail`, through one of the failover's remaining members",
        _ => "is itself a failover group: the generated EndpointGroup takes single endpoints as members, and http:LoadBalanceClient cannot hold an http:FailoverClient. The Micro Integrator gives the inner failover its turn like any member, and the inner failover tries its members in order (FailoverEndpoint.onChildEndpointFail) before the loadbalance counts it failed. Write it by hand: pick the member in turn and, for that turn, callGroup through an EndpointGroup of the inner failover's members",
    };

    private NotTranslatedIr GroupMemberNotTranslated(EndpointSyntax endpoint, string element, string baseName, string member, string why)
    {
        _diagnostics.Report(DiagnosticCatalog.GroupMemberNotTranslated, endpoint.Definition!.Location, element, baseName, member, why);
        return new NotTranslatedIr(DiagnosticCatalog.GroupMemberNotTranslated, $"the {element} endpoint is not translated: its member '{member}' {why}");
    }

    /// <summary>
    /// What the Micro Integrator's session-affine group (SALoadbalanceEndpointFactory makes a SALoadbalanceEndpoint with
    /// the dispatcher of the session type, case-insensitive) does that the generated round-robin group does not, for SB0206.
    /// </summary>
    private static string SessionAffinity(LoadbalanceSessionSyntax session)
    {
        var timeout = session.TimeoutMillis is { } millis
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $", until the session is unused for its sessionTimeout ({millis} ms, SALSessions)")
            : string.Empty;
        var bound = session.Type?.ToLowerInvariant() switch
        {
            "http" => "HttpSessionDispatcher binds a session to the member whose response sets a JSESSIONID, PHPSESSID, phpMyAdmin or wordpress_test_cookie cookie (the first such name=value of its Set-Cookie header: AbstractDispatcher.extractSessionCookie, SALSessions.updateSession) and sends each later request whose Cookie header carries that cookie to the same member",
            "soap" => "SoapSessionDispatcher binds a session to the member whose response carries an axis2:ServiceGroupId in its wsa:ReplyTo reference parameters and sends each later request whose SOAP header carries that ServiceGroupId to the same member",
            "simpleclientsession" => "SimpleClientSessionDispatcher sends every request whose SOAP header carries the same syn:ClientID to the member the first one went to",
            // The parser reports a missing or unknown type and keeps none.
            _ => "the session type is missing or none SALoadbalanceEndpointFactory knows (soap, http, simpleClientSession, without case): a missing type fails reading the endpoint (equalsIgnoreCase on null), so the artifact does not deploy, and an unknown one sets no session dispatcher",
        };
        return $"{bound}{timeout}, and does not fail a request of a started session over to another member (SALoadbalanceEndpoint.onChildEndpointFail); the generated group has no session affinity: each call goes to the next member by round robin, so a backend that keeps per-client state in its members needs the affinity written by hand (keep the member per session key)";
    }
}
