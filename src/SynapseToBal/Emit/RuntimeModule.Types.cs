using System.Collections.Immutable;
using System.Text;

namespace SynapseToBal.Emit;

// types.bal pruned to what a package reaches (issue 14): the types its files and its support.bal name, the types
// those name in turn, and of a closed record only the fields with a default that some code names.
public sealed partial class RuntimeModule
{
    /// <summary>
    /// A field of a closed record of <c>types.bal</c>: its text (with the documentation lines before it), whether it
    /// has a default (only such a field may be left out: no record constructor needs it), and what its type names.
    /// </summary>
    internal sealed record TypeField(string Name, string Text, bool Defaulted, ImmutableHashSet<string> Identifiers, ImmutableHashSet<string> Prefixes);

    /// <summary>
    /// A declaration of <c>types.bal</c>: a closed record split into the text before its fields (<paramref name="Head"/>),
    /// its fields and the text after them (<paramref name="Tail"/>); any other declaration (or a record whose fields this
    /// reading cannot tell apart) has no fields and is kept whole (<paramref name="Head"/> is its text).
    /// </summary>
    internal sealed record TypeDeclaration(Declaration Declaration, string Head, ImmutableArray<TypeField> Fields, string Tail, ImmutableHashSet<string> HeadIdentifiers, ImmutableHashSet<string> HeadPrefixes);

    internal sealed record TypeSource(ImmutableArray<Import> Imports, ImmutableArray<TypeDeclaration> Declarations);

    /// <summary><c>types.bal</c> as declarations and fields, for <see cref="Types(IEnumerable{string}, bool)"/>.</summary>
    internal static TypeSource ParseTypes(string types)
    {
        var parsed = Parse(types, TypesSource);
        return new TypeSource(parsed.Imports, [.. parsed.Declarations.Select(SplitRecord)]);
    }

    private static TypeDeclaration SplitRecord(Declaration declaration)
    {
        var whole = new TypeDeclaration(declaration, declaration.Text, [], string.Empty, declaration.Identifiers, declaration.Prefixes);
        var lines = declaration.Text.Split('\n');
        var open = Array.FindIndex(lines, l => !IsCommentLine(l) && l.TrimEnd().EndsWith("record {|", StringComparison.Ordinal));
        var close = Array.FindLastIndex(lines, l => l.Trim() == "|};");
        if (declaration.Names.Length != 1 || open < 0 || close <= open)
        {
            return whole;
        }

        var fields = ImmutableArray.CreateBuilder<TypeField>();
        var chunk = new List<string>();
        for (var i = open + 1; i < close; i++)
        {
            chunk.Add(lines[i]);
            if (IsCommentLine(lines[i]) || !lines[i].TrimEnd().EndsWith(';'))
            {
                continue;
            }

            if (Field(string.Join('\n', chunk)) is not { } field)
            {
                return whole;
            }

            fields.Add(field);
            chunk.Clear();
        }

        if (chunk.Any(l => l.Trim().Length > 0) || fields.Count == 0)
        {
            return whole;
        }

        var head = string.Join('\n', lines.Take(open + 1));
        var headTokens = Tokens(head);
        return new TypeDeclaration(declaration, head, fields.ToImmutable(), string.Join('\n', lines.Skip(close)),
            headTokens.Where(t => t.Kind == TokenKind.Identifier).Select(t => t.Text).ToImmutableHashSet(StringComparer.Ordinal),
            headTokens.Where(t => t.IsPrefix).Select(t => t.Text).ToImmutableHashSet(StringComparer.Ordinal));
    }

    private static bool IsCommentLine(string line) => line.TrimStart() is var t && (t.StartsWith('#') || t.StartsWith("//", StringComparison.Ordinal));

    /// <summary>A field (<c>Type name = default;</c> or <c>Type name;</c>) with its documentation lines; null when it is not one.</summary>
    private static TypeField? Field(string text)
    {
        var tokens = Tokens(text);
        if (tokens.Count < 3 || tokens[^1] is not { Kind: TokenKind.Punct, Text: ";" })
        {
            return null;
        }

        var depth = 0;
        var equals = -1;
        for (var i = 0; i < tokens.Count - 1 && equals < 0; i++)
        {
            if (tokens[i].Kind != TokenKind.Punct)
            {
                continue;
            }

            depth += tokens[i].Text is "(" or "[" or "{" ? 1 : tokens[i].Text is ")" or "]" or "}" ? -1 : 0;
            if (depth == 0 && tokens[i].Text == "=" && !(i + 1 < tokens.Count && tokens[i + 1].Text == ">"))
            {
                equals = i;
            }
        }

        var nameAt = (equals < 0 ? tokens.Count - 1 : equals) - 1;
        if (tokens[nameAt].Kind != TokenKind.Identifier)
        {
            return null;
        }

        var typeTokens = tokens.Take(nameAt).ToList();
        return new TypeField(tokens[nameAt].Text, text, equals >= 0,
            typeTokens.Where(t => t.Kind == TokenKind.Identifier).Select(t => t.Text).ToImmutableHashSet(StringComparer.Ordinal),
            typeTokens.Where(t => t.IsPrefix).Select(t => t.Text).ToImmutableHashSet(StringComparer.Ordinal));
    }

    private static List<Token> Tokens(string text)
    {
        var lexer = new Lexer(text);
        lexer.Run();
        return lexer.Tokens;
    }

    /// <summary>
    /// <c>types.bal</c> for a package whose own generated <c>.bal</c> files and <c>support.bal</c> are
    /// <paramref name="packageFiles"/>: the header, the imports the kept text uses, the types those files name and the
    /// types the kept ones name in turn; of a closed record, the fields without a default and those with one that the
    /// files name (a field access, a record constructor's key: a field no code names is never read or set). With
    /// <paramref name="typedProperties"/>, the <c>Context</c>'s <c>properties</c> field is typed <c>Properties</c>
    /// (<see cref="Types(bool)"/>). Null when the files name no type of it.
    /// </summary>
    public string? Types(IEnumerable<string> packageFiles, bool typedProperties)
    {
        var found = TypeNamesIn(packageFiles);
        var kept = new SortedDictionary<int, List<TypeField>>();
        var byName = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < _typeSource.Declarations.Length; i++)
        {
            foreach (var name in _typeSource.Declarations[i].Declaration.Names)
            {
                byName.TryAdd(name, i);
            }
        }

        var pending = new Stack<int>(found.Where(byName.ContainsKey).Select(n => byName[n]).Distinct().OrderDescending());
        while (pending.TryPop(out var index))
        {
            if (kept.ContainsKey(index))
            {
                continue;
            }

            var declaration = _typeSource.Declarations[index];
            var fields = declaration.Fields.Where(f => !f.Defaulted || found.Contains(f.Name)).ToList();
            kept[index] = fields;
            foreach (var name in declaration.HeadIdentifiers.Concat(fields.SelectMany(f => f.Identifiers)))
            {
                if (byName.TryGetValue(name, out var reached) && !kept.ContainsKey(reached))
                {
                    pending.Push(reached);
                }
            }
        }

        if (kept.Count == 0)
        {
            return null;
        }

        var prefixes = kept.SelectMany(k => _typeSource.Declarations[k.Key].HeadPrefixes.Concat(k.Value.SelectMany(f => f.Prefixes))).ToHashSet(StringComparer.Ordinal);
        var builder = new StringBuilder(TypesHeader).Append('\n');
        foreach (var import in _typeSource.Imports.Where(i => prefixes.Contains(i.Prefix)))
        {
            builder.Append(import.Text).Append('\n');
        }

        builder.Append('\n').AppendJoin("\n\n", kept.Select(k => Text(_typeSource.Declarations[k.Key], k.Value, typedProperties))).Append('\n');
        return builder.ToString();
    }

    private string Text(TypeDeclaration declaration, List<TypeField> fields, bool typedProperties)
    {
        if (declaration.Fields.IsEmpty)
        {
            return declaration.Head;
        }

        var text = string.Join('\n', [declaration.Head, .. fields.Select(f => f.Text), declaration.Tail]);
        if (typedProperties && fields.Any(f => f.Text.Split('\n').Contains(PropertiesField)))
        {
            if (!SupportsTypedProperties)
            {
                throw new InvalidOperationException("types.bal does not declare the properties field the typed Properties record replaces.");
            }

            text = string.Join('\n', text.Split('\n').Select(l => l == PropertiesField ? TypedPropertiesField : l));
        }

        return text;
    }

    /// <summary>The type names and record field names of <c>types.bal</c> that <paramref name="files"/> name (a field as a member after '.' too).</summary>
    private HashSet<string> TypeNamesIn(IEnumerable<string> files)
    {
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var declaration in _typeSource.Declarations)
        {
            foreach (var name in declaration.Declaration.Names)
            {
                names.TryAdd(name, 0);
            }

            foreach (var field in declaration.Fields.Where(f => f.Defaulted))
            {
                names.TryAdd(field.Name, 0);
                fields.TryAdd(field.Name, field.Name);
            }
        }

        var found = new HashSet<string>(StringComparer.Ordinal);
        var arguments = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var text in files)
        {
            new Lexer(Normalize(text), (names.GetAlternateLookup<ReadOnlySpan<char>>(), found, fields.GetAlternateLookup<ReadOnlySpan<char>>(), arguments.GetAlternateLookup<ReadOnlySpan<char>>())).Run();
        }

        return found;
    }

    /// <summary>
    /// The types and record fields a <c>types.bal</c> declares, sorted: <c>Context</c>, <c>Context.messageId</c>, ... (the
    /// golden cases' <c>types.used.txt</c>).
    /// </summary>
    internal static IReadOnlyList<string> TypeMembers(string types) =>
        [.. ParseTypes(types).Declarations
            .SelectMany(d => d.Declaration.Names.Concat(d.Fields.Select(f => d.Declaration.Names[0] + "." + f.Name)))
            .Order(StringComparer.Ordinal)];
}
