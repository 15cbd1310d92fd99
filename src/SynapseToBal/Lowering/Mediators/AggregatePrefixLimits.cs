using System.Globalization;
using SynapseToBal.IR;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

// An aggregate's messageCount min/max read from a property the out flow sets to a literal before the aggregate.
public sealed partial class Lowerer
{
    /// <summary>
    /// A messageCount min or max computed at run time from a default-scope property that the mediators an out flow
    /// runs before its aggregate (the <see cref="_entryPrefixes"/> of that aggregate, run on every response) last set
    /// to a literal, unconditionally: Synapse evaluates the value on the first message reaching the aggregate, which
    /// has run them, so the value is that literal. Its limit as AggregateMediator reads it
    /// (<c>Double.parseDouble</c>, the integer part kept), or null for a value below 1 (no limit). Not found (false)
    /// when the value is not such a property, the out flow does not set it last with a plain literal, or the literal
    /// is not a number this parses exactly as Java does.
    /// </summary>
    private bool PrefixLiteralLimit(AggregateMediator aggregate, KeySyntax? value, bool acrossFlows, FlowContext context, out int? limit)
    {
        limit = null;
        if (!acrossFlows || RunTimeLimit(value, context) is not { } read || !_entryPrefixes.TryGetValue(aggregate, out var entry))
        {
            return false;
        }

        // The last mediator before the aggregate that may write the property: one naming it, or running (nested, or
        // in a sequence it calls) one that names it or a property with a computed name, which may write any.
        var writer = entry.Prefix.LastOrDefault(mediator => Reachable([mediator]).Any(reached => reached is not LogMediator
            && (reached.RawXml.Contains(read.Name, StringComparison.Ordinal) || ComputedPropertyName().IsMatch(reached.RawXml))));
        if (writer is not PropertyMediator { Scope: "default", Action: PropertyAction.Set, Pattern: null, Value: ValueSyntax.Literal { Text: var text } } property
            || property.Name != read.Name || property.Type?.ToUpperInvariant() is not (null or "STRING" or "INTEGER"))
        {
            return false;
        }

        // get-property gives the String as set, or the Integer's decimal digits; Double.parseDouble trims white space.
        var digits = text.Trim();
        if (property.Type is not null && property.Type.Equals("INTEGER", StringComparison.OrdinalIgnoreCase))
        {
            if (!int.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
            {
                return false;
            }

            digits = integer.ToString(CultureInfo.InvariantCulture);
        }

        if (!System.Text.RegularExpressions.Regex.IsMatch(digits, @"^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)$")
            || !double.TryParse(digits, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }

        limit = number < 1 ? null : number >= int.MaxValue ? int.MaxValue : (int)Math.Floor(number);
        return true;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\bname\s*=\s*[""']\s*\{")]
    private static partial System.Text.RegularExpressions.Regex ComputedPropertyName();

    /// <summary>
    /// An aggregation with the aggregate's messageCount min/max computed at run time: those the out flow sets to a
    /// literal before the aggregate (<see cref="PrefixLiteralLimit"/>) join the literal count, the others are read at
    /// run time from the message before the split (<see cref="RunTimeLimit"/>).
    /// </summary>
    private AggregationIr WithRunTimeLimits(AggregationIr aggregation, AggregateMediator aggregate, bool acrossFlows, FlowContext context)
    {
        var count = aggregation.Count;
        ExprIr? RunTime(KeySyntax? value)
        {
            if (!PrefixLiteralLimit(aggregate, value, acrossFlows, context, out var limit))
            {
                return RunTimeLimit(value, context);
            }

            if (limit is { } positive && (count is null || positive < count))
            {
                count = positive;
            }

            return null;
        }

        var min = RunTime(aggregate.MinMessages);
        var max = RunTime(aggregate.MaxMessages);
        return aggregation with { Count = count, RunTimeMin = min, RunTimeMax = max };
    }
}
