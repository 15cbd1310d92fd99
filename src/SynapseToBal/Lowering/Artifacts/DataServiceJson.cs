using System.Collections.Immutable;
using System.Text;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

// A data service query's <properties> (the statement settings SQLQuery.processAdvancedProps applies) and its
// outputType="json" results (QueryFactory.getJSONResultFromText turns the JSON mapping into an XML result).
public sealed partial class Lowerer
{
    /// <summary>
    /// Why the query's <c>&lt;properties&gt;</c> are not translated, or null when each one changes nothing the generated
    /// query does. SQLQuery.processAdvancedProps (the names as DBConstants.RDBMS writes them; QueryFactory.extractAdvancedProps
    /// also takes the older <c>org.wso2.ws.dataservice.*</c> names, RDBMSUtils.convertConfigPropsFromV2toV3) ignores an
    /// empty value (DBUtils.extractProperties, DBUtils.isEmptyString) and otherwise:
    /// <c>fetchDirection</c> <c>forward</c> (trimmed, exact) sets ResultSet.FETCH_FORWARD on a forward-only statement,
    /// whose rows are read forward anyway (a failure to set it is ignored); <c>forceStoredProc</c> and
    /// <c>forceJDBCBatchRequests</c> are Boolean.parseBoolean of the untrimmed text, so any text but <c>true</c> leaves
    /// them false, their field default, and <c>forceStoredProc</c> <c>true</c> runs the query as a stored procedure call
    /// (<see cref="DataServiceForceStoredProc"/>); <c>autoCommit</c> <c>true</c> puts the connection in auto-commit mode, as the
    /// ballerina/sql client runs a statement outside a transaction. fetchSize, maxFieldSize, maxRows, queryTimeout, a
    /// reverse fetch direction and auto-commit off change how the statement runs and are not translated; a value read
    /// through a <c>$</c> resolver (ResolverFactory) is not judged.
    /// </summary>
    private static string? DataServiceQueryPropertiesReason(DataServiceQuerySyntax query)
    {
        if (query.Properties is not { } properties)
        {
            return null;
        }

        foreach (var (name, property) in QueryPropertiesByCurrentName(properties))
        {
            var value = property.Value;
            if (value is not null && value.Trim().Length == 0)
            {
                continue;
            }

            var noEffect = value is not null && !value.TrimStart().StartsWith('$') && name switch
            {
                "fetchDirection" => value.Trim() == "forward",
                // forceStoredProc true makes the query a stored procedure call (DataServiceForceStoredProc).
                "forceStoredProc" => true,
                "forceJDBCBatchRequests" => !JavaTrue(value),
                "autoCommit" => JavaTrue(value.Trim()),
                _ => false,
            };
            if (!noEffect)
            {
                return $"its query '{query.Id}' sets the property '{property.Name}'" + (value is null ? " to nested elements" : $" to '{value.Trim()}'")
                    + " (SQLQuery.processAdvancedProps: the statement's fetch size, row or field limits, timeout, fetch direction, auto-commit or stored-procedure call, which the generated query does not set)";
            }
        }

        return null;
    }

    /// <summary>
    /// A query's properties by the names SQLQuery reads: DBUtils.extractProperties keeps them in a map by name (a later
    /// property of a name replaces an earlier one), then RDBMSUtils.convertConfigPropsFromV2toV3 puts each DSS 2.x
    /// name's value under its current name after the others, so the old name's value wins whatever the order.
    /// </summary>
    private static Dictionary<string, NamedTextSyntax> QueryPropertiesByCurrentName(IEnumerable<NamedTextSyntax> properties)
    {
        var byWrittenName = new Dictionary<string, NamedTextSyntax>(StringComparer.Ordinal);
        foreach (var property in properties)
        {
            byWrittenName[property.Name] = property;
        }

        var byName = byWrittenName.Where(p => CurrentConfigName(p.Key) == p.Key).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        foreach (var (name, property) in byWrittenName.Where(p => CurrentConfigName(p.Key) != p.Key))
        {
            byName[CurrentConfigName(name)] = property;
        }

        return byName;
    }

    /// <summary>
    /// Whether the query's <c>forceStoredProc</c> property (or its older name) is <c>true</c> (Boolean.parseBoolean of the
    /// untrimmed text, the last of the name: DBUtils.extractProperties), which SQLQuery.retrieveQueryType makes a stored
    /// procedure call whatever the SQL. An empty value is no property.
    /// </summary>
    private static bool DataServiceForceStoredProc(DataServiceQuerySyntax query)
    {
        return QueryPropertiesByCurrentName(query.Properties ?? []).TryGetValue("forceStoredProc", out var property)
            && property.Value is { } text && text.Trim().Length > 0 && JavaTrue(text);
    }

    /// <summary>
    /// One output of a JSON result mapping: the column, the element name, its type and optional options; or, for a
    /// member whose value is an object, an element group (<see cref="IsGroup"/>, no column) with its own outputs.
    /// </summary>
    internal sealed record DataServiceJsonOutput(string Column, string Name, string? XsdType, string? Optional)
    {
        public bool IsGroup { get; init; }

        /// <summary>The outputs of an element group, in the order org.json gives the nested object's members.</summary>
        public ImmutableArray<DataServiceJsonOutput> Children { get; init; } = [];

        /// <summary>This output and those of its groups, depth first.</summary>
        public IEnumerable<DataServiceJsonOutput> SelfAndDescendants() => IsGroup ? Children.SelectMany(c => c.SelfAndDescendants()).Prepend(this) : [this];
    }

    /// <summary>The XML result a JSON mapping stands for: the wrapper element, the row element (empty for none), the outputs.</summary>
    internal sealed record DataServiceJsonResult(string Element, string RowName, ImmutableArray<DataServiceJsonOutput> Outputs);

    /// <summary>
    /// The XML result of an <c>outputType="json"</c> mapping as QueryFactory.getJSONResultFromText makes it: the one
    /// top-level member names the result element; when its object has one member whose value is an array of one object,
    /// that member names the row element and the object holds the outputs, else the object holds them (no row element);
    /// each member <c>"name": "$column(type:t;optional:b)"</c> is an output element, and each member whose value is an
    /// object an element group (<see cref="JsonRecordOutputs"/>). The members are taken in the order JSONObject.getNames
    /// gives them: the bundled org.json (org.json.wso2 3.0.0.wso2v1, org.json 20140107) keeps them in a java.util.HashMap,
    /// iterated in its bucket order (<see cref="JavaHashMapOrder"/>). Null with the reason for a mapping the Micro
    /// Integrator rejects when it deploys the service, or one with nested queries (<c>@query</c>) or requiredRoles.
    /// </summary>
    internal static DataServiceJsonResult? JsonResultMapping(string text, out string? reason)
    {
        reason = null;
        OrgJson.Node root;
        try
        {
            root = new OrgJson(text).ObjectValue();
        }
        catch (FormatException e)
        {
            reason = $"the JSON mapping is not what org.json reads ({e.Message}); the Micro Integrator does not deploy the service";
            return null;
        }
        catch (InvalidDataException e)
        {
            reason = e.Message;
            return null;
        }

        var top = (OrgJson.ObjectNode)root;
        if (top.Members.Count != 1 || top.Members[0].Value is not OrgJson.ObjectNode wrapper || wrapper.Members.Count == 0)
        {
            reason = "the JSON mapping is not one member whose value is a non-empty object (QueryFactory.getJSONResultFromText rejects it)";
            return null;
        }

        var rowName = string.Empty;
        var record = wrapper;
        if (wrapper.Members.Count == 1 && wrapper.Members[0].Value is OrgJson.ArrayNode array)
        {
            if (array.Items.Count != 1 || array.Items[0] is not OrgJson.ObjectNode row || row.Members.Count == 0)
            {
                reason = "the array of the JSON mapping does not hold one non-empty object (QueryFactory.getJSONResultFromText rejects it)";
                return null;
            }

            rowName = wrapper.Members[0].Key;
            record = row;
        }

        if (JsonRecordOutputs(record, out reason) is not { } outputs)
        {
            return null;
        }

        return new DataServiceJsonResult(top.Members[0].Key, rowName, outputs);
    }

    /// <summary>
    /// The outputs of one object of a JSON mapping as QueryFactory.addJSONMappingResultRecord makes them, in the order
    /// JSONObject.getNames gives the members: a member whose value is an object is an element group of that name
    /// (processJSONMappingResultColumn adds an <c>&lt;element name&gt;</c> with the object's outputs inside, which
    /// createOutputElementGroup reads as a group: QueryFactory.isElementGroup); an array there, or an empty object
    /// (getNames gives null), is rejected when the service is deployed.
    /// </summary>
    private static ImmutableArray<DataServiceJsonOutput>? JsonRecordOutputs(OrgJson.ObjectNode record, out string? reason)
    {
        reason = null;
        if (JavaHashMapOrder(record.Members.Select(m => m.Key).ToList()) is not { } order)
        {
            reason = "the JSON mapping's object has so many members in one bucket of org.json's HashMap that their order is not computed";
            return null;
        }

        var outputs = ImmutableArray.CreateBuilder<DataServiceJsonOutput>();
        foreach (var index in order)
        {
            var (name, value) = record.Members[index];
            if (name.StartsWith('@'))
            {
                reason = $"the JSON mapping calls the query '{name[1..]}' for each row (a nested query), which is not translated";
                return null;
            }

            if (value is OrgJson.ObjectNode nested)
            {
                if (nested.Members.Count == 0)
                {
                    reason = $"the JSON mapping nests the empty object '{name}' (QueryFactory.addJSONMappingResultRecord fails on it; the Micro Integrator does not deploy the service)";
                    return null;
                }

                if (JsonRecordOutputs(nested, out reason) is not { } children)
                {
                    return null;
                }

                outputs.Add(new DataServiceJsonOutput(string.Empty, name, null, null) { IsGroup = true, Children = children });
                continue;
            }

            if (value is OrgJson.ArrayNode)
            {
                reason = $"the JSON mapping holds the array '{name}' inside a result record (QueryFactory.processJSONMappingResultColumn rejects it; the Micro Integrator does not deploy the service)";
                return null;
            }

            if (value is not OrgJson.StringNode { Text: var column } || ColumnInfo(column, out var columnName, out var type, out var optional, out var roles) is false)
            {
                reason = $"the value of '{name}' in the JSON mapping is not a '$column' reference (QueryFactory rejects it)";
                return null;
            }

            // A blank requiredRoles is none (QueryFactory.extractRequiredRoles reads the element it writes for the member).
            if (roles is not null && JavaTrim(roles).Length > 0)
            {
                reason = $"the output '{name}' of the JSON mapping has requiredRoles '{roles}' (it is left out for a caller without them), which is not translated";
                return null;
            }

            outputs.Add(new DataServiceJsonOutput(columnName, name, type, optional));
        }

        return outputs.ToImmutable();
    }

    /// <summary>
    /// A JSON mapping value as QueryFactory.ResultEntryColumnInfo reads it: trimmed, a <c>$</c>, the column up to the
    /// first <c>(</c>, then <c>;</c>-separated <c>name:value</c> options up to the last <c>)</c> (requiredRoles, type, optional).
    /// </summary>
    private static bool ColumnInfo(string value, out string column, out string? type, out string? optional, out string? roles)
    {
        column = string.Empty;
        type = optional = roles = null;
        value = JavaTrim(value);
        if (!value.StartsWith('$'))
        {
            return false;
        }

        var open = value.IndexOf('(');
        if (open < 0)
        {
            column = value[1..];
            return column.Length > 0;
        }

        column = value[1..open];
        var close = value.LastIndexOf(')');
        if (close < open + 1 || column.Length == 0)
        {
            return false;
        }

        foreach (var token in JavaSplit(value[(open + 1)..close], ';'))
        {
            var parts = JavaSplit(token, ':');
            if (parts.Count != 2)
            {
                return false;
            }

            switch (JavaTrim(parts[0]))
            {
                case "requiredRoles":
                    roles = JavaTrim(parts[1]);
                    break;
                case "type":
                    type = JavaTrim(parts[1]);
                    break;
                case "optional":
                    optional = JavaTrim(parts[1]);
                    break;
                default:
                    return false;
            }
        }

        return true;
    }

    /// <summary>Java's String.trim: every leading and trailing character up to U+0020.</summary>
    private static string JavaTrim(string text) => text.Trim([.. Enumerable.Range(0, 33).Select(i => (char)i)]);

    /// <summary>Java's String.split of a one-character pattern: trailing empty strings removed; the text itself when it holds no separator.</summary>
    private static List<string> JavaSplit(string text, char separator)
    {
        var parts = text.Split(separator).ToList();
        if (parts.Count == 1)
        {
            return parts;
        }

        while (parts.Count > 0 && parts[^1].Length == 0)
        {
            parts.RemoveAt(parts.Count - 1);
        }

        return parts;
    }

    /// <summary>
    /// The order a java.util.HashMap (Java 8 and later, created empty: 16 buckets, doubled when it holds more than three
    /// quarters of them) iterates the keys put in the given order: by bucket (String.hashCode spread as
    /// <c>h ^ (h &gt;&gt;&gt; 16)</c>, masked by the table size), then in insertion order within a bucket (new keys are
    /// appended, and a resize keeps each split list in order). Null when a bucket would reach the 9 entries at which
    /// HashMap.treeifyBin resizes or makes a tree, whose order is not followed here.
    /// </summary>
    internal static ImmutableArray<int>? JavaHashMapOrder(IReadOnlyList<string> keys)
    {
        var size = 16;
        var hashes = keys.Select(k => { var h = JavaHashCode(k); return h ^ (int)((uint)h >> 16); }).ToArray();
        for (var i = 0; i < hashes.Length; i++)
        {
            var bucket = hashes[i] & (size - 1);
            if (Enumerable.Range(0, i + 1).Count(j => (hashes[j] & (size - 1)) == bucket) >= 9)
            {
                return null;
            }

            if (i + 1 > size * 3 / 4)
            {
                size *= 2;
            }
        }

        var mask = size - 1;
        return [.. Enumerable.Range(0, keys.Count).OrderBy(i => hashes[i] & mask).ThenBy(i => i)];
    }

    /// <summary>Java's String.hashCode: <c>s[0]*31^(n-1) + ... + s[n-1]</c> over the UTF-16 code units, in 32-bit arithmetic.</summary>
    internal static int JavaHashCode(string text)
    {
        var h = 0;
        foreach (var c in text)
        {
            h = unchecked((31 * h) + c);
        }

        return h;
    }

    /// <summary>
    /// A reader of JSON text as org.json 20140107 (JSONTokener, JSONObject, JSONArray) reads it: single- or
    /// double-quoted strings, unquoted text up to a formatting character (true, false, null and numbers are not strings),
    /// <c>;</c> between object members, a trailing comma, an array's empty item (null); a duplicate key is an error.
    /// </summary>
    private sealed class OrgJson(string text)
    {
        public abstract record Node;

        public sealed record StringNode(string Text) : Node;

        /// <summary>A number, true, false or null (nothing a mapping takes).</summary>
        public sealed record OtherNode(string Text) : Node;

        public sealed record ObjectNode(List<(string Key, Node Value)> Members) : Node;

        public sealed record ArrayNode(List<Node> Items) : Node;

        private const int MaxDepth = 64;
        private int _depth;
        private int _index;
        private bool _back;
        private char _previous;

        private char Next()
        {
            if (_back)
            {
                _back = false;
                return _previous;
            }

            _previous = _index < text.Length ? text[_index++] : '\0';
            return _previous;
        }

        private void Back() => _back = true;

        private char NextClean()
        {
            while (true)
            {
                var c = Next();
                if (c == '\0' || c > ' ')
                {
                    return c;
                }
            }
        }

        /// <summary>The object the text begins with (JSONObject(String) reads no further).</summary>
        public Node ObjectValue()
        {
            if (NextClean() != '{')
            {
                throw new FormatException("it does not begin with '{'");
            }

            Back();
            return Value();
        }

        private Node Value()
        {
            var c = NextClean();
            switch (c)
            {
                case '"' or '\'':
                    return new StringNode(QuotedString(c));
                case '{' or '[':
                    // The converter's own limit (org.json recurses until the JVM's stack ends): a mapping nested deeper
                    // is not translated rather than overflowing the converter's stack.
                    if (++_depth > MaxDepth)
                    {
                        throw new InvalidDataException($"the JSON mapping nests objects or arrays more than {MaxDepth} deep, more than the converter reads");
                    }

                    var nested = c == '{' ? (Node)Object() : Array();
                    _depth--;
                    return nested;
            }

            var unquoted = new StringBuilder();
            while (c >= ' ' && ",:]}/\\\"[{;=#".IndexOf(c) < 0)
            {
                unquoted.Append(c);
                c = Next();
            }

            Back();
            var value = JavaTrim(unquoted.ToString());
            if (value.Length == 0)
            {
                throw new FormatException("a value is missing");
            }

            // JSONObject.stringToValue: true, false, null in any case, and what may be a number, are not strings.
            return value.Equals("true", StringComparison.OrdinalIgnoreCase) || value.Equals("false", StringComparison.OrdinalIgnoreCase)
                || value.Equals("null", StringComparison.OrdinalIgnoreCase) || char.IsAsciiDigit(value[0]) || value[0] == '-'
                ? new OtherNode(value)
                : new StringNode(value);
        }

        private string QuotedString(char quote)
        {
            var result = new StringBuilder();
            while (true)
            {
                var c = Next();
                switch (c)
                {
                    case '\0' or '\n' or '\r':
                        throw new FormatException("a string is not terminated");
                    case '\\':
                        c = Next();
                        switch (c)
                        {
                            case 'b': result.Append('\b'); break;
                            case 't': result.Append('\t'); break;
                            case 'n': result.Append('\n'); break;
                            case 'f': result.Append('\f'); break;
                            case 'r': result.Append('\r'); break;
                            case '"' or '\'' or '\\' or '/': result.Append(c); break;
                            case 'u':
                                var hex = string.Concat(Enumerable.Range(0, 4).Select(_ => Next()));
                                if (!hex.All(char.IsAsciiHexDigit))
                                {
                                    throw new FormatException("an escape is not four hexadecimal digits");
                                }

                                result.Append((char)Convert.ToInt32(hex, 16));
                                break;
                            default:
                                throw new FormatException("an escape is not legal");
                        }

                        break;
                    default:
                        if (c == quote)
                        {
                            return result.ToString();
                        }

                        result.Append(c);
                        break;
                }
            }
        }

        private ObjectNode Object()
        {
            var members = new List<(string, Node)>();
            while (true)
            {
                var c = NextClean();
                switch (c)
                {
                    case '\0':
                        throw new FormatException("an object does not end with '}'");
                    case '}':
                        return new ObjectNode(members);
                }

                Back();
                // The key is the next value's toString: a key that is not a string would be another text.
                if (Value() is not StringNode { Text: var key })
                {
                    throw new FormatException("a key is not a string");
                }

                if (NextClean() != ':')
                {
                    throw new FormatException("a key is not followed by ':'");
                }

                if (members.Any(m => m.Item1 == key))
                {
                    throw new FormatException($"the key \"{key}\" is duplicated");
                }

                members.Add((key, Value()));
                switch (NextClean())
                {
                    case ';' or ',':
                        if (NextClean() == '}')
                        {
                            return new ObjectNode(members);
                        }

                        Back();
                        break;
                    case '}':
                        return new ObjectNode(members);
                    default:
                        throw new FormatException("a member is not followed by ',' or '}'");
                }
            }
        }

        private ArrayNode Array()
        {
            var items = new List<Node>();
            if (NextClean() == ']')
            {
                return new ArrayNode(items);
            }

            Back();
            while (true)
            {
                if (NextClean() == ',')
                {
                    Back();
                    items.Add(new OtherNode("null"));
                }
                else
                {
                    Back();
                    items.Add(Value());
                }

                switch (NextClean())
                {
                    case ',':
                        if (NextClean() == ']')
                        {
                            return new ArrayNode(items);
                        }

                        Back();
                        break;
                    case ']':
                        return new ArrayNode(items);
                    default:
                        throw new FormatException("an item is not followed by ',' or ']'");
                }
            }
        }
    }
}
