using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

// Lowering of <transaction>: a JTA boundary of the Micro Integrator, kept as a precise TODO (SB0229).
public sealed partial class Lowerer
{
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
