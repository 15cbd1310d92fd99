using SynapseToBal.IR;

namespace SynapseToBal.Emit;

public sealed partial class PackageEmitter
{
    /// <summary>True when a throttle of the package decides by the caller's IP or domain: the resources then take the client's address.</summary>
    private bool _readsCaller;

    private static bool ReadsCaller(PackageIr package) =>
        package.Services.SelectMany(s => s.Resources).Select(r => r.Body)
            .Concat(package.Functions.Select(f => f.Body))
            .SelectMany(body => IrWalker.Steps(body))
            .Any(step => step is ThrottleStep { Policy.ReadsCaller: true });
}
