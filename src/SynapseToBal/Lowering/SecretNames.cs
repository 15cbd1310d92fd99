namespace SynapseToBal.Lowering;

/// <summary>
/// Decides whether a name (an element, attribute, property, header or URI parameter) suggests that its value
/// is a credential. Such values never become literals or log text in the generated code: they become required
/// configurables, or are redacted.
/// </summary>
public static class SecretNames
{
    // Compared against the name lower-cased with '.', '-', '_' and ':' prefixes removed.
    private static readonly string[] Words =
    [
        "password", "passwd", "passphrase", "secret", "token", "apikey", "privatekey", "accesskey", "credential",
        "authorization", "cookie", "clientassertion", "sessionkey", "signingkey", "encryptionkey",
    ];

    // Names that contain a secret word but hold no secret themselves (a token endpoint, a registry path, a type).
    private static readonly string[] NotSecretSuffixes =
    [
        "url", "uri", "endpoint", "path", "registrypath", "type", "expiry", "expiresin", "expirytime", "length",
        "alias", "location", "file", "header", "name", "enabled", "algorithm", "format", "mode",
    ];

    /// <summary>True when the name suggests a credential (password, secret, token, apiKey, clientSecret, accessToken, privateKey, ...).</summary>
    public static bool IsSecret(string name)
    {
        var local = name;
        var colon = local.LastIndexOf(':');
        if (colon >= 0)
        {
            local = local[(colon + 1)..];
        }

        var key = new string(local.Where(char.IsAsciiLetterOrDigit).ToArray()).ToLowerInvariant();
        if (key.Length == 0 || NotSecretSuffixes.Any(key.EndsWith))
        {
            return false;
        }

        // "pageToken"/"nextToken" are pagination cursors, not credentials.
        if (key is "pagetoken" or "nexttoken" or "continuationtoken" or "synctoken")
        {
            return false;
        }

        return Words.Any(key.Contains);
    }

    /// <summary>
    /// True for values that are not a literal secret: empty, an expression or a placeholder resolved at run time
    /// (<c>$ctx:x</c>, <c>{...}</c>, <c>${...}</c>, <c>$func:x</c>, <c>$SYSTEM:X</c>, <c>get-property(...)</c>, a vault lookup).
    /// </summary>
    public static bool IsPlaceholder(string value)
    {
        var text = value.Trim();
        return text.Length == 0
            || text.StartsWith('$')
            || (text.StartsWith('{') && text.EndsWith('}'))
            || text.Contains("vault-lookup", StringComparison.Ordinal)
            || text.Contains("get-property(", StringComparison.Ordinal)
            || text.StartsWith("json-eval(", StringComparison.Ordinal);
    }
}
