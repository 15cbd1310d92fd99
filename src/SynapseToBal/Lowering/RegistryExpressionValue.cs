using System.Text;
using System.Xml;
using System.Xml.Linq;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

/// <summary>
/// The value an expression reads from a registry resource of the input project, computed at conversion time as the
/// Micro Integrator's registry (<c>MicroIntegratorRegistry</c>) gives it: a resource that parses as XML is its root
/// element (<c>OMElement.toString()</c>; here the file's own text of that element), any other resource is text
/// (media type <c>text/plain</c>, the default) or binary (any other media type). The two readers differ:
/// <list type="bullet">
/// <item>XPath <c>get-property('registry', key)</c> (<c>GetPropertyFunction</c>): a text resource is its lines joined
/// with the line separator and the last one dropped (<c>readNonXML</c>), a binary one the base64 of its bytes
/// (<c>OMText.getText()</c> of a DataHandler).</item>
/// <item>MI 4.4 <c>registry(key)</c> (<c>EvaluationContext.getRegistryResource</c>): the OMText's text is base64-decoded
/// and read as UTF-8, which gives a binary resource's bytes as UTF-8 text and makes a text resource fail unless its
/// text is valid base64 (<c>IllegalArgumentException</c>, which the expression's error handling does not catch).</item>
/// </list>
/// </summary>
public static class RegistryExpressionValue
{
    /// <summary>The largest resource whose value is written into the package as a string literal.</summary>
    public const int MaxInlineBytes = 1024 * 1024;

    /// <summary>The value, or null with the reason it is not translated.</summary>
    public static (string? Value, string? Reason) Read(byte[] bytes, string text, string? mediaType, bool synapseExpression)
    {
        if (bytes.Length > MaxInlineBytes)
        {
            return (null, $"the resource is {bytes.Length} bytes long, more than the {MaxInlineBytes} the converter writes into the package");
        }

        if (XmlRoot(text) is { } root)
        {
            return root.Reason is null ? (root.Text, null) : (null, root.Reason);
        }

        var textual = mediaType is null || mediaType.Trim().Length == 0 || mediaType.Trim() == "text/plain";
        if (!synapseExpression)
        {
            return textual ? (Lines(text), null) : (Convert.ToBase64String(bytes), null);
        }

        if (!textual)
        {
            return (new UTF8Encoding(false, false).GetString(bytes), null);
        }

        return JavaBase64Decode(Lines(text)) is { } decoded
            ? (new UTF8Encoding(false, false).GetString(decoded), null)
            : (null, "a text/plain resource: EvaluationContext.getRegistryResource base64-decodes its text, which is not base64, so the Micro Integrator fails with an IllegalArgumentException its expression error handling does not catch");
    }

    /// <summary>readNonXML for text/plain: BufferedReader lines, each followed by the line separator ("\n"), the last one removed.</summary>
    internal static string Lines(string text)
    {
        var builder = new StringBuilder();
        using var reader = new StringReader(text);
        while (reader.ReadLine() is { } line)
        {
            builder.Append(line).Append('\n');
        }

        if (builder.Length > 0)
        {
            builder.Length--;
        }

        return builder.ToString();
    }

    /// <summary>
    /// java.util.Base64.getDecoder().decode: the basic alphabet only (no whitespace), padding optional but, when present,
    /// complete and last; a final unit of one character is an error. Null where Java throws.
    /// </summary>
    internal static byte[]? JavaBase64Decode(string text)
    {
        var body = text;
        var padding = 0;
        var firstPad = text.IndexOf('=', StringComparison.Ordinal);
        if (firstPad >= 0)
        {
            padding = text.Length - firstPad;
            body = text[..firstPad];
            if (padding > 2 || text[firstPad..].Any(c => c != '=') || (body.Length + padding) % 4 != 0 || body.Length % 4 is 0 or 1)
            {
                return null;
            }
        }

        if (body.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '+' or '/')) || body.Length % 4 == 1)
        {
            return null;
        }

        var padded = body + new string('=', (4 - (body.Length % 4)) % 4);
        try
        {
            return Convert.FromBase64String(padded);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>
    /// The root element's text when the resource is XML (null when it is not), or the reason it is not translated:
    /// a DOCTYPE (entities the StAX parser would expand) or nodes after the root element.
    /// </summary>
    private static (string? Text, string? Reason)? XmlRoot(string text)
    {
        XDocument document;
        try
        {
            document = XmlSource.ParseText(text, LoadOptions.PreserveWhitespace);
        }
        catch (XmlException ex) when (ex.Message.Contains("DTD", StringComparison.Ordinal))
        {
            return (null, "an XML resource with a DOCTYPE, whose entities the Micro Integrator's parser expands");
        }
        catch (XmlException)
        {
            return null;
        }

        if (document.Root is not { } root || document.DocumentType is not null)
        {
            return (null, "an XML resource with a DOCTYPE, whose entities the Micro Integrator's parser expands");
        }

        if (root.NodesAfterSelf().Any(n => n is not XText))
        {
            return (null, "an XML resource with comments or processing instructions after its root element");
        }

        // The root element's own text: from its start tag (after the prolog) to its end tag.
        var start = RootStart(text);
        var end = text.LastIndexOf('>');
        return start < 0 || end < start ? (null, "an XML resource whose root element the converter could not delimit") : (text[start..(end + 1)], null);
    }

    /// <summary>The index of the root element's '&lt;': past the XML declaration, comments, processing instructions and whitespace.</summary>
    private static int RootStart(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]) || text[i] == '\uFEFF')
            {
                i++;
            }
            else if (text.AsSpan(i).StartsWith("<?"))
            {
                var close = text.IndexOf("?>", i + 2, StringComparison.Ordinal);
                if (close < 0)
                {
                    return -1;
                }

                i = close + 2;
            }
            else if (text.AsSpan(i).StartsWith("<!--"))
            {
                var close = text.IndexOf("-->", i + 4, StringComparison.Ordinal);
                if (close < 0)
                {
                    return -1;
                }

                i = close + 3;
            }
            else
            {
                return text[i] == '<' ? i : -1;
            }
        }

        return -1;
    }
}
