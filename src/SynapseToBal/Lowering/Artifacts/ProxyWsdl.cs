using System.Xml.Linq;
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

        if (PublishedWsdlText(wsdl, out _) is not { } text)
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
        var document = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + XmlSource.ParseText(text).Root!.ToString() + "\n";
        return new PublishedWsdlIr(fileName, document, path);
    }
}
