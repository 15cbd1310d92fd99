using SynapseToBal.IR;
using SynapseToBal.Refine;

namespace SynapseToBal.Emit;

// datamappers.bal: the record types and mapping functions of the datamapper mediators (issue 10; Lowering/Mediators/DataMapper.cs).
public sealed partial class PackageEmitter
{
    private string DataMappers(PackageIr package, NameMap names) => _renderer.Render("datamappers.bal.sbn", new
    {
        Header = Header("record types and mapping functions of the datamapper mediators' schemas and .dmc mappings"),
        Imports = package.DataMappings.Any(m => m.InputFormat == DataFormat.Xml || m.OutputFormat == DataFormat.Xml) ? new List<string> { "ballerina/data.xmldata" } : new List<string>(),
        Mappings = package.DataMappings.Select(m => new
        {
            Records = m.Records.Select(r => MappedRecord(m, r, names)).ToList(),
            Doc = BallerinaSyntax.CommentText($"The mapping of the data-mapper configuration '{m.ConfigKey}' (input schema '{m.InputSchemaKey}', output schema '{m.OutputSchemaKey}')."),
            Name = names[m.Function],
            Input = names[m.Input],
            Returns = names[m.Output] + (StatementWriter.DataMappingFails(m) ? "|error" : string.Empty),
            Lines = MappingLines(m, names),
        }).ToList(),
    });

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
            Doc = BallerinaSyntax.CommentText($"'{record.SchemaName}' of the {(isInput ? "input" : "output")} schema '{(isInput ? mapping.InputSchemaKey : mapping.OutputSchemaKey)}'"
                + (isInput ? " (open: members the schema does not list are accepted, as the data mapper ignores them)." : ".")),
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
    /// root, <c>output1</c>... for nested ones) and each such field set under an <c>if ... is T</c> check.
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
        Construct(mapping.Body, output, "    ", body, isRoot: true);
        body[0] = "    return " + body[0].TrimStart();
        body[^1] += ";";
        lines.AddRange(body);
        return lines;

        static bool WhenPresent(MappedEntryIr entry) => entry.Value is MappedValueIr.FromInput { FirstOptional: >= 0 };

        static string Read(MappedValueIr.FromInput read) =>
            "input" + string.Concat(read.Path.Select((p, i) => (read.FirstOptional >= 0 && i >= read.FirstOptional ? "?." : ".") + BallerinaSyntax.FieldName(p)));

        static string Part(MappedValueIr part) => part switch
        {
            MappedValueIr.FromInput read => Read(read),
            MappedValueIr.Text text => BallerinaSyntax.StringLiteral(text.Value),
            _ => throw new InvalidOperationException($"No concatenated value {part.GetType().Name}"),
        };

        void Construct(MappedValueIr.Construct construct, MappedRecordIr record, string indent, List<string> into, bool isRoot)
        {
            if (construct.Entries.Any(WhenPresent))
            {
                var local = isRoot ? "output" : "output" + ++locals;
                var declaration = new List<string>();
                Constructor(construct.Entries.Where(e => !WhenPresent(e)).ToList(), record, "    ", declaration);
                declaration[0] = $"    {names[record.Name]} {local} = {declaration[0].TrimStart()}";
                declaration[^1] += ";";
                lines.AddRange(declaration);
                foreach (var entry in construct.Entries.Where(WhenPresent))
                {
                    var read = Read((MappedValueIr.FromInput)entry.Value);
                    var type = TypeText(record.Fields.First(f => f.Name == entry.Field).Type, names);
                    lines.Add($"    if {read} is {type} {{");
                    lines.Add($"        {local}.{BallerinaSyntax.FieldName(entry.Field)} = <{type}>{read};");
                    lines.Add("    }");
                }

                into.Add(indent + local);
                return;
            }

            Constructor(construct.Entries.ToList(), record, indent, into);
        }

        void Constructor(List<MappedEntryIr> entries, MappedRecordIr record, string indent, List<string> into)
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
                    case MappedValueIr.FromInput read:
                        into.Add($"{inner}{name}: {Read(read)}{comma}");
                        break;
                    case MappedValueIr.Concat concat:
                        into.Add($"{inner}{name}: {string.Join(" + ", concat.Parts.Select(Part))}{comma}");
                        break;
                    case MappedValueIr.NotTranslated missing:
                        var value = $"check notTranslated({BallerinaSyntax.StringLiteral(missing.Statement)})";
                        into.Add($"{inner}{name}: {(missing.IsString ? value : $"check ({value}).ensureType()")}{comma}");
                        break;
                    case MappedValueIr.Construct nested:
                        var nestedRecord = recordsByName[((MappedTypeIr.Record)field.Type).Name];
                        var nestedLines = new List<string>();
                        Construct(nested, nestedRecord, inner, nestedLines, isRoot: false);
                        nestedLines[0] = $"{inner}{name}: {nestedLines[0].TrimStart()}";
                        nestedLines[^1] += comma;
                        into.AddRange(nestedLines);
                        break;
                    default:
                        throw new InvalidOperationException($"No mapped value {entry.Value.GetType().Name}");
                }
            }

            into.Add(indent + "}");
        }
    }
}
