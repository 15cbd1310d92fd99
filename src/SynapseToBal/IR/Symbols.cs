namespace SynapseToBal.IR;

public enum SymbolKind
{
    Listener,
    Function,

    /// <summary>A type (a class): named in PascalCase.</summary>
    Type,
    Client,
    Configurable,
    LocalEntry,

    /// <summary>A parameter of a function or resource (a path parameter, a template parameter): local to it.</summary>
    Parameter,
}

/// <summary>
/// A named thing of the generated program. The IR refers to symbols, never to target-language identifiers:
/// the refiner gives each symbol its name (casing, escaping, collisions, reserved names).
/// </summary>
/// <param name="Hint">Words the name is made from (the Synapse name and its role: "order api get out").</param>
/// <param name="SuffixWhenReserved">When set, the name is the hint alone unless that is reserved; then this word is added.</param>
/// <param name="FallbackHint">
/// When set, the hint is a short name (an API's only fault flow: "order api fault") used only when no other symbol
/// asks for the same name and it is not reserved; otherwise the name is made from these words ("order api get by
/// order id fault"), never a number that depends on which artifact came first.
/// </param>
public sealed class Symbol(SymbolKind kind, string hint, string? suffixWhenReserved = null, string? fallbackHint = null)
{
    public SymbolKind Kind { get; } = kind;

    public string Hint { get; } = hint;

    public string? SuffixWhenReserved { get; } = suffixWhenReserved;

    public string? FallbackHint { get; } = fallbackHint;

    public bool IsLocal => Kind == SymbolKind.Parameter;

    public override string ToString() => $"{Kind}({Hint})";
}

/// <summary>Creates the module-level symbols of a package and remembers their order, which decides who keeps a contested name.</summary>
public sealed class SymbolFactory
{
    private readonly List<Symbol> _symbols = new();

    public IReadOnlyList<Symbol> ModuleSymbols => _symbols;

    public Symbol Module(SymbolKind kind, string hint, string? suffixWhenReserved = null, string? fallbackHint = null)
    {
        if (kind == SymbolKind.Parameter)
        {
            throw new ArgumentException("Parameters are local symbols; use Local.", nameof(kind));
        }

        var symbol = new Symbol(kind, hint, suffixWhenReserved, fallbackHint);
        _symbols.Add(symbol);
        return symbol;
    }

    public static Symbol Local(string hint) => new(SymbolKind.Parameter, hint);
}
