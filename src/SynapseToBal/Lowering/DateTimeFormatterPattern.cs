namespace SynapseToBal.Lowering;

/// <summary>
/// <c>java.time.format.DateTimeFormatter.ofPattern</c> patterns (MI 4.4 <c>formatDateTime</c>) that mean the same as the
/// <c>SimpleDateFormat</c> pattern <see cref="JavaDateFormat"/> splits: numeric fields only, y (yy: two digits), M and
/// MM, and d, H, k, K, h, m, s written once or twice. Refused (null): S (a fraction of the second in java.time, the
/// milliseconds in SimpleDateFormat), a field letter repeated more often (java.time throws "Too many pattern
/// letters"), the reserved <c>[</c> <c>]</c> (optional sections) <c>{</c> <c>}</c> <c>#</c>, and whatever
/// <see cref="JavaDateFormat"/> refuses (text, zone and week fields, an unclosed quote).
/// </summary>
public static class DateTimeFormatterPattern
{
    private const string TwoAtMost = "MdHkKhms";

    public static IReadOnlyList<string>? Parts(string pattern)
    {
        var quoted = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\'')
            {
                quoted = !quoted;
                continue;
            }

            if (quoted)
            {
                continue;
            }

            if (c is '[' or ']' or '{' or '}' or '#' or 'S')
            {
                return null;
            }

            if (TwoAtMost.Contains(c) && i + 2 < pattern.Length && pattern[i + 1] == c && pattern[i + 2] == c)
            {
                return null;
            }
        }

        return JavaDateFormat.Parts(pattern);
    }

    /// <summary>
    /// The parts of an input pattern (the second argument of three-argument <c>formatDateTime</c>), which the runtime's
    /// <c>formatDateTime</c> parses as <c>DateTimeFormatter.ofPattern</c> does (strict parsing, SMART resolving), or
    /// null. On top of <see cref="Parts"/>: y only as yy (two digits, 2000-2099) or yyyy (four digits, more only after a
    /// '+'), M, d, H, m, s once or twice; k, K and h are refused (their resolution without an am/pm field is not
    /// modelled). Two fields may follow each other without a literal between them only when the second is a
    /// fixed-width field (MM, dd, HH, mm, ss) and the first is not yy: java.time's adjacent value parsing then gives
    /// the fixed ones their width and the first what is left, which the runtime does too; other adjacent runs are refused.
    /// </summary>
    public static IReadOnlyList<string>? InputParts(string pattern)
    {
        if (Parts(pattern) is not { } parts)
        {
            return null;
        }

        for (var i = 0; i < parts.Count; i++)
        {
            var part = parts[i];
            if (part.StartsWith('\''))
            {
                continue;
            }

            var letter = part[0];
            var allowed = letter == 'y' ? part.Length is 2 or 4 : "MdHms".Contains(letter);
            if (!allowed)
            {
                return null;
            }

            if (i > 0 && !parts[i - 1].StartsWith('\'') && (part.Length != 2 || letter == 'y' || parts[i - 1] == "yy"))
            {
                return null;
            }
        }

        return parts;
    }
}
