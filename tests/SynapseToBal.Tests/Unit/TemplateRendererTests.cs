using SynapseToBal.Emit;
using SynapseToBal.Tests.Project;
using Xunit;

namespace SynapseToBal.Tests.Unit;

public sealed class TemplateRendererTests
{
    /// <summary>Scriban cuts rendered text at 1 MiB by default (then "..."); a big main.bal must come out whole.</summary>
    [Fact]
    public void Output_over_one_mebibyte_is_not_truncated()
    {
        using var temp = new TempDirectory();
        temp.Write("lines.txt.sbn", "{{~ for line in lines ~}}\n{{ line }}\n{{~ end ~}}\nEND\n");
        var lines = Enumerable.Range(0, 30_000).Select(i => $"// line {i:D6} " + new string('x', 60)).ToList();

        var text = new TemplateRenderer(temp.Path).Render("lines.txt.sbn", new { Lines = lines });

        Assert.True(text.Length > 2 * 1024 * 1024, $"rendered {text.Length} characters");
        Assert.EndsWith(lines[^1] + "\nEND\n", text, StringComparison.Ordinal);
    }
}
