using System.Collections.Immutable;
using System.Globalization;
using SynapseToBal.IR;
using SynapseToBal.Syntax;
using SynapseToBal.Syntax.Expressions;

namespace SynapseToBal.Lowering;

/// <summary>
/// Lowers the expression syntax tree of one dialect to typed IR. Each method returns null when the node has no
/// exact Ballerina meaning; the translator then keeps the whole expression as untranslated text, so a part
/// never silently changes meaning. The conversions XPath applies implicitly (string(), number(), boolean())
/// are explicit nodes of the IR.
/// </summary>
internal sealed partial class ExpressionBinder(
    ExpressionTranslator owner,
    ExpressionLanguage dialect,
    ImmutableDictionary<string, string> namespaces,
    IReadOnlyDictionary<string, string> jsonEvals)
{
    private const string SoapEnv11 = "http://schemas.xmlsoap.org/soap/envelope/";
    private const string SoapEnv12 = "http://www.w3.org/2003/05/soap-envelope";

    private bool IsXPath => dialect == ExpressionLanguage.XPath;

    /// <summary>
    /// The text the tree was parsed from (node spans are relative to it), when known: an MI 4.4 string literal is
    /// taken as written (LiteralNode keeps the token's text; ExpressionResult.asString strips one pair of quotes and
    /// leaves backslashes), which split, object and array read.
    /// </summary>
    public string? Source { get; init; }

    /// <summary>The string form of a value, as Synapse stores an expression's result.</summary>
    public static ExprIr AsString(ExprIr value, ExpressionLanguage language) => value switch
    {
        // MI 4.4 performIntOperation: an exact quotient of two ints is an int ("2"), any other a double ("3.5").
        BuiltinCallIr { Function: Builtin.MiIntQuotient } quotient => quotient with { Function = Builtin.MiIntQuotientText, ResultKind = ValueKind.String },
        { Kind: ValueKind.String } => value,
        { Kind: ValueKind.Float } when language == ExpressionLanguage.XPath => Call(Builtin.XPathNumberString, ValueKind.String, value),
        _ => new ConvertIr(value, ValueKind.String),
    };

    /// <summary>
    /// The string Synapse stores for a whole expression's result. For XPath, SynapseXPath.stringValueOf appends the
    /// result's toString: a number (Jaxen's Double) is Java's Double.toString ("2.0" for a count of two, "3.0" for
    /// 2 + 1), where XPath's string() inside an expression gives "2".
    /// </summary>
    public static ExprIr ResultString(ExprIr value, ExpressionLanguage language) => (language, value.Kind) switch
    {
        (ExpressionLanguage.XPath, ValueKind.Float) => Call(Builtin.JavaDoubleString, ValueKind.String, value),
        (ExpressionLanguage.XPath, ValueKind.Integer) => Call(Builtin.JavaDoubleString, ValueKind.String, new ConvertIr(value, ValueKind.Float)),

        // count() and string-length() are numbers too (Jaxen's Double), kept as their text inside an expression.
        (ExpressionLanguage.XPath, _) when value is CountIr => Call(Builtin.JavaDoubleString, ValueKind.String, new ConvertIr(new ConvertIr(value, ValueKind.Integer), ValueKind.Float)),
        _ => AsString(value, language),
    };

    /// <summary>A whole XPath expression that is a number literal ("5", "-1.50"): the Double Jaxen gives for it, as Java prints it.</summary>
    public static string? NumberLiteralResult(ExpressionNode root) => root switch
    {
        NumberLiteral n => JavaDouble(n.Text, negate: false),
        UnaryExpression { Operator: UnaryOperator.Negate, Operand: NumberLiteral n } => JavaDouble(n.Text, negate: true),
        _ => null,
    };

    /// <summary>
    /// The XPath <c>/</c> alone: the document root. Only as a whole expression (or MI 4.4 <c>xpath('/')</c>) is its value
    /// translated: SynapseXPath.stringValueOf writes the document's element (or the envelope itself, an element
    /// without own text) as XML, where XPath's string() of it (an argument, a comparison) is all its text.
    /// </summary>
    public static bool IsDocumentRoot(ExpressionNode root) => root is LocationPath { Absolute: true, Steps.IsEmpty: true };

    /// <summary>The whole message's envelope as XML, Synapse's string value of <c>/</c>.</summary>
    public static ExprIr DocumentRootString { get; } = new BuiltinCallIr(Builtin.XPathRootString, [], ValueKind.String);

    private static string? JavaDouble(string text, bool negate) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? JavaDoubles.ToString(negate ? -number : number) : null;

    private static BuiltinCallIr Call(Builtin function, ValueKind result, params ExprIr[] arguments) => new(function, [.. arguments], result);

    // ---------------------------------------------------------------------------------------------------
    // Values.

    /// <summary>The value of a node, of its natural kind (strings for paths and properties).</summary>
    public ExprIr? Value(ExpressionNode node) => node switch
    {
        StringLiteral s => new StringLiteralIr(s.Value),
        NumberLiteral n => NumberAsWritten(n.Text),
        UnaryExpression { Operator: UnaryOperator.Negate, Operand: NumberLiteral n } => NumberAsWritten("-" + n.Text),
        BooleanLiteral b => new StringLiteralIr(b.Value ? "true" : "false"),
        NullLiteral => new StringLiteralIr(string.Empty),
        VariableReference v => Variable(v),
        LocationPath path => Navigation(path.Absolute, fromBody: false, path.Steps),
        PathExpression { Start: VariableReference { Scope: VariableScope.Body } } path => Navigation(absolute: false, fromBody: true, path.Steps, bodyChildren: true),
        PathExpression { Start: FunctionCall start } path when ForEachOriginalMessage(start) is { } property => FromProperty(Navigation(absolute: false, fromBody: true, path.Steps), property),
        PathExpression { Start: VariableReference { Scope: VariableScope.Header } } path when !path.Steps.IsEmpty => FromHeader(Navigation(absolute: false, fromBody: true, path.Steps)),

        // $ctx:x/a: SynapseXPathVariableContext gives the property's object, and Jaxen navigates from it: the element
        // (or nodes) of an XML property; any other value (a String, JSON) has no children, so the path selects nothing.
        PathExpression { Start: VariableReference { Scope: VariableScope.Context } start } path when !path.Steps.IsEmpty && Variable(start) is PropertyReadIr { Scope: PropertyScope.Default, Fallback: null }
            => FromProperty(Navigation(absolute: false, fromBody: true, path.Steps, bodyChildren: true), start.Name),
        FunctionCall call => Function(call),
        BinaryExpression { Operator: BinaryOperator.Add or BinaryOperator.Subtract or BinaryOperator.Multiply or BinaryOperator.Divide or BinaryOperator.Modulo } b => Arithmetic(b),
        BinaryExpression { Operator: BinaryOperator.And or BinaryOperator.Or or BinaryOperator.Equal or BinaryOperator.NotEqual or BinaryOperator.Less or BinaryOperator.LessOrEqual or BinaryOperator.Greater or BinaryOperator.GreaterOrEqual }
            => Condition(node) is { } condition ? new ConditionValueIr(condition) : null,
        UnaryExpression { Operator: UnaryOperator.Not } when dialect != ExpressionLanguage.Synapse => Condition(node) is { } condition ? new ConditionValueIr(condition) : null,
        UnaryExpression { Operator: UnaryOperator.Negate } u => Number(u.Operand) is { } operand ? Negate(operand) : null,
        ConditionalExpression c => Conditional(c),
        ContextReference or MemberAccess or IndexAccess when !IsXPath => Accessor(node),

        // An indefinite JSONPath (wildcards, filters) over the payload or a property.
        WildcardAccess or FilterAccess when dialect == ExpressionLanguage.JsonPath => PayloadQuery(node) ?? PropertyJsonPath(node),
        WildcardAccess or FilterAccess when dialect == ExpressionLanguage.Synapse => SynapsePayloadQuery(node),
        _ => null,
    };

    /// <summary>A number literal in a string position: its text, as the old translator and Synapse's string value of a literal give it.</summary>
    private ExprIr NumberAsWritten(string text)
    {
        if (IsXPath && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && !text.All(c => char.IsAsciiDigit(c) || c == '-'))
        {
            // XPath's string of a number: 1.50 is "1.5", 2.0 is "2".
            var formatted = number == Math.Floor(number) && Math.Abs(number) < 1e15 ? number.ToString("F0", CultureInfo.InvariantCulture) : number.ToString("R", CultureInfo.InvariantCulture);
            if (!formatted.Contains('E', StringComparison.Ordinal))
            {
                return new StringLiteralIr(formatted);
            }
        }

        return new StringLiteralIr(text);
    }

    /// <summary>A number operand (arithmetic, numeric functions): literals are typed, XPath converts anything else with number().</summary>
    private ExprIr? Number(ExpressionNode node)
    {
        switch (node)
        {
            case NumberLiteral n:
                return TypedNumber(n.Text);
            case UnaryExpression { Operator: UnaryOperator.Negate, Operand: NumberLiteral n }:
                return TypedNumber("-" + n.Text);
            case MemberAccess { Target: ContextReference { Kind: ContextKind.Variables }, Deep: false } variable when !IsXPath && owner.VariableType(variable.Name) is { } type:
                // A variable every variable mediator of the project sets with a numeric type: the Java Integer, Long or
                // Double it holds decides BinaryOperationNode's arithmetic (int, long or BigDecimal).
                return type switch
                {
                    "INTEGER" => Call(Builtin.MiIntVariable, ValueKind.Integer, new StringLiteralIr(variable.Name)),
                    "LONG" => Call(Builtin.MiLongVariable, ValueKind.Integer, new StringLiteralIr(variable.Name)),
                    _ => Call(Builtin.MiDoubleVariable, ValueKind.Float, new StringLiteralIr(variable.Name)),
                };
        }

        var value = Value(node);
        return value switch
        {
            null => null,
            _ when IsXPath && IsNodeSet(value) => Call(Builtin.XPathNumber, ValueKind.Float, Call(Builtin.XPathStringValue, ValueKind.String, value)),
            { Kind: ValueKind.Float or ValueKind.Integer } => IsXPath && value.Kind == ValueKind.Integer ? new ConvertIr(value, ValueKind.Float) : value,
            CountIr when IsXPath => new ConvertIr(new ConvertIr(value, ValueKind.Integer), ValueKind.Float),
            { Kind: ValueKind.String } when IsXPath => Call(Builtin.XPathNumber, ValueKind.Float, value),
            _ => null, // MI 4.4: the value's JSON type decides, and the string IR does not keep it.
        };
    }

    private ExprIr? TypedNumber(string text)
    {
        // The MI reads `007` as 7 (Integer.parseInt, Double.parseDouble; Jaxen's number), while a Ballerina numeric
        // literal takes no leading zero: the integer part loses them (one zero kept before a fraction or alone).
        var sign = text.StartsWith('-') ? "-" : string.Empty;
        var digits = text[sign.Length..];
        var dot = digits.IndexOf('.', StringComparison.Ordinal);
        var whole = (dot < 0 ? digits : digits[..dot]).TrimStart('0');
        text = sign + (whole.Length == 0 ? "0" : whole) + (dot < 0 ? string.Empty : digits[dot..]);
        if (IsXPath)
        {
            return new NumberLiteralIr(text, ValueKind.Float);
        }

        var integer = text.All(c => char.IsAsciiDigit(c) || c == '-');
        if (integer && !long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
        {
            return null;
        }

        return new NumberLiteralIr(text, integer ? ValueKind.Integer : ValueKind.Float);
    }

    private ExprIr? Arithmetic(BinaryExpression b)
    {
        if (!IsXPath && b.Operator == BinaryOperator.Add && (CertainlyString(b.Left) || CertainlyString(b.Right)))
        {
            // BinaryOperationNode.handleAddition: two numbers add, two strings concatenate, anything else fails. With
            // one operand certainly a string, the other must be one too: a payload path or a variable through
            // jsonString/variableString (which fail on another JSON type), never a number or a property (a Java object).
            var first = ConcatOperand(b.Left);
            var second = ConcatOperand(b.Right);
            return first is null || second is null ? ScalarSum(b) : new ConcatIr([.. ConcatParts(first), .. ConcatParts(second)]);
        }

        var left = Number(b.Left);
        var right = Number(b.Right);
        if (left is null || right is null || IsIntQuotient(left) || IsIntQuotient(right))
        {
            // An MI 4.4 quotient of two ints is an int when exact and a double otherwise (performIntOperation), and that
            // type decides the next operation (int or BigDecimal arithmetic, "4" or "4.0"): only the run time knows it.
            return b.Operator == BinaryOperator.Add && !IsXPath ? ScalarSum(b) : null;
        }

        var op = b.Operator switch
        {
            BinaryOperator.Add => ArithmeticOperator.Add,
            BinaryOperator.Subtract => ArithmeticOperator.Subtract,
            BinaryOperator.Multiply => ArithmeticOperator.Multiply,
            BinaryOperator.Divide => ArithmeticOperator.Divide,
            _ => ArithmeticOperator.Modulo,
        };
        if (left.Kind == ValueKind.Integer && right.Kind == ValueKind.Integer)
        {
            // MI 4.4: integer arithmetic stays integral except division, which Synapse does in double.
            // Of two integer literals an exact quotient is an integer (performIntOperation).
            return op switch
            {
                ArithmeticOperator.Divide when !IsXPath && ExactQuotient(left, right) is { } quotient => quotient,

                // Two Java ints (no long operand: now(), a literal past the int range): the quotient's type depends on
                // whether it is exact (performIntOperation), so its string does too (MiIntQuotientText).
                ArithmeticOperator.Divide when !IsXPath && !JavaLong(left) && !JavaLong(right) => Call(Builtin.MiIntQuotient, ValueKind.Float, left, right),
                ArithmeticOperator.Divide when !IsXPath => Call(Builtin.MiDivide, ValueKind.Float, new ConvertIr(left, ValueKind.Float), new ConvertIr(right, ValueKind.Float)),
                ArithmeticOperator.Divide => new ArithmeticIr(new ConvertIr(left, ValueKind.Float), op, new ConvertIr(right, ValueKind.Float), ValueKind.Float),
                ArithmeticOperator.Modulo when !IsXPath => Call(Builtin.MiModulo, ValueKind.Integer, left, right),
                _ => IntArithmetic(left, op, right),
            };
        }

        // MI 4.4 with a double operand (BinaryOperationNode.performDoubleOperation, handleAddition): BigDecimal arithmetic
        // on the operands' Double.toString text (0.1 + 0.2 is 0.3; a quotient keeps the dividend's scale: 1.0 / 8.0 is 0.1),
        // a zero divisor an error. XPath's arithmetic is IEEE 754, as Jaxen computes it.
        if (!IsXPath)
        {
            var symbol = op switch
            {
                ArithmeticOperator.Add => "+",
                ArithmeticOperator.Subtract => "-",
                ArithmeticOperator.Multiply => "*",
                ArithmeticOperator.Divide => "/",
                _ => "%",
            };
            return Call(Builtin.MiDoubleArithmetic, ValueKind.Float, ToFloat(left), new StringLiteralIr(symbol), ToFloat(right));
        }

        return new ArithmeticIr(ToFloat(left), op, ToFloat(right), ValueKind.Float);
    }

    /// <summary>
    /// An integer sum, difference or product. Ballerina's int arithmetic panics on overflow where Java's wraps around
    /// (or, for two ints, gives a long), so the plain operator is written only where no overflow can happen (the
    /// operands' magnitudes bound the result's by 2^62) and the run-time helper computes the rest as the MI does. Not
    /// reproduced: two ints whose difference leaves the int range, which Java wraps around and this computes exactly.
    /// </summary>
    private ExprIr IntArithmetic(ExprIr left, ArithmeticOperator op, ExprIr right)
    {
        var plain = new ArithmeticIr(left, op, right, ValueKind.Integer);
        if (IsXPath || MagnitudeBits(plain) <= 62)
        {
            return plain;
        }

        var symbol = op switch
        {
            ArithmeticOperator.Add => "+",
            ArithmeticOperator.Subtract => "-",
            _ => "*",
        };
        return Call(JavaLong(left) || JavaLong(right) ? Builtin.MiLongArithmetic : Builtin.MiIntArithmetic, ValueKind.Integer, left, new StringLiteralIr(symbol), right);
    }

    /// <summary>
    /// MI 4.4 <c>-x</c> (SignedExpressionNode): a double or a Java int is negated (the int with Java's wrap-around, so
    /// through the run-time helper), a Java long fails the expression. XPath negates a double.
    /// </summary>
    private ExprIr Negate(ExprIr operand) => operand.Kind != ValueKind.Integer || IsXPath
        ? Call(Builtin.Negate, operand.Kind, operand)
        : Call(JavaLong(operand) ? Builtin.MiLongNegate : Builtin.MiIntNegate, ValueKind.Integer, operand);

    /// <summary>
    /// A bound on an integer value's magnitude as a power of two (|value| &lt;= 2^bits): a literal's own, an INTEGER
    /// variable's and a length's 31 (a Java int), now()'s 42, a sum or difference one more than its larger operand, a product the sum of both;
    /// anything else 64.
    /// </summary>
    internal static int MagnitudeBits(ExprIr value) => value switch
    {
        NumberLiteralIr { NumberKind: ValueKind.Integer } literal when long.TryParse(literal.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            => number == 0 ? 0 : 64 - System.Numerics.BitOperations.LeadingZeroCount(number == long.MinValue ? (ulong)long.MaxValue : (ulong)Math.Abs(number) - 1),
        BuiltinCallIr { Function: Builtin.MiIntVariable or Builtin.Length } => 31,

        // Milliseconds since 1970 stay below 2^42 until the year 2109.
        BuiltinCallIr { Function: Builtin.NowMillis } => 42,
        ArithmeticIr { Operator: ArithmeticOperator.Add or ArithmeticOperator.Subtract } sum => Math.Max(MagnitudeBits(sum.Left), MagnitudeBits(sum.Right)) + 1,
        ArithmeticIr { Operator: ArithmeticOperator.Multiply } product => MagnitudeBits(product.Left) + MagnitudeBits(product.Right),
        _ => 64,
    };

    /// <summary>
    /// The quotient of two MI 4.4 integer literals when it is exact and the divisor is not zero: Synapse then gives an
    /// integer (performIntOperation, for values that fit a Java int), not a double.
    /// </summary>
    private static NumberLiteralIr? ExactQuotient(ExprIr left, ExprIr right) =>
        left is NumberLiteralIr { NumberKind: ValueKind.Integer } l && right is NumberLiteralIr { NumberKind: ValueKind.Integer } r
        && int.TryParse(l.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var dividend)
        && int.TryParse(r.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var divisor)
        && divisor != 0 && (divisor != -1 || dividend != int.MinValue) && dividend % divisor == 0
            ? new NumberLiteralIr((dividend / divisor).ToString(CultureInfo.InvariantCulture), ValueKind.Integer)
            : null;

    /// <summary>An MI 4.4 division of two ints whose type (int when exact, double otherwise) only the run time knows.</summary>
    internal static bool IsIntQuotient(ExprIr? value) => value is BuiltinCallIr { Function: Builtin.MiIntQuotient };

    /// <summary>
    /// Whether an MI 4.4 integer value is a Java long rather than an int: <c>now()</c> (System.currentTimeMillis), a
    /// literal past the int range (LiteralNode.parseNumber's Long.parseLong), and arithmetic with either (handleArithmetic
    /// promotes to long). A long division is always a double (performLongOperation). Not modelled: int arithmetic that
    /// overflows into a long (Math.addExact / multiplyExact).
    /// </summary>
    internal static bool JavaLong(ExprIr value) => value switch
    {
        BuiltinCallIr { Function: Builtin.MiLongVariable or Builtin.MiLongArithmetic } => true,
        NumberLiteralIr { NumberKind: ValueKind.Integer } literal => !int.TryParse(literal.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
        BuiltinCallIr { Function: Builtin.NowMillis } => true,
        ArithmeticIr arithmetic => JavaLong(arithmetic.Left) || JavaLong(arithmetic.Right),
        BuiltinCallIr { Function: Builtin.MiModulo or Builtin.Abs } call => call.Arguments.Any(JavaLong),
        _ => false,
    };

    /// <summary>
    /// An MI 4.4 <c>headers.x</c>, <c>props.*.x</c>, <c>params.*.x</c> or <c>configs.x</c> (HeadersAndPropertiesAccessNode):
    /// its value's text becomes an int, a long or a double when Integer.parseInt, Long.parseLong or Double.parseDouble
    /// reads it (tryParseNumber), and stays a string otherwise.
    /// </summary>
    internal bool ScalarAccessor(ExpressionNode node) =>
        !IsXPath && node is MemberAccess { Deep: false, Target: ContextReference { Kind: ContextKind.Headers or ContextKind.Properties or ContextKind.Parameters or ContextKind.Configs } };

    /// <summary>
    /// An MI 4.4 <c>+</c> chain (<c>configs.base + "/orders/" + props.synapse.id</c>) whose operands include a header,
    /// property, parameter or configuration value, whose Java type only the run time knows: HeadersAndPropertiesAccessNode
    /// makes its text an Integer, a Long or a Double when it parses as one (tryParseNumber), else keeps the String, and
    /// BinaryOperationNode.handleAddition adds two numbers, concatenates two strings and fails on any other pair. The
    /// run-time helper <c>miSum</c> does the same from the left, over each such value (<c>miScalar</c>), the string and
    /// number literals and string functions of the chain. A chain with any other operand (a variable, a payload path, a
    /// boolean, null, a nested arithmetic) is not translated. Null also when no operand is such a value (the other routes
    /// of <see cref="Arithmetic"/> decide those).
    /// </summary>
    private ExprIr? ScalarSum(BinaryExpression b)
    {
        var operands = new List<ExpressionNode>();
        ExpressionNode current = b;
        while (current is BinaryExpression { Operator: BinaryOperator.Add } add)
        {
            operands.Add(add.Right);
            current = add.Left;
        }

        operands.Add(current);
        operands.Reverse();
        if (IsXPath || !operands.Any(ScalarAccessor))
        {
            return null;
        }

        var arguments = ImmutableArray.CreateBuilder<ExprIr>();
        foreach (var operand in operands)
        {
            ExprIr? argument = operand switch
            {
                NumberLiteral n => TypedNumber(n.Text),
                UnaryExpression { Operator: UnaryOperator.Negate, Operand: NumberLiteral n } => TypedNumber("-" + n.Text),
                // miSum reads every string operand with ExpressionResult.asString, as handleAddition does: a literal
                // is passed as the Java String LiteralNode holds (its content in one pair of quotes where asString
                // would change the content alone: '"ab"' is "ab", not ab), a string function's result as it is.
                StringLiteral => Value(operand) is StringLiteralIr literal ? LiteralJavaString(literal) : null,
                _ when ScalarAccessor(operand) => Value(operand) is { Kind: ValueKind.String } value and not ContextFieldIr
                    && !IrWalker.Descendants(value).Any(e => e is JsonEvalIr or VariableReadIr or UntranslatedExprIr)
                        ? Call(Builtin.MiScalar, ValueKind.String, value)
                        : null,
                _ when CertainlyString(operand) => RawText(operand),
                _ => null,
            };
            if (argument is null)
            {
                return null;
            }

            arguments.Add(argument);
        }

        return new BuiltinCallIr(Builtin.MiSum, arguments.ToImmutable(), ValueKind.String);
    }

    /// <summary>
    /// Whether an MI 4.4 sum (<see cref="Builtin.MiSum"/>) is a string when it succeeds: it has an operand that is
    /// certainly a string (a literal, a string function), so every operand must be one (handleAddition fails otherwise).
    /// </summary>
    private static bool SumIsString(BuiltinCallIr sum) =>
        sum.Arguments.Any(a => a.Kind == ValueKind.String && a is not BuiltinCallIr { Function: Builtin.MiScalar });

    private static ImmutableArray<ExprIr> ConcatParts(ExprIr value) => value is ConcatIr concat ? concat.Parts : [value];

    /// <summary>An MI 4.4 operand whose value is a Java string: a string literal, or a string function or concatenation.</summary>
    private bool CertainlyString(ExpressionNode node) => node switch
    {
        StringLiteral => true,
        // A sum over header, property or parameter values (miSum) is a number when they are numbers.
        FunctionCall or BinaryExpression { Operator: BinaryOperator.Add } => Value(node) is { Kind: ValueKind.String } value && value is not (JsonEvalIr or VariableReadIr or PropertyReadIr or ContextFieldIr)
            && (value is not BuiltinCallIr { Function: Builtin.MiSum } sum || SumIsString(sum)),
        _ => false,
    };

    /// <summary>
    /// An MI 4.4 operand of a string concatenation, or null when it may hold another type than a string. A vault
    /// lookup is one (PredefinedFunctionNode.fetchSecretValue and fetchHashicorpSecretValue give a string), which is its
    /// secret configurable here.
    /// </summary>
    private ExprIr? ConcatOperand(ExpressionNode node) =>
        node is FunctionCall { Prefix: null, Name: "wso2-vault" or "hashicorp-vault" } && Value(node) is ConfigurableReadIr secret ? secret
        : node is NumberLiteral or BooleanLiteral or NullLiteral or UnaryExpression || Value(node) is null or PropertyReadIr or ContextFieldIr or ConfigurableReadIr
            ? null
            : Text(node);

    private static ExprIr ToFloat(ExprIr value) => value.Kind == ValueKind.Integer ? new ConvertIr(value, ValueKind.Float) : value;

    /// <summary>
    /// ExpressionResult.asString of an MI 4.4 value that is a Java String made at run time (<see cref="IsJavaString"/>):
    /// a text that starts and ends with a double quote, else a single quote, loses that pair; a lone quote character
    /// makes String.substring throw (the run-time <c>miAsString</c>). A string literal is not one (LiteralNode holds
    /// its token, whose delimiters asString drops: the content, which the IR holds already), nor a JSON string of the
    /// payload or a JSON variable (Gson's getAsString), nor a header or property value (its own helpers strip it). A
    /// concatenation of literals is stripped here; a value whose first or last character is known not to be a
    /// quote (<see cref="MayBeQuoted"/>) is left as it is. Not for XPath.
    /// </summary>
    internal ExprIr JavaAsString(ExprIr value)
    {
        if (IsXPath || !IsJavaString(value) || !MayBeQuoted(value))
        {
            return value;
        }

        if (value is ConcatIr { Parts: var parts } && parts.All(p => p is StringLiteralIr))
        {
            var text = string.Concat(parts.Select(p => ((StringLiteralIr)p).Value));
            if (text.Length >= 2)
            {
                return new StringLiteralIr(text[1..^1]);
            }
        }

        return Call(Builtin.MiAsString, ValueKind.String, value);
    }

    /// <summary>
    /// The whole result of an MI 4.4 expression as SynapseExpression.stringValueOf reads it: ExpressionResult.asString
    /// once more (<see cref="JavaAsString"/>). ConditionalExpressionNode hands on its branch's result, so each branch is
    /// read so; a string literal branch holds its content already (asString drops the token's delimiters).
    /// </summary>
    internal ExprIr WholeAsString(ExprIr value) => value switch
    {
        ConditionalIr { Kind: ValueKind.String } conditional => conditional with { WhenTrue = WholeAsString(conditional.WhenTrue), WhenFalse = WholeAsString(conditional.WhenFalse) },
        _ => JavaAsString(value),
    };

    /// <summary>
    /// Whether an MI 4.4 string value is a Java String that a node made at run time: a <c>+</c> of strings
    /// (BinaryOperationNode.handleAddition: a new String of the two asString texts) or a string function's result
    /// (PredefinedFunctionNode: toUpper, toLower, trim, subString, replace, charAt, base64decode, urlDecode,
    /// formatDateTime give <c>new ExpressionResult(String)</c>). base64encode and urlEncode never write a quote
    /// character, so nothing of theirs is stripped; a date pattern writes one only from its quoted text.
    /// </summary>
    private static bool IsJavaString(ExprIr value) => value switch
    {
        ConcatIr => true,
        BuiltinCallIr { Function: Builtin.UpperCase or Builtin.LowerCase or Builtin.Trim or Builtin.Substring or Builtin.ReplaceAll or Builtin.CharAt or Builtin.Base64Decode or Builtin.UrlDecode } => true,
        BuiltinCallIr { Function: Builtin.FormatDateTime or Builtin.FormatSystemDate, Arguments: var arguments } => arguments.Any(a => a is StringLiteralIr { Value: ['\'', .. var literal] } && literal.Any(c => c is '"' or '\'')),
        _ => false,
    };

    /// <summary>
    /// Whether a Java String may start and end with the same quote character (so asString changes it): not when a
    /// concatenation starts or ends with literal text whose first or last character is known to be none, or two
    /// different ones.
    /// </summary>
    private static bool MayBeQuoted(ExprIr value)
    {
        if (WritesNoQuote(value))
        {
            return false;
        }

        if (value is BuiltinCallIr { Function: Builtin.UpperCase or Builtin.LowerCase, Arguments: [var cased] })
        {
            // Java's case mapping neither makes nor removes a quote character at either end.
            return MayBeQuoted(cased);
        }

        if (value is not ConcatIr { Parts: var parts })
        {
            return true;
        }

        var first = KnownEdge(parts, fromStart: true);
        var last = KnownEdge(parts, fromStart: false);
        return first is null or '"' or '\'' && last is null or '"' or '\'' && (first is null || last is null || first == last);
    }

    /// <summary>
    /// Whether a string is made of literals with no quote character only (numbers, case mapping, trimming, cutting,
    /// replacing and concatenating them), so no quote character can be in it.
    /// </summary>
    private static bool WritesNoQuote(ExprIr value) => value switch
    {
        StringLiteralIr { Value: var text } => !text.Any(c => c is '"' or '\''),
        NumberLiteralIr => true,
        ConcatIr { Parts: var parts } => parts.All(WritesNoQuote),
        BuiltinCallIr { Function: Builtin.UpperCase or Builtin.LowerCase or Builtin.Trim or Builtin.Substring or Builtin.CharAt or Builtin.ReplaceAll, Arguments: var arguments } => arguments.All(WritesNoQuote),
        _ => false,
    };

    /// <summary>The first (or last) character of a concatenation when its leading (or trailing) literal text decides it.</summary>
    private static char? KnownEdge(ImmutableArray<ExprIr> parts, bool fromStart)
    {
        foreach (var part in fromStart ? parts : [.. parts.Reverse()])
        {
            if (part is not StringLiteralIr { Value: var text })
            {
                return null;
            }

            if (text.Length > 0)
            {
                return fromStart ? text[0] : text[^1];
            }
        }

        return null;
    }

    /// <summary>
    /// An MI 4.4 string literal as the Java String LiteralNode holds (its token, quotes included) for a run-time
    /// helper that applies ExpressionResult.asString itself (<c>miSum</c>): the content, or the content in a pair of
    /// double quotes when asString would change the content alone (it starts and ends with one quote character).
    /// </summary>
    private static StringLiteralIr LiteralJavaString(StringLiteralIr literal) =>
        literal.Value is ['"', ..] and [.., '"'] or ['\'', ..] and [.., '\''] ? new StringLiteralIr("\"" + literal.Value + "\"") : literal;

    private ExprIr? Conditional(ConditionalExpression c)
    {
        // MI 4.4 ConditionalExpressionNode needs a real boolean ("Condition is not a boolean" otherwise).
        var condition = IsXPath ? Condition(c.Condition) : BooleanOperand(c.Condition);
        var whenTrue = Value(c.WhenTrue);
        var whenFalse = Value(c.WhenFalse);
        return condition is null || whenTrue is null || whenFalse is null || whenTrue.Kind != whenFalse.Kind
            ? null
            : new ConditionalIr(condition, whenTrue, whenFalse);
    }

    // ---------------------------------------------------------------------------------------------------
    // Variables and accessors.

    private ExprIr? Variable(VariableReference v) => v.Scope switch
    {
        VariableScope.Context => owner.ContextProperty(v.Name),
        VariableScope.Function => owner.FunctionVariable(v.Name),
        VariableScope.Transport => new HeaderReadIr(v.Name),
        VariableScope.Axis2 => ExpressionTranslator.Axis2Property(v.Name),
        // SynapseXPathVariableContext: the current To address's query, read when evaluated, first match ignoring case.
        VariableScope.Url => Call(Builtin.UrlParam, ValueKind.String, new StringLiteralIr(v.Name)),
        VariableScope.Qualified when v.Prefix == "operation" => new PropertyReadIr(v.Name) { Scope = PropertyScope.Operation },
        VariableScope.Qualified when v.Prefix == "var" => new VariableReadIr(v.Name),
        VariableScope.Plain when jsonEvals.TryGetValue(v.Name, out var path) => JsonPathText(path),

        // $body is the SOAP Body element itself (SynapseXPathVariableContext), a node-set of one element.
        VariableScope.Body => new XmlNavigationIr([], false),
        _ => null,
    };

    private static JsonEvalIr? JsonPathText(string path) => ImplicitRoot(path.Trim()) is var rooted && ExpressionTranslator.IsSimpleJsonPath(rooted) ? new JsonEvalIr(rooted) : null;

    /// <summary>json-eval(path): a simple path from the root, or from a property's value (<c>$ctx:x.a</c>).</summary>
    public ExprIr? JsonPathValue(ExpressionNode root, string text) => JsonPathValueOf(root, text.EndsWith('.') ? text[..^1] : text);

    // SynapseJsonPath drops one trailing '.' (the parser already read the path without it).
    private ExprIr? JsonPathValueOf(ExpressionNode root, string text) =>
        PropertyRootRegex().Match(text) is { Success: true } property
            ? (PathRoot(root) is VariableReference variable && variable.Prefix + ":" + variable.Name == property.Value[1..] ? PropertyJsonPath(root) : null)
            : text.StartsWith('$') ? (IsSimpleJsonPath(root) ? new JsonEvalIr(text) : PayloadQuery(root)) : JsonPathText(text);

    /// <summary>
    /// An indefinite JSONPath over the payload (<c>$.a[*].b</c>, <c>$.a[?(@.x &gt; 1)]</c>): Jayway's list of every match,
    /// which SynapseJsonPath.stringValueOf prints as Gson prints the JsonArray (<c>[]</c> for none); any failure of
    /// Jayway (a missing member before the first wildcard or filter) gives "", which stringValueOf(InputStream) catches.
    /// </summary>
    private ExprIr? PayloadQuery(ExpressionNode root) =>
        PathRoot(root) is ContextReference { Kind: ContextKind.JsonRoot or ContextKind.Payload } && QuerySteps(root) is { } steps
            ? Call(Builtin.JsonQuery, ValueKind.String, new StringLiteralIr(steps))
            : null;

    /// <summary>
    /// The steps of an indefinite JSONPath the run time evaluates as Jayway does (<c>jsonPathQuery</c>), as JSON text:
    /// <c>{"member": name}</c>, <c>{"wildcard": true}</c>, <c>{"filter": condition}</c>. Member names, <c>.*</c>/<c>[*]</c>
    /// and filters only, with at least one wildcard or filter; null for anything else (indexes, slices, deep scans,
    /// functions, which stay untranslated).
    /// </summary>
    private static readonly System.Text.Json.JsonSerializerOptions StepsJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    internal static string? QuerySteps(ExpressionNode node)
    {
        var steps = new System.Text.Json.Nodes.JsonArray();
        var indefinite = false;
        var chain = new List<ExpressionNode>();
        for (var current = node; current is not (ContextReference or VariableReference);)
        {
            chain.Add(current);
            current = current switch
            {
                MemberAccess m => m.Target,
                WildcardAccess w => w.Target,
                FilterAccess f => f.Target,
                _ => null!,
            };
            if (current is null)
            {
                return null;
            }
        }

        chain.Reverse();
        foreach (var accessor in chain)
        {
            switch (accessor)
            {
                case MemberAccess { Deep: false } member when member.Name.Length > 0:
                    steps.Add((System.Text.Json.Nodes.JsonNode)new System.Text.Json.Nodes.JsonObject { ["member"] = member.Name });
                    break;
                case WildcardAccess { Deep: false }:
                    steps.Add((System.Text.Json.Nodes.JsonNode)new System.Text.Json.Nodes.JsonObject { ["wildcard"] = true });
                    indefinite = true;
                    break;
                case FilterAccess { Deep: false } filter when FilterCondition(filter.Filter) is { } condition:
                    steps.Add((System.Text.Json.Nodes.JsonNode)new System.Text.Json.Nodes.JsonObject { ["filter"] = condition });
                    indefinite = true;
                    break;
                default:
                    return null;
            }
        }

        return indefinite ? steps.ToJsonString(StepsJson) : null;
    }

    /// <summary>
    /// A Jayway filter as the run time reads it: <c>{"and": [a, b]}</c>, <c>{"or": [a, b]}</c>, <c>{"exists": path}</c> for
    /// a bare <c>@.a.b</c> (PathNode's exists check), <c>{"compare": [left, op, right]}</c> of <c>@.a.b</c> paths
    /// (<c>{"path": names}</c>) and literals (<c>{"literal": value}</c>) with <c>== != &lt; &lt;= &gt; &gt;=</c>; null for
    /// anything else (<c>!</c>, regexes, <c>in</c>, functions, <c>$</c> paths, Synapse operands).
    /// </summary>
    private static System.Text.Json.Nodes.JsonNode? FilterCondition(ExpressionNode node)
    {
        switch (node)
        {
            case BinaryExpression { Operator: BinaryOperator.And or BinaryOperator.Or } b:
                return FilterCondition(b.Left) is { } left && FilterCondition(b.Right) is { } right
                    ? new System.Text.Json.Nodes.JsonObject { [b.Operator == BinaryOperator.And ? "and" : "or"] = new System.Text.Json.Nodes.JsonArray(left, right) }
                    : null;
            case BinaryExpression { Operator: BinaryOperator.Equal or BinaryOperator.NotEqual or BinaryOperator.Less or BinaryOperator.LessOrEqual or BinaryOperator.Greater or BinaryOperator.GreaterOrEqual } b:
            {
                var lhs = FilterOperand(b.Left);
                var rhs = FilterOperand(b.Right);
                if (lhs is null || rhs is null || (b.Left is not MemberAccess && b.Right is not MemberAccess))
                {
                    return null;
                }

                return new System.Text.Json.Nodes.JsonObject { ["compare"] = new System.Text.Json.Nodes.JsonArray(lhs, OperatorText(b.Operator) is "=" ? "==" : OperatorText(b.Operator), rhs) };
            }

            case MemberAccess when CurrentPath(node) is { } path:
                return new System.Text.Json.Nodes.JsonObject { ["exists"] = path };
            default:
                return null;
        }
    }

    /// <summary>A filter operand: <c>@.a.b</c>, a string, a plain decimal number (its text is BigDecimal's), true, false or null.</summary>
    private static System.Text.Json.Nodes.JsonNode? FilterOperand(ExpressionNode node) => node switch
    {
        MemberAccess when CurrentPath(node) is { } path => new System.Text.Json.Nodes.JsonObject { ["path"] = path },
        StringLiteral s => new System.Text.Json.Nodes.JsonObject { ["literal"] = s.Value },
        NumberLiteral n when PlainDecimal().IsMatch(n.Text) => new System.Text.Json.Nodes.JsonObject { ["literal"] = System.Text.Json.Nodes.JsonNode.Parse(n.Text) },
        BooleanLiteral b => new System.Text.Json.Nodes.JsonObject { ["literal"] = b.Value },
        NullLiteral => new System.Text.Json.Nodes.JsonObject { ["literal"] = null },
        _ => null,
    };

    /// <summary>A decimal numeral BigDecimal prints as written (no exponent, no leading zero, no sign but '-').</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?$")]
    private static partial System.Text.RegularExpressions.Regex PlainDecimal();

    /// <summary>The member names of <c>@.a.b</c> (at least one), or null.</summary>
    private static System.Text.Json.Nodes.JsonArray? CurrentPath(ExpressionNode node)
    {
        var names = new List<string>();
        var current = node;
        while (current is MemberAccess { Deep: false } member && member.Name.Length > 0)
        {
            names.Add(member.Name);
            current = member.Target;
        }

        if (current is not ContextReference { Kind: ContextKind.JsonCurrent } || names.Count == 0)
        {
            return null;
        }

        names.Reverse();
        return new System.Text.Json.Nodes.JsonArray([.. names.Select(n => (System.Text.Json.Nodes.JsonNode?)n)]);
    }

    /// <summary>SynapseJsonPath's EXTRACT_PROP_REGEX: the property a path over a property's value starts with.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^(\$ctx|\$trp|\$axis2):([a-zA-Z0-9_-]+)")]
    private static partial System.Text.RegularExpressions.Regex PropertyRootRegex();

    /// <summary>
    /// json-eval($ctx:x.path), $trp:, $axis2: (SynapseJsonPath): the property part is evaluated as the XPath
    /// <c>$ctx:x</c> (its string value) and the rest, <c>$</c> followed by what follows the name, is read over that
    /// text as a JSON document (<c>stringValueOf(String)</c>). Only member names and non-negative indexes are
    /// translated; the property alone gives its text as it is (<c>isWholeBody</c>).
    /// </summary>
    private ExprIr? PropertyJsonPath(ExpressionNode node)
    {
        if (PathRoot(node) is not VariableReference { Scope: VariableScope.Context or VariableScope.Transport or VariableScope.Axis2 } variable
            || !variable.Name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
        {
            return null;
        }

        // An indefinite path over the property's text (Jayway's list of matches, printed by Gson); its failures are not caught.
        var query = IsPropertyPath(node) ? null : QuerySteps(node);
        if (!IsPropertyPath(node) && query is null)
        {
            return null;
        }

        var xpath = new ExpressionBinder(owner, ExpressionLanguage.XPath, namespaces, jsonEvals);
        if (xpath.Value(variable) is not { } value)
        {
            return null;
        }

        var document = ResultString(value, ExpressionLanguage.XPath);
        return query is not null ? Call(Builtin.JsonQueryText, ValueKind.String, document, new StringLiteralIr(query))
            : ReferenceEquals(node, variable) ? document
            : Call(Builtin.JsonEvalText, ValueKind.String, document, new StringLiteralIr(JsonPathOf(node)));
    }

    /// <summary>Member names (that a bracket can quote) and non-negative indexes after a property.</summary>
    private static bool IsPropertyPath(ExpressionNode node) => node switch
    {
        VariableReference => true,
        MemberAccess { Deep: false } m => m.Name.Length > 0 && !m.Name.Contains('\'') && !m.Name.Contains(']') && IsPropertyPath(m.Target),
        IndexAccess { Deep: false, Indices: [NumberLiteral n] } i => n.Text.All(char.IsAsciiDigit) && IsPropertyPath(i.Target),
        _ => false,
    };

    /// <summary>
    /// The canonical name of a charset Java's <c>Charset.forName</c> resolves (case-insensitively, by its name or a
    /// JDK alias) to UTF-8, US-ASCII or ISO-8859-1, the charsets the run time encodes; null for any other.
    /// </summary>
    internal static string? JavaCharset(string name) => name.ToUpperInvariant() switch
    {
        "UTF-8" or "UTF8" or "UNICODE-1-1-UTF-8" => "UTF-8",
        "US-ASCII" or "ASCII" or "ISO646-US" or "US" or "ASCII7" or "646" or "CSASCII" or "IBM367" or "CP367" or "ANSI_X3.4-1968" or "ANSI_X3.4-1986" or "ISO-IR-6" or "ISO_646.IRV:1991" => "US-ASCII",
        "ISO-8859-1" or "ISO8859-1" or "ISO8859_1" or "ISO_8859-1" or "ISO_8859_1" or "8859_1" or "LATIN1" or "L1" or "CP819" or "IBM819" or "IBM-819" or "819" or "CSISOLATIN1" or "ISO-IR-100" or "ISO_8859-1:1987" => "ISO-8859-1",
        _ => null,
    };

    /// <summary>The node a chain of JSONPath accessors starts from.</summary>
    private static ExpressionNode PathRoot(ExpressionNode node) => node switch
    {
        MemberAccess m => PathRoot(m.Target),
        IndexAccess i => PathRoot(i.Target),
        WildcardAccess w => PathRoot(w.Target),
        SliceAccess s => PathRoot(s.Target),
        FilterAccess f => PathRoot(f.Target),
        MethodCall c => PathRoot(c.Target),
        _ => node,
    };

    /// <summary>
    /// Jayway's JsonPath.compile reads a path that starts with neither <c>$</c> nor <c>@</c> from the root:
    /// <c>request.id</c> is <c>$.request.id</c>. Only a path that starts with a name is completed.
    /// </summary>
    private static string ImplicitRoot(string path) =>
        path.Length > 0 && (char.IsAsciiLetter(path[0]) || path[0] == '_') ? "$." + path : path;

    /// <summary><c>$</c> followed by member names and non-negative indexes.</summary>
    public static bool IsSimpleJsonPath(ExpressionNode node) => node switch
    {
        ContextReference { Kind: ContextKind.JsonRoot or ContextKind.Payload } => true,
        MemberAccess { Deep: false } m => IsSimpleJsonPath(m.Target),
        IndexAccess { Deep: false, Indices: [NumberLiteral n] } i => n.Text.All(char.IsAsciiDigit) && IsSimpleJsonPath(i.Target),
        _ => false,
    };

    /// <summary>MI 4.4 accessors: payload, vars, headers, props, params.</summary>
    private ExprIr? Accessor(ExpressionNode node)
    {
        switch (node)
        {
            case MemberAccess { Target: ContextReference root, Deep: false } member when root.Kind is not (ContextKind.Payload or ContextKind.JsonRoot):
                return root.Kind switch
                {
                    // A variable or header that is not set fails the whole expression (PayloadAccessNode,
                    // HeadersAndPropertiesAccessNode throw an EvaluationException), where a plain read gives "".
                    ContextKind.Variables => new VariableReadIr(member.Name) { Required = true },
                    ContextKind.Headers => new HeaderReadIr(member.Name) { Required = true },
                    // So does a property that is not set (HeadersAndPropertiesAccessNode, EvaluationContext.getProperty).
                    ContextKind.Properties when root.Scope == "synapse" => RequiredProperty(owner.PropertyOrParam(member.Name)),
                    ContextKind.Properties when root.Scope == "axis2" => RequiredProperty(ExpressionTranslator.Axis2Property(member.Name)),
                    ContextKind.Parameters when root.Scope == "queryParams" => new PropertyReadIr("query.param." + member.Name) { Required = true },
                    // A resource's path parameter is always set; any other uri.var.x is a property read that fails
                    // when it is not set (HeadersAndPropertiesAccessNode reads context.getProperty("uri.var." + name)).
                    ContextKind.Parameters when root.Scope is "pathParams" or "uriParams" => RequiredProperty(owner.PropertyOrParam("uri.var." + member.Name)),
                    ContextKind.Parameters when root.Scope == "functionParams" => owner.FunctionParam(member.Name),
                    // The server's configuration value (PropertyHolder): the configurable standing for it.
                    ContextKind.Configs => owner.Config(member.Name),
                    _ => null,
                };
            case MemberAccess or IndexAccess when VariablePath(node) is { } variablePath:
                return variablePath;
            case MemberAccess or IndexAccess when dialect == ExpressionLanguage.JsonPath && PropertyJsonPath(node) is { } propertyPath:
                return propertyPath;
            case ContextReference { Kind: ContextKind.Payload or ContextKind.JsonRoot } when dialect == ExpressionLanguage.Synapse:
                return new JsonEvalIr(JsonPathOf(node)) { BodyWhenXml = true };
            default:
                // An MI 4.4 path is required inside a larger expression; the translator frees a whole one.
                return PayloadRoot(node) && IsSimpleJsonPath(node) ? new JsonEvalIr(JsonPathOf(node)) { Synapse = dialect == ExpressionLanguage.Synapse, Required = dialect == ExpressionLanguage.Synapse }
                    : dialect == ExpressionLanguage.Synapse ? SynapsePayloadQuery(node)
                    : null;
        }
    }

    /// <summary>
    /// An MI 4.4 <c>${payload.a[*].b}</c>, <c>${$.a[?(@.x &gt; 1)]}</c> with at least one wildcard or filter:
    /// PayloadAccessNode hands Jayway the path's text (ANTLR's getText, whitespace skipped, <c>payload</c> read as
    /// <c>$</c>), each filter as written when it holds no Synapse operand (FilterExpressionNode gives back
    /// <c>?(</c>text<c>)</c> and replaceFirst puts it in its own place), so the steps are those of json-eval over the
    /// payload. The result is Jayway's JsonArray, a JSON value; a failure fails the expression. Null for anything else
    /// (Synapse operands in a filter, slices, indexes, deep scans, functions).
    /// </summary>
    private ExprIr? SynapsePayloadQuery(ExpressionNode node) =>
        PathRoot(node) is ContextReference { Kind: ContextKind.JsonRoot or ContextKind.Payload }
        && FiltersReachJaywayAsWritten(node)
        && QuerySteps(node) is { } steps
            ? Call(Builtin.JsonQueryValue, ValueKind.Json, new StringLiteralIr(steps))
            : null;

    private bool FiltersReachJaywayAsWritten(ExpressionNode node)
    {
        var current = node;
        while (true)
        {
            switch (current)
            {
                case FilterAccess f when !SynapseFilterAsWritten(f.Filter):
                    return false;
                case FilterAccess f:
                    current = f.Target;
                    continue;
                case MemberAccess m:
                    current = m.Target;
                    continue;
                case WildcardAccess w:
                    current = w.Target;
                    continue;
                default:
                    return true;
            }
        }
    }

    /// <summary>
    /// Whether Jayway reads an MI 4.4 filter as the binder reads it. The text must hold no backslash (Jayway unescapes
    /// string literals its own way), no <c>$</c> (replaceFirst reads it as a group reference in the replacement, an
    /// uncaught IllegalArgumentException) and no <c>[</c> (bracket names and lists are not filter components of the
    /// grammar); <c>and</c>/<c>or</c> must be written <c>&amp;&amp;</c>/<c>||</c> (the words reach Jayway glued to
    /// their operands: <c>@.a&gt;1and@.b</c>, which it refuses); each <c>@</c> member a plain name written with a dot that
    /// the lexer does not take for a keyword (<c>@.payload</c> would be read as a payload access and replaced).
    /// </summary>
    private bool SynapseFilterAsWritten(ExpressionNode filter) =>
        Source is { } text
        && filter.Span.End <= text.Length
        && text.AsSpan(filter.Span.Start, filter.Span.Length).IndexOfAny('\\', '$', '[') < 0
        && FilterPartsAsWritten(filter, text);

    private static bool FilterPartsAsWritten(ExpressionNode node, string text) => node switch
    {
        BinaryExpression { Operator: BinaryOperator.And or BinaryOperator.Or } b =>
            b.Left.Span.End <= b.Right.Span.Start
            && text[b.Left.Span.End..b.Right.Span.Start].Contains(b.Operator == BinaryOperator.And ? "&&" : "||", StringComparison.Ordinal)
            && FilterPartsAsWritten(b.Left, text) && FilterPartsAsWritten(b.Right, text),
        BinaryExpression b => FilterPartsAsWritten(b.Left, text) && FilterPartsAsWritten(b.Right, text),
        MemberAccess m => PlainName().IsMatch(m.Name) && !SynapseKeywords.Contains(m.Name)
            && m.Span.End <= text.Length && m.Span.End >= m.Name.Length
            && string.CompareOrdinal(text, m.Span.End - m.Name.Length, m.Name, 0, m.Name.Length) == 0
            && FilterPartsAsWritten(m.Target, text),
        _ => true,
    };

    /// <summary>Words Synapse's ExpressionLexer takes for another token than an identifier (ExpressionLexer.g4).</summary>
    private static readonly HashSet<string> SynapseKeywords =
    [
        "vars", "payload", "headers", "configs", "params", "props", "properties", "and", "or", "true", "false", "null",
        "in", "nin", "subsetof", "anyof", "noneof", "size", "empty", "queryParams", "pathParams", "functionParams",
        "axis2", "synapse", "property", "length", "toUpper", "toLower", "subString", "startsWith", "endsWith", "contains",
        "trim", "replace", "split", "indexOf", "now", "formatDateTime", "charAt", "abs", "ceil", "floor", "sqrt", "log",
        "pow", "base64encode", "base64decode", "urlEncode", "urlDecode", "isString", "isNumber", "isArray", "isObject",
        "string", "float", "boolean", "integer", "round", "exists", "xpath", "not", "registry", "object", "array",
    ];

    [System.Text.RegularExpressions.GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial System.Text.RegularExpressions.Regex PlainName();

    /// <summary>
    /// A property read of an MI 4.4 accessor, which fails when the property is not set and reads no local entry
    /// (EvaluationContext.getProperty); a resource's path parameter or a typed context field is always set.
    /// </summary>
    private static ExprIr? RequiredProperty(ExprIr? value) =>
        value is PropertyReadIr { Scope: PropertyScope.Default or PropertyScope.Axis2 } p ? p with { Fallback = null, Required = true } : value;

    /// <summary>
    /// A simple path inside a variable: <c>vars.x.payload.id</c>, <c>vars.x.headers["Content-Type"]</c>,
    /// <c>vars.x.items[0]</c> (member names and non-negative indexes below <c>vars.x</c>), or null.
    /// </summary>
    private static VariableReadIr? VariablePath(ExpressionNode node)
    {
        var path = new List<string>();
        var current = node;
        while (true)
        {
            switch (current)
            {
                case MemberAccess { Target: ContextReference { Kind: ContextKind.Variables }, Deep: false } root:
                    if (path.Count == 0)
                    {
                        return null;
                    }

                    path.Reverse();
                    return new VariableReadIr(root.Name) { Path = "$" + string.Concat(path) };
                case MemberAccess { Deep: false } member when PathMember(member.Name) is { } segment:
                    path.Add(segment);
                    current = member.Target;
                    continue;
                case IndexAccess { Deep: false, Indices: [NumberLiteral number] } index when number.Text.Length > 0 && number.Text.All(char.IsAsciiDigit):
                    path.Add("[" + number.Text + "]");
                    current = index.Target;
                    continue;
                case IndexAccess { Deep: false, Indices: [StringLiteral name] } index when PathMember(name.Value) is { } segment:
                    path.Add(segment);
                    current = index.Target;
                    continue;
                default:
                    return null;
            }
        }
    }

    /// <summary>A member name as a JSONPath step (<c>.name</c> or <c>['na-me']</c>), or null when it cannot be written as one.</summary>
    private static string? PathMember(string name) =>
        name.Length == 0 || name.Contains('\'', StringComparison.Ordinal) || name.Contains(']', StringComparison.Ordinal) ? null
        : name.All(c => char.IsLetterOrDigit(c) || c is '_') ? "." + name
        : "['" + name + "']";

    private static bool PayloadRoot(ExpressionNode node) => node switch
    {
        ContextReference { Kind: ContextKind.Payload or ContextKind.JsonRoot } => true,
        MemberAccess m => PayloadRoot(m.Target),
        IndexAccess i => PayloadRoot(i.Target),
        _ => false,
    };

    private static string JsonPathOf(ExpressionNode node) => node switch
    {
        MemberAccess m when m.Name.Length > 0 && m.Name.All(c => char.IsLetterOrDigit(c) || c is '_' or '-') => JsonPathOf(m.Target) + "." + m.Name,
        MemberAccess m => JsonPathOf(m.Target) + "['" + m.Name + "']",
        IndexAccess { Indices: [NumberLiteral n] } i => JsonPathOf(i.Target) + "[" + n.Text + "]",
        _ => "$",
    };

    // ---------------------------------------------------------------------------------------------------
    // XPath location paths.

    /// <summary>
    /// Paths of child steps from the SOAP Body (<c>$body/a</c>, <c>//a</c>, <c>/soapenv:Envelope/soapenv:Body/a</c>),
    /// each step with predicates (<see cref="Predicates"/>), optionally ending in <c>text()</c>, <c>node()</c> or
    /// an attribute (<c>@a</c>, which gives an <see cref="XmlAttributeReadIr"/>).
    /// </summary>
    private ExprIr? Navigation(bool absolute, bool fromBody, ImmutableArray<Step> steps, bool bodyChildren = false)
    {
        if (absolute && !fromBody && SoapBodyByLocalName(steps))
        {
            // //*[local-name()='Body']/*[1] (or /*): SynapseXPath evaluates over the envelope's document, where Jaxen's
            // node-set is in document order, so the SOAP Body (the first element named Body: Envelope and Header come
            // before it, the payload after) gives the first node, its first child element. An element named Body in
            // the payload lies inside that child and comes later; an empty SOAP Body has no payload. The first node
            // (the property's string or OM value) is the SOAP Body's first child, as $body/*[1] selects it.
            return Navigation(absolute: false, fromBody: true, steps[2..], bodyChildren: true);
        }

        var result = new List<XmlStepIr>();
        var textOnly = false;
        var descendantText = false;
        var descendant = false;
        int? textPosition = null;
        XmlAttributeIr? attribute = null;
        for (var i = 0; i < steps.Length; i++)
        {
            var step = steps[i];
            var last = i == steps.Length - 1;
            if (textOnly || attribute is not null)
            {
                return null;
            }

            switch (step)
            {
                case { Axis: XPathAxis.DescendantOrSelf, Test: NodeTypeTest { Type: NodeType.Node }, Predicates.IsEmpty: true } when !descendant:
                    // `//`, or the same step spelled out (`descendant-or-self::node()/a`).
                    descendant = true;
                    continue;
                case { Axis: XPathAxis.Descendant, Test: NameTest name } when !descendant:
                {
                    // descendant::a selects the same elements as descendant-or-self::node()/child::a (XPath 1.0 §2.5),
                    // `//a`, also from the root (Jaxen's document node, whose descendants include the Envelope: a test
                    // the Envelope may pass is refused below as for `//*`). Not with a positional predicate: there
                    // [1] counts among all the descendants, in `//a[1]` among each parent's children.
                    if (ElementTest(name, descendant: true) is not { } element || Predicates(step.Predicates) is not { } predicates
                        || predicates.Any(p => p is not XmlPredicateIr.Test))
                    {
                        return null;
                    }

                    result.Add(element with { Predicates = predicates });
                    continue;
                }
                case { Axis: XPathAxis.Self, Test: NodeTypeTest { Type: NodeType.Node }, Predicates.IsEmpty: true } when !descendant && result.Count > 0:
                    // a/. : self::node() of each selected element is that element, so the node-set is unchanged.
                    continue;
                case { Axis: XPathAxis.Child, Test: NodeTypeTest { Type: NodeType.Text }, Predicates.IsEmpty: true } when !descendant:
                    textOnly = true;
                    continue;
                case { Axis: XPathAxis.Child, Test: NodeTypeTest { Type: NodeType.Text }, Predicates: [NumberLiteral number] } when !descendant && last && Position(number) is { } position:
                    // a/text()[n]: the n-th text child of each a (the positional predicate counts per context node).
                    textOnly = true;
                    textPosition = position;
                    continue;
                case { Axis: XPathAxis.Child, Test: NodeTypeTest { Type: NodeType.Text }, Predicates.IsEmpty: true } when descendant && last:
                    // x//text(): the text children of x and of every element below it, in document order.
                    textOnly = true;
                    descendantText = true;
                    descendant = false;
                    continue;
                case { Axis: XPathAxis.Child, Test: NodeTypeTest { Type: NodeType.Node }, Predicates.IsEmpty: true } when !descendant && last && (result.Count > 0 || bodyChildren):
                    // Synapse's string value treats a path ending in node() specially (semantics §7.2). $body/node() is
                    // every child of the SOAP Body (elements and text), the body element being the parent.
                    result.Add(new XmlStepIr(null, null, "*", false) { AllNodes = true });
                    continue;
                case { Axis: XPathAxis.Attribute, Test: NameTest name, Predicates.IsEmpty: true } when !descendant && last && result.Count > 0:
                    attribute = AttributeTest(name);
                    if (attribute is null)
                    {
                        return null;
                    }

                    continue;
                case { Axis: XPathAxis.Child, Test: NameTest name }:
                {
                    if (ElementTest(name, descendant) is not { } element || Predicates(step.Predicates) is not { } predicates)
                    {
                        return null;
                    }

                    result.Add(element with { Predicates = predicates });
                    descendant = false;
                    continue;
                }

                default:
                    return null;
            }
        }

        if (descendant)
        {
            return null;
        }

        string? envelope = null;
        if (absolute)
        {
            // /soapenv:Envelope/soapenv:Body/... → the steps below the body.
            if (result.Count >= 2 && !result[0].Descendant && !result[1].Descendant
                && result[0].LocalName == "Envelope" && result[1].LocalName == "Body"
                && result[0].Predicates.IsEmpty && result[1].Predicates.IsEmpty
                && result[0].NamespaceUri is SoapEnv11 or SoapEnv12)
            {
                result.RemoveRange(0, 2);
            }
            else if (result.Count >= 3 && !result[0].Descendant && !result[1].Descendant
                && result[0].LocalName == "Envelope" && result[1].LocalName == "Header"
                && result[0].Predicates.IsEmpty && result[1].Predicates.IsEmpty
                && result[0].NamespaceUri is SoapEnv11 or SoapEnv12 && result[1].NamespaceUri == result[0].NamespaceUri)
            {
                // /soapenv:Envelope/soapenv:Header/... → the steps below the SOAP header.
                result.RemoveRange(0, 2);
                var below = new XmlNavigationIr([.. result], textOnly) { FromHeader = true, DescendantText = descendantText ? true : null, TextPosition = textPosition };
                return attribute is null ? below : new XmlAttributeReadIr(below, attribute);
            }
            else if (result.Count >= 1 && result[0].Descendant
                && result[0].NamespaceUri is SoapEnv11 or SoapEnv12 && result[0].LocalName is "Envelope" or "Body")
            {
                // //soapenv:Envelope/soapenv:Body/... and //soapenv:Body/...: Jaxen searches the whole document, where
                // the message's own Envelope and Body are; the steps below them start at the body. (The navigation of
                // `//` starts at the body, where the message's Envelope never is.)
                var strip = result[0].LocalName == "Body" ? 1
                    : result.Count >= 2 && !result[1].Descendant && result[1].Predicates.IsEmpty
                        && result[1].LocalName == "Body" && result[1].NamespaceUri == result[0].NamespaceUri ? 2
                    : 0;
                if (strip == 0 || !result[0].Predicates.IsEmpty)
                {
                    return null;
                }

                // Jaxen matches the envelope's namespace exactly: the steps find nothing in a message of the other SOAP version.
                envelope = result[0].NamespaceUri;
                result.RemoveRange(0, strip);
            }
            else if (result.Count == 0 && descendantText)
            {
                // //text() alone: Jaxen's context is the envelope's document, so every text node of the envelope (the
                // header's too), in document order.
                return new XmlNavigationIr([], TextOnly: true) { FromEnvelope = true, DescendantText = true };
            }
            else if (result.Count == 0 || !result[0].Descendant)
            {
                return null;
            }
            else if (result[0] is { LocalName: "*", NamespaceUri: null or SoapEnv11 or SoapEnv12 } any && (any.NamespaceUri is not null || !ExcludesEnvelope(any)))
            {
                // //* (or //soapenv:*): the Envelope element itself comes first in Jaxen's node-set, which a search
                // below the envelope does not give; so does //*[1] or any test the Envelope may pass.
                return null;
            }
            else
            {
                // //a: SynapseXPath evaluates against the message's envelope, and Jaxen's // searches the envelope's whole
                // document, so header blocks are found as well as the body's elements, in document order (the header
                // first). The navigation starts at the message's own envelope (not a copy); a message that is not SOAP
                // has an empty header.
                var fromDocument = new XmlNavigationIr([.. result], textOnly) { FromEnvelope = true, DescendantText = descendantText ? true : null, TextPosition = textPosition };
                return attribute is null ? fromDocument : new XmlAttributeReadIr(fromDocument, attribute);
            }
        }
        else if (!fromBody && result is [{ Descendant: false, LocalName: "Body", NamespaceUri: SoapEnv11 or SoapEnv12, Predicates.IsEmpty: true }, ..])
        {
            // soapenv:Body/... (relative): SynapseXPath.getContext makes the message's envelope the context node, so the
            // first step selects the envelope's Body child, as /soapenv:Envelope/soapenv:Body/... does: the steps below the body.
            result.RemoveAt(0);
        }
        else if (!fromBody && result is [{ Descendant: false, LocalName: "Header", NamespaceUri: SoapEnv11 or SoapEnv12, Predicates.IsEmpty: true }, _, ..])
        {
            // soapenv:Header/... (relative, the envelope being the context node): as /soapenv:Envelope/soapenv:Header/...,
            // the steps below the SOAP header.
            result.RemoveAt(0);
            var below = new XmlNavigationIr([.. result], textOnly) { FromHeader = true, DescendantText = descendantText ? true : null, TextPosition = textPosition };
            return attribute is null ? below : new XmlAttributeReadIr(below, attribute);
        }
        else if (!fromBody)
        {
            // A relative path: its context node is the SOAP envelope (SynapseXPath's context). A first step that names no
            // element of the SOAP envelope's namespaces (`null` in `$func:x = null`, `order/id`) selects the envelope's
            // children of that name: none in a SOAP message, an empty node-set, which the navigation from the envelope
            // gives too. Other relative paths are not modelled.
            if (result is [{ Descendant: false, LocalName: not "*", NamespaceUri: not (SoapEnv11 or SoapEnv12) }, ..])
            {
                var fromEnvelope = new XmlNavigationIr([.. result], textOnly) { FromEnvelope = true, DescendantText = descendantText ? true : null, TextPosition = textPosition };
                return attribute is null ? fromEnvelope : new XmlAttributeReadIr(fromEnvelope, attribute);
            }

            return null;
        }

        if (result.Count == 0 && !fromBody)
        {
            return null;
        }

        var navigation = new XmlNavigationIr([.. result], textOnly) { EnvelopeNamespace = envelope, DescendantText = descendantText ? true : null, TextPosition = textPosition };
        return attribute is null ? navigation : new XmlAttributeReadIr(navigation, attribute);
    }

    /// <summary>
    /// <c>//*[local-name()='Body']/*[1]</c> or <c>//*[local-name()='Body']/*</c>: the SOAP Body's children, of which
    /// the first node is the first child of the SOAP Body (<see cref="Navigation"/>). Only these shapes: a further
    /// step, or <c>*[n]</c> with n &gt; 1, could select below an element named Body in the payload when the SOAP
    /// Body's own child has none. (The node-set differs only past its first node, when the payload holds elements
    /// named Body: a count or an iteration over it would see those too.) A namespace-uri() test is not taken: it
    /// would find nothing in a message of the other SOAP version.
    /// </summary>
    private static bool SoapBodyByLocalName(ImmutableArray<Step> steps) =>
        steps is [
            { Axis: XPathAxis.DescendantOrSelf, Test: NodeTypeTest { Type: NodeType.Node }, Predicates.IsEmpty: true },
            { Axis: XPathAxis.Child, Test: NameTest { Prefix: null, LocalName: "*" }, Predicates: [var body] },
            { Axis: XPathAxis.Child, Test: NameTest { Prefix: null, LocalName: "*" }, Predicates: var first }]
        && NamesSoapBody(body)
        && (first.IsEmpty || first is [NumberLiteral { Text: "1" }]);

    private static bool NamesSoapBody(ExpressionNode test) => test switch
    {
        BinaryExpression { Operator: BinaryOperator.Equal, Left: FunctionCall { Name: "local-name", Arguments.IsEmpty: true, Prefix: null or "fn" }, Right: StringLiteral { Value: "Body" } } => true,
        BinaryExpression { Operator: BinaryOperator.Equal, Left: StringLiteral { Value: "Body" }, Right: FunctionCall { Name: "local-name", Arguments.IsEmpty: true, Prefix: null or "fn" } } => true,
        _ => false,
    };

    /// <summary>
    /// An element name test: a local name without a namespace, a prefix in scope, <c>*</c>, or <c>prefix:*</c> (any
    /// element in that namespace, Ballerina's <c>&lt;p:*&gt;</c> name pattern).
    /// </summary>
    private XmlStepIr? ElementTest(NameTest name, bool descendant)
    {
        string? uri = null;
        if (name.Prefix is { } prefix && !namespaces.TryGetValue(prefix, out uri))
        {
            return null;
        }

        return new XmlStepIr(name.Prefix, uri, name.LocalName, descendant);
    }

    private XmlAttributeIr? AttributeTest(NameTest name)
    {
        string? uri = null;
        if (name.LocalName == "*" || (name.Prefix is { } prefix && !namespaces.TryGetValue(prefix, out uri)))
        {
            return null;
        }

        return new XmlAttributeIr(name.Prefix, uri, name.LocalName);
    }

    /// <summary>
    /// The predicates of a step: tests of each element (a relative node-set compared with a literal, or tested for
    /// being non-empty, with and/or/not), then at most one positional predicate (<c>[n]</c>,
    /// <c>[position()=n]</c>, <c>[last()]</c>), which counts per context node as XPath does.
    /// </summary>
    private ImmutableArray<XmlPredicateIr>? Predicates(ImmutableArray<ExpressionNode> predicates)
    {
        var result = ImmutableArray.CreateBuilder<XmlPredicateIr>();
        for (var i = 0; i < predicates.Length; i++)
        {
            var predicate = Predicate(predicates[i]);
            if (predicate is null || (predicate is not XmlPredicateIr.Test && i != predicates.Length - 1))
            {
                return null;
            }

            result.Add(predicate);
        }

        // A test that reads the parent (a sibling or parent axis) is written with the parent at hand
        // (xpathChildrenWhere), which does not count positions: no positional predicate beside it.
        if (result.Any(p => p is XmlPredicateIr.Test t && IrWalker.ReadsParent(t.Condition)) && result.Any(p => p is not XmlPredicateIr.Test))
        {
            return null;
        }

        return result.ToImmutable();
    }

    private XmlPredicateIr? Predicate(ExpressionNode node) => node switch
    {
        NumberLiteral n when Position(n) is { } index => new XmlPredicateIr.Position(index),
        FunctionCall { Name: "last", Arguments.IsEmpty: true, Prefix: null or "fn" } => new XmlPredicateIr.Last(),
        BinaryExpression { Operator: BinaryOperator.Equal, Left: FunctionCall { Name: "position", Arguments.IsEmpty: true, Prefix: null or "fn" }, Right: var right } => right switch
        {
            NumberLiteral n when Position(n) is { } index => new XmlPredicateIr.Position(index),
            FunctionCall { Name: "last", Arguments.IsEmpty: true, Prefix: null or "fn" } => new XmlPredicateIr.Last(),
            _ => null,
        },
        _ => PredicateTest(node) is { } test ? new XmlPredicateIr.Test(test) : null,
    };

    private static int? Position(NumberLiteral n) =>
        int.TryParse(n.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index >= 1 ? index : null;

    /// <summary>A predicate that is not positional, as a condition over the context element.</summary>
    private ConditionIr? PredicateTest(ExpressionNode node)
    {
        switch (node)
        {
            case BinaryExpression { Operator: BinaryOperator.And or BinaryOperator.Or } b:
            {
                var left = PredicateTest(b.Left);
                var right = PredicateTest(b.Right);
                return left is null || right is null ? null : b.Operator == BinaryOperator.And ? new AndIr(left, right) : new OrIr(left, right);
            }

            case FunctionCall { Name: "not", Arguments.Length: 1, Prefix: null or "fn" } call:
                // Not of a context name: it would hold for the SOAP envelope's own elements, which the navigation does not test.
                return PredicateTest(call.Arguments[0]) is { } negated && !ReadsContextName(negated) ? new NotIr(negated) : null;
            case FunctionCall { Name: "true" or "false", Arguments.IsEmpty: true, Prefix: null or "fn" } call:
                return new BoolLiteralIr(call.Name == "true");
            case BinaryExpression { Operator: BinaryOperator.Equal or BinaryOperator.NotEqual or BinaryOperator.Less or BinaryOperator.LessOrEqual or BinaryOperator.Greater or BinaryOperator.GreaterOrEqual } b:
            {
                var op = OperatorText(b.Operator);
                if (Relative(b.Left) is { } nodes && PredicateLiteral(b.Right) is { } value)
                {
                    return NodeSetComparison(nodes, op, value, IsNumberLiteral(b.Right));
                }

                if (Relative(b.Right) is { } flipped && PredicateLiteral(b.Left) is { } literal)
                {
                    return NodeSetComparison(flipped, Flip(op), literal, IsNumberLiteral(b.Left));
                }

                // Two node-sets (XPath 1.0 §3.4): some pair of nodes; numbers for a relational operator, strings for = and !=.
                if (Relative(b.Left) is { } leftNodes && Relative(b.Right) is { } rightNodes)
                {
                    return new NodeSetCompareIr(leftNodes, op, rightNodes, Numeric: op is "<" or "<=" or ">" or ">=");
                }

                // local-name() / namespace-uri() of the context node equal to a string (two strings compare as strings,
                // XPath 1.0 §3.4): `//*[local-name()='status']`. Only equality with a name no SOAP envelope element has:
                // Synapse's `//*` also tests the Envelope, Header and Body elements, which the navigation from the body
                // never reaches, so `!=`, not() or an envelope name would select them in the Micro Integrator only.
                if (op == "=" && ContextName(b.Left) is { } leftName && b.Right is StringLiteral rightText && !EnvelopeName(b.Left, rightText.Value))
                {
                    return new CompareIr(leftName, op, new StringLiteralIr(rightText.Value));
                }

                if (op == "=" && ContextName(b.Right) is { } rightName && b.Left is StringLiteral leftText && !EnvelopeName(b.Right, leftText.Value))
                {
                    return new CompareIr(rightName, op, new StringLiteralIr(leftText.Value));
                }

                return null;
            }

            default:
                return Relative(node) is { } exists ? new NonEmptyIr(exists) : null;
        }
    }

    /// <summary>
    /// <c>local-name()</c> or <c>namespace-uri()</c> without an argument inside a predicate: the function of the context
    /// node (XPath 1.0 §4.1), which in a predicate of an element step is the element tested (the empty relative path,
    /// <c>.</c>). <c>name()</c> is not: it is the QName with the prefix the message wrote, which Ballerina's xml values do
    /// not keep.
    /// </summary>
    private static ExprIr? ContextName(ExpressionNode node) => node switch
    {
        FunctionCall { Name: "local-name", Arguments.IsEmpty: true, Prefix: null or "fn" } => Call(Builtin.XPathLocalName, ValueKind.String, new XmlRelativeIr([], null, false)),
        FunctionCall { Name: "namespace-uri", Arguments.IsEmpty: true, Prefix: null or "fn" } => Call(Builtin.XPathNamespaceUri, ValueKind.String, new XmlRelativeIr([], null, false)),
        _ => null,
    };

    /// <summary>
    /// Whether a <c>//*</c> step's first predicate is a test the Envelope element fails: <c>local-name()='x'</c> or
    /// <c>namespace-uri()='u'</c> (translated only for a name or namespace no SOAP envelope element has:
    /// <see cref="EnvelopeName"/>), or an and/or of such tests that the Envelope fails. The search below the envelope
    /// then selects what Jaxen's <c>//*[...]</c> selects from the envelope's document; <c>//*[1]</c> or any other test
    /// the Envelope may pass would select it in the Micro Integrator.
    /// </summary>
    private static bool ExcludesEnvelope(XmlStepIr step) =>
        step.Predicates is [XmlPredicateIr.Test { Condition: var first }, ..] && EnvelopeFails(first);

    private static bool EnvelopeFails(ConditionIr condition) => condition switch
    {
        CompareIr { Operator: "=", Left: BuiltinCallIr { Function: Builtin.XPathLocalName or Builtin.XPathNamespaceUri, Arguments: [XmlRelativeIr { Steps.IsEmpty: true }] } } => true,
        AndIr and => EnvelopeFails(and.Left) || EnvelopeFails(and.Right),
        OrIr or => EnvelopeFails(or.Left) && EnvelopeFails(or.Right),
        _ => false,
    };

    /// <summary>Whether local-name() is compared with Envelope, Header or Body, or namespace-uri() with a SOAP envelope namespace.</summary>
    private static bool EnvelopeName(ExpressionNode call, string text) =>
        call is FunctionCall { Name: "local-name" } ? text is "Envelope" or "Header" or "Body" : text is SoapEnv11 or SoapEnv12;

    private static bool ReadsContextName(ConditionIr condition) =>
        IrWalker.Expressions(condition).SelectMany(IrWalker.Descendants).Any(e => e is BuiltinCallIr { Function: Builtin.XPathLocalName or Builtin.XPathNamespaceUri, Arguments: [XmlRelativeIr { Steps.IsEmpty: true }] });

    private static ExprIr? PredicateLiteral(ExpressionNode node) => node switch
    {
        StringLiteral s => new StringLiteralIr(s.Value),
        NumberLiteral n => new NumberLiteralIr(n.Text, ValueKind.Float),
        UnaryExpression { Operator: UnaryOperator.Negate, Operand: NumberLiteral n } => new NumberLiteralIr("-" + n.Text, ValueKind.Float),
        _ => null,
    };

    /// <summary>A node-set relative to a predicate's context element: <c>.</c>, <c>@a</c>, <c>a/b</c>, <c>a/text()</c>, <c>text()</c>.</summary>
    private XmlRelativeIr? Relative(ExpressionNode node)
    {
        if (node is not LocationPath { Absolute: false } path)
        {
            return null;
        }

        var steps = new List<XmlStepIr>();
        for (var i = 0; i < path.Steps.Length; i++)
        {
            var step = path.Steps[i];
            var last = i == path.Steps.Length - 1;
            if (!step.Predicates.IsEmpty)
            {
                return null;
            }

            switch (step)
            {
                case { Axis: XPathAxis.Self, Test: NodeTypeTest { Type: NodeType.Node } } when path.Steps.Length == 1:
                    return new XmlRelativeIr([], null, false);
                case { Axis: XPathAxis.Attribute, Test: NameTest name } when last:
                    return AttributeTest(name) is { } attribute ? new XmlRelativeIr([.. steps], attribute, false) : null;
                case { Axis: XPathAxis.Child, Test: NodeTypeTest { Type: NodeType.Text } } when last:
                    return new XmlRelativeIr([.. steps], null, true);
                case { Axis: XPathAxis.Child, Test: NameTest name } when ElementTest(name, descendant: false) is { } element:
                    steps.Add(element);
                    continue;
                case { Axis: XPathAxis.FollowingSibling or XPathAxis.PrecedingSibling or XPathAxis.Parent } when i == 0 && ParentAxisStep(step) is { } first:
                    steps.Add(first);
                    continue;
                default:
                    return null;
            }
        }

        return steps.Count == 0 ? null : new XmlRelativeIr([.. steps], null, false);
    }

    /// <summary>
    /// The first step of a predicate's relative path on an axis that starts from the context element's parent
    /// (XPath 1.0 §2.2): <c>following-sibling::a</c>, <c>preceding-sibling::a</c> (element name tests, <c>*</c>
    /// without a prefix), <c>parent::a</c>, <c>parent::*</c>, <c>..</c> (<c>parent::node()</c>: the parent is always
    /// an element there, as the context element is a child of the element the step took it from).
    /// </summary>
    private XmlStepIr? ParentAxisStep(Step step)
    {
        var axis = step.Axis switch
        {
            XPathAxis.FollowingSibling => XmlAxis.FollowingSibling,
            XPathAxis.PrecedingSibling => XmlAxis.PrecedingSibling,
            _ => XmlAxis.Parent,
        };
        return step.Test switch
        {
            NodeTypeTest { Type: NodeType.Node } when axis == XmlAxis.Parent => new XmlStepIr(null, null, "*", false) { Axis = axis },
            NameTest { Prefix: not null, LocalName: "*" } => null,
            NameTest name => ElementTest(name, descendant: false) is { } element ? element with { Axis = axis } : null,
            _ => null,
        };
    }

    private static string OperatorText(BinaryOperator op) => op switch
    {
        BinaryOperator.Equal => "=",
        BinaryOperator.NotEqual => "!=",
        BinaryOperator.Less => "<",
        BinaryOperator.LessOrEqual => "<=",
        BinaryOperator.Greater => ">",
        _ => ">=",
    };

    /// <summary>The operator with its operands swapped: <c>5 &lt; a</c> is <c>a &gt; 5</c>.</summary>
    private static string Flip(string op) => op switch
    {
        "<" => ">",
        "<=" => ">=",
        ">" => "<",
        ">=" => "<=",
        _ => op,
    };

    /// <summary>
    /// XPath 1.0 §3.4: a node-set compared with a number, or by a relational operator, compares number(string
    /// value) of each node; compared with a string, the string value of each node; true when some node matches.
    /// </summary>
    private static NodeSetCompareIr NodeSetComparison(ExprIr nodes, string op, ExprIr other, bool numberLiteral)
    {
        var numeric = numberLiteral || op is "<" or "<=" or ">" or ">=" || other.Kind is ValueKind.Float or ValueKind.Integer || other is CountIr;
        if (numeric && other is StringLiteralIr { Value: var text } && Comparisons.IsDecimalNumeral(text.Trim()))
        {
            other = new NumberLiteralIr(text.Trim(), ValueKind.Float);
        }

        return new NodeSetCompareIr(nodes, op, other, numeric);
    }

    /// <summary>A node-set value: selected elements (or their text children), or attributes.</summary>
    private static bool IsNodeSet(ExprIr? value) => value is XmlNavigationIr or XmlAttributeReadIr;

    // ---------------------------------------------------------------------------------------------------
    // Functions.

    private ExprIr? Function(FunctionCall call)
    {
        if (IsXPath && BoundFunctionPrefix(call, namespaces))
        {
            return null;
        }

        var xpathName = call.Prefix is null or "fn" ? call.Name : call.QualifiedName;
        var signature = Builtins.Find(IsXPath ? FunctionDialect.XPath : FunctionDialect.Synapse, IsXPath ? xpathName : call.Name);
        if (signature is not { Translated: true } || !signature.Accepts(call.Arguments.Length))
        {
            return null;
        }

        var args = call.Arguments;
        return IsXPath ? XPathFunction(signature.Name, args) : SynapseFunction(signature.Name, args);
    }

    /// <summary>The XPath functions SynapseXPathFunctionContext gives by local name, whatever the prefix's namespace.</summary>
    private static readonly HashSet<string> SynapseOwnFunctions = ["get-property", "base64Encode", "base64Decode", "url-encode", "hmac-generate", "encrypt", "decrypt"];

    /// <summary>
    /// An <c>fn:</c> call whose prefix an <c>xmlns:fn</c> in scope binds, to a function Jaxen keeps: Jaxen's
    /// DefaultFunctionCallExpr looks the function up in the prefix's namespace, where XPathFunctionContext registers
    /// none (its functions have no namespace), so the Micro Integrator fails ("No Such Function"). An unbound
    /// <c>fn:</c> resolves to no namespace and finds the function.
    /// </summary>
    internal static bool BoundFunctionPrefix(FunctionCall call, ImmutableDictionary<string, string> namespaces) =>
        call.Prefix == "fn" && namespaces.ContainsKey("fn") && !SynapseOwnFunctions.Contains(call.Name);

    /// <summary>
    /// The property of <c>get-property('FOREACH_ORIGINAL_MESSAGE')</c> or <c>get-property('id_FOREACH_ORIGINAL_MESSAGE')</c>
    /// (the envelope a foreach saved before its loop, an XML value) when a path navigates it; null otherwise.
    /// </summary>
    private static string? ForEachOriginalMessage(FunctionCall call) =>
        call is { Name: "get-property", Prefix: null or "fn", Arguments: [StringLiteral { Value: var name }] }
        && (name == "FOREACH_ORIGINAL_MESSAGE" || name.EndsWith("_FOREACH_ORIGINAL_MESSAGE", StringComparison.Ordinal))
            ? name
            : null;

    /// <summary>A navigation (or attribute read) made relative to the SOAP Header element (<c>$header/...</c>).</summary>
    private static ExprIr? FromHeader(ExprIr? navigation) => navigation switch
    {
        XmlNavigationIr n => n with { FromHeader = true },
        XmlAttributeReadIr a => a with { Elements = a.Elements with { FromHeader = true } },
        _ => null,
    };

    /// <summary>A navigation (or attribute read) made relative to the XML a property holds instead of the SOAP body.</summary>
    private static ExprIr? FromProperty(ExprIr? navigation, string property) => navigation switch
    {
        XmlNavigationIr n => n with { RootProperty = property },
        XmlAttributeReadIr a => a with { Elements = a.Elements with { RootProperty = property } },
        _ => null,
    };

    /// <summary>A navigation (or attribute read) made relative to the XML a variable holds instead of the SOAP body.</summary>
    private static ExprIr? FromVariable(ExprIr? navigation, string variable) => navigation switch
    {
        XmlNavigationIr n => n with { RootVariable = variable },
        XmlAttributeReadIr a => a with { Elements = a.Elements with { RootVariable = variable } },
        _ => null,
    };

    private ExprIr? XPathFunction(string name, ImmutableArray<ExpressionNode> args)
    {
        switch (name)
        {
            case "get-property":
            {
                if (!args.All(a => a is StringLiteral))
                {
                    return null;
                }

                var values = args.Cast<StringLiteral>().Select(a => a.Value).ToArray();
                return values.Length == 1 ? owner.GetProperty(values[0])
                    : ExpressionTranslator.IsGetPropertyScope(values[0]) ? owner.ScopedProperty(values[0], values[1])
                    // GetPropertyFunction: a first argument that is not a scope is a default-scope property and the
                    // second its date format, which only SYSTEM_DATE reads.
                    : owner.GetProperty(values[0], values[1]);
            }

            case "concat":
            {
                var parts = args.Select(StringValue).ToArray();
                return parts.Any(p => p is null) ? null : new ConcatIr([.. parts.Select(p => p!)]);
            }

            case "string":
                // An explicit string() of a count is XPath's string ("2"), not the number result Synapse prints ("2.0").
                return StringValue(args[0]) is { } stringValue ? (stringValue is CountIr ? new ConvertIr(stringValue, ValueKind.String) : stringValue) : null;
            case "number":
                return Number(args[0]);
            case "boolean" or "not" or "contains" or "starts-with" or "ends-with" or "true" or "false":
                return Condition(new FunctionCall(default, null, name, args)) is { } condition ? new ConditionValueIr(condition) : null;
            case "count":
                return Value(args[0]) is { } nodes && IsNodeSet(nodes) ? new CountIr(nodes, Nodes: true) : null;
            case "sum":
                return Value(args[0]) is XmlNavigationIr { TextOnly: false } summed ? Call(Builtin.XPathSum, ValueKind.Float, summed) : null;
            case "string-length":
                return StringValue(args[0]) is { } measured ? new CountIr(measured, Nodes: false) : null;
            case "substring":
            {
                var text = StringValue(args[0]);
                var numbers = args.Skip(1).Select(Number).ToArray();
                return text is null || numbers.Any(n => n is null) ? null : Call(Builtin.XPathSubstring, ValueKind.String, [text, .. numbers.Select(n => n!)]);
            }

            case "substring-before" or "substring-after" or "normalize-space" or "translate" or "upper-case" or "lower-case":
            {
                var strings = args.Select(StringValue).ToArray();
                var builtin = name switch
                {
                    "substring-before" => Builtin.SubstringBefore,
                    "substring-after" => Builtin.SubstringAfter,
                    "normalize-space" => Builtin.NormalizeSpace,
                    "translate" => Builtin.Translate,
                    "upper-case" => Builtin.XPathUpperCase,
                    _ => Builtin.XPathLowerCase,
                };
                return strings.Any(s => s is null) ? null : Call(builtin, ValueKind.String, [.. strings.Select(s => s!)]);
            }

            case "round" or "floor" or "ceiling":
            {
                var operand = Number(args[0]);
                var builtin = name switch { "round" => Builtin.XPathRound, "floor" => Builtin.Floor, _ => Builtin.Ceiling };
                return operand is null ? null : Call(builtin, ValueKind.Float, operand);
            }

            case "base64Decode":
            {
                // Base64DecodeFunction: commons-codec's lenient decoding of value.getBytes(charset), then
                // new String(bytes, charset).trim(); UTF-8 unless a second argument names another charset. The runtime
                // decodes UTF-8, US-ASCII and ISO-8859-1 (JavaCharset: their names and aliases) as Java does (a literal charset
                // only; any other stays a TODO).
                string? decodedCharset = null;
                if (args.Length == 2)
                {
                    decodedCharset = args[1] is StringLiteral { Value: var decodeCharset } ? JavaCharset(decodeCharset) : null;
                    if (decodedCharset is null)
                    {
                        return null;
                    }
                }

                return StringValue(args[0]) is not { } decoded ? null
                    : decodedCharset is null or "UTF-8" ? Call(Builtin.XPathBase64Decode, ValueKind.String, decoded)
                    : Call(Builtin.XPathBase64Decode, ValueKind.String, decoded, new StringLiteralIr(decodedCharset));
            }

            case "base64Encode":
                // Base64EncodeFunction: UTF-8 unless a second argument names another charset.
                if (args.Length == 2 && !(args[1] is StringLiteral { Value: var charset } && charset.Equals("UTF-8", StringComparison.OrdinalIgnoreCase)))
                {
                    return null;
                }

                return StringValue(args[0]) is { } encoded ? Call(Builtin.Base64Encode, ValueKind.String, encoded) : null;
            case "local-name" or "namespace-uri":
                // Without an argument: the context node, translated only inside a predicate (ContextName), as outside one
                // Synapse's context node is the SOAP Envelope.
                return args.Length == 1 && Value(args[0]) is XmlNavigationIr { TextOnly: false } named
                    ? Call(name == "local-name" ? Builtin.XPathLocalName : Builtin.XPathNamespaceUri, ValueKind.String, named)
                    : null;
            case "wso2:vault-lookup" when args[0] is StringLiteral alias:
                // A secret never becomes a literal: it is a required configurable.
                return owner.Secret(alias.Value);
            case "hashicorp:vault-lookup" when args.Length is 2 or 3 && args.All(a => a is StringLiteral):
                // HashiCorpVaultLookupFunction (micro-integrator): (path, field) or (namespace, path, field), the secret
                // a required configurable per namespace, path and field, the one MI 4.4 hashicorp-vault() of the same
                // arguments reads (EvaluationContext.fetchHashicorpSecretValue calls this function).
                return owner.Secret("hashicorp:" + string.Join("/", args.Cast<StringLiteral>().Select(a => a.Value)));
            case "hashicorp:vault-lookup" when args.Length == 1:
                // HashiCorpVaultLookupFunction returns "" when it is given neither two nor three arguments.
                return new StringLiteralIr(string.Empty);
            case "json-eval":
                return null; // only reached through the placeholder variables of ExpressionTranslator.Parse
            default:
                return null;
        }
    }

    /// <summary>XPath string(x): numbers in XPath's form, booleans as true/false, anything else as it reads.</summary>
    private ExprIr? StringValue(ExpressionNode node) => Value(node) switch
    {
        null => null,
        var nodes when IsXPath && IsNodeSet(nodes) => Call(Builtin.XPathStringValue, ValueKind.String, nodes),

        // Jaxen's string() of the property's object: XML gives its first node's string value (the writer's
        // propertyXPathString), a DOUBLE-typed value prints as an XPath number.
        PropertyReadIr { Required: false } read when IsXPath => read with { XPathString = true },
        var value => AsString(value, dialect),
    };

    /// <summary>
    /// An MI 4.4 argument that is certainly a string (not a JSON value whose type only the run time knows), as the
    /// function or operator that takes it reads it: ExpressionResult.asString (<see cref="JavaAsString"/>).
    /// </summary>
    private ExprIr? Text(ExpressionNode node) => RawText(node) is { } text ? JavaAsString(text) : null;

    /// <summary>An MI 4.4 argument that is certainly a string, before ExpressionResult.asString reads it (<see cref="Text"/>).</summary>
    private ExprIr? RawText(ExpressionNode node) => Value(node) switch
    {
        null => null,

        // A header, property or parameter is a number when its text is one (tryParseNumber), which a string
        // function or a concatenation refuses: checked at run time.
        { Kind: ValueKind.String } scalar when ScalarAccessor(node) && !IrWalker.Descendants(scalar).Any(e => e is JsonEvalIr or VariableReadIr) => Call(Builtin.MiStringOperand, ValueKind.String, scalar),

        // A sum over header, property or parameter values may be a number, which a string function or a concatenation
        // refuses: only a sum with a string operand (a literal, a string function) is certainly a string when it succeeds.
        BuiltinCallIr { Function: Builtin.MiSum } sum when !SumIsString(sum) => null,

        // A payload path or a variable holds a typed value: the string functions take only a string (checked at run time).
        JsonEvalIr path => Call(Builtin.JsonString, ValueKind.String, new StringLiteralIr(path.Path)),
        VariableReadIr { Path: null } variable => Call(Builtin.VariableString, ValueKind.String, new StringLiteralIr(variable.Name)),
        { Kind: ValueKind.String } value when !IrWalker.Descendants(value).Any(e => e is JsonEvalIr or VariableReadIr) => value,
        _ => null,
    };

    private ExprIr? Integer(ExpressionNode node) => Number(node) is { Kind: ValueKind.Integer } value ? value : null;

    private ExprIr? SynapseFunction(string name, ImmutableArray<ExpressionNode> args)
    {
        switch (name)
        {
            case "xpath" when args is [StringLiteral xpath]:
            {
                // MI 4.4 xpath('...'): an XPath over the XML payload.
                var parsed = ExpressionParser.Parse(xpath.Value, ExpressionLanguage.XPath);
                if (parsed.Success && IsDocumentRoot(parsed.Root))
                {
                    return DocumentRootString;
                }

                var inner = new ExpressionBinder(owner, ExpressionLanguage.XPath, namespaces, jsonEvals);
                return parsed.Success && inner.Value(parsed.Root) is { } value ? AsString(value, ExpressionLanguage.XPath) : null;
            }

            case "xpath" when args is [StringLiteral path, StringLiteral { Value: var variable }]:
            {
                // PredefinedFunctionNode.evaluateXPATHExpression with a variable: the XPath "$var:" + name + the
                // expression's text, so '/a' or '//a' navigates from the variable's element. Translated for a variable
                // every variable mediator of the project sets with type="XML" (an OMElement there, xml here); "v.field"
                // (a field of a Map variable, a connector's response) is not.
                var parsed = ExpressionParser.Parse(path.Value, ExpressionLanguage.XPath);
                if (!parsed.Success || parsed.Root is not LocationPath { Absolute: true, Steps.IsEmpty: false } located
                    || variable.Length == 0 || variable.Contains('.', StringComparison.Ordinal) || !owner.XmlVariable(variable))
                {
                    return null;
                }

                var inner = new ExpressionBinder(owner, ExpressionLanguage.XPath, namespaces, jsonEvals);
                return FromVariable(inner.Navigation(absolute: false, fromBody: true, located.Steps), variable) is { } nodes ? AsString(nodes, ExpressionLanguage.XPath) : null;
            }

            case "registry" when args is [StringLiteral { Value: var key }] && owner.RegistryExpr(key, synapseExpression: true) is { } content:
                // handleRegistryAccess: EvaluationContext.getRegistryResource (Registry.lookup, uncached) when the
                // expression is evaluated; here the resource of the input project as it was converted (its credentials
                // read from configurables).
                return content;

            case "wso2-vault" when args[0] is StringLiteral alias:
                return owner.Secret(alias.Value);
            case "length" when JsonOperand(args[0]) is { } measuredJson:
                // handleLengthFunction: a string's length or an array's size, decided by the JSON value at run time.
                return Call(Builtin.JsonLength, ValueKind.Integer, measuredJson);
            case "length":
                // length() also counts an array's items: a payload path or variable (maybe an array) is not translated.
                return Value(args[0]) is not (JsonEvalIr or VariableReadIr) && Text(args[0]) is { } measured ? Call(Builtin.Length, ValueKind.Integer, measured) : null;
            case "split":
                return Split(args[0], args[1]);
            case "object" or "array":
                return JsonConversion(args[0], name == "array");
            case "base64encode" or "urlEncode" when args.Length == 2:
                // PredefinedFunctionNode: with the charset "UTF-8" both mean what they do with one argument (urlEncode
                // writes %20 and %2A only for exactly "UTF-8"). Another name Java's Charset.forName resolves to UTF-8,
                // US-ASCII or ISO-8859-1 encodes with that charset (String.getBytes / URLEncoder.encode: '?' for a
                // character it cannot encode) and, for urlEncode, keeps URLEncoder's '+' and '*'; any other charset
                // is not translated (an unknown one fails in the MI).
                if (args[1] is StringLiteral { Value: "UTF-8" })
                {
                    return SynapseFunction(name, [args[0]]);
                }

                return args[1] is StringLiteral { Value: var charset } && JavaCharset(charset) is { } canonical && Text(args[0]) is { } encoded
                    ? Call(name == "urlEncode" ? Builtin.UrlEncode : Builtin.Base64Encode, ValueKind.String, encoded, new StringLiteralIr(canonical))
                    : null;
            case "toUpper" or "toLower" or "trim" or "base64encode" or "base64decode":
            {
                var builtin = name switch
                {
                    "toUpper" => Builtin.UpperCase,
                    "toLower" => Builtin.LowerCase,
                    "trim" => Builtin.Trim,
                    "base64encode" => Builtin.Base64Encode,
                    _ => Builtin.Base64Decode,
                };
                return Text(args[0]) is { } text ? Call(builtin, ValueKind.String, text) : null;
            }

            case "urlEncode" or "urlDecode":
                return Text(args[0]) is { } url ? Call(name == "urlEncode" ? Builtin.UrlEncode : Builtin.UrlDecode, ValueKind.String, url) : null;
            case "now":
                return Call(Builtin.NowMillis, ValueKind.Integer);
            case "startsWith" or "endsWith" or "contains":
            {
                var text = Text(args[0]);
                var operand = Text(args[1]);
                var test = name switch { "startsWith" => StringTest.StartsWith, "endsWith" => StringTest.EndsWith, _ => StringTest.Contains };
                return text is null || operand is null ? null : new ConditionValueIr(new StringTestIr(text, test, operand));
            }

            case "subString":
            {
                var text = Text(args[0]);
                var bounds = args.Skip(1).Select(Integer).ToArray();
                return text is null || bounds.Any(b => b is null) ? null : Call(Builtin.Substring, ValueKind.String, [text, .. bounds.Select(b => b!)]);
            }

            case "replace":
            {
                var strings = args.Select(Text).ToArray();
                return strings.Any(s => s is null) ? null : Call(Builtin.ReplaceAll, ValueKind.String, [.. strings.Select(s => s!)]);
            }

            case "indexOf":
            {
                var text = Text(args[0]);
                var operand = Text(args[1]);
                return text is null || operand is null ? null : Call(Builtin.IndexOf, ValueKind.Integer, text, operand);
            }

            case "charAt":
            {
                var text = Text(args[0]);
                var index = Integer(args[1]);
                return text is null || index is null ? null : Call(Builtin.CharAt, ValueKind.String, text, index);
            }

            case "abs":
                // handleAbsFunction: Math.abs of an int is an int, of a double a double; a quotient of ints is either.
                // A long (now()) is neither, and fails ("Invalid argument provided for abs function").
                return Number(args[0]) is { } absolute && !IsIntQuotient(absolute) && !JavaLong(absolute) ? Call(Builtin.Abs, absolute.Kind, absolute) : null;
            case "floor" or "ceil" or "sqrt":
            {
                var operand = Number(args[0]);
                var builtin = name switch { "floor" => Builtin.Floor, "ceil" => Builtin.Ceiling, _ => Builtin.Sqrt };
                return operand switch
                {
                    null => null,

                    // handleFloorFunction, handleCeilFunction: an int argument is returned as the int ("5", not "5.0");
                    // a quotient of ints is an int or a double, which only the run time knows.
                    // A long (now()) is neither an int nor a double there, and fails.
                    { Kind: ValueKind.Integer } when builtin != Builtin.Sqrt && JavaLong(operand) => null,
                    { Kind: ValueKind.Integer } integral when builtin != Builtin.Sqrt => integral,
                    _ when builtin != Builtin.Sqrt && IsIntQuotient(operand) => null,
                    _ => Call(builtin, ValueKind.Float, ToFloat(operand)),
                };
            }

            case "log":
            {
                // PredefinedFunctionNode: log(x) is Math.log10(x), log(x, base) is Math.log(x) / Math.log(base).
                var x = Number(args[0]);
                if (args.Length == 1)
                {
                    return x is null ? null : Call(Builtin.Log10, ValueKind.Float, ToFloat(x));
                }

                var b = Number(args[1]);
                return x is null || b is null ? null : Call(Builtin.LogBase, ValueKind.Float, ToFloat(x), ToFloat(b));
            }

            case "pow":
            {
                var x = Number(args[0]);
                var y = Number(args[1]);
                return x is null || y is null ? null : Call(Builtin.Power, ValueKind.Float, ToFloat(x), ToFloat(y));
            }

            case "round":
                return Number(args[0]) switch
                {
                    null => null,
                    { Kind: ValueKind.Integer } integral => integral,
                    var number => Call(Builtin.RoundHalfUp, ValueKind.Integer, number),
                };
            case "integer" or "float" or "boolean":
            {
                var kind = name switch { "integer" => ValueKind.Integer, "float" => ValueKind.Float, _ => ValueKind.Boolean };
                var value = Value(args[0]);
                return value switch
                {
                    null => null,
                    _ when value.Kind == kind => value,

                    // handleIntegerConversion, handleFloatConversion, handleBooleanConversion parse the argument's
                    // asString(): a header, property or parameter as the number its text parses as, else its text without
                    // one pair of enclosing quotes; a Java String a + or a string function made without that pair too.
                    { Kind: ValueKind.String } when ScalarAccessor(args[0]) => new ConvertIr(Call(Builtin.MiScalarText, ValueKind.String, value), kind),
                    { Kind: ValueKind.String } => new ConvertIr(JavaAsString(value), kind),
                    _ => null,
                };
            }

            case "string":
                // PredefinedFunctionNode: new ExpressionResult(result.asString()): a header, property or parameter as the
                // number its text parses as, else without one pair of enclosing quotes; a Java String a + or a string
                // function made without that pair too.
                return Value(args[0]) switch
                {
                    null => null,
                    { Kind: ValueKind.String } text when ScalarAccessor(args[0]) => Call(Builtin.MiScalarText, ValueKind.String, text),
                    { Kind: ValueKind.String } text => JavaAsString(text),
                    var stringified => AsString(stringified, dialect),
                };
            case "not":
                return BooleanOperand(args[0]) is { } negated ? new ConditionValueIr(new NotIr(negated)) : null;
            case "isString" or "isNumber" or "isArray" or "isObject":
            {
                // ExpressionResult's type checks read the JSON type of the value: a payload path keeps it (read at run
                // time from the message). A variable does not: the package stores it as its mediator's type (a string
                // unless the type says otherwise) where the MI keeps the JSON value or Java object itself.
                var builtin = name switch
                {
                    "isString" => Builtin.IsString,
                    "isNumber" => Builtin.IsNumber,
                    "isArray" => Builtin.IsArray,
                    _ => Builtin.IsObject,
                };
                return JsonOperand(args[0]) is { } json ? Call(builtin, ValueKind.Boolean, json) : null;
            }

            case "formatDateTime" when args is [FunctionCall { Name: "now", Arguments.IsEmpty: true }, StringLiteral pattern]
                && DateTimeFormatterPattern.Parts(pattern.Value) is { } parts:
                // handleFormatCurrentDateTimeFunction: the epoch milliseconds as a LocalDateTime in the system zone,
                // formatted by DateTimeFormatter.ofPattern; for now() that is the current time, as formatSystemDate writes it.
                return Call(Builtin.FormatSystemDate, ValueKind.String, [.. parts.Select(p => (ExprIr)new StringLiteralIr(p))]);
            case "formatDateTime" when args is [var source, StringLiteral inputFormat, StringLiteral outputFormat]
                && DateTimeFormatterPattern.InputParts(inputFormat.Value) is { } inputParts
                && DateTimeFormatterPattern.Parts(outputFormat.Value) is { } outputParts
                && Text(source) is { } text:
                // handleFormatDateTimeFunctions: LocalDateTime.parse, else LocalDate.parse, else LocalTime.parse of the
                // source with the input pattern, written with the output pattern; a source that does not match (or an
                // output field the parsed value lacks) is an EvaluationException, which the caller's guard turns into "".
                return Call(Builtin.FormatDateTime, ValueKind.String,
                [
                    text,
                    new NumberLiteralIr(inputParts.Count.ToString(CultureInfo.InvariantCulture), ValueKind.Integer),
                    .. inputParts.Select(p => (ExprIr)new StringLiteralIr(p)),
                    .. outputParts.Select(p => (ExprIr)new StringLiteralIr(p)),
                ]);
            case "exists":
                // handleExistsCheck: true unless evaluating the argument fails or gives null.
                return Value(args[0]) switch
                {
                    JsonEvalIr path => Call(Builtin.PayloadExists, ValueKind.Boolean, new StringLiteralIr(path.Path)),
                    VariableReadIr { Path: null } variable => Call(Builtin.VariableExists, ValueKind.Boolean, new StringLiteralIr(variable.Name)),
                    VariableReadIr { Path: { } path } variable => Call(Builtin.VariablePathExists, ValueKind.Boolean, new StringLiteralIr(variable.Name), new StringLiteralIr(path)),
                    // HeadersAndPropertiesAccessNode: the header's value (context.getHeader, Axis2's case-insensitive
                    // map), an EvaluationException when the message does not carry it, which exists() reads as false.
                    HeaderReadIr header => Call(Builtin.HeaderExists, ValueKind.Boolean, new StringLiteralIr(header.Name)),
                    _ => null,
                };
            case "hashicorp-vault" when args.All(a => a is StringLiteral):
                // hashicorp-vault(path, field) or (namespace, path, field): a secret never becomes a literal, it is a
                // required configurable, one per namespace, path and field.
                return owner.Secret("hashicorp:" + string.Join("/", args.Cast<StringLiteral>().Select(a => a.Value)));
            default:
                return null;
        }
    }

    /// <summary>
    /// A JSON-typed MI 4.4 operand: a payload path (<see cref="PayloadJson"/>), a function whose result is a JSON value
    /// (split, object, array) or a payload path with wildcards or filters (Jayway's JsonArray), or null.
    /// </summary>
    private ExprIr? JsonOperand(ExpressionNode node) =>
        PayloadJson(node) ?? (Value(node) is { Kind: ValueKind.Json } json && (node is FunctionCall || json is BuiltinCallIr { Function: Builtin.JsonQueryValue }) ? json : null);

    /// <summary>
    /// An MI 4.4 string literal as LiteralNode evaluates it: the token's text without one pair of surrounding quotes
    /// (ExpressionResult.asString), backslashes kept. Without the source text, only a literal whose value holds no
    /// quote or backslash (so it was written without escapes).
    /// </summary>
    private string? MiLiteralText(StringLiteral literal) =>
        MiLiteralToken(literal) is { Length: >= 2 } token ? token[1..^1]
        : Source is null && !literal.Value.Any(c => c is '\\' or '"' or '\'') ? literal.Value
        : null;

    /// <summary>The token of an MI 4.4 string literal as written, quotes included, or null when the source text is not known.</summary>
    private string? MiLiteralToken(StringLiteral literal) =>
        Source is { } text && literal.Span.End <= text.Length && literal.Span.Length >= 2 ? text.Substring(literal.Span.Start, literal.Span.Length) : null;

    /// <summary>
    /// MI 4.4 split(text, regex) (handleSplitFunction: String.split of two strings into a JSON array): the regex must be
    /// a string literal that JavaRegex translates for a search (Java's split finds each match, as replaceAll does); the
    /// text any certain string (a payload path or variable through the run-time string check).
    /// </summary>
    private ExprIr? Split(ExpressionNode source, ExpressionNode pattern)
    {
        if (pattern is not StringLiteral regex || MiLiteralText(regex) is not { } java || JavaRegex.Translate(java, RegexUse.Replace) is not { Translated: true } translated)
        {
            return null;
        }

        var text = source is StringLiteral literal ? (MiLiteralText(literal) is { } written ? new StringLiteralIr(written) : null) : Text(source);
        return text is null ? null : Call(Builtin.Split, ValueKind.Json, text, new StringLiteralIr(translated.Pattern!));
    }

    /// <summary>
    /// MI 4.4 object(x) / array(x) (convertToObject/convertToArray through ExpressionResult.asJsonObject/asJsonArray): the
    /// argument a string literal (its token as written, quotes included, which the run time strips and parses as the MI
    /// does), a payload path, a JSON result of another function, or a certain string. A variable is not translated: the
    /// package stores it as its mediator's type, where the MI keeps the JSON element.
    /// </summary>
    private ExprIr? JsonConversion(ExpressionNode node, bool array)
    {
        var operand = node switch
        {
            StringLiteral literal => MiLiteralToken(literal) is { } token ? new StringLiteralIr(token) : null,
            _ when JsonOperand(node) is { } json => json,
            _ when Value(node) is VariableReadIr or null => null,
            _ => Text(node),
        };
        return operand is null ? null : Call(array ? Builtin.ToJsonArray : Builtin.ToJsonObject, ValueKind.Json, operand);
    }

    /// <summary>The typed JSON value of a payload path argument (<c>payload.a</c>, <c>$.a[0]</c>), or null for anything else.</summary>
    private BuiltinCallIr? PayloadJson(ExpressionNode node) =>
        Value(node) is JsonEvalIr path ? Call(Builtin.PayloadJson, ValueKind.Json, new StringLiteralIr(path.Path)) : null;

    /// <summary>An MI 4.4 operand that is a boolean (a comparison, a boolean function, a literal).</summary>
    private ConditionIr? BooleanOperand(ExpressionNode node) => node switch
    {
        BooleanLiteral b => new BoolLiteralIr(b.Value),
        BinaryExpression or UnaryExpression { Operator: UnaryOperator.Not } => Condition(node),
        _ => Value(node) switch
        {
            { Kind: ValueKind.Boolean } value => Unwrap(value),

            // A payload path holds a JSON value: ExpressionResult.isBoolean accepts a JSON boolean (checked at run time).
            JsonEvalIr path => new BooleanValueIr(Call(Builtin.JsonBoolean, ValueKind.Boolean, Call(Builtin.PayloadJson, ValueKind.Json, new StringLiteralIr(path.Path)))),
            _ => null, // a variable is stored as its mediator's type, a property or header is a Java string: not a boolean
        },
    };

    private static ConditionIr Unwrap(ExprIr value) => value is ConditionValueIr c ? c.Condition : new BooleanValueIr(value);

    // ---------------------------------------------------------------------------------------------------
    // Conditions.

    /// <summary>A node in a boolean position: XPath boolean() of it, or an MI 4.4 boolean.</summary>
    public ConditionIr? Condition(ExpressionNode node)
    {
        switch (node)
        {
            case BinaryExpression { Operator: BinaryOperator.And } b:
                return Both(b, (l, r) => new AndIr(l, r));
            case BinaryExpression { Operator: BinaryOperator.Or } b:
                return Both(b, (l, r) => new OrIr(l, r));
            case BinaryExpression { Operator: BinaryOperator.Equal or BinaryOperator.NotEqual or BinaryOperator.Less or BinaryOperator.LessOrEqual or BinaryOperator.Greater or BinaryOperator.GreaterOrEqual } b:
                return Comparison(b);
            case UnaryExpression { Operator: UnaryOperator.Not } when dialect == ExpressionLanguage.Synapse:
                // ExpressionParser.g4 has no prefix `!` outside a JSONPath filter: the MI refuses the expression.
                return null;
            case UnaryExpression { Operator: UnaryOperator.Not } u:
                return Condition(u.Operand) is { } operand ? new NotIr(operand) : null;
            case BinaryExpression { Operator: BinaryOperator.Union } when IsXPath:
                return UnionNotEmpty(node);
            case BooleanLiteral b when !IsXPath:
                return new BoolLiteralIr(b.Value);
            case NumberLiteral n when IsXPath && double.TryParse(n.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number):
                // XPath boolean() of a number: true unless zero or NaN.
                return new BoolLiteralIr(number != 0);
            case FunctionCall call when IsXPath && (call.Prefix is null or "fn"):
                switch (call.Name, call.Arguments.Length)
                {
                    case ("not", 1):
                        return Condition(call.Arguments[0]) is { } negated ? new NotIr(negated) : null;
                    case ("boolean", 1):
                        return Condition(call.Arguments[0]);
                    case ("contains" or "starts-with" or "ends-with", 2):
                    {
                        var tested = StringValue(call.Arguments[0]);
                        var part = StringValue(call.Arguments[1]);
                        if (tested is null || part is null)
                        {
                            return null;
                        }

                        var test = call.Name switch { "contains" => StringTest.Contains, "starts-with" => StringTest.StartsWith, _ => StringTest.EndsWith };
                        return new StringTestIr(tested, test, part);
                    }

                    case ("true", 0):
                        return new BoolLiteralIr(true);
                    case ("false", 0):
                        return new BoolLiteralIr(false);
                }

                break;
        }

        var v = Value(node);
        return v switch
        {
            null or UntranslatedExprIr => null,
            ConditionValueIr c => c.Condition,
            { Kind: ValueKind.Boolean } => new BooleanValueIr(v),

            // XPath boolean() of a number: not zero (a count is never NaN).
            CountIr when IsXPath => new CompareIr(v, "!=", new NumberLiteralIr("0", ValueKind.Float), Numeric: true),
            // A Synapse expression holds when its text is "true" in any case: FilterMediator tests
            // Boolean.parseBoolean(stringValueOf), so "false", "yes" and "" are all false.
            { Kind: ValueKind.String } when dialect == ExpressionLanguage.Synapse => new CompareIr(new BuiltinCallIr(Builtin.AsciiLowerCase, [v], ValueKind.String), "==", new StringLiteralIr("true")),
            { Kind: ValueKind.String } when v is not CountIr => new NonEmptyIr(v),
            _ => null,
        };
    }

    /// <summary>
    /// XPath boolean() of a union (<c>a | b</c>): the union is not empty exactly when one of its operands is not, so
    /// it is the or of their boolean(); each operand must be a node-set (Jaxen refuses a union of anything else).
    /// </summary>
    private ConditionIr? UnionNotEmpty(ExpressionNode node) => node switch
    {
        BinaryExpression { Operator: BinaryOperator.Union } u =>
            UnionNotEmpty(u.Left) is { } left && UnionNotEmpty(u.Right) is { } right ? new OrIr(left, right) : null,
        _ => Value(node) is (XmlNavigationIr or XmlAttributeReadIr) and var nodes ? new NonEmptyIr(nodes) : null,
    };

    private ConditionIr? Both(BinaryExpression b, Func<ConditionIr, ConditionIr, ConditionIr> make)
    {
        // MI 4.4 and/or take real booleans only (BinaryOperationNode.handleLogical fails on anything else), not the
        // filter's parseBoolean of a string.
        var left = IsXPath ? Condition(b.Left) : BooleanOperand(b.Left);
        var right = IsXPath ? Condition(b.Right) : BooleanOperand(b.Right);
        return left is null || right is null ? null : make(left, right);
    }

    /// <summary>
    /// XPath comparison rules, as the translator always applied them: a relational operator, a number literal or
    /// a count makes the comparison numeric (both sides through number()); otherwise both sides compare as
    /// strings (a node-set by Synapse's string value of it). Booleans compare only with booleans.
    /// </summary>
    private ConditionIr? Comparison(BinaryExpression b)
    {
        var left = Operand(b.Left);
        var right = Operand(b.Right);
        if (left is null || right is null)
        {
            return null;
        }

        var op = OperatorText(b.Operator);
        if (!IsXPath && op is "=" or "!=")
        {
            return SynapseEquality(b, op);
        }

        if (IsXPath && IsNodeSet(left) != IsNodeSet(right))
        {
            // XPath 1.0 §3.4: true when the comparison holds for some node (a boolean compares with boolean()).
            var (nodes, other, written) = IsNodeSet(left) ? (left, right, op) : (right, left, Flip(op));
            var otherNode = IsNodeSet(left) ? b.Right : b.Left;
            if (other.Kind == ValueKind.Boolean)
            {
                return op is "=" or "!=" ? new CompareIr(new ConditionValueIr(new NonEmptyIr(nodes)), op, other) : null;
            }

            return NodeSetComparison(nodes, written, other, IsNumberLiteral(otherNode));
        }

        var leftBoolean = left.Kind == ValueKind.Boolean;
        var rightBoolean = right.Kind == ValueKind.Boolean;
        if (leftBoolean || rightBoolean)
        {
            return leftBoolean && rightBoolean && op is "=" or "!=" ? new CompareIr(left, op, right) : null;
        }

        var numeric = op is "<" or ">" or "<=" or ">="
            || IsNumberLiteral(b.Left) || IsNumberLiteral(b.Right)
            || left is CountIr || right is CountIr
            || left.Kind is ValueKind.Float or ValueKind.Integer || right.Kind is ValueKind.Float or ValueKind.Integer;
        return Comparisons.Typed(left, op, right, numeric);
    }



    /// <summary>
    /// MI 4.4 <c>==</c> and <c>!=</c> (BinaryOperationNode.handleEquality): the two operands' <c>asString()</c> compared as
    /// text, whatever their types; only <c>&lt; &lt;= &gt; &gt;=</c> compare numbers. So a JSON 10.0 differs from 10 and
    /// "007" from 7. A comparison with <c>null</c> is not translated (see <see cref="UntranslatedPart"/>).
    /// </summary>
    private ConditionIr? SynapseEquality(BinaryExpression b, string op)
    {
        if (b.Left is NullLiteral || b.Right is NullLiteral)
        {
            // handleEquality: two nulls are equal, a null and a value are not. LiteralNode gives null for `null` and
            // PayloadAccessNode for a JSON null; a path that does not exist fails the whole expression instead.
            var isNull = (b.Left is NullLiteral ? b.Right : b.Left) switch
            {
                NullLiteral => new BoolLiteralIr(true),
                var other => PayloadIsNull(other),
            };
            return isNull is null ? null : op == "=" ? isNull : new NotIr(isNull);
        }

        var left = SynapseText(b.Left);
        var right = SynapseText(b.Right);
        return left is null || right is null ? null : new CompareIr(left, op, right);
    }

    /// <summary>
    /// Whether a payload path (<c>payload.a.b</c>, <c>$.items[0]</c>) holds a JSON null (<c>payloadIsNull</c>): true for a
    /// null, false for another value, an error when the member or index does not exist (Jayway's PathNotFoundException),
    /// as PayloadAccessNode reads it. A header or property is never null (it fails when missing, and the package stores
    /// variables as their mediator's type), so only payload paths are translated.
    /// </summary>
    private ConditionIr? PayloadIsNull(ExpressionNode node)
    {
        if (!PayloadRoot(node) || !IsSimpleJsonPath(node))
        {
            return null;
        }

        var (parent, member) = node switch
        {
            MemberAccess m => (m.Target, (ExprIr)new StringLiteralIr(m.Name)),
            IndexAccess { Indices: [NumberLiteral n] } i => (i.Target, new NumberLiteralIr(n.Text, ValueKind.Integer)),
            _ => (node, null),
        };
        return member is null
            ? null
            : new BooleanValueIr(Call(Builtin.PayloadIsNull, ValueKind.Boolean, new StringLiteralIr(JsonPathOf(parent)), member));
    }

    /// <summary>
    /// ExpressionResult.asString of an MI 4.4 operand: a number literal as the Java number LiteralNode parses it prints
    /// (<c>010</c> is "10", <c>1.50</c> "1.5", <c>1e2</c> "100.0"), a string literal without one pair of surrounding
    /// quotes, booleans "true"/"false", a double as Java's Double.toString, a payload path as the JSON text (a string
    /// without its quotes, a number as written). Null is refused.
    /// </summary>
    private ExprIr? SynapseText(ExpressionNode node)
    {
        switch (node)
        {
            case NumberLiteral n:
                return JavaNumberText(n.Text) is { } text ? new StringLiteralIr(text) : null;
            case UnaryExpression { Operator: UnaryOperator.Negate, Operand: NumberLiteral n }:
                return JavaNumberText("-" + n.Text) is { } negative ? new StringLiteralIr(negative) : null;
            case BooleanLiteral literal:
                return new StringLiteralIr(literal.Value ? "true" : "false");
            case NullLiteral:
                return null;
            case StringLiteral s:
                // LiteralNode keeps the token's text, its delimiting quotes included (ExpressionVisitor.visitLiteral:
                // STRING_LITERAL().getText()), and asString removes that one pair: '"abc"' compares as "abc", quotes
                // kept (MiLiteralText).
                return MiLiteralText(s) is { } written ? new StringLiteralIr(written) : null;
        }

        var value = Value(node);
        return value switch
        {
            null or UntranslatedExprIr => null,

            // A header, property or parameter compares as the number its text parses as, if any (tryParseNumber).
            { Kind: ValueKind.String } when ScalarAccessor(node) => Call(Builtin.MiScalarText, ValueKind.String, value),
            { Kind: ValueKind.String } => JavaAsString(value),
            { Kind: ValueKind.Integer or ValueKind.Boolean } => new ConvertIr(value, ValueKind.String),
            BuiltinCallIr { Function: Builtin.MiIntQuotient } => AsString(value, dialect),
            { Kind: ValueKind.Float } => Call(Builtin.JavaDoubleString, ValueKind.String, value),
            _ => null,
        };
    }

    /// <summary>LiteralNode.parseNumber printed: Integer.parseInt, else Long.parseLong, else Double.parseDouble (Java's Double.toString).</summary>
    private static string? JavaNumberText(string text)
    {
        if (text.All(c => char.IsAsciiDigit(c) || c == '-'))
        {
            if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
            {
                return integer.ToString(CultureInfo.InvariantCulture);
            }

            if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var longValue))
            {
                return longValue.ToString(CultureInfo.InvariantCulture);
            }
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? JavaDoubles.ToString(number) : null;
    }

    private static bool IsNumberLiteral(ExpressionNode node) => node is NumberLiteral or UnaryExpression { Operator: UnaryOperator.Negate, Operand: NumberLiteral };

    /// <summary>A comparison operand: number literals keep their text (the writer compares them as numbers).</summary>
    private ExprIr? Operand(ExpressionNode node) => node switch
    {
        NumberLiteral n => new StringLiteralIr(n.Text),
        UnaryExpression { Operator: UnaryOperator.Negate, Operand: NumberLiteral n } => new StringLiteralIr("-" + n.Text),
        _ => Value(node) switch
        {
            null or UntranslatedExprIr when node is not FunctionCall { Name: "get-property" } => null,
            var value => value,
        },
    };
}
