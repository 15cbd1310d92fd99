using SynapseToBal.IR;

namespace SynapseToBal.Refine;

/// <summary>
/// Expressions that only read the message or the context: evaluated twice with nothing written between, they give the
/// same value, and evaluating them writes nothing (no clock, generated id, runtime call that writes or user code).
/// </summary>
public static class PureReads
{
    /// <summary>An expression part that only reads the message or the context.</summary>
    public static bool IsPureRead(ExprIr e) => e is StringLiteralIr or NumberLiteralIr or BooleanLiteralIr or LocalEntryReadIr or PropertyReadIr
        or VariableReadIr or ParameterReadIr or HeaderReadIr or JsonEvalIr or XmlNavigationIr or XmlRelativeIr or XmlAttributeReadIr or ConcatIr
        or CountIr or ConfigurableReadIr or BuiltinCallIr { Function: Builtin.PropertyOrNull } or SystemValueIr { Value: SystemValue.Action or SystemValue.MessageFormat or SystemValue.To or SystemValue.MessageId or SystemValue.ReplyTo or SystemValue.FaultTo or SystemValue.OperationName or SystemValue.ServerIp or SystemValue.ServerHost };

    /// <summary>An expression made of pure reads only (<see cref="IsPureRead"/>).</summary>
    public static bool IsPure(ExprIr e) => IrWalker.Descendants(e).All(IsPureRead);

    /// <summary>A condition whose every operand is made of pure reads only; an untranslated test or a runtime evaluator is not.</summary>
    public static bool IsPure(ConditionIr c) =>
        !IrWalker.Conditions(c).Any(t => t is UntranslatedConditionIr or UrlConditionHoldsIr) && IrWalker.Expressions(c).All(IsPure);
}
