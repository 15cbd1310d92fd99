using System.Collections.Immutable;
using SynapseToBal.IR;
using SynapseToBal.Lowering;
using SynapseToBal.Syntax;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// The message fields GetPropertyFunction computes (ReplyTo, FaultTo, MESSAGE_FORMAT), its file scope, the XPath root
/// and MI 4.4 string concatenation, as typed IR.
/// </summary>
public sealed class MessageFieldExpressionTests
{
    private static ExpressionSyntax Parse(string text) =>
        ExpressionSyntax.Create(text, ImmutableDictionary<string, string>.Empty, SourceLocation.FileStart("test.xml"));

    private static (ExprIr Value, List<string> Secrets) Translate(string text)
    {
        var secrets = new List<string>();
        var translator = new ExpressionTranslator(new Dictionary<string, Symbol>(), alias =>
        {
            secrets.Add(alias);
            return new Symbol(SymbolKind.Configurable, alias);
        });
        return (translator.Value(Parse(text)), secrets);
    }

    [Theory]
    [InlineData("get-property('ReplyTo')", SystemValue.ReplyTo)]
    [InlineData("get-property('default', 'ReplyTo')", SystemValue.ReplyTo)]
    [InlineData("get-property('FaultTo')", SystemValue.FaultTo)]
    [InlineData("get-property('MESSAGE_FORMAT')", SystemValue.MessageFormat)]
    public void Message_fields_read_the_context(string expression, SystemValue field) =>
        Assert.Equal(new SystemValueIr(field), Translate(expression).Value);

    [Theory]
    [InlineData("get-property('From')")]
    [InlineData("get-property('RelatesTo')")]
    [InlineData("get-property('OperationName')")]
    [InlineData("get-property('system', 'file.separator')")]
    public void Fields_the_message_model_does_not_carry_stay_untranslated(string expression) =>
        Assert.IsType<UntranslatedExprIr>(Translate(expression).Value);

    [Fact]
    public void A_file_property_is_one_required_configurable_per_key()
    {
        var (value, secrets) = Translate("get-property('file', 'testKey')");
        Assert.IsType<ConfigurableReadIr>(value);
        Assert.Equal(["file:testKey"], secrets);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("${xpath('/')}")]
    public void The_root_as_a_whole_expression_is_the_envelope_xml(string expression)
    {
        var value = Translate(expression).Value;
        Assert.Equal(new BuiltinCallIr(Builtin.XPathRootString, [], ValueKind.String), expression.StartsWith("${", StringComparison.Ordinal) ? Guarded(value) : value, BuiltinComparer.Instance);
    }

    /// <summary>The value inside an MI 4.4 evaluation guard (<see cref="Builtin.SynapseValue"/>), asserting the guard is there.</summary>
    private static ExprIr Guarded(ExprIr value)
    {
        var guard = Assert.IsType<BuiltinCallIr>(value);
        Assert.Equal(Builtin.SynapseValue, guard.Function);
        return guard.Arguments[0];
    }

    [Theory]
    [InlineData("concat('a', /)")]
    [InlineData("/ = 'x'")]
    [InlineData("string(/)")]
    public void The_root_inside_an_expression_stays_untranslated(string expression) =>
        Assert.IsType<UntranslatedExprIr>(Translate(expression).Value);

    [Fact]
    public void A_string_plus_a_payload_path_concatenates_with_a_string_check()
    {
        // jsonString fails on a missing path or another JSON type: the MI's warning and "" (Builtin.SynapseValue).
        var concat = Assert.IsType<ConcatIr>(Guarded(Translate("${'id-' + payload.order.id + '-x'}").Value));
        Assert.Equal(3, concat.Parts.Length);
        var path = Assert.IsType<BuiltinCallIr>(concat.Parts[1]);
        Assert.Equal(Builtin.JsonString, path.Function);
    }

    [Theory]
    [InlineData("${'a' + 1}")]
    [InlineData("${1 + 'a'}")]
    [InlineData("${'a' + false}")]
    [InlineData("${props.synapse.x + vars.y}")]
    [InlineData("${payload.a + payload.b}")]
    public void Addition_whose_operand_types_decide_at_run_time_stays_untranslated(string expression) =>
        Assert.IsType<UntranslatedExprIr>(Translate(expression).Value);

    [Fact]
    public void A_sum_over_properties_and_configuration_values_is_decided_at_run_time_by_miSum()
    {
        // HeadersAndPropertiesAccessNode.tryParseNumber, then BinaryOperationNode.handleAddition from the left (miSum).
        var sum = Assert.IsType<BuiltinCallIr>(Guarded(Translate("${props.synapse.x + 'a' + 1}").Value));
        Assert.Equal(Builtin.MiSum, sum.Function);
        Assert.Equal(3, sum.Arguments.Length);
        Assert.Equal(Builtin.MiScalar, Assert.IsType<BuiltinCallIr>(sum.Arguments[0]).Function);
        Assert.Equal("a", Assert.IsType<StringLiteralIr>(sum.Arguments[1]).Value);
        Assert.Equal(ValueKind.Integer, Assert.IsType<NumberLiteralIr>(sum.Arguments[2]).Kind);
    }

    /// <summary>Compares builtin calls by function, kind and arguments (records hold an immutable array, compared by reference).</summary>
    private sealed class BuiltinComparer : IEqualityComparer<ExprIr>
    {
        public static BuiltinComparer Instance { get; } = new();

        public bool Equals(ExprIr? x, ExprIr? y) => x is BuiltinCallIr a && y is BuiltinCallIr b
            && a.Function == b.Function && a.Kind == b.Kind && a.Arguments.SequenceEqual(b.Arguments);

        public int GetHashCode(ExprIr obj) => 0;
    }
}
