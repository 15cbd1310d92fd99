using System.Globalization;
using SynapseToBal.IR;
using SynapseToBal.Refine;

namespace SynapseToBal.Emit;

public sealed partial class PackageEmitter
{
    /// <summary>The suspension states the whole package's calls keep, read before the package is split into files (an endpoint's file has no calls).</summary>
    private HashSet<Symbol> _trackedSuspensions = [];

    /// <summary>The suspension states some call of the package keeps (<see cref="CallStep.TracksSuspension"/>): only those are declared.</summary>
    private static HashSet<Symbol> TrackedSuspensions(PackageIr package) =>
        package.Services.SelectMany(s => s.Resources).Select(r => r.Body)
            .Concat(package.Functions.Select(f => f.Body))
            .SelectMany(body => IrWalker.Steps(body))
            .OfType<CallStep>()
            .Select(call => call.TracksSuspension ? call.Client.Suspension?.Name : null)
            .OfType<Symbol>()
            .ToHashSet();

    /// <summary>
    /// The arguments of an endpoint's <c>EndpointState</c>: its kind, its name and the settings it sets (a setting it
    /// leaves out keeps the <c>SuspensionSettings</c> default, which is EndpointDefinition's).
    /// </summary>
    private static string SuspensionArguments(EndpointSuspensionIr suspension)
    {
        static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);
        static string Codes(IEnumerable<int> codes) => "[" + string.Join(", ", codes.Select(c => Int(c))) + "]";
        static string Float(double value) => double.IsNaN(value) ? "float:NaN"
            : double.IsPositiveInfinity(value) ? "float:Infinity"
            : double.IsNegativeInfinity(value) ? "-float:Infinity"
            : value.ToString("R", CultureInfo.InvariantCulture) is var text && (text.Contains('.') || text.Contains('E')) ? text : text + ".0";

        var fields = new List<string>();
        if (!suspension.SuspendCodes.IsEmpty)
        {
            fields.Add($"suspendCodes: {Codes(suspension.SuspendCodes)}");
        }

        if (suspension.InitialDurationMillis is { } initial)
        {
            fields.Add($"initialDuration: {Int(initial)}");
        }

        if (suspension.ProgressionFactor is { } factor)
        {
            fields.Add($"progressionFactor: {Float(factor)}");
        }

        if (suspension.MaximumDurationMillis is { } maximum)
        {
            fields.Add($"maximumDuration: {Int(maximum)}");
        }

        if (!suspension.TimeoutCodes.IsEmpty)
        {
            fields.Add($"timeoutCodes: {Codes(suspension.TimeoutCodes)}");
        }

        if (suspension.RetriesBeforeSuspension is { } retries)
        {
            fields.Add($"retriesBeforeSuspension: {Int(retries)}");
        }

        if (suspension.RetryDelayMillis is { } delay)
        {
            fields.Add($"retryDelay: {Int(delay)}");
        }

        var kind = suspension.Kind switch
        {
            SuspendingEndpointKind.Address => "\"address\"",
            SuspendingEndpointKind.Http => "\"http\"",
            SuspendingEndpointKind.Wsdl => "\"wsdl\"",
            _ => throw new InvalidOperationException($"Unhandled endpoint kind {suspension.Kind}"),
        };
        return $"{kind}, {BallerinaSyntax.StringLiteral(suspension.EndpointName)}, {{{string.Join(", ", fields)}}}";
    }
}
