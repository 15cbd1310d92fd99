using System.Text;
using SynapseToBal.IR;
using SynapseToBal.Refine;

namespace SynapseToBal.Emit;

internal sealed partial class StatementWriter
{
    /// <summary>The context a data service query reads its parameters from and writes its result to: the flow's, or a dataServiceCall's request.</summary>
    private string _dataServiceContext = "ctx";

    /// <summary>
    /// A data service query: its SQL's text parts and each parameter read from the request (<c>dataServiceParam</c>,
    /// bound as its sqlType, SQL NULL for a value the request leaves NULL), run by a runtime helper. A query with
    /// parameters is the runtime's <c>dataServiceQuery</c> of the text parts and values, as any parameter the request
    /// gives several values takes one placeholder per value (ExpressionQuery.createProcessedQuery); one without is a raw
    /// template, or the runtime's <c>SqlQuery</c> when the SQL holds what a raw template cannot hold as text (a MySQL
    /// backtick-quoted name, a <c>${</c>).
    /// </summary>
    private void DataServiceQuery(DataServiceQueryStep step)
    {
        if (step.StoredProcedure)
        {
            DataServiceCall(step);
            return;
        }

        var reads = step.Arguments.Select(a => DataServiceParam(a, _dataServiceContext)).ToList();
        var query = new StringBuilder();
        if (reads.Count > 0)
        {
            query.Append("dataServiceQuery([")
                .AppendJoin(", ", step.SqlSegments.Select(BallerinaSyntax.StringLiteral))
                .Append("], [")
                .AppendJoin(", ", reads)
                .Append("])");
        }
        else if (step.SqlSegments.Any(s => s.Contains('`', StringComparison.Ordinal) || s.Contains("${", StringComparison.Ordinal)))
        {
            query.Append("new SqlQuery([")
                .AppendJoin(", ", step.SqlSegments.Select(BallerinaSyntax.StringLiteral))
                .Append("], [])");
        }
        else
        {
            query.Append('`').Append(BallerinaSyntax.TemplateText(step.SqlSegments[0], keepLineBreaks: true)).Append('`');
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
            ? $"check dataServiceGeneratedKey({_dataServiceContext}, {client}, {query}, {BallerinaSyntax.StringLiteral(keyColumn)}, {shape});"
            : $"check dataServiceSelect({_dataServiceContext}, {client}, {query}, {shape}{(result.UseColumnNumbers ? ", useColumnNumbers = true" : string.Empty)});");
    }

    /// <summary>
    /// A data service query the Micro Integrator runs as a stored procedure call (SQLQuery.processPreStoredProcQuery):
    /// the runtime's <c>dataServiceCall</c> of the SQL's text parts and the parameters, an OUT one as
    /// <c>dataServiceOut(name, sqlType)</c> and an INOUT one as <c>dataServiceInOut(name, sqlType, value)</c>, run with
    /// <c>sql:call</c>; its result the rows of the first result set merged with the OUT values, or those values alone
    /// (processPostStoredProcQuery). A query with no result is <c>dataServiceCallUpdate</c>.
    /// </summary>
    private void DataServiceCall(DataServiceQueryStep step)
    {
        var arguments = string.Join(", ", step.Arguments.Select(argument => argument.Direction switch
        {
            DataServiceParamDirection.In => DataServiceParam(argument, _dataServiceContext),
            DataServiceParamDirection.Out => $"dataServiceOut({BallerinaSyntax.StringLiteral(argument.OutName!)}, {BallerinaSyntax.StringLiteral(argument.OutSqlType!)})",
            DataServiceParamDirection.InOut => $"check dataServiceInOut({BallerinaSyntax.StringLiteral(argument.OutName!)}, {BallerinaSyntax.StringLiteral(argument.OutSqlType!)}, {DataServiceParam(argument, _dataServiceContext)})",
            _ => throw new InvalidOperationException(argument.Direction.ToString()),
        }));
        var parts = "[" + string.Join(", ", step.SqlSegments.Select(BallerinaSyntax.StringLiteral)) + "]";
        var client = $"check {_expr.Names[step.Client.Name]}.jdbcClient()";
        if (step.Result is not { } result)
        {
            _out.Verbatim($"check dataServiceCallUpdate({client}, {parts}, [{arguments}]);");
            return;
        }

        var shape = $"{BallerinaSyntax.StringLiteral(result.Element)}, {BallerinaSyntax.StringLiteral(result.RowName)}, {BallerinaSyntax.StringLiteral(result.Namespace)}, {DataServiceEntries(result.Outputs)}";
        _out.Verbatim($"check dataServiceCall({_dataServiceContext}, {client}, {parts}, [{arguments}], {shape}"
            + (step.OutParamsOnly ? ", outParamsOnly = true" : string.Empty)
            + (result.UseColumnNumbers ? ", useColumnNumbers = true" : string.Empty) + ");");
    }

    /// <summary>
    /// The read of one query parameter: its request name, its sqlType (a string by default), its default value,
    /// forceDefault and nullFails; a parameter no with-param gives is its default value, and without one fails every
    /// request (Query.extractParams).
    /// </summary>
    private static string DataServiceParam(DataServiceArgumentIr argument, string context)
    {
        var type = BallerinaSyntax.StringLiteral(argument.Type.ToString().ToLowerInvariant());
        if (argument.Unmapped)
        {
            return argument.DefaultValue is { } value
                ? $"check dataServiceValue({BallerinaSyntax.StringLiteral(value)}, {type})"
                : argument.Direction == DataServiceParamDirection.InOut
                    ? $"check dataServiceValue((), {type})"
                    : $"check dataServiceUnmappedParam({BallerinaSyntax.StringLiteral(argument.RequestName)})";
        }

        var read = new StringBuilder($"check dataServiceParam({context}, ").Append(BallerinaSyntax.StringLiteral(argument.RequestName));
        if (argument.Type != DbParameterType.String)
        {
            read.Append(", ").Append(type);
        }

        if (argument.DefaultValue is { } fallback)
        {
            read.Append(", defaultValue = ").Append(BallerinaSyntax.StringLiteral(fallback));
        }

        if (argument.ForceDefault)
        {
            read.Append(", forceDefault = true");
        }

        if (argument.NullFails)
        {
            read.Append(", nullFails = true");
        }

        return read.Append(')').ToString();
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

    /// <summary>
    /// A dataServiceCall of an operation of the project's data service, run in process as DataServiceCallMediator does:
    /// a request context holding the operation element with one child per parameter (<c>dataServiceCallRequest</c>),
    /// the operation's query run on it, and its result placed by <c>dataServiceCallTarget</c> (a property, or the body).
    /// </summary>
    private void DataServiceCallOperation(DataServiceCallStep step)
    {
        var request = Local("dataServiceRequest");
        var parameters = string.Join(", ", step.Params.Select(p => $"[{BallerinaSyntax.StringLiteral(p.Name)}, {_expr.String(p.Value)}]"));
        _out.Line($"Context {request} = dataServiceCallRequest(ctx, {BallerinaSyntax.StringLiteral(step.Operation)}, [{parameters}]);");
        var saved = _dataServiceContext;
        _dataServiceContext = request;
        try
        {
            DataServiceQuery(step.Query);
        }
        finally
        {
            _dataServiceContext = saved;
        }

        var arguments = new List<string> { "ctx", step.Query.Result is not null ? request : "()" };
        if (step.Query.Result is null && step.ReturnRequestStatus)
        {
            arguments.Add("requestStatus = true");
        }

        if (step.TargetProperty is { } property)
        {
            arguments.Add($"property = {BallerinaSyntax.StringLiteral(property)}");
        }

        _out.Line($"check dataServiceCallTarget({string.Join(", ", arguments)});");
    }
}
