using System.Collections.Immutable;
using SynapseToBal.Syntax;

namespace SynapseToBal.IR;

/// <summary>
/// What the cache finder keys and stores by. <see cref="Cache"/> names the cache (the mediator's id, or its place in
/// the source); <see cref="RequestLine"/> false keys by the payload alone (DOMHASHGenerator), true also by the method,
/// the To address and the headers (HttpRequestHashGenerator). Empty <see cref="Methods"/> caches every method.
/// </summary>
public sealed record CacheSettingsIr(
    string Cache,
    long TimeoutSeconds,
    int? MaxSize,
    int? MaxMessageSize,
    bool RequestLine,
    ImmutableArray<string> Methods,
    ImmutableArray<string> IncludedHeaders,
    ImmutableArray<string> ExcludedHeaders,
    string? ResponseCodes)
{
    /// <summary>
    /// <c>enableCacheControl</c>: a cached response whose Cache-Control <c>max-age</c> has passed, or that says
    /// <c>no-cache</c> and has an ETag (sent as <c>If-None-Match</c>), is fetched again; a <c>no-store</c> response is not stored.
    /// </summary>
    public bool CacheControl { get; init; }

    /// <summary><c>includeAgeHeader</c>: a response served from the cache carries an <c>Age</c> header.</summary>
    public bool AgeHeader { get; init; }
}

/// <summary>The cache finder: on a hit the message becomes the cached response and <see cref="OnHit"/> runs.</summary>
public sealed record CacheLookupStep(MediatorSyntax Origin, CacheSettingsIr Settings, ImmutableArray<StepIr> OnHit) : StepIr(Origin);

/// <summary>The cache collector: stores the response under the key its request's finder kept on the context.</summary>
public sealed record CacheStoreStep(MediatorSyntax Origin) : StepIr(Origin);
