using System.Text.RegularExpressions;

namespace SynapseToBal.Lowering;

/// <summary>
/// A value the Micro Integrator resolves once, when it deploys the artifact, through Synapse's ResolverFactory
/// (AddressEndpointFactory, HTTPEndpointFactory and WSDLEndpointFactory call it on the endpoint's uri): a value that
/// starts with <c>$SYSTEM:X</c> is the environment variable X (SystemResolver, System.getenv), <c>$FILE:x</c> the key x
/// of the MI's file.properties (FilePropertyResolver), <c>${configs.x}</c> the configuration value x (ConfigResolver:
/// ConfigDeployer fills it from the environment variable x, else the system property x, else file.properties). The
/// factory matches the placeholder with <c>find()</c> and replaces the whole value with what it resolves, so text after
/// the placeholder is dropped; a value that is not set fails the deployment (ResolverException). Any other value is
/// taken as written (DefaultResolver).
/// </summary>
/// <param name="Resolver"><c>system</c>, <c>file</c> or <c>configs</c>.</param>
/// <param name="Name">The variable or key the resolver reads.</param>
/// <param name="Original">The value as written.</param>
/// <param name="Dropped">Text after the placeholder, which the Micro Integrator drops ("" when there is none).</param>
internal sealed partial record DeployTimeValue(string Resolver, string Name, string Original, string Dropped)
{
    /// <summary>The placeholder a value starts with, as ResolverFactory.getResolver reads it, or null for a value taken as written.</summary>
    public static DeployTimeValue? Of(string? value)
    {
        if (value is null)
        {
            return null;
        }

        // getResolver tests the prefixes in this order; rePattern and configPattern are found from the start.
        var match = value.StartsWith("${configs.", StringComparison.Ordinal) ? ConfigPattern().Match(value)
            : value.StartsWith("$SYSTEM", StringComparison.Ordinal) || value.StartsWith("$FILE", StringComparison.Ordinal) ? ResolverPattern().Match(value)
            : null;
        if (match is not { Success: true })
        {
            return null;
        }

        var resolver = match.Groups["resolver"].Value.ToLowerInvariant();
        if (resolver is not ("system" or "file" or "configs"))
        {
            return null;
        }

        return new DeployTimeValue(resolver, match.Groups["name"].Value, value, value[(match.Index + match.Length)..]);
    }

    /// <summary>
    /// A value written like a deploy-time placeholder that ResolverFactory.getResolver does not resolve, or null: it
    /// resolves only a value starting with <c>${configs.</c>, <c>$SYSTEM</c>, <c>$FILE</c> or <c>$CUSTOM_</c> (case-sensitive
    /// <c>startsWith</c>) and hands any other to DefaultResolver, which returns it as written. So <c>${env:X}</c>,
    /// <c>${sys:X}</c>, <c>${config.X}</c>, <c>${configs.a.b}</c> (configPattern finds no match), <c>$env:X</c> or <c>$system:X</c>
    /// stay text (SB0119), and so does such a placeholder after other text. A value starting with
    /// <c>$</c> and a name then <c>:</c> that is a Synapse XPath variable (<c>$ctx:</c>, <c>$trp:</c>, ...) and a plain
    /// <c>${name}</c> (an address's message property, EndpointDefinition.getAddress) are not such a placeholder.
    /// </summary>
    public static (string Written, string Name)? Unresolved(string? value)
    {
        // A value getResolver hands to a resolver (one it resolves, or fails the deployment on) is none.
        if (value is null || Of(value) is not null
            || value.StartsWith("$SYSTEM", StringComparison.Ordinal) || value.StartsWith("$FILE", StringComparison.Ordinal) || value.StartsWith("$CUSTOM_", StringComparison.Ordinal))
        {
            return null;
        }

        // A braced one anywhere in the value (the factory resolves only a value that starts with a placeholder); $x:NAME only at the start.
        foreach (Match match in UnresolvedPattern().Matches(value))
        {
            var prefix = match.Groups["prefix"].Value;
            var braced = match.Groups["open"].Success;
            if (braced ? match.Groups["separator"].Value == "." && !BracedDotted.Contains(prefix) : match.Index > 0 || XPathVariables.Contains(prefix))
            {
                continue;
            }

            // The name $SYSTEM: and ${configs.} read is letters, digits and '_' (rePattern, configPattern).
            return (match.Value, string.Concat(match.Groups["name"].Value.Select(c => char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_')));
        }

        return null;
    }

    /// <summary>The prefixes of a <c>${x.NAME}</c> that reads as an environment or configuration placeholder (a <c>${a.b}</c> is otherwise a property name).</summary>
    private static readonly HashSet<string> BracedDotted = new(StringComparer.OrdinalIgnoreCase) { "env", "environment", "sys", "system", "config", "configs", "secrets", "secret", "file" };

    /// <summary>The Synapse XPath variable prefixes (SynapseXPathVariableContext), which are no placeholder.</summary>
    private static readonly HashSet<string> XPathVariables = new(StringComparer.Ordinal) { "ctx", "axis2", "trp", "transport", "url", "func", "body", "header", "Header" };

    /// <summary>When ResolverFactory resolves the value, for SB0298.</summary>
    public const string AtDeployment = "when the Micro Integrator deploys the artifact";

    /// <summary>What the value became, for SB0298.</summary>
    public const string RequiredConfigurable = "a required configurable";

    /// <summary>What an endpoint's uri-template became: a required configurable the package declares only when a call uses the endpoint.</summary>
    public const string RequiredConfigurableWhenCalled = "a required configurable, declared when a call uses the endpoint";

    /// <summary>Where the Micro Integrator reads the value, for a configurable's doc and a diagnostic.</summary>
    public string Source => Resolver switch
    {
        "system" => $"the environment variable {Name} of the Micro Integrator's machine",
        "file" => $"the key {Name} of the Micro Integrator's file.properties",
        _ => $"its configuration value {Name} (the environment variable {Name}, else the system property {Name}, else the key {Name} of its file.properties)",
    };

    /// <summary>What the configurable holding the value says of it: where the Micro Integrator reads it, and when.</summary>
    public string Describe(string what) =>
        $"{what}: the Micro Integrator reads it from {Source} once, when it deploys the artifact ({Original})"
        + (Dropped.Length > 0 ? $"; it drops the text after the placeholder ('{Dropped}'), so this value is all it uses" : string.Empty)
        + ".";

    [GeneratedRegex(@"\$(?:(?<open>\{)(?<prefix>[_a-zA-Z][_a-zA-Z0-9]*)(?<separator>[:.])(?<name>[_a-zA-Z0-9.\-]+)\}|(?<prefix>[_a-zA-Z][_a-zA-Z0-9]*)(?<separator>:)(?<name>[_a-zA-Z0-9]+))", RegexOptions.CultureInvariant)]
    private static partial Regex UnresolvedPattern();

    [GeneratedRegex(@"\$(?<resolver>[_a-zA-Z0-9]+):(?<name>[_a-zA-Z0-9]+)", RegexOptions.CultureInvariant)]
    private static partial Regex ResolverPattern();

    [GeneratedRegex(@"\$\{(?<resolver>[_a-zA-Z0-9]+)\.(?<name>[_a-zA-Z0-9]+)\}", RegexOptions.CultureInvariant)]
    private static partial Regex ConfigPattern();
}
