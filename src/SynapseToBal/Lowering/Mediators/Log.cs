using System.Collections.Immutable;
using SynapseToBal.IR;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

// Lowering of <log>: a log line as Synapse writes it (level, category, separator, properties, MI 4.4 message template).
public sealed partial class Lowerer
{
    private LogStep LowerLog(LogMediator log, FlowContext context)
    {
        var parts = new List<LogPart>();
        void Separator()
        {
            if (parts.Count > 0)
            {
                parts.Add(new LogPart.Text(log.Separator));
            }
        }

        if (log.Level != LogLevel.Custom)
        {
            var direction = context.Kind switch
            {
                FlowKind.Out => "response",
                FlowKind.In or FlowKind.Fault => "request",
                _ => null,
            };
            if (direction is not null)
            {
                parts.Add(new LogPart.Text("Direction: " + direction));
            }
        }

        if (log.Level == LogLevel.Headers || log.Level == LogLevel.Full)
        {
            Separator();
            parts.Add(new LogPart.Text("Headers: "));
            parts.Add(new LogPart.Headers());
        }

        if (log.Message is { } message)
        {
            Separator();
            parts.AddRange(TemplateMessage(message, log, context));
        }

        foreach (var property in log.Properties)
        {
            Separator();
            parts.Add(new LogPart.Text(property.Name + " = "));
            parts.Add(new LogPart.Value(Value(property.Value, context)));
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
        return new LogStep(log, function, parts.ToImmutableArray());
    }

    /// <summary>MI 4.4 log message: text with <c>${...}</c> expressions.</summary>
    private IEnumerable<LogPart> TemplateMessage(string message, LogMediator log, FlowContext context)
    {
        var index = 0;
        while (index < message.Length)
        {
            var open = message.IndexOf("${", index, StringComparison.Ordinal);
            var close = open < 0 ? -1 : message.IndexOf('}', open);
            if (open < 0 || close < 0)
            {
                yield return new LogPart.Text(message[index..]);
                yield break;
            }

            if (open > index)
            {
                yield return new LogPart.Text(message[index..open]);
            }

            var expression = ExpressionSyntax.Create(message[open..(close + 1)], ImmutableDictionary<string, string>.Empty, log.Location);
            yield return new LogPart.Value(Expr(expression, context));
            index = close + 1;
        }
    }
}
