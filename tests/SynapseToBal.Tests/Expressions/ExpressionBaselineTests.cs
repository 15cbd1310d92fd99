using System.Text;
using SynapseToBal.Syntax;
using SynapseToBal.Syntax.Expressions;
using SynapseToBal.Tests.Golden;
using Xunit;

namespace SynapseToBal.Tests.Expressions;

/// <summary>
/// Parse baselines per dialect: every line of <c>Inputs/&lt;dialect&gt;.txt</c> is parsed and printed as an
/// S-expression into <c>Baselines/&lt;dialect&gt;.txt</c> (<c>input</c>, then <c>  =&gt; tree</c>). Compared with the
/// golden harness; <c>SYNAPSE2BAL_UPDATE_GOLDEN=1</c> rewrites the baselines.
/// </summary>
public sealed class ExpressionBaselineTests
{
    private static string Folder => Path.Combine(TestPaths.TestProject, "Expressions");

    /// <summary>The lines of an input file that are cases (not blank, not a '#' comment).</summary>
    public static IReadOnlyList<string> Cases(string name) =>
        File.ReadAllLines(Path.Combine(Folder, "Inputs", name + ".txt"))
            .Where(line => line.Trim().Length > 0 && !line.StartsWith('#'))
            .ToList();

    public static string Baseline(string name)
    {
        var builder = new StringBuilder();
        foreach (var line in Cases(name))
        {
            string tree;
            if (name == "interpolation")
            {
                var bar = line.IndexOf("| ", StringComparison.Ordinal);
                var mode = line[..bar] switch
                {
                    "template" => InterpolationMode.Template,
                    "payload" => InterpolationMode.PayloadFactory,
                    "uri" => InterpolationMode.UriTemplate,
                    "key" => InterpolationMode.DynamicKey,
                    var other => throw new InvalidOperationException("unknown interpolation mode " + other),
                };
                tree = InterpolationLexer.Print(InterpolationLexer.Split(line[(bar + 2)..], mode));
            }
            else
            {
                var language = name switch
                {
                    "xpath" => ExpressionLanguage.XPath,
                    "jsonpath" => ExpressionLanguage.JsonPath,
                    _ => ExpressionLanguage.Synapse,
                };
                tree = ExpressionPrinter.Print(ExpressionParser.Parse(line, language));
            }

            builder.Append(line).Append('\n').Append("  => ").Append(tree).Append('\n');
        }

        return builder.ToString();
    }

    [Fact]
    public void Every_dialect_parses_as_its_baseline_says()
    {
        var actual = new[] { "xpath", "jsonpath", "synapse", "interpolation" }.ToDictionary(n => n + ".txt", Baseline);
        GoldenFiles.AssertDirectory(Path.Combine(Folder, "Baselines"), actual);
    }

    [Fact]
    public void The_baselines_hold_enough_cases()
    {
        var total = new[] { "xpath", "jsonpath", "synapse", "interpolation" }.Sum(n => Cases(n).Count);
        Assert.True(total >= 300, $"only {total} baseline cases");
    }
}
