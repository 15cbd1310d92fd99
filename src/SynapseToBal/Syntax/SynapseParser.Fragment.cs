using System.Collections.Immutable;
using System.Xml.Linq;
using SynapseToBal.Diagnostics;

namespace SynapseToBal.Syntax;

public sealed partial class SynapseParser
{
    /// <summary>
    /// Parses the children of <paramref name="container"/> (an inSequence, a template's sequence, ...) as a mediator
    /// list, for containers inside artifacts the parser does not model yet. Returns the mediators and the elements
    /// under the container that no node stands for.
    /// </summary>
    internal static (ImmutableArray<MediatorSyntax> Mediators, ImmutableArray<UnaccountedElement> Unaccounted) ParseMediatorList(
        XmlSource source, XElement container, DiagnosticBag diagnostics)
    {
        var parser = new SynapseParser(source, diagnostics);
        parser.Claim(container);
        var mediators = parser.ParseMediators(container);
        var unaccounted = container.Descendants()
            .Where(e => !parser._claimed.Contains(e))
            .Select(e => new UnaccountedElement(e.Name.LocalName, parser.Loc(e)))
            .ToImmutableArray();
        return (mediators, unaccounted);
    }
}
