using SynapseToBal.Syntax;

namespace SynapseToBal.IR;

/// <summary>
/// A property whose name is computed at run time (<c>&lt;property name="{expression}"&gt;</c>): the name is evaluated
/// as a string (Synapse's <c>Value.evaluateValue</c>) before the value, then the property of <see cref="Scope"/> is
/// written, or removed when <see cref="Value"/> is null. Any default-scope property may be the one written.
/// </summary>
public sealed record ComputedPropertyStep(MediatorSyntax Origin, ExprIr Name, ExprIr? Value) : StepIr(Origin)
{
    /// <summary>The map the property is written to: the default scope or the operation context.</summary>
    public PropertyScope Scope { get; init; }
}
