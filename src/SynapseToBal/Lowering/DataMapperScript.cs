using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;

namespace SynapseToBal.Lowering;

/// <summary>
/// The JavaScript mapping function of a data-mapper configuration (<c>X.dmc</c>), as the Integration Studio data
/// mapper generates it: <c>map_S_in_S_out = function(){ var outputout = {}; outputout.a = inputin.b; ... return
/// outputout; };</c> (or <c>function map_S_in_S_out(){ ... }</c>). The body is split into top-level statements; each
/// is then read as one of the forms the generator writes. The MI 4.4 data mapper (TypeScript, compiled by webpack)
/// writes <c>function mapFunction(input) { return { a: input.b, c: { ... } }; }</c> and <c>function map_S_in_S_out() {
/// return mapFunction(inputin); }</c>: its object literal is read as the statements of the generated form it is
/// equivalent to (<c>var output = {}; output.a = input.b; output.c = {}; ...; return output</c>), with
/// <see cref="InputVariable"/> the mapFunction's parameter.
/// </summary>
internal sealed partial record DataMapperScript(string FunctionName, ImmutableArray<string> Statements)
{
    /// <summary>The variable the statements read the input from; null for the generated form's <c>input&lt;root&gt;</c>.</summary>
    public string? InputVariable { get; init; }

    /// <summary>
    /// The argument the <c>map_S_</c> function passes to <c>mapFunction</c> (the MI 4.4 form), which must be the
    /// generated form's input variable; null when the script is of the generated form or MappingResource calls
    /// <c>mapFunction(JSON.parse(input))</c> itself (the text has no <c>map_S_</c> function).
    /// </summary>
    public string? CalledWith { get; init; }

    /// <summary>
    /// The loops of the generated form that stand for an array's <c>map</c> call of the MI 4.4 form
    /// (<c>items: input.items.map(item =&gt; { return { ... }; })</c>), each with the assignment it was read from
    /// (<c>output.items = input.items.map(...)</c>): the loop's reading differs where JavaScript's <c>map</c> does
    /// (an absent array throws a TypeError), and an element the loop's rules do not translate keeps that assignment
    /// as the TODO.
    /// </summary>
    public ImmutableDictionary<string, string> MapForms { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>The script's mapping function; null with a reason when the text holds none.</summary>
    public static DataMapperScript? Parse(string text, out string? error)
    {
        error = null;
        var match = FunctionHead().Match(text);
        if (!match.Success)
        {
            // MappingResource.createFunction runs mapFunction(JSON.parse(input)) when the text has no map_S_ function
            // but mentions mapFunction.
            if (text.Contains("mapFunction", StringComparison.Ordinal))
            {
                return MapFunction(text, "mapFunction", calledWith: null, out error);
            }

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

        if (statements is [var only] && DelegateForm().Match(only) is { Success: true } call)
        {
            return MapFunction(text, name, call.Groups["arg"].Value, out error);
        }

        return new DataMapperScript(name, statements);
    }

    /// <summary>
    /// The MI 4.4 form: the one <c>mapFunction</c> of the text that returns an object literal (the others delegate
    /// to it: <c>return DataMapper.mapFunction(input)</c>), read as the generated form's statements.
    /// </summary>
    private static DataMapperScript? MapFunction(string text, string name, string? calledWith, out string? error)
    {
        error = null;
        (string Parameter, string Literal)? found = null;
        foreach (Match head in MapFunctionHead().Matches(text))
        {
            var parameter = head.Groups["param"].Value;
            var body = Split(text, head.Index + head.Length, out var closed);
            if (!closed)
            {
                error = "the body of its mapFunction is not closed";
                return null;
            }

            if (body is [var delegating] && DelegateForm().Match(delegating) is { Success: true } call && call.Groups["arg"].Value == parameter
                && call.Groups["callee"].Value.Contains('.', StringComparison.Ordinal))
            {
                continue;
            }

            if (body is not [var only] || !only.StartsWith("return", StringComparison.Ordinal) || only["return".Length..].Trim() is not ['{', .., '}'] literal)
            {
                error = "its mapFunction is not one return of an object literal (" + (body.IsEmpty ? "an empty body" : $"'{StatementHead(body[0])}'") + ")";
                return null;
            }

            if (found is not null)
            {
                error = "it holds more than one mapFunction that returns an object literal";
                return null;
            }

            found = (parameter, literal);
        }

        if (found is not { } function)
        {
            error = "it calls mapFunction but holds no mapFunction that returns an object literal";
            return null;
        }

        var output = function.Parameter == "output" ? "output_" : "output";
        var statements = ImmutableArray.CreateBuilder<string>();
        statements.Add($"var {output} = {{}}");
        var maps = new MapReading();
        if (!ObjectLiteral(function.Literal, output, statements, maps, out error))
        {
            return null;
        }

        statements.Add("return " + output);
        return new DataMapperScript(name, statements.ToImmutable()) { InputVariable = function.Parameter, CalledWith = calledWith, MapForms = maps.Forms.ToImmutable() };
    }

    /// <summary>
    /// The members of an object literal <c>{ a: value, "b-c": { ... }, }</c> as the assignments <c>target.a = value</c>
    /// (a nested literal is <c>target.x = {}</c> and its members), in the literal's order, which is the order
    /// JavaScript keeps them in. False with the reason for a member of another form (shorthand, spread, method,
    /// computed or numeric key).
    /// </summary>
    private static bool ObjectLiteral(string literal, string target, ImmutableArray<string>.Builder statements, MapReading maps, out string? error)
    {
        error = null;
        var members = Split(literal, 1, out var closed, separator: ',');
        if (!closed)
        {
            error = "its mapFunction's object literal is not closed";
            return false;
        }

        foreach (var member in members)
        {
            var match = LiteralMember().Match(member);
            if (!match.Success)
            {
                error = $"the member '{StatementHead(member)}' of its mapFunction's object literal is not of the form name: value";
                return false;
            }

            var key = match.Groups["id"].Success ? match.Groups["id"].Value : match.Groups["dq"].Success ? match.Groups["dq"].Value : match.Groups["sq"].Value;
            var name = DataMapperSchema.ScriptName(key);
            if (!IsIdentifier(name))
            {
                error = $"the member name '{key}' of its mapFunction's object literal is not a name the data mapper's schema gives";
                return false;
            }

            var value = match.Groups["value"].Value.Trim();
            var path = target + "." + name;
            if (value is ['{', .., '}'])
            {
                statements.Add(path + " = {}");
                if (!ObjectLiteral(value, path, statements, maps, out error))
                {
                    return false;
                }

                continue;
            }

            if (MapCall(value) is { } map && MapLoop(map, path, maps) is { } loop)
            {
                statements.AddRange(loop);
                maps.Forms[loop[^1]] = path + " = " + value;
                continue;
            }

            statements.Add(path + " = " + value);
        }

        return true;
    }

    /// <summary>The loops read from <c>map</c> calls: a number for each loop's names, and each loop's original assignment.</summary>
    private sealed class MapReading
    {
        public int Count { get; set; }

        public ImmutableDictionary<string, string>.Builder Forms { get; } = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
    }

    /// <summary>
    /// <c>source.map(callback)</c> where the source is a member read (<c>input.items</c>) and the callback takes one
    /// parameter and gives one expression: <c>item =&gt; { return X; }</c>, <c>(item) =&gt; (X)</c>, <c>item =&gt; X</c>
    /// (a TypeScript type on the parameter allowed) or <c>function (item) { return X; }</c>, the form webpack compiles
    /// an arrow function into. Null for anything else (the value then stays as written, a TODO).
    /// </summary>
    internal static (string Source, string Parameter, string Element)? MapCall(string value)
    {
        var head = MapHead().Match(value);
        if (!head.Success || Closing(value, head.Index + head.Length - 1) != value.Length - 1)
        {
            return null;
        }

        var callback = value[(head.Index + head.Length)..^1].Trim();
        var parameter = MapCallback().Match(callback);
        if (!parameter.Success)
        {
            return null;
        }

        var name = parameter.Groups["p1"].Success ? parameter.Groups["p1"].Value : parameter.Groups["p2"].Success ? parameter.Groups["p2"].Value : parameter.Groups["p3"].Value;
        var body = callback[parameter.Length..].Trim();
        string element;
        if (parameter.Groups["p3"].Success || body is ['{', ..])
        {
            // A block: its one statement must return the element.
            if (body is not ['{', .., '}'] || Closing(body, 0) != body.Length - 1)
            {
                return null;
            }

            var statements = Split(body, 1, out var closed);
            if (!closed || statements is not [var only] || !only.StartsWith("return", StringComparison.Ordinal) || only.Length == "return".Length
                || IsNamePart(only["return".Length]))
            {
                return null;
            }

            element = only["return".Length..].Trim();
        }
        else
        {
            element = body;
        }

        // A parenthesised element ((item) => ({ ... })) is its content.
        while (element is ['(', .., ')'] && Closing(element, 0) == element.Length - 1)
        {
            element = element[1..^1].Trim();
        }

        return element.Length == 0 ? null : (head.Groups["source"].Value.Trim(), name, element);
    }

    /// <summary>
    /// A map call as the loop of the generated form it is equivalent to: <c>path = []</c>, a counter, and
    /// <c>for (i in source) { path[count] = {}; path[count].f = source[i].g; ...; count++; }</c>, the callback's
    /// parameter read as the source's element. Null when the element cannot be read so (a member not of the form
    /// name: value): the value then stays as written.
    /// </summary>
    private static ImmutableArray<string>? MapLoop((string Source, string Parameter, string Element) map, string path, MapReading maps)
    {
        var number = ++maps.Count;
        var index = $"i_map{number}";
        var counter = $"count_map{number}";
        var element = $"{path}[{counter}]";
        var body = ImmutableArray.CreateBuilder<string>();
        var item = $"{map.Source}[{index}]";
        if (map.Element is ['{', .., '}'])
        {
            body.Add(element + " = {}");
            var members = ImmutableArray.CreateBuilder<string>();
            if (!ObjectLiteral(map.Element, element, members, maps, out _))
            {
                return null;
            }

            foreach (var member in members)
            {
                var equals = member.IndexOf(" = ", StringComparison.Ordinal);
                body.Add(member[..(equals + 3)] + Substitute(member[(equals + 3)..], map.Parameter, item));
            }
        }
        else
        {
            body.Add(element + " = " + Substitute(map.Element, map.Parameter, item));
        }

        body.Add(counter + "++");
        return [path + " = []", $"var {counter} = 0", $"for ({index} in {map.Source}) {{\n" + string.Join(";\n", body) + ";\n}"];
    }

    /// <summary>
    /// The expression with each read of the variable <paramref name="name"/> (an identifier that is no member name,
    /// outside quoted literals and the text of template literals) replaced by <paramref name="by"/>.
    /// </summary>
    internal static string Substitute(string expression, string name, string by)
    {
        var result = new StringBuilder();
        var braces = new Stack<int>();
        var depth = 0;
        for (var i = 0; i < expression.Length; i++)
        {
            var c = expression[i];
            if (c is '"' or '\'')
            {
                var end = i + 1;
                while (end < expression.Length && expression[end] != c)
                {
                    end += expression[end] == '\\' ? 2 : 1;
                }

                end = Math.Min(end, expression.Length - 1);
                result.Append(expression, i, end - i + 1);
                i = end;
                continue;
            }

            if (c == '`' || c == '}' && braces.Count > 0 && braces.Peek() == depth)
            {
                // The text of a template literal, up to its end or its next ${.
                if (c == '}')
                {
                    braces.Pop();
                }

                result.Append(c);
                var j = i + 1;
                while (j < expression.Length && expression[j] != '`' && !(expression[j] == '$' && j + 1 < expression.Length && expression[j + 1] == '{'))
                {
                    j += expression[j] == '\\' ? 2 : 1;
                }

                j = Math.Min(j, expression.Length);
                result.Append(expression, i + 1, j - i - 1);
                if (j < expression.Length && expression[j] == '$')
                {
                    result.Append("${");
                    braces.Push(depth);
                    i = j + 1;
                }
                else
                {
                    if (j < expression.Length)
                    {
                        result.Append('`');
                    }

                    i = j;
                }

                continue;
            }

            if (c == '{')
            {
                depth++;
            }
            else if (c == '}')
            {
                depth--;
            }

            if (IsNamePart(c) || c == '$')
            {
                var start = i;
                while (i + 1 < expression.Length && (IsNamePart(expression[i + 1]) || expression[i + 1] == '$'))
                {
                    i++;
                }

                var word = expression[start..(i + 1)];
                var member = start > 0 && expression[..start].TrimEnd() is [.., '.'];
                result.Append(word == name && !member && !char.IsAsciiDigit(word[0]) ? by : word);
                continue;
            }

            result.Append(c);
        }

        return result.ToString();
    }

    private static bool IsNamePart(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    /// <summary>The index of the bracket closing the one at <paramref name="open"/> (quoted literals skipped), or -1.</summary>
    private static int Closing(string text, int open)
    {
        var depth = 0;
        for (var i = open; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '"' or '\'' or '`')
            {
                var end = i + 1;
                while (end < text.Length && text[end] != c)
                {
                    end += text[end] == '\\' ? 2 : 1;
                }

                i = end;
                continue;
            }

            if (c is '(' or '[' or '{')
            {
                depth++;
            }
            else if (c is ')' or ']' or '}' && --depth == 0)
            {
                return i;
            }
        }

        return -1;
    }

    [GeneratedRegex(@"^(?<source>[A-Za-z_$][A-Za-z0-9_$]*(?:\s*\.\s*[A-Za-z_$][A-Za-z0-9_$]*)+)\s*\.\s*map\s*\(")]
    private static partial Regex MapHead();

    [GeneratedRegex(@"^(?:\(\s*(?<p1>[A-Za-z_$][A-Za-z0-9_$]*)\s*(?::\s*[A-Za-z_$][A-Za-z0-9_$.]*(?:\s*\[\s*\])*\s*)?\)\s*=>|(?<p2>[A-Za-z_$][A-Za-z0-9_$]*)\s*=>|function\s*\(\s*(?<p3>[A-Za-z_$][A-Za-z0-9_$]*)\s*\)\s*(?=\{))")]
    private static partial Regex MapCallback();

    private static string StatementHead(string statement)
    {
        var line = statement.Trim().Split('\n')[0].Trim();
        return line.Length > 60 ? line[..60] + "..." : line;
    }

    [GeneratedRegex(@"^return\s+(?<callee>[A-Za-z_$][A-Za-z0-9_$]*(?:\s*\.\s*mapFunction)?)\s*\(\s*(?<arg>[A-Za-z_$][A-Za-z0-9_$]*)\s*\)$")]
    private static partial Regex DelegateForm();

    [GeneratedRegex(@"function\s+mapFunction\s*\(\s*(?<param>[A-Za-z_$][A-Za-z0-9_$]*)\s*(?::\s*[A-Za-z_$][A-Za-z0-9_$.]*\s*)?\)\s*(?::\s*[A-Za-z_$][A-Za-z0-9_$.]*\s*)?\{")]
    private static partial Regex MapFunctionHead();

    [GeneratedRegex(@"^\s*(?:(?<id>[A-Za-z_$][A-Za-z0-9_$]*)|""(?<dq>[^""\\\r\n]*)""|'(?<sq>[^'\\\r\n]*)')\s*:(?<value>[\s\S]+)$")]
    private static partial Regex LiteralMember();

    [GeneratedRegex(@"^[A-Za-z_$][A-Za-z0-9_$]*$")]
    private static partial Regex Identifier();

    /// <summary>Whether a text is one JavaScript identifier (the names the data mapper's scripts use).</summary>
    internal static bool IsIdentifier(string text) => Identifier().IsMatch(text);

    [GeneratedRegex(@"(?:(?<name>map_S_[A-Za-z0-9_$]*)\s*=\s*function\s*\([^)]*\)\s*\{|function\s+(?<name2>map_S_[A-Za-z0-9_$]*)\s*\([^)]*\)\s*\{)")]
    private static partial Regex FunctionHead();

    private static readonly string[] BlockKeywords = ["for", "if", "while", "do", "switch", "try", "function"];

    /// <summary>The top-level statements of a body starting at <paramref name="start"/>, up to its closing brace.</summary>
    internal static ImmutableArray<string> Split(string text, int start, out bool closed, char separator = ';')
    {
        var statements = ImmutableArray.CreateBuilder<string>();
        var current = new StringBuilder();
        var depth = 0;
        closed = false;

        void Flush()
        {
            var statement = current.ToString().Trim();
            if (statement.Length > 0 && statement != separator.ToString())
            {
                statements.Add(statement.TrimEnd(separator).TrimEnd());
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
            if (depth == 0 && c == separator)
            {
                Flush();
            }
            else if (separator == ';' && depth == 0 && c == '}' && IsBlockStatement() && !ContinuesBlock(text, i + 1))
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

    /// <summary>
    /// A value of the script read as an expression of the forms the data mapper generates: member reads
    /// (<c>inputX.a[i_a].b</c>), quoted literals without escapes, integer and decimal literals, method calls
    /// (<c>x.toString().toUpperCase()</c>), function calls (<c>Number(x)</c>, <c>Math.round(x)</c>), parentheses and
    /// <c>+ - * /</c>. Null with the reason for anything else (other operators, escapes, conditionals).
    /// </summary>
    internal static ScriptValue? Expression(string text, out string? error)
    {
        var parser = new ScriptExpressionParser(text);
        var value = parser.Additive();
        error = parser.Error ?? (value is not null && !parser.AtEnd ? $"'{parser.Rest}' is not of a translated form" : null);
        return error is null ? value : null;
    }

    /// <summary>A loop of the generated form <c>for (i_x in inputX.a.x) { ... }</c>: its variable, the array it goes over and its statements.</summary>
    internal static (string Variable, string Source, ImmutableArray<string> Body)? ForIn(string statement)
    {
        var match = ForInForm().Match(statement);
        if (!match.Success)
        {
            return null;
        }

        var open = match.Index + match.Length - 1;
        var body = Split(statement, open + 1, out var closed);
        return closed && statement.TrimEnd().EndsWith('}') ? (match.Groups["var"].Value, match.Groups["source"].Value.Trim(), body) : null;
    }

    /// <summary><c>target.path[index].rest = value</c>: an assignment to an element of an array, the parts around the index.</summary>
    internal static (string Array, string Index, string Member, string Value)? ElementAssignment(string statement)
    {
        var match = ElementAssignmentForm().Match(statement);
        return match.Success ? (match.Groups["array"].Value.Trim(), match.Groups["index"].Value, match.Groups["rest"].Value.Trim(), match.Groups["value"].Value.Trim()) : null;
    }

    [GeneratedRegex(@"^for\s*\(\s*(?:var\s+)?(?<var>[A-Za-z_$][A-Za-z0-9_$]*)\s+in\s+(?<source>[A-Za-z_$][A-Za-z0-9_$]*(?:\s*\.\s*[A-Za-z_$][A-Za-z0-9_$]*)+)\s*\)\s*\{")]
    private static partial Regex ForInForm();

    [GeneratedRegex(@"^(?<array>[A-Za-z_$][A-Za-z0-9_$]*(?:\s*\.\s*[A-Za-z_$][A-Za-z0-9_$]*)+)\s*\[\s*(?<index>[A-Za-z_$][A-Za-z0-9_$]*)\s*\](?<rest>(?:\s*\.\s*[A-Za-z_$][A-Za-z0-9_$]*)*)\s*=(?!=)(?<value>[\s\S]*)$")]
    private static partial Regex ElementAssignmentForm();

    [GeneratedRegex(@"^(?<receiver>[A-Za-z_$][A-Za-z0-9_$]*(?:\s*\.\s*[A-Za-z_$][A-Za-z0-9_$]*)+)\s*\.\s*concat\s*\((?<args>[\s\S]*)\)$")]
    private static partial Regex ConcatForm();

    [GeneratedRegex(@"\s*(?:'(?<single>[^'\\\r\n]*)'|""(?<double>[^""\\\r\n]*)""|(?<read>[A-Za-z_$][A-Za-z0-9_$]*(?:\s*\.\s*[A-Za-z_$][A-Za-z0-9_$]*)+))\s*")]
    private static partial Regex ConcatArgument();

    [GeneratedRegex(@"^(?:var\s+)?(?<root>[A-Za-z_$][A-Za-z0-9_$]*)(?<path>(?:\s*\.\s*[A-Za-z_$][A-Za-z0-9_$]*)*)\s*=(?!=)(?<value>[\s\S]*)$")]
    private static partial Regex AssignmentForm();

    [GeneratedRegex(@"^(?<root>[A-Za-z_$][A-Za-z0-9_$]*)(?<path>(?:\s*\.\s*[A-Za-z_$][A-Za-z0-9_$]*)+)$")]
    private static partial Regex MemberReadForm();
}

/// <summary>A value of a data-mapper script, as <see cref="DataMapperScript.Expression"/> reads it.</summary>
internal abstract record ScriptValue
{
    private ScriptValue()
    {
    }

    /// <summary>A variable and the members read from it; an index is kept as <c>[name]</c>.</summary>
    public sealed record Read(string Root, ImmutableArray<string> Path) : ScriptValue;

    /// <summary>A quoted literal (without escapes).</summary>
    public sealed record Text(string Value) : ScriptValue;

    /// <summary>An integer literal.</summary>
    public sealed record Integer(long Value) : ScriptValue;

    /// <summary>A decimal literal with a fraction (<c>1.5</c>), as the double JavaScript reads.</summary>
    public sealed record Real(double Value) : ScriptValue;

    /// <summary><c>receiver.method(arguments)</c>.</summary>
    public sealed record Method(ScriptValue Receiver, string Name, ImmutableArray<ScriptValue> Arguments) : ScriptValue;

    /// <summary><c>name(arguments)</c> (<c>Number(x)</c>, a custom function).</summary>
    public sealed record Function(string Name, ImmutableArray<ScriptValue> Arguments) : ScriptValue;

    /// <summary><c>left op right</c> for <c>+ - * /</c>.</summary>
    public sealed record Binary(char Operator, ScriptValue Left, ScriptValue Right) : ScriptValue;
}

/// <summary>A recursive-descent reader of the expressions <see cref="ScriptValue"/> represents.</summary>
internal sealed class ScriptExpressionParser(string text)
{
    private int _index;

    public string? Error { get; private set; }

    public bool AtEnd
    {
        get
        {
            SkipSpace();
            return _index >= text.Length;
        }
    }

    public string Rest => text[_index..].Trim();

    public ScriptValue? Additive()
    {
        var left = Multiplicative();
        while (left is not null && Peek() is '+' or '-' && !Next("++") && !Next("--"))
        {
            var op = text[_index++];
            var right = Multiplicative();
            left = right is null ? null : new ScriptValue.Binary(op, left, right);
        }

        return left;
    }

    private ScriptValue? Multiplicative()
    {
        var left = Postfix();
        while (left is not null && Peek() is '*' or '/' && !Next("/*") && !Next("//"))
        {
            var op = text[_index++];
            var right = Postfix();
            left = right is null ? null : new ScriptValue.Binary(op, left, right);
        }

        return left;
    }

    private ScriptValue? Postfix()
    {
        var value = Primary();
        while (value is not null)
        {
            if (Peek() == '.')
            {
                _index++;
                if (Identifier() is not { } name)
                {
                    return Fail("a member name is missing after '.'");
                }

                if (Peek() == '(')
                {
                    if (Arguments() is not { } arguments)
                    {
                        return null;
                    }

                    value = new ScriptValue.Method(value, name, arguments);
                }
                else if (value is ScriptValue.Read read)
                {
                    value = read with { Path = read.Path.Add(name) };
                }
                else
                {
                    return Fail($"the member '{name}' is read from a value that is not a variable");
                }
            }
            else if (Peek() == '[')
            {
                _index++;
                if (value is not ScriptValue.Read read || Identifier() is not { } index || Peek() != ']')
                {
                    return Fail("an index other than a loop variable");
                }

                _index++;
                value = read with { Path = read.Path.Add("[" + index + "]") };
            }
            else
            {
                return value;
            }
        }

        return value;
    }

    private ScriptValue? Primary()
    {
        var c = Peek();
        if (c == '(')
        {
            _index++;
            var inner = Additive();
            if (inner is null)
            {
                return null;
            }

            if (Peek() != ')')
            {
                return Fail("a parenthesis is not closed");
            }

            _index++;
            return inner;
        }

        if (c == '`')
        {
            return Template();
        }

        if (c is '\'' or '"')
        {
            var end = text.IndexOf(c, _index + 1);
            if (end < 0)
            {
                return Fail("a literal is not closed");
            }

            var literal = text[(_index + 1)..end];
            if (literal.Contains('\\', StringComparison.Ordinal) || literal.Contains('\n', StringComparison.Ordinal) || literal.Contains('\r', StringComparison.Ordinal))
            {
                return Fail("a literal with an escape");
            }

            _index = end + 1;
            return new ScriptValue.Text(literal);
        }

        if (c is >= '0' and <= '9')
        {
            var start = _index;
            while (_index < text.Length && char.IsAsciiDigit(text[_index]))
            {
                _index++;
            }

            if (_index + 1 < text.Length && text[_index] == '.' && char.IsAsciiDigit(text[_index + 1]))
            {
                _index++;
                while (_index < text.Length && char.IsAsciiDigit(text[_index]))
                {
                    _index++;
                }

                if (_index < text.Length && (char.IsAsciiLetter(text[_index]) || text[_index] == '.'))
                {
                    return Fail("a number that is not a decimal literal");
                }

                // The literal's double, correctly rounded as JavaScript reads it.
                return new ScriptValue.Real(double.Parse(text.AsSpan(start, _index - start), System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture));
            }

            if (_index < text.Length && (char.IsAsciiLetter(text[_index]) || text[_index] == '.'))
            {
                return Fail("a number that is not a decimal integer");
            }

            return long.TryParse(text.AsSpan(start, _index - start), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) && number < 1L << 53
                ? new ScriptValue.Integer(number)
                : Fail("an integer beyond 2^53");
        }

        if (Identifier() is { } name)
        {
            if (Peek() == '(')
            {
                return Arguments() is { } arguments ? new ScriptValue.Function(name, arguments) : null;
            }

            return new ScriptValue.Read(name, []);
        }

        return Fail(_index < text.Length ? $"'{text[_index]}' is not of a translated form" : "a value is missing");
    }

    /// <summary>
    /// A template literal <c>`${a} ${b}`</c> as the <c>+</c> of its parts (texts without escapes, substitutions):
    /// JavaScript converts each substitution to a string and joins them, which is <c>a + " " + b</c> (an empty
    /// text first when neither of its first two parts is a text, so two numbers are joined, not added).
    /// </summary>
    private ScriptValue? Template()
    {
        _index++;
        var parts = new List<ScriptValue>();
        var textStart = _index;
        while (true)
        {
            if (_index >= text.Length)
            {
                return Fail("a template literal is not closed");
            }

            var c = text[_index];
            if (c == '\\')
            {
                return Fail("a template literal with an escape");
            }

            if (c is '`' or '$' && (c == '`' || _index + 1 < text.Length && text[_index + 1] == '{'))
            {
                if (_index > textStart)
                {
                    var literal = text[textStart.._index];
                    if (literal.Contains('\n', StringComparison.Ordinal) || literal.Contains('\r', StringComparison.Ordinal))
                    {
                        return Fail("a template literal with a line break");
                    }

                    parts.Add(new ScriptValue.Text(literal));
                }

                if (c == '`')
                {
                    _index++;
                    break;
                }

                _index += 2;
                if (Additive() is not { } substitution)
                {
                    return null;
                }

                if (Peek() != '}')
                {
                    return Fail("a template literal's substitution is not closed");
                }

                _index++;
                parts.Add(substitution);
                textStart = _index;
                continue;
            }

            _index++;
        }

        if (parts is [])
        {
            return new ScriptValue.Text(string.Empty);
        }

        if (parts is not [ScriptValue.Text, ..] and not [_, ScriptValue.Text, ..])
        {
            parts.Insert(0, new ScriptValue.Text(string.Empty));
        }

        return parts.Skip(1).Aggregate(parts[0], (left, right) => new ScriptValue.Binary('+', left, right));
    }

    private ImmutableArray<ScriptValue>? Arguments()
    {
        _index++;
        var arguments = ImmutableArray.CreateBuilder<ScriptValue>();
        if (Peek() == ')')
        {
            _index++;
            return arguments.ToImmutable();
        }

        while (true)
        {
            if (Additive() is not { } argument)
            {
                return null;
            }

            arguments.Add(argument);
            var c = Peek();
            _index++;
            if (c == ')')
            {
                return arguments.ToImmutable();
            }

            if (c != ',')
            {
                Fail("an argument list is not closed");
                return null;
            }
        }
    }

    private string? Identifier()
    {
        SkipSpace();
        var start = _index;
        if (_index < text.Length && (char.IsAsciiLetter(text[_index]) || text[_index] is '_' or '$'))
        {
            _index++;
            while (_index < text.Length && (char.IsAsciiLetterOrDigit(text[_index]) || text[_index] is '_' or '$'))
            {
                _index++;
            }
        }

        return _index > start ? text[start.._index] : null;
    }

    private char Peek()
    {
        SkipSpace();
        return _index < text.Length ? text[_index] : '\0';
    }

    private bool Next(string token) => string.CompareOrdinal(text, _index, token, 0, token.Length) == 0;

    private void SkipSpace()
    {
        while (_index < text.Length && char.IsWhiteSpace(text[_index]))
        {
            _index++;
        }
    }

    private ScriptValue? Fail(string reason)
    {
        Error ??= reason;
        return null;
    }
}
