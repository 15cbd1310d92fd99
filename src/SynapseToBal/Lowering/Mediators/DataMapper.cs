using System.Collections.Immutable;
using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

// Lowering of <datamapper> (issue 10): the mapping's schemas become record types and its .dmc script a mapping function
// whose one-to-one assignments are translated; the rest stays TODO lines (SB0257). Without the resources, a TODO (SB0258).
public sealed partial class Lowerer
{
    private readonly Dictionary<string, DataMappingIr> _dataMappings = new(StringComparer.Ordinal);
    private readonly List<DataMappingIr> _dataMappingList = new();

    /// <summary>
    /// DataMapperMediator (carbon-mediation) reads its three registry resources, runs the script over the payload
    /// (XML and CSV: the SOAP body's first element, or the whole envelope when the input schema's root is
    /// <c>soapenv:Envelope</c>; JSON: the JSON payload), and makes the result the body: JSON as the new JSON payload,
    /// XML in place of the body's first element (an Envelope result replaces the envelope); the message type (and
    /// the axis2 ContentType) becomes application/json or application/xml, the transport headers are left alone.
    /// </summary>
    private StepIr LowerDataMapper(DataMapperMediator mapper)
    {
        if (DataMapping(mapper, out var why) is { } mapping)
        {
            return new DataMapperStep(mapper, mapping);
        }

        var summary = DataMapperSummary(mapper);
        return Todo(mapper, DiagnosticCatalog.DataMapperNotTranslated, $"<datamapper> {summary}; not translated: {why}", $"{summary}; {why}");
    }

    private static string DataMapperSummary(DataMapperMediator mapper) =>
        "runs the data mapping"
        + (mapper.Config is { } config ? $" at key '{config.Text}'" : string.Empty)
        + (mapper.InputSchema is { } input ? $" from the input schema '{input.Text}'" : string.Empty) + (mapper.InputType is { } inputType ? $" ({inputType})" : string.Empty)
        + (mapper.OutputSchema is { } output ? $" to the output schema '{output.Text}'" : string.Empty) + (mapper.OutputType is { } outputType ? $" ({outputType})" : string.Empty)
        + (mapper.XsltStyleSheet is { } xslt ? $", compiled to the stylesheet '{xslt.Text}'" : string.Empty)
        + ResultInto(mapper.Target, mapper.TargetVariable);

    private static DataFormat? Format(string? type) => type?.Trim().ToUpperInvariant() switch
    {
        "JSON" => DataFormat.Json,
        "XML" => DataFormat.Xml,
        _ => null,
    };

    private DataMappingIr? DataMapping(DataMapperMediator mapper, out string why)
    {
        why = string.Empty;
        var keys = new (string Role, KeySyntax? Key)[] { ("mapping configuration", mapper.Config), ("input schema", mapper.InputSchema), ("output schema", mapper.OutputSchema) };
        if (keys.FirstOrDefault(k => k.Key is null) is { Role: { } absent })
        {
            why = $"it names no {absent}";
            return null;
        }

        if (keys.FirstOrDefault(k => k.Key!.IsDynamic) is { Role: { } dynamic, Key: { } dynamicKey })
        {
            why = $"the {dynamic} key '{dynamicKey.Text}' is computed at run time";
            return null;
        }

        if (mapper.Target is { } target && !target.Equals("body", StringComparison.OrdinalIgnoreCase) || mapper.TargetVariable is not null)
        {
            why = "it stores the result in " + (mapper.TargetVariable is { } variable ? $"the variable '{variable}'" : $"'{mapper.Target}'") + ", not the body";
            return null;
        }

        if (Format(mapper.InputType) is not { } inputFormat || Format(mapper.OutputType) is not { } outputFormat)
        {
            why = $"the input type '{mapper.InputType}' and output type '{mapper.OutputType}' are not both JSON or XML (CSV is not translated)";
            return null;
        }

        var texts = keys.Select(k => (k.Role, Key: k.Key!.Text, Text: _model.RegistryText(k.Key!.Text))).ToList();
        if (texts.Where(t => t.Text is null).ToList() is { Count: > 0 } missing)
        {
            why = "the input does not hold " + string.Join(", ", missing.Select(m => $"the {m.Role} '{m.Key}'"));
            return null;
        }

        var cacheKey = string.Join('\n', texts.Select(t => t.Key).Append(inputFormat.ToString()).Append(outputFormat.ToString()));
        if (_dataMappings.TryGetValue(cacheKey, out var known))
        {
            return known;
        }

        if (DataMapperScript.Parse(texts[0].Text!, out var scriptError) is not { } script)
        {
            why = $"the mapping configuration '{texts[0].Key}' cannot be read: {scriptError}";
            return null;
        }

        if (DataMapperSchema.Parse(texts[1].Text!, out var inputError) is not { } inputSchema)
        {
            why = $"the input schema '{texts[1].Key}' cannot be read: {inputError}";
            return null;
        }

        if (DataMapperSchema.Parse(texts[2].Text!, out var outputError) is not { } outputSchema)
        {
            why = $"the output schema '{texts[2].Key}' cannot be read: {outputError}";
            return null;
        }

        if (inputFormat == DataFormat.Xml && inputSchema.Name == "soapenv:Envelope")
        {
            why = "the input schema's root is the SOAP envelope (the mapping reads the whole envelope)";
            return null;
        }

        var builder = new DataMappingBuilder(this, texts[0].Key, inputFormat, outputFormat);
        if (builder.Records(inputSchema, "input", out why) is not { } input || builder.Records(outputSchema, "output", out why) is not { } output)
        {
            return null;
        }

        var (body, statements) = builder.Body(script, inputSchema, outputSchema, mapper);
        var function = _symbols.Module(SymbolKind.Function, $"map {DataMapperSchema.Split(inputSchema.Name).Local} to {DataMapperSchema.Split(outputSchema.Name).Local}");
        var mapping = new DataMappingIr(function, texts[0].Key, texts[1].Key, texts[2].Key, inputFormat, outputFormat, input, output, builder.AllRecords.ToImmutableArray(), body, statements);
        _dataMappings[cacheKey] = mapping;
        _dataMappingList.Add(mapping);
        return mapping;
    }

    /// <summary>Builds the record types of a mapping's two schemas and its function body.</summary>
    private sealed class DataMappingBuilder(Lowerer lowerer, string configKey, DataFormat inputFormat, DataFormat outputFormat)
    {
        public List<MappedRecordIr> AllRecords { get; } = new();

        /// <summary>The script statement of each output field read from the input, by its path of field names.</summary>
        private readonly Dictionary<string, string> _assignments = new(StringComparer.Ordinal);

        /// <summary>The records of each schema node, by node, with the fields keyed by the script's member names.</summary>
        private readonly Dictionary<DataMapperSchema, (MappedRecordIr Record, Dictionary<string, (DataMapperSchema Node, MappedFieldIr Field)> Members)> _records = new(ReferenceEqualityComparer.Instance);

        /// <summary>The root record of a schema (and every record it nests); null with a reason when a member has no field form.</summary>
        public Symbol? Records(DataMapperSchema root, string role, out string why)
        {
            why = string.Empty;
            if (root.Type != "object" || root.Properties.IsEmpty && root.Attributes.IsEmpty)
            {
                why = $"the {role} schema's root '{root.Name}' is not an object with members";
                return null;
            }

            var format = role == "input" ? inputFormat : outputFormat;
            var local = DataMapperSchema.Split(root.Name).Local;
            var symbol = lowerer._symbols.Module(SymbolKind.Type, local, fallbackHint: local + " " + role);
            return Record(root, symbol, root.Namespaces, format, isRoot: true, out why) ? symbol : null;
        }

        private bool Record(DataMapperSchema node, Symbol symbol, ImmutableDictionary<string, string> namespaces, DataFormat format, bool isRoot, out string why)
        {
            why = string.Empty;
            var fields = ImmutableArray.CreateBuilder<MappedFieldIr>();
            var members = new Dictionary<string, (DataMapperSchema, MappedFieldIr)>(StringComparer.Ordinal);
            var names = new HashSet<string>(StringComparer.Ordinal);
            var index = AllRecords.Count;
            AllRecords.Add(null!);

            bool Add(DataMapperSchema member, bool attribute, bool text, string scriptName, out string reason)
            {
                reason = string.Empty;
                MappedNamespaceIr? ns = null;
                var name = member.Name;
                if (text)
                {
                    name = "#content";
                }
                else if (format == DataFormat.Xml)
                {
                    var (prefix, localName) = DataMapperSchema.Split(member.Name);
                    if (prefix is not null)
                    {
                        if (!namespaces.TryGetValue(prefix, out var uri))
                        {
                            reason = $"the prefix of '{member.Name}' is not among the schema's namespaces";
                            return false;
                        }

                        ns = new MappedNamespaceIr(prefix, uri);
                    }

                    name = localName;
                }

                if (name.Length == 0 || name == "_" || name.Any(char.IsSurrogate) || !names.Add(name))
                {
                    reason = $"the member '{member.Name}' has no field name of its own in a Ballerina record";
                    return false;
                }

                if (Type(member, namespaces, format, out reason) is not { } type)
                {
                    return false;
                }

                var field = new MappedFieldIr(name, type, Optional: !member.Required && !text, attribute, text, ns);
                fields.Add(field);
                members[scriptName] = (member, field);
                return true;
            }

            foreach (var attribute in node.Attributes)
            {
                if (format != DataFormat.Xml)
                {
                    continue;
                }

                if (!Add(attribute with { Type = attribute.Type == "object" ? "string" : attribute.Type }, attribute: true, text: false, "attr_" + DataMapperSchema.ScriptName(attribute.Name), out why))
                {
                    return false;
                }
            }

            if (node.Value is { } value && format == DataFormat.Xml && !Add(value with { Name = "#content" }, attribute: false, text: true, "_ELEMVAL", out why))
            {
                return false;
            }

            foreach (var property in node.Properties)
            {
                if (!Add(property, attribute: false, text: false, DataMapperSchema.ScriptName(property.Name), out why))
                {
                    return false;
                }
            }

            var (rootPrefix, rootLocal) = DataMapperSchema.Split(node.Name);
            MappedNamespaceIr? recordNamespace = null;
            if (isRoot && format == DataFormat.Xml && rootPrefix is not null)
            {
                if (!namespaces.TryGetValue(rootPrefix, out var uri))
                {
                    why = $"the prefix of the root '{node.Name}' is not among the schema's namespaces";
                    return false;
                }

                recordNamespace = new MappedNamespaceIr(rootPrefix, uri);
            }

            var record = new MappedRecordIr(symbol, node.Name, fields.ToImmutable(), recordNamespace, isRoot && format == DataFormat.Xml ? rootLocal : null);
            AllRecords[index] = record;
            _records[node] = (record, members);
            return true;
        }

        private MappedTypeIr? Type(DataMapperSchema member, ImmutableDictionary<string, string> namespaces, DataFormat format, out string why)
        {
            why = string.Empty;
            switch (member.Type)
            {
                case "string":
                    return new MappedTypeIr.Primitive("string");
                case "integer":
                    return new MappedTypeIr.Primitive("int");
                case "number":
                    return new MappedTypeIr.Primitive("decimal");
                case "boolean":
                    return new MappedTypeIr.Primitive("boolean");
                case "array":
                    if (member.Items is not { } items)
                    {
                        return new MappedTypeIr.ArrayOf(new MappedTypeIr.Primitive("json"));
                    }

                    return Type(items, namespaces, format, out why) is { } item ? new MappedTypeIr.ArrayOf(item) : null;
                case "object" when !member.Properties.IsEmpty || format == DataFormat.Xml && (!member.Attributes.IsEmpty || member.Value is not null):
                    var local = DataMapperSchema.Split(member.Name).Local;
                    var symbol = lowerer._symbols.Module(SymbolKind.Type, local);
                    return Record(member, symbol, namespaces, format, isRoot: false, out why) ? new MappedTypeIr.Record(symbol) : null;
                default:
                    return new MappedTypeIr.Primitive("json");
            }
        }

        /// <summary>
        /// The output record the script builds: each output field the script assigns from one input field of the same
        /// type is read from it; any other assignment is a value that fails at run time with the statement as a TODO
        /// line, and statements that assign no field are kept as TODO lines of the function (SB0257 for each).
        /// </summary>
        public (MappedValueIr.Construct Body, ImmutableArray<string> Statements) Body(DataMapperScript script, DataMapperSchema input, DataMapperSchema output, DataMapperMediator mapper)
        {
            var inputVariable = "input" + DataMapperSchema.ScriptName(input.Name);
            var outputVariable = script.Statements.Select(s => s.StartsWith("return ", StringComparison.Ordinal) ? s["return ".Length..].Trim() : null).LastOrDefault(s => s is not null)
                ?? "output" + DataMapperSchema.ScriptName(output.Name);
            var values = new Dictionary<string, MappedValueIr>(StringComparer.Ordinal);
            var todos = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            var constructed = new HashSet<string>(StringComparer.Ordinal);
            var general = ImmutableArray.CreateBuilder<string>();

            void Report(string what, string reason) =>
                lowerer._diagnostics.Report(DiagnosticCatalog.DataMapperStatementNotTranslated, mapper.Location, configKey, what, reason);

            foreach (var statement in script.Statements)
            {
                if (statement == "return " + outputVariable)
                {
                    continue;
                }

                if (DataMapperScript.Assignment(statement) is { Root: var root } assignment && root == outputVariable)
                {
                    if (assignment.Path.IsEmpty && assignment.Value == "{}")
                    {
                        continue;
                    }

                    if (Resolve(output, assignment.Path) is not { } target)
                    {
                        general.Add(statement);
                        Report(StatementText(statement), "it assigns a member the output schema does not have");
                        continue;
                    }

                    var key = string.Join('.', target.Fields.Select(f => f.Name));
                    if (assignment.Value == "{}" && target.Last.Type is MappedTypeIr.Record)
                    {
                        constructed.Add(key);
                        continue;
                    }

                    var reason = Plain(assignment.Value, inputVariable, input, target, out var path, out var firstOptional);
                    if (reason is null)
                    {
                        values[key] = new MappedValueIr.FromInput(path, firstOptional);
                        _assignments[key] = statement;
                        continue;
                    }

                    if (Concatenation(assignment.Value, inputVariable, input, target) is { } concat)
                    {
                        values[key] = concat;
                        continue;
                    }

                    values[key] = new MappedValueIr.NotTranslated(statement, target.Last.Type is MappedTypeIr.Primitive { Name: "string" });
                    (todos.TryGetValue(key, out var list) ? list : todos[key] = new List<string>()).Add(statement);
                    Report($"the assignment of the output field '{key}'", reason);
                    continue;
                }

                general.Add(statement);
                Report(StatementText(statement), StatementKind(statement));
            }

            var outputRecord = _records[output];
            return (Construct(outputRecord.Record, string.Empty, values, todos, constructed, mapper), general.ToImmutable());
        }

        /// <summary>A statement named in a message: its first line, shortened.</summary>
        private static string StatementText(string statement)
        {
            var first = statement.Split('\n')[0].Trim();
            return "the statement '" + (first.Length > 60 ? first[..60] + "..." : first) + (statement.Contains('\n', StringComparison.Ordinal) && first.Length <= 60 ? " ..." : string.Empty) + "'";
        }

        private static string StatementKind(string statement) =>
            statement.StartsWith("for", StringComparison.Ordinal) || statement.StartsWith("while", StringComparison.Ordinal) ? "a loop"
            : statement.StartsWith("if", StringComparison.Ordinal) ? "a condition"
            : statement.StartsWith("var ", StringComparison.Ordinal) ? "a variable"
            : statement.Contains("DM_PROPERTIES", StringComparison.Ordinal) ? "a property read"
            : "a statement of its own";

        /// <summary>Null when the value reads one input field of the target's type through fields the input always has; else why not.</summary>
        private string? Plain(string value, string inputVariable, DataMapperSchema input, (ImmutableArray<MappedFieldIr> Fields, MappedFieldIr Last) target, out ImmutableArray<string> path, out int firstOptional)
        {
            path = [];
            firstOptional = -1;
            if (value.Contains("DM_PROPERTIES", StringComparison.Ordinal))
            {
                return "a property read (DM_PROPERTIES)";
            }

            if (DataMapperScript.MemberRead(value) is not { } read || read.Root != inputVariable)
            {
                return value.Contains('(', StringComparison.Ordinal) ? "a function call" : "an expression";
            }

            if (Resolve(input, read.Path) is not { } source)
            {
                return $"it reads '{value}', which the input schema does not have";
            }

            // An optional input field (or one under an optional record) may be absent: the script then assigns undefined and
            // the output member is not written, which a Ballerina optional field expresses by not being set. A required
            // output field has no such form (the data mapper would write a payload without it).
            for (var i = 0; i < source.Fields.Length && firstOptional < 0; i++)
            {
                firstOptional = source.Fields[i].Optional ? i : -1;
            }

            if (firstOptional >= 0 && !target.Last.Optional)
            {
                return $"the input field '{source.Fields[firstOptional].Name}' is optional and the output field '{target.Last.Name}' is required";
            }

            if (source.Last.Type is not MappedTypeIr.Primitive sourceType || target.Last.Type is not MappedTypeIr.Primitive targetType || sourceType != targetType || sourceType.Name == "json")
            {
                return "the input and output fields are not of one plain type";
            }

            path = source.Fields.Select(f => f.Name).ToImmutableArray();
            return null;
        }

        /// <summary>
        /// <c>a.concat(b, 'text', ...)</c> into a string field, where every operand is a string field the input always has
        /// or a plain quoted literal: the joined string. Null for anything else (an optional operand would be joined as
        /// the text "undefined", a number in JavaScript's own number format).
        /// </summary>
        private MappedValueIr.Concat? Concatenation(string value, string inputVariable, DataMapperSchema input, (ImmutableArray<MappedFieldIr> Fields, MappedFieldIr Last) target)
        {
            if (target.Last.Type is not MappedTypeIr.Primitive { Name: "string" } || DataMapperScript.Concatenation(value) is not { } operands)
            {
                return null;
            }

            var parts = ImmutableArray.CreateBuilder<MappedValueIr>();
            foreach (var operand in operands)
            {
                if (operand.Literal is { } literal)
                {
                    parts.Add(new MappedValueIr.Text(literal));
                    continue;
                }

                if (DataMapperScript.MemberRead(operand.Read!) is not { } read || read.Root != inputVariable || Resolve(input, read.Path) is not { } source
                    || source.Fields.Any(f => f.Optional) || source.Last.Type is not MappedTypeIr.Primitive { Name: "string" })
                {
                    return null;
                }

                parts.Add(new MappedValueIr.FromInput(source.Fields.Select(f => f.Name).ToImmutableArray()));
            }

            return new MappedValueIr.Concat(parts.ToImmutable());
        }

        /// <summary>The fields a script path goes through from a schema's root record; null when a step is not a field of a record.</summary>
        private (ImmutableArray<MappedFieldIr> Fields, MappedFieldIr Last)? Resolve(DataMapperSchema root, ImmutableArray<string> path)
        {
            if (path.IsEmpty || !_records.TryGetValue(root, out var current))
            {
                return null;
            }

            var fields = ImmutableArray.CreateBuilder<MappedFieldIr>();
            for (var i = 0; i < path.Length; i++)
            {
                if (!current.Members.TryGetValue(path[i], out var member))
                {
                    return null;
                }

                fields.Add(member.Field);
                if (i < path.Length - 1)
                {
                    if (member.Field.Type is not MappedTypeIr.Record || !_records.TryGetValue(member.Node, out current))
                    {
                        return null;
                    }
                }
            }

            return (fields.ToImmutable(), fields[^1]);
        }

        private MappedValueIr.Construct Construct(MappedRecordIr record, string prefix, Dictionary<string, MappedValueIr> values, Dictionary<string, List<string>> todos, HashSet<string> constructed, DataMapperMediator mapper)
        {
            var entries = ImmutableArray.CreateBuilder<MappedEntryIr>();
            var members = _records.Values.First(r => ReferenceEquals(r.Record, record)).Members;
            foreach (var field in record.Fields)
            {
                var key = prefix + field.Name;
                var lines = todos.TryGetValue(key, out var list) ? list.ToImmutableArray() : [];
                if (values.TryGetValue(key, out var value))
                {
                    entries.Add(new MappedEntryIr(field.Name, value, lines));
                    continue;
                }

                var nested = field.Type is MappedTypeIr.Record && (constructed.Contains(key) || values.Keys.Any(k => k.StartsWith(key + ".", StringComparison.Ordinal)) || !field.Optional);
                if (nested)
                {
                    var node = members.Values.First(m => ReferenceEquals(m.Field, field)).Node;
                    entries.Add(new MappedEntryIr(field.Name, Construct(_records[node].Record, key + ".", values, todos, constructed, mapper), lines));
                    continue;
                }

                if (!field.Optional)
                {
                    var statement = $"(no statement of the mapping assigns the required output field '{key}')";
                    lowerer._diagnostics.Report(DiagnosticCatalog.DataMapperStatementNotTranslated, mapper.Location, configKey, $"the required output field '{key}'", "the mapping assigns it no value");
                    entries.Add(new MappedEntryIr(field.Name, new MappedValueIr.NotTranslated(statement, field.Type is MappedTypeIr.Primitive { Name: "string" }), [statement]));
                }
            }

            return new MappedValueIr.Construct(Ordered(record, prefix, entries.ToImmutable(), mapper));
        }

        /// <summary>
        /// A field copied when present is set after the record is built, so it comes after the fields that are always
        /// set. In XML the order of child elements is part of the payload: such a copy followed by an element that is
        /// always set stays a TODO there (attributes have no order).
        /// </summary>
        private ImmutableArray<MappedEntryIr> Ordered(MappedRecordIr record, string prefix, ImmutableArray<MappedEntryIr> entries, DataMapperMediator mapper)
        {
            if (outputFormat != DataFormat.Xml)
            {
                return entries;
            }

            bool IsElement(MappedEntryIr entry) => !record.Fields.First(f => f.Name == entry.Field).Attribute;
            var result = entries.ToBuilder();
            for (var i = 0; i < result.Count; i++)
            {
                if (result[i].Value is not MappedValueIr.FromInput { FirstOptional: >= 0 } || !IsElement(result[i])
                    || !result.Skip(i + 1).Any(e => IsElement(e) && e.Value is not MappedValueIr.FromInput { FirstOptional: >= 0 }))
                {
                    continue;
                }

                var key = prefix + result[i].Field;
                var statement = _assignments[key];
                lowerer._diagnostics.Report(DiagnosticCatalog.DataMapperStatementNotTranslated, mapper.Location, configKey, $"the assignment of the output field '{key}'", "an optional input field copied before elements that are always written would change the order of the XML elements");
                var field = record.Fields.First(f => f.Name == result[i].Field);
                result[i] = result[i] with { Value = new MappedValueIr.NotTranslated(statement, field.Type is MappedTypeIr.Primitive { Name: "string" }), Todos = result[i].Todos.Add(statement) };
            }

            return result.ToImmutable();
        }
    }
}
