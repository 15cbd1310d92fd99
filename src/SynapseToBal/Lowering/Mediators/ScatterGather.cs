using System.Collections.Immutable;
using System.Globalization;
using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

// Lowering of MI 4.4 <scatter-gather>: one copy of the message per <sequence>, each run by a generated branch
// function, then the parts gathered into the body or a variable (ForkStep with a GatherIr).
public sealed partial class Lowerer
{
    private IEnumerable<StepIr> LowerScatterGather(ScatterGatherMediator scatter, FlowContext context)
    {
        if (scatter.Aggregation is not { } aggregation || aggregation.Expression is not { } expression)
        {
            return [Shape(scatter, "it has no aggregation expression")];
        }

        if (aggregation.Condition is not null)
        {
            return [Shape(scatter, "its aggregation condition groups the messages at run time")];
        }

        if (new[] { aggregation.MinMessages, aggregation.MaxMessages }.Any(value => value is { IsDynamic: true }))
        {
            return [Shape(scatter, "its min-messages/max-messages is computed at run time")];
        }

        // Synapse requires result-content-type JSON or XML (XML with an enclosing element) and a target of body or variable.
        var json = scatter.ContentType == "JSON";
        if (!json && !(scatter.ContentType == "XML" && !string.IsNullOrWhiteSpace(scatter.RootElement)))
        {
            return [Shape(scatter, "its result content type is not JSON, or XML with an enclosing element")];
        }

        string? variable;
        if (scatter.PreviewSyntax && !string.IsNullOrWhiteSpace(scatter.ResultTarget))
        {
            // The preview Synapse (December 2024 to January 2025, before the target/target-variable attributes) reads
            // result-target as "body" (any case) or the name of the variable the gathered result is set to, as the
            // variable target does today; its content-type and root-element are today's result-content-type and
            // result-enclosing-element.
            variable = string.Equals(scatter.ResultTarget, "body", StringComparison.OrdinalIgnoreCase) ? null : scatter.ResultTarget;
        }
        else if (string.Equals(scatter.ResultTarget, "body", StringComparison.OrdinalIgnoreCase))
        {
            variable = null;
        }
        else if (string.Equals(scatter.ResultTarget, "variable", StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(scatter.TargetVariable))
        {
            variable = scatter.TargetVariable;
        }
        else
        {
            return [Shape(scatter, string.IsNullOrWhiteSpace(scatter.ResultTarget) || string.Equals(scatter.ResultTarget, "variable", StringComparison.OrdinalIgnoreCase)
                ? $"its target '{scatter.ResultTarget}' is neither body nor variable with a target-variable"
                : $"its target '{scatter.ResultTarget}' names a variable, the early MI 4.4 syntax (Synapse before January 2025: the results merged into that variable when it exists, XML under a root named after it); current Synapse accepts only result-target=\"body\" or \"variable\" with target-variable")];
        }

        var part = SplitItems(expression, context);
        if (part is null || part is ValueIr.Json != json)
        {
            return [Shape(scatter, $"its aggregation expression '{expression.Original}' does not select {(json ? "a JSON value" : "XML elements")} the converter can translate")];
        }

        if (scatter.Sequences.IsEmpty)
        {
            return [Shape(scatter, "it has no sequence")];
        }

        var bodies = new List<(ImmutableArray<StepIr> Body, SourceLocation Location)>();
        foreach (var sequence in scatter.Sequences)
        {
            var body = sequence.SequenceKey is { } key
                ? LowerSequenceKey(null, sequence.Location, key, $"<sequence key=\"{key.Text}\"/>")
                : LowerOnCopy(sequence.Mediators, context);
            if (IrWalker.Steps(body).Any(step => step is RespondStep or ContinueWithStep or AcceptStep or InvokeStep { CanStop: true } or ForkStep { Answering: not null }))
            {
                return [Shape(scatter, "a sequence answers the client or sends (its response would not reach the aggregation)")];
            }

            bodies.Add(([.. body, new ReplacePayloadStep(scatter, part)], sequence.Location));
        }

        if (scatter.PreviewSyntax)
        {
            _diagnostics.Report(DiagnosticCatalog.ScatterGatherPreviewSyntax, scatter.Location, scatter.ResultTarget!);
        }

        // The timeout (milliseconds, ScatterGatherMediatorFactory) is translated when the sequences run in parallel;
        // one after the other, each sequence runs to its end before the next starts, so every sequence is awaited.
        var timeout = aggregation.TimeoutMillis is { } millis && millis > 0 ? millis : (long?)null;
        if (timeout is not null && !scatter.ParallelExecution)
        {
            _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, scatter.Location, "scatter-gather", $"aggregation timeout=\"{timeout}\"",
                "the sequences run one after the other (parallel-execution=\"false\"), so the generated code waits for every sequence (each call still fails after its endpoint's timeout); it does not complete early with the results received so far");
        }

        var symbols = bodies.Select((branch, index) =>
        {
            var symbol = _symbols.Module(SymbolKind.Function, $"{context.Owner} scatter gather {index + 1}", shorter: FlowShorter(context, $"scatter gather {index + 1}"));
            _functions.Add(new FunctionIr(symbol, FunctionKind.Sequence, false, branch.Body,
                $"Sequence {index + 1} of the <scatter-gather> at line {scatter.Location.LineSpan.Start.Line + 1}: runs on one copy of the message, then keeps the part the aggregation collects.", branch.Location));
            return symbol;
        }).ToImmutableArray();

        var limits = new[] { aggregation.MinMessages, aggregation.MaxMessages }
            .Select(value => value is { IsDynamic: false } && int.TryParse(value.Text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) && count > 0 ? count : (int?)null)
            .OfType<int>()
            .ToList();
        var gather = new AggregationIr(json, null, limits.Count > 0 ? limits.Min() : null)
        {
            Gather = new GatherIr(json ? null : scatter.RootElement, variable),
            TimeoutSeconds = timeout is { } value && scatter.ParallelExecution ? value / 1000m : null,
        };
        var order = (scatter.ParallelExecution, gather.TimeoutSeconds) switch
        {
            (true, { } seconds) => $"started together (the Micro Integrator runs them in parallel); the aggregation completes when every sequence{(gather.Count is null ? string.Empty : ", or its message count,")} has arrived or {seconds.ToString(CultureInfo.InvariantCulture)} s after the first one arrived (its timeout), gathering the results arrived by then in the order of arrival; a later result is ignored",
            (true, null) => "started together and awaited (the Micro Integrator runs them in parallel); the results are gathered in the order of the sequences, not of arrival",
            _ => "run one after the other, as parallel-execution=\"false\" does; the results are gathered in order",
        };
        var into = variable is null ? "the message becomes the last copy with the gathered result as its body" : $"the message goes on unchanged, the result in variable '{variable}'";
        return
        [
            new CommentStep(scatter, $"<scatter-gather>: one copy of the message per sequence, {order}; {into}."),
            new ForkStep(scatter, new ForkSourceIr.Copies(), symbols, scatter.ParallelExecution, gather),
        ];
    }
}
