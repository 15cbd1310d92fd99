using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

// Lowering of <validate> (ValidateMediator): the on-fail flow as the branch of an if whose condition (the schema
// check) stays a TODO (SB0221); there is no XSD or JSON-schema validator in the Ballerina standard library.
public sealed partial class Lowerer
{
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
        var todo = Todo(validate, DiagnosticCatalog.ValidationNotTranslated, $"<validate> checks {summary}; the check is not translated, the on-fail flow is", summary);
        var condition = new UntranslatedConditionIr($"validate fails: {summary}");
        return [todo, new IfStep(validate, condition, LowerBlock(validate.OnFail, context), [])];
    }

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
