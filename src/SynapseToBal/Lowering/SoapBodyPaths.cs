using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

/// <summary>XPaths that name the message's payload in either SOAP version.</summary>
internal static class SoapBodyPaths
{
    private static readonly string[] SoapNamespaces = ["http://schemas.xmlsoap.org/soap/envelope/", "http://www.w3.org/2003/05/soap-envelope"];

    /// <summary>
    /// Whether an XPath is the union of the first child of a SOAP 1.1 and a SOAP 1.2 Body: the Synapse samples'
    /// <c>s11:Body/child::*[fn:position()=1] | s12:Body/child::*[fn:position()=1]</c>, and AggregateMediator's default
    /// <c>/s11:Envelope/s11:Body/child::*[position()=1] | /s12:Envelope/s12:Body/child::*[position()=1]</c>, which
    /// Developer Studio writes out in every aggregate it generates. Synapse evaluates an XPath with the envelope as its
    /// context node, so the relative and the absolute forms select the same element; a message has one envelope, so
    /// the union is the Body's first child element whatever the SOAP version (<c>$body/*[1]</c>). White space is
    /// ignored and the prefixes are matched by the namespace they are declared with.
    /// </summary>
    public static bool IsFirstBodyChild(ExpressionSyntax? xpath) => IsBodyUnion(xpath, FirstChildSteps);

    /// <summary>
    /// Whether an XPath is the union of every child element of a SOAP 1.1 and a SOAP 1.2 Body
    /// (<c>s11:Body/child::* | s12:Body/child::*</c>, or the <c>/sX:Envelope/sX:Body/*</c> forms), which Developer
    /// Studio and tutorials write as an aggregate's expression: as for <see cref="IsFirstBodyChild"/>, a message has
    /// one envelope, so the union is the Body's child elements whatever the SOAP version (<c>$body/*</c>).
    /// </summary>
    public static bool IsBodyChildren(ExpressionSyntax? xpath) => IsBodyUnion(xpath, ChildrenSteps);

    private static readonly string[] FirstChildSteps = ["Body/child::*[fn:position()=1]", "Body/child::*[position()=1]", "Body/*[1]", "Body/child::*[1]", "Body/*[position()=1]", "Body/*[fn:position()=1]"];

    private static readonly string[] ChildrenSteps = ["Body/child::*", "Body/*"];

    private static bool IsBodyUnion(ExpressionSyntax? xpath, string[] steps)
    {
        if (xpath is null)
        {
            return false;
        }

        var text = string.Concat(xpath.Text.Where(c => !char.IsWhiteSpace(c)));
        var parts = text.Split('|');
        if (parts.Length != 2)
        {
            return false;
        }

        var namespaces = parts.Select(part => SoapPrefix(part, steps) is { } prefix ? xpath.Namespaces.GetValueOrDefault(prefix) : null).ToHashSet(StringComparer.Ordinal);
        return namespaces.SetEquals(SoapNamespaces);
    }

    /// <summary>The prefix of <c>p:Body/...</c> or <c>/p:Envelope/p:Body/...</c> whose steps after the prefix are one of <paramref name="steps"/>, or null.</summary>
    private static string? SoapPrefix(string part, string[] steps)
    {
        var colon = part.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return null;
        }

        var prefix = part[..colon].TrimStart('/');
        if (part.StartsWith('/'))
        {
            var envelope = "/" + prefix + ":Envelope/";
            if (!part.StartsWith(envelope, StringComparison.Ordinal))
            {
                return null;
            }

            part = part[envelope.Length..];
            if (!part.StartsWith(prefix + ":", StringComparison.Ordinal))
            {
                return null;
            }
        }

        var rest = part[(prefix.Length + 1)..];
        return prefix.Length > 0 && steps.Contains(rest, StringComparer.Ordinal) ? prefix : null;
    }
}
