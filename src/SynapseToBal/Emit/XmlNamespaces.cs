using System.Text.RegularExpressions;
using SynapseToBal.Refine;

namespace SynapseToBal.Emit;

/// <summary>
/// The XML namespaces one generated <c>.bal</c> file navigates, and the prefix each is declared with
/// (<c>xmlns "uri" as p;</c> at module level, which Ballerina scopes to the source file, like an import).
/// A file is written twice: first with a <see cref="Collecting"/> scope, which records the namespaces and
/// source prefixes the navigation steps use (and writes them as <c>.elements("{uri}local")</c>), then with the
/// <see cref="Resolve">resolved</see> scope, which writes <c>x/&lt;p:local&gt;</c> and gives the declarations.
/// Usually it is written once instead, with placeholders filled in afterwards to the same text (<see cref="Deferring"/>).
/// </summary>
internal sealed partial class XmlNamespaceScope
{
    /// <summary>
    /// Prefixes a declaration never takes: Ballerina's keywords, its predeclared module prefixes, <c>xmlns</c>
    /// (predeclared, cannot be redeclared), <c>xml</c>, and the prefixes of the modules generated code imports
    /// (an xmlns prefix shares their symbol space).
    /// </summary>
    private static readonly HashSet<string> Reserved = new(BallerinaSyntax.Keywords.Concat(
    [
        "boolean", "decimal", "error", "float", "function", "future", "int", "map", "object", "stream", "string",
        "table", "transaction", "typedesc", "xml", "xmlns", "regexp", "array", "value", "runtime", "lang", "java",
        "http", "log", "time", "task", "xslt", "jms", "sql", "jdbc", "kafka", "rabbitmq", "mqtt", "uuid", "file", "io",
        "email", "ftp", "websocket", "jwt", "oauth2", "crypto", "url", "mime", "os", "cache", "auth", "soap", "data",
        "xmldata", "jsondata", "constraint", "test", "regex", "ldap",
    ]), StringComparer.Ordinal);

    private readonly Dictionary<string, SortedSet<string>> _collected;
    private readonly Dictionary<string, string>? _prefixes;

    /// <summary>For a deferring scope: the number of each namespace, in the order they were first written.</summary>
    private readonly Dictionary<string, int>? _placeholders;

    private XmlNamespaceScope(Dictionary<string, SortedSet<string>> collected, Dictionary<string, string>? prefixes, Dictionary<string, int>? placeholders = null)
    {
        _collected = collected;
        _prefixes = prefixes;
        _placeholders = placeholders;
    }

    /// <summary>A scope that declares nothing and records nothing: every step keeps the <c>{uri}local</c> form.</summary>
    public static XmlNamespaceScope None { get; } = new([], []);

    /// <summary>A scope that records the namespaces written through it (first pass over a file).</summary>
    public static XmlNamespaceScope Collecting() => new([], null);

    /// <summary>True when a first pass recorded at least one namespace.</summary>
    public bool HasNamespaces => _collected.Count > 0;

    /// <summary>The <c>xmlns</c> declarations of the file, sorted by prefix (empty for a collecting scope).</summary>
    public IReadOnlyList<string> Declarations => _prefixes is null
        ? _placeholders is null ? [] : Enumerable.Range(0, _placeholders.Count).Select(DeclarationPlaceholder).ToList()
        : _prefixes.OrderBy(p => p.Value, StringComparer.Ordinal).Select(p => $"xmlns {BallerinaSyntax.StringLiteral(p.Key)} as {p.Value};").ToList();

    /// <summary>
    /// The prefix declared for <paramref name="uri"/>, or null when the step keeps the <c>.elements("{uri}local")</c>
    /// form (first pass, or an empty namespace name, which a prefix cannot be declared for).
    /// </summary>
    /// <param name="sourcePrefix">The prefix the expression was written with in the Synapse source.</param>
    public string? Prefix(string uri, string? sourcePrefix)
    {
        if (uri.Length == 0)
        {
            return null;
        }

        if (_prefixes is null)
        {
            if (!_collected.TryGetValue(uri, out var prefixes))
            {
                _collected[uri] = prefixes = new SortedSet<string>(StringComparer.Ordinal);
            }

            if (sourcePrefix is not null)
            {
                prefixes.Add(sourcePrefix);
            }

            return _placeholders is null ? null : PrefixPlaceholder(uri);
        }

        return _prefixes.GetValueOrDefault(uri);
    }

    /// <summary>
    /// Chooses the prefix of each namespace the first pass recorded: the source prefix when it is a plain identifier,
    /// maps to this one namespace across the file and clashes with nothing; otherwise the first free <c>nsN</c>.
    /// </summary>
    /// <param name="firstPass">The file as the first pass wrote it: a prefix the code already uses as a module prefix (<c>p:</c>) is not taken.</param>
    public XmlNamespaceScope Resolve(string firstPass)
    {
        var used = QualifiedPrefixes(CodeOnly(firstPass));

        var urisOfPrefix = _collected.SelectMany(c => c.Value.Select(p => (Prefix: p, Uri: c.Key)))
            .GroupBy(p => p.Prefix, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var prefixes = new Dictionary<string, string>(StringComparer.Ordinal);
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var uris = _collected.Keys.Order(StringComparer.Ordinal).ToList();
        foreach (var uri in uris)
        {
            var source = _collected[uri].FirstOrDefault(p =>
                PlainPrefix().IsMatch(p) && urisOfPrefix[p] == 1 && !Reserved.Contains(p) && !used.Contains(p) && !taken.Contains(p));
            if (source is not null)
            {
                prefixes[uri] = source;
                taken.Add(source);
            }
        }

        var next = 1;
        foreach (var uri in uris.Where(u => !prefixes.ContainsKey(u)))
        {
            string candidate;
            do
            {
                candidate = "ns" + next++;
            }
            while (taken.Contains(candidate) || used.Contains(candidate) || urisOfPrefix.ContainsKey(candidate));

            prefixes[uri] = candidate;
            taken.Add(candidate);
        }

        return new XmlNamespaceScope(_collected, prefixes);
    }

    /// <summary>
    /// The code of a Ballerina source with the text of comments, string literals and template literals blanked out
    /// (the expressions interpolated in a template are kept): where a module prefix can be in use.
    /// </summary>
    internal static string CodeOnly(string source)
    {
        var result = new System.Text.StringBuilder(source.Length);
        var braces = new Stack<int>(); // per open interpolation: the depth of braces inside it
        var inTemplate = false;
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            if (inTemplate)
            {
                if (c == '`')
                {
                    inTemplate = false;
                }
                else if (c == '$' && i + 1 < source.Length && source[i + 1] == '{')
                {
                    inTemplate = false;
                    braces.Push(0);
                    i++;
                }

                result.Append(c == '\n' ? '\n' : ' ');
                continue;
            }

            switch (c)
            {
                case '/' when i + 1 < source.Length && source[i + 1] == '/':
                    while (i < source.Length && source[i] != '\n')
                    {
                        i++;
                    }

                    result.Append('\n');
                    continue;
                case '"':
                    for (i++; i < source.Length && source[i] != '"' && source[i] != '\n'; i++)
                    {
                        if (source[i] == '\\')
                        {
                            i++;
                        }
                    }

                    result.Append(' ');
                    continue;
                case '`':
                    inTemplate = true;
                    result.Append(' ');
                    continue;
                case '{' when braces.Count > 0:
                    braces.Push(braces.Pop() + 1);
                    break;
                case '}' when braces.Count > 0:
                    var depth = braces.Pop();
                    if (depth == 0)
                    {
                        inTemplate = true;
                        result.Append(' ');
                        continue;
                    }

                    braces.Push(depth - 1);
                    break;
            }

            result.Append(c);
        }

        return result.ToString();
    }

    /// <summary>
    /// Every identifier followed by a colon: a module prefix in use (<c>http:</c>), or text that looks like one. The
    /// identifier (<c>[A-Za-z_][A-Za-z0-9_]*</c>) is a whole run of identifier characters not preceded by one, a quote
    /// or a backslash; one scan of the text (this runs over every generated file that navigates XML).
    /// </summary>
    internal static HashSet<string> QualifiedPrefixes(string code)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        var i = 0;
        while (i < code.Length)
        {
            var c = code[i];
            if (!IsIdentifierPart(c))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < code.Length && IsIdentifierPart(code[i]))
            {
                i++;
            }

            if (i < code.Length && code[i] == ':' && !char.IsAsciiDigit(c) && (start == 0 || code[start - 1] is not ('\'' or '\\')))
            {
                used.Add(code[start..i]);
            }
        }

        return used;
    }

    private static bool IsIdentifierPart(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    /// <summary>A source prefix that is a Ballerina identifier as it is, without escapes.</summary>
    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]*$")]
    private static partial Regex PlainPrefix();
}
