using System.Collections.Immutable;

namespace SynapseToBal.Syntax;

/// <summary>An attribute of a data service element that has no field of its own: kept with its value for the lowering to judge.</summary>
public sealed record DataServiceAttributeSyntax(string Name, string Value);

/// <summary>
/// A WSO2 data service (<c>.dbs</c>): <c>&lt;data name [serviceNamespace]&gt;</c> with its <c>&lt;config&gt;</c>s,
/// <c>&lt;query&gt;</c>s, SOAP <c>&lt;operation&gt;</c>s and REST <c>&lt;resource&gt;</c>s. Not Synapse mediation: the
/// Micro Integrator's data services engine serves it at <c>/services/&lt;name&gt;</c>.
/// </summary>
public sealed record DataServiceSyntax(
    SourceLocation Location,
    RawXmlText RawXml,
    string Name,
    string? ServiceNamespace,
    ImmutableArray<DataServiceConfigSyntax> Configs,
    ImmutableArray<DataServiceQuerySyntax> Queries,
    ImmutableArray<DataServiceOperationDefSyntax> Operations,
    ImmutableArray<DataServiceResourceSyntax> Resources) : ArtifactSyntax(Location, RawXml, Name)
{
    public override string Kind => "Data service";

    public override string XmlName => "data";

    public string? Description { get; init; }

    /// <summary>Attributes of <c>&lt;data&gt;</c> other than name, serviceNamespace (transports, enableBatchRequests, ...).</summary>
    public ImmutableArray<DataServiceAttributeSyntax> OtherAttributes { get; init; } = [];
}

/// <summary>A <c>&lt;config id&gt;</c>: its <c>&lt;property name&gt;value&lt;/property&gt;</c>s (driverClassName, url, username, password, pool settings, ...).</summary>
public sealed record DataServiceConfigSyntax(string Id, ImmutableArray<NamedTextSyntax> Properties, SourceLocation Location, RawXmlText RawXml) : ISyntaxNode
{
    /// <summary>
    /// True when the config has no id, or a blank one: DBDeployer.convertConfigToMultipleDSFormat gives it the id
    /// <c>default</c> (DBConstants.DEFAULT_CONFIG_ID) before the service is read, and refuses a service with two such configs.
    /// </summary>
    public bool IdDefaulted { get; init; }

    public ImmutableArray<DataServiceAttributeSyntax> OtherAttributes { get; init; } = [];

    /// <summary>
    /// The secure vault alias (<c>svns:secretAlias</c>) of a property, by the property's name (its first occurrence among
    /// the top-level <see cref="Secrets"/>), over the <see cref="DataSourceAliases"/>: the Micro Integrator replaces the
    /// property's text by the alias's value when it deploys the service.
    /// </summary>
    public ImmutableDictionary<string, string> SecretAliases =>
        DataSourceAliases.SetItems(Secrets.Where(s => s.TopLevel).GroupBy(s => s.Name, StringComparer.Ordinal).Select(g => KeyValuePair.Create(g.Key, g.First().Alias)));

    /// <summary>
    /// The secure vault aliases of the data source artifact the config names (<c>carbon_datasource_name</c>), by element
    /// name, once its properties are read into the config's; a property of the config's own with an alias wins.
    /// </summary>
    public ImmutableDictionary<string, string> DataSourceAliases { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>
    /// Every element of the config with an <c>svns:secretAlias</c>, in document order: each property (a repeated one too)
    /// and each element nested in one (a <c>dataSourceProps</c> property's own properties, a
    /// <c>dynamicUserAuthMapping</c>'s user and password). DBDeployer.secureVaultResolve replaces the text of every such
    /// element of the <c>.dbs</c> by the alias's value.
    /// </summary>
    public ImmutableArray<DataServiceSecretSyntax> Secrets { get; init; } = [];

    public ImmutableArray<UnknownChildSyntax> Unknown { get; init; } = [];
}

/// <summary>An element of a data service config whose value is a secure vault alias's (<c>svns:secretAlias</c>).</summary>
/// <param name="Name">The property's name; for a nested element, the path of names to it (<c>dataSourceProps/password</c>).</param>
/// <param name="Alias">The alias.</param>
/// <param name="TopLevel">A property of the config itself (not nested in one).</param>
public sealed record DataServiceSecretSyntax(string Name, string Alias, bool TopLevel, SourceLocation Location);

/// <summary>A <c>&lt;query id useConfig&gt;</c> with its <c>&lt;sql&gt;</c>, <c>&lt;param&gt;</c>s and <c>&lt;result&gt;</c>.</summary>
public sealed record DataServiceQuerySyntax(
    string Id,
    string? UseConfig,
    ImmutableArray<DataServiceSqlSyntax> Sql,
    ImmutableArray<DataServiceQueryParamSyntax> Params,
    DataServiceResultSyntax? Result,
    SourceLocation Location,
    RawXmlText RawXml) : ISyntaxNode
{
    public ImmutableArray<DataServiceAttributeSyntax> OtherAttributes { get; init; } = [];

    /// <summary>Children other than sql, param, result, properties (expression, sparql, ...), kept whole.</summary>
    public ImmutableArray<UnknownChildSyntax> Unknown { get; init; } = [];

    /// <summary>
    /// The <c>&lt;property name&gt;</c>s of the query's <c>&lt;properties&gt;</c> (QueryFactory.extractAdvancedProps, read
    /// by SQLQuery.processAdvancedProps), in document order, each with its text as written (untrimmed; null for a
    /// property holding elements); null when the query has no <c>&lt;properties&gt;</c>.
    /// </summary>
    public ImmutableArray<NamedTextSyntax>? Properties { get; init; }
}

/// <summary>A <c>&lt;sql [dialect]&gt;</c> text.</summary>
public sealed record DataServiceSqlSyntax(string Text, string? Dialect, SourceLocation Location);

/// <summary>A query <c>&lt;param name sqlType [paramType] [type] [ordinal] [defaultValue] [optional]&gt;</c>.</summary>
public sealed record DataServiceQueryParamSyntax(
    string Name,
    string? SqlType,
    string? ParamType,
    string? Type,
    string? Ordinal,
    string? DefaultValue,
    string? Optional,
    SourceLocation Location)
{
    public ImmutableArray<DataServiceAttributeSyntax> OtherAttributes { get; init; } = [];

    /// <summary>Validators and any other child, kept whole.</summary>
    public ImmutableArray<UnknownChildSyntax> Unknown { get; init; } = [];
}

/// <summary>A <c>&lt;result element rowName defaultNamespace [outputType]&gt;</c> with its output <c>&lt;element&gt;</c>s and <c>&lt;attribute&gt;</c>s.</summary>
public sealed record DataServiceResultSyntax(
    string? Element,
    string? RowName,
    string? DefaultNamespace,
    string? OutputType,
    ImmutableArray<DataServiceOutputSyntax> Outputs,
    SourceLocation Location,
    RawXmlText RawXml)
{
    public ImmutableArray<DataServiceAttributeSyntax> OtherAttributes { get; init; } = [];

    /// <summary>Nested elements, call-queries and any other child, kept whole.</summary>
    public ImmutableArray<UnknownChildSyntax> Unknown { get; init; } = [];

    /// <summary>
    /// The element's own text (its text and CDATA children, joined as Axiom's OMElement.getText joins them): the JSON
    /// mapping of an <c>outputType="json"</c> result (QueryFactory.populateJSONResult).
    /// </summary>
    public string Text { get; init; } = string.Empty;
}

/// <summary>
/// An output <c>&lt;element column name [xsdType]/&gt;</c> or <c>&lt;attribute column name/&gt;</c> with no children, or an
/// element group (<see cref="IsGroup"/>): an <c>&lt;element name [namespace]&gt;</c> with none of column, query-param,
/// value and rdf-ref-uri (QueryFactory.isElementGroup), whose outputs and groups are <see cref="Children"/>.
/// </summary>
public sealed record DataServiceOutputSyntax(bool IsAttribute, string? Column, string Name, string? XsdType, SourceLocation Location)
{
    public ImmutableArray<DataServiceAttributeSyntax> OtherAttributes { get; init; } = [];

    /// <summary>Whether this is an element group (its <see cref="Column"/> is null).</summary>
    public bool IsGroup { get; init; }

    /// <summary>The outputs and groups of an element group, in document order.</summary>
    public ImmutableArray<DataServiceOutputSyntax> Children { get; init; } = [];

    /// <summary>Call-queries and any other child of an element group, kept whole.</summary>
    public ImmutableArray<UnknownChildSyntax> Unknown { get; init; } = [];
}

/// <summary>A <c>&lt;call-query href&gt;</c> with its <c>&lt;with-param name query-param&gt;</c>s.</summary>
public sealed record DataServiceCallQuerySyntax(string? Href, ImmutableArray<DataServiceWithParamSyntax> WithParams, SourceLocation Location)
{
    public ImmutableArray<DataServiceAttributeSyntax> OtherAttributes { get; init; } = [];

    public ImmutableArray<UnknownChildSyntax> Unknown { get; init; } = [];
}

/// <summary>A <c>&lt;with-param name query-param|column&gt;</c>: the query's parameter <c>name</c> takes the request's <c>query-param</c>.</summary>
public sealed record DataServiceWithParamSyntax(string Name, string? QueryParam, SourceLocation Location)
{
    public ImmutableArray<DataServiceAttributeSyntax> OtherAttributes { get; init; } = [];
}

/// <summary>A SOAP <c>&lt;operation name&gt;</c> calling a query.</summary>
public sealed record DataServiceOperationDefSyntax(string Name, DataServiceCallQuerySyntax? CallQuery, SourceLocation Location, RawXmlText RawXml) : ISyntaxNode
{
    public ImmutableArray<DataServiceAttributeSyntax> OtherAttributes { get; init; } = [];

    public ImmutableArray<UnknownChildSyntax> Unknown { get; init; } = [];
}

/// <summary>A REST <c>&lt;resource method path&gt;</c> calling a query; served at <c>/services/&lt;data name&gt;/&lt;path&gt;</c>.</summary>
public sealed record DataServiceResourceSyntax(string Method, string Path, DataServiceCallQuerySyntax? CallQuery, SourceLocation Location, RawXmlText RawXml) : ISyntaxNode
{
    public ImmutableArray<DataServiceAttributeSyntax> OtherAttributes { get; init; } = [];

    public ImmutableArray<UnknownChildSyntax> Unknown { get; init; } = [];
}

/// <summary>
/// An MI 4.x data-source artifact (<c>artifacts/data-sources/X.xml</c>, CApp type <c>datasource/datasource</c>, deployed by
/// DataSourceCappDeployer as a Carbon data source): <c>&lt;datasource&gt;&lt;name&gt;X&lt;/name&gt;&lt;definition
/// type="RDBMS"&gt;&lt;configuration&gt;...</c>. A data service names it with its config's <c>carbon_datasource_name</c>.
/// </summary>
/// <param name="Type">The definition's type (RDBMS, or a custom type); null when absent.</param>
/// <param name="Properties">The configuration's elements (driverClassName, url, username, password, pool settings), by element name.</param>
public sealed record DataSourceSyntax(SourceLocation Location, RawXmlText RawXml, string Name, string? Type, ImmutableArray<NamedTextSyntax> Properties) : ArtifactSyntax(Location, RawXml, Name)
{
    public override string Kind => "Data source";

    public override string XmlName => "datasource";

    /// <summary>
    /// The secure vault alias (<c>svns:secretAlias</c>) of a configuration element, by its name: the data source reader
    /// (DataSourceUtils.secureResolveDocument) replaces the element's text by the alias's value.
    /// </summary>
    public ImmutableDictionary<string, string> SecretAliases { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>
    /// The JNDI name the data source is published under (<c>&lt;jndiConfig&gt;&lt;name&gt;</c>; <c>jdbc/&lt;id&gt;</c> for a
    /// deployment.toml <c>[[datasource]]</c>): DataSourceRepository.registerJNDI binds it there, where a dblookup or
    /// dbreport <c>dsName</c> finds it (AbstractDBMediator.lookupDataSource, DataSourceFinder.find). Null when it has none.
    /// </summary>
    public string? JndiName { get; init; }

    /// <summary>Children of <c>&lt;datasource&gt;</c> other than name, description and definition (jndiConfig, ...), kept whole.</summary>
    public ImmutableArray<UnknownChildSyntax> Other { get; init; } = [];
}

/// <summary>
/// A data service's REST resource or SOAP operation as a unit of coverage: a data service has no mediators, and each
/// of its resources and operations is what becomes a resource (or a branch of its operations' dispatcher) running a
/// query, or a TODO carrying its XML. Counted with the weight of a dataServiceCall (Report/Weights.cs, Report/Coverage.cs).
/// </summary>
public sealed record DataServiceRequestUnit(string Element, SourceLocation Location, RawXmlText RawXml) : MediatorSyntax(Location, RawXml)
{
    /// <summary>The element name a data service's REST resource is reported under.</summary>
    public const string Resource = "resource (data service)";

    /// <summary>The element name a data service's SOAP operation is reported under.</summary>
    public const string Operation = "operation (data service)";

    public override string ElementName => Element;
}
