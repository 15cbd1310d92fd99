using System.Text;
using System.Text.RegularExpressions;

namespace SynapseToBal.Project;

/// <summary>
/// Decodes the bytes of an XML file as an XML processor does (XML 1.0 §4.3.3 and appendix F): a byte-order mark
/// first, then the encoding the XML declaration names, else UTF-8. Invalid UTF-8 without a declaration is read as
/// windows-1252 (what such files usually are) and said so, never silently turned into U+FFFD.
/// </summary>
internal static partial class TextDecoding
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static TextDecoding() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The text of <paramref name="bytes"/>; <paramref name="problem"/> says what was guessed, when something was.</summary>
    public static string Decode(byte[] bytes, out string? problem)
    {
        problem = null;
        if (Bom(bytes) is { } bom)
        {
            return bom.Encoding.GetString(bytes, bom.Length, bytes.Length - bom.Length);
        }

        if (DeclaredEncoding(bytes) is { } declared)
        {
            Encoding? encoding;
            try
            {
                encoding = Encoding.GetEncoding(declared, EncoderFallback.ExceptionFallback, DecoderFallback.ReplacementFallback);
            }
            catch (ArgumentException)
            {
                encoding = null;
            }

            if (encoding is null)
            {
                problem = $"the encoding '{declared}' its XML declaration names is not known; it was read as UTF-8";
            }
            else if (encoding.CodePage != Encoding.UTF8.CodePage)
            {
                return encoding.GetString(bytes);
            }
        }

        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            problem ??= "it is not valid UTF-8 and declares no other encoding; it was read as windows-1252: check the non-ASCII text of the generated code";
            return problem.StartsWith("the encoding", StringComparison.Ordinal)
                ? Encoding.UTF8.GetString(bytes)
                : Encoding.GetEncoding(1252).GetString(bytes);
        }
    }

    private static (Encoding Encoding, int Length)? Bom(byte[] bytes) => bytes switch
    {
        [0xEF, 0xBB, 0xBF, ..] => (new UTF8Encoding(false), 3),
        [0xFF, 0xFE, 0x00, 0x00, ..] => (new UTF32Encoding(bigEndian: false, byteOrderMark: false), 4),
        [0x00, 0x00, 0xFE, 0xFF, ..] => (new UTF32Encoding(bigEndian: true, byteOrderMark: false), 4),
        [0xFF, 0xFE, ..] => (new UnicodeEncoding(bigEndian: false, byteOrderMark: false), 2),
        [0xFE, 0xFF, ..] => (new UnicodeEncoding(bigEndian: true, byteOrderMark: false), 2),
        _ => null,
    };

    /// <summary>The encoding name of an ASCII-compatible XML declaration at the very start, if any.</summary>
    private static string? DeclaredEncoding(byte[] bytes)
    {
        if (bytes is not [(byte)'<', (byte)'?', (byte)'x', (byte)'m', (byte)'l', ..])
        {
            return null;
        }

        var head = Encoding.ASCII.GetString(bytes, 0, Math.Min(bytes.Length, 256));
        var end = head.IndexOf("?>", StringComparison.Ordinal);
        var match = EncodingDeclaration().Match(end < 0 ? head : head[..end]);
        return match.Success ? match.Groups["name"].Value : null;
    }

    [GeneratedRegex("""\sencoding\s*=\s*(["'])(?<name>[A-Za-z][A-Za-z0-9._-]*)\1""")]
    private static partial Regex EncodingDeclaration();
}
