using SynapseToBal.Diagnostics;
using SynapseToBal.Lowering;
using SynapseToBal.Syntax;
using Xunit;
using static SynapseToBal.Tests.Unit.MediatorParsing;

namespace SynapseToBal.Tests.Unit;

/// <summary>An MI 4.4 foreach over a variable written with spaces inside <c>${ }</c>.</summary>
public sealed class ForEachSpacedVariableTests
{
    [Fact]
    public void A_foreach_over_a_variable_written_with_spaces_is_not_written_back()
    {
        // SynapsePathFactory hands SynapseExpression " vars.items " as written; ForEachMediatorV2.updateOriginalPayload
        // finds the variable by the text (startsWith "vars."), so update-original does not reach the variable.
        static string[] Reported(string attributes)
        {
            var diagnostics = new DiagnosticBag();
            var api = SynapseParser.ParseText("A.xml", $"""
                <api xmlns="{Synapse}" name="A" context="/a">
                <resource methods="POST"><inSequence><foreach {attributes}><sequence><log/></sequence></foreach><respond/></inSequence></resource>
                </api>
                """, diagnostics);
            Assert.NotNull(api);
            Lowerer.Lower([api], diagnostics);
            return [.. diagnostics.Items.Where(d => d.Id == "SB0220").Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture))];
        }

        Assert.Contains("has spaces inside", Assert.Single(Reported("""collection="${ vars.items }" parallel-execution="false" """)), StringComparison.Ordinal);
        Assert.Empty(Reported("""collection="${vars.items}" parallel-execution="false" """));

        // The items are the variable's either way: with the results going elsewhere, the spaces change nothing.
        Assert.Empty(Reported("""collection="${ vars.items }" parallel-execution="false" update-original="false" target-variable="out" result-content-type="JSON" """));
        Assert.Empty(Reported("""collection="${ vars.items }" parallel-execution="false" continue-without-aggregation="true" """));
    }
}
