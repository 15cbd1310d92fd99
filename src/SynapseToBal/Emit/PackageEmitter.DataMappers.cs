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

    /// <summary>The body of a mapping function, indented: TODO lines for the statements that assign no field, then the output record.</summary>
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
        var body = new List<string>();
        Construct(mapping.Body, output, "    ", body);
        body[0] = "    return " + body[0].TrimStart();
        body[^1] += ";";
        lines.AddRange(body);
        return lines;

        void Construct(MappedValueIr.Construct construct, MappedRecordIr record, string indent, List<string> into)
        {
            if (construct.Entries.IsEmpty)
            {
                into.Add(indent + "{}");
                return;
            }

            into.Add(indent + "{");
            var inner = indent + "    ";
            for (var i = 0; i < construct.Entries.Length; i++)
            {
                var entry = construct.Entries[i];
                var field = record.Fields.First(f => f.Name == entry.Field);
                var name = BallerinaSyntax.FieldName(entry.Field);
                var comma = i < construct.Entries.Length - 1 ? "," : string.Empty;
                foreach (var todo in entry.Todos)
                {
                    into.AddRange(BallerinaSyntax.CommentLines(todo, inner + "// TODO(SB0257): "));
                }

                switch (entry.Value)
                {
                    case MappedValueIr.FromInput read:
                        into.Add($"{inner}{name}: input.{string.Join('.', read.Path.Select(p => BallerinaSyntax.FieldName(p)))}{comma}");
                        break;
                    case MappedValueIr.NotTranslated missing:
                        var value = $"check notTranslated({BallerinaSyntax.StringLiteral(missing.Statement)})";
                        into.Add($"{inner}{name}: {(missing.IsString ? value : $"check ({value}).ensureType()")}{comma}");
                        break;
                    case MappedValueIr.Construct nested:
                        var nestedRecord = recordsByName[((MappedTypeIr.Record)field.Type).Name];
                        var nestedLines = new List<string>();
                        Construct(nested, nestedRecord, inner, nestedLines);
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
