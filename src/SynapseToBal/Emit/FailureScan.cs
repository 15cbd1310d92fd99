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

    /// <summary>
    /// Whether a written body returns an error as a value, which no <c>do</c>/<c>on fail</c> catches: a data service
    /// dispatch returns the answer of a helper that can fail (<c>return dataServiceReply(...)</c>); a split that stops
    /// its parent <c>fail</c>s with its copies' first failure, which <see cref="CanFail"/> sees. Every other <c>return</c> the statement writer writes
    /// returns a response (<c>accepted()</c>, <c>unansweredFault(ctx, e)</c>, a reply tested to be an <c>http:Response</c>, the answer of a flow that
    /// cannot fail, <c>return f(ctx);</c> or <c>return f(ctx, name = value);</c> with <paramref name="infallible"/> naming <c>f</c>) or is checked.
    /// </summary>
    public static bool ReturnsError(IEnumerable<BodyLine> body, Func<string, bool> infallible) => body.Any(line =>
        ErrorReturn().IsMatch(line.Text) && !(InfallibleReturn().Match(line.Text) is { Success: true } call && infallible(call.Groups[1].Value)));

    /// <summary>True for an expression that cannot fail and uses no imported module (dropping it leaves no import unused).</summary>
    public static bool IsInert(string expression)
    {
        XmlNamespaceScope.Inspected(expression); // the answer may depend on the prefix a placeholder stands for
        return !Failing().IsMatch(expression) && !ModulePrefix().IsMatch(expression);
    }

    [GeneratedRegex(@"\b[a-z]+:[a-zA-Z]")]
    private static partial Regex ModulePrefix();

    [GeneratedRegex(@"^\s*return (?!accepted\(\);|unansweredFault\(ctx, e\);|check |reply\d*;|answer\d* \?: accepted\(\);)")]
    private static partial Regex ErrorReturn();

    [GeneratedRegex(@"^\s*return ([A-Za-z_][A-Za-z0-9_]*)\(ctx(?:, [^()]*)?\);$")]
    private static partial Regex InfallibleReturn();

    [GeneratedRegex(@"\bcheck\b|\bfail\b|TODO\(")]
    private static partial Regex Failing();
}
