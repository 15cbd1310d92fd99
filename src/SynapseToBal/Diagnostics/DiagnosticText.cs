using System.Globalization;

namespace SynapseToBal.Diagnostics;

/// <summary>
/// Bounds what a diagnostic quotes. Every diagnostic's arguments go through <see cref="Bound(object?[])"/> (in
/// <see cref="DiagnosticBag.Report"/> and the two places that create diagnostics themselves), so an expression, a value
/// or a piece of XML quoted from the input, alone or inside a sentence, is never printed whole when it is huge: a
/// 700 KB expression with a syntax error made a 700 KB console line, report row and SARIF result.
/// </summary>
public static class DiagnosticText
{
    /// <summary>An argument up to this many characters is kept whole (every sentence the converter writes is shorter).</summary>
    public const int MaxLength = 1_000;

    /// <summary>How many characters a longer argument keeps at each end, around the note of what was left out.</summary>
    public const int KeptAtEachEnd = 200;

    /// <summary>
    /// <paramref name="text"/> itself when it has at most <see cref="MaxLength"/> characters; else its first and last
    /// <see cref="KeptAtEachEnd"/> characters around <c>... [N characters in all, M left out] ...</c>. Both ends are
    /// kept so that a sentence quoting a long value still ends with what it says about it; a surrogate pair is never
    /// cut in two.
    /// </summary>
    public static string Bound(string text)
    {
        if (text.Length <= MaxLength)
        {
            return text;
        }

        var head = KeptAtEachEnd;
        if (char.IsHighSurrogate(text[head - 1]))
        {
            head--;
        }

        var tail = text.Length - KeptAtEachEnd;
        if (char.IsLowSurrogate(text[tail]))
        {
            tail--;
        }

        var all = text.Length.ToString("N0", CultureInfo.InvariantCulture);
        var left = (tail - head).ToString("N0", CultureInfo.InvariantCulture);
        return $"{text[..head]}... [{all} characters in all, {left} left out] ...{text[tail..]}";
    }

    /// <summary>The arguments of a diagnostic with every string <see cref="Bound(string)"/>ed (the same array when none is too long).</summary>
    public static object?[] Bound(object?[]? args)
    {
        if (args is null || !args.Any(a => a is string { Length: > MaxLength }))
        {
            return args ?? [];
        }

        return [.. args.Select(a => a is string text ? Bound(text) : a)];
    }
}
