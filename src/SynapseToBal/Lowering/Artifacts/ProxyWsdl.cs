using System.Collections.Immutable;
using System.Xml.Linq;
using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

// Lowering of a proxy's publishWSDL: the WSDL document placed in the package's resources/ and answered to ?wsdl.
public sealed partial class Lowerer
{
    /// <summary>The resource file names already given to a proxy's WSDL.</summary>
    private readonly HashSet<string> _wsdlFiles = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The publishWSDL elements whose uri is a registry key, reported once (SB0617).</summary>
    private readonly HashSet<PublishWsdlSyntax> _wsdlKeyUris = new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// The WSDL document a <c>publishWSDL</c> names when the project holds it: inline, a local entry (inline XML) or a
    /// registry resource of the project by <c>key</c>, or a <c>uri</c> that is a registry key. Otherwise null with the
    /// reason the generated service cannot answer <c>?wsdl</c> with it.
    /// </summary>
    private string? PublishedWsdlText(PublishWsdlSyntax wsdl, out string? reason)
    {
        reason = null;
        string? text;
        string source;
        if (wsdl.InlineWsdl is { } inline)
        {
            (text, source) = (inline, "the inline WSDL");
        }
        else if (wsdl.Key is { } key)
        {
            source = $"key '{key}'";
            text = _model.Symbols.LocalEntry(key) is { } entry ? entry.Xml : _model.RegistryText(key);
            if (text is null)
            {
                reason = _model.Symbols.LocalEntry(key) is { Src: { } src }
                    ? $"local entry '{key}' loads it from {src}, which is not in the project"
                    : _model.Symbols.LocalEntry(key) is not null ? $"local entry '{key}' holds no XML" : $"neither a local entry nor a registry resource of the project is named '{key}'";
                return null;
            }
        }
        else if (wsdl.Uri is { } uri)
        {
            source = $"uri '{uri}'";
            text = _model.RegistryText(uri) ?? (ServerFilePath(uri) is { } file ? _model.InputFile(file)?.Text : null);

            if (text is null)
            {
                reason = ServerFilePath(uri) is not null
                    ? $"the Micro Integrator reads {uri} from its own file system (relative to its home), and no file of the input is at that path"
                    : $"the Micro Integrator reads {uri} from the network when it deploys the proxy; put the file in the package's resources/ and answer ?wsdl with it by hand";
                return null;
            }
        }
        else
        {
            reason = wsdl.Endpoint is { } endpoint
                ? $"it is the WSDL of endpoint '{endpoint}', which the Micro Integrator fetches when it deploys the proxy"
                : "it names no WSDL";
            return null;
        }

        try
        {
            var root = XmlSource.ParseText(text).Root;
            if (root is null || !(root.Name == XName.Get("definitions", Wsdl11Namespace) || root.Name == XName.Get("description", "http://www.w3.org/ns/wsdl")))
            {
                reason = $"{source} is not a WSDL 1.1 definitions or WSDL 2.0 description document";
                return null;
            }
        }
        catch (System.Xml.XmlException e)
        {
            reason = $"{source} is not well-formed XML on its own ({e.Message})";
            return null;
        }

        return text;
    }

    /// <summary>
    /// The path a <c>file:</c> URI names on the Micro Integrator's file system (relative to its home, or absolute),
    /// without the scheme; null for any other URI. Axis2 reads it with <c>new URL(uri).openStream()</c>.
    /// </summary>
    private static string? ServerFilePath(string uri)
    {
        var trimmed = uri.Trim();
        return trimmed.StartsWith("file:", StringComparison.OrdinalIgnoreCase) && trimmed.Length > "file:".Length ? trimmed["file:".Length..] : null;
    }

    /// <summary>
    /// A publishWSDL <c>uri="file:..."</c> that the input holds no file for, on a proxy served over HTTP: the WSDL is
    /// answered from the file a required configurable names (the same contract as a stylesheet key outside the input).
    /// </summary>
    private static bool IsServerFileWsdl(PublishWsdlSyntax wsdl) =>
        wsdl is { InlineWsdl: null, Key: null, Uri: { } uri } && ServerFilePath(uri) is not null;

    /// <summary>
    /// The published WSDL of a proxy as a package resource with its path configurable; for a <c>file:</c> URI the input
    /// does not hold, only the path, a required configurable; null when the proxy publishes none the project can answer.
    /// </summary>
    private PublishedWsdlIr? PublishedWsdl(ProxySyntax proxy)
    {
        if (proxy.PublishWsdl is not { } wsdl)
        {
            return null;
        }

        var (text, dispatch, notDispatched) = WsdlDispatchOf(proxy);
        ReportOperationDispatch(proxy, dispatch, notDispatched);
        if (wsdl is { InlineWsdl: null, Key: null, Uri: { } keyUri } && ServerFilePath(keyUri) is null && _model.RegistryText(keyUri) is not null && _wsdlKeyUris.Add(wsdl))
        {
            // ProxyService.buildAxisService: wsdlURI.toURL() knows no gov: or conf: protocol (MalformedURLException).
            _diagnostics.Report(DiagnosticCatalog.RegistryKeyAsUrl, wsdl.Location, $"Proxy service '{proxy.Name}'", SecretNames.MaskXml(keyUri), "Malformed URI for wsdl",
                $"the proxy is not deployed; key=\"{SecretNames.MaskXml(keyUri.Trim())}\" is what reads the registry");
        }

        if (text is null)
        {
            if (!IsServerFileWsdl(wsdl))
            {
                return null;
            }

            var required = _symbols.Module(SymbolKind.Configurable, proxy.Name + " wsdl path");
            _configurables.Add(new ConfigurableIr(required, ConfigurableType.String, null, $"Path of the WSDL of proxy service '{proxy.Name}' (publishWSDL uri '{wsdl.Uri}', a file on the Micro Integrator's file system relative to its home, which is not part of the input): copy it from the server and set its path; it is answered to GET /services/{proxy.Name}?wsdl.", Secret: false));
            return new PublishedWsdlIr(null, null, required);
        }

        var fileName = WsdlResourceName(proxy.Name);
        var path = _symbols.Module(SymbolKind.Configurable, proxy.Name + " wsdl path");
        var origin = wsdl is { InlineWsdl: null, Key: null, Uri: { } uri } && _model.RegistryText(uri) is null && ServerFilePath(uri) is { } file && _model.InputFile(file) is { } found
            ? $"publishWSDL uri '{uri}', taken from the input's {found.Display}"
            : "publishWSDL";
        _configurables.Add(new ConfigurableIr(path, ConfigurableType.String, fileName, $"The WSDL of proxy service '{proxy.Name}' ({origin}), answered to GET /services/{proxy.Name}?wsdl: a path relative to the folder the program runs in.", Secret: false));
        // Indented afresh: an inline WSDL keeps the indentation it had inside the proxy.
        var root = XmlSource.ParseText(text).Root!;
        var document = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + root.ToString() + "\n";
        if (dispatch is { OneWayOperations.IsEmpty: false })
        {
            _diagnostics.Report(DiagnosticCatalog.OneWayOperationAcknowledged, proxy.PublishWsdl!.Location, proxy.Name, string.Join(", ", dispatch.OneWayOperations.Select(o => $"'{o}'")));
        }

        return new PublishedWsdlIr(fileName, document, path) { Dispatch = dispatch };
    }

    /// <summary>The WSDL text, dispatch and reason of each proxy, computed once (the flow's lowering asks first).</summary>
    private readonly Dictionary<ProxySyntax, (string? Text, WsdlDispatchIr? Dispatch, string? Reason)> _wsdlDispatch = new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// The published WSDL's text (null when the project does not hold it) and how Axis2 dispatches the proxy's requests
    /// to its operations, or why the converter does not reproduce that.
    /// </summary>
    private (string? Text, WsdlDispatchIr? Dispatch, string? Reason) WsdlDispatchOf(ProxySyntax proxy)
    {
        if (_wsdlDispatch.TryGetValue(proxy, out var known))
        {
            return known;
        }

        var text = proxy.PublishWsdl is { } wsdl ? PublishedWsdlText(wsdl, out _) : null;
        string? reason;
        WsdlDispatchIr? dispatch = null;
        if (text is null)
        {
            reason = "the WSDL is not part of the input, so its operations (which a request must name, and the one-way ones the Micro Integrator answers 202 Accepted with no body) are not known";
        }
        else
        {
            var parameters = proxy.Parameters.Where(p => p.Text is not null).GroupBy(p => p.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last().Text!.Trim(), StringComparer.Ordinal);
            // One table of the operations per proxy, which its HTTP services and its listeners read alike.
            dispatch = WsdlDispatch(XmlSource.ParseText(text).Root!, parameters, out reason) is { } read
                ? read with { Table = _symbols.Module(SymbolKind.LocalEntry, proxy.Name + " operations") }
                : null;
        }

        return _wsdlDispatch[proxy] = (text, dispatch, reason);
    }

    /// <summary>
    /// A proxy with a published WSDL has only the WSDL's operations in the Micro Integrator (ProxyService.buildAxisService
    /// adds no <c>mediate</c> operation), so Axis2's DispatchPhase refuses a request its dispatchers find no operation
    /// for with a SOAP fault ("The endpoint reference (EPR) for the Operation not found is ..."), unless the proxy's
    /// <c>disableOperationValidation</c> parameter is true (SynapseDispatcher then gives it the default <c>mediate</c>
    /// operation). The generated service does the same where the converter reads the WSDL's operations; where it does
    /// not, it runs the flow for every request: SB0244, with the reason.
    /// </summary>
    private void ReportOperationDispatch(ProxySyntax proxy, WsdlDispatchIr? dispatch, string? reason)
    {
        if (dispatch is not null)
        {
            return;
        }

        var validationOff = IsTrueExplicitly(proxy.Parameters.LastOrDefault(p => p.Name == "disableOperationValidation")?.Text);
        _diagnostics.Report(DiagnosticCatalog.OperationValidationNotReproduced, proxy.PublishWsdl!.Location, proxy.Name,
            validationOff ? "runs the flow for every request, as the Micro Integrator does with disableOperationValidation, but does not know its one-way operations" : "runs the flow for a request whose SOAP action and path name none of the WSDL's operations, where the Micro Integrator answers it a SOAP fault (operation not found)",
            "; " + reason);
    }

    /// <summary>Axis2's JavaUtils.isTrueExplicitly of a parameter's text: <c>true</c>, <c>yes</c> (any case) or <c>1</c>.</summary>
    private static bool IsTrueExplicitly(string? value) => value?.Trim() is { } text
        && (text.Equals("true", StringComparison.OrdinalIgnoreCase) || text.Equals("yes", StringComparison.OrdinalIgnoreCase) || text == "1");

    /// <summary>
    /// How Axis2 dispatches a request to the operations of a WSDL 1.1 document, as WSDL11ToAxisServiceBuilder builds
    /// the proxy's AxisService from it (ProxyService.buildAxisService): the operations of the portType of the first
    /// service's ports; each input's action (its explicit <c>wsaw:Action</c>, <c>wsam:Action</c> or WS-Addressing
    /// <c>Action</c>, else the WSDL 1.1 default action pattern, WSDL11DefaultActionPatternHelper) and each soapAction
    /// of the bindings of those ports are aliases of their operation (AxisService.mapActionToOperation: an alias two
    /// operations claim names neither). A portType operation with an input and neither output nor fault is in-only
    /// (one-way); with a fault it is robust in-only, which is answered. Null, with the reason, for a document whose
    /// operations the converter does not read as the Micro Integrator builds them.
    /// </summary>
    /// <param name="parameters">The proxy's parameters (the last of a name), which become the AxisService's.</param>
    internal static WsdlDispatchIr? WsdlDispatch(XElement root, IReadOnlyDictionary<string, string> parameters, out string? reason)
    {
        XName Wsdl(string name) => XName.Get(name, Wsdl11Namespace);
        static WsdlDispatchIr? NotRead(string why, out string? reason)
        {
            reason = why;
            return null;
        }

        if (root.Name != Wsdl("definitions"))
        {
            return NotRead("the converter does not read a WSDL 2.0 document's operations (which a request must name, and the one-way ones the Micro Integrator answers 202 Accepted with no body)", out reason);
        }

        if (root.Elements(Wsdl("import")).Any())
        {
            return NotRead("the WSDL imports other documents, which the converter does not read for its operations", out reason);
        }

        if ((string?)root.Attribute("targetNamespace") is not { } targetNamespace)
        {
            return NotRead("the WSDL declares no targetNamespace (WSDL11ToAxisServiceBuilder derives the operations' default actions from it)", out reason);
        }

        // findService: the first service with ports (wsdl4j keeps the services in a map, so with two the order is not known).
        var services = root.Elements(Wsdl("service")).Where(s => s.Elements(Wsdl("port")).Any()).ToList();
        if (services.Count != 1)
        {
            return NotRead(services.Count == 0
                ? "the WSDL declares no service with a port, which the Micro Integrator builds the proxy's operations from (WSDL11ToAxisServiceBuilder.findService fails)"
                : "the WSDL declares more than one service with ports, and which one the Micro Integrator builds the proxy's operations from depends on wsdl4j's map order", out reason);
        }

        // A QName attribute's local part (the document's own definitions are the only ones read).
        static string? Local(string? qualified) => qualified?[(qualified.IndexOf(':', StringComparison.Ordinal) + 1)..];
        XElement? Named(string element, string? qualified) =>
            Local(qualified) is { } local ? root.Elements(Wsdl(element)).FirstOrDefault(e => (string?)e.Attribute("name") == local) : null;

        var ports = services[0].Elements(Wsdl("port")).ToList();
        var bindings = ports.Select(p => Named("binding", (string?)p.Attribute("binding"))).ToList();
        if (bindings.Any(b => b is null))
        {
            return NotRead("a port of the WSDL's service names a binding the document does not hold", out reason);
        }

        var portTypeNames = bindings.Select(b => Local((string?)b!.Attribute("type"))).Distinct(StringComparer.Ordinal).ToList();
        if (portTypeNames.Count != 1 || Named("portType", portTypeNames[0]) is not { } portType)
        {
            return NotRead(portTypeNames.Count != 1
                ? "the ports of the WSDL's service bind different portTypes, and which one the Micro Integrator builds the proxy's operations from depends on the ports' addresses (WSDL11ToAxisServiceBuilder.findPort)"
                : "the binding of the WSDL's service names a portType the document does not hold", out reason);
        }

        // An HTTP binding's http:operation locations dispatch nothing: ProxyService.buildAxisService clears the endpoints
        // the WSDL's bindings made, and the proxy's own endpoints have no HTTP location table (HTTPLocationBasedDispatcher).
        string[] actionNamespaces = ["http://schemas.xmlsoap.org/ws/2004/08/addressing", "http://www.w3.org/2007/05/addressing/metadata", "http://www.w3.org/2006/05/addressing/wsdl", "http://www.w3.org/2005/08/addressing"];
        var delimiter = targetNamespace.StartsWith("urn", StringComparison.OrdinalIgnoreCase) ? ":" : "/";
        var portTypeName = (string)portType.Attribute("name")!;
        var operations = new List<string>();
        var oneWay = new List<string>();
        var aliases = new List<(string Action, string Operation)>();
        var elements = new List<(string Element, string Operation)>();
        foreach (var operation in portType.Elements(Wsdl("operation")))
        {
            if ((string?)operation.Attribute("name") is not { Length: > 0 } name || operations.Contains(name))
            {
                continue;
            }

            operations.Add(name);
            var messages = operation.Elements().Where(e => e.Name == Wsdl("input") || e.Name == Wsdl("output")).ToList();
            var input = operation.Element(Wsdl("input"));
            var requestResponse = messages is [var first, _, ..] && first.Name == Wsdl("input");
            if (input is not null && operation.Element(Wsdl("output")) is null && operation.Element(Wsdl("fault")) is null)
            {
                oneWay.Add(name);
            }

            if (input is null)
            {
                continue;
            }

            // WSDL11ActionHelper.getActionFromInputElement: the explicit action, else the default action pattern
            // (targetNamespace, portType and input name; the input's name defaults to the operation's, + "Request"
            // for a request-response operation).
            var action = actionNamespaces.Select(ns => (string?)input.Attribute(XName.Get("Action", ns))).FirstOrDefault(a => !string.IsNullOrEmpty(a))
                ?? targetNamespace + (targetNamespace.EndsWith(delimiter, StringComparison.Ordinal) ? string.Empty : delimiter) + portTypeName + delimiter
                    + ((string?)input.Attribute("name") ?? (requestResponse ? name + "Request" : name));
            aliases.Add((action, name));

            // The input message's element: the one part's element of its message (WSDL11ToAxisServiceBuilder sets it on
            // the AxisMessage, and AxisService maps it to the operation for SOAPMessageBodyBasedDispatcher).
            if (Named("message", (string?)input.Attribute("message")) is { } message && message.Elements(Wsdl("part")).ToList() is [var part]
                && (string?)part.Attribute("element") is { } element && ElementName(part, element) is { } elementName)
            {
                elements.Add((elementName, name));
            }
        }

        // Each binding's soapAction (SOAP 1.1: any non-empty value; SOAP 1.2 the same), once per binding.
        foreach (var binding in bindings.Distinct())
        {
            foreach (var bindingOperation in binding!.Elements(Wsdl("operation")))
            {
                if ((string?)bindingOperation.Attribute("name") is not { } name || !operations.Contains(name))
                {
                    continue;
                }

                var soapAction = bindingOperation.Elements().Where(e => e.Name.LocalName == "operation" && e.Name.NamespaceName is "http://schemas.xmlsoap.org/wsdl/soap/" or "http://schemas.xmlsoap.org/wsdl/soap12/")
                    .Select(e => (string?)e.Attribute("soapAction")).FirstOrDefault(a => !string.IsNullOrEmpty(a));
                if (soapAction is not null)
                {
                    aliases.Add((soapAction, name));
                }
            }
        }

        // An rpc-style binding operation's body element is the operation's wrapper, not its part's element: only the
        // name fallback (getOperation by the element's local name) dispatches it.
        var rpc = bindings.Distinct().SelectMany(b => b!.Elements(Wsdl("operation")).Where(o => IsRpc(b, o)).Select(o => (string?)o.Attribute("name"))).ToHashSet(StringComparer.Ordinal);

        // AxisService.addMessageElementQNameToOperationMapping: an element two operations take names neither.
        var byElement = elements.Where(e => !rpc.Contains(e.Operation)).GroupBy(e => e.Element, StringComparer.Ordinal)
            .Where(g => g.Select(e => e.Operation).Distinct(StringComparer.Ordinal).Count() == 1).Select(g => new WsdlActionIr(g.Key, g.First().Operation)).ToList();

        // AxisService.mapActionToOperation: an alias mapped to two operations is dropped and refused for good.
        var ambiguous = aliases.GroupBy(a => a.Action, StringComparer.Ordinal).Where(g => g.Select(a => a.Operation).Distinct(StringComparer.Ordinal).Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        var actions = aliases.Where(a => !ambiguous.Contains(a.Action)).DistinctBy(a => a.Action, StringComparer.Ordinal).Select(a => new WsdlActionIr(a.Action, a.Operation)).ToList();

        // getOperationBySOAPAction falls back on an operation of that name (unless the name is an ambiguous alias).
        actions.AddRange(operations.Where(o => !ambiguous.Contains(o) && actions.All(a => a.Action != o)).Select(o => new WsdlActionIr(o, o)));

        // SynapseDispatcher: the operation getOperation("mediate") finds (by name, then by alias), else the default
        // 'mediate' operation disableOperationValidation adds; DispatchPhase: the only operation with supportSingleOperation.
        var fallback = operations.Contains("mediate") ? "mediate"
            : actions.FirstOrDefault(a => a.Action == "mediate" && a.Operation != "mediate")?.Operation
            ?? (IsTrueExplicitly(parameters.GetValueOrDefault("disableOperationValidation")) ? "mediate"
                : operations.Count == 1 && parameters.GetValueOrDefault("supportSingleOperation") is { } single && !(single.Equals("false", StringComparison.OrdinalIgnoreCase) || single.Equals("no", StringComparison.OrdinalIgnoreCase) || single == "0") ? operations[0]
                : null);
        reason = null;
        return new WsdlDispatchIr([.. actions], [.. operations], [.. oneWay], fallback) { Elements = [.. byElement] };
    }

    /// <summary>The <c>{namespace}local</c> name of a part's <c>element</c> QName, its prefix resolved where it is written; null for an undeclared prefix.</summary>
    private static string? ElementName(XElement part, string qualified)
    {
        var colon = qualified.IndexOf(':', StringComparison.Ordinal);
        var ns = colon < 0 ? part.GetDefaultNamespace() : part.GetNamespaceOfPrefix(qualified[..colon]);
        return ns is null ? null : ns == XNamespace.None ? qualified[(colon + 1)..] : "{" + ns.NamespaceName + "}" + qualified[(colon + 1)..];
    }

    /// <summary>Whether a SOAP binding's operation is rpc-style: its soap:operation's style, else its binding's soap:binding style.</summary>
    private static bool IsRpc(XElement binding, XElement operation)
    {
        static string? Style(XElement parent, string name) => parent.Elements()
            .Where(e => e.Name.LocalName == name && e.Name.NamespaceName is "http://schemas.xmlsoap.org/wsdl/soap/" or "http://schemas.xmlsoap.org/wsdl/soap12/")
            .Select(e => (string?)e.Attribute("style")).FirstOrDefault(s => s is not null);
        return (Style(operation, "operation") ?? Style(binding, "binding")) == "rpc";
    }
}
