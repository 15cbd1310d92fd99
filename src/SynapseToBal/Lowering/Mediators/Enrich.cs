using SynapseToBal.IR;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

// Lowering of <enrich>: body/property/inline/expression sources into a property or the body.
public sealed partial class Lowerer
{
    /// <summary>
    /// Enrich from the body, a property, an inline value or an expression into a property or the body
    /// (replace). Targets inside the message (custom XPath, child/sibling actions) are not translated yet.
    /// </summary>
    private IEnumerable<StepIr> LowerEnrich(EnrichMediator enrich, FlowContext context)
    {
        if (enrich.Source is not { } source || enrich.Target is not { } target || target.Action != EnrichAction.Replace
            || target.Type is not (EnrichTargetType.Property or EnrichTargetType.Body))
        {
            return [NotTranslated(enrich)];
        }

        ValueIr? value = source.Type switch
        {
            EnrichSourceType.Body => new ValueIr.Payload(),
            EnrichSourceType.Property when source.Property is { } name => new ValueIr.Property(name),
            EnrichSourceType.Inline => source.Inline switch
            {
                ValueSyntax.InlineXml xml => new ValueIr.ParsedXml(xml.Xml),
                ValueSyntax.Literal text when text.Text.TrimStart().StartsWith('{') || text.Text.TrimStart().StartsWith('[') => new ValueIr.ParsedJson(text.Text.Trim(), JsonTemplates.TryParse(text.Text.Trim())),
                ValueSyntax.Literal text => new ValueIr.String(new StringLiteralIr(text.Text)),
                _ => null,
            },
            EnrichSourceType.Custom when source.XPath is { } expression => Expr(expression, context) switch
            {
                XmlNavigationIr { TextOnly: false } navigation => new ValueIr.XmlNodes(navigation),
                JsonEvalIr json => new ValueIr.Json(json.Path),
                UntranslatedExprIr => null,
                var other => new ValueIr.String(other),
            },
            _ => null,
        };
        if (value is null)
        {
            return [NotTranslated(enrich)];
        }

        var steps = new List<StepIr>();
        if (target.Type == EnrichTargetType.Property)
        {
            if (target.Property is not { } property)
            {
                return [NotTranslated(enrich)];
            }

            steps.Add(new StorePropertyStep(enrich, property, value));
        }
        else
        {
            steps.Add(new ReplacePayloadStep(enrich, value));
        }

        if (!source.CloneSource && source.Type == EnrichSourceType.Body && target.Type != EnrichTargetType.Body)
        {
            // clone="false" moves the body: it is empty afterwards.
            steps.Add(new ClearPayloadStep(enrich));
        }

        return steps;
    }
}
