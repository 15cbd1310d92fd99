using System.Collections.Immutable;
using System.Globalization;
using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

// The Redis connector 3.x (wso2-extensions/mi-connector-redis): a <redis.init> connection local entry in standalone
// mode becomes a RedisConnection (a redis:Client of ballerinax/redis made on first use); the operations whose result
// the client gives as Jedis gives it become calls of run-time helpers that set the template's properties, run the
// command and build the template's payload. The other operations, cluster and sentinel connections stay TODOs.
public sealed partial class Lowerer
{
    private readonly Dictionary<string, RedisConnectionIr> _redisConnections = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _redisConnectionProblems = new(StringComparer.Ordinal);
    private readonly List<RedisConnectionIr> _redisConnectionList = new();

    /// <summary>
    /// The settings of init.xml that change nothing the client does, with why: the connection's name, Jedis's pool
    /// (the client keeps one connection, which serves concurrent commands), the shard weight and JMX.
    /// </summary>
    private static readonly Dictionary<string, string> RedisInertSettings = new(StringComparer.Ordinal)
    {
        ["name"] = string.Empty,
        ["connectionType"] = string.Empty,
        ["redisConnectionPoolId"] = string.Empty,
        ["maxConnections"] = "the client multiplexes the commands of concurrent messages on one connection, where Jedis borrows one of at most maxConnections pooled connections",
        ["weight"] = "the client connects to one server; a shard weight means nothing there",
        ["jmxEnabled"] = "the client registers no JMX beans for a pool",
        ["clientName"] = "Jedis names the client only in cluster mode, which is not translated",
        ["maxAttempts"] = "Jedis retries only in cluster mode, which is not translated",
        ["dbNumber"] = "RedisServer reads dbNumber only in sentinel mode: a standalone connection uses database 0, as the client does",
    };

    /// <summary>The settings that make a connection the generated client does not reproduce, with why.</summary>
    private static readonly Dictionary<string, string> RedisModeSettings = new(StringComparer.Ordinal)
    {
        ["redisClusterEnabled"] = "it enables cluster mode (a JedisCluster on clusterNodes, with maxAttempts retries and the cacheKey password), which the generated connection does not make: create a redis:Client with isClusterConnection true on the cluster's nodes by hand",
        ["sentinelEnabled"] = "it enables Redis Sentinel (a JedisSentinelPool on masterName and sentinels), which ballerinax/redis does not support: connect to the master by hand",
    };

    /// <summary>
    /// The operations translated, by the connector's name: the helper's operation and the template's parameters (its
    /// <c>&lt;parameter&gt;</c> elements, in the template's order, also the helper's parameter names).
    /// </summary>
    internal static readonly Dictionary<string, (RedisOperation Kind, string[] Parameters)> RedisOperations = new(StringComparer.Ordinal)
    {
        ["get"] = (RedisOperation.Get, ["redisKey"]),
        ["set"] = (RedisOperation.Set, ["redisKey", "redisValue"]),
        ["getSet"] = (RedisOperation.GetSet, ["redisKey", "redisValue"]),
        ["append"] = (RedisOperation.Append, ["redisKey", "redisValue"]),
        ["incrBy"] = (RedisOperation.IncrBy, ["redisKey", "redisInteger"]),
        ["decrBy"] = (RedisOperation.DecrBy, ["redisKey", "redisInteger"]),
        ["strLen"] = (RedisOperation.StrLen, ["redisKey"]),
        ["setnX"] = (RedisOperation.SetNx, ["redisKey", "redisValue"]),
        ["del"] = (RedisOperation.Del, ["redisKey"]),
        ["exists"] = (RedisOperation.Exists, ["redisKey"]),
        ["expire"] = (RedisOperation.Expire, ["redisKey", "redisSeconds"]),
        ["ttl"] = (RedisOperation.Ttl, ["redisKey"]),
        ["hGet"] = (RedisOperation.HGet, ["redisKey", "redisField", "mediaType"]),
        ["hSet"] = (RedisOperation.HSet, ["redisKey", "redisField", "redisValue"]),
        ["hSetnX"] = (RedisOperation.HSetNx, ["redisKey", "redisField", "redisValue"]),
        ["hDel"] = (RedisOperation.HDel, ["redisKey", "redisFields"]),
        ["hExists"] = (RedisOperation.HExists, ["redisKey", "redisField"]),
        ["hLen"] = (RedisOperation.HLen, ["redisKey"]),
        ["hIncrBy"] = (RedisOperation.HIncrBy, ["redisKey", "redisField", "redisValue"]),
        ["lPush"] = (RedisOperation.LPush, ["redisKey", "redisStrings"]),
        ["rPush"] = (RedisOperation.RPush, ["redisKey", "redisStrings"]),
        ["lLen"] = (RedisOperation.LLen, ["redisKey"]),
        ["lPop"] = (RedisOperation.LPop, ["redisKey"]),
        ["lRange"] = (RedisOperation.LRange, ["redisKey", "redisStart", "redisEnd"]),
        ["sadd"] = (RedisOperation.SAdd, ["redisKey", "redisMembers"]),
        ["sRem"] = (RedisOperation.SRem, ["redisKey", "redisMembers"]),
        ["sIsMember"] = (RedisOperation.SIsMember, ["redisKey", "redisMember"]),
        ["ping"] = (RedisOperation.Ping, []),
        ["echo"] = (RedisOperation.Echo, ["redisMessage"]),
    };

    private const string RedisJavaSet = "Jedis gives a java.util.HashSet, whose toString order (the order of the elements' hash codes) the connector writes into the payload and no redis:Client result reproduces";

    /// <summary>Why the connector's other operations stay TODOs, where it is more than that no helper is written for them.</summary>
    internal static readonly Dictionary<string, string> RedisOperationProblems = new(StringComparer.Ordinal)
    {
        ["keys"] = RedisJavaSet,
        ["hKeys"] = RedisJavaSet,
        ["sMembers"] = RedisJavaSet,
        ["sInter"] = RedisJavaSet,
        ["sUnion"] = RedisJavaSet,
        ["hGetAll"] = "Jedis gives a java.util.HashMap, whose toString ({field=value, ...} in the order of the fields' hash codes) the connector writes as the text payload and no redis:Client result reproduces",
    };

    /// <summary>
    /// A <c>&lt;redis.init&gt;</c> local entry in standalone mode: one RedisConnection on the connection's URI, or its host
    /// and port with the cacheKey password. False when the connection cannot be translated (cluster or sentinel mode,
    /// no port, a setting evaluated on the message); the reason is kept for the operations that use it.
    /// </summary>
    private bool TryLowerRedisConnection(LocalEntrySyntax entry, string xml)
    {
        if (ConnectionSettings(entry, xml, _redisConnectionProblems, "redis.init") is not { } settings)
        {
            return false;
        }

        if (RedisConnectionProblem(settings) is { } problem)
        {
            _redisConnectionProblems[entry.Name] = problem;
            return false;
        }

        var connection = RedisConnectionOf(entry.Name, entry.Name, entry.Location, settings, [], inline: false);
        _redisConnections[entry.Name] = connection;
        return true;
    }

    /// <summary>
    /// The RedisConnection of a connection's settings (checked by <see cref="RedisConnectionProblem"/>): its URI, or its
    /// host and port with the cacheKey password, as configurables named after <paramref name="owner"/>.
    /// </summary>
    private RedisConnectionIr RedisConnectionOf(string owner, string connectionName, SourceLocation location, IReadOnlyDictionary<string, string> settings, IEnumerable<string> extraNotes, bool inline)
    {
        string? Setting(string name) => settings.TryGetValue(name, out var value) && value.Trim().Length > 0 ? value.Trim() : null;

        var configurables = new List<ConfigurableIr>();
        var notes = ImmutableArray.CreateBuilder<string>();
        notes.AddRange(extraNotes);
        foreach (var (name, value) in settings)
        {
            if (value.Trim().Length > 0 && RedisInertSettings.TryGetValue(name, out var why) && why.Length > 0)
            {
                notes.Add($"'{name}' is not applied: {why}.");
                _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, location, "redis.init", name, why);
            }
        }

        Symbol? uri = null, host = null, port = null, password = null;
        if (Setting("redisConnectionURI") is { } uriText)
        {
            // RedisServer.createJedis: the URI (redis://[user:password@]host[:port]/[database], rediss:// for TLS) wins over the host, port and cacheKey.
            uri = ConnectionConfigurable(owner, location, "Redis", configurables, "redisConnectionURI", uriText, secret: HasCredentials(uriText) || uriText.Contains('@', StringComparison.Ordinal));
            foreach (var ignored in new[] { "redisHost", "redisPort", "cacheKey", "useSsl" }.Where(n => Setting(n) is not null))
            {
                notes.Add($"'{ignored}' is not applied: RedisServer.createJedis connects to redisConnectionURI when it is set.");
            }
        }
        else
        {
            // init.xml sets redisHost to localhost when it is empty; RedisServer.createJedis fails without a port.
            host = ConnectionConfigurable(owner, location, "Redis", configurables, "redisHost", Setting("redisHost") ?? "localhost", secret: false);
            port = ConnectionConfigurable(owner, location, "Redis", configurables, "redisPort", Setting("redisPort")!, secret: false);
            if (Setting("cacheKey") is { } cacheKey)
            {
                password = ConnectionConfigurable(owner, location, "Redis", configurables, "cacheKey", cacheKey, secret: true);
            }
        }

        // RedisServer: redisTimeout (soTimeout, 2000 ms by default) and redisConnectionTimeout (soTimeout by default), in milliseconds.
        var timeoutSetting = Setting("redisConnectionTimeout") is not null ? "redisConnectionTimeout" : "redisTimeout";
        var milliseconds = 2000L;
        if (Setting(timeoutSetting) is { } timeoutText)
        {
            if (long.TryParse(timeoutText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed) && parsed > 0)
            {
                milliseconds = parsed;
            }
            else
            {
                notes.Add($"The connection timeout is 2 seconds: '{timeoutSetting}' is not a number of milliseconds written in the connection ({timeoutText}).");
            }
        }

        var seconds = (int)Math.Max(1, Math.Min(int.MaxValue, (milliseconds + 999) / 1000));
        if (milliseconds % 1000 != 0)
        {
            notes.Add($"The connection timeout is {seconds} seconds (redis:Options counts whole seconds), where Jedis waits {milliseconds} ms.");
        }

        notes.Add("Jedis also limits each command's reply to redisTimeout (2000 ms by default); redis:Client sets no such limit.");
        var ssl = uri is null && Setting("useSsl") is { } sslText && sslText.Equals("true", StringComparison.OrdinalIgnoreCase);
        if (ssl)
        {
            notes.Add("useSsl: TLS, trusting the JVM's certificates as Jedis does; set secureSocket.cert for another trust store.");
        }

        _configurables.AddRange(configurables);
        var symbolName = inline ? $"{owner} redis" : owner;
        var connection = new RedisConnectionIr(_symbols.Module(SymbolKind.Client, symbolName), connectionName, uri, host, port, password, seconds, ssl, notes.ToImmutable(), location, inline);
        _redisConnectionList.Add(connection);
        return connection;
    }

    /// <summary>Why a connection's settings cannot become a RedisConnection, or null when they can.</summary>
    internal static string? RedisConnectionProblem(IReadOnlyDictionary<string, string> settings)
    {
        string? Setting(string name) => settings.TryGetValue(name, out var value) && value.Trim().Length > 0 ? value.Trim() : null;
        bool IsStatic(string text) => !(text.StartsWith('{') && text.EndsWith('}')) || ConnectionVault.IsMatch(text) || ConnectionConfig.IsMatch(text);

        foreach (var (name, why) in RedisModeSettings)
        {
            // Boolean.parseBoolean: only "true" (in any case) enables the mode.
            if (Setting(name) is { } flag && (flag.Equals("true", StringComparison.OrdinalIgnoreCase) || !IsStatic(flag)))
            {
                return why;
            }
        }

        var known = new HashSet<string>(RedisInertSettings.Keys.Concat(RedisModeSettings.Keys), StringComparer.Ordinal)
        {
            "redisHost", "redisPort", "redisConnectionURI", "cacheKey", "useSsl", "redisTimeout", "redisConnectionTimeout",
            "clusterNodes", "sentinelPassword", "sentinelUser", "sentinelClientName", "masterUser", "sentinelConnectionTimeout",
            "sentinelSoTimeout", "masterName", "sentinels", "masterPassword",
        };
        foreach (var (name, value) in settings)
        {
            if (value.Trim().Length == 0)
            {
                continue;
            }

            if (!known.Contains(name))
            {
                return $"it sets '{name}', which init.xml of the Redis connector does not declare";
            }

            if (!IsStatic(value.Trim()))
            {
                return $"its {name} is an expression ({value.Trim()}) evaluated on the message when the connection is made, while the generated connection is configured once";
            }
        }

        // RedisServer's constructor (and createJedis for weight) parses these with Integer.parseInt: a value Java does not
        // parse fails every operation on the connection with SynapseException("Invalid input for ...").
        foreach (var name in new[] { "redisTimeout", "redisConnectionTimeout", "maxConnections", "weight" })
        {
            if (Setting(name) is { } number && !ConnectionConfig.IsMatch(number) && !ConnectionVault.IsMatch(number)
                && (name != "weight" || Setting("redisConnectionURI") is null)
                && !int.TryParse(number, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
            {
                return $"its {name} '{number}' is not a Java int (RedisServer fails every operation with 'Invalid input for \"{name}\". Cannot parse {number} to an Integer.')";
            }
        }

        if (Setting("redisConnectionURI") is null && Setting("redisPort") is null)
        {
            return "it sets no redisPort (RedisServer.createJedis fails every operation with 'Value for \"redisPort\" cannot be empty')";
        }

        if (Setting("redisConnectionURI") is null && Setting("redisPort") is { } port && !ConnectionConfig.IsMatch(port) && !ConnectionVault.IsMatch(port)
            && !int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            return $"its redisPort '{port}' is not a number (RedisServer.createJedis fails every operation on it)";
        }

        return null;
    }

    /// <summary>
    /// <c>&lt;redis.get|set|... configKey="..."&gt;</c> (connector 3.x): the operation's helper on the connection; any other
    /// operation, or one with a parameter its template does not declare, stays a TODO (SB0232) that says why.
    /// </summary>
    private IEnumerable<StepIr> LowerRedisOperation(ConnectorOperationMediator operation, FlowContext context)
    {
        if (operation.IsInit)
        {
            return LowerRedisInlineInit(operation, context);
        }

        if (RedisOperationProblems.TryGetValue(operation.Operation, out var problem))
        {
            return [ConnectorTodo(operation, problem)];
        }

        if (!RedisOperations.TryGetValue(operation.Operation, out var shape))
        {
            return [ConnectorTodo(operation, null)];
        }

        if (UnreadableOperationShape(operation) is { } unreadable)
        {
            return [unreadable];
        }

        var parameters = ParametersByName(operation);
        var unknown = operation.PassedParameters.Select(p => p.Name).Where(n => !shape.Parameters.Contains(n)).Distinct().ToList();
        if (unknown.Count > 0)
        {
            return [ConnectorTodo(operation, $"{string.Join(", ", unknown)} {(unknown.Count == 1 ? "is not a parameter" : "are not parameters")} of the operation's template (the connector 3.x has no responseVariable or overwriteBody: every operation but hSet replaces the payload)")];
        }

        // hGet's template builds an XML payload (a SOAP envelope around the value) for mediaType xml.
        if (shape.Kind == RedisOperation.HGet && parameters.TryGetValue("mediaType", out var mediaType) && mediaType.Value is ValueSyntax.Literal { Text: var type }
            && type == "xml")
        {
            return [ConnectorTodo(operation, "its mediaType xml makes the template paste the value into a SOAP envelope's body as XML, which the generated helper does not build")];
        }

        if (shape.Kind == RedisOperation.HGet && parameters.ContainsKey("mediaType") && operation.ConfigKey is null)
        {
            return [ConnectorTodo(operation, "it sets mediaType, a parameter of the connector 3.x hGet only, while an inline init is translated as connector 2.x does it (whose hGet always builds a text payload)")];
        }

        RedisConnectionIr connection;
        if (operation.ConfigKey is null && context.Exchange.Current.Redis is { } inline)
        {
            if (inline.Connection is null)
            {
                return [ConnectorTodo(operation, inline.Problem)];
            }

            connection = inline.Connection;
        }
        else if (operation.ConfigKey is null)
        {
            return [ConnectorTodo(operation, "the operation names no connection (configKey), and no inline <redis.init> runs before it in this sequence (an init in a sequence that calls this one, or in a sequence this one calls, is not followed)")];
        }
        else if (ConnectionOf(operation, _redisConnections, _redisConnectionProblems, "redis.init", out var todo) is { } named)
        {
            connection = named;
        }
        else
        {
            return [todo!];
        }

        var arguments = shape.Parameters
            .Select(name => new RedisArgumentIr(name, parameters.TryGetValue(name, out var parameter) ? SecretSafeValue(name, parameter.Value, parameter.Location, context) : new StringLiteralIr(string.Empty)))
            .ToImmutableArray();
        return [new RedisStep(operation, connection, shape.Kind, arguments)];
    }

    /// <summary>The connections of inline inits, by the artifact and connection pool they belong to (RedisServer's uniquePoolId).</summary>
    private readonly Dictionary<(string File, string Pool), List<(RedisConnectionIr Connection, Dictionary<string, string> Settings)>> _redisInlineConnections = new();

    /// <summary>
    /// An inline <c>&lt;redis.init&gt;</c> (no configKey; the EI 6.x form of connector 1.x/2.x): its template sets the
    /// connection's settings as properties of the message, and each operation after it (without configKey) reads them,
    /// connecting through the pool RedisServer keeps for the artifact (ARTIFACT_NAME, set by API.process and
    /// ProxyServiceMessageReceiver) and redisConnectionPoolId. With settings written in the init (literals,
    /// <c>${configs.x}</c>, vault lookups) it becomes a RedisConnection (made on first use) which the operations after it
    /// in the sequence use; with a setting evaluated on the message, or one the generated connection cannot keep, it
    /// stays a TODO and so do the operations after it.
    /// </summary>
    private IEnumerable<StepIr> LowerRedisInlineInit(ConnectorOperationMediator init, FlowContext context)
    {
        StepIr Unsettled(string problem, TodoStep todo)
        {
            context.Exchange.Set(context.Exchange.Current with { Redis = new RedisInline(null, $"the inline <redis.init> before it is not translated: {problem}") });
            return todo;
        }

        if (init.ConfigKey is not null)
        {
            const string named = "an init that names a connection (configKey) is not a connection the converter reads";
            return [Unsettled(named, ConnectorTodo(init, named))];
        }

        if (UnreadableOperationShape(init) is { } unreadable)
        {
            return [Unsettled("it holds attributes or XML where the connector reads text", unreadable)];
        }

        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var parameter in init.PassedParameters)
        {
            settings[parameter.Name] = parameter.Value switch
            {
                ValueSyntax.Literal literal => literal.Text,
                ValueSyntax.Expression expression => "{" + expression.Syntax.Original + "}",
                _ => string.Empty,
            };
        }

        // init.xml (2.x) writes each setting but redisHost only when the init gives it (a filter around each
        // property), and RedisServer reads them from the message: a setting this init leaves out keeps the value an
        // earlier init on the same path gave it.
        if (context.Exchange.Current.Redis is { } earlier)
        {
            var inherited = earlier.Connection is { } earlierConnection
                ? _redisInlineConnections.Values.SelectMany(l => l).FirstOrDefault(k => ReferenceEquals(k.Connection, earlierConnection)).Settings
                : null;
            if (inherited is null)
            {
                const string unknown = "an inline <redis.init> before it on this path is not translated or runs on some paths only, and the settings this init leaves out keep that init's values on the message (init.xml writes only the settings it is given; RedisServer reads them from the message), which only the run time knows";
                return [Unsettled(unknown, ConnectorTodo(init, unknown))];
            }
            else
            {
                foreach (var (name, value) in inherited)
                {
                    if (name != "redisHost")
                    {
                        settings.TryAdd(name, value);
                    }
                }
            }
        }

        if (RedisConnectionProblem(settings) is { } problem)
        {
            return [Unsettled(problem, ConnectorTodo(init, problem))];
        }

        // RedisServer's uniquePoolId: the artifact (ARTIFACT_NAME, the API or proxy; the converter takes the file that
        // holds the init) and redisConnectionPoolId ("0" when not set).
        var artifact = context.Owner.Split(' ')[0];
        var pool = settings.TryGetValue("redisConnectionPoolId", out var poolId) && poolId.Trim().Length > 0 ? poolId.Trim() : "0";
        var key = (init.Location.Path, pool);
        static bool Pooled(Dictionary<string, string> s) =>
            !s.Keys.Any(n => n is "cacheKey" or "redisConnectionURI" && s[n].Trim().Length > 0);
        var known = _redisInlineConnections.TryGetValue(key, out var list) ? list : _redisInlineConnections[key] = [];
        if (known.FirstOrDefault(k => SameSettings(k.Settings, settings)) is { Connection: not null } same)
        {
            context.Exchange.Set(context.Exchange.Current with { Redis = new RedisInline(same.Connection, null) });
            return [new CommentStep(init, InlineInitComment)];
        }

        // RedisServer.createJedis (2.4 and later) builds the artifact's JedisPool once, from the settings of the first
        // operation to connect without a cacheKey or URI; with either it makes a new Jedis from the current settings.
        if (Pooled(settings) && known.FirstOrDefault(k => Pooled(k.Settings)) is { Connection: not null } first)
        {
            var why = $"another inline <redis.init> of '{artifact}' ({InitPlace(first.Connection.Origin)}) uses the same connection pool (redisConnectionPoolId {pool}) with other settings: connector 2.4 and later keep the JedisPool the first operation to connect builds (so which server both reach is known only at run time), 2.3 and earlier connect each operation anew";
            if (_redisPoolConflicts.Add(first.Connection))
            {
                // The first init is translated with its own settings; where the other one's operation connects first,
                // the Micro Integrator's pool holds the other settings for both.
                _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, first.Connection.Origin, "redis.init", "its connection pool",
                    $"the inline <redis.init> at {InitPlace(init.Location)} uses the same pool (redisConnectionPoolId {pool}) with other settings, and connector 2.4 and later keep the JedisPool the first operation to connect builds: the operations after this init may reach that init's server in the Micro Integrator; the generated connection always uses this init's settings");
            }

            return [Unsettled(why, ConnectorTodo(init, why))];
        }

        var connectionName = pool == "0" ? artifact : $"{artifact} (pool {pool})";
        var connection = RedisConnectionOf(artifact, connectionName, init.Location, settings, [RedisInlineNote], inline: true);
        known.Add((connection, settings));
        _diagnostics.Report(DiagnosticCatalog.ConnectorVersionAssumed, init.Location, "redis.init", "2.3 to 2.7 (the EI 6.x connector, whose init sets its own values)", RedisInlineVersionNote);
        context.Exchange.Set(context.Exchange.Current with { Redis = new RedisInline(connection, null) });
        return [new CommentStep(init, InlineInitComment)];
    }

    /// <summary>The inits whose pool another init of other settings shares (reported once).</summary>
    private readonly HashSet<RedisConnectionIr> _redisPoolConflicts = new(ReferenceEqualityComparer.Instance);

    private static bool SameSettings(Dictionary<string, string> a, Dictionary<string, string> b) =>
        a.Count == b.Count && a.All(pair => b.TryGetValue(pair.Key, out var other) && other.Trim() == pair.Value.Trim());

    private static string InitPlace(SourceLocation location) => $"{System.IO.Path.GetFileName(location.Path)}, line {location.Line}";

    private const string InlineInitComment =
        "redis.init: the Redis operations after it use the connection of this init (connections.bal); the properties the init sets on the message (redisHost, redisPort, ...) are not set.";

    private const string RedisInlineNote =
        "An inline <redis.init>: the operations after it in the same sequence use this connection, as connector 2.x's templates do (get fails for a missing key, hSet replaces the payload with {\"output\":n}); the init's properties (redisHost, redisPort, ...) are not set on the message.";

    private const string RedisInlineVersionNote =
        "the operations after it use its connection and the 2.x templates (get of a missing key fails the flow with 'Redis server throw null response', hSet replaces the payload with {\"output\":1 or 0}); connector 3.x (MI 4.x) gives \"\" for a missing key and keeps the payload after hSet, 2.1 and 2.2's get pastes the value into its JSON unescaped, and 1.0.x and 2.0.0 take redisPort and redisTimeout (2.0.0 also cacheKey and useSsl) from the message's properties of those names ($ctx:), not from the init's values; the pool is keyed by the API or proxy that runs the sequence (ARTIFACT_NAME), and on EI 6.5 and earlier, whose Synapse sets no ARTIFACT_NAME, one pool serves the whole server";
}
