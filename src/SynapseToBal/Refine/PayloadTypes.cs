using System.Collections.Immutable;
using System.Globalization;
using SynapseToBal.IR;

namespace SynapseToBal.Refine;

/// <summary>A field of a generated payload record: the JSON key, its Ballerina field name and type.</summary>
/// <param name="Record">The record the field's type names, when it is one (a nested object, or an array of objects).</param>
public sealed record PayloadField(string Key, string Identifier, string Type, PayloadRecord? Record)
{
    /// <summary>The member may be absent (<c>string note?;</c>): a JSON schema's property that it does not require.</summary>
    public bool Optional { get; init; }
}

/// <summary>A closed record type for a JSON object whose shape the template fixes (issue 14).</summary>
/// <param name="Doc">What the record is (one line, for its documentation comment).</param>
/// <param name="Source">The input file of the payloadFactory it comes from.</param>
public sealed record PayloadRecord(string Name, ImmutableArray<PayloadField> Fields, string Doc, string Source)
{
    /// <summary>
    /// The object may have members besides the fields (<c>json...</c>): a JSON schema's object that allows other
    /// members (<see cref="ValidatedPayloadAnalysis"/>); a payloadFactory's record is closed.
    /// </summary>
    public bool Open { get; init; }

    /// <summary>The record comes from a JSON schema a validate mediator checks against, not from a payloadFactory's template.</summary>
    public bool FromSchema { get; init; }

    /// <summary>
    /// The input files of every payloadFactory that builds the record, in declaration order (one record for all the
    /// templates of the same shape); empty when only the one of <see cref="Source"/> does.
    /// </summary>
    public ImmutableArray<string> Sources { get; init; } = [];

    /// <summary>The input files of the payloadFactory mediators that build the record.</summary>
    public IEnumerable<string> AllSources => Sources.IsEmpty ? [Source] : Sources;

    /// <summary>
    /// The record's shape as text: the field names and types in order, a nested record by its own shape (records of
    /// one shape are one type, whatever they are named).
    /// </summary>
    public string Shape() => "{" + string.Join(",", Fields.Select(f => BallerinaSyntax.StringLiteral(f.Key) + (f.Optional ? "?:" : ":")
        + (f.Record is null ? f.Type : f.Record.Shape() + (f.Type.EndsWith("[]", StringComparison.Ordinal) ? "[]" : string.Empty)))) + (Open ? ",...}" : "}");

    /// <summary>The record and the records its fields name, depth first: the order they are declared in.</summary>
    public IEnumerable<PayloadRecord> WithNested()
    {
        yield return this;
        foreach (var nested in Fields.Select(f => f.Record).OfType<PayloadRecord>().SelectMany(r => r.WithNested()))
        {
            yield return nested;
        }
    }
}

/// <summary>The record a JSON payloadFactory builds, and the local the writer declares it in.</summary>
public sealed record PayloadType(PayloadRecord Record, string Local);

/// <summary>The payload records of a package, by the identity of the payloadFactory step that builds each.</summary>
public sealed class PayloadTypes
{
    private readonly Dictionary<SetPayloadStep, PayloadType> _bySteps;
    private readonly Dictionary<JsonValidateStep, ValidatedPayload> _byValidates = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<JsonEvalIr, TypedRead> _reads = new(ReferenceEqualityComparer.Instance);

    internal PayloadTypes(Dictionary<SetPayloadStep, PayloadType> bySteps, ImmutableArray<string> asked)
    {
        _bySteps = bySteps;
        Asked = asked;
    }

    public static PayloadTypes Empty { get; } = new(new Dictionary<SetPayloadStep, PayloadType>(ReferenceEqualityComparer.Instance), []);

    /// <summary>These payload types with the validated payloads and their typed reads (<see cref="ValidatedPayloadAnalysis"/>).</summary>
    internal PayloadTypes WithValidated(IReadOnlyDictionary<JsonValidateStep, ValidatedPayload> validated, IReadOnlyDictionary<JsonEvalIr, TypedRead> reads, IEnumerable<string> asked)
    {
        var result = new PayloadTypes(_bySteps, [.. Asked, .. asked]);
        foreach (var (step, payload) in validated)
        {
            result._byValidates[step] = payload;
        }

        foreach (var (read, typed) in reads)
        {
            result._reads[read] = typed;
        }

        return result;
    }

    /// <summary>The names each record asked for, shortest first, one line a record in declaration order (per-artifact reuse compares them).</summary>
    public ImmutableArray<string> Asked { get; }

    /// <summary>True when no payload is built or read as a record.</summary>
    public bool IsEmpty => _bySteps.Count == 0 && _byValidates.Count == 0;

    /// <summary>The record a step's payload is built as, or null when it stays a <c>json</c> value.</summary>
    public PayloadType? this[SetPayloadStep step] => _bySteps.GetValueOrDefault(step);

    /// <summary>The record the payload is read as after a JSON validate, or null when the steps after it read it as <c>json</c>.</summary>
    public ValidatedPayload? this[JsonValidateStep step] => _byValidates.GetValueOrDefault(step);

    /// <summary>The typed read a JSON path is written as (by identity), or null when it is evaluated on the payload.</summary>
    public TypedRead? Read(JsonEvalIr path) => _reads.GetValueOrDefault(path);

    /// <summary>
    /// The records the given bodies use, in order of first use, each followed by the records its fields name: what a
    /// file declares beside them (a record nobody uses is not declared).
    /// </summary>
    public IReadOnlyList<PayloadRecord> UsedBy(IEnumerable<ImmutableArray<StepIr>> bodies)
    {
        var used = new List<PayloadRecord>();
        var seen = new HashSet<PayloadRecord>(ReferenceEqualityComparer.Instance);
        foreach (var step in bodies.SelectMany(b => IrWalker.Steps(b)))
        {
            var record = step switch
            {
                SetPayloadStep payload => this[payload]?.Record,
                JsonValidateStep validate => this[validate]?.Record,
                _ => null,
            };
            if (record is not null)
            {
                used.AddRange(record.WithNested().Where(seen.Add));
            }
        }

        return used;
    }
}

/// <summary>
/// Payload records (issue 14): a JSON payloadFactory whose template is a JSON object with a fixed shape (every
/// member name written in the template, no duplicate) gets a closed record type, and the payload is built as a
/// value of it (<c>OrderApiRequest payload = {...}; setJsonPayload(ctx, payload.toJson());</c>). Only what the
/// template fixes is typed, as Synapse substitutes text: a member in quotes is a <c>string</c> whatever its
/// arguments hold, a literal number, boolean or object has its type, an unquoted argument (<c>$1</c>) is whatever
/// its text parses as, so <c>json</c>, and so is a literal <c>null</c>. The JSON the record's <c>toJson()</c> gives
/// is the one the template gives: the same members in the same order with the same values.
/// </summary>
public static class PayloadTypeAnalysis
{
    /// <summary>Member names a record field may not take: the langlib method the writer calls on the value.</summary>
    private static readonly string[] MethodNames = ["toJson"];

    /// <param name="moduleNames">Every module-level identifier taken so far: the records' names keep clear of them (and are added).</param>
    internal static PayloadTypes Analyze(PackageIr package, HashSet<string> moduleNames)
    {
        var types = new Dictionary<SetPayloadStep, PayloadType>(ReferenceEqualityComparer.Instance);
        var local = new[] { "payload", "jsonPayload", "newPayload" }.FirstOrDefault(n => !moduleNames.Contains(n)) ?? "payloadRecord";
        var found = new List<(SetPayloadStep Step, JsonNodeIr.Object Root, IReadOnlyList<(string Name, bool Shortening)> Ladder, string Doc, string Role)>();
        var seen = new HashSet<SetPayloadStep>(ReferenceEqualityComparer.Instance);
        foreach (var (owners, steps) in Bodies(package))
        {
            var flat = IrWalker.Steps(steps).ToList();
            for (var i = 0; i < flat.Count; i++)
            {
                if (flat[i] is SetPayloadStep { Kind: PayloadKind.Json, Json: JsonNodeIr.Object root } step && Fixed(root) && seen.Add(step))
                {
                    var role = Role(flat, i);
                    var what = role switch
                    {
                        "request" => "the request sent to the backend",
                        "response" => "the response",
                        _ => "the payload",
                    };
                    var doc = $"The JSON payload the payloadFactory at line {step.Origin!.Location.Line.ToString(CultureInfo.InvariantCulture)} builds ({what}).";
                    found.Add((step, root, [.. owners.Select(o => (BallerinaSyntax.PascalCase(o.Owner + " " + role), o.Shortening))], doc, role));
                }
            }
        }

        // Templates of the same shape (the same fields with the same types, nested records by their shape) are one
        // record, in the order of their first builder: the error body six sequences build is one type, not six.
        var groups = new List<List<int>>();
        var byShape = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < found.Count; i++)
        {
            var shape = Record(found[i].Root, "Shape", new HashSet<string>(StringComparer.Ordinal), string.Empty, string.Empty, named: true)?.Shape() ?? "#" + i.ToString(CultureInfo.InvariantCulture);
            if (!byShape.TryGetValue(shape, out var group))
            {
                byShape[shape] = group = [];
                groups.Add(group);
            }

            group.Add(i);
        }

        // The records' names by the package's one naming rule (the shortest no other record asks for), then their nested
        // records'. A record several payloadFactory mediators build whose object has one member first asks for that
        // member's name (ErrorPayload for {"error": {...}}, its member's record ErrorDetail), then for the name its
        // first builder would give it: both depend on the shape and its first builder only, so an unrelated template
        // renames nothing.
        var keyed = groups.Select(g => g.Count > 1 && found[g[0]].Root.Members is [var sole] && sole.Name.Any(char.IsAsciiLetter) ? sole.Name : null).ToList();
        var ladders = BallerinaRefiner.AdmitShortenings([.. groups.Select((g, i) => keyed[i] is { } key
            ? (IReadOnlyList<(string Name, bool Shortening)>)[(BallerinaSyntax.PascalCase(key + " payload"), false), .. found[g[0]].Ladder]
            : found[g[0]].Ladder)]);
        var names = BallerinaRefiner.ChooseNames(ladders, new HashSet<string>(StringComparer.Ordinal), moduleNames);
        for (var i = 0; i < groups.Count; i++)
        {
            var builders = groups[i].Select(j => found[j]).ToList();
            var first = builders[0];
            string? soleNested = keyed[i] is { } key && names[i] == BallerinaSyntax.PascalCase(key + " payload")
                ? first.Root.Members[0].Value is JsonNodeIr.Array ? BallerinaSyntax.PascalCase(Singular(key)) : BallerinaSyntax.PascalCase(key + " detail")
                : null;
            var doc = builders.Count == 1 ? first.Doc : SharedDoc(builders.Select(b => (b.Step, b.Role)).ToList());
            if (Record(first.Root, names[i], moduleNames, doc, first.Step.Origin!.Location.Path, named: true, soleNested) is { } record)
            {
                if (builders.Count > 1)
                {
                    record = record with { Sources = [.. builders.Select(b => b.Step.Origin!.Location.Path).Distinct(StringComparer.Ordinal)] };
                }

                foreach (var builder in builders)
                {
                    types[builder.Step] = new PayloadType(record, local);
                }
            }
        }

        return new PayloadTypes(types, [.. ladders.Select(l => string.Join(' ', l))]);
    }

    /// <summary>What a record several payloadFactory mediators build is: what they build it as, and where each is (file:line).</summary>
    private static string SharedDoc(IReadOnlyList<(SetPayloadStep Step, string Role)> builders)
    {
        var what = builders.Select(b => b.Role).Distinct(StringComparer.Ordinal).ToList() switch
        {
            ["request"] => "the request sent to the backend",
            ["response"] => "the response",
            _ => "the payload",
        };
        var where = builders.Select(b => Path.GetFileName(b.Step.Origin!.Location.Path) + ":" + b.Step.Origin.Location.Line.ToString(CultureInfo.InvariantCulture));
        return $"The JSON payload the payloadFactory mediators at {string.Join(", ", where)} build ({what}).";
    }

    /// <summary>
    /// Every body of the package with the words its records may be named from, shortest first (the artifact and its
    /// flow: <c>status</c>, <c>get status</c>, <c>relay get status</c>, <c>RelayAPI get status</c>), in declaration order.
    /// </summary>
    private static IEnumerable<(IReadOnlyList<(string Owner, bool Shortening)> Owners, ImmutableArray<StepIr> Steps)> Bodies(PackageIr package)
    {
        foreach (var service in package.Services)
        {
            var shortName = service.Kind == ServiceKind.Api ? SymbolWords.ShortApiName(service.Name) : null;
            var resources = service.Resources.Where(r => r.Skipped is null).ToList();
            foreach (var resource in resources)
            {
                var owners = new List<(string Owner, bool Shortening)>();
                if (resources.Count == 1)
                {
                    owners.AddRange(shortName is null ? [] : [(shortName, false)]);
                    owners.Add((service.Name, false));
                }
                else
                {
                    // Each name without the path's parameters ("get orders" for "get orders by id") just before the one
                    // with them: a shortening, taken only when no other record asks for it (BallerinaRefiner.AdmitShortenings).
                    var words = ResourceWords(resource);
                    var plainWords = ResourceWords(resource, parameters: false);
                    void Add(string owner, string plain)
                    {
                        if (plain != owner)
                        {
                            owners.Add((plain, true));
                        }

                        owners.Add((owner, false));
                    }

                    if (resource.Path.FirstOrDefault() is PathSegmentIr.Literal first && first.Text.Any(char.IsAsciiLetterOrDigit))
                    {
                        Add(PathWords(resource), PathWords(resource, parameters: false));
                        Add(words, plainWords);
                    }

                    if (shortName is not null)
                    {
                        Add(shortName + " " + words, shortName + " " + plainWords);
                    }
                    else
                    {
                        owners.Add((service.Name + " " + plainWords, plainWords != words));
                    }

                    owners.Add((service.Name + " " + words, false));
                }

                yield return (owners, resource.Body);
            }
        }

        foreach (var inbound in package.Inbounds)
        {
            if (inbound.Transport is InboundTransportIr.Http http && http.Resource.Skipped is null)
            {
                yield return ([(inbound.SynapseName, false)], http.Resource.Body);
            }
        }

        foreach (var function in package.Functions)
        {
            // A proxy's or a multi-method resource's in flow ("OrderProxy flow"): the artifact is the name; the shorter
            // names the function may take ("items flow") give the records' shorter names.
            var hints = function.Name.Shorter.Append(function.Name.Hint)
                .Select(hint => function.Kind == FunctionKind.InFlow && hint.EndsWith(" flow", StringComparison.Ordinal) ? hint[..^5] : hint)
                .ToList();
            yield return ([.. hints.Select(h => (h, false))], function.Body);
        }
    }

    /// <summary>A resource as words: its method and path (<c>get orders by id</c>; <c>get orders</c> without its <paramref name="parameters"/>).</summary>
    private static string ResourceWords(ResourceIr resource, bool parameters = true) => resource.Accessor + " " + PathWords(resource, parameters);

    /// <summary>A resource's path as words (<c>orders by id</c>; <c>orders</c> without its <paramref name="parameters"/>).</summary>
    private static string PathWords(ResourceIr resource, bool parameters = true) =>
        string.Join(' ', resource.Path.Select(segment => segment switch
        {
            PathSegmentIr.Literal literal => literal.Text,
            PathSegmentIr.Param param when parameters => "by " + param.SynapseName,
            _ => string.Empty,
        }).Where(w => w.Length > 0));

    /// <summary>What the payload is for, from what the flow does with it next: a backend request, the response, or a payload.</summary>
    private static string Role(List<StepIr> flat, int index)
    {
        for (var i = index + 1; i < flat.Count; i++)
        {
            switch (flat[i])
            {
                case CallStep or CallAddressStep or HttpConnectorCallStep:
                    return "request";
                case RespondStep:
                    return "response";
                case SetPayloadStep or ReplacePayloadStep or ClearPayloadStep or JsonTransformStep or JsonSchemaTransformStep or AcceptStep or ContinueWithStep or InvokeStep or ForkStep or ForEachStep or TodoStep:
                    return "payload";
            }
        }

        return "payload";
    }

    /// <summary>The record of an object, named <paramref name="name"/> (made unique), or null when its shape is not fixed.</summary>
    /// <param name="named">The name is already the record's, unique (a payload's record, named with the others): not numbered again.</param>
    /// <param name="soleNested">The name of the record of the object's only member, instead of the parent's name and the member's.</param>
    private static PayloadRecord? Record(JsonNodeIr.Object node, string name, HashSet<string> moduleNames, string doc, string source, bool named = false, string? soleNested = null)
    {
        if (!Fixed(node))
        {
            return null;
        }

        var unique = named ? name : Unique(name, moduleNames);
        var fields = ImmutableArray.CreateBuilder<PayloadField>();
        foreach (var member in node.Members)
        {
            var (type, record) = FieldType(member.Value, unique, member.Name, moduleNames, $"'{member.Name}' of {unique}", source, soleNested);
            fields.Add(new PayloadField(member.Name, BallerinaSyntax.FieldName(member.Name)!, type, record));
        }

        return new PayloadRecord(unique, fields.ToImmutable(), doc, source);
    }

    /// <summary>An object whose shape a record can fix: at least one member, no name twice, every name a field a record may have.</summary>
    private static bool Fixed(JsonNodeIr.Object node) =>
        node.Members.Length > 0
        && node.Members.Select(m => m.Name).Distinct(StringComparer.Ordinal).Count() == node.Members.Length
        && !node.Members.Any(m => MethodNames.Contains(m.Name, StringComparer.Ordinal) || BallerinaSyntax.FieldName(m.Name) is null);

    /// <summary>The Ballerina type of a member's value: as certain as the template makes it, else <c>json</c>.</summary>
    /// <param name="member">The member as the documentation names it (<c>'customer' of OrderApiRequest</c>).</param>
    /// <param name="parent">The record the member belongs to: a nested record's name starts with it (<c>OrderApiRequestCustomer</c>).</param>
    /// <param name="nested">The name of the member's record when it has one, instead of the parent's name and the member's.</param>
    private static (string Type, PayloadRecord? Record) FieldType(JsonNodeIr value, string parent, string key, HashSet<string> moduleNames, string member, string source, string? nested = null)
    {
        switch (value)
        {
            case JsonNodeIr.String:
                return ("string", null);
            case JsonNodeIr.Boolean:
                return ("boolean", null);
            case JsonNodeIr.Number number:
                return (NumberType(number.Text), null);
            case JsonNodeIr.Object { Members.Length: 0 }:
                return ("map<json>", null);
            case JsonNodeIr.Object objectValue:
                return Record(objectValue, nested ?? parent + BallerinaSyntax.PascalCase(key), moduleNames, $"The member {member}.", source) is { } record ? (record.Name, record) : ("json", null);
            case JsonNodeIr.Array array:
                return ArrayType(array, parent, key, moduleNames, member, source, nested);
            default:
                // null, or an argument outside quotes: whatever its text parses as.
                return ("json", null);
        }
    }

    /// <summary>
    /// An array: <c>T[]</c> when every item has the same scalar type, or every item is an object of the same fixed
    /// shape (one record for all, named after the member in the singular); else <c>json[]</c>.
    /// </summary>
    private static (string Type, PayloadRecord? Record) ArrayType(JsonNodeIr.Array array, string parent, string key, HashSet<string> moduleNames, string member, string source, string? nested = null)
    {
        if (array.Items.Length == 0)
        {
            return ("json[]", null);
        }

        var scalars = array.Items.Select(i => i switch
        {
            JsonNodeIr.String => "string",
            JsonNodeIr.Boolean => "boolean",
            JsonNodeIr.Number n => NumberType(n.Text),
            _ => null,
        }).Distinct(StringComparer.Ordinal).ToList();
        if (scalars is [{ } scalar])
        {
            return (scalar + "[]", null);
        }

        if (array.Items.All(i => i is JsonNodeIr.Object) && array.Items.Cast<JsonNodeIr.Object>().Select(Shape).Distinct(StringComparer.Ordinal).Count() == 1
            && Record((JsonNodeIr.Object)array.Items[0], nested ?? parent + BallerinaSyntax.PascalCase(Singular(key)), moduleNames, $"An item of the member {member}.", source) is { } record)
        {
            return (record.Name + "[]", record);
        }

        return ("json[]", null);
    }

    /// <summary>The shape of an object as text (member names and value kinds, nested): objects of one shape share a record.</summary>
    private static string Shape(JsonNodeIr node) => node switch
    {
        JsonNodeIr.Object o => "{" + string.Join(",", o.Members.Select(m => BallerinaSyntax.StringLiteral(m.Name) + ":" + Shape(m.Value))) + "}",
        JsonNodeIr.Array a => "[" + string.Join(",", a.Items.Select(Shape)) + "]",
        JsonNodeIr.String => "s",
        JsonNodeIr.Boolean => "b",
        JsonNodeIr.Number n => NumberType(n.Text),
        _ => "j",
    };

    /// <summary>A literal number's type, as the JSON writer writes it: an integer that fits <c>int</c>, a larger one a decimal, else a float.</summary>
    private static string NumberType(string text)
    {
        var integral = !text.Contains('.', StringComparison.Ordinal) && !text.Contains('e', StringComparison.OrdinalIgnoreCase);
        if (!integral)
        {
            return "float";
        }

        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) ? "int" : "decimal";
    }

    /// <summary>The words of an array member's item type: the last word in the singular (<c>items</c> → <c>item</c>), else with <c>item</c> added.</summary>
    internal static string Singular(string words)
    {
        var split = BallerinaSyntax.Words(words);
        var last = split.Count > 0 ? split[^1] : string.Empty;
        string? singular = last switch
        {
            _ when last.Length > 3 && last.EndsWith("ies", StringComparison.OrdinalIgnoreCase) => last[..^3] + "y",
            _ when last.Length > 4 && (last.EndsWith("sses", StringComparison.OrdinalIgnoreCase) || last.EndsWith("xes", StringComparison.OrdinalIgnoreCase)
                || last.EndsWith("ches", StringComparison.OrdinalIgnoreCase) || last.EndsWith("shes", StringComparison.OrdinalIgnoreCase)) => last[..^2],
            _ when last.Length > 2 && last.EndsWith('s') && !last.EndsWith("ss", StringComparison.OrdinalIgnoreCase) => last[..^1],
            _ => null,
        };
        return singular is null ? words + " item" : string.Join(' ', split.Take(split.Count - 1).Append(singular));
    }

    internal static string Unique(string candidate, HashSet<string> taken)
    {
        var name = candidate;
        for (var i = 2; !taken.Add(name.TrimStart('\'')); i++)
        {
            name = candidate.TrimStart('\'') + i.ToString(CultureInfo.InvariantCulture);
        }

        return name;
    }
}
