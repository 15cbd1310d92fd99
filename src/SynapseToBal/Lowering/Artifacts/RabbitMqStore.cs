using System.Globalization;
using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

// Lowering of a RabbitMQ message store (Synapse's RabbitMQStore): a queue on a broker from configurables, which the
// runtime's RabbitMqMessageStore publishes to and reads from with basicGet, in the package's own message format (not
// Synapse's Java-serialized StorableMessage, which Ballerina cannot read).
public sealed partial class Lowerer
{
    /// <summary>RabbitMQStore's connection retry settings: how often and how long it retries connecting at start-up.</summary>
    private static readonly string[] RabbitMqStoreRetry = ["rabbitmq.connection.retry.interval", "rabbitmq.connection.retry.count"];

    /// <summary>
    /// The RabbitMQ store, or null (with the reason) when its connection is not one a <c>rabbitmq:Client</c> makes as
    /// RabbitMQStore.initConnectionFactory makes it: several hosts (RabbitMQStore connects to the first that answers), a
    /// port that is not a number (the Micro Integrator rejects the store), TLS (<c>rabbitmq.connection.ssl.enabled</c>:
    /// not translated yet).
    /// </summary>
    private MessageStoreIr? LowerRabbitMqStore(MessageStoreSyntax store, out string? missing)
    {
        var parameters = store.Parameters.GroupBy(p => p.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        // As written, untrimmed (MessageStoreFactory keeps a parameter's text): RabbitMQStore trims only the host names
        // and ports (initConnectionFactory splits them at commas and trims each); the rest it uses as it is.
        string? Text(string name) => parameters.TryGetValue(name, out var p) ? (p.RawText ?? p.Key) : null;
        missing = null;

        // StringUtils.defaultIfEmpty: an empty setting is the RabbitMQ client's default.
        var host = Text("store.rabbitmq.host.name") is { Length: > 0 } h ? h.Trim() : "localhost";
        var portText = Text("store.rabbitmq.host.port") is { Length: > 0 } p ? p.Trim() : "5672";
        if (host.Contains(',', StringComparison.Ordinal) || portText.Contains(',', StringComparison.Ordinal))
        {
            missing = $"it lists several brokers ('{host}', ports '{portText}'), which RabbitMQStore tries in turn; a rabbitmq:Client connects to one host";
            return null;
        }

        if (!int.TryParse(portText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var port))
        {
            missing = $"its port '{portText}' is not a number (the Micro Integrator rejects the store: Number format error in port number)";
            return null;
        }

        // BooleanUtils.toBoolean: true, on and yes, in any case.
        var ssl = Text("rabbitmq.connection.ssl.enabled")?.ToLowerInvariant() is "true" or "on" or "yes";
        if (ssl)
        {
            missing = "it connects with TLS (rabbitmq.connection.ssl.enabled), which the generated rabbitmq:Client is not configured for: give the rabbitmq:Client a secureSocket with the broker's certificate (and the key store, if any) from configurables";
            return null;
        }

        // resolveVaultExpressions matches the user name and password against a pattern: a missing one is a
        // NullPointerException in RabbitMQStore.init, and the Micro Integrator does not deploy the store.
        if (Text("store.rabbitmq.username") is null || Text("store.rabbitmq.password") is null)
        {
            missing = "it has no store.rabbitmq.username or store.rabbitmq.password, without which RabbitMQStore.init fails (resolveVaultExpressions reads both) and the Micro Integrator does not deploy it";
            return null;
        }

        Symbol Configurable(string hint, string parameter, string? value, string what, bool secret, ConfigurableType type = ConfigurableType.String) =>
            StoreConfigurable(store, parameters, "RabbitMQ", hint, parameter, value, what, secret, type);

        NotTranslatedIr? notTranslated = null;
        void NotApplied(string setting, string consequence)
        {
            // Reported every time; the first one is the TODO.
            var todo = StoreSettingNotApplied(store, setting, consequence);
            notTranslated ??= todo;
        }

        var hostSymbol = Configurable("host", "store.rabbitmq.host.name", host, "Broker host", HasCredentials(host));
        var portSymbol = Configurable("port", "store.rabbitmq.host.port", port.ToString(CultureInfo.InvariantCulture), "Broker port", secret: false, ConfigurableType.Integer);

        // ConnectionFactory's defaults (guest, guest, /) when unset or empty; a vault lookup is a secret.
        var user = Text("store.rabbitmq.username") is { Length: > 0 } u ? u : "guest";
        var username = Configurable("username", "store.rabbitmq.username", user, "User name", user.Contains("vault-lookup", StringComparison.Ordinal));
        var password = Configurable("password", "store.rabbitmq.password", null, "Password", secret: true);
        var virtualHost = Configurable("virtual host", "store.rabbitmq.virtual.host", Text("store.rabbitmq.virtual.host") is { Length: > 0 } v ? v : "/", "Virtual host", secret: false);

        // loadAndValidateParams: the queue is named after the store, the routing key after the queue, when unset.
        var queue = Configurable("queue", "store.rabbitmq.queue.name", Text("store.rabbitmq.queue.name") is { Length: > 0 } q ? q : store.Name, "Queue", secret: false);
        var exchange = Text("store.rabbitmq.exchange.name") is { Length: > 0 } e ? Configurable("exchange", "store.rabbitmq.exchange.name", e, "Exchange", secret: false) : null;
        var routingKey = Text("store.rabbitmq.route.key") is { Length: > 0 } r ? Configurable("routing key", "store.rabbitmq.route.key", r, "Routing key", secret: false) : null;

        // RabbitMQProducer publishes with the stored message's ID, delivery mode 2 (persistent) and its priority: the
        // runtime's store publishes the same properties on the client's channel (rabbitMqPublish), nothing to report.

        // store.producer.guaranteed.delivery.enable turns on publisher confirms (channel.confirmSelect, waitForConfirms)
        // and, in the store mediator, the failover store; ballerinax/rabbitmq has no publisher confirms.
        if (string.Equals(Text("store.producer.guaranteed.delivery.enable"), "true", StringComparison.OrdinalIgnoreCase))
        {
            NotApplied(
                "store.producer.guaranteed.delivery.enable",
                "guaranteed delivery is not translated for a RabbitMQ store: publishMessage does not wait for the broker's publisher confirm, and a message the queue cannot take fails the store mediator (status 500, ERROR_MESSAGE set), no failover store takes it");
        }

        foreach (var name in RabbitMqStoreRetry.Where(parameters.ContainsKey))
        {
            NotApplied(name, "the store connects once at start-up (the program does not start when the broker cannot be reached), where RabbitMQStore retries as the setting says");
        }

        string[] mapped =
        [
            "store.rabbitmq.host.name", "store.rabbitmq.host.port", "store.rabbitmq.username", "store.rabbitmq.password", "store.rabbitmq.virtual.host",
            "store.rabbitmq.queue.name", "store.rabbitmq.exchange.name", "store.rabbitmq.route.key", "rabbitmq.connection.ssl.enabled",
            "store.producer.guaranteed.delivery.enable", "store.failover.message.store.name", .. RabbitMqStoreRetry,
        ];
        foreach (var parameter in parameters.Values.Where(p => !mapped.Contains(p.Name, StringComparer.Ordinal)))
        {
            // The TLS settings are read only with rabbitmq.connection.ssl.enabled (RabbitMQStore.setSSL): here they mean nothing.
            if (parameter.Name.StartsWith("rabbitmq.connection.ssl.", StringComparison.Ordinal))
            {
                continue;
            }

            NotApplied($"parameter '{parameter.Name}'", "the RabbitMQ store does not read it");
        }

        var rabbit = new RabbitMqStoreIr(hostSymbol, portSymbol, username, password, virtualHost, queue, exchange, routingKey) { NotTranslated = notTranslated };
        return new MessageStoreIr(_symbols.Module(SymbolKind.LocalEntry, store.Name, "store"), store.Name, store) { RabbitMq = rabbit };
    }
}
