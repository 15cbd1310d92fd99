using System.Collections.Immutable;
using SynapseToBal.Syntax;

namespace SynapseToBal.IR;

/// <summary>The type of a value in the IR.</summary>
public enum ValueKind
{
    String,
    Integer,
    Float,
    Boolean,
    Xml,
    Json,
}

/// <summary>A value computed at run time, of type <see cref="Kind"/> (a string unless the node says otherwise).</summary>
public abstract record ExprIr
{
    private protected ExprIr()
    {
    }

    public virtual ValueKind Kind => ValueKind.String;
}

public sealed record StringLiteralIr(string Value) : ExprIr
;

/// <summary>A number written in the input, as a decimal numeral (<c>5</c>, <c>-2.5</c>, <c>1e3</c>), of type integer or float.</summary>
public sealed record NumberLiteralIr(string Text, ValueKind NumberKind) : ExprIr
{
    public override ValueKind Kind => NumberKind;
}

public sealed record BooleanLiteralIr(bool Value) : ExprIr
{
    public override ValueKind Kind => ValueKind.Boolean;
}

/// <summary>An explicit conversion of a string to another type, as Synapse applies a property's <c>type</c> (fails when the text is not one).</summary>
public sealed record ConvertIr(ExprIr Operand, ValueKind To) : ExprIr
{
    public override ValueKind Kind => To;
}

/// <summary>A local entry's value (xml entries are read as their text where a string is needed).</summary>
public sealed record LocalEntryReadIr(Symbol Entry, bool IsXml) : ExprIr;

/// <summary>Which of Synapse's property maps a property lives in.</summary>
public enum PropertyScope
{
    /// <summary>The message context's own properties (default scope, <c>$ctx:</c>).</summary>
    Default,

    /// <summary>Axis2-scope properties that only hold data: one direction only (a call's response starts without them).</summary>
    Axis2,

    /// <summary>
    /// Operation scope: the Axis2 operation context, one map shared by the message, every copy a clone or iterate makes
    /// of it (MessageHelper.cloneMessageContext keeps the operation context) and its response.
    /// </summary>
    Operation,
}

/// <summary>A property (<c>get-property('x')</c>, <c>$ctx:x</c>, <c>$axis2:x</c>, <c>get-property('operation','x')</c>).</summary>
/// <param name="Fallback">The local entry read when no such default-scope property is set, as get-property does.</param>
public sealed record PropertyReadIr(string Name, LocalEntryReadIr? Fallback = null) : ExprIr
{
    /// <summary>The map the property is read from.</summary>
    public PropertyScope Scope { get; init; }

    /// <summary>
    /// An MI 4.4 <c>props.synapse.x</c>, <c>props.axis2.x</c> or <c>params.queryParams.x</c> inside a larger <c>${...}</c>:
    /// fails for a property that is not set (HeadersAndPropertiesAccessNode: "Could not fetch the value of the key: x"),
    /// which fails the whole expression. It reads no local entry (EvaluationContext.getProperty is the message's map only).
    /// </summary>
    public bool Required { get; init; }

    /// <summary>
    /// Read as an XPath function's string argument (Jaxen's string() of the property's object): XML gives the string
    /// value of its first node (an element's descendant text), a DOUBLE-typed value prints as XPath prints a number
    /// ("12", not Java's "12.0"), where a whole-expression read prints the object as SynapseXPath.stringValueOf does.
    /// </summary>
    public bool XPathString { get; init; }
}

/// <summary>An MI 4.4 variable (<c>${vars.x}</c>, <c>$var:x</c>).</summary>
public sealed record VariableReadIr(string Name) : ExprIr
{
    /// <summary>A JSONPath inside the variable (<c>${vars.x.payload.id}</c> is <c>$.payload.id</c>), or null for the whole variable.</summary>
    public string? Path { get; init; }

    /// <summary>
    /// An MI 4.4 read inside a larger <c>${...}</c> that fails for a variable that is not set
    /// (PayloadAccessNode: "Variable x is not defined"), which fails the whole expression.
    /// </summary>
    public bool Required { get; init; }
}

/// <summary>A parameter of the generated function or resource: a path parameter (<c>uri.var.x</c> inside its resource) or a template parameter.</summary>
public sealed record ParameterReadIr(Symbol Parameter) : ExprIr
;

/// <summary>An HTTP header (<c>$trp:x</c>, <c>get-property('transport','x')</c>).</summary>
public sealed record HeaderReadIr(string Name) : ExprIr
{
    /// <summary>
    /// An MI 4.4 <c>headers.x</c> inside a larger <c>${...}</c>: fails for a header the message does not carry
    /// (HeadersAndPropertiesAccessNode: "Could not fetch the value of the key: x"), which fails the whole expression.
    /// </summary>
    public bool Required { get; init; }
}

/// <summary>A well-known message attribute kept in a typed field of the context.</summary>
public sealed record ContextFieldIr(ContextField Field) : ExprIr
;

public enum ContextField
{
    StatusCode,
    ContentType,

    /// <summary>Synapse's axis2 <c>messageType</c>: the content type without its parameters (read); written, it is the content type.</summary>
    MessageType,
    Method,
    UrlPostfix,

    /// <summary>The WS-Addressing To: where an endpoint-less send or call goes (Synapse <c>To</c>).</summary>
    To,

    /// <summary>
    /// The message's SOAP action, which Axis2 keeps apart from the transport headers (its options' action: Synapse
    /// <c>Action</c>, setWSAAction, setSoapAction); the backend gets it as the SOAPAction header.
    /// </summary>
    Action,
}

/// <summary><c>json-eval(path)</c> as Synapse stringifies it.</summary>
public sealed record JsonEvalIr(string Path) : ExprIr
{
    /// <summary>
    /// An MI 4.4 <c>${payload}</c> or <c>${$}</c> (the whole payload): SynapseExpression.evaluateExpressionForPayload
    /// evaluates it as <c>xpath('$body')</c> when the message's content type holds "xml", so its text is then the SOAP
    /// Body element's, not a JSON rendering.
    /// </summary>
    public bool BodyWhenXml { get; init; }

    /// <summary>
    /// An MI 4.4 <c>${payload.a.b}</c> (PayloadAccessNode), not EI 6.x <c>json-eval</c>: its text is "" for a JSON null
    /// (PayloadAccessNode unboxes Gson's JsonNull to null) where json-eval prints "null", and a payload that is not JSON
    /// fails the mediator.
    /// </summary>
    public bool Synapse { get; init; }

    /// <summary>
    /// An MI 4.4 payload path inside a larger expression (<c>${payload.a == ''}</c>, <c>${payload.a + 'x'}</c>): a path
    /// that is not there fails the whole expression (PayloadAccessNode turns Jayway's PathNotFoundException into an
    /// EvaluationException), and a JSON null is Java's null, which BinaryOperationNode compares as null with
    /// <c>==</c> and <c>!=</c> and refuses in any other operation ("Null inputs for ..."). A whole <c>${payload.a}</c>
    /// is not required: its failure and its null both give "".
    /// </summary>
    public bool Required { get; init; }
}

/// <summary>XML navigation from the SOAP Body: steps select child elements (or descendants).</summary>
public sealed record XmlNavigationIr(ImmutableArray<XmlStepIr> Steps, bool TextOnly) : ExprIr
{
    /// <summary>
    /// The default-scope property whose XML the steps start from (the envelope of
    /// <c>get-property('FOREACH_ORIGINAL_MESSAGE')//...</c>); null for the SOAP body.
    /// </summary>
    public string? RootProperty { get; init; }

    /// <summary>
    /// The variable whose XML the steps start from (MI 4.4 <c>xpath('/a/b', 'name')</c>, the XPath <c>$var:name/a/b</c>,
    /// of a variable every variable mediator sets with type="XML"); null for the SOAP body.
    /// </summary>
    public string? RootVariable { get; init; }

    /// <summary>True when the steps start from the SOAP Header element (<c>$header/...</c>); null for the body.</summary>
    public bool? FromHeader { get; init; }

    /// <summary>
    /// True when the navigation starts from the SOAP envelope itself (the message's own, not a copy): <c>//text()</c>
    /// alone (with no steps and <see cref="DescendantText"/>), every text node of the envelope, its header's among them,
    /// in document order; an absolute path whose first step is <c>//a</c>, which finds the header blocks as well as the
    /// body's elements; or a relative path (<c>null</c>, <c>order/id</c>), whose steps start at the envelope element's
    /// children; null for the body.
    /// </summary>
    public bool? FromEnvelope { get; init; }

    /// <summary>
    /// The SOAP envelope namespace a path written from <c>//soapenv:Envelope/soapenv:Body</c> or <c>//soapenv:Body</c>
    /// names: the steps start at the body only in a message of that SOAP version (Jaxen matches the namespace exactly);
    /// null for a path that starts at the body whatever the version.
    /// </summary>
    public string? EnvelopeNamespace { get; init; }

    /// <summary>
    /// True for a path ending in <c>//text()</c> (with <see cref="XmlNavigationIr.TextOnly"/>): the text children of the
    /// selected elements and of every element below them, in document order; null for text children only.
    /// </summary>
    public bool? DescendantText { get; init; }

    /// <summary>
    /// The position of a path ending in <c>text()[n]</c> (with <see cref="XmlNavigationIr.TextOnly"/>): of each selected
    /// element, only its n-th text child (XPath 1.0 §2.4: the child axis counts in document order, per context node);
    /// null for every text child.
    /// </summary>
    public int? TextPosition { get; init; }
}

/// <param name="Prefix">Namespace prefix as written, or null.</param>
/// <param name="Descendant">True for a <c>//</c> step.</param>
public sealed record XmlStepIr(string? Prefix, string? NamespaceUri, string LocalName, bool Descendant)
{
    /// <summary>The step's predicates, applied in order (XPath 1.0 §2.4): tests first, at most one positional predicate last.</summary>
    public ImmutableArray<XmlPredicateIr> Predicates { get; init; } = [];

    /// <summary>True for <c>node()</c>: every child node (elements, text, comments), not only elements; only as the last step. Null otherwise.</summary>
    public bool? AllNodes { get; init; }

    /// <summary>
    /// An axis that reads the context element's parent (XPath 1.0 §2.2), only as the first step of a predicate's
    /// <see cref="XmlRelativeIr"/>: the step takes the parent or the siblings instead of the children. Null for the child
    /// (or, with <see cref="Descendant"/>, descendant) axis.
    /// </summary>
    public XmlAxis? Axis { get; init; }
}

/// <summary>The axes of a predicate's relative path that start from the context element's parent.</summary>
public enum XmlAxis
{
    /// <summary><c>parent::</c>, <c>..</c>: the parent element.</summary>
    Parent,

    /// <summary><c>following-sibling::</c>: the sibling elements after the context element, in document order.</summary>
    FollowingSibling,

    /// <summary><c>preceding-sibling::</c>: the sibling elements before the context element, in document order.</summary>
    PrecedingSibling,
}

/// <summary>An XPath predicate of a location step (XPath 1.0 §2.4).</summary>
public abstract record XmlPredicateIr
{
    private protected XmlPredicateIr()
    {
    }

    /// <summary><c>[n]</c>, <c>[position()=n]</c>: the n-th (1-based) node the step selects from each context node.</summary>
    public sealed record Position(int Index) : XmlPredicateIr;

    /// <summary><c>[last()]</c>: the last node the step selects from each context node.</summary>
    public sealed record Last : XmlPredicateIr;

    /// <summary>A test of each selected element: its operands are <see cref="XmlRelativeIr"/> node-sets and literals.</summary>
    public sealed record Test(ConditionIr Condition) : XmlPredicateIr;
}

/// <summary>Nodes relative to a predicate's context element: itself (no steps), child steps, an attribute, or text children.</summary>
public sealed record XmlRelativeIr(ImmutableArray<XmlStepIr> Steps, XmlAttributeIr? Attribute, bool TextOnly) : ExprIr;

/// <summary>An attribute name test: an expanded name (<paramref name="NamespaceUri"/>, <paramref name="LocalName"/>).</summary>
public sealed record XmlAttributeIr(string? Prefix, string? NamespaceUri, string LocalName);

/// <summary>The attributes of the selected elements (<c>//a/@id</c>): a node-set of attribute values.</summary>
public sealed record XmlAttributeReadIr(XmlNavigationIr Elements, XmlAttributeIr Attribute) : ExprIr;

public sealed record ConcatIr(ImmutableArray<ExprIr> Parts) : ExprIr
;

/// <summary>A number computed from other values: <c>count(nodes)</c> or <c>string-length(s)</c>.</summary>
public sealed record CountIr(ExprIr Operand, bool Nodes) : ExprIr
;

/// <summary>Values Synapse computes itself: get-property('SYSTEM_TIME'), ('MessageID'), ... (SYSTEM_DATE is Builtin.FormatSystemDate).</summary>
public sealed record SystemValueIr(SystemValue Value) : ExprIr
;

public enum SystemValue
{
    /// <summary>Epoch milliseconds.</summary>
    Time,

    /// <summary>The message's id.</summary>
    MessageId,

    /// <summary>The To address: for a request to an API, its path and query.</summary>
    To,

    /// <summary>The SOAP action (Synapse <c>Action</c>): the SOAPAction header without its quotes.</summary>
    Action,

    /// <summary>The WS-Addressing ReplyTo address Axis2's AddressingInHandler read from the envelope when the message was built.</summary>
    ReplyTo,

    /// <summary>The WS-Addressing FaultTo address, read as <see cref="ReplyTo"/> is.</summary>
    FaultTo,

    /// <summary>Synapse's MESSAGE_FORMAT of a request: pox, soap11 or soap12.</summary>
    MessageFormat,

    /// <summary>
    /// The Axis2 operation a proxy's service dispatched the request to by its published WSDL (get-property('OperationName')).
    /// </summary>
    OperationName,

    /// <summary>
    /// get-property('SERVER_IP'): the property when the message has one, else the local entry the Micro Integrator
    /// registers at start-up with the server's IP address.
    /// </summary>
    ServerIp,

    /// <summary>get-property('SERVER_HOST'): as <see cref="ServerIp"/>, with the server's host name.</summary>
    ServerHost,
}

/// <summary>
/// A call of a function with an exact Ballerina meaning (see <c>Lowering/Builtins.cs</c> for the signature table):
/// the arguments are already converted to the kinds the function takes, the result is of <see cref="Kind"/>.
/// </summary>
public sealed record BuiltinCallIr(Builtin Function, ImmutableArray<ExprIr> Arguments, ValueKind ResultKind) : ExprIr
{
    public override ValueKind Kind => ResultKind;
}

/// <summary>The functions <see cref="BuiltinCallIr"/> calls; each renders as plain Ballerina or one runtime helper.</summary>
public enum Builtin
{
    /// <summary>XPath number(s): the float a string denotes, NaN when it is not an XPath number.</summary>
    XPathNumber,

    /// <summary>XPath string(n) of a number: integers without a fraction, NaN, Infinity.</summary>
    XPathNumberString,

    /// <summary>XPath sum(nodes): the sum of number(string value) of each node.</summary>
    XPathSum,

    /// <summary>XPath substring(s, start, length?) with XPath's rounding (1-based).</summary>
    XPathSubstring,

    SubstringBefore,
    SubstringAfter,
    NormalizeSpace,

    /// <summary>XPath translate(s, from, to).</summary>
    Translate,

    /// <summary>MI 4.4 toUpper: Java's String.toUpperCase() (every Unicode letter, default locale).</summary>
    UpperCase,

    /// <summary>MI 4.4 toLower: Java's String.toLowerCase() (every Unicode letter, default locale).</summary>
    LowerCase,

    /// <summary>XPath upper-case (Jaxen's UpperFunction without a locale argument): Java's String.toUpperCase(Locale.ENGLISH).</summary>
    XPathUpperCase,

    /// <summary>XPath lower-case (Jaxen's LowerFunction without a locale argument): Java's String.toLowerCase(Locale.ENGLISH).</summary>
    XPathLowerCase,

    /// <summary>
    /// The ASCII lower case of a text, for Boolean.parseBoolean's <c>"true".equalsIgnoreCase(s)</c>: no letter outside
    /// ASCII folds to t, r, u or e, so comparing the ASCII lower case with "true" is the same test.
    /// </summary>
    AsciiLowerCase,

    /// <summary>XPath round(x): floor(x + 0.5), NaN stays NaN.</summary>
    XPathRound,
    Floor,
    Ceiling,

    /// <summary>The string length in characters (an integer).</summary>
    Length,
    Trim,

    /// <summary>MI subString(s, start, end?): Java's 0-based substring.</summary>
    Substring,

    /// <summary>MI replace(s, target, replacement): every occurrence, literally.</summary>
    ReplaceAll,

    /// <summary>MI indexOf(s, t): 0-based, -1 when absent.</summary>
    IndexOf,

    /// <summary>MI charAt(s, i): the character at a 0-based index.</summary>
    CharAt,
    Abs,
    Sqrt,
    Power,

    /// <summary>MI round(x): Java Math.round, half up, an integer.</summary>
    RoundHalfUp,
    Base64Encode,
    Base64Decode,

    /// <summary>Unary minus.</summary>
    Negate,

    /// <summary>XPath string(node-set) (XPath 1.0 §4.2): the string value of the first node, "" for an empty set.</summary>
    XPathStringValue,

    /// <summary>XPath local-name(node-set) (XPath 1.0 §4.1) of an element navigation.</summary>
    XPathLocalName,

    /// <summary>XPath namespace-uri(node-set) (XPath 1.0 §4.1) of an element navigation.</summary>
    XPathNamespaceUri,

    /// <summary>MI 4.4 urlEncode(s): Java's URLEncoder (UTF-8) with '+' as %20 and '*' as %2A.</summary>
    UrlEncode,

    /// <summary>MI 4.4 urlDecode(s): Java's URLDecoder (UTF-8).</summary>
    UrlDecode,

    /// <summary>MI 4.4 now(): epoch milliseconds (an integer).</summary>
    NowMillis,

    /// <summary>
    /// The string a JSON path of the payload holds, as an MI 4.4 string function takes its argument (the path is a
    /// string literal): anything but a JSON string is an error, as the function fails on it in the Micro Integrator.
    /// </summary>
    JsonString,

    /// <summary>The same for an MI 4.4 variable (the name is a string literal).</summary>
    VariableString,

    /// <summary>
    /// json-eval over a property's value (<c>$ctx:x.a</c>, SynapseJsonPath.stringValueOf(String)): the text (first
    /// argument) read as a JSON document and a simple JSONPath (a string literal) evaluated on it; a string as its
    /// text, a JSON null as "null", anything else as JSON text. Text that is not JSON, an empty text and a path that
    /// is not there are errors (Jayway throws there, and nothing catches it).
    /// </summary>
    JsonEvalText,

    /// <summary>
    /// A property's pattern/group: group n of a whole-string match of a Ballerina regular expression (a string
    /// literal checked at conversion time); "" when the value does not match, or the group does not exist or took
    /// part in no match (Synapse sets null, which reads as an empty string).
    /// </summary>
    RegexGroup,

    /// <summary>
    /// get-property('SYSTEM_DATE', format): the current time in the system time zone, formatted by a Java
    /// SimpleDateFormat pattern the converter checked and split (string literal arguments: a field's letters, or a
    /// literal text after a quote).
    /// </summary>
    FormatSystemDate,

    /// <summary>
    /// MI 4.4 formatDateTime(source, inputFormat, outputFormat): the source parsed with the first java.time pattern
    /// and written with the second (both checked and split by the converter, numeric fields only). Arguments: the
    /// source, the number of input parts (an integer literal), the input parts, then the output parts.
    /// </summary>
    FormatDateTime,

    /// <summary>
    /// The string Synapse stores for a whole XPath expression whose result is a number: Jaxen gives a Double and
    /// SynapseXPath.stringValueOf appends its toString, so it is Java's Double.toString ("2.0", "1.5", "1.0E7"),
    /// not XPath's string() ("2"), which applies inside an expression.
    /// </summary>
    JavaDoubleString,

    /// <summary>
    /// A property's INTEGER or SHORT type applied to an expression's string (PropertyMediator.parseInteger): a value
    /// with a "." is read as a double and cast as Java casts ("2.0" is 2, "-2.7" is -2), anything else parsed as an integer.
    /// </summary>
    PropertyInteger,

    /// <summary>
    /// A property's or variable's BOOLEAN type applied to an expression's string (PropertyMediator.convertValue,
    /// Utils.convertValue): Axis2's JavaUtils.isTrueExplicitly, "true" or "yes" in any case, or "1".
    /// </summary>
    PropertyBoolean,

    /// <summary>
    /// A property's JSON type applied to a string (PropertyMediator.buildJSONElement): parsed leniently, else read as
    /// a JSON string, else null with an error logged; it never fails.
    /// </summary>
    PropertyJson,

    /// <summary>get-property('env', name): the process environment variable (System.getenv), "" when it is not set.</summary>
    EnvironmentVariable,

    /// <summary>MI 4.4 log(x): Math.log10(x).</summary>
    Log10,

    /// <summary>MI 4.4 log(x, base): Math.log(x) / Math.log(base).</summary>
    LogBase,

    /// <summary>
    /// The JSON value at a simple path of the payload (a string literal), of kind <see cref="ValueKind.Json"/>, as an
    /// MI 4.4 function takes its argument: a missing path or a JSON null is an error (PayloadAccessNode fails on a
    /// missing path, PredefinedFunctionNode.checkArguments on null).
    /// </summary>
    PayloadJson,

    /// <summary>MI 4.4 isString(x) of a JSON value (ExpressionResult.isString): a JSON string.</summary>
    IsString,

    /// <summary>MI 4.4 isNumber(x) of a JSON value: a JSON number (Gson's LazilyParsedNumber is an integer or a double).</summary>
    IsNumber,

    /// <summary>MI 4.4 isArray(x) of a JSON value: an array, or a string whose text parses as one (ExpressionResult.isArray).</summary>
    IsArray,

    /// <summary>MI 4.4 isObject(x) of a JSON value: an object, or a string whose text parses as one (ExpressionResult.isObject).</summary>
    IsObject,

    /// <summary>MI 4.4 exists(payload path): the path is there and not null (the path is a string literal).</summary>
    PayloadExists,

    /// <summary>MI 4.4 exists(vars.x): the variable is set and not null (the name is a string literal).</summary>
    VariableExists,

    /// <summary>MI 4.4 exists(headers.x) / exists(headers["x"]): the message carries the transport header (the name is a string literal).</summary>
    HeaderExists,

    /// <summary>
    /// MI 4.4 exists(vars.x.a.b) (arguments: the name and the path, string literals): the variable is set and the path
    /// reads a value that is not null.
    /// </summary>
    VariablePathExists,

    /// <summary>
    /// MI 4.4 variable type INTEGER of a ${...} payload path (both string literals: the JSONPath and the expression as
    /// the fault message names it): a JSON number, its fraction dropped and its low 32 bits kept (Gson getAsInt).
    /// </summary>
    VariableInteger,

    /// <summary>MI 4.4 variable type LONG of a payload path: a JSON number, its fraction dropped (Gson getAsLong).</summary>
    VariableLong,

    /// <summary>MI 4.4 variable type DOUBLE of a payload path: a JSON number (Gson getAsDouble).</summary>
    VariableDouble,

    /// <summary>MI 4.4 variable type BOOLEAN of a payload path: a JSON boolean.</summary>
    VariableBoolean,

    /// <summary>MI 4.4 variable type JSON of a payload path: an object or array as it is, a string, number or boolean as its text.</summary>
    VariableJson,

    /// <summary>
    /// The first node of an XPath node-set (an element navigation) as a call-template parameter holds it
    /// (TemplateContext.resolveExpressionValue, Value.resolveObject: selectSingleNode), read back as Synapse's string
    /// value of that one node; "" for an empty set.
    /// </summary>
    XPathFirstNodeString,

    /// <summary>
    /// Synapse's XPath base64Decode(s) (Base64DecodeFunction): commons-codec's lenient decoding (characters outside
    /// the alphabet are skipped, decoding stops at the first '=', a last lone character is dropped), the bytes read
    /// as UTF-8, then Java's trim.
    /// </summary>
    XPathBase64Decode,

    /// <summary>
    /// Synapse's string value of the XPath <c>/</c> as a whole expression (no arguments): Jaxen gives the document (or,
    /// without one, the envelope), which SynapseXPath.stringValueOf writes as the envelope's XML.
    /// </summary>
    XPathRootString,

    /// <summary>
    /// MI 4.4 division (BinaryOperationNode): in double, an error for a zero divisor ("Division by zero") where
    /// Ballerina's float division gives an infinity.
    /// </summary>
    MiDivide,

    /// <summary>
    /// MI 4.4 division of two Java ints that are not both literals (BinaryOperationNode.performIntOperation), as a
    /// number: the exact quotient or the double quotient have the same value, an error for a zero divisor. Its string
    /// is <see cref="MiIntQuotientText"/>: the binder never converts this call itself to a string.
    /// </summary>
    MiIntQuotient,

    /// <summary>
    /// MI 4.4 <c>payload.path == null</c> (arguments: the parent's JSONPath and the last member name or index): true when
    /// that member is a JSON null, false for another value, an error when it does not exist (PayloadAccessNode).
    /// </summary>
    PayloadIsNull,

    /// <summary>
    /// An MI 4.4 header, property or parameter value where a string is required (HeadersAndPropertiesAccessNode's
    /// tryParseNumber makes text that parses as a Java number a number): the text, or an error when it is a number.
    /// </summary>
    MiStringOperand,

    /// <summary>
    /// An MI 4.4 header, property or parameter value as <c>==</c>/<c>!=</c> compare it (ExpressionResult.asString after
    /// tryParseNumber): the Java text of the number it parses as ("007" is "7", "1.50" "1.5"), else the text.
    /// </summary>
    MiScalarText,

    /// <summary>
    /// A whole MI 4.4 <c>${headers.x}</c> (property, parameter) as SynapseExpression.stringValueOf reads it: the Java text
    /// of the number it parses as (tryParseNumber), else ExpressionResult.asString of the text; a lone quote character
    /// fails the mediator (String.substring throws).
    /// </summary>
    MiScalarString,

    /// <summary>
    /// A whole MI 4.4 <c>${headers.x}</c> (property, parameter) as SynapseExpression.objectValueOf hands it on: the Java
    /// text of the number it parses as (tryParseNumber), else the text as it is, quotes kept.
    /// </summary>
    MiScalarObject,

    /// <summary>
    /// A whole XPath <c>$ctx:x</c> or <c>get-property('x')</c> (any scope) as a log mediator's custom property prints it
    /// (the one argument, a <see cref="PropertyReadIr"/>): SynapseXPathVariableContext and GetPropertyFunction give
    /// null for a property that is not set, SynapseXPath.stringValueOf gives null for it, and
    /// LogMediator.setCustomProperties appends it to its StringBuffer as "null".
    /// </summary>
    PropertyOrNull,

    /// <summary>
    /// ExpressionResult.asString of a Java String an MI 4.4 <c>+</c> or string function made: one pair of enclosing
    /// double or single quotes dropped; a lone quote character fails the mediator (String.substring throws).
    /// </summary>
    MiAsString,

    /// <summary>
    /// An MI 4.4 header, property, parameter or configuration value as an operand of <see cref="MiSum"/>
    /// (HeadersAndPropertiesAccessNode.tryParseNumber): the Java Integer or Long its text parses as (a Ballerina int), else
    /// the Double (a float), else the text itself. Its Ballerina type is <c>int|float|string</c>: only <see cref="MiSum"/>
    /// takes it.
    /// </summary>
    MiScalar,

    /// <summary>
    /// MI 4.4 <c>a + b + ...</c> over header, property, parameter and configuration values (<see cref="MiScalar"/>), string
    /// and number literals and string functions, from the left (BinaryOperationNode.handleAddition): two numbers add, two
    /// strings concatenate, any other pair fails the expression; the text of the result as ExpressionResult.asString
    /// gives it.
    /// </summary>
    MiSum,

    /// <summary>
    /// The string of an MI 4.4 division of two Java ints (performIntOperation): an exact quotient is an int ("2" for
    /// 4 / 2), any other a double printed by Java's Double.toString ("3.5"); an error for a zero divisor.
    /// </summary>
    MiIntQuotientText,

    /// <summary>
    /// MI 4.4 remainder (BinaryOperationNode): of two integers or of two doubles, an error for a zero divisor
    /// ("Modulo by zero") where Ballerina's integer remainder panics.
    /// </summary>
    MiModulo,

    /// <summary>
    /// MI 4.4 arithmetic with a double operand (arguments: the left operand, the operator as a string literal
    /// <c>+ - * / %</c>, the right operand; BinaryOperationNode.performDoubleOperation and handleAddition): each operand
    /// as Java's Double.toString text read as a BigDecimal, the exact sum, difference, product or remainder, or the
    /// quotient rounded half up to the dividend's scale; then the double nearest to it.
    /// </summary>
    MiDoubleArithmetic,

    /// <summary>
    /// MI 4.4 <c>vars.x</c> as a number operand (argument: the name), for a variable every variable mediator of the
    /// project sets with type INTEGER (a Java Integer): its int; a variable that is not set, or that something else set to
    /// another type, fails the expression.
    /// </summary>
    MiIntVariable,

    /// <summary>The same for a variable every variable mediator sets with type LONG (a Java Long: long arithmetic).</summary>
    MiLongVariable,

    /// <summary>
    /// MI 4.4 <c>a + b</c>, <c>a - b</c> or <c>a * b</c> of two integers whose result may not fit Ballerina's int, where
    /// its checked arithmetic would panic (arguments: the left operand, the operator's text, the right operand): as
    /// BinaryOperationNode computes it, two Java ints add and multiply exactly (Math.addExact and multiplyExact overflow
    /// into a long) and subtract with Java's 32-bit wrap-around; anything else is Java's long arithmetic, which wraps
    /// around at 64 bits.
    /// </summary>
    MiIntArithmetic,

    /// <summary>The same with an operand the MI holds as a Java long (<see cref="MiLongVariable"/>, now(), a literal past the int range): long arithmetic.</summary>
    MiLongArithmetic,

    /// <summary>
    /// MI 4.4 <c>-x</c> of an integer (SignedExpressionNode): a Java int negated with Java's 32-bit wrap-around; a value
    /// past the int range fails the expression ("Cannot negate a non-numeric value").
    /// </summary>
    MiIntNegate,

    /// <summary>The same of a value the MI holds as a Java long, which SignedExpressionNode always refuses.</summary>
    MiLongNegate,

    /// <summary>The same for a variable every variable mediator sets with type DOUBLE (a Java Double: BigDecimal arithmetic).</summary>
    MiDoubleVariable,

    /// <summary>
    /// MI 4.4 <c>&lt;variable type="INTEGER" expression="${...}"/&gt;</c> of int arithmetic (arguments: the int value and the
    /// expression's text inside <c>${...}</c>): Utils.convertExpressionResult keeps a Java Integer; a failed evaluation
    /// (its "") or a result beyond the int range (BinaryOperationNode then gives a Long) faults with the type mismatch.
    /// </summary>
    MiIntegerResult,

    /// <summary>
    /// An MI 4.4 <c>${...}</c> value whose evaluation may fail (arguments: the value, of kind String, and the expression's
    /// text): SynapseExpression.evaluateExpression catches the EvaluationException, logs a warning and the consumer
    /// gets "" (evaluateExpressionForPayload), so mediation goes on.
    /// </summary>
    SynapseValue,

    /// <summary>MI 4.4 operand of <c>? :</c>, and/or, not() that is a JSON value: a JSON boolean, anything else an error (ExpressionResult.isBoolean).</summary>
    JsonBoolean,

    /// <summary>
    /// Synapse's XPath <c>$url:name</c> (the name a string literal): the first query parameter of the current To address
    /// whose name equals it ignoring case, percent-decoded (SynapseXPathVariableContext).
    /// </summary>
    UrlParam,

    /// <summary>
    /// An MI 4.4 <c>${...}</c> condition whose evaluation may fail (arguments: a <see cref="ConditionValueIr"/> and the
    /// expression's text): a failure is logged as a warning and the condition is false (the filter's
    /// Boolean.parseBoolean of "").
    /// </summary>
    SynapseCondition,

    /// <summary>
    /// MI 4.4 split(text, regex) (PredefinedFunctionNode.handleSplitFunction: Java's String.split): arguments the text
    /// and the Java regex translated to a Ballerina pattern at conversion time (a string literal); a JSON array of the
    /// parts, of kind <see cref="ValueKind.Json"/> (no leading empty part for a zero-width match at the start, trailing
    /// empty parts removed, the text itself when nothing matches).
    /// </summary>
    Split,

    /// <summary>
    /// MI 4.4 object(x) (ExpressionResult.asJsonObject): a JSON object as it is; a string (a literal's text as written,
    /// quotes included) without one pair of surrounding double quotes and every backslash, parsed; anything else an
    /// error. Of kind <see cref="ValueKind.Json"/>.
    /// </summary>
    ToJsonObject,

    /// <summary>MI 4.4 array(x) (ExpressionResult.asJsonArray): as <see cref="ToJsonObject"/> for a JSON array.</summary>
    ToJsonArray,

    /// <summary>
    /// MI 4.4 length(x) of a JSON value (handleLengthFunction): a string's length, an array's size, anything else an
    /// error.
    /// </summary>
    JsonLength,

    /// <summary>
    /// The text of a JSON value where a string is needed (ExpressionResult.asString: Gson's JsonElement.toString, compact,
    /// keys in order, Gson's string escapes); a JSON string is its text.
    /// </summary>
    GsonText,

    /// <summary>
    /// json-eval of an indefinite JSONPath over the payload (the argument: the steps as JSON text, see
    /// ExpressionBinder.QuerySteps): Jayway's list of every match (wildcards, filters) printed as Gson prints the
    /// JsonArray; "" when Jayway fails (SynapseJsonPath.stringValueOf(InputStream) catches it).
    /// </summary>
    JsonQuery,

    /// <summary>
    /// The same over a property's text (arguments: the text, the steps): nothing catches Jayway's failures there, so
    /// they are errors; a property that is not set gives "".
    /// </summary>
    JsonQueryText,

    /// <summary>
    /// An MI 4.4 <c>${payload...}</c> with wildcards or filters (PayloadAccessNode; the argument: the steps as JSON text,
    /// see ExpressionBinder.QuerySteps): Jayway's list of every match as a JSON array; Jayway's failures fail the
    /// expression ("" and a warning).
    /// </summary>
    JsonQueryValue,

    /// <summary>
    /// HTTPEndpoint's expansion of a uri-template known only at run time (the argument: the template, a configurable
    /// read when the Micro Integrator resolved it at deployment): the runtime's <c>expandUriTemplate</c> over the whole
    /// template.
    /// </summary>
    ExpandUriTemplate,
}

/// <summary>Arithmetic on two numbers of <see cref="NumberKind"/> (XPath: always float).</summary>
public sealed record ArithmeticIr(ExprIr Left, ArithmeticOperator Operator, ExprIr Right, ValueKind NumberKind) : ExprIr
{
    public override ValueKind Kind => NumberKind;
}

public enum ArithmeticOperator
{
    Add,
    Subtract,
    Multiply,
    Divide,
    Modulo,
}

/// <summary>MI 4.4 <c>c ? a : b</c>; both branches have the same kind.</summary>
public sealed record ConditionalIr(ConditionIr Condition, ExprIr WhenTrue, ExprIr WhenFalse) : ExprIr
{
    public override ValueKind Kind => WhenTrue.Kind;
}

/// <summary>A condition used as a value (a comparison or boolean() in a property expression): a boolean.</summary>
public sealed record ConditionValueIr(ConditionIr Condition) : ExprIr
{
    public override ValueKind Kind => ValueKind.Boolean;
}

/// <summary>A module-level configurable (a secret from <c>wso2:vault-lookup</c>).</summary>
public sealed record ConfigurableReadIr(Symbol Configurable) : ExprIr
;

/// <summary>An expression SynapseToBal does not translate; it fails at run time with the original text.</summary>
public sealed record UntranslatedExprIr(string Original) : ExprIr
;

/// <summary>
/// A value that is not a string (used where Synapse moves message content rather than text, as enrich does):
/// the payload, a property as stored, XML nodes, a JSON value, or inline JSON/XML parsed.
/// </summary>
public abstract record ValueIr
{
    private protected ValueIr()
    {
    }

    public sealed record Payload : ValueIr;

    public sealed record Property(string Name) : ValueIr;

    public sealed record XmlNodes(XmlNavigationIr Navigation) : ValueIr;

    public sealed record Json(string Path) : ValueIr
    {
        /// <summary>
        /// enrich clone="false" on Synapse's JSON path: what the path selects is deleted from the JSON payload once read
        /// (Source.evaluateJson), before the target is written.
        /// </summary>
        public bool Moved { get; init; }
    }

    /// <summary>Inline JSON: its tree when it is valid JSON, else the text, parsed at run time.</summary>
    public sealed record ParsedJson(string Source, JsonNodeIr? Tree) : ValueIr;

    public sealed record ParsedXml(string Source) : ValueIr;

    /// <summary>The whole SOAP envelope (a message that is not SOAP is given one, as Synapse's builders do).</summary>
    public sealed record Envelope : ValueIr;

    /// <summary>A local entry's value (XML or text), as enrich reads an inline source with a key.</summary>
    public sealed record Entry(Symbol Symbol, bool IsXml) : ValueIr;

    /// <summary>Any string expression.</summary>
    public sealed record String(ExprIr Value) : ValueIr;
}

/// <summary>A boolean condition.</summary>
public abstract record ConditionIr
{
    private protected ConditionIr()
    {
    }
}

/// <summary>A string is "true" in XPath when it is not empty.</summary>
public sealed record NonEmptyIr(ExprIr Value) : ConditionIr;

/// <param name="Numeric">Compare as numbers (XPath converts both sides when one is a number or the operator is relational).</param>
public sealed record CompareIr(ExprIr Left, string Operator, ExprIr Right, bool Numeric = false) : ConditionIr;

/// <summary>
/// XPath's comparison of a node-set (<see cref="XmlNavigationIr"/>, <see cref="XmlAttributeReadIr"/>,
/// <see cref="XmlRelativeIr"/>) with a value (XPath 1.0 §3.4): true when the comparison is true for the string
/// value of some node (as numbers when <paramref name="Numeric"/>). The node-set is always the left operand.
/// <paramref name="Other"/> may be a node-set too (two <see cref="XmlRelativeIr"/> in a predicate): then the
/// comparison holds when it holds for some pair of nodes, one from each set.
/// </summary>
public sealed record NodeSetCompareIr(ExprIr Nodes, string Operator, ExprIr Other, bool Numeric) : ConditionIr;

public sealed record RegexMatchIr(ExprIr Value, string Pattern) : ConditionIr;

/// <summary>XPath contains(), starts-with() and ends-with().</summary>
public sealed record StringTestIr(ExprIr Value, StringTest Test, ExprIr Operand) : ConditionIr;

public enum StringTest
{
    Contains,
    StartsWith,
    EndsWith,
}

public sealed record AndIr(ConditionIr Left, ConditionIr Right) : ConditionIr;

public sealed record OrIr(ConditionIr Left, ConditionIr Right) : ConditionIr;

public sealed record NotIr(ConditionIr Operand) : ConditionIr;

public sealed record BoolLiteralIr(bool Value) : ConditionIr;

/// <summary>A boolean-valued expression (<see cref="ValueKind.Boolean"/>) used as a condition.</summary>
public sealed record BooleanValueIr(ExprIr Value) : ConditionIr;

/// <summary>A condition SynapseToBal does not translate.</summary>
public sealed record UntranslatedConditionIr(string Original) : ConditionIr;

/// <summary>A Synapse evaluator (conditionalRouter) over the To address, the transport headers and the properties.</summary>
public sealed record UrlConditionHoldsIr(UrlConditionIr Evaluator) : ConditionIr;

/// <summary>
/// The message is a non-blocking call's or send's response still addressed to the anonymous address
/// SynapseCallbackReceiver.handleMessage gives it (<c>anonymousTo</c> in the runtime module).
/// </summary>
public sealed record AnonymousToIr : ConditionIr;

/// <summary>How comparisons are typed in the IR, for every stage that builds one.</summary>
public static class Comparisons
{
    /// <summary>
    /// The comparison with its number literals typed: the status code against an integer is an integer
    /// comparison; in a numeric comparison a literal number is a float (XPath numbers are doubles).
    /// </summary>
    public static CompareIr Typed(ExprIr left, string op, ExprIr right, bool numeric)
    {
        if (op is "=" or "!=" && left is ContextFieldIr { Field: ContextField.StatusCode } && right is StringLiteralIr { Value: var code }
            && int.TryParse(code, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var status))
        {
            return new CompareIr(left, op, new NumberLiteralIr(status.ToString(System.Globalization.CultureInfo.InvariantCulture), ValueKind.Integer));
        }

        return numeric
            ? new CompareIr(NumberOperand(left), op, NumberOperand(right), Numeric: true)
            : new CompareIr(left, op, right);
    }

    private static ExprIr NumberOperand(ExprIr operand) =>
        operand is StringLiteralIr { Value: var text } && IsDecimalNumeral(text.Trim()) ? new NumberLiteralIr(text.Trim(), ValueKind.Float) : operand;

    /// <summary>A plain decimal number (<c>5</c>, <c>-2.5</c>, <c>1e3</c>); not NaN, Infinity or hexadecimal.</summary>
    public static bool IsDecimalNumeral(string text) =>
        System.Text.RegularExpressions.Regex.IsMatch(text, @"^-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?$");
}
