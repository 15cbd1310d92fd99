using SynapseToBal.Driver;
using SynapseToBal.Refine;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>Record types for JSON payloadFactory templates of a fixed shape (Refine/PayloadTypes.cs, issue 14).</summary>
public sealed class PayloadTypeTests
{
    private const string Head = """<api xmlns="http://ws.apache.org/ns/synapse" name="OrderAPI" context="/orders"><resource methods="POST" uri-template="/"><inSequence>""";
    private const string Tail = """</inSequence></resource></api>""";

    private static string Factory(string format, string args = "") =>
        $"""<payloadFactory media-type="json"><format>{format}</format><args>{args}</args></payloadFactory>""";

    [Fact]
    public void A_fixed_shape_becomes_a_closed_record_typed_only_where_the_template_is_certain()
    {
        var files = Convert(Head + Factory(
            """{"id": "$1", "qty": $2, "vip": false, "count": 3, "price": 1.5, "big": 123456789012345678901234, "none": null}""",
            """<arg evaluator="json" expression="$.id"/><arg evaluator="json" expression="$.qty"/>""") + "<respond/>" + Tail);
        var payloads = files["payloads.bal"];
        Assert.Contains("type OrderResponse record {|\n    string id;\n    json qty;\n    boolean vip;\n    int count;\n    float price;\n    decimal big;\n    json none;\n|};", payloads);
        var main = files["main.bal"];
        Assert.Contains("OrderResponse payload = {", main);
        Assert.Contains("setJsonPayload(ctx, payload.toJson());", main);

        // An unquoted JSON-path argument goes in as the Micro Integrator pastes it (a JSON string's text without quotes).
        Assert.Contains("qty: unquotedJson(check jsonPath(ctx, \"$.qty\"))", main);
    }

    [Fact]
    public void The_lang_library_to_json_is_no_use_of_the_runtime_helper()
    {
        var files = Convert(Head + Factory("""{"id": "$1", "vip": false}""", """<arg evaluator="json" expression="$.id"/>""") + "<respond/>" + Tail);
        Assert.Contains("setJsonPayload(ctx, payload.toJson());", files["main.bal"]);
        Assert.False(files.TryGetValue("support.bal", out var support) && support.Contains("function toJson(", StringComparison.Ordinal));
    }

    [Fact]
    public void Nested_objects_and_arrays_of_one_shape_get_their_own_records()
    {
        var payloads = Convert(Head + Factory(
            """{"customer": {"name": "x"}, "items": [{"sku": "a", "qty": 1}, {"sku": "b", "qty": 2}], "tags": ["a", "b"], "mixed": [1, "a"], "shapes": [{"a": 1}, {"b": 1}], "empty": [], "extra": {}}""")
            + """<call><endpoint><address uri="http://localhost:9000/orders"/></endpoint></call><respond/>""" + Tail)["payloads.bal"];
        Assert.Contains("type OrderRequest record {|\n    OrderRequestCustomer customer;\n    OrderRequestItem[] items;\n    string[] tags;\n    json[] mixed;\n    json[] shapes;\n    json[] empty;\n    map<json> extra;\n|};", payloads);
        Assert.Contains("type OrderRequestCustomer record {|\n    string name;\n|};", payloads);
        Assert.Contains("type OrderRequestItem record {|\n    string sku;\n    int qty;\n|};", payloads);
    }

    [Fact]
    public void Member_names_are_escaped_to_fields_of_exactly_that_name()
    {
        var payloads = Convert(Head + Factory("""{"order-id": "1", "type": "t", "1st": true, "größe": 1, "a b": 2}""") + "<respond/>" + Tail)["payloads.bal"];
        Assert.Contains("    string order\\-id;\n", payloads);
        Assert.Contains("    string 'type;\n", payloads);
        Assert.Contains("    boolean '1st;\n", payloads);
        Assert.Contains("    int gr\\u{F6}\\u{DF}e;\n", payloads);
        Assert.Contains("    int a\\u{20}b;\n", payloads);
    }

    [Theory]
    [InlineData("""{"toJson": "x"}""")]
    [InlineData("""{"": "x"}""")]
    [InlineData("""{}""")]
    [InlineData("""[1, 2]""")]
    public void A_shape_no_record_can_hold_stays_json(string format)
    {
        var files = Convert(Head + Factory(format) + "<respond/>" + Tail);
        Assert.False(files.ContainsKey("payloads.bal"));
        Assert.Contains("setJsonPayload(ctx, ", files["main.bal"]);
        Assert.DoesNotContain("payload.toJson()", files["main.bal"]);
    }

    [Theory]
    [InlineData("""{"a": 1, "a": 2}""")]
    [InlineData(""""just text"""")]
    public void A_template_that_is_no_json_value_is_sent_as_its_text(string format)
    {
        // PayloadFactoryMediator hands the text to JsonUtil.getNewJsonPayload unparsed: every repeated member is sent.
        var files = Convert(Head + Factory(format) + "<respond/>" + Tail);
        Assert.False(files.ContainsKey("payloads.bal"));
        Assert.Contains("setJsonText(ctx, ", files["main.bal"]);
        Assert.DoesNotContain("setJsonPayload(ctx, ", files["main.bal"]);
    }

    [Fact]
    public void Two_payloads_in_one_body_get_two_records_and_two_locals()
    {
        var files = Convert(Head + Factory("""{"a": "x"}""") + Factory("""{"b": "y"}""") + "<respond/>" + Tail);
        Assert.Contains("type OrderPayload record {|", files["payloads.bal"]);
        Assert.Contains("type OrderResponse record {|", files["payloads.bal"]);
        Assert.Contains("OrderPayload payload = {a: \"x\"};", files["main.bal"]);
        Assert.Contains("OrderResponse payload2 = {b: \"y\"};", files["main.bal"]);
    }

    /// <summary>
    /// A record's mapping constructor names its fields as a record literal does (issue 14): a keyword quoted, nested
    /// records too; a member name that needs escapes in an identifier keeps its string-literal key (the same field).
    /// </summary>
    [Fact]
    public void A_record_literal_names_its_fields_by_identifier_where_one_needs_no_escape()
    {
        var files = Convert(Head + Factory("""{"error": "x", "order-id": "y", "customer": {"type": "vip", "name": "$1"}}""",
            """<arg evaluator="json" expression="$.name"/>""") + "<respond/>" + Tail);
        Assert.Contains("    string order\\-id;\n", files["payloads.bal"]);
        // Inside the do whose on fail runs the default fault sequence (the project defines no 'fault').
        Assert.Contains("OrderResponse payload = {\n                'error: \"x\",\n                \"order-id\": \"y\",\n                customer: {'type: \"vip\", name: check jsonEval(ctx, \"$.name\")}\n            };", files["main.bal"]);
    }

    [Fact]
    public void A_sequence_payload_is_named_after_the_sequence_and_a_module_name_payload_is_not_shadowed()
    {
        var files = Convert(
            Head + """<sequence key="payload"/><respond/>""" + Tail,
            """<sequence xmlns="http://ws.apache.org/ns/synapse" name="payload">""" + Factory("""{"ok": true}""") + "</sequence>");
        Assert.Contains("type PayloadPayload record {|", files["payloads.bal"]);
        // jsonPayload is a runtime helper: the next candidate.
        Assert.Contains("PayloadPayload newPayload = {ok: true};", files["functions.bal"]);
    }

    [Fact]
    public void An_unused_record_is_not_declared()
    {
        // The fault flow of a resource that cannot fail is not declared (PackageEmitter.UnusedFaults), nor is its record.
        var files = Convert("""<api xmlns="http://ws.apache.org/ns/synapse" name="A" context="/a"><resource methods="GET"><inSequence><drop/></inSequence><faultSequence>"""
            + Factory("""{"error": "x"}""") + "<respond/></faultSequence></resource></api>");
        Assert.False(files.ContainsKey("payloads.bal"));
    }

    [Theory]
    [InlineData("order-id", "order\\-id")]
    [InlineData("error", "'error")]
    [InlineData("9lives", "'9lives")]
    [InlineData("a.b", "a\\.b")]
    [InlineData("tab\there", "tab\\u{9}here")]
    [InlineData("😀", "\\u{1F600}")]
    [InlineData("_", null)]
    [InlineData("", null)]
    public void Field_names_keep_the_member_name(string key, string? expected) => Assert.Equal(expected, BallerinaSyntax.FieldName(key));

    [Fact]
    public void A_member_name_with_a_lone_surrogate_has_no_field() => Assert.Null(BallerinaSyntax.FieldName("a" + new string('\ud800', 1)));

    private const string ErrorBody = """{"error": {"code": "$1", "message": "$2"}}""";
    private const string ErrorArgs = """<arg expression="$ctx:ERROR_CODE"/><arg expression="$ctx:ERROR_MESSAGE"/>""";

    private static string Sequence(string name, string body) => $"""<sequence xmlns="http://ws.apache.org/ns/synapse" name="{name}">{body}</sequence>""";

    [Fact]
    public void Templates_of_one_shape_build_one_record_named_after_its_only_member()
    {
        var files = Convert(
            Sequence("CommonErrorHandler", Factory(ErrorBody, ErrorArgs) + "<respond/>"),
            Sequence("CreatePayment", Factory("""{"error": {"code": "E1", "message": "no amount"}}""") + "<respond/>"),
            Sequence("Refund", Factory("""{"error": {"code": 1, "message": "x"}}""") + "<respond/>"));
        var payloads = files["payloads.bal"];

        // The two of the same shape (string code and message) are one record with one nested record; the third (an int
        // code) is another, named after its one builder.
        Assert.Contains("type ErrorPayload record {|\n    ErrorDetail 'error;\n|};", payloads);
        Assert.Contains("type ErrorDetail record {|\n    string code;\n    string message;\n|};", payloads);
        Assert.Contains("type RefundResponse record {|\n    RefundResponseError 'error;\n|};", payloads);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(payloads, "string code;"));
        Assert.Contains("# The JSON payload the payloadFactory mediators at a0.xml:1, a1.xml:1 build (the response).", payloads);
        var functions = files["functions.bal"];
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(functions, "ErrorPayload payload = ").Count);
    }

    [Fact]
    public void An_unrelated_template_renames_no_record()
    {
        string[] before =
        [
            Sequence("CommonErrorHandler", Factory(ErrorBody, ErrorArgs) + "<respond/>"),
            Sequence("CreatePayment", Factory("""{"error": {"code": "E1", "message": "no amount"}}""") + Factory("""{"name": "$1"}""", """<arg evaluator="json" expression="$.name"/>""") + """<call><endpoint><address uri="http://localhost:9000/p"/></endpoint></call>"""),
            Sequence("Audit", Factory("""{"event": "x", "at": "y"}""") + "<respond/>"),
        ];
        var names = Types(Convert(before)["payloads.bal"]);
        Assert.Equal(["AuditResponse", "CreatePaymentRequest", "ErrorDetail", "ErrorPayload"], names);

        // Another record of one builder, another sequence's, a record of the same member name but another shape.
        var after = Types(Convert([.. before,
            Sequence("Refund", Factory("""{"refund": {"id": "$1"}}""", """<arg evaluator="json" expression="$.id"/>""") + "<respond/>"),
            Sequence("Audit2", Factory("""{"error": "text"}""") + "<respond/>")])["payloads.bal"]);
        Assert.Superset(names.ToHashSet(), after.ToHashSet());
    }

    [Fact]
    public void With_keep_structure_a_record_several_artifacts_build_is_declared_once_in_payloads_bal()
    {
        var folder = Path.Combine(Path.GetTempPath(), "synapse2bal-unit-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            File.WriteAllText(Path.Combine(folder, "CommonErrorHandler.xml"), Sequence("CommonErrorHandler", Factory(ErrorBody, ErrorArgs) + "<respond/>"));
            File.WriteAllText(Path.Combine(folder, "CreatePayment.xml"), Sequence("CreatePayment", Factory("""{"error": {"code": "E1", "message": "m"}}""") + "<respond/>"));
            File.WriteAllText(Path.Combine(folder, "Audit.xml"), Sequence("Audit", Factory("""{"event": "x"}""") + "<respond/>"));
            var files = Converter.Convert(new ConversionOptions(folder) { KeepStructure = true }).Files.ToDictionary(f => f.RelativePath, f => f.Content);
            Assert.Contains("type ErrorPayload record {|", files["payloads.bal"]);
            Assert.Contains("type ErrorDetail record {|", files["payloads.bal"]);
            Assert.DoesNotContain("AuditResponse", files["payloads.bal"]);
            Assert.Single(files.Values, text => text.Contains("type ErrorPayload record", StringComparison.Ordinal));
            Assert.Single(files.Values, text => text.Contains("type AuditResponse record", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static List<string> Types(string payloads) =>
        [.. System.Text.RegularExpressions.Regex.Matches(payloads, @"^type (\w+) record", System.Text.RegularExpressions.RegexOptions.Multiline).Select(m => m.Groups[1].Value).Order(StringComparer.Ordinal)];

    private static Dictionary<string, string> Convert(params string[] artifacts) => ArtifactConversion.Convert(artifacts);
}
