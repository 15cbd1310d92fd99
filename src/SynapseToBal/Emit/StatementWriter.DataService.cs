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
    /// A dataServiceCall of a data service of the project, run in process as DataServiceCallMediator does: each entry's
    /// request context holding the operation element with one child per parameter (<c>dataServiceCallRequest</c>, all
    /// built before any query runs, as addRootOperation builds the payload), the entries' queries run on them (a batch
    /// or a request box inside one <c>transaction</c> block, committed when all succeed and rolled back when one
    /// fails), and the result placed by <c>dataServiceCallTarget</c> (a property, or the body). A body source takes its
    /// request from the message (<c>dataServiceCallBodyRequest</c>) and runs the operation it names.
    /// </summary>
    private void DataServiceCallOperation(DataServiceCallStep step)
    {
        if (step.Kind == DataServiceCallKind.Body)
        {
            DataServiceCallBody(step);
            return;
        }

        var requests = step.Entries.Select(entry =>
        {
            var request = Local("dataServiceRequest");
            var parameters = string.Join(", ", entry.Params.Select(p => $"[{BallerinaSyntax.StringLiteral(p.Name)}, {_expr.String(p.Value)}]"));
            _out.Line($"Context {request} = dataServiceCallRequest(ctx, {BallerinaSyntax.StringLiteral(entry.Operation)}, [{parameters}]);");
            return request;
        }).ToList();
        var atomic = step.Kind != DataServiceCallKind.Single;
        if (atomic)
        {
            _out.Open("transaction {");
        }

        for (var i = 0; i < step.Entries.Length; i++)
        {
            DataServiceCallQuery(step.Entries[i], requests[i]);
        }

        if (atomic)
        {
            _out.Line("check commit;");
            _out.Close();
        }

        DataServiceCallTarget(step, step.Entries[^1], requests[^1]);
    }

    /// <summary>An entry's query, run on its request context.</summary>
    private void DataServiceCallQuery(DataServiceCallEntryIr entry, string request)
    {
        var saved = _dataServiceContext;
        _dataServiceContext = request;
        try
        {
            DataServiceQuery(entry.Query);
        }
        finally
        {
            _dataServiceContext = saved;
        }
    }

    /// <summary>The result of <paramref name="last"/> (the entry whose result the call gives) placed as the step's target says.</summary>
    private void DataServiceCallTarget(DataServiceCallStep step, DataServiceCallEntryIr last, string request)
    {
        var arguments = new List<string> { "ctx", last.Query.Result is not null ? request : "()" };
        if (last.Query.Result is null && last.ReturnRequestStatus && step.Kind != DataServiceCallKind.RequestBox)
        {
            arguments.Add("requestStatus = true");
        }

        if (step.Kind == DataServiceCallKind.RequestBox)
        {
            arguments.Add("requestBox = true");
        }

        if (step.TargetProperty is { } property)
        {
            arguments.Add($"property = {_expr.String(property)}");
        }

        _out.Line($"check dataServiceCallTarget({string.Join(", ", arguments)});");
    }

    /// <summary>
    /// A body source: the request is the body's first element (inside <c>jsonObject</c> for JSON), whose local name is
    /// the operation (DataServiceCallMediator.handleSourceTypeBody); each translated operation is one branch, and any
    /// other name fails the flow as the data service fails the request.
    /// </summary>
    private void DataServiceCallBody(DataServiceCallStep step)
    {
        var operation = Local("dataServiceOperation");
        var request = Local("dataServiceRequest");
        _out.Line($"[string, Context] [{operation}, {request}] = check dataServiceCallBodyRequest(ctx);");
        for (var i = 0; i < step.Entries.Length; i++)
        {
            var entry = step.Entries[i];
            var test = $"if {operation} == {BallerinaSyntax.StringLiteral(entry.Operation)} {{";
            if (i == 0)
            {
                _out.Open(test);
            }
            else
            {
                _out.Continue("} else " + test);
            }

            DataServiceCallQuery(entry, request);
            DataServiceCallTarget(step, entry, request);
        }

        var misses = string.Join(", ", step.Untranslated.Select(m => $"{BallerinaSyntax.StringLiteral(m.Operation)}: {BallerinaSyntax.StringLiteral(m.Reason)}"));
        _out.Continue("} else {");
        _out.Line($"fail dataServiceCallNoOperation({BallerinaSyntax.StringLiteral(step.Service)}, {operation}, {{{misses}}});");
        _out.Close();
    }
}
