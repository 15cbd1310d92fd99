using System.Collections.Immutable;
using SynapseToBal.IR;

namespace SynapseToBal.Refine;

/// <summary>
/// No assignment that repeats the one before it (issue 14, "No dead code"): a <c>makefault</c> marks the message a
/// response (FaultMediator sets it unless <c>response="false"</c>), and the <c>&lt;property name="RESPONSE"
/// value="true"/&gt;</c> projects usually write right after it is a second <c>ctx.isResponse = true;</c>. A response
/// mark that directly follows one with the same value in the same block writes what the flag already holds, so it
/// is left out; nothing runs between the two, so the flag is the same whichever of them wrote it.
/// <para>
/// The same holds for a context field set to a literal (<c>ctx.contentType = "application/json";</c>) when an
/// earlier step of the same block set it to the same literal and only sets of other fields stand between them: the
/// generated context has one content type, which both Synapse's <c>messageType</c> and <c>ContentType</c> axis2
/// properties write, and projects usually set the two together. A set of another field writes nothing but that
/// field, so the content type still holds the literal when the second set runs.
/// </para>
/// </summary>
public static class RepeatedMarks
{
    /// <summary>The package with every response mark that repeats the step before it removed.</summary>
    public static PackageIr Remove(PackageIr package) =>
        FlowBodies.Rewrite(package, Rewriter, _ => false);

    private static ImmutableArray<StepIr> Rewrite(ImmutableArray<StepIr> steps)
    {
        var result = new SharedList.Builder<StepIr>(steps);
        foreach (var step in steps)
        {
            if (step is MarkResponseStep mark && result.Count > 0 && result.Last is MarkResponseStep previous && previous.IsResponse == mark.IsResponse)
            {
                continue;
            }

            if (step is SetFieldStep set && IsLiteral(set.Value) && RepeatsEarlierSet(in result, set))
            {
                continue;
            }

            result.Add(FlowBodies.Nested(step, Rewriter));
        }

        return result.ToImmutable();
    }

    /// <summary>
    /// Whether the block so far ends with a set of <paramref name="set"/>'s field to the same literal, followed by
    /// sets of other fields only.
    /// </summary>
    private static bool RepeatsEarlierSet(in SharedList.Builder<StepIr> block, SetFieldStep set)
    {
        for (var i = block.Count - 1; i >= 0; i--)
        {
            if (block[i] is not SetFieldStep earlier)
            {
                return false;
            }

            if (earlier.Field == set.Field)
            {
                return IsLiteral(earlier.Value) && earlier.Value.Equals(set.Value);
            }
        }

        return false;
    }

    private static bool IsLiteral(ExprIr value) => value is StringLiteralIr or NumberLiteralIr or BooleanLiteralIr;

    /// <summary><see cref="Rewrite"/> as one delegate, not one per nested list.</summary>
    private static readonly Func<ImmutableArray<StepIr>, ImmutableArray<StepIr>> Rewriter = Rewrite;
}
