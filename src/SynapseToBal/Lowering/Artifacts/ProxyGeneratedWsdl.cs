using System.Xml.Linq;
using SynapseToBal.IR;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

// Lowering of the WSDL the Micro Integrator generates for a proxy without publishWSDL, answered to ?wsdl.
public sealed partial class Lowerer
{
    /// <summary>The WSDL 1.1 namespace (<see cref="Wsdl11Namespace"/>) as the generated document's elements are built in.</summary>
    private static readonly XNamespace Wsdl11 = Wsdl11Namespace;
    private static readonly XNamespace WsdlSoap11 = "http://schemas.xmlsoap.org/wsdl/soap/";
    private static readonly XNamespace WsdlSoap12 = "http://schemas.xmlsoap.org/wsdl/soap12/";
    private static readonly XNamespace WsdlHttp = "http://schemas.xmlsoap.org/wsdl/http/";
    private static readonly XNamespace WsdlMime = "http://schemas.xmlsoap.org/wsdl/mime/";
    private static readonly XNamespace WsdlAddressing = "http://www.w3.org/2006/05/addressing/wsdl";

    /// <summary>Axis2's default target namespace of a service (<c>Java2WSDLConstants.DEFAULT_TARGET_NAMESPACE</c>).</summary>
    private const string Axis2TargetNamespace = "http://ws.apache.org/axis2";

    /// <summary>
    /// The WSDL 1.1 document the Micro Integrator answers to <c>GET /services/&lt;proxy&gt;?wsdl</c> for a proxy without
    /// <c>publishWSDL</c>, as a package resource: ProxyService.buildAxisService gives such a proxy one in-out operation
    /// <c>mediate</c> with messages <c>in</c> and <c>out</c> (no schema), AxisService.addOperation its actions
    /// <c>urn:mediate</c> / <c>urn:mediateResponse</c>, AxisConfiguration.addService an endpoint per transport and
    /// binding (Utils.addEndpointsToService: SOAP 1.1, SOAP 1.2 and, on http and https, HTTP), and AxisService2WSDL11
    /// writes the document: the SOAP 1.1 ports, then the SOAP 1.2 ones, then the HTTP ones (each kind in the order of
    /// the service's endpoint HashMap), a binding per kind. Null when the proxy is served on neither http nor https.
    /// </summary>
    private PublishedWsdlIr? GeneratedWsdl(ProxySyntax proxy)
    {
        var http = proxy.Transports.Length == 0 || proxy.Transports.Contains("http", StringComparer.Ordinal);
        var https = proxy.Transports.Length == 0 || proxy.Transports.Contains("https", StringComparer.Ordinal);
        if (!http && !https)
        {
            return null;
        }

        var name = proxy.Name;
        XElement Body(XNamespace soap) => new(Wsdl11 + "operation", new XAttribute("name", SynapseOperationName),
            new XElement(soap + "operation", new XAttribute("soapAction", "urn:" + SynapseOperationName), new XAttribute("style", "document")),
            new XElement(Wsdl11 + "input", new XElement(soap + "body", new XAttribute("use", "literal"))),
            new XElement(Wsdl11 + "output", new XElement(soap + "body", new XAttribute("use", "literal"))));
        XElement SoapBinding(string suffix, XNamespace soap) => new(Wsdl11 + "binding", new XAttribute("name", name + suffix), new XAttribute("type", $"tns:{name}PortType"),
            new XElement(soap + "binding", new XAttribute("transport", "http://schemas.xmlsoap.org/soap/http"), new XAttribute("style", "document")),
            Body(soap));
        var httpBinding = new XElement(Wsdl11 + "binding", new XAttribute("name", name + "HttpBinding"), new XAttribute("type", $"tns:{name}PortType"),
            new XElement(WsdlHttp + "binding", new XAttribute("verb", "POST")),
            new XElement(Wsdl11 + "operation", new XAttribute("name", SynapseOperationName),
                new XElement(WsdlHttp + "operation", new XAttribute("location", SynapseOperationName)),
                new XElement(Wsdl11 + "input", new XElement(WsdlMime + "content", new XAttribute("type", "text/xml"), new XAttribute("part", "parameters"))),
                new XElement(Wsdl11 + "output", new XElement(WsdlMime + "content", new XAttribute("type", "text/xml"), new XAttribute("part", "parameters")))));

        // The endpoints the pass-through listeners give (Axis2 names them <proxy><Transport><Kind>Endpoint), at
        // <scheme>://<host>:<port>/services/<proxy>.<endpoint> (AxisEndpoint.calculateEndpointURL).
        var transports = new List<(string Protocol, string Scheme, string Port)>();
        if (http)
        {
            transports.Add(("Http", "http", ServerPort(https: false)));
        }

        if (https)
        {
            transports.Add(("Https", "https", ServerPort(https: true)));
        }

        XElement Port(string endpoint, string binding, XName address, string scheme, string port) => new(Wsdl11 + "port", new XAttribute("name", endpoint), new XAttribute("binding", "tns:" + binding),
            new XElement(address, new XAttribute("location", $"{scheme}://localhost:{port}/services/{name}.{endpoint}")));
        var service = new XElement(Wsdl11 + "service", new XAttribute("name", name));
        foreach (var (kind, binding, address) in new[] { ("Soap11Endpoint", name + "Soap11Binding", WsdlSoap11 + "address"), ("Soap12Endpoint", name + "Soap12Binding", WsdlSoap12 + "address"), ("Endpoint", name + "HttpBinding", WsdlHttp + "address") })
        {
            foreach (var (protocol, scheme, port) in JavaHashMapOrder(transports, t => name + t.Protocol + kind))
            {
                service.Add(Port(name + protocol + kind, binding, address, scheme, port));
            }
        }

        var operation = new XElement(Wsdl11 + "operation", new XAttribute("name", SynapseOperationName),
            new XElement(Wsdl11 + "input", new XAttribute("message", "tns:in"), new XAttribute(WsdlAddressing + "Action", "urn:" + SynapseOperationName)),
            new XElement(Wsdl11 + "output", new XAttribute("message", "tns:out"), new XAttribute(WsdlAddressing + "Action", "urn:" + SynapseOperationName + "Response")));
        var definitions = new XElement(Wsdl11 + "definitions",
            new XAttribute(XNamespace.Xmlns + "wsdl", Wsdl11.NamespaceName),
            new XAttribute(XNamespace.Xmlns + "soap", WsdlSoap11.NamespaceName),
            new XAttribute(XNamespace.Xmlns + "soap12", WsdlSoap12.NamespaceName),
            new XAttribute(XNamespace.Xmlns + "http", WsdlHttp.NamespaceName),
            new XAttribute(XNamespace.Xmlns + "mime", WsdlMime.NamespaceName),
            new XAttribute(XNamespace.Xmlns + "wsaw", WsdlAddressing.NamespaceName),
            new XAttribute(XNamespace.Xmlns + "tns", Axis2TargetNamespace),
            new XAttribute("targetNamespace", Axis2TargetNamespace),
            proxy.Description is { Length: > 0 } description ? new XElement(Wsdl11 + "documentation", description) : null,
            new XElement(Wsdl11 + "types"),
            new XElement(Wsdl11 + "message", new XAttribute("name", "in")),
            new XElement(Wsdl11 + "message", new XAttribute("name", "out")),
            new XElement(Wsdl11 + "portType", new XAttribute("name", name + "PortType"), operation),
            SoapBinding("Soap11Binding", WsdlSoap11),
            SoapBinding("Soap12Binding", WsdlSoap12),
            httpBinding,
            service);

        var fileName = WsdlResourceName(name);
        var path = _symbols.Module(SymbolKind.Configurable, name + " wsdl path");
        _configurables.Add(new ConfigurableIr(path, ConfigurableType.String, fileName,
            $"The WSDL the Micro Integrator generates for proxy service '{name}' (it publishes none: one operation 'mediate', SOAP 1.1, SOAP 1.2 and HTTP bindings, a port per transport), answered to GET /services/{name}?wsdl: a path relative to the folder the program runs in. Its addresses are localhost and the listeners' default ports ({ServerPort(https: false)}, {ServerPort(https: true)}), where the Micro Integrator writes its [server] hostname (localhost by default) and the ports it listens on: edit the file when they differ.", Secret: false));
        return new PublishedWsdlIr(fileName, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + definitions + "\n", path) { Generated = true };
    }

    /// <summary>
    /// The order in which a <c>java.util.HashMap</c> (or <c>HashSet</c>) of <paramref name="buckets"/> buckets (16 by
    /// default: fewer than 13 entries) iterates the given entries, keyed by <paramref name="key"/> and inserted in the
    /// given order: by bucket (the key's <c>String.hashCode</c> spread as <c>h ^ (h &gt;&gt;&gt; 16)</c>, its low bits),
    /// then by insertion (a resize splits each bucket keeping that order).
    /// </summary>
    internal static IEnumerable<T> JavaHashMapOrder<T>(IEnumerable<T> entries, Func<T, string> key, int buckets = 16) =>
        entries.Select((entry, index) => (entry, index)).OrderBy(e => JavaBucket(key(e.entry), buckets)).ThenBy(e => e.index).Select(e => e.entry);

    /// <summary>
    /// The buckets of a <c>HashMap</c> made with <paramref name="initialCapacity"/> once <paramref name="count"/> entries
    /// are in it: the capacity rounded up to a power of two, doubled each time the entries exceed three quarters of it.
    /// </summary>
    internal static int JavaHashSetBuckets(int count, int initialCapacity)
    {
        var buckets = 1;
        while (buckets < initialCapacity)
        {
            buckets <<= 1;
        }

        while (count > buckets * 3 / 4)
        {
            buckets <<= 1;
        }

        return buckets;
    }

    private static int JavaBucket(string key, int buckets)
    {
        var hash = 0;
        foreach (var c in key)
        {
            hash = unchecked((31 * hash) + c);
        }

        return (hash ^ (int)((uint)hash >> 16)) & (buckets - 1);
    }

    /// <summary>The package resource a proxy's WSDL is written to (<c>resources/&lt;proxy&gt;.wsdl</c>, sanitised and unique).</summary>
    private string WsdlResourceName(string proxyName)
    {
        var stem = new string(proxyName.Select(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' ? c : '_').ToArray()).TrimStart('.');
        stem = stem.Length == 0 ? "proxy" : stem;
        var fileName = $"resources/{stem}.wsdl";
        for (var i = 2; !_wsdlFiles.Add(fileName); i++)
        {
            fileName = $"resources/{stem}_{i}.wsdl";
        }

        return fileName;
    }
}
