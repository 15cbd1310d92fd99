using System.Text.RegularExpressions;
using SynapseToBal.IR;

namespace SynapseToBal.Refine;

/// <summary>A default-scope property that stays in the context as a typed field of the package's <c>Properties</c> record.</summary>
/// <param name="Property">The property name, exactly.</param>
/// <param name="Field">The field's identifier (<see cref="BallerinaSyntax.FieldName"/>: the name escaped, never changed).</param>
/// <param name="Kind">The type every write of the property has: <c>int</c>, <c>boolean</c>, <c>float</c> or <c>string</c>.</param>
public sealed record PropertyField(string Property, string Field, ValueKind Kind)
{
    /// <summary>The Ballerina type of the field (optional, so its value may be absent).</summary>
    public string TypeName => Kind switch
    {
        ValueKind.Integer => "int",
        ValueKind.Boolean => "boolean",
        ValueKind.Float => "float",
        ValueKind.String => "string",
        _ => throw new InvalidOperationException($"No field of kind {Kind}."),
    };
}

/// <summary>
/// The typed fields of the package's <c>Properties</c> record (issue 14, docs/design.md "Properties that stay in the
/// context: the typed Properties record"); empty when no property qualifies, and the context keeps <c>map&lt;anydata&gt;</c>.
/// </summary>
public sealed class PropertyRecord
{
    private readonly Dictionary<string, PropertyField> _byProperty;

    internal PropertyRecord(IReadOnlyList<PropertyField> fields, bool anyWriter = false)
    {
        Fields = fields;
        AnyWriter = anyWriter;
        _byProperty = fields.ToDictionary(f => f.Property, StringComparer.Ordinal);
    }

    public static PropertyRecord Empty { get; } = new([]);

    /// <summary>The record of a package where something may write any property (<see cref="AnyWriter"/>): empty.</summary>
    internal static PropertyRecord Untyped { get; } = new([], anyWriter: true);

    /// <summary>
    /// Something in the package may write a property of any name with any value (a class or script TODO, a computed
    /// name), so no property is typed, whatever else the package holds.
    /// </summary>
    public bool AnyWriter { get; }

    /// <summary>The fields, ordered by property name (ordinal), so the record does not depend on the order of the input files.</summary>
    public IReadOnlyList<PropertyField> Fields { get; }

    public bool IsEmpty => Fields.Count == 0;

    /// <summary>The typed field of a default-scope property, or null when the property is in the record's <c>anydata</c> rest.</summary>
    public PropertyField? this[string property] => _byProperty.GetValueOrDefault(property);
}

public static partial class PropertyLocalAnalysis
{
    /// <summary>
    /// Which default-scope properties get a typed field of the <c>Properties</c> record (design rule 1). A property
    /// qualifies only when:
    /// <list type="bullet">
    /// <item>it is not a name the runtime, Synapse or the Micro Integrator give a meaning to (<see cref="IsSystem"/>: they are written by name, by the runtime too);</item>
    /// <item>nothing in the package may write a property by a computed name or hand the context to user code: a computed
    /// property name, a TODO for a class, script or other hand-written mediator (SB0231), or such a mediator or a
    /// computed name in the original XML of a TODO or of an artifact left as a TODO (<see cref="Facts.Writer"/>);</item>
    /// <item>every write of the name anywhere in the package is a plain set (<see cref="SetPropertyStep"/>, no value
    /// stored as it is, no removal) whose value is exactly an <c>int</c>, <c>boolean</c>, <c>float</c> or <c>string</c>,
    /// all of one kind, and at least one of them writes the context (not a typed local);</item>
    /// <item>no other IR string names it (an enrich, xslt, db, cache or aggregate target, a connector's result property,
    /// a removal: a runtime helper handed the name may write any value) and no text does (the original XML of a TODO or
    /// of an untranslated artifact, an untranslated expression);</item>
    /// <item>with a Kafka inbound endpoint, whose records' headers become string properties of any name, it is a string;</item>
    /// <item>it has a field name (not empty, not <c>_</c>).</item>
    /// </list>
    /// Anything else stays in the record's <c>anydata</c> rest, where it was.
    /// </summary>
    private static PropertyRecord RecordOf(PackageIr package, List<object> bodies, List<Facts> facts, Facts outside, PropertyLocals locals)
    {
        var all = facts.Append(outside).ToList();
        if (all.Any(f => f.Writer))
        {
            return PropertyRecord.Untyped;
        }

        var headersAsProperties = package.Inbounds.Any(i => i.Transport is InboundTransportIr.Kafka);
        var fields = new List<PropertyField>();
        foreach (var property in all.SelectMany(f => f.Sets.Select(g => g.Key)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            if (IsSystem(property) || BallerinaSyntax.FieldName(property) is not { } field)
            {
                continue;
            }

            var writes = all.SelectMany(f => f.Sets[property]).ToList();
            var kinds = writes.Select(w => w is SetPropertyStep ? LocalKind(w) : null).Distinct().ToList();
            if (kinds is not [ValueKind.Integer or ValueKind.Boolean or ValueKind.Float or ValueKind.String] || all.Any(f => f.Mentioned(property)))
            {
                continue;
            }

            var kind = kinds[0]!.Value;
            if (headersAsProperties && kind != ValueKind.String)
            {
                continue;
            }

            // At least one write goes to the context: a property every body keeps as a typed local needs no field.
            var toContext = outside.Sets.Contains(property)
                || bodies.Select((body, i) => (body, i)).Any(b => facts[b.i].Sets.Contains(property) && locals.For(b.body)[property] is null);
            if (toContext)
            {
                fields.Add(new PropertyField(property, field, kind));
            }
        }

        return new PropertyRecord(fields);
    }

    /// <summary>
    /// Original XML that may write a property of any name with any value: a property or other mediator whose name is
    /// computed (<c>name="{...}"</c>), or a mediator that runs user code or a product outside the flow (the SB0231
    /// mediators of <c>Lowering/Mediators/HandWritten.cs</c>: class, script, POJO, bean, EJB, Spring, XQuery, Smooks,
    /// data mapper, data service call, the security, analytics and rule mediators, and the retired Synapse ones).
    /// </summary>
    [GeneratedRegex(@"\bname\s*=\s*[""']\s*\{|<(?:[\w.-]+:)?(?:class|script|pojoCommand|bean|ejb|spring|xquery|smooks|datamapper|dataServiceCall|entitlementService|oauthService|kerberos|ntlm|publishEvent|bam|event|eventPublisher|rule|ruleMediator|opa|builder|sampler|enqueue|router)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DynamicWrite();
}
