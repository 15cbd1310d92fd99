using System.Globalization;
using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Lowering;
using SynapseToBal.Syntax;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>A loadbalance with Synapse's WeightedRoundRobin: the members' loadbalance.weight properties become the client's rule weights.</summary>
public sealed class WeightedRoundRobinTests
{
    private const string Algorithm = "org.apache.synapse.endpoints.algorithms.WeightedRoundRobin";

    private static PackageIr Lower(string artifacts, out DiagnosticBag diagnostics)
    {
        diagnostics = new DiagnosticBag();
        var document = SynapseParser.ParseText("endpoints.xml", $"<definitions xmlns=\"http://ws.apache.org/ns/synapse\">{artifacts}</definitions>", diagnostics);
        Assert.NotNull(document);
        return Lowerer.Lower([document], diagnostics);
    }

    private static IEnumerable<string> Messages(DiagnosticBag diagnostics) =>
        diagnostics.Items.Select(d => d.GetMessage(CultureInfo.InvariantCulture));

    [Fact]
    public void Member_weights_are_read_in_order_with_1_for_a_member_without_one()
    {
        var package = Lower($"""
            <endpoint name="L"><loadbalance algorithm="{Algorithm}">
              <endpoint name="a"><address uri="http://a.example.com"/><property name="loadbalance.weight" value="3"/></endpoint>
              <endpoint name="b"><address uri="http://b.example.com"/></endpoint>
              <endpoint name="c"><address uri="http://c.example.com"/><property name="loadbalance.weight" value="2"/></endpoint>
            </loadbalance></endpoint>
            """, out var diagnostics);

        var group = Assert.Single(package.Clients).Group!;
        Assert.Equal(new[] { 3, 1, 2 }, group.Weights.ToArray());
        // The weights are applied: neither the algorithm nor the properties are reported.
        Assert.DoesNotContain(Messages(diagnostics), m => m.Contains("loadbalance.weight", StringComparison.Ordinal) || m.Contains("algorithm", StringComparison.Ordinal));
    }

    [Fact]
    public void A_member_without_a_weight_takes_the_group_endpoints_own_property()
    {
        // AbstractEndpoint.getProperty falls back to the parent endpoint's property.
        var package = Lower($"""
            <endpoint name="L"><loadbalance algorithm="{Algorithm}">
              <endpoint name="a"><address uri="http://a.example.com"/><property name="loadbalance.weight" value="1"/></endpoint>
              <endpoint name="b"><address uri="http://b.example.com"/></endpoint>
            </loadbalance><property name="loadbalance.weight" value="5"/></endpoint>
            """, out var diagnostics);

        Assert.Equal(new[] { 1, 5 }, Assert.Single(package.Clients).Group!.Weights.ToArray());
        Assert.DoesNotContain(Messages(diagnostics), m => m.Contains("loadbalance.weight", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_weight_1_is_plain_round_robin_without_a_rule()
    {
        var package = Lower($"""
            <endpoint name="L"><loadbalance algorithm="{Algorithm}">
              <endpoint name="a"><address uri="http://a.example.com"/></endpoint>
              <endpoint name="b"><address uri="http://b.example.com"/></endpoint>
            </loadbalance></endpoint>
            """, out var diagnostics);

        var client = Assert.Single(package.Clients);
        Assert.Empty(client.Group!.Weights);
        Assert.Contains(client.Notes, n => n.Contains("every member's weight 1", StringComparison.Ordinal));
        Assert.DoesNotContain(diagnostics.Items, d => d.Id == DiagnosticCatalog.AttributeNotTranslated.Id);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-2")]
    [InlineData(" 2")]
    [InlineData("two")]
    [InlineData("99999999999")]
    public void A_weight_synapse_refuses_keeps_round_robin_and_is_reported(string weight)
    {
        var package = Lower($"""
            <endpoint name="L"><loadbalance algorithm="{Algorithm}">
              <endpoint name="a"><address uri="http://a.example.com"/><property name="loadbalance.weight" value="{weight}"/></endpoint>
              <endpoint name="b"><address uri="http://b.example.com"/></endpoint>
            </loadbalance></endpoint>
            """, out var diagnostics);

        Assert.Empty(Assert.Single(package.Clients).Group!.Weights);
        Assert.Contains(Messages(diagnostics), m => m.Contains("WeightedRoundRobin needs a literal integer weight", StringComparison.Ordinal));
        Assert.Contains(Messages(diagnostics), m => m.Contains($"algorithm=\"{Algorithm}\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Weights_without_the_weighted_algorithm_are_only_endpoint_properties()
    {
        var package = Lower("""
            <endpoint name="L"><loadbalance>
              <endpoint name="a"><address uri="http://a.example.com"/><property name="loadbalance.weight" value="4"/></endpoint>
              <endpoint name="b"><address uri="http://b.example.com"/></endpoint>
            </loadbalance></endpoint>
            """, out var diagnostics);

        Assert.Empty(Assert.Single(package.Clients).Group!.Weights);
        Assert.Contains(Messages(diagnostics), m => m.Contains("property 'loadbalance.weight' is not translated", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("7", true, 7)]
    [InlineData("+7", true, 7)]
    [InlineData("-7", true, -7)]
    [InlineData("2147483647", true, int.MaxValue)]
    [InlineData("2147483648", false, 0)]
    [InlineData("", false, 0)]
    [InlineData("+", false, 0)]
    [InlineData("7 ", false, 0)]
    [InlineData("7.0", false, 0)]
    public void Weights_parse_as_java_integer_parse_int_does(string text, bool parses, int expected)
    {
        Assert.Equal(parses, Lowerer.TryParseJavaInt(text, out var value));
        Assert.Equal(expected, parses ? value : 0);
    }
}
