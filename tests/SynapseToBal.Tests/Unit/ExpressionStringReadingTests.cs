using SynapseToBal.Driver;
using SynapseToBal.Tests.Runtime;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// How an expression's value becomes text where the Micro Integrator's readings differ (issue 9): an MI 4.4
/// <c>${payload.a.b}</c> gives "" for a path that is not there or a JSON null (PayloadAccessNode turns Jayway's
/// PathNotFoundException into an EvaluationException, which SynapseExpression.evaluateExpression catches, and unboxes
/// Gson's JsonNull to null) but fails the mediator for a payload that is not JSON (Gson's JsonSyntaxException is caught
/// by nobody), where EI 6.x json-eval prints a null as "null"; and a property given to an XPath function (concat,
/// contains, string-length, ...) is Jaxen's string() of its object (XML: its first node's descendant text), not
/// SynapseXPath.stringValueOf's reading of a whole expression.
/// </summary>
public sealed class ExpressionStringReadingTests
{
    private static string Function(string name) => RuntimeSourceText.Function(name);

    private static void InOrder(string text, params string[] parts) => RuntimeSourceText.InOrder(text, parts);

    [Fact]
    public void A_synapse_payload_path_reads_a_missing_path_and_a_null_as_empty()
    {
        InOrder(Function("synapseJsonTextIn"), "[json]? found = check jsonPathIn(payload, path);", "if found is () {", "return \"\";",
            "return value is () ? \"\" : gsonText(value);");
        Assert.Contains("synapseJsonTextIn(check synapseJsonPayload(ctx), path)", RuntimeSourceText.Support, StringComparison.Ordinal);

        // json-eval keeps its own reading: a JSON null prints "null".
        InOrder(Function("jsonEvalIn"), "if found is () {", "return \"\";", "return jsonEvalResult(found[0]);");
        InOrder(Function("jsonEvalResult"), "if value is () {", "return \"null\";");
    }

    [Fact]
    public void A_payload_that_is_not_json_fails_the_mediator_even_inside_a_larger_expression()
    {
        Assert.Contains("type NotJson distinct error;", RuntimeSourceText.Support, StringComparison.Ordinal);
        InOrder(Function("synapseJsonPayload"), "json|error payload = jsonPayload(ctx);", "if payload is error {",
            "return error NotJson(payload.message(), payload);", "return payload;");

        // synapseValue and synapseCondition hand a NotJson failure (or a Java exception) back before they log anything
        // else as a warning.
        InOrder(Function("synapseValue"), "returns string|NotJson|MiJavaException {", "if value is NotJson|MiJavaException {", "return value;", "if value is error {",
            "log:printWarn(", "return \"\";");
        InOrder(Function("synapseCondition"), "returns boolean|NotJson|MiJavaException {", "if value is NotJson|MiJavaException {", "return value;", "if value is error {",
            "log:printWarn(", "return false;");

        // The MI 4.4 payload readers under the guard read the payload that way.
        Assert.Contains("check synapsePath(ctx, path);", Function("jsonString"), StringComparison.Ordinal);
        Assert.Contains("check synapsePath(ctx, path);", Function("payloadJson"), StringComparison.Ordinal);
        Assert.Contains("check synapsePath(ctx, parent);", Function("payloadIsNull"), StringComparison.Ordinal);
        Assert.Contains("jsonPathIn(check synapseJsonPayload(ctx), path)", Function("synapsePath"), StringComparison.Ordinal);
        Assert.Contains("jsonPathQuery(check synapseJsonPayload(ctx), steps)", RuntimeSourceText.Support, StringComparison.Ordinal);
    }

    [Fact]
    public void A_whole_synapse_payload_path_and_a_guarded_one_are_written_with_the_synapse_readers()
    {
        var main = Convert("""
            <api xmlns="http://ws.apache.org/ns/synapse" name="A" context="/a"><resource methods="POST"><inSequence>
            <property name="email" expression="${payload.customer.email}"/>
            <property name="greeting" expression="${'Dear ' + payload.customer.name}"/>
            <property name="legacy" expression="json-eval($.customer.email)"/>
            <respond/></inSequence></resource></api>
            """);
        Assert.Matches("synapseJsonText(In)?\\((ctx|\\w+), \"\\$\\.customer\\.email\"\\)", main);
        Assert.Contains("check synapseValue(function () returns string|error => ", main, StringComparison.Ordinal);
        Assert.Matches("check jsonEval(In)?\\((ctx|\\w+), \"\\$\\.customer\\.email\"\\)", main);
        Assert.DoesNotMatch("jsonEval(In)?\\((ctx|\\w+), \"\\$\\.customer\\.name\"\\)", main);
    }

    [Fact]
    public void An_xpath_function_reads_a_property_as_jaxen_string_of_its_object()
    {
        // Jaxen's StringFunction: a list's first item; an element's descendant text; a text's text; strings, booleans
        // and numbers in XPath's form; any other object "".
        InOrder(Function("propertyXPathString"), "anydata read = value is () ? fallback : value;", "if read is xml {",
            "foreach xml item in read {", "if item is xml:Comment {", "if item is xml:ProcessingInstruction {", "return item.data();",
            "return \"\";", "if read is string {", "return read;", "if read is boolean {", "if read is int {",
            "xpathNumberString(<float>read)", "if read is float {", "return xpathNumberString(read);", "return \"\";");

        var main = Convert("""
            <api xmlns="http://ws.apache.org/ns/synapse" name="A" context="/a"><resource methods="POST"><inSequence>
            <enrich><source type="body"/><target type="property" property="doc"/></enrich>
            <property name="label" expression="concat('doc: ', $ctx:doc)"/>
            <property name="mode" expression="concat(get-property('axis2', 'cfg'), '')"/>
            <log level="custom"><property name="doc" expression="$ctx:doc"/><property name="label" expression="$ctx:label"/><property name="mode" expression="$ctx:mode"/></log>
            <respond/></inSequence></resource></api>
            """);
        Assert.Contains("propertyXPathString(", main, StringComparison.Ordinal);
        Assert.Contains("propertyXPathString(ctx.axis2[\"cfg\"])", main, StringComparison.Ordinal);

        // The whole property alone keeps SynapseXPath.stringValueOf's reading.
        Assert.DoesNotContain("doc = propertyXPathString(", main, StringComparison.Ordinal);
    }

    private static string Convert(string xml)
    {
        var folder = Path.Combine(Path.GetTempPath(), "synapse2bal-strings-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            File.WriteAllText(Path.Combine(folder, "a.xml"), xml);
            return Converter.Convert(new ConversionOptions(folder)).Files.Single(f => f.RelativePath == "main.bal").Content;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
