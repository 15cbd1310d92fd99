using System.Globalization;
using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Tests.Runtime;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// An address endpoint's <c>format="get"</c> as the Micro Integrator sends it: Axis2FlexibleMEPClient (and
/// BlockingMsgSenderUtils) set HTTP_METHOD GET and the message type <c>application/x-www-form-urlencoded</c>; the
/// pass-through TargetRequest sends no body and takes the URL from XFormURLEncodedFormatter.getTargetAddress, which
/// appends the body's first element's child elements as query parameters (URLTemplatingUtil.appendQueryParameters).
/// </summary>
public sealed class GetFormatTests
{
    private const string Api = """
        <api xmlns="http://ws.apache.org/ns/synapse" name="A" context="/a">
            <resource methods="POST" uri-template="/x"><inSequence><call><endpoint key="Backend"/></call><respond/></inSequence></resource>
        </api>
        """;

    private static string Endpoint(string format) =>
        $"""<endpoint xmlns="http://ws.apache.org/ns/synapse" name="Backend"><address uri="http://backend.example.com/find" format="{format}"/></endpoint>""";

    [Theory]
    [InlineData("get")]
    [InlineData(" GET ")]
    public void The_address_client_sends_as_get_and_nothing_is_reported(string format)
    {
        var diagnostics = new DiagnosticBag();
        var package = ArtifactLowering.Lower(diagnostics, Endpoint(format));
        Assert.Equal(EndpointFormat.Get, Assert.Single(package.Clients).Format);
        Assert.DoesNotContain(diagnostics.Items, d => d.Id == "SB0206");
    }

    [Fact]
    public void An_unknown_format_is_still_reported()
    {
        var diagnostics = new DiagnosticBag();
        var package = ArtifactLowering.Lower(diagnostics, Endpoint("json"));
        Assert.Null(Assert.Single(package.Clients).Format);
        var reported = Assert.Single(diagnostics.Items, d => d.Id == "SB0206");
        Assert.Contains("format=\"json\"", reported.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void The_call_puts_the_payload_into_the_query_of_the_endpoint_url()
    {
        var files = ArtifactConversion.Convert(Api, Endpoint("get"));
        var call = Assert.Single(files["main.bal"].Split('\n'), l => l.Contains("callEndpoint(", StringComparison.Ordinal));
        Assert.Contains("check formGetPath(ctx, backendUrl, clientPath(backendUrl, restPostfix(ctx))), format = \"get\"", call, StringComparison.Ordinal);
        Assert.Contains("function formGetPath(", files["support.bal"], StringComparison.Ordinal);
    }

    [Fact]
    public void The_query_is_each_child_of_the_first_element_url_encoded_and_joined_as_axis2_joins_it()
    {
        var path = RuntimeSourceText.Function("formGetPath");
        RuntimeSourceText.InOrder(path,
            "xml<xml:Element> roots = (check bodyFirstElement(ctx)).elements();",
            "foreach xml:Element child in roots.get(0).getChildren().elements() {",
            "if item is xml:Text {",
            "fields.push(localName(child.getName()) + \"=\" + replaceText(urlEncodeJava(text, \"UTF-8\"), \"+\", \"%20\"));",
            "string target = url + path;",
            "string separator = question is () ? \"?\" : question == target.length() - 1 ? \"\" : \"&\";",
            "return path + separator + string:'join(\"&\", ...fields);");
        // URLTemplatingUtil keeps the JSON builder's prefixes (only the formatter's body writer drops them).
        Assert.DoesNotContain("_JsonReader_", path, StringComparison.Ordinal);
    }

    [Fact]
    public void A_group_and_a_forwarding_processor_add_the_query_to_each_url()
    {
        RuntimeSourceText.InOrder(RuntimeSourceText.Function("callGroup"),
            "string memberPath = clientPath(member.url, path);", "if format == \"get\" {", "memberPath = check formGetPath(ctx, member.url, memberPath);");
        Assert.Contains("return format == \"get\" && url is string ? formGetPath(ctx, url, path) : path;", RuntimeSourceText.Function("forwardPath"), StringComparison.Ordinal);
    }
}
