using System.Xml.Linq;

namespace SynapseToBal.Syntax;

// Inline XML kept as text (a property's OM value, an enrich inline source): the text stands alone.
public sealed partial class SynapseParser
{
    /// <summary>
    /// An inline XML value as written, with the namespaces it uses but inherits from its ancestors declared on its
    /// root element, so that parsing the text alone (<c>xml:fromString</c>) gives the element the Micro Integrator
    /// holds: PropertyMediatorFactory and EnrichMediatorFactory keep <c>cloneOMElement()</c> of the element, which
    /// keeps every element's namespace, the Synapse namespace of an unprefixed element under the configuration's
    /// default <c>xmlns</c> included (nothing strips it; a payloadFactory format keeps it too, see <see cref="StandaloneXml"/>).
    /// </summary>
    private string ClaimInheritedXml(XElement element)
    {
        var raw = ClaimRaw(element);
        var declarations = InheritedNamespaces(element)
            .Select(d => d.Prefix is null ? $" xmlns=\"{Escape(d.Uri)}\"" : $" xmlns:{d.Prefix}=\"{Escape(d.Uri)}\"")
            .ToList();
        if (declarations.Count == 0)
        {
            return raw;
        }

        // After the root element's name in its start tag.
        var end = raw.StartsWith('<') ? raw.IndexOfAny([' ', '\t', '\r', '\n', '/', '>'], 1) : -1;
        return end < 0 ? StandaloneXml(element, keepSynapseNamespace: true) : raw[..end] + string.Concat(declarations) + raw[end..];

        static string Escape(string value) => System.Security.SecurityElement.Escape(value) ?? string.Empty;
    }

    /// <summary>
    /// The namespaces the element or its content uses that no declaration inside it declares: (prefix, URI), a null
    /// prefix for the default namespace. A use is inherited when no element between it and <paramref name="element"/>
    /// (both included) declares its prefix; a declaration of the same URI elsewhere inside (on a sibling, a descendant
    /// or under another prefix) does not cover it. Every inherited use of a prefix resolves through the same
    /// declaration above <paramref name="element"/>, so no prefix is given two URIs.
    /// </summary>
    internal static IReadOnlyList<(string? Prefix, string Uri)> InheritedNamespaces(XElement element)
    {
        var result = new List<(string?, string)>();
        var prefixes = new HashSet<string>(StringComparer.Ordinal);
        void Use(XElement user, string? prefix, XNamespace ns)
        {
            if (ns == XNamespace.None || ns == XNamespace.Xml || prefixes.Contains(prefix ?? string.Empty))
            {
                return;
            }

            var declaration = prefix is null ? XName.Get("xmlns") : XNamespace.Xmlns + prefix;
            for (var scope = user; scope is not null; scope = scope == element ? null : scope.Parent)
            {
                if (scope.Attribute(declaration) is not null)
                {
                    return;
                }
            }

            prefixes.Add(prefix ?? string.Empty);
            result.Add((prefix, ns.NamespaceName));
        }

        foreach (var e in element.DescendantsAndSelf())
        {
            // An element written without a prefix is in the default namespace in scope there.
            Use(e, e.Name.Namespace == e.GetDefaultNamespace() ? null : e.GetPrefixOfNamespace(e.Name.Namespace), e.Name.Namespace);
            foreach (var attribute in e.Attributes().Where(a => !a.IsNamespaceDeclaration && a.Name.Namespace != XNamespace.None))
            {
                Use(e, e.GetPrefixOfNamespace(attribute.Name.Namespace), attribute.Name.Namespace);
            }
        }

        return result;
    }
}
