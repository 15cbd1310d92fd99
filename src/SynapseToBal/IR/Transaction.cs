using System.Collections.Immutable;
using SynapseToBal.Syntax;

namespace SynapseToBal.IR;

/// <summary>
/// <c>&lt;transaction action="new"/&gt;</c> … <c>&lt;transaction action="commit|rollback"/&gt;</c> in one block around
/// dbreport statements that join the transaction (<c>useTransaction="true"</c>): a Ballerina <c>transaction</c>
/// block whose JDBC calls take part in it, ended by <c>check commit;</c> or <c>rollback;</c>. A failure inside
/// rolls it back and goes on to the fault handling.
/// </summary>
/// <param name="End">The transaction mediator that ends the block (commit or rollback).</param>
public sealed record TransactionStep(MediatorSyntax Origin, MediatorSyntax End, ImmutableArray<StepIr> Body, bool Commit) : StepIr(Origin);
