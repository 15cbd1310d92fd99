using System.Collections.Immutable;
using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

// Lowering of <foreach>. The classic form (expression over XML elements) runs its sequence on the message itself,
// each matched element in turn as the body, and merges the results back (ForEachMediator); the MI 4.4 form
// (collection over a JSON array) runs it on a copy per item and writes the results back into the array or a
// variable (ForEachMediatorV2). Both become one ForEachStep calling a generated sequence function per part. Any
// other form stays a TODO (SB0220) saying why.
public sealed partial class Lowerer
{
    private IEnumerable<StepIr> LowerForEach(ForEachMediator forEach, FlowContext context) =>
        forEach.IsVersion2 ? LowerForEachCollection(forEach, context) : LowerClassicForEach(forEach, context);

    private IEnumerable<StepIr> LowerClassicForEach(ForEachMediator forEach, FlowContext context)
    {
        if (forEach.Expression is not { } expression)
        {
            return [ForEachTodo(forEach, "it has neither an expression nor a collection")];
        }

        // The MI 4.4 attributes mean nothing without a collection: Synapse's classic foreach does not read them.
        foreach (var (name, set) in new[]
                 {
                     ("parallel-execution", forEach.ParallelExecution is not null), ("update-original", forEach.UpdateOriginal is not null),
                     ("target-variable", forEach.TargetVariable is not null), ("result-content-type", forEach.ResultContentType is not null),
                     ("result-enclosing-element", forEach.ResultEnclosingElement is not null), ("counter-variable", forEach.CounterVariable is not null),
                     ("continue-without-aggregation", forEach.ContinueWithoutAggregation is not null),
                 })
        {
            if (set)
            {
                _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, forEach.Location, "foreach", name,
                    "without a collection the Micro Integrator runs the classic foreach, which ignores it, and so does the generated code");
            }
        }

        var items = Expr(expression, context);
        if (items is not (JsonEvalIr or XmlNavigationIr { TextOnly: false }) || items is XmlNavigationIr { } nodes && nodes.Steps.Any(step => step.AllNodes == true))
        {
            return [ForEachTodo(forEach, $"its expression '{expression.Original}' does not select XML elements or a JSON array the converter can translate")];
        }

        if (ForEachBody(forEach, context, classic: true, out var problem) is not { } body)
        {
            return [ForEachTodo(forEach, problem!)];
        }

        var prefix = forEach.Id is null ? string.Empty : forEach.Id + "_";
        if (items is JsonEvalIr json)
        {
            var function = ForEachFunction(forEach, context, body,
                "runs the sequence on the message itself, one array item as its JSON payload; its payload afterwards is the item's result.");
            return
            [
                new CommentStep(forEach, $"<foreach>: each item of the JSON array '{expression.Original}' is run through the sequence, in order, on this message (its properties are shared, as in Synapse), the item as its payload; the results then replace the array in the payload as it was before the loop. {prefix}FOREACH_ORIGINAL_MESSAGE and {prefix}FOREACH_COUNTER are set as Synapse does."),
                new ForEachStep(forEach, new ForEachLoopIr.ClassicJson(json.Path, forEach.Id, forEach.ContinueLoopOnFailure == true), function),
            ];
        }

        var navigation = (XmlNavigationIr)items;
        var symbol = ForEachFunction(forEach, context, body,
            "runs the sequence on the message itself, one matched element as its body; the first element of its result is merged back.");
        return
        [
            new CommentStep(forEach, $"<foreach>: the elements '{expression.Original}' selects are detached and each is run through the sequence, in order, on this message (its properties are shared, as in Synapse); each result is appended to the parent of the first match. {prefix}FOREACH_ORIGINAL_MESSAGE and {prefix}FOREACH_COUNTER are set as Synapse does."),
            new ForEachStep(forEach, new ForEachLoopIr.Elements(navigation, forEach.Id, forEach.ContinueLoopOnFailure == true), symbol),
        ];
    }

    private IEnumerable<StepIr> LowerForEachCollection(ForEachMediator forEach, FlowContext context)
    {
        var collection = forEach.Collection!;
        foreach (var (name, set) in new[]
                 {
                     ("id", forEach.Id is not null), ("expression", forEach.Expression is not null),
                     ("continueLoopOnFailure", forEach.ContinueLoopOnFailure is not null),
                 })
        {
            if (set)
            {
                _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, forEach.Location, "foreach", name,
                    "with a collection the Micro Integrator runs the MI 4.4 foreach, which ignores it, and so does the generated code");
            }
        }

        // The MI 4.4 previews' names of the result attributes: the released ForEachMediatorFactory reads only
        // target-variable, result-content-type and result-enclosing-element, and only with update-original="false".
        foreach (var preview in forEach.PreviewNames)
        {
            var released = preview switch
            {
                "result-target" => "target-variable",
                "result-type" => "result-content-type",
                _ => "result-enclosing-element",
            };
            _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, forEach.Location, "foreach", preview,
                forEach.UpdateOriginal == false && forEach.ContinueWithoutAggregation != true
                    ? $"it is the MI 4.4 preview name of {released}; the released Micro Integrator reads only {released} and refuses to deploy this foreach; the generated code follows the preview (the results go into the variable)"
                    : $"it is the MI 4.4 preview name of {released}; the released Micro Integrator ignores it and writes the results back into the collection, as the generated code does (for a variable, write update-original=\"false\" with target-variable and result-content-type)");
        }

        var parallel = forEach.ParallelExecution ?? true;
        var aggregate = forEach.ContinueWithoutAggregation != true;
        if (forEach.CounterVariable is not null && parallel)
        {
            return [ForEachTodo(forEach, "counter-variable is set with parallel execution, a configuration the Micro Integrator refuses to deploy")];
        }

        string? variable = null;
        if (aggregate && forEach.UpdateOriginal == false)
        {
            if (forEach.TargetVariable is not { Length: > 0 } target || forEach.ResultContentType is not { Length: > 0 } type)
            {
                return [ForEachTodo(forEach, "update-original=\"false\" without both target-variable and result-content-type, a configuration the Micro Integrator refuses to deploy")];
            }

            if (type != "JSON")
            {
                return [ForEachTodo(forEach, $"its result content type '{type}' is not translated (only JSON results are)")];
            }

            variable = target;
        }

        if (VariableCollection.Match(collection.Original.Trim()) is { Success: true } held)
        {
            if (aggregate && variable is null && held.Value.Any(char.IsWhiteSpace))
            {
                // SynapsePathFactory.getSynapsePath gives SynapseExpression the text between "${" and "}" as written, spaces
                // included: the lexer skips them, so the items are the variable's, but ForEachMediatorV2.updateOriginalPayload
                // tests the text (isCollectionReferencedByVariable: startsWith("vars."); getVariableName: its second dotted
                // part, trailing space kept) and so does not write the results back into the variable.
                return [ForEachTodo(forEach, $"its collection '{collection.Original}' has spaces inside '${{ }}' and update-original is on: the Micro Integrator iterates over the variable '{held.Groups["name"].Value}', but ForEachMediatorV2.updateOriginalPayload reads the expression's text (with its spaces) to find the variable, so it does not write the results back into it (it writes the message's JSON payload, or fails); write the collection without spaces, or send the results to a variable (update-original=\"false\" with target-variable and result-content-type=\"JSON\")")];
            }

            return LowerForEachVariable(forEach, context, held.Groups["name"].Value, held.Groups["path"].Value, parallel, aggregate, variable);
        }

        var items = Expr(collection, context, ExpressionReading.ObjectValue);
        if (items is XmlNavigationIr { TextOnly: false } nodes && !nodes.Steps.Any(step => step.AllNodes == true))
        {
            if (variable is not null)
            {
                return [ForEachTodo(forEach, "its results go to a variable as JSON while its collection is XML elements")];
            }
        }
        else if (items is not JsonEvalIr)
        {
            return [ForEachTodo(forEach, $"its collection '{collection.Original}' is neither a JSON array nor XML elements in the payload: the generated foreach iterates over the payload or over a JSON array in a variable (${{vars.name...}}) only, not over a property or XML in a variable")];
        }

        if (ForEachBody(forEach, context, classic: false, out var problem) is not { } body)
        {
            return [ForEachTodo(forEach, problem!)];
        }

        var order = parallel ? "started together and awaited (the Micro Integrator runs them in parallel)" : "one after the other";
        if (items is XmlNavigationIr navigation)
        {
            var function = ForEachFunction(forEach, context, body, "runs the sequence on a copy of the message, one selected element as its body.");
            var merged = aggregate
                ? "the selected elements are then detached and the first element of each copy's body is appended, in order, to the parent of the first one"
                : "the results are not collected (continue-without-aggregation)" + (parallel ? " and the flow goes on without waiting for them" : string.Empty);
            return
            [
                new CommentStep(forEach, $"<foreach>: each element '{collection.Original}' selects runs through the sequence on its own copy of the message, {order}; {merged}."),
                new ForEachStep(forEach, new ForEachLoopIr.XmlCopies(navigation, parallel, aggregate, forEach.CounterVariable), function),
            ];
        }

        var json = (JsonEvalIr)items;
        var symbol = ForEachFunction(forEach, context, body, "runs the sequence on a copy of the message, one array item as its JSON payload.");
        var result = !aggregate
            ? "the results are not collected (continue-without-aggregation)" + (parallel ? " and the flow goes on without waiting for them" : string.Empty)
            : variable is null
                ? "each copy's JSON payload then replaces its item in the array"
                : $"the copies' JSON payloads then become the array held by the variable '{variable}'";
        return
        [
            new CommentStep(forEach, $"<foreach>: each item of the JSON array '{collection.Original}' runs through the sequence on its own copy of the message, {order}; {result}."),
            new ForEachStep(forEach, new ForEachLoopIr.JsonItems(json.Path, parallel, aggregate, variable, forEach.CounterVariable), symbol),
        ];
    }

    /// <summary>
    /// A collection in a variable, <c>${vars.name}</c> or <c>${vars.name.a.b[0]}</c>, as ForEachMediatorV2 recognises one
    /// (isCollectionReferencedByVariable: the expression starts with <c>vars.</c>; getVariableName: its second dotted
    /// part). Spaces inside <c>${ }</c> are matched: the expression's lexer skips them (ExpressionLexer's WS), so the items
    /// are the variable's, but the results go back into the variable only without them (the caller refuses that case).
    /// </summary>
    private static readonly System.Text.RegularExpressions.Regex VariableCollection =
        new(@"^\$\{\s*vars\.(?<name>\w+)(?<path>(?:\.\w+|\[\d+\])*)\s*\}$", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>
    /// The MI 4.4 foreach over a JSON array held by a variable. ForEachMediatorV2.mediate evaluates the collection
    /// and runs each item on its own copy of the message (getIteratedMessage: the item as the JSON payload), as for a
    /// payload collection; when it completes (completeAggregate), with update-original it re-evaluates the collection on
    /// the message as it was and, for a collection referenced by a variable, sets the variable
    /// (updateOriginalPayload): to the array of the copies' payloads when the collection is the whole variable
    /// (isWholeContent), else to the message's JSON payload with the results set at the member's path (the
    /// path is applied to the payload, not to the variable: not reproduced, a TODO). With update-original="false" the
    /// results go to the target variable (setAggregatedMessageAsVariable), and with continue-without-aggregation nowhere.
    /// </summary>
    private IEnumerable<StepIr> LowerForEachVariable(ForEachMediator forEach, FlowContext context, string name, string member, bool parallel, bool aggregate, string? target)
    {
        if (aggregate && target is null && member.Length > 0)
        {
            return [ForEachTodo(forEach, $"its collection is a member of the variable '{name}' and update-original is on: ForEachMediatorV2.updateOriginalPayload then sets the results at that path in the message's JSON payload (not in the variable) and makes that payload the variable's value, which is not reproduced; write the results to a variable (update-original=\"false\" with target-variable and result-content-type=\"JSON\") or iterate over the whole variable")];
        }

        if (ForEachBody(forEach, context, classic: false, out var problem) is not { } body)
        {
            return [ForEachTodo(forEach, problem!)];
        }

        var order = parallel ? "started together and awaited (the Micro Integrator runs them in parallel)" : "one after the other";
        var result = !aggregate
            ? "the results are not collected (continue-without-aggregation)" + (parallel ? " and the flow goes on without waiting for them" : string.Empty)
            : target is null
                ? $"the copies' JSON payloads then become the array held by the variable '{name}'"
                : $"the copies' JSON payloads then become the array held by the variable '{target}'";
        var symbol = ForEachFunction(forEach, context, body, "runs the sequence on a copy of the message, one array item as its JSON payload.");
        return
        [
            new CommentStep(forEach, $"<foreach>: each item of the JSON array '{forEach.Collection!.Original}' (in the variable '{name}') runs through the sequence on its own copy of the message, {order}; {result}; the message goes on as it was before the foreach."),
            new ForEachStep(forEach, new ForEachLoopIr.JsonVariableItems(name, "$" + member, parallel, aggregate, target, forEach.CounterVariable), symbol),
        ];
    }

    /// <summary>The steps of the foreach's sequence, or null with the reason when it cannot run as a loop body.</summary>
    private ImmutableArray<StepIr>? ForEachBody(ForEachMediator forEach, FlowContext context, bool classic, out string? problem)
    {
        problem = null;
        ImmutableArray<StepIr> body;
        if (forEach.Sequence is { } inline && !(classic && forEach.SequenceKey is not null))
        {
            if (classic && inline.Any(m => m is CallMediator or SendMediator or CalloutMediator))
            {
                problem = "its sequence contains call, send or callout, a configuration the Micro Integrator refuses to deploy";
                return null;
            }

            body = LowerOnCopy(inline, context);
        }
        else if (forEach.SequenceKey is { } key && classic)
        {
            if (key.IsDynamic || _model.Symbols.Sequence(key.Text) is not { } named)
            {
                problem = $"its sequence key '{key.Text}' is dynamic or names no sequence of the project";
                return null;
            }

            if (named.Mediators.Any(m => m is CallMediator or SendMediator or CalloutMediator))
            {
                problem = $"the sequence '{key.Text}' contains call, send or callout, which the Micro Integrator refuses at run time in a foreach";
                return null;
            }

            body = LowerSequenceKey(null, forEach.Location, key, $"<sequence key=\"{key.Text}\"/>");
        }
        else
        {
            problem = classic ? "it has no sequence" : "it has no inline sequence";
            return null;
        }

        if (IrWalker.Steps(body).Any(step => step is RespondStep or ContinueWithStep or AcceptStep or InvokeStep { CanStop: true } or ForkStep { Answering: not null }
                || (classic && step is CallStep or CallAddressStep)))
        {
            problem = classic
                ? "its sequence answers the client, sends, calls or drops the message, which ends the loop in Synapse"
                : "its sequence answers the client, sends or drops the message";
            return null;
        }

        return body;
    }

    private Symbol ForEachFunction(ForEachMediator forEach, FlowContext context, ImmutableArray<StepIr> body, string what)
    {
        var symbol = _symbols.Module(SymbolKind.Function, $"{context.Owner} foreach", shorter: FlowShorter(context, "foreach"));
        _functions.Add(new FunctionIr(symbol, FunctionKind.Sequence, false, body,
            $"The sequence of the <foreach> at line {forEach.Location.LineSpan.Start.Line + 1}: {what}", forEach.Location));
        return symbol;
    }

    private TodoStep ForEachTodo(ForEachMediator forEach, string why) =>
        Todo(forEach, DiagnosticCatalog.ForEachNotTranslated, $"<foreach> is not translated here: {why}", why);
}
