using SynapseToBal.Driver;
using SynapseToBal.Tests.Runtime;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// MI 4.4 integer arithmetic that can overflow a Ballerina int: Java wraps a long around (BinaryOperationNode
/// .performLongOperation) where Ballerina's checked arithmetic panics, which no fault handling catches. The plain
/// operator stays where the operands' magnitudes rule an overflow out; the rest goes through the run-time helper.
/// </summary>
public sealed class LongArithmeticTests
{
    private static string Convert(string body)
    {
        var folder = Path.Combine(Path.GetTempPath(), "synapse2bal-unit-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            File.WriteAllText(Path.Combine(folder, "S.xml"), $"""<sequence xmlns="http://ws.apache.org/ns/synapse" name="S">{body}</sequence>""");
            var result = Converter.Convert(new ConversionOptions(folder));
            return string.Join("\n", result.Files.Where(f => f.RelativePath.EndsWith(".bal", StringComparison.Ordinal) && !f.RelativePath.Contains("support", StringComparison.Ordinal)).Select(f => f.Content));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private const string Variables = """<variable name="l" type="LONG" value="5000000000"/><variable name="i" type="INTEGER" value="7"/>""";

    [Theory]
    [InlineData("vars.l + 1", "miIntArithmetic(check miIntVariable(ctx, \"l\"), \"+\", 1, javaLong = true)")]
    [InlineData("vars.l * vars.i", "miIntArithmetic(check miIntVariable(ctx, \"l\"), \"*\", check miIntVariable(ctx, \"i\"), javaLong = true)")]
    [InlineData("vars.i * vars.i * vars.i", "miIntArithmetic((check miIntVariable(ctx, \"i\")) * (check miIntVariable(ctx, \"i\")), \"*\", check miIntVariable(ctx, \"i\"))")]
    [InlineData("-vars.l", "check miIntNegate(check miIntVariable(ctx, \"l\"), javaLong = true)")]
    [InlineData("-vars.i", "check miIntNegate(check miIntVariable(ctx, \"i\"))")]
    public void Arithmetic_that_can_overflow_goes_through_the_helper(string expression, string expected)
    {
        var code = Convert(Variables + $"""<log><message>${"{"}{expression}{"}"}</message></log>""");
        Assert.Contains(expected, code, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("vars.i + 1", "(check miIntVariable(ctx, \"i\")) + 1")]
    [InlineData("vars.i * vars.i", "(check miIntVariable(ctx, \"i\")) * (check miIntVariable(ctx, \"i\"))")]
    [InlineData("vars.i - 2147483648", "(check miIntVariable(ctx, \"i\")) - 2147483648")]
    [InlineData("now() - 1000", "nowMillis() - 1000")]
    [InlineData("length('abc') + 1", "\"abc\".length() + 1")]
    public void Arithmetic_that_cannot_overflow_keeps_the_operator(string expression, string expected)
    {
        var code = Convert(Variables + $"""<log><message>${"{"}{expression}{"}"}</message></log>""");
        Assert.Contains(expected, code, StringComparison.Ordinal);
        Assert.DoesNotContain("miIntArithmetic(", code, StringComparison.Ordinal);
    }

    [Fact]
    public void The_least_long_is_written_as_int_min_value()
    {
        // 9223372036854775808 is past the int range before the minus applies (the spec's int-literal has no sign).
        var code = Convert("""<variable name="m" type="LONG" value="-9223372036854775808"/>""");
        Assert.Contains("ctx.variables[\"m\"] = int:MIN_VALUE;", code, StringComparison.Ordinal);
        Assert.DoesNotContain("9223372036854775808", code, StringComparison.Ordinal);
    }

    [Fact]
    public void The_helpers_wrap_as_java_and_never_panic()
    {
        var arithmetic = RuntimeSourceText.Function("miIntArithmetic");
        Assert.Contains("return ints ? left + right : javaLongAdd(left, right);", arithmetic, StringComparison.Ordinal);
        Assert.Contains("return ints ? javaIntWrap(left - right) : javaLongSubtract(left, right);", arithmetic, StringComparison.Ordinal);
        Assert.Contains("return ints ? left * right : javaLongMultiply(left, right);", arithmetic, StringComparison.Ordinal);
        foreach (var name in new[] { "javaLongAdd", "javaLongSubtract", "javaLongMultiply" })
        {
            Assert.Contains("= trap left ", RuntimeSourceText.Function(name), StringComparison.Ordinal);
        }

        Assert.Contains("Cannot negate a non-numeric value", RuntimeSourceText.Function("miIntNegate"), StringComparison.Ordinal);
    }
}
