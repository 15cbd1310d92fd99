using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

// Lowering of <jsontransform> (JSONTransformMediator): without properties or a schema it does not deploy (SB0106)
// and generates nothing; with only the
// output.autoPrimitive / disableAutoPrimitive.regex settings it converts the body to JSON again with them
// (jsonTransform); a schema or any other setting rewrites the JSON payload in ways the generated message model has
// no setting for, so it stays a TODO (SB0222).
public sealed partial class Lowerer
{
    /// <summary>
    /// JSONTransformMediator, with properties, converts the body's first element to JSON again with a
    /// converter configured by those <c>synapse.commons.json.*</c> settings and makes it the JSON payload; with a
    /// schema key, it coerces the JSON payload (or the body converted to JSON) to the types, arrays and defaults
    /// the JSON schema gives (commons JsonProcessor). Neither is reproduced by the generated <c>xmlToJson</c>,
    /// which always converts with the Micro Integrator's default settings.
    /// </summary>
    private IEnumerable<StepIr> LowerJsonTransform(JsonTransformMediator transform)
    {
        if (transform.Schema is null && transform.Properties.IsEmpty)
        {
            // The Micro Integrator refuses to deploy it (JSONTransformMediatorFactory; the parser reports SB0106), and
            // its mediate() would do nothing: nothing to generate.
            return [];
        }

        if (transform.Schema is null && JsonTransformPrimitives(transform) is { } primitives)
        {
            return [new JsonTransformStep(transform, primitives.Primitives, primitives.StringPattern)];
        }

        var summary = JsonTransformSummary(transform);
        return [Todo(transform, DiagnosticCatalog.JsonTransformNotTranslated, $"<jsontransform> {summary}; not translated, the payload is left as it is", summary)];
    }

    private const string AutoPrimitiveSetting = "synapse.commons.json.output.autoPrimitive";
    private const string StringPatternSetting = "synapse.commons.json.output.disableAutoPrimitive.regex";

    /// <summary>
    /// The conversion settings when they are only literal <c>output.autoPrimitive</c> and
    /// <c>output.disableAutoPrimitive.regex</c> settings (JsonUtil.generateJSONOutputFactoryWithOveride), the ones
    /// the generated <c>xmlToJson</c> reproduces; null for any other setting. Unset ones keep the server defaults.
    /// </summary>
    internal static (bool Primitives, string? StringPattern)? JsonTransformPrimitives(JsonTransformMediator transform)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in transform.Properties)
        {
            if (property.Value is not ValueSyntax.Literal literal || property.Name is not (AutoPrimitiveSetting or StringPatternSetting))
            {
                return null;
            }

            // java.util.Properties: the last of a repeated name wins.
            settings[property.Name] = literal.Text;
        }

        if (settings.Count == 0)
        {
            return null;
        }

        // Boolean.parseBoolean of the trimmed, lower-cased value: anything but "true" turns the typing off.
        var primitives = !settings.TryGetValue(AutoPrimitiveSetting, out var auto) || auto.Trim().ToLowerInvariant() == "true";
        if (!primitives || !settings.TryGetValue(StringPatternSetting, out var pattern))
        {
            return (primitives, null);
        }

        return PortableJavaPattern(pattern) ? (true, pattern) : null;
    }

    /// <summary>
    /// A java.util.regex pattern that Ballerina's regular expressions read the same way: no inline flags, groups of
    /// another kind or lookaround (<c>(?</c>), no Unicode property classes, quoting, possessive quantifiers, word
    /// boundaries, input anchors or class intersections, which the two dialects spell or support differently.
    /// </summary>
    internal static bool PortableJavaPattern(string pattern) =>
        pattern.Length > 0
        && !new[] { "(?", "\\p", "\\P", "\\Q", "\\E", "\\A", "\\z", "\\Z", "\\G", "\\b", "\\B", "\\R", "\\X", "\\h", "\\H", "\\k", "&&", "++", "*+", "?+", "}+", "[[" }
            .Any(pattern.Contains)
        && pattern.All(c => c >= ' ' && c != '\u007f');

    internal static string JsonTransformSummary(JsonTransformMediator transform)
    {
        var parts = new List<string>();
        if (!transform.Properties.IsEmpty)
        {
            var settings = transform.Properties.Select(p => p.Value switch
            {
                ValueSyntax.Literal literal => $"{p.Name}={literal.Text}",
                ValueSyntax.Expression expression => $"{p.Name}={{{expression.Syntax.Text}}}",
                _ => p.Name,
            });
            parts.Add($"converts the body's first element to JSON again with {string.Join(", ", settings)}");
        }

        if (transform.Schema is { } schema)
        {
            parts.Add(schema.IsDynamic
                ? $"coerces the JSON payload to the JSON schema whose key is computed by '{schema.Text}'"
                : $"coerces the JSON payload to the types of the JSON schema '{schema.Text}'");
        }

        return string.Join(", then ", parts);
    }
}
