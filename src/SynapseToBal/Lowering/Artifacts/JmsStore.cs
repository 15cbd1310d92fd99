using System.Collections.Immutable;
using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

// Lowering of a JMS message store (Synapse's JmsStore): a jms:Connection from configurables and a queue the runtime's
// JmsMessageStore writes to and reads from, in the package's own message format (not Synapse's serialized messages).
public sealed partial class Lowerer
{
    /// <summary>JmsStore's parameters that have no counterpart here: the connection is kept, and the consumer's timeout is not read by Synapse either.</summary>
    private static readonly string[] JmsStoreRuntimeOnly = ["store.jms.JMSSpecVersion", "store.jms.cache.connection", "store.jms.ConsumerReceiveTimeOut"];

    /// <summary>The JNDI initial context factory of WSO2 Message Broker (andes), which needs no provider URL.</summary>
    private const string AndesContextFactory = "org.wso2.andes.jndi.PropertiesFileInitialContextFactory";

    /// <summary>
    /// The JMS store, or null (with the reason) when it cannot be connected as JmsStore connects: without a JNDI
    /// initial context factory the Micro Integrator cannot look the connection factory up either. JmsStore.initme
    /// passes the store's parameters, and only those, to the InitialContext, so a provider URL is needed only when the
    /// factory needs one: WSO2 MB's PropertiesFileInitialContextFactory (andes) reads the connection factories from the
    /// environment (connectionfactory.*) and takes a provider URL only as a properties file to load, none when there is
    /// none. ballerinax/java.jms always passes a provider URL (JmsConnection.getConnectionProperties): an empty one,
    /// which andes' factory fails to open as a file and only logs (getInitialContext catches the IOException). For
    /// another factory the provider URL it would default to is not known here: refused.
    /// </summary>
    private MessageStoreIr? LowerJmsStore(MessageStoreSyntax store, out string? missing)
    {
        var parameters = store.Parameters.GroupBy(p => p.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        // As written, untrimmed: MessageStoreFactory keeps a parameter's text (getText) and JmsStore uses it as it is
        // (JNDI names and properties, the destination, Boolean.valueOf for guaranteed delivery).
        string? Text(string name) => parameters.TryGetValue(name, out var p) ? (p.RawText ?? p.Key) : null;
        missing = null;
        if (Text("java.naming.factory.initial") is not { Length: > 0 } factory)
        {
            missing = "it has no java.naming.factory.initial (JmsStore's InitialContext has no factory to look its connection factory up with)";
            return null;
        }

        var providerUrl = Text("java.naming.provider.url") is { Length: > 0 } givenUrl ? givenUrl : null;
        if (providerUrl is null && factory != AndesContextFactory)
        {
            missing = $"it has no java.naming.provider.url: JmsStore passes only the parameters given to JNDI, so the factory '{factory}' uses its own default, which is not known here, while ballerinax/java.jms always passes a provider URL (set java.naming.provider.url to the broker's URL)";
            return null;
        }

        Symbol Configurable(string parameter, string? value, string what, bool secret = false) =>
            StoreConfigurable(store, parameters, "JMS", parameter, parameter, value, what, secret);

        var contextFactory = Configurable("java.naming.factory.initial", factory, "JNDI initial context factory");
        // Without one (WSO2 MB's factory), a configurable defaulting to "" as the other settings are configurables: an
        // empty provider URL is what java.jms passes then, and a deployment can still name a properties file.
        var url = Configurable("java.naming.provider.url", providerUrl ?? string.Empty, providerUrl is null ? "JNDI provider URL (none set: WSO2 MB's factory needs none)" : "JNDI provider URL", secret: providerUrl is not null && HasCredentials(providerUrl));
        var connectionFactory = Configurable("store.jms.connection.factory", Text("store.jms.connection.factory") ?? "QueueConnectionFactory", "JNDI name of the connection factory");
        // JmsStore names the queue after the store when no destination is given, and looks the name up in JNDI first
        // (getDestination): through ActiveMQ's, dynamicQueues/X is the queue X.
        var destination = Text("store.jms.destination") ?? store.Name + "_Queue";
        if (JmsJndiNames.Physical(factory, destination) is (var physical, false))
        {
            destination = physical;
        }

        var queue = Configurable("store.jms.destination", destination, "Queue");

        NotTranslatedIr? notTranslated = null;
        void NotApplied(string setting, string consequence)
        {
            // Reported every time; the first one is the TODO.
            var todo = StoreSettingNotApplied(store, setting, consequence);
            notTranslated ??= todo;
        }

        // JmsStore connects with credentials only when both are given.
        Symbol? username = null, password = null;
        var user = Text("store.jms.username");
        var hasPassword = parameters.ContainsKey("store.jms.password");
        if (user is not null && hasPassword)
        {
            username = Configurable("store.jms.username", user, "User name");
            password = Configurable("store.jms.password", null, "Password", secret: true);
        }
        else if (user is not null || hasPassword)
        {
            NotApplied(user is not null ? "store.jms.username" : "store.jms.password", "the Micro Integrator connects with credentials only when both store.jms.username and store.jms.password are set; the connection is made without them");
        }

        // The store mediator writes to store.failover.message.store.name when storing fails and guaranteed delivery is
        // enabled (MessageStoreMediator reads the store's parameters); the failover store is checked once every store is known.
        var failoverStore = string.Equals(Text("store.producer.guaranteed.delivery.enable"), "true", StringComparison.OrdinalIgnoreCase)
            && Text("store.failover.message.store.name") is { Length: > 0 } failoverName ? failoverName : null;

        string[] mapped =
        [
            "java.naming.factory.initial", "java.naming.provider.url", "store.jms.connection.factory", "store.jms.destination",
            "store.jms.username", "store.jms.password", "store.producer.guaranteed.delivery.enable", "store.failover.message.store.name",
        ];

        // JmsStore passes every parameter to the JNDI initial context: the others (connectionfactory.*, queue.*, vendor
        // properties) go to the connection's properties; the store's own settings mean nothing to JNDI.
        var properties = ImmutableArray.CreateBuilder<JndiPropertyIr>();
        foreach (var parameter in parameters.Values.Where(p => !mapped.Contains(p.Name, StringComparer.Ordinal) && !JmsStoreRuntimeOnly.Contains(p.Name, StringComparer.Ordinal)))
        {
            if (parameter.Name.StartsWith("store.", StringComparison.Ordinal))
            {
                NotApplied($"parameter '{parameter.Name}'", "the JMS store does not read it here");
                continue;
            }

            var value = parameter.RawText ?? parameter.Key ?? string.Empty;
            var secret = SecretNames.IsSecret(parameter.Name) || SecretNames.IsSecret(parameter.Name.Split('.')[^1]) || HasCredentials(value);
            properties.Add(new JndiPropertyIr(parameter.Name, Configurable(parameter.Name, value, "JNDI property", secret)));
        }

        var jms = new JmsStoreIr(
            _symbols.Module(SymbolKind.Client, store.Name + " connection"),
            contextFactory,
            url,
            providerUrl is not null,
            connectionFactory,
            username,
            password,
            queue,
            properties.ToImmutable()) { NotTranslated = notTranslated, FailoverStoreName = failoverStore };
        return new MessageStoreIr(_symbols.Module(SymbolKind.LocalEntry, store.Name, "store"), store.Name, store) { Jms = jms };
    }

    /// <summary>
    /// Guaranteed delivery needs an in-memory failover store (storing there cannot fail); any other failover store
    /// is reported and the store mediator then fails the flow as when there is none.
    /// </summary>
    private void CheckJmsFailoverStores()
    {
        foreach (var (name, store) in _messageStores.Where(s => s.Value.Jms?.FailoverStoreName is not null).ToList())
        {
            var jms = store.Jms!;
            var failover = jms.FailoverStoreName!;
            if (_messageStores.TryGetValue(failover, out var target) && target.Jms is null && target.Jdbc is null && target.RabbitMq is null)
            {
                continue;
            }

            var why = _messageStores.TryGetValue(failover, out var external) ? $"it is a {(external.Jdbc is not null ? "JDBC" : external.RabbitMq is not null ? "RabbitMQ" : "JMS")} store (only an in-memory failover store is translated)"
                : _storeReasons.TryGetValue(failover, out var reason) ? $"the {reason.Kind} message store is not translated"
                : "the message store is not part of the input";
            var setting = $"store.producer.guaranteed.delivery.enable with store.failover.message.store.name '{failover}'";
            var consequence = $"{why}: a message the queue cannot take is not stored there, the store mediator fails the flow (status 500, ERROR_MESSAGE set)";
            _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, store.Origin.Location, "messageStore", setting, consequence);
            _messageStores[name] = store with
            {
                Jms = jms with
                {
                    FailoverStoreName = null,
                    NotTranslated = jms.NotTranslated ?? new NotTranslatedIr(DiagnosticCatalog.AttributeNotTranslated, $"{setting} of message store '{store.StoreName}' is not applied: {consequence}"),
                },
            };
        }
    }
}
