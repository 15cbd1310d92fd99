using System.Collections.Immutable;
using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Lowering;
using SynapseToBal.Syntax;
using Xunit;
using static SynapseToBal.Tests.Unit.MediatorParsing;

namespace SynapseToBal.Tests.Unit;

/// <summary>transaction new … commit/rollback around dbreports with useTransaction="true" (TransactionMediator, DBReportMediator).</summary>
public sealed class TransactionBlockLoweringTests
{
    private const string Report = """<dbreport useTransaction="true"><connection><pool><dsName>jdbc/DS</dsName></pool></connection><statement><sql>delete from t where id = 1</sql></statement></dbreport>""";
    private const string InlinePool = """<dbreport useTransaction="true"><connection><pool><driver>org.h2.Driver</driver><url>jdbc:h2:mem:t</url><user>sa</user><password>x</password></pool></connection><statement><sql>delete from t where id = 3</sql></statement></dbreport>""";
    private const string OtherDataSource = """<dbreport useTransaction="true"><connection><pool><dsName>jdbc/Other</dsName></pool></connection><statement><sql>delete from u where id = 4</sql></statement></dbreport>""";
    private const string OwnConnection = """<dbreport><connection><pool><dsName>jdbc/DS</dsName></pool></connection><statement><sql>delete from t where id = 2</sql></statement></dbreport>""";

    private static (ImmutableArray<StepIr> Body, DiagnosticBag Diagnostics) Lower(string inSequence)
    {
        var diagnostics = new DiagnosticBag();
        var xml = $"""<api xmlns="{Synapse}" name="A" context="/a"><resource methods="POST"><inSequence>{inSequence}<respond/></inSequence></resource></api>""";
        var document = SynapseParser.ParseText("A.xml", xml, diagnostics);
        Assert.NotNull(document);
        var package = Lowerer.Lower([document], diagnostics);
        return (package.Services.SelectMany(s => s.Resources).Single().Body, diagnostics);
    }

    [Theory]
    [InlineData("commit", true)]
    [InlineData("rollback", false)]
    public void New_to_commit_or_rollback_around_joining_dbreports_is_a_transaction_block(string end, bool commit)
    {
        var (body, diagnostics) = Lower($"""<transaction action="new"/><log level="custom"><property name="m" value="in"/></log>{Report}{Report}<transaction action="{end}"/>""");

        var transaction = Assert.Single(body.OfType<TransactionStep>());
        Assert.Equal(commit, transaction.Commit);
        Assert.Equal(2, transaction.Body.OfType<DbStep>().Count());
        Assert.Single(transaction.Body.OfType<LogStep>());
        // The closing mediator is the block's end, not a step of its own; the respond comes after the block.
        Assert.IsType<RespondStep>(body[body.IndexOf(transaction) + 1]);
        Assert.Empty(IrWalker.Steps(body).OfType<TodoStep>());
        Assert.DoesNotContain(diagnostics.Items, d => d.Id is "SB0229" or "SB0206");
    }

    [Theory]
    [InlineData($"""<transaction action="new"/>{Report}<call><endpoint><address uri="http://localhost:9000/a"/></endpoint></call><transaction action="commit"/>""")]
    [InlineData($"""<transaction action="new"/>{Report}{OwnConnection}<transaction action="commit"/>""")]
    [InlineData($"""<transaction action="new"/>{Report}""")]
    [InlineData($"""<transaction action="new"/><log/><transaction action="commit"/>""")]
    [InlineData($"""<transaction action="use-existing-or-new"/>{Report}<transaction action="commit"/>""")]

    // An inline pool's connection cannot be bound to the JTA transaction: the MI faults and runs no statement.
    [InlineData($"""<transaction action="new"/>{InlinePool}<transaction action="commit"/>""")]

    // While a connection is bound, every dbreport of the thread runs on it, whatever data source it names.
    [InlineData($"""<transaction action="new"/>{Report}{OtherDataSource}<transaction action="commit"/>""")]
    public void Any_other_shape_keeps_the_todos(string flow)
    {
        var (body, diagnostics) = Lower(flow);

        Assert.Empty(IrWalker.Steps(body).OfType<TransactionStep>());
        Assert.Contains(IrWalker.Steps(body).OfType<TodoStep>(), t => t.RawXml.Contains("<transaction", StringComparison.Ordinal));
        Assert.Contains(diagnostics.Items, d => d.Id == DiagnosticCatalog.TransactionNotTranslated.Id);
    }

    [Fact]
    public void A_joining_dbreport_outside_a_transaction_block_stays_a_todo()
    {
        var (body, diagnostics) = Lower(Report);

        Assert.Empty(body.OfType<DbStep>());
        Assert.Contains("useTransaction", Assert.Single(body.OfType<TodoStep>()).RawXml);
        Assert.Contains(diagnostics.Items, d => d.Id == DiagnosticCatalog.AttributeNotTranslated.Id);
    }
}
