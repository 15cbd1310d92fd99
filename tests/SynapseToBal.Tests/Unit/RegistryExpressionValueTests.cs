using System.Text;
using SynapseToBal.Lowering;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>The value registry reads give for a resource of the project (MicroIntegratorRegistry, GetPropertyFunction, EvaluationContext).</summary>
public sealed class RegistryExpressionValueTests
{
    private static (string? Value, string? Reason) Read(string text, string? mediaType, bool synapse) =>
        RegistryExpressionValue.Read(Encoding.UTF8.GetBytes(text), text, mediaType, synapse);

    [Theory]
    [InlineData("a\r\nb\n\n", "a\nb\n")] // readLine splits at \r\n, \n and \r; the last separator is dropped
    [InlineData("one line\n", "one line")]
    [InlineData("no newline", "no newline")]
    [InlineData("a\rb", "a\nb")]
    [InlineData("", "")]
    public void Text_resources_are_their_lines_joined_with_the_line_separator(string text, string expected) =>
        Assert.Equal(expected, RegistryExpressionValue.Lines(text));

    [Theory]
    [InlineData("aGVsbG8=", "hello")]
    [InlineData("aGVsbG8", "hello")] // padding is optional
    [InlineData("aGk=", "hi")]
    [InlineData("aGk", "hi")]
    [InlineData("", "")]
    [InlineData("aGVsbG8==", null)] // too much padding
    [InlineData("aGk=x", null)] // text after the padding
    [InlineData("aGVs bG8=", null)] // whitespace is not in the basic alphabet
    [InlineData("aGVsbG8=\n", null)]
    [InlineData("a", null)] // a final unit of one character
    [InlineData("aGk=a", null)]
    [InlineData("aG=", null)] // two characters need two '='
    [InlineData("first line", null)]
    public void Base64_decodes_as_javas_basic_decoder(string text, string? expected) =>
        Assert.Equal(expected, RegistryExpressionValue.JavaBase64Decode(text) is { } bytes ? Encoding.UTF8.GetString(bytes) : null);

    [Fact]
    public void An_xml_resource_is_its_root_element_for_both_readers()
    {
        const string text = "<?xml version=\"1.0\"?>\n<!-- c -->\n<a xmlns=\"urn:x\">\n  <b>1</b>\n</a>\n";
        Assert.Equal(("<a xmlns=\"urn:x\">\n  <b>1</b>\n</a>", null), Read(text, null, synapse: true));
        Assert.Equal(("<a xmlns=\"urn:x\">\n  <b>1</b>\n</a>", null), Read(text, "application/xml", synapse: false));
    }

    [Fact]
    public void An_xml_resource_with_a_doctype_or_trailing_nodes_is_refused()
    {
        Assert.NotNull(Read("<!DOCTYPE a [<!ENTITY e \"x\">]><a>&e;</a>", null, synapse: true).Reason);
        Assert.NotNull(Read("<a/><!-- after -->", null, synapse: false).Reason);
    }

    [Fact]
    public void A_text_resource_is_its_text_for_get_property_and_base64_decoded_for_registry()
    {
        Assert.Equal(("line 1\nline 2", null), Read("line 1\r\nline 2\n", null, synapse: false));
        Assert.Equal(("line 1\nline 2", null), Read("line 1\nline 2", "text/plain", synapse: false));
        Assert.Equal(("hello", null), Read("aGVsbG8=\n", null, synapse: true));
        var (value, reason) = Read("plain text", null, synapse: true);
        Assert.Null(value);
        Assert.Contains("base64", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_binary_resource_is_base64_for_get_property_and_its_utf8_text_for_registry()
    {
        Assert.Equal(("eyJhIjogMX0=", null), Read("{\"a\": 1}", "application/json", synapse: false));
        Assert.Equal(("{\"a\": 1}", null), Read("{\"a\": 1}", "application/json", synapse: true));
    }

    [Fact]
    public void A_resource_too_large_to_inline_is_refused()
    {
        var bytes = new byte[RegistryExpressionValue.MaxInlineBytes + 1];
        Assert.Contains("bytes long", RegistryExpressionValue.Read(bytes, string.Empty, "application/octet-stream", synapseExpression: true).Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"user\":\"svc\",\"password\":\"x\"}", "password")]
    [InlineData("url=http://h\nclient_secret = abc\n", "client_secret")]
    [InlineData("apiKey: abc", "apiKey")]
    [InlineData("{\"user\":\"svc\",\"tokenUrl\":\"http://h\"}", null)]
    [InlineData("plain text with a password in it", null)]
    public void A_json_or_text_resource_naming_a_credential_is_found(string content, string? secret) =>
        Assert.Equal(secret, SynapseToBal.Lowering.ExpressionTranslator.TextSecret(content));
}
