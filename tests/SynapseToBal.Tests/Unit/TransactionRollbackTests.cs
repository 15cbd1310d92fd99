using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// A transaction the flow rolls back is written with a commit in the other arm of a branch (Ballerina requires a
/// commit in every transaction block); the flag of each such block is a distinct local, as Ballerina forbids
/// redeclaring or shadowing one.
/// </summary>
public sealed class TransactionRollbackTests
{
    private const string Ns = "http://ws.apache.org/ns/synapse";

    private const string Report = """<dbreport useTransaction="true"><connection><pool><dsName>jdbc/Db</dsName></pool></connection><statement><sql>INSERT INTO T(id) values (1)</sql></statement></dbreport>""";

    [Fact]
    public void Two_rolled_back_transactions_in_one_flow_get_distinct_flags()
    {
        var files = ArtifactConversion.Convert(
            $"""<api xmlns="{Ns}" name="UndoApi" context="/undo"><resource methods="POST"><inSequence><transaction action="new"/>{Report}<transaction action="rollback"/><transaction action="new"/>{Report}<transaction action="rollback"/><respond/></inSequence></resource></api>""");
        var main = files["main.bal"].ReplaceLineEndings("\n");

        Assert.Contains("boolean rollbackOnly = true;", main);
        Assert.Contains("boolean rollbackOnly2 = true;", main);
        Assert.Contains("if rollbackOnly {\n", main);
        Assert.Contains("if rollbackOnly2 {\n", main);
        Assert.Equal(2, main.Split("check commit;").Length - 1);
        Assert.Equal(2, main.Split("rollback;").Length - 1);
    }
}
