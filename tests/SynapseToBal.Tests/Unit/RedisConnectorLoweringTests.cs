using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Syntax;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>The Redis connector 3.x: <c>&lt;redis.init&gt;</c> connections and the operations that become RedisConnection helpers.</summary>
public sealed class RedisConnectorLoweringTests
{
    private static (PackageIr Package, DiagnosticBag Diagnostics) Lower(string init, string operations) =>
        ArtifactLowering.Definitions($"""<localEntry key="R"><redis.init><name>R</name>{init}</redis.init></localEntry><sequence name="flow">{operations}</sequence>""");

    private static List<StepIr> Steps(PackageIr package) => Assert.Single(package.Functions).Body.ToList();

    private static ConfigurableIr Configurable(PackageIr package, Symbol symbol) => Assert.Single(package.Configurables, c => c.Name == symbol);

    private const string Get = """<redis.get configKey="R"><redisKey>{$ctx:key}</redisKey></redis.get>""";

    [Fact]
    public void A_standalone_connection_becomes_one_connection_with_the_cache_key_as_a_required_secret()
    {
        var (package, diagnostics) = Lower("<redisHost>cache.internal</redisHost><redisPort>6380</redisPort><redisConnectionTimeout>2500</redisConnectionTimeout><cacheKey>pw-Rd-1</cacheKey>", Get + Get);

        var connection = Assert.Single(package.RedisConnections);
        Assert.Empty(package.LocalEntries);
        Assert.Null(connection.Uri);
        Assert.Equal("cache.internal", Configurable(package, connection.Host!).DefaultValue);
        Assert.Equal("6380", Configurable(package, connection.Port!).DefaultValue);
        Assert.True(Configurable(package, connection.Password!).Secret);
        Assert.Null(Configurable(package, connection.Password!).DefaultValue);
        Assert.DoesNotContain(package.Configurables, c => c.DefaultValue is { } value && value.Contains("-Rd-", StringComparison.Ordinal));
        Assert.Equal(3, connection.ConnectionTimeoutSeconds);
        Assert.False(connection.Ssl);
        Assert.Equal(2, Steps(package).OfType<RedisStep>().Count(s => ReferenceEquals(s.Connection, connection) && s.Operation == RedisOperation.Get));
        Assert.Contains(diagnostics.Items, d => d.Descriptor == DiagnosticCatalog.SecretConfigurable);
    }

    [Fact]
    public void The_host_defaults_to_localhost_and_a_uri_wins_over_the_host_and_port()
    {
        var (local, _) = Lower("<redisPort>6379</redisPort><useSsl>TRUE</useSsl>", Get);
        var connection = Assert.Single(local.RedisConnections);
        Assert.Equal("localhost", Configurable(local, connection.Host!).DefaultValue);
        Assert.Null(connection.Password);
        Assert.True(connection.Ssl);
        Assert.Equal(2, connection.ConnectionTimeoutSeconds);

        var (uri, _) = Lower("<redisConnectionURI>redis://u:pw-Rd-2@h:6379/0</redisConnectionURI><redisHost>ignored</redisHost>", Get);
        var byUri = Assert.Single(uri.RedisConnections);
        Assert.Null(byUri.Host);
        Assert.True(Configurable(uri, byUri.Uri!).Secret);
        Assert.Contains(byUri.Notes, n => n.Contains("'redisHost' is not applied", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("<redisClusterEnabled>true</redisClusterEnabled><clusterNodes>a:1</clusterNodes>", "cluster mode")]
    [InlineData("<sentinelEnabled>true</sentinelEnabled><masterName>m</masterName><sentinels>s:1</sentinels>", "Sentinel")]
    [InlineData("<redisHost>h</redisHost>", "sets no redisPort")]
    [InlineData("<redisPort>{$ctx:port}</redisPort>", "is an expression")]
    [InlineData("<redisPort>63x9</redisPort>", "is not a number")]
    [InlineData("<redisPort>6379</redisPort><redisPassword>p</redisPassword>", "'redisPassword', which init.xml of the Redis connector does not declare")]
    public void A_connection_the_client_cannot_reproduce_leaves_its_operations_as_todos_that_say_why(string init, string why)
    {
        var (package, _) = Lower(init, Get);

        Assert.Empty(package.RedisConnections);
        var todo = Assert.IsType<TodoStep>(Assert.Single(Steps(package)));
        Assert.Contains("its connection 'R' is not translated", todo.Reason.Message, StringComparison.Ordinal);
        Assert.Contains(why, todo.Reason.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("keys", "<redisPattern>*</redisPattern>", "HashSet")]
    [InlineData("hGetAll", "<redisKey>k</redisKey>", "HashMap")]
    [InlineData("hGet", "<redisKey>k</redisKey><redisField>f</redisField><mediaType>xml</mediaType>", "SOAP envelope")]
    [InlineData("get", "<redisKey>k</redisKey><responseVariable>v</responseVariable>", "responseVariable is not a parameter")]
    [InlineData("zadd", "<redisKey>k</redisKey><redisScore>1</redisScore><redisMember>m</redisMember>", "redis:Client's zAdd (ballerinax/redis)")]
    public void Operations_the_helpers_do_not_reproduce_stay_todos(string operation, string parameters, string why)
    {
        var (package, _) = Lower("<redisPort>6379</redisPort>", $"""<redis.{operation} configKey="R">{parameters}</redis.{operation}>""");

        var todo = Assert.IsType<TodoStep>(Assert.Single(Steps(package)));
        Assert.Contains(why, todo.Reason.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_operation_passes_every_template_parameter_in_the_template_order_and_an_absent_one_as_empty_text()
    {
        var (package, _) = Lower("<redisPort>6379</redisPort>", """<redis.hGet configKey="R"><redisField>f</redisField><redisKey>k</redisKey></redis.hGet>""");

        var step = Assert.IsType<RedisStep>(Assert.Single(Steps(package)));
        Assert.Equal(RedisOperation.HGet, step.Operation);
        Assert.Equal(["redisKey", "redisField", "mediaType"], step.Arguments.Select(a => a.Name));
        Assert.Equal("", Assert.IsType<StringLiteralIr>(step.Arguments[2].Value).Value);
    }

    [Fact]
    public void The_cache_key_of_an_inline_init_is_masked_in_its_todo()
    {
        var (package, _) = ArtifactLowering.Definitions("""<sequence name="flow"><redis.init><redisHost>{$ctx:host}</redisHost><redisPort>6379</redisPort><cacheKey>pw-Rd-3</cacheKey></redis.init></sequence>""");

        var todo = Assert.IsType<TodoStep>(Assert.Single(Steps(package)));
        Assert.Contains("its redisHost is an expression", todo.Reason.Message, StringComparison.Ordinal);
        Assert.Contains("<cacheKey>****</cacheKey>", SecretNames.MaskXml(todo.RawXml), StringComparison.Ordinal);
        Assert.DoesNotContain("pw-Rd-3", SecretNames.MaskXml(todo.RawXml), StringComparison.Ordinal);

        // Elsewhere a cacheKey is no credential (a cache's key).
        Assert.Equal("<p><cacheKey>user-1</cacheKey></p>", SecretNames.MaskXml("<p><cacheKey>user-1</cacheKey></p>"));
    }

    [Fact]
    public void An_inline_init_with_written_settings_is_the_connection_of_the_operations_after_it()
    {
        var (package, diagnostics) = ArtifactLowering.Definitions("""
            <sequence name="flow">
              <redis.get><redisKey>before</redisKey></redis.get>
              <redis.init><redisHost>h</redisHost><redisPort>6379</redisPort><cacheKey>pw-Rd-3</cacheKey></redis.init>
              <redis.get><redisKey>k</redisKey></redis.get>
              <redis.init><redisHost>h</redisHost><redisPort>6379</redisPort><cacheKey>pw-Rd-3</cacheKey></redis.init>
              <redis.hSet><redisKey>k</redisKey><redisField>f</redisField><redisValue>v</redisValue></redis.hSet>
            </sequence>
            """);

        var steps = Steps(package);
        Assert.Contains("no inline <redis.init> runs before it", Assert.IsType<TodoStep>(steps[0]).Reason.Message, StringComparison.Ordinal);
        Assert.IsType<CommentStep>(steps[1]);
        var get = Assert.IsType<RedisStep>(steps[2]);
        var hSet = Assert.IsType<RedisStep>(steps[4]);
        Assert.True(get.Connection.Inline);
        Assert.Same(get.Connection, hSet.Connection);
        Assert.Single(package.RedisConnections);
        var password = Configurable(package, get.Connection.Password!);
        Assert.True(password.Secret);
        Assert.Null(password.DefaultValue);
        Assert.Single(diagnostics.Items, d => d.Descriptor == DiagnosticCatalog.ConnectorVersionAssumed);
    }

    [Fact]
    public void A_timeout_java_does_not_parse_leaves_the_connection_a_todo()
    {
        var (package, _) = ArtifactLowering.Definitions("""<sequence name="flow"><redis.init><redisHost>h</redisHost><redisPort>6379</redisPort><redisTimeout>10000000000</redisTimeout></redis.init><redis.ping/></sequence>""");

        var steps = Steps(package);
        Assert.Contains("is not a Java int", Assert.IsType<TodoStep>(steps[0]).Reason.Message, StringComparison.Ordinal);
        Assert.Contains("the inline <redis.init> before it is not translated", Assert.IsType<TodoStep>(steps[1]).Reason.Message, StringComparison.Ordinal);
        Assert.Empty(package.RedisConnections);
    }
}
