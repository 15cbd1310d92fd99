using System.Collections.Immutable;
using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Syntax;
using SynapseToBal.Syntax.Expressions;

namespace SynapseToBal.Lowering;

// Lowering of <log>: a log line as Synapse writes it (level, category, separator, properties, MI 4.4 message template).
public sealed partial class Lowerer
{
    // The line follows Synapse's LogMediator: simple = message template, Direction, properties; headers = message
    // template, the headers, properties; full = the simple line and the payload (never the headers); custom =
    // MessageID when logMessageID is set, message template, properties. Credentials never reach the line: the
    // headers helper masks sensitive headers, and a property that names or reads a secret logs "****".
    private LogStep LowerLog(LogMediator log, FlowContext context)
    {
        var parts = new List<LogPart>();
        var messageParts = ImmutableArray<LogPart>.Empty;
        string? logged = null;
        var fields = new List<LogFieldIr>();
        void Separator()
        {
            if (parts.Count > 0)
            {
                parts.Add(new LogPart.Text(log.Separator));
            }
        }

        if (log.Level == LogLevel.Custom && log.LogMessageId)
        {
            parts.Add(new LogPart.Text("MessageID: "));
            parts.Add(new LogPart.MessageId());
        }

        if (log.Message is { } message)
        {
            Separator();
            messageParts = TemplateMessage(message, log, context).ToImmutableArray();
            parts.AddRange(messageParts);
        }

        if (log.Level is LogLevel.Simple or LogLevel.Full)
        {
            var direction = context.Kind switch
            {
                FlowKind.Out => "response",
                FlowKind.In or FlowKind.Fault => "request",
                _ => null,
            };
            if (direction is not null)
            {
                Separator();
                parts.Add(new LogPart.Text("Direction: " + direction));
                logged = direction;
            }
        }

        if (log.Level == LogLevel.Headers)
        {
            Separator();
            parts.Add(new LogPart.Text("Headers: "));
            parts.Add(new LogPart.Headers());
        }

        foreach (var property in log.Properties)
        {
            Separator();
            parts.Add(new LogPart.Text(property.Name + " = "));
            // A vault lookup is not lowered at all: it would declare a required configurable that nothing else uses.
            var vault = property.Value is ValueSyntax.Expression { Syntax.Text: var text } && text.Contains("vault-lookup", StringComparison.Ordinal);
            var value = SecretNames.IsSecret(property.Name) || vault ? null : Value(property.Value, context);
            if (value is null || ReadsSecret(value))
            {
                _diagnostics.Report(DiagnosticCatalog.LogValueRedacted, property.Location, property.Name);
                parts.Add(new LogPart.Text(Redacted));
                fields.Add(new LogFieldIr(property.Name, null));
            }
            else
            {
                parts.Add(new LogPart.Value(value));
                fields.Add(new LogFieldIr(property.Name, value));
            }
        }

        if (log.Level == LogLevel.Full)
        {
            Separator();
            parts.Add(new LogPart.Text("Payload: "));
            parts.Add(new LogPart.Payload());
        }

        var function = log.Category switch
        {
            LogCategory.Debug or LogCategory.Trace => LogFunction.Debug,
            LogCategory.Warn => LogFunction.Warn,
            LogCategory.Error or LogCategory.Fatal => LogFunction.Error,
            _ => LogFunction.Info,
        };
        return new LogStep(log, function, parts.ToImmutableArray())
        {
            Fields = new LogFieldsIr(messageParts, logged, log.Level == LogLevel.Headers, fields.ToImmutableArray(), log.Level == LogLevel.Full, log.Level == LogLevel.Custom && log.LogMessageId)
            {
                Place = new LogPlaceIr(context.Owner, context.Kind switch
                {
                    FlowKind.In => LogFlow.Request,
                    FlowKind.Out => LogFlow.Response,
                    FlowKind.Fault => LogFlow.Fault,
                    FlowKind.Sequence => LogFlow.Sequence,
                    _ => throw new InvalidOperationException($"No log flow for {context.Kind}."),
                }),
            },
        };
    }

    /// <summary>What a log line shows in place of a credential.</summary>
    internal const string Redacted = "****";

    /// <summary>True when an expression reads a secret: a secret configurable, or a property, variable or header named like a credential.</summary>
    private bool ReadsSecret(ExprIr value) => IrWalker.Descendants(value).Any(e => e switch
    {
        ConfigurableReadIr read => !_plainConfigurables.Contains(read.Configurable),
        PropertyReadIr property => SecretNames.IsSecret(property.Name),
        VariableReadIr variable => SecretNames.IsSecret(variable.Name),
        HeaderReadIr header => SecretNames.IsSecret(header.Name),
        _ => false,
    });

    /// <summary>MI 4.4 log message: text with <c>${...}</c> expressions.</summary>
    private IEnumerable<LogPart> TemplateMessage(string message, LogMediator log, FlowContext context)
    {
        // One lexer for every text with embedded expressions: braces and quoted strings inside ${...} nest.
        var split = InterpolationLexer.Split(message, InterpolationMode.Template);
        foreach (var error in split.Errors)
        {
            _diagnostics.Report(DiagnosticCatalog.InvalidAttribute, log.Location, "log", "message", message.Substring(error.Span.Start, error.Span.Length), $"{error.Message} at position {error.Span.Start}; the rest of the message is logged as written");
        }

        foreach (var part in split.Parts)
        {
            if (part is TextPart text)
            {
                yield return new LogPart.Text(text.Text);
                continue;
            }

            var source = message.Substring(part.Span.Start, part.Span.Length);
            var value = Expr(ExpressionSyntax.Create(source, ImmutableDictionary<string, string>.Empty, log.Location), context);
            if (ReadsSecret(value))
            {
                _diagnostics.Report(DiagnosticCatalog.LogValueRedacted, log.Location, source);
                yield return new LogPart.Text(Redacted);
            }
            else
            {
                yield return new LogPart.Value(value);
            }
        }
    }
}
