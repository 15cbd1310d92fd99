using System.Collections.Immutable;

namespace SynapseToBal.Syntax;

/// <summary>A pool setting given as text (<c>&lt;url&gt;jdbc:...&lt;/url&gt;</c>) or as a registry key (<c>&lt;url key="..."/&gt;</c>).</summary>
public sealed record DbPoolValueSyntax(string Value, bool IsRegistryKey, SourceLocation Location);

/// <summary>
/// <c>&lt;connection&gt;&lt;pool&gt;</c>: a JNDI/carbon data source (<c>dsName</c>, optional <c>icClass</c> and JNDI url,
/// user, password) or a custom pool (driver, url, user, password) with pool properties.
/// </summary>
public sealed record DbPoolSyntax(
    SourceLocation Location,
    DbPoolValueSyntax? DataSourceName,
    DbPoolValueSyntax? InitialContextClass,
    DbPoolValueSyntax? Driver,
    DbPoolValueSyntax? Url,
    DbPoolValueSyntax? User,
    DbPoolValueSyntax? Password,
    ImmutableArray<NamedValueSyntax> Properties);

/// <summary>A statement <c>&lt;parameter (value | expression) type/&gt;</c>, bound to the next <c>?</c>.</summary>
public sealed record DbParameterSyntax(ValueSyntax? Value, string? Type, SourceLocation Location);

/// <summary>A statement <c>&lt;result name column/&gt;</c>: a column copied into a property.</summary>
public sealed record DbResultSyntax(string Name, string Column, SourceLocation Location);

/// <summary><c>&lt;statement&gt;&lt;sql/&gt;&lt;parameter/&gt;*&lt;result/&gt;*&lt;/statement&gt;</c>.</summary>
public sealed record DbStatementSyntax(
    string Sql,
    ImmutableArray<DbParameterSyntax> Parameters,
    ImmutableArray<DbResultSyntax> Results,
    SourceLocation Location);

/// <summary><c>&lt;dbreport useTransaction&gt;</c>: run statements that write to a database.</summary>
public sealed record DbReportMediator(
    SourceLocation Location,
    RawXmlText RawXml,
    bool UseTransaction,
    DbPoolSyntax? Pool,
    ImmutableArray<DbStatementSyntax> Statements) : MediatorSyntax(Location, RawXml)
{
    public override string ElementName => "dbreport";
}

/// <summary><c>&lt;dblookup&gt;</c>: run queries and copy the first row's columns into properties.</summary>
public sealed record DbLookupMediator(
    SourceLocation Location,
    RawXmlText RawXml,
    DbPoolSyntax? Pool,
    ImmutableArray<DbStatementSyntax> Statements) : MediatorSyntax(Location, RawXml)
{
    public override string ElementName => "dblookup";
}

/// <summary>A data service <c>&lt;param name type (value | expression) evaluator/&gt;</c>.</summary>
public sealed record DataServiceParamSyntax(string Name, string? Type, ValueSyntax? Value, string? Evaluator, SourceLocation Location);

/// <summary>A data service <c>&lt;operation name&gt;&lt;param/&gt;*&lt;/operation&gt;</c>.</summary>
public sealed record DataServiceOperationSyntax(string Name, ImmutableArray<DataServiceParamSyntax> Params, SourceLocation Location);

/// <summary><c>&lt;operations type="single|batch|request-box"&gt;</c>; request boxes nest further operation groups.</summary>
public sealed record DataServiceOperationsSyntax(
    string? Type,
    ImmutableArray<DataServiceOperationSyntax> Operations,
    ImmutableArray<DataServiceOperationsSyntax> Groups,
    SourceLocation Location);

/// <summary>
/// <c>&lt;dataServiceCall serviceName&gt;&lt;source type/&gt;&lt;operations/&gt;&lt;target type name/&gt;&lt;/dataServiceCall&gt;</c>.
/// </summary>
public sealed record DataServiceCallMediator(
    SourceLocation Location,
    RawXmlText RawXml,
    string? ServiceName,
    string? SourceType,
    DataServiceOperationsSyntax? Operations,
    string? TargetType,
    string? TargetName) : MediatorSyntax(Location, RawXml)
{
    public override string ElementName => "dataServiceCall";

    /// <summary>
    /// The expression of a target property name written <c>{expression}</c> (DataServiceCallMediatorFactory.isDynamicName:
    /// at least two characters, the first <c>{</c> and the last <c>}</c>), evaluated for each message; null for a static name.
    /// </summary>
    public ExpressionSyntax? TargetNameExpression { get; init; }
}

/// <summary>
/// <c>&lt;transaction action="new|use-existing-or-new|fault-if-no-tx|commit|rollback|suspend|resume"/&gt;</c>; an
/// action outside that set is reported and kept as written.
/// </summary>
public sealed record TransactionMediator(SourceLocation Location, RawXmlText RawXml, string? Action) : MediatorSyntax(Location, RawXml)
{
    public override string ElementName => "transaction";
}
