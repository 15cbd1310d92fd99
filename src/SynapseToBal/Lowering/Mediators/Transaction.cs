using System.Collections.Immutable;
using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

// Lowering of <transaction>: new … commit/rollback around dbreports that join it, in one block, becomes a Ballerina
// transaction block; any other use of the JTA boundary of the Micro Integrator is kept as a precise TODO (SB0229).
public sealed partial class Lowerer
{
    /// <summary>Set while the body of a translated transaction block is lowered: its dbreports join the Ballerina transaction.</summary>
    private bool _inTransactionBlock;

    /// <summary>
    /// The index of the <c>commit</c> or <c>rollback</c> that closes a <c>&lt;transaction action="new"/&gt;</c> at
    /// <paramref name="index"/> in the same list, when everything between them can run inside a Ballerina
    /// <c>transaction</c> block as it runs inside the JTA transaction: dbreports with <c>useTransaction="true"</c>
    /// (at least one, all on one Carbon data source <c>dsName</c>; their connection is bound to the transaction and
    /// neither committed nor closed by the mediator), logs and properties. Null otherwise: a call, a branch, a sequence, a dbreport or dblookup on its own
    /// auto-commit connection, a respond (a Ballerina transaction block cannot be left without its commit) or no
    /// closing mediator in the list keep the TODOs.
    /// </summary>
    private static int? TransactionBlockEnd(ImmutableArray<MediatorSyntax> mediators, int index)
    {
        if (mediators[index] is not TransactionMediator { Action: "new" })
        {
            return null;
        }

        string? dataSource = null;
        for (var next = index + 1; next < mediators.Length; next++)
        {
            switch (mediators[next])
            {
                case TransactionMediator { Action: "commit" or "rollback" }:
                    return dataSource is not null ? next : null;

                // TranscationManger.addConnection binds a connection of a Carbon data source (dsName) to the thread; an
                // inline pool's connection is not a PooledConnection, so the MI faults ("SQL Error while bind connection
                // to tx") and runs no statement. While a connection is bound, every dbreport of the thread runs on it,
                // whatever data source it names: only one data source keeps the meaning of a block per client.
                case DbReportMediator { UseTransaction: true, Pool.DataSourceName: { IsRegistryKey: false, Value: var name } }
                    when dataSource is null || dataSource == name:
                    dataSource = name;
                    break;
                case LogMediator or PropertyMediator:
                    break;
                default:
                    return null;
            }
        }

        return null;
    }

    /// <summary>
    /// new … commit (or rollback) as a Ballerina <c>transaction</c> block: the dbreports in it run through their JDBC
    /// clients, which take part in the transaction; <c>check commit;</c> or <c>rollback;</c> ends it. A failure inside
    /// rolls the transaction back before the fault handling runs (the Micro Integrator leaves that to the fault
    /// sequence's <c>&lt;transaction action="rollback"/&gt;</c>).
    /// </summary>
    private IEnumerable<StepIr> LowerTransactionBlock(ImmutableArray<MediatorSyntax> mediators, int index, int end, FlowContext context)
    {
        var close = (TransactionMediator)mediators[end];
        ImmutableArray<StepIr> body;
        _inTransactionBlock = true;
        try
        {
            body = LowerBlock(mediators[(index + 1)..end], context);
        }
        finally
        {
            _inTransactionBlock = false;
        }

        return [new TransactionStep(mediators[index], close, body, close.Action == "commit")];
    }

    /// <summary>
    /// Synapse's TransactionMediator drives the JTA UserTransaction bound to the thread: the boundary spans every
    /// mediator after it until a commit or rollback, so it has no mediator-by-mediator Ballerina form; each action
    /// stays a TODO that says what it does and how to write it.
    /// </summary>
    private IEnumerable<StepIr> LowerTransaction(TransactionMediator transaction, FlowContext context)
    {
        var action = transaction.Action ?? string.Empty;
        if (action is "suspend" or "resume")
        {
            // TransactionMediator.mediate knows only new, use-existing-or-new, fault-if-no-tx, commit and rollback:
            // any other action (suspend and resume pass the factory) ends in handleException, a fault.
            return
            [
                new CommentStep(transaction, $"<transaction action=\"{action}\">: the Micro Integrator's transaction mediator does not implement '{action}' and faults."),
                new FailStep(transaction, new StringLiteralIr("Invalid transaction mediator action : " + action)),
            ];
        }

        var what = action switch
        {
            "new" => "starts a JTA transaction (a fault if one is already active); open a Ballerina transaction block here that ends at the commit",
            "use-existing-or-new" => "joins the thread's JTA transaction, or starts one; open a Ballerina transaction block here unless the caller already runs in one",
            "fault-if-no-tx" => "faults when no JTA transaction is active; use transactional functions (`transactional` in Ballerina) or check `transactional` here",
            "commit" => "commits the JTA transaction (the data sources and JMS sessions enlisted in it); end the Ballerina transaction block here with `check commit;`",
            "rollback" => "rolls the JTA transaction back; in Ballerina a failure inside the transaction block rolls back (or call `rollback;`)",
            _ => $"'{action}' is not an action Synapse knows (new, use-existing-or-new, fault-if-no-tx, commit, rollback, suspend, resume); Synapse fails the message",
        };
        return [Todo(transaction, DiagnosticCatalog.TransactionNotTranslated, $"<transaction action=\"{action}\"> {what}", action, what)];
    }
}
