using System.Collections.Immutable;
using SynapseToBal.IR;

namespace SynapseToBal.Refine;

/// <summary>
/// No assignment that repeats an earlier one (issue 14, "No dead code"): a <c>makefault</c> marks the message a
/// response (FaultMediator sets it unless <c>response="false"</c>), and the <c>&lt;property name="RESPONSE"
/// value="true"/&gt;</c> projects usually write after it is a second <c>ctx.isResponse = true;</c>, often with the
/// content type and HTTP_SC set between them, and sometimes twice. A response mark whose nearest earlier mark in the
/// same block has the same value, with only sets of context fields (<see cref="SetFieldStep"/>: the content type, the
/// status, the URL postfix, the To, the method, the SOAP action, none of which is the response flag) and comments
/// between them, writes what the flag already holds, so it is left out.
/// <para>
/// The same holds for a context field set again to the value an earlier step of the same block set it to, with only
/// sets of other fields between them: the generated context has one content type, which both Synapse's
/// <c>messageType</c> and <c>ContentType</c> axis2 properties write, and projects usually set the two together, to a
/// literal or to the same read (<c>$trp:Content-Type</c> for both). A literal is the same whatever ran between; a read
/// gives the same value again when it only reads what a set of a context field does not write (default-scope
/// properties, transport headers, variables, parameters, local entries, configurables: <see cref="FieldFree"/>), so
/// the field still holds what the second set would write.
/// </para>
/// </summary>
public static class RepeatedMarks
{
    /// <summary>The package with every response mark and field set that repeats an earlier one removed.</summary>
    public static PackageIr Remove(PackageIr package) =>
        FlowBodies.Rewrite(package, Rewriter, _ => false);

    private static ImmutableArray<StepIr> Rewrite(ImmutableArray<StepIr> steps)
    {
        var result = new SharedList.Builder<StepIr>(steps);
        foreach (var step in steps)
        {
            if (step is MarkResponseStep mark && RepeatsEarlierMark(in result, mark))
            {
                continue;
            }

            if (step is SetFieldStep set && RepeatsEarlierSet(in result, set))
            {
                continue;
            }

            result.Add(FlowBodies.Nested(step, Rewriter));
        }

        return result.ToImmutable();
    }

    /// <summary>
    /// Whether the nearest earlier response mark of the block marks the same, with only field sets and comments after it.
    /// </summary>
    private static bool RepeatsEarlierMark(in SharedList.Builder<StepIr> block, MarkResponseStep mark)
    {
        for (var i = block.Count - 1; i >= 0; i--)
        {
            switch (block[i])
            {
                case MarkResponseStep previous:
                    return previous.IsResponse == mark.IsResponse;
                case SetFieldStep or CommentStep:
                    continue;
                default:
                    return false;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the block so far holds a set of what <paramref name="set"/> writes to the same value (a literal, or a
    /// read <see cref="FieldFree"/>), followed by sets of other fields only.
    /// </summary>
    private static bool RepeatsEarlierSet(in SharedList.Builder<StepIr> block, SetFieldStep set)
    {
        if (!IrWalker.Descendants(set.Value).All(FieldFree))
        {
            return false;
        }

        for (var i = block.Count - 1; i >= 0; i--)
        {
            switch (block[i])
            {
                case SetFieldStep earlier when Written(earlier.Field) == Written(set.Field):
                    return earlier.Value.Equals(set.Value);
                case SetFieldStep:
                    continue;
                default:
                    return false;
            }
        }

        return false;
    }

    /// <summary>The context field a set writes: <c>messageType</c> is written as the content type (<c>ctx.contentType</c>, StatementWriter.SetField).</summary>
    private static ContextField Written(ContextField field) => field == ContextField.MessageType ? ContextField.ContentType : field;

    /// <summary>
    /// A part of a value that a set of a context field does not change and that reads the same each time: a literal, a
    /// concatenation, a default-scope property (not an axis2 or operation one, some of which are context fields), a
    /// transport header, a variable, a parameter, a local entry, a configurable. The payload is not (a content type
    /// changes how it is read), nor is a context field.
    /// </summary>
    private static bool FieldFree(ExprIr e) => e is StringLiteralIr or NumberLiteralIr or BooleanLiteralIr or ConcatIr
        or PropertyReadIr { Scope: PropertyScope.Default } or HeaderReadIr or VariableReadIr or ParameterReadIr or LocalEntryReadIr or ConfigurableReadIr;

    /// <summary><see cref="Rewrite"/> as one delegate, not one per nested list.</summary>
    private static readonly Func<ImmutableArray<StepIr>, ImmutableArray<StepIr>> Rewriter = Rewrite;
}
