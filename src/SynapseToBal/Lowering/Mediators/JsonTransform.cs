using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

// Lowering of <jsontransform> (JSONTransformMediator): without properties or a schema it does not deploy (SB0106)
// and generates nothing; with only the
// output.autoPrimitive / disableAutoPrimitive.regex settings it converts the body to JSON again with them
// (jsonTransform); a schema the input holds as JSON text coerces the JSON payload to it (jsonSchemaTransform, after
// the settings' conversion when there are any), unless it uses a form the runtime cannot reproduce (SB0270); any other
// setting, a computed key or a schema outside the input stays a TODO (SB0222).
public sealed partial class Lowerer
{
    /// <summary>
    /// JSONTransformMediator, with properties, converts the body's first element to JSON again with a
    /// converter configured by those <c>synapse.commons.json.*</c> settings and makes it the JSON payload; with a
    /// schema key, it coerces the JSON payload (or the body converted to JSON) to the types and arrays
    /// the JSON schema gives (commons JsonProcessor). The generated <c>xmlToJson</c> reproduces two of the settings
    /// (jsonTransform); the runtime's <c>jsonSchemaTransform</c> reproduces the coercion for a schema the input holds
    /// as JSON text, walked first by <see cref="JsonCoerceSchema"/>.
    /// </summary>
    private IEnumerable<StepIr> LowerJsonTransform(JsonTransformMediator transform)
    {
        if (transform.Schema is null && transform.Properties.IsEmpty)
        {
            // The Micro Integrator refuses to deploy it (JSONTransformMediatorFactory; the parser reports SB0106), and
            // its mediate() would do nothing: nothing to generate.
            return [];
        }

        var primitives = transform.Properties.IsEmpty ? null : JsonTransformPrimitives(transform);
        if (transform.Schema is null && primitives is { } settings)
        {
            return [new JsonTransformStep(transform, settings.Primitives, settings.StringPattern)];
        }

        var summary = JsonTransformSummary(transform);
        if (transform.Schema is not { } key || (!transform.Properties.IsEmpty && primitives is null))
        {
            return [Todo(transform, DiagnosticCatalog.JsonTransformNotTranslated, $"<jsontransform> {summary}; not translated, the payload is left as it is", summary)];
        }

        if (JsonTransformSchemaText(key, out var why, out var xmlSchema) is not { } text)
        {
            if (xmlSchema)
            {
                // JSONTransformMediator: an entry that is neither text nor a string fails every message (handleException).
                return JsonTransformFails(transform, key, primitives, why, "Can not find valid JSON Schema content");
            }

            var reason = $"{summary} ({why})";
            return [Todo(transform, DiagnosticCatalog.JsonTransformNotTranslated, $"<jsontransform> {reason}; not translated, the payload is left as it is", reason)];
        }

        var prepared = JsonCoerceSchema.Prepare(text);
        if (prepared.FailsWith is { } failure)
        {
            return JsonTransformFails(transform, key, primitives, $"JsonProcessor.parseJson fails every message with '{failure}' for a schema that is neither an object nor a boolean (a number or a string other than 'true' is read as false)", failure);
        }

        if (prepared.Schema is not { } content)
        {
            return [Todo(transform, DiagnosticCatalog.JsonTransformSchemaNotReproduced, $"<jsontransform> coerces the payload to the JSON schema '{key.Text}', but {prepared.Problem}; not translated, the payload is left as it is", key.Text, prepared.Problem!)];
        }

        var schema = JsonTransformSchemaFile(key.Text, content);
        _diagnostics.Report(DiagnosticCatalog.JsonTransformSchemaDiffers, transform.Location, key.Text);
        StepIr coerce = new JsonSchemaTransformStep(transform, schema);
        // JSONTransformMediator.mediate: the settings' conversion first, then the schema over its result.
        return primitives is { } first ? [new JsonTransformStep(transform, first.Primitives, first.StringPattern), coerce] : [coerce];
    }

    /// <summary>
    /// A jsontransform whose schema makes the Micro Integrator fail every message: the settings' conversion when it has
    /// any (it comes first), then the flow fails with the Micro Integrator's message, as its handleException does (SB0281).
    /// </summary>
    private IEnumerable<StepIr> JsonTransformFails(JsonTransformMediator transform, KeySyntax key, (bool Primitives, string? StringPattern)? primitives, string why, string message)
    {
        _diagnostics.Report(DiagnosticCatalog.JsonTransformFailsEveryMessage, transform.Location, key.Text, why, message);
        StepIr fail = new FailStep(transform, new StringLiteralIr(message));
        return primitives is { } first ? [new JsonTransformStep(transform, first.Primitives, first.StringPattern), fail] : [fail];
    }

    /// <summary>
    /// The JSON schema text a static key gives JSONTransformMediator (<c>synCtx.getEntry</c>): a local entry's text
    /// (a String) or a registry resource that is not XML (an OMText); null, with the reason, for a computed key, an
    /// entry holding XML (Synapse: "Can not find valid JSON Schema content") or a key the input does not hold.
    /// </summary>
    private string? JsonTransformSchemaText(KeySyntax key, out string why, out bool xml)
    {
        why = "";
        xml = false;
        if (key.IsDynamic)
        {
            why = "the schema key is computed for each message";
            return null;
        }

        if (_model.Symbols.LocalEntry(key.Text) is { } entry)
        {
            if (entry.Text is { } entryText && entry.Xml is null)
            {
                return entryText;
            }

            xml = entry.Xml is not null;
            why = entry.Xml is not null
                ? $"the local entry '{key.Text}' holds XML, for which the Micro Integrator fails every message with 'Can not find valid JSON Schema content'"
                : entry.Src is { } src ? $"the local entry '{key.Text}' loads the schema from {src}, which is not in the input" : $"the local entry '{key.Text}' holds nothing";
            return null;
        }

        if (_model.RegistryText(key.Text) is { } text)
        {
            if (text.TrimStart('\uFEFF').TrimStart().StartsWith('<'))
            {
                xml = true;
                why = $"the registry resource '{key.Text}' is XML, for which the Micro Integrator fails every message with 'Can not find valid JSON Schema content'";
                return null;
            }

            return text;
        }

        why = $"the input does not hold '{key.Text}'; copy the schema into the project to translate it";
        return null;
    }

    /// <summary>The package's copy of a jsontransform schema (patterns in Ballerina's syntax) and its path configurable.</summary>
    private ValidationSchemaIr JsonTransformSchemaFile(string key, string content)
    {
        if (_validationSchemas.TryGetValue("coerce:" + key, out var known))
        {
            return known;
        }

        var stem = SchemaStem(key);
        var fileName = $"resources/{stem}.json";
        for (var i = 2; !_schemaFiles.Add(fileName); i++)
        {
            fileName = $"resources/{stem}_{i}.json";
        }

        var path = _symbols.Module(SymbolKind.Configurable, PathHint(stem));
        _configurables.Add(new ConfigurableIr(path, ConfigurableType.String, fileName, $"The JSON schema '{key}' a jsontransform mediator coerces JSON payloads to: a path relative to the folder the program runs in.", Secret: false));
        var schema = new ValidationSchemaIr(key, fileName, content, path);
        _validationSchemas["coerce:" + key] = schema;
        _validationSchemaList.Add(schema);
        return schema;
    }

    /// <summary>
    /// A setting JsonUtil.generateJSONOutputFactoryWithOveride reads whose literal value it reads as the value
    /// generateJSONOutputFactory gives the server when synapse.properties does not set it (the shipped defaults the
    /// runtime's conversion reproduces), so it changes nothing: preserve.namespace, output.enableNSDeclarations and
    /// buildValidNCNames false, output.jsonoutAutoArray and output.jsonoutMultiplePI true, enableXmlNilReadWrite false,
    /// enableXmlNullForEmptyElement true (Boolean.parseBoolean, of the trimmed lower-cased value where the method
    /// trims), output.namespaceSepChar whose trimmed value starts with '_' (charAt(0)).
    /// </summary>
    private static bool IsShippedDefault(string name, string value)
    {
        static bool Parsed(string text) => string.Equals(text, "true", StringComparison.OrdinalIgnoreCase);
        return name switch
        {
            "synapse.commons.json.preserve.namespace" => !Parsed(value),
            "synapse.commons.json.output.jsonoutMultiplePI" or "synapse.commons.json.output.jsonoutAutoArray" => Parsed(value),
            "synapse.commons.json.output.enableNSDeclarations" or "synapse.commons.json.buildValidNCNames" => !Parsed(value.Trim().ToLowerInvariant()),
            "synapse.commons.json.output.namespaceSepChar" => value.Trim().StartsWith('_'),
            "synapse.commons.enableXmlNilReadWrite" => !Parsed(value),
            "synapse.commons.enableXmlNullForEmptyElement" => Parsed(value),
            _ => false,
        };
    }

    private const string AutoPrimitiveSetting = "synapse.commons.json.output.autoPrimitive";
    private const string StringPatternSetting = "synapse.commons.json.output.disableAutoPrimitive.regex";

    /// <summary>
    /// The conversion settings when they are only literal <c>output.autoPrimitive</c> and
    /// <c>output.disableAutoPrimitive.regex</c> settings (JsonUtil.generateJSONOutputFactoryWithOveride), the ones
    /// the generated <c>xmlToJson</c> reproduces, and settings whose value is the one the Micro Integrator ships
    /// (<see cref="IsShippedDefault"/>); null for any other setting. Unset ones keep the server defaults.
    /// </summary>
    internal static (bool Primitives, string? StringPattern)? JsonTransformPrimitives(JsonTransformMediator transform)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in transform.Properties)
        {
            if (property.Value is ValueSyntax.Literal setting && IsShippedDefault(property.Name, setting.Text))
            {
                // Read here as the server reads it (its default), so the conversion is the runtime's default one.
                continue;
            }

            if (property.Value is not ValueSyntax.Literal literal || property.Name is not (AutoPrimitiveSetting or StringPatternSetting))
            {
                return null;
            }

            // java.util.Properties: the last of a repeated name wins.
            settings[property.Name] = literal.Text;
        }

        // Boolean.parseBoolean of the trimmed, lower-cased value: anything but "true" turns the typing off.
        var primitives = !settings.TryGetValue(AutoPrimitiveSetting, out var auto) || auto.Trim().ToLowerInvariant() == "true";
        if (!primitives || !settings.TryGetValue(StringPatternSetting, out var pattern))
        {
            return (primitives, null);
        }

        return PortableJavaPattern(pattern) ? (true, pattern) : null;
    }

    /// <summary>
    /// A java.util.regex pattern that Ballerina's regular expressions read the same way: no inline flags, groups of
    /// another kind or lookaround (<c>(?</c>), no Unicode property classes, quoting, possessive quantifiers, word
    /// boundaries, input anchors or class intersections, which the two dialects spell or support differently.
    /// </summary>
    internal static bool PortableJavaPattern(string pattern) =>
        pattern.Length > 0
        && !new[] { "(?", "\\p", "\\P", "\\Q", "\\E", "\\A", "\\z", "\\Z", "\\G", "\\b", "\\B", "\\R", "\\X", "\\h", "\\H", "\\k", "&&", "++", "*+", "?+", "}+", "[[" }
            .Any(pattern.Contains)
        && pattern.All(c => c >= ' ' && c != '\u007f');

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
