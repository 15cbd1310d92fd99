using System.Collections.Immutable;
using SynapseToBal.Syntax;

namespace SynapseToBal.IR;

/// <summary>What a throttle policy says about one caller: always allowed, always denied, or controlled by a rate.</summary>
public enum ThrottleAccess
{
    Allow,
    Deny,
    Control,
}

/// <summary>
/// One caller entry of a throttle policy: <see cref="Id"/> is an IP (a single address, a range <c>a.b.c.d-a.b.c.e</c>,
/// <c>a.b.c.*</c>; <see cref="RangeEnd"/> the last address of a range) or a domain (<c>*.example.com</c>), or <c>other</c> for every caller no entry names. A controlled
/// caller may make <see cref="MaxCount"/> requests per <see cref="UnitTime"/> ms, then waits <see cref="ProhibitTime"/> ms
/// (0: until the unit time is over).
/// </summary>
public sealed record ThrottleCallerIr(string Id, string? RangeEnd, ThrottleAccess Access, int MaxCount, long UnitTime, long ProhibitTime);

/// <summary>
/// A throttle policy as ThrottleFactory reads it: at most <see cref="MaxConcurrent"/> messages in flight (0: no limit),
/// and the IP and domain caller entries.
/// </summary>
public sealed record ThrottlePolicyIr(int MaxConcurrent, ImmutableArray<ThrottleCallerIr> IpCallers, ImmutableArray<ThrottleCallerIr> DomainCallers)
{
    /// <summary>True when the decision depends on who calls (the request's IP or domain).</summary>
    public bool ReadsCaller => IpCallers.Length > 0 || DomainCallers.Length > 0;
}

/// <summary>
/// The request-path throttle: admits the message by the policy (concurrency first, then the caller's rate) under the
/// state named <see cref="Throttle"/>, then runs <see cref="OnAccept"/> or <see cref="OnReject"/>.
/// </summary>
public sealed record ThrottleStep(MediatorSyntax Origin, string Throttle, ThrottlePolicyIr Policy, ImmutableArray<StepIr> OnAccept, ImmutableArray<StepIr> OnReject) : StepIr(Origin)
{
    public override bool Terminates => Flow.Terminates(OnAccept) && Flow.Terminates(OnReject);
}

/// <summary>Gives back the concurrency slot the message's request took, if it holds one.</summary>
public sealed record ThrottleReleaseStep(MediatorSyntax Origin) : StepIr(Origin);
