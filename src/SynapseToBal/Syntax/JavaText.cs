namespace SynapseToBal.Syntax;

/// <summary>Java's string trimming, which the Micro Integrator applies to names and built payloads.</summary>
internal static class JavaText
{
    /// <summary>The characters Java's <c>String.trim</c> removes from both ends: every one up to U+0020.</summary>
    public static readonly char[] Trimmed = [.. Enumerable.Range(0, 0x21).Select(c => (char)c)];

    /// <summary>The text without the leading and trailing characters up to U+0020, as Java's <c>String.trim</c> removes them.</summary>
    public static string? Trim(string? text) => text?.Trim(Trimmed);
}
