using System.Collections.Immutable;
using System.Globalization;
using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Semantics;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

// Lowering of a data service (.dbs): a JDBC client for its config and an HTTP service at /services/<name> with one
// resource per REST <resource>, each running its query as a parameterized query and answering the XML result.
public sealed partial class Lowerer
{
    /// <summary>The namespace of a result when neither the result nor the service names one (DBConstants.WSO2_DS_NAMESPACE).</summary>
    private const string DataServiceNamespace = "http://ws.wso2.org/dataservice";

    /// <summary>
    /// A data service whose single config is a JDBC connection becomes a service at <c>/services/&lt;name&gt;</c>
    /// (where the Micro Integrator serves it) with one resource per REST resource and one for any other path running its
    /// SOAP operations (also served at its Axis2 endpoint addresses); resources and operations whose query uses what is
    /// not translated stay TODOs with their XML. Any other data service is one TODO.
    /// </summary>
    private IEnumerable<ServiceIr> LowerDataService(DataServiceSyntax service)
    {
        // The configs as the Micro Integrator connects them (a named data source's configuration in place of its name);
        // the data service itself stays the origin of what is generated.
        var (resolved, untranslated, configReasons) = ResolvedDataService(service);
        if (DataServiceDeployRefusal(service) is { } refusal)
        {
            // DBDeployer.deploy makes such a data service a faulty service: the Micro Integrator serves none of it.
            _diagnostics.Report(DiagnosticCatalog.DataServiceNotDeployed, service.Location, service.Name, refusal);
            _pending.Add(new PendingArtifactIr(new NotTranslatedIr(DiagnosticCatalog.DataServiceNotDeployed, $"data service '{service.Name}' is not deployed by the Micro Integrator: {refusal}"), service) { RawXml = SecretNames.MaskXml(service.RawXml) });
            DeclareDataServiceSecrets(resolved, []);
            yield break;
        }

        if (untranslated is { } reason)
        {
            // The generated form is a ballerina/sql (JDBC) client per config and a service over them: a data service
            // none of whose configs it can reproduce gets no service at all rather than one that answers differently.
            var why = reason == NothingServed ? reason : reason + "; only the queries of a JDBC config are translated, with a ballerina/sql client";
            _diagnostics.Report(DiagnosticCatalog.ArtifactNotTranslated, service.Location, "data service", service.Name, why);
            _pending.Add(new PendingArtifactIr(new NotTranslatedIr(DiagnosticCatalog.ArtifactNotTranslated, $"data service '{service.Name}' is not translated: {why}"), service) { RawXml = SecretNames.MaskXml(service.RawXml) });
            DeclareDataServiceSecrets(resolved, []);
            yield break;
        }

        // DataService.addConfig keeps its configs in a map by id (a later config of one id replaces the earlier), and
        // each query runs on the config its useConfig names (QueryFactory.createQuery): one client per translated
        // config; the queries of a config that is not translated stay TODOs with its reason.
        var connections = new Dictionary<string, DataServiceConnection>(StringComparer.Ordinal);
        foreach (var (config, configReason) in resolved.Configs.Zip(configReasons))
        {
            connections[config.Id] = new DataServiceConnection(config, null, configReason);
        }

        var translatedConfigs = connections.Values.Where(c => c.Reason is null).Select(c => c.Config).ToList();
        ReportDataServiceSettings(resolved, translatedConfigs);
        foreach (var (id, connection) in connections.Where(c => c.Value.Reason is null).ToList())
        {
            connections[id] = connection with { Client = DataServiceClient(service, connection.Config) };
        }

        DeclareDataServiceSecrets(resolved, translatedConfigs);
        var basePath = "/services/" + service.Name;
        var resources = ImmutableArray.CreateBuilder<ResourceIr>();
        var seen = new HashSet<string>(StringComparer.Ordinal);

        // DataService.addResource puts each resource in a map under its ResourceID, whose equality is the request name
        // (Resource.generateRequestName: "_" + method + the path with '/' as '_' and no braces, lower-cased): of two
        // resources with one request name the later replaces the earlier, which the data service never answers.
        var lastOfName = service.Resources.Select((r, i) => (Name: DataServiceRequestName(r.Path, r.Method), Index: i))
            .GroupBy(r => r.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Max(r => r.Index), StringComparer.Ordinal);

        // DBDeployer puts each resource's pattern (WSDLUtil.getConstantFromHTTPLocationForResource) in the binding's
        // httpLocationTableForResource, a TreeMap keyed by the pattern's text, going through the resources in descending
        // request-name order (TreeSet.descendingSet): of resources of one pattern (GET lote/{a}, GET lote/{b}) the one
        // put last, with the request name that sorts first, is the only one HTTPLocationBasedDispatcher finds.
        var dispatched = service.Resources.Select((r, i) => (Resource: r, Index: i)).Where(r => lastOfName[DataServiceRequestName(r.Resource.Path, r.Resource.Method)] == r.Index)
            .GroupBy(r => MiResourcePattern(r.Resource), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(r => DataServiceRequestName(r.Resource.Path, r.Resource.Method), StringComparer.Ordinal).First().Resource, StringComparer.Ordinal);
        for (var index = 0; index < service.Resources.Length; index++)
        {
            var resource = service.Resources[index];
            var summary = $"{resource.Method.ToUpperInvariant()} {basePath}/{resource.Path.TrimStart('/')}";
            var replaced = lastOfName[DataServiceRequestName(resource.Path, resource.Method)] != index;
            var dispatchedTo = replaced ? null : dispatched[MiResourcePattern(resource)];
            var shadowed = dispatchedTo is not null && !ReferenceEquals(dispatchedTo, resource);
            NotTranslatedIr? todo = null;
            if (!replaced && !shadowed && DataServiceResourceBody(service, connections, resource, out var path, out todo) is { } body && seen.Add(resource.Method.ToUpperInvariant() + " " + string.Join('/', path.Select(SegmentKey))))
            {
                resources.Add(new ResourceIr(resource.Method.ToLowerInvariant(), path, body, null, null, false, summary, resource));
            }
            else
            {
                var why = replaced
                    ? $"a later resource has the same request name '{DataServiceRequestName(resource.Path, resource.Method)}' (method and path, without braces, in any case) and replaces it (DataService.addResource), so the data service never runs this one"
                    : shadowed
                    ? $"the resource {dispatchedTo!.Method} {dispatchedTo.Path} has the same path pattern ('{MiResourcePattern(resource)}') and a request name ('{DataServiceRequestName(dispatchedTo.Path, dispatchedTo.Method)}') that sorts before this one's: DBDeployer keeps one resource per pattern in its dispatch table (httpLocationTableForResource, the one put last in descending request-name order), so the data service runs that one for every such request and never this one"
                    : todo?.Message ?? "a second resource whose path pattern matches the same requests: a Ballerina service has one resource per method and path pattern, so the first is kept";
                _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, resource.Location, "resource", $"{resource.Method} {resource.Path}", why);
                var skipped = new NotTranslatedIr(DiagnosticCatalog.AttributeNotTranslated, $"resource {summary} of data service '{service.Name}' is not translated: {why}");
                resources.Add(new ResourceIr(resource.Method.ToLowerInvariant(), [], [], null, null, false, summary, WithQueryXml(service, resource, resource.CallQuery)) { Skipped = skipped });
            }
        }

        var operations = LowerDataServiceOperations(service, connections, basePath, resources);

        var called = service.Resources.Select(r => r.CallQuery?.Href).Concat(service.Operations.Select(o => o.CallQuery?.Href)).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var query in service.Queries.Where(q => !called.Contains(q.Id)))
        {
            // Only a nested call-query (not translated) could run it: the Micro Integrator never runs it on its own.
            _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, query.Location, "query", $"'{query.Id}'", "no resource or operation calls it; it is kept in a TODO");
            _pending.Add(new PendingArtifactIr(new NotTranslatedIr(DiagnosticCatalog.AttributeNotTranslated, $"query '{query.Id}' of data service '{service.Name}' is called by no resource or operation"), service) { RawXml = query.RawXml });
        }

        // DSS converts a column to its output's xsdType (dates, numbers, booleans in their XML Schema forms); the
        // generated code writes the value's Ballerina string form, so any type other than a string is said.
        foreach (var output in service.Queries.Where(q => called.Contains(q.Id)).SelectMany(q => OutputsWithin(q.Result?.Outputs ?? [])))
        {
            if (output.XsdType is { Length: > 0 } type && type.Split(':')[^1] != "string")
            {
                _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, output.Location, output.IsAttribute ? "attribute" : "element", $"xsdType '{type}'", "the column value is written in its Ballerina string form, not converted to that XML Schema type");
            }
        }

        // A JSON mapping's "$column(type:t)" is the output's xsdType (QueryFactory.processJSONMappingResultColumn).
        foreach (var result in service.Queries.Where(q => called.Contains(q.Id)).Select(q => q.Result).OfType<DataServiceResultSyntax>().Where(r => r.OutputType == "json"))
        {
            foreach (var output in (JsonResultMapping(result.Text, out _)?.Outputs ?? []).SelectMany(o => o.SelfAndDescendants()))
            {
                if (output.XsdType is { Length: > 0 } type && type.Split(':')[^1] != "string")
                {
                    _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, result.Location, "result", $"'{output.Name}' type '{type}'", "the column value is written in its Ballerina string form, not converted to that XML Schema type");
                }
            }
        }

        foreach (var unknown in service.Unknown)
        {
            _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, unknown.Location, "data", $"<{unknown.Name}>", "the element is not translated; it is kept in a TODO");
            _pending.Add(new PendingArtifactIr(new NotTranslatedIr(DiagnosticCatalog.AttributeNotTranslated, $"<{unknown.Name}> of data service '{service.Name}' is not translated"), service) { RawXml = SecretNames.MaskXml(unknown.RawXml) });
        }

        var (onHttp, onHttps) = Listeners(ServiceAddresses.DataServiceTransports(service));
        yield return new ServiceIr(ServiceKind.DataService, service.Name, basePath, resources.ToImmutable(), service, service.Location.Path) { Description = service.Description, HttpsOnly = !onHttp, OnHttps = onHttps };
        if (operations is not null)
        {
            foreach (var alias in DataServiceEndpointServices(service, operations))
            {
                yield return alias;
            }
        }
    }

    /// <summary>The data sources a data service's config names (carbon_datasource_name), found in the input.</summary>
    private readonly HashSet<DataSourceSyntax> _usedDataSources = new(ReferenceEqualityComparer.Instance);

    /// <summary>The data sources a data service names (its settings are reported with the service's, ReportDataServiceSettings).</summary>
    private readonly HashSet<DataSourceSyntax> _dataServiceSources = new(ReferenceEqualityComparer.Instance);

    /// <summary>The data source each config read from one (<see cref="WithDataSources"/>) connects through.</summary>
    private readonly Dictionary<DataServiceConfigSyntax, DataSourceSyntax> _configDataSources = new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// The one client of each data source: every data service naming it uses it, as SQLCarbonDataSourceConfig takes the
    /// one pooled DataSource the Carbon data source service holds under that name (getDataSource(name).getDSObject()).
    /// </summary>
    private readonly Dictionary<DataSourceSyntax, DbClientIr> _dataSourceClients = new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// Whether the data service becomes a service (<see cref="LowerDataService"/> translates its config); one it cannot
    /// translate is a TODO that serves nothing, so it asks for no listener.
    /// </summary>
    private bool DataServiceServed(DataServiceSyntax service) => ResolvedDataService(service).Reason is null && DataServiceDeployRefusal(service) is null;

    /// <summary>A config of a data service: the client made from it, or why the queries using it are not translated.</summary>
    private sealed record DataServiceConnection(DataServiceConfigSyntax Config, DbClientIr? Client, string? Reason);

    /// <summary>
    /// The data service with its data sources in place (<see cref="WithDataSources"/>), why it is not translated as a
    /// whole (null when it is: at least one of its configs is a JDBC connection, and it serves something), and why each
    /// config (in the order of <see cref="DataServiceSyntax.Configs"/>) is not translated (null when it is).
    /// </summary>
    private (DataServiceSyntax Resolved, string? Reason, ImmutableArray<string?> ConfigReasons) ResolvedDataService(DataServiceSyntax service)
    {
        var resolved = WithDataSources(service, out var dataSourceReasons);
        var reasons = resolved.Configs.Select((c, i) => dataSourceReasons[i] ?? DataServiceConfigReason(c)).ToImmutableArray();
        var whole = reasons.Length == 0 ? "it has no config"
            : reasons.All(r => r is not null) ? (reasons.Length == 1 ? reasons[0] : $"none of its {reasons.Length} configs is translated ({string.Join("; ", reasons)})")
            : null;
        return (resolved, whole ?? (Serves(service) ? null : NothingServed), reasons);
    }

    /// <summary>
    /// Why the Micro Integrator does not deploy the data service (DBDeployer.deploy registers it as a faulty service on
    /// any DataServiceFault of DataServiceFactory.createDataService), null when nothing here refuses it: a query whose
    /// useConfig (<c>default</c> when it has none, DBConstants.DEFAULT_CONFIG_ID) names no config of the service
    /// (QueryFactory.createQuery, "Invalid configId"), or an operation or resource (the last of its name, which
    /// DataService.addOperation and addResource keep) whose call-query names no query of it (DataService.init calls
    /// CallQuery.init, "Query with the query id ... cannot be found"), or a query parameter without sqlType or with an
    /// ordinal that is no number (QueryFactory.getQueryParamsFromQueryElement).
    /// </summary>
    private static string? DataServiceDeployRefusal(DataServiceSyntax service)
    {
        if (service.Configs.Count(c => c.IdDefaulted) > 1)
        {
            return "more than one of its configs has no id (DBDeployer.convertConfigToMultipleDSFormat gives each the id 'default' and refuses the service: More than one config elements found)";
        }

        var configIds = service.Configs.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        if (service.Queries.FirstOrDefault(q => !configIds.Contains(q.UseConfig ?? "default")) is { } query)
        {
            return $"its query '{query.Id}' uses the config '{query.UseConfig ?? "default"}'{(query.UseConfig is null ? " (the config of a query without useConfig)" : string.Empty)}, which the data service does not define (QueryFactory.createQuery: Invalid configId)";
        }

        // QueryFactory.getQueryParamsFromQueryElement, run for every <query> element (a later query of the same id
        // included): `paramEl.getAttributeValue(sqlType).toUpperCase()` throws a NullPointerException for a <param>
        // without sqlType, and `Integer.parseInt(ordinal)` a NumberFormatException for an ordinal that is no Java int;
        // DataServiceFactory.createDataService turns either into the DataServiceFault that refuses the service.
        foreach (var q in service.Queries)
        {
            if (q.Params.FirstOrDefault(p => p.SqlType is null) is { } untyped)
            {
                return $"the parameter '{untyped.Name}' of its query '{q.Id}' has no sqlType (QueryFactory.getQueryParamsFromQueryElement calls toUpperCase on the missing attribute: NullPointerException)";
            }

            if (q.Params.FirstOrDefault(p => p.Ordinal is { } ordinal && !IsJavaInt(ordinal)) is { } misnumbered)
            {
                return $"the parameter '{misnumbered.Name}' of its query '{q.Id}' has the ordinal '{misnumbered.Ordinal}', which is not a number (QueryFactory.getQueryParamsFromQueryElement: Integer.parseInt, NumberFormatException)";
            }
        }

        var queryIds = service.Queries.Select(q => q.Id).ToHashSet(StringComparer.Ordinal);
        var operations = service.Operations.GroupBy(o => o.Name, StringComparer.Ordinal).Select(g => g.Last()).Select(o => (What: $"operation '{o.Name}'", o.CallQuery));
        var resources = service.Resources.GroupBy(r => DataServiceRequestName(r.Path, r.Method), StringComparer.Ordinal).Select(g => g.Last()).Select(r => (What: $"resource {r.Method} {r.Path}", r.CallQuery));
        return operations.Concat(resources).FirstOrDefault(c => c.CallQuery?.Href is { } href && !queryIds.Contains(href)) is { What: { } what, CallQuery.Href: { } missing }
            ? $"its {what} calls the query '{missing}', which the data service does not define (DataService.init, CallQuery.init: Query with the query id: '{missing}' cannot be found)"
            : null;
    }

    /// <summary>Whether a data service has an operation or a resource to serve.</summary>
    private static bool Serves(DataServiceSyntax service) => !service.Operations.IsEmpty || !service.Resources.IsEmpty;

    /// <summary>Why a data service with neither operations nor resources is not translated.</summary>
    private const string NothingServed = "it defines no operation or resource, so it serves nothing; the database connection the generated program would open when it starts (failing the whole program when the database cannot be reached) is left out";

    /// <summary>
    /// A config that names a Carbon data source (<c>carbon_datasource_name</c>: DataSourceCappDeployer deploys the
    /// input's <c>data-sources/X.xml</c>, and the config's RDBMS connection is that data source's) is read as the data
    /// source's RDBMS configuration (driverClassName, url, username, password, pool settings and its vault aliases) with the
    /// config's other properties: the data service then converts as one with a JDBC config. The reason (naming the data
    /// source) when the input does not define it or its definition is not RDBMS.
    /// </summary>
    private DataServiceSyntax WithDataSources(DataServiceSyntax service, out ImmutableArray<string?> reasons)
    {
        var configs = ImmutableArray.CreateBuilder<DataServiceConfigSyntax>();
        var why = ImmutableArray.CreateBuilder<string?>();
        foreach (var config in service.Configs)
        {
            if (config.Properties.FirstOrDefault(p => p.Name == "carbon_datasource_name") is not { Value: { } name })
            {
                configs.Add(WithCurrentNames(config));
                why.Add(null);
                continue;
            }

            var source = _model.Artifacts.OfType<DataSourceSyntax>().FirstOrDefault(d => d.Name == name);
            if (source is not null)
            {
                _usedDataSources.Add(source);
                _dataServiceSources.Add(source);
            }

            if (source is null || !string.Equals(source.Type, "RDBMS", StringComparison.OrdinalIgnoreCase))
            {
                // SQLCarbonDataSourceConfig.initDataSource: the Micro Integrator deploys the data service only where
                // its server has the data source ("Cannot find data source with the name"), which may be defined outside
                // the input, so the data service is not refused here.
                why.Add(source is null
                    ? $"the config '{config.Id}' names the data source '{name}' (carbon_datasource_name), which the input does not define (an MI data-source artifact, data-sources/{name}.xml, or the server's master-datasources.xml); its connection is not known"
                    : $"the config '{config.Id}' names the data source '{name}', whose definition is of type '{source.Type ?? "(none)"}', not RDBMS");
                configs.Add(config);
                continue;
            }

            var connected = config with
            {
                Properties = [.. source.Properties, .. config.Properties.Where(p => p.Name != "carbon_datasource_name")],
                DataSourceAliases = source.SecretAliases,
            };
            _configDataSources[connected] = source;
            configs.Add(connected);
            why.Add(null);
        }

        reasons = why.ToImmutable();
        return configs.SequenceEqual(service.Configs) ? service : service with { Configs = configs.ToImmutable() };
    }

    /// <summary>
    /// An RDBMS config (ConfigFactory.getConfigType: one with <c>driverClassName</c>, <c>dataSourceClassName</c> or their
    /// DSS 2.x names <c>org.wso2.ws.dataservice.driver</c>, <c>org.wso2.ws.dataservice.xa_datasource_class</c>) with its
    /// DSS 2.x property names read as the current ones: JDBCPoolSQLConfig's constructor passes the properties through
    /// RDBMSUtils.convertConfigPropsFromV2toV3, which moves each name of DBConstants.RDBMSv2ToV3Map
    /// (<c>org.wso2.ws.dataservice.protocol</c> → <c>url</c>, <c>.user</c> → <c>username</c>, <c>.password</c> →
    /// <c>password</c>, pool settings ...) to its current name (putAll after the loop, so it replaces a property written
    /// with the current name) and removes <c>org.wso2.ws.dataservice.num_test_per_eviction_run</c>, which maps to none
    /// (kept here under its name, reported as ignored). A secure vault alias of a renamed property goes with it.
    /// </summary>
    private DataServiceConfigSyntax WithCurrentNames(DataServiceConfigSyntax config)
    {
        if (!config.Properties.Any(p => p.Name is "driverClassName" or "dataSourceClassName" or "org.wso2.ws.dataservice.driver" or "org.wso2.ws.dataservice.xa_datasource_class")
            || !config.Properties.Any(p => LegacyConfigNames.TryGetValue(p.Name, out var current) && current is not null))
        {
            return config;
        }

        var replaced = config.Properties.Select(p => CurrentConfigName(p.Name)).Where((name, i) => name != config.Properties[i].Name).ToHashSet(StringComparer.Ordinal);
        var properties = ImmutableArray.CreateBuilder<NamedTextSyntax>();
        foreach (var property in config.Properties)
        {
            var name = CurrentConfigName(property.Name);
            if (name == property.Name && replaced.Contains(name))
            {
                continue;
            }

            var renamed = property with { Name = name };
            if (name != property.Name)
            {
                _legacyConfigNames[renamed] = property.Name;
            }

            properties.Add(renamed);
        }

        return config with
        {
            Properties = properties.ToImmutable(),
            Secrets = [.. config.Secrets.Where(s => !(s.TopLevel && s.Name == CurrentConfigName(s.Name) && replaced.Contains(s.Name))).Select(s => s.TopLevel ? s with { Name = CurrentConfigName(s.Name) } : s)],
        };
    }

    /// <summary>
    /// The current name of a config or query property written with its DSS 2.x name (RDBMSUtils.convertConfigPropsFromV2toV3,
    /// the same map for a query's properties); the name itself otherwise, and for an old name the Micro Integrator drops.
    /// </summary>
    private static string CurrentConfigName(string name) => LegacyConfigNames.TryGetValue(name, out var current) && current is not null ? current : name;

    /// <summary>The DSS 2.x config property names by the current ones (DBConstants.RDBMS_OLD, DBConstants.RDBMSv2ToV3Map); null for a name the Micro Integrator drops.</summary>
    private static readonly Dictionary<string, string?> LegacyConfigNames = new(StringComparer.Ordinal)
    {
        ["org.wso2.ws.dataservice.driver"] = "driverClassName",
        ["org.wso2.ws.dataservice.protocol"] = "url",
        ["org.wso2.ws.dataservice.user"] = "username",
        ["org.wso2.ws.dataservice.password"] = "password",
        ["org.wso2.ws.dataservice.query_timeout"] = "queryTimeout",
        ["org.wso2.ws.dataservice.autocommit"] = "autoCommit",
        ["org.wso2.ws.dataservice.fetch_direction"] = "fetchDirection",
        ["org.wso2.ws.dataservice.fetch_size"] = "fetchSize",
        ["org.wso2.ws.dataservice.max_field_size"] = "maxFieldSize",
        ["org.wso2.ws.dataservice.max_rows"] = "maxRows",
        ["org.wso2.ws.dataservice.force_jdbc_batch_requests"] = "forceJDBCBatchRequests",
        ["org.wso2.ws.dataservice.force_stored_proc"] = "forceStoredProc",
        ["org.wso2.ws.dataservice.transaction_isolation"] = "defaultTransactionIsolation",
        ["org.wso2.ws.dataservice.initial_size"] = "initialSize",
        ["org.wso2.ws.dataservice.maxpoolsize"] = "maxActive",
        ["org.wso2.ws.dataservice.max_idle"] = "maxIdle",
        ["org.wso2.ws.dataservice.minpoolsize"] = "minIdle",
        ["org.wso2.ws.dataservice.max_wait"] = "maxWait",
        ["org.wso2.ws.dataservice.validation_query"] = "validationQuery",
        ["org.wso2.ws.dataservice.test_on_borrow"] = "testOnBorrow",
        ["org.wso2.ws.dataservice.test_on_return"] = "testOnReturn",
        ["org.wso2.ws.dataservice.test_while_idle"] = "testWhileIdle",
        ["org.wso2.ws.dataservice.time_between_eviction_runs_mills"] = "timeBetweenEvictionRunsMillis",
        ["org.wso2.ws.dataservice.num_test_per_eviction_run"] = null,
        ["org.wso2.ws.dataservice.min_evictable_idle_time_millis"] = "minEvictableIdleTimeMillis",
        ["org.wso2.ws.dataservice.remove_abandoned"] = "removeAbandoned",
        ["org.wso2.ws.dataservice.remove_abandoned_timeout"] = "removeAbandonedTimeout",
        ["org.wso2.ws.dataservice.log_abandoned"] = "logAbandoned",
        ["org.wso2.ws.dataservice.xa_datasource_class"] = "dataSourceClassName",
        ["org.wso2.ws.dataservice.xa_datasource_properties"] = "dataSourceProps",
    };

    /// <summary>The DSS 2.x name each renamed config property was written with (<see cref="WithCurrentNames"/>), for what is reported about it.</summary>
    private readonly Dictionary<NamedTextSyntax, string> _legacyConfigNames = [];

    /// <summary>
    /// A data source is converted with the data services that name it (their JDBC clients are made from it); one no
    /// data service names is reported (SB0202), as the generated package has nothing that would use it, and what the
    /// client does not reproduce (its JNDI name, nested properties) is reported (SB0206).
    /// </summary>
    private void LowerDataSource(DataSourceSyntax source)
    {
        if (!_usedDataSources.Contains(source))
        {
            var Why = source.JndiName is null
                ? "no data service of the input names it (carbon_datasource_name); a class mediator or a server component that looks it up is not converted, and its connection is not generated"
                : $"no data service of the input names it (carbon_datasource_name) and no dblookup or dbreport looks it up by its JNDI name '{source.JndiName}'; a class mediator or a server component that looks it up is not converted, and its connection is not generated";
            _diagnostics.Report(DiagnosticCatalog.ArtifactNotTranslated, source.Location, "data source", source.Name, Why);
            _pending.Add(new PendingArtifactIr(new NotTranslatedIr(DiagnosticCatalog.ArtifactNotTranslated, $"data source '{source.Name}' is not translated: {Why}"), source) { RawXml = SecretNames.MaskXml(source.RawXml) });
            return;
        }

        if (!_dataServiceSources.Contains(source))
        {
            // Used by dblookup/dbreport mediators alone: its pool settings are reported here, as a data service's are with it.
            foreach (var property in source.Properties.Where(p => p.Name is not ("driverClassName" or "url" or "username" or "password")))
            {
                _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, property.Location, "datasource", $"property '{property.Name}'", "the client uses the default connection pool of ballerina/sql; set sql:ConnectionPool options by hand");
            }
        }

        foreach (var other in source.Other)
        {
            _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, other.Location, "datasource", $"<{other.Name}>",
                other.Name == "jndiConfig" ? "the data source is not published under a JNDI name: the generated client is used directly" : "not reproduced by the generated ballerina/sql client");
        }
    }

    /// <summary>
    /// The RDBMS data source of the input published under a JNDI name (its <c>&lt;jndiConfig&gt;</c>, or <c>jdbc/&lt;id&gt;</c>
    /// for a deployment.toml <c>[[datasource]]</c>) with a URL, marked used; null when none is.
    /// </summary>
    private DataSourceSyntax? ServerDataSourceByJndiName(string jndiName)
    {
        var source = _model.Artifacts.OfType<DataSourceSyntax>().FirstOrDefault(d => d.JndiName == jndiName
            && string.Equals(d.Type, "RDBMS", StringComparison.OrdinalIgnoreCase) && d.Properties.Any(p => p.Name == "url"));
        if (source is not null)
        {
            _usedDataSources.Add(source);
        }

        return source;
    }

    /// <summary>The one client of a data source a dblookup or dbreport looks up by its JNDI name, shared with the data services that name it.</summary>
    private DbClientIr DataSourceClient(DataSourceSyntax source)
    {
        if (_dataSourceClients.TryGetValue(source, out var shared))
        {
            return shared;
        }

        var config = new DataServiceConfigSyntax(source.Name, source.Properties, source.Location, source.RawXml) { DataSourceAliases = source.SecretAliases };
        _configDataSources[config] = source;
        return DataServiceClient(null, config);
    }

    /// <summary>A resource or operation kept as a TODO, with the XML of the query it calls after its own (the query is not translated elsewhere).</summary>
    private static ISyntaxNode WithQueryXml(DataServiceSyntax service, ISyntaxNode node, DataServiceCallQuerySyntax? call) =>
        service.Queries.LastOrDefault(q => q.Id == call?.Href) is { } query
            ? new DataServiceTodoNode(node.Location, node.RawXml + "\n" + new string(' ', query.Location.LineSpan.Start.Character) + query.RawXml)
            : node;

    /// <summary>What a data service TODO carries: an element's XML and the query it calls.</summary>
    private sealed record DataServiceTodoNode(SourceLocation Location, RawXmlText RawXml) : ISyntaxNode;

    /// <summary>Why the queries of a config are not translated: it is not a plain JDBC connection. Null when it is one.</summary>
    private static string? DataServiceConfigReason(DataServiceConfigSyntax config)
    {
        var names = config.Properties.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        if (!names.Contains("url") || !names.Contains("driverClassName"))
        {
            return $"the config '{config.Id}' is not a JDBC connection with driverClassName and url (it has {string.Join(", ", names.Order(StringComparer.Ordinal))}); a data source, CSV, Excel, MongoDB, Cassandra, web or custom config is not translated";
        }

        // DBUtils.extractProperties resolves each property's text with Synapse's ResolverFactory: $SYSTEM:X, $FILE:x and
        // ${configs.x} become configurables (DataServiceClient), any other text is used as written (DefaultResolver); a
        // $CUSTOM_ resolver is a class of the server, and a $SYSTEM or $FILE value its pattern does not read is none of them.
        if (config.Properties.FirstOrDefault(p => p.Name is "url" or "driverClassName" or "username" or "password" && DataServiceVaultAlias(config, p.Name) is null
                && p.Value is { } value && CustomResolved(value)) is { } dynamic)
        {
            return $"the config property '{dynamic.Name}' is resolved at deployment by a resolver the conversion does not reproduce ('{(dynamic.Name == "password" ? "****" : dynamic.Value)}', ResolverFactory.getResolver)";
        }

        return config.Unknown.IsEmpty ? null : $"the config '{config.Id}' has elements that are not translated ({string.Join(", ", config.Unknown.Select(u => "<" + u.Name + ">"))})";
    }

    /// <summary>
    /// A value ResolverFactory.getResolver hands to a resolver other than SystemResolver, FilePropertyResolver and
    /// ConfigResolver (<see cref="DeployTimeValue"/>): a <c>$CUSTOM_</c> class of the server, or a <c>$SYSTEM</c>/<c>$FILE</c>
    /// value whose resolver name the factory does not know.
    /// </summary>
    private static bool CustomResolved(string value) =>
        DeployTimeValue.Of(value) is null && (value.StartsWith("$CUSTOM_", StringComparison.Ordinal)
            || (value.StartsWith("$SYSTEM", StringComparison.Ordinal) || value.StartsWith("$FILE", StringComparison.Ordinal)) && ResolverLike().IsMatch(value));

    [System.Text.RegularExpressions.GeneratedRegex(@"\$[_a-zA-Z0-9]+:[_a-zA-Z0-9]+")]
    private static partial System.Text.RegularExpressions.Regex ResolverLike();

    /// <summary>
    /// The namespace of a query's result: its <c>defaultNamespace</c> unless blank (QueryFactory.createResult), else the
    /// service's default namespace, which DataServiceFactory.createDataService takes from <c>baseURI</c>, else from
    /// <c>serviceNamespace</c>, else WSO2_DS_NAMESPACE, each skipped when DBUtils.isEmptyString finds it blank (empty
    /// once trimmed); a value that is not blank is used as written.
    /// </summary>
    private static string ResultNamespace(DataServiceSyntax service, string? declared)
    {
        if (!string.IsNullOrWhiteSpace(declared))
        {
            return declared;
        }

        var baseUri = service.OtherAttributes.FirstOrDefault(a => a.Name == "baseURI")?.Value;
        return !string.IsNullOrWhiteSpace(baseUri) ? baseUri
            : !string.IsNullOrWhiteSpace(service.ServiceNamespace) ? service.ServiceNamespace
            : DataServiceNamespace;
    }

    /// <summary>The settings of the service and its config that the generated service does not reproduce: each is reported (SB0206).</summary>
    private void ReportDataServiceSettings(DataServiceSyntax service, IReadOnlyList<DataServiceConfigSyntax> translated)
    {
        foreach (var attribute in WithoutStreamingSwitch(service.OtherAttributes))
        {
            if (attribute.Name == "transports" && attribute.Value.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries).All(t => t is "http" or "https"))
            {
                continue;
            }

            // DataServiceFactory.createDataService reads serviceGroup into a variable it never uses (an empty one
            // defaults to the service name); DBDeployer.deploy names the Axis2 service group after the service.
            // baseURI is the default namespace of the results (ResultNamespace).
            if (attribute.Name is "serviceGroup" or "baseURI")
            {
                continue;
            }

            // Off (any value but "true"), or on with nothing it applies to: the data service has nothing more.
            if (attribute.Name == "enableBatchRequests")
            {
                if (JavaTrue(attribute.Value) && BatchRequestsNote(service) is { } batch)
                {
                    _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, service.Location, "data", $"{attribute.Name}=\"{attribute.Value}\"", batch);
                }

                continue;
            }

            _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, service.Location, "data", $"{attribute.Name}=\"{attribute.Value}\"", "the generated service answers its resources and operations over HTTP only and does not reproduce this setting");
        }

        foreach (var config in translated)
        {
            // ConfigFactory.isODataEnable: Boolean.valueOf, so only "true" in any case enables OData; otherwise nothing is served.
            foreach (var attribute in config.OtherAttributes.Where(a => !(a.Name == "enableOData" && !string.Equals(a.Value, "true", StringComparison.OrdinalIgnoreCase))))
            {
                _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, config.Location, "config", $"{attribute.Name}=\"{attribute.Value}\"", attribute.Name == "enableOData" ? "not reproduced (an OData endpoint is not generated)" : "not reproduced");
            }

            foreach (var property in config.Properties.Where(p => p.Name is not ("driverClassName" or "url" or "username" or "password")))
            {
                if (property.Name == "org.wso2.ws.dataservice.num_test_per_eviction_run")
                {
                    _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, property.Location, "config", $"property '{property.Name}'", "the Micro Integrator ignores it too (RDBMSUtils.convertConfigPropsFromV2toV3 removes it: DBConstants.RDBMSv2ToV3Map gives it no current name)");
                    continue;
                }

                var written = _legacyConfigNames.TryGetValue(property, out var legacy) ? $"property '{property.Name}' (written '{legacy}')" : $"property '{property.Name}'";
                _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, property.Location, "config", written, "the client uses the default connection pool of ballerina/sql; set sql:ConnectionPool options by hand"
                    + (DataServiceVaultAlias(config, property.Name) is { } alias ? $" (its value is the secure vault alias '{alias}', a required configurable)"
                        : DeployTimeValue.Of(property.Value) is { } atDeploy ? $" (the Micro Integrator reads its value from {atDeploy.Source} when it deploys the data service: {atDeploy.Original})"
                        : string.Empty));
                if (DataServiceVaultAlias(config, property.Name) is null)
                {
                    ReportUnresolvedPlaceholder(property.Value, property.Location, $"config property '{property.Name}'", secret: SecretNames.IsSecret(property.Name));
                }
            }
        }
    }

    /// <summary>
    /// What <c>enableBatchRequests="true"</c> (Boolean.parseBoolean, DataServiceFactory.createDataService) adds that the
    /// generated service does not have: for each operation and resource whose call-query has with-params and whose query
    /// has no result or returns generated keys (DataServiceFactory.isBatchCompatible), an operation
    /// <c>&lt;name&gt;_batch_req</c> and a resource at <c>&lt;path&gt;_batch_req</c> with the same method
    /// (populateBatchOperations, populateBatchResources, getBatchResourcePath), each running the query once per entry of
    /// the request in one transaction (BatchDataServiceRequest, BatchRequestParticipant). Null when it adds none.
    /// </summary>
    private static string? BatchRequestsNote(DataServiceSyntax service)
    {
        bool Compatible(DataServiceCallQuerySyntax? call) => call is { WithParams.IsEmpty: false } && service.Queries.LastOrDefault(q => q.Id == call.Href) is { } query
            && (query.Result is null || JavaTrue(query.OtherAttributes.FirstOrDefault(a => a.Name == "returnGeneratedKeys")?.Value));
        var batch = service.Operations.Where(o => Compatible(o.CallQuery)).Select(o => $"operation '{o.Name}_batch_req'")
            .Concat(service.Resources.Where(r => Compatible(r.CallQuery)).Select(r => $"resource {r.Method} {(r.Path.EndsWith('/') ? r.Path[..^1] + "_batch_req/" : r.Path + "_batch_req")}"))
            .ToList();
        return batch.Count == 0
            ? null
            : $"the Micro Integrator adds the batch {string.Join(", ", batch)} (DataServiceFactory.populateBatchOperations and populateBatchResources), each taking a list of entries and running the query once per entry in one transaction (BatchRequestParticipant); they are not generated (write each as a loop over the entries inside a Ballerina transaction)";
    }

    /// <summary>
    /// The secure vault alias a config property's value comes from: its <c>svns:secretAlias</c>, else a text that is
    /// exactly <c>{wso2:vault-lookup('alias')}</c>. DBDeployer.secureVaultResolve replaces the text of an element with
    /// the attribute by the alias's value, then resolves such a text (resolveVaultExpressions, whole text only).
    /// </summary>
    private static string? DataServiceVaultAlias(DataServiceConfigSyntax config, string name)
    {
        if (config.SecretAliases.TryGetValue(name, out var alias))
        {
            return alias;
        }

        var value = config.Properties.FirstOrDefault(p => p.Name == name)?.Value;
        return value is not null && VaultLookupText().Match(value) is { Success: true } match ? match.Groups[1].Value : null;
    }

    /// <summary>
    /// The secure vault aliases of a data service's configs that the generated client does not read (a translated config's
    /// url, username and password are its own, <see cref="DataServiceClient"/>): every other property or nested element
    /// with an <c>svns:secretAlias</c> (DBDeployer.secureVaultResolve resolves each element of the <c>.dbs</c>), and every
    /// other property whose text is a <c>{wso2:vault-lookup('alias')}</c>. Each becomes the alias's required secret
    /// configurable, never its text, so the value is at hand where the service is completed by hand.
    /// </summary>
    /// <param name="translated">The configs the generated clients are made from; none when the data service is not translated.</param>
    private void DeclareDataServiceSecrets(DataServiceSyntax service, IReadOnlyList<DataServiceConfigSyntax> translated)
    {
        bool ClientReads(DataServiceConfigSyntax config, string name, string alias) =>
            translated.Contains(config) && name is "url" or "username" or "password" && DataServiceVaultAlias(config, name) == alias;
        foreach (var config in service.Configs)
        {
            var secrets = config.Secrets.Select(s => (s.Name, s.Alias, s.TopLevel, s.Location))
                .Concat(config.Properties.Where(p => !config.SecretAliases.ContainsKey(p.Name) && p.Value is { } value && VaultLookupText().IsMatch(value))
                    .Select(p => (p.Name, VaultLookupText().Match(p.Value!).Groups[1].Value, true, p.Location)));
            foreach (var (name, alias, topLevel, location) in secrets)
            {
                if (topLevel && ClientReads(config, name, alias))
                {
                    continue;
                }

                var what = $"{(topLevel ? "property" : "element")} '{name}' of the config '{config.Id}' of data service '{service.Name}'";
                _diagnostics.Report(DiagnosticCatalog.SecretConfigurable, location, $"{what} (secure vault alias '{alias}')");
                DeclareSecret(alias, $"the {what}, which the Micro Integrator reads from its secure vault; "
                    + (translated.Count == 0 ? "the data service is not translated" : !translated.Contains(config) ? "the config is not translated" : "the generated client does not use it: apply it where the property is set by hand"));
            }
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\{wso2:vault-lookup\('([^']*)'\)\}$")]
    private static partial System.Text.RegularExpressions.Regex VaultLookupText();

    /// <summary>
    /// The JDBC client of the config: URL and user as configurables (with the config's values), the password a required
    /// configurable; a property whose value is a secure vault alias's is the alias's required configurable (no value).
    /// </summary>
    /// <param name="service">The data service; null for a data source's client made for a dblookup or dbreport.</param>
    /// <summary>
    /// A data source's value holding placeholders the Micro Integrator resolves, cut into text taken as written and the
    /// placeholders it replaces, in order; null for a value taken as written. A deployment.toml <c>[[datasource]]</c>'s
    /// <c>$sys{x}</c> and <c>$env{x}</c> are the config tool's (config-mapper ReferenceResolver.resolveSystemProperties
    /// and resolveEnvVariables: every occurrence, in the entries of an array of tables too, replaced by the system
    /// property or environment variable x when the server starts, which fails when it is not set); its <c>${x}</c> is
    /// no placeholder of the config tool (whose reference form is <c>$ref{key}</c>) and reaches master-datasources.xml as
    /// written, where RDBMSDataSourceReader.loadConfig resolves it (CarbonUtils.replaceSystemVariablesInXml,
    /// resolveSystemProperty: each <c>${x}</c> from the left, the system property x, else the environment variable x;
    /// one set by neither stays text, and so does every one after it). A data-source artifact is read by the same
    /// RDBMSDataSourceReader, whose resolveSystemProperty resolves one variable of a value a pass: the first
    /// <c>$sys{x}</c> (each occurrence of that one), else the first <c>$env{x}</c>, else the <c>${x}</c>; a value of
    /// <c>&lt;configuration&gt;</c>'s own elements goes through two passes (replaceSystemVariablesInXml resolves the text
    /// below every element: once for <c>&lt;configuration&gt;</c>, once for the element), so two variables are resolved
    /// (<c>$env{A}/$env{B}/$env{C}</c> keeps <c>$env{C}</c>); any other placeholder stays text, and a <c>$sys{x}</c> or
    /// <c>$env{x}</c> not set is kept as text with an error logged.
    /// </summary>
    internal static ImmutableArray<DataSourceValuePart>? DataSourceParts(string? value, bool fromToml)
    {
        if (value is null)
        {
            return null;
        }

        var matches = DataSourcePlaceholderPattern().Matches(value);

        // A data-source artifact's value is resolved twice: replaceSystemVariablesInXml calls resolveLeafNodeValue on
        // every element of the <configuration> document, and each resolves the text of every element below it, so the
        // text of <url>, <username>, <password> (children of <configuration>) goes through resolveSystemProperty once for
        // <configuration> and once for itself. Each pass takes the first $sys{x} left (every occurrence of it), else the
        // first $env{x} left, else every ${x}.
        var picked = new HashSet<(string Kind, string Name)>();
        var properties = false;
        bool Resolved(System.Text.RegularExpressions.Match m) =>
            fromToml || picked.Contains((m.Groups["kind"].Value, m.Groups["name"].Value)) || (properties && m.Groups["kind"].Value.Length == 0);
        for (var pass = 0; !fromToml && pass < 2; pass++)
        {
            var left = matches.Where(m => !Resolved(m)).ToList();
            if (left.FirstOrDefault(m => m.Groups["kind"].Value == "sys") is { } sys)
            {
                picked.Add(("sys", sys.Groups["name"].Value));
            }
            else if (left.FirstOrDefault(m => m.Groups["kind"].Value == "env") is { } env)
            {
                picked.Add(("env", env.Groups["name"].Value));
            }
            else
            {
                properties = true;
            }
        }

        var parts = ImmutableArray.CreateBuilder<DataSourceValuePart>();
        var text = new System.Text.StringBuilder();
        var at = 0;
        foreach (System.Text.RegularExpressions.Match match in matches)
        {
            var kind = match.Groups["kind"].Value;
            var name = match.Groups["name"].Value;
            var resolved = Resolved(match);
            text.Append(value, at, match.Index - at);
            at = match.Index + match.Length;
            if (!resolved)
            {
                text.Append(match.Value);
                continue;
            }

            if (text.Length > 0)
            {
                parts.Add(new DataSourceValuePart(text.ToString()));
                text.Clear();
            }

            parts.Add(new DataSourceValuePart(match.Value, kind.Length == 0 ? "prop" : kind, name));
        }

        if (parts.Count == 0)
        {
            return null;
        }

        text.Append(value, at, value.Length - at);
        if (text.Length > 0)
        {
            parts.Add(new DataSourceValuePart(text.ToString()));
        }

        return parts.ToImmutable();
    }

    /// <summary>A placeholder of a data source's value: <c>$sys{x}</c>, <c>$env{x}</c> or <c>${x}</c> (a name up to the first '}').</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"\$(?<kind>sys|env|)\{(?<name>[^}]+)\}", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex DataSourcePlaceholderPattern();

    /// <summary>
    /// The system properties the Micro Integrator's start script (micro-integrator.sh, micro-integrator.bat) always sets,
    /// as paths under its installation folder, with the folder they stand for relative to the one the program runs in:
    /// a data source reading one (<c>jdbc:h2:${carbon.home}/repository/database/X</c>) needs nothing from the user.
    /// </summary>
    private static readonly Dictionary<string, string> ServerSystemProperties = new(StringComparer.Ordinal)
    {
        ["carbon.home"] = ".",
        ["carbon.config.dir.path"] = "./conf",
        ["carbon.repository.dir.path"] = "./repository",
        ["carbon.components.dir.path"] = "./wso2/components",
        ["carbon.dropins.dir.path"] = "./dropins",
        ["carbon.external.lib.dir.path"] = "./lib",
        ["carbon.patches.dir.path"] = "./patches",
        ["carbon.internal.lib.dir.path"] = "./wso2/lib",
        ["components.repo"] = "./wso2/components/plugins",
        ["conf.location"] = "./conf",
        ["java.io.tmpdir"] = "./tmp",
    };

    /// <summary>Where the Micro Integrator reads a placeholder of a data source's value, and when.</summary>
    private static (string Source, string When, string Unset) PlaceholderSource(DataSourceValuePart part, bool fromToml) =>
        (part.Kind switch
        {
            "sys" => $"the system property {part.Name}",
            "env" => $"the environment variable {part.Name}",
            _ => $"the system property {part.Name}, else the environment variable {part.Name}",
        },
        fromToml && part.Kind != "prop" ? "when the Micro Integrator starts (the config tool resolves deployment.toml)"
            : fromToml ? "when the Micro Integrator loads the data source (the config tool writes it unchanged into master-datasources.xml, where RDBMSDataSourceReader resolves it)"
            : "when the Micro Integrator deploys the data source (RDBMSDataSourceReader)",
        fromToml && part.Kind != "prop" ? "not set, the Micro Integrator does not start"
            : part.Kind == "prop" ? "set by neither, the Micro Integrator keeps the text as written, which the database then rejects"
            : "not set, the Micro Integrator logs an error and keeps the text as written, which the database then rejects");

    /// <summary>
    /// The configurable of a data source's value holding placeholders the Micro Integrator resolves (<see
    /// cref="DataSourceParts"/>), or null for a value taken as written: SB0298 for each placeholder. A placeholder is
    /// the required configurable of its variable (<see cref="DeployTimeSetting"/>: named after it and shared by every
    /// use in the project, as the server has one value for it; a system property the start script sets has its folder
    /// as default); a value that is one placeholder is that configurable, one with text around or several
    /// placeholders a configurable built from them (a string template, the text as written), as the Micro Integrator
    /// builds it. A secret with text around its placeholders is one required secret configurable: its text is never
    /// copied, nor quoted.
    /// </summary>
    /// <param name="name">The words of the configurable of a built value.</param>
    /// <param name="what">The setting, for SB0298 (<c>JDBC URL</c>).</param>
    /// <param name="of">What the value is, for the doc comments (<c>JDBC URL of the data source 'X'</c>).</param>
    private Symbol? ServerPlaceholderValue(DataSourceSyntax? dataSource, string? value, SourceLocation location, string name, string what, string of, bool secret = false)
    {
        if (dataSource is null || DataSourceParts(value, IsServerToml(dataSource)) is not { } parts)
        {
            return null;
        }

        var fromToml = IsServerToml(dataSource);
        var placeholders = parts.Where(p => p.Kind is not null).ToList();
        var builtWithText = parts.Length > 1;
        var kept = !fromToml && DataSourcePlaceholderPattern().IsMatch(string.Concat(parts.Where(p => p.Kind is null).Select(p => p.Text)));
        foreach (var placeholder in placeholders.DistinctBy(p => p.Text))
        {
            var (source, when, _) = PlaceholderSource(placeholder, fromToml);
            var serverSet = placeholder.Kind != "env" && ServerSystemProperties.ContainsKey(placeholder.Name!);
            _diagnostics.Report(DiagnosticCatalog.DeployTimeValue, location, what, placeholder.Text, $"{source} of the Micro Integrator ({(fromToml ? "deployment.toml" : "the data source")})", when,
                secret && builtWithText ? "part of a required secret configurable (the text around it is not copied)"
                : serverSet ? "a configurable whose default is the folder the program runs in or under it (the Micro Integrator's start script sets it to its own folder)"
                : builtWithText ? "a required configurable the value is built from" : "a required configurable");
        }

        if (secret && builtWithText)
        {
            var whole = _symbols.Module(SymbolKind.Configurable, name);
            var from = string.Join(", ", placeholders.Select(p => PlaceholderSource(p, fromToml).Source).Distinct());
            _configurables.Add(new ConfigurableIr(whole, ConfigurableType.String, null,
                $"{of}: the Micro Integrator builds it from {from} and text of the data source, which is not copied: set the whole value.", Secret: true));
            return whole;
        }

        ConfigurablePartIr Part(DataSourceValuePart part)
        {
            if (part.Kind is null)
            {
                return new ConfigurablePartIr(part.Text, null);
            }

            var (source, when, unset) = PlaceholderSource(part, fromToml);
            var described = $"Read by {char.ToLowerInvariant(of[0])}{of[1..]} ({part.Text}): the Micro Integrator takes {source} {when}";
            if (part.Kind != "env" && ServerSystemProperties.TryGetValue(part.Name!, out var folder))
            {
                described += $"; its start script sets it to a folder of the Micro Integrator (-D{part.Name}), here '{folder}' under the folder the program runs in.";
                return new ConfigurablePartIr(string.Empty, DeployTimeSetting(new DeployTimeValue("server-property", part.Name!, part.Text, string.Empty), ConfigurableType.String, described, defaultValue: folder));
            }

            described += $"; when it is {unset}. Required here.";
            var resolver = part.Kind switch { "env" => "system", "sys" => "system-property", _ => "property-or-env" };
            return new ConfigurablePartIr(string.Empty, DeployTimeSetting(new DeployTimeValue(resolver, part.Name!, part.Text, string.Empty), ConfigurableType.String, described, secret));
        }

        var built = parts.Select(Part).ToImmutableArray();
        if (!builtWithText)
        {
            return built[0].Configurable;
        }

        var symbol = _symbols.Module(SymbolKind.Configurable, name);
        var names = string.Join(", ", placeholders.Select(p => p.Text).Distinct());
        _configurables.Add(new ConfigurableIr(symbol, ConfigurableType.String, null,
            $"{of}, built as the Micro Integrator builds it from {names} and the text around"
            + (kept ? " (RDBMSDataSourceReader resolves two variables of such a value, one in each of the two passes of CarbonUtils.replaceSystemVariablesInXml: any other placeholder stays text, here too)" : string.Empty)
            + ".", Secret: false) { BuiltFrom = built });
        return symbol;
    }

    /// <summary>What the doc comment of a data source's client says of its URL holding placeholders: <c>read from $env{X}</c>, <c>built from $env{A}, $env{B}</c>.</summary>
    private static string PlaceholderUrl(ImmutableArray<DataSourceValuePart> parts) =>
        parts.Length == 1 ? $"read from {parts[0].Text}" : $"built from {string.Join(", ", parts.Where(p => p.Kind is not null).Select(p => p.Text).Distinct())}";

    /// <summary>The name of a data source's client when its URL names nothing: the data source's id, with " db" unless it ends so.</summary>
    private static string DataSourceHint(string name)
    {
        var words = new string(name.Select(c => char.IsLetterOrDigit(c) ? c : ' ').ToArray()).Trim();
        return words.Length == 0 || !char.IsLetter(words[0]) ? "database"
            : words.EndsWith("db", StringComparison.OrdinalIgnoreCase) ? words : words + " db";
    }

    /// <summary>Whether the data source is a deployment.toml <c>[[datasource]]</c> (ServerDataSources) rather than an artifact.</summary>
    private static bool IsServerToml(DataSourceSyntax dataSource) => dataSource.Location.Path.EndsWith(".toml", StringComparison.OrdinalIgnoreCase);

    private DbClientIr DataServiceClient(DataServiceSyntax? service, DataServiceConfigSyntax config)
    {
        // A data source's connection is the data source's, whichever data service names it first: one client for all.
        var dataSource = _configDataSources.GetValueOrDefault(config);
        if (dataSource is not null && _dataSourceClients.TryGetValue(dataSource, out var shared))
        {
            return shared;
        }

        var of = dataSource is not null ? $"the data source '{dataSource.Name}'" : $"the config '{config.Id}' of data service '{service!.Name}'";
        string? Property(string name) => config.Properties.FirstOrDefault(p => p.Name == name)?.Value;
        SourceLocation LocationOf(string name) => config.Properties.FirstOrDefault(p => p.Name == name)?.Location ?? config.Location;

        // A vault alias: the Micro Integrator reads the value from its secure vault, so the generated code never has it.
        Symbol? Vaulted(string name, string what)
        {
            if (DataServiceVaultAlias(config, name) is not { } alias)
            {
                return null;
            }

            _diagnostics.Report(DiagnosticCatalog.SecretConfigurable, LocationOf(name), $"{what} (secure vault alias '{alias}')");
            return DeclareSecret(alias, $"the {what} of {of} (its svns:secretAlias or vault-lookup)");
        }

        var driverAlias = DataServiceVaultAlias(config, "driverClassName");
        var urlAlias = DataServiceVaultAlias(config, "url");
        var urlValue = urlAlias is null ? Property("url") ?? string.Empty : string.Empty;
        // A URL read from the environment names nothing: the client is named after the data source (its id).
        var hint = dataSource is not null && DataSourceParts(urlValue, IsServerToml(dataSource)) is not null ? DataSourceHint(dataSource.Name) : DbHint(urlValue);
        var secretUrl = urlAlias is null && HasCredentials(urlValue);
        Symbol url;
        if (Vaulted("url", "JDBC URL") is { } vaultedUrl)
        {
            url = vaultedUrl;
        }
        else if (dataSource is null && service is not null && DeployTimeValue.Of(urlValue) is { } urlAtDeploy)
        {
            // DBUtils.extractProperties resolves the text with ResolverFactory when the data service is deployed.
            url = DeployTimeConfigurable("JDBC URL", urlAtDeploy, urlAtDeploy.Describe($"JDBC URL of {of}"), LocationOf("url"));
        }
        else if (ServerPlaceholderValue(dataSource, urlValue, LocationOf("url"), hint + " url", "JDBC URL", $"The JDBC URL of {of}", secret: secretUrl) is { } urlFromServer)
        {
            url = urlFromServer;
            if (secretUrl)
            {
                _diagnostics.Report(DiagnosticCatalog.SecretConfigurable, config.Location, "JDBC URL");
            }
        }
        else
        {
            url = _symbols.Module(SymbolKind.Configurable, hint + " url");
            if (secretUrl)
            {
                _diagnostics.Report(DiagnosticCatalog.SecretConfigurable, config.Location, "JDBC URL");
            }

            if (service is not null)
            {
                ReportUnresolvedPlaceholder(urlValue, LocationOf("url"), "JDBC URL", secret: secretUrl);
            }

            _configurables.Add(new ConfigurableIr(url, ConfigurableType.String, secretUrl ? null : urlValue, $"JDBC URL of {of}.", Secret: secretUrl));
        }

        Symbol? user = Vaulted("username", "database user");
        if (user is null && dataSource is null && service is not null && DeployTimeValue.Of(Property("username")) is { } userAtDeploy)
        {
            user = DeployTimeConfigurable("database user", userAtDeploy, userAtDeploy.Describe($"Database user of {of}"), LocationOf("username"));
        }
        else if (user is null && Property("username") is { } userValue)
        {
            user = ServerPlaceholderValue(dataSource, userValue, LocationOf("username"), hint + " user", "database user", $"The database user of {of}");
            if (user is null)
            {
                user = _symbols.Module(SymbolKind.Configurable, hint + " user");
                if (service is not null)
                {
                    ReportUnresolvedPlaceholder(userValue, LocationOf("username"), "database user");
                }

                _configurables.Add(new ConfigurableIr(user, ConfigurableType.String, userValue, $"Database user of {of}.", Secret: false));
            }
        }

        Symbol? password = null;
        if (config.Properties.FirstOrDefault(p => p.Name == "password") is { } passwordProperty)
        {
            // Never a literal: a required configurable, whatever the .dbs holds (the alias's own when it names one; the
            // variable's, file.properties key's or configuration value's when ResolverFactory reads it at deployment).
            password = Vaulted("password", "database password");
            if (password is null && dataSource is null && service is not null && DeployTimeValue.Of(passwordProperty.Value) is { } passwordAtDeploy)
            {
                password = DeployTimeConfigurable("database password", passwordAtDeploy, passwordAtDeploy.Describe($"The database user's credential of {of}"), passwordProperty.Location, secret: true);
            }
            else if (password is null)
            {
                password = ServerPlaceholderValue(dataSource, passwordProperty.Value, passwordProperty.Location, hint + " password", "database password", $"The database user's credential of {of}", secret: true);
                if (password is null)
                {
                    if (service is not null)
                    {
                        ReportUnresolvedPlaceholder(passwordProperty.Value, passwordProperty.Location, "database password", secret: true);
                    }

                    password = _symbols.Module(SymbolKind.Configurable, hint + " password");
                    _configurables.Add(new ConfigurableIr(password, ConfigurableType.String, null, dataSource is not null ? $"The database user's credential of {of} (not copied from the data source)." : $"The database user's credential of the config '{config.Id}' (not copied from the data service).", Secret: true));
                }

                _diagnostics.Report(DiagnosticCatalog.SecretConfigurable, passwordProperty.Location, "database password");
            }
        }

        var driver = driverAlias is not null ? $"its secure vault alias '{driverAlias}' names"
            : dataSource is null && service is not null && DeployTimeValue.Of(Property("driverClassName")) is { } driverAtDeploy ? $"named by {driverAtDeploy.Source} when it is deployed ({driverAtDeploy.Original})"
            : Property("driverClassName");
        var notes = ImmutableArray.Create($"The {(service is null ? "data source" : "data service")} loads the driver class {driver}: add its JAR to Ballerina.toml as a platform dependency ([[platform.java21.dependency]]).");
        var client = new DbClientIr(_symbols.Module(SymbolKind.Client, hint), urlAlias is not null ? $"the JDBC URL of the secure vault alias '{urlAlias}'" : secretUrl ? "a JDBC URL"
            : dataSource is null && service is not null && DeployTimeValue.Of(urlValue) is { } urlRead ? $"the JDBC URL read from {urlRead.Original}"
            : dataSource is not null && DataSourceParts(urlValue, IsServerToml(dataSource)) is { } urlServer ? $"the JDBC URL {PlaceholderUrl(urlServer)}"
            : $"the JDBC URL '{urlValue}'", url, user, password, notes, config.Location)
        {
            Purpose = dataSource is not null && service is null
                ? $"Database connection of {of}, looked up by the dblookup/dbreport mediators under its JNDI name '{dataSource.JndiName}'"
                : dataSource is not null
                ? $"Database connection of {of}, named by the data services' carbon_datasource_name"
                : $"Database connection of {of}",
        };
        _dbClients.Add(client);
        if (dataSource is not null)
        {
            _dataSourceClients[dataSource] = client;
        }

        return client;
    }

    /// <summary>The body of a resource: its query run with the request's parameters, then the XML result answered (or 202 for a query with no result). Null with the reason when it stays a TODO.</summary>
    private ImmutableArray<StepIr>? DataServiceResourceBody(DataServiceSyntax service, IReadOnlyDictionary<string, DataServiceConnection> connections, DataServiceResourceSyntax resource, out ImmutableArray<PathSegmentIr> path, out NotTranslatedIr? reason)
    {
        path = [];
        reason = null;
        NotTranslatedIr Because(string message) => new(DiagnosticCatalog.AttributeNotTranslated, message);
        var method = resource.Method.Trim().ToUpperInvariant();
        if (method is not ("GET" or "POST" or "PUT" or "DELETE" or "PATCH"))
        {
            reason = Because($"the method '{resource.Method}' is not one a data service resource takes");
            return null;
        }

        if (WithoutStreamingSwitch(resource.OtherAttributes) is var otherAttributes && (!otherAttributes.IsEmpty || !resource.Unknown.IsEmpty))
        {
            reason = Because($"it uses {Describe(otherAttributes, resource.Unknown)}");
            return null;
        }

        if (resource.CallQuery is not { } call || call.Href is null)
        {
            reason = Because("it calls no query");
            return null;
        }

        if (WithParamsReason(call) is { } withReason)
        {
            reason = Because(withReason);
            return null;
        }

        if (service.Queries.LastOrDefault(q => q.Id == call.Href) is not { } query)
        {
            reason = Because($"the query '{call.Href}' is not in the data service");
            return null;
        }

        if (DataServiceResourcePath(resource.Path) is not { } segments)
        {
            reason = Because($"the path '{resource.Path}' is not a plain path with {{name}} parameters");
            return null;
        }

        if (DataServiceQueryStepFor(service, connections, query, WithParamNames(call), out var queryReason) is not { } step)
        {
            reason = Because(queryReason!);
            return null;
        }

        ReportUnboundPlaceholders(query);
        ReportUnmappedParameters(call, query, step, $"the resource {resource.Method.ToUpperInvariant()} {resource.Path}");

        path = segments;
        var context = new FlowContext(FlowKind.In, _translator, null, service.Name);
        ImmutableArray<StepIr> body = step.Result is null ? [step] : [step, Reply(null, context)];
        return step.Result is null ? [.. body, new AcceptStep(null)] : body;
    }

    /// <summary>
    /// The request name each with-param gives a query parameter: QueryFactory.createCallQuery keeps the with-params
    /// in a map by name, so of two with-params of one (trimmed) name the later one is used.
    /// </summary>
    private static Dictionary<string, string> WithParamNames(DataServiceCallQuerySyntax call)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var with in call.WithParams)
        {
            names[with.Name] = WithParamRequestName(with)!;
        }

        return names;
    }

    /// <summary>
    /// The request parameter a with-param reads, as QueryFactory.createWithParam takes it: its <c>column</c> as written
    /// when it has one (whatever its query-param), else its trimmed <c>query-param</c>. A call-query's own request
    /// holds only query-param entries (DataService.extractParams), and CallQuery.extractParams looks a column up among
    /// them when no column entry has it ("users using 'column' and 'query-param' as the same"), so a top-level
    /// with-param's column reads the request parameter of that name as a query-param does.
    /// </summary>
    private static string? WithParamRequestName(DataServiceWithParamSyntax with) =>
        with.OtherAttributes.FirstOrDefault(a => a.Name == "column")?.Value ?? with.QueryParam;

    /// <summary>
    /// Why a call-query's with-params are not translated: an attribute other than name, query-param and column, a child,
    /// a with-param with neither query-param nor column, or a request name that is not an XML name (the schema
    /// DataServiceDocLitWrappedSchemaGenerator makes has an element of that name; WithParam.validateWithParam refuses a
    /// query-param that is not an NCName). Null when they are translated.
    /// </summary>
    private static string? WithParamsReason(DataServiceCallQuerySyntax call)
    {
        var others = call.OtherAttributes.AddRange(call.WithParams.SelectMany(w => w.OtherAttributes.Where(a => a.Name != "column")));
        if (!others.IsEmpty || !call.Unknown.IsEmpty)
        {
            return $"its call-query uses {Describe(others, call.Unknown)}";
        }

        foreach (var with in call.WithParams)
        {
            if (WithParamRequestName(with) is not { } name)
            {
                return $"its with-param '{with.Name}' has neither query-param nor column";
            }

            if (!IsXmlName(name))
            {
                return $"its with-param '{with.Name}' reads the request parameter '{name}', which is not an XML name";
            }
        }

        return null;
    }

    /// <summary>The queries whose SQL was checked for placeholders no parameter binds (each reported once).</summary>
    private readonly HashSet<DataServiceQuerySyntax> _placeholdersChecked = new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// Reports each <c>:name</c> placeholder of a generated query that no parameter of the query names
    /// (SB0116): ExpressionQuery.processNamedParams binds only the query's own parameters (by their trimmed name,
    /// case-sensitively) and leaves any other <c>:name</c> in the SQL as written, so the database rejects the statement
    /// when the query runs; the generated query keeps it as text and fails the same way.
    /// </summary>
    private void ReportUnboundPlaceholders(DataServiceQuerySyntax query)
    {
        if (!_placeholdersChecked.Add(query) || query.Sql.Length != 1)
        {
            return;
        }

        var names = query.Params.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        NamedSqlSegments(query.Sql[0].Text, names, out _, out var unbound);
        foreach (var name in unbound.Distinct(StringComparer.Ordinal))
        {
            _diagnostics.Report(DiagnosticCatalog.DataServicePlaceholderUnbound, query.Sql[0].Location, query.Id, name,
                names.Count == 0 ? "none" : string.Join(", ", names.Order(StringComparer.Ordinal).Select(n => $"'{n}'")));
        }
    }

    /// <summary>
    /// Reports each parameter of a generated query that no with-param of the call-query gives and that has no default
    /// value (SB0608): Query.extractParams fails every request on it, and so does the generated code.
    /// </summary>
    private void ReportUnmappedParameters(DataServiceCallQuerySyntax call, DataServiceQuerySyntax query, DataServiceQueryStep step, string caller)
    {
        foreach (var argument in step.Arguments.Where(a => a.Unmapped && a.DefaultValue is null && a.Direction == DataServiceParamDirection.In).DistinctBy(a => a.RequestName))
        {
            _diagnostics.Report(DiagnosticCatalog.DataServiceParameterUnmapped, call.Location, query.Id, argument.RequestName, caller);
        }
    }

    private static string Describe(ImmutableArray<DataServiceAttributeSyntax> attributes, ImmutableArray<UnknownChildSyntax> children) =>
        string.Join(", ", attributes.Select(a => $"{a.Name}=\"{a.Value}\"").Concat(children.Select(c => $"<{c.Name}>")).DefaultIfEmpty("nothing else"));

    /// <summary>A resource path (<c>employee/{id}</c>) as segments; null when a segment mixes text and a parameter.</summary>
    private static ImmutableArray<PathSegmentIr>? DataServiceResourcePath(string path)
    {
        var segments = ImmutableArray.CreateBuilder<PathSegmentIr>();
        foreach (var raw in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (raw.Length > 2 && raw[0] == '{' && raw[^1] == '}' && raw[1..^1].All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.'))
            {
                segments.Add(new PathSegmentIr.Param(raw[1..^1], SymbolFactory.Local(raw[1..^1])));
            }
            else if (raw.Contains('{') || raw.Contains('}') || raw.Contains('?') || raw.Contains('*'))
            {
                return null;
            }
            else
            {
                segments.Add(new PathSegmentIr.Literal(raw));
            }
        }

        // The Micro Integrator matches a parameter as ".*" (WSDLUtil.getRegexForLocation, HTTPLocationBasedDispatcher
        // matching the whole path), and XFormURLEncodedBuilder.extractParametersUsingHttpLocation gives a last one the
        // rest of the path up to its query: GET lote/{id} answers /lote/a/b (id "a/b") and /lote/ (id ""), not /lote.
        // A last parameter after a literal is a rest parameter joined with '/', the path ending with '/' when it has no
        // segment (NeedsSlash); a parameter elsewhere stays one segment (see docs/mapping.md).
        if (segments.Count > 1 && segments[0] is PathSegmentIr.Literal && segments[^1] is PathSegmentIr.Param last)
        {
            segments[^1] = new PathSegmentIr.Rest(last.SynapseName, last.Parameter) { NeedsSlash = true };
        }

        return segments.ToImmutable();
    }

    /// <summary>The step running a query, or null with the reason when something in it is not translated.</summary>
    private static DataServiceQueryStep? DataServiceQueryStepFor(DataServiceSyntax service, IReadOnlyDictionary<string, DataServiceConnection> connections, DataServiceQuerySyntax query, IReadOnlyDictionary<string, string> requestNames, out string? reason)
    {
        reason = null;
        // QueryFactory.createSQLQuery reads returnGeneratedKeys with Boolean.parseBoolean (only "true", in any case, is on).
        var queryAttributes = query.OtherAttributes;
        var generatedKeys = false;
        if (queryAttributes.FirstOrDefault(a => a.Name == "returnGeneratedKeys") is { } keysAttribute)
        {
            generatedKeys = JavaTrue(keysAttribute.Value);
            queryAttributes = queryAttributes.Remove(keysAttribute);
        }

        if (queryAttributes.FirstOrDefault(a => a.Name == "keyColumns") is { } keyColumns)
        {
            if (generatedKeys && query.Result is not null)
            {
                reason = $"its query '{query.Id}' names the generated key columns (keyColumns=\"{keyColumns.Value}\"), which the ballerina/sql client cannot ask the driver for (it asks for the keys the driver chooses, Statement.RETURN_GENERATED_KEYS)";
                return null;
            }

            // SQLQuery.createProcessedPreparedStatement reads the key columns only for a query returning generated keys.
            queryAttributes = queryAttributes.Remove(keyColumns);
        }

        if (!queryAttributes.IsEmpty || !query.Unknown.IsEmpty)
        {
            reason = $"its query '{query.Id}' uses {Describe(queryAttributes, query.Unknown)}";
            return null;
        }

        if (DataServiceQueryPropertiesReason(query) is { } propertiesReason)
        {
            reason = propertiesReason;
            return null;
        }

        if (generatedKeys && query.Result is null)
        {
            // SQLQuery.processPostNormalQuery writes every generated key row through the query's result
            // (writeOutGeneratedKeys -> Query.writeResultEntry), which a query without one does not have.
            reason = $"its query '{query.Id}' uses returnGeneratedKeys=\"true\" without a <result> (the Micro Integrator writes each generated key through the result, which the query does not have)";
            return null;
        }

        // QueryFactory.createQuery runs the query on the config its useConfig names ("default" without one); one the
        // data service does not define refuses the whole service (DataServiceDeployRefusal).
        var configId = query.UseConfig ?? "default";
        if (!connections.TryGetValue(configId, out var connection) || connection.Client is not { } client)
        {
            reason = $"its query '{query.Id}' uses the config '{configId}', which is not translated: {connection?.Reason ?? "the data service does not define it"}";
            return null;
        }

        var config = connection.Config;

        var plain = query.Sql.Where(s => s.Dialect is null).ToList();
        if (plain.Count != 1 || query.Sql.Length != 1)
        {
            reason = $"its query '{query.Id}' has {query.Sql.Length} <sql> texts (per-dialect SQL is not translated)";
            return null;
        }

        // A backtick (MySQL's quoted names) or a '${' is text to the data service (QueryFactory.createSQLQuery reads
        // the <sql> text as it is): the emitter writes such SQL as the runtime's SqlQuery of text parts, not a template.
        var sql = plain[0].Text.Trim();
        // SQLQuery.retrieveQueryType: forceStoredProc, or SQL that does not start (trimmed, upper-cased) with one of
        // DBConstants.SQL_NORMAL_QUERY_TYPES, is a stored procedure call run through a CallableStatement
        // (processPreStoredProcQuery); only there does an OUT or INOUT parameter register (a plain statement's
        // setParamInPreparedStatement casts it to CallableStatement and fails every request).
        var storedProcedure = DataServiceForceStoredProc(query) || !NormalQueryTypes.Any(t => sql.ToUpperInvariant().StartsWith(t, StringComparison.Ordinal));
        if (storedProcedure && generatedKeys)
        {
            reason = $"its query '{query.Id}' is a stored procedure call (SQLQuery.retrieveQueryType) that returns generated keys, which is not translated";
            return null;
        }

        var arguments = ImmutableArray.CreateBuilder<DataServiceArgumentIr>();
        var byName = new Dictionary<string, DataServiceArgumentIr>(StringComparer.Ordinal);
        // QueryFactory.getQueryParamsFromQueryElement reads forceDefault with Boolean.parseBoolean. CallQuery.extractParams
        // looks it up for a NULL request value of a parameter with a default by the with-param's request name, lower-cased,
        // among the query's parameters by their lower-cased names (queryParamMap): that parameter's forceDefault decides,
        // and none is a NullPointerException, which fails the request.
        var forced = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var param in query.Params)
        {
            forced.TryAdd(param.Name.ToLowerInvariant(), JavaTrue(param.OtherAttributes.FirstOrDefault(a => a.Name == "forceDefault")?.Value));
        }

        foreach (var param in query.Params)
        {
            var paramAttributes = param.OtherAttributes.RemoveAll(a => a.Name == "forceDefault");
            if (!paramAttributes.IsEmpty || !param.Unknown.IsEmpty)
            {
                reason = $"the parameter '{param.Name}' of query '{query.Id}' uses {Describe(paramAttributes, param.Unknown)}";
                return null;
            }

            // QueryFactory.getQueryParamsFromQueryElement upper-cases paramType. An ARRAY parameter takes every value the
            // request gives it (DataServiceRequest.getSingleInputValuesFromOM: repeated elements of its name; Axis2's
            // BuilderUtil writes a repeated URL query parameter as repeated elements), one value as an array of one
            // (Query.preprocessParams); its placeholder becomes one '?' per value (ExpressionQuery.createProcessedQuery).
            var isArray = param.ParamType is { } arrayType && arrayType.ToUpperInvariant() == "ARRAY";
            if (param.ParamType is { } paramType && !paramType.Equals("SCALAR", StringComparison.OrdinalIgnoreCase) && !isArray)
            {
                reason = $"the parameter '{param.Name}' of query '{query.Id}' is paramType=\"{paramType}\" (only SCALAR and ARRAY are translated)";
                return null;
            }

            if (isArray && param.DefaultValue is not null)
            {
                reason = $"the ARRAY parameter '{param.Name}' of query '{query.Id}' has a default value, which is not translated";
                return null;
            }

            // QueryFactory.getQueryParamsFromQueryElement: a blank type is IN, any other is upper-cased (not trimmed).
            var direction = param.Type is { } written && written.Trim().Length > 0 ? written.ToUpperInvariant() : "IN";
            if (direction is not ("IN" or "OUT" or "INOUT"))
            {
                reason = $"the parameter '{param.Name}' of query '{query.Id}' is type=\"{param.Type}\" (only IN, OUT and INOUT are translated)";
                return null;
            }

            if (direction != "IN" && DataServiceOutParamReason(param, query, storedProcedure, isArray, requestNames) is { } outReason)
            {
                reason = outReason;
                return null;
            }

            if (direction != "OUT" && param.SqlType?.Trim().ToUpperInvariant() is "CHAR" or "VARCHAR" or "NCHAR" or "NVARCHAR" or "LONGVARCHAR" or "DECIMAL" or "FLOAT" or "DOUBLE PRECISION")
            {
                // QueryParam.validateQueryParam accepts every DBConstants.DataTypes name, but SQLQuery.setParamInPreparedStatement
                // binds only STRING, INTEGER, DOUBLE, NUMERIC, BIT/BOOLEAN, TINYINT, SMALLINT, BIGINT, REAL, DATE, TIME,
                // TIMESTAMP and the binary/structured types: any other fails each request ("Found Unsupported data type").
                reason = $"the parameter '{param.Name}' of query '{query.Id}' has sqlType '{param.SqlType}', which the data service accepts when it deploys but refuses at each request (SQLQuery.setParamInPreparedStatement: \"Found Unsupported data type : {param.SqlType!.Trim().ToUpperInvariant()} as input parameter\"), so every call of the query fails in the Micro Integrator; STRING, NUMERIC or DOUBLE is what it binds";
                return null;
            }

            if (DataServiceSqlType(param.SqlType) is not { } type)
            {
                reason = $"the parameter '{param.Name}' of query '{query.Id}' has sqlType '{param.SqlType}', which is not translated";
                return null;
            }

            if (direction == "OUT")
            {
                // An OUT parameter binds no value: Query.extractParams passes it without one, and
                // setParamInPreparedStatement only registers it.
                byName[param.Name] = new DataServiceArgumentIr(param.Name, type, null, Unmapped: true, Direction: DataServiceParamDirection.Out, OutName: param.Name, OutSqlType: param.SqlType!.ToUpperInvariant());
                continue;
            }

            // CallQuery.evaluateDefaultValue: a default that starts with "#{" and ends with "}" is the system variable named
            // between them (trimmed, evaluateGetProperty): TENANT_ID the super tenant's id (Constants.SUPER_TENANT_ID,
            // -1234); USERNAME and USER_ROLES the caller's (the data service's authorization provider), CURRENT_TIMESTAMP
            // the time of the request, NULL and any other name SQL NULL, which are not translated. Other text is the value.
            var defaultValue = param.DefaultValue;
            if (defaultValue is { } fallback && fallback.StartsWith("#{", StringComparison.Ordinal) && fallback.EndsWith('}') && fallback.Length > 2)
            {
                var variable = fallback[2..^1].Trim();
                if (variable == "TENANT_ID")
                {
                    defaultValue = "-1234";
                }
                else
                {
                    var means = variable switch
                    {
                        "USERNAME" => "the name of the user the data service's authorization provider finds for the request (none without one)",
                        "USER_ROLES" => "the roles of the user the data service's authorization provider finds for the request",
                        "CURRENT_TIMESTAMP" => "the time of the request (yyyy-MM-dd'T'HH:mm:ss.SSS'Z' in the server's time zone)",
                        _ => "SQL NULL",
                    };
                    reason = $"the parameter '{param.Name}' of query '{query.Id}' defaults to {fallback}, which the Micro Integrator evaluates to {means} (CallQuery.evaluateDefaultValue), which is not translated";
                    return null;
                }
            }

            // An optional parameter with no default value: CallQuery.extractParams fails a request that does not give
            // the request parameter its with-param names (INCOMPATIBLE_PARAMETERS_ERROR), as for a required one, but in
            // an UPDATE (the <sql> text up to its first space, upper-cased: SQLQuery.sqlQueryType), where it leaves it out
            // and SQLQuery.generateSQLupdateQuery rewrites the statement. Without a with-param the query never gets it
            // (CallQuery.extractParams passes only with-params): Query.extractParams leaves it out and
            // ExpressionQuery.processDynamicQuery fails every request on the unbound placeholder but in an UPDATE.
            var optional = defaultValue is null && string.Equals(param.Optional?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
            if (optional && MiSqlQueryType(plain[0].Text) == "UPDATE")
            {
                reason = $"the parameter '{param.Name}' of the UPDATE query '{query.Id}' is optional with no default value (when the request does not give it, SQLQuery.generateSQLupdateQuery rewrites the SET list from the SQL text, keeping the columns written as '<parameter name>=?' of the parameters given), which is not translated";
                return null;
            }

            if (optional && !requestNames.ContainsKey(param.Name))
            {
                reason = $"the parameter '{param.Name}' of query '{query.Id}' is optional with no default value and no with-param gives it (CallQuery.extractParams passes only with-params, so the query never gets it and ExpressionQuery.processDynamicQuery fails every request on its placeholder with a DATABASE_ERROR), which is not translated";
                return null;
            }

            // A parameter no with-param gives is not read from the request (CallQuery.extractParams passes only
            // with-params): it takes its default value (CallQuery.processDefaultValues), and without one
            // Query.extractParams fails every request ("cannot find query param with name").
            DataServiceArgumentIr argument;
            if (requestNames.TryGetValue(param.Name, out var requestName))
            {
                var hasForce = forced.TryGetValue(requestName.ToLowerInvariant(), out var force);
                argument = new DataServiceArgumentIr(requestName, type, defaultValue, isArray,
                    ForceDefault: defaultValue is not null && hasForce && force,
                    NullFails: defaultValue is not null && !hasForce);
            }
            else
            {
                argument = new DataServiceArgumentIr(param.Name, type, defaultValue, isArray, Unmapped: true);
            }

            // An INOUT parameter is read as an IN one and read back after the call; one no with-param gives and
            // without a default is NULL, as Query.extractParams requires no value of it.
            byName[param.Name] = direction == "INOUT"
                ? argument with { Direction = DataServiceParamDirection.InOut, OutName = param.Name, OutSqlType = param.SqlType!.ToUpperInvariant() }
                : argument;
        }

        ImmutableArray<string> segments;
        var positional = SqlSegments(sql);
        if (positional.Length > 1)
        {
            if (positional.Length - 1 != query.Params.Length)
            {
                reason = $"the SQL of query '{query.Id}' has {positional.Length - 1} '?' placeholders but {query.Params.Length} parameters";
                return null;
            }

            // The data service binds '?' placeholders in ordinal order (the order of the <param>s when none has an ordinal).
            var ordered = query.Params.All(p => ParseOrdinal(p.Ordinal) is not null)
                ? query.Params.OrderBy(p => ParseOrdinal(p.Ordinal)).ToList()
                : query.Params.Any(p => p.Ordinal is not null) ? null : query.Params.ToList();
            if (ordered is null)
            {
                reason = $"the parameters of query '{query.Id}' give ordinals to some parameters only";
                return null;
            }

            segments = positional;
            arguments.AddRange(ordered.Select(p => byName[p.Name]));
        }
        else
        {
            var named = NamedSqlSegments(sql, byName.Keys.ToHashSet(StringComparer.Ordinal), out var order);
            segments = named;
            arguments.AddRange(order.Select(n => byName[n]));
        }

        DataServiceResultIr? result = null;
        string? keyColumn = null;
        if (query.Result is { } declared)
        {
            // QueryFactory: useColumnNumbers (Boolean.parseBoolean of a non-empty value) names each column by its
            // position ("1", "2", ...: SQLQuery.getDataEntryFromRS); an output's optional likewise.
            var resultAttributes = declared.OtherAttributes;
            var useColumnNumbers = false;
            if (resultAttributes.FirstOrDefault(a => a.Name == "useColumnNumbers") is { } numbers)
            {
                useColumnNumbers = JavaTrue(numbers.Value);
                resultAttributes = resultAttributes.Remove(numbers);
            }

            // An element group takes its namespace (QueryFactory.createOutputElementGroup); an output its optional.
            var allOutputs = OutputsWithin(declared.Outputs).ToList();
            // A blank requiredRoles is none (QueryFactory.extractRequiredRoles: an empty set, which OutputElement does not check).
            // QueryFactory.createOutputElementGroup reads a group's name, namespace, arrayName and requiredRoles only:
            // any other attribute of it (optional, xsdType, ...) changes nothing.
            var outputAttributes = allOutputs.SelectMany(o => o.OtherAttributes.Where(a => (o.IsGroup ? a.Name is "arrayName" or "requiredRoles" : a.Name != "optional")
                && !(a.Name == "requiredRoles" && JavaTrim(a.Value).Length == 0))).ToImmutableArray();
            var unknownOutputs = declared.Unknown.AddRange(allOutputs.SelectMany(o => o.Unknown));
            if (!resultAttributes.IsEmpty || !unknownOutputs.IsEmpty || !outputAttributes.IsEmpty)
            {
                reason = $"the result of query '{query.Id}' uses {Describe(resultAttributes.AddRange(outputAttributes), unknownOutputs)}";
                return null;
            }

            // QueryFactory.createResult: outputType "json" (exactly) is a JSON mapping, which populateJSONResult turns into
            // an XML result (getJSONResultFromText) in the namespace <defaultNamespace>/<query id> (calculateJSONXMLQueryNS).
            if (declared.OutputType == "json")
            {
                if (JsonResultMapping(declared.Text, out var jsonReason) is not { } mapping)
                {
                    reason = $"the JSON result of query '{query.Id}': {jsonReason}";
                    return null;
                }

                if (generatedKeys)
                {
                    reason = $"its query '{query.Id}' returns generated keys through a JSON result, which is not translated";
                    return null;
                }

                if (new[] { mapping.Element, mapping.RowName }.Where(n => n.Length > 0).Concat(mapping.Outputs.SelectMany(o => o.SelfAndDescendants()).Select(o => o.Name)).FirstOrDefault(n => !IsXmlName(n)) is { } notXml)
                {
                    reason = $"the JSON result of query '{query.Id}' names the element '{notXml}', which is not an XML name";
                    return null;
                }

                var baseNamespace = ResultNamespace(service, declared.DefaultNamespace);
                var jsonNamespace = (baseNamespace.EndsWith('/') ? baseNamespace : baseNamespace + "/") + query.Id;
                var jsonAllOptional = mapping.RowName.Length == 0;
                result = new DataServiceResultIr(mapping.Element, mapping.RowName, jsonNamespace, JsonEntries(mapping.Outputs, jsonNamespace, jsonAllOptional), useColumnNumbers);
                return new DataServiceQueryStep(client, segments, arguments.ToImmutable(), result, null, storedProcedure, storedProcedure && OutParamsOnly(result, byName.Values));
            }

            if (generatedKeys)
            {
                keyColumn = GeneratedKeyColumn(config, useColumnNumbers);
                if (keyColumn is null || declared.Outputs.Any(o => !string.Equals(o.Column, keyColumn, StringComparison.OrdinalIgnoreCase)))
                {
                    reason = $"the result of query '{query.Id}' (returnGeneratedKeys) reads "
                        + (keyColumn is null ? "columns by name from a driver whose generated-key column names are not known (use useColumnNumbers=\"true\" and column=\"1\")" : $"columns other than the generated key ('{keyColumn}'), which the ballerina/sql client does not return")
                        + "; only the first generated key is translated (sql:ExecutionResult.lastInsertId)";
                    return null;
                }
            }

            // QueryFactory.createResult compares outputType exactly: "rdf" is an RDF result, "json" a JSON mapping (above),
            // and any other value (empty, "xml", "XML", "Json", ...) an XML result.
            if (declared.OutputType == "rdf")
            {
                reason = $"the result of query '{query.Id}' is outputType=\"rdf\" (an RDF result is not translated)";
                return null;
            }

            if (declared.Element is not { Length: > 0 } element || !IsXmlName(element) || (declared.RowName is { Length: > 0 } row && !IsXmlName(row)) || allOutputs.Any(o => !IsXmlName(o.Name) || (o.Column is null && !o.IsGroup)))
            {
                reason = $"the result of query '{query.Id}' has no element name, or a name that is not an XML name";
                return null;
            }

            var ns = ResultNamespace(service, declared.DefaultNamespace);
            var allOptional = string.IsNullOrEmpty(declared.RowName);
            result = new DataServiceResultIr(element, declared.RowName ?? string.Empty, ns, XmlEntries(declared.Outputs, ns, allOptional), useColumnNumbers);
        }

        return new DataServiceQueryStep(client, segments, arguments.ToImmutable(), result, keyColumn, storedProcedure, storedProcedure && result is not null && OutParamsOnly(result, byName.Values));
    }

    /// <summary>
    /// SQLQuery.calculateResultOnlyOutParams: the query has OUT or INOUT parameters and its result's own outputs
    /// (elements, element groups and attributes: the default element group's getAllElements and getAttributeEntries)
    /// are as many as those parameters; the call's result sets are then not read (processPreStoredProcQuery).
    /// </summary>
    private static bool OutParamsOnly(DataServiceResultIr result, IEnumerable<DataServiceArgumentIr> parameters)
    {
        var outCount = parameters.Count(p => p.Direction != DataServiceParamDirection.In);
        return outCount > 0 && result.Outputs.Length == outCount;
    }

    /// <summary>The statement kinds SQLQuery.inferQueryType runs as a plain statement (DBConstants.SQL_NORMAL_QUERY_TYPES).</summary>
    private static readonly string[] NormalQueryTypes = ["SELECT", "INSERT", "UPDATE", "DELETE", "CREATE", "ALTER", "DROP"];

    /// <summary>
    /// Why an OUT or INOUT parameter is not translated, or null. It registers only in a stored procedure call
    /// (SQLQuery.setParamInPreparedStatement casts the statement to a CallableStatement); SQLQuery.getOutparameterValue
    /// reads back only the sqlTypes it lists (any other, BOOLEAN, FLOAT, DECIMAL, VARCHAR..., fails every request with
    /// "Unsupported data type"), and not an ARRAY one; a with-param naming an OUT parameter makes CallQuery.extractParams
    /// require the request to give a value the call never uses.
    /// </summary>
    private static string? DataServiceOutParamReason(DataServiceQueryParamSyntax param, DataServiceQuerySyntax query, bool storedProcedure, bool isArray, IReadOnlyDictionary<string, string> requestNames)
    {
        var direction = param.Type!.ToUpperInvariant();
        if (!storedProcedure)
        {
            return $"the parameter '{param.Name}' of query '{query.Id}' is type=\"{param.Type}\" in a statement the Micro Integrator runs as a plain one (its SQL starts with SELECT, INSERT, UPDATE, DELETE, CREATE, ALTER or DROP: SQLQuery.inferQueryType), where registering it fails every request (SQLQuery.setParamInPreparedStatement casts the statement to a CallableStatement), which is not translated";
        }

        if (isArray)
        {
            return $"the {direction} parameter '{param.Name}' of query '{query.Id}' is an ARRAY, which is not translated";
        }

        if (!OutSqlTypes.Contains(param.SqlType?.ToUpperInvariant() ?? string.Empty))
        {
            return $"the {direction} parameter '{param.Name}' of query '{query.Id}' has sqlType '{param.SqlType}', which SQLQuery.getOutparameterValue does not read back (only {string.Join(", ", OutSqlTypes)} are translated)";
        }

        if (direction == "OUT" && requestNames.ContainsKey(param.Name))
        {
            return $"the OUT parameter '{param.Name}' of query '{query.Id}' is given by a with-param (CallQuery.extractParams then fails a request that does not give it, though the call binds no value for it), which is not translated";
        }

        return null;
    }

    /// <summary>The sqlTypes SQLQuery.getOutparameterValue reads back that the generated call registers and reads.</summary>
    private static readonly string[] OutSqlTypes = ["STRING", "INTEGER", "BIGINT", "SMALLINT", "TINYINT", "DOUBLE", "REAL", "NUMERIC", "BIT", "DATE", "TIME", "TIMESTAMP"];

    /// <summary>The outputs and element groups of a result, and those inside its groups, depth first.</summary>
    private static IEnumerable<DataServiceOutputSyntax> OutputsWithin(IEnumerable<DataServiceOutputSyntax> outputs) =>
        outputs.SelectMany(o => o.IsGroup ? OutputsWithin(o.Children).Prepend(o) : [o]);

    /// <summary>
    /// The entries of an XML result's element group as QueryFactory.createOutputElementGroup makes them: each output,
    /// optional when the group is the result's own and the result has no row name (targetOptionalOverride, only at
    /// level 0) or when its optional says so (createStaticOutputElement, Boolean.parseBoolean); each nested group in its
    /// <c>namespace</c>, or the enclosing one's when that is blank (DBUtils.isEmptyString), with its entries in it.
    /// </summary>
    private static ImmutableArray<DataServiceEntryIr> XmlEntries(ImmutableArray<DataServiceOutputSyntax> outputs, string ns, bool allOptional)
    {
        var entries = ImmutableArray.CreateBuilder<DataServiceEntryIr>();
        foreach (var output in outputs)
        {
            if (output.IsGroup)
            {
                var own = output.OtherAttributes.FirstOrDefault(a => a.Name == "namespace")?.Value;
                var groupNamespace = own is null || JavaTrim(own).Length == 0 ? ns : own;
                entries.Add(new DataServiceEntryIr.Group(output.Name, groupNamespace, XmlEntries(output.Children, groupNamespace, false)));
            }
            else
            {
                entries.Add(new DataServiceEntryIr.Output(output.Column!, output.Name, output.IsAttribute, allOptional || output.OtherAttributes.Any(a => a.Name == "optional" && JavaTrue(a.Value))));
            }
        }

        return entries.ToImmutable();
    }

    /// <summary>
    /// The entries of a JSON mapping's record: getJSONResultFromText writes it as an XML result whose groups have no
    /// namespace of their own, so every entry is in the result's; optional as in <see cref="XmlEntries"/>.
    /// </summary>
    private static ImmutableArray<DataServiceEntryIr> JsonEntries(ImmutableArray<DataServiceJsonOutput> outputs, string ns, bool allOptional) =>
        [.. outputs.Select(o => o.IsGroup
            ? new DataServiceEntryIr.Group(o.Name, ns, JsonEntries(o.Children, ns, false))
            : (DataServiceEntryIr)new DataServiceEntryIr.Output(o.Column, o.Name, false, allOptional || JavaTrue(o.Optional)))];

    /// <summary>
    /// The statement kind SQLQuery.sqlQueryType reads from the <c>&lt;sql&gt;</c> text as written (not trimmed): the text
    /// up to its first space, upper-cased; empty when it has no space (UNDEFINED).
    /// </summary>
    private static string MiSqlQueryType(string sql) => sql.IndexOf(' ', StringComparison.Ordinal) is var space and >= 0 ? sql[..space].ToUpperInvariant() : string.Empty;

    /// <summary>Java's Boolean.parseBoolean: "true" in any case, untrimmed.</summary>
    private static bool JavaTrue(string? value) => string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The name of the column holding a generated key in the rows SQLQuery.writeOutGeneratedKeys writes (from the
    /// statement's getGeneratedKeys): <c>1</c> with useColumnNumbers (SQLQuery.getDataEntryFromRS names columns by
    /// position), else the driver's label, known for MySQL Connector/J (<c>GENERATED_KEY</c>); null for another driver.
    /// </summary>
    private static string? GeneratedKeyColumn(DataServiceConfigSyntax config, bool useColumnNumbers)
    {
        if (useColumnNumbers)
        {
            return "1";
        }

        var driver = config.Properties.FirstOrDefault(p => p.Name == "driverClassName")?.Value?.Trim() ?? string.Empty;
        var url = config.Properties.FirstOrDefault(p => p.Name == "url")?.Value?.Trim() ?? string.Empty;
        return driver.StartsWith("com.mysql.", StringComparison.Ordinal) || url.StartsWith("jdbc:mysql:", StringComparison.Ordinal) ? "GENERATED_KEY" : null;
    }

    private static int? ParseOrdinal(string? ordinal) =>
        int.TryParse(ordinal?.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static bool IsXmlName(string name)
    {
        try
        {
            return System.Xml.XmlConvert.VerifyNCName(name) == name;
        }
        catch (System.Xml.XmlException)
        {
            return false;
        }
    }

    /// <summary>The data service's sqlType names (DBConstants.DataTypes) as the value they bind.</summary>
    private static DbParameterType? DataServiceSqlType(string? type) => (type?.Trim().ToUpperInvariant() ?? "STRING") switch
    {
        "STRING" or "CHAR" or "VARCHAR" or "NCHAR" or "NVARCHAR" or "LONGVARCHAR" => DbParameterType.String,
        "NUMERIC" or "DECIMAL" => DbParameterType.Decimal,
        "BIT" or "BOOLEAN" => DbParameterType.Boolean,
        "TINYINT" or "SMALLINT" or "INTEGER" or "BIGINT" => DbParameterType.Integer,
        "REAL" or "FLOAT" or "DOUBLE" => DbParameterType.Float,
        "DATE" => DbParameterType.Date,
        "TIME" => DbParameterType.Time,
        "TIMESTAMP" => DbParameterType.Timestamp,
        _ => null,
    };

    /// <summary>
    /// The SQL split at its <c>:name</c> placeholders of declared parameters, as the data service replaces them by
    /// <c>?</c>; quoted text, comments, <c>::</c> casts and names that are not parameters stay text.
    /// </summary>
    internal static ImmutableArray<string> NamedSqlSegments(string sql, IReadOnlySet<string> names, out ImmutableArray<string> order) =>
        NamedSqlSegments(sql, names, out order, out _);

    /// <summary>As above, with the <c>:name</c> placeholders (outside quoted text and comments) no parameter binds, in order.</summary>
    internal static ImmutableArray<string> NamedSqlSegments(string sql, IReadOnlySet<string> names, out ImmutableArray<string> order, out ImmutableArray<string> unbound)
    {
        var segments = ImmutableArray.CreateBuilder<string>();
        var used = ImmutableArray.CreateBuilder<string>();
        var others = ImmutableArray.CreateBuilder<string>();
        var start = 0;
        var i = 0;
        while (i < sql.Length)
        {
            var c = sql[i];
            if (SkipSqlTextOrComment(sql, i) is { } after)
            {
                i = after;
            }
            else if (c == ':' && (i == 0 || sql[i - 1] != ':') && i + 1 < sql.Length && sql[i + 1] != ':')
            {
                var j = i + 1;
                while (j < sql.Length && (char.IsAsciiLetterOrDigit(sql[j]) || sql[j] == '_'))
                {
                    j++;
                }

                var name = sql[(i + 1)..j];
                if (name.Length > 0 && names.Contains(name))
                {
                    segments.Add(sql[start..i]);
                    used.Add(name);
                    start = j;
                }
                else if (name.Length > 0 && !char.IsAsciiDigit(name[0]))
                {
                    others.Add(name);
                }

                i = Math.Max(j, i + 1);
            }
            else
            {
                i++;
            }
        }

        segments.Add(sql[start..]);
        order = used.ToImmutable();
        unbound = others.ToImmutable();
        return segments.ToImmutable();
    }

    /// <summary>
    /// The pattern the Micro Integrator dispatches a resource by (WSDLUtil.getConstantFromHTTPLocationForResource, from
    /// DBDeployer.createAxisOperation): its method as written, then <c>/</c> and each segment of its path (StringTokenizer
    /// at <c>/</c>, so empty segments are skipped), <c>.*</c> for a segment starting with <c>{</c>.
    /// </summary>
    internal static string MiResourcePattern(DataServiceResourceSyntax resource) =>
        resource.Method + string.Concat(resource.Path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(s => "/" + (s.StartsWith('{') ? ".*" : s)));

    /// <summary>
    /// The name the data services engine gives a resource (Resource.generateRequestName): <c>_</c>, the method, the
    /// path with each <c>/</c> as <c>_</c> and no braces, lower-cased (<c>GET /orders/{id}</c> is <c>_get_orders_id</c>).
    /// </summary>
    internal static string DataServiceRequestName(string path, string method) =>
        ("_" + method + path.Replace('/', '_').Replace("{", string.Empty, StringComparison.Ordinal).Replace("}", string.Empty, StringComparison.Ordinal)).ToLowerInvariant();
}

/// <summary>A part of a data source's value: text taken as written, or (with a kind) a placeholder the Micro Integrator resolves.</summary>
/// <param name="Text">The text, or the placeholder as written.</param>
/// <param name="Kind"><c>sys</c>, <c>env</c> or <c>prop</c> (<c>${x}</c>: the system property x, else the environment variable x); null for text.</param>
/// <param name="Name">The variable the placeholder reads; null for text.</param>
internal sealed record DataSourceValuePart(string Text, string? Kind = null, string? Name = null);
