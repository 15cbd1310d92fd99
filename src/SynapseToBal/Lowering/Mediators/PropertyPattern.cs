using SynapseToBal.IR;

namespace SynapseToBal.Lowering;

// The pattern/group of <property>: PropertyMediator.getMatchedValue, a whole-string match of the translated regex.
public sealed partial class Lowerer
{
    /// <summary>
    /// The value a property with <c>pattern</c> (already translated to Ballerina) takes: capturing group
    /// <paramref name="group"/> (0, the whole match, by default) when the whole value matches, "" when it does not
    /// match or the pattern has fewer groups. The value itself when there is no pattern.
    /// </summary>
    private static ExprIr MatchedGroup(ExprIr value, string? pattern, int? group) =>
        pattern is null
            ? value
            : new BuiltinCallIr(Builtin.RegexGroup, [value, new StringLiteralIr(pattern), new NumberLiteralIr((group ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture), ValueKind.Integer)], ValueKind.String);
}
