using System.Collections.Immutable;
using SynapseToBal.IR;

namespace SynapseToBal.Refine;

/// <summary>
/// No assignment that repeats the one before it (issue 14, "No dead code"): a <c>makefault</c> marks the message a
/// response (FaultMediator sets it unless <c>response="false"</c>), and the <c>&lt;property name="RESPONSE"
/// value="true"/&gt;</c> projects usually write right after it is a second <c>ctx.isResponse = true;</c>. A response
/// mark that directly follows one with the same value in the same block writes what the flag already holds, so it
/// is left out; nothing runs between the two, so the flag is the same whichever of them wrote it.
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

            result.Add(FlowBodies.Nested(step, Rewriter));
        }

        return result.ToImmutable();
    }

    /// <summary><see cref="Rewrite"/> as one delegate, not one per nested list.</summary>
    private static readonly Func<ImmutableArray<StepIr>, ImmutableArray<StepIr>> Rewriter = Rewrite;
}
