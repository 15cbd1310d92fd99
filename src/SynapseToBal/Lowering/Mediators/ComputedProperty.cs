using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

// Lowering of <property name="{expression}">: a property whose name is computed per message.
public sealed partial class Lowerer
{
    /// <summary>
    /// A property whose name is computed at run time. Synapse's PropertyMediator evaluates the name
    /// (<c>Value.evaluateValue</c>: the expression's string value; an empty name only logs a warning and is used as
    /// it is) before the value, then sets or removes the property of that name. Default-scope and operation-scope
    /// properties only hold data, so the evaluated name indexes <c>ctx.properties</c> or <c>ctx.operation</c>; other
    /// scopes (transport headers, axis2 and the rest) stay a TODO: a computed name there may be one Synapse or the
    /// transport acts on. A name expression that is not translated stays a TODO as well.
    /// </summary>
    private StepIr LowerComputedProperty(PropertyMediator property, string? pattern, FlowContext context)
    {
        if (property.DynamicName is not { } dynamicName || property.Scope is not ("default" or "operation"))
        {
            return Todo(property, DiagnosticCatalog.DynamicKey, "the property name is computed at run time", property.Name);
        }

        if (IrWalker.ContainsUntranslated(context.Translator.Value(dynamicName.Syntax)))
        {
            return Todo(property, DiagnosticCatalog.DynamicKey, "the property name is computed at run time by an expression that is not translated", property.Name);
        }

        var name = Expr(dynamicName.Syntax, context);
        var scope = property.Scope == "operation" ? PropertyScope.Operation : PropertyScope.Default;
        if (property.Action == PropertyAction.Remove)
        {
            return new ComputedPropertyStep(property, name, null) { Scope = scope };
        }

        var value = MatchedGroup(Typed(SecretSafeValue(property.Name, property.Value, property.Location, context), property.Type, property.Value is ValueSyntax.InlineXml, propertyIntegers: true), pattern, property.Group);
        return new ComputedPropertyStep(property, name, value) { Scope = scope };
    }
}
