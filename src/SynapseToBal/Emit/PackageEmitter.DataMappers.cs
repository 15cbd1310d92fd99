using SynapseToBal.IR;
using SynapseToBal.Refine;

namespace SynapseToBal.Emit;

// datamappers.bal: the record types and mapping functions of the datamapper mediators (issue 10; Lowering/Mediators/DataMapper.cs).
public sealed partial class PackageEmitter
{
    private string DataMappers(PackageIr package, NameMap names) => _renderer.Render("datamappers.bal.sbn", new
    {
        Header = Header("record types and mapping functions of the datamapper mediators' schemas and .dmc mappings"),
        // xmldata is imported for the annotations of XML records (names, namespaces, attributes) only.
        Imports = package.DataMappings.Any(m => (m.InputFormat == DataFormat.Xml || m.OutputFormat == DataFormat.Xml) && m.Records.Any(r => XmlAnnotated(m, r, names)))
            ? new List<string> { "ballerina/data.xmldata" } : new List<string>(),
        Mappings = package.DataMappings.Select(m => new
        {
            Records = m.Records.Select(r => MappedRecord(m, r, names)).ToList(),
            Doc = BallerinaSyntax.DocItems([BallerinaSyntax.CommentText($"The mapping of the data-mapper configuration '{m.ConfigKey}' (input schema '{m.InputSchemaKey}', output schema '{m.OutputSchemaKey}').")]),
            Name = names[m.Function],
            Input = names[m.Input],
            Returns = names[m.Output] + (StatementWriter.DataMappingFails(m) ? "|error" : string.Empty),
            Lines = MappingLines(m, names),
        }).ToList(),
    });

    /// <summary>True when a record of an XML format carries an xmldata annotation (its name, a namespace, an attribute field).</summary>
    private static bool XmlAnnotated(DataMappingIr mapping, MappedRecordIr record, NameMap names)
    {
        var isInput = mapping.Records.IndexOf(record) < mapping.Records.IndexOf(mapping.Records.First(r => ReferenceEquals(r.Name, mapping.Output)));
        return (isInput ? mapping.InputFormat : mapping.OutputFormat) == DataFormat.Xml
            && (record.XmlName is { } xmlName && xmlName != names[record.Name] || record.Namespace is not null || record.Fields.Any(f => f.Attribute || f.Namespace is not null));
    }

    private static object MappedRecord(DataMappingIr mapping, MappedRecordIr record, NameMap names)
    {
        var isInput = mapping.Records.IndexOf(record) < mapping.Records.IndexOf(mapping.Records.First(r => ReferenceEquals(r.Name, mapping.Output)));
        var format = isInput ? mapping.InputFormat : mapping.OutputFormat;
        var annotations = new List<string>();
        if (format == DataFormat.Xml && record.XmlName is { } xmlName && xmlName != names[record.Name])
        {
            annotations.Add($"@xmldata:Name {{value: {BallerinaSyntax.StringLiteral(xmlName)}}}");
        }

        if (record.Namespace is { } ns)
        {
            annotations.Add(Namespace(ns));
        }

        return new
        {
            Doc = BallerinaSyntax.DocItems([BallerinaSyntax.CommentText($"'{record.SchemaName}' of the {(isInput ? "input" : "output")} schema '{(isInput ? mapping.InputSchemaKey : mapping.OutputSchemaKey)}'"
                + (isInput ? " (open: members the schema does not list are accepted, as the data mapper ignores them)." : "."))]),
            Name = names[record.Name],
            Open = isInput,
            Annotations = annotations,
            Fields = record.Fields.Select(f => new
            {
                Annotations = (f.Attribute ? new List<string> { "@xmldata:Attribute" } : new List<string>()).Concat(f.Namespace is { } fieldNs ? [Namespace(fieldNs)] : []).ToList(),
                Declaration = $"{TypeText(f.Type, names)} {BallerinaSyntax.FieldName(f.Name)}{(f.Optional ? "?" : string.Empty)}",
            }).ToList(),
        };
    }

    private static string Namespace(MappedNamespaceIr ns) =>
        ns.Prefix is { } prefix
            ? $"@xmldata:Namespace {{prefix: {BallerinaSyntax.StringLiteral(prefix)}, uri: {BallerinaSyntax.StringLiteral(ns.Uri)}}}"
            : $"@xmldata:Namespace {{uri: {BallerinaSyntax.StringLiteral(ns.Uri)}}}";

    private static string TypeText(MappedTypeIr type, NameMap names) => type switch
    {
        MappedTypeIr.Primitive primitive => primitive.Name,
        MappedTypeIr.Record record => names[record.Name],
        MappedTypeIr.ArrayOf array => TypeText(array.Item, names) + "[]",
        _ => throw new InvalidOperationException($"No mapped type {type.GetType().Name}"),
    };

    /// <summary>
    /// The body of a mapping function, indented: TODO lines for the statements that assign no field, then the output
    /// record. A record with fields copied only when the input has them is built in a local first (<c>output</c> for the
    /// root, <c>output1</c>... for nested ones) and each such field set under an <c>if ... is T</c> check. An output array
    /// mapped from an input array is a query (<c>from var item in input.xs select {...}</c>) when its element is one
    /// expression that cannot fail, else a local filled by a <c>foreach</c> before the record.
    /// </summary>
    private static List<string> MappingLines(DataMappingIr mapping, NameMap names)
    {
        var lines = new List<string>();
        foreach (var statement in mapping.Statements)
        {
            lines.AddRange(BallerinaSyntax.CommentLines(statement, "    // TODO(SB0257): "));
            lines.Add($"    _ = check notTranslated({BallerinaSyntax.StringLiteral(statement)});");
        }

        var recordsByName = mapping.Records.ToDictionary(r => r.Name);
        var output = recordsByName[mapping.Output];
        var locals = 0;
        var body = new List<string>();
        Construct(mapping.Body, output, "    ", body, lines, "    ", isRoot: true);
        body[0] = "    return " + body[0].TrimStart();
        body[^1] += ";";
        lines.AddRange(body);
        return lines;

        static bool WhenPresent(MappedEntryIr entry) => entry.Value is MappedValueIr.FromInput { FirstOptional: >= 0 };

        static string Read(MappedValueIr.FromInput read) =>
            (read.OfItem ? "item" : "input") + string.Concat(read.Path.Select((p, i) => (read.FirstOptional >= 0 && i >= read.FirstOptional ? "?." : ".") + BallerinaSyntax.FieldName(p)));

        static string Source(MappedValueIr.ArrayMap map)
        {
            var read = Read(new MappedValueIr.FromInput(map.Source, map.FirstOptional));
            return map.FirstOptional >= 0 ? $"({read} ?: [])" : read;
        }

        // A value as a Ballerina expression: strings joined with +, the string methods by their runtime helpers.
        static string Value(MappedValueIr value) => value switch
        {
            MappedValueIr.FromInput { AsNumber: true } read => $"check dataMapperDecimal(<float>{Read(read)})",
            MappedValueIr.FromInput read => Read(read),
            MappedValueIr.Text text => BallerinaSyntax.StringLiteral(text.Value),
            MappedValueIr.Integer integer => integer.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
            MappedValueIr.Concat concat => string.Join(" + ", concat.Parts.Select(Value)),
            MappedValueIr.Required required => $"check dataMapperOperand({Read(required.Read)}, {BallerinaSyntax.StringLiteral(string.Join('.', required.Read.Path))})",
            MappedValueIr.Arithmetic arithmetic => $"{Operand(arithmetic.Left)} {arithmetic.Operator} {Operand(arithmetic.Right)}",
            MappedValueIr.Float number => FloatLiteral(number.Value),
            MappedValueIr.Call { Function: MappedFunction.ToFloat } toFloat => "<float>" + Operand(toFloat.Arguments[0]),
            MappedValueIr.Call { Function: MappedFunction.Length } length => (length.Arguments[0] is MappedValueIr.FromInput or MappedValueIr.Text ? Value(length.Arguments[0]) : $"({Value(length.Arguments[0])})") + ".length()",
            MappedValueIr.Call call => (call.Function is MappedFunction.Substring or MappedFunction.NumberText or MappedFunction.NumberInteger or MappedFunction.NumberDecimal ? "check " : string.Empty) + call.Function switch
            {
                MappedFunction.UpperCase => "dataMapperUpperCase",
                MappedFunction.LowerCase => "dataMapperLowerCase",
                MappedFunction.Trim => "dataMapperTrim",
                MappedFunction.Substring => "dataMapperSubstring",
                MappedFunction.Replace => "dataMapperReplace",
                MappedFunction.Number => "dataMapperNumber",
                MappedFunction.Floor => "float:floor",
                MappedFunction.Ceil => "float:ceiling",
                MappedFunction.Round => "dataMapperRound",
                MappedFunction.Abs => "float:abs",
                MappedFunction.Max => "dataMapperMax",
                MappedFunction.Min => "dataMapperMin",
                MappedFunction.NumberText => "dataMapperNumberText",
                MappedFunction.NumberInteger => "dataMapperInteger",
                MappedFunction.NumberDecimal => "dataMapperDecimal",
                _ => throw new InvalidOperationException($"No mapped function {call.Function}"),
            } + "(" + string.Join(", ", call.Arguments.Select(Value)) + ")",
            _ => throw new InvalidOperationException($"No mapped expression {value.GetType().Name}"),
        };

        static string Operand(MappedValueIr value) => value is MappedValueIr.Arithmetic or MappedValueIr.Float { Value: < 0 } ? $"({Value(value)})" : Value(value);

        // A float literal: the shortest text that reads back as the double, with a fraction or exponent and the f suffix.
        static string FloatLiteral(double value)
        {
            var text = value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
            return text + (text.Contains('.', StringComparison.Ordinal) || text.Contains('E', StringComparison.Ordinal) ? string.Empty : ".0") + "f";
        }

        // decls receives the local declarations a value needs (at declIndent), into the value's own lines (at indent).
        void Construct(MappedValueIr.Construct construct, MappedRecordIr record, string indent, List<string> into, List<string> decls, string declIndent, bool isRoot)
        {
            if (construct.Entries.Any(WhenPresent))
            {
                var local = isRoot ? "output" : "output" + ++locals;
                var declaration = new List<string>();
                Constructor(construct.Entries.Where(e => !WhenPresent(e)).ToList(), record, declIndent, declaration, decls, declIndent);
                declaration[0] = $"{declIndent}{names[record.Name]} {local} = {declaration[0].TrimStart()}";
                declaration[^1] += ";";
                decls.AddRange(declaration);
                foreach (var entry in construct.Entries.Where(WhenPresent))
                {
                    var copied = (MappedValueIr.FromInput)entry.Value;
                    var read = Read(copied);
                    var type = TypeText(record.Fields.First(f => f.Name == entry.Field).Type, names);
                    decls.Add($"{declIndent}if {read} is {type} {{");
                    decls.Add($"{declIndent}    {local}.{BallerinaSyntax.FieldName(entry.Field)} = {(copied.AsNumber ? $"check dataMapperDecimal(<float><{type}>{read})" : $"<{type}>{read}")};");
                    decls.Add($"{declIndent}}}");
                }

                into.Add(indent + local);
                return;
            }

            Constructor(construct.Entries.ToList(), record, indent, into, decls, declIndent);
        }

        // An output array from an input array: a query when each element is one expression that cannot fail (and needs
        // no local), else a local array that a foreach over the input array fills.
        void ArrayMap(MappedValueIr.ArrayMap map, string indent, List<string> into, List<string> decls, string declIndent)
        {
            var elementType = TypeText(map.ElementType, names);
            var element = new List<string>();
            var elementDecls = new List<string>();
            var elementIndent = declIndent + "    ";
            if (map.Element is MappedValueIr.Construct construct)
            {
                Construct(construct, recordsByName[((MappedTypeIr.Record)map.ElementType).Name], elementIndent, element, elementDecls, elementIndent, isRoot: false);
            }
            else
            {
                element.Add(elementIndent + Value(map.Element));
            }

            if (map is { MapCall: true, FirstOptional: >= 0 })
            {
                // JavaScript's map on an absent array throws a TypeError: the mapping fails.
                var source = new MappedValueIr.FromInput(map.Source, map.FirstOptional);
                decls.Add($"{declIndent}check dataMapperMapSource({Read(source)}, {BallerinaSyntax.StringLiteral(string.Join('.', map.Source))});");
            }

            if (elementDecls.Count == 0 && !StatementWriter.Fails(map.Element))
            {
                into.Add($"{indent}from var item in {Source(map)}");
                element[0] = $"{indent}    select {element[0].TrimStart()}";
                // The element's lines were indented for the foreach body; the select clause sits one level in from the query.
                var shift = elementIndent.Length - (indent.Length + 4);
                for (var i = 1; i < element.Count; i++)
                {
                    element[i] = shift >= 0 ? element[i][Math.Min(shift, element[i].Length - element[i].TrimStart().Length)..] : new string(' ', -shift) + element[i];
                }

                into.AddRange(element);
                return;
            }

            var local = "output" + ++locals;
            decls.Add($"{declIndent}{elementType}[] {local} = [];");
            decls.Add($"{declIndent}foreach var item in {Source(map)} {{");
            decls.AddRange(elementDecls);
            element[0] = $"{elementIndent}{local}.push({element[0].TrimStart()}";
            element[^1] += ");";
            decls.AddRange(element);
            decls.Add($"{declIndent}}}");
            into.Add(indent + local);
        }

        void Constructor(List<MappedEntryIr> entries, MappedRecordIr record, string indent, List<string> into, List<string> decls, string declIndent)
        {
            if (entries.Count == 0)
            {
                into.Add(indent + "{}");
                return;
            }

            into.Add(indent + "{");
            var inner = indent + "    ";
            for (var i = 0; i < entries.Count; i++)
            {
                var entry = entries[i];
                var field = record.Fields.First(f => f.Name == entry.Field);
                var name = BallerinaSyntax.FieldName(entry.Field);
                var comma = i < entries.Count - 1 ? "," : string.Empty;
                foreach (var todo in entry.Todos)
                {
                    into.AddRange(BallerinaSyntax.CommentLines(todo, inner + "// TODO(SB0257): "));
                }

                switch (entry.Value)
                {
                    case MappedValueIr.NotTranslated missing:
                        var value = $"check notTranslated({BallerinaSyntax.StringLiteral(missing.Statement)})";
                        into.Add($"{inner}{name}: {(missing.IsString ? value : $"check ({value}).ensureType()")}{comma}");
                        break;
                    case MappedValueIr.Construct nested:
                        var nestedRecord = recordsByName[((MappedTypeIr.Record)field.Type).Name];
                        var nestedLines = new List<string>();
                        Construct(nested, nestedRecord, inner, nestedLines, decls, declIndent, isRoot: false);
                        nestedLines[0] = $"{inner}{name}: {nestedLines[0].TrimStart()}";
                        nestedLines[^1] += comma;
                        into.AddRange(nestedLines);
                        break;
                    case MappedValueIr.ArrayMap map:
                        var arrayLines = new List<string>();
                        ArrayMap(map, inner, arrayLines, decls, declIndent);
                        arrayLines[0] = $"{inner}{name}: {arrayLines[0].TrimStart()}";
                        arrayLines[^1] += comma;
                        into.AddRange(arrayLines);
                        break;
                    default:
                        into.Add($"{inner}{name}: {Value(entry.Value)}{comma}");
                        break;
                }
            }

            into.Add(indent + "}");
        }
    }
}
