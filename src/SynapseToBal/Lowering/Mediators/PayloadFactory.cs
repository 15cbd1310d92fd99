using System.Collections.Immutable;
using System.Globalization;
using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

// Lowering of <payloadFactory>: the payload built from a JSON, XML or text template with argument slots.
public sealed partial class Lowerer
{
    private StepIr LowerPayloadFactory(PayloadFactoryMediator factory, FlowContext context)
    {
        var format = factory.Format;
        if (factory.FormatKey is { } key)
        {
            if (_model.Symbols.LocalEntry(key) is { } entry && (entry.Xml ?? entry.Text) is { } content)
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
            return Todo(factory, DiagnosticCatalog.AttributeNotTranslated, $"{factory.TemplateType} payload templates are not translated yet", "payloadFactory", $"template-type '{factory.TemplateType}'", "only the default template type is translated");
        }

        var kind = factory.MediaType switch
        {
            "json" => PayloadKind.Json,
            "text" => PayloadKind.Text,
            _ => PayloadKind.Xml,
        };
        var args = factory.Args.Select(a => ArgValue(a, context)).ToList();
        var parts = ImmutableArray.CreateBuilder<TemplatePart>();
        var text = format ?? string.Empty;
        var index = 0;
        var literalStart = 0;
        while (index < text.Length)
        {
            if (text[index] == '$' && index + 1 < text.Length && char.IsAsciiDigit(text[index + 1]))
            {
                var end = index + 1;
                while (end < text.Length && char.IsAsciiDigit(text[end]))
                {
                    end++;
                }

                if (!int.TryParse(text[(index + 1)..end], NumberStyles.None, CultureInfo.InvariantCulture, out var number))
                {
                    number = int.MaxValue; // far beyond any argument: kept as text below
                }

                if (number >= 1 && number <= args.Count)
                {
                    if (index > literalStart)
                    {
                        parts.Add(new TemplatePart.Text(text[literalStart..index]));
                    }

                    var (value, raw) = args[number - 1];
                    if (value is StringLiteralIr literal && kind != PayloadKind.Json && !raw)
                    {
                        // A literal argument is text: escaped into XML, pasted into plain text.
                        parts.Add(new TemplatePart.Text(kind == PayloadKind.Xml ? System.Security.SecurityElement.Escape(literal.Value) : literal.Value));
                    }
                    else
                    {
                        parts.Add(new TemplatePart.Argument(value, raw, kind == PayloadKind.Xml && InsideTag(text, index)));
                    }

                    literalStart = end;
                }
                else
                {
                    _diagnostics.Report(DiagnosticCatalog.InvalidAttribute, factory.Location, "payloadFactory", "format", text[index..end], $"there are only {args.Count} arguments; the text is kept as written");
                }

                index = end;
                continue;
            }

            index++;
        }

        if (literalStart < text.Length)
        {
            parts.Add(new TemplatePart.Text(text[literalStart..]));
        }

        var template = parts.ToImmutable();
        return new SetPayloadStep(factory, kind, template) { Json = kind == PayloadKind.Json ? JsonTemplates.TryParse(template) : null };
    }

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
