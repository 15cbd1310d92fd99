using System.Collections.Immutable;
using System.Globalization;
using SynapseToBal.IR;

namespace SynapseToBal.Lowering;

/// <summary>
/// Reads a Quartz cron expression as the Micro Integrator's task scheduler does (quartz 2.3 <c>CronExpression</c>,
/// through ntask's <c>AbstractQuartzTaskManager</c> and <c>CronScheduleBuilder.cronSchedule</c>): seconds, minutes,
/// hours, day-of-month, month, day-of-week and an optional year; <c>*</c>, <c>?</c>, values, ranges (wrapping past
/// the field's end), steps, lists, month and day names, <c>L</c>, <c>L-n</c>, <c>W</c>, <c>LW</c>, <c>nL</c> and
/// <c>n#k</c>. The result has every field expanded to the values it allows, which the runtime's
/// <c>nextCronTime</c> walks. An expression Quartz rejects, or a form this reader does not expand, gives the reason.
/// </summary>
internal static class QuartzCron
{
    private static readonly string[] MonthNames = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
    private static readonly string[] DayNames = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    // The fields, their bounds and their names in Quartz's order.
    private static readonly (string Name, int Min, int Max)[] Fields =
    [
        ("seconds", 0, 59), ("minutes", 0, 59), ("hours", 0, 23), ("day-of-month", 1, 31), ("month", 1, 12), ("day-of-week", 1, 7), ("year", 1970, 2299),
    ];

    /// <summary>The schedule <paramref name="expression"/> describes, or null with <paramref name="why"/> saying why not.</summary>
    /// <param name="rejected">True when Quartz itself rejects the expression (the Micro Integrator then does not deploy it).</param>
    public static CronIr? Parse(string expression, out string? why, out bool rejected)
    {
        why = null;
        rejected = true;

        // CronExpression upper-cases the expression (Locale.US) and splits it on white space.
        var parts = expression.ToUpperInvariant().Split([' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 6)
        {
            why = $"it has {parts.Length} fields where Quartz needs at least 6 (seconds minutes hours day-of-month month day-of-week [year])";
            return null;
        }

        if (parts.Length > 7)
        {
            rejected = false;
            why = $"it has {parts.Length} fields: Quartz ignores those after the year, which the converter does not assume";
            return null;
        }

        var values = new ImmutableArray<int>[7];
        for (var i = 0; i < parts.Length; i++)
        {
            if (i is 3 or 5)
            {
                continue;
            }

            if (Field(parts[i], i, out why) is not { } set)
            {
                return null;
            }

            values[i] = set;
        }

        var dayOfMonth = parts[3];
        var dayOfWeek = parts[5];
        var noDayOfMonth = dayOfMonth == "?";
        var noDayOfWeek = dayOfWeek == "?";
        if (noDayOfMonth == noDayOfWeek)
        {
            // CronExpression.buildExpression: exactly one of the two day fields must be '?'.
            why = noDayOfMonth
                ? "both day fields are '?'"
                : "it specifies both a day-of-month and a day-of-week (Quartz: \"Support for specifying both a day-of-week AND a day-of-month parameter is not implemented\"; one of them must be '?')";
            return null;
        }

        var cron = new CronIr(expression.Trim(), values[0], values[1], values[2], values[4], parts.Length == 7 ? values[6] : []);
        return noDayOfWeek ? DaysOfMonth(cron, dayOfMonth, out why) : DaysOfWeek(cron, dayOfWeek, out why);
    }

    private static CronIr? DaysOfMonth(CronIr cron, string text, out string? why)
    {
        why = null;
        if (text.StartsWith('L'))
        {
            // L (the last day), L-n (n days before it), LW and L-nW (the weekday nearest those); with no other value.
            var rest = text[1..];
            var nearest = rest.EndsWith('W');
            if (nearest)
            {
                rest = rest[..^1];
            }

            var offset = 0;
            if (rest.Length > 0 && !(rest[0] == '-' && int.TryParse(rest[1..], NumberStyles.None, CultureInfo.InvariantCulture, out offset)))
            {
                why = $"'{text}' in the day-of-month field is not L, L-n, LW or L-nW (Quartz: \"Support for specifying 'L' and 'LW' with other days of the month is not implemented\")";
                return null;
            }

            if (offset > 30)
            {
                why = $"'{text}': the offset from the last day must be at most 30";
                return null;
            }

            return cron with { LastDayOffset = offset, NearestWeekday = nearest };
        }

        if (text.EndsWith('W'))
        {
            // nW: the weekday nearest day n, within the month; a single day only.
            if (!int.TryParse(text[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var day) || day is < 1 or > 31)
            {
                why = $"'{text}' in the day-of-month field: W takes a single day from 1 to 31";
                return null;
            }

            return cron with { Days = [day], NearestWeekday = true };
        }

        return Field(text, 3, out why) is { } days ? cron with { Days = days } : null;
    }

    private static CronIr? DaysOfWeek(CronIr cron, string text, out string? why)
    {
        why = null;
        if (text == "L")
        {
            // L alone in the day-of-week field is the last day of the week: Saturday.
            return cron with { ByWeekday = true, Days = [7] };
        }

        if (text.EndsWith('L'))
        {
            // nL: the last such weekday of the month.
            if (Value(text[..^1], 5) is not { } day)
            {
                why = $"'{text}' in the day-of-week field: L takes a single day (1-7 or SUN-SAT) before it";
                return null;
            }

            return cron with { ByWeekday = true, LastWeekday = day };
        }

        if (text.Contains('#'))
        {
            // n#k: the k-th such weekday of the month.
            var sides = text.Split('#');
            if (sides.Length != 2 || Value(sides[0], 5) is not { } day || !int.TryParse(sides[1], NumberStyles.None, CultureInfo.InvariantCulture, out var nth) || nth is < 1 or > 5)
            {
                why = $"'{text}' in the day-of-week field is not n#k with a day (1-7 or SUN-SAT) and k from 1 to 5";
                return null;
            }

            return cron with { ByWeekday = true, NthWeekday = day, Nth = nth };
        }

        return Field(text, 5, out why) is { } days ? cron with { ByWeekday = true, Days = days } : null;
    }

    /// <summary>The values a field allows, in order; empty for every value (<c>*</c>).</summary>
    private static ImmutableArray<int>? Field(string text, int field, out string? why)
    {
        why = null;
        var (name, min, max) = Fields[field];
        if (text == "*")
        {
            return [];
        }

        var set = new SortedSet<int>();
        foreach (var item in text.Split(','))
        {
            var step = 1;
            var range = item;
            var slash = item.IndexOf('/', StringComparison.Ordinal);
            if (slash >= 0)
            {
                if (!int.TryParse(item[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out step) || step < 1 || step > max)
                {
                    why = $"'{item}' in the {name} field: the step after '/' must be a number from 1 to {max}";
                    return null;
                }

                // A step with no start ('/5') steps from the field's start, as '*/5' does.
                range = slash == 0 ? "*" : item[..slash];
            }

            int from, to;
            if (range == "*")
            {
                (from, to) = (min, max);
            }
            else if (range.IndexOf('-', StringComparison.Ordinal) is var dash and > 0)
            {
                if (Value(range[..dash], field) is not { } start || Value(range[(dash + 1)..], field) is not { } end)
                {
                    why = $"'{item}' in the {name} field is not a range of values from {min} to {max}{Names(field)}";
                    return null;
                }

                (from, to) = (start, end);
            }
            else if (Value(range, field) is { } single)
            {
                // n/step runs from n to the field's end; n alone is that value.
                (from, to) = (single, slash >= 0 ? max : single);
            }
            else
            {
                // '?' outside the day fields, or L, W and # beside other values: Quartz rejects them too.
                why = range.Contains('L') || range.Contains('W') || range.Contains('#') || range == "?"
                    ? $"'{item}' cannot stand in the {name} field {(text.Contains(',') ? "beside other values" : "here")}"
                    : $"'{item}' in the {name} field is not a value from {min} to {max}{Names(field)}";
                return null;
            }

            // A range whose end is below its start wraps past the field's end (CronExpression.addToSet).
            var span = to >= from ? to - from : to + (max - min + 1) - from;
            for (var offset = 0; offset <= span; offset += step)
            {
                var value = from + offset;
                set.Add(value > max ? value - (max - min + 1) : value);
            }
        }

        return set.Count == max - min + 1 && field != 6 ? [] : [.. set];
    }

    private static int? Value(string text, int field)
    {
        var (_, min, max) = Fields[field];
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return number >= min && number <= max ? number : null;
        }

        var names = field switch { 4 => MonthNames, 5 => DayNames, _ => [] };
        var index = Array.IndexOf(names, text);
        return index >= 0 ? index + 1 : null;
    }

    private static string Names(int field) => field switch { 4 => " or JAN-DEC", 5 => " or SUN-SAT", _ => string.Empty };
}
