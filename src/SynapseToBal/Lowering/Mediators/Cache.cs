using System.Collections.Immutable;
using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

// Lowering of <cache>: the finder (request path) and the collector (response path) over one in-memory cache per finder.
public sealed partial class Lowerer
{
    /// <summary>The Micro Integrator's default cache timeout, in seconds (CachingConstants.DEFAULT_TIMEOUT).</summary>
    private const long DefaultCacheTimeout = 5000;

    /// <summary>
    /// The finder keys the request and, on a hit, replaces the message with the cached response, runs onCacheHit
    /// or (without it) sends the cached response back, and stops the flow. On a miss the flow goes on and the key
    /// stays on the context for the collector, which stores the response under it. In a named sequence the hit
    /// ends the caller's flow too (the finder returns false, and so do the sequence and the mediator running it):
    /// the sequence's function returns its answer, which its callers return (the semantic model counts a finder as
    /// a mediator that can end the flow, FlowWalker).
    /// </summary>
    private IEnumerable<StepIr> LowerCache(CacheMediator cache, FlowContext context)
    {
        var steps = new List<StepIr>();
        if (cache.Collector)
        {
            steps.Add(new CacheStoreStep(cache));
            return steps;
        }

        var protocol = cache.Protocol;
        var generator = protocol?.HashGenerator ?? cache.HashGenerator;
        var requestLine = true;
        if (generator is { } name)
        {
            var simple = name[(name.LastIndexOf('.') + 1)..];
            if (simple == "DOMHASHGenerator")
            {
                requestLine = false;
            }
            else if (simple != "HttpRequestHashGenerator")
            {
                steps.Add(Todo(cache, DiagnosticCatalog.AttributeNotTranslated, $"the hash generator {name} is not translated: requests are keyed by method, To address, headers and payload", "cache", $"hashGenerator {name}", "requests are keyed by method, To address, headers and payload"));
            }
        }

        if (protocol is { Type: { } type } && !type.Equals("HTTP", StringComparison.OrdinalIgnoreCase))
        {
            steps.Add(Todo(cache, DiagnosticCatalog.AttributeNotTranslated, $"protocol type {type} is not translated: it is cached as HTTP", "cache", $"protocol type {type}", "it is cached as HTTP"));
        }

        if (cache.Scope is { } scope && scope != "per-mediator")
        {
            steps.Add(Todo(cache, DiagnosticCatalog.AttributeNotTranslated, $"scope \"{scope}\" is not translated: the cache belongs to this mediator", "cache", $"scope \"{scope}\"", "the cache belongs to this mediator"));
        }

        if (cache.Implementation is { Type: { } kind } && kind != "memory")
        {
            steps.Add(Todo(cache, DiagnosticCatalog.AttributeNotTranslated, $"implementation type \"{kind}\" is not translated: the cache is in memory", "cache", $"implementation type \"{kind}\"", "the cache is in memory"));
        }

        var methods = protocol is null
            ? ImmutableArray<string>.Empty
            : protocol.Methods.Contains("*") ? [] : protocol.Methods.Select(m => m.ToUpperInvariant()).ToImmutableArray();
        var settings = new CacheSettingsIr(
            cache.Id ?? $"{Path.GetFileName(cache.Location.Path)}:{cache.Location.LineSpan.Start.Line + 1}",
            cache.TimeoutSeconds ?? DefaultCacheTimeout,
            cache.Implementation?.MaxSize,
            cache.MaxMessageSize,
            requestLine,
            methods,
            protocol?.HeadersToIncludeInHash.Select(h => h.ToLowerInvariant()).ToImmutableArray() ?? [],
            protocol?.HeadersToExcludeInHash.Select(h => h.ToLowerInvariant()).ToImmutableArray() ?? [],
            protocol?.ResponseCodes)
        {
            // enableCacheControl and includeAgeHeader (HttpCachingFilter) are read for the HTTP protocol only.
            CacheControl = protocol?.EnableCacheControl == true && IsHttpProtocol(protocol),
            AgeHeader = protocol?.IncludeAgeHeader == true && IsHttpProtocol(protocol),
        };

        ImmutableArray<StepIr> onHit;
        if (cache.OnCacheHit is null)
        {
            // A hit without onCacheHit is sent back as the cached response (CacheMediator: Axis2Sender.sendBack, no CORS headers).
            onHit = [new RespondStep(cache) { SendBack = true }];
        }
        else
        {
            var branch = Branch(cache, cache.OnCacheHit, context);
            if (!Flow.Terminates(branch))
            {
                // The finder returns false after onCacheHit: the flow stops, and the client gets the 202 of a flow that sent nothing.
                _diagnostics.Report(DiagnosticCatalog.FlowEndsWithoutResponse, cache.Location, Answers202);
                branch = branch.Add(new AcceptStep(cache));
            }

            onHit = branch;
        }

        steps.Add(new CacheLookupStep(cache, settings, onHit));
        return steps;
    }

    /// <summary>Whether the cache's protocol is HTTP (CachingConstants.HTTP_PROTOCOL_TYPE, the default).</summary>
    private static bool IsHttpProtocol(CacheProtocolSyntax? protocol) =>
        protocol?.Type is not { } type || type.Equals("HTTP", StringComparison.OrdinalIgnoreCase);
}
