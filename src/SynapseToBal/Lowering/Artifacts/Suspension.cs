using System.Globalization;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

// What an endpoint's suspendOnFailure / markForSuspension settings make Synapse do, said precisely in the client's
// notes. http:Client keeps no endpoint state: its retryConfig resends the same request (Synapse never resends on a
// leaf endpoint) and its circuit breaker trips on a failure ratio over a rolling window (a failure still in the window
// trips it again after a successful trial: the HALF_OPEN trial closes it, the next CLOSED check sees the old failure),
// so neither is generated; the note says how a circuit breaker would approximate it.
public sealed partial class Lowerer
{
    /// <summary>Synapse's default suspension (SynapseConstants.DEFAULT_ENDPOINT_SUSPEND_TIME), used for a negative initialDuration.</summary>
    private const long DefaultSuspendMillis = 30_000;

    /// <summary>Whether the endpoint sets any of its suspension or mark-for-suspension settings.</summary>
    private static bool SetsSuspension(EndpointQualities q) =>
        q.SuspendErrorCodes.Length > 0 || q.SuspendInitialDurationMillis is not null || q.SuspendMaximumDurationMillis is not null
        || q.SuspendProgressionFactor is not null || q.TimeoutErrorCodes.Length > 0 || q.RetriesBeforeSuspension is not null
        || q.RetryDelayMillis is not null || q.SuspendDurationOnFailureSeconds is not null;

    /// <summary>
    /// What the explicit settings make Synapse do (<c>EndpointContext</c>, <c>AbstractEndpoint.isTimeout</c> /
    /// <c>isSuspendFault</c>): the note for the client, and whether the endpoint can ever refuse a call (false when the
    /// settings switch suspension off, which is what http:Client does).
    /// </summary>
    internal static (string Note, bool Suspends) DescribeSuspension(EndpointQualities q)
    {
        static bool None(System.Collections.Immutable.ImmutableArray<string> codes) => codes.Length > 0 && codes.All(c => c.Trim() == "-1");
        static string Seconds(long millis) => (millis / 1000m).ToString("0.###", CultureInfo.InvariantCulture) + " s";
        static string Codes(System.Collections.Immutable.ImmutableArray<string> codes) => string.Join(", ", codes.Select(c => c.Trim()));

        // An initialDuration below 0 is the 30 s default; the deprecated suspendDurationOnFailure (seconds) stands for it when given alone.
        var initial = q.SuspendInitialDurationMillis ?? (q.SuspendDurationOnFailureSeconds is { } legacy ? legacy * 1000 : -1);
        if (initial < 0)
        {
            initial = DefaultSuspendMillis;
        }

        var maximum = q.SuspendMaximumDurationMillis ?? long.MaxValue;
        var effective = Math.Min(initial, maximum);
        var suspendNone = None(q.SuspendErrorCodes);
        var timeoutNone = None(q.TimeoutErrorCodes);
        var retries = q.RetriesBeforeSuspension ?? 0;
        var delay = q.RetryDelayMillis ?? 0;

        // Nothing ever changes the endpoint's state, or every state it reaches is over at once.
        var neverSuspended = suspendNone && timeoutNone;
        var zeroSuspension = effective <= 0 && (timeoutNone || retries <= 0 || delay <= 0);
        if (neverSuspended || zeroSuspension)
        {
            return ($"Suspension is switched off ({(neverSuspended ? "no error code suspends or marks the endpoint" : "a suspension of 0 ms")}): like http:Client, Synapse sends every message to the endpoint.", false);
        }

        var parts = new List<string>();
        var suspendWhat = q.SuspendErrorCodes.Length == 0 ? (timeoutNone ? "any error" : "any other error") : suspendNone ? null : $"errors {Codes(q.SuspendErrorCodes)}";
        if (suspendWhat is not null)
        {
            var growth = q.SuspendProgressionFactor is { } factor && factor != 1
                ? $", each later suspension {factor.ToString("0.###", CultureInfo.InvariantCulture)} times the last{(q.SuspendMaximumDurationMillis is { } max ? $", at most {Seconds(max)}" : string.Empty)}"
                : string.Empty;
            parts.Add($"Synapse suspends this endpoint for {Seconds(effective)} after {suspendWhat}{growth}");
        }

        if (!timeoutNone)
        {
            var timeoutWhat = q.TimeoutErrorCodes.Length == 0 ? "a timeout or closed connection (101504, 101505)" : $"errors {Codes(q.TimeoutErrorCodes)}";
            parts.Add(retries > 0
                ? $"after {timeoutWhat} it marks it for suspension: it refuses calls for {Seconds(delay)} (retryDelay), and after up to {retries} more such failure(s) suspends it for {Seconds(effective)}"
                : $"after {timeoutWhat} it suspends it for {Seconds(effective)} (no retriesBeforeSuspension)");
        }

        var note = string.Join("; ", parts)
            + ". A suspended endpoint fails each call at once with 303001, without reaching the backend; a later message is let through when the period ends."
            + " http:Client keeps no such state, and its retryConfig would send the same request again, which Synapse does not do for one endpoint."
            + $" An http:CircuitBreakerConfig approximates it: rollingWindow {{requestVolumeThreshold: 1}}, failureThreshold: 0.0, resetTime: {(effective / 1000m).ToString("0.###", CultureInfo.InvariantCulture)}"
            + " (it trips on any transport error and its suspension does not grow; a call it refuses fails with an http:UpstreamServiceUnavailableError, which the generated code records as ERROR_CODE 101503;"
            + " and a failure keeps counting for rollingWindow.timeWindow, 60 s by default, so until then a backend that is back is refused again on every third call: set timeWindow near resetTime).";
        return (note, true);
    }
}
