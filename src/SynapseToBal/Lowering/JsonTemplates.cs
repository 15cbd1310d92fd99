using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using SynapseToBal.IR;

namespace SynapseToBal.Lowering;

/// <summary>
/// Reads a JSON template with argument slots into a <see cref="JsonNodeIr"/> tree, once, at conversion time.
/// A template that is not valid JSON with its slots in place has no tree (the text is then built and parsed
/// at run time, as Synapse does).
/// </summary>
internal static class JsonTemplates
{
    private const string StringSlot = "__sb_arg_";
    private const string RawSlot = "__sb_raw_";

    public static JsonNodeIr? TryParse(ImmutableArray<TemplatePart> parts)
    {
        var text = new StringBuilder();
        var args = new List<TemplatePart.Argument>();
        var inString = false;
        foreach (var part in parts)
        {
            switch (part)
            {
                case TemplatePart.Text t:
                    for (var i = 0; i < t.Content.Length; i++)
                    {
                        var c = t.Content[i];
                        if (c == '\\' && inString)
                        {
                            text.Append(c);
                            if (i + 1 < t.Content.Length)
                            {
                                text.Append(t.Content[++i]);
                            }

                            continue;
                        }

                        if (c == '"')
                        {
                            inString = !inString;
                        }

                        text.Append(c);
                    }

                    break;
                case TemplatePart.Argument a:
                    var slot = (inString ? StringSlot : RawSlot) + args.Count.ToString(CultureInfo.InvariantCulture) + "__";
                    text.Append(inString ? slot : "\"" + slot + "\"");
                    args.Add(a);
                    break;
            }
        }

        try
        {
            using var document = JsonDocument.Parse(text.ToString(), new JsonDocumentOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow });
            return Node(document.RootElement, args);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Inline JSON text with no slots.</summary>
    public static JsonNodeIr? TryParse(string json) => TryParse([new TemplatePart.Text(json)]);

    private static JsonNodeIr? Node(JsonElement element, List<TemplatePart.Argument> args)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
            {
                var members = ImmutableArray.CreateBuilder<JsonMemberIr>();
                var names = new HashSet<string>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    // A slot in a member name: the shape is only known at run time. A repeated name cannot be a
                    // Ballerina mapping constructor (a compile error): the text is built at run time instead.
                    if (property.Name.Contains("__sb_", StringComparison.Ordinal) || !names.Add(property.Name) || Node(property.Value, args) is not { } value)
                    {
                        return null;
                    }

                    members.Add(new JsonMemberIr(property.Name, value));
                }

                return new JsonNodeIr.Object(members.ToImmutable());
            }

            case JsonValueKind.Array:
            {
                var items = ImmutableArray.CreateBuilder<JsonNodeIr>();
                foreach (var item in element.EnumerateArray())
                {
                    if (Node(item, args) is not { } value)
                    {
                        return null;
                    }

                    items.Add(value);
                }

                return new JsonNodeIr.Array(items.ToImmutable());
            }

            case JsonValueKind.String:
                return StringNode(element.GetString() ?? string.Empty, args);
            case JsonValueKind.Number:
                return new JsonNodeIr.Number(element.GetRawText());
            case JsonValueKind.True:
                return new JsonNodeIr.Boolean(true);
            case JsonValueKind.False:
                return new JsonNodeIr.Boolean(false);
            case JsonValueKind.Null:
                return new JsonNodeIr.Null();
            default:
                return null;
        }
    }

    private static JsonNodeIr StringNode(string value, List<TemplatePart.Argument> args)
    {
        if (WholeSlot(value, RawSlot) is { } raw)
        {
            return new JsonNodeIr.Slot(args[raw].Value);
        }

        var parts = ImmutableArray.CreateBuilder<TemplatePart>();
        var index = 0;
        while (index < value.Length)
        {
            var start = value.IndexOf(StringSlot, index, StringComparison.Ordinal);
            var end = start < 0 ? -1 : value.IndexOf("__", start + StringSlot.Length, StringComparison.Ordinal);
            if (start < 0 || end < 0)
            {
                parts.Add(new TemplatePart.Text(value[index..]));
                break;
            }

            if (start > index)
            {
                parts.Add(new TemplatePart.Text(value[index..start]));
            }

            var number = int.Parse(value[(start + StringSlot.Length)..end], CultureInfo.InvariantCulture);
            parts.Add(args[number]);
            index = end + 2;
        }

        return new JsonNodeIr.String(parts.ToImmutable());
    }

    private static int? WholeSlot(string value, string prefix) =>
        value.StartsWith(prefix, StringComparison.Ordinal) && value.EndsWith("__", StringComparison.Ordinal)
            && int.TryParse(value[prefix.Length..^2], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            ? index
            : null;
}
