using Humanizer;

namespace SynapseToBal.Output;

/// <summary>The line <c>convert</c> prints about what it did to the output folder.</summary>
public static class OutputSummary
{
    public static string Describe(OutputOutcome outcome, bool check)
    {
        if (!outcome.Changed)
        {
            var kept = outcome.Count(FileAction.KeptEdited);
            return "No file changed" + (kept > 0 ? $" ({"edited file".ToQuantity(kept)} kept as edited)" : string.Empty) + (check ? ": the output is up to date." : "; nothing written.");
        }

        var parts = new List<string>();
        Add(FileAction.Created, "created");
        Add(FileAction.Updated, "regenerated");
        Add(FileAction.Merged, "merged with your edits");
        Add(FileAction.Conflicted, "merged with conflicts (SB0305)");
        Add(FileAction.NewWrittenBeside, "kept, the new generation beside it in .new (SB0306)");
        Add(FileAction.Forced, "overwritten despite edits (--force)");
        Add(FileAction.Removed, "removed");
        Add(FileAction.KeptNoLongerGenerated, "no longer generated but kept as edited (SB0307)");
        Add(FileAction.KeptEdited, "kept as edited");
        var unchanged = outcome.Count(FileAction.Unchanged);
        if (unchanged > 0)
        {
            parts.Add($"{unchanged} unchanged");
        }

        return (check ? "Out of date, converting again would change the output: " : "Output: ") + string.Join(", ", parts) + ".";

        void Add(FileAction action, string what)
        {
            var count = outcome.Count(action);
            if (count > 0)
            {
                parts.Add($"{"file".ToQuantity(count)} {what}");
            }
        }
    }
}
