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

        var text = PublishedWsdlText(wsdl, out _);
        ReportOperationDispatch(proxy, text);
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

        var stem = new string(proxy.Name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' ? c : '_').ToArray()).TrimStart('.');
        stem = stem.Length == 0 ? "proxy" : stem;
        var fileName = $"resources/{stem}.wsdl";
        for (var i = 2; !_wsdlFiles.Add(fileName); i++)
        {
            fileName = $"resources/{stem}_{i}.wsdl";
        }

        var path = _symbols.Module(SymbolKind.Configurable, proxy.Name + " wsdl path");
        var origin = wsdl is { InlineWsdl: null, Key: null, Uri: { } uri } && _model.RegistryText(uri) is null && ServerFilePath(uri) is { } file && _model.InputFile(file) is { } found
            ? $"publishWSDL uri '{uri}', taken from the input's {found.Display}"
            : "publishWSDL";
        _configurables.Add(new ConfigurableIr(path, ConfigurableType.String, fileName, $"The WSDL of proxy service '{proxy.Name}' ({origin}), answered to GET /services/{proxy.Name}?wsdl: a path relative to the folder the program runs in.", Secret: false));
        // Indented afresh: an inline WSDL keeps the indentation it had inside the proxy.
        var root = XmlSource.ParseText(text).Root!;
        var document = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + root.ToString() + "\n";
        var (oneWayActions, oneWayOperations, twoWayActions) = WsdlDispatch(root);
        if (!oneWayOperations.IsEmpty)
        {
            _diagnostics.Report(DiagnosticCatalog.OneWayOperationAcknowledged, proxy.PublishWsdl!.Location, proxy.Name, string.Join(", ", oneWayOperations.Select(o => $"'{o}'")));
        }

        return new PublishedWsdlIr(fileName, document, path) { OneWayActions = oneWayActions, OneWayOperations = oneWayOperations, TwoWayActions = twoWayActions };
    }

    /// <summary>
    /// A proxy with a published WSDL has only the WSDL's operations in the Micro Integrator (ProxyService.buildAxisService
    /// adds no <c>mediate</c> operation), so Axis2's DispatchPhase refuses a request its dispatchers find no operation
    /// for with a SOAP fault ("The endpoint reference (EPR) for the Operation not found is ..."), unless the proxy's
    /// <c>disableOperationValidation</c> parameter is true (SynapseDispatcher then gives it the default <c>mediate</c>
    /// operation). The generated service runs the flow for every request: SB0244, with what is not known when the
    /// WSDL is not part of the input (its one-way operations).
    /// </summary>
    private void ReportOperationDispatch(ProxySyntax proxy, string? wsdlText)
    {
        var validationOff = proxy.Parameters.Any(p => p.Name == "disableOperationValidation" && p.Text?.Trim() is { } value
            && (value.Equals("true", StringComparison.OrdinalIgnoreCase) || value.Equals("yes", StringComparison.OrdinalIgnoreCase) || value == "1"));
        var unread = wsdlText is null
            ? "; the WSDL is not part of the input, so its one-way operations (which the Micro Integrator answers 202 Accepted with no body) are not known either"
            : XmlSource.ParseText(wsdlText).Root?.Name.NamespaceName != Wsdl11Namespace
                ? "; the WSDL 2.0 document's one-way operations (which the Micro Integrator answers 202 Accepted with no body) are not read either"
                : string.Empty;
        if (!validationOff || unread.Length > 0)
        {
            _diagnostics.Report(DiagnosticCatalog.OperationValidationNotReproduced, proxy.PublishWsdl!.Location, proxy.Name,
                validationOff ? "runs the flow for every request, as the Micro Integrator does with disableOperationValidation" : "runs the flow for a request whose SOAP action and path name none of the WSDL's operations, where the Micro Integrator answers it a SOAP fault (operation not found)",
                unread);
        }
    }

    /// <summary>
    /// What Axis2 dispatches by in a WSDL 1.1 document, as WSDL11ToAxisServiceBuilder builds the proxy's operations: a
    /// portType operation with an input and neither output nor fault is one-way (in-only; with a fault it is robust
    /// in-only, which is answered); its actions are each binding operation's <c>soapAction</c> (SOAP 1.1 and 1.2) and
    /// the input's explicit WS-Addressing action (<c>wsaw:Action</c>, <c>wsam:Action</c>). An action both kinds of
    /// operation claim counts as a two-way one's. WSDL 2.0 documents: nothing (their one-way operations are reported).
    /// </summary>
    internal static (ImmutableArray<string> OneWayActions, ImmutableArray<string> OneWayOperations, ImmutableArray<string> TwoWayActions) WsdlDispatch(XElement root)
    {
        if (root.Name != XName.Get("definitions", Wsdl11Namespace))
        {
            return ([], [], []);
        }

        XName Wsdl(string name) => XName.Get(name, Wsdl11Namespace);
        string[] actionNamespaces = ["http://schemas.xmlsoap.org/ws/2004/08/addressing", "http://www.w3.org/2007/05/addressing/metadata", "http://www.w3.org/2006/05/addressing/wsdl", "http://www.w3.org/2005/08/addressing"];
        var bindingActions = root.Elements(Wsdl("binding")).SelectMany(b => b.Elements(Wsdl("operation")))
            .SelectMany(o => o.Elements().Where(e => e.Name.LocalName == "operation" && e.Name.NamespaceName is "http://schemas.xmlsoap.org/wsdl/soap/" or "http://schemas.xmlsoap.org/wsdl/soap12/")
                .Select(e => ((string?)o.Attribute("name"), ((string?)e.Attribute("soapAction"))?.Trim())))
            .ToList();
        var oneWay = new List<string>();
        var oneWayActions = new List<string>();
        var twoWayActions = new List<string>();
        var twoWayNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var operation in root.Elements(Wsdl("portType")).SelectMany(p => p.Elements(Wsdl("operation"))))
        {
            if ((string?)operation.Attribute("name") is not { Length: > 0 } name)
            {
                continue;
            }

            var input = operation.Element(Wsdl("input"));
            var isOneWay = input is not null && operation.Element(Wsdl("output")) is null && operation.Element(Wsdl("fault")) is null;
            var explicitAction = input is null ? null : actionNamespaces.Select(ns => ((string?)input.Attribute(XName.Get("Action", ns)))?.Trim()).FirstOrDefault(a => !string.IsNullOrEmpty(a));
            var actions = bindingActions.Where(b => b.Item1 == name).Select(b => b.Item2).Append(explicitAction).OfType<string>().Where(a => a.Length > 0);
            (isOneWay ? oneWayActions : twoWayActions).AddRange(actions);
            if (isOneWay)
            {
                oneWay.Add(name);
            }
            else
            {
                twoWayNames.Add(name);
            }
        }

        var twoWay = twoWayActions.Distinct(StringComparer.Ordinal).ToImmutableArray();
        return (
            oneWayActions.Distinct(StringComparer.Ordinal).Where(a => !twoWay.Contains(a)).ToImmutableArray(),
            oneWay.Distinct(StringComparer.Ordinal).Where(n => !twoWayNames.Contains(n)).ToImmutableArray(),
            twoWay);
    }
}
