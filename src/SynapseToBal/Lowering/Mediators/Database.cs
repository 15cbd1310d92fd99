using System.Collections.Immutable;
using System.Globalization;
using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

// Lowering of <dblookup> and <dbreport>: a JDBC client per distinct connection, each statement a parameterized query.
public sealed partial class Lowerer
{
    private const string DbModifiedRowCount = "DBREPORT_MODIFIED_RAW_COUNT";

    private readonly Dictionary<string, DbClientIr> _dbClientsByConnection = new(StringComparer.Ordinal);
    private readonly List<DbClientIr> _dbClients = new();

    private IEnumerable<StepIr> LowerDbLookup(DbLookupMediator lookup, FlowContext context) =>
        LowerDb(lookup, lookup.Pool, lookup.Statements, lookup: true, context);

    private IEnumerable<StepIr> LowerDbReport(DbReportMediator report, FlowContext context)
    {
        if (report.UseTransaction && !_inTransactionBlock)
        {
            // AbstractDBMediator/DBReportMediator: the connection is bound to the thread's JTA transaction and is
            // neither committed nor closed by the mediator; a <transaction> mediator commits or rolls it back.
            return [Todo(report, DiagnosticCatalog.AttributeNotTranslated, "dbreport useTransaction=\"true\" runs its statements in the thread's JTA transaction (committed or rolled back by a transaction mediator); run them in a Ballerina transaction block by hand", "dbreport", "useTransaction=\"true\"", "the statements join the JTA transaction of the flow; they stay a TODO")];
        }

        return LowerDb(report, report.Pool, report.Statements, lookup: false, context);
    }

    private IEnumerable<StepIr> LowerDb(MediatorSyntax mediator, DbPoolSyntax? pool, ImmutableArray<DbStatementSyntax> statements, bool lookup, FlowContext context)
    {
        var name = mediator.ElementName;
        if (pool is null)
        {
            return [Todo(mediator, DiagnosticCatalog.AttributeNotTranslated, $"the <{name}> has no <connection><pool>", name, "connection", "there is no connection to translate")];
        }

        if (new[] { pool.DataSourceName, pool.InitialContextClass, pool.Driver, pool.Url, pool.User, pool.Password }.FirstOrDefault(v => v is { IsRegistryKey: true }) is { } keyed)
        {
            return [Todo(mediator, DiagnosticCatalog.AttributeNotTranslated, $"a pool setting of the <{name}> is read from the registry key '{keyed.Value}'", name, "pool setting from the registry", $"the value of '{keyed.Value}' is read from the registry at deployment; set the connection by hand")];
        }

        if (pool.DataSourceName is null && (pool.Url is null || pool.Url.Value.Length == 0))
        {
            return [Todo(mediator, DiagnosticCatalog.AttributeNotTranslated, $"the <{name}> pool has neither a dsName nor a url", name, "pool", "the connection has no data source name and no JDBC URL")];
        }

        var lowered = ImmutableArray.CreateBuilder<DbStatementIr>();
        foreach (var statement in statements)
        {
            if (LowerDbStatement(mediator, statement, lookup, context, out var reason) is { } ir)
            {
                lowered.Add(ir);
            }
            else
            {
                return [reason!];
            }
        }

        var steps = new List<StepIr>();
        if (statements.Length == 0)
        {
            // No client either: nothing would use it (and its password would be a required configurable for nothing).
            steps.Add(new CommentStep(mediator, $"The <{name}> has no statement: it only opens a connection."));
            return steps;
        }

        var client = DbClientFor(mediator, pool);

        steps.Add(new DbStep(mediator, client, lookup, lowered.ToImmutable()));
        return steps;
    }

    private DbStatementIr? LowerDbStatement(MediatorSyntax mediator, DbStatementSyntax statement, bool lookup, FlowContext context, out TodoStep? reason)
    {
        reason = null;
        var name = mediator.ElementName;
        var segments = SqlSegments(statement.Sql);
        if (segments.Length - 1 != statement.Parameters.Length)
        {
            reason = Todo(mediator, DiagnosticCatalog.AttributeNotTranslated, $"the statement has {segments.Length - 1} '?' placeholders but {statement.Parameters.Length} parameters", name, "statement", "the placeholders and the parameters do not match; Synapse fails when it binds them");
            return null;
        }

        var parameters = ImmutableArray.CreateBuilder<DbParameterIr>();
        foreach (var parameter in statement.Parameters)
        {
            if (DbType(parameter.Type) is not { } type)
            {
                reason = Todo(mediator, DiagnosticCatalog.AttributeNotTranslated, $"the parameter type '{parameter.Type}' is not one Synapse binds", name, $"parameter type '{parameter.Type}'", "Synapse accepts CHAR, VARCHAR, LONGVARCHAR, NUMERIC, DECIMAL, BIT, TINYINT, SMALLINT, INTEGER, BIGINT, REAL, FLOAT, DOUBLE, DATE, TIME and TIMESTAMP");
                return null;
            }

            parameters.Add(new DbParameterIr(Value(parameter.Value, context), type));
        }

        var results = ImmutableArray<DbResultIr>.Empty;
        if (lookup)
        {
            results = statement.Results.Select(r => new DbResultIr(r.Name, r.Column)).ToImmutableArray();
        }
        else if (statement.Results.Length > 0)
        {
            // DBReportMediatorFactory reads no <result>: a report only counts the modified rows.
            _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, statement.Results[0].Location, "dbreport", "result", $"a report sets no properties from columns, only {DbModifiedRowCount}, as in Synapse");
        }

        return new DbStatementIr(segments, parameters.ToImmutable(), results);
    }

    /// <summary>The JDBC type names Synapse's factory accepts, as the value they bind (AbstractDBMediator.getPreparedStatement).</summary>
    private static DbParameterType? DbType(string? type) => type?.Trim().ToUpperInvariant() switch
    {
        "CHAR" or "VARCHAR" or "LONGVARCHAR" => DbParameterType.String,
        "NUMERIC" or "DECIMAL" => DbParameterType.Decimal,
        "BIT" => DbParameterType.Boolean,
        "TINYINT" or "SMALLINT" or "INTEGER" or "BIGINT" => DbParameterType.Integer,
        "REAL" or "FLOAT" or "DOUBLE" => DbParameterType.Float,
        "DATE" => DbParameterType.Date,
        "TIME" => DbParameterType.Time,
        "TIMESTAMP" => DbParameterType.Timestamp,
        _ => null,
    };

    /// <summary>
    /// The index after the quoted string or identifier (<c>'...'</c>, <c>"..."</c>) or the comment (<c>-- ...</c>,
    /// <c>/* ... */</c>) that starts at <paramref name="i"/>, or null when none starts there: placeholders in them are text.
    /// </summary>
    internal static int? SkipSqlTextOrComment(string sql, int i)
    {
        var c = sql[i];
        if (c is '\'' or '"')
        {
            var close = sql.IndexOf(c, i + 1);
            return close < 0 ? sql.Length : close + 1;
        }

        if (c == '-' && i + 1 < sql.Length && sql[i + 1] == '-')
        {
            // A line comment ends at a line feed or a carriage return: a query written with CR-only line breaks
            // (&#xd; in the XML) has its placeholders on the lines after the comment, which the Micro Integrator binds
            // (ExpressionQuery.extractParamNames skips no comment) and the database reads (PostgreSQL's lexer ends a
            // comment at either, non_newline [^\n\r]).
            var end = sql.IndexOfAny(['\n', '\r'], i);
            return end < 0 ? sql.Length : end + 1;
        }

        if (c == '/' && i + 1 < sql.Length && sql[i + 1] == '*')
        {
            var end = sql.IndexOf("*/", i + 2, StringComparison.Ordinal);
            return end < 0 ? sql.Length : end + 2;
        }

        return null;
    }

    /// <summary>
    /// The SQL text split at its <c>?</c> placeholders; a <c>?</c> inside a quoted string or identifier
    /// (<c>'...'</c>, <c>"..."</c>) or a comment is text.
    /// </summary>
    internal static ImmutableArray<string> SqlSegments(string sql)
    {
        var segments = ImmutableArray.CreateBuilder<string>();
        var start = 0;
        var i = 0;
        while (i < sql.Length)
        {
            var c = sql[i];
            if (SkipSqlTextOrComment(sql, i) is { } after)
            {
                i = after;
            }
            else if (c == '?')
            {
                segments.Add(sql[start..i]);
                start = ++i;
            }
            else
            {
                i++;
            }
        }

        segments.Add(sql[start..]);
        return segments.ToImmutable();
    }

    /// <summary>The client of a connection, declared once per data source name or per driver, URL and user.</summary>
    private DbClientIr DbClientFor(MediatorSyntax mediator, DbPoolSyntax pool)
    {
        var dataSource = pool.DataSourceName?.Value;
        var key = dataSource is not null
            ? "ds\n" + dataSource + "\n" + pool.Url?.Value
            : string.Join('\n', "pool", pool.Driver?.Value, pool.Url?.Value, pool.User?.Value);
        if (_dbClientsByConnection.TryGetValue(key, out var known))
        {
            ReportPoolSettings(mediator, pool);
            return known;
        }

        // A data source of the server published under that JNDI name (a deployment.toml [[datasource]] is jdbc/<id>): with no
        // JNDI properties of its own, the mediator's InitialContext is the server's, where DataSourceRepository bound it.
        if (dataSource is not null && pool.InitialContextClass is null && ServerDataSourceByJndiName(dataSource) is { } serverSource)
        {
            ReportPoolSettings(mediator, pool);
            var shared = DataSourceClient(serverSource);
            _dbClientsByConnection[key] = shared;
            return shared;
        }

        // AbstractDBMediatorFactory.readCustomDataSourceConfig passes a pool's driver, url, user and password through
        // ResolverFactory: ${configs.x}, $SYSTEM:X and $FILE:x are read when the mediator is deployed (SB0298), and a
        // placeholder it does not resolve stays text (SB0119).
        var urlAtDeploy = dataSource is null ? DeployTimeValue.Of(pool.Url!.Value) : null;
        var placeholderName = urlAtDeploy?.Name ?? (dataSource is null ? DeployTimeValue.Unresolved(pool.Url!.Value)?.Name : null);
        var hint = placeholderName is not null ? PlaceholderHint(placeholderName) : DbHint(dataSource ?? pool.Url!.Value);
        var notes = ImmutableArray.CreateBuilder<string>();
        Symbol url;
        Symbol? user = null;
        Symbol? password = null;
        string description;
        if (dataSource is not null)
        {
            // AbstractDBMediatorFactory.readLookupConfig passes dsName and icClass through ResolverFactory too.
            ReportUnresolvedPlaceholder(dataSource, pool.DataSourceName!.Location, "pool dsName");
            if (pool.InitialContextClass is { IsRegistryKey: false } contextClass)
            {
                ReportUnresolvedPlaceholder(contextClass.Value, contextClass.Location, "pool icClass");
            }

            if (DeployTimeValue.Of(dataSource) is { } namedAtDeploy)
            {
                _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, pool.DataSourceName!.Location, "pool", $"dsName '{dataSource}'",
                    $"the Micro Integrator reads the data source's name from {namedAtDeploy.Source} when it deploys the mediator and looks that data source up; the generated client connects from the URL, user and password configurables below instead");
            }

            url = _symbols.Module(SymbolKind.Configurable, hint + " url");
            // A data source of the Micro Integrator (deployment.toml or a JNDI name): its URL and credentials are not in the input.
            description = $"the data source '{dataSource}'";
            _configurables.Add(new ConfigurableIr(url, ConfigurableType.String, null, $"JDBC URL of the data source '{dataSource}' (defined in the Micro Integrator's deployment, not in the input).", Secret: false));
            user = _symbols.Module(SymbolKind.Configurable, hint + " user");
            _configurables.Add(new ConfigurableIr(user, ConfigurableType.String, null, $"Database user of the data source '{dataSource}'.", Secret: false));
            password = _symbols.Module(SymbolKind.Configurable, hint + " password");
            _configurables.Add(new ConfigurableIr(password, ConfigurableType.String, null, $"The credential of the data source '{dataSource}' user.", Secret: true));
            _diagnostics.Report(DiagnosticCatalog.SecretConfigurable, pool.DataSourceName!.Location, $"password of the data source '{dataSource}'");
            notes.Add($"The Micro Integrator looks the data source '{dataSource}' up by name; here the connection is opened from its URL and credentials.");
            if (pool.InitialContextClass is null && _model.Artifacts.OfType<DataSourceSyntax>().FirstOrDefault(d => d.Name == dataSource && d.JndiName is { } jndi && jndi != dataSource) is { } named)
            {
                // The data source's name is not where JNDI holds it: the lookup fails, and so does the mediator each time it runs.
                var why = $"the input's data source '{named.Name}' is published under the JNDI name '{named.JndiName}', not under its name: the Micro Integrator's lookup of '{dataSource}' (AbstractDBMediator.lookupDataSource) finds nothing and the mediator fails each time it runs, where the generated client connects to the database its configurables name; write '{named.JndiName}' to use the data source";
                notes.Add(char.ToUpperInvariant(why[0]) + why[1..] + ".");
                _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, pool.DataSourceName!.Location, "pool", $"dsName '{dataSource}'", why);
            }
            if (pool.InitialContextClass is { } icClass)
            {
                notes.Add($"The data source is looked up through JNDI ({icClass.Value}{(pool.Url is { } jndiUrl ? " at " + jndiUrl.Value : string.Empty)}); set the database URL instead.");
                _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, icClass.Location, "pool", "icClass", "the JNDI lookup is replaced by a direct JDBC connection: set its URL in Config.toml");
            }
        }
        else
        {
            // Config.toml names where the connection comes from: the pool of the first mediator that declares it.
            var origin = $"the connection pool of the <{(mediator is DbReportMediator ? "dbreport" : "dblookup")}> at {System.IO.Path.GetFileName(mediator.Location.Path)} line {mediator.Location.Line.ToString(CultureInfo.InvariantCulture)}{(pool.Driver is { Value.Length: > 0 } poolDriver ? $", driver {poolDriver.Value}" : string.Empty)}";
            foreach (var (value, setting) in new[] { (pool.Driver, "pool driver"), (pool.Url, "pool url"), (pool.User, "pool user"), (pool.Password, "pool password") })
            {
                if (value is { IsRegistryKey: false })
                {
                    ReportUnresolvedPlaceholder(value.Value, value.Location, setting, secret: ReferenceEquals(value, pool.Password));
                }
            }

            if (urlAtDeploy is not null)
            {
                description = $"the JDBC URL read from {urlAtDeploy.Original}";
                url = DeployTimeConfigurable("url", urlAtDeploy, urlAtDeploy.Describe($"JDBC URL of the database of the dblookup/dbreport mediators ({origin})"), pool.Url!.Location);
            }
            else
            {
                url = _symbols.Module(SymbolKind.Configurable, hint + " url");
                description = $"the JDBC URL '{pool.Url!.Value}'";
                var secretUrl = HasCredentials(pool.Url.Value);
                if (secretUrl)
                {
                    _diagnostics.Report(DiagnosticCatalog.SecretConfigurable, pool.Url.Location, "JDBC URL");
                    description = "a JDBC URL";
                }

                _configurables.Add(new ConfigurableIr(url, ConfigurableType.String, secretUrl ? null : pool.Url.Value, $"JDBC URL of the database of the dblookup/dbreport mediators ({origin}{(secretUrl ? "; it holds a credential, so it is not copied" : string.Empty)}).", Secret: secretUrl));
            }

            if (pool.User is { } poolUser)
            {
                if (DeployTimeValue.Of(poolUser.Value) is { } userAtDeploy)
                {
                    user = DeployTimeConfigurable("user", userAtDeploy, userAtDeploy.Describe($"Database user ({origin})"), poolUser.Location);
                }
                else
                {
                    user = _symbols.Module(SymbolKind.Configurable, hint + " user");
                    _configurables.Add(new ConfigurableIr(user, ConfigurableType.String, poolUser.Value, $"Database user ({origin}).", Secret: false));
                }
            }

            if (pool.Password is { } poolPassword)
            {
                // Never a literal: a required configurable, whatever the input holds.
                if (DeployTimeValue.Of(poolPassword.Value) is { } passwordAtDeploy)
                {
                    password = DeployTimeConfigurable("password", passwordAtDeploy, passwordAtDeploy.Describe($"The database user's credential ({origin})"), poolPassword.Location, secret: true);
                }
                else
                {
                    password = _symbols.Module(SymbolKind.Configurable, hint + " password");
                    _configurables.Add(new ConfigurableIr(password, ConfigurableType.String, null, $"The database user's credential ({origin}; not copied from the Synapse configuration).", Secret: true));
                    _diagnostics.Report(DiagnosticCatalog.SecretConfigurable, poolPassword.Location, "database password");
                }
            }

            if (pool.Driver is { Value.Length: > 0 } driver)
            {
                var driverClass = DeployTimeValue.Of(driver.Value) is { } driverAtDeploy ? $"named by {driverAtDeploy.Original} when it is deployed" : driver.Value;
                notes.Add($"Synapse loads the driver class {driverClass}: add its JAR to Ballerina.toml as a platform dependency ([[platform.java21.dependency]]).");
            }
        }

        ReportPoolSettings(mediator, pool);
        var client = new DbClientIr(_symbols.Module(SymbolKind.Client, hint), description, url, user, password, notes.ToImmutable(), mediator.Location);
        _dbClientsByConnection[key] = client;
        _dbClients.Add(client);
        return client;
    }

    private void ReportPoolSettings(MediatorSyntax mediator, DbPoolSyntax pool)
    {
        // An empty validation query is none (AbstractDBMediatorFactory.readPoolProperty sets it as written, and the DBCP
        // pool validates only with a query): Integration Studio writes <property name="validationquery" value=""/>.
        foreach (var property in pool.Properties.Where(p => !(p.Name == "validationquery" && p.Value is ValueSyntax.Literal { Text: var text } && string.IsNullOrWhiteSpace(text))))
        {
            // Pool sizing, validation, auto-commit and isolation settings of the Commons DBCP pool.
            _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, property.Location, mediator.ElementName, $"pool property '{property.Name}'", "the client uses the default connection pool of ballerina/sql; set sql:ConnectionPool options by hand");
        }
    }

    /// <summary>
    /// The words a client is named from when its URL is a placeholder: the placeholder's name without a trailing
    /// <c>url</c> (<c>${configs.db_url}</c> → <c>db</c>, <c>$SYSTEM:ORDERS_JDBC_URL</c> → <c>orders db</c>).
    /// </summary>
    private static string PlaceholderHint(string name)
    {
        var words = System.Text.RegularExpressions.Regex.Split(name, "[^A-Za-z0-9]+").Where(w => w.Length > 0).ToList();
        while (words.Count > 0 && words[^1].ToLowerInvariant() is "url" or "uri" or "jdbc" or "connection")
        {
            words.RemoveAt(words.Count - 1);
        }

        words.RemoveAll(w => w.Equals("jdbc", StringComparison.OrdinalIgnoreCase));
        if (words.Count == 0 || !char.IsLetter(words[0][0]))
        {
            return "database";
        }

        var hint = string.Join(' ', words).ToLowerInvariant();
        return words[^1].ToLowerInvariant() is "db" or "database" ? hint : hint + " db";
    }

    /// <summary>The words a client is named from: the last part of a data source name or of the database in a URL.</summary>
    private static string DbHint(string source)
    {
        var text = source;
        var cut = text.IndexOfAny([';', '?']);
        if (cut >= 0)
        {
            text = text[..cut];
        }

        var last = text.LastIndexOfAny(['/', ':', '\\']);
        text = text[(last + 1)..];
        var letters = new string(text.Select(c => char.IsLetterOrDigit(c) ? c : ' ').ToArray()).Trim();
        return letters.Length == 0 || !char.IsLetter(letters[0]) ? "database" : letters + " db";
    }
}
