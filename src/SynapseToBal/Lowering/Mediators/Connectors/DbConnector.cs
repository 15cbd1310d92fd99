using System.Collections.Immutable;
using System.Globalization;
using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

// The MI 4.x DB connector (wso2-extensions/mi-connector-db, connector name db): <db.init> connections (local entries)
// become DbConnections (a jdbc:Client made on first use), db.select|insert|update|delete|executeQuery a
// dbConnectorOperation call on them.
public sealed partial class Lowerer
{
    private readonly Dictionary<string, DbClientIr> _dbConnectorConnections = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _dbConnectorConnectionProblems = new(StringComparer.Ordinal);

    /// <summary>
    /// The settings ConnectionConfiguration rejects when empty (DBConfig.getConnectionConfigFromContext: each setter
    /// throws InvalidConfigurationException, and DBConfig.connect fails every operation with CONNECTION_ERROR).
    /// </summary>
    private static readonly string[] DbConnectorRequiredSettings = ["name", "connectionType", "dbUrl", "dbUser", "dbPassword", "driverClass"];

    /// <summary>
    /// The connection pool settings of init.xml: connector-core's pool of DBHandler connections
    /// (ConnectorUtils.getPoolConfiguration), which the generated client does not reproduce.
    /// </summary>
    private static readonly string[] DbConnectorPoolSettings =
        ["maxActiveConnections", "maxIdleConnections", "minIdleConnections", "poolConnectionAgedTimeout", "maxWaitTime", "evictionCheckInterval", "minEvictionTime", "exhaustedAction", "maxFailureRetryCount"];

    /// <summary>
    /// A <c>&lt;db.init&gt;</c> local entry: one <c>DbConnection</c> (a jdbc:Client of ballerinax/java.jdbc made on first
    /// use, as the connector's DBHandler connects only when an operation asks the pool for a connection) on the
    /// connection's URL, user and password. False when the connection cannot be translated (a mandatory setting
    /// missing, a setting evaluated on the message); the reason is kept for the operations that use it.
    /// </summary>
    private bool TryLowerDbConnection(LocalEntrySyntax entry, string xml)
    {
        if (ConnectionSettings(entry, xml, _dbConnectorConnectionProblems, "db.init") is not { } settings)
        {
            return false;
        }

        string? Setting(string name) => settings.TryGetValue(name, out var value) && value.Trim().Length > 0 ? value.Trim() : null;
        bool Dynamic(string text) => text.StartsWith('{') && text.EndsWith('}') && !ConnectionVault.IsMatch(text) && !ConnectionConfig.IsMatch(text);

        string? problem = null;
        foreach (var name in DbConnectorRequiredSettings)
        {
            if (Setting(name) is not { } text)
            {
                problem ??= $"it does not set '{name}' (ConnectionConfiguration rejects an empty {name}, so DBConfig.connect fails every operation on it with CONNECTION_ERROR)";
            }
            else if (Dynamic(text))
            {
                problem ??= $"its {name} is an expression ({text}) evaluated on the message when the connection is made";
            }
        }

        if (problem is not null)
        {
            _dbConnectorConnectionProblems[entry.Name] = problem;
            return false;
        }

        var configurables = new List<ConfigurableIr>();
        var urlText = Setting("dbUrl")!;
        var url = ConnectionConfigurable(entry, "DB", configurables, "dbUrl", urlText, secret: HasCredentials(urlText));
        var user = ConnectionConfigurable(entry, "DB", configurables, "dbUser", Setting("dbUser")!, secret: false);
        var password = ConnectionConfigurable(entry, "DB", configurables, "dbPassword", Setting("dbPassword")!, secret: true);

        var notes = ImmutableArray.CreateBuilder<string>();
        var driverPath = Setting("driverPath") is { } path ? $" (from {path})" : string.Empty;
        notes.Add($"The Micro Integrator loads the driver class {Setting("driverClass")}{driverPath}: add its JAR to Ballerina.toml as a platform dependency ([[platform.java21.dependency]]).");

        var known = new HashSet<string>(DbConnectorRequiredSettings, StringComparer.Ordinal) { "driverPath" };
        foreach (var (name, value) in settings)
        {
            if (known.Contains(name) || value.Trim().Length == 0)
            {
                continue;
            }

            var why = DbConnectorPoolSettings.Contains(name)
                ? "the client uses the default connection pool of ballerina/sql, not the connector's pool of connections; set sql:ConnectionPool options by hand"
                : "init.xml of the DB connector declares no such parameter, so the connector does not read it";
            notes.Add($"'{name}' is not applied: {why}.");
            _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, entry.Location, "db.init", name, why);
        }

        _configurables.AddRange(configurables);
        var description = ConnectionConfig.Match(urlText) is { Success: true } config ? $"the JDBC URL of configs.{config.Groups["name"].Value}"
            : ConnectionVault.Match(urlText) is { Success: true } vault ? $"the JDBC URL of the secure vault alias '{vault.Groups["alias"].Value}'"
            : HasCredentials(urlText) ? "a JDBC URL" : $"the JDBC URL '{urlText}'";
        var client = new DbClientIr(_symbols.Module(SymbolKind.Client, entry.Name), description, url, user, password, notes.ToImmutable(), entry.Location)
        {
            Purpose = $"DB connector connection '{entry.Name}' (<db.init>) of the db.* operations",
        };
        _dbConnectorConnections[entry.Name] = client;
        _dbClients.Add(client);
        return true;
    }

    /// <summary>
    /// The parameters the operation templates declare: TemplateContext.setupParams removes their message properties,
    /// so a column of one of these names has no value.
    /// </summary>
    private static readonly HashSet<string> DbConnectorDeclared = new(StringComparer.Ordinal)
    {
        "query", "preparedStmt", "columnNames", "columnTypes", "responseColumns", "format", "table", "columns", "queryType", "orderBy", "limit",
        "offset", "queryTimeout", "fetchSize", "maxRows", "responseVariable", "overwriteBody",
    };

    /// <summary>The DB connector's operations that become a dbConnectorOperation call.</summary>
    private static readonly Dictionary<string, DbConnectorOperation> DbConnectorOperations = new(StringComparer.Ordinal)
    {
        ["select"] = DbConnectorOperation.Select,
        ["insert"] = DbConnectorOperation.Insert,
        ["update"] = DbConnectorOperation.Update,
        ["delete"] = DbConnectorOperation.Delete,
        ["executeQuery"] = DbConnectorOperation.ExecuteQuery,
        ["call"] = DbConnectorOperation.Call,
    };

    /// <summary>Why the DB connector's other operations stay TODOs.</summary>
    private static readonly Dictionary<string, string> DbConnectorUntranslated = new(StringComparer.Ordinal)
    {
        ["beginTransaction"] = "the connector keeps the transaction's connection in the message context (dbConnection_<name>) for the operations that follow until commitTransaction or rollbackTransaction; use a Ballerina transaction block around the operations",
        ["commitTransaction"] = "it commits the transaction beginTransaction left in the message context; use a Ballerina transaction block around the operations",
        ["rollbackTransaction"] = "it rolls back the transaction beginTransaction left in the message context; use a Ballerina transaction block around the operations",
    };

    /// <summary>
    /// <c>&lt;db.select|insert|update|delete|executeQuery|call configKey="..."&gt;</c>: a dbConnectorOperation call on the
    /// connection's client that runs the statement ExecuteQuery.connect prepares, with the parameters it binds, and
    /// leaves its result where the connector leaves it. What the call cannot reproduce stays a TODO saying why.
    /// </summary>
    private IEnumerable<StepIr> LowerDbConnectorOperation(ConnectorOperationMediator operation, FlowContext context)
    {
        if (DbConnectorUntranslated.TryGetValue(operation.Operation, out var untranslated))
        {
            return [ConnectorTodo(operation, untranslated)];
        }

        if (!DbConnectorOperations.TryGetValue(operation.Operation, out var kind))
        {
            return [ConnectorTodo(operation, null)];
        }

        if (ConnectionOf(operation, _dbConnectorConnections, _dbConnectorConnectionProblems, "db.init", out var todo) is not { } connection)
        {
            return [todo!];
        }

        if (UnreadableOperationShape(operation) is { } unreadable)
        {
            return [unreadable];
        }

        var parameters = ParametersByName(operation);
        ConnectorParameterSyntax? Parameter(string name) => parameters.GetValueOrDefault(name);
        string? Literal(string name) => Parameter(name)?.Value is ValueSyntax.Literal { Text: var text } ? Unescaped(text) : null;

        // Settings the call does not reproduce.
        if (Parameter("queryTimeout") is not null)
        {
            return [ConnectorTodo(operation, "it sets queryTimeout (PreparedStatement.setQueryTimeout), which the generated call does not set")];
        }

        // Only executeQuery's template declares transactionIsolation; the others never pass it to ExecuteQuery.
        if (kind == DbConnectorOperation.ExecuteQuery && Parameter("transactionIsolation") is { } isolation
            && !(isolation.Value is ValueSyntax.Literal { Text: var level } && (level.Trim().Length == 0 || string.Equals(level.Trim(), "TRANSACTION_NONE", StringComparison.OrdinalIgnoreCase))))
        {
            return [ConnectorTodo(operation, "it sets a transactionIsolation, under which the connector runs the statement in a transaction of its own (prepareTransactionEnvironment), which the generated call does not start")];
        }

        // ExecuteQuery.connect reads responseVariable and overwriteBody as the template passes them.
        if (Literal("responseVariable") is not { } responseVariable || responseVariable.Trim().Length == 0)
        {
            return [ConnectorTodo(operation, Parameter("responseVariable") is null ? "it has no responseVariable (the connector then stores its result under no name)" : "its responseVariable is computed at run time")];
        }

        var overwriteBody = false;
        if (Parameter("overwriteBody") is { } overwrite)
        {
            if (overwrite.Value is not ValueSyntax.Literal { Text: var overwriteText })
            {
                return [ConnectorTodo(operation, "its overwriteBody is computed at run time")];
            }

            // Boolean.parseBoolean: "true" in any case.
            overwriteBody = overwriteText.Trim().Equals("true", StringComparison.OrdinalIgnoreCase);
        }

        // maxRows (PreparedStatement.setMaxRows) limits only a result set; the insert, update and delete templates do not
        // declare it (call.xml does: it limits the rows of the procedure's result set).
        int? maxRows = null;
        if (kind is DbConnectorOperation.Select or DbConnectorOperation.ExecuteQuery or DbConnectorOperation.Call && Parameter("maxRows") is { } maxRowsParameter)
        {
            if (Literal("maxRows") is not { } maxRowsText || !int.TryParse(maxRowsText.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var rows) || rows < 0)
            {
                return [ConnectorTodo(operation, $"its maxRows '{(maxRowsParameter.Value as ValueSyntax.Literal)?.Text ?? "(an expression)"}' is not a whole number written in the operation")];
            }

            maxRows = rows == 0 ? null : rows;
        }

        // executeQuery's flags (Boolean.parseBoolean: "true" in any case).
        bool? Flag(string name, out TodoStep? flagTodo)
        {
            flagTodo = null;
            if (Parameter(name) is not { } flag)
            {
                return false;
            }

            if (flag.Value is not ValueSyntax.Literal { Text: var flagText })
            {
                flagTodo = ConnectorTodo(operation, $"its {name} is computed at run time");
                return null;
            }

            return flagText.Trim().Equals("true", StringComparison.OrdinalIgnoreCase);
        }

        var resultSet = kind == DbConnectorOperation.Select;
        var prepared = false;
        if (kind == DbConnectorOperation.ExecuteQuery)
        {
            if (Flag("isResultSet", out var flagTodo) is not { } isResultSet)
            {
                return [flagTodo!];
            }

            if (Flag("isPreparedStatement", out flagTodo) is not { } isPrepared)
            {
                return [flagTodo!];
            }

            resultSet = isResultSet;
            prepared = isPrepared;
        }

        // The statement (ExecuteQuery.connect): preparedStmt as written when set (executeQuery's query when
        // isPreparedStatement); else the query with its ${...} parts evaluated (processExpression), run with no parameters.
        var query = Parameter("query");
        // executeQuery's template declares no preparedStmt, so the connector reads none there.
        var preparedStatement = kind == DbConnectorOperation.ExecuteQuery ? (prepared ? query : null) : Parameter("preparedStmt");
        if (query is null && preparedStatement is null)
        {
            return [ConnectorTodo(operation, "it sets neither query nor preparedStmt (the connector fails every call with INVALID_INPUT)")];
        }

        ExprIr statement;
        ExprIr? data = null;
        var width = 0;
        ImmutableArray<DbColumnIr>? columns = null;
        if (preparedStatement is not null)
        {
            statement = TemplateValue(preparedStatement, context);

            // executeQuery.xml declares no queryType (nor columns): TemplateContext.setupParams keeps only declared
            // parameters, so it always binds its parameters JSON.
            var queryType = kind == DbConnectorOperation.ExecuteQuery ? null : Parameter("queryType");
            if (queryType is not null && queryType.Value is not ValueSyntax.Literal)
            {
                return [ConnectorTodo(operation, "its queryType is computed at run time")];
            }

            if (queryType?.Value is ValueSyntax.Literal { Text: var typeText } && typeText.Trim().Equals("offline", StringComparison.OrdinalIgnoreCase))
            {
                // processOfflineQuery: the columns' JSON [[name, value, type], ...] with its ${...} parts evaluated.
                data = ConnectorText(operation, Parameter("columns"), context);
                width = 3;
            }
            else if (kind == DbConnectorOperation.ExecuteQuery)
            {
                // processExecuteQueryParameters: the parameters' JSON [[value, type], ...] with its ${...} parts evaluated.
                data = ConnectorText(operation, Parameter("parameters"), context);
                width = 2;
            }
            else if (Parameter("columnNames") is { } namesParameter && Parameter("columnTypes") is { } typesParameter)
            {
                // processColumnParameters: each column's value is the message property <operation>:<column>, the Value
                // InvokeMediator.populateParameters stored for the operation's <column> parameter (the template does
                // not declare it, so TemplateContext.setupParams leaves it), read through Value.toString: a literal
                // (keyValue) as written, a {${...}} (ValueFactory.createTextValue: a SynapseExpression, whose toString is
                // its text) evaluated as ${...}.
                if (namesParameter.Value is not ValueSyntax.Literal { Text: var namesText } || typesParameter.Value is not ValueSyntax.Literal { Text: var typesText })
                {
                    return [ConnectorTodo(operation, "its columnNames or columnTypes is computed at run time")];
                }

                // Java's String.split drops trailing empty strings ("id,region," names two columns).
                static string[] JavaSplit(string text) => text.Split(',').Reverse().SkipWhile(p => p.Length == 0).Reverse().ToArray();
                var names = JavaSplit(namesText);
                var types = JavaSplit(typesText);
                if (names.Length != types.Length)
                {
                    return [ConnectorTodo(operation, $"its columnNames name {names.Length} columns and its columnTypes {types.Length} types (the connector fails every call: Number of column names and types do not match)")];
                }

                var bound = ImmutableArray.CreateBuilder<DbColumnIr>();
                for (var i = 0; i < names.Length; i++)
                {
                    var name = names[i].Trim();
                    if (DbConnectorDeclared.Contains(name) || Parameter(name) is not { } column)
                    {
                        return [ConnectorTodo(operation, $"no parameter <{name}> gives the column {name} its value (the connector fails every call: Missing value for column: {name})")];
                    }

                    ExprIr? value = column.Value switch
                    {
                        ValueSyntax.Literal literal => new StringLiteralIr(Unescaped(literal.Text)),
                        ValueSyntax.Expression { Syntax.Language: ExpressionLanguage.Synapse } expression => Interpolated("${" + expression.Syntax.Text + "}", operation, context),
                        _ => null,
                    };
                    if (value is null)
                    {
                        return [ConnectorTodo(operation, $"the column {name}'s value is an XPath or json-eval expression, which the connector reads back from its text as ${{...}}")];
                    }

                    bound.Add(new DbColumnIr(value, types[i].Trim()));
                }

                columns = bound.ToImmutable();
            }
        }
        else
        {
            statement = ConnectorText(operation, query, context);
        }

        // select binds its limit and offset as INTEGER parameters after the others, only with a prepared statement.
        ExprIr? Integer(string name) => kind == DbConnectorOperation.Select && preparedStatement is not null && Parameter(name) is { } p ? TemplateValue(p, context) : null;

        return
        [
            new DbConnectorStep(operation, connection, kind, statement, data, width, columns ?? [], resultSet, Integer("limit"), Integer("offset"), maxRows, responseVariable.Trim(), overwriteBody),
        ];
    }

    /// <summary>A template parameter's value as the connector reads it: a literal as written (its <c>${...}</c> not evaluated), an expression's value.</summary>
    private ExprIr TemplateValue(ConnectorParameterSyntax parameter, FlowContext context) => parameter.Value switch
    {
        ValueSyntax.Literal literal => new StringLiteralIr(Unescaped(literal.Text)),
        ValueSyntax.Expression expression => Expr(expression.Syntax, context),
        _ => throw new InvalidOperationException($"Unhandled parameter value {parameter.Value.GetType().Name}"),
    };

    /// <summary>A parameter's text as written, or a note that it is an expression.</summary>
    private static string ParameterText(ConnectorParameterSyntax parameter) =>
        parameter.Value is ValueSyntax.Literal { Text: var text } ? text.Trim() : "an expression";
}
