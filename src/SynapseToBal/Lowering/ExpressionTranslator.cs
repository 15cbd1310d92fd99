using System.Collections.Immutable;
using System.Text;
using SynapseToBal.IR;
using SynapseToBal.Syntax;
using SynapseToBal.Syntax.Expressions;

namespace SynapseToBal.Lowering;

/// <summary>
/// Translates Synapse expressions (XPath 1.0 with Synapse variables and functions, json-eval JSONPath, MI 4.4
/// <c>${...}</c>) into typed IR: the front end (<c>Syntax/Expressions</c>) parses them, <see cref="ExpressionBinder"/>
/// lowers the tree. Anything without an exact Ballerina meaning becomes an <see cref="UntranslatedExprIr"/>; the
/// caller reports it (SB0203, or SB0214 for a syntax error).
/// </summary>
public sealed class ExpressionTranslator
{
    private static readonly IReadOnlyDictionary<string, Symbol> NoSymbols = new Dictionary<string, Symbol>();

    private readonly IReadOnlyDictionary<string, Symbol> _pathParams;
    private readonly Func<string, Symbol>? _secret;

    // Declares the configurable of a configuration value (${configs.x}) and returns its symbol; null: not translated.
    private Func<string, Symbol>? _config;
    private readonly IReadOnlyDictionary<string, LocalEntryReadIr> _entries;
    private IReadOnlyDictionary<string, Symbol> _functionParams = NoSymbols;

    // The template parameters a call passes lazily ({{xpath}}), by name: the with-param's XPath with its own namespaces,
    // or null when it is not translated (the call reported why).
    private IReadOnlyDictionary<string, ExpressionSyntax?> _lazyParams = NoLazyParams;

    private static readonly IReadOnlyDictionary<string, ExpressionSyntax?> NoLazyParams = new Dictionary<string, ExpressionSyntax?>();

    // Whether the project may write a system-scope property of a name (a property mediator with scope="system");
    // until the project is known, any.
    private Func<string, bool> _systemWritten = _ => true;

    // The Axis2 operation of the message (GetPropertyFunction's OperationName), where the lowering knows it.
    private ExprIr? _operationName;

    // The parameters the enclosing sequence template declares, or null outside a template.
    private IReadOnlySet<string>? _templateParams;

    // Whether a variable holds XML wherever the project sets it (variable mediators with type="XML"); until the
    // project is known, none.
    private Func<string, bool> _xmlVariable = _ => false;

    // The registry resources of the input project by key (content and declared media type); until known, none.
    private Func<string, Semantics.RegistryContent?> _registry = _ => null;

    /// <param name="pathParams">Resource path parameters in scope (Synapse name → parameter symbol).</param>
    /// <param name="secret">Declares a secret configurable for a vault alias and returns its symbol.</param>
    /// <param name="entries">Local entries by key (get-property falls back to them).</param>
    public ExpressionTranslator(IReadOnlyDictionary<string, Symbol> pathParams, Func<string, Symbol>? secret = null, IReadOnlyDictionary<string, LocalEntryReadIr>? entries = null)
    {
        _pathParams = pathParams;
        _secret = secret;
        _entries = entries ?? new Dictionary<string, LocalEntryReadIr>();
    }

    public static ExpressionTranslator Empty { get; } = new(NoSymbols);

    /// <summary>
    /// A copy of this translator with every setting carried over, then <paramref name="change"/> applied: the With*
    /// methods each change one setting.
    /// </summary>
    private ExpressionTranslator Copy(
        Action<ExpressionTranslator>? change = null,
        IReadOnlyDictionary<string, Symbol>? pathParams = null,
        IReadOnlyDictionary<string, LocalEntryReadIr>? entries = null,
        Func<string, Symbol>? secret = null,
        bool replaceSecret = false)
    {
        var copy = new ExpressionTranslator(pathParams ?? _pathParams, replaceSecret ? secret : _secret, entries ?? _entries)
        {
            _functionParams = _functionParams,
            _config = _config,
            _systemWritten = _systemWritten,
            _operationName = _operationName,
            _xmlVariable = _xmlVariable,
            _registry = _registry,
            _lazyParams = _lazyParams,
            _templateParams = _templateParams,
            _variableType = _variableType,
        };
        change?.Invoke(copy);
        return copy;
    }

    /// <summary>The same translator with other path parameters in scope.</summary>
    public ExpressionTranslator WithPathParams(IReadOnlyDictionary<string, Symbol> pathParams) => Copy(pathParams: pathParams);

    /// <summary>The same translator with the project's local entries known.</summary>
    public ExpressionTranslator WithEntries(IReadOnlyDictionary<string, LocalEntryReadIr> entries) => Copy(entries: entries);

    /// <summary>The same translator inside a sequence template: <c>$func:p</c> and get-property('func', 'p') read its parameters.</summary>
    public ExpressionTranslator WithFunctionParams(IReadOnlyDictionary<string, Symbol> parameters) => Copy(c => c._functionParams = parameters);

    /// <summary>The same translator inside a sequence template that declares these parameters (lazily passed or not).</summary>
    public ExpressionTranslator WithTemplateParams(IReadOnlySet<string> declared) => Copy(c => c._templateParams = declared);

    /// <summary>
    /// The name of the parameter when the whole XPath expression is <c>$func:name</c> and the enclosing template declares
    /// no parameter of that name: SynapseXPathVariableContext reads TemplateContext.getParameterValue, null for a name the
    /// template does not declare (setupParams maps only the declared ones, plus INIT_CONFIG_KEY and INVOKE_MEDIATOR_ID), and
    /// SynapseXPath.stringValueOf gives null for it. Null otherwise (outside a template, a declared parameter, any other
    /// expression).
    /// </summary>
    internal string? UndeclaredTemplateParam(ExpressionSyntax expression)
    {
        if (_templateParams is not { } declared || expression.Language != ExpressionLanguage.XPath)
        {
            return null;
        }

        var (parsed, _) = Parse(expression);
        return parsed.Success && parsed.Root is VariableReference { Scope: VariableScope.Function, Name: var name }
            && !declared.Contains(name) && name is not ("INIT_CONFIG_KEY" or "INVOKE_MEDIATOR_ID")
            ? name
            : null;
    }

    /// <summary>
    /// The same translator knowing which system-scope properties the project writes: get-property('system', name) of
    /// a name nothing writes reads the JVM's value, a deployment setting (a required configurable here).
    /// </summary>
    public ExpressionTranslator WithSystemWrites(Func<string, bool> written) => Copy(c => c._systemWritten = written);

    /// <summary>
    /// The same translator knowing the Axis2 operation the message was dispatched to (get-property('OperationName')), or
    /// not knowing it (null): the lowering gives it where the flow still holds the entry point's request context.
    /// </summary>
    public ExpressionTranslator WithOperationName(ExprIr? operationName) =>
        operationName == _operationName ? this : Copy(c => c._operationName = operationName);

    /// <summary>
    /// The same translator knowing which variables hold XML (every variable mediator that sets one has type="XML"):
    /// MI 4.4 <c>xpath(expr, 'name')</c> navigates them.
    /// </summary>
    public ExpressionTranslator WithXmlVariables(Func<string, bool> xml) => Copy(c => c._xmlVariable = xml);

    /// <summary>The same translator declaring the configurable of each configuration value an MI 4.4 <c>${configs.x}</c> reads.</summary>
    public ExpressionTranslator WithConfigValues(Func<string, Symbol> config) => Copy(c => c._config = config);

    /// <summary>The same translator knowing the project's registry resources: registry reads of them become their content.</summary>
    public ExpressionTranslator WithRegistry(Func<string, Semantics.RegistryContent?> registry) => Copy(c => c._registry = registry);

    /// <summary>
    /// The value of a registry resource of the project as MI 4.4 <c>registry(key)</c> (<paramref name="synapseExpression"/>)
    /// or XPath <c>get-property('registry', key)</c> reads it (<see cref="RegistryExpressionValue"/>), or null.
    /// </summary>
    internal string? RegistryValue(string key, bool synapseExpression) =>
        _registry(key) is { } content ? RegistryExpressionValue.Read(content.Bytes, content.Text, content.MediaType, synapseExpression).Value : null;

    /// <summary>The start of the secret alias of a credential in a registry resource's XML: then the key, <c>\0</c>, the element's name.</summary>
    internal const string RegistrySecretPrefix = "registry-resource:";

    /// <summary>The secret alias of the credential <paramref name="element"/> in the registry resource <paramref name="key"/>.</summary>
    internal static string RegistrySecretAlias(string key, string element) => RegistrySecretPrefix + key + "\0" + element;

    /// <summary>
    /// The value of a registry resource of the project as a string expression (<see cref="RegistryValue"/>), or null.
    /// An XML resource holding literal credentials (an element or attribute named like a password, as a local entry's
    /// are found: Lowerer.XmlSecrets) has each of them read from a required configurable (SB0212), never written as a
    /// literal: the text around them is concatenated with the configurables' values. Without a way to declare them,
    /// such a resource is not translated.
    /// </summary>
    internal ExprIr? RegistryExpr(string key, bool synapseExpression)
    {
        if (RegistryValue(key, synapseExpression) is not { } content)
        {
            return null;
        }

        var xml = content.TrimStart().StartsWith('<');
        if (!xml && TextSecret(content) is not null)
        {
            // A credential in JSON or text (a "password" member, a password= line) cannot be cut out as an element's
            // text can: the read is not translated (a TODO), rather than the literal written into the code.
            return null;
        }

        var secrets = xml ? Lowerer.XmlSecrets(content, vaultLookups: false) : [];
        if (secrets.Count == 0)
        {
            return new StringLiteralIr(content);
        }

        if (_secret is null)
        {
            return null;
        }

        var parts = ImmutableArray.CreateBuilder<ExprIr>();
        var index = 0;

        // Two credentials with one name (a database's and a directory's <password>) are two values: each occurrence
        // after the first has a configurable of its own (its number after a NUL in the alias).
        var occurrences = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (start, length, name) in secrets)
        {
            var occurrence = occurrences[name] = occurrences.GetValueOrDefault(name) + 1;
            parts.Add(new StringLiteralIr(content[index..start]));
            parts.Add(new ConfigurableReadIr(_secret(RegistrySecretAlias(key, occurrence == 1 ? name : $"{name}\0{occurrence}"))));
            index = start + length;
        }

        parts.Add(new StringLiteralIr(content[index..]));
        return new ConcatIr(parts.ToImmutable());
    }

    /// <summary>
    /// The first name of a JSON member (<c>"password": ...</c>) or of a text line's key (<c>password=...</c>,
    /// <c>password: ...</c>) in a registry resource that names a credential (<see cref="SecretNames.IsSecret"/>), or null.
    /// </summary>
    internal static string? TextSecret(string content) =>
        TextKeyPattern.Matches(content).Select(m => m.Groups["json"].Success ? m.Groups["json"].Value : m.Groups["line"].Value)
            .FirstOrDefault(SecretNames.IsSecret);

    private static readonly System.Text.RegularExpressions.Regex TextKeyPattern = new(@"""(?<json>[^""\\]{1,100})""\s*:|^[ \t]*(?<line>[A-Za-z0-9_.\-]{1,100})[ \t]*[=:]", System.Text.RegularExpressions.RegexOptions.Multiline | System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>Why a registry read of a key is not translated, or null when it is (or the resource is not in the project).</summary>
    internal string? RegistryRefusal(string key, bool synapseExpression) =>
        _registry(key) is { } content ? RegistryExpressionValue.Read(content.Bytes, content.Text, content.MediaType, synapseExpression).Reason : null;

    // The type every variable mediator that sets a variable declares (INTEGER, LONG, DOUBLE), or null when they differ
    // or declare another; until the project is known, none.
    private Func<string, string?> _variableType = _ => null;

    /// <summary>
    /// The same translator knowing the numeric type (INTEGER, LONG or DOUBLE) every variable mediator of the project that
    /// sets a variable declares for it: MI 4.4 arithmetic on <c>vars.x</c> then knows the Java type it adds.
    /// </summary>
    public ExpressionTranslator WithVariableTypes(Func<string, string?> types) => Copy(c => c._variableType = types);

    /// <summary>The numeric type (INTEGER, LONG, DOUBLE) every variable mediator setting the variable declares, or null.</summary>
    internal string? VariableType(string name) => _variableType(name);

    /// <summary>Whether the variable holds XML wherever the project sets it.</summary>
    internal bool XmlVariable(string name) => _xmlVariable(name);

    /// <summary>
    /// The same translator inside a sequence template specialised for calls that pass some parameters lazily
    /// (<c>{{xpath}}</c>): <c>$func:p</c> of such a parameter evaluates the with-param's XPath where it is read.
    /// </summary>
    public ExpressionTranslator WithLazyParams(IReadOnlyDictionary<string, ExpressionSyntax?> parameters) => Copy(c => c._lazyParams = parameters);

    /// <summary>A template parameter, when one of that name is in scope (get-property('func', p), params.functionParams.p).</summary>
    internal ExprIr? FunctionParam(string name) => _functionParams.TryGetValue(name, out var local) ? new ParameterReadIr(local) : null;

    /// <summary>Why <c>$func:p</c> of a parameter the calls pass lazily is not translated, or null for any other node.</summary>
    internal string? LazyReason(ExpressionNode node) =>
        node is VariableReference { Scope: VariableScope.Function } v && _lazyParams.TryGetValue(v.Name, out var lazy)
            ? lazy is null
                ? "the calls of this function pass the parameter lazily ({{...}}) with a value that is not translated (SB0250 or SB0251 at the with-param)"
                : $"the calls of this function pass the parameter lazily, '{lazy.Text}', which reads nodes here only where they are an XPath that selects elements or attributes the converter translates"
            : null;

    /// <summary>
    /// <c>$func:p</c>. A parameter passed lazily (<c>{{xpath}}</c>) holds the SynapseXPath itself
    /// (TemplateContext.getEvaluatedParamValue), which SynapseXPathVariableContext evaluates against the envelope at
    /// each read (<c>expression.evaluate(env)</c>): its node-set, bound here with the with-param's own namespaces, in
    /// place of the variable, so the nodes are those of the message where it is read and the enclosing expression
    /// converts them as it would its own path (string() in a text, the nodes as an iterate or aggregate path). Null
    /// (not translated) for a lazy value that is not an XPath selecting nodes the binder translates.
    /// </summary>
    internal ExprIr? FunctionVariable(string name)
    {
        if (!_lazyParams.TryGetValue(name, out var lazy))
        {
            return FunctionParam(name);
        }

        if (lazy is not { Language: ExpressionLanguage.XPath })
        {
            return null;
        }

        var (parsed, jsonEvals) = Parse(lazy);
        if (!parsed.Success || JsonEvalNotWhole(lazy) is not null)
        {
            return null;
        }

        // Inside the stored XPath, $func: reads the same template's parameters; its own name would recurse.
        var inner = WithLazyParams(_lazyParams.Where(p => p.Key != name).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal));
        var value = new ExpressionBinder(inner, ExpressionLanguage.XPath, lazy.Namespaces, jsonEvals).Value(parsed.Root);
        return value is XmlNavigationIr or XmlAttributeReadIr && !IrWalker.ContainsUntranslated(value) ? value : null;
    }

    /// <summary>The local entry of a key, when the project has one with a value.</summary>
    internal LocalEntryReadIr? Entry(string key) => _entries.TryGetValue(key, out var entry) ? entry : null;

    internal ExprIr? Secret(string alias) => _secret is null ? null : new ConfigurableReadIr(_secret(alias));

    /// <summary>The configurable of the configuration value an MI 4.4 <c>${configs.name}</c> reads.</summary>
    internal ExprIr? Config(string name) => _config is null ? null : new ConfigurableReadIr(_config(name));

    private static readonly Symbol ProbeSecret = new(SymbolKind.Configurable, "secret");

    /// <summary>The same translator for probing parts of an expression: a secret is not declared (no configurable is added).</summary>
    internal ExpressionTranslator WithoutSideEffects() =>
        Copy(c => c._config = _config is null ? null : _ => ProbeSecret, secret: _secret is null ? null : _ => ProbeSecret, replaceSecret: true);

    /// <summary>The part of an untranslated expression that has no translation, with its columns (for SB0203).</summary>
    public string UntranslatedPart(ExpressionSyntax expression) => Lowering.UntranslatedPart.Describe(expression, this);

    /// <summary>
    /// Why the Micro Integrator does not read a <c>json-eval(...)</c> inside this XPath as the JSONPath it seems to be,
    /// or null when the XPath has none (a whole <c>json-eval(...)</c> is a JSONPath expression, not an XPath).
    /// SynapsePathFactory.getSynapsePath (and getSynapsePathfromExpression) takes an expression as a JSONPath only when
    /// it starts with <c>json-eval(</c>, and then takes everything from its 11th character to the one before the last
    /// (<c>substring(10, length - 1)</c>) as the path, which SynapseJsonPath's constructor compiles with Jayway's
    /// JsonPath.compile; any other expression is a SynapseXPath, which Jaxen compiles: Jaxen reads no JSONPath argument
    /// (<c>$.</c> is no variable name) and neither Jaxen nor Synapse defines an XPath function json-eval.
    /// </summary>
    internal static string? JsonEvalNotWhole(ExpressionSyntax expression)
    {
        if (expression.Language != ExpressionLanguage.XPath || !expression.Text.Contains("json-eval(", StringComparison.Ordinal))
        {
            return null;
        }

        var (_, jsonEvals) = Parse(expression);
        if (jsonEvals.Count == 0)
        {
            return null;
        }

        return expression.Text.StartsWith("json-eval(", StringComparison.Ordinal)
            ? $"an expression that starts with json-eval( is one JSONPath to the Micro Integrator, all that follows json-eval( but the last character (SynapsePathFactory.getSynapsePath: substring(10, length - 1)), here '{expression.Text["json-eval(".Length..^1]}', which SynapseJsonPath's constructor compiles with Jayway's JsonPath.compile: a space outside brackets makes it refuse the path and the artifact does not deploy, and any other path is read as a JSONPath, without the XPath written around the json-eval"
            : "json-eval(...) is read only as a whole expression (SynapsePathFactory.getSynapsePath): inside an XPath, Jaxen compiles it (SynapseXPath) and refuses a JSONPath argument ($. is no variable name), so the artifact does not deploy; an argument Jaxen reads ($ctx:x) compiles, and every evaluation then fails, as neither Jaxen nor Synapse defines an XPath function json-eval";
    }

    /// <summary>
    /// The expression as a string-valued IR (what Synapse stores for an expression without a type). For an MI 4.4
    /// <c>${...}</c>, <paramref name="reading"/> says how the mediator reads the whole result
    /// (<see cref="ExpressionReading"/>): SynapseExpression.stringValueOf applies ExpressionResult.asString to it once
    /// more, objectValueOf hands it on as it is.
    /// </summary>
    public ExprIr Value(ExpressionSyntax expression, ExpressionReading reading = ExpressionReading.StringValue)
    {
        var (parsed, jsonEvals) = Parse(expression);
        if (!parsed.Success || JsonEvalNotWhole(expression) is not null)
        {
            return new UntranslatedExprIr(expression.Original);
        }

        if (expression.Language == ExpressionLanguage.XPath && ExpressionBinder.NumberLiteralResult(parsed.Root) is { } number)
        {
            return new StringLiteralIr(number);
        }

        if (expression.Language == ExpressionLanguage.XPath && ExpressionBinder.IsDocumentRoot(parsed.Root))
        {
            return ExpressionBinder.DocumentRootString;
        }

        var binder = new ExpressionBinder(this, expression.Language, expression.Namespaces, jsonEvals) { Source = expression.Text };
        var value = expression.Language == ExpressionLanguage.JsonPath
            ? binder.JsonPathValue(parsed.Root, expression.Text.Trim())
            : binder.Value(parsed.Root);
        if (value is null)
        {
            return new UntranslatedExprIr(expression.Original);
        }

        var result = ExpressionBinder.ResultString(value, expression.Language) switch
        {
            // A whole ${vars.x} or ${headers.x}: a missing one fails the expression, which gives "" as the plain read
            // does (the MI also logs a warning).
            VariableReadIr { Required: true } variable => variable with { Required = false },
            HeaderReadIr { Required: true } header => header with { Required = false },
            PropertyReadIr { Required: true } property => property with { Required = false },
            JsonEvalIr { Required: true } path => path with { Required = false },
            var other => other,
        };

        if (expression.Language == ExpressionLanguage.Synapse && binder.ScalarAccessor(parsed.Root) && result.Kind == ValueKind.String)
        {
            // A whole ${headers.x}, ${props.synapse.x}, ${params.*.x}: tryParseNumber makes text that parses as a Java
            // number a number, which asString prints ("007" is "7", "1.50" "1.5"); stringValueOf reads any other text
            // with asString (one pair of enclosing quotes dropped; a lone quote throws and fails the mediator),
            // objectValueOf hands the String on as it is, quotes kept.
            result = new BuiltinCallIr(reading == ExpressionReading.StringValue ? Builtin.MiScalarString : Builtin.MiScalarObject, [result], ValueKind.String);
        }
        else if (expression.Language == ExpressionLanguage.Synapse && reading == ExpressionReading.StringValue)
        {
            // SynapseExpression.stringValueOf: asString of the whole result, which drops one pair of enclosing quotes
            // from a Java String a `+` or a string function made (${'"' + vars.x + '"'} is the variable's text); a
            // ternary hands on its branch's result, so each branch is read so.
            result = binder.WholeAsString(result);
        }

        return expression.Language == ExpressionLanguage.Synapse && result is not (JsonEvalIr or XmlNavigationIr or XmlAttributeReadIr) && MayFail(result) && !IrWalker.ContainsUntranslated(result)
            ? new BuiltinCallIr(Builtin.SynapseValue, [result, new StringLiteralIr(expression.Text)], ValueKind.String)
            : result;
    }

    /// <summary>
    /// Whether a translated MI 4.4 value may fail at run time where the MI's evaluation throws an EvaluationException
    /// (which SynapseExpression.evaluateExpression turns into a warning and ""): a payload path, a field of a variable,
    /// a conversion from text, an XPath, a run-time helper. Over-approximated: the writer leaves a value whose written
    /// form cannot fail as it is. A whole payload path or <c>xpath('...')</c> alone keeps its own form, which foreach,
    /// enrich, iterate and the templates read as the nodes or JSON it selects (jsonEval gives "" for a missing path; only
    /// a payload that is not JSON, or not XML, fails: see docs/expressions.md). <c>miScalarString</c> fails only with the
    /// Java exception that fails the mediator (not an evaluation error), so it needs no <c>synapseValue</c> of its own.
    /// </summary>
    internal static bool MayFail(ExprIr value) => IrWalker.Descendants(value).Any(e => e switch
    {
        JsonEvalIr or XmlNavigationIr or XmlAttributeReadIr or UntranslatedExprIr => true,
        VariableReadIr { Path: not null } or VariableReadIr { Required: true } or HeaderReadIr { Required: true } or PropertyReadIr { Required: true } => true,
        ConvertIr { To: not ValueKind.String } c => c.Operand.Kind is not (ValueKind.Integer or ValueKind.Float),
        BuiltinCallIr b => b.Function is not (Builtin.UpperCase or Builtin.MiScalarText or Builtin.MiScalarString or Builtin.MiScalarObject or Builtin.LowerCase or Builtin.XPathUpperCase or Builtin.XPathLowerCase or Builtin.AsciiLowerCase or Builtin.Trim or Builtin.UrlEncode or Builtin.NowMillis or Builtin.Base64Encode or Builtin.VariableExists or Builtin.HeaderExists or Builtin.PayloadExists or Builtin.Length or Builtin.IndexOf or Builtin.Abs or Builtin.Floor or Builtin.Ceiling or Builtin.Sqrt or Builtin.Power or Builtin.Log10 or Builtin.LogBase or Builtin.RoundHalfUp or Builtin.Negate or Builtin.MiIntArithmetic or Builtin.MiLongArithmetic or Builtin.JavaDoubleString or Builtin.XPathNumber or Builtin.XPathNumberString or Builtin.FormatSystemDate),
        _ => false,
    });

    /// <summary>The expression in a boolean position (filter, conditions).</summary>
    public ConditionIr Condition(ExpressionSyntax expression)
    {
        var (parsed, jsonEvals) = Parse(expression);
        if (!parsed.Success || JsonEvalNotWhole(expression) is not null)
        {
            return new UntranslatedConditionIr(expression.Original);
        }

        var binder = new ExpressionBinder(this, expression.Language, expression.Namespaces, jsonEvals) { Source = expression.Text };
        if (expression.Language == ExpressionLanguage.JsonPath)
        {
            // json-eval in a boolean position: Boolean.parseBoolean of the result.
            var value = binder.JsonPathValue(parsed.Root, expression.Text.Trim());
            return value is null ? new UntranslatedConditionIr(expression.Original) : new CompareIr(new BuiltinCallIr(Builtin.AsciiLowerCase, [value], ValueKind.String), "=", new StringLiteralIr("true"));
        }

        var condition = binder.Condition(parsed.Root);
        if (condition is null)
        {
            return new UntranslatedConditionIr(expression.Original);
        }

        if (condition is BooleanValueIr { Value: JsonEvalIr { Required: true } whole } flag)
        {
            // A whole ${payload.flag}: its failure and its null are "", which the filter reads as false.
            condition = flag with { Value = whole with { Required = false } };
        }

        // MI 4.4: an evaluation that fails is a warning and "", which the filter reads as false.
        return expression.Language == ExpressionLanguage.Synapse && IrWalker.Expressions(condition).Any(MayFail)
            && !IrWalker.Conditions(condition).Any(c => c is UntranslatedConditionIr) && !IrWalker.Expressions(condition).Any(IrWalker.ContainsUntranslated)
            ? new BooleanValueIr(new BuiltinCallIr(Builtin.SynapseCondition, [new ConditionValueIr(condition), new StringLiteralIr(expression.Text)], ValueKind.Boolean))
            : condition;
    }

    /// <summary>The first syntax error of an expression, or null when it parses.</summary>
    public static ExpressionError? SyntaxError(ExpressionSyntax expression)
    {
        var (parsed, _) = Parse(expression);
        return parsed.Success ? null : parsed.Errors[0];
    }

    /// <summary>
    /// Parses an expression with the front end. An XPath may embed <c>json-eval(path)</c>, whose argument is a
    /// JSONPath, not XPath: each is replaced by a variable of the same length (so positions stay right) that the
    /// binder reads back as the path.
    /// </summary>
    internal static (ExpressionParseResult Result, IReadOnlyDictionary<string, string> JsonEvals) Parse(ExpressionSyntax expression)
    {
        if (expression.Language != ExpressionLanguage.XPath || !expression.Text.Contains("json-eval(", StringComparison.Ordinal))
        {
            return (expression.Parse(), NoJsonEvals);
        }

        var (text, jsonEvals) = ReplaceJsonEvals(expression.Text);
        return (ExpressionParser.Parse(text, ExpressionLanguage.XPath), jsonEvals);
    }

    private static readonly IReadOnlyDictionary<string, string> NoJsonEvals = new Dictionary<string, string>();

    private static (string Text, IReadOnlyDictionary<string, string> JsonEvals) ReplaceJsonEvals(string text)
    {
        var builder = new StringBuilder();
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        var i = 0;
        char? quote = null;
        while (i < text.Length)
        {
            var c = text[i];
            if (quote is { } q)
            {
                quote = c == q ? null : q;
                builder.Append(c);
                i++;
                continue;
            }

            if (c is '\'' or '"')
            {
                quote = c;
            }
            else if (string.CompareOrdinal(text, i, "json-eval(", 0, "json-eval(".Length) == 0
                && (i == 0 || !(char.IsLetterOrDigit(text[i - 1]) || text[i - 1] is '-' or '_' or ':' or '$')))
            {
                var depth = 0;
                var end = i + "json-eval(".Length;
                while (end < text.Length && (text[end] != ')' || depth > 0))
                {
                    depth += text[end] == '(' ? 1 : text[end] == ')' ? -1 : 0;
                    end++;
                }

                if (end < text.Length)
                {
                    var name = "_jsonEval" + found.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    var length = end + 1 - i;
                    name = name.PadRight(length - 1, '_');
                    if (name.Length == length - 1)
                    {
                        found[name] = text[(i + "json-eval(".Length)..end].Trim();
                        builder.Append('$').Append(name);
                        i = end + 1;
                        continue;
                    }
                }
            }

            builder.Append(c);
            i++;
        }

        return (builder.ToString(), found);
    }

    /// <summary>JSONPaths the generated <c>jsonPath</c> helper evaluates: <c>$</c>, <c>.name</c>, <c>[n]</c>, <c>['name']</c>.</summary>
    public static bool IsSimpleJsonPath(string path)
    {
        var trimmed = path.Trim();
        if (!trimmed.StartsWith('$'))
        {
            return false;
        }

        var parsed = ExpressionParser.Parse(trimmed, ExpressionLanguage.JsonPath);
        return parsed.Success && ExpressionBinder.IsSimpleJsonPath(parsed.Root);
    }

    /// <summary>get-property('name'): the special keys Synapse computes itself, else a default-scope property.</summary>
    /// <summary>The scopes GetPropertyFunction takes as a first argument (any other first argument is a property name).</summary>
    internal static bool IsGetPropertyScope(string value) =>
        value is "axis2" or "operation" or "default" or "transport" or "registry" or "func" or "system" or "env" or "file";

    /// <summary>get-property(name, dateFormat): the format applies to SYSTEM_DATE only; other names ignore it. Null when the format has no translation.</summary>
    internal ExprIr? GetProperty(string name, string dateFormat)
    {
        if (name != "SYSTEM_DATE")
        {
            return GetProperty(name);
        }

        return JavaDateFormat.Parts(dateFormat) is { } parts
            ? new BuiltinCallIr(Builtin.FormatSystemDate, [.. parts.Select(p => (ExprIr)new StringLiteralIr(p))], ValueKind.String)
            : null;
    }

    /// <summary>
    /// The pattern of <c>new SimpleDateFormat()</c> in the en_US locale on Java 11 and 17 (CLDR: SHORT date
    /// <c>M/d/yy</c> and SHORT time <c>h:mm a</c> joined by <c>{1}, {0}</c>); Java 20 and later put a narrow no-break
    /// space (U+202F) before the AM/PM marker. Fields and literals split as <see cref="JavaDateFormat.Parts"/> splits them.
    /// </summary>
    internal static readonly ImmutableArray<string> DefaultSystemDateParts = ["M", "'/", "d", "'/", "yy", "', ", "h", "':", "mm", "' ", "a"];

    /// <summary>get-property('SYSTEM_DATE') without a format: the current time as <see cref="DefaultSystemDateParts"/> writes it.</summary>
    private static BuiltinCallIr DefaultSystemDate() =>
        new(Builtin.FormatSystemDate, [.. DefaultSystemDateParts.Select(p => (ExprIr)new StringLiteralIr(p))], ValueKind.String);

    /// <summary>True when the expression reads get-property('SYSTEM_DATE') without a format (its text depends on the server's locale).</summary>
    internal static bool ReadsDefaultSystemDate(ExprIr expr) =>
        IrWalker.Descendants(expr).Any(e => e is BuiltinCallIr { Function: Builtin.FormatSystemDate } call
            && call.Arguments.Length == DefaultSystemDateParts.Length
            && call.Arguments.Select(a => (a as StringLiteralIr)?.Value).SequenceEqual(DefaultSystemDateParts));

    internal ExprIr GetProperty(string name)
    {
        switch (name)
        {
            case "SYSTEM_TIME":
                return new SystemValueIr(SystemValue.Time);
            case "SYSTEM_DATE":
                // GetPropertyFunction: new SimpleDateFormat(), the JVM locale's SHORT date and time (SB0286).
                return DefaultSystemDate();
            case "MessageID":
                return new SystemValueIr(SystemValue.MessageId);
            case "To":
                return new SystemValueIr(SystemValue.To);
            case "Action":
                // Axis2 reads the SOAPAction header without its quotes.
                return new SystemValueIr(SystemValue.Action);
            case "ReplyTo":
                // GetPropertyFunction: synCtx.getReplyTo()'s address, "" when the message has none.
                return new SystemValueIr(SystemValue.ReplyTo);
            case "FaultTo":
                return new SystemValueIr(SystemValue.FaultTo);
            case "SERVER_IP" when !_entries.ContainsKey(name):
                // CarbonSynapseController.addServerIPAndHostEnrties registers the local entries SERVER_IP and SERVER_HOST
                // at start-up (InetAddress.getLocalHost()), which get-property reads when no property of that name is set.
                return new SystemValueIr(SystemValue.ServerIp);
            case "SERVER_HOST" when !_entries.ContainsKey(name):
                return new SystemValueIr(SystemValue.ServerHost);
            case "MESSAGE_FORMAT":
                // GetPropertyFunction: pox (isDoingREST), else soap11 or soap12 by the envelope (messageFormat: requests only).
                return new SystemValueIr(SystemValue.MessageFormat);
            case "OperationName" when _operationName is { } operation:
                // GetPropertyFunction: the local name of the Axis2 message's AxisOperation; for an API request (the
                // SynapseDispatcher's __SynapseService) and a proxy without a WSDL, its one operation 'mediate'; for a
                // proxy with a WSDL, the operation its service dispatched the request to (ctx.operationName).
                return operation;
            case "From" or "RelatesTo" or "OperationName":
                // WS-Addressing and Axis2 message fields: the generated message model does not carry them.
                return new UntranslatedExprIr($"get-property('{name}')");
            default:
                return PropertyOrParam(name);
        }
    }

    /// <summary>A default-scope property (<c>$ctx:name</c>); <c>uri.var.*</c> of a resource path parameter reads the parameter.</summary>
    internal ExprIr PropertyOrParam(string name)
    {

        if (name.StartsWith("uri.var.", StringComparison.Ordinal) && _pathParams.TryGetValue(name["uri.var.".Length..], out var param))
        {
            return new ParameterReadIr(param);
        }

        return new PropertyReadIr(name, _entries.GetValueOrDefault(name));
    }

    /// <summary>
    /// <c>$ctx:name</c>: the message context's property alone. SynapseXPathVariableContext reads synCtx.getProperty, which
    /// falls back to nothing (where get-property's default scope falls back to the local entry of that key); <c>uri.var.*</c>
    /// of a resource path parameter reads the parameter.
    /// </summary>
    internal ExprIr ContextProperty(string name) => PropertyOrParam(name) is PropertyReadIr read ? read with { Fallback = null } : PropertyOrParam(name);

    /// <summary>
    /// The keys get-property reads in the default scope, by a literal key, in <paramref name="expression"/>
    /// (<c>get-property('x')</c>, <c>get-property('default', 'x')</c>, <c>get-property('x', 'dateFormat')</c>): the keys whose
    /// property GetPropertyFunction looks up, then the server's local entry of that name.
    /// </summary>
    internal static IEnumerable<string> DefaultScopeKeys(ExpressionSyntax expression)
    {
        var (parsed, _) = Parse(expression);
        if (!parsed.Success)
        {
            return [];
        }

        return ExpressionWalker.DescendantsAndSelf(parsed.Root).OfType<FunctionCall>()
            .Where(call => call is { Name: "get-property", Prefix: null or "fn" } && call.Arguments.All(a => a is StringLiteral))
            .Select(call => call.Arguments.Cast<StringLiteral>().Select(a => a.Value).ToArray())
            .Select(values => values switch
            {
                [var key] => key,
                [var scope, var key] when IsGetPropertyScope(scope) => scope == "default" ? key : null,
                [var key, _] => key,
                _ => null,
            })
            .OfType<string>()
            .Distinct(StringComparer.Ordinal);
    }

    /// <summary>get-property with a scope.</summary>
    internal ExprIr? ScopedProperty(string scope, string name) => scope.ToLowerInvariant() switch
    {
        "default" => GetProperty(name),
        "transport" => new HeaderReadIr(name),
        "axis2" => Axis2Property(name),
        "operation" => new PropertyReadIr(name) { Scope = PropertyScope.Operation },
        "func" => FunctionParam(name),
        // GetPropertyFunction's env scope: System.getenv(name), "" when the variable is not set, as os:getEnv.
        "env" => new BuiltinCallIr(Builtin.EnvironmentVariable, [new StringLiteralIr(name)], ValueKind.String),
        // GetPropertyFunction's file scope: FilePropertyLoader's value of the key in the MI's file.properties, a
        // deployment setting: a required configurable here, one per key.
        "file" => Secret("file:" + name),
        // GetPropertyFunction's system scope: System.getProperty(name), "" when not set. A JVM system property is a
        // setting of the server the MI runs on (file.separator, user.home, -D options): a required configurable, one
        // per name, kept as a secret (-D options also carry passwords); not when the project sets it (PropertyMediator's
        // System.setProperty), which a configurable would not see.
        "system" when !_systemWritten(name) => Secret("system:" + name),
        // GetPropertyFunction's registry scope: the resource through the registry (Registry.getResource, cached for the
        // registry's cachableDuration), read here at conversion time when the project holds it. A key with '@' (a
        // resource property) or one a local entry of the project also defines (getEntryDefinition comes first) is not.
        "registry" when scope == "registry" && !name.Contains('@', StringComparison.Ordinal) && Entry(name) is null
            && RegistryExpr(name, synapseExpression: false) is { } content => content,
        _ => null,
    };

    internal static ExprIr? Axis2Property(string name) => name switch
    {
        "HTTP_SC" => new ContextFieldIr(ContextField.StatusCode),
        "messageType" => new ContextFieldIr(ContextField.MessageType),
        "ContentType" => new ContextFieldIr(ContextField.ContentType),
        "HTTP_METHOD" => new ContextFieldIr(ContextField.Method),
        "REST_URL_POSTFIX" => new ContextFieldIr(ContextField.UrlPostfix),
        _ when Lowerer.IsAxis2Readable(name) => new PropertyReadIr(name) { Scope = PropertyScope.Axis2 },
        _ => null,
    };
}
