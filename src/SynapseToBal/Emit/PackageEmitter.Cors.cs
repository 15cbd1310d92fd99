using SynapseToBal.IR;

namespace SynapseToBal.Emit;

public sealed partial class PackageEmitter
{
    /// <summary>
    /// The package has API resources, which record the CORS headers of their answers (<see cref="ResourceIr.Cors"/>):
    /// the answers that the Micro Integrator gives them are written with them (<see cref="StatementWriter.WritesCors"/>).
    /// </summary>
    private bool _writesCors;
}
