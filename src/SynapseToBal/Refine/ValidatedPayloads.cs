using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SynapseToBal.IR;

namespace SynapseToBal.Refine;

/// <summary>
/// The payload after a JSON validate, read as a record of its schema: <c>Order 'order = check (check
/// jsonPayload(ctx)).cloneWithType();</c> right after the validate, and the JSON paths the steps after it read
/// written as field accesses (<c>'order.customer.id</c>).
/// </summary>
/// <param name="Record">The record of the schema's root object.</param>
/// <param name="Local">The name asked for the local the payload is bound to (the statement writer numbers it when its body has one of that name).</param>
/// <param name="Reads">How many steps after the validate read through the local (the steps it is in scope for).</param>
public sealed record ValidatedPayload(PayloadRecord Record, string Local, int Reads);

/// <summary>A JSON path read through a validated payload: the field names down to a string member.</summary>
public sealed record TypedRead(ValidatedPayload Payload, ImmutableArray<string> Fields)
{
    /// <summary>The field access in Ballerina from the local the payload is bound to (<c>orderPayload.customer.id</c>).</summary>
    public string Access(string local) => local + string.Concat(Fields.Select(f => "." + f));
}

/// <summary>
/// Typed payloads from a project's JSON schema (issue 14): a validate that checks the whole JSON payload against a
/// schema the project holds, and whose on-fail always ends the flow, lets the steps right after it read the payload as
/// a record of the schema. The record types only what every payload the schema accepts has: a member the schema's
/// <c>type</c> makes a string or a boolean has that type, an object with <c>properties</c> a record (open, <c>json...</c>,
/// unless <c>additionalProperties</c> is false and there are no <c>patternProperties</c>), an array whose
/// <c>items</c> is one schema an array of its type, a <c>$ref</c> to the same document the record of what it names;
/// numbers, integers, several types, and members whose schema has no <c>type</c> stay <c>json</c> (Ballerina reads a
/// JSON number as int, decimal or float by its text, which <c>cloneWithType</c> would not always convert to one
/// type); a member the schema does not require is optional. So <c>cloneWithType</c> cannot fail on a payload the
/// validate accepted.
/// <para>
/// Only the run of steps right after the validate that neither change the payload nor leave the block (property and
/// variable sets, logs, property removals: their values only read) read through the record, and in them only JSON
/// paths of members (<c>$.customer.id</c>, an MI 4.4 <c>${payload.customer.id}</c>) that the schema requires all the
/// way down to a string: json-eval gives such a string as it is (SynapseJsonPath.stringValueOf of a JsonPrimitive,
/// <c>getAsString</c>), which is the field's value. Every other read stays a JSON path on the payload. A body gets one
/// such local (the first qualifying validate), so no name is declared twice.
/// </para>
/// </summary>
public static class ValidatedPayloadAnalysis
{
    /// <summary>The names the statement writer gives the locals it declares itself (shared reads, loops, calls): never asked for.</summary>
    private static readonly HashSet<string> WriterStems = new(StringComparer.Ordinal)
    {
        "body", "envelope", "message", "root", "reply", "failure", "started", "running", "index", "finished", "answer",
        "urlPath", "urlClient", "route", "rollbackOnly", "replyType", "outcome", "operation", "messages", "failures",
        "collected", "branch", "ackSkipped", "dataServiceRequest", "dataServiceOperation", "connectorRequest",
    };

    private static readonly Regex MemberPath = new(@"^\$(\.[A-Za-z_][A-Za-z0-9_]*)+$", RegexOptions.CultureInvariant);

    /// <param name="moduleNames">Every module-level identifier taken so far: the records' names keep clear of them (and are added).</param>
    /// <param name="names">The names the refiner gave the symbols (a body's parameters: the local keeps clear of them).</param>
    internal static PayloadTypes Analyze(PackageIr package, PayloadTypes payloadTypes, PropertyLocals locals, HashSet<string> moduleNames, IReadOnlyDictionary<Symbol, string> names)
    {
        var validated = new Dictionary<JsonValidateStep, ValidatedPayload>(ReferenceEqualityComparer.Instance);
        var reads = new Dictionary<JsonEvalIr, TypedRead>(ReferenceEqualityComparer.Instance);
        var records = new Dictionary<string, PayloadRecord>(StringComparer.Ordinal);
        var asked = new List<string>();
        foreach (var body in PropertyLocalAnalysis.BodiesOf(package))
        {
            var bodyLocals = locals.For(body.Node);
            foreach (var (steps, index, validate) in Validates(body.Steps))
            {
                // The paths the run reads that a record could type; a property set nothing reads is written (or left
                // out) as it was, so it reads nothing through the record.
                var run = Run(steps, index);
                var paths = run
                    .Where(step => step is not SetPropertyStep { Scope: PropertyScope.Default } set || bodyLocals[set.Name] is not { Unread: true })
                    .SelectMany(IrWalker.Expressions).SelectMany(IrWalker.Descendants).OfType<JsonEvalIr>().ToList();
                if (paths.Count == 0)
                {
                    continue;
                }

                // A record is named only once it is used: until then its names are taken from a copy.
                var known = records.TryGetValue(validate.Schema.Key, out var record);
                var recordNames = known ? moduleNames : new HashSet<string>(moduleNames, StringComparer.Ordinal);
                record ??= RecordOf(validate.Schema.Content!, validate.Schema.Key, recordNames, validate.Origin!.Location.Path);
                var found = record is null ? [] : paths.Select(path => (Path: path, Fields: Fields(record, path))).Where(r => r.Fields is not null).ToList();
                if (record is null || found.Count == 0)
                {
                    continue;
                }

                if (!known)
                {
                    records[validate.Schema.Key] = record;
                    moduleNames.UnionWith(record.WithNested().Select(r => r.Name));
                    asked.AddRange(record.WithNested().Select(r => r.Name).Distinct(StringComparer.Ordinal));
                }

                // The writer declares it under this name, or numbered when the body already has a local of that name.
                // Not a property local, a parameter, a payload record's local or a resource's typed payload parameter.
                var taken = new HashSet<string>(bodyLocals.Names, StringComparer.Ordinal);
                taken.UnionWith(body.Parameters.Select(p => names.GetValueOrDefault(p)).OfType<string>().Select(n => n.TrimStart('\'')));
                taken.UnionWith(IrWalker.Steps(body.Steps).OfType<SetPayloadStep>().Select(s => payloadTypes[s]?.Local).OfType<string>());
                taken.UnionWith(["payload", "requestPayload", "receivedPayload"]);
                var local = new[] { BallerinaSyntax.CamelCase(record.Name), BallerinaSyntax.CamelCase(record.Name + " payload"), "validatedPayload" }
                    .First(n => !n.StartsWith('\'') && !taken.Contains(n) && !moduleNames.Contains(n) && !PropertyLocalAnalysis.WriterLocals.Contains(n)
                        && !BallerinaRefiner.ReservedLocals.Contains(n) && !WriterStems.Contains(n));
                var payload = new ValidatedPayload(record, local, run.Count);
                validated[validate] = payload;
                foreach (var (path, fields) in found)
                {
                    reads[path] = new TypedRead(payload, fields!.Value);
                }

                break; // one validated payload a body: its local is declared once
            }
        }

        return validated.Count == 0 ? payloadTypes : payloadTypes.WithValidated(validated, reads, asked);
    }

    /// <summary>
    /// The validates of a body that check the whole payload of a JSON message (no source, not <c>json-source</c>: a
    /// message that is not JSON fails the flow) against a schema the package holds, and whose on-fail always ends the
    /// flow, with the step list they stand in and their index, in the order they are written.
    /// </summary>
    private static IEnumerable<(ImmutableArray<StepIr> Steps, int Index, JsonValidateStep Validate)> Validates(ImmutableArray<StepIr> steps)
    {
        for (var i = 0; i < steps.Length; i++)
        {
            if (steps[i] is JsonValidateStep { Source: null, JsonSource: false, Schema.Content: not null } validate && Flow.Terminates(validate.OnFail))
            {
                yield return (steps, i, validate);
            }

            foreach (var branch in IrWalker.Branches(steps[i]))
            {
                foreach (var found in Validates(branch))
                {
                    yield return found;
                }
            }
        }
    }

    /// <summary>The steps right after the validate that change nothing of the payload and stay in the block, and only read.</summary>
    private static List<StepIr> Run(ImmutableArray<StepIr> steps, int index)
    {
        var run = new List<StepIr>();
        for (var i = index + 1; i < steps.Length; i++)
        {
            if (steps[i] is not (SetPropertyStep or SetVariableStep or LogStep or RemovePropertyStep) || !IrWalker.Expressions(steps[i]).All(PureReads.IsPure))
            {
                break;
            }

            run.Add(steps[i]);
        }

        return run;
    }

    /// <summary>The fields a JSON path reads through, when it names members the record requires down to a string.</summary>
    private static ImmutableArray<string>? Fields(PayloadRecord record, JsonEvalIr path)
    {
        if (path.BodyWhenXml || !MemberPath.IsMatch(path.Path))
        {
            return null;
        }

        var keys = path.Path[2..].Split('.');
        var fields = ImmutableArray.CreateBuilder<string>();
        PayloadRecord? current = record;
        for (var i = 0; i < keys.Length; i++)
        {
            var field = current?.Fields.FirstOrDefault(f => f.Key == keys[i]);
            if (field is null || field.Optional)
            {
                return null;
            }

            fields.Add(field.Identifier);
            if (i == keys.Length - 1)
            {
                return field.Type == "string" ? fields.ToImmutable() : null;
            }

            current = field.Type.EndsWith("[]", StringComparison.Ordinal) ? null : field.Record;
        }

        return null;
    }

    /// <summary>The record of a schema whose root is an object with members, or null.</summary>
    /// <param name="source">The input file of the validate mediator that checks it (the file the record is declared for).</param>
    /// <param name="names">The module's names: the records' names keep clear of them (and are added).</param>
    internal static PayloadRecord? RecordOf(string content, string key, HashSet<string> names, string source)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(content.TrimStart('\uFEFF'));
        }
        catch (JsonException)
        {
            return null;
        }

        if (root is not JsonObject rootObject)
        {
            return null;
        }

        var (_, record) = new Builder(rootObject, names, source).Type(rootObject, NameWords(key), $"The JSON payload the schema '{key}' describes, as the validate mediator checks it (typed where every payload the schema accepts has the type). The validate reads the schema's file at run time: a record out of step with that file makes the conversion after the validate fail.");
        return record is { Fields.Length: > 0 } ? record : null;
    }

    /// <summary>The words a schema's record is named from: its key's last segment without the extension and a final "schema".</summary>
    private static string NameWords(string key)
    {
        var last = key[(key.LastIndexOfAny(['/', ':', '\\']) + 1)..];
        if (last.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            last = last[..^5];
        }

        var words = BallerinaSyntax.Words(last).ToList();
        while (words.Count > 0 && words[^1].ToLowerInvariant() is "schema" or "json")
        {
            words.RemoveAt(words.Count - 1);
        }

        return words.Count == 0 ? "validated payload" : string.Join(' ', words);
    }

    private sealed class Builder(JsonObject root, HashSet<string> moduleNames, string source)
    {
        private readonly Dictionary<string, (string Type, PayloadRecord? Record)> _references = new(StringComparer.Ordinal);
        private readonly HashSet<string> _resolving = new(StringComparer.Ordinal);

        /// <summary>The Ballerina type every value the schema accepts has (<c>json</c> when nothing narrower holds).</summary>
        /// <param name="words">The words the record of an object is named from (<c>order customer</c>).</param>
        public (string Type, PayloadRecord? Record) Type(JsonNode? node, string words, string doc)
        {
            if (node is not JsonObject schema)
            {
                return ("json", null);
            }

            if (schema["$ref"] is JsonValue reference && reference.TryGetValue<string>(out var pointer))
            {
                return Reference(pointer);
            }

            var type = schema["type"] switch
            {
                JsonValue single when single.TryGetValue<string>(out var one) => one,
                JsonArray { Count: 1 } list when list[0] is JsonValue only && only.TryGetValue<string>(out var one) => one,
                _ => null,
            };
            switch (type)
            {
                case "string":
                    return ("string", null);
                case "boolean":
                    return ("boolean", null);
                case "array" when schema["items"] is JsonObject items:
                    var (itemType, itemRecord) = Type(items, PayloadTypeAnalysis.Singular(words), $"An item of {char.ToLowerInvariant(doc[0])}{doc[1..].TrimEnd('.')}.");
                    return (itemType == "json" ? "json[]" : itemType + "[]", itemRecord);
                case "array":
                    return ("json[]", null);
                case "object":
                    return Object(schema, words, doc);
                default:
                    return ("json", null);
            }
        }

        private (string Type, PayloadRecord? Record) Reference(string pointer)
        {
            if (_references.TryGetValue(pointer, out var known))
            {
                return known;
            }

            if (!pointer.StartsWith('#') || !_resolving.Add(pointer) || JsonPointer.Resolve(root, Uri.UnescapeDataString(pointer[1..])) is not { } target)
            {
                return ("json", null); // another document, a cycle, or nothing
            }

            var last = pointer[(pointer.LastIndexOf('/') + 1)..];
            var result = Type(target, last.Length == 0 ? "definition" : last, $"The schema's '{pointer}'.");
            _resolving.Remove(pointer);
            _references[pointer] = result;
            return result;
        }

        private (string Type, PayloadRecord? Record) Object(JsonObject schema, string words, string doc)
        {
            var properties = schema["properties"] as JsonObject;
            var required = (schema["required"] as JsonArray)?.Select(n => n is JsonValue v && v.TryGetValue<string>(out var s) ? s : null).OfType<string>().ToList() ?? [];
            if ((properties is null || properties.Count == 0) && required.Count == 0)
            {
                return ("map<json>", null);
            }

            var unique = PayloadTypeAnalysis.Unique(BallerinaSyntax.PascalCase(words), moduleNames);
            var fields = ImmutableArray.CreateBuilder<PayloadField>();
            var open = schema["additionalProperties"] is not JsonValue closed || closed.GetValueKind() != JsonValueKind.False || schema.ContainsKey("patternProperties");
            var keys = (properties?.Select(p => p.Key) ?? []).Concat(required).Distinct(StringComparer.Ordinal).ToList();
            foreach (var key in keys)
            {
                if (BallerinaSyntax.FieldName(key) is not { } identifier)
                {
                    open = true; // the member stays in the rest of the record
                    continue;
                }

                var (type, record) = properties?[key] is JsonNode member
                    ? Type(member, words + " " + key, $"The member '{key}' of {unique}.")
                    : ("json", null);
                fields.Add(new PayloadField(key, identifier, type, record) { Optional = !required.Contains(key) });
            }

            return (unique, new PayloadRecord(unique, fields.ToImmutable(), doc, source) { Open = open, FromSchema = true });
        }

    }
}
