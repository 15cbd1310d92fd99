using SynapseToBal.IR;
using SynapseToBal.Refine;

namespace SynapseToBal.Emit;

internal sealed partial class StatementWriter
{
    /// <summary>The arguments of publishKafkaMessage: the connection's producer, the operation's parameters in order as [name, value] pairs, then whether the transport headers go along.</summary>
    private string KafkaPublishArguments(KafkaPublishStep publish)
    {
        var parameters = string.Join(", ", publish.Parameters.Select(p => $"[{BallerinaSyntax.StringLiteral(p.Name)}, {_expr.String(p.Value)}]"));
        var arguments = new List<string> { "ctx", _expr.Names[publish.Connection.Name], $"[{parameters}]" };
        if (publish.ForwardHeaders)
        {
            arguments.Add("forwardHeaders = true");
        }

        return string.Join(", ", arguments);
    }
}
