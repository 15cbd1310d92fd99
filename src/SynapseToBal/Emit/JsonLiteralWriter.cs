using System.Collections.Immutable;
using System.Globalization;
using SynapseToBal.IR;
using SynapseToBal.Refine;

namespace SynapseToBal.Emit;

/// <summary>
/// Writes a JSON template tree as a Ballerina JSON value (<c>{"id": orderId, "items": []}</c>), objects and
/// arrays longer than a line spread over lines.
/// </summary>
internal static class JsonLiteralWriter
{
    private const int LineWidth = 80;

    /// <param name="record">
    /// The value is a record's (a payload record, issue 14): each member is written by its field name as a record
    /// literal is (<c>{'error: "not found", orderId}</c>: a keyword quoted, the value alone when it is the local of that
    /// name); a name that needs escapes in an identifier keeps its string literal (<c>"order-id": ...</c>). Either key
    /// names the same field, so the value is the same.
    /// </param>
    public static string Write(JsonNodeIr node, ExpressionWriter expressions, bool record = false) => Write(node, 0, expressions, record);

    private static string Write(JsonNodeIr node, int indent, ExpressionWriter expressions, bool record) => node switch
    {
        JsonNodeIr.Object o => Layout("{", o.Members.Select(m => Member(m.Name, Write(m.Value, indent + 1, expressions, record), record)).ToList(), "}", indent),
        JsonNodeIr.Array a => Layout("[", a.Items.Select(i => Write(i, indent + 1, expressions, record)).ToList(), "]", indent),
        JsonNodeIr.String s => StringValue(s.Parts, expressions),
        JsonNodeIr.Number n => Number(n.Text),
        JsonNodeIr.Boolean b => b.Value ? "true" : "false",
        JsonNodeIr.Null => "null",

        // MI 4.4 ${payload} pasted unquoted: the JSON payload, but for a message whose content type holds "xml" the
        // text of the node list xpath('$body') gives (RegexTemplateProcessor), which is no JSON.
        JsonNodeIr.Slot { Value: JsonEvalIr { BodyWhenXml: true } } => "check jsonPayloadSlot(ctx)",

        // A JSONPath result pasted unquoted is the JSON value itself, but a JSON string goes in as its text without
        // quotes (`unquotedJson`: TemplateProcessor pastes a json-eval argument's stringValueOf, RegexTemplateProcessor a
        // JsonPrimitive's getAsString); anything else is parsed as JSON text.
        JsonNodeIr.Slot { Value: JsonEvalIr path } => $"unquotedJson(check jsonPath(ctx, {BallerinaSyntax.StringLiteral(path.Path)}))",
        JsonNodeIr.Slot slot => $"toJson({expressions.String(slot.Value)})",
        _ => throw new InvalidOperationException($"Unhandled JSON node {node.GetType().Name}"),
    };

    /// <summary>One member of a mapping constructor: <c>"name": value</c>, or in a record's <c>name: value</c> (<c>name</c> alone for <c>name: name</c>).</summary>
    private static string Member(string name, string value, bool record)
    {
        if (record && BallerinaSyntax.FieldName(name) is { } field && !field.Contains('\\', StringComparison.Ordinal))
        {
            return value == field ? field : field + ": " + value;
        }

        return BallerinaSyntax.StringLiteral(name) + ": " + value;
    }

    /// <summary>A JSON number: an integer too large for Ballerina's int becomes a decimal (<c>d</c> suffix).</summary>
    private static string Number(string raw)
    {
        var integral = !raw.Contains('.', StringComparison.Ordinal) && !raw.Contains('e', StringComparison.OrdinalIgnoreCase);
        return integral && !long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) ? raw + "d" : raw;
    }

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

    private static string StringValue(ImmutableArray<TemplatePart> parts, ExpressionWriter expressions) => parts switch
    {
        [] => "\"\"",
        [TemplatePart.Argument whole] => expressions.String(whole.Value),
        _ when parts.All(p => p is TemplatePart.Text) => BallerinaSyntax.StringLiteral(string.Concat(parts.Cast<TemplatePart.Text>().Select(t => t.Content))),
        _ => expressions.StringTemplate(parts.Select(p => p switch
        {
            TemplatePart.Text t => (ExprIr)new StringLiteralIr(t.Content),
            TemplatePart.Argument a => a.Value,
            _ => throw new InvalidOperationException(),
        })),
    };
}
