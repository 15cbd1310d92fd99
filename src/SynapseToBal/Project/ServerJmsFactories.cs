using System.Collections.Immutable;
using System.Xml;
using System.Xml.Linq;
using SynapseToBal.Syntax;

namespace SynapseToBal.Project;

/// <summary>
/// Reads the JMS connection factories of a Micro Integrator's deployment.toml and of an axis2.xml (MI 4.x
/// <c>conf/axis2/axis2.xml</c>, EI 6.x <c>repository/conf/axis2/axis2.xml</c>).
/// </summary>
/// <remarks>
/// The MI's config tool renders each <c>[[transport.jms.listener]]</c> (template <c>conf/axis2/axis2.xml.j2</c>) as
/// <c>&lt;parameter name="{{listener.name}}"&gt;</c> inside <c>&lt;transportReceiver name="jms"&gt;</c>, with one
/// nested parameter for each <c>parameter.X</c> key (<c>listener.parameter.items()</c>), and
/// <c>[[transport.jms.sender]]</c> likewise inside <c>transportSender</c>. Before rendering, key-mappings.json renames
/// the friendly keys (<c>parameter.initial_naming_factory</c> to <c>java.naming.factory.initial</c>, ...:
/// <see cref="KeyMappings"/>); a quoted key (<c>parameter.'transport.jms.CacheLevel'</c>) is written as it is. Other keys
/// of a factory's table are never rendered.
/// </remarks>
public static class ServerJmsFactories
{
    /// <summary>key-mappings.json of the MI's config tool: the friendly <c>parameter.*</c> keys of a JMS listener or sender table and the Axis2 parameter each becomes.</summary>
    public static readonly IReadOnlyDictionary<string, string> KeyMappings = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["initial_naming_factory"] = "java.naming.factory.initial",
        ["provider_url"] = "java.naming.provider.url",
        ["connection_factory_name"] = "transport.jms.ConnectionFactoryJNDIName",
        ["connection_factory_type"] = "transport.jms.ConnectionFactoryType",
        ["cache_level"] = "transport.jms.CacheLevel",
        ["naming_security_principal"] = "java.naming.security.principal",
        ["naming_security_credential"] = "java.naming.security.credentials",
        ["transactionality"] = "transport.Transactionality",
        ["transaction_jndi_name"] = "transport.UserTxnJNDIName",
        ["cache_user_transaction"] = "transport.CacheUserTxn",
        ["session_transaction"] = "transport.jms.SessionTransacted",
        ["session_acknowledgement"] = "transport.jms.SessionAcknowledgement",
        ["jms_spec_version"] = "transport.jms.JMSSpecVersion",
        ["username"] = "transport.jms.UserName",
        ["password"] = "transport.jms.Password",
        ["destination"] = "transport.jms.Destination",
        ["destination_type"] = "transport.jms.DestinationType",
        ["default_reply_destination"] = "transport.jms.DefaultReplyDestination",
        ["reply_destination"] = "transport.jms.ReplyDestination",
        ["default_destination_type"] = "transport.jms.DefaultReplyDestinationType",
        ["message_selector"] = "transport.jms.MessageSelector",
        ["subscription_durable"] = "transport.jms.SubscriptionDurable",
        ["durable_subscriber_client_id"] = "transport.jms.DurableSubscriberClientID",
        ["durable_subscriber_name"] = "transport.jms.DurableSubscriberName",
        ["pub_sub_local"] = "transport.jms.PubSubNoLocal",
        ["receive_timeout"] = "transport.jms.ReceiveTimeout",
        ["concurrent_consumer"] = "transport.jms.ConcurrentConsumers",
        ["max_concurrent_consumer"] = "transport.jms.MaxConcurrentConsumers",
        ["idle_task_limit"] = "transport.jms.IdleTaskLimit",
        ["max_message_per_task"] = "transport.jms.MaxMessagesPerTask",
        ["initial_reconnection_duration"] = "transport.jms.InitialReconnectDuration",
        ["reconnect_progress_factor"] = "transport.jms.ReconnectProgressFactor",
        ["max_reconnect_duration"] = "transport.jms.MaxReconnectDuration",
        ["reconnect_interval"] = "transport.jms.ReconnectInterval",
        ["max_jsm_connection"] = "transport.jms.MaxJMSConnections",
        ["max_consumer_error_retrieve_before_delay"] = "transport.jms.MaxConsumeErrorRetriesBeforeDelay",
        ["consume_error_delay"] = "transport.jms.ConsumeErrorDelay",
        ["consume_error_progression"] = "transport.jms.ConsumeErrorProgression",
    };

    /// <summary>The JMS factories of a deployment.toml's text.</summary>
    public static List<ServerJmsFactory> FromToml(string origin, string path, string text) => FromToml(origin, path, TomlText.Parse(text));

    /// <summary>The JMS factories of a deployment.toml already parsed.</summary>
    public static List<ServerJmsFactory> FromToml(string origin, string path, TomlText toml)
    {
        var found = new List<ServerJmsFactory>();

        // axis2.xml.j2 writes the JMS transportReceiver, and so its factories, only when [transport.jms] listener_enable is set
        // and true: without it the Micro Integrator does not listen on JMS at all.
        var listenerEnabled = toml.Tables.SelectMany(t => t.Entries.Select(e => (Key: t.Header.Length == 0 ? e.Key : t.Header + "." + e.Key, e.Value)))
            .LastOrDefault(e => e.Key == "transport.jms.listener_enable").Value?.Text == "true";
        foreach (var table in toml.Tables)
        {
            if (!table.ArrayElement || table.Header is not ("transport.jms.listener" or "transport.jms.sender"))
            {
                continue;
            }

            var listener = table.Header == "transport.jms.listener";
            var name = table.Entries.LastOrDefault(e => e.Key == "name")?.Value.Text;
            var parameters = ImmutableArray.CreateBuilder<ServerJmsParameter>();
            var unread = ImmutableArray.CreateBuilder<string>();
            foreach (var entry in table.Entries)
            {
                if (entry.Key == "name")
                {
                    continue;
                }

                if (!entry.Key.StartsWith("parameter.", StringComparison.Ordinal) || entry.Key.Length == "parameter.".Length)
                {
                    unread.Add($"key '{entry.Key}' (the config tool writes only name and parameter.* of a [[{table.Header}]] into axis2.xml)");
                    continue;
                }

                var key = entry.Key["parameter.".Length..];
                if (entry.Value.Text is not { } written)
                {
                    unread.Add($"key '{entry.Key}' (its value {(SecretNames.IsSecret(key) ? "****" : entry.Value.Raw)} is not a string, number or boolean on one line)");
                    continue;
                }

                // The config tool pastes the value into axis2.xml as it is, which the Micro Integrator then reads as XML.
                if (ServerDataSources.XmlDecoded(written) is not { } value)
                {
                    unread.Add($"key '{entry.Key}' (its value holds a bare & or <, which makes the axis2.xml the config tool writes invalid)");
                    continue;
                }

                parameters.Add(new ServerJmsParameter(KeyMappings.TryGetValue(key, out var mapped) ? mapped : key, value, entry.Key));
            }

            if (name is not { Length: > 0 })
            {
                continue; // the template writes <parameter name="">: no proxy can name it
            }

            if (listener && !listenerEnabled)
            {
                unread.Add("the whole factory ([transport.jms] listener_enable is not true, so the config tool writes no JMS transportReceiver into axis2.xml and the Micro Integrator does not listen on JMS)");
            }

            found.Add(new ServerJmsFactory(name, listener, origin, path, $"[[{table.Header}]] name = \"{name}\"", parameters.ToImmutable(), unread.ToImmutable()));
        }

        return found;
    }

    /// <summary>The JMS factories of an axis2.xml's text (a DTD refused); empty when it is not well-formed.</summary>
    public static List<ServerJmsFactory> FromAxis2(string origin, string path, string text)
    {
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(new StringReader(text), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            document = XDocument.Load(reader);
        }
        catch (XmlException)
        {
            return [];
        }

        var found = new List<ServerJmsFactory>();
        foreach (var transport in document.Root?.Elements() ?? [])
        {
            if (transport.Name.LocalName is not ("transportReceiver" or "transportSender") || (string?)transport.Attribute("name") != "jms")
            {
                continue;
            }

            var listener = transport.Name.LocalName == "transportReceiver";
            foreach (var group in transport.Elements().Where(e => e.Name.LocalName == "parameter" && e.Elements().Any(c => c.Name.LocalName == "parameter")))
            {
                if ((string?)group.Attribute("name") is not { Length: > 0 } name)
                {
                    continue;
                }

                // JMSConnectionFactory deserializes the group (ParameterIncludeImpl.deserializeParameters): each nested
                // parameter's text is its value, as written.
                var parameters = group.Elements().Where(e => e.Name.LocalName == "parameter" && (string?)e.Attribute("name") is { Length: > 0 })
                    .Select(e => new ServerJmsParameter((string)e.Attribute("name")!, e.Value, (string)e.Attribute("name")!))
                    .ToImmutableArray();
                found.Add(new ServerJmsFactory(name, listener, origin, path, $"<{transport.Name.LocalName} name=\"jms\"><parameter name=\"{name}\">", parameters, []));
            }
        }

        return found;
    }
}
