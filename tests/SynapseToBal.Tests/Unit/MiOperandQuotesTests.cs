using SynapseToBal.Lowering;
using SynapseToBal.Tests.Runtime;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// MI 4.4 ExpressionResult.asString drops one pair of enclosing double or single quotes from a Java String: a string
/// literal's token (its own delimiters: LiteralNode keeps them), a header, property or parameter value, and the String a
/// <c>+</c> or a string function makes, each time a node reads it and once more for the whole result
/// (SynapseExpression.stringValueOf); never from a JSON string of the payload or a JSON variable. A text of one quote
/// character makes String.substring throw, which fails the mediator.
/// </summary>
public sealed class MiOperandQuotesTests
{
    [Theory]
    // A literal loses its delimiters only: '"ab"' is "ab", quotes kept.
    [InlineData("${'\"ab\"'}", "\"\\\"ab\\\"\"")]
    // ... and keeps them in a sum: the literal's text goes in once; only the sum's String is read with asString.
    [InlineData("${'\"ab\"' + vars.x}", "check synapseValue(function () returns string|error => check miAsString(string `\"ab\"${check variableString(ctx, \"x\")}`), \"'\\\"ab\\\"' + vars.x\")")]
    // A sum of literals is stripped when it is converted: "a + b" is "ab", then asString drops that pair.
    [InlineData("${'\"a' + 'b\"'}", "\"ab\"")]
    [InlineData("${'a' + 'b'}", "\"ab\"")]
    // A string function's result is a Java String: toUpper('"ab"') prints AB.
    [InlineData("${toUpper('\"ab\"')}", "check synapseValue(function () returns string|error => check miAsString(upperCase(\"\\\"ab\\\"\")), \"toUpper('\\\"ab\\\"')\")")]
    // Also of a JSON string of the payload (handleToUpperFunction: result.isString() is true for a JsonPrimitive).
    [InlineData("${toUpper(payload.x)}", "check synapseValue(function () returns string|error => check miAsString(upperCase(check jsonString(ctx, \"$.x\"))), \"toUpper(payload.x)\")")]
    // '"' + vars.x + '"': each partial sum is read with asString by the next +, and the result once more.
    [InlineData("${'\"' + vars.x + '\"'}", "check synapseValue(function () returns string|error => check miAsString(string `${check miAsString(string `\"${check variableString(ctx, \"x\")}`)}\"`), \"'\\\"' + vars.x + '\\\"'\")")]
    // A comparison reads both sides with asString.
    [InlineData("${toLower(vars.x) == 'ab'}", "check synapseValue(function () returns string|error => (check miAsString(lowerCase(check variableString(ctx, \"x\"))) == \"ab\").toString(), \"toLower(vars.x) == 'ab'\")")]
    // A string function reads its argument with asString.
    [InlineData("${startsWith(toUpper(vars.x), '\"')}", "check synapseValue(function () returns string|error => ((check miAsString(upperCase(check variableString(ctx, \"x\")))).startsWith(\"\\\"\")).toString(), \"startsWith(toUpper(vars.x), '\\\"')\")")]
    // A lone quote is left to the run time, where asString fails the mediator.
    [InlineData("${'\"' + ''}", "check synapseValue(function () returns string|error => check miAsString(\"\\\"\"), \"'\\\"' + ''\")")]
    public void A_java_string_is_read_as_as_string_reads_it(string expression, string expected) =>
        Assert.Equal(expected, ExpressionTranslatorTests.Value(expression));

    [Theory]
    // Text that starts or ends with a known character other than a quote cannot lose one.
    [InlineData("${'id-' + headers.x}", "check synapseValue(function () returns string|error => string `id-${check miStringOperand(check requiredHeader(ctx, \"x\"))}`, \"'id-' + headers.x\")")]
    [InlineData("${'a' + vars.x + 'b'}", "check synapseValue(function () returns string|error => string `a${check variableString(ctx, \"x\")}b`, \"'a' + vars.x + 'b'\")")]
    [InlineData("${payload.x + 'c'}", "check synapseValue(function () returns string|error => string `${check jsonString(ctx, \"$.x\")}c`, \"payload.x + 'c'\")")]
    // Case mapping of literal text without quotes, and base64encode (A-Z, a-z, 0-9, +, /, =), write no quote.
    [InlineData("${toLower('ÉTÉ')}", "lowerCase(\"ÉTÉ\")")]
    [InlineData("${base64encode(payload.x)}", "check synapseValue(function () returns string|error => (check jsonString(ctx, \"$.x\")).toBytes().toBase64(), \"base64encode(payload.x)\")")]
    // A JSON string of the payload is no Java String: read as it is.
    [InlineData("${payload.x}", "check synapseJsonText(ctx, \"$.x\")")]
    public void Text_that_cannot_be_quoted_is_not_read_again(string expression, string expected) =>
        Assert.Equal(expected, ExpressionTranslatorTests.Value(expression));

    [Theory]
    // A header, property or parameter value is read with asString where it is printed or compared, and where a string
    // function or + takes it (a number there is an evaluation error).
    [InlineData("${headers.x}", "check miScalarString(getHeader(ctx, \"x\"))")]
    [InlineData("${toUpper(headers.x)}", "check synapseValue(function () returns string|error => check miAsString(upperCase(check miStringOperand(check requiredHeader(ctx, \"x\")))), \"toUpper(headers.x)\")")]
    // miSum reads each string operand with asString: a literal whose content asString would change goes in as the Java
    // String LiteralNode holds ('"ab"' in one more pair), so it loses its delimiters only.
    [InlineData("${headers.a + headers.b + '\"ab\"'}", "check synapseValue(function () returns string|error => check miSum(miScalar(check requiredHeader(ctx, \"a\")), miScalar(check requiredHeader(ctx, \"b\")), \"\\\"\\\"ab\\\"\\\"\"), \"headers.a + headers.b + '\\\"ab\\\"'\")")]
    [InlineData("${headers.a + headers.b + '-x'}", "check synapseValue(function () returns string|error => check miSum(miScalar(check requiredHeader(ctx, \"a\")), miScalar(check requiredHeader(ctx, \"b\")), \"-x\"), \"headers.a + headers.b + '-x'\")")]
    public void A_header_or_property_value_is_read_as_a_java_string(string expression, string expected) =>
        Assert.Equal(expected, ExpressionTranslatorTests.Value(expression));

    [Theory]
    // objectValueOf (a payloadFactory ${...} template without xpath(, a variable without a STRING or XML type) hands the
    // whole result on as it is: the operands are read with asString, the result is not.
    [InlineData("${'\"' + vars.x + '\"'}", "check synapseValue(function () returns string|error => string `${check miAsString(string `\"${check variableString(ctx, \"x\")}`)}\"`, \"'\\\"' + vars.x + '\\\"'\")")]
    [InlineData("${toUpper('\"ab\"')}", "upperCase(\"\\\"ab\\\"\")")]
    [InlineData("${'\"a' + 'b\"'}", "\"\\\"ab\\\"\"")]
    [InlineData("${'\"' + ''}", "\"\\\"\"")]
    // A whole header is the number its text parses as (tryParseNumber), else the Java String, quotes kept.
    [InlineData("${headers.x}", "miScalarObject(getHeader(ctx, \"x\"))")]
    [InlineData("${payload.vip ? '\"x\"' + vars.y : 'z'}", "check synapseValue(function () returns string|error => (check jsonBoolean(check payloadJson(ctx, \"$.vip\")) ? string `\"x\"${check variableString(ctx, \"y\")}` : \"z\"), \"payload.vip ? '\\\"x\\\"' + vars.y : 'z'\")")]
    public void Object_value_keeps_the_whole_result_as_it_is(string expression, string expected) =>
        Assert.Equal(expected, ExpressionTranslatorTests.Value(expression, ExpressionReading.ObjectValue));

    [Theory]
    // stringValueOf reads a ternary's result, the branch's: a computed string branch loses a pair, a literal holds its
    // content already.
    [InlineData("${payload.vip ? '\"x\"' + vars.y : 'z'}", "check synapseValue(function () returns string|error => (check jsonBoolean(check payloadJson(ctx, \"$.vip\")) ? check miAsString(string `\"x\"${check variableString(ctx, \"y\")}`) : \"z\"), \"payload.vip ? '\\\"x\\\"' + vars.y : 'z'\")")]
    // A whole header of one quote character fails the mediator (asString's substring throws): miScalarString returns
    // the MiJavaException, which no synapseValue turns into "".
    [InlineData("${props.synapse.x}", "check miScalarString(getProperty(ctx, \"x\"))")]
    public void String_value_reads_the_whole_result_with_as_string(string expression, string expected) =>
        Assert.Equal(expected, ExpressionTranslatorTests.Value(expression, ExpressionReading.StringValue));

    [Theory]
    // integer(), float(), boolean() and string() parse (or give) their argument's asString: a computed string loses a
    // pair, a header is the number its text parses as, else its text without a pair.
    [InlineData("${integer('\"' + vars.x + '\"') + 1}", "miAsString")]
    [InlineData("${float(headers.x)}", "check float:fromString(miScalarText(check requiredHeader(ctx, \"x\")))")]
    [InlineData("${boolean(toLower(vars.x))}", "((check miAsString(lowerCase(check variableString(ctx, \"x\")))).toLowerAscii() == \"true\").toString()")]
    [InlineData("${string(headers.x)}", "miScalarText(check requiredHeader(ctx, \"x\"))")]
    [InlineData("${string(toUpper(vars.x))}", "check miAsString(upperCase(check variableString(ctx, \"x\")))")]
    public void Conversion_functions_read_their_argument_with_as_string(string expression, string expected) =>
        Assert.Contains(expected, ExpressionTranslatorTests.Value(expression, ExpressionReading.ObjectValue), StringComparison.Ordinal);

    /// <summary>The run-time rule itself (no Ballerina runs here): the only check of what miAsString does with a value.</summary>
    [Fact]
    public void As_string_drops_a_matching_pair_and_fails_on_a_lone_quote()
    {
        var function = RuntimeSourceText.Function("miAsString");
        RuntimeSourceText.InOrder(function,
            "returns string|MiJavaException {",
            "boolean quoted = (value.startsWith(\"\\\"\") && value.endsWith(\"\\\"\")) || (value.startsWith(\"'\") && value.endsWith(\"'\"));",
            "if !quoted {", "return value;",
            "if value.length() < 2 {", "return error MiJavaException(",
            "return value.substring(1, value.length() - 1);");

        // Each partial sum and each operand is read with asString, and a lone quote's failure is not an evaluation error.
        RuntimeSourceText.InOrder(RuntimeSourceText.Function("miSum"), "sum = check miAsString(sum) + check miAsString(operand);", "return miText(sum);");
        RuntimeSourceText.InOrder(RuntimeSourceText.Function("synapseValue"), "if value is NotJson|MiJavaException {", "return value;");

        // A whole header, property or parameter: the number's text, else asString (stringValueOf) or the text (objectValueOf).
        RuntimeSourceText.InOrder(RuntimeSourceText.Function("miScalarString"), "returns string|MiJavaException {", "return miNumberText(value) ?: miAsString(value);");
        RuntimeSourceText.InOrder(RuntimeSourceText.Function("miScalarObject"), "returns string {", "return miNumberText(value) ?: value;");
    }
}
