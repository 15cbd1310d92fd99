using System.Collections.Immutable;
using System.Globalization;
using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

// A load-balance group with Synapse's WeightedRoundRobin algorithm: the members' `loadbalance.weight` properties
// become the weights of the group's EndpointGroup (runtime), which picks the members as the algorithm does.
// WeightedRoundRobin.init reads each child endpoint's property (Integer.parseInt of its value; AbstractEndpoint.getProperty
// falls back to the group endpoint's own property of that name, and the weight is 1 when neither has one) and refuses a
// weight below 1; getNextEndpoint gives each member in turn as many consecutive messages as
// its weight, starting with the first member.
public sealed partial class Lowerer
{
    private const string WeightedRoundRobinAlgorithm = "org.apache.synapse.endpoints.algorithms.WeightedRoundRobin";

    /// <summary>The member property WeightedRoundRobin reads.</summary>
    internal const string LoadbalanceWeightProperty = "loadbalance.weight";

    /// <summary>Member properties a group applies itself (the weights), which the member's client settings do not report again.</summary>
    private readonly HashSet<EndpointPropertySyntax> _groupAppliedProperties = new(ReferenceEqualityComparer.Instance);

    /// <summary>Whether the loadbalance names Synapse's WeightedRoundRobin algorithm.</summary>
    private static bool IsWeightedRoundRobin(EndpointDefinitionSyntax? definition) =>
        definition is LoadbalanceEndpointSyntax { Algorithm: { } algorithm } && algorithm.Trim() == WeightedRoundRobinAlgorithm;

    /// <summary>
    /// The weight of each child of a WeightedRoundRobin group, in order, and the properties they come from (marked as
    /// applied); null, with SB0206, when a weight is not one Synapse accepts (the group then uses round robin).
    /// </summary>
    private ImmutableArray<int>? GroupWeights(EndpointSyntax group, ImmutableArray<EndpointSyntax> children)
    {
        var groupWeight = group.Properties.LastOrDefault(p => p.Name == LoadbalanceWeightProperty);
        var weights = ImmutableArray.CreateBuilder<int>(children.Length);
        var applied = new List<EndpointPropertySyntax>();
        foreach (var child in children)
        {
            // WeightedRoundRobin.init takes the property of the child as written (for <endpoint key="x"/>, the
            // reference's own property, not the referenced endpoint's); the last of a repeated name wins, as in the map Synapse keeps.
            var property = child.Properties.LastOrDefault(p => p.Name == LoadbalanceWeightProperty) ?? groupWeight;
            if (property is null)
            {
                weights.Add(1);
                continue;
            }

            if (property.Value is not ValueSyntax.Literal literal || !TryParseJavaInt(literal.Text, out var weight) || weight <= 0)
            {
                var shown = property.Value is ValueSyntax.Literal text ? $"'{text.Text}'" : "computed";
                _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, property.Location, "loadbalance", $"property '{LoadbalanceWeightProperty}' ({shown})",
                    "WeightedRoundRobin needs a literal integer weight of at least 1 (Synapse does not deploy the endpoint otherwise); the client uses round robin");
                return null;
            }

            weights.Add(weight);
            applied.Add(property);
        }

        foreach (var property in applied)
        {
            _groupAppliedProperties.Add(property);
        }

        return weights.MoveToImmutable();
    }

    /// <summary>Java's Integer.parseInt for ASCII text: an optional sign and decimal digits, within the int range.</summary>
    internal static bool TryParseJavaInt(string text, out int value)
    {
        value = 0;
        var digits = text.StartsWith('+') || text.StartsWith('-') ? text[1..] : text;
        return digits.Length > 0 && digits.All(char.IsAsciiDigit)
            && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>The client note of a WeightedRoundRobin group.</summary>
    private static string WeightedRoundRobinNote(ImmutableArray<int> weights, bool retryNextMember) =>
        $"Synapse's WeightedRoundRobin: each member in turn gets as many consecutive calls as its {LoadbalanceWeightProperty} ({string.Join(", ", weights.Select(w => w.ToString(CultureInfo.InvariantCulture)))}), as the group's EndpointGroup does."
        + (retryNextMember
            ? " A failed call goes to the member the weights name next, the same member while its weight lasts, as in Synapse."
            : " failover=\"false\": a call that fails is not sent to another member.")
        + $" The {LoadbalanceWeightProperty} property is not set on the message, as Synapse's endpoint properties are.";
}
