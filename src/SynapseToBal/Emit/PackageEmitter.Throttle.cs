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

    private static bool ReadsCaller(PackageIr package) => ThrottleSteps(package).Any(step => step.Policy.ReadsCaller);

    private static IEnumerable<ThrottleStep> ThrottleSteps(PackageIr package) =>
        package.Services.SelectMany(s => s.Resources).Select(r => r.Body)
            .Concat(package.Functions.Select(f => f.Body))
            .SelectMany(body => IrWalker.Steps(body))
            .OfType<ThrottleStep>();
}
