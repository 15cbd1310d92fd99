using Xunit;

namespace SynapseToBal.Tests.Runtime;

/// <summary>
/// MI 4.4 reads a header, property or parameter that is no number as a Java String, and ExpressionResult.asString drops
/// one pair of enclosing double or single quotes from it: a property holding <c>"abc"</c> compares, prints and goes
/// into a string function as <c>abc</c>. (A string literal's pair is its own delimiters, which the converter drops.)
/// </summary>
public sealed class MiOperandQuotesRuntimeTests
{
    [Fact]
    public void A_scalar_compared_or_printed_loses_one_pair_of_enclosing_quotes()
    {
        var function = RuntimeSourceText.Function("miScalarText");
        Assert.Contains("=> miNumberText(value) ?: miAsString(value);", function, StringComparison.Ordinal);
    }

    [Fact]
    public void A_scalar_in_a_string_function_loses_one_pair_of_enclosing_quotes()
    {
        var function = RuntimeSourceText.Function("miStringOperand");
        RuntimeSourceText.InOrder(function,
            "if miNumberText(value) is string {", "return error(",
            "return miAsString(value);");
    }

    [Fact]
    public void As_string_drops_only_a_matching_pair_of_double_or_single_quotes()
    {
        var function = RuntimeSourceText.Function("miAsString");
        RuntimeSourceText.InOrder(function,
            "value.length() >= 2 && ((value.startsWith(\"\\\"\") && value.endsWith(\"\\\"\")) || (value.startsWith(\"'\") && value.endsWith(\"'\")))",
            "return value.substring(1, value.length() - 1);",
            "return value;");
    }
}
