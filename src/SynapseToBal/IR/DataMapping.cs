using System.Collections.Immutable;
using SynapseToBal.Syntax;

namespace SynapseToBal.IR;

/// <summary>The message formats a datamapper reads and writes that are translated.</summary>
public enum DataFormat
{
    Json,
    Xml,
}

/// <summary>
/// A datamapper's mapping (issue 10): record types made from its input and output schemas and a mapping function
/// made from its <c>.dmc</c> script, declared once per configuration key in <c>datamappers.bal</c>.
/// </summary>
/// <param name="Function">The mapping function, <c>function mapXToY(X input) returns Y|error</c>.</param>
/// <param name="ConfigKey">The <c>.dmc</c> registry key, named in the function's documentation.</param>
/// <param name="Input">The record type of the input schema's root.</param>
/// <param name="Output">The record type of the output schema's root.</param>
/// <param name="Records">Every record type the two schemas need, input first, each root before its nested records.</param>
/// <param name="Body">The output built by the function: a record constructor whose fields the script assigns.</param>
/// <param name="Statements">Script statements that assign no output field and are not translated (loops, variables, calls).</param>
public sealed record DataMappingIr(
    Symbol Function,
    string ConfigKey,
    string InputSchemaKey,
    string OutputSchemaKey,
    DataFormat InputFormat,
    DataFormat OutputFormat,
    Symbol Input,
    Symbol Output,
    ImmutableArray<MappedRecordIr> Records,
    MappedValueIr.Construct Body,
    ImmutableArray<string> Statements);

/// <summary>A record type of a data-mapper schema (a JSON object, or an XML element with children or attributes).</summary>
/// <param name="SchemaName">The object's name in the schema (its title, or its property name; <c>ns:name</c> for a prefixed XML element).</param>
/// <param name="Namespace">The XML namespace of the element, from the schema's <c>namespaces</c> (XML formats only).</param>
/// <param name="XmlName">The element's local name when it differs from the record's name (XML formats only).</param>
public sealed record MappedRecordIr(Symbol Name, string SchemaName, ImmutableArray<MappedFieldIr> Fields, MappedNamespaceIr? Namespace, string? XmlName);

/// <param name="Name">The field's name as the format writes it: the JSON member name, or the XML element's or attribute's local name.</param>
/// <param name="Attribute">An XML attribute (the schema's <c>attributes</c>).</param>
/// <param name="Text">The element's text (an XML element with attributes and a <c>value</c>): xmldata's <c>#content</c> field.</param>
public sealed record MappedFieldIr(string Name, MappedTypeIr Type, bool Optional, bool Attribute, bool Text, MappedNamespaceIr? Namespace);

public sealed record MappedNamespaceIr(string? Prefix, string Uri);

/// <summary>The type of a record field.</summary>
public abstract record MappedTypeIr
{
    private MappedTypeIr()
    {
    }

    /// <summary>string, int, decimal, boolean or json (a schema type without a fixed Ballerina form).</summary>
    public sealed record Primitive(string Name) : MappedTypeIr;

    public sealed record Record(Symbol Name) : MappedTypeIr;

    public sealed record ArrayOf(MappedTypeIr Item) : MappedTypeIr;
}

/// <summary>A value the mapping function gives an output field.</summary>
public abstract record MappedValueIr
{
    private MappedValueIr()
    {
    }

    /// <summary>A record constructor: the fields the script assigns, in the order of the schema.</summary>
    public sealed record Construct(ImmutableArray<MappedEntryIr> Entries) : MappedValueIr;

    /// <summary>An input field read one-to-one: the path of field names from the input record (<c>input.a.b</c>).</summary>
    /// <param name="FirstOptional">
    /// The index in <paramref name="Path"/> of the first optional input field, or -1 when the input always has the value.
    /// An optional input field copied into an optional output field is copied only when present (read with <c>?.</c>):
    /// the data mapper's JavaScript assigns <c>undefined</c>, and a member whose value is undefined is not written.
    /// </param>
    public sealed record FromInput(ImmutableArray<string> Path, int FirstOptional = -1) : MappedValueIr;

    /// <summary>
    /// A string joined from input strings and literals, as the script's <c>a.concat(b, ...)</c> does: every part is a
    /// <see cref="FromInput"/> of a string field the input always has, or a <see cref="Text"/>.
    /// </summary>
    public sealed record Concat(ImmutableArray<MappedValueIr> Parts) : MappedValueIr;

    /// <summary>A string literal of the script.</summary>
    public sealed record Text(string Value) : MappedValueIr;

    /// <summary>A value the script computes in a way that is not translated: it fails at run time until written.</summary>
    /// <param name="Statement">The script's statement, as written.</param>
    /// <param name="IsString">The field is a string (<c>notTranslated</c> gives one; other types go through <c>ensureType</c>).</param>
    public sealed record NotTranslated(string Statement, bool IsString) : MappedValueIr;
}

/// <param name="Todos">The script statements the value stands for when not translated, as TODO lines above the field.</param>
public sealed record MappedEntryIr(string Field, MappedValueIr Value, ImmutableArray<string> Todos);

/// <summary>
/// A datamapper mediator: the payload read as the input record (JSON with <c>cloneWithType</c>, the body's first element
/// with <c>xmldata:parseAsType</c>), mapped, and written back as the body in the output format with its content type.
/// </summary>
public sealed record DataMapperStep(MediatorSyntax Origin, DataMappingIr Mapping) : StepIr(Origin);
