using System.Globalization;
using System.Text;
using SynapseToBal.IR;
using SynapseToBal.Refine;

namespace SynapseToBal.Emit;

/// <summary>Renders IR expressions and conditions as Ballerina expressions over a context variable named <c>ctx</c>.</summary>
internal sealed class ExpressionWriter
{
    private readonly ModuleUsage _modules;
    private readonly NameMap _names;
    private readonly PropertyLocals _packageLocals;
    private readonly BodyLocals _locals;

    /// <param name="packageLocals">The property locals of every body of the package (<see cref="For"/> picks one body's).</param>
    public ExpressionWriter(ModuleUsage modules, NameMap names, PropertyLocals? packageLocals = null)
        : this(modules, names, packageLocals ?? PropertyLocals.Empty, BodyLocals.None)
    {
    }

    private ExpressionWriter(ModuleUsage modules, NameMap names, PropertyLocals packageLocals, BodyLocals locals)
    {
        _modules = modules;
        _names = names;
        _packageLocals = packageLocals;
        _locals = locals;
    }

    public NameMap Names => _names;

    /// <summary>The properties of the body being written that are typed locals.</summary>
    public BodyLocals Locals => _locals;

    /// <summary>A writer for one body (a resource or function, by identity): the same modules and names, with the body's property locals.</summary>
    public ExpressionWriter For(object body) => new(_modules, _names, _packageLocals, _packageLocals.For(body)) { SynapseLogLines = SynapseLogLines, Namespaces = Namespaces, PayloadTypes = PayloadTypes, Infallible = Infallible, PropertyRecord = PropertyRecord };

    /// <summary>The emit option <see cref="EmitOptions.SynapseLogLines"/>.</summary>
    public bool SynapseLogLines { get; init; }

    /// <summary>The functions that cannot fail: called without <c>check</c> (<c>PackageEmitter.InfallibleFunctions</c>).</summary>
    public IReadOnlySet<Symbol> Infallible { get; init; } = new HashSet<Symbol>();

    /// <summary>The typed fields of the package's <c>Properties</c> record (<see cref="Refine.PropertyRecord"/>).</summary>
    public PropertyRecord PropertyRecord { get; init; } = PropertyRecord.Empty;

    /// <summary>
    /// The field of the <c>Properties</c> record a default-scope property of the body being written is read and written
    /// through (<c>ctx.properties.count</c>); null when it is a typed local of the body or in the record's rest.
    /// </summary>
    public PropertyField? Field(string property) => _locals[property] is null ? PropertyRecord[property] : null;

    /// <summary>The record types JSON payloads of a fixed shape are built as.</summary>
    public PayloadTypes PayloadTypes { get; init; } = PayloadTypes.Empty;

    /// <summary>The XML namespaces of the file being written: the prefix a qualified navigation step is written with.</summary>
    public XmlNamespaceScope Namespaces { get; init; } = XmlNamespaceScope.None;

    /// <summary>A Ballerina expression of the expression's own type (<see cref="ExprIr.Kind"/>).</summary>
    public string Typed(ExprIr expr) => expr switch
    {
        NumberLiteralIr { NumberKind: ValueKind.Float } n => n.Text.Contains('.', StringComparison.Ordinal) || n.Text.Contains('e', StringComparison.OrdinalIgnoreCase) ? n.Text : n.Text + ".0",
        // -9223372036854775808 is the minus of a literal past the int range (the spec's int-literal has no sign).
        NumberLiteralIr n => n.NumberKind == ValueKind.Integer && long.TryParse(n.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) && number == long.MinValue ? "int:MIN_VALUE" : n.Text,
        BooleanLiteralIr b => b.Value ? "true" : "false",
        ConvertIr c => Convert(c),
        BuiltinCallIr b => Builtin(b),
        ArithmeticIr a => Arithmetic(a),
        ConditionalIr c => $"({Condition(c.Condition)} ? {Typed(c.WhenTrue)} : {Typed(c.WhenFalse)})",
        ConditionValueIr c => $"({Condition(c.Condition)})",
        _ when expr.Kind == ValueKind.String => String(expr),
        _ => throw new InvalidOperationException($"No typed form for {expr.GetType().Name}"),
    };

    /// <summary>
    /// An integer value as a Ballerina int, or, when it would be parsed from a string at run time, that string,
    /// for a run-time helper that parses it leniently (<c>setHttpSc</c>).
    /// </summary>
    public string IntegerOrText(ExprIr expr) =>
        expr is ConvertIr { To: ValueKind.Integer, Operand: not CountIr } c && c.Operand.Kind != ValueKind.Integer && OwnTypeLocal(c) is null
            ? String(c.Operand)
            : Typed(expr);

    /// <summary>A typed local converted back to its own type (int:fromString(n.toString()) is n): the local's name.</summary>
    private string? OwnTypeLocal(ConvertIr conversion) =>
        conversion is { Operand: PropertyReadIr { Scope: PropertyScope.Default } read } && _locals[read.Name] is { Alias: false, Kind: ValueKind.Integer or ValueKind.Boolean or ValueKind.Float } local && local.Kind == conversion.To
            ? local.Name
            : null;

    private string Convert(ConvertIr conversion)
    {
        if (OwnTypeLocal(conversion) is { } own)
        {
            return own;
        }

        switch (conversion)
        {
            case { Operand: CountIr count, To: ValueKind.Integer }:
                return CountValue(count);
            case { Operand.Kind: ValueKind.Integer, To: ValueKind.Float }:
                return $"<float>{Typed(conversion.Operand)}";
            case { To: ValueKind.String }:
                return String(conversion.Operand);
        }

        var text = String(conversion.Operand);
        return conversion.To switch
        {
            ValueKind.Integer => $"check int:fromString({text})",
            ValueKind.Boolean => $"{Receiver(text)}.toLowerAscii() == \"true\"",
            ValueKind.Float => $"check float:fromString({text})",
            ValueKind.Xml => $"check xml:fromString({text})",
            ValueKind.Json => UseValue($"check value:fromJsonString({text})"),
            ValueKind.String => text,
            _ => throw new InvalidOperationException(),
        };
    }

    /// <summary>
    /// The document of <c>json-eval($ctx:x.path)</c> (<c>$trp:</c>, <c>$axis2:</c>) as a <c>string?</c>: SynapseXPathVariableContext
    /// gives null for a property or header that is not set, which SynapseJsonPath.stringValueOf(String) reads as "" (no
    /// failure), where a property set to "" fails. A property kept as a typed local, or anything else, is its string.
    /// </summary>
    private string OptionalText(ExprIr expr) => expr switch
    {
        PropertyReadIr { Required: false, Scope: PropertyScope.Default } p when Field(p.Name) is { } field => $"optionalPropertyText(ctx.properties.{field.Field})",
        PropertyReadIr { Required: false, Scope: PropertyScope.Default } p when _locals[p.Name] is null => $"optionalPropertyText(ctx.properties[{BallerinaSyntax.StringLiteral(p.Name)}])",
        PropertyReadIr { Required: false, Scope: PropertyScope.Axis2 } p => $"optionalPropertyText(ctx.axis2[{BallerinaSyntax.StringLiteral(p.Name)}])",
        PropertyReadIr { Required: false, Scope: PropertyScope.Operation } p => $"optionalPropertyText(ctx.operation[{BallerinaSyntax.StringLiteral(p.Name)}])",
        HeaderReadIr { Required: false } h => $"optionalHeader(ctx, {BallerinaSyntax.StringLiteral(h.Name)})",
        _ => String(expr),
    };

    /// <summary>
    /// A read the statement being written takes from a local (<c>StatementWriter</c>'s repeated reads): an expression
    /// equal to <c>Expr</c> is written as <c>Local</c>. Null when there is none.
    /// </summary>
    internal (ExprIr Expr, string Local)? Substitute { get; set; }

    /// <summary>
    /// Whether the local of <see cref="Substitute"/> is a <c>string?</c>, <c>()</c> for a property that is not set (a
    /// log prints "null" for it, <see cref="PropertyOrNull"/>): a plain read of it is then <c>(local ?: "")</c>.
    /// </summary>
    internal bool SubstituteNullable { get; set; }

    /// <summary>
    /// A property as a log's custom property prints a whole <c>$ctx:x</c> or <c>get-property('x')</c>: its text, or
    /// "null" when it is not set (SynapseXPath.stringValueOf gives null, which LogMediator appends as "null").
    /// </summary>
    private string PropertyOrNull(PropertyReadIr read)
    {
        if (Substitute is { } substitute && substitute.Expr.Equals(read))
        {
            return SubstituteNullable ? $"({substitute.Local} ?: \"null\")" : substitute.Local;
        }

        return read switch
        {
            { Required: true } or { Fallback: not null } or { XPathString: true } => String(read),
            { Scope: PropertyScope.Default } when _locals[read.Name] is { } local => local.Kind is null ? $"propertyText({local.Name}, \"null\")" : String(read),
            { Scope: PropertyScope.Default } when Field(read.Name) is { } field => $"valueText(ctx.properties.{field.Field}, \"null\")",
            { Scope: PropertyScope.Default } => $"getProperty(ctx, {BallerinaSyntax.StringLiteral(read.Name)}, \"null\")",
            _ => $"({OptionalText(read)} ?: \"null\")",
        };
    }

    /// <summary>
    /// The local holding the SOAP body the statements being written navigate from (<c>StatementWriter</c>'s shared
    /// body reads): a navigation from the body is written from it instead of <c>(check soapBody(ctx))</c>. Null when
    /// there is none.
    /// </summary>
    internal string? BodyLocal { get; set; }

    /// <summary>
    /// The local holding the payload as JSON the statements being written evaluate JSON paths on (<c>StatementWriter</c>'s
    /// shared reads): <c>check jsonEvalIn(local, path)</c> instead of <c>check jsonEval(ctx, path)</c>. Null when there is none.
    /// </summary>
    internal string? JsonLocal { get; set; }

    /// <summary>
    /// The local holding the message's SOAP envelope the statements being written navigate from (<c>StatementWriter</c>'s
    /// shared reads, for <c>//a</c>, relative paths and <c>//text()</c>): written from it instead of
    /// <c>(check soapEnvelope(ctx))</c>. Null when there is none.
    /// </summary>
    internal string? EnvelopeLocal { get; set; }

    /// <summary>
    /// The payload a JSON validate just before bound as a record of its schema, and the local holding it
    /// (<c>StatementWriter</c>, for the steps right after the validate): a JSON path <see cref="PayloadTypes.Read"/> types through it is written as the field
    /// access. Null when there is none.
    /// </summary>
    internal (ValidatedPayload Payload, string Local)? Validated { get; set; }

    /// <summary>The field access a JSON path is written as while its validated payload is in scope, or null.</summary>
    private string? TypedAccess(JsonEvalIr path) =>
        Validated is { } validated && PayloadTypes.Read(path) is { } read && ReferenceEquals(read.Payload, validated.Payload) ? read.Access(validated.Local) : null;

    /// <summary>True while one of the shared reads (<see cref="BodyLocal"/>, <see cref="EnvelopeLocal"/>, <see cref="JsonLocal"/>) is in scope.</summary>
    internal bool HasSharedRead => BodyLocal is not null || EnvelopeLocal is not null || JsonLocal is not null;

    /// <summary>
    /// A JSON path <c>jsonEval</c> evaluates on the payload as JSON (<c>jsonPayload</c>), which <c>jsonEvalIn</c> does on a
    /// shared read of it: every path but <c>$</c>, which gives the JSON text exactly as received.
    /// </summary>
    internal static bool ReadsParsedJson(JsonEvalIr path) => path.Path.Trim() is not ("$" or "$.");

    /// <summary>Whether a local of that name would hide a module-level name; true when the module's names are not known.</summary>
    internal bool HidesModuleName(string name) => _packageLocals.ModuleNames is not { } names || names.Contains(name);

    /// <summary>
    /// A property as an XPath function's string argument (concat, contains, substring, string-length, ...): Jaxen's
    /// StringFunction of the object <c>$ctx:x</c> (SynapseXPathVariableContext) or get-property (GetPropertyFunction,
    /// its local entry when the property is not set) hands it, <c>propertyXPathString</c>: XML gives its first node's
    /// string value (all its descendant text), a number XPath's form. Null where the property's own form already is
    /// that string (a typed string, integer or boolean local or field without an XML local entry behind it).
    /// </summary>
    private string? XPathStringRead(PropertyReadIr p)
    {
        var name = BallerinaSyntax.StringLiteral(p.Name);
        var fallback = p.Fallback is { } entry ? ", " + (entry.IsXml ? _names[entry.Entry] : String(entry)) : "";
        return p.Scope switch
        {
            PropertyScope.Axis2 => $"propertyXPathString(ctx.axis2[{name}])",
            PropertyScope.Operation => $"propertyXPathString(ctx.operation[{name}])",
            _ when _locals[p.Name] is { } local => local.Kind switch
            {
                // A JSON-typed property holds a Gson JsonElement, which Jaxen's string() does not know: "" whatever it holds.
                ValueKind.Json => "\"\"",
                ValueKind.Xml or null => $"propertyXPathString({local.Name})",
                _ => null,
            },
            _ when Field(p.Name) is { } field => field.Kind == ValueKind.Float || p.Fallback is { IsXml: true }
                ? $"propertyXPathString(ctx.properties.{field.Field}{fallback})"
                : null,
            _ => $"propertyXPathString(ctx.properties[{name}]{fallback})",
        };
    }

    /// <summary>A Ballerina expression of type string.</summary>
    public string String(ExprIr expr) => Substitute is { } substitute && substitute.Expr.Equals(expr) ? (SubstituteNullable ? $"({substitute.Local} ?: \"\")" : substitute.Local) : expr switch
    {
        StringLiteralIr s => BallerinaSyntax.StringLiteral(s.Value),

        // A property given to an XPath function (concat, contains, substring, ...): Jaxen's string() of its object
        // (propertyXPathString: XML's first node's string value), not SynapseXPath.stringValueOf's reading.
        PropertyReadIr { XPathString: true, Required: false } p when XPathStringRead(p) is { } read => read,

        // A property kept as a typed local reads as get-property prints it (propertyText): the string, XML as
        // SynapseXPath.stringValueOf prints the nodes (xmlNodesText), or the value's string form.
        PropertyReadIr { Scope: PropertyScope.Default } p when _locals[p.Name] is { } local => local.Kind switch
        {
            ValueKind.String => local.Name,
            ValueKind.Xml => $"xmlNodesText({local.Name})",
            ValueKind.Float when p.XPathString => $"xpathNumberString({local.Name})",
            null => $"propertyText({local.Name})",
            _ => local.Name + ".toString()",
        },
        // A typed field of the Properties record: an optional field access (`()` when the property is not set), printed
        // as get-property prints it (valueText: "" or the local entry of that name when unset, the value's string form).
        PropertyReadIr { Required: false, Scope: PropertyScope.Default } p when Field(p.Name) is { } field => p.Fallback is { } fallback
            ? $"valueText(ctx.properties.{field.Field}, {String(fallback)})"
            : $"valueText(ctx.properties.{field.Field})",
        PropertyReadIr { Required: true, Scope: PropertyScope.Axis2 } p => $"check requiredProperty(ctx.axis2, {BallerinaSyntax.StringLiteral(p.Name)})",
        PropertyReadIr { Required: true } p => $"check requiredProperty(ctx.properties, {BallerinaSyntax.StringLiteral(p.Name)})",
        PropertyReadIr { Fallback: { } fallback } p => $"getProperty(ctx, {BallerinaSyntax.StringLiteral(p.Name)}, {String(fallback)})",
        PropertyReadIr { Scope: PropertyScope.Axis2 } p => $"getAxis2Property(ctx, {BallerinaSyntax.StringLiteral(p.Name)})",
        PropertyReadIr { Scope: PropertyScope.Operation } p => $"getOperationProperty(ctx, {BallerinaSyntax.StringLiteral(p.Name)})",
        PropertyReadIr p => $"getProperty(ctx, {BallerinaSyntax.StringLiteral(p.Name)})",
        LocalEntryReadIr { IsXml: true } entry => $"xmlNodesText({_names[entry.Entry]})",
        LocalEntryReadIr entry => _names[entry.Entry],
        ParameterReadIr p => _names[p.Parameter],
        ConvertIr { To: ValueKind.String } c => String(c.Operand),
        BuiltinCallIr { Kind: ValueKind.String } b => Builtin(b),
        ConditionalIr { Kind: ValueKind.String } c => $"({Condition(c.Condition)} ? {String(c.WhenTrue)} : {String(c.WhenFalse)})",
        ArithmeticIr or BuiltinCallIr { Function: IR.Builtin.Negate or IR.Builtin.MiIntNegate or IR.Builtin.MiLongNegate } or NumberLiteralIr { Text: ['-', ..] } => $"({Typed(expr)}).toString()",

        // A text's conversion to a boolean is a comparison (`x.toLowerAscii() == "true"`): its text needs the parentheses.
        ConvertIr { To: ValueKind.Boolean, Operand.Kind: ValueKind.String } => $"({Typed(expr)}).toString()",

        // A JSON value where text is needed: ExpressionResult.asString, Gson's JsonElement.toString.
        _ when expr.Kind == ValueKind.Json => $"gsonText({Typed(expr)})",
        _ when expr.Kind != ValueKind.String => $"{Receiver(Typed(expr))}.toString()",
        VariableReadIr { Path: { } path } v => $"check variablePath(ctx, {BallerinaSyntax.StringLiteral(v.Name)}, {BallerinaSyntax.StringLiteral(path)})",
        VariableReadIr { Required: true } v => $"check requiredVariable(ctx, {BallerinaSyntax.StringLiteral(v.Name)})",
        VariableReadIr v => $"getVariable(ctx, {BallerinaSyntax.StringLiteral(v.Name)})",
        HeaderReadIr { Required: true } h => $"check requiredHeader(ctx, {BallerinaSyntax.StringLiteral(h.Name)})",
        HeaderReadIr h => $"getHeader(ctx, {BallerinaSyntax.StringLiteral(h.Name)})",
        ContextFieldIr f => f.Field switch
        {
            ContextField.StatusCode => "axis2HttpSc(ctx)",
            ContextField.ContentType => "ctx.contentType",
            ContextField.MessageType => "messageType(ctx)",
            ContextField.Method => "ctx.method",
            ContextField.UrlPostfix => "ctx.urlPostfix",
            ContextField.To => "ctx.to",
            ContextField.Action => "soapAction(ctx)",
            _ => throw new InvalidOperationException(),
        },
        JsonEvalIr j when TypedAccess(j) is { } access => access,
        JsonEvalIr { BodyWhenXml: true } => "check synapsePayloadText(ctx)",
        // A whole MI 4.4 ${payload.a.b}: "" for a path that is not there or a JSON null, a failure for a payload that is
        // not JSON (synapseJsonText); json-eval prints a null as "null".
        JsonEvalIr { Synapse: true, Required: true } j when JsonLocal is { } json && ReadsParsedJson(j) => $"check synapseJsonRequiredIn({json}, {BallerinaSyntax.StringLiteral(j.Path)})",
        JsonEvalIr { Synapse: true, Required: true } j => $"check synapseJsonRequired(ctx, {BallerinaSyntax.StringLiteral(j.Path)})",
        JsonEvalIr { Synapse: true } j when JsonLocal is { } json && ReadsParsedJson(j) => $"check synapseJsonTextIn({json}, {BallerinaSyntax.StringLiteral(j.Path)})",
        JsonEvalIr { Synapse: true } j => $"check synapseJsonText(ctx, {BallerinaSyntax.StringLiteral(j.Path)})",
        JsonEvalIr j when JsonLocal is { } json && ReadsParsedJson(j) => $"check jsonEvalIn({json}, {BallerinaSyntax.StringLiteral(j.Path)})",
        JsonEvalIr j => $"check jsonEval(ctx, {BallerinaSyntax.StringLiteral(j.Path)})",
        XmlNavigationIr x => XmlNavigation(x),
        XmlAttributeReadIr a => $"xpathConcat({NodeValues(a)})",
        ConcatIr c => StringTemplate(c.Parts),
        UntranslatedExprIr u => $"check notTranslated({BallerinaSyntax.StringLiteral(u.Original)})",
        ConfigurableReadIr c => _names[c.Configurable],
        CountIr c => $"{CountValue(c)}.toString()",
        SystemValueIr { Value: SystemValue.MessageId } => "ctx.messageId",
        SystemValueIr { Value: SystemValue.To } => "ctx.to",
        SystemValueIr { Value: SystemValue.Action } => "check addressingAction(ctx)",
        SystemValueIr { Value: SystemValue.ReplyTo } => "check addressingAddress(ctx, ctx.replyTo)",
        SystemValueIr { Value: SystemValue.FaultTo } => "check addressingAddress(ctx, ctx.faultTo)",
        SystemValueIr { Value: SystemValue.MessageFormat } => "check messageFormat(ctx)",
        SystemValueIr { Value: SystemValue.OperationName } => "ctx.operationName",
        SystemValueIr { Value: SystemValue.ServerIp } => "getProperty(ctx, \"SERVER_IP\", serverIpAddress())",
        SystemValueIr { Value: SystemValue.ServerHost } => "getProperty(ctx, \"SERVER_HOST\", serverHostName())",
        // System.currentTimeMillis(): epoch milliseconds, the fraction of the second included.
        SystemValueIr { Value: SystemValue.Time } => "nowMillis().toString()",
        _ => throw new InvalidOperationException($"Unhandled expression {expr.GetType().Name}"),
    };

    /// <summary>An expression that a method is called on: <c>check</c> binds looser than a method call, so it gets parentheses.</summary>
    public static string Receiver(string code) => code.StartsWith("check ", StringComparison.Ordinal) || code.StartsWith("string `", StringComparison.Ordinal) ? $"({code})" : code;

    private string CountValue(CountIr count) => count switch
    {
        { Nodes: true, Operand: XmlNavigationIr { TextOnly: false } navigation } => $"({Navigation(navigation)}).length()",
        { Nodes: true, Operand: XmlNavigationIr or XmlAttributeReadIr } => $"{NodeValues(count.Operand)}.length()",
        _ => $"{Receiver(String(count.Operand))}.length()",
    };

    /// <summary>
    /// A Ballerina expression of a non-string value; with <paramref name="copy"/>, a deep copy of a value that is part of
    /// the message or of a property (Ballerina's XML and JSON values are mutable and shared by reference), as
    /// enrich's clone="true" reads its source. Values built fresh each time are not copied.
    /// </summary>
    public string Value(ValueIr value, bool copy) => copy && value is ValueIr.Payload or ValueIr.Property or ValueIr.XmlNodes or ValueIr.Json or ValueIr.Envelope
        ? Copied(Value(value))
        : Value(value);

    /// <summary><c>.clone()</c> of an expression, parenthesised unless it is a name or a member access.</summary>
    public static string Copied(string code) =>
        (System.Text.RegularExpressions.Regex.IsMatch(code, @"^[A-Za-z_'][\w']*(\.[A-Za-z_'][\w']*|\[""[^""\\]*""\])*$") ? code : $"({code})") + ".clone()";

    /// <summary>A Ballerina expression of a non-string value (anydata).</summary>
    public string Value(ValueIr value) => value switch
    {
        // An enrich body source: the body's first element on the XML form, the whole payload on the JSON path.
        ValueIr.Payload => "check bodySource(ctx)",
        ValueIr.Property p when _locals[p.Name] is { } local => local.Name,
        ValueIr.Property p when Field(p.Name) is { } field => $"ctx.properties.{field.Field}",
        ValueIr.Property p => $"ctx.properties[{BallerinaSyntax.StringLiteral(p.Name)}]",
        ValueIr.XmlNodes x => Navigation(x.Navigation),
        ValueIr.Json { Moved: true } j => $"check jsonPathMoved(ctx, {BallerinaSyntax.StringLiteral(j.Path)})",
        ValueIr.Json j => $"check jsonPath(ctx, {BallerinaSyntax.StringLiteral(j.Path)})",
        ValueIr.ParsedJson { Tree: { } tree } j when JsonLiteralWriter.Write(tree, this) is var literal && !literal.Contains('\n', StringComparison.Ordinal)
            => literal,
        ValueIr.ParsedJson j => UseValue($"check value:fromJsonString({BallerinaSyntax.StringLiteral(j.Source)})"),
        ValueIr.ParsedXml x => $"check xml:fromString({BallerinaSyntax.StringLiteral(x.Source)})",
        ValueIr.String s => String(s.Value),
        ValueIr.Envelope => "check envelopeValue(ctx)",
        ValueIr.Entry { IsXml: true } e => _names[e.Symbol] + ".clone()",
        ValueIr.Entry e => _names[e.Symbol],
        _ => throw new InvalidOperationException($"Unhandled value {value.GetType().Name}"),
    };

    private string UseValue(string code)
    {
        _modules.Use("value");
        return code;
    }

    /// <summary>A <c>string `...`</c> template of the parts, or a plain literal when all parts are literal.</summary>
    public string StringTemplate(IEnumerable<ExprIr> parts) => StringTemplate(parts.Cast<object>());

    /// <summary>
    /// A <c>string `...`</c> template of expressions and interpolations the writer composed itself (a string
    /// starting with <c>${</c>), or a plain literal when all parts are literal.
    /// </summary>
    public string StringTemplate(IEnumerable<object> parts)
    {
        // A value known to be empty (a JSON-typed property read as an XPath string) adds nothing: it is left out, and
        // when only literal text is left the result is a plain string literal.
        var list = parts
            .Select(p => p is ExprIr expr and not StringLiteralIr ? new RenderedExpression(String(expr)) : p)
            .Where(p => p is not RenderedExpression { Code: "\"\"" })
            .ToList();
        if (list.All(p => p is StringLiteralIr))
        {
            return BallerinaSyntax.StringLiteral(string.Concat(list.Cast<StringLiteralIr>().Select(p => p.Value)));
        }

        var builder = new StringBuilder("string `");
        foreach (var part in list)
        {
            switch (part)
            {
                case StringLiteralIr literal:
                    builder.Append(BallerinaSyntax.TemplateText(literal.Value));
                    break;
                case RenderedExpression { Code: var text }:
                    builder.Append("${").Append(text).Append('}');
                    break;
                case string interpolation:
                    builder.Append(interpolation);
                    break;
                default:
                    throw new InvalidOperationException();
            }
        }

        return builder.Append('`').ToString();
    }

    /// <summary>An expression part of a string template, already written as Ballerina.</summary>
    private sealed record RenderedExpression(string Code);

    /// <summary>The condition a value is the text of (a boolean converted to a string, or a boolean where text is read), or null.</summary>
    private static ConditionIr? BooleanText(ExprIr value) => value switch
    {
        ConvertIr { To: ValueKind.String } c => BooleanText(c.Operand),
        ConditionValueIr c => c.Condition,
        { Kind: ValueKind.Boolean } truth => new BooleanValueIr(truth),
        _ => null,
    };

    /// <summary>
    /// A condition's negation, an equality or a string's emptiness test turned around rather than wrapped in <c>!(...)</c>
    /// (<c>not(boolean(get-property('p')))</c> is <c>getProperty(ctx, "p") == ""</c>, not <c>!(getProperty(ctx, "p") != "")</c>),
    /// a negation's negation its operand.
    /// </summary>
    private string Negated(ConditionIr condition) => condition switch
    {
        NonEmptyIr { Value: not (XmlNavigationIr or XmlAttributeReadIr or XmlRelativeIr) } n => $"{String(n.Value)} == \"\"",
        CompareIr { Numeric: false, Operator: "=" or "!=" } c => Condition(c with { Operator = c.Operator == "=" ? "!=" : "=" }),
        CompareIr c when EmptinessTest(c, negated: true) is { } test => test,
        // not(not(a or b)) inside an and stays one operand: its and/or keeps its brackets.
        NotIr n => n.Operand is AndIr or OrIr ? $"({Condition(n.Operand)})" : Condition(n.Operand),
        _ => $"!({Condition(condition)})",
    };

    /// <summary>
    /// An operand of a text comparison: an MI 4.4 payload path inside the expression reads a JSON null as <c>()</c>,
    /// which BinaryOperationNode.handleEquality compares as null (equal to null only), so that <c>${payload.a == ''}</c>
    /// is false for <c>"a": null</c> (a path that is not there fails the expression, as for any other use).
    /// </summary>
    private string CompareOperand(ExprIr operand) => operand switch
    {
        JsonEvalIr j when TypedAccess(j) is { } access => access,
        JsonEvalIr { Synapse: true, Required: true } j when JsonLocal is { } json && ReadsParsedJson(j) => $"check synapseJsonNullableIn({json}, {BallerinaSyntax.StringLiteral(j.Path)})",
        JsonEvalIr { Synapse: true, Required: true } j => $"check synapseJsonNullable(ctx, {BallerinaSyntax.StringLiteral(j.Path)})",
        _ => String(operand),
    };

    /// <summary>
    /// <c>string-length(s) &gt; 0</c> (or <c>!= 0</c>, <c>= 0</c>, <c>&lt;= 0</c>, <c>&lt; 1</c>, <c>&gt;= 1</c>) as the emptiness test it is:
    /// <c>s != ""</c> or <c>s == ""</c>, not <c>&lt;float&gt;s.length() &gt; 0.0</c>. Null for any other comparison.
    /// </summary>
    private string? EmptinessTest(CompareIr compare, bool negated = false)
    {
        if (compare is not { Numeric: true, Left: CountIr { Nodes: false } length, Right: NumberLiteralIr { Text: var text } }
            || !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var bound))
        {
            return null;
        }

        bool? nonEmpty = (compare.Operator, bound) switch
        {
            (">" or "!=", 0) or (">=", 1) => true,
            ("=" or "<=", 0) or ("<", 1) => false,
            _ => null,
        };
        return nonEmpty is { } holds ? $"{String(length.Operand)} {(holds != negated ? "!=" : "==")} \"\"" : null;
    }

    /// <summary>
    /// Two operands of an <c>and</c> or <c>or</c> that are the same test (<c>get-property('p') = '' or
    /// not(boolean(get-property('p')))</c>: both <c>getProperty(ctx, "p") == ""</c>): both written the same and both only
    /// read the message, so the second gives what the first gave and one of them says the same.
    /// </summary>
    private bool SameTest(ConditionIr left, ConditionIr right) =>
        Small(left) && Small(right) && PureReads.IsPure(left) && PureReads.IsPure(right) && Condition(left) == Condition(right);

    /// <summary>The most tests an operand compared by its text holds (<see cref="SameTest"/>).</summary>
    private const int SameTestLimit = 32;

    /// <summary>
    /// Whether a condition holds at most <see cref="SameTestLimit"/> tests, counted without walking past the limit: a
    /// deep and/or is then written once, not once more per level to compare its operands (which grows as 2^depth).
    /// </summary>
    private static bool Small(ConditionIr condition)
    {
        var budget = SameTestLimit;
        var pending = new Stack<ConditionIr>();
        pending.Push(condition);
        while (pending.TryPop(out var next))
        {
            if (--budget < 0)
            {
                return false;
            }

            switch (next)
            {
                case AndIr a:
                    pending.Push(a.Left);
                    pending.Push(a.Right);
                    break;
                case OrIr o:
                    pending.Push(o.Left);
                    pending.Push(o.Right);
                    break;
                case NotIr n:
                    pending.Push(n.Operand);
                    break;
            }
        }

        return true;
    }

    public string Condition(ConditionIr condition) => condition switch
    {
        NonEmptyIr n => n.Value switch
        {
            XmlNavigationIr { TextOnly: false } x => $"({Navigation(x)}).length() > 0",
            XmlNavigationIr or XmlAttributeReadIr or XmlRelativeIr => $"{NodeValues(n.Value)}.length() > 0",
            _ => $"{String(n.Value)} != \"\"",
        },
        NodeSetCompareIr { Other: XmlRelativeIr other } c => $"xpathSomePair({NodeValues(c.Nodes)}, {BallerinaSyntax.StringLiteral(c.Operator)}, {NodeValues(other)})",
        NodeSetCompareIr c when c.Numeric => $"xpathSomeNumber({NodeValues(c.Nodes)}, {BallerinaSyntax.StringLiteral(c.Operator)}, {Number(c.Other)})",
        NodeSetCompareIr c => $"xpathSomeString({NodeValues(c.Nodes)}, {BallerinaSyntax.StringLiteral(c.Operator)}, {String(c.Other)})",
        CompareIr { Left: ContextFieldIr { Field: ContextField.StatusCode }, Right: NumberLiteralIr { NumberKind: ValueKind.Integer } status } c
            when c.Operator is "=" or "!="
            => $"axis2HttpSc(ctx) {(c.Operator == "=" ? "==" : "!=")} {BallerinaSyntax.StringLiteral(status.Text)}",
        CompareIr c when EmptinessTest(c) is { } test => test,
        CompareIr c when c.Numeric => $"{Number(c.Left)} {NumericOperator(c.Operator)} {Number(c.Right)}",
        CompareIr c => $"{CompareOperand(c.Left)} {(c.Operator == "!=" ? "!=" : "==")} {CompareOperand(c.Right)}",
        StringTestIr t => $"{Receiver(String(t.Value))}.{t.Test switch { StringTest.Contains => "includes", StringTest.StartsWith => "startsWith", _ => "endsWith" }}({String(t.Operand)})",
        // A boolean's text (Synapse's stringValueOf gives "true" or "false") matched in full against either: the boolean itself.
        RegexMatchIr r when LiteralText(r.Pattern) is "true" or "false" && BooleanText(r.Value) is { } truth
            => LiteralText(r.Pattern) == "true" ? Condition(truth) : Negated(truth),
        RegexMatchIr r when LiteralText(r.Pattern) is { } literal => Condition(Comparisons.Typed(r.Value, "=", new StringLiteralIr(literal), numeric: false)),
        RegexMatchIr r => $"check matches({String(r.Value)}, {BallerinaSyntax.StringLiteral(r.Pattern)})",
        AndIr a when SameTest(a.Left, a.Right) => Condition(a.Left),
        OrIr o when SameTest(o.Left, o.Right) => Condition(o.Left),
        AndIr a => $"{Operand(a.Left, isAnd: true)} && {Operand(a.Right, isAnd: true)}",
        OrIr o => $"{Operand(o.Left, isAnd: false)} || {Operand(o.Right, isAnd: false)}",
        NotIr n => Negated(n.Operand),
        BoolLiteralIr b => b.Value ? "true" : "false",
        BooleanValueIr b => Typed(b.Value),
        UntranslatedConditionIr u => $"check notTranslated({BallerinaSyntax.StringLiteral(u.Original)}) == \"true\"",
        UrlConditionHoldsIr u => $"check urlConditionHolds(ctx, {StatementWriter.UrlCondition(u.Evaluator)}, ctx.to ?: \"\")",
        AnonymousToIr => "anonymousTo(ctx)",
        _ => throw new InvalidOperationException($"Unhandled condition {condition.GetType().Name}"),
    };

    /// <summary>A regular expression with no special characters matches exactly its own text: a string comparison says the same more plainly.</summary>
    public static bool IsPlainText(string pattern) =>
        pattern.Length > 0 && pattern.All(c => char.IsLetterOrDigit(c) || c is ' ' or '_' or '-' or '/' or ':' or '@' or ',' or '=' or '#' or '%' or '&' or '\'' or '"' or '~' or '!' or '<' or '>' or ';');

    /// <summary>
    /// The text a full-match regular expression matches when it matches exactly one text: plain characters and regex
    /// syntax characters escaped with a backslash (<c>Audit\.Backup</c> matches only "Audit.Backup"); null otherwise.
    /// A string comparison says the same as <c>matches</c> then, more plainly and without a failure path.
    /// </summary>
    public static string? LiteralText(string pattern)
    {
        if (IsPlainText(pattern))
        {
            return pattern;
        }

        var text = new System.Text.StringBuilder(pattern.Length);
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length && pattern[i + 1] is '^' or '$' or '\\' or '.' or '*' or '+' or '?' or '(' or ')' or '[' or ']' or '{' or '}' or '|')
            {
                text.Append(pattern[++i]);
            }
            else if (IsPlainText(c.ToString()))
            {
                text.Append(c);
            }
            else
            {
                return null;
            }
        }

        return text.Length > 0 ? text.ToString() : null;
    }

    private string Operand(ConditionIr condition, bool isAnd)
    {
        // An and/or of the same test twice is written as that test (SameTest): parenthesised as the test is.
        while (Operands(condition) is (var left, var right) && SameTest(left, right))
        {
            condition = left;
        }

        return condition is OrIr || (!isAnd && condition is AndIr) ? $"({Condition(condition)})" : Condition(condition);
    }

    /// <summary>The two operands of an and or an or; null for any other condition.</summary>
    private static (ConditionIr Left, ConditionIr Right)? Operands(ConditionIr condition) => condition switch
    {
        AndIr a => (a.Left, a.Right),
        OrIr o => (o.Left, o.Right),
        _ => null,
    };

    private static string NumericOperator(string op) => op switch
    {
        "=" => "==",
        _ => op,
    };

    private string Number(ExprIr expr)
    {
        if (expr is CountIr count)
        {
            return $"<float>{CountValue(count)}";
        }

        if (expr.Kind == ValueKind.Float)
        {
            return Typed(expr);
        }

        if (expr.Kind == ValueKind.Integer)
        {
            return $"<float>{Typed(expr)}";
        }

        return $"xpathNumber({String(expr)})";
    }

    /// <summary>
    /// An MI 4.4 value or condition evaluated as SynapseExpression.evaluateExpression does: when the written form can
    /// fail (a <c>check</c>), a closure the runtime helper runs, logging a failure as a warning and giving "" (a value)
    /// or false (a condition); a form that cannot fail is written as it is.
    /// </summary>
    private static string SynapseGuarded(string inner, string type, string expression) =>
        !inner.Contains("check ", StringComparison.Ordinal) ? inner
        : type == "string" ? $"check synapseValue(function () returns string|error => {inner}, {expression})"
        : $"check synapseCondition(function () returns boolean|error => {inner}, {expression})";

    /// <summary>A call of a function with an exact Ballerina meaning: lang library functions, or a runtime helper named after the Synapse function.</summary>
    private string Builtin(BuiltinCallIr call)
    {
        var a = call.Arguments;
        string S(int i) => String(a[i]);
        string R(int i) => Receiver(String(a[i]));
        string T(int i) => Typed(a[i]);
        return call.Function switch
        {
            IR.Builtin.XPathNumber => $"xpathNumber({S(0)})",
            IR.Builtin.XPathNumberString => $"xpathNumberString({T(0)})",
            IR.Builtin.XPathSum => $"xpathSum({Navigation((XmlNavigationIr)a[0])})",
            IR.Builtin.XPathSubstring => a.Length == 2 ? $"xpathSubstring({S(0)}, {T(1)})" : $"xpathSubstring({S(0)}, {T(1)}, {T(2)})",
            IR.Builtin.SubstringBefore => $"substringBefore({S(0)}, {S(1)})",
            IR.Builtin.SubstringAfter => $"substringAfter({S(0)}, {S(1)})",
            IR.Builtin.NormalizeSpace => $"normalizeSpace({S(0)})",
            IR.Builtin.Translate => $"xpathTranslate({S(0)}, {S(1)}, {S(2)})",
            IR.Builtin.UpperCase => $"upperCase({S(0)})",
            IR.Builtin.LowerCase => $"lowerCase({S(0)})",
            IR.Builtin.XPathUpperCase => $"xpathUpperCase({S(0)})",
            IR.Builtin.XPathLowerCase => $"xpathLowerCase({S(0)})",
            IR.Builtin.AsciiLowerCase => $"{R(0)}.toLowerAscii()",
            IR.Builtin.XPathRound => $"xpathRound({T(0)})",
            IR.Builtin.Floor => $"float:floor({T(0)})",
            IR.Builtin.Ceiling => $"float:ceiling({T(0)})",
            IR.Builtin.Length => $"{R(0)}.length()",
            IR.Builtin.Trim => $"{R(0)}.trim()",
            IR.Builtin.Substring => a.Length == 2 ? $"check subStringFrom({S(0)}, {T(1)})" : $"check subString({S(0)}, {T(1)}, {T(2)})",
            IR.Builtin.ReplaceAll => $"replaceText({S(0)}, {S(1)}, {S(2)})",
            IR.Builtin.IndexOf => $"({R(0)}.indexOf({S(1)}) ?: -1)",
            IR.Builtin.CharAt => $"check charAt({S(0)}, {T(1)})",
            IR.Builtin.Abs => a[0].Kind == ValueKind.Integer ? $"int:abs({T(0)})" : $"float:abs({T(0)})",
            IR.Builtin.Sqrt => $"float:sqrt({T(0)})",
            IR.Builtin.Power => $"float:pow({T(0)}, {T(1)})",
            IR.Builtin.RoundHalfUp => $"roundHalfUp({T(0)})",
            IR.Builtin.Base64Encode => a.Length == 2 ? $"charsetBytes({S(0)}, {S(1)}).toBase64()" : $"{R(0)}.toBytes().toBase64()",
            IR.Builtin.Base64Decode => $"check base64Decode({S(0)})",
            IR.Builtin.Negate => $"-{Operand(a[0])}",
            IR.Builtin.MiIntArithmetic => $"miIntArithmetic({T(0)}, {S(1)}, {T(2)})",
            IR.Builtin.MiLongArithmetic => $"miIntArithmetic({T(0)}, {S(1)}, {T(2)}, javaLong = true)",
            IR.Builtin.MiIntNegate => $"check miIntNegate({T(0)})",
            IR.Builtin.MiLongNegate => $"check miIntNegate({T(0)}, javaLong = true)",
            IR.Builtin.XPathStringValue => $"xpathFirst({NodeValues(a[0])})",
            IR.Builtin.XPathLocalName => $"xpathLocalName({NamedNodes(a[0])})",
            IR.Builtin.XPathNamespaceUri => $"xpathNamespaceUri({NamedNodes(a[0])})",
            IR.Builtin.UrlEncode => a.Length == 2 ? $"urlEncodeJava({S(0)}, {S(1)})" : $"urlEncodeText({S(0)})",
            IR.Builtin.UrlDecode => $"check urlDecodeText({S(0)})",
            IR.Builtin.NowMillis => "nowMillis()",
            IR.Builtin.JsonString => $"check jsonString(ctx, {S(0)})",
            IR.Builtin.VariableString => $"check variableString(ctx, {S(0)})",
            IR.Builtin.JsonEvalText => $"check jsonEvalText({OptionalText(a[0])}, {S(1)})",
            IR.Builtin.RegexGroup => $"check regexGroup({S(0)}, {S(1)}, {T(2)})",
            IR.Builtin.FormatSystemDate => $"check formatSystemDate([{string.Join(", ", a.Select(String))}])",
            IR.Builtin.FormatDateTime => FormatDateTime(a),
            IR.Builtin.JavaDoubleString => $"javaDoubleString({T(0)})",
            IR.Builtin.PropertyInteger => $"check propertyInteger({S(0)})",
            IR.Builtin.PropertyBoolean => $"isTrueExplicitly({S(0)})",
            IR.Builtin.PropertyJson => $"lenientJson({S(0)})",
            IR.Builtin.EnvironmentVariable => EnvironmentVariable(S(0)),
            IR.Builtin.Log10 => $"float:log10({T(0)})",
            IR.Builtin.LogBase => $"(float:log({T(0)}) / float:log({T(1)}))",
            IR.Builtin.PayloadJson => $"check payloadJson(ctx, {S(0)})",
            IR.Builtin.IsString => $"jsonIsString({T(0)})",
            IR.Builtin.IsNumber => $"jsonIsNumber({T(0)})",
            IR.Builtin.IsArray => $"check jsonIsArray({T(0)})",
            IR.Builtin.IsObject => $"check jsonIsObject({T(0)})",
            IR.Builtin.PayloadExists => $"payloadExists(ctx, {S(0)})",
            IR.Builtin.VariableInteger => $"check variableInteger(jsonPath(ctx, {S(0)}), {S(1)})",
            IR.Builtin.VariableLong => $"check variableInteger(jsonPath(ctx, {S(0)}), {S(1)}, true)",
            IR.Builtin.VariableDouble => $"check variableDouble(jsonPath(ctx, {S(0)}), {S(1)})",
            IR.Builtin.VariableBoolean => $"check variableBoolean(jsonPath(ctx, {S(0)}), {S(1)})",
            IR.Builtin.VariableJson => $"check variableJson(jsonPath(ctx, {S(0)}), {S(1)})",
            IR.Builtin.XPathFirstNodeString => $"xpathFirstNodeString({FirstNodes(a[0])})",
            IR.Builtin.VariableExists => $"variableExists(ctx, {S(0)})",
            IR.Builtin.HeaderExists => $"headerExists(ctx, {S(0)})",
            IR.Builtin.VariablePathExists => $"variablePathExists(ctx, {S(0)}, {S(1)})",
            IR.Builtin.XPathBase64Decode => a.Length == 2 ? $"check xpathBase64Decode({S(0)}, {S(1)})" : $"check xpathBase64Decode({S(0)})",
            IR.Builtin.XPathRootString => "xpathString(check soapEnvelope(ctx))",
            IR.Builtin.MiDivide => $"check miDivide({T(0)}, {T(1)})",
            IR.Builtin.MiIntQuotient => $"check miIntQuotient({T(0)}, {T(1)})",
            IR.Builtin.PayloadIsNull => $"check payloadIsNull(ctx, {S(0)}, {T(1)})",
            IR.Builtin.MiStringOperand => $"check miStringOperand({S(0)})",
            IR.Builtin.MiScalarText => $"miScalarText({S(0)})",
            IR.Builtin.MiScalarString => $"check miScalarString({S(0)})",
            IR.Builtin.PropertyOrNull => a[0] is PropertyReadIr read ? PropertyOrNull(read) : $"({OptionalText(a[0])} ?: \"null\")",
            IR.Builtin.MiScalarObject => $"miScalarObject({S(0)})",
            IR.Builtin.MiAsString => $"check miAsString({S(0)})",
            IR.Builtin.MiScalar => $"miScalar({S(0)})",
            IR.Builtin.MiSum => $"check miSum({string.Join(", ", a.Select(Typed))})",
            IR.Builtin.MiIntQuotientText => $"check miIntQuotientText({T(0)}, {T(1)})",
            IR.Builtin.MiDoubleArithmetic => $"check miDoubleArithmetic({T(0)}, {S(1)}, {T(2)})",
            IR.Builtin.MiIntVariable or IR.Builtin.MiLongVariable => $"check miIntVariable(ctx, {S(0)})",
            IR.Builtin.MiDoubleVariable => $"check miDoubleVariable(ctx, {S(0)})",
            IR.Builtin.MiIntegerResult => $"check miIntegerResult(function () returns int|error => {T(0)}, {S(1)})",
            IR.Builtin.MiModulo => a[0].Kind == ValueKind.Integer ? $"check miIntModulo({T(0)}, {T(1)})" : $"check miFloatModulo({T(0)}, {T(1)})",
            IR.Builtin.JsonBoolean => $"check jsonBoolean({T(0)})",
            IR.Builtin.UrlParam => $"check urlParam(ctx, {S(0)})",
            IR.Builtin.Split => $"check javaSplit({S(0)}, {S(1)})",
            IR.Builtin.ToJsonObject => $"check miJsonConversion({T(0)}, false)",
            IR.Builtin.ToJsonArray => $"check miJsonConversion({T(0)}, true)",
            IR.Builtin.JsonLength => $"check jsonLength({T(0)})",
            IR.Builtin.GsonText => $"gsonText({T(0)})",
            IR.Builtin.JsonQuery => $"check jsonEvalQuery(ctx, {S(0)})",
            IR.Builtin.JsonQueryText => $"check jsonEvalTextQuery({OptionalText(a[0])}, {S(1)})",
            IR.Builtin.JsonQueryValue => $"check jsonQueryValue(ctx, {S(0)})",
            IR.Builtin.ExpandUriTemplate => $"check expandUriTemplate(ctx, {S(0)}, true)",
            IR.Builtin.SynapseValue => SynapseGuarded(S(0), "string", S(1)),
            IR.Builtin.SynapseCondition => a[0] is ConditionValueIr guarded && Condition(guarded.Condition) is var tested
                ? tested.Contains("check ", StringComparison.Ordinal) ? SynapseGuarded(tested, "boolean", S(1)) : $"({tested})"
                : T(0),
            _ => throw new InvalidOperationException($"Unhandled builtin {call.Function}"),
        };
    }

    private string Arithmetic(ArithmeticIr arithmetic)
    {
        var op = arithmetic.Operator switch
        {
            ArithmeticOperator.Add => "+",
            ArithmeticOperator.Subtract => "-",
            ArithmeticOperator.Multiply => "*",
            ArithmeticOperator.Divide => "/",
            _ => "%",
        };
        return $"{Operand(arithmetic.Left)} {op} {Operand(arithmetic.Right)}";
    }

    /// <summary>An operand of an arithmetic operator: parenthesised unless it is a literal or a call.</summary>
    private string Operand(ExprIr expr)
    {
        var code = Typed(expr);
        return expr is ArithmeticIr || code.StartsWith("check ", StringComparison.Ordinal) || code.StartsWith('<') || code.StartsWith('-') ? $"({code})" : code;
    }

    /// <summary>Synapse's string value of a node-set (semantics §7.2).</summary>
    private string XmlNavigation(XmlNavigationIr navigation) => navigation switch
    {
        { TextOnly: true } => $"xpathConcat({NodeValues(navigation)})",

        // $body alone: Jaxen returns the element, not a list, and Synapse writes it whole (result.toString()).
        { Steps.IsEmpty: true } => $"{Navigation(navigation)}.toString()",
        { Steps: [.., { AllNodes: true }] } => $"xpathNodeString({Navigation(navigation with { Steps = navigation.Steps[..^1] })})",
        _ => $"xpathString({Navigation(navigation)})",
    };

    /// <summary>The elements of a node-set whose first node a call-template parameter takes (a Ballerina <c>xml</c>).</summary>
    private string FirstNodes(ExprIr nodes) => nodes switch
    {
        XmlNavigationIr { TextOnly: false } x => Navigation(x),
        _ => throw new InvalidOperationException($"Not an element navigation: {nodes.GetType().Name}"),
    };

    /// <summary>The string values of the nodes of a node-set, in document order (a Ballerina <c>string[]</c>).</summary>
    private string NodeValues(ExprIr nodes) => nodes switch
    {
        XmlNavigationIr { DescendantText: true } x => $"xpathDescendantTexts({Navigation(x)})",
        XmlNavigationIr { TextOnly: true, TextPosition: { } position } x => $"xpathNthTextValues({Navigation(x)}, {position.ToString(System.Globalization.CultureInfo.InvariantCulture)})",
        XmlNavigationIr { TextOnly: true } x => $"xpathTextValues({Navigation(x)})",
        XmlNavigationIr x => $"xpathStrings({Navigation(x)})",
        XmlAttributeReadIr a => $"xpathAttributeValues({Navigation(a.Elements)}, {ExpandedName(a.Attribute.NamespaceUri, a.Attribute.LocalName)})",
        XmlRelativeIr r => RelativeValues(r),
        _ => throw new InvalidOperationException($"Not a node-set: {nodes.GetType().Name}"),
    };

    /// <summary>The nodes local-name() and namespace-uri() read: an element navigation, or in a predicate the element tested (<c>.</c>).</summary>
    private string NamedNodes(ExprIr nodes) => nodes switch
    {
        XmlRelativeIr { Steps.IsEmpty: true, Attribute: null, TextOnly: false } => PredicateContext,
        _ => Navigation((XmlNavigationIr)nodes),
    };

    /// <summary>The parameter of a predicate's test function: the element the predicate is tested on.</summary>
    private const string PredicateContext = "xpathContext";

    /// <summary>The parameter of a predicate's test function that reads the parent: the element the context element was taken from.</summary>
    private const string PredicateParent = "xpathParent";

    private string RelativeValues(XmlRelativeIr relative)
    {
        var current = PredicateContext;
        foreach (var step in relative.Steps)
        {
            current = step.Axis is { } parentAxis ? ParentAxisStep(parentAxis, step) : Step(current, step);
        }

        return relative switch
        {
            { Attribute: { } attribute } => $"xpathAttributeValues({current}, {ExpandedName(attribute.NamespaceUri, attribute.LocalName)})",
            { TextOnly: true } => $"xpathTextValues({current})",
            _ => $"xpathStrings({current})",
        };
    }

    /// <summary>The first step of a predicate's relative path on the parent or a sibling axis, from the test function's parameters.</summary>
    private static string ParentAxisStep(XmlAxis axis, XmlStepIr step)
    {
        var name = step.LocalName == "*" ? "()" : ExpandedName(step.NamespaceUri, step.LocalName);
        return axis switch
        {
            XmlAxis.Parent => $"xpathParentNamed({PredicateParent}, {name})",
            XmlAxis.FollowingSibling => $"xpathSiblings({PredicateParent}, {PredicateContext}, true, {name})",
            XmlAxis.PrecedingSibling => $"xpathSiblings({PredicateParent}, {PredicateContext}, false, {name})",
            _ => throw new InvalidOperationException($"Unhandled axis {axis}"),
        };
    }

    /// <summary>An expanded name as Ballerina's xml functions take it: <c>{uri}local</c>, or the local name without a namespace.</summary>
    private static string ExpandedName(string? uri, string localName) =>
        BallerinaSyntax.StringLiteral(uri is null ? localName : "{" + uri + "}" + localName);

    /// <summary>
    /// XML navigation from the SOAP body: <c>(check soapBody(ctx))/&lt;order&gt;/**/&lt;ns:id&gt;</c>. A qualified
    /// step uses the prefix the file declares for its namespace (<see cref="Namespaces"/>): <c>x/**/&lt;ns:id&gt;</c>,
    /// <c>x/&lt;*&gt;.&lt;ns:id&gt;</c> for a child step; without one it selects
    /// the elements and filters them by expanded name (<c>(x/&lt;*&gt;).elements("{uri}name")</c>).
    /// </summary>
    public string Navigation(XmlNavigationIr navigation) =>
        Navigation(navigation, navigation.RootProperty is { } property ? $"xmlProperty(ctx, {BallerinaSyntax.StringLiteral(property)})"
            : navigation.RootVariable is { } variable ? $"xmlVariable(ctx, {BallerinaSyntax.StringLiteral(variable)})"
            : navigation.FromHeader == true ? "(check soapHeader(ctx))"
            : navigation.FromEnvelope == true ? EnvelopeLocal ?? "(check soapEnvelope(ctx))"
            : navigation.EnvelopeNamespace is { } envelope ? $"(check soapBodyIn(ctx, {BallerinaSyntax.StringLiteral(envelope)}))"
            : BodyLocal ?? "(check soapBody(ctx))");

    /// <summary>XML navigation from <paramref name="root"/> (an expression of the SOAP body element).</summary>
    public string Navigation(XmlNavigationIr navigation, string root)
    {
        var current = root;
        foreach (var step in navigation.Steps)
        {
            current = Step(current, step);
        }

        return current;
    }

    /// <summary>
    /// One location step from <paramref name="current"/>. Tests of each element filter the selection
    /// (<c>xpathFilter</c>); a positional predicate counts per parent (<c>xpathChildAt</c>), as XPath does.
    /// </summary>
    private string Step(string current, XmlStepIr step)
    {
        if (step.AllNodes == true)
        {
            return $"{current}/*";
        }

        var tests = step.Predicates.OfType<XmlPredicateIr.Test>().Select(t => t.Condition).ToList();
        var positional = step.Predicates.LastOrDefault(p => p is not XmlPredicateIr.Test);
        if (tests.Any(IrWalker.ReadsParent))
        {
            // A test on a sibling or parent axis: the step hands each element the parent it took it from (no
            // positional predicate beside it: the binder refuses one).
            var name = step.LocalName == "*" ? "()" : ExpandedName(step.NamespaceUri, step.LocalName);
            var condition = Condition(tests.Aggregate((l, r) => new AndIr(l, r)));
            if (step is { LocalName: "*", NamespaceUri: { } any })
            {
                condition = $"{InNamespaceTest(any)} && ({condition})";
            }

            return $"xpathChildrenWhere({current}, {name}, {(step.Descendant ? "true" : "false")}, "
                + $"function (xml:Element {PredicateContext}, xml:Element {PredicateParent}) returns boolean => {condition})";
        }

        if (positional is not null)
        {
            var name = step.LocalName == "*" ? "()" : ExpandedName(step.NamespaceUri, step.LocalName);
            var position = positional is XmlPredicateIr.Position p ? p.Index.ToString(CultureInfo.InvariantCulture) : "()";
            var condition = tests.Count == 0 ? null : Condition(tests.Aggregate((l, r) => new AndIr(l, r)));
            if (step is { LocalName: "*", NamespaceUri: { } any })
            {
                // p:* : the namespace is part of the test, so the position counts only the elements in it.
                condition = condition is null ? InNamespaceTest(any) : $"{InNamespaceTest(any)} && ({condition})";
            }

            var test = condition is null ? "()" : $"function (xml:Element {PredicateContext}) returns boolean => {condition}";
            return $"xpathChildAt({current}, {name}, {position}, {(step.Descendant ? "true" : "false")}, {test})";
        }

        var axis = step.Descendant ? "/**/" : "/";
        string selected;
        if (step is { LocalName: "*", NamespaceUri: null } && tests is [var only] && ExpandedNameTest(only) is { } expanded)
        {
            // *[local-name()='l' and namespace-uri()='u']: the elements of that expanded name, as a name test selects them
            // (`{u}l` is what getName() gives), instead of a filter taking each name apart twice.
            return $"({current}{axis}<*>).elements({BallerinaSyntax.StringLiteral(expanded)})";
        }

        if (step.NamespaceUri is { } uri)
        {
            // A child step is written x/<*>.<p:name> (the children, filtered by name: the same elements in the same
            // order): balcheck, the parser the tests run, reads x/<p:name> as x divided by a type cast <p:name>.
            selected = Namespaces.Prefix(uri, step.Prefix) is { } prefix
                ? $"{current}{(step.Descendant ? "/**/" : "/<*>.")}<{prefix}:{(step.LocalName == "*" ? "*" : XmlName(step.LocalName))}>"
                : step.LocalName == "*"
                ? $"xpathFilter({current}{axis}<*>, {InNamespace(uri)})"
                : $"({current}{axis}<*>).elements({BallerinaSyntax.StringLiteral("{" + uri + "}" + step.LocalName)})";
        }
        else
        {
            selected = $"{current}{axis}<{(step.LocalName == "*" ? "*" : XmlName(step.LocalName))}>";
        }

        foreach (var test in tests)
        {
            selected = $"xpathFilter({selected}, {TestFunction(test)})";
        }

        return selected;
    }

    /// <summary>
    /// The expanded name (<c>{uri}local</c>, <c>local</c> for no namespace) a predicate tests the element's name
    /// against, when it is <c>local-name() = 'l' and namespace-uri() = 'u'</c> (either order, literals on either side);
    /// null for any other test (a local name alone matches in every namespace: it stays a filter).
    /// </summary>
    private static string? ExpandedNameTest(ConditionIr test)
    {
        if (test is not AndIr { Left: var left, Right: var right })
        {
            return null;
        }

        var parts = new[] { NameTest(left), NameTest(right) };
        return parts is [{ } a, { } b] && a.Function != b.Function
            ? (a.Function == IR.Builtin.XPathLocalName ? (Local: a.Value, Uri: b.Value) : (Local: b.Value, Uri: a.Value)) is var (local, ns)
                && local.Length > 0 && !local.Contains(':', StringComparison.Ordinal) && !local.Contains('{', StringComparison.Ordinal)
                ? (ns.Length == 0 ? local : "{" + ns + "}" + local)
                : null
            : null;
    }

    /// <summary><c>local-name() = 'x'</c> or <c>namespace-uri() = 'x'</c> of the context element: the function and the literal.</summary>
    private static (IR.Builtin Function, string Value)? NameTest(ConditionIr test) => test switch
    {
        CompareIr { Operator: "=", Numeric: false, Left: BuiltinCallIr call, Right: StringLiteralIr literal } when IsContextName(call) => (call.Function, literal.Value),
        CompareIr { Operator: "=", Numeric: false, Left: StringLiteralIr literal, Right: BuiltinCallIr call } when IsContextName(call) => (call.Function, literal.Value),
        _ => null,
    };

    private static bool IsContextName(BuiltinCallIr call) =>
        call is { Function: IR.Builtin.XPathLocalName or IR.Builtin.XPathNamespaceUri, Arguments: [XmlRelativeIr { Steps.Length: 0, Attribute: null }] };

    /// <summary>Builtin.FormatDateTime: the source, the number of input parts, the input parts, the output parts.</summary>
    private string FormatDateTime(IReadOnlyList<ExprIr> a)
    {
        var inputCount = int.Parse(((NumberLiteralIr)a[1]).Text, CultureInfo.InvariantCulture);
        var input = string.Join(", ", a.Skip(2).Take(inputCount).Select(String));
        var output = string.Join(", ", a.Skip(2 + inputCount).Select(String));
        return $"check formatDateTime({String(a[0])}, [{input}], [{output}])";
    }

    private string EnvironmentVariable(string name)
    {
        _modules.Use("os");
        return $"os:getEnv({name})";
    }

    /// <summary>The test of <c>p:*</c> without a declared prefix: the element's expanded name is in the namespace.</summary>
    private static string InNamespace(string uri) =>
        $"function (xml:Element {PredicateContext}) returns boolean => {InNamespaceTest(uri)}";

    private static string InNamespaceTest(string uri) =>
        $"{PredicateContext}.getName().startsWith({BallerinaSyntax.StringLiteral("{" + uri + "}")})";

    /// <summary>A predicate's test as a function of the element; its operands are literals and relative node-sets, so it never fails.</summary>
    private string TestFunction(ConditionIr test) => $"function (xml:Element {PredicateContext}) returns boolean => {Condition(test)}";

    /// <summary>An XML name in a navigation step; characters outside identifiers are escaped.</summary>
    private static string XmlName(string name)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsAsciiLetter(c) || c == '_' || (i > 0 && char.IsAsciiDigit(c)))
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('\\').Append(c);
            }
        }

        var result = builder.ToString();
        return BallerinaSyntax.Keywords.Contains(result) ? "'" + result : result;
    }
}
