using System.Text.Json;
using System.Text.Json.Nodes;

namespace SynapseToBal.Lowering;

/// <summary>
/// The conversion-time walk of a JSON schema a jsontransform mediator coerces the payload to. The Micro Integrator
/// does not validate with a JSON-schema library there: commons <c>JsonProcessor.parseJson</c> walks the schema with
/// its own validators (Object/Array/String/Numeric/Boolean/NullValidator), coercing text to the types the schema
/// gives and failing on the constraints it reads. The generated code runs the runtime's <c>jsonSchemaTransform</c>,
/// which follows the same walk. What JsonProcessor ignores (<c>$ref</c>, <c>allOf</c>, <c>format</c>, <c>default</c>,
/// ...) the runtime ignores too; what it reads in a form the runtime cannot reproduce exactly is a problem, and the
/// mediator then stays a TODO (SB0270):
/// <list type="bullet">
/// <item>a root whose type is a scalar (boolean, string, number, integer, null): the validators then read the
/// payload's raw text, its quotes and white space included, which the generated message model does not keep;</item>
/// <item>a count (minLength, maxLength, minItems, maxItems, minProperties, maxProperties) that is not a JSON integer
/// (JsonProcessor parses its text with Integer.parseInt, and fails every message on a fraction);</item>
/// <item>a bound (minimum, maximum, exclusiveMinimum, exclusiveMaximum, multipleOf) that is not a JSON number: a
/// draft-4 boolean exclusiveMaximum is read as a number by JsonProcessor, which then fails on every value;</item>
/// <item>a pattern with no Ballerina equivalent (<see cref="JavaRegex"/>; <c>pattern</c> is matched whole, as
/// String.matches does, a patternProperties name searched, as Matcher.find does);</item>
/// <item>a keyword value of a JSON kind JsonProcessor casts to another (properties or patternProperties not an
/// object, required not an array of names, enum not an array, const not a scalar, additionalProperties or
/// additionalItems neither a boolean nor an object, uniqueItems not a boolean, a tuple item or patternProperties
/// member not an object, a patternProperties member's type not a name): Gson throws a ClassCastException or
/// IllegalStateException there, whose message the runtime does not reproduce.</item>
/// </list>
/// </summary>
public static class JsonCoerceSchema
{
    /// <summary>The keywords JsonProcessor reads; every other member of a schema is ignored by it.</summary>
    public static readonly IReadOnlySet<string> Read = new HashSet<string>(StringComparer.Ordinal)
    {
        "type", "properties", "required", "minProperties", "maxProperties", "patternProperties", "additionalProperties",
        "items", "additionalItems", "minItems", "maxItems", "uniqueItems", "minLength", "maxLength", "pattern", "enum",
        "const", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf",
    };

    private static readonly HashSet<string> ScalarTypes = new(StringComparer.Ordinal)
    {
        "boolean", "string", "String", "number", "integer", "null",
    };

    /// <summary>
    /// The outcome: the schema as the package holds it (patterns in Ballerina's syntax), or the problem; or, for a
    /// schema with which JsonProcessor.parseJson fails every message whatever the payload, the message it fails with.
    /// </summary>
    public sealed record Result(string? Schema, string? Problem, string? FailsWith = null);

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
            return new Result(null, $"it is not JSON ({e.Message}); Gson reads some such text leniently, and fails the flow with 'Invalid JSON schema' on the rest");
        }

        if (root is JsonValue value && value.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
        {
            // JsonProcessor.parseJson: true keeps the payload, false fails every message.
            return new Result(text, null);
        }

        if (root is not JsonObject schema)
        {
            // parseJson: a primitive is read with JsonPrimitive.getAsBoolean (a string as Boolean.parseBoolean reads it,
            // so "true" in any case keeps the payload; a number or any other string is false and fails every message);
            // an array or null fails every message.
            if (root is JsonValue primitive && primitive.GetValueKind() is JsonValueKind.String or JsonValueKind.Number)
            {
                return primitive.GetValueKind() == JsonValueKind.String && string.Equals(primitive.GetValue<string>(), "true", StringComparison.OrdinalIgnoreCase)
                    ? new Result("true\n", null)
                    : new Result(null, null, "JSON schema is false, so all validations will fail");
            }

            return new Result(null, null, "JSON schema should be an object or boolean");
        }

        if (schema["type"] is JsonValue type && type.TryGetValue<string>(out var name) && ScalarTypes.Contains(name))
        {
            return new Result(null, $"its root type is '{name}': JsonProcessor then coerces the payload's raw text (its quotes and white space included), which the generated message model does not keep");
        }

        var walker = new Walker();
        walker.Schema(schema, "#");
        if (walker.Problem is { } problem)
        {
            return new Result(null, problem);
        }

        return new Result(walker.Rewritten ? schema.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n" : text, null);
    }

    private sealed class Walker
    {
        public string? Problem { get; private set; }

        public bool Rewritten { get; private set; }

        private void Fail(string problem) => Problem ??= problem;

        public void Schema(JsonObject schema, string at)
        {
            foreach (var (keyword, value) in schema.ToList())
            {
                if (Problem is not null)
                {
                    return;
                }

                if (Read.Contains(keyword))
                {
                    Keyword(keyword, value, schema, at);
                }
            }
        }

        private void Keyword(string keyword, JsonNode? value, JsonObject schema, string at)
        {
            var where = $"{at}/{keyword}";
            switch (keyword)
            {
                case "properties":
                    if (value is not JsonObject members)
                    {
                        Fail($"'properties' at {at} is not an object (JsonProcessor casts it to one)");
                        break;
                    }

                    // A member that is not an object is skipped by ObjectValidator (isJsonObject), so by the runtime.
                    foreach (var (name, member) in members.ToList())
                    {
                        if (member is JsonObject memberSchema)
                        {
                            Schema(memberSchema, $"{where}/{name}");
                        }
                    }

                    break;
                case "patternProperties":
                    if (value is not JsonObject patterns)
                    {
                        Fail($"'patternProperties' at {at} is not an object (JsonProcessor casts it to one)");
                        break;
                    }

                    // Renamed in place, keeping the order: JsonProcessor applies the patterns in the schema's order.
                    var ordered = new List<(string Name, JsonNode? Member)>();
                    foreach (var (pattern, member) in patterns.ToList())
                    {
                        var name = pattern;
                        if (member is not JsonObject memberSchema)
                        {
                            Fail($"the patternProperties member '{pattern}' at {at} is not an object (JsonProcessor casts it to one)");
                            return;
                        }

                        if (memberSchema.ContainsKey("type") && (memberSchema["type"] is not JsonValue memberType || !memberType.TryGetValue<string>(out _)))
                        {
                            Fail($"the type of the patternProperties member '{pattern}' at {at} is not a name (JsonProcessor reads it with getAsString)");
                            return;
                        }

                        Schema(memberSchema, $"{where}/{pattern}");
                        Pattern(pattern, RegexUse.Replace, $"the patternProperties name '{pattern}' at {at}", translated => name = translated);
                        ordered.Add((name, member));
                    }

                    if (ordered.Any(o => !patterns.ContainsKey(o.Name)))
                    {
                        patterns.Clear();
                        foreach (var (name, member) in ordered)
                        {
                            patterns[name] = member;
                        }
                    }

                    break;
                case "additionalProperties" or "additionalItems":
                    if (value is JsonObject nested)
                    {
                        Schema(nested, where);
                    }
                    else if (!IsBoolean(value))
                    {
                        Fail($"'{keyword}' at {at} is neither a boolean nor a schema");
                    }

                    break;
                case "items":
                    if (value is JsonObject one)
                    {
                        Schema(one, where);
                    }
                    else if (value is JsonArray tuple)
                    {
                        for (var i = 0; i < tuple.Count; i++)
                        {
                            if (tuple[i] is not JsonObject item)
                            {
                                Fail($"the item schema {where}/{i} is not an object (JsonProcessor casts it to one)");
                                return;
                            }

                            Schema(item, $"{where}/{i}");
                        }
                    }

                    // Anything else: ArrayValidator fails the flow with "Schema for Array is invalid", as the runtime does.
                    break;
                case "required":
                    if (value is not JsonArray required || required.Any(n => n is not JsonValue v || !v.TryGetValue<string>(out _)))
                    {
                        Fail($"'required' at {at} is not an array of names (JsonProcessor casts it to an array and reads names)");
                    }

                    break;
                case "minProperties" or "maxProperties" or "minLength" or "maxLength" or "minItems" or "maxItems":
                    if (value is not JsonValue count || count.GetValueKind() != JsonValueKind.Number || !count.GetValue<JsonElement>().TryGetInt32(out _))
                    {
                        Fail($"'{keyword}' at {at} is not an integer (JsonProcessor reads its text with Integer.parseInt)");
                    }

                    break;
                case "minimum" or "maximum" or "exclusiveMinimum" or "exclusiveMaximum" or "multipleOf":
                    if (value is not JsonValue bound || bound.GetValueKind() != JsonValueKind.Number)
                    {
                        Fail(IsBoolean(value)
                            ? $"'{keyword}' at {at} is a boolean (draft 4), which JsonProcessor reads as a number: every value fails with a NumberFormatException"
                            : $"'{keyword}' at {at} is not a number (JsonProcessor reads its text with Double.parseDouble)");
                    }

                    break;
                case "uniqueItems":
                    if (!IsBoolean(value))
                    {
                        Fail($"'uniqueItems' at {at} is not a boolean");
                    }

                    break;
                case "enum":
                    if (value is not JsonArray)
                    {
                        Fail($"'enum' at {at} is not an array (JsonProcessor casts it to one)");
                    }

                    break;
                case "const":
                    if (value is not JsonValue constant || constant.GetValueKind() is not (JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False))
                    {
                        Fail($"'const' at {at} is not a string, number or boolean (JsonProcessor casts it to a primitive)");
                    }

                    break;
                case "pattern":
                    if (value is not JsonValue patternValue || !patternValue.TryGetValue<string>(out var regex))
                    {
                        Fail($"'pattern' at {at} is not a string");
                        break;
                    }

                    if (regex.Length > 0)
                    {
                        Pattern(regex, RegexUse.WholeString, $"the pattern '{regex}' at {at}", translated => schema["pattern"] = translated);
                    }

                    break;
                case "type":
                    // Any value: JsonProcessor reads a name, or the JSON text of anything else, which names no type.
                    break;
            }
        }

        /// <summary>Translates a pattern; a different spelling is written back through <paramref name="rename"/>.</summary>
        private void Pattern(string pattern, RegexUse use, string what, Action<string> rename)
        {
            var translation = JavaRegex.Translate(pattern, use);
            if (translation.Pattern is not { } translated)
            {
                Fail($"{what} has no Ballerina equivalent ({translation.Problem})");
                return;
            }

            if (translated != pattern)
            {
                rename(translated);
                Rewritten = true;
            }
        }

        private static bool IsBoolean(JsonNode? value) => value is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False;
    }
}
