using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Lowering;
using Xunit;
using static SynapseToBal.Tests.Unit.MediatorParsing;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// MI 4.4 typed variables (mediators/v2/Utils: convertValue for a value, convertExpressionResult for an expression) and
/// the first node an XPath call-template parameter passes (TemplateContext.resolveExpressionValue).
/// </summary>
public sealed class TypedVariableAndTemplateParamTests
{
    private static (ExprIr? Value, StepIr Step, DiagnosticBag Diagnostics) LowerOne(string mediatorXml)
    {
        var diagnostics = new DiagnosticBag();
        var document = Document(mediatorXml, diagnostics);
        var step = Assert.Single(Lowerer.Lower([document], diagnostics).Functions).Body[0];
        return (step is SetVariableStep set ? set.Value : null, step, diagnostics);
    }

    [Theory]
    [InlineData("INTEGER", "payload.order.qty", Builtin.VariableInteger, ValueKind.Integer)]
    [InlineData("LONG", "payload.order.qty", Builtin.VariableLong, ValueKind.Integer)]
    [InlineData("DOUBLE", "payload.price", Builtin.VariableDouble, ValueKind.Float)]
    [InlineData("BOOLEAN", "payload.express", Builtin.VariableBoolean, ValueKind.Boolean)]
    [InlineData("JSON", "payload.items", Builtin.VariableJson, ValueKind.Json)]
    [InlineData("INTEGER", "payload['order'].lines[0].qty", Builtin.VariableInteger, ValueKind.Integer)]
    public void A_typed_payload_path_converts_the_json_value_by_its_json_type(string type, string expression, Builtin helper, ValueKind kind)
    {
        var (value, _, diagnostics) = LowerOne($$"""<variable name="v" expression="${{{expression}}}" type="{{type}}"/>""");
        var call = Assert.IsType<BuiltinCallIr>(value);
        Assert.Equal((helper, kind), (call.Function, call.Kind));

        // The second argument is the expression as the MI's fault message names it: the text inside ${...}.
        Assert.Equal(expression, Assert.IsType<StringLiteralIr>(call.Arguments[1]).Value);
        Assert.Empty(diagnostics.Items);
    }

    [Fact]
    public void A_condition_is_a_java_boolean_that_boolean_keeps()
    {
        var (value, _, diagnostics) = LowerOne("""<variable name="v" expression="${exists(payload.coupon)}" type="BOOLEAN"/>""");
        Assert.Equal(ValueKind.Boolean, value!.Kind);
        Assert.IsNotType<ConvertIr>(value);
        Assert.Empty(diagnostics.Items);
    }

    [Theory]
    [InlineData("${vars.count}", "INTEGER")]
    [InlineData("${exists(payload.coupon)}", "INTEGER")]
    [InlineData("${payload.a + 1}", "DOUBLE")]
    [InlineData("${toUpper(payload.name)}", "JSON")]
    public void Any_other_typed_expression_is_reported_because_the_java_type_of_its_result_decides(string expression, string type)
    {
        var (value, _, diagnostics) = LowerOne($"""<variable name="v" expression="{expression}" type="{type}"/>""");
        Assert.True(IrWalker.ContainsUntranslated(value!));
        Assert.Contains("SB0203", Ids(diagnostics));
    }

    [Theory]
    [InlineData("get-property('qty')", "INTEGER", "get-property('qty')")]
    [InlineData("json-eval($.qty)", "DOUBLE", "$.qty")]
    public void An_xpath_or_json_eval_with_a_type_always_faults_as_in_the_mi(string expression, string type, string named)
    {
        var (_, step, diagnostics) = LowerOne($"""<variable name="v" expression="{expression}" type="{type}"/>""");
        var fail = Assert.IsType<FailStep>(step);
        Assert.Equal($"Expression '${{{named}}}' result does not match the expected data type '{type}'", Assert.IsType<StringLiteralIr>(fail.Message).Value);
        Assert.Equal(["SB0103"], Ids(diagnostics));
    }

    [Theory]
    [InlineData("STRING", "${payload.name}")]
    [InlineData("XML", "${payload.name}")]
    public void String_and_xml_types_read_the_string_value_as_before(string type, string expression)
    {
        var (value, _, diagnostics) = LowerOne($"""<variable name="v" expression="{expression}" type="{type}"/>""");
        Assert.Equal(type == "XML" ? ValueKind.Xml : ValueKind.String, value!.Kind);
        Assert.Empty(diagnostics.Items);
    }

    [Theory]
    [InlineData("OM", "<a/>")]
    [InlineData("integer", "1")]
    [InlineData("SHORT", "1")]
    public void A_type_the_mi_does_not_know_is_kept_in_a_todo(string type, string value)
    {
        var (_, step, diagnostics) = LowerOne($"""<variable name="v" value="{System.Security.SecurityElement.Escape(value)}" type="{type}"/>""");
        Assert.IsType<TodoStep>(step);
        Assert.Equal(["SB0103"], Ids(diagnostics));
    }

    [Theory]
    [InlineData("OM")]
    [InlineData("integer")]
    public void An_expression_with_a_type_the_mi_does_not_know_faults_at_every_evaluation(string type)
    {
        var (_, step, diagnostics) = LowerOne($$"""<variable name="v" expression="${xpath('//data')}" type="{{type}}"/>""");
        var fail = Assert.IsType<FailStep>(step);
        Assert.Equal("No enum constant org.apache.synapse.config.xml.XMLConfigConstants.VARIABLE_DATA_TYPES." + type, Assert.IsType<StringLiteralIr>(fail.Message).Value);
        Assert.Equal(["SB0103"], Ids(diagnostics));
    }

    [Theory]
    [InlineData("123", "INTEGER", "123")]
    [InlineData("-2147483648", "INTEGER", "-2147483648")]
    [InlineData("+7", "INTEGER", "7")]
    [InlineData("9223372036854775807", "LONG", "9223372036854775807")]
    [InlineData(" 0.5 ", "DOUBLE", "0.5")]
    [InlineData("12", "DOUBLE", "12.0")]
    [InlineData("1.5e3d", "DOUBLE", "1500.0")]
    public void A_literal_converts_as_java_parses_it(string text, string type, string expected)
    {
        var literal = Assert.IsType<NumberLiteralIr>(Lowerer.VariableLiteral(text, type));
        Assert.Equal(expected, literal.Text);
    }

    [Theory]
    [InlineData("2147483648", "INTEGER")]
    [InlineData(" 1", "INTEGER")]
    [InlineData("12.5", "INTEGER")]
    [InlineData("9223372036854775808", "LONG")]
    [InlineData("abc", "DOUBLE")]
    public void A_literal_java_refuses_is_kept_in_a_todo(string text, string type)
    {
        Assert.Null(Lowerer.VariableLiteral(text, type));
        var (_, step, diagnostics) = LowerOne($"""<variable name="v" value="{text}" type="{type}"/>""");
        Assert.IsType<TodoStep>(step);
        Assert.Equal(["SB0103"], Ids(diagnostics));
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("YES", true)]
    [InlineData("1", true)]
    [InlineData(" true", false)]
    [InlineData("on", false)]
    public void A_boolean_literal_is_true_explicitly(string text, bool expected) =>
        Assert.Equal(expected, Assert.IsType<BooleanLiteralIr>(Lowerer.VariableLiteral(text, "BOOLEAN")).Value);

    private const string Template = """
        <template xmlns="http://ws.apache.org/ns/synapse" name="Greet">
          <parameter name="who"/>
          <sequence><log level="custom"><property name="who" expression="$func:who"/></log></sequence>
        </template>
        """;

    private static string Caller(string value) => $"""
        <api xmlns="http://ws.apache.org/ns/synapse" name="GreetAPI" context="/greet">
          <resource methods="POST" uri-template="/"><inSequence>
            <call-template target="Greet"><with-param name="who" value="{value}"/></call-template>
            <respond/>
          </inSequence></resource>
        </api>
        """;

    [Theory]
    [InlineData("{//name}", "greet(ctx, who = xpathFirstNodeString((check soapEnvelope(ctx))/**/<name>))")]
    [InlineData("{//name/text()}", "greet(ctx, who = xpathFirst(xpathTextValues((check soapEnvelope(ctx))/**/<name>)))")]
    [InlineData("{$ctx:who}", "greet(ctx, who = getProperty(ctx, \"who\"))")]
    public void An_xpath_with_param_passes_the_first_node(string value, string expected)
    {
        var main = ArtifactConversion.Convert(Template, Caller(value))["main.bal"];
        Assert.Contains(expected, main);
    }
}
