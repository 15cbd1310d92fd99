using System.Collections.Immutable;

namespace SynapseToBal.IR;

/// <summary>
/// A data service query run for a REST resource: the SQL around its placeholders (one more segment than
/// arguments), each argument read from the request, and the XML result the data service answers with (null for a
/// query with no result: the Micro Integrator answers 202 with no body). <see cref="GeneratedKeyColumn"/> is set for a
/// query with <c>returnGeneratedKeys</c>: the statement is run as an update and its result is the row of the key it
/// generated, under that column name (SQLQuery.writeOutGeneratedKeys). A <see cref="StoredProcedure"/> query is run as
/// a call (SQLQuery.processPreStoredProcQuery, a CallableStatement): its result is the rows of the first result set the
/// procedure returns, each with the values of its OUT and INOUT parameters under their names, or one row of those
/// values when it returns none; with <see cref="OutParamsOnly"/> (the result has as many outputs as the query has OUT
/// and INOUT parameters: SQLQuery.calculateResultOnlyOutParams) no result set is read and the row is those values.
/// </summary>
public sealed record DataServiceQueryStep(DbClientIr Client, ImmutableArray<string> SqlSegments, ImmutableArray<DataServiceArgumentIr> Arguments, DataServiceResultIr? Result, string? GeneratedKeyColumn = null, bool StoredProcedure = false, bool OutParamsOnly = false) : StepIr((Syntax.MediatorSyntax?)null);

/// <summary>The direction of a stored procedure's parameter (the query parameter's <c>type</c>, QueryTypes).</summary>
public enum DataServiceParamDirection
{
    /// <summary>IN: a value bound in its place.</summary>
    In,

    /// <summary>OUT: registered as its sqlType and read back after the call; no value is bound.</summary>
    Out,

    /// <summary>INOUT: a value bound in its place, registered as its sqlType and read back after the call.</summary>
    InOut,
}

/// <summary>
/// A query parameter: the request parameter it is read from, the JDBC type it binds as, its default value (taken for
/// a NULL value too with <see cref="ForceDefault"/>; with <see cref="NullFails"/> a NULL value fails the request, as
/// CallQuery.extractParams finds no parameter to read forceDefault from); an <see cref="IsArray"/> one (paramType
/// ARRAY) binds every value the request gives it, one placeholder each, as any parameter does. An
/// <see cref="Unmapped"/> one is given by no with-param: it is its default value, and without one the Micro
/// Integrator fails every request on it (Query.extractParams); its <see cref="RequestName"/> is its own name. A stored
/// procedure's OUT or INOUT parameter (<see cref="Direction"/>) is read back under <see cref="OutName"/> (the
/// parameter's name) as <see cref="OutSqlType"/> (the data service's sqlType, upper-cased: SQLQuery.getOutparameterValue);
/// an OUT one binds no value, an unmapped INOUT one without a default binds NULL (Query.extractParams does not
/// require it).
/// </summary>
public sealed record DataServiceArgumentIr(string RequestName, DbParameterType Type, string? DefaultValue, bool IsArray = false, bool ForceDefault = false, bool NullFails = false, bool Unmapped = false, DataServiceParamDirection Direction = DataServiceParamDirection.In, string? OutName = null, string? OutSqlType = null);

/// <summary>
/// The XML result: <c>&lt;Element xmlns=ns&gt;&lt;Row&gt;&lt;col&gt;..&lt;/col&gt;&lt;/Row&gt;*&lt;/Element&gt;</c> (no row element when
/// <see cref="RowName"/> is empty); <see cref="Outputs"/> are the entries of each row, in the result's namespace. With
/// <see cref="UseColumnNumbers"/> a row's columns are named by their position, <c>1</c>, <c>2</c>, ... (SQLQuery.getDataEntryFromRS).
/// </summary>
public sealed record DataServiceResultIr(string Element, string RowName, string Namespace, ImmutableArray<DataServiceEntryIr> Outputs, bool UseColumnNumbers = false);

/// <summary>One entry of a data service result row (QueryFactory.createOutputElementGroup): an output or an element group.</summary>
public abstract record DataServiceEntryIr
{
    private DataServiceEntryIr()
    {
    }

    /// <summary>
    /// One output: the column it takes and the element (or row or group attribute) it writes; an optional one is left
    /// out of a row that has no such column (StaticOutputElement.executeElement), where any other fails the request.
    /// </summary>
    public sealed record Output(string Column, string Name, bool IsAttribute, bool Optional = false) : DataServiceEntryIr;

    /// <summary>
    /// An element group (OutputElementGroup.executeElement): the element <see cref="Name"/> in <see cref="Namespace"/>,
    /// written for every row, with its attributes and then its outputs and groups in order, each in its namespace.
    /// </summary>
    public sealed record Group(string Name, string Namespace, ImmutableArray<DataServiceEntryIr> Entries) : DataServiceEntryIr;
}

/// <summary>
/// The SOAP operations of a data service, dispatched as the Micro Integrator's Axis2 dispatchers find the operation a
/// request names (SOAPAction, WS-Addressing Action, the URL's <c>/&lt;operation&gt;</c>, the body's first element), each
/// running its query and answering its result in the request's SOAP version (or as POX), 202 for an operation with
/// no result, or a fault for an operation the service does not have.
/// </summary>
public sealed record DataServiceDispatchStep(string Service, ImmutableArray<DataServiceOperationIr> Operations) : StepIr((Syntax.MediatorSyntax?)null);

/// <summary>One operation: its name, the query it runs, and whether an operation with no result answers <c>REQUEST_STATUS</c> (returnRequestStatus).</summary>
public sealed record DataServiceOperationIr(string Name, DataServiceQueryStep Query, bool ReturnRequestStatus);

/// <summary>
/// A <c>dataServiceCall</c> of a data service of the project, run in process as the Micro Integrator's
/// DataServiceCallMediator does (<see cref="Kind"/>): each entry's request element <c>&lt;operation xmlns="http://ws.wso2.org/dataservice"&gt;</c>
/// with one child per parameter (its text the parameter's value or its expression's string value, evaluated on the
/// message before any query runs: addRootOperation, addParams) read by the entry's query
/// (DataServiceRequest.getSingleInputValuesFromOM); a batch runs the first operation's query once per entry and a
/// request box each entry's query in order, both in one transaction (BatchDataServiceRequest, RequestBoxRequest); a
/// body source runs the entry the body's first element names (handleSourceTypeBody). The XML result is placed as
/// dispatchToService places it: into the property <see cref="TargetProperty"/> (evaluated after the queries: a
/// dynamic name), or appended to the SOAP body (null: the body target); an operation with no result empties the
/// message (a default envelope, content type application/xml), or gives <c>REQUEST_STATUS</c> with the entry's
/// returnRequestStatus (DataServiceProcessor.dispatch); a request box's result is the last entry's inside
/// <c>DATA_SERVICE_REQUEST_BOX_RESPONSE</c> (RequestBox.execute, DBUtils.wrapBoxCarringResponse).
/// </summary>
public sealed record DataServiceCallStep(Syntax.MediatorSyntax Origin, string Service, DataServiceCallKind Kind, ImmutableArray<DataServiceCallEntryIr> Entries, ImmutableArray<DataServiceCallMissIr> Untranslated, ExprIr? TargetProperty) : StepIr(Origin);

/// <summary>How a <see cref="DataServiceCallStep"/> runs its entries.</summary>
public enum DataServiceCallKind
{
    /// <summary><c>&lt;operations type="single"&gt;</c>: its one entry.</summary>
    Single,

    /// <summary><c>&lt;operations type="batch"&gt;</c>: the first operation's query once per entry, in one transaction.</summary>
    Batch,

    /// <summary><c>&lt;operations type="request-box"&gt;</c>: each entry in order, in one transaction, the last one's result.</summary>
    RequestBox,

    /// <summary><c>&lt;source type="body"/&gt;</c>: the entry the body's first element names, with the parameters its children give.</summary>
    Body,
}

/// <summary>
/// One operation a <see cref="DataServiceCallStep"/> runs: its name, its parameters (none for a body source, whose
/// request is the body's element), the query it runs and whether it answers <c>REQUEST_STATUS</c> when it has no result.
/// </summary>
public sealed record DataServiceCallEntryIr(string Operation, ImmutableArray<DataServiceCallParamIr> Params, DataServiceQueryStep Query, bool ReturnRequestStatus);

/// <summary>An operation of the data service a body source may name that is not translated, and why (the run-time error names it).</summary>
public sealed record DataServiceCallMissIr(string Operation, string Reason);

/// <summary>One parameter of a <see cref="DataServiceCallStep"/>: the element name and its string value.</summary>
public sealed record DataServiceCallParamIr(string Name, ExprIr Value);
