using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Refine;

namespace SynapseToBal.Emit;

/// <summary>
/// The text of one construct of a file (a service with its resources, a function), rendered through its own template,
/// with what the file needs from it: the modules it used (the file's imports) and the XML namespaces its navigation
/// steps recorded (the file's prefixes). The file template joins the constructs' texts; the file's imports and
/// namespace prefixes are computed from these results, so a construct's result does not depend on the other constructs
/// of its file.
/// </summary>
/// <param name="Text">The rendered text; when the file is rendered once, each namespaced step holds a placeholder numbered
/// in the construct's own order of first use (<see cref="XmlNamespaceScope.Adopt"/> renumbers it for the file).</param>
/// <param name="Modules">The module prefixes the construct used (<c>http</c>, <c>log</c>, ...).</param>
/// <param name="Namespaces">The namespaces recorded by the construct's own deferring scope, in placeholder order, each
/// with the source prefixes it was written with; empty when the construct wrote through the file's scope.</param>
/// <param name="PlaceholderInspected">Code decided something from text holding a placeholder (the file is then rendered twice).</param>
internal sealed record RenderedConstruct(
    string Text,
    IReadOnlyList<string> Modules,
    IReadOnlyList<RecordedNamespace> Namespaces,
    bool PlaceholderInspected);

/// <summary>A module-level declaration whose code could not be generated (SB0903): the TODO lines that replace it, comment marks included.</summary>
internal sealed record FailedDeclaration(IReadOnlyList<string> Lines);

/// <summary>A namespace a construct's navigation used, and the prefixes it was written with in the Synapse source.</summary>
internal sealed record RecordedNamespace(string Uri, IReadOnlyList<string> SourcePrefixes);

public sealed partial class PackageEmitter
{
    /// <summary>
    /// Renders one construct apart from the rest of its file: with its own module usage and, when the file is rendered
    /// once with placeholders, its own deferring namespace scope (otherwise through the file's collecting or resolved
    /// scope, which every construct of the file shares).
    /// </summary>
    private RenderedConstruct RenderConstruct(NameMap names, Func<ExpressionWriter, ModuleUsage, string> render)
    {
        var modules = new ModuleUsage();
        var scope = _namespaces.IsDeferring ? XmlNamespaceScope.Deferring() : _namespaces;
        var expressions = new ExpressionWriter(modules, names, _propertyLocals) { SynapseLogLines = _options.SynapseLogLines, Namespaces = scope, PayloadTypes = _payloadTypes, Infallible = _infallible, PropertyRecord = _propertyRecord };
        var before = XmlNamespaceScope.TakeInspected();
        bool inspected;
        string text;
        try
        {
            text = render(expressions, modules);
        }
        finally
        {
            inspected = XmlNamespaceScope.TakeInspected();
            if (before)
            {
                XmlNamespaceScope.MarkInspected();
            }
        }

        return new RenderedConstruct(text, modules.Used, scope.IsDeferring ? scope.Recorded() : [], inspected);
    }

    /// <summary>
    /// Renders the constructs of one file, in their order, in parallel when <see cref="EmitOptions.MaxDegreeOfParallelism"/>
    /// allows it and the file is rendered once with placeholders: each construct then has its own module usage and its
    /// own deferring namespace scope (<see cref="RenderConstruct"/>) and reads the emitter's package-wide facts only, so
    /// its text does not depend on the thread or on the other constructs; the file joins the results in order
    /// (<see cref="Join"/>). A file rendered twice (its constructs write into the file's collecting scope, in order) and a
    /// render with the render cache stay one by one. A render that throws throws as the first of the constructs to fail
    /// in their order, as rendering them one by one would.
    /// </summary>
    private RenderedConstruct[] RenderConstructs<T>(System.Collections.Immutable.ImmutableArray<T> items, Func<T, RenderedConstruct> render)
    {
        var results = new RenderedConstruct[items.Length];
        if (_options.MaxDegreeOfParallelism <= 1 || Cache is not null || !_namespaces.IsDeferring || items.Length < 2)
        {
            for (var i = 0; i < items.Length; i++)
            {
                results[i] = render(items[i]);
            }

            return results;
        }

        var failures = new Exception?[items.Length];
        Parallel.For(0, items.Length, new ParallelOptions { MaxDegreeOfParallelism = _options.MaxDegreeOfParallelism }, i =>
        {
            try
            {
                results[i] = render(items[i]);
            }
            catch (Exception ex)
            {
                failures[i] = ex;
            }
        });
        if (failures.FirstOrDefault(f => f is not null) is { } failure)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
        }

        return results;
    }

    /// <summary>Adds a construct to its file: its modules to the file's imports, its namespaces to the file's scope; returns its text as the file holds it.</summary>
    private string Join(RenderedConstruct construct, ModuleUsage fileModules)
    {
        foreach (var module in construct.Modules)
        {
            fileModules.Use(module);
        }

        if (construct.PlaceholderInspected)
        {
            XmlNamespaceScope.MarkInspected();
        }

        return construct.Namespaces.Count == 0 ? construct.Text : _namespaces.Adopt(construct.Namespaces, construct.Text);
    }

    /// <summary>Told the text of each service of <c>main.bal</c> and function of <c>functions.bal</c> with its source file (<see cref="SectionCollector"/>).</summary>
    public SectionCollector? Sections { get; init; }

    private string Recorded(string file, string origin, string text)
    {
        Sections?.Record(file, origin, text);
        return text;
    }

    /// <summary>
    /// Rendered constructs kept between runs (<see cref="RenderCache"/>): used when the file is rendered once with
    /// placeholders (each construct's result is then its own); a file rendered twice renders every construct.
    /// </summary>
    public RenderCache? Cache { get; init; }

    /// <summary>A construct's render, from <see cref="Cache"/> when an entry has its key.</summary>
    private RenderedConstruct Cached(object node, string kind, string template, NameMap names, Func<RenderedConstruct> render, params string[] context)
    {
        if (Cache is null || !_namespaces.IsDeferring)
        {
            return render();
        }

        string[] inputs =
        [
            kind,
            _renderer.ReadSource(template),
            _options.SynapseLogLines ? "synapseLogLines" : string.Empty,
            _options.SourceRoot,
            _readsCaller ? "readsCaller" : string.Empty,
            InfallibleKey(names),
            PropertyRecordKey(),
            .. TypedPayloadsKey(),
            .. context,
        ];
        return Cache.GetOrRender(RenderKey.Of(node, inputs, names, _propertyLocals, _payloadTypes, _inlinedFlows, Cache.SourceHash), render);
    }

    private (NameMap Names, IReadOnlySet<Symbol> Functions, string Text)? _infallibleKey;

    private (TypedPayloads Typed, string[] Key)? _typedPayloadsKey;

    /// <summary>
    /// The resources that take a typed payload, one line each (the file and line of the Synapse resource, the method and
    /// the parameter): whether one does depends on the flows it runs, which its own render key does not hold. Nothing
    /// without <c>--typed-payloads</c>, so that the keys stay as they were.
    /// </summary>
    private string[] TypedPayloadsKey()
    {
        if (_typedPayloads.IsEmpty)
        {
            return [];
        }

        if (_typedPayloadsKey is not { } key || !ReferenceEquals(key.Typed, _typedPayloads))
        {
            var lines = _typedPayloads.Resources.Select(r => $"{(r.Origin as Syntax.ISyntaxNode)?.Location} {r.Accessor} {(_typedPayloads.Of(r) is { } p ? $"{p.Name} {p.Record} {(p.Mapper as Syntax.ISyntaxNode)?.Location}" : null)}").Order(StringComparer.Ordinal);
            key = (_typedPayloads, ["typedPayloads\n" + string.Join("\n", lines)]);
            _typedPayloadsKey = key;
        }

        return key.Key;
    }

    /// <summary>The names of the functions that cannot fail, in a fixed order: joined once per package, not once per construct (which was quadratic).</summary>
    private string InfallibleKey(NameMap names)
    {
        if (_infallibleKey is not { } key || !ReferenceEquals(key.Names, names) || !ReferenceEquals(key.Functions, _infallible))
        {
            key = (names, _infallible, string.Join(",", _infallible.Select(f => names[f]).Order(StringComparer.Ordinal)));
            _infallibleKey = key;
        }

        return key.Text;
    }

    /// <summary>The text of one service of <c>main.bal</c> (<c>main.service.sbn</c>).</summary>
    /// <summary>
    /// Where a service stands among the services of its proxy or data service (issue 14): a proxy is answered at
    /// <c>/services/P</c> and at its Axis2 endpoint addresses (<c>/services/P.PHttpSoap11Endpoint</c>, ...), one service
    /// each, declared one after the other. The first is documented for the group (<paramref name="Addresses"/>: how
    /// many follow it); the others (<paramref name="Alias"/>) are written compact, with no documentation of their own.
    /// </summary>
    private readonly record struct AddressGroup(bool Alias, int Addresses, string? First)
    {
        public override string ToString() => Alias ? "alias" : $"{Addresses.ToString(System.Globalization.CultureInfo.InvariantCulture)} {First}";
    }

    /// <summary>
    /// The group of each service (<see cref="AddressGroup"/>): a proxy's or data service's services share their origin,
    /// the artifact; the first is its own address, those after it its Axis2 endpoint addresses.
    /// </summary>
    private static Dictionary<ServiceIr, AddressGroup> AddressGroups(IReadOnlyList<ServiceIr> services)
    {
        var groups = new Dictionary<ServiceIr, AddressGroup>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < services.Count; i++)
        {
            var s = services[i];
            if (s.Kind is not (ServiceKind.Proxy or ServiceKind.DataService))
            {
                groups[s] = default;
                continue;
            }

            var following = 0;
            while (i + following + 1 < services.Count && services[i + following + 1] is { Kind: ServiceKind.Proxy or ServiceKind.DataService } next
                && next.Kind == s.Kind && ReferenceEquals(next.Origin, s.Origin))
            {
                following++;
            }

            groups[s] = new AddressGroup(false, following, following > 0 ? services[i + 1].BasePath : null);
            for (var j = 1; j <= following; j++)
            {
                groups[services[i + j]] = new AddressGroup(true, 0, null);
            }

            i += following;
        }

        return groups;
    }

    private RenderedConstruct Service(ServiceIr s, NameMap names, string listener, AddressGroup group)
    {
        var kind = s.Kind switch
        {
            ServiceKind.MainSequence => "main sequence",
            ServiceKind.Proxy => "proxy service",
            ServiceKind.DataService => "data service",
            _ => "API",
        };
        return GuardedConstruct(kind, s.Name, s.Origin.Location, () => Original(s.Origin),
            () => Cached(s, "service", "main.service.sbn", names, () => RenderService(s, names, listener, group), listener, group.ToString(), CallerKey(s)));
    }

    /// <summary>The text of one function of <c>functions.bal</c> (<c>functions.function.sbn</c>).</summary>
    private RenderedConstruct FunctionText(FunctionIr f, NameMap names) =>
        GuardedConstruct("function", f.Name.Hint, f.Origin, static () => [],
            () => Cached(f, "function", "functions.function.sbn", names, () => RenderFunction(f, names)));

    /// <summary>Test seam: runs before each service or function is rendered, with its name (a test makes it throw to check the guard below).</summary>
    internal static readonly AsyncLocal<Action<string>?> BeforeConstruct = new();

    /// <summary>
    /// Renders one service or function; an unexpected exception is a bug in the converter: the construct is replaced by
    /// a TODO (with its original XML when it has some), the failure is kept for <see cref="Failures"/> (SB0903), and
    /// the other constructs and files are generated. A template error is not caught here: it breaks every file
    /// rendered from that template and is reported for the whole package. Nothing of a failed render is cached.
    /// The original XML is made only for a failed render (masking a whole artifact's XML for every service was about a
    /// tenth of a corpus conversion, <c>docs/performance.md</c>).
    /// </summary>
    private RenderedConstruct GuardedConstruct(string kind, string name, Syntax.SourceLocation origin, Func<IReadOnlyList<string>> originalXml, Func<RenderedConstruct> render)
    {
        try
        {
            BeforeConstruct.Value?.Invoke(name);
            return render();
        }
        catch (Exception ex) when (ex is not (OutOfMemoryException or TemplateException))
        {
            _failures.Add(new EmitFailure(kind, name, origin, $"{ex.GetType().Name}: {ex.Message}"));
            return new RenderedConstruct(string.Join('\n', FailureLines(kind, name, origin, originalXml(), "// ")), [], [], false);
        }
    }

    /// <summary>The TODO that replaces a construct whose code could not be generated (SB0903), as comment lines starting with <paramref name="comment"/>.</summary>
    private List<string> FailureLines(string kind, string name, Syntax.SourceLocation? origin, IReadOnlyList<string> original, string comment)
    {
        var where = origin is null ? "." : $" from {BallerinaSyntax.CommentText(Relative(origin.Path))}, line {Line(origin.Line)}{(original.Count > 0 ? ":" : ".")}";
        var lines = new List<string>
        {
            $"{comment}TODO({DiagnosticCatalog.GenerationInternalError.Id}): {BallerinaSyntax.CommentText(GenerationFailureText(kind, name))}",
            $"{comment}(an internal error, reported as {DiagnosticCatalog.GenerationInternalError.Id}); write it by hand{where}",
        };
        lines.AddRange(original.Select(line => comment + line));
        return lines;
    }

    /// <summary>
    /// The view models of one kind of a file's module-level declarations (endpoints and connections, configurables,
    /// local entries, inbound listeners, tasks, message stores and processors), each built under a guard of its own, as
    /// <see cref="GuardedConstruct"/> guards a service or function: an unexpected exception is a bug in the converter;
    /// the declaration is left out of the file and replaced by a TODO (<paramref name="failed"/>, with its original XML
    /// when it has some), the failure is kept for <see cref="Failures"/> (SB0903), and the file's other declarations and
    /// the other files are generated. The modules a failed declaration had marked as used are unmarked (an unused import
    /// is an error in Ballerina). Runs <see cref="BeforeConstruct"/> with the declaration's name first (the tests' seam).
    /// </summary>
    private List<TView> GuardedDeclarations<T, TView>(
        IEnumerable<T> items,
        string kind,
        Func<T, string> name,
        Func<T, Syntax.SourceLocation?> origin,
        Func<T, IReadOnlyList<string>> originalXml,
        List<FailedDeclaration> failed,
        Func<T, TView> view,
        ModuleUsage? modules = null,
        string comment = "// ")
    {
        var views = new List<TView>();
        foreach (var item in items)
        {
            var used = modules?.Used;
            try
            {
                BeforeConstruct.Value?.Invoke(name(item));
                views.Add(view(item));
            }
            catch (Exception ex) when (ex is not (OutOfMemoryException or TemplateException))
            {
                modules?.Reset(used!);
                var where = origin(item);
                _failures.Add(new EmitFailure(kind, name(item), where, $"{ex.GetType().Name}: {ex.Message}"));
                failed.Add(new FailedDeclaration(FailureLines(kind, name(item), where, originalXml(item), comment)));
            }
        }

        return views;
    }

    /// <summary>The start of SB0903's message, which the TODO repeats (the report links the TODO to the diagnostic by it).</summary>
    internal static string GenerationFailureText(string kind, string name) =>
        $"The converter failed while generating the code of the {kind} '{name}'";

    /// <summary>What an API service split by its resources' <c>protocol</c> holds (nothing for any other service).</summary>
    private static IEnumerable<string> ProtocolDoc(ServiceIr s) => s.Kind == ServiceKind.Api && (s.HttpOnly || s.HttpsOnly)
        ? [$"The resources the Micro Integrator answers over {(s.HttpsOnly ? "https" : "http")} (protocol=\"{(s.HttpsOnly ? "https" : "http")}\" or none): a resource whose protocol is the other transport is not dispatched to."]
        : [];

    private RenderedConstruct RenderService(ServiceIr s, NameMap names, string listener, AddressGroup group) => RenderConstruct(names, (expressions, modules) =>
    {
        if (s.Resources.Any(r => r.Skipped is null))
        {
            modules.Use("http");
        }

        var service = new
        {
            Doc = group.Alias ? [] : BallerinaSyntax.DocLines(s.Description is { } description ? BallerinaSyntax.CommentLines(description, prefix: string.Empty) : []).Concat(BallerinaSyntax.DocItems(new[]
            {
                s.Kind switch
                {
                    ServiceKind.MainSequence => "The main sequence: every request no API matches",
                    ServiceKind.Proxy => $"Proxy service '{BallerinaSyntax.CommentText(s.Name)}'",
                    ServiceKind.DataService => $"Data service '{BallerinaSyntax.CommentText(s.Name)}'",
                    _ => $"API '{BallerinaSyntax.CommentText(s.Name)}'",
                }
                + $" ({Relative(s.SourceFile)}, line {Line(s.Origin.Location.Line)}).",
            }.Concat(ProtocolDoc(s)).Concat(AddressesDoc(s, group)))).ToList(),
            BasePath = ServicePath(s.BasePath),
            Metadata = MetadataView(s, names),
            Alias = group.Alias,
            Operations = !group.Alias && s.Wsdl?.Dispatch is { Table: { } table } dispatch
                ? OperationsTable(dispatch, s.Name, names, withElements: _listenerTables.Contains(table))
                : null,
            Resources = s.Resources.Where(r => r.AlternativeOf is null).Select(r => Resource(r, s, expressions, modules, names, group.Alias || group.Addresses > 0)).ToList(),
            Unmatched = Unmatched(s, modules, names),
            Options = OptionsView(s, names),
        };
        return _renderer.Render("main.service.sbn", new { Service = service, Listener = listener });
    });

    /// <summary>
    /// The documentation a proxy's or data service's first service adds for the services of its Axis2 endpoint
    /// addresses that follow it (none for a service alone, and for those services themselves: they have none).
    /// </summary>
    private static IEnumerable<string> AddressesDoc(ServiceIr s, AddressGroup group)
    {
        if (group.Alias || group.Addresses == 0)
        {
            return [];
        }

        var what = s.Kind == ServiceKind.Proxy ? "proxy" : "data service";
        var first = BallerinaSyntax.CommentText(group.First ?? string.Empty);
        return [group.Addresses == 1
            ? $"The service that follows answers it at its Axis2 endpoint address as well ({first}), which clients made from the {what}'s WSDL call, as the Micro Integrator does."
            : $"The {group.Addresses.ToString(System.Globalization.CultureInfo.InvariantCulture)} services that follow answer it at its Axis2 endpoint addresses as well ({first}, ...), which clients made from the {what}'s WSDL call, as the Micro Integrator does."];
    }

    private RenderedConstruct RenderFunction(FunctionIr f, NameMap names) => RenderConstruct(names, (expressions, modules) =>
        _renderer.Render("functions.function.sbn", new { Function = Function(f, expressions, modules, names) }));
}
