using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

public sealed partial class Lowerer
{
    /// <summary>
    /// A connector operation (<c>&lt;salesforce.query&gt;</c>, <c>&lt;http.get&gt;</c>, ...): the operations of a connector
    /// translated in <c>Lowering/Mediators/Connectors/</c> become calls on a client of its Ballerina module; any other
    /// stays a TODO (SB0232) that names the module replacing the connector (<see cref="Connectors"/>), the connection
    /// it uses and its parameters, and carries the element with every parameter value, credentials masked.
    /// </summary>
    private IEnumerable<StepIr> LowerConnectorOperation(ConnectorOperationMediator operation, FlowContext context)
    {
        if (operation.Connector == "http" && HttpOperations.TryGetValue(operation.Operation, out var method))
        {
            return LowerHttpOperation(operation, method, context);
        }

        if (operation.Connector == "email" && operation.Operation == "send")
        {
            return LowerEmailSend(operation, context);
        }

        if (operation.Connector == "fileconnector" && IsFileConnectorV1(operation))
        {
            return LowerFileConnectorV1Operation(operation, context);
        }

        if (operation.Connector == "fileconnector" && FileConnectorOperations.TryGetValue(operation.Operation, out var fileOperation))
        {
            return LowerFileConnectorOperation(operation, fileOperation, context);
        }

        if (operation.Connector == "kafkaTransport" && operation.Operation == "publishMessages")
        {
            return LowerKafkaPublish(operation, context);
        }

        if (operation.Connector == "db")
        {
            return LowerDbConnectorOperation(operation, context);
        }

        if (operation.Connector == "salesforcerest")
        {
            return LowerSalesforceRestOperation(operation, context);
        }

        if (operation.Connector == "gmail")
        {
            return LowerGmailOperation(operation, context);
        }

        if (operation.Connector == "mongodb")
        {
            return LowerMongoDbOperation(operation);
        }

        if (operation.Connector == "redis")
        {
            return LowerRedisOperation(operation, context);
        }

        if (operation.Connector == "ldap")
        {
            return LowerLdapOperation(operation, context);
        }

        if (operation.Connector == "amazonsqs")
        {
            return LowerAmazonSqsOperation(operation, context);
        }

        if (operation.Connector == "amazons3")
        {
            return LowerAmazonS3Operation(operation, context);
        }

        if (ConnectorWithDifferentResult(operation) is { } different)
        {
            return different;
        }

        return [ConnectorTodo(operation, null)];
    }

    /// <summary>
    /// The translated connection an operation names by <c>configKey</c>, or null with the TODO saying why there is
    /// none (no configKey, no local entry holding <paramref name="init"/>, or one that is not translated).
    /// </summary>
    private T? ConnectionOf<T>(ConnectorOperationMediator operation, Dictionary<string, T> connections, Dictionary<string, string> problems, string init, out TodoStep? todo)
        where T : class
    {
        todo = null;
        if (operation.ConfigKey is not { } key)
        {
            todo = ConnectorTodo(operation, "the operation names no connection (configKey)");
            return null;
        }

        if (connections.TryGetValue(key, out var connection))
        {
            return connection;
        }

        todo = ConnectorTodo(operation, problems.TryGetValue(key, out var problem)
            ? $"its connection '{key}' is not translated: {problem}"
            : $"no local entry '{key}' holds an <{init}> connection");
        return null;
    }

    /// <summary>
    /// One setting of a connector connection local entry (<c>&lt;x.init&gt;</c>) as a configurable added to
    /// <paramref name="configurables"/>: a vault lookup is its secret, a <c>configs.x</c> reference a required
    /// configurable the deployment sets, a credential a required configurable never copied from the input (SB0212),
    /// anything else a configurable holding the literal (or <paramref name="literal"/>).
    /// </summary>
    private Symbol ConnectionConfigurable(LocalEntrySyntax entry, string kind, List<ConfigurableIr> configurables, string setting, string text, bool secret, string? literal = null) =>
        ConnectionConfigurable(entry.Name, entry.Location, kind, configurables, setting, text, secret, literal);

    /// <summary>The same for a connection named <paramref name="name"/> (a local entry's key, or an inline init's artifact) written at <paramref name="location"/>.</summary>
    private Symbol ConnectionConfigurable(string name, SourceLocation location, string kind, List<ConfigurableIr> configurables, string setting, string text, bool secret, string? literal = null)
    {
        var what = $"{name} {setting}";
        if (ConnectionVault.Match(text) is { Success: true } vault)
        {
            return DeclareSecret(vault.Groups["alias"].Value);
        }

        var symbol = _symbols.Module(SymbolKind.Configurable, what);
        if (ConnectionConfig.Match(text) is { Success: true } config)
        {
            configurables.Add(new ConfigurableIr(symbol, ConfigurableType.String, null, $"'{setting}' of the {kind} connection '{name}': the Micro Integrator reads it from its configuration (configs.{config.Groups["name"].Value}).", secret));
        }
        else if (secret)
        {
            // Never a literal: a required configurable, whatever the input holds.
            configurables.Add(new ConfigurableIr(symbol, ConfigurableType.String, null, $"The '{setting}' credential of the {kind} connection '{name}' (not copied from the Synapse configuration).", Secret: true));
            _diagnostics.Report(DiagnosticCatalog.SecretConfigurable, location, what);
        }
        else
        {
            configurables.Add(new ConfigurableIr(symbol, ConfigurableType.String, literal ?? text, $"'{setting}' of the {kind} connection '{name}'.", Secret: false));
        }

        return symbol;
    }

    /// <summary>
    /// The settings of a connection local entry's <c>&lt;x.init&gt;</c> (<paramref name="xml"/>): each child element's
    /// text by its name (or the name an alias maps it to); null, with the problem kept for the operations that use the
    /// connection, when the XML is not well-formed.
    /// </summary>
    private static Dictionary<string, string>? ConnectionSettings(LocalEntrySyntax entry, string xml, Dictionary<string, string> problems, string init, IReadOnlyDictionary<string, string>? aliases = null)
    {
        System.Xml.Linq.XElement root;
        try
        {
            root = XmlSource.Parse(entry.Location.Path, xml).Root;
        }
        catch (System.Xml.XmlException)
        {
            problems[entry.Name] = $"its <{init}> is not well-formed XML";
            return null;
        }

        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var child in root.Elements())
        {
            if (!child.HasElements && child.Value.Length == 0 && child.Attributes().All(a => a.IsNamespaceDeclaration || a.Value.Length == 0))
            {
                // Not passed, as for an operation's parameter (ConnectorParameterSyntax.IsPassed): the connection keeps its default.
                continue;
            }

            var name = child.Name.LocalName;
            settings[aliases?.GetValueOrDefault(name, name) ?? name] = child.Value;
        }

        return settings;
    }

    /// <summary>An operation's parameters by name (the last of a repeated name wins, as the connector reads them).</summary>
    private static Dictionary<string, ConnectorParameterSyntax> ParametersByName(ConnectorOperationMediator operation)
    {
        var parameters = new Dictionary<string, ConnectorParameterSyntax>(StringComparer.Ordinal);
        foreach (var parameter in operation.PassedParameters)
        {
            parameters[parameter.Name] = parameter;
        }

        return parameters;
    }

    /// <summary>
    /// The TODO for an operation a hand-translated connector cannot read: attributes on the operation element (other
    /// than configKey and description), or a parameter holding attributes or XML instead of a value; null when it has
    /// neither.
    /// </summary>
    private TodoStep? UnreadableOperationShape(ConnectorOperationMediator operation)
    {
        if (!operation.Attributes.IsEmpty)
        {
            return ConnectorTodo(operation, $"it has the attribute{(operation.Attributes.Length == 1 ? string.Empty : "s")} {string.Join(", ", operation.Attributes.Select(a => a.Name))}");
        }

        return operation.PassedParameters.FirstOrDefault(p => !p.Attributes.IsEmpty || p.Value is ValueSyntax.InlineXml) is { } odd
            ? ConnectorTodo(operation, $"its {odd.Name} holds {(odd.Value is ValueSyntax.InlineXml ? "XML" : "attributes")}, not a value")
            : null;
    }

    /// <summary>The TODO for an operation that is not translated; <paramref name="why"/> says why when its connector's operations usually are.</summary>
    private TodoStep ConnectorTodo(ConnectorOperationMediator operation, string? why)
    {
        var replacement = Connectors.Replacement(operation.Connector, operation.Operation);
        why ??= Connectors.Why(operation.Connector);
        var details = new List<string>();
        if (why is not null)
        {
            details.Add("not translated because " + why);
        }

        if (operation.ConfigKey is { } configKey)
        {
            details.Add($"the connection is the local entry '{configKey}'");
        }

        if (!operation.Parameters.IsEmpty)
        {
            details.Add((operation.IsInit ? "settings: " : "parameters: ") + string.Join(", ", operation.Parameters.Select(p => p.Name)));
        }

        if (!operation.Attributes.IsEmpty)
        {
            details.Add("attributes: " + string.Join(", ", operation.Attributes.Select(a => a.Name)));
        }

        var message = $"connector operation <{operation.ElementName}>: {replacement}" + (details.Count == 0 ? string.Empty : "; " + string.Join("; ", details));
        return Todo(operation, DiagnosticCatalog.ConnectorOperationNotTranslated, message, operation.ElementName, why is null ? replacement : $"{replacement} (not translated because {why})");
    }
}
