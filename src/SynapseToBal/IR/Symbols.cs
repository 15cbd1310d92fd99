using System.Collections.Immutable;

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
/// <param name="Shorter">
/// Shorter names tried before the hint, shortest first (a resource's only fault flow: "ping fault", then "get ping
/// fault", ...): the refiner gives the first that no other symbol of the package asks for at all (issue 14).
/// </param>
public sealed class Symbol(SymbolKind kind, string hint, string? suffixWhenReserved = null, string? fallbackHint = null, ImmutableArray<string> shorter = default)
{
    public SymbolKind Kind { get; } = kind;

    public string Hint { get; } = hint;

    public string? SuffixWhenReserved { get; } = suffixWhenReserved;

    public string? FallbackHint { get; } = fallbackHint;

    /// <summary>Shorter names tried before <see cref="Hint"/>, shortest first (empty for most symbols).</summary>
    public ImmutableArray<string> Shorter { get; } = shorter.IsDefault ? [] : shorter;

    public bool IsLocal => Kind == SymbolKind.Parameter;

    public override string ToString() => $"{Kind}({Hint})";
}

/// <summary>Creates the module-level symbols of a package and remembers their order, which decides who keeps a contested name.</summary>
public sealed class SymbolFactory
{
    private readonly List<Symbol> _symbols = new();

    public IReadOnlyList<Symbol> ModuleSymbols => _symbols;

    public Symbol Module(SymbolKind kind, string hint, string? suffixWhenReserved = null, string? fallbackHint = null, ImmutableArray<string> shorter = default)
    {
        if (kind == SymbolKind.Parameter)
        {
            throw new ArgumentException("Parameters are local symbols; use Local.", nameof(kind));
        }

        var symbol = new Symbol(kind, hint, suffixWhenReserved, fallbackHint, shorter);
        _symbols.Add(symbol);
        return symbol;
    }

    public static Symbol Local(string hint) => new(SymbolKind.Parameter, hint);
}

/// <summary>Words of generated names that the lowering (the hints) and the refiner (payload record names) share.</summary>
public static class SymbolWords
{
    /// <summary>
    /// An API's name without a trailing <c>API</c> word (<c>OrderAPI</c>, <c>OrderApi</c>, <c>order-api</c> →
    /// <c>Order</c>, <c>order</c>), or null when it has none or nothing would be left.
    /// </summary>
    public static string? ShortApiName(string api)
    {
        if (api.Length <= 3 || !api.EndsWith("api", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var stem = api[..^3];
        var suffix = api[^3..];
        var before = stem[^1];
        var boundary = !char.IsAsciiLetterOrDigit(before)
            || (suffix == "API" && !char.IsAsciiLetterUpper(before))
            || (suffix == "Api" && (char.IsAsciiLetterLower(before) || char.IsAsciiDigit(before)));
        var end = stem.Length;
        while (end > 0 && !char.IsAsciiLetterOrDigit(stem[end - 1]))
        {
            end--;
        }

        var trimmed = stem[..end];
        return boundary && trimmed.Any(char.IsAsciiLetter) ? trimmed : null;
    }

    /// <summary>
    /// A proxy's name without a trailing <c>Proxy</c> word (<c>QuoteProxy</c>, <c>quote-proxy</c>, <c>QUOTE_PROXY</c> →
    /// <c>Quote</c>, <c>quote</c>, <c>QUOTE</c>), or null when it has none or nothing would be left.
    /// </summary>
    public static string? ShortProxyName(string proxy) => WithoutTrailingWord(proxy, "proxy");

    /// <summary>
    /// The words of an artifact's generated name with its kind (<c>ReportProcessor processor</c>): a name that already
    /// ends with the kind's word is not given it twice (<c>ReportProcessor</c>, not <c>ReportProcessorProcessor</c>;
    /// <c>CleanupJob</c>, not <c>CleanupJobJob</c>), as a shorter name the refiner takes when no other declaration asks for it.
    /// </summary>
    public static ImmutableArray<string> WithoutRepeatedKind(string name, string kind) =>
        WithoutTrailingWord(name, kind) is not null ? [name] : [];

    /// <summary>
    /// <paramref name="name"/> without a trailing word <paramref name="word"/> (lower case; matched as <c>word</c>,
    /// <c>Word</c> or <c>WORD</c> after a word boundary), or null when it has none or nothing would be left.
    /// </summary>
    public static string? WithoutTrailingWord(string name, string word)
    {
        if (name.Length <= word.Length || !name.EndsWith(word, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var stem = name[..^word.Length];
        var suffix = name[^word.Length..];
        var before = stem[^1];
        var upper = word.ToUpperInvariant();
        var capitalized = char.ToUpperInvariant(word[0]) + word[1..];
        var boundary = !char.IsAsciiLetterOrDigit(before)
            || (suffix == upper && !char.IsAsciiLetterUpper(before))
            || (suffix == capitalized && (char.IsAsciiLetterLower(before) || char.IsAsciiDigit(before)));
        var end = stem.Length;
        while (end > 0 && !char.IsAsciiLetterOrDigit(stem[end - 1]))
        {
            end--;
        }

        var trimmed = stem[..end];
        return boundary && trimmed.Any(char.IsAsciiLetter) ? trimmed : null;
    }
}
