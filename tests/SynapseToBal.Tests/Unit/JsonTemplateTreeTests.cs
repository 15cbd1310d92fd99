using SynapseToBal.IR;
using SynapseToBal.Lowering;
using Xunit;

namespace SynapseToBal.Tests.Unit;

// A JSON payloadFactory template becomes a JSON tree (a Ballerina mapping constructor) only when that compiles: a
// member name repeated in one object would be a duplicate key, so such a template is built as text at run time.
public sealed class JsonTemplateTreeTests
{
    [Fact]
    public void A_template_with_distinct_member_names_is_a_tree()
    {
        var tree = Assert.IsType<JsonNodeIr.Object>(JsonTemplates.TryParse("""{"a": 1, "b": {"a": 2}}"""));
        Assert.Equal(["a", "b"], tree.Members.Select(m => m.Name));
    }

    [Theory]
    [InlineData("""{"a": 1, "a": 2}""")]
    [InlineData("""{"outer": {"id": 1, "id": "x"}}""")]
    [InlineData("""[{"k": true, "k": false}]""")]
    public void A_repeated_member_name_leaves_no_tree(string template) =>
        Assert.Null(JsonTemplates.TryParse(template));
}
