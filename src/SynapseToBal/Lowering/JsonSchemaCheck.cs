using System.Text.Json;
using System.Text.Json.Nodes;
using SynapseToBal.IR;

namespace SynapseToBal.Lowering;

/// <summary>
/// The conversion-time walk of a JSON schema a validate mediator checks against. The Micro Integrator validates with
/// the fge json-schema-validator (<c>JsonSchemaFactory.byDefault()</c>: draft 4, or draft 3 when <c>$schema</c> says
/// so); the generated code with the runtime's <c>jsonSchemaFailure</c>, which applies the draft-4 keywords listed in
/// <see cref="Applied"/> and ignores the annotations in <see cref="Annotations"/>. Any other keyword, a value fge
/// would reject, a <c>$ref</c> outside the document, or a <c>pattern</c> with no Ballerina equivalent is a problem:
/// the mediator then stays a TODO, never a check looser (or stricter) than the Micro Integrator's.
/// <para>
/// Patterns (fge: ECMA 262, searched with <c>test</c>) are translated with <see cref="JavaRegex"/> as a search in
/// which <c>$</c> is the end of the text (ECMA's reading without the multiline flag); a pattern whose Ballerina form
/// is spelled differently is rewritten in the copy of the schema the package holds.
/// </para>
/// </summary>
public static class JsonSchemaCheck
{
    /// <summary>The draft-4 validation keywords the runtime check applies (with <c>$ref</c> to <c>#...</c>).</summary>
    public static readonly IReadOnlySet<string> Applied = new HashSet<string>(StringComparer.Ordinal)
    {
        "$ref", "additionalItems", "additionalProperties", "allOf", "anyOf", "enum", "items", "maxItems", "maxLength",
        "maxProperties", "maximum", "exclusiveMaximum", "minItems", "minLength", "minProperties", "minimum",
        "exclusiveMinimum", "multipleOf", "not", "oneOf", "pattern", "patternProperties", "properties", "required",
        "type", "uniqueItems", "definitions",
    };

    /// <summary>Annotations fge ignores when it validates, and so does the runtime check.</summary>
    public static readonly IReadOnlySet<string> Annotations = new HashSet<string>(StringComparer.Ordinal)
    {
        "$schema", "id", "title", "description", "default",
    };

    private static readonly HashSet<string> LaterDrafts = new(StringComparer.Ordinal)
    {
        "const", "contains", "propertyNames", "if", "then", "else", "dependentRequired", "dependentSchemas",
        "prefixItems", "unevaluatedProperties", "unevaluatedItems", "$defs", "$id", "$anchor", "$comment", "examples",
        "readOnly", "writeOnly", "contentMediaType", "contentEncoding", "minContains", "maxContains",
    };

    private static readonly HashSet<string> TypeNames = new(StringComparer.Ordinal)
    {
        "array", "boolean", "integer", "null", "number", "object", "string",
    };

    /// <summary>The outcome: the schema as the package holds it (patterns in Ballerina's syntax), or the problem.</summary>
    public sealed record Result(string? Schema, string? Problem);

    /// <summary>Walks the schema text; <see cref="Result.Schema"/> is the text itself when nothing was rewritten.</summary>
    public static Result Prepare(string text)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(text.TrimStart('\uFEFF'), documentOptions: new JsonDocumentOptions { AllowTrailingCommas = false });
        }
        catch (JsonException e)
        {
            return new Result(null, $"it is not JSON ({e.Message})");
        }

        if (root is not JsonObject rootObject)
        {
            return new Result(null, "it is not a JSON object");
        }

        if (rootObject["$schema"] is JsonValue schemaUri && schemaUri.TryGetValue<string>(out var uri) && uri.Contains("draft-03", StringComparison.Ordinal))
        {
            return new Result(null, "it declares draft 3, whose keywords the Micro Integrator's validator reads differently");
        }

        var walker = new Walker(rootObject);
        walker.Schema(rootObject, "#");
        if (walker.Problem is { } problem)
        {
            return new Result(null, problem);
        }

        return new Result(walker.Rewritten ? rootObject.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n" : text, null);
    }

    private sealed class Walker(JsonObject root)
    {
        public string? Problem { get; private set; }

        public bool Rewritten { get; private set; }

        private void Fail(string problem) => Problem ??= problem;

        public void Schema(JsonNode? node, string at)
        {
            if (Problem is not null)
            {
                return;
            }

            if (node is not JsonObject schema)
            {
                Fail($"the schema at {at} is not a JSON object");
                return;
            }

            foreach (var (keyword, value) in schema.ToList())
            {
                var where = $"{at}/{keyword}";
                if (Annotations.Contains(keyword))
                {
                    continue;
                }

                if (LaterDrafts.Contains(keyword))
                {
                    Fail($"'{keyword}' at {at} is a keyword of a later draft, which the Micro Integrator's draft-4 validator ignores");
                    return;
                }

                if (keyword == "format")
                {
                    Fail($"'format' at {at}: the Micro Integrator's validator checks formats (date-time, email, hostname, ipv4, ipv6, uri, regex), the translated check does not");
                    return;
                }

                if (!Applied.Contains(keyword))
                {
                    Fail($"the keyword '{keyword}' at {at} is not applied by the translated check");
                    return;
                }

                Keyword(keyword, value, schema, where, at);
                if (Problem is not null)
                {
                    return;
                }
            }
        }

        private void Keyword(string keyword, JsonNode? value, JsonObject schema, string where, string at)
        {
            switch (keyword)
            {
                case "$ref":
                    if (value is not JsonValue refValue || !refValue.TryGetValue<string>(out var reference) || !reference.StartsWith('#'))
                    {
                        Fail($"the $ref at {at} names another document, which the Micro Integrator resolves by URI");
                    }
                    else if (JsonPointer.Resolve(root, Uri.UnescapeDataString(reference[1..])) is null)
                    {
                        Fail($"the $ref '{reference}' at {at} names nothing in the schema");
                    }

                    break;
                case "properties" or "patternProperties" or "definitions":
                    if (value is not JsonObject members)
                    {
                        Fail($"'{keyword}' at {at} is not an object");
                        break;
                    }

                    foreach (var (name, member) in members.ToList())
                    {
                        Schema(member, $"{where}/{name}");
                        if (keyword == "patternProperties")
                        {
                            Pattern(name, at, translated =>
                            {
                                members.Remove(name);
                                members[translated] = member;
                            });
                        }
                    }

                    break;
                case "additionalProperties" or "additionalItems":
                    if (value is JsonObject)
                    {
                        Schema(value, where);
                    }
                    else if (!IsBoolean(value))
                    {
                        Fail($"'{keyword}' at {at} is neither a boolean nor a schema");
                    }

                    break;
                case "items":
                    if (value is JsonArray tuple)
                    {
                        for (var i = 0; i < tuple.Count; i++)
                        {
                            Schema(tuple[i], $"{where}/{i}");
                        }
                    }
                    else
                    {
                        Schema(value, where);
                    }

                    break;
                case "allOf" or "anyOf" or "oneOf":
                    if (value is not JsonArray { Count: > 0 } schemas)
                    {
                        Fail($"'{keyword}' at {at} is not a non-empty array");
                        break;
                    }

                    for (var i = 0; i < schemas.Count; i++)
                    {
                        Schema(schemas[i], $"{where}/{i}");
                    }

                    break;
                case "not":
                    Schema(value, where);
                    break;
                case "enum":
                    if (value is not JsonArray { Count: > 0 })
                    {
                        Fail($"'enum' at {at} is not a non-empty array");
                    }

                    break;
                case "type":
                    var names = value is JsonArray list ? list.Select(n => n is JsonValue v && v.TryGetValue<string>(out var s) ? s : null).ToList() : [value is JsonValue single && single.TryGetValue<string>(out var one) ? one : null];
                    if (names.Count == 0 || names.Any(n => n is null || !TypeNames.Contains(n)))
                    {
                        Fail($"'type' at {at} is not one of the draft-4 type names or an array of them");
                    }

                    break;
                case "required":
                    if (value is not JsonArray { Count: > 0 } required || required.Any(n => n is not JsonValue v || !v.TryGetValue<string>(out _)))
                    {
                        Fail(IsBoolean(value) ? $"'required' at {at} is a draft-3 boolean" : $"'required' at {at} is not a non-empty array of names");
                    }

                    break;
                case "maxItems" or "minItems" or "maxLength" or "minLength" or "maxProperties" or "minProperties":
                    if (value is not JsonValue count || !count.TryGetValue<JsonElement>(out var element) || element.ValueKind != JsonValueKind.Number || !element.TryGetInt32(out var n) || n < 0)
                    {
                        Fail($"'{keyword}' at {at} is not a non-negative integer");
                    }

                    break;
                case "maximum" or "minimum":
                    if (!IsNumber(value))
                    {
                        Fail($"'{keyword}' at {at} is not a number");
                    }

                    break;
                case "multipleOf":
                    if (!IsNumber(value) || !value!.GetValue<JsonElement>().TryGetDecimal(out var divisor) || divisor <= 0)
                    {
                        Fail($"'multipleOf' at {at} is not a positive number");
                    }

                    break;
                case "exclusiveMaximum" or "exclusiveMinimum":
                    if (IsNumber(value))
                    {
                        Fail($"'{keyword}' at {at} is a number (draft 6 and later); the Micro Integrator's draft-4 validator rejects the schema");
                    }
                    else if (!IsBoolean(value))
                    {
                        Fail($"'{keyword}' at {at} is not a boolean");
                    }
                    else if (!schema.ContainsKey(keyword == "exclusiveMaximum" ? "maximum" : "minimum"))
                    {
                        Fail($"'{keyword}' at {at} has no '{(keyword == "exclusiveMaximum" ? "maximum" : "minimum")}' beside it, which the Micro Integrator's draft-4 validator rejects");
                    }

                    break;
                case "uniqueItems":
                    if (!IsBoolean(value))
                    {
                        Fail($"'uniqueItems' at {at} is not a boolean");
                    }

                    break;
                case "pattern":
                    if (value is not JsonValue patternValue || !patternValue.TryGetValue<string>(out var pattern))
                    {
                        Fail($"'pattern' at {at} is not a string");
                        break;
                    }

                    Pattern(pattern, at, translated => schema["pattern"] = translated);
                    break;
            }
        }

        /// <summary>Translates a pattern; a different spelling is written back through <paramref name="rename"/>.</summary>
        private void Pattern(string pattern, string at, Action<string> rename)
        {
            var translation = JavaRegex.Translate(pattern, RegexUse.ReplaceSingleLine);
            if (translation.Pattern is not { } translated)
            {
                Fail($"the pattern '{pattern}' at {at} has no Ballerina equivalent ({translation.Problem})");
                return;
            }

            if (translated != pattern)
            {
                rename(translated);
                Rewritten = true;
            }
        }


        private static bool IsBoolean(JsonNode? value) => value is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False;

        private static bool IsNumber(JsonNode? value) => value is JsonValue v && v.GetValueKind() == JsonValueKind.Number;
    }
}
