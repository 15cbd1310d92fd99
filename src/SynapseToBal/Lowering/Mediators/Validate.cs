using System.Text.RegularExpressions;
using System.Xml.Linq;
using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

// Lowering of <validate> (ValidateMediator): the XSD check of an XML message translated with ballerina/data.xmldata's
// validate over one schema file; the check of a JSON message against one static JSON schema with the runtime's
// draft-4 check (jsonValidationFails); any other form (several or computed keys, imported resources, parser
// features, a JSON schema with keywords the runtime check does not apply) keeps the on-fail flow as the branch of an
// if whose condition stays a TODO (SB0221).
public sealed partial class Lowerer
{
    private const string XsdNamespace = "http://www.w3.org/2001/XMLSchema";

    /// <summary>The schema files given to validate mediators, by key.</summary>
    private readonly Dictionary<string, ValidationSchemaIr> _validationSchemas = new(StringComparer.Ordinal);

    /// <summary>The resource file names already given to a schema.</summary>
    private readonly HashSet<string> _schemaFiles = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// ValidateMediator checks a JSON payload (or any message with json-source="true") against the JSON schema(s)
    /// the keys name, otherwise the element the source XPath selects (the body's first element by default) against
    /// the XSD schema(s), with the imported resources and parser features. On failure it sets ERROR_MESSAGE and
    /// ERROR_DETAIL (ERROR_CODE is left as it was) and runs on-fail; what on-fail returns is what validate returns,
    /// so mediation goes on after it unless on-fail stops the flow.
    /// </summary>
    private IEnumerable<StepIr> LowerValidate(ValidateMediator validate, FlowContext context)
    {
        var summary = ValidateSummary(validate);
        if (XsdValidation(validate, context, out var why) is { } step)
        {
            _diagnostics.Report(DiagnosticCatalog.ValidationReportDiffers, validate.Location, validate.Schemas[0].Text);
            return [step];
        }

        if (JsonValidation(validate, context, out var jsonWhy) is { } jsonStep)
        {
            _diagnostics.Report(DiagnosticCatalog.JsonValidationReportDiffers, validate.Location, validate.Schemas[0].Text);
            return [jsonStep];
        }

        why = jsonWhy ?? why;
        var todo = Todo(validate, DiagnosticCatalog.ValidationNotTranslated, $"<validate> checks {summary} ({why}); the check is not translated, the on-fail flow is", $"{summary} ({why})");
        var condition = new UntranslatedConditionIr($"validate fails: {summary}");
        return [todo, new IfStep(validate, condition, LowerBlock(validate.OnFail, context), [])];
    }

    /// <summary>
    /// The translated XSD check: one static schema key, no imported resources or parser features, the default source
    /// or an XPath into the message, not json-source. Null, with the reason, otherwise.
    /// </summary>
    private ValidateStep? XsdValidation(ValidateMediator validate, FlowContext context, out string? why)
    {
        why = null;
        if (validate.JsonSource == true)
        {
            why = "json-source=\"true\" validates against a JSON schema, and Ballerina has no JSON-schema validator";
            return null;
        }

        if (validate.Schemas is not [{ IsDynamic: false } key])
        {
            why = validate.Schemas.Length > 1
                ? "several schemas are compiled into one by Synapse, and xmldata:validate takes one schema file"
                : validate.Schemas.IsEmpty ? "it names no schema" : "the schema key is computed for each message";
            return null;
        }

        if (!validate.Resources.IsEmpty)
        {
            why = "the schema imports registry resources by location, which Synapse's resolver maps to keys";
            return null;
        }

        if (!validate.Features.IsEmpty)
        {
            why = "Synapse sets parser features on its schema factory, which xmldata:validate does not take";
            return null;
        }

        XmlNavigationIr? source = null;
        if (validate.Source is { } expression)
        {
            if (expression.Language != ExpressionLanguage.XPath || Expr(expression, context) is not XmlNavigationIr { TextOnly: false } navigation)
            {
                why = $"the source '{expression.Original}' is not an XPath into the message the converter translates";
                return null;
            }

            source = navigation;
        }

        if (ValidationSchema(key.Text, out why) is not { } schema)
        {
            return null;
        }

        return new ValidateStep(validate, source, validate.Source?.Text, schema, LowerBlock(validate.OnFail, context));
    }

    /// <summary>
    /// The schema file of a static key: the XSD a local entry or registry resource of the input holds, written to the
    /// package's resources/; for a key the input does not define (that does not name a .json file), a required
    /// configurable path. Null, with the reason, for a document that is not an XSD on its own.
    /// </summary>
    private ValidationSchemaIr? ValidationSchema(string key, out string? why)
    {
        why = null;
        if (_validationSchemas.TryGetValue(key, out var known))
        {
            return known;
        }

        var entry = _model.Symbols.LocalEntry(key);
        var text = entry is not null ? entry.Xml : _model.RegistryText(key);
        var stem = SchemaStem(key);
        ValidationSchemaIr schema;
        if (text is null)
        {
            if (entry is not null)
            {
                why = entry.Src is { } src ? $"the local entry '{key}' loads the schema from {src}, which is not in the input" : $"the local entry '{key}' holds no XML";
                return null;
            }

            if (key.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            {
                why = $"the key '{key}' names a JSON schema, which validates JSON messages only, and Ballerina has no JSON-schema validator";
                return null;
            }

            var required = _symbols.Module(SymbolKind.Configurable, PathHint(stem));
            _configurables.Add(new ConfigurableIr(required, ConfigurableType.String, null, $"Path of the XSD schema '{key}' a validate mediator checks messages against, which is not part of the input: copy it from the registry and set its path (the schemas it imports beside it, as files).", Secret: false));
            schema = new ValidationSchemaIr(key, null, null, required);
        }
        else
        {
            XElement? root;
            try
            {
                root = XmlSource.ParseText(text.TrimStart('\uFEFF')).Root;
            }
            catch (System.Xml.XmlException e)
            {
                why = $"the schema '{key}' is not well-formed XML on its own ({e.Message})";
                return null;
            }

            if (root is null || root.Name != XName.Get("schema", XsdNamespace))
            {
                why = $"the document at '{key}' is not an XSD schema";
                return null;
            }

            if (root.Descendants().Any(e => e.Name.NamespaceName == XsdNamespace && e.Name.LocalName is "import" or "include" or "redefine" or "override" && e.Attribute("schemaLocation") is not null))
            {
                why = $"the schema '{key}' imports or includes other schema documents, which Synapse resolves through the registry";
                return null;
            }

            var fileName = $"resources/{stem}.xsd";
            for (var i = 2; !_schemaFiles.Add(fileName); i++)
            {
                fileName = $"resources/{stem}_{i}.xsd";
            }

            var path = _symbols.Module(SymbolKind.Configurable, PathHint(stem));
            _configurables.Add(new ConfigurableIr(path, ConfigurableType.String, fileName, $"The XSD schema '{key}' a validate mediator checks messages against: a path relative to the folder the program runs in.", Secret: false));
            schema = new ValidationSchemaIr(key, fileName, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + root.ToString() + "\n", path);
        }

        _validationSchemas[key] = schema;
        _validationSchemaList.Add(schema);
        return schema;
    }

    /// <summary>
    /// The translated JSON-schema check (ValidateMediator's JSON branch): one static key whose JSON schema the input
    /// holds (a local entry's text or a registry resource; or, for a key the input does not define that names a .json
    /// file or with json-source="true", the file a required configurable names), the default source or a
    /// <c>json-eval()</c> source. Null with a null reason when the key holds no JSON schema (the XSD reason stands);
    /// null with the reason when it does but the check does not fit.
    /// </summary>
    private JsonValidateStep? JsonValidation(ValidateMediator validate, FlowContext context, out string? why)
    {
        why = null;
        if (validate.Schemas is not [{ IsDynamic: false } key])
        {
            return null;
        }

        var entry = _model.Symbols.LocalEntry(key.Text);
        string? text;
        if (entry is not null)
        {
            if (entry.Xml is not null || entry.Text is null)
            {
                return null;
            }

            text = entry.Text;
        }
        else
        {
            text = _model.RegistryText(key.Text);
            if (text is not null && text.TrimStart('\uFEFF').TrimStart().StartsWith('<'))
            {
                return null;
            }

            if (text is null && validate.JsonSource != true && !key.Text.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }
        }

        JsonEvalIr? source = null;
        if (validate.Source is { } expression)
        {
            if (expression.Language != ExpressionLanguage.JsonPath || Expr(expression, context) is not JsonEvalIr path)
            {
                why = $"the source '{expression.Original}' is not a json-eval() JSONPath the converter translates (Synapse's JSON branch reads only a JSONPath or a Synapse expression)";
                return null;
            }

            source = path;
        }

        if (JsonValidationSchema(key.Text, text, out why) is not { } schema)
        {
            return null;
        }

        return new JsonValidateStep(validate, source, validate.JsonSource == true, schema, LowerBlock(validate.OnFail, context));
    }

    /// <summary>
    /// The JSON schema file of a static key: the schema text the input holds, walked by <see cref="JsonSchemaCheck"/>
    /// and written to the package's resources/; for a key the input does not define, a required configurable path
    /// (the runtime check then refuses what it does not apply, at run time). Null with the reason otherwise.
    /// </summary>
    private ValidationSchemaIr? JsonValidationSchema(string key, string? text, out string? why)
    {
        why = null;
        if (_validationSchemas.TryGetValue("json:" + key, out var known))
        {
            return known;
        }

        var stem = SchemaStem(key);
        ValidationSchemaIr schema;
        if (text is null)
        {
            var required = _symbols.Module(SymbolKind.Configurable, PathHint(stem));
            _configurables.Add(new ConfigurableIr(required, ConfigurableType.String, null, $"Path of the JSON schema '{key}' a validate mediator checks JSON messages against, which is not part of the input: copy it from the registry and set its path (draft-4 keywords only; local $ref only).", Secret: false));
            schema = new ValidationSchemaIr(key, null, null, required);
        }
        else
        {
            var prepared = JsonSchemaCheck.Prepare(text);
            if (prepared.Schema is not { } content)
            {
                why = $"the JSON schema '{key}': {prepared.Problem}";
                return null;
            }

            var fileName = $"resources/{stem}.json";
            for (var i = 2; !_schemaFiles.Add(fileName); i++)
            {
                fileName = $"resources/{stem}_{i}.json";
            }

            var path = _symbols.Module(SymbolKind.Configurable, PathHint(stem));
            _configurables.Add(new ConfigurableIr(path, ConfigurableType.String, fileName, $"The JSON schema '{key}' a validate mediator checks JSON messages against: a path relative to the folder the program runs in.", Secret: false));
            schema = new ValidationSchemaIr(key, fileName, content, path);
        }

        _validationSchemas["json:" + key] = schema;
        _validationSchemaList.Add(schema);
        return schema;
    }

    private readonly List<ValidationSchemaIr> _validationSchemaList = new();

    /// <summary>A file name stem for a schema key: its last path segment without extension, in safe characters.</summary>
    private static string SchemaStem(string key)
    {
        var name = Path.GetFileNameWithoutExtension(key.Replace(':', '/').TrimEnd('/'));
        var stem = SafeFileCharacters().Replace(name, "_").TrimStart('.');
        return stem.Length == 0 ? "schema" : stem;
    }

    /// <summary>The name hint of a schema's path configurable: the stem, with "schema" added when it does not say so.</summary>
    private static string PathHint(string stem) =>
        stem.Contains("schema", StringComparison.OrdinalIgnoreCase) ? stem + " path" : stem + " schema path";

    [GeneratedRegex("[^A-Za-z0-9_.-]")]
    private static partial Regex SafeFileCharacters();

    /// <summary>What is validated against what, in words, with the schema keys.</summary>
    internal static string ValidateSummary(ValidateMediator validate)
    {
        var keys = validate.Schemas.IsEmpty ? "no schema" : string.Join(", ", validate.Schemas.Select(k => k.IsDynamic ? $"computed by the key '{k.Text}'" : $"'{k.Text}'"));
        var source = validate.Source is { } expression ? $"'{expression.Text}'" : null;
        var json = validate.Source switch
        {
            null => $"the JSON payload against the JSON schema {keys}",
            { Language: ExpressionLanguage.XPath } => $"nothing: Synapse raises a fault for a JSON message, the source {source} is an XPath, not a json-eval() JSONPath",
            _ => $"the JSON at {source} against the JSON schema {keys}",
        };
        var text = validate.JsonSource == true
            ? json
            : $"{(validate.Source is { Language: ExpressionLanguage.XPath } ? "the element " + source : "the body's first element")} against the XSD {keys} (for a JSON message: {json})";
        if (!validate.Resources.IsEmpty)
        {
            text += $" (imports {string.Join(", ", validate.Resources.Select(r => $"'{r.ResourceLocation}' from '{r.Key.Text}'"))})";
        }

        if (!validate.Features.IsEmpty)
        {
            text += $" (parser features {string.Join(", ", validate.Features.Select(f => $"{f.Name}={f.RawValue}"))})";
        }

        if (validate.CacheSchema == false)
        {
            text += " (schemas reloaded on every message)";
        }

        return text + "; on failure Synapse sets ERROR_MESSAGE and ERROR_DETAIL to the validator's report before on-fail";
    }
}
