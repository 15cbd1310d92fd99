using SynapseToBal.IR;

namespace SynapseToBal.Emit;

public sealed partial class PackageEmitter
{
    /// <summary>True when a throttle of the package decides by the caller's IP or domain: the resources then take the client's address.</summary>
    private bool _readsCaller;

    /// <summary>
    /// True when a throttle of the package limits concurrency: a message then gives its slot back when the response
    /// of a non-blocking call arrives (SynapseCallbackReceiver) and when its fault flow runs (MediatorFaultHandler),
    /// through ConcurrencyThrottlingUtils, so the generated calls and fault functions release it there.
    /// </summary>
    private bool _releasesThrottle;

    private static bool ReleasesThrottle(PackageIr package) => ThrottleSteps(package).Any(step => step.Policy.MaxConcurrent > 0);

    /// <summary>
    /// Whether the resources take the client's address: a throttle decides by it, or an expression reads the axis2
    /// <c>REMOTE_ADDR</c> or <c>REMOTE_HOST</c> the pass-through ServerWorker.createMessageContext sets on every HTTP
    /// request (<c>setRemoteAddress</c> fills them).
    /// </summary>
    private static bool ReadsCaller(PackageIr package) =>
        ThrottleSteps(package).Any(step => step.Policy.ReadsCaller) || ReadsRemoteAddress(package);

    private static bool ReadsRemoteAddress(PackageIr package) =>
        package.Services.SelectMany(s => s.Resources).Select(r => r.Body)
            .Concat(package.Functions.Select(f => f.Body))
            .SelectMany(body => IrWalker.Steps(body))
            .SelectMany(IrWalker.Expressions)
            .SelectMany(IrWalker.Descendants)
            .Any(e => e is PropertyReadIr { Scope: PropertyScope.Axis2, Name: "REMOTE_ADDR" or "REMOTE_HOST" });

    private static IEnumerable<ThrottleStep> ThrottleSteps(PackageIr package) =>
        package.Services.SelectMany(s => s.Resources).Select(r => r.Body)
            .Concat(package.Functions.Select(f => f.Body))
            .SelectMany(body => IrWalker.Steps(body))
            .OfType<ThrottleStep>();
}
