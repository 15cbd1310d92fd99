using System.Globalization;
using System.Text.Json.Nodes;

namespace SynapseToBal.IR;

/// <summary>
/// A JSON pointer (RFC 6901: <c>/definitions/line</c>, <c>~1</c> for '/', <c>~0</c> for '~') resolved in a JSON
/// document: the <c>$ref</c> fragments of the JSON schemas a validate mediator checks against (<see
/// cref="ValidationSchemaIr.Content"/>), read by the lowering's check of the schema and the refiner's record of it.
/// </summary>
public static class JsonPointer
{
    /// <summary>The node the pointer names (the root for ""), or null when it names nothing.</summary>
    public static JsonNode? Resolve(JsonNode root, string pointer)
    {
        if (pointer.Length == 0)
        {
            return root;
        }

        if (!pointer.StartsWith('/'))
        {
            return null;
        }

        JsonNode? current = root;
        foreach (var raw in pointer[1..].Split('/'))
        {
            var token = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            current = current switch
            {
                JsonObject o when o.ContainsKey(token) => o[token],
                JsonArray a when int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < a.Count => a[i],
                _ => null,
            };
            if (current is null)
            {
                return null;
            }
        }

        return current;
    }
}
