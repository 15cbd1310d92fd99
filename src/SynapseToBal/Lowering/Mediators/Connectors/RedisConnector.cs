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
        ["init"] = "an inline init sets the connection's properties on the message and (re)uses the connection pool of its redisConnectionPoolId for the operations after it; move its settings to a local entry named by the operations' configKey (then it becomes a RedisConnection), or create a redis:Client by hand",
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

        string? Setting(string name) => settings.TryGetValue(name, out var value) && value.Trim().Length > 0 ? value.Trim() : null;

        var configurables = new List<ConfigurableIr>();
        var notes = ImmutableArray.CreateBuilder<string>();
        foreach (var (name, value) in settings)
        {
            if (value.Trim().Length > 0 && RedisInertSettings.TryGetValue(name, out var why) && why.Length > 0)
            {
                notes.Add($"'{name}' is not applied: {why}.");
                _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, entry.Location, "redis.init", name, why);
            }
        }

        Symbol? uri = null, host = null, port = null, password = null;
        if (Setting("redisConnectionURI") is { } uriText)
        {
            // RedisServer.createJedis: the URI (redis://[user:password@]host[:port]/[database], rediss:// for TLS) wins over the host, port and cacheKey.
            uri = ConnectionConfigurable(entry, "Redis", configurables, "redisConnectionURI", uriText, secret: HasCredentials(uriText) || uriText.Contains('@', StringComparison.Ordinal));
            foreach (var ignored in new[] { "redisHost", "redisPort", "cacheKey", "useSsl" }.Where(n => Setting(n) is not null))
            {
                notes.Add($"'{ignored}' is not applied: RedisServer.createJedis connects to redisConnectionURI when it is set.");
            }
        }
        else
        {
            // init.xml sets redisHost to localhost when it is empty; RedisServer.createJedis fails without a port.
            host = ConnectionConfigurable(entry, "Redis", configurables, "redisHost", Setting("redisHost") ?? "localhost", secret: false);
            port = ConnectionConfigurable(entry, "Redis", configurables, "redisPort", Setting("redisPort")!, secret: false);
            if (Setting("cacheKey") is { } cacheKey)
            {
                password = ConnectionConfigurable(entry, "Redis", configurables, "cacheKey", cacheKey, secret: true);
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
        var connection = new RedisConnectionIr(_symbols.Module(SymbolKind.Client, entry.Name), entry.Name, uri, host, port, password, seconds, ssl, notes.ToImmutable(), entry.Location);
        _redisConnections[entry.Name] = connection;
        _redisConnectionList.Add(connection);
        return true;
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

        if (ConnectionOf(operation, _redisConnections, _redisConnectionProblems, "redis.init", out var todo) is not { } connection)
        {
            return [todo!];
        }

        var arguments = shape.Parameters
            .Select(name => new RedisArgumentIr(name, parameters.TryGetValue(name, out var parameter) ? SecretSafeValue(name, parameter.Value, parameter.Location, context) : new StringLiteralIr(string.Empty)))
            .ToImmutableArray();
        return [new RedisStep(operation, connection, shape.Kind, arguments)];
    }
}
