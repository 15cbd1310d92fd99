using System.Collections.Immutable;
using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Syntax;
using SynapseToBal.Syntax.Expressions;

namespace SynapseToBal.Lowering;

// Lowering of <payloadFactory>: the payload built from a JSON, XML or text template with argument slots.
public sealed partial class Lowerer
{
    private StepIr LowerPayloadFactory(PayloadFactoryMediator factory, FlowContext context)
    {
        var format = factory.Format;
        if (factory.FormatKey is { } key)
        {
            // The entry's element as MI holds it: its inherited default namespace (the Synapse one) is kept.
            if (_model.Symbols.LocalEntry(key) is { } entry && (entry.XmlAsDeployed ?? entry.Xml ?? entry.Text) is { } content)
            {
                format = content;
            }
            else
            {
                return new TodoStep(factory, new NotTranslatedIr(DiagnosticCatalog.UnresolvedReference, $"the format is read from '{key}', which is not part of the input"), factory.RawXml);
            }
        }

        if (factory.TemplateType != "default")
        {
            return Todo(factory, DiagnosticCatalog.AttributeNotTranslated, $"{factory.TemplateType} payload templates are not translated: the converter builds payloads from the default template's $n arguments only, and a {factory.TemplateType} template runs that template engine's own language", "payloadFactory", $"template-type '{factory.TemplateType}'", "only the default template type is translated: this template's engine language has no translation");
        }

        if (factory.FormatKey is null && factory.DroppedFormatContent is { } dropped)
        {
            _diagnostics.Report(DiagnosticCatalog.PayloadFormatContentDropped, factory.Location, string.Join(", ", dropped.Items), dropped.FirstElement);
        }

        PayloadKind? known = factory.MediaType switch
        {
            "xml" => PayloadKind.Xml,
            "json" => PayloadKind.Json,
            "text" => PayloadKind.Text,
            _ => null,
        };
        if (known is not { } kind)
        {
            // PayloadFactoryMediator.mediate writes the payload only for "xml", "json" or "text" (compared exactly),
            // and sets the content type only for those: the payload and its content type stay (the parser reported SB0103).
            return new CommentStep(factory, $"payloadFactory media-type=\"{factory.MediaType}\" is none of xml, json, text: the Micro Integrator leaves the payload and its content type as they are");
        }

        var args = factory.Args.Select(a => ArgValue(a, context)).ToList();
        var used = new bool[args.Count];
        var labels = new Dictionary<object, string>(ReferenceEqualityComparer.Instance);
        var parts = ImmutableArray.CreateBuilder<TemplatePart>();
        var text = format ?? string.Empty;
        var split = InterpolationLexer.Split(text, InterpolationMode.PayloadFactory);
        foreach (var error in split.Errors)
        {
            _diagnostics.Report(DiagnosticCatalog.InvalidAttribute, factory.Location, "payloadFactory", "format", text.Substring(error.Span.Start, error.Span.Length), $"{error.Message} at position {error.Span.Start}; the rest of the format is kept as written");
        }

        // The $n arguments (not MI 4.4 inline expressions, which RegexTemplateProcessor quotes and escapes itself).
        var numbered = new HashSet<TemplatePart.Argument>(ReferenceEqualityComparer.Instance);
        foreach (var part in split.Parts)
        {
            switch (part)
            {
                case TextPart literal:
                    parts.Add(new TemplatePart.Text(literal.Text));
                    break;
                case ArgumentPart { Index: var number } when number <= args.Count:
                {
                    var (value, raw) = args[number - 1];
                    used[number - 1] = true;
                    labels.TryAdd(value, "$" + number.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    if (value is StringLiteralIr literal && kind != PayloadKind.Json && !raw)
                    {
                        // A literal argument is text: escaped into XML, pasted into plain text.
                        parts.Add(new TemplatePart.Text(kind == PayloadKind.Xml ? System.Security.SecurityElement.Escape(literal.Value) : literal.Value));
                    }
                    else
                    {
                        var argument = new TemplatePart.Argument(value, raw, kind == PayloadKind.Xml && InsideTag(text, part.Span.Start));
                        numbered.Add(argument);
                        parts.Add(argument);
                    }

                    break;
                }

                case ArgumentPart argument:
                    _diagnostics.Report(DiagnosticCatalog.InvalidAttribute, factory.Location, "payloadFactory", "format", text.Substring(argument.Span.Start, argument.Span.Length), $"there are only {args.Count} arguments; the text is kept as written");
                    parts.Add(new TemplatePart.Text(text.Substring(argument.Span.Start, argument.Span.Length)));
                    break;
                case SynapseExpressionPart inline:
                {
                    // MI 4.4 inline expression: the value pasted where it stands (RegexTemplateProcessor): inside a
                    // JSON string as escaped text, bare as the JSON value; in XML as markup when it is XML, else as
                    // escaped text; in text as it is.
                    var expression = ExpressionSyntax.Create(text.Substring(inline.Span.Start, inline.Span.Length), ImmutableDictionary<string, string>.Empty, factory.Location);

                    // RegexTemplateProcessor.evaluateExpression: stringValueOf when the expression's text holds "xpath(",
                    // else objectValueOf (the result as it is, quotes kept).
                    var reading = expression.Original.Contains("xpath(", StringComparison.Ordinal) ? ExpressionReading.StringValue : ExpressionReading.ObjectValue;
                    var value = Expr(expression, context, reading);
                    labels.TryAdd(value, text.Substring(inline.Span.Start, inline.Span.Length));
                    parts.Add(new TemplatePart.Argument(value, Raw: true, kind == PayloadKind.Xml && InsideTag(text, part.Span.Start)));
                    break;
                }

                default:
                    throw new InvalidOperationException($"Unexpected part {part.GetType().Name} in a payloadFactory format");
            }
        }

        for (var i = 0; i < args.Count; i++)
        {
            if (!used[i] && _unusedArgsReported.Add((factory, i)))
            {
                var arg = factory.Args[i];
                var shown = arg.Value switch
                {
                    ValueSyntax.Literal literal => $"value=\"{literal.Text}\"",
                    ValueSyntax.Expression expression => $"expression=\"{expression.Syntax.Text}\"",
                    _ => "inline XML",
                };
                _diagnostics.Report(DiagnosticCatalog.PayloadArgumentUnused, arg.Location, "$" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), shown);
            }
        }

        var template = Trimmed(parts.ToImmutable());
        var step = new SetPayloadStep(factory, kind, template)
        {
            Json = kind == PayloadKind.Json && JsonTemplates.TryParse(template) is { } json && !(QuotedSlotMayHoldJsonText(json, numbered) && TextArguments(numbered)) ? json : null,
            Xml = kind == PayloadKind.Xml ? XmlTemplates.TryParse(template) : null,
        };
        if (step.Json is { } tree)
        {
            ReportUnquotedText(factory, tree, labels);
        }

        if (step is { Kind: PayloadKind.Json, Json: null } && template.All(p => p is TemplatePart.Text)
            && RefusedJsonText(string.Concat(template.Cast<TemplatePart.Text>().Select(t => t.Content))) is { } refused)
        {
            _diagnostics.Report(DiagnosticCatalog.PayloadJsonTextRefused, factory.Location, refused.Text, refused.When);
        }

        return step;
    }

    private readonly HashSet<(PayloadFactoryMediator, string)> _unquotedTextReported = [];

    /// <summary>The arguments reported as unused (SB0615), once each however often their sequence is lowered.</summary>
    private readonly HashSet<(PayloadFactoryMediator, int)> _unusedArgsReported = [];

    /// <summary>
    /// SB0610 for each argument of a JSON template that stands outside quotes and whose value is text: a literal that is
    /// no JSON text, or a string known only at run time. The Micro Integrator pastes its text as it is (invalid JSON unless
    /// it is JSON text); the generated <c>toJson</c> makes other text a JSON string.
    /// </summary>
    private void ReportUnquotedText(PayloadFactoryMediator factory, JsonNodeIr tree, Dictionary<object, string> labels)
    {
        foreach (var slot in Slots(tree))
        {
            // The whole JSON payload (`${payload}`, json-eval `$`) is an object or an array; a sequence lowered for
            // several callers reports each argument once.
            if (slot.Value.Kind != ValueKind.String || slot.Value is JsonEvalIr { Path: "$" } || !labels.TryGetValue(slot.Value, out var label)
                || !_unquotedTextReported.Add((factory, label)))
            {
                continue;
            }

            if (slot.Value is StringLiteralIr literal)
            {
                // A literal is escaped before it is pasted (escapeSpecialChars: `"` becomes `\"`, `\` becomes `\\`), so
                // JSON text holding a quote or a backslash is no JSON text any more there.
                if (!IsJsonText(literal.Value) || literal.Value.Contains('"', StringComparison.Ordinal) || literal.Value.Contains('\\', StringComparison.Ordinal))
                {
                    _diagnostics.Report(DiagnosticCatalog.PayloadUnquotedText, factory.Location, label, $"its value '{literal.Value}' is such text");
                }
            }
            else
            {
                _diagnostics.Report(DiagnosticCatalog.PayloadUnquotedText, factory.Location, label, "its value is known only at run time");
            }
        }

        static IEnumerable<JsonNodeIr.Slot> Slots(JsonNodeIr node) => node switch
        {
            JsonNodeIr.Slot slot => [slot],
            JsonNodeIr.Object o => o.Members.SelectMany(m => Slots(m.Value)),
            JsonNodeIr.Array a => a.Items.SelectMany(Slots),
            _ => [],
        };

        static bool IsJsonText(string text)
        {
            try
            {
                using var document = System.Text.Json.JsonDocument.Parse(text);
                return true;
            }
            catch (System.Text.Json.JsonException)
            {
                return false;
            }
        }
    }

    /// <summary>
    /// Fixed JSON template text that JsonUtil.getNewJsonPayload refuses (the text, and on which requests), or null: it
    /// reads up to the first character that can start a JSON value; from <c>{</c> or <c>[</c> it keeps the text, from
    /// another one the whole text must be a quoted string, true, false, null or a number; text with none of them is
    /// taken on a GET or DELETE request only. Empty text is <c>{}</c>.
    /// </summary>
    private static (string Text, string When)? RefusedJsonText(string text)
    {
        if (text.Length == 0)
        {
            return null;
        }

        var start = text.IndexOfAny("{[\"tnf-0123456789".ToCharArray());
        if (start < 0)
        {
            return (text, "every request but a GET or DELETE");
        }

        var valid = text[start] is '{' or '['
            || (text.StartsWith('"') && text.EndsWith('"'))
            || text is "true" or "false" or "null"
            || System.Text.RegularExpressions.Regex.IsMatch(text, @"^-?[0-9]+(\.[0-9]+)?$");
        return valid ? null : (text, "every request");
    }

    /// <summary>
    /// The template with white space (Java's String.trim: every character up to U+0020) removed from its literal
    /// ends: PayloadFactoryMediator.mediate trims the transformed payload (<c>result.toString().trim()</c>) before it
    /// sets it, whatever the media type. An end that is an argument is trimmed at run time, where its value is known.
    /// </summary>
    private static ImmutableArray<TemplatePart> Trimmed(ImmutableArray<TemplatePart> parts)
    {
        var list = parts.ToList();
        while (list.Count > 0 && list[0] is TemplatePart.Text first)
        {
            var rest = first.Content.TrimStart(JavaText.Trimmed);
            if (rest.Length > 0)
            {
                list[0] = new TemplatePart.Text(rest);
                break;
            }

            list.RemoveAt(0);
        }

        while (list.Count > 0 && list[^1] is TemplatePart.Text last)
        {
            var rest = last.Content.TrimEnd(JavaText.Trimmed);
            if (rest.Length > 0)
            {
                list[^1] = new TemplatePart.Text(rest);
                break;
            }

            list.RemoveAt(list.Count - 1);
        }

        return [.. list];
    }

    /// <summary>
    /// Whether an argument inside a JSON string of the template (<c>"x":"$1"</c>) is at run time JSON text: a JSONPath
    /// argument selecting the whole payload (<c>$</c>), or a read of a property the project sets to it or as JSON
    /// (<see cref="JsonTextProperties"/>). TemplateProcessor.prepareReplacementValue pastes a non-literal argument whose value starts with
    /// <c>{</c> or <c>[</c> unescaped (an XPath's string and a JSONPath's JSON alike: only other text is escaped), so
    /// the quotes around it stay and the payload is text the Micro Integrator stores unparsed as the JSON stream
    /// (JsonUtil.getNewJsonPayload), usually no valid JSON. Such a template is built as text (<c>setJsonText</c> with
    /// <c>jsonArg</c>, which does the same), not as a record whose string member would escape the value.
    /// </summary>
    private bool QuotedSlotMayHoldJsonText(JsonNodeIr node, HashSet<TemplatePart.Argument> numbered) => node switch
    {
        JsonNodeIr.Object o => o.Members.Any(m => QuotedSlotMayHoldJsonText(m.Value, numbered)),
        JsonNodeIr.Array a => a.Items.Any(i => QuotedSlotMayHoldJsonText(i, numbered)),
        JsonNodeIr.String s => s.Parts.Any(p => p is TemplatePart.Argument { Raw: true } argument && numbered.Contains(argument) && argument.Value switch
        {
            JsonEvalIr json => WholePayloadPath(json.Path),
            PropertyReadIr { Scope: PropertyScope.Default } property => JsonTextProperties().Contains(property.Name),
            _ => false,
        }),
        _ => false,
    };

    private static bool WholePayloadPath(string path) => path.Trim() is "$" or "$.";

    /// <summary>
    /// Whether every argument of a template built as text keeps the value the record form gives it: JSON paths,
    /// property reads and literals (<c>jsonArg</c> pastes or escapes their text as prepareReplacementValue does). An
    /// XPath argument is converted from XML to JSON by the record form (convertXmlArgumentToJson, an element's JSON),
    /// which <c>jsonArg</c> of its string would not do: such a template stays a record, its JSON-text slot escaped
    /// (mapping.md, "Differs").
    /// </summary>
    private static bool TextArguments(HashSet<TemplatePart.Argument> numbered) =>
        numbered.All(argument => argument.Value is JsonEvalIr or PropertyReadIr or StringLiteralIr);

    private HashSet<string>? _jsonTextProperties;

    /// <summary>
    /// The default-scope properties some property mediator of the project sets to the whole JSON payload
    /// (<c>json-eval($)</c>) or with type JSON: their text is JSON text (an object or array) when the payload is JSON.
    /// </summary>
    private HashSet<string> JsonTextProperties() => _jsonTextProperties ??= AllMediators().OfType<PropertyMediator>()
        .Where(p => p is { Action: PropertyAction.Set, Scope: "default" }
            && (p.Type == "JSON" || (p.Value is ValueSyntax.Expression { Syntax: { Language: ExpressionLanguage.JsonPath } expression } && WholePayloadPath(expression.Text))))
        .Select(p => p.Name)
        .ToHashSet(StringComparer.Ordinal);

    /// <summary>An argument's value; Raw means "insert as markup/JSON when it looks like it" (expression results).</summary>
    private (ExprIr Value, bool Raw) ArgValue(PayloadArgSyntax arg, FlowContext context) => arg.Value switch
    {
        ValueSyntax.Literal literal => (new StringLiteralIr(literal.Text), false),
        ValueSyntax.Expression expression => (Expr(expression.Syntax, context), !arg.Literal),
        ValueSyntax.InlineXml xml => (new StringLiteralIr(xml.Xml), true),
        _ => throw new InvalidOperationException(),
    };

    /// <summary>True when position <paramref name="index"/> of an XML text lies inside a tag (an attribute value).</summary>
    private static bool InsideTag(string xml, int index)
    {
        var open = xml.LastIndexOf('<', index);
        var close = xml.LastIndexOf('>', index);
        return open > close;
    }
}
