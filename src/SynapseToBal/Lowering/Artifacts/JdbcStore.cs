using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

// Lowering of a JDBC message store (Synapse's JDBCMessageStore): a jdbc:Client from configurables and a table the
// runtime's JdbcMessageStore writes to and reads from, in the package's own message format (not Synapse's
// Java-serialized StorableMessage, which Ballerina cannot read).
public sealed partial class Lowerer
{
    /// <summary>JDBCMessageStore's default table (JDBCMessageStoreConstants.JDBC_DEFAULT_TABLE_NAME).</summary>
    private const string JdbcDefaultTable = "jdbc_message_store";

    /// <summary>
    /// The JDBC store, or null (with the reason) when it does not connect the way a generated client can, as
    /// JDBCConfiguration.buildDataSource decides: a <c>store.jdbc.dsName</c> is a data source the server defines (looked
    /// up by name, its connection not in the input); without it the store needs <c>store.jdbc.driver</c> and
    /// <c>store.jdbc.connection.url</c>, else the Micro Integrator cannot connect either.
    /// </summary>
    private MessageStoreIr? LowerJdbcStore(MessageStoreSyntax store, out string? missing)
    {
        var parameters = store.Parameters.GroupBy(p => p.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        // As written, untrimmed: MessageStoreFactory keeps a parameter's text (getText) and JDBCConfiguration hands the
        // driver, URL, user, password and table to the data source and the statements as they are (a ' jdbc:...' URL
        // or ' admin' user connects as the Micro Integrator's does, or fails as it does).
        string? Text(string name) => parameters.TryGetValue(name, out var p) ? (p.RawText ?? p.Key) : null;
        missing = null;
        if (Text("store.jdbc.dsName") is { } dataSource)
        {
            missing = $"it uses the data source '{dataSource}' (store.jdbc.dsName) that the server defines, whose connection is not part of the input; set up a jdbc:Client to that database";
            return null;
        }

        if (Text("store.jdbc.driver") is not { Length: > 0 } driver || Text("store.jdbc.connection.url") is not { Length: > 0 } url)
        {
            missing = "it has no store.jdbc.driver or store.jdbc.connection.url (JDBCMessageStore cannot connect without them, nor without store.jdbc.dsName)";
            return null;
        }

        Symbol Configurable(string hint, string parameter, string? value, string what, bool secret) =>
            StoreConfigurable(store, parameters, "JDBC", hint, parameter, value, what, secret);

        NotTranslatedIr? notTranslated = null;
        void NotApplied(string setting, string consequence)
        {
            // Reported every time; the first one is the TODO.
            var todo = StoreSettingNotApplied(store, setting, consequence);
            notTranslated ??= todo;
        }

        var urlSymbol = Configurable("url", "store.jdbc.connection.url", url, "JDBC URL", HasCredentials(url));

        // JDBCConfiguration passes the user and password as they are given (each may be absent); a vault lookup is a secret.
        var user = Text("store.jdbc.username");
        var username = user is null ? null : Configurable("username", "store.jdbc.username", user, "User name", user.Contains("vault-lookup", StringComparison.Ordinal));
        var password = parameters.ContainsKey("store.jdbc.password") ? Configurable("password", "store.jdbc.password", null, "Password", secret: true) : null;
        var table = Configurable("table", "store.jdbc.table", Text("store.jdbc.table") is { Length: > 0 } named ? named : JdbcDefaultTable, "Table", secret: false);

        // Guaranteed delivery (the store mediator's failover store) applies only when enabled, as MessageStoreMediator reads it.
        if (string.Equals(Text("store.producer.guaranteed.delivery.enable"), "true", StringComparison.OrdinalIgnoreCase))
        {
            NotApplied(
                "store.producer.guaranteed.delivery.enable",
                "guaranteed delivery is not translated for a JDBC store: a message the table cannot take fails the store mediator (status 500, ERROR_MESSAGE set), no failover store takes it");
        }

        string[] mapped =
        [
            "store.jdbc.driver", "store.jdbc.connection.url", "store.jdbc.username", "store.jdbc.password", "store.jdbc.table",
            "store.producer.guaranteed.delivery.enable", "store.failover.message.store.name",
        ];
        foreach (var parameter in parameters.Values.Where(p => !mapped.Contains(p.Name, StringComparer.Ordinal)))
        {
            NotApplied($"parameter '{parameter.Name}'", "the JDBC store does not read it here");
        }

        var jdbc = new JdbcStoreIr(_symbols.Module(SymbolKind.Client, store.Name + " database"), urlSymbol, username, password, table, driver) { NotTranslated = notTranslated };
        return new MessageStoreIr(_symbols.Module(SymbolKind.LocalEntry, store.Name, "store"), store.Name, store) { Jdbc = jdbc };
    }
}
