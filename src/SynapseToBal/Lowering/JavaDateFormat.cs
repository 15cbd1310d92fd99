using System.Text;

namespace SynapseToBal.Lowering;

/// <summary>
/// Java <c>SimpleDateFormat</c> patterns (<c>get-property('SYSTEM_DATE', 'yyyy-MM-dd')</c>) split into the parts the
/// runtime's <c>formatSystemDate</c> writes: a run of one field letter (<c>yyyy</c>, <c>MM</c>), or literal text
/// after a leading quote (<c>'-</c>). Only numeric fields are translated — y (yy: two digits), M and MM, d, H, k, K,
/// h, m, s, S — since text fields (month and day names, AM/PM, eras) depend on the JVM's default locale and zone
/// fields on its formatting; those patterns, and patterns Java refuses, give null.
/// </summary>
public static class JavaDateFormat
{
    private const string Numeric = "yMdHkKhmsS";

    public static IReadOnlyList<string>? Parts(string pattern)
    {
        var parts = new List<string>();
        var literal = new StringBuilder();
        var i = 0;
        while (i < pattern.Length)
        {
            var c = pattern[i];
            if (c == '\'')
            {
                // '' is a quote; 'text' is literal text, where '' is a quote too.
                if (i + 1 < pattern.Length && pattern[i + 1] == '\'')
                {
                    literal.Append('\'');
                    i += 2;
                    continue;
                }

                i++;
                while (true)
                {
                    if (i >= pattern.Length)
                    {
                        return null;
                    }

                    if (pattern[i] == '\'')
                    {
                        if (i + 1 < pattern.Length && pattern[i + 1] == '\'')
                        {
                            literal.Append('\'');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    literal.Append(pattern[i++]);
                }

                continue;
            }

            if (!char.IsAsciiLetter(c))
            {
                literal.Append(c);
                i++;
                continue;
            }

            if (!Numeric.Contains(c))
            {
                return null;
            }

            var start = i;
            while (i < pattern.Length && pattern[i] == c)
            {
                i++;
            }

            if (c == 'M' && i - start > 2)
            {
                return null;
            }

            if (literal.Length > 0)
            {
                parts.Add("'" + literal);
                literal.Clear();
            }

            parts.Add(pattern[start..i]);
        }

        if (literal.Length > 0)
        {
            parts.Add("'" + literal);
        }

        return parts;
    }
}
