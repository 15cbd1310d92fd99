using System.Collections.Immutable;

namespace SynapseToBal.IR;

/// <summary>
/// A scheduled task that injects a message (Synapse's <c>MessageInjector</c>): a job that creates a message
/// context with the configured message and runs the target flow, scheduled by interval and count.
/// </summary>
/// <param name="Name">The job class.</param>
/// <param name="Message">The injected message as XML text, or null for an empty message.</param>
/// <param name="ContentType">The content type the message has (from the task's <c>format</c>).</param>
/// <param name="Target">The function the message is injected into (a sequence; main), or null when it goes nowhere translated.</param>
/// <param name="TargetCanAnswer">The target may produce a response (which a task ignores: there is no client).</param>
/// <param name="Schedule">When it runs; null when the schedule is not translated (the job is declared but not scheduled).</param>
public sealed record JobIr(
    Symbol Name,
    string TaskName,
    string Summary,
    string? Message,
    string ContentType,
    string? SoapAction,
    Symbol? Target,
    bool TargetCanAnswer,
    JobScheduleIr? Schedule,
    Syntax.TaskSyntax Origin)
{
    /// <summary>Why the job is not scheduled or injects nowhere: a TODO beside it.</summary>
    public NotTranslatedIr? NotTranslated { get; init; }

    /// <summary>
    /// The error each run logs instead of injecting a message, when the task can never inject one (MessageInjector
    /// with neither a message nor a registryKey: execute logs "message or registry-key not set" and throws).
    /// </summary>
    public string? FailsEachRun { get; init; }

    /// <summary>The task's <c>to</c> property: the message's To address (MessageInjector sets it on the message).</summary>
    public string? To { get; init; }

    /// <summary>
    /// The function that runs the global <c>fault</c> sequence with the error recorded, when the input defines one:
    /// MessageInjector pushes a fault handler for the configuration's fault sequence before injecting.
    /// </summary>
    public Symbol? Fault { get; init; }

    /// <summary>
    /// The function a response to a send made from the target runs (the job sets it as <c>ctx.outFlow</c>): the
    /// main sequence, as Axis2SynapseEnvironment.injectMessage hands such a response to main; null when the target
    /// sends nothing or the project has no main sequence.
    /// </summary>
    public Symbol? OutFlow { get; init; }

    /// <summary>The task's cron trigger, when it runs on one (then <see cref="Schedule"/> is null).</summary>
    public CronIr? Cron { get; init; }
}

/// <summary>Runs every <paramref name="IntervalSeconds"/>, <paramref name="Count"/> times (null: forever); the first run is at start-up.</summary>
public sealed record JobScheduleIr(decimal IntervalSeconds, int? Count);

/// <summary>
/// A Quartz cron schedule (a task's <c>cron</c> trigger, a processor's <c>cronExpression</c>), its fields expanded to
/// the values each allows, in order; an empty list allows every value. The day is decided by the day-of-week field
/// when <paramref name="ByWeekday"/> (the day-of-month field is <c>?</c>), else by the day-of-month field.
/// </summary>
/// <param name="Expression">The expression as written.</param>
/// <param name="Months">1 to 12.</param>
/// <param name="Years">The optional year field; empty: every year.</param>
public sealed record CronIr(
    string Expression,
    ImmutableArray<int> Seconds,
    ImmutableArray<int> Minutes,
    ImmutableArray<int> Hours,
    ImmutableArray<int> Months,
    ImmutableArray<int> Years)
{
    /// <summary>The day-of-week field decides the day.</summary>
    public bool ByWeekday { get; init; }

    /// <summary>The days of the month (1-31), or of the week (1 Sunday to 7 Saturday) when <see cref="ByWeekday"/>; empty: every day.</summary>
    public ImmutableArray<int> Days { get; init; } = [];

    /// <summary><c>L</c> or <c>L-n</c>: the month's last day less this offset.</summary>
    public int? LastDayOffset { get; init; }

    /// <summary><c>W</c>: the weekday nearest the day (the only one in <see cref="Days"/>, or the last-day one), within the month.</summary>
    public bool NearestWeekday { get; init; }

    /// <summary><c>nL</c>: the last such weekday of the month.</summary>
    public int? LastWeekday { get; init; }

    /// <summary><c>n#k</c>: the <see cref="Nth"/> such weekday of the month.</summary>
    public int? NthWeekday { get; init; }

    public int Nth { get; init; }
}
