using SynapseToBal.Lowering;
using Xunit;

namespace SynapseToBal.Tests.Unit;

public sealed class JsonSchemaCheckTests
{
    [Fact]
    public void A_schema_of_the_applied_draft_4_keywords_is_kept_as_written()
    {
        const string schema = """
            {
              "$schema": "http://json-schema.org/draft-04/schema#",
              "title": "order", "description": "an order", "id": "urn:order",
              "definitions": {"money": {"type": "number", "minimum": 0, "exclusiveMinimum": true, "multipleOf": 0.01}},
              "type": "object",
              "properties": {
                "id": {"type": "integer", "maximum": 10, "exclusiveMaximum": false},
                "name": {"type": "string", "minLength": 1, "maxLength": 20, "pattern": "^[A-Za-z ]+$"},
                "total": {"$ref": "#/definitions/money"},
                "lines": {"type": "array", "minItems": 1, "maxItems": 9, "uniqueItems": true, "items": {"type": ["string", "null"]}},
                "pair": {"type": "array", "items": [{"type": "string"}, {"type": "boolean"}], "additionalItems": false},
                "kind": {"enum": ["a", "b", 1, null]},
                "any": {"anyOf": [{"type": "string"}, {"type": "integer"}]},
                "all": {"allOf": [{"type": "object"}, {"minProperties": 1, "maxProperties": 3}]},
                "one": {"oneOf": [{"type": "string"}, {"not": {"type": "string"}}]}
              },
              "patternProperties": {"^x-": {"type": "string"}},
              "additionalProperties": false,
              "required": ["id", "name"]
            }
            """;

        var result = JsonSchemaCheck.Prepare(schema);

        Assert.Null(result.Problem);
        Assert.Equal(schema, result.Schema);
    }

    [Theory]
    [InlineData("""{"properties": {"at": {"type": "string", "format": "date-time"}}}""", "'format' at #/properties/at")]
    [InlineData("""{"const": 1}""", "'const' at # is a keyword of a later draft")]
    [InlineData("""{"items": {"contains": {"type": "string"}}}""", "'contains' at #/items")]
    [InlineData("""{"minimum": 1, "exclusiveMinimum": 2}""", "'exclusiveMinimum' at # is a number (draft 6 and later)")]
    [InlineData("""{"exclusiveMaximum": true}""", "no 'maximum' beside it")]
    [InlineData("""{"dependencies": {"a": ["b"]}}""", "the keyword 'dependencies' at # is not applied")]
    [InlineData("""{"x-custom": true}""", "the keyword 'x-custom' at # is not applied")]
    [InlineData("""{"$ref": "other.json#/a"}""", "names another document")]
    [InlineData("""{"$ref": "#/definitions/missing"}""", "names nothing in the schema")]
    [InlineData("""{"type": "any"}""", "'type' at # is not one of the draft-4 type names")]
    [InlineData("""{"properties": {"a": {"required": true}}}""", "'required' at #/properties/a is a draft-3 boolean")]
    [InlineData("""{"minLength": -1}""", "'minLength' at # is not a non-negative integer")]
    [InlineData("""{"multipleOf": 0}""", "'multipleOf' at # is not a positive number")]
    [InlineData("""{"pattern": "^(?<=a)b"}""", "the pattern '^(?<=a)b' at # has no Ballerina equivalent")]
    [InlineData("""{"$schema": "http://json-schema.org/draft-03/schema#"}""", "draft 3")]
    [InlineData("""[1, 2]""", "not a JSON object")]
    [InlineData("""{"type": """, "not JSON")]
    [InlineData("""{"allOf": []}""", "'allOf' at # is not a non-empty array")]
    [InlineData("""{"properties": {"a": 1}}""", "the schema at #/properties/a is not a JSON object")]
    public void A_keyword_or_value_the_runtime_check_does_not_apply_is_refused_by_name(string schema, string problem)
    {
        var result = JsonSchemaCheck.Prepare(schema);

        Assert.Null(result.Schema);
        Assert.Contains(problem, result.Problem);
    }

    [Fact]
    public void A_pattern_spelled_differently_in_ballerina_is_rewritten_in_the_copy()
    {
        var result = JsonSchemaCheck.Prepare("""{"properties": {"code": {"pattern": "^\\s*[A-Z]{2}$"}}, "patternProperties": {"^\\s*[A-Z]+$": {"type": "string"}}}""");

        Assert.Null(result.Problem);
        Assert.NotNull(result.Schema);
        Assert.DoesNotContain("\"^\\\\s*[A-Z]{2}$\"", result.Schema);
        var translated = JavaRegex.Translate("^\\s*[A-Z]{2}$", RegexUse.ReplaceSingleLine).Pattern;
        Assert.NotNull(translated);
        Assert.Contains(System.Text.Json.JsonSerializer.Serialize(translated, new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }), result.Schema);
        Assert.DoesNotContain("\"^\\\\s*[A-Z]+$\"", result.Schema);
    }

    [Fact]
    public void The_runtime_keyword_list_matches_the_conversion_time_list()
    {
        var support = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "templates", "runtime", "support.bal"));
        var start = support.IndexOf("JSON_SCHEMA_KEYWORDS = [", StringComparison.Ordinal);
        Assert.True(start > 0);
        var list = support[(start + "JSON_SCHEMA_KEYWORDS = [".Length)..support.IndexOf("];", start, StringComparison.Ordinal)];
        var runtime = System.Text.RegularExpressions.Regex.Matches(list, "\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToHashSet();
        Assert.Equal(JsonSchemaCheck.Applied.Concat(JsonSchemaCheck.Annotations).ToHashSet(), runtime);
    }
}
