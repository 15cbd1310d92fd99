using Xunit;

namespace SynapseToBal.Tests.Runtime;

/// <summary>
/// json-eval of an object or array prints Gson's compact JSON (SynapseJsonPath.formatJsonPathResponse returns
/// JsonObject.toString() or the JsonArray, which stringValueOf prints with toString()), never Ballerina's
/// toJsonString(), which writes a space after each `,`.
/// </summary>
public sealed class JsonEvalTextRuntimeTests
{
    [Fact]
    public void Json_eval_of_an_object_or_array_is_gson_compact_json()
    {
        foreach (var name in new[] { "jsonEvalIn", "jsonEvalText" })
        {
            var function = RuntimeSourceText.Function(name);
            Assert.Contains("return jsonEvalResult(found[0]);", function, StringComparison.Ordinal);
            Assert.DoesNotContain("toJsonString()", function, StringComparison.Ordinal);
        }

        var result = RuntimeSourceText.Function("jsonEvalResult");
        RuntimeSourceText.InOrder(result,
            "if value is () {", "return \"null\";",
            "if value is string {", "return value;",
            // formatJsonPathResponse returns the `members` (else `elements`) member of an object that has one.
            "if value.hasKey(\"members\") {", "return gsonJson(value.get(\"members\"));",
            "if value.hasKey(\"elements\") {", "return gsonJson(value.get(\"elements\"));",
            "return value is json[] || value is map<json> ? gsonJson(value) : value.toJsonString();");
    }

    [Fact]
    public void A_variable_path_prints_json_as_gson_does()
    {
        var function = RuntimeSourceText.Function("variablePath");
        Assert.Contains("return gsonText(current);", function, StringComparison.Ordinal);
        Assert.DoesNotContain("toJsonString()", function, StringComparison.Ordinal);
    }
}
