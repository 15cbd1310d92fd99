using SynapseToBal.Emit;

namespace SynapseToBal.Lowering;

/// <summary>Hands out module-level Ballerina names that never collide with each other or with the support module.</summary>
public sealed class NameAllocator
{
    /// <summary>
    /// Names no generated declaration may take: every function, type and variable the built-in support and
    /// types templates declare (read from the templates themselves), the listener, the module prefixes, and
    /// the locals every generated function may declare.
    /// </summary>
    public static readonly IReadOnlyList<string> Reserved = SupportDeclarations()
        .Concat(["httpListener", "httpPort", "http", "log", "value", "regexp", "url", "uuid", "time", "main", "request", "ctx", "e", "reply", "route"])
        .Distinct(StringComparer.Ordinal)
        .ToList();

    private static IEnumerable<string> SupportDeclarations()
    {
        var pattern = new System.Text.RegularExpressions.Regex(@"^(?:public\s+)?(?:function\s+(?<name>\w+)\s*\(|type\s+(?<name>\w+)\s|final\s+[^=]*?\s(?<name>\w+)\s*=)", System.Text.RegularExpressions.RegexOptions.Multiline);
        foreach (var template in new[] { "support.bal.sbn", "types.bal.sbn" })
        {
            foreach (System.Text.RegularExpressions.Match match in pattern.Matches(Emit.TemplateRenderer.ReadBuiltIn(template)))
            {
                yield return match.Groups["name"].Value;
            }
        }
    }

    private readonly HashSet<string> _used = new(Reserved, StringComparer.Ordinal);

    /// <summary>A camelCase name derived from <paramref name="source"/>, with a numeric suffix if taken.</summary>
    public string Camel(string source, string suffix = "") => Unique(BallerinaSyntax.CamelCase(source + " " + suffix));

    /// <summary>A camelCase name for <paramref name="source"/>; when that is a reserved name, <paramref name="suffix"/> is added.</summary>
    public string CamelNotReserved(string source, string suffix)
    {
        var name = BallerinaSyntax.CamelCase(source);
        return Unique(Reserved.Contains(name.TrimStart('\'')) || BallerinaSyntax.Keywords.Contains(name.TrimStart('\'')) ? BallerinaSyntax.CamelCase(source + " " + suffix) : name);
    }

    /// <summary>True when a module-level name (or a reserved one) is taken.</summary>
    public bool IsTaken(string name) => _used.Contains(name.TrimStart('\''));

    public string Unique(string candidate)
    {
        var name = candidate;
        for (var i = 2; !_used.Add(name.TrimStart('\'')); i++)
        {
            name = candidate.TrimStart('\'') + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return name;
    }
}
