using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// A filter whose condition is a literal (<c>Refine/ConstantConditions.cs</c>): the branch it always takes replaces the
/// test, the other branch's mediators and, after a live branch that ends the flow, the mediators that follow stay as
/// dead-code comments with their XML (Ballerina rejects <c>if true { ... } else { ... }</c> as unreachable code).
/// </summary>
public sealed class ConstantConditionTests
{
    private const string Ns = "http://ws.apache.org/ns/synapse";

    [Fact]
    public void A_true_condition_runs_its_then_branch_and_comments_out_the_else_branch_and_what_follows()
    {
        var main = MainBal($"""<api xmlns="{Ns}" name="A" context="/a"><resource methods="GET" uri-template="/"><inSequence><filter xpath="true()"><then><respond/></then><else><log level="custom"><property name="never" value="else"/></log></else></filter><log level="custom"><property name="after" value="never"/></log><respond/></inSequence></resource></api>""");

        Assert.DoesNotContain("if true", main);
        Assert.DoesNotContain("if false", main);
        Assert.Contains("// <filter>: its condition is always true, so its then branch always runs and the other never does", main);
        Assert.Contains("// Not translated, never runs: the condition of the <filter> around it is always true:", main);
        Assert.Contains("<property name=\"never\" value=\"else\"/>", main);
        Assert.Contains("// Not translated, never runs: the <filter> above always takes a branch that ends the flow:", main);
        Assert.Contains("<property name=\"after\" value=\"never\"/>", main);
        Assert.DoesNotContain("return accepted();", main);
    }

    [Fact]
    public void A_false_condition_without_else_leaves_the_flow_going_on()
    {
        var main = MainBal($"""<api xmlns="{Ns}" name="A" context="/a"><resource methods="GET" uri-template="/"><inSequence><filter xpath="not(true())"><then><drop/></then></filter><log level="custom"><property name="live" value="yes"/></log><respond/></inSequence></resource></api>""");

        // The resource's own code (the service's catch-all for unmatched requests, after it, tests the method).
        var resource = main[..main.IndexOf("resource function 'default", StringComparison.Ordinal)];
        Assert.DoesNotContain("if !", resource);
        Assert.DoesNotContain("if false", main);
        Assert.Contains("// Not translated, never runs: the condition of the <filter> around it is always false:", main);
        Assert.Contains("// <drop/>", main);
        Assert.Contains("\"yes\"", main);
    }

    [Fact]
    public void A_condition_read_from_the_message_keeps_its_test()
    {
        var main = MainBal($"""<api xmlns="{Ns}" name="A" context="/a"><resource methods="GET" uri-template="/"><inSequence><filter source="$trp:X-Mode" regex="fast"><then><respond/></then></filter><drop/></inSequence></resource></api>""");

        Assert.Contains("if ", main);
        Assert.DoesNotContain("never runs", main);
    }

    private static string MainBal(string api) => ArtifactConversion.Convert([api])["main.bal"].ReplaceLineEndings("\n");
}
