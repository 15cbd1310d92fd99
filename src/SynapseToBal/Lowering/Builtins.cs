using SynapseToBal.IR;

namespace SynapseToBal.Lowering;

/// <summary>Which expression language a function belongs to.</summary>
public enum FunctionDialect
{
    /// <summary>XPath 1.0 core functions (an <c>fn:</c> prefix is allowed) and Synapse's XPath extensions.</summary>
    XPath,

    /// <summary>MI 4.4 Synapse expression functions (<c>${...}</c>).</summary>
    Synapse,
}

/// <summary>
/// One function of the signature table: its arity, the kind of its result and how it lowers (an IR node, or the
/// reason it stays untranslated). The binder checks the arity here before lowering a call.
/// </summary>
/// <param name="NotTranslatedBecause">Null when the function is translated.</param>
public sealed record FunctionSignature(FunctionDialect Dialect, string Name, int MinArity, int MaxArity, ValueKind? Result, string Lowering, string? NotTranslatedBecause = null)
{
    public bool Translated => NotTranslatedBecause is null;

    public bool Accepts(int arity) => arity >= MinArity && arity <= MaxArity;
}

/// <summary>The signature table of every function the expression front end knows.</summary>
public static class Builtins
{
    private const int Many = int.MaxValue;

    private static FunctionSignature X(string name, int min, int max, ValueKind? result, string lowering) => new(FunctionDialect.XPath, name, min, max, result, lowering);

    private static FunctionSignature XNo(string name, string because) => new(FunctionDialect.XPath, name, 0, Many, null, "-", because);

    private static FunctionSignature S(string name, int min, int max, ValueKind? result, string lowering) => new(FunctionDialect.Synapse, name, min, max, result, lowering);

    private static FunctionSignature SNo(string name, string because) => new(FunctionDialect.Synapse, name, 0, Many, null, "-", because);

    public static IReadOnlyList<FunctionSignature> All { get; } =
    [
        // XPath 1.0 core library (§4) and Synapse's XPath extensions.
        X("get-property", 1, 2, ValueKind.String, "string literal arguments: a property, header, axis2 field, template parameter or system value"),
        X("concat", 2, Many, ValueKind.String, "ConcatIr (a string template)"),
        X("string", 1, 1, ValueKind.String, "the operand's string value; a number through XPathNumberString"),
        X("number", 1, 1, ValueKind.Float, "Builtin.XPathNumber (xpathNumber: NaN for non-numbers)"),
        X("boolean", 1, 1, ValueKind.Boolean, "the operand as a condition (non-empty string, non-empty node-set, non-zero count)"),
        X("not", 1, 1, ValueKind.Boolean, "NotIr"),
        X("true", 0, 0, ValueKind.Boolean, "BoolLiteralIr / BooleanLiteralIr"),
        X("false", 0, 0, ValueKind.Boolean, "BoolLiteralIr / BooleanLiteralIr"),
        X("count", 1, 1, ValueKind.String, "CountIr over an XML navigation"),
        X("sum", 1, 1, ValueKind.Float, "Builtin.XPathSum over an XML navigation"),
        X("string-length", 1, 1, ValueKind.String, "CountIr over a string"),
        X("contains", 2, 2, ValueKind.Boolean, "StringTestIr (includes)"),
        X("starts-with", 2, 2, ValueKind.Boolean, "StringTestIr (startsWith)"),
        X("ends-with", 2, 2, ValueKind.Boolean, "StringTestIr (endsWith)"),
        X("substring", 2, 3, ValueKind.String, "Builtin.XPathSubstring (xpathSubstring: 1-based, rounded positions)"),
        X("substring-before", 2, 2, ValueKind.String, "Builtin.SubstringBefore"),
        X("substring-after", 2, 2, ValueKind.String, "Builtin.SubstringAfter"),
        X("normalize-space", 1, 1, ValueKind.String, "Builtin.NormalizeSpace"),
        X("translate", 3, 3, ValueKind.String, "Builtin.Translate"),
        X("upper-case", 1, 1, ValueKind.String, "Builtin.XPathUpperCase (xpathUpperCase: Java String.toUpperCase(Locale.ENGLISH), as Jaxen's UpperFunction)"),
        X("lower-case", 1, 1, ValueKind.String, "Builtin.XPathLowerCase (xpathLowerCase: Java String.toLowerCase(Locale.ENGLISH), as Jaxen's LowerFunction)"),
        X("round", 1, 1, ValueKind.Float, "Builtin.XPathRound"),
        X("floor", 1, 1, ValueKind.Float, "Builtin.Floor"),
        X("ceiling", 1, 1, ValueKind.Float, "Builtin.Ceiling"),
        X("wso2:vault-lookup", 1, 2, ValueKind.String, "a required configurable (secret)"),
        X("hashicorp:vault-lookup", 1, 3, ValueKind.String, "a required configurable (secret) per namespace, path and field (string literal arguments; one argument: \"\")"),
        X("json-eval", 1, 1, ValueKind.String, "JsonEvalIr for a simple JSONPath"),
        XNo("last", "needs the XPath context size, which only predicates have"),
        XNo("position", "needs the XPath context position, which only predicates have"),
        X("local-name", 0, 1, ValueKind.String, "Builtin.XPathLocalName (xpathLocalName: the first element's local name) over an element navigation; without an argument in a predicate, the element tested"),
        X("namespace-uri", 0, 1, ValueKind.String, "Builtin.XPathNamespaceUri (xpathNamespaceUri: the first element's namespace) over an element navigation; without an argument in a predicate, the element tested"),
        XNo("name", "the QName needs the prefix written in the message, which Ballerina's xml values do not keep"),
        XNo("id", "ID attributes need a DTD, which is never read"),
        XNo("lang", "xml:lang inheritance is not modelled"),
        X("base64Encode", 1, 2, ValueKind.String, "Builtin.Base64Encode of the UTF-8 bytes (Base64EncodeFunction's default; a second argument only when it is the literal 'UTF-8')"),
        X("base64Decode", 1, 2, ValueKind.String, "Builtin.XPathBase64Decode (xpathBase64Decode: commons-codec's lenient decoding, Java's trim; UTF-8, or a second argument when it is a literal UTF-8, US-ASCII or ISO-8859-1, by their Java names and aliases)"),
        XNo("url-encode", "Synapse's encoding details need checking against the MI"),
        XNo("tokenize", "an XPath 2.0 function Jaxen does not have: the Micro Integrator fails on it unless its XPath 2.0 DOM fail-over is on"),

        // MI 4.4 functions (the FUNCTION tokens of ExpressionLexer.g4).
        S("length", 1, 1, ValueKind.Integer, "Builtin.Length of a certain string; Builtin.JsonLength (jsonLength: a string's length or an array's size) of a payload path or a JSON result (split, object, array)"),
        S("toUpper", 1, 1, ValueKind.String, "Builtin.UpperCase (upperCase: Java String.toUpperCase)"),
        S("toLower", 1, 1, ValueKind.String, "Builtin.LowerCase (lowerCase: Java String.toLowerCase)"),
        S("subString", 2, 3, ValueKind.String, "Builtin.Substring (0-based, integer arguments)"),
        S("startsWith", 2, 2, ValueKind.Boolean, "StringTestIr (startsWith)"),
        S("endsWith", 2, 2, ValueKind.Boolean, "StringTestIr (endsWith)"),
        S("contains", 2, 2, ValueKind.Boolean, "StringTestIr (includes)"),
        S("trim", 1, 1, ValueKind.String, "Builtin.Trim"),
        S("replace", 3, 3, ValueKind.String, "Builtin.ReplaceAll (literal target, every occurrence)"),
        S("indexOf", 2, 2, ValueKind.Integer, "Builtin.IndexOf (-1 when absent)"),
        S("charAt", 2, 2, ValueKind.String, "Builtin.CharAt"),
        S("abs", 1, 1, null, "Builtin.Abs (integer or float, as the argument)"),
        S("floor", 1, 1, ValueKind.Float, "Builtin.Floor"),
        S("ceil", 1, 1, ValueKind.Float, "Builtin.Ceiling"),
        S("sqrt", 1, 1, ValueKind.Float, "Builtin.Sqrt"),
        S("pow", 2, 2, ValueKind.Float, "Builtin.Power"),
        S("round", 1, 1, ValueKind.Integer, "Builtin.RoundHalfUp (Math.round)"),
        S("base64encode", 1, 2, ValueKind.String, "Builtin.Base64Encode (UTF-8; with a literal charset Java resolves to UTF-8, US-ASCII or ISO-8859-1, charsetBytes: String.getBytes of that charset)"),
        S("base64decode", 1, 1, ValueKind.String, "Builtin.Base64Decode (UTF-8)"),
        S("urlEncode", 1, 2, ValueKind.String, "Builtin.UrlEncode (urlEncodeText: Java's URLEncoder in UTF-8, then '+' as %20 and '*' as %2A, also with the literal 'UTF-8'; with another literal charset Java resolves to UTF-8, US-ASCII or ISO-8859-1, urlEncodeJava: URLEncoder.encode as it is)"),
        S("urlDecode", 1, 1, ValueKind.String, "Builtin.UrlDecode (urlDecodeText: Java's URLDecoder in UTF-8, '+' is a space)"),
        S("integer", 1, 1, ValueKind.Integer, "ConvertIr to integer (Integer.parseInt)"),
        S("float", 1, 1, ValueKind.Float, "ConvertIr to float (Double.parseDouble)"),
        S("string", 1, 1, ValueKind.String, "the operand's string form"),
        S("boolean", 1, 1, ValueKind.Boolean, "ConvertIr to boolean (Boolean.parseBoolean)"),
        S("not", 1, 1, ValueKind.Boolean, "NotIr of a boolean operand"),
        S("xpath", 1, 2, ValueKind.String, "the XPath lowering of a literal XPath; with a variable name, navigation from the XML of a variable every variable mediator sets with type=\"XML\" (XmlNavigationIr.RootVariable)"),
        S("wso2-vault", 1, 1, ValueKind.String, "a required configurable (secret)"),
        S("split", 2, 2, ValueKind.Json, "Builtin.Split (javaSplit: Java's String.split, trailing empty parts removed) of a string-literal Java regex JavaRegex translates for a search; a JSON array of strings, printed as Gson prints it (gsonText) where text is needed"),
        S("now", 0, 0, ValueKind.Integer, "Builtin.NowMillis (nowMillis: System.currentTimeMillis, epoch milliseconds)"),
        S("formatDateTime", 2, 3, ValueKind.String, "formatDateTime(now(), pattern): Builtin.FormatSystemDate of the pattern's parts (DateTimeFormatterPattern: numeric fields only), the system time zone as LocalDateTime.ofInstant uses; formatDateTime(text, inputPattern, outputPattern): Builtin.FormatDateTime (parsed as LocalDateTime, LocalDate or LocalTime, DateTimeFormatterPattern.InputParts)"),
        S("log", 1, 2, ValueKind.Float, "Builtin.Log10 (float:log10, Math.log10) or, with a base, Builtin.LogBase (float:log(x) / float:log(base))"),
        S("isString", 1, 1, ValueKind.Boolean, "Builtin.IsString of Builtin.PayloadJson (jsonIsString) for a payload path or a JSON result (split, object, array); a variable's stored type is not the MI's"),
        S("isNumber", 1, 1, ValueKind.Boolean, "Builtin.IsNumber of Builtin.PayloadJson (jsonIsNumber) for a payload path or a JSON result"),
        S("isArray", 1, 1, ValueKind.Boolean, "Builtin.IsArray of Builtin.PayloadJson (jsonIsArray: an array, or a string whose text is one) for a payload path or a JSON result"),
        S("isObject", 1, 1, ValueKind.Boolean, "Builtin.IsObject of Builtin.PayloadJson (jsonIsObject: an object, or a string whose text is one) for a payload path or a JSON result"),
        S("exists", 1, 1, ValueKind.Boolean, "Builtin.PayloadExists (payloadExists) for a payload path, Builtin.VariableExists (variableExists) for a variable, Builtin.HeaderExists (headerExists) for a header"),
        S("object", 1, 1, ValueKind.Json, "Builtin.ToJsonObject (miJsonConversion: ExpressionResult.asJsonObject) of a string literal as written, a payload path, a JSON result or a string; not of a variable (stored as its mediator's type)"),
        S("array", 1, 1, ValueKind.Json, "Builtin.ToJsonArray (miJsonConversion: ExpressionResult.asJsonArray) of a string literal as written, a payload path, a JSON result or a string; not of a variable (stored as its mediator's type)"),
        S("registry", 1, 1, ValueKind.String, "the content of a registry resource of the input project, at conversion time (RegistryExpressionValue); .property(name) is not translated"),
        S("hashicorp-vault", 2, 3, ValueKind.String, "a required configurable (secret) per namespace, path and field (string literal arguments)"),
    ];

    private static readonly Dictionary<(FunctionDialect, string), FunctionSignature> ByName =
        All.ToDictionary(f => (f.Dialect, f.Name));

    /// <summary>The signature of a function, or null when the table does not know it.</summary>
    public static FunctionSignature? Find(FunctionDialect dialect, string name) => ByName.GetValueOrDefault((dialect, name));
}
