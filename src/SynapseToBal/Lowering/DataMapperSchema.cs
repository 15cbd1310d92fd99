using System.Collections.Immutable;
using System.Text.Json;

namespace SynapseToBal.Lowering;

/// <summary>
/// One node of a data-mapper schema: WSO2's JSON-schema dialect written by the Integration Studio data mapper
/// (<c>X_inputSchema.json</c>, <c>X_outputSchema.json</c>): <c>title</c> names the root (the root element of an XML
/// message), <c>type</c> is object, array, string, number, integer, boolean or null, <c>properties</c> the members
/// (child elements), <c>required</c> the members that must be present, <c>items</c> an array's item schema (an
/// object, or a list whose first entry is used), <c>attributes</c> an XML element's attributes, <c>value</c> the text
/// of an element that also has attributes, and <c>namespaces</c> (root only) the prefixes the names use.
/// </summary>
internal sealed record DataMapperSchema(
    string Name,
    string Type,
    ImmutableArray<DataMapperSchema> Properties,
    ImmutableArray<DataMapperSchema> Attributes,
    DataMapperSchema? Items,
    DataMapperSchema? Value,
    bool Required,
    ImmutableDictionary<string, string> Namespaces)
{
    private static readonly JsonDocumentOptions Options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    /// <summary>
    /// A schema's root member <paramref name="member"/> when it is a string (the <c>inputType</c> / <c>outputType</c> the
    /// MI 4.4 tooling writes there, which DataMapperMediator reads when the mediator has no such attribute); null otherwise.
    /// </summary>
    public static string? RootText(string text, string member)
    {
        try
        {
            using var document = JsonDocument.Parse(text.TrimStart('\uFEFF'), Options);
            return document.RootElement.ValueKind == JsonValueKind.Object ? Text(document.RootElement, member) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The schema of a registry resource's text; null with a reason when it is not a data-mapper schema.</summary>
    public static DataMapperSchema? Parse(string text, out string? error)
    {
        error = null;
        try
        {
            using var document = JsonDocument.Parse(text.TrimStart('\uFEFF'), Options);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("title", out var title) || title.ValueKind != JsonValueKind.String || title.GetString() is not { Length: > 0 } name)
            {
                error = "it has no title (the root's name)";
                return null;
            }

            var namespaces = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
            if (root.TryGetProperty("namespaces", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                foreach (var entry in list.EnumerateArray())
                {
                    if (entry.ValueKind == JsonValueKind.Object && Text(entry, "prefix") is { } prefix && Text(entry, "url") is { } url)
                    {
                        namespaces[prefix] = url;
                    }
                }
            }

            return Node(name, root, required: true, namespaces.ToImmutable(), depth: 0);
        }
        catch (JsonException ex)
        {
            error = "it is not JSON: " + ex.Message;
            return null;
        }
        catch (InvalidOperationException ex)
        {
            error = ex.Message;
            return null;
        }
    }

    private static DataMapperSchema Node(string name, JsonElement element, bool required, ImmutableDictionary<string, string> namespaces, int depth)
    {
        if (depth > 64)
        {
            throw new InvalidOperationException("it nests deeper than 64 levels");
        }

        var type = element.ValueKind == JsonValueKind.Object ? TypeName(element) : "null";
        var requiredNames = new HashSet<string>(StringComparer.Ordinal);
        if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty("required", out var requiredList) && requiredList.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in requiredList.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String && item.GetString() is { } member)
                {
                    requiredNames.Add(member);
                }
            }
        }

        ImmutableArray<DataMapperSchema> Members(string key) =>
            element.ValueKind == JsonValueKind.Object && element.TryGetProperty(key, out var members) && members.ValueKind == JsonValueKind.Object
                ? members.EnumerateObject().Select(p => Node(p.Name, p.Value, requiredNames.Contains(p.Name), ImmutableDictionary<string, string>.Empty, depth + 1)).ToImmutableArray()
                : [];

        DataMapperSchema? items = null;
        if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty("items", out var itemSchema))
        {
            var first = itemSchema.ValueKind == JsonValueKind.Array ? itemSchema.EnumerateArray().FirstOrDefault() : itemSchema;
            if (first.ValueKind == JsonValueKind.Object)
            {
                items = Node(name, first, required: true, ImmutableDictionary<string, string>.Empty, depth + 1);
            }
        }

        DataMapperSchema? value = null;
        if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty("value", out var valueSchema) && valueSchema.ValueKind == JsonValueKind.Object)
        {
            value = Node(name, valueSchema, required: false, ImmutableDictionary<string, string>.Empty, depth + 1);
        }

        return new DataMapperSchema(name, type, Members("properties"), Members("attributes"), items, value, required, namespaces);
    }

    /// <summary>The node's type; a list of types (<c>["string", "null"]</c>) counts as its first non-null one.</summary>
    private static string TypeName(JsonElement element)
    {
        if (!element.TryGetProperty("type", out var type))
        {
            return element.TryGetProperty("properties", out _) ? "object" : "unknown";
        }

        return type.ValueKind switch
        {
            JsonValueKind.String => type.GetString() ?? "unknown",
            JsonValueKind.Array => type.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString()!).FirstOrDefault(t => t != "null") ?? "null",
            _ => "unknown",
        };
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>
    /// The name the data mapper's generated JavaScript gives this node's member (DataMapper's
    /// <c>ScriptGenerationUtil</c>): a prefix separator <c>:</c> becomes <c>_</c>, a hyphen <c>_EnC0DeCHaRHyPh3n_</c>;
    /// an attribute's name is prefixed with <c>attr_</c>.
    /// </summary>
    public static string ScriptName(string name) =>
        name.Replace("-", "_EnC0DeCHaRHyPh3n_", StringComparison.Ordinal).Replace(':', '_');

    /// <summary>The prefix and local part of an XML name (<c>sf:Id</c>).</summary>
    public static (string? Prefix, string Local) Split(string name) =>
        name.IndexOf(':', StringComparison.Ordinal) is var colon and > 0 ? (name[..colon], name[(colon + 1)..]) : (null, name);
}
