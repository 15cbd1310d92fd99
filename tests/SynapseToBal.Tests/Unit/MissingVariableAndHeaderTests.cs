using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// MI 4.4: a <c>vars.x</c> that is not set (PayloadAccessNode, "Variable x is not defined") or a <c>headers.x</c> the
/// message does not carry (HeadersAndPropertiesAccessNode, "Could not fetch the value of the key: x") throws an
/// EvaluationException, which fails the whole <c>${...}</c>: the value is "" and a condition false
/// (SynapseExpression.evaluateExpression). Inside a larger expression the read is <c>check requiredVariable</c> /
/// <c>check requiredHeader</c> under the synapseValue / synapseCondition guard; a whole <c>${vars.x}</c> alone keeps the
/// plain read, which gives the same "".
/// </summary>
public sealed class MissingVariableAndHeaderTests
{
    [Theory]
    [InlineData("${vars.x}", "getVariable(ctx, \"x\")")]
    [InlineData("${headers.X}", "check miScalarString(getHeader(ctx, \"X\"))")]
    [InlineData("${'id-' + vars.id}", "check synapseValue(function () returns string|error => string `id-${check variableString(ctx, \"id\")}`, \"'id-' + vars.id\")")]
    [InlineData("${'id-' + headers.X-Tenant}", "check synapseValue(function () returns string|error => string `id-${check miStringOperand(check requiredHeader(ctx, \"X-Tenant\"))}`, \"'id-' + headers.X-Tenant\")")]
    [InlineData("${vars.x == 'a' ? 'yes' : 'no'}", "check synapseValue(function () returns string|error => (check requiredVariable(ctx, \"x\") == \"a\" ? \"yes\" : \"no\"), \"vars.x == 'a' ? 'yes' : 'no'\")")]
    public void A_missing_variable_or_header_fails_the_whole_value(string expression, string expected) =>
        Assert.Equal(expected, ExpressionTranslatorTests.Value(expression));

    [Theory]
    [InlineData("${vars.x == ''}", "check synapseCondition(function () returns boolean|error => check requiredVariable(ctx, \"x\") == \"\", \"vars.x == ''\")")]
    [InlineData("${headers.X != 'a'}", "check synapseCondition(function () returns boolean|error => miScalarText(check requiredHeader(ctx, \"X\")) != \"a\", \"headers.X != 'a'\")")]
    public void A_missing_variable_or_header_makes_a_condition_false(string expression, string expected) =>
        Assert.Equal(expected, ExpressionTranslatorTests.Condition(expression));

    [Theory]
    [InlineData("${props.axis2.JSESSIONID == 'a'}", "check synapseValue(function () returns string|error => (miScalarText(check requiredProperty(ctx.axis2, \"JSESSIONID\")) == \"a\").toString(), \"props.axis2.JSESSIONID == 'a'\")")]
    [InlineData("${props.synapse.x}", "check miScalarString(getProperty(ctx, \"x\"))")]
    public void A_missing_property_fails_the_whole_value(string expression, string expected) =>
        Assert.Equal(expected, ExpressionTranslatorTests.Value(expression));

    [Theory]
    [InlineData("${params.queryParams.id == ''}", "check synapseCondition(function () returns boolean|error => miScalarText(check requiredProperty(ctx.properties, \"query.param.id\")) == \"\", \"params.queryParams.id == ''\")")]
    [InlineData("${props.synapse.x != 'a'}", "check synapseCondition(function () returns boolean|error => miScalarText(check requiredProperty(ctx.properties, \"x\")) != \"a\", \"props.synapse.x != 'a'\")")]
    public void A_missing_property_makes_a_condition_false(string expression, string expected) =>
        Assert.Equal(expected, ExpressionTranslatorTests.Condition(expression));

    [Fact]
    public void The_runtime_helpers_fail_with_the_mi_messages()
    {
        var support = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "templates", "runtime", "support.bal"));
        Assert.Contains("function requiredVariable(Context ctx, string name) returns string|error {", support, StringComparison.Ordinal);
        Assert.Contains("return error(string `Variable ${name} is not defined`);", support, StringComparison.Ordinal);
        Assert.Contains("function requiredHeader(Context ctx, string name) returns string|error {", support, StringComparison.Ordinal);
        Assert.Contains("function requiredProperty(map<anydata> properties, string name) returns string|error {", support, StringComparison.Ordinal);
        Assert.Contains("return error(string `Could not fetch the value of the key: ${name}`);", support, StringComparison.Ordinal);
    }
}
