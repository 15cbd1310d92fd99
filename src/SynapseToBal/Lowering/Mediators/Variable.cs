using System.Globalization;
using System.Text.RegularExpressions;
using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

// Lowering of <variable> (MI 4.4): a typed value in the variables map.
public sealed partial class Lowerer
{
    /// <summary>The names XMLConfigConstants.VARIABLE_DATA_TYPES.valueOf accepts (exact, case-sensitive).</summary>
    private static readonly string[] VariableTypes = ["STRING", "BOOLEAN", "INTEGER", "LONG", "DOUBLE", "JSON", "XML"];

    private StepIr LowerVariable(VariableMediator variable, FlowContext context)
    {
        if (variable.Action == PropertyAction.Remove)
        {
            return new RemoveVariableStep(variable, variable.Name);
        }

        if (variable.Type is { } type && !VariableTypes.Contains(type, StringComparer.Ordinal))
        {
            var known = $"it is not one of {string.Join(", ", VariableTypes)} (exact case; OM and SHORT were dropped before MI 4.4)";
            if (variable.Value is ValueSyntax.Expression)
            {
                // An expression's type is looked up at every evaluation (Utils.isXMLType: VARIABLE_DATA_TYPES.valueOf), which
                // throws; AbstractListMediator faults with the exception's message.
                _diagnostics.Report(DiagnosticCatalog.InvalidAttribute, variable.Location, "variable", "type", type, known + ": every evaluation faults in the Micro Integrator, as the generated code does");
                return new FailStep(variable, new StringLiteralIr("No enum constant org.apache.synapse.config.xml.XMLConfigConstants.VARIABLE_DATA_TYPES." + type));
            }

            // A value is converted at deploy time: "Unknown type : X ..." refuses the artifact.
            return Todo(variable, DiagnosticCatalog.InvalidAttribute, $"type '{type}' is not a variable type of the Micro Integrator ({string.Join(", ", VariableTypes)}): the Micro Integrator refuses to deploy the artifact",
                "variable", "type", type, known + ": the Micro Integrator refuses to deploy the artifact; the mediator is kept in a TODO");
        }

        if (variable.Value is ValueSyntax.Expression { Syntax: var expression } && variable.Type is "BOOLEAN" or "INTEGER" or "LONG" or "DOUBLE" or "JSON")
        {
            return LowerTypedVariableExpression(variable, expression, variable.Type, context);
        }

        // mediators.v2.Utils.getResolvedValue: stringValueOf for a STRING or XML variable, objectValueOf for any other.
        var value = SecretSafeValue(variable.Name, variable.Value, variable.Location, context, variable.Type is "STRING" or "XML" ? ExpressionReading.StringValue : ExpressionReading.ObjectValue);
        if (value is StringLiteralIr literal && variable.Value is ValueSyntax.Literal && variable.Type is "BOOLEAN" or "INTEGER" or "LONG" or "DOUBLE")
        {
            return VariableLiteral(literal.Value, variable.Type) is { } typed
                ? new SetVariableStep(variable, variable.Name, typed)
                : Todo(variable, DiagnosticCatalog.InvalidAttribute, $"value '{literal.Value}' is not a valid {variable.Type}: the Micro Integrator refuses to deploy the artifact",
                    "variable", "value", literal.Value, $"Utils.convertValue cannot convert it to {variable.Type}, so the Micro Integrator refuses to deploy the artifact; the mediator is kept in a TODO");
        }

        var inlineXml = variable.Value is ValueSyntax.InlineXml && variable.Type is null or "STRING";
        return new SetVariableStep(variable, variable.Name, Typed(value, variable.Type, inlineXml));
    }

    /// <summary>
    /// A literal converted as Utils.convertValue does when the artifact is deployed: Integer.parseInt and Long.parseLong
    /// (no surrounding blanks, the type's range), Double.parseDouble (surrounding blanks allowed), and for BOOLEAN
    /// Axis2's JavaUtils.isTrueExplicitly ("true" or "yes" in any case, or "1"; anything else is false). Null when the
    /// Micro Integrator refuses the value, or for a double written in a form a Ballerina literal does not take.
    /// </summary>
    internal static ExprIr? VariableLiteral(string text, string type) => type switch
    {
        "BOOLEAN" => new BooleanLiteralIr(text == "1" || string.Equals(text, "true", StringComparison.OrdinalIgnoreCase) || string.Equals(text, "yes", StringComparison.OrdinalIgnoreCase)),
        "INTEGER" when TryParseJavaInt(text, out var number) => new NumberLiteralIr(number.ToString(CultureInfo.InvariantCulture), ValueKind.Integer),
        "LONG" when JavaInteger(text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            => new NumberLiteralIr(number.ToString(CultureInfo.InvariantCulture), ValueKind.Integer),
        "DOUBLE" when JavaDecimalDouble(text) is { } number => new NumberLiteralIr(number, ValueKind.Float),
        _ => null,
    };

    /// <summary>Integer.parseInt's syntax: an optional sign and ASCII digits, nothing around them.</summary>
    private static bool JavaInteger(string text) => Regex.IsMatch(text, @"^[+-]?[0-9]+$", RegexOptions.CultureInvariant);

    /// <summary>
    /// A decimal Double.parseDouble accepts (blanks trimmed, an optional f/d suffix) as a Ballerina float literal, or null
    /// (NaN, Infinity and hexadecimal forms, and text Java refuses).
    /// </summary>
    private static string? JavaDecimalDouble(string text)
    {
        var trimmed = text.Trim(Enumerable.Range(0, 33).Select(c => (char)c).ToArray());
        var match = Regex.Match(trimmed, @"^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?[fFdD]?$", RegexOptions.CultureInvariant);
        if (!match.Success)
        {
            return null;
        }

        var numeral = trimmed.TrimEnd('f', 'F', 'd', 'D');
        if (!double.TryParse(numeral, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || double.IsInfinity(number))
        {
            return null;
        }

        var formatted = number.ToString("R", CultureInfo.InvariantCulture);
        return formatted.Contains('.', StringComparison.Ordinal) || formatted.Contains('E', StringComparison.Ordinal) ? formatted : formatted + ".0";
    }

    /// <summary>
    /// An expression with a type other than STRING or XML (mediators/v2/Utils.getResolvedValue): the expression's object
    /// value is converted by its Java type. A ${...} payload path gives a Gson JsonPrimitive, converted by
    /// convertJsonPrimitive (a JSON number for INTEGER, LONG, DOUBLE, a JSON boolean for BOOLEAN, its text for JSON); an
    /// XPath or json-eval expression has no object value (SynapseXPath/SynapseJsonPath.objectValueOf return null), so the
    /// mediator always faults.
    /// </summary>
    private StepIr LowerTypedVariableExpression(VariableMediator variable, ExpressionSyntax expression, string type, FlowContext context)
    {
        if (expression.Language != ExpressionLanguage.Synapse)
        {
            var text = expression.Language == ExpressionLanguage.JsonPath ? expression.Text : expression.Original;
            _diagnostics.Report(DiagnosticCatalog.InvalidAttribute, variable.Location, "variable", "type", type,
                "the Micro Integrator converts only the value of a ${...} expression; an XPath or json-eval expression has no typed value, so the mediator always faults, as the generated code does");
            return new FailStep(variable, new StringLiteralIr(VariableTypeMismatch(text, type)));
        }

        var inner = expression.Original.StartsWith("${", StringComparison.Ordinal) && expression.Original.EndsWith('}') ? expression.Original[2..^1] : expression.Text;
        var value = Expr(expression, context, ExpressionReading.ObjectValue);
        if (IrWalker.ContainsUntranslated(value))
        {
            // Reported as untranslated already; the conversion waits for the hand-written value.
            return new SetVariableStep(variable, variable.Name, Typed(value, type, inlineXml: false));
        }

        var converted = (value, type) switch
        {
            (JsonEvalIr path, _) when ExpressionTranslator.IsSimpleJsonPath(path.Path) => new BuiltinCallIr(
                type switch
                {
                    "INTEGER" => Builtin.VariableInteger,
                    "LONG" => Builtin.VariableLong,
                    "DOUBLE" => Builtin.VariableDouble,
                    "BOOLEAN" => Builtin.VariableBoolean,
                    _ => Builtin.VariableJson,
                },
                [new StringLiteralIr(path.Path), new StringLiteralIr(inner)],
                type switch
                {
                    "INTEGER" or "LONG" => ValueKind.Integer,
                    "DOUBLE" => ValueKind.Float,
                    "BOOLEAN" => ValueKind.Boolean,
                    _ => ValueKind.Json,
                }),

            // Int arithmetic (of INTEGER variables and int literals) is a Java Integer, which INTEGER keeps; past the int
            // range it is a Long, and a failed evaluation "", which fault.
            (BuiltinCallIr { Function: Builtin.SynapseValue, Arguments: [ConvertIr { To: ValueKind.String, Operand: { Kind: ValueKind.Integer } number }, _] }, "INTEGER")
                when IsIntSumOrProduct(number) => new BuiltinCallIr(Builtin.MiIntegerResult, [number, new StringLiteralIr(inner)], ValueKind.Integer),

            // A comparison, and/or, exists() or a type check is a Java Boolean, which BOOLEAN keeps as it is.
            ({ Kind: ValueKind.Boolean }, "BOOLEAN") => value,
            (ConvertIr { To: ValueKind.String, Operand: { Kind: ValueKind.Boolean } condition }, "BOOLEAN") => condition,
            _ => null,
        };
        if (converted is not null)
        {
            return new SetVariableStep(variable, variable.Name, converted);
        }

        _diagnostics.Report(DiagnosticCatalog.ExpressionNotTranslated, expression.Location, expression.Original,
            $"the Micro Integrator converts the result to {type} by its Java type (a JSON number for INTEGER, LONG and DOUBLE, a JSON boolean or a Java Boolean for BOOLEAN, a JSON element for JSON, else it faults); only a payload path, or a condition for BOOLEAN, is translated");
        return new SetVariableStep(variable, variable.Name, Typed(new UntranslatedExprIr(expression.Original), type, inlineXml: false));
    }

    /// <summary>
    /// A sum or product of two Java ints (INTEGER variables, int literals): Math.addExact / multiplyExact give an Integer,
    /// or a Long past the int range, which the run-time check tells apart exactly (a subtraction wraps in Java instead).
    /// </summary>
    private static bool IsIntSumOrProduct(ExprIr value) =>
        value is ArithmeticIr { Operator: ArithmeticOperator.Add or ArithmeticOperator.Multiply, Left: var left, Right: var right }
        && IsJavaInt(left) && IsJavaInt(right);

    private static bool IsJavaInt(ExprIr value) =>
        value is BuiltinCallIr { Function: Builtin.MiIntVariable } || value is NumberLiteralIr { NumberKind: ValueKind.Integer } && !ExpressionBinder.JavaLong(value);

    /// <summary>The fault message of Utils.handleDataTypeException.</summary>
    internal static string VariableTypeMismatch(string expression, string type) =>
        "Expression '${" + expression + "}' result does not match the expected data type '" + type + "'";
}
