using System.Text;
using SynapseToBal.IR;
using SynapseToBal.Refine;

namespace SynapseToBal.Emit;

internal sealed partial class StatementWriter
{
    /// <summary>A data service query: a parameterized query whose arguments are read from the request, run by a runtime helper.</summary>
    private void DataServiceQuery(DataServiceQueryStep step)
    {
        var query = new StringBuilder("`");
        for (var i = 0; i < step.SqlSegments.Length; i++)
        {
            query.Append(BallerinaSyntax.TemplateText(step.SqlSegments[i], keepLineBreaks: true));
            if (i < step.Arguments.Length)
            {
                var argument = step.Arguments[i];
                var read = $"check dataServiceParam(ctx, {BallerinaSyntax.StringLiteral(argument.RequestName)}"
                    + (argument.DefaultValue is { } fallback ? $", {BallerinaSyntax.StringLiteral(fallback)})" : ")");
                query.Append("${").Append(DbBind(read, argument.Type)).Append('}');
            }
        }

        query.Append('`');
        var client = _expr.Names[step.Client.Name];
        if (step.Result is not { } result)
        {
            _out.Verbatim($"check dataServiceUpdate({client}, {query});");
            return;
        }

        var outputs = string.Join(", ", result.Outputs.Select(o =>
            $"{{column: {BallerinaSyntax.StringLiteral(o.Column)}, name: {BallerinaSyntax.StringLiteral(o.Name)}{(o.IsAttribute ? ", attribute: true" : string.Empty)}}}"));
        _out.Verbatim($"check dataServiceSelect(ctx, {client}, {query}, {BallerinaSyntax.StringLiteral(result.Element)}, {BallerinaSyntax.StringLiteral(result.RowName)}, {BallerinaSyntax.StringLiteral(result.Namespace)}, [{outputs}]);");
    }
}
