using System.Text.RegularExpressions;

namespace SynapseToBal.Emit;

/// <summary>
/// Whether a written body can fail, so that a <c>do</c>/<c>on fail</c> around it is needed (issue 14: no
/// <c>do { } on fail</c> when nothing inside can fail). A body fails only through a <c>check</c> or a <c>fail</c>
/// statement; a TODO counts as failing (the code that finishes it may). Comments and strings are scanned too,
/// which can only keep a block that is not needed.
/// </summary>
internal static partial class FailureScan
{
    public static bool CanFail(IEnumerable<BodyLine> body) => body.Any(line => Failing().IsMatch(line.Text));

    /// <summary>True for an expression that cannot fail and uses no imported module (dropping it leaves no import unused).</summary>
    public static bool IsInert(string expression)
    {
        XmlNamespaceScope.Inspected(expression); // the answer may depend on the prefix a placeholder stands for
        return !Failing().IsMatch(expression) && !ModulePrefix().IsMatch(expression);
    }

    [GeneratedRegex(@"\b[a-z]+:[a-zA-Z]")]
    private static partial Regex ModulePrefix();

    [GeneratedRegex(@"\bcheck\b|\bfail\b|TODO\(")]
    private static partial Regex Failing();
}
