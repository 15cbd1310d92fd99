using SynapseToBal.Lowering;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// A whole XPath expression whose result is a number is stored by Synapse as Jaxen's Double printed by Java
/// (SynapseXPath.stringValueOf: "2.0"); inside an expression XPath's string() applies ("2").
/// </summary>
public sealed class XPathNumberResultTests
{
    private static string Value(string text) => ExpressionTranslatorTests.Value(text);

    [Theory]
    [InlineData("count(//item)", "javaDoubleString(<float>((check soapEnvelope(ctx))/**/<item>).length())")]
    [InlineData("string-length(get-property('x'))", "javaDoubleString(<float>propertyXPathString(ctx.properties[\"x\"]).length())")]
    [InlineData("get-property('n') + 1", "javaDoubleString(xpathNumber(getProperty(ctx, \"n\")) + 1.0)")]
    [InlineData("get-property('operation','n') + 1", "javaDoubleString(xpathNumber(getOperationProperty(ctx, \"n\")) + 1.0)")]
    public void A_number_result_is_printed_as_java_prints_a_double(string expression, string expected) =>
        Assert.Equal(expected, Value(expression));

    [Theory]
    [InlineData("concat('n=', count(//item))", ".length().toString()")]
    [InlineData("string(count(//item))", ".length().toString()")]
    [InlineData("concat('n=', get-property('n') + 1)", "xpathNumberString(")]
    public void Inside_an_expression_xpath_string_applies(string expression, string xpathForm)
    {
        var text = Value(expression);
        Assert.Contains(xpathForm, text, StringComparison.Ordinal);
        Assert.DoesNotContain("javaDoubleString", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("5", "\"5.0\"")]
    [InlineData("-1.50", "\"-1.5\"")]
    [InlineData("12345678", "\"1.2345678E7\"")]
    public void A_number_literal_result_is_the_double_java_prints(string expression, string expected) =>
        Assert.Equal(expected, Value(expression));

    [Theory]
    [InlineData(2.0, "2.0")]
    [InlineData(1.5, "1.5")]
    [InlineData(0.001, "0.001")]
    [InlineData(0.0001, "1.0E-4")]
    [InlineData(1e7, "1.0E7")]
    [InlineData(9999999.0, "9999999.0")]
    [InlineData(12345678.9, "1.23456789E7")]
    [InlineData(-0.5, "-0.5")]
    [InlineData(0.0, "0.0")]
    [InlineData(-0.0, "-0.0")]
    [InlineData(1e21, "1.0E21")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.NegativeInfinity, "-Infinity")]
    public void Java_double_strings(double value, string expected) =>
        Assert.Equal(expected, JavaDoubles.ToString(value));
}
