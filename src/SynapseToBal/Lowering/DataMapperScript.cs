using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;

namespace SynapseToBal.Lowering;

/// <summary>
/// The JavaScript mapping function of a data-mapper configuration (<c>X.dmc</c>), as the Integration Studio data
/// mapper generates it: <c>map_S_in_S_out = function(){ var outputout = {}; outputout.a = inputin.b; ... return
/// outputout; };</c> (or <c>function map_S_in_S_out(){ ... }</c>). The body is split into top-level statements; each
/// is then read as one of the forms the generator writes.
/// </summary>
internal sealed partial record DataMapperScript(string FunctionName, ImmutableArray<string> Statements)
{
    /// <summary>The script's mapping function; null with a reason when the text holds none.</summary>
    public static DataMapperScript? Parse(string text, out string? error)
    {
        error = null;
        var match = FunctionHead().Match(text);
        if (!match.Success)
        {
            error = "it holds no map_S_..._S_... function";
            return null;
        }

        var name = match.Groups["name"].Success ? match.Groups["name"].Value : match.Groups["name2"].Value;
        var open = match.Index + match.Length - 1;
        var statements = Split(text, open + 1, out var closed);
        if (!closed)
        {
            error = "its function body is not closed";
            return null;
        }

        return new DataMapperScript(name, statements);
    }

    [GeneratedRegex(@"(?:(?<name>map_S_[A-Za-z0-9_$]*)\s*=\s*function\s*\([^)]*\)\s*\{|function\s+(?<name2>map_S_[A-Za-z0-9_$]*)\s*\([^)]*\)\s*\{)")]
    private static partial Regex FunctionHead();

    private static readonly string[] BlockKeywords = ["for", "if", "while", "do", "switch", "try", "function"];

    /// <summary>The top-level statements of a body starting at <paramref name="start"/>, up to its closing brace.</summary>
    internal static ImmutableArray<string> Split(string text, int start, out bool closed)
    {
        var statements = ImmutableArray.CreateBuilder<string>();
        var current = new StringBuilder();
        var depth = 0;
        closed = false;

        void Flush()
        {
            var statement = current.ToString().Trim();
            if (statement.Length > 0 && statement != ";")
            {
                statements.Add(statement.TrimEnd(';').TrimEnd());
            }

            current.Clear();
        }

        bool IsBlockStatement()
        {
            var head = current.ToString().TrimStart();
            return BlockKeywords.Any(k => head.StartsWith(k, StringComparison.Ordinal) && (head.Length == k.Length || !char.IsLetterOrDigit(head[k.Length]) && head[k.Length] != '_'));
        }

        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '"' or '\'' or '`')
            {
                var end = i + 1;
                while (end < text.Length && text[end] != c)
                {
                    end += text[end] == '\\' ? 2 : 1;
                }

                end = Math.Min(end, text.Length - 1);
                current.Append(text, i, end - i + 1);
                i = end;
                continue;
            }

            if (c == '/' && i + 1 < text.Length && text[i + 1] == '/')
            {
                while (i < text.Length && text[i] != '\n')
                {
                    i++;
                }

                current.Append('\n');
                continue;
            }

            if (c == '/' && i + 1 < text.Length && text[i + 1] == '*')
            {
                var end = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = end < 0 ? text.Length : end + 1;
                current.Append(' ');
                continue;
            }

            if (c is '(' or '[' or '{')
            {
                depth++;
            }
            else if (c is ')' or ']' or '}')
            {
                if (depth == 0 && c == '}')
                {
                    Flush();
                    closed = true;
                    return statements.ToImmutable();
                }

                depth--;
            }

            current.Append(c);
            if (depth == 0 && c == ';')
            {
                Flush();
            }
            else if (depth == 0 && c == '}' && IsBlockStatement() && !ContinuesBlock(text, i + 1))
            {
                Flush();
            }
        }

        Flush();
        return statements.ToImmutable();
    }

    /// <summary>True when the text after a block's closing brace continues the statement (else, catch, finally, a do's while).</summary>
    private static bool ContinuesBlock(string text, int index)
    {
        while (index < text.Length && char.IsWhiteSpace(text[index]))
        {
            index++;
        }

        var rest = text.AsSpan(index);
        return rest.StartsWith("else", StringComparison.Ordinal) || rest.StartsWith("catch", StringComparison.Ordinal)
            || rest.StartsWith("finally", StringComparison.Ordinal) || rest.StartsWith("while", StringComparison.Ordinal);
    }

    /// <summary>A statement of the generated forms: <c>target.path = value</c> where value is <c>{}</c>, <c>[]</c> or anything else.</summary>
    internal static (string Root, ImmutableArray<string> Path, string Value)? Assignment(string statement)
    {
        var match = AssignmentForm().Match(statement);
        if (!match.Success)
        {
            return null;
        }

        var path = match.Groups["path"].Value.Split('.', StringSplitOptions.RemoveEmptyEntries).Select(s => s.Trim()).ToImmutableArray();
        return (match.Groups["root"].Value, path, match.Groups["value"].Value.Trim());
    }

    /// <summary>A plain read of a variable's nested member (<c>inputorder.buyer.name</c>): the variable and the path; null for anything else.</summary>
    internal static (string Root, ImmutableArray<string> Path)? MemberRead(string value)
    {
        var match = MemberReadForm().Match(value);
        return match.Success
            ? (match.Groups["root"].Value, match.Groups["path"].Value.Split('.', StringSplitOptions.RemoveEmptyEntries).Select(s => s.Trim()).ToImmutableArray())
            : null;
    }

    /// <summary>
    /// <c>receiver.concat(arg, ...)</c> where the receiver is a member read and each argument a member read or a quoted
    /// literal without escapes (the arguments are read one by one: a call or another operator among them gives null): the operands in order (a literal's text, or a read's source); null for anything else.
    /// </summary>
    internal static ImmutableArray<(string? Literal, string? Read)>? Concatenation(string value)
    {
        var match = ConcatForm().Match(value.Trim());
        if (!match.Success)
        {
            return null;
        }

        var operands = ImmutableArray.CreateBuilder<(string?, string?)>();
        operands.Add((null, match.Groups["receiver"].Value.Trim()));
        var args = match.Groups["args"].Value;
        var index = 0;
        while (true)
        {
            var arg = ConcatArgument().Match(args, index);
            if (!arg.Success || arg.Index != index)
            {
                return null;
            }

            operands.Add(arg.Groups["read"].Success ? (null, arg.Groups["read"].Value.Trim()) : (arg.Groups["single"].Success ? arg.Groups["single"].Value : arg.Groups["double"].Value, null));
            index = arg.Index + arg.Length;
            if (index == args.Length)
            {
                return operands.ToImmutable();
            }

            if (args[index] != ',')
            {
                return null;
            }

            index++;
        }
    }

    [GeneratedRegex(@"^(?<receiver>[A-Za-z_$][A-Za-z0-9_$]*(?:\s*\.\s*[A-Za-z_$][A-Za-z0-9_$]*)+)\s*\.\s*concat\s*\((?<args>[\s\S]*)\)$")]
    private static partial Regex ConcatForm();

    [GeneratedRegex(@"\s*(?:'(?<single>[^'\\\r\n]*)'|""(?<double>[^""\\\r\n]*)""|(?<read>[A-Za-z_$][A-Za-z0-9_$]*(?:\s*\.\s*[A-Za-z_$][A-Za-z0-9_$]*)+))\s*")]
    private static partial Regex ConcatArgument();

    [GeneratedRegex(@"^(?:var\s+)?(?<root>[A-Za-z_$][A-Za-z0-9_$]*)(?<path>(?:\s*\.\s*[A-Za-z_$][A-Za-z0-9_$]*)*)\s*=(?!=)(?<value>[\s\S]*)$")]
    private static partial Regex AssignmentForm();

    [GeneratedRegex(@"^(?<root>[A-Za-z_$][A-Za-z0-9_$]*)(?<path>(?:\s*\.\s*[A-Za-z_$][A-Za-z0-9_$]*)+)$")]
    private static partial Regex MemberReadForm();
}
