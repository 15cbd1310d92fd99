using System.Text.RegularExpressions;

namespace SynapseToBal.Emit;

public sealed partial class PackageEmitter
{
    /// <summary>
    /// No <c>check</c> where it changes nothing (issue 14): <c>return check f(ctx);</c> in a body that is not inside a
    /// <c>do</c>/<c>on fail</c> returns the same value or error as <c>return f(ctx);</c> (every generated body returns
    /// an <c>error</c> union, and <c>check</c> would only return the error from the function). Only statements at the
    /// body's top level or inside <c>if</c>/<c>else</c> and <c>match</c> blocks are changed: inside any other block (the
    /// <c>do</c> of a loop, a transaction, a worker, an <c>on fail</c>) the <c>check</c> may send the error elsewhere. A
    /// body wrapped in <c>do</c>/<c>on fail</c> keeps its <c>check</c>s, which send the error to the fault handler.
    /// </summary>
    internal static IReadOnlyList<BodyLine> WithoutReturnChecks(IReadOnlyList<BodyLine> body, string? faultFunction, IReadOnlyList<BodyLine>? faultInline)
    {
        if (faultFunction is not null || faultInline is not null)
        {
            return body;
        }

        var result = new List<BodyLine>(body.Count);
        var blocks = new Stack<string>();
        foreach (var line in body)
        {
            var text = line.Text.Trim();
            if (line.Verbatim || text.StartsWith("//", StringComparison.Ordinal))
            {
                result.Add(line);
                continue;
            }

            if (text.StartsWith('}') && blocks.Count > 0)
            {
                blocks.Pop();
            }

            if (text.EndsWith('{'))
            {
                blocks.Push(text);
            }

            result.Add(ReturnCheck().Match(text) is { Success: true } match && blocks.All(PassesErrorsOn)
                ? line with { Text = line.Text[..line.Text.IndexOf('r', StringComparison.Ordinal)] + "return " + match.Groups[1].Value + ";" }
                : line);
        }

        return result;
    }

    /// <summary>A block whose statements return from the function as its own would: a branch of an if or a match.</summary>
    private static bool PassesErrorsOn(string opener) =>
        opener.StartsWith("if ", StringComparison.Ordinal) || opener.StartsWith("} else", StringComparison.Ordinal)
        || opener.StartsWith("match ", StringComparison.Ordinal) || opener.EndsWith("=> {", StringComparison.Ordinal);

    [GeneratedRegex(@"^return check ([A-Za-z_][A-Za-z0-9_]*\(ctx(?:, [^()]*)?\));$")]
    private static partial Regex ReturnCheck();
}
