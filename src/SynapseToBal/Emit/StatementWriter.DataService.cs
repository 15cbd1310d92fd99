using System.Text;
using SynapseToBal.IR;
using SynapseToBal.Refine;

namespace SynapseToBal.Emit;

internal sealed partial class StatementWriter
{
    /// <summary>
    /// A data service query: a parameterized query whose arguments are read from the request, run by a runtime helper.
    /// SQL a raw template cannot hold as text (a MySQL backtick-quoted name, a <c>${</c>) is written as the runtime's
    /// <c>SqlQuery</c> of the same text parts and arguments, as for dblookup/dbreport.
    /// </summary>
    private void DataServiceQuery(DataServiceQueryStep step)
    {
        var reads = step.Arguments.Select(argument => argument.IsArray
            ? $"check dataServiceArrayParam(ctx, {BallerinaSyntax.StringLiteral(argument.RequestName)}, {BallerinaSyntax.StringLiteral(argument.Type.ToString().ToLowerInvariant())})"
            : DbBind(
            $"check dataServiceParam(ctx, {BallerinaSyntax.StringLiteral(argument.RequestName)}"
            + (argument.DefaultValue is { } fallback ? $", {BallerinaSyntax.StringLiteral(fallback)})" : ")"), argument.Type)).ToList();
        var query = new StringBuilder();
        if (step.Arguments.Any(a => a.IsArray))
        {
            // An ARRAY parameter's placeholder becomes one per value (ExpressionQuery.createProcessedQuery): the query
            // is made when the values are known.
            query.Append("dataServiceArrayQuery([")
                .AppendJoin(", ", step.SqlSegments.Select(BallerinaSyntax.StringLiteral))
                .Append("], [")
                .AppendJoin(", ", reads)
                .Append("])");
        }
        else if (step.SqlSegments.Any(s => s.Contains('`', StringComparison.Ordinal) || s.Contains("${", StringComparison.Ordinal)))
        {
            query.Append("new SqlQuery([")
                .AppendJoin(", ", step.SqlSegments.Select(BallerinaSyntax.StringLiteral))
                .Append("], [")
                .AppendJoin(", ", reads)
                .Append("])");
        }
        else
        {
            query.Append('`');
            for (var i = 0; i < step.SqlSegments.Length; i++)
            {
                query.Append(BallerinaSyntax.TemplateText(step.SqlSegments[i], keepLineBreaks: true));
                if (i < reads.Count)
                {
                    query.Append("${").Append(reads[i]).Append('}');
                }
            }

            query.Append('`');
        }

        // The client is made on first use and again after a failure (DbConnection): a database that is down fails
        // only the operations that use it.
        var client = $"check {_expr.Names[step.Client.Name]}.jdbcClient()";
        if (step.Result is not { } result)
        {
            _out.Verbatim($"check dataServiceUpdate({client}, {query});");
            return;
        }

        var shape = $"{BallerinaSyntax.StringLiteral(result.Element)}, {BallerinaSyntax.StringLiteral(result.RowName)}, {BallerinaSyntax.StringLiteral(result.Namespace)}, {DataServiceEntries(result.Outputs)}";
        _out.Verbatim(step.GeneratedKeyColumn is { } keyColumn
            ? $"check dataServiceGeneratedKey(ctx, {client}, {query}, {BallerinaSyntax.StringLiteral(keyColumn)}, {shape});"
            : $"check dataServiceSelect(ctx, {client}, {query}, {shape});");
    }

    /// <summary>The runtime's <c>DataServiceEntry</c> list of a result's outputs and element groups.</summary>
    private static string DataServiceEntries(IEnumerable<DataServiceEntryIr> entries) =>
        "[" + string.Join(", ", entries.Select(entry => entry switch
        {
            DataServiceEntryIr.Output o => $"{{column: {BallerinaSyntax.StringLiteral(o.Column)}, name: {BallerinaSyntax.StringLiteral(o.Name)}{(o.IsAttribute ? ", attribute: true" : string.Empty)}{(o.Optional ? ", optional: true" : string.Empty)}}}",
            DataServiceEntryIr.Group g => $"{{elementGroup: {BallerinaSyntax.StringLiteral(g.Name)}, namespace: {BallerinaSyntax.StringLiteral(g.Namespace)}, entries: {DataServiceEntries(g.Entries)}}}",
            _ => throw new InvalidOperationException(entry.GetType().Name),
        })) + "]";

    /// <summary>
    /// The SOAP operations of a data service: the operation the request names (<c>dataServiceOperation</c>), its query
    /// run and its answer written (<c>dataServiceReply</c>: the result in the request's SOAP envelope or as POX; 202 for
    /// no result; <c>REQUEST_STATUS</c> when asked), a failure answered as the data service's fault, and the fault of
    /// an operation the service does not have.
    /// </summary>
    private void DataServiceDispatch(DataServiceDispatchStep step)
    {
        var operation = Local("operation");
        var reply = Local("replyType");
        var failure = Local("failure");
        var names = string.Join(", ", step.Operations.Select(o => BallerinaSyntax.StringLiteral(o.Name)));
        _out.Line($"string {operation} = dataServiceOperation(ctx, [{names}]);");
        _out.Line($"string {reply} = dataServiceReplyType(ctx);");
        _out.Open("do {");
        for (var i = 0; i < step.Operations.Length; i++)
        {
            var op = step.Operations[i];
            var test = $"if {operation} == {BallerinaSyntax.StringLiteral(op.Name)} {{";
            if (i == 0)
            {
                _out.Open(test);
            }
            else
            {
                _out.Continue("} else " + test);
            }

            DataServiceQuery(op.Query);
            _out.Line(op.Query.Result is not null ? $"return dataServiceReply(ctx, {reply});"
                : op.ReturnRequestStatus ? $"return dataServiceRequestStatus(ctx, {reply});"
                : "return accepted();");
        }

        _out.Close();
        _out.Continue($"}} on fail error {failure} {{");
        _out.Line($"return dataServiceFault(ctx, {reply}, {failure});");
        _out.Close();
        _out.Line($"return dataServiceNoOperation(ctx, {reply});");
    }
}
