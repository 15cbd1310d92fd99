using System.Collections.Immutable;
using System.Xml.Linq;

namespace SynapseToBal.Syntax;

/// <summary>The parser of a WSO2 data service (<c>.dbs</c>): <c>&lt;data&gt;</c> with configs, queries, operations and resources.</summary>
public sealed partial class SynapseParser
{
    /// <summary>
    /// True for a data service root: <c>&lt;data name&gt;</c> whose children include a config, query, operation or
    /// resource (a plain <c>&lt;data&gt;</c> payload sample is not one), in no namespace or in the data service namespace
    /// (<c>&lt;data xmlns="http://ws.wso2.org/dataservice"&gt;</c>, its children in it too), which the Micro Integrator
    /// deploys as well: DataServiceFactory reads the root's attributes whatever its namespace and finds the children it
    /// looks up with getChildrenWithName by their local name (<see cref="DataServiceChildName"/>).
    /// </summary>
    public static bool IsDataServiceRoot(XElement root) =>
        root.Name.LocalName == "data" && (root.Name.Namespace == XNamespace.None || root.Name.Namespace == DataServiceNamespace) && root.Attribute("name") is not null
        && root.Elements().Any(e => e.Name.Namespace == root.Name.Namespace && e.Name.LocalName is "config" or "query" or "operation" or "resource");

    /// <summary>
    /// True for a <c>.dbs</c> file whose root is <c>&lt;data name&gt;</c> (in no namespace or the data service namespace)
    /// with no config, query, operation or resource: DataServiceFactory.createDataService builds it with none, and
    /// DBDeployer deploys it as a service no request can call (SB0013). A <c>&lt;data&gt;</c> root in any other file
    /// (a payload sample) is no data service.
    /// </summary>
    internal static bool IsEmptyDataService(XElement root, string path) =>
        path.EndsWith(".dbs", StringComparison.OrdinalIgnoreCase)
        && root.Name.LocalName == "data" && (root.Name.Namespace == XNamespace.None || root.Name.Namespace == DataServiceNamespace)
        && root.Attribute("name") is { Value.Length: > 0 } && !IsDataServiceRoot(root);

    /// <summary>The namespace data service files declare for their elements (DBConstants.WSO2_DS_NAMESPACE).</summary>
    private static readonly XNamespace DataServiceNamespace = "http://ws.wso2.org/dataservice";

    /// <summary>
    /// The children the Micro Integrator's data service factories find with <c>getChildrenWithName(new QName(name))</c>
    /// (DataServiceFactory, ConfigFactory/DBUtils.extractProperties, QueryFactory, OperationFactory, ResourceFactory,
    /// CallQueryFactory), by their parent's local name. Axiom 1.2.11 (OMElementImpl.getChildrenWithName) falls back to
    /// the local name alone when no child in no namespace has that name (OMChildrenLegacyQNameIterator), so these are
    /// found in a namespaced data service. Every other child is read with <c>getFirstChildWithName</c> (a data service's,
    /// operation's or resource's description, a query's result and properties, a parameter's validators), which
    /// matches the qualified name exactly: in a namespace, the Micro Integrator does not see it.
    /// </summary>
    private static readonly HashSet<(string Parent, string Child)> ChildrenFoundByLocalName =
    [
        ("data", "config"), ("data", "query"), ("data", "operation"), ("data", "resource"), ("data", "event-trigger"),
        ("config", "property"), ("property", "property"), ("properties", "property"), ("query", "sql"), ("query", "param"),
        ("operation", "call-query"), ("resource", "call-query"), ("call-query", "with-param"),
    ];

    /// <summary>The namespace of a data service written in one (its root's), or null for one in no namespace.</summary>
    private XNamespace? _dataServiceNamespace;

    /// <summary>
    /// The name a data service's child is read by: its local name when the Micro Integrator finds it, in no namespace or
    /// (for the children it looks up with getChildrenWithName, when no sibling in no namespace has that name) in the
    /// data service's namespace; otherwise its qualified name, which no case of the parser takes.
    /// </summary>
    private string DataServiceChildName(XElement child)
    {
        if (_dataServiceNamespace is null || child.Name.Namespace == XNamespace.None)
        {
            return LocalName(child);
        }

        var local = child.Name.LocalName;
        return child.Parent is { } parent && ChildrenFoundByLocalName.Contains((parent.Name.LocalName, local)) && !parent.Elements(local).Any()
            ? local
            : LocalName(child);
    }

    /// <summary>
    /// A child no case of the data service parser takes: in a namespaced data service, one the Micro Integrator does not
    /// see because of its namespace (<see cref="DataServiceChildName"/>) is reported as ignored (SB0113) and kept out
    /// of the conversion, as the deployed service lacks it; any other is an unknown child, as in a data service in no namespace.
    /// </summary>
    private void DataServiceUnknownChild(XElement child, string context, ImmutableArray<UnknownChildSyntax>.Builder unknown)
    {
        if (_dataServiceNamespace is not null && child.Name.Namespace != XNamespace.None && DataServiceChildName(child) != child.Name.LocalName)
        {
            ClaimWhole(child);
            _diagnostics.Report(Diagnostics.DiagnosticCatalog.DataServiceChildIgnoredByNamespace, Loc(child), child.Name.LocalName, context, child.Name.NamespaceName);
            return;
        }

        UnknownChild(child, context, unknown);
    }

    /// <summary>For a data service element that has no children of its own: every child is unknown or, namespaced, ignored.</summary>
    private void DataServiceUnknownChildren(XElement element, string context, ImmutableArray<UnknownChildSyntax>.Builder unknown)
    {
        Claim(element);
        foreach (var child in element.Elements())
        {
            DataServiceUnknownChild(child, context, unknown);
        }
    }

    /// <summary>The children of a data service element that are read by the given name; any other is unknown or ignored.</summary>
    private IEnumerable<XElement> DataServiceItems(XElement wrapper, string name, string context, ImmutableArray<UnknownChildSyntax>.Builder unknown)
    {
        foreach (var child in wrapper.Elements())
        {
            if (DataServiceChildName(child) == name)
            {
                yield return child;
            }
            else
            {
                DataServiceUnknownChild(child, context, unknown);
            }
        }
    }

    /// <summary>An MI data-source artifact: a <c>&lt;datasource&gt;</c> in no namespace with a <c>&lt;name&gt;</c> and a <c>&lt;definition&gt;</c>.</summary>
    public static bool IsDataSourceRoot(XElement root) =>
        root.Name.LocalName == "datasource" && root.Name.NamespaceName.Length == 0
        && root.Elements().Any(e => e.Name.LocalName == "name") && root.Elements().Any(e => e.Name.LocalName == "definition");

    /// <summary>
    /// A Carbon data sources file: EI 6.x <c>conf/datasources/master-datasources.xml</c> and the other
    /// <c>*-datasources.xml</c> there, which DataSourceManager.initSystemDataSources reads as a
    /// SystemDataSourcesConfiguration (<c>&lt;datasources-configuration&gt;</c> in no namespace).
    /// </summary>
    public static bool IsDataSourcesRoot(XElement root) =>
        root.Name.LocalName == "datasources-configuration" && root.Name.NamespaceName.Length == 0;

    /// <summary>
    /// The data sources of a data sources file (SystemDataSourcesConfiguration: <c>&lt;providers&gt;&lt;provider&gt;</c>
    /// reader classes and <c>&lt;datasources&gt;&lt;datasource&gt;</c> meta infos), each read as an MI 4.x data-source
    /// artifact is, so a data service's <c>carbon_datasource_name</c> finds it (DataSourceRepository holds both kinds
    /// under their names). What is in another form is reported (SB0112) and not read.
    /// </summary>
    private IEnumerable<DataSourceSyntax> ParseDataSources(XElement root)
    {
        Claim(root);
        var sources = new List<DataSourceSyntax>();
        foreach (var child in root.Elements())
        {
            switch (LocalName(child))
            {
                case "providers":
                    // The data source readers (RDBMSDataSourceReader is built in); a data source of another reader's
                    // type is not RDBMS, which the data service naming it reports.
                    ClaimAll(child);
                    break;
                case "datasources":
                    Claim(child);
                    foreach (var source in child.Elements())
                    {
                        if (LocalName(source) == "datasource" && IsDataSourceRoot(source))
                        {
                            sources.Add(ParseDataSource(source));
                            continue;
                        }

                        ClaimWhole(source);
                        _diagnostics.Report(Diagnostics.DiagnosticCatalog.DataSourcesFormNotRead, Loc(source), source.Name.LocalName,
                            LocalName(source) == "datasource"
                                ? "a data source needs a <name> and a <definition> (DataSourceMetaInfo); the Micro Integrator does not add one without a name"
                                : "<datasources> holds <datasource> elements only; the Micro Integrator's reader ignores anything else");
                    }

                    break;
                default:
                    ClaimWhole(child);
                    _diagnostics.Report(Diagnostics.DiagnosticCatalog.DataSourcesFormNotRead, Loc(child), child.Name.LocalName,
                        "<datasources-configuration> holds <providers> and <datasources> only; the Micro Integrator's reader ignores anything else");
                    break;
            }
        }

        return sources;
    }

    /// <summary>
    /// A data source (DataSourceCappDeployer, read by the Carbon data source reader): its name, its definition's type and
    /// the elements of the definition's configuration; jndiConfig and anything else are kept whole for the lowering to report.
    /// </summary>
    private DataSourceSyntax ParseDataSource(XElement element)
    {
        Claim(element);
        string? name = null;
        string? type = null;
        string? jndiName = null;
        var properties = ImmutableArray.CreateBuilder<NamedTextSyntax>();
        var aliases = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        var other = ImmutableArray.CreateBuilder<UnknownChildSyntax>();
        foreach (var child in element.Elements())
        {
            switch (LocalName(child))
            {
                case "name" when name is null:
                    Claim(child);
                    name = TextOf(child);
                    break;
                case "description":
                    Claim(child);
                    break;
                case "definition":
                    Claim(child);
                    type = Attr(child, "type");
                    foreach (var configuration in child.Elements())
                    {
                        if (LocalName(configuration) != "configuration")
                        {
                            other.Add(new UnknownChildSyntax(configuration.Name.LocalName, ClaimRaw(configuration), Loc(configuration)));
                            continue;
                        }

                        Claim(configuration);
                        foreach (var property in configuration.Elements())
                        {
                            // A nested element (dataSourceProps) is claimed whole: its text is no value of its own.
                            var nested = property.HasElements;
                            var raw = ClaimRaw(property);
                            properties.Add(new NamedTextSyntax(property.Name.LocalName, nested ? null : TextOf(property), Loc(property)));
                            if (property.Attribute(SecureVaultNamespace + "secretAlias") is { } alias)
                            {
                                aliases.TryAdd(property.Name.LocalName, alias.Value);
                            }

                            if (nested)
                            {
                                other.Add(new UnknownChildSyntax(property.Name.LocalName, raw, Loc(property)));
                            }
                        }
                    }

                    break;
                default:
                    if (LocalName(child) == "jndiConfig" && jndiName is null)
                    {
                        jndiName = child.Elements().FirstOrDefault(e => e.Name.LocalName == "name")?.Value.Trim() is { Length: > 0 } jndi ? jndi : null;
                    }

                    other.Add(new UnknownChildSyntax(child.Name.LocalName, ClaimRaw(child), Loc(child)));
                    break;
            }
        }

        if (name is null)
        {
            _diagnostics.Report(Diagnostics.DiagnosticCatalog.MissingAttribute, Loc(element), "datasource", "name");
        }

        return new DataSourceSyntax(Loc(element), _source.RawXml(element), name ?? string.Empty, type, properties.ToImmutable())
        {
            SecretAliases = aliases.ToImmutable(),
            Other = other.ToImmutable(),
            JndiName = jndiName,
        };
    }

    private DataServiceSyntax ParseDataService(XElement element)
    {
        _dataServiceNamespace = element.Name.Namespace == XNamespace.None ? null : element.Name.Namespace;
        var location = Loc(element);
        var configs = ImmutableArray.CreateBuilder<DataServiceConfigSyntax>();
        var queries = ImmutableArray.CreateBuilder<DataServiceQuerySyntax>();
        var operations = ImmutableArray.CreateBuilder<DataServiceOperationDefSyntax>();
        var resources = ImmutableArray.CreateBuilder<DataServiceResourceSyntax>();
        var unknown = ImmutableArray.CreateBuilder<UnknownChildSyntax>();
        string? description = null;
        foreach (var child in element.Elements())
        {
            switch (DataServiceChildName(child))
            {
                case "config":
                    configs.Add(ParseDataServiceConfig(child));
                    break;
                case "query":
                    queries.Add(ParseDataServiceQuery(child));
                    break;
                case "operation":
                {
                    var (call, childUnknown) = ParseCallQueryHolder(child, "operation");
                    operations.Add(new DataServiceOperationDefSyntax(Attr(child, "name") ?? Missing(child, "name", string.Empty), call, Loc(child), _source.RawXml(child))
                    {
                        OtherAttributes = OtherAttributes(child, "name"),
                        Unknown = childUnknown,
                    });
                    break;
                }

                case "resource":
                {
                    var (call, childUnknown) = ParseCallQueryHolder(child, "resource");
                    resources.Add(new DataServiceResourceSyntax(Attr(child, "method") ?? Missing(child, "method", "GET"), Attr(child, "path") ?? Missing(child, "path", string.Empty), call, Loc(child), _source.RawXml(child))
                    {
                        OtherAttributes = OtherAttributes(child, "method", "path"),
                        Unknown = childUnknown,
                    });
                    break;
                }

                case "description" when description is null:
                    Claim(child);
                    description = TextOf(child);
                    break;
                case "property":
                    // DataServiceFactory.createDataService reads no <property> of <data> (the MI's editors write one,
                    // defaultStorageType): the service runs as if it were not there.
                    Claim(child);
                    _diagnostics.Report(Diagnostics.DiagnosticCatalog.IgnoredByMicroIntegrator, Loc(child), $"<property{(Attr(child, "name") is { } propertyName ? $" name=\"{propertyName}\"" : string.Empty)}>", "data", "DataServiceFactory.createDataService reads no <property> of <data>");
                    break;
                default:
                    DataServiceUnknownChild(child, "data", unknown);
                    break;
            }
        }

        return new DataServiceSyntax(location, _source.RawXml(element), RequireName(element, "name"), Attr(element, "serviceNamespace"),
            configs.ToImmutable(), queries.ToImmutable(), operations.ToImmutable(), resources.ToImmutable())
        {
            Description = description,
            OtherAttributes = OtherAttributes(element, "name", "serviceNamespace"),
            Unknown = unknown.ToImmutable(),
        };
    }

    /// <summary>The secure vault namespace of <c>svns:secretAlias</c> (DataSourceConstants.SECURE_VAULT_NS).</summary>
    private static readonly XNamespace SecureVaultNamespace = "http://org.wso2.securevault/configuration";

    private DataServiceConfigSyntax ParseDataServiceConfig(XElement element)
    {
        var location = Loc(element);
        var properties = ImmutableArray.CreateBuilder<NamedTextSyntax>();
        var secrets = ImmutableArray.CreateBuilder<DataServiceSecretSyntax>();
        var unknown = ImmutableArray.CreateBuilder<UnknownChildSyntax>();
        foreach (var property in DataServiceItems(element, "property", "config", unknown))
        {
            var propertyLocation = Loc(property);
            if (IgnoredConfigProperty(property) is { } ignored)
            {
                ClaimWhole(property);
                _diagnostics.Report(Diagnostics.DiagnosticCatalog.IgnoredByMicroIntegrator, propertyLocation, $"<property name=\"{Attr(property, "name")}\">", "config", ignored);
                continue;
            }

            DataServiceUnknownChildren(property, "property", unknown);
            var name = Attr(property, "name") ?? Missing(property, "name", string.Empty);
            properties.Add(new NamedTextSyntax(name, TextOf(property), propertyLocation));
            // DBDeployer.secureVaultResolve replaces the text of any element with svns:secretAlias by the vault's value.
            if (property.Attribute(SecureVaultNamespace + "secretAlias") is { } alias)
            {
                MarkRead(alias);
                secrets.Add(new DataServiceSecretSyntax(name, alias.Value, true, propertyLocation));
            }

            // An element nested in the property is resolved the same way (secureVaultResolve walks the whole document).
            foreach (var nested in property.Descendants().Where(d => d.Attribute(SecureVaultNamespace + "secretAlias") is not null))
            {
                var nestedAlias = nested.Attribute(SecureVaultNamespace + "secretAlias")!;
                MarkRead(nestedAlias);
                var path = string.Join("/", nested.AncestorsAndSelf().TakeWhile(e => e != property).Reverse().Select(e => (string?)e.Attribute("name") ?? e.Name.LocalName).Prepend(name));
                secrets.Add(new DataServiceSecretSyntax(path, nestedAlias.Value, false, Loc(nested)));
            }
        }

        // DBDeployer.convertConfigToMultipleDSFormat gives a config without a (non-blank) id the id "default" and a query
        // without a (non-blank) useConfig the config "default" before DataServiceFactory reads the service.
        var id = Attr(element, "id");
        var idDefaulted = id is null || id.Trim().Length == 0;
        return new DataServiceConfigSyntax(idDefaulted ? "default" : id!, properties.ToImmutable(), location, _source.RawXml(element))
        {
            IdDefaulted = idDefaulted,
            OtherAttributes = OtherAttributes(element, "id"),
            Unknown = unknown.ToImmutable(),
            Secrets = secrets.ToImmutable(),
        };
    }

    /// <summary>
    /// Why the Micro Integrator leaves a config property out, or null when it reads it: DBUtils.extractProperties keeps
    /// no property whose text is empty (not trimmed) and that has no child element; SQLConfig.processDynamicAuth builds
    /// an authenticator from a <c>dynamicUserAuthMapping</c> only when its first element (<c>&lt;configuration&gt;</c>)
    /// has an element, and JDBCPoolSQLConfig.filterJDBCPoolProps removes the property from the pool's settings.
    /// </summary>
    private static string? IgnoredConfigProperty(XElement property)
    {
        if (property.Attribute("name") is null || property.Attributes().Any(a => a.Name != "name"))
        {
            return null;
        }

        if (!property.HasElements)
        {
            return property.Value.Length == 0 ? "DBUtils.extractProperties keeps no property with empty text" : null;
        }

        return (string?)property.Attribute("name") == "dynamicUserAuthMapping" && property.Elements().First() is { HasElements: false, HasAttributes: false } first && first.Name.LocalName == "configuration" && first.Value.Trim().Length == 0
            ? "SQLConfig.processDynamicAuth builds a user mapping only from a <configuration> with entries, and this one has none"
            : null;
    }

    private DataServiceQuerySyntax ParseDataServiceQuery(XElement element)
    {
        var location = Loc(element);
        var sql = ImmutableArray.CreateBuilder<DataServiceSqlSyntax>();
        var parameters = ImmutableArray.CreateBuilder<DataServiceQueryParamSyntax>();
        var unknown = ImmutableArray.CreateBuilder<UnknownChildSyntax>();
        DataServiceResultSyntax? result = null;
        ImmutableArray<NamedTextSyntax>? properties = null;
        foreach (var child in element.Elements())
        {
            switch (DataServiceChildName(child))
            {
                case "properties" when properties is null:
                {
                    // QueryFactory.extractAdvancedProps reads the first <properties> (getFirstChildWithName) with
                    // DBUtils.extractProperties: its <property> children by name (a later one of a name replaces it).
                    Claim(child);
                    var items = ImmutableArray.CreateBuilder<NamedTextSyntax>();
                    foreach (var property in DataServiceItems(child, "property", "properties", unknown))
                    {
                        ClaimWhole(property);
                        items.Add(new NamedTextSyntax(Attr(property, "name") ?? string.Empty, property.HasElements ? null : property.Value, Loc(property)));
                    }

                    properties = items.ToImmutable();
                    break;
                }

                case "sql":
                {
                    var sqlLocation = Loc(child);
                    DataServiceUnknownChildren(child, "sql", unknown);
                    sql.Add(new DataServiceSqlSyntax(child.Value, Attr(child, "dialect"), sqlLocation));
                    break;
                }

                case "param":
                {
                    var paramLocation = Loc(child);
                    var paramUnknown = ImmutableArray.CreateBuilder<UnknownChildSyntax>();
                    DataServiceUnknownChildren(child, "param", paramUnknown);
                    parameters.Add(new DataServiceQueryParamSyntax(
                        // QueryFactory.createQueryParams trims the name (String.trim).
                        JavaTrim(Attr(child, "name")) ?? Missing(child, "name", string.Empty),
                        Attr(child, "sqlType"),
                        Attr(child, "paramType"),
                        Attr(child, "type"),
                        Attr(child, "ordinal"),
                        Attr(child, "defaultValue"),
                        Attr(child, "optional"),
                        paramLocation)
                    {
                        OtherAttributes = OtherAttributes(child, "name", "sqlType", "paramType", "type", "ordinal", "defaultValue", "optional"),
                        Unknown = paramUnknown.ToImmutable(),
                    });
                    break;
                }

                case "result" when result is null:
                    result = ParseDataServiceResult(child);
                    break;
                default:
                    DataServiceUnknownChild(child, "query", unknown);
                    break;
            }
        }

        // QueryFactory.createQuery and createSQLQuery read these attributes of <query> and no other: another (a
        // misspelt keyColumn, an editor's own) changes nothing in the Micro Integrator, and is left out here too.
        string[] read = ["id", "useConfig", "inputNamespace", "inputEventTrigger", "outputEventTrigger", "keyColumns", "returnGeneratedKeys", "returnUpdatedRowCount"];
        foreach (var attribute in element.Attributes().Where(a => !a.IsNamespaceDeclaration && !(a.Name.Namespace == XNamespace.None && read.Contains(a.Name.LocalName))))
        {
            MarkRead(attribute);
            _diagnostics.Report(Diagnostics.DiagnosticCatalog.IgnoredByMicroIntegrator, location, $"The attribute {QualifiedName(attribute)}=\"{attribute.Value}\"", "query", "QueryFactory reads only id, useConfig, inputNamespace, inputEventTrigger, outputEventTrigger, keyColumns, returnGeneratedKeys and returnUpdatedRowCount");
        }

        return new DataServiceQuerySyntax(Attr(element, "id") ?? Missing(element, "id", string.Empty), Attr(element, "useConfig") is { } useConfig && useConfig.Trim().Length > 0 ? useConfig : null, sql.ToImmutable(), parameters.ToImmutable(), result, location, _source.RawXml(element))
        {
            OtherAttributes = [.. OtherAttributes(element, "id", "useConfig").Where(attribute => read.Contains(attribute.Name))],
            Unknown = unknown.ToImmutable(),
            Properties = properties,
        };
    }

    private DataServiceResultSyntax ParseDataServiceResult(XElement element)
    {
        var location = Loc(element);
        var (outputs, unknown) = ParseDataServiceOutputs(element, "result");
        return new DataServiceResultSyntax(Attr(element, "element"), Attr(element, "rowName"), Attr(element, "defaultNamespace"), Attr(element, "outputType"), outputs, location, _source.RawXml(element))
        {
            Text = string.Concat(element.Nodes().OfType<XText>().Select(t => t.Value)),
            OtherAttributes = OtherAttributes(element, "element", "rowName", "defaultNamespace", "outputType"),
            Unknown = unknown,
        };
    }

    /// <summary>
    /// The outputs of a result or an element group: each <c>&lt;element&gt;</c> or <c>&lt;attribute&gt;</c> with a column
    /// and no children, and each element group, an <c>&lt;element&gt;</c> with none of column, query-param, value and
    /// rdf-ref-uri (QueryFactory.isElementGroup), read with its own outputs; any other child is kept whole.
    /// </summary>
    private (ImmutableArray<DataServiceOutputSyntax> Outputs, ImmutableArray<UnknownChildSyntax> Unknown) ParseDataServiceOutputs(XElement element, string context)
    {
        var outputs = ImmutableArray.CreateBuilder<DataServiceOutputSyntax>();
        var unknown = ImmutableArray.CreateBuilder<UnknownChildSyntax>();
        foreach (var child in element.Elements())
        {
            var name = DataServiceChildName(child);
            if (name is "element" or "attribute" && !child.HasElements && child.Attribute("column") is not null)
            {
                var outputLocation = Loc(child);
                outputs.Add(new DataServiceOutputSyntax(name == "attribute", Attr(child, "column"), Attr(child, "name") ?? Missing(child, "name", string.Empty), Attr(child, "xsdType"), outputLocation)
                {
                    OtherAttributes = OtherAttributes(child, "column", "name", "xsdType"),
                });
            }
            else if (name == "element" && child.Attribute("name") is not null && new[] { "column", "query-param", "value", "rdf-ref-uri" }.All(a => child.Attribute(a) is null))
            {
                var groupLocation = Loc(child);
                var (children, groupUnknown) = ParseDataServiceOutputs(child, "element");
                outputs.Add(new DataServiceOutputSyntax(false, null, Attr(child, "name")!, null, groupLocation)
                {
                    OtherAttributes = OtherAttributes(child, "name"),
                    IsGroup = true,
                    Children = children,
                    Unknown = groupUnknown,
                });
            }
            else
            {
                // Query-param and constant outputs, nested call-queries: kept whole.
                DataServiceUnknownChild(child, context, unknown);
            }
        }

        return (outputs.ToImmutable(), unknown.ToImmutable());
    }

    /// <summary>The <c>&lt;call-query&gt;</c> of an operation or resource, and its other children (a <c>description</c> is documentation and is read).</summary>
    private (DataServiceCallQuerySyntax? Call, ImmutableArray<UnknownChildSyntax> Unknown) ParseCallQueryHolder(XElement element, string context)
    {
        DataServiceCallQuerySyntax? call = null;
        var unknown = ImmutableArray.CreateBuilder<UnknownChildSyntax>();
        foreach (var child in element.Elements())
        {
            switch (DataServiceChildName(child))
            {
                case "call-query" when call is null:
                {
                    var callLocation = Loc(child);
                    var withParams = ImmutableArray.CreateBuilder<DataServiceWithParamSyntax>();
                    var callUnknown = ImmutableArray.CreateBuilder<UnknownChildSyntax>();
                    foreach (var with in DataServiceItems(child, "with-param", "call-query", callUnknown))
                    {
                        var withLocation = Loc(with);
                        DataServiceUnknownChildren(with, "with-param", callUnknown);
                        // QueryFactory.createWithParam trims the name and the query-param (String.trim).
                        withParams.Add(new DataServiceWithParamSyntax(JavaTrim(Attr(with, "name")) ?? Missing(with, "name", string.Empty), JavaTrim(Attr(with, "query-param")), withLocation)
                        {
                            OtherAttributes = OtherAttributes(with, "name", "query-param"),
                        });
                    }

                    call = new DataServiceCallQuerySyntax(Attr(child, "href"), withParams.ToImmutable(), callLocation)
                    {
                        OtherAttributes = OtherAttributes(child, "href"),
                        Unknown = callUnknown.ToImmutable(),
                    };
                    break;
                }

                case "description":
                    Claim(child);
                    break;
                default:
                    DataServiceUnknownChild(child, context, unknown);
                    break;
            }
        }

        return (call, unknown.ToImmutable());
    }

    /// <summary>The text without the leading and trailing characters up to U+0020, as Java's <c>String.trim</c> removes them.</summary>
    private static string? JavaTrim(string? text) => JavaText.Trim(text);

    /// <summary>Every attribute of an element but the named ones (and namespace declarations), read and kept for the lowering to judge.</summary>
    private ImmutableArray<DataServiceAttributeSyntax> OtherAttributes(XElement element, params string[] known)
    {
        var others = ImmutableArray.CreateBuilder<DataServiceAttributeSyntax>();
        foreach (var attribute in element.Attributes())
        {
            if (attribute.IsNamespaceDeclaration || (attribute.Name.Namespace == XNamespace.None && known.Contains(attribute.Name.LocalName)))
            {
                continue;
            }

            MarkRead(attribute);
            others.Add(new DataServiceAttributeSyntax(QualifiedName(attribute), attribute.Value));
        }

        return others.ToImmutable();
    }
}
