using System.Collections.Immutable;
using System.Xml.Linq;
using SynapseToBal.Diagnostics;

namespace SynapseToBal.Syntax;

/// <summary>Parsers for data mediators: dbreport, dblookup, dataServiceCall, transaction.</summary>
public sealed partial class SynapseParser
{
    private static readonly HashSet<string> TransactionActions = new(StringComparer.Ordinal)
    {
        "new", "use-existing-or-new", "fault-if-no-tx", "commit", "rollback", "suspend", "resume",
    };

    private DbReportMediator ParseDbReport(XElement element, SourceLocation location, RawXmlText raw) =>
        new(location, raw, Bool(element, "useTransaction") ?? false, ParseDbPool(element, "dbreport"), ParseDbStatements(element, "dbreport"));

    /// <summary>The <c>&lt;connection&gt;&lt;pool&gt;</c> of a DB mediator; other children are left to the statements parser.</summary>
    private DbPoolSyntax? ParseDbPool(XElement element, string context)
    {
        DbPoolSyntax? pool = null;
        foreach (var connection in element.Elements().Where(e => LocalName(e) == "connection"))
        {
            Claim(connection);
            foreach (var child in connection.Elements())
            {
                if (LocalName(child) == "pool" && pool is null)
                {
                    pool = ParsePool(child, context);
                }
                else
                {
                    Extra(child, context + "/connection");
                }
            }
        }

        return pool;
    }

    private DbPoolSyntax ParsePool(XElement pool, string context)
    {
        Claim(pool);
        DbPoolValueSyntax? dsName = null;
        DbPoolValueSyntax? icClass = null;
        DbPoolValueSyntax? driver = null;
        DbPoolValueSyntax? url = null;
        DbPoolValueSyntax? user = null;
        DbPoolValueSyntax? password = null;
        var properties = ImmutableArray.CreateBuilder<NamedValueSyntax>();
        foreach (var child in pool.Elements())
        {
            switch (LocalName(child))
            {
                case "dsName":
                    dsName ??= PoolValue(child);
                    break;
                case "icClass":
                    icClass ??= PoolValue(child);
                    break;
                case "driver":
                    driver ??= PoolValue(child);
                    break;
                case "url":
                    url ??= PoolValue(child);
                    break;
                case "user":
                    user ??= PoolValue(child);
                    break;
                case "password":
                    password ??= PoolValue(child);
                    break;
                case "property":
                    properties.Add(new NamedValueSyntax(
                        Attr(child, "name") ?? Missing(child, "name", string.Empty),
                        new ValueSyntax.Literal(Attr(child, "value") ?? Missing(child, "value", string.Empty)),
                        Loc(child)));
                    break;
                default:
                    Extra(child, context + "/pool");
                    break;
            }
        }

        return new DbPoolSyntax(Loc(pool), dsName, icClass, driver, url, user, password, properties.ToImmutable());
    }

    private DbPoolValueSyntax PoolValue(XElement element)
    {
        ClaimAll(element);
        return Attr(element, "key") is { } key
            ? new DbPoolValueSyntax(key, true, Loc(element))
            : new DbPoolValueSyntax(element.Value.Trim(), false, Loc(element));
    }

    /// <summary>The <c>&lt;statement&gt;</c> children of a DB mediator; children other than connection/statement are extra.</summary>
    private ImmutableArray<DbStatementSyntax> ParseDbStatements(XElement element, string context)
    {
        var statements = ImmutableArray.CreateBuilder<DbStatementSyntax>();
        foreach (var child in element.Elements())
        {
            switch (LocalName(child))
            {
                case "statement":
                    statements.Add(ParseDbStatement(child, context));
                    break;
                case "connection":
                    break;
                case "description":
                    Claim(child);
                    break;
                default:
                    Extra(child, context);
                    break;
            }
        }

        return statements.ToImmutable();
    }

    private DbStatementSyntax ParseDbStatement(XElement statement, string context)
    {
        Claim(statement);
        string? sql = null;
        var parameters = ImmutableArray.CreateBuilder<DbParameterSyntax>();
        var results = ImmutableArray.CreateBuilder<DbResultSyntax>();
        foreach (var child in statement.Elements())
        {
            switch (LocalName(child))
            {
                case "sql" when sql is null:
                    ClaimAll(child);
                    sql = child.Value.Trim();
                    break;
                case "parameter":
                    parameters.Add(new DbParameterSyntax(ValueOrExpression(child), Attr(child, "type"), Loc(child)));
                    break;
                case "result":
                    results.Add(new DbResultSyntax(
                        Attr(child, "name") ?? Missing(child, "name", string.Empty),
                        Attr(child, "column") ?? Missing(child, "column", string.Empty),
                        Loc(child)));
                    break;
                default:
                    Extra(child, context + "/statement");
                    break;
            }
        }

        if (sql is null)
        {
            _diagnostics.Report(DiagnosticCatalog.MissingElement, Loc(statement), "statement", "sql");
        }

        return new DbStatementSyntax(sql ?? string.Empty, parameters.ToImmutable(), results.ToImmutable(), Loc(statement));
    }

    private DataServiceCallMediator ParseDataServiceCall(XElement element, SourceLocation location, RawXmlText raw)
    {
        string? sourceType = null;
        DataServiceOperationsSyntax? operations = null;
        string? targetType = null;
        string? targetName = null;
        ExpressionSyntax? targetNameExpression = null;
        foreach (var child in element.Elements())
        {
            switch (LocalName(child))
            {
                case "source":
                    Claim(child);
                    sourceType = Attr(child, "type");
                    break;
                case "operations" when operations is null:
                    operations = ParseDataServiceOperations(child);
                    break;
                case "target":
                    Claim(child);
                    targetType = Attr(child, "type");
                    targetName = Attr(child, "name");
                    if (targetName is { Length: >= 2 } && targetName[0] == '{' && targetName[^1] == '}')
                    {
                        targetNameExpression = ExpressionSyntax.Create(targetName[1..^1], Namespaces(child), Loc(child));
                    }

                    break;
                case "description":
                    Claim(child);
                    break;
                default:
                    Extra(child, "dataServiceCall");
                    break;
            }
        }

        return new DataServiceCallMediator(location, raw, Attr(element, "serviceName") ?? Missing(element, "serviceName", string.Empty), sourceType, operations, targetType, targetName)
        {
            TargetNameExpression = targetNameExpression,
        };
    }

    private DataServiceOperationsSyntax ParseDataServiceOperations(XElement operations)
    {
        Claim(operations);
        var single = ImmutableArray.CreateBuilder<DataServiceOperationSyntax>();
        var groups = ImmutableArray.CreateBuilder<DataServiceOperationsSyntax>();
        foreach (var child in operations.Elements())
        {
            switch (LocalName(child))
            {
                case "operation":
                    Claim(child);
                    var parameters = ImmutableArray.CreateBuilder<DataServiceParamSyntax>();
                    foreach (var param in child.Elements())
                    {
                        if (LocalName(param) != "param")
                        {
                            Extra(param, "operation");
                            continue;
                        }

                        var evaluator = Attr(param, "evaluator");
                        var value = ValueOrExpression(param);
                        if (evaluator == "json" && value is ValueSyntax.Expression { Syntax.Language: ExpressionLanguage.XPath } xpath)
                        {
                            // With evaluator="json" the expression is a JSONPath without the json-eval() wrapper.
                            value = new ValueSyntax.Expression(xpath.Syntax with { Language = ExpressionLanguage.JsonPath });
                        }

                        parameters.Add(new DataServiceParamSyntax(Attr(param, "name") ?? Missing(param, "name", string.Empty), Attr(param, "type"), value, evaluator, Loc(param)));
                    }

                    single.Add(new DataServiceOperationSyntax(Attr(child, "name") ?? Missing(child, "name", string.Empty), parameters.ToImmutable(), Loc(child)));
                    break;
                case "operations":
                    groups.Add(ParseDataServiceOperations(child));
                    break;
                default:
                    Extra(child, "operations");
                    break;
            }
        }

        return new DataServiceOperationsSyntax(Attr(operations, "type"), single.ToImmutable(), groups.ToImmutable(), Loc(operations));
    }

    private TransactionMediator ParseTransaction(XElement element, SourceLocation location, RawXmlText raw)
    {
        var action = Attr(element, "action");
        if (action is null)
        {
            Missing(element, "action", string.Empty);
        }
        else if (!TransactionActions.Contains(action))
        {
            _diagnostics.Report(DiagnosticCatalog.InvalidAttribute, location, "transaction", "action", action, "it is kept as written");
        }

        return new TransactionMediator(location, raw, action);
    }
}
