using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// MI 4.4 expressions whose Ballerina counterparts would panic or differ: division and remainder by zero are the
/// Micro Integrator's errors (BinaryOperationNode), an exact quotient of two integers is an integer
/// (performIntOperation), and subString/charAt out of range are errors (PredefinedFunctionNode), all returned
/// through <c>check</c> so the flow's fault handling sees them.
/// </summary>
public sealed class MiArithmeticAndBoundsTests
{
    [Theory]
    [InlineData("${6 / 2}", "3.toString()")]
    [InlineData("${-6 / 2}", "(-3).toString()")]
    // Two ints that are not an exact pair of literals: "3.5" here, "2" when exact, as performIntOperation gives them.
    [InlineData("${7 / 2}", "check miIntQuotientText(7, 2)")]
    [InlineData("${6 / 0}", "check miIntQuotientText(6, 0)")]
    [InlineData("${length('abcd') / 2}", "check miIntQuotientText(\"abcd\".length(), 2)")]
    // A long (now(), a literal past the int range) divides in double (performLongOperation).
    [InlineData("${now() / 2}", "(check miDivide(<float>nowMillis(), <float>2)).toString()")]
    [InlineData("${6 / 3000000000}", "(check miDivide(<float>6, <float>3000000000)).toString()")]
    // floor and ceil of an int give the int (handleFloorFunction, handleCeilFunction).
    [InlineData("${floor(length('ab'))}", "\"ab\".length().toString()")]
    [InlineData("${7 % 0}", "(check miIntModulo(7, 0)).toString()")]
    [InlineData("${7 % 2}", "(check miIntModulo(7, 2)).toString()")]
    [InlineData("${7.5 / 0}", "(check miDoubleArithmetic(7.5, \"/\", <float>0)).toString()")]
    [InlineData("${7.5 % 2}", "(check miDoubleArithmetic(7.5, \"%\", <float>2)).toString()")]
    [InlineData("${1.0 / 8.0}", "(check miDoubleArithmetic(1.0, \"/\", 8.0)).toString()")]
    [InlineData("${0.1 + 0.2}", "(check miDoubleArithmetic(0.1, \"+\", 0.2)).toString()")]
    [InlineData("${2 * 1.5}", "(check miDoubleArithmetic(<float>2, \"*\", 1.5)).toString()")]
    [InlineData("${3.5 - 1}", "(check miDoubleArithmetic(3.5, \"-\", <float>1)).toString()")]
    [InlineData("${6 * 2}", "(6 * 2).toString()")]
    // A literal with leading zeros is the number the MI parses (Integer.parseInt): Ballerina takes no leading zero.
    [InlineData("${007 * 2}", "(7 * 2).toString()")]
    [InlineData("${00.5 + 0.25}", "(check miDoubleArithmetic(0.5, \"+\", 0.25)).toString()")]
    public void Mi_division_and_remainder(string expression, string expected) =>
        Assert.Equal(Guarded(expression, expected), ExpressionTranslatorTests.Value(expression));

    [Theory]
    [InlineData("6 div 0", "javaDoubleString(6.0 / 0.0)")]
    [InlineData("7 mod 0", "javaDoubleString(7.0 % 0.0)")]
    public void Xpath_division_keeps_ieee_754(string expression, string expected) =>
        Assert.Equal(expected, ExpressionTranslatorTests.Value(expression));

    [Theory]
    [InlineData("${subString('abc', 1)}", "check subStringFrom(\"abc\", 1)")]
    [InlineData("${subString('abc', 1, 2)}", "check subString(\"abc\", 1, 2)")]
    [InlineData("${charAt('abc', 1)}", "check charAt(\"abc\", 1)")]
    public void Mi_substring_and_char_at_return_errors(string expression, string expected) =>
        Assert.Equal(Guarded(expression, expected), ExpressionTranslatorTests.Value(expression));

    /// <summary>
    /// A value that can fail is evaluated as SynapseExpression.evaluateExpression does: the error becomes "" and a
    /// warning (synapseValue, docs/expressions.md); a value that cannot fail is written as it is.
    /// </summary>
    private static string Guarded(string expression, string expected) =>
        expected.Contains("check ", StringComparison.Ordinal)
            ? $"check synapseValue(function () returns string|error => {expected}, \"{expression[2..^1]}\")"
            : expected;

    [Fact]
    public void Runtime_helpers_check_the_bounds_and_saturate()
    {
        var support = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "templates", "runtime", "support.bal"));
        Assert.Contains("function subStringFrom(string text, int origin) returns string|error {", support, StringComparison.Ordinal);
        Assert.Contains("function subString(string text, int origin, int end) returns string|error {", support, StringComparison.Ordinal);
        Assert.Contains("function charAt(string text, int index) returns string|error {", support, StringComparison.Ordinal);
        Assert.Contains("return error(\"Division by zero\");", support, StringComparison.Ordinal);
        Assert.Contains("return error(\"Modulo by zero\");", support, StringComparison.Ordinal);
        Assert.Contains("saturated = int:MAX_VALUE;", support, StringComparison.Ordinal);
        Assert.Contains("saturated = int:MIN_VALUE;", support, StringComparison.Ordinal);
        Assert.Contains("int low = saturated & 0xFFFFFFFF;", support, StringComparison.Ordinal);
    }

    [Fact]
    public void Runtime_int_quotient_is_an_int_when_exact_and_a_java_double_otherwise()
    {
        var support = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "templates", "runtime", "support.bal"));
        Assert.Contains("function miIntQuotientText(int dividend, int divisor) returns string|error {", support, StringComparison.Ordinal);
        Assert.Contains("if dividend % divisor == 0 {", support, StringComparison.Ordinal);
        Assert.Contains("return javaDoubleString(<float>dividend / <float>divisor);", support, StringComparison.Ordinal);
        Assert.Contains("function payloadIsNull(Context ctx, string parent, string|int member) returns boolean|error {", support, StringComparison.Ordinal);
        Assert.Contains("function miNumberText(string value) returns string? {", support, StringComparison.Ordinal);
    }

    [Theory]
    // An operation on a quotient of two ints: its Java type (int when exact) decides it, which only the run time knows.
    [InlineData("${length('abcd') / 2 + 1}")]
    [InlineData("${abs(length('abcd') / 2)}")]
    [InlineData("${floor(length('abcd') / 2)}")]
    [InlineData("${floor(now())}")]
    public void Operations_on_a_quotient_of_ints_stay_untranslated(string expression) =>
        Assert.Equal($"check notTranslated(\"{expression}\")", ExpressionTranslatorTests.Value(expression));

    [Fact]
    public void Runtime_double_arithmetic_is_big_decimal_at_the_dividends_scale()
    {
        var support = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "templates", "runtime", "support.bal"));
        Assert.Contains("function miDoubleArithmetic(float left, string operator, float right) returns float|error {", support, StringComparison.Ordinal);
        Assert.Contains("decimal l = check decimal:fromString(leftText);", support, StringComparison.Ordinal);
        Assert.Contains("decimal|error result = trap miDecimalOperation(l, operator, r, javaDecimalScale(leftText));", support, StringComparison.Ordinal);
        Assert.Contains("decimal magnitude = decimal:floor(decimal:abs(scaled) + 0.5d);", support, StringComparison.Ordinal);
        Assert.Contains("return fraction - exponent;", support, StringComparison.Ordinal);
    }
}
