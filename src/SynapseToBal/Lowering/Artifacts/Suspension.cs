using System.Collections.Immutable;
using System.Globalization;
using SynapseToBal.IR;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

// What an endpoint's suspendOnFailure / markForSuspension settings make Synapse do: said in the client's notes and,
// when they make it suspend the endpoint, kept as the endpoint's EndpointState (the runtime's copy of EndpointContext)
// that the non-blocking calls through it consult and update. http:Client keeps no endpoint state of its own: its
// retryConfig resends the same request (Synapse never resends on a leaf endpoint) and its circuit breaker trips on a
// failure ratio over a rolling window, so neither is generated.
public sealed partial class Lowerer
{
    /// <summary>Synapse's default suspension (SynapseConstants.DEFAULT_ENDPOINT_SUSPEND_TIME), used for a negative initialDuration.</summary>
    private const long DefaultSuspendMillis = 30_000;

    /// <summary>The note of an endpoint without suspension settings: EndpointDefinition's defaults suspend it, the generated calls keep no state for it.</summary>
    private const string DefaultSuspensionNote = "Synapse suspends an endpoint for 30 s after a failure by default; http:Client does not.";

    /// <summary>
    /// The note of an address, http or wsdl endpoint without suspension settings, whose calls keep a state with
    /// EndpointDefinition's defaults: initialSuspendDuration -1 (30 s, EndpointContext.computeNextRetryTimeForSuspended),
    /// progression factor 1, no maximum, no suspend codes (any error code suspends, AbstractEndpoint.isSuspendFault), no
    /// timeout codes (101504 / 101505 mark it TIMEOUT, isTimeout) and no retries before suspension (so suspended at once).
    /// </summary>
    private const string DefaultSuspensionKeptNote = "No suspendOnFailure / markForSuspension settings: Synapse's defaults suspend this endpoint for 30 s after any failed call (a timeout or closed connection included), each time; a suspended endpoint fails each call at once with 303001, without reaching the backend." + SuspensionKeptSentence;

    /// <summary>The end of the suspension note of an endpoint whose calls keep its state.</summary>
    private const string SuspensionKeptSentence = " The generated calls and sends through it, blocking calls and callouts included, keep this state as Synapse's EndpointContext does (EndpointState).";

    /// <summary>The same in the notes of a group client: the group's EndpointGroup keeps the member's state.</summary>
    private const string SuspensionInGroupSentence = " The non-blocking calls and sends through the group keep this state for the member in the group's EndpointGroup, as Synapse's FailoverEndpoint / LoadbalanceEndpoint use its EndpointContext.";

    /// <summary><see cref="DefaultSuspensionNote"/> in the notes of a group client.</summary>
    private const string DefaultSuspensionGroupNote = "Synapse suspends a member for 30 s after a failure by default, and skips it meanwhile; the non-blocking calls and sends through the group's EndpointGroup do the same.";

    /// <summary>What <see cref="SuspendingEndpointKind"/> a leaf endpoint is; null for one whose calls keep no state.</summary>
    private static SuspendingEndpointKind? SuspendingKind(EndpointSyntax endpoint) => endpoint.Definition switch
    {
        AddressEndpointSyntax => SuspendingEndpointKind.Address,
        HttpEndpointSyntax => SuspendingEndpointKind.Http,
        WsdlEndpointSyntax => SuspendingEndpointKind.Wsdl,
        _ => null,
    };

    /// <summary>
    /// The state of an endpoint whose settings suspend it (<see cref="DescribeSuspension"/>): the settings as
    /// EndpointDefinitionFactory reads them, kept by the runtime's EndpointState as EndpointContext keeps them.
    /// </summary>
    private EndpointSuspensionIr? SuspensionState(EndpointQualities q, EndpointSyntax endpoint, string baseName)
    {
        if (SuspendingKind(endpoint) is not { } kind)
        {
            return null;
        }

        static ImmutableArray<int> Codes(ImmutableArray<string> codes) =>
            [.. codes.Select(c => int.TryParse(c.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var code) ? (int?)code : null).OfType<int>()];

        // The deprecated suspendDurationOnFailure (seconds) is read first; an initialDuration replaces it (EndpointDefinitionFactory).
        var initial = q.SuspendInitialDurationMillis ?? (q.SuspendDurationOnFailureSeconds is { } legacy ? legacy * 1000 : null);
        return new EndpointSuspensionIr(_symbols.Module(SymbolKind.Client, baseName + " suspension", shorter: ClientShorter(baseName, " suspension")), kind, endpoint.Name ?? "AnonymousEndpoint",
            Codes(q.SuspendErrorCodes), initial, q.SuspendProgressionFactor, q.SuspendMaximumDurationMillis, Codes(q.TimeoutErrorCodes),
            q.RetriesBeforeSuspension, q.RetryDelayMillis);
    }

    /// <summary>Whether the endpoint sets any of its suspension or mark-for-suspension settings.</summary>
    private static bool SetsSuspension(EndpointQualities q) =>
        q.SuspendErrorCodes.Length > 0 || q.SuspendInitialDurationMillis is not null || q.SuspendMaximumDurationMillis is not null
        || q.SuspendProgressionFactor is not null || q.TimeoutErrorCodes.Length > 0 || q.RetriesBeforeSuspension is not null
        || q.RetryDelayMillis is not null || q.SuspendDurationOnFailureSeconds is not null;

    /// <summary>
    /// What the explicit settings make Synapse do (<c>EndpointContext</c>, <c>AbstractEndpoint.isTimeout</c> /
    /// <c>isSuspendFault</c>): the note for the client, and whether the endpoint can ever refuse a call (false when the
    /// settings switch suspension off, which is what http:Client does: then no state is kept).
    /// </summary>
    internal static (string Note, bool Suspends) DescribeSuspension(EndpointQualities q)
    {
        static bool None(System.Collections.Immutable.ImmutableArray<string> codes) => codes.Length > 0 && codes.All(c => c.Trim() == "-1");
        static string Seconds(long millis) => (millis / 1000m).ToString("0.###", CultureInfo.InvariantCulture) + " s";
        static string Codes(System.Collections.Immutable.ImmutableArray<string> codes) => string.Join(", ", codes.Select(c => c.Trim()));

        // The deprecated suspendDurationOnFailure (seconds) stands for initialDuration when given alone. The first
        // suspension is the initial duration, the maximum when it is longer, else 30 s when it is below 0
        // (EndpointContext.computeNextRetryTimeForSuspended): a default initialDuration with a maximumDuration of 0 is 30 s.
        var initial = q.SuspendInitialDurationMillis ?? (q.SuspendDurationOnFailureSeconds is { } legacy ? legacy * 1000 : -1);
        var maximum = q.SuspendMaximumDurationMillis ?? long.MaxValue;
        var effective = initial > maximum ? maximum : initial < 0 ? DefaultSuspendMillis : initial;
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
        // A code of three digits from 100 to 599 reads as an HTTP status, but isSuspendFault compares the ERROR_CODE of a
        // fault (101503, 303001, ...): a backend's 500 answer is a response, never a fault, so such a code matches nothing.
        var statusLike = q.SuspendErrorCodes.Select(c => c.Trim()).Where(c => c.Length == 3 && int.TryParse(c, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 100 and <= 599).ToList();
        var statusNote = statusLike.Count == 0 ? string.Empty
            : $" ({string.Join(", ", statusLike)} {(statusLike.Count == 1 ? "is" : "are")} no Synapse error code but an HTTP status: a response with that status is no fault and suspends nothing)";
        var suspendWhat = q.SuspendErrorCodes.Length == 0 ? (timeoutNone ? "any error" : "any other error") : suspendNone ? null : $"errors {Codes(q.SuspendErrorCodes)}{statusNote}";
        if (suspendWhat is not null)
        {
            // Later suspensions as EndpointContext.computeNextRetryTimeForSuspended computes them: the last times the
            // factor (a Java long cast), at most the maximum, 30 s when below 0. Nothing to say when every suspension
            // lasts as long as the first (a factor of -1 keeps 30 s for ever); a factor of 0 or less gives one value.
            var growth = string.Empty;
            if (q.SuspendProgressionFactor is { } factor && factor != 1)
            {
                long Next(long last)
                {
                    var next = (long)(last * factor);
                    return next > maximum ? maximum : next < 0 ? DefaultSuspendMillis : next;
                }

                var second = Next(effective);
                growth = second == effective && Next(second) == second ? string.Empty
                    : factor > 0 ? $", each later suspension {factor.ToString("0.###", CultureInfo.InvariantCulture)} times the last{(q.SuspendMaximumDurationMillis is { } max ? $", at most {Seconds(max)}" : string.Empty)}"
                    : $", each later suspension {Seconds(second)}";
            }

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
            + SuspensionKeptSentence;
        return (note, true);
    }
}
