using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using SynapseToBal.IR;
using SynapseToBal.Refine;

namespace SynapseToBal.Emit;

/// <summary>
/// Writes a JSON payloadFactory template as a Ballerina JSON value (<c>{"id": orderId, "items": []}</c>)
/// when the template, with its argument slots, is valid JSON. Returns null otherwise.
/// </summary>
internal static class JsonLiteralWriter
{
    private const string StringSlot = "__sb_arg_";
    private const string RawSlot = "__sb_raw_";

    public static string? TryWrite(ImmutableArray<TemplatePart> parts, ExpressionWriter expressions)
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
            return Write(document.RootElement, 0, args, expressions);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The value as Ballerina; objects and arrays longer than a line are spread over lines.</summary>
    private static string? Write(JsonElement element, int indent, List<TemplatePart.Argument> args, ExpressionWriter expressions)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
            {
                var members = new List<string>();
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Name.Contains("__sb_", StringComparison.Ordinal))
                    {
                        return null;
                    }

                    var value = Write(property.Value, indent + 1, args, expressions);
                    if (value is null)
                    {
                        return null;
                    }

                    members.Add(BallerinaSyntax.StringLiteral(property.Name) + ": " + value);
                }

                return Layout("{", members, "}", indent);
            }

            case JsonValueKind.Array:
            {
                var items = new List<string>();
                foreach (var item in element.EnumerateArray())
                {
                    var value = Write(item, indent + 1, args, expressions);
                    if (value is null)
                    {
                        return null;
                    }

                    items.Add(value);
                }

                return Layout("[", items, "]", indent);
            }

            case JsonValueKind.String:
                return StringValue(element.GetString() ?? string.Empty, args, expressions);
            case JsonValueKind.Number:
            {
                var raw = element.GetRawText();
                var integral = !raw.Contains('.', StringComparison.Ordinal) && !raw.Contains('e', StringComparison.OrdinalIgnoreCase);
                return integral && !long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) ? raw + "d" : raw;
            }

            case JsonValueKind.True:
                return "true";
            case JsonValueKind.False:
                return "false";
            case JsonValueKind.Null:
                return "null";
            default:
                return null;
        }
    }

    private const int LineWidth = 80;

    private static string Layout(string open, List<string> items, string close, int indent)
    {
        var single = open + string.Join(", ", items) + close;
        if (items.Count == 0 || (single.Length + (indent * 4) <= LineWidth && !single.Contains('\n', StringComparison.Ordinal)))
        {
            return single;
        }

        var inner = new string(' ', (indent + 1) * 4);
        return open + "\n" + string.Join(",\n", items.Select(i => inner + i)) + "\n" + new string(' ', indent * 4) + close;
    }

    private static string StringValue(string value, List<TemplatePart.Argument> args, ExpressionWriter expressions)
    {
        if (TryWholeSlot(value, RawSlot, out var raw))
        {
            // A JSONPath result pasted unquoted is the JSON value itself; anything else is parsed as JSON text.
            return args[raw].Value is JsonEvalIr path
                ? $"check jsonPath(ctx, {BallerinaSyntax.StringLiteral(path.Path)})"
                : $"toJson({expressions.String(args[raw].Value)})";
        }

        if (TryWholeSlot(value, StringSlot, out var whole))
        {
            return expressions.String(args[whole].Value);
        }

        if (!value.Contains(StringSlot, StringComparison.Ordinal))
        {
            return BallerinaSyntax.StringLiteral(value);
        }

        // Text with slots inside: a string template.
        var parts = new List<ExprIr>();
        var index = 0;
        while (index < value.Length)
        {
            var start = value.IndexOf(StringSlot, index, StringComparison.Ordinal);
            var end = start < 0 ? -1 : value.IndexOf("__", start + StringSlot.Length, StringComparison.Ordinal);
            if (start < 0 || end < 0)
            {
                parts.Add(new StringLiteralIr(value[index..]));
                break;
            }

            if (start > index)
            {
                parts.Add(new StringLiteralIr(value[index..start]));
            }

            var number = int.Parse(value[(start + StringSlot.Length)..end], CultureInfo.InvariantCulture);
            parts.Add(args[number].Value);
            index = end + 2;
        }

        return expressions.StringTemplate(parts);
    }

    private static bool TryWholeSlot(string value, string prefix, out int index)
    {
        index = -1;
        return value.StartsWith(prefix, StringComparison.Ordinal) && value.EndsWith("__", StringComparison.Ordinal)
            && int.TryParse(value[prefix.Length..^2], NumberStyles.None, CultureInfo.InvariantCulture, out index);
    }
}
