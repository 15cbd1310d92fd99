using System.Collections.Immutable;
using SynapseToBal.IR;

namespace SynapseToBal.Refine;

/// <summary>The Ballerina name of every symbol of a package.</summary>
public sealed class NameMap
{
    private readonly Dictionary<Symbol, string> _names;

    internal NameMap(Dictionary<Symbol, string> names) => _names = names;

    /// <summary>A map that names nothing.</summary>
    public static NameMap Empty { get; } = new(new Dictionary<Symbol, string>());

    public string this[Symbol symbol] => _names.TryGetValue(symbol, out var name)
        ? name
        : throw new InvalidOperationException($"The refiner gave no name to {symbol}.");

    /// <summary>The name of a symbol, when the refiner gave it one.</summary>
    public bool TryGet(Symbol symbol, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out string name) => _names.TryGetValue(symbol, out name);
}

/// <summary>A package ready for the Ballerina writers: the IR and the names the refiner chose.</summary>
public sealed record RefinedPackage(PackageIr Package, NameMap Names)
{
    /// <summary>The default-scope properties each body keeps as typed locals (the escape analysis, <see cref="PropertyLocalAnalysis"/>).</summary>
    public PropertyLocals Locals { get; init; } = PropertyLocals.Empty;

    /// <summary>The typed fields of the <c>Properties</c> record the context keeps its default-scope properties in (empty: a <c>map&lt;anydata&gt;</c>).</summary>
    public PropertyRecord PropertyRecord { get; init; } = PropertyRecord.Empty;

    /// <summary>Empty out and fault flows not declared as functions (<see cref="EmptyFlows"/>): the writers put their body in the <c>on fail</c> of the resource or in flow they handle.</summary>
    public IReadOnlyDictionary<Symbol, FunctionIr> InlinedFlows { get; init; } = new Dictionary<Symbol, FunctionIr>();

    /// <summary>The record types JSON payloadFactory templates of a fixed shape are built as (<see cref="PayloadTypeAnalysis"/>).</summary>
    public PayloadTypes PayloadTypes { get; init; } = PayloadTypes.Empty;

    /// <summary>With <c>--typed-payloads</c>: the API resources that take their body as a <c>json</c> payload parameter (<see cref="TypedPayloadAnalysis"/>).</summary>
    public TypedPayloads TypedPayloads { get; init; } = TypedPayloads.Empty;

    /// <summary>Every module-level symbol's name, in symbol order (per-artifact reuse compares them, <c>Output/ArtifactSplice.cs</c>).</summary>
    public ImmutableArray<string> ModuleNames { get; init; } = [];

    /// <summary>
    /// Every name every module-level declaration asked for, one line a symbol (its ladder, shortest first) in symbol
    /// order, then the payload records': a module-level name is a function of these (per-artifact reuse compares them,
    /// <c>Output/ArtifactSplice.cs</c>).
    /// </summary>
    public ImmutableArray<string> AskedNames { get; init; } = [];

    /// <summary>Every module-level symbol got the name it asked for first (the first of its ladder): none was lengthened, replaced by its fallback or numbered.</summary>
    public bool NamesAsAsked { get; init; }

    /// <summary>The symbols whose name could not be made and got a fallback name (SB0906): module-level ones in symbol order, then parameters.</summary>
    public ImmutableArray<NamingFailure> NamingFailures { get; init; } = [];

    /// <summary>The optional passes that failed and were skipped (SB0905), in the order they ran.</summary>
    public ImmutableArray<RefinerFailure> Failures { get; init; } = [];
}

/// <summary>A symbol whose name could not be made (a bug in the converter): the fallback name it got and the exception (SB0906).</summary>
public sealed record NamingFailure(Symbol Symbol, string Name, string Message);

/// <summary>An optional refining pass that failed (a bug in the converter) and was skipped: its name and the exception.</summary>
public sealed record RefinerFailure(string Pass, string Message);

/// <summary>
/// The Ballerina refiner between the target-neutral IR and the writers (as Kiota's refiners are): it gives
/// every symbol a Ballerina identifier (camelCase, keywords quoted), keeps module-level names unique and clear
/// of the names the runtime support module and the imported modules declare, and keeps each function's and
/// resource's parameters clear of the module names and of the locals every generated body may declare.
/// </summary>
public static class BallerinaRefiner
{
    /// <summary>The name of the typed record of the context's default-scope properties (<c>properties.bal</c>), never a generated symbol's.</summary>
    public const string PropertiesTypeName = "Properties";

    /// <summary>Locals the generated bodies declare themselves (the request, the message context, a reply, a switch route, the error).</summary>
    public static readonly IReadOnlyList<string> ReservedLocals = ["request", "ctx", "reply", "route", "e"];

    /// <summary>Module prefixes a generated file may import, and names Ballerina gives a meaning to at module level.</summary>
    private static readonly string[] ModulePrefixes = ["http", "log", "value", "regexp", "url", "uuid", "time", "task", "jms", "runtime", "sql", "jdbc", "xml", "int", "float", "string", "main", "init", "kafka", "rabbitmq", "mqtt", "file", "io", "os"];

    /// <summary>
    /// Names no generated module-level declaration may take whatever the runtime module declares: the module
    /// prefixes, and the reserved locals (a module-level name would be shadowed by them).
    /// </summary>
    public static readonly IReadOnlyList<string> ReservedModuleNames = ModulePrefixes.Concat(ReservedLocals).Distinct(StringComparer.Ordinal).ToList();

    /// <param name="runtimeNames">Every name the runtime support module declares (its functions and types): generated declarations keep clear of them.</param>
    /// <param name="otherModuleNames">
    /// Module-level names of the whole package when only part of it is refined (per-artifact reuse,
    /// <c>Output/ArtifactSplice.cs</c>): taken after the module symbols are named, so that parameters, property
    /// locals and payload records keep clear of them as they do in the whole package.
    /// </param>
    /// <param name="typedPayloads">Mark the API resources that take their body as a typed payload parameter (<c>--typed-payloads</c>, <see cref="TypedPayloadAnalysis"/>).</param>
    public static RefinedPackage Refine(PackageIr package, IEnumerable<string> runtimeNames, IReadOnlyCollection<string>? otherModuleNames = null, bool typedPayloads = false)
    {
        var failures = ImmutableArray.CreateBuilder<RefinerFailure>();
        IReadOnlyDictionary<Symbol, FunctionIr> inlined = new Dictionary<Symbol, FunctionIr>();
        package = Pass("folding constant conditions", package, () => ConstantConditions.Fold(package), failures);
        (package, inlined) = Pass("inlining empty flows", (package, inlined), () => EmptyFlows.Inline(package), failures);
        package = Pass("inlining respond-only flows", package, () => RespondOnlyFlows.Inline(package), failures);
        package = Pass("removing unused flows", package, () => UnusedFlows.Remove(package), failures);
        package = Pass("removing unused connections", package, () => UnusedConnections.Remove(package), failures);
        package = Pass("marking sequences that always answer", package, () => AnsweringFlows.Mark(package), failures);
        package = Pass("removing repeated response marks", package, () => RepeatedMarks.Remove(package), failures);
        package = Pass("removing URI variables set from themselves", package, () => SelfAssignments.Remove(package), failures);
        // Its fallback gives a slot back everywhere a package with a concurrency throttle may hold one (ThrottleSlots.Everywhere).
        var unmarked = package;
        package = Pass("marking where a concurrency throttle's slot is given back", (PackageIr?)null, () => ThrottleSlots.Mark(unmarked), failures)
            ?? ThrottleSlots.Everywhere(unmarked);
        package = Pass("marking the drops that end a copy of a split", package, () => CopyDrops.Mark(package), failures);
        var names = new Dictionary<Symbol, string>();
        // The typed record of the context's properties (properties.bal) is declared by the emitter when it has a field.
        var reserved = new HashSet<string>(ReservedModuleNames.Concat(runtimeNames).Append(PropertiesTypeName), StringComparer.Ordinal);
        var taken = new HashSet<string>(reserved, StringComparer.Ordinal);
        // Each symbol's ladder of names (shortest first); one naming rule chooses over all of them (ChooseNames). A
        // symbol whose ladder cannot be made (a bug in the converter) is named after the others, with its kind and its
        // index among the module's symbols (SB0906): every other symbol keeps the name the rule gives it.
        var unnamed = new Dictionary<Symbol, string>();
        var named = new List<Symbol>();
        var ladders = new List<IReadOnlyList<string>>();
        foreach (var symbol in package.Symbols)
        {
            if (Guard(symbol, () => Ladder(symbol, reserved), unnamed) is { } ladder)
            {
                named.Add(symbol);
                ladders.Add(ladder);
            }
        }

        // Choosing is guarded per symbol too: a symbol whose choice throws joins the unnamed ones, and the names the
        // rule gives the others do not depend on it (its ladder still counts as asked for).
        var choiceFailures = new Dictionary<int, string>();
        var chosen = ChooseNames(ladders, reserved, taken, i => BeforeChoose.Value?.Invoke(named[i]), choiceFailures);
        for (var i = 0; i < named.Count; i++)
        {
            if (choiceFailures.TryGetValue(i, out var failure))
            {
                unnamed.TryAdd(named[i], failure);
            }
            else
            {
                names[named[i]] = chosen[i]!;
            }
        }

        var naming = ImmutableArray.CreateBuilder<NamingFailure>();
        for (var i = 0; i < package.Symbols.Length; i++)
        {
            var symbol = package.Symbols[i];
            if (unnamed.TryGetValue(symbol, out var message))
            {
                names[symbol] = Unique(FallbackName(symbol.Kind, i + 1), taken);
                naming.Add(new NamingFailure(symbol, names[symbol], message));
            }
        }

        var moduleNames = package.Symbols.Select(s => names[s]).ToImmutableArray();
        var asAsked = unnamed.Count == 0 && named.Select((s, i) => names[s] == ladders[i][0]).All(a => a);
        taken.UnionWith(otherModuleNames?.Select(n => n.TrimStart('\'')) ?? []);

        foreach (var function in package.Functions)
        {
            NameLocals(function.Parameters.Select(p => p.Name), taken, names, naming);
        }

        foreach (var resource in package.Services.SelectMany(s => s.Resources))
        {
            NameLocals(resource.Path.Select(segment => segment switch
            {
                PathSegmentIr.Param p => p.Parameter,
                PathSegmentIr.Rest r => r.Parameter,
                _ => null,
            }).OfType<Symbol>(), taken, names, naming);
        }

        foreach (var inbound in package.Inbounds)
        {
            if (inbound.Transport is InboundTransportIr.Http http)
            {
                NameLocals(http.Resource.Path.OfType<PathSegmentIr.Rest>().Select(r => r.Parameter), taken, names, naming);
            }
        }

        var (locals, record) = Pass("analysing property locals", (PropertyLocals.Empty, PropertyRecord.Empty), () =>
        {
            var found = PropertyLocalAnalysis.Analyze(package, taken, names, out var typed);
            return (found, typed);
        }, failures);
        if (locals.UnreadInboundParameters.Count > 0)
        {
            package = WithoutUnreadInboundParameters(package, locals.UnreadInboundParameters);
        }

        if (locals.DroppedSets.Count > 0)
        {
            package = WithoutDroppedConfigurables(package, locals.DroppedSets);
        }

        var payloadTypes = Pass("analysing payload types", PayloadTypes.Empty, () => PayloadTypeAnalysis.Analyze(package, taken), failures);
        payloadTypes = Pass("analysing validated payloads", payloadTypes, () => ValidatedPayloadAnalysis.Analyze(package, payloadTypes, locals, taken, names), failures);
        // Its fallback types no resource: every one keeps the faithful signature.
        var typed = !typedPayloads ? TypedPayloads.Empty
            : Pass("choosing the resources that take a typed payload", TypedPayloads.Empty, () => TypedPayloadAnalysis.Analyze(package, inlined, resource =>
            {
                var used = new HashSet<string>(taken, StringComparer.Ordinal);
                used.UnionWith(PropertyLocalAnalysis.WriterLocals);
                used.UnionWith(locals.For(resource).Names);
                used.UnionWith(resource.Path.Select(s => s switch
                {
                    PathSegmentIr.Param p => names.GetValueOrDefault(p.Parameter),
                    PathSegmentIr.Rest r => names.GetValueOrDefault(r.Parameter),
                    _ => null,
                }).OfType<string>().Select(n => n.TrimStart('\'')));
                used.UnionWith(IrWalker.Steps(resource.Body).OfType<SetPayloadStep>().Select(s => payloadTypes[s]?.Local).OfType<string>());
                used.UnionWith(IrWalker.Steps(resource.Body).OfType<JsonValidateStep>().Select(s => payloadTypes[s]?.Local).OfType<string>());
                return new[] { "payload", "requestPayload", "receivedPayload" }.FirstOrDefault(n => !used.Contains(n))
                    ?? Enumerable.Range(2, int.MaxValue - 2).Select(i => "payload" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).First(n => !used.Contains(n));
            }), failures);
        return new RefinedPackage(package, new NameMap(names))
        {
            Locals = locals,
            PropertyRecord = record,
            InlinedFlows = inlined,
            PayloadTypes = payloadTypes,
            TypedPayloads = typed,
            ModuleNames = moduleNames,
            AskedNames = [.. ladders.Select(l => string.Join(' ', l)), .. payloadTypes.Asked],
            NamesAsAsked = asAsked,
            Failures = failures.ToImmutable(),
            NamingFailures = naming.ToImmutable(),
        };
    }

    /// <summary>
    /// The inbound endpoints without the parameters nothing reads (<see cref="PropertyLocals.UnreadInboundParameters"/>),
    /// and without the configurables only those parameters named: a credential parameter's required secret
    /// (SB0212) that nothing else reads would make Config.toml ask for a value nothing uses. The comment above the call
    /// names those credentials.
    /// </summary>
    private static PackageIr WithoutUnreadInboundParameters(PackageIr package, IReadOnlyDictionary<InboundIr, ImmutableArray<string>> unreadParameters)
    {
        var inbounds = package.Inbounds.Select(i => unreadParameters.TryGetValue(i, out var unread) && i.Properties is { } p
            ? i with { Properties = p with { Parameters = [.. p.Parameters.Where(q => !unread.Contains(q.Name))], Unread = unread } }
            : i).ToList();
        var result = package with { Inbounds = [.. inbounds] };
        var stillNamed = new HashSet<Symbol>();
        EmptyFlows.Collect(result with { Symbols = [], Configurables = [] }, stillNamed);
        var dropped = package.Inbounds.SelectMany(i => i.Properties?.Parameters ?? []).Select(p => p.Configurable).OfType<Symbol>()
            .Where(s => !stillNamed.Contains(s)).ToHashSet();
        if (dropped.Count == 0)
        {
            return result;
        }

        for (var k = 0; k < inbounds.Count; k++)
        {
            var secrets = package.Inbounds[k].Properties?.Parameters.Where(q => q.Configurable is { } c && dropped.Contains(c)).Select(q => q.Name).ToImmutableArray() ?? [];
            if (secrets.Length > 0)
            {
                inbounds[k] = inbounds[k] with { Properties = inbounds[k].Properties! with { UnreadSecrets = secrets } };
            }
        }

        return result with
        {
            Inbounds = [.. inbounds],
            Configurables = [.. result.Configurables.Where(c => !dropped.Contains(c.Name))],
        };
    }

    /// <summary>Test seam: runs before the naming rule chooses each module-level symbol's name among its ladder (a test makes it throw to check the guard).</summary>
    internal static readonly AsyncLocal<Action<Symbol>?> BeforeChoose = new();

    /// <summary>Test seam: runs before each optional pass with the pass's name (a test makes it throw to check the guard).</summary>
    internal static readonly AsyncLocal<Action<string>?> BeforePass = new();

    /// <summary>
    /// Runs one optional pass; each only simplifies what the writers generate (the code means the same without it), so
    /// an unexpected exception (a bug in the converter) skips the pass: its input is kept, and the failure is
    /// returned for the driver to report (SB0905).
    /// </summary>
    private static T Pass<T>(string pass, T unchanged, Func<T> run, ImmutableArray<RefinerFailure>.Builder failures)
    {
        try
        {
            BeforePass.Value?.Invoke(pass);
            return run();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            failures.Add(new RefinerFailure(pass, $"{ex.GetType().Name}: {ex.Message}"));
            return unchanged;
        }
    }

    /// <summary>
    /// The package without the configurables only the values of unread property sets that write nothing name
    /// (<see cref="PropertyLocals.DroppedSets"/>): a secret (<c>wso2:vault-lookup</c>, <c>${configs.x}</c>) a property
    /// nothing reads held would make Config.toml ask for a value nothing uses. The Micro Integrator resolves such a
    /// value when the property mediator runs (VaultLookupFunction.call, at mediation time), not when the artifact is
    /// deployed, so no deployment fails for want of it either.
    /// </summary>
    private static PackageIr WithoutDroppedConfigurables(PackageIr package, IReadOnlySet<StepIr> dropped)
    {
        var inDropped = new HashSet<Symbol>();
        EmptyFlows.Collect(dropped.ToList(), inDropped);
        var configurables = package.Configurables.Where(c => inDropped.Contains(c.Name)).ToList();
        if (configurables.Count == 0)
        {
            return package;
        }

        var stillNamed = new HashSet<Symbol>();
        new ContextGraph.Walk(stillNamed) { Skip = dropped }.Visit(package with { Symbols = [], Configurables = [] });
        var unused = configurables.Where(c => !stillNamed.Contains(c.Name)).Select(c => c.Name).ToHashSet();
        return unused.Count == 0 ? package : package with { Configurables = [.. package.Configurables.Where(c => !unused.Contains(c.Name))] };
    }

    /// <summary>Test seam: runs before each symbol's name is made, module-level or local (a test makes it throw to check the guard).</summary>
    internal static readonly AsyncLocal<Action<Symbol>?> BeforeName = new();

    /// <summary>
    /// Makes one name (or ladder of names); an unexpected exception (a bug in the converter) is kept against the symbol, which then gets
    /// its fallback name (<see cref="FallbackName"/>), and null is returned.
    /// </summary>
    private static T? Guard<T>(Symbol symbol, Func<T> name, Dictionary<Symbol, string> unnamed)
        where T : class
    {
        try
        {
            BeforeName.Value?.Invoke(symbol);
            return name();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            unnamed.TryAdd(symbol, $"{ex.GetType().Name}: {ex.Message}");
            return null;
        }
    }

    /// <summary>
    /// The name of a symbol whose own name could not be made: its kind and its 1-based index (among the module's
    /// symbols, or the function's or resource's parameters), made unique as any other name. Never a keyword (it ends in
    /// a digit) and never needs escaping.
    /// </summary>
    internal static string FallbackName(SymbolKind kind, int index)
    {
        var word = kind switch
        {
            SymbolKind.Listener => "listener",
            SymbolKind.Function => "function",
            SymbolKind.Type => "Type",
            SymbolKind.Client => "client",
            SymbolKind.Configurable => "configurable",
            SymbolKind.LocalEntry => "localEntry",
            SymbolKind.Parameter => "parameter",
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
        return word + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The identifiers a module-level symbol asks for, before uniqueness, in the order they are tried: its shorter
    /// names (<see cref="Symbol.Shorter"/>), its hint (with its suffix when the hint alone is reserved), its fallback.
    /// </summary>
    private static IReadOnlyList<string> Ladder(Symbol symbol, HashSet<string> reserved)
    {
        string Cased(string hint) => symbol.Kind switch
        {
            SymbolKind.Type => BallerinaSyntax.PascalCase(hint),
            SymbolKind.Configurable => BallerinaSyntax.ConfigurableCase(hint),
            _ => BallerinaSyntax.CamelCase(hint),
        };
        var name = Cased(symbol.Hint);
        if (symbol.Kind != SymbolKind.Type && symbol.SuffixWhenReserved is { } suffix && (reserved.Contains(name.TrimStart('\'')) || BallerinaSyntax.Keywords.Contains(name.TrimStart('\''))))
        {
            name = Cased(symbol.Hint + " " + suffix);
        }

        var ladder = symbol.Shorter.Select(Cased).Append(name);
        if (symbol.FallbackHint is { } fallback)
        {
            ladder = ladder.Append(Cased(fallback));
        }

        return ladder.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The ladders with their shortenings (a shorter name that drops a part of the name after it, such as a path's
    /// parameters: <c>OrderGetResponse</c> before <c>OrderGetByIdResponse</c>) admitted only where unique: a shortening
    /// that any other ladder holds (as a shortening or not) is dropped from every ladder that holds it as one, so that it
    /// never takes a name another declaration would have had: a ladder without shortenings names its declaration as
    /// before, and a colliding shortening falls back to the longer names after it. Distinct names, order kept.
    /// </summary>
    internal static IReadOnlyList<IReadOnlyList<string>> AdmitShortenings(IReadOnlyList<IReadOnlyList<(string Name, bool Shortening)>> ladders)
    {
        var demand = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var ladder in ladders)
        {
            foreach (var name in ladder.Select(r => r.Name.TrimStart('\'')).Distinct(StringComparer.Ordinal))
            {
                demand[name] = demand.GetValueOrDefault(name) + 1;
            }
        }

        return [.. ladders.Select(ladder => (IReadOnlyList<string>)[.. ladder
            .Where(r => !r.Shortening || demand[r.Name.TrimStart('\'')] == 1)
            .Select(r => r.Name)
            .Distinct(StringComparer.Ordinal)])];
    }

    /// <summary>
    /// The one naming rule of the package's module-level names (issue 14), for symbols and payload records alike:
    /// each gets the first name of its ladder that no other ladder holds at all (whatever its place there) and that is
    /// neither reserved, taken nor a quoted keyword; a ladder none of whose names is free ends with its last (longest) name, numbered in
    /// ladder order when taken (<c>orders2</c>: two artifacts whose own Synapse names collide). A name is then a
    /// function of the set of names asked for, not of input order: an artifact whose names collide with no other's
    /// never renames another's declarations, and two that collide both take their longer names.
    /// </summary>
    /// <param name="ladders">Each declaration's names, shortest first, in declaration order.</param>
    /// <param name="reserved">Names no declaration may take (checked without the keyword quote).</param>
    /// <param name="taken">Names already given: never given again; the chosen names are added.</param>
    internal static IReadOnlyList<string> ChooseNames(IReadOnlyList<IReadOnlyList<string>> ladders, IReadOnlySet<string> reserved, HashSet<string> taken) =>
        [.. ChooseNames(ladders, reserved, taken, null, null).Select(name => name!)];

    /// <summary>
    /// <see cref="ChooseNames(IReadOnlyList{IReadOnlyList{string}}, IReadOnlySet{string}, HashSet{string})"/>, each
    /// ladder's choice under a guard of its own when <paramref name="failures"/> is given: a choice that throws (a bug
    /// in the converter) is kept there by the ladder's index with the exception's message, and its name is null.
    /// </summary>
    /// <param name="before">Runs before each ladder's choice, with its index (a test seam).</param>
    internal static IReadOnlyList<string?> ChooseNames(IReadOnlyList<IReadOnlyList<string>> ladders, IReadOnlySet<string> reserved, HashSet<string> taken, Action<int>? before, Dictionary<int, string>? failures)
    {
        T? Guard<T>(int i, Func<T> choose)
        {
            if (failures is null)
            {
                return choose();
            }

            if (failures.ContainsKey(i))
            {
                return default;
            }

            try
            {
                return choose();
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                failures[i] = $"{ex.GetType().Name}: {ex.Message}";
                return default;
            }
        }

        var demand = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var ladder in ladders)
        {
            foreach (var name in ladder.Select(n => n.TrimStart('\'')).Distinct(StringComparer.Ordinal))
            {
                demand[name] = demand.GetValueOrDefault(name) + 1;
            }
        }

        // A quoted keyword ('type) is never a shorter name worth having: only a last name may be one.
        var free = ladders.Select((ladder, i) => Guard(i, () =>
        {
            before?.Invoke(i);
            return ladder.Take(ladder.Count - 1).FirstOrDefault(n => !n.StartsWith('\'') && demand[n] == 1 && !reserved.Contains(n) && !taken.Contains(n));
        })).ToList();

        // The free names first, so that a numbered last name never takes one of them.
        foreach (var name in free.OfType<string>())
        {
            taken.Add(name.TrimStart('\''));
        }

        return ladders.Select((ladder, i) => free[i] ?? Guard(i, () => Unique(ladder[^1], taken))).ToList();
    }

    /// <summary>Parameters of one function or resource: unique among themselves, never a module-level or reserved local name.</summary>
    private static void NameLocals(IEnumerable<Symbol> parameters, HashSet<string> moduleNames, Dictionary<Symbol, string> names, ImmutableArray<NamingFailure>.Builder failures)
    {
        var used = new HashSet<string>(ReservedLocals, StringComparer.Ordinal);
        var unnamed = new Dictionary<Symbol, string>();
        var index = 0;
        foreach (var parameter in parameters)
        {
            index++;
            var name = Guard(parameter, () => BallerinaSyntax.CamelCase(parameter.Hint), unnamed) ?? FallbackName(SymbolKind.Parameter, index);
            var candidate = name;
            for (var i = 2; moduleNames.Contains(candidate.TrimStart('\'')) || !used.Add(candidate.TrimStart('\'')); i++)
            {
                candidate = name.TrimStart('\'') + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            names[parameter] = candidate;
            if (unnamed.TryGetValue(parameter, out var message))
            {
                failures.Add(new NamingFailure(parameter, candidate, message));
            }
        }
    }

    private static string Unique(string candidate, HashSet<string> taken)
    {
        var name = candidate;
        for (var i = 2; !taken.Add(name.TrimStart('\'')); i++)
        {
            name = candidate.TrimStart('\'') + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return name;
    }
}
