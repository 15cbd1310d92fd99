using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Lowering;
using SynapseToBal.Syntax;
using Xunit;
using static SynapseToBal.Tests.Unit.MediatorParsing;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// jsontransform with a schema (JSONTransformMediator + commons JsonProcessor): which schemas become the runtime's
/// jsonSchemaTransform, which stay TODOs and why (SB0270 for a form the runtime cannot reproduce, SB0222 for a schema
/// the input does not hold as JSON text), and the package's copy of the schema.
/// </summary>
public sealed class JsonTransformSchemaTests
{
    private static (PackageIr Package, DiagnosticBag Diagnostics) LowerDefinitions(string definitions)
    {
        var diagnostics = new DiagnosticBag();
        var document = SynapseParser.ParseText("test.xml", $"""<definitions xmlns="http://ws.apache.org/ns/synapse">{definitions}</definitions>""", diagnostics);
        Assert.NotNull(document);
        return (Lowerer.Lower([document], diagnostics), diagnostics);
    }

    private static IReadOnlyList<StepIr> Body(PackageIr package) =>
        package.Functions.Single(f => f.Summary.Contains("'s'", StringComparison.Ordinal)).Body;

    private static string Entry(string key, string schema) => $"""<localEntry key="{key}"><![CDATA[{schema}]]></localEntry>""";

    private const string OrderSchema = """
        {"type": "object", "required": ["id"],
         "properties": {"id": {"type": "integer"}, "price": {"type": "number", "minimum": 0, "multipleOf": 0.5},
                        "tags": {"type": "array", "items": {"type": "string", "pattern": "^[a-z]+$"}},
                        "note": {"type": ["string", "null"]}, "ref": {"$ref": "#/definitions/x"}},
         "patternProperties": {"^x-": {"type": "string"}}, "additionalProperties": false,
         "definitions": {"x": {"allOf": [{"format": "email"}]}}}
        """;

    [Fact]
    public void A_schema_the_input_holds_becomes_jsonSchemaTransform_over_the_package_copy()
    {
        var (package, diagnostics) = LowerDefinitions(Entry("order-schema", OrderSchema) + """<sequence name="s"><jsontransform schema="order-schema"/><log/></sequence>""");

        var step = Assert.IsType<JsonSchemaTransformStep>(Body(package)[0]);
        Assert.Equal("order-schema", step.Schema.Key);
        Assert.Equal("resources/order-schema.json", step.Schema.FileName);
        Assert.Equal(OrderSchema, step.Schema.Content);
        Assert.Equal(["resources/order-schema.json"], package.ValidationSchemas.Select(schema => schema.FileName));
        var path = package.Configurables.Single(c => c.DefaultValue == "resources/order-schema.json");
        Assert.Equal(step.Schema.Path.Hint, path.Name.Hint);
        Assert.Contains("jsontransform", path.Description, StringComparison.Ordinal);
        Assert.Equal([DiagnosticCatalog.JsonTransformSchemaDiffers.Id], Ids(diagnostics));
    }

    [Fact]
    public void Output_settings_convert_first_then_the_schema_coerces_as_the_mediator_does()
    {
        var (package, _) = LowerDefinitions(Entry("s1", """{"type": "object"}""") + """
            <sequence name="s"><jsontransform schema="s1"><property name="synapse.commons.json.output.autoPrimitive" value="false"/></jsontransform></sequence>
            """);

        var body = Body(package);
        Assert.Equal(2, body.Count);
        var convert = Assert.IsType<JsonTransformStep>(body[0]);
        Assert.False(convert.Primitives);
        Assert.IsType<JsonSchemaTransformStep>(body[1]);
    }

    [Fact]
    public void A_registry_resource_schema_is_read_and_two_mediators_share_one_copy()
    {
        var diagnostics = new DiagnosticBag();
        var document = SynapseParser.ParseText("test.xml", """
            <definitions xmlns="http://ws.apache.org/ns/synapse">
              <sequence name="s"><jsontransform schema="conf:/schemas/ticket.json"/><jsontransform schema="conf:/schemas/ticket.json"/></sequence>
            </definitions>
            """, diagnostics);
        Assert.NotNull(document);
        var model = Semantics.SemanticModel.Build([document], null, diagnostics, key => key == "conf:/schemas/ticket.json" ? """{"type": "array", "items": {"type": "integer"}}""" : null);
        var package = Lowerer.Lower(model, [document], diagnostics);

        var body = Body(package);
        var first = Assert.IsType<JsonSchemaTransformStep>(body[0]);
        var second = Assert.IsType<JsonSchemaTransformStep>(body[1]);
        Assert.Same(first.Schema, second.Schema);
        Assert.Equal("resources/ticket.json", first.Schema.FileName);
        Assert.Single(package.ValidationSchemas);
    }

    [Theory]
    [InlineData("""{"type": "object", "properties": {"p": {"type": "number", "maximum": 5, "exclusiveMaximum": true}}}""", "'exclusiveMaximum' at #/properties/p is a boolean")]
    [InlineData("""{"type": "string", "minLength": 2}""", "its root type is 'string'")]
    [InlineData("""{"type": "object", "properties": {"p": {"type": "string", "minLength": 2.5}}}""", "'minLength' at #/properties/p is not an integer")]
    [InlineData("""{"type": "object", "properties": {"p": {"type": "string", "pattern": "(?<=a)b"}}}""", "the pattern '(?<=a)b' at #/properties/p has no Ballerina equivalent")]
    [InlineData("""{"type": "object", "properties": ["p"]}""", "'properties' at # is not an object")]
    [InlineData("""{"type": "array", "items": [{"type": "string"}, true]}""", "the item schema #/items/1 is not an object")]
    [InlineData("""{"type": "object", "patternProperties": {"^a": {"type": ["string"]}}}""", "the type of the patternProperties member '^a' at # is not a name")]
    [InlineData("""{"type": "object", "required": true}""", "'required' at # is not an array of names")]
    [InlineData("""{"type": "object", """, "it is not JSON")]
    public void A_schema_the_runtime_cannot_reproduce_stays_a_todo_naming_the_keyword(string schema, string problem)
    {
        var (package, diagnostics) = LowerDefinitions(Entry("bad", schema) + """<sequence name="s"><jsontransform schema="bad"/></sequence>""");

        var todo = Assert.IsType<TodoStep>(Assert.Single(Body(package)));
        Assert.Equal(DiagnosticCatalog.JsonTransformSchemaNotReproduced, todo.Reason.Descriptor);
        Assert.Contains(problem, todo.Reason.Message, StringComparison.Ordinal);
        Assert.Contains("'bad'", todo.Reason.Message, StringComparison.Ordinal);
        Assert.Empty(package.ValidationSchemas);
        Assert.Equal([DiagnosticCatalog.JsonTransformSchemaNotReproduced.Id], Ids(diagnostics));
    }

    [Theory]
    [InlineData("""<jsontransform schema="conf:/absent.json"/>""", "the input does not hold 'conf:/absent.json'")]
    [InlineData("""<jsontransform schema="{get-property('schemaKey')}"/>""", "the schema key is computed for each message")]
    [InlineData("""<jsontransform schema="s1"><property name="synapse.commons.json.preserve.namespace" value="true"/></jsontransform>""", "synapse.commons.json.preserve.namespace=true")]
    public void A_schema_outside_the_input_or_another_setting_stays_sb0222(string mediator, string reason)
    {
        var (package, diagnostics) = LowerDefinitions(Entry("s1", """{"type": "object"}""") + """<localEntry key="xml-entry"><schema/></localEntry>""" + $"""<sequence name="s">{mediator}</sequence>""");

        var todo = Assert.IsType<TodoStep>(Assert.Single(Body(package)));
        Assert.Equal(DiagnosticCatalog.JsonTransformNotTranslated, todo.Reason.Descriptor);
        Assert.Contains(reason, todo.Reason.Message, StringComparison.Ordinal);
        Assert.Contains(DiagnosticCatalog.JsonTransformNotTranslated.Id, Ids(diagnostics));
        Assert.DoesNotContain(DiagnosticCatalog.JsonTransformSchemaDiffers.Id, Ids(diagnostics));
    }

    [Theory]
    [InlineData("""<localEntry key="bad"><schema/></localEntry>""", "Can not find valid JSON Schema content", "the local entry 'bad' holds XML")]
    [InlineData("""<localEntry key="bad"><![CDATA[[{"type": "object"}]]]></localEntry>""", "JSON schema should be an object or boolean", "neither an object nor a boolean")]
    [InlineData("""<localEntry key="bad"><![CDATA[null]]></localEntry>""", "JSON schema should be an object or boolean", "neither an object nor a boolean")]
    [InlineData("""<localEntry key="bad"><![CDATA[5]]></localEntry>""", "JSON schema is false, so all validations will fail", "read as false")]
    [InlineData("""<localEntry key="bad"><![CDATA["yes"]]></localEntry>""", "JSON schema is false, so all validations will fail", "read as false")]
    public void A_schema_with_which_the_MI_fails_every_message_fails_the_flow_with_its_message(string entry, string message, string reason)
    {
        var (package, diagnostics) = LowerDefinitions(entry + """<sequence name="s"><jsontransform schema="bad"/><log/></sequence>""");

        var body = Body(package);
        var fail = Assert.IsType<FailStep>(body[0]);
        Assert.Equal(message, Assert.IsType<StringLiteralIr>(fail.Message).Value);
        Assert.Empty(package.ValidationSchemas);
        var reported = Assert.Single(diagnostics.Items, d => d.Descriptor == DiagnosticCatalog.JsonTransformFailsEveryMessage);
        Assert.Contains(reason, reported.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Contains(message, reported.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.DoesNotContain(DiagnosticCatalog.JsonTransformNotTranslated.Id, Ids(diagnostics));
        Assert.DoesNotContain(DiagnosticCatalog.JsonTransformSchemaNotReproduced.Id, Ids(diagnostics));
    }

    [Fact]
    public void A_failing_schema_after_output_settings_converts_first_then_fails()
    {
        var (package, _) = LowerDefinitions("""<localEntry key="x"><schema/></localEntry><sequence name="s"><jsontransform schema="x"><property name="synapse.commons.json.output.autoPrimitive" value="false"/></jsontransform></sequence>""");

        var body = Body(package);
        Assert.Equal(2, body.Count);
        Assert.False(Assert.IsType<JsonTransformStep>(body[0]).Primitives);
        Assert.IsType<FailStep>(body[1]);
    }

    [Fact]
    public void A_string_schema_true_keeps_the_payload_as_JsonProcessor_reads_it_as_a_boolean()
    {
        var prepared = JsonCoerceSchema.Prepare("\"TRUE\"");

        Assert.Null(prepared.Problem);
        Assert.Null(prepared.FailsWith);
        Assert.Equal("true\n", prepared.Schema);
    }

    [Theory]
    [InlineData("true")]
    [InlineData("false")]
    [InlineData("{}")]
    [InlineData("""{"properties": {"a": {"type": "integer"}}}""")]
    [InlineData("""{"type": "object", "properties": {"a": {"type": "integer", "format": "int32", "$ref": "#/x", "not": {}}, "b": 5}, "dependencies": {"a": ["b"]}}""")]
    [InlineData("""{"type": "object", "properties": {"n": {"type": "number", "exclusiveMinimum": 0, "const": 3, "enum": [3, "3"]}}}""")]
    [InlineData("""{"type": "unknown"}""")]
    public void Schemas_whose_outcome_the_runtime_follows_are_kept_as_written(string schema)
    {
        var prepared = JsonCoerceSchema.Prepare(schema);

        Assert.Null(prepared.Problem);
        Assert.Equal(schema, prepared.Schema);
    }

    [Fact]
    public void Pattern_property_names_are_translated_in_place_keeping_their_order()
    {
        var prepared = JsonCoerceSchema.Prepare("""{"type": "object", "patternProperties": {"^a": {"type": "string"}, "\\p{Lower}x": {"type": "integer"}, "^z": {"type": "boolean"}}}""");

        Assert.Null(prepared.Problem);
        var schema = System.Text.Json.Nodes.JsonNode.Parse(prepared.Schema!)!["patternProperties"]!.AsObject();
        var names = schema.Select(member => member.Key).ToList();
        Assert.Equal(3, names.Count);
        Assert.Equal("^a", names[0]);
        Assert.NotEqual("\\p{Lower}x", names[1]);
        Assert.EndsWith("x", names[1], StringComparison.Ordinal);
        Assert.Equal("^z", names[2]);
        Assert.Equal("integer", (string?)schema[names[1]]!["type"]);
    }
}
