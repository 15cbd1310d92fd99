using SynapseToBal.Refine;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// The record a JSON schema gives the payload after a validate (ValidatedPayloadAnalysis.RecordOf): it types only what
/// every payload the schema accepts has, so that <c>cloneWithType</c> cannot fail on a payload the validate accepted.
/// </summary>
public sealed class ValidatedPayloadRecordTests
{
    private static string Describe(string schema, string key = "conf:/schemas/order.json")
    {
        var record = ValidatedPayloadAnalysis.RecordOf(schema, key, new HashSet<string>(StringComparer.Ordinal), "Api.xml");
        return record is null ? "none" : string.Join(" ", record.WithNested().Select(r =>
            r.Name + (r.Open ? "{" : "{|") + string.Join(";", r.Fields.Select(f => f.Type + " " + f.Identifier + (f.Optional ? "?" : ""))) + (r.Open ? ";json...}" : "|}")));
    }

    [Fact]
    public void Strings_booleans_objects_and_arrays_of_them_are_typed_numbers_and_unions_stay_json()
    {
        const string schema = """
            {"type": "object",
             "properties": {
               "id": {"type": "string", "pattern": "^A"},
               "flag": {"type": ["boolean"]},
               "count": {"type": "integer"},
               "total": {"type": "number"},
               "either": {"type": ["string", "null"]},
               "anything": {},
               "tags": {"type": "array", "items": {"type": "string"}},
               "pair": {"type": "array", "items": [{"type": "string"}]},
               "list": {"type": "array"},
               "map": {"type": "object"},
               "customer": {"type": "object", "properties": {"name": {"type": "string"}}, "required": ["name"]}
             },
             "required": ["id", "customer"]}
            """;

        Assert.Equal(
            "Order{string id;boolean flag?;json count?;json total?;json either?;json anything?;string[] tags?;json[] pair?;json[] list?;map<json> 'map?;OrderCustomer customer;json...} "
            + "OrderCustomer{string name;json...}",
            Describe(schema));
    }

    [Fact]
    public void An_object_is_closed_only_when_additional_properties_are_false_and_no_pattern_properties()
    {
        Assert.Equal("Order{|string id|}", Describe("""{"type": "object", "properties": {"id": {"type": "string"}}, "required": ["id"], "additionalProperties": false}"""));
        Assert.Equal("Order{string id;json...}", Describe("""{"type": "object", "properties": {"id": {"type": "string"}}, "required": ["id"], "additionalProperties": {"type": "string"}}"""));
        Assert.Equal("Order{string id;json...}", Describe("""{"type": "object", "properties": {"id": {"type": "string"}}, "required": ["id"], "additionalProperties": false, "patternProperties": {"^x": {}}}"""));

        // A member no field can be named stays in the rest of the record, which is then open.
        Assert.Equal("Order{string id;json...}", Describe("""{"type": "object", "properties": {"id": {"type": "string"}, "_": {"type": "string"}}, "required": ["id"], "additionalProperties": false}"""));
    }

    [Fact]
    public void A_required_member_without_a_property_schema_is_a_required_json_field()
    {
        Assert.Equal("Order{string id?;json code;json...}", Describe("""{"type": "object", "properties": {"id": {"type": "string"}}, "required": ["code"]}"""));
    }

    [Fact]
    public void References_name_their_records_once_and_a_cycle_stays_json()
    {
        const string schema = """
            {"type": "object",
             "definitions": {
               "line": {"type": "object", "properties": {"sku": {"type": "string"}, "next": {"$ref": "#/definitions/line"}}, "required": ["sku"]}
             },
             "properties": {
               "first": {"$ref": "#/definitions/line"},
               "lines": {"type": "array", "items": {"$ref": "#/definitions/line"}},
               "other": {"$ref": "other.json#/a"}
             },
             "required": ["first"]}
            """;

        Assert.Equal("Order{Line first;Line[] lines?;json other?;json...} Line{string sku;json next?;json...} Line{string sku;json next?;json...}", Describe(schema));
    }

    [Theory]
    [InlineData("""{"type": "array", "items": {"type": "string"}}""")]
    [InlineData("""{"type": "object"}""")]
    [InlineData("""{"properties": {"id": {"type": "string"}}}""")]
    [InlineData("""[1]""")]
    [InlineData("""not json""")]
    public void A_schema_whose_root_is_no_object_with_members_gives_no_record(string schema)
    {
        Assert.Equal("none", Describe(schema));
    }

    [Theory]
    [InlineData("order-schema", "Order")]
    [InlineData("conf:/schemas/OrderSchema.json", "Order")]
    [InlineData("gov:schemas/purchase_order.json", "PurchaseOrder")]
    [InlineData("schema", "ValidatedPayload")]
    public void The_record_is_named_after_the_schema_key(string key, string name)
    {
        Assert.StartsWith(name + "{", Describe("""{"type": "object", "properties": {"id": {"type": "string"}}, "required": ["id"]}""", key), StringComparison.Ordinal);
    }
}
