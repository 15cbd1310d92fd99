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

    [GeneratedRegex(@"\$(?<resolver>[_a-zA-Z0-9]+):(?<name>[_a-zA-Z0-9]+)", RegexOptions.CultureInvariant)]
    private static partial Regex ResolverPattern();

    [GeneratedRegex(@"\$\{(?<resolver>[_a-zA-Z0-9]+)\.(?<name>[_a-zA-Z0-9]+)\}", RegexOptions.CultureInvariant)]
    private static partial Regex ConfigPattern();
}
