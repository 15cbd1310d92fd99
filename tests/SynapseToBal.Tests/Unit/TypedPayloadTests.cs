using SynapseToBal.Driver;
using SynapseToBal.IR;
using SynapseToBal.Refine;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// Which API resources take their body as a typed payload parameter with <c>--typed-payloads</c>
/// (<see cref="TypedPayloadAnalysis"/>): only those of a method with an entity whose flow and fault flow read the body
/// as JSON or replace it, and never pass the received message on, read it another way or leave a step unknown.
/// </summary>
public sealed class TypedPayloadTests
{
    private const string Reads = """
        <property name="id" expression="json-eval($.id)"/>
        <payloadFactory media-type="json"><format>{"id": "$1"}</format><args><arg expression="$ctx:id"/></args></payloadFactory>
        <respond/>
        """;

    /// <summary>The resources of the API's service (in order) and the parameter name each takes, null for none.</summary>
    private static List<(string Method, string? Parameter)> Typed(string resources, bool option = true, string? other = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "synapse2bal-unit-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            File.WriteAllText(Path.Combine(folder, "A.xml"), $"""<api xmlns="http://ws.apache.org/ns/synapse" name="A" context="/a">{resources}</api>""");
            if (other is not null)
            {
                File.WriteAllText(Path.Combine(folder, "B.xml"), other);
            }

            var result = Converter.Convert(new ConversionOptions(folder) { LowerOnly = true });
            var refined = BallerinaRefiner.Refine(result.Package!, [], null, option);
            return refined.Package.Services.Where(s => s.Kind == ServiceKind.Api).SelectMany(s => s.Resources)
                .Select(r => (r.Accessor, refined.TypedPayloads[r])).ToList();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Resource(string methods, string body, string template = "/x", string? fault = null) =>
        $"""<resource methods="{methods}" uri-template="{template}"><inSequence>{body}</inSequence>{(fault is null ? "" : $"<faultSequence>{fault}</faultSequence>")}</resource>""";

    [Fact]
    public void A_post_that_reads_its_body_as_json_then_replaces_it_takes_a_json_payload()
    {
        Assert.Equal([("post", "requestPayload")], Typed(Resource("POST", Reads)));
    }

    [Fact]
    public void Without_the_option_no_resource_takes_one()
    {
        Assert.Equal([("post", (string?)null)], Typed(Resource("POST", Reads), option: false));
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("DELETE")]
    [InlineData("HEAD")]
    public void A_method_without_an_entity_never_takes_one(string method)
    {
        Assert.Null(Typed(Resource(method, Reads))[0].Parameter);
    }

    [Fact]
    public void Put_and_patch_take_one()
    {
        Assert.Equal([("put", "requestPayload"), ("patch", "requestPayload")], Typed(Resource("PUT", Reads, "/p") + Resource("PATCH", Reads, "/q")));
    }

    [Fact]
    public void Passing_the_received_body_on_keeps_the_request()
    {
        Assert.Null(Typed(Resource("POST", """<property name="id" expression="json-eval($.id)"/><respond/>"""))[0].Parameter);
        Assert.Null(Typed(Resource("POST", """<property name="id" expression="json-eval($.id)"/><call><endpoint><http method="post" uri-template="http://b/x"/></endpoint></call><respond/>"""))[0].Parameter);
    }

    [Fact]
    public void Reading_the_body_with_an_xpath_keeps_the_request()
    {
        Assert.Null(Typed(Resource("POST", Reads.Replace("json-eval($.id)", "//id", StringComparison.Ordinal)))[0].Parameter);
    }

    [Fact]
    public void Reading_the_whole_received_text_keeps_the_request()
    {
        // json-eval($) gives the received text as it came, not the bound value's serialisation.
        Assert.Null(Typed(Resource("POST", Reads.Replace("json-eval($.id)", "json-eval($)", StringComparison.Ordinal)))[0].Parameter);
    }

    [Fact]
    public void A_flow_that_never_touches_the_body_keeps_the_request()
    {
        Assert.Null(Typed(Resource("POST", """<property name="a" value="1"/><drop/>"""))[0].Parameter);
    }

    [Fact]
    public void A_fault_flow_that_answers_with_the_received_body_keeps_the_request()
    {
        Assert.Equal("requestPayload", Typed(Resource("POST", Reads, fault: """<payloadFactory media-type="json"><format>{"e": 1}</format><args/></payloadFactory><respond/>"""))[0].Parameter);
        Assert.Null(Typed(Resource("POST", Reads, fault: "<respond/>"))[0].Parameter);
    }

    [Fact]
    public void A_sequence_the_flow_runs_is_analysed_as_the_flow()
    {
        const string reading = """<sequence xmlns="http://ws.apache.org/ns/synapse" name="S"><property name="c" expression="json-eval($.c)"/></sequence>""";
        const string passing = """<sequence xmlns="http://ws.apache.org/ns/synapse" name="S"><respond/></sequence>""";
        Assert.Equal("requestPayload", Typed(Resource("POST", """<sequence key="S"/>""" + Reads), other: reading)[0].Parameter);
        Assert.Null(Typed(Resource("POST", """<sequence key="S"/>""" + Reads), other: passing)[0].Parameter);
    }

    [Fact]
    public void A_branch_that_passes_the_body_on_keeps_the_request()
    {
        const string both = """<filter source="json-eval($.a)" regex="x"><then><payloadFactory media-type="json"><format>{"a": 1}</format><args/></payloadFactory></then><else><payloadFactory media-type="json"><format>{"a": 2}</format><args/></payloadFactory></else></filter><respond/>""";
        const string one = """<filter source="json-eval($.a)" regex="x"><then><payloadFactory media-type="json"><format>{"a": 1}</format><args/></payloadFactory></then></filter><respond/>""";
        Assert.Equal("requestPayload", Typed(Resource("POST", both))[0].Parameter);
        Assert.Null(Typed(Resource("POST", one))[0].Parameter);
    }

    [Fact]
    public void A_step_left_as_a_todo_keeps_the_request()
    {
        Assert.Null(Typed(Resource("POST", """<property name="id" expression="json-eval($.id)"/><class name="com.example.Custom"/>""" + Reads))[0].Parameter);
    }

    [Fact]
    public void A_json_validate_reads_the_body_as_json()
    {
        const string schema = """<localEntry xmlns="http://ws.apache.org/ns/synapse" key="S"><![CDATA[{"type": "object"}]]></localEntry>""";
        var validate = """<validate><schema key="S"/><on-fail><payloadFactory media-type="json"><format>{"e": 1}</format><args/></payloadFactory><respond/></on-fail></validate>""";
        Assert.Equal("requestPayload", Typed(Resource("POST", validate + Reads), other: schema)[0].Parameter);
        Assert.Null(Typed(Resource("POST", validate.Replace("<payloadFactory media-type=\"json\"><format>{\"e\": 1}</format><args/></payloadFactory>", "", StringComparison.Ordinal) + Reads), other: schema)[0].Parameter);
    }

    [Fact]
    public void A_resource_with_its_own_dispatch_check_keeps_the_request()
    {
        // The listener would bind the body before the query or the segment text is checked.
        Assert.Null(Typed(Resource("POST", Reads, "/x?q={q}"))[0].Parameter);
        Assert.Null(Typed(Resource("POST", Reads, "/x{id}.json"))[0].Parameter);
    }

    [Fact]
    public void The_parameter_keeps_clear_of_a_path_parameter_and_of_the_payload_record()
    {
        // Reads returns a payload record named `payload`.
        const string body = """<property name="id" expression="json-eval($.id)"/><drop/>""";
        Assert.Equal("payload", Typed(Resource("POST", body))[0].Parameter);
        Assert.Equal("requestPayload", Typed(Resource("POST", body, "/{payload}"))[0].Parameter);
        Assert.Equal("requestPayload", Typed(Resource("POST", Reads))[0].Parameter);
    }
}
