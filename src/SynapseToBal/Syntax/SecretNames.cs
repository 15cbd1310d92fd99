using System.Text.RegularExpressions;

namespace SynapseToBal.Syntax;

/// <summary>
/// Decides whether a name (an element, attribute, property, header or URI parameter) suggests that its value
/// is a credential. Such values never become literals or log text in the generated code: they become required
/// configurables, or are redacted.
/// </summary>
public static partial class SecretNames
{
    // Words a credential's name ends with, compared against the name lower-cased with '.', '-', '_' and ':' prefixes
    // removed ("accessToken", "api_token", "X-Api-Key", "java.naming.security.credentials", "dbPassword2").
    private static readonly string[] Words =
    [
        "password", "passwd", "passphrase", "secret", "token", "apikey", "privatekey", "accesskey", "credential",
        "authorization", "cookie", "clientassertion", "sessionkey", "signingkey", "encryptionkey", "secretkey",
        "userinfo", "appid", "appkey", "subscriptionkey", "accesscode", "accesskeyid",
    ];

    // Words that make a name a credential's wherever they stand: a JAAS configuration ("sasl.jaas.config") holds the
    // login module's user and password.
    private static readonly string[] AnywhereWords = ["jaas"];

    // Last words that only say how a credential's value is written ("ACCESS_TOKEN_VALUE", "clientSecretString"): the
    // word before them decides.
    private static readonly string[] ValueWords = ["value", "val", "string", "str", "text"];

    // A name ending in "phrase" is a pass phrase (a payment gateway's sha_request_phrase, a signing phrase), except
    // these words that end so and name text the message carries (an HTTP reason phrase, a search phrase).
    private const string PhraseSuffix = "phrase";
    private static readonly string[] NotSecretPhrases = ["reasonphrase", "statusphrase", "searchphrase", "keyphrase"];

    // Names that contain a secret word but hold no secret themselves (a token endpoint, a registry path, a type, a
    // token cache's status, a token's length or time to live).
    private static readonly string[] NotSecretSuffixes =
    [
        "url", "uri", "endpoint", "path", "registrypath", "type", "expiry", "expiresin", "expirytime", "length",
        "alias", "location", "file", "header", "name", "enabled", "algorithm", "format", "mode", "status", "cache",
        "ttl", "seconds", "count", "size", "usage", "remaining", "limit",
    ];

    // Words before a plural "tokens" that say what was counted: a language model's token counts ("inputTokens",
    // "total_tokens", "completionTokens", "x-ratelimit-remaining-tokens") hold a number, not credentials. Any other
    // word keeps a plural a list of credentials ("accessTokens", "refresh_tokens"), and so does "tokens" alone.
    private static readonly HashSet<string> CountedTokenWords =
    [
        "input", "output", "prompt", "completion", "completions", "total", "reasoning", "cached", "cache", "generated",
        "estimated", "remaining", "used", "consumed", "billed", "context", "response", "candidates",
        "thoughts", "max", "min", "num", "limit",
    ];

    // First words that make a name about a credential, not one: its time to live, length, count, or a flag.
    private static readonly HashSet<string> QualifierWords =
        ["ttl", "expiry", "expires", "length", "len", "count", "num", "max", "min", "size", "status", "is", "has", "use", "no"];

    // Names that say only that the value is a credential, not whose (compared as Words are): two artifacts' "password"
    // are two credentials, so their configurables are named after the artifact too (issue 14).
    private static readonly HashSet<string> GenericWords =
    [
        "password", "passwd", "pwd", "pass", "passphrase", "secret", "token", "key", "apikey", "xapikey", "apitoken",
        "accesstoken", "authtoken", "authorization", "credential", "credentials", "privatekey", "secretkey", "accesskey",
    ];

    /// <summary>
    /// True when a credential's name says nothing of whose it is (<c>password</c>, <c>token</c>, <c>apiKey</c>,
    /// <c>X-Api-Key</c>, <c>Authorization</c>), as opposed to <c>dbPassword</c> or <c>partnerApiKey</c>.
    /// </summary>
    public static bool IsGeneric(string name)
    {
        var colon = name.LastIndexOf(':');
        var local = colon >= 0 ? name[(colon + 1)..] : name;
        var key = new string(local.Where(char.IsAsciiLetterOrDigit).ToArray()).ToLowerInvariant().TrimEnd('0', '1', '2', '3', '4', '5', '6', '7', '8', '9');
        return GenericWords.Contains(key);
    }

    [GeneratedRegex(@"[^A-Za-z0-9]+|(?<=[a-z0-9])(?=[A-Z])", RegexOptions.CultureInvariant)]
    private static partial Regex WordBreak();

    /// <summary>
    /// True when the name suggests a credential: it holds a credential's word (password, secret, token, apiKey,
    /// clientSecret, accessToken, privateKey, ...), unless its last word says it holds something about the credential
    /// ("TOKEN_CACHE_STATUS", "ACCESS_TOKEN_LENGTH", "tokenUrl") or its first word qualifies it ("TTL_TOKEN_SECONDS").
    /// </summary>
    public static bool IsSecret(string name)
    {
        var local = name;
        var colon = local.LastIndexOf(':');
        if (colon >= 0)
        {
            local = local[(colon + 1)..];
        }

        var key = new string(local.Where(char.IsAsciiLetterOrDigit).ToArray()).ToLowerInvariant();
        if (AnywhereWords.Any(key.Contains))
        {
            return true;
        }

        // A name whose first word measures or qualifies the credential ("TTL_TOKEN", "max_tokens", "hasPassword") holds no credential.
        var words = WordBreak().Split(local).Where(w => w.Length > 0).ToArray();
        if (words.Length > 1 && QualifierWords.Contains(words[0].ToLowerInvariant()))
        {
            return false;
        }

        // A count of a language model's tokens ("inputTokens", "TOTAL_TOKENS"): the plural after a word naming what was counted.
        if (words.Length > 1 && words[^1].Equals("tokens", StringComparison.OrdinalIgnoreCase) && CountedTokenWords.Contains(words[^2].ToLowerInvariant()))
        {
            return false;
        }

        // A numbered name ("password2") is its word's.
        key = key.TrimEnd('0', '1', '2', '3', '4', '5', '6', '7', '8', '9');
        if (key.Length == 0 || NotSecretSuffixes.Any(key.EndsWith))
        {
            return false;
        }

        if (ValueWords.FirstOrDefault(w => key.Length > w.Length && key.EndsWith(w, StringComparison.Ordinal)) is { } valueWord
            && Words.Any(key[..^valueWord.Length].EndsWith))
        {
            key = key[..^valueWord.Length];
        }

        // A plural names as many credentials ("java.naming.security.credentials", "secrets").
        if (key.EndsWith('s') && Words.Any(w => key.EndsWith(w + "s", StringComparison.Ordinal)))
        {
            key = key[..^1];
        }

        // "pageToken"/"nextToken" are pagination cursors, not credentials.
        if (key.EndsWith("pagetoken", StringComparison.Ordinal) || key is "nexttoken" or "continuationtoken" or "synctoken")
        {
            return false;
        }

        // A credential word ending a word anywhere keeps the name a secret ("DB_PASSWORD_PROD", "clientSecretEncoded",
        // "apiKeySandbox": over-redacting a value costs a configurable, missing a credential leaks it), unless a later
        // word says the value is about the credential ("ACCESS_TOKEN_LENGTH_DEBUG"); inside a word it is none
        // ("tokenizer").
        return HoldsCredentialWord(key, words) || IsPhrase(key);
    }

    /// <summary>
    /// True when a credential word of <see cref="Words"/> ends at a word boundary of the key (the lower-cased letters and
    /// digits of <paramref name="words"/>, perhaps shortened at its end) and no later word is one of
    /// <see cref="NotSecretSuffixes"/>.
    /// </summary>
    private static bool HoldsCredentialWord(string key, string[] words)
    {
        var ends = new List<(int End, string Word)>();
        var position = 0;
        foreach (var word in words)
        {
            position += word.Length;
            ends.Add((position, word.ToLowerInvariant()));
        }

        foreach (var credential in Words)
        {
            for (var at = key.IndexOf(credential, StringComparison.Ordinal); at >= 0; at = key.IndexOf(credential, at + 1, StringComparison.Ordinal))
            {
                var end = at + credential.Length;
                if (end != key.Length && !ends.Any(e => e.End == end))
                {
                    continue;
                }

                if (!ends.Any(e => e.End > end && NotSecretSuffixes.Contains(e.Word.TrimEnd('0', '1', '2', '3', '4', '5', '6', '7', '8', '9'))))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>A key (lower-cased letters and digits) that names a pass phrase: "<c>sharequestphrase</c>", not a bare "phrase" or a reason phrase.</summary>
    private static bool IsPhrase(string key) =>
        key.Length > PhraseSuffix.Length && key.EndsWith(PhraseSuffix, StringComparison.Ordinal) && !NotSecretPhrases.Any(key.EndsWith);

    /// <summary>
    /// True for values that are not a literal secret: empty, an expression or a placeholder resolved at run time
    /// (<c>$ctx:x</c>, <c>{...}</c>, <c>${...}</c>, <c>$func:x</c>, <c>$SYSTEM:X</c>, <c>get-property(...)</c>, a vault lookup),
    /// or a mask the author wrote in place of a credential (<see cref="IsMaskText"/>). A value shaped like a key store or
    /// certificate file's path is not one of them: a password can have that shape (<c>Summer2024.key</c>), and the
    /// value's name is not known here.
    /// </summary>
    public static bool IsPlaceholder(string value)
    {
        var text = value.Trim();
        return text.Length == 0
            || text.StartsWith('$')
            || (text.StartsWith('{') && text.EndsWith('}'))
            || text.Contains("vault-lookup", StringComparison.Ordinal)
            || text.Contains("get-property(", StringComparison.Ordinal)
            || text.StartsWith("json-eval(", StringComparison.Ordinal)
            || IsMaskText(text);
    }

    /// <summary>
    /// True for text that stands for a hidden value instead of holding one: asterisks alone (<c>****</c>), or around
    /// MASKED, REDACTED or HIDDEN (<c>****MASKED****</c>, <c>********** MASKED *********</c>), as an author writes in a
    /// log line or a payload. The Micro Integrator uses it as the text it is, and so does the conversion.
    /// </summary>
    public static bool IsMaskText(string value) => MaskTextPattern().IsMatch(value);

    [GeneratedRegex(@"^\s*\*{3,}\s*(?:(?:MASKED|REDACTED|HIDDEN)\s*\*+\s*)?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex MaskTextPattern();

    private static readonly Regex LeafElement = LeafElementPattern();
    private static readonly Regex Attribute = AttributePattern();
    private static readonly Regex UriParameter = UriParameterPattern();
    private static readonly Regex UserInfo = UserInfoPattern();
    private static readonly Regex Tag = TagPattern();
    private static readonly Regex JsonPair = JsonPairPattern();

    // Source-generated (no regex interpretation or compilation at run time); the same patterns and options.
    [GeneratedRegex(@"<(?<prefix>[\w.\-]+:|)(?<name>[A-Za-z_][\w.\-]*)(?<attributes>\s[^<>]*?)?>(?<text>[^<]*)</\k<prefix>\k<name>\s*>", RegexOptions.CultureInvariant)]
    private static partial Regex LeafElementPattern();

    [GeneratedRegex(@"(?<=\s)(?<name>[A-Za-z_][\w.\-:]*)\s*=\s*(?<quote>[""'])(?<value>.*?)\k<quote>", RegexOptions.CultureInvariant)]
    private static partial Regex AttributePattern();

    [GeneratedRegex(@"(?<name>[A-Za-z0-9_.\-]+)=(?<value>[^&;""'<\s]*)", RegexOptions.CultureInvariant)]
    private static partial Regex UriParameterPattern();

    [GeneratedRegex(@"(?<prefix>://[^/:@\s""']+:)(?<password>[^@/\s""']+)@", RegexOptions.CultureInvariant)]
    private static partial Regex UserInfoPattern();

    [GeneratedRegex(@"<[^<>]+>", RegexOptions.CultureInvariant)]
    private static partial Regex TagPattern();

    // A member ("apiKey": "...") or a two-string array (["Authorization", "..."]): a comma pairs a name with a value only
    // in such an array, never between the items of a longer list (["access_code","language"] names no secret value).
    [GeneratedRegex(@"(?<open>""(?<name>[^""\\]{1,80})""\s*:\s*"")(?<value>(?:[^""\\]|\\.)*)""|(?<open>\[\s*""(?<name>[^""\\]{1,80})""\s*,\s*"")(?<value>(?:[^""\\]|\\.)*)""(?=\s*\])", RegexOptions.CultureInvariant)]
    private static partial Regex JsonPairPattern();

    /// <summary>What a credential is replaced with.</summary>
    public const string Mask = "****";

    /// <summary>
    /// XML (or a URI) with every literal credential replaced by <c>****</c>: the text of elements named like a credential,
    /// <c>&lt;parameter name="password"&gt;</c> / <c>&lt;property name="apiKey" value="..."/&gt;</c> values, attributes named like
    /// one, URI user-info passwords and URI parameters named like one. Placeholders resolved at run time are kept. TODO
    /// comments carry the original XML through this, so the generated code never repeats a credential.
    /// </summary>
    public static string MaskXml(string xml)
    {
        // The same text is masked when the lowering makes its TODO and again when the emitter writes it: the result
        // is kept per string instance (and, masking being idempotent, the result maps to itself).
        if (MaskedXml.TryGetValue(xml, out var known))
        {
            return known;
        }

        var masked = MaskXmlText(xml);
        MaskedXml.AddOrUpdate(xml, masked);
        MaskedXml.AddOrUpdate(masked, masked);
        return masked;
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<string, string> MaskedXml = new();

    private static string MaskXmlText(string xml)
    {
        if (!MayHoldSecret(xml))
        {
            return xml;
        }

        var masked = UserInfo.Replace(xml, m => m.Groups["prefix"].Value + Mask + "@");
        masked = UriParameter.Replace(masked, m =>
            IsSecret(m.Groups["name"].Value) && m.Groups["value"].Length > 0 && !IsPlaceholder(m.Groups["value"].Value)
                ? m.Groups["name"].Value + "=" + Mask
                : m.Value);
        // JSON pairs in element text (an HTTP connector's <headers>[["Authorization","Bearer ..."]]</headers>, a
        // {"apiKey": "..."} body): a value whose name is a credential.
        masked = JsonPair.Replace(masked, m =>
            IsSecret(m.Groups["name"].Value) && m.Groups["value"].Length > 0 && !IsPlaceholder(m.Groups["value"].Value)
                ? m.Groups["open"].Value + Mask + "\""
                : m.Value);
        masked = LeafElement.Replace(masked, m =>
        {
            var named = Attribute.Matches(m.Groups["attributes"].Value).FirstOrDefault(a => a.Groups["name"].Value is "name" or "key")?.Groups["value"].Value;
            var secret = IsSecret(m.Groups["name"].Value) || (named is not null && IsSecret(named)) || IsRedisPassword(xml, m.Groups["name"].Value);
            var text = m.Groups["text"];
            return secret && !IsPlaceholder(System.Net.WebUtility.HtmlDecode(text.Value))
                ? m.Value[..(text.Index - m.Index)] + Mask + m.Value[(text.Index - m.Index + text.Length)..]
                : m.Value;
        });
        // Script literals given to a credential's name (var pass = "x", cfg.password = 'x', {password: "x"},
        // {'apiKey': 'x'}, mc.setProperty('password', 'x')), or to a name ending in pass/pwd as scripts name passwords.
        masked = ScriptAssignment.Replace(masked, m =>
            IsScriptSecretName(m.Groups["name"].Value)
            && m.Groups["value"].Length > 0 && !IsPlaceholder(System.Net.WebUtility.HtmlDecode(m.Groups["value"].Value))
                ? m.Groups["open"].Value + Mask + m.Groups["quote"].Value
                : m.Value);
        return MaskAttributes(masked);
    }

    /// <summary>
    /// The Redis connector's <c>cacheKey</c> in a <c>&lt;redis.init&gt;</c>: Jedis's password (RedisServer.createJedis,
    /// shardInfo.setPassword), though its name says nothing of a credential.
    /// </summary>
    internal static bool IsRedisPassword(string xml, string elementName) =>
        elementName == "cacheKey" && xml.Contains("<redis.init", StringComparison.Ordinal) && xml.Contains("<cacheKey", StringComparison.Ordinal);

    private static readonly string[] ScriptPasswordNames = ["pass", "pwd", "passw", "pswd"];

    /// <summary>
    /// A name a script gives a credential: one <see cref="IsSecret"/> takes, or one ending in pass/pwd (<c>pass</c>,
    /// <c>userPass</c>, <c>db_pwd</c>), as a script names its password.
    /// </summary>
    private static bool IsScriptSecretName(string name)
    {
        var key = new string(name.Where(char.IsAsciiLetterOrDigit).ToArray()).ToLowerInvariant().TrimEnd('0', '1', '2', '3', '4', '5', '6', '7', '8', '9');
        return IsSecret(name) || ScriptPasswordNames.Any(w => key.EndsWith(w, StringComparison.Ordinal));
    }
    private static readonly Regex ScriptAssignment = ScriptAssignmentPattern();

    [GeneratedRegex(@"(?<open>(?:(?<![\w$\-:])(?<name>[A-Za-z_$][\w$]*)\s*=(?!=)|(?<![\w$\-])(?<oq>'|&apos;)(?<name>[A-Za-z_$][\w$.\-]*)\k<oq>\s*:|(?<![\w$\-:""'])(?<name>[A-Za-z_$][\w$]*)\s*:(?!:)|setProperty\(\s*(?<pq>""|'|&quot;|&apos;)(?<name>[^""'&<>\r\n]{1,80})\k<pq>\s*,)\s*(?<quote>""|'|&quot;|&apos;))(?<value>(?:\\.|(?!\k<quote>)[^\r\n<>\\])*)\k<quote>", RegexOptions.CultureInvariant)]
    private static partial Regex ScriptAssignmentPattern();

    /// <summary>
    /// False when <see cref="MaskXmlText"/> can change nothing in <paramref name="xml"/>: it has no <c>://</c> (no URI
    /// user info) and none of the credential words in its letters and digits, lower-cased. Every other masking needs
    /// <see cref="IsSecret"/> of a name written in the text, and a name's letters and digits are a contiguous part of
    /// the text's, so a word in the name's is in the text's.
    /// </summary>
    private static bool MayHoldSecret(string xml)
    {
        if (xml.Contains("://", StringComparison.Ordinal) || IsRedisPassword(xml, "cacheKey"))
        {
            return true;
        }

        var letters = new System.Text.StringBuilder(xml.Length);
        foreach (var c in xml)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                letters.Append(char.ToLowerInvariant(c));
            }
        }

        var key = letters.ToString();
        return Words.Concat(AnywhereWords).Any(w => key.Contains(w, StringComparison.Ordinal)) || key.Contains(PhraseSuffix, StringComparison.Ordinal)
            || ScriptPasswordNames.Any(w => key.Contains(w, StringComparison.Ordinal));
    }

    /// <summary>Masks attributes named like a credential, and the <c>value</c> of an element whose <c>name</c> is one.</summary>
    private static string MaskAttributes(string xml)
    {
        var spans = AttributeSecrets(xml).OrderBy(s => s.Start).ToList();
        if (spans.Count == 0)
        {
            return xml;
        }

        var masked = new System.Text.StringBuilder();
        var index = 0;
        foreach (var (start, length, _) in spans)
        {
            masked.Append(xml, index, start - index).Append(Mask);
            index = start + length;
        }

        return masked.Append(xml, index, xml.Length - index).ToString();
    }

    /// <summary>
    /// The literal credentials in the attributes of an XML text: the value of an attribute named like a credential, and
    /// the <c>value</c> of an element whose <c>name</c> (or <c>key</c>) is one (<c>&lt;property name="apiKey" value="..."/&gt;</c>),
    /// with the name they go by. Placeholders resolved at run time are left out.
    /// </summary>
    public static IEnumerable<(int Start, int Length, string Name)> AttributeSecrets(string xml)
    {
        foreach (Match tag in Tag.Matches(xml))
        {
            var attributes = Attribute.Matches(tag.Value);
            var named = attributes.FirstOrDefault(a => a.Groups["name"].Value is "name" or "key")?.Groups["value"].Value;
            var namedSecret = named is not null && IsSecret(named);
            foreach (Match attribute in attributes)
            {
                var name = attribute.Groups["name"].Value;
                var value = attribute.Groups["value"];
                var secretName = IsSecret(name) ? name : namedSecret && name == "value" ? named! : null;
                if (secretName is not null && !IsPlaceholder(System.Net.WebUtility.HtmlDecode(value.Value)))
                {
                    yield return (tag.Index + value.Index, value.Length, secretName);
                }
            }
        }
    }

    /// <summary>
    /// The values of URI query parameters named like a credential in a piece of URI text (<c>?q=x&amp;APPID=ae2a...</c>),
    /// with the parameter's name; placeholders are left out. The same rule <see cref="MaskXml"/> masks by.
    /// </summary>
    public static IEnumerable<(int Start, int Length, string Name)> UriParameterSecrets(string uri)
    {
        foreach (Match parameter in UriParameter.Matches(uri))
        {
            var value = parameter.Groups["value"];
            if (value.Length > 0 && IsSecret(parameter.Groups["name"].Value) && !IsPlaceholder(value.Value))
            {
                yield return (value.Index, value.Length, parameter.Groups["name"].Value);
            }
        }
    }
}
