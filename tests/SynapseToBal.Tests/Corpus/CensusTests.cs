using System.Collections;
using System.Collections.Immutable;
using System.Reflection;
using System.Text;
using System.Xml.Linq;
using Microsoft.CodeAnalysis.Text;
using SynapseToBal.Diagnostics;
using SynapseToBal.Syntax;
using Xunit;
using Xunit.Abstractions;

namespace SynapseToBal.Tests.Corpus;

/// <summary>
/// The census: every element of every corpus file is walked and classified by the syntax node that stands for
/// it; none may be left unrepresented, and every Synapse mediator must get a typed node. Mediator lists inside
/// artifacts this parser does not model yet (proxy, template, ...) are parsed as fragments so their mediators
/// are counted too. Skips with a message when the corpus is not beside the repository.
/// </summary>
public sealed class CensusTests(ITestOutputHelper output)
{
    /// <summary>
    /// Mediator element names the Synapse / Micro Integrator runtime registers (MediatorFactoryFinder, the
    /// extension factories and the carbon-mediation mediators), written out independently of the parser.
    /// </summary>
    private static readonly HashSet<string> SynapseMediatorNames = new(StringComparer.Ordinal)
    {
        "sequence", "log", "send", "filter", "drop", "header", "makefault", "property", "propertyGroup", "switch",
        "in", "out", "class", "validate", "xslt", "annotatedCommand", "pojoCommand", "clone", "iterate", "aggregate",
        "dbreport", "dblookup", "callout", "eventPublisher", "transaction", "enqueue", "conditionalRouter", "sampler",
        "rewrite", "enrich", "store", "call-template", "payloadFactory", "bean", "ejb", "call", "loopback", "respond",
        "foreach", "jsontransform", "NTLM", "variable", "scatter-gather", "throwError", "script", "spring", "throttle",
        "xquery", "opa", "cache", "datamapper", "entitlementService", "event", "fastXSLT", "kerberosService",
        "oauthService", "publishEvent", "router", "smooks", "bam", "builder", "dataServiceCall", "rule",
    };

    /// <summary>
    /// The attributes of the corpus the parser leaves unread (SB0107), with how often each occurs: all are attributes
    /// the Synapse factories do not read either (docs/diagnostics.md#sb0107 gives the same list). A new unread
    /// attribute, or a count that changes, fails the census: read it if the Micro Integrator does, or add it here
    /// with the factory that ignores it.
    /// </summary>
    private static readonly Dictionary<(string Element, string Attribute), (int Count, string Why)> IgnoredBySynapse = new()
    {
        [("arg", "deepCheck")] = (4, "PayloadFactoryMediatorFactory reads only value, expression, evaluator and literal of an <arg>"),
        [("loadbalance", "alogorithm")] = (4, "misspelt 'algorithm'; LoadbalanceAlgorithmFactory reads policy and algorithm"),
        [("log", "name")] = (4, "LogMediatorFactory reads level, category, separator, logFullPayload, logMessageID (and description)"),
        [("endpoint", "statistics")] = (3, "EndpointFactory reads no statistics on <endpoint>; DefaultEndpointFactory.processAuditStatus reads it on the leaf (address, http, wsdl, default)"),
        [("resource", "url-pattern")] = (2, "ResourceFactory reads url-mapping or uri-template"),
        [("sequence", "response")] = (2, "SequenceMediatorFactory reads name, key, onError (and statistics, trace, description)"),
        [("sequence", "transports")] = (2, "SequenceMediatorFactory reads name, key, onError (and statistics, trace, description)"),
        [("validate", "key")] = (2, "ValidateMediatorFactory reads the schema keys from <schema key>, not from <validate>"),
        [("api", "ransports")] = (1, "misspelt 'transports' (APIFactory)"),
        [("api", "startOnLoad")] = (1, "APIFactory reads no startOnLoad; proxies have it"),
        [("code", "targetNamespace")] = (1, "FaultMediatorFactory reads value (a QName) or expression of <code>"),
        [("definitions", "xsi:schemaLocation")] = (1, "a schema hint for editors; SynapseXMLConfigurationFactory reads no attribute of <definitions>"),
        [("foreach", "version")] = (1, "ForEachMediatorFactory picks the new foreach by the collection attribute, never by a version"),
        [("property", "type")] = (1, "inside <log>: MediatorPropertyFactory reads name, value, expression and scope"),
    };

    private static readonly HashSet<string> MediatorContainers = new(StringComparer.Ordinal) { "inSequence", "outSequence", "faultSequence" };

    [Fact]
    public void Every_corpus_element_is_represented_and_every_mediator_has_a_typed_node()
    {
        var corpus = TestPaths.Corpus;
        if (corpus is null)
        {
            output.WriteLine("SKIPPED: ../shared/corpus is not present beside the repository; the census did not run.");
            return;
        }

        var files = Directory.EnumerateFiles(corpus, "*.xml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        Assert.True(files.Count > 1000, $"expected the corpus to hold over 1,000 XML files, found {files.Count}");

        var failures = new StringBuilder();
        var unaccountedList = new StringBuilder();
        var census = new AstCensus();
        var inUnknownNodes = new Dictionary<string, int>(StringComparer.Ordinal);
        var syntaxDiagnostics = new Dictionary<string, int>(StringComparer.Ordinal);
        int documents = 0, walked = 0, typed = 0, typedInFragments = 0, inUnknownArtifacts = 0;
        int unaccounted = 0, fragments = 0, attributesWalked = 0;
        var unreadAttributes = new Dictionary<(string Element, string Attribute), List<string>>();
        foreach (var file in files)
        {
            var relative = Path.GetRelativePath(corpus, file);
            try
            {
                var text = File.ReadAllText(file);
                var diagnostics = new DiagnosticBag();
                var document = SynapseParser.ParseText(file, text, diagnostics);
                if (document is null)
                {
                    continue;
                }

                documents++;
                attributesWalked += document.AttributesWalked;
                foreach (var attribute in document.UnreadAttributes)
                {
                    var key = (attribute.ElementName, attribute.Name);
                    if (!unreadAttributes.TryGetValue(key, out var places))
                    {
                        unreadAttributes[key] = places = [];
                    }

                    places.Add($"{relative}:{attribute.Location.Line}");
                }

                var source = XmlSource.Parse(file, text);
                var fileCensus = new AstCensus();
                fileCensus.Visit(document);
                foreach (var element in document.Unaccounted)
                {
                    unaccounted++;
                    unaccountedList.AppendLine($"  {element.Location}: <{element.Name}>");
                }

                // Mediator lists inside artifacts the parser keeps whole (proxy, template, ...).
                var fragmentSpans = new List<TextSpan>();
                var artifactElements = source.Root.Name.LocalName == "definitions" ? source.Root.Elements() : [source.Root];
                foreach (var artifactElement in artifactElements)
                {
                    var span = source.LocationOf(artifactElement).Span;
                    if (!fileCensus.UnknownArtifactSpans.Contains(span))
                    {
                        continue;
                    }

                    foreach (var container in Containers(artifactElement, artifactElement.Name.LocalName == "template"))
                    {
                        fragments++;
                        var (mediators, fragmentUnaccounted) = SynapseParser.ParseMediatorList(source, container, diagnostics);
                        fileCensus.Visit(mediators);
                        fragmentSpans.Add(source.LocationOf(container).Span);
                        foreach (var element in fragmentUnaccounted)
                        {
                            unaccounted++;
                            unaccountedList.AppendLine($"  {element.Location}: <{element.Name}> (in a mediator list of an unmodelled artifact)");
                        }
                    }
                }

                foreach (var element in source.Root.DescendantsAndSelf())
                {
                    walked++;
                    var span = source.LocationOf(element).Span;
                    if (fileCensus.UnknownNodeSpans.FirstOrDefault(s => Inside(span, s.Span)).Kind is { } kind)
                    {
                        inUnknownNodes[kind] = inUnknownNodes.GetValueOrDefault(kind) + 1;
                    }
                    else if (fileCensus.UnknownArtifactSpans.Any(s => Inside(span, s)))
                    {
                        if (fragmentSpans.Any(s => Inside(span, s) && span != s))
                        {
                            typedInFragments++;
                        }
                        else
                        {
                            inUnknownArtifacts++;
                        }
                    }
                    else
                    {
                        typed++;
                    }
                }

                census.Add(fileCensus);
                foreach (var diagnostic in diagnostics.Items.Where(d => d.Id.StartsWith("SB01", StringComparison.Ordinal)))
                {
                    var key = diagnostic.Id + " " + diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
                    syntaxDiagnostics[key] = syntaxDiagnostics.GetValueOrDefault(key) + 1;
                }
            }
            catch (Exception ex)
            {
                failures.AppendLine($"{relative}: {ex.GetType().Name}: {ex.Message}");
            }
        }

        output.WriteLine($"{files.Count} files, {documents} Synapse documents, {fragments} mediator lists parsed inside not-yet-modelled artifacts.");
        output.WriteLine($"Elements walked: {walked}");
        output.WriteLine($"  typed (a typed node or content kept whole by one): {typed + typedInFragments} ({typed} in modelled artifacts, {typedInFragments} in mediator lists of proxies/templates)");
        output.WriteLine($"  inside unknown nodes: {inUnknownNodes.Values.Sum()} ({string.Join(", ", inUnknownNodes.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}: {p.Value}"))})");
        output.WriteLine($"  inside not-yet-modelled artifacts, outside their mediator lists: {inUnknownArtifacts}");
        output.WriteLine($"  unaccounted (SB0105): {unaccounted}");
        output.WriteLine(string.Empty);
        var unreadTotal = unreadAttributes.Values.Sum(p => p.Count);
        output.WriteLine($"Attributes walked (outside raw XML, namespace declarations excluded): {attributesWalked}; not read (SB0107): {unreadTotal} ({unreadAttributes.Count} element/attribute pairs)");
        foreach (var ((element, attribute), places) in unreadAttributes.OrderByDescending(p => p.Value.Count).ThenBy(p => p.Key.Element, StringComparer.Ordinal).ThenBy(p => p.Key.Attribute, StringComparer.Ordinal).Take(60))
        {
            output.WriteLine($"  {places.Count,6} <{element} {attribute}>  e.g. {places[0]}");
        }

        output.WriteLine(string.Empty);
        output.WriteLine($"Mediator nodes: {census.MediatorsByType.Values.Sum()}");
        foreach (var (type, count) in census.MediatorsByType.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"  {count,6} {type}");
        }

        output.WriteLine($"Connector operations: {census.Connectors.Count} connectors, {census.Connectors.Values.Sum()} operations");
        output.WriteLine($"Extra (unknown child) elements in typed mediators: {census.ExtraElements.Values.Sum()} ({string.Join(", ", census.ExtraElements.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} x{p.Value}"))})");
        output.WriteLine($"UnknownMediator names: {(census.UnknownMediatorNames.Count == 0 ? "none" : string.Join(", ", census.UnknownMediatorNames.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} x{p.Value}")))}");

        output.WriteLine($"Syntax diagnostics (SB01xx): {syntaxDiagnostics.Values.Sum()}");
        foreach (var (message, count) in syntaxDiagnostics.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Take(40))
        {
            output.WriteLine($"  {count,6} {message}");
        }

        Assert.True(failures.Length == 0, "Files that made the parser throw:\n" + failures);
        var unexpected = unreadAttributes
            .Where(p => !IgnoredBySynapse.TryGetValue(p.Key, out var allowed) || allowed.Count != p.Value.Count)
            .Select(p => $"  <{p.Key.Element} {p.Key.Attribute}> x{p.Value.Count} (allowed x{IgnoredBySynapse.GetValueOrDefault(p.Key).Count}), e.g. {p.Value[0]}")
            .ToList();
        var gone = IgnoredBySynapse.Keys.Where(k => !unreadAttributes.ContainsKey(k)).Select(k => $"  <{k.Element} {k.Attribute}>").ToList();
        Assert.True(unexpected.Count == 0, "Unread attributes not in the allow-list of attributes Synapse ignores (read them, or list them with the factory that ignores them):\n" + string.Join("\n", unexpected));
        Assert.True(gone.Count == 0, "Allow-listed unread attributes no longer in the corpus; remove them from IgnoredBySynapse:\n" + string.Join("\n", gone));
        Assert.Equal(IgnoredBySynapse.Values.Sum(v => v.Count), unreadTotal);
        Assert.True(attributesWalked > 30_000, $"expected the attribute census to walk over 30,000 attributes, walked {attributesWalked}");
        Assert.True(unaccounted == 0, $"{unaccounted} elements are not represented in the syntax tree:\n{unaccountedList}");
        Assert.Equal(walked, typed + typedInFragments + inUnknownNodes.Values.Sum() + inUnknownArtifacts);
        var mediatorsAsUnknown = census.UnknownMediatorNames.Keys
            .Where(name => SynapseMediatorNames.Contains(name) || name.Contains('.', StringComparison.Ordinal))
            .ToList();
        Assert.True(mediatorsAsUnknown.Count == 0, "Synapse mediators parsed as UnknownMediator: " + string.Join(", ", mediatorsAsUnknown));
    }

    /// <summary>The outermost mediator lists inside an artifact element the parser keeps whole.</summary>
    private static IEnumerable<XElement> Containers(XElement parent, bool isTemplate)
    {
        foreach (var child in parent.Elements())
        {
            var synapse = child.Name.NamespaceName is "" or SynapseParser.SynapseNamespace;
            if (synapse && (MediatorContainers.Contains(child.Name.LocalName) || (isTemplate && child.Name.LocalName == "sequence")))
            {
                yield return child;
            }
            else
            {
                foreach (var nested in Containers(child, false))
                {
                    yield return nested;
                }
            }
        }
    }

    private static bool Inside(TextSpan inner, TextSpan outer) => outer.Start <= inner.Start && inner.End <= outer.End;

    /// <summary>Walks a syntax tree by reflection, counting mediator nodes and collecting the spans of unknown nodes.</summary>
    private sealed class AstCensus
    {
        public Dictionary<string, int> MediatorsByType { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, int> UnknownMediatorNames { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, int> Connectors { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, int> ExtraElements { get; } = new(StringComparer.Ordinal);

        public HashSet<TextSpan> UnknownArtifactSpans { get; } = [];

        /// <summary>Spans of nodes that keep their elements unparsed, with the kind of node.</summary>
        public List<(TextSpan Span, string Kind)> UnknownNodeSpans { get; } = [];

        public void Add(AstCensus other)
        {
            Merge(MediatorsByType, other.MediatorsByType);
            Merge(UnknownMediatorNames, other.UnknownMediatorNames);
            Merge(Connectors, other.Connectors);
            Merge(ExtraElements, other.ExtraElements);
        }

        public void Visit(object? node)
        {
            switch (node)
            {
                case null or string or ExpressionSyntax or SourceLocation:
                    return;
                case UnknownMediator unknown:
                    Increment(MediatorsByType, nameof(UnknownMediator));
                    Increment(UnknownMediatorNames, unknown.Name);
                    UnknownNodeSpans.Add((unknown.Location.Span, "unknown mediators"));
                    return;
                case UnknownArtifactSyntax artifact:
                    UnknownArtifactSpans.Add(artifact.Location.Span);
                    return;
                case UnknownEndpointSyntax endpoint:
                    UnknownNodeSpans.Add((endpoint.Location.Span, "unmodelled endpoint kind <" + endpoint.ElementName + ">"));
                    return;
                case ExtraElementSyntax extra:
                    Increment(ExtraElements, extra.Name);
                    UnknownNodeSpans.Add((extra.Location.Span, "extra children of typed mediators"));
                    return;
                case ConnectorOperationMediator connector:
                    Increment(Connectors, connector.Connector);
                    break;
            }

            if (node is MediatorSyntax mediator)
            {
                Increment(MediatorsByType, mediator.GetType().Name);
            }

            var type = node.GetType();
            if (node is IEnumerable items)
            {
                if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ImmutableArray<>) && (bool)type.GetProperty("IsDefault")!.GetValue(node)!)
                {
                    return;
                }

                foreach (var item in items)
                {
                    Visit(item);
                }

                return;
            }

            if (type.Namespace != typeof(MediatorSyntax).Namespace)
            {
                return;
            }

            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (property.GetIndexParameters().Length == 0 && property.Name != "EqualityContract")
                {
                    Visit(property.GetValue(node));
                }
            }
        }

        private static void Increment(Dictionary<string, int> counts, string key) => counts[key] = counts.GetValueOrDefault(key) + 1;

        private static void Merge(Dictionary<string, int> into, Dictionary<string, int> from)
        {
            foreach (var (key, count) in from)
            {
                into[key] = into.GetValueOrDefault(key) + count;
            }
        }
    }
}
