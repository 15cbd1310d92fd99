using SynapseToBal.Emit;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// MI 4.4 toUpper/toLower (PredefinedFunctionNode: String.toUpperCase()/toLowerCase(), the default locale) and Jaxen's
/// upper-case/lower-case (no locale argument: String.toUpperCase(Locale.ENGLISH)/toLowerCase(Locale.ENGLISH)) map
/// every Unicode letter; toUpperAscii/toLowerAscii would leave "é" or "ß" unchanged, so the package calls Java's own
/// methods through the runtime module, with the locale each one uses.
/// </summary>
public sealed class UnicodeCaseMappingTests
{
    [Theory]
    [InlineData("upper-case($ctx:name)", "xpathUpperCase(propertyXPathString(ctx.properties[\"name\"]))")]
    [InlineData("lower-case($ctx:name)", "xpathLowerCase(propertyXPathString(ctx.properties[\"name\"]))")]
    [InlineData("fn:upper-case($trp:X)", "xpathUpperCase(getHeader(ctx, \"X\"))")]
    [InlineData("fn:lower-case($trp:X)", "xpathLowerCase(getHeader(ctx, \"X\"))")]
    [InlineData("concat(lower-case($ctx:a), '-')", "string `${xpathLowerCase(propertyXPathString(ctx.properties[\"a\"]))}-`")]
    [InlineData("${toUpper(payload.name)}", "check synapseValue(function () returns string|error => check miAsString(upperCase(check jsonString(ctx, \"$.name\"))), \"toUpper(payload.name)\")")]
    [InlineData("${toLower('ÉTÉ')}", "lowerCase(\"ÉTÉ\")")]
    public void Case_functions_call_the_java_case_mapping(string expression, string expected)
    {
        var text = ExpressionTranslatorTests.Value(expression);
        Assert.Equal(expected, text);
        Assert.DoesNotContain("Ascii()", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_runtime_helpers_are_java_interop_with_their_import()
    {
        IEnumerable<string> files = ["upperCase(x); lowerCase(y);"];
        var support = RuntimeModule.BuiltIn.Support(files)!;

        Assert.Contains("import ballerina/jballerina.java;", support, StringComparison.Ordinal);
        Assert.Contains("function upperCase(string text) returns string => java:toString(javaStringToUpperCase(java:fromString(text))) ?: \"\";", support, StringComparison.Ordinal);
        Assert.Contains("function lowerCase(string text) returns string => java:toString(javaStringToLowerCase(java:fromString(text))) ?: \"\";", support, StringComparison.Ordinal);
        Assert.Contains("isolated function javaStringToUpperCase(handle receiver) returns handle = @java:Method {\n    'class: \"java.lang.String\",\n    name: \"toUpperCase\",\n    paramTypes: []\n} external;", support, StringComparison.Ordinal);
        Assert.Contains("name: \"toLowerCase\",", support, StringComparison.Ordinal);
    }

    [Fact]
    public void The_xpath_helpers_map_with_the_english_locale_as_jaxen_does()
    {
        IEnumerable<string> files = ["xpathUpperCase(x); xpathLowerCase(y);"];
        var support = RuntimeModule.BuiltIn.Support(files)!;

        Assert.Contains("import ballerina/jballerina.java;", support, StringComparison.Ordinal);
        Assert.Contains("java:toString(javaStringToUpperCaseIn(java:fromString(text), javaLocaleEnglish())) ?: \"\";", support, StringComparison.Ordinal);
        Assert.Contains("java:toString(javaStringToLowerCaseIn(java:fromString(text), javaLocaleEnglish())) ?: \"\";", support, StringComparison.Ordinal);
        Assert.Contains("isolated function javaLocaleEnglish() returns handle = @java:FieldGet {\n    'class: \"java.util.Locale\",\n    name: \"ENGLISH\"\n} external;", support, StringComparison.Ordinal);
        Assert.Contains("isolated function javaStringToUpperCaseIn(handle receiver, handle locale) returns handle = @java:Method {\n    'class: \"java.lang.String\",\n    name: \"toUpperCase\",\n    paramTypes: [\"java.util.Locale\"]\n} external;", support, StringComparison.Ordinal);
        Assert.Contains("name: \"toLowerCase\",\n    paramTypes: [\"java.util.Locale\"]", support, StringComparison.Ordinal);
        // The default-locale helpers of toUpper/toLower are not pulled in.
        Assert.DoesNotContain("function upperCase(", support, StringComparison.Ordinal);
    }

    [Fact]
    public void A_package_without_case_mapping_does_not_import_the_interop_module()
    {
        IEnumerable<string> files = ["replaceText(a, b, c);"];
        var support = RuntimeModule.BuiltIn.Support(files)!;
        Assert.DoesNotContain("jballerina.java", support, StringComparison.Ordinal);
    }
}
