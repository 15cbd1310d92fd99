using System.Globalization;
using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

// Lowering of <task>: a message-injecting task becomes a scheduled job (ballerina/task).
public sealed partial class Lowerer
{
    private const string MessageInjector = "org.apache.synapse.startup.tasks.MessageInjector";

    /// <summary>
    /// A task of Synapse's <c>MessageInjector</c> class becomes a job that injects its message into the target
    /// sequence (or main) on the task's trigger: <c>interval</c> seconds, <c>count</c> times, or <c>once</c>
    /// (semantics §9.2), or on its Quartz <c>cron</c> expression. A task of another class runs Java code and stays a
    /// TODO; a cron expression the converter cannot read, a proxy target and a registry message are reported and left
    /// to finish by hand.
    /// </summary>
    /// <summary>
    /// Why a task whose trigger has no positive interval, no once and no cron never runs: TaskDescriptionFactory gives it
    /// a count of 1 and an interval of 1 not in milliseconds, which TaskDescription.getInterval hands over as 1 ms, and
    /// the MI's TaskBuilder.buildTaskInfo refuses a user task under 1 second; NTaskTaskManager.schedule logs that at
    /// debug level only and keeps the task queued, so it is deployed and never scheduled.
    /// </summary>
    private const string NeverScheduled = "the Micro Integrator deploys the task but never runs it (its trigger interval is then 1 ms, and TaskBuilder refuses a user task under 1 second: \"Task interval cannot be less than 1 second for user tasks\", logged at debug level only), so the job is not scheduled either; give the trigger once=\"true\" to run it once at start-up, or an interval";

    private JobIr? LowerTask(TaskSyntax task)
    {
        if (task.ClassName is { } className && className != MessageInjector)
        {
            // The task's work is the class's execute() method: Java code the input does not hold.
            var why = $"it runs the Java class {className} (its execute() method), whose code the input does not contain; write that logic as a ballerina/task job scheduled on the task's trigger";
            _diagnostics.Report(DiagnosticCatalog.ArtifactClassNotTranslatable, task.Location, "Task", task.Name, why);
            _pending.Add(new PendingArtifactIr(new NotTranslatedIr(DiagnosticCatalog.ArtifactClassNotTranslatable, $"task '{task.Name}' is not translated: {why}"), task));
            return null;
        }

        var properties = task.Properties.GroupBy(p => p.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        string? Text(string name) => properties.TryGetValue(name, out var p) ? p.Value?.Trim() : null;
        NotTranslatedIr? notTranslated = null;
        void NotTranslated(string setting, string consequence)
        {
            _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, task.Location, "task", setting, consequence);
            notTranslated ??= new NotTranslatedIr(DiagnosticCatalog.AttributeNotTranslated, $"{setting} of task '{task.Name}' is not translated: {consequence}");
        }

        var injectTo = Text("injectTo") ?? "main";
        Symbol? target = null;
        var canAnswer = false;
        var injectsProxy = false;

        // MessageInjector.execute checks for a message before it reads injectTo: without a message or a registryKey
        // each run logs "message or registry-key not set" and throws (handleError), which the scheduler logs, and
        // nothing is injected; the job does the same, and where it would have injected does not matter.
        var message = properties.TryGetValue("message", out var messageProperty) ? messageProperty.Xml ?? messageProperty.Value : null;
        var failsEachRun = message is null && Text("registryKey") is null ? "message or registry-key not set" : null;
        switch (failsEachRun is null ? injectTo : null)
        {
            case null:
                break;
            case "sequence" when Text("sequenceName") is { } sequenceName:
                if (_sequenceFunctions.TryGetValue(sequenceName, out var function))
                {
                    (target, canAnswer) = (function, _model.SequenceFacts(sequenceName).CanAnswer);
                }
                else
                {
                    NotTranslated($"sequenceName '{sequenceName}'", "the sequence is not part of the input");
                }

                break;
            case "main":
                if (_sequenceFunctions.TryGetValue("main", out var main))
                {
                    (target, canAnswer) = (main, _model.SequenceFacts("main").CanAnswer);
                }
                else
                {
                    NotTranslated("injectTo 'main'", "the project defines no main sequence (the Micro Integrator's default main drops the message)");
                }

                break;
            case var proxy when proxy.Equals("proxy", StringComparison.OrdinalIgnoreCase):
                // The proxy's own fault flow handles a failure inside its flow function (no global fault handler is pushed).
                injectsProxy = true;
                target = TaskProxyTarget(Text("proxyName"), out var proxySetting, out var proxyWhy);
                canAnswer = target is not null;
                if (proxySetting is not null)
                {
                    NotTranslated(proxySetting, proxyWhy!);
                }

                break;
            default:
                NotTranslated($"injectTo '{injectTo}'", "MessageInjector injects a message whose injectTo is neither 'proxy' nor 'sequence' (with a sequenceName) into main: check which flow the task means and call it by hand");
                break;
        }

        if (Text("registryKey") is { } registryKey)
        {
            NotTranslated($"registryKey '{registryKey}'", injectsProxy
                ? "MessageInjector injects only an inline message into a proxy (it sends its 'message', absent here, so each run fails); give the task an inline message, or build the message in the job by hand"
                : "MessageInjector reads that entry on each run (MessageContext.getEntry: a local entry, or a registry resource looked up then) and injects its text parsed as XML, which the job does not read; put the resource's XML in the job's message by hand");
        }

        // Without a format the message stays in the SOAP 1.2 envelope Synapse creates for injected messages.
        var format = (Text("format") ?? "soap12").ToLowerInvariant();
        var contentType = format switch
        {
            "soap12" => "application/soap+xml",
            "pox" => "application/xml",
            "get" => string.Empty,
            _ => "text/xml",
        };
        foreach (var property in properties.Keys.Except(["injectTo", "sequenceName", "proxyName", "message", "registryKey", "format", "soapAction", "to"], StringComparer.Ordinal))
        {
            NotTranslated($"property '{property}'", "MessageInjector does not read it");
        }

        JobScheduleIr? schedule = null;
        CronIr? cronSchedule = null;
        switch (task.Trigger)
        {
            case { Cron: { } cron }:
                cronSchedule = Cron(cron, out var cronWhy);
                if (cronSchedule is null)
                {
                    NotTranslated($"cron trigger '{cron}'", cronWhy!);
                }

                break;
            case { Once: true }:
                schedule = new JobScheduleIr(1, 1);
                break;
            case { IntervalSeconds: > 0 and var interval } trigger:
                schedule = new JobScheduleIr(interval, trigger.Count is { } times && times > 0 ? times : null);
                break;
            case { IntervalSeconds: { } interval }:
                NotTranslated($"interval '{interval}'", NeverScheduled);
                break;
            case { Count: > 1 and var count }:
                NotTranslated($"count '{count}'", "a count above 1 without an interval is refused by the Micro Integrator: TaskDescriptionFactory fails the task (\"Trigger seems to be a simple trigger, but no interval specified\") and it is not deployed; the job is not scheduled");
                break;
            case { Count: { } count }:
                NotTranslated($"count '{count}' without an interval", NeverScheduled);
                break;
            default:
                NotTranslated("trigger", $"the task has no interval, count, once or cron trigger: {NeverScheduled}");
                break;
        }

        // The Quartz group only names where the Micro Integrator files the trigger; it does not change when or what runs.
        if (!task.PinnedServers.IsEmpty)
        {
            _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, task.Location, "task", "pinnedServers", "the job runs wherever the package is deployed");
        }

        var when = schedule switch
        {
            null when cronSchedule is not null => $"on the cron schedule '{cronSchedule.Expression}' (in the server's time zone)",
            null => "not scheduled",
            { Count: 1 } => "once at start-up",
            { Count: { } n } => $"every {schedule.IntervalSeconds.ToString(CultureInfo.InvariantCulture)} s, {n} times",
            _ => $"every {schedule.IntervalSeconds.ToString(CultureInfo.InvariantCulture)} s",
        };
        var summary = failsEachRun is not null ? task.Description ?? $"Task '{task.Name}': has neither a message nor a registryKey, so each run logs the Micro Integrator's error and injects nothing, {when}." : task.Description ?? $"Task '{task.Name}': injects its message into {(injectTo == "sequence" ? $"sequence '{Text("sequenceName")}'" : injectsProxy ? $"proxy service '{Text("proxyName")}' (its response is dropped)" : injectTo)}, {when}.";
        Symbol? outFlow = null;
        if (target is not null && !injectsProxy)
        {
            outFlow = TaskResponseFlow(injectTo == "sequence" ? Text("sequenceName")! : "main", Text("to") is { Length: > 0 }, out var responseNote);
            summary += responseNote is null ? string.Empty : " " + responseNote;
        }

        return new JobIr(_symbols.Module(SymbolKind.Type, task.Name + " job", shorter: SymbolWords.WithoutRepeatedKind(task.Name, "job")), task.Name, summary, message, contentType, Text("soapAction"), target, canAnswer, schedule, task)
        {
            NotTranslated = notTranslated,
            FailsEachRun = failsEachRun,
            To = Text("to") is { Length: > 0 } to ? to : null,
            OutFlow = outFlow,
            Cron = cronSchedule,

            // A failure runs the configuration's fault sequence, as MessageInjector's MediatorFaultHandler does.
            Fault = target is not null && !injectsProxy ? GlobalFaultFunction() : null,
        };
    }

    /// <summary>
    /// The Quartz schedule of a cron expression (a task's trigger, a processor's <c>cronExpression</c>); null with
    /// <paramref name="why"/> when the converter cannot read it: the job is then declared but not scheduled.
    /// </summary>
    private static CronIr? Cron(string expression, out string? why)
    {
        var cron = QuartzCron.Parse(expression, out var reason, out var rejected);
        why = cron is not null ? null : rejected
            ? $"Quartz rejects the expression ({reason}), so the Micro Integrator does not schedule it; the job is declared but not scheduled"
            : $"the converter does not read the expression ({reason}); the job is declared but not scheduled: schedule it by hand";
        return cron;
    }
}
