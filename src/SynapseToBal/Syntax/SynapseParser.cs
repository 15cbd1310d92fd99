using System.Collections.Immutable;
using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using SynapseToBal.Diagnostics;

namespace SynapseToBal.Syntax;

/// <summary>
/// Builds the typed AST of one Synapse XML file. Never throws for bad input: malformed XML, unknown
/// elements and missing attributes become diagnostics and Unknown nodes.
/// </summary>
public sealed partial class SynapseParser
{
    public const string SynapseNamespace = "http://ws.apache.org/ns/synapse";

    private static readonly HashSet<string> ArtifactRoots = new(StringComparer.Ordinal)
    {
        "api", "proxy", "sequence", "endpoint", "localEntry", "template", "inboundEndpoint", "task",
        "messageStore", "messageProcessor", "eventSource", "registry", "import", "executor", "priorityExecutor", "taskManager",
    };

    /// <summary>The roots the Micro Integrator finds their factory for by qualified name (SB0109 without the Synapse namespace).</summary>
    private static readonly HashSet<string> RootLookedUpByName = new(StringComparer.Ordinal) { "definitions", "sequence", "template", "task" };

    private readonly XmlSource _source;
    private readonly DiagnosticBag _diagnostics;

    /// <summary>Every element some AST node stands for; the census checks that no element is left out.</summary>
    private readonly HashSet<XElement> _claimed = new(ReferenceEqualityComparer.Instance);

    /// <summary>Every attribute the parser read; the census reports the others as SB0107.</summary>
    private readonly HashSet<XAttribute> _read = new(ReferenceEqualityComparer.Instance);

    /// <summary>Elements kept whole as raw XML by some node: all their attributes, and everything inside them, are kept.</summary>
    private readonly HashSet<XElement> _raw = new(ReferenceEqualityComparer.Instance);

    private int _attributesWalked;

    private SynapseParser(XmlSource source, DiagnosticBag diagnostics)
    {
        _source = source;
        _diagnostics = diagnostics;
    }

    /// <summary>Parses the text of one file. Returns null when the file is not XML or not a Synapse artifact.</summary>
    public static SynapseDocument? ParseText(string path, string content, DiagnosticBag diagnostics)
    {
        XmlSource source;
        try
        {
            source = XmlSource.Parse(path, content);
        }
        catch (XmlException ex)
        {
            var location = SourceLocation.FileStart(path);
            if (ex.LineNumber > 0)
            {
                var text = Microsoft.CodeAnalysis.Text.SourceText.From(content);
                var line = Math.Min(ex.LineNumber - 1, text.Lines.Count - 1);
                var pos = Math.Min(text.Lines[line].Start + Math.Max(ex.LinePosition - 1, 0), text.Length);
                var span = new Microsoft.CodeAnalysis.Text.TextSpan(pos, 0);
                location = new SourceLocation(path, span, text.Lines.GetLinePositionSpan(span));
            }

            if (ex is XmlNestingException nesting)
            {
                diagnostics.Report(DiagnosticCatalog.NestingTooDeep, location, nesting.Limit);
                return null;
            }

            // A DTD is refused before the root element is read. A file whose root no Synapse or data service artifact
            // has (a Hibernate mapping, a log4j or Struts configuration beside the project's Java sources) is no
            // artifact whatever its DTD says, so it is skipped as any other XML file is (SB0003), its DTD unread.
            if (DoctypedRoot(content) is { } doctyped && !MayBeArtifactRoot(doctyped))
            {
                diagnostics.Report(DiagnosticCatalog.NotSynapseArtifact, location, doctyped);
                return null;
            }

            diagnostics.Report(DiagnosticCatalog.XmlMalformed, location, ex.Message);
            return null;
        }

        return Parse(source, diagnostics);
    }

    /// <summary>
    /// The qualified name of the root element of a text that declares a document type before it (<c>&lt;!DOCTYPE
    /// hibernate-mapping PUBLIC "..." "..."&gt;&lt;hibernate-mapping&gt;</c>), read by scanning the text, not by
    /// processing the declaration; null when the text has no DOCTYPE or its root is not found after it. Only an XML
    /// declaration, comments, processing instructions and white space may come before the DOCTYPE and between it and
    /// the root; an internal subset is skipped to its closing <c>]&gt;</c>.
    /// </summary>
    internal static string? DoctypedRoot(string content)
    {
        var i = SkipProlog(content, 0);
        if (string.CompareOrdinal(content, i, "<!DOCTYPE", 0, 9) != 0)
        {
            return null;
        }

        var subset = content.IndexOf('[', i);
        var close = content.IndexOf('>', i);
        if (close < 0)
        {
            return null;
        }

        if (subset >= 0 && subset < close)
        {
            var end = content.IndexOf("]", subset, StringComparison.Ordinal);
            while (end >= 0 && SkipSpace(content, end + 1) is var gt && (gt >= content.Length || content[gt] != '>'))
            {
                end = content.IndexOf("]", end + 1, StringComparison.Ordinal);
            }

            if (end < 0)
            {
                return null;
            }

            close = SkipSpace(content, end + 1);
        }

        var root = SkipProlog(content, close + 1);
        if (root >= content.Length - 1 || content[root] != '<' || !XmlConvert.IsStartNCNameChar(content[root + 1]))
        {
            return null;
        }

        var nameEnd = root + 1;
        while (nameEnd < content.Length && (XmlConvert.IsNCNameChar(content[nameEnd]) || content[nameEnd] == ':'))
        {
            nameEnd++;
        }

        return content[(root + 1)..nameEnd];

        static int SkipSpace(string text, int at)
        {
            while (at < text.Length && char.IsWhiteSpace(text[at]))
            {
                at++;
            }

            return at;
        }

        static int SkipProlog(string text, int at)
        {
            while (true)
            {
                at = SkipSpace(text, at);
                if (at < text.Length && text[at] == '\uFEFF')
                {
                    at++;
                    continue;
                }

                var comment = string.CompareOrdinal(text, at, "<!--", 0, 4) == 0;
                if (!comment && string.CompareOrdinal(text, at, "<?", 0, 2) != 0)
                {
                    return at;
                }

                var end = text.IndexOf(comment ? "-->" : "?>", at + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    return text.Length;
                }

                at = end + (comment ? 3 : 2);
            }
        }
    }

    /// <summary>Whether a qualified root name could be a Synapse or data service artifact's (its local name one of theirs).</summary>
    private static bool MayBeArtifactRoot(string qualifiedName)
    {
        var local = qualifiedName[(qualifiedName.IndexOf(':') + 1)..];
        return local is "definitions" or "data" or "datasource" or "datasources-configuration" || ArtifactRoots.Contains(local);
    }

    public static SynapseDocument? Parse(XmlSource source, DiagnosticBag diagnostics)
    {
        var parser = new SynapseParser(source, diagnostics);
        return parser.ParseDocument();
    }

    /// <summary>True when a root element name is a Synapse artifact or a <c>definitions</c> container.</summary>
    public static bool IsSynapseRoot(XElement root) =>
        IsSynapseElement(root) && (root.Name.LocalName == "definitions" || ArtifactRoots.Contains(root.Name.LocalName));

    private SynapseDocument? ParseDocument()
    {
        var root = _source.Root;
        var isDataSource = IsDataSourceRoot(root);
        var isDataSources = IsDataSourcesRoot(root);
        var isDataService = IsDataServiceRoot(root) || isDataSource || isDataSources;
        if (!IsSynapseRoot(root) && !isDataService)
        {
            if (IsEmptyDataService(root, _source.Path))
            {
                _diagnostics.Report(DiagnosticCatalog.DataServiceWithoutOperations, _source.LocationOf(root), root.Attribute("name")!.Value);
                return null;
            }

            _diagnostics.Report(DiagnosticCatalog.NotSynapseArtifact, _source.LocationOf(root), root.Name.LocalName);
            return null;
        }

        if (root.Name.NamespaceName.Length == 0 && !isDataService)
        {
            // The deployers that look the root element up by its qualified name (MediatorFactoryFinder for a sequence
            // or a sequence template, StartupFinder for a task) refuse it; the other factories read the root's
            // attributes whatever its namespace (InboundEndpointFactory, APIFactory, ProxyServiceFactory,
            // EndpointFactory, EntryFactory, MessageStoreFactory, MessageProcessorFactory) and look its children up
            // in the Synapse namespace, so only a child without one is lost there (a local entry's children are its value).
            if (RootLookedUpByName.Contains(root.Name.LocalName))
            {
                _diagnostics.Report(DiagnosticCatalog.NoSynapseNamespace, _source.LocationOf(root), root.Name.LocalName);
            }
            else if (root.Name.LocalName != "localEntry" && root.Elements().FirstOrDefault(e => e.Name.NamespaceName.Length == 0) is { } child)
            {
                _diagnostics.Report(DiagnosticCatalog.NoSynapseNamespaceChild, _source.LocationOf(child), root.Name.LocalName, child.Name.LocalName);
            }
        }

        var artifacts = ImmutableArray.CreateBuilder<ArtifactSyntax>();
        if (isDataSource)
        {
            artifacts.Add(ParseDataSource(root));
        }
        else if (isDataSources)
        {
            artifacts.AddRange(ParseDataSources(root));
        }
        else if (isDataService)
        {
            artifacts.Add(ParseDataService(root));
        }
        else if (root.Name.LocalName == "definitions")
        {
            Claim(root);
            var mainMediators = ImmutableArray.CreateBuilder<MediatorSyntax>();
            foreach (var child in root.Elements())
            {
                if (IsSynapseElement(child) && child.Name.LocalName != "definitions" && !ArtifactRoots.Contains(child.Name.LocalName)
                    && ParseMediator(child) is var mediator and not UnknownMediator)
                {
                    // Mediators written directly under <definitions> make up Synapse's main sequence.
                    mainMediators.Add(mediator);
                    continue;
                }

                artifacts.Add(ParseArtifact(child));
            }

            if (mainMediators.Count > 0)
            {
                var first = mainMediators[0].Location;
                artifacts.Add(new SequenceSyntax(first, string.Concat(mainMediators.Select(m => m.RawXml)), "main", null, mainMediators.ToImmutable(), "The main sequence: the mediators written directly under <definitions>."));
            }
        }
        else
        {
            artifacts.Add(ParseArtifact(root));
        }

        var unaccounted = root.DescendantsAndSelf()
            .Where(e => !_claimed.Contains(e))
            .Select(e => new UnaccountedElement(e.Name.LocalName, Loc(e)))
            .ToImmutableArray();
        foreach (var element in unaccounted)
        {
            _diagnostics.Report(DiagnosticCatalog.ElementNotRepresented, element.Location, element.Name);
        }

        var unread = ImmutableArray.CreateBuilder<UnreadAttribute>();
        CollectUnreadAttributes(root, unread);
        foreach (var attribute in unread)
        {
            _diagnostics.Report(DiagnosticCatalog.AttributeNotRead, attribute.Location, attribute.Name, attribute.ElementName);
        }

        return new SynapseDocument(_source.Path, artifacts.ToImmutable())
        {
            Unaccounted = unaccounted,
            UnreadAttributes = unread.ToImmutable(),
            AttributesWalked = _attributesWalked,
        };
    }

    private ArtifactSyntax ParseArtifact(XElement element)
    {
        var location = Loc(element);
        var raw = _source.RawXml(element);
        if (!IsSynapseElement(element))
        {
            ReportUnknown(element, "definitions");
            ClaimWhole(element);
            return new UnknownArtifactSyntax(location, raw, Attr(element, "name") ?? element.Name.LocalName, element.Name.LocalName);
        }

        switch (element.Name.LocalName)
        {
            case "api":
                return ParseApi(element);
            case "sequence":
                return ParseSequenceArtifact(element);
            case "endpoint":
            {
                var endpoint = ParseEndpoint(element);
                return new EndpointArtifactSyntax(location, raw, endpoint.Name ?? RequireName(element, "name"), endpoint);
            }

            case "localEntry":
                return ParseLocalEntry(element);
            case "proxy":
                return ParseProxy(element);
            case "template":
                return ParseTemplate(element);
            case "inboundEndpoint":
                return ParseInboundEndpoint(element);
            case "task":
                return ParseTask(element);
            case "taskManager":
                return ParseTaskManager(element);
            case "messageStore":
                return ParseMessageStore(element);
            case "messageProcessor":
                return ParseMessageProcessor(element);
            case "eventSource":
                return ParseEventSource(element);
            case "registry":
                return ParseRegistry(element);
            case "import":
                return ParseImport(element);
            case "priorityExecutor":
                return ParsePriorityExecutor(element);
            default:
            {
                if (!ArtifactRoots.Contains(element.Name.LocalName))
                {
                    ReportUnknown(element, "definitions");
                }

                var name = Attr(element, "name") ?? Attr(element, "key") ?? Attr(element, "id") ?? element.Name.LocalName;
                ClaimWhole(element);
                return new UnknownArtifactSyntax(location, raw, name, element.Name.LocalName);
            }
        }
    }

    private ApiSyntax ParseApi(XElement element)
    {
        var location = Loc(element);
        var unknown = ImmutableArray.CreateBuilder<UnknownChildSyntax>();
        var resources = ImmutableArray.CreateBuilder<ApiResourceSyntax>();
        var handlers = ImmutableArray.CreateBuilder<ApiHandlerSyntax>();
        string? handlersXml = null;
        string? description = null;
        foreach (var child in element.Elements())
        {
            switch (LocalName(child))
            {
                case "resource":
                    resources.Add(ParseResource(child, unknown));
                    break;
                case "handlers" when handlersXml is null:
                    Claim(child);
                    handlersXml = _source.RawXml(child);
                    foreach (var handler in Items(child, "handler", "handlers", unknown))
                    {
                        handlers.Add(ParseApiHandler(handler, unknown));
                    }

                    break;
                case "description":
                    Claim(child);
                    description = TextOf(child);
                    break;
                default:
                    UnknownChild(child, "api", unknown);
                    break;
            }
        }

        var transports = Attr(element, "transports")?.Trim();
        if (transports is { Length: > 0 } && transports is not ("http" or "https"))
        {
            transports = InvalidValue<string?>(element, "transports", transports, null, "the Micro Integrator refuses to deploy such an API (APIFactory: Invalid protocol name); the generated API answers on every transport");
        }

        return new ApiSyntax(
            location,
            _source.RawXml(element),
            RequireName(element, "name"),
            Attr(element, "context") ?? Missing(element, "context", "/"),
            Attr(element, "version"),
            Attr(element, "version-type"),
            Attr(element, "hostname"),
            Attr(element, "port"),
            resources.ToImmutable(),
            handlersXml)
        {
            Handlers = handlers.ToImmutable(),
            VersionParam = Attr(element, "version-param"),
            Transports = transports is { Length: > 0 } ? transports : null,
            PublishSwagger = Attr(element, "publishSwagger"),
            ValidateSchema = Bool(element, "validateSchema", false),
            BindsTo = BindsTo(element),
            Statistics = Aspect(element, "statistics"),
            Trace = Aspect(element, "trace"),
            Description = description,
            Unknown = unknown.ToImmutable(),
        };
    }

    private ApiHandlerSyntax ParseApiHandler(XElement element, ImmutableArray<UnknownChildSyntax>.Builder unknown)
    {
        var location = Loc(element);
        var properties = ImmutableArray.CreateBuilder<HandlerPropertySyntax>();
        foreach (var child in element.Elements())
        {
            if (LocalName(child) != "property")
            {
                UnknownChild(child, "handler", unknown);
                continue;
            }

            var childLocation = Loc(child);
            var value = Attr(child, "value");
            var inline = child.Elements().ToList();
            var xml = value is null && inline.Count > 0 ? ClaimRaw(inline[0]) : null;
            foreach (var extra in inline.Skip(xml is null ? 0 : 1))
            {
                UnknownChild(extra, "property", unknown);
            }

            if (value is null && xml is null)
            {
                Missing(child, "value", string.Empty);
            }

            properties.Add(new HandlerPropertySyntax(Attr(child, "name") ?? Missing(child, "name", string.Empty), value, xml, childLocation));
        }

        return new ApiHandlerSyntax(Attr(element, "class") ?? Missing(element, "class", string.Empty), properties.ToImmutable(), location);
    }

    private ImmutableArray<string> BindsTo(XElement element) =>
        Attr(element, "binds-to") is { } value
            ? value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToImmutableArray()
            : [];

    private ApiResourceSyntax ParseResource(XElement element, ImmutableArray<UnknownChildSyntax>.Builder unknown)
    {
        FlowSyntax? inSeq = KeyFlow(element, "inSequence");
        FlowSyntax? outSeq = KeyFlow(element, "outSequence");
        FlowSyntax? faultSeq = KeyFlow(element, "faultSequence");
        foreach (var child in element.Elements())
        {
            switch (LocalName(child))
            {
                case "inSequence":
                    inSeq = ParseInlineFlow(child);
                    break;
                case "outSequence":
                    outSeq = ParseInlineFlow(child);
                    break;
                case "faultSequence":
                    faultSeq = ParseInlineFlow(child);
                    break;
                case "description":
                    Claim(child);
                    break;
                default:
                    UnknownChild(child, "resource", unknown);
                    break;
            }
        }

        var methods = (Attr(element, "methods") ?? string.Empty)
            .Split(new[] { ' ', ',' }, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(m => m.ToUpperInvariant())
            .ToImmutableArray();

        // ResourceFactory.configureURLMappings: a url-mapping that is not empty dispatches the resource and its
        // uri-template is never read (left unread here, so SB0107 says it is ignored); an empty attribute is none, and
        // a resource with neither is the API's default resource.
        var urlMapping = Attr(element, "url-mapping") is { Length: > 0 } mapping ? mapping : null;
        var uriTemplate = urlMapping is null && Attr(element, "uri-template") is { Length: > 0 } template ? template : null;
        return new ApiResourceSyntax(
            Loc(element),
            _source.RawXml(element),
            methods,
            uriTemplate,
            urlMapping,
            inSeq,
            outSeq,
            faultSeq)
        {
            Protocol = Attr(element, "protocol"),
            ContentType = Attr(element, "content-type"),
            UserAgent = Attr(element, "user-agent"),
            BindsTo = BindsTo(element),
        };
    }

    private FlowSyntax? KeyFlow(XElement element, string attribute)
    {
        var key = Attr(element, attribute);
        return key is null ? null : new FlowSyntax(Loc(element), [], KeySyntax.Create(key, Namespaces(element), Loc(element)), null);
    }

    private FlowSyntax ParseInlineFlow(XElement element)
    {
        var key = Attr(element, "key");
        return new FlowSyntax(
            Loc(element),
            ParseMediators(element),
            key is null ? null : KeySyntax.Create(key, Namespaces(element), Loc(element)),
            Attr(element, "onError"));
    }

    private SequenceSyntax ParseSequenceArtifact(XElement element)
    {
        string? documentation = element.Elements().FirstOrDefault(e => LocalName(e) == "description")?.Value.Trim();
        return new SequenceSyntax(
            Loc(element),
            _source.RawXml(element),
            RequireName(element, "name"),
            Attr(element, "onError"),
            ParseMediators(element),
            string.IsNullOrEmpty(documentation) ? null : documentation)
        {
            Statistics = Aspect(element, "statistics"),
            Trace = Aspect(element, "trace"),
        };
    }

    private LocalEntrySyntax ParseLocalEntry(XElement element)
    {
        // As in Synapse's EntryFactory, the description is set aside before the value is read.
        string? description = null;
        var unknown = ImmutableArray.CreateBuilder<UnknownChildSyntax>();
        var content = new List<XElement>();
        foreach (var child in element.Elements())
        {
            if (LocalName(child) == "description" && description is null)
            {
                Claim(child);
                description = TextOf(child);
            }
            else
            {
                content.Add(child);
            }
        }

        var inner = content.FirstOrDefault();
        var text = inner is null ? string.Concat(element.Nodes().OfType<XText>().Select(t => t.Value)) : null;
        foreach (var extra in content.Skip(1))
        {
            // Synapse keeps only the first element of an entry.
            UnknownChild(extra, "localEntry", unknown);
        }

        return new LocalEntrySyntax(
            Loc(element),
            _source.RawXml(element),
            Attr(element, "key") ?? Missing(element, "key", "localEntry"),
            string.IsNullOrWhiteSpace(text) ? null : text,
            inner is null ? null : StandaloneXml(ClaimWholeAndReturn(inner)),
            Attr(element, "src"))
        {
            Description = description,
            Unknown = unknown.ToImmutable(),
            XmlAsDeployed = inner is not null && inner.DescendantsAndSelf().Any(e => e.Name.NamespaceName == SynapseNamespace || e.Attributes().Any(a => a.IsNamespaceDeclaration && a.Value == SynapseNamespace))
                ? StandaloneXml(inner, keepSynapseNamespace: true)
                : null,
        };
    }

    /// <summary>
    /// A local entry with <c>src</c> whose file the input holds, carrying that file's content as the Micro Integrator
    /// loads it at deployment (<c>EntryFactory</c>, <c>SynapseConfigUtils.getObject</c>): the document element when the
    /// content parses as XML (an inline entry of that element), else the content as text, untrimmed. The URL wins over
    /// any inline content, as in <c>EntryFactory</c>.
    /// </summary>
    /// <param name="displayPath">The display path of the file, kept in <see cref="LocalEntrySyntax.SrcFile"/>.</param>
    public static LocalEntrySyntax WithSourceContent(LocalEntrySyntax entry, string displayPath, string content)
    {
        XElement? root = null;
        try
        {
            root = XmlSource.Parse(displayPath, content).Root;
        }
        catch (Exception ex) when (ex is XmlException or XmlNestingException)
        {
            // Not XML: the Micro Integrator keeps the bytes as a text node (readNonXML).
        }

        if (root is null)
        {
            return entry with { Text = content, Xml = null, XmlAsDeployed = null, SrcFile = displayPath };
        }

        return entry with
        {
            Text = null,
            Xml = StandaloneXml(root),
            XmlAsDeployed = root.DescendantsAndSelf().Any(e => e.Name.NamespaceName == SynapseNamespace || e.Attributes().Any(a => a.IsNamespaceDeclaration && a.Value == SynapseNamespace))
                ? StandaloneXml(root, keepSynapseNamespace: true)
                : null,
            SrcFile = displayPath,
        };
    }

    // ---- helpers ----

    /// <summary>The location of a node; asking for an element's location is how a node claims the element.</summary>
    private SourceLocation Loc(XObject node)
    {
        if (node is XElement element)
        {
            _claimed.Add(element);
        }

        return _source.LocationOf(node);
    }

    private void Claim(XElement element) => _claimed.Add(element);

    /// <summary>
    /// Claims an element and every element inside it, whose content is read as text. Their attributes are not
    /// kept by this: each must still be read (or is reported as SB0107).
    /// </summary>
    private void ClaimAll(XElement element) => _claimed.UnionWith(element.DescendantsAndSelf());

    /// <summary>Claims an element kept whole as raw XML: the element, everything inside it and all their attributes.</summary>
    private void ClaimWhole(XElement element)
    {
        ClaimAll(element);
        _raw.Add(element);
    }

    /// <summary>
    /// Claims an element whose content is kept as inline XML (a payload format, a fault detail): the element is
    /// claimed and its own attributes must still be read; the elements inside it are kept whole with their attributes.
    /// </summary>
    private void ClaimContent(XElement element)
    {
        ClaimAll(element);
        foreach (var child in element.Elements())
        {
            _raw.Add(child);
        }
    }

    private XElement ClaimWholeAndReturn(XElement element)
    {
        ClaimWhole(element);
        return element;
    }

    /// <summary>The raw XML of an element kept whole in a node; the element, its content and its attributes are claimed.</summary>
    private string ClaimRaw(XElement element)
    {
        ClaimWhole(element);
        return _source.RawXml(element);
    }

    /// <summary>Marks an attribute read without going through <see cref="Attr"/> (a loop over all attributes, say).</summary>
    private void MarkRead(XAttribute attribute) => _read.Add(attribute);

    /// <summary>
    /// The attribute census: every attribute of an element outside raw-XML claims that the parser did not read.
    /// Namespace declarations are not attributes here: they scope names and are read through <see cref="Namespaces"/>.
    /// </summary>
    private void CollectUnreadAttributes(XElement element, ImmutableArray<UnreadAttribute>.Builder unread)
    {
        if (_raw.Contains(element))
        {
            return;
        }

        // The linked lists are walked directly: no enumerator is allocated per element.
        for (var attribute = element.FirstAttribute; attribute is not null; attribute = attribute.NextAttribute)
        {
            if (attribute.IsNamespaceDeclaration)
            {
                continue;
            }

            _attributesWalked++;
            if (!_read.Contains(attribute))
            {
                unread.Add(new UnreadAttribute(QualifiedName(attribute), element.Name.LocalName, _source.LocationOf(attribute)));
            }
        }

        for (var node = element.FirstNode; node is not null; node = node.NextNode)
        {
            if (node is XElement child)
            {
                CollectUnreadAttributes(child, unread);
            }
        }
    }

    /// <summary>An attribute's name as written: <c>prefix:local</c> for a namespaced one.</summary>
    private static string QualifiedName(XAttribute attribute)
    {
        var ns = attribute.Name.Namespace;
        if (ns == XNamespace.None)
        {
            return attribute.Name.LocalName;
        }

        var prefix = ns == XNamespace.Xml ? "xml" : attribute.Parent?.GetPrefixOfNamespace(ns);
        return prefix is null ? attribute.Name.ToString() : prefix + ":" + attribute.Name.LocalName;
    }

    private static bool IsSynapseElement(XElement element) =>
        element.Name.NamespaceName.Length == 0 || element.Name.NamespaceName == SynapseNamespace;

    /// <summary>The local name of a Synapse-language element, or a name that matches nothing for foreign elements.</summary>
    private static string LocalName(XElement element) =>
        IsSynapseElement(element) ? element.Name.LocalName : "{" + element.Name.NamespaceName + "}" + element.Name.LocalName;

    /// <summary>An attribute's value, or null; reading it marks it read for the attribute census.</summary>
    private string? Attr(XElement element, string name)
    {
        var attribute = element.Attribute(name);
        if (attribute is null)
        {
            return null;
        }

        _read.Add(attribute);
        return attribute.Value;
    }

    private string RequireName(XElement element, string attribute) => Attr(element, attribute) ?? Missing(element, attribute, element.Name.LocalName);

    private string Missing(XElement element, string attribute, string fallback)
    {
        _diagnostics.Report(DiagnosticCatalog.MissingAttribute, Loc(element), element.Name.LocalName, attribute);
        return fallback;
    }

    private void ReportUnknown(XElement element, string context) =>
        _diagnostics.Report(DiagnosticCatalog.UnknownElement, Loc(element), element.Name.LocalName, context);

    /// <summary>Every namespace prefix declared on the element or its ancestors (nearest wins).</summary>
    private static ImmutableDictionary<string, string> Namespaces(XElement element)
    {
        var builder = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        for (var e = element; e is not null; e = e.Parent)
        {
            foreach (var a in e.Attributes())
            {
                if (a.IsNamespaceDeclaration && a.Name.Namespace == XNamespace.Xmlns && !builder.ContainsKey(a.Name.LocalName))
                {
                    builder[a.Name.LocalName] = a.Value;
                }
            }
        }

        return builder.ToImmutable();
    }

    /// <summary>The namespaces an element declares itself, without its ancestors'.</summary>
    private static ImmutableDictionary<string, string> DeclaredNamespaces(XElement element) =>
        element.Attributes()
            .Where(a => a.IsNamespaceDeclaration && a.Name.Namespace == XNamespace.Xmlns)
            .ToImmutableDictionary(a => a.Name.LocalName, a => a.Value, StringComparer.Ordinal);

    private static long? ParseLong(string? value) =>
        long.TryParse(value?.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;

    private static int? ParseInt(string? value) =>
        int.TryParse(value?.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;

    private static double? ParseDouble(string? value) =>
        double.TryParse(value?.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;
}
