using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

// Lowering of <jsontransform> (JSONTransformMediator): without properties or a schema it does nothing; otherwise it
// rewrites the JSON payload in ways the generated message model has no setting for, so it stays a TODO (SB0222).
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
            // mediate() does nothing at all then.
            return [];
        }

        var summary = JsonTransformSummary(transform);
        return [Todo(transform, DiagnosticCatalog.JsonTransformNotTranslated, $"<jsontransform> {summary}; not translated, the payload is left as it is", summary)];
    }

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
