using SynapseToBal.IR;

namespace SynapseToBal.Refine;

/// <summary>The message of a structured log call (issue 14), as text; <see cref="SkipsFirstProperty"/> when a property became it.</summary>
/// <param name="Text">The message; null when the mediator has an MI 4.4 message template, which the writers render.</param>
public sealed record LogMessage(string? Text, bool SkipsFirstProperty);

/// <summary>
/// Gives every structured log call a message a reader understands (issue 14). A Synapse log mediator often has only
/// properties: <c>log:printInfo("", id = ...)</c> would say nothing about where it stands. The message is, in order:
/// the MI 4.4 message template; a first literal property named like a message (<c>message = "Order received"</c>),
/// which is then not repeated as a key-value; the mediator's <c>description</c>; else the place of the log: the
/// artifact (an API with its resource's uri-template, a proxy, a sequence) and its flow (request, response, fault).
/// The key-values are those Synapse logs, unchanged.
/// </summary>
public static class LogMessages
{
    /// <summary>Property names whose literal value is the message itself.</summary>
    private static readonly HashSet<string> MessageNames = new(StringComparer.OrdinalIgnoreCase) { "message", "msg", "text", "description", "info", "log" };

    public static LogMessage For(LogStep log, LogFieldsIr fields)
    {
        if (!fields.Message.IsEmpty)
        {
            return new LogMessage(null, false);
        }

        if (fields.Properties is [{ Value: StringLiteralIr literal } first, ..] && MessageNames.Contains(first.Name))
        {
            return new LogMessage(literal.Value, true);
        }

        if (log.Origin?.Description is { } description && !string.IsNullOrWhiteSpace(description))
        {
            return new LogMessage(description.Trim(), false);
        }

        return new LogMessage(fields.Place is { } place ? Describe(place) : "", false);
    }

    /// <summary>
    /// The place of a log as a message: <c>OrderAPI /orders/{id} request</c>, <c>OrderProxy response</c>, <c>Audit sequence</c>;
    /// the name alone when it already ends with the flow's word (<c>DiscountSequence</c>).
    /// </summary>
    public static string Describe(LogPlaceIr place)
    {
        var flow = place.Flow switch
        {
            LogFlow.Request => "request",
            LogFlow.Response => "response",
            LogFlow.Fault => "fault",
            LogFlow.Sequence => "sequence",
            _ => throw new InvalidOperationException($"No text for log flow {place.Flow}."),
        };
        var owner = place.Owner.Trim();
        if (owner.Length == 0)
        {
            return flow;
        }

        // A sequence named DiscountSequence, a fault sequence named OrderFault: the name already says it.
        return owner.EndsWith(flow, StringComparison.OrdinalIgnoreCase) ? owner : $"{owner} {flow}";
    }
}
