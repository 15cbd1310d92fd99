using System.Collections.Immutable;
using SynapseToBal.Syntax;

namespace SynapseToBal.IR;

/// <summary>
/// A Redis connector 3.x connection (wso2-extensions/mi-connector-redis: a local entry holding <c>&lt;redis.init&gt;</c>
/// in standalone mode): one <c>RedisConnection</c> whose <c>redis:Client</c> (ballerinax/redis) is made on first use, as
/// RedisConfig makes the connection's RedisServer when an operation first names it and Jedis connects then.
/// </summary>
/// <param name="ConnectionName">The local entry's key (what <c>configKey</c> names).</param>
/// <param name="Uri">The configurable holding <c>redisConnectionURI</c> (a required one: it may hold the password), or null when the connection gives a host and port.</param>
/// <param name="Host">The configurable holding <c>redisHost</c> (<c>localhost</c> when not set, as init.xml sets it), or null with a URI.</param>
/// <param name="Port">The configurable holding <c>redisPort</c>, or null with a URI.</param>
/// <param name="Password">The required configurable holding <c>cacheKey</c> (Jedis's password), or null when the connection sets none.</param>
/// <param name="ConnectionTimeoutSeconds">Jedis's connection timeout (<c>redisConnectionTimeout</c>, else <c>redisTimeout</c>, else 2000 ms) in whole seconds, at least 1.</param>
/// <param name="Ssl"><c>useSsl</c> true: TLS with the JVM's trusted certificates.</param>
/// <param name="Notes">What differs from the Micro Integrator, for the documentation comment.</param>
/// <param name="Inline">The connection of an inline <c>&lt;redis.init&gt;</c> (connector 2.x, EI 6.x form) rather than a local
/// entry: <see cref="ConnectionName"/> names the artifact (and pool) it belongs to, and its operations are those of the
/// connector 2.x templates (get fails for a missing key, hSet builds <c>{"output":$1}</c>).</param>
public sealed record RedisConnectionIr(
    Symbol Name,
    string ConnectionName,
    Symbol? Uri,
    Symbol? Host,
    Symbol? Port,
    Symbol? Password,
    int ConnectionTimeoutSeconds,
    bool Ssl,
    ImmutableArray<string> Notes,
    SourceLocation Origin,
    bool Inline = false);

/// <summary>
/// A Redis connector 3.x operation the generated code performs with <c>redis:Client</c>: the class of the operation's
/// template (Get, Set, Del, ...) and the payload its payloadFactory builds from the result.
/// </summary>
public enum RedisOperation
{
    /// <summary>get (Get): the value, "" for a missing key; <c>{"output":"$1"}</c>.</summary>
    Get,

    /// <summary>set (Set): "OK"; <c>{"output":"$1"}</c>.</summary>
    Set,

    /// <summary>getSet (GetSet): the old value (a missing key fails); <c>{"output":"$1"}</c>.</summary>
    GetSet,

    /// <summary>append (Append): the new length; <c>{"output":$1}</c>.</summary>
    Append,

    /// <summary>incrBy (IncrBy): the new value; <c>{"output":$1}</c>.</summary>
    IncrBy,

    /// <summary>decrBy (DecrBy): the new value; <c>{"output":$1}</c>.</summary>
    DecrBy,

    /// <summary>strLen (StrLen): the length; <c>{"output":$1}</c>.</summary>
    StrLen,

    /// <summary>setnX (SetnX): 1 when set, 0 when the key exists; <c>{"output":$1}</c>.</summary>
    SetNx,

    /// <summary>del (Del): the number of keys deleted (redisKey split at spaces); text.</summary>
    Del,

    /// <summary>exists (Exists): true or false; text.</summary>
    Exists,

    /// <summary>expire (Expire): 1 when the timeout was set, 0 when the key does not exist; text.</summary>
    Expire,

    /// <summary>ttl (Ttl): the seconds left, -1 without a timeout, -2 for a missing key; text.</summary>
    Ttl,

    /// <summary>hGet (HGet): the field's value, "null" for a missing one; text, or JSON with mediaType json.</summary>
    HGet,

    /// <summary>hSet (HSet): 1 for a new field, 0 for an updated one; the payload is kept.</summary>
    HSet,

    /// <summary>hSetnX (HSetnX): 1 when set, 0 when the field exists; <c>{"output":$1}</c>.</summary>
    HSetNx,

    /// <summary>hDel (HDel): the number of fields deleted (redisFields split at spaces); text.</summary>
    HDel,

    /// <summary>hExists (HExists): true or false; text.</summary>
    HExists,

    /// <summary>hLen (HLen): the number of fields; <c>{"output":$1}</c>.</summary>
    HLen,

    /// <summary>hIncrBy (HIncrBy): the new value; <c>{"output":$1}</c>.</summary>
    HIncrBy,

    /// <summary>lPush (LPush): the list's length (redisStrings split at spaces); <c>{"output":$1}</c>.</summary>
    LPush,

    /// <summary>rPush (RPush): the list's length (redisStrings split at spaces); <c>{"output":$1}</c>.</summary>
    RPush,

    /// <summary>lLen (LLen): the list's length; <c>{"output":$1}</c>.</summary>
    LLen,

    /// <summary>lPop (LPop): the first element (an empty list fails); <c>{"output":"$1"}</c>.</summary>
    LPop,

    /// <summary>lRange (LRange): the elements as Java's List.toString writes them; <c>{"output":"$1"}</c>.</summary>
    LRange,

    /// <summary>sadd (Sadd): the number of members added (redisMembers split at spaces); <c>{"output":$1}</c>.</summary>
    SAdd,

    /// <summary>sRem (SRem): the number of members removed (redisMembers split at spaces); <c>{"output":$1}</c>.</summary>
    SRem,

    /// <summary>sIsMember (SIsMember): true or false; <c>{"output":"$1"}</c>.</summary>
    SIsMember,

    /// <summary>ping (Ping): PONG; <c>{"output":"$1"}</c>.</summary>
    Ping,

    /// <summary>echo (Echo): the message; <c>{"output":"$1"}</c>.</summary>
    Echo,
}

/// <summary>
/// A Redis connector 3.x operation: the run-time helper of <see cref="Operation"/> called on the connection with the
/// template's parameters, each evaluated to a string as the template's property mediators evaluate them ("" when not
/// given). The helper sets those properties, runs the command, records <c>result</c> and <c>redisResponse</c> and
/// builds the template's payload; a failure fails the flow with the connector's message (the fault sequence runs).
/// </summary>
/// <param name="Arguments">The template's parameters, by name, in the template's order.</param>
public sealed record RedisStep(
    MediatorSyntax Origin,
    RedisConnectionIr Connection,
    RedisOperation Operation,
    ImmutableArray<RedisArgumentIr> Arguments) : StepIr(Origin);

/// <summary>A parameter of a Redis operation's template: its name (the template's, also the helper's) and its value.</summary>
public sealed record RedisArgumentIr(string Name, ExprIr Value);
