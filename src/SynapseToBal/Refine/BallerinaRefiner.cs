using System.Text.RegularExpressions;
using SynapseToBal.IR;

namespace SynapseToBal.Refine;

/// <summary>The Ballerina name of every symbol of a package.</summary>
public sealed class NameMap
{
    private readonly Dictionary<Symbol, string> _names;

    internal NameMap(Dictionary<Symbol, string> names) => _names = names;

    public string this[Symbol symbol] => _names.TryGetValue(symbol, out var name)
        ? name
        : throw new InvalidOperationException($"The refiner gave no name to {symbol}.");
}

/// <summary>A package ready for the Ballerina writers: the IR and the names the refiner chose.</summary>
public sealed record RefinedPackage(PackageIr Package, NameMap Names);

/// <summary>
/// The Ballerina refiner between the target-neutral IR and the writers (as Kiota's refiners are): it gives
/// every symbol a Ballerina identifier (camelCase, keywords quoted), keeps module-level names unique and clear
/// of the names the runtime support module and the imported modules declare, and keeps each function's and
/// resource's parameters clear of the module names and of the locals every generated body may declare.
/// </summary>
public static class BallerinaRefiner
{
    /// <summary>Locals the generated bodies declare themselves (the request, the message context, a reply, a switch route, the error).</summary>
    public static readonly IReadOnlyList<string> ReservedLocals = ["request", "ctx", "reply", "route", "e"];

    /// <summary>Module prefixes a generated file may import, and names Ballerina gives a meaning to at module level.</summary>
    private static readonly string[] ModulePrefixes = ["http", "log", "value", "regexp", "url", "uuid", "time", "xml", "int", "float", "string", "main"];

    /// <summary>
    /// Every name no generated module-level declaration may take: what the runtime support module and the
    /// Context type declare, the module prefixes, and the reserved locals (a module-level name would be shadowed by them).
    /// </summary>
    public static readonly IReadOnlyList<string> ReservedModuleNames = RuntimeDeclarations()
        .Concat(ModulePrefixes)
        .Concat(ReservedLocals)
        .Distinct(StringComparer.Ordinal)
        .ToList();

    public static RefinedPackage Refine(PackageIr package)
    {
        var names = new Dictionary<Symbol, string>();
        var taken = new HashSet<string>(ReservedModuleNames, StringComparer.Ordinal);
        foreach (var symbol in package.Symbols)
        {
            names[symbol] = Unique(ModuleName(symbol), taken);
        }

        foreach (var function in package.Functions)
        {
            NameLocals(function.Parameters.Select(p => p.Name), taken, names);
        }

        foreach (var resource in package.Services.SelectMany(s => s.Resources))
        {
            NameLocals(resource.Path.Select(segment => segment switch
            {
                PathSegmentIr.Param p => p.Parameter,
                PathSegmentIr.Rest r => r.Parameter,
                _ => null,
            }).OfType<Symbol>(), taken, names);
        }

        return new RefinedPackage(package, new NameMap(names));
    }

    /// <summary>The identifier a module-level symbol asks for, before uniqueness.</summary>
    private static string ModuleName(Symbol symbol)
    {
        var name = BallerinaSyntax.CamelCase(symbol.Hint);
        if (symbol.SuffixWhenReserved is { } suffix && (ReservedModuleNames.Contains(name.TrimStart('\'')) || BallerinaSyntax.Keywords.Contains(name.TrimStart('\''))))
        {
            name = BallerinaSyntax.CamelCase(symbol.Hint + " " + suffix);
        }

        return name;
    }

    /// <summary>Parameters of one function or resource: unique among themselves, never a module-level or reserved local name.</summary>
    private static void NameLocals(IEnumerable<Symbol> parameters, HashSet<string> moduleNames, Dictionary<Symbol, string> names)
    {
        var used = new HashSet<string>(ReservedLocals, StringComparer.Ordinal);
        foreach (var parameter in parameters)
        {
            var name = BallerinaSyntax.CamelCase(parameter.Hint);
            var candidate = name;
            for (var i = 2; moduleNames.Contains(candidate.TrimStart('\'')) || !used.Add(candidate.TrimStart('\'')); i++)
            {
                candidate = name.TrimStart('\'') + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            names[parameter] = candidate;
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

    private static IEnumerable<string> RuntimeDeclarations()
    {
        var pattern = new Regex(@"^(?:public\s+)?(?:function\s+(?<name>\w+)\s*\(|type\s+(?<name>\w+)\s|final\s+[^=]*?\s(?<name>\w+)\s*=)", RegexOptions.Multiline);
        foreach (var template in new[] { "support.bal.sbn", "types.bal.sbn" })
        {
            foreach (Match match in pattern.Matches(RuntimeSource.Read(template)))
            {
                yield return match.Groups["name"].Value;
            }
        }
    }
}

/// <summary>The built-in runtime sources (embedded beside the templates).</summary>
internal static class RuntimeSource
{
    public static string Read(string name)
    {
        using var stream = typeof(RuntimeSource).Assembly.GetManifestResourceStream("templates/" + name)
            ?? throw new InvalidOperationException($"No built-in template named '{name}'.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
