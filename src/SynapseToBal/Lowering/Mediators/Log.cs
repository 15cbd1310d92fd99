using System.Collections.Immutable;
using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Semantics;
using SynapseToBal.Syntax;
using SynapseToBal.Syntax.Expressions;

namespace SynapseToBal.Lowering;

// Lowering of <log>: a log line as Synapse writes it (level, category, separator, properties, MI 4.4 message template).
public sealed partial class Lowerer
{
    // The line follows Synapse's LogMediator: simple = message template, To, MessageID, correlation_id (when the
    // message has one), Direction (from the message: literal where the flow tells it), properties (its From, WSAction,
    // SOAPAction and ReplyTo, printed only when set, are not); headers = message template, correlation_id, the headers,
    // properties; full = the simple line and the payload (never the
    // headers); custom = MessageID and correlation_id when logMessageID is set, message template, properties. Credentials never reach the line: the
    // headers helper masks sensitive headers, and a property that names or reads a secret logs "****".
    private LogStep LowerLog(LogMediator log, FlowContext context)
    {
        var parts = new List<LogPart>();
        var messageParts = ImmutableArray<LogPart>.Empty;
        string? logged = null;
        var directionAtRunTime = false;
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
            parts.Add(new LogPart.CorrelationId(log.Separator + "correlation_id: "));
        }

        if (log.Message is { } message)
        {
            Separator();
            messageParts = TemplateMessage(message, log, context).ToImmutableArray();
            parts.AddRange(messageParts);
        }

        if (log.Level is LogLevel.Simple or LogLevel.Full)
        {
            // getSimpleLogMessage: "To: " and the address (nothing after it when the message has none), then the
            // message id every message has.
            Separator();
            parts.Add(new LogPart.Text("To: "));
            parts.Add(new LogPart.Value(new SystemValueIr(SystemValue.To)));
            parts.Add(new LogPart.Text(log.Separator + "MessageID: "));
            parts.Add(new LogPart.MessageId());
            parts.Add(new LogPart.CorrelationId(log.Separator + "correlation_id: "));
            // LogMediator prints synCtx.isResponse(): known in an out flow (a response) and in an in flow (a request;
            // a call's response goes on with the calling message's direction, SynapseCallbackReceiver) until a
            // mediator may change it; a fault flow's and a named sequence's message is either, read at run time.
            Separator();
            var direction = context.Kind == FlowKind.Out ? Known.Yes : context.Exchange.Current.IsResponse;
            if (direction == Known.Maybe)
            {
                parts.Add(new LogPart.Text("Direction: "));
                parts.Add(new LogPart.Direction());
                directionAtRunTime = true;
            }
            else
            {
                logged = direction == Known.Yes ? "response" : "request";
                parts.Add(new LogPart.Text("Direction: " + logged));
            }
        }

        if (log.Level == LogLevel.Headers)
        {
            // getHeadersLogMessage: " correlation_id : " and the ID right after the message template, no separator.
            parts.Add(new LogPart.CorrelationId(" correlation_id : "));
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
            // A literal mask (value="****MASKED****") is the text the Micro Integrator logs, not a credential.
            var mask = property.Value is ValueSyntax.Literal { Text: var literal } && SecretNames.IsMaskText(literal);
            var secretName = SecretNames.IsSecret(property.Name) && !mask;
            var value = secretName || vault ? null
                : property.Value is ValueSyntax.Expression { Syntax: var whole } && context.Translator.UndeclaredTemplateParam(whole) is { } undeclared
                    ? UndeclaredTemplateParamText(whole, undeclared, context)
                    : PropertyOrNull(property.Value, Value(property.Value, context));
            if (value is null || ReadsSecret(value))
            {
                var why = secretName ? "its name looks like a credential's, so its value is kept out of the log whatever it holds"
                    : vault ? "its expression is a vault lookup"
                    : "its expression reads a credential (a vault secret, or a property, header or variable named like one or set from one)";
                _diagnostics.Report(DiagnosticCatalog.LogValueRedacted, property.Location, $"the log property '{property.Name}'", why);
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
                Addressing = log.Level is LogLevel.Simple or LogLevel.Full,
                DirectionAtRunTime = directionAtRunTime,
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

    /// <summary>
    /// A custom log property whose XPath is a whole <c>$ctx:x</c>, <c>$axis2:x</c>, <c>$trp:x</c> or
    /// <c>get-property('x')</c> (any scope, the transport scope's header too: both read <c>headersMap.get</c>) without a
    /// local entry to fall back to: SynapseXPathVariableContext and GetPropertyFunction (whose default
    /// scope then reads the server's local entry, null when there is none) give null for a property that is not set,
    /// SynapseXPath.stringValueOf gives null for that one value, and LogMediator.setCustomProperties appends
    /// MediatorProperty.getEvaluatedExpression's null as "null". An MI 4.4 <c>${props.x}</c> does not: a property that
    /// is not set fails the evaluation (HeadersAndPropertiesAccessNode), which SynapseExpression.stringValueOf gives as
    /// "" (and so does <c>${vars.x}</c>: PayloadAccessNode's "Variable x is not defined").
    /// </summary>
    private static ExprIr PropertyOrNull(ValueSyntax? syntax, ExprIr value) =>
        syntax is ValueSyntax.Expression { Syntax.Language: ExpressionLanguage.XPath } && value is PropertyReadIr { Required: false, Fallback: null, XPathString: false } or HeaderReadIr { Required: false }
            ? new BuiltinCallIr(Builtin.PropertyOrNull, [value], ValueKind.String)
            : value;

    /// <summary>What a log line shows in place of a credential.</summary>
    internal const string Redacted = "****";

    /// <summary>
    /// True when an expression reads a secret: a secret configurable, a property, variable or header named like a
    /// credential, or a property or variable the input sets from a secret (<see cref="SecretHoldingNames"/>).
    /// </summary>
    private bool ReadsSecret(ExprIr value)
    {
        // A credential's length (string-length($ctx:ACCESS_TOKEN)) or a count of nodes tells nothing of its text.
        var measured = IrWalker.Descendants(value).OfType<CountIr>().SelectMany(c => IrWalker.Descendants(c.Operand)).ToHashSet<object>(ReferenceEqualityComparer.Instance);
        return IrWalker.Descendants(value).Any(e => !measured.Contains(e) && ReadsSecretItself(e));
    }

    private bool ReadsSecretItself(ExprIr value) => value switch
    {
        ConfigurableReadIr read => !_plainConfigurables.Contains(read.Configurable),
        PropertyReadIr property => SecretNames.IsSecret(property.Name) || SecretHoldingNames.Contains(property.Name),
        VariableReadIr variable => SecretNames.IsSecret(variable.Name) || SecretHoldingNames.Contains(variable.Name),
        HeaderReadIr header => SecretNames.IsSecret(header.Name),
        _ => false,
    };

    private HashSet<string>? _secretHoldingNames;

    /// <summary>
    /// The names of the properties and variables the input sets, anywhere, from a vault lookup or from another such
    /// name (to a fixpoint): a log of one shows `****` as a log of the lookup itself does. Read off the expressions' text,
    /// so a name set from a secret in one flow is masked in every flow; masking too much is the safe side.
    /// </summary>
    private HashSet<string> SecretHoldingNames => _secretHoldingNames ??= FindSecretHoldingNames();

    private HashSet<string> FindSecretHoldingNames()
    {
        var sets = new List<(string Name, string Text)>();
        foreach (var mediator in MediatorCollector.Collect(_model.Artifacts))
        {
            if (mediator is PropertyMediator { Action: PropertyAction.Set, Value: ValueSyntax.Expression property })
            {
                sets.Add((((PropertyMediator)mediator).Name, property.Syntax.Text));
            }
            else if (mediator is VariableMediator { Action: PropertyAction.Set, Value: ValueSyntax.Expression variable })
            {
                sets.Add((((VariableMediator)mediator).Name, variable.Syntax.Text));
            }
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        static bool Vault(string text) => text.Contains("vault-lookup", StringComparison.Ordinal)
            || text.Contains("wso2-vault(", StringComparison.Ordinal) || text.Contains("hashicorp-vault(", StringComparison.Ordinal);
        bool Names(string text) => names.Any(name => text.Contains($"'{name}'", StringComparison.Ordinal)
            || text.Contains($"\"{name}\"", StringComparison.Ordinal) || text.Contains("$ctx:" + name, StringComparison.Ordinal)
            || text.Contains("props." + name, StringComparison.Ordinal) || text.Contains("vars." + name, StringComparison.Ordinal));
        bool grew;
        do
        {
            grew = false;
            foreach (var (name, text) in sets)
            {
                if (!names.Contains(name) && (Vault(text) || Names(text)))
                {
                    names.Add(name);
                    grew = true;
                }
            }
        }
        while (grew);
        return names;
    }

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
                _diagnostics.Report(DiagnosticCatalog.LogValueRedacted, log.Location, $"the log message's '{source}'",
                    "its expression reads a credential (a vault secret, or a property, header or variable named like one or set from one)");
                yield return new LogPart.Text(Redacted);
            }
            else
            {
                yield return new LogPart.Value(value);
            }
        }
    }

    /// <summary>
    /// A log property whose expression is <c>$func:x</c> of a parameter the template does not declare: TemplateContext
    /// maps only the declared parameters, so SynapseXPathVariableContext reads null, SynapseXPath.stringValueOf gives null
    /// and LogMediator.setCustomProperties appends it to its StringBuffer as "null".
    /// </summary>
    private StringLiteralIr UndeclaredTemplateParamText(ExpressionSyntax expression, string name, FlowContext context)
    {
        _diagnostics.Report(DiagnosticCatalog.UndeclaredTemplateParamRead, expression.Location, expression.Original, name, context.Owner);
        return new StringLiteralIr("null");
    }
}
