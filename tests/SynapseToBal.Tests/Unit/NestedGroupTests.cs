using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Lowering;
using SynapseToBal.Syntax;
using Xunit;

namespace SynapseToBal.Tests.Unit;

public sealed class NestedGroupTests
{
    private static PackageIr Lower(string artifacts, out DiagnosticBag diagnostics)
    {
        diagnostics = new DiagnosticBag();
        var document = SynapseParser.ParseText("groups.xml", $"<definitions xmlns=\"http://ws.apache.org/ns/synapse\">{artifacts}</definitions>", diagnostics);
        Assert.NotNull(document);
        return Lowerer.Lower([document], diagnostics);
    }

    [Fact]
    public void A_failover_nested_in_a_failover_is_flattened_into_its_members_in_depth_first_order()
    {
        var package = Lower("""
            <endpoint name="Backup"><failover dynamic="false"><endpoint><address uri="http://c.example.com"/></endpoint><endpoint><address uri="http://d.example.com"/></endpoint></failover></endpoint>
            <endpoint name="All"><failover dynamic="false">
              <endpoint><failover><endpoint><address uri="http://a.example.com"/></endpoint><endpoint><address uri="http://b.example.com"/></endpoint></failover></endpoint>
              <endpoint key="Backup"/>
              <endpoint><address uri="http://e.example.com"/></endpoint>
            </failover></endpoint>
            """, out var diagnostics);

        var group = Assert.Single(package.Clients, c => c.SynapseName == "All");
        var urls = group.Group!.MemberUrls.Select(u => package.Configurables.Single(c => c.Name == u).DefaultValue).ToArray();
        // FailoverEndpoint: the inner group's members first, then the outer group's next member.
        Assert.Equal(new string?[] { "http://a.example.com", "http://b.example.com", "http://c.example.com", "http://d.example.com", "http://e.example.com" }, urls);
        Assert.Contains(group.Notes, n => n.StartsWith("The nested failover groups", StringComparison.Ordinal));
        Assert.DoesNotContain(diagnostics.Items, d => d.Id == "SB0226");
    }

    [Fact]
    public void A_loadbalance_nested_in_a_failover_stays_a_todo()
    {
        var package = Lower("""
            <endpoint name="F"><failover><endpoint><loadbalance><endpoint><address uri="http://a.example.com"/></endpoint><endpoint><address uri="http://b.example.com"/></endpoint></loadbalance></endpoint><endpoint><address uri="http://c.example.com"/></endpoint></failover></endpoint>
            """, out var diagnostics);

        Assert.DoesNotContain(package.Clients, c => c.SynapseName == "F");
        Assert.Single(diagnostics.Items, d => d.Id == "SB0226");
    }
}
