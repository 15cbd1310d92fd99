using SynapseToBal.IR;
using SynapseToBal.Refine;

namespace SynapseToBal.Emit;

internal sealed partial class StatementWriter
{
    /// <summary>The run-time helper performing a Redis connector operation on a RedisConnection.</summary>
    private static string RedisFunction(RedisOperation operation) => operation switch
    {
        RedisOperation.Get => "redisGet",
        RedisOperation.Set => "redisSet",
        RedisOperation.GetSet => "redisGetSet",
        RedisOperation.Append => "redisAppend",
        RedisOperation.IncrBy => "redisIncrBy",
        RedisOperation.DecrBy => "redisDecrBy",
        RedisOperation.StrLen => "redisStrLen",
        RedisOperation.SetNx => "redisSetNx",
        RedisOperation.Del => "redisDel",
        RedisOperation.Exists => "redisExists",
        RedisOperation.Expire => "redisExpire",
        RedisOperation.Ttl => "redisTtl",
        RedisOperation.HGet => "redisHGet",
        RedisOperation.HSet => "redisHSet",
        RedisOperation.HSetNx => "redisHSetNx",
        RedisOperation.HDel => "redisHDel",
        RedisOperation.HExists => "redisHExists",
        RedisOperation.HLen => "redisHLen",
        RedisOperation.HIncrBy => "redisHIncrBy",
        RedisOperation.LPush => "redisLPush",
        RedisOperation.RPush => "redisRPush",
        RedisOperation.LLen => "redisLLen",
        RedisOperation.LPop => "redisLPop",
        RedisOperation.LRange => "redisLRange",
        RedisOperation.SAdd => "redisSAdd",
        RedisOperation.SRem => "redisSRem",
        RedisOperation.SIsMember => "redisSIsMember",
        RedisOperation.Ping => "redisPing",
        RedisOperation.Echo => "redisEcho",
        _ => throw new InvalidOperationException($"Unhandled Redis operation {operation}"),
    };

    /// <summary>The arguments of a Redis helper: the context, the connection, then each template parameter by name.</summary>
    /// <remarks>
    /// The connection of an inline init runs the connector 2.x templates: get and hSet, whose 2.x templates differ from
    /// the 3.x ones, are told so (<c>connector2 = true</c>).
    /// </remarks>
    private string RedisArguments(RedisStep step) =>
        string.Join(", ", new[] { "ctx", _expr.Names[step.Connection.Name] }
            .Concat(step.Arguments.Select(a => $"{BallerinaSyntax.Identifier(a.Name)} = {_expr.String(a.Value)}"))
            .Concat(step.Connection.Inline && step.Operation is RedisOperation.Get or RedisOperation.HSet ? ["connector2 = true"] : []));
}
