using System.Collections.Immutable;
using SynapseToBal.IR;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

// What the Amazon SQS and Amazon S3 connectors 1.0.x share: each operation is a template whose parameters the
// generated helper of the operation takes by name, so an operation becomes one call with the parameters' values.
public sealed partial class Lowerer
{
    /// <summary>
    /// An operation of an Amazon connector 1.0.x (SQS or S3): one call of the operation's helper with the parameters'
    /// values (a literal credential a required configurable); a TODO (SB0232) for an operation in
    /// <paramref name="untranslatable"/> (with its reason), one the table does not hold, a <c>configKey</c> connection
    /// (<paramref name="configKeyReader"/> says which connector reads it) or a parameter the 1.0.x template does not declare.
    /// </summary>
    private IEnumerable<StepIr> LowerAwsOperation<TKind>(
        ConnectorOperationMediator operation,
        FlowContext context,
        Dictionary<string, (TKind Kind, string[] Parameters)> operations,
        Dictionary<string, string> untranslatable,
        string configKeyReader,
        Func<TKind, ImmutableArray<AwsArgumentIr>, StepIr> step)
    {
        if (untranslatable.TryGetValue(operation.Operation, out var why))
        {
            return [ConnectorTodo(operation, why)];
        }

        if (!operations.TryGetValue(operation.Operation, out var shape))
        {
            return [ConnectorTodo(operation, null)];
        }

        if (operation.ConfigKey is not null)
        {
            return [ConnectorTodo(operation, $"it names a connection (configKey), which {configKeyReader}")];
        }

        if (UnreadableOperationShape(operation) is { } unreadable)
        {
            return [unreadable];
        }

        var unknown = operation.PassedParameters.Select(p => p.Name).Where(n => !shape.Parameters.Contains(n)).Distinct().ToList();
        if (unknown.Count > 0)
        {
            return [ConnectorTodo(operation, $"{string.Join(", ", unknown)} {(unknown.Count == 1 ? "is not a parameter" : "are not parameters")} of the 1.0.x connector's {operation.Operation} (a later connector version's settings, which the generated call does not reproduce)")];
        }

        var parameters = ParametersByName(operation);
        var arguments = ImmutableArray.CreateBuilder<AwsArgumentIr>();
        foreach (var name in shape.Parameters)
        {
            if (parameters.TryGetValue(name, out var parameter))
            {
                arguments.Add(new AwsArgumentIr(name, SecretSafeValue(name, parameter.Value, parameter.Location, context)));
            }
        }

        return [step(shape.Kind, arguments.ToImmutable())];
    }
}
