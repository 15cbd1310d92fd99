using SynapseToBal.Output;
using Xunit;

namespace SynapseToBal.Tests.Unit;

public sealed class ThreeWayMergeTests
{
    private const string Base = "a\nb\nc\nd\ne\nf\ng\n";

    [Fact]
    public void Changes_to_different_lines_both_survive()
    {
        var ours = "a\nb (edited)\nc\nd\ne\nf\ng\n";
        var theirs = "a\nb\nc\nd\ne\nf (regenerated)\ng\nh\n";
        var merged = ThreeWayMerge.Merge(Base, ours, theirs);
        Assert.True(merged.IsClean);
        Assert.Equal("a\nb (edited)\nc\nd\ne\nf (regenerated)\ng\nh\n", merged.Text);
    }

    [Fact]
    public void The_same_change_on_both_sides_is_taken_once()
    {
        var both = "a\nb\nX\nd\ne\nf\ng\n";
        var merged = ThreeWayMerge.Merge(Base, both, both);
        Assert.True(merged.IsClean);
        Assert.Equal(both, merged.Text);
    }

    [Fact]
    public void Different_changes_to_the_same_lines_conflict_with_markers_and_their_lines()
    {
        var ours = "a\nb\nmine\nd\ne\nf\ng\n";
        var theirs = "a\nb\ntheirs\nd\ne\nf\ng\n";
        var merged = ThreeWayMerge.Merge(Base, ours, theirs, "main.bal (your version)", "main.bal (regenerated)");
        Assert.False(merged.IsClean);
        Assert.Equal("a\nb\n<<<<<<< main.bal (your version)\nmine\n=======\ntheirs\n>>>>>>> main.bal (regenerated)\nd\ne\nf\ng\n", merged.Text);
        Assert.Equal([new MergeConflict(3, 7)], merged.Conflicts);
    }

    [Fact]
    public void Changes_to_adjacent_lines_conflict_as_in_git()
    {
        var merged = ThreeWayMerge.Merge(Base, "a\nB\nc\nd\ne\nf\ng\n", "a\nb\nC\nd\ne\nf\ng\n");
        Assert.False(merged.IsClean);
        Assert.Contains("<<<<<<< yours\nB\nc\n=======\nb\nC\n>>>>>>> generated\n", merged.Text);
    }

    [Fact]
    public void Insertions_at_the_same_place_conflict_and_elsewhere_merge()
    {
        Assert.False(ThreeWayMerge.Merge(Base, Base + "x\n", Base + "y\n").IsClean);
        var merged = ThreeWayMerge.Merge(Base, "top\n" + Base, Base + "bottom\n");
        Assert.True(merged.IsClean);
        Assert.Equal("top\n" + Base + "bottom\n", merged.Text);
    }

    [Fact]
    public void A_deletion_on_one_side_and_an_untouched_region_on_the_other_merge()
    {
        var merged = ThreeWayMerge.Merge(Base, "a\nb\nc\nd\ne\nf\ng\n// note\n", "a\nd\ne\nf\ng\n");
        Assert.True(merged.IsClean);
        Assert.Equal("a\nd\ne\nf\ng\n// note\n", merged.Text);
    }

    [Fact]
    public void A_last_line_without_a_line_end_is_kept_as_written()
    {
        var merged = ThreeWayMerge.Merge("a\nx\nb", "a (mine)\nx\nb", "a\nx\nb\nc");
        Assert.True(merged.IsClean);
        Assert.Equal("a (mine)\nx\nb\nc", merged.Text);

        // As in git, a last line that gains a line end is a change of that line.
        Assert.False(ThreeWayMerge.Merge("a\nb", "a (mine)\nb", "a\nb\nc").IsClean);
    }
}
