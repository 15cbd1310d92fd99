using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SynapseToBal.Project;

/// <summary>
/// The MI 4.4 data mapper's source: <c>src/main/wso2mi/resources/datamapper/X/X.ts</c>, a TypeScript file whose
/// <c>InputRoot</c> and <c>OutputRoot</c> interfaces are the two schemas (a comment <c>title : "root"</c> before each
/// names its root) and whose <c>mapFunction(input: InputRoot): OutputRoot</c> is the mapping. The build compiles it into
/// the registry resources a <c>&lt;datamapper&gt;</c> names (<c>resources:datamapper/X/X.dmc</c>, the compiled script,
/// and <c>X_inputSchema.json</c>, <c>X_outputSchema.json</c>). When the project holds the TypeScript and not those
/// resources, they are read from it: the <c>.dmc</c> as the TypeScript text (the mapping script reader takes a
/// <c>mapFunction</c> with type annotations), each schema as the data mapper's JSON schema of its interface.
/// </summary>
public static partial class DataMapperTypeScript
{
    /// <summary>
    /// The registry resources the project's data mapper TypeScript sources stand for, by canonical key, for the keys the
    /// registry does not hold: the <c>.dmc</c> and the two schemas of each <c>datamapper/X/X.ts</c>.
    /// </summary>
    public static Dictionary<string, Resource> Resources(ProjectModel project)
    {
        var found = new Dictionary<string, Resource>(StringComparer.Ordinal);
        foreach (var file in project.OtherFiles)
        {
            if (!IsSource(file.DisplayPath))
            {
                continue;
            }

            var name = SourcePath().Match(file.DisplayPath).Groups["name"].Value;
            var prefix = $"{RegistryIndex.ResourcesPrefix}datamapper/{name}/{name}";
            string? Text()
            {
                try
                {
                    using var reader = new StreamReader(BoundedFile.OpenRead(file.Path, BoundedFile.DefaultMaxBytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
                    return reader.ReadToEnd();
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FileTooLargeException)
                {
                    return null;
                }
            }

            void Add(string suffix, Resource resource)
            {
                if (RegistryIndex.NormalizeKey(prefix + suffix) is { } key && !project.Registry.Contains(key))
                {
                    found.TryAdd(key, resource);
                }
            }

            // The source is read once, when one of its three keys is first read; a schema that cannot be made keeps its reason.
            var source = new Lazy<string?>(Text);
            var display = file.DisplayPath;
            Lazy<(string? Text, string? Why)> Schema(bool input) => new(() =>
            {
                if (source.Value is not { } ts)
                {
                    return (null, $"its TypeScript source '{display}' cannot be read");
                }

                var (inputRoot, outputRoot) = Roots(ts);
                var root = input ? inputRoot : outputRoot;
                return SchemaJson(ts, root, out var error) is { } json ? (json, null) : (null, $"its TypeScript source '{display}' gives no schema of '{root}': {error}");
            });
            var inputSchema = Schema(input: true);
            var outputSchema = Schema(input: false);
            Add(".dmc", new Resource(() => source.Value, () => source.Value is null ? $"its TypeScript source '{display}' cannot be read" : null));
            Add("_inputSchema.json", new Resource(() => inputSchema.Value.Text, () => inputSchema.Value.Why));
            Add("_outputSchema.json", new Resource(() => outputSchema.Value.Text, () => outputSchema.Value.Why));
        }

        return found;
    }

    /// <summary>
    /// One registry resource a TypeScript source stands for: its text, or null and why (<see cref="Unreadable"/>) when
    /// it cannot be made from the source.
    /// </summary>
    public sealed record Resource(Func<string?> Text, Func<string?> Unreadable);

    /// <summary>
    /// Whether a registry key (canonical) names one of the three resources the build makes from a data mapper source
    /// among <paramref name="files"/> (project-relative paths): <c>datamapper/X/X.dmc</c>, <c>X_inputSchema.json</c>,
    /// <c>X_outputSchema.json</c> under <c>gov:/mi-resources/</c>. A descriptor that lists them (MI VS Code's
    /// <c>resources/artifact.xml</c>) names build outputs, not missing files.
    /// </summary>
    public static bool Supplies(string key, IEnumerable<string> files)
    {
        if (SuppliedKey().Match(key) is not { Success: true } match || match.Groups["folder"].Value != match.Groups["name"].Value)
        {
            return false;
        }

        var name = match.Groups["name"].Value;
        return files.Any(f => IsSource(f) && SourcePath().Match(f).Groups["name"].Value == name);
    }

    /// <summary>
    /// The two schema interfaces of a source: <c>mapFunction(input: A): B</c>'s parameter and return types (the MI 4.4
    /// tooling writes <c>interface Root</c> or <c>InputRoot</c> and <c>OutputRoot</c>); <c>InputRoot</c> and
    /// <c>OutputRoot</c> when the file has no such signature.
    /// </summary>
    public static (string Input, string Output) Roots(string text) =>
        MapFunction().Match(Comments().Replace(text, " ")) is { Success: true } match ? (match.Groups["input"].Value, match.Groups["output"].Value) : ("InputRoot", "OutputRoot");

    /// <summary>Whether a file of the project is a data mapper's TypeScript source (<c>resources/datamapper/X/X.ts</c>).</summary>
    public static bool IsSource(string path) => SourcePath().Match(path) is { Success: true } match && match.Groups["folder"].Value == match.Groups["name"].Value;

    /// <summary>
    /// The data mapper JSON schema of the interface <paramref name="root"/> of a TypeScript text (its members, nested
    /// object types, arrays, optional members as not required, references to the file's other interfaces); null with
    /// the reason when the interface is absent or a member's type is not one of those.
    /// </summary>
    public static string? SchemaJson(string text, string root, out string? error)
    {
        var interfaces = Interfaces(text);
        if (!interfaces.TryGetValue(root, out var body))
        {
            error = $"it declares no interface {root}";
            return null;
        }

        var head = text[..body.Start];
        var title = TitleComment().Match(head) is { Success: true } t ? t.Groups["title"].Value : "root";

        // The comment before the interface names the message type (`inputType : "JSON"`, `outputType : "XML"`); the
        // schema carries it as its root's inputType / outputType member, where DataMapperMediator
        // (carbon-mediation, initializeInputOutputType) reads it when the <datamapper> has no inputType / outputType.
        var dataType = DataTypeComment().Match(head) is { Success: true } d ? (Role: d.Groups["role"].Value + "Type", Type: d.Groups["type"].Value) : default;
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", "http://wso2.org/json-schema/wso2-data-mapper-v5.0.0/schema#");
            json.WriteString("title", title);
            if (dataType.Role is { } role)
            {
                json.WriteString(role, dataType.Type);
            }

            if (!ObjectType(json, body.Text, interfaces, depth: 0, out error))
            {
                return null;
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Each <c>interface Name { ... }</c> of the text: its body between the braces and where it starts.</summary>
    private static Dictionary<string, (string Text, int Start)> Interfaces(string text)
    {
        var found = new Dictionary<string, (string Text, int Start)>(StringComparer.Ordinal);
        var bases = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (Match head in InterfaceHead().Matches(text))
        {
            var open = head.Index + head.Length - 1;
            if (Closing(text, open) is { } close && found.TryAdd(head.Groups["name"].Value, (text[(open + 1)..close], head.Index)) && head.Groups["bases"].Success)
            {
                bases[head.Groups["name"].Value] = head.Groups["bases"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            }
        }

        // `interface A extends B, C`: A has B's and C's members before its own. One whose base is not an interface of the
        // file (or that extends itself through its bases) is left out, so a type naming it is reported as not read.
        var merged = new Dictionary<string, (string Text, int Start)>(StringComparer.Ordinal);
        (string Text, int Start)? Merge(string name, int depth)
        {
            if (merged.TryGetValue(name, out var done))
            {
                return done;
            }

            if (depth > 16 || !found.TryGetValue(name, out var own))
            {
                return null;
            }

            var body = new System.Text.StringBuilder();
            foreach (var baseName in bases.GetValueOrDefault(name) ?? [])
            {
                if (Merge(baseName, depth + 1) is not { } inherited)
                {
                    return null;
                }

                body.Append(inherited.Text).Append('\n');
            }

            var result = (body.Append(own.Text).ToString(), own.Start);
            merged[name] = result;
            return result;
        }

        foreach (var name in found.Keys)
        {
            _ = Merge(name, 0);
        }

        return merged;
    }

    /// <summary>The index of the bracket closing the one at <paramref name="open"/>, outside strings and comments.</summary>
    private static int? Closing(string text, int open)
    {
        var depth = 0;
        for (var i = open; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '"' or '\'')
            {
                var end = text.IndexOf(c, i + 1);
                if (end < 0)
                {
                    return null;
                }

                i = end;
                continue;
            }

            if (c == '/' && i + 1 < text.Length && text[i + 1] == '/')
            {
                var end = text.IndexOf('\n', i);
                i = end < 0 ? text.Length : end;
                continue;
            }

            if (c == '/' && i + 1 < text.Length && text[i + 1] == '*')
            {
                var end = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = end < 0 ? text.Length : end + 1;
                continue;
            }

            if (c is '{' or '[' or '(')
            {
                depth++;
            }
            else if (c is '}' or ']' or ')' && --depth == 0)
            {
                return i;
            }
        }

        return null;
    }

    /// <summary>Writes <c>"type": "object", "properties": {...}, "required": [...]</c> for the members of an object type's body.</summary>
    private static bool ObjectType(Utf8JsonWriter json, string body, Dictionary<string, (string Text, int Start)> interfaces, int depth, out string? error)
    {
        error = null;
        if (depth > 32)
        {
            error = "its types nest too deep (or refer to themselves)";
            return false;
        }

        var members = new List<(string Name, bool Optional, string Type)>();
        var text = Comments().Replace(body, " ");
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && (char.IsWhiteSpace(text[i]) || text[i] is ';' or ','))
            {
                i++;
            }

            if (i >= text.Length)
            {
                break;
            }

            if (MemberHead().Match(text, i) is not { Success: true } head || head.Index != i)
            {
                error = $"the member '{text[i..].Trim().Split('\n')[0].Trim()}' is not of the form name: type";
                return false;
            }

            var name = head.Groups["id"].Success ? head.Groups["id"].Value : head.Groups["dq"].Success ? head.Groups["dq"].Value : head.Groups["sq"].Value;
            i = head.Index + head.Length;
            var start = i;
            // The type runs to the end of its line or a ';' or ',' outside brackets.
            var level = 0;
            while (i < text.Length)
            {
                var c = text[i];
                if (c is '{' or '[' or '(' or '<')
                {
                    level++;
                }
                else if (c is '}' or ']' or ')' or '>')
                {
                    level--;
                }
                else if (level == 0 && c is ';' or ',' or '\n')
                {
                    break;
                }

                i++;
            }

            members.Add((name, head.Groups["optional"].Success, text[start..i].Trim()));
        }

        json.WriteString("type", "object");
        json.WritePropertyName("properties");
        json.WriteStartObject();
        foreach (var (name, _, type) in members)
        {
            json.WritePropertyName(name);
            json.WriteStartObject();
            if (!Type(json, type, interfaces, depth + 1, out error))
            {
                error = $"the member '{name}': {error}";
                return false;
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WritePropertyName("required");
        json.WriteStartArray();
        foreach (var (name, optional, _) in members)
        {
            if (!optional)
            {
                json.WriteStringValue(name);
            }
        }

        json.WriteEndArray();
        return true;
    }

    /// <summary>Writes the schema of one member type: a primitive, an inline object type, an interface's name, or an array of one.</summary>
    private static bool Type(Utf8JsonWriter json, string type, Dictionary<string, (string Text, int Start)> interfaces, int depth, out string? error)
    {
        error = null;
        type = type.Trim();
        if (type.EndsWith("[]", StringComparison.Ordinal) || type.StartsWith("Array<", StringComparison.Ordinal) && type.EndsWith('>'))
        {
            var element = type.EndsWith("[]", StringComparison.Ordinal) ? type[..^2].Trim() : type["Array<".Length..^1].Trim();
            if (element is ['(', .., ')'])
            {
                element = element[1..^1];
            }

            json.WriteString("type", "array");
            json.WritePropertyName("items");
            json.WriteStartArray();
            json.WriteStartObject();
            if (!Type(json, element, interfaces, depth + 1, out error))
            {
                return false;
            }

            json.WriteEndObject();
            json.WriteEndArray();
            return true;
        }

        if (type is ['{', .., '}'])
        {
            return ObjectType(json, type[1..^1], interfaces, depth, out error);
        }

        switch (type)
        {
            case "string":
            case "number":
            case "boolean":
            case "null":
                json.WriteString("type", type);
                return true;
        }

        if (interfaces.TryGetValue(type, out var referenced))
        {
            return ObjectType(json, referenced.Text, interfaces, depth, out error);
        }

        error = $"its type '{type}' is not a string, number, boolean, object type, array or interface of the file";
        return false;
    }

    [GeneratedRegex(@"(?:^|/)resources/datamapper/(?<folder>[^/]+)/(?<name>[^/]+)\.ts$")]
    private static partial Regex SourcePath();

    [GeneratedRegex(@"\binterface\s+(?<name>[A-Za-z_$][A-Za-z0-9_$]*)\s*(?:extends\s+(?<bases>[^{]*))?\{")]
    private static partial Regex InterfaceHead();

    [GeneratedRegex(@"title\s*:\s*""(?<title>[^""]*)""[^/]*\*/\s*(?:export\s+)?$")]
    private static partial Regex TitleComment();

    [GeneratedRegex(@"(?<role>input|output)Type\s*:\s*""(?<type>[^""]*)""[^/]*\*/\s*(?:export\s+)?$")]
    private static partial Regex DataTypeComment();

    [GeneratedRegex(@"\bfunction\s+mapFunction\s*\(\s*[A-Za-z_$][A-Za-z0-9_$]*\s*:\s*(?<input>[A-Za-z_$][A-Za-z0-9_$]*)\s*\)\s*:\s*(?<output>[A-Za-z_$][A-Za-z0-9_$]*)")]
    private static partial Regex MapFunction();

    [GeneratedRegex(@"^gov:/mi-resources/datamapper/(?<folder>[^/]+)/(?<name>[^/]+)(?:\.dmc|_inputSchema\.json|_outputSchema\.json)$")]
    private static partial Regex SuppliedKey();

    [GeneratedRegex(@"(?<id>[A-Za-z_$][A-Za-z0-9_$]*)(?<optional>\?)?\s*:|""(?<dq>[^""\\\r\n]*)""(?<optional>\?)?\s*:|'(?<sq>[^'\\\r\n]*)'(?<optional>\?)?\s*:")]
    private static partial Regex MemberHead();

    [GeneratedRegex(@"//[^\n]*|/\*[\s\S]*?\*/")]
    private static partial Regex Comments();
}
