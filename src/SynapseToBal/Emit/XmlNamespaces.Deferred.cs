using System.Text;

namespace SynapseToBal.Emit;

/// <summary>
/// Rendering a file once: a <see cref="Deferring"/> scope records the namespaces like a collecting one, but writes
/// every step in the declared-prefix form with a placeholder for the prefix (<c>x/&lt;*&gt;.&lt;\u0001N\u0001:local&gt;</c>)
/// and gives a placeholder line per declaration. <see cref="Fill"/> then chooses the prefixes exactly as the
/// collecting pass and <see cref="Resolve"/> would (the placeholders hide no module prefix, and the steps the
/// collecting pass writes hide none either: their names are in string literals) and puts them in. When the text
/// does not allow that to be done exactly, <see cref="Fill"/> returns null and the file is rendered twice as before.
/// </summary>
internal sealed partial class XmlNamespaceScope
{
    /// <summary>Opens and closes the number of a namespace whose prefix is not chosen yet (not a character of XML 1.0 text; escaped in strings and comments).</summary>
    internal const char PrefixMark = '\u0001';

    /// <summary>Opens and closes the number of a declaration whose text is not known yet.</summary>
    internal const char DeclarationMark = '\u0002';

    /// <summary>Characters that change what <see cref="CodeOnly"/> reads as code: a name holding one is read differently in a string literal and in a step.</summary>
    private const string CodeStateChars = "\"`/{}\n\r\u0001\u0002";

    [ThreadStatic]
    private static bool t_placeholderInspected;

    /// <summary>A scope that records the namespaces written through it and writes placeholders for their prefixes (a file rendered once).</summary>
    public static XmlNamespaceScope Deferring() => new([], null, new Dictionary<string, int>(StringComparer.Ordinal));

    /// <summary>
    /// Called by code that decides something from the text of an expression: when the text holds a prefix placeholder,
    /// the decision could differ once the prefix is known, so the file is rendered again with the prefixes chosen.
    /// </summary>
    internal static void Inspected(string text)
    {
        if (text.Contains(PrefixMark, StringComparison.Ordinal))
        {
            t_placeholderInspected = true;
        }
    }

    /// <summary>Starts a deferred render: no inspection of a placeholder noted yet.</summary>
    internal static void ResetInspected() => t_placeholderInspected = false;

    /// <summary>Whether a placeholder's text was inspected since the last reset; resets it (a construct rendered apart reads its own).</summary>
    internal static bool TakeInspected()
    {
        var inspected = t_placeholderInspected;
        t_placeholderInspected = false;
        return inspected;
    }

    /// <summary>Notes that a placeholder's text was inspected (by a construct joined into the file being rendered).</summary>
    internal static void MarkInspected() => t_placeholderInspected = true;

    /// <summary>True for a scope that writes placeholders (<see cref="Deferring"/>).</summary>
    public bool IsDeferring => _placeholders is not null;

    /// <summary>The namespaces a deferring scope recorded, in the order of their placeholders, each with its source prefixes.</summary>
    internal IReadOnlyList<RecordedNamespace> Recorded() => _placeholders is null
        ? []
        : _placeholders.OrderBy(p => p.Value).Select(p => new RecordedNamespace(p.Key, _collected[p.Key].ToList())).ToList();

    /// <summary>
    /// Adds the namespaces a construct recorded in its own deferring scope to this (the file's) deferring scope, as if
    /// the construct had written them through it, and returns the construct's text with its placeholders renumbered to
    /// the file's (a namespace is numbered when it is first written in the file, as one scope over the file numbers it).
    /// </summary>
    internal string Adopt(IReadOnlyList<RecordedNamespace> recorded, string text)
    {
        var placeholders = _placeholders ?? throw new InvalidOperationException("Only a deferring scope adopts a construct's namespaces.");
        var renumbered = new int[recorded.Count];
        var identity = true;
        for (var i = 0; i < recorded.Count; i++)
        {
            var (uri, sourcePrefixes) = (recorded[i].Uri, recorded[i].SourcePrefixes);
            if (!_collected.TryGetValue(uri, out var prefixes))
            {
                _collected[uri] = prefixes = new SortedSet<string>(StringComparer.Ordinal);
            }

            prefixes.UnionWith(sourcePrefixes);
            if (!placeholders.TryGetValue(uri, out var number))
            {
                placeholders[uri] = number = placeholders.Count;
            }

            renumbered[i] = number;
            identity &= number == i;
        }

        if (identity)
        {
            return text;
        }

        var result = new StringBuilder(text.Length);
        var copied = 0;
        var start = text.IndexOf(PrefixMark, StringComparison.Ordinal);
        while (start >= 0)
        {
            var end = text.IndexOf(PrefixMark, start + 1);
            if (end < 0)
            {
                break;
            }

            if (int.TryParse(text.AsSpan(start + 1, end - start - 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var local) && local < renumbered.Length)
            {
                result.Append(text, copied, start - copied).Append(Placeholder(PrefixMark, renumbered[local]));
                copied = end + 1;
                start = text.IndexOf(PrefixMark, copied);
            }
            else
            {
                // Not a placeholder this scope wrote: kept as it is (Fill then finds it malformed and the file is rendered twice).
                start = text.IndexOf(PrefixMark, start + 1);
            }
        }

        return result.Append(text, copied, text.Length - copied).ToString();
    }

    private string PrefixPlaceholder(string uri)
    {
        var placeholders = _placeholders!;
        if (!placeholders.TryGetValue(uri, out var number))
        {
            placeholders[uri] = number = placeholders.Count;
        }

        return Placeholder(PrefixMark, number);
    }

    private static string DeclarationPlaceholder(int number) => Placeholder(DeclarationMark, number);

    private static string Placeholder(char mark, int number) =>
        mark + number.ToString(System.Globalization.CultureInfo.InvariantCulture) + mark;

    /// <summary>
    /// The text rendered through this deferring scope with the prefixes chosen and the declarations written, exactly as
    /// the second of two renders (collecting, then resolved) would have written it; null when that cannot be guaranteed
    /// (a placeholder's text was inspected, or a step's name holds a character that changes how the text reads).
    /// </summary>
    public string? Fill(string rendered)
    {
        var placeholders = _placeholders ?? throw new InvalidOperationException("Only a deferring scope is filled.");
        if (t_placeholderInspected)
        {
            return null;
        }

        var resolved = Resolve(rendered);
        var prefixOf = new string[placeholders.Count];
        foreach (var (uri, number) in placeholders)
        {
            prefixOf[number] = resolved._prefixes![uri];
        }

        var declarations = resolved.Declarations;
        var result = new StringBuilder(rendered.Length + (declarations.Count * 64));
        var copied = 0;
        var i = rendered.AsSpan().IndexOfAny(PrefixMark, DeclarationMark);
        while (i >= 0)
        {
            var mark = rendered[i];
            var end = rendered.IndexOf(mark, i + 1);
            if (end < 0 || !int.TryParse(rendered.AsSpan(i + 1, end - i - 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number))
            {
                return null;
            }

            result.Append(rendered, copied, i - copied);
            if (mark == PrefixMark)
            {
                if (number >= prefixOf.Length || !PlainName(rendered, end + 1))
                {
                    return null;
                }

                result.Append(prefixOf[number]);
            }
            else
            {
                if (number >= declarations.Count)
                {
                    return null;
                }

                result.Append(declarations[number]);
            }

            copied = end + 1;
            var next = rendered.AsSpan(copied).IndexOfAny(PrefixMark, DeclarationMark);
            i = next < 0 ? -1 : copied + next;
        }

        return result.Append(rendered, copied, rendered.Length - copied).ToString();
    }

    /// <summary>
    /// True when a placeholder is followed by <c>:name&gt;</c> whose name (escapes included) holds no character that
    /// changes how <see cref="CodeOnly"/> reads the text: then the step adds no module prefix, as its collecting form does not.
    /// </summary>
    private static bool PlainName(string text, int colon)
    {
        if (colon >= text.Length || text[colon] != ':')
        {
            return false;
        }

        for (var i = colon + 1; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '>')
            {
                return true;
            }

            if (c == '\\')
            {
                i++;
                if (i >= text.Length)
                {
                    return false;
                }

                c = text[i];
            }

            if (CodeStateChars.Contains(c, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return false;
    }
}
