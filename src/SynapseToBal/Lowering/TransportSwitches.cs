using System.Collections.Immutable;
using SynapseToBal.IR;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

/// <summary>
/// The axis2-scope transport switches set on a request message, which the pass-through HTTP sender reads when it
/// writes the request (semantics of PassThroughHttpSender, TargetRequestFactory and TargetRequest):
/// <c>FORCE_HTTP_1.0</c> (HTTP/1.0, the message buffered to send a Content-Length), <c>DISABLE_CHUNKING</c>
/// (the message buffered, a Content-Length instead of chunks), <c>FORCE_HTTP_CONTENT_LENGTH</c> (no chunks; with
/// <c>COPY_CONTENT_LENGTH_FROM_INCOMING</c> the received Content-Length is sent, the message assumed unchanged).
/// Each is yes, no or "maybe" (set on some paths only) at a point of a flow, as the other exchange facts.
/// </summary>
/// <param name="Origins">The property mediators that set a switch still set (for the TODO that carries them).</param>
internal readonly record struct TransportSwitches(Known Http10, Known DisableChunking, Known ForceLength, Known CopyLength, ImmutableList<PropertyMediator>? Origins)
{
    /// <summary>Whether a switch that changes how a message is written may be set (COPY_CONTENT_LENGTH_FROM_INCOMING alone changes nothing).</summary>
    public bool Matters => Http10 != Known.No || DisableChunking != Known.No || ForceLength != Known.No;

    /// <summary>
    /// The client configuration a call made here needs, or null with <paramref name="problem"/> saying why no client
    /// configuration reproduces it (a switch set on some paths only, or a content length nobody measured).
    /// </summary>
    public HttpTransport? Need(out string? problem)
    {
        problem = null;
        if (Http10 == Known.Yes)
        {
            return HttpTransport.Http10;
        }

        if (Http10 == Known.Maybe || DisableChunking == Known.Maybe || ForceLength == Known.Maybe
            || (ForceLength == Known.Yes && DisableChunking == Known.No && CopyLength == Known.Maybe))
        {
            problem = "it is set on some paths above only, while an http:Client fixes its HTTP version and chunking for every request: call a client configured for it on those paths by hand";
            return null;
        }

        if (DisableChunking == Known.Yes || (ForceLength == Known.Yes && CopyLength == Known.Yes))
        {
            return HttpTransport.Http11NoChunking;
        }

        if (ForceLength == Known.Yes)
        {
            problem = "FORCE_HTTP_CONTENT_LENGTH without COPY_CONTENT_LENGTH_FROM_INCOMING (or DISABLE_CHUNKING) turns chunking off without a measured length; set the client's chunking by hand to what the backend accepts";
        }

        return null;
    }

    /// <summary>What holds after two alternative paths meet: a switch either path may have set is "maybe" unless both agree.</summary>
    public TransportSwitches Merge(TransportSwitches other)
    {
        var mine = Origins;
        var origins = mine is null ? other.Origins : other.Origins is null ? mine : mine.AddRange(other.Origins.Where(o => !mine.Contains(o)));
        return new(
            Merge(Http10, other.Http10),
            Merge(DisableChunking, other.DisableChunking),
            Merge(ForceLength, other.ForceLength),
            Merge(CopyLength, other.CopyLength),
            origins);
    }

    /// <summary>The switch the property sets, set to the value given (a property that sets a switch to no drops its origin).</summary>
    public TransportSwitches With(PropertyMediator property, bool value)
    {
        var known = value ? Known.Yes : Known.No;
        var origins = (Origins ?? []).RemoveAll(o => o.Name == property.Name);
        origins = value ? origins.Add(property) : origins;
        var next = this with { Origins = origins.IsEmpty ? null : origins };
        return property.Name switch
        {
            "FORCE_HTTP_1.0" => next with { Http10 = known },
            "DISABLE_CHUNKING" => next with { DisableChunking = known },
            "FORCE_HTTP_CONTENT_LENGTH" => next with { ForceLength = known },
            _ => next with { CopyLength = known },
        };
    }

    private static Known Merge(Known a, Known b) => a == b ? a : Known.Maybe;
}
