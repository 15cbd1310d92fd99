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
    internal static IReadOnlyList<BodyLine> WithoutReturnChecks(IReadOnlyList<BodyLine> body, string? faultFunction, IReadOnlyList<BodyLine>? faultInline, bool wrapped = false)
    {
        if (faultFunction is not null || faultInline is not null || wrapped)
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

    /// <summary>
    /// No return repeated before the same return (issue 14): in <c>if c { X; return R; } return R;</c> the branch's
    /// <c>return R;</c> is left out (<c>if c { X; } return R;</c>). When the branch runs to its end it leaves the
    /// if/else chain, and the next statement is the same <c>return R;</c>, evaluated in the same place with the same
    /// state, so the function returns (or fails with) the same value either way; a <c>return</c>, <c>check</c> or
    /// <c>fail</c> inside X leaves the function before as it did. Only the last statement of a branch of an
    /// if/else chain (<c>if</c>, <c>else if</c>, <c>else</c>: never a loop, <c>do</c>, <c>match</c> arm or <c>on
    /// fail</c>) directly before the chain's closing brace is left out, and only when the branch keeps a statement
    /// (no empty branch is written); repeated until nothing changes, so nested chains are cleared from the inside out.
    /// </summary>
    internal static IReadOnlyList<BodyLine> WithoutRepeatedReturns(IReadOnlyList<BodyLine> body)
    {
        var lines = body.ToList();
        bool Code(int i) => i >= 0 && i < lines.Count && !lines[i].Verbatim;
        static int Indent(string text) => text.Length - text.TrimStart(' ').Length;
        for (var changed = true; changed;)
        {
            changed = false;
            for (var i = 0; i + 2 < lines.Count; i++)
            {
                var text = lines[i].Text.Trim();
                if (!Code(i) || !Code(i + 1) || !Code(i + 2) || !text.StartsWith("return", StringComparison.Ordinal) || !text.EndsWith(';')
                    || lines[i + 1].Text.Trim() != "}" || lines[i + 2].Text.Trim() != text)
                {
                    continue;
                }

                var outer = Indent(lines[i + 1].Text);
                if (Indent(lines[i].Text) != outer + 4 || Indent(lines[i + 2].Text) != outer)
                {
                    continue;
                }

                // The branch's opener: the nearest line above at the chain's indentation (a statement of the branch
                // is indented deeper, a continuation line of one too).
                var opener = i - 1;
                while (opener >= 0 && (!Code(opener) || lines[opener].Text.Trim().Length == 0 || Indent(lines[opener].Text) > outer))
                {
                    opener--;
                }

                if (opener < 0 || Indent(lines[opener].Text) != outer || !IfBranch(lines[opener].Text.Trim()))
                {
                    continue;
                }

                // A branch left with no statement (only comments) is not written: the return stays.
                if (!Enumerable.Range(opener + 1, i - opener - 1).Any(k => !Code(k) || (lines[k].Text.Trim() is { Length: > 0 } kept && !kept.StartsWith("//", StringComparison.Ordinal))))
                {
                    continue;
                }

                lines.RemoveAt(i);
                changed = true;
            }
        }

        return lines;
    }

    /// <summary>
    /// No <c>else</c> after a branch that leaves (issue 14): <c>if c { X; return R; } else { Y }</c> is written
    /// <c>if c { X; return R; } Y</c>, and <c>if c { X; return R; } else if d { Y }</c> as <c>if c { X; return R; }
    /// if d { Y }</c>. The branch's last statement is a <c>return</c>, <c>fail</c>, <c>continue</c>, <c>break</c> or
    /// <c>panic</c>, so the statements after the if run only when <c>c</c> was false, as the else branch did; Ballerina
    /// narrows a type tested by <c>c</c> after such an if as it does in its else branch. Only the first branch of a
    /// chain (<c>if</c>) is looked at, so every branch before the one whose else goes always left; a <c>} else if</c>
    /// made a new <c>if</c> is looked at in turn (repeated until nothing changes). The else's statements move out of
    /// its block into the enclosing one: every local a body declares has a name unique in the function (the statement
    /// writer's <c>Local</c>), so none collides there. Verbatim lines (an XML template's continuation lines, whose
    /// indentation is content) are not re-indented.
    /// </summary>
    internal static IReadOnlyList<BodyLine> WithoutElseAfterExit(IReadOnlyList<BodyLine> body)
    {
        var lines = body.ToList();
        bool Code(int i) => i >= 0 && i < lines.Count && !lines[i].Verbatim;
        static int Indent(string text) => text.Length - text.TrimStart(' ').Length;
        for (var changed = true; changed;)
        {
            changed = false;
            for (var i = 1; i < lines.Count; i++)
            {
                var text = lines[i].Text.Trim();
                var elseIf = text.StartsWith("} else if ", StringComparison.Ordinal) && text.EndsWith('{');
                if (!Code(i) || !Code(i - 1) || !(text == "} else {" || elseIf))
                {
                    continue;
                }

                var outer = Indent(lines[i].Text);
                if (Indent(lines[i - 1].Text) != outer + 4 || !LeavesBlock(lines[i - 1].Text.Trim()))
                {
                    continue;
                }

                // The branch's opener: the nearest line above at the chain's indentation; only a chain's first branch.
                var opener = i - 1;
                while (opener >= 0 && (!Code(opener) || lines[opener].Text.Trim().Length == 0 || Indent(lines[opener].Text) > outer))
                {
                    opener--;
                }

                if (opener < 0 || Indent(lines[opener].Text) != outer || lines[opener].Text.Trim() is not { } first
                    || !first.StartsWith("if ", StringComparison.Ordinal) || !first.EndsWith('{'))
                {
                    continue;
                }

                var indent = lines[i].Text[..outer];
                if (elseIf)
                {
                    lines[i] = lines[i] with { Text = indent + "}" };
                    lines.Insert(i + 1, new BodyLine(indent + text["} else ".Length..], Verbatim: false));
                    changed = true;
                    continue;
                }

                // The else block's closing brace: the next line at the chain's indentation.
                var close = i + 1;
                while (close < lines.Count && (!Code(close) || lines[close].Text.Trim().Length == 0 || Indent(lines[close].Text) > outer))
                {
                    close++;
                }

                if (close >= lines.Count || Indent(lines[close].Text) != outer || lines[close].Text.Trim() != "}")
                {
                    continue;
                }

                for (var k = i + 1; k < close; k++)
                {
                    if (Code(k) && lines[k].Text.StartsWith("    ", StringComparison.Ordinal))
                    {
                        lines[k] = lines[k] with { Text = lines[k].Text[4..] };
                    }
                }

                lines.RemoveAt(close);
                lines[i] = lines[i] with { Text = indent + "}" };
                changed = true;
            }
        }

        return lines;
    }

    /// <summary>A statement after which its block does not go on: a return, fail, continue, break or panic.</summary>
    private static bool LeavesBlock(string statement) =>
        statement.EndsWith(';') && (statement is "return;" or "continue;" or "break;"
            || statement.StartsWith("return ", StringComparison.Ordinal) || statement.StartsWith("fail ", StringComparison.Ordinal)
            || statement.StartsWith("panic ", StringComparison.Ordinal));

    /// <summary>The opening line of a branch of an if/else chain.</summary>
    private static bool IfBranch(string opener) =>
        opener.EndsWith('{') && (opener.StartsWith("if ", StringComparison.Ordinal) || opener.StartsWith("} else if ", StringComparison.Ordinal) || opener == "} else {");

    /// <summary>A block whose statements return from the function as its own would: a branch of an if or a match.</summary>
    private static bool PassesErrorsOn(string opener) =>
        opener.StartsWith("if ", StringComparison.Ordinal) || opener.StartsWith("} else", StringComparison.Ordinal)
        || opener.StartsWith("match ", StringComparison.Ordinal) || opener.EndsWith("=> {", StringComparison.Ordinal);

    [GeneratedRegex(@"^return check ([A-Za-z_][A-Za-z0-9_]*\(ctx(?:, [^()]*)?\));$")]
    private static partial Regex ReturnCheck();
}
