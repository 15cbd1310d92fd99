using System.Text;
using Microsoft.CodeAnalysis;
using SynapseToBal.Driver;
using SynapseToBal.Lowering;
using SynapseToBal.Syntax;
using SynapseToBal.Syntax.Expressions;
using SynapseToBal.Tests.Project;
using Xunit;

namespace SynapseToBal.Tests.Robustness;

/// <summary>
/// Very deep nesting without brackets (issue 13): a chain of operators nests one tree level per operator, and the
/// parsers, the binder, the translators and the emitter recurse once per level, so 50,000 of them overflowed the
/// stack and ended the whole process (no diagnostic, no other artifact converted). Each is now an expression syntax
/// error (SB0214) or an untranslated regex (SB0234) on the one mediator, and the rest converts. A stack overflow
/// cannot be caught: if one comes back, the test run itself dies, which is a failure too.
/// </summary>
public sealed class DeepExpressionTests
{
    private const string Ns = "http://ws.apache.org/ns/synapse";
    private const int Long = 50_000;

    private static readonly string GoodApi =
        $"""<api xmlns="{Ns}" name="GoodApi" context="/good"><resource methods="GET"><inSequence><respond/></inSequence></resource></api>""";

    private static string Chain(string item, string separator, int count = Long) =>
        string.Join(separator, Enumerable.Repeat(item, count));

    private static string Repeat(string text, int count = Long) => string.Concat(Enumerable.Repeat(text, count));

    /// <summary>The mediator (inside a sequence named Deep) and the expression text the error is about.</summary>
    public static TheoryData<string, string> Chains() => new()
    {
        { "xpath or chain", $"""<filter xpath="{Chain("$ctx:a = 1", " or ")}"><then><log/></then></filter>""" },
        { "xpath plus chain", $"""<property name="x" expression="{Chain("1", "+")}"/>""" },
        { "xpath unary minus chain", $"""<property name="x" expression="{Repeat("-")}1"/>""" },
        { "synapse plus chain", "<variable name=\"x\" type=\"STRING\" expression=\"${" + Chain("vars.a", "+") + "}\"/>" },
        { "synapse not chain", "<variable name=\"x\" type=\"BOOLEAN\" expression=\"${" + Repeat("!") + "true}\"/>" },
        { "synapse conditional chain", "<variable name=\"x\" type=\"STRING\" expression=\"${" + Repeat("true ? 1 : ") + "1}\"/>" },
        { "jsonpath member chain", $"""<property name="x" expression="json-eval($.{Chain("a", ".")})"/>""" },
        { "jsonpath filter chain", $"""<property name="x" expression="json-eval($.a[?({Chain("@.b == 1", " || ")})])"/>""" },
    };

    [Theory]
    [MemberData(nameof(Chains))]
    public void A_long_operator_chain_is_a_syntax_error_not_a_stack_overflow(string what, string mediator)
    {
        using var temp = new TempDirectory();
        temp.Write("good.xml", GoodApi);
        temp.Write("deep.xml", $"<sequence xmlns=\"{Ns}\" name=\"Deep\">\n  {mediator}\n  <log/>\n</sequence>");
        var result = Converter.Convert(new ConversionOptions(temp.Path));

        var error = Assert.Single(result.Diagnostics, d => d.Id == "SB0214");
        Assert.True(error.GetMessage().Contains($"operators nest more than {ExpressionParser.MaxDepth} deep", StringComparison.Ordinal), $"{what}: {error.GetMessage()[..Math.Min(300, error.GetMessage().Length)]}");
        var span = error.Location.GetLineSpan();
        Assert.EndsWith("deep.xml", span.Path, StringComparison.Ordinal);
        Assert.Equal(1, span.StartLinePosition.Line); // the mediator's line, 0-based
        Assert.DoesNotContain(result.Diagnostics, d => d.Id.StartsWith("SB09", StringComparison.Ordinal));
        Assert.Contains(result.Files, f => f.RelativePath == "main.bal" && f.Content.Contains("service /good on", StringComparison.Ordinal));
        Assert.Contains(result.Files, f => f.RelativePath == "functions.bal" && f.Content.Contains("function deep", StringComparison.Ordinal));
    }

    [Fact]
    public void A_chain_below_the_limit_still_converts_on_every_thread()
    {
        using var temp = new TempDirectory();
        temp.Write("good.xml", GoodApi);

        // 120 terms: the tree is 121 levels deep (each 'or' one level, the comparisons one more), under MaxDepth.
        temp.Write("long.xml", $"""<sequence xmlns="{Ns}" name="LongChain"><filter xpath="{Chain("$ctx:a = 'x'", " or ", 120)}"><then><log/></then></filter><property name="y" expression="json-eval($.{Chain("a", ".", 120)})"/><log/></sequence>""");
        var result = Converter.Convert(new ConversionOptions(temp.Path) { MaxDegreeOfParallelism = 4 });
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        var functions = Assert.Single(result.Files, f => f.RelativePath == "functions.bal");
        Assert.Contains("function longChain", functions.Content, StringComparison.Ordinal);
        Assert.Contains("\"x\"", functions.Content, StringComparison.Ordinal);
    }

    [Fact]
    public void A_location_path_of_many_steps_is_read_without_recursing_per_step()
    {
        // XPath's relative location path used to recurse once per '/': 50,000 steps overflowed the parser's stack.
        var parsed = ExpressionParser.Parse(Repeat("/a"), ExpressionLanguage.XPath);
        Assert.True(parsed.Success, string.Join("; ", parsed.Errors.Select(e => e.Message)));
        Assert.Equal(Long, Assert.IsType<LocationPath>(parsed.Root).Steps.Length);

        using var temp = new TempDirectory();
        temp.Write("good.xml", GoodApi);
        temp.Write("path.xml", $"""<sequence xmlns="{Ns}" name="LongPath"><property name="x" expression="{Repeat("/a")}"/><log/></sequence>""");
        var result = Converter.Convert(new ConversionOptions(temp.Path));
        Assert.DoesNotContain(result.Diagnostics, d => d.Id.StartsWith("SB09", StringComparison.Ordinal));
        Assert.Contains(result.Files, f => f.RelativePath == "functions.bal" && f.Content.Contains("function longPath", StringComparison.Ordinal));
    }

    [Fact]
    public void A_regex_of_deeply_nested_groups_is_not_translated_and_the_rest_converts()
    {
        Assert.Contains("nest more than", JavaRegex.Translate(Repeat("(") + "a" + Repeat(")")).Problem, StringComparison.Ordinal);
        Assert.True(JavaRegex.Translate(Repeat("(", JavaRegex.MaxGroupDepth) + "a" + Repeat(")", JavaRegex.MaxGroupDepth)).Translated);

        using var temp = new TempDirectory();
        temp.Write("good.xml", GoodApi);
        temp.Write("regex.xml", $"<sequence xmlns=\"{Ns}\" name=\"DeepRegex\">\n  <filter source=\"$ctx:a\" regex=\"{Repeat("(")}a{Repeat(")")}\"><then><log/></then></filter>\n</sequence>");
        var result = Converter.Convert(new ConversionOptions(temp.Path));
        var warning = Assert.Single(result.Diagnostics, d => d.Id == "SB0234");
        Assert.Contains("nest more than", warning.GetMessage(), StringComparison.Ordinal);
        Assert.Equal(1, warning.Location.GetLineSpan().StartLinePosition.Line);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id.StartsWith("SB09", StringComparison.Ordinal));
        Assert.Contains(result.Files, f => f.RelativePath == "main.bal" && f.Content.Contains("service /good on", StringComparison.Ordinal));
        Assert.Contains(result.Files, f => f.RelativePath == "functions.bal" && f.Content.Contains("function deepRegex", StringComparison.Ordinal));
    }
}
