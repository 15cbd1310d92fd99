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
}
