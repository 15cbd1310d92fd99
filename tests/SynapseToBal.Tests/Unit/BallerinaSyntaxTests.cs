using SynapseToBal.Refine;
using Xunit;

namespace SynapseToBal.Tests.Unit;

public sealed class BallerinaSyntaxTests
{
    [Theory]
    [InlineData("OrderAPI", "orderApi")]
    [InlineData("Order-Service API", "orderServiceApi")]
    [InlineData("order_backend_ep", "orderBackendEp")]
    [InlineData("HTTPEndpoint", "httpEndpoint")]
    [InlineData("2fa", "v2fa")]
    [InlineData("1stChoice", "v1stChoice")]
    [InlineData("1545205230452", "v1545205230452")]
    [InlineData("4_1_1_1_8_Proxy_PublishWSDLFromURL flow", "proxy4_1_1_1_8PublishWsdlFromUrlFlow")]
    [InlineData("05_EP_SOAP url", "ep05SoapUrl")]
    [InlineData("2SoapMappingProxy flow", "soap2MappingProxyFlow")]
    [InlineData("2_11_Log", "log2_11")]
    [InlineData("21_1_Log", "log21_1")]
    [InlineData("9001 Server", "server9001")]
    [InlineData("type", "'type")]
    [InlineData("Order", "'order")]
    [InlineData("commit", "'commit")]
    [InlineData("", "value")]
    [InlineData("---", "value")]
    [InlineData("über-check", "berCheck")]
    public void CamelCase_makes_valid_unreserved_identifiers(string input, string expected) =>
        Assert.Equal(expected, BallerinaSyntax.CamelCase(input));

    [Theory]
    [InlineData("order backend ep url", "orderBackendEpUrl")]
    [InlineData("05_EP_SOAP url", "v05EpSoapUrl")]
    public void A_configurable_keeps_the_name_it_had_when_it_starts_with_a_number(string input, string expected) =>
        Assert.Equal(expected, BallerinaSyntax.ConfigurableCase(input));

    [Theory]
    [InlineData("order status", "OrderStatus")]
    [InlineData("json", "Json")]
    [InlineData("14_1_1_Task_WithInterval job", "Task14_1_1WithIntervalJob")]
    public void PascalCase_makes_type_names(string input, string expected) =>
        Assert.Equal(expected, BallerinaSyntax.PascalCase(input));

    [Theory]
    [InlineData("orders", "orders")]
    [InlineData("order-items", "order\\-items")]
    [InlineData("import", "'import")]
    [InlineData("v1.0", "v1\\.0")]
    [InlineData("1.0.0", "\\1\\.0\\.0")]
    [InlineData("a b", "a\\u{20}b")]
    [InlineData("é", "\\u{E9}")]
    public void PathSegment_escapes_characters_outside_identifiers(string input, string expected) =>
        Assert.Equal(expected, BallerinaSyntax.PathSegment(input));

    [Theory]
    [InlineData("plain", "\"plain\"")]
    [InlineData("say \"hi\"", "\"say \\\"hi\\\"\"")]
    [InlineData("back\\slash", "\"back\\\\slash\"")]
    [InlineData("line\nbreak\r\ttab", "\"line\\nbreak\\r\\ttab\"")]
    [InlineData("${not.interpolated}", "\"${not.interpolated}\"")]
    [InlineData("`tick`", "\"`tick`\"")]
    [InlineData("bell\u0007", "\"bell\\u{7}\"")]
    public void StringLiteral_escapes_quotes_backslashes_and_control_characters(string input, string expected) =>
        Assert.Equal(expected, BallerinaSyntax.StringLiteral(input));

    [Theory]
    [InlineData("plain text", "plain text")]
    [InlineData("a `tick`", "a ${\"`\"}tick${\"`\"}")]
    [InlineData("cost ${price}", "cost ${\"$\"}{price}")]
    [InlineData("just $1 dollar", "just $1 dollar")]
    [InlineData("two\nlines", "two${\"\\n\"}lines")]
    public void TemplateText_keeps_backticks_and_interpolations_literal(string input, string expected) =>
        Assert.Equal(expected, BallerinaSyntax.TemplateText(input));

    [Fact]
    public void TemplateText_keeps_line_breaks_when_asked() =>
        Assert.Equal("<a>\n</a>", BallerinaSyntax.TemplateText("<a>\n</a>", keepLineBreaks: true));

    [Fact]
    public void CommentLines_keep_every_line_a_comment_and_dedent()
    {
        var lines = BallerinaSyntax.CommentLines("    <a>\n      <b/>\r\n    </a>\n").ToList();
        Assert.Equal(["// <a>", "//   <b/>", "// </a>"], lines);
    }

    [Fact]
    public void CommentText_never_contains_a_line_break() =>
        Assert.Equal("one two three", BallerinaSyntax.CommentText("one\r\ntwo\nthree"));

    [Fact]
    public void Every_generated_identifier_from_hostile_names_is_a_single_token()
    {
        foreach (var hostile in new[] { "a\nb", "x\"); panic error(\"y", "`code`", "${x}", "</tag>" })
        {
            var identifier = BallerinaSyntax.CamelCase(hostile);
            Assert.Matches("^'?[A-Za-z_][A-Za-z0-9_]*$", identifier);
        }
    }

    [Theory]
    [InlineData("<p v=\" a\"/>", "<p v=\"&#32;a\"/>")]
    [InlineData("<p v=' a' w=\" \"/>", "<p v='&#32;a' w=\"&#32;\"/>")]
    [InlineData("<p v=\"a \">x=\" y\"</p>", "<p v=\"a \">x=\" y\"</p>")]
    [InlineData("<p v=\"\n a\"/>", "<p v=\"&#10; a\"/>")]
    [InlineData("<!-- <p v=\" a\"/> --><p/>", "<!-- <p v=\" a\"/> --><p/>")]
    [InlineData("<p><![CDATA[<q v=\" a\"/>]]></p>", "<p><![CDATA[<q v=\" a\"/>]]></p>")]
    [InlineData("<p v=\"`${x}\"/>", "<p v=\"${\"`\"}${\"$\"}{x}\"/>")]
    public void XmlTemplateText_writes_white_space_opening_an_attribute_value_as_a_reference(string xml, string expected) =>
        Assert.Equal(expected, BallerinaSyntax.XmlTemplateText(xml));

    [Fact]
    public void XmlTemplateTexts_escapes_the_pieces_between_holes_as_one_document()
    {
        // The piece after a hole inside a start tag still has its attribute values' leading white space escaped.
        string[] pieces = [.. BallerinaSyntax.XmlTemplateTexts(["<c password=\"", "\" b=\" x\"><p>", "</p> t`</c>"])];
        Assert.Equal(["<c password=\"", "\" b=\"&#32;x\"><p>", "</p> t${\"`\"}</c>"], pieces);
    }
    [Fact]
    public void DocLines_joins_the_lines_of_a_paragraph_before_wrapping()
    {
        var text = new[]
        {
            "Orders placed through the shop front end are validated here and then",
            "forwarded to the fulfilment backend, which answers with the order's tracking number and its expected delivery date.",
            string.Empty,
            "- one list item",
            "- another",
            "    <order id=\"1\">an original XML line kept as it is, however long it runs on past the comment width of 120 columns</order>",
        };
        var doc = BallerinaSyntax.DocLines(text);
        Assert.All(doc.Where(l => !l.TrimStart().StartsWith('<')), l => Assert.True(l.Length <= BallerinaSyntax.CommentColumns - 2, l));
        Assert.Equal("Orders placed through the shop front end are validated here and then forwarded to the fulfilment backend, which", doc[0]);
        Assert.Equal("answers with the order's tracking number and its expected delivery date.", doc[1]);
        Assert.Equal(["", "- one list item", "- another"], doc[2..5]);
        Assert.Equal(text[5], doc[5]);
        Assert.Equal(6, doc.Length);
    }

    [Fact]
    public void DocItems_wraps_each_item_alone()
    {
        var doc = BallerinaSyntax.DocItems(["First note.", "Second note."]);
        Assert.Equal(["First note.", "Second note."], doc);
    }
}
