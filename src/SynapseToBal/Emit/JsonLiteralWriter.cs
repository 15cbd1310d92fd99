using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using SynapseToBal.IR;

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
            var output = new StringBuilder();
            return Write(document.RootElement, output, args, expressions) ? output.ToString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool Write(JsonElement element, StringBuilder output, List<TemplatePart.Argument> args, ExpressionWriter expressions)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
            {
                output.Append('{');
                var first = true;
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Name.Contains("__sb_", StringComparison.Ordinal))
                    {
                        return false;
                    }

                    output.Append(first ? string.Empty : ", ").Append(BallerinaSyntax.StringLiteral(property.Name)).Append(": ");
                    first = false;
                    if (!Write(property.Value, output, args, expressions))
                    {
                        return false;
                    }
                }

                output.Append('}');
                return true;
            }

            case JsonValueKind.Array:
            {
                output.Append('[');
                var first = true;
                foreach (var item in element.EnumerateArray())
                {
                    output.Append(first ? string.Empty : ", ");
                    first = false;
                    if (!Write(item, output, args, expressions))
                    {
                        return false;
                    }
                }

                output.Append(']');
                return true;
            }

            case JsonValueKind.String:
                output.Append(StringValue(element.GetString() ?? string.Empty, args, expressions));
                return true;
            case JsonValueKind.Number:
            {
                var raw = element.GetRawText();
                if (!raw.Contains('.', StringComparison.Ordinal) && !raw.Contains('e', StringComparison.OrdinalIgnoreCase) && !long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
                {
                    raw += "d";
                }

                output.Append(raw);
                return true;
            }

            case JsonValueKind.True:
                output.Append("true");
                return true;
            case JsonValueKind.False:
                output.Append("false");
                return true;
            case JsonValueKind.Null:
                output.Append("null");
                return true;
            default:
                return false;
        }
    }

    private static string StringValue(string value, List<TemplatePart.Argument> args, ExpressionWriter expressions)
    {
        if (TryWholeSlot(value, RawSlot, out var raw))
        {
            return $"toJson({expressions.String(args[raw].Value)})";
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
