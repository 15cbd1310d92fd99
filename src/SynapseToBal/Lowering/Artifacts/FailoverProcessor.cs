using System.Collections.Immutable;
using SynapseToBal.IR;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

// Lowering of a FailoverScheduledMessageForwardingProcessor: a job moving the messages of its store into the store
// named by message.target.store.name (FailoverForwardingService), with the forwarding processor's retry settings.
public sealed partial class Lowerer
{
    private MessageProcessorIr LowerFailoverForwarding(
        MessageProcessorIr lowered,
        MessageProcessorSyntax processor,
        Func<string, string?> text,
        Func<string, long, long> number,
        Func<string, ProcessorSequenceIr?> sequence,
        HashSet<string> read,
        Action<string, string> notTranslated)
    {
        read.Add("message.target.store.name");
        MessageStoreIr? target = null;
        if (text("message.target.store.name") is not { Length: > 0 } targetName)
        {
            // FailoverForwardingService then acknowledges (drops) every message with a warning.
            notTranslated("message.target.store.name", "the failover processor names no target store (the Micro Integrator drops each message with a warning); the job logs and keeps the messages");
        }
        else if (!_messageStores.TryGetValue(targetName, out target))
        {
            var why = _storeReasons.TryGetValue(targetName, out var reason) ? $"the {reason.Kind} message store is not translated" : "the message store is not part of the input";
            notTranslated($"message.target.store.name '{targetName}'", $"{why}; the job logs and keeps the messages");
        }

        // FailoverForwardingService reads max.delivery.attempts (default -1: forever), client.retry.interval (default 1000 ms),
        // max.delivery.drop, throttle (set by the processor's init: interval < 1000) and the fault and deactivate sequences.
        var attempts = number("max.delivery.attempts", -1);
        var retry = number("client.retry.interval", 1000);
        read.Add("max.delivery.drop");
        read.Add("throttle");
        read.Add("throttle.interval");
        read.Add("cron.expression");
        if (text("cron.expression") is { } cron && text("throttle.interval") is { } pause)
        {
            notTranslated($"cron.expression '{cron}' with throttle.interval '{pause}'", "the job moves messages on its interval without the pause between messages");
        }

        var deactivate = sequence("message.processor.deactivate.sequence");
        if (text("message.processor.fault.sequence") is { } fault)
        {
            read.Add("message.processor.fault.sequence");
            notTranslated($"message.processor.fault.sequence '{fault}'", "FailoverForwardingService runs it only when storing throws, which a failed store here never does (a failed attempt is logged and retried)");
        }

        // FailoverScheduledMessageForwardingProcessor.init replaces throttle by interval < 1000, as the forwarding processor does.
        var intervalMilliseconds = (long)(lowered.IntervalSeconds * 1000);
        ReportThrottleParameter(processor, text("throttle"), intervalMilliseconds);
        return lowered with
        {
            TargetStore = target,
            MaxDeliveryAttempts = (int)Math.Clamp(attempts, int.MinValue, int.MaxValue),
            RetryIntervalSeconds = Math.Max(retry, 0) / 1000m,
            DropAfterMaxAttempts = text("max.delivery.drop") == "Enabled" && attempts > 0,
            Throttle = intervalMilliseconds < 1000,
            DeactivateSequence = deactivate,
            NonRetryStatusCodes = ImmutableArray<int>.Empty,
        };
    }
}
