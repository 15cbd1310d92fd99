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
    /// <param name="OfItem">
    /// The path starts at the element of the enclosing <see cref="ArrayMap"/> (the script's <c>inputX.items[i_items]</c>),
    /// not at the input record; an empty path is the element itself.
    /// </param>
    public sealed record FromInput(ImmutableArray<string> Path, int FirstOptional = -1, bool OfItem = false) : MappedValueIr
    {
        /// <summary>
        /// A number field copied into a number field of an XML output: written as the data mapper's XML writer prints the
        /// JavaScript number the script engine hands it (<see cref="MappedFunction.NumberDecimal"/>: JSON.parse reads
        /// <c>5.0</c> as the number 5, which GraalJS hands over as the Integer 5, printed <c>5</c>).
        /// </summary>
        public bool AsNumber { get; init; }
    }

    /// <summary>
    /// An output array with one element per element of an input array, in order: the script's
    /// <c>for (i_x in inputX.items) { outputY.list[count_i_x] = ...; count_i_x++; }</c>, whose every statement fills the
    /// element of that iteration. <see cref="FromInput.OfItem"/> reads in <paramref name="Element"/> read the input element.
    /// </summary>
    /// <param name="Source">The input array's path from the input record.</param>
    /// <param name="FirstOptional">The index in <paramref name="Source"/> of the first optional field, or -1: an absent array gives no element (JavaScript's for-in over undefined runs no iteration).</param>
    /// <param name="ElementType">The output array's element type.</param>
    /// <param name="Element">The value of each output element.</param>
    public sealed record ArrayMap(ImmutableArray<string> Source, int FirstOptional, MappedTypeIr ElementType, MappedValueIr Element) : MappedValueIr
    {
        /// <summary>
        /// The MI 4.4 form <c>input.items.map(item =&gt; ...)</c>: JavaScript's Array.prototype.map called on an absent
        /// array (undefined) throws a TypeError, so the mapping fails where the array is optional and absent.
        /// </summary>
        public bool MapCall { get; init; }
    }

    /// <summary>
    /// A string method of the script applied to a string (<c>x.toUpperCase()</c>): <paramref name="Arguments"/> are the
    /// receiver and then the method's own arguments, each a string or an <see cref="Integer"/>.
    /// </summary>
    public sealed record Call(MappedFunction Function, ImmutableArray<MappedValueIr> Arguments) : MappedValueIr;

    /// <summary>
    /// An input string field the script calls a method on, which the input may not have: JavaScript throws a TypeError
    /// for a method called on undefined, so the mapping fails when it is absent.
    /// </summary>
    public sealed record Required(FromInput Read) : MappedValueIr;

    /// <summary>An integer constant of the script (a literal, or a sum or product of literals, folded).</summary>
    public sealed record Integer(long Value) : MappedValueIr;

    /// <summary>
    /// <c>+</c>, <c>-</c> or <c>*</c> of two integers (int fields the input always has, integer constants, or such
    /// operations): JavaScript computes in doubles, which give the same integer while the values stay within 2^53.
    /// Or <c>+ - * /</c> of two floats (JavaScript numbers: <see cref="MappedFunction.ToFloat"/> of a field,
    /// <see cref="MappedFunction.Number"/>, a Math function, <see cref="Float"/>), which Ballerina computes as
    /// JavaScript does (IEEE doubles, division by zero an infinity).
    /// </summary>
    public sealed record Arithmetic(char Operator, MappedValueIr Left, MappedValueIr Right) : MappedValueIr;

    /// <summary>
    /// A string joined from strings, as the script's <c>a.concat(b, ...)</c> or <c>a + b</c> does: every part is a string
    /// value that is always there (a <see cref="FromInput"/> of a string field the input always has, a <see cref="Text"/>,
    /// a <see cref="Call"/>, a <see cref="Required"/> receiver).
    /// </summary>
    public sealed record Concat(ImmutableArray<MappedValueIr> Parts) : MappedValueIr;

    /// <summary>A string literal of the script.</summary>
    public sealed record Text(string Value) : MappedValueIr;

    /// <summary>
    /// A JavaScript number (an IEEE double, Ballerina's float) the script writes as a literal with a fraction
    /// (<c>1.5</c>), or an integer literal the script combines with such numbers.
    /// </summary>
    public sealed record Float(double Value) : MappedValueIr;

    /// <summary>A value the script computes in a way that is not translated: it fails at run time until written.</summary>
    /// <param name="Statement">The script's statement, as written.</param>
    /// <param name="IsString">The field is a string (<c>notTranslated</c> gives one; other types go through <c>ensureType</c>).</param>
    public sealed record NotTranslated(string Statement, bool IsString) : MappedValueIr;
}

/// <summary>
/// The JavaScript string methods and number functions a mapping translates, each by a runtime helper (or a langlib
/// function) that does what JavaScript does or fails, and the conversions of a JavaScript number into an output field.
/// </summary>
public enum MappedFunction
{
    /// <summary><c>toUpperCase()</c>: Java's <c>String.toUpperCase(Locale.ROOT)</c>, as the JavaScript engines do.</summary>
    UpperCase,

    /// <summary><c>toLowerCase()</c>: Java's <c>String.toLowerCase(Locale.ROOT)</c>.</summary>
    LowerCase,

    /// <summary><c>trim()</c>: JavaScript's white space and line terminators at both ends.</summary>
    Trim,

    /// <summary><c>substring(start[, end])</c>: indices clamped to the string and swapped when reversed; a string with characters outside the BMP fails (JavaScript counts UTF-16 units).</summary>
    Substring,

    /// <summary><c>replace('text', 'text')</c>: the first occurrence of a literal text, the replacement without <c>$</c> patterns.</summary>
    Replace,

    /// <summary>An int or decimal field read as a JavaScript number (<c>&lt;float&gt;x</c>; JSON.parse gives the data mapper doubles).</summary>
    ToFloat,

    /// <summary><c>Number(text)</c>: JavaScript's ToNumber of a string (<c>dataMapperNumber</c>: blank is 0, a text that is not a numeric literal NaN).</summary>
    Number,

    /// <summary><c>Math.floor(x)</c> (<c>float:floor</c>, IEEE).</summary>
    Floor,

    /// <summary><c>Math.ceil(x)</c> (<c>float:ceiling</c>, IEEE).</summary>
    Ceil,

    /// <summary><c>Math.round(x)</c>: half toward +Infinity, -0 kept (<c>dataMapperRound</c>; float:round rounds half to even).</summary>
    Round,

    /// <summary><c>Math.abs(x)</c> (<c>float:abs</c>, IEEE).</summary>
    Abs,

    /// <summary><c>Math.max(a, b)</c>: Java's Math.max, which is JavaScript's (NaN wins, +0 above -0).</summary>
    Max,

    /// <summary><c>Math.min(a, b)</c>: Java's Math.min.</summary>
    Min,

    /// <summary>A JavaScript number into a string field of an XML output, as the data mapper's XMLWriter prints what the engine hands it (<c>dataMapperNumberText</c>).</summary>
    NumberText,

    /// <summary>A JavaScript number into an integer field (<c>dataMapperInteger</c>: an integral value within 32 bits, else an error).</summary>
    NumberInteger,

    /// <summary>A JavaScript number into a number field (<c>dataMapperDecimal</c>: the value the data mapper's writer prints, else an error).</summary>
    NumberDecimal,

    /// <summary><c>text.length</c>: <c>string:length</c>, which counts characters (JavaScript counts UTF-16 units: a character outside the BMP counts two there).</summary>
    Length,
}

/// <param name="Todos">The script statements the value stands for when not translated, as TODO lines above the field.</param>
public sealed record MappedEntryIr(string Field, MappedValueIr Value, ImmutableArray<string> Todos);

/// <summary>
/// A datamapper mediator: the payload read as the input record (JSON with <c>cloneWithType</c>, the body's first element
/// with <c>xmldata:parseAsType</c>), mapped, and written back as the body in the output format with its content type.
/// </summary>
public sealed record DataMapperStep(MediatorSyntax Origin, DataMappingIr Mapping) : StepIr(Origin);
