using System.Collections.Immutable;

namespace SynapseToBal.Syntax;

public enum ExpressionLanguage
{
    /// <summary>XPath 1.0 with Synapse extensions (get-property, $ctx:, $trp:, ...).</summary>
    XPath,

    /// <summary><c>json-eval(...)</c> JSONPath.</summary>
    JsonPath,

    /// <summary>MI 4.4 <c>${...}</c> Synapse expression.</summary>
    Synapse,
}

/// <summary>An expression as written, with the namespace prefixes in scope where it was written.</summary>
public sealed record ExpressionSyntax(
    ExpressionLanguage Language,
    string Text,
    ImmutableDictionary<string, string> Namespaces,
    SourceLocation Location)
{
    /// <summary>The text as it stood in the attribute (json-eval(...) wrapper kept).</summary>
    public required string Original { get; init; }

    public static ExpressionSyntax Create(string original, ImmutableDictionary<string, string> namespaces, SourceLocation location)
    {
        var trimmed = original.Trim();
        if (trimmed.StartsWith("json-eval(", StringComparison.Ordinal) && trimmed.EndsWith(')'))
        {
            return new ExpressionSyntax(ExpressionLanguage.JsonPath, trimmed["json-eval(".Length..^1].Trim(), namespaces, location) { Original = original };
        }

        if (trimmed.StartsWith("${", StringComparison.Ordinal) && trimmed.EndsWith('}'))
        {
            return new ExpressionSyntax(ExpressionLanguage.Synapse, trimmed[2..^1].Trim(), namespaces, location) { Original = original };
        }

        return new ExpressionSyntax(ExpressionLanguage.XPath, trimmed, namespaces, location) { Original = original };
    }
}

/// <summary>A value given either literally (<c>value="..."</c>) or by an expression (<c>expression="..."</c>).</summary>
public abstract record ValueSyntax
{
    private ValueSyntax()
    {
    }

    public sealed record Literal(string Text) : ValueSyntax;

    public sealed record Expression(ExpressionSyntax Syntax) : ValueSyntax;

    /// <summary>Inline XML given as the element's child (property/header/enrich inline content).</summary>
    public sealed record InlineXml(string Xml) : ValueSyntax;
}

/// <summary>A registry/sequence/endpoint key: static (<c>key="name"</c>) or dynamic (<c>key="{xpath}"</c>).</summary>
public sealed record KeySyntax(string Text, ExpressionSyntax? Dynamic)
{
    public bool IsDynamic => Dynamic is not null;

    public static KeySyntax Create(string text, ImmutableDictionary<string, string> namespaces, SourceLocation location)
    {
        var trimmed = text.Trim();
        if (trimmed.Length > 2 && trimmed[0] == '{' && trimmed[^1] == '}')
        {
            return new KeySyntax(trimmed, ExpressionSyntax.Create(trimmed[1..^1], namespaces, location));
        }

        return new KeySyntax(RegistrySlash(trimmed), null);
    }

    private static readonly string[] RegistryPrefixes = ["conf:", "gov:", "local:"];

    /// <summary>
    /// A registry key written without the slash after its prefix (<c>gov:sequences/common.xml</c>) in the form the
    /// project's registry artifacts are named by (<c>gov:/sequences/common.xml</c>): MicroIntegratorRegistry.
    /// resolveRegistryURI strips the prefix and then an optional leading <c>/</c>, so both name one resource.
    /// </summary>
    internal static string RegistrySlash(string key)
    {
        foreach (var prefix in RegistryPrefixes)
        {
            if (key.StartsWith(prefix, StringComparison.Ordinal) && key.Length > prefix.Length && key[prefix.Length] != '/')
            {
                return prefix + "/" + key[prefix.Length..];
            }
        }

        return key;
    }
}
