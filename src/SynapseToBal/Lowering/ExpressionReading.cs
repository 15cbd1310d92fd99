namespace SynapseToBal.Lowering;

/// <summary>
/// How a mediator reads the whole result of an MI 4.4 <c>${...}</c> expression (SynapseExpression): the two differ in
/// ExpressionResult.asString, which drops one pair of enclosing double or single quotes from a Java String (a <c>+</c>
/// of strings, a string function's result, a header or property value) and throws for a lone quote character.
/// </summary>
public enum ExpressionReading
{
    /// <summary>
    /// SynapseExpression.stringValueOf (asString of the result): a log message or property, a property or header value,
    /// a filter or switch source, a template parameter (Value.evaluateValue), a payloadFactory argument or a
    /// <c>${...}</c> template with <c>xpath(</c>, a variable of type STRING or XML, ...
    /// </summary>
    StringValue,

    /// <summary>
    /// SynapseExpression.objectValueOf (ExpressionResult.getValue, as it is): a payloadFactory <c>${...}</c> template
    /// without <c>xpath(</c> (RegexTemplateProcessor.evaluateExpression), a variable without a STRING or XML type
    /// (mediators.v2.Utils.getResolvedValue), a foreach collection (ForEachMediatorV2).
    /// </summary>
    ObjectValue,
}
